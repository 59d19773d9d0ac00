/*
 * Helpers shared by the output suites: render results into a memory
 * stream, and move a diagnostic through the internals in result.h. Every
 * function is static and may go unused.
 */
#ifndef CL_TESTS_LIB_RENDER_H
#define CL_TESTS_LIB_RENDER_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "connlint.h"
#include "output.h"
#include "result.h"

#ifndef CL_TEST_HELPER
#define CL_TEST_HELPER __attribute__((unused))
#endif

/* What the output of RESULTS (N of them) in FORMAT with FLAGS and link
 * base LINK (NULL: none) is, with path ERROR (if not NULL) reported
 * unreadable after the first AFTER results. Caller frees. */
static CL_TEST_HELPER char *
render_linked(enum cl_format format, unsigned flags, const char *link,
              cl_result **results, size_t n, const char *error, size_t after)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);
	cl_output *out;

	ck_assert_ptr_nonnull(f);
	out = cl_output_new(format, f, flags);
	cl_output_set_link_base(out, link);
	for (i = 0; i <= n; i++) {
		if (error && i == after)
			cl_output_add_error(out, error,
			                    "No such file or directory");
		if (i < n)
			cl_output_add(out, results[i]);
	}
	cl_output_finish(out);
	cl_output_free(out);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

/* render_linked without a link base. Caller frees. */
static CL_TEST_HELPER char *
render_results(enum cl_format format, unsigned flags, cl_result **results,
               size_t n, const char *error, size_t after)
{
	return render_linked(format, flags, NULL, results, n, error, after);
}

/* Sets diagnostic I's severity and message (through the internals). */
static CL_TEST_HELPER void
set_diag(cl_result *r, size_t i, enum cl_severity sev, const char *message)
{
	struct cl_diag *d = &r->sink.items[i];

	ck_assert_uint_lt(i, r->sink.n);
	d->severity = sev;
	free(d->message);
	d->message = cl_strdup(message);
}

/* Moves diagnostic I of R to LINE:COL-END_LINE:END_COL. */
static CL_TEST_HELPER void
move_diag(cl_result *r, size_t i, unsigned line, unsigned col,
          unsigned end_line, unsigned end_col)
{
	struct cl_diag *d = &r->sink.items[i];

	d->pos.line = line;
	d->pos.column = col;
	d->pos.end_line = end_line;
	d->pos.end_column = end_col;
}

#endif /* CL_TESTS_LIB_RENDER_H */
