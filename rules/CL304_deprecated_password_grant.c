/*
 * CL304 deprecated-password-grant
 *
 * The platform lets an oauth2-client-credentials method use grant type
 * `password` (format spec). RFC 9700 §2.4 says the resource owner password
 * credentials grant MUST NOT be used: the client handles the user's own
 * password. One diagnostic per method, at the first place that says
 * `password`, with the others as related locations. On an
 * oauth2-authorization-code method `password` does not fit at all; CL303
 * reports it there.
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
check_password_grant(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i, j, n;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_CC)
	{
		struct cl_auth_value f[CL_AUTH_VALUES_MAX];
		struct cl_diag *d = NULL;

		n = cl_auth_values(m, "grant_type", f, CL_AUTH_VALUES_MAX);
		for (j = 0; j < n; j++) {
			if (strcmp(f[j].value, "password"))
				continue;
			if (!d) {
				d = cl_report(
				    ctx, &cl_rule_CL304, f[j].span,
				    "auth method `%s` uses grant type "
				    "`password` (resource owner "
				    "password credentials), which "
				    "current OAuth security advice "
				    "forbids: the connector handles "
				    "the user's own password; use "
				    "`client_credentials` if the API "
				    "offers it",
				    m->id);
				if (!d)
					break;
				continue;
			}
			cl_report_related(ctx, d, f[j].span,
			                  "`password` is also the grant "
			                  "type's %s here",
			                  f[j].what);
		}
	}
}

const struct cl_rule cl_rule_CL304 = {
	.id = "CL304",
	.slug = "deprecated-password-grant",
	.severity = CL_SEV_WARNING,
	.summary =
	    "`grant_type` `password` (resource-owner password credentials: "
	    "deprecated by current OAuth security advice)",
	.check = check_password_grant,
};
