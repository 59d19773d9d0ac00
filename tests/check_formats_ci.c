/*
 * The CI formats: sarif, checkstyle, junit and github, and the diagnostic
 * fingerprints SARIF carries.
 *
 * Small in-memory documents are linted, then messages and severities are
 * set through the internals in result.h, so that escaping, non-ASCII and
 * every severity are tested with exact bytes whatever the rules' wording.
 * The XML formats are also parsed back with libxml2 (in memory, no
 * network, no entities) and validated against the schemas in
 * tests/schemas/; SARIF is checked to be JSON here and validated against
 * the SARIF schema and rules by tests/validate_sarif.sh.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "catalogue.h"
#include "connlint.h"
#include "fingerprint.h"
#include "output.h"
#include "result.h"
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/render.h"

#define SCHEMA_DIR "tests/schemas/"

/* A message with everything the formats must escape: XML's five,
 * GitHub's % : , and line breaks, a tab, a control character and
 * non-ASCII. */
#define NASTY_MSG "a \"q\" <b> & 'c' 50% x:y,z\r\nnext\tline \x01 é基"

static cl_linter *linter;

static void
setup(void)
{
	linter = cl_linter_new();
	xmlInitParser();
}

static void
teardown(void)
{
	cl_linter_free(linter);
}

static cl_result *
lint(const char *name, const char *doc)
{
	return cl_lint_memory(linter, name, doc, strlen(doc));
}

/* What the output of RESULTS (N of them) in FORMAT is, with path ERROR
 * (if not NULL) reported unreadable after the first AFTER results.
 * Caller frees. */
static char *
render_err(enum cl_format format, cl_result **results, size_t n,
           const char *error, size_t after)
{
	return render_results(format, 0, results, n, error, after);
}

static char *
render(enum cl_format format, cl_result **results, size_t n)
{
	return render_err(format, results, n, NULL, 0);
}

#define ASSERT_OUTPUT(got, expect)                                      \
	ck_assert_msg(!strcmp((got), (expect)),                         \
	              "output differs.\n--- expected:\n%s--- got:\n%s", \
	              (expect), (got))

/* The two documents every format test renders: dup.xml with its CL006
 * made a warning with NASTY_MSG, and "dir/Café & <co>.xml" with its two
 * CL104, the second made info. */
static void
two_results(cl_result **r)
{
	r[0] = lint("dup.xml", doc_duplicate);
	r[1] = lint("dir/Café & <co>.xml", doc_unicode);
	ck_assert_uint_eq(cl_result_count(r[0]), 1);
	ck_assert_uint_eq(cl_result_count(r[1]), 2);
	set_diag(r[0], 0, CL_SEV_WARNING, NASTY_MSG);
	set_diag(r[1], 0, CL_SEV_ERROR, "undefined `{{hostt}}`");
	set_diag(r[1], 1, CL_SEV_INFO, "undefined `{{hostz}}`");
}

/* Frees what two_results() made. */
static void
free_two_results(cl_result **r)
{
	cl_result_free(r[0]);
	cl_result_free(r[1]);
}

/* ---- a small JSON checker: is the whole of S one JSON value? ---------- */

static const char *json_value(const char *p);

static const char *
json_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	return p;
}

static const char *
json_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		unsigned char c = (unsigned char)*p;
		uint32_t cp;
		size_t n;

		if (c < 0x20)
			return NULL; /* raw control character, or the end */
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				int k;

				for (k = 1; k <= 4; k++)
					if (!strchr("0123456789abcdefABCDEF",
					            p[k]) ||
					    !p[k])
						return NULL;
				p += 5;
			} else if (*p && strchr("\"\\/bfnrt", *p)) {
				p++;
			} else {
				return NULL;
			}
		} else if (c < 0x80) {
			p++;
		} else if ((n = cl_utf8_decode(p, strlen(p), &cp)) > 0) {
			p += n;
		} else {
			return NULL; /* not UTF-8 */
		}
	}
	return p + 1;
}

static const char *
json_members(const char *p, char close, bool object)
{
	p = json_ws(p + 1);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (object) {
			if (!(p = json_string(p)))
				return NULL;
			p = json_ws(p);
			if (*p++ != ':')
				return NULL;
		}
		if (!(p = json_value(p)))
			return NULL;
		p = json_ws(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
		p = json_ws(p);
	}
}

static const char *
json_value(const char *p)
{
	p = json_ws(p);
	if (*p == '{')
		return json_members(p, '}', true);
	if (*p == '[')
		return json_members(p, ']', false);
	if (*p == '"')
		return json_string(p);
	if (!strncmp(p, "true", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	if (!strncmp(p, "null", 4))
		return p + 4;
	if (*p == '-' || (*p >= '0' && *p <= '9')) {
		p += *p == '-';
		while ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' ||
		       *p == 'E' || *p == '+' || *p == '-')
			p++;
		return p;
	}
	return NULL;
}

static void
assert_json(const char *s)
{
	const char *end = json_value(s);

	ck_assert_msg(end != NULL, "not JSON:\n%s", s);
	ck_assert_msg(*json_ws(end) == '\0', "trailing bytes after JSON");
}

/* ---- XML: parse in memory, validate against tests/schemas/ ----------- */

static void
xml_error(void *ctx, const char *fmt, ...)
{
	struct cl_strbuf *sb = ctx;
	va_list ap;

	va_start(ap, fmt);
	cl_strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

/* Parses S (no network, no entities, no DTD); fails the test when it is
 * not well-formed. Caller frees with xmlFreeDoc. */
static xmlDocPtr
xml_parse(const char *s)
{
	xmlDocPtr doc = xmlReadMemory(s, (int)strlen(s), "out.xml", "UTF-8",
	                              XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                  XML_PARSE_NOWARNING);

	ck_assert_msg(doc != NULL, "not well-formed XML:\n%s", s);
	return doc;
}

static void
xml_validate(xmlDocPtr doc, const char *xsd)
{
	struct cl_strbuf errors = CL_STRBUF_INIT, text = CL_STRBUF_INIT;
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vctxt;
	FILE *f = fopen(xsd, "rb");
	char chunk[4096];
	size_t got;
	int rc;

	/* Read here, not by libxml2: connlint's library installs an entity
	 * loader that refuses every file (see README, Safety). */
	ck_assert_msg(f != NULL, "%s: cannot open (run from the top)", xsd);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		cl_strbuf_add(&text, chunk, got);
	fclose(f);
	pctxt = xmlSchemaNewMemParserCtxt(cl_strbuf_str(&text), (int)text.len);
	ck_assert_ptr_nonnull(pctxt);
	xmlSchemaSetParserErrors(pctxt, xml_error, xml_error, &errors);
	schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	ck_assert_msg(schema != NULL, "%s: %s", xsd, cl_strbuf_str(&errors));
	vctxt = xmlSchemaNewValidCtxt(schema);
	xmlSchemaSetValidErrors(vctxt, xml_error, xml_error, &errors);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	xmlSchemaFree(schema);
	ck_assert_msg(rc == 0, "not valid against %s: %s", xsd,
	              cl_strbuf_str(&errors));
	cl_strbuf_release(&errors);
	cl_strbuf_release(&text);
}

/* The first element named NAME under NODE, depth first. */
static xmlNodePtr
xml_find(xmlNodePtr node, const char *name)
{
	for (; node; node = node->next) {
		xmlNodePtr hit;

		if (node->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)node->name, name))
			return node;
		if ((hit = xml_find(node->children, name)))
			return hit;
	}
	return NULL;
}

static void
assert_attr(xmlNodePtr node, const char *attr, const char *want)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)attr);

	ck_assert_ptr_nonnull(v);
	ck_assert_msg(!strcmp((const char *)v, want),
	              "attribute %s read back as \"%s\", want \"%s\"", attr,
	              (const char *)v, want);
	xmlFree(v);
}

/* NASTY_MSG as XML can carry it: the control character U+0001 is not an
 * XML character and becomes U+FFFD. */
#define NASTY_MSG_XML \
	"a \"q\" <b> & 'c' 50% x:y,z\r\nnext\tline \xef\xbf\xbd é基"

/* The end of a SARIF result, with its fingerprint (%s), and the start
 * of the next one, a CL104 at rule index %zu. */
#define SARIF_THEN_CL104                                                 \
	"          ],\n"                                                 \
	"          \"partialFingerprints\": {\"connlint/v1\": \"%s\"}\n" \
	"        },\n"                                                   \
	"        {\n"                                                    \
	"          \"ruleId\": \"CL104\",\n"                             \
	"          \"ruleIndex\": %zu,\n"

/* The end of a SARIF log of a run that succeeded, after its results. */
#define SARIF_SUCCESS_TAIL                          \
	"      \"invocations\": [\n"                \
	"        {\n"                               \
	"          \"executionSuccessful\": true\n" \
	"        }\n"                               \
	"      ]\n"                                 \
	"    }\n"                                   \
	"  ]\n"                                     \
	"}\n"

/* ---- tests ------------------------------------------------------------- */

START_TEST(format_names)
{
	enum cl_format f = CL_FORMAT_TEXT;

	/* appended: the old values keep their numbers */
	ck_assert_int_eq(CL_FORMAT_JSON, 2);
	ck_assert_int_eq(CL_FORMAT_SARIF, 3);
	ck_assert_int_eq(CL_FORMAT_CHECKSTYLE, 4);
	ck_assert_int_eq(CL_FORMAT_JUNIT, 5);
	ck_assert_int_eq(CL_FORMAT_GITHUB, 6);
	ck_assert_int_eq(cl_format_parse("sarif", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_SARIF);
	ck_assert_int_eq(cl_format_parse("checkstyle", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_CHECKSTYLE);
	ck_assert_int_eq(cl_format_parse("junit", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_JUNIT);
	ck_assert_int_eq(cl_format_parse("github", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_GITHUB);
	ck_assert_int_eq(cl_format_parse("SARIF", &f), -1);
	ck_assert_int_eq(cl_format_parse("GitLab", &f), -1);
}
END_TEST

START_TEST(checkstyle_exact)
{
	cl_result *r[2];
	char *got;
	xmlDocPtr doc;
	xmlNodePtr err;

	two_results(r);
	got = render(CL_FORMAT_CHECKSTYLE, r, 2);
	ASSERT_OUTPUT(
	    got,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<checkstyle version=\"4.3\">\n"
	    "  <file name=\"dup.xml\">\n"
	    "    <error line=\"17\" column=\"19\" severity=\"warning\" "
	    "message=\"a &quot;q&quot; &lt;b&gt; &amp; 'c' 50% x:y,z&#13;&#10;"
	    "next&#9;line \xef\xbf\xbd é基\" source=\"connlint.CL006\"/>\n"
	    "  </file>\n"
	    "  <file name=\"dir/Café &amp; &lt;co&gt;.xml\">\n"
	    "    <error line=\"5\" column=\"32\" severity=\"error\" "
	    "message=\"undefined `{{hostt}}`\" source=\"connlint.CL104\"/>\n"
	    "    <error line=\"14\" column=\"17\" severity=\"info\" "
	    "message=\"undefined `{{hostz}}`\" source=\"connlint.CL104\"/>\n"
	    "  </file>\n"
	    "</checkstyle>\n");

	/* what a parser reads back is what was meant */
	doc = xml_parse(got);
	xml_validate(doc, SCHEMA_DIR "checkstyle.xsd");
	err = xml_find(xmlDocGetRootElement(doc), "error");
	ck_assert_ptr_nonnull(err);
	assert_attr(err, "message", NASTY_MSG_XML);
	assert_attr(err->parent, "name", "dup.xml");
	assert_attr(xml_find(err->parent->next, "file"), "name",
	            "dir/Café & <co>.xml");
	xmlFreeDoc(doc);
	free(got);
	free_two_results(r);
}
END_TEST

START_TEST(checkstyle_empty_and_clean)
{
	char *got = render(CL_FORMAT_CHECKSTYLE, NULL, 0);
	cl_result *clean;
	xmlDocPtr doc;

	ASSERT_OUTPUT(got, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                   "<checkstyle version=\"4.3\">\n"
	                   "</checkstyle>\n");
	doc = xml_parse(got);
	xml_validate(doc, SCHEMA_DIR "checkstyle.xsd");
	xmlFreeDoc(doc);
	free(got);

	/* a clean file is listed too, so "clean" differs from "skipped" */
	clean = lint("ok.xml", doc_duplicate);
	cl_diag_sink_release(&clean->sink);
	got = render(CL_FORMAT_CHECKSTYLE, &clean, 1);
	ASSERT_OUTPUT(got, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                   "<checkstyle version=\"4.3\">\n"
	                   "  <file name=\"ok.xml\"/>\n"
	                   "</checkstyle>\n");
	free(got);
	cl_result_free(clean);
}
END_TEST

START_TEST(junit_exact)
{
	cl_result *r[2];
	char *got;
	xmlDocPtr doc;
	xmlNodePtr fail;

	two_results(r);
	/* one test case per diagnostic; the unreadable path comes
	 * between the two files, where met; exact bytes, with the related
	 * message spliced in */
	{
		unsigned l, c, el, ec;
		const char *note = cl_diag_related(cl_result_diag(r[0], 0), 0,
		                                   &l, &c, &el, &ec);
		struct cl_strbuf want = CL_STRBUF_INIT;

		ck_assert_ptr_nonnull(note);
		got = render_err(CL_FORMAT_JUNIT, r, 2, "gone,:%.xml", 1);
		cl_strbuf_addf(
		    &want,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<testsuites name=\"connlint\" tests=\"4\" failures=\"3\" errors=\"1\">\n"
		    "  <testsuite name=\"connlint\" tests=\"4\" failures=\"3\" errors=\"1\">\n"
		    "    <testcase classname=\"dup.xml\" name=\"CL006 dup.xml:17:19\" "
		    "file=\"dup.xml\" line=\"17\">\n"
		    "      <failure message=\"a &quot;q&quot; &lt;b&gt; &amp; 'c' 50%% "
		    "x:y,z&#13;&#10;next&#9;line \xef\xbf\xbd é基\" type=\"CL006\">"
		    "dup.xml:17:19: warning: a \"q\" &lt;b&gt; &amp; 'c' 50%% x:y,z&#13;\n"
		    "next\tline \xef\xbf\xbd é基 [CL006 duplicate-id]\n"
		    "dup.xml:13:19: note: %s</failure>\n"
		    "    </testcase>\n"
		    "    <testcase classname=\"gone,:%%.xml\" name=\"gone,:%%.xml\" "
		    "file=\"gone,:%%.xml\">\n"
		    "      <error message=\"No such file or directory\" "
		    "type=\"read-error\">gone,:%%.xml: No such file or directory</error>\n"
		    "    </testcase>\n"
		    "    <testcase classname=\"dir/Café &amp; &lt;co&gt;.xml\" "
		    "name=\"CL104 dir/Café &amp; &lt;co&gt;.xml:5:32\" "
		    "file=\"dir/Café &amp; &lt;co&gt;.xml\" line=\"5\">\n"
		    "      <failure message=\"undefined `{{hostt}}`\" type=\"CL104\">"
		    "dir/Café &amp; &lt;co&gt;.xml:5:32: error: undefined `{{hostt}}` "
		    "[CL104 undefined-placeholder]</failure>\n"
		    "    </testcase>\n"
		    "    <testcase classname=\"dir/Café &amp; &lt;co&gt;.xml\" "
		    "name=\"CL104 dir/Café &amp; &lt;co&gt;.xml:14:17\" "
		    "file=\"dir/Café &amp; &lt;co&gt;.xml\" line=\"14\">\n"
		    "      <failure message=\"undefined `{{hostz}}`\" type=\"CL104\">"
		    "dir/Café &amp; &lt;co&gt;.xml:14:17: info: undefined `{{hostz}}` "
		    "[CL104 undefined-placeholder]</failure>\n"
		    "    </testcase>\n"
		    "  </testsuite>\n"
		    "</testsuites>\n",
		    note);
		ASSERT_OUTPUT(got, cl_strbuf_str(&want));
		cl_strbuf_release(&want);
	}

	doc = xml_parse(got);
	xml_validate(doc, SCHEMA_DIR "junit.xsd");
	fail = xml_find(xmlDocGetRootElement(doc), "failure");
	ck_assert_ptr_nonnull(fail);
	assert_attr(fail, "message", NASTY_MSG_XML);
	assert_attr(fail->parent, "classname", "dup.xml");
	assert_attr(fail->parent, "file", "dup.xml");
	assert_attr(fail->parent, "name", "CL006 dup.xml:17:19");
	xmlFreeDoc(doc);
	free(got);
	free_two_results(r);
}
END_TEST

START_TEST(junit_empty)
{
	char *got = render(CL_FORMAT_JUNIT, NULL, 0);
	xmlDocPtr doc;

	ASSERT_OUTPUT(
	    got,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"connlint\" tests=\"0\" failures=\"0\" errors=\"0\">\n"
	    "  <testsuite name=\"connlint\" tests=\"0\" failures=\"0\" errors=\"0\">\n"
	    "  </testsuite>\n"
	    "</testsuites>\n");
	doc = xml_parse(got);
	xml_validate(doc, SCHEMA_DIR "junit.xsd");
	xmlFreeDoc(doc);
	free(got);
}
END_TEST

START_TEST(xml_hostile_names)
{
	/* a file name with every kind of trouble, in both XML formats */
	static const char name[] = "a\"b<c>&d'e\tf\ng\rh\x01i\x7fj\xc2\x85k"
	                           "\xffl\xef\xbf\xbem.xml";
	static const char back[] = "a\"b<c>&d'e\tf\ng\rh\xef\xbf\xbdi\x7fj"
	                           "\xc2\x85k\xef\xbf\xbdl\xef\xbf\xbdm.xml";
	cl_result *r = lint(name, doc_duplicate);
	enum cl_format formats[] = { CL_FORMAT_CHECKSTYLE, CL_FORMAT_JUNIT };
	const char *schemas[] = { "checkstyle.xsd", "junit.xsd" };
	const char *elems[] = { "file", "testcase" };
	/* where each format names the file */
	const char *attrs[] = { "name", "file" };
	size_t i;

	for (i = 0; i < 2; i++) {
		char *got = render(formats[i], &r, 1);
		char xsd[64];
		xmlDocPtr doc = xml_parse(got);
		xmlNodePtr node;

		snprintf(xsd, sizeof(xsd), SCHEMA_DIR "%s", schemas[i]);
		xml_validate(doc, xsd);
		node = xml_find(xmlDocGetRootElement(doc), elems[i]);
		ck_assert_ptr_nonnull(node);
		assert_attr(node, attrs[i], back);
		xmlFreeDoc(doc);
		free(got);
	}
	cl_result_free(r);
}
END_TEST

START_TEST(github_exact)
{
	cl_result *r[2];
	struct cl_strbuf want = CL_STRBUF_INIT;
	unsigned l, c, el, ec;
	const char *note;
	char *got;

	two_results(r);
	note = cl_diag_related(cl_result_diag(r[0], 0), 0, &l, &c, &el, &ec);
	ck_assert_ptr_nonnull(note);
	/* a range over two lines: no columns, which the runner ignores */
	move_diag(r[1], 1, 14, 17, 15, 3);
	got = render(CL_FORMAT_GITHUB, r, 2);
	cl_strbuf_addf(
	    &want,
	    "::warning file=dup.xml,line=17,col=19,endLine=17,endColumn=20,"
	    "title=CL006 duplicate-id::a \"q\" <b> & 'c' 50%%25 x:y,z%%0D%%0A"
	    "next\\x09line \\x01 é基%%0Adup.xml:13:19: note: %s\n"
	    "::error file=dir/Café & <co>.xml,line=5,col=32,endLine=5,"
	    "endColumn=41,title=CL104 undefined-placeholder::"
	    "undefined `{{hostt}}`\n"
	    "::notice file=dir/Café & <co>.xml,line=14,endLine=15,"
	    "title=CL104 undefined-placeholder::undefined `{{hostz}}`\n",
	    note);
	ASSERT_OUTPUT(got, cl_strbuf_str(&want));
	cl_strbuf_release(&want);
	free(got);
	free_two_results(r);
}
END_TEST

START_TEST(github_property_escapes)
{
	cl_result *r = lint("a,b:c%d\ne\rf\x1bg.xml", doc_duplicate);
	char *got;

	set_diag(r, 0, CL_SEV_ERROR, "m");
	got = render(CL_FORMAT_GITHUB, &r, 1);
	/* the related note repeats the file name in the data, where only
	 * % \r \n are escaped */
	ck_assert_msg(!strncmp(got,
	                       "::error file=a%2Cb%3Ac%25d%0Ae%0Df\\x1bg.xml,"
	                       "line=17,",
	                       44),
	              "%s", got);
	ck_assert_msg(strstr(got, "::m%0Aa,b:c%25d%0Ae%0Df\\x1bg.xml:13:19: "
	                          "note: ") != NULL,
	              "%s", got);
	ck_assert_msg(strchr(got, '\n') == got + strlen(got) - 1,
	              "one line: %s", got);
	free(got);
	cl_result_free(r);
}
END_TEST

START_TEST(github_empty)
{
	char *got = render(CL_FORMAT_GITHUB, NULL, 0);

	ASSERT_OUTPUT(got, "");
	free(got);
}
END_TEST

/* The part of a SARIF log from its results on, which is short enough to
 * compare exactly; the head (the rule catalogue) is checked apart. */
static const char *
sarif_tail(const char *s)
{
	const char *p = strstr(s, "      \"results\": [");

	ck_assert_ptr_nonnull(p);
	return p;
}

START_TEST(sarif_exact_results)
{
	cl_result *r[2];
	struct cl_strbuf want = CL_STRBUF_INIT;
	unsigned l, c, el, ec;
	const char *note;
	char *got, *fp[3];
	size_t i6 = 0, i104 = 0, i;

	two_results(r);
	note = cl_diag_related(cl_result_diag(r[0], 0), 0, &l, &c, &el, &ec);
	ck_assert_ptr_nonnull(note);
	fp[0] = cl_diag_fingerprint(r[0], cl_result_diag(r[0], 0));
	fp[1] = cl_diag_fingerprint(r[1], cl_result_diag(r[1], 0));
	fp[2] = cl_diag_fingerprint(r[1], cl_result_diag(r[1], 1));
	for (i = 0; i < cl_rule_count(); i++) {
		if (!strcmp(cl_rule_id(cl_rule_at(i)), "CL006"))
			i6 = i;
		if (!strcmp(cl_rule_id(cl_rule_at(i)), "CL104"))
			i104 = i;
	}
	got = render(CL_FORMAT_SARIF, r, 2);
	assert_json(got);
	cl_strbuf_addf(
	    &want,
	    "      \"results\": [\n"
	    "        {\n"
	    "          \"ruleId\": \"CL006\",\n"
	    "          \"ruleIndex\": %zu,\n"
	    "          \"level\": \"warning\",\n"
	    "          \"message\": {\"text\": \"a \\\"q\\\" <b> & 'c' 50%% "
	    "x:y,z\\u000d\\u000anext\\u0009line \\u0001 é基 (see [%s](1))\"},\n"
	    "          \"locations\": [\n"
	    "            {\"physicalLocation\": {\"artifactLocation\": "
	    "{\"uri\": \"dup.xml\", \"uriBaseId\": \"%%SRCROOT%%\"}, "
	    "\"region\": {\"startLine\": 17, \"startColumn\": 19, "
	    "\"endLine\": 17, \"endColumn\": 20}}}\n"
	    "          ],\n"
	    "          \"relatedLocations\": [\n"
	    "            {\"id\": 1, \"physicalLocation\": {\"artifactLocation\": "
	    "{\"uri\": \"dup.xml\", \"uriBaseId\": \"%%SRCROOT%%\"}, "
	    "\"region\": {\"startLine\": 13, \"startColumn\": 19, "
	    "\"endLine\": 13, \"endColumn\": 20}}, \"message\": {\"text\": "
	    "\"%s\"}}\n" SARIF_THEN_CL104 "          \"level\": \"error\",\n"
	    "          \"message\": {\"text\": \"undefined `{{hostt}}`\"},\n"
	    "          \"locations\": [\n"
	    "            {\"physicalLocation\": {\"artifactLocation\": "
	    "{\"uri\": \"dir/Caf%%C3%%A9%%20%%26%%20%%3Cco%%3E.xml\", "
	    "\"uriBaseId\": \"%%SRCROOT%%\"}, "
	    "\"region\": {\"startLine\": 5, \"startColumn\": 32, "
	    "\"endLine\": 5, \"endColumn\": 41}}}\n" SARIF_THEN_CL104
	    "          \"level\": \"note\",\n"
	    "          \"message\": {\"text\": \"undefined `{{hostz}}`\"},\n"
	    "          \"locations\": [\n"
	    "            {\"physicalLocation\": {\"artifactLocation\": "
	    "{\"uri\": \"dir/Caf%%C3%%A9%%20%%26%%20%%3Cco%%3E.xml\", "
	    "\"uriBaseId\": \"%%SRCROOT%%\"}, "
	    "\"region\": {\"startLine\": 14, \"startColumn\": 17, "
	    "\"endLine\": 14, \"endColumn\": 26}}}\n"
	    "          ],\n"
	    "          \"partialFingerprints\": {\"connlint/v1\": \"%s\"}\n"
	    "        }\n"
	    "      ],\n" SARIF_SUCCESS_TAIL,
	    i6, note, note, fp[0], i104, fp[1], i104, fp[2]);
	ASSERT_OUTPUT(sarif_tail(got), cl_strbuf_str(&want));
	cl_strbuf_release(&want);
	for (i = 0; i < 3; i++)
		free(fp[i]);
	free(got);
	free_two_results(r);
}
END_TEST

START_TEST(sarif_head_and_catalogue)
{
	char *got = render(CL_FORMAT_SARIF, NULL, 0);
	const char *p;
	size_t i, n = cl_rule_count();

	assert_json(got);
	ck_assert_msg(
	    !strncmp(
	        got,
	        "{\n"
	        "  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
	        "errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
	        "  \"version\": \"2.1.0\",\n"
	        "  \"runs\": [\n"
	        "    {\n"
	        "      \"tool\": {\n"
	        "        \"driver\": {\n"
	        "          \"name\": \"connlint\",\n"
	        "          \"version\": \"" CONNLINT_VERSION "\",\n"
	        "          \"semanticVersion\": \"" CONNLINT_VERSION "\",\n"
	        "          \"informationUri\": \"" CONNLINT_URL "\",\n"
	        "          \"rules\": [\n",
	        330),
	    "%.600s", got);
	/* every rule, in catalogue order, so ruleIndex is the catalogue's */
	for (i = 0, p = got; i < n; i++) {
		const cl_rule *rule = cl_rule_at(i);
		char id[64], level[96];
		const char *lv =
		    cl_rule_severity(rule) == CL_SEV_ERROR     ? "error"
		    : cl_rule_severity(rule) == CL_SEV_WARNING ? "warning"
		                                               : "note";

		snprintf(id, sizeof(id), "\"id\": \"%s\",", cl_rule_id(rule));
		p = strstr(p, id);
		ck_assert_msg(p != NULL, "rule %s missing or out of order",
		              cl_rule_id(rule));
		snprintf(level, sizeof(level),
		         "\"defaultConfiguration\": "
		         "{\"level\": \"%s\"}",
		         lv);
		ck_assert_msg(strstr(p, level) != NULL, "%s", cl_rule_id(rule));
	}
	ck_assert_ptr_nonnull(
	    strstr(got, "\"columnKind\": \"unicodeCodePoints\""));
	ck_assert_ptr_nonnull(
	    strstr(got, "\"originalUriBaseIds\": {\n"
	                "        \"%SRCROOT%\": {\"description\""));
	ASSERT_OUTPUT(sarif_tail(got),
	              "      \"results\": [],\n" SARIF_SUCCESS_TAIL);
	free(got);
}
END_TEST

START_TEST(sarif_rule_descriptions)
{
	char *got = render(CL_FORMAT_SARIF, NULL, 0);
	size_t i, n = cl_rule_count();
	const char *p;

	for (i = 0; i < n; i++) {
		const cl_rule *rule = cl_rule_at(i);
		const char *doc = cl_rule_doc(rule), *para;
		char *url = cl_rule_doc_url(rule), want[512], url_want[256];
		size_t k;

		if (!doc) {
			/* no page: the summary twice, no helpUri */
			struct cl_strbuf sb = CL_STRBUF_INIT;

			ck_assert_ptr_null(url);
			cl_json_add_string(&sb, cl_rule_summary(rule));
			snprintf(want, sizeof(want),
			         "\"fullDescription\": "
			         "{\"text\": %s}",
			         cl_strbuf_str(&sb));
			ck_assert_msg(strstr(got, want) != NULL, "%s", want);
			cl_strbuf_release(&sb);
			continue;
		}
		snprintf(url_want, sizeof(url_want),
		         "%s/blob/main/docs/rules/"
		         "%s.md",
		         CONNLINT_URL, cl_rule_id(rule));
		ck_assert_ptr_nonnull(url);
		ck_assert_str_eq(url, url_want);
		snprintf(want, sizeof(want), "\"helpUri\": \"%s\"", url_want);
		ck_assert_msg(strstr(got, want) != NULL, "%s", want);
		free(url);

		/* the first words of the "What it flags" paragraph open the
		 * full description (as far as they need no JSON escape) */
		para = strstr(doc, "## What it flags\n");
		ck_assert_ptr_nonnull(para);
		para += strlen("## What it flags\n");
		para += strspn(para, "\n");
		for (k = 0; k < 24 && para[k] >= 0x20 && para[k] < 0x7f &&
		            para[k] != '"' && para[k] != '\\';
		     k++)
			;
		ck_assert_uint_gt(k, 0);
		snprintf(want, sizeof(want),
		         "\"fullDescription\": {\"text\": "
		         "\"%.*s",
		         (int)k, para);
		ck_assert_msg(strstr(got, want) != NULL, "%s", want);
	}
	/* every rule has help, which GitHub code scanning requires */
	for (i = 0, p = got; (p = strstr(p, "\"help\": {\"text\": ")); p++)
		i++;
	ck_assert_uint_eq(i, n);
	free(got);
}
END_TEST

START_TEST(sarif_uris)
{
	static const struct {
		const char *path, *uri;
		bool relative;
	} cases[] = {
		{ "a.xml", "a.xml", true },
		{ "./a.xml", "a.xml", true },
		{ ".//x/./a.xml", "x/./a.xml", true },
		{ "dir with space/Café.xml", "dir%20with%20space/Caf%C3%A9.xml",
		  true },
		{ "c:x.xml", "c%3Ax.xml", true },
		{ "100%.xml", "100%25.xml", true },
		{ "<stdin>", "%3Cstdin%3E", true },
		{ "../up/a~b_c-d.xml", "../up/a~b_c-d.xml", true },
		{ "/abs/x y.xml", "file:///abs/x%20y.xml", false },
		{ "a#b?c.xml", "a%23b%3Fc.xml", true },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		struct cl_strbuf sb = CL_STRBUF_INIT;
		bool rel = cl_path_to_uri(&sb, cases[i].path);

		ck_assert_str_eq(cl_strbuf_str(&sb), cases[i].uri);
		ck_assert_int_eq(rel, cases[i].relative);
		cl_strbuf_release(&sb);
	}
}
END_TEST

START_TEST(sarif_unreadable_and_absolute)
{
	cl_result *r = lint("/abs/dup.xml", doc_duplicate);
	char *got = render_err(CL_FORMAT_SARIF, &r, 1, "no such.xml", 1);

	assert_json(got);
	/* an absolute name: a file URI, no base id */
	ck_assert_ptr_nonnull(strstr(got,
	                             "{\"artifactLocation\": "
	                             "{\"uri\": \"file:///abs/dup.xml\"}, "));
	ck_assert_ptr_nonnull(strstr(
	    got, "      \"invocations\": [\n"
	         "        {\n"
	         "          \"executionSuccessful\": false,\n"
	         "          \"toolExecutionNotifications\": [\n"
	         "            {\"level\": \"error\", \"message\": {\"text\": "
	         "\"No such file or directory\"}, \"locations\": "
	         "[{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
	         "\"no%20such.xml\", \"uriBaseId\": \"%SRCROOT%\"}}}]}\n"
	         "          ]\n"
	         "        }\n"
	         "      ]\n"
	         "    }\n"
	         "  ]\n"
	         "}\n"));
	free(got);
	cl_result_free(r);
}
END_TEST

START_TEST(sarif_json_hostile)
{
	/* bytes that are not UTF-8 in a name, controls in a message: still
	 * JSON */
	cl_result *r = lint("x\xff\x01\"\\.xml", doc_duplicate);
	char *got;

	set_diag(r, 0, CL_SEV_INFO, "m\xc3\x28\x7f\"\\");
	got = render(CL_FORMAT_SARIF, &r, 1);
	assert_json(got);
	ck_assert_ptr_nonnull(strstr(got, "\"uri\": \"x%FF%01%22%5C.xml\""));
	/* then the link to the related location */
	ck_assert_ptr_nonnull(
	    strstr(got, "{\"text\": \"m\\ufffd(\\u007f\\\"\\\\ (see ["));
	free(got);
	cl_result_free(r);
}
END_TEST

/* ---- fingerprints ---------------------------------------------------- */

START_TEST(sha256_vectors)
{
	/* FIPS 180-2 appendix B; the second spans two blocks */
	static const struct {
		const char *in, *hex;
	} v[] = {
		{ "",
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc",
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	};
	size_t i, k;

	for (i = 0; i < CL_ARRAY_SIZE(v); i++) {
		struct cl_sha256 c;
		unsigned char d[32];
		char hex[65];

		cl_sha256_init(&c);
		/* fed in pieces, to cross block boundaries */
		for (k = 0; k < strlen(v[i].in); k += 7)
			cl_sha256_update(
			    &c, v[i].in + k,
			    strlen(v[i].in) - k < 7 ? strlen(v[i].in) - k : 7);
		cl_sha256_final(&c, d);
		for (k = 0; k < 32; k++)
			snprintf(hex + 2 * k, 3, "%02x", d[k]);
		ck_assert_str_eq(hex, v[i].hex);
	}
	{
		/* one million 'a' */
		struct cl_sha256 c;
		unsigned char d[32];
		char block[1000], hex[65];

		memset(block, 'a', sizeof(block));
		cl_sha256_init(&c);
		for (i = 0; i < 1000; i++)
			cl_sha256_update(&c, block, sizeof(block));
		cl_sha256_final(&c, d);
		for (k = 0; k < 32; k++)
			snprintf(hex + 2 * k, 3, "%02x", d[k]);
		ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
		                      "f1809a48a497200e046d39ccc7112cd0");
	}
}
END_TEST

/* DOC with TEXT inserted before the first occurrence of AT. Caller frees. */
static char *
insert_before(const char *doc, const char *at, const char *text)
{
	const char *p = strstr(doc, at);
	struct cl_strbuf sb = CL_STRBUF_INIT;

	ck_assert_ptr_nonnull(p);
	cl_strbuf_add(&sb, doc, (size_t)(p - doc));
	cl_strbuf_adds(&sb, text);
	cl_strbuf_adds(&sb, p);
	return cl_strbuf_detach(&sb);
}

/* The fingerprint of the only diagnostic of rule RULE in DOC, named NAME.
 * Caller frees. */
static char *
fingerprint_of(const char *name, const char *doc, const char *rule,
               unsigned *line)
{
	cl_result *r = lint(name, doc);
	size_t i, n = cl_result_count(r);
	const cl_diag *hit = NULL;
	char *fp;

	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(r, i);

		if (!strcmp(cl_rule_id(cl_diag_rule(d)), rule)) {
			ck_assert_msg(hit == NULL, "two %s", rule);
			hit = d;
		}
	}
	ck_assert_msg(hit != NULL, "no %s", rule);
	fp = cl_diag_fingerprint(r, hit);
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(strlen(fp), CL_FINGERPRINT_HEX);
	ck_assert_uint_eq(strspn(fp, "0123456789abcdef"), CL_FINGERPRINT_HEX);
	if (line)
		*line = cl_diag_line(hit);
	cl_result_free(r);
	return fp;
}

#define FIVE_LINES                                           \
	"  <!-- one -->\n  <!-- two -->\n  <!-- three -->\n" \
	"  <!-- four -->\n  <!-- five -->\n"

START_TEST(fingerprint_stable_when_lines_added_above)
{
	char *moved =
	    insert_before(doc_duplicate, "  <auth-methods>", FIVE_LINES);
	char *between = insert_before(
	    doc_duplicate, "    <endpoint id=\"e\" name=\"F\"", FIVE_LINES);
	unsigned l0, l1, l2;
	char *a = fingerprint_of("dup.xml", doc_duplicate, "CL006", &l0);
	char *b = fingerprint_of("dup.xml", moved, "CL006", &l1);
	char *c = fingerprint_of("dup.xml", between, "CL006", &l2);

	ck_assert_uint_eq(l0, 17);
	ck_assert_uint_eq(l1, 22); /* the finding moved ... */
	ck_assert_uint_eq(l2, 22);
	ck_assert_str_eq(a, b); /* ... its fingerprint did not */
	ck_assert_str_eq(a, c);
	free(a), free(b), free(c);
	free(moved), free(between);
}
END_TEST

START_TEST(fingerprint_ignores_indentation_and_line_numbers_in_messages)
{
	/* CL001's message names a line ("`<url>` (line 3)"), which moves
	 * with the file; the fingerprint takes the number out. */
	static const char truncated[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"T\">\n"
	    "  <url>https://x/";
	char *moved = insert_before(truncated, "<connector", FIVE_LINES);
	char *reindented = insert_before(
	    doc_duplicate, "<endpoint id=\"e\" name=\"F\"", "\t  ");
	unsigned l0, l1;
	char *a = fingerprint_of("t.xml", truncated, "CL001", &l0);
	char *b = fingerprint_of("t.xml", moved, "CL001", &l1);
	char *c = fingerprint_of("d.xml", doc_duplicate, "CL006", NULL);
	char *d = fingerprint_of("d.xml", reindented, "CL006", NULL);

	ck_assert_uint_eq(l1, l0 + 5);
	ck_assert_str_eq(a, b);
	ck_assert_str_eq(c, d);
	free(a), free(b), free(c), free(d);
	free(moved), free(reindented);
}
END_TEST

START_TEST(fingerprint_differs_for_different_problems)
{
	cl_result *u = lint("u.xml", doc_unicode);
	char *dup = fingerprint_of("u.xml", doc_duplicate, "CL006", NULL);
	char *other_file =
	    fingerprint_of("v.xml", doc_duplicate, "CL006", NULL);
	char *f0 = cl_diag_fingerprint(u, cl_result_diag(u, 0));
	char *f1 = cl_diag_fingerprint(u, cl_result_diag(u, 1));

	ck_assert_str_ne(f0, f1);  /* same rule, other place and message */
	ck_assert_str_ne(f0, dup); /* another rule */
	ck_assert_str_ne(dup, other_file); /* another file */
	/* the message is part of it */
	set_diag(u, 0, CL_SEV_ERROR, "something else");
	{
		char *f0b = cl_diag_fingerprint(u, cl_result_diag(u, 0));

		ck_assert_str_ne(f0, f0b);
		free(f0b);
	}
	/* a diagnostic of another result is not one of U's */
	{
		cl_result *other = lint("w.xml", doc_duplicate);

		ck_assert_ptr_null(
		    cl_diag_fingerprint(u, cl_result_diag(other, 0)));
		cl_result_free(other);
	}
	free(f0), free(f1), free(dup), free(other_file);
	cl_result_free(u);
}
END_TEST

START_TEST(fingerprint_identical_findings_counted)
{
	/* the same placeholder twice on one line: the same rule, text and
	 * message, told apart by their order; lines above change neither */
	static const char twice[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"D\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"b\" name=\"B\" type=\"basic\">\n"
	    "      <url>https://x/{{nope}}/{{nope}}</url>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "</connector>\n";
	char *moved = insert_before(twice, "  <auth-methods>", FIVE_LINES);
	cl_result *r = lint("t.xml", twice), *m = lint("t.xml", moved);
	char **all = cl_result_fingerprints(r),
	     **mall = cl_result_fingerprints(m);
	size_t i, n = cl_result_count(r), hits = 0;
	char *first = NULL, *second = NULL;

	ck_assert_uint_eq(cl_result_count(m), n);
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(r, i);
		char *one = cl_diag_fingerprint(r, d);

		/* the batch and the single computation agree */
		ck_assert_str_eq(one, all[i]);
		ck_assert_str_eq(all[i], mall[i]);
		if (!strcmp(cl_rule_id(cl_diag_rule(d)), "CL104")) {
			if (hits++ == 0)
				first = all[i];
			else
				second = all[i];
		}
		free(one);
	}
	ck_assert_uint_eq(hits, 2);
	ck_assert_str_ne(first, second);
	for (i = 0; i < n; i++) {
		free(all[i]);
		free(mall[i]);
	}
	free(all), free(mall), free(moved);
	cl_result_free(r);
	cl_result_free(m);
}
END_TEST

/* A connector whose client secret is written into it: CL501 reports it,
 * and every output (source lines included) shows it masked. */
static const char doc_secret[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connector format=\"1\" name=\"S\">\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"o\" name=\"O\" type=\"oauth2-client-credentials\">\n"
    "      <url>https://x.example/oauth/token</url>\n"
    "      <variables>\n"
    "        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>\n"
    "        <variable key=\"client_id\" label=\"ID\" required=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"client_secret\" label=\"Secret\" required=\"true\" secret=\"true\" locked=\"true\" default=\"DwdeejLZZzUDsYTnBbzkBY031KRC3gSoHA0V7MLP\"/>\n"
    "      </variables>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "</connector>\n";

START_TEST(fingerprint_uses_masked_text)
{
	/* The same document with another secret (same first characters,
	 * which the mask shows): the same fingerprint, because only masked
	 * text is hashed. A secret never feeds a hash in the clear, and
	 * rotating it does not make the finding new. */
	char *rotated = cl_strdup(doc_secret), *p = strstr(rotated, "ejLZZ");
	char *a, *b;
	cl_result *r[1];
	char *out;
	size_t f;
	const enum cl_format formats[] = {
		CL_FORMAT_SARIF,
		CL_FORMAT_CHECKSTYLE,
		CL_FORMAT_JUNIT,
		CL_FORMAT_GITHUB,
	};

	ck_assert_ptr_nonnull(p);
	memcpy(p, "Q9x!7", 5);
	a = fingerprint_of("s.xml", doc_secret, "CL501", NULL);
	b = fingerprint_of("s.xml", rotated, "CL501", NULL);
	ck_assert_str_eq(a, b);
	free(a), free(b), free(rotated);

	/* and no format prints the secret */
	r[0] = lint("s.xml", doc_secret);
	for (f = 0; f < CL_ARRAY_SIZE(formats); f++) {
		out = render(formats[f], r, 1);
		ck_assert_msg(strstr(out, "ejLZZ") == NULL, "%s", out);
		free(out);
	}
	cl_result_free(r[0]);
}
END_TEST

/* ---- report fidelity (issue 10) ---------------------------------------- */

/* How many elements named NAME are under NODE. */
static size_t
xml_count(xmlNodePtr node, const char *name)
{
	size_t n = 0;

	for (; node; node = node->next) {
		if (node->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)node->name, name))
			n++;
		n += xml_count(node->children, name);
	}
	return n;
}

/* The number attribute ATTR of NODE holds. */
static size_t
xml_count_attr(xmlNodePtr node, const char *attr)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)attr);
	size_t n;

	ck_assert_ptr_nonnull(v);
	n = (size_t)strtoul((const char *)v, NULL, 10);
	xmlFree(v);
	return n;
}

/* A JUnit report's counts are its elements: one test case per finding
 * (Jenkins shows only the first failure of a test case), one passed per
 * clean file, one in error per unreadable path. */
START_TEST(junit_counts_are_elements)
{
	cl_result *r[3];
	char *got;
	xmlDocPtr doc;
	xmlNodePtr root, suite, c;
	size_t i, findings = 0, passed = 0;

	r[0] = lint("clean.xml", doc_duplicate);
	cl_diag_sink_release(&r[0]->sink);
	r[1] = lint("two.xml", doc_unicode);
	r[2] =
	    cl_lint_file(linter, "fixtures/rules/CL106/fires-near-misses.xml",
	                 "many.xml", NULL);
	ck_assert_ptr_nonnull(r[2]);
	ck_assert_uint_ge(cl_result_count(r[1]), 2);
	ck_assert_uint_ge(cl_result_count(r[2]), 2);
	for (i = 0; i < 3; i++)
		findings += cl_result_count(r[i]);
	got = render_err(CL_FORMAT_JUNIT, r, 3, "gone.xml", 1);
	doc = xml_parse(got);
	xml_validate(doc, SCHEMA_DIR "junit.xsd");
	root = xmlDocGetRootElement(doc);
	suite = xml_find(root, "testsuite");
	ck_assert_ptr_nonnull(suite);
	ck_assert_uint_eq(xml_count(root, "failure"), findings);
	ck_assert_uint_eq(xml_count(root, "error"), 1);
	ck_assert_uint_eq(xml_count(root, "testcase"), findings + 1 + 1);
	for (c = root; c; c = c == root ? suite : NULL) {
		ck_assert_uint_eq(xml_count_attr(c, "tests"),
		                  xml_count(root, "testcase"));
		ck_assert_uint_eq(xml_count_attr(c, "failures"), findings);
		ck_assert_uint_eq(xml_count_attr(c, "errors"), 1);
	}
	/* at most one failure or error per test case; each named by the
	 * file; the clean file's passed */
	for (c = suite->children; c; c = c->next) {
		xmlChar *file;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ck_assert_uint_le(xml_count(c->children, "failure") +
		                      xml_count(c->children, "error"),
		                  1);
		file = xmlGetProp(c, (const xmlChar *)"file");
		ck_assert_ptr_nonnull(file);
		assert_attr(c, "classname", (const char *)file);
		if (!xml_count(c->children, "failure") &&
		    !xml_count(c->children, "error")) {
			ck_assert_str_eq((const char *)file, "clean.xml");
			assert_attr(c, "name", "clean.xml");
			passed++;
		}
		xmlFree(file);
	}
	ck_assert_uint_eq(passed, 1);
	xmlFreeDoc(doc);
	free(got);
	for (i = 0; i < 3; i++)
		cl_result_free(r[i]);
}
END_TEST

/* Each finding's test case: named by rule ID and position, with the
 * file and line as attributes and the related locations in the text. */
START_TEST(junit_case_per_finding)
{
	cl_result *r =
	    cl_lint_file(linter, "fixtures/rules/CL408/fires-both-methods.xml",
	                 "m.xml", NULL);
	char *got, want[1024];
	const cl_diag *d;
	xmlDocPtr doc;
	xmlNodePtr fail;
	size_t i;

	ck_assert_ptr_nonnull(r);
	got = render(CL_FORMAT_JUNIT, &r, 1);
	doc = xml_parse(got);
	xml_validate(doc, SCHEMA_DIR "junit.xsd");
	fail = xml_find(xmlDocGetRootElement(doc), "failure");
	for (i = 0; i < cl_result_count(r); i++) {
		d = cl_result_diag(r, i);
		ck_assert_ptr_nonnull(fail);
		snprintf(want, sizeof(want), "%s m.xml:%u:%u",
		         cl_rule_id(cl_diag_rule(d)), cl_diag_line(d),
		         cl_diag_column(d));
		assert_attr(fail->parent, "name", want);
		snprintf(want, sizeof(want), "%u", cl_diag_line(d));
		assert_attr(fail->parent, "line", want);
		assert_attr(fail, "type", cl_rule_id(cl_diag_rule(d)));
		if (!strcmp(cl_rule_id(cl_diag_rule(d)), "CL408")) {
			/* both related locations, as notes */
			xmlChar *text = xmlNodeGetContent(fail);
			unsigned l, c, el, ec;
			size_t j;

			ck_assert_uint_eq(cl_diag_related_count(d), 2);
			for (j = 0; j < 2; j++) {
				const char *note =
				    cl_diag_related(d, j, &l, &c, &el, &ec);

				snprintf(want, sizeof(want),
				         "\nm.xml:%u:%u: note: %s", l, c, note);
				ck_assert_msg(
				    strstr((const char *)text, want) != NULL,
				    "%s not in %s", want, (const char *)text);
			}
			xmlFree(text);
		}
		fail = xml_find(fail->parent->next, "failure");
	}
	ck_assert_ptr_null(fail);
	xmlFreeDoc(doc);
	free(got);
	cl_result_free(r);
}
END_TEST

START_TEST(checkstyle_unreadable)
{
	cl_result *r[2];
	char *got;
	xmlDocPtr doc;

	two_results(r);
	cl_diag_sink_release(&r[0]->sink);
	cl_diag_sink_release(&r[1]->sink);
	/* met first, between the files, and last */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		cl_output *out = cl_output_new(CL_FORMAT_CHECKSTYLE, f, 0);

		cl_output_add_error(out, "first & <1>.xml",
		                    "Permission denied");
		cl_output_add(out, r[0]);
		cl_output_add_error(out, "gone.xml",
		                    "No such file or directory");
		cl_output_add(out, r[1]);
		cl_output_add_error(out, "d/x.xml", "Not a directory");
		cl_output_finish(out);
		cl_output_free(out);
		ck_assert_int_eq(fclose(f), 0);
		got = buf;
	}
	ASSERT_OUTPUT(
	    got,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<checkstyle version=\"4.3\">\n"
	    "  <file name=\"first &amp; &lt;1&gt;.xml\">\n"
	    "    <error line=\"0\" severity=\"error\" message=\"Permission "
	    "denied\" source=\"connlint.read-error\"/>\n"
	    "  </file>\n"
	    "  <file name=\"dup.xml\"/>\n"
	    "  <file name=\"gone.xml\">\n"
	    "    <error line=\"0\" severity=\"error\" message=\"No such file or "
	    "directory\" source=\"connlint.read-error\"/>\n"
	    "  </file>\n"
	    "  <file name=\"dir/Café &amp; &lt;co&gt;.xml\"/>\n"
	    "  <file name=\"d/x.xml\">\n"
	    "    <error line=\"0\" severity=\"error\" message=\"Not a "
	    "directory\" source=\"connlint.read-error\"/>\n"
	    "  </file>\n"
	    "</checkstyle>\n");
	doc = xml_parse(got);
	xml_validate(doc, SCHEMA_DIR "checkstyle.xsd");
	xmlFreeDoc(doc);
	free(got);
	free_two_results(r);
}
END_TEST

/* GitHub code scanning's security metadata: on CL501 to CL505, with the
 * CWEs of docs/output-formats.md, and on no other rule. */
START_TEST(sarif_security_properties)
{
	static const struct {
		const char *id, *props;
	} want[] = {
		{ "CL501",
		  "{\"tags\": [\"security\", \"external/cwe/cwe-798\"], "
		  "\"security-severity\": \"9.8\"}" },
		{ "CL502",
		  "{\"tags\": [\"security\", \"external/cwe/cwe-319\"], "
		  "\"security-severity\": \"7.5\"}" },
		{ "CL503",
		  "{\"tags\": [\"security\", \"external/cwe/cwe-522\"], "
		  "\"security-severity\": \"7.5\"}" },
		{ "CL504",
		  "{\"tags\": [\"security\", \"external/cwe/cwe-532\", "
		  "\"external/cwe/cwe-549\"], "
		  "\"security-severity\": \"5.5\"}" },
		{ "CL505",
		  "{\"tags\": [\"security\", \"external/cwe/cwe-598\"], "
		  "\"security-severity\": \"6.5\"}" },
	};
	char *got = render(CL_FORMAT_SARIF, NULL, 0);
	size_t i, k, n = cl_rule_count(), found = 0;

	assert_json(got);
	for (i = 0; i < n; i++) {
		const char *id = cl_rule_id(cl_rule_at(i));
		char key[32], *at, *end;

		snprintf(key, sizeof(key), "\"id\": \"%s\",", id);
		at = strstr(got, key);
		ck_assert_ptr_nonnull(at);
		/* the descriptor ends where the next begins */
		end = strstr(at + 1, "\"id\": \"CL");
		if (!end)
			end = strstr(at, "\"originalUriBaseIds\"");
		for (k = 0; k < CL_ARRAY_SIZE(want); k++)
			if (!strcmp(want[k].id, id))
				break;
		if (k == CL_ARRAY_SIZE(want)) {
			char *p = strstr(at, "\"properties\"");

			ck_assert_msg(!p || p > end, "%s has properties", id);
			continue;
		}
		{
			char line[256], *p;
			double score;

			snprintf(
			    line, sizeof(line),
			    "\"defaultConfiguration\": {\"level\": \"%s\"},\n"
			    "              \"properties\": %s\n",
			    cl_rule_severity(cl_rule_at(i)) == CL_SEV_ERROR
			        ? "error"
			        : "warning",
			    want[k].props);
			p = strstr(at, line);
			ck_assert_msg(p && p < end, "%s: no %s", id, line);
			/* GitHub reads a number from 0.0 to 10.0 */
			score = strtod(cl_rule_security_severity(cl_rule_at(i)),
			               &p);
			ck_assert(*p == '\0' && score > 0.0 && score <= 10.0);
			found++;
		}
	}
	ck_assert_uint_eq(found, CL_ARRAY_SIZE(want));
	free(got);
}
END_TEST

/* Replaces the message of related location J of diagnostic I. */
static void
set_related(cl_result *r, size_t i, size_t j, const char *message)
{
	struct cl_diag *d = &r->sink.items[i];

	ck_assert_uint_lt(j, d->nrelated);
	free(d->related[j].message);
	d->related[j].message = cl_strdup(message);
}

/* GitHub shows a related location only when the message links to it:
 * each related location's id is linked as [its message](id), with
 * brackets escaped (SARIF §3.11.6). */
START_TEST(sarif_related_links)
{
	cl_result *r[2];
	char *got;

	r[0] =
	    cl_lint_file(linter, "fixtures/rules/CL408/fires-both-methods.xml",
	                 "m.xml", NULL);
	ck_assert_ptr_nonnull(r[0]);
	ck_assert_uint_eq(cl_result_count(r[0]), 1);
	ck_assert_uint_eq(cl_diag_related_count(cl_result_diag(r[0], 0)), 2);
	set_diag(r[0], 0, CL_SEV_WARNING, "x [y](1) \\ z]");
	set_related(r[0], 0, 0, "first");
	set_related(r[0], 0, 1, "a [b](2) c]\\");
	/* no related location: only a '[' that could open a link */
	r[1] = lint("u.xml", doc_unicode);
	set_diag(r[1], 0, CL_SEV_ERROR, "[p] see [q](9) and [r]");
	got = render(CL_FORMAT_SARIF, r, 2);
	assert_json(got);
	/* as JSON: every backslash doubled */
	ck_assert_msg(strstr(got,
	                     "\"message\": {\"text\": \"x \\\\[y](1) \\\\ z] "
	                     "(see [first](1), [a \\\\[b\\\\](2) "
	                     "c\\\\]\\\\](2))\"}") != NULL,
	              "%s", sarif_tail(got));
	ck_assert_msg(strstr(got, "\"message\": {\"text\": \"\\\\[p] see "
	                          "\\\\[q](9) and [r]\"}") != NULL,
	              "%s", sarif_tail(got));
	/* the related locations keep their messages, plain text too */
	ck_assert_ptr_nonnull(
	    strstr(got, "\"message\": {\"text\": \"first\"}"));
	ck_assert_ptr_nonnull(
	    strstr(got, "\"message\": {\"text\": \"a \\\\[b](2) c]\\\\\"}}"));
	free(got);
	/* and so does a notification's reason */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		cl_output *out = cl_output_new(CL_FORMAT_SARIF, f, 0);

		cl_output_add_error(out, "[x](1).xml", "bad `[k](1)` here");
		cl_output_finish(out);
		cl_output_free(out);
		ck_assert_int_eq(fclose(f), 0);
		ck_assert_msg(
		    strstr(buf, "{\"text\": \"bad `\\\\[k](1)` here\"}") !=
		        NULL,
		    "%s", sarif_tail(buf));
		ck_assert_ptr_nonnull(
		    strstr(buf, "\"uri\": \"%5Bx%5D%281%29.xml\""));
		free(buf);
	}
	cl_result_free(r[0]);
	cl_result_free(r[1]);
}
END_TEST

/* A copy of S with every FROM replaced by TO; caller frees. */
static char *
replace_all(const char *s, const char *from, const char *to)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *p;

	while ((p = strstr(s, from))) {
		cl_strbuf_add(&sb, s, (size_t)(p - s));
		cl_strbuf_adds(&sb, to);
		s = p + strlen(from);
	}
	cl_strbuf_adds(&sb, s);
	return cl_strbuf_detach(&sb);
}

/* A link text is a related message, masked as every message is. */
START_TEST(sarif_related_links_masked)
{
	static const char token[] = "ghp_R7x2Kq9LmZ4vTn8WbY3cJd6Hs1Fg5PeQa0Uo";
	char *doc =
	    replace_all(doc_duplicate, "id=\"e\"",
	                "id=\"ghp_R7x2Kq9LmZ4vTn8WbY3cJd6Hs1Fg5PeQa0Uo\"");
	cl_result *r = lint("dup.xml", doc);
	const cl_diag *d = NULL;
	unsigned l, c, el, ec;
	char *got, want[512];
	const char *note;
	size_t i;

	for (i = 0; i < cl_result_count(r); i++)
		if (!strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))),
		            "CL006"))
			d = cl_result_diag(r, i);
	ck_assert_ptr_nonnull(d);
	note = cl_diag_related(d, 0, &l, &c, &el, &ec);
	ck_assert_ptr_nonnull(note);
	ck_assert_ptr_null(strstr(note, token));
	got = render(CL_FORMAT_SARIF, &r, 1);
	snprintf(want, sizeof(want), " (see [%s](1))\"}", note);
	ck_assert_msg(strstr(got, want) != NULL, "%s not in %s", want,
	              sarif_tail(got));
	ck_assert_ptr_null(strstr(got, token));
	ck_assert_ptr_null(strstr(got, token + 8));
	free(got);
	cl_result_free(r);
	free(doc);
}
END_TEST

/* SARIF URIs and fingerprints name a file the same however its path is
 * spelt; paths without "." or ".." segments keep the URI they had. */
START_TEST(file_uri_normalised)
{
	static const struct {
		const char *path, *uri;
		bool relative;
	} cases[] = {
		{ "x.xml", "x.xml", true },
		{ "./x.xml", "x.xml", true },
		{ "sub/../x.xml", "x.xml", true },
		{ ".//sub/./y/../../x.xml", "x.xml", true },
		{ "a//b/x.xml", "a/b/x.xml", true },
		{ "../up/x.xml", "../up/x.xml", true },
		{ "../../up/x.xml", "../../up/x.xml", true },
		{ "a/../../x.xml", "../x.xml", true },
		{ "../a/../x.xml", "../x.xml", true },
		{ "sub/..", ".", true },
		{ "/abs/sub/../x y.xml", "file:///abs/x%20y.xml", false },
		{ "/../x.xml", "file:///x.xml", false },
		{ "/a/./b/../../x.xml", "file:///x.xml", false },
		{ "<stdin>", "%3Cstdin%3E", true },
		{ "dir/..x/...y.xml", "dir/..x/...y.xml", true },
	};
	/* without "." or ".." segments (but a leading "./"), as before */
	static const char *const plain[] = {
		"a.xml",
		"./a.xml",
		"fixtures/rules/CL204/fires-duplicates.xml",
		"/abs/x y.xml",
		"dir with space/Café.xml",
		"<stdin>",
		"../up/a~b_c-d.xml",
		"c:x.xml",
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		struct cl_strbuf sb = CL_STRBUF_INIT;
		bool rel = cl_file_uri(&sb, cases[i].path);

		ck_assert_msg(!strcmp(cl_strbuf_str(&sb), cases[i].uri),
		              "%s: %s, want %s", cases[i].path,
		              cl_strbuf_str(&sb), cases[i].uri);
		ck_assert_int_eq(rel, cases[i].relative);
		cl_strbuf_release(&sb);
	}
	for (i = 0; i < CL_ARRAY_SIZE(plain); i++) {
		struct cl_strbuf a = CL_STRBUF_INIT, b = CL_STRBUF_INIT;

		cl_file_uri(&a, plain[i]);
		cl_path_to_uri(&b, plain[i]);
		ck_assert_str_eq(cl_strbuf_str(&a), cl_strbuf_str(&b));
		cl_strbuf_release(&a);
		cl_strbuf_release(&b);
	}
}
END_TEST

START_TEST(fingerprint_same_for_dot_segments)
{
	static const char *const names[] = { "x.xml", "./x.xml", "sub/../x.xml",
		                             "./sub/.//../x.xml" };
	cl_result *r[CL_ARRAY_SIZE(names)], *other;
	char *fp0, *fp, *uri0 = NULL;
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(names); i++)
		r[i] = lint(names[i], doc_duplicate);
	fp0 = cl_diag_fingerprint(r[0], cl_result_diag(r[0], 0));
	for (i = 1; i < CL_ARRAY_SIZE(names); i++) {
		fp = cl_diag_fingerprint(r[i], cl_result_diag(r[i], 0));
		ck_assert_msg(!strcmp(fp, fp0), "%s: %s, x.xml: %s", names[i],
		              fp, fp0);
		free(fp);
	}
	/* and in SARIF: the same URI and fingerprint for all four */
	{
		char *got = render(CL_FORMAT_SARIF, r, CL_ARRAY_SIZE(names));
		const char *p = got;
		size_t n = 0;
		char want[128];

		snprintf(want, sizeof(want),
		         "\"partialFingerprints\": {\"connlint/v1\": \"%s\"}",
		         fp0);
		while ((p = strstr(p, want))) {
			n++;
			p++;
		}
		ck_assert_uint_eq(n, CL_ARRAY_SIZE(names));
		ck_assert_ptr_null(strstr(got, "\"uri\": \"sub/"));
		ck_assert_ptr_null(strstr(got, "\"uri\": \"."));
		free(got);
	}
	/* a file elsewhere is another file */
	other = lint("../x.xml", doc_duplicate);
	fp = cl_diag_fingerprint(other, cl_result_diag(other, 0));
	ck_assert_str_ne(fp, fp0);
	free(fp);
	cl_result_free(other);
	free(uri0);
	free(fp0);
	for (i = 0; i < CL_ARRAY_SIZE(names); i++)
		cl_result_free(r[i]);
}
END_TEST

static Suite *
formats_ci_suite(void)
{
	Suite *s = suite_create("formats_ci");
	TCase *tc = tcase_create("formats");
	TCase *fp = tcase_create("fingerprints");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, format_names);
	tcase_add_test(tc, checkstyle_exact);
	tcase_add_test(tc, checkstyle_empty_and_clean);
	tcase_add_test(tc, junit_exact);
	tcase_add_test(tc, junit_empty);
	tcase_add_test(tc, xml_hostile_names);
	tcase_add_test(tc, github_exact);
	tcase_add_test(tc, github_property_escapes);
	tcase_add_test(tc, github_empty);
	tcase_add_test(tc, sarif_exact_results);
	tcase_add_test(tc, sarif_head_and_catalogue);
	tcase_add_test(tc, sarif_rule_descriptions);
	tcase_add_test(tc, sarif_uris);
	tcase_add_test(tc, sarif_unreadable_and_absolute);
	tcase_add_test(tc, sarif_json_hostile);
	tcase_add_test(tc, junit_counts_are_elements);
	tcase_add_test(tc, junit_case_per_finding);
	tcase_add_test(tc, checkstyle_unreadable);
	tcase_add_test(tc, sarif_security_properties);
	tcase_add_test(tc, sarif_related_links);
	tcase_add_test(tc, sarif_related_links_masked);
	tcase_add_test(tc, file_uri_normalised);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(fp, setup, teardown);
	tcase_add_test(fp, sha256_vectors);
	tcase_add_test(fp, fingerprint_stable_when_lines_added_above);
	tcase_add_test(
	    fp, fingerprint_ignores_indentation_and_line_numbers_in_messages);
	tcase_add_test(fp, fingerprint_differs_for_different_problems);
	tcase_add_test(fp, fingerprint_identical_findings_counted);
	tcase_add_test(fp, fingerprint_uses_masked_text);
	tcase_add_test(fp, fingerprint_same_for_dot_segments);
	suite_add_tcase(s, fp);
	return s;
}

int
main(void)
{
	int rc;

	rc = cl_check_run(formats_ci_suite());
	xmlCleanupParser();
	return rc;
}
