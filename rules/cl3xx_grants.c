/*
 * OAuth 2 rules about the grant and the authorisation code flow's
 * settings: the deprecated password grant (CL304), token and authorise
 * URLs given the wrong way round (CL306), the client type (CL308), the
 * redirect URI (CL309) and the implicit grant (CL310). Facts: RFC 6749,
 * RFC 9700 (OAuth 2.0 Security Best Current Practice) and the format
 * spec's OAuth 2 notes.
 *
 * Values are read where they are written: a variable's default (for a
 * <use>, the connector variable's default) and literal params. A value with
 * a placeholder is checked through the variable it names, and a variable
 * without a default is the user's to fill in (CL111 and the CL2xx rules
 * cover values nobody is asked for).
 */
#include <string.h>

#include "authvars.h"
#include "nearmiss.h"
#include "rule.h"

/* One place where a value is written: a variable default or a param. */
struct found {
	const char *value;
	struct cl_span span;
	const char *what; /* "default" or "param" */
};

/*
 * Every place in M where KEY is given a literal value: the default of auth
 * variable KEY, then params named KEY in url-params, headers and body (a
 * value holding a placeholder is skipped). Fills up to MAX entries of OUT
 * and returns how many.
 */
static size_t find_values(const struct cl_auth_method *m, const char *key,
                          struct found *out, size_t max)
{
	const struct cl_param_list *lists[] = { &m->url_params, &m->headers,
						&m->body.params };
	const struct cl_variable *v = cl_var_list_find(&m->variables, key);
	size_t n = 0, l, i;

	if (v && max) {
		struct cl_span span = cl_var_key_span(v);
		const char *d = cl_var_default_at(v, &span);

		if (d && !strstr(d, "{{")) {
			out[n].value = d;
			out[n].span = span;
			out[n].what = "default";
			n++;
		}
	}
	for (l = 0; l < CL_ARRAY_SIZE(lists); l++) {
		for (i = 0; i < lists[l]->n && n < max; i++) {
			const struct cl_param *p = &lists[l]->items[i];

			if (strcmp(p->key, key) || !p->value ||
			    strstr(p->value, "{{"))
				continue;
			out[n].value = p->value;
			out[n].span = cl_node_attr_span(p->node, "value");
			out[n].what = "param";
			n++;
		}
	}
	return n;
}

#define MAX_FOUND 16

/* ---- CL304 deprecated-password-grant ---- */

/*
 * The platform lets an oauth2-client-credentials method use grant type
 * `password` (format spec). RFC 9700 §2.4 says the resource owner password
 * credentials grant MUST NOT be used: the client handles the user's own
 * password. One diagnostic per method, at the first place that says
 * `password`, with the others as related locations. On an
 * oauth2-authorization-code method `password` does not fit at all; CL303
 * reports it there.
 */
static void check_password_grant(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, n;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		struct found f[MAX_FOUND];
		struct cl_diag *d = NULL;

		if (m->type != CL_AUTH_OAUTH2_CC)
			continue;
		n = find_values(m, "grant_type", f, MAX_FOUND);
		for (j = 0; j < n; j++) {
			if (strcmp(f[j].value, "password"))
				continue;
			if (!d) {
				d = cl_report(ctx, &cl_rule_CL304, f[j].span,
					      "auth method `%s` uses grant type "
					      "`password` (resource owner "
					      "password credentials), which "
					      "current OAuth security advice "
					      "forbids: the connector handles "
					      "the user's own password; use "
					      "`client_credentials` if the API "
					      "offers it", m->id);
				if (!d)
					break;
				continue;
			}
			cl_report_related(ctx, d, f[j].span,
					  "`password` is also the grant "
					  "type's %s here", f[j].what);
		}
	}
}

const struct cl_rule cl_rule_CL304 = {
	.id = "CL304",
	.slug = "deprecated-password-grant",
	.severity = CL_SEV_WARNING,
	.summary = "`grant_type` `password` (resource-owner password credentials: " "deprecated by current OAuth security advice)",
	.check = check_password_grant,
};

/* ---- CL306 swapped-oauth-urls ---- */

static int blank_char(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* The span of N's text without surrounding blanks. */
static struct cl_span text_span(const struct cl_ctx *ctx,
                                const struct cl_node *n)
{
	struct cl_span s = n->inner_span;

	while (s.start < s.end && blank_char(ctx->buf[s.start]))
		s.start++;
	while (s.end > s.start && blank_char(ctx->buf[s.end - 1]))
		s.end--;
	return s;
}

/* 1 when the path of URL (after the host, before any query or fragment,
 * outside placeholders) contains WORD, ignoring case. */
static int path_has(const char *url, const char *word)
{
	const char *p = strstr(url, "://");
	size_t wl = strlen(word), i;

	p = p ? strchr(p + 3, '/') : strchr(url, '/');
	if (!p)
		return 0;
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (p[0] == '{' && p[1] == '{') {
			const char *e = strstr(p, "}}");

			if (!e)
				return 0;
			p = e + 1;
			continue;
		}
		for (i = 0; i < wl && p[i]; i++) {
			char a = p[i];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != word[i])
				break;
		}
		if (i == wl)
			return 1;
	}
	return 0;
}

static int looks_authorise(const char *url)
{
	return path_has(url, "authoriz") || path_has(url, "authoris");
}

static int looks_token(const char *url)
{
	return path_has(url, "token");
}

/* 1 when A and B are the same URL, or differ only by a trailing '/'. */
static int same_url(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la && a[la - 1] == '/')
		la--;
	if (lb && b[lb - 1] == '/')
		lb--;
	return la == lb && !memcmp(a, b, la);
}

/*
 * For oauth2-authorization-code, `url` is the token endpoint and Additional
 * URL 1 the authorise endpoint (format spec). Swapped: the token URL's path
 * says authorize/authorise (or authorization) and not token, while
 * Additional URL 1's path says token and not authorise. Both the same: one
 * of them is certainly wrong. Missing or empty URLs are CL205's and
 * CL305's.
 */
static void check_swapped_urls(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_additional_url *one = NULL;
		const char *tok, *auz;
		struct cl_diag *d;

		if (m->type != CL_AUTH_OAUTH2_AC || !*m->url.value)
			continue;
		for (j = 0; j < m->n_additional_urls && !one; j++)
			if (m->additional_urls[j].index == 1)
				one = &m->additional_urls[j];
		if (!one || !*one->value)
			continue;
		tok = m->url.value;
		auz = one->value;
		if (same_url(tok, auz)) {
			d = cl_report(ctx, &cl_rule_CL306,
				      text_span(ctx, one->node),
				      "Additional URL 1 of auth method `%s` is "
				      "the same as its `url`: Additional URL 1 "
				      "must be the authorise endpoint users are "
				      "sent to, `url` the token endpoint", m->id);
			cl_report_related(ctx, d, text_span(ctx, m->url.node),
					  "the token `url` is here");
		} else if (looks_authorise(tok) && !looks_token(tok) &&
			   looks_token(auz) && !looks_authorise(auz)) {
			d = cl_report(ctx, &cl_rule_CL306,
				      text_span(ctx, m->url.node),
				      "the `url` of auth method `%s` looks like "
				      "an authorise endpoint and its Additional "
				      "URL 1 like a token endpoint: swap them; "
				      "`url` is the token endpoint, Additional "
				      "URL 1 the authorise endpoint", m->id);
			cl_report_related(ctx, d, text_span(ctx, one->node),
					  "Additional URL 1 is here");
		}
	}
}

const struct cl_rule cl_rule_CL306 = {
	.id = "CL306",
	.slug = "swapped-oauth-urls",
	.severity = CL_SEV_WARNING,
	.summary = "authorisation code: the token `url` and Additional URL 1 given the " "wrong way round, or the same",
	.check = check_swapped_urls,
};

/* ---- CL308 invalid-client-type ---- */

/*
 * `client_type` of an oauth2-authorization-code method: `confidential`
 * makes the token request carry HTTP Basic client authentication, and the
 * platform treats every other value as public (format spec). Values are
 * compared exactly, so `Confidential` is reported too: it means
 * confidential and is taken as public. `public` in another case (`Public`)
 * is accepted: it is taken as public, which is what it says, and CL302
 * reads it the same way. A variable with no value that nobody is asked for
 * is empty, hence public: also reported. (CL302 still takes a misspelt
 * `confidential` as meant confidential.)
 */
static void check_client_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	static const char *const ok[] = { "confidential", "public" };
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;
		struct cl_span span;
		const char *d, *near;

		if (m->type != CL_AUTH_OAUTH2_AC)
			continue;
		v = cl_var_list_find(&m->variables, "client_type");
		/* Absent: CL201's; a use of no connector variable: CL108's. */
		if (!v || (v->is_use && !v->target))
			continue;
		span = cl_var_key_span(v);
		d = cl_var_default_at(v, &span);
		if (cl_blank(d)) {
			if (!v->required)
				cl_report(ctx, &cl_rule_CL308, span,
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
		if (near)
			cl_report(ctx, &cl_rule_CL308, span,
				  "client type `%s` of auth method `%s` is "
				  "neither `confidential` nor `public` (did you "
				  "mean `%s`?): the platform treats it as public "
				  "and sends no client authentication",
				  d, m->id, near);
		else
			cl_report(ctx, &cl_rule_CL308, span,
				  "client type `%s` of auth method `%s` is "
				  "neither `confidential` nor `public`: the "
				  "platform treats it as public and sends no "
				  "client authentication", d, m->id);
	}
}

const struct cl_rule cl_rule_CL308 = {
	.id = "CL308",
	.slug = "invalid-client-type",
	.severity = CL_SEV_ERROR,
	.summary = "`client_type` other than `confidential` or `public` (the platform " "treats any other value as public, so no client authentication is " "sent)",
	.check = check_client_type,
};

/* ---- CL309 redirect-uri-not-allowed ---- */

/* "`a` or `b`", "`a`, `b` or `c`", at most four, then "…". */
static void list_uris(struct cl_strbuf *sb, const char *const *uris, size_t n)
{
	size_t i, shown = n > 4 ? 4 : n;

	for (i = 0; i < shown; i++) {
		if (i)
			cl_strbuf_adds(sb, i + 1 == n ? " or " : ", ");
		cl_strbuf_addf(sb, "`%s`", uris[i]);
	}
	if (shown < n)
		cl_strbuf_addf(sb, " and %zu more", n - shown);
}

/*
 * The redirect URI of an authorisation code method: the `redirect_uri`
 * default and literal `redirect_uri` params. The authorisation server
 * redirects only to a registered URI, compared by simple string equality
 * (RFC 6749 §3.1.2.3, RFC 9700 §4.1.3), and the platform receives the code
 * only at its own callback URIs: any other value loses the code. Each
 * place with a wrong value is reported.
 */
static void check_redirect_uri(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, n, nuris;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const char *const *uris;
		struct found f[MAX_FOUND];

		if (m->type != CL_AUTH_OAUTH2_AC)
			continue;
		uris = cl_ctx_redirect_uris(ctx, &nuris);
		n = find_values(m, "redirect_uri", f, MAX_FOUND);
		for (j = 0; j < n; j++) {
			struct cl_strbuf allowed = CL_STRBUF_INIT;
			const char *near;

			if (cl_blank(f[j].value) ||
			    cl_redirect_uri_allowed(ctx, f[j].value))
				continue;
			list_uris(&allowed, uris, nuris);
			near = cl_nearmiss(f[j].value, uris, nuris);
			if (near)
				cl_report(ctx, &cl_rule_CL309, f[j].span,
					  "redirect URI `%s` of auth method `%s` "
					  "is not an allowed one: did you mean "
					  "`%s`? Redirect URIs must match "
					  "exactly", f[j].value, m->id, near);
			else
				cl_report(ctx, &cl_rule_CL309, f[j].span,
					  "redirect URI `%s` of auth method `%s` "
					  "is not an allowed one (%s): the "
					  "platform receives the authorisation "
					  "code only there", f[j].value, m->id,
					  cl_strbuf_str(&allowed));
			cl_strbuf_release(&allowed);
		}
	}
}

const struct cl_rule cl_rule_CL309 = {
	.id = "CL309",
	.slug = "redirect-uri-not-allowed",
	.severity = CL_SEV_WARNING,
	.summary = "a `redirect_uri` that is not one of the configured redirect URIs " "(default: the platform's production and staging ones)",
	.check = check_redirect_uri,
};

/* ---- CL310 implicit-grant ---- */

/* 1 when space-separated list VALUE holds the word `token`. */
static int has_token_word(const char *value)
{
	const char *p = value;

	while (*p) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n == 5 && !strncmp(p, "token", 5))
			return 1;
		p += n;
	}
	return 0;
}

/*
 * The implicit grant returns the access token in the browser's redirect
 * URL; RFC 9700 §2.1.2 says clients SHOULD NOT use it and OAuth 2.1
 * removes it. Flagged: a `response_type` (default or literal param) whose
 * space-separated values include `token` (also `id_token token`). A
 * `grant_type` of `implicit` does not fit any OAuth 2 type, and CL303
 * (wrong-grant-type) reports it as such; this rule reports it only while
 * CL303 is turned off, so one value gives one diagnostic.
 */
static void check_implicit_grant(struct cl_ctx *ctx, const struct cl_connector *c)
{
	int grants = !cl_rule_enabled(ctx, &cl_rule_CL303);
	size_t i, j, n;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		struct found f[MAX_FOUND];

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		n = find_values(m, "response_type", f, MAX_FOUND);
		for (j = 0; j < n; j++)
			if (has_token_word(f[j].value))
				cl_report(ctx, &cl_rule_CL310, f[j].span,
					  "`response_type` `%s` of auth method "
					  "`%s` asks for the implicit grant, "
					  "which is deprecated and unsafe: the "
					  "access token comes back in the "
					  "browser's URL; use `code` (the "
					  "authorisation code flow)",
					  f[j].value, m->id);
		if (!grants)
			continue;
		n = find_values(m, "grant_type", f, MAX_FOUND);
		for (j = 0; j < n; j++)
			if (!strcmp(f[j].value, "implicit"))
				cl_report(ctx, &cl_rule_CL310, f[j].span,
					  "grant type `implicit` of auth method "
					  "`%s`: the implicit grant is "
					  "deprecated and unsafe, and never "
					  "calls the token endpoint; use "
					  "`authorization_code`", m->id);
	}
}

const struct cl_rule cl_rule_CL310 = {
	.id = "CL310",
	.slug = "implicit-grant",
	.severity = CL_SEV_ERROR,
	.summary = "`response_type=token` or `grant_type` `implicit`: the implicit grant " "is deprecated and unsafe",
	.check = check_implicit_grant,
};
