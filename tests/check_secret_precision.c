/*
 * How well CL501 tells credentials from identifiers (issue 9), measured:
 * a fixed-seed generator makes a few hundred identifiers of each shape
 * that real APIs use (Google Sheets and Drive ids, Airtable ids, Google
 * Forms ids, SHA-1 and SHA-256 hex digests, base64 digests, strong and
 * weak ETags, ULIDs, UUIDs) and puts them under ordinary keys in every
 * place a connector has (connector and endpoint variable defaults, URL
 * paths and queries, URL params, headers, JSON and form bodies): none may
 * be reported. Then credentials of each kind, in credential-shaped places
 * (a secret variable, the five credential keys, keys and labels that name
 * a credential, X-Api-Key, Authorization: Bearer and Basic) and in a known
 * format anywhere (JWT, PEM private key, each vendor prefix): each must be
 * reported exactly once. Both rates are printed.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "lib/check_main.h"
#include "lib/diag.h"
#include "lib/linter_fixture.h"

/* ---- a deterministic generator (splitmix64) ---- */

static uint64_t rng_state;

static uint64_t
rng_next(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static size_t
rng_below(size_t n)
{
	return (size_t)(rng_next() % n);
}

#define BASE62 "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define B64URL BASE62 "-_"
#define B64STD BASE62 "+/"
#define HEX "0123456789abcdef"
#define CROCKFORD "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/* Appends N characters drawn from ALPHABET to OUT (NUL-terminated). */
static void
add_random(char *out, const char *alphabet, size_t n)
{
	size_t len = strlen(out), k = strlen(alphabet), i;

	for (i = 0; i < n; i++)
		out[len + i] = alphabet[rng_below(k)];
	out[len + n] = '\0';
}

/* ---- identifiers ---- */

enum shape {
	SHEETS,    /* Google Sheets: 44 of base64url, starting with 1 */
	DRIVE,     /* Google Drive file: 33 */
	AIRTABLE,  /* app, tbl, rec + 14 base62 */
	GFORM,     /* Google Forms: 1FAIpQLS + 48 */
	SHA1,      /* 40 hex */
	SHA256,    /* 64 hex */
	B64HASH,   /* SHA-256 in base64, 43 + '=' */
	ETAG,      /* a strong ETag: "…" around 32 hex */
	WEAK_ETAG, /* W/"…" around a base64 digest */
	ULID,      /* 26 of Crockford's base32 */
	UUID,      /* version 4 */
	N_SHAPES
};

static const char *const shape_names[N_SHAPES] = {
	"Sheets id", "Drive id", "Airtable id", "Forms id",
	"SHA-1",     "SHA-256",  "base64 hash", "ETag",
	"weak ETag", "ULID",     "UUID",
};

/* Writes an identifier of SHAPE to OUT (at least 80 bytes). */
static void
make_identifier(enum shape shape, char *out)
{
	static const char *const airtable[] = { "app", "tbl", "rec", "fld" };

	out[0] = '\0';
	switch (shape) {
	case SHEETS:
		strcpy(out, "1");
		add_random(out, B64URL, 43);
		break;
	case DRIVE:
		strcpy(out, "1");
		add_random(out, B64URL, 32);
		break;
	case AIRTABLE:
		strcpy(out, airtable[rng_below(4)]);
		add_random(out, BASE62, 14);
		break;
	case GFORM:
		strcpy(out, "1FAIpQLS");
		add_random(out, B64URL, 48);
		break;
	case SHA1:
		add_random(out, HEX, 40);
		break;
	case SHA256:
		add_random(out, HEX, 64);
		break;
	case B64HASH:
		add_random(out, B64STD, 43);
		strcat(out, "=");
		break;
	case ETAG:
		strcpy(out, "&quot;");
		add_random(out, HEX, 32);
		strcat(out, "&quot;");
		break;
	case WEAK_ETAG:
		strcpy(out, "W/&quot;");
		add_random(out, B64STD, 27);
		strcat(out, "=&quot;");
		break;
	case ULID:
		add_random(out, "01234567", 1);
		add_random(out, CROCKFORD, 25);
		break;
	case UUID:
		add_random(out, HEX, 8);
		strcat(out, "-");
		add_random(out, HEX, 4);
		strcat(out, "-4");
		add_random(out, HEX, 3);
		strcat(out, "-");
		add_random(out, "89ab", 1);
		add_random(out, HEX, 3);
		strcat(out, "-");
		add_random(out, HEX, 12);
		break;
	case N_SHAPES:
		break;
	}
}

/* Keys that name no credential, some of them close to ones that do. */
static const char *const ordinary_keys[] = {
	"spreadsheet_id",
	"spreadsheetId",
	"base_id",
	"form_id",
	"file_id",
	"etag",
	"hash",
	"sha",
	"ulid",
	"uuid",
	"client_id",
	"account_id",
	"tenant_id",
	"idempotency_key",
	"sort_key",
	"partition_key",
	"primary_key",
	"page_token",
	"nextPageToken",
	"cursor",
	"author",
	"authority",
	"tokenizer",
	"keyword",
	"monkey",
	"token_type",
	"token_url",
	"content_hash",
	"checksum",
	"record_id",
	"key",
	"If-None-Match",
};

#define N_ORDINARY (sizeof(ordinary_keys) / sizeof(*ordinary_keys))

/*
 * A token connector whose endpoint gets the given pieces: CONN_VARS
 * (connector variables), EP_URL (the endpoint URL, its text), EP_PARAMS
 * (url-params), EP_HEADERS, EP_VARS (endpoint variables) and EP_BODY (a
 * whole <body> element, or "").
 */
static char *
connector(const char *conn_vars, const char *ep_url, const char *ep_params,
          const char *ep_headers, const char *ep_vars, const char *ep_body)
{
	return cl_xasprintf(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"Example\">\n"
	    "  <variables>\n"
	    "    <variable key=\"store\" label=\"Store\" required=\"true\"/>\n"
	    "%s"
	    "  </variables>\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"tok\" name=\"Token\" type=\"token\">\n"
	    "      <url>https://api.example.com/v1/me</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "        <use variable=\"store\"/>\n"
	    "      </variables>\n"
	    "      <headers><param key=\"Authorization\" value=\"Bearer {{token}}\" locked=\"true\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"items\" name=\"Items\" direction=\"send\" method=\"POST\">\n"
	    "      <url>%s</url>\n"
	    "      <url-params>%s</url-params>\n"
	    "      <headers>%s</headers>\n"
	    "      <variables>%s</variables>\n"
	    "      %s\n"
	    "      <enable auth-method=\"tok\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n",
	    conn_vars, ep_url, ep_params, ep_headers, ep_vars, ep_body);
}

#define PLAIN_URL "https://api.example.com/v1/items"

/* How many CL501 findings XML (caller's, freed here) gets. */
static size_t
cl501_count(char *xml, const char *what)
{
	cl_result *r = cl_lint_memory(linter, "c.xml", xml, strlen(xml));
	size_t n = count(r, "CL501");

	if (getenv("PRECISION_VERBOSE") && n)
		fprintf(stderr, "%s: %zu CL501\n", what, n), dump(r);
	cl_result_free(r);
	free(xml);
	return n;
}

/* The number of places an identifier is put in. */
#define N_PLACES 8

/* Lints identifier ID under key KEY in place PLACE; CL501 findings. */
static size_t
identifier_in_place(const char *id, const char *key, int place)
{
	char buf[1024], what[256];
	char *xml = NULL;

	snprintf(what, sizeof(what), "identifier `%s` under `%s`, place %d", id,
	         key, place);
	switch (place) {
	case 0: /* a connector variable's default */
		snprintf(
		    buf, sizeof(buf),
		    "    <variable key=\"%s\" label=\"Id\" default=\"%s\" configurable=\"true\"/>\n",
		    key, id);
		xml = connector(buf, PLAIN_URL, "", "", "", "");
		break;
	case 1: /* an endpoint variable's default */
		snprintf(
		    buf, sizeof(buf),
		    "<variable key=\"%s\" label=\"Resource\" default=\"%s\" configurable=\"true\"/>",
		    key, id);
		xml = connector("", PLAIN_URL, "", "", buf, "");
		break;
	case 2: /* in the URL's path */
		snprintf(
		    buf, sizeof(buf),
		    "https://sheets.googleapis.com/v4/spreadsheets/%s/values/A1",
		    id);
		xml = connector("", buf, "", "", "", "");
		break;
	case 3: /* in the URL's query */
		snprintf(buf, sizeof(buf),
		         "https://api.example.com/v1/items?%s=%s&amp;limit=50",
		         key, id);
		xml = connector("", buf, "", "", "", "");
		break;
	case 4: /* a URL param */
		snprintf(buf, sizeof(buf), "<param key=\"%s\" value=\"%s\"/>",
		         key, id);
		xml = connector("", PLAIN_URL, buf, "", "", "");
		break;
	case 5: /* a header */
		snprintf(buf, sizeof(buf), "<param key=\"%s\" value=\"%s\"/>",
		         key, id);
		xml = connector("", PLAIN_URL, "", buf, "", "");
		break;
	case 6: /* a JSON body */
		snprintf(
		    buf, sizeof(buf),
		    "<body format=\"raw\" data-type=\"json\"><content>{\"%s\": \"%s\", \"n\": 1}</content></body>",
		    key, id);
		xml = connector(
		    "", PLAIN_URL, "",
		    "<param key=\"Content-Type\" value=\"application/json\"/>",
		    "", buf);
		break;
	default: /* a form body param */
		snprintf(
		    buf, sizeof(buf),
		    "<body format=\"form\"><param key=\"%s\" value=\"%s\"/></body>",
		    key, id);
		xml = connector(
		    "", PLAIN_URL, "",
		    "<param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>",
		    "", buf);
		break;
	}
	return cl501_count(xml, what);
}

/* Identifiers of each shape, this many. */
#define PER_SHAPE 200

START_TEST(test_identifiers_are_not_secrets)
{
	size_t flagged = 0, total = 0, by_shape[N_SHAPES] = { 0 };
	char id[128];
	int shape;
	size_t i;

	rng_state = 0xC0FFEE;
	for (shape = 0; shape < N_SHAPES; shape++) {
		for (i = 0; i < PER_SHAPE; i++) {
			const char *key = ordinary_keys[rng_below(N_ORDINARY)];
			size_t n;

			make_identifier((enum shape)shape, id);
			n = identifier_in_place(id, key, (int)(i % N_PLACES));
			total++;
			if (n) {
				flagged++;
				by_shape[shape]++;
				if (flagged <= 5)
					fprintf(stderr,
					        "flagged: %s `%s` under `%s`, "
					        "place %zu\n",
					        shape_names[shape], id, key,
					        i % N_PLACES);
			}
		}
	}
	printf("identifiers: %zu/%zu flagged\n", flagged, total);
	for (shape = 0; shape < N_SHAPES; shape++)
		if (by_shape[shape])
			printf("  %s: %zu/%d flagged\n", shape_names[shape],
			       by_shape[shape], PER_SHAPE);
	ck_assert_uint_eq(flagged, 0);
}
END_TEST

/* ---- credentials ---- */

/* A random credential: LEN characters of base62 with two digits at
 * least (what API keys, tokens and passwords are made of). */
static void
make_credential(char *out, size_t len)
{
	out[0] = '\0';
	add_random(out, BASE62, len - 2);
	add_random(out, "0123456789", 2);
}

/* A known-format token of kind K into OUT (at least 2048 bytes); its
 * name into *NAME. */
#define N_FORMATS 24

static void
make_known(int k, char *out, const char **name)
{
	static const char *const names[N_FORMATS] = {
		"JWT",         "PEM",    "sk_live_", "sk_test_", "rk_live_",
		"ghp_",        "gho_",   "ghu_",     "ghs_",     "ghr_",
		"github_pat_", "xoxb-",  "xoxp-",    "xoxa-",    "xoxr-",
		"xoxs-",       "AKIA",   "ASIA",     "AIza",     "shpat_",
		"shpss_",      "shpca_", "glpat-",   "SG.",
	};

	*name = names[k];
	out[0] = '\0';
	switch (k) {
	case 0:
		/* {"alg":"HS256","typ":"JWT"} and a payload */
		strcpy(out, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ");
		add_random(out, B64URL, 20);
		strcat(out, "In0.");
		add_random(out, B64URL, 43);
		break;
	case 1:
		strcpy(out, "-----BEGIN RSA PRIVATE KEY-----&#10;MIIEow");
		add_random(out, B64STD, 58);
		strcat(out, "&#10;");
		add_random(out, B64STD, 64);
		strcat(out, "&#10;-----END RSA PRIVATE KEY-----");
		break;
	case 2:
	case 3:
	case 4:
		strcpy(out, names[k]);
		add_random(out, BASE62, 24 + rng_below(75));
		break;
	case 5:
	case 6:
	case 7:
	case 8:
	case 9:
		strcpy(out, names[k]);
		add_random(out, BASE62, 36);
		break;
	case 10:
		strcpy(out, "github_pat_");
		add_random(out, BASE62, 22);
		strcat(out, "_");
		add_random(out, BASE62, 59);
		break;
	case 11:
	case 12:
	case 13:
	case 14:
	case 15:
		strcpy(out, names[k]);
		add_random(out, "0123456789", 10);
		strcat(out, "-");
		add_random(out, "0123456789", 13);
		strcat(out, "-");
		add_random(out, BASE62, 24);
		break;
	case 16:
	case 17:
		strcpy(out, names[k]);
		add_random(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
		break;
	case 18:
		strcpy(out, "AIza");
		add_random(out, B64URL, 35);
		break;
	case 19:
	case 20:
	case 21:
		strcpy(out, names[k]);
		add_random(out, HEX, 32);
		break;
	case 22:
		strcpy(out, "glpat-");
		add_random(out, B64URL, 20);
		break;
	default:
		strcpy(out, "SG.");
		add_random(out, B64URL, 22);
		strcat(out, ".");
		add_random(out, B64URL, 43);
		break;
	}
}

/* Keys and labels that name a credential. */
static const char *const hinted_keys[] = {
	"api_key",       "apikey",           "apiKey",
	"access_key",    "secret_key",       "private_key",
	"x-api-key",     "access_token",     "auth_token",
	"refresh_token", "id_token",         "signature",
	"app_key",       "subscription_key", "webhook_secret",
	"passphrase",    "credentials",      "auth",
	"session_token", "X-Auth-Token",
};
static const char *const hinted_labels[] = {
	"API key",  "Access token", "Secret key", "Signing secret",
	"Password", "Private key",  "Auth token", "API credentials",
};
/* The format's credential keys. */
static const char *const credential_keys[] = {
	"client_secret", "password", "token", "consumer_secret", "token_secret",
};

#define N_HINTED (sizeof(hinted_keys) / sizeof(*hinted_keys))
#define N_LABELS (sizeof(hinted_labels) / sizeof(*hinted_labels))

/* Each credential-shaped place, this many times. */
#define PER_PLACE 30
/* The credential-shaped places test_credentials_are_found uses. */
#define N_CRED_PLACES 11

/* Lints credential SECRET planted in credential-shaped place PLACE. */
static size_t
credential_in_place(const char *secret, int place, const char **what)
{
	char buf[1024];
	const char *key = hinted_keys[rng_below(N_HINTED)];
	const char *ckey = credential_keys[rng_below(5)];
	const char *label = hinted_labels[rng_below(N_LABELS)];
	char *xml = NULL;

	switch (place) {
	case 0:
		*what = "secret variable";
		snprintf(
		    buf, sizeof(buf),
		    "<variable key=\"shop_value\" label=\"Shop\" secret=\"true\" default=\"%s\"/>",
		    secret);
		xml = connector("", PLAIN_URL, "", "", buf, "");
		break;
	case 1:
		*what = "credential key (variable)";
		snprintf(
		    buf, sizeof(buf),
		    "    <variable key=\"%s\" label=\"Value\" default=\"%s\"/>\n",
		    ckey, secret);
		xml = connector(buf, PLAIN_URL, "", "", "", "");
		break;
	case 2:
		*what = "credential key (body param)";
		snprintf(
		    buf, sizeof(buf),
		    "<body format=\"form\"><param key=\"%s\" value=\"%s\"/></body>",
		    ckey, secret);
		xml = connector(
		    "", PLAIN_URL, "",
		    "<param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\"/>",
		    "", buf);
		break;
	case 3:
		*what = "hinted key (variable)";
		snprintf(
		    buf, sizeof(buf),
		    "<variable key=\"%s\" label=\"Value\" default=\"%s\"/>",
		    key, secret);
		xml = connector("", PLAIN_URL, "", "", buf, "");
		break;
	case 4:
		*what = "hinted key (URL param)";
		snprintf(buf, sizeof(buf), "<param key=\"%s\" value=\"%s\"/>",
		         key, secret);
		xml = connector("", PLAIN_URL, buf, "", "", "");
		break;
	case 5:
		*what = "hinted key (query)";
		snprintf(buf, sizeof(buf),
		         "https://api.example.com/v1/items?limit=5&amp;%s=%s",
		         key, secret);
		xml = connector("", buf, "", "", "", "");
		break;
	case 6:
		*what = "hinted key (JSON body)";
		snprintf(
		    buf, sizeof(buf),
		    "<body format=\"raw\" data-type=\"json\"><content>{\"%s\": \"%s\"}</content></body>",
		    key, secret);
		xml = connector(
		    "", PLAIN_URL, "",
		    "<param key=\"Content-Type\" value=\"application/json\"/>",
		    "", buf);
		break;
	case 7:
		*what = "hinted label";
		snprintf(
		    buf, sizeof(buf),
		    "<variable key=\"shop_value\" label=\"%s\" default=\"%s\"/>",
		    label, secret);
		xml = connector("", PLAIN_URL, "", "", buf, "");
		break;
	case 8:
		*what = "X-Api-Key header";
		snprintf(buf, sizeof(buf),
		         "<param key=\"X-Api-Key\" value=\"%s\"/>", secret);
		xml = connector("", PLAIN_URL, "", buf, "", "");
		break;
	case 9:
		*what = "Authorization: Bearer";
		snprintf(buf, sizeof(buf),
		         "<param key=\"Authorization\" value=\"Bearer %s\"/>",
		         secret);
		xml = connector("", PLAIN_URL, "", buf, "", "");
		break;
	default:
		*what = "Authorization: Basic";
		snprintf(buf, sizeof(buf),
		         "<param key=\"Authorization\" value=\"Basic %s=\"/>",
		         secret);
		xml = connector("", PLAIN_URL, "", buf, "", "");
		break;
	}
	return cl501_count(xml, *what);
}

/* The places a known-format token is put in, under ordinary keys. */
#define N_KNOWN_PLACES 5

static size_t
known_in_place(const char *token, int place)
{
	char buf[2048];
	char *xml = NULL;

	switch (place) {
	case 0:
		snprintf(
		    buf, sizeof(buf),
		    "    <variable key=\"note\" label=\"Note\" default=\"%s\" configurable=\"true\"/>\n",
		    token);
		xml = connector(buf, PLAIN_URL, "", "", "", "");
		break;
	case 1:
		snprintf(buf, sizeof(buf),
		         "<param key=\"context\" value=\"%s\"/>", token);
		xml = connector("", PLAIN_URL, buf, "", "", "");
		break;
	case 2:
		snprintf(buf, sizeof(buf),
		         "<param key=\"X-Context\" value=\"%s\"/>", token);
		xml = connector("", PLAIN_URL, "", buf, "", "");
		break;
	case 3:
		snprintf(
		    buf, sizeof(buf),
		    "<body format=\"raw\" data-type=\"json\"><content>{\"note\": \"%s\"}</content></body>",
		    token);
		xml = connector(
		    "", PLAIN_URL, "",
		    "<param key=\"Content-Type\" value=\"application/json\"/>",
		    "", buf);
		break;
	default:
		/* In a URL's path, where no key says anything; a PEM key
		 * has no place in a URL and goes into a variable. */
		if (!strncmp(token, "-----", 5)) {
			snprintf(
			    buf, sizeof(buf),
			    "<variable key=\"cert\" label=\"Certificate\" default=\"%s\" configurable=\"true\"/>",
			    token);
			xml = connector("", PLAIN_URL, "", "", buf, "");
		} else {
			snprintf(buf, sizeof(buf),
			         "https://api.example.com/v1/hooks/%s/items",
			         token);
			xml = connector("", buf, "", "", "", "");
		}
		break;
	}
	return cl501_count(xml, token);
}

/* Known-format tokens of each format, this many. */
#define PER_FORMAT 10

START_TEST(test_credentials_are_found)
{
	size_t found = 0, total = 0, missed_place[N_CRED_PLACES] = { 0 };
	size_t missed_format[N_FORMATS] = { 0 };
	const char *place_names[N_CRED_PLACES] = { NULL };
	const char *format_names[N_FORMATS] = { NULL };
	char secret[2048];
	int place, k;
	size_t i;

	rng_state = 0x5EC12E7;
	for (place = 0; place < N_CRED_PLACES; place++) {
		for (i = 0; i < PER_PLACE; i++) {
			size_t n;

			make_credential(secret, 20 + rng_below(21));
			n = credential_in_place(secret, place,
			                        &place_names[place]);
			total++;
			if (n == 1)
				found++;
			else if (missed_place[place]++ < 2)
				fprintf(stderr, "%s: `%s`: %zu CL501\n",
				        place_names[place], secret, n);
		}
	}
	for (k = 0; k < N_FORMATS; k++) {
		for (i = 0; i < PER_FORMAT; i++) {
			size_t n;

			make_known(k, secret, &format_names[k]);
			n = known_in_place(secret, (int)(i % N_KNOWN_PLACES));
			total++;
			if (n == 1)
				found++;
			else if (missed_format[k]++ < 2)
				fprintf(stderr,
				        "%s, place %zu: `%s`: %zu CL501\n",
				        format_names[k], i % N_KNOWN_PLACES,
				        secret, n);
		}
	}
	printf("credentials: %zu/%zu found (exactly one CL501 each)\n", found,
	       total);
	for (place = 0; place < N_CRED_PLACES; place++)
		if (missed_place[place])
			printf("  %s: %zu/%d missed\n", place_names[place],
			       missed_place[place], PER_PLACE);
	for (k = 0; k < N_FORMATS; k++)
		if (missed_format[k])
			printf("  %s: %zu/%d missed\n", format_names[k],
			       missed_format[k], PER_FORMAT);
	ck_assert_uint_eq(found, total);
}
END_TEST

/* Near misses of the known formats, under ordinary keys: words and ids
 * that start like a vendor token, and dotted names that are no JWT. */
START_TEST(test_known_format_near_misses)
{
	static const char *const values[] = {
		"sk_test_mode_enabled",                      /* Stripe: words */
		"pk_live_51HqLyjWDarjtT1zdp7dcXkZaB3",       /* publishable */
		"ghp_short123",                              /* too short */
		"AKIAIOSFODNN7EXAMPLE",                      /* AWS's example */
		"AKIA_IS_NOT_A_KEY_AT_ALL",                  /* not [A-Z0-9] */
		"AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe12", /* 37, not 35 */
		"shpat_not-a-hex-string-at-all-here-xx",     /* not hex */
		"eyJustAWordThatStartsLikeOne.andMore.andMore", /* no JSON */
		"api.eyeglasses.example.com",                   /* a host */
		"-----BEGIN PUBLIC KEY-----&#10;MIIBIjANBgkq&#10;-----END PUBLIC KEY-----",
	};
	/* URLs under keys that name a credential are no credentials. */
	static const char *const urls[][2] = {
		{ "auth", "https://login.example.com/oauth2/v2.0/authorize" },
		{ "X-Auth-Token",
		  "https://login.example.com/oauth2/v2.0/token" },
		{ "api_key",
		  "https://console.example.com/settings/api-keys/v2" },
	};
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(*values); i++) {
		char buf[512];

		snprintf(
		    buf, sizeof(buf),
		    "<variable key=\"note\" label=\"Note\" default=\"%s\" configurable=\"true\"/>",
		    values[i]);
		ck_assert_msg(
		    cl501_count(connector("", PLAIN_URL, "", "", buf, ""),
		                values[i]) == 0,
		    "`%s` taken for a credential", values[i]);
	}
	for (i = 0; i < sizeof(urls) / sizeof(*urls); i++) {
		char buf[512];

		snprintf(buf, sizeof(buf), "<param key=\"%s\" value=\"%s\"/>",
		         urls[i][0], urls[i][1]);
		ck_assert_msg(
		    cl501_count(connector("", PLAIN_URL, "", buf, "", ""),
		                urls[i][1]) == 0,
		    "`%s` under `%s` taken for a credential", urls[i][1],
		    urls[i][0]);
	}
}
END_TEST

/* The case: Google's public example sheet as the default of
 * `spreadsheet_id`. */
START_TEST(test_google_example_sheet)
{
	ck_assert_uint_eq(
	    cl501_count(
	        connector(
	            "",
	            "https://sheets.googleapis.com/v4/spreadsheets/{{spreadsheet_id}}/values/A1",
	            "", "",
	            "<variable key=\"spreadsheet_id\" label=\"Spreadsheet ID\" default=\"1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms\" configurable=\"true\"/>",
	            ""),
	        "example sheet"),
	    0);
}
END_TEST

static Suite *
secret_precision_suite(void)
{
	Suite *s = suite_create("secret_precision");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_google_example_sheet);
	tcase_add_test(tc, test_identifiers_are_not_secrets);
	tcase_add_test(tc, test_credentials_are_found);
	tcase_add_test(tc, test_known_format_near_misses);
	/* A few thousand lints. */
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(secret_precision_suite)
