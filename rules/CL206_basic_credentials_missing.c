/*
 * CL206: a `basic` method whose `username` or `password` nobody is asked
 * for authenticates with nothing.
 *
 * The platform builds the Basic Authorization header from the values users
 * give for `username` and `password` when they add an instance. A
 * credential that is neither required nor given a default may be left
 * empty, and the instance then authenticates with nothing. (A `password`
 * with a default is not this rule's: that is a hard-coded secret, CL501.)
 *
 * Who says what about a default auth variable (one diagnostic per
 * problem): an absent or misspelt `username` or `password` of a basic
 * method is this rule's, not CL201's (auth.h, cl_auth_missing_rule). CL111 (variable-never-set) leaves this
 * variable to this rule while it is on, and a <use> naming no connector
 * variable is CL108's alone.
 *
 * "Nobody is asked for it" means the same in every rule: not required and
 * no default, or a default of blanks only (a configurable variable may be
 * left empty). A required variable without a default is the user's to fill
 * in and is not reported.
 */
#include "auth.h"
#include "rule.h"
#include "vars.h"

static void
check_basic_credentials(struct cl_ctx *ctx, const struct cl_connector *c)
{
	static const char *const keys[] = { "username", "password" };
	size_t i, k;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		if (m->type != CL_AUTH_BASIC)
			continue;
		for (k = 0; k < CL_ARRAY_SIZE(keys); k++) {
			const struct cl_variable *v =
			    cl_var_list_find(&m->variables, keys[k]);

			if (!v) {
				cl_report_missing_auth_var(
				    ctx, &cl_rule_CL206, m, keys[k],
				    "a credential of a `basic` method");
				continue;
			}
			/* A use of no connector variable is CL108's. */
			if (v->required || !cl_blank(cl_var_default(v)) ||
			    (v->is_use && !v->target))
				continue;
			cl_report(ctx, &cl_rule_CL206, cl_var_key_span(v),
			          "`%s` of `basic` auth method `%s` is neither "
			          "required nor given a default: an instance "
			          "can be added without it, and its requests "
			          "then fail to authenticate; make it "
			          "`required=\"true\"`",
			          keys[k], m->id);
		}
	}
}

const struct cl_rule cl_rule_CL206 = {
	.id = "CL206",
	.slug = "basic-credentials-missing",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a `basic` method whose `username` or `password` nobody is asked for",
	.check = check_basic_credentials,
	.fix = CL_RULE_FIX_SOMETIMES_UNSAFE,
};
