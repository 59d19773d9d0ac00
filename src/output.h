/*
 * Helpers shared by the output formats (output_*.c), not part of the
 * library's API. Every format reads results through the public accessors
 * of connlint.h; these only deal with bytes on the way out.
 */
#ifndef CL_OUTPUT_H
#define CL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

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

/*
 * Appends S as a JSON string, quotes included: `"` and `\` escaped with a
 * backslash, control characters (U+0000 to U+001F, U+007F) as \u00XX,
 * valid UTF-8 unchanged and every byte that is not valid UTF-8 as \ufffd,
 * so the document is valid JSON whatever the bytes.
 */
void cl_json_add_string(struct cl_strbuf *sb, const char *s);

/*
 * Appends S escaped for XML 1.0: as an attribute value (ATTR, to go
 * between double quotes) or as element text. Characters XML 1.0 cannot
 * carry at all (most C0 controls, U+FFFE, U+FFFF) and bytes that are not
 * valid UTF-8 become U+FFFD; line breaks and tabs in attributes, carriage
 * returns anywhere, DEL and the C1 controls become character references,
 * so a parser reads back exactly what was meant.
 */
void cl_xml_add_escaped(struct cl_strbuf *sb, const char *s, bool attr);

/*
 * Appends the URI reference (RFC 3986) for file name PATH, as given on the
 * command line. A relative name stays relative (to be resolved against
 * %SRCROOT%, the directory connlint ran in) and returns true; an absolute
 * one becomes a file:// URI and returns false. Leading "./" segments are
 * dropped, so that "./a.xml" and "a.xml" are one file; every byte other
 * than an unreserved character or "/" is percent-encoded (spaces,
 * non-ASCII, ':' which would read as a scheme, '%', '<', '>').
 */
bool cl_path_to_uri(struct cl_strbuf *sb, const char *path);

#endif /* CL_OUTPUT_H */
