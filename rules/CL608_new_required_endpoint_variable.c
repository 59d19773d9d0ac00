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
	size_t i;

	if (d->removed)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_endpoint *was;

		if (!*e->id || !cl_compat_first_endpoint(c, e) ||
		    !(was = cl_compat_endpoint(old, e->id)))
			continue;
		cl_compat_report_demands(ctx, d, &cl_rule_CL608, &e->variables,
		                         &was->variables, was->node, "endpoint",
		                         e->id, "endpoint variable",
		                         "connection shapes built before");
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
