/*
 * The checkstyle format: the XML report Checkstyle writes, which Jenkins'
 * Warnings NG, reviewdog and many CI dashboards read:
 *
 *     <?xml version="1.0" encoding="UTF-8"?>
 *     <checkstyle version="4.3">
 *       <file name="shop.xml">
 *         <error line="12" column="63" severity="error" message="..." source="connlint.CL303"/>
 *       </file>
 *     </checkstyle>
 *
 * Every linted file gets a <file> element, with or without errors, as
 * Checkstyle does, so a consumer can tell "clean" from "not checked".
 * A path that could not be read is a <file> with one <error> of source
 * connlint.read-error, where it was met among the files.
 * Written as each file is added. The format has one position per error:
 * related locations are left out (the text and sarif formats have them).
 */
#include <stdlib.h>

#include "output.h"
#include "result.h"

struct checkstyle_state {
	bool started;
	size_t nerrors; /* of out->errors, written */
};

static void
checkstyle_start(struct cl_output *out)
{
	struct checkstyle_state *st = out->state;

	if (!st) {
		st = cl_calloc(1, sizeof(*st));
		out->state = st;
	}
	if (!st->started) {
		/* 4.3 is the version every consumer accepts: they check
		 * the root element, not the number. */
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<checkstyle version=\"4.3\">\n",
		      out->out);
		st->started = true;
	}
}

/*
 * The paths that could not be read and were met before the first FILES
 * files: each a <file> with one file-level <error> (line 0, as Checkstyle
 * writes one), so that a consumer sees the path was not checked.
 */
static void
checkstyle_errors(struct cl_output *out, size_t files)
{
	struct checkstyle_state *st = out->state;
	struct cl_strbuf sb = CL_STRBUF_INIT;

	for (; st->nerrors < out->nerrors &&
	       out->errors[st->nerrors].before < files;
	     st->nerrors++) {
		const struct cl_output_error *e = &out->errors[st->nerrors];

		cl_strbuf_adds(&sb, "  <file name=\"");
		cl_xml_add_escaped(&sb, e->path, true);
		cl_strbuf_adds(&sb, "\">\n    <error line=\"0\" "
		                    "severity=\"error\" message=\"");
		cl_xml_add_escaped(&sb, e->reason, true);
		cl_strbuf_adds(&sb, "\" source=\"connlint.read-error\"/>\n"
		                    "  </file>\n");
	}
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
}

static void
checkstyle_add(struct cl_output *out, const struct cl_result *result)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, n = cl_result_count(result);

	checkstyle_start(out);
	/* out->files counts this file already */
	checkstyle_errors(out, out->files);
	cl_strbuf_adds(&sb, "  <file name=\"");
	cl_xml_add_escaped(&sb, cl_result_file(result), true);
	cl_strbuf_adds(&sb, n ? "\">\n" : "\"/>\n");
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);

		/* Checkstyle's own severity names match ours. */
		cl_strbuf_addf(&sb,
		               "    <error line=\"%u\" column=\"%u\" "
		               "severity=\"%s\" message=\"",
		               cl_diag_line(d),
		               cl_output_column(out, result, d),
		               cl_severity_name(cl_diag_severity(d)));
		cl_xml_add_escaped(&sb, cl_diag_message(d), true);
		cl_strbuf_adds(&sb, "\" source=\"connlint.");
		cl_xml_add_escaped(&sb, cl_rule_id(cl_diag_rule(d)), true);
		cl_strbuf_adds(&sb, "\"/>\n");
	}
	if (n)
		cl_strbuf_adds(&sb, "  </file>\n");
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
}

static void
checkstyle_finish(struct cl_output *out)
{
	checkstyle_start(out);
	checkstyle_errors(out, (size_t)-1);
	fputs("</checkstyle>\n", out->out);
}

static void
checkstyle_release(struct cl_output *out)
{
	free(out->state);
	out->state = NULL;
}

const struct cl_output_ops cl_output_checkstyle_ops = {
	.add = checkstyle_add,
	.finish = checkstyle_finish,
	.release = checkstyle_release,
};
