/* The internals of cl_result and cl_output, shared by the output formats. */
#ifndef CL_RESULT_H
#define CL_RESULT_H

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
	struct cl_strbuf line_buf; /* the last line returned, masked */
};

/* One output format: cl_output_new picks the ops by format. */
struct cl_output_ops {
	void (*add)(struct cl_output *out, const struct cl_result *result);
	void (*finish)(struct cl_output *out);
	void (*release)(struct cl_output *out); /* may be NULL */
};

struct cl_output {
	const struct cl_output_ops *ops;
	FILE *out;
	unsigned flags;
	size_t files; /* results added so far */
	size_t counts[3]; /* per enum cl_severity */
	void *state; /* the format's own data */
};

extern const struct cl_output_ops cl_output_text_ops;
extern const struct cl_output_ops cl_output_gcc_ops;
extern const struct cl_output_ops cl_output_json_ops;

#endif /* CL_RESULT_H */
