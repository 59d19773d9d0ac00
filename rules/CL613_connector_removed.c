/*
 * CL613 connector-removed
 *
 * Comparing two sets of connectors (two directories, or a git revision
 * with the work tree: compatibility.md), a file of the old set with no
 * counterpart in the new one is a connector taken away from everyone who
 * installed it. The engine calls this hook alone for such a file, with the
 * old file as the context (diff.h), so the diagnostic is in the old file,
 * at its root; when the old file could not be modelled, at its start.
 */
#include "compat.h"

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	struct cl_span at = { 0, 0 };

	if (!d->removed)
		return;
	if (d->old) {
		at = d->old->node->name_span;
		cl_report(ctx, &cl_rule_CL613, at,
		          "connector `%s` was removed (`%s` has no counterpart "
		          "in the new version): every instance of it stops "
		          "working",
		          d->old->name, d->old_name);
	} else {
		cl_report(ctx, &cl_rule_CL613, at,
		          "`%s` was removed and has no counterpart in the new "
		          "version: every instance of the connector stops "
		          "working",
		          d->old_name);
	}
}

const struct cl_rule cl_rule_CL613 = {
	.id = "CL613",
	.slug = "connector-removed",
	.severity = CL_SEV_ERROR,
	.summary = "a connector file of the old set has no counterpart in the "
	           "new set",
	.diff = diff_hook,
	.compat = true,
};
