/*
 * CL108: a `use` of a connector variable that does not exist.
 */
#include <stdlib.h>

#include "nearmiss.h"
#include "rule.h"
#include "vars.h"

static void
check_use_of_undefined(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_index *index = NULL;
	const char **cands;
	size_t i, j;

	cands = cl_malloc((c->variables.n + 1) * sizeof(*cands));
	for (i = 0; i < c->variables.n; i++)
		cands[i] = c->variables.items[i].key;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			const char *near;

			if (!v->is_use || v->target || !*v->key)
				continue;
			/* Indexed once, at the first: there may be as many
			 * uses as variables. */
			if (!index)
				index = cl_nearmiss_index_new(cands,
				                              c->variables.n);
			near = cl_nearmiss_find(v->key, &index, 1, NULL, NULL);
			cl_report(ctx, &cl_rule_CL108, cl_var_key_span(v),
			          "auth method `%s` uses `%s`, but there is no "
			          "connector variable `%s`%s%s%s",
			          m->id, v->key, v->key,
			          near ? "; did you mean `" : "",
			          near ? near : "", near ? "`?" : "");
		}
	}
	cl_nearmiss_index_free(index);
	free(cands);
}

const struct cl_rule cl_rule_CL108 = {
	.id = "CL108",
	.slug = "use-of-undefined-variable",
	.severity = CL_SEV_ERROR,
	.summary = "a use of a connector variable that does not exist",
	.check = check_use_of_undefined,
};
