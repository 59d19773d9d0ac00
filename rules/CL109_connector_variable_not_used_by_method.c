/*
 * CL109: an auth method's placeholder sees only the connector variables
 * the method `use`s (scope.h); one it does not use is asked of no user.
 */
#include "rule.h"
#include "scope.h"

static void
check_not_used_by_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		/* Only an auth method's placeholder resolves to CL_RES_NOT_USED. */
		if (!p->tpl->auth || cl_scope_resolve(&cache, c, p->tpl, p->key,
		                                      &v) != CL_RES_NOT_USED)
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
	.summary =
	    "an auth method referencing a connector variable it does not use",
	.check = check_not_used_by_method,
};
