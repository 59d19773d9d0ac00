/*
 * The language server's navigation (src/lsp/navigate.c): definition,
 * references, rename and document symbols, called directly on documents
 * and asserted on their JSON. Positions are checked against a UTF-16
 * count of our own, on lines with é, CJK and emoji before the names, and
 * renames are applied to the text and linted again.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "lsp.h"
#include "util.h"
#include "lib/check_main.h"

static const char shop[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connector format=\"1\" name=\"Shop\">\n"
    "  <variables>\n"
    "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
    "    <variable label=\"Région 地域 🌍\" key=\"region\" default=\"eu\" configurable=\"true\"/>\n"
    "  </variables>\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"shop-oauth\" name=\"OAuth 2\" type=\"oauth2-client-credentials\">\n"
    "      <url>https://{{store_url}}/api/oauth/token</url>\n"
    "      <variables>\n"
    "        <variable key=\"scope\" label=\"Scope\" default=\"write\" locked=\"true\"/>\n"
    "        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>\n"
    "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
    "        <use variable=\"store_url\"/>\n"
    "        <use variable=\"region\"/>\n"
    "      </variables>\n"
    "      <headers>\n"
    "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n"
    "      </headers>\n"
    "      <body format=\"form\"/>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"list-orders\" name=\"List orders\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://{{store_url}}/é注文🎉/{{region}}/orders?limit={{page_size}}</url>\n"
    "      <variables>\n"
    "        <variable label=\"Größe 🎉\" key=\"page_size\" default=\"100\" configurable=\"true\"/>\n"
    "      </variables>\n"
    "      <enable auth-method=\"shop-oauth\"/>\n"
    "    </endpoint>\n"
    "    <endpoint id=\"list-products\" name=\"List products\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://{{store_url}}/products/{{region}}?limit={{page_size}}</url>\n"
    "      <variables>\n"
    "        <variable key=\"page_size\" default=\"50\" configurable=\"true\"/>\n"
    "        <variable key=\"region\" default=\"us\" configurable=\"true\"/>\n"
    "      </variables>\n"
    "      <enable auth-method=\"shop-oauth\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

/* Two token methods, a case-different placeholder, a key written with a
 * character reference. */
static const char tokens[] =
    "<connector format=\"1\" name=\"Tokens\">\n"
    "  <variables>\n"
    "    <variable key=\"zone&#x2d;id\" default=\"z\" configurable=\"true\"/>\n"
    "  </variables>\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"tok-a\" name=\"A\" type=\"token\">\n"
    "      <url>https://a.example.com/{{zone-id}}/{{account}}</url>\n"
    "      <variables>\n"
    "        <variable key=\"token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"tenant\" default=\"t\" configurable=\"true\"/>\n"
    "        <variable key=\"account\" default=\"a\" configurable=\"true\"/>\n"
    "        <use variable=\"zone-id\"/>\n"
    "      </variables>\n"
    "      <headers><param key=\"X-Token\" value=\"{{token}}\"/></headers>\n"
    "    </auth-method>\n"
    "    <auth-method id=\"tok-b\" name=\"B\" type=\"token\">\n"
    "      <url>https://b.example.com/{{Tenant}}</url>\n"
    "      <variables>\n"
    "        <variable key=\"token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"tenant\" default=\"t\" configurable=\"true\"/>\n"
    "      </variables>\n"
    "      <headers><param key=\"X-Token\" value=\"{{token}}\"/></headers>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"e1\" name=\"E1\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://x.example.com/{{tenant}}</url>\n"
    "      <enable auth-method=\"tok-a\"/>\n"
    "      <enable auth-method=\"tok-b\"/>\n"
    "    </endpoint>\n"
    "    <endpoint id=\"e2\" name=\"E2\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://x.example.com/{{account}}</url>\n"
    "      <enable auth-method=\"tok-a\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

static struct cl_lsp_doc *
doc_of(const char *text)
{
	return cl_lsp_doc_new("file:///w/c.xml", text, strlen(text), 0,
	                      CL_LSP_UTF16);
}

/* The byte offset of the K-th (0-based) NEEDLE in TEXT, plus DELTA. */
static size_t
at(const char *text, const char *needle, int k, size_t delta)
{
	const char *p = text;

	for (;;) {
		p = strstr(p, needle);
		ck_assert_msg(p != NULL, "no %d-th `%s`", k, needle);
		if (!k--)
			return (size_t)(p - text) + delta;
		p++;
	}
}

/* Our own count: the line of OFFSET and its UTF-16 column. */
static void
utf16_pos(const char *text, size_t off, unsigned *line, unsigned *ch)
{
	size_t i, ls = 0;

	*line = 0;
	for (i = 0; i < off; i++)
		if (text[i] == '\n') {
			(*line)++;
			ls = i + 1;
		}
	*ch = 0;
	for (i = ls; i < off; i++) {
		unsigned char b = (unsigned char)text[i];

		if ((b & 0xc0) != 0x80)
			*ch += b >= 0xf0 ? 2 : 1;
	}
}

static int64_t
member_int(json_object *o, const char *key)
{
	json_object *v;

	ck_assert_msg(json_object_object_get_ex(o, key, &v), "no `%s`", key);
	return json_object_get_int64(v);
}

static json_object *
member(json_object *o, const char *key)
{
	json_object *v;

	ck_assert_msg(o && json_object_object_get_ex(o, key, &v),
	              "no `%s` in %s", key,
	              o ? json_object_to_json_string(o) : "null");
	return v;
}

static void
check_pos(json_object *pos, const char *text, size_t off)
{
	unsigned line, ch;

	utf16_pos(text, off, &line, &ch);
	ck_assert_int_eq(member_int(pos, "line"), line);
	ck_assert_int_eq(member_int(pos, "character"), ch);
}

/* RANGE covers bytes [START, END) of TEXT. */
static void
check_range(json_object *range, const char *text, size_t start, size_t end)
{
	check_pos(member(range, "start"), text, start);
	check_pos(member(range, "end"), text, end);
}

static void
check_loc(json_object *loc, const char *text, size_t start, size_t end)
{
	ck_assert_str_eq(json_object_get_string(member(loc, "uri")),
	                 "file:///w/c.xml");
	check_range(member(loc, "range"), text, start, end);
}

/* The byte range of a Location's or TextEdit's range, read back. */
static void
bytes_of(struct cl_lsp_doc *d, json_object *o, size_t *s, size_t *e)
{
	ck_assert_int_eq(cl_lsp_json_range(d, member(o, "range"), s, e), 0);
}

/* The text of D at a Location or TextEdit O (static buffer). */
static const char *
text_of(struct cl_lsp_doc *d, json_object *o)
{
	static char buf[256];
	size_t s, e;

	bytes_of(d, o, &s, &e);
	snprintf(buf, sizeof(buf), "%.*s", (int)(e - s), d->text + s);
	return buf;
}

/* ---- definition ---- */

START_TEST(test_definition_placeholder)
{
	struct cl_lsp_doc *d = doc_of(shop);
	size_t ph = at(shop, "{{page_size}}", 0, 4);
	size_t decl = at(shop, "\"page_size\"", 0, 1);
	json_object *loc = cl_lsp_definition(d, ph);

	/* the endpoint's own page_size, on a line with é, 注文 and 🎉 */
	check_loc(loc, shop, decl, decl + 9);
	json_object_put(loc);
	/* the same key in the other endpoint goes to that one's */
	loc = cl_lsp_definition(d, at(shop, "{{page_size}}", 1, 2));
	decl = at(shop, "\"page_size\"", 1, 1);
	check_loc(loc, shop, decl, decl + 9);
	json_object_put(loc);
	/* {{region}}: the connector's in list-orders, the endpoint's in
	 * list-products */
	loc = cl_lsp_definition(d, at(shop, "{{region}}", 0, 2));
	decl = at(shop, "\"region\"", 0, 1);
	check_loc(loc, shop, decl, decl + 6);
	json_object_put(loc);
	loc = cl_lsp_definition(d, at(shop, "{{region}}", 1, 9));
	decl = at(shop, "\"region\"", 2, 1);
	check_loc(loc, shop, decl, decl + 6);
	json_object_put(loc);
	/* in the auth method: through its use, to the connector variable */
	loc = cl_lsp_definition(d, at(shop, "{{store_url}}", 0, 5));
	decl = at(shop, "\"store_url\"", 0, 1);
	check_loc(loc, shop, decl, decl + 9);
	json_object_put(loc);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_definition_use_enable_decl)
{
	struct cl_lsp_doc *d = doc_of(shop);
	size_t decl = at(shop, "\"store_url\"", 0, 1);
	size_t id = at(shop, "\"shop-oauth\"", 0, 1);
	json_object *loc;

	loc =
	    cl_lsp_definition(d, at(shop, "<use variable=\"store_url", 0, 16));
	check_loc(loc, shop, decl, decl + 9);
	json_object_put(loc);
	/* the cursor just after the value still names it */
	loc = cl_lsp_definition(d, at(shop, "\"shop-oauth\"/>", 1, 11));
	check_loc(loc, shop, id, id + 10);
	json_object_put(loc);
	/* a declaration is its own definition */
	loc = cl_lsp_definition(d, decl + 3);
	check_loc(loc, shop, decl, decl + 9);
	json_object_put(loc);
	loc = cl_lsp_definition(d, id);
	check_loc(loc, shop, id, id + 10);
	json_object_put(loc);
	/* nothing to go to */
	ck_assert_ptr_null(cl_lsp_definition(d, at(shop, "https://", 1, 2)));
	ck_assert_ptr_null(cl_lsp_definition(d, at(shop, "label=", 0, 2)));
	ck_assert_ptr_null(cl_lsp_definition(d, 0));
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_definition_case_and_columns)
{
	struct cl_lsp_doc *d = doc_of(tokens);
	json_object *loc, *start;
	size_t decl;

	/* {{Tenant}} finds tok-b's tenant only ignoring case */
	loc = cl_lsp_definition(d, at(tokens, "{{Tenant}}", 0, 3));
	decl = at(tokens, "\"tenant\"", 1, 1);
	check_loc(loc, tokens, decl, decl + 6);
	json_object_put(loc);
	cl_lsp_doc_free(d);

	/* a hand-counted UTF-16 column: "{{region}}" is after 33 ASCII
	 * characters and é注文🎉/ (1 + 2 + 2 + 1 units, 13 bytes) */
	d = doc_of(shop);
	loc = cl_lsp_references(d, at(shop, "{{region}}", 0, 3), false);
	ck_assert_int_eq(json_object_array_length(loc), 2);
	start =
	    member(member(json_object_array_get_idx(loc, 1), "range"), "start");
	ck_assert_int_eq(member_int(start, "character"), 41);
	json_object_put(loc);
	cl_lsp_doc_free(d);
}
END_TEST

/* ---- references ---- */

/* The start offsets of Location[] ARR, checked ascending. */
static size_t
starts_of(struct cl_lsp_doc *d, json_object *arr, size_t *out, size_t max)
{
	size_t i, n = json_object_array_length(arr), e;

	ck_assert_uint_le(n, max);
	for (i = 0; i < n; i++) {
		bytes_of(d, json_object_array_get_idx(arr, i), &out[i], &e);
		if (i)
			ck_assert_uint_gt(out[i], out[i - 1]);
	}
	return n;
}

START_TEST(test_references_connector_variable)
{
	struct cl_lsp_doc *d = doc_of(shop);
	size_t got[16], n, i;
	json_object *refs;
	size_t want[] = {
		at(shop, "\"region\"", 0, 1), /* the declaration */
		at(shop, "\"region\"", 1, 1), /* the use */
		at(shop, "{{region}}", 0, 2), /* list-orders */
	};

	/* from the use: declaration, use, placeholder, sorted */
	refs = cl_lsp_references(d, want[1] + 2, true);
	n = starts_of(d, refs, got, 16);
	ck_assert_uint_eq(n, 3);
	for (i = 0; i < n; i++) {
		ck_assert_uint_eq(got[i], want[i]);
		ck_assert_str_eq(text_of(d, json_object_array_get_idx(refs, i)),
		                 "region");
	}
	/* list-products' {{region}} is its endpoint variable's */
	json_object_put(refs);
	/* without the declaration, from the placeholder */
	refs = cl_lsp_references(d, want[2], false);
	n = starts_of(d, refs, got, 16);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(got[0], want[1]);
	ck_assert_uint_eq(got[1], want[2]);
	json_object_put(refs);
	/* store_url: declaration, 3 placeholders, 1 use */
	refs = cl_lsp_references(d, at(shop, "\"store_url\"", 0, 1), true);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 5);
	json_object_put(refs);
	ck_assert_ptr_null(
	    cl_lsp_references(d, at(shop, "orders?", 0, 0), true));
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_references_scopes)
{
	struct cl_lsp_doc *d = doc_of(shop);
	size_t got[16];
	json_object *refs;

	/* the second endpoint's page_size: its placeholder (its <url>
	 * comes first) and its key */
	refs = cl_lsp_references(d, at(shop, "{{page_size}}", 1, 2), true);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 2);
	ck_assert_uint_eq(got[0], at(shop, "{{page_size}}", 1, 2));
	ck_assert_uint_eq(got[1], at(shop, "\"page_size\"", 1, 1));
	json_object_put(refs);
	/* the endpoint variable region: only list-products' placeholder */
	refs = cl_lsp_references(d, at(shop, "\"region\"", 2, 1), false);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 1);
	ck_assert_uint_eq(got[0], at(shop, "{{region}}", 1, 2));
	json_object_put(refs);
	cl_lsp_doc_free(d);

	/* tenant of tok-a and of tok-b: e1 enables both, tok-a first, so
	 * e1's {{tenant}} is tok-a's; {{Tenant}} is nobody's reference */
	d = doc_of(tokens);
	refs = cl_lsp_references(d, at(tokens, "\"tenant\"", 0, 1), false);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 1);
	ck_assert_uint_eq(got[0], at(tokens, "{{tenant}}", 0, 2));
	json_object_put(refs);
	refs = cl_lsp_references(d, at(tokens, "\"tenant\"", 1, 1), false);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 0);
	json_object_put(refs);
	refs = cl_lsp_references(d, at(tokens, "{{Tenant}}", 0, 2), true);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 1);
	ck_assert_uint_eq(got[0], at(tokens, "\"tenant\"", 1, 1));
	json_object_put(refs);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_references_auth_method)
{
	struct cl_lsp_doc *d = doc_of(tokens);
	size_t got[16];
	json_object *refs;

	refs = cl_lsp_references(d, at(tokens, "\"tok-a\"", 1, 2), true);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 3);
	ck_assert_uint_eq(got[0], at(tokens, "\"tok-a\"", 0, 1));
	ck_assert_uint_eq(got[1], at(tokens, "\"tok-a\"", 1, 1));
	ck_assert_uint_eq(got[2], at(tokens, "\"tok-a\"", 2, 1));
	json_object_put(refs);
	refs = cl_lsp_references(d, at(tokens, "\"tok-b\"", 0, 1), false);
	ck_assert_uint_eq(starts_of(d, refs, got, 16), 1);
	ck_assert_uint_eq(got[0], at(tokens, "\"tok-b\"", 1, 1));
	json_object_put(refs);
	cl_lsp_doc_free(d);
}
END_TEST

/* ---- rename ---- */

static int
edit_cmp(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	return (x[0] < y[0]) - (x[0] > y[0]); /* last first */
}

/* TEXT with the TextEdits of workspace edit WE applied, malloc'd. */
static char *
apply(struct cl_lsp_doc *d, json_object *we)
{
	json_object *edits = member(member(we, "changes"), d->uri);
	size_t i, n = json_object_array_length(edits), (*r)[3];
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char *text = cl_strdup(d->text);

	r = cl_calloc(n ? n : 1, sizeof(*r));
	for (i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(edits, i);

		bytes_of(d, e, &r[i][0], &r[i][1]);
		r[i][2] = i;
	}
	qsort(r, n, sizeof(*r), edit_cmp);
	for (i = 0; i < n; i++) {
		const char *nt = json_object_get_string(member(
		    json_object_array_get_idx(edits, r[i][2]), "newText"));

		if (i)
			ck_assert_uint_le(r[i][1], r[i - 1][0]); /* disjoint */
		cl_strbuf_reset(&sb);
		cl_strbuf_add(&sb, text, r[i][0]);
		cl_strbuf_adds(&sb, nt);
		cl_strbuf_adds(&sb, text + r[i][1]);
		free(text);
		text = cl_strdup(sb.buf);
	}
	cl_strbuf_release(&sb);
	free(r);
	return text;
}

/* The sorted, distinct rule IDs TEXT's lint reports, comma-separated
 * (static buffer, one per SLOT). */
static const char *
rule_ids(const char *text, int slot)
{
	static char buf[2][1024];
	cl_linter *l = cl_linter_new();
	cl_result *r = cl_lint_memory(l, "c.xml", text, strlen(text));
	const char *ids[256];
	size_t i, j, n = 0;

	for (i = 0; i < cl_result_count(r) && n < 256; i++) {
		const char *id = cl_rule_id(cl_diag_rule(cl_result_diag(r, i)));

		for (j = 0; j < n && strcmp(ids[j], id); j++)
			;
		if (j == n)
			ids[n++] = id;
	}
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
			const char *t = ids[j];

			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
	buf[slot][0] = 0;
	for (i = 0; i < n; i++) {
		strncat(buf[slot], ids[i], 1000 - strlen(buf[slot]));
		strncat(buf[slot], ",", 1000 - strlen(buf[slot]));
	}
	cl_result_free(r);
	cl_linter_free(l);
	return buf[slot];
}

/*
 * Renames what is at NEEDLE's K-th occurrence + DELTA in TEXT to NAME,
 * expecting N edits, and checks the result: it lints with the same rules
 * firing, and the references of the new name (from the first edit) are
 * exactly where the edits were, each reading NAME.
 */
static void
rename_ok(const char *text, const char *needle, int k, size_t delta,
          const char *name, size_t n)
{
	struct cl_lsp_doc *d = doc_of(text), *d2;
	const char *error = "unset";
	json_object *we, *edits, *refs, *prep;
	size_t i, s, e, s2, e2;
	size_t off = at(text, needle, k, delta);
	char *out;

	prep = cl_lsp_prepare_rename(d, off);
	ck_assert_ptr_nonnull(prep);
	json_object_put(prep);
	we = cl_lsp_rename(d, off, name, &error);
	ck_assert_msg(we != NULL, "refused: %s", error);
	edits = member(member(we, "changes"), "file:///w/c.xml");
	ck_assert_uint_eq(json_object_array_length(edits), n);
	out = apply(d, we);
	ck_assert_str_eq(rule_ids(out, 1), rule_ids(text, 0));

	d2 = doc_of(out);
	bytes_of(d, json_object_array_get_idx(edits, 0), &s, &e);
	refs = cl_lsp_references(d2, s, true);
	ck_assert_ptr_nonnull(refs);
	ck_assert_uint_eq(json_object_array_length(refs), n);
	for (i = 0; i < n; i++) {
		json_object *r = json_object_array_get_idx(refs, i);

		ck_assert_str_eq(text_of(d2, r), name);
		/* the i-th reference is where the i-th edit was, shifted by
		 * the growth of the edits before it */
		bytes_of(d, json_object_array_get_idx(edits, i), &s, &e);
		bytes_of(d2, r, &s2, &e2);
		ck_assert_uint_eq(s2, s + i * strlen(name) -
		                          i * (e - s)); /* same old length */
	}
	json_object_put(refs);
	json_object_put(we);
	cl_lsp_doc_free(d2);
	cl_lsp_doc_free(d);
	free(out);
}

START_TEST(test_rename_applies)
{
	/* the connector variable region: declaration, use, list-orders'
	 * placeholder; list-products' own region is left alone */
	rename_ok(shop, "{{region}}", 0, 3, "area", 3);
	/* list-orders' page_size, on the line after its multi-byte label */
	rename_ok(shop, "\"page_size\"", 0, 1, "max.rows", 2);
	/* from the other endpoint's placeholder: only that endpoint's */
	rename_ok(shop, "{{page_size}}", 1, 3, "per_page", 2);
	/* store_url: declaration, three placeholders and a use */
	rename_ok(shop, "\"store_url\"", 1, 1, "host-name", 5);
	/* an auth method id and its two enables */
	rename_ok(shop, "\"shop-oauth\"", 2, 1, "shop-cc2", 3);
	rename_ok(tokens, "\"tok-b\"", 0, 1, "tok-c", 2);
	/* an auth variable, from an endpoint's placeholder */
	rename_ok(tokens, "{{account}}", 1, 4, "acct", 3);
}
END_TEST

START_TEST(test_rename_edits)
{
	struct cl_lsp_doc *d = doc_of(shop);
	const char *error = NULL;
	json_object *we, *edits, *e, *prep;
	size_t ph = at(shop, "{{region}}", 0, 2);

	we = cl_lsp_rename(d, ph + 1, "area", &error);
	ck_assert_ptr_nonnull(we);
	edits = member(member(we, "changes"), "file:///w/c.xml");
	ck_assert_uint_eq(json_object_array_length(edits), 3);
	/* the placeholder's key only, not its braces */
	e = json_object_array_get_idx(edits, 2);
	check_range(member(e, "range"), shop, ph, ph + 6);
	ck_assert_str_eq(json_object_get_string(member(e, "newText")), "area");
	json_object_put(we);
	/* to its own name: nothing to do */
	we = cl_lsp_rename(d, ph, "region", &error);
	ck_assert_ptr_nonnull(we);
	edits = member(member(we, "changes"), "file:///w/c.xml");
	ck_assert_uint_eq(json_object_array_length(edits), 0);
	json_object_put(we);
	/* prepareRename: the name under the cursor and the current name */
	prep = cl_lsp_prepare_rename(d, ph + 2);
	check_range(member(prep, "range"), shop, ph, ph + 6);
	ck_assert_str_eq(json_object_get_string(member(prep, "placeholder")),
	                 "region");
	json_object_put(prep);
	ck_assert_ptr_null(cl_lsp_prepare_rename(d, at(shop, "orders?", 0, 0)));
	cl_lsp_doc_free(d);
}
END_TEST

/* Renaming at NEEDLE's K-th occurrence + DELTA to NAME is refused with a
 * message containing WHY. */
static void
refused(const char *text, const char *needle, int k, size_t delta,
        const char *name, const char *why)
{
	struct cl_lsp_doc *d = doc_of(text);
	const char *error = NULL;
	size_t off = needle ? at(text, needle, k, delta) : delta;
	json_object *we = cl_lsp_rename(d, off, name, &error);

	ck_assert_msg(we == NULL, "renamed to `%s`: %s", name,
	              we ? json_object_to_json_string(we) : "");
	ck_assert_ptr_nonnull(error);
	ck_assert_msg(strstr(error, why), "`%s` does not say `%s`", error, why);
	cl_lsp_doc_free(d);
}

START_TEST(test_rename_refused)
{
	/* not valid */
	refused(shop, "\"region\"", 0, 1, "my region", "ASCII letters");
	refused(shop, "\"region\"", 0, 1, "", "ASCII letters");
	refused(shop, "\"region\"", 0, 1, "régión", "ASCII letters");
	refused(shop, "\"shop-oauth\"", 0, 1, "Shop", "auth method id");
	refused(shop, "\"shop-oauth\"", 0, 1, "-shop", "auth method id");
	/* taken: the same list, an endpoint variable that would shadow, a
	 * connector variable that would shadow an endpoint one */
	refused(shop, "\"region\"", 0, 1, "store_url", "same scope");
	refused(shop, "\"store_url\"", 0, 1, "page_size", "endpoint variable");
	refused(shop, "\"page_size\"", 0, 1, "region", "connector variable");
	refused(shop, "\"page_size\"", 1, 1, "region", "same scope");
	/* an auth variable seen with the other method's on e1 */
	refused(tokens, "\"tenant\"", 1, 1, "token", "same scope");
	refused(tokens, "\"tok-a\"", 0, 1, "tok-b", "another auth method");
	/* e1's {{tenant}} needs a tenant under tok-a and under tok-b */
	refused(tokens, "\"tenant\"", 0, 1, "tenant-a", "several auth methods");
	/* tok-b's tenant: {{Tenant}} names it in another case (CL105),
	 * which a rename would turn into an undefined placeholder */
	refused(tokens, "\"tenant\"", 1, 1, "tenant-b", "another case");
	/* nothing there */
	refused(shop, "orders?", 0, 0, "x", "no variable key");
	/* a default auth variable: its key is the platform's */
	refused(shop, "\"client_id\"", 0, 1, "app_id", "default variable");
	/* a key written with a character reference */
	refused(tokens, "{{zone-id}}", 0, 3, "zone", "character references");
	/* a placeholder naming its variable in another case */
	refused(tokens, "{{Tenant}}", 0, 3, "x", "another case");
}
END_TEST

START_TEST(test_rename_default_use)
{
	/* a connector variable that a token method uses as its token */
	static const char t[] =
	    "<connector format=\"1\" name=\"T\">\n"
	    "  <variables>\n"
	    "    <variable key=\"token\" required=\"true\" secret=\"true\"/>\n"
	    "  </variables>\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"t\" name=\"T\" type=\"token\">\n"
	    "      <url>https://a.example.com/</url>\n"
	    "      <variables><use variable=\"token\"/></variables>\n"
	    "      <headers><param key=\"X-Token\" value=\"{{token}}\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://a.example.com/x</url>\n"
	    "      <enable auth-method=\"t\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n";
	struct cl_lsp_doc *d = doc_of(t);

	refused(t, "\"token\"", 0, 1, "tok", "the platform fixes");
	refused(t, "{{token}}", 0, 2, "tok", "the platform fixes");
	ck_assert_ptr_null(cl_lsp_prepare_rename(d, at(t, "\"token\"", 1, 1)));
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_not_well_formed)
{
	static const char broken[] =
	    "<connector format=\"1\" name=\"X\">\n"
	    "  <variables><variable key=\"a\"/></variables>\n"
	    "  <endpoints><endpoint id=\"e\"><url>{{a}}</url>\n";
	struct cl_lsp_doc *d = doc_of(broken);
	json_object *syms;

	refused(broken, "\"a\"", 0, 1, "b", "well-formed");
	ck_assert_ptr_null(cl_lsp_definition(d, at(broken, "{{a}}", 0, 2)));
	ck_assert_ptr_null(
	    cl_lsp_references(d, at(broken, "\"a\"", 0, 1), true));
	ck_assert_ptr_null(cl_lsp_prepare_rename(d, at(broken, "\"a\"", 0, 1)));
	syms = cl_lsp_document_symbols(d);
	ck_assert(json_object_is_type(syms, json_type_array));
	ck_assert_uint_eq(json_object_array_length(syms), 0);
	json_object_put(syms);
	cl_lsp_doc_free(d);
}
END_TEST

/* ---- document symbols ---- */

static int
pos_cmp(json_object *a, json_object *b)
{
	int64_t la = member_int(a, "line"), lb = member_int(b, "line");

	if (la != lb)
		return la < lb ? -1 : 1;
	la = member_int(a, "character");
	lb = member_int(b, "character");
	return (la > lb) - (la < lb);
}

/* Every symbol's selectionRange lies in its range, every child's range in
 * its parent's; returns the number of symbols. */
static size_t
check_tree(json_object *arr, json_object *parent)
{
	size_t i, n = 0;

	for (i = 0; i < json_object_array_length(arr); i++) {
		json_object *s = json_object_array_get_idx(arr, i), *kids;
		json_object *r = member(s, "range"),
		            *sel = member(s, "selectionRange");

		ck_assert(*json_object_get_string(member(s, "name")));
		ck_assert_int_le(
		    pos_cmp(member(r, "start"), member(sel, "start")), 0);
		ck_assert_int_le(pos_cmp(member(sel, "end"), member(r, "end")),
		                 0);
		if (parent) {
			ck_assert_int_le(pos_cmp(member(parent, "start"),
			                         member(r, "start")),
			                 0);
			ck_assert_int_le(
			    pos_cmp(member(r, "end"), member(parent, "end")),
			    0);
		}
		n++;
		if (json_object_object_get_ex(s, "children", &kids))
			n += check_tree(kids, r);
	}
	return n;
}

static json_object *
child(json_object *arr, size_t i, const char *name, int kind)
{
	json_object *s = json_object_array_get_idx(arr, i);

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(json_object_get_string(member(s, "name")), name);
	ck_assert_int_eq(member_int(s, "kind"), kind);
	return s;
}

START_TEST(test_symbols)
{
	struct cl_lsp_doc *d = doc_of(shop);
	json_object *top = cl_lsp_document_symbols(d), *g, *s, *kids;
	size_t region = at(shop, "\"region\"", 0, 1);

	ck_assert_uint_eq(json_object_array_length(top), 3);
	/* connector variables */
	g = child(top, 0, "Variables", 3);
	kids = member(g, "children");
	ck_assert_uint_eq(json_object_array_length(kids), 2);
	child(kids, 0, "store_url", 13);
	s = child(kids, 1, "region", 13);
	/* the key after "Région 地域 🌍", in UTF-16 units */
	check_range(member(s, "selectionRange"), shop, region, region + 6);
	check_range(member(s, "range"), shop, at(shop, "<variable label", 0, 0),
	            at(shop, "/>\n  </variables>", 0, 2));
	/* auth methods: the id, the type, its variables and uses */
	g = child(top, 1, "Auth methods", 3);
	s = child(member(g, "children"), 0, "shop-oauth", 5);
	ck_assert_str_eq(json_object_get_string(member(s, "detail")),
	                 "oauth2-client-credentials");
	kids = member(s, "children");
	ck_assert_uint_eq(json_object_array_length(kids), 7);
	child(kids, 2, "client_id", 13);
	child(kids, 6, "region", 13);
	/* endpoints: method and URL, variables and enables */
	g = child(top, 2, "Endpoints", 3);
	ck_assert_uint_eq(json_object_array_length(member(g, "children")), 2);
	s = child(member(g, "children"), 0, "list-orders", 6);
	ck_assert_str_eq(json_object_get_string(member(s, "detail")),
	                 "GET https://{{store_url}}/é注文🎉/{{region}}/orders?"
	                 "limit={{page_size}}");
	kids = member(s, "children");
	ck_assert_uint_eq(json_object_array_length(kids), 2);
	child(kids, 0, "page_size", 13);
	child(kids, 1, "shop-oauth", 7);
	s = child(member(g, "children"), 1, "list-products", 6);
	ck_assert_uint_eq(json_object_array_length(member(s, "children")), 3);
	/* 3 groups, 2 + 1 + 7 + 2 + 2 + 3 + 2 children */
	ck_assert_uint_eq(check_tree(top, NULL), 3 + 2 + 1 + 7 + 2 + 2 + 3);
	json_object_put(top);
	cl_lsp_doc_free(d);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("lsp_navigate");
	TCase *tc = tcase_create("navigate");

	tcase_add_test(tc, test_definition_placeholder);
	tcase_add_test(tc, test_definition_use_enable_decl);
	tcase_add_test(tc, test_definition_case_and_columns);
	tcase_add_test(tc, test_references_connector_variable);
	tcase_add_test(tc, test_references_scopes);
	tcase_add_test(tc, test_references_auth_method);
	tcase_add_test(tc, test_rename_applies);
	tcase_add_test(tc, test_rename_edits);
	tcase_add_test(tc, test_rename_refused);
	tcase_add_test(tc, test_rename_default_use);
	tcase_add_test(tc, test_not_well_formed);
	tcase_add_test(tc, test_symbols);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(make_suite)
