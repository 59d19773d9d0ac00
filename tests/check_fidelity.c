/*
 * Report fidelity for CI and editors, end to end (issue 10): a path that
 * cannot be read or linted is in every machine-readable format, not only
 * on standard error; JUnit counts what it lists; one file spelt with "."
 * or ".." segments keeps one fingerprint. The in-memory tests of the
 * same formats are in check_formats_ci.c and check_output.c.
 */
#include "cli_run.h"
#include "connlint.h"
#include "lib/check_main.h"

#define ERROR "fixtures/cli/unknown-auth-method.connector.xml"
#define CLEAN "fixtures/cli/clean.connector.xml"

/* The last part of S, where a SARIF log has its results and invocation:
 * enough to show in a failure (Check limits a message's length). */
static const char *
tail(const char *s)
{
	size_t n = strlen(s);

	return n > 3000 ? s + n - 3000 : s;
}

#define ASSERT_HAS(hay, needle)                                       \
	ck_assert_msg(contains((hay), (needle)),                      \
	              "expected to find \"%s\" in:\n...%s", (needle), \
	              tail(hay))
#define ASSERT_HAS_NOT(hay, needle)               \
	ck_assert_msg(!contains((hay), (needle)), \
	              "did not expect \"%s\" in:\n...%s", (needle), tail(hay))

/* How many times NEEDLE occurs in HAY. */
static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	while ((hay = strstr(hay, needle))) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* The number in attribute ATTR="N" of the first element NAME in XML. */
static size_t
attr_number(const char *xml, const char *name, const char *attr)
{
	char open[64], key[64];
	const char *p;

	snprintf(open, sizeof(open), "<%s ", name);
	snprintf(key, sizeof(key), " %s=\"", attr);
	p = strstr(xml, open);
	ck_assert_msg(p != NULL, "no <%s> in:\n%s", name, xml);
	p = strstr(p, key);
	ck_assert_msg(p != NULL, "no %s on <%s>", attr, name);
	return (size_t)strtoul(p + strlen(key), NULL, 10);
}

/* A tree with every kind of unreadable path connlint can meet as root:
 * a name that does not exist, a dangling symbolic link given on the
 * command line, a path through a regular file, and a directory holding
 * a dangling link (found by the walk). PATHS gets the 5 arguments, the
 * first a readable file. Caller removes the tree with remove_tree. */
static char *
unreadable_tree(char paths[5][600])
{
	char *dir = make_temp_dir(), sub[600], link[600];

	copy_file(ERROR, dir, "shop.xml");
	write_file(dir, "file.xml", "<connector/>\n");
	snprintf(link, sizeof(link), "%s/dangling.xml", dir);
	ck_assert_int_eq(symlink("nowhere.xml", link), 0);
	snprintf(sub, sizeof(sub), "%s/d", dir);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	snprintf(link, sizeof(link), "%s/d/b.xml", dir);
	ck_assert_int_eq(symlink("../nowhere.xml", link), 0);
	snprintf(paths[0], 600, "%s/shop.xml", dir);
	snprintf(paths[1], 600, "%s/does-not-exist.xml", dir);
	snprintf(paths[2], 600, "%s/dangling.xml", dir);
	snprintf(paths[3], 600, "%s/file.xml/x.xml", dir);
	snprintf(paths[4], 600, "%s/d", dir);
	return dir;
}

START_TEST(unreadable_paths_in_every_format)
{
	char paths[5][600], uri[700], want[2048];
	char *dir = unreadable_tree(paths);
	/* what each one is reported as */
	const char *shown[4],
	    *reasons[4] = { "No such file or directory",
		            "No such file or directory", "Not a directory",
		            "No such file or directory" };
	char dlink[600];
	struct run r;
	size_t i;

	snprintf(dlink, sizeof(dlink), "%s/d/b.xml", dir);
	shown[0] = paths[1];
	shown[1] = paths[2];
	shown[2] = paths[3];
	shown[3] = dlink;

	r = RUN("--no-config", "--format", "json", paths[0], paths[1], paths[2],
	        paths[3], paths[4]);
	ck_assert_int_eq(r.status, 2);
	ASSERT_HAS(r.out, "  \"errors\": [\n");
	for (i = 0; i < 4; i++) {
		snprintf(want, sizeof(want),
		         "{\"path\": \"%s\", \"message\": \"%s\"}", shown[i],
		         reasons[i]);
		ASSERT_HAS(r.out, want);
		/* and still on standard error */
		snprintf(want, sizeof(want), "connlint: %s: %s\n", shown[i],
		         reasons[i]);
		ASSERT_HAS(r.err, want);
	}
	ck_assert_uint_eq(count(r.out, "{\"path\": "), 4);
	ASSERT_HAS(r.out, "\"files_checked\": 1,");
	run_free(&r);

	r = RUN("--no-config", "--format", "sarif", paths[0], paths[1],
	        paths[2], paths[3], paths[4]);
	ck_assert_int_eq(r.status, 2);
	ASSERT_HAS(r.out, "\"executionSuccessful\": false,\n"
	                  "          \"toolExecutionNotifications\": [\n");
	ck_assert_uint_eq(count(r.out, "{\"level\": \"error\", \"message\": "),
	                  4);
	for (i = 0; i < 4; i++) {
		/* the temporary directory's name needs no percent-encoding */
		snprintf(uri, sizeof(uri), "file://%s", shown[i]);
		snprintf(
		    want, sizeof(want),
		    "{\"level\": \"error\", \"message\": {\"text\": \"%s\"}, "
		    "\"locations\": [{\"physicalLocation\": "
		    "{\"artifactLocation\": {\"uri\": \"%s\"}}}]}",
		    reasons[i], uri);
		ASSERT_HAS(r.out, want);
	}
	run_free(&r);

	r = RUN("--no-config", "--format", "junit", paths[0], paths[1],
	        paths[2], paths[3], paths[4]);
	ck_assert_int_eq(r.status, 2);
	ck_assert_uint_eq(attr_number(r.out, "testsuites", "errors"), 4);
	ck_assert_uint_eq(attr_number(r.out, "testsuite", "errors"), 4);
	ck_assert_uint_eq(count(r.out, "<error "), 4);
	for (i = 0; i < 4; i++) {
		snprintf(
		    want, sizeof(want),
		    "<error message=\"%s\" type=\"read-error\">%s: %s</error>",
		    reasons[i], shown[i], reasons[i]);
		ASSERT_HAS(r.out, want);
	}
	run_free(&r);

	r = RUN("--no-config", "--format", "checkstyle", paths[0], paths[1],
	        paths[2], paths[3], paths[4]);
	ck_assert_int_eq(r.status, 2);
	ck_assert_uint_eq(count(r.out, "source=\"connlint.read-error\""), 4);
	for (i = 0; i < 4; i++) {
		snprintf(want, sizeof(want),
		         "  <file name=\"%s\">\n"
		         "    <error line=\"0\" severity=\"error\" "
		         "message=\"%s\" source=\"connlint.read-error\"/>\n"
		         "  </file>\n",
		         shown[i], reasons[i]);
		ASSERT_HAS(r.out, want);
	}
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* Files left unlinted because their configuration file is not valid:
 * each one recorded (exit 2), the configuration's message in the first. */
START_TEST(invalid_configuration_in_outputs)
{
	char *dir = make_temp_dir(), sub[600], want[2048];
	struct run r;

	snprintf(sub, sizeof(sub), "%s/bad", dir);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	copy_file(ERROR, sub, "1.xml");
	copy_file(CLEAN, sub, "2.xml");
	write_file(sub, ".connlint.xml", "<connlint><bogus/></connlint>\n");
	r = RUN("--format", "json", sub);
	ck_assert_int_eq(r.status, 2);
	snprintf(want, sizeof(want),
	         "{\"path\": \"%s/1.xml\", \"message\": \"not linted: %s/"
	         ".connlint.xml:1:",
	         sub, sub);
	ASSERT_HAS(r.out, want);
	snprintf(want, sizeof(want),
	         "{\"path\": \"%s/2.xml\", \"message\": \"not linted: the "
	         "configuration file that applies to it is not valid\"}",
	         sub);
	ASSERT_HAS(r.out, want);
	/* the message once on standard error, as before */
	ck_assert_uint_eq(count(r.err, "connlint: "), 1);
	run_free(&r);

	r = RUN("--format", "sarif", sub);
	ck_assert_int_eq(r.status, 2);
	ASSERT_HAS(r.out, "\"executionSuccessful\": false,");
	ck_assert_uint_eq(count(r.out, "{\"level\": \"error\", \"message\": "),
	                  2);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* JUnit's failures against json's findings over PATHS (N of them): one
 * failure per finding, and counts that are the elements listed. Returns
 * how many findings per file there were, on average, rounded down. */
static size_t
junit_matches_json(const char *const *paths, size_t n)
{
	const char *args[12] = { "--no-config", "--format", "json" };
	struct run json, junit;
	size_t findings, files, i;
	const char *p;

	ck_assert_uint_le(n, 8);
	for (i = 0; i < n; i++)
		args[3 + i] = paths[i];
	json = run_full(NULL, NULL, NULL, args);
	args[2] = "junit";
	junit = run_full(NULL, NULL, NULL, args);
	ck_assert_int_eq(json.status, 1);
	ck_assert_int_eq(junit.status, 1);
	findings = count(json.out, "\n    {\"file\": ");
	p = strstr(json.out, "\"files_checked\": ");
	ck_assert_ptr_nonnull(p);
	files = (size_t)strtoul(p + strlen("\"files_checked\": "), NULL, 10);
	ck_assert_uint_gt(files, 0);
	ck_assert_uint_eq(count(junit.out, "<failure "), findings);
	ck_assert_uint_eq(attr_number(junit.out, "testsuites", "failures"),
	                  findings);
	ck_assert_uint_eq(attr_number(junit.out, "testsuite", "failures"),
	                  findings);
	ck_assert_uint_eq(attr_number(junit.out, "testsuites", "tests"),
	                  count(junit.out, "<testcase "));
	ck_assert_uint_eq(attr_number(junit.out, "testsuites", "errors"), 0);
	/* a test case for each finding and each clean file, no other */
	ck_assert_uint_eq(count(junit.out, "<testcase "),
	                  findings + count(junit.out, "\"/>\n"));
	run_free(&json);
	run_free(&junit);
	return findings / files;
}

/* On files with many findings each, and on the whole corpus. */
START_TEST(junit_failures_match_json_findings)
{
	static const char *const many[] = {
		"fixtures/suppress/unknown-rule.connector.xml",
		"fixtures/rules/CL106/fires-near-misses.xml",
		"fixtures/rules/CL501/fires-url-query.xml",
	};
	static const char *const all[] = { "fixtures" };

	/* several per file: one test case per file could not match */
	ck_assert_uint_ge(junit_matches_json(many, 3), 4);
	junit_matches_json(all, 1);
}
END_TEST

/* One file named three ways in one run: one URI and one fingerprint,
 * and a baseline written with one spelling holds the others back. */
START_TEST(dot_segments_one_fingerprint)
{
	char *dir = make_temp_dir(), sub[600], a[600], b[600], c[600],
	     base[600], uri[700];
	struct run r;
	const char *p;
	char fp[3][40];
	size_t i;

	snprintf(sub, sizeof(sub), "%s/sub", dir);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	copy_file(ERROR, dir, "x.xml");
	snprintf(a, sizeof(a), "%s/x.xml", dir);
	snprintf(b, sizeof(b), "%s/./x.xml", dir);
	snprintf(c, sizeof(c), "%s/sub/../x.xml", dir);
	r = RUN("--no-config", "--ignore", "CL202", "--format", "sarif", a, b,
	        c);
	ck_assert_int_eq(r.status, 1);
	ASSERT_HAS_NOT(r.out, "/./");
	ASSERT_HAS_NOT(r.out, "/../");
	/* the results' locations (a fix names the file once more) */
	snprintf(uri, sizeof(uri),
	         "\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
	         "\"file://%s\"",
	         a);
	ck_assert_uint_eq(count(r.out, uri), 3);
	for (i = 0, p = r.out; i < 3; i++) {
		p = strstr(p, "\"partialFingerprints\": {\"connlint/v1\": \"");
		ck_assert_ptr_nonnull(p);
		p += strlen("\"partialFingerprints\": {\"connlint/v1\": \"");
		snprintf(fp[i], sizeof(fp[i]), "%.32s", p);
	}
	ck_assert_str_eq(fp[0], fp[1]);
	ck_assert_str_eq(fp[0], fp[2]);
	run_free(&r);

	snprintf(base, sizeof(base), "%s/b.baseline", dir);
	r = RUN("--no-config", "--ignore", "CL202", "--write-baseline", base,
	        "--format", "json", a);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	r = RUN("--no-config", "--ignore", "CL202", "--baseline", base,
	        "--format", "json", c);
	ck_assert_int_eq(r.status, 0);
	ASSERT_HAS(r.out, "\"diagnostics\": [],");
	ASSERT_HAS(r.out, "\"baselined\": 1}");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/*
 * Existing baselines keep matching: a name without "." or ".." segments
 * has the fingerprint recipe 1 always gave it. The value was computed
 * from docs/output-formats.md (Fingerprints), not taken from connlint:
 *   sha256("connlint-fingerprint/1\0" "CL402\0"
 *          "fixtures/cli/unknown-auth-method.connector.xml\0"
 *          "<enable auth-method=\"acme-basik\"/>\0"
 *          "no auth method `acme-basik`; did you mean `acme-basic`?\0" "0")
 * cut to 32 hex digits (Python's hashlib gave it).
 */
START_TEST(fingerprint_unchanged_for_plain_names)
{
	static const char want[] = "\"connlint/v1\": "
	                           "\"b512a702214acf3eb53e4291356ee718\"";
	struct run r = RUN("--no-config", "--ignore", "CL202", "--format",
	                   "sarif", ERROR, "./" ERROR);

	ck_assert_int_eq(r.status, 1);
	ck_assert_uint_eq(count(r.out, want), 2);
	run_free(&r);
}
END_TEST

static Suite *
fidelity_suite(void)
{
	Suite *s = suite_create("fidelity");
	TCase *tc = tcase_create("fidelity");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, unreadable_paths_in_every_format);
	tcase_add_test(tc, invalid_configuration_in_outputs);
	tcase_add_test(tc, junit_failures_match_json_findings);
	tcase_add_test(tc, dot_segments_one_fingerprint);
	tcase_add_test(tc, fingerprint_unchanged_for_plain_names);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(fidelity_suite)
