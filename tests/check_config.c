/*
 * Configuration files: reading one (every setting, every error with its
 * position), finding the one that applies to a file, how its settings meet
 * the linter's own (the command line), what rules read from it, and the
 * command line end to end. Every tree is built under a temporary directory,
 * so that no configuration file lies where the corpus or other tests look.
 */
#include "cli_run.h"

#include "config.h"
#include "connlint.h"
#include "rule.h"
#include "util.h"
#include "lib/check_main.h"

static size_t
idx(const char *rule)
{
	const cl_rule *r = cl_rule_find(rule);

	ck_assert_msg(r != NULL, "no rule %s", rule);
	return cl_rule_index(r);
}

/* ---- reading ---- */

/* The complete example of docs/configuration.md is valid and means what
 * the page says. */
START_TEST(documented_example)
{
	char *page = read_text("docs/configuration.md");
	char *dir = make_temp_dir(), *path, *error = NULL;
	const char *b, *e;
	char *example;
	cl_config *c;
	enum cl_severity fail_on;

	ck_assert_ptr_nonnull(page);
	b = strstr(page, "```xml\n");
	ck_assert_ptr_nonnull(b);
	b += strlen("```xml\n");
	e = strstr(b, "\n```");
	ck_assert_ptr_nonnull(e);
	example = cl_strndup(b, (size_t)(e - b) + 1);
	write_file(dir, "connlint.xml", example);
	path = cl_xasprintf("%s/connlint.xml", dir);
	c = cl_config_load(path, &error);
	ck_assert_msg(c != NULL, "%s", error);
	ck_assert_str_eq(cl_config_path(c), path);
	ck_assert_str_eq(c->dir, dir);
	ck_assert(cl_config_fail_on(c, &fail_on));
	ck_assert_int_eq(fail_on, CL_SEV_WARNING);
	ck_assert(c->selecting);
	ck_assert(c->selected[idx("CL001")] && c->selected[idx("CL501")]);
	ck_assert(!c->selected[idx("CL401")]);
	ck_assert(c->ignored[idx("CL403")] && c->ignored[idx("CL008")]);
	ck_assert_int_eq(c->level[idx("CL101")], CL_SEV_ERROR);
	ck_assert_int_eq(c->level[idx("CL202")], CL_SEV_INFO);
	ck_assert_int_eq(c->level[idx("CL314")], CL_LEVEL_OFF);
	ck_assert_int_eq(c->level[idx("CL102")], CL_LEVEL_UNSET);
	ck_assert_uint_eq(c->npaths, 2);
	ck_assert_str_eq(c->paths[0].pattern, "legacy/*");
	ck_assert(!c->paths[0].basename_only);
	ck_assert(c->paths[1].basename_only);
	ck_assert_uint_eq(c->nredirect_uris, 3);
	ck_assert_str_eq(c->redirect_uris[2],
	                 "https://connect.test.example.com/oauth/callback");
	ck_assert_uint_eq(c->nplatform_placeholders, 2);
	ck_assert_str_eq(c->platform_placeholders[0], "flow_run_id");
	cl_config_free(c);
	free(path);
	free(example);
	free(page);
	remove_tree(dir);
}
END_TEST

START_TEST(empty_configuration)
{
	char *dir = make_temp_dir(), *path = cl_xasprintf("%s/c.xml", dir);
	cl_config *c;
	enum cl_severity sev;
	size_t i;

	write_file(dir, "c.xml",
	           "<?xml version=\"1.0\"?>\n<!-- nothing -->\n"
	           "<connlint version=\"1\"/>\n");
	c = cl_config_load(path, NULL);
	ck_assert_ptr_nonnull(c);
	ck_assert(!cl_config_fail_on(c, &sev));
	ck_assert(!c->selecting && !c->has_redirect_uris && !c->npaths);
	for (i = 0; i < cl_rule_count(); i++)
		ck_assert(!c->ignored[i] && c->level[i] == CL_LEVEL_UNSET);
	cl_config_free(c);
	free(path);
	remove_tree(dir);
}
END_TEST

/* A configuration text and the message it must give (after "PATH:"). */
static const struct {
	const char *text, *error;
} bad_configs[] = {
	{ "<connlint><ignores rules=\"CL101\"/></connlint>",
	  "1:12: unknown element `<ignores>` in `<connlint>`; did you mean `<ignore>`?" },
	{ "<connlint>\n  <frobnicate/>\n</connlint>",
	  "2:4: unknown element `<frobnicate>` in `<connlint>`; the settings are "
	  "`select`, `ignore`, `rule`, `path`, `redirect-uri`, "
	  "`platform-placeholder` and `rules`" },
	{ "<connlint><ignore rule=\"CL101\"/></connlint>",
	  "1:19: unknown attribute `rule` on `<ignore>`; did you mean `rules`?" },
	{ "<connlint><rule name=\"CL101\" level=\"off\"/></connlint>",
	  "1:30: unknown attribute `level` on `<rule>`; it takes `name` and `severity`" },
	{ "<connlint><ignore rules=\"CL101, CL1O1\"/></connlint>",
	  "1:33: unknown rule `CL1O1` in `rules` of `<ignore>`; did you mean "
	  "`CL101` (unused-connector-variable)?" },
	{ "<connlint><select rules=\"CL999\"/></connlint>",
	  "1:26: unknown rule `CL999` in `rules` of `<select>` (rules are named by "
	  "ID, slug or ID prefix; `connlint --list-rules` lists them)" },
	{ "<connlint><select rules=\" , \"/></connlint>",
	  "1:26: `rules` of `<select>` is empty; name rules by ID, slug or ID "
	  "prefix, separated by commas" },
	{ "<connlint><rule name=\"CL101\" severity=\"fatal\"/></connlint>",
	  "1:40: unknown severity `fatal` for rule `CL101`; use error, warning, "
	  "info or off" },
	{ "<connlint><rule name=\"CL101\"/></connlint>",
	  "1:12: `<rule>` needs a `severity` attribute" },
	{ "<connlint><rule name=\"no-such\" severity=\"off\"/></connlint>",
	  "1:23: unknown rule `no-such` in `name` of `<rule>` (rules are named by "
	  "ID, slug or ID prefix; `connlint --list-rules` lists them)" },
	{ "<connlint><path pattern=\"/abs/*\" ignore=\"CL101\"/></connlint>",
	  "1:26: pattern `/abs/*` is absolute; patterns are relative to the "
	  "directory of the configuration file" },
	{ "<connlint><path pattern=\"a[b\" ignore=\"CL101\"/></connlint>",
	  "1:26: pattern `a[b` has a `[` that no `]` closes" },
	{ "<connlint><path pattern=\"x/../../y\" ignore=\"CL101\"/></connlint>",
	  "1:26: pattern `x/../../y` goes up with `..`; patterns match files in "
	  "the directory of the configuration file and below" },
	{ "<connlint><path pattern=\"\" ignore=\"CL101\"/></connlint>",
	  "1:26: pattern `` is empty" },
	{ "<connlint><path pattern=\"legacy/\"/></connlint>",
	  "1:12: `<path>` needs an `ignore` attribute" },
	{ "<connlint><path pattern=\"a\" ignore=\"CL101,CL7x\"/></connlint>",
	  "1:43: unknown rule `CL7x` in `ignore` of `<path>` (rules are named by "
	  "ID, slug or ID prefix; `connlint --list-rules` lists them)" },
	{ "<connlint version=\"2\"/>",
	  "1:20: configuration version `2` is not one this connlint reads; write "
	  "version=\"1\"" },
	{ "<connlint fail-on=\"off\"/>",
	  "1:20: unknown severity `off` for `fail-on`; use error, warning or info" },
	{ "<connlint failon=\"warning\"/>",
	  "1:11: unknown attribute `failon` on `<connlint>`; did you mean `fail-on`?" },
	{ "<connector format=\"1\"/>",
	  "1:2: the root element is `<connector>`; a connlint configuration file's "
	  "root element is `<connlint>`" },
	{ "<connlint>\n  select CL1\n</connlint>",
	  "2:3: text inside `<connlint>`; settings are given in attributes" },
	{ "<connlint><ignore rules=\"CL1\">CL2</ignore></connlint>",
	  "1:31: text inside `<ignore>`; settings are given in attributes" },
	{ "<connlint><select rules=\"CL1\"><select rules=\"CL2\"/></select></connlint>",
	  "1:32: `<select>` has no child elements; `<select>` belongs directly in "
	  "`<connlint>`" },
	{ "<connlint><redirect-uri value=\"\"/></connlint>",
	  "1:32: `value` of `<redirect-uri>` is empty" },
	{ "<connlint><redirect-uri value=\"https://x/ cb\"/></connlint>",
	  "1:32: redirect URI `https://x/ cb` contains white space or a control "
	  "character" },
	{ "<connlint><platform-placeholder key=\"{{tenant}}\"/></connlint>",
	  "1:38: placeholder key `{{tenant}}` has a character other than letters, "
	  "digits, `_`, `-` and `.`; write the key without braces" },
	{ "<connlint>\n<select rules=\"CL1\">\n</connlint>",
	  "3:12: not well-formed XML: " },
	{ "",
	  "1:1: the file is empty; a configuration file is a `<connlint>` element" },
	{ "<!DOCTYPE connlint [<!ENTITY e \"CL101\">]>\n<connlint/>",
	  "1:1: document type declaration: a configuration file has none" },
	/* an entity reference is not expanded: an error, not CL101 */
	{ "<connlint><ignore rules=\"&e;\"/></connlint>", "1:" },
};

START_TEST(bad_configuration)
{
	char *dir = make_temp_dir();
	char *path = cl_xasprintf("%s/connlint.xml", dir);
	char *want = cl_xasprintf("%s:%s", path, bad_configs[_i].error);
	char *error = NULL;
	cl_config *c;

	write_file(dir, "connlint.xml", bad_configs[_i].text);
	c = cl_config_load(path, &error);
	ck_assert_msg(c == NULL, "accepted: %s", bad_configs[_i].text);
	ck_assert_ptr_nonnull(error);
	/* The last entries give libxml2's words: compare their start. */
	ck_assert_msg(!strncmp(error, want, strlen(want)) &&
	                  (strlen(error) == strlen(want) ||
	                   want[strlen(want) - 1] == ' ' ||
	                   want[strlen(want) - 1] == ':'),
	              "for %s\nexpected: %s\ngot:      %s",
	              bad_configs[_i].text, want, error);
	free(error);
	free(want);
	free(path);
	remove_tree(dir);
}
END_TEST

START_TEST(unreadable_configuration)
{
	char *error = NULL;
	char *dir = make_temp_dir(), *path;

	ck_assert_ptr_null(cl_config_load("/nonexistent/connlint.xml", &error));
	ck_assert_str_eq(
	    error, "/nonexistent/connlint.xml: No such file or directory");
	free(error);
	ck_assert_ptr_null(cl_config_load(dir, &error));
	path = cl_xasprintf("%s: is a directory", dir);
	ck_assert_str_eq(error, path);
	free(error);
	free(path);
	remove_tree(dir);
}
END_TEST

/* ---- per-path ignores ---- */

START_TEST(path_patterns)
{
	char *dir = make_temp_dir(),
	     *path = cl_xasprintf("%s/connlint.xml", dir);
	unsigned char *ign = cl_calloc(cl_rule_count(), 1);
	cl_config *c;
	char *p;

	write_file(dir, "connlint.xml",
	           "<connlint>\n"
	           "  <path pattern=\"./legacy/\" ignore=\"CL101\"/>\n"
	           "  <path pattern=\"*.draft.xml\" ignore=\"CL5\"/>\n"
	           "  <path pattern=\"shop/v?/*.xml\" ignore=\"CL403\"/>\n"
	           "</connlint>\n");
	c = cl_config_load(path, NULL);
	ck_assert_ptr_nonnull(c);

#define MATCH(rel, rule, yes)                                               \
	do {                                                                \
		memset(ign, 0, cl_rule_count());                            \
		p = cl_xasprintf("%s/%s", dir, rel);                        \
		ck_assert_msg(cl_config_path_ignores(c, p, ign) == (yes) && \
		                  ign[idx(rule)] == (yes),                  \
		              "%s %s", rel, rule);                          \
		free(p);                                                    \
	} while (0)
	MATCH("legacy/a.xml", "CL101", 1);
	MATCH("legacy/2019/b.xml", "CL101", 1); /* '*' spans '/' */
	MATCH("legacyx/a.xml", "CL101", 0);
	MATCH("a.draft.xml", "CL501", 1);
	MATCH("deep/er/a.draft.xml", "CL505", 1); /* the file name alone */
	MATCH("a.draft.xml.bak", "CL501", 0);
	MATCH("shop/v2/orders.xml", "CL403", 1);
	MATCH("shop/v10/orders.xml", "CL403", 0);
	MATCH("sub/../legacy/a.xml", "CL101", 1); /* as text */
#undef MATCH
	/* outside the configuration's directory: nothing */
	memset(ign, 0, cl_rule_count());
	ck_assert(!cl_config_path_ignores(c, "/elsewhere/legacy/a.xml", ign));
	cl_config_free(c);
	free(ign);
	free(path);
	remove_tree(dir);
}
END_TEST

START_TEST(absolute_paths)
{
	char *p = cl_path_absolute("/a/./b//c/../d/");

	ck_assert_str_eq(p, "/a/b/d");
	free(p);
	p = cl_path_absolute("/..");
	ck_assert_str_eq(p, "/");
	free(p);
	p = cl_path_absolute("x/y");
	ck_assert_msg(p[0] == '/' && !strcmp(p + strlen(p) - 4, "/x/y"), "%s",
	              p);
	free(p);
}
END_TEST

/* ---- finding ---- */

START_TEST(finder)
{
	char *dir = make_temp_dir();
	char sub[600], deeper[600], other[600], bad[600], file[700];
	cl_config_finder *f = cl_config_finder_new();
	const cl_config *c1, *c2, *c3;
	const char *error;

	snprintf(sub, sizeof(sub), "%s/a", dir);
	snprintf(deeper, sizeof(deeper), "%s/a/b", dir);
	snprintf(other, sizeof(other), "%s/o", dir);
	snprintf(bad, sizeof(bad), "%s/bad", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_int_eq(mkdir(deeper, 0700), 0);
	ck_assert_int_eq(mkdir(other, 0700), 0);
	ck_assert_int_eq(mkdir(bad, 0700), 0);
	write_file(dir, "connlint.xml", "<connlint fail-on=\"info\"/>");
	write_file(sub, ".connlint.xml", "<connlint fail-on=\"warning\"/>");
	write_file(bad, "connlint.xml", "<connlint><nope/></connlint>");

	/* the nearest file wins; the file need not exist */
	snprintf(file, sizeof(file), "%s/x.xml", deeper);
	ck_assert_int_eq(cl_config_find(f, file, &c1, &error), 0);
	ck_assert_ptr_nonnull(c1);
	ck_assert_ptr_nonnull(strstr(cl_config_path(c1), "/a/.connlint.xml"));
	snprintf(file, sizeof(file), "%s/y.xml", sub);
	ck_assert_int_eq(cl_config_find(f, file, &c2, &error), 0);
	ck_assert_ptr_eq(c1, c2); /* read once */
	snprintf(file, sizeof(file), "%s/z.xml", other);
	ck_assert_int_eq(cl_config_find(f, file, &c3, &error), 0);
	ck_assert_ptr_nonnull(strstr(cl_config_path(c3), "/connlint.xml"));
	ck_assert_ptr_ne(c1, c3);

	/* a bad file: its message once, then only the failure */
	snprintf(file, sizeof(file), "%s/1.xml", bad);
	ck_assert_int_eq(cl_config_find(f, file, &c1, &error), -1);
	ck_assert_ptr_null(c1);
	ck_assert_ptr_nonnull(error);
	ck_assert_ptr_nonnull(
	    strstr(error, "bad/connlint.xml:1:12: unknown element `<nope>`"));
	snprintf(file, sizeof(file), "%s/2.xml", bad);
	ck_assert_int_eq(cl_config_find(f, file, &c1, &error), -1);
	ck_assert_ptr_null(error);

	/* two files in one directory */
	write_file(other, ".connlint.xml", "<connlint/>");
	write_file(other, "connlint.xml", "<connlint/>");
	cl_config_finder_free(f);
	f = cl_config_finder_new();
	snprintf(file, sizeof(file), "%s/z.xml", other);
	ck_assert_int_eq(cl_config_find(f, file, &c1, &error), -1);
	ck_assert_ptr_nonnull(
	    strstr(error, "/o: two configuration files, "
	                  "`connlint.xml` and `.connlint.xml`; keep one"));
	cl_config_finder_free(f);
	remove_tree(dir);
}
END_TEST

/* ---- precedence ---- */

/* The end of a test with linter L, configuration C loaded from PATH, in
 * directory DIR: frees them all and removes DIR. */
static void
config_test_done(cl_linter *l, cl_config *c, char *path, char *dir)
{
	cl_linter_free(l);
	cl_config_free(c);
	free(path);
	remove_tree(dir);
}

START_TEST(precedence)
{
	char *dir = make_temp_dir(),
	     *path = cl_xasprintf("%s/connlint.xml", dir);
	cl_linter *l = cl_linter_new();
	cl_config *c;

	write_file(dir, "connlint.xml",
	           "<connlint>\n"
	           "  <select rules=\"CL1, CL4\"/>\n"
	           "  <ignore rules=\"CL402\"/>\n"
	           "  <rule name=\"CL1\" severity=\"info\"/>\n"
	           "  <rule name=\"CL101\" severity=\"error\"/>\n"
	           "  <rule name=\"CL104\" severity=\"off\"/>\n"
	           "</connlint>\n");
	c = cl_config_load(path, NULL);
	ck_assert_ptr_nonnull(c);
	cl_linter_set_config(l, c);
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL101")));
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL401")));
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL402"))); /* ignored */
	ck_assert(
	    !cl_linter_enabled(l, cl_rule_find("CL303"))); /* not selected */
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL104"))); /* off */

	/* --ignore takes away; --select replaces the file's selection and
	 * its ignores, but not a severity of off */
	ck_assert_int_eq(cl_linter_ignore(l, "CL401", NULL), 0);
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL401")));
	ck_assert_int_eq(cl_linter_select(l, "CL3,CL402,CL104", NULL), 0);
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL303")));
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL402")));
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL101")));
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL104")));
	/* a severity on the command line wins */
	ck_assert_int_eq(cl_linter_severity(l, "CL104=warning", NULL), 0);
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL104")));
	/* without the configuration: the command line alone */
	cl_linter_set_config(l, NULL);
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL303")));
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL401")));
	config_test_done(l, c, path, dir);
}
END_TEST

/* The connector of fixtures/cli/unused-variable: CL101 at 8:20, and (with
 * the auth method misnamed) CL402 too. */
#define UNUSED "fixtures/cli/unused-variable.connector.xml"

START_TEST(severity_in_results)
{
	char *dir = make_temp_dir(),
	     *path = cl_xasprintf("%s/connlint.xml", dir);
	char *text = read_text(UNUSED);
	cl_linter *l = cl_linter_new();
	cl_config *c;
	cl_result *r;

	write_file(dir, "connlint.xml",
	           "<connlint><rule name=\"unused-connector-variable\" "
	           "severity=\"error\"/></connlint>");
	c = cl_config_load(path, NULL);
	cl_linter_set_config(l, c);
	r = cl_lint_memory(l, "u.xml", text, strlen(text));
	ck_assert_uint_eq(cl_result_count(r), 1);
	ck_assert_int_eq(cl_diag_severity(cl_result_diag(r, 0)), CL_SEV_ERROR);
	ck_assert_uint_eq(cl_result_count_severity(r, CL_SEV_ERROR), 1);
	ck_assert_uint_eq(cl_result_count_severity(r, CL_SEV_WARNING), 0);
	cl_result_free(r);
	/* the command line over the file */
	ck_assert_int_eq(cl_linter_severity(l, "CL101=info", NULL), 0);
	r = cl_lint_memory(l, "u.xml", text, strlen(text));
	ck_assert_int_eq(cl_diag_severity(cl_result_diag(r, 0)), CL_SEV_INFO);
	cl_result_free(r);
	free(text);
	config_test_done(l, c, path, dir);
}
END_TEST

START_TEST(path_ignores_in_results)
{
	char *dir = make_temp_dir(),
	     *path = cl_xasprintf("%s/connlint.xml", dir);
	char legacy[600], file[700];
	cl_linter *l = cl_linter_new();
	const char *why;
	cl_config *c;
	cl_result *r;

	snprintf(legacy, sizeof(legacy), "%s/legacy", dir);
	ck_assert_int_eq(mkdir(legacy, 0700), 0);
	copy_file(UNUSED, legacy, "u.xml");
	copy_file(UNUSED, dir, "u.xml");
	write_file(
	    dir, "connlint.xml",
	    "<connlint><path pattern=\"legacy/\" ignore=\"CL101\"/></connlint>");
	c = cl_config_load(path, NULL);
	cl_linter_set_config(l, c);
	/* even a --select of the rule does not undo a per-path ignore */
	ck_assert_int_eq(cl_linter_select(l, "CL101", NULL), 0);
	snprintf(file, sizeof(file), "%s/u.xml", legacy);
	r = cl_lint_file(l, file, NULL, &why);
	ck_assert_uint_eq(cl_result_count(r), 0);
	cl_result_free(r);
	snprintf(file, sizeof(file), "%s/u.xml", dir);
	r = cl_lint_file(l, file, NULL, &why);
	ck_assert_uint_eq(cl_result_count(r), 1);
	cl_result_free(r);
	config_test_done(l, c, path, dir);
}
END_TEST

/* ---- what rules read ---- */

START_TEST(rule_accessors)
{
	char *dir = make_temp_dir(),
	     *path = cl_xasprintf("%s/connlint.xml", dir);
	struct cl_ctx ctx;
	const char *const *uris;
	size_t n;
	cl_config *c;

	memset(&ctx, 0, sizeof(ctx));
	/* no configuration: the platform's defaults, no placeholders */
	ck_assert_ptr_null(cl_ctx_redirect_uris_configured(&ctx, &n));
	ck_assert_uint_eq(n, 0);
	ck_assert(!cl_ctx_platform_placeholder(&ctx, "tenant_id"));

	write_file(dir, "connlint.xml",
	           "<connlint>\n"
	           "  <redirect-uri value=\"https://a.example/cb\"/>\n"
	           "  <platform-placeholder key=\"tenant_id\"/>\n"
	           "  <platform-placeholder key=\"flow.run-id\"/>\n"
	           "</connlint>\n");
	c = cl_config_load(path, NULL);
	ck_assert_ptr_nonnull(c);
	ctx.config = c;
	uris = cl_ctx_redirect_uris_configured(&ctx, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(uris[0], "https://a.example/cb");
	ck_assert(cl_ctx_platform_placeholder(&ctx, "tenant_id"));
	ck_assert(cl_ctx_platform_placeholder(&ctx, "flow.run-id"));
	ck_assert(!cl_ctx_platform_placeholder(&ctx, "Tenant_ID"));
	ck_assert(!cl_ctx_platform_placeholder(&ctx, "tenant"));
	cl_config_free(c);
	free(path);
	remove_tree(dir);
}
END_TEST

/* CL104 does not report a placeholder the platform fills in itself. */
START_TEST(platform_placeholders_in_results)
{
	char *dir = make_temp_dir(),
	     *path = cl_xasprintf("%s/connlint.xml", dir);
	char *clean = read_text("fixtures/cli/clean.connector.xml"), *text,
	     *url;
	cl_linter *l = cl_linter_new();
	cl_config *c;
	cl_result *r;

	/* the endpoint's url gets {{tenant_id}} */
	url = strstr(clean, "/api/stock");
	ck_assert_ptr_nonnull(url);
	text = cl_xasprintf("%.*s/{{tenant_id}}%s", (int)(url - clean), clean,
	                    url);
	free(clean);
	write_file(
	    dir, "connlint.xml",
	    "<connlint><platform-placeholder key=\"tenant_id\"/></connlint>");
	r = cl_lint_memory(l, "c.xml", text, strlen(text));
	ck_assert_uint_eq(cl_result_count(r), 1);
	ck_assert_str_eq(cl_rule_id(cl_diag_rule(cl_result_diag(r, 0))),
	                 "CL104");
	cl_result_free(r);
	c = cl_config_load(path, NULL);
	ck_assert_ptr_nonnull(c);
	cl_linter_set_config(l, c);
	r = cl_lint_memory(l, "c.xml", text, strlen(text));
	ck_assert_uint_eq(cl_result_count(r), 0);
	cl_result_free(r);
	free(text);
	config_test_done(l, c, path, dir);
}
END_TEST

/* ---- the command line ---- */

START_TEST(cli_discovery)
{
	char *dir = make_temp_dir();
	char sub[600], legacy[600], expect[2048];
	struct run r;

	snprintf(sub, sizeof(sub), "%s/sub", dir);
	snprintf(legacy, sizeof(legacy), "%s/sub/legacy", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_int_eq(mkdir(legacy, 0700), 0);
	copy_file(UNUSED, sub, "u.xml");
	copy_file(UNUSED, legacy, "u.xml");
	write_file(dir, "connlint.xml",
	           "<connlint fail-on=\"warning\">\n"
	           "  <path pattern=\"sub/legacy/\" ignore=\"CL101\"/>\n"
	           "</connlint>\n");

	/* fail-on from the file: the warning fails the run */
	r = RUN("--format", "gcc", dir);
	ck_assert_int_eq(r.status, 1);
	snprintf(expect, sizeof(expect), "%s/sub/u.xml:8:20: warning: ", dir);
	ck_assert_msg(!strncmp(r.out, expect, strlen(expect)), "%s", r.out);
	ck_assert_uint_eq(count_lines(r.out), 1); /* legacy/ ignored */
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	/* --fail-on wins over the file */
	r = RUN("--fail-on", "error", dir);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);

	/* --no-config: both files, and the default fail-on */
	r = RUN("--format", "gcc", "--no-config", dir);
	ck_assert_int_eq(r.status, 0);
	ck_assert_uint_eq(count_lines(r.out), 2);
	run_free(&r);

	/* a nearer file wins */
	write_file(
	    sub, ".connlint.xml",
	    "<connlint><rule name=\"CL101\" severity=\"error\"/></connlint>");
	r = RUN("--format", "gcc", dir);
	ck_assert_int_eq(r.status, 1);
	ck_assert_uint_eq(count_lines(r.out), 2);
	ASSERT_CONTAINS(r.out, "/sub/legacy/u.xml:8:20: error: ");
	run_free(&r);

	/* --config FILE for every path; its patterns are relative to it */
	snprintf(expect, sizeof(expect), "%s/connlint.xml", dir);
	r = RUN("--format", "gcc", "--config", expect, dir);
	ck_assert_int_eq(r.status, 1);
	ck_assert_uint_eq(count_lines(r.out), 1);
	ASSERT_CONTAINS(r.out, "/sub/u.xml:8:20: warning: ");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(cli_stdin)
{
	char *dir = make_temp_dir();
	char name[600];
	struct run r;

	write_file(dir, "connlint.xml",
	           "<connlint><path pattern=\"legacy/\" ignore=\"CL101\"/>"
	           "<rule name=\"CL101\" severity=\"error\"/></connlint>");
	/* the configuration of the --stdin-filename's directory */
	snprintf(name, sizeof(name), "%s/u.xml", dir);
	r = RUN_STDIN(UNUSED, "--format", "gcc", "--stdin-filename", name, "-");
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "/u.xml:8:20: error: ");
	run_free(&r);
	/* and its per-path ignores */
	snprintf(name, sizeof(name), "%s/legacy/u.xml", dir);
	r = RUN_STDIN(UNUSED, "--format", "gcc", "--stdin-filename", name, "-");
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(cli_bad_configuration)
{
	char *dir = make_temp_dir();
	char bad[600], good[600], expect[1400];
	struct run r;

	snprintf(bad, sizeof(bad), "%s/bad", dir);
	snprintf(good, sizeof(good), "%s/good", dir);
	ck_assert_int_eq(mkdir(bad, 0700), 0);
	ck_assert_int_eq(mkdir(good, 0700), 0);
	copy_file(UNUSED, bad, "a.xml");
	copy_file(UNUSED, bad, "b.xml");
	copy_file(UNUSED, good, "c.xml");
	write_file(
	    bad, "connlint.xml",
	    "<connlint>\n  <rule name=\"CL101\" severity=\"fatal\"/>\n</connlint>\n");

	/* said once, its files skipped, the others linted, exit 2 */
	r = RUN("--format", "gcc", bad, good);
	ck_assert_int_eq(r.status, 2);
	snprintf(
	    expect, sizeof(expect),
	    "connlint: %s/connlint.xml:2:32: unknown "
	    "severity `fatal` for rule `CL101`; use error, warning, info or "
	    "off\n",
	    bad);
	ck_assert_str_eq(r.err, expect);
	snprintf(expect, sizeof(expect), "%s/c.xml:8:20: warning: ", good);
	ck_assert_msg(!strncmp(r.out, expect, strlen(expect)), "%s", r.out);
	ck_assert_uint_eq(count_lines(r.out), 1);
	run_free(&r);

	/* --no-config gets past it */
	r = RUN("--no-config", "-q", bad);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	/* --config with a bad file: nothing is linted */
	snprintf(expect, sizeof(expect), "%s/connlint.xml", bad);
	r = RUN("--config", expect, good);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err,
	                "/bad/connlint.xml:2:32: unknown severity `fatal`");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(cli_select_and_severity_over_file)
{
	char *dir = make_temp_dir();
	struct run r;

	copy_file(UNUSED, dir, "u.xml");
	copy_file("fixtures/cli/unknown-auth-method.connector.xml", dir,
	          "e.xml");
	write_file(dir, "connlint.xml",
	           "<connlint>\n"
	           "  <ignore rules=\"CL101, CL202\"/>\n"
	           "  <rule name=\"CL402\" severity=\"off\"/>\n"
	           "</connlint>\n");
	r = RUN("--format", "gcc", dir);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	/* --select replaces the file's selection and ignores */
	r = RUN("--format", "gcc", "--select", "CL101,CL402", dir);
	ck_assert_int_eq(r.status, 0);
	ck_assert_uint_eq(count_lines(r.out), 1);
	ASSERT_CONTAINS(r.out, "u.xml:8:20: warning: ");
	run_free(&r);
	/* --severity over the file's off */
	r = RUN("--format", "gcc", "--severity", "CL402=warning", dir);
	ck_assert_int_eq(r.status, 0);
	ASSERT_CONTAINS(r.out, "e.xml:26:28: warning: ");
	ASSERT_LACKS(r.out, "[CL101]");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, documented_example);
	tcase_add_test(tc, empty_configuration);
	tcase_add_loop_test(
	    tc, bad_configuration, 0,
	    (int)(sizeof(bad_configs) / sizeof(bad_configs[0])));
	tcase_add_test(tc, unreadable_configuration);
	tcase_add_test(tc, path_patterns);
	tcase_add_test(tc, absolute_paths);
	tcase_add_test(tc, finder);
	tcase_add_test(tc, precedence);
	tcase_add_test(tc, severity_in_results);
	tcase_add_test(tc, path_ignores_in_results);
	tcase_add_test(tc, rule_accessors);
	tcase_add_test(tc, platform_placeholders_in_results);
	tcase_add_test(tc, cli_discovery);
	tcase_add_test(tc, cli_stdin);
	tcase_add_test(tc, cli_bad_configuration);
	tcase_add_test(tc, cli_select_and_severity_over_file);
	suite_add_tcase(s, tc);

	return cl_check_run(s);
}
