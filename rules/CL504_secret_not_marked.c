/*
 * CL504 secret-not-marked
 *
 * A credential variable not marked secret is shown on screen and may be
 * logged. Variables only: a `use` takes the flag of its connector
 * variable, which is reported itself.
 */
#include "fixes.h"
#include "rule.h"
#include "security.h"

static void
check_unmarked(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];

		struct cl_diag *d;

		if (v->is_use || v->secret || !cl_is_secret_key(v->key))
			continue;
		d = cl_report(ctx, &cl_rule_CL504,
		              cl_node_attr_span(v->node, "key"),
		              "%s `%s` holds a credential but is not marked "
		              "`secret=\"true\"`: the platform shows it on "
		              "screen and may log it; add `secret=\"true\"`",
		              cl_var_scope_word(v->scope), v->key);
		/* Only how the value is shown and logged changes. A
		 * `secret="false"` written out is turned, not repeated. */
		if (cl_node_attr(v->node, "secret")) {
			cl_fix_new(ctx, d, CL_FIX_SAFE,
			           "set `secret` to `true`");
			cl_fix_set_attr(ctx, d, v->node, "secret", "true");
		} else {
			cl_fix_new(ctx, d, CL_FIX_SAFE,
			           "add `secret=\"true\"`");
			cl_fix_add_attr(ctx, d, v->node, "secret", "true");
		}
	}
}

static void
check_secret_not_marked(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_unmarked(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_unmarked(ctx, &c->auth_methods[i].variables);
	/* Most endpoints have no variables: no call for them. */
	for (i = 0; i < c->n_endpoints; i++)
		if (c->endpoints[i].variables.n)
			check_unmarked(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL504 = {
	.id = "CL504",
	.slug = "secret-not-marked",
	.severity = CL_SEV_WARNING,
	.summary =
	    "`client_secret`, `password`, `token`, `consumer_secret`, `token_secret` variables without `secret=\"true\"`",
	.check = check_secret_not_marked,
	.fix = CL_RULE_FIX_SAFE,
	.security_severity = "5.5",
	.cwe = { 532, 549 },
};
