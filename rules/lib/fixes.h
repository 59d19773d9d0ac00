/*
 * The edits the rules' fixes are made of (fix.h gives a diagnostic its
 * fix): a value or a part of one replaced, an attribute added in the
 * file's own style, an element added as a line of its own among its
 * siblings or in a new parent placed in the documented order
 * (cl_fix_remove, in fix.h, removes an element with its line). Each
 * works on the source bytes, so that everything around the
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

/*
 * Where a new child element of PARENT goes as a line of its own after
 * its last child element, when that can be exact: the last child starts
 * its line after blanks only (its indentation, which the new line takes)
 * and nothing but blanks or comments follows it on the line where it
 * ends, before a line end (which the new line takes). Returns false when
 * PARENT has no child element or the layout is otherwise.
 */
bool cl_fix_can_append(const struct cl_ctx *ctx, const struct cl_node *parent);

/*
 * Inserts ELEMENT (markup that needs no escaping) as a new line after
 * PARENT's last child element, as cl_fix_can_append describes; D's fix is
 * dropped (cl_fix_cancel) when cl_fix_can_append says no.
 */
void cl_fix_append(struct cl_ctx *ctx, struct cl_diag *d,
                   const struct cl_node *parent, const char *element);

/*
 * Like cl_fix_can_append and cl_fix_append for a new sibling element as a
 * line of its own right after child element N (not necessarily the last
 * of its parent), indented as N.
 */
bool cl_fix_can_insert_after(const struct cl_ctx *ctx, const struct cl_node *n);
void cl_fix_insert_after(struct cl_ctx *ctx, struct cl_diag *d,
                         const struct cl_node *n, const char *element);

/*
 * Whether a missing child NAME of PARENT can be created exactly in the
 * documented order ORDER (N names; NAME among them): every child element
 * of PARENT is named in ORDER, in that order, none is NAME, and some
 * child comes before NAME. The new element then goes as lines of their
 * own after the last child that comes before it (as cl_fix_can_append
 * needs of a last child), indented as that child, with that line's line
 * end; its own child one step deeper, the step being what PARENT's
 * children are indented past PARENT (whose start tag must begin its line
 * after blanks only).
 */
bool
cl_fix_can_insert_child(const struct cl_ctx *ctx, const struct cl_node *parent,
                        const char *const *order, size_t n, const char *name);

/*
 * Creates child NAME of PARENT holding the one element CHILD (markup that
 * needs no escaping), as cl_fix_can_insert_child describes:
 *
 *     <NAME>
 *       CHILD
 *     </NAME>
 *
 * D's fix is dropped (cl_fix_cancel) when cl_fix_can_insert_child says no.
 */
void cl_fix_insert_child(struct cl_ctx *ctx, struct cl_diag *d,
                         const struct cl_node *parent, const char *const *order,
                         size_t n, const char *name, const char *child);

/* The quote character to write a new attribute of an element near N in:
 * that of N's first attribute, else the file's first, else '"'. */
char cl_fix_quote(const struct cl_ctx *ctx, const struct cl_node *n);

#endif /* CL_LIB_FIXES_H */
