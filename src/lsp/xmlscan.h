/*
 * A tolerant scanner of connector XML for completion and hover: while the
 * author types, the text is usually not well-formed (`<variables><`), so
 * the parse tree is NULL and the context of the cursor has to come from
 * the raw bytes. The scanner reads the text up to the cursor as a
 * sequence of markup (comments, CDATA, PIs, declarations, start and end
 * tags) and keeps the stack of open elements; it never reads past the
 * length it is given and accepts any bytes.
 *
 * Also here: the one-line descriptions of the format's names
 * (names_doc.c), which hover and completion both show.
 */
#ifndef CL_LSP_XMLSCAN_H
#define CL_LSP_XMLSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "names.h"

/* libxml2's default nesting limit: deeper elements are counted, not kept */
#define CL_XS_MAX_DEPTH 256
#define CL_XS_MAX_ATTRS 64

/* Where the cursor is. */
enum cl_xs_where {
	CL_XS_CONTENT,    /* character data between tags */
	CL_XS_TAG_NAME,   /* on a start tag's name, or right after '<' */
	CL_XS_END_TAG,    /* inside "</…>" */
	CL_XS_ATTRS,      /* in a start tag, where an attribute name goes */
	CL_XS_ATTR_VALUE, /* between an attribute value's quotes */
	CL_XS_COMMENT,    /* inside "<!--" … "-->" */
	CL_XS_CDATA,      /* inside "<![CDATA[" … "]]>" */
	CL_XS_OTHER       /* in a PI, a declaration, around an '=' */
};

/* Bytes [start, end) of the scanned text. */
struct cl_xs_span {
	size_t start, end;
};

struct cl_xs_elem {
	struct cl_xs_span name;
	enum cl_name id;  /* CL_N_OTHER when not a name of the format */
	size_t tag_start; /* its '<', to read its attributes again */
};

struct cl_xmlscan {
	enum cl_xs_where where;
	/* The open elements, outermost first; DEPTH counts them all, the
	 * first CL_XS_MAX_DEPTH are kept. */
	struct cl_xs_elem open[CL_XS_MAX_DEPTH];
	size_t depth;
	/* TAG_NAME, ATTRS, ATTR_VALUE: the tag the cursor is in (not on the
	 * open stack); its name is partial in TAG_NAME. END_TAG: the name
	 * written so far. */
	struct cl_xs_elem tag;
	/* ATTRS, ATTR_VALUE: the attributes of that tag, before and after the
	 * cursor, but not the one whose name the cursor is on. */
	struct cl_xs_span attrs[CL_XS_MAX_ATTRS];
	size_t nattrs;
	/* ATTR_VALUE: the attribute's name and its value, from after the
	 * opening quote to the closing one (or the cursor's line end). */
	struct cl_xs_span attr;
	enum cl_name attr_id;
	struct cl_xs_span value;
	/* The word at the cursor, to replace: a name (TAG_NAME, ATTRS,
	 * END_TAG) or the whole value (ATTR_VALUE); empty at the cursor
	 * elsewhere. */
	struct cl_xs_span word;
	/* COMMENT, CDATA: where its text starts (after "<!--" or the
	 * "[CDATA[") and ends (before "-->" or at the end of the text). */
	struct cl_xs_span text;
};

/* Scans TEXT[0, LEN) up to byte OFFSET (clamped to LEN) into *SC. */
void
cl_xmlscan(const char *text, size_t len, size_t offset, struct cl_xmlscan *sc);

/*
 * Calls FN for each start tag of TEXT[0, LEN), in order, with the scanner
 * state as it is on that tag: SC->tag its name, SC->open its ancestors,
 * SC->attrs its attribute names (SC->where unspecified).
 */
void
cl_xmlscan_tags(const char *text, size_t len,
                void (*fn)(const struct cl_xmlscan *sc, void *arg), void *arg);

/* The value of attribute NAME of the start tag whose '<' is at TAG_START:
 * true and *VALUE (the raw bytes between the quotes) when it has one. */
bool cl_xmlscan_attr(const char *text, size_t len, size_t tag_start,
                     const char *name, struct cl_xs_span *value);

/* The cl_name spelt by the LEN bytes at S, or CL_N_OTHER. */
enum cl_name cl_lsp_name_id(const char *s, size_t len);

/* ---- names_doc.c ---- */

/* One line about element ELEM whose parent is PARENT (CL_N_OTHER at the
 * root or when unknown), in the format spec's words, or NULL. Static. */
const char *cl_lsp_elem_doc(enum cl_name parent, enum cl_name elem);
/* One line about attribute ATTR of element ELEM, or NULL. Static. */
const char *cl_lsp_attr_doc(enum cl_name elem, enum cl_name attr);

#endif /* CL_LSP_XMLSCAN_H */
