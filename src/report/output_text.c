/*
 * The text format, for people:
 *
 *     shop.xml:12:30: error: grant type `client_credential` ... [CL303 wrong-grant-type]
 *       <variable key="grant_type" default="client_credential"/>
 *                                           ^~~~~~~~~~~~~~~~~
 *     shop.xml:4:7: note: first defined here
 *     ...
 *     old/shop.xml:9:5: note: removed here
 *     ...
 *     1 error, 0 warnings, 0 info in 1 file
 *
 * Columns in the location are characters, or the --column-unit
 * (cl_output_column); the marker line is the same whatever the unit.
 * A note in another file (connlint diff: the old version) is named by
 * that file and has no source line: only the diagnostic's own file is
 * at hand.
 * The source line is printed with
 * tabs expanded, unprintable characters shown as '?' and CI workflow
 * commands ("##[", a leading "::") defused with an escape, and the marker
 * line is built from the same walk over the line, cell by cell, so the
 * caret stays under the right character whatever precedes it (tabs,
 * accented letters, wide CJK characters). Very long lines (minified XML)
 * are shown as a window around the fault.
 */
#include <stdbool.h>
#include <stdint.h>

#include "output.h"
#include "result.h"
#include "text.h"

/* A line longer than this is shown as a window of at most this many
 * bytes, starting up to SNIPPET_LEAD bytes before the fault. */
#define SNIPPET_MAX 240
#define SNIPPET_LEAD 60

#define SGR_BOLD "\033[1m"
#define SGR_RED "\033[1;31m"
#define SGR_MAGENTA "\033[1;35m"
#define SGR_CYAN "\033[1;36m"
#define SGR_GREEN "\033[1;32m"
#define SGR_RESET "\033[0m"

static bool
is_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/*
 * Code points shown as '?': C1 controls (a terminal may obey them) and
 * the bidirectional controls, which would reorder the line on screen and
 * put the caret under the wrong character.
 */
static bool
cp_hidden(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

/* The byte offset of 0-based character FROM in the LEN bytes at S, with
 * characters counted as cl_utf8_count counts them; LEN when past the end. */
static size_t
char_to_byte(const char *s, size_t len, size_t from)
{
	size_t i, k = 0;

	for (i = 0; i < len; i++) {
		if (is_cont(s[i]))
			continue;
		if (k == from)
			return i;
		k++;
	}
	return len;
}

static void
add_cells(struct cl_strbuf *sb, char c, size_t n)
{
	while (n--)
		cl_strbuf_addch(sb, c);
}

/*
 * Prints source line LINE of RESULT and, under it, a caret at character
 * column COL followed by '~' up to END_COL (exclusive), or to the end of
 * the line when the range ends on a later line.
 */
static void
text_snippet(struct cl_output *out, const struct cl_result *result,
             unsigned line, unsigned col, unsigned end_line, unsigned end_col,
             unsigned byte_col)
{
	bool color = out->flags & CL_OUTPUT_COLOR;
	struct cl_strbuf src = CL_STRBUF_INIT, mark = CL_STRBUF_INIT;
	size_t len, from, to, begin = 0, stop, k, i, cells = 0;
	size_t defuse = SIZE_MAX; /* the byte shown as an escape */
	bool caret = false;
	const char *s = cl_result_line(result, line, &len);

	if (!s)
		return;
	if (len && s[len - 1] == '\r')
		len--;
	if (len == 0)
		return; /* nothing to point at (an empty file, say) */
	from = col ? col - 1 : 0;
	if (end_line > line)
		to = SIZE_MAX;
	else if (end_line == line && end_col > col)
		to = end_col - 1;
	else
		to = from; /* an empty range: the caret alone */

	stop = len;
	if (len > SNIPPET_MAX) {
		/* The byte column, where known, saves counting the line from
		 * its start for every diagnostic on it. */
		size_t at =
		    byte_col ? byte_col - 1 : char_to_byte(s, len, from);

		begin = at > SNIPPET_LEAD ? at - SNIPPET_LEAD : 0;
		while (begin > 0 && is_cont(s[begin]))
			begin--;
		if (len - begin > SNIPPET_MAX) {
			stop = begin + SNIPPET_MAX;
			while (stop > begin && is_cont(s[stop]))
				stop--;
		}
	}
	if (byte_col && begin <= byte_col - 1 && byte_col - 1 <= len)
		k = from - cl_utf8_count(s + begin, byte_col - 1 - begin);
	else
		k = cl_utf8_count(s, begin);
	if (begin > 0) {
		cl_strbuf_adds(&src, "...");
		add_cells(&mark, ' ', 3);
		cells = 3;
	}

	for (i = begin; i < stop;) {
		unsigned char c = (unsigned char)s[i];
		size_t n = 1, w = 1, idx;
		uint32_t cp;

		/* A source line "  ::error ..." or one holding "##[" is a
		 * workflow command to a CI log: one of its characters is shown
		 * as an escape (four cells, the caret follows). */
		if ((c == '#' || c == ':') && defuse != i &&
		    cl_log_command_at(s + begin, stop - begin, i - begin,
		                      begin == 0))
			defuse = c == '#' ? i + 1 : i;
		if (defuse == i) {
			cl_strbuf_adds(&src, c == '#' ? "\\x23" : "\\x3a");
			w = 4;
		} else if (c == '\t') {
			w = CL_TAB_WIDTH - cells % CL_TAB_WIDTH;
			add_cells(&src, ' ', w);
		} else if (c < 0x20 || c == 0x7f) {
			cl_strbuf_addch(&src, '?');
		} else if (c < 0x80) {
			cl_strbuf_addch(&src, (char)c);
		} else if ((n = cl_utf8_decode(s + i, stop - i, &cp)) > 0) {
			if (cp == 0xfeff) {
				w = 0; /* a byte order mark: not shown */
			} else if (cp_hidden(cp)) {
				cl_strbuf_addch(&src, '?');
			} else {
				cl_strbuf_add(&src, s + i, n);
				w = cl_cp_width(cp);
			}
		} else {
			n = 1; /* a byte that is not UTF-8 */
			cl_strbuf_addch(&src, '?');
		}

		/* The character this item belongs to, counted the way the
		 * engine counts columns: a stray continuation byte is part
		 * of the character before it. */
		if (is_cont((char)c)) {
			idx = k ? k - 1 : 0;
		} else {
			idx = k;
			k++;
		}
		if (idx < from || (w == 0 && !caret)) {
			/* before the range; a zero-width character at its
			 * start leaves the caret to the next one */
			add_cells(&mark, ' ', w);
		} else if (!caret) {
			cl_strbuf_addch(&mark, '^');
			add_cells(&mark, '~', w - 1);
			caret = true;
		} else if (idx < to) {
			add_cells(&mark, '~', w);
		}
		cells += w;
		i += n;
	}
	if (!caret) /* the range starts at the end of the line */
		cl_strbuf_addch(&mark, '^');
	if (stop < len)
		cl_strbuf_adds(&src, "...");

	fprintf(out->out, "%s\n%s%s%s\n", cl_strbuf_str(&src),
	        color ? SGR_GREEN : "", cl_strbuf_str(&mark),
	        color ? SGR_RESET : "");
	cl_strbuf_release(&src);
	cl_strbuf_release(&mark);
}

/* "file:line:col: " then the severity word (or "note") in its colour. */
static void
text_head(struct cl_output *out, const char *file, unsigned line, unsigned col,
          const char *word, const char *sgr)
{
	bool color = out->flags & CL_OUTPUT_COLOR;

	if (color)
		fputs(SGR_BOLD, out->out);
	cl_output_put_oneline(out->out, file, CL_PLAIN_LINE_START);
	fprintf(out->out, ":%u:%u:", line, col);
	if (color)
		fprintf(out->out, SGR_RESET " %s%s:" SGR_RESET " ", sgr, word);
	else
		fprintf(out->out, " %s: ", word);
}

static void
text_add(struct cl_output *out, const struct cl_result *result)
{
	static const char *const sev_sgr[] = {
		[CL_SEV_INFO] = SGR_CYAN,
		[CL_SEV_WARNING] = SGR_MAGENTA,
		[CL_SEV_ERROR] = SGR_RED,
	};
	const char *file = cl_result_file(result);
	size_t i, j, n = cl_result_count(result);

	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const cl_rule *rule = cl_diag_rule(d);
		enum cl_severity sev = cl_diag_severity(d);
		size_t nrel = cl_diag_related_count(d);

		text_head(out, file, cl_diag_line(d),
		          cl_output_column(out, result, d),
		          cl_severity_name(sev), sev_sgr[sev]);
		cl_output_put_oneline(out->out, cl_diag_message(d), 0);
		fprintf(out->out, " [%s %s]\n", cl_rule_id(rule),
		        cl_rule_slug(rule));
		text_snippet(out, result, cl_diag_line(d), cl_diag_column(d),
		             cl_diag_end_line(d), cl_diag_end_column(d),
		             cl_diag_byte_column(d));

		for (j = 0; j < nrel; j++) {
			unsigned line, col, end_line, end_col;
			const char *msg = cl_output_related(
			    d, j, &line, &col, &end_line, &end_col);

			const char *other = cl_diag_related_file(d, j);

			text_head(out, other ? other : file, line,
			          cl_output_related_column(out, result, d, j),
			          "note", SGR_BOLD);
			cl_output_put_oneline(out->out, msg, 0);
			putc('\n', out->out);
			/* Another file's source is not at hand (nor would
			 * this file's line be right): no source line. */
			if (other)
				continue;
			/* the byte column spares counting a long line from
			 * its start for every note on it */
			text_snippet(out, result, line, col, end_line, end_col,
			             cl_diag_related_byte_column(d, j));
		}
	}
}

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

void
cl_output_text_summary(struct cl_output *out)
{
	size_t e = out->counts[CL_SEV_ERROR], w = out->counts[CL_SEV_WARNING];
	size_t in = out->counts[CL_SEV_INFO];

	if (out->flags & CL_OUTPUT_QUIET)
		return;
	if (e + w + in == 0)
		fprintf(out->out, "no problems in %zu file%s", out->files,
		        plural(out->files));
	else
		fprintf(out->out,
		        "%zu error%s, %zu warning%s, %zu info in "
		        "%zu file%s",
		        e, plural(e), w, plural(w), in, out->files,
		        plural(out->files));
	/* Said even when 0, so that a log shows a baseline was in use. */
	if (out->flags & CL_OUTPUT_BASELINE)
		fprintf(out->out, " (%zu baselined)", out->baselined);
	/* --fix: the findings counted above are what remains */
	if (out->flags & CL_OUTPUT_FIX)
		fprintf(out->out, "; %zu fixed, %zu remaining", out->fixed,
		        e + w + in);
	putc('\n', out->out);
}

static void
text_finish(struct cl_output *out)
{
	cl_output_text_summary(out);
}

const struct cl_output_ops cl_output_text_ops = { text_add, text_finish, NULL };
