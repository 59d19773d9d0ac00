/*
 * Automatic fixes, on the rule side: a rule that can fix what it reports
 * gives the diagnostic cl_report returned a fix (cl_fix_new) and then its
 * edits (cl_fix_edit), byte ranges of the linted buffer and their
 * replacements:
 *
 *     d = cl_report(ctx, &cl_rule_CL308, span, "...");
 *     cl_fix_new(ctx, d, CL_FIX_SAFE, "replace `%s` with `%s`", v, ok);
 *     cl_fix_edit(ctx, d, span.start, span.end, ok);
 *
 * Edits are byte splices of the original buffer, so everything outside
 * them (quotes, references, comments, line endings, a BOM) stays as it
 * is. The fix belongs to the diagnostic and is freed with it. Its title
 * is masked for secrets as messages are; a fix whose replacement text
 * holds a secret is dropped when the file is done (cl_diag_sink_finish),
 * so that no output can show one through it.
 */
#ifndef CL_FIX_H
#define CL_FIX_H

#include <stdint.h>

#include "connlint.h"
#include "ctx.h"
#include "diag.h"
#include "util.h"

/*
 * Gives D (may be NULL: then nothing, as when the rule is off) a fix of
 * applicability A titled by FMT (printf-style). D must not have a fix yet,
 * and A must be one that D's rule declares in its descriptor's .fix: else
 * BUG().
 */
void
cl_fix_new(struct cl_ctx *ctx, struct cl_diag *d, enum cl_fix_applicability a,
           const char *fmt, ...) CL_PRINTF(4, 5);

/*
 * Adds to D's fix (D may be NULL: then nothing) the edit replacing source
 * bytes [START, END) with TEXT (copied; "" deletes). D must have a fix, the
 * range must lie in the buffer, and an edit that overlaps one already added
 * is a BUG(): two insertions at one offset, or an insertion strictly
 * inside a replaced range, overlap too.
 */
void cl_fix_edit(struct cl_ctx *ctx, struct cl_diag *d, uint32_t start,
                 uint32_t end, const char *text);

/* Drops D's fix (D may be NULL, or have none): an edit it needs turned out
 * not to be exact, and a diagnostic has a whole fix or none. */
void cl_fix_cancel(struct cl_diag *d);

/*
 * Adds to D's fix (D may be NULL) the removal of the bytes SPAN (an
 * element's span, a comment's): with its whole line, its indentation and
 * its line end, when nothing but blanks shares the line with it, so that
 * no blank line is left behind; on the last line of a file that does not
 * end in a line break, the line break before it goes instead.
 */
void cl_fix_remove(struct cl_ctx *ctx, struct cl_diag *d, struct cl_span span);

#endif /* CL_FIX_H */
