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
 * Written as each file is added. The format has one position per error:
 * related locations are left out (the text and sarif formats have them).
 */
#include <stdlib.h>

#include "output.h"
#include "result.h"

struct checkstyle_state {
	bool started;
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

static void
checkstyle_add(struct cl_output *out, const struct cl_result *result)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, n = cl_result_count(result);

	checkstyle_start(out);
	cl_strbuf_adds(&sb, "  <file name=\"");
	cl_xml_add_escaped(&sb, cl_result_file(result), true);
	cl_strbuf_adds(&sb, n ? "\">\n" : "\"/>\n");
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);

		/* Checkstyle's own severity names match ours. */
		cl_strbuf_addf(&sb,
		               "    <error line=\"%u\" column=\"%u\" "
		               "severity=\"%s\" message=\"",
		               cl_diag_line(d), cl_diag_column(d),
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
