/*
 * Line edits of a clean connector: a case takes one of the templates in
 * connectors.h, replaces, adds or drops a line or two, and lints the
 * result in memory with `linter` (set up by lint_setup()):
 *
 *   cl_result *r = LINT(cc_lines, { 24, NULL }, { 25, "<url>x</url>" });
 *
 * Every function is static and may go unused: each test program includes
 * this header once.
 */
#ifndef CL_TESTS_LIB_EDIT_H
#define CL_TESTS_LIB_EDIT_H

#include "lib/diag.h"

/* Replaces line LINE (1-based) by TEXT, which may hold several lines;
 * NULL drops the line. */
struct edit {
	unsigned line;
	const char *text;
};

static cl_linter *linter;

static CL_TEST_HELPER void
lint_setup(void)
{
	linter = cl_linter_new();
}
static CL_TEST_HELPER void
lint_teardown(void)
{
	cl_linter_free(linter);
}

/* BASE with EDITS applied, as one document. Caller frees. */
static CL_TEST_HELPER char *
edited(const char *const *base, const struct edit *edits, size_t n)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	unsigned line;
	size_t i;

	for (line = 1; base[line - 1]; line++) {
		const char *text = base[line - 1];
		int dropped = 0;

		for (i = 0; i < n; i++) {
			if (edits[i].line != line)
				continue;
			text = edits[i].text;
			dropped = !text;
		}
		if (dropped)
			continue;
		cl_strbuf_adds(&sb, text);
		cl_strbuf_addch(&sb, '\n');
	}
	return cl_strbuf_detach(&sb);
}

static CL_TEST_HELPER cl_result *
lint_edited(const char *const *base, const struct edit *edits, size_t n)
{
	char *doc = edited(base, edits, n);
	cl_result *r = cl_lint_memory(linter, "t.xml", doc, strlen(doc));

	free(doc);
	return r;
}

#define EDITS(...)                            \
	(const struct edit[]){ __VA_ARGS__ }, \
	    sizeof((const struct edit[]){ __VA_ARGS__ }) / sizeof(struct edit)
#define LINT(base, ...) lint_edited(base, EDITS(__VA_ARGS__))

static CL_TEST_HELPER cl_result *
lint_text(const char *doc)
{
	return cl_lint_memory(linter, "t.xml", doc, strlen(doc));
}

/* Each of the N templates in BASES lints clean, unedited. */
static CL_TEST_HELPER void
expect_clean(const char *const *const *bases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		cl_result *r = lint_edited(bases[i], NULL, 0);

		expect_rules(r, "");
		cl_result_free(r);
	}
}

#define EXPECT_CLEAN(...)                                                  \
	expect_clean((const char *const *const[]){ __VA_ARGS__ },          \
	             sizeof((const char *const *const[]){ __VA_ARGS__ }) / \
	                 sizeof(const char *const *))

/* D spans line L, columns [C, EC). */
#define ASSERT_POS(d, l, c, ec) ASSERT_SPAN(d, l, c, ec)

#endif /* CL_TESTS_LIB_EDIT_H */
