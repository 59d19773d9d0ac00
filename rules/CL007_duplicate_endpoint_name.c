/*
 * CL007: endpoint names users cannot tell apart on a connection shape.
 */
#include <stdlib.h>
#include <string.h>

#include "rule.h"

/*
 * NAME as users compare it on a connection shape: leading and trailing
 * blanks dropped, inner runs of blanks as one space, ASCII case folded.
 * "List orders", "List  Orders " and "list orders" read as one name.
 * Caller frees.
 */
static char *
name_folded(const char *name)
{
	char *out = cl_malloc(strlen(name) + 1), *o = out;
	const char *s = name;
	int blank = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (; *s; s++) {
		char ch = *s;

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			blank = 1;
			continue;
		}
		if (blank)
			*o++ = ' ';
		blank = 0;
		*o++ = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
	}
	*o = '\0';
	return out;
}

struct name_ref {
	char *folded;
	const struct cl_endpoint *endpoint;
	size_t index;
};

static int
cmp_name_ref(const void *pa, const void *pb)
{
	const struct name_ref *a = pa, *b = pb;
	int d = strcmp(a->folded, b->folded);

	if (d)
		return d;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * Sorting by (folded name, document order) puts every clash beside the
 * first endpoint of that name, so large connectors cost n log n. Every
 * later endpoint is reported, pointing back to the first. Two endpoints
 * that also share their id are one duplicated endpoint, which CL006
 * reports; a missing name is CL002's.
 */
static void
check_duplicate_endpoint_name(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct name_ref *refs;
	size_t i, n = 0, first = 0;

	if (c->n_endpoints < 2)
		return;
	refs = cl_malloc(c->n_endpoints * sizeof(*refs));
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		char *f = name_folded(e->name);

		if (!*f) {
			free(f);
			continue;
		}
		refs[n++] = (struct name_ref){ f, e, i };
	}
	qsort(refs, n, sizeof(*refs), cmp_name_ref);
	for (i = 1; i < n; i++) {
		const struct cl_endpoint *e = refs[i].endpoint;
		const struct cl_endpoint *f = refs[first].endpoint;
		struct cl_diag *d;

		if (strcmp(refs[i].folded, refs[first].folded)) {
			first = i;
			continue;
		}
		if (*e->id && !strcmp(e->id, f->id))
			continue;
		if (!strcmp(e->name, f->name))
			d = cl_report(ctx, &cl_rule_CL007,
			              cl_node_attr_span(e->node, "name"),
			              "endpoint name `%s` is already the name "
			              "of endpoint `%s`: users picking an "
			              "endpoint on a connection shape cannot "
			              "tell the two apart; give each a name "
			              "that says what it does",
			              e->name, f->id);
		else
			d = cl_report(ctx, &cl_rule_CL007,
			              cl_node_attr_span(e->node, "name"),
			              "endpoint name `%s` differs from `%s`, "
			              "the name of endpoint `%s`, only in case "
			              "or spacing: users picking an endpoint "
			              "on a connection shape cannot tell the "
			              "two apart; give each a name that says "
			              "what it does",
			              e->name, f->name, f->id);
		cl_report_related(ctx, d, cl_node_attr_span(f->node, "name"),
		                  "endpoint `%s` has this name", f->id);
	}
	for (i = 0; i < n; i++)
		free(refs[i].folded);
	free(refs);
}

const struct cl_rule cl_rule_CL007 = {
	.id = "CL007",
	.slug = "duplicate-endpoint-name",
	.severity = CL_SEV_WARNING,
	.summary =
	    "two endpoints with the same `name` (users cannot tell them apart)",
	.check = check_duplicate_endpoint_name,
};
