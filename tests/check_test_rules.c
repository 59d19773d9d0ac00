/*
 * connlint test-rules (docs/custom-rules.md, "Testing a ruleset"), end to
 * end with the real binary: the five example rulesets of
 * examples/rulesets/ pass their own tests, and broken rulesets and test
 * folders written here give the exact failure lines, counts and exit
 * status. One test goes through the library (cl_session_test_rules) the
 * way another front end would.
 */
#include <stdarg.h>

#include "cli_run.h"
#include "lib/connectors.h"
#include "connlint.h"
#include "lib/check_main.h"

/* A small ruleset of three rules, with <tests path="TESTS"/> unless
 * TESTS is NULL. Caller frees. */
static char *
ruleset(const char *tests)
{
	char *buf = malloc(4096);

	ck_assert_ptr_nonnull(buf);
	snprintf(
	    buf, 4096,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<ruleset name=\"acme-test\" prefix=\"ACME\">\n"
	    "  <rule id=\"ACME001\" slug=\"endpoint-entity-missing\" "
	    "severity=\"warning\">\n"
	    "    <summary>an endpoint without an entity</summary>\n"
	    "    <given select=\"/connector/endpoints/endpoint\"/>\n"
	    "    <assert exists=\"@entity\" message=\"endpoint `{@id}` has no "
	    "entity\"/>\n"
	    "  </rule>\n"
	    "  <rule id=\"ACME002\" slug=\"endpoint-id-not-kebab\" "
	    "severity=\"warning\">\n"
	    "    <summary>an endpoint id that is not kebab-case</summary>\n"
	    "    <given select=\"/connector/endpoints/endpoint/@id\"/>\n"
	    "    <assert pattern=\"^[a-z]+(-[a-z]+)*$\" message=\"endpoint id "
	    "`{.}` is not kebab-case\"/>\n"
	    "  </rule>\n"
	    "  <rule id=\"ACME003\" slug=\"description-missing\" "
	    "severity=\"info\">\n"
	    "    <summary>a connector without a description</summary>\n"
	    "    <given select=\"/connector\"/>\n"
	    "    <assert exists=\"description\"/>\n"
	    "  </rule>\n"
	    "%s%s%s"
	    "</ruleset>\n",
	    tests ? "  <tests path=\"" : "", tests ? tests : "",
	    tests ? "\"/>\n" : "");
	return buf;
}

/*
 * A connector whose line 2 is TOP (a comment), line 19 is COMMENT and
 * line 20 the start tag of its one endpoint, with id ID and ATTRS after
 * it: the '<' of that start tag is at column 5, the id's value at
 * column 19. Caller frees.
 */
static char *
connector(const char *top, const char *comment, const char *id,
          const char *attrs)
{
	char *buf = malloc(8192);

	ck_assert_ptr_nonnull(buf);
	snprintf(
	    buf, 8192,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "%s\n"
	    "<connector format=\"1\" name=\"Acme Inventory\" version=\"1\" "
	    "system-type=\"Warehouse\">\n"
	    "  <description>Stock levels from the Acme inventory "
	    "API.</description>\n" ACME_BASIC_HEAD "  <endpoints>\n"
	    "    %s\n"
	    "    <endpoint id=\"%s\" name=\"List stock\"%s "
	    "direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://{{host}}/api/stock</url>\n"
	    "      <enable auth-method=\"acme-basic\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n",
	    top, comment, id, attrs);
	return buf;
}

static void
put_connector(const char *dir, const char *name, const char *top,
              const char *comment, const char *id, const char *attrs)
{
	char *text = connector(top, comment, id, attrs);

	write_file(dir, name, text);
	free(text);
}

/* DIR/NAME, formatted. Caller frees. */
static char *
path_in(const char *dir, const char *fmt, ...)
{
	char name[512], *p = malloc(1024);
	va_list ap;

	ck_assert_ptr_nonnull(p);
	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	snprintf(p, 1024, "%s/%s", dir, name);
	return p;
}

/* A fresh directory with acme.rules.xml (tests in t/, created) and, when
 * MAKE_TESTS, the folder t/ itself. Caller removes it with remove_tree. */
static char *
acme_dir(const char *tests, bool make_tests)
{
	char *dir = make_temp_dir(), *text = ruleset(tests), *t;

	write_file(dir, "acme.rules.xml", text);
	free(text);
	if (make_tests) {
		t = path_in(dir, "t");
		ck_assert_int_eq(mkdir(t, 0755), 0);
		free(t);
	}
	return dir;
}

/* Asserts that OUT has the line LINE, formatted (without its "\n"). */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
assert_line(const char *out, const char *fmt, ...)
{
	char line[2048];
	va_list ap;
	size_t n;
	const char *p;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	n = strlen(line);
	for (p = out; (p = strstr(p, line)); p++)
		if ((p == out || p[-1] == '\n') && p[n] == '\n')
			return;
	ck_abort_msg("expected the line \"%s\" in:\n%s", line, out);
}

/* The last line of OUT, without its "\n" (static storage). */
static const char *
last_line(const char *out)
{
	static char line[512];
	size_t n = strlen(out);
	const char *p;

	if (n && out[n - 1] == '\n')
		n--;
	for (p = out + n; p > out && p[-1] != '\n'; p--)
		;
	snprintf(line, sizeof(line), "%.*s", (int)(out + n - p), p);
	return line;
}

/* Asserts that A occurs in OUT before B. */
static void
assert_before(const char *out, const char *a, const char *b)
{
	const char *pa = strstr(out, a), *pb = strstr(out, b);

	ck_assert_msg(pa && pb && pa < pb,
	              "expected \"%s\" before \"%s\" in:\n%s", a, b, out);
}

/* ---- the examples ------------------------------------------------------ */

static const struct {
	const char *file;
	unsigned passed;
} examples[] = {
	{ "examples/rulesets/allowed-hosts.rules.xml", 7 },
	{ "examples/rulesets/documentation.rules.xml", 7 },
	{ "examples/rulesets/endpoint-structure.rules.xml", 4 },
	{ "examples/rulesets/naming.rules.xml", 7 },
	{ "examples/rulesets/read-only.rules.xml", 9 },
};

START_TEST(examples_pass)
{
	char closing[64];
	struct run r = RUN("test-rules", examples[_i].file);

	snprintf(closing, sizeof(closing), "%u passed, 0 failed",
	         examples[_i].passed);
	ck_assert_msg(r.status == 0, "%s: status %d\n%s%s", examples[_i].file,
	              r.status, r.out, r.err);
	ck_assert_str_eq(last_line(r.out), closing);
	/* nothing but the closing line */
	ck_assert_uint_eq(count_lines(r.out), 1);
	ck_assert_str_eq(r.err, "");
	run_free(&r);
}
END_TEST

/* Each example is also a ruleset --rules loads for a plain lint: its
 * test files get the diagnostics their comments expect. */
START_TEST(examples_lint)
{
	struct run r = RUN("--no-config", "--rules",
	                   "examples/rulesets/endpoint-structure.rules.xml",
	                   "--select", "ENDP", "--format", "gcc",
	                   "examples/rulesets/endpoint-structure-tests/");

	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out,
	                "endpoint-structure-tests/missing-entity.xml:29:");
	ASSERT_CONTAINS(r.out, "[ENDP001]");
	ASSERT_CONTAINS(r.out, "[ENDP002]");
	ASSERT_CONTAINS(r.out, "[ENDP003]");
	ck_assert_uint_eq(count_lines(r.out), 3);
	run_free(&r);
}
END_TEST

/* docs/custom-rules.md cannot drift from the examples: every ```xml block
 * that shows a ruleset or rules (it starts with <ruleset or <rule) is
 * found word for word in one of the example rulesets. */
START_TEST(docs_show_the_examples)
{
	char *doc = read_all("docs/custom-rules.md"), *files[5];
	const char *p = doc, *start, *end;
	size_t i, shown = 0;

	for (i = 0; i < 5; i++)
		files[i] = read_all(examples[i].file);
	while ((start = strstr(p, "```xml\n"))) {
		const char *q;
		char *block;
		bool found = false;

		start += 7;
		end = strstr(start, "```");
		ck_assert_ptr_nonnull(end);
		p = end + 3;
		for (q = start; *q == ' '; q++)
			;
		if (strncmp(q, "<rule", 5))
			continue;
		block = strndup(start, (size_t)(end - start));
		ck_assert_ptr_nonnull(block);
		if (*block && block[strlen(block) - 1] == '\n')
			block[strlen(block) - 1] = '\0';
		for (i = 0; i < 5 && !found; i++)
			found = strstr(files[i], block) != NULL;
		ck_assert_msg(found, "not in examples/rulesets/:\n%s", block);
		free(block);
		shown++;
	}
	/* the five rulesets or rules of each of them */
	ck_assert_uint_ge(shown, 5);
	for (i = 0; i < 5; i++)
		free(files[i]);
	free(doc);
}
END_TEST

/* ---- failures ------------------------------------------------------------ */

START_TEST(every_kind_of_failure)
{
	char *dir = acme_dir("t/", true), *t = path_in(dir, "t");
	char *rules = path_in(dir, "acme.rules.xml");
	const char *plain = "<!-- a test -->";
	struct run r;

	/* a: expects ACME001, but the endpoint has an entity */
	put_connector(t, "a.xml", plain, "<!-- connlint-expect ACME001 -->",
	              "list-stock", " entity=\"Stock\"");
	/* b: an ACME002 that no comment expects */
	put_connector(t, "b.xml", plain, "<!-- nothing expected here -->",
	              "List_Stock", " entity=\"Stock\"");
	/* c: an expectation of a rule the ruleset does not have */
	put_connector(t, "c.xml", plain, "<!-- connlint-expect ACME999 -->",
	              "list-stock", " entity=\"Stock\"");
	/* d: passes */
	put_connector(t, "d.xml", plain, "<!-- connlint-expect ACME001 -->",
	              "list-stock", "");
	/* e: expects ACME001 twice in one place, reported once */
	put_connector(t, "e.xml", plain,
	              "<!-- connlint-expect ACME001 ACME001 -->", "list-stock",
	              "");
	write_file(t, "notes.txt", "not a test file\n");

	r = RUN("test-rules", rules);
	ck_assert_msg(r.status == 1, "status %d\n%s%s", r.status, r.out, r.err);
	assert_line(r.out,
	            "%s/a.xml:20:5: missing ACME001: expected by the comment "
	            "at line 19",
	            t);
	assert_line(r.out,
	            "%s/b.xml:20:19: unexpected ACME002: endpoint id "
	            "`List_Stock` is not kebab-case",
	            t);
	assert_line(r.out,
	            "%s/c.xml:19:5: unknown rule ACME999: the ruleset %s has "
	            "no rule with that ID",
	            t, rules);
	assert_line(r.out,
	            "%s/e.xml:20:5: ACME001 reported 1 time, expected 2 by "
	            "the comment at line 19",
	            t);
	assert_line(r.out,
	            "%s: untested rule ACME002 (endpoint-id-not-kebab): no "
	            "test file expects it or expects none",
	            rules);
	assert_line(r.out,
	            "%s: untested rule ACME003 (description-missing): no test "
	            "file expects it or expects none",
	            rules);
	ASSERT_LACKS(r.out, "d.xml");
	ASSERT_LACKS(r.out, "notes.txt");
	ASSERT_LACKS(r.out, "ACME001 (endpoint-entity-missing)");
	/* a 1, b 1, c 1, e 2, two untested rules */
	ck_assert_str_eq(last_line(r.out), "1 passed, 7 failed");
	ck_assert_uint_eq(count_lines(r.out), 7);
	/* files in name order, the untested rules after them */
	assert_before(r.out, "/a.xml:", "/b.xml:");
	assert_before(r.out, "/b.xml:", "/c.xml:");
	assert_before(r.out, "/e.xml:", "untested");
	run_free(&r);
	free(rules);
	free(t);
	remove_tree(dir);
}
END_TEST

/* A file that expects none: every rule counts as tested by it, and each
 * diagnostic it gets is unexpected. */
START_TEST(expect_none)
{
	char *dir = acme_dir("t/", true), *t = path_in(dir, "t");
	char *rules = path_in(dir, "acme.rules.xml");
	const char *none = "<!-- connlint-expect-none -->";
	char *dirty;
	struct run r;

	put_connector(t, "clean.xml", none, "<!-- fine -->", "list-stock",
	              " entity=\"Stock\"");
	r = RUN("test-rules", rules);
	ck_assert_msg(r.status == 0, "status %d\n%s%s", r.status, r.out, r.err);
	ck_assert_str_eq(r.out, "1 passed, 0 failed\n");
	run_free(&r);

	put_connector(t, "dirty.xml", none, "<!-- fine -->", "List_Stock",
	              " entity=\"Stock\"");
	r = RUN("test-rules", rules);
	ck_assert_int_eq(r.status, 1);
	assert_line(r.out,
	            "%s/dirty.xml:2:1: connlint-expect-none: 1 diagnostic of "
	            "the ruleset",
	            t);
	assert_line(r.out,
	            "%s/dirty.xml:20:19: unexpected ACME002: endpoint id "
	            "`List_Stock` is not kebab-case",
	            t);
	ck_assert_str_eq(last_line(r.out), "1 passed, 2 failed");
	ck_assert_uint_eq(count_lines(r.out), 3);
	run_free(&r);

	/* not the first comment: misplaced */
	dirty = path_in(t, "dirty.xml");
	ck_assert_int_eq(unlink(dirty), 0);
	free(dirty);
	put_connector(t, "late.xml", "<!-- first -->", none, "list-stock",
	              " entity=\"Stock\"");
	r = RUN("test-rules", rules);
	ck_assert_int_eq(r.status, 1);
	assert_line(r.out,
	            "%s/late.xml:19:5: misplaced connlint-expect-none: it "
	            "must be the first comment, alone, before the root element",
	            t);
	ck_assert_str_eq(last_line(r.out), "1 passed, 1 failed");
	run_free(&r);
	free(rules);
	free(t);
	remove_tree(dir);
}
END_TEST

/* Comments that cannot be honoured fail where they stand. */
START_TEST(comments_that_fail)
{
	char *dir = acme_dir("t/", true), *t = path_in(dir, "t");
	char *rules = path_in(dir, "acme.rules.xml"), *text;
	const char *plain = "<!-- a test -->";
	char after[8192];
	struct run r;

	put_connector(t, "a.xml", plain, "<!-- connlint-expect -->",
	              "list-stock", " entity=\"Stock\"");
	put_connector(t, "b.xml", "<!-- connlint-expect-none -->",
	              "<!-- connlint-expect ACME001 -->", "list-stock",
	              " entity=\"Stock\"");
	text = connector(plain, "<!-- no expectation -->", "list-stock",
	                 " entity=\"Stock\"");
	snprintf(after, sizeof(after), "%s<!-- connlint-expect ACME001 -->\n",
	         text);
	free(text);
	write_file(t, "c.xml", after);
	r = RUN("test-rules", rules);
	ck_assert_int_eq(r.status, 1);
	assert_line(r.out, "%s/a.xml:19:5: connlint-expect names no rule", t);
	assert_line(r.out,
	            "%s/b.xml:19:5: connlint-expect in a file that expects "
	            "none",
	            t);
	assert_line(r.out,
	            "%s/c.xml:26:1: connlint-expect with no element after it",
	            t);
	/* b.xml expects none and gets none: every rule is tested */
	ck_assert_str_eq(last_line(r.out), "1 passed, 3 failed");
	ck_assert_uint_eq(count_lines(r.out), 4);
	run_free(&r);
	free(rules);
	free(t);
	remove_tree(dir);
}
END_TEST

START_TEST(not_well_formed)
{
	char *dir = acme_dir("t/", true), *t = path_in(dir, "t");
	char *rules = path_in(dir, "acme.rules.xml");
	char *file = path_in(t, "broken.xml");
	struct run r;

	write_file(t, "broken.xml",
	           "<?xml version=\"1.0\"?>\n<!-- connlint-expect ACME001 "
	           "-->\n<connector format=\"1\">\n  <endpoints>\n");
	r = RUN("test-rules", rules);
	ck_assert_int_eq(r.status, 1);
	ck_assert_msg(!strncmp(r.out, file, strlen(file)) &&
	                  r.out[strlen(file)] == ':',
	              "expected %s:LINE:COL first in:\n%s", file, r.out);
	ASSERT_CONTAINS(r.out, ": not well-formed: ");
	/* the file counts once; no rule is tested by it */
	ck_assert_str_eq(last_line(r.out), "0 passed, 4 failed");
	run_free(&r);
	free(file);
	free(rules);
	free(t);
	remove_tree(dir);
}
END_TEST

START_TEST(no_tests_folder)
{
	char *dir = acme_dir(NULL, false);
	char *rules = path_in(dir, "acme.rules.xml");
	struct run r = RUN("test-rules", rules);

	ck_assert_int_eq(r.status, 1);
	assert_line(r.out,
	            "%s: no tests: the ruleset has no <tests path=\"...\"/>",
	            rules);
	assert_line(r.out,
	            "%s: untested rule ACME001 (endpoint-entity-missing): no "
	            "test file expects it or expects none",
	            rules);
	assert_line(r.out,
	            "%s: untested rule ACME002 (endpoint-id-not-kebab): no "
	            "test file expects it or expects none",
	            rules);
	assert_line(r.out,
	            "%s: untested rule ACME003 (description-missing): no test "
	            "file expects it or expects none",
	            rules);
	ck_assert_str_eq(last_line(r.out), "0 passed, 3 failed");
	ck_assert_uint_eq(count_lines(r.out), 5);
	run_free(&r);
	free(rules);
	remove_tree(dir);
}
END_TEST

/* An empty tests folder: every rule untested, status 1. */
START_TEST(empty_tests_folder)
{
	char *dir = acme_dir("t/", true);
	char *rules = path_in(dir, "acme.rules.xml");
	struct run r = RUN("test-rules", rules);

	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(last_line(r.out), "0 passed, 3 failed");
	ck_assert_uint_eq(count_lines(r.out), 4);
	run_free(&r);
	free(rules);
	remove_tree(dir);
}
END_TEST

/* Trouble is 2: a ruleset that is not valid, a tests folder that does
 * not exist, no such ruleset file. */
START_TEST(trouble)
{
	char *dir = acme_dir("missing/", false);
	char *rules = path_in(dir, "acme.rules.xml");
	char *bad = path_in(dir, "bad.rules.xml");
	struct run r;

	r = RUN("test-rules", rules);
	ck_assert_msg(r.status == 2, "status %d\n%s%s", r.status, r.out, r.err);
	ASSERT_CONTAINS(r.err, "missing");
	run_free(&r);

	write_file(dir, "bad.rules.xml",
	           "<ruleset name=\"x\" prefix=\"CL\">\n</ruleset>\n");
	r = RUN("test-rules", bad);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "bad.rules.xml:");
	ASSERT_CONTAINS(r.err, "error: ");
	ck_assert_str_eq(r.out, "");
	run_free(&r);

	r = RUN("test-rules", "/nonexistent/x.rules.xml");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "/nonexistent/x.rules.xml");
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	free(bad);
	free(rules);
	remove_tree(dir);
}
END_TEST

/* ---- the library --------------------------------------------------------- */

struct heard {
	char text[4096];
	int count;
};

static void
hear(void *data, enum cl_message_kind kind, const char *text)
{
	struct heard *h = data;

	(void)kind;
	strncat(h->text, text, sizeof(h->text) - strlen(h->text) - 1);
	h->count++;
}

START_TEST(through_the_library)
{
	cl_session *s = cl_session_new();
	struct heard h = { "", 0 };
	char tmpl[] = "/tmp/connlint-test-rules-XXXXXX", *out;
	FILE *f;

	temp_path(tmpl);
	f = fopen(tmpl, "w");
	ck_assert_ptr_nonnull(f);
	cl_session_set_messages(s, hear, &h);
	ck_assert_int_eq(
	    cl_session_test_rules(s, "examples/rulesets/naming.rules.xml", f),
	    0);
	ck_assert_int_eq(fclose(f), 0);
	out = slurp_and_remove(tmpl);
	ck_assert_str_eq(out, "7 passed, 0 failed\n");
	ck_assert_int_eq(h.count, 0);
	free(out);
	cl_session_free(s);

	/* a ruleset that cannot be read: 2, after a message */
	s = cl_session_new();
	cl_session_set_messages(s, hear, &h);
	ck_assert_int_eq(
	    cl_session_test_rules(s, "/nonexistent/x.rules.xml", stdout), 2);
	ck_assert_int_ge(h.count, 1);
	ASSERT_CONTAINS(h.text, "/nonexistent/x.rules.xml");
	cl_session_free(s);
}
END_TEST

static Suite *
test_rules_suite(void)
{
	Suite *s = suite_create("test_rules");
	TCase *tc = tcase_create("test-rules");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, examples_pass, 0,
	                    (int)(sizeof(examples) / sizeof(examples[0])));
	tcase_add_test(tc, examples_lint);
	tcase_add_test(tc, docs_show_the_examples);
	tcase_add_test(tc, every_kind_of_failure);
	tcase_add_test(tc, expect_none);
	tcase_add_test(tc, comments_that_fail);
	tcase_add_test(tc, not_well_formed);
	tcase_add_test(tc, no_tests_folder);
	tcase_add_test(tc, empty_tests_folder);
	tcase_add_test(tc, trouble);
	tcase_add_test(tc, through_the_library);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(test_rules_suite)
