/*
 * CL004: a connector needs at least one auth method, or no one can add an
 * instance of it.
 */
#include "rule.h"

/* Reported at the <auth-methods> element when present, else the root. */
static void
check_no_auth_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_node *list = c->auth_methods_node;
	struct cl_span span = list ? list->name_span : c->node->name_span;

	if (c->n_auth_methods)
		return;
	cl_report(ctx, &cl_rule_CL004, span,
	          "connector `%s` has no auth method: no one can add an "
	          "instance of it",
	          c->name);
}

const struct cl_rule cl_rule_CL004 = {
	.id = "CL004",
	.slug = "no-auth-method",
	.severity = CL_SEV_ERROR,
	.summary = "a connector with no auth method",
	.check = check_no_auth_method,
};
