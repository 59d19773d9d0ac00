/*
 * The output formats: lint small in-memory documents, render them into a
 * memory stream and compare the exact bytes. Messages come from the rules,
 * so most expectations splice in cl_diag_message(); everything around the
 * message (positions, columns, carets, escaping, layout) is literal.
 *
 * The caret corner cases (ranges over several lines, past the end of the
 * line, tabs and wide characters inside the range, very long lines) move
 * a real diagnostic's position through the internals in result.h, since no
 * rule is guaranteed to produce each of them.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "result.h"
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/linter_fixture.h"
#include "lib/render.h"

/* Not well-formed: one CL001. */
static const char doc_broken[] = "<connector format=\"1\"\n";

/* Renders RESULTS (N of them) in FORMAT; caller frees. */
static char *
render(enum cl_format format, unsigned flags, cl_result **results, size_t n)
{
	return render_results(format, flags, results, n, NULL, 0);
}

static char *
render1(enum cl_format format, unsigned flags, cl_result *r)
{
	return render(format, flags, &r, 1);
}

/* A malloc'd formatted string. */
static char *
fmt(const char *f, ...)
{
	va_list ap;
	char *s = NULL;
	FILE *m;
	size_t len;

	m = open_memstream(&s, &len);
	ck_assert_ptr_nonnull(m);
	va_start(ap, f);
	vfprintf(m, f, ap);
	va_end(ap);
	fclose(m);
	return s;
}

static const char *
msg(const cl_result *r, size_t i)
{
	ck_assert_uint_gt(cl_result_count(r), i);
	return cl_diag_message(cl_result_diag(r, i));
}

#define ASSERT_OUTPUT(got, expect)                                      \
	ck_assert_msg(!strcmp((got), (expect)),                         \
	              "output differs.\n--- expected:\n%s--- got:\n%s", \
	              (expect), (got))

/* ASSERT_OUTPUT, then frees both strings. */
#define ASSERT_OUTPUT_FREE(got, expect)         \
	do {                                    \
		ASSERT_OUTPUT((got), (expect)); \
		free(got);                      \
		free(expect);                   \
	} while (0)

START_TEST(format_parse)
{
	enum cl_format f = CL_FORMAT_TEXT;

	ck_assert_int_eq(cl_format_parse("gcc", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_GCC);
	ck_assert_int_eq(cl_format_parse("json", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_JSON);
	ck_assert_int_eq(cl_format_parse("text", &f), 0);
	ck_assert_int_eq(f, CL_FORMAT_TEXT);
	ck_assert_int_eq(cl_format_parse("JSON", &f), -1);
	ck_assert_int_eq(cl_format_parse("", &f), -1);
}
END_TEST

START_TEST(text_caret_after_non_ascii_and_tab)
{
	cl_result *r = lint_named("uni.xml", doc_unicode);
	char *got, *expect;

	ck_assert_uint_eq(cl_result_count(r), 2);
	got = render1(CL_FORMAT_TEXT, 0, r);
	expect = fmt("uni.xml:5:32: error: %s [CL104 undefined-placeholder]\n"
	             "      <url>https://bü基.example/{{hostt}}/login</url>\n"
	             "                                ^~~~~~~~~\n"
	             "uni.xml:14:17: error: %s [CL104 undefined-placeholder]\n"
	             "        <url>https://x/{{hostz}}</url>\n"
	             "                       ^~~~~~~~~\n"
	             "2 errors, 0 warnings, 0 info in 1 file\n",
	             msg(r, 0), msg(r, 1));
	ASSERT_OUTPUT_FREE(got, expect);
	cl_result_free(r);
}
END_TEST

START_TEST(gcc_bytes_json_characters)
{
	cl_result *r = lint_named("uni.xml", doc_unicode);
	char *got, *expect;

	got = render1(CL_FORMAT_GCC, 0, r);
	/* `ü` and `基` add 1 + 2 bytes: character column 32 is byte 35. */
	expect = fmt("uni.xml:5:35: error: %s [CL104]\n"
	             "uni.xml:14:17: error: %s [CL104]\n",
	             msg(r, 0), msg(r, 1));
	ASSERT_OUTPUT_FREE(got, expect);

	got = render1(CL_FORMAT_JSON, 0, r);
	expect = fmt(
	    "{\n"
	    "  \"tool\": {\"name\": \"connlint\", \"version\": \"0.1.0\"},\n"
	    "  \"files_checked\": 1,\n"
	    "  \"diagnostics\": [\n"
	    "    {\"file\": \"uni.xml\", \"line\": 5, \"column\": 32, "
	    "\"end_line\": 5, \"end_column\": 41, \"severity\": \"error\", "
	    "\"rule\": \"CL104\", \"name\": \"undefined-placeholder\", "
	    "\"message\": \"%s\"},\n"
	    "    {\"file\": \"uni.xml\", \"line\": 14, \"column\": 17, "
	    "\"end_line\": 14, \"end_column\": 26, \"severity\": \"error\", "
	    "\"rule\": \"CL104\", \"name\": \"undefined-placeholder\", "
	    "\"message\": \"%s\"}\n"
	    "  ],\n"
	    "  \"summary\": {\"error\": 2, \"warning\": 0, \"info\": 0}\n"
	    "}\n",
	    msg(r, 0), msg(r, 1));
	ASSERT_OUTPUT_FREE(got, expect);
	cl_result_free(r);
}
END_TEST

START_TEST(json_escapes_strings)
{
	/* quote, backslash, newline, a control character, invalid UTF-8
	 * (0xff, and a truncated sequence) and valid UTF-8 */
	cl_result *r = lint_named("a\"b\\c\nd\x01"
	                          "e\xff"
	                          "f\xc3.é\x7f.xml",
	                          doc_broken);
	char *got = render1(CL_FORMAT_JSON, 0, r);

	ck_assert_uint_eq(cl_result_count(r), 1);
	ck_assert_msg(strstr(got, "{\"file\": \"a\\\"b\\\\c\\u000ad\\u0001"
	                          "e\\ufffdf\\ufffd.é\\u007f.xml\", ") != NULL,
	              "%s", got);
	free(got);
	cl_result_free(r);
}
END_TEST

START_TEST(json_escapes_messages)
{
	/* An unknown attribute named with quotes would not be XML; a
	 * message quoting a decoded value can carry a backslash and a
	 * quote, though. Build the message check from what the rule said. */
	static const char doc[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"x\">\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"b\" name=\"B\" type=\"basic\">\n"
	    "      <url>https://x/{{a\\&quot;b}}</url>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "</connector>\n";
	cl_result *r = lint_named("m.xml", doc);
	char *got = render1(CL_FORMAT_JSON, 0, r);
	struct cl_strbuf want = CL_STRBUF_INIT;
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const char *p;

		cl_strbuf_reset(&want);
		cl_strbuf_adds(&want, "\"message\": \"");
		for (p = msg(r, i); *p; p++) {
			if (*p == '"' || *p == '\\')
				cl_strbuf_addch(&want, '\\');
			cl_strbuf_addch(&want, *p);
		}
		cl_strbuf_adds(&want, "\"");
		ck_assert_msg(strstr(got, cl_strbuf_str(&want)) != NULL,
		              "%s not in\n%s", cl_strbuf_str(&want), got);
	}
	cl_strbuf_release(&want);
	free(got);
	cl_result_free(r);
}
END_TEST

START_TEST(json_empty_run)
{
	char *got = render(CL_FORMAT_JSON, 0, NULL, 0);

	ASSERT_OUTPUT(
	    got,
	    "{\n"
	    "  \"tool\": {\"name\": \"connlint\", \"version\": \"0.1.0\"},\n"
	    "  \"files_checked\": 0,\n"
	    "  \"diagnostics\": [],\n"
	    "  \"summary\": {\"error\": 0, \"warning\": 0, \"info\": 0}\n"
	    "}\n");
	free(got);
}
END_TEST

/* A path that could not be read: in "errors", after the diagnostics,
 * in the order met; the rest of the document as without it. */
START_TEST(json_unreadable_paths)
{
	cl_result *r = lint_named("dup.xml", doc_duplicate);
	char *buf = NULL, *expect;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cl_output *out;

	ck_assert_ptr_nonnull(f);
	out = cl_output_new(CL_FORMAT_JSON, f, 0);
	cl_output_add_error(out, "gone \"1\".xml", "No such file or directory");
	cl_output_add(out, r);
	cl_output_add_error(out, "d/x.xml", "Not a directory");
	cl_output_finish(out);
	cl_output_free(out);
	ck_assert_int_eq(fclose(f), 0);
	expect = fmt(
	    "{\n"
	    "  \"tool\": {\"name\": \"connlint\", \"version\": \"" CONNLINT_VERSION
	    "\"},\n"
	    "  \"files_checked\": 1,\n"
	    "  \"diagnostics\": [\n"
	    "    {\"file\": \"dup.xml\", \"line\": 17, \"column\": 19, "
	    "\"end_line\": 17, \"end_column\": 20, \"severity\": \"error\", "
	    "\"rule\": \"CL006\", \"name\": \"duplicate-id\", "
	    "\"message\": \"%s\", \"related\": [{\"line\": 13, "
	    "\"column\": 19, \"end_line\": 13, \"end_column\": 20, "
	    "\"message\": \"%s\"}]}\n"
	    "  ],\n"
	    "  \"errors\": [\n"
	    "    {\"path\": \"gone \\\"1\\\".xml\", \"message\": \"No such file or "
	    "directory\"},\n"
	    "    {\"path\": \"d/x.xml\", \"message\": \"Not a directory\"}\n"
	    "  ],\n"
	    "  \"summary\": {\"error\": 1, \"warning\": 0, \"info\": 0}\n"
	    "}\n",
	    msg(r, 0),
	    cl_diag_related(cl_result_diag(r, 0), 0, &(unsigned){ 0 },
	                    &(unsigned){ 0 }, &(unsigned){ 0 },
	                    &(unsigned){ 0 }));
	ASSERT_OUTPUT_FREE(buf, expect);
	cl_result_free(r);
}
END_TEST

START_TEST(related_locations)
{
	cl_result *r = lint_named("dup.xml", doc_duplicate);
	const cl_diag *d;
	unsigned l, c, el, ec;
	const char *note;
	char *got, *expect;

	ck_assert_uint_eq(cl_result_count(r), 1);
	d = cl_result_diag(r, 0);
	ck_assert_str_eq(cl_rule_id(cl_diag_rule(d)), "CL006");
	ck_assert_uint_eq(cl_diag_related_count(d), 1);
	note = cl_diag_related(d, 0, &l, &c, &el, &ec);
	ck_assert_ptr_nonnull(note);

	got = render1(CL_FORMAT_TEXT, 0, r);
	expect = fmt(
	    "dup.xml:17:19: error: %s [CL006 duplicate-id]\n"
	    "    <endpoint id=\"e\" name=\"F\" direction=\"receive\" method=\"GET\">\n"
	    "                  ^\n"
	    "dup.xml:13:19: note: %s\n"
	    "    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n"
	    "                  ^\n"
	    "1 error, 0 warnings, 0 info in 1 file\n",
	    msg(r, 0), note);
	ASSERT_OUTPUT_FREE(got, expect);

	/* gcc: the diagnostic only, no note line */
	got = render1(CL_FORMAT_GCC, 0, r);
	expect = fmt("dup.xml:17:19: error: %s [CL006]\n", msg(r, 0));
	ASSERT_OUTPUT_FREE(got, expect);

	got = render1(CL_FORMAT_JSON, 0, r);
	expect = fmt(
	    "    {\"file\": \"dup.xml\", \"line\": 17, \"column\": 19, "
	    "\"end_line\": 17, \"end_column\": 20, \"severity\": \"error\", "
	    "\"rule\": \"CL006\", \"name\": \"duplicate-id\", "
	    "\"message\": \"%s\", \"related\": [{\"line\": 13, "
	    "\"column\": 19, \"end_line\": 13, \"end_column\": 20, "
	    "\"message\": \"%s\"}]}\n",
	    msg(r, 0), note);
	ck_assert_msg(strstr(got, expect) != NULL, "%s not in\n%s", expect,
	              got);
	free(got);
	free(expect);
	cl_result_free(r);
}
END_TEST

START_TEST(text_summary)
{
	cl_result *rs[3];
	char *got;

	got = render(CL_FORMAT_TEXT, 0, NULL, 0);
	ASSERT_OUTPUT(got, "no problems in 0 files\n");
	free(got);

	rs[0] = lint_named("clean.xml", "");
	cl_result_free(rs[0]);
	rs[0] = lint_named("broken.xml", doc_broken);
	rs[1] = lint_named("uni.xml", doc_unicode);
	rs[2] = lint_named("dup.xml", doc_duplicate);

	got = render(CL_FORMAT_TEXT, CL_OUTPUT_QUIET, rs, 3);
	ck_assert_ptr_null(strstr(got, " in 3 files"));
	free(got);
	got = render(CL_FORMAT_TEXT, 0, rs, 3);
	ck_assert_msg(
	    strstr(got, "\n4 errors, 0 warnings, 0 info in 3 files\n"), "%s",
	    got);
	free(got);
	/* the gcc format has no summary */
	got = render(CL_FORMAT_GCC, 0, rs, 3);
	ck_assert_ptr_null(strstr(got, " files"));
	free(got);
	cl_result_free(rs[0]);
	cl_result_free(rs[1]);
	cl_result_free(rs[2]);
}
END_TEST

START_TEST(text_no_problems)
{
	static const char clean[] = DOC_D_FIRST_ENDPOINT "  </endpoints>\n"
	                                                 "</connector>\n";
	cl_result *r = lint_named("ok.xml", clean);
	char *got;

	ck_assert_uint_eq(cl_result_count(r), 0);
	got = render1(CL_FORMAT_TEXT, 0, r);
	ASSERT_OUTPUT(got, "no problems in 1 file\n");
	free(got);
	got = render1(CL_FORMAT_TEXT, CL_OUTPUT_QUIET, r);
	ASSERT_OUTPUT(got, "");
	free(got);
	got = render1(CL_FORMAT_GCC, 0, r);
	ASSERT_OUTPUT(got, "");
	free(got);
	cl_result_free(r);
}
END_TEST

START_TEST(text_color)
{
	cl_result *r = lint_named("dup.xml", doc_duplicate);
	char *got =
	    render1(CL_FORMAT_TEXT, CL_OUTPUT_COLOR | CL_OUTPUT_QUIET, r);
	char *expect = fmt(
	    "\033[1mdup.xml:17:19:\033[0m \033[1;31merror:\033[0m %s "
	    "[CL006 duplicate-id]\n"
	    "    <endpoint id=\"e\" name=\"F\" direction=\"receive\" method=\"GET\">\n"
	    "\033[1;32m                  ^\033[0m\n"
	    "\033[1mdup.xml:13:19:\033[0m \033[1mnote:\033[0m %s\n"
	    "    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n"
	    "\033[1;32m                  ^\033[0m\n",
	    msg(r, 0),
	    cl_diag_related(cl_result_diag(r, 0), 0, &(unsigned){ 0 },
	                    &(unsigned){ 0 }, &(unsigned){ 0 },
	                    &(unsigned){ 0 }));

	ASSERT_OUTPUT_FREE(got, expect);
	/* colour is for the text format only */
	got = render1(CL_FORMAT_GCC, CL_OUTPUT_COLOR, r);
	ck_assert_ptr_null(strchr(got, '\033'));
	free(got);
	got = render1(CL_FORMAT_JSON, CL_OUTPUT_COLOR, r);
	ck_assert_ptr_null(strchr(got, '\033'));
	free(got);
	cl_result_free(r);
}
END_TEST

START_TEST(line_formats_stay_on_one_line)
{
	cl_result *r = lint_named("two\nlines\033[31m.xml", doc_broken);
	char *got;

	ck_assert_uint_eq(cl_result_count(r), 1);
	got = render1(CL_FORMAT_GCC, 0, r);
	/* controls shown as escapes: visible, and inert on a terminal */
	ck_assert_msg(!strncmp(got, "two\\x0alines\\x1b[31m.xml:", 25), "%s",
	              got);
	ck_assert_ptr_eq(strchr(got, '\n'), got + strlen(got) - 1);
	free(got);
	got = render1(CL_FORMAT_TEXT, CL_OUTPUT_QUIET, r);
	ck_assert_msg(!strncmp(got, "two\\x0alines\\x1b[31m.xml:", 25), "%s",
	              got);
	ck_assert_ptr_null(strchr(got, '\033'));
	free(got);
	cl_result_free(r);
}
END_TEST

/* Moves diagnostic I of R to the given position (1-based, end exclusive). */
static void
move_diag_text(cl_result *r, size_t i, unsigned line, unsigned col,
               unsigned end_line, unsigned end_col)
{
	move_diag(r, i, line, col, end_line, end_col);
	/* Unknown: the text format then counts the line itself. */
	r->sink.items[i].pos.byte_column = 0;
}

/* The text output of diagnostic 0 of R, without its first line. */
static char *
snippet(cl_result *r)
{
	char *all = render1(CL_FORMAT_TEXT, CL_OUTPUT_QUIET, r);
	char *nl = strchr(all, '\n');
	char *s;

	ck_assert_ptr_nonnull(nl);
	s = strdup(nl + 1);
	free(all);
	return s;
}

/* Moves diagnostic 0 of R to the range given and expects the snippet. */
#define ASSERT_SNIPPET(r, line, col, end_line, end_col, expect)               \
	do {                                                                  \
		char *got_;                                                   \
                                                                              \
		move_diag_text((r), 0, (line), (col), (end_line), (end_col)); \
		got_ = snippet(r);                                            \
		ASSERT_OUTPUT(got_, (expect));                                \
		free(got_);                                                   \
	} while (0)

START_TEST(caret_corner_cases)
{
	static const char doc[] =
	    "<connector format=\"1\" name=\"x\"\n" /* 1: not closed: CL001 */
	    "\tkey=\"\tab\tcd\" 基本=\"wide\"\n"   /* 2 */
	    "e\xcc\x81"
	    "clair=\"x\"\n" /* 3: e + combining acute */
	    "\n";           /* 4: empty */
	cl_result *r = lint_named("c.xml", doc);

	ck_assert_uint_ge(cl_result_count(r), 1);

	/* a range over two lines: underline to the end of the first */
	ASSERT_SNIPPET(r, 1, 23, 2, 3,
	               "<connector format=\"1\" name=\"x\"\n"
	               "                      ^~~~~~~~\n");

	/* tabs before and inside the range are expanded to 8-cell stops */
	ASSERT_SNIPPET(r, 2, 7, 2, 12,
	               "        key=\"   ab      cd\" 基本=\"wide\"\n"
	               "             ^~~~~~~~~~~~\n");

	/* a wide character takes two cells, under the caret too */
	ASSERT_SNIPPET(r, 2, 15, 2, 17,
	               "        key=\"   ab      cd\" 基本=\"wide\"\n"
	               "                            ^~~~\n");

	/* a combining mark takes no cell */
	ASSERT_SNIPPET(r, 3, 3, 3, 8,
	               "e\xcc\x81"
	               "clair=\"x\"\n"
	               " ^~~~~\n");

	/* an empty range past the end of the line: caret after it */
	ASSERT_SNIPPET(r, 3, 12, 3, 12,
	               "e\xcc\x81"
	               "clair=\"x\"\n"
	               "          ^\n");

	/* an empty line: no snippet */
	ASSERT_SNIPPET(r, 4, 1, 4, 1, "");

	cl_result_free(r);
}
END_TEST

START_TEST(long_line_window)
{
	struct cl_strbuf doc = CL_STRBUF_INIT, want = CL_STRBUF_INIT;
	cl_result *r;
	char *got;
	size_t i;

	/* one line of 1000 bytes, the fault (an `X`) at character 700 */
	cl_strbuf_adds(&doc, "<connector ");
	for (i = 11; i < 699; i++)
		cl_strbuf_addch(&doc, (char)('a' + i % 26));
	cl_strbuf_addch(&doc, 'X');
	for (i = 700; i < 1000; i++)
		cl_strbuf_addch(&doc, (char)('a' + i % 26));
	r = cl_lint_memory(linter, "long.xml", cl_strbuf_str(&doc), doc.len);
	ck_assert_uint_ge(cl_result_count(r), 1);
	move_diag_text(r, 0, 1, 700, 1, 701);
	got = snippet(r);

	/* 60 bytes before the fault, 240 in all, "..." on each side */
	cl_strbuf_adds(&want, "...");
	cl_strbuf_add(&want, cl_strbuf_str(&doc) + 639, 240);
	cl_strbuf_adds(&want, "...\n");
	for (i = 0; i < 63; i++)
		cl_strbuf_addch(&want, ' ');
	cl_strbuf_adds(&want, "^\n");
	ASSERT_OUTPUT(got, cl_strbuf_str(&want));
	free(got);
	cl_strbuf_release(&doc);
	cl_strbuf_release(&want);
	cl_result_free(r);
}
END_TEST

static Suite *
output_suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("formats");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, format_parse);
	tcase_add_test(tc, text_caret_after_non_ascii_and_tab);
	tcase_add_test(tc, gcc_bytes_json_characters);
	tcase_add_test(tc, json_escapes_strings);
	tcase_add_test(tc, json_escapes_messages);
	tcase_add_test(tc, json_empty_run);
	tcase_add_test(tc, json_unreadable_paths);
	tcase_add_test(tc, related_locations);
	tcase_add_test(tc, text_summary);
	tcase_add_test(tc, text_no_problems);
	tcase_add_test(tc, text_color);
	tcase_add_test(tc, line_formats_stay_on_one_line);
	tcase_add_test(tc, caret_corner_cases);
	tcase_add_test(tc, long_line_window);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(output_suite)
