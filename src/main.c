/*
 * connlint(1): the command line. Parses options, finds the files to lint,
 * hands each file's result to the chosen output right away (so memory does
 * not grow with the number of files) and turns what was found into the exit
 * status. Everything else is in the library.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
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
"directories, symbolic links to directories and configuration files are\n"
"skipped), or - for standard input.\n"
"\n"
"Options:\n"
"  --format FORMAT        output format: text (default), gcc or json\n"
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
"  2  usage error, a path that could not be read, a configuration file\n"
"     that is not valid, or a write error\n"
"\n"
"Example:\n"
"  connlint --format gcc --fail-on warning --severity CL202=info connectors/\n";

struct run {
	cl_linter *linter;
	cl_output *output;
	enum cl_severity fail_on;
	bool fail_on_given;         /* --fail-on: wins over the configuration */
	cl_config_finder *finder;   /* NULL: --config or --no-config */
	const cl_config *config;    /* the configuration of the file linted */
	bool problems; /* something at or above fail_on */
	bool trouble;  /* a path or a configuration could not be read */
};

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("connlint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'connlint --help' for more information.\n", stderr);
}

static void
path_error(struct run *run, const char *path, const char *reason)
{
	fprintf(stderr, "connlint: %s: %s\n", path, reason);
	run->trouble = true;
}

/*
 * Sets up the linter for the file at PATH (or, for standard input, shown
 * as PATH) with the configuration that applies to it. Returns false when
 * that configuration is not valid; its message is printed once.
 */
static bool
configure_for(struct run *run, const char *path)
{
	const cl_config *config;
	const char *error;

	if (!run->finder)
		return true;
	if (cl_config_find(run->finder, path, &config, &error)) {
		if (error)
			fprintf(stderr, "connlint: %s\n", error);
		run->trouble = true;
		return false;
	}
	run->config = config;
	cl_linter_set_config(run->linter, config);
	return true;
}

/* Takes RESULT (may be NULL: then PATH could not be read, for REASON). */
static void
take_result(struct run *run, const char *path, cl_result *result,
            const char *reason)
{
	enum cl_severity fail_on = run->fail_on;
	int sev;

	if (!result) {
		path_error(run, path, reason ? reason : "cannot read");
		return;
	}
	if (!run->fail_on_given && run->config)
		cl_config_fail_on(run->config, &fail_on);
	for (sev = fail_on; sev <= CL_SEV_ERROR; sev++)
		if (cl_result_count_severity(result, (enum cl_severity)sev))
			run->problems = true;
	cl_output_add(run->output, result);
	cl_result_free(result);
}

static void
lint_file(struct run *run, const char *path)
{
	const char *reason = NULL;
	cl_result *r;

	if (!configure_for(run, path))
		return;
	r = cl_lint_file(run->linter, path, NULL, &reason);
	take_result(run, path, r, reason);
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

/* Caller frees. */
static char *
join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	const char *sep = n && dir[n - 1] == '/' ? "" : "/";
	size_t size = n + strlen(sep) + strlen(name) + 1;
	char *p = malloc(size);

	if (!p) {
		perror("connlint");
		abort();
	}
	snprintf(p, size, "%s%s%s", dir, sep, name);
	return p;
}

/*
 * Lints every *.xml file under DIR, in byte order of the entry names so
 * the output does not depend on the file system. Returns the number of
 * files linted (or that failed to read).
 */
static size_t
walk(struct run *run, const char *dir)
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
		if (!(names[n++] = strdup(e->d_name))) {
			perror("connlint");
			abort();
		}
		errno = 0;
	}
	if (errno)
		path_error(run, dir, strerror(errno));
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);

	for (i = 0; i < n; i++) {
		char *path = join_path(dir, names[i]);
		struct stat st;

		/* lstat: a symbolic link to a directory is not followed (no
		 * loops, no leaving the tree); one to a file is linted. */
		if (lstat(path, &st)) {
			path_error(run, path, strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			if (names[i][0] != '.')
				found += walk(run, path);
		} else if (!has_xml_suffix(names[i]) || is_config_name(names[i])) {
			/* not ours */
		} else if (S_ISREG(st.st_mode)) {
			lint_file(run, path);
			found++;
		} else if (S_ISLNK(st.st_mode)) {
			if (stat(path, &st)) {
				path_error(run, path, strerror(errno));
				found++;
			} else if (S_ISREG(st.st_mode)) {
				lint_file(run, path);
				found++;
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
		const char *reason = NULL;
		cl_result *r;

		if (!configure_for(run, stdin_name))
			return;
		r = cl_lint_fd(run->linter, 0, stdin_name, &reason);
		take_result(run, stdin_name, r, reason);
	} else if (stat(path, &st)) {
		path_error(run, path, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		bool before = run->trouble;

		/* An empty directory is worth a word but is not an error;
		 * one whose entries failed has been reported already. */
		if (!walk(run, path) && run->trouble == before)
			fprintf(stderr, "connlint: %s: no .xml files found\n",
			        path);
	} else {
		lint_file(run, path);
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
		fprintf(stderr, "connlint: %s: unknown rule '%s'; did you mean "
		        "%s (%s)?\n", opt, name, cl_rule_id(near),
		        cl_rule_slug(near));
	else
		fprintf(stderr, "connlint: %s: unknown rule '%s'\n", opt, name);
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
		fprintf(stderr, "connlint: --explain: %s (%s) has no "
		        "documentation page in this build\n", cl_rule_id(r),
		        cl_rule_slug(r));
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

int
main(int argc, char **argv)
{
	struct run run = { NULL, NULL, CL_SEV_ERROR, false, NULL, NULL, false,
	                   false };
	cl_linter *linter = cl_linter_new();
	cl_config *config = NULL; /* --config FILE */
	enum cl_format format = CL_FORMAT_TEXT;
	const char *stdin_name = "<stdin>";
	const char *color = "auto";
	const char *config_path = NULL;
	const char **explained = calloc((size_t)argc, sizeof(*explained));
	unsigned flags = 0;
	bool show_rules = false, show_version = false, no_config = false;
	int c, i, nexplained = 0, status = EXIT_TROUBLE;
	static char progname[] = "connlint";

	if (!explained) {
		perror("connlint");
		return EXIT_TROUBLE;
	}
	/* getopt_long's own messages then read "connlint: ...", like ours,
	 * however the binary was invoked. */
	argv[0] = progname;
	/* Each file's memory is freed before the next is read; without this,
	 * glibc hands it back to the kernel and faults it in again for every
	 * file, which cost more than the linting itself (docs/benchmark.md). */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	while ((c = getopt_long(argc, argv, "qh", long_options, NULL)) != -1) {
		char *error = NULL;

		switch (c) {
		case OPT_FORMAT:
			if (cl_format_parse(optarg, &format)) {
				usage_error("--format: unknown format '%s' "
				            "(text, gcc or json)", optarg);
				goto cleanup;
			}
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
			break;
		case OPT_SEVERITY:
			if (cl_linter_severity(linter, optarg, &error)) {
				usage_error("--severity: %s", error);
				free(error);
				goto cleanup;
			}
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
		default:
			/* getopt_long has said what was wrong */
			fputs("Try 'connlint --help' for more information.\n",
			      stderr);
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
	if (config_path) {
		char *error = NULL;

		if (!(config = cl_config_load(config_path, &error))) {
			fprintf(stderr, "connlint: %s\n", error);
			free(error);
			goto cleanup;
		}
		cl_linter_set_config(linter, config);
		run.config = config;
	} else if (!no_config) {
		run.finder = cl_config_finder_new();
	}

	if (!strcmp(color, "always") || (!strcmp(color, "auto") && auto_color()))
		flags |= CL_OUTPUT_COLOR;
	run.linter = linter;
	run.output = cl_output_new(format, stdout, flags);
	for (i = optind; i < argc; i++)
		lint_path(&run, argv[i], stdin_name);
	cl_output_finish(run.output);

	if (run.trouble)
		status = EXIT_TROUBLE;
	else if (run.problems)
		status = EXIT_PROBLEMS;
	else
		status = EXIT_CLEAN;
	if (close_stdout())
		status = EXIT_TROUBLE;

cleanup:
	cl_output_free(run.output);
	cl_linter_free(linter);
	cl_config_free(config);
	cl_config_finder_free(run.finder);
	free(explained);
	return status;
}
