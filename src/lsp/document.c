/*
 * Open documents: the client's text, edited in place by incremental
 * changes, and the file: URIs that name them.
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "lsp.h"
#include "result.h"
#include "util.h"

struct cl_lsp_doc *
cl_lsp_doc_new(const char *uri, const char *text, size_t len, long version,
               enum cl_lsp_encoding enc)
{
	struct cl_lsp_doc *d = cl_calloc(1, sizeof(*d));

	d->uri = cl_strdup(uri);
	d->path = cl_lsp_uri_to_path(uri);
	if (!d->path)
		d->path = cl_strdup(uri);
	d->text = cl_malloc(len + 1);
	memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
	d->version = version;
	d->enc = enc;
	d->dirty = true;
	d->published_version = -1;
	return d;
}

void
cl_lsp_doc_free(struct cl_lsp_doc *d)
{
	if (!d)
		return;
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d->lines);
	cl_lsp_analysis_free(d->analysis);
	cl_result_free(d->result);
	free(d);
}

void
cl_lsp_doc_replace(struct cl_lsp_doc *d, size_t start, size_t end,
                   const char *text, size_t len)
{
	size_t tail;
	char *t;

	if (start > end || end > d->len)
		BUG("edit [%zu, %zu) outside a text of %zu bytes", start, end,
		    d->len);
	tail = d->len - end;
	t = cl_malloc(start + len + tail + 1);
	memcpy(t, d->text, start);
	memcpy(t + start, text, len);
	memcpy(t + start + len, d->text + end, tail);
	t[start + len + tail] = '\0';
	free(d->text);
	d->text = t;
	d->len = start + len + tail;
	free(d->lines);
	d->lines = NULL;
	d->nlines = 0;
	cl_lsp_analysis_free(d->analysis);
	d->analysis = NULL;
	d->dirty = true;
}

static int
hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
cl_lsp_uri_to_path(const char *uri)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *p;

	if (strncmp(uri, "file://", 7))
		return NULL;
	p = uri + 7;
	/* file://localhost/x is file:///x; another host is not ours */
	if (!strncmp(p, "localhost/", 10))
		p += 9;
	if (*p != '/')
		return NULL;
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%') {
			int hi = hex((unsigned char)p[1]), lo;

			if (hi < 0 || (lo = hex((unsigned char)p[2])) < 0 ||
			    (hi == 0 && lo == 0)) {
				cl_strbuf_release(&sb);
				return NULL;
			}
			cl_strbuf_addch(&sb, (char)(hi * 16 + lo));
			p += 2;
		} else {
			cl_strbuf_addch(&sb, *p);
		}
	}
	return cl_strbuf_detach(&sb);
}

char *
cl_lsp_path_to_uri(const char *path)
{
	static const char digits[] = "0123456789ABCDEF";
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const unsigned char *p;

	cl_strbuf_adds(&sb, "file://");
	for (p = (const unsigned char *)path; *p; p++) {
		/* RFC 3986 unreserved characters and the path's slashes */
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			cl_strbuf_addch(&sb, (char)*p);
		} else {
			cl_strbuf_addch(&sb, '%');
			cl_strbuf_addch(&sb, digits[*p >> 4]);
			cl_strbuf_addch(&sb, digits[*p & 15]);
		}
	}
	return cl_strbuf_detach(&sb);
}

const struct cl_registry *
cl_lsp_doc_registry(const struct cl_lsp_doc *d)
{
	return d->result && d->result->reg ? d->result->reg
	                                   : cl_registry_builtin();
}
