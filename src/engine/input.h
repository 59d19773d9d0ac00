/* CL001: the input checks run before parsing. */
#ifndef CL_INPUT_H
#define CL_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "xml.h"

struct cl_ctx;

/* Encoding and size checks before parsing (CL001); false when parsing is
 * pointless. */
bool cl_input_check(struct cl_ctx *ctx);
/* The span of the one character at byte OFF of CTX's buffer (empty at
 * the end). */
struct cl_span cl_input_char_at(const struct cl_ctx *ctx, size_t off);

#endif /* CL_INPUT_H */
