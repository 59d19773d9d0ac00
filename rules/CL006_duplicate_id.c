/*
 * CL006: ids must be unique among auth methods and among endpoints, since
 * endpoints refer to auth methods by id and process flows refer to
 * endpoints by id.
 */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "rule.h"
#include "vars.h"

/* One id to sort: the element and its position in document order. */
struct id_ref {
	const char *id;
	const struct cl_node *node;
	size_t index;
};

static int
cmp_id_ref(const void *pa, const void *pb)
{
	const struct id_ref *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * Sorting by (id, document order) puts duplicates side by side with the
 * first occurrence leading its run, so large connectors cost n log n.
 * Every later occurrence is reported, each pointing back to the first.
 */
static void
report_duplicates(struct cl_ctx *ctx, struct id_ref *refs, size_t n,
                  const char *what, const char *why)
{
	size_t i, first = 0;

	qsort(refs, n, sizeof(*refs), cmp_id_ref);
	for (i = 1; i < n; i++) {
		struct cl_diag *d;

		if (strcmp(refs[i].id, refs[first].id)) {
			first = i;
			continue;
		}
		d = cl_report(
		    ctx, &cl_rule_CL006, cl_node_attr_span(refs[i].node, "id"),
		    "%s id `%s` is already taken: %s", what, refs[i].id, why);
		cl_report_related(ctx, d,
		                  cl_node_attr_span(refs[first].node, "id"),
		                  "`%s` first used here", refs[first].id);
	}
}

static void
check_duplicate_id(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct id_ref *refs;
	size_t i, n, max;
	int methods_differ, endpoints_differ;

	max = c->n_auth_methods > c->n_endpoints ? c->n_auth_methods
	                                         : c->n_endpoints;
	if (max < 2)
		return;
	/* Most connectors have no duplicate: no sort then. */
	methods_differ = cl_all_different_strings(
	    c->auth_methods, c->n_auth_methods, sizeof(*c->auth_methods),
	    offsetof(struct cl_auth_method, id));
	endpoints_differ = cl_all_different_strings(
	    c->endpoints, c->n_endpoints, sizeof(*c->endpoints),
	    offsetof(struct cl_endpoint, id));
	if (methods_differ && endpoints_differ)
		return;
	refs = cl_malloc(max * sizeof(*refs));

	/* A missing id reads as "" and is CL002's to report, not a clash. */
	if (!methods_differ) {
		for (i = n = 0; i < c->n_auth_methods; i++) {
			const struct cl_auth_method *m = &c->auth_methods[i];

			if (*m->id)
				refs[n++] =
				    (struct id_ref){ m->id, m->node, i };
		}
		report_duplicates(ctx, refs, n, "auth method",
		                  "`<enable>` cannot tell the two apart");
	}
	if (!endpoints_differ) {
		for (i = n = 0; i < c->n_endpoints; i++) {
			const struct cl_endpoint *e = &c->endpoints[i];

			if (*e->id)
				refs[n++] =
				    (struct id_ref){ e->id, e->node, i };
		}
		report_duplicates(ctx, refs, n, "endpoint",
		                  "process flows cannot tell the two apart");
	}

	free(refs);
}

const struct cl_rule cl_rule_CL006 = {
	.id = "CL006",
	.slug = "duplicate-id",
	.severity = CL_SEV_ERROR,
	.summary = "two auth methods, or two endpoints, with the same id",
	.check = check_duplicate_id,
};
