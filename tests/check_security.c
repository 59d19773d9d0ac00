/*
 * The guarantees of docs/security.md, each tested through the binary as a
 * hostile pull request in a CI job would meet it: nothing outside the
 * walked tree is read (B1), no output line is a CI workflow command that
 * came from the input (B5), outputs never replace inputs (B6), special
 * output files are written as they are (B7), one file named twice is an
 * error (B8), a FIFO configuration does not hang (B16), and the smaller
 * decisions (interrupted runs, CR line ends, empty suppression items, the
 * per-file findings cap, bidirectional controls).
 */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <signal.h>
#include <time.h>

#include "cli_run.h"
#include "connlint.h"
#include "lib/check_main.h"

#define FIXTURE_CLEAN "fixtures/examples/shopify.connector.xml"
#define FIXTURE_CL303 "fixtures/rules/CL303/authorisation-code.xml"

static char *
path_in(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	ck_assert_ptr_nonnull(p);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

/* Copies the file FROM to TO. */
static void
copy_to(const char *from, const char *to)
{
	char *text = read_all(from);
	FILE *f = fopen(to, "w");

	ck_assert_msg(f != NULL, "cannot create %s", to);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	free(text);
}

/*
 * Fails unless no line of TEXT is a workflow command that GitHub's runner
 * would obey: none holds "##[", and none begins (after blanks) with "::"
 * unless GITHUB and the line is one of the format's own annotations.
 */
static void
assert_log_safe(const char *what, const char *text, bool github)
{
	const char *line = text;

	ck_assert_msg(!strstr(text, "##["), "%s: \"##[\" in:\n%s", what, text);
	while (*line) {
		const char *end = strchr(line, '\n'), *p = line;

		if (!end)
			end = line + strlen(line);
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (end - p >= 2 && p[0] == ':' && p[1] == ':')
			ck_assert_msg(
			    github && p == line &&
			        (!strncmp(p, "::error file=", 13) ||
			         !strncmp(p, "::warning file=", 15) ||
			         !strncmp(p, "::notice file=", 14)),
			    "%s: a line reads as a workflow command:\n"
			    "%.*s",
			    what, (int)(end - line), line);
		line = *end ? end + 1 : end;
	}
}

/* ---- B1: nothing outside the walked tree ------------------------------ */

START_TEST(walk_does_not_follow_links_out_of_the_tree)
{
	char *dir = make_temp_dir(), *tree = path_in(dir, "tree");
	char *secret = path_in(dir, "environ");
	char *out_link = path_in(tree, "leak.xml");
	char *in_link = path_in(tree, "alias.xml");
	char *clean = path_in(tree, "shop.xml");
	struct run r;

	ck_assert_int_eq(mkdir(tree, 0755), 0);
	write_file(dir, "environ", "GITHUB_TOKEN=ghp_0123456789abcdefSECRET\n");
	copy_to(FIXTURE_CLEAN, clean);
	ck_assert_int_eq(symlink(secret, out_link), 0);
	ck_assert_int_eq(symlink("shop.xml", in_link), 0);

	for (size_t i = 0; i < cl_format_count(); i++) {
		r = RUN("--no-config", "--format", cl_format_name(i), tree);
		ck_assert_msg(r.status == 0, "%s: status %d\n%s",
		              cl_format_name(i), r.status, r.err);
		ASSERT_LACKS(r.out, "ghp_0123");
		ASSERT_LACKS(r.out, "leak.xml");
		ASSERT_LACKS(r.err, "ghp_0123");
		ASSERT_CONTAINS(r.err, "leak.xml: symbolic link to a file "
		                       "outside ");
		ASSERT_CONTAINS(r.err, "; not followed");
		ck_assert_uint_eq(count_lines(r.err), 1);
		run_free(&r);
	}
	/* the link that stays inside is linted, under its own name */
	r = RUN("--no-config", "--format", "json", tree);
	ASSERT_CONTAINS(r.out, "\"files_checked\": 2");
	run_free(&r);
	/* named on the command line, a link is followed */
	r = RUN("--no-config", "--format", "gcc", out_link);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "leak.xml:1:1: error: ");
	run_free(&r);
	free(secret);
	free(out_link);
	free(in_link);
	free(clean);
	free(tree);
	remove_tree(dir);
}
END_TEST

START_TEST(no_excerpt_of_what_is_not_xml)
{
	char *dir = make_temp_dir(), *text = path_in(dir, "passwd.xml");
	char *bin = path_in(dir, "environ.xml");
	FILE *f;
	struct run r;

	write_file(dir, "passwd.xml", "root:x:0:0:hunter2:/root:/bin/bash\n");
	f = fopen(bin, "wb");
	ck_assert_ptr_nonnull(f);
	fwrite("<a>PATH=/bin\0TOKEN=hunter2\0", 1, 27, f);
	ck_assert_int_eq(fclose(f), 0);
	for (size_t i = 0; i < cl_format_count(); i++) {
		r = RUN("--no-config", "--format", cl_format_name(i), text,
		        bin);
		ck_assert_msg(r.status == 1, "%s: status %d", cl_format_name(i),
		              r.status);
		ASSERT_LACKS(r.out, "hunter2");
		ASSERT_LACKS(r.out, "root:x");
		ASSERT_LACKS(r.out, "PATH=");
		ASSERT_CONTAINS(r.out, "CL001");
		run_free(&r);
	}
	free(text);
	free(bin);
	remove_tree(dir);
}
END_TEST

/* ---- B5: no workflow command from the input, in any output ------------- */

static const char bad_line_doc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connector format=\"1\" name=\"x\"\n"
    "::error file=README.md::forged\n"
    "  ##[stop-commands]t0k\n"
    "/>\n";

START_TEST(no_workflow_commands_from_input)
{
	char *dir = make_temp_dir();
	char *grant = path_in(dir, "##[stop-commands]t0k.xml");
	char *newline =
	    path_in(dir, "a.xml\n::error file=README.md::forged.xml");
	char *bidi = path_in(dir, "\xe2\x80\xae"
	                          "lmx.xml");
	char *text = read_all(FIXTURE_CL303), *p;
	FILE *f;
	struct run r;

	/* CL303 quotes the grant type; the file name has "##[" too */
	p = strstr(text, "authorisation_code");
	ck_assert_ptr_nonnull(p);
	f = fopen(grant, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "%.*s##[stop-commands]tok%s", (int)(p - text), text,
	        p + strlen("authorisation_code"));
	ck_assert_int_eq(fclose(f), 0);
	write_file(dir, "a.xml\n::error file=README.md::forged.xml",
	           bad_line_doc);
	copy_to(FIXTURE_CL303, bidi);
	write_file(dir, "::warning::lead.xml", bad_line_doc);

	/* the binary by its full name, from inside DIR */
	p = realpath(binary(), NULL);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(setenv("CONNLINT", p, 1), 0);
	free(p);
	ck_assert_int_eq(chdir(dir), 0);
	for (size_t i = 0; i < cl_format_count(); i++) {
		char *cwd_out;

		r = RUN("--no-config", "--format", cl_format_name(i), ".",
		        "::warning::lead.xml");
		ck_assert_msg(r.status == 1, "%s: status %d\n%s",
		              cl_format_name(i), r.status, r.err);
		assert_log_safe(cl_format_name(i), r.out,
		                !strcmp(cl_format_name(i), "github"));
		assert_log_safe(cl_format_name(i), r.err, false);
		/* bidirectional controls never reach the reader raw */
		ASSERT_LACKS(r.out, "\xe2\x80\xae");
		cwd_out = r.out;
		if (!strcmp(cl_format_name(i), "text") ||
		    !strcmp(cl_format_name(i), "gcc"))
			ASSERT_CONTAINS(cwd_out, "\\u202elmx.xml");
		if (!strcmp(cl_format_name(i), "json") ||
		    !strcmp(cl_format_name(i), "sarif"))
			ASSERT_CONTAINS(cwd_out, "#\\u0023[stop-commands]");
		if (!strcmp(cl_format_name(i), "text")) {
			/* the excerpt shows the line, defused, caret aligned */
			ASSERT_CONTAINS(cwd_out,
			                "\n\\x3a:error file=README.md");
			ASSERT_CONTAINS(cwd_out,
			                "default=\"#\\x23[stop-commands]"
			                "tok\" locked");
			ASSERT_CONTAINS(cwd_out, "\n\\x3a:warning::lead.xml:");
		}
		run_free(&r);
	}
	ck_assert_int_eq(chdir("/"), 0);

	/* standard error: dangling links, a configuration's values, options */
	ck_assert_int_eq(unlink(grant), 0);
	ck_assert_int_eq(unlink(newline), 0);
	ck_assert_int_eq(symlink("/nonexistent", grant), 0);
	ck_assert_int_eq(symlink("/nonexistent", newline), 0);
	write_file(dir, "connlint.xml",
	           "<connlint><ignore rules=\"x&#10;::error file=README.md::"
	           "forged &#10;##[stop-commands]t\"/></connlint>\n");
	r = RUN(dir, grant, newline);
	ck_assert_int_eq(r.status, 2);
	assert_log_safe("stderr", r.err, false);
	ASSERT_CONTAINS(r.err, "#\\x23[stop-commands]t0k.xml: No such file");
	ASSERT_CONTAINS(
	    r.err, "a.xml\\x0a::error file=README.md::forged.xml: No such");
	run_free(&r);
	r = RUN("--frob\n::error file=x::y", "--select", "\n##[x]");
	ck_assert_int_eq(r.status, 2);
	assert_log_safe("stderr", r.err, false);
	ASSERT_CONTAINS(r.err, "unrecognized option '--frob\\x0a::error");
	run_free(&r);

	free(text);
	free(grant);
	free(newline);
	free(bidi);
	remove_tree(dir);
}
END_TEST

/* ---- B6: an output never replaces an input ---------------------------- */

START_TEST(outputs_never_replace_inputs)
{
	char *dir = make_temp_dir(), *a = path_in(dir, "a.xml");
	char *b = path_in(dir, "b.xml"), *sub = path_in(dir, "sub");
	char *report = path_in(sub, "report.xml"), *arg, *before, *after;
	struct run r;

	copy_to(FIXTURE_CLEAN, a);
	copy_to(FIXTURE_CLEAN, b);
	before = read_all(a);

	/* the typo "--write-baseline *.xml" */
	r = RUN("--no-config", "--write-baseline", a, b);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "is a connector definition; not replacing");
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	after = read_all(a);
	ck_assert_str_eq(after, before);
	free(after);

	/* an output that is the input itself, by another name */
	arg = malloc(strlen(dir) + 32);
	ck_assert_ptr_nonnull(arg);
	sprintf(arg, "json=%s/./b.xml", dir);
	r = RUN("--no-config", "--output", arg, b);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "is also a file to lint");
	run_free(&r);
	after = read_all(b);
	ck_assert_str_eq(after, before);
	free(after);

	/* found by a walk: an earlier report in the linted tree */
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	write_file(sub, "report.xml", "<?xml version=\"1.0\"?><report/>\n");
	free(arg);
	arg = malloc(strlen(report) + 16);
	ck_assert_ptr_nonnull(arg);
	sprintf(arg, "junit=%s", report);
	r = RUN("--no-config", "--output", arg, sub);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "is also a file to lint");
	ASSERT_CONTAINS(r.err, "no output file is written");
	run_free(&r);
	after = read_all(report);
	ck_assert_str_eq(after, "<?xml version=\"1.0\"?><report/>\n");
	free(after);

	free(before);
	free(arg);
	free(a);
	free(b);
	free(report);
	free(sub);
	remove_tree(dir);
}
END_TEST

/* ---- B7: links, FIFOs and devices ------------------------------------- */

START_TEST(special_output_targets)
{
	char *dir = make_temp_dir(), *link = path_in(dir, "link.json");
	char *target = path_in(dir, "target.json");
	char *dangling = path_in(dir, "dangling.json");
	char *made = path_in(dir, "made.json"), *fifo = path_in(dir, "fifo");
	char arg[600], *text;
	struct stat st;
	struct run r;
	pid_t pid;
	int ws;

	/* a symbolic link stays one; its target gets the report */
	write_file(dir, "target.json", "old\n");
	ck_assert_int_eq(symlink("target.json", link), 0);
	snprintf(arg, sizeof(arg), "json=%s", link);
	r = RUN("--no-config", "--output", arg, FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	text = read_all(target);
	ASSERT_CONTAINS(text, "\"files_checked\": 1");
	free(text);

	/* a dangling link: its target is created */
	ck_assert_int_eq(symlink("made.json", dangling), 0);
	snprintf(arg, sizeof(arg), "json=%s", dangling);
	r = RUN("--no-config", "--output", arg, FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	text = read_all(made);
	ASSERT_CONTAINS(text, "\"files_checked\": 1");
	free(text);

	/* a FIFO: its reader gets the report, the FIFO stays */
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		char *got = read_all(fifo);

		_exit(strstr(got, "</checkstyle>") ? 0 : 1);
	}
	snprintf(arg, sizeof(arg), "checkstyle=%s", fifo);
	r = RUN("--no-config", "--output", arg, FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
	ck_assert_msg(WIFEXITED(ws) && WEXITSTATUS(ws) == 0,
	              "the FIFO's reader got no report");
	ck_assert_int_eq(lstat(fifo, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));

	/* a device that fails writes: exit 2 with the reason, and the
	 * device node is still one */
	r = RUN("--no-config", "--output", "sarif=/dev/full", FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "/dev/full: error writing output: No space "
	                       "left on device");
	run_free(&r);
	ck_assert_int_eq(stat("/dev/full", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));

	/* /dev/stdout: the report follows the text on standard output */
	r = RUN("--no-config", "--output", "json=/dev/stdout", FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "no problems in 1 file\n{");
	run_free(&r);

	free(link);
	free(target);
	free(dangling);
	free(made);
	free(fifo);
	remove_tree(dir);
}
END_TEST

/* ---- B8: one file under two names -------------------------------------- */

START_TEST(one_output_file_two_names)
{
	char *dir = make_temp_dir(), *file = path_in(dir, "r.out");
	char *alias = path_in(dir, "alias.out"),
	     *hard = path_in(dir, "hard.out");
	char a1[600], a2[600];
	struct run r;

	snprintf(a1, sizeof(a1), "json=%s", file);
	snprintf(a2, sizeof(a2), "sarif=%s/./r.out", dir);
	/* not there yet: the same path, spelt two ways */
	r = RUN("--no-config", "--output", a1, "--output", a2, FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "are one file");
	run_free(&r);
	/* there: a symbolic link and a hard link to it */
	write_file(dir, "r.out", "{}\n");
	ck_assert_int_eq(symlink("r.out", alias), 0);
	ck_assert_int_eq(link(file, hard), 0);
	snprintf(a2, sizeof(a2), "--write-baseline=%s", alias);
	r = RUN("--no-config", "--output", a1, a2, FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "are one file");
	run_free(&r);
	snprintf(a2, sizeof(a2), "gcc=%s", hard);
	r = RUN("--no-config", "--output", a1, "--output", a2, FIXTURE_CLEAN);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "are one file");
	run_free(&r);
	free(file);
	free(alias);
	free(hard);
	remove_tree(dir);
}
END_TEST

/* ---- B16: a FIFO where a configuration file would be ------------------- */

START_TEST(fifo_configuration_does_not_hang)
{
	char *dir = make_temp_dir(), *sub = path_in(dir, "sub");
	char *cfg = path_in(dir, "connlint.xml"), *file = path_in(sub, "a.xml");
	struct run r;

	ck_assert_int_eq(mkdir(sub, 0755), 0);
	copy_to(FIXTURE_CLEAN, file);
	ck_assert_int_eq(mkfifo(cfg, 0600), 0);
	/* the test case's timeout fails a hang */
	r = RUN(file);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint.xml: not a regular file");
	run_free(&r);
	r = RUN("--config", cfg, file);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "not a regular file");
	run_free(&r);
	free(cfg);
	free(file);
	free(sub);
	remove_tree(dir);
}
END_TEST

/* ---- the smaller decisions --------------------------------------------- */

START_TEST(encoding_declaration_across_lines)
{
	char *dir = make_temp_dir(), *file = path_in(dir, "latin.xml");
	struct run r;

	write_file(dir, "latin.xml",
	           "<?xml version=\"1.0\" encoding\n"
	           "=\"ISO-8859-1\"?>\n<connector/>\n");
	r = RUN("--no-config", "--format", "gcc", file);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "latin.xml:2:3: error: the file declares "
	                       "encoding `ISO-8859-1`");
	run_free(&r);
	free(file);
	remove_tree(dir);
}
END_TEST

START_TEST(interrupted_run_leaves_no_temporary_file)
{
	char *dir = make_temp_dir(), *fifo = path_in(dir, "slow.xml");
	char out[600], opt_no_config[] = "--no-config",
	               opt_output[] = "--output";
	char *argv[8];
	posix_spawn_file_actions_t fa;
	struct timespec pause = { 0, 200 * 1000 * 1000 };
	DIR *d;
	struct dirent *e;
	pid_t pid;
	int ws, i, temps = 0, seen = 0;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	snprintf(out, sizeof(out), "json=%s/report.json", dir);
	argv[0] = (char *)binary();
	argv[1] = opt_no_config;
	argv[2] = opt_output;
	argv[3] = out;
	argv[4] = fifo; /* reading it waits for a writer that never comes */
	argv[5] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	ck_assert_int_eq(posix_spawn(&pid, binary(), &fa, NULL, argv, environ),
	                 0);
	posix_spawn_file_actions_destroy(&fa);
	/* wait until the temporary file exists, then interrupt */
	for (i = 0; i < 50 && !seen; i++) {
		nanosleep(&pause, NULL);
		d = opendir(dir);
		ck_assert_ptr_nonnull(d);
		while ((e = readdir(d)))
			seen += strstr(e->d_name, ".connlint-") != NULL;
		closedir(d);
	}
	ck_assert_msg(seen, "no temporary file appeared");
	ck_assert_int_eq(kill(pid, SIGTERM), 0);
	ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
	ck_assert(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGTERM);
	d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		temps += strstr(e->d_name, ".connlint-") != NULL ||
		         !strcmp(e->d_name, "report.json");
	closedir(d);
	ck_assert_int_eq(temps, 0);
	free(fifo);
	remove_tree(dir);
}
END_TEST

START_TEST(carriage_returns_end_lines)
{
	char *dir = make_temp_dir(), *file = path_in(dir, "mac.xml");
	struct run r;

	write_file(dir, "mac.xml",
	           "<?xml version=\"1.0\"?>\r<connector name=\"x\""
	           " format=\"1\">\r<bogus/>\r</connector>\r");
	r = RUN("--no-config", "--select", "CL002", file);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "mac.xml:3:2: error: unknown element `<bogus>`");
	ASSERT_CONTAINS(r.out, "\n<bogus/>\n ^~~~~\n");
	run_free(&r);
	free(file);
	remove_tree(dir);
}
END_TEST

START_TEST(empty_suppression_item)
{
	char *dir = make_temp_dir(), *file = path_in(dir, "s.xml");
	struct run r;

	write_file(dir, "s.xml",
	           "<?xml version=\"1.0\"?>\n"
	           "<!-- connlint-disable-file CL101,,CL102 legacy -->\n"
	           "<connector/>\n");
	r = RUN("--no-config", "--format", "gcc", file);
	ASSERT_CONTAINS(r.out, "s.xml:2:33: warning: empty item in the rule "
	                       "list of `connlint-disable-file`");
	/* CL102 after the gap is read as a rule, not as the reason */
	ASSERT_CONTAINS(r.out, "for CL102 (unused-auth-variable) suppresses "
	                       "nothing");
	run_free(&r);
	free(file);
	remove_tree(dir);
}
END_TEST

START_TEST(configuration_not_xml_wording)
{
	char *dir = make_temp_dir(), *file = path_in(dir, "a.xml");
	struct run r;

	copy_to(FIXTURE_CLEAN, file);
	write_file(dir, "connlint.xml", "fail-on: warning\n");
	r = RUN(file);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "connlint.xml:1:1: not well-formed XML: no XML "
	                       "element found: a configuration file is a "
	                       "`<connlint>` element");
	ASSERT_LACKS(r.err, "connector");
	run_free(&r);
	free(file);
	remove_tree(dir);
}
END_TEST

START_TEST(findings_cap_per_file)
{
	char *dir = make_temp_dir(), *file = path_in(dir, "many.xml");
	FILE *f = fopen(file, "w");
	struct run r;

	ck_assert_ptr_nonnull(f);
	fputs("<?xml version=\"1.0\"?><connector name=\"x\" format=\"1\">", f);
	for (int i = 0; i < 120000; i++)
		fputs("<b/>", f);
	fputs("</connector>\n", f);
	ck_assert_int_eq(fclose(f), 0);
	r = RUN("--no-config", "--format", "gcc", "--select", "CL002", file);
	ck_assert_int_eq(r.status, 1);
	ck_assert_uint_eq(count_lines(r.out), 100000);
	ASSERT_CONTAINS(r.err, "many.xml: 20000 more findings not shown (at "
	                       "most 100000 a file)");
	run_free(&r);
	/* the summary counts them all */
	r = RUN("--no-config", "--quiet", "--format", "json", "--select",
	        "CL002", file);
	ASSERT_CONTAINS(r.out, "\"summary\": {\"error\": 120000,");
	run_free(&r);
	free(file);
	remove_tree(dir);
}
END_TEST

static Suite *
security_suite(void)
{
	Suite *s = suite_create("security");
	TCase *tc = tcase_create("security");

	/* Sanitizer and valgrind runs are slower; a hang still fails. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, walk_does_not_follow_links_out_of_the_tree);
	tcase_add_test(tc, no_excerpt_of_what_is_not_xml);
	tcase_add_test(tc, no_workflow_commands_from_input);
	tcase_add_test(tc, outputs_never_replace_inputs);
	tcase_add_test(tc, special_output_targets);
	tcase_add_test(tc, one_output_file_two_names);
	tcase_add_test(tc, fifo_configuration_does_not_hang);
	tcase_add_test(tc, encoding_declaration_across_lines);
	tcase_add_test(tc, interrupted_run_leaves_no_temporary_file);
	tcase_add_test(tc, carriage_returns_end_lines);
	tcase_add_test(tc, empty_suppression_item);
	tcase_add_test(tc, configuration_not_xml_wording);
	tcase_add_test(tc, findings_cap_per_file);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(security_suite)
