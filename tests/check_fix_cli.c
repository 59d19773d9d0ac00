/*
 * --fix, --diff, --unsafe-fixes and --add-suppressions end to end (the
 * real binary on files of its own), and the library's applier and diff
 * where a case cannot be made from the command line: the undo of a pass
 * that would break the file, and diffs of texts no fix makes, checked by
 * applying them with patch(1).
 */
#include <sys/time.h>
#include <time.h>

#include "cli_run.h"
#include "connlint.h"
#include "lib/check_main.h"
#include "result.h"
#include "udiff.h"
#include "util.h"

/* CL308: client_type `Confidential`, fixed (safely) to `confidential`. */
#define CL308 "fixtures/rules/CL308/fires-case.xml"
/* CL502: an `http` token URL, fixed (unsafely) to `https`. */
#define CL502 "fixtures/rules/CL502/fires.xml"
/* Findings (CL204) without a fix. */
#define NOFIX "fixtures/rules/CL204/fires-duplicates.xml"

/* S with the first FROM replaced by TO; the test fails when S has none.
 * Caller frees. */
static char *
replace_first(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);

	ck_assert_msg(p != NULL, "no '%s' to replace", from);
	return cl_xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

/* S with every FROM replaced by TO. Caller frees. */
static char *
replace_all(const char *s, const char *from, const char *to)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *p;

	while ((p = strstr(s, from))) {
		cl_strbuf_add(&sb, s, (size_t)(p - s));
		cl_strbuf_adds(&sb, to);
		s = p + strlen(from);
	}
	cl_strbuf_adds(&sb, s);
	return cl_strbuf_detach(&sb);
}

static char *
path_in(const char *dir, const char *name)
{
	return cl_xasprintf("%s/%s", dir, name);
}

/* Sets PATH's modification time to an hour ago, so that a rewrite
 * within the test's second shows; returns it. */
static struct timespec
age(const char *path)
{
	struct timespec ts[2];
	struct stat st;

	clock_gettime(CLOCK_REALTIME, &ts[0]);
	ts[0].tv_sec -= 3600;
	ts[0].tv_nsec = 0;
	ts[1] = ts[0];
	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_mtim;
}

static void
assert_mtime(const char *path, struct timespec t)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_msg(st.st_mtim.tv_sec == t.tv_sec &&
	                  st.st_mtim.tv_nsec == t.tv_nsec,
	              "%s was touched", path);
}

/* No temporary file is left in DIR. */
static void
assert_no_temp(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd),
	         "ls -a '%s' | grep -q connlint- && exit 1; exit 0", dir);
	ck_assert_msg(system(cmd) == 0, "a temporary file is left in %s", dir);
}

START_TEST(fix_in_place)
{
	char *dir = make_temp_dir(), *p = path_in(dir, "a.xml");
	char *orig = read_all(CL308), *want, *got;
	struct run r;

	want = replace_first(orig, "\"Confidential\"", "\"confidential\"");
	copy_file(CL308, dir, "a.xml");
	r = RUN("--no-config", "--fix", p);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "no problems in 1 file; 1 fixed, 0 remaining");
	got = read_all(p);
	ck_assert_str_eq(got, want);
	assert_no_temp(dir);
	run_free(&r);
	free(got);
	free(want);
	free(orig);
	free(p);
	remove_tree(dir);
}
END_TEST

/* A second --fix finds nothing to fix and leaves the file alone: same
 * bytes, same modification time. */
START_TEST(second_fix_changes_nothing)
{
	char *dir = make_temp_dir(), *p = path_in(dir, "a.xml");
	char *once, *twice;
	struct timespec t;
	struct run r;

	copy_file(CL308, dir, "a.xml");
	r = RUN("--no-config", "--fix", p);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	once = read_all(p);
	t = age(p);
	r = RUN("--no-config", "--fix", p);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "; 0 fixed, 0 remaining");
	twice = read_all(p);
	ck_assert_str_eq(once, twice);
	assert_mtime(p, t);
	run_free(&r);
	free(once);
	free(twice);
	free(p);
	remove_tree(dir);
}
END_TEST

/* Findings without a fix: the file is not touched, the status follows
 * the findings that remain. */
START_TEST(nothing_to_fix_is_not_touched)
{
	char *dir = make_temp_dir(), *p = path_in(dir, "a.xml");
	char *orig = read_all(NOFIX), *got;
	struct timespec t;
	struct run r;

	copy_file(NOFIX, dir, "a.xml");
	t = age(p);
	r = RUN("--no-config", "--fix", p);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "CL204");
	ASSERT_CONTAINS(r.out, "; 0 fixed, 2 remaining");
	got = read_all(p);
	ck_assert_str_eq(got, orig);
	assert_mtime(p, t);
	run_free(&r);
	free(got);
	free(orig);
	free(p);
	remove_tree(dir);
}
END_TEST

/* A symbolic link is written through: the link stays a link, its target
 * gets the fixed text, and keeps its permission bits. */
START_TEST(symlink_and_mode_kept)
{
	char *dir = make_temp_dir(), *target = path_in(dir, "target.xml");
	char *link = path_in(dir, "link.xml"), *got;
	struct stat st;
	struct run r;

	copy_file(CL308, dir, "target.xml");
	ck_assert_int_eq(chmod(target, 0640), 0);
	ck_assert_int_eq(symlink("target.xml", link), 0);
	r = RUN("--no-config", "--fix", link);
	ck_assert_int_eq(r.status, 0);
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	got = read_all(target);
	ASSERT_CONTAINS(got, "default=\"confidential\"");
	ASSERT_LACKS(got, "Confidential\"");
	assert_no_temp(dir);
	run_free(&r);
	free(got);
	free(target);
	free(link);
	remove_tree(dir);
}
END_TEST

/* Runs patch(1) in DIR with ARGS and the diff in DIFF_PATH; returns its
 * exit status, or -1 when it applied a hunk elsewhere than its header
 * says (an offset) or loosely (fuzz): the line numbers must be exact. */
static int
run_patch(const char *dir, const char *args, const char *diff_path)
{
	char cmd[1200];
	int rc;

	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && patch --batch --fuzz=0 --no-backup-if-mismatch %s "
	         "< '%s' > .patch.out 2>&1",
	         dir, args, diff_path);
	rc = system(cmd);
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && ! grep -qi -e offset -e fuzz .patch.out; r=$?; "
	         "rm -f .patch.out; exit $r",
	         dir);
	if (rc == 0 && system(cmd) != 0)
		return -1;
	return rc;
}

/*
 * --diff writes nothing and exits 1; its output applies cleanly with
 * patch -p1 to a copy of the tree and gives what --fix gives, over a
 * directory with -j 2 (two files to fix, one without a fix).
 */
START_TEST(diff_applies_with_patch)
{
	char *dir = make_temp_dir(), *copy = make_temp_dir();
	char *diff_path = path_in(copy, "fix.diff");
	static const char *const names[] = { "a.xml", "b.xml", "c.xml" };
	const char *const from[] = { CL308, NOFIX, CL308 };
	char *orig[3], cwd[512], cmd[1300];
	struct timespec t[3];
	struct run r;
	FILE *f;
	size_t i;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	for (i = 0; i < 3; i++) {
		char *p = path_in(dir, names[i]);

		copy_file(from[i], dir, names[i]);
		copy_file(from[i], copy, names[i]);
		orig[i] = read_all(p);
		t[i] = age(p);
		free(p);
	}
	/* relative names, as patch -p1 reads them from "a/NAME" */
	if (binary()[0] != '/') {
		char *bin = cl_xasprintf("%s/%s", cwd, binary());

		setenv("CONNLINT", bin, 1);
		free(bin);
	}
	ck_assert_int_eq(chdir(dir), 0);
	r = RUN("--no-config", "-j", "2", "--diff", ".");
	ck_assert_int_eq(chdir(cwd), 0);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "--- a/./a.xml\n+++ b/./a.xml\n@@ ");
	ASSERT_CONTAINS(r.out, "-        <variable key=\"client_type\"");
	ASSERT_LACKS(r.out, "b.xml");
	ASSERT_CONTAINS(r.err, "2 fixes would be applied in 2 files");
	for (i = 0; i < 3; i++) {
		char *p = path_in(dir, names[i]), *now = read_all(p);

		ck_assert_str_eq(now, orig[i]);
		assert_mtime(p, t[i]);
		free(now);
		free(p);
	}
	f = fopen(diff_path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(r.out, f);
	fclose(f);
	ck_assert_int_eq(run_patch(copy, "-p1", diff_path), 0);
	unlink(diff_path);
	run_free(&r);
	r = RUN("--no-config", "-j", "2", "--fix", dir);
	ck_assert_int_eq(r.status, 1); /* b.xml's findings remain */
	ASSERT_CONTAINS(r.out, "; 2 fixed, 2 remaining");
	run_free(&r);
	snprintf(cmd, sizeof(cmd), "diff -r '%s' '%s' >/dev/null", dir, copy);
	ck_assert_msg(system(cmd) == 0, "patch and --fix disagree");
	for (i = 0; i < 3; i++)
		free(orig[i]);
	free(diff_path);
	remove_tree(dir);
	remove_tree(copy);
}
END_TEST

/* The diff quotes source lines as every output does: a secret in a
 * hunk's context is masked (docs/security.md), the fix itself shown. */
START_TEST(diff_masks_secrets)
{
	static const char secret[] = "Dwdet7NqM4pX9zLsVb2KfHc8";
	char *dir = make_temp_dir(), *doc = read_all(CL308), *with, *p;
	struct run r;
	FILE *f;

	/* the secret two lines above the fix: inside its context */
	with = replace_first(doc, "required=\"true\" secret=\"true\" locked",
	                     "default=\"Dwdet7NqM4pX9zLsVb2KfHc8\" "
	                     "secret=\"true\" locked");
	p = path_in(dir, "s.xml");
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(with, f);
	fclose(f);
	r = RUN("--no-config", "--diff", p);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "+        <variable key=\"client_type\"");
	ASSERT_CONTAINS(r.out, "default=\"Dwde****");
	ck_assert_msg(!strstr(r.out, secret + 4), "the secret leaks:\n%s",
	              r.out);
	run_free(&r);
	free(p);
	free(with);
	free(doc);
	remove_tree(dir);
}
END_TEST

/* -j 2 and -j 1 fix a directory alike and print the same report. */
START_TEST(jobs_fix_alike)
{
	char *one = make_temp_dir(), *two = make_temp_dir(), cmd[700];
	char name[32];
	struct run r1, r2;
	int i;

	for (i = 0; i < 6; i++) {
		snprintf(name, sizeof(name), "f%d.xml", i);
		copy_file(i % 3 == 1 ? NOFIX
		          : i % 3    ? CL502
		                     : CL308,
		          one, name);
		copy_file(i % 3 == 1 ? NOFIX
		          : i % 3    ? CL502
		                     : CL308,
		          two, name);
	}
	r1 = RUN("--no-config", "-j", "1", "--fix", "--unsafe-fixes", one);
	r2 = RUN("--no-config", "-j", "2", "--fix", "--unsafe-fixes", two);
	ck_assert_int_eq(r1.status, r2.status);
	ASSERT_CONTAINS(r1.out, "; 6 fixed, 4 remaining");
	{
		char *a = replace_all(r1.out, one, "DIR");
		char *b = replace_all(r2.out, two, "DIR");

		ck_assert_str_eq(a, b);
		free(a);
		free(b);
	}
	snprintf(cmd, sizeof(cmd), "diff -r '%s' '%s' >/dev/null", one, two);
	ck_assert_msg(system(cmd) == 0, "-j 2 fixed differently");
	run_free(&r1);
	run_free(&r2);
	remove_tree(one);
	remove_tree(two);
}
END_TEST

/* Standard input: --fix prints the fixed text on standard output, the
 * report on standard error; --diff prints the diff. */
START_TEST(stdin_fix_prints_the_text)
{
	char *orig = read_all(CL308), *want;
	struct run r;

	want = replace_first(orig, "\"Confidential\"", "\"confidential\"");
	r = RUN_STDIN(CL308, "--no-config", "--fix", "-");
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, want);
	ASSERT_CONTAINS(r.err, "1 fixed, 0 remaining");
	run_free(&r);
	/* nothing to fix: the text as it was */
	r = RUN_STDIN(NOFIX, "--no-config", "--fix", "-");
	ck_assert_int_eq(r.status, 1);
	free(orig);
	orig = read_all(NOFIX);
	ck_assert_str_eq(r.out, orig);
	ASSERT_CONTAINS(r.err, "CL204");
	run_free(&r);
	r = RUN_STDIN(CL308, "--no-config", "--diff", "--stdin-filename",
	              "conn.xml", "-");
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "--- a/conn.xml\n+++ b/conn.xml\n");
	ASSERT_CONTAINS(r.out,
	                "+        <variable key=\"client_type\" "
	                "label=\"Client type\" default=\"confidential\"");
	run_free(&r);
	free(orig);
	free(want);
}
END_TEST

/* Unsafe fixes only with --unsafe-fixes; the options that do not go
 * together are usage errors. */
START_TEST(unsafe_fixes_and_usage)
{
	char *dir = make_temp_dir(), *p = path_in(dir, "a.xml"), *got;
	struct run r;

	copy_file(CL502, dir, "a.xml");
	r = RUN("--no-config", "--diff", p);
	ck_assert_int_eq(r.status, 0); /* the only fix is unsafe */
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	r = RUN("--no-config", "--diff", "--unsafe-fixes", p);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "+      <url>https://{{store_url}}");
	run_free(&r);
	r = RUN("--no-config", "--fix", "--unsafe-fixes", p);
	got = read_all(p);
	ASSERT_CONTAINS(got, "<url>https://{{store_url}}/api/oauth/token");
	free(got);
	run_free(&r);

	r = RUN("--fix", "--diff", p);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "--fix and --diff cannot be used together");
	run_free(&r);
	r = RUN("--unsafe-fixes", p);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "--unsafe-fixes: only with --fix or --diff");
	run_free(&r);
	r = RUN("--diff", "--output", "json=r.json", p);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	free(p);
	remove_tree(dir);
}
END_TEST

/* Reads the number after KEY in S. */
static size_t
number_after(const char *s, const char *key)
{
	const char *p = strstr(s, key);

	ck_assert_msg(p != NULL, "no %s in:\n%s", key, s);
	return (size_t)strtoul(p + strlen(key), NULL, 10);
}

/* json: a "fix" object whose byte range is the text it replaces. */
START_TEST(json_fix_object)
{
	char *orig = read_all(CL308);
	struct run r = RUN("--no-config", "--format", "json", CL308);
	size_t start, end;

	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out,
	                "\"fix\": {\"title\": \"replace `Confidential` with "
	                "`confidential`\", \"applicability\": \"safe\", "
	                "\"edits\": [{\"line\": 13, \"column\": 66, "
	                "\"end_line\": 13, \"end_column\": 78, ");
	start = number_after(r.out, "\"byte_start\": ");
	end = number_after(r.out, "\"byte_end\": ");
	ck_assert_uint_eq(end - start, 12);
	ck_assert(!memcmp(orig + start, "Confidential", 12));
	ASSERT_CONTAINS(r.out, "\"content\": \"confidential\"}]}");
	run_free(&r);
	/* the summary of --fix */
	r = RUN_STDIN(CL308, "--no-config", "--format", "json", "--fix", "-");
	ASSERT_CONTAINS(r.err, "\"fixed\": 1, \"remaining\": 0}");
	run_free(&r);
	free(orig);
}
END_TEST

/* sarif: "fixes" with a deletedRegion of bytes of the unmodified file. */
START_TEST(sarif_fixes)
{
	char *orig = read_all(CL308);
	struct run r = RUN("--no-config", "--format", "sarif", CL308);
	size_t off, len;

	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "\"fixes\": [\n            {\"description\": "
	                       "{\"text\": \"replace `Confidential` with "
	                       "`confidential`\"}, \"artifactChanges\": [{"
	                       "\"artifactLocation\": {\"uri\": ");
	off = number_after(r.out, "\"byteOffset\": ");
	len = number_after(r.out, "\"byteLength\": ");
	ck_assert_uint_eq(len, 12);
	ck_assert(!memcmp(orig + off, "Confidential", 12));
	ASSERT_CONTAINS(r.out, "\"insertedContent\": {\"text\": "
	                       "\"confidential\"}}]}], \"properties\": "
	                       "{\"applicability\": \"safe\"}}");
	run_free(&r);
	free(orig);
}
END_TEST

/* --add-suppressions: one comment per element, indented as it; a second
 * run changes nothing; the findings are gone. */
/* Every mode on every fixture: never a crash (a UTF-16 file once hit a
 * BUG() in --add-suppressions, whose parse skipped the input checks), and
 * a file the engine cannot read as XML is left as it is. */
START_TEST(every_mode_on_unreadable_xml)
{
	static const char *const modes[][3] = {
		{ "--add-suppressions", "x", NULL },
		{ "--fix", "--unsafe-fixes", NULL },
		{ "--diff", "--unsafe-fixes", NULL },
	};
	static const char *const files[] = { "fixtures/bad/utf16.xml",
		                             "fixtures/bad/binary.xml",
		                             "fixtures/bad/declared-latin1.xml",
		                             "fixtures/bad/latin1.xml" };
	size_t i, k;

	for (k = 0; k < sizeof(files) / sizeof(*files); k++) {
		char *dir = make_temp_dir(), *p = path_in(dir, "u.xml");
		char *before;

		copy_file(files[k], dir, "u.xml");
		before = read_all(p);
		for (i = 0; i < sizeof(modes) / sizeof(*modes); i++) {
			struct run r = modes[i][1]
			                   ? RUN("--no-config", modes[i][0],
			                         modes[i][1], p)
			                   : RUN("--no-config", modes[i][0], p);
			char *now = read_all(p);

			/* its CL001 stays; --diff has nothing to show */
			int want = strcmp(modes[i][0], "--diff") ? 1 : 0;

			ck_assert_msg(r.status == want, "%s %s: exit %d\n%s",
			              modes[i][0], files[k], r.status, r.err);
			ASSERT_LACKS(r.err, "BUG");
			ck_assert_str_eq(now, before);
			free(now);
			run_free(&r);
		}
		free(before);
		free(p);
		remove_tree(dir);
	}
}
END_TEST

START_TEST(add_suppressions)
{
	char *dir = make_temp_dir(), *p = path_in(dir, "a.xml");
	char *once, *twice;
	struct timespec t;
	struct run r;

	copy_file(NOFIX, dir, "a.xml");
	/* as a diff first: nothing written */
	once = read_all(p);
	r = RUN("--no-config", "--add-suppressions", "legacy, ticket 7",
	        "--diff", p);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "+        <!-- connlint-disable-next-line "
	                       "CL204 legacy, ticket 7 -->\n");
	twice = read_all(p);
	ck_assert_str_eq(once, twice);
	free(once);
	free(twice);
	run_free(&r);
	r = RUN("--no-config", "--add-suppressions", "legacy, ticket 7", p);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.err, "2 suppression comments added in 1 file");
	run_free(&r);
	once = read_all(p);
	ASSERT_CONTAINS(once, "\"{{token}}\" locked=\"true\"/>\n"
	                      "        <param key=\"Accept\" "
	                      "value=\"application/json\"/>\n"
	                      "        <!-- connlint-disable-next-line CL204 "
	                      "legacy, ticket 7 -->\n"
	                      "        <param key=\"Accept\"");
	t = age(p);
	r = RUN("--no-config", "--add-suppressions", "legacy, ticket 7", p);
	ck_assert_int_eq(r.status, 0);
	twice = read_all(p);
	ck_assert_str_eq(once, twice);
	assert_mtime(p, t);
	run_free(&r);
	r = RUN("--no-config", p);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	/* a reason that cannot stand in a comment */
	r = RUN("--add-suppressions", "no -- dashes", p);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "--add-suppressions");
	run_free(&r);
	r = RUN("--add-suppressions", "CL101 is fine", p);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	free(once);
	free(twice);
	free(p);
	remove_tree(dir);
}
END_TEST

/* The undo: a pass whose text is not well-formed, or adds a CL002, keeps
 * nothing. No real fix does either, so the fix of a real CL308 finding is
 * made to (the library function; the command line runs the same). */
static void
assert_undone(const char *text, const char *reason)
{
	cl_linter *l = cl_linter_new();
	char *src = read_all(CL308), *out = (char *)"x";
	cl_result *r = cl_lint_memory(l, "a.xml", src, strlen(src)), *before;
	const char *why = NULL;
	size_t i, len = 7, fixed = 7;
	struct cl_diag *d = NULL;

	for (i = 0; i < r->sink.n; i++)
		if (r->sink.items[i].fix)
			d = &r->sink.items[i];
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(d->fix->nedits, 1);
	free(d->fix->edits[0].text);
	d->fix->edits[0].text = cl_strdup(text);
	before = r;
	ck_assert_int_eq(cl_fix_result(l, &r, 0, &out, &len, &fixed, &why), -1);
	ck_assert_ptr_eq(r, before);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(fixed, 0);
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, reason);
	ck_assert_uint_eq(cl_result_count(r), 1); /* still the CL308 */
	cl_result_free(r);
	cl_linter_free(l);
	free(src);
}

START_TEST(undo_when_a_pass_breaks_the_file)
{
	/* default="<": not well-formed */
	assert_undone("<", "the fixes would make it not well-formed XML");
	/* default="x" oops="y": an unknown attribute, a CL002 */
	assert_undone("confidential\" oops=\"y",
	              "the fixes would add a CL002 diagnostic");
}
END_TEST

/* The same fix, not tampered with, is kept: the control for the above. */
START_TEST(fix_result_applies)
{
	cl_linter *l = cl_linter_new();
	char *src = read_all(CL308), *out = NULL;
	cl_result *r = cl_lint_memory(l, "a.xml", src, strlen(src));
	size_t len = 0, fixed = 0;

	ck_assert_int_eq(cl_fix_result(l, &r, 0, &out, &len, &fixed, NULL), 0);
	ck_assert_uint_eq(fixed, 1);
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_eq(len, strlen(src));
	ck_assert_uint_eq(cl_result_count(r), 0);
	free(out);
	cl_result_free(r);
	cl_linter_free(l);
	free(src);
}
END_TEST

/* One pass takes fixes that do not collide and leaves the others; the
 * unsafe ones only when asked. CL502's fixture has two unsafe fixes; the
 * second is made to start where the first does. */
START_TEST(one_pass_skips_colliding_fixes)
{
	cl_linter *l = cl_linter_new();
	char *src = read_all(CL502), *out;
	cl_result *r = cl_lint_memory(l, "a.xml", src, strlen(src));
	struct cl_diag *d[2] = { NULL, NULL };
	size_t i, k = 0, len, applied;

	for (i = 0; i < r->sink.n && k < 2; i++)
		if (r->sink.items[i].fix)
			d[k++] = &r->sink.items[i];
	ck_assert_uint_eq(k, 2);
	ck_assert_ptr_null(cl_fix_apply(r, 0, &len, &applied));
	ck_assert_uint_eq(applied, 0);
	out = cl_fix_apply(r, 1, &len, &applied);
	ck_assert_uint_eq(applied, 2);
	ck_assert_uint_eq(len, strlen(src) + 2);
	ck_assert_ptr_null(strstr(out, "http:"));
	ck_assert_ptr_null(strstr(out, "HTTP:"));
	free(out);
	/* the second now collides with the first: the next pass's */
	d[1]->fix->edits[0].span = d[0]->fix->edits[0].span;
	out = cl_fix_apply(r, 1, &len, &applied);
	ck_assert_uint_eq(applied, 1);
	ck_assert_uint_eq(len, strlen(src) + 1);
	ck_assert_ptr_null(strstr(out, "http:"));
	ck_assert_ptr_nonnull(strstr(out, "HTTP:"));
	free(out);
	cl_result_free(r);
	/* the passes get both, whatever the order they were taken in */
	r = cl_lint_memory(l, "a.xml", src, strlen(src));
	ck_assert_int_eq(cl_fix_result(l, &r, 1, &out, &len, &applied, NULL),
	                 0);
	ck_assert_uint_eq(applied, 2);
	ck_assert_ptr_null(strstr(out, "http:"));
	ck_assert_ptr_null(strstr(out, "HTTP:"));
	free(out);
	cl_result_free(r);
	cl_linter_free(l);
	free(src);
}
END_TEST

/* Lines "L0\n".."L{N-1}\n" with some changed, dropped or added, from
 * SEED: texts no fix makes, for the diff. */
static char *
random_text(unsigned *seed, int n, int change)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		int roll = (int)(rand_r(seed) % 100);

		if (roll < change / 3)
			continue; /* dropped */
		if (roll < change * 2 / 3)
			cl_strbuf_addf(&sb, "changed %d\n", i);
		else
			cl_strbuf_addf(&sb, "L%d\n", i % 7 ? i : 0);
		if (roll >= 100 - change / 3)
			cl_strbuf_addf(&sb, "added %d\n", i);
	}
	/* sometimes no newline at the end */
	if (rand_r(seed) % 3 == 0)
		cl_strbuf_adds(&sb, "last");
	return cl_strbuf_detach(&sb);
}

/* cl_udiff on many pairs of texts: patch applies every diff cleanly
 * and gives the second text; an empty diff for equal texts. */
START_TEST(udiff_applies)
{
	char *dir = make_temp_dir(), *a_path = path_in(dir, "f.txt");
	char *d_path = path_in(dir, "f.diff");
	unsigned seed = 12345;
	int k;

	for (k = 0; k < 60; k++) {
		int n = k < 50 ? 1 + k : 3000;
		char *a = random_text(&seed, n, 5 + k % 40);
		char *b = random_text(&seed, n, 5 + (k * 7) % 40);
		char *diff, *got;
		FILE *f;

		if (k % 10 == 0) {
			free(b);
			b = cl_strdup(k % 20 ? a : "");
		}
		diff = cl_udiff("f.txt", a, strlen(a), b, strlen(b));
		if (!strcmp(a, b)) {
			ck_assert_str_eq(diff, "");
			goto next;
		}
		ck_assert(!strncmp(diff, "--- a/f.txt\n+++ b/f.txt\n@@ -", 28));
		f = fopen(a_path, "w");
		fputs(a, f);
		fclose(f);
		f = fopen(d_path, "w");
		fputs(diff, f);
		fclose(f);
		ck_assert_msg(run_patch(dir, "-p1", d_path) == 0,
		              "case %d: patch refused:\n%s", k, diff);
		got = read_all(a_path);
		ck_assert_msg(!strcmp(got, b),
		              "case %d: patch gave another text", k);
		free(got);
	next:
		free(diff);
		free(a);
		free(b);
	}
	free(a_path);
	free(d_path);
	remove_tree(dir);
}
END_TEST

/* What diff -u prints for a one-line change in the middle: the same
 * header, hunk range and context. */
START_TEST(udiff_matches_diff_u)
{
	const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
	const char *b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
	char *d = cl_udiff("x", a, strlen(a), b, strlen(b));

	ck_assert_str_eq(d, "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n"
	                    "-5\n+five\n 6\n 7\n 8\n");
	free(d);
	/* an insertion into an empty file, and a last line without \n */
	d = cl_udiff("x", "", 0, "a", 1);
	ck_assert_str_eq(d, "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+a\n"
	                    "\\ No newline at end of file\n");
	free(d);
}
END_TEST

static Suite *
fix_cli_suite(void)
{
	Suite *s = suite_create("fix_cli");
	TCase *tc = tcase_create("fix");
	TCase *tl = tcase_create("library");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, fix_in_place);
	tcase_add_test(tc, second_fix_changes_nothing);
	tcase_add_test(tc, nothing_to_fix_is_not_touched);
	tcase_add_test(tc, symlink_and_mode_kept);
	tcase_add_test(tc, diff_applies_with_patch);
	tcase_add_test(tc, diff_masks_secrets);
	tcase_add_test(tc, jobs_fix_alike);
	tcase_add_test(tc, stdin_fix_prints_the_text);
	tcase_add_test(tc, unsafe_fixes_and_usage);
	tcase_add_test(tc, json_fix_object);
	tcase_add_test(tc, sarif_fixes);
	tcase_add_test(tc, add_suppressions);
	tcase_add_test(tc, every_mode_on_unreadable_xml);
	suite_add_tcase(s, tc);
	tcase_set_timeout(tl, 60);
	tcase_add_test(tl, undo_when_a_pass_breaks_the_file);
	tcase_add_test(tl, fix_result_applies);
	tcase_add_test(tl, one_pass_skips_colliding_fixes);
	tcase_add_test(tl, udiff_applies);
	tcase_add_test(tl, udiff_matches_diff_u);
	suite_add_tcase(s, tl);
	return s;
}

CL_CHECK_MAIN(fix_cli_suite)
