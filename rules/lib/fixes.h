/*
 * The edits the rules' fixes are made of (fix.h gives a diagnostic its
 * fix): a value or a part of one replaced, an attribute added in the
 * file's own style (cl_fix_remove, in fix.h, removes an element with its
 * line). Each works on the source bytes, so that everything around the
 * edit (quotes, references, comments, indentation, line endings) stays as
 * written.
 *
 * The predicates say whether an edit can be exact; a rule asks them
 * before cl_fix_new, so that a diagnostic never carries a fix without its
 * edits. Nothing here allocates memory the caller frees: edits belong to
 * the diagnostic.
 */
#ifndef CL_LIB_FIXES_H
#define CL_LIB_FIXES_H

#include <stdbool.h>
#include <stddef.h>

#include "rule.h"

/*
 * The only candidate of CANDS near NAME (cl_nearmiss), or NULL when none
 * is near or a second one would be near too: with two good guesses a fix
 * could pick the wrong one, so only a unique near miss is fixed.
 */
const char *
cl_fix_unique_nearmiss(const char *name, const char *const *cands, size_t n);

/* Whether the source bytes at SPAN are exactly TEXT: then a part of a
 * decoded value (a query key, a URL's scheme) can be replaced byte for
 * byte, with no reference or line break inside it to lose. */
bool
cl_fix_span_is(const struct cl_ctx *ctx, struct cl_span span, const char *text);

/*
 * Replaces the whole value of attribute NAME of N (which must have it)
 * with VALUE, escaped for the quote the value is written in. The title
 * is the caller's (cl_fix_new first). When the value's bytes cannot be
 * found, D's fix is dropped (cl_fix_cancel).
 */
void
cl_fix_set_attr(struct cl_ctx *ctx, struct cl_diag *d, const struct cl_node *n,
                const char *name, const char *value);

/*
 * Adds attribute NAME="VALUE" (VALUE needs no escaping) to N's start tag,
 * after its last attribute, in the quote of that attribute (else the
 * first the file uses, else '"'). When N's last attribute begins a line,
 * the new one goes on a line of its own with the same indentation and
 * the line ending the file uses there. When the last attribute's bytes
 * cannot be found, D's fix is dropped (cl_fix_cancel).
 */
void
cl_fix_add_attr(struct cl_ctx *ctx, struct cl_diag *d, const struct cl_node *n,
                const char *name, const char *value);

#endif /* CL_LIB_FIXES_H */
