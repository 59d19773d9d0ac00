/* The per-file context's report API (ctx.h): what rules call. */
#include "ctx.h"

#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "secretscan.h"
#include "util.h"

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

void
cl_report_related(struct cl_ctx *ctx, struct cl_diag *diag, struct cl_span span,
                  const char *fmt, ...)
{
	struct cl_related_loc *r;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	va_list ap;

	if (!diag)
		return;
	if (span.end < span.start || span.end > ctx->len)
		BUG("%s: related span %u-%u outside the input", diag->rule->id,
		    span.start, span.end);
	CL_GROW(diag->related, diag->nrelated + 1, diag->related_alloc);
	r = &diag->related[diag->nrelated++];
	memset(r, 0, sizeof(*r));
	r->span = span;
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	r->message = mask_message(cl_strbuf_detach(&sb));
}

void
cl_report_secret(struct cl_ctx *ctx, struct cl_span span)
{
	cl_diag_sink_add_secret(&ctx->sink, span);
}
