/*
 * The internals of cl_output, shared by the output formats (output_*.c),
 * not part of the library's API. Every format reads results through the
 * public accessors of connlint.h (and struct cl_result, result.h); the
 * byte escapers are in escape.h.
 */
#ifndef CL_OUTPUT_H
#define CL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "connlint.h"
#include "escape.h"
#include "result.h"
#include "util.h"

/* One output format: cl_output_new picks the ops by format. */
struct cl_output_ops {
	void (*add)(struct cl_output *out, const struct cl_result *result);
	void (*finish)(struct cl_output *out);
	void (*release)(struct cl_output *out); /* may be NULL */
};

/* A path that could not be linted (cl_output_add_error). */
struct cl_output_error {
	char *path;    /* malloc'd */
	char *reason;  /* malloc'd */
	size_t before; /* results added before it, to keep the order */
};

struct cl_output {
	const struct cl_output_ops *ops;
	FILE *out;
	unsigned flags;
	size_t files;     /* results added so far */
	size_t counts[3]; /* per enum cl_severity */
	size_t baselined; /* diagnostics a baseline held back */
	void *state;      /* the format's own data */
	/* Kept here rather than passed to an op, so that formats which
	 * ignore them need no code for them. */
	struct cl_output_error *errors;
	size_t nerrors, errors_alloc;
};

extern const struct cl_output_ops cl_output_text_ops;
extern const struct cl_output_ops cl_output_gcc_ops;
extern const struct cl_output_ops cl_output_json_ops;
extern const struct cl_output_ops cl_output_sarif_ops;
extern const struct cl_output_ops cl_output_checkstyle_ops;
extern const struct cl_output_ops cl_output_junit_ops;
extern const struct cl_output_ops cl_output_github_ops;

/* cl_diag_related for a related location I that exists (a BUG() if it
 * does not): its message, and its position in the out-parameters. */
const char *
cl_output_related(const cl_diag *d, size_t i, unsigned *line, unsigned *column,
                  unsigned *end_line, unsigned *end_column);

#endif /* CL_OUTPUT_H */
