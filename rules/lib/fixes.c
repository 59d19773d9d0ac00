/* The edits of the rules' fixes; see fixes.h. */
#include "fixes.h"

#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"

const char *
cl_fix_unique_nearmiss(const char *name, const char *const *cands, size_t n)
{
	const char *near = cl_nearmiss(name, cands, n), **rest;
	const char *second;
	size_t i, k = 0;

	if (!near)
		return NULL;
	/* The same lookup without the winner: another answer means a
	 * second candidate is near too. */
	rest = cl_malloc((n ? n : 1) * sizeof(*rest));
	for (i = 0; i < n; i++)
		if (cands[i] && strcmp(cands[i], near))
			rest[k++] = cands[i];
	second = cl_nearmiss(name, rest, k);
	free(rest);
	return second ? NULL : near;
}

bool
cl_fix_span_is(const struct cl_ctx *ctx, struct cl_span span, const char *text)
{
	size_t n = strlen(text);

	return span.end <= ctx->len && span.start <= span.end &&
	       span.end - span.start == n &&
	       !memcmp(ctx->buf + span.start, text, n);
}

/* The quote character attribute A's value is written in. */
static char
quote_of(const struct cl_ctx *ctx, const struct cl_attr *a)
{
	char q =
	    a->value_span.start > 0 ? ctx->buf[a->value_span.start - 1] : '"';

	return q == '\'' ? '\'' : '"';
}

/* Whether A's value span is the bytes between its quotes: the parser falls
 * back to the element's name when it cannot find them. */
static bool
quoted(const struct cl_ctx *ctx, const struct cl_attr *a)
{
	struct cl_span s = a->value_span;

	return s.start > a->name_span.end && s.start > 0 && s.end < ctx->len &&
	       (ctx->buf[s.start - 1] == '"' ||
	        ctx->buf[s.start - 1] == '\'') &&
	       ctx->buf[s.end] == ctx->buf[s.start - 1];
}

void
cl_fix_set_attr(struct cl_ctx *ctx, struct cl_diag *d, const struct cl_node *n,
                const char *name, const char *value)
{
	const struct cl_attr *a = cl_node_attr(n, name);
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char q;

	if (!a)
		BUG("fix of attribute `%s` that `%s` does not have", name,
		    n->name);
	if (!d)
		return;
	if (!quoted(ctx, a)) {
		cl_fix_cancel(d);
		return;
	}
	q = quote_of(ctx, a);
	/* Only what would end the value or start markup is escaped. */
	for (; *value; value++) {
		if (*value == '&')
			cl_strbuf_adds(&sb, "&amp;");
		else if (*value == '<')
			cl_strbuf_adds(&sb, "&lt;");
		else if (*value == q)
			cl_strbuf_adds(&sb, q == '"' ? "&quot;" : "&apos;");
		else
			cl_strbuf_addch(&sb, *value);
	}
	cl_fix_edit(ctx, d, a->value_span.start, a->value_span.end,
	            cl_strbuf_str(&sb));
	cl_strbuf_release(&sb);
}

/* The quote the file's first attribute is written in, else '"'. */
static char
file_quote(const struct cl_ctx *ctx, const struct cl_node *n)
{
	const struct cl_node *root = n;

	while (root->parent)
		root = root->parent;
	for (n = root; n; n = n->children) {
		if (n->nattrs)
			return quote_of(ctx, &n->attrs[0]);
	}
	return '"';
}

/* The offset where the line holding OFF starts. */
static size_t
line_start(const struct cl_ctx *ctx, size_t off)
{
	while (off > 0 && ctx->buf[off - 1] != '\n' &&
	       ctx->buf[off - 1] != '\r')
		off--;
	return off;
}

static bool
blank(char c)
{
	return c == ' ' || c == '\t';
}

void
cl_fix_add_attr(struct cl_ctx *ctx, struct cl_diag *d, const struct cl_node *n,
                const char *name, const char *value)
{
	const struct cl_attr *last = NULL;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	uint32_t at = n->name_span.end;
	char q;
	unsigned i;

	if (!d)
		return;
	/* The last attribute as written: libxml2 may list them otherwise. */
	for (i = 0; i < n->nattrs; i++)
		if (!last || n->attrs[i].value_span.end > last->value_span.end)
			last = &n->attrs[i];
	if (last && !quoted(ctx, last)) {
		cl_fix_cancel(d);
		return;
	}
	q = last ? quote_of(ctx, last) : file_quote(ctx, n);
	if (last) {
		size_t ls = line_start(ctx, last->name_span.start), p = ls;

		at = last->value_span.end + 1; /* past its closing quote */
		while (p < last->name_span.start && blank(ctx->buf[p]))
			p++;
		if (p == last->name_span.start && ls > n->tag_span.start) {
			/* One attribute a line: the new one too, indented as
			 * the last and ended as that line is. */
			bool crlf = ls >= 2 && ctx->buf[ls - 1] == '\n' &&
			            ctx->buf[ls - 2] == '\r';

			cl_strbuf_adds(&sb, crlf                       ? "\r\n"
			                    : ctx->buf[ls - 1] == '\r' ? "\r"
			                                               : "\n");
			cl_strbuf_add(&sb, ctx->buf + ls, p - ls);
		}
	}
	if (!sb.len)
		cl_strbuf_addch(&sb, ' ');
	cl_strbuf_addf(&sb, "%s=%c%s%c", name, q, value, q);
	cl_fix_edit(ctx, d, at, at, cl_strbuf_str(&sb));
	cl_strbuf_release(&sb);
}
