/*
 * libFuzzer target for custom rules (rulesets: ../shared/spec/rulesets.md,
 * docs/custom-rules.md): the loader and validator of ruleset files
 * (cl_ruleset_load_memory: the safe parser, XPath and PCRE2 compilation)
 * and the evaluator (cl_ruleset_check, through cl_lint_memory with a
 * registry that holds the ruleset's rules). Build and run with `make
 * fuzz-ruleset` / `make fuzz-smoke` (tests/fuzz/fuzz.mk); see
 * docs/fuzzing.md.
 *
 * Input layout: the input is split at its first NUL byte.
 *
 *   before the NUL   the ruleset file, loaded as "fuzz.rules.xml"
 *   after the NUL    the connector linted with the ruleset's rules and
 *                    every built-in one, as "fuzz.xml"; when the input
 *                    has no NUL, the small valid connector below
 *                    (default_connector) is linted instead
 *
 * A ruleset file holds no NUL (the safe parser rejects one), so nothing
 * is lost by the split. The seeds (tests/fuzz/ruleset-seeds/, and those
 * fuzz.mk makes from examples/rulesets/ and fixtures/rulesets/) are a
 * ruleset, a NUL and one of its test connectors; a finding replays as
 * the two files with
 *
 *   head -z -n 1 crash-X | tr -d '\0' > R.rules.xml
 *   tail -z -n +2 crash-X > C.xml
 *   connlint --rules R.rules.xml C.xml
 *
 * Beyond "no crash, no leak, no undefined behaviour, nothing printed",
 * it checks that a ruleset that does not load comes with a non-empty
 * error message that starts with the display name, and that every
 * diagnostic's positions are 1-based with no range that ends before it
 * starts. Every message, rule name and related location is read through
 * the public cl_result_* / cl_diag_* API, so that ASan sees each byte.
 * The loader's and evaluator's own limits (CL_RULESET_* in ruleset.h)
 * bound the work of one input; libFuzzer's -timeout catches the rest.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "catalogue.h"
#include "registries.h"
#include "ruleset.h"
#include "settings.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CL_FUZZ_DISPLAY "fuzz.rules.xml"

/* Fails loudly: libFuzzer saves the input as a crash. */
#define CL_FUZZ_CHECK(cond)                                                \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr,                                    \
			        "fuzz_ruleset: %s:%d: check failed: %s\n", \
			        __FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

/* Linted when the input has no NUL: valid, and with something for each
 * kind of node a rule selects (attributes, element text, repeated ids,
 * nested variables, a placeholder). */
static const char default_connector[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connector format=\"1\" name=\"Acme Inventory\" version=\"1\" "
    "system-type=\"Warehouse\">\n"
    "  <description>Stock levels from the Acme API.</description>\n"
    "  <variables>\n"
    "    <variable key=\"host\" label=\"Host name\" required=\"true\"/>\n"
    "  </variables>\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"acme-basic\" name=\"Password\" type=\"basic\">\n"
    "      <url>https://{{host}}/api/login</url>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"list-items\" name=\"List items\" method=\"GET\" "
    "entity=\"item\">\n"
    "      <url>https://{{host}}/api/items</url>\n"
    "      <enable auth-method=\"acme-basic\"/>\n"
    "    </endpoint>\n"
    "    <endpoint id=\"Put-Item\" name=\"Put an item\" method=\"PUT\">\n"
    "      <url>http://other.example/items</url>\n"
    "      <body><content>{}</content></body>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* The process-wide set-up of the first linter (connlint.h: the
	 * external entity loader that refuses everything) before the
	 * first ruleset is parsed, as the command line does. */
	cl_linter_free(cl_linter_new());
	return 0;
}

/* Reads every byte the result hands out; checks the positions. */
static void
read_result(const cl_result *r)
{
	size_t i, k, n = cl_result_count(r);
	volatile size_t sink = 0;

	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(r, i);
		const cl_rule *rule;
		const char *msg, *s;
		unsigned l, c, el, ec;

		CL_FUZZ_CHECK(d != NULL);
		rule = cl_diag_rule(d);
		CL_FUZZ_CHECK(rule != NULL);
		CL_FUZZ_CHECK(cl_rule_id(rule) && *cl_rule_id(rule));
		sink += strlen(cl_rule_id(rule));
		if ((s = cl_rule_slug(rule)))
			sink += strlen(s);
		if ((s = cl_rule_summary(rule)))
			sink += strlen(s);
		msg = cl_diag_message(d);
		CL_FUZZ_CHECK(msg != NULL);
		sink += strlen(msg);
		sink += (size_t)cl_diag_severity(d);
		l = cl_diag_line(d);
		c = cl_diag_column(d);
		el = cl_diag_end_line(d);
		ec = cl_diag_end_column(d);
		CL_FUZZ_CHECK(l >= 1 && c >= 1 && cl_diag_byte_column(d) >= 1);
		CL_FUZZ_CHECK(el > l || (el == l && ec >= c));
		for (k = 0; k < cl_diag_related_count(d); k++) {
			unsigned rl, rc, rel, rec;
			const char *rm =
			    cl_diag_related(d, k, &rl, &rc, &rel, &rec);

			CL_FUZZ_CHECK(rm != NULL);
			sink += strlen(rm);
			CL_FUZZ_CHECK(rl >= 1 && rc >= 1);
			CL_FUZZ_CHECK(rel > rl || (rel == rl && rec >= rc));
			CL_FUZZ_CHECK(cl_diag_related_byte_column(d, k) >= 1);
			if ((s = cl_diag_related_file(d, k)))
				sink += strlen(s);
		}
		CL_FUZZ_CHECK(cl_diag_related(d, k, &l, &c, &el, &ec) == NULL);
	}
	(void)sink;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data, *doc = default_connector;
	const char *nul = size ? memchr(buf, '\0', size) : NULL;
	size_t rs_len = nul ? (size_t)(nul - buf) : size;
	size_t doc_len = sizeof(default_connector) - 1;
	struct cl_ruleset *rs;
	struct cl_registry *reg;
	cl_linter *linter;
	cl_result *r;
	char *error = NULL;

	if (nul) {
		doc = nul + 1;
		doc_len = size - rs_len - 1;
	}
	rs = cl_ruleset_load_memory(CL_FUZZ_DISPLAY, NULL, buf, rs_len, &error);
	if (!rs) {
		size_t dl = strlen(CL_FUZZ_DISPLAY);

		CL_FUZZ_CHECK(error != NULL);
		CL_FUZZ_CHECK(strlen(error) > dl);
		CL_FUZZ_CHECK(!strncmp(error, CL_FUZZ_DISPLAY, dl));
		CL_FUZZ_CHECK(error[dl] == ':');
		free(error);
		return 0;
	}
	CL_FUZZ_CHECK(error == NULL);
	CL_FUZZ_CHECK(cl_ruleset_rule_count(rs) <= CL_RULESET_MAX_RULES);
	CL_FUZZ_CHECK(cl_ruleset_name(rs) != NULL);
	CL_FUZZ_CHECK(!strcmp(cl_ruleset_display(rs), CL_FUZZ_DISPLAY));

	reg = cl_registry_extend(cl_registry_builtin(), rs, &error);
	if (!reg) {
		/* An ID or slug of a built-in rule (CL001, `xml-not-well-formed`). */
		CL_FUZZ_CHECK(error != NULL && *error);
		free(error);
		cl_ruleset_unref(rs);
		return 0;
	}
	CL_FUZZ_CHECK(error == NULL);
	CL_FUZZ_CHECK(reg->count ==
	              cl_registry_builtin()->count + cl_ruleset_rule_count(rs));
	/* The registry holds its own reference. */
	cl_ruleset_unref(rs);

	linter = cl_linter_new_registry(reg);
	CL_FUZZ_CHECK(linter != NULL);
	/* The linter holds its own reference too. */
	cl_registry_unref(reg);

	r = cl_lint_memory(linter, "fuzz.xml", doc, doc_len);
	CL_FUZZ_CHECK(r != NULL);
	read_result(r);
	cl_result_free(r);
	cl_linter_free(linter);
	return 0;
}
