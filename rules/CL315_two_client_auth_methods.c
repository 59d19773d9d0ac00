/*
 * CL315 two-client-auth-methods
 *
 * A client uses one authentication method per request (RFC 6749 §2.3): a
 * confidential authorisation code client already sends HTTP Basic client
 * authentication on the token request, so a `client_secret` in the body
 * uses two at once.
 *
 * The advice prefers Basic: a method's body params are also sent on every
 * endpoint request that enables it (format spec, `auth-method`), so a
 * secret in the body reaches every API call, while Basic stays on the
 * token request. A public client with the secret in the body is for an API
 * whose token endpoint refuses Basic (docs/format.md, "Where client
 * credentials go").
 */
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"
#include "span.h"

/*
 * Finds a `client_secret` field in body content TEXT: a form field
 * ("client_secret=" at the start or after '&') or a JSON member name
 * ("\"client_secret\"" then ':'). Sets [*S, *E) to the name; 0 when none.
 */
static int
secret_in_content(const char *text, size_t *s, size_t *e)
{
	static const char name[] = "client_secret";
	const size_t n = sizeof(name) - 1;
	const char *p;

	for (p = strstr(text, name); p; p = strstr(p + 1, name)) {
		size_t i = (size_t)(p - text), j = i + n;
		char before = i ? text[i - 1] : '\0';

		if ((!i || before == '&') && text[j] == '=') {
			*s = i;
			*e = j;
			return 1;
		}
		if (before == '"' && text[j] == '"') {
			size_t k = j + 1;

			while (text[k] == ' ' || text[k] == '\t' ||
			       text[k] == '\n' || text[k] == '\r')
				k++;
			if (text[k] == ':') {
				*s = i;
				*e = j;
				return 1;
			}
		}
	}
	return 0;
}

static void
report_two_methods(struct cl_ctx *ctx, const struct cl_auth_method *m,
                   struct cl_span at)
{
	const struct cl_variable *ct =
	    cl_var_list_find(&m->variables, "client_type");
	struct cl_diag *d;

	d = cl_report(ctx, &cl_rule_CL315, at,
	              "auth method `%s` is a confidential client, so its token "
	              "request already carries HTTP Basic client "
	              "authentication; sending `client_secret` in the body too "
	              "uses two authentication methods at once, which servers "
	              "may reject: remove it from the body (body params also "
	              "go with every endpoint request that enables the "
	              "method, Basic only with the token request); only if "
	              "the API's token endpoint refuses HTTP Basic, make "
	              "`client_type` `public` and keep it in the body",
	              m->id);
	if (ct && cl_var_default(ct))
		cl_report_related(ctx, d, cl_var_default_span(ct),
		                  "`client_type` is `%s` here",
		                  cl_var_default(ct));
}

static void
check_two_client_auth(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i, j, s, e;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_AC)
	{
		const struct cl_text *content = &m->body.content;

		if (cl_auth_is_public_client(m))
			continue;
		for (j = 0; j < m->body.params.n; j++) {
			const struct cl_param *p = &m->body.params.items[j];

			if (!strcmp(p->key, "client_secret"))
				report_two_methods(
				    ctx, m, cl_node_attr_span(p->node, "key"));
		}
		if (content->node && secret_in_content(content->value, &s, &e))
			report_two_methods(ctx, m,
			                   cl_elem_part_span(ctx, content->node,
			                                     content->value, s,
			                                     e));
	}
}

const struct cl_rule cl_rule_CL315 = {
	.id = "CL315",
	.slug = "two-client-auth-methods",
	.severity = CL_SEV_WARNING,
	.summary = "a confidential authorisation code client that also sends "
	           "`client_secret` in its token request body",
	.check = check_two_client_auth,
};
