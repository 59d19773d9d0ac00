/* From decoded text back to source bytes; see span.h. */
#include "span.h"

#include <stdlib.h>
#include <string.h>

static int
starts(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	return (size_t)(end - p) >= n && !memcmp(p, lit, n);
}

/* UTF-8 encoding of CP into OUT (at least 4 bytes); its length, 0 when CP
 * is not a scalar value. */
static size_t
utf8_put(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

/*
 * Decodes the reference at P ("&amp;", "&#233;", "&#xE9;") into OUT; sets
 * *NEXT past the ';'. Returns the decoded length, 0 when P is not a
 * reference this can decode.
 */
static size_t
decode_ref(const char *p, const char *end, char *out, const char **next)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {
		{ "&amp;", '&' },  { "&lt;", '<' },    { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	const char *q;
	unsigned long cp = 0;
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(named); i++) {
		if (starts(p, end, named[i].name)) {
			out[0] = named[i].c;
			*next = p + strlen(named[i].name);
			return 1;
		}
	}
	if (!starts(p, end, "&#"))
		return 0;
	q = p + 2;
	if (q < end && *q == 'x') {
		for (q++; q < end && *q != ';'; q++) {
			int d = (*q >= '0' && *q <= '9')   ? *q - '0'
			        : (*q >= 'a' && *q <= 'f') ? *q - 'a' + 10
			        : (*q >= 'A' && *q <= 'F') ? *q - 'A' + 10
			                                   : -1;

			if (d < 0 || cp > 0x10FFFF)
				return 0;
			cp = cp * 16 + (unsigned long)d;
		}
	} else {
		for (; q < end && *q != ';'; q++) {
			if (*q < '0' || *q > '9' || cp > 0x10FFFF)
				return 0;
			cp = cp * 10 + (unsigned long)(*q - '0');
		}
	}
	if (q >= end || q == p + 2)
		return 0;
	*next = q + 1;
	return utf8_put(cp, out);
}

/*
 * Sets *OUT to the source span of bytes [START, END) of TEXT, where TEXT is
 * the decoded form of the source bytes RAW: an attribute value (ATTR 1,
 * where tabs and line breaks read as spaces) or an element's character
 * content (ATTR 0: comments skipped, CDATA sections unwrapped). Returns 0,
 * or -1 (leaving *OUT alone) when RAW does not decode to TEXT, e.g. when
 * the element has child elements.
 */
static int
raw_span(const struct cl_ctx *ctx, struct cl_span raw, int attr,
         const char *text, size_t start, size_t end, struct cl_span *out)
{
	const char *p = ctx->buf + raw.start, *rend = ctx->buf + raw.end;
	const char *base = ctx->buf;
	size_t d = 0, tlen = strlen(text);
	uint32_t rs = raw.start;
	int cdata = 0;

	if (start > end || end > tlen || raw.end > ctx->len ||
	    raw.start > raw.end)
		return -1;
	while (d < end) {
		char dec[4];
		const char *next;
		size_t n;

		if (d == start)
			rs = (uint32_t)(p - base);
		if (p >= rend)
			return -1;
		if (cdata) {
			if (starts(p, rend, "]]>")) {
				cdata = 0;
				p += 3;
				continue;
			}
		} else if (!attr && starts(p, rend, "<!--")) {
			const char *close = NULL, *s;

			for (s = p + 4; s + 3 <= rend; s++)
				if (!memcmp(s, "-->", 3)) {
					close = s;
					break;
				}
			if (!close)
				return -1;
			p = close + 3;
			continue;
		} else if (!attr && starts(p, rend, "<![CDATA[")) {
			cdata = 1;
			p += 9;
			continue;
		} else if (*p == '<') {
			return -1; /* a child element */
		} else if (*p == '&') {
			n = decode_ref(p, rend, dec, &next);
			if (!n || d + n > tlen || memcmp(text + d, dec, n))
				return -1;
			/* A reference is one unit: START and END must not
			 * fall inside it. */
			if ((start > d && start < d + n) ||
			    (end > d && end < d + n))
				return -1;
			d += n;
			p = next;
			continue;
		}
		if (*p == '\r') {
			/* "\r\n" and a lone "\r" read as one line break. */
			char want = attr ? ' ' : '\n';

			if (text[d] != want && !(cdata && text[d] == '\r'))
				return -1;
			p += (p + 1 < rend && p[1] == '\n') ? 2 : 1;
			d++;
			continue;
		}
		if (attr && (*p == '\t' || *p == '\n')) {
			if (text[d] != ' ' && text[d] != *p)
				return -1;
			p++;
			d++;
			continue;
		}
		if (text[d] != *p)
			return -1;
		p++;
		d++;
	}
	if (start == end)
		rs = (uint32_t)(p - base);
	out->start = rs;
	out->end = (uint32_t)(p - base);
	return 0;
}

struct cl_span
cl_attr_part_span(const struct cl_ctx *ctx, const struct cl_node *n,
                  const char *name, size_t start, size_t end)
{
	const struct cl_attr *a = cl_node_attr(n, name);
	struct cl_span s;

	if (!a)
		return n->name_span;
	s = a->value_span;
	raw_span(ctx, a->value_span, 1, a->value, start, end, &s);
	return s;
}

static int
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct cl_span
cl_elem_part_span(const struct cl_ctx *ctx, const struct cl_node *n,
                  const char *value, size_t start, size_t end)
{
	struct cl_span s = n->inner_span;
	size_t lead = 0, vlen = strlen(value);

	while (space(n->text[lead]))
		lead++;
	if (!strncmp(n->text + lead, value, vlen) &&
	    !raw_span(ctx, n->inner_span, 0, n->text, lead + start, lead + end,
	              &s))
		return s;
	/* The whole content, without the white space around it. */
	s = n->inner_span;
	while (s.start < s.end && space(ctx->buf[s.start]))
		s.start++;
	while (s.end > s.start && space(ctx->buf[s.end - 1]))
		s.end--;
	return s;
}
