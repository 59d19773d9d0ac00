/*
 * Rule documentation cannot drift: every rule has a page compiled into the
 * binary; its heading names the rule and its default severity; its Bad
 * example fires the rule and its Fixed example lints clean.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "util.h"

/* The first ```xml block after HEADING in PAGE, malloc'd, or NULL. */
static char *example_after(const char *page, const char *heading)
{
	const char *h = strstr(page, heading), *b, *e;

	if (!h)
		return NULL;
	b = strstr(h, "```xml\n");
	if (!b)
		return NULL;
	b += strlen("```xml\n");
	e = strstr(b, "\n```");
	if (!e)
		return NULL;
	return cl_strndup(b, (size_t)(e - b) + 1);
}

static void describe(const cl_result *r, struct cl_strbuf *sb)
{
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		cl_strbuf_addf(sb, "\n  %u:%u %s %s", cl_diag_line(d),
		               cl_diag_column(d), cl_rule_id(cl_diag_rule(d)),
		               cl_diag_message(d));
	}
}

START_TEST(test_rule_page)
{
	const cl_rule *rule = cl_rule_at((size_t)_i);
	const char *page = cl_rule_doc(rule);
	char *heading, *sev, *bad, *fixed;
	cl_linter *l;
	cl_result *r;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	bool fired = false;
	size_t i;

	ck_assert_msg(page != NULL, "%s has no page docs/rules/%s.md",
	              cl_rule_id(rule), cl_rule_id(rule));
	heading = cl_xasprintf("# %s %s\n", cl_rule_id(rule), cl_rule_slug(rule));
	ck_assert_msg(!strncmp(page, heading, strlen(heading)),
	              "%s: the page must start with '%s'", cl_rule_id(rule), heading);
	sev = cl_xasprintf("**Severity:** %s", cl_severity_name(cl_rule_severity(rule)));
	ck_assert_msg(strstr(page, sev) != NULL, "%s: the page must say '%s'",
	              cl_rule_id(rule), sev);
	bad = example_after(page, "\n## Bad\n");
	fixed = example_after(page, "\n## Fixed\n");
	ck_assert_msg(bad && fixed, "%s: the page needs ```xml examples under ## Bad and ## Fixed",
	              cl_rule_id(rule));

	l = cl_linter_new();
	r = cl_lint_memory(l, "bad.xml", bad, strlen(bad));
	for (i = 0; i < cl_result_count(r); i++)
		fired |= cl_diag_rule(cl_result_diag(r, i)) == rule;
	describe(r, &sb);
	ck_assert_msg(fired, "%s: the Bad example does not fire the rule; it gives:%s",
	              cl_rule_id(rule), cl_strbuf_str(&sb));
	cl_result_free(r);
	cl_strbuf_reset(&sb);

	r = cl_lint_memory(l, "fixed.xml", fixed, strlen(fixed));
	describe(r, &sb);
	ck_assert_msg(cl_result_count(r) == 0,
	              "%s: the Fixed example is not clean:%s", cl_rule_id(rule),
	              cl_strbuf_str(&sb));
	cl_result_free(r);
	cl_linter_free(l);
	cl_strbuf_release(&sb);
	free(heading);
	free(sev);
	free(bad);
	free(fixed);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("pages");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_rule_page, 0, (int)cl_rule_count());
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
