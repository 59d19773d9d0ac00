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
struct cl_config;

struct cl_rule {
	const char *id;   /* "CL303": stable, never reused */
	const char *slug; /* "wrong-grant-type" */
	enum cl_severity severity; /* default severity */
	const char *summary; /* one line, no trailing period */
	/* Runs over ctx->model; NULL for diagnostics emitted by the parser or
	 * the model builder (CL001, CL002, CL003) or the suppression pass
	 * (CL009, CL010). */
	void (*check)(struct cl_ctx *ctx);
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

/* Rules, one extern per catalogue entry (defined in rules/). */
#define CL_RULE_DECL(id) extern const struct cl_rule cl_rule_##id
CL_RULE_DECL(CL001); CL_RULE_DECL(CL002); CL_RULE_DECL(CL003); CL_RULE_DECL(CL004);
CL_RULE_DECL(CL005); CL_RULE_DECL(CL006); CL_RULE_DECL(CL007); CL_RULE_DECL(CL008);
CL_RULE_DECL(CL009); CL_RULE_DECL(CL010);
CL_RULE_DECL(CL101); CL_RULE_DECL(CL102); CL_RULE_DECL(CL103); CL_RULE_DECL(CL104);
CL_RULE_DECL(CL105); CL_RULE_DECL(CL106); CL_RULE_DECL(CL107); CL_RULE_DECL(CL108);
CL_RULE_DECL(CL109); CL_RULE_DECL(CL110); CL_RULE_DECL(CL111); CL_RULE_DECL(CL112);
CL_RULE_DECL(CL113); CL_RULE_DECL(CL114);
CL_RULE_DECL(CL201); CL_RULE_DECL(CL202); CL_RULE_DECL(CL203); CL_RULE_DECL(CL204);
CL_RULE_DECL(CL205); CL_RULE_DECL(CL206); CL_RULE_DECL(CL207); CL_RULE_DECL(CL208);
CL_RULE_DECL(CL209);
CL_RULE_DECL(CL301); CL_RULE_DECL(CL302); CL_RULE_DECL(CL303); CL_RULE_DECL(CL304);
CL_RULE_DECL(CL305); CL_RULE_DECL(CL306); CL_RULE_DECL(CL307); CL_RULE_DECL(CL308);
CL_RULE_DECL(CL309); CL_RULE_DECL(CL310); CL_RULE_DECL(CL311); CL_RULE_DECL(CL312);
CL_RULE_DECL(CL313); CL_RULE_DECL(CL314); CL_RULE_DECL(CL315); CL_RULE_DECL(CL316);
CL_RULE_DECL(CL317); CL_RULE_DECL(CL318);
CL_RULE_DECL(CL401); CL_RULE_DECL(CL402); CL_RULE_DECL(CL403); CL_RULE_DECL(CL404);
CL_RULE_DECL(CL405); CL_RULE_DECL(CL406); CL_RULE_DECL(CL407); CL_RULE_DECL(CL408);
CL_RULE_DECL(CL409); CL_RULE_DECL(CL410); CL_RULE_DECL(CL411); CL_RULE_DECL(CL412);
CL_RULE_DECL(CL413);
CL_RULE_DECL(CL501); CL_RULE_DECL(CL502); CL_RULE_DECL(CL503); CL_RULE_DECL(CL504);
CL_RULE_DECL(CL505);

#endif /* CL_RULE_H */
