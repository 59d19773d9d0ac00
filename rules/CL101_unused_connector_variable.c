/*
 * CL101: a connector variable that no auth method `use`s and no
 * placeholder names is asked of nobody and read by nothing. Placeholders
 * are resolved in their scope as the format spec defines it (scope.h).
 */
#include <stdlib.h>

#include "fix.h"
#include "nearmiss.h"
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
	unsigned char *seen, *undefined;
	const char **unused;
	size_t *unused_at, n_unused = 0;
	struct cl_nearmiss_index *idx;
	size_t i, j;

	if (!c->variables.n)
		return;
	/* One block: UNUSED and UNUSED_AT (aligned by calloc), then the
	 * bytes of SEEN and UNDEFINED. */
	unused = cl_calloc(
	    1, c->variables.n * (sizeof(*unused) + sizeof(*unused_at) + 1) +
	           c->n_placeholders + 1);
	unused_at = (size_t *)(unused + c->variables.n);
	seen = (unsigned char *)(unused_at + c->variables.n);
	undefined = seen + c->variables.n;

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

		if (cl_scope_resolve_placeholder(&cache, c, p, &v) ==
		    CL_RES_UNDEFINED)
			undefined[i] = 1;
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
		unused_at[n_unused] = i;
		unused[n_unused++] = v->key;
	}
	/*
	 * A placeholder that names nothing may mean an unused variable (a
	 * typo CL104 reports, and may fix to it): the nearest one is kept
	 * from the fix, so that fixing both never removes what the other
	 * fix names.
	 */
	idx = n_unused ? cl_nearmiss_index_new(unused, n_unused) : NULL;
	for (i = 0; idx && i < c->n_placeholders; i++) {
		size_t pos;

		if (undefined[i] && cl_nearmiss_find(c->placeholders[i].key,
		                                     &idx, 1, NULL, &pos))
			seen[unused_at[pos]] = 2;
	}
	if (idx)
		cl_nearmiss_index_free(idx);
	for (j = 0; j < n_unused; j++) {
		const struct cl_variable *v = &c->variables.items[unused_at[j]];
		struct cl_diag *d;

		d = cl_report(
		    ctx, &cl_rule_CL101, cl_var_key_span(v),
		    "connector variable `%s` is used by no auth method "
		    "and referenced by no placeholder: no user is "
		    "asked for it and nothing reads it",
		    v->key);
		/* Unsafe: it may be meant for a `use` or a placeholder still
		 * to be written, which the fix would leave without it. */
		if (seen[unused_at[j]] != 2) {
			cl_fix_new(ctx, d, CL_FIX_UNSAFE,
			           "remove connector variable `%s`", v->key);
			cl_fix_remove(ctx, d, v->node->span);
		}
	}
	free(unused); /* the block of all four */
}

const struct cl_rule cl_rule_CL101 = {
	.id = "CL101",
	.slug = "unused-connector-variable",
	.severity = CL_SEV_WARNING,
	.summary = "a connector variable that nothing uses or references",
	.check = check_unused_connector_variable,
	.fix = CL_RULE_FIX_UNSAFE,
};
