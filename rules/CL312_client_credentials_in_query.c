/*
 * CL312 client-credentials-in-query
 *
 * Client credentials must not be sent in the request URI (RFC 6749
 * §2.3.1): servers and proxies log URLs, and the authorise request goes
 * through the user's browser.
 *
 * Which request a param belongs to (format spec, `auth-method`): for an
 * oauth2-authorization-code method, `url-params` and the query of
 * Additional URL 1 make the authorise request the user's browser is sent
 * to, while the query of `url`, `headers` and `body` belong to the token
 * request. For oauth2-client-credentials, `url-params` are appended to
 * `url`: everything is the token request.
 */
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"
#include "url.h"

/* 1 when param P carries the client secret: its key, or a value that
 * references {{client_secret}}. */
static int
carries_secret(const struct cl_param *p)
{
	return !strcmp(p->key, "client_secret") ||
	       (p->value && strstr(p->value, "{{client_secret}}"));
}

static struct cl_span
secret_param_span(const struct cl_param *p)
{
	return cl_node_attr_span(
	    p->node, strcmp(p->key, "client_secret") ? "value" : "key");
}

/*
 * What to do with a client secret found in the token request's URL, for
 * M's type (docs/format.md, "Where client credentials go"). HTTP Basic,
 * which the platform builds from client_id and client_secret, keeps the
 * secret on the token request alone; a `body` param is sent on every
 * endpoint request that enables the method too, so it is the way only for
 * a public authorisation code client whose API wants the secret in the
 * body (Zoho, HubSpot). A client credentials method always sends Basic
 * (its clients are confidential, RFC 6749 §4.4): a body param would be a
 * second client authentication, so the advice is only to remove it.
 */
static const char *
secret_fix(const struct cl_auth_method *m)
{
	if (m->type == CL_AUTH_OAUTH2_AC && cl_auth_is_public_client(m))
		return "remove it from the URL: make `client_type` "
		       "`confidential`, so that the platform sends it by HTTP "
		       "Basic authentication on the token request alone, or, if "
		       "the API wants it in the token request body, send it as a "
		       "`body` param `client_secret` (body params also go with "
		       "every endpoint request that enables the method)";
	if (m->type == CL_AUTH_OAUTH2_AC)
		return "remove it: a confidential client already sends it by "
		       "HTTP Basic authentication";
	return "remove it from the URL: the platform sends `client_id` and "
	       "`client_secret` by HTTP Basic authentication on the token "
	       "request";
}

#define CLIENT_ID_TOO \
	"`client_id` is sent in the URL too; move it with the secret"

/*
 * Each client_id sent in the token request's URL of a method whose fix is
 * to move the secret to the body: related locations of D, since client_id
 * goes with it (RFC 6749 §2.3.1). An authorisation code client sends
 * client_id in the URL of the authorise request by design.
 */
static void
relate_client_id(struct cl_ctx *ctx, struct cl_diag *d,
                 const struct cl_auth_method *m)
{
	struct cl_query q;
	struct cl_qparam qp;
	size_t j;

	if (m->type == CL_AUTH_OAUTH2_AC)
		return;
	for (j = 0; j < m->url_params.n; j++)
		if (!strcmp(m->url_params.items[j].key, "client_id"))
			cl_report_related(
			    ctx, d,
			    cl_node_attr_span(m->url_params.items[j].node,
			                      "key"),
			    CLIENT_ID_TOO);
	cl_query_init(&q, ctx, m->url.node, m->url.value);
	while (cl_query_next(&q, &qp))
		if (cl_query_is(CL_QKEY(&q, qp), "client_id"))
			cl_report_related(ctx, d,
			                  cl_query_span(CL_QKEY(&q, qp)),
			                  CLIENT_ID_TOO);
}

static void
report_authorise_secret(struct cl_ctx *ctx, const struct cl_auth_method *m,
                        struct cl_span at, const char *where)
{
	cl_report(ctx, &cl_rule_CL312, at,
	          "the client secret of auth method `%s` is sent in %s, on the "
	          "authorise request, which goes through the user's browser: "
	          "remove it; only the token request authenticates the client",
	          m->id, where);
}

static void
report_token_secret(struct cl_ctx *ctx, const struct cl_auth_method *m,
                    struct cl_span at)
{
	struct cl_diag *d;

	d = cl_report(ctx, &cl_rule_CL312, at,
	              "the client secret of auth method `%s` is sent in the "
	              "token request's URL, where servers and proxies log it; "
	              "%s",
	              m->id, secret_fix(m));
	relate_client_id(ctx, d, m);
}

/* Every client secret in the query of URL (an element of M, with the
 * trimmed value TEXT); AUTHORISE when that is Additional URL 1. */
static void
secrets_in_query(struct cl_ctx *ctx, const struct cl_auth_method *m,
                 const struct cl_node *url, const char *text, int authorise)
{
	struct cl_query q;
	struct cl_qparam qp;

	cl_query_init(&q, ctx, url, text);
	while (cl_query_next(&q, &qp)) {
		struct cl_span at;

		if (cl_query_is(CL_QKEY(&q, qp), "client_secret"))
			at = cl_query_span(CL_QKEY(&q, qp));
		else if (cl_query_has(CL_QVALUE(&q, qp), "{{client_secret}}"))
			at = cl_query_span(CL_QVALUE(&q, qp));
		else
			continue;
		if (authorise)
			report_authorise_secret(ctx, m, at, "Additional URL 1");
		else
			report_token_secret(ctx, m, at);
	}
}

static void
check_credentials_in_query(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i, j;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_additional_url *az = cl_oauth2_authorise_url(m);
		int ac = m->type == CL_AUTH_OAUTH2_AC;

		/* url-params: the authorise request's for authorisation
		 * code, else the token request's. */
		for (j = 0; j < m->url_params.n; j++) {
			const struct cl_param *p = &m->url_params.items[j];

			if (!carries_secret(p))
				continue;
			if (ac)
				report_authorise_secret(ctx, m,
				                        secret_param_span(p),
				                        "`url-params`");
			else
				report_token_secret(ctx, m,
				                    secret_param_span(p));
		}
		secrets_in_query(ctx, m, m->url.node, m->url.value, 0);
		if (az)
			secrets_in_query(ctx, m, az->node, az->value, 1);
	}
}

const struct cl_rule cl_rule_CL312 = {
	.id = "CL312",
	.slug = "client-credentials-in-query",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a client secret sent in the URL of an OAuth 2 request, where servers "
	    "and proxies log it",
	.check = check_credentials_in_query,
};
