/*
 * Helpers of the fix applier for the output formats (fixapply.c); the
 * applier itself is public (cl_fix_apply, cl_fix_result in connlint.h).
 */
#ifndef CL_FIXAPPLY_H
#define CL_FIXAPPLY_H

#include <stddef.h>

#include "connlint.h"

/* A byte offset of a result's buffer and its position. */
struct cl_fix_pos {
	size_t offset;
	unsigned line, column; /* 1-based; the column in characters */
};

/*
 * The edits' positions of every fix of RESULT, as the diagnostics'
 * positions are counted (a lone CR ends a line too), in one walk over the
 * buffer: for diagnostic I's edit J, *START and *END of the returned
 * array at index (*FIRST)[I] + 2 * J and + 1. Sets *FIRST (malloc'd,
 * one per diagnostic). Caller frees both with free(); NULL when no
 * diagnostic has a fix.
 */
struct cl_fix_pos *cl_fix_positions(const cl_result *result, size_t **first);

#endif /* CL_FIXAPPLY_H */
