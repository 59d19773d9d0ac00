/*
 * Variables as the rules read them: effective defaults, where a key or a
 * default is written, what a key may hold, and lookups of a key in a
 * variable list (exactly is cl_var_list_find in model.h; here: ignoring
 * ASCII case and by near miss, through per-list indexes).
 *
 * Nothing here allocates memory the caller must free, except the indexes
 * kept in a caller's struct cl_nearmiss_cache, which the caller releases
 * with cl_nearmiss_cache_release. Strings returned point into the model.
 */
#ifndef CL_LIB_VARS_H
#define CL_LIB_VARS_H

#include "nearmiss.h"
#include "rule.h"

/*
 * The effective default of V: its own, else (for a <use>) the connector
 * variable's. NULL when there is none or it is empty.
 */
const char *cl_var_default(const struct cl_variable *v);

/*
 * Where V's default is written and what it says: V's own default
 * attribute, or for a <use> the connector variable's (a use has none of
 * its own). Returns the decoded default as written (possibly ""), or NULL
 * when there is no default attribute; then *SPAN is left alone. SPAN may be
 * NULL.
 */
const char *
cl_var_default_at(const struct cl_variable *v, struct cl_span *span);

/* 1 when S is NULL, empty or only blanks (space, tab, CR, LF). */
int cl_blank(const char *s);

/* The span of V's key: the key attribute, or a use's variable attribute. */
struct cl_span cl_var_key_span(const struct cl_variable *v);

/* 1 when CH may appear in a key: ASCII letters, digits, `_`, `-`, `.`. */
int cl_key_char(unsigned char ch);

/* 1 when KEY can be named by a placeholder: non-empty, key characters. */
int cl_key_valid(const char *key);

/* 1 when V is the first variable of its key in VARS: lookups find only
 * the first, and a later one is CL107's to report. */
int
cl_var_is_first(const struct cl_var_list *vars, const struct cl_variable *v);

/*
 * The near-miss index of VARS' keys (an empty key is never a candidate),
 * built on first use and kept in CACHE (owned by the caller, who releases
 * it when the rule is done; the index belongs to CACHE). Looking a key up
 * by scanning every variable made a file of many placeholders and many
 * variables quadratic (issue 16, B12).
 */
struct cl_nearmiss_index *cl_var_key_index(struct cl_nearmiss_cache *cache,
                                           const struct cl_var_list *vars);

/* The first variable of VARS whose key is KEY ignoring ASCII case, or
 * NULL; CACHE as for cl_var_key_index. */
const struct cl_variable *
cl_var_find_case(struct cl_nearmiss_cache *cache,
                 const struct cl_var_list *vars, const char *key);

/*
 * 1 when no two of N items are the same, for the duplicate rules (CL006,
 * CL007, CL107), which then have nothing to report and skip their sort.
 * HASH(ARG, I) hashes the I-th item; SAME(ARG, I, J) is 1 when the I-th
 * and J-th items are the same (then their hashes are equal); an item that
 * is never a duplicate (an empty key) may answer 0 always. Returns 0 when
 * two items are the same, and also when their hashes collide too often to
 * tell cheaply (crafted keys): the caller then sorts as before, which
 * finds the duplicates in n log n. Allocates nothing the caller frees.
 */
int cl_all_different(size_t n, size_t (*hash)(const void *arg, size_t i),
                     int (*same)(const void *arg, size_t i, size_t j),
                     const void *arg);

/* A hash of the string S for cl_all_different: equal strings hash the
 * same. Read eight bytes at a time (ids and keys are hashed for every
 * connector), so cheaper than cl_str_hash on all but the shortest. */
size_t cl_words_hash(const char *s);

/*
 * cl_all_different for N items of STRIDE bytes from ITEMS whose `const
 * char *` at OFFSET is what must differ (an id, a key); an empty string
 * is never a duplicate (a missing id or key is CL002's to report).
 */
int cl_all_different_strings(const void *items, size_t n, size_t stride,
                             size_t offset);

#endif /* CL_LIB_VARS_H */
