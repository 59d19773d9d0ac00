/*
 * CL007: endpoint names users cannot tell apart on a connection shape.
 */
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "vars.h"

/*
 * NAME as users compare it on a connection shape: leading and trailing
 * blanks dropped, inner runs of blanks as one space, ASCII case folded.
 * "List orders", "List  Orders " and "list orders" read as one name.
 * Read a byte at a time (fold_next), so that names can be hashed and
 * compared without a copy.
 */
static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Where the folded name is read from: start it with fold_start. */
static const char *
fold_start(const char *name)
{
	while (is_blank(*name))
		name++;
	return name;
}

/* The next byte of the folded name at *S, '\0' at its end. */
static char
fold_next(const char **s)
{
	char ch = **s;

	if (is_blank(ch)) {
		while (is_blank(**s))
			(*s)++;
		/* A run of blanks: one space, unless it ends the name. */
		return **s ? ' ' : '\0';
	}
	if (!ch)
		return '\0';
	(*s)++;
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* NAME folded. Caller frees. */
static char *
name_folded(const char *name)
{
	char *out = cl_malloc(strlen(name) + 1), *o = out;
	const char *s = fold_start(name);

	while ((*o = fold_next(&s)))
		o++;
	return out;
}

/* Each byte as the folded name has it (ASCII case folded), 0 for a blank
 * and for NUL: folded_hash's one lookup a byte. */
/* clang-format off */
static const unsigned char fold_byte[256] = {
	  0,   1,   2,   3,   4,   5,   6,   7,   8,   0,   0,  11,  12,   0,  14,  15,
	 16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
	  0,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,
	 48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,
	 64,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,  91,  92,  93,  94,  95,
	 96,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
	128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
	144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
	160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
	176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
	192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
	208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
	224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
	240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};
/* clang-format on */

/* For cl_all_different: the endpoints' folded names. A missing name is
 * CL002's, never a clash. */
static size_t
folded_hash(const void *arg, size_t i)
{
	const struct cl_connector *c = arg;
	const unsigned char *s = (const unsigned char *)c->endpoints[i].name;
	size_t h = 14695981039346656037u & SIZE_MAX;

	/* The folded name's bytes but its blanks (this runs for every
	 * endpoint): names the same folded hash the same. */
	for (; *s; s++) {
		unsigned ch = fold_byte[*s];

		if (ch)
			h = (h ^ ch) * (size_t)1099511628211u;
	}
	return h;
}

static int
same_folded(const void *arg, size_t i, size_t j)
{
	const struct cl_connector *c = arg;
	const char *a = fold_start(c->endpoints[i].name);
	const char *b = fold_start(c->endpoints[j].name);
	char ca, cb;

	if (!*a)
		return 0;
	do {
		ca = fold_next(&a);
		cb = fold_next(&b);
	} while (ca && ca == cb);
	return ca == cb;
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

	/* Most connectors have no duplicate: no copies, no sort then. */
	if (c->n_endpoints < 2 ||
	    cl_all_different(c->n_endpoints, folded_hash, same_folded, c))
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
