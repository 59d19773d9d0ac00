/*
 * bench/gen: writes a corpus of realistic connector definitions for the
 * benchmark (bench/run.sh).
 *
 *     gen [-n COUNT] [-s SEED] [-e ENDPOINTS] [-b] OUTDIR
 *
 * Writes COUNT (default 5000) files OUTDIR/conn-NNNNN.connector.xml. Each
 * has 2 or 3 auth methods of different types, 20 to 40 endpoints that
 * enable all of them, connector, auth and endpoint variables, params and
 * pagination: a few KB to a few tens of KB, like hand-written connectors.
 * Files follow the same conventions as fixtures/examples/ so that they lint
 * clean, except about one in a hundred, which gets one misspelt
 * placeholder, so the benchmark measures linting rather than printing but
 * still passes through the reporting path.
 *
 * -e ENDPOINTS: that many endpoints in every file instead of 20 to 40 (a
 * few large connectors: 3000 make a file of about 1.7 MB). Past the 75
 * distinct (entity, operation) pairs the pairs repeat in numbered sections
 * (id list-orders-s2, name "List orders, section 2", URL .../s2/orders),
 * so ids, names and URLs stay unique and the files lint as clean as the
 * others.
 *
 * -b: every tenth file (I % 10 == 0) is broken, in one of ten ways, in
 * turn (file 0, 10, 20, ... get kinds 1, 2, 3, ...; see enum breakage),
 * each applied wherever it fits (in every endpoint, every auth method),
 * so a broken file has tens of findings. The other files are the same
 * bytes as without -b.
 *
 * Output depends only on SEED, the options and the file's number (file I
 * is the same whatever COUNT is), never on time or the platform: a small
 * integer PRNG.
 *
 *     gen -H SHAPE -n N FILE
 *
 * Writes one hostile file instead, of a shape that once made connlint
 * quadratic (issue 16; bench/run.sh times each at two sizes to show that
 * it is linear now). N is the number of repeats; see hostile_shapes below.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* splitmix64: tiny, fast and identical everywhere. */
struct rng {
	uint64_t s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. The modulo bias is irrelevant here. */
static unsigned
rng_range(struct rng *r, unsigned lo, unsigned hi)
{
	return lo + (unsigned)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static int
rng_percent(struct rng *r, unsigned pct)
{
	return rng_range(r, 0, 99) < pct;
}

static void
rng_shuffle(struct rng *r, unsigned *v, unsigned n)
{
	unsigned i, j, t;

	for (i = n; i > 1; i--) {
		j = rng_range(r, 0, i - 1);
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* ---- vocabulary ---- */

static const char *const system_names[] = {
	"Acme Commerce",  "Northwind ERP",  "Bluebird WMS",
	"Harbour Retail", "Copperline OMS", "Meridian Accounts",
	"Fieldstone PIM", "Larkspur 3PL",   "Quayside Marketplace",
	"Tidewater POS",  "Orchard CRM",    "Kestrel Freight",
};
static const char *const system_types[] = {
	"eCommerce", "ERP", "Warehouse", "Accounting", "Marketplace", "CRM",
};

struct entity {
	const char *name;   /* entity attribute */
	const char *path;   /* URL segment */
	const char *one;    /* "order" in "Get order" */
	const char *many;   /* "orders" in "List orders" */
	const char *filter; /* an optional filter param */
};

static const struct entity entities[] = {
	{ "Order", "orders", "order", "orders", "status" },
	{ "Product", "products", "product", "products", "sku" },
	{ "Customer", "customers", "customer", "customers", "email" },
	{ "Invoice", "invoices", "invoice", "invoices", "due_before" },
	{ "Shipment", "shipments", "shipment", "shipments", "carrier" },
	{ "Inventory", "stock-levels", "stock level", "stock levels",
	  "warehouse_code" },
	{ "Refund", "refunds", "refund", "refunds", "reason" },
	{ "Return", "returns", "return", "returns", "rma_number" },
	{ "Warehouse", "warehouses", "warehouse", "warehouses", "country" },
	{ "Supplier", "suppliers", "supplier", "suppliers", "currency" },
	{ "PurchaseOrder", "purchase-orders", "purchase order",
	  "purchase orders", "supplier_id" },
	{ "Category", "categories", "category", "categories", "parent_id" },
	{ "Fulfilment", "fulfilments", "fulfilment", "fulfilments",
	  "location_id" },
	{ "Payment", "payments", "payment", "payments", "method" },
	{ "PriceList", "price-lists", "price list", "price lists", "channel" },
};

enum op {
	OP_LIST,
	OP_GET,
	OP_CREATE,
	OP_UPDATE,
	OP_DELETE,
	OP_COUNT
};

enum auth_type {
	AT_BASIC,
	AT_TOKEN,
	AT_OAUTH1,
	AT_CC,
	AT_AC,
	AT_COUNT
};

/* -b: the ways a file is broken, and the rule each one fires. */
enum breakage {
	BK_NONE,
	BK_PLACEHOLDER,  /* CL104: {{api_verison}} in every endpoint URL */
	BK_DUP_ID,       /* CL006: every other endpoint repeats an id */
	BK_NO_AUTH_URL,  /* CL205: no <url> in any auth method */
	BK_HTTP,         /* CL502: http:// in every endpoint URL */
	BK_SECRET,       /* CL501: a literal X-Api-Key in every endpoint */
	BK_UNUSED_VAR,   /* CL103: an unread variable in every endpoint */
	BK_UNKNOWN_AUTH, /* CL402: every endpoint enables "legacy-key" */
	BK_DUP_HEADER,   /* CL204: every endpoint sends Accept twice */
	BK_GRANT_TYPE,   /* CL303: a misspelt grant_type in OAuth 2 methods */
	BK_ORDER,        /* CL008: <description> after <endpoints> */
	BK_END
};

enum paging {
	PG_PAGE_NUMBER,
	PG_LINK_HEADER,
	PG_NEXT_URL,
	PG_LIMIT_OFFSET,
	PG_COUNT
};

/* What one connector looks like; decided once, then written. */
struct conn {
	unsigned n_auth;
	enum auth_type auth[3];
	char auth_id[3][32];
	const char *host_var; /* connector variable in every URL */
	int has_account;      /* connector variable account_id */
	enum paging paging;
	int xml;         /* data-type xml instead of json */
	int inject_typo; /* one misspelt placeholder */
	enum breakage broken;
};

/* The command line's choices for the corpus. */
struct opts {
	unsigned endpoints; /* -e: endpoints per file; 0: 20 to 40 */
	int broken;         /* -b: break every tenth file */
};

static const char *const host_vars[] = { "store_host", "api_host",
	                                 "tenant_domain" };

static void
upcase_first(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src);
	if (dst[0] >= 'a' && dst[0] <= 'z')
		dst[0] = (char)(dst[0] - 'a' + 'A');
}

/* ---- writers ---- */

static void
write_uses(FILE *f, const struct conn *c)
{
	fprintf(f, "        <use variable=\"%s\"/>\n", c->host_var);
	fprintf(f, "        <use variable=\"api_version\"/>\n");
	if (c->has_account)
		fprintf(f, "        <use variable=\"account_id\"/>\n");
}

static void
write_oauth2_common(FILE *f)
{
	fprintf(
	    f,
	    "        <variable key=\"client_id\" label=\"Client ID\" required=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"client_secret\" label=\"Client secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "        <variable key=\"response_authentication_token_key\" label=\"Response authentication token key\"\n"
	    "                  default=\"access_token\" locked=\"true\"/>\n");
}

/* An auth method's <url> line, empty when the file is broken so. */
static const char *
auth_url(char *buf, size_t n, const struct conn *c, const char *path)
{
	if (c->broken == BK_NO_AUTH_URL)
		buf[0] = '\0';
	else
		snprintf(buf, n, "      <url>https://{{%s}}%s</url>\n",
		         c->host_var, path);
	return buf;
}

static void
write_auth(FILE *f, struct rng *r, const struct conn *c, unsigned i)
{
	const char *h = c->host_var;
	const char *id = c->auth_id[i];
	char url[160];

	switch (c->auth[i]) {
	case AT_BASIC:
		fprintf(
		    f,
		    "    <auth-method id=\"%s\" name=\"Username and password\" type=\"basic\">\n"
		    "%s"
		    "      <variables>\n"
		    "        <variable key=\"username\" label=\"API user\" required=\"true\" locked=\"true\"/>\n"
		    "        <variable key=\"password\" label=\"API password\" required=\"true\" secret=\"true\" locked=\"true\"/>\n",
		    id,
		    auth_url(url, sizeof(url), c,
		             "/api/{{api_version}}/session"));
		write_uses(f, c);
		fprintf(f, "      </variables>\n");
		break;
	case AT_TOKEN:
		fprintf(
		    f,
		    "    <auth-method id=\"%s\" name=\"API token\" type=\"token\">\n"
		    "%s"
		    "      <variables>\n"
		    "        <variable key=\"token\" label=\"API token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n",
		    id,
		    auth_url(url, sizeof(url), c, "/api/{{api_version}}/me"));
		write_uses(f, c);
		fprintf(
		    f,
		    "      </variables>\n"
		    "      <headers>\n"
		    "        <param key=\"%s\" value=\"{{token}}\" locked=\"true\"/>\n"
		    "      </headers>\n",
		    rng_percent(r, 50) ? "X-Api-Token" : "X-Auth-Token");
		break;
	case AT_OAUTH1:
		fprintf(
		    f,
		    "    <auth-method id=\"%s\" name=\"Token-based authentication (OAuth 1)\" type=\"oauth1\">\n"
		    "%s"
		    "      <variables>\n"
		    "        <variable key=\"consumer_key\" label=\"Consumer key\" required=\"true\" locked=\"true\"/>\n"
		    "        <variable key=\"consumer_secret\" label=\"Consumer secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
		    "        <variable key=\"token_id\" label=\"Token ID\" required=\"true\" locked=\"true\"/>\n"
		    "        <variable key=\"token_secret\" label=\"Token secret\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
		    "        <variable key=\"signature_method\" label=\"Signature method\" default=\"HMAC-SHA256\" locked=\"true\"/>\n",
		    id,
		    auth_url(url, sizeof(url), c,
		             "/api/{{api_version}}/oauth1/check"));
		write_uses(f, c);
		fprintf(f, "      </variables>\n");
		break;
	case AT_CC:
		fprintf(
		    f,
		    "    <auth-method id=\"%s\" name=\"OAuth 2 (client credentials)\" type=\"oauth2-client-credentials\">\n"
		    "%s"
		    "      <variables>\n"
		    "        <variable key=\"scope\" label=\"Scope\" default=\"%s\" locked=\"true\"/>\n"
		    "        <variable key=\"grant_type\" label=\"Grant type\" default=\"%s\" locked=\"true\"/>\n",
		    id, auth_url(url, sizeof(url), c, "/oauth/token"),
		    rng_percent(r, 50) ? "read write" : "api",
		    c->broken == BK_GRANT_TYPE ? "client_credential"
		                               : "client_credentials");
		write_oauth2_common(f);
		write_uses(f, c);
		fprintf(
		    f,
		    "      </variables>\n"
		    "      <url-params/>\n"
		    "      <headers>\n"
		    "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\" locked=\"true\"/>\n"
		    "      </headers>\n"
		    "      <body format=\"form\"/>\n");
		break;
	case AT_AC:
		fprintf(
		    f,
		    "    <auth-method id=\"%s\" name=\"OAuth 2 (authorisation code)\" type=\"%s\">\n"
		    "%s"
		    "      <additional-url index=\"1\">https://{{%s}}/oauth/authorize</additional-url>\n"
		    "      <variables>\n"
		    "        <variable key=\"scope\" label=\"Scopes (space separated)\" default=\"orders.read products.write offline_access\" locked=\"true\"/>\n"
		    "        <variable key=\"grant_type\" label=\"Grant type\" default=\"%s\" locked=\"true\"/>\n"
		    "        <variable key=\"client_type\" label=\"Client type\" default=\"confidential\" locked=\"true\"/>\n"
		    "        <variable key=\"redirect_uri\" label=\"Redirect URI\"\n"
		    "                  default=\"https://%sapp.wearepatchworks.com/oauth/authenticate\" locked=\"true\"/>\n",
		    id,
		    rng_percent(r, 80) ? "oauth2-authorization-code"
		                       : "oauth2-authorisation-code",
		    auth_url(url, sizeof(url), c, "/oauth/token"), h,
		    c->broken == BK_GRANT_TYPE ? "authorisation_code"
		                               : "authorization_code",
		    rng_percent(r, 85) ? "" : "stage.");
		write_oauth2_common(f);
		write_uses(f, c);
		fprintf(
		    f,
		    "      </variables>\n"
		    "      <url-params>\n"
		    "        <param key=\"response_type\" value=\"code\" locked=\"true\"/>\n"
		    "        <param key=\"client_id\" value=\"{{client_id}}\" locked=\"true\"/>\n"
		    "        <param key=\"redirect_uri\" value=\"{{redirect_uri}}\" locked=\"true\"/>\n"
		    "        <param key=\"scope\" value=\"{{scope}}\" locked=\"true\"/>\n"
		    "      </url-params>\n"
		    "      <headers>\n"
		    "        <param key=\"Content-Type\" value=\"application/x-www-form-urlencoded\" locked=\"true\"/>\n"
		    "      </headers>\n"
		    "      <body format=\"form\"/>\n");
		break;
	case AT_COUNT:
		abort();
	}
	fprintf(f, "    </auth-method>\n");
}

static void
write_common_headers(FILE *f, const struct conn *c, int send)
{
	const char *mime = c->xml ? "application/xml" : "application/json";

	fprintf(f,
	        "      <headers>\n"
	        "        <param key=\"Accept\" value=\"%s\"/>\n",
	        mime);
	if (c->broken == BK_DUP_HEADER)
		fprintf(f, "        <param key=\"accept\" value=\"*/*\"/>\n");
	if (send)
		fprintf(f,
		        "        <param key=\"Content-Type\" value=\"%s\"/>\n",
		        mime);
	if (c->has_account)
		fprintf(
		    f,
		    "        <param key=\"X-Account-Id\" value=\"{{account_id}}\"/>\n");
	if (c->broken == BK_SECRET)
		fprintf(
		    f,
		    "        <param key=\"X-Api-Key\" value=\"a9F2kQ7xL3mZ8vN4pR6t\"/>\n");
	fprintf(f, "      </headers>\n");
}

/* -b: the variable that no part of its endpoint reads. */
static void
write_unused_variable(FILE *f, const struct conn *c)
{
	if (c->broken == BK_UNUSED_VAR)
		fprintf(
		    f,
		    "        <variable key=\"legacy_filter\" label=\"Legacy filter\"/>\n");
}

/* The endpoint variables of an operation on one record: its id. */
static void
write_id_variable(FILE *f, const struct conn *c, const char *idvar,
                  const char *title)
{
	fprintf(
	    f,
	    "      <variables>\n"
	    "        <variable key=\"%s\" label=\"%s ID\" required=\"true\"/>\n",
	    idvar, title);
	write_unused_variable(f, c);
	fprintf(f, "      </variables>\n");
}

static void
write_pagination(FILE *f, const struct conn *c)
{
	switch (c->paging) {
	case PG_PAGE_NUMBER:
		fprintf(
		    f,
		    "      <pagination method=\"page-number\">\n"
		    "        <option key=\"page_parameter\" value=\"page\"/>\n"
		    "        <option key=\"limit_parameter\" value=\"limit\"/>\n"
		    "      </pagination>\n");
		break;
	case PG_LINK_HEADER:
		fprintf(f, "      <pagination method=\"link-header\"/>\n");
		break;
	case PG_NEXT_URL:
		fprintf(f, "      <pagination method=\"next-page-url\"/>\n");
		break;
	case PG_LIMIT_OFFSET:
		fprintf(
		    f,
		    "      <pagination method=\"limit-offset\">\n"
		    "        <option key=\"limit_parameter\" value=\"limit\"/>\n"
		    "        <option key=\"offset_parameter\" value=\"offset\"/>\n"
		    "      </pagination>\n");
		break;
	case PG_COUNT:
		abort();
	}
}

static const char *const ops[] = { "list", "get", "create", "update",
	                           "delete" };

/*
 * One endpoint: operation OP on entity E, with the given id. SECTION is 0
 * for the first 75 endpoints, then 2, 3, ... (-e): it goes into the name
 * and the URL.
 */
static void
write_endpoint(FILE *f, struct rng *r, const struct conn *c,
               const struct entity *e, enum op op, int typo, const char *id,
               unsigned section)
{
	const char *dt = c->xml ? "xml" : "json";
	char title[64], idvar[48], url[192], suffix[32];
	unsigned i, k;

	snprintf(idvar, sizeof(idvar), "%s_id", e->one);
	for (k = 0; idvar[k]; k++)
		if (idvar[k] == ' ')
			idvar[k] = '_';
	/* Everything in the URL before the entity's path segment. */
	snprintf(url, sizeof(url), "%s://{{%s}}/api/{{%s}}/",
	         c->broken == BK_HTTP ? "http" : "https", c->host_var,
	         c->broken == BK_PLACEHOLDER ? "api_verison" : "api_version");
	suffix[0] = '\0';
	if (section) {
		snprintf(suffix, sizeof(suffix), ", section %u", section);
		k = (unsigned)strlen(url);
		snprintf(url + k, sizeof(url) - k, "s%u/", section);
	}

	fprintf(f, "    <endpoint id=\"%s\" ", id);
	switch (op) {
	case OP_LIST:
		upcase_first(title, sizeof(title), e->many);
		fprintf(
		    f,
		    "name=\"List %s%s\" entity=\"%s\" direction=\"receive\"\n"
		    "              method=\"GET\" data-type=\"%s\" multiple-records=\"true\">\n"
		    "      <url>%s%s</url>\n"
		    "      <url-params>\n"
		    "        <param key=\"limit\" value=\"{{%s}}\"/>\n"
		    "        <param key=\"sort\" value=\"updated_at\"/>\n"
		    "        <param key=\"%s\" required=\"false\" label=\"%s\"/>\n"
		    "        <param key=\"updated_since\" required=\"false\" label=\"Updated since (ISO 8601)\"/>\n"
		    "      </url-params>\n",
		    e->many, suffix, e->name, dt, url, e->path,
		    typo ? "page_sise" : "page_size", e->filter, e->filter);
		write_common_headers(f, c, 0);
		fprintf(
		    f,
		    "      <variables>\n"
		    "        <variable key=\"page_size\" label=\"Page size\" default=\"%u\" configurable=\"true\"%s/>\n",
		    50u * rng_range(r, 1, 5),
		    rng_percent(r, 30) ? " advanced=\"true\"" : "");
		write_unused_variable(f, c);
		fprintf(f, "      </variables>\n");
		write_pagination(f, c);
		break;
	case OP_GET:
		upcase_first(title, sizeof(title), e->one);
		fprintf(
		    f,
		    "name=\"Get %s%s\" entity=\"%s\" direction=\"receive\"\n"
		    "              method=\"GET\" data-type=\"%s\">\n"
		    "      <url>%s%s/{{%s}}</url>\n",
		    e->one, suffix, e->name, dt, url, e->path, idvar);
		if (rng_percent(r, 40))
			fprintf(
			    f,
			    "      <url-params>\n"
			    "        <param key=\"include\" value=\"lines,addresses\"/>\n"
			    "      </url-params>\n");
		write_common_headers(f, c, 0);
		write_id_variable(f, c, idvar, title);
		break;
	case OP_CREATE:
		upcase_first(title, sizeof(title), e->one);
		fprintf(
		    f,
		    "name=\"Create %s%s\" entity=\"%s\" direction=\"send\"\n"
		    "              method=\"POST\" data-type=\"%s\"%s>\n"
		    "      <url>%s%s</url>\n",
		    e->one, suffix, e->name, dt,
		    rng_percent(r, 30) ? " multiple-records=\"true\"" : "", url,
		    e->path);
		write_common_headers(f, c, 1);
		if (!c->xml && rng_percent(r, 25)) {
			fprintf(
			    f,
			    "      <body format=\"raw\" data-type=\"json\">\n"
			    "        <content>{\"source\": \"{{source_name}}\", \"validate_only\": false}</content>\n"
			    "      </body>\n"
			    "      <variables>\n"
			    "        <variable key=\"source_name\" label=\"Source name\" default=\"patchworks\" configurable=\"true\"/>\n");
			write_unused_variable(f, c);
			fprintf(f, "      </variables>\n");
		} else if (c->broken == BK_UNUSED_VAR) {
			fprintf(f, "      <variables>\n");
			write_unused_variable(f, c);
			fprintf(f, "      </variables>\n");
		}
		break;
	case OP_UPDATE:
		upcase_first(title, sizeof(title), e->one);
		fprintf(
		    f,
		    "name=\"Update %s%s\" entity=\"%s\" direction=\"send\"\n"
		    "              method=\"%s\" data-type=\"%s\">\n"
		    "      <url>%s%s/{{%s}}</url>\n",
		    e->one, suffix, e->name,
		    rng_percent(r, 50) ? "PUT" : "PATCH", dt, url, e->path,
		    idvar);
		write_common_headers(f, c, 1);
		write_id_variable(f, c, idvar, title);
		break;
	case OP_DELETE:
		upcase_first(title, sizeof(title), e->one);
		fprintf(
		    f,
		    "name=\"Delete %s%s\" entity=\"%s\" direction=\"send\"\n"
		    "              method=\"DELETE\" data-type=\"%s\">\n"
		    "      <url>%s%s/{{%s}}</url>\n",
		    e->one, suffix, e->name, dt, url, e->path, idvar);
		write_id_variable(f, c, idvar, title);
		break;
	case OP_COUNT:
		abort();
	}
	for (i = 0; i < c->n_auth; i++)
		fprintf(f, "      <enable auth-method=\"%s\"/>\n",
		        c->auth_id[i]);
	if (c->broken == BK_UNKNOWN_AUTH)
		fprintf(f, "      <enable auth-method=\"legacy-key\"/>\n");
	fprintf(f, "    </endpoint>\n");
}

static void
write_connector(FILE *f, uint64_t seed, unsigned index, const struct opts *o)
{
	static const char *const type_slugs[] = { "basic", "token", "tba",
		                                  "client", "oauth" };
	struct rng r = { seed * 0x100000001b3u + index };
	struct conn c;
	unsigned types[AT_COUNT], combos[ARRAY_SIZE(entities) * OP_COUNT];
	unsigned n_ep, i, typo_at;
	char desc[192], id[64], prev_id[64];
	const char *sys =
	    system_names[rng_range(&r, 0, ARRAY_SIZE(system_names) - 1)];

	memset(&c, 0, sizeof(c));
	for (i = 0; i < AT_COUNT; i++)
		types[i] = i;
	rng_shuffle(&r, types, AT_COUNT);
	c.n_auth = rng_range(&r, 2, 3);
	if (o->broken && index % 10 == 0)
		c.broken = (enum breakage)(1 + index / 10 % (BK_END - 1));
	/* A bad grant type needs an OAuth 2 method: make the last one so
	 * (it is of none of the others' types). */
	if (c.broken == BK_GRANT_TYPE) {
		int oauth2 = 0;

		for (i = 0; i < c.n_auth; i++)
			oauth2 |= types[i] == AT_CC || types[i] == AT_AC;
		if (!oauth2)
			types[c.n_auth - 1] = AT_CC;
	}
	for (i = 0; i < c.n_auth; i++) {
		c.auth[i] = (enum auth_type)types[i];
		snprintf(c.auth_id[i], sizeof(c.auth_id[i]), "%s-%u",
		         type_slugs[types[i]], i + 1);
	}
	c.host_var = host_vars[rng_range(&r, 0, ARRAY_SIZE(host_vars) - 1)];
	c.has_account = rng_percent(&r, 40);
	c.paging = (enum paging)rng_range(&r, 0, PG_COUNT - 1);
	c.xml = rng_percent(&r, 10);
	c.inject_typo = rng_percent(&r, 1);

	snprintf(
	    desc, sizeof(desc),
	    "  <description>%s: orders, products, stock and more (generated for benchmarking).</description>\n",
	    sys);
	fprintf(
	    f,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!-- Generated by bench/gen (seed %llu, file %u). -->\n"
	    "<connector format=\"1\" name=\"%s %u\" version=\"%u\" version-name=\"v%u - generated\"\n"
	    "           system-type=\"%s\" protocol=\"HTTP\">\n"
	    "%s\n"
	    "  <variables>\n"
	    "    <variable key=\"%s\" label=\"Host name (without https://)\" required=\"true\"/>\n"
	    "    <variable key=\"api_version\" label=\"API version\" default=\"v%u\" configurable=\"true\" advanced=\"true\"/>\n",
	    (unsigned long long)seed, index, sys, index, rng_range(&r, 1, 9),
	    rng_range(&r, 1, 9),
	    system_types[rng_range(&r, 0, ARRAY_SIZE(system_types) - 1)],
	    c.broken == BK_ORDER ? "" : desc, c.host_var, rng_range(&r, 1, 3));
	if (c.has_account)
		fprintf(
		    f,
		    "    <variable key=\"account_id\" label=\"Account ID\" alias=\"account\" required=\"true\"/>\n");
	fprintf(f, "  </variables>\n\n  <auth-methods>\n");
	for (i = 0; i < c.n_auth; i++)
		write_auth(f, &r, &c, i);
	fprintf(f, "  </auth-methods>\n\n  <endpoints>\n");

	/* Distinct (entity, operation) pairs keep ids and names unique;
	 * past the 75 pairs, numbered sections do. */
	for (i = 0; i < ARRAY_SIZE(combos); i++)
		combos[i] = i;
	rng_shuffle(&r, combos, ARRAY_SIZE(combos));
	n_ep = rng_range(&r, 20, 40);
	if (o->endpoints)
		n_ep = o->endpoints;
	typo_at = c.inject_typo ? n_ep : n_ep + 1;
	prev_id[0] = '\0';
	for (i = 0; i < n_ep; i++) {
		unsigned pair = combos[i % ARRAY_SIZE(combos)];
		unsigned section = i / (unsigned)ARRAY_SIZE(combos);
		unsigned e = pair / OP_COUNT;
		enum op op = (enum op)(pair % OP_COUNT);

		section = section ? section + 1 : 0;
		if (section)
			snprintf(id, sizeof(id), "%s-%s-s%u", ops[op],
			         entities[e].path, section);
		else
			snprintf(id, sizeof(id), "%s-%s", ops[op],
			         entities[e].path);
		/* -b: every other endpoint takes the id of the one before. */
		if (c.broken == BK_DUP_ID && i % 2)
			snprintf(id, sizeof(id), "%s", prev_id);
		snprintf(prev_id, sizeof(prev_id), "%s", id);
		/* The typo goes into the first list endpoint, if any. */
		if (c.inject_typo && op == OP_LIST && typo_at == n_ep)
			typo_at = i;
		write_endpoint(f, &r, &c, &entities[e], op, typo_at == i, id,
		               section);
	}
	fprintf(f, "  </endpoints>\n");
	if (c.broken == BK_ORDER)
		fprintf(f, "%s", desc);
	fprintf(f, "</connector>\n");
}

/* ---- hostile shapes ----
 *
 * Each is the smallest connector around one repeated construct, so that
 * time and memory measure that construct alone. The same shapes, at
 * fixed sizes, are tests/check_hostile.c's regression tests.
 */

#define H_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define H_OPEN                                                    \
	"<connector format=\"1\" name=\"Hostile\" version=\"1\" " \
	"system-type=\"CRM\" protocol=\"HTTP\">"
#define H_AUTH                                                               \
	"<auth-methods><auth-method id=\"key\" name=\"API key\" "            \
	"type=\"token\"><url>https://api.example.com/v1/me</url><variables>" \
	"<variable key=\"token\" label=\"Token\" required=\"true\" "         \
	"secret=\"true\"/></variables><headers><param key=\"X-Api-Key\" "    \
	"value=\"{{token}}\"/></headers></auth-method></auth-methods>"
#define H_ENDPOINT                                                               \
	"<endpoints><endpoint id=\"ping\" name=\"Ping\" "                        \
	"entity=\"Ping\" direction=\"send\" method=\"POST\" data-type=\"json\">" \
	"<url>https://api.example.com/v1/ping</url><body data-type=\"json\"><content>"
#define H_CLOSE                                                     \
	"</content></body><enable auth-method=\"key\"/></endpoint>" \
	"</endpoints></connector>\n"

static void
repeat(FILE *f, const char *s, unsigned long n)
{
	while (n--)
		fputs(s, f);
}

/* A document whose one endpoint's body is S, N times. */
static void
in_body(FILE *f, const char *s, unsigned long n)
{
	fputs(H_DECL H_OPEN H_AUTH H_ENDPOINT, f);
	repeat(f, s, n);
	fputs(H_CLOSE, f);
}

/* B9: N undefined placeholders on one line, so every finding's
 * fingerprint takes in the whole (long) line. */
static void
shape_fingerprints(FILE *f, unsigned long n)
{
	in_body(f, "{{a}} ", n);
}

/* B10: N attributes whose values hold references, so that libxml2 hands
 * over decoded copies and the spans are found in the raw start tag: in
 * variables of 1,000 attributes each (the key and 999 more), the most
 * one start tag may have. */
static void
shape_attributes(FILE *f, unsigned long n)
{
	unsigned long i;

	fputs(H_DECL H_OPEN "\n<variables>\n", f);
	for (i = 0; i < n; i++) {
		if (i % 999 == 0)
			fprintf(f, "%s<variable key=\"v%lu\"", i ? "/>\n" : "",
			        i);
		fprintf(f, " a%lu=\"x&amp;y\"", i % 999);
	}
	fputs(n ? "/>\n</variables>\n" : "</variables>\n", f);
	fputs(H_AUTH H_ENDPOINT H_CLOSE, f);
}

/* B10 as reported: one start tag with N attributes (more than 1,000 is
 * CL001, found before libxml2 reads the tag). */
static void
shape_crowded_tag(FILE *f, unsigned long n)
{
	unsigned long i;

	fputs(H_DECL H_OPEN "<description", f);
	for (i = 0; i < n; i++)
		fprintf(f, " a%lu=\"x&amp;y\"", i);
	fputs(">D</description>" H_AUTH H_ENDPOINT H_CLOSE, f);
}

/* B11: N malformed placeholders in one text. */
static void
shape_malformed(FILE *f, unsigned long n)
{
	in_body(f, "{{ x}}", n);
}

/* B12: N connector variables and N undefined placeholders, each close to
 * no variable, so "did you mean" looks at every candidate. */
static void
shape_variables(FILE *f, unsigned long n)
{
	unsigned long i;

	fputs(H_DECL H_OPEN "\n<variables>\n", f);
	for (i = 0; i < n; i++)
		fprintf(
		    f,
		    "<variable key=\"var_%lu\" label=\"V\" required=\"true\"/>\n",
		    i);
	fputs("</variables>\n" H_AUTH H_ENDPOINT "\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "{{nope_%lu}}\n", i);
	fputs(H_CLOSE, f);
}

/* B13: N disable/enable pairs, every other one around a variable it
 * suppresses (CL101), the others suppressing nothing (CL009). */
static void
shape_suppressions(FILE *f, unsigned long n)
{
	unsigned long i;

	fputs(H_DECL H_OPEN "\n<variables>\n", f);
	for (i = 0; i < n; i++) {
		fputs("<!-- connlint-disable CL101 -->", f);
		if (i % 2 == 0)
			fprintf(
			    f,
			    "<variable key=\"v%lu\" label=\"V\" required=\"true\"/>",
			    i);
		fputs("<!-- connlint-enable CL101 -->\n", f);
	}
	fputs("</variables>\n" H_AUTH H_ENDPOINT H_CLOSE, f);
}

/* B14: a baseline file whose second line is N bytes long (a valid
 * entry, then N bytes of file name): for --baseline. */
static void
shape_baseline_line(FILE *f, unsigned long n)
{
	fputs("# connlint baseline 1: fingerprint, rule, file\n"
	      "0123456789abcdef0123456789abcdef\tCL104\t",
	      f);
	repeat(f, "x", n);
	fputs("\n", f);
}

static const struct {
	const char *name;
	void (*write)(FILE *, unsigned long);
} hostile_shapes[] = {
	{ "fingerprints", shape_fingerprints },
	{ "attributes", shape_attributes },
	{ "crowded-tag", shape_crowded_tag },
	{ "malformed", shape_malformed },
	{ "variables", shape_variables },
	{ "suppressions", shape_suppressions },
	{ "baseline-line", shape_baseline_line },
};

static int
write_hostile(const char *shape, unsigned long n, const char *path)
{
	size_t i;
	FILE *f;

	for (i = 0; i < ARRAY_SIZE(hostile_shapes); i++)
		if (!strcmp(hostile_shapes[i].name, shape))
			break;
	if (i == ARRAY_SIZE(hostile_shapes)) {
		fprintf(stderr, "gen: no shape %s; shapes:", shape);
		for (i = 0; i < ARRAY_SIZE(hostile_shapes); i++)
			fprintf(stderr, " %s", hostile_shapes[i].name);
		fputc('\n', stderr);
		return 2;
	}
	if (!(f = fopen(path, "w"))) {
		perror(path);
		return 1;
	}
	hostile_shapes[i].write(f, n);
	if (ferror(f) | fclose(f)) {
		fprintf(stderr, "gen: cannot write %s\n", path);
		return 1;
	}
	return 0;
}

static void
usage(void)
{
	fprintf(stderr,
	        "usage: gen [-n COUNT] [-s SEED] [-e ENDPOINTS] [-b] OUTDIR\n"
	        "       gen -H SHAPE -n N FILE\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	unsigned long count = 5000;
	unsigned long long seed = 1;
	unsigned long long total = 0;
	const char *dir = NULL, *shape = NULL;
	struct opts o = { 0, 0 };
	char path[4096];
	unsigned long i;
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "-n") && a + 1 < argc)
			count = strtoul(argv[++a], NULL, 10);
		else if (!strcmp(argv[a], "-H") && a + 1 < argc)
			shape = argv[++a];
		else if (!strcmp(argv[a], "-s") && a + 1 < argc)
			seed = strtoull(argv[++a], NULL, 10);
		else if (!strcmp(argv[a], "-e") && a + 1 < argc) {
			unsigned long e = strtoul(argv[++a], NULL, 10);

			if (e == 0 || e > 1000000)
				usage();
			o.endpoints = (unsigned)e;
		} else if (!strcmp(argv[a], "-b"))
			o.broken = 1;
		else if (argv[a][0] == '-' || dir)
			usage();
		else
			dir = argv[a];
	}
	if (shape && dir)
		return write_hostile(shape, count, dir);
	if (!dir || count == 0 || count > 99999)
		usage();
	if (mkdir(dir, 0777) && errno != EEXIST) {
		perror(dir);
		return 1;
	}
	for (i = 0; i < count; i++) {
		FILE *f;
		long size;

		snprintf(path, sizeof(path), "%s/conn-%05lu.connector.xml", dir,
		         i);
		f = fopen(path, "w");
		if (!f) {
			perror(path);
			return 1;
		}
		write_connector(f, seed, (unsigned)i, &o);
		size = ftell(f);
		if (ferror(f) | fclose(f)) {
			fprintf(stderr, "gen: cannot write %s\n", path);
			return 1;
		}
		total += size > 0 ? (unsigned long long)size : 0;
	}
	printf("%lu files, %llu bytes\n", count, total);
	return 0;
}
