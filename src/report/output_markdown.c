/*
 * The markdown format: a summary for a person, in a pull request comment
 * or a GitHub Actions job summary ($GITHUB_STEP_SUMMARY): the counts per
 * severity and per rule, then one table row per finding:
 *
 *     | file | line | severity | rule | message |
 *     |:--|--:|:--|:--|:--|
 *     | [shop.xml](BASE/shop.xml#L12) | 12 | error | [CL303](...) wrong-grant-type | grant&#95;type ... |
 *
 * The counts come first, so the rows are rendered into a buffer as files
 * are added and written at finish. Text from a file (names, messages) is
 * made one inert line first (cl_plain_add), then every character that
 * means something to GitHub's Markdown (GFM: tables, emphasis, code,
 * links and autolinks, strikethrough, math) or to HTML is written as a
 * character reference, so that no message can end a cell, open a code
 * span, make a link or bring in HTML: renderers show the reference as
 * the character itself. '@' is followed by an empty HTML comment instead
 * (see md_add_text).
 * With out->link_base, the file cell links to BASE + PATH + "#LLINE", the
 * GitHub blob convention. The table stops at MD_MAX_ROWS rows or
 * MD_MAX_TABLE bytes, well under the 1 MiB GitHub takes in a job summary;
 * a line then says how many findings are left out.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "catalogue.h"
#include "output.h"
#include "result.h"

#define MD_MAX_ROWS 1000
#define MD_MAX_TABLE (512 * 1024)

struct md_state {
	struct cl_strbuf rows; /* rendered table rows */
	size_t nrows;
	size_t left_out;  /* findings past the limits, or dropped */
	size_t *per_rule; /* findings per rule slot, zeroed */
	size_t nper_rule;
	struct cl_strbuf link; /* scratch: a row's link */
};

static struct md_state *
md_state(struct cl_output *out)
{
	if (!out->state) {
		struct md_state *st = cl_calloc(1, sizeof(*st));

		st->rows = (struct cl_strbuf)CL_STRBUF_INIT;
		st->link = (struct cl_strbuf)CL_STRBUF_INIT;
		out->state = st;
	}
	return out->state;
}

/* Appends S as Markdown text on one line: see the top of the file. */
static void
md_add_text(struct cl_strbuf *sb, const char *s)
{
	struct cl_strbuf plain = CL_STRBUF_INIT;
	const char *p;

	cl_plain_add(&plain, s, 0);
	for (p = cl_strbuf_str(&plain); *p; p++) {
		/* GFM links "www.x" by itself: its dot is a reference. */
		if (*p == '.' && p - plain.buf >= 3 &&
		    cl_ascii_tolower(p[-3]) == 'w' &&
		    cl_ascii_tolower(p[-2]) == 'w' &&
		    cl_ascii_tolower(p[-1]) == 'w') {
			cl_strbuf_adds(sb, "&#46;");
			continue;
		}
		switch (*p) {
		case '&':
			cl_strbuf_adds(sb, "&amp;");
			break;
		case '<':
			cl_strbuf_adds(sb, "&lt;");
			break;
		case '>':
			cl_strbuf_adds(sb, "&gt;");
			break;
		case '@':
			/* GFM links "a@b.example" after references are
			 * decoded; an (invisible) comment splits it, and
			 * what GitHub would read as an @mention. */
			cl_strbuf_adds(sb, "@<!-- -->");
			break;
		case '|': /* a cell's end, even inside a code span */
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '~':
		case '$': /* GitHub's math */
		case ':': /* "https:" would link by itself */
			cl_strbuf_addf(sb, "&#%d;", *p);
			break;
		default:
			cl_strbuf_addch(sb, *p);
		}
	}
	cl_strbuf_release(&plain);
}

/* Appends the link BASE + PATH + "#LLINE" for a relative PATH (an
 * absolute one has no place under a repository's URL: returns false).
 * Bytes of BASE that could end the link or are not URL characters are
 * percent-encoded; PATH is a URI reference already. */
static bool
md_link(struct cl_strbuf *sb, const char *base, const char *path, unsigned line)
{
	struct cl_strbuf uri = CL_STRBUF_INIT;
	const char *p;
	bool relative = cl_path_to_uri(&uri, path);

	if (relative) {
		for (p = base; *p; p++) {
			unsigned char c = (unsigned char)*p;

			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') ||
			    strchr("-._~:/?#@!$+,;=%", c))
				cl_strbuf_addch(sb, (char)c);
			else
				cl_strbuf_addf(sb, "%%%02X", c);
		}
		if (!*base || base[strlen(base) - 1] != '/')
			cl_strbuf_addch(sb, '/');
		cl_strbuf_addf(sb, "%s#L%u", cl_strbuf_str(&uri), line);
	}
	cl_strbuf_release(&uri);
	return relative;
}

/* The rule's ID, linked to its page when it has one, and its slug. */
static void
md_add_rule(struct cl_strbuf *sb, const cl_rule *rule)
{
	char *url = cl_rule_doc_url(rule);

	if (url)
		cl_strbuf_addf(sb, "[%s](%s) ", cl_rule_id(rule), url);
	else
		cl_strbuf_addf(sb, "%s ", cl_rule_id(rule));
	md_add_text(sb, cl_rule_slug(rule));
	free(url);
}

static void
md_add(struct cl_output *out, const struct cl_result *result)
{
	struct md_state *st = md_state(out);
	struct cl_strbuf *sb = &st->rows;
	const char *file = cl_result_file(result);
	size_t i, n = cl_result_count(result);

	st->left_out += cl_result_dropped(result);
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const cl_rule *rule = cl_diag_rule(d);

		size_t slot = cl_output_rule_slot(out, rule);

		if (slot >= st->nper_rule) {
			size_t old = st->nper_rule;

			CL_GROW(st->per_rule, slot + 1, st->nper_rule);
			memset(st->per_rule + old, 0,
			       (st->nper_rule - old) * sizeof(*st->per_rule));
		}
		st->per_rule[slot]++;
		if (st->nrows >= MD_MAX_ROWS || sb->len >= MD_MAX_TABLE) {
			st->left_out++;
			continue;
		}
		cl_strbuf_adds(sb, "| ");
		cl_strbuf_reset(&st->link);
		if (out->link_base &&
		    md_link(&st->link, out->link_base, file, cl_diag_line(d))) {
			cl_strbuf_addch(sb, '[');
			md_add_text(sb, file);
			cl_strbuf_addf(sb, "](%s)", cl_strbuf_str(&st->link));
		} else {
			md_add_text(sb, file);
		}
		cl_strbuf_addf(sb, " | %u | %s | ", cl_diag_line(d),
		               cl_severity_name(cl_diag_severity(d)));
		md_add_rule(sb, rule);
		cl_strbuf_adds(sb, " | ");
		md_add_text(sb, cl_diag_message(d));
		cl_strbuf_adds(sb, " |\n");
		st->nrows++;
	}
}

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static void
md_finish(struct cl_output *out)
{
	struct md_state *st = md_state(out);
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t e = out->counts[CL_SEV_ERROR], w = out->counts[CL_SEV_WARNING];
	size_t in = out->counts[CL_SEV_INFO], i;

	cl_strbuf_adds(&sb, "## connlint\n\n");
	if (e + w + in == 0)
		cl_strbuf_addf(&sb, "No problems in %zu file%s", out->files,
		               plural(out->files));
	else
		cl_strbuf_addf(&sb,
		               "%zu error%s, %zu warning%s, %zu info in %zu "
		               "file%s",
		               e, plural(e), w, plural(w), in, out->files,
		               plural(out->files));
	if (out->flags & CL_OUTPUT_BASELINE)
		cl_strbuf_addf(&sb, " (%zu baselined)", out->baselined);
	cl_strbuf_adds(&sb, ".\n");
	if (e + w + in) {
		cl_strbuf_addf(&sb,
		               "\n| severity | findings |\n|:--|--:|\n"
		               "| error | %zu |\n| warning | %zu |\n"
		               "| info | %zu |\n",
		               e, w, in);
		cl_strbuf_adds(&sb, "\n| rule | findings |\n|:--|--:|\n");
		for (i = 0; i < st->nper_rule; i++) {
			if (!st->per_rule[i])
				continue;
			cl_strbuf_adds(&sb, "| ");
			md_add_rule(&sb, cl_output_rule_at(out, i));
			cl_strbuf_addf(&sb, " | %zu |\n", st->per_rule[i]);
		}
	}
	if (st->nrows)
		cl_strbuf_adds(&sb, "\n| file | line | severity | rule | "
		                    "message |\n|:--|--:|:--|:--|:--|\n");
	fputs(cl_strbuf_str(&sb), out->out);
	fputs(cl_strbuf_str(&st->rows), out->out);
	cl_strbuf_reset(&sb);
	if (st->left_out)
		cl_strbuf_addf(&sb,
		               "\n%zu more finding%s not listed here; every "
		               "finding is in the other formats (`--output "
		               "sarif=FILE`).\n",
		               st->left_out, plural(st->left_out));
	if (out->nerrors) {
		/* A table rather than a list: no path can start a block
		 * there (a "# x" list item would be a heading). */
		cl_strbuf_addf(&sb,
		               "\n%zu path%s could not be read:\n\n"
		               "| path | reason |\n|:--|:--|\n",
		               out->nerrors, plural(out->nerrors));
		for (i = 0; i < out->nerrors; i++) {
			cl_strbuf_adds(&sb, "| ");
			md_add_text(&sb, out->errors[i].path);
			cl_strbuf_adds(&sb, " | ");
			md_add_text(&sb, out->errors[i].reason);
			cl_strbuf_adds(&sb, " |\n");
		}
	}
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
}

static void
md_release(struct cl_output *out)
{
	struct md_state *st = out->state;

	if (!st)
		return;
	cl_strbuf_release(&st->rows);
	cl_strbuf_release(&st->link);
	free(st->per_rule);
	free(st);
	out->state = NULL;
}

const struct cl_output_ops cl_output_markdown_ops = {
	.add = md_add,
	.finish = md_finish,
	.release = md_release,
};
