/*
 * CL005: a connector needs at least one endpoint, or process flows can do
 * nothing with it.
 */
#include "rule.h"

/* Reported at the <endpoints> element when present, else the root. */
static void
check_no_endpoint(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_node *list = c->endpoints_node;
	struct cl_span span = list ? list->name_span : c->node->name_span;

	if (c->n_endpoints)
		return;
	cl_report(ctx, &cl_rule_CL005, span,
	          "connector `%s` has no endpoint: process flows can do "
	          "nothing with it",
	          c->name);
}

const struct cl_rule cl_rule_CL005 = {
	.id = "CL005",
	.slug = "no-endpoint",
	.severity = CL_SEV_ERROR,
	.summary = "a connector with no endpoint",
	.check = check_no_endpoint,
};
