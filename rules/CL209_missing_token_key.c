/*
 * CL209: the key of the token in the authentication response.
 *
 * `response_authentication_token_key` names the field (OAuth 2) or element
 * (SOAP) of the authentication response that holds the token. Empty means
 * no default and nobody asked for it (not required), or a blank default:
 * the platform then cannot find the token. A required variable without a
 * default is left alone: the user gives the value.
 *
 * Who says what about a default auth variable (one diagnostic per
 * problem): an absent or misspelt key is this rule's, not CL201's
 * (auth.h, cl_auth_missing_rule). CL111 (variable-never-set) leaves this
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
check_token_key(struct cl_ctx *ctx, const struct cl_connector *c)
{
	static const char key[] = "response_authentication_token_key";
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;
		struct cl_span span;
		const char *hint;

		if (!cl_auth_type_is_oauth2(m->type) && m->type != CL_AUTH_SOAP)
			continue;
		hint = m->type == CL_AUTH_SOAP
		           ? "name the element of the SOAP response that "
		             "holds the token"
		           : "OAuth 2 token responses carry it in "
		             "`access_token`";
		v = cl_var_list_find(&m->variables, key);
		if (!v) {
			cl_report_missing_auth_var(
			    ctx, &cl_rule_CL209, m, key,
			    "the key of the token in the authentication "
			    "response");
			continue;
		}
		span = cl_var_key_span(v);
		if (!cl_blank(cl_var_default_at(v, &span)) || v->required ||
		    (v->is_use && !v->target))
			continue;
		cl_report(ctx, &cl_rule_CL209, span,
		          "`%s` of `%s` auth method `%s` is empty: the "
		          "platform cannot find the token in the "
		          "authentication response; %s",
		          key, cl_auth_type_name(m->type), m->id, hint);
	}
}

const struct cl_rule cl_rule_CL209 = {
	.id = "CL209",
	.slug = "missing-token-key",
	.severity = CL_SEV_ERROR,
	.summary = "an OAuth 2 or SOAP method without a non-empty "
	           "`response_authentication_token_key`",
	.check = check_token_key,
	.fix = CL_RULE_FIX_SOMETIMES_UNSAFE,
};
