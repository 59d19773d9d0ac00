/*
 * The unified diff of udiff.h. Lines common to both ends are taken off
 * first (a fix changes a few lines of a file); Myers's greedy algorithm
 * ("An O(ND) Difference Algorithm and Its Variations", 1986) finds a
 * shortest edit script for the rest, keeping the furthest-reaching
 * diagonals of every step for the way back. Both its memory (about D^2/
 * 2 ints for D changed lines) and its time (about (N+M)D) are capped; past
 * the caps the middle is one change, which patch applies just as well.
 */
#include "udiff.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* At most this many changed lines for Myers, and this much work. */
#define MAX_D 2000
#define MAX_WORK ((uint64_t)50 * 1000 * 1000)

struct line {
	const char *p;
	size_t len; /* with its '\n', when it has one */
	uint32_t hash;
};

enum op_kind {
	OP_EQ,
	OP_DEL,
	OP_INS
};

struct op {
	enum op_kind kind;
	size_t a, b; /* the line of A (EQ, DEL) and of B (EQ, INS) */
};

struct ops {
	struct op *v;
	size_t n, alloc;
};

static void
add_op(struct ops *o, enum op_kind kind, size_t a, size_t b)
{
	CL_GROW(o->v, o->n + 1, o->alloc);
	o->v[o->n].kind = kind;
	o->v[o->n].a = a;
	o->v[o->n++].b = b;
}

/* Splits LEN bytes at P into lines; returns how many (caller frees *OUT). */
static size_t
split_lines(const char *p, size_t len, struct line **out)
{
	size_t n = 0, alloc = 0;
	const char *end = p + len;
	struct line *v = NULL;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		uint32_t h = 2166136261u; /* FNV-1a */
		size_t i;

		for (i = 0; i < l; i++)
			h = (h ^ (unsigned char)p[i]) * 16777619u;
		CL_GROW(v, n + 1, alloc);
		v[n].p = p;
		v[n].len = l;
		v[n++].hash = h;
		p += l;
	}
	*out = v;
	return n;
}

static bool
same(const struct line *x, const struct line *y)
{
	return x->hash == y->hash && x->len == y->len &&
	       !memcmp(x->p, y->p, x->len);
}

/*
 * Myers over A[0..N) and B[0..M) (already without common ends), adding
 * the script to O with line numbers offset by AOFF and BOFF. Returns
 * false (O unchanged) when past the caps.
 */
static bool
myers(const struct line *A, size_t N, const struct line *B, size_t M,
      size_t aoff, size_t boff, struct ops *o)
{
	/* trace[d] holds V for k in [-d, d] at trace[d][k + d]: the
	 * furthest x on diagonal k after d steps. */
	long **trace;
	long dmax = (long)(N + M), d, k, x, y;
	uint64_t work = 0;
	bool found = false;
	struct ops rev = { NULL, 0, 0 };
	size_t i;

	if (dmax > MAX_D)
		dmax = MAX_D;
	trace = cl_calloc((size_t)dmax + 1, sizeof(*trace));
	for (d = 0; d <= dmax && !found; d++) {
		long *v = cl_calloc((size_t)(2 * d + 1), sizeof(*v));
		const long *pv = d ? trace[d - 1] : NULL;

		trace[d] = v;
		for (k = -d; k <= d; k += 2) {
			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && pv[k - 1 + d - 1] <
			                                   pv[k + 1 + d - 1]))
				x = pv[k + 1 + d - 1]; /* down: an insertion */
			else
				x = pv[k - 1 + d - 1] +
				    1; /* right: a deletion */
			y = x - k;
			while (x < (long)N && y < (long)M &&
			       same(&A[x], &B[y])) {
				x++;
				y++;
			}
			work += (uint64_t)d + 1;
			v[k + d] = x;
			if (x >= (long)N && y >= (long)M) {
				found = true;
				break;
			}
		}
		if (work > MAX_WORK)
			break;
	}
	if (!found)
		goto cleanup;
	/* Back from (N, M): each step is one insertion or deletion
	 * followed by a snake of equal lines; collected in reverse. */
	x = (long)N;
	y = (long)M;
	for (d = d - 1; d > 0; d--) {
		const long *pv = trace[d - 1];
		long pk, px, mx;

		k = x - y;
		if (k == -d ||
		    (k != d && pv[k - 1 + d - 1] < pv[k + 1 + d - 1]))
			pk = k + 1; /* came down: an insertion */
		else
			pk = k - 1; /* came right: a deletion */
		px = pv[pk + d - 1];
		mx = pk == k + 1 ? px : px + 1; /* where the step ended */
		while (x > mx) {
			x--;
			y--;
			add_op(&rev, OP_EQ, (size_t)x, (size_t)y);
		}
		if (pk == k + 1) {
			y--;
			add_op(&rev, OP_INS, (size_t)x, (size_t)y);
		} else {
			x--;
			add_op(&rev, OP_DEL, (size_t)x, (size_t)y);
		}
	}
	while (x > 0) {
		x--;
		y--;
		add_op(&rev, OP_EQ, (size_t)x, (size_t)y);
	}
	for (i = rev.n; i-- > 0;)
		add_op(o, rev.v[i].kind, rev.v[i].a + aoff, rev.v[i].b + boff);
cleanup:
	for (k = 0; k <= dmax; k++)
		free(trace[k]);
	free(trace);
	free(rev.v);
	return found;
}

/* "START,COUNT" of a hunk's range as diff -u writes it: the line before
 * when it is empty, no count when it is one line. */
static void
add_range(struct cl_strbuf *sb, size_t start, size_t count)
{
	if (count == 0)
		cl_strbuf_addf(sb, "%zu,0", start - 1);
	else if (count == 1)
		cl_strbuf_addf(sb, "%zu", start);
	else
		cl_strbuf_addf(sb, "%zu,%zu", start, count);
}

static void
add_line(struct cl_strbuf *sb, char mark, const struct line *l)
{
	cl_strbuf_addch(sb, mark);
	cl_strbuf_add(sb, l->p, l->len);
	if (!l->len || l->p[l->len - 1] != '\n')
		cl_strbuf_adds(sb, "\n\\ No newline at end of file\n");
}

/* One hunk: ops [FROM, TO). */
static void
add_hunk(struct cl_strbuf *sb, const struct ops *o, size_t from, size_t to,
         const struct line *A, const struct line *B)
{
	size_t i, ac = 0, bc = 0, as, bs;

	for (i = from; i < to; i++) {
		ac += o->v[i].kind != OP_INS;
		bc += o->v[i].kind != OP_DEL;
	}
	/* the first line of each side in the hunk, 1-based (one past the
	 * end when the side is empty there) */
	as = o->v[from].a;
	bs = o->v[from].b;
	cl_strbuf_adds(sb, "@@ -");
	add_range(sb, as + 1, ac);
	cl_strbuf_adds(sb, " +");
	add_range(sb, bs + 1, bc);
	cl_strbuf_adds(sb, " @@\n");
	for (i = from; i < to; i++) {
		const struct op *op = &o->v[i];

		if (op->kind == OP_EQ)
			add_line(sb, ' ', &A[op->a]);
		else if (op->kind == OP_DEL)
			add_line(sb, '-', &A[op->a]);
		else
			add_line(sb, '+', &B[op->b]);
	}
}

/* Within every run of changes, the deletions first, as diff -u. */
static void
deletions_first(struct ops *o)
{
	size_t i = 0, j, k, w;

	while (i < o->n) {
		struct op *tmp;

		if (o->v[i].kind == OP_EQ) {
			i++;
			continue;
		}
		for (j = i; j < o->n && o->v[j].kind != OP_EQ; j++)
			;
		tmp = cl_calloc(j - i, sizeof(*tmp));
		w = 0;
		for (k = i; k < j; k++)
			if (o->v[k].kind == OP_DEL)
				tmp[w++] = o->v[k];
		for (k = i; k < j; k++)
			if (o->v[k].kind == OP_INS)
				tmp[w++] = o->v[k];
		memcpy(o->v + i, tmp, (j - i) * sizeof(*tmp));
		free(tmp);
		i = j;
	}
}

char *
cl_udiff(const char *name, const char *a, size_t alen, const char *b,
         size_t blen)
{
	struct line *A, *B;
	size_t na, nb, pre = 0, suf = 0, i, j;
	struct ops o = { NULL, 0, 0 };
	struct cl_strbuf sb = CL_STRBUF_INIT;

	if (alen == blen && !memcmp(a, b, alen))
		return cl_strdup("");
	na = split_lines(a, alen, &A);
	nb = split_lines(b, blen, &B);
	while (pre < na && pre < nb && same(&A[pre], &B[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre &&
	       same(&A[na - 1 - suf], &B[nb - 1 - suf]))
		suf++;
	for (i = 0; i < pre; i++)
		add_op(&o, OP_EQ, i, i);
	if (!myers(A + pre, na - pre - suf, B + pre, nb - pre - suf, pre, pre,
	           &o)) {
		for (i = pre; i < na - suf; i++)
			add_op(&o, OP_DEL, i, pre);
		for (j = pre; j < nb - suf; j++)
			add_op(&o, OP_INS, na - suf, j);
	}
	for (i = 0; i < suf; i++)
		add_op(&o, OP_EQ, na - suf + i, nb - suf + i);
	deletions_first(&o);

	cl_strbuf_addf(&sb, "--- a/%s\n+++ b/%s\n", name, name);
	/* Hunks: each change with its context, two changes closer than
	 * twice the context in one hunk. */
	for (i = 0; i < o.n;) {
		size_t from, to, last;

		if (o.v[i].kind == OP_EQ) {
			i++;
			continue;
		}
		from = i > CL_UDIFF_CONTEXT ? i - CL_UDIFF_CONTEXT : 0;
		/* past the last change of the hunk */
		last = i;
		for (j = i; j < o.n; j++) {
			if (o.v[j].kind != OP_EQ)
				last = j;
			else if (j - last > 2 * CL_UDIFF_CONTEXT)
				break;
		}
		to = last + 1 + CL_UDIFF_CONTEXT;
		if (to > o.n)
			to = o.n;
		add_hunk(&sb, &o, from, to, A, B);
		i = to;
	}
	free(A);
	free(B);
	free(o.v);
	return cl_strbuf_detach(&sb);
}
