/*
 * Loading a ruleset (ruleset.h, ../shared/spec/rulesets.md): the file is
 * read with the safe connector parser, validated whole (the first error
 * wins, with its position), and every XPath expression, pattern and
 * message template compiled once, so that evaluation only runs them.
 */
/* realpath(3) is XSI. */
#define _XOPEN_SOURCE 700
#include "ruleset.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "ascii.h"
#include "nearmiss.h"
#include "ruleset_int.h"
#include "text.h"
#include "util.h"
#include "xml.h"

/* ---- libxml2's reasons ---- */

/* libxml2's wording, in the order of xmlXPathError (its own table is not
 * exported, and 2.9 leaves the error's message empty when a context
 * callback takes it). */
static const char *const xpath_reasons[] = {
	"Ok",
	"Number encoding",
	"Unfinished literal",
	"Start of literal",
	"Expected $ for variable reference",
	"Undefined variable",
	"Invalid predicate",
	"Invalid expression",
	"Missing closing curly brace",
	"Unregistered function",
	"Invalid operand",
	"Invalid type",
	"Invalid number of arguments",
	"Invalid context size",
	"Invalid context position",
	"Memory allocation error",
	"Syntax error",
	"Resource error",
	"Sub resource error",
	"Undefined namespace prefix",
	"Encoding error",
	"Char out of XML range",
	"Invalid or incomplete context",
	"Stack usage error",
	"Forbidden variable",
	"Operation limit exceeded",
	"Recursion limit exceeded",
};

const char *
cl_rs_xpath_reason(int code)
{
	if (code < 0 || (size_t)code >= CL_ARRAY_SIZE(xpath_reasons))
		return "?? Unknown error ??";
	return xpath_reasons[code];
}

/* ---- the loader ---- */

struct loader {
	const char *display;
	const char *buf;
	size_t len;
	struct cl_ruleset *rs;
	xmlXPathContextPtr xctx; /* for compiling: no document, no dict */
	xmlDocPtr trial;         /* a one-element document to try them on */
	int xerr;                /* the last XPath error code, or 0 */
	/* Where each rule's id and slug values start, for duplicates. */
	uint32_t *id_at, *slug_at;
	char *error; /* the first error, malloc'd */
};

/* Records an error at byte OFFSET, unless one is recorded already. */
CL_PRINTF(3, 4)
static void
fail(struct loader *L, uint32_t offset, const char *fmt, ...)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	unsigned line, col, bytecol;
	va_list ap;

	if (L->error)
		return;
	cl_offset_position(L->buf, L->len, offset, &line, &col, &bytecol);
	cl_strbuf_addf(&sb, "%s:%u:%u: error: ", L->display, line, col);
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	L->error = cl_strbuf_detach(&sb);
}

static unsigned
line_of(const struct loader *L, uint32_t offset)
{
	unsigned line, col, bytecol;

	cl_offset_position(L->buf, L->len, offset, &line, &col, &bytecol);
	return line;
}

/* Bytes a character reference's code point takes in UTF-8. */
static size_t
charref_len(const char *ref, size_t n)
{
	unsigned long cp;
	char tmp[16];

	if (n < 3 || n >= sizeof(tmp))
		return 1;
	memcpy(tmp, ref + 2, n - 2);
	tmp[n - 2] = '\0';
	cp =
	    tmp[0] == 'x' ? strtoul(tmp + 1, NULL, 16) : strtoul(tmp, NULL, 10);
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/*
 * The buffer offset of byte OFF of attribute A's decoded value: the raw
 * text differs from the value where an entity or character reference was
 * decoded or a "\r\n" read as one character, so walk both.
 */
static uint32_t
raw_offset(const struct loader *L, const struct cl_attr *a, size_t off)
{
	uint32_t raw = a->value_span.start, end = a->value_span.end;
	size_t d = 0;

	while (raw < end && d < off) {
		const char *p = L->buf + raw;
		size_t step = 1, dlen = 1;

		if (*p == '&') {
			const char *semi = memchr(p, ';', end - raw);

			if (semi) {
				step = (size_t)(semi - p) + 1;
				dlen =
				    p[1] == '#' ? charref_len(p, step - 1) : 1;
			}
		} else if (*p == '\r' && raw + 1 < end && p[1] == '\n') {
			step = 2;
		}
		if (d + dlen > off)
			break;
		raw += (uint32_t)step;
		d += dlen;
	}
	return raw;
}

/* Remembers the code of an XPath error (never printed). */
static void
on_xpath_error(void *data, xmlErrorPtr e)
{
	struct loader *L = data;

	if (e && !L->xerr)
		L->xerr = e->code - XML_XPATH_EXPRESSION_OK;
}

/*
 * Compiles SRC (LEN bytes at offset OFF of attribute A's value) into X,
 * or records "bad XPath in `WHAT`". Returns 0 on success.
 */
static int
compile_xpath(struct loader *L, const struct cl_attr *a, size_t off, size_t len,
              const char *what, struct rs_xpath *x)
{
	static const char *const types[] = {
		[XPATH_BOOLEAN] = "a boolean",
		[XPATH_NUMBER] = "a number",
		[XPATH_STRING] = "a string",
	};
	/* What `select` and `of` give must be nodes. */
	bool nodes = !strcmp(what, "select") || !strcmp(what, "of");

	x->src = cl_strndup(a->value + off, len);
	L->xerr = 0;
	x->comp = xmlXPathCtxtCompile(L->xctx, (const xmlChar *)x->src);
	if (x->comp) {
		/* libxml2 runs a plain location path ("//a") by streaming,
		 * which its operation limit does not count. The same
		 * expression in parentheses, valid and equal since the
		 * expression is, is never streamed. */
		char *paren = cl_xasprintf("(%s)", x->src);
		xmlXPathCompExprPtr counted =
		    xmlXPathCtxtCompile(L->xctx, (const xmlChar *)paren);

		free(paren);
		if (counted) {
			xmlXPathFreeCompExpr(x->comp);
			x->comp = counted;
		}
		L->xerr = 0;
	}
	if (x->comp)
		cl_rs_xpath_shape(x);
	if (x->comp) {
		/* libxml2 finds an unknown function, variable or prefix only
		 * when it evaluates: try each expression once here, so that
		 * such an error is the ruleset's, not every file's. */
		xmlXPathObjectPtr obj;

		L->xctx->doc = L->trial;
		L->xctx->node = (xmlNodePtr)L->trial;
		L->xctx->opCount = 0;
		L->xctx->depth = 0;
		L->xctx->contextSize = 1;
		L->xctx->proximityPosition = 1;
		obj = xmlXPathCompiledEval(x->comp, L->xctx);
		/* XPath 1.0 types are static: what an expression gives on
		 * this document, it gives on every one. */
		if (obj && !L->xerr && nodes &&
		    obj->type < CL_ARRAY_SIZE(types) && types[obj->type]) {
			fail(L, raw_offset(L, a, off),
			     "bad XPath in `%s`: `%s` gives %s, not nodes",
			     what, x->src, types[obj->type]);
			xmlXPathFreeObject(obj);
			return -1;
		}
		xmlXPathFreeObject(obj);
		if (!L->xerr || L->xerr == XPATH_OP_LIMIT_EXCEEDED ||
		    L->xerr == XPATH_RECURSION_LIMIT_EXCEEDED ||
		    L->xerr == XPATH_MEMORY_ERROR)
			return 0;
	}
	fail(L, raw_offset(L, a, off), "bad XPath in `%s`: %s", what,
	     cl_rs_xpath_reason(L->xerr ? L->xerr : XPATH_EXPR_ERROR));
	return -1;
}

/* Whether pattern RE is `^` and then plain ASCII characters with no
 * special meaning: a match is then a prefix comparison. */
static bool
literal_prefix(const char *re)
{
	const char *p;

	if (*re != '^')
		return false;
	for (p = re + 1; *p; p++)
		if (*p < 0x20 || *p > 0x7e || strchr("\\^$.|?*+()[]{}", *p))
			return false;
	return true;
}

/* Compiles A's value as a PCRE2 pattern into X, or records why not. */
static int
compile_regex(struct loader *L, const struct cl_attr *a, struct rs_assert *x)
{
	int code;
	PCRE2_SIZE eoff;
	PCRE2_UCHAR msg[256];
	pcre2_code **re = &x->re;

	*re = pcre2_compile((PCRE2_SPTR)a->value, PCRE2_ZERO_TERMINATED,
	                    PCRE2_UTF, &code, &eoff, NULL);
	if (!*re) {
		size_t at = eoff > strlen(a->value) ? strlen(a->value) : eoff;

		if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
			strcpy((char *)msg, "unknown error");
		fail(L, raw_offset(L, a, at),
		     "bad regular expression in `%s`: %s (at character %zu)",
		     a->name, (const char *)msg, cl_utf8_count(a->value, at));
		return -1;
	}
	/* JIT is an optimisation: without it (no JIT on this machine, or
	 * no memory for it) the interpreter runs the same pattern. */
	x->jit = pcre2_jit_compile(*re, PCRE2_JIT_COMPLETE) == 0;
	if (literal_prefix(a->value))
		x->prefix_len = strlen(a->value) - 1;
	x->prefix = x->prefix_len || !strcmp(a->value, "^");
	return 0;
}

/* "`a`, `b` and `c`" into SB, each name between PRE and POST. */
static void
add_names(struct cl_strbuf *sb, const char *const *names, size_t n,
          const char *pre, const char *post)
{
	size_t i;

	for (i = 0; i < n; i++)
		cl_strbuf_addf(sb, "%s%s%s%s",
		               i == 0       ? ""
		               : i + 1 == n ? " and "
		                            : ", ",
		               pre, names[i], post);
}

/* Reports the first attribute of N that is not in NAMES. */
static void
check_attrs(struct loader *L, const struct cl_node *n, const char *const *names,
            size_t count)
{
	unsigned i;
	size_t k;

	for (i = 0; i < n->nattrs && !L->error; i++) {
		const struct cl_attr *a = &n->attrs[i];
		const char *near;
		struct cl_strbuf sb = CL_STRBUF_INIT;

		for (k = 0; k < count && strcmp(a->name, names[k]); k++)
			;
		if (k < count)
			continue;
		if ((near = cl_nearmiss(a->name, names, count))) {
			cl_strbuf_addf(&sb, "did you mean `%s`?", near);
		} else if (count) {
			cl_strbuf_adds(&sb, "it takes ");
			add_names(&sb, names, count, "`", "`");
		} else {
			cl_strbuf_adds(&sb, "it takes none");
		}
		fail(L, a->name_span.start,
		     "unknown attribute `%s` on `<%s>`; %s", a->name, n->name,
		     cl_strbuf_str(&sb));
		cl_strbuf_release(&sb);
	}
}

/* Attribute NAME of N, or records that N needs it. */
static const struct cl_attr *
need_attr(struct loader *L, const struct cl_node *n, const char *name)
{
	const struct cl_attr *a = cl_node_attr(n, name);

	if (!a)
		fail(L, n->name_span.start, "`<%s>` needs %s `%s` attribute",
		     n->name, strchr("aeiou", name[0]) ? "an" : "a", name);
	return a;
}

/* Offset of the first byte of N's content that is not white space. */
static uint32_t
text_start(const struct loader *L, const struct cl_node *n)
{
	uint32_t s = n->inner_span.start;

	while (s < n->inner_span.end && cl_ascii_isblank(L->buf[s]))
		s++;
	return s;
}

/* Text other than white space inside N is a mistake. */
static void
check_no_text(struct loader *L, const struct cl_node *n)
{
	if (n->text && !cl_ascii_all_blank(n->text))
		fail(L, text_start(L, n), "text inside `<%s>`", n->name);
}

/* An element that holds nothing: no child element, no text. */
static void
check_empty(struct loader *L, const struct cl_node *n)
{
	if (n->children)
		fail(L, n->children->name_span.start,
		     "`<%s>` takes no child elements", n->name);
	check_no_text(L, n);
}

/* An element that holds text only. */
static void
check_text_only(struct loader *L, const struct cl_node *n)
{
	check_attrs(L, n, NULL, 0);
	if (n->children)
		fail(L, n->children->name_span.start,
		     "`<%s>` holds text only; write `<` as `&lt;`", n->name);
}

/* Reports an unknown element C of PARENT, suggesting among NAMES. */
static void
unknown_element(struct loader *L, const struct cl_node *parent,
                const struct cl_node *c, const char *const *names, size_t n)
{
	const char *near = cl_nearmiss(c->name, names, n);
	struct cl_strbuf sb = CL_STRBUF_INIT;

	if (near) {
		cl_strbuf_addf(&sb, "did you mean `<%s>`?", near);
	} else {
		cl_strbuf_adds(&sb, "it holds ");
		add_names(&sb, names, n, "`<", ">`");
	}
	fail(L, c->name_span.start, "unknown element `<%s>` in `<%s>`; %s",
	     c->name, parent->name, cl_strbuf_str(&sb));
	cl_strbuf_release(&sb);
}

/* ---- <rule> ---- */

static bool
is_slug(const char *s)
{
	bool word = false;

	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			word = true;
		else if (*s == '-' && word)
			word = false;
		else
			return false;
	}
	return word;
}

static void
rule_attrs(struct loader *L, const struct cl_node *n, struct rs_rule *r,
           size_t index)
{
	static const char *const names[] = { "id", "slug", "severity" };
	const struct cl_attr *id, *slug, *sev;
	const char *prefix = L->rs->prefix;
	size_t plen = strlen(prefix), i, digits;
	enum cl_severity severity;

	check_attrs(L, n, names, CL_ARRAY_SIZE(names));
	id = need_attr(L, n, "id");
	slug = need_attr(L, n, "slug");
	sev = need_attr(L, n, "severity");
	if (L->error)
		return;
	L->id_at[index] = id->value_span.start;
	L->slug_at[index] = slug->value_span.start;
	digits =
	    strspn(id->value + (strncmp(id->value, prefix, plen) ? 0 : plen),
	           "0123456789");
	if (strncmp(id->value, prefix, plen)) {
		fail(L, id->value_span.start,
		     "rule id `%s` does not start with the ruleset's prefix "
		     "`%s`",
		     id->value, prefix);
	} else if (digits < 3 || id->value[plen + digits]) {
		fail(L, id->value_span.start,
		     "rule id `%s` is ill-formed; a rule id is the prefix `%s` "
		     "and three or more digits, as `%s001`",
		     id->value, prefix, prefix);
	}
	for (i = 0; i < index && !L->error; i++)
		if (!strcmp(L->rs->rules[i].rule.id, id->value))
			fail(L, id->value_span.start,
			     "duplicate rule id `%s`; the first one is on "
			     "line %u",
			     id->value, line_of(L, L->id_at[i]));
	if (!is_slug(slug->value))
		fail(L, slug->value_span.start,
		     "slug `%s` is ill-formed; a slug is lower-case words of "
		     "letters and digits joined by `-`, as `endpoint-without-"
		     "entity`",
		     slug->value);
	for (i = 0; i < index && !L->error; i++)
		if (!strcmp(L->rs->rules[i].rule.slug, slug->value))
			fail(L, slug->value_span.start,
			     "duplicate slug `%s`; the first one is on line %u",
			     slug->value, line_of(L, L->slug_at[i]));
	if (cl_severity_parse(sev->value, &severity))
		fail(L, sev->value_span.start,
		     "unknown severity `%s`; use error, warning or info",
		     sev->value);
	if (L->error)
		return;
	r->rule.id = cl_strdup(id->value);
	r->rule.slug = cl_strdup(slug->value);
	r->rule.severity = severity;
}

/* N's text without the white space around it. Caller frees. */
static char *
trimmed(const char *s)
{
	size_t len;

	while (cl_ascii_isblank(*s))
		s++;
	len = strlen(s);
	while (len && cl_ascii_isblank(s[len - 1]))
		len--;
	return cl_strndup(s, len);
}

static void
on_summary(struct loader *L, const struct cl_node *n, struct rs_rule *r)
{
	char *s;

	check_text_only(L, n);
	if (L->error)
		return;
	s = trimmed(n->text ? n->text : "");
	if (!*s)
		fail(
		    L, n->name_span.start,
		    "`<summary>` is empty; give the rule's summary in one line");
	else if (strchr(s, '\n') || strchr(s, '\r'))
		fail(L, text_start(L, n),
		     "`<summary>` is more than one line; it is the rule's "
		     "one-line summary (`<doc>` takes the rest)");
	if (L->error) {
		free(s);
		return;
	}
	r->rule.summary = s;
}

/*
 * <doc>'s Markdown: blank lines around it dropped and the indentation
 * its lines share removed, since the XML around it is indented and
 * Markdown reads four spaces as code. Caller frees.
 */
static char *
dedent(const char *text)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *p, *line;
	size_t common = (size_t)-1, len;

	/* Skip blank lines at the start. */
	for (p = text, line = text; *p && cl_ascii_isblank(*p); p++)
		if (*p == '\n')
			line = p + 1;
	text = line;
	for (p = text; *p;) {
		size_t ind = strspn(p, " \t"), l = strcspn(p, "\n");

		if (ind < l && ind < common)
			common = ind;
		p += l + (p[l] == '\n');
	}
	for (p = text; *p;) {
		size_t l = strcspn(p, "\n");
		size_t skip = l < common ? l : common;

		cl_strbuf_add(&sb, p + skip, l - skip);
		cl_strbuf_addch(&sb, '\n');
		p += l + (p[l] == '\n');
	}
	len = sb.len;
	while (len && cl_ascii_isblank(sb.buf[len - 1]))
		len--;
	if (!len) {
		cl_strbuf_release(&sb);
		return NULL;
	}
	sb.buf[len] = '\0';
	sb.len = len;
	return cl_strbuf_detach(&sb);
}

static void
on_doc(struct loader *L, const struct cl_node *n, struct rs_rule *r)
{
	check_text_only(L, n);
	if (!L->error)
		r->rule.doc = dedent(n->text ? n->text : "");
}

static void
on_given(struct loader *L, const struct cl_node *n, struct rs_rule *r)
{
	static const char *const names[] = { "select" };
	const struct cl_attr *a;
	struct rs_xpath *x;

	check_attrs(L, n, names, 1);
	a = need_attr(L, n, "select");
	check_empty(L, n);
	if (L->error)
		return;
	r->givens = cl_realloc(r->givens, (r->ngivens + 1) * sizeof(*x));
	x = &r->givens[r->ngivens++];
	memset(x, 0, sizeof(*x));
	compile_xpath(L, a, 0, strlen(a->value), "select", x);
}

/* Parses A's value as a non-negative decimal integer into *OUT. */
static int
parse_number(struct loader *L, const struct cl_attr *a, unsigned long long *out)
{
	const char *v = a->value;
	unsigned long long n = 0;

	if (!*v || strspn(v, "0123456789") != strlen(v)) {
		fail(L, a->value_span.start,
		     "`%s` is `%s`; give a whole number, 0 or more", a->name,
		     v);
		return -1;
	}
	for (; *v; v++) {
		if (n > (ULLONG_MAX - 9) / 10) {
			fail(L, a->value_span.start, "`%s` is too large",
			     a->name);
			return -1;
		}
		n = n * 10 + (unsigned long long)(*v - '0');
	}
	*out = n;
	return 0;
}

/* The space-separated words of A's value into X. */
static void
parse_enum(struct loader *L, const struct cl_attr *a, struct rs_assert *x)
{
	const char *p = a->value;

	while (*p) {
		size_t l;

		while (cl_ascii_isblank(*p))
			p++;
		if (!*p)
			break;
		for (l = 0; p[l] && !cl_ascii_isblank(p[l]); l++)
			;
		x->words =
		    cl_realloc(x->words, (x->nwords + 1) * sizeof(*x->words));
		x->words[x->nwords++] = cl_strndup(p, l);
		p += l;
	}
	if (!x->nwords)
		fail(L, a->value_span.start,
		     "`enum` is empty; give the allowed values separated by "
		     "spaces");
}

/* Adds a literal part of LEN bytes at S to X's template. */
static void
add_lit(struct rs_assert *x, const char *s, size_t len)
{
	struct rs_part *p;

	if (!len)
		return;
	if (x->nparts && x->parts[x->nparts - 1].lit) {
		p = &x->parts[x->nparts - 1];
		size_t old = strlen(p->lit);

		p->lit = cl_realloc(p->lit, old + len + 1);
		memcpy(p->lit + old, s, len);
		p->lit[old + len] = '\0';
		return;
	}
	x->parts = cl_realloc(x->parts, (x->nparts + 1) * sizeof(*x->parts));
	p = &x->parts[x->nparts++];
	memset(p, 0, sizeof(*p));
	p->lit = cl_strndup(s, len);
}

/* The '}' that closes the expression starting at P, or NULL: braces in
 * an XPath string literal do not count (XPath 1.0 has no escapes in
 * literals, so a quote always ends one). */
static const char *
expr_end(const char *p)
{
	char quote = 0;

	for (; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '}') {
			return p;
		}
	}
	return NULL;
}

/* Parses the message template in A into X's parts. */
static void
parse_template(struct loader *L, const struct cl_attr *a, struct rs_assert *x)
{
	const char *v = a->value, *p = v;

	while (*p && !L->error) {
		size_t lit = strcspn(p, "{}");

		add_lit(x, p, lit);
		p += lit;
		if (!*p)
			break;
		if (p[0] == p[1]) { /* "{{" or "}}": a literal brace */
			add_lit(x, p, 1);
			p += 2;
		} else if (*p == '}') {
			fail(L, raw_offset(L, a, (size_t)(p - v)),
			     "lone `}` in `message`; write `}}` for a literal "
			     "brace");
		} else {
			const char *close = expr_end(p + 1), *q;
			struct rs_part *part;

			if (!close) {
				fail(L, raw_offset(L, a, (size_t)(p - v)),
				     "unclosed `{` in `message`; write `{{` "
				     "for a literal brace");
				break;
			}
			for (q = p + 1; q < close && cl_ascii_isblank(*q); q++)
				;
			if (q == close) {
				fail(L, raw_offset(L, a, (size_t)(p - v)),
				     "empty `{}` in `message`; put an XPath "
				     "between the braces, or write `{{}}` for "
				     "literal braces");
				break;
			}
			x->parts = cl_realloc(x->parts, (x->nparts + 1) *
			                                    sizeof(*x->parts));
			part = &x->parts[x->nparts++];
			memset(part, 0, sizeof(*part));
			compile_xpath(L, a, (size_t)(p + 1 - v),
			              (size_t)(close - p - 1), "message",
			              &part->expr);
			p = close + 1;
		}
	}
}

/* Which assertion an attribute of <assert> states (-1: none). */
static int
attr_kind(const char *name)
{
	static const struct {
		const char *name;
		enum rs_kind kind;
	} kinds[] = {
		{ "exists", RS_EXISTS },     { "absent", RS_ABSENT },
		{ "pattern", RS_PATTERN },   { "not-pattern", RS_NOT_PATTERN },
		{ "enum", RS_ENUM },         { "min-length", RS_LENGTH },
		{ "max-length", RS_LENGTH }, { "count-min", RS_COUNT },
		{ "count-max", RS_COUNT },   { "unique", RS_UNIQUE },
		{ "test", RS_TEST },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(kinds); i++)
		if (!strcmp(name, kinds[i].name))
			return (int)kinds[i].kind;
	return -1;
}

static void
on_assert(struct loader *L, const struct cl_node *n, struct rs_rule *r)
{
	static const char *const names[] = {
		"exists",     "absent",     "pattern",   "not-pattern", "enum",
		"min-length", "max-length", "count-min", "count-max",   "of",
		"unique",     "test",       "message",
	};
	const struct cl_attr *first = NULL, *of = NULL, *lo = NULL, *hi = NULL;
	struct rs_assert *x;
	unsigned i;
	int kind = -1;

	check_attrs(L, n, names, CL_ARRAY_SIZE(names));
	check_empty(L, n);
	for (i = 0; i < n->nattrs && !L->error; i++) {
		const struct cl_attr *a = &n->attrs[i];
		int k = attr_kind(a->name);

		if (!strcmp(a->name, "of"))
			of = a;
		if (k < 0)
			continue;
		if (kind >= 0 && k != kind)
			fail(L, a->name_span.start,
			     "`<assert>` has both `%s` and `%s`; give one "
			     "assertion per `<assert>`",
			     first->name, a->name);
		if (kind < 0)
			first = a;
		kind = k;
	}
	if (L->error)
		return;
	if (kind < 0) {
		fail(L, n->name_span.start,
		     "`<assert>` has nothing to assert; give one of exists, "
		     "absent, pattern, not-pattern, enum, min-length, "
		     "max-length, count-min or count-max (with of), unique or "
		     "test");
		return;
	}
	if (of && kind != RS_COUNT) {
		fail(
		    L, of->name_span.start,
		    "`of` goes with `count-min` or `count-max`, which `<assert>` "
		    "does not have");
		return;
	}
	if (!of && kind == RS_COUNT) {
		fail(L, first->name_span.start,
		     "`%s` needs `of`, the XPath of the nodes to count",
		     first->name);
		return;
	}
	r->asserts =
	    cl_realloc(r->asserts, (r->nasserts + 1) * sizeof(*r->asserts));
	x = &r->asserts[r->nasserts++];
	memset(x, 0, sizeof(*x));
	x->kind = (enum rs_kind)kind;
	for (i = 0; i < n->nattrs && !L->error; i++) {
		const struct cl_attr *a = &n->attrs[i];
		const char *nm = a->name;

		if (!strcmp(nm, "exists") || !strcmp(nm, "absent") ||
		    !strcmp(nm, "of") || !strcmp(nm, "unique") ||
		    !strcmp(nm, "test")) {
			compile_xpath(L, a, 0, strlen(a->value), nm, &x->expr);
		} else if (!strcmp(nm, "pattern") ||
		           !strcmp(nm, "not-pattern")) {
			x->re_src = cl_strdup(a->value);
			compile_regex(L, a, x);
		} else if (!strcmp(nm, "enum")) {
			parse_enum(L, a, x);
		} else if (!strcmp(nm, "min-length") ||
		           !strcmp(nm, "count-min")) {
			x->has_min = !parse_number(L, a, &x->min);
			lo = a;
		} else if (!strcmp(nm, "max-length") ||
		           !strcmp(nm, "count-max")) {
			x->has_max = !parse_number(L, a, &x->max);
			hi = a;
		} else if (!strcmp(nm, "message")) {
			parse_template(L, a, x);
		}
	}
	if (!L->error && x->has_min && x->has_max && x->min > x->max) {
		const struct cl_attr *later =
		    lo->value_span.start > hi->value_span.start ? lo : hi;

		fail(L, later->value_span.start,
		     "`%s` (%llu) is greater than `%s` (%llu)", lo->name,
		     x->min, hi->name, x->max);
	}
}

/* The children of <rule>, which come in this order. */
static const char *const rule_children[] = { "summary", "doc", "given",
	                                     "assert" };

static void
on_rule(struct loader *L, const struct cl_node *n, struct rs_rule *r,
        size_t index)
{
	const struct cl_node *c;
	size_t stage = 0, k;

	rule_attrs(L, n, r, index);
	check_no_text(L, n);
	for (c = n->children; c && !L->error; c = c->next) {
		for (k = 0; k < CL_ARRAY_SIZE(rule_children) &&
		            strcmp(c->name, rule_children[k]);
		     k++)
			;
		if (k == CL_ARRAY_SIZE(rule_children)) {
			unknown_element(L, n, c, rule_children,
			                CL_ARRAY_SIZE(rule_children));
			break;
		}
		k++; /* 1 summary, 2 doc, 3 given, 4 assert */
		if (k < stage || (k == stage && k <= 2)) {
			if (k == stage)
				fail(L, c->name_span.start,
				     "a second `<%s>` in `<rule>`; a rule has "
				     "one",
				     c->name);
			else
				fail(L, c->name_span.start,
				     "`<%s>` after `<%s>`; the children of "
				     "`<rule>` come in the order `<summary>`, "
				     "`<doc>`, `<given>`, `<assert>`",
				     c->name, rule_children[stage - 1]);
			break;
		}
		if (stage == 0 && k > 1) {
			fail(L, c->name_span.start,
			     "`<rule>` starts with `<%s>`; its first child is "
			     "the one-line `<summary>`",
			     c->name);
			break;
		}
		if (k == 4 && stage < 3) {
			fail(L, c->name_span.start,
			     "`<assert>` before any `<given>`; `<given "
			     "select>` says which nodes the assertions check");
			break;
		}
		stage = k;
		switch (k) {
		case 1:
			on_summary(L, c, r);
			break;
		case 2:
			on_doc(L, c, r);
			break;
		case 3:
			on_given(L, c, r);
			break;
		default:
			on_assert(L, c, r);
			break;
		}
	}
	if (!L->error && stage < 4)
		fail(L, n->name_span.start, "`<rule>` has no %s",
		     stage == 0  ? "`<summary>`"
		     : stage < 3 ? "`<given select>`"
		                 : "`<assert>`");
}

/* ---- <ruleset> ---- */

static void
on_tests(struct loader *L, const struct cl_node *n, const char *dir)
{
	static const char *const names[] = { "path" };
	const struct cl_attr *a;
	size_t len;

	check_attrs(L, n, names, 1);
	a = need_attr(L, n, "path");
	check_empty(L, n);
	if (L->error)
		return;
	if (!*a->value) {
		fail(L, a->value_span.start, "`path` of `<tests>` is empty");
		return;
	}
	L->rs->tests_dir = a->value[0] == '/'
	                       ? cl_strdup(a->value)
	                       : cl_path_absolute_from(dir, a->value);
	/* "acme-tests/" and "acme-tests" are the same folder. */
	len = strlen(L->rs->tests_dir);
	while (len > 1 && L->rs->tests_dir[len - 1] == '/')
		L->rs->tests_dir[--len] = '\0';
}

static void
on_root(struct loader *L, const struct cl_node *root, const char *dir)
{
	static const char *const names[] = { "name", "prefix" };
	static const char *const children[] = { "rule", "tests" };
	const struct cl_attr *name, *prefix;
	const struct cl_node *c, *tests = NULL;
	size_t nrules = 0, i;

	if (strcmp(root->name, "ruleset")) {
		fail(L, root->name_span.start,
		     "the root element is `<%s>`; a ruleset file's root "
		     "element is `<ruleset>`",
		     root->name);
		return;
	}
	check_attrs(L, root, names, CL_ARRAY_SIZE(names));
	name = need_attr(L, root, "name");
	prefix = need_attr(L, root, "prefix");
	if (L->error)
		return;
	if (!*name->value)
		fail(L, name->value_span.start,
		     "`name` of `<ruleset>` is empty");
	if (!*prefix->value ||
	    strspn(prefix->value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
	        strlen(prefix->value))
		fail(L, prefix->value_span.start,
		     "prefix `%s` is not upper-case letters (A to Z), as "
		     "`ACME`",
		     prefix->value);
	else if (!strcmp(prefix->value, "CL"))
		fail(L, prefix->value_span.start,
		     "prefix `CL` is reserved for connlint's built-in rules");
	check_no_text(L, root);
	if (L->error)
		return;
	L->rs->name = cl_strdup(name->value);
	L->rs->prefix = cl_strdup(prefix->value);
	/* The limit first, before any compiling: a file of a hundred
	 * thousand rules fails at once. */
	for (c = root->children; c; c = c->next) {
		if (strcmp(c->name, "rule"))
			continue;
		if (++nrules > CL_RULESET_MAX_RULES) {
			fail(L, c->name_span.start,
			     "rule %zu: a ruleset holds at most %d rules; "
			     "split it into several rulesets",
			     nrules, CL_RULESET_MAX_RULES);
			return;
		}
	}
	L->rs->rules = cl_calloc(nrules ? nrules : 1, sizeof(*L->rs->rules));
	L->id_at = cl_calloc(nrules ? nrules : 1, sizeof(*L->id_at));
	L->slug_at = cl_calloc(nrules ? nrules : 1, sizeof(*L->slug_at));
	for (c = root->children; c && !L->error; c = c->next) {
		if (!strcmp(c->name, "rule")) {
			if (tests) {
				fail(L, c->name_span.start,
				     "`<rule>` after `<tests>`; `<tests>` "
				     "comes after the rules");
				break;
			}
			i = L->rs->nrules++;
			L->rs->rules[i].rule.custom = L->rs;
			L->rs->rules[i].rule.fix = CL_RULE_FIX_NONE;
			on_rule(L, c, &L->rs->rules[i], i);
		} else if (!strcmp(c->name, "tests")) {
			if (tests) {
				fail(L, c->name_span.start,
				     "a second `<tests>`; a ruleset has one "
				     "(on line %u)",
				     line_of(L, tests->name_span.start));
				break;
			}
			tests = c;
			on_tests(L, c, dir);
		} else {
			unknown_element(L, root, c, children,
			                CL_ARRAY_SIZE(children));
		}
	}
	if (!L->error && !L->rs->nrules)
		fail(L, root->name_span.start, "the ruleset has no `<rule>`");
}

/* ---- freeing ---- */

static void
free_xpath(struct rs_xpath *x)
{
	unsigned i;

	free(x->src);
	if (x->comp)
		xmlXPathFreeCompExpr(x->comp);
	for (i = 0; i < x->nsteps; i++)
		free(x->steps[i]);
	for (i = 0; i < x->nsteps && x->pred_attr; i++) {
		free(x->pred_attr[i]);
		free(x->pred_value[i]);
	}
	free(x->steps);
	free(x->step_ids);
	free(x->pred_attr);
	free(x->pred_value);
	free(x->pred_ids);
	free(x->attr);
	free(x->cmp_value);
}

static void
free_rule(struct rs_rule *r)
{
	size_t i, k;

	free((char *)r->rule.id);
	free((char *)r->rule.slug);
	free((char *)r->rule.summary);
	free((char *)r->rule.doc);
	for (i = 0; i < r->ngivens; i++)
		free_xpath(&r->givens[i]);
	free(r->givens);
	for (i = 0; i < r->nasserts; i++) {
		struct rs_assert *x = &r->asserts[i];

		free_xpath(&x->expr);
		free(x->re_src);
		if (x->re)
			pcre2_code_free(x->re);
		for (k = 0; k < x->nwords; k++)
			free(x->words[k]);
		free(x->words);
		for (k = 0; k < x->nparts; k++) {
			free(x->parts[k].lit);
			free_xpath(&x->parts[k].expr);
		}
		free(x->parts);
	}
	free(r->asserts);
}

static void
ruleset_free(struct cl_ruleset *rs)
{
	size_t i;

	for (i = 0; i < rs->nrules; i++)
		free_rule(&rs->rules[i]);
	free(rs->rules);
	free(rs->name);
	free(rs->prefix);
	free(rs->display);
	free(rs->tests_dir);
	free(rs->real);
	free(rs);
}

void
cl_ruleset_ref(struct cl_ruleset *rs)
{
	atomic_fetch_add_explicit(&rs->refs, 1, memory_order_relaxed);
}

void
cl_ruleset_unref(struct cl_ruleset *rs)
{
	if (!rs)
		return;
	/* acq_rel: the last owner sees every other thread's last use. */
	if (atomic_fetch_sub_explicit(&rs->refs, 1, memory_order_acq_rel) == 1)
		ruleset_free(rs);
}

/* ---- loading ---- */

static void
ignore_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/*
 * Validates and compiles the LEN bytes at BUF (NUL-terminated); relative
 * <tests path> against DIR. Returns the ruleset, or NULL with *ERROR set
 * (malloc'd, caller frees).
 */
static struct cl_ruleset *
load_buffer(const char *display, const char *dir, const char *buf, size_t len,
            char **error)
{
	struct cl_arena arena = CL_ARENA_INIT;
	struct cl_xml_doc doc;
	struct cl_xml_error xerr;
	struct loader L;
	xmlGenericErrorFunc old_generic;
	void *old_generic_ctx;

	memset(&L, 0, sizeof(L));
	L.display = display;
	L.buf = buf;
	L.len = len;
	L.rs = cl_calloc(1, sizeof(*L.rs));
	atomic_init(&L.rs->refs, 1);
	L.rs->display = cl_strdup(display);
	cl_xml_init();
	/* libxml2's generic handler is this thread's: nothing it would say
	 * may reach stderr, and the caller's handler comes back after. */
	old_generic = xmlGenericError;
	old_generic_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, ignore_generic);
	L.xctx = xmlXPathNewContext(NULL);
	if (!L.xctx)
		BUG("out of memory in libxml2");
	L.xctx->error = on_xpath_error;
	L.xctx->userData = &L;
	L.xctx->opLimit = CL_RULESET_XPATH_OP_LIMIT;
	L.trial = xmlNewDoc((const xmlChar *)"1.0");
	if (!L.trial)
		BUG("out of memory in libxml2");
	xmlDocSetRootElement(
	    L.trial,
	    xmlNewDocNode(L.trial, NULL, (const xmlChar *)"connector", NULL));
	if (strspn(buf, " \t\r\n") == len) {
		fail(&L, 0,
		     "the file is empty; a ruleset file is a `<ruleset>` "
		     "element");
	} else if (memchr(buf, '\0', len)) {
		fail(&L, (uint32_t)((const char *)memchr(buf, '\0', len) - buf),
		     "NUL byte: this is not a text file");
	} else if (!cl_xml_parse(&arena, buf, len, &doc, &xerr)) {
		const char *what = xerr.message;

		if (!strncmp(what, "no XML element found", 20))
			what = "no XML element found: a ruleset file is a "
			       "`<ruleset>` element";
		fail(&L, xerr.offset, "not well-formed XML: %s", what);
	} else if (doc.has_doctype) {
		const char *d = strstr(buf, "<!DOCTYPE");

		fail(&L, d ? (uint32_t)(d - buf) : 0,
		     "document type declaration: a ruleset file has none");
	} else {
		on_root(&L, doc.root, dir);
	}
	xmlResetError(&L.xctx->lastError);
	xmlXPathFreeContext(L.xctx);
	xmlFreeDoc(L.trial);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	cl_arena_release(&arena);
	free(L.id_at);
	free(L.slug_at);
	if (L.error) {
		*error = L.error;
		ruleset_free(L.rs);
		return NULL;
	}
	return L.rs;
}

/* Reads the file at PATH (at most CL_RULESET_MAX_BYTES, NUL-terminated,
 * caller frees), or sets *WHY (static). */
static char *
read_file(const char *path, size_t *len, const char **why)
{
	char *buf = cl_read_file(path, CL_RULESET_MAX_BYTES, len, why);

	if (!buf && *why == cl_read_too_large)
		*why = "larger than 4 MiB; not a ruleset file";
	return buf;
}

struct cl_ruleset *
cl_ruleset_load(const char *path, const char *display, char **error)
{
	struct cl_ruleset *rs;
	const char *why;
	char *buf, *cwd, *abs, *slash, *dir;
	size_t len = 0;

	*error = NULL;
	if (!display)
		display = path;
	if (!(buf = read_file(path, &len, &why))) {
		*error = cl_xasprintf("%s: error: %s", display, why);
		return NULL;
	}
	cwd = cl_current_dir();
	abs = cl_path_absolute_from(cwd, path);
	slash = strrchr(abs, '/');
	dir = slash == abs ? cl_strdup("/")
	                   : cl_strndup(abs, (size_t)(slash - abs));
	rs = load_buffer(display, dir, buf, len, error);
	/* Which file it is, links resolved: the same file named twice
	 * (--rules and a configuration's <rules>) is one ruleset. */
	if (rs)
		rs->real = realpath(path, NULL);
	free(dir);
	free(abs);
	free(cwd);
	free(buf);
	return rs;
}

struct cl_ruleset *
cl_ruleset_load_memory(const char *display, const char *dir, const char *buf,
                       size_t len, char **error)
{
	struct cl_ruleset *rs;
	char *copy, *cwd;

	*error = NULL;
	if (len > CL_RULESET_MAX_BYTES) {
		*error = cl_xasprintf("%s: error: larger than 4 MiB; not a "
		                      "ruleset file",
		                      display);
		return NULL;
	}
	copy = cl_malloc(len + 1); /* NUL bytes kept: they are an error */
	memcpy(copy, buf, len);
	copy[len] = '\0';
	cwd = dir ? cl_path_absolute(dir) : cl_current_dir();
	rs = load_buffer(display, cwd, copy, len, error);
	free(cwd);
	free(copy);
	return rs;
}

const char *
cl_ruleset_name(const struct cl_ruleset *rs)
{
	return rs->name;
}

const char *
cl_ruleset_prefix(const struct cl_ruleset *rs)
{
	return rs->prefix;
}

const char *
cl_ruleset_display(const struct cl_ruleset *rs)
{
	return rs->display;
}

const char *
cl_ruleset_file(const struct cl_ruleset *rs)
{
	return rs->real;
}

const char *
cl_ruleset_tests_dir(const struct cl_ruleset *rs)
{
	return rs->tests_dir;
}

size_t
cl_ruleset_rule_count(const struct cl_ruleset *rs)
{
	return rs->nrules;
}

struct cl_rule *
cl_ruleset_rule(struct cl_ruleset *rs, size_t i)
{
	if (i >= rs->nrules)
		BUG("rule %zu of a ruleset of %zu", i, rs->nrules);
	return &rs->rules[i].rule;
}
