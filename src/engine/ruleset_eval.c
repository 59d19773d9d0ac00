/*
 * Evaluating a ruleset over one connector (cl_ruleset_check): our element
 * tree becomes a libxml2 document once per call, whose nodes point back
 * at ours (_private) so that every diagnostic gets our exact spans; each
 * enabled rule's compiled expressions and patterns then run on it under
 * operation and match limits, so that a hostile ruleset costs at most one
 * error diagnostic per rule and file.
 */
#include "ruleset.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpathInternals.h>

#include "arena.h"
#include "ascii.h"
#include "ctx.h"
#include "diag.h"
#include "ruleset_int.h"
#include "util.h"
#include "xml.h"

/* ---- our tree as a libxml2 document ---- */

/*
 * The document is built by hand in the file's arena rather than with
 * xmlNewDocNode and xmlNewProp: XPath only reads the tree, and a copy of
 * every name and value, freed one by one, cost more than the rules'
 * evaluation. Names and values point into our tree (which outlives the
 * call); nothing here is ever given to xmlFreeDoc or xmlFreeNode.
 */

static void
append(xmlNodePtr parent, xmlNodePtr child)
{
	child->parent = parent;
	child->doc = parent->doc;
	if (parent->last) {
		parent->last->next = child;
		child->prev = parent->last;
	} else {
		parent->children = child;
	}
	parent->last = child;
}

/* One element for N: its attributes, then its text (before the child
 * elements, as our tree keeps an element's direct text in one piece). */
static xmlNodePtr
make_node(struct cl_arena *A, xmlDocPtr d, const struct cl_node *n)
{
	/* One block for the element, its attributes with their values and
	 * its text: one bump of the arena and one memset, not a few. */
	bool text = n->text && *n->text;
	size_t nnodes = 1 + n->nattrs + text;
	char *block = cl_arena_alloc(A, nnodes * sizeof(xmlNode) +
	                                    n->nattrs * sizeof(xmlAttr));
	xmlNodePtr x = (xmlNodePtr)block, nodes = x + 1;
	xmlAttrPtr attrs = (xmlAttrPtr)(block + nnodes * sizeof(xmlNode));
	xmlAttrPtr prev = NULL;
	unsigned i;

	x->type = XML_ELEMENT_NODE;
	x->name = (const xmlChar *)n->name;
	x->doc = d;
	x->_private = (void *)n;
	for (i = 0; i < n->nattrs; i++) {
		xmlAttrPtr a = &attrs[i];
		xmlNodePtr v = nodes++;

		a->type = XML_ATTRIBUTE_NODE;
		a->name = (const xmlChar *)n->attrs[i].name;
		a->parent = x;
		a->doc = d;
		a->_private = (void *)&n->attrs[i];
		v->type = XML_TEXT_NODE;
		v->name = xmlStringText;
		v->content = (xmlChar *)n->attrs[i].value;
		v->parent = (xmlNodePtr)a;
		v->doc = d;
		a->children = a->last = v;
		if (prev) {
			prev->next = a;
			a->prev = prev;
		} else {
			x->properties = a;
		}
		prev = a;
	}
	if (text) {
		xmlNodePtr t = nodes;

		t->type = XML_TEXT_NODE;
		t->name = xmlStringText;
		t->content = (xmlChar *)n->text;
		t->_private = (void *)n;
		append(x, t);
	}
	return x;
}

/* The document for the tree at ROOT, in arena A, walked without
 * recursion. Its elements go to *ELEMS (grown with CL_GROW, caller
 * frees) in document order, and COUNT[id] counts those of each enum
 * cl_name: what the index of names (index_names) is made from without
 * a walk of its own. */
static xmlDocPtr
build_doc(struct cl_arena *A, const struct cl_node *root, xmlNodePtr **elems,
          size_t *nelems, size_t *alloc, size_t *count)
{
	xmlDocPtr d = cl_arena_alloc(A, sizeof(*d));
	const struct cl_node *n = root;
	xmlNodePtr parent = (xmlNodePtr)d;

	d->type = XML_DOCUMENT_NODE;
	d->doc = d;
	d->version = (const xmlChar *)"1.0";
	d->standalone = -1;
	for (;;) {
		xmlNodePtr x = make_node(A, d, n);

		append(parent, x);
		/* what xmlXPathOrderDocElems would set: document order by
		 * index, which makes sorting node-sets cheap */
		x->content = (xmlChar *)(-(ptrdiff_t)(*nelems + 1));
		if (*nelems == *alloc) /* CL_GROW, without a call per element */
			CL_GROW(*elems, *nelems + 1, *alloc);
		(*elems)[(*nelems)++] = x;
		count[n->id]++;
		if (n->children) {
			parent = x;
			n = n->children;
			continue;
		}
		while (n != root && !n->next) {
			n = n->parent;
			parent = parent->parent;
		}
		if (n == root)
			break;
		n = n->next;
	}
	return d;
}

/* ---- one call ---- */

struct eval {
	struct cl_ctx *ctx;
	const struct rs_rule *r;
	xmlDocPtr doc;
	xmlXPathContextPtr x;
	pcre2_match_context *mctx;
	pcre2_match_data *md;   /* one pair is enough: only "did it match" */
	int xerr;               /* the first XPath error of this evaluation */
	unsigned long long ops; /* XPath operations of this rule so far */
	bool stopped;           /* the rule hit a limit or an error */
	/* Every element, in document order (build_doc). */
	xmlNodePtr *elems;
	size_t nelems;
	/* The elements of each name of the format (names.h), in document
	 * order, for `//name`; made on first use, in the file's arena
	 * (until then NBY_NAME holds build_doc's counts). */
	bool indexed;
	xmlNodePtr *by_name[CL_N_COUNT];
	size_t nby_name[CL_N_COUNT];
};

static void on_xpath_error(void *data, xmlErrorPtr e);

/* The XPath context, made on the first evaluation that needs libxml2
 * (a ruleset of simple paths never does): making one registers every
 * XPath function in a new hash table. */
static xmlXPathContextPtr
xpath_context(struct eval *E)
{
	if (!E->x) {
		if (!(E->x = xmlXPathNewContext(E->doc)))
			BUG("out of memory in libxml2");
		E->x->error = on_xpath_error;
		E->x->userData = E;
		E->x->opLimit = CL_RULESET_XPATH_OP_LIMIT;
	}
	return E->x;
}

static void
on_xpath_error(void *data, xmlErrorPtr e)
{
	struct eval *E = data;

	if (e && !E->xerr)
		E->xerr = e->code - XML_XPATH_EXPRESSION_OK;
}

/* Ends the rule's evaluation on this file with one error diagnostic at
 * the root element. */
CL_PRINTF(2, 3)
static void
stop(struct eval *E, const char *fmt, ...)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	struct cl_diag *d;
	va_list ap;

	if (E->stopped)
		return;
	E->stopped = true;
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	d = cl_report(E->ctx, &E->r->rule, E->ctx->doc.root->name_span, "%s",
	              cl_strbuf_str(&sb));
	if (d)
		d->severity = CL_SEV_ERROR;
	cl_strbuf_release(&sb);
}

/* Evaluates X with NODE as context node. Caller frees the result with
 * xmlXPathFreeObject; NULL when the rule stopped. */
static xmlXPathObjectPtr
run(struct eval *E, const struct rs_xpath *x, xmlNodePtr node)
{
	xmlXPathObjectPtr obj;

	if (E->stopped)
		return NULL;
	xpath_context(E);
	E->x->node = node;
	E->x->opCount = 0;
	E->x->depth = 0;
	E->x->contextSize = 1;
	E->x->proximityPosition = 1;
	E->xerr = 0;
	obj = xmlXPathCompiledEval(x->comp, E->x);
	E->ops += E->x->opCount;
	if (obj && !E->xerr && E->ops > CL_RULESET_RULE_OP_LIMIT) {
		xmlXPathFreeObject(obj);
		stop(E,
		     "rule stopped: its XPath evaluations exceeded their limit "
		     "of %d operations for one file",
		     CL_RULESET_RULE_OP_LIMIT);
		return NULL;
	}
	if (obj && !E->xerr)
		return obj;
	xmlXPathFreeObject(obj);
	if (E->xerr == XPATH_OP_LIMIT_EXCEEDED)
		stop(E,
		     "rule stopped: the XPath `%s` exceeded its limit of %d "
		     "operations",
		     x->src, CL_RULESET_XPATH_OP_LIMIT);
	else
		stop(E, "rule stopped: the XPath `%s` failed: %s", x->src,
		     cl_rs_xpath_reason(E->xerr ? E->xerr : XPATH_EXPR_ERROR));
	return NULL;
}

/* Whether the pattern of A matches S: 1, 0, or -1 when the rule stopped. */
static int
match(struct eval *E, const struct rs_assert *a, const char *s)
{
	int rc;

	/* `^https://`: nothing PCRE2 could stop on. */
	if (a->prefix)
		return !strncmp(s, a->re_src + 1, a->prefix_len);
	/* The match data is this call's: the compiled code is shared by
	 * threads. 0 says the ovector was too small: a match all the same.
	 * pcre2_match would end in the same JIT code, after checking the
	 * subject's UTF-8, which the parser has already checked (a
	 * document that is not UTF-8 is not well-formed, and not linted). */
	if (a->jit) /* which takes no PCRE2_ZERO_TERMINATED */
		rc = pcre2_jit_match(a->re, (PCRE2_SPTR)s, strlen(s), 0, 0,
		                     E->md, E->mctx);
	else
		rc = pcre2_match(a->re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0,
		                 0, E->md, E->mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT) {
		stop(E,
		     "rule stopped: the pattern `%s` exceeded its match limit",
		     a->re_src);
	} else if (rc == PCRE2_ERROR_DEPTHLIMIT) {
		stop(E,
		     "rule stopped: the pattern `%s` exceeded its depth limit",
		     a->re_src);
	} else {
		PCRE2_UCHAR msg[256];

		if (pcre2_get_error_message(rc, msg, sizeof(msg)) < 0)
			strcpy((char *)msg, "unknown error");
		stop(E, "rule stopped: the pattern `%s` failed: %s", a->re_src,
		     (const char *)msg);
	}
	return -1;
}

/* N's content without the white space around it: the span built-in rules
 * give an element's text. */
static struct cl_span
text_span(const struct cl_ctx *ctx, const struct cl_node *n)
{
	struct cl_span s = n->inner_span;

	while (s.start < s.end && cl_ascii_isblank(ctx->buf[s.start]))
		s.start++;
	while (s.end > s.start && cl_ascii_isblank(ctx->buf[s.end - 1]))
		s.end--;
	return s;
}

/* Where a diagnostic about X points; TEXT: its string value was tested. */
static struct cl_span
node_span(const struct eval *E, xmlNodePtr x, bool text)
{
	const struct cl_node *n;

	switch (x->type) {
	case XML_ATTRIBUTE_NODE:
		if (x->_private)
			return ((const struct cl_attr *)x->_private)->value_span;
		break;
	case XML_TEXT_NODE:
		if (!(n = x->_private))
			break;
		/* The parser keeps no white-space-only text, but a text
		 * node of nothing to point at is the element's. */
		return cl_ascii_all_blank(n->text) ? n->name_span
		                                   : text_span(E->ctx, n);
	case XML_ELEMENT_NODE:
		if (!(n = x->_private))
			break;
		if (text && n->text && !cl_ascii_all_blank(n->text))
			return text_span(E->ctx, n);
		return n->name_span;
	default:
		break;
	}
	return E->ctx->doc.root->name_span;
}

/* The length of the XML name at P (ASCII letters, digits, `_`, `-`,
 * `.`; not starting with a digit, `-` or `.`), 0 when there is none. */
static size_t
name_len(const char *p)
{
	size_t n;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	      *p == '_'))
		return 0;
	n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	              "0123456789_-.");
	return n;
}

/* NAME's enum cl_name, CL_N_OTHER when it is not a name of the format. */
static int
name_id(const char *name)
{
	int i;

	for (i = CL_N_OTHER + 1; i < CL_N_COUNT; i++)
		if (!strcmp(cl_name_str((enum cl_name)i), name))
			return i;
	return CL_N_OTHER;
}

/* Whether element C (of our document) is named as step STEP of X. */
static inline bool
step_matches(const struct rs_xpath *x, unsigned step, xmlNodePtr c)
{
	const struct cl_node *n = c->_private;
	int id = x->step_ids[step];
	unsigned i;

	if (c->type != XML_ELEMENT_NODE)
		return false;
	if (id != CL_N_OTHER ? (int)n->id != id
	                     : !!strcmp((const char *)c->name, x->steps[step]))
		return false;
	if (!x->pred_attr[step])
		return true;
	for (i = 0; i < n->nattrs; i++)
		if (x->pred_ids[step] != CL_N_OTHER
		        ? (int)n->attrs[i].id == x->pred_ids[step]
		        : !strcmp(n->attrs[i].name, x->pred_attr[step]))
			return !strcmp(n->attrs[i].value, x->pred_value[step]);
	return false;
}

/* P past blanks. */
static const char *
skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* The string literal at *P ('...' or "..."), malloc'd, *P past it; NULL
 * when there is none. */
static char *
literal(const char **p)
{
	char q = **p;
	const char *end;

	if (q != '\'' && q != '"')
		return NULL;
	if (!(end = strchr(*p + 1, q)))
		return NULL;
	{
		char *v = cl_strndup(*p + 1, (size_t)(end - *p - 1));

		*p = end + 1;
		return v;
	}
}

/* A predicate `[@NAME = 'VALUE']` at *P for step I of X; *P past it.
 * Returns false when what is there is not one. */
static bool
predicate(struct rs_xpath *x, size_t i, const char **p)
{
	const char *q = skip_blanks(*p + 1);
	size_t n;
	char *name, *value;

	if (*q != '@' || !(n = name_len(q + 1)))
		return false;
	name = cl_strndup(q + 1, n);
	q = skip_blanks(q + 1 + n);
	if (*q != '=') {
		free(name);
		return false;
	}
	q = skip_blanks(q + 1);
	if (!(value = literal(&q)) || *(q = skip_blanks(q)) != ']') {
		free(name);
		free(value);
		return false;
	}
	x->pred_attr[i] = name;
	x->pred_value[i] = value;
	*p = q + 1;
	return true;
}

void
cl_rs_xpath_shape(struct rs_xpath *x)
{
	const char *p = x->src;
	size_t n, alloc = 0, i;
	bool ok = true;

	x->fast = false;
	x->ups = 0;
	x->from = RS_FROM_NODE;
	if (p[0] == '/') {
		x->from = p[1] == '/' ? RS_FROM_ANY : RS_FROM_ROOT;
		p += x->from == RS_FROM_ANY ? 2 : 1;
		if (!name_len(p))
			return;
	}
	while (x->from == RS_FROM_NODE && !strncmp(p, "../", 3)) {
		p += 3;
		x->ups++;
	}
	if (x->from == RS_FROM_NODE && (!strcmp(p, ".") || !strcmp(p, ".."))) {
		x->ups += p[1] == '.';
		x->fast = true;
		return;
	}
	while ((n = name_len(p))) {
		CL_GROW(x->steps, x->nsteps + 1, alloc);
		x->pred_attr = cl_realloc(x->pred_attr, alloc * sizeof(char *));
		x->pred_value =
		    cl_realloc(x->pred_value, alloc * sizeof(char *));
		x->pred_attr[x->nsteps] = x->pred_value[x->nsteps] = NULL;
		x->steps[x->nsteps++] = cl_strndup(p, n);
		p += n;
		if (*p == '[' && !(ok = predicate(x, x->nsteps - 1, &p)))
			break;
		if (*p != '/')
			break;
		if (p[1] == '@') {
			p++;
			break;
		}
		p++;
	}
	if (ok && *p == '@' && (n = name_len(p + 1))) {
		x->attr = cl_strndup(p + 1, n);
		p += 1 + n;
		/* `@a = 'v'`, `@a != 'v'`: a test's comparison */
		if (x->from == RS_FROM_NODE && !x->nsteps && *skip_blanks(p)) {
			const char *q = skip_blanks(p);
			char op = *q == '='                      ? '='
			          : (q[0] == '!' && q[1] == '=') ? '!'
			                                         : 0;

			if (op) {
				q = skip_blanks(q + (op == '!' ? 2 : 1));
				if ((x->cmp_value = literal(&q)) &&
				    !*skip_blanks(q)) {
					x->cmp = op;
					p = q;
				} else {
					free(x->cmp_value);
					x->cmp_value = NULL;
				}
			}
		}
	}
	x->fast = ok && !*p && !x->cmp && (x->nsteps || x->attr);
	/* Names of the format are compared as the parser tagged them. */
	x->step_ids = cl_calloc(x->nsteps + 1, sizeof(*x->step_ids));
	x->pred_ids = cl_calloc(x->nsteps + 1, sizeof(*x->pred_ids));
	for (i = 0; i < x->nsteps; i++) {
		x->step_ids[i] = name_id(x->steps[i]);
		if (x->pred_attr[i])
			x->pred_ids[i] = name_id(x->pred_attr[i]);
	}
	x->attr_id = x->attr ? name_id(x->attr) : CL_N_OTHER;
	if (x->cmp && *p)
		x->cmp = 0;
}

/*
 * Walks what fast expression X selects from NODE (element children by
 * name, step STEP on), in document order: counts them, up to LIMIT, and
 * sets *FIRST to the first one (an element or an attribute node).
 */
static size_t
fast_walk(const struct rs_xpath *x, xmlNodePtr node, unsigned step,
          size_t limit, xmlNodePtr *first, unsigned long long *ops)
{
	xmlNodePtr c;
	size_t count = 0;

	if (step == x->nsteps) {
		const struct cl_node *n;
		unsigned i;

		if (!x->attr) {
			if (!*first)
				*first = node;
			return 1;
		}
		if (node->type != XML_ELEMENT_NODE)
			return 0;
		/* Our attributes, not libxml2's list: make_node keeps them
		 * side by side in one array, in the same order. */
		n = node->_private;
		for (i = 0; i < n->nattrs; i++)
			if (x->attr_id != CL_N_OTHER
			        ? (int)n->attrs[i].id == x->attr_id
			        : !strcmp(n->attrs[i].name, x->attr)) {
				if (!*first)
					*first =
					    (xmlNodePtr)&node->properties[i];
				return 1;
			}
		return 0;
	}
	if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE)
		return 0;
	for (c = node->children; c && count < limit; c = c->next) {
		/* counted as XPath counts its steps: per node looked at */
		if (ops)
			++*ops;
		if (step_matches(x, step, c))
			count += fast_walk(x, c, step + 1, limit - count, first,
			                   ops);
	}
	return count;
}

/* Appends to OUT (grown with CL_GROW) what fast expression X selects
 * from NODE, step STEP on, in document order. */
static void
fast_collect(const struct rs_xpath *x, xmlNodePtr node, unsigned step,
             xmlNodePtr **out, size_t *n, size_t *alloc)
{
	xmlNodePtr c, first = NULL;

	if (step == x->nsteps) {
		if (fast_walk(x, node, step, 1, &first, NULL)) {
			if (*n == *alloc)
				CL_GROW(*out, *n + 1, *alloc);
			(*out)[(*n)++] = first;
		}
		return;
	}
	if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE)
		return;
	for (c = node->children; c; c = c->next)
		if (step_matches(x, step, c))
			fast_collect(x, c, step + 1, out, n, alloc);
}

/* fast_collect from every element of the subtree at NODE named as the
 * first step (`//a/b`), in document order of those elements. */
static void
fast_collect_any(const struct rs_xpath *x, xmlNodePtr node, xmlNodePtr **out,
                 size_t *n, size_t *alloc)
{
	xmlNodePtr c;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (step_matches(x, 0, c))
			fast_collect(x, c, 1, out, n, alloc);
		fast_collect_any(x, c, out, n, alloc);
	}
}

/* Document order for qsort (libxml2 says 1 when A comes first). */
static int
cmp_doc_order(const void *a, const void *b)
{
	int c =
	    xmlXPathCmpNodes(*(xmlNodePtr const *)a, *(xmlNodePtr const *)b);

	return c == 1 ? -1 : c == -1 ? 1 : 0;
}

/* E's elements by name, in document order, from build_doc's list and
 * counts. */
static void
index_names(struct eval *E)
{
	size_t i;

	for (i = 0; i < CL_N_COUNT; i++) {
		E->by_name[i] = cl_arena_alloc_raw(
		    &E->ctx->arena, (E->nby_name[i] + 1) * sizeof(xmlNodePtr));
		E->nby_name[i] = 0;
	}
	for (i = 0; i < E->nelems; i++) {
		const struct cl_node *n = E->elems[i]->_private;

		E->by_name[n->id][E->nby_name[n->id]++] = E->elems[i];
	}
	E->indexed = true;
}

/* The nodes fast expression X selects from E's document, in document
 * order, into *OUT; returns how many. */
static size_t
fast_given(struct eval *E, const struct rs_xpath *x, xmlNodePtr **out,
           size_t *n, size_t *alloc)
{
	xmlDocPtr doc = E->doc;
	size_t start = *n, k;

	if (x->from == RS_FROM_ANY && x->step_ids[0] != CL_N_OTHER) {
		/* `//endpoint`: the index, not a walk of the whole tree */
		int id = x->step_ids[0];

		if (!E->indexed)
			index_names(E);
		for (k = 0; k < E->nby_name[id]; k++)
			if (step_matches(x, 0, E->by_name[id][k]))
				fast_collect(x, E->by_name[id][k], 1, out, n,
				             alloc);
	} else if (x->from == RS_FROM_ANY) {
		fast_collect_any(x, (xmlNodePtr)doc, out, n, alloc);
	} else {
		fast_collect(x, (xmlNodePtr)doc, 0, out, n, alloc);
	}
	/* `//a/b` with an a inside another a can come out of order; a walk
	 * from the root, or `//a` from the index, cannot. */
	if (x->from != RS_FROM_ANY || x->nsteps == 1)
		return *n - start;
	for (k = start + 1; k < *n; k++)
		if (xmlXPathCmpNodes((*out)[k - 1], (*out)[k]) != 1)
			break;
	if (k < *n)
		qsort(*out + start, *n - start, sizeof(**out), cmp_doc_order);
	return *n - start;
}

/* X is a fast expression relative to the node an assertion looks at.
 * An absolute one (`//endpoint`) is left to libxml2: over every node
 * selected it would walk the whole document, and only libxml2 counts
 * that against the limits. */
static bool
fast_here(const struct rs_xpath *x)
{
	return x->fast && x->from == RS_FROM_NODE;
}

/* How many nodes fast_here expression X selects from NODE, up to LIMIT;
 * the first in *FIRST (NULL when none). Returns -1 after stopping the
 * rule when the walk took the rule past its operation limit. */
static long long
fast_select(struct eval *E, const struct rs_xpath *x, xmlNodePtr node,
            size_t limit, xmlNodePtr *first)
{
	size_t n;
	unsigned i;

	*first = NULL;
	for (i = 0; node && i < x->ups; i++)
		node = node->parent;
	if (!node)
		return 0;
	n = fast_walk(x, node, 0, limit, first, &E->ops);
	if (E->ops > CL_RULESET_RULE_OP_LIMIT) {
		stop(E,
		     "rule stopped: its XPath evaluations exceeded their limit "
		     "of %d operations for one file",
		     CL_RULESET_RULE_OP_LIMIT);
		return -1;
	}
	return (long long)n;
}

/* NODE's string value without a copy when our tree has it whole: an
 * attribute's decoded value, an element's text when it has no child
 * element (XPath's string value is then that text). NULL otherwise. */
static const char *
leaf_string(xmlNodePtr node)
{
	const struct cl_node *n;

	if (node->type == XML_ATTRIBUTE_NODE && node->_private)
		return ((const struct cl_attr *)node->_private)->value;
	if (node->type != XML_ELEMENT_NODE || !(n = node->_private) ||
	    n->children)
		return NULL;
	return n->text ? n->text : "";
}

/* The string value of X's result (malloc'd, caller frees), or NULL when
 * the rule stopped. */
static char *
string_of(struct eval *E, const struct rs_xpath *x, xmlNodePtr node)
{
	xmlXPathObjectPtr obj;
	xmlChar *s;
	const char *v;
	char *out;

	if (E->stopped)
		return NULL;
	if (fast_here(x)) {
		xmlNodePtr first;
		long long n = fast_select(E, x, node, 1, &first);

		if (n < 0)
			return NULL;
		/* A node-set's string value is its first node's. */
		if (!n)
			return cl_strdup("");
		if ((v = leaf_string(first)))
			return cl_strdup(v);
		if (!(s = xmlXPathCastNodeToString(first)))
			BUG("out of memory in libxml2");
		out = cl_strdup((const char *)s);
		xmlFree(s);
		return out;
	}
	if (!(obj = run(E, x, node)))
		return NULL;
	s = xmlXPathCastToString(obj);
	xmlXPathFreeObject(obj);
	if (!s)
		BUG("out of memory in libxml2");
	out = cl_strdup((const char *)s);
	xmlFree(s);
	return out;
}

/* A's message for NODE (malloc'd, caller frees), or NULL when the rule
 * stopped. */
static char *
message(struct eval *E, const struct rs_assert *a, xmlNodePtr node)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	if (!a->nparts)
		return cl_strdup(E->r->rule.summary);
	for (i = 0; i < a->nparts; i++) {
		char *v;

		if (a->parts[i].lit) {
			cl_strbuf_adds(&sb, a->parts[i].lit);
			continue;
		}
		if (!(v = string_of(E, &a->parts[i].expr, node))) {
			cl_strbuf_release(&sb);
			return NULL;
		}
		cl_strbuf_adds(&sb, v);
		free(v);
	}
	return cl_strbuf_detach(&sb);
}

/* ---- unique: the values met so far, by hash ---- */

struct seen {
	char **keys;
	struct cl_span *at;
	size_t cap, n;
};

static size_t
seen_slot(const struct seen *t, const char *key)
{
	size_t i = cl_str_hash(key) & (t->cap - 1);

	while (t->keys[i] && strcmp(t->keys[i], key))
		i = (i + 1) & (t->cap - 1);
	return i;
}

/* The first span of KEY, or NULL after remembering KEY at AT (then the
 * table takes KEY; else the caller still owns it). */
static const struct cl_span *
seen_add(struct seen *t, char *key, struct cl_span at)
{
	size_t i;

	if (2 * (t->n + 1) > t->cap) {
		struct seen old = *t;
		size_t k;

		t->cap = t->cap ? 2 * t->cap : 64;
		t->keys = cl_calloc(t->cap, sizeof(*t->keys));
		t->at = cl_calloc(t->cap, sizeof(*t->at));
		for (k = 0; k < old.cap; k++) {
			if (!old.keys[k])
				continue;
			i = seen_slot(t, old.keys[k]);
			t->keys[i] = old.keys[k];
			t->at[i] = old.at[k];
		}
		free(old.keys);
		free(old.at);
	}
	i = seen_slot(t, key);
	if (t->keys[i])
		return &t->at[i];
	t->keys[i] = key;
	t->at[i] = at;
	t->n++;
	return NULL;
}

static void
seen_release(struct seen *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->at);
	memset(t, 0, sizeof(*t));
}

/* ---- assertions ---- */

static bool
tests_text(enum rs_kind k)
{
	return k == RS_PATTERN || k == RS_NOT_PATTERN || k == RS_ENUM ||
	       k == RS_LENGTH || k == RS_UNIQUE;
}

/* The number of nodes OBJ selects, or -1 when it is not a node-set. */
static long long
nodes_in(const xmlXPathObject *obj)
{
	if (obj->type != XPATH_NODESET && obj->type != XPATH_XSLT_TREE)
		return -1;
	return obj->nodesetval ? obj->nodesetval->nodeNr : 0;
}

static int test_value(struct eval *E, const struct rs_assert *a, const char *v);

/* Whether A holds on NODE: 1, 0, or -1 when the rule stopped. Unique
 * reports on its own (it needs the related location) and returns 1. */
static int
holds(struct eval *E, const struct rs_assert *a, xmlNodePtr node,
      struct seen *seen)
{
	xmlXPathObjectPtr obj;
	xmlChar *s = NULL;
	long long count;
	int ok = 1;

	switch (a->kind) {
	case RS_EXISTS:
	case RS_ABSENT:
		if (fast_here(&a->expr) && !E->stopped) {
			xmlNodePtr first;

			if ((count =
			         fast_select(E, &a->expr, node, 1, &first)) < 0)
				return -1;
			ok = count > 0;
			return a->kind == RS_EXISTS ? ok : !ok;
		}
		if (!(obj = run(E, &a->expr, node)))
			return -1;
		count = nodes_in(obj);
		ok = count < 0 ? xmlXPathCastToBoolean(obj) : count > 0;
		xmlXPathFreeObject(obj);
		return a->kind == RS_EXISTS ? ok : !ok;
	case RS_TEST:
		if ((a->expr.cmp || fast_here(&a->expr)) && !E->stopped) {
			xmlNodePtr first;
			const struct cl_attr *at;

			if ((count =
			         fast_select(E, &a->expr, node, 1, &first)) < 0)
				return -1;
			if (!a->expr.cmp)
				return count > 0;
			/* XPath compares a node-set with a string node by
			 * node: none, false either way */
			if (!count)
				return 0;
			at = first->_private;
			ok = !strcmp(at->value, a->expr.cmp_value);
			return a->expr.cmp == '=' ? ok : !ok;
		}
		if (!(obj = run(E, &a->expr, node)))
			return -1;
		ok = xmlXPathCastToBoolean(obj) == 1;
		xmlXPathFreeObject(obj);
		return ok;
	case RS_COUNT:
		if (fast_here(&a->expr) && !E->stopped) {
			xmlNodePtr first;
			/* Past the bounds the exact count does not matter. */
			size_t cap = SIZE_MAX;

			if (a->has_max && a->max < SIZE_MAX - 1)
				cap = (size_t)a->max + 1;
			else if (!a->has_max && a->min < SIZE_MAX)
				cap = a->min ? (size_t)a->min : 1;
			if ((count = fast_select(E, &a->expr, node, cap,
			                         &first)) < 0)
				return -1;
			return (!a->has_min ||
			        (unsigned long long)count >= a->min) &&
			       (!a->has_max ||
			        (unsigned long long)count <= a->max);
		}
		if (!(obj = run(E, &a->expr, node)))
			return -1;
		count = nodes_in(obj);
		xmlXPathFreeObject(obj);
		if (count < 0) {
			stop(E,
			     "rule stopped: the XPath `%s` in `of` gives no "
			     "nodes to count",
			     a->expr.src);
			return -1;
		}
		return (!a->has_min || (unsigned long long)count >= a->min) &&
		       (!a->has_max || (unsigned long long)count <= a->max);
	case RS_UNIQUE: {
		char *v = string_of(E, &a->expr, node);
		struct cl_span at = node_span(E, node, true);
		const struct cl_span *first;
		struct cl_diag *d;
		char *msg;

		if (!v)
			return -1;
		if (!(first = seen_add(seen, v, at)))
			return 1;
		if (!(msg = message(E, a, node))) {
			free(v);
			return -1;
		}
		d = cl_report(E->ctx, &E->r->rule, at, "%s", msg);
		cl_report_related(E->ctx, d, *first, "first `%s` here", v);
		free(msg);
		free(v);
		return 1;
	}
	default:
		break;
	}
	/* The rest test the node's string value: ours, when the node is
	 * an attribute or an element without child elements (no copy). */
	{
		const char *v = leaf_string(node);

		if (!v) {
			if (!(s = xmlXPathCastNodeToString(node)))
				BUG("out of memory in libxml2");
			v = (const char *)s;
		}
		ok = test_value(E, a, v);
	}
	xmlFree(s);
	return ok;
}

/* Whether value V passes assertion A (pattern, not-pattern, enum,
 * length): 1, 0, or -1 when the rule stopped. */
static int
test_value(struct eval *E, const struct rs_assert *a, const char *v)
{
	size_t i, len;
	int ok = 1;

	switch (a->kind) {
	case RS_PATTERN:
	case RS_NOT_PATTERN:
		ok = match(E, a, v);
		if (ok >= 0 && a->kind == RS_NOT_PATTERN)
			ok = !ok;
		break;
	case RS_ENUM:
		for (ok = 0, i = 0; i < a->nwords && !ok; i++)
			ok = !strcmp(a->words[i], v);
		break;
	case RS_LENGTH:
		len = cl_utf8_count(v, strlen(v));
		ok = (!a->has_min || len >= a->min) &&
		     (!a->has_max || len <= a->max);
		break;
	default:
		break;
	}
	return ok;
}

/* The nodes every <given> of E->r selects, in document order, each once,
 * into *NODES (malloc'd, caller frees); the results that hold them stay
 * in OBJS (zeroed, one per given; caller frees each with
 * xmlXPathFreeObject). */
static size_t
selected(struct eval *E, xmlNodePtr **nodes, xmlXPathObjectPtr *objs)
{
	const struct rs_rule *r = E->r;
	size_t i, n = 0, alloc = 0, k, out;

	*nodes = NULL;
	for (i = 0; i < r->ngivens && !E->stopped; i++) {
		xmlXPathObjectPtr obj;
		long long count;

		if (r->givens[i].fast) {
			fast_given(E, &r->givens[i], nodes, &n, &alloc);
			continue;
		}
		obj = run(E, &r->givens[i], (xmlNodePtr)E->doc);

		if (!obj)
			break;
		objs[i] = obj;
		if ((count = nodes_in(obj)) < 0) {
			stop(
			    E,
			    "rule stopped: the XPath `%s` in `select` gives no "
			    "nodes",
			    r->givens[i].src);
			break;
		}
		CL_GROW(*nodes, n + (size_t)count, alloc);
		for (k = 0; k < (size_t)count; k++)
			(*nodes)[n++] = obj->nodesetval->nodeTab[k];
	}
	/* One location path gives its nodes in document order, once each. */
	if (E->stopped || n < 2 || r->ngivens == 1)
		return n;
	qsort(*nodes, n, sizeof(**nodes), cmp_doc_order);
	for (out = 1, k = 1; k < n; k++)
		if ((*nodes)[k] != (*nodes)[out - 1])
			(*nodes)[out++] = (*nodes)[k];
	return out;
}

static void
check_rule(struct eval *E)
{
	const struct rs_rule *r = E->r;
	xmlNodePtr *nodes;
	/* Most rules have a given or two and an assertion or two: no
	 * allocation for those. */
	xmlXPathObjectPtr objs_here[4] = { 0 },
	                  *objs = r->ngivens <= 4
	                              ? objs_here
	                              : cl_calloc(r->ngivens, sizeof(*objs));
	struct seen seen_here[4] = { 0 },
	            *seen = r->nasserts <= 4
	                        ? seen_here
	                        : cl_calloc(r->nasserts, sizeof(*seen));
	size_t n = selected(E, &nodes, objs), i, k;

	for (i = 0; i < n && !E->stopped; i++) {
		for (k = 0; k < r->nasserts && !E->stopped; k++) {
			const struct rs_assert *a = &r->asserts[k];
			int ok = holds(E, a, nodes[i], &seen[k]);
			char *msg;

			if (ok != 0)
				continue;
			if (!(msg = message(E, a, nodes[i])))
				break;
			cl_report(E->ctx, &r->rule,
			          node_span(E, nodes[i], tests_text(a->kind)),
			          "%s", msg);
			free(msg);
		}
	}
	for (k = 0; k < r->nasserts; k++)
		seen_release(&seen[k]);
	if (seen != seen_here)
		free(seen);
	for (i = 0; i < r->ngivens; i++)
		xmlXPathFreeObject(objs[i]);
	if (objs != objs_here)
		free(objs);
	free(nodes);
}

static void
ignore_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
cl_ruleset_check(const struct cl_ruleset *rs, struct cl_ctx *ctx)
{
	struct eval E;
	xmlGenericErrorFunc old_generic;
	void *old_generic_ctx;
	size_t i, elems_alloc = 0;

	for (i = 0; i < rs->nrules; i++)
		if (cl_rule_enabled(ctx, &rs->rules[i].rule))
			break;
	if (i == rs->nrules || !ctx->doc.root)
		return;
	cl_xml_init();
	/* libxml2 prints some evaluation errors (an unknown function)
	 * through this thread's generic handler: silence it for the call. */
	old_generic = xmlGenericError;
	old_generic_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, ignore_generic);
	memset(&E, 0, sizeof(E));
	E.ctx = ctx;
	E.doc = build_doc(&ctx->arena, ctx->doc.root, &E.elems, &E.nelems,
	                  &elems_alloc, E.nby_name);
	E.mctx = pcre2_match_context_create(NULL);
	E.md = pcre2_match_data_create(1, NULL);
	if (!E.mctx || !E.md)
		BUG("out of memory in PCRE2");
	pcre2_set_match_limit(E.mctx, CL_RULESET_MATCH_LIMIT);
	pcre2_set_depth_limit(E.mctx, CL_RULESET_DEPTH_LIMIT);
	/* One context for every rule (xpath_context); run() resets what an
	 * evaluation leaves in it. */
	for (; i < rs->nrules; i++) {
		if (!cl_rule_enabled(ctx, &rs->rules[i].rule))
			continue;
		E.r = &rs->rules[i];
		E.stopped = false;
		E.ops = 0;
		check_rule(&E);
		if (E.x)
			xmlResetError(&E.x->lastError);
	}
	if (E.x)
		xmlXPathFreeContext(E.x);
	free(E.elems);
	pcre2_match_data_free(E.md);
	pcre2_match_context_free(E.mctx);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
}
