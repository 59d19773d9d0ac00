/*
 * CL205: an auth method needs a `url`: the token endpoint (OAuth 2) or
 * the URL the platform authenticates against.
 */
#include "rule.h"

static const char *
url_role(enum cl_auth_type type)
{
	return cl_auth_type_is_oauth2(type)
	           ? "the token endpoint the platform gets tokens from"
	           : "the URL the platform authenticates against";
}

static void
check_auth_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		if (!m->url.node)
			cl_report(ctx, &cl_rule_CL205, m->node->name_span,
			          "auth method `%s` has no `url`: it needs %s",
			          m->id, url_role(m->type));
		else if (!*m->url.value)
			cl_report(ctx, &cl_rule_CL205, m->url.node->name_span,
			          "the `url` of auth method `%s` is empty: it "
			          "must be %s",
			          m->id, url_role(m->type));
	}
}

const struct cl_rule cl_rule_CL205 = {
	.id = "CL205",
	.slug = "missing-auth-url",
	.severity = CL_SEV_ERROR,
	.summary = "an auth method with no `url`, or an empty one",
	.check = check_auth_url,
};
