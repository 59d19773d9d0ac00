/*
 * CL104: a placeholder naming no variable in its scope (scope.h) sends
 * nothing; a near key in scope, a connector variable an auth method has
 * yet to use, or a method the endpoint does not enable is named as the
 * likely fix.
 *
 * A placeholder naming a default auth variable that its method lacks
 * (`{{token}}` in a token method without `token`) is the missing
 * variable's finding (CL201, CL206, CL209, CL301, CL302): adding the
 * variable fixes both, so one diagnostic is enough. The same for an
 * endpoint whose every enabled method lacks it.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "config.h"
#include "fixes.h"
#include "nearmiss.h"
#include "rule.h"
#include "scope.h"
#include "vars.h"

/* The key of VARS near KEY (cl_nearmiss), or NULL. */
static const char *
near_in(struct cl_nearmiss_cache *cache, const char *key,
        const struct cl_var_list *vars)
{
	struct cl_nearmiss_index *x = cl_var_key_index(cache, vars);

	return cl_nearmiss_find(key, &x, 1, NULL, NULL);
}

/* "auth method `x`" or "endpoint `y`", into SB. */
static void
describe_owner(struct cl_strbuf *sb, const struct cl_template *tpl)
{
	if (tpl->auth)
		cl_strbuf_addf(sb, "auth method `%s`", tpl->auth->id);
	else
		cl_strbuf_addf(sb, "endpoint `%s`", tpl->endpoint->id);
}

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

/*
 * Variables in scope past which a near key gets no fix: telling whether
 * it is the only near one reads every key in scope, which for each of
 * many placeholders in a huge scope would no longer be linear.
 */
#define FIX_SCOPE_MAX 256

/*
 * Gives D the fix replacing P's key with NEAR when NEAR is the only key
 * in P's scope near it, and the key is written as it reads. Unsafe: the
 * near key is a guess, and the placeholder may name a variable still to
 * be defined.
 */
static void
fix_near(struct cl_ctx *ctx, const struct cl_connector *c,
         const struct cl_placeholder *p, const char *near, struct cl_diag *d)
{
	const struct cl_var_list *l;
	const char **keys = NULL;
	size_t i, j, n = 0, alloc = 0;
	bool ok = true;

	if (!d || !cl_fix_span_is(ctx, p->key_span, p->key) ||
	    !cl_key_valid(near))
		return;
	for (i = 0; ok && (l = cl_scope_list(c, p->tpl, i)); i++) {
		for (j = 0; j < l->n; j++) {
			if (n == FIX_SCOPE_MAX) {
				ok = false;
				break;
			}
			if (!*l->items[j].key)
				continue;
			CL_GROW(keys, n + 1, alloc);
			keys[n++] = l->items[j].key;
		}
	}
	if (ok) {
		const char *only = cl_fix_unique_nearmiss(p->key, keys, n);

		if (only && !strcmp(only, near)) {
			cl_fix_new(ctx, d, CL_FIX_UNSAFE,
			           "replace `{{%s}}` with `{{%s}}`", p->key,
			           near);
			cl_fix_edit(ctx, d, p->key_span.start, p->key_span.end,
			            near);
		}
	}
	free(keys);
}

/* CACHE: the indexes of the variable lists, see cl_var_key_index. */
static void
report_undefined(struct cl_ctx *ctx, const struct cl_connector *c,
                 struct cl_nearmiss_cache *cache,
                 const struct cl_placeholder *p)
{
	const struct cl_var_list *l;
	struct cl_nearmiss_index **scope = NULL;
	const char *near;
	const struct cl_auth_method *other;
	struct cl_diag *d;
	bool near_in_scope = false;
	size_t i, alloc = 0;
	struct cl_strbuf sb = CL_STRBUF_INIT;

	for (i = 0; (l = cl_scope_list(c, p->tpl, i)); i++) {
		CL_GROW(scope, i + 1, alloc);
		scope[i] = cl_var_key_index(cache, l);
	}

	cl_strbuf_addf(&sb,
	               "undefined placeholder `{{%s}}`: no variable `%s` "
	               "is in scope for ",
	               p->key, p->key);
	describe_owner(&sb, p->tpl);
	if ((near = cl_nearmiss_find(p->key, scope, i, NULL, NULL))) {
		cl_strbuf_addf(&sb, "; did you mean `%s`?", near);
		near_in_scope = true;
	}
	/* An auth method may mean a connector variable it has yet to use. */
	else if (p->tpl->auth && (near = near_in(cache, p->key, &c->variables)))
		cl_strbuf_addf(&sb,
		               "; did you mean connector variable `%s` "
		               "(which the method must also `use`)?",
		               near);
	else if ((other = other_method_with(c, p->tpl, p->key)))
		cl_strbuf_addf(&sb,
		               "; auth method `%s` defines it, but this "
		               "endpoint does not enable that method",
		               other->id);
	d = cl_report(ctx, &cl_rule_CL104, p->span, "%s", cl_strbuf_str(&sb));
	if (near_in_scope)
		fix_near(ctx, c, p, near, d);

	cl_strbuf_release(&sb);
	free(scope);
}

/* 1 when P names a default auth variable that every method it belongs to
 * lacks: its own method, or each method its endpoint enables. */
static int
missing_default(const struct cl_placeholder *p)
{
	const struct cl_endpoint *e = p->tpl->endpoint;
	size_t i, n = 0;

	if (p->tpl->auth)
		return cl_auth_lacks_default(p->tpl->auth, p->key);
	for (i = 0; i < e->n_enables; i++) {
		const struct cl_auth_method *m = e->enables[i].target;

		if (!m)
			continue;
		if (!cl_auth_lacks_default(m, p->key))
			return 0;
		n++;
	}
	return n > 0;
}

static void
check_undefined_placeholder(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		/* Keys the platform fills in itself (configuration). */
		if (cl_scope_resolve_placeholder(&cache, c, p, &v) ==
		        CL_RES_UNDEFINED &&
		    !cl_ctx_platform_placeholder(ctx, p->key) &&
		    !missing_default(p))
			report_undefined(ctx, c, &cache, p);
	}
	cl_nearmiss_cache_release(&cache);
}

const struct cl_rule cl_rule_CL104 = {
	.id = "CL104",
	.slug = "undefined-placeholder",
	.severity = CL_SEV_ERROR,
	.summary = "a placeholder naming no variable in scope",
	.check = check_undefined_placeholder,
	.fix = CL_RULE_FIX_UNSAFE,
};
