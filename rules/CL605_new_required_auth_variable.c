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
		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			const struct cl_variable *ov;
			struct cl_diag *diag;
			struct cl_span at = cl_var_key_span(v);

			if (!*v->key || !cl_var_is_first(&m->variables, v) ||
			    !cl_compat_var_demands(v))
				continue;
			ov = cl_var_list_find(&was->variables, v->key);
			if (ov && cl_compat_var_demands(ov))
				continue;
			if (!ov) {
				diag = cl_report(
				    ctx, &cl_rule_CL605, at,
				    "auth method `%s` gains auth variable `%s`, "
				    "required and without a default: instances "
				    "created with `%s` hold no value for it; give "
				    "it a default or make it optional",
				    m->id, v->key, m->id);
				cl_diff_related(
				    ctx, diag, d,
				    cl_compat_parent_span(
				        old, was->variables.node
				                 ? was->variables.node
				                 : was->node),
				    "auth method `%s` in the old version has no `%s`",
				    m->id, v->key);
				continue;
			}
			if (!ov->required && cl_node_attr(v->node, "required"))
				at = cl_node_attr_span(v->node, "required");
			diag = cl_report(
			    ctx, &cl_rule_CL605, at,
			    "auth variable `%s` of auth method `%s` is now "
			    "required without a default (it %s): instances "
			    "created with `%s` hold no value for it",
			    v->key, m->id,
			    ov->required ? "had a default" : "was optional",
			    m->id);
			cl_diff_related(ctx, diag, d, cl_var_key_span(ov),
			                "%s in the old version",
			                ov->required ? "with a default"
			                             : "optional");
		}
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
