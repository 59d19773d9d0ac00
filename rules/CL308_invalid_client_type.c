/*
 * CL308 invalid-client-type
 *
 * `client_type` of an oauth2-authorization-code method: `confidential`
 * makes the token request carry HTTP Basic client authentication, and the
 * platform treats every other value as public (format spec). Values are
 * compared exactly, so `Confidential` is reported too: it means
 * confidential and is taken as public. `public` in another case (`Public`)
 * is accepted: it is taken as public, which is what it says, and CL302
 * reads it the same way. A variable with no value that nobody is asked for
 * is empty, hence public: also reported. (CL302 still takes a misspelt
 * `confidential` as meant confidential.) Facts: RFC 6749 §2.1 (client
 * types) and the format spec's OAuth 2 notes.
 */
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "fixes.h"
#include "nearmiss.h"
#include "oauth2.h"
#include "rule.h"

/* The element whose default attribute V's default is (vars.h,
 * cl_var_default_at): V's own, or for a <use> the connector variable's. */
static const struct cl_node *
default_node(const struct cl_variable *v)
{
	return v->is_use ? v->target->node : v->node;
}

static void
check_client_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	static const char *const ok[] = { "confidential", "public" };
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_AC)
	{
		const struct cl_variable *v;
		struct cl_span span;
		const char *d, *near;

		v = cl_var_list_find(&m->variables, "client_type");
		/* Absent: CL201's; a use of no connector variable: CL108's. */
		if (!v || (v->is_use && !v->target))
			continue;
		span = cl_var_key_span(v);
		d = cl_var_default_at(v, &span);
		if (cl_blank(d)) {
			if (!v->required)
				cl_report(
				    ctx, &cl_rule_CL308, span,
				    "`client_type` of auth method `%s` "
				    "has no value, so the platform treats "
				    "the client as public and sends no "
				    "client authentication: give it the "
				    "default `confidential` or `public`",
				    m->id);
			continue;
		}
		if (!strcmp(d, ok[0]) || !cl_strcasecmp(d, ok[1]))
			continue;
		near = cl_nearmiss(d, ok, CL_ARRAY_SIZE(ok));
		if (near) {
			struct cl_diag *diag = cl_report(
			    ctx, &cl_rule_CL308, span,
			    "client type `%s` of auth method `%s` is "
			    "neither `confidential` nor `public` (did you "
			    "mean `%s`?): the platform treats it as public "
			    "and sends no client authentication",
			    d, m->id, near);

			/* The value is taken as public whatever it says;
			 * the near miss is what its author meant. */
			if (cl_fix_unique_nearmiss(d, ok, CL_ARRAY_SIZE(ok))) {
				cl_fix_new(ctx, diag, CL_FIX_SAFE,
				           "replace `%s` with `%s`", d, near);
				cl_fix_set_attr(ctx, diag, default_node(v),
				                "default", near);
			}
		} else
			cl_report(ctx, &cl_rule_CL308, span,
			          "client type `%s` of auth method `%s` is "
			          "neither `confidential` nor `public`: the "
			          "platform treats it as public and sends no "
			          "client authentication",
			          d, m->id);
	}
}

const struct cl_rule cl_rule_CL308 = {
	.id = "CL308",
	.slug = "invalid-client-type",
	.severity = CL_SEV_ERROR,
	.summary =
	    "`client_type` other than `confidential` or `public` (the platform "
	    "treats any other value as public, so no client authentication is "
	    "sent)",
	.check = check_client_type,
	.fix = CL_RULE_FIX_SAFE,
};
