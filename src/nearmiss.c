/*
 * "Did you mean …": near-miss detection for keys, ids and enumeration
 * values. Two kinds of near miss matter in connector definitions: the same
 * word written in another case or separator style (clientId, client-id,
 * Client_ID for client_id), which the platform treats as a different key,
 * and plain typos, which a small edit distance catches.
 */
#include <string.h>

#include "nearmiss.h"

#define CL_DISTANCE_CAP 255u

/*
 * Optimal string alignment distance: Levenshtein plus the swap of two
 * adjacent characters as one edit (`hots` for `host` is one typo, not
 * two). Three rows of the matrix are enough. Names longer than the cap are
 * compared only up to it: beyond that the distance is "far" anyway and
 * the rows stay on the stack.
 */
unsigned cl_edit_distance(const char *a, const char *b)
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
			unsigned del = prev[j] + 1;
			unsigned ins = cur[j - 1] + 1;
			unsigned sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			unsigned best = del < ins ? del : ins;

			best = best < sub ? best : sub;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > CL_DISTANCE_CAP ? CL_DISTANCE_CAP : prev[lb];
}

static int is_separator(char c)
{
	return c == '-' || c == '_' || c == '.' || c == ' ';
}

static char fold(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Walks both strings in step, skipping separators, so nothing is copied. */
static int folded_equal(const char *a, const char *b)
{
	for (;;) {
		while (is_separator(*a))
			a++;
		while (is_separator(*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (fold(*a) != fold(*b))
			return 0;
		a++;
		b++;
	}
}

int cl_same_folded(const char *a, const char *b)
{
	return strcmp(a, b) != 0 && folded_equal(a, b);
}

const char *cl_nearmiss(const char *name, const char *const *cands, size_t n)
{
	const char *best = NULL;
	unsigned best_dist = CL_DISTANCE_CAP + 1, limit;
	size_t i, len = strlen(name);

	if (!*name)
		return NULL;
	limit = len / 3 > 1 ? (unsigned)(len / 3) : 1;

	for (i = 0; i < n; i++) {
		if (!cands[i] || !strcmp(cands[i], name))
			continue;
		if (folded_equal(cands[i], name))
			return cands[i];
	}
	for (i = 0; i < n; i++) {
		unsigned d;

		if (!cands[i] || !*cands[i] || !strcmp(cands[i], name))
			continue;
		d = cl_edit_distance(name, cands[i]);
		if (d <= limit && d < best_dist) {
			best = cands[i];
			best_dist = d;
		}
	}
	return best;
}
