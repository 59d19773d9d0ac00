/*
 * The result and diagnostic accessors of connlint.h, with the line index
 * and the masked source that cl_result_line builds on first use.
 */
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "result.h"

#include "catalogue.h"
#include "registries.h"

/* ---- results ---- */

void
cl_result_free(cl_result *r)
{
	if (!r)
		return;
	/* Before the sink, which knows how many there are. */
	if (r->fingerprints)
		for (size_t i = 0; i < r->sink.n; i++)
			free(r->fingerprints[i]);
	free(r->fingerprints);
	cl_diag_sink_release(&r->sink);
	free(r->name);
	free(r->buf);
	free(r->line_starts);
	free(r->shown);
	cl_strbuf_release(&r->line_buf);
	cl_registry_unref(r->reg);
	free(r);
}

const char *
cl_result_file(const cl_result *r)
{
	return r->name;
}
size_t
cl_result_count(const cl_result *r)
{
	return r->sink.n;
}

const cl_diag *
cl_result_diag(const cl_result *r, size_t i)
{
	return i < r->sink.n ? &r->sink.items[i] : NULL;
}

size_t
cl_result_count_severity(const cl_result *r, enum cl_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < r->sink.n; i++)
		n += r->sink.items[i].severity == sev;
	return n + r->sink.dropped[sev];
}

size_t
cl_result_dropped(const cl_result *r)
{
	return r->sink.dropped[CL_SEV_INFO] + r->sink.dropped[CL_SEV_WARNING] +
	       r->sink.dropped[CL_SEV_ERROR];
}

static void
build_line_index(cl_result *r)
{
	size_t i, alloc = 0;

	bool cr = cl_has_lone_cr(r->buf, r->len);

	CL_GROW(r->line_starts, 1, alloc);
	r->line_starts[r->nlines++] = 0;
	/* A lone '\r' ends a line too (XML 1.0 section 2.11), as in
	 * cl_offset_position. */
	for (i = 0; i < r->len; i++) {
		if (r->buf[i] == '\n' ||
		    (cr && r->buf[i] == '\r' &&
		     (i + 1 >= r->len || r->buf[i + 1] != '\n'))) {
			CL_GROW(r->line_starts, r->nlines + 1, alloc);
			r->line_starts[r->nlines++] = (uint32_t)(i + 1);
		}
	}
}

/*
 * The source as outputs may show it: every secret span past its first
 * characters turned into '*', byte for byte, so that columns and byte
 * offsets still line up (line breaks inside a secret are kept).
 */
static void
mask_source(cl_result *r)
{
	size_t k, i;

	/* The raw pass, unless the file's diagnostics had it run already:
	 * every secret is masked, whatever the parser and the model made of
	 * the file. */
	cl_diag_sink_scan_secrets(&r->sink, r->buf, r->len);
	r->shown = cl_malloc(r->len + 1);
	memcpy(r->shown, r->buf, r->len + 1);
	for (k = 0; k < r->sink.nsecrets; k++) {
		struct cl_span sp = r->sink.secrets[k];

		if (sp.end > r->len || sp.start >= sp.end)
			continue;
		for (i = sp.start +
		         cl_mask_keep(r->buf + sp.start, sp.end - sp.start);
		     i < sp.end; i++)
			if (r->shown[i] != '\n' && r->shown[i] != '\r')
				r->shown[i] = '*';
	}
}

/*
 * 1 when R's bytes are not text that could be a connector: a NUL byte
 * (binary, /proc/self/environ, UTF-16), or something other than '<' first
 * after a byte order mark and white space (/etc/passwd). Such a file may
 * be another file's content reached by mistake or malice, so no output
 * quotes a line of it.
 */
static bool
source_is_opaque(const cl_result *r)
{
	size_t i = 0;

	if (memchr(r->buf, '\0', r->len))
		return true;
	if (r->len >= 3 && !memcmp(r->buf, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < r->len && (r->buf[i] == ' ' || r->buf[i] == '\t' ||
	                      r->buf[i] == '\r' || r->buf[i] == '\n'))
		i++;
	return i < r->len && r->buf[i] != '<';
}

const char *
cl_result_shown(const cl_result *cr)
{
	cl_result *r = (cl_result *)cr; /* the masked copy is a cache */

	if (!r->shown) {
		mask_source(r);
		r->opaque = source_is_opaque(r);
	}
	return r->opaque ? NULL : r->shown;
}

const char *
cl_result_line(const cl_result *cr, unsigned line, size_t *len)
{
	cl_result *r =
	    (cl_result *)cr; /* the index and line buffer are caches */
	size_t start, end;

	if (!r->line_starts)
		build_line_index(r);
	if (line == 0 || line > r->nlines || !cl_result_shown(r))
		return NULL;
	if (line != r->line_buf_line) {
		start = r->line_starts[line - 1];
		end = line < r->nlines ? r->line_starts[line] - 1 : r->len;
		if (end > start && r->buf[end - 1] == '\r')
			end--;
		cl_strbuf_reset(&r->line_buf);
		cl_strbuf_add(&r->line_buf, r->shown + start, end - start);
		r->line_buf_line = line;
	}
	*len = r->line_buf.len;
	return cl_strbuf_str(&r->line_buf);
}

/* ---- diagnostics ---- */

const cl_rule *
cl_diag_rule(const cl_diag *d)
{
	return d->rule;
}
enum cl_severity
cl_diag_severity(const cl_diag *d)
{
	return d->severity;
}
const char *
cl_diag_message(const cl_diag *d)
{
	return d->message;
}
unsigned
cl_diag_line(const cl_diag *d)
{
	return d->pos.line;
}
unsigned
cl_diag_column(const cl_diag *d)
{
	return d->pos.column;
}
unsigned
cl_diag_end_line(const cl_diag *d)
{
	return d->pos.end_line;
}
unsigned
cl_diag_end_column(const cl_diag *d)
{
	return d->pos.end_column;
}
unsigned
cl_diag_byte_column(const cl_diag *d)
{
	return d->pos.byte_column;
}
size_t
cl_diag_related_count(const cl_diag *d)
{
	return d->nrelated;
}

const char *
cl_diag_related(const cl_diag *d, size_t i, unsigned *line, unsigned *column,
                unsigned *end_line, unsigned *end_column)
{
	const struct cl_related_loc *r;

	if (i >= d->nrelated)
		return NULL;
	r = &d->related[i];
	*line = r->pos.line;
	*column = r->pos.column;
	*end_line = r->pos.end_line;
	*end_column = r->pos.end_column;
	return r->message;
}

unsigned
cl_diag_related_byte_column(const cl_diag *d, size_t i)
{
	return i < d->nrelated ? d->related[i].pos.byte_column : 0;
}

const char *
cl_diag_related_file(const cl_diag *d, size_t i)
{
	return i < d->nrelated ? d->related[i].file : NULL;
}

/* ---- fixes ---- */

int
cl_diag_has_fix(const cl_diag *d)
{
	return d->fix != NULL;
}

const char *
cl_diag_fix_title(const cl_diag *d)
{
	return d->fix ? d->fix->title : NULL;
}

enum cl_fix_applicability
cl_diag_fix_applicability(const cl_diag *d)
{
	/* Without a fix nothing is promised. */
	return d->fix ? d->fix->applicability : CL_FIX_UNSAFE;
}

size_t
cl_diag_fix_edit_count(const cl_diag *d)
{
	return d->fix ? d->fix->nedits : 0;
}

const char *
cl_diag_fix_edit(const cl_diag *d, size_t i, size_t *start, size_t *end)
{
	const struct cl_fix_edit *e;

	if (!d->fix || i >= d->fix->nedits)
		return NULL;
	e = &d->fix->edits[i];
	*start = e->span.start;
	*end = e->span.end;
	return e->text;
}
