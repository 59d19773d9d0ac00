/* Automatic fixes on the rule side; see fix.h. */
#include "fix.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "secretscan.h"

/* Whether RULE's descriptor allows a fix of applicability A: a rule's
 * --list-rules entry and page must not promise more than it gives. */
static bool
declared(const struct cl_rule *rule, enum cl_fix_applicability a)
{
	switch (rule->fix) {
	case CL_RULE_FIX_NONE:
		return false;
	case CL_RULE_FIX_SAFE:
		return a == CL_FIX_SAFE;
	case CL_RULE_FIX_UNSAFE:
		return a == CL_FIX_UNSAFE;
	case CL_RULE_FIX_SOMETIMES_UNSAFE:
		return a == CL_FIX_SAFE || a == CL_FIX_UNSAFE;
	}
	return false;
}

void
cl_fix_new(struct cl_ctx *ctx, struct cl_diag *d, enum cl_fix_applicability a,
           const char *fmt, ...)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	struct cl_fix *f;
	char *masked;
	va_list ap;

	(void)ctx;
	if (!d)
		return;
	if (d->fix)
		BUG("%s: a diagnostic has one fix at most", d->rule->id);
	if (!declared(d->rule, a))
		BUG("%s: %s fix that its descriptor's .fix does not declare",
		    d->rule->id, a == CL_FIX_SAFE ? "a safe" : "an unsafe");
	f = cl_calloc(1, sizeof(*f));
	f->applicability = a;
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	f->title = cl_strbuf_detach(&sb);
	/* The title quotes values from the file, as messages do. */
	masked = cl_secret_mask_text(f->title, strlen(f->title));
	if (masked) {
		free(f->title);
		f->title = masked;
	}
	d->fix = f;
}

/* Whether edits A and B touch the same bytes, or are two insertions at
 * one offset (whose order would be a guess). */
static bool
overlap(struct cl_span a, struct cl_span b)
{
	if (a.start == a.end && b.start == b.end)
		return a.start == b.start;
	if (a.start == a.end)
		return a.start > b.start && a.start < b.end;
	if (b.start == b.end)
		return b.start > a.start && b.start < a.end;
	return a.start < b.end && b.start < a.end;
}

/* Whether edit A comes before edit B in the fix's order. */
static bool
before(struct cl_span a, struct cl_span b)
{
	if (a.start != b.start)
		return a.start < b.start;
	return a.start == a.end; /* an insertion first */
}

void
cl_fix_edit(struct cl_ctx *ctx, struct cl_diag *d, uint32_t start, uint32_t end,
            const char *text)
{
	struct cl_fix *f;
	struct cl_span s = { start, end };
	size_t i, at;

	if (!d)
		return;
	f = d->fix;
	if (!f)
		BUG("%s: an edit before cl_fix_new", d->rule->id);
	if (end < start || end > ctx->len)
		BUG("%s: fix edit %u-%u outside the %zu-byte input",
		    d->rule->id, start, end, ctx->len);
	for (i = 0; i < f->nedits; i++)
		if (overlap(f->edits[i].span, s))
			BUG("%s: fix edit %u-%u overlaps edit %u-%u",
			    d->rule->id, start, end, f->edits[i].span.start,
			    f->edits[i].span.end);
	/* Kept sorted as they come: a fix has a handful of edits. */
	for (at = f->nedits; at > 0 && before(s, f->edits[at - 1].span); at--)
		;
	CL_GROW(f->edits, f->nedits + 1, f->edits_alloc);
	memmove(f->edits + at + 1, f->edits + at,
	        (f->nedits - at) * sizeof(*f->edits));
	f->edits[at].span = s;
	f->edits[at].text = cl_strdup(text);
	f->nedits++;
}

static bool
blank(char c)
{
	return c == ' ' || c == '\t';
}

void
cl_fix_remove(struct cl_ctx *ctx, struct cl_diag *d, struct cl_span span)
{
	size_t s = span.start, e = span.end;

	if (!d)
		return;
	while (s > 0 && blank(ctx->buf[s - 1]))
		s--;
	while (e < ctx->len && blank(ctx->buf[e]))
		e++;
	if ((s == 0 || ctx->buf[s - 1] == '\n' || ctx->buf[s - 1] == '\r') &&
	    (e == ctx->len || ctx->buf[e] == '\n' || ctx->buf[e] == '\r')) {
		/* Alone on its line: the line goes, its line end too. */
		if (e < ctx->len && ctx->buf[e] == '\r') {
			e++;
			if (e < ctx->len && ctx->buf[e] == '\n')
				e++;
		} else if (e < ctx->len) {
			e++; /* '\n' */
		} else if (s > 0) {
			/* The last line, with no line end after it: the line
			 * end before it goes instead, so that the file still
			 * ends without one. */
			s--;
			if (ctx->buf[s] == '\n' && s > 0 &&
			    ctx->buf[s - 1] == '\r')
				s--;
		}
	} else {
		s = span.start;
		e = span.end;
	}
	cl_fix_edit(ctx, d, (uint32_t)s, (uint32_t)e, "");
}

void
cl_fix_cancel(struct cl_diag *d)
{
	if (!d)
		return;
	cl_fix_free(d->fix);
	d->fix = NULL;
}

void
cl_fix_free(struct cl_fix *fix)
{
	size_t i;

	if (!fix)
		return;
	for (i = 0; i < fix->nedits; i++)
		free(fix->edits[i].text);
	free(fix->edits);
	free(fix->title);
	free(fix);
}
