/*
 * A unified diff of two texts, as `diff -u` writes it and patch(1) reads
 * it (POSIX diff, "Unified format"), for --diff.
 */
#ifndef CL_UDIFF_H
#define CL_UDIFF_H

#include <stddef.h>

/* Lines of context around each change, as diff -u. */
#define CL_UDIFF_CONTEXT 3

/*
 * The diff that turns the ALEN bytes at A into the BLEN bytes at B, shown
 * as the file NAME: "--- a/NAME" and "+++ b/NAME", then the hunks with
 * CL_UDIFF_CONTEXT lines of context ("\ No newline at end of file" after
 * a last line without one). Lines end at '\n', as for patch. The line diff
 * is Myers's (shortest edit script); when the texts differ in too many
 * lines for that to stay cheap, the part between their common first and
 * last lines is one change (larger, still exact). "" when A and B are the
 * same. Malloc'd; caller frees with free().
 */
char *cl_udiff(const char *name, const char *a, size_t alen, const char *b,
               size_t blen);

#endif /* CL_UDIFF_H */
