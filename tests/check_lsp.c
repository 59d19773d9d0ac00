/*
 * connlint lsp over pipes: the protocol as a client sees it. The server
 * runs as the real binary ($CONNLINT); positions are checked against a
 * UTF-16 count of the test's own (tests/lib/lsp_client.h), and the
 * diagnostics against an in-process lint of the same text.
 */
#define _GNU_SOURCE /* posix_spawn_file_actions_addchdir_np */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "connlint.h"
#include "lib/check_main.h"
#include "lib/lsp_client.h"

#define URI "file:///tmp/connlint-lsp-test/shop.connector.xml"

/* CL101 on api_version (after é, CJK and an emoji on its line) and
 * CL105 on {{Store_Name}} (after the same), nothing else. */
static const char doc_text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connector format=\"1\" name=\"Shopify\" system-type=\"eCommerce\">\n"
    "  <variables>\n"
    "    <variable key=\"store_name\" label=\"Store name\" required=\"true\"/>\n"
    "    <variable label=\"Région 東京 🚀\" key=\"api_version\" default=\"2024-10\"/>\n"
    "  </variables>\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"shopify-token\" name=\"Admin API access token\" type=\"token\">\n"
    "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/shop.json</url>\n"
    "      <variables>\n"
    "        <variable key=\"token\" label=\"Admin API access token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
    "        <use variable=\"store_name\"/>\n"
    "      </variables>\n"
    "      <headers>\n"
    "        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\" locked=\"true\"/>\n"
    "      </headers>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"list-orders\" name=\"List orders\" entity=\"Order\" direction=\"receive\"\n"
    "              method=\"GET\" data-type=\"json\" multiple-records=\"true\">\n"
    "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
    "      <headers>\n"
    "        <param key=\"X-Note\" value=\"é東🚀 {{Store_Name}}\"/>\n"
    "      </headers>\n"
    "      <enable auth-method=\"shopify-token\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>";

static json_object *
text_document(const char *uri, const char *text, int version)
{
	json_object *p = json_object_new_object(),
	            *td = json_object_new_object();

	json_object_object_add(td, "uri", json_object_new_string(uri));
	json_object_object_add(td, "languageId", json_object_new_string("xml"));
	json_object_object_add(td, "version", json_object_new_int(version));
	json_object_object_add(td, "text", json_object_new_string(text));
	json_object_object_add(p, "textDocument", td);
	return p;
}

/* The TextEdit[] of a WorkspaceEdit for the test's document (the URI
 * has dots, which lsp_get would split at). */
static json_object *
edits_of(json_object *workspace_edit)
{
	json_object *e = NULL;

	ck_assert_ptr_nonnull(workspace_edit);
	ck_assert(json_object_object_get_ex(lsp_get(workspace_edit, "changes"),
	                                    URI, &e));
	return e;
}

static void
open_doc(struct lsp *c, const char *uri, const char *text, int version)
{
	lsp_notify(c, "textDocument/didOpen",
	           text_document(uri, text, version));
}

/* The params of a didChange of URI to VERSION replacing bytes [S, E) of
 * TEXT with NEW (positions counted by the test). */
static json_object *
change(const char *uri, int version, const char *text, size_t s, size_t e,
       const char *repl)
{
	json_object *p = json_object_new_object(),
	            *td = json_object_new_object(),
	            *changes = json_object_new_array(),
	            *ch = json_object_new_object(),
	            *range = json_object_new_object();
	int l, c;

	json_object_object_add(td, "uri", json_object_new_string(uri));
	json_object_object_add(td, "version", json_object_new_int(version));
	lsp_test_position(text, s, &l, &c);
	json_object_object_add(range, "start", lsp_pos(l, c));
	lsp_test_position(text, e, &l, &c);
	json_object_object_add(range, "end", lsp_pos(l, c));
	json_object_object_add(ch, "range", range);
	json_object_object_add(ch, "text", json_object_new_string(repl));
	json_object_array_add(changes, ch);
	json_object_object_add(p, "textDocument", td);
	json_object_object_add(p, "contentChanges", changes);
	return p;
}

/* The publishDiagnostics for URI (caller puts), failing after 10 s. */
static json_object *
diagnostics(struct lsp *c, const char *uri)
{
	for (;;) {
		json_object *m =
		    lsp_wait(c, "textDocument/publishDiagnostics", 10000);

		ck_assert_msg(m != NULL, "no diagnostics published");
		if (!strcmp(json_object_get_string(lsp_get(m, "params.uri")),
		            uri))
			return m;
		json_object_put(m);
	}
}

/* Checks that the published Diagnostic[] DS is what an in-process lint
 * of TEXT gives: same rules, same ranges (converted by the test). */
static void
assert_same_as_lint(json_object *ds, const char *text)
{
	cl_linter *l = cl_linter_new();
	cl_result *r = cl_lint_memory(l, "/tmp/x.xml", text, strlen(text));
	size_t i, n = cl_result_count(r);

	ck_assert_int_eq(json_object_array_length(ds), n);
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(r, i);
		json_object *j = json_object_array_get_idx(ds, i);
		size_t off = lsp_test_offset(
		    text, json_object_get_int(lsp_get(j, "range.start.line")),
		    json_object_get_int(lsp_get(j, "range.start.character")));
		const char *p = text, *line = text;
		unsigned ln = 1;

		for (; p < text + off; p++)
			if (*p == '\n') {
				ln++;
				line = p + 1;
			}
		ck_assert_str_eq(json_object_get_string(lsp_get(j, "code")),
		                 cl_rule_id(cl_diag_rule(d)));
		ck_assert_uint_eq(ln, cl_diag_line(d));
		ck_assert_uint_eq((unsigned)(text + off - line) + 1,
		                  cl_diag_byte_column(d));
	}
	cl_result_free(r);
	cl_linter_free(l);
}

START_TEST(test_initialize_encodings)
{
	struct lsp c;
	json_object *caps;

	lsp_start(&c);
	caps = lsp_init(&c, NULL);
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(caps, "positionEncoding")),
	    "utf-16");
	ck_assert_int_eq(
	    json_object_get_int(lsp_get(caps, "textDocumentSync.change")), 2);
	ck_assert(json_object_get_boolean(
	    lsp_get(caps, "textDocumentSync.openClose")));
	ck_assert_ptr_nonnull(lsp_get(caps, "codeActionProvider"));
	ck_assert_ptr_nonnull(lsp_get(caps, "renameProvider.prepareProvider"));
	json_object_put(caps);
	lsp_stop(&c);

	lsp_start(&c);
	caps = lsp_init(
	    &c,
	    "{\"general\":{\"positionEncodings\":[\"utf-32\",\"utf-8\",\"utf-16\"]}}");
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(caps, "positionEncoding")), "utf-8");
	json_object_put(caps);
	lsp_stop(&c);
}
END_TEST

START_TEST(test_diagnostics_utf16_positions)
{
	struct lsp c;
	json_object *m, *ds, *d;
	size_t i, off;

	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, doc_text, 1);
	m = diagnostics(&c, URI);
	ck_assert_int_eq(json_object_get_int(lsp_get(m, "params.version")), 1);
	ds = lsp_get(m, "params.diagnostics");
	ck_assert_int_eq(json_object_array_length(ds), 2);
	assert_same_as_lint(ds, doc_text);
	/* CL101 at api_version: the character counts é, 東京 and 🚀 (two
	 * UTF-16 units) as the protocol's default encoding says */
	d = json_object_array_get_idx(ds, 0);
	ck_assert_str_eq(json_object_get_string(lsp_get(d, "code")), "CL101");
	off = lsp_test_offset(
	    doc_text, json_object_get_int(lsp_get(d, "range.start.line")),
	    json_object_get_int(lsp_get(d, "range.start.character")));
	ck_assert(!strncmp(doc_text + off, "api_version", 11));
	ck_assert_int_eq(
	    json_object_get_int(lsp_get(d, "range.start.character")), 40);
	ck_assert_str_eq(json_object_get_string(lsp_get(d, "source")),
	                 "connlint");
	ck_assert_int_eq(json_object_get_int(lsp_get(d, "severity")), 2);
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(d, "codeDescription.href")),
	    CONNLINT_URL "/blob/main/docs/rules/CL101.md");
	ck_assert_int_eq(json_object_get_int(lsp_get(d, "tags.0")), 1);
	ck_assert_ptr_nonnull(lsp_get(d, "data.fix.edits"));
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(d, "data.fix.applicability")),
	    "unsafe");
	d = json_object_array_get_idx(ds, 1);
	ck_assert_str_eq(json_object_get_string(lsp_get(d, "code")), "CL105");
	for (i = 0; i < 2; i++)
		(void)i;
	json_object_put(m);
	lsp_stop(&c);
}
END_TEST

START_TEST(test_utf8_encoding_positions)
{
	struct lsp c;
	json_object *m, *d;
	const char *line;

	lsp_start(&c);
	json_object_put(
	    lsp_init(&c, "{\"general\":{\"positionEncodings\":[\"utf-8\"]}}"));
	open_doc(&c, URI, doc_text, 1);
	m = diagnostics(&c, URI);
	d = lsp_get(m, "params.diagnostics.0");
	line = strstr(doc_text, "    <variable label=\"R");
	/* bytes now: the column is the byte offset in the line */
	ck_assert_int_eq(
	    json_object_get_int(lsp_get(d, "range.start.character")),
	    (int)(strstr(line, "api_version") - line));
	json_object_put(m);
	lsp_stop(&c);
}
END_TEST

START_TEST(test_incremental_edits_and_versions)
{
	struct lsp c;
	json_object *m;
	char *text = strdup(doc_text);
	size_t at, len;
	int v;

	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, text, 1);
	json_object_put(diagnostics(&c, URI));
	/* fix the case mismatch: CL105 goes */
	at = strstr(text, "{{Store_Name}}") - text + 2;
	lsp_notify(&c, "textDocument/didChange",
	           change(URI, 2, text, at, at + 10, "store_name"));
	memcpy(text + at, "store_name", 10);
	m = diagnostics(&c, URI);
	ck_assert_int_eq(json_object_get_int(lsp_get(m, "params.version")), 2);
	assert_same_as_lint(lsp_get(m, "params.diagnostics"), text);
	json_object_put(m);
	/* append at the end of a document without a final newline */
	len = strlen(text);
	lsp_notify(&c, "textDocument/didChange",
	           change(URI, 3, text, len, len, "\n<!-- é東🚀 -->"));
	text = realloc(text, len + 64);
	strcat(text, "\n<!-- é東🚀 -->");
	m = diagnostics(&c, URI);
	ck_assert_int_eq(json_object_get_int(lsp_get(m, "params.version")), 3);
	assert_same_as_lint(lsp_get(m, "params.diagnostics"), text);
	json_object_put(m);
	/* a burst: never an older version after a newer one */
	for (v = 4; v < 40; v++) {
		len = strlen(text);
		lsp_notify(&c, "textDocument/didChange",
		           change(URI, v, text, len, len, " "));
		strcat(text, " ");
		text = realloc(text, strlen(text) + 2);
	}
	{
		int last = 0;

		while ((m = lsp_wait(&c, "textDocument/publishDiagnostics",
		                     1000))) {
			int ver =
			    json_object_get_int(lsp_get(m, "params.version"));

			ck_assert_int_gt(ver, last);
			last = ver;
			json_object_put(m);
			if (ver == 39)
				break;
		}
		ck_assert_int_eq(last, 39);
	}
	/* a position past the end of its line and one past the last line
	 * are clamped: the edit lands at the end */
	{
		json_object *p = json_object_new_object(),
		            *td = json_object_new_object(),
		            *chs = json_object_new_array(),
		            *ch = json_object_new_object(),
		            *range = json_object_new_object();

		json_object_object_add(td, "uri", json_object_new_string(URI));
		json_object_object_add(td, "version", json_object_new_int(40));
		json_object_object_add(range, "start", lsp_pos(100000, 3));
		json_object_object_add(range, "end", lsp_pos(100000, 999));
		json_object_object_add(ch, "range", range);
		json_object_object_add(ch, "text",
		                       json_object_new_string("<!--x-->"));
		json_object_array_add(chs, ch);
		json_object_object_add(p, "textDocument", td);
		json_object_object_add(p, "contentChanges", chs);
		lsp_notify(&c, "textDocument/didChange", p);
		strcat(text = realloc(text, strlen(text) + 16), "<!--x-->");
		m = diagnostics(&c, URI);
		ck_assert_int_eq(
		    json_object_get_int(lsp_get(m, "params.version")), 40);
		assert_same_as_lint(lsp_get(m, "params.diagnostics"), text);
		json_object_put(m);
	}
	free(text);
	lsp_stop(&c);
}
END_TEST

START_TEST(test_crlf_document)
{
	struct lsp c;
	struct {
		const char *from;
	} r;
	json_object *m, *d;
	char *crlf = malloc(sizeof(doc_text) * 2);
	const char *p;
	char *q = crlf;

	for (p = doc_text; *p; p++) {
		if (*p == '\n')
			*q++ = '\r';
		*q++ = *p;
	}
	*q = '\0';
	(void)r;
	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, crlf, 1);
	m = diagnostics(&c, URI);
	d = lsp_get(m, "params.diagnostics.0");
	ck_assert_int_eq(json_object_get_int(lsp_get(d, "range.start.line")),
	                 4);
	ck_assert_int_eq(
	    json_object_get_int(lsp_get(d, "range.start.character")), 40);
	assert_same_as_lint(lsp_get(m, "params.diagnostics"), crlf);
	json_object_put(m);
	lsp_stop(&c);
	free(crlf);
}
END_TEST

/* The code actions at the first diagnostic of RULE (caller puts RESP). */
static json_object *
actions_at(struct lsp *c, const char *text, const char *needle,
           const char *only, json_object **resp)
{
	json_object *p = lsp_at(URI, text, strstr(text, needle) - text), *ctx,
	            *range = json_object_new_object(), *pos;

	pos = lsp_get(p, "position");
	json_object_object_add(range, "start", json_object_get(pos));
	json_object_object_add(range, "end", json_object_get(pos));
	json_object_object_del(p, "position");
	json_object_object_add(p, "range", range);
	ctx = json_object_new_object();
	json_object_object_add(ctx, "diagnostics", json_object_new_array());
	if (only)
		json_object_object_add(ctx, "only", json_tokener_parse(only));
	json_object_object_add(p, "context", ctx);
	return lsp_request(c, "textDocument/codeAction", p, resp);
}

static json_object *
find_action(json_object *actions, const char *prefix)
{
	size_t i;

	for (i = 0; i < json_object_array_length(actions); i++) {
		json_object *a = json_object_array_get_idx(actions, i);

		if (!strncmp(json_object_get_string(lsp_get(a, "title")),
		             prefix, strlen(prefix)))
			return a;
	}
	return NULL;
}

static void
full_change(struct lsp *c, int version, const char *text)
{
	json_object *p = json_object_new_object(),
	            *td = json_object_new_object(),
	            *chs = json_object_new_array(),
	            *ch = json_object_new_object();

	json_object_object_add(td, "uri", json_object_new_string(URI));
	json_object_object_add(td, "version", json_object_new_int(version));
	json_object_object_add(ch, "text", json_object_new_string(text));
	json_object_array_add(chs, ch);
	json_object_object_add(p, "textDocument", td);
	json_object_object_add(p, "contentChanges", chs);
	lsp_notify(c, "textDocument/didChange", p);
}

START_TEST(test_code_actions)
{
	struct lsp c;
	json_object *resp, *acts, *a, *m;
	char *text = strdup(doc_text);
	const char *title;

	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, text, 1);
	json_object_put(diagnostics(&c, URI));
	/* CL105's safe fix */
	acts = actions_at(&c, text, "Store_Name", NULL, &resp);
	a = find_action(acts, "CL105: ");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(json_object_get_string(lsp_get(a, "kind")),
	                 "quickfix");
	ck_assert(json_object_get_boolean(lsp_get(a, "isPreferred")));
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(a, "diagnostics.0.code")), "CL105");
	lsp_apply_edits(&text, edits_of(lsp_get(a, "edit")));
	json_object_put(resp);
	ck_assert_ptr_nonnull(strstr(text, "{{store_name}}\"/>"));
	full_change(&c, 2, text);
	m = diagnostics(&c, URI);
	ck_assert_int_eq(
	    json_object_array_length(lsp_get(m, "params.diagnostics")), 1);
	json_object_put(m);
	/* CL101's fix is unsafe: the title says so; disable it instead */
	acts = actions_at(&c, text, "api_version", NULL, &resp);
	a = find_action(acts, "CL101: ");
	ck_assert_ptr_nonnull(a);
	title = json_object_get_string(lsp_get(a, "title"));
	ck_assert_ptr_nonnull(strstr(title, "(unsafe fix)"));
	ck_assert(!json_object_get_boolean(lsp_get(a, "isPreferred")));
	a = find_action(acts, "Disable CL101 for this element");
	ck_assert_ptr_nonnull(a);
	lsp_apply_edits(&text, edits_of(lsp_get(a, "edit")));
	json_object_put(resp);
	ck_assert_ptr_nonnull(
	    strstr(text, "    <!-- connlint-disable-next-line CL101 "));
	full_change(&c, 3, text);
	m = diagnostics(&c, URI);
	ck_assert_int_eq(
	    json_object_array_length(lsp_get(m, "params.diagnostics")), 0);
	assert_same_as_lint(lsp_get(m, "params.diagnostics"), text);
	json_object_put(m);
	free(text);
	lsp_stop(&c);
}
END_TEST

START_TEST(test_fix_all_is_safe_only)
{
	struct lsp c;
	json_object *resp, *acts, *a, *m;
	char *text = strdup(doc_text);

	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, text, 1);
	json_object_put(diagnostics(&c, URI));
	acts = actions_at(&c, text, "<connector", "[\"source.fixAll\"]", &resp);
	ck_assert_int_eq(json_object_array_length(acts), 1);
	a = json_object_array_get_idx(acts, 0);
	ck_assert_str_eq(json_object_get_string(lsp_get(a, "kind")),
	                 "source.fixAll.connlint");
	lsp_apply_edits(&text, edits_of(lsp_get(a, "edit")));
	json_object_put(resp);
	full_change(&c, 2, text);
	m = diagnostics(&c, URI);
	/* CL105 fixed (safe), CL101 left (unsafe) */
	ck_assert_int_eq(
	    json_object_array_length(lsp_get(m, "params.diagnostics")), 1);
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(m, "params.diagnostics.0.code")),
	    "CL101");
	json_object_put(m);
	/* only quickfix: no source action */
	acts = actions_at(&c, text, "api_version", "[\"quickfix\"]", &resp);
	ck_assert_ptr_null(find_action(acts, "connlint: fix all"));
	ck_assert_ptr_nonnull(find_action(acts, "CL101: "));
	json_object_put(resp);
	free(text);
	lsp_stop(&c);
}
END_TEST

START_TEST(test_lifecycle)
{
	struct lsp c;
	json_object *resp;

	/* a request before initialize, a notification before it */
	lsp_start(&c);
	open_doc(&c, URI, doc_text, 1);
	resp = lsp_response(
	    &c, lsp_call(&c, "textDocument/hover", lsp_at(URI, doc_text, 0)));
	ck_assert_int_eq(lsp_error_code(resp), -32002);
	json_object_put(resp);
	json_object_put(lsp_init(&c, NULL));
	/* the didOpen before initialize was dropped */
	resp = lsp_response(
	    &c, lsp_call(&c, "textDocument/hover", lsp_at(URI, doc_text, 0)));
	ck_assert_int_eq(lsp_error_code(resp), -32602);
	json_object_put(resp);
	resp = lsp_response(
	    &c, lsp_call(&c, "initialize",
	                 json_tokener_parse("{\"capabilities\":{}}")));
	ck_assert_int_eq(lsp_error_code(resp), -32600);
	json_object_put(resp);
	lsp_request(&c, "shutdown", NULL, &resp);
	json_object_put(resp);
	resp = lsp_response(
	    &c, lsp_call(&c, "textDocument/hover", lsp_at(URI, doc_text, 0)));
	ck_assert_int_eq(lsp_error_code(resp), -32600);
	json_object_put(resp);
	lsp_notify(&c, "exit", NULL);
	ck_assert_int_eq(lsp_wait_exit(&c), 0);

	/* exit without shutdown: 1 */
	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	lsp_notify(&c, "exit", NULL);
	ck_assert_int_eq(lsp_wait_exit(&c), 1);

	/* the end of the input: a clean end */
	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, doc_text, 1);
	ck_assert_int_eq(lsp_wait_exit(&c), 0);
}
END_TEST

/* The server still answers a request after whatever came before. */
static void
assert_alive(struct lsp *c)
{
	json_object *resp;

	lsp_request(
	    c, "textDocument/documentSymbol",
	    json_tokener_parse("{\"textDocument\":{\"uri\":\"" URI "\"}}"),
	    &resp);
	json_object_put(resp);
}

static void
lsp_send_text(struct lsp *c, const char *body)
{
	lsp_send_body(c, body, strlen(body));
}

static void
expect_error(struct lsp *c, int code)
{
	json_object *m = lsp_read(c, 10000);

	ck_assert_msg(m != NULL, "no error response");
	ck_assert_int_eq(lsp_error_code(m), code);
	ck_assert(json_object_is_type(lsp_get(m, "id"), json_type_null));
	json_object_put(m);
}

START_TEST(test_robustness)
{
	struct lsp c;
	json_object *resp, *m;
	static const char junk[] = "Content-Length: 5\r\n\r\n{\"a\":";
	static const char bad_header[] = "Content-Length: x1\r\n\r\n{}";
	static const char no_length[] =
	    "Content-Type: application/json\r\n\r\n";
	char *big;
	size_t bign = CL_MAX_INPUT_BYTES + 10;

	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, doc_text, 1);
	json_object_put(diagnostics(&c, URI));

	/* a body that is not JSON */
	lsp_send_text(&c, "{nope");
	expect_error(&c, -32700);
	assert_alive(&c);
	/* a Content-Length shorter than the body: the JSON is cut */
	lsp_send_raw(&c, junk, sizeof(junk) - 1);
	lsp_send_raw(&c, "1}", 2);
	expect_error(&c, -32700);
	m = lsp_read(&c, 300); /* the rest "1}" is a broken header: */
	if (m) {
		ck_assert_int_eq(lsp_error_code(m), -32700);
		json_object_put(m);
	}
	assert_alive(&c);
	/* malformed headers */
	lsp_send_raw(&c, bad_header, sizeof(bad_header) - 1);
	expect_error(&c, -32700);
	assert_alive(&c);
	lsp_send_raw(&c, no_length, sizeof(no_length) - 1);
	expect_error(&c, -32700);
	assert_alive(&c);
	/* not an object; a batch; an id of the wrong type */
	lsp_send_text(&c, "42");
	expect_error(&c, -32600);
	lsp_send_text(
	    &c, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}]");
	expect_error(&c, -32600);
	lsp_send_text(&c, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}");
	expect_error(&c, -32600);
	/* an unknown method */
	resp = lsp_response(&c, lsp_call(&c, "textDocument/frobnicate",
	                                 json_object_new_object()));
	ck_assert_int_eq(lsp_error_code(resp), -32601);
	json_object_put(resp);
	/* unknown notifications and one for an unopened document: nothing */
	lsp_notify(&c, "$/cancelRequest", json_tokener_parse("{\"id\":99}"));
	lsp_notify(&c, "textDocument/didChange",
	           change("file:///nowhere.xml", 2, "", 0, 0, "x"));
	lsp_notify(&c, "textDocument/didClose",
	           json_tokener_parse(
	               "{\"textDocument\":{\"uri\":\"file:///nowhere.xml\"}}"));
	ck_assert_ptr_null(lsp_read(&c, 200));
	/* params of the wrong shape */
	resp = lsp_response(
	    &c, lsp_call(&c, "textDocument/hover",
	                 json_tokener_parse("{\"textDocument\":{\"uri\":\"" URI
	                                    "\"},\"position\":\"x\"}")));
	ck_assert_int_eq(lsp_error_code(resp), -32602);
	json_object_put(resp);
	/* over 64 MiB: refused, and skipped */
	big = malloc(bign);
	memset(big, ' ', bign);
	lsp_send_body(&c, big, bign);
	free(big);
	expect_error(&c, -32600);
	assert_alive(&c);
	lsp_stop(&c);
}
END_TEST

START_TEST(test_pull_diagnostics)
{
	struct lsp c;
	json_object *resp, *r, *p;

	lsp_start(&c);
	json_object_put(lsp_init(
	    &c, "{\"textDocument\":{\"diagnostic\":{}},"
	        "\"workspace\":{\"diagnostics\":{\"refreshSupport\":true}}}"));
	open_doc(&c, URI, doc_text, 1);
	/* the client pulls: nothing is pushed */
	ck_assert_ptr_null(
	    lsp_wait(&c, "textDocument/publishDiagnostics", 300));
	p = json_tokener_parse("{\"textDocument\":{\"uri\":\"" URI "\"}}");
	r = lsp_request(&c, "textDocument/diagnostic", p, &resp);
	ck_assert_str_eq(json_object_get_string(lsp_get(r, "kind")), "full");
	assert_same_as_lint(lsp_get(r, "items"), doc_text);
	p = json_object_new_object();
	json_object_object_add(p, "textDocument",
	                       json_tokener_parse("{\"uri\":\"" URI "\"}"));
	json_object_object_add(p, "previousResultId",
	                       json_object_get(lsp_get(r, "resultId")));
	json_object_put(resp);
	r = lsp_request(&c, "textDocument/diagnostic", p, &resp);
	ck_assert_str_eq(json_object_get_string(lsp_get(r, "kind")),
	                 "unchanged");
	json_object_put(resp);
	/* a configuration file changed: the client is asked to pull again */
	lsp_notify(
	    &c, "workspace/didChangeWatchedFiles",
	    json_tokener_parse(
	        "{\"changes\":[{\"uri\":\"file:///tmp/connlint.xml\",\"type\":1}]}"));
	r = lsp_wait(&c, "workspace/diagnostic/refresh", 5000);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(lsp_get(r, "id"));
	json_object_put(r);
	lsp_stop(&c);
}
END_TEST

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_configuration_reload)
{
	struct lsp c;
	char dir[] = "/tmp/connlint-lsp-XXXXXX", cfg[256], uri[512], curi[512];
	json_object *m;
	static const char *const no_args[] = { NULL };

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(cfg, sizeof(cfg), "%s/connlint.xml", dir);
	snprintf(uri, sizeof(uri), "file://%s/shop.xml", dir);
	snprintf(curi, sizeof(curi), "file://%s", cfg);
	write_file(
	    cfg,
	    "<connlint version=\"1\"><ignore rules=\"CL101\"/></connlint>\n");
	lsp_start_in(&c, NULL, no_args);
	json_object_put(lsp_init(
	    &c,
	    "{\"workspace\":{\"didChangeWatchedFiles\":{\"dynamicRegistration\":true}}}"));
	/* the server asks to watch the configuration files */
	m = lsp_wait(&c, "client/registerCapability", 5000);
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(m, "params.registrations.0.method")),
	    "workspace/didChangeWatchedFiles");
	json_object_put(m);
	open_doc(&c, uri, doc_text, 1);
	m = diagnostics(&c, uri);
	ck_assert_int_eq(
	    json_object_array_length(lsp_get(m, "params.diagnostics")), 1);
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(m, "params.diagnostics.0.code")),
	    "CL105");
	json_object_put(m);
	/* the file changes on disk: the watcher says so */
	write_file(
	    cfg,
	    "<connlint version=\"1\"><ignore rules=\"CL105\"/></connlint>\n");
	{
		char params[700];

		snprintf(params, sizeof(params),
		         "{\"changes\":[{\"uri\":\"%s\",\"type\":2}]}", curi);
		lsp_notify(&c, "workspace/didChangeWatchedFiles",
		           json_tokener_parse(params));
	}
	m = diagnostics(&c, uri);
	ck_assert_int_eq(
	    json_object_array_length(lsp_get(m, "params.diagnostics")), 1);
	ck_assert_str_eq(
	    json_object_get_string(lsp_get(m, "params.diagnostics.0.code")),
	    "CL101");
	json_object_put(m);
	/* saved from the editor: didSave of the configuration */
	write_file(
	    cfg,
	    "<connlint version=\"1\"><ignore rules=\"CL101,CL105\"/></connlint>\n");
	{
		char params[700];

		snprintf(params, sizeof(params),
		         "{\"textDocument\":{\"uri\":\"%s\"}}", curi);
		lsp_notify(&c, "textDocument/didSave",
		           json_tokener_parse(params));
	}
	m = diagnostics(&c, uri);
	ck_assert_int_eq(
	    json_object_array_length(lsp_get(m, "params.diagnostics")), 0);
	json_object_put(m);
	/* a configuration that is not valid: said on the document */
	write_file(cfg, "<connlint><frobnicate/></connlint>\n");
	{
		char params[700];

		snprintf(params, sizeof(params),
		         "{\"textDocument\":{\"uri\":\"%s\"}}", curi);
		lsp_notify(&c, "textDocument/didSave",
		           json_tokener_parse(params));
	}
	m = diagnostics(&c, uri);
	ck_assert_int_eq(
	    json_object_array_length(lsp_get(m, "params.diagnostics")), 1);
	ck_assert_ptr_nonnull(strstr(
	    json_object_get_string(lsp_get(m, "params.diagnostics.0.message")),
	    "connlint.xml"));
	json_object_put(m);
	lsp_stop(&c);
	unlink(cfg);
	rmdir(dir);
}
END_TEST

START_TEST(test_features_over_the_wire)
{
	struct lsp c;
	json_object *resp, *r, *p;
	char *text = strdup(doc_text);
	size_t off;

	lsp_start(&c);
	json_object_put(lsp_init(&c, NULL));
	open_doc(&c, URI, text, 1);
	json_object_put(diagnostics(&c, URI));
	/* definition: {{store_name}} in the endpoint → the connector
	 * variable's key */
	off = strstr(strstr(text, "list-orders"), "{{store_name}}") - text + 3;
	r = lsp_request(&c, "textDocument/definition", lsp_at(URI, text, off),
	                &resp);
	ck_assert_ptr_nonnull(r);
	off = lsp_test_offset(
	    text, json_object_get_int(lsp_get(r, "range.start.line")),
	    json_object_get_int(lsp_get(r, "range.start.character")));
	ck_assert(
	    !strncmp(text + off, "store_name\" label=\"Store name\"", 30));
	json_object_put(resp);
	/* references of store_name, declaration included: the key, the
	 * use, two placeholders */
	p = lsp_at(URI, text, strstr(text, "store_name") - text);
	json_object_object_add(
	    p, "context", json_tokener_parse("{\"includeDeclaration\":true}"));
	r = lsp_request(&c, "textDocument/references", p, &resp);
	ck_assert_int_ge(json_object_array_length(r), 4);
	json_object_put(resp);
	/* rename the auth method id: the id and the enable */
	p = lsp_at(URI, text, strstr(text, "shopify-token") - text + 2);
	json_object_object_add(p, "newName",
	                       json_object_new_string("shop-token"));
	r = lsp_request(&c, "textDocument/rename", p, &resp);
	ck_assert_int_eq(json_object_array_length(edits_of(r)), 2);
	lsp_apply_edits(&text, edits_of(r));
	json_object_put(resp);
	ck_assert_ptr_null(strstr(text, "shopify-token"));
	ck_assert_ptr_nonnull(
	    strstr(text, "<enable auth-method=\"shop-token\"/>"));
	/* rename to a name that is not a key: refused */
	p = lsp_at(URI, text, strstr(text, "api_version") - text);
	json_object_object_add(p, "newName", json_object_new_string("a b"));
	resp = lsp_response(&c, lsp_call(&c, "textDocument/rename", p));
	ck_assert_int_eq(lsp_error_code(resp), -32803);
	json_object_put(resp);
	/* symbols */
	r = lsp_request(
	    &c, "textDocument/documentSymbol",
	    json_tokener_parse("{\"textDocument\":{\"uri\":\"" URI "\"}}"),
	    &resp);
	ck_assert_int_ge(json_object_array_length(r), 3);
	json_object_put(resp);
	/* hover on a rule's diagnostic */
	r = lsp_request(
	    &c, "textDocument/hover",
	    lsp_at(URI, text, strstr(text, "api_version") - text + 1), &resp);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(
	    json_object_get_string(lsp_get(r, "contents.value")), "CL101"));
	json_object_put(resp);
	/* completion of element names inside <variables> */
	off = strstr(text, "  </variables>") - text;
	full_change(&c, 2, "");
	{
		char *t2 = malloc(strlen(text) + 4);

		memcpy(t2, text, off);
		strcpy(t2 + off, "<");
		strcat(t2, text + off);
		full_change(&c, 3, t2);
		r = lsp_request(&c, "textDocument/completion",
		                lsp_at(URI, t2, off + 1), &resp);
		{
			json_object *items = lsp_get(r, "items");
			size_t i;
			int found = 0;

			ck_assert_ptr_nonnull(items);
			for (i = 0; i < json_object_array_length(items); i++)
				found |= !strcmp(
				    json_object_get_string(lsp_get(
				        json_object_array_get_idx(items, i),
				        "label")),
				    "variable");
			ck_assert(found);
		}
		json_object_put(resp);
		free(t2);
	}
	free(text);
	lsp_stop(&c);
}
END_TEST

/* VmRSS of PID in KiB. */
static long
rss_kib(pid_t pid)
{
	char path[64], line[256];
	FILE *f;
	long kib = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmRSS:", 6))
			kib = strtol(line + 6, NULL, 10);
	fclose(f);
	return kib;
}

/* Character boundaries of TEXT: a random one (never inside a UTF-8
 * sequence, so that the test's own conversion is exact). */
static size_t
random_boundary(const char *text, size_t len, unsigned *seed)
{
	size_t off = len ? (size_t)rand_r(seed) % (len + 1) : 0;

	while (off < len && ((unsigned char)text[off] & 0xc0) == 0x80)
		off++;
	return off;
}

START_TEST(test_random_edits_memory_flat)
{
	static const char *const pieces[] = {
		"",      "x",
		"é",     "東京",
		"🚀",     "{{",
		"}}",    "{{store_name}}",
		"\n",    "\r\n",
		"<",     ">",
		"\"",    "<variable key=\"k\"/>",
		"<!--",  "-->",
		"&amp;", " ",
	};
	struct lsp c;
	char *text = strdup(doc_text);
	unsigned seed = 12345;
	long rss_early = 0, rss_late;
	int v;
	json_object *m, *resp;

	/* AddressSanitizer keeps freed memory in quarantine, which would be
	 * measured below as growth; the sanitizer pass runs this too */
	{
		const char *a = getenv("ASAN_OPTIONS");
		char opts[512];

		snprintf(opts, sizeof(opts), "%s%squarantine_size_mb=0",
		         a ? a : "", a && *a ? ":" : "");
		setenv("ASAN_OPTIONS", opts, 1);
	}
	lsp_start(&c);
	/* the default debounce: a burst is linted once */
	json_object_put(lsp_init_with(&c, NULL, NULL));
	open_doc(&c, URI, text, 1);
	json_object_put(diagnostics(&c, URI));
	for (v = 2; v <= 10001; v++) {
		size_t len = strlen(text),
		       s = random_boundary(text, len, &seed),
		       e = random_boundary(text, len, &seed), t;
		const char *piece =
		    pieces[rand_r(&seed) % (sizeof(pieces) / sizeof(*pieces))];
		char *nt;

		if (e < s) {
			t = s;
			s = e;
			e = t;
		}
		if (e - s > 40)
			e = s + (size_t)rand_r(&seed) % 8;
		while (e < len && ((unsigned char)text[e] & 0xc0) == 0x80)
			e++;
		/* keep "\r\n" whole: a lone "\r" is its own line end */
		if (s > 0 && text[s - 1] == '\r' && text[s] == '\n')
			s--;
		if (e > 0 && e < len && text[e - 1] == '\r' && text[e] == '\n')
			e++;
		lsp_notify(&c, "textDocument/didChange",
		           change(URI, v, text, s, e, piece));
		nt = malloc(len - (e - s) + strlen(piece) + 1);
		memcpy(nt, text, s);
		strcpy(nt + s, piece);
		strcat(nt, text + e);
		free(text);
		text = nt;
		/* drain what came, so that the pipe never fills */
		while ((m = lsp_read(&c, 0)))
			json_object_put(m);
		if (v == 1001) {
			/* warmed up: the reference for the growth below */
			lsp_request(&c, "textDocument/documentSymbol",
			            json_tokener_parse(
			                "{\"textDocument\":{\"uri\":\"" URI
			                "\"}}"),
			            &resp);
			json_object_put(resp);
			rss_early = rss_kib(c.pid);
		}
	}
	/* the server's text is the client's: its diagnostics are a lint
	 * of the same bytes */
	lsp_request(
	    &c, "textDocument/diagnostic",
	    json_tokener_parse("{\"textDocument\":{\"uri\":\"" URI "\"}}"),
	    &resp);
	assert_same_as_lint(lsp_get(resp, "result.items"), text);
	json_object_put(resp);
	rss_late = rss_kib(c.pid);
	ck_assert_int_gt(rss_early, 0);
	/* 9,000 more edits: under 2 MiB more memory */
	ck_assert_msg(rss_late - rss_early < 2048,
	              "RSS grew from %ld KiB to %ld KiB", rss_early, rss_late);
	fprintf(stderr,
	        "lsp: RSS %ld KiB after 1,000 edits, %ld KiB after 10,000\n",
	        rss_early, rss_late);
	free(text);
	lsp_stop(&c);
}
END_TEST

static Suite *
lsp_suite(void)
{
	Suite *s = suite_create("lsp");
	TCase *tc = tcase_create("protocol");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_initialize_encodings);
	tcase_add_test(tc, test_diagnostics_utf16_positions);
	tcase_add_test(tc, test_utf8_encoding_positions);
	tcase_add_test(tc, test_incremental_edits_and_versions);
	tcase_add_test(tc, test_crlf_document);
	tcase_add_test(tc, test_code_actions);
	tcase_add_test(tc, test_fix_all_is_safe_only);
	tcase_add_test(tc, test_lifecycle);
	tcase_add_test(tc, test_robustness);
	tcase_add_test(tc, test_pull_diagnostics);
	tcase_add_test(tc, test_configuration_reload);
	tcase_add_test(tc, test_features_over_the_wire);
	suite_add_tcase(s, tc);
	/* its own case: make check-valgrind runs "protocol" alone, where
	 * resident memory would measure valgrind */
	tc = tcase_create("memory");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_random_edits_memory_flat);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(lsp_suite)
