/*
 * From decoded text back to source bytes. The model keeps decoded values
 * (entities and character references resolved, CDATA unwrapped, line
 * breaks normalised); a rule that points at part of a value (the `http`
 * of a URL, the token after `Bearer `) needs that part's exact span in the
 * source. Used by the endpoint and security rules (CL4xx, CL5xx).
 */
#ifndef CL_RAWSPAN_H
#define CL_RAWSPAN_H

#include <stddef.h>

#include "rule.h"

/*
 * Sets *OUT to the source span of bytes [START, END) of TEXT, where TEXT is
 * the decoded form of the source bytes RAW: an attribute value (ATTR 1,
 * where tabs and line breaks read as spaces) or an element's character
 * content (ATTR 0: comments skipped, CDATA sections unwrapped). Returns 0,
 * or -1 (leaving *OUT alone) when RAW does not decode to TEXT, e.g. when
 * the element has child elements.
 */
int cl_raw_span(const struct cl_ctx *ctx, struct cl_span raw, int attr,
                const char *text, size_t start, size_t end,
                struct cl_span *out);

/* The span of attribute NAME's value bytes [START, END) of N, or the
 * whole value when the mapping fails. */
struct cl_span cl_attr_part_span(const struct cl_ctx *ctx,
                                 const struct cl_node *n, const char *name,
                                 size_t start, size_t end);

/*
 * For an element N whose model value VALUE is its character content
 * trimmed (an endpoint or auth `url`, an `additional-url`): the span of
 * bytes [START, END) of VALUE, or, when the mapping fails, of N's whole
 * trimmed content.
 */
struct cl_span cl_elem_part_span(const struct cl_ctx *ctx,
                                 const struct cl_node *n, const char *value,
                                 size_t start, size_t end);

#endif /* CL_RAWSPAN_H */
