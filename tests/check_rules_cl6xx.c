/*
 * The compatibility rules CL601-CL615 (connlint diff) on in-memory pairs:
 * each case edits a line or two of a clean connector into an old and a
 * new version, compares them with cl_diff_memory and checks which rules
 * fire, where in the new version (columns count characters, the end is
 * exclusive) and the related location in the old version. The cases that
 * must stay quiet are the changes compatibility.md calls not breaking:
 * adding methods, endpoints and optional variables, relabelling,
 * reordering, comments and whitespace, a version bump.
 */
#include "lib/check_main.h"
#include "lib/edit.h"

#include "compat.h"

/* A clean token connector, version 3: two endpoints, one auth method. */
static const char *const base[] = {
	/*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	/*  2 */ "<connector format=\"1\" name=\"Shop\" version=\"3\">",
	/*  3 */ "  <variables>",
	/*  4 */
	"    <variable key=\"store\" label=\"Store\" required=\"true\"/>",
	/*  5 */ "  </variables>",
	/*  6 */ "  <auth-methods>",
	/*  7 */
	"    <auth-method id=\"shop-token\" name=\"Access token\" type=\"token\">",
	/*  8 */ "      <url>https://{{store}}.example.com/admin/shop.json</url>",
	/*  9 */ "      <variables>",
	/* 10 */
	"        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>",
	/* 11 */
	"        <variable key=\"region\" label=\"Region\" default=\"eu\" configurable=\"true\"/>",
	/* 12 */ "        <use variable=\"store\"/>",
	/* 13 */ "      </variables>",
	/* 14 */ "      <headers>",
	/* 15 */ "        <param key=\"X-Access-Token\" value=\"{{token}}\"/>",
	/* 16 */ "      </headers>",
	/* 17 */ "    </auth-method>",
	/* 18 */ "  </auth-methods>",
	/* 19 */ "  <endpoints>",
	/* 20 */
	"    <endpoint id=\"list-orders\" name=\"List orders\" direction=\"receive\" method=\"GET\">",
	/* 21 */
	"      <url>https://{{store}}.example.com/admin/orders.json?region={{region}}</url>",
	/* 22 */ "      <url-params>",
	/* 23 */
	"        <param key=\"status\" required=\"false\" label=\"Status\"/>",
	/* 24 */ "        <param key=\"limit\" value=\"{{page_size}}\"/>",
	/* 25 */ "      </url-params>",
	/* 26 */ "      <variables>",
	/* 27 */
	"        <variable key=\"page_size\" label=\"Page size\" default=\"50\" configurable=\"true\"/>",
	/* 28 */ "      </variables>",
	/* 29 */ "      <pagination method=\"page-number\">",
	/* 30 */ "        <option key=\"page_parameter\" value=\"page\"/>",
	/* 31 */ "        <option key=\"limit_parameter\" value=\"limit\"/>",
	/* 32 */ "      </pagination>",
	/* 33 */ "      <enable auth-method=\"shop-token\"/>",
	/* 34 */ "    </endpoint>",
	/* 35 */
	"    <endpoint id=\"create-order\" name=\"Create order\" direction=\"send\" method=\"POST\">",
	/* 36 */ "      <url>https://{{store}}.example.com/admin/orders.json</url>",
	/* 37 */ "      <headers>",
	/* 38 */ "        <param key=\"Content-Type\" value=\"application/json\"/>",
	/* 39 */ "      </headers>",
	/* 40 */ "      <body format=\"raw\" data-type=\"json\">",
	/* 41 */ "        <content>{\"order\": {}}</content>",
	/* 42 */ "      </body>",
	/* 43 */ "      <enable auth-method=\"shop-token\"/>",
	/* 44 */ "    </endpoint>",
	/* 45 */ "  </endpoints>",
	/* 46 */ "</connector>", NULL
};

/* Line 2 with the version bumped: most cases bump it, so that CL611
 * stays out of what they test. */
#define V4                                                                \
	{                                                                 \
		2, "<connector format=\"1\" name=\"Shop\" version=\"4\">" \
	}

/* A second auth method, after line 17 (8 lines: the next are 26 on). */
#define BASIC_AFTER_17                                                               \
	{                                                                            \
		17, "    </auth-method>\n"                                           \
		    "    <auth-method id=\"shop-basic\" name=\"User and password\" " \
		    "type=\"basic\">\n"                                              \
		    "      <url>https://{{store}}.example.com/admin/login</url>\n"   \
		    "      <variables>\n"                                            \
		    "        <variable key=\"username\" label=\"User\" "             \
		    "required=\"true\" locked=\"true\"/>\n"                          \
		    "        <variable key=\"password\" label=\"Password\" "         \
		    "required=\"true\" secret=\"true\" locked=\"true\"/>\n"          \
		    "        <use variable=\"store\"/>\n"                            \
		    "      </variables>\n"                                           \
		    "    </auth-method>"                                             \
	}

/* BASE edited, as a document. Caller frees. */
#define DOC(...) edited(base, EDITS(__VA_ARGS__))
#define BASE() edited(base, NULL, 0)

/* Compares OLD with NEW (both taken), which must both be comparable. */
static cl_result *
diff(char *old, char *new)
{
	cl_result *old_result = NULL;
	cl_result *r =
	    cl_diff_memory(linter, "old.xml", old, strlen(old), "new.xml", new,
	                   strlen(new), 0, &old_result);

	if (old_result)
		dump(old_result);
	ck_assert_ptr_null(old_result);
	free(old);
	free(new);
	return r;
}

/* Related location K of D is in the old version, at line L, [C, EC). */
#define ASSERT_OLD(d, k, l, c, ec)                                           \
	do {                                                                 \
		ck_assert_ptr_nonnull(cl_diag_related_file((d), (k)));       \
		ck_assert_str_eq(cl_diag_related_file((d), (k)), "old.xml"); \
		ASSERT_RELATED(d, k, l, c, ec);                              \
	} while (0)

/* ---- the base, itself, reformatted ---- */

START_TEST(test_base_clean)
{
	cl_result *r = lint_edited(base, NULL, 0);

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_same_file)
{
	cl_result *r = diff(BASE(), BASE());

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* The base with its attributes reordered, its indentation changed,
 * comments added and siblings reordered: the same connector. */
static const char reformatted[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- Shop: orders -->\n"
    "<connector version=\"3\" name=\"Shop\" format=\"1\">\n"
    "\t<variables><variable required=\"true\" label=\"Store\" key=\"store\"/></variables>\n"
    "\t<auth-methods>\n"
    "\t\t<auth-method type=\"token\" name=\"Access token\" id=\"shop-token\">\n"
    "\t\t\t<variables>\n"
    "\t\t\t\t<use variable=\"store\"/>\n"
    "\t\t\t\t<variable key=\"region\" configurable=\"true\" default=\"eu\" label=\"Region\"/>\n"
    "\t\t\t\t<!-- the token of the shop's custom app -->\n"
    "\t\t\t\t<variable locked=\"true\" secret=\"true\" required=\"true\" label=\"Token\" key=\"token\"/>\n"
    "\t\t\t</variables>\n"
    "\t\t\t<url>\n"
    "\t\t\t\thttps://{{store}}.example.com/admin/shop.json\n"
    "\t\t\t</url>\n"
    "\t\t\t<headers><param value=\"{{token}}\" key=\"X-Access-Token\"/></headers>\n"
    "\t\t</auth-method>\n"
    "\t</auth-methods>\n"
    "\t<endpoints>\n"
    "\t\t<endpoint method=\"POST\" direction=\"send\" name=\"Create order\" id=\"create-order\">\n"
    "\t\t\t<enable auth-method=\"shop-token\"/>\n"
    "\t\t\t<url>https://{{store}}.example.com/admin/orders.json</url>\n"
    "\t\t\t<headers>\n"
    "\t\t\t\t<param value=\"application/json\" key=\"Content-Type\"/>\n"
    "\t\t\t</headers>\n"
    "\t\t\t<body data-type=\"json\" format=\"raw\">\n"
    "\t\t\t\t<content>{\"order\": {}}</content>\n"
    "\t\t\t</body>\n"
    "\t\t</endpoint>\n"
    "\t\t<endpoint direction=\"receive\" id=\"list-orders\" method=\"GET\" name=\"List orders\">\n"
    "\t\t\t<url>https://{{store}}.example.com/admin/orders.json?region={{region}}</url>\n"
    "\t\t\t<variables>\n"
    "\t\t\t\t<variable label=\"Page size\" key=\"page_size\" configurable=\"true\" default=\"50\"/>\n"
    "\t\t\t</variables>\n"
    "\t\t\t<url-params>\n"
    "\t\t\t\t<param value=\"{{page_size}}\" key=\"limit\"/>\n"
    "\t\t\t\t<param label=\"Status\" key=\"status\" required=\"false\"/>\n"
    "\t\t\t</url-params>\n"
    "\t\t\t<enable auth-method=\"shop-token\"/>\n"
    "\t\t\t<pagination method=\"page-number\">\n"
    "\t\t\t\t<option value=\"limit\" key=\"limit_parameter\"/>\n"
    "\t\t\t\t<option value=\"page\" key=\"page_parameter\"/>\n"
    "\t\t\t</pagination>\n"
    "\t\t</endpoint>\n"
    "\t</endpoints>\n"
    "</connector>\n";

START_TEST(test_reformatted)
{
	cl_result *r = diff(BASE(), cl_strdup(reformatted));

	expect_rules(r, "");
	cl_result_free(r);
	r = diff(cl_strdup(reformatted), BASE());
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL601, CL602 ---- */

/* The reordered copy with one label changed deep inside: still a
 * change (CL611, the version being the same), though the siblings that
 * hold it moved. */
START_TEST(test_reformatted_and_changed)
{
	char *changed = cl_strdup(reformatted);
	char *at = strstr(changed, "label=\"Page size\"");
	cl_result *r;

	ck_assert_ptr_nonnull(at);
	memcpy(at + 7, "Page SIZE", 9);
	r = diff(BASE(), changed);
	expect_rules(r, "CL611");
	cl_result_free(r);
}
END_TEST

/* The same bytes on both sides, not well-formed: reported once, on the
 * new side, and no old result. */
START_TEST(test_same_broken_file)
{
	static const char broken[] = "<connector format=\"1\"><endpoints>";
	cl_result *old_result = NULL;
	cl_result *r = cl_diff_memory(linter, "old.xml", broken,
	                              sizeof(broken) - 1, "new.xml", broken,
	                              sizeof(broken) - 1, 0, &old_result);

	ck_assert_ptr_null(old_result);
	expect_rules(r, "CL001");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl601)
{
	const cl_diag *d;
	cl_result *r = diff(DOC(BASIC_AFTER_17), DOC(V4));

	expect_rules(r, "CL601");
	d = find(r, "CL601");
	ASSERT_POS(d, 6, 4, 16);
	ASSERT_MSG_HAS(d, "auth method `shop-basic` was removed");
	ASSERT_MSG_LACKS(d, "renamed");
	ASSERT_OLD(d, 0, 18, 22, 32);
	ck_assert_int_eq(cl_diag_severity(d), CL_SEV_ERROR);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl601_renamed)
{
	const cl_diag *d;
	unsigned l, c, el, ec;
	cl_result *r =
	    diff(BASE(), DOC(V4,
	                     { 7, "    <auth-method "
	                          "id=\"shop-tokens\" "
	                          "name=\"Access token\" "
	                          "type=\"token\">" },
	                     { 33, "      <enable "
	                           "auth-method=\"shop-tokens\"/>" },
	                     { 43, "      <enable "
	                           "auth-method=\"shop-tokens\"/>" }));

	expect_rules(r, "CL601");
	d = find(r, "CL601");
	ASSERT_POS(d, 6, 4, 16);
	ASSERT_MSG_HAS(d, "renamed to `shop-tokens`?");
	ASSERT_OLD(d, 0, 7, 22, 32);
	/* The hint also points at the new id, in the new version. */
	ck_assert_ptr_nonnull(cl_diag_related(d, 1, &l, &c, &el, &ec));
	ck_assert_ptr_null(cl_diag_related_file(d, 1));
	ck_assert_uint_eq(l, 7);
	ck_assert_uint_eq(c, 22);
	ck_assert_str_eq(cl_diag_related(d, 1, &l, &c, &el, &ec),
	                 "renamed from `shop-token`?");
	cl_result_free(r);

	/* Another id entirely, but the same name and type. */
	r = diff(BASE(), DOC(V4,
	                     { 7, "    <auth-method id=\"token\" "
	                          "name=\"Access token\" "
	                          "type=\"token\">" },
	                     { 33, "      <enable auth-method=\"token\"/>" },
	                     { 43, "      <enable auth-method=\"token\"/>" }));
	expect_rules(r, "CL601");
	ASSERT_MSG_HAS(find(r, "CL601"), "renamed to `token`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl602)
{
	const cl_diag *d;
	cl_result *r = diff(
	    BASE(), DOC(V4, { 7, "    <auth-method id=\"shop-token\" "
	                         "name=\"Access token\" type=\"basic\">" }));

	expect_rules(r, "CL602");
	d = find(r, "CL602");
	ASSERT_POS(d, 7, 60, 65);
	ASSERT_MSG_HAS(d, "from `token` to `basic`");
	ASSERT_OLD(d, 0, 7, 60, 65);
	cl_result_free(r);

	/* The two spellings of the authorisation code type are one type. */
	r = diff(DOC({ 7, "    <auth-method id=\"shop-token\" name=\"Access "
	                  "token\" type=\"oauth2-authorisation-code\">" }),
	         DOC(V4, { 7, "    <auth-method id=\"shop-token\" "
	                      "name=\"Access token\" "
	                      "type=\"oauth2-authorization-code\">" }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL603, CL604 ---- */

START_TEST(test_cl603)
{
	const cl_diag *d;
	cl_result *r = diff(
	    BASE(), DOC(V4, { 35, NULL }, { 36, NULL }, { 37, NULL },
	                { 38, NULL }, { 39, NULL }, { 40, NULL }, { 41, NULL },
	                { 42, NULL }, { 43, NULL }, { 44, NULL }));

	expect_rules(r, "CL603");
	d = find(r, "CL603");
	ASSERT_POS(d, 19, 4, 13);
	ASSERT_MSG_HAS(d, "endpoint `create-order` was removed");
	ASSERT_OLD(d, 0, 35, 19, 31);
	cl_result_free(r);

	r = diff(BASE(),
	         DOC(V4, { 35, "    <endpoint id=\"create-orders\" "
	                       "name=\"Create order\" direction=\"send\" "
	                       "method=\"POST\">" }));
	expect_rules(r, "CL603");
	ASSERT_MSG_HAS(find(r, "CL603"), "renamed to `create-orders`?");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl604)
{
	const cl_diag *d;
	/* Lines 33 on move down by 8 with the second method. */
	cl_result *r =
	    diff(DOC(BASIC_AFTER_17,
	             { 33, "      <enable auth-method=\"shop-token\"/>\n"
	                   "      <enable auth-method=\"shop-basic\"/>" }),
	         DOC(V4, BASIC_AFTER_17));

	expect_rules(r, "CL604");
	d = find(r, "CL604");
	ASSERT_POS(d, 28, 6, 14);
	ASSERT_MSG_HAS(d, "`list-orders` no longer enables auth method "
	                  "`shop-basic`");
	ASSERT_OLD(d, 0, 42, 28, 38);
	cl_result_free(r);

	/* The method itself is gone: CL601's, not CL604's. */
	r = diff(DOC(BASIC_AFTER_17,
	             { 33, "      <enable auth-method=\"shop-token\"/>\n"
	                   "      <enable auth-method=\"shop-basic\"/>" }),
	         DOC(V4));
	expect_rules(r, "CL601");
	cl_result_free(r);
}
END_TEST

/* ---- CL605, CL606 ---- */

START_TEST(test_cl605)
{
	const cl_diag *d;
	cl_result *r = diff(
	    BASE(),
	    DOC(V4, { 12, "        <use variable=\"store\"/>\n"
	                  "        <variable key=\"account\" label=\"Account\" "
	                  "required=\"true\"/>" }));

	expect_rules(r, "CL605");
	d = find(r, "CL605");
	ASSERT_POS(d, 13, 24, 31);
	ASSERT_MSG_HAS(d, "gains auth variable `account`");
	ASSERT_OLD(d, 0, 9, 8, 17);
	cl_result_free(r);

	/* An optional one becomes required, and loses its default. */
	r = diff(BASE(),
	         DOC(V4, { 11, "        <variable key=\"region\" "
	                       "label=\"Region\" required=\"true\"/>" }));
	expect_rules(r, "CL605");
	d = find(r, "CL605");
	ASSERT_POS(d, 11, 57, 61);
	ASSERT_MSG_HAS(d,
	               "`region` of auth method `shop-token` is now required");
	ASSERT_OLD(d, 0, 11, 24, 30);
	cl_result_free(r);

	/* A used connector variable, required, with no default. */
	r = diff(BASE(),
	         DOC(V4,
	             { 4, "    <variable key=\"store\" label=\"Store\" "
	                  "required=\"true\"/>\n"
	                  "    <variable key=\"tenant\" label=\"Tenant\" "
	                  "required=\"true\"/>" },
	             { 12, "        <use variable=\"store\"/>\n"
	                   "        <use variable=\"tenant\"/>" }));
	expect_rules(r, "CL605");
	ASSERT_POS(find(r, "CL605"), 14, 24, 30);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl605_quiet)
{
	/* Optional, with a default, or used with the connector variable's
	 * default: existing instances are fine. */
	cl_result *r =
	    diff(BASE(),
	         DOC(V4,
	             { 4, "    <variable key=\"store\" label=\"Store\" "
	                  "required=\"true\"/>\n"
	                  "    <variable key=\"tenant\" label=\"Tenant\" "
	                  "default=\"main\" required=\"true\"/>" },
	             { 12, "        <use variable=\"store\"/>\n"
	                   "        <use variable=\"tenant\"/>\n"
	                   "        <variable key=\"shop_id\" label=\"Shop\" "
	                   "configurable=\"true\"/>\n"
	                   "        <variable key=\"api\" label=\"API\" "
	                   "required=\"true\" default=\"2024-10\"/>" }));

	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl606)
{
	const cl_diag *d;
	cl_result *r = diff(BASE(), DOC(V4, { 11, NULL }));

	expect_rules(r, "CL606");
	d = find(r, "CL606");
	ASSERT_POS(d, 7, 6, 17);
	ASSERT_MSG_HAS(d, "`region` was removed from auth method `shop-token`");
	ASSERT_MSG_LACKS(d, "renamed");
	ASSERT_OLD(d, 0, 11, 24, 30);
	ck_assert_int_eq(cl_diag_severity(d), CL_SEV_WARNING);
	cl_result_free(r);

	r = diff(BASE(), DOC(V4, { 11, "        <variable key=\"regions\" "
	                               "label=\"Region\" default=\"eu\" "
	                               "configurable=\"true\"/>" }));
	expect_rules(r, "CL606");
	ASSERT_MSG_HAS(find(r, "CL606"), "renamed to `regions`?");
	cl_result_free(r);
}
END_TEST

/* ---- CL607, CL608, CL609, CL610 ---- */

START_TEST(test_cl607)
{
	const cl_diag *d;
	cl_result *r = diff(
	    BASE(),
	    DOC(V4, { 35, "    <endpoint id=\"create-order\" name=\"Create "
	                  "order\" direction=\"send\" method=\"PUT\">" }));

	expect_rules(r, "CL607");
	d = find(r, "CL607");
	ASSERT_POS(d, 35, 78, 81);
	ASSERT_MSG_HAS(d, "from `POST` to `PUT`");
	ASSERT_OLD(d, 0, 35, 78, 82);
	cl_result_free(r);

	r = diff(
	    BASE(),
	    DOC(V4, { 20, "    <endpoint id=\"list-orders\" name=\"List "
	                  "orders\" direction=\"send\" method=\"GET\">" }));
	expect_rules(r, "CL607");
	d = find(r, "CL607");
	ASSERT_POS(d, 20, 62, 66);
	ASSERT_MSG_HAS(d, "from `receive` to `send`");
	ASSERT_OLD(d, 0, 20, 62, 69);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl608)
{
	const cl_diag *d;
	cl_result *r = diff(
	    BASE(),
	    DOC(V4, { 27, "        <variable key=\"page_size\" label=\"Page "
	                  "size\" default=\"50\" configurable=\"true\"/>\n"
	                  "        <variable key=\"since\" label=\"Since\" "
	                  "required=\"true\"/>" }));

	expect_rules(r, "CL608");
	d = find(r, "CL608");
	ASSERT_POS(d, 28, 24, 29);
	ASSERT_MSG_HAS(d, "endpoint `list-orders` gains endpoint variable "
	                  "`since`");
	ASSERT_OLD(d, 0, 26, 8, 17);
	cl_result_free(r);

	/* One with a default becomes required without it. */
	r = diff(BASE(),
	         DOC(V4, { 27, "        <variable key=\"page_size\" "
	                       "label=\"Page size\" required=\"true\"/>" }));
	expect_rules(r, "CL608");
	d = find(r, "CL608");
	ASSERT_POS(d, 27, 63, 67);
	ASSERT_OLD(d, 0, 27, 24, 33);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl609)
{
	const cl_diag *d;
	cl_result *r = diff(BASE(), DOC(V4, { 23, NULL }));

	expect_rules(r, "CL609");
	d = find(r, "CL609");
	ASSERT_POS(d, 22, 8, 18);
	ASSERT_MSG_HAS(d, "optional param `status` (url-params)");
	ASSERT_OLD(d, 0, 23, 21, 27);
	cl_result_free(r);

	r = diff(BASE(), DOC(V4, { 27, NULL }));
	expect_rules(r, "CL609");
	d = find(r, "CL609");
	ASSERT_POS(d, 26, 8, 17);
	ASSERT_MSG_HAS(d, "endpoint variable `page_size`");
	ASSERT_OLD(d, 0, 27, 24, 33);
	cl_result_free(r);

	/* A required param is not a filter: its removal changes a request,
	 * not a setting of the flows. */
	r = diff(BASE(), DOC(V4, { 24, NULL }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl610)
{
	const cl_diag *d;
	cl_result *r = diff(
	    BASE(), DOC(V4, { 20, "    <endpoint id=\"list-orders\" "
	                          "name=\"List orders\" direction=\"receive\" "
	                          "method=\"GET\" data-type=\"xml\">" }));

	expect_rules(r, "CL610");
	d = find(r, "CL610");
	ASSERT_POS(d, 20, 95, 98);
	ASSERT_MSG_HAS(d, "from `json` to `xml`");
	/* The old version left it at its default: at the old endpoint. */
	ASSERT_OLD(d, 0, 20, 6, 14);
	cl_result_free(r);

	r = diff(
	    BASE(),
	    DOC(V4, { 40, "      <body format=\"raw\" data-type=\"xml\">" }));
	expect_rules(r, "CL610");
	d = find(r, "CL610");
	ASSERT_POS(d, 40, 37, 40);
	ASSERT_OLD(d, 0, 40, 37, 41);
	cl_result_free(r);

	/* Writing the default out is no change. */
	r = diff(BASE(), DOC(V4, { 20, "    <endpoint id=\"list-orders\" "
	                               "name=\"List orders\" "
	                               "direction=\"receive\" method=\"GET\" "
	                               "data-type=\"json\">" }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- CL611, CL612, CL613 ---- */

START_TEST(test_cl611)
{
	const cl_diag *d;
	cl_result *r = diff(BASE(), DOC({ 4, "    <variable key=\"store\" "
	                                     "label=\"Shop domain\" "
	                                     "required=\"true\"/>" }));

	/* A label is no breaking change, but a change all the same. */
	expect_rules(r, "CL611");
	d = find(r, "CL611");
	ASSERT_POS(d, 2, 44, 45);
	ASSERT_MSG_HAS(d, "`3` is not greater than the old version `3`");
	ASSERT_OLD(d, 0, 2, 44, 45);
	cl_result_free(r);

	/* Lowered, and gone. */
	r = diff(BASE(), DOC({ 2, "<connector format=\"1\" name=\"Shop\" "
	                          "version=\"2\">" }));
	expect_rules(r, "CL611");
	cl_result_free(r);
	r = diff(BASE(), DOC({ 2, "<connector format=\"1\" name=\"Shop\">" }));
	expect_rules(r, "CL611");
	ASSERT_POS(find(r, "CL611"), 2, 2, 11);
	ASSERT_OLD(find(r, "CL611"), 0, 2, 44, 45);
	cl_result_free(r);

	/* A breaking change without a bump: both. */
	r = diff(BASE(), DOC({ 23, NULL }));
	expect_rules(r, "CL611 CL609");
	cl_result_free(r);

	/* Versions compare by number, not as text. */
	r = diff(DOC({ 2, "<connector format=\"1\" name=\"Shop\" "
	                  "version=\"9\">" }),
	         DOC({ 2, "<connector format=\"1\" name=\"Shop\" "
	                  "version=\"10\">" }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_version_cmp)
{
	ck_assert_int_gt(cl_compat_version_cmp("1.10", "1.9"), 0);
	ck_assert_int_lt(cl_compat_version_cmp("1.9", "1.10"), 0);
	ck_assert_int_eq(cl_compat_version_cmp("2", "2.0"), 0);
	ck_assert_int_eq(cl_compat_version_cmp("02", "2"), 0);
	ck_assert_int_gt(cl_compat_version_cmp("2.0.1", "2"), 0);
	ck_assert_int_gt(cl_compat_version_cmp("10", "9"), 0);
	ck_assert_int_gt(cl_compat_version_cmp("99999999999999999999999", "9"),
	                 0);
	ck_assert_int_gt(cl_compat_version_cmp("1.0-rc2", "1.0-rc1"), 0);
	ck_assert_int_eq(cl_compat_version_cmp("3", "3"), 0);
}
END_TEST

START_TEST(test_url_host)
{
	static const struct {
		const char *url, *host;
	} cases[] = {
		{ "https://api.example.com/token", "api.example.com" },
		{ "https://user:pw@api.example.com:8443/x?y",
		  "api.example.com" },
		{ "https://{{store}}.myshopify.com/a",
		  "{{store}}.myshopify.com" },
		{ "{{base_url}}/oauth/token", "{{base_url}}" },
		{ "https://example.com", "example.com" },
		{ "https://example.com?x=1", "example.com" },
	};
	size_t i, s, e;

	for (i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		ck_assert(cl_compat_url_host(cases[i].url, &s, &e));
		ck_assert_int_eq((int)(e - s), (int)strlen(cases[i].host));
		ck_assert(!strncmp(cases[i].url + s, cases[i].host, e - s));
	}
	ck_assert(!cl_compat_url_host("", &s, &e));
	ck_assert(!cl_compat_url_host(NULL, &s, &e));
}
END_TEST

START_TEST(test_cl612)
{
	const cl_diag *d;
	cl_result *r = diff(BASE(), DOC({ 2, "<connector format=\"1\" "
	                                     "name=\"Shop Plus\" "
	                                     "version=\"4\">" }));

	expect_rules(r, "CL612");
	d = find(r, "CL612");
	ASSERT_POS(d, 2, 29, 38);
	ASSERT_MSG_HAS(d, "renamed from `Shop` to `Shop Plus`");
	ASSERT_OLD(d, 0, 2, 29, 33);
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl613)
{
	char *old = BASE();
	cl_result *r = cl_diff_removed(linter, "v1:shop.xml", old, strlen(old));
	const cl_diag *d;

	expect_rules(r, "CL613");
	ck_assert_str_eq(cl_result_file(r), "v1:shop.xml");
	d = find(r, "CL613");
	ASSERT_POS(d, 2, 2, 11);
	ASSERT_MSG_HAS(d, "connector `Shop`");
	ASSERT_MSG_HAS(d, "`v1:shop.xml`");
	cl_result_free(r);
	free(old);

	/* Not even XML: at its start. */
	r = cl_diff_removed(linter, "v1:notes.xml", "<a", 2);
	expect_rules(r, "CL613");
	ck_assert_uint_eq(cl_diag_line(find(r, "CL613")), 1);
	ck_assert_uint_eq(cl_diag_column(find(r, "CL613")), 1);
	cl_result_free(r);
}
END_TEST

/* ---- CL614, CL615 ---- */

START_TEST(test_cl614)
{
	const cl_diag *d;
	cl_result *r =
	    diff(BASE(),
	         DOC(V4, { 29, "      <pagination method=\"limit-offset\">" }));

	expect_rules(r, "CL614");
	d = find(r, "CL614");
	ASSERT_POS(d, 29, 27, 39);
	ASSERT_MSG_HAS(d, "from `page-number` to `limit-offset`");
	ASSERT_OLD(d, 0, 29, 27, 38);
	ck_assert_int_eq(cl_diag_severity(d), CL_SEV_INFO);
	cl_result_free(r);

	/* No pagination is the method `none`; its options are not the
	 * method. */
	r = diff(
	    BASE(),
	    DOC(V4,
	        { 30, "        <option key=\"page_parameter\" "
	              "value=\"p\"/>" },
	        { 42, "      </body>\n      <pagination method=\"none\"/>" }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

START_TEST(test_cl615)
{
	const cl_diag *d;
	cl_result *r = diff(
	    BASE(), DOC(V4, { 8, "      <url>https://auth.example.net/admin/"
	                         "shop.json</url>" }));

	expect_rules(r, "CL615");
	d = find(r, "CL615");
	ASSERT_POS(d, 8, 20, 36);
	ASSERT_MSG_HAS(d, "from host `{{store}}.example.com` to "
	                  "`auth.example.net`");
	ASSERT_OLD(d, 0, 8, 20, 41);
	cl_result_free(r);

	/* Another path, scheme case or port on the same host: no. */
	r = diff(BASE(), DOC(V4, { 8, "      <url>HTTPS://{{store}}.Example.com"
	                              ":443/admin/v2/shop.json</url>" }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- what is not a breaking change ---- */

START_TEST(test_not_breaking)
{
	/* A new auth method, enabled on both endpoints, and a new
	 * endpoint. */
	cl_result *r =
	    diff(BASE(),
	         DOC(V4, BASIC_AFTER_17,
	             { 33, "      <enable auth-method=\"shop-token\"/>\n"
	                   "      <enable auth-method=\"shop-basic\"/>" },
	             { 44, "    </endpoint>\n"
	                   "    <endpoint id=\"list-products\" name=\"List "
	                   "products\" direction=\"receive\" method=\"GET\">\n"
	                   "      <url>https://{{store}}.example.com/admin/"
	                   "products.json</url>\n"
	                   "      <enable auth-method=\"shop-token\"/>\n"
	                   "    </endpoint>" }));

	expect_rules(r, "");
	cl_result_free(r);

	/* Labels, names of endpoints, version-name, param values, endpoint
	 * URLs, a description. */
	r = diff(BASE(),
	         DOC({ 2, "<connector format=\"1\" name=\"Shop\" version=\"4\" "
	                  "version-name=\"v4\">\n"
	                  "  <description>Orders of a shop.</description>" },
	             { 10, "        <variable key=\"token\" label=\"Admin "
	                   "API token\" required=\"true\" secret=\"true\" "
	                   "locked=\"true\"/>" },
	             { 23, "        <param key=\"status\" required=\"false\" "
	                   "label=\"Order status\"/>" },
	             { 24, "        <param key=\"limit\" value=\"100\"/>" },
	             { 36, "      <url>https://{{store}}.example.com/admin/"
	                   "api/2024-10/orders.json</url>" }));
	expect_rules(r, "");
	cl_result_free(r);

	/* A version bump alone. */
	r = diff(BASE(), DOC(V4));
	expect_rules(r, "");
	cl_result_free(r);

	/* Comments only, without a bump. */
	r = diff(BASE(),
	         DOC({ 19, "  <!-- two endpoints -->\n  <endpoints>" },
	             { 34, "    </endpoint>\n"
	                   "    <!-- orders are created as drafts -->" }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* ---- sides that cannot be compared, suppressions ---- */

START_TEST(test_invalid_old)
{
	char *old = DOC({ 3, "  <variabels>" }, { 5, "  </variabels>" });
	char *new = DOC(V4, { 23, NULL });
	cl_result *old_result = NULL;
	cl_result *r =
	    cl_diff_memory(linter, "old.xml", old, strlen(old), "new.xml", new,
	                   strlen(new), 0, &old_result);

	expect_rules(r, "");
	ck_assert_ptr_nonnull(old_result);
	ck_assert_str_eq(cl_result_file(old_result), "old.xml");
	ck_assert_uint_gt(count(old_result, "CL002"), 0);
	ck_assert_uint_eq(cl_result_count(old_result),
	                  count(old_result, "CL002"));
	cl_result_free(old_result);
	cl_result_free(r);
	free(old);
	free(new);
}
END_TEST

START_TEST(test_suppression)
{
	static const char *const comment =
	    "  <!-- connlint-disable-next-line CL603 create-order retired "
	    "with notice of 2026-10 -->\n"
	    "  <endpoints>";
	char *plain = DOC({ 19, comment });
	cl_result *r = lint_text(plain);

	/* A plain lint runs no CL6xx rule: it cannot tell the comment is
	 * unused. */
	expect_rules(r, "");
	cl_result_free(r);
	free(plain);

	r = diff(BASE(),
	         DOC(V4, { 19, comment }, { 35, NULL }, { 36, NULL },
	             { 37, NULL }, { 38, NULL }, { 39, NULL }, { 40, NULL },
	             { 41, NULL }, { 42, NULL }, { 43, NULL }, { 44, NULL }));
	expect_rules(r, "");
	cl_result_free(r);
}
END_TEST

/* Every compatibility rule is one, has a hook and no check. */
START_TEST(test_descriptors)
{
	size_t i, n = 0;

	for (i = 0; i < cl_rules_count; i++) {
		const struct cl_rule *rule = cl_rules[i];

		if (strncmp(rule->id, "CL6", 3))
			continue;
		n++;
		ck_assert_msg(rule->compat && rule->diff && !rule->check &&
		                  !rule->emitted_by,
		              "%s", rule->id);
	}
	ck_assert_uint_eq(n, 15);
}
END_TEST

static Suite *
rules_cl6xx_suite(void)
{
	Suite *s = suite_create("rules_cl6xx");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, lint_setup, lint_teardown);
	tcase_add_test(tc, test_base_clean);
	tcase_add_test(tc, test_same_file);
	tcase_add_test(tc, test_reformatted);
	tcase_add_test(tc, test_reformatted_and_changed);
	tcase_add_test(tc, test_same_broken_file);
	tcase_add_test(tc, test_cl601);
	tcase_add_test(tc, test_cl601_renamed);
	tcase_add_test(tc, test_cl602);
	tcase_add_test(tc, test_cl603);
	tcase_add_test(tc, test_cl604);
	tcase_add_test(tc, test_cl605);
	tcase_add_test(tc, test_cl605_quiet);
	tcase_add_test(tc, test_cl606);
	tcase_add_test(tc, test_cl607);
	tcase_add_test(tc, test_cl608);
	tcase_add_test(tc, test_cl609);
	tcase_add_test(tc, test_cl610);
	tcase_add_test(tc, test_cl611);
	tcase_add_test(tc, test_version_cmp);
	tcase_add_test(tc, test_url_host);
	tcase_add_test(tc, test_cl612);
	tcase_add_test(tc, test_cl613);
	tcase_add_test(tc, test_cl614);
	tcase_add_test(tc, test_cl615);
	tcase_add_test(tc, test_not_breaking);
	tcase_add_test(tc, test_invalid_old);
	tcase_add_test(tc, test_suppression);
	tcase_add_test(tc, test_descriptors);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(rules_cl6xx_suite)
