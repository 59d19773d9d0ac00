/*
 * CL107: two variables with the same key in one scope; lookups find only
 * the first, and a `use` counts as a variable of its method.
 */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "rule.h"
#include "vars.h"

struct key_ref {
	const struct cl_variable *var;
	size_t index;
};

static int
cmp_key_ref(const void *pa, const void *pb)
{
	const struct key_ref *a = pa, *b = pb;
	int d = strcmp(a->var->key, b->var->key);

	if (d)
		return d;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * Reports every later occurrence of a key in VARS, pointing back to the
 * first. Sorting by (key, document order) keeps large lists n log n.
 */
static void
check_list_duplicates(struct cl_ctx *ctx, const struct cl_var_list *vars,
                      const char *where, const char *name)
{
	struct key_ref *refs;
	size_t i, n = 0, first = 0;

	/* Most lists have no duplicate: no sort then. */
	if (vars->n < 2 ||
	    cl_all_different_strings(vars->items, vars->n, sizeof(*vars->items),
	                             offsetof(struct cl_variable, key)))
		return;
	refs = cl_malloc(vars->n * sizeof(*refs));
	/* A missing key reads as "" and is CL002's to report. */
	for (i = 0; i < vars->n; i++)
		if (*vars->items[i].key)
			refs[n++] = (struct key_ref){ &vars->items[i], i };
	qsort(refs, n, sizeof(*refs), cmp_key_ref);
	for (i = 1; i < n; i++) {
		const struct cl_variable *v = refs[i].var, *f = refs[first].var;
		struct cl_diag *d;

		if (strcmp(v->key, f->key)) {
			first = i;
			continue;
		}
		d = cl_report(ctx, &cl_rule_CL107, cl_var_key_span(v),
		              "variable key `%s` appears twice in %s%s%s%s%s",
		              v->key, where, name ? " `" : "", name ? name : "",
		              name ? "`" : "",
		              v->is_use || f->is_use
		                  ? " (a `use` counts as a variable of its "
		                    "method)"
		                  : "");
		cl_report_related(ctx, d, cl_var_key_span(f),
		                  "`%s` first %s here", f->key,
		                  f->is_use ? "used" : "defined");
	}
	free(refs);
}

static void
check_duplicate_variable_key(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_list_duplicates(ctx, &c->variables, "the connector variables",
	                      NULL);
	for (i = 0; i < c->n_auth_methods; i++)
		check_list_duplicates(ctx, &c->auth_methods[i].variables,
		                      "auth method", c->auth_methods[i].id);
	for (i = 0; i < c->n_endpoints; i++)
		check_list_duplicates(ctx, &c->endpoints[i].variables,
		                      "endpoint", c->endpoints[i].id);
}

const struct cl_rule cl_rule_CL107 = {
	.id = "CL107",
	.slug = "duplicate-variable-key",
	.severity = CL_SEV_ERROR,
	.summary = "two variables with the same key in one scope",
	.check = check_duplicate_variable_key,
};
