/*
 * CL111: a variable that is neither required nor configurable and has no
 * default never gets a value. Variables another rule speaks for (CL102,
 * CL103 for what nothing reads; the auth rules for their own defaults)
 * are left to it while it is on.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "config.h"
#include "rule.h"
#include "usage.h"
#include "vars.h"

/*
 * 1 when V's element is one CL002 reports in a way that leaves its value
 * unknown: an unknown attribute (`requried`, `defualt`) or a `required`
 * or `configurable` that is neither `true` nor `false`. What its author
 * meant is unknown, so CL111 stays quiet.
 */
static int
flags_unreadable(const struct cl_variable *v)
{
	static const char *const variable_attrs[] = {
		"key",          "label",    "alias",  "default", "required",
		"configurable", "advanced", "secret", "locked",  NULL
	};
	static const char *const use_attrs[] = { "variable",     "required",
		                                 "configurable", "advanced",
		                                 "label",        NULL };
	const char *const *known = v->is_use ? use_attrs : variable_attrs;
	const struct cl_node *n = v->node;
	unsigned i;
	size_t j;

	for (i = 0; i < n->nattrs; i++) {
		const struct cl_attr *a = &n->attrs[i];
		int ok = 0;

		for (j = 0; known[j]; j++)
			ok |= !strcmp(a->name, known[j]);
		if (!ok)
			return 1;
		if ((!strcmp(a->name, "required") ||
		     !strcmp(a->name, "configurable")) &&
		    strcmp(a->value, "true") && strcmp(a->value, "false"))
			return 1;
	}
	return 0;
}

/* 1 when V gets a value: required, configurable, or a non-blank default
 * (for a use: the effective flags, and the connector variable's default);
 * or when CL002 leaves that unknown. */
static int
has_value(const struct cl_variable *v)
{
	return v->required || v->configurable || !cl_blank(cl_var_default(v)) ||
	       flags_unreadable(v) ||
	       (v->is_use && v->target && flags_unreadable(v->target));
}

/*
 * Auth variables the platform fills in itself, so they need no flag and
 * no default: an OAuth 2 method's tokens, and for the authorisation code
 * flow the redirect URI (the platform's own callback: the type's table
 * gives it no default for that reason), the code, state and PKCE values
 * it makes per request.
 */
static int
platform_fills(const struct cl_auth_method *m, const char *key)
{
	static const char *const oauth2[] = { "access_token", "refresh_token" };
	static const char *const code_flow[] = { "redirect_uri", "code",
		                                 "state", "code_verifier",
		                                 "code_challenge" };
	size_t i;

	if (!cl_auth_type_is_oauth2(m->type))
		return 0;
	for (i = 0; i < CL_ARRAY_SIZE(oauth2); i++)
		if (!strcmp(oauth2[i], key))
			return 1;
	if (m->type != CL_AUTH_OAUTH2_AC)
		return 0;
	for (i = 0; i < CL_ARRAY_SIZE(code_flow); i++)
		if (!strcmp(code_flow[i], key))
			return 1;
	return 0;
}

/*
 * 1 when an auth variable KEY of M may rightly stay empty, or when another
 * rule already reports that it has no value (only while that rule is on,
 * so that turning it off does not hide the problem).
 */
static int
value_not_ours(const struct cl_ctx *ctx, const struct cl_auth_method *m,
               const struct cl_variable *v)
{
	int oauth2 = cl_auth_type_is_oauth2(m->type);
	const char *key = v->key;

	if (platform_fills(m, key))
		return 1;
	/* An empty scope asks for the server's default scope (RFC 6749
	 * §3.3); a public client sends no secret. */
	if (oauth2 && !strcmp(key, "scope"))
		return 1;
	if (oauth2 && !strcmp(key, "client_secret"))
		return !cl_auth_needs_client_secret(m) ||
		       cl_rule_enabled(ctx, &cl_rule_CL302);
	if (oauth2 && !strcmp(key, "client_id"))
		return cl_rule_enabled(ctx, &cl_rule_CL301);
	/* An empty default="" is a wrong grant type to CL303; no default
	 * at all it leaves alone. */
	if (oauth2 && !strcmp(key, "grant_type") && cl_var_default_at(v, NULL))
		return cl_rule_enabled(ctx, &cl_rule_CL303);
	if ((oauth2 || m->type == CL_AUTH_SOAP) &&
	    !strcmp(key, "response_authentication_token_key"))
		return cl_rule_enabled(ctx, &cl_rule_CL209);
	if (m->type == CL_AUTH_OAUTH1 && !strcmp(key, "signature_method"))
		return cl_rule_enabled(ctx, &cl_rule_CL208);
	if (m->type == CL_AUTH_OAUTH2_AC && !strcmp(key, "client_type"))
		return cl_rule_enabled(ctx, &cl_rule_CL308);
	if (m->type == CL_AUTH_BASIC && cl_auth_is_user_password(key))
		return cl_rule_enabled(ctx, &cl_rule_CL206);
	return 0;
}

/* The fixed default of KEY, a default auth variable of M's type, or NULL
 * when the type table gives it none. */
static const char *
fixed_default(const struct cl_auth_method *m, const char *key)
{
	if (!strcmp(key, "grant_type"))
		return m->type == CL_AUTH_OAUTH2_CC   ? "client_credentials"
		       : m->type == CL_AUTH_OAUTH2_AC ? "authorization_code"
		                                      : NULL;
	if (!strcmp(key, "client_type") && m->type == CL_AUTH_OAUTH2_AC)
		return "confidential";
	if (!strcmp(key, "signature_method") && m->type == CL_AUTH_OAUTH1)
		return "HMAC-SHA256";
	if (!strcmp(key, "response_authentication_token_key") &&
	    cl_auth_type_is_oauth2(m->type))
		return "access_token";
	return NULL;
}

/* 1 when KEY is a credential the user adding an instance types in. */
static int
is_credential(const char *key)
{
	static const char *const keys[] = { "username",        "password",
		                            "token",           "consumer_key",
		                            "consumer_secret", "token_id",
		                            "token_secret",    "client_id",
		                            "client_secret" };
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i], key))
			return 1;
	return 0;
}

/* How to fix V, which has no value, into SB. M is V's auth method, or
 * NULL. */
static void
add_never_set_fix(struct cl_strbuf *sb, const struct cl_variable *v,
                  const struct cl_auth_method *m)
{
	const char *fixed = m ? fixed_default(m, v->key) : NULL;

	if (fixed)
		cl_strbuf_addf(sb, "give it its default, `default=\"%s\"`",
		               fixed);
	else if (v->secret || (m && is_credential(v->key)))
		cl_strbuf_adds(sb,
		               "users must enter it: add `required=\"true\"`");
	else
		cl_strbuf_adds(sb,
		               "add `required=\"true\"` if users must give "
		               "it, `configurable=\"true\"` if they may, or a "
		               "`default`");
}

static const char *
no_default_words(const struct cl_variable *v)
{
	return v->default_value ? "has an empty default" : "has no default";
}

static void
report_never_set(struct cl_ctx *ctx, const struct cl_variable *v,
                 const char *what, const struct cl_auth_method *m)
{
	struct cl_strbuf fix = CL_STRBUF_INIT;

	add_never_set_fix(&fix, v, m);
	cl_report(ctx, &cl_rule_CL111, cl_var_key_span(v),
	          "%s is neither required nor configurable and %s, so it "
	          "never gets a value; %s",
	          what, no_default_words(v), cl_strbuf_str(&fix));
	cl_strbuf_release(&fix);
}

/*
 * What nothing reads, worked out only when CL111 meets a variable with no
 * value (rare), and only when CL102 or CL103 would report it (they are on).
 */
struct lazy_usage {
	struct cl_ctx *ctx;
	const struct cl_connector *c;
	struct cl_usage u;
	int built, unused102, unused103;
};

static const struct cl_usage *
lazy_get(struct lazy_usage *lu)
{
	if (!lu->built)
		cl_usage_build(lu->ctx, lu->c, &lu->u, 1);
	lu->built = 1;
	return &lu->u;
}

static int
lazy_auth_unused(struct lazy_usage *lu, size_t i, size_t j)
{
	return lu->unused102 && cl_usage_auth_var_unused(lazy_get(lu), i, j);
}

static int
lazy_endpoint_unused(struct lazy_usage *lu, size_t i, size_t j)
{
	return lu->unused103 &&
	       cl_usage_endpoint_var_unused(lazy_get(lu), i, j);
}

/* 1 when the J-th variable of the I-th method, a use, has no value that
 * CL111 should report: see value_not_ours, and CL102. */
static int
use_not_ours(struct lazy_usage *lu, size_t i, size_t j)
{
	const struct cl_ctx *ctx = lu->ctx;
	const struct cl_auth_method *m = &lu->c->auth_methods[i];
	const struct cl_variable *u = &m->variables.items[j];

	return m->type == CL_AUTH_UNKNOWN ||
	       cl_ctx_platform_placeholder(ctx, u->key) ||
	       value_not_ours(ctx, m, u) || lazy_auth_unused(lu, i, j);
}

/*
 * A connector variable gets its value through the methods that `use` it
 * (a use may override required and configurable). It is reported itself
 * when no use gives it a value; a use is reported when the others do but
 * it does not. One that no method uses is CL101's (nothing reads it) or
 * CL110's (endpoints read it).
 */
static void
check_connector_never_set(struct cl_ctx *ctx, const struct cl_connector *c,
                          struct lazy_usage *lu)
{
	size_t *uses, *setting, i, j;

	if (!c->variables.n)
		return;
	uses = cl_calloc(c->variables.n, sizeof(*uses));
	setting = cl_calloc(c->variables.n, sizeof(*setting));
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_var_list *vars = &c->auth_methods[i].variables;

		for (j = 0; j < vars->n; j++) {
			const struct cl_variable *u = &vars->items[j];
			size_t t;

			if (!u->is_use || !u->target)
				continue;
			t = (size_t)(u->target - c->variables.items);
			uses[t]++;
			/* A use another rule speaks for counts as set. */
			setting[t] += has_value(u) || use_not_ours(lu, i, j);
		}
	}
	for (i = 0; i < c->variables.n; i++) {
		const struct cl_variable *v = &c->variables.items[i];
		struct cl_strbuf what = CL_STRBUF_INIT;

		if (!*v->key || !cl_var_is_first(&c->variables, v) ||
		    has_value(v) || !uses[i] || setting[i] ||
		    cl_ctx_platform_placeholder(ctx, v->key))
			continue;
		cl_strbuf_addf(&what, "connector variable `%s`%s", v->key,
		               uses[i] > 1 ? " (and every `use` of it)" : "");
		report_never_set(ctx, v, cl_strbuf_str(&what), NULL);
		cl_strbuf_release(&what);
	}
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *u = &m->variables.items[j];
			size_t t;

			if (!u->is_use || !u->target || has_value(u) ||
			    !cl_var_is_first(&m->variables, u) ||
			    use_not_ours(lu, i, j))
				continue;
			t = (size_t)(u->target - c->variables.items);
			if (!has_value(u->target) && !setting[t])
				continue; /* the connector variable is reported */
			cl_report(ctx, &cl_rule_CL111, cl_var_key_span(u),
			          "auth method `%s` uses connector variable "
			          "`%s` but neither requires it nor lets users "
			          "configure it, and it has no default, so "
			          "instances added with `%s` never give it a "
			          "value; add `required=\"true\"` or "
			          "`configurable=\"true\"` to this `use`",
			          m->id, u->key, m->id);
		}
	}
	free(setting);
	free(uses);
}

/*
 * A variable nothing reads is CL102's or CL103's (while on): removing it
 * is the fix, and a value would not help.
 */
static void
check_variable_never_set(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct lazy_usage lu;
	size_t i, j;

	memset(&lu, 0, sizeof(lu));
	lu.ctx = ctx;
	lu.c = c;
	lu.unused102 = cl_rule_enabled(ctx, &cl_rule_CL102);
	lu.unused103 = cl_rule_enabled(ctx, &cl_rule_CL103);
	check_connector_never_set(ctx, c, &lu);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		/* An unknown type (CL002): what it fills in is unknown. */
		if (m->type == CL_AUTH_UNKNOWN)
			continue;
		for (j = 0; j < m->variables.n; j++) {
			const struct cl_variable *v = &m->variables.items[j];
			struct cl_strbuf what = CL_STRBUF_INIT;

			if (v->is_use || !*v->key || has_value(v) ||
			    !cl_var_is_first(&m->variables, v) ||
			    cl_ctx_platform_placeholder(ctx, v->key) ||
			    value_not_ours(ctx, m, v) ||
			    lazy_auth_unused(&lu, i, j))
				continue;
			cl_strbuf_addf(&what,
			               "auth variable `%s` of auth "
			               "method `%s`",
			               v->key, m->id);
			report_never_set(ctx, v, cl_strbuf_str(&what), m);
			cl_strbuf_release(&what);
		}
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->variables.n; j++) {
			const struct cl_variable *v = &e->variables.items[j];
			struct cl_strbuf what = CL_STRBUF_INIT;

			if (!*v->key || has_value(v) ||
			    !cl_var_is_first(&e->variables, v) ||
			    cl_ctx_platform_placeholder(ctx, v->key) ||
			    lazy_endpoint_unused(&lu, i, j))
				continue;
			cl_strbuf_addf(&what,
			               "endpoint variable `%s` of "
			               "endpoint `%s`",
			               v->key, e->id);
			report_never_set(ctx, v, cl_strbuf_str(&what), NULL);
			cl_strbuf_release(&what);
		}
	}
	if (lu.built)
		cl_usage_release(&lu.u);
}

const struct cl_rule cl_rule_CL111 = {
	.id = "CL111",
	.slug = "variable-never-set",
	.severity = CL_SEV_WARNING,
	.summary =
	    "a variable that is neither required nor configurable and has no default",
	.check = check_variable_never_set,
};
