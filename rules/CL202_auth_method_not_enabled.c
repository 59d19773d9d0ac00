/*
 * CL202: an auth method that no endpoint enables: its instances can reach
 * nothing. A misspelt `<enable>` is named as the likely reason.
 */
#include <string.h>

#include "nearmiss.h"
#include "rule.h"

static int
is_enabled(const struct cl_connector *c, const char *id)
{
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++)
		for (j = 0; j < c->endpoints[i].n_enables; j++)
			if (!strcmp(c->endpoints[i].enables[j].auth_method, id))
				return 1;
	return 0;
}

/*
 * An unresolved <enable> whose auth-method is a near miss of ID, or NULL:
 * the likely reason why the method looks unused.
 */
static const struct cl_enable *
misspelt_enable(const struct cl_connector *c, const char *id,
                const struct cl_endpoint **owner)
{
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->n_enables; j++) {
			const struct cl_enable *en = &e->enables[j];

			if (en->target || !*en->auth_method)
				continue;
			if (cl_nearmiss(en->auth_method, &id, 1)) {
				*owner = e;
				return en;
			}
		}
	}
	return NULL;
}

static void
check_auth_method_enabled(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	/* With no endpoint at all CL005 says it once, not once per method. */
	if (!c->n_endpoints)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_endpoint *owner = NULL;
		const struct cl_enable *en;
		struct cl_span span = cl_node_attr_span(m->node, "id");

		if (!*m->id || is_enabled(c, m->id))
			continue;
		en = misspelt_enable(c, m->id, &owner);
		if (en)
			cl_report(ctx, &cl_rule_CL202, span,
			          "auth method `%s` is not enabled by any "
			          "endpoint (endpoint `%s` enables `%s`: did "
			          "you mean `%s`?)",
			          m->id, owner->id, en->auth_method, m->id);
		else
			cl_report(ctx, &cl_rule_CL202, span,
			          "auth method `%s` is not enabled by any "
			          "endpoint: its instances can reach nothing",
			          m->id);
	}
}

const struct cl_rule cl_rule_CL202 = {
	.id = "CL202",
	.slug = "auth-method-not-enabled",
	.severity = CL_SEV_WARNING,
	.summary = "an auth method that no endpoint enables",
	.check = check_auth_method_enabled,
};
