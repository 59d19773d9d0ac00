/*
 * OAuth 2 rules: the client credentials (CL301, CL302), the grant type
 * (CL303), the authorise URL of the authorisation code flow (CL305) and
 * the form encoding of the token request (CL307). Facts: RFC 6749 §2.3,
 * §4.1, §4.4 and the format spec's OAuth 2 notes.
 */
#include <string.h>

#include "authvars.h"
#include "nearmiss.h"
#include "rule.h"

static void check_client_id(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		v = cl_var_list_find(&m->variables, "client_id");
		/* An absent client_id is CL201's, a default of the type. */
		if (!v) {
			if (!cl_rule_enabled(ctx, &cl_rule_CL201))
				cl_report_missing_auth_var(
					ctx, &cl_rule_CL301, m, "client_id",
					"the OAuth 2 client ID");
			continue;
		}
		/* A configurable-only client_id may be left empty too. */
		if (!v->required && !cl_var_default(v))
			cl_report(ctx, &cl_rule_CL301, cl_var_key_span(v),
				  "`client_id` of auth method `%s` is neither "
				  "required nor given a default: an instance "
				  "can be added without a client ID", m->id);
	}
}

const struct cl_rule cl_rule_CL301 = {
	.id = "CL301",
	.slug = "missing-client-id",
	.severity = CL_SEV_ERROR,
	.summary = "an OAuth 2 method without a required or defaulted client_id",
	.check = check_client_id,
};

/*
 * A public authorisation code client sends no client authentication, so
 * it needs no secret; every other OAuth 2 client authenticates with one
 * (RFC 6749 §2.3.1). A default alone does not do: a secret belongs to
 * whoever adds the instance, so the user must be asked for it.
 */
static void check_client_secret(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;
		const char *why;

		if (!cl_auth_needs_client_secret(m))
			continue;
		why = m->type == CL_AUTH_OAUTH2_CC
			      ? "the client credentials grant authenticates the "
				"client with it"
			      : "a confidential client authenticates with it";
		v = cl_var_list_find(&m->variables, "client_secret");
		/* An absent client_secret is CL201's, as for client_id. */
		if (!v) {
			if (!cl_rule_enabled(ctx, &cl_rule_CL201))
				cl_report_missing_auth_var(
					ctx, &cl_rule_CL302, m, "client_secret",
					"the OAuth 2 client secret");
			continue;
		}
		if (!v->required)
			cl_report(ctx, &cl_rule_CL302, cl_var_key_span(v),
				  "`client_secret` of auth method `%s` is not "
				  "required: %s", m->id, why);
	}
}

const struct cl_rule cl_rule_CL302 = {
	.id = "CL302",
	.slug = "missing-client-secret",
	.severity = CL_SEV_ERROR,
	.summary = "an OAuth 2 client that must authenticate without a required " "client_secret",
	.check = check_client_secret,
};

/* ---- CL303 ---- */

/* The grant types that fit each OAuth 2 type; the first is the usual one. */
struct grants {
	const char *const *values;
	size_t n;
};

static const char *const cc_values[] = { "client_credentials", "password" };
static const char *const ac_values[] = { "authorization_code" };
static const struct grants cc_grants = { cc_values, CL_ARRAY_SIZE(cc_values) };
static const struct grants ac_grants = { ac_values, CL_ARRAY_SIZE(ac_values) };

static int grant_fits(const char *value, const struct grants *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (!strcmp(value, g->values[i]))
			return 1;
	return 0;
}

/*
 * Reports VALUE, written at SPAN as WHAT, when it is not a grant type of
 * M's type. Values are compared exactly: OAuth parameter values are
 * case-sensitive, and `authorisation_code` is a different word on the wire.
 */
static void check_grant_value(struct cl_ctx *ctx, const struct cl_auth_method *m,
                              const char *value, struct cl_span span,
                              const char *what)
{
	int cc = m->type == CL_AUTH_OAUTH2_CC;
	const struct grants *ok = cc ? &cc_grants : &ac_grants;
	const struct grants *other = cc ? &ac_grants : &cc_grants;
	const char *near, *type = cl_auth_type_name(m->type);

	if (grant_fits(value, ok))
		return;
	if (!*value) {
		cl_report(ctx, &cl_rule_CL303, span,
			  "%s of `%s` auth method `%s` is empty: it must be "
			  "`%s`", what, type, m->id, ok->values[0]);
		return;
	}
	near = cl_nearmiss(value, ok->values, ok->n);
	if (near && cl_same_folded(value, near))
		cl_report(ctx, &cl_rule_CL303, span,
			  "grant type `%s` does not fit `%s` auth method `%s`: "
			  "did you mean `%s`? OAuth values must match exactly",
			  value, type, m->id, near);
	else if (near)
		cl_report(ctx, &cl_rule_CL303, span,
			  "grant type `%s` does not fit `%s` auth method `%s`: "
			  "did you mean `%s`?", value, type, m->id, near);
	else if (grant_fits(value, other))
		cl_report(ctx, &cl_rule_CL303, span,
			  "grant type `%s` belongs to another auth type; `%s` "
			  "auth method `%s` needs `%s`",
			  value, type, m->id, ok->values[0]);
	else
		cl_report(ctx, &cl_rule_CL303, span,
			  "grant type `%s` does not fit `%s` auth method `%s`: "
			  "it must be `%s`", value, type, m->id, ok->values[0]);
}

/* Literal grant_type params: a value with a placeholder is checked
 * through the variable it names instead. */
static void check_grant_params(struct cl_ctx *ctx,
                               const struct cl_auth_method *m,
                               const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];

		if (strcmp(p->key, "grant_type") || !p->value ||
		    strstr(p->value, "{{"))
			continue;
		check_grant_value(ctx, m, p->value,
				  cl_node_attr_span(p->node, "value"),
				  "the `grant_type` param");
	}
}

/*
 * The default of grant_type variable V, reported where it is written: for
 * a <use>, at the connector variable's default (a use has none of its own).
 */
static void check_grant_default(struct cl_ctx *ctx,
                                const struct cl_auth_method *m,
                                const struct cl_variable *v)
{
	const struct cl_node *at = v->node;
	const char *value = v->default_value;

	if (!cl_node_attr(at, "default") && v->is_use && v->target) {
		at = v->target->node;
		value = v->target->default_value;
	}
	if (value)
		check_grant_value(ctx, m, value, cl_node_attr_span(at, "default"),
				  "the `grant_type` default");
}

static void check_grant_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
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
};

/* ---- CL305 ---- */

static void check_authorise_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_additional_url *one = NULL;

		if (m->type != CL_AUTH_OAUTH2_AC)
			continue;
		for (j = 0; j < m->n_additional_urls && !one; j++)
			if (m->additional_urls[j].index == 1)
				one = &m->additional_urls[j];
		if (one && !*one->value) {
			cl_report(ctx, &cl_rule_CL305, one->node->name_span,
				  "Additional URL 1 of auth method `%s` is "
				  "empty: it must be the authorise endpoint "
				  "users are sent to", m->id);
		} else if (!one && m->n_additional_urls == 1) {
			/* One additional URL under another index is most
			 * likely the authorise URL numbered wrongly. */
			cl_report(ctx, &cl_rule_CL305,
				  cl_node_attr_span(m->additional_urls[0].node,
						    "index"),
				  "auth method `%s` has no `additional-url "
				  "index=\"1\"`, the authorise URL; is this one "
				  "meant to be index 1?", m->id);
		} else if (!one) {
			cl_report(ctx, &cl_rule_CL305, m->node->name_span,
				  "auth method `%s` has no `additional-url "
				  "index=\"1\"`: the authorisation code flow "
				  "needs the authorise URL users are sent to",
				  m->id);
		}
	}
}

const struct cl_rule cl_rule_CL305 = {
	.id = "CL305",
	.slug = "missing-authorise-url",
	.severity = CL_SEV_ERROR,
	.summary = "an oauth2-authorization-code method without Additional URL 1",
	.check = check_authorise_url,
};

/* ---- CL307 ---- */

#define FORM_TYPE "application/x-www-form-urlencoded"

/* 1 when media type VALUE is FORM_TYPE, ignoring case, surrounding blanks
 * and parameters such as "; charset=UTF-8". */
static int is_form_type(const char *value)
{
	size_t i, n, want = strlen(FORM_TYPE);

	while (*value == ' ' || *value == '\t')
		value++;
	for (n = 0; value[n] && value[n] != ';'; n++)
		;
	while (n && (value[n - 1] == ' ' || value[n - 1] == '\t'))
		n--;
	if (n != want)
		return 0;
	for (i = 0; i < n; i++) {
		char a = value[i], b = FORM_TYPE[i];

		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

static int has_param_ci(const struct cl_param_list *list, const char *key)
{
	return cl_param_list_find_header(list, key) != NULL;
}

static void check_token_content_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		int found = 0;

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		for (j = 0; j < m->headers.n; j++) {
			const struct cl_param *p = &m->headers.items[j];

			if (cl_strcasecmp(p->key, "Content-Type"))
				continue;
			found = 1;
			if (!p->value) {
				cl_report(ctx, &cl_rule_CL307,
					  p->node->name_span,
					  "the `Content-Type` header of auth "
					  "method `%s` has no value: the token "
					  "request is `" FORM_TYPE "`", m->id);
			} else if (!strstr(p->value, "{{") &&
				   !is_form_type(p->value)) {
				cl_report(ctx, &cl_rule_CL307,
					  cl_node_attr_span(p->node, "value"),
					  "token request `Content-Type` of auth "
					  "method `%s` is `%s`, but token "
					  "requests are form-encoded: `"
					  FORM_TYPE "`", m->id, p->value);
			}
		}
		/* A Content-Type param put in url-params or body is CL203's:
		 * moving it to headers fixes both. */
		if (found || ((has_param_ci(&m->url_params, "Content-Type") ||
			       has_param_ci(&m->body.params, "Content-Type")) &&
			      cl_rule_enabled(ctx, &cl_rule_CL203)))
			continue;
		cl_report(ctx, &cl_rule_CL307,
			  m->headers.node ? m->headers.node->name_span
					  : m->node->name_span,
			  "auth method `%s` sends no `Content-Type` header: "
			  "the token request is `" FORM_TYPE "`", m->id);
	}
}

const struct cl_rule cl_rule_CL307 = {
	.id = "CL307",
	.slug = "token-request-content-type",
	.severity = CL_SEV_WARNING,
	.summary = "an OAuth 2 token request not declared as form-encoded",
	.check = check_token_content_type,
};
