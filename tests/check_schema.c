/*
 * The RELAX NG schema (schema/connector.rng) and connlint's own structural
 * checks (CL002, CL003, from the element table in src/engine/model.c) must agree:
 *
 *   - every *.xml in fixtures/examples/ is schema-valid and lints clean;
 *   - every *.xml in fixtures/schema/valid/ is schema-valid and gets no CL002
 *     or CL003 (other rules may fire: these files test structure only);
 *   - every *.xml in fixtures/schema/invalid/ is schema-invalid and gets at
 *     least one CL002 or CL003;
 *   - a table of small in-memory documents gets the same verdict from
 *     both, including the few places where the schema is stricter and
 *     connlint reports under another rule (see the schema's header).
 *
 * Runs from the repository root. Documents are read into memory and
 * parsed with XML_PARSE_NONET and without entity substitution; nothing is
 * loaded through libxml2's entity loader, which connlint replaces with
 * one that refuses everything.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "connlint.h"
#include "lib/check_main.h"

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#define SCHEMA_PATH "schema/connector.rng"
#define EXAMPLES_DIR "fixtures/examples"
#define VALID_DIR "fixtures/schema/valid"
#define INVALID_DIR "fixtures/schema/invalid"

static xmlRelaxNGPtr schema;
static cl_linter *linter;

/* The first few libxml2 messages of the last parse or validation, so a
 * failing assertion can say why. */
static char errbuf[1024];
static size_t errlen;

static void collect_error(void *ctx, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void
collect_error(void *ctx, const char *fmt, ...)
{
	va_list ap;
	int n;

	(void)ctx;
	if (errlen >= sizeof(errbuf) - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(errbuf + errlen, sizeof(errbuf) - errlen, fmt, ap);
	va_end(ap);
	if (n > 0)
		errlen += (size_t)n < sizeof(errbuf) - errlen
		              ? (size_t)n
		              : sizeof(errbuf) - errlen - 1;
}

static void
reset_errors(void)
{
	errbuf[0] = '\0';
	errlen = 0;
}

/* The contents of PATH, NUL-terminated, length in *LEN. Caller frees.
 * Fails the test when the file cannot be read. */
static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t alloc = 0, n = 0, got;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	do {
		if (alloc - n < 4096) {
			alloc = alloc ? alloc * 2 : 16384;
			buf = realloc(buf, alloc + 1);
			ck_assert_ptr_nonnull(buf);
		}
		got = fread(buf + n, 1, alloc - n, f);
		n += got;
	} while (got > 0);
	ck_assert_msg(!ferror(f), "cannot read %s", path);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The paths "DIR/NAME" of every *.xml directly in DIR, sorted, in a
 * NULL-terminated array. Caller frees with free_list. Fails the test when
 * DIR cannot be opened.
 */
static char **
list_xml(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **paths = NULL;
	size_t n = 0, alloc = 0;

	ck_assert_msg(d != NULL,
	              "cannot open directory %s (run from the repository root)",
	              dir);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len < 5 || strcmp(e->d_name + len - 4, ".xml"))
			continue;
		if (n + 2 > alloc) {
			alloc = alloc ? alloc * 2 : 16;
			paths = realloc(paths, alloc * sizeof(*paths));
			ck_assert_ptr_nonnull(paths);
		}
		paths[n] = malloc(strlen(dir) + len + 2);
		ck_assert_ptr_nonnull(paths[n]);
		snprintf(paths[n], strlen(dir) + len + 2, "%s/%s", dir,
		         e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(paths, n, sizeof(*paths), compare_names);
	else
		paths = calloc(1, sizeof(*paths));
	ck_assert_ptr_nonnull(paths);
	paths[n] = NULL;
	*count = n;
	return paths;
}

static void
free_list(char **paths)
{
	size_t i;

	for (i = 0; paths[i]; i++)
		free(paths[i]);
	free(paths);
}

/*
 * Validates LEN bytes at BUF (shown as NAME) against the schema: true when
 * valid. The document must be well-formed: these fixtures test the
 * schema, not the parser.
 */
static bool
schema_valid(const char *name, const char *buf, size_t len)
{
	xmlDocPtr doc;
	xmlRelaxNGValidCtxtPtr vctxt;
	int rc;

	reset_errors();
	ck_assert(len < (size_t)1 << 30);
	doc = xmlReadMemory(buf, (int)len, name, NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR |
	                        XML_PARSE_NOWARNING);
	ck_assert_msg(doc != NULL, "%s is not well-formed XML", name);
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	ck_assert_ptr_nonnull(vctxt);
	xmlRelaxNGSetValidErrors(vctxt, collect_error, collect_error, NULL);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlFreeDoc(doc);
	ck_assert_msg(rc >= 0, "%s: internal RELAX NG error: %s", name, errbuf);
	return rc == 0;
}

static bool
is_structural(const cl_diag *d)
{
	const char *id = cl_rule_id(cl_diag_rule(d));

	return !strcmp(id, "CL002") || !strcmp(id, "CL003");
}

/* Number of diagnostics of rule ID in R (any rule when ID is NULL, the
 * structural ones when ID is "structural"); the first such is described in
 * WHAT. */
static size_t
count_rule(const cl_result *r, const char *id, char *what, size_t whatlen)
{
	size_t i, n = 0;

	what[0] = '\0';
	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);
		bool match;

		if (!id)
			match = true;
		else if (!strcmp(id, "structural"))
			match = is_structural(d);
		else
			match = !strcmp(cl_rule_id(cl_diag_rule(d)), id);
		if (!match)
			continue;
		if (n++ == 0)
			snprintf(what, whatlen, "%u:%u %s %s", cl_diag_line(d),
			         cl_diag_column(d), cl_rule_id(cl_diag_rule(d)),
			         cl_diag_message(d));
	}
	return n;
}

static cl_result *
lint_path(const char *path)
{
	const char *why = NULL;
	cl_result *r = cl_lint_file(linter, path, NULL, &why);

	ck_assert_msg(r != NULL, "connlint cannot read %s: %s", path,
	              why ? why : "?");
	return r;
}

static void
setup(void)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	size_t len;
	char *buf = read_file(SCHEMA_PATH, &len);

	reset_errors();
	pctxt = xmlRelaxNGNewMemParserCtxt(buf, (int)len);
	ck_assert_ptr_nonnull(pctxt);
	xmlRelaxNGSetParserErrors(pctxt, collect_error, collect_error, NULL);
	schema = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	free(buf);
	ck_assert_msg(schema != NULL, "%s does not parse: %s", SCHEMA_PATH,
	              errbuf);
	linter = cl_linter_new();
	ck_assert_ptr_nonnull(linter);
}

static void
teardown(void)
{
	cl_linter_free(linter);
	linter = NULL;
	xmlRelaxNGFree(schema);
	schema = NULL;
}

/* ---- files ---- */

/* Asserts that PATH is valid against the schema, then lints it. */
static cl_result *
lint_valid_path(const char *path)
{
	size_t len;
	char *buf = read_file(path, &len);

	ck_assert_msg(schema_valid(path, buf, len),
	              "%s is not valid against %s: %s", path, SCHEMA_PATH,
	              errbuf);
	free(buf);
	return lint_path(path);
}

START_TEST(test_examples_valid_and_clean)
{
	size_t n, i;
	char **paths = list_xml(EXAMPLES_DIR, &n);
	char what[512];

	/* One per auth type and one with two auth methods, at least. */
	ck_assert_uint_ge(n, 5);
	for (i = 0; i < n; i++) {
		cl_result *r = lint_valid_path(paths[i]);

		ck_assert_msg(count_rule(r, NULL, what, sizeof(what)) == 0,
		              "example %s does not lint clean: %s", paths[i],
		              what);
		cl_result_free(r);
	}
	free_list(paths);
}
END_TEST

START_TEST(test_valid_files)
{
	size_t n, i;
	char **paths = list_xml(VALID_DIR, &n);
	char what[512];

	ck_assert_uint_ge(n, 1);
	for (i = 0; i < n; i++) {
		cl_result *r = lint_valid_path(paths[i]);

		ck_assert_msg(
		    count_rule(r, "structural", what, sizeof(what)) == 0,
		    "%s is schema-valid but connlint says: %s", paths[i], what);
		cl_result_free(r);
	}
	free_list(paths);
}
END_TEST

START_TEST(test_invalid_files)
{
	size_t n, i, len;
	char **paths = list_xml(INVALID_DIR, &n);
	char what[512];

	ck_assert_uint_ge(n, 10);
	for (i = 0; i < n; i++) {
		char *buf = read_file(paths[i], &len);
		cl_result *r;

		ck_assert_msg(!schema_valid(paths[i], buf, len),
		              "%s should be invalid against %s but validates",
		              paths[i], SCHEMA_PATH);
		/* The same bytes through both entry points. */
		r = cl_lint_memory(linter, paths[i], buf, len);
		ck_assert_msg(
		    count_rule(r, "structural", what, sizeof(what)) > 0,
		    "%s is schema-invalid but connlint (memory) reports no CL002/CL003",
		    paths[i]);
		cl_result_free(r);
		free(buf);
		r = lint_path(paths[i]);
		ck_assert_msg(
		    count_rule(r, "structural", what, sizeof(what)) > 0,
		    "%s is schema-invalid but connlint (file) reports no CL002/CL003",
		    paths[i]);
		cl_result_free(r);
	}
	free_list(paths);
}
END_TEST

/* ---- small documents ---- */

#define AUTH                                                                 \
	"<auth-methods><auth-method id=\"t\" name=\"Token\" type=\"token\">" \
	"<url>https://api.example.com/me</url></auth-method></auth-methods>"
#define ENDPOINTS                                                                        \
	"<endpoints><endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\">" \
	"<url>https://api.example.com/e</url><enable auth-method=\"t\"/>"                \
	"</endpoint></endpoints>"
#define DOC(attrs, body)                               \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<connector format=\"1\" name=\"C\"" attrs ">" body "</connector>\n"
#define ENDPOINT_WITH(attrs, body)                                                            \
	"<endpoints><endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"GET\"" attrs \
	"><url>https://api.example.com/e</url><enable auth-method=\"t\"/>" body               \
	"</endpoint></endpoints>"

struct doc_case {
	const char *what;
	const char *xml;
	bool valid;
	/* For an invalid document: the rule connlint reports it under;
	 * "structural" means CL002 or CL003. NULL for valid ones, which must
	 * get no CL002 or CL003. */
	const char *rule;
};

static const struct doc_case doc_cases[] = {
	{ "baseline", DOC("", AUTH ENDPOINTS), true, NULL },
	{ "every protocol: FTP", DOC(" protocol=\"FTP\"", AUTH ENDPOINTS), true,
	  NULL },
	{ "every protocol: SFTP", DOC(" protocol=\"SFTP\"", AUTH ENDPOINTS),
	  true, NULL },
	{ "every protocol: FTPS", DOC(" protocol=\"FTPS\"", AUTH ENDPOINTS),
	  true, NULL },
	{ "every protocol: S3", DOC(" protocol=\"S3\"", AUTH ENDPOINTS), true,
	  NULL },
	{ "every protocol: MySQL", DOC(" protocol=\"MySQL\"", AUTH ENDPOINTS),
	  true, NULL },
	{ "every protocol: PGSQL", DOC(" protocol=\"PGSQL\"", AUTH ENDPOINTS),
	  true, NULL },
	{ "every protocol: SQLSRV", DOC(" protocol=\"SQLSRV\"", AUTH ENDPOINTS),
	  true, NULL },
	{ "whitespace and comments between elements",
	  DOC("", "\n  <!-- c -->\n  " AUTH "\n\t" ENDPOINTS "\n"), true,
	  NULL },
	{ "version with leading zeros", DOC(" version=\"007\"", AUTH ENDPOINTS),
	  true, NULL },

	{ "format 1.0",
	  "<connector format=\"1.0\" name=\"C\">" AUTH ENDPOINTS "</connector>",
	  false, "structural" },
	{ "format with a space",
	  "<connector format=\" 1\" name=\"C\">" AUTH ENDPOINTS "</connector>",
	  false, "structural" },
	{ "connector without name",
	  "<connector format=\"1\">" AUTH ENDPOINTS "</connector>", false,
	  "structural" },
	{ "version not a number", DOC(" version=\"three\"", AUTH ENDPOINTS),
	  false, "structural" },
	{ "version with a sign", DOC(" version=\"+3\"", AUTH ENDPOINTS), false,
	  "structural" },
	{ "protocol in lower case", DOC(" protocol=\"http\"", AUTH ENDPOINTS),
	  false, "structural" },
	{ "boolean in upper case", DOC(" webhook=\"TRUE\"", AUTH ENDPOINTS),
	  false, "structural" },
	{ "boolean 1", DOC(" webhook=\"1\"", AUTH ENDPOINTS), false,
	  "structural" },
	{ "HTTP method in lower case",
	  DOC("", AUTH
	      "<endpoints><endpoint id=\"e\" name=\"E\" direction=\"receive\" method=\"get\">"
	      "<url>https://api.example.com/e</url><enable auth-method=\"t\"/></endpoint></endpoints>"),
	  false, "structural" },
	{ "direction in upper case",
	  DOC("", AUTH
	      "<endpoints><endpoint id=\"e\" name=\"E\" direction=\"Receive\" method=\"GET\">"
	      "<url>https://api.example.com/e</url><enable auth-method=\"t\"/></endpoint></endpoints>"),
	  false, "structural" },
	{ "data-type outside the enumeration",
	  DOC("", AUTH ENDPOINT_WITH(" data-type=\"yaml\"", "")), false,
	  "structural" },
	{ "body format outside the enumeration",
	  DOC("", AUTH ENDPOINT_WITH("", "<body format=\"json\"/>")), false,
	  "structural" },
	{ "body data-type outside the enumeration",
	  DOC("",
	      AUTH ENDPOINT_WITH(
	          "",
	          "<body format=\"raw\" data-type=\"html\"><content>x</content></body>")),
	  false, "structural" },
	{ "pagination without method",
	  DOC("", AUTH ENDPOINT_WITH("", "<pagination/>")), false,
	  "structural" },
	{ "option without key",
	  DOC("",
	      AUTH ENDPOINT_WITH(
	          "",
	          "<pagination method=\"page-number\"><option value=\"page\"/></pagination>")),
	  false, "structural" },
	{ "enable without auth-method",
	  DOC("", AUTH ENDPOINT_WITH("", "<enable/>")), false, "structural" },
	{ "two urls on an endpoint",
	  DOC("",
	      AUTH ENDPOINT_WITH("", "<url>https://api.example.com/f</url>")),
	  false, "structural" },
	{ "two bodies on an endpoint",
	  DOC("", AUTH ENDPOINT_WITH("", "<body/><body/>")), false,
	  "structural" },
	{ "two contents in a body",
	  DOC("",
	      AUTH ENDPOINT_WITH(
	          "",
	          "<body format=\"text\"><content>a</content><content>b</content></body>")),
	  false, "structural" },
	{ "automatic on auth-method headers",
	  DOC("",
	      "<auth-methods><auth-method id=\"t\" name=\"Token\" type=\"token\">"
	      "<url>https://api.example.com/me</url><headers automatic=\"false\"/></auth-method></auth-methods>" ENDPOINTS),
	  false, "structural" },
	{ "use in endpoint variables",
	  DOC("", AUTH ENDPOINT_WITH(
	              "", "<variables><use variable=\"x\"/></variables>")),
	  false, "structural" },
	{ "additional-url without index",
	  DOC("",
	      "<auth-methods><auth-method id=\"t\" name=\"Token\" type=\"token\">"
	      "<url>https://api.example.com/me</url><additional-url>https://api.example.com/a</additional-url>"
	      "</auth-method></auth-methods>" ENDPOINTS),
	  false, "structural" },
	{ "auth-method id with upper case",
	  DOC("",
	      "<auth-methods><auth-method id=\"Token\" name=\"Token\" type=\"token\">"
	      "<url>https://api.example.com/me</url></auth-method></auth-methods>" ENDPOINTS),
	  false, "structural" },
	{ "auth-method id starting with -",
	  DOC("",
	      "<auth-methods><auth-method id=\"-t\" name=\"Token\" type=\"token\">"
	      "<url>https://api.example.com/me</url></auth-method></auth-methods>" ENDPOINTS),
	  false, "structural" },
	{ "text directly in variables",
	  DOC("", "<variables>oops</variables>" AUTH ENDPOINTS), false,
	  "structural" },
	{ "element inside param",
	  DOC("",
	      AUTH ENDPOINT_WITH(
	          "",
	          "<url-params><param key=\"a\"><value>b</value></param></url-params>")),
	  false, "structural" },
	{ "element in a foreign place",
	  DOC("", "<enable auth-method=\"t\"/>" AUTH ENDPOINTS), false,
	  "structural" },

	/* The schema is stricter than CL002 here, by design (see its header). */
	{ "variable key with a space",
	  DOC("",
	      "<variables><variable key=\"my key\" required=\"true\"/></variables>" AUTH
	          ENDPOINTS),
	  false, "CL114" },
	{ "auth-method without url",
	  DOC("",
	      "<auth-methods><auth-method id=\"t\" name=\"Token\" type=\"token\"/></auth-methods>" ENDPOINTS),
	  false, "CL205" },
	{ "no auth-methods element", DOC("", ENDPOINTS), false, "CL004" },
	{ "no endpoints element", DOC("", AUTH), false, "CL005" },
};

START_TEST(test_documents)
{
	const struct doc_case *c = &doc_cases[_i];
	size_t len = strlen(c->xml);
	bool valid = schema_valid(c->what, c->xml, len);
	cl_result *r = cl_lint_memory(linter, c->what, c->xml, len);
	char what[512];

	if (c->valid) {
		ck_assert_msg(valid, "%s: should be schema-valid: %s", c->what,
		              errbuf);
		ck_assert_msg(
		    count_rule(r, "structural", what, sizeof(what)) == 0,
		    "%s: schema-valid but connlint says: %s", c->what, what);
	} else {
		ck_assert_msg(!valid, "%s: should be schema-invalid", c->what);
		/* A rule that is not in this build's catalogue yet cannot be
		 * expected; the schema verdict above still holds. */
		if (strcmp(c->rule, "structural") && !cl_rule_find(c->rule))
			fprintf(
			    stderr,
			    "check_schema: %s: %s not in the catalogue, not checked\n",
			    c->what, c->rule);
		else
			ck_assert_msg(
			    count_rule(r, c->rule, what, sizeof(what)) > 0,
			    "%s: schema-invalid but connlint reports no %s",
			    c->what,
			    !strcmp(c->rule, "structural") ? "CL002/CL003"
			                                   : c->rule);
	}
	cl_result_free(r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("agreement");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_examples_valid_and_clean);
	tcase_add_test(tc, test_valid_files);
	tcase_add_test(tc, test_invalid_files);
	tcase_add_loop_test(tc, test_documents, 0,
	                    (int)(sizeof(doc_cases) / sizeof(doc_cases[0])));
	suite_add_tcase(s, tc);

	return cl_check_run(s);
}
