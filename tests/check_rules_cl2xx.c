/*
 * The auth-method rules CL201-CL209 on in-memory connectors: each case
 * edits a line or two of a clean connector (tests/lib/connectors.h) and
 * checks which rules fire, the exact span they point at (columns count
 * characters; several cases put non-ASCII text before the fault on its
 * line) and the related locations. Where another rule may also have
 * something to say about an edited connector, the case counts only the
 * rule under test.
 */
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/edit.h"

/* ---- the bases are clean ---- */

START_TEST(test_bases_clean)
{
	EXPECT_CLEAN(cc_lines, basic_lines, token_lines, oauth1_lines,
	             soap_lines);
}
END_TEST

/* ---- CL201 ---- */

START_TEST(test_cl201_folded_key)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 12,
	      "        <variable label=\"Clé d’accès — client\" key=\"Client_ID\" required=\"true\" locked=\"true\"/>" });
	const cl_diag *d;

	/* One diagnostic, from the rule made for client_id (CL301). */
	expect_rules(r, "CL301");
	d = nth(r, "CL301", 0);
	ASSERT_POS(d, 12, 53, 62);
	ck_assert_uint_eq(cl_diag_byte_column(d), 59);
	ASSERT_MSG_HAS(d, "`Client_ID`");
	ASSERT_MSG_HAS(d, "only by case or separators");
	ASSERT_MSG_HAS(d, "rename it to `client_id`");
	ASSERT_MSG_HAS(d, "the key of a default variable cannot change");
	cl_result_free(r);
}
END_TEST

/* The ID of a finding never depends on which other rules are on: with
 * CL201 off CL301 still reports, and with CL301 off nothing does. */
START_TEST(test_cl201_state_does_not_move_findings)
{
	static const char clientid[] =
	    "        <variable key=\"clientId\" label=\"Client ID\" required=\"true\" locked=\"true\"/>";
	cl_result *r;

	ck_assert_int_eq(cl_linter_ignore(linter, "CL201", NULL), 0);
	r = LINT(cc_lines, { 12, clientid });
	expect_rules(r, "CL301");
	ASSERT_POS(nth(r, "CL301", 0), 12, 24, 32);
	cl_result_free(r);
	cl_linter_free(linter);
	linter = cl_linter_new();
	ck_assert_int_eq(cl_linter_ignore(linter, "CL301", NULL), 0);
	r = LINT(cc_lines, { 12, clientid });
	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(cc_lines, { 12, NULL });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/*
 * Every default auth variable of every type, dropped from its clean
 * template: exactly one diagnostic, from the rule made for that variable
 * (rules.md: CL301, CL302, CL206, CL209) or else CL201. The token
 * template's header still names the lost {{token}}: the same mistake, so
 * no CL104 besides.
 */
static const struct {
	const char *const *base;
	unsigned line;
	const char *want;
} dropped_defaults[] = {
	{ cc_lines, 10, "CL201" },     /* scope */
	{ cc_lines, 11, "CL201" },     /* grant_type */
	{ cc_lines, 12, "CL301" },     /* client_id */
	{ cc_lines, 13, "CL302" },     /* client_secret */
	{ cc_lines, 14, "CL209" },     /* response_authentication_token_key */
	{ ac_lines, 8, "CL301" },      /* client_id */
	{ ac_lines, 9, "CL302" },      /* client_secret, confidential */
	{ ac_lines, 10, "CL201" },     /* scope */
	{ ac_lines, 11, "CL201" },     /* grant_type */
	{ ac_lines, 12, "CL201" },     /* client_type */
	{ ac_lines, 13, "CL201" },     /* redirect_uri */
	{ ac_lines, 14, "CL209" },     /* response_authentication_token_key */
	{ basic_lines, 10, "CL206" },  /* username */
	{ basic_lines, 11, "CL206" },  /* password */
	{ token_lines, 7, "CL201" },   /* token */
	{ oauth1_lines, 7, "CL201" },  /* consumer_key */
	{ oauth1_lines, 8, "CL201" },  /* consumer_secret */
	{ oauth1_lines, 9, "CL201" },  /* token_id */
	{ oauth1_lines, 10, "CL201" }, /* token_secret */
	{ oauth1_lines, 11, "CL201" }, /* signature_method */
	{ soap_lines, 7, "CL201" },    /* username: CL206 is for basic */
	{ soap_lines, 8, "CL201" },    /* password */
	{ soap_lines, 9, "CL209" },    /* response_authentication_token_key */
};

START_TEST(test_cl201_most_specific_rule)
{
	cl_result *r = LINT(dropped_defaults[_i].base,
	                    { dropped_defaults[_i].line, NULL });

	expect_rules(r, dropped_defaults[_i].want);
	cl_result_free(r);
}
END_TEST

/* An endpoint placeholder naming a default that every method it enables
 * lacks is that default's finding too; with a method that has it, it
 * resolves. */
START_TEST(test_cl201_endpoint_placeholder_of_missing_default)
{
	cl_result *r = LINT(
	    cc_lines, { 12, NULL },
	    { 25,
	      "      <url>https://{{store_url}}/api/order?app={{client_id}}</url>" });

	expect_rules(r, "CL301");
	cl_result_free(r);
}
END_TEST

/* A public client needs no secret (CL302 is silent), but client_secret is
 * still a default of the type: CL201's, as no rule of its own applies. */
START_TEST(test_cl201_public_client_secret)
{
	cl_result *r = LINT(
	    ac_lines, { 9, NULL },
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"public\" locked=\"true\"/>" });

	expect_rules(r, "CL201");
	ASSERT_MSG_HAS(nth(r, "CL201", 0), "has no `client_secret`");
	cl_result_free(r);
}
END_TEST

/* The key is far from client_secret, but its label says what it is (eBay
 * calls the client secret the Cert ID): rename it; CL102 stays quiet. */
START_TEST(test_cl201_stand_in_by_label)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 13,
	      "        <variable key=\"cert_id\" label=\"Cert ID (Client Secret)\" required=\"true\" secret=\"true\"/>" });

	expect_rules(r, "CL302");
	ASSERT_POS(nth(r, "CL302", 0), 13, 24, 31);
	ASSERT_MSG_HAS(nth(r, "CL302", 0), "label of auth variable `cert_id`");
	ASSERT_MSG_HAS(nth(r, "CL302", 0), "rename it to `client_secret`");
	cl_result_free(r);
}
END_TEST

/* Names APIs give the value: Amazon's LWA app ID is the client ID; a basic
 * method's API key and secret are its username and password. A label that
 * only contains a key's letters (Telescope) says nothing. */
START_TEST(test_cl201_stand_in_by_api_name)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 12,
	      "        <variable key=\"lwa_app_id\" label=\"LWA app\" required=\"true\"/>" });

	expect_rules(r, "CL301");
	ASSERT_POS(nth(r, "CL301", 0), 12, 24, 34);
	ASSERT_MSG_HAS(nth(r, "CL301", 0), "rename it to `client_id`");
	cl_result_free(r);
	r = LINT(
	    basic_lines,
	    { 10,
	      "        <variable key=\"api_key\" label=\"API key\" required=\"true\"/>" },
	    { 11,
	      "        <variable key=\"apiSecret\" label=\"API secret\" required=\"true\" secret=\"true\"/>" });
	expect_rules(r, "CL206 CL206");
	ASSERT_MSG_HAS(nth(r, "CL206", 0), "rename it to `username`");
	ASSERT_MSG_HAS(nth(r, "CL206", 1), "rename it to `password`");
	cl_result_free(r);
	r = LINT(
	    cc_lines,
	    { 10,
	      "        <variable key=\"telescope\" label=\"Telescope\" default=\"x\"/>" });
	ck_assert_ptr_nonnull(nth(r, "CL201", 0));
	ASSERT_MSG_HAS(nth(r, "CL201", 0), "has no `scope`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_missing)
{
	cl_result *r = LINT(cc_lines, { 10, NULL });

	expect_rules(r, "CL201");
	ASSERT_POS(nth(r, "CL201", 0), 9, 8, 17);
	ASSERT_MSG_HAS(nth(r, "CL201", 0), "`scope`");
	ASSERT_MSG_HAS(nth(r, "CL201", 0), "`oauth2-client-credentials`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_missing_no_variables_element)
{
	cl_result *r = lint_text(
	    "<connector format=\"1\" name=\"T\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"b\" name=\"Basic\" type=\"basic\">\n"
	    "      <url>https://api.example.com/auth</url>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://api.example.com/e</url>\n"
	    "      <enable auth-method=\"b\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n");

	/* username, then password, both at the auth-method element name,
	 * from the rule made for a basic method's credentials. */
	expect_rules(r, "CL206 CL206");
	ASSERT_POS(nth(r, "CL206", 0), 3, 6, 17);
	ASSERT_POS(nth(r, "CL206", 1), 3, 6, 17);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_typo)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 10,
	      "        <variable key=\"scopes\" label=\"Scope\" default=\"write\" locked=\"true\"/>" });

	expect_rules(r, "CL201");
	ASSERT_POS(nth(r, "CL201", 0), 10, 24, 30);
	ASSERT_MSG_HAS(nth(r, "CL201", 0), "did you mean `scope`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_use_counts)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 4,
	      "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
	      "    <variable key=\"client_id\" label=\"Client ID\" required=\"true\"/>" },
	    { 12, "        <use variable=\"client_id\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_folded_use)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 4,
	      "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
	      "    <variable key=\"client-id\" label=\"Client ID\" required=\"true\"/>" },
	    { 12, "        <use variable=\"client-id\"/>" });

	/* Line 13 after the insertion; the span is the use's variable. */
	expect_rules(r, "CL301");
	ASSERT_POS(nth(r, "CL301", 0), 13, 24, 33);
	cl_result_free(r);
}
END_TEST

/* ---- CL202 ---- */

START_TEST(test_cl202_not_enabled)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 21,
	      "    </auth-method>\n"
	      "    <auth-method id=\"shop-token\" name=\"Token\" type=\"token\">\n"
	      "      <url>https://{{store_url}}/api/token</url>\n"
	      "      <variables>\n"
	      "        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	      "        <use variable=\"store_url\"/>\n"
	      "      </variables>\n"
	      "      <headers><param key=\"X-Shopify-Access-Token\" value=\"{{token}}\"/></headers>\n"
	      "    </auth-method>" });

	expect_rules(r, "CL202");
	ASSERT_POS(nth(r, "CL202", 0), 22, 22, 32);
	ASSERT_MSG_HAS(nth(r, "CL202", 0), "`shop-token`");
	cl_result_free(r);
}
END_TEST

/* ---- CL203 ---- */

START_TEST(test_cl203_url_param)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 25,
	      "      <url>https://{{store_url}}/api/order</url>\n"
	      "      <url-params><param key=\"CONTENT-TYPE\" value=\"application/json\"/></url-params>" });

	expect_rules(r, "CL203");
	ASSERT_POS(nth(r, "CL203", 0), 26, 31, 43);
	ASSERT_MSG_HAS(nth(r, "CL203", 0), "`headers`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl203_auth_body_without_header)
{
	cl_result *r = LINT(
	    cc_lines, { 17, NULL }, { 18, NULL }, { 19, NULL },
	    { 20,
	      "      <body format=\"form\"><param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/></body>" });

	/* CL307 stays quiet: moving the param to headers fixes both. */
	expect_rules(r, "CL203");
	ASSERT_POS(nth(r, "CL203", 0), 17, 39, 51);
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL203", NULL), 0);
	r = LINT(
	    cc_lines, { 17, NULL }, { 18, NULL }, { 19, NULL },
	    { 20,
	      "      <body format=\"form\"><param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/></body>" });
	expect_rules(r, "CL307");
	ASSERT_POS(nth(r, "CL307", 0), 7, 6, 17);
	cl_result_free(r);
}
END_TEST

/* ---- CL204 duplicate-header ---- */

START_TEST(test_cl204_auth_method)
{
	cl_result *r = LINT(
	    basic_lines,
	    { 15,
	      "        <param key=\"Accept\" value=\"application/json\"/>\n"
	      "        <param key=\"Accept\" value=\"application/xml\"/>" });
	const cl_diag *d;

	expect_rules(r, "CL204");
	d = nth(r, "CL204", 0);
	ASSERT_POS(d, 16, 21, 27);
	ASSERT_MSG_HAS(d, "header `Accept` is set twice");
	ASSERT_MSG_HAS(d, "auth method `woo-basic`");
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	ASSERT_RELATED(d, 0, 15, 21, 27);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl204_endpoint_case_three_times)
{
	cl_result *r = LINT(
	    token_lines,
	    { 16,
	      "      <url>https://shop.example.com/admin/api/products.json</url>\n"
	      "      <headers>\n"
	      "        <param key=\"Accept\" value=\"application/json\"/>\n"
	      "        <param key=\"ACCEPT\" value=\"application/json\"/>\n"
	      "        <param key=\"X-Request-Id\" value=\"1\"/>\n"
	      "        <param key=\"accept\" value=\"text/csv\"/>\n"
	      "      </headers>" });
	const cl_diag *d;

	/* Both later ones point back at the first. */
	expect_rules(r, "CL204 CL204");
	d = nth(r, "CL204", 0);
	ASSERT_POS(d, 19, 21, 27);
	ASSERT_MSG_HAS(d, "header `ACCEPT` repeats `Accept`");
	ASSERT_MSG_HAS(d, "endpoint `products`");
	ASSERT_RELATED(d, 0, 18, 21, 27);
	d = nth(r, "CL204", 1);
	ASSERT_POS(d, 21, 21, 27);
	ASSERT_RELATED(d, 0, 18, 21, 27);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl204_override_and_params)
{
	/* An endpoint header overrides its method's header of that name. */
	cl_result *r = LINT(
	    basic_lines,
	    { 21,
	      "      <url>https://{{store_url}}/wp-json/wc/v3/products</url>\n"
	      "      <headers><param key=\"accept\" value=\"text/csv\"/></headers>" });

	expect_rules(r, "");
	cl_result_free(r);

	/* Only headers: a repeated query param (a list) is not a header. */
	r = LINT(
	    basic_lines,
	    { 21,
	      "      <url>https://{{store_url}}/wp-json/wc/v3/products</url>\n"
	      "      <url-params>\n"
	      "        <param key=\"include\" value=\"12\"/>\n"
	      "        <param key=\"include\" value=\"13\"/>\n"
	      "      </url-params>" });
	ck_assert_uint_eq(count(r, "CL204"), 0);
	cl_result_free(r);
}
END_TEST

/* ---- CL205 missing-auth-url ---- */

START_TEST(test_cl205)
{
	cl_result *r = LINT(basic_lines, { 8, NULL });

	expect_rules(r, "CL205");
	ASSERT_POS(nth(r, "CL205", 0), 7, 6, 17);
	ASSERT_MSG_HAS(nth(r, "CL205", 0),
	               "auth method `woo-basic` has no `url`");
	cl_result_free(r);

	r = LINT(token_lines, { 5, "      <url></url>" });
	expect_rules(r, "CL205");
	ASSERT_POS(nth(r, "CL205", 0), 5, 8, 11);
	ASSERT_MSG_HAS(nth(r, "CL205", 0), "is empty");
	cl_result_free(r);

	/* White space only, over two lines; OAuth 2 says token endpoint. */
	r = LINT(cc_lines, { 8, "      <url>\n      </url>" });
	expect_rules(r, "CL205");
	ASSERT_POS(nth(r, "CL205", 0), 8, 8, 11);
	ASSERT_MSG_HAS(nth(r, "CL205", 0), "token endpoint");
	cl_result_free(r);
}
END_TEST

/* ---- CL206 basic-credentials-missing ---- */

START_TEST(test_cl206_not_asked)
{
	cl_result *r = LINT(
	    basic_lines,
	    { 10,
	      "        <variable key=\"username\" label=\"Consumer key\" configurable=\"true\" locked=\"true\"/>" },
	    { 11,
	      "        <variable key=\"password\" label=\"Consumer secret\" default=\"  \" configurable=\"true\" secret=\"true\" locked=\"true\"/>" });

	/* A blank default is no default. */
	ck_assert_uint_eq(count(r, "CL206"), 2);
	ASSERT_POS(nth(r, "CL206", 0), 10, 24, 32);
	ASSERT_MSG_HAS(nth(r, "CL206", 0), "`username`");
	ASSERT_MSG_HAS(nth(r, "CL206", 0), "`woo-basic`");
	ASSERT_POS(nth(r, "CL206", 1), 11, 24, 32);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl206_defaults)
{
	/* A fixed user name (Mailgun's `api`) is fine. */
	cl_result *r = LINT(
	    basic_lines,
	    { 10,
	      "        <variable key=\"username\" label=\"User\" default=\"api\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);

	/* A password default is a hard-coded secret, not this rule's. */
	r = LINT(
	    basic_lines,
	    { 11,
	      "        <variable key=\"password\" label=\"Password\" default=\"X\" secret=\"true\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL206"), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl206_use)
{
	cl_result *r = LINT(
	    basic_lines,
	    { 4,
	      "    <variable key=\"store_url\" label=\"Store domain\" required=\"true\"/>\n"
	      "    <variable key=\"username\" label=\"Consumer key\" configurable=\"true\"/>" },
	    { 10, "        <use variable=\"username\"/>" });

	/* Line 11 after the insertion: the use's variable attribute. */
	expect_rules(r, "CL206");
	ASSERT_POS(nth(r, "CL206", 0), 11, 24, 32);
	cl_result_free(r);

	/* The use may make it required for this method. */
	r = LINT(
	    basic_lines,
	    { 4,
	      "    <variable key=\"store_url\" label=\"Store domain\" required=\"true\"/>\n"
	      "    <variable key=\"username\" label=\"Consumer key\" configurable=\"true\"/>" },
	    { 10, "        <use variable=\"username\" required=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* A use of no connector variable is CL108's alone. */
	r = LINT(basic_lines, { 10, "        <use variable=\"username\"/>" });
	expect_rules(r, "CL108");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl206_absent)
{
	cl_result *r = LINT(basic_lines, { 10, NULL });

	expect_rules(r, "CL206");
	ASSERT_POS(nth(r, "CL206", 0), 9, 8, 17);
	ASSERT_MSG_HAS(nth(r, "CL206", 0), "has no `username`");
	cl_result_free(r);

	/* Off, it is not handed to CL201. */
	ck_assert_int_eq(cl_linter_ignore(linter, "CL206", NULL), 0);
	r = LINT(basic_lines, { 10, NULL });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL207 token-header-missing ---- */

START_TEST(test_cl207_no_header)
{
	cl_result *r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"Accept\" value=\"application/json\"/>" });

	expect_rules(r, "CL207");
	ASSERT_POS(nth(r, "CL207", 0), 9, 8, 15);
	ASSERT_MSG_HAS(nth(r, "CL207", 0), "`shop-token`");
	ASSERT_MSG_HAS(nth(r, "CL207", 0), "`{{token}}`");
	cl_result_free(r);

	/* No <headers> at all: the auth-method element. */
	r = LINT(token_lines, { 9, NULL }, { 10, NULL }, { 11, NULL });
	expect_rules(r, "CL207");
	ASSERT_POS(nth(r, "CL207", 0), 4, 6, 17);
	cl_result_free(r);
}
END_TEST

/* A header with the token written in is CL501's alone, whose advice
 * ({{token}} in its place) leaves nothing to report; a credential header
 * carrying something else is named, so that it is fixed, not doubled. */
START_TEST(test_cl207_hard_coded_or_other_value)
{
	cl_result *r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"X-Auth-Token\" value=\"k2v9x7mq4hz1w8r3t6y0pl5nj2bc8dfs\"/>" });

	expect_rules(r, "CL501");
	ASSERT_MSG_HAS(nth(r, "CL501", 0), "write `{{token}}` in its place");
	cl_result_free(r);
	r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"X-Auth-Token\" value=\"{{token}}\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"Authorization\" value=\"Klaviyo-API-Key pk_4f7c2a9e1b3d58f60a7e9c2b4d6f8a1e3c\"/>" });
	expect_rules(r, "CL501");
	cl_result_free(r);
	r = LINT(
	    token_lines,
	    { 10, "        <param key=\"X-Api-Key\" value=\"{{store}}\"/>" });
	ck_assert_uint_eq(count(r, "CL207"), 1);
	ASSERT_POS(nth(r, "CL207", 0), 10, 21, 30);
	ASSERT_MSG_HAS(nth(r, "CL207", 0), "header `X-Api-Key`");
	ASSERT_MSG_HAS(nth(r, "CL207", 0), "write `{{token}}` in its value");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl207_elsewhere)
{
	cl_result *r = LINT(
	    token_lines, { 9, "      <url-params>" },
	    { 10, "        <param key=\"access_token\" value=\"{{token}}\"/>" },
	    { 11, "      </url-params>" });

	/* (CL505 may also warn about a secret in the query.) */
	ck_assert_uint_eq(count(r, "CL207"), 1);
	ASSERT_POS(nth(r, "CL207", 0), 10, 21, 33);
	ASSERT_MSG_HAS(nth(r, "CL207", 0), "URL param `access_token`");
	cl_result_free(r);

	r = LINT(
	    token_lines, { 9, NULL }, { 11, NULL },
	    { 10,
	      "      <body format=\"form\"><param key=\"token\" value=\"{{token}}\"/></body>" });
	/* Line 9 once the <headers> lines are gone. */
	ck_assert_uint_eq(count(r, "CL207"), 1);
	ASSERT_POS(nth(r, "CL207", 0), 9, 39, 44);
	ASSERT_MSG_HAS(nth(r, "CL207", 0), "body param `token`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl207_carried)
{
	cl_result *r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"Authorization\" value=\"Bearer {{token}}\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);

	/* A misspelt placeholder is the placeholder rules' to report. */
	r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"X-Shopify-Access-Token\" value=\"{{Token}}\" locked=\"true\"/>" });
	expect_rules(r, "CL105");
	cl_result_free(r);

	r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"X-Shopify-Access-Token\" value=\"{{ token }}\" locked=\"true\"/>" });
	expect_rules(r, "CL106");
	cl_result_free(r);

	/* Another variable is not the token. */
	r = LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"X-Api-Key\" value=\"{{api_key}}\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL207"), 1);
	cl_result_free(r);
}
END_TEST

/* ---- CL208 oauth1-signature-method ---- */

START_TEST(test_cl208_values)
{
	cl_result *r = LINT(
	    oauth1_lines,
	    { 11,
	      "        <variable key=\"signature_method\" label=\"Signature method\" default=\"HMAC-SHA1\" locked=\"true\"/>" });

	expect_rules(r, "CL208");
	ASSERT_POS(nth(r, "CL208", 0), 11, 76, 85);
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "`HMAC-SHA1`");
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "not supported");
	ASSERT_MSG_LACKS(nth(r, "CL208", 0), "did you mean");
	cl_result_free(r);

	r = LINT(
	    oauth1_lines,
	    { 11,
	      "        <variable key=\"signature_method\" label=\"Signature method\" default=\"hmac-sha256\" locked=\"true\"/>" });
	expect_rules(r, "CL208");
	ASSERT_POS(nth(r, "CL208", 0), 11, 76, 87);
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "did you mean `HMAC-SHA256`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl208_no_default)
{
	cl_result *r = LINT(
	    oauth1_lines,
	    { 11,
	      "        <variable key=\"signature_method\" label=\"Signature method\" locked=\"true\"/>" });

	/* (CL111 may also say the variable is never set.) */
	ck_assert_uint_eq(count(r, "CL208"), 1);
	ASSERT_POS(nth(r, "CL208", 0), 11, 24, 40);
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "has no value");
	cl_result_free(r);

	/* Required: the user gives it. */
	r = LINT(
	    oauth1_lines,
	    { 11,
	      "        <variable key=\"signature_method\" label=\"Signature method\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl208_use_and_param)
{
	cl_result *r = LINT(
	    oauth1_lines,
	    { 2,
	      "<connector format=\"1\" name=\"NetSuite\">\n"
	      "  <variables>\n"
	      "    <variable key=\"signature_method\" label=\"Signature method\" default=\"HMAC-SHA1\"/>\n"
	      "  </variables>" },
	    { 11, "        <use variable=\"signature_method\"/>" });

	/* Reported at the connector variable's default, where it is written. */
	expect_rules(r, "CL208");
	ASSERT_POS(nth(r, "CL208", 0), 4, 72, 81);
	cl_result_free(r);

	r = LINT(
	    oauth1_lines,
	    { 12,
	      "      </variables>\n"
	      "      <headers><param key=\"oauth_signature_method\" value=\"PLAINTEXT\"/></headers>" });
	expect_rules(r, "CL208");
	ASSERT_POS(nth(r, "CL208", 0), 13, 59, 68);
	cl_result_free(r);
}
END_TEST

/* ---- CL209 missing-token-key ---- */

START_TEST(test_cl209)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 14,
	      "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"\" locked=\"true\"/>" });

	/* An empty span just inside the quotes. */
	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 14, 86, 86);
	ASSERT_MSG_HAS(nth(r, "CL209", 0), "`access_token`");
	cl_result_free(r);

	r = LINT(
	    cc_lines,
	    { 14,
	      "        <variable key=\"response_authentication_token_key\" label=\"Token key\" configurable=\"true\" locked=\"true\"/>" });
	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 14, 24, 57);
	cl_result_free(r);

	/* Required without a default: the user gives it. */
	r = LINT(
	    cc_lines,
	    { 14,
	      "        <variable key=\"response_authentication_token_key\" label=\"Token key\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	r = LINT(
	    soap_lines,
	    { 9,
	      "        <variable key=\"response_authentication_token_key\" label=\"Token element\" default=\"  \" locked=\"true\"/>" });
	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 9, 90, 92);
	ASSERT_MSG_HAS(nth(r, "CL209", 0), "SOAP response");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl209_absent)
{
	cl_result *r = LINT(cc_lines, { 14, NULL });

	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 9, 8, 17);
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL209", NULL), 0);
	r = LINT(cc_lines, { 14, NULL });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

static Suite *
rules_cl2xx_suite(void)
{
	Suite *s = suite_create("rules_cl2xx");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, lint_setup, lint_teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl201_folded_key);
	tcase_add_test(tc, test_cl201_state_does_not_move_findings);
	tcase_add_loop_test(tc, test_cl201_most_specific_rule, 0,
	                    (int)CL_ARRAY_SIZE(dropped_defaults));
	tcase_add_test(tc, test_cl201_public_client_secret);
	tcase_add_test(tc, test_cl201_endpoint_placeholder_of_missing_default);
	tcase_add_test(tc, test_cl201_stand_in_by_label);
	tcase_add_test(tc, test_cl201_stand_in_by_api_name);
	tcase_add_test(tc, test_cl201_missing);
	tcase_add_test(tc, test_cl201_missing_no_variables_element);
	tcase_add_test(tc, test_cl201_typo);
	tcase_add_test(tc, test_cl201_use_counts);
	tcase_add_test(tc, test_cl201_folded_use);
	tcase_add_test(tc, test_cl202_not_enabled);
	tcase_add_test(tc, test_cl203_url_param);
	tcase_add_test(tc, test_cl203_auth_body_without_header);
	tcase_add_test(tc, test_cl204_auth_method);
	tcase_add_test(tc, test_cl204_endpoint_case_three_times);
	tcase_add_test(tc, test_cl204_override_and_params);
	tcase_add_test(tc, test_cl205);
	tcase_add_test(tc, test_cl206_not_asked);
	tcase_add_test(tc, test_cl206_defaults);
	tcase_add_test(tc, test_cl206_use);
	tcase_add_test(tc, test_cl206_absent);
	tcase_add_test(tc, test_cl207_no_header);
	tcase_add_test(tc, test_cl207_hard_coded_or_other_value);
	tcase_add_test(tc, test_cl207_elsewhere);
	tcase_add_test(tc, test_cl207_carried);
	tcase_add_test(tc, test_cl208_values);
	tcase_add_test(tc, test_cl208_no_default);
	tcase_add_test(tc, test_cl208_use_and_param);
	tcase_add_test(tc, test_cl209);
	tcase_add_test(tc, test_cl209_absent);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(rules_cl2xx_suite)
