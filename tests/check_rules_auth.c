/*
 * The document, auth, OAuth 2 and endpoint rules (CL004-CL006, CL201-CL203,
 * CL301-CL307, CL401-CL402) on in-memory connectors: each case edits one
 * or two lines of a clean connector and checks which rules fire and the
 * exact span they point at. Columns count characters; several cases put
 * non-ASCII text before the fault on its line to pin that down.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "util.h"

/* A clean oauth2-client-credentials connector, one line per entry. */
static const char *const cc_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Shop\">",
	/*  3 */ "  <variables>",
	/*  4 */ "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>",
	/*  5 */ "  </variables>",
	/*  6 */ "  <auth-methods>",
	/*  7 */ "    <auth-method id=\"shop-oauth\" name=\"OAuth 2\" type=\"oauth2-client-credentials\">",
	/*  8 */ "      <url>https://{{store_url}}/api/oauth/token</url>",
	/*  9 */ "      <variables>",
	/* 10 */ "        <variable key=\"scope\" label=\"Scope\" default=\"write\" locked=\"true\"/>",
	/* 11 */ "        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>",
	/* 12 */ "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>",
	/* 13 */ "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 14 */ "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>",
	/* 15 */ "        <use variable=\"store_url\"/>",
	/* 16 */ "      </variables>",
	/* 17 */ "      <headers>",
	/* 18 */ "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>",
	/* 19 */ "      </headers>",
	/* 20 */ "      <body format=\"form\"/>",
	/* 21 */ "    </auth-method>",
	/* 22 */ "  </auth-methods>",
	/* 23 */ "  <endpoints>",
	/* 24 */ "    <endpoint id=\"list-orders\" name=\"List orders\" direction=\"receive\" method=\"GET\">",
	/* 25 */ "      <url>https://{{store_url}}/api/order</url>",
	/* 26 */ "      <enable auth-method=\"shop-oauth\"/>",
	/* 27 */ "    </endpoint>",
	/* 28 */ "  </endpoints>",
	/* 29 */ "</connector>",
	NULL
};

/* A clean oauth2-authorization-code connector. */
static const char *const ac_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Xero\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"xero\" name=\"Xero\" type=\"oauth2-authorization-code\">",
	/*  5 */ "      <url>https://identity.xero.com/connect/token</url>",
	/*  6 */ "      <additional-url index=\"1\">https://login.xero.com/identity/connect/authorize</additional-url>",
	/*  7 */ "      <variables>",
	/*  8 */ "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>",
	/*  9 */ "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 10 */ "        <variable key=\"scope\" label=\"Scope\" default=\"accounting.transactions\" locked=\"true\"/>",
	/* 11 */ "        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorization_code\" locked=\"true\"/>",
	/* 12 */ "        <variable key=\"client_type\" label=\"Client type\" default=\"confidential\" locked=\"true\"/>",
	/* 13 */ "        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://app.wearepatchworks.com/oauth/authenticate\" locked=\"true\"/>",
	/* 14 */ "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>",
	/* 15 */ "      </variables>",
	/* 16 */ "      <headers>",
	/* 17 */ "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>",
	/* 18 */ "      </headers>",
	/* 19 */ "      <body format=\"form\"/>",
	/* 20 */ "    </auth-method>",
	/* 21 */ "  </auth-methods>",
	/* 22 */ "  <endpoints>",
	/* 23 */ "    <endpoint id=\"invoices\" name=\"Invoices\" direction=\"receive\" method=\"GET\">",
	/* 24 */ "      <url>https://api.xero.com/api.xro/2.0/Invoices</url>",
	/* 25 */ "      <enable auth-method=\"xero\"/>",
	/* 26 */ "    </endpoint>",
	/* 27 */ "  </endpoints>",
	/* 28 */ "</connector>",
	NULL
};

/* Replaces line LINE (1-based) by TEXT, which may hold several lines;
 * NULL drops the line. */
struct edit {
	unsigned line;
	const char *text;
};

static cl_linter *linter;

static void setup(void) { linter = cl_linter_new(); }
static void teardown(void) { cl_linter_free(linter); }

/* BASE with EDITS applied, as one document. Caller frees. */
static char *edited(const char *const *base, const struct edit *edits,
                    size_t n)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	unsigned line;
	size_t i;

	for (line = 1; base[line - 1]; line++) {
		const char *text = base[line - 1];
		int dropped = 0;

		for (i = 0; i < n; i++) {
			if (edits[i].line != line)
				continue;
			text = edits[i].text;
			dropped = !text;
		}
		if (dropped)
			continue;
		cl_strbuf_adds(&sb, text);
		cl_strbuf_addch(&sb, '\n');
	}
	return cl_strbuf_detach(&sb);
}

static cl_result *lint_edited(const char *const *base, const struct edit *edits,
                              size_t n)
{
	char *doc = edited(base, edits, n);
	cl_result *r = cl_lint_memory(linter, "t.xml", doc, strlen(doc));

	free(doc);
	return r;
}

#define EDITS(...) (const struct edit[]){ __VA_ARGS__ }, \
	sizeof((const struct edit[]){ __VA_ARGS__ }) / sizeof(struct edit)
#define LINT(base, ...) lint_edited(base, EDITS(__VA_ARGS__))

static cl_result *lint_text(const char *doc)
{
	return cl_lint_memory(linter, "t.xml", doc, strlen(doc));
}

static void dump(const cl_result *r)
{
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		fprintf(stderr, "  %u:%u-%u:%u %s %s\n", cl_diag_line(d),
			cl_diag_column(d), cl_diag_end_line(d),
			cl_diag_end_column(d), cl_rule_id(cl_diag_rule(d)),
			cl_diag_message(d));
	}
}

/* The I-th diagnostic of RULE (0-based), or NULL. */
static const cl_diag *nth(const cl_result *r, const char *rule, size_t k)
{
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		if (!strcmp(cl_rule_id(cl_diag_rule(d)), rule) && !k--)
			return d;
	}
	return NULL;
}

static size_t count(const cl_result *r, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < cl_result_count(r); i++)
		n += !strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))),
			     rule);
	return n;
}

/* Exactly the diagnostics listed, as a string like "CL201 CL303". */
static void expect_rules(const cl_result *r, const char *want)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		if (i)
			cl_strbuf_addch(&sb, ' ');
		cl_strbuf_adds(&sb, cl_rule_id(cl_diag_rule(cl_result_diag(r, i))));
	}
	if (strcmp(cl_strbuf_str(&sb), want))
		dump(r);
	ck_assert_str_eq(cl_strbuf_str(&sb), want);
	cl_strbuf_release(&sb);
}

#define ASSERT_POS(d, l, c, ec)                                      \
	do {                                                         \
		ck_assert_ptr_nonnull(d);                            \
		ck_assert_uint_eq(cl_diag_line(d), (l));             \
		ck_assert_uint_eq(cl_diag_column(d), (c));           \
		ck_assert_uint_eq(cl_diag_end_line(d), (l));         \
		ck_assert_uint_eq(cl_diag_end_column(d), (ec));      \
	} while (0)

#define ASSERT_MSG_HAS(d, s) \
	ck_assert_msg(strstr(cl_diag_message(d), (s)), \
		      "message \"%s\" lacks \"%s\"", cl_diag_message(d), (s))

/* ---- the bases are clean ---- */

START_TEST(test_bases_clean)
{
	cl_result *r = lint_edited(cc_lines, NULL, 0);

	expect_rules(r, "");
	cl_result_free(r);
	r = lint_edited(ac_lines, NULL, 0);
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL004, CL005, CL006 ---- */

START_TEST(test_cl004_empty_auth_methods)
{
	cl_result *r = lint_text(
		"<connector format=\"1\" name=\"Empty\">\n"
		"  <auth-methods/>\n"
		"  <endpoints>\n"
		"    <endpoint id=\"ping\" name=\"Ping\" direction=\"receive\" method=\"GET\">\n"
		"      <url>https://api.example.com/ping</url>\n"
		"    </endpoint>\n"
		"  </endpoints>\n"
		"</connector>\n");

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
		"<connector format=\"1\" name=\"Empty\">\n"
		"  <endpoints>\n"
		"    <endpoint id=\"ping\" name=\"Ping\" direction=\"receive\" method=\"GET\">\n"
		"      <url>https://api.example.com/ping</url>\n"
		"    </endpoint>\n"
		"  </endpoints>\n"
		"</connector>\n");

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
	cl_result *r = LINT(cc_lines, { 27,
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
		"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
		"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
		"        <use variable=\"store_url\"/>\n"
		"      </variables>\n"
		"      <headers>\n"
		"        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n"
		"      </headers>\n"
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

/* ---- CL201 ---- */

START_TEST(test_cl201_folded_key)
{
	cl_result *r = LINT(cc_lines, { 12,
		"        <variable label=\"Clé d’accès — client\" key=\"Client_ID\" required=\"true\" locked=\"true\"/>" });
	const cl_diag *d;

	/* One diagnostic: CL301 leaves an absent client_id to CL201. */
	expect_rules(r, "CL201");
	d = nth(r, "CL201", 0);
	ASSERT_POS(d, 12, 53, 62);
	ck_assert_uint_eq(cl_diag_byte_column(d), 59);
	ASSERT_MSG_HAS(d, "`Client_ID`");
	ASSERT_MSG_HAS(d, "`client_id`");
	ASSERT_MSG_HAS(d, "the key of a locked variable cannot change");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_off_cl301_reports_absence)
{
	cl_result *r;

	ck_assert_int_eq(cl_linter_ignore(linter, "CL201", NULL), 0);
	r = LINT(cc_lines, { 12,
		"        <variable key=\"clientId\" label=\"Client ID\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "CL301");
	ASSERT_POS(nth(r, "CL301", 0), 12, 24, 32);
	ASSERT_MSG_HAS(nth(r, "CL301", 0),
		       "the key of a locked variable cannot change");
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

	/* username, then password, both at the auth-method element name. */
	expect_rules(r, "CL201 CL201");
	ASSERT_POS(nth(r, "CL201", 0), 3, 6, 17);
	ASSERT_POS(nth(r, "CL201", 1), 3, 6, 17);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_typo)
{
	cl_result *r = LINT(cc_lines, { 10,
		"        <variable key=\"scopes\" label=\"Scope\" default=\"write\" locked=\"true\"/>" });

	expect_rules(r, "CL201");
	ASSERT_POS(nth(r, "CL201", 0), 10, 24, 30);
	ASSERT_MSG_HAS(nth(r, "CL201", 0), "did you mean `scope`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_use_counts)
{
	cl_result *r = LINT(cc_lines,
		{ 4, "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
		     "    <variable key=\"client_id\" label=\"Client ID\" required=\"true\"/>" },
		{ 12, "        <use variable=\"client_id\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl201_folded_use)
{
	cl_result *r = LINT(cc_lines,
		{ 4, "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
		     "    <variable key=\"client-id\" label=\"Client ID\" required=\"true\"/>" },
		{ 12, "        <use variable=\"client-id\"/>" });

	/* Line 13 after the insertion; the span is the use's variable. */
	expect_rules(r, "CL201");
	ASSERT_POS(nth(r, "CL201", 0), 13, 24, 33);
	cl_result_free(r);
}
END_TEST

/* ---- CL202 ---- */

START_TEST(test_cl202_not_enabled)
{
	cl_result *r = LINT(cc_lines, { 21,
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
	cl_result *r = LINT(cc_lines, { 25,
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
	cl_result *r = LINT(cc_lines, { 17, NULL }, { 18, NULL }, { 19, NULL },
		{ 20, "      <body format=\"form\"><param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/></body>" });

	/* CL307 stays quiet: moving the param to headers fixes both. */
	expect_rules(r, "CL203");
	ASSERT_POS(nth(r, "CL203", 0), 17, 39, 51);
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL203", NULL), 0);
	r = LINT(cc_lines, { 17, NULL }, { 18, NULL }, { 19, NULL },
		{ 20, "      <body format=\"form\"><param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/></body>" });
	expect_rules(r, "CL307");
	ASSERT_POS(nth(r, "CL307", 0), 7, 6, 17);
	cl_result_free(r);
}
END_TEST

/* ---- CL301, CL302 ---- */

START_TEST(test_cl301_not_required)
{
	cl_result *r = LINT(cc_lines, { 12,
		"        <variable key=\"client_id\" label=\"Client ID\" configurable=\"true\" locked=\"true\"/>" });

	expect_rules(r, "CL301");
	ASSERT_POS(nth(r, "CL301", 0), 12, 24, 33);
	cl_result_free(r);

	r = LINT(cc_lines, { 12,
		"        <variable key=\"client_id\" label=\"Client ID\" default=\"administration\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* An empty default is no default. */
	r = LINT(cc_lines, { 12,
		"        <variable key=\"client_id\" label=\"Client ID\" default=\"\" locked=\"true\"/>" });
	expect_rules(r, "CL301");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl302_confidential)
{
	cl_result *r = LINT(ac_lines, { 9,
		"        <variable key=\"client_secret\" label=\"Client secret\" secret=\"true\" locked=\"true\"/>" });

	expect_rules(r, "CL302");
	ASSERT_POS(nth(r, "CL302", 0), 9, 24, 37);
	ASSERT_MSG_HAS(nth(r, "CL302", 0), "confidential");
	cl_result_free(r);

	/* A misspelt client_type is still meant as confidential. */
	r = LINT(ac_lines, { 9,
		"        <variable key=\"client_secret\" label=\"Client secret\" secret=\"true\" locked=\"true\"/>" },
		{ 12, "        <variable key=\"client_type\" label=\"Client type\" default=\"confidental\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL302"), 1);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl302_public)
{
	cl_result *r = LINT(ac_lines, { 9,
		"        <variable key=\"client_secret\" label=\"Client secret\" secret=\"true\" locked=\"true\"/>" },
		{ 12, "        <variable key=\"client_type\" label=\"Client type\" default=\"Public\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl302_client_credentials)
{
	cl_result *r = LINT(cc_lines, { 13,
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
	cl_result *r = LINT(cc_lines, { 11,
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
	cl_result *r = LINT(cc_lines, { 20,
		"      <body format=\"form\">\n"
		"        <param key=\"grant_type\" value=\"Client_Credentials\"/>\n"
		"      </body>" });

	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 21, 40, 58);
	ASSERT_MSG_HAS(nth(r, "CL303", 0), "did you mean `client_credentials`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl303_values)
{
	cl_result *r;

	/* password is the platform's resource-owner variant. */
	r = LINT(cc_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL303"), 0);
	cl_result_free(r);

	r = LINT(cc_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorization_code\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 11, 64, 82);
	ASSERT_MSG_HAS(nth(r, "CL303", 0), "another auth type");
	cl_result_free(r);

	r = LINT(ac_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorisation_code\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 11, 64, 82);
	ASSERT_MSG_HAS(nth(r, "CL303", 0), "did you mean `authorization_code`?");
	cl_result_free(r);

	/* An empty default: an empty span just inside the quotes. */
	r = LINT(cc_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 11, 64, 64);
	cl_result_free(r);

	/* A placeholder value is checked through its variable. */
	r = LINT(cc_lines, { 20,
		"      <body format=\"form\"><param key=\"grant_type\" value=\"{{grant_type}}\"/></body>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl303_connector_variable)
{
	cl_result *r = LINT(cc_lines,
		{ 4, "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
		     "    <variable key=\"grant_type\" label=\"Grant\" default=\"client_credentials \"/>" },
		{ 11, "        <use variable=\"grant_type\"/>" });

	/* Reported at the connector variable's default, where the fault is. */
	expect_rules(r, "CL303");
	ASSERT_POS(nth(r, "CL303", 0), 5, 55, 74);
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

	r = LINT(ac_lines, { 6,
		"      <additional-url index=\"1\">  </additional-url>" });
	expect_rules(r, "CL305");
	ASSERT_POS(nth(r, "CL305", 0), 6, 8, 22);
	ASSERT_MSG_HAS(nth(r, "CL305", 0), "empty");
	cl_result_free(r);

	r = LINT(ac_lines, { 6,
		"      <additional-url index=\"2\">https://login.xero.com/identity/connect/authorize</additional-url>" });
	expect_rules(r, "CL305");
	ASSERT_POS(nth(r, "CL305", 0), 6, 30, 31);
	cl_result_free(r);

	r = LINT(ac_lines, { 6,
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

/* ---- CL307 ---- */

START_TEST(test_cl307)
{
	cl_result *r = LINT(cc_lines, { 18,
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

	r = LINT(cc_lines, { 18,
		"        <param key=\"content-type\" value=\" Application/X-WWW-Form-URLEncoded ; charset=UTF-8\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL401, CL402 ---- */

START_TEST(test_cl401)
{
	cl_result *r = LINT(cc_lines, { 26, NULL });

	/* The only method is now enabled nowhere either. */
	expect_rules(r, "CL202 CL401");
	ASSERT_POS(nth(r, "CL401", 0), 24, 6, 14);
	ASSERT_MSG_HAS(nth(r, "CL401", 0), "<enable auth-method=\"shop-oauth\"/>");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl402)
{
	cl_result *r = LINT(cc_lines, { 26,
		"      <enable auth-method=\"shop-oauht\"/>" });

	expect_rules(r, "CL202 CL402");
	ASSERT_POS(nth(r, "CL402", 0), 26, 28, 38);
	ASSERT_MSG_HAS(nth(r, "CL402", 0), "did you mean `shop-oauth`?");
	ASSERT_MSG_HAS(nth(r, "CL202", 0), "`shop-oauht`");
	cl_result_free(r);

	r = LINT(cc_lines, { 26,
		"      <enable auth-method=\"shop-oauth\"/>\n"
		"      <enable auth-method=\"zendesk\"/>" });
	expect_rules(r, "CL402");
	ASSERT_POS(nth(r, "CL402", 0), 27, 28, 35);
	ck_assert_ptr_null(strstr(cl_diag_message(nth(r, "CL402", 0)),
				  "did you mean"));
	cl_result_free(r);
}
END_TEST

static Suite *rules_auth_suite(void)
{
	Suite *s = suite_create("rules_auth");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl004_empty_auth_methods);
	tcase_add_test(tc, test_cl004_no_auth_methods_element);
	tcase_add_test(tc, test_cl005_no_endpoint);
	tcase_add_test(tc, test_cl006_duplicate_endpoint);
	tcase_add_test(tc, test_cl006_three_auth_methods);
	tcase_add_test(tc, test_cl201_folded_key);
	tcase_add_test(tc, test_cl201_off_cl301_reports_absence);
	tcase_add_test(tc, test_cl201_missing);
	tcase_add_test(tc, test_cl201_missing_no_variables_element);
	tcase_add_test(tc, test_cl201_typo);
	tcase_add_test(tc, test_cl201_use_counts);
	tcase_add_test(tc, test_cl201_folded_use);
	tcase_add_test(tc, test_cl202_not_enabled);
	tcase_add_test(tc, test_cl203_url_param);
	tcase_add_test(tc, test_cl203_auth_body_without_header);
	tcase_add_test(tc, test_cl301_not_required);
	tcase_add_test(tc, test_cl302_confidential);
	tcase_add_test(tc, test_cl302_public);
	tcase_add_test(tc, test_cl302_client_credentials);
	tcase_add_test(tc, test_cl303_multiline_non_ascii);
	tcase_add_test(tc, test_cl303_literal_param);
	tcase_add_test(tc, test_cl303_values);
	tcase_add_test(tc, test_cl303_connector_variable);
	tcase_add_test(tc, test_cl305);
	tcase_add_test(tc, test_cl307);
	tcase_add_test(tc, test_cl401);
	tcase_add_test(tc, test_cl402);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_auth_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
