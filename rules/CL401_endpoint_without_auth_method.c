/*
 * CL401 endpoint-without-auth-method
 *
 * An endpoint is offered only to instances made with an auth method it
 * enables, so an endpoint that enables none (CL401) or names a method that
 * does not exist (CL402) is unreachable, at least in part.
 */
#include "endpoints.h"
#include "rule.h"

static void
check_endpoint_without_auth(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i;

	/*
	 * With no auth method at all, CL004 says it once. An endpoint whose
	 * only <enable> names an unknown method gets CL402 instead.
	 */
	if (!c->n_auth_methods)
		return;
	cl_for_each_endpoint(e, c, i)
	{
		if (e->n_enables)
			continue;
		if (c->n_auth_methods == 1 && *c->auth_methods[0].id)
			cl_report(ctx, &cl_rule_CL401, e->node->name_span,
			          "endpoint `%s` enables no auth method: no "
			          "instance can use it; add `<enable "
			          "auth-method=\"%s\"/>`",
			          e->id, c->auth_methods[0].id);
		else
			cl_report(ctx, &cl_rule_CL401, e->node->name_span,
			          "endpoint `%s` enables no auth method: no "
			          "instance can use it",
			          e->id);
	}
}

const struct cl_rule cl_rule_CL401 = {
	.id = "CL401",
	.slug = "endpoint-without-auth-method",
	.severity = CL_SEV_ERROR,
	.summary = "an endpoint that enables no auth method",
	.check = check_endpoint_without_auth,
};
