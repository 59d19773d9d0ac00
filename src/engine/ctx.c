/* The per-file context's report API (ctx.h): what rules call. */
#include "ctx.h"

#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "secretscan.h"
#include "text.h"
#include "util.h"

const struct cl_registry *
cl_ctx_registry(const struct cl_ctx *ctx)
{
	return ctx->reg ? ctx->reg : cl_registry_builtin();
}

int
cl_rule_enabled(const struct cl_ctx *ctx, const struct cl_rule *rule)
{
	if (!ctx->enabled)
		return cl_linter_enabled(ctx->linter, rule);
	return ctx->enabled[cl_rule_index(rule)];
}

/*
 * M (malloc'd, taken over) with every secret-shaped stretch masked: rules
 * quote values (a redirect URI, a grant type, a `state`), and any of them
 * may hold a token, whatever CL501 says. Returns a malloc'd message.
 */
static char *
mask_message(char *m)
{
	char *masked = cl_secret_mask_text(m, strlen(m));

	if (!masked)
		return m;
	free(m);
	return masked;
}

struct cl_diag *
cl_report(struct cl_ctx *ctx, const struct cl_rule *rule, struct cl_span span,
          const char *fmt, ...)
{
	struct cl_diag_sink *sink = &ctx->sink;
	struct cl_diag *d;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	enum cl_severity sev;
	va_list ap;

	if (!cl_rule_enabled(ctx, rule))
		return NULL;
	if (span.end < span.start || span.end > ctx->len)
		BUG("%s: span %u-%u outside the %zu-byte input", rule->id,
		    span.start, span.end, ctx->len);
	sev = ctx->severity
	          ? (enum cl_severity)ctx->severity[cl_rule_index(rule)]
	          : rule->severity;
	if (sink->n >= CL_MAX_DIAGS_PER_FILE) {
		sink->dropped[sev]++; /* still counts for the exit status */
		return NULL;
	}
	CL_GROW(sink->items, sink->n + 1, sink->alloc);
	d = &sink->items[sink->n++];
	memset(d, 0, sizeof(*d));
	d->rule = rule;
	d->severity = sev;
	d->span = span;
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	d->message = mask_message(cl_strbuf_detach(&sb));
	return d;
}

/* A new related location of DIAG at SPAN, its message from FMT and AP
 * masked as cl_report masks. */
static struct cl_related_loc *
add_related(struct cl_diag *diag, struct cl_span span, const char *fmt,
            va_list ap)
{
	struct cl_related_loc *r;
	struct cl_strbuf sb = CL_STRBUF_INIT;

	CL_GROW(diag->related, diag->nrelated + 1, diag->related_alloc);
	r = &diag->related[diag->nrelated++];
	memset(r, 0, sizeof(*r));
	r->span = span;
	cl_strbuf_vaddf(&sb, fmt, ap);
	r->message = mask_message(cl_strbuf_detach(&sb));
	return r;
}

void
cl_report_related(struct cl_ctx *ctx, struct cl_diag *diag, struct cl_span span,
                  const char *fmt, ...)
{
	va_list ap;

	if (!diag)
		return;
	if (span.end < span.start || span.end > ctx->len)
		BUG("%s: related span %u-%u outside the input", diag->rule->id,
		    span.start, span.end);
	va_start(ap, fmt);
	add_related(diag, span, fmt, ap);
	va_end(ap);
}

void
cl_report_related_in(struct cl_ctx *ctx, struct cl_diag *diag, const char *file,
                     const char *buf, size_t len, struct cl_span span,
                     const char *fmt, ...)
{
	struct cl_related_loc *r;
	struct cl_pos *pos;
	unsigned bytes;
	va_list ap;

	(void)ctx;
	if (!diag)
		return;
	if (span.end < span.start || span.end > len)
		BUG("%s: related span %u-%u outside the %zu bytes of %s",
		    diag->rule->id, span.start, span.end, len, file);
	va_start(ap, fmt);
	r = add_related(diag, span, fmt, ap);
	va_end(ap);
	r->file = cl_strdup(file);
	/* Now, from BUF, as the sink would: the sink only has the
	 * diagnostic's own file, and BUF may be freed after this call. */
	pos = &r->pos;
	cl_offset_position(buf, len, span.start, &pos->line, &pos->column,
	                   &pos->byte_column);
	cl_offset_position(buf, len, span.end, &pos->end_line, &pos->end_column,
	                   &bytes);
	/* Display cells of the line up to the start, as column.c counts
	 * them for the diagnostic's own file (from the source as read). */
	r->display_column = (unsigned)cl_display_advance(
	                        buf + span.start - (pos->byte_column - 1),
	                        pos->byte_column - 1, 0) +
	                    1;
}

void
cl_report_secret(struct cl_ctx *ctx, struct cl_span span)
{
	cl_diag_sink_add_secret(&ctx->sink, span);
}
