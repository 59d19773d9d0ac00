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

#include "cli_run.h"
#include "connlint.h"
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/edit.h"

#define CLIENT_SECRET "DwdeejLZZzUDsYTnBbzkBY031KRC3gSoHA0V7MLP"
#define JWT                                                                           \
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."                                       \
	"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." \
	"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
#define BASIC "YWRtaW46UzNjcmV0UGFzc3cwcmQh" /* admin:S3cretPassw0rd! */
#define QUERY_JWT                                                               \
	"eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJwYXRjaHdvcmtzIiwic2NwIjoib3JkZXJzIn0." \
	"c2lnbmF0dXJlLW9mLWEtcmVhbC1rZXk"
#define URL_PASSWORD "Xk29fLq7vPzR"

static const char *const secrets[] = {
	CLIENT_SECRET, JWT, BASIC, QUERY_JWT, URL_PASSWORD, "S3cretPassw0rd!",
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
    "        <variable key=\"client_secret\" label=\"Client secret\" default=\"" CLIENT_SECRET
    "\" locked=\"true\"/>\n" CC_TOKEN_KEY_TO_HEADERS
    "      <body format=\"form\"/>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"list-orders\" name=\"Liste des commandes — été\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://{{store_url}}/api/order</url>\n"
    "      <url-params><param key=\"context\" value=\"" QUERY_JWT
    "\"/></url-params>\n"
    "      <headers>\n"
    "        <param key=\"Authorization\" value=\"Bearer " JWT "\"/>\n"
    "      </headers>\n"
    "      <enable auth-method=\"sw-oauth\"/>\n"
    "    </endpoint>\n"
    "    <endpoint id=\"list-products\" name=\"List products\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://reports:" URL_PASSWORD
    "@{{store_url}}/api/product</url>\n"
    "      <headers><param key=\"Authorization\" value=\"Basic " BASIC
    "\"/></headers>\n"
    "      <enable auth-method=\"sw-oauth\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

/* Renders R in FORMAT with FLAGS; caller frees. */
static char *
render(const cl_result *r, enum cl_format format, unsigned flags)
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
static void
assert_no_secret(const char *out, const char *format)
{
	size_t i, k;

	for (i = 0; i < sizeof(secrets) / sizeof(*secrets); i++) {
		const char *s = secrets[i];
		size_t n = strlen(s);

		ck_assert_msg(!strstr(out, s),
		              "%s output shows secret %zu:\n%s", format, i,
		              out);
		for (k = 1; k + 5 <= n; k++) {
			char piece[6];

			memcpy(piece, s + k, 5);
			piece[5] = '\0';
			if (strstr(out, piece))
				ck_abort_msg(
				    "%s output shows part `%s` of secret %zu:\n%s",
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
		{ CL_FORMAT_GITLAB, 0, "gitlab" },
		{ CL_FORMAT_MARKDOWN, 0, "markdown" },
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
		ck_assert_msg(
		    strstr(out, "YWRt\xE2\x80\xA6"),
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
	r = cl_lint_memory(l, "shop.connector.xml", connector,
	                   strlen(connector));
	for (i = 0; i < cl_result_count(r); i++)
		ck_assert_str_ne(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))),
		                 "CL501");
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

/* ---- every output format of the command line, whatever else failed ----
 *
 * Each scenario is a file in which a secret sits on a line that some other
 * finding prints (or in a value some other rule quotes). The CLI is run in
 * every format, with CL501 on and with `--ignore CL501`: no output may
 * hold the secret past the characters a mask shows, and the text format's
 * excerpt must show the masked form.
 */

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

#define ENDPOINTS(method)                                                                             \
	"  <endpoints>\n"                                                                             \
	"    <endpoint id=\"list-items\" name=\"List items\" direction=\"receive\" method=\"GET\">\n" \
	"      <url>https://api.example.com/v1/items</url>\n"                                         \
	"      <enable auth-method=\"" method "\"/>\n"                                                \
	"    </endpoint>\n"                                                                           \
	"  </endpoints>\n"

/* An authorisation-code method whose grant type, client type, redirect
 * URI and extra URL params a scenario chooses. */
#define AC(grant, ctype, redirect, params)                                                                                             \
	XML_DECL                                                                                                                       \
	"<connector format=\"1\" name=\"Example CRM\" system-type=\"CRM\">\n"                                                          \
	"  <auth-methods>\n"                                                                                                           \
	"    <auth-method id=\"ex-oauth\" name=\"OAuth 2\" type=\"oauth2-authorization-code\">\n"                                      \
	"      <url>https://auth.example.com/oauth/token</url>\n"                                                                      \
	"      <additional-url index=\"1\">https://auth.example.com/oauth/authorize</additional-url>\n"                                \
	"      <variables>\n"                                                                                                          \
	"        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"                                \
	"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"        \
	"        <variable key=\"scope\" label=\"Scopes\" default=\"read\" locked=\"true\"/>\n"                                        \
	"        <variable key=\"grant_type\" label=\"Grant type\" default=\"" grant                                                   \
	"\" locked=\"true\"/>\n"                                                                                                       \
	"        <variable key=\"client_type\" label=\"Client type\" default=\"" ctype                                                 \
	"\" locked=\"true\"/>\n"                                                                                                       \
	"        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"" redirect                                            \
	"\" locked=\"true\"/>\n"                                                                                                       \
	"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n" \
	"      </variables>\n"                                                                                                         \
	"      <url-params>\n"                                                                                                         \
	"        <param key=\"client_id\" value=\"{{client_id}}\" locked=\"true\"/>\n"                                                 \
	"        <param key=\"redirect_uri\" value=\"{{redirect_uri}}\" locked=\"true\"/>\n"                                           \
	"        <param key=\"scope\" value=\"{{scope}}\" locked=\"true\"/>\n" params                                                  \
	"      </url-params>\n"                                                                                                        \
	"      <headers>\n"                                                                                                            \
	"        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\" locked=\"true\"/>\n"                          \
	"      </headers>\n"                                                                                                           \
	"      <body format=\"form\"/>\n"                                                                                              \
	"    </auth-method>\n"                                                                                                         \
	"  </auth-methods>\n" ENDPOINTS("ex-oauth") "</connector>\n"

#define OK_REDIRECT "https://app.wearepatchworks.com/oauth/authenticate"
#define CODE_PARAM \
	"        <param key=\"response_type\" value=\"code\" locked=\"true\"/>\n"

/* A token method, then endpoint ENDPOINT (its own XML). */
#define TOKEN_CONNECTOR(endpoint)                                                                                   \
	XML_DECL                                                                                                    \
	"<connector format=\"1\" name=\"Example API\" system-type=\"CRM\">\n"                                       \
	"  <auth-methods>\n"                                                                                        \
	"    <auth-method id=\"ex-token\" name=\"API token\" type=\"token\">\n"                                     \
	"      <url>https://api.example.com/v1/me</url>\n"                                                          \
	"      <variables>\n"                                                                                       \
	"        <variable key=\"token\" label=\"API token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n" \
	"      </variables>\n"                                                                                      \
	"      <headers><param key=\"Authorization\" value=\"Bearer {{token}}\" locked=\"true\"/></headers>\n"      \
	"    </auth-method>\n"                                                                                      \
	"  </auth-methods>\n"                                                                                       \
	"  <endpoints>\n" endpoint "  </endpoints>\n"                                                               \
	"</connector>\n"

#define POST_WITH_CONTENT(content)                                                                    \
	"    <endpoint id=\"create-user\" name=\"Create user\" direction=\"send\" method=\"POST\">\n" \
	"      <url>https://api.example.com/v1/users</url>\n"                                         \
	"      <body format=\"raw\" data-type=\"json\"><content>" content                             \
	"</content></body>\n"                                                                         \
	"      <enable auth-method=\"ex-token\"/>\n"                                                  \
	"    </endpoint>\n"

#define JWT_A \
	"eyJhbGciOiJIUzI1NiJ9.eyJzdGF0ZSI6InNpZ25lZC1zdGF0ZS0xIn0.Xq3vL8mR2pT6wZ9yB4nD7fH1kJ5sA0cE"
#define JWT_B \
	"eyJhbGciOiJSUzI1NiJ9.eyJub25jZSI6ImZpeGVkLW5vbmNlLTQyIn0.Tm9uY2VTaWduYXR1cmUtcmVhbGx5"
#define STRIPE_KEY "sk_live_51HqLyjWDarjtT1zdp7dcXkZ"
#define RANDOM_TOKEN "q8Zr3Lx9TbW2mKp7VnY4cHs6Jd1Fg5QeRt0UaXoB"
#define GITHUB_TOKEN "ghp_R7x2Kq9LmZ4vTn8WbY3cJd6Hs1Fg5PeQa0Uo"
#define SLACK_TOKEN "xoxb-2946123456-4812345678901-AbCdEfGhIjKlMnOpQrStUvWx"

struct scenario {
	const char *xml;
	const char *secret;  /* never shown past its masked prefix */
	const char *excerpt; /* what the text format's source line shows */
	const char
	    *rule; /* the finding that prints the line or quotes the value */
	int cl501; /* CL501 reports the secret when it is on */
};

static const struct scenario b2_parse_error = {
	XML_DECL
	"<connector format=\"1\" name=\"Example API\" system-type=\"CRM\">\n"
	"  <auth-methods>\n"
	"    <auth-method id=\"ex-token\" name=\"API token\" type=\"token\">\n"
	"      <url>https://api.example.com/v1/me</url>\n"
	"      <headers><param key=\"Authorization\" value=\"Bearer 9fQx2LmZr7TkW4vBn8HsYc3Dp\"/> R&D </headers>\n"
	"    </auth-method>\n"
	"  </auth-methods>\n"
	"</connector>\n",
	"9fQx2LmZr7TkW4vBn8HsYc3Dp", "Bearer 9fQx*********************",
	"CL001", 0
};

static const struct scenario b2_invalid_utf8 = {
	XML_DECL
	"<connector format=\"1\" name=\"Example API\" system-type=\"CRM\">\n"
	"  <variables>\n"
	"    <variable key=\"password\" label=\"Mot de passe (\xE9)\" default=\"correct-horse-battery-staple-42\"/>\n"
	"  </variables>\n"
	"</connector>\n",
	"correct-horse-battery-staple-42",
	"\"corr***************************\"", "CL001", 0
};

/* A PEM private key, in a variable whose key names nothing: found by its
 * format, masked by the raw pass when the file does not parse. */
static const struct scenario b2_pem_parse_error = {
	XML_DECL
	"<connector format=\"1\" name=\"Example API\" system-type=\"CRM\">\n"
	"  <variables>\n"
	"    <variable key=\"cert\" label=\"Certificate\" default=\"-----BEGIN PRIVATE KEY-----&#10;MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7&#10;-----END PRIVATE KEY-----\"/> R&D\n"
	"  </variables>\n"
	"</connector>\n",
	"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
	"KEY-----&#10*****", "CL001", 0
};

static const struct scenario b2_other_encoding = {
	"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><connector format=\"1\" name=\"Ex\" "
	"system-type=\"CRM\"><variables><variable key=\"client_secret\" label=\"Secret\" "
	"default=\"DwdeejLZZzUDsYTnBbzkBY031KRC3gSoHA0V7MLP\"/></variables></connector>\n",
	"DwdeejLZZzUDsYTnBbzkBY031KRC3gSoHA0V7MLP",
	"\"Dwde************************************\"", "CL001", 0
};

static const struct scenario b2_wrong_root = {
	XML_DECL
	"<connectr format=\"1\" name=\"Ex\"><headers><param key=\"Authorization\" "
	"value=\"Basic YWRtaW46UzNjcmV0UGFzc3cwcmQh\"/></headers></connectr>\n",
	"YWRtaW46UzNjcmV0UGFzc3cwcmQh", "Basic YWRt************************",
	"CL002", 0
};

static const struct scenario b2_misspelt_element = {
	XML_DECL
	"<connector format=\"1\" name=\"Example API\" system-type=\"CRM\">\n"
	"  <auth-methods>\n"
	"    <auth-method id=\"ex-token\" name=\"API token\" type=\"token\">\n"
	"      <url>https://api.example.com/v1/me</url>\n"
	"      <headerz><param key=\"Authorization\" value=\"Bearer Zx81mQp4Lr7Vt2Kw9Yb3\"/></headerz>\n"
	"    </auth-method>\n"
	"  </auth-methods>\n" ENDPOINTS("ex-token") "</connector>\n",
	"Zx81mQp4Lr7Vt2Kw9Yb3", "Bearer Zx81****************", "CL002", 0
};

static const struct scenario b3_cl309 = {
	AC("authorization_code", "confidential", OK_REDIRECT "?ctx=" JWT_A,
	   CODE_PARAM),
	JWT_A, "?ctx=eyJh***", "CL309", 1
};

static const struct scenario b3_cl303 = {
	AC(STRIPE_KEY, "confidential", OK_REDIRECT, CODE_PARAM), STRIPE_KEY,
	"\"sk_l****************************\"", "CL303", 1
};

static const struct scenario b3_cl317 = {
	AC("authorization_code", "confidential", OK_REDIRECT,
	   CODE_PARAM "        <param key=\"state\" value=\"" JWT_B "\"/>\n"),
	JWT_B, "\"eyJh***", "CL317", 1
};

/* A secret by where it stands, not by its looks: only the secrets found
 * in the file tell the masker that CL317's quote of it is one. */
static const struct scenario b3_cl317_secret_default = {
	XML_DECL
	"<connector format=\"1\" name=\"Example CRM\" system-type=\"CRM\">\n"
	"  <auth-methods>\n"
	"    <auth-method id=\"ex-oauth\" name=\"OAuth 2\" type=\"oauth2-authorization-code\">\n"
	"      <url>https://auth.example.com/oauth/token</url>\n"
	"      <additional-url index=\"1\">https://auth.example.com/oauth/authorize</additional-url>\n"
	"      <variables>\n"
	"        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
	"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	"        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorization_code\" locked=\"true\"/>\n"
	"        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"" OK_REDIRECT
	"\" locked=\"true\"/>\n"
	"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"
	"        <variable key=\"state_seed\" label=\"Seed\" secret=\"true\" locked=\"true\" default=\"Hunter2Hunter2\"/>\n"
	"      </variables>\n"
	"      <url-params>\n" CODE_PARAM
	"        <param key=\"client_id\" value=\"{{client_id}}\" locked=\"true\"/>\n"
	"        <param key=\"redirect_uri\" value=\"{{redirect_uri}}\" locked=\"true\"/>\n"
	"        <param key=\"state\" value=\"{{state_seed}}\"/>\n"
	"      </url-params>\n"
	"      <body format=\"form\"/>\n"
	"    </auth-method>\n"
	"  </auth-methods>\n" ENDPOINTS("ex-oauth") "</connector>\n",
	"Hunter2Hunter2", "\"Hunt**********\"", "CL317", 1
};

/* A random token under a key that names no credential: not CL501's
 * (issue 9: entropy alone is no finding), but masked all the same. */
static const struct scenario b3_cl311 = {
	AC("authorization_code", "confidential", OK_REDIRECT,
	   "        <param key=\"response_type\" value=\"" RANDOM_TOKEN
	   "\" locked=\"true\"/>\n"),
	RANDOM_TOKEN, "\"q8Zr************************************\"", "CL311", 0
};

static const struct scenario b3_cl308 = {
	AC("authorization_code", GITHUB_TOKEN, OK_REDIRECT, CODE_PARAM),
	GITHUB_TOKEN, "\"ghp_************************************\"", "CL308", 1
};

static const struct scenario b3_cl208 = {
	XML_DECL
	"<connector format=\"1\" name=\"NetSuite\" system-type=\"ERP\">\n"
	"  <auth-methods>\n"
	"    <auth-method id=\"ns-tba\" name=\"TBA\" type=\"oauth1\">\n"
	"      <url>https://api.example.com/rest/metadata</url>\n"
	"      <variables>\n"
	"        <variable key=\"consumer_key\" label=\"Consumer key\" required=\"true\" locked=\"true\"/>\n"
	"        <variable key=\"consumer_secret\" label=\"Consumer secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	"        <variable key=\"token_id\" label=\"Token ID\" required=\"true\" locked=\"true\"/>\n"
	"        <variable key=\"token_secret\" label=\"Token secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	"        <variable key=\"signature_method\" label=\"Signature method\" default=\"" SLACK_TOKEN
	"\" locked=\"true\"/>\n"
	"      </variables>\n"
	"    </auth-method>\n"
	"  </auth-methods>\n" ENDPOINTS("ns-tba") "</connector>\n",
	SLACK_TOKEN, "\"xoxb***", "CL208", 1
};

static const struct scenario b3_cl002_enum = {
	TOKEN_CONNECTOR(
	    "    <endpoint id=\"list-items\" name=\"List items\" direction=\"" STRIPE_KEY
	    "\" method=\"GET\">\n"
	    "      <url>https://api.example.com/v1/items</url>\n"
	    "      <enable auth-method=\"ex-token\"/>\n"
	    "    </endpoint>\n"),
	STRIPE_KEY, "\"sk_l****************************\"", "CL002", 0
};

static const struct scenario b4_key_in_query = {
	TOKEN_CONNECTOR(
	    "    <endpoint id=\"list-charges\" name=\"List charges\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>http://api.example.com/v1/charges?key=" STRIPE_KEY
	    "</url>\n"
	    "      <enable auth-method=\"ex-token\"/>\n"
	    "    </endpoint>\n"),
	STRIPE_KEY, "?key=sk_l****************************<", "CL502", 1
};

static const struct scenario b4_access_token_in_query = {
	TOKEN_CONNECTOR(
	    "    <endpoint id=\"list-items\" name=\"List items\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>http://api.example.com/v2/items?limit=50&amp;access_token=AbCdEf0123456789XyZ</url>\n"
	    "      <enable auth-method=\"ex-token\"/>\n"
	    "    </endpoint>\n"),
	"AbCdEf0123456789XyZ", "access_token=AbCd***************<", "CL502", 1
};

static const struct scenario b4_client_secret_in_json = {
	TOKEN_CONNECTOR(POST_WITH_CONTENT(
	    "{\"client_id\": \"my-app\", \"client_secret\": \"hunter2-Is-N0t-Secret\", \"user\": \"{{no_such_var}}\"}")),
	"hunter2-Is-N0t-Secret", "\"hunt*****************\"", "CL104", 1
};

static const struct scenario b4_password_in_json = {
	TOKEN_CONNECTOR(POST_WITH_CONTENT(
	    "{\"username\": \"api\", \"password\": \"Pa55w0rd-Summer-2024\", \"team\": \"{{no_such_var}}\"}")),
	"Pa55w0rd-Summer-2024", "\"Pa55****************\"", "CL104", 1
};

static const struct scenario b4_password_in_cdata = {
	TOKEN_CONNECTOR(POST_WITH_CONTENT(
	    "<![CDATA[{\"password\": \"Tr0ub4dor&3<horse>\", \"team\": \"{{no_such_var}}\"}]]>")),
	"Tr0ub4dor&3<horse>", "\"Tr0u**************\"", "CL104", 1
};

static const struct scenario b4_client_secret_in_cdata = {
	TOKEN_CONNECTOR(POST_WITH_CONTENT(
	    "<![CDATA[{\"client_secret\": \"Zq-Client-S3cret-99\", \"team\": \"{{no_such_var}}\"}]]>")),
	"Zq-Client-S3cret-99", "\"Zq-C***************\"", "CL104", 1
};

/* Fails when OUT shows SECRET past the characters its mask keeps: the
 * secret whole, or any eight consecutive characters of it after its
 * first (fewer would match the rule help SARIF carries). */
static void
assert_masked(const char *out, const char *secret, const char *what)
{
	size_t k, n = strlen(secret);

	ck_assert_msg(!strstr(out, secret), "%s shows secret `%s`:\n%.3000s",
	              what, secret, out);
	for (k = 1; k + 8 <= n; k++) {
		char piece[9];

		memcpy(piece, secret + k, 8);
		piece[8] = '\0';
		ck_assert_msg(!strstr(out, piece),
		              "%s shows `%s` of secret `%s`:\n%.3000s", what,
		              piece, secret, out);
	}
}

/* Fails unless OUT holds NEEDLE (HAS 1) or lacks it (HAS 0). */
static void
assert_has(const char *out, const char *needle, int has, const char *what)
{
	ck_assert_msg(!strstr(out, needle) == !has, "%s: %s `%s` in:\n%.3000s",
	              what, has ? "expected" : "did not expect", needle, out);
}

static void
check_scenario(const struct scenario *sc)
{
	char *dir = make_temp_dir(), path[600], what[128];
	int ignore;
	size_t f;

	write_file(dir, "connector.xml", sc->xml);
	snprintf(path, sizeof(path), "%s/connector.xml", dir);
	for (ignore = 0; ignore < 2; ignore++) {
		for (f = 0; f < cl_format_count(); f++) {
			struct run r = ignore ? RUN("--no-config", "--format",
			                            cl_format_name(f),
			                            "--ignore", "CL501", path)
			                      : RUN("--no-config", "--format",
			                            cl_format_name(f), path);

			snprintf(what, sizeof(what), "--format %s%s",
			         cl_format_name(f),
			         ignore ? " --ignore CL501" : "");
			ck_assert_msg(r.status == 0 || r.status == 1,
			              "%s: exit %d\n%s%s", what, r.status,
			              r.out, r.err);
			assert_masked(r.out, sc->secret, what);
			assert_masked(r.err, sc->secret, what);
			/* The finding that shows the line or quotes the value is
			 * there: the scenario tests what it means to. */
			assert_has(r.out, sc->rule, 1, what);
			if (!strcmp(cl_format_name(f), "text"))
				assert_has(r.out, sc->excerpt, 1, what);
			if (!strcmp(cl_format_name(f), "json"))
				assert_has(r.out, "\"CL501\"",
				           !ignore && sc->cl501, what);
			run_free(&r);
		}
	}
	remove_tree(dir);
	/* The source lines as every consumer of the library sees them. */
	{
		cl_linter *l = cl_linter_new();
		cl_result *r =
		    cl_lint_memory(l, "c.xml", sc->xml, strlen(sc->xml));
		unsigned line;
		size_t len;

		for (line = 1; cl_result_line(r, line, &len); line++)
			assert_masked(cl_result_line(r, line, &len), sc->secret,
			              "cl_result_line");
		for (f = 0; f < cl_result_count(r); f++)
			assert_masked(cl_diag_message(cl_result_diag(r, f)),
			              sc->secret, "a message");
		cl_result_free(r);
		cl_linter_free(l);
	}
}

#define SCENARIO_TEST(name)            \
	START_TEST(test_##name)        \
	{                              \
		check_scenario(&name); \
	}                              \
	END_TEST

/* B2: masked when the file cannot be modelled, or not all of it. */
SCENARIO_TEST(b2_parse_error)
SCENARIO_TEST(b2_invalid_utf8)
SCENARIO_TEST(b2_other_encoding)
SCENARIO_TEST(b2_pem_parse_error)
SCENARIO_TEST(b2_wrong_root)
SCENARIO_TEST(b2_misspelt_element)
/* B3: other rules' messages quote values with the secrets masked. */
SCENARIO_TEST(b3_cl309)
SCENARIO_TEST(b3_cl303)
SCENARIO_TEST(b3_cl317)
SCENARIO_TEST(b3_cl317_secret_default)
SCENARIO_TEST(b3_cl311)
SCENARIO_TEST(b3_cl308)
SCENARIO_TEST(b3_cl208)
SCENARIO_TEST(b3_cl002_enum)
/* B4: credentials in URL query strings and body content. */
SCENARIO_TEST(b4_key_in_query)
SCENARIO_TEST(b4_access_token_in_query)
SCENARIO_TEST(b4_client_secret_in_json)
SCENARIO_TEST(b4_password_in_json)
SCENARIO_TEST(b4_password_in_cdata)
SCENARIO_TEST(b4_client_secret_in_cdata)

/* ---- the advice fits the auth type ----
 *
 * Each case writes credentials into a clean connector of one auth type,
 * checks that CL501's advice names where that type keeps them (not a
 * `basic` method for OAuth 2, which would drop OAuth), and lints the
 * connector fixed as the advice says: clean, so following the advice
 * leads to no other finding.
 */

#define BASIC_HEADER \
	"        <param key=\"Authorization\" value=\"Basic QXBwSUQtMTIzNDU2Nzg5MDpDZXJ0SUQtYWJjZGVm\"/>"

/* R has one CL501, whose message holds WANT and not LACK (NULL: no
 * check); frees R. */
static void
expect_advice(cl_result *r, const char *want, const char *lack)
{
	const cl_diag *d = find(r, "CL501");

	if (count(r, "CL501") != 1)
		dump(r);
	ck_assert_uint_eq(count(r, "CL501"), 1);
	ASSERT_MSG_HAS(d, want);
	if (lack)
		ASSERT_MSG_LACKS(d, lack);
	ASSERT_MSG_LACKS(d, "QXBwSUQt");
	cl_result_free(r);
}

static void
expect_no_finding(cl_result *r)
{
	expect_rules(r, "");
	cl_result_free(r);
}

START_TEST(test_advice_oauth2_client_credentials)
{
	/* eBay's hand-built Basic header in the token request. */
	expect_advice(
	    LINT(
	        cc_lines,
	        { 18,
	          "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n" BASIC_HEADER }),
	    "the platform builds the token request's Basic authentication "
	    "itself, from the `client_id` and `client_secret` auth variables",
	    "`basic` auth method");
	/* client_type is no variable of this type (CL102 if added). */
	expect_advice(
	    LINT(
	        cc_lines,
	        { 18,
	          "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n" BASIC_HEADER }),
	    "auth variables", "client_type");
	expect_no_finding(LINT(cc_lines, { 0, NULL }));
	/* Credentials in the token URL (CL503). */
	{
		cl_result *r = LINT(
		    cc_lines,
		    { 8,
		      "      <url>https://app:QXBwSUQtMTIzNDU2@{{store_url}}/api/oauth/token</url>" });
		const cl_diag *d = find(r, "CL503");

		ck_assert_ptr_nonnull(d);
		ASSERT_MSG_HAS(d, "`client_id` and `client_secret` auth "
		                  "variables");
		ASSERT_MSG_LACKS(d, "`basic` auth method");
		cl_result_free(r);
	}
}
END_TEST

START_TEST(test_advice_oauth2_authorization_code)
{
	expect_advice(
	    LINT(
	        ac_lines,
	        { 17,
	          "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n" BASIC_HEADER }),
	    "with `client_type` `confidential` the platform builds the token "
	    "request's Basic authentication itself",
	    "`basic` auth method");
	/* A literal client_secret param: removed, not made a placeholder in
	 * the body (CL315's two client authentication methods). */
	expect_advice(
	    LINT(
	        ac_lines,
	        { 19,
	          "      <body format=\"form\"><param key=\"client_secret\" value=\"Zq9-Client-S3cret-Value\"/></body>" }),
	    "remove it: the platform sends the `client_secret` auth variable",
	    "reference it here");
	expect_no_finding(LINT(ac_lines, { 0, NULL }));
	/* A bearer token written into an endpoint of an OAuth 2 method:
	 * no undeclared `{{access_token}}` (CL104) is suggested. */
	expect_advice(
	    LINT(
	        ac_lines,
	        { 24,
	          "      <url>https://api.xero.com/api.xro/2.0/Invoices</url>\n"
	          "      <headers><param key=\"Authorization\" value=\"Bearer " JWT_A
	          "\"/></headers>" }),
	    "the OAuth 2 auth method obtains an access token itself", "{{");
}
END_TEST

START_TEST(test_advice_basic)
{
	expect_advice(
	    LINT(
	        basic_lines,
	        { 15,
	          "        <param key=\"Accept\" value=\"application/json\"/>\n" BASIC_HEADER }),
	    "a `basic` auth method sends `Authorization: Basic` itself, built "
	    "from its `username` and `password` auth variables",
	    NULL);
	expect_no_finding(LINT(basic_lines, { 0, NULL }));
}
END_TEST

START_TEST(test_advice_token)
{
	expect_advice(
	    LINT(
	        token_lines,
	        { 10,
	          "        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\" locked=\"true\"/>\n" BASIC_HEADER }),
	    "send `Basic {{token}}`", NULL);
	expect_no_finding(LINT(
	    token_lines,
	    { 10,
	      "        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\" locked=\"true\"/>\n"
	      "        <param key=\"Authorization\" value=\"Basic {{token}}\"/>" }));
}
END_TEST

START_TEST(test_advice_oauth1)
{
	expect_advice(
	    LINT(oauth1_lines,
	         { 12, "      </variables>\n      <headers>\n" BASIC_HEADER
	               "\n      </headers>" }),
	    "an `oauth1` method signs each request itself with its "
	    "`consumer_secret` and `token_secret` auth variables",
	    "`basic` auth method");
	expect_no_finding(LINT(oauth1_lines, { 0, NULL }));
}
END_TEST

/* A key in a URL param goes to a header: a secret variable's
 * placeholder in the query would be CL505's. */
START_TEST(test_advice_url_param)
{
	expect_advice(
	    LINT(
	        token_lines,
	        { 16,
	          "      <url>https://shop.example.com/admin/api/products.json</url>\n"
	          "      <url-params><param key=\"api_key\" value=\"QXBwSUQtMTIzNDU2Nzg5MDpD\"/></url-params>" }),
	    "send it in a header", "reference it here");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("secrets");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_no_secret_in_any_output);
	tcase_add_test(tc, test_masked_without_cl501);
	tcase_add_test(tc, test_b2_parse_error);
	tcase_add_test(tc, test_b2_invalid_utf8);
	tcase_add_test(tc, test_b2_other_encoding);
	tcase_add_test(tc, test_b2_pem_parse_error);
	tcase_add_test(tc, test_b2_wrong_root);
	tcase_add_test(tc, test_b2_misspelt_element);
	tcase_add_test(tc, test_b3_cl309);
	tcase_add_test(tc, test_b3_cl303);
	tcase_add_test(tc, test_b3_cl317);
	tcase_add_test(tc, test_b3_cl317_secret_default);
	tcase_add_test(tc, test_b3_cl311);
	tcase_add_test(tc, test_b3_cl308);
	tcase_add_test(tc, test_b3_cl208);
	tcase_add_test(tc, test_b3_cl002_enum);
	tcase_add_test(tc, test_b4_key_in_query);
	tcase_add_test(tc, test_b4_access_token_in_query);
	tcase_add_test(tc, test_b4_client_secret_in_json);
	tcase_add_test(tc, test_b4_password_in_json);
	tcase_add_test(tc, test_b4_password_in_cdata);
	tcase_add_test(tc, test_b4_client_secret_in_cdata);
	/* Each scenario runs the command line fourteen times. */
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("advice");
	tcase_add_checked_fixture(tc, lint_setup, lint_teardown);
	tcase_add_test(tc, test_advice_oauth2_client_credentials);
	tcase_add_test(tc, test_advice_oauth2_authorization_code);
	tcase_add_test(tc, test_advice_basic);
	tcase_add_test(tc, test_advice_token);
	tcase_add_test(tc, test_advice_oauth1);
	tcase_add_test(tc, test_advice_url_param);
	suite_add_tcase(s, tc);

	return cl_check_run(s);
}
