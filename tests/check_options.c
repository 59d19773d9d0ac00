/*
 * Options for CI and editors (issue 10): --column-unit, --statistics,
 * --exit-zero, --show-config, --link-base, and the RELAX NG schema of the
 * configuration file (schema/connlint.rng) against the examples in the
 * docs and against what the configuration parser accepts. Runs the built
 * binary ($CONNLINT, see cli_run.h) from the repository root.
 */
#include <time.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "cli_run.h"
#include "connlint.h"
#include "lib/check_main.h"
#include "text.h" /* the width table itself */

#define UNKNOWN_AUTH "fixtures/cli/unknown-auth-method.connector.xml"
#define UNUSED_VAR "fixtures/cli/unused-variable.connector.xml"
#define DUP_ID "fixtures/rules/CL006/duplicate-endpoint-id.xml"
#define CONFIG_SCHEMA "schema/connlint.rng"

/* Writes DIR/NAME: the file FROM with its first OLD replaced by NEW. */
static void
write_edited(const char *dir, const char *name, const char *from,
             const char *old, const char *new)
{
	char *text = read_all(from), *at = strstr(text, old), *out;
	size_t head, n;

	ck_assert_msg(at != NULL, "%s has no \"%s\"", from, old);
	head = (size_t)(at - text);
	n = strlen(text) - strlen(old) + strlen(new);
	out = malloc(n + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out, text, head);
	strcpy(out + head, new);
	strcat(out, at + strlen(old));
	write_file(dir, name, out);
	free(out);
	free(text);
}

/*
 * Line 26 of UNKNOWN_AUTH with, before the fault (the value acme-basik,
 * CL402), a comment holding e-acute (2 bytes, 1 cell), two CJK characters
 * (3 bytes, 2 cells each) and an emoji (4 bytes, 2 cells), then a tab:
 *
 *   "<!--"  4 bytes  4 chars  4 cells
 *   é       2        1        1
 *   店 铺    6        2        4
 *   😀      4        1        2
 *   "-->"   3        3        3     so far 19 bytes, 11 chars, 14 cells
 *   tab     1        1        2     (cell 14 to the next multiple of 8)
 *   <enable auth-method="   21 of each
 *
 * 41 bytes, 33 chars, 37 cells before the value: it starts at byte column
 * 42, character column 34, display column 38; its 10 ASCII characters end
 * (exclusive) at 52, 44 and 48.
 */
#define WIDE_LINE                                  \
	"<!--\xc3\xa9"                             \
	"\xe5\xba\x97\xe9\x93\xba\xf0\x9f\x98\x80" \
	"-->\t<enable auth-method=\"acme-basik\"/>"

static char *
wide_fixture(void)
{
	char *dir = make_temp_dir();

	write_edited(dir, "w.xml", UNKNOWN_AUTH,
	             "      <enable auth-method=\"acme-basik\"/>", WIDE_LINE);
	return dir;
}

/* Runs connlint with ARGS on DIR/w.xml; returns its standard output. */
static char *
run_wide(const char *dir, const char *format, const char *unit)
{
	char path[512];
	struct run r;

	snprintf(path, sizeof(path), "%s/w.xml", dir);
	if (unit)
		r = RUN("--no-config", "--ignore", "CL202", "--format", format,
		        "--column-unit", unit, path);
	else
		r = RUN("--no-config", "--ignore", "CL202", "--format", format,
		        path);
	ck_assert_msg(r.status == 1, "status %d: %s", r.status, r.err);
	free(r.err);
	return r.out;
}

START_TEST(gcc_columns_in_each_unit)
{
	char *dir = wide_fixture(), *out;

	out = run_wide(dir, "gcc", NULL); /* gcc's own: bytes */
	ASSERT_CONTAINS(out, "/w.xml:26:42: error: no auth method");
	free(out);
	out = run_wide(dir, "gcc", "byte");
	ASSERT_CONTAINS(out, "/w.xml:26:42: error: ");
	free(out);
	out = run_wide(dir, "gcc", "char");
	ASSERT_CONTAINS(out, "/w.xml:26:34: error: ");
	free(out);
	out = run_wide(dir, "gcc", "display");
	ASSERT_CONTAINS(out, "/w.xml:26:38: error: ");
	free(out);
	remove_tree(dir);
}
END_TEST

START_TEST(text_columns_in_each_unit)
{
	char *dir = wide_fixture(), *out;

	out = run_wide(dir, "text", NULL); /* characters */
	ASSERT_CONTAINS(out, "/w.xml:26:34: error: no auth method");
	free(out);
	out = run_wide(dir, "text", "byte");
	ASSERT_CONTAINS(out, "/w.xml:26:42: error: ");
	free(out);
	out = run_wide(dir, "text", "display");
	ASSERT_CONTAINS(out, "/w.xml:26:38: error: ");
	/* The caret is in display cell 38 too (37 cells before it): the
	 * marker line and the column count cells with one table. */
	ASSERT_CONTAINS(out,
	                "\n                                     ^~~~~~~~~~\n");
	free(out);
	remove_tree(dir);
}
END_TEST

START_TEST(checkstyle_and_github_columns)
{
	char *dir = wide_fixture(), *out;

	out = run_wide(dir, "checkstyle", NULL);
	ASSERT_CONTAINS(out, "<error line=\"26\" column=\"34\" ");
	free(out);
	out = run_wide(dir, "checkstyle", "display");
	ASSERT_CONTAINS(out, "<error line=\"26\" column=\"38\" ");
	free(out);
	out = run_wide(dir, "github", NULL);
	ASSERT_CONTAINS(out, ",line=26,col=34,endLine=26,endColumn=44,");
	free(out);
	out = run_wide(dir, "github", "byte");
	ASSERT_CONTAINS(out, ",line=26,col=42,endLine=26,endColumn=52,");
	free(out);
	out = run_wide(dir, "github", "display");
	ASSERT_CONTAINS(out, ",line=26,col=38,endLine=26,endColumn=48,");
	free(out);
	remove_tree(dir);
}
END_TEST

/* json, sarif and junit keep character columns, as they declare. */
START_TEST(json_and_sarif_keep_characters)
{
	char *dir = wide_fixture(), *out;

	out = run_wide(dir, "json", "display");
	ASSERT_CONTAINS(out, "\"line\": 26, \"column\": 34, \"end_line\": 26, "
	                     "\"end_column\": 44,");
	free(out);
	out = run_wide(dir, "sarif", "byte");
	ASSERT_CONTAINS(out, "\"startLine\": 26, \"startColumn\": 34, "
	                     "\"endLine\": 26, \"endColumn\": 44");
	free(out);
	out = run_wide(dir, "junit", "display");
	ASSERT_CONTAINS(out, "/w.xml:26:34: error: ");
	free(out);
	remove_tree(dir);
}
END_TEST

/*
 * Related locations follow the unit. DUP_ID's CL006 is at 36:55 (chars),
 * after "à", "é" (2 bytes each) and "—" (3 bytes): byte column 59,
 * display 55. Its note at 30:19 gets "<!--店-->" and a tab in place of its
 * four leading spaces: 10 bytes, 8 chars, 9 cells, then the tab (1 byte,
 * 1 char, cell 9 to 16), so the note's 14 characters `<endpoint id="`
 * later start at byte 26, char 24, display 31.
 */
START_TEST(related_locations_follow_the_unit)
{
	char *dir = make_temp_dir(), path[512];
	struct run r;

	write_edited(dir, "d.xml", DUP_ID, "    <endpoint id=\"list-orders\"",
	             "<!--\xe5\xba\x97-->\t<endpoint id=\"list-orders\"");
	snprintf(path, sizeof(path), "%s/d.xml", dir);
	r = RUN("--no-config", "--select", "CL006", "--column-unit", "display",
	        path);
	ASSERT_CONTAINS(r.out, "/d.xml:36:55: error: endpoint id");
	ASSERT_CONTAINS(r.out, "/d.xml:30:31: note: `list-orders` first used");
	run_free(&r);
	r = RUN("--no-config", "--select", "CL006", "--format", "github",
	        "--column-unit", "byte", path);
	ASSERT_CONTAINS(r.out, ",line=36,col=59,");
	ASSERT_CONTAINS(r.out, "/d.xml:30:26: note: ");
	run_free(&r);
	r = RUN("--no-config", "--select", "CL006", "--format", "github", path);
	ASSERT_CONTAINS(r.out, ",line=36,col=55,");
	ASSERT_CONTAINS(r.out, "/d.xml:30:24: note: ");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/*
 * Display columns of many positions on one long line cost one walk over
 * it, whatever their order: 16,000 notes on one line, each pointing back
 * before the diagnostic it belongs to while the next diagnostic's note
 * points after it, took 320 s when each column was counted from the last
 * one or else from the start of the line (0.5 s in characters).
 */
START_TEST(display_columns_on_one_long_line)
{
	char *dir = make_temp_dir(), path[512], out[512], expect[200];
	char line[1024];
	FILE *f;
	struct run r;
	struct timespec t0, t1;
	bool found = false;
	double seconds;
	unsigned i, n = 16 * 1000;

	snprintf(path, sizeof(path), "%s/notes.xml", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<connector "
	      "format=\"1\" name=\"x\" version=\"1\" "
	      "system-type=\"y\"><variables>",
	      f);
	for (i = 0; i < n; i++)
		fputs(
		    "<!-- connlint-disable CL101 \xe5\xba\x97 --><!-- "
		    "connlint-disable CL101 --><!-- connlint-enable CL101 -->",
		    f);
	fputs("</variables>\n</connector>\n", f);
	ck_assert_int_eq(fclose(f), 0);
	/* The output goes to a file: reading 40 MB back into memory would
	 * cost more than the run in a sanitizer build. */
	snprintf(out, sizeof(out), "%s/out.txt", dir);
	write_file(dir, "out.txt", "");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = run_full(NULL, out, NULL,
	             (const char *const[]){ "--no-config", "-q",
	                                    "--column-unit", "display", path,
	                                    NULL });
	clock_gettime(CLOCK_MONOTONIC, &t1);
	seconds = (double)(t1.tv_sec - t0.tv_sec) +
	          (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_int_eq(r.status, 1);
	ck_assert_msg(seconds < 30, "took %.1f s", seconds);
	run_free(&r);

	/* And the columns stay right past thousands of checkpoints: the
	 * line starts with 70 ASCII characters (`<connector ...><variables>`);
	 * a block is 95 cells (the first comment 28 + 2 for the CJK
	 * character + 4, the others 31 and 30); the last block's second
	 * `connlint-disable` names CL101 (already disabled: CL009) 34 + 22
	 * cells into it. */
	snprintf(expect, sizeof(expect),
	         ":2:%u: info: CL101 (unused-connector-variable) is already "
	         "disabled",
	         70 + (n - 1) * 95 + 34 + 22 + 1);
	r = run_full(NULL, out, NULL,
	             (const char *const[]){ "--no-config", "--format", "gcc",
	                                    "--column-unit", "display", path,
	                                    NULL });
	run_free(&r);
	f = fopen(out, "r");
	ck_assert_ptr_nonnull(f);
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, expect) != NULL;
	fclose(f);
	ck_assert_msg(found, "no \"%s\" in the gcc output", expect);
	remove_tree(dir);
}
END_TEST

START_TEST(unknown_column_unit_is_a_usage_error)
{
	struct run r = RUN("--column-unit", "utf16", UNKNOWN_AUTH);

	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --column-unit: unknown unit 'utf16' "
	                       "(byte, char or display)\n");
	ck_assert_str_eq(r.out, "");
	run_free(&r);
}
END_TEST

START_TEST(library_column_unit)
{
	enum cl_column_unit u;

	ck_assert_int_eq(cl_column_unit_parse("display", &u), 0);
	ck_assert_int_eq(u, CL_COLUMN_DISPLAY);
	ck_assert_int_eq(cl_column_unit_parse("byte", &u), 0);
	ck_assert_int_eq(u, CL_COLUMN_BYTE);
	ck_assert_int_eq(cl_column_unit_parse("char", &u), 0);
	ck_assert_int_eq(u, CL_COLUMN_CHAR);
	ck_assert_int_eq(cl_column_unit_parse("bytes", &u), -1);
	ck_assert_int_eq(cl_column_unit_parse("Display", &u), -1);
}
END_TEST

/* The one width table (src/base/text.c), as GCC's display unit counts. */
START_TEST(display_widths)
{
	/* a tab goes to the next multiple of 8, from wherever it starts */
	ck_assert_uint_eq(cl_display_advance("\t", 1, 0), 8);
	ck_assert_uint_eq(cl_display_advance("\t", 1, 7), 8);
	ck_assert_uint_eq(cl_display_advance("\t", 1, 8), 16);
	ck_assert_uint_eq(cl_display_advance("ab\tc", 4, 0), 9);
	/* e + combining acute accent: one cell */
	ck_assert_uint_eq(cl_display_advance("e\xcc\x81", 3, 0), 1);
	/* zero width space, byte order mark: none */
	ck_assert_uint_eq(cl_display_advance("\xe2\x80\x8b", 3, 0), 0);
	ck_assert_uint_eq(cl_display_advance("\xef\xbb\xbf", 3, 0), 0);
	/* fullwidth A (U+FF21), Hangul (U+AC00), emoji (U+1F600): two */
	ck_assert_uint_eq(cl_display_advance("\xef\xbc\xa1", 3, 0), 2);
	ck_assert_uint_eq(cl_display_advance("\xea\xb0\x80", 3, 0), 2);
	ck_assert_uint_eq(cl_display_advance("\xf0\x9f\x98\x80", 4, 0), 2);
	/* after a wide character the tab stop moves with the cells */
	ck_assert_uint_eq(cl_display_advance("\xe5\xba\x97\t", 4, 5), 8);
	/* bytes that are not UTF-8: one cell each */
	ck_assert_uint_eq(cl_display_advance("\xff\xc3", 2, 0), 2);
	ck_assert_uint_eq(cl_cp_width(0x00e9), 1);
	ck_assert_uint_eq(cl_cp_width(0x5e97), 2);
	ck_assert_uint_eq(cl_cp_width(0x0301), 0);
}
END_TEST

/* ---- --statistics ---------------------------------------------------- */

START_TEST(statistics_most_frequent_first)
{
	/* Ten files with one CL101 each, one with CL202 and CL402: the
	 * counts are right-aligned, the tie goes by rule ID. */
	struct run r =
	    RUN("--no-config", "--statistics", UNUSED_VAR, UNUSED_VAR,
	        UNUSED_VAR, UNUSED_VAR, UNUSED_VAR, UNUSED_VAR, UNUSED_VAR,
	        UNUSED_VAR, UNUSED_VAR, UNUSED_VAR, UNKNOWN_AUTH);

	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.out, "10\tCL101\tunused-connector-variable\n"
	                        " 1\tCL202\tauth-method-not-enabled\n"
	                        " 1\tCL402\tenable-unknown-auth-method\n"
	                        "1 error, 11 warnings, 0 info in 11 files\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
}
END_TEST

/* What is counted is what would be reported: after --ignore, severities,
 * suppressions and the baseline. */
START_TEST(statistics_count_what_is_reported)
{
	char *dir = make_temp_dir(), base[512];
	struct run r;

	r = RUN("--no-config", "--statistics", "--ignore", "CL202", "-q",
	        UNKNOWN_AUTH, UNUSED_VAR);
	ck_assert_str_eq(r.out, "1\tCL101\tunused-connector-variable\n"
	                        "1\tCL402\tenable-unknown-auth-method\n");
	run_free(&r);

	snprintf(base, sizeof(base), "%s/b", dir);
	r = RUN("--no-config", "--write-baseline", base, UNUSED_VAR);
	run_free(&r);
	r = RUN("--no-config", "--statistics", "--baseline", base, UNKNOWN_AUTH,
	        UNUSED_VAR);
	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(
	    r.out, "1\tCL202\tauth-method-not-enabled\n"
	           "1\tCL402\tenable-unknown-auth-method\n"
	           "1 error, 1 warning, 0 info in 2 files (1 baselined)\n");
	run_free(&r);

	write_edited(dir, "s.xml", UNKNOWN_AUTH, "<connector",
	             "<!-- connlint-disable-file CL202 reviewed -->\n"
	             "<connector");
	snprintf(base, sizeof(base), "%s/s.xml", dir);
	r = RUN("--no-config", "--statistics", base);
	ck_assert_str_eq(r.out, "1\tCL402\tenable-unknown-auth-method\n"
	                        "1 error, 0 warnings, 0 info in 1 file\n");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(statistics_clean_run)
{
	struct run r = RUN("--no-config", "--statistics",
	                   "fixtures/cli/clean.connector.xml");

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "no problems in 1 file\n");
	run_free(&r);
}
END_TEST

/* Other formats are for programs: an error, not a silent mix. An output
 * file still gets every finding. */
START_TEST(statistics_and_other_formats)
{
	char *dir = make_temp_dir(), spec[600], *file;
	struct run r;

	r = RUN("--format", "gcc", "--statistics", UNKNOWN_AUTH);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: --statistics: only with the text "
	                       "format");
	ck_assert_str_eq(r.out, "");
	run_free(&r);

	snprintf(spec, sizeof(spec), "gcc=%s/r.txt", dir);
	r = RUN("--no-config", "--statistics", "--output", spec, UNKNOWN_AUTH);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "1\tCL402\tenable-unknown-auth-method\n");
	ASSERT_LACKS(r.out, "acme-basik");
	file = read_all(spec + 4);
	ASSERT_CONTAINS(file, ":26:28: error: no auth method `acme-basik`");
	ASSERT_CONTAINS(file, "[CL202]");
	free(file);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* ---- --exit-zero ------------------------------------------------------ */

START_TEST(exit_zero_with_findings)
{
	struct run r = RUN("--no-config", "--exit-zero", "--fail-on", "info",
	                   UNKNOWN_AUTH);

	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, ":26:28: error: no auth method");
	run_free(&r);
}
END_TEST

START_TEST(exit_zero_keeps_trouble)
{
	struct run r = RUN("--no-config", "--exit-zero", UNKNOWN_AUTH,
	                   "/nonexistent/connlint-test.xml");

	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "/nonexistent/connlint-test.xml: ");
	run_free(&r);
}
END_TEST

/* ---- --show-config ---------------------------------------------------- */

static const char show_config_file[] =
    "<connlint fail-on=\"warning\">\n"
    "  <select rules=\"CL0, CL1, CL4\"/>\n"
    "  <ignore rules=\"CL403\"/>\n"
    "  <rule name=\"CL101\" severity=\"info\"/>\n"
    "  <rule name=\"CL402\" severity=\"off\"/>\n"
    "  <path pattern=\"legacy/\" ignore=\"CL102\"/>\n"
    "  <redirect-uri value=\"https://example.test/cb\"/>\n"
    "  <platform-placeholder key=\"tenant_id\"/>\n"
    "</connlint>\n";

/* The line of RULE in OUT, from its start to its end. */
static char *
rule_line(const char *out, const char *rule)
{
	char needle[16];
	const char *at, *end;

	snprintf(needle, sizeof(needle), "\n  %s  ", rule);
	at = strstr(out, needle);
	ck_assert_msg(at != NULL, "no line for %s in:\n%s", rule, out);
	at++;
	end = strchr(at, '\n');
	return strndup(at, (size_t)(end - at));
}

static void
assert_rule(const char *out, const char *rule, const char *level,
            const char *why)
{
	char *line = rule_line(out, rule);
	char *tail = strstr(line + 9, level);

	ck_assert_msg(tail && tail[-1] == ' ' && tail[strlen(level)] == ' ',
	              "%s: not \"%s\" in: %s", rule, level, line);
	tail += strlen(level);
	tail += strspn(tail, " ");
	ck_assert_msg(!strcmp(tail, why), "%s: \"%s\", not \"%s\", in: %s",
	              rule, tail, why, line);
	free(line);
}

/* The line of RULE in OUT holds PIECE. */
static void
assert_rule_has(const char *out, const char *rule, const char *piece)
{
	char *line = rule_line(out, rule);

	ck_assert_msg(strstr(line, piece) != NULL, "%s: no \"%s\" in: %s", rule,
	              piece, line);
	free(line);
}

START_TEST(show_config_says_where_each_setting_comes_from)
{
	char *dir = make_temp_dir(), sub[600], file[700], cfg[700];
	struct run r;

	snprintf(sub, sizeof(sub), "%s/legacy", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	write_file(dir, "connlint.xml", show_config_file);
	snprintf(file, sizeof(file), "%s/legacy/a.xml", dir);
	snprintf(cfg, sizeof(cfg), "%s/connlint.xml", dir);

	r = RUN("--show-config", file, "--severity", "CL103=warning",
	        "--ignore", "CL104");
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	ASSERT_CONTAINS(r.out, "configuration:         ");
	ASSERT_CONTAINS(r.out, cfg);
	ASSERT_CONTAINS(r.out, "fail-on:               warning (");
	ASSERT_CONTAINS(r.out,
	                "redirect-uri:          https://example.test/cb (");
	ASSERT_CONTAINS(r.out, "platform-placeholder:  tenant_id (");
	assert_rule(r.out, "CL001", "error", "default");
	assert_rule(r.out, "CL008", "info", "default");
	assert_rule(r.out, "CL103", "warning", "--severity");
	assert_rule(r.out, "CL104", "off", "--ignore");
	/* the file's settings name the file and the element */
	assert_rule_has(r.out, "CL101", "<rule>");
	assert_rule_has(r.out, "CL402", "<rule>");
	assert_rule_has(r.out, "CL403", "<ignore>");
	assert_rule_has(r.out, "CL303", "not in <select>");
	assert_rule_has(r.out, "CL102", "<path pattern=\"legacy/*\">");
	assert_rule_has(r.out, "CL102", " off ");
	assert_rule_has(r.out, "CL101", " info ");
	run_free(&r);

	/* Outside legacy/ the per-path ignore does not apply; a --select
	 * replaces the file's selection; --fail-on wins. */
	snprintf(file, sizeof(file), "%s/b.xml", dir);
	r = RUN("--show-config", file, "--select", "CL3", "--fail-on", "info");
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "fail-on:               info (--fail-on)\n");
	assert_rule(r.out, "CL102", "off", "not in --select");
	assert_rule(r.out, "CL303", "error", "default");
	run_free(&r);
	r = RUN("--show-config", file);
	assert_rule(r.out, "CL102", "warning", "default");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(show_config_none_given_and_invalid)
{
	char *dir = make_temp_dir(), file[600], cfg[600];
	struct run r;

	snprintf(file, sizeof(file), "%s/a.xml", dir);
	snprintf(cfg, sizeof(cfg), "%s/other.xml", dir);
	write_file(dir, "connlint.xml", show_config_file);
	write_file(dir, "other.xml",
	           "<connlint><ignore rules=\"CL101\"/></connlint>\n");

	r = RUN("--show-config", file, "--no-config");
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "configuration:         none (--no-config)\n");
	ASSERT_CONTAINS(r.out, "fail-on:               error (default)\n");
	ASSERT_CONTAINS(r.out, "platform-placeholder:  none (default)\n");
	assert_rule(r.out, "CL101", "warning", "default");
	run_free(&r);

	r = RUN("--show-config", file, "--config", cfg);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "(--config)\n");
	assert_rule_has(r.out, "CL101", "<ignore>");
	run_free(&r);

	/* "-": the name standard input would be shown under */
	r = RUN("--show-config", "-", "--stdin-filename", file);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "file:                  ");
	ASSERT_CONTAINS(r.out, "/a.xml\n");
	ASSERT_CONTAINS(r.out, "/connlint.xml\n");
	run_free(&r);

	r = RUN("--show-config", "/connlint-no-such-dir/a.xml");
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "configuration:         none\n");
	run_free(&r);

	write_file(dir, "connlint.xml", "<connlint><ignores/></connlint>\n");
	r = RUN("--show-config", file);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "unknown element `<ignores>`");
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* ---- --link-base ------------------------------------------------------ */

#define LINK_BASE "https://example.test/blob/main/"

/* The markdown format links each location to the base, the path, "#L" and
 * the line; the option reaches --output files too. */
START_TEST(link_base_reaches_every_output)
{
	char *dir = make_temp_dir(), spec[600], *file;
	struct run r;
	cl_output *o;

	snprintf(spec, sizeof(spec), "markdown=%s/r.md", dir);
	r = RUN("--no-config", "--link-base", LINK_BASE, "--format", "markdown",
	        "--output", spec, UNKNOWN_AUTH);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "(" LINK_BASE UNKNOWN_AUTH "#L26)");
	file = read_all(spec + 9);
	ASSERT_CONTAINS(file, "(" LINK_BASE UNKNOWN_AUTH "#L26)");
	free(file);
	run_free(&r);
	/* without it, no link to the source */
	r = RUN("--no-config", "--format", "markdown", UNKNOWN_AUTH);
	ASSERT_LACKS(r.out, "#L26)");
	run_free(&r);
	r = RUN("--link-base");
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "option '--link-base' requires an argument");
	run_free(&r);

	/* The output keeps its own copy (the sanitizer build checks that it
	 * is freed), and a second setting replaces the first. */
	o = cl_output_new(CL_FORMAT_TEXT, stdout, CL_OUTPUT_QUIET);
	{
		char url[] = "https://example.test/a/";

		cl_output_set_link_base(o, url);
		url[0] = 'X';
	}
	cl_output_set_link_base(o, "https://example.test/b/");
	cl_output_set_link_base(o, NULL);
	cl_output_finish(o);
	cl_output_free(o);
	remove_tree(dir);
}
END_TEST

/* ---- schema/connlint.rng ---------------------------------------------- */

static xmlRelaxNGPtr schema;

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Read into memory: connlint's entity loader, installed by the first
 * cl_config_load, refuses every file libxml2 would open itself. */
static xmlRelaxNGPtr
load_schema(void)
{
	if (!schema) {
		char *text = read_all(CONFIG_SCHEMA);
		xmlRelaxNGParserCtxtPtr pc =
		    xmlRelaxNGNewMemParserCtxt(text, (int)strlen(text));

		ck_assert_ptr_nonnull(pc);
		schema = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
		free(text);
		ck_assert_msg(schema != NULL, "cannot read " CONFIG_SCHEMA);
	}
	return schema;
}

/* true when TEXT is well-formed and valid against the schema. */
static bool
schema_valid(const char *text)
{
	xmlDocPtr doc = xmlReadMemory(
	    text, (int)strlen(text), "config.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlRelaxNGValidCtxtPtr vc;
	int rc;

	if (!doc)
		return false;
	vc = xmlRelaxNGNewValidCtxt(load_schema());
	xmlRelaxNGSetValidErrors(vc, quiet, quiet, NULL);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlFreeDoc(doc);
	return rc == 0;
}

/* true when connlint reads TEXT as a configuration file. */
static bool
parser_accepts(const char *text, char **error)
{
	char *dir = make_temp_dir(), path[512];
	cl_config *c;

	write_file(dir, "connlint.xml", text);
	snprintf(path, sizeof(path), "%s/connlint.xml", dir);
	c = cl_config_load(path, error);
	cl_config_free(c);
	remove_tree(dir);
	return c != NULL;
}

/* Every ```xml block of PATH whose document is a <connlint> (the
 * configuration examples): valid and read. Returns how many. */
static int
check_doc_examples(const char *path)
{
	char *text = read_all(path), *p = text;
	int n = 0;

	while ((p = strstr(p, "```xml\n"))) {
		char *start = p + 7, *end = strstr(start, "\n```"), *block;
		char *error = NULL;

		ck_assert_ptr_nonnull(end);
		block = strndup(start, (size_t)(end - start + 1));
		p = end + 4;
		if (!strstr(block, "<connlint")) {
			free(block);
			continue;
		}
		ck_assert_msg(schema_valid(block),
		              "%s: not valid against " CONFIG_SCHEMA ":\n%s",
		              path, block);
		ck_assert_msg(parser_accepts(block, &error),
		              "%s: connlint refuses (%s):\n%s", path, error,
		              block);
		n++;
		free(block);
	}
	free(text);
	return n;
}

START_TEST(schema_accepts_the_docs_examples)
{
	/* configuration.md's complete example, the README's short one */
	ck_assert_int_ge(check_doc_examples("docs/configuration.md"), 1);
	ck_assert_int_ge(check_doc_examples("README.md"), 1);
	check_doc_examples("docs/ci.md");
}
END_TEST

/*
 * Small documents on which the schema and connlint's parser agree, both
 * ways (the exceptions the schema's header lists are at the end).
 */
static const struct {
	bool valid;
	const char *doc;
} agree[] = {
	{ true, "<connlint/>" },
	{ true, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<?xml-model href=\"schema/connlint.rng\" "
	        "schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
	        "<connlint version=\"1\" fail-on=\"info\">\n"
	        "  <!-- a comment -->\n"
	        "  <select rules=\"CL3\"/><select rules=\" cl101 ,, CL2,\"/>\n"
	        "  <ignore rules=\"wrong-grant-type\"/>\n"
	        "  <rule name=\"CL5\" severity=\"off\"/>\n"
	        "  <path pattern=\"./legacy/\" ignore=\"CL1\"/>\n"
	        "  <path pattern=\"a\\*b\" ignore=\"CL1\"/>\n"
	        "  <redirect-uri value=\"https://x.test/cb?a=1&amp;b=2\"/>\n"
	        "  <platform-placeholder key=\"flow_run.id-2\"/>\n"
	        "</connlint>\n" },
	{ true, "<connlint><rule name=\"unused-auth-variable\" "
	        "severity=\"warning\"></rule></connlint>" },
	{ false, "<connlint><ignores rules=\"CL101\"/></connlint>" },
	{ false, "<connlint><ignore rule=\"CL101\"/></connlint>" },
	{ false, "<connlint><ignore/></connlint>" },
	{ false, "<connlint><select rules=\" , \"/></connlint>" },
	{ false, "<connlint><rule name=\"CL101\"/></connlint>" },
	{ false, "<connlint><rule name=\"CL101\" severity=\"Error\"/>"
	         "</connlint>" },
	{ false, "<connlint><rule name=\"\" severity=\"off\"/></connlint>" },
	{ false, "<connlint fail-on=\"off\"/>" },
	{ false, "<connlint version=\"2\"/>" },
	{ false, "<connlint level=\"1\"/>" },
	{ false, "<config/>" },
	{ false, "<connlint>text</connlint>" },
	{ false, "<connlint><ignore rules=\"CL1\">x</ignore></connlint>" },
	{ false, "<connlint><ignore rules=\"CL1\"><ignore rules=\"CL2\"/>"
	         "</ignore></connlint>" },
	{ false, "<connlint><path pattern=\"/abs/*\" ignore=\"CL1\"/>"
	         "</connlint>" },
	{ false, "<connlint><path pattern=\"\" ignore=\"CL1\"/></connlint>" },
	{ false, "<connlint><path pattern=\"./\" ignore=\"CL1\"/></connlint>" },
	{ false, "<connlint><path pattern=\"././/x\" ignore=\"CL1\"/>"
	         "</connlint>" },
	{ true, "<connlint><path pattern=\".hidden/\" ignore=\"CL1\"/>"
	        "</connlint>" },
	{ false, "<connlint><path pattern=\"a\\\" ignore=\"CL1\"/>"
	         "</connlint>" },
	{ false, "<connlint><path pattern=\"a\"/></connlint>" },
	{ false, "<connlint><redirect-uri value=\"\"/></connlint>" },
	{ false, "<connlint><redirect-uri value=\"https://a b\"/></connlint>" },
	{ false, "<connlint><platform-placeholder key=\"{{x}}\"/>"
	         "</connlint>" },
};

START_TEST(schema_and_parser_agree)
{
	size_t i;

	for (i = 0; i < sizeof(agree) / sizeof(agree[0]); i++) {
		char *error = NULL;
		bool parsed = parser_accepts(agree[i].doc, &error);

		ck_assert_msg(schema_valid(agree[i].doc) == agree[i].valid,
		              "schema: %s is %s", agree[i].doc,
		              agree[i].valid ? "refused" : "accepted");
		ck_assert_msg(parsed == agree[i].valid,
		              "connlint: %s is %s (%s)", agree[i].doc,
		              parsed ? "accepted" : "refused",
		              error ? error : "");
		free(error);
	}
}
END_TEST

/* Where the schema only checks the shape (its header says so). */
START_TEST(schema_leaves_rule_names_to_connlint)
{
	const char *doc = "<connlint><ignore rules=\"CL1O1\"/></connlint>";
	char *error = NULL;

	ck_assert(schema_valid(doc));
	ck_assert(!parser_accepts(doc, &error));
	ck_assert_ptr_nonnull(strstr(error, "did you mean `CL101`"));
	free(error);
}
END_TEST

/* A typo'd element is what an editor should underline. */
START_TEST(schema_rejects_a_typo)
{
	ck_assert(!schema_valid("<connlint><platform-placeholders "
	                        "key=\"x\"/></connlint>"));
	ck_assert(schema_valid("<connlint><platform-placeholder "
	                       "key=\"x\"/></connlint>"));
}
END_TEST

static Suite *
options_suite(void)
{
	Suite *s = suite_create("options");
	TCase *c = tcase_create("column-unit");
	TCase *st = tcase_create("statistics");
	TCase *ez = tcase_create("exit-zero");
	TCase *sc = tcase_create("show-config");
	TCase *lb = tcase_create("link-base");
	TCase *rng = tcase_create("schema");

	tcase_set_timeout(c, 120); /* the long line, in a sanitizer build */
	tcase_add_test(c, gcc_columns_in_each_unit);
	tcase_add_test(c, text_columns_in_each_unit);
	tcase_add_test(c, checkstyle_and_github_columns);
	tcase_add_test(c, json_and_sarif_keep_characters);
	tcase_add_test(c, related_locations_follow_the_unit);
	tcase_add_test(c, display_columns_on_one_long_line);
	tcase_add_test(c, unknown_column_unit_is_a_usage_error);
	tcase_add_test(c, library_column_unit);
	tcase_add_test(c, display_widths);
	suite_add_tcase(s, c);
	tcase_add_test(st, statistics_most_frequent_first);
	tcase_add_test(st, statistics_count_what_is_reported);
	tcase_add_test(st, statistics_clean_run);
	tcase_add_test(st, statistics_and_other_formats);
	suite_add_tcase(s, st);
	tcase_add_test(ez, exit_zero_with_findings);
	tcase_add_test(ez, exit_zero_keeps_trouble);
	suite_add_tcase(s, ez);
	tcase_add_test(sc, show_config_says_where_each_setting_comes_from);
	tcase_add_test(sc, show_config_none_given_and_invalid);
	suite_add_tcase(s, sc);
	tcase_add_test(lb, link_base_reaches_every_output);
	suite_add_tcase(s, lb);
	tcase_add_test(rng, schema_accepts_the_docs_examples);
	tcase_add_test(rng, schema_and_parser_agree);
	tcase_add_test(rng, schema_leaves_rule_names_to_connlint);
	tcase_add_test(rng, schema_rejects_a_typo);
	suite_add_tcase(s, rng);
	return s;
}

CL_CHECK_MAIN(options_suite)
