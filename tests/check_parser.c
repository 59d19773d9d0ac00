/*
 * Parser, input checks and positions: hostile and broken inputs each get
 * one CL001 at the right place; structure errors get CL002/CL003 at the
 * exact attribute value or element name; columns count characters.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "connlint.h"
#include "lib/diag.h"
#include "util.h"
#include "lib/check_main.h"
#include "lib/linter_fixture.h"

static cl_result *
lint(const char *doc)
{
	return cl_lint_memory(linter, "t.xml", doc, strlen(doc));
}

#define ASSERT_POS(d, l, c, el, ec)                             \
	do {                                                    \
		ck_assert_ptr_nonnull(d);                       \
		ck_assert_uint_eq(cl_diag_line(d), (l));        \
		ck_assert_uint_eq(cl_diag_column(d), (c));      \
		ck_assert_uint_eq(cl_diag_end_line(d), (el));   \
		ck_assert_uint_eq(cl_diag_end_column(d), (ec)); \
	} while (0)

/* A minimal connector that is clean with every rule of the core on. */
#define OK_HEAD "<connector format=\"1\" name=\"T\">\n"
#define OK_BODY                                                                                                 \
	"  <auth-methods>\n"                                                                                    \
	"    <auth-method id=\"tok\" name=\"Token\" type=\"token\">\n"                                          \
	"      <url>https://api.example.com/auth</url>\n"                                                       \
	"      <variables>\n"                                                                                   \
	"        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n" \
	"      </variables>\n"                                                                                  \
	"      <headers><param key=\"X-Token\" value=\"{{token}}\"/></headers>\n"                               \
	"    </auth-method>\n"                                                                                  \
	"  </auth-methods>\n"                                                                                   \
	"  <endpoints>\n"                                                                                       \
	"    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n"                             \
	"      <url>https://api.example.com/orders</url>\n"                                                     \
	"      <enable auth-method=\"tok\"/>\n"                                                                 \
	"    </endpoint>\n"                                                                                     \
	"  </endpoints>\n"                                                                                      \
	"</connector>\n"

/* cl_utf8_count, eight bytes at a time, against a byte-by-byte count:
 * every length up to 40 at every alignment, bytes of every kind. */
START_TEST(test_utf8_count)
{
	static const unsigned char kinds[] = { 'a',  0x80, 0xBF, 0xC3,
		                               0xE2, 0xF0, 0x7F, 0xFF };
	char buf[64];
	unsigned long x = 7;
	size_t len, off, i, want;
	int round;

	for (round = 0; round < 200; round++)
		for (len = 0; len <= 40; len++)
			for (off = 0; off < 8; off++) {
				for (i = 0, want = 0; i < len; i++) {
					x = x * 6364136223846793005UL + 1;
					buf[off + i] =
					    (char)kinds[(x >> 33) % 8];
					if ((kinds[(x >> 33) % 8] & 0xC0) !=
					    0x80)
						want++;
				}
				ck_assert_uint_eq(cl_utf8_count(buf + off, len),
				                  want);
			}
}
END_TEST

START_TEST(test_clean_minimal)
{
	cl_result *r = lint(OK_HEAD OK_BODY);

	if (cl_result_count(r))
		fprintf(stderr, "unexpected: %s %s\n",
		        cl_rule_id(cl_diag_rule(cl_result_diag(r, 0))),
		        cl_diag_message(cl_result_diag(r, 0)));
	ck_assert_uint_eq(cl_result_count(r), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_empty)
{
	cl_result *r = lint("");

	ck_assert_uint_eq(cl_result_count(r), 1);
	ASSERT_POS(find(r, "CL001"), 1, 1, 1, 1);
	ck_assert_ptr_nonnull(
	    strstr(cl_diag_message(find(r, "CL001")), "empty"));
	cl_result_free(r);
	r = lint("  \n\n ");
	ck_assert_uint_eq(count(r, "CL001"), 1);
	cl_result_free(r);
}
END_TEST

START_TEST(test_binary_garbage)
{
	char buf[512];
	size_t i;
	cl_result *r;

	/* Deterministic bytes, NULs and invalid UTF-8 included. */
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)((i * 7919u + 13u) & 0xFF);
	r = cl_lint_memory(linter, "g.bin", buf, sizeof(buf));
	ck_assert_uint_eq(cl_result_count(r), 1);
	ck_assert_ptr_nonnull(find(r, "CL001"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_truncated)
{
	cl_result *r =
	    lint(OK_HEAD "  <auth-methods>\n    <auth-method id=\"a\"");
	const cl_diag *d = find(r, "CL001");

	ck_assert_uint_eq(cl_result_count(r), 1);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(cl_diag_line(d), 3);
	cl_result_free(r);
}
END_TEST

START_TEST(test_tag_mismatch_position)
{
	cl_result *r =
	    lint(OK_HEAD "  <description>x</descriptio>\n</connector>\n");
	const cl_diag *d = find(r, "CL001");

	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(cl_diag_line(d), 2);
	ck_assert_ptr_nonnull(strstr(cl_diag_message(d), "does not match"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_latin1)
{
	/* "Größe" in Latin-1: 0xF6 is not UTF-8. */
	cl_result *r = lint(OK_HEAD "  <description>Gr\xF6\xDF"
	                            "e</description>\n</connector>\n");
	const cl_diag *d = find(r, "CL001");

	ck_assert_uint_eq(cl_result_count(r), 1);
	ASSERT_POS(d, 2, 18, 2, 19);
	ck_assert_ptr_nonnull(strstr(cl_diag_message(d), "UTF-8"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_utf16_bom)
{
	const char doc[] = "\xFF\xFE<\0c\0";
	cl_result *r = cl_lint_memory(linter, "u.xml", doc, sizeof(doc) - 1);

	ck_assert_uint_eq(cl_result_count(r), 1);
	ck_assert_ptr_nonnull(
	    strstr(cl_diag_message(find(r, "CL001")), "UTF-16"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_declared_latin1)
{
	cl_result *r = lint(
	    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" OK_HEAD OK_BODY);

	ASSERT_POS(find(r, "CL001"), 1, 31, 1, 41);
	cl_result_free(r);
}
END_TEST

START_TEST(test_nul_byte)
{
	const char doc[] = "<connector format=\"1\"\0 name=\"x\"/>";
	cl_result *r = cl_lint_memory(linter, "n.xml", doc, sizeof(doc) - 1);

	ck_assert_uint_eq(cl_result_count(r), 1);
	ASSERT_POS(find(r, "CL001"), 1, 22, 1, 23);
	cl_result_free(r);
}
END_TEST

START_TEST(test_deep_nesting)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	cl_result *r;
	int i;

	for (i = 0; i < 50000; i++)
		cl_strbuf_adds(&sb, "<a>");
	for (i = 0; i < 50000; i++)
		cl_strbuf_adds(&sb, "</a>");
	r = cl_lint_memory(linter, "deep.xml", sb.buf, sb.len);
	ck_assert_uint_eq(cl_result_count(r), 1);
	ck_assert_ptr_nonnull(
	    strstr(cl_diag_message(find(r, "CL001")), "nested"));
	cl_result_free(r);
	cl_strbuf_release(&sb);
}
END_TEST

START_TEST(test_entity_bomb)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE connector [\n"
	    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	    "]>\n"
	    "<connector format=\"1\" name=\"&h;\"><description>&h;&h;</description></connector>\n";
	cl_result *r = lint(doc);
	const cl_diag *d = find(r, "CL001");

	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(cl_diag_line(d), 12);
	ck_assert_ptr_nonnull(strstr(cl_diag_message(d), "not expanded"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_external_entity)
{
	char secret_path[] = "/tmp/connlint-xxe-XXXXXX";
	int fd = mkstemp(secret_path);
	const char *marker = "TOP-SECRET-XXE-MARKER";
	char *doc;
	cl_result *r;
	size_t i;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, marker, strlen(marker)),
	                 (int)strlen(marker));
	close(fd);
	doc = cl_xasprintf(
	    "<!DOCTYPE connector [ <!ENTITY x SYSTEM \"file://%s\"> ]>\n"
	    "<connector format=\"1\" name=\"x\"><description>&x;</description></connector>\n",
	    secret_path);
	r = lint(doc);
	ck_assert_ptr_nonnull(find(r, "CL001"));
	for (i = 0; i < cl_result_count(r); i++)
		ck_assert_ptr_null(
		    strstr(cl_diag_message(cl_result_diag(r, i)), marker));
	cl_result_free(r);
	free(doc);
	/* A parameter entity pulling the file into the DTD is never loaded. */
	doc = cl_xasprintf(
	    "<!DOCTYPE connector [ <!ENTITY %% p SYSTEM \"file://%s\"> %%p; ]>\n"
	    "<connector format=\"1\" name=\"x\"/>\n",
	    secret_path);
	r = lint(doc);
	ck_assert_ptr_nonnull(strstr(cl_diag_message(find(r, "CL001")), "%p;"));
	for (i = 0; i < cl_result_count(r); i++)
		ck_assert_ptr_null(
		    strstr(cl_diag_message(cl_result_diag(r, i)), marker));
	cl_result_free(r);
	free(doc);
	unlink(secret_path);
}
END_TEST

START_TEST(test_wrong_root)
{
	cl_result *r =
	    lint("<?xml version=\"1.0\"?>\n<connecter format=\"1\"/>\n");

	ck_assert_uint_eq(cl_result_count(r), 1);
	ASSERT_POS(find(r, "CL002"), 2, 2, 2, 11);
	cl_result_free(r);
}
END_TEST

START_TEST(test_format_version)
{
	cl_result *r = lint("<connector name=\"T\">\n" OK_BODY);

	ASSERT_POS(find(r, "CL003"), 1, 2, 1, 11);
	cl_result_free(r);
	r = lint("<connector format=\"2\" name=\"T\">\n" OK_BODY);
	ASSERT_POS(find(r, "CL003"), 1, 20, 1, 21);
	ck_assert_uint_eq(cl_result_count(r), 1);
	cl_result_free(r);
}
END_TEST

START_TEST(test_unknown_element_near_miss)
{
	cl_result *r =
	    lint(OK_HEAD "  <auth-methods>\n    <auth-methd id=\"x\"/>\n"
	                 "  </auth-methods>\n</connector>\n");
	const cl_diag *d = find(r, "CL002");

	ASSERT_POS(d, 3, 6, 3, 16);
	ck_assert_ptr_nonnull(
	    strstr(cl_diag_message(d), "did you mean `<auth-method>`?"));
	cl_result_free(r);
}
END_TEST

/* The attribute value is found on a later line of a multi-line start tag,
 * after non-ASCII text: columns count characters, byte columns bytes. */
START_TEST(test_multiline_non_ascii_position)
{
	static const char doc[] =
	    "<connector format=\"1\" name=\"Größe 店铺\"\n"
	    "           protocol=\"HTTX\">\n"
	    "  <description>Ünïcödé</description>\n"
	    "</connector>\n";
	cl_result *r = lint(doc);
	const cl_diag *d = find(r, "CL002");

	ASSERT_POS(d, 2, 22, 2, 26);
	ck_assert_ptr_nonnull(
	    strstr(cl_diag_message(d), "did you mean `HTTP`?"));
	cl_result_free(r);

	r = lint(
	    "<connector format=\"1\" name=\"店铺\" webhook=\"yes\">\n" OK_BODY);
	d = find(r, "CL002");
	/* 店铺 is 2 characters but 6 bytes. */
	ASSERT_POS(d, 1, 42, 1, 45);
	ck_assert_uint_eq(cl_diag_byte_column(d), 46);
	cl_result_free(r);
}
END_TEST

START_TEST(test_missing_attribute_points_at_element)
{
	cl_result *r =
	    lint(OK_HEAD "  <variables>\n    <variable label=\"x\"/>\n"
	                 "  </variables>\n" OK_BODY);
	const cl_diag *d = find(r, "CL002");

	ASSERT_POS(d, 3, 6, 3, 14);
	ck_assert_ptr_nonnull(strstr(cl_diag_message(d), "`key`"));
	cl_result_free(r);
}
END_TEST

START_TEST(test_entities_decoded_in_values)
{
	/* &amp; in a URL is one character; the model sees "&", the span
	 * still covers the raw text. Clean: no diagnostics. */
	cl_result *r = lint(
	    OK_HEAD
	    "  <auth-methods>\n"
	    "    <auth-method id=\"tok\" name=\"Token &amp; more\" type=\"token\">\n"
	    "      <url>https://api.example.com/auth?a=1&amp;b=2</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "      </variables>\n"
	    "      <headers><param key=\"X-Token\" value=\"{{token}}\"/></headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n"
	    "    <endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">\n"
	    "      <url>https://api.example.com/orders</url>\n"
	    "      <enable auth-method=\"tok\"/>\n"
	    "    </endpoint>\n"
	    "  </endpoints>\n"
	    "</connector>\n");

	ck_assert_uint_eq(cl_result_count(r), 0);
	cl_result_free(r);
}
END_TEST

START_TEST(test_missing_file)
{
	const char *why = NULL;
	cl_result *r =
	    cl_lint_file(linter, "/nonexistent/dir/x.xml", NULL, &why);

	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "No such file"));
}
END_TEST

START_TEST(test_lint_file_never_modifies)
{
	char path[] = "/tmp/connlint-ro-XXXXXX";
	int fd = mkstemp(path);
	const char *doc = OK_HEAD OK_BODY;
	char back[4096];
	ssize_t n;
	cl_result *r;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, doc, strlen(doc)), (int)strlen(doc));
	close(fd);
	r = cl_lint_file(linter, path, "shown.xml", NULL);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(cl_result_file(r), "shown.xml");
	cl_result_free(r);
	fd = open(path, 0);
	n = read(fd, back, sizeof(back));
	close(fd);
	ck_assert_int_eq(n, (ssize_t)strlen(doc));
	ck_assert_int_eq(memcmp(back, doc, strlen(doc)), 0);
	unlink(path);
}
END_TEST

static Suite *
parser_suite(void)
{
	Suite *s = suite_create("parser");
	TCase *tc = tcase_create("parser");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_clean_minimal);
	tcase_add_test(tc, test_utf8_count);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_binary_garbage);
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_tag_mismatch_position);
	tcase_add_test(tc, test_latin1);
	tcase_add_test(tc, test_utf16_bom);
	tcase_add_test(tc, test_declared_latin1);
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_entity_bomb);
	tcase_add_test(tc, test_external_entity);
	tcase_add_test(tc, test_wrong_root);
	tcase_add_test(tc, test_format_version);
	tcase_add_test(tc, test_unknown_element_near_miss);
	tcase_add_test(tc, test_multiline_non_ascii_position);
	tcase_add_test(tc, test_missing_attribute_points_at_element);
	tcase_add_test(tc, test_entities_decoded_in_values);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_lint_file_never_modifies);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(parser_suite)
