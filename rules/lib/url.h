/*
 * URLs as the rules read them: one splitter for the scheme, authority and
 * path of a URL, and a parser for the params of its query. Both work on
 * decoded text (the model's trimmed `url` or `additional-url` value, or a
 * variable's default); query spans are mapped back to the source with
 * cl_elem_part_span (span.h).
 *
 * Nothing here allocates memory except cl_query_dup, whose copy the caller
 * frees. Offsets index the text given; a struct cl_query points into that
 * text and the node, which must outlive it.
 */
#ifndef CL_LIB_URL_H
#define CL_LIB_URL_H

#include <stddef.h>

#include "rule.h"

/*
 * The parts of URL U: *SCHEME_END is the offset of "://", [*AUTH,
 * *AUTH_END) the authority (up to the first '/', '?' or '#'). Returns 0,
 * leaving the outputs alone, when U does not start with a scheme (a
 * letter, then letters, digits, '+', '-' or '.') and "://".
 */
int
cl_url_split(const char *u, size_t *scheme_end, size_t *auth, size_t *auth_end);

/*
 * Where the path of URL U starts (its first '/' after the authority's
 * start), or NULL when it has none. Without a scheme (a placeholder such
 * as `{{base}}://…`, or no "://"), the authority starts after the first
 * "://", else the path is the first '/'.
 */
const char *cl_url_path(const char *u);

/*
 * The query of a URL: the params between the first '?' and a '#', split
 * at '&'. Names and values are compared as written, without
 * percent-decoding.
 *
 *     struct cl_query q;
 *     struct cl_qparam qp;
 *
 *     cl_query_init(&q, ctx, node, value);
 *     while (cl_query_next(&q, &qp))
 *             if (cl_query_is(CL_QKEY(&q, qp), "state")) ...
 */
struct cl_query {
	const struct cl_ctx *ctx;
	const struct cl_node *node;
	const char *text;
	size_t pos, end;
};

struct cl_qparam {
	size_t key_start, key_end, value_start, value_end; /* in the text */
};

/* Starts reading the query of TEXT, the trimmed value of element NODE. A
 * NULL NODE or TEXT, or a TEXT without '?', has no params. */
void cl_query_init(struct cl_query *q, const struct cl_ctx *ctx,
                   const struct cl_node *node, const char *text);

/* The next param with a non-empty name into *OUT; 0 when none is left. */
int cl_query_next(struct cl_query *q, struct cl_qparam *out);

/* 1 when the text [S, E) of Q is exactly LIT. */
int cl_query_is(const struct cl_query *q, size_t s, size_t e, const char *lit);

/* 1 when the text [S, E) of Q contains LIT. */
int cl_query_has(const struct cl_query *q, size_t s, size_t e, const char *lit);

/* A copy of the text [S, E) of Q. Caller frees. */
char *cl_query_dup(const struct cl_query *q, size_t s, size_t e);

/* The source span of the text [S, E) of Q. */
struct cl_span cl_query_span(const struct cl_query *q, size_t s, size_t e);

/* The (Q, S, E) arguments of the functions above for the key or the value
 * of param P. */
#define CL_QKEY(q, p) (q), (p).key_start, (p).key_end
#define CL_QVALUE(q, p) (q), (p).value_start, (p).value_end

#endif /* CL_LIB_URL_H */
