/*
 * CL113: an auth variable with the key of a connector variable.
 */
#include "auth.h"
#include "rule.h"
#include "vars.h"

/* The start both messages share: the clash, before what to do about it. */
#define CL113_SHADOWS                                                        \
	"auth variable `%s` of auth method `%s` has the same key as a "      \
	"connector variable, so `{{%s}}` means one value in the method and " \
	"another in its endpoints; "

/*
 * Inside the method `{{k}}` is the auth variable, in its endpoints the
 * connector variable: one key, two values. When the method also `use`s
 * the connector variable, the clash is CL107's (a duplicate key).
 */
static void
check_auth_shadows_connector(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	if (!c->variables.n)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			const struct cl_variable *cv, *first;
			struct cl_diag *d;

			if (v->is_use || !*v->key)
				continue;
			/* Most keys are no connector variable's: the second
			 * lookup only for those that are. */
			if (!(cv = cl_var_list_find(&c->variables, v->key)))
				continue;
			first = cl_var_list_find(&m->variables, v->key);
			if (first != v)
				continue;
			if (cl_auth_is_default_key(m->type, v->key))
				d = cl_report(ctx, &cl_rule_CL113,
				              cl_var_key_span(v),
				              CL113_SHADOWS
				              "`%s` is "
				              "a default variable of type `%s` "
				              "and its key cannot change, so "
				              "rename the connector variable",
				              v->key, m->id, v->key, v->key,
				              cl_auth_type_name(m->type));
			else
				d = cl_report(
				    ctx, &cl_rule_CL113, cl_var_key_span(v),
				    CL113_SHADOWS
				    "replace "
				    "it with `<use variable=\"%s\"/>`, "
				    "or rename one of them",
				    v->key, m->id, v->key, v->key);
			cl_report_related(ctx, d, cl_var_key_span(cv),
			                  "connector variable `%s` is defined "
			                  "here",
			                  cv->key);
		}
	}
}

const struct cl_rule cl_rule_CL113 = {
	.id = "CL113",
	.slug = "auth-variable-shadows-connector-variable",
	.severity = CL_SEV_WARNING,
	.summary = "an auth variable with the same key as a connector variable",
	.check = check_auth_shadows_connector,
};
