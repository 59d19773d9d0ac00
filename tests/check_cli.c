/*
 * The command line, end to end: runs the built binary (path in $CONNLINT,
 * default build/connlint) with posix_spawn and checks its exit status,
 * stdout and stderr. Fixtures are in fixtures/cli/; directory-walking
 * cases build their own tree under a temporary directory.
 */
#include "cli_run.h"
#include "lib/check_main.h"

#define CLEAN "fixtures/cli/clean.connector.xml"
#define ERROR "fixtures/cli/unknown-auth-method.connector.xml"
#define WARNING "fixtures/cli/unused-variable.connector.xml"
/* The messages those fixtures give (their goldens beside them agree). */
#define CL402_MSG "no auth method `acme-basik`; did you mean `acme-basic`?"
#define CL101_MSG                                                        \
	"connector variable `region` is used by no auth method "         \
	"and referenced by no placeholder: no user is asked for it and " \
	"nothing reads it"

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
	ck_assert_str_eq(r.err,
	                 "connlint: no PATH given\n"
	                 "Try 'connlint --help' for more information.\n");
	run_free(&r);
}
END_TEST

START_TEST(unknown_rule_exits_2)
{
	struct run r = RUN("--select", "CL303,CL999", CLEAN);

	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err,
	                 "connlint: --select: unknown rule 'CL999'\n"
	                 "Try 'connlint --list-rules' for the rule names.\n");
	run_free(&r);

	/* a near miss is named */
	r = RUN("--ignore", "CL1O1", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --ignore: unknown rule 'CL1O1'; did "
	                       "you mean CL101 (unused-connector-variable)?\n");
	run_free(&r);

	/* an empty list would turn every rule off without a word */
	r = RUN("--select", "", ERROR);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --select: empty list");
	run_free(&r);

	r = RUN("--ignore", "no-such-rule", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err,
	                "connlint: --ignore: unknown rule 'no-such-rule'\n");
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

START_TEST(directory_without_xml_exits_0)
{
	char *dir = make_temp_dir();
	char expect[600];
	struct run r;

	write_file(dir, "notes.txt", "not a connector\n");
	r = RUN(dir);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "no problems in 0 files\n");
	snprintf(expect, sizeof(expect), "connlint: %s: no .xml files found\n",
	         dir);
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
		"--format FORMAT",
		"text",
		"gcc",
		"json",
		"--fail-on SEVERITY",
		"error",
		"warning",
		"info",
		"--select LIST",
		"--ignore LIST",
		"--stdin-filename NAME",
		"--severity RULE=LEVEL",
		"off",
		"--config FILE",
		"--no-config",
		"--rules FILE",
		"connlint test-rules RULESET...",
		"docs/custom-rules.md",
		"connlint.xml",
		".connlint.xml",
		"connlint-disable-next-line",
		"docs/configuration.md",
		"--color WHEN",
		"auto",
		"always",
		"never",
		"NO_COLOR",
		"-q, --quiet",
		"--list-rules",
		"--explain RULE",
		"--version",
		"-h, --help",
		"--output FORMAT=FILE",
		"--baseline FILE",
		"--write-baseline FILE",
		"-j, --jobs N",
		"Exit status",
		"  0  ",
		"  1  ",
		"  2  ",
		"Example",
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
	const char *ex = strstr(r.out, "Examples:\n  connlint ");
	const char *args[CL_TEST_MAX_ARGS];
	char words[512], *p;
	size_t n = 0, len;
	struct run ex_run;

	ck_assert_ptr_nonnull(ex);
	ex += strlen("Examples:\n  connlint ");
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
	struct run r = RUN_STDIN(ERROR, "--format", "gcc", "--select", "CL402",
	                         "--stdin-filename", "shop.connector.xml", "-");

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
	ck_assert_str_eq(r.out,
	                 WARNING ":8:20: warning: " CL101_MSG " [CL101]\n");
	run_free(&r);
}
END_TEST

START_TEST(list_rules)
{
	struct run r = RUN("--list-rules");
	const char *line, *sev;

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	ck_assert_msg(!strncmp(r.out, "CL001  xml-not-well-formed ", 27), "%s",
	              r.out);
	line = strstr(r.out, "\nCL303  wrong-grant-type ");
	ck_assert_msg(line != NULL, "%s", r.out);
	line++;
	/* ID, slug, severity and summary, in aligned columns */
	sev = strstr(line, "  error    ");
	ck_assert_ptr_nonnull(sev);
	ck_assert_ptr_nonnull(strstr(r.out, "  error    "));
	ck_assert_uint_eq((size_t)(sev - line),
	                  (size_t)(strstr(r.out, "  error    ") - r.out));
	ck_assert_msg(sev - line > 25 &&
	                  !memchr(line, '\n', (size_t)(sev - line)),
	              "%s", line);
	/* then its fix: safe */
	ck_assert_msg(!strncmp(sev, "  error    safe    ", 19), "%s", line);
	run_free(&r);
}
END_TEST

START_TEST(list_rules_json)
{
	struct run r = RUN("--list-rules", "--format", "json");
	struct run text = RUN("--list-rules");
	const char *p;
	size_t n = 0;

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
#define HEAD                                                                 \
	"{\n  \"tool\": {\"name\": \"connlint\", \"version\": \"0.1.0\"},\n" \
	"  \"rules\": [\n"
	ck_assert_msg(!strncmp(r.out, HEAD, strlen(HEAD)), "%.200s", r.out);
#undef HEAD
	ASSERT_CONTAINS(r.out,
	                "{\"id\": \"CL303\", \"name\": \"wrong-grant-type\", "
	                "\"severity\": \"error\", \"fix\": true, "
	                "\"fix_applicability\": \"safe\", "
	                "\"summary\": \"");
	/* one object per rule, as many as the text listing has lines */
	for (p = r.out; (p = strstr(p, "{\"id\": ")); p++)
		n++;
	ck_assert_uint_eq(n, count_lines(text.out));
	ck_assert_msg(!strcmp(r.out + strlen(r.out) - 9, "\"}\n  ]\n}\n"), "%s",
	              r.out + strlen(r.out) - 9);
	run_free(&r);
	run_free(&text);
}
END_TEST

START_TEST(explain)
{
	struct run r = RUN("--explain", "CL009");

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	ck_assert_msg(!strncmp(r.out, "# CL009 unused-suppression\n", 27), "%s",
	              r.out);
	ASSERT_CONTAINS(r.out, "\n## Bad\n");
	run_free(&r);

	/* by slug, and any case of the ID */
	r = RUN("--explain", "unknown-rule-in-suppression");
	ck_assert_int_eq(r.status, 0);
	ck_assert_msg(
	    !strncmp(r.out, "# CL010 unknown-rule-in-suppression\n", 36), "%s",
	    r.out);
	run_free(&r);
	r = RUN("--explain", "cl010");
	ck_assert_int_eq(r.status, 0);
	ck_assert_msg(!strncmp(r.out, "# CL010 ", 8), "%s", r.out);
	run_free(&r);

	/* paths are not linted */
	r = RUN("--explain", "CL009", ERROR);
	ck_assert_int_eq(r.status, 0);
	ASSERT_LACKS(r.out, "CL402");
	run_free(&r);

	r = RUN("--explain", "CL1O1");
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err,
	                 "connlint: --explain: unknown rule 'CL1O1'; did "
	                 "you mean CL101 (unused-connector-variable)?\n"
	                 "Try 'connlint --list-rules' for the rule names.\n");
	run_free(&r);

	r = RUN("--explain", "CL999");
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.err,
	                 "connlint: --explain: unknown rule 'CL999'\n"
	                 "Try 'connlint --list-rules' for the rule names.\n");
	run_free(&r);

	r = RUN("--explain");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "requires an argument");
	run_free(&r);
}
END_TEST

START_TEST(severity_overrides)
{
	/* a warning made an error: reported as one, and fails the run */
	struct run r =
	    RUN("--format", "gcc", "--severity", "CL101=error", WARNING);

	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.out,
	                 WARNING ":8:20: error: " CL101_MSG " [CL101]\n");
	run_free(&r);

	/* the summary counts what was reported */
	r = RUN("--severity", "unused-connector-variable=info", WARNING);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, WARNING ":8:20: info: ");
	ASSERT_CONTAINS(r.out, "0 errors, 0 warnings, 1 info in 1 file\n");
	run_free(&r);

	r = RUN("--format", "json", "--severity", "CL402=warning", ERROR);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out,
	                "\"severity\": \"warning\", \"rule\": \"CL402\"");
	run_free(&r);

	/* off: the rule does not run; a later setting wins; prefixes and
	 * lists work */
	r = RUN("--format", "gcc", "--severity", "CL402=off", ERROR);
	ASSERT_LACKS(r.out, "[CL402]");
	run_free(&r);
	r = RUN("--format", "gcc", "--severity", "CL4=off", "--severity",
	        "CL101=info,CL402=error", "--select", "CL101,CL4", ERROR,
	        WARNING);
	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.out,
	                 ERROR ":26:28: error: " CL402_MSG " [CL402]\n" WARNING
	                       ":8:20: info: " CL101_MSG " [CL101]\n");
	run_free(&r);

	r = RUN("--severity", "CL101=fatal", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err,
	                 "connlint: --severity: unknown level 'fatal' for "
	                 "CL101 (error, warning, info or off)\n"
	                 "Try 'connlint --help' for more information.\n");
	run_free(&r);
	r = RUN("--severity", "CL101", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --severity: 'CL101' has no level; "
	                       "write CL101=LEVEL");
	run_free(&r);
	r = RUN("--severity", "unused-conector-variable=off", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --severity: unknown rule "
	                       "'unused-conector-variable'; did you mean CL101 "
	                       "(unused-connector-variable)?\n");
	run_free(&r);
	r = RUN("--severity", "", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --severity: empty list");
	run_free(&r);
}
END_TEST

START_TEST(config_options)
{
	struct run r = RUN("--config", "fixtures/cli/no-such.xml", CLEAN);

	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err, "connlint: fixtures/cli/no-such.xml: No such "
	                        "file or directory\n");
	run_free(&r);

	r = RUN("--config", "fixtures/cli/no-such.xml", "--no-config", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --config and --no-config cannot be "
	                       "used together\n");
	run_free(&r);

	/* a connector is not a configuration file */
	r = RUN("--config", CLEAN, CLEAN);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.err,
	                 "connlint: " CLEAN ":3:2: the root element is "
	                 "`<connector>`; a connlint configuration file's root "
	                 "element is `<connlint>`\n");
	run_free(&r);

	r = RUN("--no-config", CLEAN);
	ck_assert_int_eq(r.status, 0);
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
	ck_assert_msg(
	    !strncmp(r.out,
	             "{\n  \"tool\": {\"name\": \"connlint\", "
	             "\"version\": \"0.1.0\"},\n  \"files_checked\": 3,\n",
	             70),
	    "%s", r.out);
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
	tcase_add_test(tc, list_rules_json);
	tcase_add_test(tc, explain);
	tcase_add_test(tc, severity_overrides);
	tcase_add_test(tc, config_options);
	tcase_add_test(tc, quiet_drops_the_summary);
	tcase_add_test(tc, color);
	tcase_add_test(tc, json_for_a_directory);
	tcase_add_test(tc, write_error_exits_2);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(cli_suite)
