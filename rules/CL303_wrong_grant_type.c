/*
 * CL303 wrong-grant-type: the grant_type an OAuth 2 method sends must fit
 * its type (cl_oauth2_grant_types: `client_credentials` or `password` for
 * oauth2-client-credentials, `authorization_code` for
 * oauth2-authorization-code). Facts: RFC 6749 §4.1.3, §4.4.2 and the
 * format spec's OAuth 2 notes.
 */
#include <string.h>

#include "fixes.h"
#include "nearmiss.h"
#include "oauth2.h"
#include "rule.h"

/*
 * Reports VALUE, written in attribute ATTR of AT as WHAT, when it is not a
 * grant type of M's type. Values are compared exactly: OAuth parameter
 * values are case-sensitive, and `authorisation_code` is a different word
 * on the wire.
 */
static void
check_grant_value(struct cl_ctx *ctx, const struct cl_auth_method *m,
                  const char *value, const struct cl_node *at, const char *attr,
                  const char *what)
{
	struct cl_span span = cl_node_attr_span(at, attr);
	struct cl_diag *d = NULL;
	enum cl_auth_type other = m->type == CL_AUTH_OAUTH2_CC
	                              ? CL_AUTH_OAUTH2_AC
	                              : CL_AUTH_OAUTH2_CC;
	size_t n;
	const char *const *ok = cl_oauth2_grant_types(m->type, &n);
	const char *near, *type = cl_auth_type_name(m->type);

	if (cl_oauth2_grant_fits(m->type, value))
		return;
	if (!*value) {
		cl_report(ctx, &cl_rule_CL303, span,
		          "%s of `%s` auth method `%s` is empty: it must be "
		          "`%s`",
		          what, type, m->id, ok[0]);
		return;
	}
	near = cl_nearmiss(value, ok, n);
	if (near && cl_same_folded(value, near))
		d = cl_report(
		    ctx, &cl_rule_CL303, span,
		    "grant type `%s` does not fit `%s` auth method "
		    "`%s`: did you mean `%s`? OAuth values must match "
		    "exactly",
		    value, type, m->id, near);
	else if (near)
		d = cl_report(ctx, &cl_rule_CL303, span,
		              "grant type `%s` does not fit `%s` auth method "
		              "`%s`: did you mean `%s`?",
		              value, type, m->id, near);
	/* The near miss becomes the grant type, when it is the only one:
	 * the value fits no type as it is, so nothing else changes. */
	if (near && cl_fix_unique_nearmiss(value, ok, n) == near) {
		cl_fix_new(ctx, d, CL_FIX_SAFE, "replace `%s` with `%s`", value,
		           near);
		cl_fix_set_attr(ctx, d, at, attr, near);
	}
	if (near)
		return;
	if (cl_oauth2_grant_fits(other, value))
		cl_report(ctx, &cl_rule_CL303, span,
		          "grant type `%s` belongs to another auth type; `%s` "
		          "auth method `%s` needs `%s`",
		          value, type, m->id, ok[0]);
	else
		cl_report(ctx, &cl_rule_CL303, span,
		          "grant type `%s` does not fit `%s` auth method `%s`: "
		          "it must be `%s`",
		          value, type, m->id, ok[0]);
}

/* Literal grant_type params: a value with a placeholder is checked
 * through the variable it names instead. */
static void
check_grant_params(struct cl_ctx *ctx, const struct cl_auth_method *m,
                   const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];

		if (strcmp(p->key, "grant_type") || !p->value ||
		    strstr(p->value, "{{"))
			continue;
		check_grant_value(ctx, m, p->value, p->node, "value",
		                  "the `grant_type` param");
	}
}

/*
 * The default of grant_type variable V, reported where it is written: for
 * a <use>, at the connector variable's default (a use has none of its own).
 */
static void
check_grant_default(struct cl_ctx *ctx, const struct cl_auth_method *m,
                    const struct cl_variable *v)
{
	const struct cl_node *at = v->node;
	const char *value = v->default_value;

	if (!cl_node_attr(at, "default") && v->is_use && v->target) {
		at = v->target->node;
		value = v->target->default_value;
	}
	if (value)
		check_grant_value(ctx, m, value, at, "default",
		                  "the `grant_type` default");
}

static void
check_grant_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_variable *v;

		v = cl_var_list_find(&m->variables, "grant_type");
		/*
		 * An absent default is left alone: CL201 covers an absent
		 * variable, and a value the user types in is theirs. An
		 * empty default="" is a wrong value, though.
		 */
		if (v)
			check_grant_default(ctx, m, v);
		check_grant_params(ctx, m, &m->url_params);
		check_grant_params(ctx, m, &m->headers);
		check_grant_params(ctx, m, &m->body.params);
	}
}

const struct cl_rule cl_rule_CL303 = {
	.id = "CL303",
	.slug = "wrong-grant-type",
	.severity = CL_SEV_ERROR,
	.summary = "a grant_type that does not fit the OAuth 2 method",
	.check = check_grant_type,
	.fix = CL_RULE_FIX_SAFE,
};
