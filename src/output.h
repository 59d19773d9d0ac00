/*
 * Helpers shared by the output formats (output_*.c), not part of the
 * library's API. Every format reads results through the public accessors
 * of connlint.h; these only deal with bytes on the way out.
 */
#ifndef CL_OUTPUT_H
#define CL_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Decodes one UTF-8 sequence at S (LEN > 0 bytes available). Returns its
 * length (1 to 4) and sets *CP, or 0 when the bytes there are not valid
 * UTF-8 (overlong forms, surrogates and code points above U+10FFFF are
 * invalid too).
 */
size_t cl_utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Writes S to F for a line-based format: every control character (C0, DEL
 * and C1, line breaks included) becomes a space, so one diagnostic stays
 * one line and no escape sequence from a file name or message reaches a
 * terminal.
 */
void cl_output_put_oneline(FILE *f, const char *s);

#endif /* CL_OUTPUT_H */
