/* Suppression comments placed for one finding (the language server's
 * "Disable RULE for this element"), as --add-suppressions places them. */
#ifndef CL_ADDSUPP_H
#define CL_ADDSUPP_H

#include <stddef.h>

#include "connlint.h"

/*
 * The insertion that suppresses diagnostic D of RESULT: the comment
 * <!-- connlint-disable-next-line RULE REASON --> on a line of its own
 * above D's element (indented as it), or inline before it when something
 * precedes the element on its line. Returns 0 and sets *AT (the byte
 * offset to insert at) and *TEXT (malloc'd, caller frees with free()), or
 * -1 when no comment can cover D (see cl_add_suppressions). REASON must
 * pass cl_suppression_reason_check.
 */
int cl_suppression_insert(const cl_result *result, const cl_diag *d,
                          const char *reason, size_t *at, char **text);

#endif /* CL_ADDSUPP_H */
