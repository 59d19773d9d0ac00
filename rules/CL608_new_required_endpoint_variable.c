/*
 * CL608 new-required-endpoint-variable
 *
 * Connection shapes in process flows fill in an endpoint's variables
 * (format: `endpoint`, `variables`). An endpoint of both versions that
 * gains a variable that is required and has no default, or whose variable
 * becomes required without a default, breaks every shape built before:
 * none of them holds a value for it (rules.md CL6xx).
 */
#include "compat.h"
#include "vars.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i, j;

	if (d->removed)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_endpoint *was;

		if (!*e->id || !cl_compat_first_endpoint(c, e))
			continue;
		was = cl_compat_endpoint(old, e->id);
		for (j = 0; was && j < e->variables.n; j++) {
			const struct cl_variable *v = &e->variables.items[j];
			const struct cl_variable *ov;
			struct cl_diag *diag;
			struct cl_span at = cl_var_key_span(v);

			if (!*v->key || !cl_var_is_first(&e->variables, v) ||
			    !cl_compat_var_demands(v))
				continue;
			ov = cl_var_list_find(&was->variables, v->key);
			if (ov && cl_compat_var_demands(ov))
				continue;
			if (!ov) {
				diag = cl_report(
				    ctx, &cl_rule_CL608, at,
				    "endpoint `%s` gains endpoint variable `%s`, "
				    "required and without a default: connection "
				    "shapes built before hold no value for it; "
				    "give it a default or make it optional",
				    e->id, v->key);
				cl_diff_related(
				    ctx, diag, d,
				    cl_compat_parent_span(
				        old, was->variables.node
				                 ? was->variables.node
				                 : was->node),
				    "endpoint `%s` in the old version has no `%s`",
				    e->id, v->key);
				continue;
			}
			if (!ov->required && cl_node_attr(v->node, "required"))
				at = cl_node_attr_span(v->node, "required");
			diag = cl_report(
			    ctx, &cl_rule_CL608, at,
			    "endpoint variable `%s` of endpoint `%s` is now "
			    "required without a default (it %s): connection "
			    "shapes built before hold no value for it",
			    v->key, e->id,
			    ov->required ? "had a default" : "was optional");
			cl_diff_related(ctx, diag, d, cl_var_key_span(ov),
			                "%s in the old version",
			                ov->required ? "with a default"
			                             : "optional");
		}
	}
}

const struct cl_rule cl_rule_CL608 = {
	.id = "CL608",
	.slug = "new-required-endpoint-variable",
	.severity = CL_SEV_ERROR,
	.summary = "an endpoint gains a required endpoint variable without a "
	           "default, or one becomes required without a default",
	.diff = diff_hook,
	.compat = true,
};
