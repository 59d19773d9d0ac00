/*
 * CL101: a connector variable that no auth method `use`s and no
 * placeholder names is asked of nobody and read by nothing. Placeholders
 * are resolved in their scope as the format spec defines it (scope.h).
 */
#include <stdlib.h>

#include "rule.h"
#include "scope.h"
#include "vars.h"

/* The connector variable V stands for (itself, or a use's target). */
static const struct cl_variable *
connector_var(const struct cl_variable *v)
{
	if (!v)
		return NULL;
	if (v->is_use)
		return v->target;
	return v->scope == CL_SCOPE_CONNECTOR ? v : NULL;
}

static void
check_unused_connector_variable(struct cl_ctx *ctx,
                                const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	unsigned char *seen;
	size_t i, j;

	if (!c->variables.n)
		return;
	seen = cl_calloc(c->variables.n, 1);

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_var_list *vars = &c->auth_methods[i].variables;

		for (j = 0; j < vars->n; j++) {
			const struct cl_variable *t =
			    vars->items[j].is_use ? vars->items[j].target
			                          : NULL;

			if (t)
				seen[t - c->variables.items] = 1;
		}
	}
	/*
	 * A placeholder that names the variable counts even when CL105 or
	 * CL109 reports it: once that is fixed the variable is in use, so
	 * calling it unused as well would only add noise.
	 */
	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;

		cl_scope_resolve(&cache, c, p->tpl, p->key, &v);
		if ((v = connector_var(v)))
			seen[v - c->variables.items] = 1;
	}
	cl_nearmiss_cache_release(&cache);

	/* Lookups return the first variable of a key, so only firsts are
	 * marked; a later duplicate is CL107's to report. An invalid key is
	 * CL114's alone, as in CL102 and CL103: no placeholder can name it,
	 * so "unused" would only repeat that the key is wrong. */
	for (i = 0; i < c->variables.n; i++) {
		const struct cl_variable *v = &c->variables.items[i];

		if (seen[i] || !cl_key_valid(v->key) ||
		    cl_var_list_find(&c->variables, v->key) != v)
			continue;
		cl_report(ctx, &cl_rule_CL101, cl_var_key_span(v),
		          "connector variable `%s` is used by no auth method "
		          "and referenced by no placeholder: no user is asked "
		          "for it and nothing reads it",
		          v->key);
	}
	free(seen);
}

const struct cl_rule cl_rule_CL101 = {
	.id = "CL101",
	.slug = "unused-connector-variable",
	.severity = CL_SEV_WARNING,
	.summary = "a connector variable that nothing uses or references",
	.check = check_unused_connector_variable,
};
