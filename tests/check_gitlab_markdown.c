/*
 * The gitlab and markdown formats, and the github format's summary past
 * GitHub's annotation limit.
 *
 * Small in-memory documents are linted and their messages and severities
 * set through the internals in result.h (as in check_formats_ci.c), so
 * that the exact bytes are known. GitLab reports are validated with
 * python3-jsonschema against GitLab's own schema for one finding and
 * against the documented report format (tests/schemas/gitlab-*.json);
 * markdown is rendered by cmark-gfm, GitHub's Markdown library, with
 * GitHub's extensions, and the HTML it makes is checked. Both tools come
 * from Debian (scripts/ensure-deps.sh test installs them).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_run.h"
#include "connlint.h"
#include "output.h"
#include "result.h"
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/linter_fixture.h"
#include "lib/render.h"

#define PYTHON "/usr/bin/python3"
#define CMARK "cmark-gfm -e table -e autolink -e strikethrough -e tagfilter"

/* Markdown, HTML and GitHub's table syntax all in one message. */
#define MD_NASTY                                                            \
	"a | b `c` <script>alert(1)</script> *d* _e_ [f](https://x) ~~g~~ " \
	"$h$ \\| https://evil.example www.evil.example m@evil.example\nnext"

/* RESULTS (N) in FORMAT with link base LINK (or NULL), and path ERROR
 * (or NULL) unreadable after the first AFTER. Caller frees. */
static char *
render_link(enum cl_format format, cl_result **results, size_t n,
            const char *link, const char *error, size_t after)
{
	return render_linked(format, 0, link, results, n, error, after);
}

#define ASSERT_OUTPUT(got, expect)                                      \
	ck_assert_msg(!strcmp((got), (expect)),                         \
	              "output differs.\n--- expected:\n%s--- got:\n%s", \
	              (expect), (got))

/* Both found, A first. */
#define ASSERT_BEFORE(a, b)                                                   \
	do {                                                                  \
		const char *a_ = (a), *b_ = (b);                              \
		ck_assert_msg(a_ &&b_ &&a_ < b_, "%s not before %s", #a, #b); \
	} while (0)

/* Writes TEXT to a new temporary file; returns its malloc'd path. */
static char *
temp_file(const char *text)
{
	char tmpl[] = "/tmp/connlint-hB-XXXXXX";
	int fd = mkstemp(tmpl);
	FILE *f;

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	return strdup(tmpl);
}

/* Runs the shell command CMD; returns its standard output (malloc'd)
 * and sets *status to its exit status. */
static char *
shell(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char chunk[4096];
	size_t n;
	int ws;

	ck_assert_msg(p != NULL, "cannot run %s", cmd);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		cl_strbuf_add(&sb, chunk, n);
	ws = pclose(p);
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
	return sb.buf ? cl_strbuf_detach(&sb) : strdup("");
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
		n++;
	return n;
}

/* ---- gitlab ------------------------------------------------------------ */

/*
 * Validates REPORT, a GitLab Code Quality report, with python3-jsonschema:
 * each entry against GitLab's own schema, the whole against the
 * documented format, fingerprints unique; returns the number of entries.
 */
static long
gitlab_validate(const char *report)
{
	static const char script[] =
	    "import json, sys, jsonschema\n"
	    "doc = json.load(open(sys.argv[3], encoding='utf-8'))\n"
	    "one = json.load(open(sys.argv[1]))\n"
	    "whole = json.load(open(sys.argv[2]))\n"
	    "jsonschema.validate(doc, whole)\n"
	    "for e in doc:\n"
	    "    jsonschema.validate(e, one)\n"
	    "fps = [e['fingerprint'] for e in doc]\n"
	    "assert len(set(fps)) == len(fps), 'fingerprints not unique'\n"
	    "print(len(doc))\n";
	char *py = temp_file(script), *json = temp_file(report), *out;
	char cmd[1024];
	int status;
	long n;

	snprintf(cmd, sizeof(cmd),
	         PYTHON " %s tests/schemas/gitlab-codeclimate.json "
	                "tests/schemas/gitlab-codequality-report.json %s",
	         py, json);
	out = shell(cmd, &status);
	ck_assert_msg(status == 0, "not a valid report (exit %d): %s\n%.2000s",
	              status, out, report);
	n = strtol(out, NULL, 10);
	unlink(py);
	unlink(json);
	free(py);
	free(json);
	free(out);
	return n;
}

START_TEST(format_names)
{
	enum cl_format f;

	/* appended: the values of the older formats stay */
	ck_assert_int_eq(CL_FORMAT_GITHUB, 6);
	ck_assert_int_eq(CL_FORMAT_GITLAB, 7);
	ck_assert_int_eq(CL_FORMAT_MARKDOWN, 8);
	ck_assert_int_eq(cl_format_parse("gitlab", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_GITLAB);
	ck_assert_int_eq(cl_format_parse("markdown", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_MARKDOWN);
	ck_assert_str_eq(cl_format_name(CL_FORMAT_GITLAB), "gitlab");
	ck_assert_str_eq(cl_format_name(CL_FORMAT_MARKDOWN), "markdown");
}
END_TEST

START_TEST(gitlab_exact)
{
	cl_result *r[2];
	char *fp[3], *got;
	struct cl_strbuf want = CL_STRBUF_INIT;

	r[0] = lint_named("./dup.xml", doc_duplicate);
	r[1] = lint_named("dir/Café \"&\" <co>.xml", doc_unicode);
	ck_assert_uint_eq(cl_result_count(r[0]), 1);
	ck_assert_uint_eq(cl_result_count(r[1]), 2);
	set_diag(r[0], 0, CL_SEV_WARNING, "a \"q\" \\ tab\there\r\nnext");
	set_diag(r[1], 0, CL_SEV_ERROR, "undefined `{{hostt}}`");
	set_diag(r[1], 1, CL_SEV_INFO, "undefined `{{hostz}}`");
	move_diag(r[1], 1, 14, 17, 15, 3);
	fp[0] = cl_diag_fingerprint(r[0], cl_result_diag(r[0], 0));
	fp[1] = cl_diag_fingerprint(r[1], cl_result_diag(r[1], 0));
	fp[2] = cl_diag_fingerprint(r[1], cl_result_diag(r[1], 1));
	got = render_link(CL_FORMAT_GITLAB, r, 2, NULL, NULL, 0);
	cl_strbuf_addf(
	    &want,
	    "[\n"
	    "  {\"description\": \"a \\\"q\\\" \\\\ tab\\u0009here\\u000d"
	    "\\u000anext [CL006 duplicate-id]\", \"check_name\": \"CL006\", "
	    "\"fingerprint\": \"%s\", \"severity\": \"minor\", \"location\": "
	    "{\"path\": \"dup.xml\", \"lines\": {\"begin\": 17, \"end\": "
	    "17}}},\n"
	    "  {\"description\": \"undefined `{{hostt}}` [CL104 "
	    "undefined-placeholder]\", \"check_name\": \"CL104\", "
	    "\"fingerprint\": \"%s\", \"severity\": \"major\", \"location\": "
	    "{\"path\": \"dir/Café \\\"&\\\" <co>.xml\", \"lines\": "
	    "{\"begin\": 5, \"end\": 5}}},\n"
	    "  {\"description\": \"undefined `{{hostz}}` [CL104 "
	    "undefined-placeholder]\", \"check_name\": \"CL104\", "
	    "\"fingerprint\": \"%s\", \"severity\": \"info\", \"location\": "
	    "{\"path\": \"dir/Café \\\"&\\\" <co>.xml\", \"lines\": "
	    "{\"begin\": 14, \"end\": 15}}}\n"
	    "]\n",
	    fp[0], fp[1], fp[2]);
	ASSERT_OUTPUT(got, cl_strbuf_str(&want));
	ck_assert_int_eq(gitlab_validate(got), 3);
	cl_strbuf_release(&want);
	free(got);
	for (int i = 0; i < 3; i++)
		free(fp[i]);
	cl_result_free(r[0]);
	cl_result_free(r[1]);
}
END_TEST

START_TEST(gitlab_empty)
{
	char *got = render_link(CL_FORMAT_GITLAB, NULL, 0, NULL, NULL, 0);

	ASSERT_OUTPUT(got, "[]\n");
	ck_assert_int_eq(gitlab_validate(got), 0);
	free(got);
}
END_TEST

/* error is major but critical for a security rule, warning minor, info
 * info. */
START_TEST(gitlab_severities)
{
	static const char doc[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"D\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"b\" name=\"B\" type=\"basic\">\n"
	    "      <url>http://x.example/login</url>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "</connector>\n";
	cl_result *r = lint_named("s.xml", doc);
	size_t i, n = cl_result_count(r), security = 0, other = 0;
	char *got;

	for (i = 0; i < n; i++) {
		const char *id = cl_rule_id(cl_diag_rule(cl_result_diag(r, i)));

		set_diag(r, i, CL_SEV_ERROR, id);
		if (!strncmp(id, "CL5", 3))
			security++;
		else
			other++;
	}
	ck_assert_msg(security && other, "%zu security, %zu other findings",
	              security, other);
	got = render_link(CL_FORMAT_GITLAB, &r, 1, NULL, NULL, 0);
	ck_assert_uint_eq(count(got, "\"severity\": \"critical\""), security);
	ck_assert_uint_eq(count(got, "\"severity\": \"major\""), other);
	ck_assert_uint_eq(count(got, "\"description\": \"CL5"), security);
	free(got);
	set_diag(r, 0, CL_SEV_WARNING, "w");
	set_diag(r, 1, CL_SEV_INFO, "i");
	got = render_link(CL_FORMAT_GITLAB, &r, 1, NULL, NULL, 0);
	ck_assert_uint_eq(count(got, "\"severity\": \"minor\""), 1);
	ck_assert_uint_eq(count(got, "\"severity\": \"info\""), 1);
	ck_assert_int_eq(gitlab_validate(got), (long)n);
	free(got);
	cl_result_free(r);
}
END_TEST

/* GitLab keeps one finding per fingerprint: the same file twice in one
 * run (or identical findings in one file) must still give distinct
 * ones, the first keeping the SARIF/baseline fingerprint. */
START_TEST(gitlab_fingerprints_unique)
{
	static const char doc[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"D\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"b\" name=\"B\" type=\"basic\">\n"
	    "      <url>https://{{h}}/{{h}}/{{h}}</url>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "</connector>\n";
	cl_result *r[3];
	char *fp, *got, *first;
	size_t n;

	r[0] = lint_named("a.xml", doc);
	r[1] = lint_named("./a.xml", doc); /* the same file: the same URI */
	r[2] = r[0];
	n = cl_result_count(r[0]);
	ck_assert_uint_ge(n, 3);
	fp = cl_diag_fingerprint(r[0], cl_result_diag(r[0], 0));
	got = render_link(CL_FORMAT_GITLAB, r, 3, NULL, NULL, 0);
	ck_assert_int_eq(gitlab_validate(got), (long)(3 * n));
	first = strstr(got, fp);
	ck_assert_ptr_nonnull(first);
	ck_assert_msg(first[32] == '"', "the first keeps its own: %s", got);
	/* then FP-2 and FP-3, in the order written */
	{
		char *two = cl_xasprintf("\"%s-2\"", fp);
		char *three = cl_xasprintf("\"%s-3\"", fp);

		ck_assert_ptr_nonnull(strstr(got, two));
		ck_assert_ptr_nonnull(strstr(got, three));
		ASSERT_BEFORE(strstr(got, two), strstr(got, three));
		ck_assert_ptr_null(strstr(got, "-4\""));
		free(two);
		free(three);
	}
	free(got);
	free(fp);
	cl_result_free(r[0]);
	cl_result_free(r[1]);
}
END_TEST

/* An unreadable path is a blocker finding where it was met. */
START_TEST(gitlab_read_error)
{
	cl_result *r[2];
	char *got, *err, *dup, *uni;

	r[0] = lint_named("dup.xml", doc_duplicate);
	r[1] = lint_named("u.xml", doc_unicode);
	got = render_link(CL_FORMAT_GITLAB, r, 2, NULL, "./gone\".xml", 1);
	ck_assert_int_eq(gitlab_validate(got), 4);
	err = strstr(got, "{\"description\": \"connlint could not read this "
	                  "path: No such file or directory\", \"check_name\": "
	                  "\"read-error\", \"fingerprint\": \"");
	ck_assert_msg(err != NULL, "%s", got);
	ck_assert_ptr_nonnull(
	    strstr(err, "\", \"severity\": \"blocker\", \"location\": "
	                "{\"path\": \"gone\\\".xml\", \"lines\": {\"begin\": "
	                "1, \"end\": 1}}}"));
	dup = strstr(got, "\"dup.xml\"");
	uni = strstr(got, "\"u.xml\"");
	ASSERT_BEFORE(dup, err);
	ASSERT_BEFORE(err, uni);
	free(got);
	/* first and last */
	got = render_link(CL_FORMAT_GITLAB, r, 2, NULL, "x.xml", 0);
	ASSERT_BEFORE(strstr(got, "read-error"), strstr(got, "dup.xml"));
	free(got);
	got = render_link(CL_FORMAT_GITLAB, r, 2, NULL, "x.xml", 2);
	ASSERT_BEFORE(strstr(got, "u.xml"), strstr(got, "read-error"));
	ck_assert_int_eq(gitlab_validate(got), 4);
	free(got);
	got = render_link(CL_FORMAT_GITLAB, NULL, 0, NULL, "x.xml", 0);
	ck_assert_int_eq(gitlab_validate(got), 1);
	free(got);
	cl_result_free(r[0]);
	cl_result_free(r[1]);
}
END_TEST

/* The whole fixture corpus through the binary: a valid report, one entry
 * per finding of the json format, every fingerprint unique. */
START_TEST(gitlab_fixtures_valid)
{
	struct run g = RUN("--no-config", "--format", "gitlab", "fixtures");
	struct run j = RUN("--no-config", "--format", "json", "fixtures");

	ck_assert_int_eq(g.status, j.status);
	ck_assert_int_eq(gitlab_validate(g.out),
	                 (long)count(j.out, "{\"file\": "));
	ck_assert_uint_gt(count(j.out, "{\"file\": "), 50);
	run_free(&g);
	run_free(&j);
}
END_TEST

/* ---- markdown ---------------------------------------------------------- */

/* MD rendered to HTML by cmark-gfm with GitHub's extensions. Caller
 * frees. */
static char *
render_html(const char *md)
{
	char *path = temp_file(md), *html;
	char cmd[512];
	int status;

	snprintf(cmd, sizeof(cmd), CMARK " %s", path);
	html = shell(cmd, &status);
	ck_assert_msg(status == 0, "cmark-gfm failed (%d)", status);
	unlink(path);
	free(path);
	return html;
}

START_TEST(markdown_exact)
{
	cl_result *r[2];
	char *got;

	r[0] = lint_named("dup.xml", doc_duplicate);
	r[1] = lint_named("dir/Café.xml", doc_unicode);
	set_diag(r[0], 0, CL_SEV_WARNING, "id `e` | taken");
	set_diag(r[1], 0, CL_SEV_ERROR, "undefined `{{hostt}}`");
	set_diag(r[1], 1, CL_SEV_ERROR, "undefined `{{hostz}}`");
	got = render_link(CL_FORMAT_MARKDOWN, r, 2, NULL, NULL, 0);
	ASSERT_OUTPUT(
	    got,
	    "## connlint\n"
	    "\n"
	    "2 errors, 1 warning, 0 info in 2 files.\n"
	    "\n"
	    "| severity | findings |\n"
	    "|:--|--:|\n"
	    "| error | 2 |\n"
	    "| warning | 1 |\n"
	    "| info | 0 |\n"
	    "\n"
	    "| rule | findings |\n"
	    "|:--|--:|\n"
	    "| [CL006](" CONNLINT_URL "/blob/main/docs/rules/CL006.md) "
	    "duplicate-id | 1 |\n"
	    "| [CL104](" CONNLINT_URL "/blob/main/docs/rules/CL104.md) "
	    "undefined-placeholder | 2 |\n"
	    "\n"
	    "| file | line | severity | rule | message |\n"
	    "|:--|--:|:--|:--|:--|\n"
	    "| dup.xml | 17 | warning | [CL006](" CONNLINT_URL
	    "/blob/main/docs/rules/CL006.md) duplicate-id | id &#96;e&#96; "
	    "&#124; taken |\n"
	    "| dir/Café.xml | 5 | error | [CL104](" CONNLINT_URL
	    "/blob/main/docs/rules/CL104.md) undefined-placeholder | "
	    "undefined &#96;{{hostt}}&#96; |\n"
	    "| dir/Café.xml | 14 | error | [CL104](" CONNLINT_URL
	    "/blob/main/docs/rules/CL104.md) undefined-placeholder | "
	    "undefined &#96;{{hostz}}&#96; |\n");
	free(got);
	cl_result_free(r[0]);
	cl_result_free(r[1]);
}
END_TEST

START_TEST(markdown_empty)
{
	char *got = render_link(CL_FORMAT_MARKDOWN, NULL, 0, NULL, NULL, 0);

	ASSERT_OUTPUT(got, "## connlint\n\nNo problems in 0 files.\n");
	free(got);
}
END_TEST

/* A message (and a file name) full of Markdown and HTML stays text in
 * its cell, as GitHub's renderer reads it. */
START_TEST(markdown_escaping_renders)
{
	cl_result *r[2];
	char *got, *html;

	r[0] = lint_named("a|b`c`<i>x</i>*y*.xml", doc_duplicate);
	r[1] = lint_named("dup.xml", doc_duplicate);
	set_diag(r[0], 0, CL_SEV_ERROR, MD_NASTY);
	set_diag(r[1], 0, CL_SEV_INFO, "##[error]x :: y");
	got = render_link(CL_FORMAT_MARKDOWN, r, 2, NULL, NULL, 0);
	/* one line per row, nothing a CI log would obey */
	ck_assert_ptr_null(strstr(got, "##["));
	ck_assert_ptr_null(strstr(got, "\nnext"));
	html = render_html(got);
	/* 3 tables of 1 + 3, 1 + 1 and 1 + 2 rows */
	ck_assert_uint_eq(count(html, "<table>"), 3);
	ck_assert_uint_eq(count(html, "<tr>"), 4 + 2 + 3);
	/* every findings row has its 5 cells: no '|' split one */
	ck_assert_uint_eq(count(html, "<td"), 2 * 3 + 2 * 1 + 5 * 2);
	ck_assert_msg(!strstr(html, "<script") && !strstr(html, "<i>") &&
	                  !strstr(html, "<code>") && !strstr(html, "<em>") &&
	                  !strstr(html, "<del>") && !strstr(html, "<strong>") &&
	                  !strstr(html, "evil.example\">") &&
	                  !strstr(html, "mailto:"),
	              "markup from a message was rendered:\n%s", html);
	/* the text reads as it was, line break shown as \x0a */
	ck_assert_msg(strstr(html, "a | b `c` &lt;script&gt;alert(1)&lt;/"
	                           "script&gt; *d* _e_ [f](https://x) ~~g~~ "
	                           "$h$ \\| https://evil.example "
	                           "www.evil.example m@<!-- raw HTML omitted "
	                           "-->evil.example\\x0anext") != NULL,
	              "%s", html);
	ck_assert_msg(strstr(html, "<td align=\"left\">a|b`c`&lt;i&gt;x&lt;/"
	                           "i&gt;*y*.xml</td>") != NULL,
	              "%s", html);
	/* the one comment is ours, after '@' */
	ck_assert_uint_eq(count(html, "<!--"), 1);
	/* links: only the rule pages' */
	ck_assert_uint_eq(count(html, "<a href="), 1 + 2);
	free(html);
	free(got);
	cl_result_free(r[0]);
	cl_result_free(r[1]);
}
END_TEST

/* With a link base, the file cell links to BASE/PATH#LLINE. */
START_TEST(markdown_links)
{
	cl_result *r[3];
	char *got, *html;

	r[0] = lint_named("./dir/a b.xml", doc_duplicate);
	r[1] = lint_named("/abs/c.xml", doc_duplicate);
	r[2] = lint_named("d.xml", doc_duplicate);
	got = render_link(CL_FORMAT_MARKDOWN, r, 3,
	                  "https://github.com/o/r/blob/0123abc", NULL, 0);
	ck_assert_msg(strstr(got,
	                     "| [./dir/a b.xml](https://github.com/o/r/"
	                     "blob/0123abc/dir/a%20b.xml#L17) | 17 |") != NULL,
	              "%s", got);
	/* an absolute name is not under the repository: no link */
	ck_assert_msg(strstr(got, "| /abs/c.xml | 17 |") != NULL, "%s", got);
	html = render_html(got);
	ck_assert_msg(strstr(html, "<a href=\"https://github.com/o/r/blob/"
	                           "0123abc/dir/a%20b.xml#L17\">./dir/a "
	                           "b.xml</a>") != NULL,
	              "%s", html);
	free(html);
	free(got);
	/* a base ending in '/' gets no second one; characters that would
	 * end the link are encoded */
	got = render_link(CL_FORMAT_MARKDOWN, &r[2], 1,
	                  "https://h.example/x (y)/<z>/", NULL, 0);
	ck_assert_msg(strstr(got, "[d.xml](https://h.example/x%20%28y%29/"
	                          "%3Cz%3E/d.xml#L17)") != NULL,
	              "%s", got);
	html = render_html(got);
	ck_assert_msg(strstr(html, "<a href=\"https://h.example/x%20%28y%29/"
	                           "%3Cz%3E/d.xml#L17\">d.xml</a>") != NULL,
	              "%s", html);
	free(html);
	free(got);
	/* no base, no link */
	got = render_link(CL_FORMAT_MARKDOWN, &r[2], 1, NULL, NULL, 0);
	ck_assert_ptr_nonnull(strstr(got, "| d.xml | 17 |"));
	free(got);
	for (int i = 0; i < 3; i++)
		cl_result_free(r[i]);
}
END_TEST

/* Unreadable paths get a table of their own; the counts stay those of
 * the linted files. */
START_TEST(markdown_read_errors)
{
	cl_result *r = lint_named("dup.xml", doc_duplicate);
	char *got = render_link(CL_FORMAT_MARKDOWN, &r, 1, NULL, "# x*.xml", 0);
	char *html;

	ck_assert_msg(strstr(got, "\n1 path could not be read:\n\n"
	                          "| path | reason |\n|:--|:--|\n"
	                          "| # x&#42;.xml | No such file or "
	                          "directory |\n") != NULL,
	              "%s", got);
	ck_assert_ptr_nonnull(strstr(got, "0 info in 1 file.\n"));
	html = render_html(got);
	ck_assert_ptr_null(strstr(html, "<h1>"));
	ck_assert_ptr_nonnull(strstr(html, "<td align=\"left\"># x*.xml</td>"));
	free(html);
	free(got);
	cl_result_free(r);
}
END_TEST

/* The table stops at 1,000 rows, and says how many more there are. */
START_TEST(markdown_row_limit)
{
	cl_result *r = lint_named("dup.xml", doc_duplicate), *many[1003];
	char *got, *html;
	size_t i;

	for (i = 0; i < 1003; i++)
		many[i] = r;
	got = render_link(CL_FORMAT_MARKDOWN, many, 1003, NULL, NULL, 0);
	ck_assert_uint_eq(count(got, "\n| dup.xml | 17 |"), 1000);
	ck_assert_ptr_nonnull(strstr(got, "| 1003 |\n")); /* per rule */
	ck_assert_msg(strstr(got, "\n\n3 more findings not listed here") !=
	                  NULL,
	              "%.300s", got + strlen(got) - 300);
	html = render_html(got);
	ck_assert_uint_eq(count(html, "<tr>"), 4 + 2 + 1001);
	free(html);
	free(got);
	cl_result_free(r);
}
END_TEST

/* The fixture corpus through the binary and cmark-gfm: one table row per
 * finding of the json format. */
START_TEST(markdown_fixtures_render)
{
	struct run m = RUN("--no-config", "--format", "markdown", "fixtures");
	struct run j = RUN("--no-config", "--format", "json", "fixtures");
	size_t n = count(j.out, "{\"file\": "), rules = 0, i;
	char *html;

	for (i = 0; i < cl_rule_count(); i++) {
		char *needle =
		    cl_xasprintf("\"rule\": \"%s\"", cl_rule_id(cl_rule_at(i)));

		rules += strstr(j.out, needle) != NULL;
		free(needle);
	}
	ck_assert_int_eq(m.status, j.status);
	html = render_html(m.out);
	ck_assert_uint_eq(count(html, "<table>"), 3);
	ck_assert_uint_eq(count(html, "<tr>"), 4 + (1 + rules) + (1 + n));
	ck_assert_uint_eq(count(html, "<td"), 2 * 3 + 2 * rules + 5 * n);
	ck_assert_ptr_null(strstr(html, "<script"));
	free(html);
	run_free(&m);
	run_free(&j);
}
END_TEST

/* The summary line says how many findings a baseline held back. */
START_TEST(markdown_baselined)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cl_output *out =
	    cl_output_new(CL_FORMAT_MARKDOWN, f, CL_OUTPUT_BASELINE);

	cl_output_add_baselined(out, 3);
	cl_output_finish(out);
	cl_output_free(out);
	ck_assert_int_eq(fclose(f), 0);
	ASSERT_OUTPUT(buf, "## connlint\n\nNo problems in 0 files (3 "
	                   "baselined).\n");
	free(buf);
}
END_TEST

/* A secret in the file shows as its masked prefix only, in the report
 * and in what a reader sees once the Markdown is rendered (where the
 * escapes are gone, so the check is not made vacuous by them). */
START_TEST(secrets_masked)
{
	static const char doc[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"E\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"t\" name=\"T\" type=\"token\">\n"
	    "      <url>https://api.example.com/v1/me</url>\n"
	    "      <headers><param key=\"Authorization\" value=\"Bearer "
	    "sk_live_51HqLyjWDarjtT1zdp7dcXkZ\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "</connector>\n";
	cl_result *r = lint_named("s.xml", doc);
	char *gl = render_link(CL_FORMAT_GITLAB, &r, 1, NULL, NULL, 0);
	char *md = render_link(CL_FORMAT_MARKDOWN, &r, 1, NULL, NULL, 0);
	char *html = render_html(md);

	ck_assert_ptr_nonnull(strstr(gl, "`sk_l…`"));
	ck_assert_ptr_null(strstr(gl, "sk_live"));
	ck_assert_ptr_nonnull(strstr(html, "`sk_l…`"));
	ck_assert_ptr_null(strstr(html, "sk_live"));
	ck_assert_ptr_null(strstr(html, "51HqLyj"));
	free(html);
	free(md);
	free(gl);
	cl_result_free(r);
}
END_TEST

/* ---- github ------------------------------------------------------------ */

/* RESULT added N times in the github format. Caller frees. */
static char *
github_times(cl_result *result, size_t n)
{
	cl_result **many = calloc(n ? n : 1, sizeof(*many));
	char *got;
	size_t i;

	for (i = 0; i < n; i++)
		many[i] = result;
	got = render_link(CL_FORMAT_GITHUB, many, n, NULL, NULL, 0);
	free(many);
	return got;
}

static const char *
last_line(const char *s)
{
	const char *p = s + strlen(s) - 1; /* the final '\n' */

	while (p > s && p[-1] != '\n')
		p--;
	return p;
}

START_TEST(github_summary_past_the_limit)
{
	cl_result *r = lint_named("dup.xml", doc_duplicate);
	char *got;

	/* 10 of a type: all shown, nothing more */
	set_diag(r, 0, CL_SEV_ERROR, "e");
	got = github_times(r, 10);
	ck_assert_uint_eq(count(got, "::error "), 10);
	ck_assert_ptr_null(strstr(got, "::notice"));
	free(got);
	/* 11: a notice at the very end */
	got = github_times(r, 11);
	ck_assert_uint_eq(count(got, "::error "), 11);
	ck_assert_uint_eq(count(got, "::notice"), 1);
	ck_assert_str_eq(
	    last_line(got),
	    "::notice title=connlint::connlint printed 11 error, 0 warning "
	    "and 0 notice annotations; GitHub shows only the first 10 of "
	    "each type per step. Every finding is in this log, and in a "
	    "SARIF report for code scanning with --output sarif=FILE "
	    "(docs/ci.md)\n");
	free(got);
	/* warnings and notices count on their own */
	set_diag(r, 0, CL_SEV_WARNING, "w");
	got = github_times(r, 10);
	ck_assert_ptr_null(strstr(got, "::notice"));
	free(got);
	got = github_times(r, 12);
	ck_assert_ptr_nonnull(
	    strstr(last_line(got), "printed 0 error, 12 warning and 0 notice"));
	free(got);
	set_diag(r, 0, CL_SEV_INFO, "i");
	got = github_times(r, 11);
	ck_assert_uint_eq(count(got, "::notice file="), 11);
	ck_assert_ptr_nonnull(
	    strstr(last_line(got), "::notice title=connlint::connlint printed "
	                           "0 error, 0 warning and 11 notice"));
	free(got);
	cl_result_free(r);
}
END_TEST

/* Through the binary: the summary is the last line, after every
 * annotation, with the numbers printed. */
START_TEST(github_summary_cli)
{
	struct run g = RUN("--no-config", "--format", "github", "fixtures");
	char *want;

	ck_assert_uint_gt(count(g.out, "::error file="), 10);
	want = cl_xasprintf("::notice title=connlint::connlint printed %zu "
	                    "error, %zu warning and %zu notice annotations;",
	                    count(g.out, "::error file="),
	                    count(g.out, "::warning file="),
	                    count(g.out, "::notice file="));
	ck_assert_msg(!strncmp(last_line(g.out), want, strlen(want)), "%s",
	              last_line(g.out));
	ck_assert_uint_eq(count(g.out, "::notice title=connlint::"), 1);
	free(want);
	run_free(&g);
}
END_TEST

/* ---- every format, by name, where the formats are listed in prose ------ */

START_TEST(every_format_documented)
{
	struct run h = RUN("--help");
	char *man = read_all("docs/connlint.1");
	char *doc = read_all("docs/output-formats.md");
	char *readme = read_all("README.md");
	const char *help, *end;
	size_t i;

	/* the --format entry of --help, up to the next option */
	help = strstr(h.out, "  --format FORMAT");
	ck_assert_ptr_nonnull(help);
	end = strstr(help + 1, "\n  --");
	ck_assert_ptr_nonnull(end);
	for (i = 0; i < cl_format_count(); i++) {
		const char *name = cl_format_name(i);
		char *word = cl_xasprintf(" %s", name);
		char *b = cl_xasprintf(".B %s\n", name);
		char *br = cl_xasprintf(".BR %s ", name);
		char *section = cl_xasprintf("\n## %s\n", name);
		char *code = cl_xasprintf("`%s`", name);
		const char *p = strstr(help, word);

		ck_assert_msg(p && p < end, "--help: no %s under --format",
		              name);
		ck_assert_msg(strstr(man, b) || strstr(man, br),
		              "docs/connlint.1 does not name %s", name);
		ck_assert_msg(strstr(doc, section),
		              "docs/output-formats.md has no section %s", name);
		ck_assert_msg(strstr(readme, code), "README.md lacks %s", code);
		free(word);
		free(b);
		free(br);
		free(section);
		free(code);
	}
	ck_assert_ptr_nonnull(strstr(doc, "one of nine formats"));
	ck_assert_uint_eq(cl_format_count(), 9);
	free(man);
	free(doc);
	free(readme);
	run_free(&h);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("gitlab_markdown");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, format_names);
	tcase_add_test(tc, gitlab_exact);
	tcase_add_test(tc, gitlab_empty);
	tcase_add_test(tc, gitlab_severities);
	tcase_add_test(tc, gitlab_fingerprints_unique);
	tcase_add_test(tc, gitlab_read_error);
	tcase_add_test(tc, gitlab_fixtures_valid);
	tcase_add_test(tc, markdown_exact);
	tcase_add_test(tc, markdown_empty);
	tcase_add_test(tc, markdown_escaping_renders);
	tcase_add_test(tc, markdown_links);
	tcase_add_test(tc, markdown_read_errors);
	tcase_add_test(tc, markdown_row_limit);
	tcase_add_test(tc, markdown_fixtures_render);
	tcase_add_test(tc, markdown_baselined);
	tcase_add_test(tc, secrets_masked);
	tcase_add_test(tc, github_summary_past_the_limit);
	tcase_add_test(tc, github_summary_cli);
	tcase_add_test(tc, every_format_documented);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(make_suite)
