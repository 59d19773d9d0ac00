/*
 * CL606 auth-variable-removed
 *
 * Instances hold a value for every auth variable (own or `use`d) of their
 * method (rules.md CL6xx). A variable gone from a method of both versions
 * leaves those values orphaned, and a rename loses every stored value: a
 * near-miss key among the variables the method gained is named. A warning,
 * not an error: nothing reads the value any more, so nothing fails for
 * lack of it, unless it was renamed. A method whose type changed is
 * CL602's.
 */
#include "compat.h"
#include "vars.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i, j;

	if (d->removed)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_auth_method *was;

		if (!*m->id || !cl_compat_first_method(c, m))
			continue;
		was = cl_model_auth_method(old, m->id);
		if (!was || was->type != m->type)
			continue;
		for (j = 0; j < was->variables.n; j++) {
			const struct cl_variable *ov = &was->variables.items[j];
			const struct cl_variable *to;
			struct cl_diag *diag;

			if (!*ov->key ||
			    !cl_var_is_first(&was->variables, ov) ||
			    cl_var_list_find(&m->variables, ov->key))
				continue;
			to = cl_compat_renamed_var(&was->variables,
			                           &m->variables, ov);
			if (to)
				diag = cl_report(
				    ctx, &cl_rule_CL606, m->node->name_span,
				    "auth variable `%s` was removed from auth "
				    "method `%s`; renamed to `%s`? The values "
				    "instances hold for `%s` are lost either way",
				    ov->key, m->id, to->key, ov->key);
			else
				diag = cl_report(
				    ctx, &cl_rule_CL606, m->node->name_span,
				    "auth variable `%s` was removed from auth "
				    "method `%s`: the values its instances hold "
				    "for it are orphaned",
				    ov->key, m->id);
			cl_diff_related(ctx, diag, d, cl_var_key_span(ov),
			                "`%s` removed from here", ov->key);
			if (to)
				cl_report_related(
				    ctx, diag, cl_var_key_span(to),
				    "renamed from `%s`?", ov->key);
		}
	}
}

const struct cl_rule cl_rule_CL606 = {
	.id = "CL606",
	.slug = "auth-variable-removed",
	.severity = CL_SEV_WARNING,
	.summary = "an auth variable of an auth method of the old version is "
	           "gone from it",
	.diff = diff_hook,
	.compat = true,
};
