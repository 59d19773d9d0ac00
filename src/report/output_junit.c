/*
 * The junit format: JUnit XML as CI servers read test reports (Jenkins,
 * GitLab, Azure Pipelines, ...). Each diagnostic is a test case of its
 * own, failed; a file without diagnostics is one passed test case; a path
 * that could not be read is a test case in error:
 *
 *     <testsuites name="connlint" tests="3" failures="1" errors="1">
 *       <testsuite name="connlint" tests="3" failures="1" errors="1">
 *         <testcase classname="clean.xml" name="clean.xml" file="clean.xml"/>
 *         <testcase classname="shop.xml" name="CL303 shop.xml:12:63" file="shop.xml" line="12">
 *           <failure message="..." type="CL303">shop.xml:12:63: error: ... [CL303 wrong-grant-type]</failure>
 *         </testcase>
 *         <testcase classname="gone.xml" name="gone.xml" file="gone.xml">
 *           <error message="No such file or directory" type="read-error">gone.xml: No such file or directory</error>
 *         </testcase>
 *       </testsuite>
 *     </testsuites>
 *
 * One test case per diagnostic because CI views show one failure per
 * test case (Jenkins shows only the first of several), and so that
 * tests, failures and errors count the elements there are. Names are
 * unique (GitLab keeps only the first of two test cases of one name): the
 * rule ID and the position. The counts come first, so the test cases are
 * rendered into a buffer as files are added and written at finish. No
 * time attributes: the output is the same on every run.
 */
#include <stdlib.h>

#include "output.h"
#include "result.h"

struct junit_state {
	struct cl_strbuf cases; /* rendered test cases of linted files */
	size_t *ends;           /* where each file's test cases end in it */
	size_t nends, ends_alloc;
	size_t ncases;  /* test cases in cases */
	size_t nfailed; /* of them, failed: one per diagnostic */
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

/* `<testcase classname="FILE" name="` for the file FILE: its test cases
 * are grouped by file in every view, the file path read by GitLab. */
static void
junit_case(struct cl_strbuf *sb, const char *file)
{
	cl_strbuf_adds(sb, "    <testcase classname=\"");
	cl_xml_add_escaped(sb, file, true);
	cl_strbuf_adds(sb, "\" name=\"");
}

/* `" file="FILE"` and the end of the start tag (of the whole element
 * when EMPTY). */
static void
junit_case_file(struct cl_strbuf *sb, const char *file, bool empty)
{
	cl_strbuf_adds(sb, "\" file=\"");
	cl_xml_add_escaped(sb, file, true);
	cl_strbuf_adds(sb, empty ? "\"/>\n" : "\">\n");
}

/* One failed test case: diagnostic D of FILE. */
static void
junit_failure(struct cl_strbuf *sb, const char *file, const cl_diag *d)
{
	const cl_rule *rule = cl_diag_rule(d);
	size_t j, nrel = cl_diag_related_count(d);

	junit_case(sb, file);
	cl_xml_add_escaped(sb, cl_rule_id(rule), true);
	cl_strbuf_addch(sb, ' ');
	cl_xml_add_escaped(sb, file, true);
	cl_strbuf_addf(sb, ":%u:%u\" file=\"", cl_diag_line(d),
	               cl_diag_column(d));
	cl_xml_add_escaped(sb, file, true);
	cl_strbuf_addf(sb, "\" line=\"%u\">\n      <failure message=\"",
	               cl_diag_line(d));
	cl_xml_add_escaped(sb, cl_diag_message(d), true);
	cl_strbuf_adds(sb, "\" type=\"");
	cl_xml_add_escaped(sb, cl_rule_id(rule), true);
	cl_strbuf_adds(sb, "\">");
	junit_line(sb, file, cl_diag_line(d), cl_diag_column(d),
	           cl_severity_name(cl_diag_severity(d)), cl_diag_message(d));
	cl_strbuf_addf(sb, " [%s %s]", cl_rule_id(rule), cl_rule_slug(rule));
	for (j = 0; j < nrel; j++) {
		unsigned line, col, end_line, end_col;
		const char *msg =
		    cl_output_related(d, j, &line, &col, &end_line, &end_col);

		const char *other = cl_diag_related_file(d, j);

		cl_strbuf_addch(sb, '\n');
		junit_line(sb, other ? other : file, line, col, "note", msg);
	}
	cl_strbuf_adds(sb, "</failure>\n    </testcase>\n");
}

static void
junit_add(struct cl_output *out, const struct cl_result *result)
{
	struct junit_state *st = junit_state(out);
	struct cl_strbuf *sb = &st->cases;
	const char *file = cl_result_file(result);
	size_t i, n = cl_result_count(result);

	if (!n) {
		/* passed: named by the file, which is unique */
		junit_case(sb, file);
		cl_xml_add_escaped(sb, file, true);
		junit_case_file(sb, file, true);
		st->ncases++;
	}
	for (i = 0; i < n; i++)
		junit_failure(sb, file, cl_result_diag(result, i));
	st->ncases += n;
	st->nfailed += n;
	CL_GROW(st->ends, st->nends + 1, st->ends_alloc);
	st->ends[st->nends++] = sb->len;
}

static void
junit_error(struct cl_strbuf *sb, const struct cl_output_error *e)
{
	junit_case(sb, e->path);
	cl_xml_add_escaped(sb, e->path, true);
	junit_case_file(sb, e->path, false);
	cl_strbuf_adds(sb, "      <error message=\"");
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
	size_t tests = st->ncases + out->nerrors, k, e = 0, from = 0;
	char counts[96];

	snprintf(counts, sizeof(counts),
	         "tests=\"%zu\" failures=\"%zu\" errors=\"%zu\"", tests,
	         st->nfailed, out->nerrors);
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
