/*
 * CL603 endpoint-removed
 *
 * Process-flow connection shapes point at endpoints by id (rules.md
 * CL6xx): when an endpoint id is gone from the new version, every flow
 * that uses it breaks. A likely rename (a near-miss id, or the same name,
 * direction and method) is named: renaming breaks those flows just the
 * same.
 */
#include "compat.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i;

	if (d->removed)
		return;
	for (i = 0; i < old->n_endpoints; i++) {
		const struct cl_endpoint *e = &old->endpoints[i];
		const struct cl_endpoint *to;

		if (!*e->id || !cl_compat_first_endpoint(old, e) ||
		    cl_compat_endpoint(c, e->id))
			continue;
		to = cl_compat_renamed_endpoint(old, c, e);
		cl_compat_report_removed(
		    ctx, d, &cl_rule_CL603,
		    cl_compat_parent_span(c, c->endpoints_node), "endpoint",
		    e->id, e->node, to ? to->node : NULL, to ? to->id : NULL,
		    "Connection shapes that use", "break",
		    "connection shapes that use it break");
	}
}

const struct cl_rule cl_rule_CL603 = {
	.id = "CL603",
	.slug = "endpoint-removed",
	.severity = CL_SEV_ERROR,
	.summary = "an endpoint of the old version is gone: connection shapes "
	           "that use it break",
	.diff = diff_hook,
	.compat = true,
};
