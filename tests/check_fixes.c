/*
 * Automatic fixes, on the rule side: each fix is applied here by a small
 * splice of its edits into the original bytes (the real applier is the
 * session's), and the result is pinned byte for byte. Every case then
 * lints the result again: the finding is gone, and (for a clean template
 * with one mistake) nothing else is reported. Line endings, a byte order
 * mark, tabs, references, comments, quotes and non-ASCII text around an
 * edit survive it.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalogue.h"
#include "connlint.h"
#include "ctx.h"
#include "diag.h"
#include "fix.h"
#include "lib/check_main.h"
#include "lib/connectors.h"
#include "lib/diag.h"
#include "util.h"
#include "xml.h"

static cl_linter *linter;

static void
setup(void)
{
	linter = cl_linter_new();
}

static void
teardown(void)
{
	cl_linter_free(linter);
}

/* The NULL-terminated LINES as one document, each line ended by EOL.
 * Caller frees. */
static char *
join(const char *const *lines, const char *eol)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	for (; *lines; lines++) {
		cl_strbuf_adds(&sb, *lines);
		cl_strbuf_adds(&sb, eol);
	}
	return cl_strbuf_detach(&sb);
}

/* DOC (freed) with its first FROM replaced by TO. Caller frees. */
static char *
subst(char *doc, const char *from, const char *to)
{
	char *at = strstr(doc, from), *out;

	ck_assert_msg(at != NULL, "no '%s' in the document", from);
	out = cl_xasprintf("%.*s%s%s", (int)(at - doc), doc, to,
	                   at + strlen(from));
	free(doc);
	return out;
}

/* A copy of DOC with its first FROM replaced by TO (DOC stays). Caller
 * frees. */
static char *
with(const char *doc, const char *from, const char *to)
{
	return subst(cl_strdup(doc), from, to);
}

/* DOC (freed) with every "\n" made "\r\n". Caller frees. */
static char *
crlf(char *doc)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *p;

	for (p = doc; *p; p++) {
		if (*p == '\n')
			cl_strbuf_addch(&sb, '\r');
		cl_strbuf_addch(&sb, *p);
	}
	free(doc);
	return cl_strbuf_detach(&sb);
}

/* DOC (freed) after a UTF-8 byte order mark. Caller frees. */
static char *
bom(char *doc)
{
	char *out = cl_xasprintf("\xEF\xBB\xBF%s", doc);

	free(doc);
	return out;
}

struct edit {
	size_t start, end;
	const char *text;
};

static int
cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/*
 * BEFORE with the edits of the fixes of every diagnostic of RULE in R
 * spliced in, in start order; an edit repeated by two diagnostics (one
 * default read by two methods) counts once, and overlapping edits fail
 * the test. Checks that every byte outside the edits is where it was.
 * Caller frees.
 */
static char *
apply(const char *before, const cl_result *r, const char *rule)
{
	struct edit *e = NULL;
	size_t n = 0, alloc = 0, i, j, k, pos = 0, len = strlen(before);
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char *out;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		if (strcmp(cl_rule_id(cl_diag_rule(d)), rule))
			continue;
		for (j = 0; j < cl_diag_fix_edit_count(d); j++) {
			CL_GROW(e, n + 1, alloc);
			e[n].text =
			    cl_diag_fix_edit(d, j, &e[n].start, &e[n].end);
			ck_assert_ptr_nonnull(e[n].text);
			ck_assert_uint_le(e[n].start, e[n].end);
			ck_assert_uint_le(e[n].end, len);
			n++;
		}
	}
	qsort(e, n, sizeof(*e), cmp_edit);
	for (i = k = 0; i < n; i++) {
		if (k && e[k - 1].start == e[i].start &&
		    e[k - 1].end == e[i].end &&
		    !strcmp(e[k - 1].text, e[i].text))
			continue;
		ck_assert_msg(!k || e[k - 1].end <= e[i].start,
		              "edits %zu-%zu and %zu-%zu overlap",
		              e[k - 1].start, e[k - 1].end, e[i].start,
		              e[i].end);
		e[k++] = e[i];
	}
	for (i = 0; i < k; i++) {
		cl_strbuf_add(&sb, before + pos, e[i].start - pos);
		cl_strbuf_adds(&sb, e[i].text);
		pos = e[i].end;
	}
	cl_strbuf_add(&sb, before + pos, len - pos);
	out = cl_strbuf_detach(&sb);
	/* Outside the edits, the bytes of BEFORE, in order. */
	for (i = 0, pos = 0, j = 0; i <= k; i++) {
		size_t upto = i < k ? e[i].start : len;

		ck_assert_msg(!memcmp(out + j, before + pos, upto - pos),
		              "bytes %zu-%zu changed", pos, upto);
		j += upto - pos;
		if (i < k) {
			j += strlen(e[i].text);
			pos = e[i].end;
		}
	}
	ck_assert_uint_eq(j, strlen(out));
	free(e);
	return out;
}

/* The rule IDs R reports, space-separated. Caller frees. */
static char *
rules_of(const cl_result *r)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	for (i = 0; i < cl_result_count(r); i++)
		cl_strbuf_addf(&sb, "%s%s", i ? " " : "",
		               cl_rule_id(cl_diag_rule(cl_result_diag(r, i))));
	return sb.buf ? cl_strbuf_detach(&sb) : cl_strdup("");
}

/*
 * Lints BEFORE (freed), expects every diagnostic of RULE to carry a fix of
 * applicability A, the first one titled TITLE, applies them and expects
 * AFTER (freed) byte for byte. AFTER then lints without RULE, and reports
 * exactly LEFT ("" for clean) when LEFT is not NULL.
 */
static void
expect_fixed(const char *rule, char *before, enum cl_fix_applicability a,
             const char *title, char *after, const char *left)
{
	cl_result *r = cl_lint_memory(linter, "t.xml", before, strlen(before));
	size_t i, n = 0;
	char *got, *rest;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		if (strcmp(cl_rule_id(cl_diag_rule(d)), rule))
			continue;
		ck_assert_msg(cl_diag_has_fix(d), "%s without a fix: %s", rule,
		              cl_diag_message(d));
		ck_assert_int_eq(cl_diag_fix_applicability(d), a);
		ck_assert_uint_gt(cl_diag_fix_edit_count(d), 0);
		if (!n++ && title)
			ck_assert_str_eq(cl_diag_fix_title(d), title);
	}
	if (!n)
		dump(r);
	ck_assert_msg(n > 0, "%s does not fire", rule);
	got = apply(before, r, rule);
	ck_assert_msg(!strcmp(got, after), "fixed:\n%s\nwant:\n%s", got, after);
	cl_result_free(r);
	r = cl_lint_memory(linter, "fixed.xml", got, strlen(got));
	rest = rules_of(r);
	if (count(r, rule) || (left && strcmp(rest, left)))
		dump(r);
	ck_assert_msg(!count(r, rule), "%s still fires after its fix", rule);
	if (left)
		ck_assert_str_eq(rest, left);
	cl_result_free(r);
	free(rest);
	free(got);
	free(before);
	free(after);
}

/* Lints DOC (freed): RULE fires, without a fix. */
static void
expect_no_fix(const char *rule, char *doc)
{
	cl_result *r = cl_lint_memory(linter, "t.xml", doc, strlen(doc));
	const cl_diag *d = find(r, rule);

	if (!d)
		dump(r);
	ck_assert_msg(d != NULL, "%s does not fire", rule);
	ck_assert_msg(!cl_diag_has_fix(d), "%s has the fix '%s'", rule,
	              cl_diag_fix_title(d));
	ck_assert_ptr_null(cl_diag_fix_title(d));
	ck_assert_uint_eq(cl_diag_fix_edit_count(d), 0);
	cl_result_free(r);
	free(doc);
}

/*
 * DOC (freed) fixed as `--fix --unsafe-fixes` fixes it (every pass), is
 * AFTER (freed) byte for byte; fixing that again changes nothing.
 */
static void
expect_fix_fixpoint(char *doc, char *after)
{
	cl_result *r = cl_lint_memory(linter, "t.xml", doc, strlen(doc));
	char *text = NULL, *again = NULL;
	size_t len = 0, applied = 0;
	const char *why = NULL;

	ck_assert_int_eq(
	    cl_fix_result(linter, &r, 1, &text, &len, &applied, &why), 0);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_gt(applied, 0);
	ck_assert_msg(len == strlen(after) && !memcmp(text, after, len),
	              "fixed:\n%.*s\nwant:\n%s", (int)len, text, after);
	cl_result_free(r);
	r = cl_lint_memory(linter, "t.xml", text, len);
	ck_assert_int_eq(
	    cl_fix_result(linter, &r, 1, &again, &len, &applied, &why), 0);
	ck_assert_ptr_null(again);
	ck_assert_uint_eq(applied, 0);
	cl_result_free(r);
	free(text);
	free(doc);
	free(after);
}

#define CC(eol) join(cc_lines, eol)
#define AC(eol) join(ac_lines, eol)

/* ---- the model: whole-element spans ---- */

START_TEST(element_span)
{
	static const char doc[] =
	    "<a x='1'>\r\n\t<b/>\r\n\t<c>t<d></d></c >\r\n"
	    "</a>";
	struct cl_arena arena;
	struct cl_xml_doc xd;
	struct cl_xml_error err;
	struct cl_node *root, *b, *c, *d;

	memset(&arena, 0, sizeof(arena));
	memset(&xd, 0, sizeof(xd));
	root = cl_xml_parse(&arena, doc, sizeof(doc) - 1, &xd, &err);
	ck_assert_ptr_nonnull(root);
	b = root->children;
	c = b->next;
	d = c->children;
	ck_assert_uint_eq(root->span.start, 0);
	ck_assert_uint_eq(root->span.end, sizeof(doc) - 1);
	/* an empty element: its start tag */
	ck_assert_uint_eq(b->span.start, 12);
	ck_assert_uint_eq(b->span.end, 16);
	/* to the end tag's '>', white space in it included */
	ck_assert_uint_eq(c->span.start, 19);
	ck_assert_uint_eq(c->span.end, 35);
	ck_assert_uint_eq(d->span.start, 23);
	ck_assert_uint_eq(d->span.end, 30);
	cl_arena_release(&arena);
}
END_TEST

/* ---- the API ---- */

static struct cl_ctx hand;
static const char hand_buf[] = "<connector a=\"b\"/>\n";

static struct cl_diag *
hand_diag(const struct cl_rule *rule)
{
	memset(&hand, 0, sizeof(hand));
	hand.linter = linter;
	hand.buf = hand_buf;
	hand.len = sizeof(hand_buf) - 1;
	return cl_report(&hand, rule, (struct cl_span){ 1, 10 }, "m");
}

START_TEST(edits_sorted)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	ck_assert_ptr_nonnull(d);
	cl_fix_new(&hand, d, CL_FIX_SAFE, "t `%s`", "x");
	cl_fix_edit(&hand, d, 14, 15, "c");
	cl_fix_edit(&hand, d, 1, 10, "");
	cl_fix_edit(&hand, d, 11, 11, "?");
	cl_fix_edit(&hand, d, 10, 10, "!"); /* before what starts at 10 */
	cl_fix_edit(&hand, d, 10, 11, "=");
	ck_assert_str_eq(d->fix->title, "t `x`");
	ck_assert_uint_eq(d->fix->nedits, 5);
	ck_assert_uint_eq(d->fix->edits[0].span.start, 1);
	ck_assert_str_eq(d->fix->edits[1].text, "!");
	ck_assert_str_eq(d->fix->edits[2].text, "=");
	ck_assert_str_eq(d->fix->edits[3].text, "?");
	ck_assert_str_eq(d->fix->edits[4].text, "c");
	/* NULL, as from a rule that is off: nothing */
	cl_fix_new(&hand, NULL, CL_FIX_SAFE, "t");
	cl_fix_edit(&hand, NULL, 0, 1, "");
	cl_diag_sink_release(&hand.sink);
}
END_TEST

START_TEST(edits_overlap)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_new(&hand, d, CL_FIX_SAFE, "t");
	cl_fix_edit(&hand, d, 1, 10, "");
	cl_fix_edit(&hand, d, 9, 12, ""); /* BUG() */
}
END_TEST

START_TEST(insertions_at_one_offset)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_new(&hand, d, CL_FIX_SAFE, "t");
	cl_fix_edit(&hand, d, 4, 4, "a");
	cl_fix_edit(&hand, d, 4, 4, "b"); /* BUG() */
}
END_TEST

START_TEST(insertion_inside_an_edit)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_new(&hand, d, CL_FIX_SAFE, "t");
	cl_fix_edit(&hand, d, 1, 10, "");
	cl_fix_edit(&hand, d, 5, 5, "b"); /* BUG() */
}
END_TEST

START_TEST(edit_outside_the_buffer)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_new(&hand, d, CL_FIX_SAFE, "t");
	cl_fix_edit(&hand, d, 5, (uint32_t)sizeof(hand_buf), ""); /* BUG() */
}
END_TEST

START_TEST(fix_of_a_rule_without_fixes)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL102);

	cl_fix_new(&hand, d, CL_FIX_SAFE, "t"); /* BUG(): .fix says none */
}
END_TEST

START_TEST(unsafe_fix_of_a_safe_rule)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_new(&hand, d, CL_FIX_UNSAFE, "t"); /* BUG() */
}
END_TEST

START_TEST(two_fixes)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_new(&hand, d, CL_FIX_SAFE, "t");
	cl_fix_new(&hand, d, CL_FIX_SAFE, "u"); /* BUG() */
}
END_TEST

START_TEST(edit_before_the_fix)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_edit(&hand, d, 1, 2, ""); /* BUG() */
}
END_TEST

#define GITHUB_TOKEN "ghp_R7x2Kq9LmZ4vTn8WbY3cJd6Hs1Fg5PeQa0Uo"

/* A title is masked as a message is; a fix that would write a secret
 * (which outputs would show) is dropped. */
START_TEST(secret_shaped_text)
{
	struct cl_diag *d = hand_diag(&cl_rule_CL303);

	cl_fix_new(&hand, d, CL_FIX_SAFE, "replace `%s`", GITHUB_TOKEN);
	ck_assert_ptr_null(strstr(d->fix->title, GITHUB_TOKEN));
	ck_assert_ptr_nonnull(strstr(d->fix->title, "replace `ghp_"));
	cl_fix_edit(&hand, d, 1, 10, GITHUB_TOKEN);
	d = cl_report(&hand, &cl_rule_CL303, (struct cl_span){ 11, 12 }, "n");
	cl_fix_new(&hand, d, CL_FIX_SAFE, "keep");
	cl_fix_edit(&hand, d, 11, 12, "b");
	cl_diag_sink_finish(&hand.sink, hand.buf, hand.len);
	ck_assert_uint_eq(hand.sink.n, 2);
	ck_assert_ptr_null(hand.sink.items[0].fix);
	ck_assert_ptr_nonnull(hand.sink.items[1].fix);
	cl_diag_sink_release(&hand.sink);
}
END_TEST

/* A secret of the file, known only by where it stands. */
START_TEST(known_secret_text)
{
	static const char buf[] = "<connector a=\"plain-words-here\"/>\n";
	struct cl_diag *d;

	memset(&hand, 0, sizeof(hand));
	hand.linter = linter;
	hand.buf = buf;
	hand.len = sizeof(buf) - 1;
	cl_report_secret(&hand, (struct cl_span){ 14, 30 });
	d = cl_report(&hand, &cl_rule_CL303, (struct cl_span){ 1, 10 }, "m");
	cl_fix_new(&hand, d, CL_FIX_SAFE, "use `%s`", "plain-words-here");
	cl_fix_edit(&hand, d, 1, 10, "x plain-words-here");
	d = cl_report(&hand, &cl_rule_CL303, (struct cl_span){ 1, 10 }, "n");
	cl_fix_new(&hand, d, CL_FIX_SAFE, "use `%s`", "plain-words-here");
	cl_fix_edit(&hand, d, 1, 10, "x");
	cl_diag_sink_finish(&hand.sink, hand.buf, hand.len);
	ck_assert_ptr_null(hand.sink.items[0].fix);
	ck_assert_ptr_nonnull(hand.sink.items[1].fix);
	ck_assert_ptr_null(
	    strstr(hand.sink.items[1].fix->title, "plain-words-here"));
	cl_diag_sink_release(&hand.sink);
}
END_TEST

/* A diagnostic without a fix answers every accessor. */
START_TEST(no_fix_accessors)
{
	char *doc;
	cl_result *r;
	const cl_diag *d;
	size_t s = 7, e = 7;

	doc = subst(CC("\n"), "<url>https://{{store_url}}/api/order</url>",
	            "<url>https://{{store_url}}/api/{{nope}}</url>");
	r = cl_lint_memory(linter, "t.xml", doc, strlen(doc));
	d = find(r, "CL104");
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(cl_diag_has_fix(d), 0);
	ck_assert_ptr_null(cl_diag_fix_title(d));
	ck_assert_int_eq(cl_diag_fix_applicability(d), CL_FIX_UNSAFE);
	ck_assert_uint_eq(cl_diag_fix_edit_count(d), 0);
	ck_assert_ptr_null(cl_diag_fix_edit(d, 0, &s, &e));
	ck_assert_uint_eq(s, 7);
	cl_result_free(r);
	free(doc);
}
END_TEST

/* The descriptor is what the catalogue says. */
START_TEST(catalogue)
{
	ck_assert_int_eq(cl_rule_fix(cl_rule_find("CL303")), CL_RULE_FIX_SAFE);
	ck_assert_int_eq(cl_rule_has_fix(cl_rule_find("CL303")), 1);
	ck_assert_int_eq(cl_rule_fix(cl_rule_find("CL102")), CL_RULE_FIX_NONE);
	ck_assert_int_eq(cl_rule_has_fix(cl_rule_find("CL102")), 0);
	ck_assert_int_eq(cl_rule_fix(cl_rule_find("CL101")),
	                 CL_RULE_FIX_UNSAFE);
}
END_TEST

/* ---- CL303 wrong-grant-type ---- */

START_TEST(cl303_default)
{
	expect_fixed("CL303",
	             subst(CC("\n"), "default=\"client_credentials\"",
	                   "default=\"client_credential\""),
	             CL_FIX_SAFE,
	             "replace `client_credential` with `client_credentials`",
	             CC("\n"), "");
}
END_TEST

/* CRLF, a BOM, a single-quoted value and non-ASCII text before it. */
START_TEST(cl303_crlf_bom_single_quotes)
{
	char *base = subst(
	    AC("\n"), "label=\"Grant type\" default=\"authorization_code\"",
	    "label='Type d’autorisation' default='authorization_code'");
	char *before = bom(
	    crlf(with(base, "'authorization_code'", "'authorisation_code'")));

	expect_fixed("CL303", before, CL_FIX_SAFE,
	             "replace `authorisation_code` with `authorization_code`",
	             bom(crlf(cl_strdup(base))), "");
	free(base);
}
END_TEST

START_TEST(cl303_param_case)
{
	char *base =
	    subst(CC("\n"), "<body format=\"form\"/>",
	          "<body format=\"form\">\n\t\t<param key=\"grant_type\" "
	          "value=\"client_credentials\"/>\n\t</body>");

	expect_fixed("CL303",
	             with(base, "value=\"client_credentials\"",
	                  "value=\"Client_Credentials\""),
	             CL_FIX_SAFE,
	             "replace `Client_Credentials` with `client_credentials`",
	             cl_strdup(base), NULL);
	free(base);
}
END_TEST

/* The other type's grant: the method's type may be what is wrong. */
START_TEST(cl303_other_type_no_fix)
{
	expect_no_fix("CL303", subst(CC("\n"), "default=\"client_credentials\"",
	                             "default=\"authorization_code\""));
}
END_TEST

/* ---- CL308 invalid-client-type ---- */

START_TEST(cl308_case)
{
	expect_fixed("CL308",
	             subst(AC("\n"), "default=\"confidential\"",
	                   "default=\"Confidential\""),
	             CL_FIX_SAFE, "replace `Confidential` with `confidential`",
	             AC("\n"), "");
}
END_TEST

START_TEST(cl308_typo_crlf)
{
	expect_fixed("CL308",
	             crlf(subst(AC("\n"), "default=\"confidential\"",
	                        "default=\"confidental\"")),
	             CL_FIX_SAFE, "replace `confidental` with `confidential`",
	             crlf(AC("\n")), "");
}
END_TEST

START_TEST(cl308_far_no_fix)
{
	expect_no_fix("CL308", subst(AC("\n"), "default=\"confidential\"",
	                             "default=\"secret-client\""));
}
END_TEST

/* ---- CL318 oauth-param-name-case ---- */

START_TEST(cl318_param)
{
	char *base = join(hubspot_lines, "\n");

	expect_fixed(
	    "CL318",
	    with(base, "key=\"response_type\"", "key=\"Response_Type\""),
	    CL_FIX_SAFE, "rename `Response_Type` to `response_type`",
	    cl_strdup(base), NULL);
	free(base);
}
END_TEST

/* A reference in the key: the whole value is rewritten; the one in the
 * next attribute stays. */
START_TEST(cl318_param_reference)
{
	char *base = subst(join(hubspot_lines, "\r\n"),
	                   "key=\"response_type\" value=\"code\"",
	                   "key=\"response_type\" value=\"&#99;ode\"");

	expect_fixed(
	    "CL318",
	    with(base, "key=\"response_type\"", "key=\"responseType\""),
	    CL_FIX_SAFE, "rename `responseType` to `response_type`",
	    cl_strdup(base), NULL);
	free(base);
}
END_TEST

START_TEST(cl318_query)
{
	char *base = subst(AC("\n"), "connect/authorize</additional-url>",
	                   "connect/authorize?prompt=login</additional-url>");

	expect_fixed(
	    "CL318", with(base, "prompt=login", "prompt=login&amp;Scope=x"),
	    CL_FIX_SAFE, "rename `Scope` to `scope`",
	    with(base, "prompt=login", "prompt=login&amp;scope=x"), NULL);
	free(base);
}
END_TEST

/* Renaming would make a second `response_type`: no fix. */
START_TEST(cl318_name_taken_no_fix)
{
	expect_no_fix("CL318",
	              subst(join(hubspot_lines, "\n"),
	                    "<param key=\"response_type\" value=\"code\"/>",
	                    "<param key=\"response_type\" value=\"code\"/>"
	                    "<param key=\"Response_Type\" value=\"code\"/>"));
}
END_TEST

/* ---- CL402 enable-unknown-auth-method ---- */

START_TEST(cl402_typo)
{
	expect_fixed("CL402",
	             subst(CC("\n"), "<enable auth-method=\"shop-oauth\"/>",
	                   "<enable auth-method=\"shop-oauht\"/>"),
	             CL_FIX_SAFE, "replace `shop-oauht` with `shop-oauth`",
	             CC("\n"), "");
}
END_TEST

/* Two methods are as near: which one was meant is a guess. */
START_TEST(cl402_two_near_no_fix)
{
	char *doc = subst(CC("\n"), "  </auth-methods>",
	                  "    <auth-method id=\"shop-b\" name=\"B\" "
	                  "type=\"token\"/>\n"
	                  "    <auth-method id=\"shop-c\" name=\"C\" "
	                  "type=\"token\"/>\n  </auth-methods>");

	expect_no_fix("CL402",
	              subst(doc, "<enable auth-method=\"shop-oauth\"/>",
	                    "<enable auth-method=\"shop-oauth\"/><enable "
	                    "auth-method=\"shop-d\"/>"));
}
END_TEST

/* The endpoint enables the near method already: no fix. */
START_TEST(cl402_enabled_already_no_fix)
{
	expect_no_fix("CL402",
	              subst(CC("\n"), "<enable auth-method=\"shop-oauth\"/>",
	                    "<enable auth-method=\"shop-oauth\"/><enable "
	                    "auth-method=\"shop-oauht\"/>"));
}
END_TEST

/* ---- CL504 secret-not-marked ---- */

#define SECRET_LINE                                                \
	"<variable key=\"client_secret\" label=\"Client secret\" " \
	"required=\"true\" secret=\"true\" locked=\"true\"/>"

START_TEST(cl504_add)
{
	char *base = CC("\n");

	expect_fixed(
	    "CL504", with(base, " secret=\"true\"", ""), CL_FIX_SAFE,
	    "add `secret=\"true\"`",
	    with(base, SECRET_LINE,
	         "<variable key=\"client_secret\" label=\"Client secret\" "
	         "required=\"true\" locked=\"true\" secret=\"true\"/>"),
	    "");
	free(base);
}
END_TEST

/* One attribute a line: the new one on a line of its own, indented as the
 * last one, ended as the file's lines are (CRLF); a BOM stays. */
START_TEST(cl504_one_attribute_a_line)
{
	const char *mine = "<variable key=\"client_secret\"\n"
	                   "\t\t\t  label=\"Client secret\"\n"
	                   "\t\t\t  required=\"true\"\n"
	                   "\t\t\t  locked=\"true\"/>";
	char *base = subst(CC("\n"), SECRET_LINE, mine);

	expect_fixed("CL504", bom(crlf(cl_strdup(base))), CL_FIX_SAFE,
	             "add `secret=\"true\"`",
	             bom(crlf(subst(CC("\n"), SECRET_LINE,
	                            "<variable key=\"client_secret\"\n"
	                            "\t\t\t  label=\"Client secret\"\n"
	                            "\t\t\t  required=\"true\"\n"
	                            "\t\t\t  locked=\"true\"\n"
	                            "\t\t\t  secret=\"true\"/>"))),
	             "");
	free(base);
}
END_TEST

/* The element's own quotes, after non-ASCII text. */
START_TEST(cl504_single_quotes)
{
	char *base = subst(CC("\n"), SECRET_LINE,
	                   "<variable key='client_secret' label='Clé secrète' "
	                   "required='true' locked='true'/>");

	expect_fixed("CL504", cl_strdup(base), CL_FIX_SAFE,
	             "add `secret=\"true\"`",
	             subst(CC("\n"), SECRET_LINE,
	                   "<variable key='client_secret' label='Clé secrète' "
	                   "required='true' locked='true' secret='true'/>"),
	             "");
	free(base);
}
END_TEST

/* `secret="false"` is turned, never written twice. */
START_TEST(cl504_false)
{
	char *base = CC("\n");

	expect_fixed("CL504", with(base, "secret=\"true\"", "secret=\"false\""),
	             CL_FIX_SAFE, "set `secret` to `true`", cl_strdup(base),
	             "");
	free(base);
}
END_TEST

/* The last attribute shares its line with another: the new one follows
 * it on that line. */
START_TEST(cl504_last_line_shared)
{
	const char *mine =
	    "<variable key=\"client_secret\"\n"
	    "          label=\"Client secret\" locked=\"true\"/>";

	expect_fixed("CL504", subst(CC("\n"), SECRET_LINE, mine), CL_FIX_SAFE,
	             "add `secret=\"true\"`",
	             subst(CC("\n"), SECRET_LINE,
	                   "<variable key=\"client_secret\"\n"
	                   "          label=\"Client secret\" locked=\"true\" "
	                   "secret=\"true\"/>"),
	             NULL);
}
END_TEST

/* A reference in a query key: the bytes are not the key, no fix. */
START_TEST(cl318_query_reference_no_fix)
{
	expect_no_fix("CL318",
	              subst(AC("\n"), "connect/authorize</additional-url>",
	                    "connect/authorize?prompt=login&amp;"
	                    "&#83;cope=x</additional-url>"));
}
END_TEST

/* ---- CL105 placeholder-case-mismatch ---- */

START_TEST(cl105_key)
{
	char *base = subst(CC("\n"), "label=\"Store URL\"",
	                   "label=\"Adresse de la boutique (é)\"");

	base = subst(base, "      <url>https://{{store_url}}/api/order</url>",
	             "\t\t\t<url>https://{{store_url}}/api/order</url>");
	expect_fixed("CL105",
	             crlf(with(base, "{{store_url}}/api/order",
	                       "{{Store_URL}}/api/order")),
	             CL_FIX_SAFE,
	             "replace `{{Store_URL}}` with `{{store_url}}`",
	             crlf(cl_strdup(base)), "");
	free(base);
}
END_TEST

/* ---- CL106 malformed-placeholder ---- */

#define ORDER_URL "<url>https://{{store_url}}/api/order</url>"
#define TOKEN_URL "<url>https://{{store_url}}/api/oauth/token</url>"

/* A brace missing before, in an endpoint: CRLF and a BOM stay. */
START_TEST(cl106_missing_open_brace)
{
	char *base = CC("\n");

	expect_fixed(
	    "CL106",
	    bom(crlf(with(base, ORDER_URL,
	                  "<url>https://{store_url}}/api/order</url>"))),
	    CL_FIX_SAFE, "replace `{store_url}}` with `{{store_url}}`",
	    bom(crlf(cl_strdup(base))), "");
	expect_fix_fixpoint(
	    crlf(with(base, ORDER_URL,
	              "<url>https://{store_url}}/api/order</url>")),
	    crlf(cl_strdup(base)));
	free(base);
}
END_TEST

/* A brace missing after, in an auth method that uses the variable; tabs
 * and non-ASCII text around it stay. */
START_TEST(cl106_missing_close_brace)
{
	char *base = subst(CC("\n"), "      " TOKEN_URL, "\t\t\t" TOKEN_URL);

	base = subst(base, "label=\"Store URL\"", "label=\"Adresse (é)\"");
	expect_fixed(
	    "CL106",
	    with(base, "{{store_url}}/api/oauth", "{{store_url}/api/oauth"),
	    CL_FIX_SAFE, "replace `{{store_url}` with `{{store_url}}`",
	    cl_strdup(base), "");
	free(base);
}
END_TEST

/* Blanks inside, in a single-quoted param value. */
START_TEST(cl106_blanks_inside)
{
	char *base = subst(CC("\n"), ORDER_URL,
	                   ORDER_URL "\n      <headers>\n        <param "
	                             "key='X-Store' value='{{store_url}}'/>\n"
	                             "      </headers>");

	expect_fixed(
	    "CL106", with(base, "'{{store_url}}'", "'{{ store_url\t}}'"),
	    CL_FIX_SAFE, "replace `{{ store_url\t}}` with `{{store_url}}`",
	    cl_strdup(base), NULL);
	expect_fixed("CL106",
	             with(base, "'{{store_url}}'", "'{{  store_url}}'"),
	             CL_FIX_SAFE, NULL, cl_strdup(base), NULL);
	free(base);
}
END_TEST

/* In body content `{key}}` may close two objects of a GraphQL query:
 * no fix; `{{key}` there is a slip. */
START_TEST(cl106_body)
{
	char *base = subst(CC("\n"),
	                   "    <endpoint id=\"list-orders\" name=\"List "
	                   "orders\" direction=\"receive\" "
	                   "method=\"GET\">",
	                   "    <endpoint id=\"list-orders\" name=\"List "
	                   "orders\" direction=\"send\" method=\"POST\">");
	char *body = with(base, ORDER_URL "\n",
	                  ORDER_URL "\n      <body format=\"raw\" "
	                            "data-type=\"json\"><content>{\"u\": "
	                            "\"{{store_url}}\"}</content></body>\n");

	expect_no_fix("CL106", with(body, "{\"u\": \"{{store_url}}\"}",
	                            "{\"u\": {store_url}}"));
	expect_fixed("CL106",
	             with(body, "\"{{store_url}}\"}", "\"{{store_url}\"}"),
	             CL_FIX_SAFE, "replace `{{store_url}` with `{{store_url}}`",
	             cl_strdup(body), NULL);
	free(body);
	free(base);
}
END_TEST

/* Not a variable in scope (or only ignoring case, or a connector variable
 * the auth method does not use): what was meant is a guess. */
START_TEST(cl106_not_in_scope_no_fix)
{
	char *base = CC("\n");

	expect_no_fix(
	    "CL106",
	    with(base, ORDER_URL, "<url>https://{shop_url}}/api/order</url>"));
	expect_no_fix(
	    "CL106",
	    with(base, ORDER_URL, "<url>https://{Store_URL}}/api/order</url>"));
	expect_no_fix(
	    "CL106",
	    subst(with(base, "        <use variable=\"store_url\"/>\n", ""),
	          "{{store_url}}/api/oauth", "{{store_url}/api/oauth"));
	free(base);
}
END_TEST

/* The other forms: no fix. */
START_TEST(cl106_other_forms_no_fix)
{
	static const char *const forms[] = {
		"{{{store_url}}}", "{{store_url",    "${store_url}",
		"{store_url}",     "{{ store_url }",
	};
	char *base = CC("\n");
	size_t i;

	for (i = 0; i < sizeof(forms) / sizeof(*forms); i++) {
		char *url =
		    cl_xasprintf("<url>https://%s/api/order</url>", forms[i]);

		expect_no_fix("CL106", with(base, ORDER_URL, url));
		free(url);
	}
	free(base);
}
END_TEST

/* ---- CL109 connector-variable-not-used-by-method ---- */

#define USE_LINE "        <use variable=\"store_url\"/>\n"
#define METHOD_VARS_END                                                \
	"        <variable key=\"response_authentication_token_key\" " \
	"label=\"Token key\" default=\"access_token\" locked=\"true\"/>\n"

/* After the last child, indented as it, with the file's line end; a BOM
 * stays. */
START_TEST(cl109_append)
{
	char *base = CC("\n");

	expect_fixed("CL109", bom(crlf(with(base, USE_LINE, ""))), CL_FIX_SAFE,
	             "add `<use variable=\"store_url\"/>` to `shop-oauth`",
	             bom(crlf(cl_strdup(base))), "");
	expect_fix_fixpoint(crlf(with(base, USE_LINE, "")),
	                    crlf(cl_strdup(base)));
	free(base);
}
END_TEST

/* Two placeholders, one `use`; a last child over two lines, a comment
 * after it, tabs and single quotes. */
START_TEST(cl109_tabs_quotes_comment)
{
	char *base = subst(CC("\n"), USE_LINE, "");
	char *before, *after;

	base = subst(base, METHOD_VARS_END,
	             "\t\t<variable key='response_authentication_token_key'\n"
	             "\t\t          label='Clé' default='access_token' "
	             "locked='true'/> <!-- défaut -->\n");
	before = subst(cl_strdup(base), "/api/oauth/token</url>",
	               "/api/oauth/token?s={{store_url}}</url>");
	after = subst(cl_strdup(before), "<!-- défaut -->\n",
	              "<!-- défaut -->\n\t\t<use variable='store_url'/>\n");
	expect_fixed("CL109", before, CL_FIX_SAFE, NULL, after, NULL);
	free(base);
}
END_TEST

/* No `<variables>`: one is made after the `<url>`, its `use` one step
 * deeper. */
START_TEST(cl109_create_variables)
{
	char *base = CC("\n"), *at = strstr(base, "      <variables>\n");
	char *end = strstr(base, "      </variables>\n");
	char *before, *after, *tabs;

	ck_assert_ptr_nonnull(at);
	ck_assert_ptr_nonnull(end);
	before = cl_xasprintf("%.*s%s", (int)(at - base), base,
	                      end + strlen("      </variables>\n"));
	after = with(before, "/api/oauth/token</url>\n",
	             "/api/oauth/token</url>\n      <variables>\n" USE_LINE
	             "      </variables>\n");
	tabs = subst(subst(cl_strdup(before), "    <auth-method id",
	                   "\t<auth-method id"),
	             "      <url>https://{{store_url}}/api/oauth/token",
	             "\t\t<url>https://{{store_url}}/api/oauth/token");
	expect_fixed("CL109", crlf(before), CL_FIX_SAFE, NULL, crlf(after),
	             NULL);
	expect_fixed("CL109", cl_strdup(tabs), CL_FIX_SAFE, NULL,
	             with(tabs, "/api/oauth/token</url>\n",
	                  "/api/oauth/token</url>\n\t\t<variables>\n"
	                  "\t\t\t<use variable=\"store_url\"/>\n"
	                  "\t\t</variables>\n"),
	             NULL);
	free(tabs);
	free(base);
}
END_TEST

/* Where the line would go is not clear: no fix. */
START_TEST(cl109_layout_no_fix)
{
	char *base = subst(CC("\n"), USE_LINE, "");
	char *at = strstr(base, "      <variables>\n");
	char *end = strstr(base, "      </variables>\n");
	char *novars = cl_xasprintf("%.*s%s", (int)(at - base), base,
	                            end + strlen("      </variables>\n"));

	/* the end tag on the last child's line */
	expect_no_fix("CL109",
	              with(base, "locked=\"true\"/>\n      </variables>",
	                   "locked=\"true\"/></variables>"));
	/* a comment that goes on to the next line */
	expect_no_fix("CL109",
	              with(base, "locked=\"true\"/>\n      </variables>",
	                   "locked=\"true\"/> <!-- a\n -->\n"
	                   "      </variables>"));
	/* an empty <variables/> */
	expect_no_fix("CL109",
	              with(novars, "/api/oauth/token</url>\n",
	                   "/api/oauth/token</url>\n      <variables/>\n"));
	/* no <variables>, children out of the documented order */
	expect_no_fix(
	    "CL109",
	    subst(with(novars,
	               "      <url>https://{{store_url}}/api/oauth/"
	               "token</url>\n",
	               ""),
	          "      <body format=\"form\"/>\n",
	          "      <body format=\"form\"/>\n      "
	          "<url>https://{{store_url}}/api/oauth/token</url>\n"));
	/* no <variables>, the url on the method's line */
	expect_no_fix("CL109",
	              with(novars,
	                   "type=\"oauth2-client-credentials\">\n      <url>",
	                   "type=\"oauth2-client-credentials\"><url>"));
	free(novars);
	free(base);
}
END_TEST

/* ---- CL104 undefined-placeholder ---- */

/* The one near key in scope (named twice: the connector variable and
 * the method's `use`). */
START_TEST(cl104_near)
{
	char *base = CC("\n");

	expect_fixed("CL104",
	             crlf(with(base, "{{store_url}}/api/order",
	                       "{{store_ulr}}/api/order")),
	             CL_FIX_UNSAFE,
	             "replace `{{store_ulr}}` with `{{store_url}}`",
	             crlf(cl_strdup(base)), "");
	expect_fix_fixpoint(bom(with(base, "{{store_url}}/api/order",
	                             "{{store_ulr}}/api/order")),
	                    bom(cl_strdup(base)));
	free(base);
}
END_TEST

/* In a single-quoted param value after non-ASCII text, tab-indented. */
START_TEST(cl104_param_value)
{
	char *base = subst(CC("\n"), ORDER_URL,
	                   ORDER_URL "\n\t\t<headers>\n\t\t\t<param "
	                             "key='X-Magasin' label='Clé' "
	                             "value='id {{store_url}} é'/>\n"
	                             "\t\t</headers>");

	expect_fixed(
	    "CL104", with(base, "'id {{store_url}} é'", "'id {{Store-URL}} é'"),
	    CL_FIX_UNSAFE, "replace `{{Store-URL}}` with `{{store_url}}`",
	    cl_strdup(base), NULL);
	free(base);
}
END_TEST

/* Another key is near too: which was meant is a guess. */
START_TEST(cl104_two_near_no_fix)
{
	char *doc = subst(CC("\n"), "  </variables>\n  <auth-methods>",
	                  "    <variable key=\"store_uri\" label=\"U\" "
	                  "required=\"true\"/>\n  </variables>\n  "
	                  "<auth-methods>");

	expect_no_fix("CL104", subst(doc, "{{store_url}}/api/order",
	                             "{{store_ulr}}/api/order"));
}
END_TEST

/* A near connector variable the method does not use: no fix. */
START_TEST(cl104_connector_variable_no_fix)
{
	char *doc = subst(CC("\n"), USE_LINE, "");

	expect_no_fix("CL104", subst(doc, "{{store_url}}/api/oauth",
	                             "{{store_ulr}}/api/oauth"));
}
END_TEST

/* ---- CL101 unused-connector-variable ---- */

#define STORE_VAR                                              \
	"    <variable key=\"store_url\" label=\"Store URL\" " \
	"required=\"true\"/>\n"

/* Alone on its line: the line goes, CRLF and indentation with it. */
START_TEST(cl101_line)
{
	char *base = CC("\n");
	const char *page = STORE_VAR "    <variable key=\"page_size\" "
	                             "label=\"Taille (é)\" default=\"100\"/>\n";

	expect_fixed("CL101", bom(crlf(with(base, STORE_VAR, page))),
	             CL_FIX_UNSAFE, "remove connector variable `page_size`",
	             bom(crlf(cl_strdup(base))), "");
	expect_fix_fixpoint(crlf(with(base, STORE_VAR, page)),
	                    crlf(cl_strdup(base)));
	free(base);
}
END_TEST

/* Over two lines, tab-indented, single quotes: both lines go. */
START_TEST(cl101_two_lines)
{
	char *base = CC("\n");

	expect_fixed("CL101",
	             with(base, STORE_VAR,
	                  STORE_VAR "\t\t<variable key='page_size'\n"
	                            "\t\t          default='100'/>\n"),
	             CL_FIX_UNSAFE, NULL, cl_strdup(base), "");
	free(base);
}
END_TEST

/* Beside another element: the element alone goes. */
START_TEST(cl101_same_line)
{
	char *base = CC("\n");
	char *one = with(base, "required=\"true\"/>\n  </variables>",
	                 "required=\"true\"/> \n  </variables>");

	expect_fixed("CL101",
	             with(base, "required=\"true\"/>\n  </variables>",
	                  "required=\"true\"/> <variable key=\"x\"/>\n  "
	                  "</variables>"),
	             CL_FIX_UNSAFE, "remove connector variable `x`", one, "");
	free(base);
}
END_TEST

/* The nearest to an undefined placeholder: CL104 may mean it. */
START_TEST(cl101_near_placeholder_no_fix)
{
	char *doc = subst(CC("\n"), STORE_VAR,
	                  STORE_VAR "    <variable key=\"page_size\" "
	                            "default=\"100\"/>\n");

	expect_no_fix("CL101", subst(doc, "/api/order</url>",
	                             "/api/order?limit={{page_sise}}</url>"));
}
END_TEST

/* ---- CL203 content-type-outside-headers ---- */

#define FORM_CT                        \
	"<param key=\"Content-Type\" " \
	"value=\"application/x-www-form-urlencoded\"/>"
#define ACCEPT_JSON "<param key=\"Accept\" value=\"application/json\"/>"

/* After the last header, indented as it; the body keeps its tags. */
START_TEST(cl203_append)
{
	char *base = subst(CC("\n"), "        " FORM_CT "\n",
	                   "        " ACCEPT_JSON "\n");
	char *before = with(base, "      <body format=\"form\"/>",
	                    "      <body format=\"form\">\n\t\t" FORM_CT
	                    "\n      </body>");
	char *after = with(base,
	                   "        " ACCEPT_JSON "\n      </headers>\n"
	                   "      <body format=\"form\"/>",
	                   "        " ACCEPT_JSON "\n        " FORM_CT
	                   "\n      </headers>\n      <body format=\"form\">\n"
	                   "      </body>");

	expect_fixed("CL203", bom(crlf(cl_strdup(before))), CL_FIX_SAFE,
	             "move `Content-Type` to `headers`",
	             bom(crlf(cl_strdup(after))), "");
	expect_fix_fixpoint(crlf(before), crlf(after));
	free(base);
}
END_TEST

/* No <headers>: one is made where the order puts it, after the
 * method's `variables`, the param one step deeper, as written (single
 * quotes, a reference). */
START_TEST(cl203_create_in_method)
{
	char *base = subst(
	    CC("\n"),
	    "      <headers>\n        " FORM_CT "\n      </headers>\n", "");
	const char *mine = "<param key='content-type' "
	                   "value='application/x-www-form-urlencoded&#59;'/>";
	char *body = cl_xasprintf("      <body format=\"form\">\n        %s\n"
	                          "      </body>",
	                          mine);
	char *after = cl_xasprintf("      </variables>\n      <headers>\n"
	                           "        %s\n      </headers>\n      "
	                           "<body format=\"form\">\n      </body>",
	                           mine);

	expect_fixed("CL203", with(base, "      <body format=\"form\"/>", body),
	             CL_FIX_SAFE, "move `content-type` to `headers`",
	             with(base,
	                  "      </variables>\n      <body format=\"form\"/>",
	                  after),
	             NULL);
	free(after);
	free(body);
	free(base);
}
END_TEST

/* An endpoint's URL param: a new <headers> after its `url-params`. */
START_TEST(cl203_create_in_endpoint)
{
	char *base = subst(join(token_lines, "\n"),
	                   "direction=\"receive\" method=\"GET\"",
	                   "direction=\"send\" method=\"POST\"");
	const char *ct =
	    "<param key=\"Content-Type\" value=\"application/json\"/>";
	char *before, *after;

	before = cl_xasprintf("products.json</url>\n      <url-params>\n"
	                      "        %s\n      </url-params>\n",
	                      ct);
	after = cl_xasprintf("products.json</url>\n      <url-params>\n"
	                     "      </url-params>\n      <headers>\n"
	                     "        %s\n      </headers>\n",
	                     ct);
	expect_fixed("CL203", with(base, "products.json</url>\n", before),
	             CL_FIX_SAFE, NULL,
	             with(base, "products.json</url>\n", after), NULL);
	free(before);
	free(after);
	free(base);
}
END_TEST

/* Cases the move does not cover: no fix. */
START_TEST(cl203_no_fix)
{
	char *cc = CC("\n");
	char *tok = subst(join(token_lines, "\n"),
	                  "direction=\"receive\" method=\"GET\"",
	                  "direction=\"send\" method=\"POST\"");
	const char *ct =
	    "<param key=\"Content-Type\" value=\"application/json\"/>";
	char *params = cl_xasprintf("products.json</url>\n      <url-params>\n"
	                            "        %s\n      </url-params>\n",
	                            ct);
	char *two =
	    cl_xasprintf("products.json</url>\n      <url-params>\n"
	                 "        %s\n        %s\n      </url-params>\n",
	                 ct, ct);

	/* a Content-Type header already */
	expect_no_fix("CL203",
	              with(cc, "      <body format=\"form\"/>",
	                   "      <body format=\"form\">\n        " FORM_CT
	                   "\n      </body>"));
	/* inherited from the method the endpoint enables */
	expect_no_fix(
	    "CL203",
	    with(cc, "/api/order</url>\n",
	         "/api/order</url>\n      <url-params>\n        " FORM_CT
	         "\n      </url-params>\n"));
	/* two of them */
	expect_no_fix("CL203", with(tok, "products.json</url>\n", two));
	/* a GET that sends no body: the header would be CL407's */
	expect_no_fix("CL203", subst(with(tok, "products.json</url>\n", params),
	                             "direction=\"send\" method=\"POST\"",
	                             "direction=\"receive\" method=\"GET\""));
	/* over two lines */
	expect_no_fix("CL203", subst(with(tok, "products.json</url>\n", params),
	                             "\"Content-Type\" value",
	                             "\"Content-Type\"\n value"));
	/* an empty <headers/> */
	expect_no_fix("CL203",
	              subst(with(tok, "products.json</url>\n", params),
	                    "      </url-params>\n",
	                    "      </url-params>\n      <headers/>\n"));
	/* children out of the documented order */
	expect_no_fix(
	    "CL203",
	    subst(subst(with(tok, "products.json</url>\n", params),
	                "      <enable auth-method=\"shop-token\"/>\n", ""),
	          "      <url>https://shop.example.com/admin/api/products",
	          "      <enable auth-method=\"shop-token\"/>\n"
	          "      <url>https://shop.example.com/admin/api/products"));
	free(two);
	free(params);
	free(tok);
	free(cc);
}
END_TEST

/* ---- CL411 duplicate-enable ---- */

#define ENABLE_LINE "      <enable auth-method=\"shop-oauth\"/>\n"

/* Alone on its line: the line goes, CRLF and indentation with it. */
START_TEST(cl411_line)
{
	char *base = CC("\n");

	expect_fixed(
	    "CL411",
	    bom(crlf(with(base, ENABLE_LINE, ENABLE_LINE ENABLE_LINE))),
	    CL_FIX_SAFE, "remove the second `<enable>` of `shop-oauth`",
	    bom(crlf(cl_strdup(base))), "");
	free(base);
}
END_TEST

/* Beside another element: the element alone goes. */
START_TEST(cl411_same_line)
{
	char *base = CC("\n");

	expect_fixed("CL411",
	             with(base, "<enable auth-method=\"shop-oauth\"/>",
	                  "<enable auth-method=\"shop-oauth\"/>\t<enable "
	                  "auth-method='shop-oauth'></enable>"),
	             CL_FIX_SAFE, NULL,
	             with(base, "<enable auth-method=\"shop-oauth\"/>",
	                  "<enable auth-method=\"shop-oauth\"/>\t"),
	             "");
	free(base);
}
END_TEST

/* ---- CL408 repeats-auth-param ---- */

#define ACCEPT "<param key=\"Accept\" value=\"application/json\"/>"

static char *
cl408_base(void)
{
	char *base =
	    subst(CC("\n"), "      </headers>\n      <body format=\"form\"/>",
	          "        " ACCEPT
	          "\n      </headers>\n      <body format=\"form\"/>");

	return subst(base, "/api/order</url>\n",
	             "/api/order</url>\n      <headers>\n"
	             "        <!-- sent by the method too -->\n"
	             "      </headers>\n");
}

START_TEST(cl408_header)
{
	char *base = cl408_base();

	expect_fixed("CL408",
	             with(base, "<!-- sent by the method too -->\n",
	                  "<!-- sent by the method too -->\n        " ACCEPT
	                  "\n"),
	             CL_FIX_SAFE, "remove the repeated header `Accept`",
	             cl_strdup(base), "");
	free(base);
}
END_TEST

/* A copy the user can change is not the same thing twice. */
START_TEST(cl408_configurable_no_fix)
{
	expect_no_fix("CL408",
	              subst(cl408_base(), "<!-- sent by the method too -->\n",
	                    "<!-- sent by the method too -->\n        <param "
	                    "key=\"Accept\" value=\"application/json\" "
	                    "configurable=\"true\"/>\n"));
}
END_TEST

/* ---- CL502 insecure-url ---- */

START_TEST(cl502_http)
{
	char *base = AC("\n");

	expect_fixed(
	    "CL502",
	    with(base, "https://identity.xero.com", "http://identity.xero.com"),
	    CL_FIX_UNSAFE, "use `https`", cl_strdup(base), "");
	free(base);
}
END_TEST

START_TEST(cl502_upper_case_endpoint)
{
	char *base = AC("\n");

	expect_fixed("CL502",
	             with(base, "https://api.xero.com", "HTTP://api.xero.com"),
	             CL_FIX_UNSAFE, "use `https`", cl_strdup(base), "");
	free(base);
}
END_TEST

/* A reference in the scheme: the bytes are not the word, no fix. */
START_TEST(cl502_reference_no_fix)
{
	expect_no_fix("CL502", subst(AC("\n"), "https://identity.xero.com",
	                             "&#104;ttp://identity.xero.com"));
}
END_TEST

/* ---- CL201, CL206, CL209, CL301, CL302: a stand-in renamed ---- */

/* Case and separators only: safe; the placeholders that name it follow. */
START_TEST(cl301_folded)
{
	char *base = join(hubspot_lines, "\r\n");
	char *before = with(base, "<variable key=\"client_id\"",
	                    "<variable key=\"Client-ID\"");

	before = subst(before, "{{client_id}}", "{{Client-ID}}");
	expect_fixed("CL301", before, CL_FIX_SAFE,
	             "rename `Client-ID` to `client_id`", cl_strdup(base),
	             NULL);
	free(base);
}
END_TEST

/* A typo: a good guess, unsafe. */
START_TEST(cl209_typo)
{
	char *base = CC("\n");

	expect_fixed("CL209",
	             with(base, "key=\"response_authentication_token_key\"",
	                  "key='response_authentication_tokn_key'"),
	             CL_FIX_UNSAFE,
	             "rename `response_authentication_tokn_key` to "
	             "`response_authentication_token_key`",
	             with(base, "key=\"response_authentication_token_key\"",
	                  "key='response_authentication_token_key'"),
	             "");
	free(base);
}
END_TEST

/* A placeholder that names it only ignoring case would be left behind:
 * no fix (CL105 has its own). */
START_TEST(cl301_case_placeholder_no_fix)
{
	char *doc =
	    subst(join(hubspot_lines, "\n"), "<variable key=\"client_id\"",
	          "<variable key=\"clientId\"");

	expect_no_fix("CL301", subst(doc, "{{client_id}}", "{{clientid}}"));
}
END_TEST

/* A <use> names a connector variable: renaming it is another change. */
START_TEST(cl201_use_no_fix)
{
	char *doc = subst(CC("\n"),
	                  "        <variable key=\"scope\" label=\"Scope\" "
	                  "default=\"write\" locked=\"true\"/>\n",
	                  "        <use variable=\"Scope\"/>\n");

	expect_no_fix("CL201",
	              subst(doc, "  </variables>\n  <auth-methods>",
	                    "    <variable key=\"Scope\" default=\"write\"/>\n"
	                    "  </variables>\n  <auth-methods>"));
}
END_TEST

/* ---- CL201, CL301, CL302: an absent default variable added ---- */

#define CC_VAR(key, rest) "        <variable key=\"" key "\" " rest "/>\n"
#define CLIENT_ID_LINE      \
	CC_VAR("client_id", \
	       "label=\"Client ID\" required=\"true\" locked=\"true\"")
#define CLIENT_SECRET_LINE                                           \
	CC_VAR("client_secret", "label=\"Client secret\" "           \
	                        "required=\"true\" secret=\"true\" " \
	                        "locked=\"true\"")
#define GRANT_LINE                                   \
	CC_VAR("grant_type", "label=\"Grant type\" " \
	                     "default=\"client_credentials\" locked=\"true\"")
#define SCOPE_LINE \
	CC_VAR("scope", "label=\"Scope\" default=\"write\" locked=\"true\"")

/* After the last <variable> (a <use> follows it), indented as it, with
 * the file's line end; required, the user gives it. */
START_TEST(cl301_add)
{
	char *base = subst(CC("\n"), CLIENT_ID_LINE, "");

	expect_fixed("CL301", crlf(cl_strdup(base)), CL_FIX_UNSAFE,
	             "add auth variable `client_id`",
	             crlf(with(base, METHOD_VARS_END,
	                       METHOD_VARS_END "        <variable "
	                                       "key=\"client_id\" "
	                                       "required=\"true\" "
	                                       "locked=\"true\"/>\n")),
	             "");
	free(base);
}
END_TEST

/* A secret, in the quotes of the variable before it; tabs, a BOM. */
START_TEST(cl302_add)
{
	char *base = subst(CC("\n"), CLIENT_SECRET_LINE, "");
	const char *last =
	    "\t\t<variable key='response_authentication_token_key' "
	    "label='Clé du jeton' default='access_token' "
	    "locked='true'/>\n";

	base = subst(base, METHOD_VARS_END, last);
	expect_fixed(
	    "CL302", bom(cl_strdup(base)), CL_FIX_UNSAFE,
	    "add auth variable `client_secret`",
	    bom(with(base, last,
	             "\t\t<variable key='response_authentication_token_key' "
	             "label='Clé du jeton' default='access_token' "
	             "locked='true'/>\n\t\t<variable key='client_secret' "
	             "required='true' secret='true' locked='true'/>\n")),
	    "");
	free(base);
}
END_TEST

/* The type table's default. */
START_TEST(cl201_add)
{
	char *base = subst(CC("\n"), GRANT_LINE, "");

	expect_fixed("CL201", cl_strdup(base), CL_FIX_UNSAFE,
	             "add auth variable `grant_type`",
	             with(base, METHOD_VARS_END,
	                  METHOD_VARS_END
	                  "        <variable key=\"grant_type\" "
	                  "default=\"client_credentials\" "
	                  "locked=\"true\"/>\n"),
	             "");
	free(base);
}
END_TEST

/* Two absent: one a pass, each after the last <variable>; then nothing
 * more to fix. */
START_TEST(cl201_two_absent)
{
	char *base = subst(subst(CC("\n"), GRANT_LINE, ""), SCOPE_LINE, "");

	expect_fix_fixpoint(cl_strdup(base),
	                    with(base, METHOD_VARS_END,
	                         METHOD_VARS_END
	                         "        <variable key=\"grant_type\" "
	                         "default=\"client_credentials\" "
	                         "locked=\"true\"/>\n        <variable "
	                         "key=\"scope\" default=\"scope\" "
	                         "locked=\"true\"/>\n"));
	free(base);
}
END_TEST

/* The last <variable> shares its line with a <use>: no fix. */
START_TEST(cl301_add_layout_no_fix)
{
	char *base = subst(CC("\n"), CLIENT_ID_LINE, "");

	expect_no_fix("CL301", subst(base, "locked=\"true\"/>\n        <use",
	                             "locked=\"true\"/><use"));
}
END_TEST

/* A public client does not use a client_secret: none is added. */
START_TEST(cl201_public_secret_no_fix)
{
	char *doc =
	    subst(AC("\n"), "default=\"confidential\"", "default=\"public\"");

	expect_no_fix("CL201", subst(doc, CLIENT_SECRET_LINE, ""));
}
END_TEST

/* ---- CL009 unused-suppression ---- */

#define ORDERS "    <endpoint id=\"list-orders\""

/* Alone on its line: the line goes, CRLF and tabs with it. */
START_TEST(cl009_whole_comment)
{
	char *base = CC("\n");

	expect_fixed("CL009",
	             crlf(with(base, ORDERS,
	                       "\t\t<!-- connlint-disable-next-line CL101 "
	                       "kept for v1 -->\n" ORDERS)),
	             CL_FIX_SAFE, "remove the comment", crlf(cl_strdup(base)),
	             "");
	free(base);
}
END_TEST

/* One name of several: it goes with its comma; the comment stays. */
START_TEST(cl009_one_name)
{
	char *base =
	    subst(CC("\n"), "      <enable auth-method=\"shop-oauth\"/>",
	          "      <!-- connlint-disable-next-line CL402 -->\n"
	          "      <enable auth-method=\"shop-oauht\"/>");
	char *fixed = with(base, "CL402", "CL402, CL101");

	expect_fixed("CL009", fixed, CL_FIX_SAFE,
	             "remove `CL101` from the comment", cl_strdup(base), NULL);
	fixed = with(base, "CL402", "CL101 , CL402");
	expect_fixed("CL009", fixed, CL_FIX_SAFE,
	             "remove `CL101` from the comment", cl_strdup(base), NULL);
	free(base);
}
END_TEST

/* An unused disable and its enable: the name goes from both. */
START_TEST(cl009_disable_and_enable)
{
	char *base = CC("\n");
	char *before =
	    with(base, "  <endpoints>\n",
	         "  <!-- connlint-disable CL104 -->\n  <endpoints>\n");

	before = subst(before, "  </endpoints>\n",
	               "  </endpoints>\n  <!--connlint-enable CL104-->\n");
	expect_fixed("CL009", before, CL_FIX_SAFE,
	             "remove `CL104` from the `connlint-disable` and its "
	             "`connlint-enable`",
	             cl_strdup(base), "");
	free(base);
}
END_TEST

/* Beside an element, and at the end of a file without a final line
 * break. */
START_TEST(cl009_end_of_file)
{
	char *base = CC("\n");
	char *after, *before;

	base[strlen(base) - 1] = '\0'; /* no final line break */
	before = cl_xasprintf("%s\n<!-- connlint-disable-file CL101 -->", base);
	after = cl_strdup(base);
	expect_fixed("CL009", before, CL_FIX_SAFE, "remove the comment", after,
	             "");
	before = with(base, "<enable auth-method=\"shop-oauth\"/>",
	              "<enable auth-method=\"shop-oauth\"/> <!-- "
	              "connlint-disable-file CL101 -->");
	expect_fixed("CL009", before, CL_FIX_SAFE, "remove the comment",
	             with(base, "<enable auth-method=\"shop-oauth\"/>",
	                  "<enable auth-method=\"shop-oauth\"/> "),
	             "");
	free(base);
}
END_TEST

static Suite *
fixes_suite(void)
{
	Suite *s = suite_create("fixes");
	TCase *api = tcase_create("api");
	TCase *rules = tcase_create("rules");

	tcase_add_checked_fixture(api, setup, teardown);
	tcase_add_test(api, element_span);
	tcase_add_test(api, edits_sorted);
	tcase_add_test_raise_signal(api, edits_overlap, SIGABRT);
	tcase_add_test_raise_signal(api, insertions_at_one_offset, SIGABRT);
	tcase_add_test_raise_signal(api, insertion_inside_an_edit, SIGABRT);
	tcase_add_test_raise_signal(api, edit_outside_the_buffer, SIGABRT);
	tcase_add_test_raise_signal(api, fix_of_a_rule_without_fixes, SIGABRT);
	tcase_add_test_raise_signal(api, unsafe_fix_of_a_safe_rule, SIGABRT);
	tcase_add_test_raise_signal(api, two_fixes, SIGABRT);
	tcase_add_test_raise_signal(api, edit_before_the_fix, SIGABRT);
	tcase_add_test(api, secret_shaped_text);
	tcase_add_test(api, known_secret_text);
	tcase_add_test(api, no_fix_accessors);
	tcase_add_test(api, catalogue);
	suite_add_tcase(s, api);

	tcase_add_checked_fixture(rules, setup, teardown);
	tcase_add_test(rules, cl303_default);
	tcase_add_test(rules, cl303_crlf_bom_single_quotes);
	tcase_add_test(rules, cl303_param_case);
	tcase_add_test(rules, cl303_other_type_no_fix);
	tcase_add_test(rules, cl308_case);
	tcase_add_test(rules, cl308_typo_crlf);
	tcase_add_test(rules, cl308_far_no_fix);
	tcase_add_test(rules, cl318_param);
	tcase_add_test(rules, cl318_param_reference);
	tcase_add_test(rules, cl318_query);
	tcase_add_test(rules, cl318_name_taken_no_fix);
	tcase_add_test(rules, cl402_typo);
	tcase_add_test(rules, cl402_two_near_no_fix);
	tcase_add_test(rules, cl402_enabled_already_no_fix);
	tcase_add_test(rules, cl504_add);
	tcase_add_test(rules, cl504_one_attribute_a_line);
	tcase_add_test(rules, cl504_single_quotes);
	tcase_add_test(rules, cl504_false);
	tcase_add_test(rules, cl504_last_line_shared);
	tcase_add_test(rules, cl318_query_reference_no_fix);
	tcase_add_test(rules, cl105_key);
	tcase_add_test(rules, cl106_missing_open_brace);
	tcase_add_test(rules, cl106_missing_close_brace);
	tcase_add_test(rules, cl106_blanks_inside);
	tcase_add_test(rules, cl106_body);
	tcase_add_test(rules, cl106_not_in_scope_no_fix);
	tcase_add_test(rules, cl106_other_forms_no_fix);
	tcase_add_test(rules, cl109_append);
	tcase_add_test(rules, cl109_tabs_quotes_comment);
	tcase_add_test(rules, cl109_create_variables);
	tcase_add_test(rules, cl109_layout_no_fix);
	tcase_add_test(rules, cl104_near);
	tcase_add_test(rules, cl104_param_value);
	tcase_add_test(rules, cl104_two_near_no_fix);
	tcase_add_test(rules, cl104_connector_variable_no_fix);
	tcase_add_test(rules, cl101_line);
	tcase_add_test(rules, cl101_two_lines);
	tcase_add_test(rules, cl101_same_line);
	tcase_add_test(rules, cl101_near_placeholder_no_fix);
	tcase_add_test(rules, cl203_append);
	tcase_add_test(rules, cl203_create_in_method);
	tcase_add_test(rules, cl203_create_in_endpoint);
	tcase_add_test(rules, cl203_no_fix);
	tcase_add_test(rules, cl411_line);
	tcase_add_test(rules, cl411_same_line);
	tcase_add_test(rules, cl408_header);
	tcase_add_test(rules, cl408_configurable_no_fix);
	tcase_add_test(rules, cl502_http);
	tcase_add_test(rules, cl502_upper_case_endpoint);
	tcase_add_test(rules, cl502_reference_no_fix);
	tcase_add_test(rules, cl301_folded);
	tcase_add_test(rules, cl209_typo);
	tcase_add_test(rules, cl301_case_placeholder_no_fix);
	tcase_add_test(rules, cl201_use_no_fix);
	tcase_add_test(rules, cl301_add);
	tcase_add_test(rules, cl302_add);
	tcase_add_test(rules, cl201_add);
	tcase_add_test(rules, cl201_two_absent);
	tcase_add_test(rules, cl301_add_layout_no_fix);
	tcase_add_test(rules, cl201_public_secret_no_fix);
	tcase_add_test(rules, cl009_whole_comment);
	tcase_add_test(rules, cl009_one_name);
	tcase_add_test(rules, cl009_disable_and_enable);
	tcase_add_test(rules, cl009_end_of_file);
	suite_add_tcase(s, rules);
	return s;
}

CL_CHECK_MAIN(fixes_suite)
