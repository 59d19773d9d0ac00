/* The diagnostics sink; see diag.h. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "secretscan.h"
#include "text.h"
#include "util.h"

/*
 * Positions for many spans at once: walk the buffer one time, in offset
 * order, instead of from the start for every span.
 */
struct pos_req {
	uint32_t offset;
	unsigned *line, *column, *byte_column;
};

static int
cmp_req(const void *a, const void *b)
{
	const struct pos_req *x = a, *y = b;

	return (x->offset > y->offset) - (x->offset < y->offset);
}

static void
fill_positions(const char *buf, size_t len, struct pos_req *reqs, size_t n)
{
	const char *bol = buf, *p = buf;
	bool cr = cl_has_lone_cr(buf, len);
	unsigned line = 1, col = 1;
	size_t i;

	/* In offset order, counting only what lies between one request and
	 * the next: linear in the input even for many diagnostics on one
	 * long line. */
	qsort(reqs, n, sizeof(*reqs), cmp_req);
	for (i = 0; i < n; i++) {
		const char *target =
		    buf + (reqs[i].offset > len ? len : reqs[i].offset);
		const char *nl;

		while (p < target &&
		       (nl = cl_next_line(p, target, buf + len, cr))) {
			line++;
			col = 1;
			p = bol = nl;
		}
		col += (unsigned)cl_utf8_count(p, (size_t)(target - p));
		p = target;
		*reqs[i].line = line;
		*reqs[i].column = col;
		if (reqs[i].byte_column)
			*reqs[i].byte_column = (unsigned)(target - bol) + 1;
	}
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct cl_diag *x = a, *y = b;
	int c;

	if (x->span.start != y->span.start)
		return x->span.start < y->span.start ? -1 : 1;
	c = strcmp(x->rule->id, y->rule->id);
	if (c)
		return c;
	if (x->span.end != y->span.end)
		return x->span.end < y->span.end ? -1 : 1;
	return strcmp(x->message, y->message);
}

/*
 * Messages are masked once more when the file is done, against the
 * secrets found in it: a value that is a secret only by where it stands
 * (the default of a `password` variable) does not look like one, and a
 * rule quoting it elsewhere would print it. Secrets under
 * KNOWN_SECRET_MIN bytes are not looked for: they would match ordinary
 * words.
 */
#define KNOWN_SECRET_MIN 8
/* Secrets sharing their first KNOWN_SECRET_MIN bytes tried at one place
 * of a message: a bound on the work a hostile file can cause. */
#define KNOWN_SECRET_TRIES 16

struct known_secret {
	const char *s;
	size_t n;
};

static uint64_t
head8(const char *s)
{
	uint64_t h = 0;
	int i;

	for (i = 0; i < KNOWN_SECRET_MIN; i++)
		h = h << 8 | (unsigned char)s[i];
	return h;
}

static int
cmp_known(const void *a, const void *b)
{
	const struct known_secret *x = a, *y = b;
	uint64_t hx = head8(x->s), hy = head8(y->s);

	if (hx != hy)
		return hx < hy ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1; /* longest first */
	return memcmp(x->s, y->s, x->n);     /* the same text side by side */
}

/* M with every occurrence of one of the NK secrets K masked (malloc'd),
 * or NULL when it holds none. */
static char *
mask_known(const char *m, const struct known_secret *k, size_t nk)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t len = strlen(m), i = 0, last = 0;

	while (i + KNOWN_SECRET_MIN <= len) {
		uint64_t h = head8(m + i);
		size_t lo = 0, hi = nk, j, tries = 0, found = 0;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (head8(k[mid].s) < h)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (j = lo; j < nk && tries++ < KNOWN_SECRET_TRIES &&
		             head8(k[j].s) == h;
		     j++)
			if (k[j].n <= len - i &&
			    !memcmp(m + i, k[j].s, k[j].n)) {
				found = k[j].n;
				break;
			}
		if (!found) {
			i++;
			continue;
		}
		cl_strbuf_add(&sb, m + last, i - last);
		cl_strbuf_add(&sb, m + i, cl_mask_keep(m + i, found));
		cl_strbuf_adds(&sb, "\xE2\x80\xA6");
		i += found;
		last = i;
	}
	if (!last)
		return NULL;
	cl_strbuf_add(&sb, m + last, len - last);
	return cl_strbuf_detach(&sb);
}

static void
mask_known_message(char **m, const struct known_secret *k, size_t nk)
{
	char *masked = mask_known(*m, k, nk);

	if (masked) {
		free(*m);
		*m = masked;
	}
}

/*
 * Whether one of FIX's replacement texts holds one of the NK secrets K.
 * Outputs show a fix's edits, and masking them would make the fix write
 * the mask into the file: such a fix is dropped instead. No fix inserts a
 * secret on purpose; this keeps a rule's mistake from leaking one.
 */
static bool
fix_inserts_known(const struct cl_fix *fix, const struct known_secret *k,
                  size_t nk)
{
	size_t i;

	for (i = 0; i < fix->nedits; i++) {
		char *masked = mask_known(fix->edits[i].text, k, nk);

		if (masked) {
			free(masked);
			return true;
		}
	}
	return false;
}

/* Whether one of FIX's replacement texts looks like a secret by itself
 * (secretscan.h), as cl_report masks it in messages. */
static bool
fix_inserts_secret_shape(const struct cl_fix *fix)
{
	size_t i;

	for (i = 0; i < fix->nedits; i++) {
		const char *t = fix->edits[i].text;
		char *masked = cl_secret_mask_text(t, strlen(t));

		if (masked) {
			free(masked);
			return true;
		}
	}
	return false;
}

static void
mask_known_secrets(struct cl_diag_sink *sink, const char *buf, size_t len)
{
	struct known_secret *k;
	size_t i, j, nk = 0;

	k = cl_malloc((sink->nsecrets + 1) * sizeof(*k));
	for (i = 0; i < sink->nsecrets; i++) {
		struct cl_span sp = sink->secrets[i];

		if (sp.end <= len && sp.start + KNOWN_SECRET_MIN <= sp.end) {
			k[nk].s = buf + sp.start;
			k[nk++].n = sp.end - sp.start;
		}
	}
	if (nk) {
		qsort(k, nk, sizeof(*k), cmp_known);
		/* A secret found twice (by CL501 and by the raw pass) once. */
		for (i = j = 1; i < nk; i++)
			if (cmp_known(&k[i], &k[j - 1]))
				k[j++] = k[i];
		nk = j;
		for (i = 0; i < sink->n; i++) {
			struct cl_diag *d = &sink->items[i];

			mask_known_message(&d->message, k, nk);
			for (j = 0; j < d->nrelated; j++)
				mask_known_message(&d->related[j].message, k,
				                   nk);
			if (d->fix)
				mask_known_message(&d->fix->title, k, nk);
			if (d->fix && fix_inserts_known(d->fix, k, nk)) {
				cl_fix_free(d->fix);
				d->fix = NULL;
			}
		}
	}
	free(k);
}

void
cl_diag_sink_finish(struct cl_diag_sink *sink, const char *buf, size_t len)
{
	struct pos_req *reqs;
	size_t i, j, n = 0, nreq = 0;

	if (!sink->n)
		return;
	cl_diag_sink_scan_secrets(sink, buf, len);
	for (i = 0; i < sink->n; i++) {
		struct cl_diag *d = &sink->items[i];

		if (d->fix && fix_inserts_secret_shape(d->fix)) {
			cl_fix_free(d->fix);
			d->fix = NULL;
		}
	}
	mask_known_secrets(sink, buf, len);
	qsort(sink->items, sink->n, sizeof(*sink->items), cmp_diag);
	for (i = 0; i < sink->n; i++)
		n += 2 + 2 * sink->items[i].nrelated; /* at most */
	reqs = cl_malloc(n * sizeof(*reqs));
	for (i = 0; i < sink->n; i++) {
		struct cl_diag *d = &sink->items[i];
		struct pos_req s = { d->span.start, &d->pos.line,
			             &d->pos.column, &d->pos.byte_column };
		struct pos_req e = { d->span.end, &d->pos.end_line,
			             &d->pos.end_column, NULL };

		reqs[nreq++] = s;
		reqs[nreq++] = e;
		for (j = 0; j < d->nrelated; j++) {
			struct cl_related_loc *r = &d->related[j];
			struct pos_req rs = { r->span.start, &r->pos.line,
				              &r->pos.column,
				              &r->pos.byte_column };
			struct pos_req re = { r->span.end, &r->pos.end_line,
				              &r->pos.end_column, NULL };

			if (r->file)
				continue; /* another file's, filled already */
			reqs[nreq++] = rs;
			reqs[nreq++] = re;
		}
	}
	fill_positions(buf, len, reqs, nreq);
	free(reqs);
}

void
cl_diag_clear(struct cl_diag *d)
{
	size_t j;

	free(d->message);
	for (j = 0; j < d->nrelated; j++) {
		free(d->related[j].message);
		free(d->related[j].file);
	}
	free(d->related);
	cl_fix_free(d->fix);
	memset(d, 0, sizeof(*d));
}

void
cl_diag_sink_release(struct cl_diag_sink *sink)
{
	size_t i;

	for (i = 0; i < sink->n; i++)
		cl_diag_clear(&sink->items[i]);
	free(sink->items);
	free(sink->secrets);
	memset(sink, 0, sizeof(*sink));
}

void
cl_diag_sink_add_secret(struct cl_diag_sink *sink, struct cl_span span)
{
	CL_GROW(sink->secrets, sink->nsecrets + 1, sink->secrets_alloc);
	sink->secrets[sink->nsecrets++] = span;
}

void
cl_diag_sink_scan_secrets(struct cl_diag_sink *sink, const char *buf,
                          size_t len)
{
	struct cl_secret_hits h = CL_SECRET_HITS_INIT;
	size_t i;

	if (sink->raw_scanned)
		return;
	sink->raw_scanned = 1;
	cl_secret_scan_source(buf, len, &h);
	cl_secret_hits_merge(&h);
	for (i = 0; i < h.n; i++) {
		struct cl_span s = { (uint32_t)h.v[i].start,
			             (uint32_t)h.v[i].end };

		cl_diag_sink_add_secret(sink, s);
	}
	cl_secret_hits_release(&h);
}
