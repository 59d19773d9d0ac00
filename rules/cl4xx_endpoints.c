/*
 * Endpoint rules about auth methods: an endpoint is offered only to
 * instances made with an auth method it enables, so an endpoint that
 * enables none (CL401) or names a method that does not exist (CL402) is
 * unreachable, at least in part.
 */
#include <stdlib.h>

#include "nearmiss.h"
#include "rule.h"

static void check_endpoint_without_auth(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	/*
	 * With no auth method at all, CL004 says it once. An endpoint whose
	 * only <enable> names an unknown method gets CL402 instead.
	 */
	if (!c || !c->n_auth_methods)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		if (e->n_enables)
			continue;
		if (c->n_auth_methods == 1 && *c->auth_methods[0].id)
			cl_report(ctx, &cl_rule_CL401, e->node->name_span,
				  "endpoint `%s` enables no auth method: no "
				  "instance can use it; add `<enable "
				  "auth-method=\"%s\"/>`",
				  e->id, c->auth_methods[0].id);
		else
			cl_report(ctx, &cl_rule_CL401, e->node->name_span,
				  "endpoint `%s` enables no auth method: no "
				  "instance can use it", e->id);
	}
}

const struct cl_rule cl_rule_CL401 = {
	.id = "CL401",
	.slug = "endpoint-without-auth-method",
	.severity = CL_SEV_ERROR,
	.summary = "an endpoint that enables no auth method",
	.check = check_endpoint_without_auth,
};

static void check_enable_unknown(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const char **ids = NULL;
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->n_enables; j++) {
			const struct cl_enable *en = &e->enables[j];
			struct cl_span span;
			const char *near;
			size_t k;

			/* A missing attribute is CL002's. */
			if (en->target || !cl_node_attr(en->node, "auth-method"))
				continue;
			span = cl_node_attr_span(en->node, "auth-method");
			if (!*en->auth_method) {
				cl_report(ctx, &cl_rule_CL402, span,
					  "endpoint `%s` enables an auth method "
					  "with an empty id", e->id);
				continue;
			}
			if (!ids) {
				ids = cl_malloc((c->n_auth_methods + 1) *
						sizeof(*ids));
				for (k = 0; k < c->n_auth_methods; k++)
					ids[k] = c->auth_methods[k].id;
			}
			near = cl_nearmiss(en->auth_method, ids,
					   c->n_auth_methods);
			if (near)
				cl_report(ctx, &cl_rule_CL402, span,
					  "no auth method `%s`; did you mean "
					  "`%s`?", en->auth_method, near);
			else
				cl_report(ctx, &cl_rule_CL402, span,
					  "no auth method `%s`: endpoint `%s` "
					  "cannot enable it", en->auth_method,
					  e->id);
		}
	}
	free(ids);
}

const struct cl_rule cl_rule_CL402 = {
	.id = "CL402",
	.slug = "enable-unknown-auth-method",
	.severity = CL_SEV_ERROR,
	.summary = "an enable naming an auth method that does not exist",
	.check = check_enable_unknown,
};
