/*
 * CL601 auth-method-removed
 *
 * Instances of a marketplace connector are created with one auth method
 * and keep its id (compatibility.md; rules.md CL6xx): when the id is gone
 * from the new version, every instance created with it stops working. A
 * method renamed is a method removed for those instances, so a likely
 * rename (a near-miss id, or the same name and type) is named, to say
 * what the rename costs rather than to excuse it.
 */
#include "compat.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i;

	if (d->removed)
		return;
	for (i = 0; i < old->n_auth_methods; i++) {
		const struct cl_auth_method *m = &old->auth_methods[i];
		const struct cl_auth_method *to;

		if (!*m->id || !cl_compat_first_method(old, m) ||
		    cl_model_auth_method(c, m->id))
			continue;
		to = cl_compat_renamed_method(old, c, m);
		cl_compat_report_removed(
		    ctx, d, &cl_rule_CL601,
		    cl_compat_parent_span(c, c->auth_methods_node),
		    "auth method", m->id, m->node, to ? to->node : NULL,
		    to ? to->id : NULL, "Instances created with",
		    "stop working",
		    "every instance created with it stops working");
	}
}

const struct cl_rule cl_rule_CL601 = {
	.id = "CL601",
	.slug = "auth-method-removed",
	.severity = CL_SEV_ERROR,
	.summary = "an auth method of the old version is gone: every instance "
	           "created with it stops working",
	.diff = diff_hook,
	.compat = true,
};
