/*
 * The endpoint rules CL401-CL413 on in-memory connectors: each case edits
 * a line or two of a clean connector (tests/lib/connectors.h) and checks
 * which rules fire, the exact span they point at (columns count
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
	EXPECT_CLEAN(cc_lines, shopware_lines, tok_lines);
}
END_TEST

/* ---- CL401, CL402 ---- */

START_TEST(test_cl401)
{
	cl_result *r = LINT(cc_lines, { 26, NULL });

	/* The only method is now enabled nowhere either. */
	expect_rules(r, "CL202 CL401");
	ASSERT_POS(nth(r, "CL401", 0), 24, 6, 14);
	ASSERT_MSG_HAS(nth(r, "CL401", 0),
	               "<enable auth-method=\"shop-oauth\"/>");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl402)
{
	cl_result *r = LINT(
	    cc_lines, { 26, "      <enable auth-method=\"shop-oauht\"/>" });

	expect_rules(r, "CL202 CL402");
	ASSERT_POS(nth(r, "CL402", 0), 26, 28, 38);
	ASSERT_MSG_HAS(nth(r, "CL402", 0), "did you mean `shop-oauth`?");
	ASSERT_MSG_HAS(nth(r, "CL202", 0), "`shop-oauht`");
	cl_result_free(r);

	r = LINT(cc_lines, { 26, "      <enable auth-method=\"shop-oauth\"/>\n"
	                         "      <enable auth-method=\"zendesk\"/>" });
	expect_rules(r, "CL402");
	ASSERT_POS(nth(r, "CL402", 0), 27, 28, 35);
	ck_assert_ptr_null(
	    strstr(cl_diag_message(nth(r, "CL402", 0)), "did you mean"));
	cl_result_free(r);
}
END_TEST

/* ---- CL403 ---- */

START_TEST(test_cl403)
{
	const cl_diag *d;
	cl_result *r =
	    LINT(tok_lines, { 17, basic_method },
	         { 22, "      <enable auth-method=\"shop-token\"/>\n"
	               "      <enable auth-method=\"shop-basic\"/>" });

	/* The first endpoint enables both; the second (line 33) only the
	 * token, so basic instances cannot use it. */
	expect_rules(r, "CL403");
	d = nth(r, "CL403", 0);
	ASSERT_POS(d, 33, 6, 14);
	ASSERT_MSG_HAS(d, "`update-order`");
	ASSERT_MSG_HAS(d, "<enable auth-method=\"shop-basic\"/>");
	ASSERT_RELATED(d, 0, 18, 22, 32);
	ck_assert_int_eq(cl_diag_severity(d), CL_SEV_INFO);
	cl_result_free(r);

	/* Enabled nowhere: CL202 says it once, CL403 stays quiet. */
	r = LINT(tok_lines, { 17, basic_method });
	expect_rules(r, "CL202");
	cl_result_free(r);

	/* A misspelt enable is CL402's. */
	r = LINT(tok_lines, { 17, basic_method },
	         { 22, "      <enable auth-method=\"shop-token\"/>\n"
	               "      <enable auth-method=\"shop-basic\"/>" },
	         { 32, "      <enable auth-method=\"shop-token\"/>\n"
	               "      <enable auth-method=\"shop-basik\"/>" });
	expect_rules(r, "CL402");
	cl_result_free(r);
}
END_TEST

/* ---- CL404 ---- */

/* An endpoint URL line whose URL is CHARS characters as written, made of
 * PREFIX, then 'a's, with BEFORE and AFTER around it. Caller frees. */
static char *
url_line(const char *before, const char *prefix, size_t chars,
         const char *after)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t n = strlen("https://{{store_name}}.myshopify.com/") +
	           cl_utf8_count(prefix, strlen(prefix));

	cl_strbuf_adds(&sb, before);
	cl_strbuf_adds(&sb, "https://{{store_name}}.myshopify.com/");
	cl_strbuf_adds(&sb, prefix);
	for (; n < chars; n++)
		cl_strbuf_addch(&sb, 'a');
	cl_strbuf_adds(&sb, after);
	return cl_strbuf_detach(&sb);
}

START_TEST(test_cl404)
{
	char *line = url_line("      <url>", "", 256, "</url>");
	cl_result *r = LINT(tok_lines, { 21, line });

	expect_rules(r, "CL404");
	ASSERT_POS(nth(r, "CL404", 0), 21, 12, 12 + 256);
	ASSERT_MSG_HAS(nth(r, "CL404", 0), "256 characters");
	ASSERT_MSG_HAS(nth(r, "CL404", 0), "(1 too many)");
	cl_result_free(r);
	free(line);

	line = url_line("      <url>", "", 255, "</url>");
	r = LINT(tok_lines, { 21, line });
	expect_rules(r, "");
	cl_result_free(r);
	free(line);

	/* Characters, not bytes: 255 characters, 265 bytes. */
	line = url_line("      <url>", "éééééééééé/", 255, "</url>");
	r = LINT(tok_lines, { 21, line });
	expect_rules(r, "");
	cl_result_free(r);
	free(line);

	/* `&amp;` is one character; white space around the URL does not
	 * count, and the span leaves it out. */
	line = url_line("      <url>\n        ", "x?a=1&amp;b=", 256 + 4,
	                "\n      </url>");
	r = LINT(tok_lines, { 21, line });
	expect_rules(r, "CL404");
	ASSERT_POS(nth(r, "CL404", 0), 22, 9, 9 + 256 + 4);
	ASSERT_MSG_HAS(nth(r, "CL404", 0), "256 characters");
	cl_result_free(r);
	free(line);
}
END_TEST

/* ---- CL405 ---- */

START_TEST(test_cl405)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 20,
	      "    <endpoint id=\"list-orders\" name=\"Liste des commandes — été\" direction=\"receive\" method=\"POST\">" },
	    { 24,
	      "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"HEAD\">" });

	expect_rules(r, "CL405 CL405");
	d = nth(r, "CL405", 0);
	ASSERT_POS(d, 20, 93, 97);
	ASSERT_MSG_HAS(d, "GraphQL");
	ASSERT_RELATED(d, 0, 20, 76, 83);
	ck_assert_int_eq(cl_diag_severity(d), CL_SEV_INFO);
	d = nth(r, "CL405", 1);
	ASSERT_POS(d, 24, 78, 82);
	ASSERT_RELATED(d, 0, 24, 64, 68);
	cl_result_free(r);

	r = LINT(
	    tok_lines,
	    { 24,
	      "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"DELETE\">" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL406 ---- */

START_TEST(test_cl406)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <body>\n"
	      "        <param key=\"status\" value=\"any\"/>\n"
	      "      </body>" });

	expect_rules(r, "CL406");
	d = nth(r, "CL406", 0);
	ASSERT_POS(d, 22, 8, 12);
	ASSERT_MSG_HAS(d, "1 body param:");
	ASSERT_RELATED(d, 0, 20, 79, 82);
	cl_result_free(r);

	/* format="none": nothing is sent; CL412 reports the param. */
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <body format=\"none\">\n"
	      "        <param key=\"status\" value=\"any\"/>\n"
	      "      </body>" });
	expect_rules(r, "CL412");
	cl_result_free(r);

	/* An empty <content/> is no body. */
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <body format=\"raw\" data-type=\"json\"><content/></body>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL407 ---- */

START_TEST(test_cl407)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"content-type\" value=\"application/json\"/></headers>" });

	/* Not CL410 as well: removing the header fixes both. */
	expect_rules(r, "CL407");
	ASSERT_POS(nth(r, "CL407", 0), 22, 28, 40);
	cl_result_free(r);

	r = LINT(tok_lines,
	         { 28, "      </headers>\n      <body format=\"none\"/>" });
	expect_rules(r, "CL407");
	d = nth(r, "CL407", 0);
	ASSERT_POS(d, 27, 21, 33);
	ASSERT_RELATED(d, 0, 29, 21, 25);
	cl_result_free(r);

	/* A send endpoint with no <body> carries the flow's payload. */
	r = LINT(tok_lines, { 28, "      </headers>\n      <body/>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* A webhook connector needs the header on every endpoint (CL409). */
	r = LINT(
	    tok_lines,
	    { 2, "<connector format=\"1\" name=\"Shop\" webhook=\"true\">" },
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"Content-Type\" value=\"application/json\"/></headers>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL408 ---- */

START_TEST(test_cl408)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers>\n"
	      "        <param key=\"ACCEPT\" value=\"application/json\"/>\n"
	      "        <param key=\"Accept-Language\" value=\"fr\"/>\n"
	      "      </headers>" });

	expect_rules(r, "CL408");
	d = nth(r, "CL408", 0);
	ASSERT_POS(d, 23, 21, 27);
	ASSERT_MSG_HAS(d, "`shop-token`");
	ASSERT_RELATED(d, 0, 15, 21, 27);
	cl_result_free(r);

	/* Another value overrides: not reported. */
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"Accept\" value=\"application/xml\"/></headers>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* Automatic headers off: the endpoint must repeat them. */
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers automatic=\"false\">\n"
	      "        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\"/>\n"
	      "        <param key=\"Accept\" value=\"application/json\"/>\n"
	      "      </headers>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* An optional param is the user's. */
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"Accept\" value=\"application/json\" required=\"false\" label=\"Accept\"/></headers>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl408_body_and_two_methods)
{
	const cl_diag *d;
	/* A body param of the auth method, repeated in the endpoint's body:
	 * body keys are compared exactly. */
	cl_result *r = LINT(
	    tok_lines,
	    { 16,
	      "      </headers>\n"
	      "      <body><param key=\"api_version\" value=\"2024-10\"/></body>" },
	    { 28, "      </headers>\n"
	          "      <body>\n"
	          "        <param key=\"api_version\" value=\"2024-10\"/>\n"
	          "        <param key=\"API_VERSION\" value=\"2024-10\"/>\n"
	          "      </body>" });

	expect_rules(r, "CL408");
	d = nth(r, "CL408", 0);
	ASSERT_POS(d, 31, 21, 32);
	ASSERT_MSG_HAS(d, "body param `api_version`");
	ASSERT_RELATED(d, 0, 17, 25, 36);
	cl_result_free(r);

	/* Two methods, only one sends the header: the endpoint needs it for
	 * the other. */
	r = LINT(
	    tok_lines, { 17, basic_method },
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"Accept\" value=\"application/json\"/></headers>" },
	    { 22, "      <enable auth-method=\"shop-token\"/>\n"
	          "      <enable auth-method=\"shop-basic\"/>" },
	    { 32, "      <enable auth-method=\"shop-token\"/>\n"
	          "      <enable auth-method=\"shop-basic\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL409 ---- */

START_TEST(test_cl409)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 2, "<connector format=\"1\" name=\"Shop\" webhook=\"true\">" });

	/* The GET endpoint has no Content-Type; the PUT one has its own. */
	expect_rules(r, "CL409");
	ASSERT_POS(nth(r, "CL409", 0), 20, 6, 14);
	cl_result_free(r);

	/* Inherited from the OAuth method: fine; with automatic headers off:
	 * reported at <headers>, with both places related. */
	r = LINT(
	    shopware_lines,
	    { 2,
	      "<connector format=\"1\" name=\"Shopware\" webhook=\"true\">" });
	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(
	    shopware_lines,
	    { 2,
	      "<connector format=\"1\" name=\"Shopware\" webhook=\"true\">" },
	    { 25,
	      "      <url>https://{{store_url}}/api/order</url>\n"
	      "      <headers automatic=\"false\"><param key=\"Accept\" value=\"application/json\"/></headers>" });
	expect_rules(r, "CL409");
	d = nth(r, "CL409", 0);
	ASSERT_POS(d, 26, 8, 15);
	ASSERT_RELATED(d, 0, 26, 27, 32);
	ASSERT_RELATED(d, 1, 18, 21, 33);
	cl_result_free(r);

	/* An optional Content-Type is not always sent. */
	r = LINT(
	    tok_lines,
	    { 2, "<connector format=\"1\" name=\"Shop\" webhook=\"true\">" },
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"Content-Type\" required=\"false\" label=\"Type\"/></headers>" });
	expect_rules(r, "CL409");
	ASSERT_POS(nth(r, "CL409", 0), 22, 8, 15);
	cl_result_free(r);
}
END_TEST

/* ---- CL410 ---- */

START_TEST(test_cl410)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 27,
	      "        <param key=\"Content-Type\" value=\"Text/XML; charset=utf-8\"/>" });

	/* data-type not given: json, the default. */
	expect_rules(r, "CL410");
	d = nth(r, "CL410", 0);
	ASSERT_POS(d, 27, 42, 65);
	ASSERT_MSG_HAS(d, "(the default)");
	ASSERT_MSG_HAS(d, "`application/json`");
	ck_assert_uint_eq(cl_diag_related_count(d), 0);
	cl_result_free(r);

	r = LINT(
	    tok_lines,
	    { 24,
	      "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"PUT\" data-type=\"csv\">" },
	    { 27,
	      "        <param key=\"Content-Type\" value=\"application/problem+json\"/>" });
	expect_rules(r, "CL410");
	d = nth(r, "CL410", 0);
	ASSERT_MSG_HAS(d, "`text/csv`");
	ASSERT_RELATED(d, 0, 24, 94, 97);
	cl_result_free(r);

	/* Compatible or unknown: text/plain for CSV, a placeholder, txt. */
	r = LINT(
	    tok_lines,
	    { 24,
	      "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"PUT\" data-type=\"csv\">" },
	    { 27,
	      "        <param key=\"Content-Type\" value=\"text/plain\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(
	    tok_lines,
	    { 27,
	      "        <param key=\"Content-Type\" value=\"{{content_type}}\"/>\n"
	      "      </headers>\n"
	      "      <variables>\n"
	      "        <variable key=\"content_type\" label=\"Type\" default=\"application/xml\"/>" },
	    { 28, NULL }, { 29, NULL });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL411 ---- */

START_TEST(test_cl411)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines, { 22, "      <enable auth-method=\"shop-token\"/>\n"
	                     "      <enable auth-method=\"shop-token\"/>\n"
	                     "      <enable auth-method=\"shop-token\"/>" });

	expect_rules(r, "CL411 CL411");
	d = nth(r, "CL411", 0);
	ASSERT_POS(d, 23, 28, 38);
	ASSERT_RELATED(d, 0, 22, 28, 38);
	ASSERT_POS(nth(r, "CL411", 1), 24, 28, 38);
	cl_result_free(r);
}
END_TEST

/* ---- CL412 ---- */

START_TEST(test_cl412)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 28,
	      "      </headers>\n"
	      "      <body format=\"form\"><content>{\"order\": {}}</content></body>" });

	expect_rules(r, "CL412");
	d = nth(r, "CL412", 0);
	ASSERT_POS(d, 29, 21, 25);
	ASSERT_RELATED(d, 0, 29, 28, 35);
	cl_result_free(r);

	/* In an auth method too. */
	r = LINT(
	    shopware_lines,
	    { 20,
	      "      <body format=\"none\"><param key=\"audience\" value=\"api\"/></body>" });
	expect_rules(r, "CL412");
	ASSERT_POS(nth(r, "CL412", 0), 20, 21, 25);
	ASSERT_MSG_HAS(nth(r, "CL412", 0), "auth method `sw-oauth`");
	cl_result_free(r);

	/* No format given: it follows from the params. */
	r = LINT(
	    tok_lines,
	    { 28,
	      "      </headers>\n"
	      "      <body><param key=\"note\" value=\"{{order_id}}\"/></body>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL413 ---- */

START_TEST(test_cl413)
{
	cl_result *r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <pagination method=\"page-number\">\n"
	      "        <option key=\"pageParameter\" value=\"page\"/>\n"
	      "        <option key=\"limit_parameter\" value=\"\"/>\n"
	      "      </pagination>" });

	expect_rules(r, "CL413 CL413");
	ASSERT_POS(nth(r, "CL413", 0), 23, 22, 35);
	ASSERT_MSG_HAS(nth(r, "CL413", 0), "did you mean `page_parameter`?");
	ASSERT_POS(nth(r, "CL413", 1), 24, 39, 47);
	cl_result_free(r);

	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <pagination method=\"next-page-token\"><option key=\"token_parameter\" value=\"page_info\"/></pagination>" });
	expect_rules(r, "CL413");
	ASSERT_POS(nth(r, "CL413", 0), 22, 8, 18);
	ASSERT_MSG_HAS(nth(r, "CL413", 0), "`token_path`");
	cl_result_free(r);

	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <pagination method=\"next-page-url\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

static Suite *
rules_cl4xx_suite(void)
{
	Suite *s = suite_create("rules_cl4xx");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, lint_setup, lint_teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl401);
	tcase_add_test(tc, test_cl402);
	tcase_add_test(tc, test_cl403);
	tcase_add_test(tc, test_cl404);
	tcase_add_test(tc, test_cl405);
	tcase_add_test(tc, test_cl406);
	tcase_add_test(tc, test_cl407);
	tcase_add_test(tc, test_cl408);
	tcase_add_test(tc, test_cl408_body_and_two_methods);
	tcase_add_test(tc, test_cl409);
	tcase_add_test(tc, test_cl410);
	tcase_add_test(tc, test_cl411);
	tcase_add_test(tc, test_cl412);
	tcase_add_test(tc, test_cl413);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(rules_cl4xx_suite)
