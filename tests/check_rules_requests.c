/*
 * The endpoint request rules (CL403-CL413) and the security rules
 * (CL501-CL505) on in-memory connectors: each case edits a few lines of a
 * clean connector and checks which rules fire, the exact span they point
 * at (columns count characters; several cases put non-ASCII text or
 * character references before the fault), the severity where it is not
 * the rule's default, and that no message shows a secret.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "util.h"

/* A clean token-auth connector, one line per entry. */
static const char *const tok_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Shop\">",
	/*  3 */ "  <variables>",
	/*  4 */ "    <variable key=\"store_name\" label=\"Store name\" required=\"true\"/>",
	/*  5 */ "  </variables>",
	/*  6 */ "  <auth-methods>",
	/*  7 */ "    <auth-method id=\"shop-token\" name=\"Token\" type=\"token\">",
	/*  8 */ "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/shop.json</url>",
	/*  9 */ "      <variables>",
	/* 10 */ "        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 11 */ "        <use variable=\"store_name\"/>",
	/* 12 */ "      </variables>",
	/* 13 */ "      <headers>",
	/* 14 */ "        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\" locked=\"true\"/>",
	/* 15 */ "        <param key=\"Accept\" value=\"application/json\"/>",
	/* 16 */ "      </headers>",
	/* 17 */ "    </auth-method>",
	/* 18 */ "  </auth-methods>",
	/* 19 */ "  <endpoints>",
	/* 20 */ "    <endpoint id=\"list-orders\" name=\"List orders\" direction=\"receive\" method=\"GET\">",
	/* 21 */ "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>",
	/* 22 */ "      <enable auth-method=\"shop-token\"/>",
	/* 23 */ "    </endpoint>",
	/* 24 */ "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"PUT\">",
	/* 25 */ "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders/{{order_id}}.json</url>",
	/* 26 */ "      <headers>",
	/* 27 */ "        <param key=\"Content-Type\" value=\"application/json\"/>",
	/* 28 */ "      </headers>",
	/* 29 */ "      <variables>",
	/* 30 */ "        <variable key=\"order_id\" label=\"Order ID\" required=\"true\"/>",
	/* 31 */ "      </variables>",
	/* 32 */ "      <enable auth-method=\"shop-token\"/>",
	/* 33 */ "    </endpoint>",
	/* 34 */ "  </endpoints>",
	/* 35 */ "</connector>",
	NULL
};

/* A clean oauth2-client-credentials connector. */
static const char *const cc_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Shopware\">",
	/*  3 */ "  <variables>",
	/*  4 */ "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>",
	/*  5 */ "  </variables>",
	/*  6 */ "  <auth-methods>",
	/*  7 */ "    <auth-method id=\"sw-oauth\" name=\"OAuth 2\" type=\"oauth2-client-credentials\">",
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
	/* 26 */ "      <enable auth-method=\"sw-oauth\"/>",
	/* 27 */ "    </endpoint>",
	/* 28 */ "  </endpoints>",
	/* 29 */ "</connector>",
	NULL
};

/* A basic auth method, to insert after line 17 of tok_lines. */
static const char basic_method[] =
	"    </auth-method>\n"
	"    <auth-method id=\"shop-basic\" name=\"Basic\" type=\"basic\">\n"
	"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/shop.json</url>\n"
	"      <variables>\n"
	"        <variable key=\"username\" label=\"API key\" required=\"true\" locked=\"true\"/>\n"
	"        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	"        <use variable=\"store_name\"/>\n"
	"      </variables>\n"
	"    </auth-method>";

struct edit {
	unsigned line;
	const char *text; /* may hold several lines; NULL drops the line */
};

static cl_linter *linter;

static void setup(void) { linter = cl_linter_new(); }
static void teardown(void) { cl_linter_free(linter); }

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

/* Exactly the diagnostics listed, as a string like "CL408 CL408". */
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

#define ASSERT_RELATED(d, i, l, c, ec)                               \
	do {                                                         \
		unsigned rl_, rc_, rel_, rec_;                       \
		ck_assert_ptr_nonnull(cl_diag_related((d), (i), &rl_, \
			&rc_, &rel_, &rec_));                        \
		ck_assert_uint_eq(rl_, (l));                         \
		ck_assert_uint_eq(rc_, (c));                         \
		ck_assert_uint_eq(rec_, (ec));                       \
	} while (0)

#define ASSERT_MSG_HAS(d, s) \
	ck_assert_msg(strstr(cl_diag_message(d), (s)), \
		      "message \"%s\" lacks \"%s\"", cl_diag_message(d), (s))
#define ASSERT_MSG_LACKS(d, s) \
	ck_assert_msg(!strstr(cl_diag_message(d), (s)), \
		      "message \"%s\" shows \"%s\"", cl_diag_message(d), (s))

START_TEST(test_bases_clean)
{
	cl_result *r = lint_edited(tok_lines, NULL, 0);

	expect_rules(r, "");
	cl_result_free(r);
	r = lint_edited(cc_lines, NULL, 0);
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL403 ---- */

START_TEST(test_cl403)
{
	const cl_diag *d;
	cl_result *r = LINT(tok_lines, { 17, basic_method },
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
static char *url_line(const char *before, const char *prefix, size_t chars,
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
	line = url_line("      <url>\n        ", "x?a=1&amp;b=", 256 + 4, "\n      </url>");
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
	cl_result *r = LINT(tok_lines,
		{ 20, "    <endpoint id=\"list-orders\" name=\"Liste des commandes — été\" direction=\"receive\" method=\"POST\">" },
		{ 24, "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"HEAD\">" });

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

	r = LINT(tok_lines,
		{ 24, "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"DELETE\">" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL406 ---- */

START_TEST(test_cl406)
{
	const cl_diag *d;
	cl_result *r = LINT(tok_lines, { 21,
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
	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <body format=\"none\">\n"
		"        <param key=\"status\" value=\"any\"/>\n"
		"      </body>" });
	expect_rules(r, "CL412");
	cl_result_free(r);

	/* An empty <content/> is no body. */
	r = LINT(tok_lines, { 21,
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
	cl_result *r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <headers><param key=\"content-type\" value=\"application/json\"/></headers>" });

	/* Not CL410 as well: removing the header fixes both. */
	expect_rules(r, "CL407");
	ASSERT_POS(nth(r, "CL407", 0), 22, 28, 40);
	cl_result_free(r);

	r = LINT(tok_lines, { 28, "      </headers>\n      <body format=\"none\"/>" });
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
	r = LINT(tok_lines,
		{ 2, "<connector format=\"1\" name=\"Shop\" webhook=\"true\">" },
		{ 21, "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		      "      <headers><param key=\"Content-Type\" value=\"application/json\"/></headers>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL408 ---- */

START_TEST(test_cl408)
{
	const cl_diag *d;
	cl_result *r = LINT(tok_lines, { 21,
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
	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <headers><param key=\"Accept\" value=\"application/xml\"/></headers>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* Automatic headers off: the endpoint must repeat them. */
	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <headers automatic=\"false\">\n"
		"        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\"/>\n"
		"        <param key=\"Accept\" value=\"application/json\"/>\n"
		"      </headers>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* An optional param is the user's. */
	r = LINT(tok_lines, { 21,
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
	cl_result *r = LINT(tok_lines,
		{ 16, "      </headers>\n"
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
	r = LINT(tok_lines, { 17, basic_method },
		{ 21, "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
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
	cl_result *r = LINT(tok_lines,
		{ 2, "<connector format=\"1\" name=\"Shop\" webhook=\"true\">" });

	/* The GET endpoint has no Content-Type; the PUT one has its own. */
	expect_rules(r, "CL409");
	ASSERT_POS(nth(r, "CL409", 0), 20, 6, 14);
	cl_result_free(r);

	/* Inherited from the OAuth method: fine; with automatic headers off:
	 * reported at <headers>, with both places related. */
	r = LINT(cc_lines,
		{ 2, "<connector format=\"1\" name=\"Shopware\" webhook=\"true\">" });
	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(cc_lines,
		{ 2, "<connector format=\"1\" name=\"Shopware\" webhook=\"true\">" },
		{ 25, "      <url>https://{{store_url}}/api/order</url>\n"
		      "      <headers automatic=\"false\"><param key=\"Accept\" value=\"application/json\"/></headers>" });
	expect_rules(r, "CL409");
	d = nth(r, "CL409", 0);
	ASSERT_POS(d, 26, 8, 15);
	ASSERT_RELATED(d, 0, 26, 27, 32);
	ASSERT_RELATED(d, 1, 18, 21, 33);
	cl_result_free(r);

	/* An optional Content-Type is not always sent. */
	r = LINT(tok_lines,
		{ 2, "<connector format=\"1\" name=\"Shop\" webhook=\"true\">" },
		{ 21, "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
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
	cl_result *r = LINT(tok_lines, { 27,
		"        <param key=\"Content-Type\" value=\"Text/XML; charset=utf-8\"/>" });

	/* data-type not given: json, the default. */
	expect_rules(r, "CL410");
	d = nth(r, "CL410", 0);
	ASSERT_POS(d, 27, 42, 65);
	ASSERT_MSG_HAS(d, "(the default)");
	ASSERT_MSG_HAS(d, "`application/json`");
	ck_assert_uint_eq(cl_diag_related_count(d), 0);
	cl_result_free(r);

	r = LINT(tok_lines,
		{ 24, "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"PUT\" data-type=\"csv\">" },
		{ 27, "        <param key=\"Content-Type\" value=\"application/problem+json\"/>" });
	expect_rules(r, "CL410");
	d = nth(r, "CL410", 0);
	ASSERT_MSG_HAS(d, "`text/csv`");
	ASSERT_RELATED(d, 0, 24, 94, 97);
	cl_result_free(r);

	/* Compatible or unknown: text/plain for CSV, a placeholder, txt. */
	r = LINT(tok_lines,
		{ 24, "    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"PUT\" data-type=\"csv\">" },
		{ 27, "        <param key=\"Content-Type\" value=\"text/plain\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(tok_lines, { 27,
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
	cl_result *r = LINT(tok_lines, { 22,
		"      <enable auth-method=\"shop-token\"/>\n"
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
	cl_result *r = LINT(tok_lines, { 28,
		"      </headers>\n"
		"      <body format=\"form\"><content>{\"order\": {}}</content></body>" });

	expect_rules(r, "CL412");
	d = nth(r, "CL412", 0);
	ASSERT_POS(d, 29, 21, 25);
	ASSERT_RELATED(d, 0, 29, 28, 35);
	cl_result_free(r);

	/* In an auth method too. */
	r = LINT(cc_lines, { 20,
		"      <body format=\"none\"><param key=\"audience\" value=\"api\"/></body>" });
	expect_rules(r, "CL412");
	ASSERT_POS(nth(r, "CL412", 0), 20, 21, 25);
	ASSERT_MSG_HAS(nth(r, "CL412", 0), "auth method `sw-oauth`");
	cl_result_free(r);

	/* No format given: it follows from the params. */
	r = LINT(tok_lines, { 28,
		"      </headers>\n"
		"      <body><param key=\"note\" value=\"{{order_id}}\"/></body>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL413 ---- */

START_TEST(test_cl413)
{
	cl_result *r = LINT(tok_lines, { 21,
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

	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <pagination method=\"next-page-token\"><option key=\"token_parameter\" value=\"page_info\"/></pagination>" });
	expect_rules(r, "CL413");
	ASSERT_POS(nth(r, "CL413", 0), 22, 8, 18);
	ASSERT_MSG_HAS(nth(r, "CL413", 0), "`token_path`");
	cl_result_free(r);

	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <pagination method=\"next-page-url\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL501 ---- */

START_TEST(test_cl501_default)
{
	static const char secret[] = "DwdeejLZZzUDsYTnBbzkBY031KRC3gSoHA0V7MLP";
	const cl_diag *d;
	char line[256];
	cl_result *r;

	snprintf(line, sizeof(line),
		 "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\" default=\"%s\"/>",
		 secret);
	r = LINT(cc_lines, { 13, line });
	expect_rules(r, "CL501");
	d = nth(r, "CL501", 0);
	ASSERT_POS(d, 13, 114, 114 + 40);
	ASSERT_MSG_HAS(d, "`Dwde\xE2\x80\xA6`");
	ASSERT_MSG_LACKS(d, secret);
	ASSERT_MSG_LACKS(d, "DwdeejLZ");
	cl_result_free(r);

	/* A placeholder is not a secret. */
	r = LINT(cc_lines, { 13,
		"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\" default=\"{{shared_secret}}\"/>" });
	ck_assert_ptr_null(nth(r, "CL501", 0));
	cl_result_free(r);

	/* Other defaults: a key name and a scope are not credentials. */
	r = lint_edited(cc_lines, NULL, 0);
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl501_authorization)
{
	const cl_diag *d;
	cl_result *r = LINT(tok_lines, { 21,
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
	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <headers><param key=\"Authorization\" value=\"Basic&#x20;YWRtaW46UzNjcmV0UGFzc3cwcmQh\"/></headers>" });
	expect_rules(r, "CL501");
	d = nth(r, "CL501", 0);
	ASSERT_POS(d, 22, 61, 61 + 28);
	ASSERT_MSG_HAS(d, "Basic credentials `YWRt\xE2\x80\xA6`");
	cl_result_free(r);

	/* Placeholders, labels and short scheme parameters are not
	 * credentials. */
	r = LINT(tok_lines, { 21,
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
	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <headers><param key=\"authorization\" value=\"OAuth oauth_consumer_key=&quot;{{token}}&quot;, oauth_signature_method=&quot;HMAC-SHA256&quot;, oauth_version=&quot;1.0&quot;\"/></headers>" });
	ck_assert_ptr_null(nth(r, "CL501", 0));
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl501_params)
{
	const cl_diag *d;
	cl_result *r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <url-params>\n"
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
	r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <url-params>\n"
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
	cl_result *r = LINT(cc_lines,
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

	r = LINT(cc_lines,
		{ 8, "      <url>http://localhost:8080/api/oauth/token?store={{store_url}}</url>" },
		{ 25, "      <url>http://127.0.0.1/api/order?store={{store_url}}</url>" });
	expect_rules(r, "");
	cl_result_free(r);

	/* Not loopback: a host that merely starts with "localhost". */
	r = LINT(cc_lines,
		{ 8, "      <url>http://localhost.example.com/api/oauth/token?store={{store_url}}</url>" });
	expect_rules(r, "CL502");
	cl_result_free(r);
}
END_TEST

/* ---- CL503 ---- */

START_TEST(test_cl503)
{
	cl_result *r = LINT(cc_lines,
		{ 25, "      <url>https://api:Xk29fLq7vPzR@{{store_url}}/api/order</url>" });
	const cl_diag *d;

	expect_rules(r, "CL503");
	d = nth(r, "CL503", 0);
	ASSERT_POS(d, 25, 20, 36);
	ASSERT_MSG_LACKS(d, "Xk29fLq7vPzR");
	cl_result_free(r);

	r = LINT(cc_lines,
		{ 25, "      <url>https://{{store_url}}/api/customer/email/ops@example.com?cc=a@b.c</url>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL504 ---- */

START_TEST(test_cl504)
{
	cl_result *r = LINT(tok_lines, { 10,
		"        <variable key=\"token\" label=\"Token\" required=\"true\" locked=\"true\"/>" });

	expect_rules(r, "CL504");
	ASSERT_POS(nth(r, "CL504", 0), 10, 24, 29);
	cl_result_free(r);

	/* A use takes the connector variable's flag; the variable is
	 * reported, once. */
	r = LINT(tok_lines,
		{ 4, "    <variable key=\"store_name\" label=\"Store name\" required=\"true\"/>\n"
		     "    <variable key=\"password\" label=\"Password\" required=\"true\"/>" },
		{ 11, "        <use variable=\"store_name\"/>\n"
		      "        <use variable=\"password\"/>" },
		{ 15, "        <param key=\"Accept\" value=\"application/json\"/>\n"
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
	cl_result *r = LINT(tok_lines, { 21,
		"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>\n"
		"      <url-params>\n"
		"        <param key=\"access_token\" value=\"{{token}}\"/>\n"
		"        <param key=\"shop\" value=\"{{store_name}}\"/>\n"
		"      </url-params>" });

	expect_rules(r, "CL505");
	d = nth(r, "CL505", 0);
	ASSERT_POS(d, 23, 42, 51);
	ASSERT_RELATED(d, 0, 10, 24, 29);
	cl_result_free(r);

	/* client_secret in an OAuth 2 method's query is CL312's. */
	r = LINT(cc_lines, { 16,
		"      </variables>\n"
		"      <url-params><param key=\"client_secret\" value=\"{{client_secret}}\"/></url-params>" });
	ck_assert_ptr_null(nth(r, "CL505", 0));
	cl_result_free(r);
}
END_TEST

static Suite *rules_requests_suite(void)
{
	Suite *s = suite_create("rules_requests");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_bases_clean);
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

int main(void)
{
	SRunner *sr = srunner_create(rules_requests_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
