/*
 * Security rules (CL501-CL505): secrets written into the file, URLs that
 * travel in the clear or carry credentials, credential variables that are
 * not marked secret, and secrets in query strings.
 *
 * A linter's output ends up in CI logs, so CL501 (and CL503 for the
 * password of a URL) never prints a secret: messages show it masked with
 * cl_mask_secret (its first four characters, then "…"), and the secret's
 * span is registered with cl_report_secret so that the text format's
 * source line shows it masked too. The engine's raw pass masks the same
 * secrets when the file cannot be modelled, and cl_report masks anything
 * secret-shaped in every rule's message (src/secretscan.c).
 *
 * Placeholders ({{client_secret}}) are never secrets: only literal text
 * outside well-formed placeholders is looked at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authvars.h"
#include "rawspan.h"
#include "rule.h"
#include "secretscan.h"

/* The format's credential keys (client_secret, password, ...), as
 * variables spell them. */
static int is_secret_key(const char *key)
{
	return cl_secret_key(key, strlen(key), 0);
}

/* 1 when V has literal text outside well-formed placeholders. */
static int has_literal_text(const char *v)
{
	return cl_secret_has_literal(v, strlen(v));
}

/* ---- CL501 ----
 *
 * What is a secret is decided in src/secretscan.c, which the raw pass
 * over the source and message masking share: CL501 reports what it finds
 * in the model, and the raw pass masks the same wherever the model could
 * not reach.
 */

/*
 * Reports SPAN, whose decoded text is S (LEN bytes), as a secret that
 * SUBJECT hard-codes; WHAT names the kind of secret. The message shows it
 * masked, and the span is masked in every rendering of the source.
 */
static void report_secret(struct cl_ctx *ctx, struct cl_span span,
                          const char *s, size_t len, const char *subject,
                          const char *what, const char *advice)
{
	char *masked = cl_mask_secret(s, len);

	cl_report(ctx, &cl_rule_CL501, span, "%s hard-codes %s `%s`: "
		  "anyone who can read this file can use it; %s",
		  subject, what, masked, advice);
	/* Masked even when CL501 is off or suppressed: another rule's
	 * snippet may show this line. */
	cl_report_secret(ctx, span);
	free(masked);
}

/* Where a scanned text lies in the source: the decoded value of
 * attribute ATTR of NODE, or (ATTR NULL) raw source bytes from BASE. */
struct text_at {
	const struct cl_node *node;
	const char *attr;
	uint32_t base;
};

static struct cl_span text_span(const struct cl_ctx *ctx,
                                const struct text_at *at, size_t s, size_t e)
{
	struct cl_span sp;

	if (at->attr)
		return cl_attr_part_span(ctx, at->node, at->attr, s, e);
	sp.start = at->base + (uint32_t)s;
	sp.end = at->base + (uint32_t)e;
	return sp;
}

/* Findings of one value or text: finding a span in a decoded value
 * costs a walk over the value, and the raw pass masks any beyond. */
#define MAX_HITS_REPORTED 16

/*
 * Reports each secret of H (found in text S, which lies at AT) once,
 * overlapping finds of one secret joined. A URL's password is CL503's and
 * is left to it. A secret a field names is reported as that field's
 * (`access_token` in the URL of endpoint `x`). Releases H.
 */
static void report_hits(struct cl_ctx *ctx, struct cl_secret_hits *h,
                        const char *s, const struct text_at *at,
                        const char *subject, const char *advice)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, reported = 0;

	cl_secret_hits_merge(h);
	for (i = 0; i < h->n && reported < MAX_HITS_REPORTED; i++) {
		const struct cl_secret_hit *x = &h->v[i];

		if (x->kind == CL_SECRET_USERINFO)
			continue;
		cl_strbuf_reset(&sb);
		if (x->name_end > x->name_start)
			cl_strbuf_addf(&sb, "`%.*s` in ",
				       (int)(x->name_end - x->name_start),
				       s + x->name_start);
		cl_strbuf_adds(&sb, subject);
		reported++;
		report_secret(ctx, text_span(ctx, at, x->start, x->end),
			      s + x->start, x->end - x->start,
			      cl_strbuf_str(&sb), cl_secret_kind_name(x->kind),
			      advice);
	}
	cl_strbuf_release(&sb);
	cl_secret_hits_release(h);
}

/* "auth variable", "endpoint variable", "connector variable". */
static const char *scope_word(enum cl_var_scope s)
{
	switch (s) {
	case CL_SCOPE_CONNECTOR: return "connector variable";
	case CL_SCOPE_AUTH: return "auth variable";
	case CL_SCOPE_ENDPOINT: return "endpoint variable";
	}
	return "variable";
}

/*
 * The default of a credential variable (marked secret, or keyed as one of
 * the secret defaults) is a secret whatever it looks like; the default of
 * any other variable holds one where something in it looks like a
 * credential.
 */
static void check_variable_defaults(struct cl_ctx *ctx,
                                    const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		const char *d = v->default_value;
		struct cl_strbuf subject = CL_STRBUF_INIT;
		struct cl_secret_hits h = CL_SECRET_HITS_INIT;
		struct text_at at = { v->node, "default", 0 };
		int secret;

		if (v->is_use || !d || !has_literal_text(d))
			continue;
		/* Decide first: the subject is only needed for a report. */
		secret = v->secret || is_secret_key(v->key);
		if (!secret) {
			cl_secret_scan_text(d, strlen(d),
					    cl_secret_key_hint(v->key,
							       strlen(v->key)),
					    0, &h);
			if (!h.n)
				continue;
		}
		cl_strbuf_addf(&subject, "the default of %s `%s`",
			       scope_word(v->scope), v->key);
		if (secret)
			report_secret(ctx, cl_node_attr_span(v->node, "default"),
				      d, strlen(d), cl_strbuf_str(&subject),
				      "a secret",
				      "remove the default and make the variable "
				      "`required=\"true\"`, so that each instance "
				      "gives its own");
		else
			report_hits(ctx, &h, d, &at, cl_strbuf_str(&subject),
				    "remove the default and make the variable "
				    "`required=\"true\"` and `secret=\"true\"`");
		cl_strbuf_release(&subject);
	}
}

/* Where a param is, for messages: "header `X` of endpoint `e`". */
static void describe_param(struct cl_strbuf *sb, const struct cl_param *p,
                           const char *owner_kind, const char *owner)
{
	static const char *const place[] = {
		[CL_PLACE_URL_PARAMS] = "URL param",
		[CL_PLACE_HEADERS] = "header",
		[CL_PLACE_BODY] = "body param",
	};

	cl_strbuf_addf(sb, "%s `%s` of %s `%s`", place[p->place], p->key,
		       owner_kind, owner);
}

/* An Authorization header: its credentials, as
 * cl_secret_find_authorization finds them. */
static void check_authorization(struct cl_ctx *ctx, const struct cl_param *p,
                                const char *owner_kind, const char *owner)
{
	const char *v = p->value;
	struct cl_strbuf subject = CL_STRBUF_INIT;
	size_t cs, ce;
	const char *advice;
	enum cl_secret_kind k;

	k = cl_secret_find_authorization(v, strlen(v), &cs, &ce);
	if (k == CL_SECRET_NONE)
		return;
	describe_param(&subject, p, owner_kind, owner);
	if (k == CL_SECRET_BASIC)
		advice = "use a `basic` auth method instead, whose `username` "
			 "and `password` variables the platform encodes "
			 "itself (Base64 is an encoding, not encryption)";
	else if (k == CL_SECRET_BEARER)
		advice = "take it from a `secret=\"true\"` variable "
			 "(`Bearer {{token}}`) or use an OAuth 2 auth method";
	else
		advice = "take them from a `secret=\"true\"` variable";
	report_secret(ctx, cl_attr_part_span(ctx, p->node, "value", cs, ce),
		      v + cs, ce - cs, cl_strbuf_str(&subject),
		      cl_secret_kind_name(k), advice);
	cl_strbuf_release(&subject);
}

#define PARAM_ADVICE "move it into a `secret=\"true\"` variable and " \
		     "reference it here as a placeholder"

/* A param keyed as a credential (`password`, any case) holds a secret
 * whatever its value looks like, as a variable of that key does. */
static void check_params(struct cl_ctx *ctx, const struct cl_param_list *list,
                         const char *owner_kind, const char *owner)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		struct cl_strbuf subject = CL_STRBUF_INIT;
		struct cl_secret_hits h = CL_SECRET_HITS_INIT;
		struct text_at at = { p->node, "value", 0 };
		size_t klen = strlen(p->key);

		if (!p->value || !has_literal_text(p->value))
			continue;
		if (p->place == CL_PLACE_HEADERS &&
		    !cl_strcasecmp(p->key, "Authorization")) {
			check_authorization(ctx, p, owner_kind, owner);
			continue;
		}
		if (cl_secret_key(p->key, klen, 1)) {
			describe_param(&subject, p, owner_kind, owner);
			report_secret(ctx, cl_node_attr_span(p->node, "value"),
				      p->value, strlen(p->value),
				      cl_strbuf_str(&subject), "a secret",
				      PARAM_ADVICE);
			cl_strbuf_release(&subject);
			continue;
		}
		cl_secret_scan_text(p->value, strlen(p->value),
				    cl_secret_key_hint(p->key, klen), 0, &h);
		if (!h.n)
			continue;
		describe_param(&subject, p, owner_kind, owner);
		report_hits(ctx, &h, p->value, &at, cl_strbuf_str(&subject),
			    PARAM_ADVICE);
		cl_strbuf_release(&subject);
	}
}

/*
 * URLs and body content: a key in a query string (`?key=sk_live_…`,
 * `access_token=…`), a `client_secret` or `password` in JSON or a form
 * body, in CDATA or not. Scanned as the raw text of the element, so that
 * spans are exact; a secret variable's placeholder in the query is
 * CL505's, a URL's password CL503's.
 */
static void check_template_text(struct cl_ctx *ctx, const struct cl_template *t)
{
	struct cl_secret_hits h = CL_SECRET_HITS_INIT;
	struct cl_strbuf subject = CL_STRBUF_INIT;
	struct text_at at = { NULL, NULL, t->span.start };
	const char *s = ctx->buf + t->span.start;
	const char *owner_kind = t->auth ? "auth method" : "endpoint";
	const char *owner = t->auth ? t->auth->id : t->endpoint->id;
	size_t i;

	if (t->kind == CL_TPL_PARAM_VALUE) /* check_params' */
		return;
	cl_secret_scan_text(s, t->span.end - t->span.start, 0, 0, &h);
	if (!h.n)
		return;
	if (t->kind == CL_TPL_BODY_CONTENT) {
		cl_strbuf_addf(&subject, "the body content of %s `%s`",
			       owner_kind, owner);
	} else if (t->kind == CL_TPL_URL) {
		cl_strbuf_addf(&subject, "the URL of %s `%s`", owner_kind,
			       owner);
	} else {
		int index = -1;

		for (i = 0; i < t->auth->n_additional_urls; i++)
			if (t->auth->additional_urls[i].node == t->node)
				index = t->auth->additional_urls[i].index;
		if (index >= 0)
			cl_strbuf_addf(&subject, "Additional URL %d of auth "
				       "method `%s`", index, owner);
		else
			cl_strbuf_addf(&subject, "an additional URL of auth "
				       "method `%s`", owner);
	}
	report_hits(ctx, &h, s, &at, cl_strbuf_str(&subject),
		    t->kind == CL_TPL_BODY_CONTENT
		    ? PARAM_ADVICE
		    : "move it into a `secret=\"true\"` variable and send it "
		      "in a header: query strings end up in server and proxy "
		      "logs");
	cl_strbuf_release(&subject);
}

static void check_hard_coded_secret(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_variable_defaults(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		check_variable_defaults(ctx, &m->variables);
		check_params(ctx, &m->url_params, "auth method", m->id);
		check_params(ctx, &m->headers, "auth method", m->id);
		check_params(ctx, &m->body.params, "auth method", m->id);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		check_variable_defaults(ctx, &e->variables);
		check_params(ctx, &e->url_params, "endpoint", e->id);
		check_params(ctx, &e->headers, "endpoint", e->id);
		check_params(ctx, &e->body.params, "endpoint", e->id);
	}
	for (i = 0; i < c->n_templates; i++)
		check_template_text(ctx, &c->templates[i]);
}

const struct cl_rule cl_rule_CL501 = {
	.id = "CL501",
	.slug = "hard-coded-secret",
	.severity = CL_SEV_ERROR,
	.summary = "a secret given as literal text: a credential variable's default, an `Authorization` header value, a param value, URL query or body content that holds a credential",
	.check = check_hard_coded_secret,
	.masks_secrets = true,
};

/* ---- URLs ---- */

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 1 when S[0..N) is WORD (lower case) ignoring ASCII case. */
static int prefix_ci(const char *s, size_t n, const char *word)
{
	size_t i;

	if (n != strlen(word))
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/*
 * The parts of URL U: *SCHEME_END is the offset of "://" (0 when U does
 * not start with a scheme and "://"), [*AUTH, *AUTH_END) the authority.
 */
static int url_parts(const char *u, size_t *scheme_end, size_t *auth,
                     size_t *auth_end)
{
	size_t i = 0;

	if (!is_alpha(u[0]))
		return 0;
	while (is_alpha(u[i]) || is_digit(u[i]) || u[i] == '+' ||
	       u[i] == '-' || u[i] == '.')
		i++;
	if (strncmp(u + i, "://", 3))
		return 0;
	*scheme_end = i;
	*auth = i + 3;
	for (i += 3; u[i] && u[i] != '/' && u[i] != '?' && u[i] != '#'; i++)
		;
	*auth_end = i;
	return 1;
}

/* ---- CL502 ---- */

/* 1 when the host of authority A (LEN bytes) is a loopback name or
 * address: localhost, *.localhost, 127.0.0.0/8, [::1]. */
static int is_loopback(const char *a, size_t len)
{
	const char *at = NULL;
	size_t i, hlen;
	char host[256];

	for (i = 0; i < len; i++)
		if (a[i] == '@')
			at = a + i;
	if (at) {
		len -= (size_t)(at + 1 - a);
		a = at + 1;
	}
	if (len && a[0] == '[') {
		for (hlen = 0; hlen < len && a[hlen] != ']'; hlen++)
			;
		if (hlen < len)
			hlen++;
	} else {
		for (hlen = 0; hlen < len && a[hlen] != ':'; hlen++)
			;
	}
	if (hlen >= sizeof(host))
		return 0;
	for (i = 0; i < hlen; i++)
		host[i] = (a[i] >= 'A' && a[i] <= 'Z') ? (char)(a[i] - 'A' + 'a')
						       : a[i];
	host[hlen] = '\0';
	if (!strcmp(host, "localhost") || !strcmp(host, "[::1]"))
		return 1;
	if (hlen > 10 && !strcmp(host + hlen - 10, ".localhost"))
		return 1;
	if (!strncmp(host, "127.", 4)) {
		for (i = 4; i < hlen; i++)
			if (!is_digit(host[i]) && host[i] != '.')
				return 0;
		return 1;
	}
	return 0;
}

/*
 * Reports URL (the trimmed value of element N) when it is plain http to
 * a host that is not a loopback one. Auth URLs carry client credentials
 * and tokens (RFC 6749 §3.1, §3.2, §10.9: TLS is required), so the rule's
 * severity (error by default) applies to them; an endpoint URL (which
 * carries the access token, RFC 6750 §5.3) is reported one level lower (a
 * warning by default): the diagnostic's severity is lowered after
 * cl_report returns it, the one rule that does so.
 */
static void check_url_scheme(struct cl_ctx *ctx, const struct cl_node *n,
                             const char *url, const char *what,
                             const char *owner_kind, const char *owner,
                             int endpoint)
{
	size_t se, a, ae;
	struct cl_diag *d;

	if (!n || !url_parts(url, &se, &a, &ae) || !prefix_ci(url, se, "http"))
		return;
	if (is_loopback(url + a, ae - a))
		return;
	d = cl_report(ctx, &cl_rule_CL502, cl_elem_part_span(ctx, n, url, 0, 4),
		      "the %s of %s `%s` uses `http`: %s travel unencrypted "
		      "and can be read or changed on the way; use `https`",
		      what, owner_kind, owner,
		      endpoint ? "the access token and the data"
			       : "credentials and tokens");
	/* One level below the rule's severity for this file (by default
	 * error, so a warning); a configured severity still counts. */
	if (d && endpoint && d->severity > CL_SEV_INFO)
		d->severity = (enum cl_severity)(d->severity - 1);
}

static void check_insecure_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		check_url_scheme(ctx, m->url.node, m->url.value, "URL",
				 "auth method", m->id, 0);
		for (j = 0; j < m->n_additional_urls; j++) {
			const struct cl_additional_url *u = &m->additional_urls[j];
			char what[64];

			snprintf(what, sizeof(what), "additional URL %d", u->index);
			check_url_scheme(ctx, u->node, u->value,
					 u->index >= 0 ? what : "additional URL",
					 "auth method", m->id, 0);
		}
	}
	for (i = 0; i < c->n_endpoints; i++)
		check_url_scheme(ctx, c->endpoints[i].url.node,
				 c->endpoints[i].url.value, "URL", "endpoint",
				 c->endpoints[i].id, 1);
}

const struct cl_rule cl_rule_CL502 = {
	.id = "CL502",
	.slug = "insecure-url",
	.severity = CL_SEV_ERROR,
	.summary = "an `http://` auth `url` or `additional-url` (loopback hosts excepted); a warning for endpoint URLs",
	.check = check_insecure_url,
};

/* ---- CL503 ---- */

/*
 * User information in a URL (RFC 3986 §3.2.1: "user:password@" is
 * deprecated; URLs are logged, kept in histories and shown). Reported
 * whether the credentials are literal or placeholders. A literal password
 * (or a literal user part with no password, which is then usually a token)
 * is also masked in every output.
 */
/* 1 when URL has user information ("user@" before its host): the cheap
 * test callers make before building a subject for check_userinfo. */
static int has_userinfo(const char *url)
{
	size_t se, a, ae, i;

	if (!url || !url_parts(url, &se, &a, &ae))
		return 0;
	for (i = ae; i > a; i--)
		if (url[i - 1] == '@')
			return i - 1 > a; /* "https://@host": nothing before */
	return 0;
}

static void check_userinfo(struct cl_ctx *ctx, const char *url,
                           const char *subject,
                           struct cl_span (*part)(const struct cl_ctx *,
                                                  const void *, const char *,
                                                  size_t, size_t),
                           const void *where)
{
	size_t se, a, ae, i, at = 0, colon = 0;
	int has_at = 0;
	struct cl_diag *d;

	if (!url || !url_parts(url, &se, &a, &ae))
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
		      "server and proxy logs and browser histories; send "
		      "them in a header (a `basic` auth method, or a header "
		      "param with a `secret=\"true\"` variable)", subject);
	(void)d; /* the password is masked whether or not CL503 is on */
	{
		/* What to mask: the password, or a lone user part. */
		size_t ms = colon < at ? colon + 1 : a, me = at;
		char *piece = cl_strndup(url + ms, me - ms);

		if (has_literal_text(piece) && me > ms)
			cl_report_secret(ctx, part(ctx, where, url, ms, me));
		free(piece);
	}
}

static struct cl_span elem_part(const struct cl_ctx *ctx, const void *n,
                                const char *value, size_t s, size_t e)
{
	return cl_elem_part_span(ctx, n, value, s, e);
}

static struct cl_span default_part(const struct cl_ctx *ctx, const void *n,
                                   const char *value, size_t s, size_t e)
{
	(void)value;
	return cl_attr_part_span(ctx, n, "default", s, e);
}

static void check_userinfo_defaults(struct cl_ctx *ctx,
                                    const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		struct cl_strbuf sb = CL_STRBUF_INIT;

		if (v->is_use || !has_userinfo(v->default_value))
			continue;
		cl_strbuf_addf(&sb, "the default URL of %s `%s`",
			       scope_word(v->scope), v->key);
		check_userinfo(ctx, v->default_value, cl_strbuf_str(&sb),
			       default_part, v->node);
		cl_strbuf_release(&sb);
	}
}

static void check_credentials_in_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, j;

	check_userinfo_defaults(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		if (m->url.node && has_userinfo(m->url.value)) {
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "the URL of auth method `%s`", m->id);
			check_userinfo(ctx, m->url.value, cl_strbuf_str(&sb),
				       elem_part, m->url.node);
		}
		for (j = 0; j < m->n_additional_urls; j++) {
			const struct cl_additional_url *u = &m->additional_urls[j];

			if (!has_userinfo(u->value))
				continue;
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "an additional URL of auth method `%s`",
				       m->id);
			check_userinfo(ctx, u->value, cl_strbuf_str(&sb),
				       elem_part, u->node);
		}
		check_userinfo_defaults(ctx, &m->variables);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		if (e->url.node && has_userinfo(e->url.value)) {
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "the URL of endpoint `%s`", e->id);
			check_userinfo(ctx, e->url.value, cl_strbuf_str(&sb),
				       elem_part, e->url.node);
		}
		check_userinfo_defaults(ctx, &e->variables);
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
};

/* ---- CL504 ---- */

/*
 * A credential variable not marked secret is shown on screen and may be
 * logged. Variables only: a `use` takes the flag of its connector
 * variable, which is reported itself.
 */
static void check_unmarked(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];

		if (v->is_use || v->secret || !is_secret_key(v->key))
			continue;
		cl_report(ctx, &cl_rule_CL504, cl_node_attr_span(v->node, "key"),
			  "%s `%s` holds a credential but is not marked "
			  "`secret=\"true\"`: the platform shows it on screen "
			  "and may log it; add `secret=\"true\"`",
			  scope_word(v->scope), v->key);
	}
}

static void check_secret_not_marked(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_unmarked(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_unmarked(ctx, &c->auth_methods[i].variables);
	for (i = 0; i < c->n_endpoints; i++)
		check_unmarked(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL504 = {
	.id = "CL504",
	.slug = "secret-not-marked",
	.severity = CL_SEV_WARNING,
	.summary = "`client_secret`, `password`, `token`, `consumer_secret`, `token_secret` variables without `secret=\"true\"`",
	.check = check_secret_not_marked,
};

/* ---- CL505 ---- */

static int var_is_secret(const struct cl_variable *v)
{
	return v && (v->secret || is_secret_key(v->key));
}

/*
 * The secret variable that placeholder KEY of TPL stands for, or NULL: in
 * an auth method its own variable (a use has its connector variable's
 * flag); in an endpoint any variable of that key in its scope (its own,
 * the connector's, or an enabled method's) that is secret.
 */
static const struct cl_variable *secret_in_scope(const struct cl_connector *c,
                                                 const struct cl_template *tpl,
                                                 const char *key)
{
	const struct cl_endpoint *e = tpl->endpoint;
	const struct cl_variable *v;
	size_t i;

	if (tpl->auth) {
		v = cl_var_list_find(&tpl->auth->variables, key);
		return var_is_secret(v) ? v : NULL;
	}
	if (!e)
		return NULL;
	if (var_is_secret(v = cl_var_list_find(&e->variables, key)))
		return v;
	if (var_is_secret(v = cl_var_list_find(&c->variables, key)))
		return v;
	for (i = 0; i < e->n_enables; i++) {
		const struct cl_auth_method *m = e->enables[i].target;

		if (m && var_is_secret(v = cl_var_list_find(&m->variables, key)))
			return v;
	}
	return NULL;
}

/*
 * Secrets in query strings are logged by servers and proxies (RFC 6750
 * §2.3, §5.3; RFC 9700 §4.3.2). Not reported here: `client_secret` and
 * `client_id` as URL params of an OAuth 2 method (of the token request, or
 * of the authorise request): CL312 reports those.
 */
static void check_secret_in_query(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *ph = &c->placeholders[i];
		const struct cl_template *tpl = ph->tpl;
		const struct cl_param *p = tpl->param;
		const struct cl_variable *v;
		struct cl_diag *d;

		if (tpl->kind != CL_TPL_PARAM_VALUE || !p ||
		    p->place != CL_PLACE_URL_PARAMS)
			continue;
		if (tpl->auth && cl_auth_type_is_oauth2(tpl->auth->type) &&
		    (!strcmp(p->key, "client_secret") ||
		     !strcmp(p->key, "client_id")))
			continue;
		if (!(v = secret_in_scope(c, tpl, ph->key)))
			continue;
		d = cl_report(ctx, &cl_rule_CL505, ph->span,
			      "URL param `%s` of %s `%s` puts secret variable "
			      "`%s` in the query string, which servers and "
			      "proxies log: send it in a header if the API "
			      "allows", p->key,
			      tpl->auth ? "auth method" : "endpoint",
			      tpl->auth ? tpl->auth->id : tpl->endpoint->id,
			      ph->key);
		cl_report_related(ctx, d, cl_var_key_span(v),
				  "%s `%s` is defined here", scope_word(v->scope),
				  v->key);
	}
}

const struct cl_rule cl_rule_CL505 = {
	.id = "CL505",
	.slug = "secret-in-query",
	.severity = CL_SEV_WARNING,
	.summary = "a param in `url-params` whose value is a secret variable's placeholder (query strings are logged by servers and proxies)",
	.check = check_secret_in_query,
};
