/*
 * CL612 connector-renamed
 *
 * A connector's `name` is unique in a marketplace, and users and
 * marketplaces identify the connector by it (format: `connector`). A new
 * name makes the update look like another connector (rules.md CL6xx).
 */
#include <string.h>

#include "compat.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	struct cl_diag *diag;

	if (d->removed || !strcmp(old->name, c->name))
		return;
	diag =
	    cl_report(ctx, &cl_rule_CL612, cl_node_attr_span(c->node, "name"),
	              "the connector was renamed from `%s` to `%s`: "
	              "marketplaces and users identify it by name",
	              old->name, c->name);
	cl_diff_related(ctx, diag, d, cl_node_attr_span(old->node, "name"),
	                "the old name");
}

const struct cl_rule cl_rule_CL612 = {
	.id = "CL612",
	.slug = "connector-renamed",
	.severity = CL_SEV_WARNING,
	.summary = "the connector's `name` changed",
	.diff = diff_hook,
	.compat = true,
};
