/*
 * Rules for what each auth type needs besides its default variables:
 * unique header names (CL204), an authentication URL (CL205), basic
 * credentials users are asked for (CL206), a header carrying the token of a
 * token method (CL207), the one OAuth 1 signature method the platform
 * supports (CL208) and the key of the token in the authentication response
 * (CL209).
 *
 * Who says what about a default auth variable (one diagnostic per problem):
 * a variable that is absent, or whose key is misspelt, is CL201's
 * (missing-default-auth-variable). The rules here look at the variables
 * that are there: CL206 reports a `username` or `password` that is neither
 * required nor given a default, CL208 a `signature_method` whose value is
 * not HMAC-SHA256, CL209 a `response_authentication_token_key` that is
 * empty. Like CL301 and CL302, CL206 and CL209 report an absent variable
 * themselves only while CL201 is turned off. CL111 (variable-never-set)
 * leaves these variables to the rules here while they are on, and a <use>
 * naming no connector variable is CL108's alone.
 *
 * "Nobody is asked for it" means the same in every rule: not required and
 * no default, or a default of blanks only (a configurable variable may be
 * left empty). A required variable without a default is the user's to fill
 * in and is not reported.
 */
#include <string.h>

#include "authvars.h"
#include "nearmiss.h"
#include "placeholder.h"
#include "rule.h"

/* ---- CL204 duplicate-header ---- */

/*
 * HTTP compares header names case-insensitively (RFC 9110 §5.1), so
 * `Accept` and `accept` in one <headers> are the same header set twice. An
 * endpoint header with the name of one its auth method sends is an
 * override, not a duplicate: only names within one <headers> count.
 */
static void check_header_list(struct cl_ctx *ctx,
                              const struct cl_param_list *h,
                              const char *owner, const char *id)
{
	size_t i, j;

	for (i = 1; i < h->n; i++) {
		const struct cl_param *p = &h->items[i], *first = NULL;
		struct cl_diag *d;

		if (!*p->key)
			continue;
		for (j = 0; j < i && !first; j++)
			if (!cl_strcasecmp(h->items[j].key, p->key))
				first = &h->items[j];
		if (!first)
			continue;
		if (!strcmp(first->key, p->key))
			d = cl_report(ctx, &cl_rule_CL204,
				      cl_node_attr_span(p->node, "key"),
				      "header `%s` is set twice in the `headers` "
				      "of %s `%s`: keep one", p->key, owner, id);
		else
			d = cl_report(ctx, &cl_rule_CL204,
				      cl_node_attr_span(p->node, "key"),
				      "header `%s` repeats `%s` in the `headers` "
				      "of %s `%s` (header names ignore case): "
				      "keep one", p->key, first->key, owner, id);
		cl_report_related(ctx, d, cl_node_attr_span(first->node, "key"),
				  "`%s` is first set here", first->key);
	}
}

static void check_duplicate_headers(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++)
		check_header_list(ctx, &c->auth_methods[i].headers,
				  "auth method", c->auth_methods[i].id);
	for (i = 0; i < c->n_endpoints; i++)
		check_header_list(ctx, &c->endpoints[i].headers, "endpoint",
				  c->endpoints[i].id);
}

const struct cl_rule cl_rule_CL204 = {
	.id = "CL204",
	.slug = "duplicate-header",
	.severity = CL_SEV_ERROR,
	.summary = "the same header name twice in one `headers` (names compared " "case-insensitively)",
	.check = check_duplicate_headers,
};

/* ---- CL205 missing-auth-url ---- */

static const char *url_role(enum cl_auth_type type)
{
	return cl_auth_type_is_oauth2(type)
		       ? "the token endpoint the platform gets tokens from"
		       : "the URL the platform authenticates against";
}

static void check_auth_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		if (!m->url.node)
			cl_report(ctx, &cl_rule_CL205, m->node->name_span,
				  "auth method `%s` has no `url`: it needs %s",
				  m->id, url_role(m->type));
		else if (!*m->url.value)
			cl_report(ctx, &cl_rule_CL205, m->url.node->name_span,
				  "the `url` of auth method `%s` is empty: it "
				  "must be %s", m->id, url_role(m->type));
	}
}

const struct cl_rule cl_rule_CL205 = {
	.id = "CL205",
	.slug = "missing-auth-url",
	.severity = CL_SEV_ERROR,
	.summary = "an auth method with no `url`, or an empty one",
	.check = check_auth_url,
};

/* ---- CL206 basic-credentials-missing ---- */

/*
 * The platform builds the Basic Authorization header from the values users
 * give for `username` and `password` when they add an instance. A
 * credential that is neither required nor given a default may be left
 * empty, and the instance then authenticates with nothing. (A `password`
 * with a default is not this rule's: that is a hard-coded secret, CL501.)
 */
static void check_basic_credentials(struct cl_ctx *ctx, const struct cl_connector *c)
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
				/* Absent: CL201's, a default of the type. */
				if (!cl_rule_enabled(ctx, &cl_rule_CL201))
					cl_report_missing_auth_var(
						ctx, &cl_rule_CL206, m, keys[k],
						"a credential of a `basic` "
						"method");
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
				  "`required=\"true\"`", keys[k], m->id);
		}
	}
}

const struct cl_rule cl_rule_CL206 = {
	.id = "CL206",
	.slug = "basic-credentials-missing",
	.severity = CL_SEV_ERROR,
	.summary = "a `basic` method whose `username` or `password` nobody is asked for",
	.check = check_basic_credentials,
};

/* ---- CL207 token-header-missing ---- */

/*
 * 1 when VALUE holds a placeholder for the token: {{token}}, or a spelling
 * of it that CL105 (case) or CL106 (malformed) already reports, such as
 * {{Token}} or {{ token }} -- those headers are meant to carry the token,
 * and the placeholder rules say what to fix.
 */
static int is_token_key(const char *value, const struct cl_placeholder_match *pm)
{
	size_t n = pm->key_end - pm->key_start;
	char key[64];

	if (n >= sizeof(key))
		return 0;
	memcpy(key, value + pm->key_start, n);
	key[n] = '\0';
	return !strcmp(key, "token") || cl_same_folded(key, "token");
}

static int carries_token(const char *value)
{
	struct cl_placeholder_match pm;
	size_t pos, len;

	if (!value)
		return 0;
	len = strlen(value);
	for (pos = 0; cl_placeholder_next(value, len, &pos, &pm);)
		if (is_token_key(value, &pm))
			return 1;
	for (pos = 0; cl_placeholder_next_malformed(value, len, &pos, &pm);)
		if (is_token_key(value, &pm))
			return 1;
	return 0;
}

/* A param of LIST that carries the token, or NULL. */
static const struct cl_param *token_param(const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (carries_token(list->items[i].value))
			return &list->items[i];
	return NULL;
}

/*
 * The format's token type sends the token in one header param carrying
 * {{token}}; the method's headers go out with its own request and with
 * every endpoint request that enables it. URL params of a token method are
 * appended to its own `url` only, so a token there never reaches an
 * endpoint; a token in the body is sent as a form field, which APIs do not
 * read on GET requests.
 */
static void check_token_header(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_param *p;

		if (m->type != CL_AUTH_TOKEN || token_param(&m->headers))
			continue;
		if ((p = token_param(&m->url_params)))
			cl_report(ctx, &cl_rule_CL207,
				  cl_node_attr_span(p->node, "key"),
				  "`token` auth method `%s` sends `{{token}}` "
				  "as URL param `%s`, which is added to its own "
				  "`url` only: endpoint requests carry no token; "
				  "send it in a header", m->id, p->key);
		else if ((p = token_param(&m->body.params)))
			cl_report(ctx, &cl_rule_CL207,
				  cl_node_attr_span(p->node, "key"),
				  "`token` auth method `%s` sends `{{token}}` "
				  "as body param `%s`, not in a header: send it "
				  "in a header", m->id, p->key);
		else
			cl_report(ctx, &cl_rule_CL207,
				  m->headers.node ? m->headers.node->name_span
						  : m->node->name_span,
				  "no header of `token` auth method `%s` carries "
				  "`{{token}}`: requests go out without the "
				  "token; add a header such as `Authorization: "
				  "Bearer {{token}}`", m->id);
	}
}

const struct cl_rule cl_rule_CL207 = {
	.id = "CL207",
	.slug = "token-header-missing",
	.severity = CL_SEV_ERROR,
	.summary = "a `token` method with no header param that carries `{{token}}`",
	.check = check_token_header,
};

/* ---- CL208 oauth1-signature-method ---- */

#define SIGNATURE_METHOD "HMAC-SHA256"

/* 1 when VALUE names a signature method other than HMAC-SHA256 (OAuth 1:
 * RFC 5849 §3.4 and common extensions), whatever its case. */
static int other_signature_method(const char *value)
{
	static const char *const others[] = {
		"HMAC-SHA1", "RSA-SHA1", "RSA-SHA256", "PLAINTEXT",
		"HMAC-SHA384", "HMAC-SHA512", "RSA-SHA512"
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(others); i++)
		if (!strcmp(value, others[i]) || cl_same_folded(value, others[i]))
			return 1;
	return 0;
}

static void check_signature_value(struct cl_ctx *ctx,
                                  const struct cl_auth_method *m,
                                  const char *value, struct cl_span span,
                                  const char *what)
{
	static const char *const ok[] = { SIGNATURE_METHOD };

	if (!strcmp(value, SIGNATURE_METHOD) || strstr(value, "{{"))
		return;
	if (cl_blank(value))
		cl_report(ctx, &cl_rule_CL208, span,
			  "%s of `oauth1` auth method `%s` is empty: it must "
			  "be `" SIGNATURE_METHOD "`", what, m->id);
	else if (!other_signature_method(value) &&
		 cl_nearmiss(value, ok, 1) == ok[0])
		cl_report(ctx, &cl_rule_CL208, span,
			  "signature method `%s` of `oauth1` auth method `%s`: "
			  "did you mean `" SIGNATURE_METHOD "`? The platform "
			  "supports no other", value, m->id);
	else
		cl_report(ctx, &cl_rule_CL208, span,
			  "signature method `%s` of `oauth1` auth method `%s` "
			  "is not supported: the platform signs OAuth 1 "
			  "requests with `" SIGNATURE_METHOD "` only",
			  value, m->id);
}

static void check_signature_params(struct cl_ctx *ctx,
                                   const struct cl_auth_method *m,
                                   const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];

		if (!p->value || (strcmp(p->key, "oauth_signature_method") &&
				  strcmp(p->key, "signature_method")))
			continue;
		check_signature_value(ctx, m, p->value,
				      cl_node_attr_span(p->node, "value"),
				      "the signature method param");
	}
}

/*
 * The `signature_method` variable's default (for a <use>, the connector
 * variable's, reported where it is written) and literal
 * `oauth_signature_method` params. A variable with no default is reported
 * only when nobody is asked for it either; an absent one is CL201's.
 */
static void check_signature_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;

		if (m->type != CL_AUTH_OAUTH1)
			continue;
		v = cl_var_list_find(&m->variables, "signature_method");
		if (v && !(v->is_use && !v->target)) {
			struct cl_span span = cl_var_key_span(v);
			const char *d = cl_var_default_at(v, &span);

			if (!cl_blank(d))
				check_signature_value(ctx, m, d, span,
						      "the `signature_method` "
						      "default");
			else if (!v->required)
				cl_report(ctx, &cl_rule_CL208, span,
					  "`signature_method` of `oauth1` auth "
					  "method `%s` has no value: give it "
					  "the default `" SIGNATURE_METHOD "`, "
					  "the only signature method the "
					  "platform supports", m->id);
		}
		check_signature_params(ctx, m, &m->url_params);
		check_signature_params(ctx, m, &m->headers);
		check_signature_params(ctx, m, &m->body.params);
	}
}

const struct cl_rule cl_rule_CL208 = {
	.id = "CL208",
	.slug = "oauth1-signature-method",
	.severity = CL_SEV_ERROR,
	.summary = "an `oauth1` method whose signature method is not `HMAC-SHA256`",
	.check = check_signature_method,
};

/* ---- CL209 missing-token-key ---- */

/*
 * `response_authentication_token_key` names the field (OAuth 2) or element
 * (SOAP) of the authentication response that holds the token. Empty means
 * no default and nobody asked for it (not required), or a blank default:
 * the platform then cannot find the token. A required variable without a
 * default is left alone: the user gives the value.
 */
static void check_token_key(struct cl_ctx *ctx, const struct cl_connector *c)
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
			/* Absent: CL201's, a default of the type. */
			if (!cl_rule_enabled(ctx, &cl_rule_CL201))
				cl_report_missing_auth_var(
					ctx, &cl_rule_CL209, m, key,
					"the key of the token in the "
					"authentication response");
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
	.summary = "an OAuth 2 or SOAP method without a non-empty " "`response_authentication_token_key`",
	.check = check_token_key,
};
