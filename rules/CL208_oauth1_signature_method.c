/*
 * CL208: the one OAuth 1 signature method the platform supports,
 * HMAC-SHA256. CL201 reports an absent `signature_method`; CL111
 * (variable-never-set) leaves it to this rule while it is on.
 */
#include <string.h>

#include "nearmiss.h"
#include "rule.h"
#include "vars.h"

#define SIGNATURE_METHOD "HMAC-SHA256"

/* 1 when VALUE names a signature method other than HMAC-SHA256 (OAuth 1:
 * RFC 5849 §3.4 and common extensions), whatever its case. */
static int
other_signature_method(const char *value)
{
	static const char *const others[] = { "HMAC-SHA1",   "RSA-SHA1",
		                              "RSA-SHA256",  "PLAINTEXT",
		                              "HMAC-SHA384", "HMAC-SHA512",
		                              "RSA-SHA512" };
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(others); i++)
		if (!strcmp(value, others[i]) ||
		    cl_same_folded(value, others[i]))
			return 1;
	return 0;
}

static void
check_signature_value(struct cl_ctx *ctx, const struct cl_auth_method *m,
                      const char *value, struct cl_span span, const char *what)
{
	static const char *const ok[] = { SIGNATURE_METHOD };

	if (!strcmp(value, SIGNATURE_METHOD) || strstr(value, "{{"))
		return;
	if (cl_blank(value))
		cl_report(ctx, &cl_rule_CL208, span,
		          "%s of `oauth1` auth method `%s` is empty: it must "
		          "be `" SIGNATURE_METHOD "`",
		          what, m->id);
	else if (!other_signature_method(value) &&
	         cl_nearmiss(value, ok, 1) == ok[0])
		cl_report(ctx, &cl_rule_CL208, span,
		          "signature method `%s` of `oauth1` auth method `%s`: "
		          "did you mean `" SIGNATURE_METHOD "`? The platform "
		          "supports no other",
		          value, m->id);
	else
		cl_report(ctx, &cl_rule_CL208, span,
		          "signature method `%s` of `oauth1` auth method `%s` "
		          "is not supported: the platform signs OAuth 1 "
		          "requests with `" SIGNATURE_METHOD "` only",
		          value, m->id);
}

static void
check_signature_params(struct cl_ctx *ctx, const struct cl_auth_method *m,
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
static void
check_signature_method(struct cl_ctx *ctx, const struct cl_connector *c)
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
				          "platform supports",
				          m->id);
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
	.summary =
	    "an `oauth1` method whose signature method is not `HMAC-SHA256`",
	.check = check_signature_method,
};
