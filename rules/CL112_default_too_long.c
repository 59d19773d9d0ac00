/*
 * CL112: the platform allows at most 1024 characters in a variable
 * default.
 */
#include <string.h>

#include "rule.h"

/* The platform allows at most this many characters in a default. */
#define DEFAULT_MAX 1024

static void
check_defaults_in(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		size_t n;

		if (v->is_use || !v->default_value)
			continue;
		/* Characters of the decoded value, as the platform counts:
		 * `&amp;` is one, and so is `é`. */
		n = strnlen(v->default_value, DEFAULT_MAX + 1);
		/* No more characters than bytes: most defaults are short. */
		if (n <= DEFAULT_MAX ||
		    (n = cl_utf8_count(v->default_value,
		                       strlen(v->default_value))) <=
		        DEFAULT_MAX)
			continue;
		cl_report(ctx, &cl_rule_CL112,
		          cl_node_attr_span(v->node, "default"),
		          "the default of variable `%s` is %zu characters "
		          "long; the platform allows at most %d",
		          v->key, n, DEFAULT_MAX);
	}
}

static void
check_default_too_long(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_defaults_in(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_defaults_in(ctx, &c->auth_methods[i].variables);
	/* Most endpoints have no variables: no call for them. */
	for (i = 0; i < c->n_endpoints; i++)
		if (c->endpoints[i].variables.n)
			check_defaults_in(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL112 = {
	.id = "CL112",
	.slug = "default-too-long",
	.severity = CL_SEV_ERROR,
	.summary = "a variable default over 1024 characters",
	.check = check_default_too_long,
};
