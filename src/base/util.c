/* Allocation, string buffers and BUG(); see util.h. */
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
cl_bug(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "connlint: BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void
out_of_memory(size_t n)
{
	fprintf(stderr, "connlint: out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *
cl_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory(n);
	return p;
}

void *
cl_calloc(size_t count, size_t n)
{
	void *p = calloc(count ? count : 1, n ? n : 1);

	if (!p)
		out_of_memory(count * n);
	return p;
}

void *
cl_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		out_of_memory(n);
	return q;
}

char *
cl_strndup(const char *s, size_t n)
{
	char *p = cl_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
cl_strdup(const char *s)
{
	return cl_strndup(s, strlen(s));
}

char *
cl_xasprintf(const char *fmt, ...)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	return cl_strbuf_detach(&sb);
}

void
cl_grow(void **items, size_t size, size_t need, size_t *alloc)
{
	size_t n;

	if (need <= *alloc)
		return;
	n = *alloc ? *alloc : 8;
	while (n < need) {
		if (n > ((size_t)-1) / 2 / size)
			out_of_memory(need * size);
		n *= 2;
	}
	*items = cl_realloc(*items, n * size);
	*alloc = n;
}

static void
strbuf_reserve(struct cl_strbuf *sb, size_t extra)
{
	cl_grow((void **)&sb->buf, 1, sb->len + extra + 1, &sb->alloc);
}

void
cl_strbuf_add(struct cl_strbuf *sb, const char *s, size_t n)
{
	strbuf_reserve(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
cl_strbuf_adds(struct cl_strbuf *sb, const char *s)
{
	cl_strbuf_add(sb, s, strlen(s));
}

void
cl_strbuf_addch(struct cl_strbuf *sb, char c)
{
	cl_strbuf_add(sb, &c, 1);
}

/* Tells clang that FMT is a printf format passed on (it checks the callers of
 * cl_strbuf_addf instead); without it -Wformat-nonliteral fails its build. */
void cl_strbuf_vaddf(struct cl_strbuf *sb, const char *fmt, va_list ap)
    CL_PRINTF(2, 0);

void
cl_strbuf_vaddf(struct cl_strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("vsnprintf failed for format '%s'", fmt);
	strbuf_reserve(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
cl_strbuf_addf(struct cl_strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cl_strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void
cl_strbuf_reset(struct cl_strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

const char *
cl_strbuf_str(const struct cl_strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *
cl_strbuf_detach(struct cl_strbuf *sb)
{
	char *s = sb->buf ? sb->buf : cl_strdup("");

	sb->buf = NULL;
	sb->len = sb->alloc = 0;
	return s;
}

void
cl_strbuf_release(struct cl_strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

int
cl_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || !ca)
			return ca - cb;
	}
}

const char *
cl_next_line(const char *p, const char *end, const char *bufend, bool lone_cr)
{
	const char *nl;

	if (!lone_cr)
		return (nl = memchr(p, '\n', (size_t)(end - p))) ? nl + 1
		                                                 : NULL;
	for (; p < end; p++) {
		if (*p == '\n')
			return p + 1;
		if (*p == '\r' && (p + 1 >= bufend || p[1] != '\n'))
			return p + 1;
	}
	return NULL;
}

bool
cl_has_lone_cr(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;

	while (p < end && (p = memchr(p, '\r', (size_t)(end - p)))) {
		if (p + 1 >= end || p[1] != '\n')
			return true;
		p += 2;
	}
	return false;
}

size_t
cl_utf8_count(const char *s, size_t len)
{
	const uint64_t high = UINT64_C(0x8080808080808080);
	size_t i = 0, n = 0;

	/* Eight bytes at a time (CL404 counts every URL): a continuation
	 * byte is 10xxxxxx, bit 7 set and bit 6 clear; shifted left by one,
	 * bit 6 of each byte lands on its bit 7, and the multiplication adds
	 * the eight flags up in the top byte. */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		w = (w & ~(w << 1) & high) >> 7; /* 1 per continuation byte */
		n += 8 - (size_t)((w * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t
cl_str_hash(const char *s)
{
	size_t h = 14695981039346656037u & SIZE_MAX;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211u;
	return h;
}
