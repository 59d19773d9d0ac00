/*
 * OAuth 2 protocol rules: what the authorise and token requests carry.
 * The authorise request's `response_type` (CL311) and `state` (CL317), a
 * client secret in a URL (CL312), the `grant_type` variable against a
 * literal `grant_type` param (CL313), the `scope` variable (CL314, CL316),
 * two client authentication methods in one token request (CL315), and
 * the spelling of OAuth parameter names (CL318).
 *
 * Which request a param belongs to (format spec, `auth-method`): for an
 * oauth2-authorization-code method, `url-params` and the query of
 * Additional URL 1 make the authorise request the user's browser is sent
 * to, while the query of `url`, `headers` and `body` belong to the token
 * request. For oauth2-client-credentials, `url-params` are appended to
 * `url`: everything is the token request.
 *
 * Facts: RFC 6749 §1.9 (names and values are case-sensitive), §2.3 (one
 * client authentication method per request), §2.3.1 (no credentials in
 * the request URI), §3.3 (scope syntax), §4.1.1 (response_type, state),
 * §10.12 (CSRF and state).
 */
#include <stdlib.h>
#include <string.h>

#include "authvars.h"
#include "nearmiss.h"
#include "placeholder.h"
#include "rawspan.h"
#include "rule.h"

/* ---- shared helpers ---- */

/* Additional URL 1 of an authorisation code method (the authorise
 * endpoint), or NULL. */
static const struct cl_additional_url *authorise_url(const struct cl_auth_method *m)
{
	size_t i;

	if (m->type != CL_AUTH_OAUTH2_AC)
		return NULL;
	for (i = 0; i < m->n_additional_urls; i++)
		if (m->additional_urls[i].index == 1)
			return &m->additional_urls[i];
	return NULL;
}

/* Where V's default is written (see cl_var_default_at); V's key when it
 * has no default attribute. */
static struct cl_span default_span(const struct cl_variable *v)
{
	struct cl_span span = cl_var_key_span(v);

	cl_var_default_at(v, &span);
	return span;
}

/* The element whose `default` attribute V's default comes from. */
static const struct cl_node *default_node(const struct cl_variable *v)
{
	return v->is_use && v->target ? v->target->node : v->node;
}

/*
 * When VALUE is exactly one placeholder {{k}} and k is an auth variable of
 * M with a non-empty default, that variable (the value sent is then its
 * default, a constant written in the file); else NULL.
 */
static const struct cl_variable *placeholder_var(const struct cl_auth_method *m,
                                                 const char *value)
{
	struct cl_placeholder_match pm;
	const struct cl_variable *v;
	size_t pos = 0, len = strlen(value);
	char *key;

	if (!cl_placeholder_next(value, len, &pos, &pm) || pm.start != 0 ||
	    pm.end != len)
		return NULL;
	key = cl_strndup(value + pm.key_start, pm.key_end - pm.key_start);
	v = cl_var_list_find(&m->variables, key);
	free(key);
	return v && cl_var_default(v) ? v : NULL;
}

/* 1 when VALUE holds something CL106 reports as a malformed placeholder. */
static int has_malformed_placeholder(const char *value)
{
	struct cl_placeholder_match pm;
	size_t pos = 0;

	return cl_placeholder_next_malformed(value, strlen(value), &pos, &pm);
}

/*
 * The query of a URL: the params between the first '?' and a '#', split
 * at '&', read from the decoded text (the model's trimmed `url` or
 * `additional-url` value); spans are mapped back to the source with
 * cl_elem_part_span. Names and values are compared as written, without
 * percent-decoding.
 */
struct query {
	const struct cl_ctx *ctx;
	const struct cl_node *node;
	const char *text;
	size_t pos, end;
};

struct qparam {
	size_t key_start, key_end, value_start, value_end; /* in the text */
};

static void query_init(struct query *q, const struct cl_ctx *ctx,
                       const struct cl_node *node, const char *text)
{
	const char *mark = text ? strchr(text, '?') : NULL;

	q->ctx = ctx;
	q->node = node;
	q->text = text;
	q->pos = q->end = 0;
	if (!node || !mark)
		return;
	q->pos = (size_t)(mark - text) + 1;
	q->end = q->pos + strcspn(mark + 1, "#");
}

static int query_next(struct query *q, struct qparam *out)
{
	while (q->pos < q->end) {
		size_t s = q->pos, e = s, eq = 0;

		while (e < q->end && q->text[e] != '&') {
			if (q->text[e] == '=' && !eq)
				eq = e;
			e++;
		}
		q->pos = e + 1;
		out->key_start = s;
		out->key_end = eq ? eq : e;
		out->value_start = eq ? eq + 1 : e;
		out->value_end = e;
		if (out->key_end > out->key_start)
			return 1;
	}
	return 0;
}

/* 1 when the text [S, E) of Q is exactly LIT. */
static int part_is(const struct query *q, size_t s, size_t e, const char *lit)
{
	return strlen(lit) == e - s && !memcmp(q->text + s, lit, e - s);
}

/* 1 when the text [S, E) of Q contains LIT. */
static int part_has(const struct query *q, size_t s, size_t e, const char *lit)
{
	size_t n = strlen(lit), i;

	for (i = s; i + n <= e; i++)
		if (!memcmp(q->text + i, lit, n))
			return 1;
	return 0;
}

/* A copy of the text [S, E) of Q. Caller frees. */
static char *part_dup(const struct query *q, size_t s, size_t e)
{
	return cl_strndup(q->text + s, e - s);
}

/* The source span of the text [S, E) of Q. */
static struct cl_span part_span(const struct query *q, size_t s, size_t e)
{
	return cl_elem_part_span(q->ctx, q->node, q->text, s, e);
}

#define QKEY(q, p) (q), (p).key_start, (p).key_end
#define QVALUE(q, p) (q), (p).value_start, (p).value_end

/* ---- CL311 ---- */

/*
 * 1 when space-separated VALUE holds the word `token`: an implicit-grant
 * response type, which CL310 (implicit-grant) reports where it reads
 * `response_type` values (the variable's default and literal params).
 */
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
 * Reports response_type VALUE, written at SPAN, unless it is `code`. WHAT
 * names the place and the method ("the `response_type` param of auth
 * method `x`"). CL310_SEES says whether CL310 reads this place.
 */
static struct cl_diag *check_response_value(struct cl_ctx *ctx,
                                            const char *value,
                                            struct cl_span span,
                                            const char *what, int cl310_sees)
{
	if (!strcmp(value, "code"))
		return NULL;
	if (cl310_sees && has_token_word(value) &&
	    cl_rule_enabled(ctx, &cl_rule_CL310))
		return NULL;
	if (!*value)
		return cl_report(ctx, &cl_rule_CL311, span,
				 "%s is empty: the authorisation code flow "
				 "needs `code`", what);
	if (!cl_strcasecmp(value, "code") || cl_same_folded(value, "code"))
		return cl_report(ctx, &cl_rule_CL311, span,
				 "%s is `%s`: did you mean `code`? OAuth values "
				 "are case-sensitive", what, value);
	return cl_report(ctx, &cl_rule_CL311, span,
			 "%s is `%s`, but an `oauth2-authorization-code` method "
			 "needs exactly `code`: the platform expects the "
			 "authorisation code in the redirect", what, value);
}

static void check_response_param(struct cl_ctx *ctx,
                                 const struct cl_auth_method *m,
                                 const struct cl_param *p)
{
	struct cl_strbuf what = CL_STRBUF_INIT;
	const struct cl_variable *v;
	struct cl_diag *d;

	if (!p->value) {
		/* An optional param without a value is the user's to fill. */
		if (p->required)
			cl_report(ctx, &cl_rule_CL311, p->node->name_span,
				  "the `response_type` param of auth method "
				  "`%s` has no value: the authorisation code "
				  "flow needs `code`", m->id);
		return;
	}
	if (!strstr(p->value, "{{")) {
		if (has_malformed_placeholder(p->value))
			return;
		cl_strbuf_addf(&what, "the `response_type` param of auth "
			       "method `%s`", m->id);
		check_response_value(ctx, p->value,
				     cl_node_attr_span(p->node, "value"),
				     cl_strbuf_str(&what), 1);
		cl_strbuf_release(&what);
		return;
	}
	/* {{k}}: the value sent is k's default. */
	v = placeholder_var(m, p->value);
	if (!v)
		return;
	if (!strcmp(v->key, "response_type"))
		cl_strbuf_addf(&what, "the `response_type` default of auth "
			       "method `%s`", m->id);
	else
		cl_strbuf_addf(&what, "the default of `%s`, which auth method "
			       "`%s` sends as `response_type`,", v->key, m->id);
	d = check_response_value(ctx, cl_var_default(v), default_span(v),
				 cl_strbuf_str(&what),
				 !strcmp(v->key, "response_type"));
	cl_report_related(ctx, d, cl_node_attr_span(p->node, "value"),
			  "sent as `response_type` here");
	cl_strbuf_release(&what);
}

static void check_response_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_additional_url *az = authorise_url(m);
		struct cl_strbuf what = CL_STRBUF_INIT;
		struct query q;
		struct qparam qp;

		if (m->type != CL_AUTH_OAUTH2_AC)
			continue;
		for (j = 0; j < m->url_params.n; j++)
			if (!strcmp(m->url_params.items[j].key, "response_type"))
				check_response_param(ctx, m,
						     &m->url_params.items[j]);
		query_init(&q, ctx, az ? az->node : NULL, az ? az->value : NULL);
		while (query_next(&q, &qp)) {
			char *value;

			if (!part_is(QKEY(&q, qp), "response_type") ||
			    part_has(QVALUE(&q, qp), "{{"))
				continue;
			value = part_dup(QVALUE(&q, qp));
			cl_strbuf_reset(&what);
			cl_strbuf_addf(&what, "`response_type` in Additional "
				       "URL 1 of auth method `%s`", m->id);
			if (!has_malformed_placeholder(value))
				check_response_value(
					ctx, value,
					qp.value_end > qp.value_start
						? part_span(QVALUE(&q, qp))
						: part_span(QKEY(&q, qp)),
					cl_strbuf_str(&what), 0);
			free(value);
		}
		cl_strbuf_release(&what);
	}
}

const struct cl_rule cl_rule_CL311 = {
	.id = "CL311",
	.slug = "response-type-not-code",
	.severity = CL_SEV_ERROR,
	.summary = "authorisation code: a `response_type` param with a value other than " "`code`",
	.check = check_response_type,
};

/* ---- CL312 ---- */

/* 1 when param P carries the client secret: its key, or a value that
 * references {{client_secret}}. */
static int carries_secret(const struct cl_param *p)
{
	return !strcmp(p->key, "client_secret") ||
	       (p->value && strstr(p->value, "{{client_secret}}"));
}

static struct cl_span secret_param_span(const struct cl_param *p)
{
	return cl_node_attr_span(p->node, strcmp(p->key, "client_secret")
						  ? "value"
						  : "key");
}

/* What to do with a client secret found in the token request's URL. */
static const char *secret_fix(const struct cl_auth_method *m)
{
	if (m->type == CL_AUTH_OAUTH2_AC && cl_auth_is_public_client(m))
		return "remove it: a public client sends no secret";
	if (m->type == CL_AUTH_OAUTH2_AC)
		return "remove it: a confidential client already sends it by "
		       "HTTP Basic authentication";
	return "send it as a `body` param instead";
}

#define CLIENT_ID_TOO "`client_id` is sent in the URL too; move it with the secret"

/*
 * Each client_id sent in the token request's URL of a method whose fix is
 * to move the secret to the body: related locations of D, since client_id
 * goes with it (RFC 6749 §2.3.1). An authorisation code client sends
 * client_id in the URL of the authorise request by design.
 */
static void relate_client_id(struct cl_ctx *ctx, struct cl_diag *d,
                             const struct cl_auth_method *m)
{
	struct query q;
	struct qparam qp;
	size_t j;

	if (m->type == CL_AUTH_OAUTH2_AC)
		return;
	for (j = 0; j < m->url_params.n; j++)
		if (!strcmp(m->url_params.items[j].key, "client_id"))
			cl_report_related(ctx, d,
					  cl_node_attr_span(m->url_params.items[j].node,
							    "key"),
					  CLIENT_ID_TOO);
	query_init(&q, ctx, m->url.node, m->url.value);
	while (query_next(&q, &qp))
		if (part_is(QKEY(&q, qp), "client_id"))
			cl_report_related(ctx, d, part_span(QKEY(&q, qp)),
					  CLIENT_ID_TOO);
}

static void report_authorise_secret(struct cl_ctx *ctx,
                                    const struct cl_auth_method *m,
                                    struct cl_span at, const char *where)
{
	cl_report(ctx, &cl_rule_CL312, at,
		  "the client secret of auth method `%s` is sent in %s, on the "
		  "authorise request, which goes through the user's browser: "
		  "remove it; only the token request authenticates the client",
		  m->id, where);
}

static void report_token_secret(struct cl_ctx *ctx,
                                const struct cl_auth_method *m,
                                struct cl_span at)
{
	struct cl_diag *d;

	d = cl_report(ctx, &cl_rule_CL312, at,
		      "the client secret of auth method `%s` is sent in the "
		      "token request's URL, where servers and proxies log it; "
		      "%s", m->id, secret_fix(m));
	relate_client_id(ctx, d, m);
}

/* Every client secret in the query of URL (an element of M, with the
 * trimmed value TEXT); AUTHORISE when that is Additional URL 1. */
static void secrets_in_query(struct cl_ctx *ctx, const struct cl_auth_method *m,
                             const struct cl_node *url, const char *text,
                             int authorise)
{
	struct query q;
	struct qparam qp;

	query_init(&q, ctx, url, text);
	while (query_next(&q, &qp)) {
		struct cl_span at;

		if (part_is(QKEY(&q, qp), "client_secret"))
			at = part_span(QKEY(&q, qp));
		else if (part_has(QVALUE(&q, qp), "{{client_secret}}"))
			at = part_span(QVALUE(&q, qp));
		else
			continue;
		if (authorise)
			report_authorise_secret(ctx, m, at, "Additional URL 1");
		else
			report_token_secret(ctx, m, at);
	}
}

static void check_credentials_in_query(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_additional_url *az = authorise_url(m);
		int ac = m->type == CL_AUTH_OAUTH2_AC;

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		/* url-params: the authorise request's for authorisation
		 * code, else the token request's. */
		for (j = 0; j < m->url_params.n; j++) {
			const struct cl_param *p = &m->url_params.items[j];

			if (!carries_secret(p))
				continue;
			if (ac)
				report_authorise_secret(ctx, m,
							secret_param_span(p),
							"`url-params`");
			else
				report_token_secret(ctx, m,
						    secret_param_span(p));
		}
		secrets_in_query(ctx, m, m->url.node, m->url.value, 0);
		if (az)
			secrets_in_query(ctx, m, az->node, az->value, 1);
	}
}

const struct cl_rule cl_rule_CL312 = {
	.id = "CL312",
	.slug = "client-credentials-in-query",
	.severity = CL_SEV_ERROR,
	.summary = "a client secret sent in the URL of an OAuth 2 request, where servers " "and proxies log it",
	.check = check_credentials_in_query,
};

/* ---- CL313 ---- */

/* The grant types that fit each OAuth 2 type, as CL303 knows them. */
static int grant_fits(const struct cl_auth_method *m, const char *value)
{
	if (m->type == CL_AUTH_OAUTH2_CC)
		return !strcmp(value, "client_credentials") ||
		       !strcmp(value, "password");
	return !strcmp(value, "authorization_code");
}

static void grant_conflicts(struct cl_ctx *ctx, const struct cl_auth_method *m,
                            const struct cl_variable *v,
                            const struct cl_param_list *list)
{
	const char *def = cl_var_default(v);
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		struct cl_diag *d;

		if (strcmp(p->key, "grant_type") || !p->value ||
		    strstr(p->value, "{{") || !strcmp(p->value, def))
			continue;
		/* A value that does not fit the method is CL303's: fixing
		 * it ends the conflict too. */
		if (cl_rule_enabled(ctx, &cl_rule_CL303) &&
		    (!grant_fits(m, p->value) || !grant_fits(m, def)))
			continue;
		d = cl_report(ctx, &cl_rule_CL313,
			      cl_node_attr_span(p->node, "value"),
			      "the `grant_type` param of auth method `%s` is "
			      "`%s`, but the `grant_type` variable's default "
			      "is `%s`: the method names two grant types; "
			      "give the param the value `{{grant_type}}`, or "
			      "remove it, so that the grant is set in one place",
			      m->id, p->value, def);
		cl_report_related(ctx, d, default_span(v),
				  "the `grant_type` default `%s`", def);
	}
}

static void check_grant_conflict(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		v = cl_var_list_find(&m->variables, "grant_type");
		if (!v || !cl_var_default(v) || strstr(cl_var_default(v), "{{"))
			continue;
		grant_conflicts(ctx, m, v, &m->url_params);
		grant_conflicts(ctx, m, v, &m->headers);
		grant_conflicts(ctx, m, v, &m->body.params);
	}
}

const struct cl_rule cl_rule_CL313 = {
	.id = "CL313",
	.slug = "grant-type-conflict",
	.severity = CL_SEV_ERROR,
	.summary = "a literal `grant_type` param that disagrees with the `grant_type` " "variable's default",
	.check = check_grant_conflict,
};

/* ---- CL314 ---- */

/*
 * 1 when LABEL tells a user what to type for the scope: not absent, not
 * blank, and not merely the word "scope" (letters and digits compared
 * without case: "Scope", "Scope(s)", "OAuth 2 scopes").
 */
static int label_helps(const char *label)
{
	static const char *const bare[] = {
		"", "scope", "scopes", "oauthscope", "oauthscopes",
		"oauth2scope", "oauth2scopes"
	};
	char folded[32];
	size_t i, n = 0;

	if (!label)
		return 0;
	for (i = 0; label[i]; i++) {
		char ch = label[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
			continue;
		if (n + 1 >= sizeof(folded))
			return 1;
		folded[n++] = ch;
	}
	folded[n] = '\0';
	for (i = 0; i < CL_ARRAY_SIZE(bare); i++)
		if (!strcmp(folded, bare[i]))
			return 0;
	return 1;
}

static void check_empty_scope(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		v = cl_var_list_find(&m->variables, "scope");
		if (!v || !v->required || cl_var_default(v) ||
		    label_helps(v->label))
			continue;
		cl_report(ctx, &cl_rule_CL314, cl_var_key_span(v),
			  "`scope` of auth method `%s` is required but has no "
			  "default and no label saying what to type: give it "
			  "the scopes the connector needs as its default, or "
			  "a label that lists them", m->id);
	}
}

const struct cl_rule cl_rule_CL314 = {
	.id = "CL314",
	.slug = "empty-scope",
	.severity = CL_SEV_INFO,
	.summary = "a required `scope` variable with no default and no label telling " "the user what to type",
	.check = check_empty_scope,
};

/* ---- CL315 ---- */

/*
 * Finds a `client_secret` field in body content TEXT: a form field
 * ("client_secret=" at the start or after '&') or a JSON member name
 * ("\"client_secret\"" then ':'). Sets [*S, *E) to the name; 0 when none.
 */
static int secret_in_content(const char *text, size_t *s, size_t *e)
{
	static const char name[] = "client_secret";
	const size_t n = sizeof(name) - 1;
	const char *p;

	for (p = strstr(text, name); p; p = strstr(p + 1, name)) {
		size_t i = (size_t)(p - text), j = i + n;
		char before = i ? text[i - 1] : '\0';

		if ((!i || before == '&') && text[j] == '=') {
			*s = i;
			*e = j;
			return 1;
		}
		if (before == '"' && text[j] == '"') {
			size_t k = j + 1;

			while (text[k] == ' ' || text[k] == '\t' ||
			       text[k] == '\n' || text[k] == '\r')
				k++;
			if (text[k] == ':') {
				*s = i;
				*e = j;
				return 1;
			}
		}
	}
	return 0;
}

static void report_two_methods(struct cl_ctx *ctx, const struct cl_auth_method *m,
                               struct cl_span at)
{
	const struct cl_variable *ct = cl_var_list_find(&m->variables, "client_type");
	struct cl_diag *d;

	d = cl_report(ctx, &cl_rule_CL315, at,
		      "auth method `%s` is a confidential client, so its token "
		      "request already carries HTTP Basic client "
		      "authentication; sending `client_secret` in the body too "
		      "uses two authentication methods at once, which servers "
		      "may reject: remove it from the body, or make "
		      "`client_type` `public` if the API wants it there",
		      m->id);
	if (ct && cl_var_default(ct))
		cl_report_related(ctx, d, default_span(ct),
				  "`client_type` is `%s` here",
				  cl_var_default(ct));
}

static void check_two_client_auth(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, s, e;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_text *content = &m->body.content;

		if (m->type != CL_AUTH_OAUTH2_AC || cl_auth_is_public_client(m))
			continue;
		for (j = 0; j < m->body.params.n; j++) {
			const struct cl_param *p = &m->body.params.items[j];

			if (!strcmp(p->key, "client_secret"))
				report_two_methods(ctx, m,
						   cl_node_attr_span(p->node, "key"));
		}
		if (content->node && secret_in_content(content->value, &s, &e))
			report_two_methods(ctx, m,
					   cl_elem_part_span(ctx, content->node,
							     content->value, s, e));
	}
}

const struct cl_rule cl_rule_CL315 = {
	.id = "CL315",
	.slug = "two-client-auth-methods",
	.severity = CL_SEV_WARNING,
	.summary = "a confidential authorisation code client that also sends " "`client_secret` in its token request body",
	.check = check_two_client_auth,
};

/* ---- CL316 ---- */

/* Decodes the UTF-8 character at S (valid UTF-8: the input was checked);
 * sets *LEN to its byte length. */
static unsigned utf8_at(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if ((u[0] & 0xE0) == 0xC0 && u[1]) {
		*len = 2;
		return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) {
		*len = 3;
		return (unsigned)(u[0] & 0x0F) << 12 |
		       (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	if ((u[0] & 0xF8) == 0xF0 && u[1] && u[2] && u[3]) {
		*len = 4;
		return (unsigned)(u[0] & 0x07) << 18 |
		       (unsigned)(u[1] & 0x3F) << 12 |
		       (unsigned)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
	}
	*len = 1;
	return u[0];
}

/* 1 when CP may appear in a scope: a scope-token character (%x21 /
 * %x23-5B / %x5D-7E, RFC 6749 App. A.4) or the space between tokens. */
static int scope_char_ok(unsigned cp)
{
	return cp == ' ' || (cp >= 0x21 && cp <= 0x7E && cp != '"' && cp != '\\');
}

/* Names the bad character CP, written as the LEN bytes at S. */
static void describe_char(struct cl_strbuf *sb, unsigned cp, const char *s,
                          size_t len)
{
	switch (cp) {
	case '"':
		cl_strbuf_adds(sb, "a double quote");
		return;
	case '\\':
		cl_strbuf_adds(sb, "a backslash");
		return;
	case '\t':
		cl_strbuf_adds(sb, "a tab");
		return;
	case '\n':
	case '\r':
		cl_strbuf_adds(sb, "a line break");
		return;
	case 0xA0:
		cl_strbuf_adds(sb, "a no-break space (U+00A0)");
		return;
	case 0x2018:
	case 0x2019:
	case 0x201C:
	case 0x201D:
		cl_strbuf_addf(sb, "a curly quote `%.*s` (U+%04X)", (int)len, s, cp);
		return;
	case 0x200B:
	case 0x200C:
	case 0x200D:
	case 0x2060:
	case 0xFEFF:
		cl_strbuf_addf(sb, "the invisible character U+%04X", cp);
		return;
	default:
		break;
	}
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		cl_strbuf_addf(sb, "the control character U+%04X", cp);
	else
		cl_strbuf_addf(sb, "the non-ASCII character `%.*s` (U+%04X)",
			       (int)len, s, cp);
}

/* Reports the first character of VALUE, attribute ATTR of NODE, that no
 * scope may hold. */
static void check_scope_text(struct cl_ctx *ctx, const struct cl_auth_method *m,
                             const struct cl_node *node, const char *attr,
                             const char *value, const char *what)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, len;

	for (i = 0; value[i]; i += len) {
		unsigned cp = utf8_at(value + i, &len);

		if (scope_char_ok(cp))
			continue;
		describe_char(&sb, cp, value + i, len);
		cl_report(ctx, &cl_rule_CL316,
			  cl_attr_part_span(ctx, node, attr, i, i + len),
			  "%s of auth method `%s` contains %s: scope tokens "
			  "are printable ASCII other than `\"` and `\\`, "
			  "separated by single spaces", what, m->id,
			  cl_strbuf_str(&sb));
		break;
	}
	cl_strbuf_release(&sb);
}

/* 1 when NODE was already reported; else remembers it. A connector
 * variable's default is reported once, however many methods use it. */
static int seen_node(const struct cl_node ***seen, size_t *n, size_t *alloc,
                     const struct cl_node *node)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*seen)[i] == node)
			return 1;
	CL_GROW(*seen, *n + 1, *alloc);
	(*seen)[(*n)++] = node;
	return 0;
}

static void scope_params(struct cl_ctx *ctx, const struct cl_auth_method *m,
                         const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];

		if (!strcmp(p->key, "scope") && p->value)
			check_scope_text(ctx, m, p->node, "value", p->value,
					 "the `scope` param");
	}
}

static void check_scope_syntax(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_node **seen = NULL;
	size_t i, n_seen = 0, alloc = 0;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_variable *v;
		const char *d;

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		v = cl_var_list_find(&m->variables, "scope");
		d = v ? cl_var_default_at(v, NULL) : NULL;
		if (d && !seen_node(&seen, &n_seen, &alloc, default_node(v)))
			check_scope_text(ctx, m, default_node(v), "default", d,
					 "the `scope` default");
		scope_params(ctx, m, &m->url_params);
		scope_params(ctx, m, &m->body.params);
	}
	free(seen);
}

const struct cl_rule cl_rule_CL316 = {
	.id = "CL316",
	.slug = "invalid-scope-syntax",
	.severity = CL_SEV_ERROR,
	.summary = "a scope with quotes, backslashes, control or non-ASCII characters " "(scope tokens are printable ASCII separated by single spaces, " "RFC 6749 §3.3)",
	.check = check_scope_syntax,
};

/* ---- CL317 ---- */

#define STATE_WHY "state must be an unguessable value made for each " \
	"authorise request, or it protects against nothing"

static void check_state_param(struct cl_ctx *ctx, const struct cl_auth_method *m,
                              const struct cl_param *p)
{
	const struct cl_variable *v;
	struct cl_diag *d;

	if (!p->value || !*p->value || has_malformed_placeholder(p->value))
		return;
	if (!strstr(p->value, "{{")) {
		cl_report(ctx, &cl_rule_CL317, cl_node_attr_span(p->node, "value"),
			  "`state` of auth method `%s` is the constant `%s`: "
			  STATE_WHY "; remove the param", m->id, p->value);
		return;
	}
	/* {{k}} where k has a default written in the file: as constant. */
	v = placeholder_var(m, p->value);
	if (!v)
		return;
	d = cl_report(ctx, &cl_rule_CL317, default_span(v),
		      "`state` of auth method `%s` is always `%s`, the default "
		      "of `%s`: " STATE_WHY, m->id, cl_var_default(v), v->key);
	cl_report_related(ctx, d, cl_node_attr_span(p->node, "value"),
			  "sent as `state` here");
}

static void check_fixed_state(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_additional_url *az = authorise_url(m);
		struct query q;
		struct qparam qp;

		if (m->type != CL_AUTH_OAUTH2_AC)
			continue;
		for (j = 0; j < m->url_params.n; j++)
			if (!strcmp(m->url_params.items[j].key, "state"))
				check_state_param(ctx, m, &m->url_params.items[j]);
		query_init(&q, ctx, az ? az->node : NULL, az ? az->value : NULL);
		while (query_next(&q, &qp)) {
			char *value;

			if (!part_is(QKEY(&q, qp), "state") ||
			    qp.value_end == qp.value_start ||
			    part_has(QVALUE(&q, qp), "{{"))
				continue;
			value = part_dup(QVALUE(&q, qp));
			if (!has_malformed_placeholder(value))
				cl_report(ctx, &cl_rule_CL317,
					  part_span(QVALUE(&q, qp)),
					  "Additional URL 1 of auth method `%s` "
					  "sends the constant `state` `%s`: "
					  STATE_WHY "; remove it from the URL",
					  m->id, value);
			free(value);
		}
	}
}

const struct cl_rule cl_rule_CL317 = {
	.id = "CL317",
	.slug = "fixed-state",
	.severity = CL_SEV_ERROR,
	.summary = "a constant `state` on the authorise request: `state` must be " "unguessable per request",
	.check = check_fixed_state,
};

/* ---- CL318 ---- */

/* OAuth 2 protocol parameter names (RFC 6749, RFC 7636, RFC 7523). */
static const char *const oauth_names[] = {
	"grant_type", "client_id", "client_secret", "redirect_uri",
	"response_type", "scope", "state", "code", "code_verifier",
	"code_challenge", "code_challenge_method", "refresh_token",
	"client_assertion", "client_assertion_type", "assertion",
};
/* Parameters of the password grant (RFC 6749 §4.3.2): protocol names only
 * when the method uses that grant; elsewhere they may be the API's own. */
static const char *const password_names[] = { "username", "password" };

static int uses_password_grant(const struct cl_auth_method *m)
{
	const struct cl_variable *v = cl_var_list_find(&m->variables, "grant_type");
	const char *d = v ? cl_var_default(v) : NULL;

	return m->type == CL_AUTH_OAUTH2_CC && d && !strcmp(d, "password");
}

/* The protocol name that KEY differs from only by case or separators, or
 * NULL. */
static const char *misspelt_name(const struct cl_auth_method *m, const char *key)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(oauth_names); i++)
		if (cl_same_folded(key, oauth_names[i]))
			return oauth_names[i];
	if (uses_password_grant(m))
		for (i = 0; i < CL_ARRAY_SIZE(password_names); i++)
			if (cl_same_folded(key, password_names[i]))
				return password_names[i];
	return NULL;
}

static void report_name(struct cl_ctx *ctx, const struct cl_auth_method *m,
                        const char *key, const char *name, struct cl_span at,
                        const char *where)
{
	cl_report(ctx, &cl_rule_CL318, at,
		  "%s `%s` of auth method `%s` differs from the OAuth "
		  "parameter `%s` only by case or separators, so the server "
		  "ignores it: did you mean `%s`? OAuth parameter names are "
		  "case-sensitive", where, key, m->id, name, name);
}

static void name_params(struct cl_ctx *ctx, const struct cl_auth_method *m,
                        const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		const char *name = misspelt_name(m, p->key);

		if (name)
			report_name(ctx, m, p->key, name,
				    cl_node_attr_span(p->node, "key"), "param");
	}
}

static void name_query(struct cl_ctx *ctx, const struct cl_auth_method *m,
                       const struct cl_node *url, const char *text,
                       const char *where)
{
	struct query q;
	struct qparam qp;

	query_init(&q, ctx, url, text);
	while (query_next(&q, &qp)) {
		char *key = part_dup(QKEY(&q, qp));
		const char *name = misspelt_name(m, key);

		if (name)
			report_name(ctx, m, key, name, part_span(QKEY(&q, qp)),
				    where);
		free(key);
	}
}

/*
 * Params in url-params and body, and the queries of the URLs. Headers
 * are left alone: HTTP compares header names without case, and an API
 * may want a header such as `Client-Id` on every request. Endpoint params
 * are the API's own.
 */
static void check_param_name_case(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_additional_url *az = authorise_url(m);

		if (!cl_auth_type_is_oauth2(m->type))
			continue;
		name_params(ctx, m, &m->url_params);
		name_params(ctx, m, &m->body.params);
		name_query(ctx, m, m->url.node, m->url.value, "URL param");
		if (az)
			name_query(ctx, m, az->node, az->value,
				   "Additional URL 1 param");
	}
}

const struct cl_rule cl_rule_CL318 = {
	.id = "CL318",
	.slug = "oauth-param-name-case",
	.severity = CL_SEV_ERROR,
	.summary = "an OAuth param whose key differs from the protocol name only by case " "or separators (`Grant_Type`, `clientId`): OAuth names are " "case-sensitive",
	.check = check_param_name_case,
};
