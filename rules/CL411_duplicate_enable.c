/*
 * CL411 duplicate-enable
 *
 * The same auth method enabled twice on one endpoint: the second
 * `<enable>` adds nothing, and is often meant for another method.
 */
#include <string.h>

#include "endpoints.h"
#include "fixes.h"
#include "rule.h"

/* 1 when A and B are the same string: method ids are short and mostly
 * differ early, where a loop here costs less than a call. */
static int
same_str(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static void
check_duplicate_enable(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i, j, k;

	cl_for_each_endpoint(e, c, i)
	{
		for (j = 1; j < e->n_enables; j++) {
			const struct cl_enable *en = &e->enables[j];
			struct cl_diag *d;

			if (!*en->auth_method)
				continue;
			for (k = 0; k < j; k++)
				if (same_str(e->enables[k].auth_method,
				             en->auth_method))
					break;
			if (k == j)
				continue;
			d = cl_report(
			    ctx, &cl_rule_CL411,
			    cl_node_attr_span(en->node, "auth-method"),
			    "endpoint `%s` enables auth method `%s` "
			    "twice; remove this `<enable>`",
			    e->id, en->auth_method);
			cl_report_related(ctx, d,
			                  cl_node_attr_span(e->enables[k].node,
			                                    "auth-method"),
			                  "first enabled here");
			/* The first enable stays and does all this one does. */
			cl_fix_new(ctx, d, CL_FIX_SAFE,
			           "remove the second `<enable>` of `%s`",
			           en->auth_method);
			cl_fix_remove(ctx, d, en->node->span);
		}
	}
}

const struct cl_rule cl_rule_CL411 = {
	.id = "CL411",
	.slug = "duplicate-enable",
	.severity = CL_SEV_WARNING,
	.summary = "the same auth method enabled twice on one endpoint",
	.check = check_duplicate_enable,
	.fix = CL_RULE_FIX_SAFE,
};
