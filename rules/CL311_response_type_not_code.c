/*
 * CL311 response-type-not-code
 *
 * The authorise request of the authorisation code flow asks for
 * `response_type=code` (RFC 6749 §4.1.1); OAuth values are case-sensitive
 * (§1.9). Read in `url-params` and the query of Additional URL 1, the
 * authorise request. A response type holding the word `token` is an
 * implicit-grant one, which CL310 (implicit-grant) reports where it reads
 * `response_type` values (the variable's default and literal params).
 *
 * Which request a param belongs to (format spec, `auth-method`): for an
 * oauth2-authorization-code method, `url-params` and the query of
 * Additional URL 1 make the authorise request the user's browser is sent
 * to, while the query of `url`, `headers` and `body` belong to the token
 * request. For oauth2-client-credentials, `url-params` are appended to
 * `url`: everything is the token request.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"
#include "url.h"

/*
 * Reports response_type VALUE, written at SPAN, unless it is `code`. WHAT
 * names the place and the method ("the `response_type` param of auth
 * method `x`"). CL310_SEES says whether CL310 reads this place.
 */
static struct cl_diag *
check_response_value(struct cl_ctx *ctx, const char *value, struct cl_span span,
                     const char *what, int cl310_sees)
{
	if (!strcmp(value, "code"))
		return NULL;
	if (cl310_sees && cl_oauth2_response_has_token(value) &&
	    cl_rule_enabled(ctx, &cl_rule_CL310))
		return NULL;
	if (!*value)
		return cl_report(ctx, &cl_rule_CL311, span,
		                 "%s is empty: the authorisation code flow "
		                 "needs `code`",
		                 what);
	if (!cl_strcasecmp(value, "code") || cl_same_folded(value, "code"))
		return cl_report(
		    ctx, &cl_rule_CL311, span,
		    "%s is `%s`: did you mean `code`? OAuth values "
		    "are case-sensitive",
		    what, value);
	return cl_report(
	    ctx, &cl_rule_CL311, span,
	    "%s is `%s`, but an `oauth2-authorization-code` method "
	    "needs exactly `code`: the platform expects the "
	    "authorisation code in the redirect",
	    what, value);
}

static void
check_response_param(struct cl_ctx *ctx, const struct cl_auth_method *m,
                     const struct cl_param *p)
{
	struct cl_strbuf what = CL_STRBUF_INIT;
	const struct cl_variable *v;
	struct cl_diag *d;

	if (!p->value) {
		/* An optional param without a value is the user's to fill. */
		if (p->required)
			cl_report(ctx, &cl_rule_CL311, p->node->name_span,
			          "the `response_type` param of auth method "
			          "`%s` has no value: the authorisation code "
			          "flow needs `code`",
			          m->id);
		return;
	}
	if (!strstr(p->value, "{{")) {
		if (cl_has_malformed_placeholder(p->value))
			return;
		cl_strbuf_addf(&what,
		               "the `response_type` param of auth "
		               "method `%s`",
		               m->id);
		check_response_value(ctx, p->value,
		                     cl_node_attr_span(p->node, "value"),
		                     cl_strbuf_str(&what), 1);
		cl_strbuf_release(&what);
		return;
	}
	/* {{k}}: the value sent is k's default. */
	v = cl_auth_placeholder_var(m, p->value);
	if (!v)
		return;
	if (!strcmp(v->key, "response_type"))
		cl_strbuf_addf(&what,
		               "the `response_type` default of auth "
		               "method `%s`",
		               m->id);
	else
		cl_strbuf_addf(&what,
		               "the default of `%s`, which auth method "
		               "`%s` sends as `response_type`,",
		               v->key, m->id);
	d = check_response_value(ctx, cl_var_default(v), cl_var_default_span(v),
	                         cl_strbuf_str(&what),
	                         !strcmp(v->key, "response_type"));
	cl_report_related(ctx, d, cl_node_attr_span(p->node, "value"),
	                  "sent as `response_type` here");
	cl_strbuf_release(&what);
}

static void
check_response_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i, j;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_AC)
	{
		const struct cl_additional_url *az = cl_oauth2_authorise_url(m);
		struct cl_strbuf what = CL_STRBUF_INIT;
		struct cl_query q;
		struct cl_qparam qp;

		for (j = 0; j < m->url_params.n; j++)
			if (!strcmp(m->url_params.items[j].key,
			            "response_type"))
				check_response_param(ctx, m,
				                     &m->url_params.items[j]);
		cl_query_init(&q, ctx, az ? az->node : NULL,
		              az ? az->value : NULL);
		while (cl_query_next(&q, &qp)) {
			char *value;

			if (!cl_query_is(CL_QKEY(&q, qp), "response_type") ||
			    cl_query_has(CL_QVALUE(&q, qp), "{{"))
				continue;
			value = cl_query_dup(CL_QVALUE(&q, qp));
			cl_strbuf_reset(&what);
			cl_strbuf_addf(&what,
			               "`response_type` in Additional "
			               "URL 1 of auth method `%s`",
			               m->id);
			if (!cl_has_malformed_placeholder(value))
				check_response_value(
				    ctx, value,
				    qp.value_end > qp.value_start
				        ? cl_query_span(CL_QVALUE(&q, qp))
				        : cl_query_span(CL_QKEY(&q, qp)),
				    cl_strbuf_str(&what), 0);
			free(value);
		}
		cl_strbuf_release(&what);
	}
}

const struct cl_rule cl_rule_CL311 = {
	.id = "CL311",
	.slug = "response-type-not-code",
	.severity = CL_SEV_ERROR,
	.summary =
	    "authorisation code: a `response_type` param with a value other than "
	    "`code`",
	.check = check_response_type,
};
