/*
 * The name, order and variable-usage rules (rules/CL006_*.c to
 * CL008_*.c, rules/CL10x_*.c, rules/lib/usage.c), through the public API: small documents linted in
 * memory, with the rule and the exact position of every diagnostic (and
 * of its related locations) asserted.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "connlint.h"
#include "lib/diag.h"
#include "util.h"
#include "lib/check_main.h"

/* The rules under test; diagnostics of other rules are left out. */
static const char *const my_rules[] = { "CL007", "CL008", "CL102",
	                                "CL103", "CL110", "CL111",
	                                "CL112", "CL113", "CL114" };

/*
 * A document in the fixed layout below; each slot is one line, so the
 * line numbers never move:
 *
 *   4  CONN_VARS  (inside <connector><variables>)
 *   8  BASIC_URL  (the basic method's <url>)
 *  12  BASIC_VARS (after username and password in its <variables>)
 *  18  TOK_VARS   (after token in the token method's <variables>)
 *  25  EP_URL     (endpoint `items`: its <url>)
 *  26  EP_EXTRA   (more children of `items`)
 *  28  EP_ENABLE  (after <enable auth-method="basic"/> in `items`)
 *  30  EP2        (a second endpoint, on one line)
 */
struct doc {
	const char *conn_vars, *basic_url, *basic_vars, *tok_vars, *ep_url,
	    *ep_extra, *ep_enable, *ep2;
};

static const struct doc base = {
	"    <variable key=\"host\" label=\"Host\" required=\"true\"/>",
	"      <url>https://{{host}}/login</url>",
	"        <use variable=\"host\"/>",
	"        <use variable=\"host\"/>",
	"      <url>https://{{host}}/items</url>",
	"",
	"      <enable auth-method=\"tok\"/>",
	"    <endpoint id=\"users\" name=\"Users\" direction=\"receive\" "
	"method=\"GET\"><url>https://{{host}}/users</url>"
	"<enable auth-method=\"basic\"/><enable auth-method=\"tok\"/></endpoint>",
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
	    "    <auth-method id=\"tok\" name=\"Token\" type=\"token\">\n"
	    "      <url>https://{{host}}/me</url>\n"
	    "      <variables><variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "%s\n"
	    "      </variables>\n"
	    "      <headers><param key=\"X-Token\" value=\"{{token}}\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"items\" name=\"Items\" direction=\"receive\" method=\"GET\">\n"
	    "%s\n"
	    "%s\n"
	    "      <enable auth-method=\"basic\"/>\n"
	    "%s\n"
	    "    </endpoint>\n"
	    "%s\n"
	    "  </endpoints>\n"
	    "</connector>\n",
	    d->conn_vars, d->basic_url, d->basic_vars, d->tok_vars, d->ep_url,
	    d->ep_extra, d->ep_enable, d->ep2);
}

static cl_linter *linter;

static cl_result *
lint_with(cl_linter *l, const char *xml)
{
	return cl_lint_memory(l, "test.xml", xml, strlen(xml));
}

/* My rules' diagnostics in R, with related locations, as
 * "CL110@26:20-26:30[15:22-15:25]" items (summary_of). Caller frees. */
static char *
summary(const cl_result *r)
{
	return summary_of(r, my_rules, CL_ARRAY_SIZE(my_rules), 1);
}

/* Lints XML with L and checks the summary of my rules. Caller frees the
 * result. */
static cl_result *
lint_xml_with(cl_linter *l, const char *xml, const char *want)
{
	cl_result *r = lint_with(l, xml);

	EXPECT_SUMMARY(r, want);
	return r;
}

static cl_result *
lint_doc(const struct doc *d, const char *want)
{
	char *xml = render(d);
	cl_result *r = lint_xml_with(linter, xml, want);

	free(xml);
	return r;
}

/* The diagnostics of every rule in R, for failure messages. Caller frees. */
static char *
all_messages(const cl_result *r)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		cl_strbuf_addf(&sb, "\n  %u:%u %s %s", cl_diag_line(d),
		               cl_diag_column(d), cl_rule_id(cl_diag_rule(d)),
		               cl_diag_message(d));
	}
	return sb.buf ? cl_strbuf_detach(&sb) : cl_strdup("");
}

START_TEST(test_base_is_clean)
{
	char *xml = render(&base), *all;
	cl_result *r = lint_with(linter, xml);

	/* Not only my rules: the base must be clean for the others to
	 * show only what each test adds. */
	all = all_messages(r);
	ck_assert_msg(cl_result_count(r) == 0, "diagnostics:%s", all);
	free(all);
	cl_result_free(r);
	free(xml);
}
END_TEST

/* ---- CL007 ---- */

START_TEST(test_cl007_duplicate_endpoint_name)
{
	struct doc d = base;
	cl_result *r;

	d.ep2 =
	    "    <endpoint id=\"users\" name=\"Items\" direction=\"receive\" "
	    "method=\"GET\"><url>https://{{host}}/users</url>"
	    "<enable auth-method=\"basic\"/><enable auth-method=\"tok\"/></endpoint>";
	r = lint_doc(&d, "CL007@30:32-30:37[24:32-24:37]");
	EXPECT_MESSAGE(r, "CL007",
	               "`Items` is already the name of endpoint `items`");
	cl_result_free(r);

	/* Case and spacing only: the same name to a reader. */
	d.ep2 =
	    "    <endpoint id=\"users\" name=\" ITEMS \" direction=\"receive\" "
	    "method=\"GET\"><url>https://{{host}}/users</url>"
	    "<enable auth-method=\"basic\"/><enable auth-method=\"tok\"/></endpoint>";
	r = lint_doc(&d, "CL007@30:32-30:39[24:32-24:37]");
	EXPECT_MESSAGE(r, "CL007", "only in case or spacing");
	cl_result_free(r);

	/* The same id too: one duplicated endpoint, which CL006 reports. */
	d.ep2 =
	    "    <endpoint id=\"items\" name=\"Items\" direction=\"receive\" "
	    "method=\"GET\"><url>https://{{host}}/users</url>"
	    "<enable auth-method=\"basic\"/><enable auth-method=\"tok\"/></endpoint>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL006"));
	cl_result_free(r);

	/* Similar is not the same. */
	d.ep2 =
	    "    <endpoint id=\"users\" name=\"Items (archived)\" direction=\"receive\" "
	    "method=\"GET\"><url>https://{{host}}/users</url>"
	    "<enable auth-method=\"basic\"/><enable auth-method=\"tok\"/></endpoint>";
	r = lint_doc(&d, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL008 ---- */

/* A connector whose children are CHILDREN, one per line from line 3. */
static char *
order_doc(const char *children)
{
	return cl_xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                    "<connector format=\"1\" name=\"T\">\n"
	                    "%s"
	                    "</connector>\n",
	                    children);
}

#define DESC "  <description>T</description>\n"
#define VARS \
	"  <variables><variable key=\"host\" label=\"Host\" required=\"true\"/></variables>\n"
#define AUTH \
	"  <auth-methods><auth-method id=\"tok\" name=\"Token\" type=\"token\"><url>https://{{host}}/me</url><variables><variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/><use variable=\"host\"/></variables><headers><param key=\"X-Token\" value=\"{{token}}\"/></headers></auth-method></auth-methods>\n"
#define ENDP \
	"  <endpoints><endpoint id=\"items\" name=\"Items\" direction=\"receive\" method=\"GET\"><url>https://{{host}}/items</url><enable auth-method=\"tok\"/></endpoint></endpoints>\n"

START_TEST(test_cl008_element_order)
{
	char *xml;
	cl_result *r;

	xml = order_doc(DESC VARS AUTH ENDP);
	r = lint_with(linter, xml);
	ck_assert_int_eq(cl_result_count(r), 0);
	cl_result_free(r);
	free(xml);

	/* Without the optional ones, what is there is in order. */
	xml = order_doc(AUTH ENDP);
	r = lint_xml_with(linter, xml, "");
	cl_result_free(r);
	free(xml);

	/* Variables after the auth methods: one element out of place. */
	xml = order_doc(DESC AUTH VARS ENDP);
	r = lint_xml_with(linter, xml, "CL008@5:4-5:13[4:4-4:16]");
	EXPECT_MESSAGE(r, "CL008",
	               "`<variables>` should come before `<auth-methods>`");
	cl_result_free(r);
	free(xml);

	/* Endpoints first: moving it alone restores the order, so it alone
	 * is reported, placed after the last of the others. */
	xml = order_doc(ENDP DESC VARS AUTH);
	r = lint_xml_with(linter, xml, "CL008@3:4-3:13[6:4-6:16]");
	EXPECT_MESSAGE(r, "CL008",
	               "`<endpoints>` should come after `<auth-methods>`");
	cl_result_free(r);
	free(xml);

	/* Two swapped: the later one is reported. */
	xml = order_doc(VARS DESC AUTH ENDP);
	r = lint_xml_with(linter, xml, "CL008@4:4-4:15[3:4-3:13]");
	EXPECT_MESSAGE(r, "CL008",
	               "`<description>` should come before `<variables>`");
	cl_result_free(r);
	free(xml);
}
END_TEST

/* ---- CL102 ---- */

START_TEST(test_cl102_unused_auth_variable)
{
	struct doc d = base;
	cl_result *r;

	d.basic_vars =
	    "        <use variable=\"host\"/><variable key=\"tenant\" label=\"Tenant\" required=\"true\"/>";
	r = lint_doc(&d, "CL102@12:46-12:52");
	EXPECT_MESSAGE(
	    r, "CL102",
	    "auth variable `tenant` of auth method `basic` is referenced nowhere");
	EXPECT_MESSAGE(r, "CL102", "users are asked for a value nothing sends");
	cl_result_free(r);

	/* Read by the method itself. */
	d.basic_url =
	    "      <url>https://{{host}}/login?tenant={{tenant}}</url>";
	r = lint_doc(&d, "");
	cl_result_free(r);

	/* Read by an endpoint that enables the method (the token method
	 * lacks it: CL110, not CL102). */
	d.basic_url = base.basic_url;
	d.ep_url = "      <url>https://{{host}}/items/{{tenant}}</url>";
	r = lint_doc(&d, "CL110@25:35-25:45[15:22-15:25]");
	cl_result_free(r);

	/* A placeholder differing in case (CL105) or a near miss (CL104
	 * with "did you mean") still counts: one mistake, one diagnostic. */
	d.ep_url = "      <url>https://{{host}}/items/{{Tenant}}</url>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL105"));
	cl_result_free(r);
	d.ep_url = "      <url>https://{{host}}/items/{{tenat}}</url>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL104"));
	cl_result_free(r);

	/* A default of the type is read by the platform itself. */
	d = base;
	d.tok_vars =
	    "        <use variable=\"host\"/><variable key=\"realm\" label=\"Realm\" default=\"x\"/>";
	r = lint_doc(&d, "CL102@18:46-18:51");
	EXPECT_MESSAGE(r, "CL102", "nothing ever uses it");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl102_uses)
{
	struct doc d = base;
	cl_result *r;

	/* A use nothing reads. */
	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/><variable key=\"region\" label=\"Region\" default=\"eu\" configurable=\"true\"/>";
	d.basic_vars =
	    "        <use variable=\"host\"/><use variable=\"region\"/>";
	r = lint_doc(&d, "CL102@12:46-12:52");
	EXPECT_MESSAGE(r, "CL102",
	               "auth method `basic` uses connector variable `region`");
	cl_result_free(r);

	/* A use of nothing is CL108's. */
	d.conn_vars = base.conn_vars;
	d.basic_vars =
	    "        <use variable=\"host\"/><use variable=\"regio\"/>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL108"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl102_method_enabled_nowhere)
{
	struct doc d = base;
	cl_result *r;

	/* The token method is enabled by no endpoint (CL202); `items`
	 * reads its `tenant`, which it will see once enabled. */
	d.tok_vars =
	    "        <use variable=\"host\"/><variable key=\"tenant\" label=\"Tenant\" required=\"true\"/>";
	d.ep_enable = "";
	d.ep2 = "";
	d.ep_url = "      <url>https://{{host}}/items/{{tenant}}</url>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL202"));
	cl_result_free(r);

	/* Unless nothing reads it anywhere. */
	d.ep_url = base.ep_url;
	r = lint_doc(&d, "CL102@18:46-18:52");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl102_password_grant)
{
	static const char fmt[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"T\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"cc\" name=\"CC\" type=\"oauth2-client-credentials\">\n"
	    "      <url>https://auth.example.com/token</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"scope\" label=\"Scope\" default=\"write\" locked=\"true\"/>\n"
	    "        <variable key=\"grant_type\" label=\"Grant\" default=\"%s\" locked=\"true\"/>\n"
	    "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"client_secret\" label=\"Secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"response_authentication_token_key\" label=\"Key\" default=\"access_token\" locked=\"true\"/>\n"
	    "        <variable key=\"username\" label=\"User\" required=\"true\"/>\n"
	    "      </variables>\n"
	    "      <headers><param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"items\" name=\"Items\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://api.example.com/items</url>\n"
	    "      <enable auth-method=\"cc\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n";
	char *xml;
	cl_result *r;

	/* The password grant sends username and password itself. */
	xml = cl_xasprintf(fmt, "password");
	r = lint_xml_with(linter, xml, "");
	cl_result_free(r);
	free(xml);

	/* The client credentials grant does not. */
	xml = cl_xasprintf(fmt, "client_credentials");
	r = lint_xml_with(linter, xml, "CL102@12:24-12:32");
	EXPECT_MESSAGE(r, "CL102", "only the `password` grant sends it");
	cl_result_free(r);
	free(xml);
}
END_TEST

/* ---- CL103 ---- */

START_TEST(test_cl103_unused_endpoint_variable)
{
	struct doc d = base;
	cl_result *r;

	d.ep_extra =
	    "      <variables><variable key=\"page_size\" label=\"Page size\" default=\"50\" configurable=\"true\"/></variables>";
	r = lint_doc(&d, "CL103@26:33-26:42");
	EXPECT_MESSAGE(
	    r, "CL103",
	    "endpoint variable `page_size` of endpoint `items` is never referenced");
	EXPECT_MESSAGE(r, "CL103",
	               "the value given on the connection shape goes nowhere");
	cl_result_free(r);

	/* Read by a param, or by a pagination option. */
	d.ep_extra =
	    "      <url-params><param key=\"limit\" value=\"{{page_size}}\"/></url-params><variables><variable key=\"page_size\" label=\"Page size\" default=\"50\" configurable=\"true\"/></variables>";
	r = lint_doc(&d, "");
	cl_result_free(r);
	d.ep_extra =
	    "      <variables><variable key=\"page_size\" label=\"Page size\" default=\"50\" configurable=\"true\"/></variables><pagination method=\"page-number\"><option key=\"page_parameter\" value=\"page\"/><option key=\"limit_parameter\" value=\"limit\"/><option key=\"limit\" value=\"{{page_size}}\"/></pagination>";
	r = lint_doc(&d, "");
	cl_result_free(r);

	/* Another endpoint's reference does not count. */
	d.ep_extra =
	    "      <variables><variable key=\"page_size\" label=\"Page size\" default=\"50\" configurable=\"true\"/></variables>";
	d.ep2 =
	    "    <endpoint id=\"users\" name=\"Users\" direction=\"receive\" "
	    "method=\"GET\"><url>https://{{host}}/users?limit={{page_size}}</url>"
	    "<enable auth-method=\"basic\"/><enable auth-method=\"tok\"/></endpoint>";
	r = lint_doc(&d, "CL103@26:33-26:42");
	ck_assert_ptr_nonnull(find(r, "CL104"));
	cl_result_free(r);

	/* A duplicate is CL107's, an invalid key CL114's. */
	d.ep2 = base.ep2;
	d.ep_extra =
	    "      <url-params><param key=\"limit\" value=\"{{n}}\"/></url-params><variables><variable key=\"n\" default=\"1\"/><variable key=\"n\" default=\"2\"/><variable key=\"page size\" default=\"3\"/></variables>";
	r = lint_doc(&d, "CL114@26:154-26:163");
	ck_assert_ptr_nonnull(find(r, "CL107"));
	cl_result_free(r);
}
END_TEST

/* ---- CL110 ---- */

START_TEST(test_cl110_variable_unavailable_for_method)
{
	struct doc d = base;
	cl_result *r;

	/* Connector variable `region` is used by basic only. */
	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/><variable key=\"region\" label=\"Region\" required=\"true\"/>";
	d.basic_vars =
	    "        <use variable=\"host\"/><use variable=\"region\"/>";
	d.ep_url =
	    "      <url>https://{{host}}/{{region}}/items?r={{region}}</url>";
	r = lint_doc(&d, "CL110@25:29-25:39[15:22-15:25]");
	EXPECT_MESSAGE(
	    r, "CL110",
	    "endpoint `items` references connector variable `region`, but auth method `tok` (enabled here) does not `use` it");
	EXPECT_MESSAGE(r, "CL110", "add `<use variable=\"region\"/>` to `tok`");
	cl_result_free(r);

	/* Used by neither method: both are named. */
	d.basic_vars = base.basic_vars;
	r = lint_doc(&d, "CL110@25:29-25:39[7:22-7:27][15:22-15:25]");
	EXPECT_MESSAGE(
	    r, "CL110",
	    "auth methods `basic` and `tok` (enabled here) do not `use` it");
	cl_result_free(r);

	/* With a default, the connector variable has a value everywhere. */
	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/><variable key=\"region\" label=\"Region\" default=\"eu\"/>";
	r = lint_doc(&d, "");
	cl_result_free(r);

	/* Endpoint `users` does not enable basic: nothing to report there. */
	d = base;
	d.basic_vars =
	    "        <use variable=\"host\"/><variable key=\"tenant\" label=\"Tenant\" required=\"true\"/>";
	d.ep2 =
	    "    <endpoint id=\"users\" name=\"Users\" direction=\"receive\" "
	    "method=\"GET\"><url>https://{{host}}/users/{{tenant}}</url>"
	    "<enable auth-method=\"basic\"/></endpoint>";
	r = lint_doc(&d, "");
	cl_result_free(r);

	/* An auth variable of basic read where tok is enabled too. */
	d.ep_url = "      <url>https://{{host}}/items/{{tenant}}</url>";
	r = lint_doc(&d, "CL110@25:35-25:45[15:22-15:25]");
	EXPECT_MESSAGE(
	    r, "CL110",
	    "references `tenant`, an auth variable of `basic`, but auth method `tok` (enabled here) has no `tenant`");
	cl_result_free(r);

	/* The endpoint's own variable wins. */
	d.ep_extra =
	    "      <variables><variable key=\"tenant\" label=\"Tenant\" required=\"true\"/></variables>";
	r = lint_doc(&d, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL111 ---- */

START_TEST(test_cl111_variable_never_set)
{
	struct doc d = base;
	cl_result *r;

	d.ep_url = "      <url>https://{{host}}/items?since={{since}}</url>";
	d.ep_extra =
	    "      <variables><variable key=\"since\" label=\"Since\"/></variables>";
	r = lint_doc(&d, "CL111@26:33-26:38");
	EXPECT_MESSAGE(
	    r, "CL111",
	    "endpoint variable `since` of endpoint `items` is neither required nor configurable and has no default");
	cl_result_free(r);

	d.ep_extra =
	    "      <variables><variable key=\"since\" label=\"Since\" default=\"\"/></variables>";
	r = lint_doc(&d, "CL111@26:33-26:38");
	EXPECT_MESSAGE(r, "CL111", "has an empty default");
	cl_result_free(r);

	/* Required, configurable, or a default: a value. */
	d.ep_extra =
	    "      <variables><variable key=\"since\" label=\"Since\" configurable=\"true\"/></variables>";
	r = lint_doc(&d, "");
	cl_result_free(r);

	/* CL002 reports the flag; what was meant is unknown. */
	d.ep_extra =
	    "      <variables><variable key=\"since\" label=\"Since\" requried=\"true\"/></variables>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL002"));
	cl_result_free(r);

	/* Unread and unset: CL103 says it, once. */
	d.ep_url = base.ep_url;
	d.ep_extra =
	    "      <variables><variable key=\"since\" label=\"Since\"/></variables>";
	r = lint_doc(&d, "CL103@26:33-26:38");
	cl_result_free(r);
}
END_TEST

/* S with the first FROM replaced by TO. Caller frees. */
static char *
replaced(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);

	ck_assert_msg(p != NULL, "no \"%s\" to replace", from);
	return cl_xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

START_TEST(test_cl111_credentials)
{
	char *xml = render(&base), *x;
	cl_linter *l;
	cl_result *r;

	/* A token the user must enter. */
	x = replaced(xml, "label=\"Token\" required=\"true\"",
	             "label=\"Token\"");
	r = lint_xml_with(linter, x, "CL111@17:33-17:38");
	EXPECT_MESSAGE(r, "CL111",
	               "auth variable `token` of auth method `tok`");
	EXPECT_MESSAGE(r, "CL111",
	               "users must enter it: add `required=\"true\"`");
	cl_result_free(r);
	free(x);

	/* The username of a basic method is CL206's while it is on. */
	x = replaced(xml, "label=\"User\" required=\"true\"", "label=\"User\"");
	r = lint_xml_with(linter, x, "");
	ck_assert_ptr_nonnull(find(r, "CL206"));
	cl_result_free(r);
	l = cl_linter_new();
	ck_assert_int_eq(cl_linter_ignore(l, "CL206", NULL), 0);
	r = lint_xml_with(l, x, "CL111@10:24-10:32");
	EXPECT_MESSAGE(r, "CL111", "users must enter it");
	cl_result_free(r);
	cl_linter_free(l);
	free(x);
	free(xml);
}
END_TEST

START_TEST(test_cl111_connector_variables)
{
	struct doc d = base;
	cl_result *r;

	/* No flags, no default, and no use gives it a value. */
	d.conn_vars = "    <variable key=\"host\" label=\"Host\"/>";
	r = lint_doc(&d, "CL111@4:20-4:24");
	EXPECT_MESSAGE(r, "CL111",
	               "connector variable `host` (and every `use` of it)");
	cl_result_free(r);

	/* One use requires it: the other use is reported. */
	d.basic_vars = "        <use variable=\"host\" required=\"true\"/>";
	r = lint_doc(&d, "CL111@18:24-18:28");
	EXPECT_MESSAGE(
	    r, "CL111",
	    "auth method `tok` uses connector variable `host` but neither requires it");
	cl_result_free(r);

	/* Required, but a use turns it off. */
	d = base;
	d.tok_vars = "        <use variable=\"host\" required=\"false\"/>";
	r = lint_doc(&d, "CL111@18:24-18:28");
	cl_result_free(r);

	/* Used by no method: CL101 or CL110 tell, not CL111. */
	d = base;
	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/><variable key=\"region\" label=\"Region\"/>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL101"));
	cl_result_free(r);
}
END_TEST

/* ---- CL112 ---- */

/* A connector whose endpoint variable `note` has DEFAULT (raw XML). */
static char *
default_doc(const char *dflt)
{
	struct doc d = base;
	char *extra, *xml;

	d.ep_url = "      <url>https://{{host}}/items?note={{note}}</url>";
	extra = cl_xasprintf(
	    "      <variables><variable key=\"note\" label=\"Note\" default=\"%s\"/></variables>",
	    dflt);
	d.ep_extra = extra;
	xml = render(&d);
	free(extra);
	return xml;
}

/* N copies of S. Caller frees. */
static char *
repeat(const char *s, size_t n)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	while (n--)
		cl_strbuf_adds(&sb, s);
	return cl_strbuf_detach(&sb);
}

START_TEST(test_cl112_default_too_long)
{
	char *dflt, *xml;
	cl_result *r;

	/* 1024 characters of two bytes each: within the limit. */
	dflt = repeat("é", 1024);
	xml = default_doc(dflt);
	r = lint_xml_with(linter, xml, "");
	cl_result_free(r);
	free(xml);
	free(dflt);

	/* One more is over; columns count characters. */
	dflt = repeat("é", 1025);
	xml = default_doc(dflt);
	r = lint_xml_with(linter, xml, "CL112@26:61-26:1086");
	EXPECT_MESSAGE(
	    r, "CL112",
	    "the default of variable `note` is 1025 characters long");
	cl_result_free(r);
	free(xml);
	free(dflt);

	/* An entity is one character of the value. */
	dflt = repeat("&amp;", 1024);
	xml = default_doc(dflt);
	r = lint_xml_with(linter, xml, "");
	cl_result_free(r);
	free(xml);
	free(dflt);
}
END_TEST

/* ---- CL113 ---- */

START_TEST(test_cl113_auth_variable_shadows_connector_variable)
{
	struct doc d = base;
	cl_result *r;

	d.basic_vars =
	    "        <variable key=\"host\" label=\"Host\" required=\"true\"/>";
	r = lint_doc(&d, "CL113@12:24-12:28[4:20-4:24]");
	EXPECT_MESSAGE(r, "CL113",
	               "replace it with `<use variable=\"host\"/>`");
	cl_result_free(r);

	/* A use of the same key as well: a duplicate, CL107's. */
	d.basic_vars =
	    "        <use variable=\"host\"/><variable key=\"host\" label=\"Host\" required=\"true\"/>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL107"));
	cl_result_free(r);

	/* A default auth variable keeps its key: rename the other one. */
	d = base;
	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/><variable key=\"username\" label=\"User\" default=\"x\"/>";
	d.ep_url = "      <url>https://{{host}}/items/{{username}}</url>";
	r = lint_doc(&d, "CL113@10:24-10:32[4:71-4:79]");
	EXPECT_MESSAGE(r, "CL113", "rename the connector variable");
	cl_result_free(r);
}
END_TEST

/* ---- CL114 ---- */

START_TEST(test_cl114_invalid_variable_key)
{
	struct doc d = base;
	cl_result *r;

	d.ep_extra =
	    "      <variables><variable key=\"page size\" default=\"1\"/></variables>";
	r = lint_doc(&d, "CL114@26:33-26:42");
	EXPECT_MESSAGE(r, "CL114", "`page size` holds a space");
	EXPECT_MESSAGE(r, "CL114", "did you mean `page_size`?");
	cl_result_free(r);

	d.ep_extra =
	    "      <variables><variable key=\"{{page_size}}\" default=\"1\"/></variables>";
	r = lint_doc(&d, "CL114@26:33-26:46");
	EXPECT_MESSAGE(r, "CL114", "did you mean `page_size`?");
	cl_result_free(r);

	/* Non-ASCII: named, no guess; columns count characters. */
	d.ep_extra =
	    "      <variables><variable key=\"größe\" default=\"1\"/></variables>";
	r = lint_doc(&d, "CL114@26:33-26:38");
	EXPECT_MESSAGE(r, "CL114", "holds `ö`");
	ck_assert_ptr_null(
	    strstr(cl_diag_message(find(r, "CL114")), "did you mean"));
	cl_result_free(r);

	d.ep_extra =
	    "      <variables><variable key=\"\" default=\"1\"/></variables>";
	r = lint_doc(&d, "CL114@26:33-26:33");
	EXPECT_MESSAGE(r, "CL114", "variable key is empty");
	cl_result_free(r);

	/* An unused variable with an invalid key, at every scope: CL114
	 * alone (no placeholder can name it, so "unused" would only say the
	 * key is wrong again), as CL102 and CL103 already did. */
	d = base;
	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/><variable key=\"api region\" label=\"Region\" default=\"eu\"/>";
	r = lint_doc(&d, "CL114@4:71-4:81");
	ck_assert_ptr_null(find(r, "CL101"));
	cl_result_free(r);
	d.conn_vars = base.conn_vars;
	d.basic_vars =
	    "        <use variable=\"host\"/><variable key=\"api region\" default=\"eu\"/>";
	r = lint_doc(&d, "CL114@12:46-12:56");
	ck_assert_ptr_null(find(r, "CL102"));
	cl_result_free(r);
	d.basic_vars = base.basic_vars;
	d.ep_extra =
	    "      <variables><variable key=\"api region\" default=\"eu\"/></variables>";
	r = lint_doc(&d, "CL114@26:33-26:43");
	ck_assert_ptr_null(find(r, "CL103"));
	cl_result_free(r);
	d = base;

	/* Letters of both cases, digits, `_`, `-`, `.`: fine. */
	d.ep_url =
	    "      <url>https://{{host}}/items?n={{Page-size_2.x}}</url>";
	d.ep_extra =
	    "      <variables><variable key=\"Page-size_2.x\" default=\"1\"/></variables>";
	r = lint_doc(&d, "");
	cl_result_free(r);
}
END_TEST

/* ---- one problem, one diagnostic ---- */

START_TEST(test_other_rules_speak_first)
{
	struct doc d = base;
	cl_result *r;
	char *xml, *x;

	/* The token method reads `region` without using it: CL109 asks for
	 * the `use`, so CL110 does not ask again. */
	d.conn_vars =
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/><variable key=\"region\" label=\"Region\" required=\"true\"/>";
	d.basic_vars =
	    "        <use variable=\"host\"/><use variable=\"region\"/>";
	d.ep_url = "      <url>https://{{host}}/{{region}}/items</url>";
	xml = render(&d);
	x = replaced(xml, "<url>https://{{host}}/me</url>",
	             "<url>https://{{host}}/{{region}}/me</url>");
	r = lint_xml_with(linter, x, "");
	ck_assert_ptr_nonnull(find(r, "CL109"));
	cl_result_free(r);
	free(x);
	free(xml);

	/* The token method uses a misspelt `regoin`: CL108 suggests
	 * `region`, so CL110 stays quiet. */
	d.tok_vars =
	    "        <use variable=\"host\"/><use variable=\"regoin\"/>";
	r = lint_doc(&d, "");
	ck_assert_ptr_nonnull(find(r, "CL108"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl111_grant_type)
{
	static const char fmt[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"T\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"cc\" name=\"CC\" type=\"oauth2-client-credentials\">\n"
	    "      <url>https://auth.example.com/token</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"scope\" label=\"Scope\" locked=\"true\"/>\n"
	    "        <variable key=\"grant_type\" label=\"Grant\"%s locked=\"true\"/>\n"
	    "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"client_secret\" label=\"Secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"response_authentication_token_key\" label=\"Key\" default=\"access_token\" locked=\"true\"/>\n"
	    "        <variable key=\"access_token\" label=\"Access token\"/>\n"
	    "      </variables>\n"
	    "      <headers><param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"items\" name=\"Items\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://api.example.com/items</url>\n"
	    "      <headers><param key=\"Authorization\" value=\"Bearer {{access_token}}\"/></headers>\n"
	    "      <enable auth-method=\"cc\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n";
	char *xml;
	cl_result *r;

	/* No default, nobody asked: CL111 gives the value. An empty scope
	 * and the access token the platform fills in are fine. */
	xml = cl_xasprintf(fmt, "");
	r = lint_xml_with(linter, xml, "CL111@8:24-8:34");
	EXPECT_MESSAGE(r, "CL111",
	               "give it its default, `default=\"client_credentials\"`");
	cl_result_free(r);
	free(xml);

	/* default="" is a wrong grant type: CL303's. */
	xml = cl_xasprintf(fmt, " default=\"\"");
	r = lint_xml_with(linter, xml, "");
	ck_assert_ptr_nonnull(find(r, "CL303"));
	cl_result_free(r);
	free(xml);
}
END_TEST

START_TEST(test_platform_placeholders)
{
	char dir[] = "/tmp/check_rules_usage_XXXXXX", *path, *err = NULL, *xml;
	struct doc d = base;
	cl_config *config;
	cl_linter *l;
	cl_result *r;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = cl_xasprintf("%s/connlint.xml", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("<connlint version=\"1\"><platform-placeholder key=\"run_id\"/>"
	      "<platform-placeholder key=\"tenant\"/></connlint>\n",
	      f);
	fclose(f);
	config = cl_config_load(path, &err);
	ck_assert_msg(config != NULL, "%s", err ? err : "");

	/* `run_id` has no flag and no default, and the token method lacks
	 * `tenant`: both are filled in by the platform. */
	d.basic_vars =
	    "        <use variable=\"host\"/><variable key=\"tenant\" label=\"Tenant\"/>";
	d.ep_url =
	    "      <url>https://{{host}}/items/{{tenant}}?run={{run_id}}</url>";
	d.ep_extra =
	    "      <variables><variable key=\"run_id\" label=\"Run\"/></variables>";
	xml = render(&d);
	r = lint_xml_with(
	    linter, xml,
	    "CL111@12:46-12:52 CL110@25:35-25:45[15:22-15:25] CL111@26:33-26:39");
	cl_result_free(r);
	l = cl_linter_new();
	cl_linter_set_config(l, config);
	r = lint_xml_with(l, xml, "");
	cl_result_free(r);
	cl_linter_free(l);

	free(xml);
	cl_config_free(config);
	remove(path);
	rmdir(dir);
	free(path);
}
END_TEST

/* ---- all ---- */

START_TEST(test_disabled_rules_stay_quiet)
{
	struct doc d = base;
	cl_linter *l = cl_linter_new();
	char *xml;
	cl_result *r;

	ck_assert_int_eq(cl_linter_ignore(l, "CL1,CL0", NULL), 0);
	d.basic_vars =
	    "        <variable key=\"host\" label=\"Host\"/><variable key=\"a b\"/>";
	d.ep2 =
	    "    <endpoint id=\"users\" name=\"Items\" direction=\"receive\" "
	    "method=\"GET\"><url>https://{{host}}/users</url>"
	    "<enable auth-method=\"basic\"/><enable auth-method=\"tok\"/></endpoint>";
	xml = render(&d);
	r = lint_xml_with(l, xml, "");
	cl_result_free(r);
	free(xml);
	cl_linter_free(l);
}
END_TEST

static Suite *
usage_suite(void)
{
	Suite *s = suite_create("rules-usage");
	TCase *tc = tcase_create("cl007-cl114");

	tcase_add_test(tc, test_base_is_clean);
	tcase_add_test(tc, test_cl007_duplicate_endpoint_name);
	tcase_add_test(tc, test_cl008_element_order);
	tcase_add_test(tc, test_cl102_unused_auth_variable);
	tcase_add_test(tc, test_cl102_uses);
	tcase_add_test(tc, test_cl102_method_enabled_nowhere);
	tcase_add_test(tc, test_cl102_password_grant);
	tcase_add_test(tc, test_cl103_unused_endpoint_variable);
	tcase_add_test(tc, test_cl110_variable_unavailable_for_method);
	tcase_add_test(tc, test_cl111_variable_never_set);
	tcase_add_test(tc, test_cl111_credentials);
	tcase_add_test(tc, test_cl111_connector_variables);
	tcase_add_test(tc, test_cl112_default_too_long);
	tcase_add_test(tc, test_cl113_auth_variable_shadows_connector_variable);
	tcase_add_test(tc, test_cl114_invalid_variable_key);
	tcase_add_test(tc, test_other_rules_speak_first);
	tcase_add_test(tc, test_cl111_grant_type);
	tcase_add_test(tc, test_platform_placeholders);
	tcase_add_test(tc, test_disabled_rules_stay_quiet);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	int rc;

	linter = cl_linter_new();
	rc = cl_check_run(usage_suite());
	cl_linter_free(linter);
	return rc;
}
