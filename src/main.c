/*
 * connlint(1): the command line. Parses options, finds the files to lint,
 * lints them (in worker threads with -j), hands each file's result to the
 * chosen outputs in the order the files were found (so the output does not
 * depend on -j, and memory does not grow with the number of files) and
 * turns what was found into the exit status. Everything else is in the
 * library.
 */
/* realpath(3) is XSI. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "connlint.h"

enum {
	EXIT_CLEAN = 0,    /* nothing at or above --fail-on */
	EXIT_PROBLEMS = 1, /* something at or above --fail-on */
	EXIT_TROUBLE = 2,  /* usage error, unreadable path, write error */
};

/* Long-only options. */
enum {
	OPT_FORMAT = 256,
	OPT_FAIL_ON,
	OPT_SELECT,
	OPT_IGNORE,
	OPT_STDIN_FILENAME,
	OPT_COLOR,
	OPT_LIST_RULES,
	OPT_EXPLAIN,
	OPT_SEVERITY,
	OPT_CONFIG,
	OPT_NO_CONFIG,
	OPT_VERSION,
	OPT_OUTPUT,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "select", required_argument, NULL, OPT_SELECT },
	{ "ignore", required_argument, NULL, OPT_IGNORE },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "quiet", no_argument, NULL, 'q' },
	{ "severity", required_argument, NULL, OPT_SEVERITY },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "jobs", required_argument, NULL, 'j' },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
"Usage: connlint [OPTIONS] PATH...\n"
"Check API-connector definitions (XML) for mistakes.\n"
"\n"
"Each PATH is a file (linted whatever its name), a directory (searched\n"
"recursively for *.xml files, in byte order of their names; hidden\n"
"directories, symbolic links to directories, symbolic links to files\n"
"outside the directory and configuration files are skipped), or - for\n"
"standard input.\n"
"\n"
"Options:\n"
"  --format FORMAT        output format: text (default), gcc, json,\n"
"                         sarif, checkstyle, junit or github\n"
"  --output FORMAT=FILE   also write the output in FORMAT to FILE\n"
"                         (replaced when the run ends; never a file that\n"
"                         is linted or a connector); repeatable\n"
"  --fail-on SEVERITY     exit 1 when a problem of SEVERITY or worse is\n"
"                         found: error (default), warning or info\n"
"  --select LIST          check only the rules in LIST: comma-separated\n"
"                         IDs (CL303), slugs (wrong-grant-type) or ID\n"
"                         prefixes (CL3); repeatable, adds up\n"
"  --ignore LIST          do not check the rules in LIST (same syntax,\n"
"                         repeatable); wins over --select\n"
"  --severity RULE=LEVEL  report RULE (ID, slug or ID prefix) at LEVEL:\n"
"                         error, warning, info, or off (do not check it);\n"
"                         repeatable, or a comma-separated list\n"
"  --config FILE          read the configuration from FILE instead of\n"
"                         looking for one\n"
"  --no-config            read no configuration file\n"
"  --baseline FILE        report only findings that FILE does not hold\n"
"                         (they do not count for the exit status)\n"
"  --write-baseline FILE  write every finding of this run to FILE, for\n"
"                         --baseline\n"
"  -j, --jobs N           lint N files at a time (default: the number of\n"
"                         online processors); the output is the same\n"
"  --stdin-filename NAME  name shown for standard input (default <stdin>);\n"
"                         its directory is where the configuration file\n"
"                         for standard input is looked for\n"
"  --color WHEN           colour the text format: auto (default), always\n"
"                         or never; auto means when standard output is a\n"
"                         terminal, TERM is not \"dumb\" and NO_COLOR is\n"
"                         unset or empty\n"
"  -q, --quiet            no summary line in the text format\n"
"  --list-rules           list every rule (ID, slug, default severity,\n"
"                         whether it has an automatic fix, summary) and\n"
"                         exit; as JSON with --format json\n"
"  --explain RULE         print the documentation of RULE (ID or slug)\n"
"                         and exit\n"
"  --version              print the version and exit\n"
"  -h, --help             print this help and exit\n"
"\n"
"Configuration: the nearest connlint.xml or .connlint.xml in the directory\n"
"of each file linted, or above it, unless --config or --no-config is\n"
"given. It selects and ignores rules, sets their severity, ignores rules\n"
"for some paths, and sets fail-on, the redirect URIs CL309 allows and the\n"
"placeholders the platform fills in itself; command-line options win over\n"
"it. Comments such as <!-- connlint-disable-next-line CL101 reason -->\n"
"suppress diagnostics in a file. See docs/configuration.md.\n"
"\n"
"Exit status:\n"
"  0  nothing of the --fail-on severity or worse was found\n"
"  1  something of the --fail-on severity or worse was found\n"
"  2  usage error (an output file that is also an input included), a\n"
"     path that could not be read, a configuration or baseline file that\n"
"     is not valid, or a write error\n"
"\n"
"Examples:\n"
"  connlint --format gcc --fail-on warning --severity CL202=info connectors/\n"
"  connlint --output sarif=connlint.sarif connectors/\n"
"  connlint --write-baseline connlint.baseline connectors/\n"
"  connlint --baseline connlint.baseline connectors/\n";

/* A command-line rule setting, replayed on the linter of every
 * configuration file met (each configuration gets its own linter, so that
 * worker threads only ever read one). */
struct rule_op {
	int opt; /* OPT_SELECT, OPT_IGNORE or OPT_SEVERITY */
	const char *spec;
};

struct linter_for {
	const cl_config *config; /* NULL: none */
	cl_linter *linter;
};

/*
 * An output: standard output (path NULL), or a file. A regular file (or
 * a symbolic link to one) is written under a temporary name beside its
 * target and renamed into place at the end, so that nobody ever reads
 * half of it and a link stays a link; anything else that exists (a FIFO,
 * a device, /dev/stdout) is written in place, as a shell redirection
 * would.
 */
struct out_file {
	enum cl_format format;
	const char *path;   /* as given */
	const char *option; /* "--output" or "--write-baseline", for messages */
	char *target;       /* what is written: PATH with links resolved */
	char *tmp;          /* the temporary file, or NULL */
	bool direct;        /* written in place: not a regular file */
	bool exists;        /* dev and ino identify the target */
	bool connector;     /* the target holds a connector definition */
	dev_t dev;
	ino_t ino;
	FILE *f;
	int err;           /* the first write error, or 0 */
	cl_output *output; /* NULL for the baseline file */
};

/* One unit of work, in the order the paths were found. */
enum item_kind {
	ITEM_FILE,  /* lint the file at path */
	ITEM_STDIN, /* lint standard input, shown as path */
	ITEM_NOTE,  /* only print message on standard error */
};

struct item {
	enum item_kind kind;
	char *path;
	char *real;   /* the file to read (a link resolved), or NULL: path */
	const cl_linter *linter;
	const cl_config *config; /* for fail-on */
	char *message;           /* for standard error, or NULL */
	bool trouble;            /* the message is about a failure */
	/* Filled in by process(). */
	cl_result *result;       /* NULL: the file could not be read */
	const char *reason;      /* why, static */
	char *entries;           /* for --write-baseline */
	size_t baselined;
	bool done;
};

/*
 * Items between being found and being printed, in a ring of cap slots:
 * head is the next to print, claim the next for a worker, tail the next
 * free slot (counters that only grow; the slot is the counter modulo
 * cap). Worker threads lint; the main thread finds files and prints
 * results in order. The ring bounds how many results wait in memory.
 */
struct queue {
	struct item *slots;
	size_t cap, head, claim, tail;
	bool closing;
	pthread_mutex_t mu;
	pthread_cond_t work; /* an item to claim, or closing */
	pthread_cond_t done; /* an item was linted */
	pthread_t *threads;
	size_t nthreads;     /* 0: lint on the main thread, one at a time */
};

struct run {
	struct rule_op *ops;
	size_t nops;
	struct linter_for *linters;
	size_t nlinters;
	enum cl_severity fail_on;
	bool fail_on_given;         /* --fail-on: wins over the configuration */
	cl_config_finder *finder;   /* NULL: --config or --no-config */
	const cl_config *config;    /* --config, or NULL */
	const cl_baseline *baseline;
	bool quiet;
	struct out_file *outs;      /* outs[0] is standard output */
	size_t nouts;
	struct out_file *baseline_out; /* --write-baseline, or NULL */
	size_t baselined;
	size_t path_errors; /* found while walking; trouble comes later */
	bool clobber;       /* an output file is also an input: write none */
	struct out_file **files; /* the output files, baseline included */
	size_t nfiles;
	struct queue q;
	bool problems; /* something at or above fail_on */
	bool trouble;  /* a path or a configuration could not be read */
};

/* A malloc'd formatted string. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(p = malloc((size_t)n + 1))) {
		perror("connlint");
		abort();
	}
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p) {
		perror("connlint");
		abort();
	}
	return p;
}

/*
 * "connlint: ", the message FMT formats and a line break, the message made
 * safe for a terminal or a CI log (cl_safe_line): file names and values
 * in it come from the input. Malloc'd; caller frees.
 */
static char *
vsafe_message(const char *fmt, va_list ap)
{
	char *raw, *safe, *line;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || !(raw = malloc((size_t)n + 1))) {
		perror("connlint");
		abort();
	}
	vsnprintf(raw, (size_t)n + 1, fmt, ap);
	if (!(safe = cl_safe_line(raw))) {
		perror("connlint");
		abort();
	}
	line = xasprintf("connlint: %s\n", safe);
	free(raw);
	free(safe);
	return line;
}

/* Prints "connlint: MESSAGE" on standard error, made safe. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
say(const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = vsafe_message(fmt, ap);
	va_end(ap);
	fputs(line, stderr);
	free(line);
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
usage_error(const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = vsafe_message(fmt, ap);
	va_end(ap);
	fputs(line, stderr);
	free(line);
	fputs("Try 'connlint --help' for more information.\n", stderr);
}

/* ---- the linters: one per configuration -------------------------------- */

static const cl_linter *
linter_for(struct run *run, const cl_config *config)
{
	struct linter_for *grown;
	cl_linter *l;
	size_t i;

	for (i = 0; i < run->nlinters; i++)
		if (run->linters[i].config == config)
			return run->linters[i].linter;
	l = cl_linter_new();
	/* Each setting was accepted on the first linter already. */
	for (i = 0; i < run->nops; i++) {
		const struct rule_op *op = &run->ops[i];

		if (op->opt == OPT_SELECT)
			cl_linter_select(l, op->spec, NULL);
		else if (op->opt == OPT_IGNORE)
			cl_linter_ignore(l, op->spec, NULL);
		else
			cl_linter_severity(l, op->spec, NULL);
	}
	cl_linter_set_config(l, config);
	grown = realloc(run->linters, (run->nlinters + 1) * sizeof(*grown));
	if (!grown) {
		perror("connlint");
		abort();
	}
	run->linters = grown;
	run->linters[run->nlinters].config = config;
	run->linters[run->nlinters].linter = l;
	run->nlinters++;
	return l;
}

/* ---- output files ------------------------------------------------------ */

static mode_t file_mode; /* what open(2) would give a new file: umask applied */

/*
 * The temporary files that exist, for the signal handler to remove: set
 * and cleared on the main thread only, read by the handler.
 */
static char *volatile *temp_files;
static size_t ntemp_files;

static void
remove_temp_files(int sig)
{
	size_t i;

	for (i = 0; i < ntemp_files; i++)
		if (temp_files[i])
			unlink(temp_files[i]);
	/* SA_RESETHAND restored the default action: die of SIG as
	 * before, so the parent sees why. */
	raise(sig);
}

static void
catch_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGPIPE, SIGTERM };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = remove_temp_files;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

static void
temp_file_set(size_t slot, char *path)
{
	if (slot < ntemp_files)
		temp_files[slot] = path;
}

/* Caller frees. */
static char *
join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	const char *sep = n && dir[n - 1] == '/' ? "" : "/";

	return xasprintf("%s%s%s", dir, sep, name);
}

/*
 * PATH made absolute with every symbolic link of its directory resolved,
 * for a file that need not exist yet: realpath(3) of the directory, then
 * the last name. NULL when the directory cannot be resolved. Caller frees.
 */
static char *
canonical_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real, *p;

	if (!slash)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xasprintf("%.*s", (int)(slash - path), path);
	real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return NULL;
	p = join_path(real, slash ? slash + 1 : path);
	free(real);
	return p;
}

/*
 * 1 when the regular file at PATH begins like a connector definition
 * (its first element is <connector>): an output option that names one is
 * a typo ("--write-baseline *.xml"), not a report to replace.
 */
static bool
looks_like_connector(const char *path)
{
	char buf[4096];
	ssize_t n;
	size_t i = 0, len;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return false;
	len = (size_t)n;
	buf[len] = '\0';
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		i = 3;
	for (;;) {
		const char *close;
		char *end;

		i += strspn(buf + i, " \t\r\n");
		if (strncmp(buf + i, "<?", 2) == 0)
			close = "?>";
		else if (strncmp(buf + i, "<!--", 4) == 0)
			close = "-->";
		else if (strncmp(buf + i, "<!", 2) == 0)
			close = ">";
		else
			break;
		if (!(end = strstr(buf + i, close)))
			return false;
		i = (size_t)(end - buf) + strlen(close);
	}
	return strncmp(buf + i, "<connector", 10) == 0 &&
	       strchr(" \t\r\n>/", buf[i + 10]) && buf[i + 10] != '\0';
}

/*
 * Finds out what OUT's path names: its identity when it exists, the file
 * a symbolic link leads to, whether it is written in place, whether it
 * holds a connector. Returns -1 after a message (a directory, a directory
 * that cannot be resolved).
 */
static int
out_resolve(struct out_file *out)
{
	struct stat st;

	if (lstat(out->path, &st)) {
		if (errno != ENOENT) {
			say("%s: %s", out->path, strerror(errno));
			return -1;
		}
		if (!(out->target = canonical_path(out->path))) {
			say("%s: %s", out->path, strerror(errno));
			return -1;
		}
		return 0;
	}
	if (S_ISLNK(st.st_mode) && (!strncmp(out->path, "/dev/", 5) ||
	                            !strncmp(out->path, "/proc/", 6))) {
		/* /dev/stdout, /dev/fd/N: a descriptor the caller holds,
		 * which only writing in place reaches */
		out->target = xstrdup(out->path);
		out->direct = true;
		return 0;
	}
	if (S_ISLNK(st.st_mode)) {
		/* Written through: the link stays, its target is replaced. */
		if (!(out->target = realpath(out->path, NULL))) {
			/* dangling: created through the link, in place */
			out->target = xstrdup(out->path);
			out->direct = true;
			return 0;
		}
		if (stat(out->target, &st)) {
			say("%s: %s", out->path, strerror(errno));
			return -1;
		}
	} else {
		out->target = canonical_path(out->path);
		if (!out->target)
			out->target = xstrdup(out->path);
	}
	if (S_ISDIR(st.st_mode)) {
		say("%s: is a directory", out->path);
		return -1;
	}
	out->exists = true;
	out->dev = st.st_dev;
	out->ino = st.st_ino;
	out->direct = !S_ISREG(st.st_mode);
	out->connector = !out->direct && looks_like_connector(out->target);
	return 0;
}

/* 1 when A and B name one file: same device and inode, or (when neither
 * exists yet) the same canonical path. */
static bool
out_same(const struct out_file *a, const struct out_file *b)
{
	if (a->exists || b->exists)
		return a->exists && b->exists && a->dev == b->dev &&
		       a->ino == b->ino;
	return !strcmp(a->target, b->target);
}

/* Opens OUT for writing (its temporary file, or the target in place);
 * returns -1 after a message. SLOT is its place in temp_files. */
static int
out_open(struct out_file *out, size_t slot)
{
	const char *slash;
	int dirlen, fd, saved;

	if (out->direct) {
		/* A FIFO, a device or a dangling link: opened as a shell's
		 * ">>" would open it (a FIFO waits for its reader). */
		fd = open(out->path, O_WRONLY | O_CREAT | O_APPEND |
		                     O_NOCTTY | O_CLOEXEC, 0666);
		if (fd < 0 || !(out->f = fdopen(fd, "w"))) {
			saved = errno;
			if (fd >= 0)
				close(fd);
			say("%s: %s", out->path, strerror(saved));
			return -1;
		}
		return 0;
	}
	slash = strrchr(out->target, '/');
	dirlen = slash ? (int)(slash - out->target + 1) : 0;
	/* Hidden, beside the target: rename() then never crosses file
	 * systems, and a directory walk does not lint a half-written
	 * file. */
	out->tmp = xasprintf("%.*s.%s.connlint-XXXXXX", dirlen, out->target,
	                     out->target + dirlen);
	if ((fd = mkstemp(out->tmp)) < 0) {
		say("%s: %s", out->path, strerror(errno));
		free(out->tmp);
		out->tmp = NULL;
		return -1;
	}
	temp_file_set(slot, out->tmp);
	/* mkstemp makes it 0600; the result is an ordinary file. */
	if (fchmod(fd, file_mode) || !(out->f = fdopen(fd, "w"))) {
		saved = errno;
		close(fd);
		temp_file_set(slot, NULL);
		unlink(out->tmp);
		free(out->tmp);
		out->tmp = NULL;
		say("%s: %s", out->path, strerror(saved));
		return -1;
	}
	return 0;
}

/* Writes OUT's file out and renames it into place; returns -1 after a
 * message (then the target is left as it was). */
static int
out_commit(struct out_file *out, size_t slot)
{
	int err = 0;

	errno = 0;
	if (out->err)
		err = out->err;
	else if (ferror(out->f))
		err = EIO;
	if (fflush(out->f) && !err)
		err = errno ? errno : EIO;
	/* Durable before it replaces the old file. */
	if (!err && !out->direct && fsync(fileno(out->f)))
		err = errno;
	if (fclose(out->f) && !err)
		err = errno ? errno : EIO;
	out->f = NULL;
	if (!err && out->tmp && rename(out->tmp, out->target))
		err = errno;
	temp_file_set(slot, NULL);
	if (err) {
		say("%s: error writing output: %s", out->path, strerror(err));
		if (out->tmp)
			unlink(out->tmp);
	}
	free(out->tmp);
	out->tmp = NULL;
	return err ? -1 : 0;
}

/* Notes why OUT's last write failed, if it did: stdio keeps only that it
 * failed, and errno says why just after (ENOSPC on a full disk). */
static void
out_check(struct out_file *out)
{
	if (out && out->f && !out->err && ferror(out->f))
		out->err = errno ? errno : EIO;
}

/* Drops OUT's temporary file (the run did not get to the end). */
static void
out_abandon(struct out_file *out, size_t slot)
{
	if (out->f)
		fclose(out->f);
	out->f = NULL;
	temp_file_set(slot, NULL);
	if (out->tmp)
		unlink(out->tmp);
	free(out->tmp);
	out->tmp = NULL;
	free(out->target);
	out->target = NULL;
}

/* ---- linting and printing, in order ------------------------------------ */

/* Lints IT; runs on a worker thread and reads nothing shared but the
 * linters, the configurations and the baseline, which nobody changes
 * while workers run. */
static void
process(const struct run *run, struct item *it)
{
	if (it->kind == ITEM_FILE)
		it->result = cl_lint_file(it->linter,
		                          it->real ? it->real : it->path,
		                          it->path, &it->reason);
	else if (it->kind == ITEM_STDIN)
		it->result = cl_lint_fd(it->linter, 0, it->path, &it->reason);
	if (!it->result)
		return;
	/* Before the baseline is applied: a new baseline records what is
	 * found today, whatever the old one held. */
	if (run->baseline_out)
		it->entries = cl_baseline_entries(it->result);
	if (run->baseline)
		it->baselined = cl_baseline_apply(run->baseline, it->result);
}

/* Prints IT and frees what it holds; on the main thread only. */
static void
render(struct run *run, struct item *it)
{
	enum cl_severity fail_on = run->fail_on;
	size_t i;
	int sev;

	if (it->message)
		fputs(it->message, stderr);
	if (it->trouble)
		run->trouble = true;
	if (it->kind == ITEM_NOTE) {
		/* nothing was linted */
	} else if (!it->result) {
		const char *reason = it->reason ? it->reason : "cannot read";

		say("%s: %s", it->path, reason);
		run->trouble = true;
		/* SARIF and JUnit record it too. */
		for (i = 0; i < run->nouts; i++)
			cl_output_add_error(run->outs[i].output, it->path, reason);
	} else {
		if (!run->fail_on_given && it->config)
			cl_config_fail_on(it->config, &fail_on);
		for (sev = fail_on; sev <= CL_SEV_ERROR; sev++)
			if (cl_result_count_severity(it->result, (enum cl_severity)sev))
				run->problems = true;
		for (i = 0; i < run->nouts; i++) {
			cl_output_add_baselined(run->outs[i].output, it->baselined);
			errno = 0;
			cl_output_add(run->outs[i].output, it->result);
			if (i)
				out_check(&run->outs[i]);
		}
		if (cl_result_dropped(it->result))
			say("%s: %zu more finding%s not shown (at most %d a "
			    "file)", it->path, cl_result_dropped(it->result),
			    cl_result_dropped(it->result) == 1 ? "" : "s",
			    CL_MAX_DIAGS_PER_FILE);
		if (run->baseline_out && it->entries) {
			errno = 0;
			fputs(it->entries, run->baseline_out->f);
			out_check(run->baseline_out);
		}
		run->baselined += it->baselined;
		cl_result_free(it->result);
	}
	free(it->path);
	free(it->real);
	free(it->message);
	free(it->entries);
	memset(it, 0, sizeof(*it));
}

static void *
worker(void *arg)
{
	struct run *run = arg;
	struct queue *q = &run->q;

	pthread_mutex_lock(&q->mu);
	for (;;) {
		struct item *it;

		/* Notes need no work. */
		while (q->claim < q->tail && q->slots[q->claim % q->cap].done)
			q->claim++;
		if (q->claim == q->tail) {
			if (q->closing)
				break;
			pthread_cond_wait(&q->work, &q->mu);
			continue;
		}
		it = &q->slots[q->claim++ % q->cap];
		pthread_mutex_unlock(&q->mu);
		process(run, it);
		pthread_mutex_lock(&q->mu);
		it->done = true;
		pthread_cond_signal(&q->done);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* Starts up to JOBS worker threads; with fewer than two, everything runs
 * on the main thread, as it always did. */
static void
queue_start(struct run *run, long jobs)
{
	struct queue *q = &run->q;
	size_t i;

	if (jobs < 2)
		return;
	/* Enough waiting results that a slow file does not stall the
	 * others, few enough that memory stays small. */
	q->cap = 8 * (size_t)jobs;
	q->slots = calloc(q->cap, sizeof(*q->slots));
	q->threads = calloc((size_t)jobs, sizeof(*q->threads));
	if (!q->slots || !q->threads) {
		perror("connlint");
		abort();
	}
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	for (i = 0; i < (size_t)jobs; i++) {
		if (pthread_create(&q->threads[i], NULL, worker, run))
			break; /* fewer threads still work */
		q->nthreads++;
	}
	if (!q->nthreads) {
		free(q->slots);
		free(q->threads);
		q->slots = NULL;
		q->threads = NULL;
	}
}

/* Prints the oldest item once it is linted. */
static void
print_oldest(struct run *run)
{
	struct queue *q = &run->q;
	struct item *it = &q->slots[q->head % q->cap];

	pthread_mutex_lock(&q->mu);
	while (!it->done)
		pthread_cond_wait(&q->done, &q->mu);
	/* A note is done without a worker, which may not have skipped it
	 * yet: once render() empties the slot, no worker must take it for
	 * a file to lint. */
	if (q->claim <= q->head)
		q->claim = q->head + 1;
	pthread_mutex_unlock(&q->mu);
	render(run, it);
	q->head++;
}

/* Queues IT (taking what it holds), or with no workers lints and prints
 * it now. */
static void
submit(struct run *run, struct item *it)
{
	struct queue *q = &run->q;

	if (!q->nthreads) {
		if (it->kind != ITEM_NOTE)
			process(run, it);
		render(run, it);
		return;
	}
	while (q->tail - q->head == q->cap)
		print_oldest(run);
	it->done = it->kind == ITEM_NOTE;
	pthread_mutex_lock(&q->mu);
	q->slots[q->tail % q->cap] = *it;
	q->tail++;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
}

/* Prints everything still queued and stops the workers. */
static void
queue_finish(struct run *run)
{
	struct queue *q = &run->q;
	size_t i;

	if (!q->nthreads)
		return;
	while (q->head < q->tail)
		print_oldest(run);
	pthread_mutex_lock(&q->mu);
	q->closing = true;
	pthread_cond_broadcast(&q->work);
	pthread_mutex_unlock(&q->mu);
	for (i = 0; i < q->nthreads; i++)
		pthread_join(q->threads[i], NULL);
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->done);
	free(q->slots);
	free(q->threads);
	memset(q, 0, sizeof(*q));
}

/* A message for standard error ("connlint: " and FMT's, made safe), in its
 * place among the results; FMT NULL: no message, only the trouble. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
note(struct run *run, bool trouble, const char *fmt, ...)
{
	struct item it = { 0 };
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		it.message = vsafe_message(fmt, ap);
		va_end(ap);
	}
	it.kind = ITEM_NOTE;
	it.trouble = trouble;
	submit(run, &it);
}

static void
path_error(struct run *run, const char *path, const char *reason)
{
	run->path_errors++;
	note(run, true, "%s: %s", path, reason);
}

/*
 * 1 (after a message) when the file ST describes, shown as PATH, is one of
 * the output files: linting it and then replacing it with a report would
 * destroy the input. The run then writes no output file and exits 2.
 */
static bool
is_output_file(struct run *run, const char *path, const struct stat *st)
{
	size_t k;

	for (k = 0; k < run->nfiles; k++) {
		const struct out_file *o = run->files[k];

		if (o->exists && o->dev == st->st_dev && o->ino == st->st_ino) {
			note(run, true, "%s: %s is also a file to lint (%s); "
			     "no output file is written", o->option, o->path,
			     path);
			run->clobber = true;
			return true;
		}
	}
	return false;
}

/*
 * Queues the file at PATH (ITEM_FILE; read from REAL when not NULL, which
 * is taken over) or standard input shown as PATH (ITEM_STDIN), with the
 * linter for the configuration that applies to it. When that
 * configuration is not valid, its message is printed once and the file is
 * not linted.
 */
static void
lint_item(struct run *run, enum item_kind kind, const char *path, char *real)
{
	struct item it = { 0 };
	const cl_config *config = run->config;
	const char *error;

	if (run->finder && cl_config_find(run->finder, path, &config, &error)) {
		if (error)
			note(run, true, "%s", error);
		else
			note(run, true, NULL);
		free(real);
		return;
	}
	it.kind = kind;
	it.path = xstrdup(path);
	it.real = real;
	it.config = config;
	it.linter = linter_for(run, config);
	submit(run, &it);
}

/* Queues the file at PATH that ST describes (stat(2), links followed),
 * unless it is an output file. */
static void
lint_file(struct run *run, const char *path, const struct stat *st,
          char *real)
{
	if (is_output_file(run, path, st))
		free(real);
	else
		lint_item(run, ITEM_FILE, path, real);
}

static bool
has_xml_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcmp(name + n - 4, ".xml");
}

/* A configuration file's name: not a connector, so a walk skips it. */
static bool
is_config_name(const char *name)
{
	return !strcmp(name, "connlint.xml") || !strcmp(name, ".connlint.xml");
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when REAL (a resolved path) lies in the tree ROOT (resolved too). */
static bool
inside_tree(const char *real, const char *root)
{
	size_t n = strlen(root);

	if (n == 1 && root[0] == '/')
		return true;
	return !strncmp(real, root, n) && real[n] == '/';
}

/*
 * Lints every *.xml file under DIR, in byte order of the entry names so
 * the output does not depend on the file system. ROOT is the walked
 * tree's top, resolved: a symbolic link to a file is followed only when
 * its target lies inside it (a link to /proc/self/environ or /etc/passwd
 * in a pull request must not be read and quoted into a CI log). Returns
 * the number of files linted (or that failed to read).
 */
static size_t
walk(struct run *run, const char *dir, const char *root)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0, i, found = 0;

	if (!(d = opendir(dir))) {
		path_error(run, dir, strerror(errno));
		return 0;
	}
	errno = 0;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n == alloc) {
			char **grown;

			alloc = alloc ? 2 * alloc : 32;
			grown = realloc(names, alloc * sizeof(*names));
			if (!grown) {
				perror("connlint");
				abort();
			}
			names = grown;
		}
		names[n++] = xstrdup(e->d_name);
		errno = 0;
	}
	if (errno)
		path_error(run, dir, strerror(errno));
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);

	for (i = 0; i < n; i++) {
		char *path = join_path(dir, names[i]), *real;
		struct stat st;

		/* lstat: a symbolic link to a directory is not followed (no
		 * loops, no leaving the tree); one to a file only inside
		 * the tree. */
		if (lstat(path, &st)) {
			path_error(run, path, strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			if (names[i][0] != '.')
				found += walk(run, path, root);
		} else if (!has_xml_suffix(names[i]) || is_config_name(names[i])) {
			/* not ours */
		} else if (S_ISREG(st.st_mode)) {
			lint_file(run, path, &st, NULL);
			found++;
		} else if (S_ISLNK(st.st_mode)) {
			if (!(real = realpath(path, NULL))) {
				path_error(run, path, strerror(errno));
				found++;
			} else if (!inside_tree(real, root)) {
				note(run, false, "%s: symbolic link to a file "
				     "outside %s; not followed", path, root);
				free(real);
			} else if (stat(real, &st)) {
				path_error(run, path, strerror(errno));
				free(real);
				found++;
			} else if (S_ISREG(st.st_mode)) {
				/* Read where it was checked to lead, not
				 * through a link that may change meanwhile. */
				lint_file(run, path, &st, real);
				found++;
			} else {
				free(real);
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return found;
}

static void
lint_path(struct run *run, const char *path, const char *stdin_name)
{
	struct stat st;

	if (!strcmp(path, "-")) {
		lint_item(run, ITEM_STDIN, stdin_name, NULL);
	} else if (stat(path, &st)) {
		path_error(run, path, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		size_t before = run->path_errors;
		char *root = realpath(path, NULL);

		if (!root) {
			path_error(run, path, strerror(errno));
			return;
		}
		/* An empty directory is worth a word but is not an error;
		 * one whose entries failed has been reported already. */
		if (!walk(run, path, root) && run->path_errors == before)
			note(run, false, "%s: no .xml files found", path);
		free(root);
	} else {
		/* Named on the command line: followed wherever it leads. */
		lint_file(run, path, &st, NULL);
	}
}

/* S as a JSON string; our own strings are ASCII or UTF-8 already. */
static void
put_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void
list_rules_json(void)
{
	size_t i, n = cl_rule_count();

	fputs("{\n  \"tool\": {\"name\": \"connlint\", \"version\": ", stdout);
	put_json_string(cl_version());
	fputs("},\n  \"rules\": [", stdout);
	for (i = 0; i < n; i++) {
		const cl_rule *r = cl_rule_at(i);

		fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", stdout);
		put_json_string(cl_rule_id(r));
		fputs(", \"name\": ", stdout);
		put_json_string(cl_rule_slug(r));
		printf(", \"severity\": \"%s\", \"fix\": %s, \"summary\": ",
		       cl_severity_name(cl_rule_severity(r)),
		       cl_rule_has_fix(r) ? "true" : "false");
		put_json_string(cl_rule_summary(r));
		putchar('}');
	}
	fputs("\n  ]\n}\n", stdout);
}

static void
list_rules(void)
{
	size_t i, n = cl_rule_count(), id_w = 0, slug_w = 0;

	for (i = 0; i < n; i++) {
		const cl_rule *r = cl_rule_at(i);
		size_t a = strlen(cl_rule_id(r)), b = strlen(cl_rule_slug(r));

		id_w = a > id_w ? a : id_w;
		slug_w = b > slug_w ? b : slug_w;
	}
	for (i = 0; i < n; i++) {
		const cl_rule *r = cl_rule_at(i);

		printf("%-*s  %-*s  %-7s  %-3s  %s\n", (int)id_w, cl_rule_id(r),
		       (int)slug_w, cl_rule_slug(r),
		       cl_severity_name(cl_rule_severity(r)),
		       cl_rule_has_fix(r) ? "fix" : "-", cl_rule_summary(r));
	}
}

/* Says that OPT was given NAME, which names no rule. */
static void
unknown_rule(const char *opt, const char *name)
{
	const cl_rule *near = cl_rule_suggest(name);

	if (near)
		say("%s: unknown rule '%s'; did you mean %s (%s)?", opt, name,
		    cl_rule_id(near), cl_rule_slug(near));
	else
		say("%s: unknown rule '%s'", opt, name);
	fputs("Try 'connlint --list-rules' for the rule names.\n", stderr);
}

/* Applies --select or --ignore; returns 0, or -1 after a usage message. */
static int
select_rules(cl_linter *linter, bool ignore, const char *spec)
{
	const char *opt = ignore ? "--ignore" : "--select";
	char *bad = NULL;
	int rc;

	/* An empty --select would quietly turn every rule off. */
	if (spec[strspn(spec, ", ")] == '\0') {
		usage_error("%s: empty list; name rules by ID, slug or ID prefix", opt);
		return -1;
	}
	rc = ignore ? cl_linter_ignore(linter, spec, &bad)
	            : cl_linter_select(linter, spec, &bad);
	if (rc == 0)
		return 0;
	unknown_rule(opt, bad ? bad : spec);
	free(bad);
	return -1;
}

/* Prints the page of the rule NAME; returns -1 after a message when there
 * is none. */
static int
explain(const char *name)
{
	const cl_rule *r = cl_rule_find(name);
	const char *page;

	if (!r) {
		unknown_rule("--explain", name);
		return -1;
	}
	if (!(page = cl_rule_doc(r))) {
		say("--explain: %s (%s) has no documentation page in this "
		    "build", cl_rule_id(r), cl_rule_slug(r));
		return -1;
	}
	fputs(page, stdout);
	return 0;
}

static bool
auto_color(void)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (no_color && *no_color)
		return false;
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(STDOUT_FILENO);
}

/* Flushes and closes stdout; returns -1 (after a message) when any write
 * failed, e.g. on a full disk. */
static int
close_stdout(void)
{
	bool failed = ferror(stdout) != 0;

	errno = 0;
	if (fclose(stdout) != 0)
		failed = true;
	if (failed) {
		if (errno)
			fprintf(stderr, "connlint: error writing output: "
			        "%s\n", strerror(errno));
		else
			fputs("connlint: error writing output\n", stderr);
		return -1;
	}
	return 0;
}

/* Parses --output FORMAT=FILE into OUT; returns -1 after a usage message. */
static int
parse_output(const char *arg, struct out_file *out)
{
	const char *eq = strchr(arg, '=');
	char name[32];
	size_t n;

	if (!eq || !eq[1]) {
		usage_error("--output: '%s' is not FORMAT=FILE "
		            "(e.g. sarif=connlint.sarif)", arg);
		return -1;
	}
	n = (size_t)(eq - arg);
	if (n >= sizeof(name) || (memcpy(name, arg, n), name[n] = '\0',
	                          cl_format_parse(name, &out->format))) {
		usage_error("--output: unknown format '%.*s' (text, gcc, json, "
		            "sarif, checkstyle, junit or github)", (int)n, arg);
		return -1;
	}
	out->path = eq + 1;
	return 0;
}

/* Parses -j N; returns -1 after a usage message. */
static int
parse_jobs(const char *arg, long *jobs)
{
	char *end;

	errno = 0;
	*jobs = strtol(arg, &end, 10);
	if (errno || end == arg || *end || *jobs < 1 || *jobs > 1024) {
		usage_error("--jobs: '%s' is not a number from 1 to 1024", arg);
		return -1;
	}
	return 0;
}

static long
online_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 1024 ? 1024 : n;
}

int
main(int argc, char **argv)
{
	struct run run;
	cl_linter *linter = cl_linter_new();
	cl_config *config = NULL; /* --config FILE */
	cl_baseline *baseline = NULL;
	struct out_file baseline_out = { .option = "--write-baseline" };
	enum cl_format format = CL_FORMAT_TEXT;
	const char *stdin_name = "<stdin>";
	const char *color = "auto";
	const char *config_path = NULL, *baseline_path = NULL;
	const char **explained = calloc((size_t)argc, sizeof(*explained));
	unsigned flags = 0;
	bool show_rules = false, show_version = false, no_config = false;
	int c, i, nexplained = 0, status = EXIT_TROUBLE;
	long jobs = 0;
	size_t k;
	mode_t mask;
	static char progname[] = "connlint";

	memset(&run, 0, sizeof(run));
	run.fail_on = CL_SEV_ERROR;
	/* At most one rule setting and one output per argument, plus
	 * standard output. */
	run.ops = calloc((size_t)argc, sizeof(*run.ops));
	run.outs = calloc((size_t)argc + 1, sizeof(*run.outs));
	if (!explained || !run.ops || !run.outs) {
		perror("connlint");
		return EXIT_TROUBLE;
	}
	run.nouts = 1;
	/* getopt_long's own messages then read "connlint: ...", like ours,
	 * however the binary was invoked. */
	argv[0] = progname;
	/* Each file's memory is freed before the next is read; without this,
	 * glibc hands it back to the kernel and faults it in again for every
	 * file, which cost more than the linting itself (docs/benchmark.md). */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	/* Read once, before any thread exists: umask(2) can only be read by
	 * setting it. */
	mask = umask(0);
	umask(mask);
	file_mode = 0666 & ~mask;
	/* getopt_long's own messages would quote the arguments raw. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qhj:", long_options, NULL)) != -1) {
		char *error = NULL;

		switch (c) {
		case OPT_FORMAT:
			if (cl_format_parse(optarg, &format)) {
				usage_error("--format: unknown format '%s' "
				            "(text, gcc, json, sarif, checkstyle, "
				            "junit or github)", optarg);
				goto cleanup;
			}
			break;
		case OPT_OUTPUT:
			if (parse_output(optarg, &run.outs[run.nouts]))
				goto cleanup;
			run.outs[run.nouts].option = "--output";
			run.nouts++;
			break;
		case OPT_BASELINE:
			baseline_path = optarg;
			break;
		case OPT_WRITE_BASELINE:
			baseline_out.path = optarg;
			break;
		case 'j':
			if (parse_jobs(optarg, &jobs))
				goto cleanup;
			break;
		case OPT_FAIL_ON:
			if (cl_severity_parse(optarg, &run.fail_on)) {
				usage_error("--fail-on: unknown severity '%s' "
				            "(error, warning or info)", optarg);
				goto cleanup;
			}
			run.fail_on_given = true;
			break;
		case OPT_SELECT:
		case OPT_IGNORE:
			if (select_rules(linter, c == OPT_IGNORE, optarg))
				goto cleanup;
			run.ops[run.nops].opt = c;
			run.ops[run.nops++].spec = optarg;
			break;
		case OPT_SEVERITY:
			if (cl_linter_severity(linter, optarg, &error)) {
				usage_error("--severity: %s", error);
				free(error);
				goto cleanup;
			}
			run.ops[run.nops].opt = c;
			run.ops[run.nops++].spec = optarg;
			break;
		case OPT_CONFIG:
			config_path = optarg;
			break;
		case OPT_NO_CONFIG:
			no_config = true;
			break;
		case OPT_STDIN_FILENAME:
			stdin_name = optarg;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
			    strcmp(optarg, "never")) {
				usage_error("--color: unknown value '%s' "
				            "(auto, always or never)", optarg);
				goto cleanup;
			}
			color = optarg;
			break;
		case 'q':
			flags |= CL_OUTPUT_QUIET;
			break;
		case OPT_LIST_RULES:
			show_rules = true;
			break;
		case OPT_EXPLAIN:
			explained[nexplained++] = optarg;
			break;
		case OPT_VERSION:
			show_version = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			status = close_stdout() ? EXIT_TROUBLE : EXIT_CLEAN;
			goto cleanup;
		case ':':
			usage_error("option '%s' requires an argument",
			            argv[optind - 1]);
			goto cleanup;
		default:
			if (optopt && optopt < 256)
				usage_error("invalid option -- '%c'", optopt);
			else
				usage_error("unrecognized option '%s'",
				            argv[optind - 1]);
			goto cleanup;
		}
	}

	if (show_version || show_rules || nexplained) {
		status = EXIT_CLEAN;
		if (show_version)
			printf("connlint %s\n", cl_version());
		if (show_rules && format == CL_FORMAT_JSON)
			list_rules_json();
		else if (show_rules)
			list_rules();
		for (i = 0; i < nexplained; i++) {
			if (i)
				putchar('\n');
			if (explain(explained[i]))
				status = EXIT_TROUBLE;
		}
		if (close_stdout())
			status = EXIT_TROUBLE;
		goto cleanup;
	}
	if (config_path && no_config) {
		usage_error("--config and --no-config cannot be used together");
		goto cleanup;
	}
	if (optind == argc) {
		usage_error("no PATH given");
		goto cleanup;
	}
	/* The output files, each checked before anything is written. */
	run.files = calloc(run.nouts, sizeof(*run.files));
	if (!run.files) {
		perror("connlint");
		abort();
	}
	for (k = 1; k < run.nouts; k++)
		run.files[run.nfiles++] = &run.outs[k];
	if (baseline_out.path)
		run.files[run.nfiles++] = &baseline_out;
	for (k = 0; k < run.nfiles; k++) {
		size_t j;

		if (out_resolve(run.files[k]))
			goto cleanup;
		for (j = 0; j < k; j++) {
			if (!out_same(run.files[j], run.files[k]))
				continue;
			/* One file, two spellings: one report would be lost. */
			if (run.files[j]->path && !strcmp(run.files[j]->path,
			                                  run.files[k]->path))
				usage_error("%s: %s given twice",
				            run.files[k]->option,
				            run.files[k]->path);
			else
				usage_error("%s: %s and %s %s are one file",
				            run.files[k]->option,
				            run.files[k]->path,
				            run.files[j]->option,
				            run.files[j]->path);
			goto cleanup;
		}
	}
	/* An output that is a file named to lint would replace it. */
	for (i = optind; i < argc; i++) {
		struct stat st;

		if (strcmp(argv[i], "-") && !stat(argv[i], &st) &&
		    !S_ISDIR(st.st_mode)) {
			for (k = 0; k < run.nfiles; k++) {
				const struct out_file *o = run.files[k];

				if (o->exists && o->dev == st.st_dev &&
				    o->ino == st.st_ino) {
					usage_error("%s: %s is also a file to "
					            "lint (%s)", o->option,
					            o->path, argv[i]);
					goto cleanup;
				}
			}
		}
	}
	/* "--write-baseline *.xml": the first connector is no report */
	for (k = 0; k < run.nfiles; k++) {
		if (run.files[k]->connector) {
			usage_error("%s: %s is a connector definition; not "
			            "replacing it with a report",
			            run.files[k]->option, run.files[k]->path);
			goto cleanup;
		}
	}
	if (config_path) {
		char *error = NULL;

		if (!(config = cl_config_load(config_path, &error))) {
			say("%s", error);
			free(error);
			goto cleanup;
		}
		cl_linter_set_config(linter, config);
		run.config = config;
	} else if (!no_config) {
		run.finder = cl_config_finder_new();
	}
	if (baseline_path) {
		char *error = NULL;

		if (!(baseline = cl_baseline_load(baseline_path, &error))) {
			say("%s", error);
			free(error);
			goto cleanup;
		}
		run.baseline = baseline;
		flags |= CL_OUTPUT_BASELINE;
	}
	/* The first linter, which checked the rule settings, serves the
	 * files its configuration applies to. */
	run.linters = malloc(sizeof(*run.linters));
	if (!run.linters) {
		perror("connlint");
		abort();
	}
	run.linters[0].config = config;
	run.linters[0].linter = linter;
	run.nlinters = 1;
	linter = NULL;

	/* Every output file is created before anything is linted, so that a
	 * directory that does not exist is reported at once; an interrupted
	 * run removes its temporary files. */
	temp_files = calloc(run.nouts + 1, sizeof(*temp_files));
	if (!temp_files) {
		perror("connlint");
		abort();
	}
	ntemp_files = run.nouts + 1;
	catch_signals();
	for (k = 1; k < run.nouts; k++)
		if (out_open(&run.outs[k], k))
			goto cleanup;
	if (baseline_out.path) {
		if (out_open(&baseline_out, run.nouts))
			goto cleanup;
		fputs(CL_BASELINE_HEADER "\n", baseline_out.f);
		run.baseline_out = &baseline_out;
	}
	run.outs[0].format = format;
	run.outs[0].f = stdout;
	for (k = 0; k < run.nouts; k++) {
		unsigned f = flags;

		/* Colour is for the terminal only. */
		if (k == 0 && (!strcmp(color, "always") ||
		               (!strcmp(color, "auto") && auto_color())))
			f |= CL_OUTPUT_COLOR;
		run.outs[k].output = cl_output_new(run.outs[k].format,
		                                   run.outs[k].f, f);
	}

	queue_start(&run, jobs ? jobs : online_processors());
	for (i = optind; i < argc; i++)
		lint_path(&run, argv[i], stdin_name);
	queue_finish(&run);
	for (k = 0; k < run.nouts; k++) {
		errno = 0;
		cl_output_finish(run.outs[k].output);
		if (k)
			out_check(&run.outs[k]);
	}
	/* The text format says it in its summary line; elsewhere standard
	 * output is for programs. */
	if (baseline && run.outs[0].format != CL_FORMAT_TEXT &&
	    !(flags & CL_OUTPUT_QUIET))
		say("%zu finding%s held back by the baseline %s",
		    run.baselined, run.baselined == 1 ? "" : "s",
		    baseline_path);

	if (run.trouble)
		status = EXIT_TROUBLE;
	else if (run.problems)
		status = EXIT_PROBLEMS;
	else
		status = EXIT_CLEAN;
	if (run.clobber) {
		/* said when it was found; every output is left as it was */
		status = EXIT_TROUBLE;
	} else {
		for (k = 1; k < run.nouts; k++)
			if (out_commit(&run.outs[k], k))
				status = EXIT_TROUBLE;
		if (run.baseline_out && out_commit(run.baseline_out, run.nouts))
			status = EXIT_TROUBLE;
	}
	if (close_stdout())
		status = EXIT_TROUBLE;

cleanup:
	for (k = 0; k < run.nouts; k++) {
		cl_output_free(run.outs[k].output);
		if (k)
			out_abandon(&run.outs[k], k);
	}
	out_abandon(&baseline_out, run.nouts);
	ntemp_files = 0;
	free((void *)temp_files);
	free(run.files);
	free(run.outs);
	for (k = 0; k < run.nlinters; k++)
		cl_linter_free(run.linters[k].linter);
	free(run.linters);
	free(run.ops);
	cl_linter_free(linter);
	cl_config_free(config);
	cl_config_finder_free(run.finder);
	cl_baseline_free(baseline);
	free(explained);
	return status;
}
