/*
 * The diagnostics sink: collects what the parser, the model builder and the
 * rules report for one file, then sorts it and computes line/column
 * positions once (cl_diag_sink_finish), which is cheap because diagnostics
 * are rare and the line index is built only when there is one.
 */
#ifndef CL_DIAG_H
#define CL_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "connlint.h"
#include "text.h"
#include "xml.h"

struct cl_pos {
	unsigned line, column, end_line, end_column; /* 1-based, characters */
	unsigned byte_column;                        /* 1-based, bytes */
};

struct cl_related_loc {
	struct cl_span span;
	struct cl_pos pos;
	char *message; /* malloc'd */
	/* The display name of the file SPAN is in (malloc'd), or NULL: the
	 * diagnostic's own file. A location in another file (connlint diff:
	 * the old version) has POS and DISPLAY_COLUMN computed when it is
	 * reported (cl_report_related_in), from that file's buffer, which is
	 * gone by the time outputs run: SPAN is then only the bytes of that
	 * file, never to be read from the diagnostic's own buffer. */
	char *file;
	unsigned display_column; /* 1-based, cells; only with FILE */
};

/* One edit of a fix: bytes SPAN of the linted buffer become TEXT. */
struct cl_fix_edit {
	struct cl_span span;
	char *text; /* malloc'd; "" deletes */
};

/* A diagnostic's automatic fix (fix.h makes one). */
struct cl_fix {
	enum cl_fix_applicability applicability;
	char *title; /* malloc'd, secrets masked as messages are */
	/* Sorted by start, never overlapping; an insertion (an empty span)
	 * comes before an edit that starts where it stands. */
	struct cl_fix_edit *edits;
	size_t nedits, edits_alloc;
};

struct cl_diag {
	const struct cl_rule *rule;
	enum cl_severity severity;
	struct cl_span span;
	struct cl_pos pos;
	char *message; /* malloc'd, secrets masked */
	struct cl_related_loc *related;
	size_t nrelated, related_alloc;
	struct cl_fix *fix; /* malloc'd; NULL when it has none */
};

struct cl_diag_sink {
	struct cl_diag *items;
	size_t n, alloc;
	/* past CL_MAX_DIAGS_PER_FILE (connlint.h), per cl_severity: only
	 * counted, so that a hostile file cannot make memory grow */
	size_t dropped[3];
	struct cl_span *secrets; /* spans to mask in every output */
	size_t nsecrets, secrets_alloc;
	unsigned char raw_scanned; /* cl_diag_sink_scan_secrets has run */
};

/* Sorts by position then rule, and fills every pos from BUF (those of
 * related locations in another file are already filled). */
void
cl_diag_sink_finish(struct cl_diag_sink *sink, const char *buf, size_t len);
/*
 * Registers, once, every secret the raw pass (secretscan.h) finds in the
 * source BUF as a span to mask, whatever the parser and the model made of
 * the file. Run when something may show the source or a message: by
 * cl_diag_sink_finish when the file has diagnostics, else by the first
 * request for a source line (a clean file pays nothing).
 */
void cl_diag_sink_scan_secrets(struct cl_diag_sink *sink, const char *buf,
                               size_t len);
/* Frees FIX and what it holds (NULL: nothing). */
void cl_fix_free(struct cl_fix *fix);
/* Frees what D holds, its fix included, and zeroes it (to drop one
 * diagnostic). */
void cl_diag_clear(struct cl_diag *d);
/* Frees all diagnostics; the sink can be reused afterwards. */
void cl_diag_sink_release(struct cl_diag_sink *sink);

/* Adds SPAN to the secrets every output masks. */
void cl_diag_sink_add_secret(struct cl_diag_sink *sink, struct cl_span span);

#endif /* CL_DIAG_H */
