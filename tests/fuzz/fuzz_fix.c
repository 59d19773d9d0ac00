/*
 * libFuzzer target for the fix applier (issue 11): every fix, safe and
 * unsafe, applied to the input the way `connlint --fix --unsafe-fixes`
 * applies it (cl_fix_result with every rule on). Build and run with `make
 * fuzz-fix` / `make fuzz-smoke` (tests/fuzz/fuzz.mk); see docs/fuzzing.md.
 *
 * The input is the document itself (no option header): a finding replays
 * as `connlint --fix --unsafe-fixes FILE` on a copy of it.
 *
 * Beyond "no crash, no leak, no undefined behaviour", it checks:
 *
 * - well-formedness is kept: when the input is well-formed XML (libxml2's
 *   xmlReadMemory accepts it, without entity substitution, DTD loading or
 *   network, and connlint reports no CL001), the fixed text is too, by
 *   both; and cl_fix_result never has to undo its passes for breaking it
 *   (its guard firing on a well-formed file means some fix is wrong, and
 *   `--fix` then leaves the whole file unfixed);
 * - the result is a fixed point: once cl_fix_result is done, no fix of
 *   the fixed text changes it any more (cl_fix_apply gives nothing or the
 *   same bytes);
 * - applying twice equals applying once: cl_fix_result on the fixed
 *   text's result applies 0 fixes and returns no new text.
 *
 * A failed check aborts, so that libFuzzer saves the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "connlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CL_FUZZ_CHECK(cond, what)                                     \
	do {                                                          \
		if (!(cond)) {                                        \
			fprintf(stderr, "fuzz_fix: %s:%d: %s (%s)\n", \
			        __FILE__, __LINE__, (what), #cond);   \
			abort();                                      \
		}                                                     \
	} while (0)

/* libxml2's own messages on standard error (an encoding it cannot convert,
 * "I/O error : encoder error"), which XML_PARSE_NOERROR does not cover:
 * thrown away, as connlint's parser reports through its own handler. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Whether libxml2 reads the LEN bytes at BUF as well-formed XML: no entity
 * substitution (XML_PARSE_NOENT off), no DTD loading, no network, within
 * libxml2's default size limits, and quietly. */
static int
libxml_well_formed(const char *buf, size_t len)
{
	xmlDocPtr doc;

	if (len > (size_t)INT32_MAX)
		return 0;
	doc = xmlReadMemory(buf, (int)len, "fuzz.xml", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR |
	                        XML_PARSE_NOWARNING);
	if (!doc)
		return 0;
	xmlFreeDoc(doc);
	return 1;
}

static size_t
count_rule(const cl_result *r, const char *id)
{
	size_t i, k = 0;

	for (i = 0; i < cl_result_count(r); i++)
		k +=
		    !strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(r, i))), id);
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cl_linter *linter;
	const char *doc = (const char *)data, *why = NULL;
	cl_result *r;
	char *text = NULL, *again = NULL;
	size_t len = 0, fixed = 0, alen = 0, applied = 0;
	int wf, rc;

	/* One linter for the whole run, as the command line shares one
	 * between files (building it costs more than a small lint). */
	if (!linter) {
		linter = cl_linter_new();
		xmlSetGenericErrorFunc(NULL, quiet);
	}
	r = cl_lint_memory(linter, "fuzz.xml", doc, size);
	CL_FUZZ_CHECK(r != NULL, "cl_lint_memory returned NULL");
	wf = libxml_well_formed(doc, size) && count_rule(r, "CL001") == 0;

	rc = cl_fix_result(linter, &r, 1, &text, &len, &fixed, &why);
	CL_FUZZ_CHECK(rc == 0 || rc == -1, "cl_fix_result's return value");
	if (rc < 0) {
		CL_FUZZ_CHECK(text == NULL && fixed == 0,
		              "an undone cl_fix_result kept something");
		CL_FUZZ_CHECK(why != NULL, "an undone cl_fix_result says why");
		if (wf) {
			fprintf(stderr,
			        "fuzz_fix: fixes of a well-formed "
			        "file undone: %s\n",
			        why);
			CL_FUZZ_CHECK(!wf, "a fix breaks a well-formed file");
		}
		cl_result_free(r);
		return 0;
	}
	CL_FUZZ_CHECK(text != NULL || fixed == 0,
	              "fixes counted but no text returned");
	if (text) {
		CL_FUZZ_CHECK(text[len] == '\0', "fixed text not terminated");
		CL_FUZZ_CHECK(len != size || memcmp(text, doc, size),
		              "fixed text returned that equals the input");
		if (wf) {
			CL_FUZZ_CHECK(libxml_well_formed(text, len),
			              "fixed text of a well-formed file is "
			              "not well-formed for libxml2");
			CL_FUZZ_CHECK(count_rule(r, "CL001") == 0,
			              "fixed text of a well-formed file has "
			              "a CL001");
		}
	}

	/* A fixed point: no fix changes the fixed text. */
	again = cl_fix_apply(r, 1, &alen, &applied);
	if (again) {
		const char *cur = text ? text : doc;
		size_t curlen = text ? len : size;

		if (alen != curlen || memcmp(again, cur, curlen))
			fprintf(stderr,
			        "fuzz_fix: after %zu fixes, %zu more change "
			        "the text\n",
			        fixed, applied);
		CL_FUZZ_CHECK(alen == curlen && !memcmp(again, cur, curlen),
		              "the fixed text is not a fixed point");
		free(again);
	}

	/* Twice equals once. R is now the result of the fixed text, linted
	 * as a fresh cl_lint_memory of it would be. */
	free(text);
	text = NULL;
	fixed = 0;
	rc = cl_fix_result(linter, &r, 1, &text, &len, &fixed, &why);
	CL_FUZZ_CHECK(rc == 0, "the second cl_fix_result was undone");
	CL_FUZZ_CHECK(text == NULL && fixed == 0,
	              "the second cl_fix_result changed the text");
	cl_result_free(r);
	return 0;
}
