/*
 * The clean connectors the rule suites edit (lib/edit.h), one line per
 * array entry and NULL-terminated; the comment on each entry is its line
 * number, which the suites' expected positions depend on, so never
 * insert or remove a line here: add a new template instead. Each one
 * lints clean with every rule on (hubspot_lines with CL4xx and CL5xx off).
 * At the end, whole documents with one known finding, shared by the
 * output suites.
 */
#ifndef CL_TESTS_LIB_CONNECTORS_H
#define CL_TESTS_LIB_CONNECTORS_H

/* The templates are laid out as the documents read: */
/* clang-format off */

#include <stddef.h>

#ifndef CL_TEST_HELPER
#define CL_TEST_HELPER __attribute__((unused))
#endif

/*
 * A connector's variables and basic auth method `acme-basic` (host,
 * username, password), as one string: what the CLI suites' generated
 * connectors put before their endpoints.
 */
#define ACME_BASIC_HEAD \
	"  <variables>\n" \
	"    <variable key=\"host\" label=\"Host name\" required=\"true\"/>\n" \
	"  </variables>\n" \
	"  <auth-methods>\n" \
	"    <auth-method id=\"acme-basic\" name=\"Username and password\" type=\"basic\">\n" \
	"      <url>https://{{host}}/api/login</url>\n" \
	"      <variables>\n" \
	"        <variable key=\"username\" label=\"Username\" required=\"true\" locked=\"true\"/>\n" \
	"        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n" \
	"        <use variable=\"host\"/>\n" \
	"      </variables>\n" \
	"    </auth-method>\n" \
	"  </auth-methods>\n"

/*
 * The clean oauth2-client-credentials connector both Shop and Shopware are,
 * with the connector name and the auth method id given: 29 entries.
 */
#define CC_CONNECTOR_LINES(name, id) \
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", \
	/*  2 */ "<connector format=\"1\" name=\"" name "\">", \
	/*  3 */ "  <variables>", \
	/*  4 */ \
	"    <variable key=\"store_url\" label=\"Store URL\" required=\"true\"/>", \
	/*  5 */ "  </variables>", \
	/*  6 */ "  <auth-methods>", \
	/*  7 */ \
	"    <auth-method id=\"" id "\" name=\"OAuth 2\" type=\"oauth2-client-credentials\">", \
	/*  8 */ "      <url>https://{{store_url}}/api/oauth/token</url>", \
	/*  9 */ "      <variables>", \
	/* 10 */ \
	"        <variable key=\"scope\" label=\"Scope\" default=\"write\" locked=\"true\"/>", \
	/* 11 */ \
	"        <variable key=\"grant_type\" label=\"Grant type\" default=\"client_credentials\" locked=\"true\"/>", \
	/* 12 */ \
	"        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>", \
	/* 13 */ \
	"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>", \
	/* 14 */ \
	"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>", \
	/* 15 */ "        <use variable=\"store_url\"/>", \
	/* 16 */ "      </variables>", \
	/* 17 */ "      <headers>", \
	/* 18 */ \
	"        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>", \
	/* 19 */ "      </headers>", \
	/* 20 */ "      <body format=\"form\"/>", \
	/* 21 */ "    </auth-method>", \
	/* 22 */ "  </auth-methods>", \
	/* 23 */ "  <endpoints>", \
	/* 24 */ \
	"    <endpoint id=\"list-orders\" name=\"List orders\" direction=\"receive\" method=\"GET\">", \
	/* 25 */ "      <url>https://{{store_url}}/api/order</url>", \
	/* 26 */ "      <enable auth-method=\"" id "\"/>", \
	/* 27 */ "    </endpoint>", \
	/* 28 */ "  </endpoints>", \
	/* 29 */ "</connector>"

/* A clean oauth2-client-credentials connector (Shop), one line per entry. */
static CL_TEST_HELPER const char *const cc_lines[] = {
	CC_CONNECTOR_LINES("Shop", "shop-oauth"),
	NULL
};

/* A clean oauth2-authorization-code connector (Xero). */
static CL_TEST_HELPER const char *const ac_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Xero\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */
	"    <auth-method id=\"xero\" name=\"Xero\" type=\"oauth2-authorization-code\">",
	/*  5 */ "      <url>https://identity.xero.com/connect/token</url>",
	/*  6 */
	"      <additional-url index=\"1\">https://login.xero.com/identity/connect/authorize</additional-url>",
	/*  7 */ "      <variables>",
	/*  8 */
	"        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>",
	/*  9 */
	"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 10 */
	"        <variable key=\"scope\" label=\"Scope\" default=\"accounting.transactions\" locked=\"true\"/>",
	/* 11 */
	"        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorization_code\" locked=\"true\"/>",
	/* 12 */
	"        <variable key=\"client_type\" label=\"Client type\" default=\"confidential\" locked=\"true\"/>",
	/* 13 */
	"        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://app.wearepatchworks.com/oauth/authenticate\" locked=\"true\"/>",
	/* 14 */
	"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>",
	/* 15 */ "      </variables>",
	/* 16 */ "      <headers>",
	/* 17 */
	"        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>",
	/* 18 */ "      </headers>",
	/* 19 */ "      <body format=\"form\"/>",
	/* 20 */ "    </auth-method>",
	/* 21 */ "  </auth-methods>",
	/* 22 */ "  <endpoints>",
	/* 23 */
	"    <endpoint id=\"invoices\" name=\"Invoices\" direction=\"receive\" method=\"GET\">",
	/* 24 */ "      <url>https://api.xero.com/api.xro/2.0/Invoices</url>",
	/* 25 */ "      <enable auth-method=\"xero\"/>",
	/* 26 */ "    </endpoint>",
	/* 27 */ "  </endpoints>",
	/* 28 */ "</connector>",
	NULL
};

/* A clean oauth2-authorization-code connector with <url-params> (HubSpot);
 * clean with the CL4xx and CL5xx rules off. */
static CL_TEST_HELPER const char *const hubspot_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"HubSpot\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */
	"    <auth-method id=\"hs\" name=\"HubSpot\" type=\"oauth2-authorization-code\">",
	/*  5 */ "      <url>https://api.hubapi.com/oauth/v1/token</url>",
	/*  6 */
	"      <additional-url index=\"1\">https://app.hubspot.com/oauth/authorize</additional-url>",
	/*  7 */ "      <variables>",
	/*  8 */
	"        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>",
	/*  9 */
	"        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 10 */
	"        <variable key=\"scope\" label=\"Scopes (space separated)\" default=\"crm.objects.contacts.read\" locked=\"true\"/>",
	/* 11 */
	"        <variable key=\"grant_type\" label=\"Grant type\" default=\"authorization_code\" locked=\"true\"/>",
	/* 12 */
	"        <variable key=\"client_type\" label=\"Client type\" default=\"confidential\" locked=\"true\"/>",
	/* 13 */
	"        <variable key=\"redirect_uri\" label=\"Redirect URI\" default=\"https://app.wearepatchworks.com/oauth/authenticate\" locked=\"true\"/>",
	/* 14 */
	"        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>",
	/* 15 */ "      </variables>",
	/* 16 */ "      <url-params>",
	/* 17 */ "        <param key=\"response_type\" value=\"code\"/>",
	/* 18 */ "        <param key=\"client_id\" value=\"{{client_id}}\"/>",
	/* 19 */ "        <param key=\"redirect_uri\" value=\"{{redirect_uri}}\"/>",
	/* 20 */ "        <param key=\"scope\" value=\"{{scope}}\"/>",
	/* 21 */ "      </url-params>",
	/* 22 */ "      <headers>",
	/* 23 */
	"        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>",
	/* 24 */ "      </headers>",
	/* 25 */ "      <body format=\"form\"/>",
	/* 26 */ "    </auth-method>",
	/* 27 */ "  </auth-methods>",
	/* 28 */ "  <endpoints>",
	/* 29 */
	"    <endpoint id=\"contacts\" name=\"Contacts\" direction=\"receive\" method=\"GET\">",
	/* 30 */ "      <url>https://api.hubapi.com/crm/v3/objects/contacts</url>",
	/* 31 */ "      <enable auth-method=\"hs\"/>",
	/* 32 */ "    </endpoint>",
	/* 33 */ "  </endpoints>",
	/* 34 */ "</connector>",
	NULL
};

/* A clean oauth2-client-credentials connector (Shopware). */
static CL_TEST_HELPER const char *const shopware_lines[] = {
	CC_CONNECTOR_LINES("Shopware", "sw-oauth"),
	NULL
};

/* A clean basic connector (Woo). */
static CL_TEST_HELPER const char *const basic_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Woo\">",
	/*  3 */ "  <variables>",
	/*  4 */
	"    <variable key=\"store_url\" label=\"Store domain\" required=\"true\"/>",
	/*  5 */ "  </variables>",
	/*  6 */ "  <auth-methods>",
	/*  7 */ "    <auth-method id=\"woo-basic\" name=\"Basic\" type=\"basic\">",
	/*  8 */
	"      <url>https://{{store_url}}/wp-json/wc/v3/system_status</url>",
	/*  9 */ "      <variables>",
	/* 10 */
	"        <variable key=\"username\" label=\"Consumer key\" required=\"true\" locked=\"true\"/>",
	/* 11 */
	"        <variable key=\"password\" label=\"Consumer secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 12 */ "        <use variable=\"store_url\"/>",
	/* 13 */ "      </variables>",
	/* 14 */ "      <headers>",
	/* 15 */ "        <param key=\"Accept\" value=\"application/json\"/>",
	/* 16 */ "      </headers>",
	/* 17 */ "    </auth-method>",
	/* 18 */ "  </auth-methods>",
	/* 19 */ "  <endpoints>",
	/* 20 */
	"    <endpoint id=\"list-products\" name=\"List products\" direction=\"receive\" method=\"GET\">",
	/* 21 */ "      <url>https://{{store_url}}/wp-json/wc/v3/products</url>",
	/* 22 */ "      <enable auth-method=\"woo-basic\"/>",
	/* 23 */ "    </endpoint>",
	/* 24 */ "  </endpoints>",
	/* 25 */ "</connector>",
	NULL
};

/* A clean token connector (Shopify). */
static CL_TEST_HELPER const char *const token_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Shopify\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"shop-token\" name=\"Token\" type=\"token\">",
	/*  5 */ "      <url>https://shop.example.com/admin/api/shop.json</url>",
	/*  6 */ "      <variables>",
	/*  7 */
	"        <variable key=\"token\" label=\"Access token\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/*  8 */ "      </variables>",
	/*  9 */ "      <headers>",
	/* 10 */
	"        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\" locked=\"true\"/>",
	/* 11 */ "      </headers>",
	/* 12 */ "    </auth-method>",
	/* 13 */ "  </auth-methods>",
	/* 14 */ "  <endpoints>",
	/* 15 */
	"    <endpoint id=\"products\" name=\"Products\" direction=\"receive\" method=\"GET\">",
	/* 16 */ "      <url>https://shop.example.com/admin/api/products.json</url>",
	/* 17 */ "      <enable auth-method=\"shop-token\"/>",
	/* 18 */ "    </endpoint>",
	/* 19 */ "  </endpoints>",
	/* 20 */ "</connector>",
	NULL
};

/* A clean token connector with two endpoints (Shop). */
static CL_TEST_HELPER const char *const tok_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Shop\">",
	/*  3 */ "  <variables>",
	/*  4 */
	"    <variable key=\"store_name\" label=\"Store name\" required=\"true\"/>",
	/*  5 */ "  </variables>",
	/*  6 */ "  <auth-methods>",
	/*  7 */ "    <auth-method id=\"shop-token\" name=\"Token\" type=\"token\">",
	/*  8 */
	"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/shop.json</url>",
	/*  9 */ "      <variables>",
	/* 10 */
	"        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 11 */ "        <use variable=\"store_name\"/>",
	/* 12 */ "      </variables>",
	/* 13 */ "      <headers>",
	/* 14 */
	"        <param key=\"X-Shopify-Access-Token\" value=\"{{token}}\" locked=\"true\"/>",
	/* 15 */ "        <param key=\"Accept\" value=\"application/json\"/>",
	/* 16 */ "      </headers>",
	/* 17 */ "    </auth-method>",
	/* 18 */ "  </auth-methods>",
	/* 19 */ "  <endpoints>",
	/* 20 */
	"    <endpoint id=\"list-orders\" name=\"List orders\" direction=\"receive\" method=\"GET\">",
	/* 21 */
	"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders.json</url>",
	/* 22 */ "      <enable auth-method=\"shop-token\"/>",
	/* 23 */ "    </endpoint>",
	/* 24 */
	"    <endpoint id=\"update-order\" name=\"Update order\" direction=\"send\" method=\"PUT\">",
	/* 25 */
	"      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/orders/{{order_id}}.json</url>",
	/* 26 */ "      <headers>",
	/* 27 */ "        <param key=\"Content-Type\" value=\"application/json\"/>",
	/* 28 */ "      </headers>",
	/* 29 */ "      <variables>",
	/* 30 */
	"        <variable key=\"order_id\" label=\"Order ID\" required=\"true\"/>",
	/* 31 */ "      </variables>",
	/* 32 */ "      <enable auth-method=\"shop-token\"/>",
	/* 33 */ "    </endpoint>",
	/* 34 */ "  </endpoints>",
	/* 35 */ "</connector>",
	NULL
};

/* A clean oauth1 connector (NetSuite). */
static CL_TEST_HELPER const char *const oauth1_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"NetSuite\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"ns\" name=\"TBA\" type=\"oauth1\">",
	/*  5 */
	"      <url>https://acme.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog</url>",
	/*  6 */ "      <variables>",
	/*  7 */
	"        <variable key=\"consumer_key\" label=\"Consumer key\" required=\"true\" locked=\"true\"/>",
	/*  8 */
	"        <variable key=\"consumer_secret\" label=\"Consumer secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/*  9 */
	"        <variable key=\"token_id\" label=\"Token ID\" required=\"true\" locked=\"true\"/>",
	/* 10 */
	"        <variable key=\"token_secret\" label=\"Token secret\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 11 */
	"        <variable key=\"signature_method\" label=\"Signature method\" default=\"HMAC-SHA256\" locked=\"true\"/>",
	/* 12 */ "      </variables>",
	/* 13 */ "    </auth-method>",
	/* 14 */ "  </auth-methods>",
	/* 15 */ "  <endpoints>",
	/* 16 */
	"    <endpoint id=\"orders\" name=\"Orders\" direction=\"receive\" method=\"GET\">",
	/* 17 */
	"      <url>https://acme.suitetalk.api.netsuite.com/services/rest/record/v1/salesOrder</url>",
	/* 18 */ "      <enable auth-method=\"ns\"/>",
	/* 19 */ "    </endpoint>",
	/* 20 */ "  </endpoints>",
	/* 21 */ "</connector>",
	NULL
};

/* A clean soap connector (Peoplevox). */
static CL_TEST_HELPER const char *const soap_lines[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Peoplevox\" protocol=\"SOAP\">",
	/*  3 */ "  <auth-methods>",
	/*  4 */ "    <auth-method id=\"pvx\" name=\"SOAP\" type=\"soap\">",
	/*  5 */
	"      <url>https://acme.peoplevox.net/acme/resources/integrationservicev4.asmx</url>",
	/*  6 */ "      <variables>",
	/*  7 */
	"        <variable key=\"username\" label=\"Username\" required=\"true\" locked=\"true\"/>",
	/*  8 */
	"        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/*  9 */
	"        <variable key=\"response_authentication_token_key\" label=\"Token element\" default=\"SessionId\" locked=\"true\"/>",
	/* 10 */ "      </variables>",
	/* 11 */ "    </auth-method>",
	/* 12 */ "  </auth-methods>",
	/* 13 */ "  <endpoints>",
	/* 14 */
	"    <endpoint id=\"items\" name=\"Save items\" direction=\"send\" method=\"POST\" data-type=\"xml\">",
	/* 15 */
	"      <url>https://acme.peoplevox.net/acme/resources/integrationservicev4.asmx</url>",
	/* 16 */ "      <headers>",
	/* 17 */
	"        <param key=\"Content-Type\" value=\"text/xml; charset=utf-8\"/>",
	/* 18 */ "      </headers>",
	/* 19 */ "      <enable auth-method=\"pvx\"/>",
	/* 20 */ "    </endpoint>",
	/* 21 */ "  </endpoints>",
	/* 22 */ "</connector>",
	NULL
};

/* The end of the variables of an oauth2-client-credentials method of
 * cc_lines, and its form headers, as document text. */
#define CC_TOKEN_KEY_TO_HEADERS \
    "        <variable key=\"response_authentication_token_key\" label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n" \
    "        <use variable=\"store_url\"/>\n" \
    "      </variables>\n" \
    "      <headers>\n" \
    "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>\n" \
    "      </headers>\n"

/* A basic auth method, to insert after line 17 of tok_lines. */
static CL_TEST_HELPER const char basic_method[] =
    "    </auth-method>\n"
    "    <auth-method id=\"shop-basic\" name=\"Basic\" type=\"basic\">\n"
    "      <url>https://{{store_name}}.myshopify.com/admin/api/2024-10/shop.json</url>\n"
    "      <variables>\n"
    "        <variable key=\"username\" label=\"API key\" required=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
    "        <use variable=\"store_name\"/>\n"
    "      </variables>\n"
    "    </auth-method>";

/* A clean basic connector (D) up to the end of its one endpoint `e`: add
 * "  </endpoints>\n</connector>\n", or more endpoints first. */
#define DOC_D_FIRST_ENDPOINT \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
    "<connector format=\"1\" name=\"D\">\n" \
    "  <auth-methods>\n" \
    "    <auth-method id=\"b\" name=\"B\" type=\"basic\">\n" \
    "      <url>https://x/login</url>\n" \
    "      <variables>\n" \
    "        <variable key=\"username\" label=\"Username\" required=\"true\" locked=\"true\"/>\n" \
    "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n" \
    "      </variables>\n" \
    "    </auth-method>\n" \
    "  </auth-methods>\n" \
    "  <endpoints>\n" \
    "    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n" \
    "      <url>https://x/a</url>\n" \
    "      <enable auth-method=\"b\"/>\n" \
    "    </endpoint>\n"

/* Two endpoints with the same id, as one document: CL006 at 17:19-17:20,
 * with a related location at 13:19-13:20. */
static CL_TEST_HELPER const char doc_duplicate[] =
    DOC_D_FIRST_ENDPOINT
    "    <endpoint id=\"e\" name=\"F\" direction=\"receive\" method=\"GET\">\n"
    "      <url>https://x/b</url>\n"
    "      <enable auth-method=\"b\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

/* Two CL104 after non-ASCII text: 5:32-5:41 (before it, `ü` is 2 bytes and
 * one cell, `基` 3 bytes and two cells) and, after a tab, 14:17-14:26. */
static CL_TEST_HELPER const char doc_unicode[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connector format=\"1\" name=\"Café\">\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"b\" name=\"Bäsic — 基本\" type=\"basic\">\n"
    "      <url>https://bü基.example/{{hostt}}/login</url>\n"
    "      <variables>\n"
    "        <variable key=\"username\" label=\"Username\" required=\"true\" locked=\"true\"/>\n"
    "        <variable key=\"password\" label=\"Password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
    "      </variables>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n"
    "\t<url>https://x/{{hostz}}</url>\n"
    "      <enable auth-method=\"b\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

/* clang-format on */

#endif /* CL_TESTS_LIB_CONNECTORS_H */
