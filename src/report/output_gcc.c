/*
 * The gcc format: exactly one line per diagnostic,
 *
 *     file:line:col: severity: message [CL303]
 *
 * with COL the 1-based byte column, as gcc (before 11) and clang print it
 * and Vim's quickfix reads it; --column-unit picks another unit
 * (cl_output_column), e.g. display cells for Emacs' compilation mode.
 * No source lines, no notes, no summary: anything else would be parsed as
 * a diagnostic too.
 */
#include "output.h"
#include "result.h"

static void
gcc_add(struct cl_output *out, const struct cl_result *result)
{
	const char *file = cl_result_file(result);
	size_t i, n = cl_result_count(result);

	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);

		cl_output_put_oneline(out->out, file, CL_PLAIN_LINE_START);
		fprintf(out->out, ":%u:%u: %s: ", cl_diag_line(d),
		        cl_output_column(out, result, d),
		        cl_severity_name(cl_diag_severity(d)));
		cl_output_put_oneline(out->out, cl_diag_message(d), 0);
		fprintf(out->out, " [%s]\n", cl_rule_id(cl_diag_rule(d)));
	}
}

static void
gcc_finish(struct cl_output *out)
{
	(void)out;
}

const struct cl_output_ops cl_output_gcc_ops = { gcc_add, gcc_finish, NULL };
