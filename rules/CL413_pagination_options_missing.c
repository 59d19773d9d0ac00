/*
 * CL413 pagination-options-missing
 *
 * Option keys, as the example connectors write them: `page-number` needs
 * `page_parameter` (the query param that carries the page number) and
 * `limit_parameter` (the one that carries the page size);
 * `next-page-token` needs `token_path` (where the next token is in the
 * response, dot notation). An option with an empty value counts as
 * missing. Other methods' options are not checked.
 */
#include <string.h>

#include "endpoints.h"
#include "nearmiss.h"
#include "rule.h"

struct needed_option {
	const char *method, *key, *what, *example;
};

static const struct needed_option needed_options[] = {
	{ "page-number", "page_parameter",
	  "the query parameter that carries the page number", "page" },
	{ "page-number", "limit_parameter",
	  "the query parameter that carries the page size", "limit" },
	{ "next-page-token", "token_path",
	  "where the next page's token is in the response (dot notation)",
	  "links.next" },
};

/* Option keys in use (the platform's option sets), never taken for a
 * misspelling of another. */
static int
is_known_option(const char *key)
{
	static const char *const known[] = {
		"page_parameter",   "limit_parameter", "limit",
		"limit_path",       "token_parameter", "token_path",
		"offset_parameter", "data_path",
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(known); i++)
		if (!strcmp(key, known[i]))
			return 1;
	return 0;
}

/* `value=""` of option O, or its key when it has no value attribute. */
static struct cl_span
empty_value_span(const struct cl_param *o)
{
	const struct cl_attr *a = cl_node_attr(o->node, "value");
	struct cl_span s;

	if (!a)
		return cl_node_attr_span(o->node, "key");
	s.start = a->name_span.start;
	s.end = a->value_span.end + 1; /* the closing quote */
	return s;
}

static void
check_pagination_options(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i, j, k;

	cl_for_each_endpoint(e, c, i)
	{
		const struct cl_pagination *pg = &e->pagination;

		if (!pg->node || !pg->method)
			continue;
		for (j = 0; j < CL_ARRAY_SIZE(needed_options); j++) {
			const struct needed_option *n = &needed_options[j];
			const struct cl_param *o, *near = NULL;

			/* The first byte rules most out without a call. */
			if (pg->method[0] != n->method[0] ||
			    strcmp(pg->method, n->method))
				continue;
			o = cl_param_list_find(&pg->options, n->key);
			if (o && o->value && *o->value)
				continue;
			if (o) {
				cl_report(ctx, &cl_rule_CL413,
				          empty_value_span(o),
				          "`%s` pagination option `%s` of "
				          "endpoint `%s` is empty: give %s, "
				          "e.g. `value=\"%s\"`",
				          n->method, n->key, e->id, n->what,
				          n->example);
				continue;
			}
			for (k = 0; k < pg->options.n && !near; k++) {
				const struct cl_param *x =
				    &pg->options.items[k];

				/* A near miss, or a clipped key
				 * (`page_param`). */
				if (!is_known_option(x->key) &&
				    (cl_nearmiss(x->key, &n->key, 1) ||
				     (strlen(x->key) >= 5 &&
				      !strncmp(x->key, n->key, strlen(x->key)))))
					near = x;
			}
			if (near)
				cl_report(
				    ctx, &cl_rule_CL413,
				    cl_node_attr_span(near->node, "key"),
				    "`%s` pagination of endpoint `%s` has "
				    "an option `%s` but no `%s` (%s); did "
				    "you mean `%s`?",
				    n->method, e->id, near->key, n->key,
				    n->what, n->key);
			else
				cl_report(
				    ctx, &cl_rule_CL413, pg->node->name_span,
				    "`%s` pagination of endpoint `%s` has "
				    "no `%s` option (%s): add `<option "
				    "key=\"%s\" value=\"%s\"/>`",
				    n->method, e->id, n->key, n->what, n->key,
				    n->example);
		}
	}
}

const struct cl_rule cl_rule_CL413 = {
	.id = "CL413",
	.slug = "pagination-options-missing",
	.severity = CL_SEV_WARNING,
	.summary =
	    "a pagination method without the options it needs (`page-number`: `page_parameter` and `limit_parameter`; `next-page-token`: `token_path`)",
	.check = check_pagination_options,
};
