/* The variable-usage analysis of CL102, CL103 and CL111; see usage.h. */
#include "usage.h"

#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "endpoints.h"
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

/* KEY, read in auth method M; V: the variable of KEY in M's list, as
 * cl_var_list_find finds it (the model's answer for a placeholder). */
static void
mark_auth_ref(struct cl_usage *u, const struct cl_auth_method *m,
              const char *key, const struct cl_variable *v)
{
	unsigned char *flags = u->auth[method_index(u, m)];
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

/* Notes in U->enabled the methods some endpoint enables: needed only
 * once a placeholder is looked up in the methods (note_enables). */
static void
note_enabled(struct cl_usage *u)
{
	const struct cl_connector *c = u->c;
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->n_enables; j++)
			if (e->enables[j].target)
				u->enabled[method_index(
				    u, e->enables[j].target)] = 1;
	}
	u->enabled_noted = 1;
}

/* Notes which methods endpoint E enables, once per endpoint rather than
 * searched for each method and placeholder; returns the stamp they have
 * in U->seen_by. Endpoints in a row that enable the same methods (the
 * usual connector) keep one stamp: what one of them reads, the next
 * reads to the same effect (mark_cvar_in_methods). */
static size_t
note_enables(struct cl_usage *u, const struct cl_endpoint *e)
{
	const struct cl_endpoint *prev = u->seen;
	size_t j;

	if (!u->enabled_noted)
		note_enabled(u);
	if (prev == e)
		return u->stamp;
	u->seen = e;
	if (prev && cl_same_enables(prev, e))
		return u->stamp;
	u->stamp++;
	for (j = 0; j < e->n_enables; j++)
		if (e->enables[j].target)
			u->seen_by[method_index(u, e->enables[j].target)] =
			    u->stamp;
	return u->stamp;
}

/* 1 when the endpoint of STAMP (note_enables) sees the variables of the
 * I-th method: it enables it, or no endpoint does (see above). */
static int
stamp_sees(const struct cl_usage *u, size_t stamp, size_t i)
{
	return !u->enabled[i] || u->seen_by[i] == stamp;
}

static int
sees_method(struct cl_usage *u, const struct cl_endpoint *e, size_t i)
{
	return stamp_sees(u, note_enables(u, e), i);
}

/* A method having the key of a connector variable: the first variable of
 * that key in its list, the one cl_var_list_find returns. */
struct cl_usage_hit {
	size_t method, var;
	size_t next; /* the variable's next hit (index + 1; 0: none) */
};

/* Notes, for each connector variable, the methods having its key, in
 * method order. */
static void
index_cvar_hits(struct cl_usage *u)
{
	const struct cl_connector *c = u->c;
	size_t i, j, n = 0, nhits = 0, *last;

	for (i = 0; i < c->n_auth_methods; i++)
		n += c->auth_methods[i].variables.n;
	/* One block: the hits, then the connector variables' arrays. */
	u->hits = cl_calloc(1, (n + 1) * sizeof(*u->hits) +
	                           (3 * c->variables.n + 1) * sizeof(size_t));
	u->cvar_hits = (size_t *)(u->hits + n + 1);
	u->cvar_done = u->cvar_hits + c->variables.n;
	last = u->cvar_done + c->variables.n;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_var_list *vars = &c->auth_methods[i].variables;

		for (j = 0; j < vars->n; j++) {
			const struct cl_variable *v = &vars->items[j];
			/* A use's target is the connector variable its key
			 * finds (model.h). */
			const struct cl_variable *t =
			    v->is_use ? v->target
			              : cl_var_list_find(&c->variables, v->key);
			size_t k;

			if (!t)
				continue;
			k = (size_t)(t - c->variables.items);
			if (last[k] && u->hits[last[k] - 1].method == i)
				continue; /* a later variable of the key */
			u->hits[nhits].method = i;
			u->hits[nhits].var = j;
			if (last[k])
				u->hits[last[k] - 1].next = nhits + 1;
			else
				u->cvar_hits[k] = nhits + 1;
			last[k] = ++nhits;
		}
	}
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

/* mark_in_methods (exactly, the methods E sees) for the key of connector
 * variable CV, through the methods noted as having it. */
static void
mark_cvar_in_methods(struct cl_usage *u, const struct cl_endpoint *e,
                     const struct cl_variable *cv)
{
	size_t h, k = (size_t)(cv - u->c->variables.items);
	size_t stamp = note_enables(u, e);

	if (!u->cvar_hits)
		index_cvar_hits(u);
	/* The same methods seen, the same marks. */
	if (u->cvar_done[k] == stamp)
		return;
	u->cvar_done[k] = stamp;
	for (h = u->cvar_hits[k]; h; h = u->hits[h - 1].next) {
		const struct cl_usage_hit *x = &u->hits[h - 1];

		if (stamp_sees(u, stamp, x->method))
			u->auth[x->method][x->var] = 1;
	}
}

/*
 * KEY, read in endpoint E. What an exact lookup in E's scope found is
 * given: OWN_VAR, the variable of KEY in E's own list, else NULL; CV, the
 * connector variable of KEY (OWN_VAR NULL), else NULL; IN_ENABLED, 1 when
 * neither has it but a method E enables does. A placeholder has that
 * answer from the model (cl_placeholder.var).
 */
static void
mark_endpoint_found(struct cl_usage *u, const struct cl_endpoint *e,
                    const char *key, const struct cl_variable *own_var,
                    const struct cl_variable *cv, int in_enabled)
{
	const struct cl_connector *c = u->c;
	const struct cl_var_list *own = &e->variables;
	unsigned char *flags = u->endpoint[e - c->endpoints];
	const struct cl_variable *v;
	struct cands cs = { NULL, NULL, 0, 0, 0 };
	size_t i;

	if (!u->want_auth && !own->n)
		return;
	if (own_var) {
		mark(flags, own, own_var);
		return;
	}
	/* Without want_auth, which methods have KEY does not matter: an
	 * enabled one has it, so the lookups below would find it. */
	if ((cv || in_enabled) && !u->want_auth)
		return;
	if (cv) {
		mark_cvar_in_methods(u, e, cv);
		return;
	}
	if (mark_in_methods(u, e, key, 0, 0) ||
	    mark_in_methods(u, e, key, 0, 1))
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

/* KEY, read in endpoint E (text that is no placeholder: looked up here). */
static void
mark_endpoint_ref(struct cl_usage *u, const struct cl_endpoint *e,
                  const char *key)
{
	const struct cl_variable *v;

	if (!u->want_auth && !e->variables.n)
		return;
	v = cl_var_list_find(&e->variables, key);
	mark_endpoint_found(u, e, key, v,
	                    v ? NULL : cl_var_list_find(&u->c->variables, key),
	                    0);
}

/* Placeholder P: its key as the model resolved it (P->var, the first
 * variable of the key in P's scope lists, see cl_model_scope_list). The
 * common answers are dealt with here, the rest by mark_endpoint_found. */
static void
mark_placeholder(struct cl_usage *u, const struct cl_placeholder *p)
{
	const struct cl_variable *v = p->var;
	const struct cl_endpoint *e = p->tpl->endpoint;

	if (p->tpl->auth) {
		if (u->want_auth)
			mark_auth_ref(u, p->tpl->auth, p->key, v);
		return;
	}
	if (v && v->scope == CL_SCOPE_ENDPOINT) {
		mark(u->endpoint[e - u->c->endpoints], &e->variables, v);
		return;
	}
	if (!u->want_auth) {
		if (v || !e->variables.n)
			return;
	} else if (v && v->scope == CL_SCOPE_CONNECTOR) {
		/* Most placeholders of an endpoint name a variable that an
		 * earlier one of it (or of an endpoint enabling the same
		 * methods) named: mark_cvar_in_methods would return at its
		 * memo, asked here without the calls. */
		if (u->seen && u->seen != e && cl_same_enables(u->seen, e))
			u->seen = e; /* note_enables: the same stamp */
		if (u->seen == e && u->cvar_hits &&
		    u->cvar_done[v - u->c->variables.items] == u->stamp)
			return;
		mark_cvar_in_methods(u, e, v);
		return;
	}
	/* Nothing, or an auth variable of a method E enables. */
	mark_endpoint_found(u, e, p->key, NULL, NULL, v != NULL);
}

static void
on_ref(void *arg, const char *key)
{
	struct cl_usage *u = arg;

	if (u->self && !strcmp(u->self, key))
		return;
	if (u->cur_auth)
		mark_auth_ref(u, u->cur_auth, key,
		              cl_var_list_find(&u->cur_auth->variables, key));
	else
		mark_endpoint_ref(u, u->cur_endpoint, key);
}

/* 1 when S holds "{{": strchr finds the candidates faster than strstr
 * tests every place (most defaults hold no '{' at all). */
static int
has_open(const char *s)
{
	while ((s = strchr(s, '{')))
		if (*++s == '{')
			return 1;
	return 0;
}

/* Scans the defaults of the own variables in VARS. */
static void
scan_defaults(struct cl_usage *u, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];

		/* No "{{" in the decoded value, none in the source. */
		if (v->is_use || !v->default_value ||
		    !has_open(v->default_value))
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
	size_t na = c->n_auth_methods + 1, ne = c->n_endpoints + 1;
	unsigned char *f;

	memset(u, 0, sizeof(*u));
	u->ctx = ctx;
	u->c = c;
	u->want_auth = want_auth;
	for (i = 0; i < c->n_auth_methods; i++)
		nflags += c->auth_methods[i].variables.n + 1;
	for (i = 0; i < c->n_endpoints; i++)
		nflags += c->endpoints[i].variables.n + 1;
	/* One block, not one allocation per array or list: the arrays of
	 * pointers and stamps first (calloc aligns them), the bytes after. */
	u->auth = cl_calloc(1, (na + ne) * sizeof(*u->auth) +
	                           na * sizeof(*u->seen_by) + na + nflags + 1);
	u->endpoint = u->auth + na;
	u->seen_by = (size_t *)(u->endpoint + ne);
	u->enabled = (unsigned char *)(u->seen_by + na);
	u->flags = f = u->enabled + na;
	for (i = 0; i < c->n_auth_methods; i++) {
		u->auth[i] = f;
		f += c->auth_methods[i].variables.n + 1;
	}
	for (i = 0; i < c->n_endpoints; i++) {
		u->endpoint[i] = f;
		f += c->endpoints[i].variables.n + 1;
	}

	for (i = 0; i < c->n_placeholders; i++)
		mark_placeholder(u, &c->placeholders[i]);
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
			if (opts->items[j].value &&
			    has_open(opts->items[j].value))
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
	free(u->hits);
	free(u->auth); /* the block of every array but HITS' */
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
	 * is CL108's; an invalid key CL114's. Most variables nothing reads
	 * are the platform's: that is asked first. */
	return m->type != CL_AUTH_UNKNOWN && !u->auth[i][j] &&
	       !(v->is_use && !v->target) && !platform_reads(m, k) &&
	       cl_key_valid(k) && cl_var_is_first(&m->variables, v) &&
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
