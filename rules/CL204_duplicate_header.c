/*
 * CL204: the same header name twice in one `headers`.
 *
 * HTTP compares header names case-insensitively (RFC 9110 §5.1), so
 * `Accept` and `accept` in one <headers> are the same header set twice. An
 * endpoint header with the name of one its auth method sends is an
 * override, not a duplicate: only names within one <headers> count.
 */
#include <string.h>

#include "rule.h"

static void
check_header_list(struct cl_ctx *ctx, const struct cl_param_list *h,
                  const char *owner, const char *id)
{
	size_t i, j;

	for (i = 1; i < h->n; i++) {
		const struct cl_param *p = &h->items[i], *first = NULL;
		struct cl_diag *d;

		if (!*p->key)
			continue;
		for (j = 0; j < i && !first; j++)
			/* The first byte, any case, rules most out without a
			 * call ('|' 0x20 folds letters; a false match is only
			 * a call more). */
			if ((h->items[j].key[0] | 0x20) == (p->key[0] | 0x20) &&
			    !cl_strcasecmp(h->items[j].key, p->key))
				first = &h->items[j];
		if (!first)
			continue;
		if (!strcmp(first->key, p->key))
			d = cl_report(
			    ctx, &cl_rule_CL204,
			    cl_node_attr_span(p->node, "key"),
			    "header `%s` is set twice in the `headers` "
			    "of %s `%s`: keep one",
			    p->key, owner, id);
		else
			d = cl_report(
			    ctx, &cl_rule_CL204,
			    cl_node_attr_span(p->node, "key"),
			    "header `%s` repeats `%s` in the `headers` "
			    "of %s `%s` (header names ignore case): "
			    "keep one",
			    p->key, first->key, owner, id);
		cl_report_related(ctx, d, cl_node_attr_span(first->node, "key"),
		                  "`%s` is first set here", first->key);
	}
}

static void
check_duplicate_headers(struct cl_ctx *ctx, const struct cl_connector *c)
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
	.summary =
	    "the same header name twice in one `headers` (names compared "
	    "case-insensitively)",
	.check = check_duplicate_headers,
};
