/*
 * CL105: keys are case-sensitive, so a placeholder that matches a variable
 * in its scope only ignoring ASCII case (scope.h) names nothing.
 */
#include "fixes.h"
#include "rule.h"
#include "scope.h"
#include "vars.h"

static void
check_placeholder_case(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;
		struct cl_diag *d;

		if (cl_scope_resolve_placeholder(&cache, c, p, &v) !=
		    CL_RES_CASE)
			continue;
		d = cl_report(ctx, &cl_rule_CL105, p->span,
		              "placeholder `{{%s}}` differs only in case from "
		              "variable `%s`, and keys are case-sensitive; did "
		              "you mean `{{%s}}`?",
		              p->key, v->key, v->key);
		/* The placeholder names nothing as written; with the key's
		 * case it names the one variable it can mean. Byte for byte
		 * only where the key is written as it reads, and with a key
		 * of key characters, which need no escaping in XML. */
		if (cl_fix_span_is(ctx, p->key_span, p->key) &&
		    cl_key_valid(v->key)) {
			cl_fix_new(ctx, d, CL_FIX_SAFE,
			           "replace `{{%s}}` with `{{%s}}`", p->key,
			           v->key);
			cl_fix_edit(ctx, d, p->key_span.start, p->key_span.end,
			            v->key);
		}
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
	.fix = CL_RULE_FIX_SAFE,
};
