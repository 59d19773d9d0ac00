/*
 * "Did you mean …": the one near-miss helper every rule uses. Two names are
 * a near miss when they are equal after folding case and separators
 * (clientId, client-id, Client_ID → client_id) or within a small edit
 * distance of each other.
 */
#ifndef CL_NEARMISS_H
#define CL_NEARMISS_H

#include <stddef.h>

/* Edit distance between A and B (bytes): insertions, deletions,
 * substitutions and swaps of adjacent characters; capped at 255. */
unsigned cl_edit_distance(const char *a, const char *b);

/* The separators cl_same_folded skips ('-', '_', '.', ' '). */
static inline int
cl_nearmiss_separator(char c)
{
	return c == '-' || c == '_' || c == '.' || c == ' ';
}

/* 1 when A and B differ but are equal once ASCII case is ignored and
 * '-', '_', '.' and spaces are dropped. */
int cl_same_folded(const char *a, const char *b);

/*
 * Edit distances one lookup computes at most: the first candidates, in
 * order, whose length is within max(1, strlen(NAME) / 3) of NAME's (no
 * other can be near). A list of more than this many names of about the
 * same length is never written by hand; with it, a file of a million
 * undefined placeholders in a scope of a million variables stays linear
 * (issue 16, B12).
 */
#define CL_NEARMISS_MAX_COMPARED 64

/*
 * The candidate closest to NAME, or NULL when none is near: folded-equal
 * candidates win (the first of them), then the smallest edit distance
 * that is at most max(1, strlen(NAME) / 3) (the first of the closest,
 * among the first CL_NEARMISS_MAX_COMPARED candidates of a near length).
 * A candidate equal to NAME is never returned, nor a NULL one. Returns a
 * pointer from CANDS.
 */
const char *cl_nearmiss(const char *name, const char *const *cands, size_t n);

/* ---- many lookups in the same lists ----
 *
 * For a rule that looks up one name per placeholder among the same few
 * lists of variables: each list is indexed once, by length and by folded
 * form, and a lookup reads only the candidates that can be near.
 */
struct cl_nearmiss_index;

/*
 * An index of the N candidates CANDS (NULL ones are never found). Copies
 * the array, not the strings, which must outlive it. Caller frees with
 * cl_nearmiss_index_free.
 */
struct cl_nearmiss_index *
cl_nearmiss_index_new(const char *const *cands, size_t n);
void cl_nearmiss_index_free(struct cl_nearmiss_index *idx);

/*
 * cl_nearmiss(NAME, …) over the candidates of IDX[0], then IDX[1], … as
 * one list: the same answer. When found, *LIST and *POS (either may be
 * NULL) say which index and which of its candidates it is.
 */
const char *
cl_nearmiss_find(const char *name, struct cl_nearmiss_index *const *idx,
                 size_t n, size_t *list, size_t *pos);

/* The position in IDX of the first candidate equal to KEY ignoring ASCII
 * case, or (size_t)-1. */
size_t cl_nearmiss_index_find_case(const struct cl_nearmiss_index *idx,
                                   const char *key);

/* Indexes kept by the address of what their candidates come from (a
 * variable list), for the time of one rule's run. */
struct cl_nearmiss_cache {
	struct cl_nearmiss_cache_slot *slots;
	size_t cap, n;
};
#define CL_NEARMISS_CACHE_INIT \
	{                      \
		NULL, 0, 0     \
	}

/* The index kept for OWNER, or NULL. */
struct cl_nearmiss_index *
cl_nearmiss_cache_get(const struct cl_nearmiss_cache *c, const void *owner);
/* Keeps IDX for OWNER; the cache owns it from now on. */
void cl_nearmiss_cache_put(struct cl_nearmiss_cache *c, const void *owner,
                           struct cl_nearmiss_index *idx);
/* Frees every index kept, and the cache's own memory. */
void cl_nearmiss_cache_release(struct cl_nearmiss_cache *c);

#endif /* CL_NEARMISS_H */
