/*
 * CL102: an auth variable that is not a default of its type and that no
 * placeholder reads (in the method, or in an endpoint enabling it) is
 * asked for or kept for nothing. What counts as read is usage.h's.
 */
#include "auth.h"
#include "rule.h"
#include "usage.h"
#include "vars.h"

static void
check_unused_auth_variable(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_usage u;
	size_t i, j;

	if (!c->n_auth_methods)
		return;
	cl_usage_build(ctx, c, &u, 1);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			const char *k = v->key;
			int asked = v->required || v->configurable;

			if (!cl_usage_auth_var_unused(&u, i, j))
				continue;
			if (v->is_use)
				cl_report(
				    ctx, &cl_rule_CL102, cl_var_key_span(v),
				    "auth method `%s` uses connector "
				    "variable `%s`, but no `{{%s}}` in the "
				    "method or in an endpoint that enables "
				    "it reads it, so %s; remove the `use`, "
				    "or reference `{{%s}}` where the value "
				    "belongs",
				    m->id, k, k,
				    asked ? "users are asked for a value "
				            "nothing sends"
				          : "the `use` does nothing",
				    k);
			else
				cl_report(
				    ctx, &cl_rule_CL102, cl_var_key_span(v),
				    "auth variable `%s` of auth method "
				    "`%s` is referenced nowhere: it is not "
				    "a default variable of type `%s`%s, and "
				    "no `{{%s}}` in the method or in an "
				    "endpoint that enables it reads it, so "
				    "%s",
				    k, m->id, cl_auth_type_name(m->type),
				    m->type == CL_AUTH_OAUTH2_CC &&
				            cl_auth_is_user_password(k)
				        ? " (only the `password` grant "
				          "sends it)"
				        : "",
				    k,
				    asked ? "users are asked for a value "
				            "nothing sends"
				          : "nothing ever uses it");
		}
	}
	cl_usage_release(&u);
}

const struct cl_rule cl_rule_CL102 = {
	.id = "CL102",
	.slug = "unused-auth-variable",
	.severity = CL_SEV_WARNING,
	.summary =
	    "an auth variable that is not a default of its type and is referenced nowhere (no placeholder in the method, nor in an endpoint enabling it)",
	.check = check_unused_auth_variable,
};
