/*
 * CL610 data-type-changed
 *
 * Field mappings in flows are built on the shape of what an endpoint
 * returns or takes: its `data-type` (default json), and for a raw body
 * its body `data-type` (format: `endpoint`, `body`). When either changes,
 * existing mappings expect the old shape (rules.md CL6xx). Only the
 * effective type counts: writing the default out is no change.
 */
#include "compat.h"

static const char *
data_type_name(enum cl_data_type t)
{
	static const char *const names[] = { "json", "xml", "csv", "txt" };

	return t < CL_DATA_UNKNOWN ? names[t] : "?";
}

/* A body without a data-type of its own is taken to carry the
 * endpoint's. */
static const char *
body_type(const struct cl_endpoint *e)
{
	return e->body.data_type ? e->body.data_type
	                         : data_type_name(e->data_type);
}

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
		struct cl_diag *diag;

		if (!*e->id || !cl_compat_first_endpoint(c, e))
			continue;
		was = cl_compat_endpoint(old, e->id);
		if (!was || was->data_type == CL_DATA_UNKNOWN ||
		    e->data_type == CL_DATA_UNKNOWN)
			continue;
		if (was->data_type != e->data_type) {
			diag = cl_report(
			    ctx, &cl_rule_CL610,
			    cl_node_attr_span(e->node, "data-type"),
			    "endpoint `%s` changed its data type from `%s` to "
			    "`%s`: field mappings in flows expect the old shape",
			    e->id, data_type_name(was->data_type),
			    data_type_name(e->data_type));
			cl_diff_related(
			    ctx, diag, d,
			    cl_node_attr_span(was->node, "data-type"),
			    "the old data type");
			continue;
		}
		if (!e->body.node || !was->body.node ||
		    !cl_strcasecmp(body_type(e), body_type(was)))
			continue;
		diag = cl_report(
		    ctx, &cl_rule_CL610,
		    cl_node_attr_span(e->body.node, "data-type"),
		    "the body of endpoint `%s` changed its data type from `%s` "
		    "to `%s`: field mappings in flows expect the old shape",
		    e->id, body_type(was), body_type(e));
		cl_diff_related(ctx, diag, d,
		                cl_node_attr_span(was->body.node, "data-type"),
		                "the old body data type");
	}
}

const struct cl_rule cl_rule_CL610 = {
	.id = "CL610",
	.slug = "data-type-changed",
	.severity = CL_SEV_WARNING,
	.summary = "an endpoint's `data-type` (or body `data-type`) changed",
	.diff = diff_hook,
	.compat = true,
};
