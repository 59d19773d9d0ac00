/*
 * The main() of a Check test program. CL_CHECK_MAIN(make_suite) is the
 * whole of it when nothing else needs doing; a main() that sets something
 * up first ends with `return cl_check_run(suite);`. Both exit non-zero
 * when a test fails.
 */
#ifndef CL_TESTS_LIB_CHECK_MAIN_H
#define CL_TESTS_LIB_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

/* Runs suite S (and frees it): EXIT_SUCCESS when every test passed. */
static __attribute__((unused)) int
cl_check_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#define CL_CHECK_MAIN(make_suite)                  \
	int main(void)                             \
	{                                          \
		return cl_check_run(make_suite()); \
	}

#endif /* CL_TESTS_LIB_CHECK_MAIN_H */
