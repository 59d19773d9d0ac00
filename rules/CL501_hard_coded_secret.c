/*
 * CL501 hard-coded-secret
 *
 * A linter's output ends up in CI logs, so CL501 (and CL503 for the
 * password of a URL) never prints a secret: messages show it masked with
 * cl_mask_secret (its first four characters, then "…"), and the secret's
 * span is registered with cl_report_secret so that the text format's
 * source line shows it masked too. The engine's raw pass masks the same
 * secrets when the file cannot be modelled, and cl_report masks anything
 * secret-shaped in every rule's message (src/parse/secretscan.c).
 *
 * What is a secret is decided in src/parse/secretscan.c, which the raw pass
 * over the source and message masking share: CL501 reports what it finds
 * in the model, and the raw pass masks the same wherever the model could
 * not reach.
 *
 * Placeholders ({{client_secret}}) are never secrets: only literal text
 * outside well-formed placeholders is looked at. High entropy alone is not
 * a finding (issue 9): a long random-looking value counts only where its
 * key or label names a credential, unless it has a known token format.
 *
 * The advice fits the auth type that the request belongs to
 * (cl_authorization_advice): a `basic` method in place of a hand-built
 * Basic header of an OAuth 2 method would drop OAuth.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "endpoints.h"
#include "rule.h"
#include "secretscan.h"
#include "security.h"
#include "span.h"

/*
 * Reports SPAN, whose decoded text is S (LEN bytes), as a secret that
 * SUBJECT hard-codes; WHAT names the kind of secret. The message shows it
 * masked, and the span is masked in every rendering of the source.
 */
static void
report_secret(struct cl_ctx *ctx, struct cl_span span, const char *s,
              size_t len, const char *subject, const char *what,
              const char *advice)
{
	char *masked = cl_mask_secret(s, len);

	cl_report(ctx, &cl_rule_CL501, span,
	          "%s hard-codes %s `%s`: "
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

static struct cl_span
text_span(const struct cl_ctx *ctx, const struct text_at *at, size_t s,
          size_t e)
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
static void
report_hits(struct cl_ctx *ctx, struct cl_secret_hits *h, const char *s,
            const struct text_at *at, const char *subject, const char *advice)
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

/*
 * Params and variables found to hard-code nothing, by their place in
 * their list: the endpoints of a connector repeat their headers
 * (`Accept`, `Content-Type`) and their variables, mostly in the same
 * order, and one equal to a clean one in what decides (cl_param_secret
 * reads a param's place, key, label and value; a default is judged by
 * the variable's secret flag, key, label and default) is clean, for the
 * cost of comparing them. No memory of its own; a slot keeps the last
 * clean one at its index.
 */
#define CLEAN_SLOTS 16

struct clean {
	const struct cl_param *param[CL_PLACE_BODY + 1][CLEAN_SLOTS];
	const struct cl_variable *var[CLEAN_SLOTS];
};

static int
same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/*
 * The default of a credential variable (marked secret, or keyed as one of
 * the secret defaults) is a secret whatever it looks like; the default of
 * any other variable holds one where something in it looks like a
 * credential.
 */
static void
check_variable_defaults(struct cl_ctx *ctx, const struct cl_var_list *vars,
                        struct clean *cp)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i], *q;
		const char *d = v->default_value;
		struct cl_strbuf subject = CL_STRBUF_INIT;
		struct cl_secret_hits h = CL_SECRET_HITS_INIT;
		struct text_at at = { v->node, "default", 0 };
		size_t slot;
		int secret;

		if (v->is_use || !d)
			continue;
		slot = i % CLEAN_SLOTS;
		q = cp->var[slot];
		if (q && q->secret == v->secret &&
		    same_text(q->default_value, d) &&
		    same_text(q->key, v->key) && same_text(q->label, v->label))
			continue;
		/* Decide first: the subject is only needed for a report. */
		secret = v->secret || cl_is_secret_key(v->key);
		if (secret ? !cl_has_literal_text(d)
		           : !cl_value_secrets(d, strlen(d), v->key, v->label,
		                               &h)) {
			cp->var[slot] = v;
			continue;
		}
		cl_strbuf_addf(&subject, "the default of %s `%s`",
		               cl_var_scope_word(v->scope), v->key);
		if (secret)
			report_secret(
			    ctx, cl_node_attr_span(v->node, "default"), d,
			    strlen(d), cl_strbuf_str(&subject), "a secret",
			    "remove the default and make the variable "
			    "`required=\"true\"`, so that each instance "
			    "gives its own");
		else
			report_hits(
			    ctx, &h, d, &at, cl_strbuf_str(&subject),
			    "remove the default and make the variable "
			    "`required=\"true\"` and `secret=\"true\"`");
		cl_strbuf_release(&subject);
	}
}

/* Where a param is, for messages: "header `X` of endpoint `e`". */
static void
describe_param(struct cl_strbuf *sb, const struct cl_param *p,
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

/* Whose params are checked: an auth method (M) or an endpoint (E), and
 * the auth type whose rules its requests follow (CL_AUTH_UNKNOWN when no
 * one type does), which owner_type works out for an endpoint only when a
 * finding needs advice. */
struct owner {
	const char *kind, *id;
	const struct cl_auth_method *m; /* NULL for an endpoint */
	const struct cl_endpoint *e;    /* NULL for an auth method */
	enum cl_auth_type type;
};

static enum cl_auth_type
owner_type(const struct owner *o)
{
	return o->e ? cl_endpoint_auth_type(o->e) : o->type;
}

/* An Authorization header: its credentials, as
 * cl_secret_find_authorization finds them. */
static void
check_authorization(struct cl_ctx *ctx, const struct cl_param *p,
                    const struct owner *o)
{
	const char *v = p->value;
	struct cl_strbuf subject = CL_STRBUF_INIT;
	size_t cs, ce;
	const char *advice;
	enum cl_secret_kind k;

	k = cl_secret_find_authorization(v, strlen(v), &cs, &ce);
	if (k == CL_SECRET_NONE)
		return;
	describe_param(&subject, p, o->kind, o->id);
	advice = cl_authorization_advice(owner_type(o), o->m, k);
	report_secret(ctx, cl_attr_part_span(ctx, p->node, "value", cs, ce),
	              v + cs, ce - cs, cl_strbuf_str(&subject),
	              cl_secret_kind_name(k), advice);
	cl_strbuf_release(&subject);
}

#define PARAM_ADVICE                                     \
	"move it into a `secret=\"true\"` variable and " \
	"reference it here as a placeholder"

/* Not a placeholder in the query: CL505 would report that. */
#define QUERY_ADVICE                                                  \
	"move it into a `secret=\"true\"` variable and send it in a " \
	"header: query strings end up in server and proxy logs"

/*
 * What to do about a literal credential in param P of owner O: in an
 * OAuth 2 method (but a public client's), `client_secret` is the auth
 * variable's, which the platform sends by HTTP Basic authentication (a
 * placeholder in the body would be a second client authentication,
 * CL315; in the query CL312's); a URL param goes to a header (a secret
 * placeholder in the query is CL505's); in a `token` method's requests
 * the credential is the `token` variable's (another variable would leave
 * CL207's header without {{token}}); any other param references a
 * secret variable.
 */
static const char *
param_advice(const struct cl_param *p, const struct owner *o)
{
	const char *typed = cl_param_credential_advice(owner_type(o));

	if (o->m && cl_auth_needs_client_secret(o->m) &&
	    !cl_strcasecmp(p->key, "client_secret"))
		return "remove it: the platform sends the `client_secret` auth "
		       "variable (marked `secret=\"true\"`, with no default) "
		       "by HTTP Basic authentication";
	if (p->place == CL_PLACE_URL_PARAMS)
		return QUERY_ADVICE;
	return typed ? typed : PARAM_ADVICE;
}

static void
check_params(struct cl_ctx *ctx, const struct cl_param_list *list,
             const struct owner *o, struct clean *cp)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i], *q, **slot;
		struct cl_strbuf subject = CL_STRBUF_INIT;
		struct cl_secret_hits h = CL_SECRET_HITS_INIT;
		struct text_at at = { p->node, "value", 0 };

		if (!p->value) /* nothing written, nothing hard-coded */
			continue;
		slot = &cp->param[p->place][i % CLEAN_SLOTS];
		q = *slot;
		if (q && q->place == p->place &&
		    same_text(q->value, p->value) &&
		    same_text(q->key, p->key) && same_text(q->label, p->label))
			continue;
		/* Nearly every param: nothing found, nothing to release. */
		switch (cl_param_secret(p, &h)) {
		case CL_PARAM_NO_SECRET:
			*slot = p;
			continue;
		case CL_PARAM_AUTHORIZATION:
			check_authorization(ctx, p, o);
			break;
		case CL_PARAM_NAMED:
			describe_param(&subject, p, o->kind, o->id);
			report_secret(ctx, cl_node_attr_span(p->node, "value"),
			              p->value, strlen(p->value),
			              cl_strbuf_str(&subject), "a secret",
			              param_advice(p, o));
			break;
		case CL_PARAM_FOUND:
			describe_param(&subject, p, o->kind, o->id);
			report_hits(ctx, &h, p->value, &at,
			            cl_strbuf_str(&subject),
			            param_advice(p, o));
			break;
		}
		cl_secret_hits_release(&h);
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
static void
check_template_text(struct cl_ctx *ctx, const struct cl_template *t)
{
	struct cl_secret_hits h = CL_SECRET_HITS_INIT;
	struct cl_strbuf subject = CL_STRBUF_INIT;
	struct text_at at = { NULL, NULL, t->span.start };
	const char *s = ctx->buf + t->span.start;
	const char *owner_kind, *owner;
	size_t i;

	cl_secret_scan_text(s, t->span.end - t->span.start, 0, 0, &h);
	if (!h.n)
		return;
	owner_kind = t->auth ? "auth method" : "endpoint";
	owner = t->auth ? t->auth->id : t->endpoint->id;
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
			cl_strbuf_addf(&subject,
			               "Additional URL %d of auth "
			               "method `%s`",
			               index, owner);
		else
			cl_strbuf_addf(&subject,
			               "an additional URL of auth "
			               "method `%s`",
			               owner);
	}
	report_hits(
	    ctx, &h, s, &at, cl_strbuf_str(&subject),
	    t->kind == CL_TPL_BODY_CONTENT
	        ? PARAM_ADVICE
	        : "move it into a `secret=\"true\"` variable and send it "
	          "in a header: query strings end up in server and proxy "
	          "logs");
	cl_strbuf_release(&subject);
}

static void
check_hard_coded_secret(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct clean cp = { { { NULL } }, { NULL } };
	const struct cl_endpoint *e;
	size_t i;

	check_variable_defaults(ctx, &c->variables, &cp);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		struct owner o = { "auth method", m->id, m, NULL, m->type };

		check_variable_defaults(ctx, &m->variables, &cp);
		check_params(ctx, &m->url_params, &o, &cp);
		check_params(ctx, &m->headers, &o, &cp);
		check_params(ctx, &m->body.params, &o, &cp);
	}
	cl_for_each_endpoint(e, c, i)
	{
		struct owner o = { "endpoint", e->id, NULL, e,
			           CL_AUTH_UNKNOWN };

		check_variable_defaults(ctx, &e->variables, &cp);
		check_params(ctx, &e->url_params, &o, &cp);
		check_params(ctx, &e->headers, &o, &cp);
		check_params(ctx, &e->body.params, &o, &cp);
	}
	for (i = 0; i < c->n_templates; i++)
		if (c->templates[i].kind != CL_TPL_PARAM_VALUE) /* params' */
			check_template_text(ctx, &c->templates[i]);
}

const struct cl_rule cl_rule_CL501 = {
	.id = "CL501",
	.slug = "hard-coded-secret",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a secret given as literal text: a credential variable's default, an `Authorization` header value, a param value, URL query or body content that holds a credential",
	.check = check_hard_coded_secret,
	.masks_secrets = true,
	.security_severity = "9.8",
	.cwe = { 798 },
};
