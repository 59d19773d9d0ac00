/*
 * The generic element tree that connlint builds from libxml2's SAX events,
 * with exact byte ranges in the source buffer for every element name,
 * attribute name and attribute value. libxml2's own tree keeps only lines;
 * we need columns and ranges, and building our own tree is also cheaper.
 *
 * Parsing is safe by construction: no network, no DTD loading, no entity
 * declarations kept, no entity substitution (only the five predefined
 * entities and character references are decoded), no XML_PARSE_HUGE, and
 * libxml2's external entity loader refuses everything.
 */
#ifndef CL_XML_H
#define CL_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "names.h"

struct cl_arena;

/* A range of bytes [start, end) in the source buffer. */
struct cl_span {
	uint32_t start, end;
};

struct cl_attr {
	enum cl_name id;   /* CL_N_OTHER when not a name of the format */
	const char *name;  /* as written */
	const char *value; /* decoded (entities and char refs resolved) */
	struct cl_span name_span;
	struct cl_span value_span; /* the raw bytes between the quotes */
};

struct cl_node {
	enum cl_name id; /* CL_N_OTHER when not a name of the format */
	const char *name;
	struct cl_span name_span;  /* the name in the start tag */
	struct cl_span tag_span;   /* the whole start tag, '<' to '>' */
	struct cl_span inner_span; /* raw bytes between start and end tag */
	/* The whole element, from the '<' of its start tag past the '>' of
	 * its end tag (the start tag alone when it is empty, `<a/>`): what
	 * a fix removes to remove the element. */
	struct cl_span span;
	/* Decoded character data directly inside this element, concatenated;
	 * "" when there is none. */
	const char *text;
	const struct cl_attr *attrs;
	unsigned nattrs;
	struct cl_node *parent, *children, *next;
};

/* Why a parse failed, with the byte offset where libxml2 stopped. */
struct cl_xml_error {
	uint32_t offset;
	uint32_t end; /* end of the offending text, or 0 when unknown */
	char message[256];
};

/* An XML comment: its text (without "<!--" and "-->") and its span. */
struct cl_comment {
	const char *text;
	struct cl_span span; /* "<!--" to "-->" inclusive */
};

/* What parsing gives besides the element tree. */
struct cl_xml_doc {
	struct cl_node *root;
	/* Set when the input has a document type declaration (its entity
	 * declarations are ignored, never expanded). */
	bool has_doctype;
	/* Every comment, in document order (for inline suppressions). */
	struct cl_comment *comments;
	size_t ncomments;
};

/*
 * Parses LEN bytes of UTF-8 at BUF into a tree allocated in ARENA (DOC's
 * pointers point into the arena). BUF must stay alive as long as the tree
 * (spans refer to it). Returns DOC->root, or NULL when the input is not
 * well-formed; then ERR says why and where.
 */
struct cl_node *
cl_xml_parse(struct cl_arena *arena, const char *buf, size_t len,
             struct cl_xml_doc *doc, struct cl_xml_error *err);

/* Sets up libxml2 once per process (safe to call repeatedly, thread-safe
 * after the first call). */
void cl_xml_init(void);

/* Every element from ROOT down, in document (start tag) order; sets
 * *COUNT. Malloc'd (NULL when ROOT is NULL); caller frees with free(). */
const struct cl_node **
cl_xml_nodes_in_order(const struct cl_node *root, size_t *count);

/* The attribute NAME of NODE, or NULL. */
const struct cl_attr *
cl_node_attr(const struct cl_node *node, const char *name);
/* The decoded value of attribute NAME, or NULL when absent. */
const char *cl_node_attr_value(const struct cl_node *node, const char *name);
/* The span of attribute NAME's value, or NODE's name span when absent. */
struct cl_span cl_node_attr_span(const struct cl_node *node, const char *name);
/* The first child element named NAME, or NULL. */
struct cl_node *cl_node_child(const struct cl_node *node, const char *name);

/* The same lookups by interned name (faster: no string comparison). */
const struct cl_attr *
cl_node_attr_id(const struct cl_node *node, enum cl_name id);
const char *cl_node_attr_value_id(const struct cl_node *node, enum cl_name id);
struct cl_node *cl_node_child_id(const struct cl_node *node, enum cl_name id);

#endif /* CL_XML_H */
