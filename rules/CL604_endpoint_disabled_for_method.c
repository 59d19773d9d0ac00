/*
 * CL604 endpoint-disabled-for-method
 *
 * An endpoint is offered only to instances made with an auth method it
 * enables (format: `endpoint`). When an endpoint of both versions no
 * longer enables a method that still exists, the instances of that method
 * lose the endpoint, and the flows they run with it break. A method that
 * is gone is CL601's, an endpoint that is gone CL603's.
 */
#include <string.h>

#include "compat.h"

static bool
enables(const struct cl_endpoint *e, const char *id)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++)
		if (!strcmp(e->enables[i].auth_method, id))
			return true;
	return false;
}

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i, j, k;

	if (d->removed)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_endpoint *was;

		if (!*e->id || !cl_compat_first_endpoint(c, e))
			continue;
		was = cl_compat_endpoint(old, e->id);
		for (j = 0; was && j < was->n_enables; j++) {
			const struct cl_enable *en = &was->enables[j];
			struct cl_diag *diag;
			bool seen = false;

			for (k = 0; k < j; k++)
				seen |= !strcmp(was->enables[k].auth_method,
				                en->auth_method);
			if (seen || !en->target ||
			    !cl_model_auth_method(c, en->auth_method) ||
			    enables(e, en->auth_method))
				continue;
			diag = cl_report(
			    ctx, &cl_rule_CL604, e->node->name_span,
			    "endpoint `%s` no longer enables auth method `%s`: "
			    "instances created with `%s` lose it, and their "
			    "flows that use it break",
			    e->id, en->auth_method, en->auth_method);
			cl_diff_related(
			    ctx, diag, d,
			    cl_node_attr_span(en->node, "auth-method"),
			    "enabled here in the old version");
		}
	}
}

const struct cl_rule cl_rule_CL604 = {
	.id = "CL604",
	.slug = "endpoint-disabled-for-method",
	.severity = CL_SEV_ERROR,
	.summary = "an endpoint no longer enables an auth method it enabled "
	           "(the method still exists)",
	.diff = diff_hook,
	.compat = true,
};
