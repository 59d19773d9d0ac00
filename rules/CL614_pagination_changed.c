/*
 * CL614 pagination-changed
 *
 * Flows page through an endpoint's results by its pagination `method`
 * (format: `pagination`). Another method may fetch more or fewer records
 * than the flows were built for (rules.md CL6xx): worth a look, not
 * necessarily wrong, hence info. No pagination is the method `none`.
 */
#include <string.h>

#include "compat.h"

static const char *
method_of(const struct cl_endpoint *e)
{
	return e->pagination.method ? e->pagination.method : "none";
}

/* Where E's pagination method is written, else its pagination element,
 * else the endpoint. */
static struct cl_span
where(const struct cl_endpoint *e)
{
	if (e->pagination.node)
		return cl_node_attr_span(e->pagination.node, "method");
	return e->node->name_span;
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
		if (!was || !strcmp(method_of(was), method_of(e)))
			continue;
		diag =
		    cl_report(ctx, &cl_rule_CL614, where(e),
		              "endpoint `%s` changed its pagination from `%s` "
		              "to `%s`: flows that page through its results "
		              "may fetch a different number of records",
		              e->id, method_of(was), method_of(e));
		cl_diff_related(ctx, diag, d, where(was), "the old pagination");
	}
}

const struct cl_rule cl_rule_CL614 = {
	.id = "CL614",
	.slug = "pagination-changed",
	.severity = CL_SEV_INFO,
	.summary = "an endpoint's pagination `method` changed",
	.diff = diff_hook,
	.compat = true,
};
