/*
 * Related locations in another file (connlint diff: a diagnostic about
 * something removed points at its nearest surviving parent in the new
 * version and carries a related location at the removed item in the old
 * one; docs/output-formats.md). cl_report_related_in computes the
 * position from the other file's buffer when it is called; the sink
 * leaves it alone; every format that shows related locations names that
 * file, and a same-file related location renders exactly as before.
 *
 * The diagnostic is a real one (CL006 of doc_duplicate, with its
 * same-file related location); the other file's location is added to it
 * through the engine's own cl_report_related_in, from a buffer freed
 * before anything is rendered.
 */
#include <check.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "connlint.h"
#include "ctx.h"
#include "diag.h"
#include "result.h"
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/linter_fixture.h"
#include "lib/render.h"

#define OLD_NAME "old/dup.xml"

/*
 * The old version. `<endpoint` on line 2 starts at byte column 16,
 * character column 13 and display column 17 (`é` is 2 bytes, `店` 3 bytes
 * and 2 cells, and the tab goes from cell 12 to 16); the element ends at
 * character column 34.
 */
static const char old_doc[] = "<connector>\n"
                              "  <!--\xC3\xA9\xE5\xBA\x97-->\t<endpoint "
                              "id=\"gone\"/>\n"
                              "</connector>\n";
#define OLD_START 27 /* 12 bytes of line 1, 15 before `<endpoint` */
#define OLD_END (OLD_START + 21)

static const enum cl_format all_formats[] = {
	CL_FORMAT_TEXT,   CL_FORMAT_GCC,        CL_FORMAT_JSON,
	CL_FORMAT_SARIF,  CL_FORMAT_CHECKSTYLE, CL_FORMAT_JUNIT,
	CL_FORMAT_GITHUB, CL_FORMAT_GITLAB,     CL_FORMAT_MARKDOWN,
};

/* R rendered in FORMAT with column unit UNIT. Caller frees. */
static char *
render_unit(enum cl_format format, enum cl_column_unit unit, cl_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cl_output *out;

	ck_assert_ptr_nonnull(f);
	out = cl_output_new(format, f, 0);
	cl_output_set_column_unit(out, unit);
	cl_output_add(out, r);
	cl_output_finish(out);
	cl_output_free(out);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

static char *
render_default(enum cl_format format, cl_result *r)
{
	return render_unit(format, CL_COLUMN_DEFAULT, r);
}

/* S with its one occurrence of PART cut out (PART must occur once).
 * Caller frees. */
static char *
cut(const char *s, const char *part)
{
	const char *at = strstr(s, part);
	size_t n = strlen(part);
	char *o;

	ck_assert_msg(at, "`%s` not in:\n%s", part, s);
	ck_assert_msg(!strstr(at + 1, part), "`%s` twice in:\n%s", part, s);
	o = cl_malloc(strlen(s) - n + 1);
	memcpy(o, s, (size_t)(at - s));
	strcpy(o + (at - s), at + n);
	return o;
}

/* doc_duplicate's CL006 with a related location in OLD_NAME added, from
 * a copy of old_doc that is freed at once. */
static cl_result *
lint_with_other(const char *other_name)
{
	cl_result *r = lint_named("dup.xml", doc_duplicate);
	struct cl_ctx ctx;
	struct cl_span span = { OLD_START, OLD_END };
	char *old = cl_strdup(old_doc);

	ck_assert_uint_eq(cl_result_count(r), 1);
	memset(&ctx, 0, sizeof(ctx));
	ctx.linter = linter;
	cl_report_related_in(&ctx, &r->sink.items[0], other_name, old,
	                     strlen(old), span, "`%s` removed here", "gone");
	memset(old, 'x', strlen(old)); /* nothing may read it any more */
	free(old);
	return r;
}

START_TEST(positions_at_report_time)
{
	cl_result *r = lint_with_other(OLD_NAME);
	const cl_diag *d = cl_result_diag(r, 0);
	unsigned l, c, el, ec;
	const char *m;

	ck_assert_uint_eq(cl_diag_related_count(d), 2);
	/* the same-file one as the sink filled it */
	m = cl_diag_related(d, 0, &l, &c, &el, &ec);
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(l, 13);
	ck_assert_uint_eq(c, 19);
	ck_assert_ptr_null(cl_diag_related_file(d, 0));
	/* the other file's, from its buffer */
	m = cl_diag_related(d, 1, &l, &c, &el, &ec);
	ck_assert_str_eq(m, "`gone` removed here");
	ck_assert_uint_eq(l, 2);
	ck_assert_uint_eq(c, 13);
	ck_assert_uint_eq(el, 2);
	ck_assert_uint_eq(ec, 34);
	ck_assert_uint_eq(cl_diag_related_byte_column(d, 1), 16);
	ck_assert_str_eq(cl_diag_related_file(d, 1), OLD_NAME);
	ck_assert_ptr_null(cl_diag_related_file(d, 2));
	cl_result_free(r);
}
END_TEST

/*
 * Through the sink: cl_diag_sink_finish fills the same-file location
 * from the diagnostic's buffer and leaves the other file's as reported,
 * also when the diagnostics are sorted; the message is masked as
 * cl_report_related masks; a NULL diagnostic (a disabled rule) is
 * accepted; cl_diag_clear frees the file name (ASan would say).
 */
START_TEST(sink_keeps_other_file_positions)
{
	static const char buf[] = "<a>\n  <b/>\n  <c/>\n</a>\n";
	struct cl_span sb = { 6, 10 }, sc = { 13, 17 },
	               so = { OLD_START, OLD_END };
	struct cl_ctx ctx;
	struct cl_diag *d;

	memset(&ctx, 0, sizeof(ctx));
	ctx.linter = linter;
	ctx.name = "new.xml";
	ctx.buf = buf;
	ctx.len = strlen(buf);
	/* reported out of order, so that finishing moves them */
	d = cl_report(&ctx, &cl_rule_CL006, sc, "second");
	ck_assert_ptr_nonnull(d);
	cl_report_related_in(&ctx, d, OLD_NAME, old_doc, strlen(old_doc), so,
	                     "token "
	                     "ghp_R7x2Kq9LmZ4vTn8WbY3cJd6Hs1Fg5PeQa0Uo");
	cl_report_related(&ctx, d, sb, "same file");
	d = cl_report(&ctx, &cl_rule_CL006, sb, "first");
	cl_report_related_in(&ctx, d, "other.xml", "abc\n\ndef", 8,
	                     (struct cl_span){ 5, 8 }, "end");
	cl_report_related_in(&ctx, NULL, "x.xml", "x", 1,
	                     (struct cl_span){ 0, 1 }, "ignored");
	cl_diag_sink_finish(&ctx.sink, buf, ctx.len);

	ck_assert_uint_eq(ctx.sink.n, 2);
	d = &ctx.sink.items[0];
	ck_assert_str_eq(d->message, "first");
	ck_assert_uint_eq(d->nrelated, 1);
	ck_assert_str_eq(d->related[0].file, "other.xml");
	ck_assert_uint_eq(d->related[0].pos.line, 3);
	ck_assert_uint_eq(d->related[0].pos.column, 1);
	ck_assert_uint_eq(d->related[0].pos.end_column, 4);
	ck_assert_uint_eq(d->related[0].display_column, 1);

	d = &ctx.sink.items[1];
	ck_assert_str_eq(d->message, "second");
	ck_assert_uint_eq(d->nrelated, 2);
	ck_assert_str_eq(d->related[0].file, OLD_NAME);
	ck_assert_uint_eq(d->related[0].pos.line, 2);
	ck_assert_uint_eq(d->related[0].pos.column, 13);
	ck_assert_uint_eq(d->related[0].pos.byte_column, 16);
	ck_assert_uint_eq(d->related[0].pos.end_line, 2);
	ck_assert_uint_eq(d->related[0].pos.end_column, 34);
	ck_assert_uint_eq(d->related[0].display_column, 17);
	ck_assert_ptr_null(strstr(d->related[0].message, "PeQa0Uo"));
	ck_assert_ptr_nonnull(strstr(d->related[0].message, "token ghp_"));
	ck_assert_ptr_null(d->related[1].file);
	ck_assert_str_eq(d->related[1].message, "same file");
	ck_assert_uint_eq(d->related[1].pos.line, 2);
	ck_assert_uint_eq(d->related[1].pos.column, 3);
	ck_assert_uint_eq(d->related[1].pos.end_column, 7);
	cl_diag_sink_release(&ctx.sink);
	cl_arena_release(&ctx.arena);
}
END_TEST

/*
 * Each format with the other file's location against the same result
 * without it: the difference is exactly the other file's part, where the
 * format shows related locations (gcc, checkstyle, gitlab and markdown
 * show none: unchanged).
 */
START_TEST(formats_name_the_other_file)
{
	cl_result *plain = lint_named("dup.xml", doc_duplicate);
	cl_result *r = lint_with_other(OLD_NAME);
	size_t k;

	for (k = 0; k < CL_ARRAY_SIZE(all_formats); k++) {
		enum cl_format f = all_formats[k];
		char *before = render_default(f, plain);
		char *after = render_default(f, r);
		char *rest = NULL;

		switch (f) {
		case CL_FORMAT_TEXT:
			/* the note, with no source line under it */
			rest =
			    cut(after, OLD_NAME ":2:13: note: `gone` removed "
			                        "here\n");
			ck_assert_ptr_nonnull(
			    strstr(after, "removed here\n1 error, "));
			break;
		case CL_FORMAT_JSON:
			rest =
			    cut(after,
			        ", {\"file\": \"" OLD_NAME "\", \"line\": 2, "
			        "\"column\": 13, \"end_line\": 2, "
			        "\"end_column\": 34, \"message\": \"`gone` "
			        "removed here\"}");
			break;
		case CL_FORMAT_JUNIT:
			rest = cut(after, "\n" OLD_NAME ":2:13: note: `gone` "
			                  "removed here");
			break;
		case CL_FORMAT_GITHUB:
			rest = cut(after, "%0A" OLD_NAME ":2:13: note: `gone` "
			                  "removed here");
			break;
		case CL_FORMAT_SARIF: {
			/* the link in the message, and the location */
			char *t = cut(after, ", [`gone` removed here](2)");

			rest =
			    cut(t, "},\n            {\"id\": 2, "
			           "\"physicalLocation\": {"
			           "\"artifactLocation\": {\"uri\": "
			           "\"" OLD_NAME "\", \"uriBaseId\": "
			           "\"%SRCROOT%\"}, \"region\": "
			           "{\"startLine\": 2, \"startColumn\": 13, "
			           "\"endLine\": 2, \"endColumn\": 34}}, "
			           "\"message\": {\"text\": \"`gone` removed "
			           "here\"}");
			free(t);
			break;
		}
		default:
			ck_assert_ptr_null(strstr(after, "old/"));
			rest = cl_strdup(after);
			break;
		}
		ck_assert_msg(!strcmp(rest, before),
		              "%s: expected\n%s\ngot (with the other file's "
		              "part cut)\n%s",
		              cl_format_name(f), before, rest);
		free(rest);
		free(before);
		free(after);
	}
	cl_result_free(plain);
	cl_result_free(r);
}
END_TEST

/* --column-unit applies to the other file's column as to the others:
 * each unit counted when the location was reported. */
START_TEST(column_units_of_the_other_file)
{
	static const struct {
		enum cl_column_unit unit;
		const char *col;
	} units[] = {
		{ CL_COLUMN_BYTE, ":2:16:" },
		{ CL_COLUMN_CHAR, ":2:13:" },
		{ CL_COLUMN_DISPLAY, ":2:17:" },
	};
	cl_result *r = lint_with_other(OLD_NAME);
	size_t k;

	for (k = 0; k < CL_ARRAY_SIZE(units); k++) {
		char *want =
		    cl_xasprintf(OLD_NAME "%s note: `gone`", units[k].col);
		char *text = render_unit(CL_FORMAT_TEXT, units[k].unit, r);
		char *gh = render_unit(CL_FORMAT_GITHUB, units[k].unit, r);

		ck_assert_msg(strstr(text, want), "%s not in\n%s", want, text);
		ck_assert_msg(strstr(gh, want), "%s not in\n%s", want, gh);
		free(want);
		free(text);
		free(gh);
	}
	cl_result_free(r);
}
END_TEST

/* The json document parses, with "file" on the other file's related
 * location only. */
START_TEST(json_file_member)
{
	cl_result *r = lint_with_other(OLD_NAME);
	char *doc = render_default(CL_FORMAT_JSON, r);
	json_object *root = json_tokener_parse(doc), *diags, *rel, *o, *v;

	ck_assert_ptr_nonnull(root);
	ck_assert(json_object_object_get_ex(root, "diagnostics", &diags));
	o = json_object_array_get_idx(diags, 0);
	ck_assert(json_object_object_get_ex(o, "related", &rel));
	ck_assert_uint_eq(json_object_array_length(rel), 2);
	o = json_object_array_get_idx(rel, 0);
	ck_assert(!json_object_object_get_ex(o, "file", NULL));
	o = json_object_array_get_idx(rel, 1);
	ck_assert(json_object_object_get_ex(o, "file", &v));
	ck_assert_str_eq(json_object_get_string(v), OLD_NAME);
	ck_assert(json_object_object_get_ex(o, "column", &v));
	ck_assert_int_eq(json_object_get_int(v), 13);
	json_object_put(root);
	free(doc);
	cl_result_free(r);
}
END_TEST

/* SARIF: an absolute name of the other file is a file: URI without a
 * uriBaseId, as the result's own would be; a name with "." segments is
 * resolved as the result's is. The log parses. */
START_TEST(sarif_uri_of_the_other_file)
{
	cl_result *r = lint_with_other("/srv/old/dup.xml");
	cl_result *r2 = lint_with_other("./old/../old/dup.xml");
	char *doc = render_default(CL_FORMAT_SARIF, r);
	char *doc2 = render_default(CL_FORMAT_SARIF, r2);
	json_object *root = json_tokener_parse(doc), *runs, *res, *rel, *loc,
	            *al, *v;

	ck_assert_ptr_nonnull(root);
	ck_assert(json_object_object_get_ex(root, "runs", &runs));
	ck_assert(json_object_object_get_ex(json_object_array_get_idx(runs, 0),
	                                    "results", &res));
	ck_assert(json_object_object_get_ex(json_object_array_get_idx(res, 0),
	                                    "relatedLocations", &rel));
	ck_assert_uint_eq(json_object_array_length(rel), 2);
	ck_assert(json_object_object_get_ex(json_object_array_get_idx(rel, 1),
	                                    "physicalLocation", &loc));
	ck_assert(json_object_object_get_ex(loc, "artifactLocation", &al));
	ck_assert(json_object_object_get_ex(al, "uri", &v));
	ck_assert_str_eq(json_object_get_string(v), "file:///srv/old/dup.xml");
	ck_assert(!json_object_object_get_ex(al, "uriBaseId", NULL));
	/* the same file's stays relative */
	ck_assert(json_object_object_get_ex(json_object_array_get_idx(rel, 0),
	                                    "physicalLocation", &loc));
	ck_assert(json_object_object_get_ex(loc, "artifactLocation", &al));
	ck_assert(json_object_object_get_ex(al, "uri", &v));
	ck_assert_str_eq(json_object_get_string(v), "dup.xml");
	ck_assert_ptr_nonnull(
	    strstr(doc2, "{\"uri\": \"old/dup.xml\", \"uriBaseId\": "
	                 "\"%SRCROOT%\"}, \"region\": {\"startLine\": 2"));
	json_object_put(root);
	free(doc);
	free(doc2);
	cl_result_free(r);
	cl_result_free(r2);
}
END_TEST

/* The other file's name goes through each format's escaper. */
START_TEST(other_file_name_escaped)
{
	cl_result *r = lint_with_other("old/a\"<b>\n::x.xml");
	char *text = render_default(CL_FORMAT_TEXT, r);
	char *json = render_default(CL_FORMAT_JSON, r);
	char *junit = render_default(CL_FORMAT_JUNIT, r);
	char *gh = render_default(CL_FORMAT_GITHUB, r);
	json_object *root = json_tokener_parse(json);

	ck_assert_ptr_nonnull(root);
	json_object_put(root);
	ck_assert_ptr_null(strstr(text, "\n::x.xml"));
	ck_assert_ptr_null(strstr(junit, "<b>"));
	ck_assert_ptr_nonnull(strstr(junit, "&lt;b&gt;"));
	ck_assert_ptr_null(strstr(gh, "\n::x"));
	free(text);
	free(json);
	free(junit);
	free(gh);
	cl_result_free(r);
}
END_TEST

static Suite *
related_file_suite(void)
{
	Suite *s = suite_create("related_file");
	TCase *tc = tcase_create("related_file");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, positions_at_report_time);
	tcase_add_test(tc, sink_keeps_other_file_positions);
	tcase_add_test(tc, formats_name_the_other_file);
	tcase_add_test(tc, column_units_of_the_other_file);
	tcase_add_test(tc, json_file_member);
	tcase_add_test(tc, sarif_uri_of_the_other_file);
	tcase_add_test(tc, other_file_name_escaped);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(related_file_suite)
