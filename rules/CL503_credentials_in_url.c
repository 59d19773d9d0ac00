/*
 * CL503 credentials-in-url
 *
 * User information in a URL (RFC 3986 §3.2.1: "user:password@" is
 * deprecated; URLs are logged, kept in histories and shown). Reported
 * whether the credentials are literal or placeholders. A literal password
 * (or a literal user part with no password, which is then usually a token)
 * is also masked in every output, whether or not CL503 is on
 * (.masks_secrets). The advice fits the auth type (cl_userinfo_advice):
 * user information in an OAuth 2 token URL belongs in the client's auth
 * variables, not in a `basic` method.
 */
#include <stdlib.h>
#include <string.h>

#include "endpoints.h"
#include "rule.h"
#include "security.h"
#include "span.h"
#include "url.h"

/* 1 when URL has user information ("user@" before its host): the cheap
 * test callers make before building a subject for check_userinfo. */
static int
has_userinfo(const char *url)
{
	size_t se, a, ae, i;

	/* Most URLs hold no '@' at all: one library scan says so. */
	if (!url || !strchr(url, '@') || !cl_url_split(url, &se, &a, &ae))
		return 0;
	for (i = ae; i > a; i--)
		if (url[i - 1] == '@')
			return i - 1 > a; /* "https://@host": nothing before */
	return 0;
}

static void
check_userinfo(struct cl_ctx *ctx, const char *url, const char *subject,
               struct cl_span (*part)(const struct cl_ctx *, const void *,
                                      const char *, size_t, size_t),
               const void *where, enum cl_auth_type type)
{
	size_t se, a, ae, i, at = 0, colon = 0;
	int has_at = 0;
	struct cl_diag *d;

	if (!url || !cl_url_split(url, &se, &a, &ae))
		return;
	for (i = a; i < ae; i++) {
		if (url[i] == '@') {
			at = i;
			has_at = 1;
		}
	}
	if (!has_at || at == a) /* "https://@host": nothing before the @ */
		return;
	for (colon = a; colon < at && url[colon] != ':'; colon++)
		;
	d = cl_report(ctx, &cl_rule_CL503, part(ctx, where, url, a, at),
	              "%s carries credentials before `@`: URLs end up in "
	              "server and proxy logs and browser histories; %s",
	              subject, cl_userinfo_advice(type));
	(void)d; /* the password is masked whether or not CL503 is on */
	{
		/* What to mask: the password, or a lone user part. */
		size_t ms = colon < at ? colon + 1 : a, me = at;
		char *piece = cl_strndup(url + ms, me - ms);

		if (cl_has_literal_text(piece) && me > ms)
			cl_report_secret(ctx, part(ctx, where, url, ms, me));
		free(piece);
	}
}

static struct cl_span
elem_part(const struct cl_ctx *ctx, const void *n, const char *value, size_t s,
          size_t e)
{
	return cl_elem_part_span(ctx, n, value, s, e);
}

static struct cl_span
default_part(const struct cl_ctx *ctx, const void *n, const char *value,
             size_t s, size_t e)
{
	(void)value;
	return cl_attr_part_span(ctx, n, "default", s, e);
}

/* TYPE: the auth type of the method whose variables VARS are, else
 * CL_AUTH_UNKNOWN. */
static void
check_userinfo_defaults(struct cl_ctx *ctx, const struct cl_var_list *vars,
                        enum cl_auth_type type)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		struct cl_strbuf sb = CL_STRBUF_INIT;

		if (v->is_use || !has_userinfo(v->default_value))
			continue;
		cl_strbuf_addf(&sb, "the default URL of %s `%s`",
		               cl_var_scope_word(v->scope), v->key);
		check_userinfo(ctx, v->default_value, cl_strbuf_str(&sb),
		               default_part, v->node, type);
		cl_strbuf_release(&sb);
	}
}

static void
check_credentials_in_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, j;

	check_userinfo_defaults(ctx, &c->variables, CL_AUTH_UNKNOWN);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		if (m->url.node && has_userinfo(m->url.value)) {
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "the URL of auth method `%s`",
			               m->id);
			check_userinfo(ctx, m->url.value, cl_strbuf_str(&sb),
			               elem_part, m->url.node, m->type);
		}
		for (j = 0; j < m->n_additional_urls; j++) {
			const struct cl_additional_url *u =
			    &m->additional_urls[j];

			if (!has_userinfo(u->value))
				continue;
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb,
			               "an additional URL of auth method `%s`",
			               m->id);
			check_userinfo(ctx, u->value, cl_strbuf_str(&sb),
			               elem_part, u->node, m->type);
		}
		check_userinfo_defaults(ctx, &m->variables, m->type);
	}
	cl_for_each_endpoint(e, c, i)
	{
		/* An endpoint's requests carry the OAuth 2 access token, not
		 * the client's credentials: no OAuth 2 advice there. */
		if (e->url.node && has_userinfo(e->url.value)) {
			enum cl_auth_type t = cl_endpoint_auth_type(e);

			if (cl_auth_type_is_oauth2(t))
				t = CL_AUTH_UNKNOWN;
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "the URL of endpoint `%s`", e->id);
			check_userinfo(ctx, e->url.value, cl_strbuf_str(&sb),
			               elem_part, e->url.node, t);
		}
		if (e->variables.n) /* most have none: no call */
			check_userinfo_defaults(ctx, &e->variables,
			                        CL_AUTH_UNKNOWN);
	}
	cl_strbuf_release(&sb);
}

const struct cl_rule cl_rule_CL503 = {
	.id = "CL503",
	.slug = "credentials-in-url",
	.severity = CL_SEV_ERROR,
	.summary = "user information in a URL (`https://user:pass@host/…`)",
	.check = check_credentials_in_url,
	.masks_secrets = true,
	.security_severity = "7.5",
	.cwe = { 522 },
};
