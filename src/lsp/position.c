/*
 * Protocol positions: a line and a character offset in the client's
 * encoding (UTF-16 code units by default, bytes when UTF-8 was agreed),
 * to and from byte offsets of the document. LSP 3.17 ends lines at "\n",
 * "\r\n" and a lone "\r"; a position past an end is clamped, never
 * trusted.
 */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"
#include "util.h"

static void
build_lines(struct cl_lsp_doc *d)
{
	size_t i, n = 1, alloc = 0;
	uint32_t *starts = NULL;

	CL_GROW(starts, 1, alloc);
	starts[0] = 0;
	for (i = 0; i < d->len; i++) {
		char c = d->text[i];

		if (c == '\n' || (c == '\r' && d->text[i + 1] != '\n')) {
			CL_GROW(starts, n + 1, alloc);
			starts[n++] = (uint32_t)(i + 1);
		}
	}
	d->lines = starts;
	d->nlines = n;
}

static void
need_lines(struct cl_lsp_doc *d)
{
	if (!d->lines)
		build_lines(d);
}

/* Where line K's text ends, before its line break. */
static size_t
line_end(const struct cl_lsp_doc *d, size_t k)
{
	size_t e;

	if (k + 1 >= d->nlines)
		return d->len;
	e = d->lines[k + 1] - 1; /* the '\n' or the lone '\r' */
	if (d->text[e] == '\n' && e > d->lines[k] && d->text[e - 1] == '\r')
		e--;
	return e;
}

/* The length of the UTF-8 sequence at P (before END) and whether it is
 * outside the BMP; 1 for a byte that starts no valid sequence. */
static size_t
seq_len(const unsigned char *p, const unsigned char *end, int *astral)
{
	size_t n, i;

	*astral = 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 1;
	if ((size_t)(end - p) < n)
		return 1;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 1;
	/* overlong, surrogate and out-of-range forms */
	if ((n == 3 && p[0] == 0xe0 && p[1] < 0xa0) ||
	    (n == 3 && p[0] == 0xed && p[1] >= 0xa0) ||
	    (n == 4 && p[0] == 0xf0 && p[1] < 0x90) ||
	    (n == 4 && p[0] == 0xf4 && p[1] >= 0x90))
		return 1;
	*astral = n == 4;
	return n;
}

/* The units of the sequence of N bytes in encoding ENC. */
static size_t
units(enum cl_lsp_encoding enc, size_t n, int astral)
{
	if (enc == CL_LSP_UTF8)
		return n;
	return astral ? 2 : 1;
}

size_t
cl_lsp_offset(struct cl_lsp_doc *d, int64_t line, int64_t character)
{
	const unsigned char *p, *end;
	size_t k, count = 0;

	need_lines(d);
	if (line < 0)
		return 0;
	if ((uint64_t)line >= d->nlines)
		return d->len;
	k = (size_t)line;
	p = (const unsigned char *)d->text + d->lines[k];
	end = (const unsigned char *)d->text + line_end(d, k);
	if (character <= 0)
		return d->lines[k];
	while (p < end) {
		int astral;
		size_t n = seq_len(p, end, &astral);
		size_t u = units(d->enc, n, astral);

		if (count + u > (uint64_t)character)
			break;
		count += u;
		p += n;
	}
	return (size_t)(p - (const unsigned char *)d->text);
}

void
cl_lsp_position(struct cl_lsp_doc *d, size_t offset, unsigned *line,
                unsigned *character)
{
	const unsigned char *p, *stop;
	size_t lo = 0, hi, count = 0;

	need_lines(d);
	if (offset > d->len)
		offset = d->len;
	/* the last line starting at or before OFFSET */
	hi = d->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	p = (const unsigned char *)d->text + d->lines[lo];
	stop = (const unsigned char *)d->text + offset;
	while (p < stop) {
		int astral;
		size_t n = seq_len(p, (const unsigned char *)d->text + d->len,
		                   &astral);

		if (p + n > stop)
			break;
		count += units(d->enc, n, astral);
		p += n;
	}
	*line = (unsigned)lo;
	*character = (unsigned)count;
}

json_object *
cl_lsp_position_json(struct cl_lsp_doc *d, size_t offset)
{
	json_object *o = json_object_new_object();
	unsigned line, ch;

	cl_lsp_position(d, offset, &line, &ch);
	cl_lsp_add_int(o, "line", line);
	cl_lsp_add_int(o, "character", ch);
	return o;
}

json_object *
cl_lsp_range_json(struct cl_lsp_doc *d, size_t start, size_t end)
{
	json_object *o = json_object_new_object();

	if (end < start)
		end = start;
	json_object_object_add(o, "start", cl_lsp_position_json(d, start));
	json_object_object_add(o, "end", cl_lsp_position_json(d, end));
	return o;
}

json_object *
cl_lsp_location_json(struct cl_lsp_doc *d, size_t start, size_t end)
{
	json_object *o = json_object_new_object();

	cl_lsp_add_string(o, "uri", d->uri);
	json_object_object_add(o, "range", cl_lsp_range_json(d, start, end));
	return o;
}

/* A JSON number that is an integer (json-c also gives doubles as int). */
static int
get_int(json_object *o, const char *key, int64_t *out)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_int))
		return -1;
	*out = json_object_get_int64(v);
	return 0;
}

int
cl_lsp_json_offset(struct cl_lsp_doc *d, json_object *pos, size_t *offset)
{
	int64_t line, ch;

	if (!pos || !json_object_is_type(pos, json_type_object) ||
	    get_int(pos, "line", &line) || get_int(pos, "character", &ch))
		return -1;
	*offset = cl_lsp_offset(d, line, ch);
	return 0;
}

int
cl_lsp_json_range(struct cl_lsp_doc *d, json_object *range, size_t *start,
                  size_t *end)
{
	if (!range || !json_object_is_type(range, json_type_object) ||
	    cl_lsp_json_offset(d, cl_lsp_get(range, "start", json_type_object),
	                       start) ||
	    cl_lsp_json_offset(d, cl_lsp_get(range, "end", json_type_object),
	                       end))
		return -1;
	if (*end < *start) {
		size_t t = *start;

		*start = *end;
		*end = t;
	}
	return 0;
}
