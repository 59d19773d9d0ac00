/*
 * The OAuth 2 rules CL301-CL318 on in-memory connectors: each case edits a
 * line or two of a clean connector (tests/lib/connectors.h) and checks
 * which rules fire, the exact span they point at (columns count
 * characters; several cases put non-ASCII text before the fault on its
 * line) and the related locations. Where another rule may also have
 * something to say about an edited connector, the case counts only the
 * rule under test.
 *
 * The "protocol" cases (CL311-CL318) run with the endpoint and security
 * families (CL4xx, CL5xx) off: they are tested on their own, and CL505
 * (secret-in-query) overlaps CL312 by design. Every other rule stays on,
 * so the cases also pin down which rule says what when two could (CL303,
 * CL310, CL201, CL106).
 */
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/edit.h"

/* The linter of the "protocol" cases: CL4xx and CL5xx off. */
static void
protocol_setup(void)
{
	lint_setup();
	ck_assert_int_eq(cl_linter_ignore(linter, "CL4,CL5", NULL), 0);
}

/* ---- the bases are clean ---- */

START_TEST(test_bases_clean)
{
	EXPECT_CLEAN(cc_lines, ac_lines);
}
END_TEST

START_TEST(test_bases_clean_cl4_cl5_off)
{
	EXPECT_CLEAN(cc_lines, hubspot_lines);
}
END_TEST

/* ---- CL301, CL302 ---- */

START_TEST(test_cl301_not_required)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 12,
	      "        <variable key=\"client_id\" label=\"Client ID\" configurable=\"true\" locked=\"true\"/>" });

	expect_rules(r, "CL301");
	ASSERT_POS(nth(r, "CL301", 0), 12, 24, 33);
	cl_result_free(r);

	r = LINT(
	    cc_lines,
	    { 12,
	      "        <variable key=\"client_id\" label=\"Client ID\" default=\"administration\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* An empty default is no default. */
	r = LINT(
	    cc_lines,
	    { 12,
	      "        <variable key=\"client_id\" label=\"Client ID\" default=\"\" locked=\"true\"/>" });
	expect_rules(r, "CL301");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl302_confidential)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 9,
	      "        <variable key=\"client_secret\" label=\"Client secret\" secret=\"true\" locked=\"true\"/>" });

	expect_rules(r, "CL302");
	ASSERT_POS(nth(r, "CL302", 0), 9, 24, 37);
	ASSERT_MSG_HAS(nth(r, "CL302", 0), "confidential");
	cl_result_free(r);

	/* A misspelt client_type is still meant as confidential. */
	r = LINT(
	    ac_lines,
	    { 9,
	      "        <variable key=\"client_secret\" label=\"Client secret\" secret=\"true\" locked=\"true\"/>" },
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"confidental\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL302"), 1);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl302_public)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 9,
	      "        <variable key=\"client_secret\" label=\"Client secret\" secret=\"true\" locked=\"true\"/>" },
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"Public\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl302_client_credentials)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 13,
	      "        <variable key=\"client_secret\" label=\"Client secret\" default=\"x\" secret=\"true\" locked=\"true\"/>" });

	/* A default does not make up for asking the user. (CL501 is
	 * another rule's.) */
	ck_assert_uint_eq(count(r, "CL302"), 1);
	ASSERT_POS(nth(r, "CL302", 0), 13, 24, 37);
	cl_result_free(r);
}
END_TEST

/* ---- CL303 ---- */

START_TEST(test_cl303_multiline_non_ascii)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\"\n"
	      "                  label=\"Type d’accès — ne pas changer\" default=\"client_credential\"\n"
	      "                  locked=\"true\"/>" });
	const cl_diag *d;

	expect_rules(r, "CL303");
	d = nth(r, "CL303", 0);
	ASSERT_POS(d, 12, 66, 83);
	ck_assert_uint_eq(cl_diag_byte_column(d), 71);
	ASSERT_MSG_HAS(d, "`client_credential`");
	ASSERT_MSG_HAS(d, "did you mean `client_credentials`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl303_literal_param)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 20,
	      "      <body format=\"form\">\n"
	      "        <param key=\"grant_type\" value=\"Client_Credentials\"/>\n"
	      "      </body>" });

	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 21, 40, 58);
	ASSERT_MSG_HAS(nth(r, "CL303", 0),
	               "did you mean `client_credentials`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl303_values)
{
	cl_result *r;

	/* password is the platform's resource-owner variant. */
	r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL303"), 0);
	cl_result_free(r);

	r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorization_code\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 11, 64, 82);
	ASSERT_MSG_HAS(nth(r, "CL303", 0), "another auth type");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorisation_code\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 11, 64, 82);
	ASSERT_MSG_HAS(nth(r, "CL303", 0),
	               "did you mean `authorization_code`?");
	cl_result_free(r);

	/* An empty default: an empty span just inside the quotes. */
	r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 11, 64, 64);
	cl_result_free(r);

	/* A placeholder value is checked through its variable. */
	r = LINT(
	    cc_lines,
	    { 20,
	      "      <body format=\"form\"><param key=\"grant_type\" value=\"{{grant_type}}\"/></body>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl303_connector_variable)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 4,
	      "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
	      "    <variable key=\"grant_type\" label=\"Grant\" default=\"client_credentials \"/>" },
	    { 11, "        <use variable=\"grant_type\"/>" });

	/* Reported at the connector variable's default, where the fault is. */
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 5, 55, 74);
	cl_result_free(r);
}
END_TEST

/* ---- CL304 deprecated-password-grant ---- */

START_TEST(test_cl304)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" });

	expect_rules(r, "CL304");
	ASSERT_POS(nth(r, "CL304", 0), 11, 64, 72);
	ASSERT_MSG_HAS(nth(r, "CL304", 0), "`shop-oauth`");
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL304", 0)), 0);
	cl_result_free(r);

	/* The same grant in a literal param: one diagnostic, one related. */
	r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" },
	    { 20,
	      "      <body format=\"form\"><param key=\"grant_type\" value=\"password\"/></body>" });
	expect_rules(r, "CL304");
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL304", 0)), 1);
	ASSERT_RELATED(nth(r, "CL304", 0), 0, 20, 58, 66);
	cl_result_free(r);

	/* Through a placeholder: the variable's default is what counts. */
	r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" },
	    { 20,
	      "      <body format=\"form\"><param key=\"grant_type\" value=\"{{grant_type}}\"/></body>" });
	expect_rules(r, "CL304");
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL304", 0)), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl304_not_fitting_is_cl303s)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" });

	expect_rules(r, "CL303");
	cl_result_free(r);

	r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"Password\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	cl_result_free(r);
}
END_TEST

/* ---- CL305 ---- */

START_TEST(test_cl305)
{
	cl_result *r = LINT(ac_lines, { 6, NULL });

	expect_rules(r, "CL305");
	ASSERT_POS(nth(r, "CL305", 0), 4, 6, 17);
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 6, "      <additional-url index=\"1\">  </additional-url>" });
	expect_rules(r, "CL305");
	ASSERT_POS(nth(r, "CL305", 0), 6, 8, 22);
	ASSERT_MSG_HAS(nth(r, "CL305", 0), "empty");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 6,
	      "      <additional-url index=\"2\">https://login.xero.com/identity/connect/authorize</additional-url>" });
	expect_rules(r, "CL305");
	ASSERT_POS(nth(r, "CL305", 0), 6, 30, 31);
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 6,
	      "      <additional-url index=\"2\">https://a.example.com/x</additional-url>\n"
	      "      <additional-url index=\"3\">https://a.example.com/y</additional-url>" });
	expect_rules(r, "CL305");
	ASSERT_POS(nth(r, "CL305", 0), 4, 6, 17);
	cl_result_free(r);

	/* Client credentials has no authorise step. */
	r = lint_edited(cc_lines, NULL, 0);
	ck_assert_uint_eq(count(r, "CL305"), 0);
	cl_result_free(r);
}
END_TEST

/* ---- CL306 swapped-oauth-urls ---- */

START_TEST(test_cl306_swapped)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 5,
	      "      <url>https://login.xero.com/identity/connect/authorize</url>" },
	    { 6,
	      "      <additional-url index=\"1\">https://identity.xero.com/connect/token</additional-url>" });
	const cl_diag *d;

	expect_rules(r, "CL306");
	d = nth(r, "CL306", 0);
	ASSERT_POS(d, 5, 12, 61);
	ASSERT_MSG_HAS(d, "`xero`");
	ASSERT_RELATED(d, 0, 6, 33, 72);
	cl_result_free(r);

	/* The span leaves out the blanks around the URL. */
	r = LINT(
	    ac_lines,
	    { 5,
	      "      <url>\n        https://login.xero.com/identity/connect/authorize\n      </url>" },
	    { 6,
	      "      <additional-url index=\"1\">https://identity.xero.com/connect/token</additional-url>" });
	expect_rules(r, "CL306");
	ASSERT_POS(nth(r, "CL306", 0), 6, 9, 58);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl306_same)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 5, "      <url>https://identity.xero.com/connect/token</url>" },
	    { 6,
	      "      <additional-url index=\"1\">https://identity.xero.com/connect/token/</additional-url>" });
	const cl_diag *d;

	/* A trailing slash does not make them different. */
	expect_rules(r, "CL306");
	d = nth(r, "CL306", 0);
	ASSERT_POS(d, 6, 33, 73);
	ASSERT_MSG_HAS(d, "the same");
	ASSERT_RELATED(d, 0, 5, 12, 51);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl306_clean)
{
	static const struct {
		const char *url, *authorise;
	} ok[] = {
		/* Zendesk: "tokens" and "authorizations". */
		{ "https://acme.zendesk.com/oauth/tokens",
		  "https://acme.zendesk.com/oauth/authorizations/new" },
		/* Google: an authorise path without the word. */
		{ "https://oauth2.googleapis.com/token",
		  "https://accounts.google.com/o/oauth2/v2/auth" },
		/* Host names do not count, only paths. */
		{ "https://authorize.example.com/oauth/token",
		  "https://token.example.com/oauth/authorize" },
		/* Neither do queries. */
		{ "https://api.example.com/oauth/access?next=authorize",
		  "https://api.example.com/oauth/login?kind=token" },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(ok); i++) {
		char *url = cl_xasprintf("      <url>%s</url>", ok[i].url);
		char *add = cl_xasprintf(
		    "      <additional-url index=\"1\">%s</additional-url>",
		    ok[i].authorise);
		cl_result *r = LINT(ac_lines, { 5, url }, { 6, add });

		ck_assert_uint_eq(count(r, "CL306"), 0);
		cl_result_free(r);
		free(url);
		free(add);
	}
}
END_TEST

/* ---- CL307 ---- */

START_TEST(test_cl307)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 18,
	      "        <param key=\"Content-Type\" value=\"application/json\"/>" });

	expect_rules(r, "CL307");
	ASSERT_POS(nth(r, "CL307", 0), 18, 42, 58);
	ASSERT_MSG_HAS(nth(r, "CL307", 0), "`application/json`");
	cl_result_free(r);

	r = LINT(cc_lines, { 18, NULL });
	expect_rules(r, "CL307");
	ASSERT_POS(nth(r, "CL307", 0), 17, 8, 15);
	cl_result_free(r);

	r = LINT(ac_lines, { 16, NULL }, { 17, NULL }, { 18, NULL });
	expect_rules(r, "CL307");
	ASSERT_POS(nth(r, "CL307", 0), 4, 6, 17);
	cl_result_free(r);

	r = LINT(
	    cc_lines,
	    { 18,
	      "        <param key=\"content-type\" value=\" Application/X-WWW-Form-URLEncoded ; charset=UTF-8\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL308 invalid-client-type ---- */

START_TEST(test_cl308_values)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"confidental\" locked=\"true\"/>" });

	/* CL302 still takes the misspelling as meant confidential. */
	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 12, 66, 77);
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "did you mean `confidential`?");
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "treats it as public");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"publc\" locked=\"true\"/>" });
	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 12, 66, 71);
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "did you mean `public`?");
	cl_result_free(r);

	/* `public` in any case is taken as public: what it says. */
	r = LINT(
	    ac_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"Public\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL308"), 0);
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"private\" locked=\"true\"/>" });
	expect_rules(r, "CL308");
	ASSERT_MSG_LACKS(nth(r, "CL308", 0), "did you mean");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"public\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL308"), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl308_empty_and_use)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"\" locked=\"true\"/>" });

	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 12, 66, 66);
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "has no value");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 2,
	      "<connector format=\"1\" name=\"Xero\">\n"
	      "  <variables>\n"
	      "    <variable key=\"client_type\" label=\"Client type\" default=\"Confidential\"/>\n"
	      "  </variables>" },
	    { 12, "        <use variable=\"client_type\"/>" });
	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 4, 62, 74);
	cl_result_free(r);

	/* Client credentials has no client type. */
	r = LINT(
	    cc_lines,
	    { 13,
	      "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"private\"/>" });
	ck_assert_uint_eq(count(r, "CL308"), 0);
	cl_result_free(r);
}
END_TEST

/* ---- CL309 redirect-uri-not-allowed ---- */

START_TEST(test_cl309_default)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 13,
	      "        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://app.wearepatchworks.com/oauth/authenticate/\" locked=\"true\"/>" });

	expect_rules(r, "CL309");
	ASSERT_POS(nth(r, "CL309", 0), 13, 68, 119);
	ASSERT_MSG_HAS(
	    nth(r, "CL309", 0),
	    "did you mean `https://app.wearepatchworks.com/oauth/authenticate`?");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 13,
	      "        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://stage.app.wearepatchworks.com/oauth/authenticate\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 13,
	      "        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://localhost:8443/callback\" locked=\"true\"/>" });
	expect_rules(r, "CL309");
	ASSERT_MSG_LACKS(nth(r, "CL309", 0), "did you mean");
	ASSERT_MSG_HAS(
	    nth(r, "CL309", 0),
	    "`https://stage.app.wearepatchworks.com/oauth/authenticate`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl309_params)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 15,
	      "      </variables>\n"
	      "      <url-params>\n"
	      "        <param key=\"redirect_uri\" value=\"https://example.com/cb\"/>\n"
	      "      </url-params>" });

	ck_assert_uint_eq(count(r, "CL309"), 1);
	ASSERT_POS(nth(r, "CL309", 0), 17, 42, 64);
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 15,
	      "      </variables>\n"
	      "      <url-params>\n"
	      "        <param key=\"redirect_uri\" value=\"{{redirect_uri}}\"/>\n"
	      "      </url-params>" });
	ck_assert_uint_eq(count(r, "CL309"), 0);
	cl_result_free(r);
}
END_TEST

/* ---- CL310 implicit-grant ---- */

START_TEST(test_cl310_response_type)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 15, "      </variables>\n"
	          "      <url-params>\n"
	          "        <param key=\"response_type\" value=\"token\"/>\n"
	          "      </url-params>" });

	ck_assert_uint_eq(count(r, "CL310"), 1);
	ASSERT_POS(nth(r, "CL310", 0), 17, 43, 48);
	ASSERT_MSG_HAS(nth(r, "CL310", 0), "`xero`");
	cl_result_free(r);

	r = LINT(
	    ac_lines,
	    { 15,
	      "      </variables>\n"
	      "      <url-params>\n"
	      "        <param key=\"response_type\" value=\"id_token token\"/>\n"
	      "      </url-params>" });
	ck_assert_uint_eq(count(r, "CL310"), 1);
	ASSERT_POS(nth(r, "CL310", 0), 17, 43, 57);
	cl_result_free(r);

	/* `id_token` alone is not `token`. */
	r = LINT(
	    ac_lines,
	    { 15,
	      "      </variables>\n"
	      "      <url-params>\n"
	      "        <param key=\"response_type\" value=\"code id_token\"/>\n"
	      "      </url-params>" });
	ck_assert_uint_eq(count(r, "CL310"), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl310_implicit_grant_type)
{
	cl_result *r = LINT(
	    ac_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"implicit\" locked=\"true\"/>" });

	/* One value, one diagnostic: CL303's while it is on. */
	expect_rules(r, "CL303");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL303", NULL), 0);
	r = LINT(
	    ac_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"implicit\" locked=\"true\"/>" });
	expect_rules(r, "CL310");
	ASSERT_POS(nth(r, "CL310", 0), 11, 64, 72);
	cl_result_free(r);
}
END_TEST

/* ---- CL311 response-type-not-code ---- */

START_TEST(test_cl311_case)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 17, "        <param key=\"response_type\" value=\"Code\"/>" });

	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 17, 43, 47);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "`Code`");
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "did you mean `code`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_implicit_left_to_cl310)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 17, "        <param key=\"response_type\" value=\"token\"/>" });

	/* One value, one diagnostic: the implicit grant is CL310's. */
	expect_rules(r, "CL310");
	cl_result_free(r);
	r = LINT(
	    hubspot_lines,
	    { 17,
	      "        <param key=\"response_type\" value=\"code token\"/>" });
	expect_rules(r, "CL310");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL310", NULL), 0);
	r = LINT(
	    hubspot_lines,
	    { 17, "        <param key=\"response_type\" value=\"token\"/>" });
	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 17, 43, 48);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "needs exactly `code`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_authorise_url_query)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 6,
	      "      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?login_hint=josé&amp;response_type=id_token</additional-url>" });

	/* "é" is two bytes, one column; "&amp;" is five columns. */
	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 6, 107, 115);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "Additional URL 1");
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "`id_token`");
	cl_result_free(r);

	/* An empty value: the key is what there is to point at. */
	r = LINT(
	    hubspot_lines,
	    { 6,
	      "      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?response_type=</additional-url>" });
	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 6, 73, 86);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "is empty");
	cl_result_free(r);

	/* `code` in the URL, and other params around it, are fine. */
	r = LINT(
	    hubspot_lines,
	    { 6,
	      "      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?response_type=code&amp;prompt=consent#x</additional-url>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_through_variable)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 14,
	      "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
	      "        <variable key=\"rt\" label=\"Réponse\" default=\"code id_token\"/>" },
	    { 17, "        <param key=\"response_type\" value=\"{{rt}}\"/>" });
	const cl_diag *d;

	/* Reported where the value is written, the param as related. */
	expect_rules(r, "CL311");
	d = nth(r, "CL311", 0);
	ASSERT_POS(d, 15, 53, 66);
	ASSERT_MSG_HAS(d, "`code id_token`");
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	ASSERT_RELATED(d, 0, 18, 43, 49);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_missing_value)
{
	cl_result *r = LINT(hubspot_lines,
	                    { 17, "        <param key=\"response_type\"/>" });

	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 17, 10, 15);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "has no value");
	cl_result_free(r);

	/* An optional param without a value is the user's to fill in. */
	r = LINT(
	    hubspot_lines,
	    { 17,
	      "        <param key=\"response_type\" required=\"false\" label=\"Response type\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_not_for_client_credentials)
{
	cl_result *r =
	    LINT(cc_lines,
	         { 16, "      </variables>\n"
	               "      <url-params>\n"
	               "        <param key=\"response_type\" value=\"Code\"/>\n"
	               "      </url-params>" });

	/* Client credentials has no authorise request. */
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL312 client-credentials-in-query ---- */

START_TEST(test_cl312_client_credentials_params)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 16,
	      "      </variables>\n"
	      "      <url-params>\n"
	      "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
	      "      </url-params>" });
	const cl_diag *d;

	expect_rules(r, "CL312");
	d = nth(r, "CL312", 0);
	ASSERT_POS(d, 19, 21, 34);
	ASSERT_MSG_HAS(d, "`shop-oauth`");
	ASSERT_MSG_HAS(d, "by HTTP Basic authentication");
	/* client_id goes with it. */
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	ASSERT_RELATED(d, 0, 18, 21, 30);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl312_secret_under_another_key)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 16,
	      "      </variables>\n"
	      "      <url-params>\n"
	      "        <param key=\"secret\" value=\"{{client_secret}}\"/>\n"
	      "      </url-params>" });

	expect_rules(r, "CL312");
	ASSERT_POS(nth(r, "CL312", 0), 18, 36, 53);
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL312", 0)), 0);
	cl_result_free(r);

	/* client_id alone in the URL is not this rule's. */
	r = LINT(
	    cc_lines,
	    { 16, "      </variables>\n"
	          "      <url-params>\n"
	          "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
	          "      </url-params>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl312_token_url_query)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 8,
	      "      <url>https://{{store_url}}/api/oauth/token?client_id={{client_id}}&amp;client_secret={{client_secret}}</url>" });
	const cl_diag *d;

	expect_rules(r, "CL312");
	d = nth(r, "CL312", 0);
	ASSERT_POS(d, 8, 78, 91);
	ASSERT_RELATED(d, 0, 8, 50, 59);
	cl_result_free(r);

	/* A confidential authorisation code client: remove it, Basic
	 * already carries it; its client_id in the URL is not related. */
	r = LINT(
	    hubspot_lines,
	    { 5,
	      "      <url>https://api.hubapi.com/oauth/v1/token?client_id={{client_id}}&amp;client_secret={{client_secret}}</url>" });
	expect_rules(r, "CL312");
	d = nth(r, "CL312", 0);
	ASSERT_POS(d, 5, 78, 91);
	ASSERT_MSG_HAS(d, "HTTP Basic");
	ck_assert_uint_eq(cl_diag_related_count(d), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl312_authorise_request)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 20,
	      "        <param key=\"scope\" value=\"{{scope}}\"/>\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>" });

	/* url-params of authorisation code: the authorise request. The
	 * client_id there is right and never reported. */
	expect_rules(r, "CL312");
	ASSERT_POS(nth(r, "CL312", 0), 21, 21, 34);
	ASSERT_MSG_HAS(nth(r, "CL312", 0), "the user's browser");
	cl_result_free(r);

	r = LINT(
	    hubspot_lines,
	    { 6,
	      "      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?client_secret={{client_secret}}</additional-url>" });
	expect_rules(r, "CL312");
	ASSERT_POS(nth(r, "CL312", 0), 6, 73, 86);
	ASSERT_MSG_HAS(nth(r, "CL312", 0), "Additional URL 1");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl312_body_is_fine)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 20,
	      "      <body format=\"form\">\n"
	      "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
	      "      </body>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL313 grant-type-conflict ---- */

START_TEST(test_cl313_conflict)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 20, "      <body format=\"form\">\n"
	          "        <param key=\"grant_type\" value=\"password\"/>\n"
	          "      </body>" });
	const cl_diag *d;

	/* Both values fit client credentials; CL304 reports the password
	 * grant itself. */
	expect_rules(r, "CL304 CL313");
	d = nth(r, "CL313", 0);
	ASSERT_POS(d, 21, 40, 48);
	ASSERT_MSG_HAS(d, "`password`");
	ASSERT_MSG_HAS(d, "`client_credentials`");
	ASSERT_MSG_HAS(d, "`{{grant_type}}`");
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	ASSERT_RELATED(d, 0, 11, 64, 82);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl313_wrong_value_is_cl303s)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 20,
	      "      <body format=\"form\">\n"
	      "        <param key=\"grant_type\" value=\"authorization_code\"/>\n"
	      "      </body>" });

	expect_rules(r, "CL303");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL303", NULL), 0);
	r = LINT(
	    cc_lines,
	    { 20,
	      "      <body format=\"form\">\n"
	      "        <param key=\"grant_type\" value=\"authorization_code\"/>\n"
	      "      </body>" });
	expect_rules(r, "CL313");
	ASSERT_POS(nth(r, "CL313", 0), 21, 40, 58);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl313_agreeing)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 20,
	      "      <body format=\"form\">\n"
	      "        <param key=\"grant_type\" value=\"{{grant_type}}\"/>\n"
	      "        <param key=\"grant_type\" value=\"client_credentials\"/>\n"
	      "      </body>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL314 empty-scope ---- */

START_TEST(test_cl314)
{
	static const char *const fire[] = {
		"        <variable key=\"scope\" label=\"Scope\" required=\"true\" locked=\"true\"/>",
		"        <variable key=\"scope\" label=\"Scope(s)\" required=\"true\" locked=\"true\"/>",
		"        <variable key=\"scope\" label=\" \" required=\"true\" locked=\"true\"/>",
		"        <variable key=\"scope\" required=\"true\" locked=\"true\"/>",
		"        <variable key=\"scope\" label=\"Scope\" default=\"\" required=\"true\" locked=\"true\"/>",
	};
	static const char *const quiet[] = {
		"        <variable key=\"scope\" label=\"Scopes, space separated (e.g. crm.objects.contacts.read)\" required=\"true\" locked=\"true\"/>",
		"        <variable key=\"scope\" label=\"Scope\" default=\"crm.objects.contacts.read\" required=\"true\" locked=\"true\"/>",
		"        <variable key=\"scope\" label=\"Scope\" configurable=\"true\" locked=\"true\"/>",
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(fire); i++) {
		cl_result *r = LINT(hubspot_lines, { 10, fire[i] });

		expect_rules(r, "CL314");
		ASSERT_POS(nth(r, "CL314", 0), 10, 24, 29);
		ASSERT_MSG_HAS(nth(r, "CL314", 0), "`hs`");
		cl_result_free(r);
	}
	for (i = 0; i < CL_ARRAY_SIZE(quiet); i++) {
		cl_result *r = LINT(hubspot_lines, { 10, quiet[i] });

		expect_rules(r, "");
		cl_result_free(r);
	}
}
END_TEST

/*
 * The advice of CL312 and CL315 fits the method's type and, followed,
 * leads to no other finding with every rule on (docs/format.md, "Where
 * client credentials go"): Basic, built from the auth variables, first;
 * the body only for an API that wants the secret there (Zoho, HubSpot),
 * as a public client.
 */
static const char public_type[] =
    "        <variable key=\"client_type\" label=\"Client type\" default=\"public\" locked=\"true\"/>";
static const char body_credentials[] =
    "      <body format=\"form\">\n"
    "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
    "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
    "      </body>";

START_TEST(test_client_secret_advice_fits_method)
{
	static const char zoho_url[] =
	    "      <url>https://accounts.zoho.com/oauth/v2/token?client_secret={{client_secret}}</url>";
	cl_result *r;
	const cl_diag *d;

	/* Zoho's documentation puts the secret in the token URL: a public
	 * client is told where it belongs, not that it sends none. */
	r = LINT(hubspot_lines, { 5, zoho_url }, { 12, public_type });
	expect_rules(r, "CL312");
	d = nth(r, "CL312", 0);
	ASSERT_MSG_HAS(d, "make `client_type` `confidential`");
	ASSERT_MSG_HAS(d, "`body` param `client_secret`");
	ck_assert_ptr_null(strstr(cl_diag_message(d), "sends no secret"));
	cl_result_free(r);
	/* Both ways out lint clean. */
	r = LINT(hubspot_lines, { 12, public_type }, { 25, body_credentials });
	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(hubspot_lines, { 12, NULL });
	ck_assert_ptr_null(find(r, "CL312"));
	ck_assert_ptr_null(find(r, "CL315"));
	cl_result_free(r);

	/* A confidential client: Basic already carries it. */
	r = LINT(hubspot_lines, { 5, zoho_url });
	expect_rules(r, "CL312");
	ASSERT_MSG_HAS(nth(r, "CL312", 0),
	               "a confidential client already sends it by HTTP Basic");
	cl_result_free(r);

	/* Confidential and the secret in the body: Basic first, the body
	 * only as a public client; either way out lints clean. */
	r = LINT(hubspot_lines, { 25, body_credentials });
	expect_rules(r, "CL315");
	d = nth(r, "CL315", 0);
	ASSERT_MSG_HAS(d, "remove it from the body");
	ASSERT_MSG_HAS(d, "every endpoint request that enables the method");
	ASSERT_MSG_HAS(d, "refuses HTTP Basic, make `client_type` `public`");
	cl_result_free(r);

	/* Client credentials: the platform's Basic, nothing else (a body
	 * param would be a second client authentication). */
	r = LINT(
	    cc_lines,
	    { 16,
	      "      </variables>\n"
	      "      <url-params>\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
	      "      </url-params>" });
	expect_rules(r, "CL312");
	d = nth(r, "CL312", 0);
	ASSERT_MSG_HAS(d, "by HTTP Basic authentication");
	ck_assert_ptr_null(strstr(cl_diag_message(d), "public"));
	ck_assert_ptr_null(strstr(cl_diag_message(d), "body"));
	cl_result_free(r);
}
END_TEST

/* ---- CL315 two-client-auth-methods ---- */

START_TEST(test_cl315_body_param)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 25,
	      "      <body format=\"form\">\n"
	      "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
	      "      </body>" });
	const cl_diag *d;

	/* client_id beside Basic is allowed (RFC 6749 §3.2.1). */
	expect_rules(r, "CL315");
	d = nth(r, "CL315", 0);
	ASSERT_POS(d, 27, 21, 34);
	ASSERT_MSG_HAS(d, "HTTP Basic");
	ASSERT_MSG_HAS(d, "`public`");
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	ASSERT_RELATED(d, 0, 12, 66, 78);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl315_public_or_client_credentials)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 12,
	      "        <variable key=\"client_type\" label=\"Client type\" default=\"public\" locked=\"true\"/>" },
	    { 25,
	      "      <body format=\"form\">\n"
	      "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
	      "      </body>" });

	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(
	    cc_lines,
	    { 20,
	      "      <body format=\"form\">\n"
	      "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
	      "      </body>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl315_no_client_type)
{
	cl_result *r = LINT(
	    hubspot_lines, { 12, NULL },
	    { 25,
	      "      <body format=\"form\">\n"
	      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
	      "      </body>" });

	/* Without client_type the platform's default is confidential. */
	expect_rules(r, "CL201 CL315");
	ASSERT_POS(nth(r, "CL315", 0), 25, 21, 34);
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL315", 0)), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl315_text_body)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 25,
	      "      <body format=\"text\">\n"
	      "        <content>grant_type=authorization_code&amp;client_id={{client_id}}&amp;client_secret={{client_secret}}</content>\n"
	      "      </body>" });

	expect_rules(r, "CL315");
	ASSERT_POS(nth(r, "CL315", 0), 26, 80, 93);
	cl_result_free(r);

	/* A JSON member name counts; a value merely naming it does not. */
	r = LINT(
	    hubspot_lines,
	    { 25,
	      "      <body format=\"raw\" data-type=\"json\">\n"
	      "        <content>{\"note\": \"client_secret=x\", \"client_secret\" : \"{{client_secret}}\"}</content>\n"
	      "      </body>" });
	expect_rules(r, "CL315");
	ASSERT_POS(nth(r, "CL315", 0), 26, 47, 60);
	cl_result_free(r);
}
END_TEST

/* ---- CL316 invalid-scope-syntax ---- */

START_TEST(test_cl316_characters)
{
	static const struct {
		const char *line;
		unsigned col, end;
		const char *says;
	} cases[] = {
		{ "        <variable key=\"scope\" label=\"Scopes\" default=\"crm.objects.contacts.read\xc2\xa0"
		  "crm.objects.deals.read\" locked=\"true\"/>",
		  80, 81, "no-break space (U+00A0)" },
		{ "        <variable key=\"scope\" label=\"Scopes\" default=\"read&#9;write\" locked=\"true\"/>",
		  59, 63, "a tab" },
		{ "        <variable key=\"scope\" label=\"Scopes\" default=\"&quot;read write&quot;\" locked=\"true\"/>",
		  55, 61, "a double quote" },
		{ "        <variable key=\"scope\" label=\"Scopes\" default=\"read\\write\" locked=\"true\"/>",
		  59, 60, "a backslash" },
		{ "        <variable key=\"scope\" label=\"Scopes\" default=\"\xe2\x80\x9cread\xe2\x80\x9d\" locked=\"true\"/>",
		  55, 56, "curly quote" },
		{ "        <variable key=\"scope\" label=\"Scopes\" default=\"lecture_données\" locked=\"true\"/>",
		  67, 68, "`é` (U+00E9)" },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		cl_result *r = LINT(hubspot_lines, { 10, cases[i].line });

		expect_rules(r, "CL316");
		ASSERT_POS(nth(r, "CL316", 0), 10, cases[i].col, cases[i].end);
		ASSERT_MSG_HAS(nth(r, "CL316", 0), cases[i].says);
		cl_result_free(r);
	}
}
END_TEST

START_TEST(test_cl316_valid)
{
	/* Every printable ASCII but '"' and '\', single spaces; a raw tab
	 * in an attribute reads as a space. */
	cl_result *r = LINT(
	    hubspot_lines,
	    { 10,
	      "        <variable key=\"scope\" label=\"Scopes\" default=\"openid profile https://graph.microsoft.com/.default user:read:email a!#$%&amp;'()*+,-./:;&lt;=&gt;?@[]^_`{|}~\tz\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl316_param_and_shared_default)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 20, "        <param key=\"scope\" value=\"read\\write\"/>" });

	expect_rules(r, "CL316");
	ASSERT_POS(nth(r, "CL316", 0), 20, 39, 40);
	ASSERT_MSG_HAS(nth(r, "CL316", 0), "the `scope` param");
	cl_result_free(r);

	/* A connector variable `use`d by two methods: reported once, at
	 * its default. */
	r = LINT(
	    cc_lines,
	    { 4,
	      "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
	      "    <variable key=\"scope\" label=\"Scope\" default=\"write\xc2\xa0read\"/>" },
	    { 10, "        <use variable=\"scope\"/>" },
	    { 21,
	      "    </auth-method>\n"
	      "    <auth-method id=\"shop-oauth-2\" name=\"OAuth 2 (second)\" type=\"oauth2-client-credentials\">\n"
	      "      <url>https://{{store_url}}/api/oauth/token</url>\n"
	      "      <variables>\n"
	      "        <use variable=\"scope\"/>\n"
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>\n"
	      "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
	      "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n" CC_TOKEN_KEY_TO_HEADERS
	      "    </auth-method>" },
	    { 26, "      <enable auth-method=\"shop-oauth\"/>\n"
	          "      <enable auth-method=\"shop-oauth-2\"/>" });
	expect_rules(r, "CL316");
	ASSERT_POS(nth(r, "CL316", 0), 5, 55, 56);
	cl_result_free(r);
}
END_TEST

/* ---- CL317 fixed-state ---- */

START_TEST(test_cl317_literal)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 20,
	      "        <param key=\"scope\" value=\"{{scope}}\"/>\n"
	      "        <param key=\"state\" value=\"hubspot-connector\"/>" });

	expect_rules(r, "CL317");
	ASSERT_POS(nth(r, "CL317", 0), 21, 35, 52);
	ASSERT_MSG_HAS(nth(r, "CL317", 0), "`hubspot-connector`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl317_through_variable)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 14,
	      "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
	      "        <variable key=\"state\" label=\"State\" default=\"s3cr3t-state\"/>" },
	    { 20, "        <param key=\"scope\" value=\"{{scope}}\"/>\n"
	          "        <param key=\"state\" value=\"{{state}}\"/>" });
	const cl_diag *d;

	expect_rules(r, "CL317");
	d = nth(r, "CL317", 0);
	ASSERT_POS(d, 15, 54, 66);
	ASSERT_RELATED(d, 0, 22, 35, 44);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl317_quiet)
{
	/* Empty; a placeholder nobody defines (CL104's); malformed (CL106's);
	 * and on a client credentials method, which has no authorise
	 * request. */
	cl_result *r =
	    LINT(hubspot_lines,
	         { 20, "        <param key=\"scope\" value=\"{{scope}}\"/>\n"
	               "        <param key=\"state\" value=\"\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(hubspot_lines,
	         { 20, "        <param key=\"scope\" value=\"{{scope}}\"/>\n"
	               "        <param key=\"state\" value=\"{{state}}\"/>" });
	expect_rules(r, "CL104");
	cl_result_free(r);
	r = LINT(hubspot_lines,
	         { 20, "        <param key=\"scope\" value=\"{{scope}}\"/>\n"
	               "        <param key=\"state\" value=\"${state}\"/>" });
	expect_rules(r, "CL106");
	cl_result_free(r);
	r = LINT(cc_lines,
	         { 16, "      </variables>\n"
	               "      <url-params>\n"
	               "        <param key=\"state\" value=\"abc\"/>\n"
	               "      </url-params>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl317_authorise_url)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 6,
	      "      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?state=abc123#top</additional-url>" });

	expect_rules(r, "CL317");
	ASSERT_POS(nth(r, "CL317", 0), 6, 79, 85);
	cl_result_free(r);
}
END_TEST

/* ---- CL318 oauth-param-name-case ---- */

START_TEST(test_cl318_params)
{
	cl_result *r = LINT(
	    hubspot_lines,
	    { 17, "        <param key=\"Response_Type\" value=\"code\"/>" },
	    { 18, "        <param key=\"clientId\" value=\"{{client_id}}\"/>" },
	    { 25,
	      "      <body format=\"form\">\n"
	      "        <param key=\"Code-Verifier\" value=\"{{client_id}}\"/>\n"
	      "      </body>" });

	expect_rules(r, "CL318 CL318 CL318");
	ASSERT_POS(nth(r, "CL318", 0), 17, 21, 34);
	ASSERT_MSG_HAS(nth(r, "CL318", 0), "did you mean `response_type`?");
	ASSERT_POS(nth(r, "CL318", 1), 18, 21, 29);
	ASSERT_MSG_HAS(nth(r, "CL318", 1), "did you mean `client_id`?");
	ASSERT_POS(nth(r, "CL318", 2), 26, 21, 34);
	ASSERT_MSG_HAS(nth(r, "CL318", 2), "did you mean `code_verifier`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl318_url_query)
{
	cl_result *r = LINT(
	    cc_lines,
	    { 8,
	      "      <url>https://{{store_url}}/api/oauth/token?Grant_Type=client_credentials</url>" });

	expect_rules(r, "CL318");
	ASSERT_POS(nth(r, "CL318", 0), 8, 50, 60);
	ASSERT_MSG_HAS(nth(r, "CL318", 0), "URL param `Grant_Type`");
	cl_result_free(r);

	r = LINT(
	    hubspot_lines,
	    { 6,
	      "      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?Client_ID={{client_id}}</additional-url>" });
	expect_rules(r, "CL318");
	ASSERT_POS(nth(r, "CL318", 0), 6, 73, 82);
	ASSERT_MSG_HAS(nth(r, "CL318", 0),
	               "Additional URL 1 param `Client_ID`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl318_quiet)
{
	/* Header names are case-insensitive, and an API may want its own
	 * `Client-Id` header; endpoint params are the API's own; a variable
	 * key in the wrong case is CL301's. */
	cl_result *r = LINT(
	    hubspot_lines,
	    { 23,
	      "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n"
	      "        <param key=\"Client-Id\" value=\"{{client_id}}\"/>" },
	    { 30,
	      "      <url>https://api.hubapi.com/crm/v3/objects/contacts?clientId=1</url>" });

	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(
	    cc_lines,
	    { 12,
	      "        <variable key=\"Client_ID\" label=\"Client ID\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "CL301");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl318_password_grant)
{
	static const char body[] =
	    "      <body format=\"form\">\n"
	    "        <param key=\"userName\" value=\"{{username}}\"/>\n"
	    "        <param key=\"password\" value=\"{{password}}\"/>\n"
	    "      </body>";
	static const char vars[] =
	    "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"username\" label=\"Username\" required=\"true\"/>\n"
	    "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\"/>";
	cl_result *r = LINT(
	    cc_lines,
	    { 11,
	      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" },
	    { 13, vars }, { 20, body });

	/* username is a protocol name only in the password grant. */
	expect_rules(r, "CL304 CL318");
	ASSERT_POS(nth(r, "CL318", 0), 23, 21, 29);
	ASSERT_MSG_HAS(nth(r, "CL318", 0), "did you mean `username`?");
	cl_result_free(r);
	r = LINT(cc_lines, { 13, vars }, { 20, body });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

static Suite *
rules_cl3xx_suite(void)
{
	Suite *s = suite_create("rules_cl3xx");
	TCase *tc = tcase_create("core");
	TCase *tp = tcase_create("protocol");

	tcase_add_checked_fixture(tc, lint_setup, lint_teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl301_not_required);
	tcase_add_test(tc, test_cl302_confidential);
	tcase_add_test(tc, test_cl302_public);
	tcase_add_test(tc, test_cl302_client_credentials);
	tcase_add_test(tc, test_cl303_multiline_non_ascii);
	tcase_add_test(tc, test_cl303_literal_param);
	tcase_add_test(tc, test_cl303_values);
	tcase_add_test(tc, test_cl303_connector_variable);
	tcase_add_test(tc, test_cl304);
	tcase_add_test(tc, test_cl304_not_fitting_is_cl303s);
	tcase_add_test(tc, test_cl305);
	tcase_add_test(tc, test_cl306_swapped);
	tcase_add_test(tc, test_cl306_same);
	tcase_add_test(tc, test_cl306_clean);
	tcase_add_test(tc, test_cl307);
	tcase_add_test(tc, test_cl308_values);
	tcase_add_test(tc, test_cl308_empty_and_use);
	tcase_add_test(tc, test_cl309_default);
	tcase_add_test(tc, test_cl309_params);
	tcase_add_test(tc, test_cl310_response_type);
	tcase_add_test(tc, test_cl310_implicit_grant_type);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(tp, protocol_setup, lint_teardown);
	tcase_add_test(tp, test_bases_clean_cl4_cl5_off);
	tcase_add_test(tp, test_cl311_case);
	tcase_add_test(tp, test_cl311_implicit_left_to_cl310);
	tcase_add_test(tp, test_cl311_authorise_url_query);
	tcase_add_test(tp, test_cl311_through_variable);
	tcase_add_test(tp, test_cl311_missing_value);
	tcase_add_test(tp, test_cl311_not_for_client_credentials);
	tcase_add_test(tc, test_client_secret_advice_fits_method);
	tcase_add_test(tp, test_cl312_client_credentials_params);
	tcase_add_test(tp, test_cl312_secret_under_another_key);
	tcase_add_test(tp, test_cl312_token_url_query);
	tcase_add_test(tp, test_cl312_authorise_request);
	tcase_add_test(tp, test_cl312_body_is_fine);
	tcase_add_test(tp, test_cl313_conflict);
	tcase_add_test(tp, test_cl313_wrong_value_is_cl303s);
	tcase_add_test(tp, test_cl313_agreeing);
	tcase_add_test(tp, test_cl314);
	tcase_add_test(tp, test_cl315_body_param);
	tcase_add_test(tp, test_cl315_public_or_client_credentials);
	tcase_add_test(tp, test_cl315_no_client_type);
	tcase_add_test(tp, test_cl315_text_body);
	tcase_add_test(tp, test_cl316_characters);
	tcase_add_test(tp, test_cl316_valid);
	tcase_add_test(tp, test_cl316_param_and_shared_default);
	tcase_add_test(tp, test_cl317_literal);
	tcase_add_test(tp, test_cl317_through_variable);
	tcase_add_test(tp, test_cl317_quiet);
	tcase_add_test(tp, test_cl317_authorise_url);
	tcase_add_test(tp, test_cl318_params);
	tcase_add_test(tp, test_cl318_url_query);
	tcase_add_test(tp, test_cl318_quiet);
	tcase_add_test(tp, test_cl318_password_grant);
	suite_add_tcase(s, tp);
	return s;
}

CL_CHECK_MAIN(rules_cl3xx_suite)
