/*
 * CL008: `connector` children out of the documented order.
 */

#include <string.h>

#include "rule.h"

/* The documented order of `connector` children. */
static const char *const child_order[] = { "description", "variables",
	                                   "auth-methods", "endpoints" };
#define N_ORDER CL_ARRAY_SIZE(child_order)

static int
order_rank(const char *name)
{
	size_t i;

	for (i = 0; i < N_ORDER; i++)
		if (!strcmp(child_order[i], name))
			return (int)i;
	return -1;
}

static unsigned
popcount(unsigned m)
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
static void
check_element_order(struct cl_ctx *ctx, const struct cl_connector *c)
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
	.summary =
	    "`connector` children out of the documented order (`description`, "
	    "`variables`, `auth-methods`, `endpoints`)",
	.check = check_element_order,
};
