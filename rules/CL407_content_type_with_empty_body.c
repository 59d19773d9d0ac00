/*
 * CL407 content-type-with-empty-body
 *
 * The platform: "To send an empty body, no Content-Type header must be
 * set." Only the endpoint's own header: one inherited from an auth method
 * is that method's business (CL307 checks OAuth 2 methods' headers). Not
 * in a webhook connector, where the platform wants a Content-Type on every
 * endpoint (CL409). Whether an endpoint sends no body is
 * cl_endpoint_sends_no_body (endpoints.h), which the rules that defer to
 * this one ask too.
 */
#include "endpoints.h"
#include "rule.h"

static void
check_content_type_empty_body(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i, j;

	if (c->webhook)
		return;
	cl_for_each_endpoint(e, c, i)
	{
		int explicit_none;

		if (!cl_endpoint_sends_no_body(e))
			continue;
		explicit_none = e->body.node && e->body.format_given &&
		                e->body.format == CL_BODY_NONE;
		for (j = 0; j < e->headers.n; j++) {
			const struct cl_param *p = &e->headers.items[j];
			struct cl_diag *d;

			if (!cl_is_content_type(p))
				continue;
			if (explicit_none) {
				d = cl_report(ctx, &cl_rule_CL407,
				              cl_node_attr_span(p->node, "key"),
				              "endpoint `%s` sends no body "
				              "(`format=\"none\"`) but sets "
				              "`%s`: an empty body must not "
				              "carry a Content-Type; remove "
				              "the header",
				              e->id, p->key);
				cl_report_related(
				    ctx, d,
				    cl_node_attr_span(e->body.node, "format"),
				    "body format given here");
			} else {
				cl_report(ctx, &cl_rule_CL407,
				          cl_node_attr_span(p->node, "key"),
				          "receive endpoint `%s` sends no body "
				          "but sets `%s`: an empty body must "
				          "not carry a Content-Type; remove "
				          "the header",
				          e->id, p->key);
			}
		}
	}
}

const struct cl_rule cl_rule_CL407 = {
	.id = "CL407",
	.slug = "content-type-with-empty-body",
	.severity = CL_SEV_WARNING,
	.summary =
	    "an endpoint's own `Content-Type` header when it sends no body",
	.check = check_content_type_empty_body,
};
