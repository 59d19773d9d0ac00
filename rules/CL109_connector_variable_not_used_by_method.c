/*
 * CL109: an auth method's placeholder sees only the connector variables
 * the method `use`s (scope.h); one it does not use is asked of no user.
 */
#include <stdlib.h>

#include "fixes.h"
#include "rule.h"
#include "scope.h"
#include "vars.h"

/* The documented order of an auth method's children. */
static const char *const method_order[] = { "url",       "additional-url",
	                                    "variables", "url-params",
	                                    "headers",   "body" };

/*
 * The method asks its users for the connector variable once it `use`s
 * it, and nothing else changes: the `<use>` goes on a line of its own
 * after the last child of the method's `<variables>`, or a new
 * `<variables>` holding it goes where the documented order puts it. Only
 * where the file's layout says exactly how: else no fix.
 */
static void
fix_not_used(struct cl_ctx *ctx, struct cl_diag *d,
             const struct cl_auth_method *m, const char *key)
{
	const struct cl_node *vars = m->variables.node, *last;
	char q, *use;

	if (!d)
		return;
	if (vars ? !cl_fix_can_append(ctx, vars)
	         : !cl_fix_can_insert_child(ctx, m->node, method_order,
	                                    CL_ARRAY_SIZE(method_order),
	                                    "variables"))
		return;
	/* In the quotes of the `use`'s sibling before it. */
	last = vars ? vars->children : NULL;
	while (last && last->next)
		last = last->next;
	q = cl_fix_quote(ctx, last ? last : m->node);
	use = cl_xasprintf("<use variable=%c%s%c/>", q, key, q);
	cl_fix_new(ctx, d, CL_FIX_SAFE, "add `<use variable=\"%s\"/>` to `%s`",
	           key, m->id);
	if (vars)
		cl_fix_append(ctx, d, vars, use);
	else
		cl_fix_insert_child(ctx, d, m->node, method_order,
		                    CL_ARRAY_SIZE(method_order), "variables",
		                    use);
	free(use);
}

static void
check_not_used_by_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;
		struct cl_diag *d;

		/* Only an auth method's placeholder resolves to CL_RES_NOT_USED. */
		if (!p->tpl->auth || cl_scope_resolve_placeholder(
		                         &cache, c, p, &v) != CL_RES_NOT_USED)
			continue;
		d = cl_report(
		    ctx, &cl_rule_CL109, p->span,
		    "auth method `%s` references connector variable "
		    "`%s` without `use`-ing it, so no user is asked for "
		    "it; add `<use variable=\"%s\"/>` to its variables",
		    p->tpl->auth->id, v->key, v->key);
		if (cl_key_valid(v->key))
			fix_not_used(ctx, d, p->tpl->auth, v->key);
	}
	cl_nearmiss_cache_release(&cache);
}

const struct cl_rule cl_rule_CL109 = {
	.id = "CL109",
	.slug = "connector-variable-not-used-by-method",
	.severity = CL_SEV_ERROR,
	.summary =
	    "an auth method referencing a connector variable it does not use",
	.check = check_not_used_by_method,
	.fix = CL_RULE_FIX_SAFE,
};
