/*
 * connlint(1): the command line. Parses options into a session
 * (cl_session in connlint.h, which finds, lints and reports), prints the
 * usage text, and turns the session's status into the exit status.
 */
#include <errno.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"

enum {
	EXIT_CLEAN = 0,    /* nothing at or above --fail-on */
	EXIT_PROBLEMS = 1, /* something at or above --fail-on */
	EXIT_TROUBLE = 2,  /* usage error, unreadable path, write error */
};

/* The most files linted at a time (-j). */
#define MAX_JOBS 1024

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
	OPT_COLUMN_UNIT,
	OPT_STATISTICS,
	OPT_EXIT_ZERO,
	OPT_SHOW_CONFIG,
	OPT_LINK_BASE,
	OPT_FIX,
	OPT_DIFF,
	OPT_UNSAFE_FIXES,
	OPT_ADD_SUPPRESSIONS,
	OPT_BASE,
	OPT_LINT,
	OPT_RULES,
};

#define REQ(name, val)                             \
	{                                          \
		name, required_argument, NULL, val \
	}
#define NOARG(name, val)                     \
	{                                    \
		name, no_argument, NULL, val \
	}
static const struct option long_options[] = {
	REQ("format", OPT_FORMAT),
	REQ("fail-on", OPT_FAIL_ON),
	REQ("select", OPT_SELECT),
	REQ("ignore", OPT_IGNORE),
	REQ("stdin-filename", OPT_STDIN_FILENAME),
	REQ("color", OPT_COLOR),
	NOARG("quiet", 'q'),
	REQ("severity", OPT_SEVERITY),
	REQ("config", OPT_CONFIG),
	REQ("rules", OPT_RULES),
	NOARG("no-config", OPT_NO_CONFIG),
	REQ("output", OPT_OUTPUT),
	REQ("baseline", OPT_BASELINE),
	REQ("write-baseline", OPT_WRITE_BASELINE),
	REQ("jobs", 'j'),
	REQ("column-unit", OPT_COLUMN_UNIT),
	NOARG("statistics", OPT_STATISTICS),
	NOARG("exit-zero", OPT_EXIT_ZERO),
	REQ("show-config", OPT_SHOW_CONFIG),
	REQ("link-base", OPT_LINK_BASE),
	NOARG("fix", OPT_FIX),
	NOARG("diff", OPT_DIFF),
	NOARG("unsafe-fixes", OPT_UNSAFE_FIXES),
	REQ("add-suppressions", OPT_ADD_SUPPRESSIONS),
	REQ("base", OPT_BASE),
	NOARG("lint", OPT_LINT),
	NOARG("list-rules", OPT_LIST_RULES),
	REQ("explain", OPT_EXPLAIN),
	NOARG("version", OPT_VERSION),
	NOARG("help", 'h'),
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
    "Usage: connlint [OPTIONS] PATH...\n"
    "       connlint diff [OPTIONS] OLD NEW\n"
    "       connlint diff --base REV [OPTIONS] [PATH...]\n"
    "       connlint lsp [--select, --ignore, --severity, --config,\n"
    "                    --no-config, --rules]\n"
    "       connlint test-rules RULESET...\n"
    "Check API-connector definitions (XML) for mistakes.\n"
    "\n"
    "Each PATH is a file (linted whatever its name), a directory (searched\n"
    "recursively for *.xml files, in byte order of their names; hidden\n"
    "directories, symbolic links to directories, symbolic links to files\n"
    "outside the directory, configuration files and *.rules.xml rulesets\n"
    "are skipped), or - for standard input.\n"
    "\n"
    "Options:\n"
    "  --format FORMAT        output format: text (default), gcc, json,\n"
    "                         sarif, checkstyle, junit, github, gitlab or\n"
    "                         markdown\n"
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
    "  --rules FILE           also check the custom rules of the ruleset\n"
    "                         FILE (docs/custom-rules.md); repeatable; its\n"
    "                         rules can be named by --select, --ignore and\n"
    "                         --severity\n"
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
    "  --column-unit UNIT     columns in text, gcc, checkstyle and github\n"
    "                         output: byte (gcc's default), char (the\n"
    "                         others' default) or display (terminal cells:\n"
    "                         wide characters and emoji 2, combining marks\n"
    "                         0, tabs to the next multiple of 8); json,\n"
    "                         sarif and junit always count characters\n"
    "  --statistics           instead of each finding, one line per rule\n"
    "                         with its count, most frequent first, then the\n"
    "                         summary (text format only)\n"
    "  --link-base URL        link each location to URL + path + #L + line,\n"
    "                         in formats that link to the source\n"
    "  --exit-zero            exit 0 even when findings were reported (2\n"
    "                         still means the run failed)\n"
    "  --fix                  apply the safe automatic fixes in place (each\n"
    "                         file replaced atomically; a file with nothing\n"
    "                         to fix is not touched), then report what\n"
    "                         remains; with -, the fixed text goes to\n"
    "                         standard output and the report to standard\n"
    "                         error\n"
    "  --diff                 print a unified diff of what --fix would do\n"
    "                         instead of a report, write nothing; exit 1 when\n"
    "                         there is something to fix\n"
    "  --unsafe-fixes         with --fix or --diff, apply the unsafe fixes too\n"
    "  --add-suppressions REASON\n"
    "                         add <!-- connlint-disable-next-line RULES\n"
    "                         REASON --> above the element of every finding\n"
    "                         (in place, or as a diff with --diff)\n"
    "  --show-config PATH     print which configuration file applies to PATH\n"
    "                         and the settings that result (each rule's\n"
    "                         severity and where it was set), and exit\n"
    "  --list-rules           list every rule (ID, slug, default severity,\n"
    "                         whether it has an automatic fix, summary) and\n"
    "                         exit; as JSON with --format json\n"
    "  --explain RULE         print the documentation of RULE (ID or slug)\n"
    "                         and exit\n"
    "  --base REV             (connlint diff) compare the files under PATH...\n"
    "                         (default .) with git revision REV\n"
    "  --lint                 (connlint diff) report the new version's\n"
    "                         ordinary findings too\n"
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
    "connlint diff compares an old and a new version of connectors and\n"
    "reports what breaks the companies that already use them (the CL6xx\n"
    "rules): two files, two directories (files paired by their path below\n"
    "each; a file only in OLD is removed, CL613), or with --base REV the git\n"
    "work tree against revision REV (old versions read with git, renames\n"
    "followed, the old side shown as REV:path). A version that is not\n"
    "well-formed or not valid is reported as such. Every option of a plain\n"
    "run applies but --fix, --diff, --unsafe-fixes and --add-suppressions;\n"
    "configuration files are those of the new side. Its exit status is that\n"
    "of a plain run; not a git work tree, an unknown revision or no git is 2.\n"
    "\n"
    "connlint lsp serves the Language Server Protocol on standard input and\n"
    "output for editors: diagnostics as you type, quick fixes, hover,\n"
    "completion, navigation and rename (docs/editors.md). It exits 0 after\n"
    "shutdown and exit or at the end of its input, 1 on exit without\n"
    "shutdown.\n"
    "\n"
    "connlint test-rules runs the tests of each RULESET (the connector\n"
    "files of its <tests path>, with connlint-expect comments) and prints\n"
    "every failure and \"N passed, N failed\"; it exits 0 when all pass and\n"
    "every rule is tested, 1 when not, 2 when a ruleset cannot be read.\n"
    "\n"
    "Exit status:\n"
    "  0  nothing of the --fail-on severity or worse was found (or\n"
    "     --exit-zero)\n"
    "  1  something of the --fail-on severity or worse was found\n"
    "  2  usage error (an output file that is also an input included), a\n"
    "     path that could not be read, a configuration or baseline file that\n"
    "     is not valid, or a write error\n"
    "  With --fix the status follows the findings that remain; with --diff it\n"
    "  is 1 when there is something to fix, 0 when there is not.\n"
    "\n"
    "Examples:\n"
    "  connlint --format gcc --fail-on warning --severity CL202=info connectors/\n"
    "  connlint --output sarif=connlint.sarif connectors/\n"
    "  connlint --write-baseline connlint.baseline connectors/\n"
    "  connlint --baseline connlint.baseline connectors/\n"
    "  connlint --diff connectors/ > fixes.diff\n"
    "  connlint diff old/connector.xml new/connector.xml\n"
    "  connlint diff --base origin/main --output sarif=diff.sarif connectors/\n"
    "  connlint --fix connectors/\n"
    "  connlint --rules acme.rules.xml connectors/\n"
    "  connlint test-rules acme.rules.xml\n";

/* Standard error, with the hint that goes with each kind of message. */
static void
to_stderr(void *data, enum cl_message_kind kind, const char *text)
{
	(void)data;
	fputs(text, stderr);
	if (kind == CL_MESSAGE_USAGE)
		fputs("Try 'connlint --help' for more information.\n", stderr);
	else if (kind == CL_MESSAGE_UNKNOWN_RULE)
		fputs("Try 'connlint --list-rules' for the rule names.\n",
		      stderr);
}

#define usage(...) cl_session_message(s, CL_MESSAGE_USAGE, __VA_ARGS__)

/* Parses a format NAME (LEN bytes) for OPT; -1 after a usage message
 * that lists the formats. */
static int
parse_format(cl_session *s, const char *opt, const char *name, size_t len,
             enum cl_format *out)
{
	char buf[32], list[128] = "";
	size_t i, n = cl_format_count();

	if (len < sizeof(buf) && (memcpy(buf, name, len), buf[len] = '\0',
	                          !cl_format_parse(buf, out)))
		return 0;
	for (i = 0; i < n; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
		         "%s%s",
		         i == 0      ? ""
		         : i + 1 < n ? ", "
		                     : " or ",
		         cl_format_name(i));
	usage("%s: unknown format '%.*s' (%s)", opt, (int)len, name, list);
	return -1;
}

/* Flushes and closes stdout; returns -1 (after a message) when any write
 * failed, e.g. on a full disk. */
static int
close_stdout(void)
{
	bool failed = ferror(stdout) != 0;

	errno = 0;
	if (fclose(stdout) == 0 && !failed)
		return 0;
	if (errno)
		fprintf(stderr, "connlint: error writing output: %s\n",
		        strerror(errno));
	else
		fputs("connlint: error writing output\n", stderr);
	return -1;
}

/* Applies option C with argument ARG to S; -1 after a usage message. */
static int
option(cl_session *s, int c, const char *arg, enum cl_format *format)
{
	const char *eq = arg ? strchr(arg, '=') : NULL;
	enum cl_format f;
	enum cl_severity sev;
	enum cl_column_unit unit;
	char *end;
	long jobs;

	switch (c) {
	case OPT_FORMAT:
		return parse_format(s, "--format", arg, strlen(arg), format);
	case OPT_OUTPUT:
		if (!eq || !eq[1])
			return usage("--output: '%s' is not FORMAT=FILE (e.g. "
			             "sarif=connlint.sarif)",
			             arg),
			       -1;
		if (parse_format(s, "--output", arg, (size_t)(eq - arg), &f))
			return -1;
		cl_session_add_output(s, f, eq + 1);
		return 0;
	case 'j':
		errno = 0;
		jobs = strtol(arg, &end, 10);
		if (errno || end == arg || *end || jobs < 1 || jobs > MAX_JOBS)
			return usage(
			           "--jobs: '%s' is not a number from 1 to %d",
			           arg, MAX_JOBS),
			       -1;
		cl_session_set_jobs(s, jobs);
		return 0;
	case OPT_FAIL_ON:
		if (cl_severity_parse(arg, &sev))
			return usage("--fail-on: unknown severity '%s' (error, "
			             "warning or info)",
			             arg),
			       -1;
		cl_session_set_fail_on(s, sev);
		return 0;
	case OPT_SELECT:
		return cl_session_select(s, arg);
	case OPT_IGNORE:
		return cl_session_ignore(s, arg);
	case OPT_SEVERITY:
		return cl_session_severity(s, arg);
	case OPT_COLOR:
		return cl_session_set_color(s, arg);
	case OPT_COLUMN_UNIT:
		if (cl_column_unit_parse(arg, &unit))
			return usage("--column-unit: unknown unit '%s' (byte, "
			             "char or display)",
			             arg),
			       -1;
		cl_session_set_column_unit(s, unit);
		return 0;
	case OPT_LINK_BASE:
		cl_session_set_link_base(s, arg);
		return 0;
	case OPT_EXIT_ZERO:
		cl_session_set_exit_zero(s, 1);
		return 0;
	case OPT_ADD_SUPPRESSIONS:
		return cl_session_add_suppressions(s, arg);
	}
	return -1;
}

/* connlint diff OLD NEW, or connlint diff --base REV [PATH...]. */
static int
run_diff(cl_session *s, const char *base, bool lint, char **args, int nargs)
{
	cl_session_set_diff_lint(s, lint);
	if (base)
		return cl_session_diff_base(s, base, args, (size_t)nargs);
	if (nargs != 2) {
		if (nargs < 2)
			usage("diff: %s; give OLD and NEW (two files or two "
			      "directories), or --base REV",
			      nargs ? "NEW is missing"
			            : "OLD and NEW are "
			              "missing");
		else
			usage(
			    "diff: too many paths ('%s'); give OLD and NEW, or "
			    "--base REV and PATHs",
			    args[2]);
		return EXIT_TROUBLE;
	}
	return cl_session_diff(s, args[0], args[1]);
}

int
main(int argc, char **argv)
{
	cl_session *s = cl_session_new();
	enum cl_format format = CL_FORMAT_TEXT;
	const char **explained = calloc((size_t)argc, sizeof(*explained));
	const char *show_config = NULL;
	unsigned flags = 0, fix = 0;
	bool show_rules = false, show_version = false, lsp = false;
	bool diff = false, diff_lint = false, test_rules = false;
	/* The rule settings, applied once every --rules is loaded so that
	 * they may name its rules wherever they stand. */
	struct deferred {
		int c;
		const char *arg;
	} *later = calloc((size_t)argc, sizeof(*later));
	int nlater = 0;
	const char *base = NULL;
	int c, i, nexplained = 0, status = EXIT_TROUBLE;
	static char progname[] = "connlint";

	if (!explained || !later) {
		perror("connlint");
		free(later);
		return EXIT_TROUBLE;
	}
	cl_session_set_messages(s, to_stderr, NULL);
	/* getopt_long's own messages then read "connlint: ...", like ours,
	 * however the binary was invoked. */
	argv[0] = progname;
#ifdef __GLIBC__
	/* Each file's memory is freed before the next is read; without this,
	 * glibc hands it back to the kernel and faults it in again for every
	 * file, which cost more than the linting itself (docs/benchmark.md). */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
#endif
	/* connlint lsp, connlint diff: the rest are options for the
	 * subcommand's session */
	if (argc > 1 && (!strcmp(argv[1], "lsp") || !strcmp(argv[1], "diff") ||
	                 !strcmp(argv[1], "test-rules"))) {
		lsp = !strcmp(argv[1], "lsp");
		test_rules = !strcmp(argv[1], "test-rules");
		diff = !lsp && !test_rules;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	/* getopt_long's own messages would quote the arguments raw. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qhj:", long_options, NULL)) !=
	       -1) {
		switch (c) {
		case OPT_BASELINE:
			cl_session_set_baseline(s, optarg);
			break;
		case OPT_WRITE_BASELINE:
			cl_session_write_baseline(s, optarg);
			break;
		case OPT_CONFIG:
			cl_session_set_config(s, optarg);
			break;
		case OPT_NO_CONFIG:
			cl_session_no_config(s);
			break;
		case OPT_RULES:
			if (cl_session_add_rules(s, optarg))
				goto cleanup;
			break;
		case OPT_SELECT:
		case OPT_IGNORE:
		case OPT_SEVERITY:
			later[nlater].c = c;
			later[nlater++].arg = optarg;
			break;
		case OPT_STDIN_FILENAME:
			cl_session_set_stdin_name(s, optarg);
			break;
		case 'q':
			flags |= CL_OUTPUT_QUIET;
			break;
		case OPT_STATISTICS:
			flags |= CL_OUTPUT_STATISTICS;
			break;
		case OPT_FIX:
			fix |= CL_SESSION_FIX;
			break;
		case OPT_DIFF:
			fix |= CL_SESSION_DIFF;
			break;
		case OPT_UNSAFE_FIXES:
			fix |= CL_SESSION_UNSAFE_FIXES;
			break;
		case OPT_SHOW_CONFIG:
			show_config = optarg;
			break;
		case OPT_BASE:
		case OPT_LINT:
			if (!diff) {
				usage("%s: only with connlint diff",
				      c == OPT_BASE ? "--base" : "--lint");
				goto cleanup;
			}
			if (c == OPT_BASE)
				base = optarg;
			else
				diff_lint = true;
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
			usage("option '%s' requires an argument",
			      argv[optind - 1]);
			goto cleanup;
		case '?':
			if (optopt && optopt < 256)
				usage("invalid option -- '%c'", optopt);
			else
				usage("unrecognized option '%s'",
				      argv[optind - 1]);
			goto cleanup;
		default:
			if (option(s, c, optarg, &format))
				goto cleanup;
		}
	}

	for (i = 0; i < nlater; i++)
		if (option(s, later[i].c, later[i].arg, &format))
			goto cleanup;
	if (test_rules) {
		if (optind == argc) {
			usage(
			    "test-rules: give a ruleset file (NAME.rules.xml)");
			goto cleanup;
		}
		status = EXIT_CLEAN;
		for (i = optind; i < argc; i++) {
			int rc = cl_session_test_rules(s, argv[i], stdout);

			if (rc > status)
				status = rc;
			if (i + 1 < argc) {
				/* each ruleset alone, as if run by itself */
				cl_session_free(s);
				s = cl_session_new();
				cl_session_set_messages(s, to_stderr, NULL);
			}
		}
		if (close_stdout())
			status = EXIT_TROUBLE;
		goto cleanup;
	}
	if (show_version || show_rules || nexplained) {
		status = EXIT_CLEAN;
		if (show_version)
			printf("connlint %s\n", cl_version());
		if (show_rules)
			cl_session_list_rules(s, stdout, format);
		for (i = 0; i < nexplained; i++) {
			if (i)
				putchar('\n');
			if (cl_session_explain(s, explained[i], stdout))
				status = EXIT_TROUBLE;
		}
		if (close_stdout())
			status = EXIT_TROUBLE;
		goto cleanup;
	}
	if (lsp) {
		if (optind < argc) {
			usage("lsp: unexpected argument '%s' (the editor sends "
			      "the documents)",
			      argv[optind]);
			goto cleanup;
		}
		status = cl_session_serve_lsp(s, 0, 1);
		goto cleanup;
	}
	if (show_config) {
		status = cl_session_show_config(s, show_config, stdout)
		             ? EXIT_TROUBLE
		             : EXIT_CLEAN;
		if (close_stdout())
			status = EXIT_TROUBLE;
		goto cleanup;
	}
	cl_session_set_format(s, format, flags);
	cl_session_set_fix(s, fix);
	if (diff) {
		status =
		    run_diff(s, base, diff_lint, argv + optind, argc - optind);
	} else {
		status =
		    cl_session_run(s, argv + optind, (size_t)(argc - optind));
	}
	if (close_stdout())
		status = EXIT_TROUBLE;

cleanup:
	cl_session_free(s);
	free(explained);
	free(later);
	return status;
}
