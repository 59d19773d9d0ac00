/*
 * The document rules CL004-CL006 on in-memory connectors: each case edits
 * a line or two of a clean connector (tests/lib/connectors.h) and checks
 * which rules fire, the exact span they point at (columns count
 * characters; several cases put non-ASCII text before the fault on its
 * line) and the related locations. Where another rule may also have
 * something to say about an edited connector, the case counts only the
 * rule under test.
 *
 * CL001-CL003 are in check_parser.c, CL007 and CL008 in
 * check_rules_usage.c, CL009 and CL010 in check_suppress.c.
 */
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/edit.h"

/* ---- the bases are clean ---- */

START_TEST(test_bases_clean)
{
	EXPECT_CLEAN(cc_lines);
}
END_TEST

/* ---- CL004, CL005, CL006 ---- */

/* The end of a connector `Empty` with one endpoint and no auth method. */
#define PING_ENDPOINTS                                                                    \
	"  <endpoints>\n"                                                                 \
	"    <endpoint id=\"ping\" name=\"Ping\" direction=\"receive\" method=\"GET\">\n" \
	"      <url>https://api.example.com/ping</url>\n"                                 \
	"    </endpoint>\n"                                                               \
	"  </endpoints>\n"                                                                \
	"</connector>\n"

START_TEST(test_cl004_empty_auth_methods)
{
	cl_result *r = lint_text("<connector format=\"1\" name=\"Empty\">\n"
	                         "  <auth-methods/>\n" PING_ENDPOINTS);

	/* CL401 stays quiet: CL004 says it once for every endpoint. */
	expect_rules(r, "CL004");
	ASSERT_POS(nth(r, "CL004", 0), 2, 4, 16);
	ASSERT_MSG_HAS(nth(r, "CL004", 0), "`Empty`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl004_no_auth_methods_element)
{
	cl_result *r = lint_text(
	    "<connector format=\"1\" name=\"Empty\">\n" PING_ENDPOINTS);

	/* The connector element's name, whatever CL002 says besides. */
	ck_assert_uint_eq(count(r, "CL004"), 1);
	ASSERT_POS(nth(r, "CL004", 0), 1, 2, 11);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl005_no_endpoint)
{
	cl_result *r = LINT(cc_lines, { 24, NULL }, { 25, NULL }, { 26, NULL },
	                    { 27, NULL });

	/* CL202 stays quiet: with no endpoint nothing can be enabled. */
	expect_rules(r, "CL005");
	ASSERT_POS(nth(r, "CL005", 0), 23, 4, 13);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl006_duplicate_endpoint)
{
	const cl_diag *d;
	unsigned l, c, el, ec;
	const char *msg;
	cl_result *r = LINT(
	    cc_lines,
	    { 27,
	      "    </endpoint>\n"
	      "    <endpoint name=\"Liste des commandes — été\" id=\"list-orders\" direction=\"receive\" method=\"GET\">\n"
	      "      <url>https://{{store_url}}/api/order?status=open</url>\n"
	      "      <enable auth-method=\"shop-oauth\"/>\n"
	      "    </endpoint>" });

	expect_rules(r, "CL006");
	d = nth(r, "CL006", 0);
	ASSERT_POS(d, 28, 52, 63);
	/* Bytes: "—" is three, each "é" two. */
	ck_assert_uint_eq(cl_diag_byte_column(d), 56);
	ASSERT_MSG_HAS(d, "`list-orders`");
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	msg = cl_diag_related(d, 0, &l, &c, &el, &ec);
	ck_assert_ptr_nonnull(msg);
	ck_assert_uint_eq(l, 24);
	ck_assert_uint_eq(c, 19);
	ck_assert_uint_eq(el, 24);
	ck_assert_uint_eq(ec, 30);
	ck_assert_ptr_null(cl_diag_related(d, 1, &l, &c, &el, &ec));
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl006_three_auth_methods)
{
	static const char method[] =
	    "    <auth-method id=\"shop-oauth\" name=\"Again\" type=\"oauth2-client-credentials\">\n"
	    "      <url>https://{{store_url}}/api/oauth/token</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"scope\" label=\"Scope\" default=\"write\" locked=\"true\"/>\n"
	    "        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>\n"
	    "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n" CC_TOKEN_KEY_TO_HEADERS
	    "    </auth-method>";
	struct cl_strbuf sb = CL_STRBUF_INIT;
	unsigned l, c, el, ec;
	cl_result *r;
	size_t i;

	cl_strbuf_adds(&sb, "    </auth-method>\n");
	cl_strbuf_adds(&sb, method);
	cl_strbuf_addch(&sb, '\n');
	cl_strbuf_adds(&sb, method);
	r = LINT(cc_lines, { 21, cl_strbuf_str(&sb) });

	/* Lines 22 and 36 repeat the id of line 7; both point back to it. */
	expect_rules(r, "CL006 CL006");
	ASSERT_POS(nth(r, "CL006", 0), 22, 22, 32);
	ASSERT_POS(nth(r, "CL006", 1), 36, 22, 32);
	for (i = 0; i < 2; i++) {
		cl_diag_related(nth(r, "CL006", i), 0, &l, &c, &el, &ec);
		ck_assert_uint_eq(l, 7);
		ck_assert_uint_eq(c, 22);
		ck_assert_uint_eq(ec, 32);
	}
	cl_result_free(r);
	cl_strbuf_release(&sb);
}
END_TEST

static Suite *
rules_cl0xx_suite(void)
{
	Suite *s = suite_create("rules_cl0xx");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, lint_setup, lint_teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl004_empty_auth_methods);
	tcase_add_test(tc, test_cl004_no_auth_methods_element);
	tcase_add_test(tc, test_cl005_no_endpoint);
	tcase_add_test(tc, test_cl006_duplicate_endpoint);
	tcase_add_test(tc, test_cl006_three_auth_methods);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(rules_cl0xx_suite)
