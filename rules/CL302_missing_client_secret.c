/*
 * CL302 missing-client-secret
 *
 * A public authorisation code client sends no client authentication, so
 * it needs no secret; every other OAuth 2 client authenticates with one
 * (RFC 6749 §2.3.1). A default alone does not do: a secret belongs to
 * whoever adds the instance, so the user must be asked for it.
 */
#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"

static void
check_client_secret(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_variable *v;
		const char *why;

		if (!cl_auth_needs_client_secret(m))
			continue;
		why = m->type == CL_AUTH_OAUTH2_CC
		          ? "the client credentials grant authenticates the "
		            "client with it"
		          : "a confidential client authenticates with it";
		v = cl_var_list_find(&m->variables, "client_secret");
		/* Absent or misspelt: this rule's, not CL201's (auth.h). */
		if (!v) {
			struct cl_diag *d = cl_report_missing_auth_var(
			    ctx, &cl_rule_CL302, m, "client_secret",
			    "the OAuth 2 client secret");

			cl_auth_add_default_fix(ctx, d, m, "client_secret");
			continue;
		}
		if (!v->required)
			cl_report(ctx, &cl_rule_CL302, cl_var_key_span(v),
			          "`client_secret` of auth method `%s` is not "
			          "required: %s",
			          m->id, why);
	}
}

const struct cl_rule cl_rule_CL302 = {
	.id = "CL302",
	.slug = "missing-client-secret",
	.severity = CL_SEV_ERROR,
	.summary =
	    "an OAuth 2 client that must authenticate without a required "
	    "client_secret",
	.check = check_client_secret,
	.fix = CL_RULE_FIX_SOMETIMES_UNSAFE,
};
