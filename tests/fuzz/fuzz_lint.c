/*
 * libFuzzer harness over the whole library pipeline: options, encoding
 * checks, the SAX parser, the model, every rule, inline suppressions and
 * every output format. Build and run with `make fuzz` / `make
 * fuzz-smoke` (tests/fuzz/fuzz.mk); see docs/fuzzing.md.
 *
 * Input layout: the first CL_FUZZ_HDR bytes choose the options, the rest
 * is the document. Keeping the options in a fixed-size header (rather than
 * deriving them from a hash of the document) lets the fuzzer mutate the
 * options and the document independently; fuzz.mk puts a header in front
 * of every seed from fixtures/, so that the seed is read whole. To replay
 * a crash as a document, drop its first four bytes (docs/fuzzing.md).
 *
 *   byte 0  which --select list (0: none), see select_specs
 *   byte 1  which --ignore list (0: none), see ignore_specs
 *   byte 2  severity override (0: none), see severity_specs
 *   byte 3  outputs: bit 0 text, 1 text+colour, 2 text+colour+quiet,
 *           3 gcc, 4 json, 5 feed the result twice (a two-file run),
 *           6 also read every source line through cl_result_line,
 *           7 every further format cl_format_parse knows (see
 *           more_formats)
 *
 * Beyond "no crash, no leak, no undefined behaviour", the harness checks
 * what every output format relies on: positions are 1-based and a range
 * never ends before it starts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"

#define CL_FUZZ_HDR 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Index 0 is "no option". Unknown names ("CL9", "nope") are here on
 * purpose: the error path of select/ignore must not leak either. */
static const char *const select_specs[] = {
	NULL, "CL0", "CL1", "CL2", "CL3", "CL4", "CL00", "CL10", "CL30",
	"CL001", "CL1,CL3", "wrong-grant-type", "CL2,undefined-placeholder",
	"CL9", "nope", "CL1,,CL2", "",
};
static const char *const ignore_specs[] = {
	NULL, "CL0", "CL1", "CL2", "CL3", "CL4", "CL001", "CL002", "CL10",
	"CL101,CL109", "xml-not-well-formed", "CL9", "",
};
static const char *const severity_specs[] = {
	NULL, "CL1=info", "CL3=warning", "CL001=info", "CL2=off",
	"CL101=error,CL202=error", "CL1=bogus", "=", "CL9=info",
};

/* Looked up by name, so that the harness builds whichever of them the
 * library has. */
static const char *const more_formats[] = {
	"sarif", "checkstyle", "junit", "github",
};

#define PICK(table, byte) ((table)[(byte) % (sizeof(table) / sizeof((table)[0]))])

/* Fails loudly: libFuzzer saves the input as a crash. */
#define CL_FUZZ_CHECK(cond)                                                  \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "fuzz_lint: %s:%d: check failed: %s\n", \
			        __FILE__, __LINE__, #cond);                  \
			abort();                                             \
		}                                                            \
	} while (0)

static void check_positions(const cl_result *r)
{
	size_t i, k;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);
		unsigned l, c, el, ec;

		CL_FUZZ_CHECK(d != NULL);
		l = cl_diag_line(d);
		c = cl_diag_column(d);
		el = cl_diag_end_line(d);
		ec = cl_diag_end_column(d);
		CL_FUZZ_CHECK(cl_diag_rule(d) != NULL);
		CL_FUZZ_CHECK(cl_diag_message(d) != NULL);
		CL_FUZZ_CHECK(l >= 1 && c >= 1 && cl_diag_byte_column(d) >= 1);
		CL_FUZZ_CHECK(el > l || (el == l && ec >= c));
		for (k = 0; k < cl_diag_related_count(d); k++) {
			unsigned rl, rc, rel, rec;

			CL_FUZZ_CHECK(cl_diag_related(d, k, &rl, &rc, &rel, &rec) != NULL);
			CL_FUZZ_CHECK(rl >= 1 && rc >= 1);
			CL_FUZZ_CHECK(rel > rl || (rel == rl && rec >= rc));
		}
	}
}

/* Renders R in FORMAT into memory; the bytes are thrown away, what counts
 * is that producing them is safe. */
static void render(const cl_result *r, enum cl_format format, unsigned flags,
                   int twice)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cl_output *o;

	if (!f)
		return; /* out of memory: nothing to test */
	o = cl_output_new(format, f, flags);
	cl_output_add(o, r);
	if (twice)
		cl_output_add(o, r);
	cl_output_finish(o);
	cl_output_free(o);
	fclose(f);
	free(buf);
}

static void apply(int (*set)(cl_linter *, const char *, char **),
                  cl_linter *l, const char *spec)
{
	char *bad = NULL;

	if (!spec)
		return;
	if (set(l, spec, &bad))
		free(bad);
	else
		CL_FUZZ_CHECK(bad == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t hdr[CL_FUZZ_HDR] = { 0, 0, 0, 0xff };
	unsigned outs;
	cl_linter *l;
	cl_result *r;

	if (size >= CL_FUZZ_HDR) {
		memcpy(hdr, data, CL_FUZZ_HDR);
		data += CL_FUZZ_HDR;
		size -= CL_FUZZ_HDR;
	} else {
		size = 0; /* too short for options: an empty document */
	}
	l = cl_linter_new();
	apply(cl_linter_select, l, PICK(select_specs, hdr[0]));
	apply(cl_linter_ignore, l, PICK(ignore_specs, hdr[1]));
	apply(cl_linter_severity, l, PICK(severity_specs, hdr[2]));

	r = cl_lint_memory(l, "fuzz.connector.xml", (const char *)data, size);
	CL_FUZZ_CHECK(r != NULL);
	check_positions(r);

	outs = hdr[3];
	if (!(outs & 0x1f))
		outs |= 0x1f; /* always render something */
	if (outs & 0x01)
		render(r, CL_FORMAT_TEXT, 0, outs & 0x20);
	if (outs & 0x02)
		render(r, CL_FORMAT_TEXT, CL_OUTPUT_COLOR, outs & 0x20);
	if (outs & 0x04)
		render(r, CL_FORMAT_TEXT, CL_OUTPUT_QUIET | CL_OUTPUT_COLOR, outs & 0x20);
	if (outs & 0x08)
		render(r, CL_FORMAT_GCC, 0, outs & 0x20);
	if (outs & 0x10)
		render(r, CL_FORMAT_JSON, 0, outs & 0x20);
	if (outs & 0x80) {
		size_t i;

		for (i = 0; i < sizeof(more_formats) / sizeof(more_formats[0]); i++) {
			enum cl_format f;

			if (!cl_format_parse(more_formats[i], &f))
				render(r, f, 0, outs & 0x20);
		}
	}
	if (outs & 0x40) {
		unsigned line;
		size_t n;

		/* Every line, then past the end: NULL, not a read overrun. */
		for (line = 1; cl_result_line(r, line, &n); line++)
			;
		CL_FUZZ_CHECK(cl_result_line(r, line + 1, &n) == NULL);
		CL_FUZZ_CHECK(cl_result_line(r, 0, &n) == NULL);
	}

	cl_result_free(r);
	cl_linter_free(l);
	return 0;
}
