/*
 * One fresh linter per test, for the suites that need no more:
 * tcase_add_checked_fixture(tc, setup, teardown) with the setup and
 * teardown below, and `linter` in each test.
 */
#ifndef CL_TESTS_LIB_LINTER_FIXTURE_H
#define CL_TESTS_LIB_LINTER_FIXTURE_H

#include <string.h>

#include "connlint.h"

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

#ifndef CL_TEST_HELPER
#define CL_TEST_HELPER __attribute__((unused))
#endif

/* DOC linted in memory as file NAME. Caller frees. */
static CL_TEST_HELPER cl_result *
lint_named(const char *name, const char *doc)
{
	return cl_lint_memory(linter, name, doc, strlen(doc));
}

#endif /* CL_TESTS_LIB_LINTER_FIXTURE_H */
