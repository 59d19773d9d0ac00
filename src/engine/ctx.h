/*
 * The per-file context (struct cl_ctx) and the one API through which a
 * rule, the model builder or the suppression pass reports: cl_report,
 * cl_report_related, cl_report_secret, cl_rule_enabled.
 */
#ifndef CL_CTX_H
#define CL_CTX_H

#include <stddef.h>

#include "arena.h"
#include "connlint.h"
#include "diag.h"
#include "util.h"
#include "xml.h"

struct cl_connector;
struct cl_config;
struct cl_rule;
struct cl_registry;

/* One file being linted. */
struct cl_ctx {
	const struct cl_linter *linter;
	/* The rules the linter knows (cl_ctx_registry); NULL: built-in. */
	const struct cl_registry *reg;
	const char *name; /* display name */
	const char *buf;  /* the source bytes (NUL-terminated copy) */
	size_t len;
	struct cl_arena arena; /* tree, model, strings of this file */
	struct cl_xml_doc doc; /* the tree and comments; root NULL if none */
	struct cl_connector *model; /* NULL when the file could not be modelled */
	struct cl_diag_sink sink;
	/* This file's settings: one entry per registry entry (cl_rule_index),
	 * from the linter's options, the configuration file and its per-path
	 * ignores. When NULL (a context built by hand, as in tests), the
	 * linter's own flags and the default severities apply. */
	const unsigned char *enabled;
	const unsigned char *severity; /* enum cl_severity */
	/* The configuration file that applies to this file, or NULL; read it
	 * through the cl_ctx_* accessors of config.h. */
	const struct cl_config *config;
	/* connlint diff: the old version this file is compared with (diff.h);
	 * NULL in a plain lint. */
	const struct cl_diff *diff;
};

/*
 * Emits a diagnostic of RULE at SPAN with a printf-style message, at the
 * severity configured for this file, unless RULE is disabled. Returns the diagnostic (to add related locations to),
 * or NULL when the rule is disabled; cl_report_related accepts NULL.
 */
struct cl_diag *
cl_report(struct cl_ctx *ctx, const struct cl_rule *rule, struct cl_span span,
          const char *fmt, ...) CL_PRINTF(4, 5);
/* Adds a related location (e.g. "first defined here") to DIAG. */
void
cl_report_related(struct cl_ctx *ctx, struct cl_diag *diag, struct cl_span span,
                  const char *fmt, ...) CL_PRINTF(4, 5);
/*
 * Adds to DIAG a related location in another file (connlint diff: the
 * old version of the connector): SPAN of the LEN bytes at BUF, shown as
 * FILE (copied). Its position is computed now, from BUF; BUF need not
 * outlive the call.
 */
void
cl_report_related_in(struct cl_ctx *ctx, struct cl_diag *diag, const char *file,
                     const char *buf, size_t len, struct cl_span span,
                     const char *fmt, ...) CL_PRINTF(7, 8);
/* Marks SPAN as holding a secret: every output shows it masked. */
void cl_report_secret(struct cl_ctx *ctx, struct cl_span span);

/* The rules CTX's linter knows (the built-in ones when it has none). */
const struct cl_registry *cl_ctx_registry(const struct cl_ctx *ctx);

/* 1 when RULE is enabled for this file. */
int cl_rule_enabled(const struct cl_ctx *ctx, const struct cl_rule *rule);

#endif /* CL_CTX_H */
