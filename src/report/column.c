/*
 * Columns in the unit an output prints (--column-unit, cl_output.column_unit):
 * bytes and characters come with every position from the sink; display
 * cells are counted here, from the source as read rather than the masked
 * copy the outputs show, because masking turns each byte of a secret into
 * one '*' and would count a wide character as three cells. A related
 * location in another file (connlint diff) has all three counted when it
 * was reported, from that file as read.
 */
#include <string.h>

#include "diag.h"
#include "output.h"
#include "result.h"
#include "text.h"

static const struct {
	const char *name;
	enum cl_column_unit unit;
} units[] = {
	{ "byte", CL_COLUMN_BYTE },
	{ "char", CL_COLUMN_CHAR },
	{ "display", CL_COLUMN_DISPLAY },
};

int
cl_column_unit_parse(const char *name, enum cl_column_unit *out)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(units); i++) {
		if (!strcmp(name, units[i].name)) {
			*out = units[i].unit;
			return 0;
		}
	}
	return -1;
}

void
cl_output_set_column_unit(cl_output *out, enum cl_column_unit unit)
{
	/* gcc's own unit is the byte, as gcc and clang print it. */
	if (unit == CL_COLUMN_DEFAULT)
		unit = out->ops == &cl_output_gcc_ops ? CL_COLUMN_BYTE
		                                      : CL_COLUMN_CHAR;
	out->column_unit = unit;
}

/* Bytes between checkpoints of the display-cell index. */
#define CHECKPOINT 256

static bool
is_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/*
 * The 1-based display column of the byte BYTES bytes into the line at
 * BOL (a character boundary). Counted from the nearest checkpoint of the
 * line's index, which grows as far as needed: positions come in no useful
 * order (a diagnostic, then a note before it, then one after it).
 */
static unsigned
display_column(struct cl_column_index *ix, const char *bol, size_t bytes)
{
	size_t k;

	if (ix->bol != bol) {
		ix->bol = bol;
		ix->n = 0;
	}
	if (!ix->n) {
		CL_GROW(ix->points, 1, ix->alloc);
		ix->points[0].at = 0;
		ix->points[0].cells = 0;
		ix->n = 1;
	}
	while (ix->points[ix->n - 1].at + CHECKPOINT <= bytes) {
		const struct cl_column_point *last = &ix->points[ix->n - 1];
		size_t next = last->at + CHECKPOINT, cells;

		/* A checkpoint never splits a character (BOL + BYTES starts
		 * one, so this stops there at the latest). */
		while (next < bytes && is_cont(bol[next]))
			next++;
		cells = cl_display_advance(bol + last->at, next - last->at,
		                           last->cells);
		CL_GROW(ix->points, ix->n + 1, ix->alloc);
		ix->points[ix->n].at = next;
		ix->points[ix->n].cells = cells;
		ix->n++;
	}
	for (k = bytes / CHECKPOINT; k >= ix->n || ix->points[k].at > bytes;)
		k--;
	return (unsigned)cl_display_advance(bol + ix->points[k].at,
	                                    bytes - ix->points[k].at,
	                                    ix->points[k].cells) +
	       1;
}

/* The offset of the start of the line holding offset AT of BUF: a lone
 * '\r' ends a line too, as for cl_offset_position. */
static size_t
line_start(const char *buf, size_t len, size_t at)
{
	while (at > 0) {
		char c = buf[at - 1];

		if (c == '\n' || (c == '\r' && (at >= len || buf[at] != '\n')))
			break;
		at--;
	}
	return at;
}

/* The column of the position at OFFSET of R's source, whose byte and
 * character columns are BYTE_COL and CHAR_COL. */
static unsigned
column_at(struct cl_output *out, const struct cl_result *r, uint32_t offset,
          unsigned byte_col, unsigned char_col)
{
	size_t at = offset > r->len ? r->len : offset;

	if (out->column_unit == CL_COLUMN_BYTE)
		return byte_col;
	if (out->column_unit != CL_COLUMN_DISPLAY)
		return char_col;
	if (byte_col == 0 || byte_col - 1 > at)
		BUG("byte column %u past offset %zu", byte_col, at);
	return display_column(&out->column_index, r->buf + at - (byte_col - 1),
	                      byte_col - 1);
}

unsigned
cl_output_column(struct cl_output *out, const struct cl_result *r,
                 const cl_diag *d)
{
	return column_at(out, r, d->span.start, d->pos.byte_column,
	                 d->pos.column);
}

unsigned
cl_output_end_column(struct cl_output *out, const struct cl_result *r,
                     const cl_diag *d)
{
	size_t start = d->span.start > r->len ? r->len : d->span.start;
	size_t end = d->span.end > r->len ? r->len : d->span.end;
	size_t bol;

	if (out->column_unit == CL_COLUMN_CHAR)
		return d->pos.end_column;
	if (d->pos.end_line == d->pos.line && end >= start)
		bol = start - (d->pos.byte_column - 1);
	else
		bol = line_start(r->buf, r->len, end);
	if (out->column_unit == CL_COLUMN_BYTE)
		return (unsigned)(end - bol) + 1;
	return display_column(&out->column_index, r->buf + bol, end - bol);
}

unsigned
cl_output_related_column(struct cl_output *out, const struct cl_result *r,
                         const cl_diag *d, size_t i)
{
	const struct cl_related_loc *rel;

	if (i >= d->nrelated)
		BUG("related location %zu missing", i);
	rel = &d->related[i];
	if (rel->file) {
		/* In another file, whose source is gone: every unit was
		 * counted when the location was reported. */
		if (out->column_unit == CL_COLUMN_BYTE)
			return rel->pos.byte_column;
		if (out->column_unit == CL_COLUMN_DISPLAY)
			return rel->display_column;
		return rel->pos.column;
	}
	return column_at(out, r, rel->span.start, rel->pos.byte_column,
	                 rel->pos.column);
}
