/*
 * "Did you mean …": near-miss detection for keys, ids and enumeration
 * values. Two kinds of near miss matter in connector definitions: the same
 * word written in another case or separator style (clientId, client-id,
 * Client_ID for client_id), which the platform treats as a different key,
 * and plain typos, which a small edit distance catches.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "util.h"

#define CL_DISTANCE_CAP 255u

/* One cell (I, J) of the optimal-string-alignment matrix, from the rows
 * before it: deletion, insertion, substitution or transposition. */
static unsigned
cell(const unsigned *prev2, const unsigned *prev, const unsigned *cur,
     const char *a, const char *b, size_t i, size_t j)
{
	unsigned del = prev[j] + 1;
	unsigned ins = cur[j - 1] + 1;
	unsigned sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
	unsigned best = del < ins ? del : ins;

	best = best < sub ? best : sub;
	if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
	    prev2[j - 2] + 1 < best)
		best = prev2[j - 2] + 1;
	return best;
}

/*
 * Optimal string alignment distance: Levenshtein plus the swap of two
 * adjacent characters as one edit (`hots` for `host` is one typo, not
 * two). Three rows of the matrix are enough. Names longer than the cap are
 * compared only up to it: beyond that the distance is "far" anyway and
 * the rows stay on the stack.
 */
unsigned
cl_edit_distance(const char *a, const char *b)
{
	unsigned rows[3][CL_DISTANCE_CAP + 1];
	unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > CL_DISTANCE_CAP)
		la = CL_DISTANCE_CAP;
	if (lb > CL_DISTANCE_CAP)
		lb = CL_DISTANCE_CAP;

	for (j = 0; j <= lb; j++)
		prev[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		cur[0] = (unsigned)i;
		for (j = 1; j <= lb; j++) {
			unsigned best = cell(prev2, prev, cur, a, b, i, j);

			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > CL_DISTANCE_CAP ? CL_DISTANCE_CAP : prev[lb];
}

static char
fold(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Walks both strings in step, skipping separators, so nothing is copied. */
static int
folded_equal(const char *a, const char *b)
{
	for (;;) {
		while (cl_nearmiss_separator(*a))
			a++;
		while (cl_nearmiss_separator(*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (fold(*a) != fold(*b))
			return 0;
		a++;
		b++;
	}
}

int
cl_same_folded(const char *a, const char *b)
{
	return strcmp(a, b) != 0 && folded_equal(a, b);
}

/*
 * The edit distance of A[0..LA) and B[0..LB) (lengths already capped) when
 * it is at most T, else T + 1: the same as cl_edit_distance for every
 * answer a lookup can use, at a fraction of the cost. Only the cells
 * within T of the diagonal are computed (a path leaving that band costs
 * more than T), values above T are kept as T + 1, and a row with nothing
 * at most T ends the work: no later cell can come back under it (a swap
 * from two rows up passes through a cell of the row between that costs
 * no more).
 */
static unsigned
distance_within(const char *a, size_t la, const char *b, size_t lb, unsigned t)
{
	unsigned rows[3][CL_DISTANCE_CAP + 2];
	unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *tmp;
	const unsigned inf = t + 1;
	size_t i, j;

	if ((la > lb ? la - lb : lb - la) > t)
		return inf;
	for (j = 0; j <= lb && j <= t; j++)
		prev[j] = (unsigned)j;
	if (j <= lb)
		prev[j] = inf;
	for (i = 1; i <= la; i++) {
		size_t lo = i > t ? i - t : 1;
		size_t hi = i + t < lb ? i + t : lb;
		unsigned row_min = inf;

		cur[lo - 1] = lo == 1 && i <= t ? (unsigned)i : inf;
		if (cur[lo - 1] < row_min)
			row_min = cur[lo - 1];
		for (j = lo; j <= hi; j++) {
			unsigned best = cell(prev2, prev, cur, a, b, i, j);

			cur[j] = best < inf ? best : inf;
			if (cur[j] < row_min)
				row_min = cur[j];
		}
		if (hi + 1 <= lb)
			cur[hi + 1] = inf;
		if (row_min > t)
			return inf;
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	return prev[lb];
}

static size_t
capped_len(const char *s)
{
	size_t n = 0;

	while (n < CL_DISTANCE_CAP && s[n])
		n++;
	return n;
}

/* One lookup's edit-distance pass, fed candidates in order. */
struct query {
	const char *name;
	size_t len;     /* capped */
	unsigned limit; /* the largest distance that is near */
	const char *best;
	unsigned best_dist;
	size_t compared;
	size_t list, pos; /* where best is (cl_nearmiss_find) */
};

static void
query_init(struct query *q, const char *name)
{
	size_t len = strlen(name);

	q->name = name;
	q->len = len < CL_DISTANCE_CAP ? len : CL_DISTANCE_CAP;
	q->limit = len / 3 > 1
	               ? (len / 3 < CL_DISTANCE_CAP ? (unsigned)(len / 3)
	                                            : CL_DISTANCE_CAP)
	               : 1;
	q->best = NULL;
	q->best_dist = CL_DISTANCE_CAP + 1;
	q->compared = 0;
	q->list = q->pos = 0;
}

/* 1 when a candidate of capped length LEN can be near at all. */
static int
query_len_ok(const struct query *q, size_t len)
{
	return (q->len > len ? q->len - len : len - q->len) <= q->limit;
}

/* Offers C (of capped length LEN, non-empty, not NAME, a near length);
 * returns 0 once CL_NEARMISS_MAX_COMPARED were compared. */
static int
query_offer(struct query *q, const char *c, size_t len, size_t list, size_t pos)
{
	unsigned t, d;

	if (q->compared == CL_NEARMISS_MAX_COMPARED)
		return 0;
	q->compared++;
	t = q->best_dist - 1 < q->limit ? q->best_dist - 1 : q->limit;
	d = distance_within(q->name, q->len, c, len, t);
	if (d <= t) {
		q->best = c;
		q->best_dist = d;
		q->list = list;
		q->pos = pos;
	}
	return 1;
}

const char *
cl_nearmiss(const char *name, const char *const *cands, size_t n)
{
	struct query q;
	size_t i;

	if (!*name)
		return NULL;
	for (i = 0; i < n; i++) {
		if (!cands[i] || !strcmp(cands[i], name))
			continue;
		if (folded_equal(cands[i], name))
			return cands[i];
	}
	query_init(&q, name);
	for (i = 0; i < n; i++) {
		size_t len;

		if (!cands[i] || !*cands[i] || !strcmp(cands[i], name))
			continue;
		len = capped_len(cands[i]);
		if (query_len_ok(&q, len) &&
		    !query_offer(&q, cands[i], len, 0, i))
			break;
	}
	return q.best;
}

/* ---- indexes ---- */

/* Open addressing over 64-bit hashes; each slot heads the chain, in
 * candidate order, of the candidates with that hash. */
struct chains {
	uint64_t *hash;
	size_t *head; /* position + 1; 0: empty slot */
	size_t *next; /* per candidate: the next position + 1, or 0 */
	size_t cap;   /* a power of two, at least twice the candidates */
};

struct cl_nearmiss_index {
	const char **cands;
	size_t n;
	unsigned char *len; /* capped length of each candidate */
	/* Positions grouped by capped length, in order within a length:
	 * by_len[len_start[l] .. len_start[l + 1]) have length l. */
	size_t *by_len;
	size_t len_start[CL_DISTANCE_CAP + 2];
	struct chains folded; /* by the form folded_equal compares */
	struct chains nocase; /* by the ASCII lower-case form */
};

#define FNV_OFFSET 14695981039346656037u
#define FNV_PRIME 1099511628211u

static uint64_t
hash_folded(const char *s)
{
	uint64_t h = FNV_OFFSET;

	for (; *s; s++)
		if (!cl_nearmiss_separator(*s))
			h = (h ^ (unsigned char)fold(*s)) * FNV_PRIME;
	return h;
}

static uint64_t
hash_nocase(const char *s)
{
	uint64_t h = FNV_OFFSET;

	for (; *s; s++)
		h = (h ^ (unsigned char)fold(*s)) * FNV_PRIME;
	return h;
}

/* The slot of H in CH: where it is, or the empty one it would go in. */
static size_t
chains_slot(const struct chains *ch, uint64_t h)
{
	size_t k = (size_t)(h ^ (h >> 31)) & (ch->cap - 1);

	while (ch->head[k] && ch->hash[k] != h)
		k = (k + 1) & (ch->cap - 1);
	return k;
}

static void
chains_build(struct chains *ch, const char *const *cands, size_t n,
             uint64_t (*hash)(const char *))
{
	size_t i;

	for (ch->cap = 16; ch->cap < 2 * n; ch->cap *= 2)
		;
	ch->hash = cl_calloc(ch->cap, sizeof(*ch->hash));
	ch->head = cl_calloc(ch->cap, sizeof(*ch->head));
	ch->next = cl_calloc(n ? n : 1, sizeof(*ch->next));
	/* Backwards, each pushed on the front: every chain in order. */
	for (i = n; i-- > 0;) {
		uint64_t h;
		size_t k;

		if (!cands[i])
			continue;
		h = hash(cands[i]);
		k = chains_slot(ch, h);
		ch->hash[k] = h;
		ch->next[i] = ch->head[k];
		ch->head[k] = i + 1;
	}
}

static void
chains_release(struct chains *ch)
{
	free(ch->hash);
	free(ch->head);
	free(ch->next);
}

struct cl_nearmiss_index *
cl_nearmiss_index_new(const char *const *cands, size_t n)
{
	struct cl_nearmiss_index *x = cl_calloc(1, sizeof(*x));
	size_t i, l, fill[CL_DISTANCE_CAP + 1];

	x->n = n;
	x->cands = cl_calloc(n ? n : 1, sizeof(*x->cands));
	x->len = cl_calloc(n ? n : 1, 1);
	x->by_len = cl_calloc(n ? n : 1, sizeof(*x->by_len));
	memcpy(x->cands, cands, n * sizeof(*cands));
	for (i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		x->len[i] = (unsigned char)capped_len(cands[i]);
		x->len_start[x->len[i] + 1]++;
	}
	for (l = 1; l <= CL_DISTANCE_CAP + 1; l++)
		x->len_start[l] += x->len_start[l - 1];
	memcpy(fill, x->len_start, sizeof(fill));
	for (i = 0; i < n; i++)
		if (cands[i])
			x->by_len[fill[x->len[i]]++] = i;
	chains_build(&x->folded, cands, n, hash_folded);
	chains_build(&x->nocase, cands, n, hash_nocase);
	return x;
}

void
cl_nearmiss_index_free(struct cl_nearmiss_index *x)
{
	if (!x)
		return;
	chains_release(&x->folded);
	chains_release(&x->nocase);
	free(x->by_len);
	free(x->len);
	free(x->cands);
	free(x);
}

/* The first folded-equal candidate of X that is not NAME, or SIZE_MAX. */
static size_t
find_folded(const struct cl_nearmiss_index *x, const char *name, uint64_t h)
{
	size_t k = chains_slot(&x->folded, h), p;

	for (p = x->folded.head[k]; p; p = x->folded.next[p - 1]) {
		const char *c = x->cands[p - 1];

		if (strcmp(c, name) && folded_equal(c, name))
			return p - 1;
	}
	return SIZE_MAX;
}

/* Offers X's candidates of a near length to Q in order, merging the
 * per-length runs; 0 once Q has compared enough. */
static int
offer_index(struct query *q, const struct cl_nearmiss_index *x, size_t list)
{
	size_t lo = q->len > q->limit ? q->len - q->limit : 0;
	size_t hi = q->len + q->limit < CL_DISTANCE_CAP ? q->len + q->limit
	                                                : CL_DISTANCE_CAP;
	size_t at[CL_DISTANCE_CAP + 1], l;

	if (lo == 0)
		lo = 1; /* empty candidates are never near */
	for (l = lo; l <= hi; l++)
		at[l] = x->len_start[l];
	for (;;) {
		size_t best_l = 0, p;
		const char *c;

		for (l = lo; l <= hi; l++)
			if (at[l] < x->len_start[l + 1] &&
			    (!best_l ||
			     x->by_len[at[l]] < x->by_len[at[best_l]]))
				best_l = l;
		if (!best_l)
			return 1;
		p = x->by_len[at[best_l]++];
		c = x->cands[p];
		if (!strcmp(c, q->name))
			continue;
		if (!query_offer(q, c, best_l, list, p))
			return 0;
	}
}

const char *
cl_nearmiss_find(const char *name, struct cl_nearmiss_index *const *idx,
                 size_t n, size_t *list, size_t *pos)
{
	struct query q;
	uint64_t h;
	size_t i, p;

	if (!*name)
		return NULL;
	h = hash_folded(name);
	for (i = 0; i < n; i++) {
		if ((p = find_folded(idx[i], name, h)) != SIZE_MAX) {
			if (list)
				*list = i;
			if (pos)
				*pos = p;
			return idx[i]->cands[p];
		}
	}
	query_init(&q, name);
	for (i = 0; i < n && offer_index(&q, idx[i], i); i++)
		;
	if (q.best) {
		if (list)
			*list = q.list;
		if (pos)
			*pos = q.pos;
	}
	return q.best;
}

size_t
cl_nearmiss_index_find_case(const struct cl_nearmiss_index *x, const char *key)
{
	size_t k = chains_slot(&x->nocase, hash_nocase(key)), p;

	for (p = x->nocase.head[k]; p; p = x->nocase.next[p - 1])
		if (!cl_strcasecmp(x->cands[p - 1], key))
			return p - 1;
	return SIZE_MAX;
}

/* ---- caches ---- */

struct cl_nearmiss_cache_slot {
	const void *owner; /* NULL: empty */
	struct cl_nearmiss_index *idx;
};

static size_t
owner_slot(const struct cl_nearmiss_cache *c, const void *owner)
{
	uint64_t h = (uint64_t)(uintptr_t)owner * 0x9e3779b97f4a7c15u;
	size_t k = (size_t)(h >> 32) & (c->cap - 1);

	while (c->slots[k].owner && c->slots[k].owner != owner)
		k = (k + 1) & (c->cap - 1);
	return k;
}

struct cl_nearmiss_index *
cl_nearmiss_cache_get(const struct cl_nearmiss_cache *c, const void *owner)
{
	if (!c->cap)
		return NULL;
	return c->slots[owner_slot(c, owner)].idx;
}

void
cl_nearmiss_cache_put(struct cl_nearmiss_cache *c, const void *owner,
                      struct cl_nearmiss_index *idx)
{
	size_t k;

	if (2 * (c->n + 1) > c->cap) {
		struct cl_nearmiss_cache_slot *old = c->slots;
		size_t oldcap = c->cap, i;

		c->cap = c->cap ? 2 * c->cap : 16;
		c->slots = cl_calloc(c->cap, sizeof(*c->slots));
		for (i = 0; i < oldcap; i++)
			if (old[i].owner)
				c->slots[owner_slot(c, old[i].owner)] = old[i];
		free(old);
	}
	k = owner_slot(c, owner);
	if (c->slots[k].owner)
		cl_nearmiss_index_free(c->slots[k].idx);
	else
		c->n++;
	c->slots[k].owner = owner;
	c->slots[k].idx = idx;
}

void
cl_nearmiss_cache_release(struct cl_nearmiss_cache *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++)
		if (c->slots[i].owner)
			cl_nearmiss_index_free(c->slots[i].idx);
	free(c->slots);
	c->slots = NULL;
	c->cap = c->n = 0;
}
