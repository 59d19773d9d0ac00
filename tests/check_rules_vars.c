/*
 * The variable and placeholder rules (rules/CL101_*.c to CL114_*.c, rules/lib/scope.c), through
 * the public API: small documents linted in memory, with the rule and the
 * exact position of every diagnostic asserted.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "lib/diag.h"
#include "util.h"
#include "lib/check_main.h"

/* The rules under test; diagnostics of other rules are left out. */
static const char *const my_rules[] = { "CL101", "CL104", "CL105", "CL106",
	                                "CL107", "CL108", "CL109" };

/*
 * A document in the fixed layout below; each slot is one line, so the
 * line numbers never move:
 *
 *   4  CONN_VARS  (inside <connector><variables>)
 *   8  AUTH_URL   (the basic method's <url>)
 *  12  AUTH_VARS  (after username and password in its <variables>)
 *  18  EP_URL     (the endpoint's <url>)
 *  19  EP_EXTRA   (more children of the endpoint)
 */
struct doc {
	const char *conn_vars, *auth_url, *auth_vars, *ep_url, *ep_extra;
};

static const struct doc base = {
	"    <variable key=\"host\" label=\"Host\" required=\"true\"/>",
	"      <url>https://{{host}}/login</url>",
	"        <use variable=\"host\"/>",
	"      <url>https://{{host}}/items</url>",
	"",
};

/* Caller frees. */
static char *
render(const struct doc *d)
{
	return cl_xasprintf(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"T\">\n"
	    "  <variables>\n"
	    "%s\n"
	    "  </variables>\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"basic\" name=\"Basic\" type=\"basic\">\n"
	    "%s\n"
	    "      <variables>\n"
	    "        <variable key=\"username\" label=\"User\" required=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "%s\n"
	    "      </variables>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"items\" name=\"Items\" direction=\"receive\" method=\"GET\">\n"
	    "%s\n"
	    "%s\n"
	    "      <enable auth-method=\"basic\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n",
	    d->conn_vars, d->auth_url, d->auth_vars, d->ep_url, d->ep_extra);
}

static cl_linter *linter;

static cl_result *
lint(const char *xml)
{
	return cl_lint_memory(linter, "test.xml", xml, strlen(xml));
}

/* My rules' diagnostics in R as "CL104@18:21-18:29" items (summary_of).
 * Caller frees. */
static char *
summary(const cl_result *r)
{
	return summary_of(r, my_rules, CL_ARRAY_SIZE(my_rules), 0);
}

/* Lints D and checks the summary of my rules. Caller frees the result. */
static cl_result *
lint_doc(const struct doc *d, const char *want)
{
	char *xml = render(d);
	cl_result *r = lint(xml);

	free(xml);
	EXPECT_SUMMARY(r, want);
	return r;
}

START_TEST(test_base_is_clean)
{
	char *xml = render(&base);
	cl_result *r = lint(xml);

	/* Not only my rules: the base must be clean for the others to
	 * show only what each test adds. */
	ck_assert_msg(cl_result_count(r) == 0, "%zu diagnostics, first: %s",
	              cl_result_count(r),
	              cl_result_count(r) ? cl_diag_message(cl_result_diag(r, 0))
	                                 : "");
	cl_result_free(r);
	free(xml);
}
END_TEST

START_TEST(test_cl101_unused_connector_variable)
{
	struct doc d = base;
	cl_result *r;

	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/>"
	    "<variable key=\"region\" label=\"Region\" default=\"eu\"/>";
	r = lint_doc(&d, "CL101@4:71-4:77");
	EXPECT_MESSAGE(r, "CL101", "`region`");
	cl_result_free(r);

	/* Referenced by an endpoint only: not unused. */
	d.ep_url = "      <url>https://{{host}}/items/{{region}}</url>";
	r = lint_doc(&d, "");
	cl_result_free(r);

	/* Used by an auth method only: asked of users, so not unused. */
	d.ep_url = base.ep_url;
	d.auth_vars =
	    "        <use variable=\"host\"/><use variable=\"region\"/>";
	r = lint_doc(&d, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl104_undefined_placeholder)
{
	struct doc d = base;
	cl_result *r;

	d.ep_url = "      <url>https://{{hosts}}/items</url>";
	r = lint_doc(&d, "CL104@18:20-18:29");
	EXPECT_MESSAGE(r, "CL104", "`{{hosts}}`");
	EXPECT_MESSAGE(r, "CL104", "endpoint `items`");
	EXPECT_MESSAGE(r, "CL104", "did you mean `host`?");
	cl_result_free(r);

	/* In an auth method; nothing near. */
	d = base;
	d.auth_url = "      <url>https://{{host}}/login/{{tenant}}</url>";
	r = lint_doc(&d, "CL104@8:35-8:45");
	EXPECT_MESSAGE(r, "CL104", "auth method `basic`");
	ck_assert_ptr_null(
	    strstr(cl_diag_message(find(r, "CL104")), "did you"));
	cl_result_free(r);

	/* An endpoint variable of another endpoint is not in scope, in a
	 * param value after non-ASCII text. */
	d = base;
	d.ep_extra =
	    "      <url-params><param key=\"größe\" value=\"{{size}}\"/></url-params>";
	r = lint_doc(&d, "CL104@19:45-19:53");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl104_scope_through_enabled_method)
{
	/* The endpoint may use the auth variable `username` of the method
	 * it enables; `api_key` belongs to a method it does not enable. */
	static const char xml[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"T\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"basic\" name=\"Basic\" type=\"basic\">\n"
	    "      <url>https://example.com/login</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"username\" label=\"User\" required=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "      </variables>\n"
	    "    </auth-method>\n"
	    "    <auth-method id=\"tok\" name=\"Token\" type=\"token\">\n"
	    "      <url>https://example.com/token</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"api_key\" label=\"API key\" required=\"true\"/>\n"
	    "      </variables>\n"
	    "      <headers><param key=\"Authorization\" value=\"Bearer {{token}}\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"items\" name=\"Items\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://example.com/u/{{username}}/{{api_key}}</url>\n"
	    "      <enable auth-method=\"basic\"/>\n"
	    "    </endpoint>\n"
	    "    <endpoint id=\"keys\" name=\"Keys\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://example.com/k/{{api_key}}</url>\n"
	    "      <enable auth-method=\"tok\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n";
	cl_result *r = lint(xml);

	EXPECT_SUMMARY(r, "CL104@22:47-22:58");
	EXPECT_MESSAGE(r, "CL104", "auth method `tok` defines it");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl105_case_mismatch)
{
	struct doc d = base;
	cl_result *r;

	/* Non-ASCII before the fault: columns count characters. */
	d.ep_url = "      <url>https://{{host}}/größe/店铺/{{Host}}</url>";
	r = lint_doc(&d, "CL105@18:38-18:46");
	EXPECT_MESSAGE(r, "CL105", "`{{Host}}`");
	EXPECT_MESSAGE(r, "CL105", "did you mean `{{host}}`?");
	ck_assert_ptr_null(find(r, "CL104"));
	ck_assert_uint_eq(cl_diag_byte_column(find(r, "CL105")), 44);
	cl_result_free(r);

	/* Case-different from an auth variable of the enabled method. */
	d = base;
	d.ep_extra =
	    "      <headers><param key=\"X-User\" value=\"{{UserName}}\"/></headers>";
	r = lint_doc(&d, "CL105@19:43-19:55");
	EXPECT_MESSAGE(r, "CL105", "variable `username`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl106_malformed_placeholder)
{
	struct doc d = base;
	cl_result *r;

	d.ep_url = "      <url>https://{host}}/items/{id}/${x}</url>";
	r = lint_doc(&d,
	             "CL106@18:20-18:27 CL106@18:34-18:38 CL106@18:39-18:43");
	EXPECT_MESSAGE(r, "CL106", "did you mean `{{host}}`?");
	cl_result_free(r);

	/* A multi-line body whose JSON is fine, then a near miss after
	 * non-ASCII text. */
	d = base;
	d.ep_extra =
	    "      <body format=\"raw\" data-type=\"json\"><content>{\"a\": {\"b\": [[1,2]]},\n"
	    "\"name\": \"Größe\", \"c\": [{\"x\": {}}], \"d\": \"{{ host }}\"}</content></body>";
	r = lint_doc(&d, "CL106@20:42-20:52");
	EXPECT_MESSAGE(r, "CL106", "`{{ host }}`");
	cl_result_free(r);

	/* Empty, and an invalid key. */
	d = base;
	d.auth_url = "      <url>https://{{host}}/login/{{}}/{{a b}}</url>";
	r = lint_doc(&d, "CL106@8:35-8:39 CL106@8:40-8:47");
	EXPECT_MESSAGE(r, "CL106", "empty placeholder `{{}}`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl107_duplicate_variable_key)
{
	struct doc d = base;
	cl_result *r;
	const cl_diag *dg;
	unsigned line, col, eline, ecol;

	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/>"
	    "<variable key=\"host\" label=\"Host 2\"/>";
	r = lint_doc(&d, "CL107@4:71-4:75");
	dg = find(r, "CL107");
	ck_assert_uint_eq(cl_diag_related_count(dg), 1);
	ck_assert_ptr_nonnull(
	    cl_diag_related(dg, 0, &line, &col, &eline, &ecol));
	ck_assert_uint_eq(line, 4);
	ck_assert_uint_eq(col, 20);
	ck_assert_uint_eq(eline, 4);
	ck_assert_uint_eq(ecol, 24);
	cl_result_free(r);

	/* A use counts as a variable of its method. */
	d = base;
	d.auth_vars =
	    "        <use variable=\"host\"/><variable key=\"host\" label=\"H\" required=\"true\"/>";
	r = lint_doc(&d, "CL107@12:46-12:50");
	dg = find(r, "CL107");
	ck_assert_ptr_nonnull(
	    cl_diag_related(dg, 0, &line, &col, &eline, &ecol));
	ck_assert_uint_eq(line, 12);
	ck_assert_uint_eq(col, 24);
	cl_result_free(r);

	/* The same key in two scopes is not a duplicate. */
	d = base;
	d.ep_extra =
	    "      <variables><variable key=\"page\" label=\"Page\" default=\"1\"/></variables>"
	    "<url-params><param key=\"p\" value=\"{{page}}\"/></url-params>";
	r = lint_doc(&d, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl108_use_of_undefined_variable)
{
	struct doc d = base;
	cl_result *r;

	/* The misspelt use also leaves {{host}} in the method un-used. */
	d.auth_vars = "        <use variable=\"hosts\"/>";
	r = lint_doc(&d, "CL109@8:20-8:28 CL108@12:24-12:29");
	EXPECT_MESSAGE(r, "CL108", "did you mean `host`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl109_not_used_by_method)
{
	struct doc d = base;
	cl_result *r;

	d.auth_vars = "";
	r = lint_doc(&d, "CL109@8:20-8:28");
	EXPECT_MESSAGE(r, "CL109", "auth method `basic`");
	EXPECT_MESSAGE(r, "CL109", "<use variable=\"host\"/>");
	cl_result_free(r);
}
END_TEST

START_TEST(test_disabled_rules_stay_quiet)
{
	struct doc d = base;
	char *xml;
	cl_linter *l = cl_linter_new();
	cl_result *r;

	ck_assert_int_eq(
	    cl_linter_ignore(l, "CL104,placeholder-case-mismatch", NULL), 0);
	d.ep_url = "      <url>https://{{hosts}}/{{Host}}</url>";
	xml = render(&d);
	r = cl_lint_memory(l, "t.xml", xml, strlen(xml));
	ck_assert_ptr_null(find(r, "CL104"));
	ck_assert_ptr_null(find(r, "CL105"));
	cl_result_free(r);
	free(xml);
	cl_linter_free(l);
}
END_TEST

static Suite *
vars_suite(void)
{
	Suite *s = suite_create("rules-variables");
	TCase *tc = tcase_create("cl1xx");

	tcase_add_test(tc, test_base_is_clean);
	tcase_add_test(tc, test_cl101_unused_connector_variable);
	tcase_add_test(tc, test_cl104_undefined_placeholder);
	tcase_add_test(tc, test_cl104_scope_through_enabled_method);
	tcase_add_test(tc, test_cl105_case_mismatch);
	tcase_add_test(tc, test_cl106_malformed_placeholder);
	tcase_add_test(tc, test_cl107_duplicate_variable_key);
	tcase_add_test(tc, test_cl108_use_of_undefined_variable);
	tcase_add_test(tc, test_cl109_not_used_by_method);
	tcase_add_test(tc, test_disabled_rules_stay_quiet);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	int rc;

	linter = cl_linter_new();
	rc = cl_check_run(vars_suite());
	cl_linter_free(linter);
	return rc;
}
