/*
 * What a rule sees: the rule descriptor, the per-file context and the one
 * function through which every diagnostic is emitted (cl_report).
 *
 * A rule is declared once, beside its check, as
 *
 *     static void check(struct cl_ctx *ctx) { ... cl_report(ctx, &cl_rule_CL101, span, "...", ...); }
 *     const struct cl_rule cl_rule_CL101 = {
 *         "CL101", "unused-connector-variable", CL_SEV_WARNING,
 *         "connector variable that nothing uses or references", check };
 *
 * and listed once in rules/registry.c. Rules never print; they report to
 * the context's sink, and output formats render what it collected.
 */
#ifndef CL_RULE_H
#define CL_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "connlint.h"
#include "arena.h"
#include "diag.h"
#include "model.h"
#include "util.h"
#include "xml.h"

struct cl_ctx;

struct cl_rule {
	const char *id;   /* "CL303": stable, never reused */
	const char *slug; /* "wrong-grant-type" */
	enum cl_severity severity; /* default severity */
	const char *summary; /* one line, no trailing period */
	/* Runs over ctx->model; NULL for diagnostics emitted by the parser or
	 * the model builder (CL001, CL002, CL003). */
	void (*check)(struct cl_ctx *ctx);
};

/* The registry: every rule, ordered by ID (rules/registry.c). */
extern const struct cl_rule *const cl_rules[];
extern const size_t cl_rules_count;

/* One file being linted. */
struct cl_ctx {
	const struct cl_linter *linter;
	const char *name;  /* display name */
	const char *buf;   /* the source bytes (NUL-terminated copy) */
	size_t len;
	struct cl_arena arena; /* tree, model, strings of this file */
	struct cl_connector *model; /* NULL when the file could not be modelled */
	struct cl_diag_sink sink;
};

/*
 * Emits a diagnostic of RULE at SPAN with a printf-style message, unless
 * RULE is disabled. Returns the diagnostic (to add related locations to),
 * or NULL when the rule is disabled; cl_report_related accepts NULL.
 */
struct cl_diag *cl_report(struct cl_ctx *ctx, const struct cl_rule *rule,
                          struct cl_span span, const char *fmt, ...)
    CL_PRINTF(4, 5);
/* Adds a related location (e.g. "first defined here") to DIAG. */
void cl_report_related(struct cl_ctx *ctx, struct cl_diag *diag,
                       struct cl_span span, const char *fmt, ...)
    CL_PRINTF(4, 5);
/* Marks SPAN as holding a secret: every output shows it masked. */
void cl_report_secret(struct cl_ctx *ctx, struct cl_span span);

/* 1 when RULE is enabled for this file. */
int cl_rule_enabled(const struct cl_ctx *ctx, const struct cl_rule *rule);

/* Rules, one extern per catalogue entry (defined in rules/). */
#define CL_RULE_DECL(id) extern const struct cl_rule cl_rule_##id
CL_RULE_DECL(CL001); CL_RULE_DECL(CL002); CL_RULE_DECL(CL003);
CL_RULE_DECL(CL004); CL_RULE_DECL(CL005); CL_RULE_DECL(CL006);
CL_RULE_DECL(CL101); CL_RULE_DECL(CL104); CL_RULE_DECL(CL105);
CL_RULE_DECL(CL106); CL_RULE_DECL(CL107); CL_RULE_DECL(CL108);
CL_RULE_DECL(CL109);
CL_RULE_DECL(CL201); CL_RULE_DECL(CL202); CL_RULE_DECL(CL203);
CL_RULE_DECL(CL301); CL_RULE_DECL(CL302); CL_RULE_DECL(CL303);
CL_RULE_DECL(CL305); CL_RULE_DECL(CL307);
CL_RULE_DECL(CL401); CL_RULE_DECL(CL402);

#endif /* CL_RULE_H */
