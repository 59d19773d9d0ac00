/*
 * connlint diff: what a compatibility rule (CL6xx, the .diff hook of
 * catalogue.h) sees of the old version, and how it points there. The
 * engine lints the new version as usual and, when both versions are well
 * formed and valid, runs the enabled CL6xx rules on the pair before the
 * suppression comments of the new version apply (so that they suppress
 * CL6xx findings too).
 *
 * Everything here belongs to the engine for the duration of the lint.
 */
#ifndef CL_DIFF_H
#define CL_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"
#include "model.h"

struct cl_diff {
	const char *old_name; /* the old version's display name ("REV:path") */
	const char *old_buf;  /* its bytes */
	size_t old_len;
	/* Its model: never NULL in a hook, but for CL613's when the removed
	 * file could not be modelled. */
	const struct cl_connector *old;
	/* The file has no counterpart in the new set: the context is the
	 * old version itself (ctx->model == old), and only CL613's hook is
	 * called. */
	bool removed;
};

/* Adds to DIAG a related location at SPAN of the old version. */
void cl_diff_related(struct cl_ctx *ctx, struct cl_diag *diag,
                     const struct cl_diff *d, struct cl_span span,
                     const char *fmt, ...) CL_PRINTF(5, 6);

/* 1 when RULE is one of the compatibility rules, which only connlint
 * diff runs (a plain lint never reports them, nor their suppressions as
 * unused). */
int cl_rule_is_compat(const struct cl_rule *rule);

#endif /* CL_DIFF_H */
