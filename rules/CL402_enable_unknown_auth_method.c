/*
 * CL402 enable-unknown-auth-method
 *
 * An endpoint is offered only to instances made with an auth method it
 * enables, so an endpoint that enables none (CL401) or names a method that
 * does not exist (CL402) is unreachable, at least in part.
 * A near miss of an existing method's id is named.
 */
#include <stdlib.h>
#include <string.h>

#include "endpoints.h"
#include "fixes.h"
#include "nearmiss.h"
#include "rule.h"

/* Whether E has an enable of auth method ID. */
static bool
enables(const struct cl_endpoint *e, const char *id)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++)
		if (!strcmp(e->enables[i].auth_method, id))
			return true;
	return false;
}

static void
check_enable_unknown(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	const char **ids = NULL;
	size_t i, j;

	cl_for_each_endpoint(e, c, i)
	{
		for (j = 0; j < e->n_enables; j++) {
			const struct cl_enable *en = &e->enables[j];
			struct cl_span span;
			const char *near;
			size_t k;

			/* A missing attribute is CL002's. */
			if (en->target ||
			    !cl_node_attr(en->node, "auth-method"))
				continue;
			span = cl_node_attr_span(en->node, "auth-method");
			if (!*en->auth_method) {
				cl_report(
				    ctx, &cl_rule_CL402, span,
				    "endpoint `%s` enables an auth method "
				    "with an empty id",
				    e->id);
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
			if (near) {
				struct cl_diag *d = cl_report(
				    ctx, &cl_rule_CL402, span,
				    "no auth method `%s`; did you mean `%s`?",
				    en->auth_method, near);

				/* The enable reaches no instance as it is;
				 * named after the only method it can mean,
				 * unless the endpoint enables that one
				 * already (then it meant another). */
				if (cl_fix_unique_nearmiss(en->auth_method, ids,
				                           c->n_auth_methods) &&
				    !enables(e, near)) {
					cl_fix_new(ctx, d, CL_FIX_SAFE,
					           "replace `%s` with `%s`",
					           en->auth_method, near);
					cl_fix_set_attr(ctx, d, en->node,
					                "auth-method", near);
				}
			} else
				cl_report(ctx, &cl_rule_CL402, span,
				          "no auth method `%s`: endpoint `%s` "
				          "cannot enable it",
				          en->auth_method, e->id);
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
	.fix = CL_RULE_FIX_SAFE,
};
