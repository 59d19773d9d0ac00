/*
 * connlint diff, end to end with the real binary: two files, two
 * directories, --base in scratch git repositories (renames followed,
 * deletions, errors), every output format, the rule settings, the new
 * side's configuration and suppression comments, baselines, -j, hostile
 * input on either side, and the usage errors. The CL6xx rules' own
 * messages are theirs: these tests look at rule IDs, positions and file
 * names.
 */
/* realpath(3) is XSI. */
#define _XOPEN_SOURCE 700
#include <json-c/json.h>
#include <limits.h>
#include <stdarg.h>

#include "cli_run.h"
#include "lib/connectors.h"
#include "connlint.h"
#include "lib/check_main.h"

/*
 * A connector with the endpoints IDS (space-separated) at VERSION, and
 * COMMENT (or "") on its own line right before <endpoints>. Without a
 * comment <endpoints> is line 17 and endpoint K (0-based) starts on line
 * 18 + 5K, its id's value at column 19. Caller frees.
 */
static char *
connector(const char *name, const char *version, const char *ids,
          const char *comment)
{
	char *buf = malloc(65536), *list = strdup(ids), *id, *save = NULL;
	size_t n;

	ck_assert_ptr_nonnull(buf);
	n = (size_t)snprintf(
	    buf, 65536,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"%s\" version=\"%s\" "
	    "system-type=\"Warehouse\">\n"
	    "  <description>Stock levels from the %s API.</description>\n" ACME_BASIC_HEAD
	    "%s%s"
	    "  <endpoints>\n",
	    name, version, name, comment, *comment ? "\n" : "");
	for (id = strtok_r(list, " ", &save); id;
	     id = strtok_r(NULL, " ", &save))
		n += (size_t)snprintf(
		    buf + n, 65536 - n,
		    "    <endpoint id=\"%s\" name=\"%s\" entity=\"Stock\" "
		    "direction=\"receive\"\n"
		    "              method=\"GET\" data-type=\"json\">\n"
		    "      <url>https://{{host}}/api/%s</url>\n"
		    "      <enable auth-method=\"acme-basic\"/>\n"
		    "    </endpoint>\n",
		    id, id, id);
	snprintf(buf + n, 65536 - n, "  </endpoints>\n</connector>\n");
	free(list);
	return buf;
}

static void
put(const char *dir, const char *name, const char *name_attr,
    const char *version, const char *ids, const char *comment)
{
	char *text = connector(name_attr, version, ids, comment);

	write_file(dir, name, text);
	free(text);
}

static char *
join(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	ck_assert_ptr_nonnull(p);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static void
make_dir(const char *dir, const char *name)
{
	char *p = join(dir, name);

	ck_assert_int_eq(mkdir(p, 0755), 0);
	free(p);
}

/* OLD.xml with endpoints a b c and NEW.xml without b (version 2: no
 * CL611), in a fresh directory; paths in *OLD and *NEW. */
static char *
removed_endpoint_pair(char **old, char **new)
{
	char *dir = make_temp_dir();

	put(dir, "old.xml", "Acme", "1", "list-a list-b list-c", "");
	put(dir, "new.xml", "Acme", "2", "list-a list-c", "");
	*old = join(dir, "old.xml");
	*new = join(dir, "new.xml");
	return dir;
}

/* Shell command CMD (formatted) in DIR, which must succeed; for setting
 * up scratch repositories only. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
sh(const char *dir, const char *fmt, ...)
{
	char cmd[4096], line[4400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "cd '%s' && { %s; } >/dev/null 2>&1", dir,
	         cmd);
	ck_assert_msg(system(line) == 0, "failed: %s", cmd);
}

#define GIT \
	"git -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main -c commit.gpgsign=false"

/* ---- two files ----------------------------------------------------------- */

START_TEST(two_files_removed_endpoint)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	char want[1024];
	struct run r = RUN("diff", "--no-config", old, new);

	ck_assert_msg(r.status == 1, "status %d\n%s%s", r.status, r.out, r.err);
	ASSERT_CONTAINS(r.out, "[CL603 ");
	/* at the new <endpoints> (line 17, column 4 past "  <") */
	snprintf(want, sizeof(want), "%s:17:4: error: ", new);
	ASSERT_CONTAINS(r.out, want);
	/* and where it was: endpoint 1 of the old file, line 23 */
	snprintf(want, sizeof(want), "%s:23:19: ", old);
	ASSERT_CONTAINS(r.out, want);
	ASSERT_LACKS(r.out, "CL611");
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	/* the subcommand takes its options after "diff" too */
	r = RUN("diff", "--no-config", "--format", "gcc", old, new);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "CL603");
	run_free(&r);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

START_TEST(file_with_itself)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	struct run r = RUN("diff", "--no-config", old, old);

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "no problems in 1 file\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
	/* --lint adds the ordinary findings: the file lints clean */
	r = RUN("diff", "--no-config", "--lint", new, new);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

/* An old version that is not well-formed is reported (as the old file)
 * and nothing is compared. */
START_TEST(old_side_not_well_formed)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	char want[1024];
	struct run r;

	write_file(dir, "old.xml",
	           "<connector format=\"1\"><oops></connector>\n");
	r = RUN("diff", "--no-config", old, new);
	ck_assert_int_eq(r.status, 1);
	snprintf(want, sizeof(want), "%s:1:", old);
	ASSERT_CONTAINS(r.out, want);
	ASSERT_CONTAINS(r.out, "[CL001 ");
	ASSERT_LACKS(r.out, "CL603");
	run_free(&r);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

/* ---- two directories ----------------------------------------------------- */

START_TEST(directories_added_removed_renamed)
{
	char *dir = make_temp_dir(), *o = join(dir, "old"),
	     *n = join(dir, "new");
	char *oo, *nn;
	struct run r;

	make_dir(dir, "old");
	make_dir(dir, "new");
	make_dir(o, "sub");
	make_dir(n, "sub");
	put(o, "same.xml", "Same", "1", "a b", "");
	put(n, "same.xml", "Same", "2", "a", "");
	put(o, "sub/gone.xml", "Gone", "1", "a", "");
	put(o, "before.xml", "Renamed", "1", "a", "");
	put(n, "after.xml", "Renamed", "1", "a", "");
	put(n, "sub/added.xml", "Added", "1", "a", "");
	write_file(n, "sub/broken.xml", "<connector");

	r = RUN("diff", "--no-config", o, n);
	ck_assert_msg(r.status == 1, "%s%s", r.out, r.err);
	nn = join(n, "same.xml:17:4: error: ");
	ASSERT_CONTAINS(r.out, nn);
	free(nn);
	/* a file only in OLD is removed, named as the old file: the
	 * directory walk does not follow renames */
	oo = join(o, "sub/gone.xml:2:2: error: ");
	ASSERT_CONTAINS(r.out, oo);
	free(oo);
	oo = join(o, "before.xml:2:2: error: ");
	ASSERT_CONTAINS(r.out, oo);
	free(oo);
	/* a new file has nothing to compare but is reported when broken */
	nn = join(n, "sub/added.xml");
	ASSERT_LACKS(r.out, nn);
	free(nn);
	nn = join(n, "sub/broken.xml:1:");
	ASSERT_CONTAINS(r.out, nn);
	free(nn);
	ASSERT_CONTAINS(r.out, "[CL613 ");
	ASSERT_CONTAINS(r.out, " in 6 files\n");
	run_free(&r);

	/* the walk's order: sub/ before same.xml, removed files in place */
	r = RUN("diff", "--no-config", "--format", "gcc", o, n);
	{
		const char *gone = strstr(r.out, "sub/gone.xml");
		const char *before = strstr(r.out, "before.xml");
		const char *same = strstr(r.out, "same.xml");

		ck_assert_ptr_nonnull(gone);
		ck_assert_ptr_nonnull(before);
		ck_assert_ptr_nonnull(same);
		ck_assert(before < same && same < gone);
	}
	run_free(&r);

	/* --lint: the new file's ordinary findings too */
	put(n, "sub/added.xml", "Added", "1", "a", "");
	write_file(n, "sub/added.xml",
	           "<?xml version=\"1.0\"?>\n<connector format=\"1\" "
	           "name=\"x\" version=\"1\"/>\n");
	r = RUN("diff", "--no-config", "--lint", o, n);
	nn = join(n, "sub/added.xml:");
	ASSERT_CONTAINS(r.out, nn);
	free(nn);
	run_free(&r);
	r = RUN("diff", "--no-config", o, n);
	nn = join(n, "sub/added.xml:");
	ASSERT_LACKS(r.out, nn);
	free(nn);
	run_free(&r);
	free(o);
	free(n);
	remove_tree(dir);
}
END_TEST

START_TEST(jobs_do_not_change_the_output)
{
	char *dir = make_temp_dir(), *o = join(dir, "old"),
	     *n = join(dir, "new");
	char name[64], ids[256];

	make_dir(dir, "old");
	make_dir(dir, "new");
	for (int i = 0; i < 24; i++) {
		snprintf(name, sizeof(name), "c%02d.xml", i);
		snprintf(ids, sizeof(ids), "a b%d c", i);
		put(o, name, "Acme", "1", ids, "");
		if (i % 5 != 4)
			put(n, name, "Acme", i % 2 ? "1" : "2",
			    i % 3 ? "a c" : ids, "");
	}
	write_file(n, "broken.xml", "<connector");
	for (size_t f = 0; f < cl_format_count(); f++) {
		struct run one = RUN("diff", "--no-config", "-j", "1",
		                     "--format", cl_format_name(f), o, n);
		struct run two = RUN("diff", "--no-config", "-j", "2",
		                     "--format", cl_format_name(f), o, n);
		struct run many = RUN("diff", "--no-config", "-j", "8",
		                      "--format", cl_format_name(f), o, n);

		ck_assert_int_eq(one.status, 1);
		ck_assert_msg(!strcmp(one.out, two.out),
		              "--format %s: -j 2 differs from -j 1",
		              cl_format_name(f));
		ck_assert_str_eq(one.out, many.out);
		ck_assert_str_eq(one.err, two.err);
		ck_assert_int_eq(one.status, two.status);
		run_free(&one);
		run_free(&two);
		run_free(&many);
	}
	free(o);
	free(n);
	remove_tree(dir);
}
END_TEST

/* ---- outputs and settings ------------------------------------------------ */

START_TEST(every_format)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);

	for (size_t f = 0; f < cl_format_count(); f++) {
		const char *fmt = cl_format_name(f);
		struct run r =
		    RUN("diff", "--no-config", "--format", fmt, old, new);

		ck_assert_msg(r.status == 1, "%s: %d %s", fmt, r.status, r.err);
		ck_assert_msg(*r.out, "%s: no output", fmt);
		if (!strcmp(fmt, "json") || !strcmp(fmt, "sarif") ||
		    !strcmp(fmt, "gitlab")) {
			json_object *j = json_tokener_parse(r.out);

			ck_assert_msg(j != NULL, "%s: not JSON:\n%s", fmt,
			              r.out);
			json_object_put(j);
		}
		if (strcmp(fmt, "markdown"))
			ASSERT_CONTAINS(r.out, "CL603");
		if (!strcmp(fmt, "sarif"))
			ASSERT_CONTAINS(r.out, "\"id\": \"CL603\"");
		run_free(&r);
	}
	/* --output too, beside standard output */
	{
		char *sarif = join(dir, "out.sarif");
		char *arg = malloc(strlen(sarif) + 8), *text;
		struct run r;

		sprintf(arg, "sarif=%s", sarif);
		r = RUN("diff", "--no-config", "--output", arg, old, new);
		ck_assert_int_eq(r.status, 1);
		ASSERT_CONTAINS(r.out, "CL603");
		text = read_all(sarif);
		ASSERT_CONTAINS(text, "CL603");
		free(text);
		run_free(&r);
		free(arg);
		free(sarif);
	}
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

START_TEST(select_and_ignore)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	struct run r;

	put(dir, "new.xml", "Acme", "1", "list-a list-c", ""); /* CL611 too */
	r = RUN("diff", "--no-config", "--select", "CL603", old, new);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "CL603");
	ASSERT_LACKS(r.out, "CL611");
	run_free(&r);
	r = RUN("diff", "--no-config", "--ignore", "CL603", old, new);
	ck_assert_int_eq(r.status, 0); /* CL611 is a warning */
	ASSERT_LACKS(r.out, "CL603");
	ASSERT_CONTAINS(r.out, "CL611");
	run_free(&r);
	r = RUN("diff", "--no-config", "--ignore", "CL603", "--fail-on",
	        "warning", old, new);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	r = RUN("diff", "--no-config", "--severity", "CL603=info", old, new);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, ": info: ");
	run_free(&r);
	r = RUN("diff", "--no-config", "--exit-zero", old, new);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "CL603");
	run_free(&r);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

/* The configuration is the new side's: a connlint.xml beside NEW that
 * ignores CL603 applies, one beside OLD does not. */
START_TEST(configuration_of_the_new_side)
{
	char *dir = make_temp_dir(), *o = join(dir, "old"),
	     *n = join(dir, "new");
	char *old, *new;
	struct run r;

	make_dir(dir, "old");
	make_dir(dir, "new");
	put(o, "c.xml", "Acme", "1", "a b", "");
	put(n, "c.xml", "Acme", "2", "a", "");
	old = join(o, "c.xml");
	new = join(n, "c.xml");
	write_file(o, "connlint.xml",
	           "<connlint><ignore rules=\"CL603\"/></connlint>\n");
	r = RUN("diff", old, new);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "CL603");
	run_free(&r);
	write_file(n, "connlint.xml",
	           "<connlint><ignore rules=\"CL603\"/></connlint>\n");
	r = RUN("diff", old, new);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	ASSERT_LACKS(r.out, "CL603");
	run_free(&r);
	/* directories too: configuration files are not connectors */
	r = RUN("diff", o, n);
	ck_assert_int_eq(r.status, 0);
	ASSERT_LACKS(r.out, "connlint.xml");
	run_free(&r);
	/* a configuration that is not valid: 2, the file not compared */
	write_file(n, "connlint.xml", "<connlint><bogus/></connlint>\n");
	r = RUN("diff", old, new);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "bogus");
	run_free(&r);
	free(old);
	free(new);
	free(o);
	free(n);
	remove_tree(dir);
}
END_TEST

START_TEST(suppression_in_the_new_version)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	struct run r;

	put(dir, "new.xml", "Acme", "2", "list-a list-c",
	    "  <!-- connlint-disable-next-line CL603 retired with notice -->");
	r = RUN("diff", "--no-config", old, new);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	ASSERT_LACKS(r.out, "CL603");
	ASSERT_LACKS(r.out, "CL009"); /* the comment is used */
	run_free(&r);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

START_TEST(baseline_round_trip)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	char *bl = join(dir, "diff.baseline"), *text;
	struct run r;

	r = RUN("diff", "--no-config", "--write-baseline", bl, old, new);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	text = read_all(bl);
	ASSERT_CONTAINS(text, CL_BASELINE_HEADER);
	ASSERT_CONTAINS(text, "\tCL603\t");
	free(text);
	r = RUN("diff", "--no-config", "--baseline", bl, old, new);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	ASSERT_LACKS(r.out, "CL603");
	ASSERT_CONTAINS(r.out, "(1 baselined)");
	run_free(&r);
	/* a second endpoint removed is new */
	put(dir, "new.xml", "Acme", "2", "list-a", "");
	r = RUN("diff", "--no-config", "--baseline", bl, old, new);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "list-c");
	run_free(&r);
	free(bl);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

/* Hostile input on either side gets the protection of a plain lint. */
START_TEST(hostile_input_either_side)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	static const char *const bad[] = { "fixtures/bad/entity-bomb.xml",
		                           "fixtures/bad/xxe-file.xml",
		                           "fixtures/bad/xxe-parameter.xml",
		                           "fixtures/bad/binary.xml" };
	char *big = join(dir, "big.xml");
	int fd;
	struct run r;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r = RUN("diff", "--no-config", bad[i], new);
		ck_assert_msg(r.status == 1, "%s: %d %s", bad[i], r.status,
		              r.err);
		ASSERT_CONTAINS(r.out, bad[i]);
		ASSERT_CONTAINS(r.out, "CL001");
		ASSERT_LACKS(r.out, "root:");
		run_free(&r);
		r = RUN("diff", "--no-config", old, bad[i]);
		ck_assert_int_eq(r.status, 1);
		ASSERT_CONTAINS(r.out, bad[i]);
		ASSERT_CONTAINS(r.out, "CL001");
		ASSERT_LACKS(r.out, "root:");
		run_free(&r);
	}
	/* larger than 64 MiB: a sparse file, never read */
	fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)CL_MAX_INPUT_BYTES + 4096), 0);
	close(fd);
	r = RUN("diff", "--no-config", big, new);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "big.xml:1:1: error: ");
	ASSERT_CONTAINS(r.out, "64 MiB");
	run_free(&r);
	r = RUN("diff", "--no-config", old, big);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "big.xml:1:1: error: ");
	ASSERT_CONTAINS(r.out, "[CL001 ");
	run_free(&r);
	free(big);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

START_TEST(usage_errors)
{
	char *old, *new, *dir = removed_endpoint_pair(&old, &new);
	struct run r;

	r = RUN("diff");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: diff: OLD and NEW are missing");
	ASSERT_CONTAINS(r.err, "Try 'connlint --help'");
	run_free(&r);
	r = RUN("diff", old);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "NEW is missing");
	run_free(&r);
	r = RUN("diff", old, new, old);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "too many paths");
	run_free(&r);
	r = RUN("diff", old, dir);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "two files or two directories");
	run_free(&r);
	r = RUN("diff", "-", new);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "standard input");
	run_free(&r);
	r = RUN("diff", old, "no-such-file.xml");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "no-such-file.xml: No such file or directory");
	run_free(&r);
	static const char *const fix[] = { "--fix", "--diff",
		                           "--unsafe-fixes" };
	for (size_t i = 0; i < 3; i++) {
		r = RUN("diff", fix[i], old, new);
		ck_assert_int_eq(r.status, 2);
		ASSERT_CONTAINS(r.err, fix[i]);
		ASSERT_CONTAINS(r.err, "plain lint only");
		ck_assert_str_eq(r.out, "");
		run_free(&r);
	}
	r = RUN("diff", "--add-suppressions", "later", old, new);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "--add-suppressions");
	run_free(&r);
	r = RUN("--base", "main", old);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "--base: only with connlint diff");
	run_free(&r);
	r = RUN("--lint", old);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "--lint: only with connlint diff");
	run_free(&r);
	r = RUN("diff", "--base", "-x", old);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "not a revision");
	run_free(&r);
	/* statistics work as in a plain run */
	r = RUN("diff", "--no-config", "--statistics", old, new);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "CL603");
	run_free(&r);
	/* the help names the subcommand */
	r = RUN("--help");
	ASSERT_CONTAINS(r.out, "connlint diff [OPTIONS] OLD NEW");
	ASSERT_CONTAINS(r.out, "connlint diff --base REV");
	run_free(&r);
	free(old);
	free(new);
	remove_tree(dir);
}
END_TEST

/* ---- --base ------------------------------------------------------------- */

/*
 * A scratch repository: commit 1 has connectors/a/one.xml (eight
 * endpoints), connectors/two.xml and connectors/keep.xml; commit 2 moves
 * one.xml to connectors/b/uno.xml removing endpoint e3 (git mv and an
 * edit: similar enough for rename detection), and deletes two.xml.
 */
static char *
scratch_repo(void)
{
	char *dir = make_temp_dir();
	char *c = join(dir, "connectors");

	sh(dir, GIT " init -q");
	ck_assert_int_eq(mkdir(c, 0755), 0);
	make_dir(c, "a");
	make_dir(c, "b");
	put(c, "a/one.xml", "One", "1", "e1 e2 e3 e4 e5 e6 e7 e8", "");
	put(c, "two.xml", "Two", "1", "t1", "");
	put(c, "keep.xml", "Keep", "1", "k1 k2", "");
	sh(dir, GIT " add . && " GIT " commit -q -m one");
	sh(dir, GIT " mv connectors/a/one.xml connectors/b/uno.xml");
	put(c, "b/uno.xml", "One", "2", "e1 e2 e4 e5 e6 e7 e8", "");
	sh(dir, GIT " rm -q connectors/two.xml && " GIT " commit -q -a -m two");
	free(c);
	return dir;
}

/* Runs connlint with ARGS in DIR (the binary by its full name, which
 * main sets). */
static struct run
run_in(const char *dir, const char *const *args)
{
	char cwd[PATH_MAX];
	struct run r;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(dir), 0);
	r = run_full(NULL, NULL, NULL, args);
	ck_assert_int_eq(chdir(cwd), 0);
	return r;
}

#define RUN_IN(dir, ...) \
	run_in((dir), (const char *const[]){ __VA_ARGS__, NULL })

START_TEST(base_follows_renames)
{
	char *dir = scratch_repo(), *sub;
	struct run r = RUN_IN(dir, "diff", "--no-config", "--base", "HEAD~1",
	                      "connectors/");

	ck_assert_msg(r.status == 1, "%d\n%s%s", r.status, r.out, r.err);
	/* the rename followed: the removed endpoint, positioned in the new
	 * file, related to the old file under its old name */
	ASSERT_CONTAINS(r.out, "connectors/b/uno.xml:17:4: error: ");
	ASSERT_CONTAINS(r.out, "[CL603 ");
	ASSERT_CONTAINS(r.out, "HEAD~1:connectors/a/one.xml:28:19: ");
	/* the deleted file is removed; the renamed one is not */
	ASSERT_CONTAINS(r.out, "HEAD~1:connectors/two.xml:2:2: error: ");
	ASSERT_CONTAINS(r.out, "[CL613 ");
	ASSERT_LACKS(r.out, "HEAD~1:connectors/a/one.xml:2:2");
	ASSERT_LACKS(r.out, "keep.xml");
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	/* from a subdirectory, the default path "."; the old names stay
	 * relative to the top */
	sub = join(dir, "connectors");
	r = RUN_IN(sub, "diff", "--no-config", "--base", "HEAD~1");
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "b/uno.xml:17:4: error: ");
	ASSERT_CONTAINS(r.out, "HEAD~1:connectors/a/one.xml:28:19: ");
	ASSERT_CONTAINS(r.out, "HEAD~1:connectors/two.xml:2:2: ");
	run_free(&r);

	/* a commit name works as well; json parses */
	r = RUN_IN(dir, "diff", "--no-config", "--format", "json", "-j", "2",
	           "--base", "HEAD^", ".");
	ck_assert_int_eq(r.status, 1);
	{
		json_object *j = json_tokener_parse(r.out);

		ck_assert_ptr_nonnull(j);
		json_object_put(j);
	}
	ASSERT_CONTAINS(r.out, "\"file\": \"HEAD^:connectors/a/one.xml\"");
	run_free(&r);

	/* the work tree against the last commit: nothing changed */
	r = RUN_IN(dir, "diff", "--no-config", "--base", "HEAD");
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	/* an edit not committed yet is compared */
	put(sub, "keep.xml", "Keep", "2", "k1", "");
	r = RUN_IN(dir, "diff", "--no-config", "--base", "HEAD", "connectors");
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "connectors/keep.xml:17:4: error: ");
	ASSERT_CONTAINS(r.out, "HEAD:connectors/keep.xml:");
	run_free(&r);
	/* a file that moved from one path given to another is not
	 * removed; -j does not change the output */
	{
		struct run one =
		    RUN_IN(dir, "diff", "--no-config", "-j", "1", "--base",
		           "HEAD~1", "connectors/a", "connectors/b");
		struct run two =
		    RUN_IN(dir, "diff", "--no-config", "-j", "2", "--base",
		           "HEAD~1", "connectors/a", "connectors/b");

		ck_assert_int_eq(one.status, 1);
		ASSERT_CONTAINS(one.out, "HEAD~1:connectors/a/one.xml:28:19: ");
		ASSERT_LACKS(one.out, "CL613");
		ck_assert_str_eq(one.out, two.out);
		run_free(&one);
		run_free(&two);
	}
	/* a deleted file named on the command line is removed, not an
	 * unreadable path */
	r = RUN_IN(dir, "diff", "--no-config", "--base", "HEAD~1",
	           "connectors/two.xml");
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "[CL613 ");
	run_free(&r);
	free(sub);
	remove_tree(dir);
}
END_TEST

START_TEST(base_errors)
{
	char *dir = scratch_repo(), *outside = make_temp_dir();
	struct run r;

	r = RUN_IN(dir, "diff", "--base", "no-such-branch", "connectors");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "unknown revision 'no-such-branch'");
	ck_assert_str_eq(r.out, "");
	run_free(&r);

	r = RUN_IN(dir, "diff", "--base", "HEAD", "..");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "outside the git work tree");
	run_free(&r);

	/* not a work tree (and git must not look above the directory) */
	ck_assert_int_eq(setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1), 0);
	r = RUN_IN(outside, "diff", "--base", "HEAD");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "not in a git work tree");
	run_free(&r);
	unsetenv("GIT_CEILING_DIRECTORIES");

	/* no git on PATH */
	{
		char *path = strdup(getenv("PATH") ? getenv("PATH") : "");

		ck_assert_int_eq(setenv("PATH", "/nonexistent", 1), 0);
		r = RUN_IN(dir, "diff", "--base", "HEAD");
		ck_assert_int_eq(setenv("PATH", path, 1), 0);
		free(path);
		ck_assert_int_eq(r.status, 2);
		ASSERT_CONTAINS(r.err, "git is not installed");
		run_free(&r);
	}
	remove_tree(outside);
	remove_tree(dir);
}
END_TEST

/* Hostile old versions in git: an entity bomb, and a blob larger than
 * 64 MiB (never read: git says its size); then the same in the work
 * tree against clean old versions. */
START_TEST(base_hostile_input)
{
	char *dir = make_temp_dir(), *big = join(dir, "big.xml");
	int fd;
	struct run r;

	sh(dir, GIT " init -q");
	copy_file("fixtures/bad/entity-bomb.xml", dir, "bomb.xml");
	fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)CL_MAX_INPUT_BYTES + 1), 0);
	close(fd);
	sh(dir, GIT " add . && " GIT " commit -q -m hostile");
	put(dir, "bomb.xml", "Bomb", "1", "a", "");
	put(dir, "big.xml", "Big", "1", "a", "");
	r = RUN_IN(dir, "diff", "--no-config", "--base", "HEAD");
	ck_assert_msg(r.status == 1, "%d %s%s", r.status, r.out, r.err);
	ASSERT_CONTAINS(r.out, "HEAD:big.xml:1:1: error: ");
	ASSERT_CONTAINS(r.out, "64 MiB");
	ASSERT_CONTAINS(r.out, "HEAD:bomb.xml:14:");
	ASSERT_CONTAINS(r.out, "[CL001 ");
	ASSERT_LACKS(r.out, "CL6");
	run_free(&r);
	sh(dir, GIT " commit -q -a -m clean");
	copy_file("fixtures/bad/entity-bomb.xml", dir, "bomb.xml");
	fd = open(big, O_WRONLY | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)CL_MAX_INPUT_BYTES + 1), 0);
	close(fd);
	r = RUN_IN(dir, "diff", "--no-config", "--base", "HEAD", "-j", "2");
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "big.xml:1:1: error: ");
	ASSERT_CONTAINS(r.out, "bomb.xml:14:");
	ASSERT_LACKS(r.out, "HEAD:");
	run_free(&r);
	free(big);
	remove_tree(dir);
}
END_TEST

static Suite *
diff_cli_suite(void)
{
	Suite *s = suite_create("diff_cli");
	TCase *tc = tcase_create("diff");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, two_files_removed_endpoint);
	tcase_add_test(tc, file_with_itself);
	tcase_add_test(tc, old_side_not_well_formed);
	tcase_add_test(tc, directories_added_removed_renamed);
	tcase_add_test(tc, jobs_do_not_change_the_output);
	tcase_add_test(tc, every_format);
	tcase_add_test(tc, select_and_ignore);
	tcase_add_test(tc, configuration_of_the_new_side);
	tcase_add_test(tc, suppression_in_the_new_version);
	tcase_add_test(tc, baseline_round_trip);
	tcase_add_test(tc, hostile_input_either_side);
	tcase_add_test(tc, usage_errors);
	tcase_add_test(tc, base_follows_renames);
	tcase_add_test(tc, base_errors);
	tcase_add_test(tc, base_hostile_input);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	char *bin = realpath(binary(), NULL);

	/* the --base tests run it from inside their repositories */
	if (bin) {
		setenv("CONNLINT", bin, 1);
		free(bin);
	}
	/* scratch repositories are found from their directories only */
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	unsetenv("GIT_INDEX_FILE");
	return cl_check_run(diff_cli_suite());
}
