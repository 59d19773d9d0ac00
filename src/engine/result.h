/* The internals of cl_result, shared by the engine, fingerprints and
 * the output formats. */
#ifndef CL_RESULT_H
#define CL_RESULT_H

#include <stdbool.h>
#include <stdio.h>

#include "connlint.h"
#include "diag.h"
#include "util.h"

struct cl_registry;

struct cl_result {
	char *name; /* display name, malloc'd */
	char *buf;  /* the source bytes, malloc'd, NUL-terminated */
	size_t len;
	struct cl_diag_sink sink; /* finished: sorted, positions filled */
	/* Line index, built on the first cl_result_line call. */
	uint32_t *line_starts;
	size_t nlines;
	char *shown;               /* buf with secrets masked, built lazily */
	bool opaque;               /* set with shown: no line is ever shown */
	struct cl_strbuf line_buf; /* the last line returned, masked */
	unsigned line_buf_line;    /* its number; 0 when none */
	/* The diagnostics' fingerprints, parallel to sink.items; computed on
	 * first use. Kept so that dropping baselined diagnostics does not
	 * renumber the fingerprints of those that stay. */
	char **fingerprints;
	/* The registry it was linted with (a reference): custom rules that
	 * its diagnostics point at live as long as it does. */
	const struct cl_registry *reg;
};

/*
 * R's source with every secret masked as outputs show it (byte for byte
 * the same length, so that lines and offsets still match), or NULL when
 * no line of it may be shown (not text that could be a connector). Built
 * on first use; belongs to R.
 */
const char *cl_result_shown(const cl_result *r);

#endif /* CL_RESULT_H */
