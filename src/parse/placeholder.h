/*
 * Placeholder scanning. The well-formed and single-brace scans are
 * written by hand; the malformed one uses a PCRE2 pattern compiled once
 * per process, on its first use (cl_placeholder_init), with match and
 * depth limits, and matched without backtracking blow-ups. The scanners
 * share no mutable state, so files may be linted in parallel.
 *
 * K below is a key character: an ASCII letter, digit, '_', '-' or '.'.
 *
 * Well-formed: "{{" + one or more K + "}}", where the "{{" does not follow
 * another '{' (the PCRE2 pattern (?<!\{)\{\{(K++)\}\}, which
 * tests/check_placeholder.c holds the hand-written scan to). Closing
 * braces after the "}}" are literal text, so the JSON
 * body {"a":{{obj}}} holds the placeholder {{obj}} then the object's '}'.
 *
 * Malformed (CL106), tried in this order at each position:
 *  1. three or more '{' around an optional key: "{{{key}}}", "{{{key}}";
 *  2. "{{" (neither after nor before another '{'), at most 100 bytes with
 *     no brace, '"' or line break, then "}" or "}}" -- unless those bytes
 *     are a key closed by "}}": "{{ key }}", "{{}}", "{{key}", "{{a b}}",
 *     "{{größe}}";
 *  3. "{{" + optional blanks + a key never closed: "{{key/…". A "{{" not
 *     followed by a key is left alone;
 *  4. "{key}}": one '{' that does not follow '{', '$' or a word character
 *     (so minified GraphQL such as {shop{name}} is left alone);
 *  5. "${key}" (blanks allowed inside); "${{key}}" is a literal '$' before
 *     a placeholder and is not reported;
 *  6. "[[key]]" where key starts with a letter or '_' and is not a JSON
 *     literal (true, false, null): JSON such as [[1,2]] is left alone.
 * JSON outside strings never matches: it has no "{{", "${" or "[[letter",
 * and its '{' is followed by '"', '}' or a blank.
 *
 * Single braces "{key}" (URI-template style, as OpenAPI writes path
 * parameters) are found only by cl_placeholder_next_single: a mistake in a
 * URL, but possibly literal text in a body. Its pattern, to which the
 * test holds it too: (?<![{$])\{(?!\{)(K++)\}(?!\}).
 */
#ifndef CL_PLACEHOLDER_H
#define CL_PLACEHOLDER_H

#include <stddef.h>

/* Compiles the patterns; safe to call repeatedly and from any thread. */
void cl_placeholder_init(void);

/* Offsets are relative to the scanned text. */
struct cl_placeholder_match {
	size_t start, end;         /* the whole "{{key}}" */
	size_t key_start, key_end; /* "key" */
};

/*
 * Finds the next well-formed placeholder {{key}} (key: letters, digits,
 * '_', '-', '.') in S[0..LEN) at or after *POS. Returns 1 and fills M
 * (and advances *POS past it), or 0 when there is none.
 */
int cl_placeholder_next(const char *s, size_t len, size_t *pos,
                        struct cl_placeholder_match *m);

/*
 * The end of the well-formed placeholder starting at S[P] (at the first
 * '{' of its "{{"), or 0 when none starts there: what cl_placeholder_next
 * finds, asked at one place.
 */
size_t cl_placeholder_at(const char *s, size_t len, size_t p);

/*
 * Finds the next malformed placeholder ("{key}}", "{{key}", "{{ key }}",
 * "{{}}", "${key}", "[[key]]", ...) at or after *POS. Returns 1 and fills
 * M (key_* give the name inside without surrounding blanks, possibly
 * empty) and advances *POS past it, or 0.
 */
int cl_placeholder_next_malformed(const char *s, size_t len, size_t *pos,
                                  struct cl_placeholder_match *m);

/*
 * Like cl_placeholder_next_malformed for "{key}" in single braces (not
 * after '{' or '$', not before '}'). Meant for URLs only.
 */
int cl_placeholder_next_single(const char *s, size_t len, size_t *pos,
                               struct cl_placeholder_match *m);

/* The malformed scan's PCRE2 pattern, which it runs from where its
 * prefilter finds the first possible start: tests hold the scan to the
 * pattern run from *POS. */
extern const char cl_placeholder_malformed_src[];

#endif /* CL_PLACEHOLDER_H */
