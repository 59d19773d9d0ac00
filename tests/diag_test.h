/*
 * Helpers shared by the Check suites that assert on diagnostics: find the
 * first diagnostic of a rule, and check a message. Each suite defines its
 * own summary() (what it prints of a result) for EXPECT_SUMMARY.
 */
#ifndef CL_DIAG_TEST_H
#define CL_DIAG_TEST_H

#include <check.h>
#include <string.h>

#include "connlint.h"

/* The first diagnostic of rule ID in R, or NULL. */
static inline const cl_diag *find(const cl_result *r, const char *id)
{
	size_t i;

	for (i = 0; i < cl_result_count(r); i++)
		if (!strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))), id))
			return cl_result_diag(r, i);
	return NULL;
}

#define EXPECT_SUMMARY(r, want)                                          \
	do {                                                             \
		char *got_ = summary(r);                                 \
		ck_assert_msg(!strcmp(got_, want), "got \"%s\", want \"%s\"", \
			      got_, want);                               \
		free(got_);                                              \
	} while (0)

#define EXPECT_MESSAGE(r, id, needle)                                       \
	do {                                                                \
		const cl_diag *d_ = find(r, id);                            \
		ck_assert_ptr_nonnull(d_);                                  \
		ck_assert_msg(strstr(cl_diag_message(d_), needle),          \
			      "%s message \"%s\" lacks \"%s\"", id,         \
			      cl_diag_message(d_), needle);                 \
	} while (0)

#endif /* CL_DIAG_TEST_H */
