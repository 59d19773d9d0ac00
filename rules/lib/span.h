/*
 * From decoded text back to source bytes. The model keeps decoded values
 * (entities and character references resolved, CDATA unwrapped, line
 * breaks normalised); a rule that points at part of a value (the `http`
 * of a URL, the token after `Bearer `) needs that part's exact span in the
 * source. Used by the OAuth 2, endpoint and security rules (CL3xx-CL5xx)
 * and by the query parser (url.h). Both functions return a span by value:
 * nothing to free.
 */
#ifndef CL_SPAN_H
#define CL_SPAN_H

#include <stddef.h>

#include "rule.h"

/* The span of attribute NAME's value bytes [START, END) of N, or the
 * whole value when the mapping fails. */
struct cl_span
cl_attr_part_span(const struct cl_ctx *ctx, const struct cl_node *n,
                  const char *name, size_t start, size_t end);

/*
 * For an element N whose model value VALUE is its character content
 * trimmed (an endpoint or auth `url`, an `additional-url`): the span of
 * bytes [START, END) of VALUE, or, when the mapping fails, of N's whole
 * trimmed content.
 */
struct cl_span
cl_elem_part_span(const struct cl_ctx *ctx, const struct cl_node *n,
                  const char *value, size_t start, size_t end);

#endif /* CL_SPAN_H */
