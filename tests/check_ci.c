/*
 * The options for CI, end to end: -j (the output must not depend on it),
 * --output FORMAT=FILE (written beside standard output, atomically),
 * --baseline and --write-baseline, and the man page against --help.
 */
#include <ctype.h>

#include "cli_run.h"
#include "connlint.h"
#include "lib/check_main.h"

#define ERROR "fixtures/cli/unknown-auth-method.connector.xml"
#define WARNING "fixtures/cli/unused-variable.connector.xml"
#define CLEAN "fixtures/cli/clean.connector.xml"
#define MAN_PAGE "docs/connlint.1"

/* Every format, over every fixture (unreadable paths and an empty
 * directory included, so that the messages on standard error are placed
 * too): -j 2 and -j 8 print exactly what -j 1 prints. */
START_TEST(jobs_do_not_change_the_output)
{
	char *dir = make_temp_dir();
	size_t i;

	for (i = 0; i < cl_format_count(); i++) {
		struct run one = RUN("-j", "1", "--format", cl_format_name(i),
		                     "fixtures", "no-such-path", dir, CLEAN);
		static const char *const jobs[] = { "2", "8" };

		ck_assert_int_eq(one.status, 2);
		ASSERT_CONTAINS(one.err, "no-such-path");
		ASSERT_CONTAINS(one.err, "no .xml files found");
		for (size_t k = 0; k < 2; k++) {
			struct run many = RUN("--jobs", jobs[k], "--format",
			                      cl_format_name(i), "fixtures",
			                      "no-such-path", dir, CLEAN);

			ck_assert_msg(!strcmp(one.out, many.out),
			              "--format %s: -j %s differs from -j 1",
			              cl_format_name(i), jobs[k]);
			ck_assert_str_eq(one.err, many.err);
			ck_assert_int_eq(one.status, many.status);
			run_free(&many);
		}
		run_free(&one);
	}
	remove_tree(dir);
}
END_TEST

/* Files under different configuration files (one not valid) get
 * different linters; the output still does not depend on -j. */
START_TEST(jobs_with_configurations)
{
	char *dir = make_temp_dir();
	char sub[600];
	static const char *const subs[] = { "a", "b", "bad", "c" };
	size_t i;

	for (i = 0; i < 4; i++) {
		snprintf(sub, sizeof(sub), "%s/%s", dir, subs[i]);
		ck_assert_int_eq(mkdir(sub, 0755), 0);
		copy_file(ERROR, sub, "1.xml");
		copy_file(WARNING, sub, "2.xml");
		copy_file(CLEAN, sub, "3.xml");
	}
	write_file(
	    dir, "a/connlint.xml",
	    "<connlint fail-on=\"warning\"><ignore rules=\"CL402\"/></connlint>\n");
	write_file(
	    dir, "b/connlint.xml",
	    "<connlint><rule name=\"CL101\" severity=\"error\"/></connlint>\n");
	write_file(dir, "bad/.connlint.xml", "<connlint><bogus/></connlint>\n");
	for (i = 0; i < cl_format_count(); i++) {
		struct run one = RUN("-j", "1", "--severity", "CL202=info",
		                     "--format", cl_format_name(i), dir);
		struct run many = RUN("-j", "4", "--severity", "CL202=info",
		                      "--format", cl_format_name(i), dir);

		ck_assert_int_eq(one.status, 2); /* the bad configuration */
		ASSERT_CONTAINS(one.err, "bogus");
		ck_assert_msg(!strcmp(one.out, many.out),
		              "--format %s: -j 4 differs from -j 1",
		              cl_format_name(i));
		ck_assert_str_eq(one.err, many.err);
		ck_assert_int_eq(one.status, many.status);
		run_free(&one);
		run_free(&many);
	}
	remove_tree(dir);
}
END_TEST

/* Messages need no worker: runs of them between files must neither be
 * lost nor taken for files to lint (a bug once). */
START_TEST(jobs_with_many_messages)
{
	char *dir = make_temp_dir();
	const char *args[CL_TEST_MAX_ARGS];
	size_t n = 0, k;

	args[n++] = "-j";
	args[n++] = "2";
	while (n < 50) {
		args[n++] = dir; /* no .xml files found */
		args[n++] = "no-such-path";
		if (n % 7 == 0)
			args[n++] = CLEAN;
	}
	args[n] = NULL;
	for (k = 0; k < 20; k++) {
		struct run one, many;

		/* A message last: the workers are told to stop right after. */
		one = RUN("-j", "2", dir);
		ck_assert_int_eq(one.status, 0);
		ck_assert_str_eq(one.out, "no problems in 0 files\n");
		ASSERT_CONTAINS(one.err, "no .xml files found\n");
		ASSERT_LACKS(one.err, "(null)");
		run_free(&one);

		args[1] = "1";
		one = run_full(NULL, NULL, NULL, args);
		args[1] = "2";
		many = run_full(NULL, NULL, NULL, args);
		ck_assert_int_eq(one.status, 2);
		ck_assert_int_eq(many.status, 2);
		ck_assert_str_eq(one.out, many.out);
		ck_assert_str_eq(one.err, many.err);
		run_free(&one);
		run_free(&many);
	}
	remove_tree(dir);
}
END_TEST

START_TEST(jobs_usage_errors)
{
	static const char *const bad[] = { "0", "-1", "x", "2x", "", "100000" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct run r = RUN("-j", bad[i], CLEAN);

		ck_assert_int_eq(r.status, 2);
		ASSERT_CONTAINS(r.err, "--jobs: ");
		run_free(&r);
	}
}
END_TEST

/* One pass, several outputs: each file holds exactly what --format
 * would print, and standard output is unchanged. */
START_TEST(output_files_match_format)
{
	char *dir = make_temp_dir();
	char sarif[512], json[512], text[512], sarif_arg[600], json_arg[600],
	    text_arg[600];
	struct run r, alone;
	char *got;

	snprintf(sarif, sizeof(sarif), "%s/out.sarif", dir);
	snprintf(json, sizeof(json), "%s/out.json", dir);
	snprintf(text, sizeof(text), "%s/out.txt", dir);
	snprintf(sarif_arg, sizeof(sarif_arg), "sarif=%s", sarif);
	snprintf(json_arg, sizeof(json_arg), "json=%s", json);
	snprintf(text_arg, sizeof(text_arg), "text=%s", text);
	r = RUN("--color", "always", "--output", sarif_arg, "--output",
	        json_arg, "--output", text_arg, ERROR, WARNING);
	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.err, "");

	alone = RUN("--color", "always", ERROR, WARNING);
	ck_assert_str_eq(r.out, alone.out); /* the terminal keeps its colour */
	run_free(&alone);

	alone = RUN("--format", "sarif", ERROR, WARNING);
	ck_assert_ptr_nonnull(got = read_text(sarif));
	ck_assert_str_eq(got, alone.out);
	free(got);
	run_free(&alone);

	alone = RUN("--format", "json", ERROR, WARNING);
	ck_assert_ptr_nonnull(got = read_text(json));
	ck_assert_str_eq(got, alone.out);
	free(got);
	run_free(&alone);

	/* Files are never coloured. */
	alone = RUN("--color", "never", ERROR, WARNING);
	ck_assert_ptr_nonnull(got = read_text(text));
	ck_assert_str_eq(got, alone.out);
	ASSERT_LACKS(got, "\033[");
	free(got);
	run_free(&alone);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* Nothing but the outputs is left in the directory: the temporary file
 * is renamed into place. An existing file is replaced. */
START_TEST(output_is_atomic)
{
	char *dir = make_temp_dir();
	char path[512], arg[600], cmd[700];
	struct run r;
	char *got;

	write_file(dir, "report.xml", "old contents\n");
	snprintf(path, sizeof(path), "%s/report.xml", dir);
	snprintf(arg, sizeof(arg), "junit=%s", path);
	r = RUN("--output", arg, CLEAN);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(got = read_text(path));
	ASSERT_CONTAINS(got, "<testsuites");
	free(got);
	run_free(&r);
	/* Exactly one entry, hidden ones included. */
	snprintf(cmd, sizeof(cmd), "test \"$(ls -A '%s')\" = report.xml", dir);
	ck_assert_int_eq(system(cmd), 0);
	remove_tree(dir);
}
END_TEST

START_TEST(output_errors_exit_2)
{
	char *dir = make_temp_dir();
	char arg[600];
	struct run r;

	/* A directory that does not exist: said before anything is linted. */
	r = RUN("--output", "sarif=/nonexistent-connlint-dir/x.sarif", ERROR);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, "connlint: /nonexistent-connlint-dir/x.sarif: ");
	run_free(&r);

	/* The target is a directory: said before anything is linted, and
	 * no temporary file is left. */
	snprintf(arg, sizeof(arg), "json=%s", dir);
	r = RUN("--output", arg, CLEAN);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, ": is a directory");
	run_free(&r);

	static const char *const bad[] = {
		"sarif",
		"sarif=",
		"=x.sarif",
		"yaml=x.yaml",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r = RUN("--output", bad[i], CLEAN);
		ck_assert_int_eq(r.status, 2);
		ASSERT_CONTAINS(r.err, "--output: ");
		run_free(&r);
	}
	r = RUN("--output", "json=/tmp/a", "--output", "sarif=/tmp/a", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "given twice");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* Counts the entries (lines not starting with '#') of a baseline. */
static size_t
entries(const char *text)
{
	size_t n = 0;
	const char *p = text;

	while (*p) {
		if (*p != '#' && *p != '\n')
			n++;
		p += strcspn(p, "\n");
		if (*p)
			p++;
	}
	return n;
}

START_TEST(baseline_round_trip)
{
	char *dir = make_temp_dir();
	char base[512], conn[512];
	struct run r;
	char *text, *p;

	snprintf(base, sizeof(base), "%s/connlint.baseline", dir);
	snprintf(conn, sizeof(conn), "%s/shop.xml", dir);
	copy_file(ERROR, dir, "shop.xml");

	r = RUN("--write-baseline", base, conn, WARNING);
	ck_assert_int_eq(r.status, 1); /* writing one changes nothing */
	run_free(&r);
	ck_assert_ptr_nonnull(text = read_text(base));
	ck_assert_msg(!strncmp(text, "# connlint baseline 1", 21), "%s", text);
	ck_assert_uint_ge(entries(text), 2);
	/* fingerprint, tab, rule, tab, file */
	p = strchr(text, '\n') + 1;
	ck_assert_uint_eq(strspn(p, "0123456789abcdef"), 32);
	ck_assert_int_eq(p[32], '\t');
	ASSERT_CONTAINS(text, "\tCL402\t");
	ASSERT_CONTAINS(text, "\tCL101\t" WARNING "\n");
	free(text);

	/* Same files: nothing new, exit 0, and the summary says why. */
	r = RUN("--baseline", base, conn, WARNING);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "no problems in 2 files (");
	ASSERT_CONTAINS(r.out, " baselined)\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	r = RUN("--baseline", base, "--format", "json", conn, WARNING);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "\"diagnostics\": [],");
	ASSERT_CONTAINS(r.out, ", \"baselined\": ");
	ASSERT_CONTAINS(r.err, "held back by the baseline");
	run_free(&r);

	/* Without a baseline, json is as it always was. */
	r = RUN("--format", "json", conn);
	ASSERT_LACKS(r.out, "baselined");
	run_free(&r);

	/* A new finding above the old ones: only it is reported, and the
	 * old ones still match although their lines moved. */
	text = read_text(conn);
	ck_assert_ptr_nonnull(p = strstr(text, "<endpoints>"));
	{
		FILE *f = fopen(conn, "w");

		ck_assert_ptr_nonnull(f);
		fwrite(text, 1, (size_t)(p - text), f);
		fputs("\n\n<!-- connlint-disable-next-line CL999 -->\n", f);
		fputs(p, f);
		ck_assert_int_eq(fclose(f), 0);
	}
	free(text);
	r = RUN("--baseline", base, "--format", "gcc", conn);
	ASSERT_CONTAINS(r.out, "[CL010]");
	ASSERT_LACKS(r.out, "[CL402]");
	ck_assert_uint_eq(count_lines(r.out), 1);
	run_free(&r);
	r = RUN("--baseline", base, conn);
	ck_assert_int_eq(r.status, 0); /* the new one is a warning */
	ASSERT_CONTAINS(r.out, "0 errors, 1 warning, 0 info in 1 file (");
	ASSERT_LACKS(r.out, "(0 baselined)");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* Baselined findings keep the fingerprints they had: SARIF's
 * partialFingerprints of the rest do not change when a baseline drops
 * an identical finding before them. */
START_TEST(baseline_keeps_fingerprints)
{
	char *dir = make_temp_dir();
	char base[512];
	struct run all, r;
	char *text, *first, *nl;
	FILE *f;

	snprintf(base, sizeof(base), "%s/b", dir);
	r = RUN("--write-baseline", base, ERROR);
	run_free(&r);
	all = RUN("--format", "sarif", ERROR);
	text = read_text(base);
	ck_assert_ptr_nonnull(text);
	/* Keep only the first entry. */
	first = strchr(text, '\n') + 1;
	nl = strchr(first, '\n');
	ck_assert_ptr_nonnull(nl);
	nl[1] = '\0';
	f = fopen(base, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	r = RUN("--baseline", base, "--format", "sarif", ERROR);
	/* Every fingerprint still reported was reported without it. */
	for (const char *p = r.out; (p = strstr(p, "\"connlint/v1\": \""));) {
		char fp[33];

		p += strlen("\"connlint/v1\": \"");
		memcpy(fp, p, 32);
		fp[32] = '\0';
		ASSERT_CONTAINS(all.out, fp);
		ck_assert_msg(strncmp(first, fp, 32), "baselined %s reported",
		              fp);
	}
	free(text);
	run_free(&r);
	run_free(&all);
	remove_tree(dir);
}
END_TEST

START_TEST(baseline_errors_exit_2)
{
	char *dir = make_temp_dir();
	char path[512];
	struct run r;

	r = RUN("--baseline", "/nonexistent-connlint-baseline", CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint: /nonexistent-connlint-baseline: ");
	run_free(&r);

	write_file(dir, "b", "# comment\n\nnot a fingerprint\n");
	snprintf(path, sizeof(path), "%s/b", dir);
	r = RUN("--baseline", path, CLEAN);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, "/b:3: not a baseline entry");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* Adds every "--long-option" in TEXT to LIST (a '\n'-separated set).
 * In roff, a hyphen is written "\-". */
static void
collect_long_options(const char *text, char *list, size_t size)
{
	const char *p;

	for (p = text; *p; p++) {
		char opt[64];
		size_t n = 0;
		const char *q = p;

		if (!strncmp(q, "\\-\\-", 4))
			q += 4;
		else if (!strncmp(q, "--", 2) && (p == text || p[-1] != '-'))
			q += 2;
		else
			continue;
		if (!islower((unsigned char)*q))
			continue;
		opt[n++] = '-';
		opt[n++] = '-';
		while (n < sizeof(opt) - 1 &&
		       (islower((unsigned char)*q) || *q == '-' ||
		        (q[0] == '\\' && q[1] == '-'))) {
			if (*q == '\\')
				q++;
			opt[n++] = *q++;
		}
		while (n > 2 && opt[n - 1] == '-')
			n--;
		opt[n] = '\0';
		/* LIST starts with '\n' and each entry ends with one. */
		{
			char line[70];

			snprintf(line, sizeof(line), "\n%s\n", opt);
			if (!strstr(list, line) &&
			    strlen(list) + n + 2 < size) {
				strcat(list, opt);
				strcat(list, "\n");
			}
		}
		p = q - 1;
	}
}

START_TEST(man_page_matches_help)
{
	struct run r = RUN("--help");
	char *man = read_text(MAN_PAGE);
	char from_help[4096] = "\n", from_man[4096] = "\n";
	char *p, *save = NULL;

	ck_assert_msg(man != NULL, "%s is missing", MAN_PAGE);
	collect_long_options(r.out, from_help, sizeof(from_help));
	collect_long_options(man, from_man, sizeof(from_man));
	ASSERT_CONTAINS(from_help, "\n--jobs\n");
	ASSERT_CONTAINS(from_help, "\n--write-baseline\n");
	for (p = strtok_r(from_help, "\n", &save); p;
	     p = strtok_r(NULL, "\n", &save)) {
		char line[70];

		snprintf(line, sizeof(line), "\n%s\n", p);
		ck_assert_msg(strstr(from_man, line),
		              "%s is in --help but not in " MAN_PAGE, p);
	}
	/* strtok_r took the first list apart. */
	strcpy(from_help, "\n");
	collect_long_options(r.out, from_help, sizeof(from_help));
	save = NULL;
	for (p = strtok_r(from_man, "\n", &save); p;
	     p = strtok_r(NULL, "\n", &save)) {
		char line[70];

		snprintf(line, sizeof(line), "\n%s\n", p);
		ck_assert_msg(strstr(from_help, line),
		              "%s is in " MAN_PAGE " but not in --help", p);
	}
	/* The short options and the exit statuses too. */
	ASSERT_CONTAINS(man, "\\-j");
	ASSERT_CONTAINS(man, "\\-q");
	ASSERT_CONTAINS(man, "\\-h");
	ASSERT_CONTAINS(man, ".SH EXIT STATUS");
	ASSERT_CONTAINS(man, "connlint.xml");
	free(man);
	run_free(&r);
}
END_TEST

static Suite *
ci_suite(void)
{
	Suite *s = suite_create("ci");
	TCase *tc = tcase_create("ci");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, jobs_do_not_change_the_output);
	tcase_add_test(tc, jobs_with_configurations);
	tcase_add_test(tc, jobs_with_many_messages);
	tcase_add_test(tc, jobs_usage_errors);
	tcase_add_test(tc, output_files_match_format);
	tcase_add_test(tc, output_is_atomic);
	tcase_add_test(tc, output_errors_exit_2);
	tcase_add_test(tc, baseline_round_trip);
	tcase_add_test(tc, baseline_keeps_fingerprints);
	tcase_add_test(tc, baseline_errors_exit_2);
	tcase_add_test(tc, man_page_matches_help);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(ci_suite)
