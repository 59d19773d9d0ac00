/*
 * The language server's hover and completion (src/lsp/hover.c,
 * complete.c), the tolerant scanner under them (xmlscan.c), the names'
 * descriptions (names_doc.c) and the element table's query API
 * (cl_schema_*, model.h). Documents are built as the server builds them
 * and the answers checked as JSON.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"
#include "model.h"
#include "util.h"
#include "xmlscan.h"
#include "lib/check_main.h"

static cl_linter *linter;

/* A connector with one of each placeholder outcome. Line numbers matter
 * (hover says where a variable is declared): store_url is on line 4. */
static const char good[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connector format=\"1\" name=\"Shop\" protocol=\"HTTP\">\n"
    "  <variables>\n"
    "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
    "    <variable key=\"region\" label=\"Region\" default=\"eu\" configurable=\"true\"/>\n"
    "  </variables>\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"shop-oauth\" name=\"OAuth\" type=\"oauth2-client-credentials\">\n"
    "      <url>https://{{store_url}}/token?r={{region}}&amp;c={{Client_ID}}</url>\n"
    "      <variables>\n"
    "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"client_secret\" label=\"Client secret\" default=\"SuperSecretValue123\" secret=\"true\"/>\n"
    "        <use variable=\"store_url\"/>\n"
    "      </variables>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"list-orders\" name=\"List orders\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://{{store_url}}/orders?x={{nope}}&amp;s={{client_secret}}</url>\n"
    "      <variables>\n"
    "        <variable key=\"page_size\" label=\"Page size\" default=\"100\" configurable=\"true\"/>\n"
    "      </variables>\n"
    "      <!-- connlint-disable-next-line CL101, unused-auth-variable reason here -->\n"
    "      <enable auth-method=\"shop-oauth\"/>\n"
    "      <body format=\"raw\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

static struct cl_lsp_doc *
doc_of(const char *text)
{
	return cl_lsp_doc_new("file:///t/a.xml", text, strlen(text), 1,
	                      CL_LSP_UTF16);
}

/* The offset of the N-th (0-based) occurrence of NEEDLE in TEXT, plus
 * DELTA; fails the test when there is none. */
static size_t
at_n(const char *text, const char *needle, int n, long delta)
{
	const char *p = text;

	for (;;) {
		p = strstr(p, needle);
		ck_assert_msg(p != NULL, "`%s` not in the text", needle);
		if (n-- == 0)
			break;
		p++;
	}
	return (size_t)(p - text) + (size_t)delta;
}

static size_t
at(const char *text, const char *needle, long delta)
{
	return at_n(text, needle, 0, delta);
}

/* The hover's Markdown, malloc'd, or NULL when there was no hover. */
static char *
hover_md(struct cl_lsp_doc *d, size_t off)
{
	json_object *h = cl_lsp_hover(d, off), *c;
	char *s;

	if (!h)
		return NULL;
	c = cl_lsp_get(h, "contents", json_type_object);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(cl_lsp_get_string(c, "kind"), "markdown");
	ck_assert_ptr_nonnull(cl_lsp_get(h, "range", json_type_object));
	s = cl_strdup(cl_lsp_get_string(c, "value"));
	json_object_put(h);
	return s;
}

#define HAS(s, sub)                                                           \
	do {                                                                  \
		ck_assert_msg((s) != NULL, "no hover for `%s`", (sub));       \
		ck_assert_msg(strstr((s), (sub)) != NULL, "`%s` not in:\n%s", \
		              (sub), (s));                                    \
	} while (0)
#define HASNT(s, sub)                                                     \
	do {                                                              \
		ck_assert_msg((s) != NULL, "no hover for `%s`", (sub));   \
		ck_assert_msg(strstr((s), (sub)) == NULL, "`%s` in:\n%s", \
		              (sub), (s));                                \
	} while (0)

/* The hover range's start and end (line, character). */
static void
hover_range(struct cl_lsp_doc *d, size_t off, int64_t r[4])
{
	json_object *h = cl_lsp_hover(d, off), *range, *p;

	ck_assert_ptr_nonnull(h);
	range = cl_lsp_get(h, "range", json_type_object);
	p = cl_lsp_get(range, "start", json_type_object);
	r[0] = json_object_get_int64(cl_lsp_get(p, "line", json_type_int));
	r[1] = json_object_get_int64(cl_lsp_get(p, "character", json_type_int));
	p = cl_lsp_get(range, "end", json_type_object);
	r[2] = json_object_get_int64(cl_lsp_get(p, "line", json_type_int));
	r[3] = json_object_get_int64(cl_lsp_get(p, "character", json_type_int));
	json_object_put(h);
}

/* ---- completion helpers ---- */

static json_object *
complete(struct cl_lsp_doc *d, size_t off)
{
	json_object *l = cl_lsp_completion(d, off), *inc;

	ck_assert_ptr_nonnull(l);
	inc = cl_lsp_get(l, "isIncomplete", json_type_boolean);
	ck_assert_ptr_nonnull(inc);
	ck_assert(!json_object_get_boolean(inc));
	ck_assert_ptr_nonnull(cl_lsp_get(l, "items", json_type_array));
	return l;
}

static json_object *
item(json_object *list, const char *label)
{
	json_object *items = cl_lsp_get(list, "items", json_type_array);
	size_t i;

	for (i = 0; i < json_object_array_length(items); i++) {
		json_object *it = json_object_array_get_idx(items, i);

		if (!strcmp(cl_lsp_get_string(it, "label"), label))
			return it;
	}
	return NULL;
}

static size_t
nitems(json_object *list)
{
	return json_object_array_length(
	    cl_lsp_get(list, "items", json_type_array));
}

static int64_t
kind_of(json_object *it)
{
	return json_object_get_int64(cl_lsp_get(it, "kind", json_type_int));
}

/* What item IT inserts: the textEdit's text, else insertText, else the
 * label. */
static const char *
inserts(json_object *it)
{
	json_object *te = cl_lsp_get(it, "textEdit", json_type_object);

	if (te)
		return cl_lsp_get_string(te, "newText");
	if (cl_lsp_get_string(it, "insertText"))
		return cl_lsp_get_string(it, "insertText");
	return cl_lsp_get_string(it, "label");
}

/* The textEdit's range as byte offsets of D (-1s when it has none). */
static void
edit_range(struct cl_lsp_doc *d, json_object *it, long *s, long *e)
{
	json_object *te = cl_lsp_get(it, "textEdit", json_type_object);
	size_t a, b;

	*s = *e = -1;
	if (!te)
		return;
	ck_assert_int_eq(
	    cl_lsp_json_range(d, cl_lsp_get(te, "range", json_type_object), &a,
	                      &b),
	    0);
	*s = (long)a;
	*e = (long)b;
}

#define HAS_ITEM(l, label) \
	ck_assert_msg(item((l), (label)) != NULL, "no item `%s`", (label))
#define NO_ITEM(l, label)                                                 \
	ck_assert_msg(item((l), (label)) == NULL, "unexpected item `%s`", \
	              (label))

/* ---- the element table ---- */

START_TEST(test_schema_api)
{
	const struct cl_schema_elem *root = cl_schema_root(), *cv, *am, *av,
	                            *ep, *e;
	const char *const *v;
	enum cl_schema_attr_kind kind;
	bool once, req;
	size_t i;

	ck_assert_ptr_nonnull(root);
	cv = cl_schema_child(root, CL_N_VARIABLES);
	ck_assert_ptr_nonnull(cl_schema_child(cv, CL_N_VARIABLE));
	ck_assert_ptr_null(cl_schema_child(cv, CL_N_USE));
	am = cl_schema_child(cl_schema_child(root, CL_N_AUTH_METHODS),
	                     CL_N_AUTH_METHOD);
	av = cl_schema_child(am, CL_N_VARIABLES);
	ck_assert_ptr_nonnull(cl_schema_child(av, CL_N_USE));
	ck_assert_ptr_null(cl_schema_child(root, CL_N_PARAM));
	ck_assert_ptr_null(cl_schema_child(root, CL_N_OTHER));
	ck_assert_ptr_null(cl_schema_child(NULL, CL_N_URL));

	ck_assert_int_eq(cl_schema_child_at(root, 0, &once, &req),
	                 CL_N_DESCRIPTION);
	ck_assert(once && !req);
	for (i = 0; cl_schema_child_at(root, i, NULL, NULL) != CL_N_OTHER; i++)
		;
	ck_assert_uint_eq(i, 4);
	ck_assert_int_eq(cl_schema_child_at(root, 99, NULL, NULL), CL_N_OTHER);

	ep = cl_schema_child(cl_schema_child(root, CL_N_ENDPOINTS),
	                     CL_N_ENDPOINT);
	ck_assert_int_eq(cl_schema_child_at(ep, 0, &once, &req), CL_N_URL);
	ck_assert(once && req);
	ck_assert(cl_schema_has_attr(ep, CL_N_METHOD, &kind));
	ck_assert_int_eq(kind, CL_SCHEMA_ENUM);
	v = cl_schema_attr_values(ep, CL_N_METHOD);
	ck_assert_str_eq(v[0], "GET");
	/* pagination's method is another enumeration */
	e = cl_schema_child(ep, CL_N_PAGINATION);
	ck_assert_str_eq(cl_schema_attr_values(e, CL_N_METHOD)[0], "none");
	ck_assert(cl_schema_has_attr(am, CL_N_ID, &kind));
	ck_assert_int_eq(kind, CL_SCHEMA_AUTH_ID);
	ck_assert(!cl_schema_has_attr(am, CL_N_KEY, NULL));
	ck_assert_ptr_null(cl_schema_attr_values(am, CL_N_NAME));
	ck_assert_int_eq(cl_schema_attr_at(am, 0, &req), CL_N_ID);
	ck_assert(req);
	/* headers: automatic on an endpoint's only */
	ck_assert(cl_schema_has_attr(cl_schema_child(ep, CL_N_HEADERS),
	                             CL_N_AUTOMATIC, NULL));
	ck_assert(!cl_schema_has_attr(cl_schema_child(am, CL_N_HEADERS),
	                              CL_N_AUTOMATIC, NULL));
	ck_assert(cl_schema_text(cl_schema_child(ep, CL_N_URL)));
	ck_assert(!cl_schema_text(ep));
	ck_assert_str_eq(
	    cl_schema_attr_values(cl_schema_child(cv, CL_N_VARIABLE),
	                          CL_N_SECRET)[0],
	    "true");
}
END_TEST

/* Every element and attribute of the table has its line. */
static void
check_docs(const struct cl_schema_elem *e, enum cl_name parent,
           enum cl_name self, int depth)
{
	enum cl_name n;
	size_t i;

	ck_assert_msg(cl_lsp_elem_doc(parent, self) != NULL, "no doc for <%s>",
	              cl_name_str(self));
	for (i = 0; (n = cl_schema_attr_at(e, i, NULL)) != CL_N_OTHER; i++)
		ck_assert_msg(cl_lsp_attr_doc(self, n) != NULL,
		              "no doc for %s of <%s>", cl_name_str(n),
		              cl_name_str(self));
	ck_assert_int_lt(depth, 10);
	for (i = 0; (n = cl_schema_child_at(e, i, NULL, NULL)) != CL_N_OTHER;
	     i++)
		check_docs(cl_schema_child(e, n), self, n, depth + 1);
}

START_TEST(test_names_doc_complete)
{
	check_docs(cl_schema_root(), CL_N_OTHER, CL_N_CONNECTOR, 0);
	/* one line per place where the meaning differs */
	ck_assert_str_ne(cl_lsp_attr_doc(CL_N_CONNECTOR, CL_N_FORMAT),
	                 cl_lsp_attr_doc(CL_N_BODY, CL_N_FORMAT));
	ck_assert_str_ne(cl_lsp_attr_doc(CL_N_ENDPOINT, CL_N_METHOD),
	                 cl_lsp_attr_doc(CL_N_PAGINATION, CL_N_METHOD));
	ck_assert_str_ne(cl_lsp_elem_doc(CL_N_CONNECTOR, CL_N_VARIABLES),
	                 cl_lsp_elem_doc(CL_N_AUTH_METHOD, CL_N_VARIABLES));
	ck_assert_ptr_null(cl_lsp_attr_doc(CL_N_CONNECTOR, CL_N_KEY));
	ck_assert_ptr_null(cl_lsp_elem_doc(CL_N_OTHER, CL_N_OTHER));
	ck_assert_int_eq(cl_lsp_name_id("auth-method", 11), CL_N_AUTH_METHOD);
	ck_assert_int_eq(cl_lsp_name_id("auth-metho", 10), CL_N_OTHER);
}
END_TEST

/* ---- the scanner ---- */

/* Scans the LEN bytes of S, copied to a buffer of exactly LEN bytes (no
 * NUL after it), so that a read past the end is a sanitizer error. */
static void
scan(const char *s, size_t off, struct cl_xmlscan *sc)
{
	size_t len = strlen(s);
	char *copy = malloc(len ? len : 1);

	memcpy(copy, s, len);
	cl_xmlscan(copy, len, off, sc);
	free(copy);
}

static bool
open_is(const char *text, const struct cl_xmlscan *sc, const char *names)
{
	char buf[512] = "";
	size_t k;

	for (k = 0; k < sc->depth; k++) {
		if (k)
			strcat(buf, "/");
		strncat(buf, text + sc->open[k].name.start,
		        sc->open[k].name.end - sc->open[k].name.start);
	}
	if (strcmp(buf, names))
		fprintf(stderr, "open: %s, want %s\n", buf, names);
	return !strcmp(buf, names);
}

START_TEST(test_scan_states)
{
	struct cl_xmlscan *sc = cl_calloc(1, sizeof(*sc));
	const char *t;

	t = "<?xml version=\"1.0\"?><!-- <x> --><connector a=\"1\"><variables>"
	    "<variable key=\"k\"/><![CDATA[<y>]]><description>d</description>"
	    "<";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_TAG_NAME);
	ck_assert(open_is(t, sc, "connector/variables"));
	ck_assert_uint_eq(sc->word.start, strlen(t));
	ck_assert_uint_eq(sc->word.end, strlen(t));

	t = "<connector><variables><vari";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_TAG_NAME);
	ck_assert_uint_eq(sc->word.start, strlen(t) - 4);
	ck_assert(open_is(t, sc, "connector/variables"));

	/* in a start tag: attributes before and after the cursor */
	t = "<connector><variable key=\"a\"  label='b' default=\"x\">";
	scan(t, at(t, "label", -1), sc);
	ck_assert_int_eq(sc->where, CL_XS_ATTRS);
	ck_assert_int_eq(sc->tag.id, CL_N_VARIABLE);
	ck_assert_uint_eq(sc->nattrs, 3);
	scan(t, at(t, "label", 2), sc); /* on a name: not "present" */
	ck_assert_int_eq(sc->where, CL_XS_ATTRS);
	ck_assert_uint_eq(sc->nattrs, 2);
	ck_assert_uint_eq(sc->word.start, at(t, "label", 0));
	ck_assert_uint_eq(sc->word.end, at(t, "label", 5));

	scan(t, at(t, "'b'", 1), sc);
	ck_assert_int_eq(sc->where, CL_XS_ATTR_VALUE);
	ck_assert_int_eq(sc->attr_id, CL_N_LABEL);
	ck_assert_uint_eq(sc->value.start, at(t, "'b'", 1));
	ck_assert_uint_eq(sc->value.end, at(t, "'b'", 2));
	scan(t, at(t, "=\"a", 1), sc); /* between the = and the quote */
	ck_assert_int_eq(sc->where, CL_XS_OTHER);

	/* an unterminated quote ends at the next '<' */
	t = "<connector><variables><variable key=\"abc\n<variable ";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_ATTRS);
	ck_assert(open_is(t, sc, "connector/variables/variable"));

	/* closed and self-closed elements leave the stack */
	t = "<connector><a><b/></a><c></c>x";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_CONTENT);
	ck_assert(open_is(t, sc, "connector"));

	/* comments, CDATA, PIs */
	t = "<connector><!-- connlint-disable CL1";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_COMMENT);
	ck_assert_uint_eq(sc->text.start, strlen("<connector><!--"));
	ck_assert_uint_eq(sc->text.end, strlen(t));
	t = "<connector><!-- a -->";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_CONTENT);
	scan(t, strlen(t) - 1, sc);
	ck_assert_int_eq(sc->where, CL_XS_OTHER);
	t = "<connector><content><![CDATA[{\"a\": {{";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_CDATA);
	ck_assert(open_is(t, sc, "connector/content"));
	t = "<?xml version=";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_OTHER);

	/* an end tag; a stray one does not empty the stack */
	t = "<connector><a></b></";
	scan(t, strlen(t), sc);
	ck_assert_int_eq(sc->where, CL_XS_END_TAG);
	ck_assert(open_is(t, sc, "connector/a"));

	/* ends: 0, the length, past it, empty text */
	t = "<connector>";
	scan(t, 0, sc);
	ck_assert_int_eq(sc->where, CL_XS_CONTENT);
	ck_assert_uint_eq(sc->depth, 0);
	scan(t, 1000, sc);
	ck_assert_int_eq(sc->where, CL_XS_CONTENT);
	ck_assert(open_is(t, sc, "connector"));
	scan("", 0, sc);
	ck_assert_int_eq(sc->where, CL_XS_CONTENT);
	scan("<", 1, sc);
	ck_assert_int_eq(sc->where, CL_XS_TAG_NAME);
	scan("<a b=\"", 6, sc);
	ck_assert_int_eq(sc->where, CL_XS_ATTR_VALUE);
	scan("<!--", 4, sc);
	ck_assert_int_eq(sc->where, CL_XS_COMMENT);
	free(sc);
}
END_TEST

struct tag_count {
	size_t tags, deepest;
};

static void
count_fn(const struct cl_xmlscan *sc, void *arg)
{
	struct tag_count *n = arg;

	n->tags++;
	if (sc->depth > n->deepest)
		n->deepest = sc->depth;
}

START_TEST(test_scan_tags_and_attr)
{
	struct tag_count n = { 0, 0 };
	struct cl_xs_span v;
	size_t ts;
	char *deep;
	size_t i;

	cl_xmlscan_tags(good, strlen(good), count_fn, &n);
	ck_assert_uint_eq(n.tags, 18);
	ck_assert_uint_eq(n.deepest, 4);
	ts = at(good, "<auth-method ", 0);
	ck_assert(cl_xmlscan_attr(good, strlen(good), ts, "id", &v));
	ck_assert_uint_eq(v.start, at(good, "shop-oauth", 0));
	ck_assert_uint_eq(v.end - v.start, strlen("shop-oauth"));
	ck_assert(!cl_xmlscan_attr(good, strlen(good), ts, "key", &v));
	ck_assert(!cl_xmlscan_attr(good, strlen(good), ts + 1, "id", &v));
	ck_assert(!cl_xmlscan_attr(good, 3, ts, "id", &v));

	/* deeper than the stack keeps: counted, and nothing overflows */
	deep = cl_calloc(1, 300 * 3 + 8);
	for (i = 0; i < 300; i++)
		strcat(deep, "<a>");
	strcat(deep, "<");
	{
		struct cl_xmlscan *sc = cl_calloc(1, sizeof(*sc));

		scan(deep, strlen(deep), sc);
		ck_assert_uint_eq(sc->depth, 300);
		ck_assert_int_eq(sc->where, CL_XS_TAG_NAME);
		free(sc);
	}
	n.tags = n.deepest = 0;
	cl_xmlscan_tags(deep, strlen(deep), count_fn, &n);
	ck_assert_uint_eq(n.tags, 300);
	free(deep);
}
END_TEST

/* ---- hover ---- */

START_TEST(test_hover_rule_in_comment)
{
	struct cl_lsp_doc *d = doc_of(good);
	char *md;
	int64_t r[4];

	md = hover_md(d, at(good, "CL101,", 2));
	ck_assert_ptr_nonnull(md);
	HAS(md, "# CL101 unused-connector-variable"); /* the page */
	HAS(md, "docs/rules/CL101.md)");              /* the link line */
	free(md);
	hover_range(d, at(good, "CL101,", 2), r);
	ck_assert_int_eq(r[0], 22);
	ck_assert_int_eq(r[2], 22);
	ck_assert_int_eq(r[3] - r[1], 5);

	/* a slug after the comma */
	md = hover_md(d, at(good, "unused-auth-variable", 3));
	HAS(md, "# CL102 unused-auth-variable");
	free(md);
	/* the directive */
	md = hover_md(d, at(good, "disable-next-line", 0));
	HAS(md, "next element");
	free(md);
	/* the reason is not a rule */
	ck_assert_ptr_null(hover_md(d, at(good, "reason here", 1)));
	cl_lsp_doc_free(d);

	/* an unknown name; and the enable form, in a broken document */
	d = doc_of("<connector><!-- connlint-enable CL1O1, CL104 -->\n<x");
	md = hover_md(d, at(d->text, "CL1O1", 1));
	HAS(md, "names no rule");
	free(md);
	md = hover_md(d, at(d->text, "CL104", 4));
	HAS(md, "# CL104 undefined-placeholder");
	free(md);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_hover_diagnostic)
{
	struct cl_lsp_doc *d = doc_of(good);
	char *md;

	d->result = cl_lint_memory(linter, "a.xml", d->text, d->len);
	ck_assert_ptr_nonnull(d->result);
	md = hover_md(d, at(good, "{{nope}}", 3));
	ck_assert_ptr_nonnull(md);
	HAS(md, "**CL104** `undefined-placeholder` (error)");
	HAS(md, "`nope`");                            /* the message */
	HAS(md, "docs/rules/CL104.md)");              /* the link */
	HASNT(md, "## What it flags");                /* not the page */
	HAS(md, "not declared in this file's scope"); /* and the placeholder */
	free(md);
	/* no diagnostic, no name, no placeholder: no hover */
	ck_assert_ptr_null(hover_md(d, at(good, "/orders", 2)));
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_hover_placeholders)
{
	struct cl_lsp_doc *d = doc_of(good);
	char *md;
	int64_t r[4];

	/* found, in an auth method: through its use */
	md = hover_md(d, at_n(good, "{{store_url}}", 0, 2));
	HAS(md, "auth variable `store_url` of auth method `shop-oauth`");
	HAS(md, "`use` of the connector variable on line 4");
	HAS(md, "label: `Store URL`");
	HAS(md, "flags: required");
	free(md);
	hover_range(d, at_n(good, "{{store_url}}", 0, 2), r);
	ck_assert_int_eq(r[0], 8);
	ck_assert_int_eq(r[3] - r[1], (int64_t)strlen("{{store_url}}"));

	/* found, in an endpoint: the connector variable */
	md = hover_md(d, at_n(good, "{{store_url}}", 1, 4));
	HAS(md, "connector variable `store_url` of the connector, declared "
	        "on line 4");
	free(md);

	/* not used by the method */
	md = hover_md(d, at(good, "{{region}}", 2));
	HAS(md, "not used by this auth method");
	HAS(md, "`<use variable=\"region\"/>`");
	free(md);

	/* only the case differs */
	md = hover_md(d, at(good, "{{Client_ID}}", 2));
	HAS(md, "differs in case");
	HAS(md, "`client_id`");
	free(md);

	/* undefined */
	md = hover_md(d, at(good, "{{nope}}", 0));
	HAS(md, "`nope` is not declared in this file's scope");
	free(md);

	/* a secret: the default never shows, not even its start */
	md = hover_md(d, at(good, "{{client_secret}}", 5));
	HAS(md, "auth variable `client_secret` of auth method `shop-oauth`");
	HAS(md, "••••••");
	HAS(md, "19 bytes");
	HASNT(md, "SuperSecretValue123");
	HASNT(md, "Supe");
	HAS(md, "secret");
	free(md);
	cl_lsp_doc_free(d);

	/* looks like a secret without secret="true": masked too */
	d = doc_of(
	    "<connector format=\"1\" name=\"n\"><auth-methods>"
	    "<auth-method id=\"m\" name=\"M\" type=\"token\">"
	    "<url>https://x/{{api_key}}/{{plain}}</url><variables>"
	    "<variable key=\"api_key\" default=\"sk_live_abcdefghij0123456789XYZ\"/>"
	    "<variable key=\"plain\" default=\"hello\"/>"
	    "</variables></auth-method></auth-methods></connector>");
	md = hover_md(d, at(d->text, "{{api_key}}", 3));
	HASNT(md, "sk_live");
	HAS(md, "••••••");
	free(md);
	md = hover_md(d, at(d->text, "{{plain}}", 3));
	HAS(md, "default: `hello`");
	HAS(md, "neither required nor configurable");
	HASNT(md, "never gets"); /* it has a default */
	free(md);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_hover_names)
{
	struct cl_lsp_doc *d = doc_of(good);
	char *md;
	int64_t r[4];

	md = hover_md(d, at(good, "<auth-method ", 3));
	HAS(md, "**`<auth-method>`**: One way to authenticate");
	free(md);
	hover_range(d, at(good, "<auth-method ", 3), r);
	ck_assert_int_eq(r[0], 7);
	ck_assert_int_eq(r[1], 5);
	ck_assert_int_eq(r[3], 5 + 11);
	/* its end tag */
	md = hover_md(d, at(good, "</auth-method>", 4));
	HAS(md, "`<auth-method>`");
	free(md);
	/* variables: by place */
	md = hover_md(d, at_n(good, "<variables>", 0, 2));
	HAS(md, "Connector variables");
	free(md);
	md = hover_md(d, at_n(good, "<variables>", 1, 2));
	HAS(md, "Auth variables");
	free(md);
	/* attributes, by element */
	md = hover_md(d, at(good, "type=", 1));
	HAS(md, "**`type`** of `<auth-method>`");
	HAS(md, "Values: `basic`, `token`");
	free(md);
	md = hover_md(d, at(good, "format=\"1\"", 0));
	HAS(md, "Format version");
	free(md);
	md = hover_md(d, at(good, "format=\"raw\"", 0));
	HAS(md, "`form` (key/value params)");
	free(md);
	md = hover_md(d, at(good, "method=\"GET\"", 2));
	HAS(md, "HTTP method");
	free(md);
	/* an attribute value is not a name */
	ck_assert_ptr_null(hover_md(d, at(good, "\"List orders\"", 3)));
	cl_lsp_doc_free(d);

	/* not well-formed: the scanner finds the name */
	d = doc_of("<connector><endpoints><endpoint direction=\"send\" "
	           "method=\"\n<");
	md = hover_md(d, at(d->text, "direction", 2));
	HAS(md, "**`direction`** of `<endpoint>`");
	free(md);
	md = hover_md(d, at(d->text, "<endpoints", 3));
	HAS(md, "The endpoints");
	free(md);
	ck_assert_ptr_null(hover_md(d, 0));
	ck_assert_ptr_null(hover_md(d, d->len));
	ck_assert_ptr_null(hover_md(d, d->len + 10));
	cl_lsp_doc_free(d);

	d = doc_of("");
	ck_assert_ptr_null(hover_md(d, 0));
	cl_lsp_doc_free(d);
}
END_TEST

/* ---- completion ---- */

START_TEST(test_complete_elements)
{
	struct cl_lsp_doc *d;
	json_object *l, *it;
	long s, e;

	/* not well-formed: connector variables take no <use> */
	d = doc_of("<connector format=\"1\"><variables><");
	ck_assert_ptr_null(cl_lsp_doc_analysis(d)->ctx.doc.root);
	l = complete(d, d->len);
	HAS_ITEM(l, "variable");
	NO_ITEM(l, "use");
	ck_assert_uint_eq(nitems(l), 1);
	ck_assert_int_eq(kind_of(item(l, "variable")), 7);
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* auth variables do */
	d = doc_of("<connector><auth-methods><auth-method id=\"a\">"
	           "<variables><us");
	l = complete(d, d->len);
	HAS_ITEM(l, "variable");
	it = item(l, "use");
	ck_assert_ptr_nonnull(it);
	edit_range(d, it, &s, &e);
	ck_assert_int_eq(s, (long)d->len - 2);
	ck_assert_int_eq(e, (long)d->len);
	ck_assert_str_eq(inserts(it), "use");
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* what may appear once and is there is not offered again */
	d = doc_of("<connector><endpoints><endpoint><url>x</url>\n"
	           "<headers/><\n</endpoint></endpoints></connector>");
	l = complete(d, at(d->text, "<\n", 1));
	NO_ITEM(l, "url");
	NO_ITEM(l, "headers");
	HAS_ITEM(l, "enable");
	HAS_ITEM(l, "pagination");
	NO_ITEM(l, "variable");
	ck_assert_ptr_nonnull(cl_lsp_get_string(item(l, "enable"), "detail"));
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* at the root */
	d = doc_of("<?xml version=\"1.0\"?>\n<");
	l = complete(d, d->len);
	HAS_ITEM(l, "connector");
	ck_assert_uint_eq(nitems(l), 1);
	json_object_put(l);
	/* offset 0: nothing, and no crash */
	l = complete(d, 0);
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* an end tag */
	d = doc_of("<connector><endpoints></");
	l = complete(d, d->len);
	ck_assert_str_eq(inserts(item(l, "endpoints")), "endpoints>");
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* an unknown parent: nothing */
	d = doc_of("<connector><bogus><");
	l = complete(d, d->len);
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_complete_attrs)
{
	struct cl_lsp_doc *d;
	json_object *l, *it;
	long s, e;

	d = doc_of("<connector><variables><variable key=\"a\" la secret=\"x\"");
	l = complete(d, at(d->text, "la ", 2));
	it = item(l, "label");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(kind_of(it), 10);
	edit_range(d, it, &s, &e);
	ck_assert_int_eq(s, (long)at(d->text, "la ", 0));
	ck_assert_int_eq(e, (long)at(d->text, "la ", 2));
	NO_ITEM(l, "key");    /* present before the cursor */
	NO_ITEM(l, "secret"); /* and after it */
	HAS_ITEM(l, "default");
	HAS_ITEM(l, "locked");
	NO_ITEM(l, "value");
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* the required ones say so; the root's attributes */
	d = doc_of("<connector ");
	l = complete(d, d->len);
	HAS_ITEM(l, "protocol");
	ck_assert_ptr_nonnull(
	    strstr(cl_lsp_get_string(item(l, "name"), "detail"), "required"));
	json_object_put(l);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_complete_values)
{
	struct cl_lsp_doc *d;
	json_object *l, *it;
	long s, e;
	const char *t;

	/* an endpoint's HTTP method, replacing the whole value */
	t = "<connector><endpoints><endpoint method=\"GE\" direction=\"\">"
	    "<pagination method=\"\"/><body format=\"\" data-type=\"\"/>"
	    "<url-params><param key=\"k\" required=\"\"/></url-params>";
	d = doc_of(t);
	l = complete(d, at(t, "GE\"", 1));
	it = item(l, "GET");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(kind_of(it), 20);
	edit_range(d, it, &s, &e);
	ck_assert_int_eq(s, (long)at(t, "GE\"", 0));
	ck_assert_int_eq(e, (long)at(t, "GE\"", 2));
	HAS_ITEM(l, "TRACE");
	NO_ITEM(l, "page-number");
	ck_assert_uint_eq(nitems(l), 9);
	json_object_put(l);
	l = complete(d, at(t, "direction=\"\"", 11));
	HAS_ITEM(l, "receive");
	HAS_ITEM(l, "send");
	ck_assert_uint_eq(nitems(l), 2);
	json_object_put(l);
	/* pagination's method: another list */
	l = complete(d, at(t, "<pagination method=\"\"", 20));
	HAS_ITEM(l, "page-number");
	NO_ITEM(l, "GET");
	json_object_put(l);
	l = complete(d, at(t, "format=\"\"", 8));
	HAS_ITEM(l, "raw");
	HAS_ITEM(l, "none");
	json_object_put(l);
	l = complete(d, at(t, "data-type=\"\"", 11));
	HAS_ITEM(l, "csv");
	json_object_put(l);
	l = complete(d, at(t, "required=\"\"", 10));
	HAS_ITEM(l, "true");
	HAS_ITEM(l, "false");
	ck_assert_uint_eq(nitems(l), 2);
	json_object_put(l);
	/* a free-text value: nothing */
	l = complete(d, at(t, "key=\"k", 5));
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* auth method type, connector protocol, variable booleans */
	t = "<connector protocol=\"\" webhook=\"t\"><auth-methods>"
	    "<auth-method type=\"oauth2-\"><variables>"
	    "<variable secret=\"\" locked=\"\"/>";
	d = doc_of(t);
	l = complete(d, at(t, "oauth2-\"", 7));
	HAS_ITEM(l, "oauth2-client-credentials");
	HAS_ITEM(l, "basic");
	json_object_put(l);
	l = complete(d, at(t, "protocol=\"\"", 10));
	HAS_ITEM(l, "SFTP");
	json_object_put(l);
	l = complete(d, at(t, "webhook=\"t", 10));
	HAS_ITEM(l, "true");
	json_object_put(l);
	l = complete(d, at(t, "secret=\"\"", 8));
	HAS_ITEM(l, "false");
	json_object_put(l);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_complete_enable_and_use)
{
	struct cl_lsp_doc *d = doc_of(good);
	json_object *l, *it;
	char *t;
	size_t off;

	off = at(good, "auth-method=\"shop-oauth\"", 13);
	l = complete(d, off);
	it = item(l, "shop-oauth");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(kind_of(it), 18);
	ck_assert_ptr_nonnull(strstr(cl_lsp_get_string(it, "detail"),
	                             "oauth2-client-credentials"));
	ck_assert_uint_eq(nitems(l), 1);
	json_object_put(l);
	l = complete(d, at(good, "<use variable=\"", 15));
	HAS_ITEM(l, "store_url");
	HAS_ITEM(l, "region");
	NO_ITEM(l, "client_id");
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* not well-formed: the ids come from the raw tags */
	t = cl_xasprintf("%.*s<enable auth-method=\"",
	                 (int)at(good, "      <!--", 0), good);
	d = doc_of(t);
	ck_assert_ptr_null(cl_lsp_doc_analysis(d)->ctx.model);
	l = complete(d, d->len);
	it = item(l, "shop-oauth");
	ck_assert_ptr_nonnull(it);
	ck_assert_str_eq(cl_lsp_get_string(it, "detail"), "OAuth");
	ck_assert_uint_eq(nitems(l), 1);
	json_object_put(l);
	cl_lsp_doc_free(d);
	free(t);
}
END_TEST

START_TEST(test_complete_placeholders)
{
	struct cl_lsp_doc *d = doc_of(good);
	json_object *l, *it;
	long s, e;
	char *t;
	size_t off;

	/* in the auth method's url: its own variables and its use */
	off = at(good, "{{store_url}}/token", 2);
	l = complete(d, off);
	HAS_ITEM(l, "client_id");
	HAS_ITEM(l, "client_secret");
	HAS_ITEM(l, "store_url");
	NO_ITEM(l, "region"); /* not used by the method */
	NO_ITEM(l, "page_size");
	it = item(l, "client_id");
	ck_assert_int_eq(kind_of(it), 6);
	ck_assert_str_eq(cl_lsp_get_string(it, "detail"), "Client ID");
	/* the key is there and "}}" follows: replace the key only */
	edit_range(d, it, &s, &e);
	ck_assert_int_eq(s, (long)off);
	ck_assert_int_eq(e, (long)off + 9);
	ck_assert_str_eq(inserts(it), "client_id");
	json_object_put(l);

	/* in the endpoint's url: its variables, the connector's, and the
	 * enabled method's */
	l = complete(d, at(good, "{{nope}}", 2));
	HAS_ITEM(l, "page_size");
	HAS_ITEM(l, "store_url");
	HAS_ITEM(l, "region");
	HAS_ITEM(l, "client_secret");
	json_object_put(l);
	/* outside the braces: nothing */
	l = complete(d, at(good, "/orders", 3));
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* typing "{{" with no closing braces: the key and "}}" go in; the
	 * model is there (the text is still well-formed) */
	t = cl_xasprintf("%.*s{{cli%s", (int)at(good, "/orders?x", 0), good,
	                 good + at(good, "/orders?x", 0));
	d = doc_of(t);
	ck_assert_ptr_nonnull(cl_lsp_doc_analysis(d)->ctx.model);
	off = at(t, "{{cli", 5);
	l = complete(d, off);
	it = item(l, "client_id");
	ck_assert_ptr_nonnull(it);
	ck_assert_str_eq(inserts(it), "client_id}}");
	edit_range(d, it, &s, &e);
	ck_assert_int_eq(s, (long)off - 3);
	ck_assert_int_eq(e, (long)off);
	json_object_put(l);
	cl_lsp_doc_free(d);
	free(t);

	/* not well-formed: the raw tags give the keys, by scope */
	t = cl_xasprintf("%.*s<param key=\"p\" value=\"{{",
	                 (int)at(good, "      <!--", 0), good);
	d = doc_of(t);
	ck_assert_ptr_null(cl_lsp_doc_analysis(d)->ctx.model);
	l = complete(d, d->len);
	HAS_ITEM(l, "page_size");
	HAS_ITEM(l, "region");
	NO_ITEM(l, "client_id"); /* the method is not enabled yet */
	ck_assert_str_eq(inserts(item(l, "page_size")), "page_size}}");
	json_object_put(l);
	cl_lsp_doc_free(d);
	free(t);

	/* a param value that is no template place: option values */
	d = doc_of("<connector><endpoints><endpoint id=\"e\"><variables>"
	           "<variable key=\"k\"/></variables><pagination>"
	           "<option key=\"a\" value=\"{{");
	l = complete(d, d->len);
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* body content, in CDATA */
	d = doc_of("<connector><endpoints><endpoint id=\"e\"><variables>"
	           "<variable key=\"k\" label=\"K\"/></variables><body>"
	           "<content><![CDATA[{\"a\": \"{{");
	l = complete(d, d->len);
	HAS_ITEM(l, "k");
	json_object_put(l);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_complete_comments)
{
	struct cl_lsp_doc *d;
	json_object *l, *it;
	long s, e;
	const char *t;

	t = "<connector>\n  <!-- connlint-disable-next-line  -->\n";
	d = doc_of(t);
	l = complete(d, at(t, "line  ", 5));
	it = item(l, "CL101");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(kind_of(it), 14);
	ck_assert_ptr_nonnull(strstr(cl_lsp_get_string(it, "detail"),
	                             "unused-connector-variable"));
	HAS_ITEM(l, "undefined-placeholder");
	ck_assert_uint_eq(nitems(l), 2 * cl_rule_count());
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* a partial ID after a comma, replaced whole */
	t = "<connector><!-- connlint-disable CL101, CL10x reason -->";
	d = doc_of(t);
	l = complete(d, at(t, "CL10x", 3));
	it = item(l, "CL104");
	ck_assert_ptr_nonnull(it);
	edit_range(d, it, &s, &e);
	ck_assert_int_eq(s, (long)at(t, "CL10x", 0));
	ck_assert_int_eq(e, (long)at(t, "CL10x", 5));
	json_object_put(l);
	/* in the reason: nothing */
	l = complete(d, at(t, "reason", 3));
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	/* the directive itself */
	l = complete(d, at(t, "disable CL", 3));
	HAS_ITEM(l, "connlint-disable-next-line");
	HAS_ITEM(l, "connlint-enable");
	edit_range(d, item(l, "connlint-enable"), &s, &e);
	ck_assert_int_eq(s, (long)at(t, "connlint-", 0));
	ck_assert_int_eq(e, (long)at(t, " CL101", 0));
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* the enable form, unterminated, at the end */
	d = doc_of("<connector><!-- connlint-enable ");
	l = complete(d, d->len);
	HAS_ITEM(l, "CL009");
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* an ordinary comment: nothing */
	d = doc_of("<connector><!-- some words ");
	l = complete(d, d->len);
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	l = complete(d, at(d->text, "ome", 0));
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	cl_lsp_doc_free(d);
}
END_TEST

START_TEST(test_complete_edges)
{
	struct cl_lsp_doc *d;
	json_object *l, *it, *te, *range, *p;
	const char *t;
	size_t i;

	d = doc_of("");
	l = complete(d, 0);
	ck_assert_uint_eq(nitems(l), 0);
	json_object_put(l);
	cl_lsp_doc_free(d);

	/* multi-byte text: ranges count UTF-16 units */
	t = "<connector name=\"Café ✓\"><endpoints><endpoint method=\"ü";
	d = doc_of(t);
	l = complete(d, d->len);
	it = item(l, "GET");
	ck_assert_ptr_nonnull(it);
	te = cl_lsp_get(it, "textEdit", json_type_object);
	range = cl_lsp_get(te, "range", json_type_object);
	p = cl_lsp_get(range, "start", json_type_object);
	/* the value starts after 53 characters: "ü" is one unit */
	ck_assert_int_eq(
	    json_object_get_int64(cl_lsp_get(p, "character", json_type_int)),
	    (int64_t)strlen("<connector name=\"Cafe *\"><endpoints><endpoint "
	                    "method=\""));
	p = cl_lsp_get(range, "end", json_type_object);
	ck_assert_int_eq(
	    json_object_get_int64(cl_lsp_get(p, "character", json_type_int)),
	    (int64_t)strlen("<connector name=\"Cafe *\"><endpoints><endpoint "
	                    "method=\"u"));
	json_object_put(l);
	/* every offset, even inside a character's bytes, and past the end:
	 * an answer, never a crash */
	for (i = 0; i <= d->len + 2; i++) {
		json_object_put(complete(d, i));
		json_object_put(cl_lsp_hover(d, i));
	}
	cl_lsp_doc_free(d);

	/* the same over the whole good document */
	d = doc_of(good);
	d->result = cl_lint_memory(linter, "a.xml", d->text, d->len);
	for (i = 0; i <= d->len; i++) {
		json_object_put(complete(d, i));
		json_object_put(cl_lsp_hover(d, i));
	}
	cl_lsp_doc_free(d);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("lsp_assist");
	TCase *tc = tcase_create("assist");
	int rc;

	linter = cl_linter_new();
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_schema_api);
	tcase_add_test(tc, test_names_doc_complete);
	tcase_add_test(tc, test_scan_states);
	tcase_add_test(tc, test_scan_tags_and_attr);
	tcase_add_test(tc, test_hover_rule_in_comment);
	tcase_add_test(tc, test_hover_diagnostic);
	tcase_add_test(tc, test_hover_placeholders);
	tcase_add_test(tc, test_hover_names);
	tcase_add_test(tc, test_complete_elements);
	tcase_add_test(tc, test_complete_attrs);
	tcase_add_test(tc, test_complete_values);
	tcase_add_test(tc, test_complete_enable_and_use);
	tcase_add_test(tc, test_complete_placeholders);
	tcase_add_test(tc, test_complete_comments);
	tcase_add_test(tc, test_complete_edges);
	suite_add_tcase(s, tc);
	rc = cl_check_run(s);
	cl_linter_free(linter);
	return rc;
}
