/*
 * The github format: GitHub Actions workflow commands, one line per
 * diagnostic, which the runner turns into annotations on the pull request
 * and the run summary:
 *
 *     ::error file=shop.xml,line=12,col=63,endLine=12,endColumn=81,title=CL303 wrong-grant-type::grant_type ...
 *
 * warning becomes ::warning and info ::notice. Escaping follows the
 * runner's parser (actions/toolkit, packages/core/src/command.ts):
 * properties escape % \r \n : , as %25 %0D %0A %3A %2C, the message
 * escapes % \r \n. Every other control character, the bidirectional
 * controls and "##[" are shown as escapes first (cl_plain_add), as in the
 * gcc format, because the line ends up in a log a terminal may show and
 * the runner would obey a "##[" command anywhere in it.
 * Columns are characters (or the --column-unit: cl_output_column), the
 * end column exclusive (as in every connlint
 * format); a range over several lines gives line and endLine only,
 * because the runner ignores columns then. Related locations follow the
 * message as extra lines ("FILE:LINE:COLUMN: note: ..."), which the
 * annotation shows; FILE is the related location's own (another one in
 * connlint diff: the old version).
 * GitHub shows 10 annotations of each type (error, warning, notice) per
 * step and drops the rest silently (actions/toolkit,
 * docs/problem-matchers.md), so when more of a type were printed, one
 * ::notice at the end says how many and where all of them are; otherwise
 * nothing else is printed.
 */
#include <stdlib.h>

#include "output.h"
#include "result.h"

/* Annotations of one type GitHub shows per step. */
#define GITHUB_SHOWN 10

/* Annotations printed, per enum cl_severity. */
struct github_state {
	size_t printed[3];
};

static void
github_escape(struct cl_strbuf *sb, const char *s, bool property)
{
	struct cl_strbuf plain = CL_STRBUF_INIT;
	const char *p;

	/* Controls, bidirectional controls and "##[" made inert first
	 * (line breaks are kept for the %0D and %0A below). */
	cl_plain_add(&plain, s, CL_PLAIN_KEEP_BREAKS);
	for (p = plain.buf ? plain.buf : ""; *p; p++) {
		if (*p == '%')
			cl_strbuf_adds(sb, "%25");
		else if (*p == '\r')
			cl_strbuf_adds(sb, "%0D");
		else if (*p == '\n')
			cl_strbuf_adds(sb, "%0A");
		else if (*p == ':' && property)
			cl_strbuf_adds(sb, "%3A");
		else if (*p == ',' && property)
			cl_strbuf_adds(sb, "%2C");
		else
			cl_strbuf_addch(sb, *p);
	}
	cl_strbuf_release(&plain);
}

static const char *
github_command(enum cl_severity sev)
{
	/* the runner has no "info" */
	return sev == CL_SEV_ERROR     ? "error"
	       : sev == CL_SEV_WARNING ? "warning"
	                               : "notice";
}

static void
github_add(struct cl_output *out, const struct cl_result *result)
{
	struct cl_strbuf sb = CL_STRBUF_INIT, msg = CL_STRBUF_INIT;
	const char *file = cl_result_file(result);
	size_t i, j, n = cl_result_count(result);
	struct github_state *st = out->state;

	if (!st)
		st = out->state = cl_calloc(1, sizeof(*st));
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const cl_rule *rule = cl_diag_rule(d);
		size_t nrel = cl_diag_related_count(d);
		char *title;

		st->printed[cl_diag_severity(d)]++;
		cl_strbuf_addf(
		    &sb, "::%s file=", github_command(cl_diag_severity(d)));
		github_escape(&sb, file, true);
		if (cl_diag_line(d) == cl_diag_end_line(d))
			cl_strbuf_addf(&sb,
			               ",line=%u,col=%u,endLine=%u,"
			               "endColumn=%u",
			               cl_diag_line(d),
			               cl_output_column(out, result, d),
			               cl_diag_end_line(d),
			               cl_output_end_column(out, result, d));
		else
			cl_strbuf_addf(&sb, ",line=%u,endLine=%u",
			               cl_diag_line(d), cl_diag_end_line(d));
		title =
		    cl_xasprintf("%s %s", cl_rule_id(rule), cl_rule_slug(rule));
		cl_strbuf_adds(&sb, ",title=");
		github_escape(&sb, title, true);
		free(title);
		cl_strbuf_adds(&sb, "::");

		cl_strbuf_reset(&msg);
		cl_strbuf_adds(&msg, cl_diag_message(d));
		for (j = 0; j < nrel; j++) {
			unsigned line, col, end_line, end_col;
			const char *note = cl_output_related(
			    d, j, &line, &col, &end_line, &end_col);

			const char *other = cl_diag_related_file(d, j);

			cl_strbuf_addf(
			    &msg, "\n%s:%u:%u: note: %s", other ? other : file,
			    line, cl_output_related_column(out, result, d, j),
			    note);
		}
		github_escape(&sb, cl_strbuf_str(&msg), false);
		cl_strbuf_addch(&sb, '\n');
	}
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
	cl_strbuf_release(&msg);
}

static void
github_finish(struct cl_output *out)
{
	struct github_state *st = out->state;
	size_t *p = st ? st->printed : NULL;

	if (!p || (p[CL_SEV_ERROR] <= GITHUB_SHOWN &&
	           p[CL_SEV_WARNING] <= GITHUB_SHOWN &&
	           p[CL_SEV_INFO] <= GITHUB_SHOWN))
		return;
	/* Plain words only: nothing in it needs the runner's escapes. */
	fprintf(out->out,
	        "::notice title=connlint::connlint printed %zu error, %zu "
	        "warning and %zu notice annotations; GitHub shows only the "
	        "first %d of each type per step. Every finding is in this "
	        "log, and in a SARIF report for code scanning with --output "
	        "sarif=FILE (docs/ci.md)\n",
	        p[CL_SEV_ERROR], p[CL_SEV_WARNING], p[CL_SEV_INFO],
	        GITHUB_SHOWN);
}

static void
github_release(struct cl_output *out)
{
	free(out->state);
	out->state = NULL;
}

const struct cl_output_ops cl_output_github_ops = {
	.add = github_add,
	.finish = github_finish,
	.release = github_release,
};
