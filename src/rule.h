/*
 * What a rule sees: the rule descriptor, the per-file context and the one
 * function through which every diagnostic is emitted (cl_report).
 *
 * A rule lives in its own file, rules/CLnnn_slug.c: a why-comment, its
 * check and its descriptor,
 *
 *     static void check(struct cl_ctx *ctx, const struct cl_connector *c)
 *     { ... cl_report(ctx, &cl_rule_CL101, span, "...", ...); }
 *
 *     const struct cl_rule cl_rule_CL101 = {
 *         .id = "CL101",
 *         .slug = "unused-connector-variable",
 *         .severity = CL_SEV_WARNING,
 *         .summary = "connector variable that nothing uses or references",
 *         .check = check,
 *     };
 *
 * and one line CL_RULE(CL101) in rules/rules.def. Rules never print; they
 * report to the context's sink, and output formats render what it
 * collected.
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
struct cl_config;

struct cl_rule {
	const char *id;   /* "CL303": stable, never reused */
	const char *slug; /* "wrong-grant-type" */
	enum cl_severity severity; /* default severity */
	const char *summary; /* one line, no trailing period */
	/* Runs over the model C (never NULL: the engine calls it only on a
	 * modelled connector); NULL for diagnostics emitted by the parser
	 * or the model builder (CL001, CL002, CL003) or the suppression
	 * pass (CL009, CL010), which .emitted_by names. */
	void (*check)(struct cl_ctx *ctx, const struct cl_connector *c);
	const char *emitted_by; /* where a rule without .check reports */
	/* Runs even when the rule is off: its findings are dropped, but the
	 * secrets it finds are masked in every other rule's output. */
	bool masks_secrets;
	bool has_fix; /* an automatic fix exists for its findings */
};

/* The registry: every rule, ordered by ID (rules/registry.c). */
extern const struct cl_rule *const cl_rules[];
extern const size_t cl_rules_count;

/* The position of RULE in cl_rules. */
size_t cl_rule_index(const struct cl_rule *rule);
/* Sets SET[i] (one flag per registry entry) for every rule ITEM names: an
 * ID ("CL303", any case), a slug or an ID prefix ("CL3"). Returns how many
 * rules ITEM names (0: none, an unknown name). */
size_t cl_rules_mark(const char *item, unsigned char *set);

/* One file being linted. */
struct cl_ctx {
	const struct cl_linter *linter;
	const char *name;  /* display name */
	const char *buf;   /* the source bytes (NUL-terminated copy) */
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
};

/*
 * Emits a diagnostic of RULE at SPAN with a printf-style message, at the
 * severity configured for this file, unless RULE is disabled. Returns the diagnostic (to add related locations to),
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

/* Rules, one extern per catalogue entry (each defined in its own
 * rules/CLnnn_slug.c), from the one list in rules/rules.def. */
#define CL_RULE(id) extern const struct cl_rule cl_rule_##id;
#include "rules.def"
#undef CL_RULE

#endif /* CL_RULE_H */
