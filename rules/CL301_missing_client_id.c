/*
 * CL301 missing-client-id: an OAuth 2 client identifies itself with its
 * client_id, so every instance needs one: the variable must be required
 * (the user gives it) or have a default. Facts: RFC 6749 §2.3, §4.1, §4.4
 * and the format spec's OAuth 2 notes.
 */
#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"

static void
check_client_id(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_variable *v;

		v = cl_var_list_find(&m->variables, "client_id");
		/* Absent or misspelt: this rule's, not CL201's (auth.h). */
		if (!v) {
			struct cl_diag *d = cl_report_missing_auth_var(
			    ctx, &cl_rule_CL301, m, "client_id",
			    "the OAuth 2 client ID");

			cl_auth_add_default_fix(ctx, d, m, "client_id");
			continue;
		}
		/* A configurable-only client_id may be left empty too. */
		if (!v->required && !cl_var_default(v))
			cl_report(ctx, &cl_rule_CL301, cl_var_key_span(v),
			          "`client_id` of auth method `%s` is neither "
			          "required nor given a default: an instance "
			          "can be added without a client ID",
			          m->id);
	}
}

const struct cl_rule cl_rule_CL301 = {
	.id = "CL301",
	.slug = "missing-client-id",
	.severity = CL_SEV_ERROR,
	.summary =
	    "an OAuth 2 method without a required or defaulted client_id",
	.check = check_client_id,
	.fix = CL_RULE_FIX_SOMETIMES_UNSAFE,
};
