/*
 * Variable usage rules: auth and endpoint variables nothing reads (CL102,
 * CL103), endpoint references some enabled auth method cannot fill
 * (CL110), variables that never get a value (CL111), the platform's limit
 * on defaults (CL112), auth variables hiding a connector variable (CL113)
 * and keys no placeholder can name (CL114).
 *
 * Scopes are the format spec's, as in cl1xx_variables.c: a placeholder in
 * an auth method sees that method's auth variables (its `use`s included);
 * one in an endpoint sees the endpoint's variables, the connector
 * variables and the auth variables of every method it enables.
 */
#include <stdlib.h>
#include <string.h>

#include "authvars.h"
#include "config.h"
#include "nearmiss.h"
#include "placeholder.h"
#include "rule.h"

/* ---- helpers ---- */

static int is_key_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
}

/* 1 when KEY can be named by a placeholder: non-empty, key characters. */
static int key_valid(const char *key)
{
	if (!*key)
		return 0;
	for (; *key; key++)
		if (!is_key_char((unsigned char)*key))
			return 0;
	return 1;
}

/* 1 when V is the first variable of its key in VARS: lookups find only
 * the first, and a later one is CL107's to report. */
static int is_first(const struct cl_var_list *vars, const struct cl_variable *v)
{
	return cl_var_list_find(vars, v->key) == v;
}

/*
 * The near-miss index of VARS' keys (an empty key is never a candidate),
 * built on first use and kept in CACHE (owned by the caller). Scanning
 * every variable for each reference made a file of many placeholders and
 * many variables quadratic (issue 16, B12).
 */
static struct cl_nearmiss_index *key_index(struct cl_nearmiss_cache *cache,
                                           const struct cl_var_list *vars)
{
	struct cl_nearmiss_index *x = cl_nearmiss_cache_get(cache, vars);
	const char **keys;
	size_t i;

	if (x)
		return x;
	keys = cl_calloc(vars->n ? vars->n : 1, sizeof(*keys));
	for (i = 0; i < vars->n; i++)
		keys[i] = *vars->items[i].key ? vars->items[i].key : NULL;
	x = cl_nearmiss_index_new(keys, vars->n);
	free(keys);
	cl_nearmiss_cache_put(cache, vars, x);
	return x;
}

/* The first variable of VARS whose key is KEY ignoring ASCII case. */
static const struct cl_variable *find_case(struct cl_nearmiss_cache *cache,
                                           const struct cl_var_list *vars,
                                           const char *key)
{
	size_t i;

	if (!vars->n)
		return NULL;
	i = cl_nearmiss_index_find_case(key_index(cache, vars), key);
	return i == SIZE_MAX ? NULL : &vars->items[i];
}

/*
 * 1 when V's element is one CL002 reports in a way that leaves its value
 * unknown: an unknown attribute (`requried`, `defualt`) or a `required`
 * or `configurable` that is neither `true` nor `false`. What its author
 * meant is unknown, so CL111 stays quiet.
 */
static int flags_unreadable(const struct cl_variable *v)
{
	static const char *const variable_attrs[] = {
		"key", "label", "alias", "default", "required", "configurable",
		"advanced", "secret", "locked", NULL
	};
	static const char *const use_attrs[] = {
		"variable", "required", "configurable", "advanced", "label", NULL
	};
	const char *const *known = v->is_use ? use_attrs : variable_attrs;
	const struct cl_node *n = v->node;
	unsigned i;
	size_t j;

	for (i = 0; i < n->nattrs; i++) {
		const struct cl_attr *a = &n->attrs[i];
		int ok = 0;

		for (j = 0; known[j]; j++)
			ok |= !strcmp(a->name, known[j]);
		if (!ok)
			return 1;
		if ((!strcmp(a->name, "required") ||
		     !strcmp(a->name, "configurable")) &&
		    strcmp(a->value, "true") && strcmp(a->value, "false"))
			return 1;
	}
	return 0;
}

/* 1 when V gets a value: required, configurable, or a non-blank default
 * (for a use: the effective flags, and the connector variable's default);
 * or when CL002 leaves that unknown. */
static int has_value(const struct cl_variable *v)
{
	return v->required || v->configurable || !cl_blank(cl_var_default(v)) ||
	       flags_unreadable(v) || (v->is_use && v->target &&
				       flags_unreadable(v->target));
}

/* Calls FN(ARG, KEY) for every well-formed {{KEY}} in the raw source text
 * at SPAN. */
static void each_placeholder(struct cl_ctx *ctx, struct cl_span span,
                             void (*fn)(void *, const char *), void *arg)
{
	const char *s = ctx->buf + span.start;
	size_t len = span.end - span.start, pos = 0;
	struct cl_placeholder_match m;

	while (cl_placeholder_next(s, len, &pos, &m)) {
		char *key = cl_strndup(s + m.key_start, m.key_end - m.key_start);

		fn(arg, key);
		free(key);
	}
}

/* "`a`", "`a` and `b`", "`a`, `b` and `c`" into SB. */
static void add_id_list(struct cl_strbuf *sb,
                        const struct cl_auth_method *const *ms, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			cl_strbuf_adds(sb, i + 1 < n ? ", " : " and ");
		cl_strbuf_addf(sb, "`%s`", ms[i]->id);
	}
}

/* ---- which variables something reads (CL102, CL103) ---- */

/*
 * A variable counts as read when a placeholder resolves to it. To keep
 * one mistake one diagnostic, references that other rules already report
 * still count, as CL101 counts them: a placeholder differing only in case
 * (CL105), a placeholder in an endpoint that does not enable the method
 * defining the key (CL104 says so), and any reference from an endpoint to
 * a method that no endpoint enables (CL202: once enabled, the endpoints
 * that need its variables will read them). Pagination option values and
 * other variables' defaults are scanned too: a value written there is
 * meant to be read.
 */
struct usage {
	struct cl_ctx *ctx;
	const struct cl_connector *c;
	unsigned char **auth;     /* [method][variable]: read */
	unsigned char **endpoint; /* [endpoint][variable]: read */
	unsigned char *enabled;   /* [method]: some endpoint enables it */
	unsigned char *flags;     /* the block auth[] and endpoint[] point in */
	/* The caller reads the auth flags (else only the endpoint ones, and
	 * work for the others is skipped). */
	int want_auth;
	/* The owner of the text being scanned, and the key of the variable
	 * whose default it is (a default naming itself reads nothing). */
	const struct cl_auth_method *cur_auth;
	const struct cl_endpoint *cur_endpoint;
	const char *self;
	struct cl_nearmiss_cache cache; /* indexes of the variable lists */
};

static void mark(unsigned char *flags, const struct cl_var_list *l,
                 const struct cl_variable *v)
{
	if (v)
		flags[v - l->items] = 1;
}

static size_t method_index(const struct usage *u, const struct cl_auth_method *m)
{
	return (size_t)(m - u->c->auth_methods);
}

/* The variable lists CL104's "did you mean" searches, in its order, and
 * where their "read" flags are (NULL: not tracked). */
struct cands {
	struct cl_nearmiss_index **idx;
	unsigned char **flags;
	size_t n, alloc, flags_alloc;
};

static void add_cands(struct usage *u, struct cands *cs,
                      const struct cl_var_list *vars, unsigned char *flags)
{
	CL_GROW(cs->idx, cs->n + 1, cs->alloc);
	CL_GROW(cs->flags, cs->n + 1, cs->flags_alloc);
	cs->idx[cs->n] = key_index(&u->cache, vars);
	cs->flags[cs->n++] = flags;
}

/* Marks the candidate that CL104's "did you mean" names for KEY. */
static void mark_near(struct cands *cs, const char *key)
{
	size_t list, pos;

	if (cl_nearmiss_find(key, cs->idx, cs->n, &list, &pos) &&
	    cs->flags[list])
		cs->flags[list][pos] = 1;
	free(cs->idx);
	free(cs->flags);
}

static void mark_auth_ref(struct usage *u, const struct cl_auth_method *m,
                          const char *key)
{
	unsigned char *flags = u->auth[method_index(u, m)];
	const struct cl_variable *v = cl_var_list_find(&m->variables, key);
	struct cands cs = { NULL, NULL, 0, 0, 0 };

	if (!v)
		v = find_case(&u->cache, &m->variables, key);
	if (v) {
		mark(flags, &m->variables, v);
		return;
	}
	/* A connector variable the method forgot to use is CL109's. */
	if (cl_var_list_find(&u->c->variables, key))
		return;
	add_cands(u, &cs, &m->variables, flags);
	mark_near(&cs, key);
}

/* 1 when endpoint E sees the variables of the I-th method: it enables it,
 * or no endpoint does (see above). */
static int sees_method(const struct usage *u, const struct cl_endpoint *e,
                       size_t i)
{
	const struct cl_auth_method *m = &u->c->auth_methods[i];
	size_t j;

	if (!u->enabled[i])
		return 1;
	for (j = 0; j < e->n_enables; j++)
		if (e->enables[j].target == m)
			return 1;
	return 0;
}

/* Marks KEY in every method E sees (every method with ALL), exactly or,
 * with FOLD, ignoring case; returns 1 when some method had it. */
static int mark_in_methods(struct usage *u, const struct cl_endpoint *e,
                           const char *key, int fold, int all)
{
	const struct cl_connector *c = u->c;
	size_t i;
	int found = 0;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;

		if (!all && !sees_method(u, e, i))
			continue;
		v = fold ? find_case(&u->cache, &m->variables, key)
			 : cl_var_list_find(&m->variables, key);
		if (v) {
			mark(u->auth[i], &m->variables, v);
			found = 1;
			/* Without want_auth the flags go unread: only
			 * whether some method has KEY matters. */
			if (!u->want_auth)
				break;
		}
	}
	return found;
}

static void mark_endpoint_ref(struct usage *u, const struct cl_endpoint *e,
                              const char *key)
{
	const struct cl_connector *c = u->c;
	const struct cl_var_list *own = &e->variables;
	unsigned char *flags = u->endpoint[e - c->endpoints];
	const struct cl_variable *v;
	struct cands cs = { NULL, NULL, 0, 0, 0 };
	size_t i;
	int found;

	if (!u->want_auth && !own->n)
		return;
	if ((v = cl_var_list_find(own, key))) {
		mark(flags, own, v);
		return;
	}
	found = cl_var_list_find(&c->variables, key) != NULL;
	/* Without want_auth, which methods have KEY does not matter. */
	if (found && !u->want_auth)
		return;
	found |= mark_in_methods(u, e, key, 0, 0);
	if (found || mark_in_methods(u, e, key, 0, 1))
		return;
	if ((v = find_case(&u->cache, own, key))) {
		mark(flags, own, v);
		return;
	}
	if (find_case(&u->cache, &c->variables, key) ||
	    mark_in_methods(u, e, key, 1, 0))
		return;
	/* Undefined (CL104): the near key it suggests is the one meant. */
	add_cands(u, &cs, own, flags);
	add_cands(u, &cs, &c->variables, NULL);
	for (i = 0; i < c->n_auth_methods; i++)
		if (sees_method(u, e, i))
			add_cands(u, &cs, &c->auth_methods[i].variables, u->auth[i]);
	mark_near(&cs, key);
}

static void on_ref(void *arg, const char *key)
{
	struct usage *u = arg;

	if (u->self && !strcmp(u->self, key))
		return;
	if (u->cur_auth)
		mark_auth_ref(u, u->cur_auth, key);
	else
		mark_endpoint_ref(u, u->cur_endpoint, key);
}

/* Scans the defaults of the own variables in VARS. */
static void scan_defaults(struct usage *u, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];

		if (v->is_use || !v->default_value)
			continue;
		u->self = v->key;
		each_placeholder(u->ctx, cl_node_attr_span(v->node, "default"),
				 on_ref, u);
	}
	u->self = NULL;
}

/* Works out which variables are read; WANT_AUTH: the auth variables'
 * flags are needed, not only the endpoint variables'. */
static void usage_build(struct cl_ctx *ctx, struct usage *u, int want_auth)
{
	const struct cl_connector *c = ctx->model;
	size_t i, j, nflags = 0;
	unsigned char *f;

	memset(u, 0, sizeof(*u));
	u->ctx = ctx;
	u->c = c;
	u->want_auth = want_auth;
	u->auth = cl_calloc(c->n_auth_methods + 1, sizeof(*u->auth));
	u->endpoint = cl_calloc(c->n_endpoints + 1, sizeof(*u->endpoint));
	u->enabled = cl_calloc(c->n_auth_methods + 1, 1);
	/* One block for every list's flags, not one allocation each. */
	for (i = 0; i < c->n_auth_methods; i++)
		nflags += c->auth_methods[i].variables.n + 1;
	for (i = 0; i < c->n_endpoints; i++)
		nflags += c->endpoints[i].variables.n + 1;
	u->flags = f = cl_calloc(nflags + 1, 1);
	for (i = 0; i < c->n_auth_methods; i++) {
		u->auth[i] = f;
		f += c->auth_methods[i].variables.n + 1;
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		u->endpoint[i] = f;
		f += e->variables.n + 1;
		for (j = 0; j < e->n_enables; j++)
			if (e->enables[j].target)
				u->enabled[method_index(u, e->enables[j].target)] = 1;
	}

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];

		if (p->tpl->auth) {
			if (want_auth)
				mark_auth_ref(u, p->tpl->auth, p->key);
		} else {
			mark_endpoint_ref(u, p->tpl->endpoint, p->key);
		}
	}
	for (i = 0; want_auth && i < c->n_auth_methods; i++) {
		u->cur_auth = &c->auth_methods[i];
		scan_defaults(u, &c->auth_methods[i].variables);
	}
	u->cur_auth = NULL;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_param_list *opts = &e->pagination.options;

		u->cur_endpoint = e;
		scan_defaults(u, &e->variables);
		for (j = 0; j < opts->n; j++)
			if (opts->items[j].value)
				each_placeholder(ctx,
						 cl_node_attr_span(opts->items[j].node,
								   "value"),
						 on_ref, u);
	}
}

static void usage_release(struct usage *u)
{
	cl_nearmiss_cache_release(&u->cache);
	free(u->flags);
	free(u->auth);
	free(u->endpoint);
	free(u->enabled);
}

/* ---- CL102 ---- */

/* The literal or default grant_type of M is `password`, or unknown (no
 * default: the user may choose it). */
static int may_be_password_grant(const struct cl_auth_method *m)
{
	const struct cl_variable *g = cl_var_list_find(&m->variables, "grant_type");
	const char *d = g ? cl_var_default(g) : NULL;
	const struct cl_param *p;

	if ((p = cl_param_list_find(&m->body.params, "grant_type")) &&
	    p->value && !cl_strcasecmp(p->value, "password"))
		return 1;
	if ((p = cl_param_list_find(&m->url_params, "grant_type")) &&
	    p->value && !cl_strcasecmp(p->value, "password"))
		return 1;
	return !d || !cl_strcasecmp(d, "password");
}

static int is_user_password(const char *key)
{
	return !strcmp(key, "username") || !strcmp(key, "password");
}

/*
 * Auth variables the platform reads itself, with no placeholder: the
 * defaults of the type (it builds the Basic header from username and
 * password, the token request from client_id and client_secret, and so
 * on), username and password of a client credentials method that may use
 * the password grant (the token request carries them), and an OAuth 1
 * realm.
 */
static int platform_reads(const struct cl_auth_method *m, const char *key)
{
	if (cl_auth_is_default_key(m->type, key))
		return 1;
	if (m->type == CL_AUTH_OAUTH2_CC && is_user_password(key))
		return may_be_password_grant(m);
	if (m->type == CL_AUTH_OAUTH1)
		return !strcmp(key, "realm");
	return 0;
}

/*
 * 1 when KEY stands for a default auth variable of M's type that M lacks:
 * CL201 reports it as a misspelling (`clientId`, `scopes`), which is why
 * nothing reads it under this key.
 */
static int misspelt_default(const struct cl_auth_method *m, const char *key)
{
	const char *const *keys;
	size_t i, n;

	keys = cl_auth_default_keys(m->type, &n);
	for (i = 0; i < n; i++)
		if (!cl_var_list_find(&m->variables, keys[i]) &&
		    cl_nearmiss(keys[i], &key, 1))
			return 1;
	return 0;
}

/* 1 when CL102 reports the J-th variable of the I-th auth method. */
static int auth_var_unused(const struct usage *u, size_t i, size_t j)
{
	const struct cl_auth_method *m = &u->c->auth_methods[i];
	const struct cl_variable *v = &m->variables.items[j];
	const char *k = v->key;

	/* An unknown type (CL002) has unknown defaults; a use of nothing
	 * is CL108's; an invalid key CL114's. */
	return m->type != CL_AUTH_UNKNOWN && !u->auth[i][j] && key_valid(k) &&
	       !(v->is_use && !v->target) && is_first(&m->variables, v) &&
	       !platform_reads(m, k) && !misspelt_default(m, k);
}

static void check_unused_auth_variable(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct usage u;
	size_t i, j;

	if (!c || !c->n_auth_methods)
		return;
	usage_build(ctx, &u, 1);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			const char *k = v->key;
			int asked = v->required || v->configurable;

			if (!auth_var_unused(&u, i, j))
				continue;
			if (v->is_use)
				cl_report(ctx, &cl_rule_CL102, cl_var_key_span(v),
					  "auth method `%s` uses connector "
					  "variable `%s`, but no `{{%s}}` in the "
					  "method or in an endpoint that enables "
					  "it reads it, so %s; remove the `use`, "
					  "or reference `{{%s}}` where the value "
					  "belongs", m->id, k, k,
					  asked ? "users are asked for a value "
						  "nothing sends"
						: "the `use` does nothing",
					  k);
			else
				cl_report(ctx, &cl_rule_CL102, cl_var_key_span(v),
					  "auth variable `%s` of auth method "
					  "`%s` is referenced nowhere: it is not "
					  "a default variable of type `%s`%s, and "
					  "no `{{%s}}` in the method or in an "
					  "endpoint that enables it reads it, so "
					  "%s", k, m->id, cl_auth_type_name(m->type),
					  m->type == CL_AUTH_OAUTH2_CC &&
							  is_user_password(k)
						  ? " (only the `password` grant "
						    "sends it)" : "",
					  k,
					  asked ? "users are asked for a value "
						  "nothing sends"
						: "nothing ever uses it");
		}
	}
	usage_release(&u);
}

const struct cl_rule cl_rule_CL102 = {
	.id = "CL102",
	.slug = "unused-auth-variable",
	.severity = CL_SEV_WARNING,
	.summary = "an auth variable that is not a default of its type and is referenced nowhere (no placeholder in the method, nor in an endpoint enabling it)",
	.check = check_unused_auth_variable,
};

/* ---- CL103 ---- */

/* 1 when CL103 reports the J-th variable of the I-th endpoint. */
static int endpoint_var_unused(const struct usage *u, size_t i, size_t j)
{
	const struct cl_endpoint *e = &u->c->endpoints[i];
	const struct cl_variable *v = &e->variables.items[j];

	return !u->endpoint[i][j] && key_valid(v->key) &&
	       is_first(&e->variables, v);
}

static void check_unused_endpoint_variable(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct usage u;
	size_t i, j;

	if (!c || !c->n_endpoints)
		return;
	usage_build(ctx, &u, 0);
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->variables.n; j++) {
			const struct cl_variable *v = &e->variables.items[j];

			if (!endpoint_var_unused(&u, i, j))
				continue;
			cl_report(ctx, &cl_rule_CL103, cl_var_key_span(v),
				  "endpoint variable `%s` of endpoint `%s` is "
				  "never referenced: no `{{%s}}` in the "
				  "endpoint's URL, params or body reads it, so "
				  "%s; reference it where the value belongs, or "
				  "remove it", v->key, e->id, v->key,
				  v->required || v->configurable
					  ? "the value given on the connection "
					    "shape goes nowhere"
					  : "it does nothing");
		}
	}
	usage_release(&u);
}

const struct cl_rule cl_rule_CL103 = {
	.id = "CL103",
	.slug = "unused-endpoint-variable",
	.severity = CL_SEV_WARNING,
	.summary = "an endpoint variable its endpoint never references",
	.check = check_unused_endpoint_variable,
};

/* ---- CL110 ---- */

/* The keys already checked for the current endpoint: a list, with a hash
 * table over it once it is long, since one endpoint may hold as many
 * placeholders as the file has room for (issue 16, B12). Zero-initialise;
 * key_set_release empties it. */
struct key_set {
	const char **keys;
	size_t n, alloc;
	size_t *slots; /* index + 1 into keys, 0: empty; NULL while short */
	size_t cap;    /* a power of two */
};

#define KEY_SET_SHORT 16

static size_t key_set_slot(const struct key_set *ks, const char *key)
{
	uint64_t h = 14695981039346656037u;
	size_t k;
	const char *p;

	for (p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (k = (size_t)(h ^ (h >> 32)) & (ks->cap - 1);
	     ks->slots[k] && strcmp(ks->keys[ks->slots[k] - 1], key);
	     k = (k + 1) & (ks->cap - 1))
		;
	return k;
}

/* 1 when KEY is in KS; else adds it (KS keeps the pointer). */
static int seen_key(struct key_set *ks, const char *key)
{
	size_t i;

	if (!ks->slots) {
		for (i = 0; i < ks->n; i++)
			if (!strcmp(ks->keys[i], key))
				return 1;
	} else if (ks->slots[key_set_slot(ks, key)]) {
		return 1;
	}
	CL_GROW(ks->keys, ks->n + 1, ks->alloc);
	ks->keys[ks->n++] = key;
	if (ks->n < KEY_SET_SHORT)
		return 0;
	if (2 * ks->n > ks->cap) {
		free(ks->slots);
		for (ks->cap = ks->cap ? ks->cap : 2 * KEY_SET_SHORT;
		     ks->cap < 2 * ks->n; ks->cap *= 2)
			;
		ks->slots = cl_calloc(ks->cap, sizeof(*ks->slots));
		for (i = 0; i + 1 < ks->n; i++)
			ks->slots[key_set_slot(ks, ks->keys[i])] = i + 1;
	}
	ks->slots[key_set_slot(ks, key)] = ks->n;
	return 0;
}

/* Empties KS for the next endpoint. The table goes (clearing it could
 * cost more than the next endpoint's keys), the list stays. */
static void key_set_reset(struct key_set *ks)
{
	free(ks->slots);
	ks->slots = NULL;
	ks->cap = 0;
	ks->n = 0;
}

static void key_set_release(struct key_set *ks)
{
	free(ks->keys);
	free(ks->slots);
}

/*
 * 1 when CL109 (on) reports that auth method M reads connector variable
 * KEY without `use`-ing it: the same fix, already asked for.
 */
static int cl109_reports(const struct cl_ctx *ctx, const struct cl_auth_method *m,
                         const char *key)
{
	const struct cl_connector *c = ctx->model;
	size_t i;

	if (!cl_rule_enabled(ctx, &cl_rule_CL109))
		return 0;
	for (i = 0; i < c->n_placeholders; i++)
		if (c->placeholders[i].tpl->auth == m &&
		    !strcmp(c->placeholders[i].key, key))
			return 1;
	return 0;
}

/* 1 when CL108 (on) reports a `use` in M of a connector variable that does
 * not exist, and KEY is a near miss of it: the use meant KEY. */
static int cl108_suggests(const struct cl_ctx *ctx,
                          const struct cl_auth_method *m, const char *key)
{
	size_t i;

	if (!cl_rule_enabled(ctx, &cl_rule_CL108))
		return 0;
	for (i = 0; i < m->variables.n; i++) {
		const struct cl_variable *u = &m->variables.items[i];

		if (u->is_use && !u->target && *u->key &&
		    cl_nearmiss(u->key, &key, 1))
			return 1;
	}
	return 0;
}

/*
 * P, in endpoint E which enables the distinct methods EN[0..NEN), names a
 * connector variable or an auth variable of some of them: reports the
 * methods under which it has no value. A connector variable with a
 * default has that value everywhere; without one it has a value only
 * through a method that `use`s it.
 */
static void check_placeholder_methods(struct cl_ctx *ctx,
                                      const struct cl_endpoint *e,
                                      const struct cl_placeholder *p,
                                      const struct cl_auth_method **en,
                                      size_t nen,
                                      const struct cl_auth_method **scratch)
{
	const struct cl_connector *c = ctx->model;
	const struct cl_variable *cv = cl_var_list_find(&c->variables, p->key);
	const struct cl_auth_method **missing = scratch, **having = scratch + nen;
	size_t i, nmissing = 0, nhaving = 0;
	struct cl_strbuf sb = CL_STRBUF_INIT, one = CL_STRBUF_INIT;
	struct cl_diag *d;
	const char *k = p->key;

	if (cv && !cl_blank(cl_var_default(cv)))
		return;
	for (i = 0; i < nen; i++) {
		if (cl_var_list_find(&en[i]->variables, k))
			having[nhaving++] = en[i];
		else if (!(cv && (cl109_reports(ctx, en[i], k) ||
				  cl108_suggests(ctx, en[i], k))))
			missing[nmissing++] = en[i];
	}
	/* Nothing in scope (CL104, CL105), or available everywhere. */
	if ((!cv && !nhaving) || !nmissing)
		return;

	/* "`tok`" for one method, "them" and "each" for several. */
	if (nmissing == 1)
		cl_strbuf_addf(&one, "`%s`", missing[0]->id);
	cl_strbuf_addf(&sb, "endpoint `%s` references ", e->id);
	if (cv) {
		cl_strbuf_addf(&sb, "connector variable `%s`", k);
	} else {
		cl_strbuf_addf(&sb, "`%s`, an auth variable of ", k);
		add_id_list(&sb, having, nhaving);
	}
	cl_strbuf_addf(&sb, ", but auth method%s ", nmissing > 1 ? "s" : "");
	add_id_list(&sb, missing, nmissing);
	cl_strbuf_adds(&sb, " (enabled here) ");
	if (cv)
		cl_strbuf_addf(&sb, "%s not `use` it", nmissing > 1 ? "do" : "does");
	else
		cl_strbuf_addf(&sb, "%s no `%s`", nmissing > 1 ? "have" : "has", k);
	cl_strbuf_addf(&sb, ": instances added with %s send an empty value; ",
		       nmissing > 1 ? "them" : cl_strbuf_str(&one));
	if (cv)
		cl_strbuf_addf(&sb, "add `<use variable=\"%s\"/>` to %s", k,
			       nmissing > 1 ? "each" : cl_strbuf_str(&one));
	else
		cl_strbuf_addf(&sb, "define it there too, or make `%s` a "
			       "connector variable that every method enabled "
			       "here `use`s", k);
	d = cl_report(ctx, &cl_rule_CL110, p->span, "%s", cl_strbuf_str(&sb));
	for (i = 0; i < nmissing; i++)
		cl_report_related(ctx, d, cl_node_attr_span(missing[i]->node, "id"),
				  cv ? "auth method `%s` does not `use` `%s`"
				     : "auth method `%s` has no `%s`",
				  missing[i]->id, k);
	cl_strbuf_release(&one);
	cl_strbuf_release(&sb);
}

/*
 * One diagnostic per endpoint and key, at the first placeholder: the fix
 * is in the auth methods, once for the endpoint.
 */
static void check_unavailable_for_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method **en, **scratch;
	const struct cl_endpoint *cur = NULL;
	struct key_set keys = { NULL, 0, 0, NULL, 0 };
	size_t i, j, nen = 0;

	if (!c || !c->n_placeholders)
		return;
	en = cl_calloc(c->n_auth_methods + 1, sizeof(*en));
	scratch = cl_calloc(2 * c->n_auth_methods + 2, sizeof(*scratch));
	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_endpoint *e = p->tpl->endpoint;

		if (!e)
			continue;
		if (e != cur) {
			cur = e;
			key_set_reset(&keys);
			nen = 0;
			for (j = 0; j < e->n_enables; j++) {
				const struct cl_auth_method *m = e->enables[j].target;
				size_t k;

				/* Unknown methods are CL402's; a second
				 * enable of one is CL411's. */
				for (k = 0; m && k < nen; k++)
					if (en[k] == m)
						m = NULL;
				if (m)
					en[nen++] = m;
			}
		}
		/* The endpoint's own variable wins; a key the platform fills
		 * in has a value under every method. */
		if (!nen || cl_var_list_find(&e->variables, p->key) ||
		    cl_ctx_platform_placeholder(ctx, p->key) ||
		    seen_key(&keys, p->key))
			continue;
		check_placeholder_methods(ctx, e, p, en, nen, scratch);
	}
	key_set_release(&keys);
	free(scratch);
	free(en);
}

const struct cl_rule cl_rule_CL110 = {
	.id = "CL110",
	.slug = "variable-unavailable-for-method",
	.severity = CL_SEV_WARNING,
	.summary = "an endpoint references a connector or auth variable that one of its enabled auth methods does not provide",
	.check = check_unavailable_for_method,
};

/* ---- CL111 ---- */

/*
 * Auth variables the platform fills in itself, so they need no flag and
 * no default: an OAuth 2 method's tokens, and for the authorisation code
 * flow the redirect URI (the platform's own callback: the type's table
 * gives it no default for that reason), the code, state and PKCE values
 * it makes per request.
 */
static int platform_fills(const struct cl_auth_method *m, const char *key)
{
	static const char *const oauth2[] = { "access_token", "refresh_token" };
	static const char *const code_flow[] = {
		"redirect_uri", "code", "state", "code_verifier", "code_challenge"
	};
	size_t i;

	if (!cl_auth_type_is_oauth2(m->type))
		return 0;
	for (i = 0; i < CL_ARRAY_SIZE(oauth2); i++)
		if (!strcmp(oauth2[i], key))
			return 1;
	if (m->type != CL_AUTH_OAUTH2_AC)
		return 0;
	for (i = 0; i < CL_ARRAY_SIZE(code_flow); i++)
		if (!strcmp(code_flow[i], key))
			return 1;
	return 0;
}

/*
 * 1 when an auth variable KEY of M may rightly stay empty, or when another
 * rule already reports that it has no value (only while that rule is on,
 * so that turning it off does not hide the problem).
 */
static int value_not_ours(const struct cl_ctx *ctx,
                          const struct cl_auth_method *m,
                          const struct cl_variable *v)
{
	int oauth2 = cl_auth_type_is_oauth2(m->type);
	const char *key = v->key;

	if (platform_fills(m, key))
		return 1;
	/* An empty scope asks for the server's default scope (RFC 6749
	 * §3.3); a public client sends no secret. */
	if (oauth2 && !strcmp(key, "scope"))
		return 1;
	if (oauth2 && !strcmp(key, "client_secret"))
		return !cl_auth_needs_client_secret(m) ||
		       cl_rule_enabled(ctx, &cl_rule_CL302);
	if (oauth2 && !strcmp(key, "client_id"))
		return cl_rule_enabled(ctx, &cl_rule_CL301);
	/* An empty default="" is a wrong grant type to CL303; no default
	 * at all it leaves alone. */
	if (oauth2 && !strcmp(key, "grant_type") && cl_var_default_at(v, NULL))
		return cl_rule_enabled(ctx, &cl_rule_CL303);
	if ((oauth2 || m->type == CL_AUTH_SOAP) &&
	    !strcmp(key, "response_authentication_token_key"))
		return cl_rule_enabled(ctx, &cl_rule_CL209);
	if (m->type == CL_AUTH_OAUTH1 && !strcmp(key, "signature_method"))
		return cl_rule_enabled(ctx, &cl_rule_CL208);
	if (m->type == CL_AUTH_OAUTH2_AC && !strcmp(key, "client_type"))
		return cl_rule_enabled(ctx, &cl_rule_CL308);
	if (m->type == CL_AUTH_BASIC && is_user_password(key))
		return cl_rule_enabled(ctx, &cl_rule_CL206);
	return 0;
}

/* The fixed default of KEY, a default auth variable of M's type, or NULL
 * when the type table gives it none. */
static const char *fixed_default(const struct cl_auth_method *m, const char *key)
{
	if (!strcmp(key, "grant_type"))
		return m->type == CL_AUTH_OAUTH2_CC ? "client_credentials"
		       : m->type == CL_AUTH_OAUTH2_AC ? "authorization_code"
						      : NULL;
	if (!strcmp(key, "client_type") && m->type == CL_AUTH_OAUTH2_AC)
		return "confidential";
	if (!strcmp(key, "signature_method") && m->type == CL_AUTH_OAUTH1)
		return "HMAC-SHA256";
	if (!strcmp(key, "response_authentication_token_key") &&
	    cl_auth_type_is_oauth2(m->type))
		return "access_token";
	return NULL;
}

/* 1 when KEY is a credential the user adding an instance types in. */
static int is_credential(const char *key)
{
	static const char *const keys[] = {
		"username", "password", "token", "consumer_key",
		"consumer_secret", "token_id", "token_secret", "client_id",
		"client_secret"
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i], key))
			return 1;
	return 0;
}

/* How to fix V, which has no value, into SB. M is V's auth method, or
 * NULL. */
static void add_never_set_fix(struct cl_strbuf *sb, const struct cl_variable *v,
                              const struct cl_auth_method *m)
{
	const char *fixed = m ? fixed_default(m, v->key) : NULL;

	if (fixed)
		cl_strbuf_addf(sb, "give it its default, `default=\"%s\"`",
			       fixed);
	else if (v->secret || (m && is_credential(v->key)))
		cl_strbuf_adds(sb, "users must enter it: add `required=\"true\"`");
	else
		cl_strbuf_adds(sb, "add `required=\"true\"` if users must give "
			       "it, `configurable=\"true\"` if they may, or a "
			       "`default`");
}

static const char *no_default_words(const struct cl_variable *v)
{
	return v->default_value ? "has an empty default" : "has no default";
}

static void report_never_set(struct cl_ctx *ctx, const struct cl_variable *v,
                             const char *what, const struct cl_auth_method *m)
{
	struct cl_strbuf fix = CL_STRBUF_INIT;

	add_never_set_fix(&fix, v, m);
	cl_report(ctx, &cl_rule_CL111, cl_var_key_span(v),
		  "%s is neither required nor configurable and %s, so it "
		  "never gets a value; %s", what, no_default_words(v),
		  cl_strbuf_str(&fix));
	cl_strbuf_release(&fix);
}

/*
 * What nothing reads, worked out only when CL111 meets a variable with no
 * value (rare), and only when CL102 or CL103 would report it (they are on).
 */
struct lazy_usage {
	struct cl_ctx *ctx;
	struct usage u;
	int built, unused102, unused103;
};

static const struct usage *lazy_get(struct lazy_usage *lu)
{
	if (!lu->built)
		usage_build(lu->ctx, &lu->u, 1);
	lu->built = 1;
	return &lu->u;
}

static int lazy_auth_unused(struct lazy_usage *lu, size_t i, size_t j)
{
	return lu->unused102 && auth_var_unused(lazy_get(lu), i, j);
}

static int lazy_endpoint_unused(struct lazy_usage *lu, size_t i, size_t j)
{
	return lu->unused103 && endpoint_var_unused(lazy_get(lu), i, j);
}

/* 1 when the J-th variable of the I-th method, a use, has no value that
 * CL111 should report: see value_not_ours, and CL102. */
static int use_not_ours(struct lazy_usage *lu, size_t i, size_t j)
{
	const struct cl_ctx *ctx = lu->ctx;
	const struct cl_auth_method *m = &ctx->model->auth_methods[i];
	const struct cl_variable *u = &m->variables.items[j];

	return m->type == CL_AUTH_UNKNOWN ||
	       cl_ctx_platform_placeholder(ctx, u->key) ||
	       value_not_ours(ctx, m, u) || lazy_auth_unused(lu, i, j);
}

/*
 * A connector variable gets its value through the methods that `use` it
 * (a use may override required and configurable). It is reported itself
 * when no use gives it a value; a use is reported when the others do but
 * it does not. One that no method uses is CL101's (nothing reads it) or
 * CL110's (endpoints read it).
 */
static void check_connector_never_set(struct cl_ctx *ctx,
                                      struct lazy_usage *lu)
{
	const struct cl_connector *c = ctx->model;
	size_t *uses, *setting, i, j;

	if (!c->variables.n)
		return;
	uses = cl_calloc(c->variables.n, sizeof(*uses));
	setting = cl_calloc(c->variables.n, sizeof(*setting));
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_var_list *vars = &c->auth_methods[i].variables;

		for (j = 0; j < vars->n; j++) {
			const struct cl_variable *u = &vars->items[j];
			size_t t;

			if (!u->is_use || !u->target)
				continue;
			t = (size_t)(u->target - c->variables.items);
			uses[t]++;
			/* A use another rule speaks for counts as set. */
			setting[t] += has_value(u) || use_not_ours(lu, i, j);
		}
	}
	for (i = 0; i < c->variables.n; i++) {
		const struct cl_variable *v = &c->variables.items[i];
		struct cl_strbuf what = CL_STRBUF_INIT;

		if (!*v->key || !is_first(&c->variables, v) || has_value(v) ||
		    !uses[i] || setting[i] ||
		    cl_ctx_platform_placeholder(ctx, v->key))
			continue;
		cl_strbuf_addf(&what, "connector variable `%s`%s", v->key,
			       uses[i] > 1 ? " (and every `use` of it)" : "");
		report_never_set(ctx, v, cl_strbuf_str(&what), NULL);
		cl_strbuf_release(&what);
	}
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *u = &m->variables.items[j];
			size_t t;

			if (!u->is_use || !u->target || has_value(u) ||
			    !is_first(&m->variables, u) || use_not_ours(lu, i, j))
				continue;
			t = (size_t)(u->target - c->variables.items);
			if (!has_value(u->target) && !setting[t])
				continue; /* the connector variable is reported */
			cl_report(ctx, &cl_rule_CL111, cl_var_key_span(u),
				  "auth method `%s` uses connector variable "
				  "`%s` but neither requires it nor lets users "
				  "configure it, and it has no default, so "
				  "instances added with `%s` never give it a "
				  "value; add `required=\"true\"` or "
				  "`configurable=\"true\"` to this `use`",
				  m->id, u->key, m->id);
		}
	}
	free(setting);
	free(uses);
}

/*
 * A variable nothing reads is CL102's or CL103's (while on): removing it
 * is the fix, and a value would not help.
 */
static void check_variable_never_set(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct lazy_usage lu;
	size_t i, j;

	memset(&lu, 0, sizeof(lu));
	lu.ctx = ctx;
	lu.unused102 = cl_rule_enabled(ctx, &cl_rule_CL102);
	lu.unused103 = cl_rule_enabled(ctx, &cl_rule_CL103);
	check_connector_never_set(ctx, &lu);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		/* An unknown type (CL002): what it fills in is unknown. */
		if (m->type == CL_AUTH_UNKNOWN)
			continue;
		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			struct cl_strbuf what = CL_STRBUF_INIT;

			if (v->is_use || !*v->key || has_value(v) ||
			    !is_first(&m->variables, v) ||
			    cl_ctx_platform_placeholder(ctx, v->key) ||
			    value_not_ours(ctx, m, v) ||
			    lazy_auth_unused(&lu, i, j))
				continue;
			cl_strbuf_addf(&what, "auth variable `%s` of auth "
				       "method `%s`", v->key, m->id);
			report_never_set(ctx, v, cl_strbuf_str(&what), m);
			cl_strbuf_release(&what);
		}
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->variables.n; j++) {
			const struct cl_variable *v = &e->variables.items[j];
			struct cl_strbuf what = CL_STRBUF_INIT;

			if (!*v->key || has_value(v) ||
			    !is_first(&e->variables, v) ||
			    cl_ctx_platform_placeholder(ctx, v->key) ||
			    lazy_endpoint_unused(&lu, i, j))
				continue;
			cl_strbuf_addf(&what, "endpoint variable `%s` of "
				       "endpoint `%s`", v->key, e->id);
			report_never_set(ctx, v, cl_strbuf_str(&what), NULL);
			cl_strbuf_release(&what);
		}
	}
	if (lu.built)
		usage_release(&lu.u);
}

const struct cl_rule cl_rule_CL111 = {
	.id = "CL111",
	.slug = "variable-never-set",
	.severity = CL_SEV_WARNING,
	.summary = "a variable that is neither required nor configurable and has no default",
	.check = check_variable_never_set,
};

/* ---- CL112 ---- */

/* The platform allows at most this many characters in a default. */
#define DEFAULT_MAX 1024

static void check_defaults_in(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		size_t n;

		if (v->is_use || !v->default_value)
			continue;
		/* Characters of the decoded value, as the platform counts:
		 * `&amp;` is one, and so is `é`. */
		n = cl_utf8_count(v->default_value, strlen(v->default_value));
		if (n <= DEFAULT_MAX)
			continue;
		cl_report(ctx, &cl_rule_CL112,
			  cl_node_attr_span(v->node, "default"),
			  "the default of variable `%s` is %zu characters "
			  "long; the platform allows at most %d", v->key, n,
			  DEFAULT_MAX);
	}
}

static void check_default_too_long(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_defaults_in(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_defaults_in(ctx, &c->auth_methods[i].variables);
	for (i = 0; i < c->n_endpoints; i++)
		check_defaults_in(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL112 = {
	.id = "CL112",
	.slug = "default-too-long",
	.severity = CL_SEV_ERROR,
	.summary = "a variable default over 1024 characters",
	.check = check_default_too_long,
};

/* ---- CL113 ---- */

/*
 * Inside the method `{{k}}` is the auth variable, in its endpoints the
 * connector variable: one key, two values. When the method also `use`s
 * the connector variable, the clash is CL107's (a duplicate key).
 */
static void check_auth_shadows_connector(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	if (!c || !c->variables.n)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			const struct cl_variable *cv, *first;
			struct cl_diag *d;

			if (v->is_use || !*v->key)
				continue;
			cv = cl_var_list_find(&c->variables, v->key);
			first = cl_var_list_find(&m->variables, v->key);
			if (!cv || first != v)
				continue;
			if (cl_auth_is_default_key(m->type, v->key))
				d = cl_report(ctx, &cl_rule_CL113, cl_var_key_span(v),
					      "auth variable `%s` of auth method "
					      "`%s` has the same key as a "
					      "connector variable, so `{{%s}}` "
					      "means one value in the method and "
					      "another in its endpoints; `%s` is "
					      "a default variable of type `%s` "
					      "and its key cannot change, so "
					      "rename the connector variable",
					      v->key, m->id, v->key, v->key,
					      cl_auth_type_name(m->type));
			else
				d = cl_report(ctx, &cl_rule_CL113, cl_var_key_span(v),
					      "auth variable `%s` of auth method "
					      "`%s` has the same key as a "
					      "connector variable, so `{{%s}}` "
					      "means one value in the method and "
					      "another in its endpoints; replace "
					      "it with `<use variable=\"%s\"/>`, "
					      "or rename one of them",
					      v->key, m->id, v->key, v->key);
			cl_report_related(ctx, d, cl_var_key_span(cv),
					  "connector variable `%s` is defined "
					  "here", cv->key);
		}
	}
}

const struct cl_rule cl_rule_CL113 = {
	.id = "CL113",
	.slug = "auth-variable-shadows-connector-variable",
	.severity = CL_SEV_WARNING,
	.summary = "an auth variable with the same key as a connector variable",
	.check = check_auth_shadows_connector,
};

/* ---- CL114 ---- */

/* Describes the first character of KEY that a key may not hold. */
static void describe_bad_char(struct cl_strbuf *sb, const char *key)
{
	const unsigned char *s = (const unsigned char *)key;
	size_t n = 1;

	while (is_key_char(*s))
		s++;
	if (*s == ' ')
		cl_strbuf_adds(sb, "a space");
	else if (*s == '\t' || *s == '\n' || *s == '\r')
		cl_strbuf_adds(sb, "white space");
	else if (*s < 0x20 || *s == 0x7F)
		cl_strbuf_addf(sb, "a control character (0x%02X)", *s);
	else if (*s == '`')
		cl_strbuf_adds(sb, "a backtick");
	else {
		if (*s >= 0x80)
			while ((s[n] & 0xC0) == 0x80)
				n++;
		cl_strbuf_adds(sb, "`");
		cl_strbuf_add(sb, (const char *)s, n);
		cl_strbuf_adds(sb, "`");
	}
}

/*
 * KEY with every run of characters a key may not hold turned into one
 * `_`, and none at either end: `store url` → `store_url`, `{{token}}` →
 * `token`. NULL when KEY holds non-ASCII characters (no good guess) or
 * nothing is left. Caller frees.
 */
static char *suggest_key(const char *key)
{
	char *out = cl_malloc(strlen(key) + 1), *o = out;
	const unsigned char *s;
	int pending = 0;

	for (s = (const unsigned char *)key; *s; s++) {
		if (*s >= 0x80) {
			free(out);
			return NULL;
		}
		if (!is_key_char(*s)) {
			pending = o > out;
			continue;
		}
		if (pending)
			*o++ = '_';
		pending = 0;
		*o++ = (char)*s;
	}
	*o = '\0';
	if (!*out) {
		free(out);
		return NULL;
	}
	return out;
}

static void check_keys_in(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		struct cl_strbuf sb = CL_STRBUF_INIT;
		char *fix;

		/* A use names a connector variable, reported where it is
		 * defined; a missing key is CL002's. */
		if (v->is_use || !cl_node_attr(v->node, "key") || key_valid(v->key))
			continue;
		if (!*v->key) {
			cl_report(ctx, &cl_rule_CL114, cl_var_key_span(v),
				  "variable key is empty: the key is the name "
				  "placeholders use, as in `{{store_url}}`");
			continue;
		}
		describe_bad_char(&sb, v->key);
		fix = suggest_key(v->key);
		cl_report(ctx, &cl_rule_CL114, cl_var_key_span(v),
			  "variable key `%s` holds %s: a key has only ASCII "
			  "letters, digits, `_`, `-` and `.`, so no placeholder "
			  "can name it%s%s%s", v->key, cl_strbuf_str(&sb),
			  fix ? "; did you mean `" : "", fix ? fix : "",
			  fix ? "`?" : "");
		free(fix);
		cl_strbuf_release(&sb);
	}
}

static void check_invalid_variable_key(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_keys_in(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_keys_in(ctx, &c->auth_methods[i].variables);
	for (i = 0; i < c->n_endpoints; i++)
		check_keys_in(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL114 = {
	.id = "CL114",
	.slug = "invalid-variable-key",
	.severity = CL_SEV_ERROR,
	.summary = "a key with characters outside letters, digits, `_`, `-`, `.`",
	.check = check_invalid_variable_key,
};
