/*
 * A linter's output lands in CI logs: no secret it finds may appear in
 * any output format. Lints a connector with a hard-coded client secret, an
 * `Authorization: Bearer <JWT>` header, a `Basic …` header, a JWT in a URL
 * param and a password in a URL, renders the result in every format (text
 * with and without colour, gcc, json) and fails if any secret, or any
 * stretch of one longer than the four characters a mask shows, appears.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"

#define CLIENT_SECRET "DwdeejLZZzUDsYTnBbzkBY031KRC3gSoHA0V7MLP"
#define JWT "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." \
	"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." \
	"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
#define BASIC "YWRtaW46UzNjcmV0UGFzc3cwcmQh" /* admin:S3cretPassw0rd! */
#define QUERY_JWT "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJwYXRjaHdvcmtzIiwic2NwIjoib3JkZXJzIn0." \
	"c2lnbmF0dXJlLW9mLWEtcmVhbC1rZXk"
#define URL_PASSWORD "Xk29fLq7vPzR"

static const char *const secrets[] = {
	CLIENT_SECRET, JWT, BASIC, QUERY_JWT, URL_PASSWORD,
	"S3cretPassw0rd!",
};

static const char connector[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<connector format=\"1\" name=\"Shopware 6\" system-type=\"eCommerce\">\n"
	"  <variables>\n"
	"    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>\n"
	"  </variables>\n"
	"  <auth-methods>\n"
	"    <auth-method id=\"sw-oauth\" name=\"OAuth 2\" type=\"oauth2-client-credentials\">\n"
	"      <url>https://{{store_url}}/api/oauth/token</url>\n"
	"      <variables>\n"
	"        <variable key=\"scope\" label=\"Scope\" default=\"write\" locked=\"true\"/>\n"
	"        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>\n"
	"        <variable key=\"client_id\" label=\"Client ID\" default=\"SWIAEFRPNJBRMVVYB2JPC2XNMQ\" locked=\"true\"/>\n"
	"        <variable key=\"client_secret\" label=\"Client secret\" default=\"" CLIENT_SECRET "\" locked=\"true\"/>\n"
	"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
	"        <use variable=\"store_url\"/>\n"
	"      </variables>\n"
	"      <headers>\n"
	"        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n"
	"      </headers>\n"
	"      <body format=\"form\"/>\n"
	"    </auth-method>\n"
	"  </auth-methods>\n"
	"  <endpoints>\n"
	"    <endpoint id=\"list-orders\" name=\"Liste des commandes — été\" direction=\"receive\" method=\"GET\">\n"
	"      <url>https://{{store_url}}/api/order</url>\n"
	"      <url-params><param key=\"context\" value=\"" QUERY_JWT "\"/></url-params>\n"
	"      <headers>\n"
	"        <param key=\"Authorization\" value=\"Bearer " JWT "\"/>\n"
	"      </headers>\n"
	"      <enable auth-method=\"sw-oauth\"/>\n"
	"    </endpoint>\n"
	"    <endpoint id=\"list-products\" name=\"List products\" direction=\"receive\" method=\"GET\">\n"
	"      <url>https://reports:" URL_PASSWORD "@{{store_url}}/api/product</url>\n"
	"      <headers><param key=\"Authorization\" value=\"Basic " BASIC "\"/></headers>\n"
	"      <enable auth-method=\"sw-oauth\"/>\n"
	"    </endpoint>\n"
	"  </endpoints>\n"
	"</connector>\n";

/* Renders R in FORMAT with FLAGS; caller frees. */
static char *render(const cl_result *r, enum cl_format format, unsigned flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cl_output *out;

	ck_assert_ptr_nonnull(f);
	out = cl_output_new(format, f, flags);
	cl_output_add(out, r);
	cl_output_finish(out);
	cl_output_free(out);
	fclose(f);
	return buf;
}

/* Fails when OUT shows any secret, or more than its first four
 * characters: any five consecutive characters of a secret that do not
 * start it. */
static void assert_no_secret(const char *out, const char *format)
{
	size_t i, k;

	for (i = 0; i < sizeof(secrets) / sizeof(*secrets); i++) {
		const char *s = secrets[i];
		size_t n = strlen(s);

		ck_assert_msg(!strstr(out, s), "%s output shows secret %zu:\n%s",
			      format, i, out);
		for (k = 1; k + 5 <= n; k++) {
			char piece[6];

			memcpy(piece, s + k, 5);
			piece[5] = '\0';
			if (strstr(out, piece))
				ck_abort_msg("%s output shows part `%s` of secret %zu:\n%s",
					     format, piece, i, out);
		}
	}
}

START_TEST(test_no_secret_in_any_output)
{
	static const struct {
		enum cl_format format;
		unsigned flags;
		const char *name;
	} formats[] = {
		{ CL_FORMAT_TEXT, 0, "text" },
		{ CL_FORMAT_TEXT, CL_OUTPUT_COLOR, "text (colour)" },
		{ CL_FORMAT_GCC, 0, "gcc" },
		{ CL_FORMAT_JSON, 0, "json" },
		{ CL_FORMAT_SARIF, 0, "sarif" },
		{ CL_FORMAT_CHECKSTYLE, 0, "checkstyle" },
		{ CL_FORMAT_JUNIT, 0, "junit" },
		{ CL_FORMAT_GITHUB, 0, "github" },
	};
	cl_linter *l = cl_linter_new();
	cl_result *r = cl_lint_memory(l, "shop.connector.xml", connector,
				      strlen(connector));
	size_t i, n501 = 0;

	/* The findings are there, each masked. */
	for (i = 0; i < cl_result_count(r); i++)
		n501 += !strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))),
				"CL501");
	ck_assert_uint_eq(n501, 4);
	for (i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
		char *out = render(r, formats[i].format, formats[i].flags);

		assert_no_secret(out, formats[i].name);
		ck_assert_msg(strstr(out, "Dwde\xE2\x80\xA6"),
			      "%s output lacks the masked client secret:\n%s",
			      formats[i].name, out);
		ck_assert_msg(strstr(out, "YWRt\xE2\x80\xA6"),
			      "%s output lacks the masked Basic credentials:\n%s",
			      formats[i].name, out);
		free(out);
	}
	/* The source lines as every consumer of the library sees them. */
	for (i = 1; cl_result_line(r, (unsigned)i, &(size_t){ 0 }); i++) {
		size_t len;
		const char *line = cl_result_line(r, (unsigned)i, &len);

		assert_no_secret(line, "cl_result_line");
	}
	cl_result_free(r);
	cl_linter_free(l);
}
END_TEST

/* With CL501 off, other rules' snippets of the same lines stay masked. */
START_TEST(test_masked_without_cl501)
{
	cl_linter *l = cl_linter_new();
	cl_result *r;
	char *out;
	size_t i;

	ck_assert_int_eq(cl_linter_ignore(l, "CL501", NULL), 0);
	r = cl_lint_memory(l, "shop.connector.xml", connector, strlen(connector));
	for (i = 0; i < cl_result_count(r); i++)
		ck_assert_str_ne(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))), "CL501");
	out = render(r, CL_FORMAT_TEXT, 0);
	assert_no_secret(out, "text without CL501");
	free(out);
	for (i = 1; cl_result_line(r, (unsigned)i, &(size_t){ 0 }); i++) {
		size_t len;

		assert_no_secret(cl_result_line(r, (unsigned)i, &len),
		                 "cl_result_line without CL501");
	}
	cl_result_free(r);
	cl_linter_free(l);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("secrets");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_no_secret_in_any_output);
	tcase_add_test(tc, test_masked_without_cl501);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
