/*
 * CL105: keys are case-sensitive, so a placeholder that matches a variable
 * in its scope only ignoring ASCII case (scope.h) names nothing.
 */
#include "rule.h"
#include "scope.h"

static void
check_placeholder_case(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		if (cl_scope_resolve(&cache, c, p->tpl, p->key, &v) !=
		    CL_RES_CASE)
			continue;
		cl_report(ctx, &cl_rule_CL105, p->span,
		          "placeholder `{{%s}}` differs only in case from "
		          "variable `%s`, and keys are case-sensitive; did you "
		          "mean `{{%s}}`?",
		          p->key, v->key, v->key);
	}
	cl_nearmiss_cache_release(&cache);
}

const struct cl_rule cl_rule_CL105 = {
	.id = "CL105",
	.slug = "placeholder-case-mismatch",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a placeholder whose key matches a variable only ignoring case",
	.check = check_placeholder_case,
};
