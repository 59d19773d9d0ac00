/*
 * The command line, end to end: runs the built binary (path in $CONNLINT,
 * default build/connlint) with posix_spawn and checks its exit status,
 * stdout and stderr. Fixtures are in fixtures/cli/; directory-walking
 * cases build their own tree under a temporary directory.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define CLEAN "fixtures/cli/clean.connector.xml"
#define ERROR "fixtures/cli/unknown-auth-method.connector.xml"
#define WARNING "fixtures/cli/unused-variable.connector.xml"
/* The messages those fixtures give (their goldens beside them agree). */
#define CL402_MSG "no auth method `acme-basik`; did you mean `acme-basic`?"
#define CL101_MSG "connector variable `region` is used by no auth method " \
	"and referenced by no placeholder: no user is asked for it and " \
	"nothing reads it"

#define CL_TEST_MAX_ARGS 60

struct run {
	int status; /* exit status, or -1 when killed by a signal */
	char *out, *err;
};

static const char *
binary(void)
{
	const char *p = getenv("CONNLINT");

	return p && *p ? p : "build/connlint";
}

/* Reads the whole file at PATH (malloc'd, NUL-terminated), then removes it. */
static char *
slurp_and_remove(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, n;
	char chunk[4096];

	ck_assert_msg(f != NULL, "cannot open %s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf = realloc(buf, len + n + 1);
		ck_assert_ptr_nonnull(buf);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	unlink(path);
	if (!buf)
		buf = calloc(1, 1);
	else
		buf[len] = '\0';
	return buf;
}

static void
temp_path(char *tmpl)
{
	int fd = mkstemp(tmpl);

	ck_assert_msg(fd >= 0, "mkstemp: %s", strerror(errno));
	close(fd);
}

/*
 * Runs connlint with ARGS (NULL-terminated, without argv[0]); stdin from
 * STDIN_PATH (or /dev/null), stdout to OUT_PATH (or a temporary file that
 * is read back). ENV_EXTRA ("NAME=value" or NULL) is added to the
 * environment.
 */
static struct run
run_full(const char *stdin_path, const char *out_path, const char *env_extra,
         const char *const *args)
{
	char out_tmpl[] = "/tmp/connlint-out-XXXXXX";
	char err_tmpl[] = "/tmp/connlint-err-XXXXXX";
	const char *argv[64];
	char *envp[256];
	size_t n = 0, e = 0;
	posix_spawn_file_actions_t fa;
	struct run r = { -1, NULL, NULL };
	pid_t pid;
	int ws, rc;

	argv[n++] = binary();
	while (*args) {
		ck_assert(n < CL_TEST_MAX_ARGS);
		argv[n++] = *args++;
	}
	argv[n] = NULL;
	for (char **p = environ; *p && e < 250; p++) {
		/* A test that wants colour defaults asks for them. */
		if (!strncmp(*p, "NO_COLOR=", 9) || !strncmp(*p, "TERM=", 5))
			continue;
		envp[e++] = *p;
	}
	if (env_extra)
		envp[e++] = (char *)env_extra;
	envp[e] = NULL;

	if (!out_path) {
		temp_path(out_tmpl);
		out_path = out_tmpl;
	}
	temp_path(err_tmpl);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0,
	    stdin_path ? stdin_path : "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out_path,
	    O_WRONLY | O_TRUNC, 0);
	posix_spawn_file_actions_addopen(&fa, 2, err_tmpl,
	    O_WRONLY | O_TRUNC, 0);
	rc = posix_spawn(&pid, binary(), &fa, NULL, (char *const *)argv,
	                 envp);
	posix_spawn_file_actions_destroy(&fa);
	ck_assert_msg(rc == 0, "cannot run %s: %s", binary(), strerror(rc));
	ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
	r.status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
	r.out = out_path == out_tmpl ? slurp_and_remove(out_tmpl) : calloc(1, 1);
	r.err = slurp_and_remove(err_tmpl);
	return r;
}

#define RUN(...) run_full(NULL, NULL, NULL, (const char *const[]){ __VA_ARGS__, NULL })
#define RUN_STDIN(in, ...) \
	run_full((in), NULL, NULL, (const char *const[]){ __VA_ARGS__, NULL })
#define RUN_ENV(env, ...) \
	run_full(NULL, NULL, (env), (const char *const[]){ __VA_ARGS__, NULL })

static void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

static bool
contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* Number of lines in S. */
static size_t
count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

#define ASSERT_CONTAINS(hay, needle) \
	ck_assert_msg(contains((hay), (needle)), \
	              "expected to find \"%s\" in:\n%s", (needle), (hay))
#define ASSERT_LACKS(hay, needle) \
	ck_assert_msg(!contains((hay), (needle)), \
	              "did not expect \"%s\" in:\n%s", (needle), (hay))

START_TEST(clean_file_exits_0)
{
	struct run r = RUN(CLEAN);

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "no problems in 1 file\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
}
END_TEST

START_TEST(error_file_exits_1)
{
	struct run r = RUN(ERROR);

	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, ERROR ":26:28: error: " CL402_MSG
	                       " [CL402 enable-unknown-auth-method]\n");
	ASSERT_CONTAINS(r.out, "      <enable auth-method=\"acme-basik\"/>\n"
	                       "                           ^~~~~~~~~~\n");
	ASSERT_CONTAINS(r.out, " in 1 file\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
}
END_TEST

START_TEST(warning_respects_fail_on)
{
	struct run r = RUN(WARNING);

	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "warning: ");
	ASSERT_CONTAINS(r.out, "[CL101 unused-connector-variable]");
	ASSERT_CONTAINS(r.out, "0 errors, 1 warning, 0 info in 1 file\n");
	run_free(&r);

	r = RUN("--fail-on", "warning", WARNING);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);

	r = RUN("--fail-on=info", WARNING);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);

	r = RUN("--fail-on", "error", WARNING);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
}
END_TEST

START_TEST(usage_errors_exit_2)
{
	struct run r = RUN("--frobnicate", CLEAN);

	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, "connlint: unrecognized option '--frobnicate'");
	ASSERT_CONTAINS(r.err, "Try 'connlint --help'");
	run_free(&r);

	r = RUN("-x", CLEAN);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);

	r = RUN("--format", "xml", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --format: unknown format 'xml'");
	run_free(&r);

	r = RUN("--fail-on", "fatal", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "--fail-on: unknown severity 'fatal'");
	run_free(&r);

	r = RUN("--color", "sometimes", CLEAN);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);

	r = RUN("--format");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "requires an argument");
	run_free(&r);
}
END_TEST

START_TEST(no_path_is_a_usage_error)
{
	struct run r = RUN("--quiet");

	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err, "connlint: no PATH given\n"
	                 "Try 'connlint --help' for more information.\n");
	run_free(&r);
}
END_TEST

START_TEST(unknown_rule_exits_2)
{
	struct run r = RUN("--select", "CL303,CL999", CLEAN);

	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, "connlint: --select: unknown rule 'CL999'\n");
	run_free(&r);

	/* an empty list would turn every rule off without a word */
	r = RUN("--select", "", ERROR);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --select: empty list");
	run_free(&r);

	r = RUN("--ignore", "no-such-rule", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --ignore: unknown rule 'no-such-rule'\n");
	run_free(&r);
}
END_TEST

START_TEST(missing_path_exits_2_and_goes_on)
{
	struct run r = RUN("fixtures/cli/no-such-file.xml", CLEAN);

	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.err, "connlint: fixtures/cli/no-such-file.xml: "
	                 "No such file or directory\n");
	ck_assert_str_eq(r.out, "no problems in 1 file\n");
	run_free(&r);

	/* Problems and an unreadable path: still 2. */
	r = RUN("--format", "gcc", ERROR, "fixtures/cli/no-such-file.xml");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.out, "[CL402]");
	ASSERT_CONTAINS(r.err, "no-such-file.xml: No such file or directory");
	run_free(&r);
}
END_TEST

/* A fresh temporary directory; caller removes it with remove_tree. */
static char *
make_temp_dir(void)
{
	char *dir = strdup("/tmp/connlint-cli-XXXXXX");

	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static void
copy_file(const char *from, const char *dir, const char *name)
{
	FILE *f = fopen(from, "rb");
	char buf[8192];
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	write_file(dir, name, buf);
}

static void
remove_tree(char *dir)
{
	char cmd[600];

	/* The tree is ours and under /tmp; rm -r keeps this test short. */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(dir);
}

START_TEST(directory_without_xml_exits_0)
{
	char *dir = make_temp_dir();
	char expect[600];
	struct run r;

	write_file(dir, "notes.txt", "not a connector\n");
	r = RUN(dir);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "no problems in 0 files\n");
	snprintf(expect, sizeof(expect),
	         "connlint: %s: no .xml files found\n", dir);
	ck_assert_str_eq(r.err, expect);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(directory_walk_is_sorted_and_skips_hidden)
{
	char *dir = make_temp_dir();
	char path[600], link[600], expect[4096];
	struct run r;

	copy_file(ERROR, dir, "b.xml");
	copy_file(ERROR, dir, "a.xml");
	copy_file(ERROR, dir, "B-upper.xml");
	copy_file(ERROR, dir, "ignored.XML.txt");
	snprintf(path, sizeof(path), "%s/sub", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	copy_file(ERROR, path, "c.xml");
	snprintf(path, sizeof(path), "%s/.git", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	copy_file(ERROR, path, "hidden.xml");
	/* a symlinked directory is not followed, a symlinked file is */
	snprintf(path, sizeof(path), "%s/sub", dir);
	snprintf(link, sizeof(link), "%s/zz-link", dir);
	ck_assert_int_eq(symlink(path, link), 0);
	snprintf(path, sizeof(path), "%s/a.xml", dir);
	snprintf(link, sizeof(link), "%s/y-link.xml", dir);
	ck_assert_int_eq(symlink(path, link), 0);

	r = RUN("--format", "gcc", "--select", "CL402", dir);
	ck_assert_int_eq(r.status, 1);
	snprintf(expect, sizeof(expect),
		         "%1$s/B-upper.xml:26:28: error: %2$s [CL402]\n"
	         "%1$s/a.xml:26:28: error: %2$s [CL402]\n"
	         "%1$s/b.xml:26:28: error: %2$s [CL402]\n"
	         "%1$s/sub/c.xml:26:28: error: %2$s [CL402]\n"
	         "%1$s/y-link.xml:26:28: error: %2$s [CL402]\n",
	         dir, CL402_MSG);
	ck_assert_str_eq(r.out, expect);
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	/* A trailing slash gives no double slash. */
	snprintf(path, sizeof(path), "%s/sub/", dir);
	r = RUN("--format", "json", "--select", "CL402", path);
	ck_assert_int_eq(r.status, 1);
	snprintf(expect, sizeof(expect), "\"file\": \"%s/sub/c.xml\"", dir);
	ASSERT_CONTAINS(r.out, expect);
	ASSERT_CONTAINS(r.out, "\"files_checked\": 1,");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(version)
{
	struct run r = RUN("--version");

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "connlint 0.1.0\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
}
END_TEST

START_TEST(help_mentions_every_option)
{
	static const char *const options[] = {
		"--format FORMAT", "text", "gcc", "json",
		"--fail-on SEVERITY", "error", "warning", "info",
		"--select LIST", "--ignore LIST", "--stdin-filename NAME",
		"--color WHEN", "auto", "always", "never", "NO_COLOR",
		"-q, --quiet", "--list-rules", "--version", "-h, --help",
		"Exit status", "  0  ", "  1  ", "  2  ", "Example",
		"Usage: connlint [OPTIONS] PATH...",
	};
	struct run r = RUN("--help");
	size_t i;

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		ASSERT_CONTAINS(r.out, options[i]);
	run_free(&r);

	r = RUN("-h");
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "--stdin-filename");
	run_free(&r);
}
END_TEST

/* The example in --help works (with fixtures/cli as its directory). */
START_TEST(help_example_runs)
{
	struct run r = RUN("--help");
	const char *ex = strstr(r.out, "Example:\n  connlint ");
	const char *args[CL_TEST_MAX_ARGS];
	char words[512], *p;
	size_t n = 0, len;
	struct run ex_run;

	ck_assert_ptr_nonnull(ex);
	ex += strlen("Example:\n  connlint ");
	len = strcspn(ex, "\n");
	ck_assert_uint_lt(len, sizeof(words));
	memcpy(words, ex, len);
	words[len] = '\0';
	for (p = words; *p && n < CL_TEST_MAX_ARGS - 2;) {
		args[n++] = p;
		p += strcspn(p, " ");
		if (*p)
			*p++ = '\0';
	}
	ck_assert_uint_ge(n, 2);
	args[n - 1] = "fixtures/cli"; /* in place of the example's directory */
	args[n] = NULL;
	ex_run = run_full(NULL, NULL, NULL, args);
	ck_assert_msg(ex_run.status == 0 || ex_run.status == 1,
	              "example exits %d: %s", ex_run.status, ex_run.err);
	run_free(&ex_run);
	run_free(&r);
}
END_TEST

START_TEST(stdin_with_filename)
{
	struct run r = RUN_STDIN(ERROR, "--format", "gcc", "--select",
	                         "CL402", "--stdin-filename",
	                         "shop.connector.xml", "-");

	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.out, "shop.connector.xml:26:28: error: " CL402_MSG
	                 " [CL402]\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	r = RUN_STDIN(CLEAN, "-");
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "no problems in 1 file\n");
	run_free(&r);

	r = RUN_STDIN(ERROR, "--select", "CL402", "-");
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "<stdin>:26:28: error: ");
	run_free(&r);
}
END_TEST

START_TEST(select_and_ignore)
{
	struct run r = RUN("--format", "gcc", "--ignore", "CL402", ERROR);

	ASSERT_LACKS(r.out, "[CL402]");
	ck_assert_int_eq(r.status, contains(r.out, ": error: ") ? 1 : 0);
	run_free(&r);

	/* by slug, and by prefix */
	r = RUN("--format", "gcc", "--ignore", "enable-unknown-auth-method",
	        ERROR);
	ASSERT_LACKS(r.out, "[CL402]");
	run_free(&r);

	r = RUN("--format", "gcc", "--select", "CL4", ERROR);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "[CL402]");
	run_free(&r);

	r = RUN("--format", "gcc", "--select", "CL1", ERROR);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "");
	run_free(&r);

	/* --select adds up; --ignore wins over it */
	r = RUN("--format", "gcc", "--select", "CL101", "--select", "CL402",
	        "--fail-on", "warning", ERROR, WARNING);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "[CL402]");
	ASSERT_CONTAINS(r.out, "[CL101]");
	ck_assert_uint_eq(count_lines(r.out), 2);
	run_free(&r);

	r = RUN("--format", "gcc", "--select", "CL101,CL402", "--ignore",
	        "CL402", ERROR, WARNING);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, WARNING ":8:20: warning: " CL101_MSG
	                 " [CL101]\n");
	run_free(&r);
}
END_TEST

START_TEST(list_rules)
{
	struct run r = RUN("--list-rules");
	const char *line, *sev;

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	ck_assert_msg(!strncmp(r.out, "CL001  xml-not-well-formed ", 27),
	              "%s", r.out);
	line = strstr(r.out, "\nCL303  wrong-grant-type ");
	ck_assert_msg(line != NULL, "%s", r.out);
	line++;
	/* ID, slug, severity and summary, in aligned columns */
	sev = strstr(line, "  error    ");
	ck_assert_ptr_nonnull(sev);
	ck_assert_ptr_nonnull(strstr(r.out, "  error    "));
	ck_assert_uint_eq((size_t)(sev - line),
	                  (size_t)(strstr(r.out, "  error    ") - r.out));
	ck_assert_msg(sev - line > 25 && !memchr(line, '\n', (size_t)(sev - line)),
	              "%s", line);
	run_free(&r);
}
END_TEST

START_TEST(quiet_drops_the_summary)
{
	struct run r = RUN("-q", CLEAN);

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "");
	run_free(&r);
}
END_TEST

START_TEST(color)
{
	struct run r = RUN("--color", "always", "--select", "CL402", ERROR);

	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "\033[1;31merror:\033[0m ");
	run_free(&r);

	/* NO_COLOR turns off the automatic choice only. */
	r = RUN_ENV("NO_COLOR=1", "--color", "always", "--select", "CL402",
	            ERROR);
	ASSERT_CONTAINS(r.out, "\033[");
	run_free(&r);

	r = RUN("--color", "never", "--select", "CL402", ERROR);
	ASSERT_LACKS(r.out, "\033");
	run_free(&r);

	/* auto: stdout is a file here, so no colour */
	r = RUN("--select", "CL402", ERROR);
	ASSERT_LACKS(r.out, "\033");
	run_free(&r);

	/* colour is for the text format only */
	r = RUN("--color", "always", "--format", "gcc", ERROR);
	ASSERT_LACKS(r.out, "\033");
	run_free(&r);
}
END_TEST

START_TEST(json_for_a_directory)
{
	struct run r = RUN("--format", "json", "fixtures/cli");

	ck_assert_int_eq(r.status, 1);
	ck_assert_msg(!strncmp(r.out, "{\n  \"tool\": {\"name\": \"connlint\", "
	                       "\"version\": \"0.1.0\"},\n  \"files_checked\": 3,\n",
	                       70), "%s", r.out);
	ASSERT_CONTAINS(r.out, "\"rule\": \"CL402\", \"name\": "
	                       "\"enable-unknown-auth-method\"");
	run_free(&r);
}
END_TEST

START_TEST(write_error_exits_2)
{
	struct run r;

	if (access("/dev/full", W_OK))
		return; /* not Linux: nothing to test with */
	r = run_full(NULL, "/dev/full", NULL,
	             (const char *const[]){ "--format", "json", ERROR, NULL });
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: error writing output");
	run_free(&r);
}
END_TEST

static Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, clean_file_exits_0);
	tcase_add_test(tc, error_file_exits_1);
	tcase_add_test(tc, warning_respects_fail_on);
	tcase_add_test(tc, usage_errors_exit_2);
	tcase_add_test(tc, no_path_is_a_usage_error);
	tcase_add_test(tc, unknown_rule_exits_2);
	tcase_add_test(tc, missing_path_exits_2_and_goes_on);
	tcase_add_test(tc, directory_without_xml_exits_0);
	tcase_add_test(tc, directory_walk_is_sorted_and_skips_hidden);
	tcase_add_test(tc, version);
	tcase_add_test(tc, help_mentions_every_option);
	tcase_add_test(tc, help_example_runs);
	tcase_add_test(tc, stdin_with_filename);
	tcase_add_test(tc, select_and_ignore);
	tcase_add_test(tc, list_rules);
	tcase_add_test(tc, quiet_drops_the_summary);
	tcase_add_test(tc, color);
	tcase_add_test(tc, json_for_a_directory);
	tcase_add_test(tc, write_error_exits_2);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(cli_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
