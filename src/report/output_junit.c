/*
 * The junit format: JUnit XML as CI servers read test reports (Jenkins,
 * GitLab, Azure Pipelines, ...). Each linted file is a test case, passed
 * when it has no diagnostic; each diagnostic is a <failure> in it; a path
 * that could not be read is a test case with an <error>:
 *
 *     <testsuites name="connlint" tests="2" failures="1" errors="0">
 *       <testsuite name="connlint" tests="2" failures="1" errors="0">
 *         <testcase classname="connlint" name="clean.xml"></testcase>
 *         <testcase classname="connlint" name="shop.xml">
 *           <failure message="..." type="CL303">shop.xml:12:63: error: ... [CL303 wrong-grant-type]</failure>
 *         </testcase>
 *       </testsuite>
 *     </testsuites>
 *
 * tests counts test cases, failures the test cases with at least one
 * failure and errors those in error, as JUnit counts them (not the
 * diagnostics). The counts come first, so the test cases are rendered
 * into a buffer as files are added and written at finish. No time
 * attributes: the output is the same on every run.
 */
#include <stdlib.h>

#include "output.h"
#include "result.h"

struct junit_state {
	struct cl_strbuf cases; /* rendered test cases of linted files */
	size_t *ends;           /* where each file's test case ends in it */
	size_t nends, ends_alloc;
	size_t failed; /* test cases with a failure */
};

static struct junit_state *
junit_state(struct cl_output *out)
{
	if (!out->state) {
		struct junit_state *st = cl_calloc(1, sizeof(*st));

		st->cases = (struct cl_strbuf)CL_STRBUF_INIT;
		out->state = st;
	}
	return out->state;
}

/* `FILE:LINE:COLUMN: WORD: MESSAGE`, escaped as element text. */
static void
junit_line(struct cl_strbuf *sb, const char *file, unsigned line, unsigned col,
           const char *word, const char *msg)
{
	cl_xml_add_escaped(sb, file, false);
	cl_strbuf_addf(sb, ":%u:%u: %s: ", line, col, word);
	cl_xml_add_escaped(sb, msg, false);
}

static void
junit_add(struct cl_output *out, const struct cl_result *result)
{
	struct junit_state *st = junit_state(out);
	struct cl_strbuf *sb = &st->cases;
	const char *file = cl_result_file(result);
	size_t i, j, n = cl_result_count(result);

	cl_strbuf_adds(sb, "    <testcase classname=\"connlint\" name=\"");
	cl_xml_add_escaped(sb, file, true);
	cl_strbuf_adds(sb, "\">");
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const cl_rule *rule = cl_diag_rule(d);
		size_t nrel = cl_diag_related_count(d);

		cl_strbuf_adds(sb, "\n      <failure message=\"");
		cl_xml_add_escaped(sb, cl_diag_message(d), true);
		cl_strbuf_adds(sb, "\" type=\"");
		cl_xml_add_escaped(sb, cl_rule_id(rule), true);
		cl_strbuf_adds(sb, "\">");
		junit_line(sb, file, cl_diag_line(d), cl_diag_column(d),
		           cl_severity_name(cl_diag_severity(d)),
		           cl_diag_message(d));
		cl_strbuf_addf(sb, " [%s %s]", cl_rule_id(rule),
		               cl_rule_slug(rule));
		for (j = 0; j < nrel; j++) {
			unsigned line, col, end_line, end_col;
			const char *msg = cl_output_related(
			    d, j, &line, &col, &end_line, &end_col);

			cl_strbuf_addch(sb, '\n');
			junit_line(sb, file, line, col, "note", msg);
		}
		cl_strbuf_adds(sb, "</failure>");
	}
	cl_strbuf_adds(sb, n ? "\n    </testcase>\n" : "</testcase>\n");
	if (n)
		st->failed++;
	CL_GROW(st->ends, st->nends + 1, st->ends_alloc);
	st->ends[st->nends++] = sb->len;
}

static void
junit_error(struct cl_strbuf *sb, const struct cl_output_error *e)
{
	cl_strbuf_adds(sb, "    <testcase classname=\"connlint\" name=\"");
	cl_xml_add_escaped(sb, e->path, true);
	cl_strbuf_adds(sb, "\">\n      <error message=\"");
	cl_xml_add_escaped(sb, e->reason, true);
	cl_strbuf_adds(sb, "\" type=\"read-error\">");
	cl_xml_add_escaped(sb, e->path, false);
	cl_strbuf_adds(sb, ": ");
	cl_xml_add_escaped(sb, e->reason, false);
	cl_strbuf_adds(sb, "</error>\n    </testcase>\n");
}

static void
junit_finish(struct cl_output *out)
{
	struct junit_state *st = junit_state(out);
	struct cl_strbuf errs = CL_STRBUF_INIT;
	size_t tests = out->files + out->nerrors, k, e = 0, from = 0;
	char counts[96];

	snprintf(counts, sizeof(counts),
	         "tests=\"%zu\" failures=\"%zu\" errors=\"%zu\"", tests,
	         st->failed, out->nerrors);
	fprintf(out->out,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<testsuites name=\"connlint\" %s>\n"
	        "  <testsuite name=\"connlint\" %s>\n",
	        counts, counts);
	/* The unreadable paths go where they were met among the files. */
	for (k = 0; k <= st->nends; k++) {
		for (; e < out->nerrors && out->errors[e].before <= k; e++) {
			cl_strbuf_reset(&errs);
			junit_error(&errs, &out->errors[e]);
			fputs(cl_strbuf_str(&errs), out->out);
		}
		if (k < st->nends) {
			fwrite(cl_strbuf_str(&st->cases) + from, 1,
			       st->ends[k] - from, out->out);
			from = st->ends[k];
		}
	}
	fputs("  </testsuite>\n</testsuites>\n", out->out);
	cl_strbuf_release(&errs);
}

static void
junit_release(struct cl_output *out)
{
	struct junit_state *st = out->state;

	if (!st)
		return;
	cl_strbuf_release(&st->cases);
	free(st->ends);
	free(st);
	out->state = NULL;
}

const struct cl_output_ops cl_output_junit_ops = {
	.add = junit_add,
	.finish = junit_finish,
	.release = junit_release,
};
