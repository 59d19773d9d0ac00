/* Helpers of the compatibility rules (diff.h). */
#include <stdarg.h>

#include "catalogue.h"
#include "diff.h"
#include "util.h"

void
cl_diff_related(struct cl_ctx *ctx, struct cl_diag *diag,
                const struct cl_diff *d, struct cl_span span, const char *fmt,
                ...)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	va_list ap;

	if (!diag)
		return;
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	cl_report_related_in(ctx, diag, d->old_name, d->old_buf, d->old_len,
	                     span, "%s", cl_strbuf_str(&sb));
	cl_strbuf_release(&sb);
}

int
cl_rule_is_compat(const struct cl_rule *rule)
{
	return rule->compat;
}
