/*
 * CL602 auth-method-type-changed
 *
 * An instance holds the credentials its auth method's type asks for
 * (client id and secret, a token, a user name and password). The same id
 * with another `type` asks for other credentials, or uses them otherwise,
 * and existing instances no longer authenticate (rules.md CL6xx).
 */
#include "compat.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i;

	if (d->removed)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_auth_method *was;
		struct cl_diag *diag;

		if (!*m->id || !cl_compat_first_method(c, m))
			continue;
		was = cl_model_auth_method(old, m->id);
		/* The spellings of one type are the same type (model.h). */
		if (!was || was->type == m->type ||
		    was->type == CL_AUTH_UNKNOWN || m->type == CL_AUTH_UNKNOWN)
			continue;
		diag = cl_report(ctx, &cl_rule_CL602,
		                 cl_node_attr_span(m->node, "type"),
		                 "auth method `%s` changed its type from `%s` "
		                 "to `%s`: the credentials its existing "
		                 "instances hold no longer fit; add a new "
		                 "method instead",
		                 m->id, cl_auth_type_name(was->type),
		                 cl_auth_type_name(m->type));
		cl_diff_related(ctx, diag, d,
		                cl_node_attr_span(was->node, "type"),
		                "the old type");
	}
}

const struct cl_rule cl_rule_CL602 = {
	.id = "CL602",
	.slug = "auth-method-type-changed",
	.severity = CL_SEV_ERROR,
	.summary = "the same auth method id with another `type`",
	.diff = diff_hook,
	.compat = true,
};
