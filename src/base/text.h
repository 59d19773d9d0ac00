/*
 * Text helpers below every layer: byte offsets to line and column, the
 * comma-separated lists of settings, absolute paths, secret masks.
 */
#ifndef CL_TEXT_H
#define CL_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Computes the 1-based line, character column and byte column of byte
 * OFFSET in BUF. Used by the sink, configuration messages and tests.
 */
void
cl_offset_position(const char *buf, size_t len, uint32_t offset, unsigned *line,
                   unsigned *column, unsigned *byte_column);

/* Columns between tab stops, as terminals, GCC and editors expand tabs. */
#define CL_TAB_WIDTH 8

/*
 * Terminal cells taken by code point CP: 0 for combining marks and
 * zero-width characters, 2 for East Asian wide and fullwidth characters
 * and most emoji, else 1. The one table of widths: the text format's
 * marker line and --column-unit display both use it.
 */
unsigned cl_cp_width(uint32_t cp);

/*
 * The cell reached after the LEN bytes at S when they start at 0-based
 * cell CELLS: tabs go to the next multiple of CL_TAB_WIDTH, characters
 * take cl_cp_width cells, a byte that is not UTF-8 one cell. What GCC's
 * -fdiagnostics-column-unit=display counts.
 */
size_t cl_display_advance(const char *s, size_t len, size_t cells);

/* Bytes of the first characters of a secret that a mask shows: four, or
 * a third of a secret shorter than 12 characters, so a short secret is
 * never shown whole. */
size_t cl_mask_keep(const char *s, size_t len);
/* Masks secret text: its first characters (cl_mask_keep), then "…".
 * Caller frees. */
char *cl_mask_secret(const char *s, size_t len);

/*
 * The next item of a comma-separated list: skips commas and blanks at *P,
 * returns the item's start and sets *LEN (blanks at its end dropped), and
 * moves *P past it. Returns NULL at the end of the list.
 */
const char *cl_list_next(const char **p, size_t *len);

/* PATH made absolute against the current directory, with "." and ".."
 * parts resolved as text and no trailing '/'. Caller frees. */
char *cl_path_absolute(const char *path);

/* The current directory; "/" when it cannot be known. Caller frees. */
char *cl_current_dir(void);
/* PATH made absolute against CWD (an absolute directory), "." and ".."
 * parts resolved as text. Caller frees. */
char *cl_path_absolute_from(const char *cwd, const char *path);

/* What cl_read_file says of a file over its limit. */
extern const char cl_read_too_large[];
/*
 * Reads the regular file at PATH whole, at most MAX bytes: returns them
 * NUL-terminated in a malloc'd buffer (caller frees), their count in
 * *LEN. NULL when it cannot: *WHY is then static, strerror's reason, "is
 * a directory", "not a regular file" or cl_read_too_large (which callers
 * word with their limit). A FIFO is refused, never waited on.
 */
char *cl_read_file(const char *path, size_t max, size_t *len, const char **why);

/* DIR and NAME joined with one '/'. Caller frees. */
char *cl_join_path(const char *dir, const char *name);

#endif /* CL_TEXT_H */
