/*
 * connlint test-rules (connlint.h: cl_session_test_rules; the contract is
 * ../shared/spec/rulesets.md, "Tests for rulesets", and the user's page
 * docs/custom-rules.md): every *.xml file of a ruleset's <tests path>
 * folder is linted by the session with only that ruleset's rules and no
 * configuration, and what it reports is compared with the file's
 * connlint-expect comments.
 *
 * The expectations come from our own parse of the file (the comments and
 * the elements with their spans, xml.h); the diagnostics come from the
 * public result API, as any client sees them, so a test checks what the
 * command line would print.
 *
 * A comment `connlint-expect ID [ID...]` expects, for each ID, one
 * diagnostic of that rule in the next element: the first element whose
 * start tag begins after the comment. "In" means that the diagnostic
 * starts in the element's start tag, or in its own text (when it has
 * text directly), never in a child element. Expectations of one rule
 * for one element add up: `connlint-expect ACME001 ACME001` wants two.
 * `connlint-expect-none` as the first comment, before the root element,
 * says that the file gets no diagnostic of the ruleset.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "catalogue.h"
#include "connlint.h"
#include "ruleset.h"
#include "text.h"
#include "util.h"
#include "xml.h"

#define EXPECT_WORD "connlint-expect"
#define EXPECT_NONE_WORD "connlint-expect-none"

/* One line of the report for a test file, printed in position order. */
struct failure {
	unsigned line, column; /* where it is (1-based, columns in chars) */
	size_t seq;            /* order found, for equal positions */
	char *text;            /* the whole line without "\n"; malloc'd */
};

/* What the comments before one element expect of one rule. */
struct expectation {
	const struct cl_node *node; /* the element (in the file's arena) */
	size_t rule;                /* index in the ruleset */
	size_t want, got;           /* expected and reported counts */
	unsigned comment_line;      /* the first comment that expects it */
};

/* One run of cl_session_test_rules. */
struct tester {
	cl_session *session;
	const char *ruleset_path;
	struct cl_ruleset *rs; /* our own load, for the metadata; owned */
	size_t nrules;
	bool *tested; /* per rule: some comment expects it, or some file
	               * that expects none ran (malloc'd) */
	size_t passed, failed;
	int status; /* 2 once something could not be read */
	FILE *out;
};

/* The test file being compared. */
struct test_file {
	const char *path; /* tests dir joined with the name */
	const char *buf;  /* its bytes (owned by the caller) */
	size_t len;
	size_t *line_starts; /* byte offset of each line; malloc'd */
	size_t nlines;
	struct failure *failures; /* malloc'd, each text malloc'd */
	size_t nfailures, failures_alloc;
	struct expectation *expected; /* malloc'd */
	size_t nexpected, expected_alloc;
};

/* ---- reading ------------------------------------------------------------ */

/* Reads the whole file at PATH into *BUF (malloc'd, NUL-terminated; caller
 * frees) and *LEN. Returns 0, or -1 with *REASON set to a static reason. */
static int
read_whole(const char *path, char **buf, size_t *len, const char **reason)
{
	if ((*buf = cl_read_file(path, CL_MAX_INPUT_BYTES, len, reason)))
		return 0;
	if (*reason == cl_read_too_large)
		*reason = "larger than the input limit (64 MiB)";
	return -1;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * DIR as shown in the report: below the current directory, relative to it
 * (the loader resolves <tests path> to an absolute path), as a lint shows
 * the paths it is given; else DIR itself. Points into DIR.
 */
static const char *
shown_dir(const char *dir)
{
	char *cwd = cl_current_dir();
	const char *shown = dir;
	size_t n;

	if ((n = strlen(cwd)) > 1 && !strncmp(dir, cwd, n) && dir[n] == '/' &&
	    dir[n + 1])
		shown = dir + n + 1;
	free(cwd);
	return shown;
}

/*
 * The names of the test files in DIR: its *.xml entries that are regular
 * files (links followed), hidden ones skipped, not recursive, in byte
 * order. Returns the array (malloc'd, each name malloc'd; caller frees
 * both) and sets *COUNT, or NULL with *REASON when DIR cannot be read.
 */
static char **
list_tests(const char *dir, size_t *count, const char **reason)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0;

	*count = 0;
	if (!d) {
		*reason = strerror(errno);
		return NULL;
	}
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		struct stat st;
		char *path;

		if (e->d_name[0] == '.' || len < 5 ||
		    strcmp(e->d_name + len - 4, ".xml"))
			continue;
		path = cl_join_path(dir, e->d_name);
		if (stat(path, &st) || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		free(path);
		CL_GROW(names, n + 1, alloc);
		names[n++] = cl_strdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	else
		names = cl_calloc(1, sizeof(*names));
	*count = n;
	return names;
}

/* ---- positions ---------------------------------------------------------- */

/* Fills F's line table (XML's three line ends, as diagnostics count). */
static void
index_lines(struct test_file *f)
{
	const char *p = f->buf, *end = f->buf + f->len;
	bool lone_cr = cl_has_lone_cr(f->buf, f->len);
	size_t alloc = 0;

	f->nlines = 0;
	for (;;) {
		CL_GROW(f->line_starts, f->nlines + 1, alloc);
		f->line_starts[f->nlines++] = (size_t)(p - f->buf);
		if (!(p = cl_next_line(p, end, end, lone_cr)))
			break;
	}
}

/* The 1-based line and character column of byte OFF of F. */
static void
position_of(const struct test_file *f, size_t off, unsigned *line,
            unsigned *column)
{
	size_t lo = 0, hi = f->nlines;

	if (off > f->len)
		off = f->len;
	while (hi - lo > 1) { /* the last line starting at or before OFF */
		size_t mid = lo + (hi - lo) / 2;

		if (f->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*column = (unsigned)cl_utf8_count(f->buf + f->line_starts[lo],
	                                  off - f->line_starts[lo]) +
	          1;
}

/* The byte offset where diagnostic D starts in F. */
static size_t
diag_offset(const struct test_file *f, const cl_diag *d)
{
	unsigned line = cl_diag_line(d), col = cl_diag_byte_column(d);
	size_t off;

	if (!line || line > f->nlines)
		return f->len;
	off = f->line_starts[line - 1] + (col ? col - 1 : 0);
	return off > f->len ? f->len : off;
}

/* Whether byte OFF is in NODE as an expectation means it: its start tag,
 * or its own text (not a child element's). */
static bool
node_holds(const struct cl_node *node, size_t off)
{
	const struct cl_node *child;

	if (off >= node->tag_span.start && off < node->tag_span.end)
		return true;
	if (!node->text[0] || off < node->inner_span.start ||
	    off >= node->inner_span.end)
		return false;
	for (child = node->children; child; child = child->next)
		if (off >= child->span.start && off < child->span.end)
			return false;
	return true;
}

/* ---- the report --------------------------------------------------------- */

/* Adds a failure line at byte OFF of F: "FILE:LINE:COL: " and FMT. */
static void
fail_at(struct test_file *f, size_t off, const char *fmt, ...) CL_PRINTF(3, 4);
static void
fail_at(struct test_file *f, size_t off, const char *fmt, ...)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	struct failure *x;
	va_list ap;

	CL_GROW(f->failures, f->nfailures + 1, f->failures_alloc);
	x = &f->failures[f->nfailures];
	position_of(f, off, &x->line, &x->column);
	x->seq = f->nfailures++;
	cl_strbuf_addf(&sb, "%s:%u:%u: ", f->path, x->line, x->column);
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	x->text = cl_strbuf_detach(&sb);
}

static int
compare_failures(const void *a, const void *b)
{
	const struct failure *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Writes LINE, made safe for a terminal (cl_safe_line), and "\n". */
static void
put_line(FILE *out, const char *line)
{
	char *safe = cl_safe_line(line);

	fprintf(out, "%s\n", safe);
	free(safe);
}

/* ---- one test file -------------------------------------------------------- */

/* The index of the rule with ID in T's ruleset, or -1. */
static long
rule_index(const struct tester *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->nrules; i++)
		if (!strcmp(cl_ruleset_rule(t->rs, i)->id, id))
			return (long)i;
	return -1;
}

/* Records that a comment starting on line LINE expects rule RULE once
 * more in NODE. */
static void
expect(struct test_file *f, const struct cl_node *node, size_t rule,
       unsigned line)
{
	struct expectation *e;
	size_t i;

	for (i = 0; i < f->nexpected; i++) {
		e = &f->expected[i];
		if (e->node == node && e->rule == rule) {
			e->want++;
			return;
		}
	}
	CL_GROW(f->expected, f->nexpected + 1, f->expected_alloc);
	e = &f->expected[f->nexpected++];
	e->node = node;
	e->rule = rule;
	e->want = 1;
	e->got = 0;
	e->comment_line = line;
}

/* XML's white space. */
static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The comment's text without surrounding white space, in *LEN bytes. */
static const char *
trimmed(const char *s, size_t *len)
{
	size_t n = strlen(s);

	while (n && blank(s[n - 1]))
		n--;
	while (n && blank(*s)) {
		s++;
		n--;
	}
	*len = n;
	return s;
}

/* Whether the N bytes at S are WORD followed by the end or white space. */
static bool
starts_with_word(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);

	return n >= w && !memcmp(s, word, w) && (n == w || blank(s[w]));
}

/*
 * Reads F's comments: fills F->expected, adds a failure for every comment
 * that cannot be honoured, and sets *NONE when the file expects no
 * diagnostic. NODES (COUNT of them) are F's elements in document order.
 */
static void
read_expectations(struct tester *t, struct test_file *f,
                  const struct cl_xml_doc *doc, const struct cl_node **nodes,
                  size_t count, bool *none)
{
	size_t c, next = 0;

	*none = false;
	for (c = 0; c < doc->ncomments; c++) {
		const struct cl_comment *cm = &doc->comments[c];
		unsigned line, column;
		const char *s, *p, *end;
		size_t n, named = 0;

		s = trimmed(cm->text, &n);
		if (starts_with_word(s, n, EXPECT_NONE_WORD)) {
			if (c == 0 &&
			    cm->span.end <= doc->root->tag_span.start &&
			    n == strlen(EXPECT_NONE_WORD)) {
				*none = true;
			} else {
				fail_at(f, cm->span.start,
				        "misplaced " EXPECT_NONE_WORD
				        ": it must be the first comment, "
				        "alone, before the root element");
				t->failed++;
			}
			continue;
		}
		if (!starts_with_word(s, n, EXPECT_WORD))
			continue;
		if (*none) { /* a contradiction: say so, expect nothing */
			fail_at(f, cm->span.start,
			        EXPECT_WORD " in a file that expects none");
			t->failed++;
			continue;
		}
		position_of(f, cm->span.start, &line, &column);
		while (next < count &&
		       nodes[next]->tag_span.start < cm->span.end)
			next++;
		p = s + strlen(EXPECT_WORD);
		end = s + n;
		if (next == count) {
			fail_at(f, cm->span.start,
			        EXPECT_WORD " with no element after it");
			t->failed++;
			continue;
		}
		for (;;) {
			const char *w;
			char *id;
			long r;

			while (p < end && blank(*p))
				p++;
			if (p == end)
				break;
			for (w = p; p < end && !blank(*p); p++)
				;
			named++;
			id = cl_strndup(w, (size_t)(p - w));
			if ((r = rule_index(t, id)) < 0) {
				fail_at(
				    f, cm->span.start,
				    "unknown rule %s: the ruleset %s has no "
				    "rule with that ID",
				    id, t->ruleset_path);
				t->failed++;
			} else {
				t->tested[r] = true;
				expect(f, nodes[next], (size_t)r, line);
			}
			free(id);
		}
		if (!named) {
			fail_at(f, cm->span.start,
			        EXPECT_WORD " names no rule");
			t->failed++;
		}
	}
}

/* Compares RESULT (F linted) with F's expectations. */
static void
compare(struct tester *t, struct test_file *f, const cl_result *result,
        bool none, size_t none_at)
{
	size_t i, k, unexpected = 0;

	for (i = 0; i < cl_result_count(result); i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const char *id = cl_rule_id(cl_diag_rule(d));
		long r = rule_index(t, id);
		size_t off;

		if (r < 0) /* not this ruleset's: not selected, never here */
			continue;
		off = diag_offset(f, d);
		for (k = 0; k < f->nexpected; k++)
			if (f->expected[k].rule == (size_t)r &&
			    node_holds(f->expected[k].node, off))
				break;
		if (k < f->nexpected) {
			f->expected[k].got++;
			continue;
		}
		/* at the diagnostic's own position, as the text format
		 * shows it */
		CL_GROW(f->failures, f->nfailures + 1, f->failures_alloc);
		f->failures[f->nfailures].line = cl_diag_line(d);
		f->failures[f->nfailures].column = cl_diag_column(d);
		f->failures[f->nfailures].seq = f->nfailures;
		f->failures[f->nfailures].text = cl_xasprintf(
		    "%s:%u:%u: unexpected %s: %s", f->path, cl_diag_line(d),
		    cl_diag_column(d), id, cl_diag_message(d));
		f->nfailures++;
		unexpected++;
		t->failed++;
	}
	for (k = 0; k < f->nexpected; k++) {
		const struct expectation *e = &f->expected[k];
		const char *id = cl_ruleset_rule(t->rs, e->rule)->id;

		if (e->got == e->want) {
			t->passed += e->want;
			continue;
		}
		t->failed += e->want;
		if (!e->got && e->want == 1)
			fail_at(
			    f, e->node->tag_span.start,
			    "missing %s: expected by the comment at line %u",
			    id, e->comment_line);
		else if (!e->got)
			fail_at(f, e->node->tag_span.start,
			        "missing %s: expected %zu times by the comment "
			        "at line %u",
			        id, e->want, e->comment_line);
		else
			fail_at(f, e->node->tag_span.start,
			        "%s reported %zu time%s, expected %zu by the "
			        "comment at line %u",
			        id, e->got, e->got == 1 ? "" : "s", e->want,
			        e->comment_line);
	}
	if (none) {
		for (i = 0; i < t->nrules; i++)
			t->tested[i] = true;
		if (!unexpected) {
			t->passed++;
		} else {
			fail_at(f, none_at,
			        EXPECT_NONE_WORD ": %zu diagnostic%s of the "
			                         "ruleset",
			        unexpected, unexpected == 1 ? "" : "s");
			t->failed++;
		}
	}
}

/* Runs the test file PATH: lints it, compares, prints its failures. */
static void
run_file(struct tester *t, const char *path)
{
	struct test_file f = { 0 };
	struct cl_arena arena = CL_ARENA_INIT;
	struct cl_xml_doc doc = { 0 };
	struct cl_xml_error err;
	const struct cl_node **nodes = NULL;
	cl_result *result = NULL;
	const char *reason = NULL;
	char *buf = NULL;
	size_t count = 0, i;
	bool none;

	f.path = path;
	if (read_whole(path, &buf, &f.len, &reason)) {
		cl_session_message(t->session, CL_MESSAGE_ERROR,
		                   "%s: cannot read: %s", path, reason);
		t->status = 2;
		goto cleanup;
	}
	f.buf = buf;
	index_lines(&f);
	cl_xml_init();
	if (!cl_xml_parse(&arena, buf, f.len, &doc, &err)) {
		/* its comments count for nothing, and it is not linted */
		fail_at(&f, err.offset, "not well-formed: %s", err.message);
		t->failed++;
	} else {
		nodes = cl_xml_nodes_in_order(doc.root, &count);
		read_expectations(t, &f, &doc, nodes, count, &none);
		result = cl_session_lint_buffer(t->session, path, buf, f.len);
		if (!result) {
			t->status = 2; /* after the session's message */
			goto cleanup;
		}
		compare(t, &f, result, none,
		        none ? doc.comments[0].span.start : 0);
	}
	if (f.nfailures)
		qsort(f.failures, f.nfailures, sizeof(*f.failures),
		      compare_failures);
	for (i = 0; i < f.nfailures; i++)
		put_line(t->out, f.failures[i].text);
cleanup:
	for (i = 0; i < f.nfailures; i++)
		free(f.failures[i].text);
	free(f.failures);
	free(f.expected);
	free(f.line_starts);
	free(nodes);
	cl_result_free(result);
	cl_arena_release(&arena);
	free(buf);
}

/* ---- the ruleset ---------------------------------------------------------- */

int
cl_session_test_rules(cl_session *session, const char *path, FILE *out)
{
	struct tester t = { 0 };
	struct cl_strbuf ids = CL_STRBUF_INIT;
	char **names = NULL, *error = NULL;
	const char *dir, *reason = NULL;
	size_t nnames = 0, i;

	t.session = session;
	t.ruleset_path = path;
	t.out = out;
	if (cl_session_add_rules(session, path)) {
		t.status = 2; /* after its message */
		goto cleanup;
	}
	/* The session keeps its own copy; ours is for the metadata. */
	if (!(t.rs = cl_ruleset_load(path, NULL, &error))) {
		cl_session_message(session, CL_MESSAGE_ERROR, "%s", error);
		t.status = 2;
		goto cleanup;
	}
	t.nrules = cl_ruleset_rule_count(t.rs);
	t.tested = cl_calloc(t.nrules + 1, sizeof(*t.tested));
	/* Only this ruleset's rules, by ID (its prefix could name another
	 * ruleset's rules too: ACME and ACMEX), and no configuration. */
	for (i = 0; i < t.nrules; i++)
		cl_strbuf_addf(&ids, "%s%s", i ? "," : "",
		               cl_ruleset_rule(t.rs, i)->id);
	cl_session_no_config(session);
	if (t.nrules && cl_session_select(session, cl_strbuf_str(&ids))) {
		t.status = 2;
		goto cleanup;
	}
	if (!(dir = cl_ruleset_tests_dir(t.rs))) {
		char *line = cl_xasprintf("%s: no tests: the ruleset has no "
		                          "<tests path=\"...\"/>",
		                          path);

		put_line(out, line);
		free(line);
	} else if (!(names = list_tests(dir, &nnames, &reason))) {
		cl_session_message(session, CL_MESSAGE_ERROR,
		                   "%s: cannot read the tests folder %s: %s",
		                   path, dir, reason);
		t.status = 2;
	} else {
		for (i = 0; i < nnames; i++) {
			char *file = cl_join_path(shown_dir(dir), names[i]);

			run_file(&t, file);
			free(file);
		}
	}
	for (i = 0; i < t.nrules; i++) {
		const struct cl_rule *rule = cl_ruleset_rule(t.rs, i);
		char *line;

		if (t.tested[i])
			continue;
		line = cl_xasprintf("%s: untested rule %s (%s): no test file "
		                    "expects it or expects none",
		                    path, rule->id, rule->slug);
		put_line(out, line);
		free(line);
		t.failed++;
	}
	fprintf(out, "%zu passed, %zu failed\n", t.passed, t.failed);
	if (!t.status)
		t.status = t.failed ? 1 : 0;
cleanup:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(t.tested);
	free(error);
	cl_strbuf_release(&ids);
	cl_ruleset_unref(t.rs);
	return t.status;
}
