/*
 * Names and order: endpoint names users cannot tell apart (CL007) and
 * `connector` children out of the documented order (CL008).
 */
#include <stdlib.h>
#include <string.h>

#include "rule.h"

/* ---- CL007 ---- */

/*
 * NAME as users compare it on a connection shape: leading and trailing
 * blanks dropped, inner runs of blanks as one space, ASCII case folded.
 * "List orders", "List  Orders " and "list orders" read as one name.
 * Caller frees.
 */
static char *name_folded(const char *name)
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

static int cmp_name_ref(const void *pa, const void *pb)
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
static void check_duplicate_endpoint_name(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct name_ref *refs;
	size_t i, n = 0, first = 0;

	if (!c || c->n_endpoints < 2)
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
	.summary = "two endpoints with the same `name` (users cannot tell them apart)",
	.check = check_duplicate_endpoint_name,
};

/* ---- CL008 ---- */

/* The documented order of `connector` children. */
static const char *const child_order[] = {
	"description", "variables", "auth-methods", "endpoints"
};
#define N_ORDER CL_ARRAY_SIZE(child_order)

static int order_rank(const char *name)
{
	size_t i;

	for (i = 0; i < N_ORDER; i++)
		if (!strcmp(child_order[i], name))
			return (int)i;
	return -1;
}

static unsigned popcount(unsigned m)
{
	unsigned k = 0;

	for (; m; m &= m - 1)
		k++;
	return k;
}

/*
 * Reports the fewest children that must move for the rest to be in order
 * (the complement of a longest increasing run of ranks): in
 * `endpoints, description, variables, auth-methods` only `endpoints` is
 * out of place. Among equally short answers, earlier elements stay and
 * later ones are reported. Only the first child of each known name takes
 * part: unknown and repeated children are CL002's.
 */
static void check_element_order(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_node *kids[N_ORDER], *ch;
	int rank[N_ORDER];
	unsigned n = 0, mask, best = 0, best_size = 0, i, j;

	for (ch = c->node->children; ch && n < N_ORDER; ch = ch->next) {
		int r = order_rank(ch->name);

		if (r < 0 || cl_node_child(c->node, ch->name) != ch)
			continue;
		kids[n] = ch;
		rank[n++] = r;
	}
	/* Masks are tried from the one keeping the earliest elements down,
	 * so the first largest increasing subset found is the preferred. */
	for (mask = (1u << n); mask-- > 0;) {
		unsigned size = popcount(mask);
		int last = -1, ok = 1;

		/* Bit (n-1-i) stands for child i: higher masks keep earlier
		 * children. */
		for (i = 0; i < n; i++) {
			if (!(mask & (1u << (n - 1 - i))))
				continue;
			if (rank[i] < last)
				ok = 0;
			last = rank[i];
		}
		if (ok && size > best_size) {
			best = mask;
			best_size = size;
		}
	}
	for (i = 0; i < n; i++) {
		const struct cl_node *before = NULL, *after = NULL;
		struct cl_diag *d;

		if (best & (1u << (n - 1 - i)))
			continue;
		/* Place it among the children that stay: before the first of
		 * a higher rank, else after the last of a lower one. */
		for (j = 0; j < n; j++) {
			if (!(best & (1u << (n - 1 - j))))
				continue;
			if (rank[j] > rank[i] && !before)
				before = kids[j];
			if (rank[j] < rank[i])
				after = kids[j];
		}
		if (before) {
			d = cl_report(ctx, &cl_rule_CL008, kids[i]->name_span,
				      "`<%s>` should come before `<%s>`: "
				      "`connector` children go in the order "
				      "`description`, `variables`, "
				      "`auth-methods`, `endpoints`",
				      kids[i]->name, before->name);
			cl_report_related(ctx, d, before->name_span,
					  "move `<%s>` above this `<%s>`",
					  kids[i]->name, before->name);
		} else if (after) {
			d = cl_report(ctx, &cl_rule_CL008, kids[i]->name_span,
				      "`<%s>` should come after `<%s>`: "
				      "`connector` children go in the order "
				      "`description`, `variables`, "
				      "`auth-methods`, `endpoints`",
				      kids[i]->name, after->name);
			cl_report_related(ctx, d, after->name_span,
					  "move `<%s>` below this `<%s>`",
					  kids[i]->name, after->name);
		}
	}
}

const struct cl_rule cl_rule_CL008 = {
	.id = "CL008",
	.slug = "element-order",
	.severity = CL_SEV_INFO,
	.summary = "`connector` children out of the documented order (`description`, " "`variables`, `auth-methods`, `endpoints`)",
	.check = check_element_order,
};
