/*
 * The security rules CL501-CL505 on in-memory connectors: each case edits
 * a line or two of a clean connector (tests/lib/connectors.h) and checks
 * which rules fire, the exact span they point at (columns count
 * characters; several cases put non-ASCII text before the fault on its
 * line) and the related locations. Where another rule may also have
 * something to say about an edited connector, the case counts only the
 * rule under test.
 *
 * tests/check_secrets.c checks that no output shows a secret.
 */
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/edit.h"

/* ---- the bases are clean ---- */

START_TEST(test_bases_clean)
{
	EXPECT_CLEAN(shopware_lines, tok_lines);
}
END_TEST

/* Line 21 of tok_lines, the orders URL, and the start of its params. */
#define ORDERS_URL_PARAMS                                                                       \
	"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n" \
	"      <url-params>\n"

/* ---- CL501 ---- */

START_TEST(test_cl501_default)
{
	static const char secret[] = "DwdeejLZZzUDsYTnBbzkBY031KRC3gSoHA0V7MLP";
	const cl_diag *d;
	char line[256];
	cl_result *r;

	snprintf(
	    line, sizeof(line),
	    "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\" default=\"%s\"/>",
	    secret);
	r = LINT(shopware_lines, { 13, line });
	expect_rules(r, "CL501");
	d = nth(r, "CL501", 0);
	ASSERT_POS(d, 13, 114, 114 + 40);
	ASSERT_MSG_HAS(d, "`Dwde\xE2\x80\xA6`");
	ASSERT_MSG_LACKS(d, secret);
	ASSERT_MSG_LACKS(d, "DwdeejLZ");
	cl_result_free(r);

	/* A placeholder is not a secret. */
	r = LINT(
	    shopware_lines,
	    { 13,
	      "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\" default=\"{{shared_secret}}\"/>" });
	ck_assert_ptr_null(nth(r, "CL501", 0));
	cl_result_free(r);

	/* Other defaults: a key name and a scope are not credentials. */
	r = lint_edited(shopware_lines, NULL, 0);
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl501_authorization)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers>\n"
	      "        <param key=\"Authorization\" value=\"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl\"/>\n"
	      "      </headers>" });

	expect_rules(r, "CL501");
	d = nth(r, "CL501", 0);
	ASSERT_POS(d, 23, 50, 50 + 61);
	ASSERT_MSG_HAS(d, "bearer token `eyJh\xE2\x80\xA6`");
	ASSERT_MSG_LACKS(d, "eyJhbGci");
	cl_result_free(r);

	/* A character reference before the credentials: the span still
	 * covers exactly the credentials. */
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"Authorization\" value=\"Basic&#x20;YWRtaW46UzNjcmV0UGFzc3cwcmQh\"/></headers>" });
	expect_rules(r, "CL501");
	d = nth(r, "CL501", 0);
	ASSERT_POS(d, 22, 61, 61 + 28);
	ASSERT_MSG_HAS(d, "Basic credentials `YWRt\xE2\x80\xA6`");
	cl_result_free(r);

	/* Placeholders, labels and short scheme parameters are not
	 * credentials. */
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers>\n"
	      "        <param key=\"Authorization\" value=\"Bearer {{token}}\"/>\n"
	      "        <param key=\"X-Auth\" value=\"Token token={{token}}\"/>\n"
	      "        <param key=\"Proxy-Authorization\" value=\"Basic {{username}}:{{password}}\"/>\n"
	      "      </headers>\n"
	      "      <variables>\n"
	      "        <variable key=\"username\" label=\"User\" required=\"true\"/>\n"
	      "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\"/>\n"
	      "      </variables>" });
	ck_assert_ptr_null(nth(r, "CL501", 0));
	cl_result_free(r);
	r = LINT(
	    tok_lines,
	    { 21,
	      "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
	      "      <headers><param key=\"authorization\" value=\"OAuth oauth_consumer_key=&quot;{{token}}&quot;, oauth_signature_method=&quot;HMAC-SHA256&quot;, oauth_version=&quot;1.0&quot;\"/></headers>" });
	ck_assert_ptr_null(nth(r, "CL501", 0));
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl501_params)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    tok_lines,
	    { 21, ORDERS_URL_PARAMS
	      "        <param key=\"since_id\" value=\"0189d6a2-7f3e-7c4b-9a1d-3e5f7b9c1d2e\"/>\n"
	      "        <param key=\"fields\" value=\"id,name,total_price,customer.default_address\"/>\n"
	      "        <param key=\"signature\" value=\"q=été&amp;sig=00Bp6W82YlRegmzCT2HGevbJXnjfXjByeXxLAaLISnl\"/>\n"
	      "      </url-params>\n"
	      "      <headers>\n"
	      "        <param key=\"X-Api-Key\" value=\"8d510385c09292709633f920f8c58b1d\"/>\n"
	      "        <param key=\"X-Request-Id\" value=\"8d510385c09292709633f920f8c58b1d\"/>\n"
	      "      </headers>" });

	/* The random token after `sig=` (past two accented letters and a
	 * reference), and the hex key in a header named as a key; not the
	 * UUID, nor the same hex under a key that names no credential. */
	expect_rules(r, "CL501 CL501");
	d = nth(r, "CL501", 0);
	ASSERT_POS(d, 25, 53, 53 + 43);
	ASSERT_MSG_HAS(d, "`00Bp\xE2\x80\xA6`");
	d = nth(r, "CL501", 1);
	ASSERT_POS(d, 28, 39, 39 + 32);
	cl_result_free(r);

	/* Long identifiers with digits are made of words, not random. */
	r = LINT(
	    tok_lines,
	    { 21, ORDERS_URL_PARAMS
	      "        <param key=\"view\" value=\"GetSalesOrdersByCustomerIdAndStatus2024V2\"/>\n"
	      "        <param key=\"expand\" value=\"associationsLineItemsDeliveries2024Q1Q2\"/>\n"
	      "        <param key=\"client_id\" value=\"SWIAEFRPNJBRMVVYB2JPC2XNMQ\"/>\n"
	      "      </url-params>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL502 ---- */

START_TEST(test_cl502)
{
	const cl_diag *d;
	cl_result *r = LINT(
	    shopware_lines,
	    { 8, "      <url>  http://{{store_url}}/api/oauth/token</url>" },
	    { 25, "      <url>Http://{{store_url}}/api/order</url>" });

	expect_rules(r, "CL502 CL502");
	d = nth(r, "CL502", 0);
	ASSERT_POS(d, 8, 14, 18);
	ck_assert_int_eq(cl_diag_severity(d), CL_SEV_ERROR);
	d = nth(r, "CL502", 1);
	ASSERT_POS(d, 25, 12, 16);
	ck_assert_int_eq(cl_diag_severity(d), CL_SEV_WARNING);
	cl_result_free(r);

	r = LINT(
	    shopware_lines,
	    { 8,
	      "      <url>http://localhost:8080/api/oauth/token?store={{store_url}}</url>" },
	    { 25,
	      "      <url>http://127.0.0.1/api/order?store={{store_url}}</url>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* Not loopback: a host that merely starts with "localhost". */
	r = LINT(
	    shopware_lines,
	    { 8,
	      "      <url>http://localhost.example.com/api/oauth/token?store={{store_url}}</url>" });
	expect_rules(r, "CL502");
	cl_result_free(r);
}
END_TEST

/* ---- CL503 ---- */

START_TEST(test_cl503)
{
	cl_result *r = LINT(
	    shopware_lines,
	    { 25,
	      "      <url>https://api:Xk29fLq7vPzR@{{store_url}}/api/order</url>" });
	const cl_diag *d;

	expect_rules(r, "CL503");
	d = nth(r, "CL503", 0);
	ASSERT_POS(d, 25, 20, 36);
	ASSERT_MSG_LACKS(d, "Xk29fLq7vPzR");
	cl_result_free(r);

	r = LINT(
	    shopware_lines,
	    { 25,
	      "      <url>https://{{store_url}}/api/customer/email/ops@example.com?cc=a@b.c</url>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL504 ---- */

START_TEST(test_cl504)
{
	cl_result *r = LINT(
	    tok_lines,
	    { 10,
	      "        <variable key=\"token\" label=\"Token\" required=\"true\" locked=\"true\"/>" });

	expect_rules(r, "CL504");
	ASSERT_POS(nth(r, "CL504", 0), 10, 24, 29);
	cl_result_free(r);

	/* A use takes the connector variable's flag; the variable is
	 * reported, once. */
	r = LINT(
	    tok_lines,
	    { 4,
	      "    <variable key=\"store_name\" label=\"Store name\" required=\"true\"/>\n"
	      "    <variable key=\"password\" label=\"Password\" required=\"true\"/>" },
	    { 11, "        <use variable=\"store_name\"/>\n"
	          "        <use variable=\"password\"/>" },
	    { 15,
	      "        <param key=\"Accept\" value=\"application/json\"/>\n"
	      "        <param key=\"X-Password\" value=\"{{password}}\"/>" });
	expect_rules(r, "CL504");
	ASSERT_POS(nth(r, "CL504", 0), 5, 20, 28);
	cl_result_free(r);
}
END_TEST

/* ---- CL505 ---- */

START_TEST(test_cl505)
{
	const cl_diag *d;
	cl_result *r =
	    LINT(tok_lines,
	         { 21, ORDERS_URL_PARAMS
	           "        <param key=\"access_token\" value=\"{{token}}\"/>\n"
	           "        <param key=\"shop\" value=\"{{store_name}}\"/>\n"
	           "      </url-params>" });

	expect_rules(r, "CL505");
	d = nth(r, "CL505", 0);
	ASSERT_POS(d, 23, 42, 51);
	ASSERT_RELATED(d, 0, 10, 24, 29);
	cl_result_free(r);

	/* client_secret in an OAuth 2 method's query is CL312's. */
	r = LINT(
	    shopware_lines,
	    { 16,
	      "      </variables>\n"
	      "      <url-params><param key=\"client_secret\" value=\"{{client_secret}}\"/></url-params>" });
	ck_assert_ptr_null(nth(r, "CL505", 0));
	cl_result_free(r);
}
END_TEST

static Suite *
rules_cl5xx_suite(void)
{
	Suite *s = suite_create("rules_cl5xx");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, lint_setup, lint_teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl501_default);
	tcase_add_test(tc, test_cl501_authorization);
	tcase_add_test(tc, test_cl501_params);
	tcase_add_test(tc, test_cl502);
	tcase_add_test(tc, test_cl503);
	tcase_add_test(tc, test_cl504);
	tcase_add_test(tc, test_cl505);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(rules_cl5xx_suite)
