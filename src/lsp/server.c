/*
 * connlint lsp (cl_session_serve_lsp): the Language Server Protocol 3.17
 * over a pair of descriptors. JSON-RPC 2.0 messages framed by a
 * Content-Length header; json-c parses and prints them.
 *
 * One thread. The open documents live here; a change marks its document
 * dirty, and dirty documents are linted and their diagnostics published
 * once the input has been quiet for the debounce time, so a burst of
 * changes costs one lint. Every lint reads the document's newest text, so
 * an older version's diagnostics can never follow a newer one's. A
 * request about a dirty document lints it first.
 *
 * Whatever the client sends, the server answers or drops it and goes on
 * serving: a malformed header, a body that is not JSON, a wrong
 * Content-Length, a message over CL_MAX_INPUT_BYTES, an unknown method, a
 * request before initialize, a notification for an unopened document.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "connlint.h"
#include "lsp.h"
#include "util.h"

/* JSON-RPC and LSP error codes. */
enum {
	ERR_PARSE = -32700,
	ERR_INVALID_REQUEST = -32600,
	ERR_METHOD_NOT_FOUND = -32601,
	ERR_INVALID_PARAMS = -32602,
	ERR_NOT_INITIALIZED = -32002,
	ERR_REQUEST_FAILED = -32803
};

/* A header block longer than this is not a header. */
#define MAX_HEADER 8192
/* Quiet time before dirty documents are linted, unless the client's
 * initializationOptions say otherwise ("debounceMs"). */
#define DEFAULT_DEBOUNCE_MS 15
/* A document dirty this long is linted even if changes keep coming. */
#define MAX_DELAY_FACTOR 10

struct server {
	cl_session *s;
	int in, out;
	char *buf; /* bytes read and not yet used: buf[pos, len) */
	size_t pos, len, alloc;
	size_t skip; /* bytes of a refused message still to drop */
	bool eof;
	bool initialized, shut_down, done;
	bool write_failed;
	int status;
	enum cl_lsp_encoding enc;
	bool client_pulls; /* the client asks for diagnostics itself */
	bool watch_files;  /* it can register file watchers */
	bool can_refresh;  /* it takes workspace/diagnostic/refresh */
	long debounce_ms;
	struct timespec first_dirty; /* when the oldest pending change came */
	bool pending;                /* a dirty document awaits its lint */
	struct cl_lsp_doc *docs;
	long next_request;  /* ids of our own requests */
	char *config_error; /* the session's last message, for a document */
};

/* ---- output ------------------------------------------------------------ */

static void
write_all(struct server *sv, const char *p, size_t n)
{
	while (n && !sv->write_failed) {
		ssize_t w = write(sv->out, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			sv->write_failed = true;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
}

/* Sends MSG (taken) with "jsonrpc": "2.0". */
static void
send_message(struct server *sv, json_object *msg)
{
	char head[64];
	size_t n;
	const char *body;

	json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
	body = json_object_to_json_string_length(
	    msg, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", n);
	write_all(sv, head, strlen(head));
	write_all(sv, body, n);
	json_object_put(msg);
}

/* A response to ID (borrowed; NULL: null) with RESULT (taken). */
static void
respond(struct server *sv, json_object *id, json_object *result)
{
	json_object *m = json_object_new_object();

	json_object_object_add(m, "id", id ? json_object_get(id) : NULL);
	json_object_object_add(m, "result", result);
	send_message(sv, m);
}

static void respond_error(struct server *sv, json_object *id, int code,
                          const char *fmt, ...) CL_PRINTF(4, 5);

static void
respond_error(struct server *sv, json_object *id, int code, const char *fmt,
              ...)
{
	json_object *m = json_object_new_object(),
	            *e = json_object_new_object();
	struct cl_strbuf sb = CL_STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	cl_lsp_add_int(e, "code", code);
	cl_lsp_add_string(e, "message", cl_strbuf_str(&sb));
	cl_strbuf_release(&sb);
	json_object_object_add(m, "id", id ? json_object_get(id) : NULL);
	json_object_object_add(m, "error", e);
	send_message(sv, m);
}

static void
notify(struct server *sv, const char *method, json_object *params)
{
	json_object *m = json_object_new_object();

	cl_lsp_add_string(m, "method", method);
	json_object_object_add(m, "params", params);
	send_message(sv, m);
}

/* ---- input ------------------------------------------------------------- */

static long
elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - since->tv_sec) * 1000 +
	       (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* Reads what is there into the buffer, waiting at most TIMEOUT_MS (-1:
 * forever). Returns 1 when bytes came, 0 on time-out, -1 at the end. */
static int
fill(struct server *sv, long timeout_ms)
{
	struct pollfd pfd = { sv->in, POLLIN, 0 };
	ssize_t r;

	if (sv->eof)
		return -1;
	if (timeout_ms >= 0) {
		int p = poll(&pfd, 1, (int)timeout_ms);

		if (p == 0)
			return 0;
		if (p < 0 && errno == EINTR)
			return 0;
	}
	if (sv->pos && sv->pos == sv->len)
		sv->pos = sv->len = 0;
	if (sv->pos > (1u << 20) && sv->pos * 2 > sv->len) {
		memmove(sv->buf, sv->buf + sv->pos, sv->len - sv->pos);
		sv->len -= sv->pos;
		sv->pos = 0;
	}
	CL_GROW(sv->buf, sv->len + 65536 + 1, sv->alloc);
	do
		r = read(sv->in, sv->buf + sv->len, 65536);
	while (r < 0 && errno == EINTR);
	if (r <= 0) {
		sv->eof = true;
		return -1;
	}
	sv->len += (size_t)r;
	/* a refused message's bytes are dropped as they come */
	if (sv->skip) {
		size_t drop =
		    sv->len - sv->pos < sv->skip ? sv->len - sv->pos : sv->skip;

		sv->pos += drop;
		sv->skip -= drop;
	}
	return 1;
}

static const char *
find_bytes(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (p[i] == needle[0] && !memcmp(p + i, needle, k))
			return p + i;
	return NULL;
}

/* After a header that makes no sense: drops it up to the next
 * "Content-Length" in it (what came before was the rest of a message
 * whose Content-Length was too short), else up to the blank line that
 * ends it, else up to the next "Content-Length" at all. */
static void
resync(struct server *sv, const char *end_of_header)
{
	const char *p = sv->buf + sv->pos, *next;
	size_t span =
	    end_of_header ? (size_t)(end_of_header - p) : sv->len - sv->pos;

	next = span > 1 ? find_bytes(p + 1, span - 1, "Content-Length") : NULL;
	if (next)
		sv->pos = (size_t)(next - sv->buf);
	else if (end_of_header)
		sv->pos = (size_t)(end_of_header - sv->buf) + 4;
	else
		sv->pos = sv->len;
}

/* 1 when the N bytes at P are NAME (lower case) ignoring ASCII case:
 * header names are case-insensitive. */
static int
is_name(const char *p, size_t n, const char *name)
{
	size_t i;

	if (n != strlen(name))
		return 0;
	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[i])
			return 0;
	}
	return 1;
}

/* The value of the Content-Length header in the header block [P, END),
 * or -1 when the block is not a valid header. */
static long long
content_length(const char *p, const char *end)
{
	long long n = -1;

	while (p < end) {
		const char *eol = find_bytes(p, (size_t)(end - p), "\r\n");
		const char *colon;

		if (!eol)
			eol = end;
		colon = memchr(p, ':', (size_t)(eol - p));
		if (!colon || colon == p)
			return -1;
		if (is_name(p, (size_t)(colon - p), "content-length")) {
			const char *v = colon + 1;
			long long val = 0;

			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			if (v == eol || n >= 0)
				return -1; /* empty, or given twice */
			for (; v < eol && *v >= '0' && *v <= '9'; v++) {
				val = val * 10 + (*v - '0');
				if (val > (1LL << 40))
					return -1;
			}
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			if (v != eol)
				return -1;
			n = val;
		}
		p = eol + 2;
	}
	return n;
}

/*
 * The next message's body: returns 1 and sets *BODY (in the buffer, valid
 * until the next call) and *N; 0 when TIMEOUT_MS passed with no message;
 * -1 at the end of the input. Framing errors are answered here.
 */
static int
next_message(struct server *sv, const char **body, size_t *n, long timeout_ms)
{
	for (;;) {
		const char *p = sv->buf + sv->pos, *hend;
		size_t have = sv->len - sv->pos;
		long long clen;
		int r;

		if (sv->skip || !have) {
			r = fill(sv, timeout_ms);
			if (r <= 0)
				return r;
			continue;
		}
		/* blank lines between messages are tolerated */
		if (have >= 2 && p[0] == '\r' && p[1] == '\n') {
			sv->pos += 2;
			continue;
		}
		hend = find_bytes(p, have, "\r\n\r\n");
		if (!hend) {
			if (have > MAX_HEADER) {
				respond_error(sv, NULL, ERR_PARSE,
				              "malformed message header: no "
				              "blank line within %d bytes",
				              MAX_HEADER);
				resync(sv, NULL);
				continue;
			}
			r = fill(sv, timeout_ms);
			if (r < 0 && sv->len > sv->pos) {
				/* a header cut off by the end of input */
				sv->pos = sv->len;
				return -1;
			}
			if (r <= 0)
				return r;
			continue;
		}
		clen = content_length(p, hend);
		if (clen < 0) {
			respond_error(sv, NULL, ERR_PARSE,
			              "malformed message header: every header "
			              "is Name: value, and Content-Length (a "
			              "number, once) is required");
			resync(sv, hend);
			continue;
		}
		if ((unsigned long long)clen > CL_MAX_INPUT_BYTES) {
			respond_error(
			    sv, NULL, ERR_INVALID_REQUEST,
			    "message of %lld bytes refused: the limit "
			    "is %zu MiB",
			    clen, CL_MAX_INPUT_BYTES >> 20);
			sv->pos = (size_t)(hend - sv->buf) + 4;
			have = sv->len - sv->pos;
			if ((unsigned long long)clen <= have) {
				sv->pos += (size_t)clen;
			} else {
				sv->skip = (size_t)clen - have;
				sv->pos = sv->len;
			}
			continue;
		}
		if ((size_t)(hend + 4 - p) + (size_t)clen > have) {
			r = fill(sv, timeout_ms < 0 ? -1 : timeout_ms);
			if (r < 0) {
				sv->pos = sv->len;
				return -1;
			}
			if (r == 0)
				return 0;
			continue;
		}
		*body = hend + 4;
		*n = (size_t)clen;
		sv->pos = (size_t)(hend + 4 - sv->buf) + (size_t)clen;
		return 1;
	}
}

/* ---- documents ----------------------------------------------------------- */

static struct cl_lsp_doc *
find_doc(struct server *sv, const char *uri)
{
	struct cl_lsp_doc *d;

	if (!uri)
		return NULL;
	for (d = sv->docs; d; d = d->next)
		if (!strcmp(d->uri, uri))
			return d;
	return NULL;
}

static struct cl_lsp_doc *
doc_of(struct server *sv, json_object *params)
{
	return find_doc(sv, cl_lsp_get_string(cl_lsp_get(params, "textDocument",
	                                                 json_type_object),
	                                      "uri"));
}

/* 1 when PATH names a configuration file (connlint.xml, .connlint.xml):
 * it is not a connector, and changing it changes other files' lint. */
static int
is_config(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	return !strcmp(base, "connlint.xml") || !strcmp(base, ".connlint.xml");
}

static void
session_message(void *data, enum cl_message_kind kind, const char *text)
{
	struct server *sv = data;
	size_t n = strlen(text);

	(void)kind;
	free(sv->config_error);
	/* "connlint: ...\n": the text without the line break */
	sv->config_error = cl_malloc(n + 1);
	memcpy(sv->config_error, text, n + 1);
	if (n && sv->config_error[n - 1] == '\n')
		sv->config_error[n - 1] = '\0';
}

/* Lints D's text if it changed; its result stays NULL for a
 * configuration file, or when the configuration is not valid (then
 * sv->config_error says why). */
static void
lint_doc(struct server *sv, struct cl_lsp_doc *d)
{
	if (!d->dirty)
		return;
	d->dirty = false;
	cl_result_free(d->result);
	d->result = NULL;
	free(sv->config_error);
	sv->config_error = NULL;
	if (is_config(d->path))
		return;
	d->result = cl_session_lint_buffer(sv->s, d->path, d->text, d->len);
}

/* Diagnostic[] of D's last lint. */
static json_object *
diagnostics_of(struct server *sv, struct cl_lsp_doc *d)
{
	json_object *a, *diag;

	if (d->result)
		return cl_lsp_diagnostics(d);
	a = json_object_new_array();
	if (sv->config_error && !is_config(d->path)) {
		/* the configuration that applies is not valid: say so where
		 * the author looks, at the top of the file */
		diag = json_object_new_object();
		json_object_object_add(diag, "range",
		                       cl_lsp_range_json(d, 0, 0));
		cl_lsp_add_int(diag, "severity", 1);
		cl_lsp_add_string(diag, "source", "connlint");
		cl_lsp_add_string(diag, "message", sv->config_error);
		json_object_array_add(a, diag);
	}
	return a;
}

static void
publish(struct server *sv, struct cl_lsp_doc *d)
{
	json_object *p;

	lint_doc(sv, d);
	if (sv->client_pulls)
		return;
	p = json_object_new_object();
	cl_lsp_add_string(p, "uri", d->uri);
	cl_lsp_add_int(p, "version", d->version);
	json_object_object_add(p, "diagnostics", diagnostics_of(sv, d));
	notify(sv, "textDocument/publishDiagnostics", p);
	d->published_version = d->version;
}

static void
mark_dirty(struct server *sv, struct cl_lsp_doc *d)
{
	d->dirty = true;
	if (!sv->pending) {
		sv->pending = true;
		clock_gettime(CLOCK_MONOTONIC, &sv->first_dirty);
	}
}

static void
flush(struct server *sv)
{
	struct cl_lsp_doc *d;

	for (d = sv->docs; d; d = d->next)
		if (d->dirty)
			publish(sv, d);
	sv->pending = false;
}

/* The configuration files may have changed: every open document is
 * linted again with what they say now. */
static void
config_changed(struct server *sv)
{
	struct cl_lsp_doc *d;

	cl_session_reload_config(sv->s);
	for (d = sv->docs; d; d = d->next)
		mark_dirty(sv, d);
	if (sv->client_pulls && sv->can_refresh) {
		/* a client that pulls asks again when told to */
		json_object *m = json_object_new_object();

		cl_lsp_add_int(m, "id", ++sv->next_request);
		cl_lsp_add_string(m, "method", "workspace/diagnostic/refresh");
		send_message(sv, m);
	}
}

/* A request about D: its lint and analysis are of its newest text. */
static void
settle(struct server *sv, struct cl_lsp_doc *d)
{
	if (d->dirty)
		publish(sv, d);
}

/* ---- lifecycle ------------------------------------------------------------ */

static json_object *
string_array(const char *const *v)
{
	json_object *a = json_object_new_array();

	for (; *v; v++)
		json_object_array_add(a, json_object_new_string(*v));
	return a;
}

static json_object *
capabilities(struct server *sv)
{
	static const char *const triggers[] = { "<", " ", "\"", "{", NULL };
	static const char *const kinds[] = { "quickfix",
		                             "source.fixAll.connlint", NULL };
	json_object *c = json_object_new_object(), *o;

	cl_lsp_add_string(c, "positionEncoding",
	                  sv->enc == CL_LSP_UTF8 ? "utf-8" : "utf-16");
	o = json_object_new_object();
	json_object_object_add(o, "openClose", json_object_new_boolean(1));
	cl_lsp_add_int(o, "change", 2);
	json_object_object_add(o, "save", json_object_new_boolean(1));
	json_object_object_add(c, "textDocumentSync", o);
	o = json_object_new_object();
	json_object_object_add(o, "codeActionKinds", string_array(kinds));
	json_object_object_add(c, "codeActionProvider", o);
	json_object_object_add(c, "hoverProvider", json_object_new_boolean(1));
	o = json_object_new_object();
	json_object_object_add(o, "triggerCharacters", string_array(triggers));
	json_object_object_add(c, "completionProvider", o);
	json_object_object_add(c, "definitionProvider",
	                       json_object_new_boolean(1));
	json_object_object_add(c, "referencesProvider",
	                       json_object_new_boolean(1));
	o = json_object_new_object();
	json_object_object_add(o, "prepareProvider",
	                       json_object_new_boolean(1));
	json_object_object_add(c, "renameProvider", o);
	json_object_object_add(c, "documentSymbolProvider",
	                       json_object_new_boolean(1));
	o = json_object_new_object();
	cl_lsp_add_string(o, "identifier", "connlint");
	json_object_object_add(o, "interFileDependencies",
	                       json_object_new_boolean(0));
	json_object_object_add(o, "workspaceDiagnostics",
	                       json_object_new_boolean(0));
	json_object_object_add(c, "diagnosticProvider", o);
	return c;
}

static void
initialize(struct server *sv, json_object *id, json_object *params)
{
	json_object *caps =
	    cl_lsp_get(params, "capabilities", json_type_object);
	json_object *encs =
	    cl_lsp_get(cl_lsp_get(caps, "general", json_type_object),
	               "positionEncodings", json_type_array);
	json_object *opts =
	    cl_lsp_get(params, "initializationOptions", json_type_object);
	json_object *v, *result, *info;
	size_t i;

	if (sv->initialized) {
		respond_error(sv, id, ERR_INVALID_REQUEST,
		              "initialize was already received");
		return;
	}
	sv->initialized = true;
	for (i = 0; encs && i < json_object_array_length(encs); i++) {
		v = json_object_array_get_idx(encs, i);
		if (json_object_is_type(v, json_type_string) &&
		    !strcmp(json_object_get_string(v), "utf-8"))
			sv->enc = CL_LSP_UTF8;
	}
	sv->client_pulls =
	    cl_lsp_get(cl_lsp_get(caps, "textDocument", json_type_object),
	               "diagnostic", json_type_object) != NULL;
	v = cl_lsp_get(
	    cl_lsp_get(cl_lsp_get(caps, "workspace", json_type_object),
	               "didChangeWatchedFiles", json_type_object),
	    "dynamicRegistration", json_type_boolean);
	sv->watch_files = v && json_object_get_boolean(v);
	v = cl_lsp_get(
	    cl_lsp_get(cl_lsp_get(caps, "workspace", json_type_object),
	               "diagnostics", json_type_object),
	    "refreshSupport", json_type_boolean);
	sv->can_refresh = v && json_object_get_boolean(v);
	if ((v = cl_lsp_get(opts, "debounceMs", json_type_int))) {
		int64_t ms = json_object_get_int64(v);

		sv->debounce_ms = ms < 0 ? 0 : ms > 10000 ? 10000 : (long)ms;
	}
	result = json_object_new_object();
	json_object_object_add(result, "capabilities", capabilities(sv));
	info = json_object_new_object();
	cl_lsp_add_string(info, "name", "connlint");
	cl_lsp_add_string(info, "version", cl_version());
	json_object_object_add(result, "serverInfo", info);
	respond(sv, id, result);
}

/* After initialized: watch the configuration files, where the client
 * can (else their didSave in the editor is what tells). */
static void
initialized(struct server *sv)
{
	json_object *m, *p, *regs, *reg, *opts, *watchers, *w;

	if (!sv->watch_files)
		return;
	watchers = json_object_new_array();
	w = json_object_new_object();
	cl_lsp_add_string(w, "globPattern", "**/connlint.xml");
	json_object_array_add(watchers, w);
	w = json_object_new_object();
	cl_lsp_add_string(w, "globPattern", "**/.connlint.xml");
	json_object_array_add(watchers, w);
	opts = json_object_new_object();
	json_object_object_add(opts, "watchers", watchers);
	reg = json_object_new_object();
	cl_lsp_add_string(reg, "id", "connlint-configuration");
	cl_lsp_add_string(reg, "method", "workspace/didChangeWatchedFiles");
	json_object_object_add(reg, "registerOptions", opts);
	regs = json_object_new_array();
	json_object_array_add(regs, reg);
	p = json_object_new_object();
	json_object_object_add(p, "registrations", regs);
	m = json_object_new_object();
	cl_lsp_add_int(m, "id", ++sv->next_request);
	cl_lsp_add_string(m, "method", "client/registerCapability");
	json_object_object_add(m, "params", p);
	send_message(sv, m);
}

/* ---- text synchronisation ------------------------------------------------- */

static long
version_of(json_object *params)
{
	json_object *v =
	    cl_lsp_get(cl_lsp_get(params, "textDocument", json_type_object),
	               "version", json_type_int);

	return v ? (long)json_object_get_int64(v) : 0;
}

static void
did_open(struct server *sv, json_object *params)
{
	json_object *td = cl_lsp_get(params, "textDocument", json_type_object);
	json_object *text = cl_lsp_get(td, "text", json_type_string);
	const char *uri = cl_lsp_get_string(td, "uri");
	struct cl_lsp_doc *d, **pp;

	if (!uri || !text)
		return;
	/* a second open of the same URI replaces the first */
	for (pp = &sv->docs; *pp; pp = &(*pp)->next) {
		if (!strcmp((*pp)->uri, uri)) {
			d = *pp;
			*pp = d->next;
			cl_lsp_doc_free(d);
			break;
		}
	}
	d = cl_lsp_doc_new(uri, json_object_get_string(text),
	                   (size_t)json_object_get_string_len(text),
	                   version_of(params), sv->enc);
	d->next = sv->docs;
	sv->docs = d;
	mark_dirty(sv, d);
}

static void
did_change(struct server *sv, json_object *params)
{
	struct cl_lsp_doc *d = doc_of(sv, params);
	json_object *changes =
	    cl_lsp_get(params, "contentChanges", json_type_array);
	size_t i;

	if (!d || !changes)
		return;
	for (i = 0; i < json_object_array_length(changes); i++) {
		json_object *c = json_object_array_get_idx(changes, i);
		json_object *text = cl_lsp_get(c, "text", json_type_string);
		json_object *range = cl_lsp_get(c, "range", json_type_object);
		size_t start = 0, end = d->len;

		if (!text)
			continue;
		if (range && cl_lsp_json_range(d, range, &start, &end))
			continue;
		cl_lsp_doc_replace(d, start, end, json_object_get_string(text),
		                   (size_t)json_object_get_string_len(text));
	}
	d->version = version_of(params);
	mark_dirty(sv, d);
}

static void
did_close(struct server *sv, json_object *params)
{
	const char *uri = cl_lsp_get_string(
	    cl_lsp_get(params, "textDocument", json_type_object), "uri");
	struct cl_lsp_doc **pp, *d;
	json_object *p;

	for (pp = &sv->docs; uri && *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->uri, uri))
			continue;
		d = *pp;
		*pp = d->next;
		if (!sv->client_pulls) {
			/* its problems leave the editor's list with it */
			p = json_object_new_object();
			cl_lsp_add_string(p, "uri", d->uri);
			json_object_object_add(p, "diagnostics",
			                       json_object_new_array());
			notify(sv, "textDocument/publishDiagnostics", p);
		}
		cl_lsp_doc_free(d);
		return;
	}
}

static void
did_save(struct server *sv, json_object *params)
{
	struct cl_lsp_doc *d = doc_of(sv, params);
	const char *uri = cl_lsp_get_string(
	    cl_lsp_get(params, "textDocument", json_type_object), "uri");
	char *path = uri ? cl_lsp_uri_to_path(uri) : NULL;

	if (path && is_config(path))
		config_changed(sv);
	else if (d)
		mark_dirty(sv, d);
	free(path);
}

static void
watched_files(struct server *sv, json_object *params)
{
	json_object *changes = cl_lsp_get(params, "changes", json_type_array);
	size_t i;

	for (i = 0; changes && i < json_object_array_length(changes); i++) {
		const char *uri = cl_lsp_get_string(
		    json_object_array_get_idx(changes, i), "uri");
		char *path = uri ? cl_lsp_uri_to_path(uri) : NULL;
		int cfg = path && is_config(path);

		free(path);
		if (cfg) {
			config_changed(sv);
			return;
		}
	}
}

/* ---- requests about a document -------------------------------------------- */

/* The document PARAMS name, settled; NULL after an error response. */
static struct cl_lsp_doc *
request_doc(struct server *sv, json_object *id, json_object *params)
{
	struct cl_lsp_doc *d = doc_of(sv, params);

	if (!d) {
		respond_error(sv, id, ERR_INVALID_PARAMS,
		              "the document is not open (textDocument/didOpen "
		              "comes first)");
		return NULL;
	}
	settle(sv, d);
	return d;
}

static int
request_offset(struct server *sv, json_object *id, struct cl_lsp_doc *d,
               json_object *params, size_t *offset)
{
	if (cl_lsp_json_offset(
	        d, cl_lsp_get(params, "position", json_type_object), offset)) {
		respond_error(sv, id, ERR_INVALID_PARAMS,
		              "position is missing or not "
		              "{\"line\": N, \"character\": N}");
		return -1;
	}
	return 0;
}

static void
pull_diagnostics(struct server *sv, json_object *id, json_object *params)
{
	struct cl_lsp_doc *d = request_doc(sv, id, params);
	json_object *r;
	char rid[32];

	if (!d)
		return;
	lint_doc(sv, d);
	snprintf(rid, sizeof(rid), "%ld", d->version);
	r = json_object_new_object();
	if (cl_lsp_get_string(params, "previousResultId") &&
	    !strcmp(cl_lsp_get_string(params, "previousResultId"), rid) &&
	    d->published_version == d->version) {
		cl_lsp_add_string(r, "kind", "unchanged");
	} else {
		cl_lsp_add_string(r, "kind", "full");
		json_object_object_add(r, "items", diagnostics_of(sv, d));
	}
	cl_lsp_add_string(r, "resultId", rid);
	d->published_version = d->version;
	respond(sv, id, r);
}

static void
document_request(struct server *sv, const char *method, json_object *id,
                 json_object *params)
{
	struct cl_lsp_doc *d;
	size_t off, start, end;
	const char *error = NULL;
	json_object *r;

	if (!strcmp(method, "textDocument/diagnostic")) {
		pull_diagnostics(sv, id, params);
		return;
	}
	if (!(d = request_doc(sv, id, params)))
		return;
	if (!strcmp(method, "textDocument/documentSymbol")) {
		respond(sv, id, cl_lsp_document_symbols(d));
		return;
	}
	if (!strcmp(method, "textDocument/codeAction")) {
		json_object *ctx =
		    cl_lsp_get(params, "context", json_type_object);

		if (cl_lsp_json_range(
		        d, cl_lsp_get(params, "range", json_type_object),
		        &start, &end)) {
			respond_error(sv, id, ERR_INVALID_PARAMS,
			              "range is missing or not a Range");
			return;
		}
		respond(sv, id,
		        cl_lsp_code_actions(
		            d, start, end,
		            cl_lsp_get(ctx, "only", json_type_array)));
		return;
	}
	if (request_offset(sv, id, d, params, &off))
		return;
	if (!strcmp(method, "textDocument/hover")) {
		r = cl_lsp_hover(d, off);
	} else if (!strcmp(method, "textDocument/completion")) {
		r = cl_lsp_completion(d, off);
	} else if (!strcmp(method, "textDocument/definition")) {
		r = cl_lsp_definition(d, off);
	} else if (!strcmp(method, "textDocument/references")) {
		json_object *inc =
		    cl_lsp_get(cl_lsp_get(params, "context", json_type_object),
		               "includeDeclaration", json_type_boolean);

		r = cl_lsp_references(d, off,
		                      inc && json_object_get_boolean(inc));
	} else if (!strcmp(method, "textDocument/prepareRename")) {
		r = cl_lsp_prepare_rename(d, off);
	} else {
		const char *name = cl_lsp_get_string(params, "newName");

		if (!name) {
			respond_error(sv, id, ERR_INVALID_PARAMS,
			              "newName is missing");
			return;
		}
		if (!(r = cl_lsp_rename(d, off, name, &error))) {
			respond_error(sv, id, ERR_REQUEST_FAILED, "%s",
			              error ? error : "nothing to rename here");
			return;
		}
	}
	respond(sv, id, r);
}

/* ---- dispatch ------------------------------------------------------------- */

static const char *const document_requests[] = {
	"textDocument/hover",          "textDocument/completion",
	"textDocument/definition",     "textDocument/references",
	"textDocument/prepareRename",  "textDocument/rename",
	"textDocument/documentSymbol", "textDocument/codeAction",
	"textDocument/diagnostic",     NULL
};

static int
is_document_request(const char *method)
{
	const char *const *m;

	for (m = document_requests; *m; m++)
		if (!strcmp(*m, method))
			return 1;
	return 0;
}

static void
notification(struct server *sv, const char *method, json_object *params)
{
	if (!strcmp(method, "exit")) {
		sv->status = sv->shut_down ? 0 : 1;
		sv->done = true;
		return;
	}
	if (!sv->initialized || sv->shut_down)
		return; /* dropped, as the protocol says */
	if (!strcmp(method, "initialized"))
		initialized(sv);
	else if (!strcmp(method, "textDocument/didOpen"))
		did_open(sv, params);
	else if (!strcmp(method, "textDocument/didChange"))
		did_change(sv, params);
	else if (!strcmp(method, "textDocument/didClose"))
		did_close(sv, params);
	else if (!strcmp(method, "textDocument/didSave"))
		did_save(sv, params);
	else if (!strcmp(method, "workspace/didChangeWatchedFiles"))
		watched_files(sv, params);
	/* anything else ($/cancelRequest, $/setTrace, ...): nothing to do */
}

static void
request(struct server *sv, const char *method, json_object *id,
        json_object *params)
{
	if (!strcmp(method, "initialize")) {
		initialize(sv, id, params);
		return;
	}
	if (!sv->initialized) {
		respond_error(sv, id, ERR_NOT_INITIALIZED,
		              "the server is not initialized: send initialize "
		              "first");
		return;
	}
	if (sv->shut_down) {
		respond_error(sv, id, ERR_INVALID_REQUEST,
		              "the server is shut down: only exit is expected");
		return;
	}
	if (!strcmp(method, "shutdown")) {
		sv->shut_down = true;
		respond(sv, id, NULL);
		return;
	}
	if (is_document_request(method)) {
		if (params && !json_object_is_type(params, json_type_object)) {
			respond_error(sv, id, ERR_INVALID_PARAMS,
			              "params is not an object");
			return;
		}
		document_request(sv, method, id, params);
		return;
	}
	respond_error(sv, id, ERR_METHOD_NOT_FOUND, "unknown method: %s",
	              method);
}

static void
handle(struct server *sv, const char *body, size_t n)
{
	json_tokener *tok = json_tokener_new_ex(64);
	json_object *msg, *id = NULL, *method, *params;
	bool has_id;

	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	msg = json_tokener_parse_ex(tok, body, (int)n);
	if (!msg && json_tokener_get_error(tok) == json_tokener_continue && n &&
	    (unsigned char)body[n - 1] >= '0' &&
	    (unsigned char)body[n - 1] <= '9') {
		/* a bare number could go on: the end of the body ends it */
		msg = json_tokener_parse_ex(tok, "", 1);
		n = (size_t)json_tokener_get_parse_end(tok);
	}
	if (!msg || json_tokener_get_error(tok) != json_tokener_success ||
	    (size_t)json_tokener_get_parse_end(tok) != n) {
		enum json_tokener_error e = json_tokener_get_error(tok);

		respond_error(sv, NULL, ERR_PARSE,
		              "the message is not JSON: %s",
		              e == json_tokener_success ? "text after the value"
		              : e == json_tokener_continue
		                  ? "it ends early (is Content-Length right?)"
		                  : json_tokener_error_desc(e));
		goto cleanup;
	}
	if (!json_object_is_type(msg, json_type_object)) {
		respond_error(sv, NULL, ERR_INVALID_REQUEST,
		              "a message is a JSON object");
		goto cleanup;
	}
	has_id = json_object_object_get_ex(msg, "id", &id);
	if (has_id && id && !json_object_is_type(id, json_type_int) &&
	    !json_object_is_type(id, json_type_string)) {
		respond_error(sv, NULL, ERR_INVALID_REQUEST,
		              "id is a number or a string");
		goto cleanup;
	}
	method = cl_lsp_get(msg, "method", json_type_string);
	if (!method) {
		/* a response to our own request (registerCapability) */
		if (has_id && (json_object_object_get_ex(msg, "result", NULL) ||
		               json_object_object_get_ex(msg, "error", NULL)))
			goto cleanup;
		respond_error(sv, has_id ? id : NULL, ERR_INVALID_REQUEST,
		              "a request has a method");
		goto cleanup;
	}
	if (!json_object_object_get_ex(msg, "params", &params))
		params = NULL;
	if (has_id && id)
		request(sv, json_object_get_string(method), id, params);
	else
		notification(sv, json_object_get_string(method), params);
cleanup:
	json_object_put(msg);
	json_tokener_free(tok);
}

int
cl_session_serve_lsp(cl_session *s, int in, int out)
{
	struct server sv;
	struct cl_lsp_doc *d;

	memset(&sv, 0, sizeof(sv));
	sv.s = s;
	sv.in = in;
	sv.out = out;
	sv.debounce_ms = DEFAULT_DEBOUNCE_MS;
	sv.enc = CL_LSP_UTF16;
	/* never a NULL buffer: pointer arithmetic on it is undefined */
	CL_GROW(sv.buf, 65536 + 1, sv.alloc);
	/* a client that goes away is the end of the session, not a signal */
	signal(SIGPIPE, SIG_IGN);
	cl_session_set_messages(s, session_message, &sv);
	while (!sv.done && !sv.write_failed) {
		long timeout = -1;
		const char *body;
		size_t n;
		int r;

		if (sv.pending) {
			/* changes that never pause still get a lint */
			if (elapsed_ms(&sv.first_dirty) >=
			    sv.debounce_ms * MAX_DELAY_FACTOR + 50) {
				flush(&sv);
				continue;
			}
			timeout = sv.debounce_ms;
		}
		r = next_message(&sv, &body, &n, timeout);
		if (r < 0)
			break;
		if (r == 0) {
			flush(&sv);
			continue;
		}
		handle(&sv, body, n);
	}
	if (sv.eof && !sv.done)
		sv.status = 0; /* the end of the input: a clean end */
	if (sv.write_failed)
		sv.status = 2;
	while ((d = sv.docs)) {
		sv.docs = d->next;
		cl_lsp_doc_free(d);
	}
	free(sv.buf);
	free(sv.config_error);
	cl_session_set_messages(s, NULL, NULL);
	return sv.status;
}
