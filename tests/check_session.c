/*
 * The library session (cl_session), through the public header alone, as
 * an editor integration or another front end would use it: an in-memory
 * buffer linted under a file name with that name's configuration, a run
 * over paths with its exit status, several outputs in one pass, and
 * messages delivered to the caller's callback instead of standard error.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "connlint.h"
#include "lib/check_main.h"

#define CL303_DOC "fixtures/rules/CL303/authorisation-code.xml"

/* Messages the session sent, one after another. */
struct heard {
	char text[8192];
	int count;
	enum cl_message_kind last;
};

static void
hear(void *data, enum cl_message_kind kind, const char *text)
{
	struct heard *h = data;

	strncat(h->text, text, sizeof(h->text) - strlen(h->text) - 1);
	h->count++;
	h->last = kind;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* Number of diagnostics of RULE in R. */
static size_t
count_rule(const cl_result *r, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < cl_result_count(r); i++)
		n += !strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))),
		             rule);
	return n;
}

START_TEST(buffer_uses_the_names_configuration)
{
	char dir[] = "/tmp/connlint-session-XXXXXX", path[600], name[600];
	size_t len;
	char *doc = slurp(CL303_DOC, &len);
	cl_session *s = cl_session_new();
	struct heard h = { "", 0, CL_MESSAGE_NOTE };
	cl_result *r;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	cl_session_set_messages(s, hear, &h);
	/* no configuration file yet: CL303 fires */
	snprintf(name, sizeof(name), "%s/unsaved.xml", dir);
	r = cl_session_lint_buffer(s, name, doc, len);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(count_rule(r, "CL303"), 1);
	ck_assert_str_eq(cl_result_file(r), name);
	cl_result_free(r);

	/* a connlint.xml beside the name turns it off for that name only */
	snprintf(path, sizeof(path), "%s/connlint.xml", dir);
	write_text(path, "<connlint><ignore rules=\"CL303\"/></connlint>\n");
	cl_session_free(s);
	s = cl_session_new();
	cl_session_set_messages(s, hear, &h);
	r = cl_session_lint_buffer(s, name, doc, len);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(count_rule(r, "CL303"), 0);
	cl_result_free(r);
	r = cl_session_lint_buffer(s, "/nonexistent-dir/elsewhere.xml", doc,
	                           len);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(count_rule(r, "CL303"), 1);
	cl_result_free(r);
	ck_assert_int_eq(h.count, 0);

	/* a configuration that is not valid: NULL, and the caller hears why */
	write_text(path, "<connlint><ignore rules=\"CL9999\"/></connlint>\n");
	cl_session_free(s);
	s = cl_session_new();
	cl_session_set_messages(s, hear, &h);
	r = cl_session_lint_buffer(s, name, doc, len);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(h.count, 1);
	ck_assert_msg(strstr(h.text, "connlint: ") == h.text, "%s", h.text);
	ck_assert_msg(strstr(h.text, "CL9999") != NULL, "%s", h.text);

	cl_session_free(s);
	unlink(path);
	rmdir(dir);
	free(doc);
}
END_TEST

START_TEST(run_exit_status_and_outputs)
{
	char dir[] = "/tmp/connlint-session-XXXXXX", json[600], sarif[600];
	char *paths[] = { (char *)CL303_DOC };
	char *clean[] = { (char *)"fixtures/examples/xero.connector.xml" };
	struct heard h = { "", 0, CL_MESSAGE_NOTE };
	cl_session *s;
	size_t len;
	char *text;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(json, sizeof(json), "%s/r.json", dir);
	snprintf(sarif, sizeof(sarif), "%s/r.sarif", dir);

	/* an error found: 1; two outputs written in the same pass */
	s = cl_session_new();
	cl_session_set_messages(s, hear, &h);
	cl_session_no_config(s);
	cl_session_set_format(s, CL_FORMAT_GCC, CL_OUTPUT_QUIET);
	cl_session_add_output(s, CL_FORMAT_JSON, json);
	cl_session_add_output(s, CL_FORMAT_SARIF, sarif);
	cl_session_set_jobs(s, 2);
	ck_assert_int_eq(cl_session_run(s, paths, 1), 1);
	cl_session_free(s);
	text = slurp(json, &len);
	ck_assert_ptr_nonnull(strstr(text, "\"rule\": \"CL303\""));
	free(text);
	text = slurp(sarif, &len);
	ck_assert_ptr_nonnull(strstr(text, "\"ruleId\": \"CL303\""));
	free(text);

	/* the rule off: 0 */
	s = cl_session_new();
	cl_session_set_messages(s, hear, &h);
	cl_session_no_config(s);
	cl_session_set_format(s, CL_FORMAT_GCC, CL_OUTPUT_QUIET);
	cl_session_add_output(s, CL_FORMAT_JSON, json);
	ck_assert_int_eq(cl_session_ignore(s, "CL303"), 0);
	ck_assert_int_eq(cl_session_run(s, paths, 1), 0);
	cl_session_free(s);
	ck_assert_int_eq(h.count, 0);

	/* fail-on warning on a clean connector: still 0 */
	s = cl_session_new();
	cl_session_no_config(s);
	cl_session_set_format(s, CL_FORMAT_GCC, CL_OUTPUT_QUIET);
	cl_session_set_fail_on(s, CL_SEV_WARNING);
	ck_assert_int_eq(cl_session_run(s, clean, 1), 0);
	cl_session_free(s);

	/* an unknown rule is a usage message to the callback, not stderr */
	s = cl_session_new();
	cl_session_set_messages(s, hear, &h);
	ck_assert_int_eq(cl_session_select(s, "CL3O3"), -1);
	ck_assert_int_ge(h.count, 1);
	ck_assert_int_eq(h.last, CL_MESSAGE_UNKNOWN_RULE);
	ck_assert_msg(strstr(h.text, "did you mean CL303") != NULL, "%s",
	              h.text);
	cl_session_free(s);

	/* a path that cannot be read: 2, said through the callback */
	h.count = 0;
	h.text[0] = '\0';
	s = cl_session_new();
	cl_session_set_messages(s, hear, &h);
	cl_session_no_config(s);
	cl_session_set_format(s, CL_FORMAT_GCC, CL_OUTPUT_QUIET);
	{
		char *missing[] = { (char *)"/nonexistent-connlint.xml" };

		ck_assert_int_eq(cl_session_run(s, missing, 1), 2);
	}
	cl_session_free(s);
	ck_assert_int_eq(h.count, 1);
	ck_assert_msg(
	    strstr(h.text, "/nonexistent-connlint.xml: No such file") != NULL,
	    "%s", h.text);

	unlink(json);
	unlink(sarif);
	rmdir(dir);
}
END_TEST

static Suite *
session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("session");

	tcase_add_test(tc, buffer_uses_the_names_configuration);
	tcase_add_test(tc, run_exit_status_and_outputs);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(session_suite)
