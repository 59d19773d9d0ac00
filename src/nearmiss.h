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

/* 1 when A and B differ but are equal once ASCII case is ignored and
 * '-', '_', '.' and spaces are dropped. */
int cl_same_folded(const char *a, const char *b);

/*
 * The candidate closest to NAME, or NULL when none is near: folded-equal
 * candidates win, then the smallest edit distance that is at most
 * max(1, strlen(NAME) / 3). A candidate equal to NAME is never returned.
 * Returns a pointer from CANDS.
 */
const char *cl_nearmiss(const char *name, const char *const *cands, size_t n);

#endif /* CL_NEARMISS_H */
