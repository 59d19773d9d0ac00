/* The variable-usage analysis of CL102, CL103 and CL111; see usage.h. */
#include "usage.h"

#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "placeholder.h"
#include "vars.h"

/* Calls FN(ARG, KEY) for every well-formed {{KEY}} in the raw source text
 * at SPAN. */
static void
each_placeholder(struct cl_ctx *ctx, struct cl_span span,
                 void (*fn)(void *, const char *), void *arg)
{
	const char *s = ctx->buf + span.start;
	size_t len = span.end - span.start, pos = 0;
	struct cl_placeholder_match m;

	while (cl_placeholder_next(s, len, &pos, &m)) {
		char *key =
		    cl_strndup(s + m.key_start, m.key_end - m.key_start);

		fn(arg, key);
		free(key);
	}
}

static void
mark(unsigned char *flags, const struct cl_var_list *l,
     const struct cl_variable *v)
{
	if (v)
		flags[v - l->items] = 1;
}

static size_t
method_index(const struct cl_usage *u, const struct cl_auth_method *m)
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

static void
add_cands(struct cl_usage *u, struct cands *cs, const struct cl_var_list *vars,
          unsigned char *flags)
{
	CL_GROW(cs->idx, cs->n + 1, cs->alloc);
	CL_GROW(cs->flags, cs->n + 1, cs->flags_alloc);
	cs->idx[cs->n] = cl_var_key_index(&u->cache, vars);
	cs->flags[cs->n++] = flags;
}

/* Marks the candidate that CL104's "did you mean" names for KEY. */
static void
mark_near(struct cands *cs, const char *key)
{
	size_t list, pos;

	if (cl_nearmiss_find(key, cs->idx, cs->n, &list, &pos) &&
	    cs->flags[list])
		cs->flags[list][pos] = 1;
	free(cs->idx);
	free(cs->flags);
}

static void
mark_auth_ref(struct cl_usage *u, const struct cl_auth_method *m,
              const char *key)
{
	unsigned char *flags = u->auth[method_index(u, m)];
	const struct cl_variable *v = cl_var_list_find(&m->variables, key);
	struct cands cs = { NULL, NULL, 0, 0, 0 };

	if (!v)
		v = cl_var_find_case(&u->cache, &m->variables, key);
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
static int
sees_method(const struct cl_usage *u, const struct cl_endpoint *e, size_t i)
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
static int
mark_in_methods(struct cl_usage *u, const struct cl_endpoint *e,
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
		v = fold ? cl_var_find_case(&u->cache, &m->variables, key)
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

static void
mark_endpoint_ref(struct cl_usage *u, const struct cl_endpoint *e,
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
	if ((v = cl_var_find_case(&u->cache, own, key))) {
		mark(flags, own, v);
		return;
	}
	if (cl_var_find_case(&u->cache, &c->variables, key) ||
	    mark_in_methods(u, e, key, 1, 0))
		return;
	/* Undefined (CL104): the near key it suggests is the one meant. */
	add_cands(u, &cs, own, flags);
	add_cands(u, &cs, &c->variables, NULL);
	for (i = 0; i < c->n_auth_methods; i++)
		if (sees_method(u, e, i))
			add_cands(u, &cs, &c->auth_methods[i].variables,
			          u->auth[i]);
	mark_near(&cs, key);
}

static void
on_ref(void *arg, const char *key)
{
	struct cl_usage *u = arg;

	if (u->self && !strcmp(u->self, key))
		return;
	if (u->cur_auth)
		mark_auth_ref(u, u->cur_auth, key);
	else
		mark_endpoint_ref(u, u->cur_endpoint, key);
}

/* Scans the defaults of the own variables in VARS. */
static void
scan_defaults(struct cl_usage *u, const struct cl_var_list *vars)
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
void
cl_usage_build(struct cl_ctx *ctx, const struct cl_connector *c,
               struct cl_usage *u, int want_auth)
{
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
				u->enabled[method_index(
				    u, e->enables[j].target)] = 1;
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
				each_placeholder(
				    ctx,
				    cl_node_attr_span(opts->items[j].node,
				                      "value"),
				    on_ref, u);
	}
}

void
cl_usage_release(struct cl_usage *u)
{
	cl_nearmiss_cache_release(&u->cache);
	free(u->flags);
	free(u->auth);
	free(u->endpoint);
	free(u->enabled);
}

/* ---- what CL102 and CL103 report ---- */

/* The literal or default grant_type of M is `password`, or unknown (no
 * default: the user may choose it). */
static int
may_be_password_grant(const struct cl_auth_method *m)
{
	const struct cl_variable *g =
	    cl_var_list_find(&m->variables, "grant_type");
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

/*
 * Auth variables the platform reads itself, with no placeholder: the
 * defaults of the type (it builds the Basic header from username and
 * password, the token request from client_id and client_secret, and so
 * on), username and password of a client credentials method that may use
 * the password grant (the token request carries them), and an OAuth 1
 * realm.
 */
static int
platform_reads(const struct cl_auth_method *m, const char *key)
{
	if (cl_auth_is_default_key(m->type, key))
		return 1;
	if (m->type == CL_AUTH_OAUTH2_CC && cl_auth_is_user_password(key))
		return may_be_password_grant(m);
	if (m->type == CL_AUTH_OAUTH1)
		return !strcmp(key, "realm");
	return 0;
}

/*
 * 1 when V stands for a default auth variable of M's type that M lacks:
 * the missing variable's rule reports it as one to rename (`clientId`,
 * `scopes`, `cert_id` labelled "Client Secret"), which is why nothing
 * reads it under this key.
 */
static int
stands_in_for_default(const struct cl_auth_method *m,
                      const struct cl_variable *v)
{
	const char *const *keys;
	size_t i, n;

	keys = cl_auth_default_keys(m->type, &n);
	for (i = 0; i < n; i++)
		if (!cl_var_list_find(&m->variables, keys[i]) &&
		    cl_auth_stand_in(m, keys[i], NULL) == v)
			return 1;
	return 0;
}

/* 1 when CL102 reports the J-th variable of the I-th auth method. */
int
cl_usage_auth_var_unused(const struct cl_usage *u, size_t i, size_t j)
{
	const struct cl_auth_method *m = &u->c->auth_methods[i];
	const struct cl_variable *v = &m->variables.items[j];
	const char *k = v->key;

	/* An unknown type (CL002) has unknown defaults; a use of nothing
	 * is CL108's; an invalid key CL114's. */
	return m->type != CL_AUTH_UNKNOWN && !u->auth[i][j] &&
	       cl_key_valid(k) && !(v->is_use && !v->target) &&
	       cl_var_is_first(&m->variables, v) && !platform_reads(m, k) &&
	       !stands_in_for_default(m, v);
}

/* 1 when CL103 reports the J-th variable of the I-th endpoint. */
int
cl_usage_endpoint_var_unused(const struct cl_usage *u, size_t i, size_t j)
{
	const struct cl_endpoint *e = &u->c->endpoints[i];
	const struct cl_variable *v = &e->variables.items[j];

	return !u->endpoint[i][j] && cl_key_valid(v->key) &&
	       cl_var_is_first(&e->variables, v);
}
