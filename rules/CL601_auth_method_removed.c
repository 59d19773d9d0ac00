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
		struct cl_span at;
		struct cl_diag *diag;

		if (!*m->id || !cl_compat_first_method(old, m) ||
		    cl_model_auth_method(c, m->id))
			continue;
		at = cl_compat_parent_span(c, c->auth_methods_node);
		to = cl_compat_renamed_method(old, c, m);
		if (to)
			diag = cl_report(
			    ctx, &cl_rule_CL601, at,
			    "auth method `%s` was removed; renamed to `%s`? "
			    "Instances created with `%s` stop working either "
			    "way: keep the old id",
			    m->id, to->id, m->id);
		else
			diag =
			    cl_report(ctx, &cl_rule_CL601, at,
			              "auth method `%s` was removed: every "
			              "instance created with it stops working",
			              m->id);
		cl_diff_related(ctx, diag, d,
		                cl_compat_item_span(m->node, "id"),
		                "auth method `%s` removed from here", m->id);
		if (to)
			cl_report_related(ctx, diag,
			                  cl_node_attr_span(to->node, "id"),
			                  "renamed from `%s`?", m->id);
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
