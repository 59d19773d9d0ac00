/*
 * Variable and placeholder rules (CL101, CL104-CL109).
 *
 * Scopes, as the format spec defines them: a placeholder in an auth method
 * sees that method's auth variables, including the connector variables it
 * `use`s; a placeholder in an endpoint sees the endpoint's variables, the
 * connector variables and the auth variables of every method it enables.
 * A key is looked up exactly first (keys are case-sensitive), then
 * ignoring ASCII case, which is CL105 rather than CL104.
 */
#include <stdlib.h>
#include <string.h>

#include "authvars.h"
#include "config.h"
#include "nearmiss.h"
#include "placeholder.h"
#include "rule.h"

/* ---- resolving a placeholder in its scope ---- */

enum resolved {
	RES_FOUND,     /* an exact key in scope */
	RES_CASE,      /* only a key differing in case is in scope */
	RES_NOT_USED,  /* auth method: a connector variable it does not use */
	RES_UNDEFINED
};

/*
 * The near-miss index of VARS' keys (an empty key is never a candidate),
 * built on first use and kept in CACHE (owned by the caller, who releases
 * it when the rule is done). Looking a placeholder up by scanning every
 * variable made a file of many placeholders and many variables quadratic
 * (issue 16, B12).
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

/* The key of VARS near KEY (cl_nearmiss), or NULL. */
static const char *near_in(struct cl_nearmiss_cache *cache, const char *key,
                           const struct cl_var_list *vars)
{
	struct cl_nearmiss_index *x = key_index(cache, vars);

	return cl_nearmiss_find(key, &x, 1, NULL, NULL);
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

/* Stands in for the variables of an enabled method that does not exist. */
static const struct cl_var_list no_vars;

/*
 * The I-th variable list a placeholder of TPL can see, most specific
 * first: the method's own; or the endpoint's, the connector's, then those
 * of each method the endpoint enables. NULL past the last.
 */
static const struct cl_var_list *scope_list(const struct cl_connector *c,
                                            const struct cl_template *tpl,
                                            size_t i)
{
	const struct cl_endpoint *e = tpl->endpoint;

	if (tpl->auth)
		return i == 0 ? &tpl->auth->variables : NULL;
	if (!e)
		BUG("template without an owner");
	if (i == 0)
		return &e->variables;
	if (i == 1)
		return &c->variables;
	if (i - 2 >= e->n_enables)
		return NULL;
	return e->enables[i - 2].target ? &e->enables[i - 2].target->variables
					: &no_vars;
}

/*
 * Looks KEY up from TPL. *VAR is the variable found: the exact one, the
 * case-different one (RES_CASE) or the connector variable an auth method
 * forgot to use (RES_NOT_USED); NULL for RES_UNDEFINED. CACHE holds the
 * indexes for lookups ignoring case.
 */
static enum resolved resolve(struct cl_nearmiss_cache *cache,
                             const struct cl_connector *c,
                             const struct cl_template *tpl, const char *key,
                             const struct cl_variable **var)
{
	const struct cl_var_list *l;
	size_t i;

	*var = NULL;
	for (i = 0; (l = scope_list(c, tpl, i)); i++)
		if ((*var = cl_var_list_find(l, key)))
			return RES_FOUND;
	if (tpl->auth && (*var = cl_var_list_find(&c->variables, key)))
		return RES_NOT_USED;
	for (i = 0; (l = scope_list(c, tpl, i)); i++)
		if ((*var = find_case(cache, l, key)))
			return RES_CASE;
	return RES_UNDEFINED;
}

/* The connector variable V stands for (itself, or a use's target). */
static const struct cl_variable *connector_var(const struct cl_variable *v)
{
	if (!v)
		return NULL;
	if (v->is_use)
		return v->target;
	return v->scope == CL_SCOPE_CONNECTOR ? v : NULL;
}

/* "auth method `x`" or "endpoint `y`", into SB. */
static void describe_owner(struct cl_strbuf *sb, const struct cl_template *tpl)
{
	if (tpl->auth)
		cl_strbuf_addf(sb, "auth method `%s`", tpl->auth->id);
	else
		cl_strbuf_addf(sb, "endpoint `%s`", tpl->endpoint->id);
}

/* ---- CL101 ---- */

static void check_unused_connector_variable(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	unsigned char *seen;
	size_t i, j;

	if (!c || !c->variables.n)
		return;
	seen = cl_calloc(c->variables.n, 1);

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_var_list *vars = &c->auth_methods[i].variables;

		for (j = 0; j < vars->n; j++) {
			const struct cl_variable *t = vars->items[j].is_use
				? vars->items[j].target : NULL;

			if (t)
				seen[t - c->variables.items] = 1;
		}
	}
	/*
	 * A placeholder that names the variable counts even when CL105 or
	 * CL109 reports it: once that is fixed the variable is in use, so
	 * calling it unused as well would only add noise.
	 */
	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		resolve(&cache, c, p->tpl, p->key, &v);
		if ((v = connector_var(v)))
			seen[v - c->variables.items] = 1;
	}
	cl_nearmiss_cache_release(&cache);

	/* Lookups return the first variable of a key, so only firsts are
	 * marked; a later duplicate is CL107's to report. */
	for (i = 0; i < c->variables.n; i++) {
		const struct cl_variable *v = &c->variables.items[i];

		if (seen[i] || !*v->key ||
		    cl_var_list_find(&c->variables, v->key) != v)
			continue;
		cl_report(ctx, &cl_rule_CL101, cl_var_key_span(v),
			  "connector variable `%s` is used by no auth method "
			  "and referenced by no placeholder: no user is asked "
			  "for it and nothing reads it", v->key);
	}
	free(seen);
}

const struct cl_rule cl_rule_CL101 = {
	.id = "CL101",
	.slug = "unused-connector-variable",
	.severity = CL_SEV_WARNING,
	.summary = "a connector variable that nothing uses or references",
	.check = check_unused_connector_variable,
};

/* ---- CL104 ---- */

/* The first auth method not enabled by TPL's endpoint that defines KEY. */
static const struct cl_auth_method *
other_method_with(const struct cl_connector *c, const struct cl_template *tpl,
                  const char *key)
{
	size_t i, j;

	if (!tpl->endpoint)
		return NULL;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		int enabled = 0;

		for (j = 0; j < tpl->endpoint->n_enables; j++)
			if (tpl->endpoint->enables[j].target == m)
				enabled = 1;
		if (!enabled && cl_var_list_find(&m->variables, key))
			return m;
	}
	return NULL;
}

/* CACHE: the indexes of the variable lists, see key_index. */
static void report_undefined(struct cl_ctx *ctx, struct cl_nearmiss_cache *cache,
                             const struct cl_placeholder *p)
{
	const struct cl_connector *c = ctx->model;
	const struct cl_var_list *l;
	struct cl_nearmiss_index **scope = NULL;
	const char *near;
	const struct cl_auth_method *other;
	size_t i, alloc = 0;
	struct cl_strbuf sb = CL_STRBUF_INIT;

	for (i = 0; (l = scope_list(c, p->tpl, i)); i++) {
		CL_GROW(scope, i + 1, alloc);
		scope[i] = key_index(cache, l);
	}

	cl_strbuf_addf(&sb, "undefined placeholder `{{%s}}`: no variable `%s` "
		       "is in scope for ", p->key, p->key);
	describe_owner(&sb, p->tpl);
	if ((near = cl_nearmiss_find(p->key, scope, i, NULL, NULL)))
		cl_strbuf_addf(&sb, "; did you mean `%s`?", near);
	/* An auth method may mean a connector variable it has yet to use. */
	else if (p->tpl->auth &&
		 (near = near_in(cache, p->key, &c->variables)))
		cl_strbuf_addf(&sb, "; did you mean connector variable `%s` "
			       "(which the method must also `use`)?", near);
	else if ((other = other_method_with(c, p->tpl, p->key)))
		cl_strbuf_addf(&sb, "; auth method `%s` defines it, but this "
			       "endpoint does not enable that method",
			       other->id);
	cl_report(ctx, &cl_rule_CL104, p->span, "%s", cl_strbuf_str(&sb));

	cl_strbuf_release(&sb);
	free(scope);
}

static void check_undefined_placeholder(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		/* Keys the platform fills in itself (configuration). */
		if (resolve(&cache, c, p->tpl, p->key, &v) == RES_UNDEFINED &&
		    !cl_ctx_platform_placeholder(ctx, p->key))
			report_undefined(ctx, &cache, p);
	}
	cl_nearmiss_cache_release(&cache);
}

const struct cl_rule cl_rule_CL104 = {
	.id = "CL104",
	.slug = "undefined-placeholder",
	.severity = CL_SEV_ERROR,
	.summary = "a placeholder naming no variable in scope",
	.check = check_undefined_placeholder,
};

/* ---- CL105 ---- */

static void check_placeholder_case(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		if (resolve(&cache, c, p->tpl, p->key, &v) != RES_CASE)
			continue;
		cl_report(ctx, &cl_rule_CL105, p->span,
			  "placeholder `{{%s}}` differs only in case from "
			  "variable `%s`, and keys are case-sensitive; did you "
			  "mean `{{%s}}`?", p->key, v->key, v->key);
	}
	cl_nearmiss_cache_release(&cache);
}

const struct cl_rule cl_rule_CL105 = {
	.id = "CL105",
	.slug = "placeholder-case-mismatch",
	.severity = CL_SEV_ERROR,
	.summary = "a placeholder whose key matches a variable only ignoring case",
	.check = check_placeholder_case,
};

/* ---- CL106 ---- */

/* Longest excerpt of a malformed placeholder quoted in a message. */
#define EXCERPT_MAX 60

static int is_key_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
}

static void report_malformed(struct cl_ctx *ctx, const struct cl_template *tpl,
                             const struct cl_placeholder_match *m, int single)
{
	const char *s = ctx->buf + tpl->span.start;
	const char *key = s + m->key_start;
	int keylen = (int)(m->key_end - m->key_start > EXCERPT_MAX
				   ? EXCERPT_MAX : m->key_end - m->key_start);
	size_t i, shown = m->end - m->start;
	int valid_key = keylen > 0;
	struct cl_span span;
	const char *ellipsis = "";

	span.start = tpl->span.start + (uint32_t)m->start;
	span.end = tpl->span.start + (uint32_t)m->end;
	if (shown > EXCERPT_MAX) {
		/* Cut on a character boundary, not inside a UTF-8 sequence. */
		shown = EXCERPT_MAX;
		while (shown &&
		       ((unsigned char)s[m->start + shown] & 0xC0) == 0x80)
			shown--;
		ellipsis = "…";
	}
	for (i = m->key_start; i < m->key_end; i++)
		if (!is_key_char((unsigned char)s[i]))
			valid_key = 0;

	if (single)
		cl_report(ctx, &cl_rule_CL106, span,
			  "`%.*s%s` in a URL is not a placeholder; did you "
			  "mean `{{%.*s}}`?", (int)shown, s + m->start,
			  ellipsis, keylen, key);
	else if (!keylen)
		cl_report(ctx, &cl_rule_CL106, span,
			  "empty placeholder `%.*s%s`: a placeholder names a "
			  "variable, as in `{{key}}`", (int)shown, s + m->start,
			  ellipsis);
	else if (!valid_key)
		cl_report(ctx, &cl_rule_CL106, span,
			  "malformed placeholder `%.*s%s`: a key has only "
			  "letters, digits, `_`, `-` and `.`, with no spaces",
			  (int)shown, s + m->start, ellipsis);
	else
		cl_report(ctx, &cl_rule_CL106, span,
			  "malformed placeholder `%.*s%s`: a placeholder is "
			  "written `{{key}}`, two braces each side and no "
			  "spaces; did you mean `{{%.*s}}`?", (int)shown,
			  s + m->start, ellipsis, keylen, key);
}

static void check_malformed_placeholder(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_templates; i++) {
		const struct cl_template *tpl = &c->templates[i];
		const char *s = ctx->buf + tpl->span.start;
		size_t len = tpl->span.end - tpl->span.start, pos = 0;
		struct cl_placeholder_match m;

		while (cl_placeholder_next_malformed(s, len, &pos, &m))
			report_malformed(ctx, tpl, &m, 0);
		/* Braces are not URL characters, so "{id}" is never literal
		 * there; in a body it may be. */
		if (tpl->kind != CL_TPL_URL &&
		    tpl->kind != CL_TPL_ADDITIONAL_URL)
			continue;
		pos = 0;
		while (cl_placeholder_next_single(s, len, &pos, &m))
			report_malformed(ctx, tpl, &m, 1);
	}
}

const struct cl_rule cl_rule_CL106 = {
	.id = "CL106",
	.slug = "malformed-placeholder",
	.severity = CL_SEV_ERROR,
	.summary = "text that looks like a placeholder but is not one",
	.check = check_malformed_placeholder,
};

/* ---- CL107 ---- */

struct key_ref {
	const struct cl_variable *var;
	size_t index;
};

static int cmp_key_ref(const void *pa, const void *pb)
{
	const struct key_ref *a = pa, *b = pb;
	int d = strcmp(a->var->key, b->var->key);

	if (d)
		return d;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * Reports every later occurrence of a key in VARS, pointing back to the
 * first. Sorting by (key, document order) keeps large lists n log n.
 */
static void check_list_duplicates(struct cl_ctx *ctx,
                                  const struct cl_var_list *vars,
                                  const char *where, const char *name)
{
	struct key_ref *refs;
	size_t i, n = 0, first = 0;

	if (vars->n < 2)
		return;
	refs = cl_malloc(vars->n * sizeof(*refs));
	/* A missing key reads as "" and is CL002's to report. */
	for (i = 0; i < vars->n; i++)
		if (*vars->items[i].key)
			refs[n++] = (struct key_ref){ &vars->items[i], i };
	qsort(refs, n, sizeof(*refs), cmp_key_ref);
	for (i = 1; i < n; i++) {
		const struct cl_variable *v = refs[i].var, *f = refs[first].var;
		struct cl_diag *d;

		if (strcmp(v->key, f->key)) {
			first = i;
			continue;
		}
		d = cl_report(ctx, &cl_rule_CL107, cl_var_key_span(v),
			      "variable key `%s` appears twice in %s%s%s%s%s",
			      v->key, where, name ? " `" : "", name ? name : "",
			      name ? "`" : "",
			      v->is_use || f->is_use
				      ? " (a `use` counts as a variable of its "
					"method)" : "");
		cl_report_related(ctx, d, cl_var_key_span(f),
				  "`%s` first %s here", f->key,
				  f->is_use ? "used" : "defined");
	}
	free(refs);
}

static void check_duplicate_variable_key(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_list_duplicates(ctx, &c->variables, "the connector variables",
			      NULL);
	for (i = 0; i < c->n_auth_methods; i++)
		check_list_duplicates(ctx, &c->auth_methods[i].variables,
				      "auth method", c->auth_methods[i].id);
	for (i = 0; i < c->n_endpoints; i++)
		check_list_duplicates(ctx, &c->endpoints[i].variables,
				      "endpoint", c->endpoints[i].id);
}

const struct cl_rule cl_rule_CL107 = {
	.id = "CL107",
	.slug = "duplicate-variable-key",
	.severity = CL_SEV_ERROR,
	.summary = "two variables with the same key in one scope",
	.check = check_duplicate_variable_key,
};

/* ---- CL108 ---- */

static void check_use_of_undefined(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_index *index = NULL;
	const char **cands;
	size_t i, j;

	cands = cl_malloc((c->variables.n + 1) * sizeof(*cands));
	for (i = 0; i < c->variables.n; i++)
		cands[i] = c->variables.items[i].key;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			const char *near;

			if (!v->is_use || v->target || !*v->key)
				continue;
			/* Indexed once, at the first: there may be as many
			 * uses as variables. */
			if (!index)
				index = cl_nearmiss_index_new(cands, c->variables.n);
			near = cl_nearmiss_find(v->key, &index, 1, NULL, NULL);
			cl_report(ctx, &cl_rule_CL108, cl_var_key_span(v),
				  "auth method `%s` uses `%s`, but there is no "
				  "connector variable `%s`%s%s%s", m->id,
				  v->key, v->key,
				  near ? "; did you mean `" : "",
				  near ? near : "", near ? "`?" : "");
		}
	}
	cl_nearmiss_index_free(index);
	free(cands);
}

const struct cl_rule cl_rule_CL108 = {
	.id = "CL108",
	.slug = "use-of-undefined-variable",
	.severity = CL_SEV_ERROR,
	.summary = "a use of a connector variable that does not exist",
	.check = check_use_of_undefined,
};

/* ---- CL109 ---- */

static void check_not_used_by_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		/* Only an auth method's placeholder resolves to RES_NOT_USED. */
		if (!p->tpl->auth ||
		    resolve(&cache, c, p->tpl, p->key, &v) != RES_NOT_USED)
			continue;
		cl_report(ctx, &cl_rule_CL109, p->span,
			  "auth method `%s` references connector variable "
			  "`%s` without `use`-ing it, so no user is asked for "
			  "it; add `<use variable=\"%s\"/>` to its variables",
			  p->tpl->auth->id, v->key, v->key);
	}
	cl_nearmiss_cache_release(&cache);
}

const struct cl_rule cl_rule_CL109 = {
	.id = "CL109",
	.slug = "connector-variable-not-used-by-method",
	.severity = CL_SEV_ERROR,
	.summary = "an auth method referencing a connector variable it does not use",
	.check = check_not_used_by_method,
};
