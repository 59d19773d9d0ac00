/*
 * The placeholder scanners (src/parse/placeholder.c): what is a placeholder,
 * what is a malformed one, what is neither (JSON bodies), and that
 * hostile inputs finish with the right answer.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "placeholder.h"
#include "util.h"
#include "lib/check_main.h"

typedef int
scan_fn(const char *, size_t, size_t *, struct cl_placeholder_match *);

/*
 * Every match of SCAN over S, as "whole=key" items joined by spaces, e.g.
 * "{{a}}=a {{b}}=b". Caller frees.
 */
static char *
scan_all(scan_fn *scan, const char *s)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	struct cl_placeholder_match m;
	size_t pos = 0, len = strlen(s), last = 0;

	while (scan(s, len, &pos, &m)) {
		ck_assert_uint_le(m.start, m.key_start);
		ck_assert_uint_le(m.key_start, m.key_end);
		ck_assert_uint_le(m.key_end, m.end);
		ck_assert_uint_le(m.end, len);
		ck_assert_uint_eq(pos, m.end);
		ck_assert_uint_ge(m.start, last);
		last = m.end;
		if (sb.len)
			cl_strbuf_addch(&sb, ' ');
		cl_strbuf_add(&sb, s + m.start, m.end - m.start);
		cl_strbuf_addch(&sb, '=');
		cl_strbuf_add(&sb, s + m.key_start, m.key_end - m.key_start);
	}
	if (!sb.buf)
		return cl_strdup("");
	return cl_strbuf_detach(&sb);
}

#define EXPECT(scan, input, want)                                           \
	do {                                                                \
		char *got_ = scan_all(scan, input);                         \
		ck_assert_msg(!strcmp(got_, want),                          \
		              "%s(\"%s\"): got \"%s\", want \"%s\"", #scan, \
		              input, got_, want);                           \
		free(got_);                                                 \
	} while (0)

#define WELL(input, want) EXPECT(cl_placeholder_next, input, want)
#define BAD(input, want) EXPECT(cl_placeholder_next_malformed, input, want)
#define SINGLE(input, want) EXPECT(cl_placeholder_next_single, input, want)

START_TEST(test_wellformed)
{
	WELL("{{key}}", "{{key}}=key");
	WELL("https://{{store_url}}/api/{{api.v-2}}/x",
	     "{{store_url}}=store_url {{api.v-2}}=api.v-2");
	WELL("{{a}}{{b}}", "{{a}}=a {{b}}=b");
	/* A literal '$' or a closing JSON brace next to a placeholder. */
	WELL("Total: ${{price}}", "{{price}}=price");
	WELL("{\"a\":{{obj}}}", "{{obj}}=obj");
	WELL("{\"a\":{\"b\":{{x}}}}", "{{x}}=x");
	/* Not placeholders. */
	WELL("", "");
	WELL("no braces at all", "");
	WELL("{{ key }}", "");
	WELL("{{}}", "");
	WELL("{key}}", "");
	WELL("{{key}", "");
	WELL("{{{key}}}", "");
	WELL("{{größe}}", "");
	/* The malformed scanner leaves well-formed ones alone. */
	BAD("{{key}} {{a.b}} {\"a\":{{obj}}} ${{price}}", "");
}
END_TEST

START_TEST(test_position)
{
	const char *s = "{{a}} {{b}}";
	size_t pos = 1;
	struct cl_placeholder_match m;

	/* Scanning resumes at *POS: "{{a}}" has started already. */
	ck_assert_int_eq(cl_placeholder_next(s, strlen(s), &pos, &m), 1);
	ck_assert_uint_eq(m.start, 6);
	ck_assert_uint_eq(m.end, 11);
	ck_assert_uint_eq(m.key_start, 8);
	ck_assert_uint_eq(m.key_end, 9);
	ck_assert_uint_eq(pos, 11);
	ck_assert_int_eq(cl_placeholder_next(s, strlen(s), &pos, &m), 0);
	/* LEN bounds the scan, not the NUL. */
	pos = 0;
	ck_assert_int_eq(cl_placeholder_next(s, 4, &pos, &m), 0);
	pos = 0;
	ck_assert_int_eq(cl_placeholder_next(NULL, 0, &pos, &m), 0);
}
END_TEST

START_TEST(test_malformed_shapes)
{
	BAD("{key}}", "{key}}=key");
	BAD("{{key}", "{{key}=key");
	BAD("{{key} and more", "{{key}=key");
	BAD("{{ key }}", "{{ key }}=key");
	BAD("{{key }}", "{{key }}=key");
	BAD("{{\tkey}}", "{{\tkey}}=key");
	BAD("{{}}", "{{}}=");
	BAD("{{ }}", "{{ }}=");
	BAD("${key}", "${key}=key");
	BAD("${ key }", "${ key }=key");
	BAD("[[key]]", "[[key]]=key");
	BAD("[[ key ]]", "[[ key ]]=key");
	BAD("{{{key}}}", "{{{key}}}=key");
	BAD("{{{key}}", "{{{key}}=key");
	BAD("{{{{key}}}}", "{{{{key}}}}=key");
	BAD("{{{}}}", "{{{}}}=");
	BAD("{{a b}}", "{{a b}}=a b");
	BAD("{{größe}}", "{{größe}}=größe");
	BAD("https://{{store_url/api", "{{store_url=store_url");
	/* Several in one text, with positions in order. */
	BAD("/a/{id}}/b/${x}/c/[[y]]/d/{{ z }}",
	    "{id}}=id ${x}=x [[y]]=y {{ z }}=z");
}
END_TEST

START_TEST(test_json_is_not_malformed)
{
	BAD("{\"a\": {\"b\": 1}}", "");
	BAD("{\"a\":{\"b\":1}}", "");
	BAD("[[1,2]]", "");
	BAD("[[1, 2], [3, 4]]", "");
	BAD("[[\"a\"]]", "");
	BAD("[[true]]", "");
	BAD("[[ null ]]", "");
	BAD("[{\"x\": 1}]", "");
	BAD("{}", "");
	BAD("[]", "");
	BAD("{\"a\":{}}", "");
	BAD("{ \"a\": [ { \"b\": {} } ] }", "");
	BAD("{\"items\":[{\"sku\":\"{{sku}}\",\"qty\":{{qty}}}]}", "");
	/* Minified GraphQL inside JSON. */
	BAD("{\"query\":\"{shop{name}}\"}", "");
	/* Lone braces. */
	BAD("{{", "");
	BAD("}}", "");
	BAD("{", "");
	BAD("{{\n}}", "");
	BAD("{{ \"a\": 1 }}", "");
}
END_TEST

START_TEST(test_single_braces)
{
	SINGLE("https://api.example.com/orders/{id}", "{id}=id");
	SINGLE("/a/{x}/b/{y}", "{x}=x {y}=y");
	/* Covered by the other scanners, so never reported twice. */
	SINGLE("{{id}}", "");
	SINGLE("{id}}", "");
	SINGLE("${id}", "");
	SINGLE("{{id}", "");
	SINGLE("{}", "");
	SINGLE("{\"a\":1}", "");
}
END_TEST

/* N copies of UNIT. Caller frees. */
static char *
repeat(const char *unit, size_t n)
{
	size_t ul = strlen(unit), i;
	char *s = cl_malloc(ul * n + 1);

	for (i = 0; i < n; i++)
		memcpy(s + i * ul, unit, ul);
	s[ul * n] = '\0';
	return s;
}

static size_t
count_all(scan_fn *scan, const char *s)
{
	struct cl_placeholder_match m;
	size_t pos = 0, n = 0, len = strlen(s);

	while (scan(s, len, &pos, &m))
		n++;
	return n;
}

#define HOSTILE 100000

/* Each case must finish (the suite's timeout) with the exact count. */
START_TEST(test_hostile)
{
	static const struct {
		const char *unit;
		size_t well, bad, single;
	} cases[] = {
		{ "{{", 0, 0, 0 },          { "{", 0, 0, 0 },
		{ "}}", 0, 0, 0 },          { "{{ ", 0, 0, 0 },
		{ "[[", 0, 0, 0 },          { "${", 0, 0, 0 },
		{ "{{a", 0, HOSTILE, 0 },   { "{{a}", 0, HOSTILE, 0 },
		{ "{a}}", 0, HOSTILE, 0 },  { "{{ }", 0, HOSTILE, 0 },
		{ "{{a}}", HOSTILE, 0, 0 }, { "{a}", 0, 0, HOSTILE },
		{ "[[a", 0, 0, 0 },         { "{{{a", 0, 0, 0 },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		char *s = repeat(cases[i].unit, HOSTILE);

		ck_assert_msg(count_all(cl_placeholder_next, s) ==
		                  cases[i].well,
		              "well-formed in %s", cases[i].unit);
		ck_assert_msg(count_all(cl_placeholder_next_malformed, s) ==
		                  cases[i].bad,
		              "malformed in %s", cases[i].unit);
		ck_assert_msg(count_all(cl_placeholder_next_single, s) ==
		                  cases[i].single,
		              "single in %s", cases[i].unit);
		free(s);
	}
}
END_TEST

/* A long hostile prefix must not hide a placeholder after it. */
START_TEST(test_hostile_then_placeholder)
{
	char *braces = repeat("{{", HOSTILE);
	char *s = cl_xasprintf("%s x {{key}} {key}}", braces);
	char *got;

	got = scan_all(cl_placeholder_next, s);
	ck_assert_str_eq(got, "{{key}}=key");
	free(got);
	got = scan_all(cl_placeholder_next_malformed, s);
	ck_assert_str_eq(got, "{key}}=key");
	free(got);
	free(s);
	free(braces);
}
END_TEST

/*
 * The hand-written well-formed and single-brace scans against the
 * regexes placeholder.h defines them by, on every string of up to six
 * characters over an alphabet of braces, key characters, a blank, '$'
 * and a non-ASCII byte, from every start position, and on longer
 * pseudo-random strings: the same matches, keys and next positions.
 */
static const char wellformed_re[] = "(?<!\\{)\\{\\{([A-Za-z0-9_.-]++)\\}\\}";
static const char single_re[] =
    "(?<![{$])\\{(?!\\{)([A-Za-z0-9_.-]++)\\}(?!\\})";
static const char *alphabet = "{}a.- $\xc3";
static size_t max_len = 6; /* of the exhaustive strings */

static void
compare_with_regex(scan_fn *scan, const pcre2_code *re, pcre2_match_data *md,
                   const char *s, size_t len)
{
	size_t from;

	for (from = 0; from <= len; from++) {
		size_t pos = from, rpos = from, ks, ke;
		struct cl_placeholder_match m;

		for (;;) {
			int got = scan(s, len, &pos, &m);
			int rc = rpos < len
			             ? pcre2_match(re, (PCRE2_SPTR)s, len, rpos,
			                           0, md, NULL)
			             : PCRE2_ERROR_NOMATCH;
			const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

			ck_assert_msg(got == (rc > 0),
			              "\"%.*s\" from %zu: scan %d, regex %d",
			              (int)len, s, rpos, got, rc);
			if (!got)
				break;
			ck_assert_uint_eq(m.start, ov[0]);
			ck_assert_uint_eq(m.end, ov[1]);
			/* The key: group 1 (the end when unset), blanks
			 * trimmed as placeholder.h says. */
			ks = ov[2] == PCRE2_UNSET ? ov[1] : ov[2];
			ke = ov[2] == PCRE2_UNSET ? ov[1] : ov[3];
			while (ks < ke && (s[ks] == ' ' || s[ks] == '\t'))
				ks++;
			while (ke > ks &&
			       (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
				ke--;
			ck_assert_uint_eq(m.key_start, ks);
			ck_assert_uint_eq(m.key_end, ke);
			ck_assert_uint_eq(pos, ov[1]);
			rpos = ov[1];
		}
	}
}

static void
check_against(scan_fn *scan, const char *regex)
{
	int err;
	PCRE2_SIZE erroff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED,
	                               0, &err, &erroff, NULL);
	pcre2_match_data *md;
	size_t n = strlen(alphabet), len, i, k;
	char s[64];
	unsigned long x = 12345, total;

	ck_assert_ptr_nonnull(re);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	ck_assert_ptr_nonnull(md);
	/* Exhaustive: n^len strings of each length up to max_len. */
	for (len = 0; len <= max_len; len++) {
		for (total = 1, i = 0; i < len; i++)
			total *= n;
		for (k = 0; k < total; k++) {
			unsigned long v = k;

			for (i = 0; i < len; i++, v /= n)
				s[i] = alphabet[v % n];
			compare_with_regex(scan, re, md, s, len);
		}
	}
	/* Longer strings, biased towards braces and keys. */
	for (k = 0; k < 20000; k++) {
		len = 8 + k % 48;
		for (i = 0; i < len; i++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			s[i] = alphabet[(x >> 33) % n];
		}
		compare_with_regex(scan, re, md, s, len);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

START_TEST(test_wellformed_is_the_regex)
{
	check_against(cl_placeholder_next, wellformed_re);
}
END_TEST

START_TEST(test_single_is_the_regex)
{
	check_against(cl_placeholder_next_single, single_re);
}
END_TEST

/* The malformed scan starts PCRE2 where its prefilter says a match can
 * first start: the same answers as the pattern run from *POS. Brackets,
 * quotes and tabs matter to it too, so strings are shorter. */
START_TEST(test_malformed_is_the_regex)
{
	alphabet = "{}[]a $\t\".";
	max_len = 5;
	check_against(cl_placeholder_next_malformed,
	              cl_placeholder_malformed_src);
}
END_TEST

static Suite *
placeholder_suite(void)
{
	Suite *s = suite_create("placeholder");
	TCase *tc = tcase_create("scan");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_wellformed);
	tcase_add_test(tc, test_wellformed_is_the_regex);
	tcase_add_test(tc, test_single_is_the_regex);
	tcase_add_test(tc, test_malformed_is_the_regex);
	tcase_add_test(tc, test_position);
	tcase_add_test(tc, test_malformed_shapes);
	tcase_add_test(tc, test_json_is_not_malformed);
	tcase_add_test(tc, test_single_braces);
	tcase_add_test(tc, test_hostile);
	tcase_add_test(tc, test_hostile_then_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	cl_placeholder_init();
	return cl_check_run(placeholder_suite());
}
