/*
 * Running the built binary from a Check test: its path is in $CONNLINT
 * (default build/connlint); run_full spawns it with posix_spawn and
 * returns its exit status, stdout and stderr. Also temporary directory
 * trees for tests that need files of their own. Every function is static:
 * each test program includes this header once.
 */
#ifndef CL_TESTS_CLI_RUN_H
#define CL_TESTS_CLI_RUN_H

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

/* Not every test program uses every helper. */
#ifndef CL_TEST_HELPER
#define CL_TEST_HELPER __attribute__((unused))
#endif

#define CL_TEST_MAX_ARGS 60

struct run {
	int status; /* exit status, or -1 when killed by a signal */
	char *out, *err;
};

static CL_TEST_HELPER const char *
binary(void)
{
	const char *p = getenv("CONNLINT");

	return p && *p ? p : "build/connlint";
}

/* Reads the whole file at PATH (malloc'd, NUL-terminated), or NULL when
 * it cannot be opened. */
static CL_TEST_HELPER char *
read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, n;
	char chunk[8192];

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf = realloc(buf, len + n + 1);
		ck_assert_ptr_nonnull(buf);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (!buf)
		buf = calloc(1, 1);
	else
		buf[len] = '\0';
	return buf;
}

/* Reads the whole file at PATH (malloc'd, NUL-terminated), leaving it;
 * the test fails when it cannot be opened. */
static CL_TEST_HELPER char *
read_all(const char *path)
{
	char *buf = read_text(path);

	ck_assert_msg(buf != NULL, "cannot open %s: %s", path, strerror(errno));
	return buf;
}

/* Reads the whole file at PATH (malloc'd, NUL-terminated), then removes it. */
static CL_TEST_HELPER char *
slurp_and_remove(const char *path)
{
	char *buf = read_all(path);

	unlink(path);
	return buf;
}

static CL_TEST_HELPER void
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
static CL_TEST_HELPER struct run
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
	posix_spawn_file_actions_addopen(
	    &fa, 0, stdin_path ? stdin_path : "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_TRUNC,
	                                 0);
	posix_spawn_file_actions_addopen(&fa, 2, err_tmpl, O_WRONLY | O_TRUNC,
	                                 0);
	rc = posix_spawn(&pid, binary(), &fa, NULL, (char *const *)argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	ck_assert_msg(rc == 0, "cannot run %s: %s", binary(), strerror(rc));
	ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
	r.status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
	r.out =
	    out_path == out_tmpl ? slurp_and_remove(out_tmpl) : calloc(1, 1);
	r.err = slurp_and_remove(err_tmpl);
	return r;
}

#define RUN(...) \
	run_full(NULL, NULL, NULL, (const char *const[]){ __VA_ARGS__, NULL })
#define RUN_STDIN(in, ...) \
	run_full((in), NULL, NULL, (const char *const[]){ __VA_ARGS__, NULL })
#define RUN_ENV(env, ...) \
	run_full(NULL, NULL, (env), (const char *const[]){ __VA_ARGS__, NULL })

static CL_TEST_HELPER void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

static CL_TEST_HELPER bool
contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* Number of lines in S. */
static CL_TEST_HELPER size_t
count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

#define ASSERT_CONTAINS(hay, needle)             \
	ck_assert_msg(contains((hay), (needle)), \
	              "expected to find \"%s\" in:\n%s", (needle), (hay))
#define ASSERT_LACKS(hay, needle)                 \
	ck_assert_msg(!contains((hay), (needle)), \
	              "did not expect \"%s\" in:\n%s", (needle), (hay))

/* A fresh temporary directory; caller removes it with remove_tree. */
static CL_TEST_HELPER char *
make_temp_dir(void)
{
	char *dir = strdup("/tmp/connlint-cli-XXXXXX");

	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

static CL_TEST_HELPER void
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

/* Copies the file FROM to DIR/NAME byte for byte (NUL bytes too: the
 * fixtures of files that are not text have them). */
static CL_TEST_HELPER void
copy_file(const char *from, const char *dir, const char *name)
{
	FILE *in = fopen(from, "rb"), *out;
	char buf[8192], path[512];
	size_t n;

	ck_assert_msg(in != NULL, "cannot open %s", from);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	out = fopen(path, "wb");
	ck_assert_msg(out != NULL, "cannot create %s", path);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
}

static CL_TEST_HELPER void
remove_tree(char *dir)
{
	char cmd[600];

	/* The tree is ours and under /tmp; rm -r keeps this test short. */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(dir);
}

#endif /* CL_TESTS_CLI_RUN_H */
