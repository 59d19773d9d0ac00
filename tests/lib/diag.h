/*
 * Helpers shared by the Check suites that assert on diagnostics: find the
 * first or the K-th diagnostic of a rule, count them, print them, compare
 * the list of rules fired, and check a message. A suite that uses
 * EXPECT_SUMMARY defines its own summary() (what it prints of a result).
 * Every function is static and may go unused: each test program includes
 * this header once.
 */
#ifndef CL_TESTS_LIB_DIAG_H
#define CL_TESTS_LIB_DIAG_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "util.h"

/* Not every test program uses every helper (the same in cli_run.h). */
#ifndef CL_TEST_HELPER
#define CL_TEST_HELPER __attribute__((unused))
#endif

/* The K-th diagnostic of RULE in R (0-based), or NULL. */
static CL_TEST_HELPER const cl_diag *
nth(const cl_result *r, const char *rule, size_t k)
{
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		if (!strcmp(cl_rule_id(cl_diag_rule(d)), rule) && !k--)
			return d;
	}
	return NULL;
}

/* The first diagnostic of rule ID in R, or NULL. */
static CL_TEST_HELPER const cl_diag *
find(const cl_result *r, const char *id)
{
	return nth(r, id, 0);
}

/* How many diagnostics of RULE R holds. */
static CL_TEST_HELPER size_t
count(const cl_result *r, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < cl_result_count(r); i++)
		n += !strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))),
		             rule);
	return n;
}

/* Every diagnostic of R on stderr, one a line, for a failing case. */
static CL_TEST_HELPER void
dump(const cl_result *r)
{
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);

		fprintf(stderr, "  %u:%u-%u:%u %s %s\n", cl_diag_line(d),
		        cl_diag_column(d), cl_diag_end_line(d),
		        cl_diag_end_column(d), cl_rule_id(cl_diag_rule(d)),
		        cl_diag_message(d));
	}
}

/* Exactly the diagnostics listed, in order, as a string like
 * "CL201 CL303" ("" for none). */
static CL_TEST_HELPER void
expect_rules(const cl_result *r, const char *want)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	for (i = 0; i < cl_result_count(r); i++) {
		if (i)
			cl_strbuf_addch(&sb, ' ');
		cl_strbuf_adds(&sb,
		               cl_rule_id(cl_diag_rule(cl_result_diag(r, i))));
	}
	if (strcmp(cl_strbuf_str(&sb), want))
		dump(r);
	ck_assert_str_eq(cl_strbuf_str(&sb), want);
	cl_strbuf_release(&sb);
}

/*
 * The diagnostics in R of the N rules in RULES as "CL110@26:20-26:30"
 * items joined by spaces, in the result's order (by position); with
 * RELATED, each item is followed by its related locations in brackets,
 * "[15:22-15:25]". Caller frees.
 */
static CL_TEST_HELPER char *
summary_of(const cl_result *r, const char *const *rules, size_t n, int related)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, j;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);
		const char *id = cl_rule_id(cl_diag_rule(d));
		unsigned l, c, el, ec;

		for (j = 0; j < n && strcmp(id, rules[j]); j++)
			;
		if (j == n)
			continue;
		cl_strbuf_addf(&sb, "%s%s@%u:%u-%u:%u", sb.len ? " " : "", id,
		               cl_diag_line(d), cl_diag_column(d),
		               cl_diag_end_line(d), cl_diag_end_column(d));
		for (j = 0; related && cl_diag_related(d, j, &l, &c, &el, &ec);
		     j++)
			cl_strbuf_addf(&sb, "[%u:%u-%u:%u]", l, c, el, ec);
	}
	return sb.buf ? cl_strbuf_detach(&sb) : cl_strdup("");
}

#define EXPECT_SUMMARY(r, want)                                               \
	do {                                                                  \
		char *got_ = summary(r);                                      \
		ck_assert_msg(!strcmp(got_, want), "got \"%s\", want \"%s\"", \
		              got_, want);                                    \
		free(got_);                                                   \
	} while (0)

#define EXPECT_MESSAGE(r, id, needle)                               \
	do {                                                        \
		const cl_diag *d_ = find(r, id);                    \
		ck_assert_ptr_nonnull(d_);                          \
		ck_assert_msg(strstr(cl_diag_message(d_), needle),  \
		              "%s message \"%s\" lacks \"%s\"", id, \
		              cl_diag_message(d_), needle);         \
	} while (0)

#define ASSERT_MSG_HAS(d, s)                           \
	ck_assert_msg(strstr(cl_diag_message(d), (s)), \
	              "message \"%s\" lacks \"%s\"", cl_diag_message(d), (s))
#define ASSERT_MSG_LACKS(d, s)                          \
	ck_assert_msg(!strstr(cl_diag_message(d), (s)), \
	              "message \"%s\" shows \"%s\"", cl_diag_message(d), (s))

/* D spans line L, columns [C, EC). */
#define ASSERT_SPAN(d, l, c, ec)                                \
	do {                                                    \
		ck_assert_ptr_nonnull(d);                       \
		ck_assert_uint_eq(cl_diag_line(d), (l));        \
		ck_assert_uint_eq(cl_diag_column(d), (c));      \
		ck_assert_uint_eq(cl_diag_end_line(d), (l));    \
		ck_assert_uint_eq(cl_diag_end_column(d), (ec)); \
	} while (0)

/* Related location K of D is at line L, columns [C, EC). */
#define ASSERT_RELATED(d, k, l, c, ec)                                    \
	do {                                                              \
		unsigned rl_, rc_, rel_, rec_;                            \
		ck_assert_ptr_nonnull(                                    \
		    cl_diag_related((d), (k), &rl_, &rc_, &rel_, &rec_)); \
		ck_assert_uint_eq(rl_, (l));                              \
		ck_assert_uint_eq(rc_, (c));                              \
		ck_assert_uint_eq(rel_, (l));                             \
		ck_assert_uint_eq(rec_, (ec));                            \
	} while (0)

#endif /* CL_TESTS_LIB_DIAG_H */
