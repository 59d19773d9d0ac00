/*
 * CL317 fixed-state
 *
 * `state` protects the authorisation code flow against cross-site request
 * forgery only when it is an unguessable value made for each authorise
 * request (RFC 6749 §4.1.1, §10.12): a constant in `url-params` or in the
 * query of Additional URL 1, or a placeholder that names a variable with
 * a default written in the file, protects against nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"
#include "url.h"

#define STATE_WHY                                           \
	"state must be an unguessable value made for each " \
	"authorise request, or it protects against nothing"

static void
check_state_param(struct cl_ctx *ctx, const struct cl_auth_method *m,
                  const struct cl_param *p)
{
	const struct cl_variable *v;
	struct cl_diag *d;

	if (!p->value || !*p->value || cl_has_malformed_placeholder(p->value))
		return;
	if (!strstr(p->value, "{{")) {
		cl_report(
		    ctx, &cl_rule_CL317, cl_node_attr_span(p->node, "value"),
		    "`state` of auth method `%s` is the constant `%s`: " STATE_WHY
		    "; remove the param",
		    m->id, p->value);
		return;
	}
	/* {{k}} where k has a default written in the file: as constant. */
	v = cl_auth_placeholder_var(m, p->value);
	if (!v)
		return;
	d = cl_report(ctx, &cl_rule_CL317, cl_var_default_span(v),
	              "`state` of auth method `%s` is always `%s`, the default "
	              "of `%s`: " STATE_WHY,
	              m->id, cl_var_default(v), v->key);
	cl_report_related(ctx, d, cl_node_attr_span(p->node, "value"),
	                  "sent as `state` here");
}

static void
check_fixed_state(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i, j;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_AC)
	{
		const struct cl_additional_url *az = cl_oauth2_authorise_url(m);
		struct cl_query q;
		struct cl_qparam qp;

		for (j = 0; j < m->url_params.n; j++)
			if (!strcmp(m->url_params.items[j].key, "state"))
				check_state_param(ctx, m,
				                  &m->url_params.items[j]);
		cl_query_init(&q, ctx, az ? az->node : NULL,
		              az ? az->value : NULL);
		while (cl_query_next(&q, &qp)) {
			char *value;

			if (!cl_query_is(CL_QKEY(&q, qp), "state") ||
			    qp.value_end == qp.value_start ||
			    cl_query_has(CL_QVALUE(&q, qp), "{{"))
				continue;
			value = cl_query_dup(CL_QVALUE(&q, qp));
			if (!cl_has_malformed_placeholder(value))
				cl_report(
				    ctx, &cl_rule_CL317,
				    cl_query_span(CL_QVALUE(&q, qp)),
				    "Additional URL 1 of auth method `%s` "
				    "sends the constant `state` `%s`: " STATE_WHY
				    "; remove it from the URL",
				    m->id, value);
			free(value);
		}
	}
}

const struct cl_rule cl_rule_CL317 = {
	.id = "CL317",
	.slug = "fixed-state",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a constant `state` on the authorise request: `state` must be "
	    "unguessable per request",
	.check = check_fixed_state,
};
