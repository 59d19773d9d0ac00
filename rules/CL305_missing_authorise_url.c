/*
 * CL305 missing-authorise-url: the authorisation code flow sends the user
 * to the authorise endpoint, which an oauth2-authorization-code method
 * gives as Additional URL 1 (format spec; RFC 6749 §4.1.1). Missing or
 * empty, there is nowhere to send the user.
 */
#include "oauth2.h"
#include "rule.h"

static void
check_authorise_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_AC)
	{
		const struct cl_additional_url *one =
		    cl_oauth2_authorise_url(m);

		if (one && !*one->value) {
			cl_report(ctx, &cl_rule_CL305, one->node->name_span,
			          "Additional URL 1 of auth method `%s` is "
			          "empty: it must be the authorise endpoint "
			          "users are sent to",
			          m->id);
		} else if (!one && m->n_additional_urls == 1) {
			/* One additional URL under another index is most
			 * likely the authorise URL numbered wrongly. */
			cl_report(
			    ctx, &cl_rule_CL305,
			    cl_node_attr_span(m->additional_urls[0].node,
			                      "index"),
			    "auth method `%s` has no `additional-url "
			    "index=\"1\"`, the authorise URL; is this one "
			    "meant to be index 1?",
			    m->id);
		} else if (!one) {
			cl_report(ctx, &cl_rule_CL305, m->node->name_span,
			          "auth method `%s` has no `additional-url "
			          "index=\"1\"`: the authorisation code flow "
			          "needs the authorise URL users are sent to",
			          m->id);
		}
	}
}

const struct cl_rule cl_rule_CL305 = {
	.id = "CL305",
	.slug = "missing-authorise-url",
	.severity = CL_SEV_ERROR,
	.summary =
	    "an oauth2-authorization-code method without Additional URL 1",
	.check = check_authorise_url,
};
