/*
 * A Language Server Protocol client for the tests: spawns `connlint lsp`
 * ($CONNLINT) with pipes, frames and sends messages, reads and parses
 * what comes back (json-c), with time-outs so that a server that stops
 * answering fails a test instead of hanging it. Positions are converted
 * here with a UTF-16 counter of the test's own, independent of the
 * server's.
 */
#ifndef CL_TESTS_LIB_LSP_CLIENT_H
#define CL_TESTS_LIB_LSP_CLIENT_H

#include <check.h>
#include <errno.h>
#include <json-c/json.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CL_TEST_HELPER
#define CL_TEST_HELPER __attribute__((unused))
#endif

extern char **environ;

struct lsp {
	pid_t pid;
	int to, from;
	char *buf;
	size_t len, alloc;
	int next_id;
	/* notifications read while waiting for something else */
	json_object *seen;
};

static CL_TEST_HELPER const char *
lsp_binary(void)
{
	const char *p = getenv("CONNLINT");

	return p && *p ? p : "build/connlint";
}

/* Starts `connlint lsp ARGS...` (NULL-terminated; the working directory
 * is CWD when not NULL). */
static CL_TEST_HELPER void
lsp_start_in(struct lsp *c, const char *cwd, const char *const *args)
{
	int in[2], out[2];
	const char *argv[16];
	posix_spawn_file_actions_t fa;
	size_t n = 0;
	char *abs = NULL;

	memset(c, 0, sizeof(*c));
	signal(SIGPIPE, SIG_IGN);
	ck_assert_int_eq(pipe(in), 0);
	ck_assert_int_eq(pipe(out), 0);
	if (cwd && lsp_binary()[0] != '/') {
		char here[4096];

		ck_assert_ptr_nonnull(getcwd(here, sizeof(here)));
		abs = malloc(strlen(here) + strlen(lsp_binary()) + 2);
		sprintf(abs, "%s/%s", here, lsp_binary());
	}
	argv[n++] = abs ? abs : lsp_binary();
	argv[n++] = "lsp";
	while (args && *args && n < 15)
		argv[n++] = *args++;
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_addclose(&fa, in[1]);
	posix_spawn_file_actions_addclose(&fa, out[0]);
	if (cwd)
		posix_spawn_file_actions_addchdir_np(&fa, cwd);
	ck_assert_int_eq(posix_spawn(&c->pid, argv[0], &fa, NULL,
	                             (char *const *)argv, environ),
	                 0);
	posix_spawn_file_actions_destroy(&fa);
	free(abs);
	close(in[0]);
	close(out[1]);
	c->to = in[1];
	c->from = out[0];
	c->next_id = 1;
	c->seen = json_object_new_array();
}

static CL_TEST_HELPER void
lsp_start(struct lsp *c)
{
	static const char *const args[] = { "--no-config", NULL };

	lsp_start_in(c, NULL, args);
}

/* Sends N raw bytes. */
static CL_TEST_HELPER void
lsp_send_raw(struct lsp *c, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(c->to, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		ck_assert_msg(w > 0, "writing to the server: %s",
		              strerror(errno));
		p += w;
		n -= (size_t)w;
	}
}

/* Sends BODY framed with its Content-Length. */
static CL_TEST_HELPER void
lsp_send_body(struct lsp *c, const char *body, size_t n)
{
	char head[64];

	snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", n);
	lsp_send_raw(c, head, strlen(head));
	lsp_send_raw(c, body, n);
}

/* Sends MSG (taken) with "jsonrpc": "2.0". */
static CL_TEST_HELPER void
lsp_send(struct lsp *c, json_object *msg)
{
	size_t n;
	const char *s;

	json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
	s = json_object_to_json_string_length(msg, JSON_C_TO_STRING_PLAIN, &n);
	lsp_send_body(c, s, n);
	json_object_put(msg);
}

/* Sends a notification; PARAMS is JSON text (NULL: none). */
static CL_TEST_HELPER void
lsp_notify(struct lsp *c, const char *method, json_object *params)
{
	json_object *m = json_object_new_object();

	json_object_object_add(m, "method", json_object_new_string(method));
	if (params)
		json_object_object_add(m, "params", params);
	lsp_send(c, m);
}

/* Sends a request; returns its id. */
static CL_TEST_HELPER int
lsp_call(struct lsp *c, const char *method, json_object *params)
{
	json_object *m = json_object_new_object();
	int id = c->next_id++;

	json_object_object_add(m, "id", json_object_new_int(id));
	json_object_object_add(m, "method", json_object_new_string(method));
	if (params)
		json_object_object_add(m, "params", params);
	lsp_send(c, m);
	return id;
}

/* The next message (caller puts it), or NULL after TIMEOUT_MS or at the
 * end of the server's output. */
static CL_TEST_HELPER json_object *
lsp_read(struct lsp *c, int timeout_ms)
{
	for (;;) {
		char *h = c->len ? strstr(c->buf, "\r\n\r\n") : NULL;

		if (h) {
			size_t clen, head = (size_t)(h - c->buf) + 4;
			const char *cl = strstr(c->buf, "Content-Length: ");

			ck_assert_msg(cl && cl < h, "no Content-Length: %.*s",
			              (int)head, c->buf);
			clen = strtoul(cl + 16, NULL, 10);
			if (c->len >= head + clen) {
				json_tokener *tok = json_tokener_new();
				json_object *o = json_tokener_parse_ex(
				    tok, c->buf + head, (int)clen);

				ck_assert_msg(o != NULL, "not JSON: %.*s",
				              (int)clen, c->buf + head);
				json_tokener_free(tok);
				memmove(c->buf, c->buf + head + clen,
				        c->len - head - clen);
				c->len -= head + clen;
				return o;
			}
		}
		{
			struct pollfd p = { c->from, POLLIN, 0 };
			ssize_t r;

			if (poll(&p, 1, timeout_ms) <= 0)
				return NULL;
			if (c->alloc < c->len + 65537) {
				c->alloc = (c->len + 65537) * 2;
				c->buf = realloc(c->buf, c->alloc);
			}
			r = read(c->from, c->buf + c->len, 65536);
			if (r <= 0)
				return NULL;
			c->len += (size_t)r;
			c->buf[c->len] = '\0';
		}
	}
}

/* The response to request ID (caller puts it); other messages are kept
 * in c->seen. Fails the test after 10 s. */
static CL_TEST_HELPER json_object *
lsp_response(struct lsp *c, int id)
{
	for (;;) {
		json_object *m = lsp_read(c, 10000), *v;

		ck_assert_msg(m != NULL, "no response to request %d", id);
		if (json_object_object_get_ex(m, "id", &v) &&
		    json_object_is_type(v, json_type_int) &&
		    json_object_get_int(v) == id &&
		    !json_object_object_get_ex(m, "method", NULL))
			return m;
		json_object_array_add(c->seen, m);
	}
}

/* The result of a request (borrowed from *RESP, which the caller puts). */
static CL_TEST_HELPER json_object *
lsp_request(struct lsp *c, const char *method, json_object *params,
            json_object **resp)
{
	json_object *r;

	*resp = lsp_response(c, lsp_call(c, method, params));
	ck_assert_msg(json_object_object_get_ex(*resp, "result", &r),
	              "%s: no result: %s", method,
	              json_object_to_json_string(*resp));
	return r;
}

/* The next notification METHOD (caller puts it), taken from c->seen
 * first; NULL after TIMEOUT_MS. */
static CL_TEST_HELPER json_object *
lsp_wait(struct lsp *c, const char *method, int timeout_ms)
{
	size_t i;
	json_object *m, *v;

	for (i = 0; i < json_object_array_length(c->seen); i++) {
		m = json_object_array_get_idx(c->seen, i);
		if (json_object_object_get_ex(m, "method", &v) &&
		    !strcmp(json_object_get_string(v), method)) {
			json_object_get(m);
			json_object_array_del_idx(c->seen, i, 1);
			return m;
		}
	}
	for (;;) {
		if (!(m = lsp_read(c, timeout_ms)))
			return NULL;
		if (json_object_object_get_ex(m, "method", &v) &&
		    !strcmp(json_object_get_string(v), method))
			return m;
		json_object_array_add(c->seen, m);
	}
}

/* The error code of response M, or 0. */
static CL_TEST_HELPER int
lsp_error_code(json_object *m)
{
	json_object *e, *code;

	if (!json_object_object_get_ex(m, "error", &e) ||
	    !json_object_object_get_ex(e, "code", &code))
		return 0;
	return json_object_get_int(code);
}

/* initialize (CAPS and OPTIONS as JSON text, NULL: none) and
 * initialized; returns the capabilities the server sent (caller puts). */
static CL_TEST_HELPER json_object *
lsp_init_with(struct lsp *c, const char *caps, const char *options)
{
	json_object *p = json_object_new_object(), *resp, *r, *out;

	json_object_object_add(p, "processId", NULL);
	json_object_object_add(p, "rootUri", NULL);
	json_object_object_add(p, "capabilities",
	                       caps ? json_tokener_parse(caps)
	                            : json_object_new_object());
	if (options)
		json_object_object_add(p, "initializationOptions",
		                       json_tokener_parse(options));
	r = lsp_request(c, "initialize", p, &resp);
	ck_assert_ptr_nonnull(r);
	ck_assert(json_object_object_get_ex(r, "capabilities", &out));
	json_object_get(out);
	json_object_put(resp);
	lsp_notify(c, "initialized", json_object_new_object());
	return out;
}

/* initialize with no debounce: each change is linted at once, which
 * the tests that count publications rely on. */
static CL_TEST_HELPER json_object *
lsp_init(struct lsp *c, const char *caps)
{
	return lsp_init_with(c, caps, "{\"debounceMs\": 0}");
}

/* Waits for the server's exit; its status, or -1 (killed after 10 s). */
static CL_TEST_HELPER int
lsp_wait_exit(struct lsp *c)
{
	int st = 0, i;

	close(c->to);
	c->to = -1;
	for (i = 0; i < 1000; i++) {
		pid_t r = waitpid(c->pid, &st, WNOHANG);

		if (r == c->pid)
			break;
		usleep(10000);
	}
	if (i == 1000) {
		kill(c->pid, SIGKILL);
		waitpid(c->pid, &st, 0);
		return -1;
	}
	close(c->from);
	free(c->buf);
	json_object_put(c->seen);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* shutdown, exit: the status must be 0. */
static CL_TEST_HELPER void
lsp_stop(struct lsp *c)
{
	json_object *resp;

	lsp_request(c, "shutdown", NULL, &resp);
	json_object_put(resp);
	lsp_notify(c, "exit", NULL);
	ck_assert_int_eq(lsp_wait_exit(c), 0);
}

/* ---- positions, counted here in UTF-16 code units ---- */

/* The byte offset of (LINE, CH) in TEXT, "\n" and "\r\n" line ends. */
static CL_TEST_HELPER size_t
lsp_test_offset(const char *text, int line, int ch)
{
	const unsigned char *p = (const unsigned char *)text;

	while (line > 0 && *p) {
		if (*p++ == '\n')
			line--;
	}
	while (ch > 0 && *p && *p != '\n' && *p != '\r') {
		int n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;

		ch -= n == 4 ? 2 : 1;
		p += n;
	}
	return (size_t)(p - (const unsigned char *)text);
}

static CL_TEST_HELPER void
lsp_test_position(const char *text, size_t off, int *line, int *ch)
{
	const unsigned char *p = (const unsigned char *)text,
	                    *end = (const unsigned char *)text + off;

	*line = 0;
	*ch = 0;
	while (p < end) {
		int n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;

		if (*p == '\n') {
			(*line)++;
			*ch = 0;
		} else if (*p != '\r' || p[1] != '\n') {
			*ch += n == 4 ? 2 : 1;
		}
		p += n;
	}
}

static CL_TEST_HELPER json_object *
lsp_pos(int line, int ch)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "line", json_object_new_int(line));
	json_object_object_add(o, "character", json_object_new_int(ch));
	return o;
}

/* {"textDocument":{"uri":URI},"position":…} for byte OFF of TEXT. */
static CL_TEST_HELPER json_object *
lsp_at(const char *uri, const char *text, size_t off)
{
	json_object *p = json_object_new_object(),
	            *td = json_object_new_object();
	int line, ch;

	lsp_test_position(text, off, &line, &ch);
	json_object_object_add(td, "uri", json_object_new_string(uri));
	json_object_object_add(p, "textDocument", td);
	json_object_object_add(p, "position", lsp_pos(line, ch));
	return p;
}

/* Member PATH ("a.b.c", numbers index arrays) of O, or NULL. */
static CL_TEST_HELPER json_object *
lsp_get(json_object *o, const char *path)
{
	char key[128];

	while (o && *path) {
		size_t n = strcspn(path, ".");

		snprintf(key, sizeof(key), "%.*s", (int)n, path);
		if (json_object_is_type(o, json_type_array)) {
			size_t i = strtoul(key, NULL, 10);

			o = i < json_object_array_length(o)
			        ? json_object_array_get_idx(o, i)
			        : NULL;
		} else if (!json_object_object_get_ex(o, key, &o)) {
			return NULL;
		}
		path += n + (path[n] == '.');
	}
	return o;
}

/* Applies TextEdit[] EDITS to *TEXT (replaced; malloc'd), last first. */
static CL_TEST_HELPER void
lsp_apply_edits(char **text, json_object *edits)
{
	size_t n = json_object_array_length(edits), i, k;
	size_t *s = calloc(n + 1, sizeof(*s)), *e = calloc(n + 1, sizeof(*e));

	for (i = 0; i < n; i++) {
		json_object *ed = json_object_array_get_idx(edits, i);

		s[i] = lsp_test_offset(
		    *text, json_object_get_int(lsp_get(ed, "range.start.line")),
		    json_object_get_int(lsp_get(ed, "range.start.character")));
		e[i] = lsp_test_offset(
		    *text, json_object_get_int(lsp_get(ed, "range.end.line")),
		    json_object_get_int(lsp_get(ed, "range.end.character")));
	}
	/* from the end, so earlier offsets stay right */
	for (k = 0; k < n; k++) {
		size_t best = n, len;
		const char *nt;
		char *t;

		for (i = 0; i < n; i++)
			if (s[i] != (size_t)-1 && (best == n || s[i] > s[best]))
				best = i;
		nt = json_object_get_string(
		    lsp_get(json_object_array_get_idx(edits, best), "newText"));
		len = strlen(*text);
		t = malloc(len - (e[best] - s[best]) + strlen(nt) + 1);
		memcpy(t, *text, s[best]);
		strcpy(t + s[best], nt);
		strcat(t, *text + e[best]);
		free(*text);
		*text = t;
		s[best] = (size_t)-1;
	}
	free(s);
	free(e);
}

#endif /* CL_TESTS_LIB_LSP_CLIENT_H */
