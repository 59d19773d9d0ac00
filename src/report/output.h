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

struct cl_registry;

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
	size_t fixed;     /* fixes applied (CL_OUTPUT_FIX) */
	void *state;      /* the format's own data */
	/* Kept here rather than passed to an op, so that formats which
	 * ignore them need no code for them. */
	struct cl_output_error *errors;
	size_t nerrors, errors_alloc;
	/* The unit of the columns line formats print (never DEFAULT);
	 * cl_output_column. */
	enum cl_column_unit column_unit;
	/* Display cells on the line of the last display column asked for:
	 * checkpoints every 256 bytes, so that many positions on one long line
	 * (in any order) cost about one walk over it (cl_output_column). */
	struct cl_column_index {
		const char *bol; /* the line's first byte; NULL: none */
		struct cl_column_point {
			size_t at;    /* byte offset in the line */
			size_t cells; /* display cells before it */
		} * points;
		size_t n, alloc;
	} column_index;
	char *link_base; /* --link-base URL or NULL */
	/* The rules it speaks of (cl_output_rule_slot): the built-in ones,
	 * then custom rules, those of REG first. */
	const struct cl_registry *reg; /* a reference; NULL: built-in only */
	const cl_rule **custom;
	size_t ncustom, custom_alloc;
};

/*
 * The rules of REG (the session's: built-in rules and those of --rules)
 * are the ones OUT describes up front (SARIF's rules array); call it
 * before the first result. Takes a reference of REG.
 */
void
cl_output_set_registry(struct cl_output *out, const struct cl_registry *reg);
/* RULE's slot in OUT: a built-in rule's registry index, then the custom
 * rules of OUT's registry, then the custom rules met in results, in the
 * order met. Stable for the output's life. */
size_t cl_output_rule_slot(struct cl_output *out, const cl_rule *rule);
/* How many slots OUT has so far, and the rule of slot I. */
size_t cl_output_rule_slots(const struct cl_output *out);
const cl_rule *cl_output_rule_at(const struct cl_output *out, size_t i);

extern const struct cl_output_ops cl_output_text_ops;
extern const struct cl_output_ops cl_output_gcc_ops;
extern const struct cl_output_ops cl_output_json_ops;
extern const struct cl_output_ops cl_output_sarif_ops;
extern const struct cl_output_ops cl_output_checkstyle_ops;
extern const struct cl_output_ops cl_output_junit_ops;
extern const struct cl_output_ops cl_output_github_ops;
extern const struct cl_output_ops cl_output_gitlab_ops;
extern const struct cl_output_ops cl_output_markdown_ops;
/* Not a format of its own: the text format under CL_OUTPUT_STATISTICS. */
extern const struct cl_output_ops cl_output_statistics_ops;

/*
 * The columns of D (a diagnostic of RESULT) and of its related location
 * I, in OUT's column unit; what line formats print instead of
 * cl_diag_column. The end column (exclusive, like cl_diag_end_column)
 * is exact for a range on one line; for one over several it is counted
 * from the start of the end line.
 */
unsigned cl_output_column(struct cl_output *out, const struct cl_result *result,
                          const cl_diag *d);
unsigned cl_output_end_column(struct cl_output *out,
                              const struct cl_result *result, const cl_diag *d);
unsigned
cl_output_related_column(struct cl_output *out, const struct cl_result *result,
                         const cl_diag *d, size_t i);

/* The text format's summary line ("1 error, ... in 5 files"), unless
 * quiet; the statistics view ends with it too. */
void cl_output_text_summary(struct cl_output *out);

/* cl_diag_related for a related location I that exists (a BUG() if it
 * does not): its message, and its position in the out-parameters. */
const char *
cl_output_related(const cl_diag *d, size_t i, unsigned *line, unsigned *column,
                  unsigned *end_line, unsigned *end_column);

#endif /* CL_OUTPUT_H */
