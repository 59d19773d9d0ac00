/*
 * Inline suppression comments (src/engine/suppress.c): what each directive
 * covers, CL009 unused-suppression and CL010 unknown-rule-in-suppression,
 * and how suppression meets rule selection and severities. The corpus
 * fixtures in fixtures/suppress/ show the same on whole files.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "util.h"
#include "lib/check_main.h"

/* A small connector, clean with every rule; VARS goes into the connector
 * variables after `host`, URL is the endpoint's url element. */
#define HEAD                                                                       \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                             \
	"<connector format=\"1\" name=\"Acme Inventory\" version=\"1\" "           \
	"system-type=\"Warehouse\">\n"                                             \
	"  <description>Stock levels from the Acme inventory API.</description>\n" \
	"  <variables>\n"                                                          \
	"    <variable key=\"host\" label=\"Host name\" required=\"true\"/>\n"
#define MIDDLE                                                                     \
	"  </variables>\n"                                                         \
	"  <auth-methods>\n"                                                       \
	"    <auth-method id=\"acme-basic\" name=\"Username and password\" "       \
	"type=\"basic\">\n"                                                        \
	"      <url>https://{{host}}/api/login</url>\n"                            \
	"      <variables>\n"                                                      \
	"        <variable key=\"username\" label=\"Username\" required=\"true\" " \
	"locked=\"true\"/>\n"                                                      \
	"        <variable key=\"password\" label=\"Password\" required=\"true\" " \
	"secret=\"true\" locked=\"true\"/>\n"                                      \
	"        <use variable=\"host\"/>\n"                                       \
	"      </variables>\n"                                                     \
	"    </auth-method>\n"                                                     \
	"  </auth-methods>\n"                                                      \
	"  <endpoints>\n"                                                          \
	"    <endpoint id=\"list-stock\" name=\"List stock\" entity=\"Stock\" "    \
	"direction=\"receive\" method=\"GET\" data-type=\"json\">\n"
#define TAIL                                           \
	"      <enable auth-method=\"acme-basic\"/>\n" \
	"    </endpoint>\n"                            \
	"  </endpoints>\n"                             \
	"</connector>\n"
#define URL "      <url>https://{{host}}/api/stock</url>\n"
#define DOC(vars) HEAD vars MIDDLE URL TAIL

/* An unused connector variable: CL101 at its key. */
#define REGION                                                          \
	"    <variable key=\"region\" label=\"Region\" default=\"eu\" " \
	"configurable=\"true\"/>\n"
#define ZONE                                                        \
	"    <variable key=\"zone\" label=\"Zone\" default=\"eu\" " \
	"configurable=\"true\"/>\n"

/* The diagnostics of R, one per line: "LINE:COL RULE severity". */
static char *
brief(const cl_result *r)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		cl_strbuf_addf(&sb, "%u:%u %s %s\n", cl_diag_line(d),
		               cl_diag_column(d), cl_rule_id(cl_diag_rule(d)),
		               cl_severity_name(cl_diag_severity(d)));
	}
	return cl_strbuf_detach(&sb);
}

static cl_result *
lint_with(cl_linter *l, const char *text)
{
	return cl_lint_memory(l, "s.connector.xml", text, strlen(text));
}

/* Lints TEXT with every rule and compares brief() with WANT. */
static void
expect(const char *text, const char *want)
{
	cl_linter *l = cl_linter_new();
	cl_result *r = lint_with(l, text);
	char *got = brief(r);

	ck_assert_msg(!strcmp(got, want), "expected:\n%sgot:\n%s", want, got);
	free(got);
	cl_result_free(r);
	cl_linter_free(l);
}

/* The message of the first diagnostic of RULE in TEXT (every rule on). */
static char *
message_of(const char *text, const char *rule)
{
	cl_linter *l = cl_linter_new();
	cl_result *r = lint_with(l, text);
	char *msg = NULL;
	size_t i;

	for (i = 0; !msg && i < cl_result_count(r); i++)
		if (!strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))),
		            rule))
			msg = cl_strdup(cl_diag_message(cl_result_diag(r, i)));
	cl_result_free(r);
	cl_linter_free(l);
	ck_assert_msg(msg != NULL, "no %s diagnostic", rule);
	return msg;
}

START_TEST(baseline)
{
	/* The base connector is clean; an unused variable is one CL101. */
	expect(DOC(""), "");
	expect(DOC(REGION), "6:20 CL101 warning\n");
}
END_TEST

START_TEST(next_line)
{
	expect(
	    DOC("    <!-- connlint-disable-next-line CL101 legacy -->\n" REGION),
	    "");
	/* by slug, any case of the ID, several names */
	expect(
	    DOC("    <!-- connlint-disable-next-line unused-connector-variable -->\n" REGION),
	    "");
	expect(DOC("    <!-- connlint-disable-next-line cl101 -->\n" REGION),
	       "");
	/* only the next element */
	expect(
	    DOC("    <!-- connlint-disable-next-line CL101 -->\n" REGION ZONE),
	    "8:20 CL101 warning\n");
	/* comments and blank lines in between do not matter */
	expect(DOC("    <!-- connlint-disable-next-line CL101 -->\n\n"
	           "    <!-- the region -->\n" REGION),
	       "");
	/* a start tag over several lines, reported on its third */
	expect(
	    DOC("    <!-- connlint-disable-next-line CL101 -->\n"
	        "    <variable\n      label=\"Region\"\n      key=\"region\"\n"
	        "      default=\"eu\" configurable=\"true\"/>\n"),
	    "");
	/* another rule suppresses nothing: CL101 stays, CL009 at CL303 */
	expect(DOC("    <!-- connlint-disable-next-line CL303 -->\n" REGION),
	       "6:37 CL009 info\n7:20 CL101 warning\n");
}
END_TEST

START_TEST(next_line_element_scope)
{
	/* An element with children: its start tag only. */
	expect(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"Acme Inventory\" version=\"1\" "
	    "system-type=\"Warehouse\">\n"
	    "  <description>Stock levels from the Acme inventory API.</description>\n"
	    "  <!-- connlint-disable-next-line CL101 -->\n"
	    "  <variables>\n"
	    "    <variable key=\"host\" label=\"Host name\" required=\"true\"/>\n" REGION
	        MIDDLE URL TAIL,
	    "4:35 CL009 info\n7:20 CL101 warning\n");
	/* A leaf with text: the whole element, its text included. */
	expect(
	    HEAD MIDDLE
	    "      <!-- connlint-disable-next-line CL104 the platform fills it -->\n"
	    "      <url>https://{{host}}/api/{{tenant}}/stock</url>\n" TAIL,
	    "");
	expect(HEAD MIDDLE
	       "      <url>https://{{host}}/api/{{tenant}}/stock</url>\n" TAIL,
	       "19:33 CL104 error\n");
	/* Nothing after it. */
	expect(DOC("") "<!-- connlint-disable-next-line CL101 -->\n",
	       "24:33 CL009 info\n");
}
END_TEST

START_TEST(range)
{
	expect(DOC("    <!-- connlint-disable CL101 -->\n" REGION ZONE
	           "    <!-- connlint-enable CL101 -->\n"),
	       "");
	/* the range ends at the enable */
	expect(DOC("    <!-- connlint-disable CL101 -->\n" REGION
	           "    <!-- connlint-enable CL101 -->\n" ZONE),
	       "9:20 CL101 warning\n");
	/* without an enable: to the end of the file */
	expect(DOC("    <!-- connlint-disable CL101 -->\n" REGION ZONE), "");
	/* an enable for another rule does not end it */
	expect(DOC("    <!-- connlint-disable CL101, CL102 -->\n" REGION
	           "    <!-- connlint-enable CL102 -->\n" ZONE),
	       "6:34 CL009 info\n");
	/* an enable with no disable; a disable of a disabled rule */
	expect(DOC("    <!-- connlint-enable CL101 -->\n" REGION),
	       "6:26 CL009 info\n7:20 CL101 warning\n");
	expect(DOC("    <!-- connlint-disable CL101 -->\n" REGION
	           "    <!-- connlint-disable CL101 -->\n" ZONE),
	       "8:27 CL009 info\n");
	/* a range with nothing in it */
	expect(DOC("    <!-- connlint-disable CL101 -->\n"
	           "    <!-- connlint-enable CL101 -->\n" REGION),
	       "6:27 CL009 info\n8:20 CL101 warning\n");
}
END_TEST

START_TEST(unused_range_message)
{
	char *m = message_of(DOC("    <!-- connlint-disable CL101 -->\n"
	                         "    <!-- connlint-enable CL101 -->\n"),
	                     "CL009");

	ck_assert_str_eq(
	    m, "`connlint-disable` for CL101 (unused-connector-variable) "
	       "suppresses nothing: there is no CL101 diagnostic between "
	       "it and its `connlint-enable`; remove CL101 from the "
	       "comment and from the `connlint-enable`");
	free(m);
	m = message_of(
	    DOC("    <!-- connlint-disable-next-line CL101, CL303 -->\n" REGION),
	    "CL009");
	ck_assert_str_eq(
	    m, "`connlint-disable-next-line` for CL303 "
	       "(wrong-grant-type) suppresses nothing: the next element "
	       "has no CL303 diagnostic; remove CL303 from the comment");
	free(m);
}
END_TEST

START_TEST(whole_file)
{
	/* anywhere in the file, before or after the finding */
	expect(DOC("    <!-- connlint-disable-file CL101 -->\n" REGION ZONE),
	       "");
	expect(DOC(REGION ZONE) "<!-- connlint-disable-file CL101 -->\n", "");
	expect(DOC("") "<!-- connlint-disable-file CL101 -->\n",
	       "24:28 CL009 info\n");
}
END_TEST

START_TEST(unknown_rules)
{
	char *m;

	expect(DOC("    <!-- connlint-disable-next-line CL1O1 -->\n" REGION),
	       "6:37 CL010 warning\n7:20 CL101 warning\n");
	m = message_of(
	    DOC("    <!-- connlint-disable-next-line CL1O1 -->\n" REGION),
	    "CL010");
	ck_assert_str_eq(
	    m, "unknown rule `CL1O1` in `connlint-disable-next-line`; "
	       "did you mean `CL101` (unused-connector-variable)?");
	free(m);
	/* a known name beside an unknown one still works */
	expect(
	    DOC("    <!-- connlint-disable-next-line CL999, CL101 -->\n" REGION),
	    "6:37 CL010 warning\n");
	m = message_of(
	    DOC("    <!-- connlint-disable-next-line CL1 -->\n" REGION),
	    "CL010");
	ck_assert_str_eq(
	    m, "`CL1` in `connlint-disable-next-line` is an ID prefix; "
	       "a suppression comment names single rules, by ID or slug");
	free(m);
	m = message_of(DOC("    <!-- connlint-disable-next-line -->\n" REGION),
	               "CL010");
	ck_assert_str_eq(
	    m, "`connlint-disable-next-line` names no rule; write the "
	       "IDs or slugs of the rules it is for after it, separated "
	       "by commas");
	free(m);
	m = message_of(DOC("    <!-- connlint-disabel CL101 -->\n" REGION),
	               "CL010");
	ck_assert_str_eq(
	    m, "unknown suppression comment `connlint-disabel`; did you "
	       "mean `connlint-disable`?");
	free(m);
	m = message_of(DOC("    <!-- connlint-disable-line CL101 -->\n" REGION),
	               "CL010");
	ck_assert_str_eq(
	    m, "unknown suppression comment `connlint-disable-line`; "
	       "put a `connlint-disable-next-line` comment before the "
	       "element instead");
	free(m);
	/* "CL101 CL102": CL102 is the reason, which is said */
	expect(
	    DOC("    <!-- connlint-disable-next-line CL101 CL102 -->\n" REGION),
	    "6:43 CL010 warning\n");
	/* the reason may say anything else, punctuation included */
	expect(DOC("    <!-- connlint-disable-next-line CL101: kept (see #12), "
	           "CL102 is fine -->\n" REGION),
	       "");
	/* comments that do not start with connlint- are not directives */
	expect(DOC("    <!-- see connlint-disable-next-line in the docs -->\n"
	           "    <!-- Connlint-disable CL101 -->\n"),
	       "");
}
END_TEST

START_TEST(disabled_rules_are_not_unused)
{
	/* the next element is <auth-methods>: neither rule reports there */
	const char *text = DOC(REGION "    <!-- connlint-disable-next-line "
	                              "CL101, CL402 -->\n");
	cl_linter *l = cl_linter_new();
	cl_result *r = lint_with(l, text);
	char *got = brief(r);

	/* both unused when every rule runs */
	ck_assert_str_eq(
	    got, "6:20 CL101 warning\n7:37 CL009 info\n7:44 CL009 info\n");
	free(got);
	cl_result_free(r);

	/* CL402 does not run: its suppression cannot be judged */
	ck_assert_int_eq(cl_linter_ignore(l, "CL402", NULL), 0);
	r = lint_with(l, text);
	got = brief(r);
	ck_assert_str_eq(got, "6:20 CL101 warning\n7:37 CL009 info\n");
	free(got);
	cl_result_free(r);

	/* neither runs: nothing; severity off counts as not running */
	ck_assert_int_eq(cl_linter_severity(l, "CL101=off", NULL), 0);
	r = lint_with(l, text);
	ck_assert_uint_eq(cl_result_count(r), 0);
	cl_result_free(r);
	cl_linter_free(l);

	/* --select without the rule */
	l = cl_linter_new();
	ck_assert_int_eq(cl_linter_select(l, "CL009", NULL), 0);
	r = lint_with(l, text);
	ck_assert_uint_eq(cl_result_count(r), 0);
	cl_result_free(r);
	cl_linter_free(l);
}
END_TEST

START_TEST(severities_and_meta)
{
	cl_linter *l = cl_linter_new();
	const char *text =
	    DOC("<!-- connlint-disable-next-line CL1O1 -->\n"
	        "    <!-- connlint-disable-next-line CL303 -->\n");
	cl_result *r;
	char *got;

	/* CL009 and CL010 take severity overrides like any rule */
	ck_assert_int_eq(
	    cl_linter_severity(l, "CL009=warning,CL010=error", NULL), 0);
	r = lint_with(l, text);
	got = brief(r);
	ck_assert_str_eq(got, "6:33 CL010 error\n7:37 CL009 warning\n");
	free(got);
	ck_assert_uint_eq(cl_result_count_severity(r, CL_SEV_ERROR), 1);
	cl_result_free(r);
	cl_linter_free(l);

	/* and can be suppressed; those suppressions are never unused */
	expect(DOC("<!-- connlint-disable-file CL009, CL010 -->\n"
	           "<!-- connlint-disable-next-line CL1O1 -->\n"),
	       "");
	expect(DOC("<!-- connlint-disable-file CL009 -->\n"
	           "<!-- connlint-disable-next-line CL1O1 -->\n"),
	       "7:33 CL010 warning\n");
}
END_TEST

START_TEST(suppressed_from_every_output)
{
	const char *text =
	    DOC("    <!-- connlint-disable-next-line CL101 -->\n" REGION);
	cl_linter *l = cl_linter_new();
	cl_result *r = lint_with(l, text);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cl_output *o = cl_output_new(CL_FORMAT_JSON, f, 0);

	ck_assert_uint_eq(cl_result_count(r), 0);
	ck_assert_uint_eq(cl_result_count_severity(r, CL_SEV_WARNING), 0);
	cl_output_add(o, r);
	cl_output_finish(o);
	cl_output_free(o);
	fclose(f);
	ck_assert_msg(strstr(buf, "\"diagnostics\": []") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "\"warning\": 0") != NULL, "%s", buf);
	free(buf);
	cl_result_free(r);
	cl_linter_free(l);
}
END_TEST

START_TEST(other_documents)
{
	/* not well-formed: no comments read, no crash */
	expect("<!-- connlint-disable-file CL001 -->\n<connector",
	       "2:11 CL001 error\n");
	/* another root: rules did not run, so nothing is unused */
	expect("<!-- connlint-disable-file CL101 -->\n<config/>\n",
	       "2:2 CL002 error\n");
	/* the parser's own findings can be suppressed too */
	expect("<!-- connlint-disable-file CL002 -->\n<config/>\n", "");
	/* CRLF line ends */
	expect(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
	    "<connector format=\"1\" name=\"Acme Inventory\" version=\"1\" "
	    "system-type=\"Warehouse\">\r\n"
	    "  <variables>\r\n"
	    "    <variable key=\"host\" label=\"Host name\" required=\"true\"/>\r\n"
	    "    <!-- connlint-disable-next-line CL101\r\n"
	    "         kept for old instances -->\r\n"
	    "    <variable key=\"region\" label=\"Region\" default=\"eu\"\r\n"
	    "              configurable=\"true\"/>\r\n" MIDDLE URL TAIL,
	    "");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("suppress");
	TCase *tc = tcase_create("suppress");

	tcase_add_test(tc, baseline);
	tcase_add_test(tc, next_line);
	tcase_add_test(tc, next_line_element_scope);
	tcase_add_test(tc, range);
	tcase_add_test(tc, unused_range_message);
	tcase_add_test(tc, whole_file);
	tcase_add_test(tc, unknown_rules);
	tcase_add_test(tc, disabled_rules_are_not_unused);
	tcase_add_test(tc, severities_and_meta);
	tcase_add_test(tc, suppressed_from_every_output);
	tcase_add_test(tc, other_documents);
	suite_add_tcase(s, tc);

	return cl_check_run(s);
}
