/*
 * connlint: a static checker for API-connector definitions.
 *
 * This is the library's only public header. Every type is opaque; read it
 * through the accessors below. Ownership is stated on each function that
 * returns memory: "caller frees" means the matching _free function.
 *
 * Typical use:
 *
 *     cl_linter *l = cl_linter_new();
 *     const char *why;
 *     cl_result *r = cl_lint_file(l, "shop.connector.xml", &why);
 *     if (!r) fprintf(stderr, "cannot read: %s\n", why);
 *     ... cl_result_count(r), cl_result_diag(r, i) ...
 *     cl_result_free(r);
 *     cl_linter_free(l);
 */
#ifndef CONNLINT_H
#define CONNLINT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CONNLINT_VERSION "0.1.0"

/* Largest input connlint reads; a larger file gets one CL001 diagnostic. */
#define CL_MAX_INPUT_BYTES ((size_t)64 * 1024 * 1024)

typedef struct cl_linter cl_linter; /* configuration, reusable across files */
typedef struct cl_result cl_result; /* the findings for one file */
typedef struct cl_diag cl_diag;     /* one finding */
typedef struct cl_rule cl_rule;     /* one catalogue entry */
typedef struct cl_output cl_output; /* one output format writing to a stream */

/* Ordered: a higher value is more severe. */
enum cl_severity { CL_SEV_INFO = 0, CL_SEV_WARNING = 1, CL_SEV_ERROR = 2 };

/* "error", "warning" or "info". Static storage. */
const char *cl_severity_name(enum cl_severity sev);
/* Parses "error", "warning" or "info"; returns 0 and sets *out, or -1. */
int cl_severity_parse(const char *name, enum cl_severity *out);

/* The library version, e.g. "0.1.0". Static storage. */
const char *cl_version(void);

/* ---- Rule catalogue -------------------------------------------------- */

/* Number of rules in the catalogue; rules are ordered by ID. */
size_t cl_rule_count(void);
/* The I-th rule (0-based), or NULL past the end. Static storage. */
const cl_rule *cl_rule_at(size_t i);
/* The rule with this ID ("CL303") or slug ("wrong-grant-type"), or NULL. */
const cl_rule *cl_rule_find(const char *id_or_slug);
const char *cl_rule_id(const cl_rule *rule);
const char *cl_rule_slug(const cl_rule *rule);
const char *cl_rule_summary(const cl_rule *rule);
enum cl_severity cl_rule_severity(const cl_rule *rule);

/* ---- Linter ---------------------------------------------------------- */

/* A linter with every rule enabled. Caller frees with cl_linter_free. */
cl_linter *cl_linter_new(void);
void cl_linter_free(cl_linter *linter);

/*
 * Restricts or widens the set of rules. SPEC is a comma-separated list of
 * IDs ("CL303"), slugs ("wrong-grant-type") or ID prefixes ("CL3", "CL30").
 * The first cl_linter_select call disables every rule not selected; later
 * calls add to the selection. cl_linter_ignore disables what SPEC names and
 * always wins over select. Both return 0, or -1 when an item names no rule;
 * then *bad (if non-NULL) is set to a malloc'd copy of the item, caller frees.
 */
int cl_linter_select(cl_linter *linter, const char *spec, char **bad);
int cl_linter_ignore(cl_linter *linter, const char *spec, char **bad);
/* 1 when RULE is enabled in LINTER. */
int cl_linter_enabled(const cl_linter *linter, const cl_rule *rule);

/*
 * Lints the file at PATH, shown in diagnostics as DISPLAY_NAME (PATH when
 * NULL). Returns a result the caller frees with cl_result_free, or NULL when
 * the file cannot be opened or read; then *reason (if non-NULL) points to a
 * static, plain-words reason. The file is never modified.
 */
cl_result *cl_lint_file(const cl_linter *linter, const char *path,
                        const char *display_name, const char **reason);

/* Like cl_lint_file, reading an open descriptor (e.g. 0 for stdin) to EOF.
 * FD is not closed. */
cl_result *cl_lint_fd(const cl_linter *linter, int fd, const char *display_name,
                      const char **reason);

/* Lints LEN bytes at BUF, shown as NAME. BUF is copied. Never NULL. */
cl_result *cl_lint_memory(const cl_linter *linter, const char *name,
                          const char *buf, size_t len);

/* ---- Results --------------------------------------------------------- */

void cl_result_free(cl_result *result);
/* The display name given when linting. Owned by RESULT. */
const char *cl_result_file(const cl_result *result);
/* Diagnostics, sorted by position, then rule ID. */
size_t cl_result_count(const cl_result *result);
const cl_diag *cl_result_diag(const cl_result *result, size_t i);
/* Number of diagnostics of severity SEV. */
size_t cl_result_count_severity(const cl_result *result, enum cl_severity sev);
/*
 * The text of source line LINE (1-based) without its line break, with
 * every secret that a rule flagged masked. Sets *len. NULL past the end.
 * Owned by RESULT.
 */
const char *cl_result_line(const cl_result *result, unsigned line, size_t *len);

/* ---- Diagnostics ----------------------------------------------------- */
/*
 * Positions are 1-based. Columns count Unicode characters; the end column
 * is exclusive (one past the last character), as in LSP and SARIF.
 * cl_diag_byte_column is the 1-based byte offset in the line, as gcc and
 * clang print it and Vim's quickfix reads it.
 */
const cl_rule *cl_diag_rule(const cl_diag *diag);
enum cl_severity cl_diag_severity(const cl_diag *diag);
/* Owned by the result. Secrets are already masked. */
const char *cl_diag_message(const cl_diag *diag);
unsigned cl_diag_line(const cl_diag *diag);
unsigned cl_diag_column(const cl_diag *diag);
unsigned cl_diag_end_line(const cl_diag *diag);
unsigned cl_diag_end_column(const cl_diag *diag);
unsigned cl_diag_byte_column(const cl_diag *diag);

/* Related locations (e.g. the first of two duplicates), in the same file. */
size_t cl_diag_related_count(const cl_diag *diag);
/* Fills the position of related location I; returns its message (owned by
 * the result), or NULL when I is out of range. */
const char *cl_diag_related(const cl_diag *diag, size_t i, unsigned *line,
                            unsigned *column, unsigned *end_line,
                            unsigned *end_column);

/* ---- Output formats -------------------------------------------------- */

enum cl_format { CL_FORMAT_TEXT, CL_FORMAT_GCC, CL_FORMAT_JSON };

/* Parses "text", "gcc" or "json"; returns 0 and sets *out, or -1. */
int cl_format_parse(const char *name, enum cl_format *out);

#define CL_OUTPUT_COLOR 0x1u /* ANSI colour (text format only) */
#define CL_OUTPUT_QUIET 0x2u /* no summary line (text format only) */

/*
 * An output writing to OUT (not closed by connlint). Feed it every file's
 * result in order with cl_output_add, then call cl_output_finish once.
 * Caller frees with cl_output_free.
 */
cl_output *cl_output_new(enum cl_format format, FILE *out, unsigned flags);
void cl_output_add(cl_output *output, const cl_result *result);
void cl_output_finish(cl_output *output);
void cl_output_free(cl_output *output);

#ifdef __cplusplus
}
#endif
#endif /* CONNLINT_H */
