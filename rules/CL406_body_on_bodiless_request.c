/*
 * CL406 body-on-bodiless-request
 *
 * A GET, HEAD or OPTIONS request has no defined body semantics (RFC 9110
 * §9.3.1, §9.3.2, §9.3.7): servers may reject it and proxies drop it. A
 * body with format="none" sends nothing; CL412 reports its params.
 */
#include "endpoints.h"
#include "rule.h"

static void
check_bodiless_request(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	static const char *const bodiless[] = { "GET", "HEAD", "OPTIONS",
		                                NULL };
	size_t i;

	cl_for_each_endpoint(e, c, i)
	{
		const struct cl_body *b = &e->body;
		struct cl_diag *d;

		/* The body first: most endpoints without one are the
		 * bodiless requests, and need no look at the method. */
		if (!b->node || !cl_body_has_payload(b) ||
		    (b->format_given && b->format == CL_BODY_NONE) ||
		    !e->method || !cl_method_in(e->method, bodiless))
			continue;
		if (b->params.n)
			d = cl_report(ctx, &cl_rule_CL406, b->node->name_span,
			              "endpoint `%s` is a `%s` request but has "
			              "%zu body param%s: a %s request carries "
			              "no body; send %s as `url-params`, or "
			              "use POST",
			              e->id, e->method, b->params.n,
			              b->params.n == 1 ? "" : "s", e->method,
			              b->params.n == 1 ? "it" : "them");
		else
			d = cl_report(ctx, &cl_rule_CL406, b->node->name_span,
			              "endpoint `%s` is a `%s` request but has "
			              "body content: a %s request carries no "
			              "body; remove it, or use POST",
			              e->id, e->method, e->method);
		cl_report_related(ctx, d, cl_node_attr_span(e->node, "method"),
		                  "method given here");
	}
}

const struct cl_rule cl_rule_CL406 = {
	.id = "CL406",
	.slug = "body-on-bodiless-request",
	.severity = CL_SEV_WARNING,
	.summary = "body params or content on GET, HEAD or OPTIONS",
	.check = check_bodiless_request,
};
