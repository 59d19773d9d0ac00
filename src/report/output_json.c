/*
 * The json format: one document for the whole run (see
 * docs/output-formats.md for the schema). "files_checked" comes before
 * "diagnostics", so the diagnostics are rendered into a buffer as each
 * file is added and written out at finish; they are few, and the results
 * themselves are still freed file by file.
 *
 * The paths that could not be read come after the diagnostics, as
 * "errors", only when there are some.
 *
 * Every string is valid JSON whatever its bytes: control characters are
 * escaped as \u00XX and bytes that are not valid UTF-8 (possible in file
 * names) are replaced by U+FFFD, written as \ufffd.
 */
#include <stdlib.h>
#include <string.h>

#include "fixapply.h"
#include "output.h"
#include "result.h"

struct json_state {
	struct cl_strbuf diags; /* rendered diagnostics, comma-separated */
	size_t ndiags;
};

static struct json_state *
json_state(struct cl_output *out)
{
	if (!out->state) {
		struct json_state *st = cl_calloc(1, sizeof(*st));

		st->diags = (struct cl_strbuf)CL_STRBUF_INIT;
		out->state = st;
	}
	return out->state;
}

/*
 * ", "fix": {...}" of D, when it has a fix: its title, "safe" or
 * "unsafe", and its edits, each with the position of its range (as a
 * diagnostic's: lines and character columns, the end exclusive), its byte
 * range in the file as read ("byte_start", "byte_end": zero-based, the
 * end exclusive) and the text that replaces it ("content", "" to delete).
 */
static void
json_fix(struct cl_strbuf *sb, const cl_diag *d, const struct cl_fix_pos *pos)
{
	size_t j, n = cl_diag_fix_edit_count(d);

	if (!cl_diag_has_fix(d))
		return;
	cl_strbuf_adds(sb, ", \"fix\": {\"title\": ");
	cl_json_add_string(sb, cl_diag_fix_title(d));
	cl_strbuf_addf(sb, ", \"applicability\": \"%s\", \"edits\": [",
	               cl_diag_fix_applicability(d) == CL_FIX_SAFE ? "safe"
	                                                           : "unsafe");
	for (j = 0; j < n; j++) {
		size_t start, end;
		const char *text = cl_diag_fix_edit(d, j, &start, &end);

		cl_strbuf_addf(sb,
		               "%s{\"line\": %u, \"column\": %u, "
		               "\"end_line\": %u, \"end_column\": %u, "
		               "\"byte_start\": %zu, \"byte_end\": %zu, "
		               "\"content\": ",
		               j ? ", " : "", pos[2 * j].line,
		               pos[2 * j].column, pos[2 * j + 1].line,
		               pos[2 * j + 1].column, start, end);
		cl_json_add_string(sb, text);
		cl_strbuf_addch(sb, '}');
	}
	cl_strbuf_adds(sb, "]}");
}

static void
json_add(struct cl_output *out, const struct cl_result *result)
{
	struct json_state *st = json_state(out);
	struct cl_strbuf *sb = &st->diags;
	size_t i, j, n = cl_result_count(result), *first = NULL;
	struct cl_fix_pos *pos = cl_fix_positions(result, &first);

	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const cl_rule *rule = cl_diag_rule(d);
		size_t nrel = cl_diag_related_count(d);

		cl_strbuf_adds(sb, st->ndiags ? ",\n    " : "\n    ");
		cl_strbuf_adds(sb, "{\"file\": ");
		cl_json_add_string(sb, cl_result_file(result));
		cl_strbuf_addf(sb,
		               ", \"line\": %u, \"column\": %u, "
		               "\"end_line\": %u, \"end_column\": %u, "
		               "\"severity\": \"%s\", \"rule\": ",
		               cl_diag_line(d), cl_diag_column(d),
		               cl_diag_end_line(d), cl_diag_end_column(d),
		               cl_severity_name(cl_diag_severity(d)));
		cl_json_add_string(sb, cl_rule_id(rule));
		cl_strbuf_adds(sb, ", \"name\": ");
		cl_json_add_string(sb, cl_rule_slug(rule));
		cl_strbuf_adds(sb, ", \"message\": ");
		cl_json_add_string(sb, cl_diag_message(d));
		if (nrel) {
			cl_strbuf_adds(sb, ", \"related\": [");
			for (j = 0; j < nrel; j++) {
				unsigned line, col, end_line, end_col;
				const char *msg = cl_output_related(
				    d, j, &line, &col, &end_line, &end_col);
				const char *other = cl_diag_related_file(d, j);

				cl_strbuf_adds(sb, j ? ", {" : "{");
				/* only for another file (connlint diff) */
				if (other) {
					cl_strbuf_adds(sb, "\"file\": ");
					cl_json_add_string(sb, other);
					cl_strbuf_adds(sb, ", ");
				}
				cl_strbuf_addf(
				    sb,
				    "\"line\": %u, "
				    "\"column\": %u, \"end_line\": %u, "
				    "\"end_column\": %u, \"message\": ",
				    line, col, end_line, end_col);
				cl_json_add_string(sb, msg);
				cl_strbuf_addch(sb, '}');
			}
			cl_strbuf_addch(sb, ']');
		}
		if (pos)
			json_fix(sb, d, pos + first[i]);
		cl_strbuf_addch(sb, '}');
		st->ndiags++;
	}
	free(pos);
	free(first);
}

static void
json_finish(struct cl_output *out)
{
	struct json_state *st = json_state(out);
	struct cl_strbuf head = CL_STRBUF_INIT;
	size_t i;

	/* The version goes through the escaper too, to keep every string
	 * in the document produced one way. */
	cl_strbuf_adds(&head, "{\n  \"tool\": {\"name\": \"connlint\", "
	                      "\"version\": ");
	cl_json_add_string(&head, cl_version());
	cl_strbuf_addf(&head,
	               "},\n  \"files_checked\": %zu,\n"
	               "  \"diagnostics\": [",
	               out->files);
	fputs(cl_strbuf_str(&head), out->out);
	fputs(cl_strbuf_str(&st->diags), out->out);
	fputs(st->ndiags ? "\n  ],\n" : "],\n", out->out);
	/* Only when a path could not be read, so that the documents of
	 * runs that read everything stay as they were. */
	if (out->nerrors) {
		cl_strbuf_reset(&head);
		cl_strbuf_adds(&head, "  \"errors\": [");
		for (i = 0; i < out->nerrors; i++) {
			cl_strbuf_adds(&head, i ? ",\n    {\"path\": "
			                        : "\n    {\"path\": ");
			cl_json_add_string(&head, out->errors[i].path);
			cl_strbuf_adds(&head, ", \"message\": ");
			cl_json_add_string(&head, out->errors[i].reason);
			cl_strbuf_addch(&head, '}');
		}
		cl_strbuf_adds(&head, "\n  ],\n");
		fputs(cl_strbuf_str(&head), out->out);
	}
	fprintf(out->out,
	        "  \"summary\": {\"error\": %zu, "
	        "\"warning\": %zu, \"info\": %zu",
	        out->counts[CL_SEV_ERROR], out->counts[CL_SEV_WARNING],
	        out->counts[CL_SEV_INFO]);
	/* Only with a baseline, so that documents without one stay as
	 * they were. */
	if (out->flags & CL_OUTPUT_BASELINE)
		fprintf(out->out, ", \"baselined\": %zu", out->baselined);
	/* Only with --fix: "remaining" is the sum of the counts above. */
	if (out->flags & CL_OUTPUT_FIX)
		fprintf(out->out, ", \"fixed\": %zu, \"remaining\": %zu",
		        out->fixed,
		        out->counts[CL_SEV_ERROR] +
		            out->counts[CL_SEV_WARNING] +
		            out->counts[CL_SEV_INFO]);
	fputs("}\n}\n", out->out);
	cl_strbuf_release(&head);
}

static void
json_release(struct cl_output *out)
{
	struct json_state *st = out->state;

	if (!st)
		return;
	cl_strbuf_release(&st->diags);
	free(st);
	out->state = NULL;
}

const struct cl_output_ops cl_output_json_ops = { json_add, json_finish,
	                                          json_release };
