/*
 * Rule documentation cannot drift: every rule has a page compiled into the
 * binary; its heading names the rule and its default severity, its
 * "**Fix:**" says what the descriptor says ("none", "safe", "unsafe",
 * "sometimes unsafe") and a rule with a fix has a "## Automatic fix"
 * section that says when it is unsafe; its
 * Bad example fires the rule and its Fixed example lints clean, and for a
 * rule with a fix, the Bad example fixed (--fix --unsafe-fixes) is the
 * Fixed example byte for byte, or the page says why not. Every
 * page in docs/rules/ belongs to a rule, the README's rule table says what
 * `connlint --list-rules` says, and every rule has its corpus cases.
 *
 * A compatibility rule (CL6xx) compares two versions, so its examples are
 * pairs: under "## Bad", an "Old version:" paragraph and its ```xml block,
 * then a "New version:" paragraph and its block (none for CL613, whose new
 * version is no file at all); under "## Fixed", a "New version:" block,
 * compared with the Bad old version (or with the section's own "Old
 * version:" block when it has one). The Bad pair, through
 * cl_diff_memory (cl_diff_removed without a new version), must fire the
 * rule and nothing else; the Fixed pair must report nothing; and the old
 * versions and the Fixed new version must lint clean on their own.
 */
#include <dirent.h>
#include <sys/stat.h>

#include "catalogue.h"
#include "cli_run.h"
#include "connlint.h"
#include "diff.h"
#include "util.h"
#include "lib/check_main.h"

/* The first ```xml block after HEADING in PAGE, malloc'd, or NULL. */
static char *
example_after(const char *page, const char *heading)
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

static void
describe(const cl_result *r, struct cl_strbuf *sb)
{
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		cl_strbuf_addf(sb, "\n  %u:%u %s %s", cl_diag_line(d),
		               cl_diag_column(d), cl_rule_id(cl_diag_rule(d)),
		               cl_diag_message(d));
	}
}

/* The section under HEADING in PAGE, up to the next heading, malloc'd,
 * or NULL when PAGE has none. */
static char *
section(const char *page, const char *heading)
{
	const char *h = strstr(page, heading), *e;

	if (!h)
		return NULL;
	h += strlen(heading);
	e = strstr(h, "\n## ");
	return e ? cl_strndup(h, (size_t)(e - h)) : cl_strdup(h);
}

/* What a rule page's "**Fix:**" says for a rule whose fixes are KIND. */
static const char *
fix_word(enum cl_rule_fix kind)
{
	switch (kind) {
	case CL_RULE_FIX_NONE:
		return "none";
	case CL_RULE_FIX_SAFE:
		return "safe";
	case CL_RULE_FIX_UNSAFE:
		return "unsafe";
	case CL_RULE_FIX_SOMETIMES_UNSAFE:
		return "sometimes unsafe";
	}
	return "?";
}

/* The ```xml block that follows the paragraph LABEL ("Old version:") in
 * the section under HEADING of PAGE, malloc'd, or NULL when the section
 * has no such paragraph. */
static char *
pair_example(const char *page, const char *heading, const char *label)
{
	char *sec = section(page, heading), *para, *ex = NULL;

	if (!sec)
		return NULL;
	para = cl_xasprintf("\n%s\n", label);
	if (strstr(sec, para))
		ex = example_after(strstr(sec, para), para);
	free(para);
	free(sec);
	return ex;
}

/* TEXT, one version of a compatibility rule's example, lints clean on
 * its own: the pages show realistic connectors, whose only problem is
 * the change between them. */
static void
expect_lints_clean(cl_linter *l, const cl_rule *rule, const char *what,
                   const char *text)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	cl_result *r = cl_lint_memory(l, "page.xml", text, strlen(text));

	describe(r, &sb);
	ck_assert_msg(cl_result_count(r) == 0, "%s: the %s is not clean:%s",
	              cl_rule_id(rule), what, cl_strbuf_str(&sb));
	cl_result_free(r);
	cl_strbuf_release(&sb);
}

/* The examples of compatibility rule RULE, as the header comment says. */
static void
check_compat_examples(const cl_rule *rule, const char *page)
{
	const char *id = cl_rule_id(rule);
	char *old = pair_example(page, "\n## Bad\n", "Old version:");
	char *new = pair_example(page, "\n## Bad\n", "New version:");
	char *fixed = pair_example(page, "\n## Fixed\n", "New version:");
	char *fixed_old = pair_example(page, "\n## Fixed\n", "Old version:");
	struct cl_strbuf sb = CL_STRBUF_INIT;
	cl_linter *l = cl_linter_new();
	cl_result *r, *old_result = NULL;
	bool fired = false, others = false;
	size_t i;

	ck_assert_msg(old && fixed,
	              "%s: a compatibility rule's page needs 'Old version:' "
	              "and 'New version:' paragraphs with ```xml blocks "
	              "under ## Bad, and 'New version:' under ## Fixed",
	              id);
	ck_assert_msg(new || !strcmp(id, "CL613"),
	              "%s: the Bad example needs a 'New version:' block", id);
	/* Not the Bad new version: the break may well show in a plain
	 * lint too (an auth method no endpoint enables any more). */
	expect_lints_clean(l, rule, "Bad old version", old);
	expect_lints_clean(l, rule, "Fixed new version", fixed);
	if (fixed_old)
		expect_lints_clean(l, rule, "Fixed old version", fixed_old);

	if (new)
		r = cl_diff_memory(l, "old.xml", old, strlen(old), "new.xml",
		                   new, strlen(new), 0, &old_result);
	else
		r = cl_diff_removed(l, "old.xml", old, strlen(old));
	ck_assert_msg(old_result == NULL,
	              "%s: the Bad old version cannot be compared", id);
	for (i = 0; i < cl_result_count(r); i++) {
		bool mine = cl_diag_rule(cl_result_diag(r, i)) == rule;

		fired |= mine;
		others |= !mine;
	}
	describe(r, &sb);
	ck_assert_msg(fired && !others,
	              "%s: the Bad pair must fire the rule and nothing else; "
	              "it gives:%s",
	              id, cl_strbuf_str(&sb));
	cl_result_free(r);
	cl_strbuf_reset(&sb);

	if (!fixed_old)
		fixed_old = cl_strdup(old);
	r = cl_diff_memory(l, "old.xml", fixed_old, strlen(fixed_old),
	                   "new.xml", fixed, strlen(fixed), 0, &old_result);
	ck_assert_msg(old_result == NULL,
	              "%s: the Fixed old version cannot be compared", id);
	describe(r, &sb);
	ck_assert_msg(cl_result_count(r) == 0,
	              "%s: the Fixed pair is not clean:%s", id,
	              cl_strbuf_str(&sb));
	cl_result_free(r);
	cl_linter_free(l);
	cl_strbuf_release(&sb);
	free(old);
	free(new);
	free(fixed);
	free(fixed_old);
}

START_TEST(test_rule_page)
{
	const cl_rule *rule = cl_rule_at((size_t)_i);
	const char *page = cl_rule_doc(rule), *fix;
	const char *want_fix = fix_word(cl_rule_fix(rule));
	char *fix_section;
	char *heading, *sev, *bad, *fixed;
	cl_linter *l;
	cl_result *r;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	bool fired = false;
	size_t i;

	ck_assert_msg(page != NULL, "%s has no page docs/rules/%s.md",
	              cl_rule_id(rule), cl_rule_id(rule));
	heading =
	    cl_xasprintf("# %s %s\n", cl_rule_id(rule), cl_rule_slug(rule));
	ck_assert_msg(!strncmp(page, heading, strlen(heading)),
	              "%s: the page must start with '%s'", cl_rule_id(rule),
	              heading);
	sev = cl_xasprintf("**Severity:** %s",
	                   cl_severity_name(cl_rule_severity(rule)));
	ck_assert_msg(strstr(page, sev) != NULL, "%s: the page must say '%s'",
	              cl_rule_id(rule), sev);
	fix = strstr(page, "**Fix:** ");
	ck_assert_msg(fix != NULL, "%s: the page must say '**Fix:** ...'",
	              cl_rule_id(rule));
	fix += strlen("**Fix:** ");
	ck_assert_msg(!strncmp(fix, want_fix, strlen(want_fix)) &&
	                  fix[strlen(want_fix)] == '\n',
	              "%s: the page says '**Fix:** %.20s' but the rule's "
	              "descriptor says '%s'",
	              cl_rule_id(rule), fix, want_fix);
	/* What the fix does and when it is unsafe: its own section. */
	fix_section = section(page, "\n## Automatic fix\n");
	ck_assert_msg(!fix_section == !cl_rule_has_fix(rule),
	              "%s: a page has '## Automatic fix' exactly when the "
	              "rule has a fix",
	              cl_rule_id(rule));
	ck_assert_msg(!fix_section || cl_rule_fix(rule) == CL_RULE_FIX_SAFE ||
	                  strstr(fix_section, "unsafe"),
	              "%s: '## Automatic fix' must say when the fix is unsafe",
	              cl_rule_id(rule));
	free(fix_section);
	if (cl_rule_is_compat(rule)) {
		check_compat_examples(rule, page);
		free(heading);
		free(sev);
		return;
	}
	bad = example_after(page, "\n## Bad\n");
	fixed = example_after(page, "\n## Fixed\n");
	ck_assert_msg(
	    bad && fixed,
	    "%s: the page needs ```xml examples under ## Bad and ## Fixed",
	    cl_rule_id(rule));

	l = cl_linter_new();
	r = cl_lint_memory(l, "bad.xml", bad, strlen(bad));
	for (i = 0; i < cl_result_count(r); i++)
		fired |= cl_diag_rule(cl_result_diag(r, i)) == rule;
	describe(r, &sb);
	ck_assert_msg(fired,
	              "%s: the Bad example does not fire the rule; it gives:%s",
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

/*
 * What a rule page's "## Automatic fix" section may say, at the start of
 * a line and followed by the reason, when its Bad example fixed is not
 * its Fixed example: the fix makes something else (the Fixed example also
 * does what the fix cannot, or chose another remedy), or the Bad example
 * shows a case that gets no fix at all.
 */
#define FIX_DIFFERS "The Fixed example differs from what the fix makes:"
#define FIX_NONE "The Bad example gets no fix:"

/* Whether the section TEXT (starting with "\n") has a line that starts
 * with OPT_OUT and goes on with a reason. */
static bool
says(const char *rule_id, const char *text, const char *opt_out)
{
	char *line = cl_xasprintf("\n%s", opt_out);
	const char *p = strstr(text, line);
	const char *why = p ? p + strlen(line) : NULL;

	free(line);
	if (!p)
		return false;
	/* In the same paragraph: on the line, or on the next one. */
	while (*why == ' ')
		why++;
	if (*why == '\n')
		why++;
	while (*why == ' ')
		why++;
	ck_assert_msg(*why && *why != '\n',
	              "%s: '%s' must be followed by the reason", rule_id,
	              opt_out);
	return true;
}

/* How many of R's diagnostics are RULE's; *WITH_FIX how many of them
 * carry a fix. */
static size_t
count_rule(const cl_result *r, const cl_rule *rule, size_t *with_fix)
{
	size_t i, n = 0;

	*with_fix = 0;
	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		if (cl_diag_rule(d) != rule)
			continue;
		n++;
		*with_fix += cl_diag_has_fix(d) != 0;
	}
	return n;
}

/* Where A (LEN bytes) and the string B first differ, into SB: the line
 * number and that line of each. */
static void
first_difference(const char *a, size_t len, const char *b, struct cl_strbuf *sb)
{
	size_t blen = strlen(b), i = 0, start = 0, ae, be;
	unsigned line = 1;

	for (; i < len && i < blen && a[i] == b[i]; i++) {
		if (a[i] == '\n') {
			line++;
			start = i + 1;
		}
	}
	for (ae = start; ae < len && a[ae] != '\n'; ae++)
		;
	for (be = start; be < blen && b[be] != '\n'; be++)
		;
	cl_strbuf_addf(
	    sb, "line %u\n  fix makes: %s%.*s\n  Fixed:     %s%.*s", line,
	    start < len ? "" : "(end of text)", (int)(ae - start), a + start,
	    start < blen ? "" : "(end of text)", (int)(be - start), b + start);
}

/*
 * A rule with a fix: its page's Bad example, fixed as `connlint --fix
 * --unsafe-fixes` fixes it with the linter the examples are linted with
 * (every rule, no configuration), is its Fixed example byte for byte.
 * Otherwise the page's "## Automatic fix" says why, in a line starting
 * FIX_DIFFERS (then the fix must still remove every finding of the rule
 * from the Bad example, and must not make the Fixed example after all) or
 * FIX_NONE (then none of the rule's findings in the Bad example may have
 * a fix).
 */
START_TEST(test_bad_fixes_to_fixed)
{
	const cl_rule *rule = cl_rule_at((size_t)_i);
	const char *id = cl_rule_id(rule), *why = NULL;
	char *fix_section, *bad, *fixed, *text = NULL;
	bool differs, none, same;
	size_t n, with_fix, len = 0, applied = 0;
	cl_linter *l;
	cl_result *r;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	int rc;

	if (!cl_rule_has_fix(rule) || !cl_rule_doc(rule))
		return; /* test_rule_page says what is wrong */
	fix_section = section(cl_rule_doc(rule), "\n## Automatic fix");
	bad = example_after(cl_rule_doc(rule), "\n## Bad\n");
	fixed = example_after(cl_rule_doc(rule), "\n## Fixed\n");
	ck_assert_msg(fix_section && bad && fixed,
	              "%s: the page needs '## Automatic fix' and the Bad "
	              "and Fixed examples",
	              id);
	differs = says(id, fix_section, FIX_DIFFERS);
	none = says(id, fix_section, FIX_NONE);
	ck_assert_msg(!(differs && none),
	              "%s: the page says both '%s' and '%s'", id, FIX_DIFFERS,
	              FIX_NONE);

	l = cl_linter_new();
	r = cl_lint_memory(l, "bad.xml", bad, strlen(bad));
	n = count_rule(r, rule, &with_fix);
	ck_assert_msg(n > 0, "%s: the Bad example does not fire the rule", id);
	if (none) {
		ck_assert_msg(with_fix == 0,
		              "%s: the page says '%s', but %zu of the %zu %s "
		              "findings of the Bad example have one: drop the "
		              "sentence and make the Fixed example what the "
		              "fix makes",
		              id, FIX_NONE, with_fix, n, id);
		goto done;
	}
	ck_assert_msg(with_fix > 0,
	              "%s: none of the %zu %s findings of the Bad example "
	              "has a fix; show a case that has one, or say why "
	              "not in '## Automatic fix' with a line '%s ...'",
	              id, n, id, FIX_NONE);

	rc = cl_fix_result(l, &r, 1, &text, &len, &applied, &why);
	ck_assert_msg(rc == 0, "%s: the fix of the Bad example is refused: %s",
	              id, why ? why : "?");
	ck_assert_msg(text != NULL && applied > 0,
	              "%s: the fix changes nothing in the Bad example", id);
	same = len == strlen(fixed) && !memcmp(text, fixed, len);
	if (differs) {
		ck_assert_msg(!same,
		              "%s: the page says '%s', but the fix makes the "
		              "Fixed example exactly: drop the sentence",
		              id, FIX_DIFFERS);
		n = count_rule(r, rule, &with_fix);
		describe(r, &sb);
		ck_assert_msg(n == 0,
		              "%s: the Bad example, fixed, still has %zu %s "
		              "findings:%s",
		              id, n, id, cl_strbuf_str(&sb));
	} else {
		first_difference(text, len, fixed, &sb);
		ck_assert_msg(
		    same,
		    "%s: the Bad example fixed (--fix --unsafe-fixes) "
		    "is not the Fixed example; they first differ at %s\n"
		    "Make them equal, or say why in '## Automatic fix' "
		    "with a line '%s ...'",
		    id, cl_strbuf_str(&sb), FIX_DIFFERS);
	}
done:
	cl_result_free(r);
	cl_linter_free(l);
	cl_strbuf_release(&sb);
	free(text);
	free(fix_section);
	free(bad);
	free(fixed);
}
END_TEST

/* The cells of a Markdown table row "| a | b | c | d |": the N cells
 * between the bars, trimmed, into CELLS (pointers into ROW, which is
 * changed); how many there are. */
static size_t
row_cells(char *row, char **cells, size_t n)
{
	size_t k = 0;
	char *p = row, *bar, *e;

	if (*p != '|')
		return 0;
	for (p++; k < n && (bar = strchr(p, '|')); p = bar + 1) {
		*bar = '\0';
		while (*p == ' ')
			p++;
		for (e = bar; e > p && e[-1] == ' '; e--)
			;
		*e = '\0';
		cells[k++] = p;
	}
	return k;
}

/* The README's rule table agrees with --list-rules, row by row. */
START_TEST(test_readme_rule_table)
{
	char *readme = read_all("README.md");
	struct run r = RUN("--no-config", "--list-rules");
	char *line, *save = NULL, *lsave = NULL;
	size_t rows = 0, lines = 0;

	ck_assert_int_eq(r.status, 0);
	/* --list-rules: ID, slug, severity, fix, summary, one rule a line,
	 * in catalogue order. */
	for (line = strtok_r(r.out, "\n", &lsave); line;
	     line = strtok_r(NULL, "\n", &lsave)) {
		const cl_rule *rule = cl_rule_at(lines++);
		char id[16], slug[80], sev[16], fix[8];
		int used = 0;

		ck_assert_msg(rule != NULL,
		              "--list-rules lists more rules "
		              "than the catalogue: %s",
		              line);
		ck_assert_int_eq(sscanf(line, "%15s %79s %15s %7s %n", id, slug,
		                        sev, fix, &used),
		                 4);
		ck_assert_str_eq(id, cl_rule_id(rule));
		ck_assert_str_eq(slug, cl_rule_slug(rule));
		ck_assert_str_eq(sev, cl_severity_name(cl_rule_severity(rule)));
		/* A fix that may be unsafe is listed as unsafe. */
		ck_assert_str_eq(
		    fix, cl_rule_fix(rule) == CL_RULE_FIX_NONE   ? "-"
		         : cl_rule_fix(rule) == CL_RULE_FIX_SAFE ? "safe"
		                                                 : "unsafe");
		ck_assert_str_eq(line + used, cl_rule_summary(rule));
	}
	ck_assert_uint_eq(lines, cl_rule_count());
	/* The README: one "| ID | slug | severity | summary |" row a rule, in
	 * the same order. */
	for (line = strtok_r(readme, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *cell[5];
		const cl_rule *rule;

		if (strncmp(line, "| CL", 4))
			continue;
		ck_assert_msg(row_cells(line, cell, 5) == 4,
		              "README.md: a rule row needs 4 cells: %s", line);
		rule = cl_rule_at(rows++);
		ck_assert_msg(rule != NULL, "README.md: an extra rule row %s",
		              cell[0]);
		ck_assert_msg(!strcmp(cell[0], cl_rule_id(rule)),
		              "README.md: row %zu is %s, --list-rules has %s",
		              rows, cell[0], cl_rule_id(rule));
		ck_assert_msg(!strcmp(cell[1], cl_rule_slug(rule)),
		              "README.md: %s slug '%s', --list-rules '%s'",
		              cell[0], cell[1], cl_rule_slug(rule));
		ck_assert_msg(
		    !strcmp(cell[2], cl_severity_name(cl_rule_severity(rule))),
		    "README.md: %s severity '%s', --list-rules '%s'", cell[0],
		    cell[2], cl_severity_name(cl_rule_severity(rule)));
		ck_assert_msg(
		    !strcmp(cell[3], cl_rule_summary(rule)),
		    "README.md: %s summary\n  '%s'\n--list-rules:\n  '%s'",
		    cell[0], cell[3], cl_rule_summary(rule));
	}
	ck_assert_uint_eq(rows, cl_rule_count());
	run_free(&r);
	free(readme);
}
END_TEST

/* Every page docs/rules/CLnnn.md documents a rule of that ID. */
START_TEST(test_every_page_has_a_rule)
{
	DIR *d = opendir("docs/rules");
	struct dirent *e;
	size_t pages = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char *id;

		if (strncmp(e->d_name, "CL", 2) || n < 4 ||
		    strcmp(e->d_name + n - 3, ".md"))
			continue;
		id = cl_strndup(e->d_name, n - 3);
		ck_assert_msg(cl_rule_find(id) != NULL &&
		                  !strcmp(cl_rule_id(cl_rule_find(id)), id),
		              "docs/rules/%s has no rule %s", e->d_name, id);
		free(id);
		pages++;
	}
	closedir(d);
	ck_assert_uint_eq(pages, cl_rule_count());
}
END_TEST

/* Whether a golden file under DIR (recursively) names rule ID. */
static bool
golden_names(const char *dir, const char *id)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *needle = cl_xasprintf(" %s ", id);
	bool found = false;

	ck_assert_msg(d != NULL, "cannot open %s", dir);
	while (!found && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char *p;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		p = cl_xasprintf("%s/%s", dir, e->d_name);
		if (!stat(p, &st) && S_ISDIR(st.st_mode)) {
			found = golden_names(p, id);
		} else if (n > 9 && !strcmp(e->d_name + n - 9, ".expected")) {
			char *text = read_all(p);

			found = strstr(text, needle) != NULL;
			free(text);
		}
		free(p);
	}
	closedir(d);
	free(needle);
	return found;
}

/*
 * Every rule has corpus cases: a fixtures/rules/CLnnn/ directory, or, for
 * the rules that no single document shows best, golden files elsewhere
 * that name it (not the compatibility rules, whose cases are pairs).
 * Every fixtures/rules/ directory belongs to a rule.
 */
START_TEST(test_every_rule_has_fixtures)
{
	static const struct {
		const char *id, *dirs[2];
	} elsewhere[] = {
		{ "CL001", { "fixtures/bad", "fixtures/schema" } },
		{ "CL002", { "fixtures/bad", "fixtures/schema" } },
		{ "CL003", { "fixtures/bad", "fixtures/schema" } },
		{ "CL009", { "fixtures/suppress", NULL } },
		{ "CL010", { "fixtures/suppress", NULL } },
	};
	DIR *d;
	struct dirent *e;
	size_t i, j, k;

	for (i = 0; i < cl_rule_count(); i++) {
		const char *id = cl_rule_id(cl_rule_at(i));
		char *dir = cl_xasprintf("fixtures/rules/%s", id);
		struct stat st;
		bool found = !stat(dir, &st) && S_ISDIR(st.st_mode) &&
		             golden_names(dir, id);

		/* The corpus lints single files; a compatibility rule's
		 * cases are pairs: its page (test_rule_page) and
		 * tests/check_rules_cl6xx.c. */
		if (cl_rule_is_compat(cl_rule_at(i))) {
			free(dir);
			continue;
		}

		for (j = 0; !found && j < CL_ARRAY_SIZE(elsewhere); j++) {
			if (strcmp(elsewhere[j].id, id))
				continue;
			for (k = 0; !found && k < 2 && elsewhere[j].dirs[k];
			     k++)
				found = golden_names(elsewhere[j].dirs[k], id);
		}
		ck_assert_msg(found,
		              "%s: no fixtures/rules/%s/ case that "
		              "fires it, nor a golden file elsewhere",
		              id, id);
		free(dir);
	}
	d = opendir("fixtures/rules");
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md"))
			continue;
		ck_assert_msg(
		    cl_rule_find(e->d_name) != NULL &&
		        !strcmp(cl_rule_id(cl_rule_find(e->d_name)), e->d_name),
		    "fixtures/rules/%s names no rule", e->d_name);
	}
	closedir(d);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("pages");
	TCase *tr = tcase_create("catalogue");

	tcase_add_loop_test(tc, test_rule_page, 0, (int)cl_rule_count());
	tcase_add_loop_test(tc, test_bad_fixes_to_fixed, 0,
	                    (int)cl_rule_count());
	suite_add_tcase(s, tc);
	tcase_add_test(tr, test_readme_rule_table);
	tcase_add_test(tr, test_every_page_has_a_rule);
	tcase_add_test(tr, test_every_rule_has_fixtures);
	suite_add_tcase(s, tr);

	return cl_check_run(s);
}
