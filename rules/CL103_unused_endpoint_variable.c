/*
 * CL103: an endpoint variable its endpoint never references (usage.h)
 * sends the value given on the connection shape nowhere.
 */
#include "rule.h"
#include "usage.h"
#include "vars.h"

static void
check_unused_endpoint_variable(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_usage u;
	size_t i, j;

	if (!c->n_endpoints)
		return;
	cl_usage_build(ctx, c, &u, 0);
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->variables.n; j++) {
			const struct cl_variable *v = &e->variables.items[j];

			if (!cl_usage_endpoint_var_unused(&u, i, j))
				continue;
			cl_report(
			    ctx, &cl_rule_CL103, cl_var_key_span(v),
			    "endpoint variable `%s` of endpoint `%s` is "
			    "never referenced: no `{{%s}}` in the "
			    "endpoint's URL, params or body reads it, so "
			    "%s; reference it where the value belongs, or "
			    "remove it",
			    v->key, e->id, v->key,
			    v->required || v->configurable
			        ? "the value given on the connection "
			          "shape goes nowhere"
			        : "it does nothing");
		}
	}
	cl_usage_release(&u);
}

const struct cl_rule cl_rule_CL103 = {
	.id = "CL103",
	.slug = "unused-endpoint-variable",
	.severity = CL_SEV_WARNING,
	.summary = "an endpoint variable its endpoint never references",
	.check = check_unused_endpoint_variable,
};
