/*
 * CL310 implicit-grant
 *
 * The implicit grant returns the access token in the browser's redirect
 * URL; RFC 9700 §2.1.2 says clients SHOULD NOT use it and OAuth 2.1
 * removes it. Flagged: a `response_type` (default or literal param) whose
 * space-separated values include `token` (also `id_token token`). A
 * `grant_type` of `implicit` does not fit any OAuth 2 type, and CL303
 * (wrong-grant-type) reports it as such; this rule reports it only while
 * CL303 is turned off, so one value gives one diagnostic.
 *
 * Values are read where they are written (cl_auth_values): a variable's
 * default (for a <use>, the connector variable's default) and literal
 * params. A value with a placeholder is checked through the variable it
 * names, and a variable without a default is the user's to fill in (CL111
 * and the CL2xx rules cover values nobody is asked for).
 */
#include <string.h>

#include "oauth2.h"
#include "rule.h"

static void
check_implicit_grant(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	int grants = !cl_rule_enabled(ctx, &cl_rule_CL303);
	size_t i, j, n;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		struct cl_auth_value f[CL_AUTH_VALUES_MAX];

		n = cl_auth_values(m, "response_type", f, CL_AUTH_VALUES_MAX);
		for (j = 0; j < n; j++)
			if (cl_oauth2_response_has_token(f[j].value))
				cl_report(ctx, &cl_rule_CL310, f[j].span,
				          "`response_type` `%s` of auth method "
				          "`%s` asks for the implicit grant, "
				          "which is deprecated and unsafe: the "
				          "access token comes back in the "
				          "browser's URL; use `code` (the "
				          "authorisation code flow)",
				          f[j].value, m->id);
		if (!grants)
			continue;
		n = cl_auth_values(m, "grant_type", f, CL_AUTH_VALUES_MAX);
		for (j = 0; j < n; j++)
			if (!strcmp(f[j].value, "implicit"))
				cl_report(
				    ctx, &cl_rule_CL310, f[j].span,
				    "grant type `implicit` of auth method "
				    "`%s`: the implicit grant is "
				    "deprecated and unsafe, and never "
				    "calls the token endpoint; use "
				    "`authorization_code`",
				    m->id);
	}
}

const struct cl_rule cl_rule_CL310 = {
	.id = "CL310",
	.slug = "implicit-grant",
	.severity = CL_SEV_ERROR,
	.summary =
	    "`response_type=token` or `grant_type` `implicit`: the implicit grant "
	    "is deprecated and unsafe",
	.check = check_implicit_grant,
};
