/*
 * SAX parsing into the generic element tree (see xml.h).
 *
 * Positions: libxml2 reports lines only, so every callback reads the
 * parser's byte offset in the input and maps it back into our own copy of
 * the source. A start tag ends where the parser stands when it calls
 * startElementNs; its '<' is the last one before that point, because '<'
 * cannot appear raw inside an attribute value. Attribute name and value
 * spans come from a small scan of that (already well-formed) start tag.
 */
#define _GNU_SOURCE /* memrchr */
#include "xml.h"

#include <pthread.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "util.h"

#define NAME_BITS 7
#define NAME_SLOTS (1u << NAME_BITS) /* well above CL_N_COUNT */
_Static_assert(CL_N_COUNT <= NAME_SLOTS / 2, "the name table stays sparse");
/* Attributes (namespace declarations included) one start tag may have. */
#define CL_XML_MAX_ATTRS 1000
#define CL_XML_MAX_ATTRS_TEXT "1,000" /* in messages */

struct builder {
	struct cl_arena *arena;
	/* libxml2 interns names in its dictionary: a name's pointer
	 * identifies it, so known names are found by pointer. */
	const xmlChar *name_ptr[NAME_SLOTS];
	unsigned char name_id[NAME_SLOTS];
	const char *buf;
	size_t len;
	xmlParserCtxtPtr ctxt;
	struct cl_node *root, *cur;
	struct cl_node **last_child; /* per depth: last child appended */
	struct cl_strbuf *text;      /* per depth: character data */
	size_t depth, depth_alloc, text_alloc, last_alloc;
	bool failed;
	int error_code; /* libxml2's, of the error that set failed */
	struct cl_xml_doc *doc;
	size_t comments_alloc;
	struct cl_xml_error *err;
};

static const char *const name_strs[CL_N_COUNT] = { "",
#define CL_NAME_STR(id, str) str,
	                                           CL_NAME_LIST(CL_NAME_STR)
#undef CL_NAME_STR
};

/* Their lengths, so that a known name is never measured with strlen. */
static const unsigned char name_lens[CL_N_COUNT] = { 0,
#define CL_NAME_LEN(id, str) sizeof(str) - 1,
	                                             CL_NAME_LIST(CL_NAME_LEN)
#undef CL_NAME_LEN
};

const char *
cl_name_str(enum cl_name name)
{
	return (unsigned)name < CL_N_COUNT ? name_strs[name] : "";
}

static unsigned
name_slot(const void *p)
{
	/* Fibonacci hashing: the dictionary packs its strings a few bytes
	 * apart, and the top bits of the product spread them best. */
	uint64_t v = (uint64_t)(uintptr_t)p * UINT64_C(0x9E3779B97F4A7C15);

	return (unsigned)(v >> (64 - NAME_BITS));
}

static void
names_init(struct builder *b)
{
	unsigned id;

	for (id = 1; id < CL_N_COUNT; id++) {
		const xmlChar *p = xmlDictLookup(
		    b->ctxt->dict, (const xmlChar *)name_strs[id], -1);
		unsigned slot;

		if (!p)
			continue; /* out of memory in libxml2: found by strcmp */
		for (slot = name_slot(p); b->name_ptr[slot];
		     slot = (slot + 1) & (NAME_SLOTS - 1))
			;
		b->name_ptr[slot] = p;
		b->name_id[slot] = (unsigned char)id;
	}
}

/* The interned id of a local name from libxml2, found by its pointer;
 * CL_N_OTHER when the pointer is not one of the known names'. */
static enum cl_name
name_by_pointer(const struct builder *b, const xmlChar *p)
{
	unsigned slot;

	for (slot = name_slot(p); b->name_ptr[slot];
	     slot = (slot + 1) & (NAME_SLOTS - 1))
		if (b->name_ptr[slot] == p)
			return (enum cl_name)b->name_id[slot];
	return CL_N_OTHER;
}

/* The same by spelling: for a name not from the dictionary after all. */
static enum cl_name
name_by_spelling(const xmlChar *p)
{
	unsigned id;

	for (id = 1; id < CL_N_COUNT; id++)
		if (!strcmp(name_strs[id], (const char *)p))
			return (enum cl_name)id;
	return CL_N_OTHER;
}

/* Refuses every external entity, DTD and XInclude: connlint reads only the
 * files it is given. */
static xmlParserInputPtr
refuse_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void
xml_init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity_loader);
}

void
cl_xml_init(void)
{
	pthread_once(&xml_once, xml_init_once);
}

/* The parser's current byte offset in the source. */
static inline size_t
parser_offset(const struct builder *b)
{
	xmlParserInputPtr in =
	    b->ctxt->inputNr > 0 ? b->ctxt->inputTab[0] : b->ctxt->input;
	size_t off;

	if (!in || !in->cur || !in->base)
		return b->len;
	off = (size_t)in->consumed + (size_t)(in->cur - in->base);
	return off > b->len ? b->len : off;
}

/* memrchr over growing windows: fast, and bounded by the tag's length
 * even under AddressSanitizer, whose memrchr checks the whole range it
 * is given (a single memrchr from the file start made each tag cost
 * O(file size) there). */
static size_t
last_lt_before(const struct builder *b, size_t pos)
{
	size_t w = 64;

	while (pos > 0) {
		size_t start = pos > w ? pos - w : 0;
		const char *lt = memrchr(b->buf + start, '<', pos - start);

		if (lt)
			return (size_t)(lt - b->buf);
		pos = start;
		w *= 2;
	}
	BUG("no '<' before a tag the parser accepted");
}

/* XML's blanks, by table: all_space runs over all the indentation. */
static const bool space_tab[256] = {
	[' '] = true,
	['\t'] = true,
	['\n'] = true,
	['\r'] = true,
};

static bool
is_space(char c)
{
	return space_tab[(unsigned char)c];
}

static struct cl_span
span_of(size_t start, size_t end)
{
	struct cl_span s = { (uint32_t)start, (uint32_t)end };

	return s;
}

/* 1 when the raw name [p, p + n) declares a namespace: libxml2 reports
 * those apart, never among the attributes. */
static bool
is_xmlns(const char *p, size_t n)
{
	return n >= 5 && !memcmp(p, "xmlns", 5) && (n == 5 || p[5] == ':');
}

/*
 * Fills name and value spans of ATTRS from the raw start tag [p, end):
 * name, optional blanks, '=', optional blanks, quoted value. libxml2
 * hands the attributes over in the order they are written (namespace
 * declarations left out, defaulted ones at the end), so each raw name is
 * first tried against the next attribute: linear in the tag, where
 * looking every name up among all of them was quadratic (200,000
 * attributes holding references took 52 s, issue 16).
 */
static void
scan_attr_spans(const struct builder *b, size_t p, size_t end,
                struct cl_attr *attrs, unsigned nattrs)
{
	const char *s = b->buf;
	unsigned next = 0;

	while (p < end) {
		size_t ns, ne, vs, ve;
		char q;
		unsigned i;

		while (p < end && is_space(s[p]))
			p++;
		if (p >= end || s[p] == '>' || s[p] == '/')
			return;
		ns = p;
		while (p < end && !is_space(s[p]) && s[p] != '=')
			p++;
		ne = p;
		while (p < end && s[p] != '"' && s[p] != '\'')
			p++;
		if (p >= end)
			return;
		q = s[p++];
		vs = p;
		while (p < end && s[p] != q)
			p++;
		ve = p++;
		if (is_xmlns(s + ns, ne - ns))
			continue;
		/* The expected one first; the others only if it is not. */
		for (i = next; i < next + nattrs; i++) {
			struct cl_attr *a = &attrs[i % nattrs];
			size_t n = strlen(a->name);

			if (n == ne - ns && !memcmp(a->name, s + ns, n)) {
				a->name_span = span_of(ns, ne);
				a->value_span = span_of(vs, ve);
				next = i % nattrs + 1;
				break;
			}
		}
	}
}

/* memcmp (A, B, N) == 0 for the short names of attributes, without the
 * call. */
static bool
same_bytes(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/*
 * When libxml2 did not have to decode an attribute value, it hands us a
 * pointer into its input buffer: the value's span is then known at once,
 * and the name sits just before `="`. Returns false when the spans must be
 * found by scanning the start tag instead.
 */
static bool
attr_spans_in_place(const struct builder *b, const xmlChar **a,
                    struct cl_attr *attr, size_t nlen)
{
	xmlParserInputPtr in =
	    b->ctxt->inputNr > 0 ? b->ctxt->inputTab[0] : b->ctxt->input;
	size_t vs, ve, p;

	if (!in || !in->base || a[3] < in->base || a[4] > in->end ||
	    a[4] < a[3])
		return false;
	vs = (size_t)in->consumed + (size_t)(a[3] - in->base);
	ve = vs + (size_t)(a[4] - a[3]);
	if (vs == 0 || ve >= b->len ||
	    (b->buf[vs - 1] != '"' && b->buf[vs - 1] != '\'') ||
	    b->buf[ve] != b->buf[vs - 1])
		return false;
	p = vs - 1;
	while (p > 0 && is_space(b->buf[p - 1]))
		p--;
	if (p == 0 || b->buf[p - 1] != '=')
		return false;
	p--;
	while (p > 0 && is_space(b->buf[p - 1]))
		p--;
	if (p < nlen || !same_bytes(b->buf + p - nlen, attr->name, nlen))
		return false;
	attr->name_span = span_of(p - nlen, p);
	attr->value_span = span_of(vs, ve);
	return true;
}

/* ---- start tags with too many attributes ----
 *
 * libxml2 2.9 checks each attribute of a start tag against every earlier
 * one for duplicates, and each namespace declaration likewise: quadratic
 * in the attributes of one tag (100,000 of them take 2.7 s in libxml2
 * alone, and 64 MiB could hold 10 million). The format's elements have a
 * handful, so a tag with more than CL_XML_MAX_ATTRS is refused before
 * libxml2 reads it: libxml2 parses only what comes before it.
 */

/* Past the first END (2 or 3 bytes) at or after P; LEN when none. */
static size_t
skip_past(const char *s, size_t len, size_t p, const char *end)
{
	size_t n = strlen(end);

	while (p < len) {
		const char *c = memchr(s + p, end[0], len - p);

		if (!c)
			return len;
		p = (size_t)(c - s);
		if (len - p >= n && !memcmp(s + p, end, n))
			return p + n;
		p++;
	}
	return len;
}

/* Past the quoted literal whose opening quote is at P; LEN when none. */
static size_t
skip_quoted(const char *s, size_t len, size_t p)
{
	const char *q = memchr(s + p + 1, s[p], len - p - 1);

	return q ? (size_t)(q - s) + 1 : len;
}

/* Past a "<!DOCTYPE …>" (P just after "<!"), its internal subset with
 * its literals, comments and processing instructions included. */
static size_t
skip_doctype(const char *s, size_t len, size_t p)
{
	bool subset = false;

	while (p < len) {
		char c = s[p];

		if (c == '"' || c == '\'')
			p = skip_quoted(s, len, p);
		else if (subset && c == '<' && len - p >= 4 &&
		         !memcmp(s + p, "<!--", 4))
			p = skip_past(s, len, p + 4, "-->");
		else if (subset && c == '<' && len - p >= 2 && s[p + 1] == '?')
			p = skip_past(s, len, p + 2, "?>");
		else if (c == '>' && !subset)
			return p + 1;
		else {
			if (c == '[' || c == ']')
				subset = c == '[';
			p++;
		}
	}
	return len;
}

/* The bytes that end a run of name or blank characters in a tag. */
static const bool tag_special[256] = {
	['"'] = true, ['\''] = true, ['='] = true, ['<'] = true, ['>'] = true,
};

/*
 * The offset of the '<' of the first start tag of S with more than
 * CL_XML_MAX_ATTRS attributes, or LEN when there is none. A lexical
 * scan, linear, that skips comments, CDATA sections, processing
 * instructions, the document type declaration and quoted values: in a
 * start tag, each '=' outside quotes is one attribute. Whether the
 * document is well-formed stays libxml2's to say.
 */
static size_t
crowded_tag(const char *s, size_t len)
{
	size_t p = 0;

	while (p < len) {
		const char *lt = memchr(s + p, '<', len - p);
		size_t t, n = 0;

		if (!lt)
			return len;
		t = (size_t)(lt - s);
		p = t + 1;
		if (p >= len)
			return len;
		if (s[p] == '!') {
			if (len - p >= 3 && !memcmp(s + p, "!--", 3))
				p = skip_past(s, len, p + 3, "-->");
			else if (len - p >= 8 && !memcmp(s + p, "![CDATA[", 8))
				p = skip_past(s, len, p + 8, "]]>");
			else
				p = skip_doctype(s, len, p + 1);
			continue;
		}
		if (s[p] == '?') {
			p = skip_past(s, len, p + 1, "?>");
			continue;
		}
		/* A start or end tag, to its '>'; a stray '<' starts the next
		 * tag here. Byte loops, not memchr: names and values are a
		 * few bytes each, and this runs over every file. */
		for (;;) {
			char c;

			while (p < len && !tag_special[(unsigned char)s[p]])
				p++;
			if (p >= len)
				return len;
			c = s[p];
			if (c == '=') {
				if (++n > CL_XML_MAX_ATTRS)
					return t;
				p++;
			} else if (c == '"' || c == '\'') {
				for (p++; p < len && s[p] != c; p++)
					;
				p++;
			} else {
				break; /* '>' or '<' */
			}
		}
	}
	return len;
}

/*
 * Whether S may hold a start tag of more than CL_XML_MAX_ATTRS
 * attributes: cheap, and never wrong when it says no. For libxml2 to
 * reach its duplicate check, such a tag holds no '<' (a value may not)
 * and takes at least 5 bytes an attribute (` a=""`), so it lies in a
 * stretch without '<' of at least MIN_SPAN bytes, which holds that many
 * '='. One memrchr over the next MIN_SPAN bytes either finds such a
 * stretch or skips to the last '<' in them: about one call per MIN_SPAN
 * bytes. Ordinary files have no such stretch, and crowded_tag's exact
 * scan is then not needed.
 */
static bool
may_be_crowded(const char *s, size_t len)
{
	const size_t min_span = 5 * (size_t)(CL_XML_MAX_ATTRS + 1);
	size_t p = 0; /* 0, or just after a '<' */

	while (len - p >= min_span) {
		const char *lt = memrchr(s + p, '<', min_span), *eq;
		size_t end, n = 0;

		if (lt) {
			/* A stretch starting before it ends at it. */
			p = (size_t)(lt - s) + 1;
			continue;
		}
		lt = memchr(s + p + min_span, '<', len - p - min_span);
		end = lt ? (size_t)(lt - s) : len;
		for (; p < end && (eq = memchr(s + p, '=', end - p));
		     p = (size_t)(eq - s) + 1)
			if (++n > CL_XML_MAX_ATTRS)
				return true;
		p = end < len ? end + 1 : len;
	}
	return false;
}

/* The CL001 for the crowded start tag at T: at its name. */
static void
crowded_error(const char *s, size_t len, size_t t, struct cl_xml_error *err)
{
	size_t n = 0;

	/* The name when it is plain ASCII, so the message stays UTF-8. */
	while (t + 1 + n < len && n < 64) {
		char c = s[t + 1 + n];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		      c == '.' || c == ':'))
			break;
		n++;
	}
	err->offset = (uint32_t)t;
	err->end = (uint32_t)(t + 1 + n);
	if (n)
		snprintf(err->message, sizeof(err->message),
		         "element `<%.*s>` has more than " CL_XML_MAX_ATTRS_TEXT
		         " attributes, the parser's limit",
		         (int)n, s + t + 1);
	else
		snprintf(err->message, sizeof(err->message),
		         "a start tag has more than " CL_XML_MAX_ATTRS_TEXT
		         " attributes, the parser's limit");
}

/* libxml2 keeps "&amp;" in attribute values as "&#38;" when it does not
 * substitute entities; turn it back into '&'. */
static char *
decode_attr_value(struct cl_arena *a, const char *v, size_t n)
{
	char *out, *o;
	size_t i;

	if (!memchr(v, '&', n))
		return cl_arena_strndup(a, v, n);
	o = out = cl_arena_alloc_raw(a, n + 1); /* at most n + 1 written */
	for (i = 0; i < n; i++) {
		if (v[i] == '&' && n - i >= 5 && !memcmp(v + i, "&#38;", 5)) {
			*o++ = '&';
			i += 4;
		} else {
			*o++ = v[i];
		}
	}
	*o = '\0';
	return out;
}

/* element_name for every name but a known one found by pointer. */
static const char *
other_name(struct builder *b, const xmlChar *prefix, const xmlChar *local,
           enum cl_name *id, size_t *len)
{
	size_t pl, ll;
	char *s;

	if (!prefix) {
		*id = name_by_spelling(local);
		if (*id != CL_N_OTHER) {
			*len = name_lens[*id];
			return name_strs[*id];
		}
		*len = strlen((const char *)local);
		return cl_arena_strndup(b->arena, (const char *)local, *len);
	}
	/* A prefixed name is never one of the format's. */
	*id = CL_N_OTHER;
	pl = strlen((const char *)prefix);
	ll = strlen((const char *)local);
	s = cl_arena_alloc_raw(b->arena, pl + ll + 2);
	memcpy(s, prefix, pl);
	s[pl] = ':';
	memcpy(s + pl + 1, local, ll + 1);
	*len = pl + 1 + ll;
	return s;
}

/* The name as written, its id and its length (*LEN); known names are not
 * copied. Inline for the common case, two per element in on_start. */
static inline const char *
element_name(struct builder *b, const xmlChar *prefix, const xmlChar *local,
             enum cl_name *id, size_t *len)
{
	if (!prefix) {
		enum cl_name known = name_by_pointer(b, local);

		if (known != CL_N_OTHER) {
			*id = known;
			*len = name_lens[known];
			return name_strs[known];
		}
	}
	return other_name(b, prefix, local, id, len);
}

static void
on_start(void *ud, const xmlChar *localname, const xmlChar *prefix,
         const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
         int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	struct builder *b = ud;
	struct cl_node *n;
	struct cl_attr *attrs = NULL;
	const char *name;
	enum cl_name id;
	size_t pos, lt, nlen;
	struct cl_span tag;
	bool need_scan = false;
	int i;

	(void)uri;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	if (b->failed)
		return;
	name = element_name(b, prefix, localname, &id, &nlen);
	pos = parser_offset(b);
	lt = last_lt_before(b, pos);
	tag = span_of(lt, pos + (b->buf[pos] == '/' ? 2 : 1));
	if (tag.end > b->len)
		tag.end = (uint32_t)b->len;
	/* Not zeroed by the arena: the compound literal sets every field,
	 * those it does not name to zero (on_end sets inner_span and may
	 * extend span; later start tags set children and next). */
	n = cl_arena_alloc_raw(b->arena, sizeof(*n));
	*n = (struct cl_node){
		.id = id,
		.name = name,
		.name_span = span_of(lt + 1, lt + 1 + nlen),
		.tag_span = tag,
		.span = tag,
		.text = "",
		.parent = b->cur,
	};
	if (nb_attributes > 0) {
		/* Not zeroed either: the loop sets every field. */
		attrs = cl_arena_alloc_raw(b->arena, sizeof(*attrs) *
		                                         (size_t)nb_attributes);
		for (i = 0; i < nb_attributes; i++) {
			const xmlChar **a = attributes + 5 * i;
			size_t alen;

			attrs[i].name =
			    element_name(b, a[1], a[0], &attrs[i].id, &alen);
			if (attr_spans_in_place(b, a, &attrs[i], alen)) {
				/* In place, the value is its source bytes,
				 * which hold no '&': libxml2 hands over a
				 * copy when it has a reference to decode. */
				attrs[i].value = cl_arena_strndup(
				    b->arena, (const char *)a[3],
				    (size_t)(a[4] - a[3]));
				continue;
			}
			attrs[i].value =
			    decode_attr_value(b->arena, (const char *)a[3],
			                      (size_t)(a[4] - a[3]));
			attrs[i].name_span = n->name_span;
			attrs[i].value_span = n->name_span;
			need_scan = true;
		}
		if (need_scan)
			scan_attr_spans(b, n->name_span.end, pos, attrs,
			                (unsigned)nb_attributes);
	}
	n->attrs = attrs;
	n->nattrs = (unsigned)nb_attributes;

	if (!b->cur) {
		b->root = n;
	} else if (b->last_child[b->depth]) {
		b->last_child[b->depth]->next = n;
	} else {
		b->cur->children = n;
	}
	if (b->cur)
		b->last_child[b->depth] = n;
	b->cur = n;
	b->depth++;
	if (b->depth + 1 > b->last_alloc) /* cl_grow only when it must */
		CL_GROW(b->last_child, b->depth + 1, b->last_alloc);
	b->last_child[b->depth] = NULL;
	if (b->depth >= b->text_alloc) {
		size_t old = b->text_alloc;

		CL_GROW(b->text, b->depth + 1, b->text_alloc);
		memset(b->text + old, 0,
		       (b->text_alloc - old) * sizeof(*b->text));
	}
	cl_strbuf_reset(&b->text[b->depth]);
}

/*
 * last_lt_before(b, POS) where the parser stands when it ends N, mostly
 * without a search:
 *  - for an empty element, "<name …/>", the parser has not moved since
 *    on_start found the tag's '<' as the last one before where it stood,
 *    at most two bytes before the tag's end: when those two bytes hold no
 *    '<', it is still the last one;
 *  - an end tag that reads exactly "</name>" starts the last '<' (the
 *    bytes after it are the name and '>').
 */
static size_t
end_tag_start(const struct builder *b, const struct cl_node *n, size_t pos)
{
	size_t nlen = n->name_span.end - n->name_span.start;

	if (pos == n->tag_span.end && pos >= 2 && b->buf[pos - 1] != '<' &&
	    b->buf[pos - 2] != '<')
		return n->tag_span.start;
	if (pos >= nlen + 3 && pos <= b->len) {
		size_t c = pos - nlen - 3;

		if (b->buf[c] == '<' && b->buf[c + 1] == '/' &&
		    b->buf[pos - 1] == '>' &&
		    !memcmp(b->buf + c + 2, n->name, nlen))
			return c;
	}
	return last_lt_before(b, pos);
}

static bool
all_space(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_space(s[i]))
			return false;
	return true;
}

static void
on_end(void *ud, const xmlChar *localname, const xmlChar *prefix,
       const xmlChar *uri)
{
	struct builder *b = ud;
	struct cl_node *n = b->cur;
	struct cl_strbuf *t;
	size_t pos, lt;

	(void)localname;
	(void)prefix;
	(void)uri;
	if (b->failed || !n)
		return;
	pos = parser_offset(b);
	lt = end_tag_start(b, n, pos);
	if (lt <= n->tag_span.start) {
		n->inner_span = span_of(n->tag_span.end, n->tag_span.end);
	} else {
		n->inner_span = span_of(n->tag_span.end, lt);
		/* The parser stands just past the end tag's '>'. */
		n->span = span_of(n->tag_span.start, pos);
	}
	t = &b->text[b->depth];
	if (t->len && !all_space(t->buf, t->len))
		n->text = cl_arena_strndup(b->arena, t->buf, t->len);
	b->depth--;
	b->cur = n->parent;
}

static void
on_characters(void *ud, const xmlChar *ch, int len)
{
	struct builder *b = ud;

	struct cl_strbuf *t;

	if (b->failed || !b->cur || len <= 0)
		return;
	t = &b->text[b->depth];
	/* Indentation between elements is most of the character data; text
	 * values are trimmed, so leading white space need not be kept. */
	if (!t->len && all_space((const char *)ch, (size_t)len))
		return;
	cl_strbuf_add(t, (const char *)ch, (size_t)len);
}

static void
on_internal_subset(void *ud, const xmlChar *name, const xmlChar *external_id,
                   const xmlChar *system_id)
{
	struct builder *b = ud;

	(void)name;
	(void)external_id;
	(void)system_id;
	b->doc->has_doctype = true;
}

static void
on_comment(void *ud, const xmlChar *value)
{
	struct builder *b = ud;
	struct cl_xml_doc *d = b->doc;
	struct cl_comment *c;
	size_t pos, start;

	if (b->failed)
		return;
	/* The parser stands just past "-->"; the comment began at the last
	 * "<!--" before it (a comment cannot contain "--"). */
	pos = parser_offset(b);
	start = pos >= 3 ? pos - 3 : 0;
	while (start > 0 && !(b->buf[start] == '<' && pos - start >= 4 &&
	                      !memcmp(b->buf + start, "<!--", 4)))
		start--;
	CL_GROW(d->comments, d->ncomments + 1, b->comments_alloc);
	c = &d->comments[d->ncomments++];
	c->text = cl_arena_strdup(b->arena, (const char *)value);
	c->span = span_of(start, pos);
}

/* Only the predefined entities exist; declared ones are never kept, so a
 * reference to one is an error and nothing is ever expanded. */
static xmlEntityPtr
on_get_entity(void *ud, const xmlChar *name)
{
	(void)ud;
	return xmlGetPredefinedEntity(name);
}

static xmlEntityPtr
on_get_parameter_entity(void *ud, const xmlChar *name)
{
	(void)ud;
	(void)name;
	return NULL;
}

static xmlParserInputPtr
on_resolve_entity(void *ud, const xmlChar *public_id, const xmlChar *system_id)
{
	(void)ud;
	(void)public_id;
	(void)system_id;
	return NULL;
}

/* libxml2's wording → ours; '@' stands for the error's first string
 * argument (an element or attribute name). */
static const struct {
	const char *libxml;
	const char *plain;
} plain_errors[] = {
	{ "xmlParseEntityRef: no name", "a raw `&` must be written `&amp;`" },
	{ "EntityRef: expecting ';'",
	  "an entity reference is not closed with `;` (a literal `&` is written `&amp;`)" },
	{ "attributes construct error",
	  "malformed attribute: a start tag reads `<name attribute=\"value\">`" },
	{ "AttValue: \" or ' expected",
	  "attribute values must be in double or single quotes" },
	{ "Specification mandates value for attribute",
	  "attribute `@` has no value" },
	{ "Double hyphen within comment",
	  "`--` is not allowed inside a comment" },
	{ "Comment not terminated", "comment is not closed with `-->`" },
	{ "CData section not finished",
	  "CDATA section is not closed with `]]>`" },
	{ "invalid Char value", "a control character that XML does not allow" },
	{ "invalid xmlChar value",
	  "a character reference to a character that XML does not allow" },
	{ "StartTag: invalid element name",
	  "invalid element name: names start with a letter or `_`" },
	{ "error parsing attribute name", "malformed attribute name" },
	{ "XML declaration allowed only at the start",
	  "the XML declaration `<?xml …?>` must come first in the file" },
	{ "Couldn't find end of Start Tag",
	  "start tag `<@>` is not closed with `>`" },
	{ "Start tag expected",
	  "no XML element found: a connector file starts with `<?xml …?>` or `<connector>`" },
	{ "EndTag: '</' not found", "end tag expected (`</…>`)" },
	{ "error detected in Markup declaration",
	  "malformed declaration inside `<!DOCTYPE … [ … ]>`" },
	/* libxml2's size limits without XML_PARSE_HUGE, which we never set. */
	{ "AttValue length too long",
	  "attribute value longer than 10,000,000 bytes, the parser's limit" },
	{ "Comment too big found",
	  "comment longer than 10,000,000 bytes, the parser's limit" },
	{ "CData section too big found",
	  "CDATA section longer than 10,000,000 bytes, the parser's limit" },
	{ "Name too long",
	  "element or attribute name longer than 50,000 bytes, the parser's limit" },
};

/* Plain words for the errors people meet; libxml2's text otherwise. */
static void
describe_error(const struct builder *b, const xmlError *e, char *out,
               size_t size)
{
	const char *s1 = e->str1 ? e->str1 : "?";
	size_t n;

	switch (e->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		snprintf(
		    out, size,
		    "end tag `</%s>` does not match start tag `<%s>` on line %d",
		    e->str2 ? e->str2 : "?", s1, e->int1);
		return;
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(
		    out, size,
		    "the file ends before element `<%s>` (line %d) is closed",
		    s1, e->int1);
		return;
	case XML_ERR_DOCUMENT_END:
		snprintf(out, size,
		         "content after the end of the root element");
		return;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		if (e->message && strstr(e->message, "PEReference"))
			snprintf(
			    out, size,
			    "parameter entity `%%%s;` is not expanded: connlint ignores entity declarations",
			    s1);
		else if (b->doc->has_doctype)
			snprintf(
			    out, size,
			    "entity `&%s;` is not expanded: connlint ignores entity declarations (write the text itself, or a character reference)",
			    s1);
		else
			snprintf(
			    out, size,
			    "unknown entity `&%s;` (only &lt; &gt; &amp; &quot; &apos; and character references exist)",
			    s1);
		return;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		snprintf(out, size, "attribute `%s` appears twice", s1);
		return;
	case XML_ERR_LT_IN_ATTRIBUTE:
		snprintf(out, size,
		         "`<` inside an attribute value (write `&lt;`)");
		return;
	default:
		break;
	}
	if (e->code == XML_ERR_INTERNAL_ERROR && e->message &&
	    strstr(e->message, "Excessive depth")) {
		snprintf(out, size, "elements nested more than %d levels deep",
		         (int)xmlParserMaxDepth);
		return;
	}
	for (n = 0; n < CL_ARRAY_SIZE(plain_errors); n++) {
		if (e->message && strstr(e->message, plain_errors[n].libxml)) {
			const char *at = strchr(plain_errors[n].plain, '@');

			if (at)
				snprintf(out, size, "%.*s%s%s",
				         (int)(at - plain_errors[n].plain),
				         plain_errors[n].plain, s1, at + 1);
			else
				snprintf(out, size, "%s",
				         plain_errors[n].plain);
			return;
		}
	}
	snprintf(out, size, "%s", e->message ? e->message : "not well-formed");
	/* libxml2 messages end in a newline; ours are one line. */
	n = strlen(out);
	while (n && (out[n - 1] == '\n' || out[n - 1] == ' '))
		out[--n] = '\0';
	for (n = 0; out[n]; n++)
		if (out[n] == '\n')
			out[n] = ' ';
}

static void
on_error(void *ud, xmlErrorPtr e)
{
	struct builder *b = ud;

	if (!e || b->failed)
		return;
	/* With an external DTD (<!DOCTYPE connector SYSTEM "…">), which is
	 * never loaded, libxml2 reports a reference to an undeclared entity
	 * as a mere warning and drops it from the text: make it the same
	 * CL001 as in a file without one. */
	if (e->level != XML_ERR_FATAL && e->code != XML_ERR_UNDECLARED_ENTITY &&
	    e->code != XML_WAR_UNDECLARED_ENTITY)
		return;
	b->failed = true;
	b->error_code = e->code;
	b->err->offset = (uint32_t)parser_offset(b);
	b->err->end = 0;
	if (e->code == XML_ERR_UNDECLARED_ENTITY ||
	    e->code == XML_WAR_UNDECLARED_ENTITY) {
		/* Point at the whole reference "&name;", which ends here. */
		size_t p = b->err->offset, stop = p > 256 ? p - 256 : 0;

		while (p > stop && b->buf[p - 1] != '&' && b->buf[p - 1] != '%')
			p--;
		if (p > stop) {
			b->err->end = b->err->offset;
			b->err->offset = (uint32_t)(p - 1);
		}
	}
	describe_error(b, e, b->err->message, sizeof(b->err->message));
	/* Stop at the first fatal error: bounded time on garbage. */
	xmlStopParser(b->ctxt);
}

static const xmlSAXHandler sax_template = {
	.internalSubset = on_internal_subset,
	.getEntity = on_get_entity,
	.getParameterEntity = on_get_parameter_entity,
	.resolveEntity = on_resolve_entity,
	.characters = on_characters,
	.cdataBlock = on_characters,
	.ignorableWhitespace = on_characters,
	.startElementNs = on_start,
	.endElementNs = on_end,
	.comment = on_comment,
	.serror = on_error,
	.initialized = XML_SAX2_MAGIC,
};

struct cl_node *
cl_xml_parse(struct cl_arena *arena, const char *buf, size_t len,
             struct cl_xml_doc *doc, struct cl_xml_error *err)
{
	struct builder b;
	struct cl_node *root = NULL;
	size_t i, crowd;

	cl_xml_init();
	memset(&b, 0, sizeof(b));
	b.arena = arena;
	b.buf = buf;
	b.len = len;
	b.err = err;
	b.doc = doc;
	memset(doc, 0, sizeof(*doc));
	err->offset = err->end = 0;
	err->message[0] = '\0';
	if (len > (size_t)INT32_MAX)
		BUG("input of %zu bytes passed the size limit", len);
	/* libxml2 decodes UTF-16 and UTF-32 (found by a byte order mark or
	 * NUL bytes) on its own, and our byte positions would no longer be
	 * its input's. The engine's input checks (CL001) keep such files
	 * away; for every other caller (fix passes, --add-suppressions, a
	 * configuration file) it is a plain parse error here. */
	if (memchr(buf, '\0', len) ||
	    (len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
	                  (buf[0] == '\xfe' && buf[1] == '\xff')))) {
		snprintf(err->message, sizeof(err->message),
		         "the input is not UTF-8");
		goto cleanup;
	}
	crowd = may_be_crowded(buf, len) ? crowded_tag(buf, len) : len;
	if (crowd == 0 && len > 0) {
		crowded_error(buf, len, crowd, err);
		goto cleanup;
	}
	/* Up to the crowded tag, if any: an error before it is reported
	 * as usual, and the end of the input there means the tag's. */
	b.ctxt = xmlCreateMemoryParserCtxt(buf, (int)crowd);
	if (!b.ctxt) {
		snprintf(err->message, sizeof(err->message),
		         "cannot create an XML parser");
		goto cleanup;
	}
	xmlCtxtUseOptions(b.ctxt, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
	names_init(&b);
	*b.ctxt->sax = sax_template;
	b.ctxt->userData = &b;
	CL_GROW(b.last_child, 1, b.last_alloc);
	b.last_child[0] = NULL;

	xmlParseDocument(b.ctxt);

	/* Only the end of the input at the crowded tag: "premature end of
	 * data in tag" or, before the root, "start tag expected". */
	if (crowd < len &&
	    (!b.failed || (err->offset >= crowd &&
	                   (b.error_code == XML_ERR_TAG_NOT_FINISHED ||
	                    b.error_code == XML_ERR_DOCUMENT_EMPTY)))) {
		b.failed = true;
		crowded_error(buf, len, crowd, err);
	}
	if (!b.failed && (!b.ctxt->wellFormed || !b.root)) {
		b.failed = true;
		err->offset = (uint32_t)parser_offset(&b);
		snprintf(err->message, sizeof(err->message), "%s",
		         b.root ? "not well-formed" : "no root element");
	}
	if (!b.failed)
		root = b.root;
cleanup:
	doc->root = root;
	if (doc->ncomments) {
		/* Move the comment array into the arena, with the tree. */
		struct cl_comment *c =
		    cl_arena_alloc(arena, sizeof(*c) * doc->ncomments);

		memcpy(c, doc->comments, sizeof(*c) * doc->ncomments);
		free(doc->comments);
		doc->comments = c;
	}
	if (b.ctxt) {
		/* In SAX mode libxml2 keeps internal entity declarations in a
		 * document of its own ("for expat compatibility") and frees it
		 * only when parsing gets to the end; after our xmlStopParser in
		 * the DTD it is left to us. */
		if (b.ctxt->myDoc) {
			xmlFreeDoc(b.ctxt->myDoc);
			b.ctxt->myDoc = NULL;
		}
		xmlFreeParserCtxt(b.ctxt);
	}
	for (i = 0; i < b.text_alloc; i++)
		cl_strbuf_release(&b.text[i]);
	free(b.text);
	free(b.last_child);
	return root;
}

const struct cl_node **
cl_xml_nodes_in_order(const struct cl_node *n, size_t *count)
{
	const struct cl_node **v = NULL;
	size_t alloc = 0;

	*count = 0;
	while (n) {
		CL_GROW(v, *count + 1, alloc);
		v[(*count)++] = n;
		if (n->children) {
			n = n->children;
			continue;
		}
		while (n && !n->next)
			n = n->parent;
		if (n)
			n = n->next;
	}
	return v;
}

const struct cl_attr *
cl_node_attr(const struct cl_node *node, const char *name)
{
	unsigned i;

	for (i = 0; i < node->nattrs; i++)
		if (cl_streq(node->attrs[i].name, name))
			return &node->attrs[i];
	return NULL;
}

const char *
cl_node_attr_value(const struct cl_node *node, const char *name)
{
	const struct cl_attr *a = cl_node_attr(node, name);

	return a ? a->value : NULL;
}

struct cl_span
cl_node_attr_span(const struct cl_node *node, const char *name)
{
	const struct cl_attr *a = cl_node_attr(node, name);

	return a ? a->value_span : node->name_span;
}

struct cl_node *
cl_node_child(const struct cl_node *node, const char *name)
{
	struct cl_node *c;

	for (c = node->children; c; c = c->next)
		if (cl_streq(c->name, name))
			return c;
	return NULL;
}

const struct cl_attr *
cl_node_attr_id(const struct cl_node *node, enum cl_name id)
{
	unsigned i;

	for (i = 0; i < node->nattrs; i++)
		if (node->attrs[i].id == id)
			return &node->attrs[i];
	return NULL;
}

const char *
cl_node_attr_value_id(const struct cl_node *node, enum cl_name id)
{
	const struct cl_attr *a = cl_node_attr_id(node, id);

	return a ? a->value : NULL;
}

struct cl_node *
cl_node_child_id(const struct cl_node *node, enum cl_name id)
{
	struct cl_node *c;

	for (c = node->children; c; c = c->next)
		if (c->id == id)
			return c;
	return NULL;
}
