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
 * and one line CL_RULE(CL101) in rules/rules.def. A rule that can fix
 * what it reports says so in .fix and gives the diagnostic its edits
 * (fix.h). Rules never print; they
 * report to the context's sink, and output formats render what it
 * collected.
 */
#ifndef CL_RULE_H
#define CL_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "catalogue.h"
#include "config.h"
#include "connlint.h"
#include "ctx.h"
#include "diag.h"
#include "fix.h"
#include "model.h"
#include "util.h"
#include "xml.h"

#endif /* CL_RULE_H */
