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
 *
 * Built with CL_FUZZ_BIG (fuzz.mk's fuzz_lint_big), it looks for time
 * and memory that grow faster than the input (issue 16): the header has
 * four more bytes, which repeat one piece of the document until it is up
 * to CL_FUZZ_BIG_MAX bytes long, and every run then computes the
 * fingerprints, writes and applies a baseline and renders SARIF:
 *
 *   byte 3     bit 0: the text format as well (the other outputs are
 *              the small harness's)
 *   bytes 4-5  where the repeated piece starts, as a fraction of the
 *              document (big-endian, of 65536)
 *   byte 6     its length: 1 to 256 bytes
 *   byte 7     how many times: from once (0) to as many as fit (255)
 *
 * A quadratic path then shows up as libFuzzer's -timeout or -rss_limit_mb.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "connlint.h"

#ifdef CL_FUZZ_BIG
#include "fingerprint.h" /* cl_result_fingerprints: all at once */
#define CL_FUZZ_HDR 8
/* The largest document a repetition makes: big enough that quadratic
 * work takes seconds, small enough that linear work takes milliseconds. */
#define CL_FUZZ_BIG_MAX ((size_t)256 << 10)
#else
#define CL_FUZZ_HDR 4
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* No option, then every rule group: the start of both lists below. */
#define SPEC_GROUPS NULL, "CL0", "CL1", "CL2", "CL3", "CL4"

/* Index 0 is "no option". Unknown names ("CL9", "nope") are here on
 * purpose: the error path of select/ignore must not leak either. */
static const char *const select_specs[] = {
	SPEC_GROUPS,
	"CL00",
	"CL10",
	"CL30",
	"CL001",
	"CL1,CL3",
	"wrong-grant-type",
	"CL2,undefined-placeholder",
	"CL9",
	"nope",
	"CL1,,CL2",
	"",
};
static const char *const ignore_specs[] = {
	SPEC_GROUPS,           "CL001", "CL002", "CL10", "CL101,CL109",
	"xml-not-well-formed", "CL9",   "",
};
static const char *const severity_specs[] = {
	NULL,         "CL1=info", "CL3=warning",
	"CL001=info", "CL2=off",  "CL101=error,CL202=error",
	"CL1=bogus",  "=",        "CL9=info",
};

#ifndef CL_FUZZ_BIG
/* Looked up by name, so that the harness builds whichever of them the
 * library has. */
static const char *const more_formats[] = {
	"sarif",
	"checkstyle",
	"junit",
	"github",
};
#endif

#define PICK(table, byte) \
	((table)[(byte) % (sizeof(table) / sizeof((table)[0]))])

/* Fails loudly: libFuzzer saves the input as a crash. */
#define CL_FUZZ_CHECK(cond)                                             \
	do {                                                            \
		if (!(cond)) {                                          \
			fprintf(stderr,                                 \
			        "fuzz_lint: %s:%d: check failed: %s\n", \
			        __FILE__, __LINE__, #cond);             \
			abort();                                        \
		}                                                       \
	} while (0)

static void
check_positions(const cl_result *r)
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

			CL_FUZZ_CHECK(cl_diag_related(d, k, &rl, &rc, &rel,
			                              &rec) != NULL);
			CL_FUZZ_CHECK(rl >= 1 && rc >= 1);
			CL_FUZZ_CHECK(rel > rl || (rel == rl && rec >= rc));
		}
	}
}

/* Renders R in FORMAT into memory; the bytes are thrown away, what counts
 * is that producing them is safe. */
static void
render(const cl_result *r, enum cl_format format, unsigned flags, int twice)
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

#ifdef CL_FUZZ_BIG
/*
 * DATA[0..SIZE) with the piece HDR[4..7] picks repeated (see the top of
 * the file): malloc'd, its length in *OUT_LEN.
 */
static char *
repeat_piece(const uint8_t *hdr, const uint8_t *data, size_t size,
             size_t *out_len)
{
	size_t start =
	    size ? (size_t)((hdr[4] << 8 | hdr[5]) * (uint64_t)size >> 16) : 0;
	size_t piece = 1 + (size_t)hdr[6], times = 1, room, len, i;
	char *out, *p;

	if (piece > size - start)
		piece = size - start;
	if (piece && size < CL_FUZZ_BIG_MAX) {
		room = (CL_FUZZ_BIG_MAX - size) / piece;
		times = 1 + (size_t)((uint64_t)room * hdr[7] / 255);
	}
	len = size + piece * (times - 1);
	p = out = malloc(len ? len : 1);
	CL_FUZZ_CHECK(out != NULL);
	memcpy(p, data, start);
	p += start;
	for (i = 0; i < times; i++, p += piece)
		memcpy(p, data + start, piece);
	memcpy(p, data + start + piece, size - start - piece);
	*out_len = len;
	return out;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Where the baseline of each run is written, then read back: one file
 * per process, removed at exit. */
static char baseline_path[4096];

static void
remove_baseline(void)
{
	unlink(baseline_path);
}

/*
 * Fingerprints, a baseline written and applied, SARIF: the paths that
 * once were quadratic in the findings of one line. Checks what a baseline
 * relies on: the fingerprints of one file are distinct, each one computed
 * alone is the one computed with the others, and a baseline of every
 * finding holds every finding back. Frees R.
 */
static void
big_checks(cl_result *r)
{
	size_t n = cl_result_count(r), i, held;
	char *one[2] = { NULL, NULL }, **all, *entries, *error = NULL;
	enum cl_format sarif;
	cl_baseline *b;
	FILE *f;

	/* Alone first: once all are computed, they are cached. */
	if (n) {
		one[0] = cl_diag_fingerprint(r, cl_result_diag(r, 0));
		one[1] = cl_diag_fingerprint(r, cl_result_diag(r, n - 1));
	}
	all = cl_result_fingerprints(r);
	if (n) {
		CL_FUZZ_CHECK(one[0] && !strcmp(one[0], all[0]));
		CL_FUZZ_CHECK(one[1] && !strcmp(one[1], all[n - 1]));
	}
	qsort(all, n, sizeof(*all), cmp_str);
	for (i = 0; i < n; i++) {
		CL_FUZZ_CHECK(strlen(all[i]) == 32);
		CL_FUZZ_CHECK(i == 0 || strcmp(all[i - 1], all[i]));
	}
	for (i = 0; i < n; i++)
		free(all[i]);
	free(all);
	free(one[0]);
	free(one[1]);
	if (!cl_format_parse("sarif", &sarif))
		render(r, sarif, 0, 0);

	if (!baseline_path[0]) {
		const char *dir = getenv("TMPDIR");
		int fd;

		snprintf(baseline_path, sizeof(baseline_path),
		         "%s/fuzz_lint_big-XXXXXX", dir && *dir ? dir : "/tmp");
		fd = mkstemp(baseline_path);
		CL_FUZZ_CHECK(fd >= 0);
		close(fd);
		atexit(remove_baseline);
	}
	entries = cl_baseline_entries(r);
	f = fopen(baseline_path, "w");
	CL_FUZZ_CHECK(f != NULL);
	fputs(CL_BASELINE_HEADER "\n", f);
	fputs(entries, f);
	CL_FUZZ_CHECK(!ferror(f) && fclose(f) == 0);
	free(entries);
	b = cl_baseline_load(baseline_path, &error);
	if (!b)
		fprintf(stderr, "fuzz_lint: baseline: %s\n",
		        error ? error : "?");
	CL_FUZZ_CHECK(b != NULL);
	CL_FUZZ_CHECK(cl_baseline_size(b) == n);
	held = cl_baseline_apply(b, r);
	CL_FUZZ_CHECK(held == n && cl_result_count(r) == 0);
	cl_baseline_free(b);
	cl_result_free(r);
}
#endif

static void
apply(int (*set)(cl_linter *, const char *, char **), cl_linter *l,
      const char *spec)
{
	char *bad = NULL;

	if (!spec)
		return;
	if (set(l, spec, &bad))
		free(bad);
	else
		CL_FUZZ_CHECK(bad == NULL);
}

#ifndef CL_FUZZ_BIG
/* The outputs byte 3 picks, for the small harness. */
static void
outputs(const cl_result *r, unsigned outs)
{
	if (!(outs & 0x1f))
		outs |= 0x1f; /* always render something */
	if (outs & 0x01)
		render(r, CL_FORMAT_TEXT, 0, outs & 0x20);
	if (outs & 0x02)
		render(r, CL_FORMAT_TEXT, CL_OUTPUT_COLOR, outs & 0x20);
	if (outs & 0x04)
		render(r, CL_FORMAT_TEXT, CL_OUTPUT_QUIET | CL_OUTPUT_COLOR,
		       outs & 0x20);
	if (outs & 0x08)
		render(r, CL_FORMAT_GCC, 0, outs & 0x20);
	if (outs & 0x10)
		render(r, CL_FORMAT_JSON, 0, outs & 0x20);
	if (outs & 0x80) {
		size_t i;

		for (i = 0; i < sizeof(more_formats) / sizeof(more_formats[0]);
		     i++) {
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
}
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t hdr[CL_FUZZ_HDR] = { 0, 0, 0, 0xff };
	cl_linter *l;
	cl_result *r;
#ifdef CL_FUZZ_BIG
	char *big;
	size_t big_len;
#endif

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

#ifdef CL_FUZZ_BIG
	big = repeat_piece(hdr, data, size, &big_len);
	r = cl_lint_memory(l, "fuzz.connector.xml", big, big_len);
	free(big);
	CL_FUZZ_CHECK(r != NULL);
	check_positions(r);
	/* Besides SARIF only the text format (bit 0), which quotes the
	 * long lines: the others are the small harness's business. */
	if (hdr[3] & 0x01)
		render(r, CL_FORMAT_TEXT, 0, 0);
	big_checks(r);
#else
	r = cl_lint_memory(l, "fuzz.connector.xml", (const char *)data, size);
	CL_FUZZ_CHECK(r != NULL);
	check_positions(r);
	outputs(r, hdr[3]);
	cl_result_free(r);
#endif
	cl_linter_free(l);
	return 0;
}
