/*
 * Custom rulesets (ruleset.h): loading one (every error with its exact
 * message and position, a valid one read whole, the limits) and
 * evaluating one over a connector with a context built by hand, so that
 * this suite needs nothing but the ruleset module and the parser.
 */
#include "cli_run.h"

#include <pthread.h>
#include <time.h>

#include "catalogue.h"
#include "ctx.h"
#include "diag.h"
#include "ruleset.h"
#include "text.h"
#include "util.h"
#include "xml.h"
#include "lib/check_main.h"

/* ---- loading ---- */

/* Loads TEXT as "r.xml" with no folder: the ruleset, or NULL with *ERROR
 * set (caller frees). */
static struct cl_ruleset *
load(const char *text, char **error)
{
	return cl_ruleset_load_memory("r.xml", "/rs", text, strlen(text),
	                              error);
}

#define HEAD "<ruleset name=\"acme\" prefix=\"ACME\">\n"
#define RULE1 "  <rule id=\"ACME001\" slug=\"a-b\" severity=\"error\">\n"
#define SUM "    <summary>sum</summary>\n"
#define GIVEN "    <given select=\"/connector\"/>\n"
#define OK_ASSERT "    <assert exists=\"a\"/>\n"
#define END_RULE "  </rule>\n"
#define TAIL END_RULE "</ruleset>\n"
/* A ruleset that is whole up to its first rule's assertions. */
#define WITH_ASSERT(a) HEAD RULE1 SUM GIVEN "    " a "\n" TAIL

static const struct {
	const char *text, *error;
} bad[] = {
	{ "", "r.xml:1:1: error: the file is empty; a ruleset file is a "
	      "`<ruleset>` element" },
	{ "<ruleset", "r.xml:1:9: error: not well-formed XML: start tag "
	              "`<ruleset>` is not closed with `>`" },
	{ "<!DOCTYPE ruleset>\n<ruleset name=\"a\" prefix=\"A\"/>",
	  "r.xml:1:1: error: document type declaration: a ruleset file has "
	  "none" },
	{ "<rules/>", "r.xml:1:2: error: the root element is `<rules>`; a "
	              "ruleset file's root element is `<ruleset>`" },
	{ "<ruleset name=\"a\"/>",
	  "r.xml:1:2: error: `<ruleset>` needs a `prefix` attribute" },
	{ "<ruleset prefix=\"A\"/>",
	  "r.xml:1:2: error: `<ruleset>` needs a `name` attribute" },
	{ "<ruleset name=\"\" prefix=\"A\"/>",
	  "r.xml:1:16: error: `name` of `<ruleset>` is empty" },
	{ "<ruleset name=\"a\" prefix=\"Acme\"/>",
	  "r.xml:1:27: error: prefix `Acme` is not upper-case letters (A to "
	  "Z), as `ACME`" },
	{ "<ruleset name=\"a\" prefix=\"AC1\"/>",
	  "r.xml:1:27: error: prefix `AC1` is not upper-case letters (A to "
	  "Z), as `ACME`" },
	{ "<ruleset name=\"a\" prefix=\"CL\"/>",
	  "r.xml:1:27: error: prefix `CL` is reserved for connlint's "
	  "built-in rules" },
	{ "<ruleset name=\"a\" prefix=\"ACME\" nmae=\"x\"/>",
	  "r.xml:1:33: error: unknown attribute `nmae` on `<ruleset>`; did "
	  "you mean `name`?" },
	{ "<ruleset name=\"a\" prefix=\"ACME\" zzzzzz=\"x\"/>",
	  "r.xml:1:33: error: unknown attribute `zzzzzz` on `<ruleset>`; it "
	  "takes `name` and `prefix`" },
	{ "<ruleset name=\"a\" prefix=\"ACME\"/>",
	  "r.xml:1:2: error: the ruleset has no `<rule>`" },
	{ "<ruleset name=\"a\" prefix=\"ACME\">hello</ruleset>",
	  "r.xml:1:33: error: text inside `<ruleset>`" },
	{ HEAD "  <rules/>\n</ruleset>",
	  "r.xml:2:4: error: unknown element `<rules>` in `<ruleset>`; did "
	  "you mean `<rule>`?" },
	{ HEAD "  <policy/>\n</ruleset>",
	  "r.xml:2:4: error: unknown element `<policy>` in `<ruleset>`; it "
	  "holds `<rule>` and `<tests>`" },
	/* <rule> attributes */
	{ HEAD "  <rule id=\"ACME01\" slug=\"a\" severity=\"error\"/>\n"
	       "</ruleset>",
	  "r.xml:2:13: error: rule id `ACME01` is ill-formed; a rule id is "
	  "the prefix `ACME` and three or more digits, as `ACME001`" },
	{ HEAD "  <rule id=\"ACME001x\" slug=\"a\" severity=\"error\"/>\n"
	       "</ruleset>",
	  "r.xml:2:13: error: rule id `ACME001x` is ill-formed; a rule id is "
	  "the prefix `ACME` and three or more digits, as `ACME001`" },
	{ HEAD "  <rule id=\"XY001\" slug=\"a\" severity=\"error\"/>\n"
	       "</ruleset>",
	  "r.xml:2:13: error: rule id `XY001` does not start with the "
	  "ruleset's prefix `ACME`" },
	{ HEAD "  <rule id=\"ACME001\" slug=\"A_b\" severity=\"error\"/>\n"
	       "</ruleset>",
	  "r.xml:2:28: error: slug `A_b` is ill-formed; a slug is lower-case "
	  "words of letters and digits joined by `-`, as "
	  "`endpoint-without-entity`" },
	{ HEAD "  <rule id=\"ACME001\" slug=\"a--b\" severity=\"error\"/>\n"
	       "</ruleset>",
	  "r.xml:2:28: error: slug `a--b` is ill-formed; a slug is lower-case "
	  "words of letters and digits joined by `-`, as "
	  "`endpoint-without-entity`" },
	{ HEAD "  <rule id=\"ACME001\" slug=\"a-\" severity=\"error\"/>\n"
	       "</ruleset>",
	  "r.xml:2:28: error: slug `a-` is ill-formed; a slug is lower-case "
	  "words of letters and digits joined by `-`, as "
	  "`endpoint-without-entity`" },
	{ HEAD "  <rule id=\"ACME001\" slug=\"a\" severity=\"fatal\"/>\n"
	       "</ruleset>",
	  "r.xml:2:41: error: unknown severity `fatal`; use error, warning or "
	  "info" },
	{ HEAD "  <rule id=\"ACME001\" slug=\"a\" sevrity=\"error\"/>\n"
	       "</ruleset>",
	  "r.xml:2:31: error: unknown attribute `sevrity` on `<rule>`; did "
	  "you mean `severity`?" },
	{ HEAD "  <rule id=\"ACME001\" slug=\"a\"/>\n</ruleset>",
	  "r.xml:2:4: error: `<rule>` needs a `severity` attribute" },
	{ HEAD "  <rule slug=\"a\" severity=\"info\"/>\n</ruleset>",
	  "r.xml:2:4: error: `<rule>` needs an `id` attribute" },
	{ HEAD RULE1 SUM GIVEN OK_ASSERT END_RULE RULE1 "</rule></ruleset>",
	  "r.xml:7:13: error: duplicate rule id `ACME001`; the first one is "
	  "on line 2" },
	{ HEAD RULE1 SUM GIVEN OK_ASSERT END_RULE
	  "  <rule id=\"ACME002\" slug=\"a-b\" severity=\"info\"/></ruleset>",
	  "r.xml:7:28: error: duplicate slug `a-b`; the first one is on line "
	  "2" },
	/* <rule> children */
	{ HEAD RULE1 SUM GIVEN "    <asert exists=\"a\"/>\n" TAIL,
	  "r.xml:5:6: error: unknown element `<asert>` in `<rule>`; did you "
	  "mean `<assert>`?" },
	{ HEAD RULE1 GIVEN OK_ASSERT TAIL,
	  "r.xml:3:6: error: `<rule>` starts with `<given>`; its first child "
	  "is the one-line `<summary>`" },
	{ HEAD RULE1 SUM SUM GIVEN OK_ASSERT TAIL,
	  "r.xml:4:6: error: a second `<summary>` in `<rule>`; a rule has "
	  "one" },
	{ HEAD RULE1 SUM OK_ASSERT TAIL,
	  "r.xml:4:6: error: `<assert>` before any `<given>`; `<given "
	  "select>` says which nodes the assertions check" },
	{ HEAD RULE1 SUM GIVEN TAIL,
	  "r.xml:2:4: error: `<rule>` has no `<assert>`" },
	{ HEAD RULE1 SUM TAIL,
	  "r.xml:2:4: error: `<rule>` has no `<given select>`" },
	{ HEAD RULE1 TAIL, "r.xml:2:4: error: `<rule>` has no `<summary>`" },
	{ HEAD RULE1 SUM GIVEN OK_ASSERT "    <doc>x</doc>\n" TAIL,
	  "r.xml:6:6: error: `<doc>` after `<assert>`; the children of "
	  "`<rule>` come in the order `<summary>`, `<doc>`, `<given>`, "
	  "`<assert>`" },
	{ HEAD RULE1 "    <summary>  </summary>\n" GIVEN OK_ASSERT TAIL,
	  "r.xml:3:6: error: `<summary>` is empty; give the rule's summary in "
	  "one line" },
	{ HEAD RULE1 "    <summary>a\n b</summary>\n" GIVEN OK_ASSERT TAIL,
	  "r.xml:3:14: error: `<summary>` is more than one line; it is the "
	  "rule's one-line summary (`<doc>` takes the rest)" },
	{ HEAD RULE1 "    <summary>a <b>c</b></summary>\n" GIVEN OK_ASSERT TAIL,
	  "r.xml:3:17: error: `<summary>` holds text only; write `<` as "
	  "`&lt;`" },
	{ HEAD RULE1 SUM "    <given/>\n" OK_ASSERT TAIL,
	  "r.xml:4:6: error: `<given>` needs a `select` attribute" },
	{ HEAD RULE1 SUM "    <given select=\".\">x</given>\n" OK_ASSERT TAIL,
	  "r.xml:4:23: error: text inside `<given>`" },
	{ HEAD RULE1 SUM
	  "    <given select=\".\"><x/></given>\n" OK_ASSERT TAIL,
	  "r.xml:4:24: error: `<given>` takes no child elements" },
	{ HEAD RULE1 SUM "    <doc lang=\"en\">x</doc>\n" GIVEN OK_ASSERT TAIL,
	  "r.xml:4:10: error: unknown attribute `lang` on `<doc>`; it takes "
	  "none" },
	/* <assert> */
	{ WITH_ASSERT("<assert/>"),
	  "r.xml:5:6: error: `<assert>` has nothing to assert; give one of "
	  "exists, absent, pattern, not-pattern, enum, min-length, "
	  "max-length, count-min or count-max (with of), unique or test" },
	{ WITH_ASSERT("<assert message=\"m\"/>"),
	  "r.xml:5:6: error: `<assert>` has nothing to assert; give one of "
	  "exists, absent, pattern, not-pattern, enum, min-length, "
	  "max-length, count-min or count-max (with of), unique or test" },
	{ WITH_ASSERT("<assert exits=\"a\"/>"),
	  "r.xml:5:13: error: unknown attribute `exits` on `<assert>`; did "
	  "you mean `exists`?" },
	{ WITH_ASSERT("<assert exists=\"a\" pattern=\"b\"/>"),
	  "r.xml:5:24: error: `<assert>` has both `exists` and `pattern`; "
	  "give one assertion per `<assert>`" },
	{ WITH_ASSERT("<assert min-length=\"1\" count-max=\"2\" of=\"x\"/>"),
	  "r.xml:5:28: error: `<assert>` has both `min-length` and "
	  "`count-max`; give one assertion per `<assert>`" },
	{ WITH_ASSERT("<assert count-min=\"1\"/>"),
	  "r.xml:5:13: error: `count-min` needs `of`, the XPath of the nodes "
	  "to count" },
	{ WITH_ASSERT("<assert of=\"a\" exists=\"b\"/>"),
	  "r.xml:5:13: error: `of` goes with `count-min` or `count-max`, "
	  "which `<assert>` does not have" },
	{ WITH_ASSERT("<assert min-length=\"5\" max-length=\"2\"/>"),
	  "r.xml:5:40: error: `min-length` (5) is greater than `max-length` "
	  "(2)" },
	{ WITH_ASSERT("<assert count-max=\"2\" of=\"x\" count-min=\"3\"/>"),
	  "r.xml:5:45: error: `count-min` (3) is greater than `count-max` "
	  "(2)" },
	{ WITH_ASSERT("<assert min-length=\"-1\"/>"),
	  "r.xml:5:25: error: `min-length` is `-1`; give a whole number, 0 or "
	  "more" },
	{ WITH_ASSERT("<assert max-length=\"\"/>"),
	  "r.xml:5:25: error: `max-length` is ``; give a whole number, 0 or "
	  "more" },
	{ WITH_ASSERT("<assert max-length=\"99999999999999999999999\"/>"),
	  "r.xml:5:25: error: `max-length` is too large" },
	{ WITH_ASSERT("<assert enum=\"  \"/>"),
	  "r.xml:5:19: error: `enum` is empty; give the allowed values "
	  "separated by spaces" },
	{ WITH_ASSERT("<assert exists=\"a\">x</assert>"),
	  "r.xml:5:24: error: text inside `<assert>`" },
	/* XPath, through libxml2 */
	{ HEAD RULE1 SUM "    <given select=\"/connector[\"/>\n" OK_ASSERT TAIL,
	  "r.xml:4:20: error: bad XPath in `select`: Invalid expression" },
	{ WITH_ASSERT("<assert test=\"\"/>"),
	  "r.xml:5:19: error: bad XPath in `test`: Invalid expression" },
	{ WITH_ASSERT("<assert exists=\"'a\"/>"),
	  "r.xml:5:21: error: bad XPath in `exists`: Unfinished literal" },
	{ WITH_ASSERT("<assert test=\"foo(1)\"/>"),
	  "r.xml:5:19: error: bad XPath in `test`: Unregistered function" },
	{ WITH_ASSERT("<assert absent=\"$v\"/>"),
	  "r.xml:5:21: error: bad XPath in `absent`: Undefined variable" },
	{ WITH_ASSERT("<assert unique=\"x:y\"/>"),
	  "r.xml:5:21: error: bad XPath in `unique`: Undefined namespace "
	  "prefix" },
	{ WITH_ASSERT("<assert count-min=\"1\" of=\"a[\"/>"),
	  "r.xml:5:31: error: bad XPath in `of`: Invalid expression" },
	{ HEAD RULE1 SUM "    <given select=\"count(//a)\"/>\n" OK_ASSERT TAIL,
	  "r.xml:4:20: error: bad XPath in `select`: `count(//a)` gives a "
	  "number, not nodes" },
	{ WITH_ASSERT("<assert count-max=\"1\" of=\"'x'\"/>"),
	  "r.xml:5:31: error: bad XPath in `of`: `'x'` gives a string, not "
	  "nodes" },
	{ WITH_ASSERT("<assert count-max=\"1\" of=\"1 = 1\"/>"),
	  "r.xml:5:31: error: bad XPath in `of`: `1 = 1` gives a boolean, not "
	  "nodes" },
	/* patterns, through PCRE2 */
	{ WITH_ASSERT("<assert pattern=\"a(b|c\"/>"),
	  "r.xml:5:27: error: bad regular expression in `pattern`: missing "
	  "closing parenthesis (at character 5)" },
	/* the offset counted in the raw text, past the entity */
	{ WITH_ASSERT("<assert pattern=\"&lt;(b|c\"/>"),
	  "r.xml:5:30: error: bad regular expression in `pattern`: missing "
	  "closing parenthesis (at character 5)" },
	/* a character reference: two bytes of the value, six of the file */
	{ WITH_ASSERT("<assert pattern=\"&#xe9;(\"/>"),
	  "r.xml:5:29: error: bad regular expression in `pattern`: missing "
	  "closing parenthesis (at character 2)" },
	{ WITH_ASSERT("<assert not-pattern=\"ab[c\"/>"),
	  "r.xml:5:30: error: bad regular expression in `not-pattern`: "
	  "missing terminating ] for character class (at character 4)" },
	{ WITH_ASSERT("<assert pattern=\"a**\"/>"),
	  "r.xml:5:24: error: bad regular expression in `pattern`: quantifier "
	  "does not follow a repeatable item (at character 2)" },
	/* message templates */
	{ WITH_ASSERT("<assert exists=\"a\" message=\"x {a\"/>"),
	  "r.xml:5:35: error: unclosed `{` in `message`; write `{{` for a "
	  "literal brace" },
	{ WITH_ASSERT("<assert exists=\"a\" message=\"x } a\"/>"),
	  "r.xml:5:35: error: lone `}` in `message`; write `}}` for a literal "
	  "brace" },
	{ WITH_ASSERT("<assert exists=\"a\" message=\"x {} a\"/>"),
	  "r.xml:5:35: error: empty `{}` in `message`; put an XPath between "
	  "the braces, or write `{{}}` for literal braces" },
	{ WITH_ASSERT("<assert exists=\"a\" message=\"x {{}} {@id[} a\"/>"),
	  "r.xml:5:41: error: bad XPath in `message`: Invalid expression" },
	{ WITH_ASSERT("<assert exists=\"a\" message=\"&amp;{}\"/>"),
	  "r.xml:5:38: error: empty `{}` in `message`; put an XPath between "
	  "the braces, or write `{{}}` for literal braces" },
	/* <tests> */
	{ HEAD RULE1 SUM GIVEN OK_ASSERT END_RULE
	  "  <tests path=\"t\"/>\n  <tests path=\"u\"/></ruleset>",
	  "r.xml:8:4: error: a second `<tests>`; a ruleset has one (on line "
	  "7)" },
	{ HEAD RULE1 SUM GIVEN OK_ASSERT END_RULE
	  "  <tests path=\"t\"/>\n  <rule/></ruleset>",
	  "r.xml:8:4: error: `<rule>` after `<tests>`; `<tests>` comes after "
	  "the rules" },
	{ HEAD RULE1 SUM GIVEN OK_ASSERT END_RULE
	  "  <tests path=\"\"/></ruleset>",
	  "r.xml:7:16: error: `path` of `<tests>` is empty" },
	{ HEAD RULE1 SUM GIVEN OK_ASSERT END_RULE
	  "  <tests dir=\"t\"/></ruleset>",
	  "r.xml:7:10: error: unknown attribute `dir` on `<tests>`; it takes "
	  "`path`" },
};

START_TEST(bad_ruleset)
{
	char *error = NULL;
	struct cl_ruleset *rs = load(bad[_i].text, &error);

	ck_assert_msg(rs == NULL, "accepted: %s", bad[_i].text);
	ck_assert_msg(error && !strcmp(error, bad[_i].error),
	              "for %s\nexpected: %s\ngot:      %s", bad[_i].text,
	              bad[_i].error, error ? error : "(null)");
	free(error);
}
END_TEST

static const char valid[] =
    "<ruleset name=\"acme-marketplace\" prefix=\"ACME\">\n"
    "  <!-- a comment is fine -->\n"
    "  <rule id=\"ACME001\" slug=\"endpoint-host-not-allowed\" "
    "severity=\"error\">\n"
    "    <summary>  an endpoint URL outside api.acme.example </summary>\n"
    "    <doc>\n"
    "      Marketplace connectors call only the vendor's host.\n"
    "\n"
    "          indented code\n"
    "    </doc>\n"
    "    <given select=\"/connector/endpoints/endpoint/url\"/>\n"
    "    <assert pattern=\"^https://(\\{\\{[a-z_]+\\}\\}\\.)?"
    "api\\.acme\\.example/\"\n"
    "            message=\"endpoint `{../@id}` calls `{.}`\"/>\n"
    "  </rule>\n"
    "  <rule id=\"ACME0002\" slug=\"endpoint-entity-missing\" "
    "severity=\"warning\">\n"
    "    <summary>an endpoint without an entity</summary>\n"
    "    <given select=\"/connector/endpoints/endpoint\"/>\n"
    "    <given select=\"/connector/endpoint\"/>\n"
    "    <assert exists=\"@entity\"/>\n"
    "    <assert min-length=\"1\" max-length=\"10\" "
    "message=\"{{literal}}\"/>\n"
    "    <assert count-min=\"1\" of=\"url\"/>\n"
    "    <assert count-max=\"1\" of=\"url\"/>\n"
    "    <assert enum=\"a b&#x9;c\"/>\n"
    "    <assert unique=\"@id\"/>\n"
    "    <assert test=\"true()\"/>\n"
    "    <assert absent=\"@x\"/>\n"
    "    <assert not-pattern=\"x\"/>\n"
    "  </rule>\n"
    "  <tests path=\"acme-tests/\"/>\n"
    "</ruleset>\n";

START_TEST(valid_ruleset)
{
	char *error = NULL;
	struct cl_ruleset *rs = load(valid, &error);
	struct cl_rule *r;

	ck_assert_msg(rs != NULL, "%s", error);
	ck_assert_str_eq(cl_ruleset_name(rs), "acme-marketplace");
	ck_assert_str_eq(cl_ruleset_prefix(rs), "ACME");
	ck_assert_str_eq(cl_ruleset_display(rs), "r.xml");
	ck_assert_str_eq(cl_ruleset_tests_dir(rs), "/rs/acme-tests");
	ck_assert_uint_eq(cl_ruleset_rule_count(rs), 2);
	r = cl_ruleset_rule(rs, 0);
	ck_assert_str_eq(r->id, "ACME001");
	ck_assert_str_eq(r->slug, "endpoint-host-not-allowed");
	ck_assert_int_eq(r->severity, CL_SEV_ERROR);
	ck_assert_str_eq(r->summary,
	                 "an endpoint URL outside api.acme.example");
	/* the indentation the lines share removed, the rest kept */
	ck_assert_str_eq(r->doc,
	                 "Marketplace connectors call only the vendor's host.\n"
	                 "\n"
	                 "    indented code");
	ck_assert_ptr_eq(r->custom, rs);
	ck_assert_ptr_null(r->check);
	ck_assert_ptr_null(r->diff);
	ck_assert_int_eq(r->fix, CL_RULE_FIX_NONE);
	r = cl_ruleset_rule(rs, 1);
	ck_assert_str_eq(r->id, "ACME0002");
	ck_assert_str_eq(r->slug, "endpoint-entity-missing");
	ck_assert_int_eq(r->severity, CL_SEV_WARNING);
	ck_assert_str_eq(r->summary, "an endpoint without an entity");
	ck_assert_ptr_null(r->doc);
	/* references: the last one frees */
	cl_ruleset_ref(rs);
	cl_ruleset_unref(rs);
	ck_assert_str_eq(cl_ruleset_name(rs), "acme-marketplace");
	cl_ruleset_unref(rs);
	cl_ruleset_unref(NULL);
}
END_TEST

/* From a file: <tests path> against the file's folder, an absolute one
 * as it is; and the reasons a file cannot be read. */
START_TEST(ruleset_files)
{
	char *dir = make_temp_dir(), *path, *want, *error = NULL;
	struct cl_ruleset *rs;
	char *text = cl_strdup(valid);
	char *t = strstr(text, "acme-tests/");

	write_file(dir, "a.rules.xml", text);
	path = cl_xasprintf("%s/a.rules.xml", dir);
	rs = cl_ruleset_load(path, NULL, &error);
	ck_assert_msg(rs != NULL, "%s", error);
	want = cl_xasprintf("%s/acme-tests", dir);
	ck_assert_str_eq(cl_ruleset_tests_dir(rs), want);
	ck_assert_str_eq(cl_ruleset_display(rs), path);
	cl_ruleset_unref(rs);
	free(want);
	free(path);

	memcpy(t, "/abs/dir///", 11);
	write_file(dir, "b.rules.xml", text);
	path = cl_xasprintf("%s/b.rules.xml", dir);
	rs = cl_ruleset_load(path, "b.rules.xml", &error);
	ck_assert_msg(rs != NULL, "%s", error);
	ck_assert_str_eq(cl_ruleset_tests_dir(rs), "/abs/dir");
	ck_assert_str_eq(cl_ruleset_display(rs), "b.rules.xml");
	cl_ruleset_unref(rs);
	free(path);

	/* an error names the file as the caller shows it */
	write_file(dir, "c.rules.xml", "<ruleset/>");
	path = cl_xasprintf("%s/c.rules.xml", dir);
	ck_assert_ptr_null(cl_ruleset_load(path, "shown.xml", &error));
	ck_assert_str_eq(error,
	                 "shown.xml:1:2: error: `<ruleset>` needs a `name` "
	                 "attribute");
	free(error);
	free(path);

	ck_assert_ptr_null(
	    cl_ruleset_load("/nonexistent/x.rules.xml", "x.rules.xml", &error));
	ck_assert_str_eq(error,
	                 "x.rules.xml: error: No such file or directory");
	free(error);
	ck_assert_ptr_null(cl_ruleset_load(dir, NULL, &error));
	want = cl_xasprintf("%s: error: is a directory", dir);
	ck_assert_str_eq(error, want);
	free(want);
	free(error);
	free(text);
	remove_tree(dir);
}
END_TEST

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 100,000 rules: refused at the first one past the limit, at once. */
START_TEST(too_many_rules)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char *error = NULL;
	double t0;
	size_t i;

	cl_strbuf_adds(&sb, HEAD);
	for (i = 0; i < 100000; i++)
		cl_strbuf_addf(&sb, "<rule id=\"ACME%06zu\"/>\n", i);
	cl_strbuf_adds(&sb, "</ruleset>\n");
	ck_assert_uint_lt(sb.len, CL_RULESET_MAX_BYTES);
	t0 = now();
	ck_assert_ptr_null(load(cl_strbuf_str(&sb), &error));
	ck_assert_str_eq(error,
	                 "r.xml:1002:2: error: rule 1001: a ruleset holds at "
	                 "most 1000 rules; split it into several rulesets");
	ck_assert_msg(now() - t0 < 5.0, "took %.2f s", now() - t0);
	free(error);
	cl_strbuf_release(&sb);
}
END_TEST

/* Too big, too deep, too deeply nested an expression: an error, fast. */
START_TEST(bounded_input)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char *error = NULL, *big;
	double t0 = now();
	size_t i;

	big = cl_malloc(CL_RULESET_MAX_BYTES + 1);
	memset(big, ' ', CL_RULESET_MAX_BYTES + 1);
	ck_assert_ptr_null(cl_ruleset_load_memory(
	    "r.xml", NULL, big, CL_RULESET_MAX_BYTES + 1, &error));
	ck_assert_str_eq(error,
	                 "r.xml: error: larger than 4 MiB; not a ruleset file");
	free(error);
	free(big);

	/* elements nested 100,000 deep: the parser's depth limit */
	cl_strbuf_adds(&sb, HEAD);
	for (i = 0; i < 100000; i++)
		cl_strbuf_adds(&sb, "<rule>");
	ck_assert_ptr_null(load(cl_strbuf_str(&sb), &error));
	ck_assert_msg(!strncmp(error, "r.xml:", 6) &&
	                  strstr(error, ": error: not well-formed XML: "),
	              "%s", error);
	free(error);
	cl_strbuf_reset(&sb);

	/* an XPath nested 50,000 deep: libxml2's recursion limit */
	cl_strbuf_adds(&sb, HEAD RULE1 SUM "    <given select=\"");
	for (i = 0; i < 50000; i++)
		cl_strbuf_adds(&sb, "(");
	cl_strbuf_adds(&sb, "1");
	for (i = 0; i < 50000; i++)
		cl_strbuf_adds(&sb, ")");
	cl_strbuf_adds(&sb, "\"/>\n" OK_ASSERT TAIL);
	ck_assert_ptr_null(load(cl_strbuf_str(&sb), &error));
	ck_assert_msg(!strncmp(error,
	                       "r.xml:4:20: error: bad XPath in "
	                       "`select`: ",
	                       41),
	              "%s", error);
	free(error);
	cl_strbuf_reset(&sb);

	/* a pattern nested deeper than PCRE2 allows */
	cl_strbuf_adds(&sb, HEAD RULE1 SUM GIVEN "    <assert pattern=\"");
	for (i = 0; i < 10000; i++)
		cl_strbuf_adds(&sb, "(");
	for (i = 0; i < 10000; i++)
		cl_strbuf_adds(&sb, ")");
	cl_strbuf_adds(&sb, "\"/>\n" TAIL);
	ck_assert_ptr_null(load(cl_strbuf_str(&sb), &error));
	ck_assert_msg(!strncmp(error, "r.xml:5:", 8) &&
	                  strstr(error, ": error: bad regular expression in "
	                                "`pattern`: "),
	              "%s", error);
	free(error);
	cl_strbuf_release(&sb);
	ck_assert_msg(now() - t0 < 5.0, "took %.2f s", now() - t0);
}
END_TEST

/* The example of ../shared/spec/rulesets.md; and a NUL byte. */
START_TEST(spec_example_and_nul)
{
	static const char example[] =
	    "<ruleset name=\"acme-marketplace\" prefix=\"ACME\">\n"
	    "  <rule id=\"ACME001\" slug=\"endpoint-host-not-allowed\" "
	    "severity=\"error\">\n"
	    "    <summary>an endpoint URL outside api.acme.example</summary>\n"
	    "    <doc>Marketplace connectors may call only the vendor's "
	    "documented API host</doc>\n"
	    "    <given select=\"/connector/endpoints/endpoint/url\"/>\n"
	    "    <assert "
	    "pattern=\"^https://(\\{\\{[a-z_]+\\}\\}\\.)?api\\.acme\\.example/\"\n"
	    "            message=\"endpoint `{../@id}` calls `{.}`, outside "
	    "api.acme.example\"/>\n"
	    "  </rule>\n"
	    "  <rule id=\"ACME002\" slug=\"endpoint-entity-missing\" "
	    "severity=\"warning\">\n"
	    "    <summary>an endpoint without an entity</summary>\n"
	    "    <given select=\"/connector/endpoints/endpoint\"/>\n"
	    "    <assert exists=\"@entity\" message=\"endpoint `{@id}` has no "
	    "entity: flows cannot group it\"/>\n"
	    "  </rule>\n"
	    "  <tests path=\"acme-tests/\"/>\n"
	    "</ruleset>\n";
	char *error = NULL;
	struct cl_ruleset *rs = load(example, &error);

	ck_assert_msg(rs != NULL, "%s", error);
	ck_assert_uint_eq(cl_ruleset_rule_count(rs), 2);
	ck_assert_str_eq(cl_ruleset_rule(rs, 0)->doc,
	                 "Marketplace connectors may call only the vendor's "
	                 "documented API host");
	cl_ruleset_unref(rs);

	ck_assert_ptr_null(cl_ruleset_load_memory(
	    "r.xml", NULL, "<ruleset>\0</ruleset>", 20, &error));
	ck_assert_str_eq(
	    error, "r.xml:1:10: error: NUL byte: this is not a text file");
	free(error);
}
END_TEST

/* ---- evaluation ---- */

struct fixture {
	struct cl_ctx ctx;
	struct cl_ruleset *rs;
	unsigned char enabled[16], severity[16];
};

/*
 * Loads RULES, parses CONNECTOR and checks it with every rule on (rule I
 * at registry position I, as the registry would place it), except those
 * OFF names (a string of IDs, or NULL).
 */
static void
run_rules(struct fixture *f, const char *rules, const char *connector,
          const char *off)
{
	struct cl_xml_error xerr;
	char *error = NULL;
	size_t i;

	memset(f, 0, sizeof(*f));
	f->rs = load(rules, &error);
	ck_assert_msg(f->rs != NULL, "%s", error);
	ck_assert_uint_le(cl_ruleset_rule_count(f->rs), sizeof(f->enabled));
	for (i = 0; i < cl_ruleset_rule_count(f->rs); i++) {
		struct cl_rule *r = cl_ruleset_rule(f->rs, i);

		r->index = i;
		f->enabled[i] = !(off && strstr(off, r->id));
		f->severity[i] = (unsigned char)r->severity;
	}
	f->ctx.name = "c.xml";
	f->ctx.buf = connector;
	f->ctx.len = strlen(connector);
	ck_assert_msg(cl_xml_parse(&f->ctx.arena, connector, f->ctx.len,
	                           &f->ctx.doc, &xerr) != NULL,
	              "%s", xerr.message);
	f->ctx.enabled = f->enabled;
	f->ctx.severity = f->severity;
	cl_ruleset_check(f->rs, &f->ctx);
}

static void
fixture_release(struct fixture *f)
{
	cl_diag_sink_release(&f->ctx.sink);
	cl_arena_release(&f->ctx.arena);
	cl_ruleset_unref(f->rs);
}

/* "L:C-L:C" of SPAN in F's connector. */
static void
add_span(struct cl_strbuf *sb, const struct fixture *f, struct cl_span s)
{
	unsigned l1, c1, l2, c2, b;

	cl_offset_position(f->ctx.buf, f->ctx.len, s.start, &l1, &c1, &b);
	cl_offset_position(f->ctx.buf, f->ctx.len, s.end, &l2, &c2, &b);
	cl_strbuf_addf(sb, "%u:%u-%u:%u", l1, c1, l2, c2);
}

/* Every diagnostic, in the order reported, one a line: "L:C-L:C ID
 * severity: message", each related location on a line of its own
 * starting "  + ". Caller frees. */
static char *
diags(const struct fixture *f)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, k;

	for (i = 0; i < f->ctx.sink.n; i++) {
		const struct cl_diag *d = &f->ctx.sink.items[i];

		add_span(&sb, f, d->span);
		cl_strbuf_addf(&sb, " %s %s: %s\n", d->rule->id,
		               cl_severity_name(d->severity), d->message);
		for (k = 0; k < d->nrelated; k++) {
			cl_strbuf_adds(&sb, "  + ");
			add_span(&sb, f, d->related[k].span);
			cl_strbuf_addf(&sb, " %s\n", d->related[k].message);
		}
	}
	return cl_strbuf_detach(&sb);
}

#define EXPECT(f, want)                                                       \
	do {                                                                  \
		char *got_ = diags(f);                                        \
		ck_assert_msg(!strcmp(got_, want), "expected:\n%s\ngot:\n%s", \
		              (const char *)want, got_);                      \
		free(got_);                                                   \
	} while (0)

static const char connector[] =
    /*  1 */ "<connector format=\"1\" name=\"shop\">\n"
             /*  2 */ "  <endpoints>\n"
             /*  3 */ "    <endpoint id=\"list\" name=\"List\" method=\"GET\">\n"
             /*  4 */ "      <url>https://api.acme.example/orders</url>\n"
             /*  5 */ "    </endpoint>\n"
             /*  6 */ "    <endpoint id=\"get\" name=\"D\xc3\xa9\" method=\"POST\" "
             "entity=\"order\">\n"
             /*  7 */ "      <url>https://evil.example/x</url>\n"
             /*  8 */ "    </endpoint>\n"
             /*  9 */ "    <endpoint id=\"list\" name=\"Dup\">\n"
             /* 10 */ "      <url>  http://x  </url>\n"
             /* 11 */ "    </endpoint>\n"
             /* 12 */ "  </endpoints>\n"
             /* 13 */ "</connector>\n";

#define RS(rules) \
	"<ruleset name=\"acme\" prefix=\"ACME\">\n" rules "</ruleset>\n"
/* Rule ACMEnnn, slug rnnn. */
#define R(n, sev, given, asserts)                                       \
	"<rule id=\"ACME" n "\" slug=\"r" n "\" severity=\"" sev "\">"  \
	"<summary>summary of ACME" n "</summary><given select=\"" given \
	"\"/>" asserts "</rule>\n"

START_TEST(exists_and_absent)
{
	struct fixture f;

	run_rules(&f,
	          RS(R("001", "warning", "//endpoint",
	               "<assert exists=\"@entity\" message=\"endpoint `{@id}` "
	               "has no entity\"/>")
	                 R("002", "info", "//endpoint",
	                   "<assert absent=\"@name[. = 'Dup']\"/>")
	             /* a non-node-set result counts as a boolean */
	             R("003", "error", "/connector",
	               "<assert exists=\"count(//url) > 5\"/>"
	               "<assert absent=\"string(@name)\"/>")),
	          connector, NULL);
	EXPECT(&f, "3:6-3:14 ACME001 warning: endpoint `list` has no entity\n"
	           "9:6-9:14 ACME001 warning: endpoint `list` has no entity\n"
	           "9:6-9:14 ACME002 info: summary of ACME002\n"
	           "1:2-1:11 ACME003 error: summary of ACME003\n"
	           "1:2-1:11 ACME003 error: summary of ACME003\n");
	fixture_release(&f);
}
END_TEST

START_TEST(patterns_and_text_positions)
{
	struct fixture f;

	run_rules(&f,
	          RS(R("001", "error", "/connector/endpoints/endpoint/url",
	               "<assert pattern=\"^https://api\\.acme\\.example/\" "
	               "message=\"endpoint `{../@id}` calls `{.}`\"/>")
	                 R("002", "error", "//endpoint/@method",
	                   "<assert not-pattern=\"^POST$\"/>")
	             /* a text node points at its element's text */
	             R("003", "error", "//url/text()",
	               "<assert pattern=\"^\\S+$\" message=\"`{.}`\"/>")),
	          connector, NULL);
	EXPECT(&f,
	       "7:12-7:34 ACME001 error: endpoint `get` calls "
	       "`https://evil.example/x`\n"
	       "10:14-10:22 ACME001 error: endpoint `list` calls `  http://x  "
	       "`\n"
	       "6:42-6:46 ACME002 error: summary of ACME002\n"
	       "10:14-10:22 ACME003 error: `  http://x  `\n");
	fixture_release(&f);
}
END_TEST

START_TEST(enum_and_lengths)
{
	struct fixture f;

	run_rules(&f,
	          RS(R("001", "error", "//@method",
	               "<assert enum=\"GET  PUT\" message=\"method {.}\"/>")
	             /* characters, not bytes: "Dé" is two */
	             R("002", "error", "//endpoint/@name",
	               "<assert max-length=\"2\"/>")
	                 R("003", "error", "//endpoint/@id",
	                   "<assert min-length=\"4\" max-length=\"4\"/>")
	             /* an element's string value: at its text */
	             R("004", "error", "//url", "<assert max-length=\"22\"/>")
	             /* an element with no text of its own: at its name */
	             R("005", "error", "//endpoints",
	               "<assert min-length=\"1000\"/>")),
	          connector, NULL);
	EXPECT(&f, "6:42-6:46 ACME001 error: method POST\n"
	           "3:31-3:35 ACME002 error: summary of ACME002\n"
	           "9:31-9:34 ACME002 error: summary of ACME002\n"
	           "6:19-6:22 ACME003 error: summary of ACME003\n"
	           "4:12-4:43 ACME004 error: summary of ACME004\n"
	           "2:4-2:13 ACME005 error: summary of ACME005\n");
	fixture_release(&f);
}
END_TEST

START_TEST(counts)
{
	struct fixture f;

	run_rules(
	    &f,
	    RS(R("001", "error", "//endpoints",
	         "<assert count-max=\"2\" of=\"endpoint\" "
	         "message=\"{count(endpoint)} endpoints, at most 2\"/>"
	         "<assert count-min=\"3\" of=\"endpoint\"/>"
	         "<assert count-min=\"1\" count-max=\"3\" of=\"*\"/>")
	           R("002", "error", "//endpoint",
	             "<assert count-min=\"1\" count-max=\"1\" of=\"url\"/>"
	             "<assert count-min=\"2\" of=\"@*\"/>"
	             "<assert count-min=\"4\" of=\"@*\" message=\"{@id} has "
	             "{count(@*)}\"/>")),
	    connector, NULL);
	EXPECT(&f, "2:4-2:13 ACME001 error: 3 endpoints, at most 2\n"
	           "3:6-3:14 ACME002 error: list has 3\n"
	           "9:6-9:14 ACME002 error: list has 2\n");
	fixture_release(&f);
}
END_TEST

START_TEST(unique_with_related)
{
	struct fixture f;

	run_rules(
	    &f,
	    RS(R("001", "error", "//endpoint",
	         "<assert unique=\"@id\" message=\"endpoint id `{@id}` "
	         "again\"/>")
	       /* attributes selected: at their values */
	       R("002", "error", "//endpoint/@id", "<assert unique=\".\"/>")
	           R("003", "error", "//endpoint/@name",
	             "<assert unique=\".\"/>")),
	    connector, NULL);
	EXPECT(&f, "9:6-9:14 ACME001 error: endpoint id `list` again\n"
	           "  + 3:6-3:14 first `list` here\n"
	           "9:19-9:23 ACME002 error: summary of ACME002\n"
	           "  + 3:19-3:23 first `list` here\n");
	fixture_release(&f);
}
END_TEST

START_TEST(tests_and_templates)
{
	struct fixture f;

	run_rules(&f,
	          RS(R("001", "error", "//endpoint",
	               "<assert test=\"starts-with(url, 'https://')\" "
	               "message=\"{{literal}} {@id}: {{{url}}} }}{{\"/>")
	                 R("002", "error", "//endpoint",
	                   "<assert test=\"@id\" message=\"never\"/>")
	             /* the document node: at the root element */
	             R("003", "error", "/",
	               "<assert test=\"false()\" message=\"[{name(*)}]"
	               "[{@nothing}]\"/>")),
	          connector, NULL);
	EXPECT(&f, "9:6-9:14 ACME001 error: {literal} list: {  http://x  } "
	           "}{\n"
	           "1:2-1:11 ACME003 error: [connector][]\n");
	fixture_release(&f);
}
END_TEST

/* Several givens add up: each node once, in document order; a disabled
 * rule is not run; the configured severity applies. */
START_TEST(givens_and_settings)
{
	struct fixture f;

	run_rules(
	    &f,
	    RS(R("001", "warning", "//url[contains(., 'evil')]",
	         "<given select=\"//endpoint/url\"/>"
	         "<given select=\"/connector/endpoints/endpoint[1]/url\"/>"
	         "<assert test=\"false()\" message=\"{../@id}\"/>")
	           R("002", "error", "//*", "<assert test=\"false()\"/>")),
	    connector, "ACME002");
	EXPECT(&f, "4:8-4:11 ACME001 warning: list\n"
	           "7:8-7:11 ACME001 warning: get\n"
	           "10:8-10:11 ACME001 warning: list\n");
	fixture_release(&f);
}
END_TEST

/* A connector of N endpoints (malloc'd, caller frees). */
static char *
many_endpoints(size_t n)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	cl_strbuf_adds(&sb, "<connector name=\"x\">\n<endpoints>\n");
	for (i = 0; i < n; i++)
		cl_strbuf_addf(
		    &sb, "<endpoint id=\"e%zu\"><url>u</url></endpoint>\n", i);
	cl_strbuf_adds(&sb, "</endpoints>\n</connector>\n");
	return cl_strbuf_detach(&sb);
}

/* An exponential XPath stops its rule with one error, and the next rule
 * still runs. */
START_TEST(xpath_op_limit)
{
	struct fixture f;
	char *doc = many_endpoints(300);
	double t0 = now();

	run_rules(
	    &f,
	    RS(R("001", "info", "//*[count(//*[count(//*)>0])>0]",
	         "<assert test=\"false()\"/>")
	           R("002", "info", "/connector",
	             "<assert test=\"count(//*[count(//*[count(//*)>0])>0])"
	             " = 0\"/>") R("003", "warning", "/connector",
	                           "<assert exists=\"@nothing\"/>")),
	    doc, NULL);
	EXPECT(&f, "1:2-1:11 ACME001 error: rule stopped: the XPath "
	           "`//*[count(//*[count(//*)>0])>0]` exceeded its limit of "
	           "100000 operations\n"
	           "1:2-1:11 ACME002 error: rule stopped: the XPath "
	           "`count(//*[count(//*[count(//*)>0])>0]) = 0` exceeded its "
	           "limit of 100000 operations\n"
	           "1:2-1:11 ACME003 warning: summary of ACME003\n");
	ck_assert_msg(now() - t0 < 5.0, "took %.2f s", now() - t0);
	fixture_release(&f);
	free(doc);
}
END_TEST

/* A catastrophic pattern stops its rule with one error. */
START_TEST(regex_match_limit)
{
	struct fixture f;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	double t0 = now();
	size_t i;

	cl_strbuf_adds(&sb, "<connector name=\"x\">\n");
	for (i = 0; i < 20; i++) {
		cl_strbuf_adds(&sb, "<url>");
		for (size_t k = 0; k < 5000; k++)
			cl_strbuf_addch(&sb, 'a');
		cl_strbuf_adds(&sb, "!</url>\n");
	}
	cl_strbuf_adds(&sb, "</connector>\n");
	run_rules(
	    &f,
	    RS(R("001", "info", "//url", "<assert not-pattern=\"^(a|a)+$\"/>")
	           R("002", "info", "//url",
	             "<assert pattern=\"^(\\w+\\s?)*$\"/>")
	               R("003", "info", "//url", "<assert pattern=\"!$\"/>")),
	    cl_strbuf_str(&sb), NULL);
	EXPECT(&f, "1:2-1:11 ACME001 error: rule stopped: the pattern "
	           "`^(a|a)+$` exceeded its match limit\n"
	           "1:2-1:11 ACME002 error: rule stopped: the pattern "
	           "`^(\\w+\\s?)*$` exceeded its match limit\n");
	ck_assert_msg(now() - t0 < 5.0, "took %.2f s", now() - t0);
	fixture_release(&f);
	cl_strbuf_release(&sb);
}
END_TEST

/* An evaluation error (not found when loading: the call is not reached
 * on the trial document) stops the rule too, and prints nothing. */
START_TEST(evaluation_error)
{
	struct fixture f;

	run_rules(&f,
	          RS(R("001", "info", "//endpoint",
	               "<assert test=\"not(@entity) or nope()\"/>")),
	          connector, NULL);
	EXPECT(&f, "1:2-1:11 ACME001 error: rule stopped: the XPath "
	           "`not(@entity) or nope()` failed: Unregistered function\n");
	fixture_release(&f);
}
END_TEST

/* Cheap evaluations over many nodes add up to the rule's own limit,
 * streamed location paths included. */
START_TEST(rule_op_limit)
{
	struct fixture f;
	char *doc = many_endpoints(20000);
	double t0 = now();

	run_rules(
	    &f,
	    RS(R("001", "info", "//endpoint",
	         "<assert test=\"count(//*) > 0\"/>")
	           R("002", "info", "//endpoint",
	             "<assert exists=\"//endpoint\"/>")
	               R("003", "info", "//endpoint",
	                 "<assert exists=\"@id\"/><assert absent=\"url[2]\"/>")),
	    doc, NULL);
	EXPECT(&f, "1:2-1:11 ACME001 error: rule stopped: its XPath "
	           "evaluations exceeded their limit of 10000000 operations "
	           "for one file\n"
	           "1:2-1:11 ACME002 error: rule stopped: its XPath "
	           "evaluations exceeded their limit of 10000000 operations "
	           "for one file\n");
	ck_assert_msg(now() - t0 < 5.0, "took %.2f s", now() - t0);
	fixture_release(&f);
	free(doc);
}
END_TEST

/* Braces inside an XPath string literal of a template are the
 * literal's. */
START_TEST(template_literals)
{
	struct fixture f;

	run_rules(&f,
	          RS(R("001", "info", "//endpoint[1]",
	               "<assert test=\"false()\" message=\"{concat('}', @id, "
	               "&quot;{&quot;)}\"/>")),
	          connector, NULL);
	EXPECT(&f, "3:6-3:14 ACME001 info: }list{\n");
	fixture_release(&f);
}
END_TEST

struct thread_arg {
	const struct cl_ruleset *rs;
	char *got;
};

/* One file checked with RS in a thread of its own. */
static void *
check_in_thread(void *p)
{
	struct thread_arg *t = p;
	struct fixture f;
	struct cl_xml_error xerr;
	size_t i;

	memset(&f, 0, sizeof(f));
	for (i = 0; i < sizeof(f.enabled); i++)
		f.enabled[i] = 1;
	f.ctx.buf = connector;
	f.ctx.len = strlen(connector);
	if (!cl_xml_parse(&f.ctx.arena, connector, f.ctx.len, &f.ctx.doc,
	                  &xerr))
		return NULL;
	f.ctx.enabled = f.enabled;
	f.ctx.severity = f.severity;
	for (i = 0; i < 50; i++) {
		cl_diag_sink_release(&f.ctx.sink);
		cl_ruleset_check(t->rs, &f.ctx);
	}
	t->got = diags(&f);
	cl_diag_sink_release(&f.ctx.sink);
	cl_arena_release(&f.ctx.arena);
	return NULL;
}

/* Worker threads share one loaded ruleset. */
START_TEST(shared_by_threads)
{
	struct fixture f;
	struct thread_arg t[4];
	pthread_t th[4];
	char *want;
	size_t i;

	run_rules(&f,
	          RS(R("001", "info", "//endpoint",
	               "<assert unique=\"@id\" message=\"{@id}\"/>"
	               "<assert pattern=\"^[a-z]+$\" message=\"{name()}\"/>"
	               "<assert test=\"string-length(@id) > 3\"/>")),
	          connector, NULL);
	want = diags(&f);
	ck_assert_str_ne(want, "");
	for (i = 0; i < 4; i++) {
		t[i].rs = f.rs;
		t[i].got = NULL;
		ck_assert_int_eq(
		    pthread_create(&th[i], NULL, check_in_thread, &t[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		ck_assert_ptr_nonnull(t[i].got);
		ck_assert_str_eq(t[i].got, want);
		free(t[i].got);
	}
	free(want);
	fixture_release(&f);
}
END_TEST

/* No rule enabled: nothing is built or run. */
START_TEST(nothing_enabled)
{
	struct fixture f;

	run_rules(&f,
	          RS(R("001", "error", "//*", "<assert test=\"false()\"/>")),
	          connector, "ACME001");
	EXPECT(&f, "");
	fixture_release(&f);
}
END_TEST

static Suite *
ruleset_suite(void)
{
	Suite *s = suite_create("ruleset");
	TCase *tc = tcase_create("load");
	TCase *ev = tcase_create("evaluate");

	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, bad_ruleset, 0, (int)CL_ARRAY_SIZE(bad));
	tcase_add_test(tc, valid_ruleset);
	tcase_add_test(tc, ruleset_files);
	tcase_add_test(tc, too_many_rules);
	tcase_add_test(tc, bounded_input);
	tcase_add_test(tc, spec_example_and_nul);
	suite_add_tcase(s, tc);
	tcase_set_timeout(ev, 30);
	tcase_add_test(ev, exists_and_absent);
	tcase_add_test(ev, patterns_and_text_positions);
	tcase_add_test(ev, enum_and_lengths);
	tcase_add_test(ev, counts);
	tcase_add_test(ev, unique_with_related);
	tcase_add_test(ev, tests_and_templates);
	tcase_add_test(ev, givens_and_settings);
	tcase_add_test(ev, xpath_op_limit);
	tcase_add_test(ev, regex_match_limit);
	tcase_add_test(ev, evaluation_error);
	tcase_add_test(ev, nothing_enabled);
	tcase_add_test(ev, rule_op_limit);
	tcase_add_test(ev, template_literals);
	tcase_add_test(ev, shared_by_threads);
	suite_add_tcase(s, ev);
	return s;
}

CL_CHECK_MAIN(ruleset_suite)
