/*
 * CL313 grant-type-conflict
 *
 * A literal `grant_type` param that disagrees with the `grant_type`
 * variable's default: the method names two grant types, where a token
 * request carries one (RFC 6749 §4.1.3, §4.4.2), so the grant should be
 * set in one place. A value that does not fit the method is CL303's.
 */
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"

static void
grant_conflicts(struct cl_ctx *ctx, const struct cl_auth_method *m,
                const struct cl_variable *v, const struct cl_param_list *list)
{
	const char *def = cl_var_default(v);
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		struct cl_diag *d;

		if (strcmp(p->key, "grant_type") || !p->value ||
		    strstr(p->value, "{{") || !strcmp(p->value, def))
			continue;
		/* A value that does not fit the method is CL303's: fixing
		 * it ends the conflict too. */
		if (cl_rule_enabled(ctx, &cl_rule_CL303) &&
		    (!cl_oauth2_grant_fits(m->type, p->value) ||
		     !cl_oauth2_grant_fits(m->type, def)))
			continue;
		d = cl_report(
		    ctx, &cl_rule_CL313, cl_node_attr_span(p->node, "value"),
		    "the `grant_type` param of auth method `%s` is "
		    "`%s`, but the `grant_type` variable's default "
		    "is `%s`: the method names two grant types; "
		    "give the param the value `{{grant_type}}`, or "
		    "remove it, so that the grant is set in one place",
		    m->id, p->value, def);
		cl_report_related(ctx, d, cl_var_default_span(v),
		                  "the `grant_type` default `%s`", def);
	}
}

static void
check_grant_conflict(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_variable *v;

		v = cl_var_list_find(&m->variables, "grant_type");
		if (!v || !cl_var_default(v) || strstr(cl_var_default(v), "{{"))
			continue;
		grant_conflicts(ctx, m, v, &m->url_params);
		grant_conflicts(ctx, m, v, &m->headers);
		grant_conflicts(ctx, m, v, &m->body.params);
	}
}

const struct cl_rule cl_rule_CL313 = {
	.id = "CL313",
	.slug = "grant-type-conflict",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a literal `grant_type` param that disagrees with the `grant_type` "
	    "variable's default",
	.check = check_grant_conflict,
};
