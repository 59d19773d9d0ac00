/*
 * The tolerant scanner (xmlscan.h). It reads markup the way an author
 * means it while typing: an unterminated quote ends at the next '<' (a
 * '<' cannot stand in an attribute value), a start tag cut short by a
 * '<' still opens its element, and an end tag closes the innermost open
 * element of its name, so that one stray end tag does not empty the
 * stack.
 */
#include "xmlscan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NPOS SIZE_MAX

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* XML name characters, loosely: any non-ASCII byte may be part of one. */
static bool
is_name_char(char ch)
{
	unsigned char c = (unsigned char)ch;

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	       c == ':' || c >= 0x80;
}

static bool
starts(const char *t, size_t len, size_t at, const char *pat)
{
	size_t n = strlen(pat);

	return at <= len && len - at >= n && !memcmp(t + at, pat, n);
}

/* The offset of PAT in T[FROM, LEN), or NPOS. */
static size_t
find(const char *t, size_t len, size_t from, const char *pat)
{
	size_t n = strlen(pat), i;

	if (from > len || len - from < n)
		return NPOS;
	for (i = from; i + n <= len; i++)
		if (t[i] == pat[0] && !memcmp(t + i, pat, n))
			return i;
	return NPOS;
}

enum cl_name
cl_lsp_name_id(const char *s, size_t len)
{
	int i;

	for (i = 1; i < CL_N_COUNT; i++) {
		const char *n = cl_name_str((enum cl_name)i);

		if (strlen(n) == len && !memcmp(n, s, len))
			return (enum cl_name)i;
	}
	return CL_N_OTHER;
}

/* ---- attributes ---- */

enum tag_end {
	T_ATTR,   /* an attribute was read */
	T_GT,     /* '>' at *K */
	T_SELF,   /* "/>" at *K */
	T_BROKEN, /* a '<' at *K: the tag was cut short */
	T_EOF
};

struct attr_tok {
	size_t as, ae; /* the name */
	size_t q;      /* the opening quote, or NPOS */
	size_t vs, ve; /* the value; VE is the closing quote when closed */
};

/* Reads the next attribute of a start tag from *K (past it on return). */
static enum tag_end
next_attr(const char *t, size_t len, size_t *k, struct attr_tok *a)
{
	size_t p = *k, j;

	for (;;) {
		while (p < len && is_blank(t[p]))
			p++;
		*k = p;
		if (p >= len)
			return T_EOF;
		if (t[p] == '>')
			return T_GT;
		if (t[p] == '/' && p + 1 < len && t[p + 1] == '>')
			return T_SELF;
		if (t[p] == '<')
			return T_BROKEN;
		if (is_name_char(t[p]))
			break;
		p++; /* a stray byte: part of no attribute */
	}
	a->as = p;
	while (p < len && is_name_char(t[p]))
		p++;
	a->ae = p;
	a->q = a->vs = a->ve = NPOS;
	for (j = p; j < len && is_blank(t[j]); j++)
		;
	if (j < len && t[j] == '=') {
		for (j++; j < len && is_blank(t[j]); j++)
			;
		if (j < len && (t[j] == '"' || t[j] == '\'')) {
			char q = t[j];

			a->q = j;
			a->vs = j + 1;
			for (j++; j < len && t[j] != q && t[j] != '<'; j++)
				;
			a->ve = j;
			p = j < len && t[j] == q ? j + 1 : j;
		} else {
			/* an unquoted value: up to a blank or the tag's end */
			while (j < len && !is_blank(t[j]) && t[j] != '>' &&
			       t[j] != '<' && t[j] != '/')
				j++;
			p = j;
		}
	}
	*k = p;
	return T_ATTR;
}

bool
cl_xmlscan_attr(const char *text, size_t len, size_t tag_start,
                const char *name, struct cl_xs_span *value)
{
	size_t k = tag_start + 1, n = strlen(name);
	struct attr_tok a;

	if (tag_start >= len || text[tag_start] != '<')
		return false;
	while (k < len && is_name_char(text[k]))
		k++;
	while (next_attr(text, len, &k, &a) == T_ATTR)
		if (a.ae - a.as == n && !memcmp(text + a.as, name, n) &&
		    a.q != NPOS) {
			value->start = a.vs;
			value->end = a.ve;
			return true;
		}
	return false;
}

/* ---- the walk ---- */

struct walk {
	const char *t;
	size_t len;
	size_t cur; /* the cursor, or NPOS to walk everything */
	struct cl_xmlscan *sc;
	void (*fn)(const struct cl_xmlscan *sc, void *arg);
	void *arg;
};

static void
at_cursor(struct walk *w, enum cl_xs_where where, size_t ws, size_t we)
{
	w->sc->where = where;
	w->sc->word.start = ws;
	w->sc->word.end = we;
}

static void
push(struct cl_xmlscan *sc, const struct cl_xs_elem *e)
{
	if (sc->depth < CL_XS_MAX_DEPTH)
		sc->open[sc->depth] = *e;
	sc->depth++;
}

/* Closes the innermost open element named NAME (none: nothing). */
static void
pop(struct walk *w, struct cl_xs_span name)
{
	struct cl_xmlscan *sc = w->sc;
	size_t n = name.end - name.start, k;

	if (sc->depth > CL_XS_MAX_DEPTH) {
		sc->depth--;
		return;
	}
	for (k = sc->depth; k-- > 0;) {
		struct cl_xs_span o = sc->open[k].name;

		if (o.end - o.start == n &&
		    !memcmp(w->t + o.start, w->t + name.start, n)) {
			sc->depth = k;
			return;
		}
	}
}

static void
add_attr(struct cl_xmlscan *sc, size_t as, size_t ae)
{
	if (sc->nattrs < CL_XS_MAX_ATTRS) {
		sc->attrs[sc->nattrs].start = as;
		sc->attrs[sc->nattrs].end = ae;
		sc->nattrs++;
	}
}

/* The end of the cursor's line at or after FROM, before END. */
static size_t
line_end(const char *t, size_t from, size_t end)
{
	while (from < end && t[from] != '\n' && t[from] != '\r')
		from++;
	return from;
}

/*
 * The attributes of the start tag whose name ends at K; *K ends past the
 * tag. True when the cursor is in the tag (then the state is set, and the
 * tag's attributes after the cursor are read too).
 */
static bool
start_tag_attrs(struct walk *w, size_t *k, bool *open)
{
	const char *t = w->t;
	struct cl_xmlscan *sc = w->sc;
	size_t cur = w->cur, before;
	bool found = false;
	struct attr_tok a;
	enum tag_end e;

	sc->nattrs = 0;
	for (;;) {
		before = *k;
		e = next_attr(t, w->len, k, &a);
		if (e != T_ATTR)
			break;
		if (!found && cur >= before && cur < a.as) {
			at_cursor(w, CL_XS_ATTRS, cur, cur);
			found = true;
		} else if (!found && cur >= a.as && cur <= a.ae) {
			at_cursor(w, CL_XS_ATTRS, a.as, a.ae);
			found = true;
			continue; /* the name being typed is not "present" */
		} else if (!found && a.q != NPOS && cur > a.q && cur <= a.ve) {
			size_t end = line_end(t, cur, a.ve);

			sc->where = CL_XS_ATTR_VALUE;
			sc->attr.start = a.as;
			sc->attr.end = a.ae;
			sc->attr_id = cl_lsp_name_id(t + a.as, a.ae - a.as);
			sc->value.start = a.vs;
			sc->value.end = end;
			sc->word = sc->value;
			found = true;
		} else if (!found && cur > a.ae && cur < *k) {
			at_cursor(w, CL_XS_OTHER, cur, cur);
			found = true;
		}
		add_attr(sc, a.as, a.ae);
	}
	if (!found && cur >= before && (e == T_BROKEN ? cur < *k : cur <= *k)) {
		at_cursor(w, CL_XS_ATTRS, cur, cur);
		found = true;
	}
	*open = e != T_SELF;
	if (e == T_GT)
		*k += 1;
	else if (e == T_SELF)
		*k += 2;
	return found;
}

/* Markup from TEXT_START to the end of TERM: true when the cursor is inside,
 * with the state WHERE (text from TEXT_START) set; *NEXT past it. */
static bool
skip_section(struct walk *w, size_t text_start, const char *term,
             enum cl_xs_where where, size_t *next)
{
	size_t q = find(w->t, w->len, text_start, term), n = strlen(term);
	size_t end = q == NPOS ? w->len : q + n;

	*next = end;
	if (w->cur == NPOS || w->cur > end || (w->cur == end && q != NPOS))
		return false;
	if (w->cur < text_start || (q != NPOS && w->cur > q)) {
		at_cursor(w, CL_XS_OTHER, w->cur, w->cur);
	} else {
		at_cursor(w, where, w->cur, w->cur);
		w->sc->text.start = text_start;
		w->sc->text.end = q == NPOS ? w->len : q;
	}
	return true;
}

static void
walk(struct walk *w)
{
	const char *t = w->t;
	size_t len = w->len, cur = w->cur, i = 0, lt, p, ns, ne, k;
	struct cl_xmlscan *sc = w->sc;
	const char *hit;

	while (i < len) {
		hit = memchr(t + i, '<', len - i);
		lt = hit ? (size_t)(hit - t) : len;
		if (cur != NPOS && cur <= lt)
			break; /* in content */
		if (!hit)
			break;
		p = lt + 1;
		if (starts(t, len, p, "!--")) {
			if (skip_section(w, p + 3, "-->", CL_XS_COMMENT, &i))
				return;
			continue;
		}
		if (starts(t, len, p, "![CDATA[")) {
			if (skip_section(w, p + 8, "]]>", CL_XS_CDATA, &i))
				return;
			continue;
		}
		if (starts(t, len, p, "?")) {
			if (skip_section(w, p + 1, "?>", CL_XS_OTHER, &i))
				return;
			continue;
		}
		if (starts(t, len, p, "!")) {
			if (skip_section(w, p + 1, ">", CL_XS_OTHER, &i))
				return;
			continue;
		}
		if (starts(t, len, p, "/")) {
			struct cl_xs_span name;

			for (ne = p + 1; ne < len && is_name_char(t[ne]); ne++)
				;
			name.start = p + 1;
			name.end = ne;
			for (k = ne; k < len && t[k] != '>' && t[k] != '<'; k++)
				;
			if (cur != NPOS && cur <= k) {
				sc->tag.name = name;
				sc->tag.id =
				    cl_lsp_name_id(t + p + 1, ne - p - 1);
				sc->tag.tag_start = lt;
				if (cur <= ne)
					at_cursor(w, CL_XS_END_TAG, p + 1, ne);
				else
					at_cursor(w, CL_XS_OTHER, cur, cur);
				return;
			}
			pop(w, name);
			i = k < len && t[k] == '>' ? k + 1 : k;
			continue;
		}
		ns = p;
		for (ne = ns; ne < len && is_name_char(t[ne]); ne++)
			;
		if (ne == ns) {
			/* "<" alone, or before a blank: an element name is
			 * wanted right there, nowhere else */
			if (cur == p) {
				sc->tag.name.start = sc->tag.name.end = p;
				sc->tag.id = CL_N_OTHER;
				sc->tag.tag_start = lt;
				at_cursor(w, CL_XS_TAG_NAME, p, p);
				return;
			}
			i = p;
			continue;
		}
		sc->tag.name.start = ns;
		sc->tag.name.end = ne;
		sc->tag.id = cl_lsp_name_id(t + ns, ne - ns);
		sc->tag.tag_start = lt;
		if (cur != NPOS && cur <= ne) {
			sc->nattrs = 0;
			at_cursor(w, CL_XS_TAG_NAME, ns, ne);
			return;
		}
		k = ne;
		{
			bool open;
			struct cl_xs_elem e = sc->tag;

			if (start_tag_attrs(w, &k, &open))
				return;
			if (w->fn)
				w->fn(sc, w->arg);
			if (open)
				push(sc, &e);
		}
		i = k;
	}
	if (cur != NPOS)
		at_cursor(w, CL_XS_CONTENT, cur, cur);
}

void
cl_xmlscan(const char *text, size_t len, size_t offset, struct cl_xmlscan *sc)
{
	struct walk w;

	memset(sc, 0, sizeof(*sc));
	w.t = text;
	w.len = len;
	w.cur = offset > len ? len : offset;
	w.sc = sc;
	w.fn = NULL;
	w.arg = NULL;
	walk(&w);
}

void
cl_xmlscan_tags(const char *text, size_t len,
                void (*fn)(const struct cl_xmlscan *sc, void *arg), void *arg)
{
	struct walk w;
	/* too big for every stack: 256 open elements */
	struct cl_xmlscan *sc = cl_calloc(1, sizeof(*sc));

	w.t = text;
	w.len = len;
	w.cur = NPOS;
	w.fn = fn;
	w.arg = arg;
	w.sc = sc;
	walk(&w);
	free(sc);
}
