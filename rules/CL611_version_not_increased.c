/*
 * CL611 version-not-increased
 *
 * Marketplaces and the companies that install a connector tell its
 * releases apart by `version` (format: `connector`). A new version that
 * changes anything (any rule of CL6xx, or any other element or attribute:
 * a label counts) but keeps or lowers the version number, or drops it,
 * ships under the old release's name (rules.md CL6xx). What does not
 * change the connector is not a change: attribute order, whitespace,
 * comments and the order of elements (compat.h, cl_compat_trees_equal).
 * Versions compare as dotted numbers (1.10 > 1.9). With no version in
 * either, there is nothing to compare.
 */
#include "compat.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	const char *was, *now;
	struct cl_diag *diag;

	if (d->removed)
		return;
	was = cl_node_attr_value(old->node, "version");
	now = cl_node_attr_value(c->node, "version");
	if (!was || (now && cl_compat_version_cmp(now, was) > 0))
		return;
	if (cl_compat_trees_equal(old->node, c->node))
		return;
	if (now)
		diag = cl_report(
		    ctx, &cl_rule_CL611, cl_node_attr_span(c->node, "version"),
		    "the connector changed but its version `%s` is "
		    "not greater than the old version `%s`: "
		    "installations cannot tell the releases apart",
		    now, was);
	else
		diag =
		    cl_report(ctx, &cl_rule_CL611, c->node->name_span,
		              "the connector changed and no longer has a "
		              "version (the old one was `%s`): installations "
		              "cannot tell the releases apart",
		              was);
	cl_diff_related(ctx, diag, d, cl_node_attr_span(old->node, "version"),
	                "the old version");
}

const struct cl_rule cl_rule_CL611 = {
	.id = "CL611",
	.slug = "version-not-increased",
	.severity = CL_SEV_WARNING,
	.summary = "the connector changed but its `version` is not greater "
	           "than the old one, or is gone",
	.diff = diff_hook,
	.compat = true,
};
