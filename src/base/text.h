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

/* DIR and NAME joined with one '/'. Caller frees. */
char *cl_join_path(const char *dir, const char *name);

#endif /* CL_TEXT_H */
