/*
 * CL504 secret-not-marked
 *
 * A credential variable not marked secret is shown on screen and may be
 * logged. Variables only: a `use` takes the flag of its connector
 * variable, which is reported itself.
 */
#include "rule.h"
#include "security.h"

static void
check_unmarked(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];

		if (v->is_use || v->secret || !cl_is_secret_key(v->key))
			continue;
		cl_report(ctx, &cl_rule_CL504,
		          cl_node_attr_span(v->node, "key"),
		          "%s `%s` holds a credential but is not marked "
		          "`secret=\"true\"`: the platform shows it on screen "
		          "and may log it; add `secret=\"true\"`",
		          cl_var_scope_word(v->scope), v->key);
	}
}

static void
check_secret_not_marked(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_unmarked(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_unmarked(ctx, &c->auth_methods[i].variables);
	for (i = 0; i < c->n_endpoints; i++)
		check_unmarked(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL504 = {
	.id = "CL504",
	.slug = "secret-not-marked",
	.severity = CL_SEV_WARNING,
	.summary =
	    "`client_secret`, `password`, `token`, `consumer_secret`, `token_secret` variables without `secret=\"true\"`",
	.check = check_secret_not_marked,
	.security_severity = "5.5",
	.cwe = { 532, 549 },
};
