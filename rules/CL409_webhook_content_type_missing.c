/*
 * CL409 webhook-content-type-missing
 *
 * Platform: "Webhook connectors must include a content-type header." The
 * endpoint's own, or one inherited from every method it enables (an
 * instance made with a method that sends none would send none). An
 * optional header (required="false") is not sent unless a user fills it
 * in, so it does not count.
 *
 * What an endpoint inherits (format spec, `auth-method`): the `headers`
 * and `body` params of every auth method it enables are sent on its
 * requests too, an own param with the same key overriding the inherited
 * one; `<headers automatic="false">` turns the inherited headers off (and
 * every other header the platform would add), not the inherited body.
 * An endpoint used by several methods inherits something for sure only
 * when every one of them sends it, so the rules that reason about
 * inheritance (CL408, CL409) look at all the endpoint's resolved methods;
 * an `<enable>` naming no method (CL402) reaches no instance and is left
 * out.
 */
#include "endpoints.h"
#include "rule.h"

/* A header that is always sent with a value: Content-Type, required, with a
 * non-empty value. */
static const struct cl_param *
sent_content_type(const struct cl_param_list *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct cl_param *p = &h->items[i];

		if (cl_is_content_type(p) && p->required && p->value &&
		    *p->value)
			return p;
	}
	return NULL;
}

static void
check_webhook_content_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i, j;

	if (!c->webhook)
		return;
	cl_for_each_endpoint(e, c, i)
	{
		const struct cl_param *inherited = NULL, *any = NULL;
		const struct cl_auth_method *from = NULL, *lacking = NULL;
		struct cl_span at;
		struct cl_diag *d;

		if (sent_content_type(&e->headers))
			continue;
		for (j = 0; j < e->n_enables; j++) {
			const struct cl_auth_method *m = e->enables[j].target;
			const struct cl_param *p;

			if (!m)
				continue;
			p = sent_content_type(&m->headers);
			if (p && !any) {
				any = p;
				from = m;
			}
			if (!p && !lacking)
				lacking = m;
		}
		if (any && !lacking)
			inherited = any;
		if (inherited && e->automatic_headers)
			continue;
		at = e->headers.node ? e->headers.node->name_span
		                     : e->node->name_span;
		if (inherited) {
			/* Every method sends one, but automatic headers
			 * are off. */
			d = cl_report(ctx, &cl_rule_CL409, at,
			              "endpoint `%s` of a webhook connector "
			              "sends no `Content-Type` header: "
			              "`automatic=\"false\"` turns off the one "
			              "auth method `%s` sends; add a "
			              "`Content-Type` header here",
			              e->id, from->id);
			cl_report_related(
			    ctx, d,
			    cl_node_attr_span(e->headers.node, "automatic"),
			    "automatic headers turned off here");
			cl_report_related(
			    ctx, d, cl_node_attr_span(inherited->node, "key"),
			    "auth method `%s` sends it here", from->id);
		} else if (any && e->automatic_headers) {
			d = cl_report(ctx, &cl_rule_CL409, at,
			              "endpoint `%s` of a webhook connector "
			              "has no `Content-Type` header when used "
			              "with auth method `%s`, which sends none "
			              "(auth method `%s` does); add a "
			              "`Content-Type` header to the endpoint",
			              e->id, lacking->id, from->id);
			cl_report_related(
			    ctx, d, cl_node_attr_span(lacking->node, "id"),
			    "auth method `%s` is defined here", lacking->id);
		} else {
			cl_report(
			    ctx, &cl_rule_CL409, at,
			    "endpoint `%s` of a webhook connector has "
			    "no `Content-Type` header, of its own or "
			    "from an auth method: webhook connectors "
			    "must send one; add e.g. `<param "
			    "key=\"Content-Type\" value=\"%s\"/>` to its "
			    "`headers`",
			    e->id,
			    e->data_type == CL_DATA_XML   ? "application/xml"
			    : e->data_type == CL_DATA_CSV ? "text/csv"
			    : e->data_type == CL_DATA_TXT ? "text/plain"
			                                  : "application/json");
		}
	}
}

const struct cl_rule cl_rule_CL409 = {
	.id = "CL409",
	.slug = "webhook-content-type-missing",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a webhook connector's endpoint without a `Content-Type` header (own or inherited)",
	.check = check_webhook_content_type,
};
