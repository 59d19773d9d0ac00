/*
 * CL201: every auth type has default auth variables (format spec,
 * "Default auth variables by type"); one that is absent, or whose key is
 * misspelt, is reported here (see auth.h for who says what).
 *
 * A `<use variable="client_id"/>` counts as the default variable:
 * the use makes connector variable client_id an auth variable of this
 * method (format spec, `use`), so users adding an instance are asked for
 * it and {{client_id}} resolves, which is all a default variable is for.
 * This is also how CL107 counts uses. A use naming no connector variable
 * still counts here; CL108 reports the use itself.
 *
 * One missing variable gives one diagnostic, from the most specific rule:
 * a variable that has a rule of its own (client_id CL301, a needed
 * client_secret CL302, a basic method's username and password CL206,
 * response_authentication_token_key CL209) is left to it, whether that
 * rule is on or not (auth.h, cl_auth_missing_rule).
 */
#include "auth.h"
#include "rule.h"

static void
check_default_auth_variables(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, n;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const char *const *keys = cl_auth_default_keys(m->type, &n);
		struct cl_strbuf role = CL_STRBUF_INIT;

		for (j = 0; j < n; j++) {
			struct cl_diag *d;

			if (cl_var_list_find(&m->variables, keys[j]) ||
			    cl_auth_missing_rule(m, keys[j]) != &cl_rule_CL201)
				continue;
			/* Written for the first report only: most methods
			 * have all their defaults. */
			if (!role.len)
				cl_strbuf_addf(&role,
				               "a default auth variable of "
				               "type `%s`",
				               cl_auth_type_name(m->type));
			d = cl_report_missing_auth_var(ctx, &cl_rule_CL201, m,
			                               keys[j],
			                               cl_strbuf_str(&role));
			cl_auth_add_default_fix(ctx, d, m, keys[j]);
		}
		cl_strbuf_release(&role);
	}
}

const struct cl_rule cl_rule_CL201 = {
	.id = "CL201",
	.slug = "missing-default-auth-variable",
	.severity = CL_SEV_ERROR,
	.summary = "a default auth variable of the method's type is absent",
	.check = check_default_auth_variables,
	.fix = CL_RULE_FIX_SOMETIMES_UNSAFE,
};
