/* Unit tests for the near-miss helper (src/base/nearmiss.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "lib/check_main.h"

START_TEST(test_edit_distance)
{
	ck_assert_uint_eq(cl_edit_distance("", ""), 0);
	ck_assert_uint_eq(cl_edit_distance("abc", ""), 3);
	ck_assert_uint_eq(cl_edit_distance("", "abc"), 3);
	ck_assert_uint_eq(cl_edit_distance("kitten", "sitting"), 3);
	ck_assert_uint_eq(cl_edit_distance("client_id", "client_id"), 0);
	ck_assert_uint_eq(
	    cl_edit_distance("client_credential", "client_credentials"), 1);
	ck_assert_uint_eq(
	    cl_edit_distance("authorisation_code", "authorization_code"), 1);
	/* Case counts: the distance is over bytes. */
	ck_assert_uint_eq(cl_edit_distance("Scope", "scope"), 1);
	/* A swap of two adjacent characters is one typo. */
	ck_assert_uint_eq(cl_edit_distance("hots", "host"), 1);
	ck_assert_uint_eq(cl_edit_distance("auht-method", "auth-method"), 1);
	ck_assert_uint_eq(cl_edit_distance("ab", "ba"), 1);
	ck_assert_uint_eq(cl_edit_distance("abc", "cba"), 2);
}
END_TEST

START_TEST(test_edit_distance_capped)
{
	char a[400], b[400];

	memset(a, 'a', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	memset(b, 'b', sizeof(b) - 1);
	b[sizeof(b) - 1] = '\0';
	ck_assert_uint_eq(cl_edit_distance(a, b), 255);
	ck_assert_uint_eq(cl_edit_distance(a, ""), 255);
	ck_assert_uint_eq(cl_edit_distance(a, a), 0);
}
END_TEST

START_TEST(test_same_folded)
{
	ck_assert_int_eq(cl_same_folded("clientId", "client_id"), 1);
	ck_assert_int_eq(cl_same_folded("client-id", "client_id"), 1);
	ck_assert_int_eq(cl_same_folded("Client_ID", "client_id"), 1);
	ck_assert_int_eq(cl_same_folded("client.id", "client_id"), 1);
	ck_assert_int_eq(cl_same_folded("client id", "client_id"), 1);
	ck_assert_int_eq(cl_same_folded("Content-Type", "content_type"), 1);
	ck_assert_int_eq(cl_same_folded("_client_id_", "clientid"), 1);
	/* Equal strings are not a near miss. */
	ck_assert_int_eq(cl_same_folded("client_id", "client_id"), 0);
	ck_assert_int_eq(cl_same_folded("client_id", "client_ids"), 0);
	ck_assert_int_eq(cl_same_folded("client_id", "clientid2"), 0);
	ck_assert_int_eq(cl_same_folded("", "_"), 1);
	ck_assert_int_eq(cl_same_folded("a", ""), 0);
}
END_TEST

START_TEST(test_nearmiss_folded_wins)
{
	static const char *const cands[] = { "client_ide", "client_id",
		                             "client_secret" };

	/* client_ide is one edit away from clientId's folding too, but a
	 * folded-equal candidate always wins. */
	ck_assert_str_eq(cl_nearmiss("clientId", cands, 3), "client_id");
	ck_assert_str_eq(cl_nearmiss("Client_ID", cands, 3), "client_id");
	ck_assert_str_eq(cl_nearmiss("client-id", cands, 3), "client_id");
}
END_TEST

START_TEST(test_nearmiss_distance)
{
	static const char *const grants[] = { "client_credentials",
		                              "password" };
	static const char *const ac[] = { "authorization_code" };
	static const char *const ids[] = { "shop-oauth", "shop-basic" };

	ck_assert_str_eq(cl_nearmiss("client_credential", grants, 2),
	                 "client_credentials");
	ck_assert_str_eq(cl_nearmiss("Client_Credentials", grants, 2),
	                 "client_credentials");
	ck_assert_str_eq(cl_nearmiss("passwd", grants, 2), "password");
	ck_assert_str_eq(cl_nearmiss("authorisation_code", ac, 1),
	                 "authorization_code");
	ck_assert_str_eq(cl_nearmiss("shop-oauht", ids, 2), "shop-oauth");
	ck_assert_ptr_null(cl_nearmiss("implicit", grants, 2));
	ck_assert_ptr_null(cl_nearmiss("authorization_code", grants, 2));
}
END_TEST

START_TEST(test_nearmiss_limit)
{
	static const char *const cands[] = { "ab", "abcdef" };

	/* max(1, len / 3): one edit for short names ... */
	ck_assert_str_eq(cl_nearmiss("ax", cands, 2), "ab");
	ck_assert_ptr_null(cl_nearmiss("xy", cands, 2));
	/* ... two for six characters. */
	ck_assert_str_eq(cl_nearmiss("abcdxy", cands, 2), "abcdef");
	ck_assert_ptr_null(cl_nearmiss("abxyzf", cands, 2));
}
END_TEST

START_TEST(test_nearmiss_edges)
{
	static const char *const cands[] = { "scope", NULL, "", "scopes" };
	static const char *const same[] = { "scope" };

	/* An exact match is no near miss, and the closest other one wins. */
	ck_assert_str_eq(cl_nearmiss("scope", cands, 4), "scopes");
	ck_assert_ptr_null(cl_nearmiss("scope", same, 1));
	ck_assert_ptr_null(cl_nearmiss("", cands, 4));
	ck_assert_ptr_null(cl_nearmiss("scope", cands, 0));
	/* The pointer returned is the candidate's own. */
	ck_assert_ptr_eq(cl_nearmiss("scop", same, 1), same[0]);
}
END_TEST

START_TEST(test_nearmiss_first_of_equals)
{
	static const char *const cands[] = { "abcx", "abcy" };

	ck_assert_ptr_eq(cl_nearmiss("abcz", cands, 2), cands[0]);
}
END_TEST

/* The indexed lookup (issue 16) gives cl_nearmiss's answer over the
 * lists as one: folded first, then the first of the closest, NULLs never,
 * and the same cap on the candidates of a near length it compares. */
START_TEST(test_nearmiss_index_same_answers)
{
	static const char *const a[] = { "host", NULL, "client_secret",
		                         "api_key" };
	static const char *const b[] = { "Client-Id", "hots", "apikey",
		                         "scope" };
	static const char *const names[] = {
		"clientid", "hsot", "api_kye", "client_secrte", "scope",
		"nope",     "_",    "",        "scopes",        "APIKEY",
	};
	const char *all[8], *many[200];
	char keys[200][8];
	struct cl_nearmiss_index *idx[2], *big;
	size_t i, list, pos;

	memcpy(all, a, sizeof(a));
	memcpy(all + 4, b, sizeof(b));
	idx[0] = cl_nearmiss_index_new(a, 4);
	idx[1] = cl_nearmiss_index_new(b, 4);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *want = cl_nearmiss(names[i], all, 8);
		const char *got =
		    cl_nearmiss_find(names[i], idx, 2, &list, &pos);

		ck_assert_msg(got == want, "%s: %s, not %s", names[i],
		              got ? got : "NULL", want ? want : "NULL");
		if (got)
			ck_assert_ptr_eq((list ? b : a)[pos], got);
	}
	ck_assert_uint_eq(cl_nearmiss_index_find_case(idx[1], "CLIENT-ID"), 0);
	ck_assert_uint_eq(cl_nearmiss_index_find_case(idx[1], "client_id"),
	                  (size_t)-1);
	/* 200 keys of one length: only the first CL_NEARMISS_MAX_COMPARED
	 * are compared, by both. */
	for (i = 0; i < 200; i++) {
		keys[i][0] = 'k';
		keys[i][1] = (char)('0' + i / 100);
		keys[i][2] = (char)('0' + i / 10 % 10);
		keys[i][3] = (char)('0' + i % 10);
		keys[i][4] = '\0';
		many[i] = keys[i];
	}
	big = cl_nearmiss_index_new(many, 200);
	ck_assert_str_eq(cl_nearmiss("k010x", many, 200), "k010");
	ck_assert_ptr_eq(cl_nearmiss_find("k010x", &big, 1, NULL, NULL),
	                 many[10]);
	/* k150 is past the first 64: not compared, so no suggestion. */
	ck_assert_ptr_null(cl_nearmiss("k150x", many, 200));
	ck_assert_ptr_null(cl_nearmiss_find("k150x", &big, 1, NULL, NULL));
	cl_nearmiss_index_free(big);
	cl_nearmiss_index_free(idx[0]);
	cl_nearmiss_index_free(idx[1]);
}
END_TEST

static Suite *
nearmiss_suite(void)
{
	Suite *s = suite_create("nearmiss");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_edit_distance);
	tcase_add_test(tc, test_edit_distance_capped);
	tcase_add_test(tc, test_same_folded);
	tcase_add_test(tc, test_nearmiss_folded_wins);
	tcase_add_test(tc, test_nearmiss_distance);
	tcase_add_test(tc, test_nearmiss_limit);
	tcase_add_test(tc, test_nearmiss_edges);
	tcase_add_test(tc, test_nearmiss_first_of_equals);
	tcase_add_test(tc, test_nearmiss_index_same_answers);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(nearmiss_suite)
