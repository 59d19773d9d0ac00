/*
 * libFuzzer target for the language server (connlint lsp,
 * cl_session_serve_lsp). Build and run with `make fuzz-lsp` / `make
 * fuzz-smoke` (tests/fuzz/fuzz.mk); see docs/fuzzing.md.
 *
 * The input is a client's session, structured so that the fuzzer gets
 * past initialize at once:
 *
 *   byte 0     the client, bit by bit: 0 offers the utf-8 position
 *              encoding; 1 pulls diagnostics (textDocument.diagnostic);
 *              2 can register file watchers; 3 takes workspace/
 *              diagnostic/refresh; 4 the connector's lines end in "\r\n";
 *              5 a configuration file (file:///fuzz/connlint.xml) is
 *              opened too; 6-7 the end: 0 the end of the input, 1
 *              shutdown and exit, 2 exit alone, 3 shutdown, then the end
 *              of the input. So '@' is a plain client that ends with
 *              shutdown and exit, 'A' to 'O' add the capabilities, and
 *              the seeds stay readable
 *   1...       chunks separated by "\n---\n" (CL_FUZZ_SEP), empty ones
 *              skipped; a chunk that starts with '{' is a JSON body, sent
 *              with its right Content-Length; one that starts with '<' is
 *              the connector's new text, sent as a full-text didChange;
 *              anything else goes to the server as it is (framing, headers)
 *
 * Before the chunks the harness sends initialize (its capabilities from
 * byte 0, initializationOptions {"debounceMs": 10000}), initialized and a
 * didOpen of the connector below as file:///fuzz/connector.xml; after
 * them, a textDocument/diagnostic of it (which lints its newest text) and
 * the end byte 0 asks for. The server reads it all from one temporary
 * file: a regular file is always readable, so the server's debounce never
 * fires on its own and lints happen at each request about a changed
 * document. The long debounce keeps it so: with {"debounceMs": 0} the
 * server's catch-up lint (after 50 ms of changes) would come at times that
 * depend on the machine, and an execution would not replay.
 *
 * Beyond "no crash, no leak, no undefined behaviour", it checks:
 *
 * - the return value is 0, 1 or 2 (2 never: the output is a file);
 * - the output is a sequence of "Content-Length: N\r\n\r\n" and N bytes of
 *   JSON (json-c, strict), each a JSON-RPC 2.0 object: a request or
 *   notification with a method, or a response with an id and exactly one
 *   of result and error;
 * - the first is the response to initialize, with the position encoding
 *   byte 0 asked for;
 * - every Range in it has non-negative numbers and does not end before
 *   it starts.
 *
 * A failed check aborts, so that libFuzzer saves the input. With
 * FUZZ_LSP_DUMP set in the environment, a replay (`build/fuzz/fuzz_lsp
 * FILE`) prints what was sent and what came back on standard error.
 */
#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <json-c/json.h>

#include "connlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CL_FUZZ_CHECK(cond, what)                                     \
	do {                                                          \
		if (!(cond)) {                                        \
			fprintf(stderr, "fuzz_lsp: %s:%d: %s (%s)\n", \
			        __FILE__, __LINE__, (what), #cond);   \
			abort();                                      \
		}                                                     \
	} while (0)

#define CL_FUZZ_SEP "\n---\n"
#define CL_FUZZ_URI "file:///fuzz/connector.xml"
#define CL_FUZZ_CONFIG_URI "file:///fuzz/connlint.xml"

/* The document every session opens: non-ASCII text before findings (a
 * surrogate pair too, for the UTF-16 columns), findings with fixes (CL105,
 * CL502, CL101), a suppression, each kind of name the editor features
 * know (variables, uses, auth methods, enables, placeholders). */
static const char connector[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- connlint-disable-next-line CL502 -->\n"
    "<connector format=\"1\" name=\"Caf\xc3\xa9 Shop\" version=\"1\" "
    "system-type=\"eCommerce\" protocol=\"HTTP\">\n"
    "  <description>Orders \xe6\x9d\xb1\xe4\xba\xac "
    "\xf0\x9f\x9b\x92.</description>\n"
    "  <variables>\n"
    "    <variable key=\"store_name\" label=\"Store\" required=\"true\"/>\n"
    "    <variable key=\"api_version\" label=\"API version\" "
    "default=\"2024-10\" configurable=\"true\"/>\n"
    "    <variable key=\"unused\" label=\"R\xc3\xa9gion \xf0\x9f\x9a\x80\" "
    "default=\"eu\" configurable=\"true\"/>\n"
    "  </variables>\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"token\" name=\"Access token\" type=\"token\">\n"
    "      <url>https://{{store_name}}.example.com/api/{{api_version}}/"
    "shop.json</url>\n"
    "      <variables>\n"
    "        <variable key=\"token\" label=\"Token\" required=\"true\" "
    "secret=\"true\" locked=\"true\"/>\n"
    "        <use variable=\"store_name\"/>\n"
    "        <use variable=\"api_version\"/>\n"
    "      </variables>\n"
    "      <headers>\n"
    "        <param key=\"X-Access-Token\" value=\"{{token}}\" "
    "locked=\"true\"/>\n"
    "      </headers>\n"
    "    </auth-method>\n"
    "    <auth-method id=\"oauth\" name=\"OAuth 2\" "
    "type=\"oauth2-client-credentials\">\n"
    "      <url>http://{{store_name}}.example.com/oauth/token</url>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"list-orders\" name=\"Commandes \xf0\x9f\x93\xa6\" "
    "entity=\"Order\" direction=\"receive\" method=\"GET\" "
    "data-type=\"json\">\n"
    "      <url>https://{{store_name}}.example.com/api/{{Api_Version}}/"
    "orders.json</url>\n"
    "      <url-params>\n"
    "        <param key=\"limit\" value=\"{{page_size}}\"/>\n"
    "        <param key=\"since\" value=\"{{since}}\"/>\n"
    "      </url-params>\n"
    "      <variables>\n"
    "        <variable key=\"page_size\" label=\"Page size\" "
    "default=\"250\" configurable=\"true\"/>\n"
    "      </variables>\n"
    "      <enable auth-method=\"token\"/>\n"
    "    </endpoint>\n"
    "    <endpoint id=\"send-order\" name=\"Send order\" entity=\"Order\" "
    "direction=\"send\" method=\"POST\" data-type=\"json\">\n"
    "      <url>http://{{store_name}}.example.com/api/orders.json</url>\n"
    "      <enable auth-method=\"tokn\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

static const char config[] = "<connlint version=\"1\">\n"
                             "  <ignore rules=\"CL101\"/>\n"
                             "</connlint>\n";

/* A growing buffer of what the server will read. */
struct buf {
	char *p;
	size_t n, alloc;
};

static void
add(struct buf *b, const void *p, size_t n)
{
	if (b->n + n > b->alloc) {
		size_t a = b->alloc ? b->alloc : 4096;

		while (a < b->n + n)
			a *= 2;
		b->p = realloc(b->p, a);
		CL_FUZZ_CHECK(b->p != NULL, "out of memory");
		b->alloc = a;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

/* The N bytes at BODY, framed. */
static void
add_framed(struct buf *b, const char *body, size_t n)
{
	char head[64];

	snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", n);
	add(b, head, strlen(head));
	add(b, body, n);
}

/* MSG (taken) with "jsonrpc": "2.0", framed. */
static void
add_message(struct buf *b, json_object *msg)
{
	const char *body;
	size_t n;

	json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
	body =
	    json_object_to_json_string_length(msg, JSON_C_TO_STRING_PLAIN, &n);
	add_framed(b, body, n);
	json_object_put(msg);
}

/* A request (ID >= 0) or notification (ID < 0) of METHOD with PARAMS
 * (taken; NULL: none). */
static void
add_call(struct buf *b, long id, const char *method, json_object *params)
{
	json_object *m = json_object_new_object();

	if (id >= 0)
		json_object_object_add(m, "id", json_object_new_int64(id));
	json_object_object_add(m, "method", json_object_new_string(method));
	if (params)
		json_object_object_add(m, "params", params);
	add_message(b, m);
}

static json_object *
text_document(const char *uri)
{
	json_object *td = json_object_new_object();

	json_object_object_add(td, "uri", json_object_new_string(uri));
	return td;
}

static json_object *
new_object_with(const char *key, json_object *v)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, key, v);
	return o;
}

static void
add_initialize(struct buf *b, unsigned flags)
{
	json_object *p = json_object_new_object(), *caps, *encs, *ws;

	caps = json_object_new_object();
	encs = json_object_new_array();
	if (flags & 1)
		json_object_array_add(encs, json_object_new_string("utf-8"));
	json_object_array_add(encs, json_object_new_string("utf-16"));
	json_object_object_add(caps, "general",
	                       new_object_with("positionEncodings", encs));
	if (flags & 2)
		json_object_object_add(
		    caps, "textDocument",
		    new_object_with("diagnostic", json_object_new_object()));
	ws = json_object_new_object();
	if (flags & 4)
		json_object_object_add(
		    ws, "didChangeWatchedFiles",
		    new_object_with("dynamicRegistration",
		                    json_object_new_boolean(1)));
	if (flags & 8)
		json_object_object_add(
		    ws, "diagnostics",
		    new_object_with("refreshSupport",
		                    json_object_new_boolean(1)));
	json_object_object_add(caps, "workspace", ws);
	json_object_object_add(p, "processId", NULL);
	json_object_object_add(p, "rootUri",
	                       json_object_new_string("file:///fuzz"));
	json_object_object_add(p, "capabilities", caps);
	json_object_object_add(
	    p, "initializationOptions",
	    new_object_with("debounceMs", json_object_new_int(10000)));
	add_call(b, 1, "initialize", p);
	add_call(b, -1, "initialized", json_object_new_object());
}

/* didOpen of URI with the LEN bytes of TEXT; with CRLF, its "\n" become
 * "\r\n". */
static void
add_open(struct buf *b, const char *uri, const char *text, size_t len, int crlf)
{
	json_object *td = text_document(uri);
	char *t = NULL;
	size_t i, n = 0;

	if (crlf) {
		t = malloc(2 * len + 1);
		CL_FUZZ_CHECK(t != NULL, "out of memory");
		for (i = 0; i < len; i++) {
			if (text[i] == '\n')
				t[n++] = '\r';
			t[n++] = text[i];
		}
		text = t;
		len = n;
	}
	json_object_object_add(td, "languageId", json_object_new_string("xml"));
	json_object_object_add(td, "version", json_object_new_int(1));
	json_object_object_add(td, "text",
	                       json_object_new_string_len(text, (int)len));
	add_call(b, -1, "textDocument/didOpen",
	         new_object_with("textDocument", td));
	free(t);
}

/* The connector's whole new text, the N bytes at P. */
static void
add_full_change(struct buf *b, const char *p, size_t n, long version)
{
	json_object *params = json_object_new_object(), *td, *changes;

	td = text_document(CL_FUZZ_URI);
	json_object_object_add(td, "version", json_object_new_int64(version));
	json_object_object_add(params, "textDocument", td);
	changes = json_object_new_array();
	json_object_array_add(
	    changes,
	    new_object_with("text", json_object_new_string_len(p, (int)n)));
	json_object_object_add(params, "contentChanges", changes);
	add_call(b, -1, "textDocument/didChange", params);
}

/* The session's input for DATA. */
static void
build_input(struct buf *b, const uint8_t *data, size_t size)
{
	unsigned flags = size ? data[0] : 0;
	const char *p = size ? (const char *)data + 1 : "";
	const char *end = p + (size ? size - 1 : 0);
	size_t seplen = strlen(CL_FUZZ_SEP);
	long version = 1;

	add_initialize(b, flags);
	add_open(b, CL_FUZZ_URI, connector, sizeof(connector) - 1,
	         (flags & 0x10) != 0);
	if (flags & 0x20)
		add_open(b, CL_FUZZ_CONFIG_URI, config, sizeof(config) - 1, 0);
	while (p < end) {
		const char *q =
		    memmem(p, (size_t)(end - p), CL_FUZZ_SEP, seplen);
		size_t n;

		if (!q)
			q = end;
		n = (size_t)(q - p);
		if (n && p[0] == '{')
			add_framed(b, p, n);
		else if (n && p[0] == '<')
			add_full_change(b, p, n, ++version);
		else
			add(b, p, n);
		p = q == end ? end : q + seplen;
	}
	add_call(b, 999999, "textDocument/diagnostic",
	         new_object_with("textDocument", text_document(CL_FUZZ_URI)));
	switch ((flags >> 6) & 3) {
	case 1:
		add_call(b, 1000000, "shutdown", NULL);
		add_call(b, -1, "exit", NULL);
		break;
	case 2:
		add_call(b, -1, "exit", NULL);
		break;
	case 3:
		add_call(b, 1000000, "shutdown", NULL);
		break;
	}
}

/* ---- the output's checks ---- */

static int
is_position(json_object *pos, int64_t *line, int64_t *character)
{
	json_object *l, *c;

	if (!json_object_is_type(pos, json_type_object) ||
	    !json_object_object_get_ex(pos, "line", &l) ||
	    !json_object_object_get_ex(pos, "character", &c) ||
	    !json_object_is_type(l, json_type_int) ||
	    !json_object_is_type(c, json_type_int))
		return 0;
	*line = json_object_get_int64(l);
	*character = json_object_get_int64(c);
	return 1;
}

/* Every {"start": Position, "end": Position} in V is a Range that does
 * not end before it starts, with non-negative numbers. */
static void
check_ranges(json_object *v, int depth)
{
	CL_FUZZ_CHECK(depth < 64, "the output nests too deep");
	if (json_object_is_type(v, json_type_array)) {
		size_t i;

		for (i = 0; i < json_object_array_length(v); i++)
			check_ranges(json_object_array_get_idx(v, i),
			             depth + 1);
		return;
	}
	if (json_object_is_type(v, json_type_object)) {
		json_object *s, *e;
		int64_t sl, sc, el, ec;

		if (json_object_object_get_ex(v, "start", &s) &&
		    json_object_object_get_ex(v, "end", &e) &&
		    is_position(s, &sl, &sc) && is_position(e, &el, &ec)) {
			CL_FUZZ_CHECK(sl >= 0 && sc >= 0 && el >= 0 && ec >= 0,
			              "a position with a negative number");
			if (sl > el || (sl == el && sc > ec))
				fprintf(stderr,
				        "fuzz_lsp: range %lld:%lld to "
				        "%lld:%lld\n",
				        (long long)sl, (long long)sc,
				        (long long)el, (long long)ec);
			CL_FUZZ_CHECK(sl < el || (sl == el && sc <= ec),
			              "a range ends before it starts");
		}
		json_object_object_foreach(v, key, val)
		{
			(void)key;
			check_ranges(val, depth + 1);
		}
	}
}

/* Member KEY of the object V, or NULL. */
static json_object *
member(json_object *v, const char *key)
{
	json_object *m;

	if (!json_object_is_type(v, json_type_object) ||
	    !json_object_object_get_ex(v, key, &m))
		return NULL;
	return m;
}

/* One message of the server's: a JSON-RPC 2.0 object. */
static void
check_message(json_object *m, int first, unsigned flags)
{
	json_object *v, *id, *result;
	int has_result, has_error;

	CL_FUZZ_CHECK(json_object_is_type(m, json_type_object),
	              "a message is not a JSON object");
	CL_FUZZ_CHECK(json_object_object_get_ex(m, "jsonrpc", &v) &&
	                  json_object_is_type(v, json_type_string) &&
	                  !strcmp(json_object_get_string(v), "2.0"),
	              "a message without \"jsonrpc\": \"2.0\"");
	if (json_object_object_get_ex(m, "method", &v)) {
		CL_FUZZ_CHECK(json_object_is_type(v, json_type_string),
		              "a method that is not a string");
		CL_FUZZ_CHECK(!first, "the server spoke before answering "
		                      "initialize");
	} else {
		CL_FUZZ_CHECK(json_object_object_get_ex(m, "id", &id),
		              "a response without an id");
		CL_FUZZ_CHECK(id == NULL ||
		                  json_object_is_type(id, json_type_int) ||
		                  json_object_is_type(id, json_type_string),
		              "a response's id is not null, a number or a "
		              "string");
		has_result = json_object_object_get_ex(m, "result", &result);
		has_error = json_object_object_get_ex(m, "error", NULL);
		CL_FUZZ_CHECK(has_result != has_error,
		              "a response needs one of result and error");
		if (first) {
			CL_FUZZ_CHECK(
			    id && json_object_is_type(id, json_type_int) &&
			        json_object_get_int64(id) == 1 && has_result,
			    "the first message is not initialize's "
			    "result");
			v = member(member(result, "capabilities"),
			           "positionEncoding");
			CL_FUZZ_CHECK(
			    v && json_object_is_type(v, json_type_string),
			    "initialize's result has no "
			    "positionEncoding");
			CL_FUZZ_CHECK(!strcmp(json_object_get_string(v),
			                      flags & 1 ? "utf-8" : "utf-16"),
			              "the position encoding is not the one "
			              "offered");
		}
	}
	check_ranges(m, 0);
}

/* The server's N bytes of output at P. */
static void
check_output(const char *p, size_t n, unsigned flags)
{
	static const char prefix[] = "Content-Length: ";
	size_t off = 0, k = 0;
	json_tokener *tok = json_tokener_new_ex(128);

	CL_FUZZ_CHECK(tok != NULL, "out of memory");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	while (off < n) {
		size_t len = 0, digits = 0;
		json_object *m;

		CL_FUZZ_CHECK(n - off > strlen(prefix) &&
		                  !memcmp(p + off, prefix, strlen(prefix)),
		              "a message does not start with Content-Length");
		off += strlen(prefix);
		for (; off < n && p[off] >= '0' && p[off] <= '9'; off++) {
			CL_FUZZ_CHECK(len < ((size_t)1 << 40), "a huge length");
			len = len * 10 + (size_t)(p[off] - '0');
			digits++;
		}
		CL_FUZZ_CHECK(digits > 0, "Content-Length without a number");
		CL_FUZZ_CHECK(n - off >= 4 && !memcmp(p + off, "\r\n\r\n", 4),
		              "the header does not end in a blank line");
		off += 4;
		CL_FUZZ_CHECK(len <= n - off, "a body cut short");
		CL_FUZZ_CHECK(len <= INT32_MAX, "a body too large for json-c");
		json_tokener_reset(tok);
		m = json_tokener_parse_ex(tok, p + off, (int)len);
		if (!m || json_tokener_get_error(tok) != json_tokener_success ||
		    (size_t)json_tokener_get_parse_end(tok) != len)
			fprintf(stderr,
			        "fuzz_lsp: message %zu is not JSON: %s\n"
			        "%.*s\n",
			        k,
			        json_tokener_error_desc(
			            json_tokener_get_error(tok)),
			        (int)(len > 2000 ? 2000 : len), p + off);
		CL_FUZZ_CHECK(
		    m != NULL &&
		        json_tokener_get_error(tok) == json_tokener_success &&
		        (size_t)json_tokener_get_parse_end(tok) == len,
		    "a message's body is not one JSON value of "
		    "Content-Length bytes");
		check_message(m, k == 0, flags);
		json_object_put(m);
		off += len;
		k++;
	}
	CL_FUZZ_CHECK(k > 0, "no answer to initialize");
	json_tokener_free(tok);
}

/* ---- the descriptors ---- */

/* A new empty file, read and written (memfd_create where there is one,
 * else tmpfile): the server's input and output. */
static int
scratch_fd(const char *name)
{
	int fd = -1;
#if defined(__linux__) && defined(MFD_CLOEXEC)
	fd = memfd_create(name, MFD_CLOEXEC);
#else
	(void)name;
#endif
	if (fd < 0) {
		FILE *f = tmpfile();

		CL_FUZZ_CHECK(f != NULL, "tmpfile");
		fd = dup(fileno(f));
		fclose(f);
	}
	CL_FUZZ_CHECK(fd >= 0, "a temporary file");
	return fd;
}

static void
write_fd(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		CL_FUZZ_CHECK(w > 0, "writing the temporary file");
		p += w;
		n -= (size_t)w;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int in = -1, out = -1, dump = -1;
	struct buf b = { NULL, 0, 0 };
	unsigned flags = size ? data[0] : 0;
	cl_session *s;
	struct stat st;
	char *o;
	size_t n = 0;
	int rc;

	if (dump < 0)
		dump = getenv("FUZZ_LSP_DUMP") != NULL;
	if (in < 0) {
		in = scratch_fd("fuzz-lsp-in");
		out = scratch_fd("fuzz-lsp-out");
	}
	build_input(&b, data, size);
	CL_FUZZ_CHECK(ftruncate(in, 0) == 0 && ftruncate(out, 0) == 0,
	              "ftruncate");
	CL_FUZZ_CHECK(lseek(in, 0, SEEK_SET) == 0, "lseek");
	write_fd(in, b.p, b.n);
	CL_FUZZ_CHECK(lseek(in, 0, SEEK_SET) == 0 &&
	                  lseek(out, 0, SEEK_SET) == 0,
	              "lseek");

	s = cl_session_new();
	cl_session_no_config(s);
	rc = cl_session_serve_lsp(s, in, out);
	cl_session_free(s);
	CL_FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2,
	              "cl_session_serve_lsp's return value");
	CL_FUZZ_CHECK(rc != 2, "a file could not be written");

	CL_FUZZ_CHECK(fstat(out, &st) == 0, "fstat");
	o = malloc((size_t)st.st_size + 1);
	CL_FUZZ_CHECK(o != NULL, "out of memory");
	while (n < (size_t)st.st_size) {
		ssize_t r = pread(out, o + n, (size_t)st.st_size - n, (off_t)n);

		if (r < 0 && errno == EINTR)
			continue;
		CL_FUZZ_CHECK(r > 0, "reading the output");
		n += (size_t)r;
	}
	if (dump) {
		/* FUZZ_LSP_DUMP=1: the session, both ways, for a replay */
		fprintf(stderr, "fuzz_lsp: sent %zu bytes:\n", b.n);
		fwrite(b.p, 1, b.n, stderr);
		fprintf(stderr, "\nfuzz_lsp: status %d, received %zu bytes:\n",
		        rc, n);
		fwrite(o, 1, n, stderr);
		fputc('\n', stderr);
	}
	free(b.p);
	check_output(o, n, flags);
	free(o);
	return 0;
}
