/*
 * Small helpers shared by the whole library: allocation that never returns
 * NULL, a growable string buffer, BUG() for broken invariants.
 */
#ifndef CL_UTIL_H
#define CL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#define CL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define CL_NORETURN __attribute__((noreturn))
#define CL_NOINLINE __attribute__((noinline))
#else
#define CL_PRINTF(f, a)
#define CL_NORETURN
#define CL_NOINLINE
#endif

#define CL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Reports a broken invariant (a connlint bug, never bad input) and aborts. */
#define BUG(...) cl_bug(__FILE__, __LINE__, __VA_ARGS__)
CL_NORETURN void
cl_bug(const char *file, int line, const char *fmt, ...) CL_PRINTF(3, 4);

/* Allocation: abort with a message on exhaustion, so callers never check. */
void *cl_malloc(size_t n);
void *cl_calloc(size_t count, size_t n);
void *cl_realloc(void *p, size_t n);
/* Caller frees. */
char *cl_strdup(const char *s);
char *cl_strndup(const char *s, size_t n);
/* A malloc'd formatted string; caller frees. */
char *cl_xasprintf(const char *fmt, ...) CL_PRINTF(1, 2);

/* Grows *items (of *alloc elements of SIZE bytes) to hold at least NEED. */
void cl_grow(void **items, size_t size, size_t need, size_t *alloc);
#define CL_GROW(arr, need, alloc) \
	cl_grow((void **)&(arr), sizeof(*(arr)), (need), &(alloc))

/* A growable NUL-terminated string. Initialise with CL_STRBUF_INIT. */
struct cl_strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};
#define CL_STRBUF_INIT     \
	{                  \
		NULL, 0, 0 \
	}
void cl_strbuf_add(struct cl_strbuf *sb, const char *s, size_t n);
void cl_strbuf_adds(struct cl_strbuf *sb, const char *s);
void cl_strbuf_addch(struct cl_strbuf *sb, char c);
void cl_strbuf_addf(struct cl_strbuf *sb, const char *fmt, ...) CL_PRINTF(2, 3);
void cl_strbuf_vaddf(struct cl_strbuf *sb, const char *fmt, va_list ap);
void cl_strbuf_reset(struct cl_strbuf *sb);
/* The contents (never NULL; "" when empty). Owned by SB. */
const char *cl_strbuf_str(const struct cl_strbuf *sb);
/* Hands the buffer to the caller (who frees it) and empties SB. */
char *cl_strbuf_detach(struct cl_strbuf *sb);
void cl_strbuf_release(struct cl_strbuf *sb);

/* A == B. Most strings compared in a lint differ in their first byte,
 * and testing it inline saves the call (a strcmp was 7% of a lint's
 * time). */
static inline bool
cl_streq(const char *a, const char *b)
{
	return a[0] == b[0] && (!a[0] || !strcmp(a + 1, b + 1));
}

/* ASCII-only case-insensitive comparison (header names, enumerations). */
int cl_strcasecmp(const char *a, const char *b);

/* FNV-1a of the string S: for the hash tables of names and values. */
size_t cl_str_hash(const char *s);

/* Number of UTF-8 code points in the LEN bytes at S (continuation bytes
 * are not counted). */
size_t cl_utf8_count(const char *s, size_t len);

/*
 * The start of the line after the first line end in [P, END): "\n",
 * "\r\n" or a lone "\r" (XML 1.0 section 2.11 reads all three as one
 * line end); NULL when there is none. LONE_CR says whether the buffer
 * holds a lone '\r' (cl_has_lone_cr; without one, this is a memchr for
 * '\n'); BUFEND is the end
 * of the whole buffer, to see whether a '\r' at END - 1 starts a "\r\n".
 */
const char *
cl_next_line(const char *p, const char *end, const char *bufend, bool lone_cr);
/* 1 when the LEN bytes at BUF hold a '\r' not followed by '\n'. */
bool cl_has_lone_cr(const char *buf, size_t len);

#endif /* CL_UTIL_H */
