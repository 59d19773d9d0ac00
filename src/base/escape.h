/*
 * Byte escapers shared by every writer (the output formats, fingerprints,
 * baselines, messages for standard error): they only deal with bytes on
 * the way out.
 */
#ifndef CL_ESCAPE_H
#define CL_ESCAPE_H

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

/* 1 for the Unicode bidirectional controls (and the line and paragraph
 * separators), which reorder or break what a reader sees. */
bool cl_cp_is_bidi(uint32_t cp);

/*
 * 1 when the LEN bytes at S hold a CI workflow command at byte I: "##["
 * (I at its first '#'), which GitHub's runner obeys anywhere in a line, or
 * "::" (I at its first ':') with only blanks before it, when S begins a
 * line (LINE_START).
 */
bool cl_log_command_at(const char *s, size_t len, size_t i, bool line_start);

/* S begins a line of output (a leading "::" is then defused). */
#define CL_PLAIN_LINE_START 1u
/* Line breaks pass through (the github format escapes them itself). */
#define CL_PLAIN_KEEP_BREAKS 2u

/*
 * Appends S to SB for plain-text output that a terminal or a CI log shows
 * (text, gcc, github, standard error): C0 controls and DEL as \xNN, bytes
 * that are not UTF-8 as \xNN, C1 and bidirectional controls as \uNNNN,
 * and workflow commands defused: "##[" as "#\x23[", a leading "::" (with
 * CL_PLAIN_LINE_START) as "\x3a:". Everything else unchanged. The result
 * is valid UTF-8, one line unless CL_PLAIN_KEEP_BREAKS.
 */
void cl_plain_add(struct cl_strbuf *sb, const char *s, unsigned flags);

/* Writes S to F as cl_plain_add shows it, on one line. */
void cl_output_put_oneline(FILE *f, const char *s, unsigned flags);

/*
 * Appends S as a JSON string, quotes included: `"` and `\` escaped with a
 * backslash, control characters (U+0000 to U+001F, U+007F, the C1 and the
 * bidirectional controls) as \uXXXX, the second '#' of "##[" as \u0023
 * (a workflow command to a CI runner otherwise), other valid UTF-8
 * unchanged and every byte that is not valid UTF-8 as \ufffd, so the
 * document is valid JSON whatever the bytes, and inert in a log.
 */
void cl_json_add_string(struct cl_strbuf *sb, const char *s);

/*
 * Appends S escaped for XML 1.0: as an attribute value (ATTR, to go
 * between double quotes) or as element text. Characters XML 1.0 cannot
 * carry at all (most C0 controls, U+FFFE, U+FFFF) and bytes that are not
 * valid UTF-8 become U+FFFD; line breaks and tabs in attributes, carriage
 * returns anywhere, DEL, the C1 and bidirectional controls, the second '#'
 * of "##[" and a "::" first on a line become character references, so a
 * parser reads back exactly what was meant and a CI log obeys nothing.
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

#endif /* CL_ESCAPE_H */
