/* The diagnostics sink and cl_report(); see diag.h and rule.h. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "util.h"

void cl_offset_position(const char *buf, size_t len, uint32_t offset,
                        unsigned *line, unsigned *column, unsigned *byte_column)
{
	const char *p, *bol = buf, *end;
	unsigned l = 1;

	if (offset > len)
		offset = (uint32_t)len;
	end = buf + offset;
	for (p = buf; p < end && (p = memchr(p, '\n', (size_t)(end - p))); p++) {
		l++;
		bol = p + 1;
	}
	*line = l;
	*byte_column = (unsigned)(end - bol) + 1;
	*column = (unsigned)cl_utf8_count(bol, (size_t)(end - bol)) + 1;
}

/*
 * Positions for many spans at once: walk the buffer one time, in offset
 * order, instead of from the start for every span.
 */
struct pos_req {
	uint32_t offset;
	unsigned *line, *column, *byte_column;
};

static int cmp_req(const void *a, const void *b)
{
	const struct pos_req *x = a, *y = b;

	return (x->offset > y->offset) - (x->offset < y->offset);
}

static void fill_positions(const char *buf, size_t len, struct pos_req *reqs,
                           size_t n)
{
	const char *bol = buf, *p = buf;
	unsigned line = 1, col = 1;
	size_t i;

	/* In offset order, counting only what lies between one request and
	 * the next: linear in the input even for many diagnostics on one
	 * long line. */
	qsort(reqs, n, sizeof(*reqs), cmp_req);
	for (i = 0; i < n; i++) {
		const char *target = buf + (reqs[i].offset > len ? len : reqs[i].offset);
		const char *nl;

		while (p < target && (nl = memchr(p, '\n', (size_t)(target - p)))) {
			line++;
			col = 1;
			p = bol = nl + 1;
		}
		col += (unsigned)cl_utf8_count(p, (size_t)(target - p));
		p = target;
		*reqs[i].line = line;
		*reqs[i].column = col;
		if (reqs[i].byte_column)
			*reqs[i].byte_column = (unsigned)(target - bol) + 1;
	}
}

static int cmp_diag(const void *a, const void *b)
{
	const struct cl_diag *x = a, *y = b;
	int c;

	if (x->span.start != y->span.start)
		return x->span.start < y->span.start ? -1 : 1;
	c = strcmp(x->rule->id, y->rule->id);
	if (c)
		return c;
	if (x->span.end != y->span.end)
		return x->span.end < y->span.end ? -1 : 1;
	return strcmp(x->message, y->message);
}

void cl_diag_sink_finish(struct cl_diag_sink *sink, const char *buf, size_t len)
{
	struct pos_req *reqs;
	size_t i, j, n = 0, nreq = 0;

	if (!sink->n)
		return;
	qsort(sink->items, sink->n, sizeof(*sink->items), cmp_diag);
	for (i = 0; i < sink->n; i++)
		n += 2 + 2 * sink->items[i].nrelated;
	reqs = cl_malloc(n * sizeof(*reqs));
	for (i = 0; i < sink->n; i++) {
		struct cl_diag *d = &sink->items[i];
		struct pos_req s = { d->span.start, &d->pos.line, &d->pos.column,
		                     &d->pos.byte_column };
		struct pos_req e = { d->span.end, &d->pos.end_line,
		                     &d->pos.end_column, NULL };

		reqs[nreq++] = s;
		reqs[nreq++] = e;
		for (j = 0; j < d->nrelated; j++) {
			struct cl_related_loc *r = &d->related[j];
			struct pos_req rs = { r->span.start, &r->pos.line,
			                      &r->pos.column, &r->pos.byte_column };
			struct pos_req re = { r->span.end, &r->pos.end_line,
			                      &r->pos.end_column, NULL };

			reqs[nreq++] = rs;
			reqs[nreq++] = re;
		}
	}
	fill_positions(buf, len, reqs, nreq);
	free(reqs);
}

void cl_diag_clear(struct cl_diag *d)
{
	size_t j;

	free(d->message);
	for (j = 0; j < d->nrelated; j++)
		free(d->related[j].message);
	free(d->related);
	memset(d, 0, sizeof(*d));
}

void cl_diag_sink_release(struct cl_diag_sink *sink)
{
	size_t i;

	for (i = 0; i < sink->n; i++)
		cl_diag_clear(&sink->items[i]);
	free(sink->items);
	free(sink->secrets);
	memset(sink, 0, sizeof(*sink));
}

size_t cl_mask_keep(const char *s, size_t len)
{
	size_t chars = cl_utf8_count(s, len), keep = chars >= 12 ? 4 : chars / 3;
	size_t i = 0;

	while (i < len && keep) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		keep--;
	}
	return i;
}

char *cl_mask_secret(const char *s, size_t len)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	cl_strbuf_add(&sb, s, cl_mask_keep(s, len));
	cl_strbuf_adds(&sb, "\xE2\x80\xA6");
	return cl_strbuf_detach(&sb);
}

int cl_rule_enabled(const struct cl_ctx *ctx, const struct cl_rule *rule)
{
	if (!ctx->enabled)
		return cl_linter_enabled(ctx->linter, rule);
	return ctx->enabled[cl_rule_index(rule)];
}

struct cl_diag *cl_report(struct cl_ctx *ctx, const struct cl_rule *rule,
                          struct cl_span span, const char *fmt, ...)
{
	struct cl_diag_sink *sink = &ctx->sink;
	struct cl_diag *d;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	va_list ap;

	if (!cl_rule_enabled(ctx, rule))
		return NULL;
	if (span.end < span.start || span.end > ctx->len)
		BUG("%s: span %u-%u outside the %zu-byte input", rule->id,
		    span.start, span.end, ctx->len);
	CL_GROW(sink->items, sink->n + 1, sink->alloc);
	d = &sink->items[sink->n++];
	memset(d, 0, sizeof(*d));
	d->rule = rule;
	d->severity = ctx->severity
	    ? (enum cl_severity)ctx->severity[cl_rule_index(rule)]
	    : rule->severity;
	d->span = span;
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	d->message = cl_strbuf_detach(&sb);
	return d;
}

void cl_report_related(struct cl_ctx *ctx, struct cl_diag *diag,
                       struct cl_span span, const char *fmt, ...)
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
	r->message = cl_strbuf_detach(&sb);
}

void cl_report_secret(struct cl_ctx *ctx, struct cl_span span)
{
	struct cl_diag_sink *sink = &ctx->sink;

	CL_GROW(sink->secrets, sink->nsecrets + 1, sink->secrets_alloc);
	sink->secrets[sink->nsecrets++] = span;
}
