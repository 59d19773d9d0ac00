/*
 * Applying the fixes of a result (cl_fix_apply, cl_fix_result in
 * connlint.h): one pass splices the taken fixes' edits into the buffer the
 * result was linted from; the pass loop lints the new text again and
 * repeats, and undoes everything when a pass breaks the file.
 *
 * A pass takes fixes in the order of their first edit and skips a fix that
 * collides with one already taken (it goes to the next pass, where it is
 * found again on the new text if it still applies). Two edits collide when
 * their ranges overlap, when they start at one offset (two insertions
 * there would have no order), or when an insertion falls strictly inside
 * a replaced range. Edits that merely touch ([a, b) and [b, c)) do not.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "connlint.h"
#include "fixapply.h"
#include "result.h"
#include "util.h"
#include "xml.h"

/* One edit of a taken fix. */
struct taken_edit {
	size_t start, end;
	const char *text;
	size_t order; /* taken order, to keep equal starts stable */
};

/* A fix candidate: the diagnostic and where its first edit starts. */
struct candidate {
	const cl_diag *d;
	size_t first; /* its first edit's start */
	size_t index; /* its diagnostic's index, for a stable order */
};

static int
cmp_candidate(const void *pa, const void *pb)
{
	const struct candidate *a = pa, *b = pb;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int
cmp_taken(const void *pa, const void *pb)
{
	const struct taken_edit *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Whether [S, E) collides with [TS, TE) (see the top of the file). */
static bool
collides(size_t s, size_t e, size_t ts, size_t te)
{
	if (s == ts)
		return true;
	return s < te && ts < e;
}

/* Whether edit [S, E) collides with one of the N taken edits, which are
 * sorted by start and do not collide with each other. */
static bool
collides_taken(const struct taken_edit *t, size_t n, size_t s, size_t e)
{
	size_t lo = 0, hi = n;

	/* the first taken edit that starts at or after S */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t[mid].start < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Taken edits do not overlap, so only the one before and the
	 * ones starting inside [S, E] can collide. */
	if (lo > 0 && collides(s, e, t[lo - 1].start, t[lo - 1].end))
		return true;
	for (; lo < n && t[lo].start <= e; lo++)
		if (collides(s, e, t[lo].start, t[lo].end))
			return true;
	return false;
}

/* Inserts the edits of D (K of them) into T (sorted; *N edits), after
 * checking that none collides; false (T unchanged) when one does. */
static bool
take_fix(struct taken_edit **t, size_t *n, size_t *alloc, const cl_diag *d,
         size_t k, size_t len, size_t *order)
{
	size_t i, s, e;

	for (i = 0; i < k; i++) {
		if (!cl_diag_fix_edit(d, i, &s, &e))
			BUG("fix edit %zu of %zu missing", i, k);
		if (s > e || e > len)
			BUG("fix edit [%zu, %zu) outside the buffer (%zu)", s,
			    e, len);
		if (collides_taken(*t, *n, s, e))
			return false;
	}
	CL_GROW(*t, *n + k, *alloc);
	for (i = 0; i < k; i++) {
		struct taken_edit *te = &(*t)[(*n)++];

		te->text = cl_diag_fix_edit(d, i, &te->start, &te->end);
		te->order = (*order)++;
	}
	/* A fix's own edits may sit between earlier ones: keep T sorted.
	 * (Few fixes a file; qsort of a nearly sorted array is cheap.) */
	qsort(*t, *n, sizeof(**t), cmp_taken);
	return true;
}

char *
cl_fix_apply(const cl_result *result, int unsafe, size_t *len, size_t *applied)
{
	size_t i, n = cl_result_count(result), ncand = 0, ntaken = 0;
	size_t talloc = 0, order = 0, pos = 0;
	struct candidate *cand = NULL;
	struct taken_edit *taken = NULL;
	struct cl_strbuf sb = CL_STRBUF_INIT;

	*applied = 0;
	*len = 0;
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		size_t s, e;

		if (!cl_diag_has_fix(d) || !cl_diag_fix_edit_count(d))
			continue;
		if (!unsafe && cl_diag_fix_applicability(d) != CL_FIX_SAFE)
			continue;
		if (!cand)
			cand = cl_calloc(n, sizeof(*cand));
		cl_diag_fix_edit(d, 0, &s, &e);
		cand[ncand].d = d;
		cand[ncand].first = s;
		cand[ncand++].index = i;
	}
	if (!ncand)
		return NULL;
	qsort(cand, ncand, sizeof(*cand), cmp_candidate);
	for (i = 0; i < ncand; i++)
		if (take_fix(&taken, &ntaken, &talloc, cand[i].d,
		             cl_diag_fix_edit_count(cand[i].d), result->len,
		             &order))
			(*applied)++;
	for (i = 0; i < ntaken; i++) {
		cl_strbuf_add(&sb, result->buf + pos, taken[i].start - pos);
		cl_strbuf_adds(&sb, taken[i].text);
		pos = taken[i].end;
	}
	cl_strbuf_add(&sb, result->buf + pos, result->len - pos);
	free(cand);
	free(taken);
	*len = sb.len;
	/* never NULL, even for an empty text */
	cl_strbuf_addch(&sb, '\0');
	return cl_strbuf_detach(&sb);
}

/* Whether the LEN bytes at BUF are well-formed XML (by our parser). */
static bool
well_formed(const char *buf, size_t len)
{
	struct cl_arena arena = CL_ARENA_INIT;
	struct cl_xml_doc doc;
	struct cl_xml_error err;
	bool ok;

	memset(&doc, 0, sizeof(doc));
	cl_xml_init();
	ok = cl_xml_parse(&arena, buf, len, &doc, &err) != NULL;
	cl_arena_release(&arena);
	return ok;
}

/* How many of R's diagnostics are of the rule ID. */
static size_t
count_rule(const cl_result *r, const char *id)
{
	size_t i, n = cl_result_count(r), k = 0;

	for (i = 0; i < n; i++)
		k +=
		    !strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))), id);
	return k;
}

int
cl_fix_result(const cl_linter *linter, cl_result **result, int unsafe,
              char **text, size_t *len, size_t *fixed, const char **why)
{
	cl_result *orig = *result, *cur = orig;
	size_t cl001 = count_rule(orig, "CL001");
	size_t cl002 = count_rule(orig, "CL002");
	size_t applied, total = 0, newlen;
	int pass, wf = -1; /* is the original well-formed: -1 not known */
	const char *reason = NULL;
	char *next;

	*text = NULL;
	*len = 0;
	*fixed = 0;
	for (pass = 0; pass < CL_FIX_MAX_PASSES; pass++) {
		cl_result *again;

		if (!(next = cl_fix_apply(cur, unsafe, &newlen, &applied)))
			break;
		/* Fixes that give back the text they had: nothing more will
		 * change. */
		if (newlen == cur->len && !memcmp(next, cur->buf, newlen)) {
			free(next);
			break;
		}
		if (wf < 0)
			wf = well_formed(orig->buf, orig->len);
		again =
		    cl_lint_memory(linter, cl_result_file(orig), next, newlen);
		free(next);
		if (wf && !well_formed(again->buf, again->len))
			reason = "the fixes would make it not well-formed XML";
		else if (count_rule(again, "CL001") > cl001)
			reason = "the fixes would add a CL001 diagnostic";
		else if (count_rule(again, "CL002") > cl002)
			reason = "the fixes would add a CL002 diagnostic";
		if (reason) {
			cl_result_free(again);
			goto undo;
		}
		if (cur != orig)
			cl_result_free(cur);
		cur = again;
		total += applied;
	}
	if (cur == orig)
		return 0;
	/* Fixes over several passes that end where the file began. */
	if (cur->len == orig->len && !memcmp(cur->buf, orig->buf, cur->len)) {
		cl_result_free(cur);
		return 0;
	}
	*text = cl_malloc(cur->len + 1);
	memcpy(*text, cur->buf, cur->len + 1);
	*len = cur->len;
	*fixed = total;
	cl_result_free(orig);
	*result = cur;
	return 0;
undo:
	if (cur != orig)
		cl_result_free(cur);
	if (why)
		*why = reason;
	return -1;
}

/* Sorts pointers to positions by offset. */
static int
cmp_pos_ptr(const void *pa, const void *pb)
{
	const struct cl_fix_pos *a = *(struct cl_fix_pos *const *)pa;
	const struct cl_fix_pos *b = *(struct cl_fix_pos *const *)pb;

	return (a->offset > b->offset) - (a->offset < b->offset);
}

struct cl_fix_pos *
cl_fix_positions(const cl_result *result, size_t **first)
{
	size_t i, j, n = cl_result_count(result), total = 0, k;
	struct cl_fix_pos *v, **order;
	const char *buf = result->buf, *p = buf, *end = buf + result->len;
	bool cr = cl_has_lone_cr(buf, result->len);
	unsigned line = 1, col = 1;

	*first = NULL;
	for (i = 0; i < n; i++)
		total += 2 * cl_diag_fix_edit_count(cl_result_diag(result, i));
	if (!total)
		return NULL;
	v = cl_calloc(total, sizeof(*v));
	order = cl_calloc(total, sizeof(*order));
	*first = cl_calloc(n, sizeof(**first));
	for (i = 0, k = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);

		(*first)[i] = k;
		for (j = 0; j < cl_diag_fix_edit_count(d); j++, k += 2) {
			cl_diag_fix_edit(d, j, &v[k].offset, &v[k + 1].offset);
			order[k] = &v[k];
			order[k + 1] = &v[k + 1];
		}
	}
	/* In offset order, counting only what lies between one offset and
	 * the next: linear in the buffer however many edits there are. */
	qsort(order, total, sizeof(*order), cmp_pos_ptr);
	for (k = 0; k < total; k++) {
		const char *target =
		    buf + (order[k]->offset > result->len ? result->len
		                                          : order[k]->offset);
		const char *nl;

		while (p < target && (nl = cl_next_line(p, target, end, cr))) {
			line++;
			col = 1;
			p = nl;
		}
		col += (unsigned)cl_utf8_count(p, (size_t)(target - p));
		p = target;
		order[k]->line = line;
		order[k]->column = col;
	}
	free(order);
	return v;
}
