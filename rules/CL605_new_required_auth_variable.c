/*
 * CL605 new-required-auth-variable
 *
 * Instances hold values for the auth variables of the method they were
 * created with, and only those (rules.md CL6xx). A variable of a method of
 * both versions that is required and has no default in the new version,
 * own or `use`d (a used connector variable's default counts), but was not
 * there, or was optional or had a default in the old one, is a value no
 * existing instance holds: they fail until someone edits each of them.
 * A method whose type changed is CL602's.
 */
#include "compat.h"
#include "vars.h"

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
		struct cl_strbuf holders = CL_STRBUF_INIT;

		if (!*m->id || !cl_compat_first_method(c, m))
			continue;
		was = cl_model_auth_method(old, m->id);
		if (!was || was->type != m->type)
			continue;
		cl_strbuf_addf(&holders, "instances created with `%s`", m->id);
		cl_compat_report_demands(ctx, d, &cl_rule_CL605, &m->variables,
		                         &was->variables, was->node,
		                         "auth method", m->id, "auth variable",
		                         cl_strbuf_str(&holders));
		cl_strbuf_release(&holders);
	}
}

const struct cl_rule cl_rule_CL605 = {
	.id = "CL605",
	.slug = "new-required-auth-variable",
	.severity = CL_SEV_ERROR,
	.summary = "an auth method gains a required auth variable without a "
	           "default, or one becomes required without a default",
	.diff = diff_hook,
	.compat = true,
};
