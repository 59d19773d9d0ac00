/*
 * The OAuth 2 protocol rules (CL311-CL318) on in-memory connectors: each
 * case edits a line or two of a clean connector and checks which rules
 * fire, the exact span they point at and the related locations. Columns
 * count characters; some cases put non-ASCII text before the fault.
 *
 * The endpoint and security families (CL4xx, CL5xx) are off here: they
 * are tested on their own, and CL505 (secret-in-query) overlaps CL312 by
 * design. Every other rule stays on, so the cases also pin down which
 * rule says what when two could (CL303, CL310, CL201, CL106).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "util.h"

/* A clean oauth2-authorization-code connector, one line per entry. */
static const char *const ac_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"HubSpot\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"hs\" name=\"HubSpot\" type=\"oauth2-authorization-code\">",
	/*  5 */ "      <url>https://api.hubapi.com/oauth/v1/token</url>",
	/*  6 */ "      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize</additional-url>",
	/*  7 */ "      <variables>",
	/*  8 */ "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>",
	/*  9 */ "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 10 */ "        <variable key=\"scope\" label=\"Scopes (space separated)\" default=\"crm.objects.contacts.read\" locked=\"true\"/>",
	/* 11 */ "        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorization_code\" locked=\"true\"/>",
	/* 12 */ "        <variable key=\"client_type\" label=\"Client type\" default=\"confidential\" locked=\"true\"/>",
	/* 13 */ "        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://app.wearepatchworks.com/oauth/authenticate\" locked=\"true\"/>",
	/* 14 */ "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>",
	/* 15 */ "      </variables>",
	/* 16 */ "      <url-params>",
	/* 17 */ "        <param key=\"response_type\" value=\"code\"/>",
	/* 18 */ "        <param key=\"client_id\" value=\"{{client_id}}\"/>",
	/* 19 */ "        <param key=\"redirect_uri\" value=\"{{redirect_uri}}\"/>",
	/* 20 */ "        <param key=\"scope\" value=\"{{scope}}\"/>",
	/* 21 */ "      </url-params>",
	/* 22 */ "      <headers>",
	/* 23 */ "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>",
	/* 24 */ "      </headers>",
	/* 25 */ "      <body format=\"form\"/>",
	/* 26 */ "    </auth-method>",
	/* 27 */ "  </auth-methods>",
	/* 28 */ "  <endpoints>",
	/* 29 */ "    <endpoint id=\"contacts\" name=\"Contacts\" direction=\"receive\" method=\"GET\">",
	/* 30 */ "      <url>https://api.hubapi.com/crm/v3/objects/contacts</url>",
	/* 31 */ "      <enable auth-method=\"hs\"/>",
	/* 32 */ "    </endpoint>",
	/* 33 */ "  </endpoints>",
	/* 34 */ "</connector>",
	NULL
};

/* A clean oauth2-client-credentials connector. */
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

/* Replaces line LINE (1-based) by TEXT, which may hold several lines;
 * NULL drops the line. */
struct edit {
	unsigned line;
	const char *text;
};

static cl_linter *linter;

static void setup(void)
{
	linter = cl_linter_new();
	ck_assert_int_eq(cl_linter_ignore(linter, "CL4,CL5", NULL), 0);
}

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

/* The K-th diagnostic of RULE (0-based), or NULL. */
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

/* Exactly the diagnostics listed, as a string like "CL304 CL313". */
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

/* Related location I of D is at line L, columns [C, EC). */
#define ASSERT_RELATED(d, i, l, c, ec)                                       \
	do {                                                                 \
		unsigned rl, rc, rel, rec;                                   \
		ck_assert_ptr_nonnull(cl_diag_related((d), (i), &rl, &rc,    \
						      &rel, &rec));          \
		ck_assert_uint_eq(rl, (l));                                  \
		ck_assert_uint_eq(rc, (c));                                  \
		ck_assert_uint_eq(rel, (l));                                 \
		ck_assert_uint_eq(rec, (ec));                                \
	} while (0)

START_TEST(test_bases_clean)
{
	cl_result *r = lint_edited(ac_lines, NULL, 0);

	expect_rules(r, "");
	cl_result_free(r);
	r = lint_edited(cc_lines, NULL, 0);
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL311 response-type-not-code ---- */

START_TEST(test_cl311_case)
{
	cl_result *r = LINT(ac_lines,
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
	cl_result *r = LINT(ac_lines,
		{ 17, "        <param key=\"response_type\" value=\"token\"/>" });

	/* One value, one diagnostic: the implicit grant is CL310's. */
	expect_rules(r, "CL310");
	cl_result_free(r);
	r = LINT(ac_lines,
		 { 17, "        <param key=\"response_type\" value=\"code token\"/>" });
	expect_rules(r, "CL310");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL310", NULL), 0);
	r = LINT(ac_lines,
		 { 17, "        <param key=\"response_type\" value=\"token\"/>" });
	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 17, 43, 48);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "needs exactly `code`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_authorise_url_query)
{
	cl_result *r = LINT(ac_lines, { 6,
		"      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?login_hint=josé&amp;response_type=id_token</additional-url>" });

	/* "é" is two bytes, one column; "&amp;" is five columns. */
	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 6, 107, 115);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "Additional URL 1");
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "`id_token`");
	cl_result_free(r);

	/* An empty value: the key is what there is to point at. */
	r = LINT(ac_lines, { 6,
		"      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?response_type=</additional-url>" });
	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 6, 73, 86);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "is empty");
	cl_result_free(r);

	/* `code` in the URL, and other params around it, are fine. */
	r = LINT(ac_lines, { 6,
		"      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?response_type=code&amp;prompt=consent#x</additional-url>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_through_variable)
{
	cl_result *r = LINT(ac_lines,
		{ 14, "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
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
	cl_result *r = LINT(ac_lines,
		{ 17, "        <param key=\"response_type\"/>" });

	expect_rules(r, "CL311");
	ASSERT_POS(nth(r, "CL311", 0), 17, 10, 15);
	ASSERT_MSG_HAS(nth(r, "CL311", 0), "has no value");
	cl_result_free(r);

	/* An optional param without a value is the user's to fill in. */
	r = LINT(ac_lines, { 17,
		"        <param key=\"response_type\" required=\"false\" label=\"Response type\"/>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl311_not_for_client_credentials)
{
	cl_result *r = LINT(cc_lines, { 16,
		"      </variables>\n"
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
	cl_result *r = LINT(cc_lines, { 16,
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
	ASSERT_MSG_HAS(d, "as a `body` param");
	/* client_id goes with it. */
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	ASSERT_RELATED(d, 0, 18, 21, 30);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl312_secret_under_another_key)
{
	cl_result *r = LINT(cc_lines, { 16,
		"      </variables>\n"
		"      <url-params>\n"
		"        <param key=\"secret\" value=\"{{client_secret}}\"/>\n"
		"      </url-params>" });

	expect_rules(r, "CL312");
	ASSERT_POS(nth(r, "CL312", 0), 18, 36, 53);
	ck_assert_uint_eq(cl_diag_related_count(nth(r, "CL312", 0)), 0);
	cl_result_free(r);

	/* client_id alone in the URL is not this rule's. */
	r = LINT(cc_lines, { 16,
		"      </variables>\n"
		"      <url-params>\n"
		"        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
		"      </url-params>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl312_token_url_query)
{
	cl_result *r = LINT(cc_lines, { 8,
		"      <url>https://{{store_url}}/api/oauth/token?client_id={{client_id}}&amp;client_secret={{client_secret}}</url>" });
	const cl_diag *d;

	expect_rules(r, "CL312");
	d = nth(r, "CL312", 0);
	ASSERT_POS(d, 8, 78, 91);
	ASSERT_RELATED(d, 0, 8, 50, 59);
	cl_result_free(r);

	/* A confidential authorisation code client: remove it, Basic
	 * already carries it; its client_id in the URL is not related. */
	r = LINT(ac_lines, { 5,
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
	cl_result *r = LINT(ac_lines, { 20,
		"        <param key=\"scope\" value=\"{{scope}}\"/>\n"
		"        <param key=\"client_secret\" value=\"{{client_secret}}\"/>" });

	/* url-params of authorisation code: the authorise request. The
	 * client_id there is right and never reported. */
	expect_rules(r, "CL312");
	ASSERT_POS(nth(r, "CL312", 0), 21, 21, 34);
	ASSERT_MSG_HAS(nth(r, "CL312", 0), "the user's browser");
	cl_result_free(r);

	r = LINT(ac_lines, { 6,
		"      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?client_secret={{client_secret}}</additional-url>" });
	expect_rules(r, "CL312");
	ASSERT_POS(nth(r, "CL312", 0), 6, 73, 86);
	ASSERT_MSG_HAS(nth(r, "CL312", 0), "Additional URL 1");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl312_body_is_fine)
{
	cl_result *r = LINT(cc_lines, { 20,
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
	cl_result *r = LINT(cc_lines, { 20,
		"      <body format=\"form\">\n"
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
	cl_result *r = LINT(cc_lines, { 20,
		"      <body format=\"form\">\n"
		"        <param key=\"grant_type\" value=\"authorization_code\"/>\n"
		"      </body>" });

	expect_rules(r, "CL303");
	cl_result_free(r);

	ck_assert_int_eq(cl_linter_ignore(linter, "CL303", NULL), 0);
	r = LINT(cc_lines, { 20,
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
	cl_result *r = LINT(cc_lines, { 20,
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
		cl_result *r = LINT(ac_lines, { 10, fire[i] });

		expect_rules(r, "CL314");
		ASSERT_POS(nth(r, "CL314", 0), 10, 24, 29);
		ASSERT_MSG_HAS(nth(r, "CL314", 0), "`hs`");
		cl_result_free(r);
	}
	for (i = 0; i < CL_ARRAY_SIZE(quiet); i++) {
		cl_result *r = LINT(ac_lines, { 10, quiet[i] });

		expect_rules(r, "");
		cl_result_free(r);
	}
}
END_TEST

/* ---- CL315 two-client-auth-methods ---- */

START_TEST(test_cl315_body_param)
{
	cl_result *r = LINT(ac_lines, { 25,
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
	cl_result *r = LINT(ac_lines,
		{ 12, "        <variable key=\"client_type\" label=\"Client type\" default=\"public\" locked=\"true\"/>" },
		{ 25, "      <body format=\"form\">\n"
		      "        <param key=\"client_id\" value=\"{{client_id}}\"/>\n"
		      "        <param key=\"client_secret\" value=\"{{client_secret}}\"/>\n"
		      "      </body>" });

	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(cc_lines, { 20,
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
	cl_result *r = LINT(ac_lines, { 12, NULL }, { 25,
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
	cl_result *r = LINT(ac_lines, { 25,
		"      <body format=\"text\">\n"
		"        <content>grant_type=authorization_code&amp;client_id={{client_id}}&amp;client_secret={{client_secret}}</content>\n"
		"      </body>" });

	expect_rules(r, "CL315");
	ASSERT_POS(nth(r, "CL315", 0), 26, 80, 93);
	cl_result_free(r);

	/* A JSON member name counts; a value merely naming it does not. */
	r = LINT(ac_lines, { 25,
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
		{ "        <variable key=\"scope\" label=\"Scopes\" default=\"crm.objects.contacts.read\xc2\xa0" "crm.objects.deals.read\" locked=\"true\"/>",
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
		cl_result *r = LINT(ac_lines, { 10, cases[i].line });

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
	cl_result *r = LINT(ac_lines, { 10,
		"        <variable key=\"scope\" label=\"Scopes\" default=\"openid profile https://graph.microsoft.com/.default user:read:email a!#$%&amp;'()*+,-./:;&lt;=&gt;?@[]^_`{|}~\tz\" locked=\"true\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl316_param_and_shared_default)
{
	cl_result *r = LINT(ac_lines, { 20,
		"        <param key=\"scope\" value=\"read\\write\"/>" });

	expect_rules(r, "CL316");
	ASSERT_POS(nth(r, "CL316", 0), 20, 39, 40);
	ASSERT_MSG_HAS(nth(r, "CL316", 0), "the `scope` param");
	cl_result_free(r);

	/* A connector variable `use`d by two methods: reported once, at
	 * its default. */
	r = LINT(cc_lines,
		{ 4, "    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
		     "    <variable key=\"scope\" label=\"Scope\" default=\"write\xc2\xa0read\"/>" },
		{ 10, "        <use variable=\"scope\"/>" },
		{ 21, "    </auth-method>\n"
		      "    <auth-method id=\"shop-oauth-2\" name=\"OAuth 2 (second)\" type=\"oauth2-client-credentials\">\n"
		      "      <url>https://{{store_url}}/api/oauth/token</url>\n"
		      "      <variables>\n"
		      "        <use variable=\"scope\"/>\n"
		      "        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>\n"
		      "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
		      "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
		      "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
		      "        <use variable=\"store_url\"/>\n"
		      "      </variables>\n"
		      "      <headers>\n"
		      "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n"
		      "      </headers>\n"
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
	cl_result *r = LINT(ac_lines, { 20,
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
	cl_result *r = LINT(ac_lines,
		{ 14, "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
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
	cl_result *r = LINT(ac_lines, { 20,
		"        <param key=\"scope\" value=\"{{scope}}\"/>\n"
		"        <param key=\"state\" value=\"\"/>" });

	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(ac_lines, { 20,
		"        <param key=\"scope\" value=\"{{scope}}\"/>\n"
		"        <param key=\"state\" value=\"{{state}}\"/>" });
	expect_rules(r, "CL104");
	cl_result_free(r);
	r = LINT(ac_lines, { 20,
		"        <param key=\"scope\" value=\"{{scope}}\"/>\n"
		"        <param key=\"state\" value=\"${state}\"/>" });
	expect_rules(r, "CL106");
	cl_result_free(r);
	r = LINT(cc_lines, { 16,
		"      </variables>\n"
		"      <url-params>\n"
		"        <param key=\"state\" value=\"abc\"/>\n"
		"      </url-params>" });
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl317_authorise_url)
{
	cl_result *r = LINT(ac_lines, { 6,
		"      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?state=abc123#top</additional-url>" });

	expect_rules(r, "CL317");
	ASSERT_POS(nth(r, "CL317", 0), 6, 79, 85);
	cl_result_free(r);
}
END_TEST

/* ---- CL318 oauth-param-name-case ---- */

START_TEST(test_cl318_params)
{
	cl_result *r = LINT(ac_lines,
		{ 17, "        <param key=\"Response_Type\" value=\"code\"/>" },
		{ 18, "        <param key=\"clientId\" value=\"{{client_id}}\"/>" },
		{ 25, "      <body format=\"form\">\n"
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
	cl_result *r = LINT(cc_lines, { 8,
		"      <url>https://{{store_url}}/api/oauth/token?Grant_Type=client_credentials</url>" });

	expect_rules(r, "CL318");
	ASSERT_POS(nth(r, "CL318", 0), 8, 50, 60);
	ASSERT_MSG_HAS(nth(r, "CL318", 0), "URL param `Grant_Type`");
	cl_result_free(r);

	r = LINT(ac_lines, { 6,
		"      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize?Client_ID={{client_id}}</additional-url>" });
	expect_rules(r, "CL318");
	ASSERT_POS(nth(r, "CL318", 0), 6, 73, 82);
	ASSERT_MSG_HAS(nth(r, "CL318", 0), "Additional URL 1 param `Client_ID`");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl318_quiet)
{
	/* Header names are case-insensitive, and an API may want its own
	 * `Client-Id` header; endpoint params are the API's own; a variable
	 * key in the wrong case is CL201's. */
	cl_result *r = LINT(ac_lines,
		{ 23, "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n"
		      "        <param key=\"Client-Id\" value=\"{{client_id}}\"/>" },
		{ 30, "      <url>https://api.hubapi.com/crm/v3/objects/contacts?clientId=1</url>" });

	expect_rules(r, "");
	cl_result_free(r);
	r = LINT(cc_lines, { 12,
		"        <variable key=\"Client_ID\" label=\"Client ID\" required=\"true\" locked=\"true\"/>" });
	expect_rules(r, "CL201");
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
	cl_result *r = LINT(cc_lines,
		{ 11, "        <variable key=\"grant_type\" label=\"Grant type\" default=\"password\" locked=\"true\"/>" },
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

static Suite *rules_protocol_suite(void)
{
	Suite *s = suite_create("rules_protocol");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_bases_clean);
	tcase_add_test(tc, test_cl311_case);
	tcase_add_test(tc, test_cl311_implicit_left_to_cl310);
	tcase_add_test(tc, test_cl311_authorise_url_query);
	tcase_add_test(tc, test_cl311_through_variable);
	tcase_add_test(tc, test_cl311_missing_value);
	tcase_add_test(tc, test_cl311_not_for_client_credentials);
	tcase_add_test(tc, test_cl312_client_credentials_params);
	tcase_add_test(tc, test_cl312_secret_under_another_key);
	tcase_add_test(tc, test_cl312_token_url_query);
	tcase_add_test(tc, test_cl312_authorise_request);
	tcase_add_test(tc, test_cl312_body_is_fine);
	tcase_add_test(tc, test_cl313_conflict);
	tcase_add_test(tc, test_cl313_wrong_value_is_cl303s);
	tcase_add_test(tc, test_cl313_agreeing);
	tcase_add_test(tc, test_cl314);
	tcase_add_test(tc, test_cl315_body_param);
	tcase_add_test(tc, test_cl315_public_or_client_credentials);
	tcase_add_test(tc, test_cl315_no_client_type);
	tcase_add_test(tc, test_cl315_text_body);
	tcase_add_test(tc, test_cl316_characters);
	tcase_add_test(tc, test_cl316_valid);
	tcase_add_test(tc, test_cl316_param_and_shared_default);
	tcase_add_test(tc, test_cl317_literal);
	tcase_add_test(tc, test_cl317_through_variable);
	tcase_add_test(tc, test_cl317_quiet);
	tcase_add_test(tc, test_cl317_authorise_url);
	tcase_add_test(tc, test_cl318_params);
	tcase_add_test(tc, test_cl318_url_query);
	tcase_add_test(tc, test_cl318_quiet);
	tcase_add_test(tc, test_cl318_password_grant);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_protocol_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
