/* What the auth rules know about auth types; see auth.h. */
#include "auth.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "fixes.h"
#include "nearmiss.h"
#include "scope.h"
#include "vars.h"

static const char *const basic_keys[] = { "username", "password" };
static const char *const token_keys[] = { "token" };
static const char *const oauth1_keys[] = { "consumer_key", "consumer_secret",
	                                   "token_id", "token_secret",
	                                   "signature_method" };
static const char *const oauth2_cc_keys[] = {
	"scope", "grant_type", "client_id", "client_secret",
	"response_authentication_token_key"
};
static const char *const oauth2_ac_keys[] = {
	"client_id",
	"client_secret",
	"scope",
	"grant_type",
	"client_type",
	"redirect_uri",
	"response_authentication_token_key"
};
static const char *const soap_keys[] = { "username", "password",
	                                 "response_authentication_token_key" };

const char *const *
cl_auth_default_keys(enum cl_auth_type type, size_t *n)
{
	switch (type) {
	case CL_AUTH_BASIC:
		*n = CL_ARRAY_SIZE(basic_keys);
		return basic_keys;
	case CL_AUTH_TOKEN:
		*n = CL_ARRAY_SIZE(token_keys);
		return token_keys;
	case CL_AUTH_OAUTH1:
		*n = CL_ARRAY_SIZE(oauth1_keys);
		return oauth1_keys;
	case CL_AUTH_OAUTH2_CC:
		*n = CL_ARRAY_SIZE(oauth2_cc_keys);
		return oauth2_cc_keys;
	case CL_AUTH_OAUTH2_AC:
		*n = CL_ARRAY_SIZE(oauth2_ac_keys);
		return oauth2_ac_keys;
	case CL_AUTH_SOAP:
		*n = CL_ARRAY_SIZE(soap_keys);
		return soap_keys;
	case CL_AUTH_UNKNOWN:
		break;
	}
	*n = 0;
	return NULL;
}

int
cl_auth_is_default_key(enum cl_auth_type type, const char *key)
{
	size_t i, n;
	const char *const *keys = cl_auth_default_keys(type, &n);

	/* The first byte first: most keys differ there, no call then. */
	for (i = 0; i < n; i++)
		if (keys[i][0] == key[0] && !strcmp(keys[i], key))
			return 1;
	return 0;
}

int
cl_auth_is_user_password(const char *key)
{
	return (key[0] == 'u' && !strcmp(key, "username")) ||
	       (key[0] == 'p' && !strcmp(key, "password"));
}

int
cl_auth_is_public_client(const struct cl_auth_method *m)
{
	const struct cl_variable *v;
	const char *d;

	if (m->type != CL_AUTH_OAUTH2_AC)
		return 0;
	v = cl_var_list_find(&m->variables, "client_type");
	d = v ? cl_var_default(v) : NULL;
	return d && !cl_strcasecmp(d, "public");
}

int
cl_auth_needs_client_secret(const struct cl_auth_method *m)
{
	return m->type == CL_AUTH_OAUTH2_CC ||
	       (m->type == CL_AUTH_OAUTH2_AC && !cl_auth_is_public_client(m));
}

int
cl_auth_lacks_default(const struct cl_auth_method *m, const char *key)
{
	return cl_auth_is_default_key(m->type, key) &&
	       !cl_var_list_find(&m->variables, key);
}

/*
 * The rule made for KEY absent from M, where one is (see auth.h); CL201
 * otherwise.
 */
const struct cl_rule *
cl_auth_missing_rule(const struct cl_auth_method *m, const char *key)
{
	int oauth2 = cl_auth_type_is_oauth2(m->type);

	if (oauth2 && !strcmp(key, "client_id"))
		return &cl_rule_CL301;
	if (!strcmp(key, "client_secret") && cl_auth_needs_client_secret(m))
		return &cl_rule_CL302;
	if (m->type == CL_AUTH_BASIC && cl_auth_is_user_password(key))
		return &cl_rule_CL206;
	if ((oauth2 || m->type == CL_AUTH_SOAP) &&
	    !strcmp(key, "response_authentication_token_key"))
		return &cl_rule_CL209;
	return &cl_rule_CL201;
}

/* Where to report something missing from M's auth variables: the
 * <variables> element name, else the auth-method element name. */
static struct cl_span
auth_vars_span(const struct cl_auth_method *m)
{
	return m->variables.node ? m->variables.node->name_span
	                         : m->node->name_span;
}

/* 1 when V could stand for an absent default of M: a variable with a key
 * that is not itself a default of M's type (client_secret is never a
 * misspelt client_id). */
static int
is_candidate(const struct cl_auth_method *m, const struct cl_variable *v)
{
	return *v->key && !cl_auth_is_default_key(m->type, v->key);
}

/* A variable of M whose key is a near miss of KEY (cl_nearmiss). */
static const struct cl_variable *
near_var(const struct cl_auth_method *m, const char *key)
{
	const char *stack_cands[32], **cands = stack_cands, *hit;
	const struct cl_variable *found = NULL;
	size_t i, n = 0;

	if (m->variables.n > CL_ARRAY_SIZE(stack_cands))
		cands = cl_malloc(m->variables.n * sizeof(*cands));
	for (i = 0; i < m->variables.n; i++)
		if (is_candidate(m, &m->variables.items[i]))
			cands[n++] = m->variables.items[i].key;
	hit = cl_nearmiss(key, cands, n);
	for (i = 0; hit && i < m->variables.n; i++) {
		if (m->variables.items[i].key == hit) {
			found = &m->variables.items[i];
			break;
		}
	}
	if (cands != stack_cands)
		free(cands);
	return found;
}

/* ---- words of keys and labels ----
 *
 * "Client ID", "client_id", "clientId" and "CLIENT-ID" are the words
 * client, id: runs of ASCII letters and digits, a run also broken where an
 * upper-case letter follows a lower-case one. Labels are matched by whole
 * words, so that "Telescope" never says `scope`.
 */
#define MAX_WORDS 16

struct words {
	const char *s[MAX_WORDS];
	size_t len[MAX_WORDS];
	size_t n;
};

static void
split_words(const char *s, struct words *w)
{
	size_t i = 0;

	w->n = 0;
	while (s[i] && w->n < MAX_WORDS) {
		size_t start;

		if (!cl_ascii_isalnum(s[i])) {
			i++;
			continue;
		}
		start = i++;
		while (cl_ascii_isalnum(s[i]) &&
		       !(s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' &&
		         s[i - 1] <= 'z'))
			i++;
		w->s[w->n] = s + start;
		w->len[w->n++] = i - start;
	}
}

static int
word_eq(const struct words *a, size_t i, const struct words *b, size_t j)
{
	size_t k;

	if (a->len[i] != b->len[j])
		return 0;
	for (k = 0; k < a->len[i]; k++)
		if (cl_ascii_tolower(a->s[i][k]) !=
		    cl_ascii_tolower(b->s[j][k]))
			return 0;
	return 1;
}

/* 1 when the words of PAT appear in a row in TEXT (SUFFIX: at its end). */
static int
has_words(const char *text, const char *pat, int suffix)
{
	struct words t, p;
	size_t i, j;

	if (!text)
		return 0;
	split_words(text, &t);
	split_words(pat, &p);
	if (!p.n || p.n > t.n)
		return 0;
	for (i = suffix ? t.n - p.n : 0; i + p.n <= t.n; i++) {
		for (j = 0; j < p.n && word_eq(&t, i + j, &p, j); j++)
			;
		if (j == p.n)
			return 1;
	}
	return 0;
}

/*
 * Names APIs give the values behind a default auth variable, as the end of
 * a key (`lwa_app_id`). Sources: Dropbox and others call the OAuth 2
 * client an app with an "app key" and "app secret"; Amazon's Login with
 * Amazon an "app ID"; eBay its client secret the "Cert ID"; WooCommerce
 * and ShipStation send an API key and secret as Basic username and
 * password (platform reference, "Basic authentication").
 */
static const struct {
	const char *key, *name;
} api_names[] = {
	{ "client_id", "app id" },
	{ "client_id", "application id" },
	{ "client_id", "app key" },
	{ "client_id", "client key" },
	{ "client_secret", "app secret" },
	{ "client_secret", "application secret" },
	{ "client_secret", "cert id" },
	{ "client_secret", "client key secret" },
	{ "username", "user" },
	{ "username", "login" },
	{ "username", "email" },
	{ "username", "api key" },
	{ "username", "consumer key" },
	{ "password", "pass" },
	{ "password", "passwd" },
	{ "password", "pwd" },
	{ "password", "api secret" },
	{ "password", "consumer secret" },
};

/* The first candidate of M for which MATCH(v, key) holds. */
static const struct cl_variable *
find_var(const struct cl_auth_method *m, const char *key,
         int (*match)(const struct cl_variable *, const char *))
{
	size_t i;

	for (i = 0; i < m->variables.n; i++) {
		const struct cl_variable *v = &m->variables.items[i];

		if (is_candidate(m, v) && match(v, key))
			return v;
	}
	return NULL;
}

static int
labelled_as(const struct cl_variable *v, const char *key)
{
	return has_words(v->label, key, 0) || has_words(v->alias, key, 0);
}

static int
named_by_api(const struct cl_variable *v, const char *key)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(api_names); i++)
		if (!strcmp(api_names[i].key, key) &&
		    has_words(v->key, api_names[i].name, 1))
			return 1;
	return 0;
}

const struct cl_variable *
cl_auth_stand_in(const struct cl_auth_method *m, const char *key,
                 enum cl_stand_in *how)
{
	const struct cl_variable *v;
	enum cl_stand_in h;

	if ((v = near_var(m, key)))
		h = cl_same_folded(v->key, key) ? CL_STAND_IN_FOLDED
		                                : CL_STAND_IN_TYPO;
	else if ((v = find_var(m, key, labelled_as)))
		h = CL_STAND_IN_LABEL;
	else if ((v = find_var(m, key, named_by_api)))
		h = CL_STAND_IN_API_NAME;
	else
		return NULL;
	if (how)
		*how = h;
	return v;
}

/* The first of the N placeholders PH (in document order) that starts at
 * or after OFF. */
static size_t
first_placeholder_from(const struct cl_placeholder *ph, size_t n, uint32_t off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ph[mid].span.start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Whether every placeholder inside element N that names V can be renamed
 * to KEY exactly: not when one names V only ignoring case (CL105's) or is
 * written with a reference. With ADD, adds their renames to D's fix.
 */
static bool
rename_placeholders(struct cl_ctx *ctx, struct cl_nearmiss_cache *cache,
                    const struct cl_node *n, const struct cl_variable *v,
                    const char *key, struct cl_diag *d, bool add)
{
	const struct cl_connector *c = ctx->model;
	size_t i = first_placeholder_from(c->placeholders, c->n_placeholders,
	                                  n->span.start);

	for (; i < c->n_placeholders &&
	       c->placeholders[i].span.start < n->span.end;
	     i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *found;
		enum cl_resolved r;

		if (cl_strcasecmp(p->key, v->key))
			continue;
		r = cl_scope_resolve_placeholder(cache, c, p, &found);
		if (found != v)
			continue;
		if (r != CL_RES_FOUND ||
		    !cl_fix_span_is(ctx, p->key_span, p->key))
			return false;
		if (add)
			cl_fix_edit(ctx, d, p->key_span.start, p->key_span.end,
			            key);
	}
	return true;
}

/* Whether endpoint E enables M. */
static bool
enables(const struct cl_endpoint *e, const struct cl_auth_method *m)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++)
		if (e->enables[i].target == m)
			return true;
	return false;
}

/*
 * Each rename looks through the endpoints and the placeholders: a bound on
 * the work of a file with very many methods that each lack a default
 * (a hostile one: real connectors have a few methods, and are far below
 * it). Past it, the findings come without a fix.
 */
#define RENAME_FIX_BUDGET 10000000u

/*
 * The fix of a stand-in V for KEY: V renamed, and every placeholder that
 * names it, in M and in the endpoints that enable M (their scope sees
 * M's variables). Safe when V differs from KEY only by case or
 * separators; a typo, a label or a name APIs use is a guess. No fix for a
 * <use> (its name is a connector variable's) or when a placeholder could
 * not follow.
 */
static void
rename_fix(struct cl_ctx *ctx, const struct cl_auth_method *m,
           const struct cl_variable *v, const char *key, enum cl_stand_in how,
           struct cl_diag *d)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	const struct cl_connector *c = ctx->model;
	bool ok = !v->is_use && c && cl_node_attr(v->node, "key") &&
	          c->n_auth_methods * (c->n_endpoints + c->n_placeholders) <=
	              RENAME_FIX_BUDGET;
	size_t i;
	int pass;

	/* A first pass that only checks, so that a fix is whole or none. */
	for (pass = 0; ok && pass < 2; pass++) {
		if (pass) {
			cl_fix_new(ctx, d,
			           how == CL_STAND_IN_FOLDED ? CL_FIX_SAFE
			                                     : CL_FIX_UNSAFE,
			           "rename `%s` to `%s`", v->key, key);
			cl_fix_set_attr(ctx, d, v->node, "key", key);
			if (!d->fix)
				break; /* the key's bytes were not found */
		}
		ok = rename_placeholders(ctx, &cache, m->node, v, key, d, pass);
		for (i = 0; ok && i < c->n_endpoints; i++)
			if (enables(&c->endpoints[i], m))
				ok = rename_placeholders(ctx, &cache,
				                         c->endpoints[i].node,
				                         v, key, d, pass);
	}
	cl_nearmiss_cache_release(&cache);
}

struct cl_diag *
cl_report_missing_auth_var(struct cl_ctx *ctx, const struct cl_rule *rule,
                           const struct cl_auth_method *m, const char *key,
                           const char *role)
{
	enum cl_stand_in how;
	const struct cl_variable *v = cl_auth_stand_in(m, key, &how);
	struct cl_strbuf why = CL_STRBUF_INIT;
	struct cl_diag *d;

	if (!v)
		return cl_report(ctx, rule, auth_vars_span(m),
		                 "auth method `%s` has no `%s`, %s", m->id, key,
		                 role);
	switch (how) {
	case CL_STAND_IN_FOLDED:
		cl_strbuf_addf(&why,
		               "auth variable `%s` differs from `%s`, %s, only "
		               "by case or separators: ",
		               v->key, key, role);
		break;
	case CL_STAND_IN_TYPO:
		cl_strbuf_addf(&why,
		               "auth variable `%s`: did you mean `%s`, %s? ",
		               v->key, key, role);
		break;
	case CL_STAND_IN_LABEL:
		cl_strbuf_addf(&why,
		               "auth method `%s` has no `%s`, %s, but the "
		               "label of auth variable `%s` says it holds it: ",
		               m->id, key, role, v->key);
		break;
	case CL_STAND_IN_API_NAME:
		cl_strbuf_addf(
		    &why,
		    "auth method `%s` has no `%s`, %s; auth variable "
		    "`%s` has a name APIs give it: ",
		    m->id, key, role, v->key);
		break;
	}
	/* Locked: the platform keeps a default's key; only its label
	 * changes (platform reference, "Locked variables"). After the
	 * typo's question, a new sentence. */
	cl_strbuf_addf(&why,
	               "%s it to `%s` (the key of a default variable cannot "
	               "change; its label can say what the API calls it)",
	               how == CL_STAND_IN_TYPO ? "Rename" : "rename", key);
	d = cl_report(ctx, rule, cl_var_key_span(v), "%s", cl_strbuf_str(&why));
	cl_strbuf_release(&why);
	if (d)
		rename_fix(ctx, m, v, key, how, d);
	return d;
}

/* The default the type table gives KEY of M's type, or NULL. */
static const char *
table_default(const struct cl_auth_method *m, const char *key)
{
	switch (m->type) {
	case CL_AUTH_OAUTH1:
		return !strcmp(key, "signature_method") ? "HMAC-SHA256" : NULL;
	case CL_AUTH_OAUTH2_CC:
		if (!strcmp(key, "scope"))
			return "scope";
		if (!strcmp(key, "grant_type"))
			return "client_credentials";
		break;
	case CL_AUTH_OAUTH2_AC:
		if (!strcmp(key, "grant_type"))
			return "authorization_code";
		if (!strcmp(key, "client_type"))
			return "confidential";
		break;
	default:
		break;
	}
	if (!strcmp(key, "response_authentication_token_key") &&
	    cl_auth_type_is_oauth2(m->type))
		return "access_token";
	return NULL;
}

/* Whether the type table marks KEY secret. */
static bool
table_secret(const char *key)
{
	static const char *const keys[] = { "password", "token",
		                            "consumer_secret", "token_secret",
		                            "client_secret" };
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i], key))
			return true;
	return false;
}

void
cl_auth_add_default_fix(struct cl_ctx *ctx, struct cl_diag *d,
                        const struct cl_auth_method *m, const char *key)
{
	const struct cl_variable *last = NULL;
	const char *def = table_default(m, key);
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;
	char q;

	if (!d || d->fix || !cl_auth_is_default_key(m->type, key) ||
	    cl_var_list_find(&m->variables, key) ||
	    cl_auth_stand_in(m, key, NULL) ||
	    (!strcmp(key, "client_secret") && !cl_auth_needs_client_secret(m)))
		return;
	for (i = 0; i < m->variables.n; i++)
		if (!m->variables.items[i].is_use)
			last = &m->variables.items[i];
	if (!last || last->node->parent != m->variables.node ||
	    !cl_fix_can_insert_after(ctx, last->node))
		return;
	q = cl_fix_quote(ctx, last->node);
	cl_strbuf_addf(&sb, "<variable key=%c%s%c", q, key, q);
	if (def)
		cl_strbuf_addf(&sb, " default=%c%s%c", q, def, q);
	else
		cl_strbuf_addf(&sb, " required=%ctrue%c", q, q);
	if (table_secret(key))
		cl_strbuf_addf(&sb, " secret=%ctrue%c", q, q);
	cl_strbuf_addf(&sb, " locked=%ctrue%c/>", q, q);
	cl_fix_new(ctx, d, CL_FIX_UNSAFE, "add auth variable `%s`", key);
	cl_fix_insert_after(ctx, d, last->node, cl_strbuf_str(&sb));
	cl_strbuf_release(&sb);
}
