/* CL001: the input checks run before parsing (encoding, size, NUL). */
#include "input.h"

#include <string.h>
#include <strings.h>

#include "catalogue.h"
#include "ctx.h"

/* ---- input checks ---- */

/* Offset of the first byte that is not valid UTF-8, or LEN. */
static size_t
utf8_invalid_at(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t need;
		uint32_t cp, min;

		if (c < 0x80) {
			uint64_t w;

			/* ASCII, 32 then eight bytes at a time: most of a
			 * connector is, and byte by byte this loop was 6%
			 * of a lint */
			while (i + 32 <= len) {
				uint64_t x[4];

				memcpy(x, s + i, 32);
				if ((x[0] | x[1] | x[2] | x[3]) &
				    0x8080808080808080ULL)
					break;
				i += 32;
			}
			while (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			while (i < len && s[i] < 0x80)
				i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
			min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
			min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= need)
			return i;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += need + 1;
	}
	return len;
}

struct cl_span
cl_input_char_at(const struct cl_ctx *ctx, size_t off)
{
	struct cl_span s = { (uint32_t)off, (uint32_t)off };

	if (off < ctx->len) {
		s.end++;
		while (s.end < ctx->len &&
		       ((unsigned char)ctx->buf[s.end] & 0xC0) == 0x80)
			s.end++;
	}
	return s;
}

/*
 * The encoding named in the XML declaration, if any, must be UTF-8: we
 * parse every file as UTF-8 and report positions in it.
 */
static bool
check_declared_encoding(struct cl_ctx *ctx, size_t start)
{
	const char *b = ctx->buf + start, *end, *p;
	size_t avail = ctx->len - start;
	struct cl_span v;
	char q;

	if (avail < 5 || memcmp(b, "<?xml", 5))
		return true;
	end = memchr(b, '>', avail < 512 ? avail : 512);
	if (!end)
		return true;
	for (p = b; p + 8 <= end && memcmp(p, "encoding", 8); p++)
		;
	if (p + 8 > end)
		return true;
	p += 8;
	/* Eq ::= S? '=' S? where S is any XML white space, line breaks
	 * included (XML 1.0 section 2.8). */
	while (p < end && (*p == ' ' || *p == '=' || *p == '\t' || *p == '\n' ||
	                   *p == '\r'))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return true;
	q = *p++;
	v.start = (uint32_t)(p - ctx->buf);
	while (p < end && *p != q)
		p++;
	v.end = (uint32_t)(p - ctx->buf);
	if ((v.end - v.start == 5 &&
	     !strncasecmp(ctx->buf + v.start, "UTF-8", 5)) ||
	    (v.end - v.start == 4 &&
	     !strncasecmp(ctx->buf + v.start, "UTF8", 4)))
		return true;
	cl_report(
	    ctx, &cl_rule_CL001, v,
	    "the file declares encoding `%.*s`; connector files must be UTF-8 (declare `UTF-8` or no encoding)",
	    (int)(v.end - v.start), ctx->buf + v.start);
	return false;
}

/* Encoding and size checks before parsing; false when parsing is pointless. */
bool
cl_input_check(struct cl_ctx *ctx)
{
	const unsigned char *u = (const unsigned char *)ctx->buf;
	size_t i, bad, start = 0;
	struct cl_span at0 = { 0, 0 };

	for (i = 0;
	     i < ctx->len && strchr(" \t\r\n", ctx->buf[i]) && ctx->buf[i]; i++)
		;
	if (i == ctx->len) {
		cl_report(ctx, &cl_rule_CL001, at0, "the file is empty%s",
		          ctx->len ? " (only white space)" : "");
		return false;
	}
	if (ctx->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                      (u[0] == 0xFE && u[1] == 0xFF))) {
		cl_report(
		    ctx, &cl_rule_CL001, cl_input_char_at(ctx, 0),
		    "the file is UTF-16 (it starts with a UTF-16 byte order mark); connector files must be UTF-8");
		return false;
	}
	if (ctx->len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		start = 3;
	bad = utf8_invalid_at(u, ctx->len);
	if (bad < ctx->len) {
		struct cl_span s = { (uint32_t)bad, (uint32_t)bad + 1 };

		cl_report(
		    ctx, &cl_rule_CL001, s,
		    "invalid UTF-8 (byte 0x%02X); connector files must be UTF-8 — was this file saved as Latin-1 or Windows-1252?",
		    u[bad]);
		return false;
	}
	if (memchr(ctx->buf, '\0', ctx->len)) {
		size_t nul =
		    (size_t)((const char *)memchr(ctx->buf, '\0', ctx->len) -
		             ctx->buf);

		cl_report(ctx, &cl_rule_CL001, cl_input_char_at(ctx, nul),
		          "NUL byte in the file: this is not a text file");
		return false;
	}
	return check_declared_encoding(ctx, start);
}
