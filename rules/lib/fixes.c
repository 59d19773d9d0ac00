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

char
cl_fix_quote(const struct cl_ctx *ctx, const struct cl_node *n)
{
	if (n->nattrs && quoted(ctx, &n->attrs[0]))
		return quote_of(ctx, &n->attrs[0]);
	return file_quote(ctx, n);
}

static bool
line_end_at(const struct cl_ctx *ctx, size_t off)
{
	return off < ctx->len &&
	       (ctx->buf[off] == '\n' || ctx->buf[off] == '\r');
}

/*
 * Where the line N ends on goes on, when nothing but blanks and comments
 * (each ending on that line) follow N there: the offset past that line's
 * line end, and its line end in *EOL (static). 0 otherwise (N cannot end
 * a file's first line and be followed by a line end at offset 0).
 */
static size_t
after_line(const struct cl_ctx *ctx, const struct cl_node *n, const char **eol)
{
	size_t p = n->span.end;

	for (;;) {
		while (p < ctx->len && blank(ctx->buf[p]))
			p++;
		if (p + 4 <= ctx->len && !memcmp(ctx->buf + p, "<!--", 4)) {
			size_t q = p + 4;

			while (q + 3 <= ctx->len &&
			       memcmp(ctx->buf + q, "-->", 3) &&
			       !line_end_at(ctx, q))
				q++;
			if (q + 3 > ctx->len || line_end_at(ctx, q))
				return 0;
			p = q + 3;
			continue;
		}
		break;
	}
	if (!line_end_at(ctx, p))
		return 0;
	if (ctx->buf[p] == '\r' && p + 1 < ctx->len &&
	    ctx->buf[p + 1] == '\n') {
		*eol = "\r\n";
		return p + 2;
	}
	*eol = ctx->buf[p] == '\r' ? "\r" : "\n";
	return p + 1;
}

/* Whether N starts its line after blanks only, after offset FLOOR (the
 * end of its parent's start tag): then *INDENT and *INDENT_LEN are those
 * blanks. */
static bool
starts_line(const struct cl_ctx *ctx, const struct cl_node *n, size_t floor,
            const char **indent, size_t *indent_len)
{
	size_t ls = line_start(ctx, n->span.start), p;

	if (ls < floor)
		return false;
	for (p = ls; p < n->span.start; p++)
		if (!blank(ctx->buf[p]))
			return false;
	*indent = ctx->buf + ls;
	*indent_len = n->span.start - ls;
	return true;
}

/* PARENT's last child element, or NULL. */
static const struct cl_node *
last_child(const struct cl_node *parent)
{
	const struct cl_node *ch = parent->children;

	while (ch && ch->next)
		ch = ch->next;
	return ch;
}

/* Where a line after N goes (0: nowhere exact), with its indentation and
 * line end. */
static size_t
line_after(const struct cl_ctx *ctx, const struct cl_node *n,
           const char **indent, size_t *indent_len, const char **eol)
{
	if (!n || !n->parent ||
	    !starts_line(ctx, n, n->parent->tag_span.end, indent, indent_len))
		return 0;
	return after_line(ctx, n, eol);
}

bool
cl_fix_can_insert_after(const struct cl_ctx *ctx, const struct cl_node *n)
{
	const char *indent, *eol;
	size_t len;

	return line_after(ctx, n, &indent, &len, &eol) != 0;
}

void
cl_fix_insert_after(struct cl_ctx *ctx, struct cl_diag *d,
                    const struct cl_node *n, const char *element)
{
	const char *indent, *eol;
	size_t len, at;
	char *text;

	if (!d)
		return;
	at = line_after(ctx, n, &indent, &len, &eol);
	if (!at) {
		cl_fix_cancel(d);
		return;
	}
	text = cl_xasprintf("%.*s%s%s", (int)len, indent, element, eol);
	cl_fix_edit(ctx, d, (uint32_t)at, (uint32_t)at, text);
	free(text);
}

bool
cl_fix_can_append(const struct cl_ctx *ctx, const struct cl_node *parent)
{
	return cl_fix_can_insert_after(ctx, last_child(parent));
}

void
cl_fix_append(struct cl_ctx *ctx, struct cl_diag *d,
              const struct cl_node *parent, const char *element)
{
	cl_fix_insert_after(ctx, d, last_child(parent), element);
}

/* NAME's place in ORDER, or -1. */
static int
rank(const char *const *order, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(order[i], name))
			return (int)i;
	return -1;
}

/* The child of PARENT that the new child NAME goes after, when every
 * child is in ORDER and in order, none is NAME; NULL otherwise. */
static const struct cl_node *
insert_after(const struct cl_node *parent, const char *const *order, size_t n,
             const char *name)
{
	const struct cl_node *ch, *prev = NULL;
	int at = rank(order, n, name), last = -1;

	if (at < 0)
		return NULL;
	for (ch = parent->children; ch; ch = ch->next) {
		int r = rank(order, n, ch->name);

		if (r < 0 || r == at || r < last)
			return NULL;
		last = r;
		if (r < at)
			prev = ch;
	}
	return prev;
}

/* Where the new child NAME goes (0: nowhere exact), with the line end and
 * the indentation of the new element (*INDENT) and of its child (*INNER,
 * malloc'd, caller frees). */
static size_t
insert_point(const struct cl_ctx *ctx, const struct cl_node *parent,
             const char *const *order, size_t n, const char *name,
             const char **indent, size_t *indent_len, char **inner,
             const char **eol)
{
	const struct cl_node *prev = insert_after(parent, order, n, name);
	const char *pindent;
	size_t plen, at, floor = 0;

	if (!prev || !parent->tag_span.end)
		return 0;
	if (parent->parent)
		floor = parent->parent->tag_span.end;
	if (!starts_line(ctx, parent, floor, &pindent, &plen))
		return 0;
	at = line_after(ctx, prev, indent, indent_len, eol);
	if (!at || *indent_len <= plen || memcmp(*indent, pindent, plen))
		return 0;
	/* One more step: what the children are indented past PARENT. */
	*inner = cl_xasprintf("%.*s%.*s", (int)*indent_len, *indent,
	                      (int)(*indent_len - plen), *indent + plen);
	return at;
}

bool
cl_fix_can_insert_child(const struct cl_ctx *ctx, const struct cl_node *parent,
                        const char *const *order, size_t n, const char *name)
{
	const char *indent, *eol;
	char *inner = NULL;
	size_t len, at;

	at = insert_point(ctx, parent, order, n, name, &indent, &len, &inner,
	                  &eol);
	free(inner);
	return at != 0;
}

void
cl_fix_insert_child(struct cl_ctx *ctx, struct cl_diag *d,
                    const struct cl_node *parent, const char *const *order,
                    size_t n, const char *name, const char *child)
{
	const char *indent, *eol;
	char *inner = NULL, *text;
	size_t len, at;

	if (!d)
		return;
	at = insert_point(ctx, parent, order, n, name, &indent, &len, &inner,
	                  &eol);
	if (!at) {
		cl_fix_cancel(d);
		return;
	}
	text =
	    cl_xasprintf("%.*s<%s>%s%s%s%s%.*s</%s>%s", (int)len, indent, name,
	                 eol, inner, child, eol, (int)len, indent, name, eol);
	cl_fix_edit(ctx, d, (uint32_t)at, (uint32_t)at, text);
	free(text);
	free(inner);
}
