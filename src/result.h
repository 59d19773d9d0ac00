/* The internals of cl_result and cl_output, shared by the output formats. */
#ifndef CL_RESULT_H
#define CL_RESULT_H

#include <stdbool.h>
#include <stdio.h>

#include "connlint.h"
#include "diag.h"
#include "util.h"

struct cl_result {
	char *name;  /* display name, malloc'd */
	char *buf;   /* the source bytes, malloc'd, NUL-terminated */
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
};

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
	size_t files; /* results added so far */
	size_t counts[3]; /* per enum cl_severity */
	size_t baselined; /* diagnostics a baseline held back */
	void *state; /* the format's own data */
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

#endif /* CL_RESULT_H */
