/*
 * CL607 endpoint-direction-changed
 *
 * Flows are built around what an endpoint does: a `receive` endpoint
 * feeds them data, a `send` endpoint takes their payload (format:
 * `endpoint`). The same id with another `direction` or HTTP `method` turns
 * a read into a write or the reverse under flows that did not change
 * (rules.md CL6xx).
 */
#include "compat.h"

static const char *
direction_name(enum cl_direction dir)
{
	return dir == CL_DIR_RECEIVE ? "receive" : "send";
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
		if (!was)
			continue;
		if (e->direction != was->direction &&
		    e->direction != CL_DIR_UNKNOWN &&
		    was->direction != CL_DIR_UNKNOWN) {
			diag = cl_report(
			    ctx, &cl_rule_CL607,
			    cl_node_attr_span(e->node, "direction"),
			    "endpoint `%s` changed its direction from `%s` to "
			    "`%s`: flows built to %s with it now %s; add a new "
			    "endpoint instead",
			    e->id, direction_name(was->direction),
			    direction_name(e->direction),
			    was->direction == CL_DIR_RECEIVE ? "receive data"
			                                     : "send data",
			    e->direction == CL_DIR_RECEIVE ? "receive"
			                                   : "send");
			cl_diff_related(
			    ctx, diag, d,
			    cl_node_attr_span(was->node, "direction"),
			    "the old direction");
		}
		if (e->method && was->method &&
		    cl_strcasecmp(e->method, was->method)) {
			diag = cl_report(
			    ctx, &cl_rule_CL607,
			    cl_node_attr_span(e->node, "method"),
			    "endpoint `%s` changed its HTTP method from `%s` to "
			    "`%s`: flows that use it now make another request "
			    "than the one they were built for",
			    e->id, was->method, e->method);
			cl_diff_related(ctx, diag, d,
			                cl_node_attr_span(was->node, "method"),
			                "the old method");
		}
	}
}

const struct cl_rule cl_rule_CL607 = {
	.id = "CL607",
	.slug = "endpoint-direction-changed",
	.severity = CL_SEV_ERROR,
	.summary = "the same endpoint id with another `direction` or HTTP "
	           "`method`",
	.diff = diff_hook,
	.compat = true,
};
