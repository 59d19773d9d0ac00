/*
 * CL207: a `token` method must send `{{token}}` in a header, or its
 * requests go out without the token.
 *
 * A header with the token written in (`X-Auth-Token: k2v9…`) is one
 * mistake, CL501's, whose advice is to write `{{token}}` there: this rule
 * stays quiet (cl_param_secret, the same decision CL501 makes). A header
 * that looks like the token's (Authorization, or a name that says key or
 * token) but carries something else is named, so that the advice is to
 * fix it rather than to add a second one (CL204).
 */
#include <string.h>

#include "nearmiss.h"
#include "placeholder.h"
#include "rule.h"
#include "secretscan.h"
#include "security.h"

/*
 * 1 when VALUE holds a placeholder for the token: {{token}}, or a spelling
 * of it that CL105 (case) or CL106 (malformed) already reports, such as
 * {{Token}} or {{ token }} -- those headers are meant to carry the token,
 * and the placeholder rules say what to fix.
 */
static int
is_token_key(const char *value, const struct cl_placeholder_match *pm)
{
	size_t n = pm->key_end - pm->key_start;
	char key[64];

	if (n >= sizeof(key))
		return 0;
	memcpy(key, value + pm->key_start, n);
	key[n] = '\0';
	return !strcmp(key, "token") || cl_same_folded(key, "token");
}

static int
carries_token(const char *value)
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
static const struct cl_param *
token_param(const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (carries_token(list->items[i].value))
			return &list->items[i];
	return NULL;
}

/* A header of LIST that hard-codes a credential (CL501's), or NULL. */
static const struct cl_param *
hard_coded_header(const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		struct cl_secret_hits h = CL_SECRET_HITS_INIT;
		enum cl_param_secret k = cl_param_secret(&list->items[i], &h);

		cl_secret_hits_release(&h);
		if (k != CL_PARAM_NO_SECRET)
			return &list->items[i];
	}
	return NULL;
}

/* A header of LIST whose name says it carries a credential, or NULL. */
static const struct cl_param *
credential_header(const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const char *k = list->items[i].key;

		if (!cl_strcasecmp(k, "Authorization") ||
		    cl_secret_key_hint(k, strlen(k)))
			return &list->items[i];
	}
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
static void
check_token_header(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_param *p;

		if (m->type != CL_AUTH_TOKEN || token_param(&m->headers) ||
		    hard_coded_header(&m->headers))
			continue;
		if ((p = token_param(&m->url_params)))
			cl_report(
			    ctx, &cl_rule_CL207,
			    cl_node_attr_span(p->node, "key"),
			    "`token` auth method `%s` sends `{{token}}` "
			    "as URL param `%s`, which is added to its own "
			    "`url` only: endpoint requests carry no token; "
			    "send it in a header",
			    m->id, p->key);
		else if ((p = token_param(&m->body.params)))
			cl_report(
			    ctx, &cl_rule_CL207,
			    cl_node_attr_span(p->node, "key"),
			    "`token` auth method `%s` sends `{{token}}` "
			    "as body param `%s`, not in a header: send it "
			    "in a header",
			    m->id, p->key);
		else if ((p = credential_header(&m->headers)))
			cl_report(
			    ctx, &cl_rule_CL207,
			    cl_node_attr_span(p->node, "key"),
			    "header `%s` of `token` auth method `%s` does "
			    "not carry `{{token}}`: requests go out without "
			    "the token; write `{{token}}` in its value "
			    "(with the scheme the API wants, e.g. `Bearer "
			    "{{token}}`)",
			    p->key, m->id);
		else
			cl_report(
			    ctx, &cl_rule_CL207,
			    m->headers.node ? m->headers.node->name_span
			                    : m->node->name_span,
			    "no header of `token` auth method `%s` carries "
			    "`{{token}}`: requests go out without the "
			    "token; add a header such as `Authorization: "
			    "Bearer {{token}}`",
			    m->id);
	}
}

const struct cl_rule cl_rule_CL207 = {
	.id = "CL207",
	.slug = "token-header-missing",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a `token` method with no header param that carries `{{token}}`",
	.check = check_token_header,
};
