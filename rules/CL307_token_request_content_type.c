/*
 * CL307 token-request-content-type: OAuth 2 token requests are
 * form-encoded, `application/x-www-form-urlencoded` (RFC 6749 §4.1.3,
 * §4.4.2), so an OAuth 2 method's own `Content-Type` header must say so,
 * and a method must send one.
 */
#include <string.h>

#include "oauth2.h"
#include "rule.h"

#define FORM_TYPE "application/x-www-form-urlencoded"

/* 1 when media type VALUE is FORM_TYPE, ignoring case, surrounding blanks
 * and parameters such as "; charset=UTF-8". */
static int
is_form_type(const char *value)
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

static int
has_param_ci(const struct cl_param_list *list, const char *key)
{
	return cl_param_list_find_header(list, key) != NULL;
}

static void
check_token_content_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i, j;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		int found = 0;

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
				          "request is `" FORM_TYPE "`",
				          m->id);
			} else if (!strstr(p->value, "{{") &&
			           !is_form_type(p->value)) {
				cl_report(
				    ctx, &cl_rule_CL307,
				    cl_node_attr_span(p->node, "value"),
				    "token request `Content-Type` of auth "
				    "method `%s` is `%s`, but token "
				    "requests are form-encoded: `" FORM_TYPE
				    "`",
				    m->id, p->value);
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
		          "the token request is `" FORM_TYPE "`",
		          m->id);
	}
}

const struct cl_rule cl_rule_CL307 = {
	.id = "CL307",
	.slug = "token-request-content-type",
	.severity = CL_SEV_WARNING,
	.summary = "an OAuth 2 token request not declared as form-encoded",
	.check = check_token_content_type,
};
