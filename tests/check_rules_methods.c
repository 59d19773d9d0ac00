/*
 * The auth-method and OAuth 2 grant rules (CL204-CL209, CL304, CL306,
 * CL308-CL310) on in-memory connectors: each case edits a line or two of a
 * clean connector of the type concerned and checks which rules fire and
 * the exact span (and related span) they point at. Where another rule may
 * also have something to say about an edited connector, the case counts
 * only the rule under test.
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


/* A clean basic connector. */
static const char *const basic_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Woo\">",
	/*  3 */ "  <variables>",
	/*  4 */ "    <variable key=\"store_url\" label=\"Store domain\" required=\"true\"/>",
	/*  5 */ "  </variables>",
	/*  6 */ "  <auth-methods>",
	/*  7 */ "    <auth-method id=\"woo-basic\" name=\"Basic\" type=\"basic\">",
	/*  8 */ "      <url>https://{{store_url}}/wp-json/wc/v3/system_status</url>",
	/*  9 */ "      <variables>",
	/* 10 */ "        <variable key=\"username\" label=\"Consumer key\" required=\"true\" locked=\"true\"/>",
	/* 11 */ "        <variable key=\"password\" label=\"Consumer secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 12 */ "        <use variable=\"store_url\"/>",
	/* 13 */ "      </variables>",
	/* 14 */ "      <headers>",
	/* 15 */ "        <param key=\"Accept\" value=\"application/json\"/>",
	/* 16 */ "      </headers>",
	/* 17 */ "    </auth-method>",
	/* 18 */ "  </auth-methods>",
	/* 19 */ "  <endpoints>",
	/* 20 */ "    <endpoint id=\"list-products\" name=\"List products\" direction=\"receive\" method=\"GET\">",
	/* 21 */ "      <url>https://{{store_url}}/wp-json/wc/v3/products</url>",
	/* 22 */ "      <enable auth-method=\"woo-basic\"/>",
	/* 23 */ "    </endpoint>",
	/* 24 */ "  </endpoints>",
	/* 25 */ "</connector>",
	NULL
};

/* A clean token connector. */
static const char *const token_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Shopify\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"shop-token\" name=\"Token\" type=\"token\">",
	/*  5 */ "      <url>https://shop.example.com/admin/api/shop.json</url>",
	/*  6 */ "      <variables>",
	/*  7 */ "        <variable key=\"token\" label=\"Access token\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/*  8 */ "      </variables>",
	/*  9 */ "      <headers>",
	/* 10 */ "        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\" locked=\"true\"/>",
	/* 11 */ "      </headers>",
	/* 12 */ "    </auth-method>",
	/* 13 */ "  </auth-methods>",
	/* 14 */ "  <endpoints>",
	/* 15 */ "    <endpoint id=\"products\" name=\"Products\" direction=\"receive\" method=\"GET\">",
	/* 16 */ "      <url>https://shop.example.com/admin/api/products.json</url>",
	/* 17 */ "      <enable auth-method=\"shop-token\"/>",
	/* 18 */ "    </endpoint>",
	/* 19 */ "  </endpoints>",
	/* 20 */ "</connector>",
	NULL
};

/* A clean oauth1 connector. */
static const char *const oauth1_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"NetSuite\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"ns\" name=\"TBA\" type=\"oauth1\">",
	/*  5 */ "      <url>https://acme.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog</url>",
	/*  6 */ "      <variables>",
	/*  7 */ "        <variable key=\"consumer_key\" label=\"Consumer key\" required=\"true\" locked=\"true\"/>",
	/*  8 */ "        <variable key=\"consumer_secret\" label=\"Consumer secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/*  9 */ "        <variable key=\"token_id\" label=\"Token ID\" required=\"true\" locked=\"true\"/>",
	/* 10 */ "        <variable key=\"token_secret\" label=\"Token secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 11 */ "        <variable key=\"signature_method\" label=\"Signature method\" default=\"HMAC-SHA256\" locked=\"true\"/>",
	/* 12 */ "      </variables>",
	/* 13 */ "    </auth-method>",
	/* 14 */ "  </auth-methods>",
	/* 15 */ "  <endpoints>",
	/* 16 */ "    <endpoint id=\"orders\" name=\"Orders\" direction=\"receive\" method=\"GET\">",
	/* 17 */ "      <url>https://acme.suitetalk.api.netsuite.com/services/rest/record/v1/salesOrder</url>",
	/* 18 */ "      <enable auth-method=\"ns\"/>",
	/* 19 */ "    </endpoint>",
	/* 20 */ "  </endpoints>",
	/* 21 */ "</connector>",
	NULL
};

/* A clean soap connector. */
static const char *const soap_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Peoplevox\" protocol=\"SOAP\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"pvx\" name=\"SOAP\" type=\"soap\">",
	/*  5 */ "      <url>https://acme.peoplevox.net/acme/resources/integrationservicev4.asmx</url>",
	/*  6 */ "      <variables>",
	/*  7 */ "        <variable key=\"username\" label=\"Username\" required=\"true\" locked=\"true\"/>",
	/*  8 */ "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/*  9 */ "        <variable key=\"response_authentication_token_key\" label=\"Token element\" default=\"SessionId\" locked=\"true\"/>",
	/* 10 */ "      </variables>",
	/* 11 */ "    </auth-method>",
	/* 12 */ "  </auth-methods>",
	/* 13 */ "  <endpoints>",
	/* 14 */ "    <endpoint id=\"items\" name=\"Save items\" direction=\"send\" method=\"POST\" data-type=\"xml\">",
	/* 15 */ "      <url>https://acme.peoplevox.net/acme/resources/integrationservicev4.asmx</url>",
	/* 16 */ "      <headers>",
	/* 17 */ "        <param key=\"Content-Type\" value=\"text/xml; charset=utf-8\"/>",
	/* 18 */ "      </headers>",
	/* 19 */ "      <enable auth-method=\"pvx\"/>",
	/* 20 */ "    </endpoint>",
	/* 21 */ "  </endpoints>",
	/* 22 */ "</connector>",
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


/* The K-th related location of D is at L:C-L:EC. */
#define ASSERT_RELATED(d, k, l, c, ec)                                   \
	do {                                                             \
		unsigned rl, rc, rel, rec;                               \
		ck_assert_ptr_nonnull(cl_diag_related((d), (k), &rl, &rc, \
						      &rel, &rec));      \
		ck_assert_uint_eq(rl, (l));                              \
		ck_assert_uint_eq(rc, (c));                              \
		ck_assert_uint_eq(rel, (l));                             \
		ck_assert_uint_eq(rec, (ec));                            \
	} while (0)

#define ASSERT_MSG_LACKS(d, s) \
	ck_assert_msg(!strstr(cl_diag_message(d), (s)), \
		      "message \"%s\" has \"%s\"", cl_diag_message(d), (s))

/* ---- the bases are clean ---- */

START_TEST(test_bases_clean)
{
	const char *const *bases[] = { cc_lines, ac_lines, basic_lines,
				       token_lines, oauth1_lines, soap_lines };
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(bases); i++) {
		cl_result *r = lint_edited(bases[i], NULL, 0);

		expect_rules(r, "");
		cl_result_free(r);
	}
}
END_TEST

/* ---- CL204 duplicate-header ---- */

START_TEST(test_cl204_auth_method)
{
	cl_result *r = LINT(basic_lines, { 15,
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
	cl_result *r = LINT(token_lines, { 16,
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
	cl_result *r = LINT(basic_lines, { 21,
		"      <url>https://{{store_url}}/wp-json/wc/v3/products</url>\n"
		"      <headers><param key=\"accept\" value=\"text/csv\"/></headers>" });

	expect_rules(r, "");
	cl_result_free(r);

	/* Only headers: a repeated query param (a list) is not a header. */
	r = LINT(basic_lines, { 21,
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
	ASSERT_MSG_HAS(nth(r, "CL205", 0), "auth method `woo-basic` has no `url`");
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
	cl_result *r = LINT(basic_lines,
		{ 10, "        <variable key=\"username\" label=\"Consumer key\" configurable=\"true\" locked=\"true\"/>" },
		{ 11, "        <variable key=\"password\" label=\"Consumer secret\" default=\"  \" configurable=\"true\" secret=\"true\" locked=\"true\"/>" });

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
	cl_result *r = LINT(basic_lines, { 10,
		"        <variable key=\"username\" label=\"User\" default=\"api\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);

	/* A password default is a hard-coded secret, not this rule's. */
	r = LINT(basic_lines, { 11,
		"        <variable key=\"password\" label=\"Password\" default=\"X\" secret=\"true\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL206"), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl206_use)
{
	cl_result *r = LINT(basic_lines,
		{ 4, "    <variable key=\"store_url\" label=\"Store domain\" required=\"true\"/>\n"
		     "    <variable key=\"username\" label=\"Consumer key\" configurable=\"true\"/>" },
		{ 10, "        <use variable=\"username\"/>" });

	/* Line 11 after the insertion: the use's variable attribute. */
	expect_rules(r, "CL206");
	ASSERT_POS(nth(r, "CL206", 0), 11, 24, 32);
	cl_result_free(r);

	/* The use may make it required for this method. */
	r = LINT(basic_lines,
		{ 4, "    <variable key=\"store_url\" label=\"Store domain\" required=\"true\"/>\n"
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

START_TEST(test_cl206_absent_is_cl201s)
{
	cl_result *r = LINT(basic_lines, { 10, NULL });

	expect_rules(r, "CL201");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL201", NULL), 0);
	r = LINT(basic_lines, { 10, NULL });
	expect_rules(r, "CL206");
	ASSERT_POS(nth(r, "CL206", 0), 9, 8, 17);
	ASSERT_MSG_HAS(nth(r, "CL206", 0), "has no `username`");
	cl_result_free(r);
}
END_TEST

/* ---- CL207 token-header-missing ---- */

START_TEST(test_cl207_no_header)
{
	cl_result *r = LINT(token_lines, { 10,
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

START_TEST(test_cl207_elsewhere)
{
	cl_result *r = LINT(token_lines,
		{ 9, "      <url-params>" },
		{ 10, "        <param key=\"access_token\" value=\"{{token}}\"/>" },
		{ 11, "      </url-params>" });

	/* (CL505 may also warn about a secret in the query.) */
	ck_assert_uint_eq(count(r, "CL207"), 1);
	ASSERT_POS(nth(r, "CL207", 0), 10, 21, 33);
	ASSERT_MSG_HAS(nth(r, "CL207", 0), "URL param `access_token`");
	cl_result_free(r);

	r = LINT(token_lines, { 9, NULL }, { 11, NULL }, { 10,
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
	cl_result *r = LINT(token_lines, { 10,
		"        <param key=\"Authorization\" value=\"Bearer {{token}}\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);

	/* A misspelt placeholder is the placeholder rules' to report. */
	r = LINT(token_lines, { 10,
		"        <param key=\"X-Shopify-Access-Token\" value=\"{{Token}}\" locked=\"true\"/>" });
	expect_rules(r, "CL105");
	cl_result_free(r);

	r = LINT(token_lines, { 10,
		"        <param key=\"X-Shopify-Access-Token\" value=\"{{ token }}\" locked=\"true\"/>" });
	expect_rules(r, "CL106");
	cl_result_free(r);

	/* Another variable is not the token. */
	r = LINT(token_lines, { 10,
		"        <param key=\"X-Api-Key\" value=\"{{api_key}}\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL207"), 1);
	cl_result_free(r);
}
END_TEST

/* ---- CL208 oauth1-signature-method ---- */

START_TEST(test_cl208_values)
{
	cl_result *r = LINT(oauth1_lines, { 11,
		"        <variable key=\"signature_method\" label=\"Signature method\" default=\"HMAC-SHA1\" locked=\"true\"/>" });

	expect_rules(r, "CL208");
	ASSERT_POS(nth(r, "CL208", 0), 11, 76, 85);
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "`HMAC-SHA1`");
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "not supported");
	ASSERT_MSG_LACKS(nth(r, "CL208", 0), "did you mean");
	cl_result_free(r);

	r = LINT(oauth1_lines, { 11,
		"        <variable key=\"signature_method\" label=\"Signature method\" default=\"hmac-sha256\" locked=\"true\"/>" });
	expect_rules(r, "CL208");
	ASSERT_POS(nth(r, "CL208", 0), 11, 76, 87);
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "did you mean `HMAC-SHA256`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl208_no_default)
{
	cl_result *r = LINT(oauth1_lines, { 11,
		"        <variable key=\"signature_method\" label=\"Signature method\" locked=\"true\"/>" });

	/* (CL111 may also say the variable is never set.) */
	ck_assert_uint_eq(count(r, "CL208"), 1);
	ASSERT_POS(nth(r, "CL208", 0), 11, 24, 40);
	ASSERT_MSG_HAS(nth(r, "CL208", 0), "has no value");
	cl_result_free(r);

	/* Required: the user gives it. */
	r = LINT(oauth1_lines, { 11,
		"        <variable key=\"signature_method\" label=\"Signature method\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl208_use_and_param)
{
	cl_result *r = LINT(oauth1_lines,
		{ 2, "<connector format=\"1\" name=\"NetSuite\">\n"
		     "  <variables>\n"
		     "    <variable key=\"signature_method\" label=\"Signature method\" default=\"HMAC-SHA1\"/>\n"
		     "  </variables>" },
		{ 11, "        <use variable=\"signature_method\"/>" });

	/* Reported at the connector variable's default, where it is written. */
	expect_rules(r, "CL208");
	ASSERT_POS(nth(r, "CL208", 0), 4, 72, 81);
	cl_result_free(r);

	r = LINT(oauth1_lines, { 12,
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
	cl_result *r = LINT(cc_lines, { 14,
		"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"\" locked=\"true\"/>" });

	/* An empty span just inside the quotes. */
	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 14, 86, 86);
	ASSERT_MSG_HAS(nth(r, "CL209", 0), "`access_token`");
	cl_result_free(r);

	r = LINT(cc_lines, { 14,
		"        <variable key=\"response_authentication_token_key\" label=\"Token key\" configurable=\"true\" locked=\"true\"/>" });
	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 14, 24, 57);
	cl_result_free(r);

	/* Required without a default: the user gives it. */
	r = LINT(cc_lines, { 14,
		"        <variable key=\"response_authentication_token_key\" label=\"Token key\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	r = LINT(soap_lines, { 9,
		"        <variable key=\"response_authentication_token_key\" label=\"Token element\" default=\"  \" locked=\"true\"/>" });
	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 9, 90, 92);
	ASSERT_MSG_HAS(nth(r, "CL209", 0), "SOAP response");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl209_absent_is_cl201s)
{
	cl_result *r = LINT(cc_lines, { 14, NULL });

	expect_rules(r, "CL201");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL201", NULL), 0);
	r = LINT(cc_lines, { 14, NULL });
	expect_rules(r, "CL209");
	ASSERT_POS(nth(r, "CL209", 0), 9, 8, 17);
	cl_result_free(r);
}
END_TEST

/* ---- CL304 deprecated-password-grant ---- */

START_TEST(test_cl304)
{
	cl_result *r = LINT(cc_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" });

	expect_rules(r, "CL304");
	ASSERT_POS(nth(r, "CL304", 0), 11, 64, 72);
	ASSERT_MSG_HAS(nth(r, "CL304", 0), "`shop-oauth`");
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL304", 0)), 0);
	cl_result_free(r);

	/* The same grant in a literal param: one diagnostic, one related. */
	r = LINT(cc_lines,
		{ 11, "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" },
		{ 20, "      <body format=\"form\"><param key=\"grant_type\" value=\"password\"/></body>" });
	expect_rules(r, "CL304");
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL304", 0)), 1);
	ASSERT_RELATED(nth(r, "CL304", 0), 0, 20, 58, 66);
	cl_result_free(r);

	/* Through a placeholder: the variable's default is what counts. */
	r = LINT(cc_lines,
		{ 11, "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" },
		{ 20, "      <body format=\"form\"><param key=\"grant_type\" value=\"{{grant_type}}\"/></body>" });
	expect_rules(r, "CL304");
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL304", 0)), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl304_not_fitting_is_cl303s)
{
	cl_result *r = LINT(ac_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" });

	expect_rules(r, "CL303");
	cl_result_free(r);

	r = LINT(cc_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"Password\" locked=\"true\"/>" });
	expect_rules(r, "CL303");
	cl_result_free(r);
}
END_TEST

/* ---- CL306 swapped-oauth-urls ---- */

START_TEST(test_cl306_swapped)
{
	cl_result *r = LINT(ac_lines,
		{ 5, "      <url>https://login.xero.com/identity/connect/authorize</url>" },
		{ 6, "      <additional-url index=\"1\">https://identity.xero.com/connect/token</additional-url>" });
	const cl_diag *d;

	expect_rules(r, "CL306");
	d = nth(r, "CL306", 0);
	ASSERT_POS(d, 5, 12, 61);
	ASSERT_MSG_HAS(d, "`xero`");
	ASSERT_RELATED(d, 0, 6, 33, 72);
	cl_result_free(r);

	/* The span leaves out the blanks around the URL. */
	r = LINT(ac_lines,
		{ 5, "      <url>\n        https://login.xero.com/identity/connect/authorize\n      </url>" },
		{ 6, "      <additional-url index=\"1\">https://identity.xero.com/connect/token</additional-url>" });
	expect_rules(r, "CL306");
	ASSERT_POS(nth(r, "CL306", 0), 6, 9, 58);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl306_same)
{
	cl_result *r = LINT(ac_lines,
		{ 5, "      <url>https://identity.xero.com/connect/token</url>" },
		{ 6, "      <additional-url index=\"1\">https://identity.xero.com/connect/token/</additional-url>" });
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
	static const struct { const char *url, *authorise; } ok[] = {
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
		char *add = cl_xasprintf("      <additional-url index=\"1\">%s</additional-url>",
					 ok[i].authorise);
		cl_result *r = LINT(ac_lines, { 5, url }, { 6, add });

		ck_assert_uint_eq(count(r, "CL306"), 0);
		cl_result_free(r);
		free(url);
		free(add);
	}
}
END_TEST

/* ---- CL308 invalid-client-type ---- */

START_TEST(test_cl308_values)
{
	cl_result *r = LINT(ac_lines, { 12,
		"        <variable key=\"client_type\" label=\"Client type\" default=\"confidental\" locked=\"true\"/>" });

	/* CL302 still takes the misspelling as meant confidential. */
	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 12, 66, 77);
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "did you mean `confidential`?");
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "treats it as public");
	cl_result_free(r);

	r = LINT(ac_lines, { 12,
		"        <variable key=\"client_type\" label=\"Client type\" default=\"publc\" locked=\"true\"/>" });
	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 12, 66, 71);
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "did you mean `public`?");
	cl_result_free(r);

	/* `public` in any case is taken as public: what it says. */
	r = LINT(ac_lines, { 12,
		"        <variable key=\"client_type\" label=\"Client type\" default=\"Public\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL308"), 0);
	cl_result_free(r);

	r = LINT(ac_lines, { 12,
		"        <variable key=\"client_type\" label=\"Client type\" default=\"private\" locked=\"true\"/>" });
	expect_rules(r, "CL308");
	ASSERT_MSG_LACKS(nth(r, "CL308", 0), "did you mean");
	cl_result_free(r);

	r = LINT(ac_lines, { 12,
		"        <variable key=\"client_type\" label=\"Client type\" default=\"public\" locked=\"true\"/>" });
	ck_assert_uint_eq(count(r, "CL308"), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl308_empty_and_use)
{
	cl_result *r = LINT(ac_lines, { 12,
		"        <variable key=\"client_type\" label=\"Client type\" default=\"\" locked=\"true\"/>" });

	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 12, 66, 66);
	ASSERT_MSG_HAS(nth(r, "CL308", 0), "has no value");
	cl_result_free(r);

	r = LINT(ac_lines, { 12,
		"        <variable key=\"client_type\" label=\"Client type\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	r = LINT(ac_lines,
		{ 2, "<connector format=\"1\" name=\"Xero\">\n"
		     "  <variables>\n"
		     "    <variable key=\"client_type\" label=\"Client type\" default=\"Confidential\"/>\n"
		     "  </variables>" },
		{ 12, "        <use variable=\"client_type\"/>" });
	expect_rules(r, "CL308");
	ASSERT_POS(nth(r, "CL308", 0), 4, 62, 74);
	cl_result_free(r);

	/* Client credentials has no client type. */
	r = LINT(cc_lines, { 13,
		"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
		"        <variable key=\"client_type\" label=\"Client type\" default=\"private\"/>" });
	ck_assert_uint_eq(count(r, "CL308"), 0);
	cl_result_free(r);
}
END_TEST

/* ---- CL309 redirect-uri-not-allowed ---- */

START_TEST(test_cl309_default)
{
	cl_result *r = LINT(ac_lines, { 13,
		"        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://app.wearepatchworks.com/oauth/authenticate/\" locked=\"true\"/>" });

	expect_rules(r, "CL309");
	ASSERT_POS(nth(r, "CL309", 0), 13, 68, 119);
	ASSERT_MSG_HAS(nth(r, "CL309", 0),
		       "did you mean `https://app.wearepatchworks.com/oauth/authenticate`?");
	cl_result_free(r);

	r = LINT(ac_lines, { 13,
		"        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://stage.app.wearepatchworks.com/oauth/authenticate\" locked=\"true\"/>" });
	expect_rules(r, "");
	cl_result_free(r);

	r = LINT(ac_lines, { 13,
		"        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://localhost:8443/callback\" locked=\"true\"/>" });
	expect_rules(r, "CL309");
	ASSERT_MSG_LACKS(nth(r, "CL309", 0), "did you mean");
	ASSERT_MSG_HAS(nth(r, "CL309", 0),
		       "`https://stage.app.wearepatchworks.com/oauth/authenticate`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl309_params)
{
	cl_result *r = LINT(ac_lines, { 15,
		"      </variables>\n"
		"      <url-params>\n"
		"        <param key=\"redirect_uri\" value=\"https://example.com/cb\"/>\n"
		"      </url-params>" });

	ck_assert_uint_eq(count(r, "CL309"), 1);
	ASSERT_POS(nth(r, "CL309", 0), 17, 42, 64);
	cl_result_free(r);

	r = LINT(ac_lines, { 15,
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
	cl_result *r = LINT(ac_lines, { 15,
		"      </variables>\n"
		"      <url-params>\n"
		"        <param key=\"response_type\" value=\"token\"/>\n"
		"      </url-params>" });

	ck_assert_uint_eq(count(r, "CL310"), 1);
	ASSERT_POS(nth(r, "CL310", 0), 17, 43, 48);
	ASSERT_MSG_HAS(nth(r, "CL310", 0), "`xero`");
	cl_result_free(r);

	r = LINT(ac_lines, { 15,
		"      </variables>\n"
		"      <url-params>\n"
		"        <param key=\"response_type\" value=\"id_token token\"/>\n"
		"      </url-params>" });
	ck_assert_uint_eq(count(r, "CL310"), 1);
	ASSERT_POS(nth(r, "CL310", 0), 17, 43, 57);
	cl_result_free(r);

	/* `id_token` alone is not `token`. */
	r = LINT(ac_lines, { 15,
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
	cl_result *r = LINT(ac_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"implicit\" locked=\"true\"/>" });

	/* One value, one diagnostic: CL303's while it is on. */
	expect_rules(r, "CL303");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL303", NULL), 0);
	r = LINT(ac_lines, { 11,
		"        <variable key=\"grant_type\" label=\"Grant type\" default=\"implicit\" locked=\"true\"/>" });
	expect_rules(r, "CL310");
	ASSERT_POS(nth(r, "CL310", 0), 11, 64, 72);
	cl_result_free(r);
}
END_TEST

static Suite *rules_methods_suite(void)
{
	Suite *s = suite_create("rules_methods");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl204_auth_method);
	tcase_add_test(tc, test_cl204_endpoint_case_three_times);
	tcase_add_test(tc, test_cl204_override_and_params);
	tcase_add_test(tc, test_cl205);
	tcase_add_test(tc, test_cl206_not_asked);
	tcase_add_test(tc, test_cl206_defaults);
	tcase_add_test(tc, test_cl206_use);
	tcase_add_test(tc, test_cl206_absent_is_cl201s);
	tcase_add_test(tc, test_cl207_no_header);
	tcase_add_test(tc, test_cl207_elsewhere);
	tcase_add_test(tc, test_cl207_carried);
	tcase_add_test(tc, test_cl208_values);
	tcase_add_test(tc, test_cl208_no_default);
	tcase_add_test(tc, test_cl208_use_and_param);
	tcase_add_test(tc, test_cl209);
	tcase_add_test(tc, test_cl209_absent_is_cl201s);
	tcase_add_test(tc, test_cl304);
	tcase_add_test(tc, test_cl304_not_fitting_is_cl303s);
	tcase_add_test(tc, test_cl306_swapped);
	tcase_add_test(tc, test_cl306_same);
	tcase_add_test(tc, test_cl306_clean);
	tcase_add_test(tc, test_cl308_values);
	tcase_add_test(tc, test_cl308_empty_and_use);
	tcase_add_test(tc, test_cl309_default);
	tcase_add_test(tc, test_cl309_params);
	tcase_add_test(tc, test_cl310_response_type);
	tcase_add_test(tc, test_cl310_implicit_grant_type);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_methods_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
