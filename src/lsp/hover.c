/*
 * textDocument/hover: what the thing under the cursor means, in Markdown.
 * A rule named in a suppression comment shows its page; a diagnostic its
 * rule and message; a placeholder the variable it resolves to (or why it
 * resolves to none); an element or attribute name its line of the format
 * spec. A diagnostic's section comes first and the others follow it, so
 * that hovering a flagged placeholder explains both.
 *
 * Values from the file are quoted as inline code with a fence longer than
 * any backtick run inside, so that a label cannot inject Markdown; a
 * default that is, or looks like, a secret is never shown, not even in
 * part: only its length.
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "lsp.h"
#include "model.h"
#include "result.h"
#include "scope.h"
#include "security.h"
#include "secretscan.h"
#include "util.h"
#include "xmlscan.h"

/* Longest quoted value, in bytes: a hover is a glance. */
#define MAX_QUOTE 200

#define SECTION_RULE "\n\n---\n\n"

struct hover {
	struct cl_lsp_doc *doc;
	size_t offset;
	struct cl_strbuf md;
	bool have_range; /* START, END are set */
	bool specific;   /* ... by the thing under the cursor, not a
	                  * diagnostic around it */
	size_t start, end;
};

static void
section(struct hover *h)
{
	if (h->md.len)
		cl_strbuf_adds(&h->md, SECTION_RULE);
}

static void
set_range(struct hover *h, size_t start, size_t end, bool specific)
{
	if (h->specific || (h->have_range && !specific))
		return;
	h->have_range = true;
	h->specific = specific;
	h->start = start;
	h->end = end;
}

/* LEN bytes at S as inline code: controls become blanks, a long value is
 * cut at a character boundary and ends in "…". */
static void
md_code_n(struct cl_strbuf *sb, const char *s, size_t len)
{
	size_t run = 0, max = 0, i, n = len;
	bool cut = false;

	if (n > MAX_QUOTE) {
		n = MAX_QUOTE;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cut = true;
	}
	for (i = 0; i < n; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > max)
			max = run;
	}
	for (i = 0; i <= max; i++)
		cl_strbuf_addch(sb, '`');
	if (n && (s[0] == '`' || s[n - 1] == '`'))
		cl_strbuf_addch(sb, ' ');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		cl_strbuf_addch(sb, c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
	if (cut)
		cl_strbuf_adds(sb, "…");
	if (n && (s[0] == '`' || s[n - 1] == '`'))
		cl_strbuf_addch(sb, ' ');
	for (i = 0; i <= max; i++)
		cl_strbuf_addch(sb, '`');
}

static void
md_code(struct cl_strbuf *sb, const char *s)
{
	md_code_n(sb, s, strlen(s));
}

/* A message, already Markdown: on one line. */
static void
md_line(struct cl_strbuf *sb, const char *s)
{
	for (; *s; s++)
		cl_strbuf_addch(sb, *s == '\n' || *s == '\r' ? ' ' : *s);
}

static unsigned
line_of(struct cl_lsp_doc *doc, size_t offset)
{
	unsigned line, ch;

	cl_lsp_position(doc, offset, &line, &ch);
	return line + 1;
}

static void
link_line(struct cl_strbuf *sb, const cl_rule *rule)
{
	char *url = cl_rule_doc_url(rule);

	if (!url)
		return;
	cl_strbuf_addf(sb, "[%s %s: documentation](%s)", cl_rule_id(rule),
	               cl_rule_slug(rule), url);
	free(url);
}

/* ---- rules in suppression comments ---- */

static const char *const directives[] = {
	"connlint-disable-next-line",
	"connlint-disable",
	"connlint-enable",
	"connlint-disable-file",
};

static const char *const directive_docs[] = {
	"suppresses the rules listed after it on the next element (the whole element when it has no child elements, else its start tag)",
	"suppresses the rules listed after it from here to a `connlint-enable` naming them (or the end of the file)",
	"ends a `connlint-disable` of the rules listed after it",
	"suppresses the rules listed after it in the whole file",
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The characters suppress.c reads as a rule name. */
static bool
is_rule_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static bool
in_word(size_t off, size_t start, size_t end)
{
	return start < end && off >= start && off <= end;
}

static void
rule_page(struct hover *h, const cl_rule *rule)
{
	const char *page = cl_rule_doc(rule);

	section(h);
	link_line(&h->md, rule);
	if (h->md.len && h->md.buf[h->md.len - 1] == ')')
		cl_strbuf_adds(&h->md, "\n\n");
	if (page)
		cl_strbuf_adds(&h->md, page);
	else
		cl_strbuf_addf(&h->md, "**%s** `%s`: %s", cl_rule_id(rule),
		               cl_rule_slug(rule), cl_rule_summary(rule));
}

/* The directive and rule list of the comment text T[TS, TE), as
 * suppress.c reads them: a name under the cursor gets its page. */
static void
hover_comment(struct hover *h, size_t ts, size_t te)
{
	const char *t = h->doc->text;
	size_t p = ts, w, k, start, off = h->offset;
	int kind = -1;

	while (p < te && is_blank(t[p]))
		p++;
	for (w = p; w < te && !is_blank(t[w]); w++)
		;
	for (k = 0; k < CL_ARRAY_SIZE(directives); k++)
		if (strlen(directives[k]) == w - p &&
		    !memcmp(t + p, directives[k], w - p))
			kind = (int)k;
	if (kind < 0)
		return;
	if (in_word(off, p, w)) {
		section(h);
		cl_strbuf_addf(&h->md, "`%s RULES REASON`: %s.",
		               directives[kind], directive_docs[kind]);
		set_range(h, p, w, true);
		return;
	}
	for (p = w;;) {
		while (p < te && is_blank(t[p]))
			p++;
		for (start = p; p < te && is_rule_char(t[p]); p++)
			;
		if (p == start)
			return;
		if (in_word(off, start, p)) {
			char *name = cl_strndup(t + start, p - start);
			const struct cl_registry *reg =
			    cl_lsp_doc_registry(h->doc);
			const cl_rule *rule = cl_registry_find(reg, name);

			if (rule) {
				rule_page(h, rule);
			} else {
				const cl_rule *near =
				    cl_registry_suggest(reg, name);

				section(h);
				md_code(&h->md, name);
				cl_strbuf_adds(&h->md, " names no rule");
				if (near)
					cl_strbuf_addf(
					    &h->md, "; did you mean `%s` (%s)?",
					    cl_rule_id(near),
					    cl_rule_slug(near));
			}
			free(name);
			set_range(h, start, p, true);
			return;
		}
		while (p < te && is_blank(t[p]))
			p++;
		if (p < te && t[p] == ',') {
			p++;
			continue;
		}
		return; /* the reason */
	}
}

/* ---- diagnostics ---- */

static bool
covers(struct cl_span s, size_t off)
{
	return s.start == s.end ? off == s.start
	                        : off >= s.start && off < s.end;
}

static void
hover_diags(struct hover *h)
{
	const struct cl_result *r = h->doc->result;
	size_t i, shown = 0;

	if (!r)
		return;
	for (i = 0; i < r->sink.n && shown < 8; i++) {
		const struct cl_diag *d = &r->sink.items[i];
		const cl_rule *rule = d->rule;

		if (!rule || !d->message || !covers(d->span, h->offset))
			continue;
		section(h);
		cl_strbuf_addf(&h->md, "**%s** `%s` (%s): %s\n\n",
		               cl_rule_id(rule), cl_rule_slug(rule),
		               cl_severity_name(d->severity),
		               cl_rule_summary(rule));
		md_line(&h->md, d->message);
		if (cl_rule_doc(rule)) {
			cl_strbuf_adds(&h->md, "\n\n");
			link_line(&h->md, rule);
		}
		set_range(h, d->span.start, d->span.end, false);
		shown++;
	}
}

/* ---- placeholders ---- */

/* Where V is declared: "connector", "auth method `x`", "endpoint `x`". */
static void
owner_of(struct cl_strbuf *sb, const struct cl_connector *c,
         const struct cl_variable *v)
{
	size_t i;

#define IN(list) ((list).n && v >= (list).items && v < (list).items + (list).n)
	if (IN(c->variables)) {
		cl_strbuf_adds(sb, "the connector");
		return;
	}
	for (i = 0; i < c->n_auth_methods; i++)
		if (IN(c->auth_methods[i].variables)) {
			cl_strbuf_adds(sb, "auth method ");
			md_code(sb, c->auth_methods[i].id);
			return;
		}
	for (i = 0; i < c->n_endpoints; i++)
		if (IN(c->endpoints[i].variables)) {
			cl_strbuf_adds(sb, "endpoint ");
			md_code(sb, c->endpoints[i].id);
			return;
		}
#undef IN
	cl_strbuf_adds(sb, "this file");
}

static void
template_owner(struct cl_strbuf *sb, const struct cl_template *tpl)
{
	if (tpl->auth) {
		cl_strbuf_adds(sb, "auth method ");
		md_code(sb, tpl->auth->id);
	} else if (tpl->endpoint) {
		cl_strbuf_adds(sb, "endpoint ");
		md_code(sb, tpl->endpoint->id);
	}
}

/* A credential's value is shown by its length alone: a hover is on
 * screen, shared, screenshotted. */
static bool
looks_secret(const struct cl_variable *v, const char *value)
{
	char *m;

	if (v->secret || (v->target && v->target->secret))
		return true;
	if (cl_secret_key(v->key, strlen(v->key), 1) ||
	    cl_secret_key_hint(v->key, strlen(v->key)))
		return true;
	if (v->label && cl_secret_key_hint(v->label, strlen(v->label)))
		return true;
	if ((m = cl_secret_mask_text(value, strlen(value)))) {
		free(m);
		return true;
	}
	return false;
}

static void
describe_var(struct hover *h, const struct cl_connector *c,
             const struct cl_variable *v)
{
	struct cl_strbuf *sb = &h->md;
	const struct cl_variable *t = v->is_use ? v->target : NULL;
	const char *label = v->label ? v->label : t ? t->label : NULL;
	const char *alias = v->alias ? v->alias : t ? t->alias : NULL;
	const char *def = v->default_value ? v->default_value
	                  : t              ? t->default_value
	                                   : NULL;
	bool any = false;

	cl_strbuf_adds(sb, cl_var_scope_word(v->scope));
	cl_strbuf_addch(sb, ' ');
	md_code(sb, v->key);
	cl_strbuf_adds(sb, " of ");
	owner_of(sb, c, v);
	cl_strbuf_addf(sb, ", declared on line %u",
	               line_of(h->doc, v->node->tag_span.start));
	if (v->is_use) {
		cl_strbuf_adds(sb, " (a `use` of the connector variable");
		if (t)
			cl_strbuf_addf(
			    sb, " on line %u",
			    line_of(h->doc, t->node->tag_span.start));
		cl_strbuf_addch(sb, ')');
	}
	cl_strbuf_adds(sb, "\n");
	if (label) {
		cl_strbuf_adds(sb, "\n- label: ");
		md_code(sb, label);
	}
	if (alias) {
		cl_strbuf_adds(sb, "\n- alias: ");
		md_code(sb, alias);
	}
	if (def) {
		cl_strbuf_adds(sb, "\n- default: ");
		if (looks_secret(v, def))
			cl_strbuf_addf(sb, "`••••••` (secret, %zu bytes)",
			               strlen(def));
		else
			md_code(sb, def);
	}
	cl_strbuf_adds(sb, "\n- ");
#define FLAG(f)                                                   \
	if (v->f) {                                               \
		cl_strbuf_adds(sb, any ? ", " #f : "flags: " #f); \
		any = true;                                       \
	}
	FLAG(required)
	FLAG(configurable)
	FLAG(advanced)
	FLAG(secret)
	FLAG(locked)
#undef FLAG
	if (!any)
		cl_strbuf_adds(sb, "neither required nor configurable");
	if (!v->required && !v->configurable && !def)
		cl_strbuf_adds(sb, "\n- it has no default, so it never gets "
		                   "a value");
}

static void
hover_placeholder(struct hover *h, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	const struct cl_placeholder *ph = NULL;
	const struct cl_variable *v;
	struct cl_strbuf *sb = &h->md;
	size_t i;

	for (i = 0; i < c->n_placeholders; i++)
		if (h->offset >= c->placeholders[i].span.start &&
		    h->offset < c->placeholders[i].span.end) {
			ph = &c->placeholders[i];
			break;
		}
	if (!ph)
		return;
	section(h);
	cl_strbuf_adds(sb, "**");
	md_code_n(sb, h->doc->text + ph->span.start,
	          ph->span.end - ph->span.start);
	cl_strbuf_adds(sb, "** in ");
	template_owner(sb, ph->tpl);
	cl_strbuf_adds(sb, ": ");
	switch (cl_scope_resolve(&cache, c, ph->tpl, ph->key, &v)) {
	case CL_RES_FOUND:
		describe_var(h, c, v);
		break;
	case CL_RES_CASE:
		cl_strbuf_adds(sb, "resolves to no variable: keys are "
		                   "case-sensitive, and only ");
		md_code(sb, v->key);
		cl_strbuf_adds(sb, " differs in case\n\n");
		describe_var(h, c, v);
		break;
	case CL_RES_NOT_USED:
		cl_strbuf_adds(sb, "resolves to no variable: the connector "
		                   "variable ");
		md_code(sb, v->key);
		cl_strbuf_addf(sb,
		               " (line %u) is not used by this auth method; "
		               "add `<use variable=\"%s\"/>` to its "
		               "`<variables>`",
		               line_of(h->doc, v->node->tag_span.start),
		               ph->key);
		break;
	case CL_RES_UNDEFINED:
		cl_strbuf_adds(sb, "resolves to no variable: ");
		md_code(sb, ph->key);
		cl_strbuf_adds(sb, " is not declared in this file's scope "
		                   "(a placeholder the platform fills in, "
		                   "declared in the configuration, cannot be "
		                   "known here)");
		break;
	}
	cl_nearmiss_cache_release(&cache);
	set_range(h, ph->span.start, ph->span.end, true);
}

/* ---- element and attribute names ---- */

static void
values_line(struct cl_strbuf *sb, const struct cl_schema_elem *e,
            enum cl_name attr)
{
	const char *const *v = cl_schema_attr_values(e, attr);
	size_t i;

	if (!v)
		return;
	cl_strbuf_adds(sb, "\n\nValues: ");
	for (i = 0; v[i]; i++)
		cl_strbuf_addf(sb, "%s`%s`", i ? ", " : "", v[i]);
}

static void
name_hover(struct hover *h, enum cl_name parent, enum cl_name elem,
           enum cl_name attr, const struct cl_schema_elem *def,
           struct cl_xs_span span)
{
	const char *text = attr == CL_N_OTHER ? cl_lsp_elem_doc(parent, elem)
	                                      : cl_lsp_attr_doc(elem, attr);

	if (!text)
		return;
	section(h);
	if (attr == CL_N_OTHER) {
		cl_strbuf_addf(&h->md, "**`<%s>`**: %s", cl_name_str(elem),
		               text);
	} else {
		cl_strbuf_addf(&h->md, "**`%s`** of `<%s>`: %s",
		               cl_name_str(attr), cl_name_str(elem), text);
		values_line(&h->md, def, attr);
	}
	set_range(h, span.start, span.end, true);
}

/* The table's definition of N, from the root down; NULL when N or an
 * ancestor is not where the format allows it. */
static const struct cl_schema_elem *
schema_of_node(const struct cl_node *n)
{
	const struct cl_node *path[CL_XS_MAX_DEPTH];
	const struct cl_schema_elem *e;
	size_t k = 0;

	for (; n && k < CL_XS_MAX_DEPTH; n = n->parent)
		path[k++] = n;
	if (n || !k || path[k - 1]->id != CL_N_CONNECTOR)
		return NULL;
	e = cl_schema_root();
	for (k--; e && k-- > 0;)
		e = cl_schema_child(e, path[k]->id);
	return e;
}

static bool
span_has(struct cl_span s, size_t off)
{
	return s.start < s.end && off >= s.start && off <= s.end;
}

static void
hover_names_tree(struct hover *h, const struct cl_node *root)
{
	const struct cl_node **nodes;
	const char *t = h->doc->text;
	size_t n, i, off = h->offset;

	nodes = cl_xml_nodes_in_order(root, &n);
	for (i = 0; i < n; i++) {
		const struct cl_node *nd = nodes[i];
		enum cl_name parent = nd->parent ? nd->parent->id : CL_N_OTHER;
		struct cl_xs_span span = { nd->name_span.start,
			                   nd->name_span.end };
		size_t es = nd->inner_span.end + 2,
		       ee = es + (nd->name_span.end - nd->name_span.start);
		unsigned k;

		if (!schema_of_node(nd))
			continue;
		if (span_has(nd->name_span, off)) {
			name_hover(h, parent, nd->id, CL_N_OTHER, NULL, span);
			break;
		}
		/* the end tag's name: "</" right after the content */
		if (nd->span.end > nd->tag_span.end && ee <= h->doc->len &&
		    t[es - 2] == '<' && t[es - 1] == '/' && off >= es &&
		    off <= ee) {
			struct cl_xs_span es_span = { es, ee };

			name_hover(h, parent, nd->id, CL_N_OTHER, NULL,
			           es_span);
			break;
		}
		if (off < nd->tag_span.start || off >= nd->tag_span.end)
			continue;
		for (k = 0; k < nd->nattrs; k++) {
			const struct cl_attr *a = &nd->attrs[k];

			if (span_has(a->name_span, off)) {
				struct cl_xs_span as = { a->name_span.start,
					                 a->name_span.end };

				name_hover(h, parent, nd->id, a->id,
				           schema_of_node(nd), as);
				break;
			}
		}
	}
	free(nodes);
}

/* Not well-formed: the scanner's idea of where the cursor is. */
static void
hover_names_scan(struct hover *h, const struct cl_xmlscan *sc)
{
	const struct cl_schema_elem *e = NULL;
	enum cl_name parent = sc->depth && sc->depth <= CL_XS_MAX_DEPTH
	                          ? sc->open[sc->depth - 1].id
	                          : CL_N_OTHER;
	size_t k;

	if (sc->word.start == sc->word.end)
		return;
	if (sc->depth <= CL_XS_MAX_DEPTH) {
		e = sc->depth ? cl_schema_root() : NULL;
		if (sc->depth && sc->open[0].id != CL_N_CONNECTOR)
			e = NULL;
		for (k = 1; e && k < sc->depth; k++)
			e = cl_schema_child(e, sc->open[k].id);
	}
	if (sc->where == CL_XS_TAG_NAME || sc->where == CL_XS_END_TAG) {
		if (sc->where == CL_XS_TAG_NAME && !sc->depth &&
		    sc->tag.id == CL_N_CONNECTOR)
			name_hover(h, CL_N_OTHER, CL_N_CONNECTOR, CL_N_OTHER,
			           NULL, sc->word);
		else if (sc->where == CL_XS_END_TAG ||
		         cl_schema_child(e, sc->tag.id))
			name_hover(h, parent, sc->tag.id, CL_N_OTHER, NULL,
			           sc->word);
		return;
	}
	if (sc->where == CL_XS_ATTRS) {
		enum cl_name a = cl_lsp_name_id(h->doc->text + sc->word.start,
		                                sc->word.end - sc->word.start);

		e = sc->depth ? cl_schema_child(e, sc->tag.id)
		    : sc->tag.id == CL_N_CONNECTOR ? cl_schema_root()
		                                   : NULL;
		if (cl_schema_has_attr(e, a, NULL))
			name_hover(h, parent, sc->tag.id, a, e, sc->word);
	}
}

/* ---- the request ---- */

json_object *
cl_lsp_hover(struct cl_lsp_doc *doc, size_t offset)
{
	const struct cl_lsp_analysis *an;
	struct hover h;
	struct cl_xmlscan *sc;
	json_object *o, *contents;

	memset(&h, 0, sizeof(h));
	h.doc = doc;
	h.offset = offset > doc->len ? doc->len : offset;
	h.md = (struct cl_strbuf)CL_STRBUF_INIT;
	an = cl_lsp_doc_analysis(doc);
	sc = cl_calloc(1, sizeof(*sc));
	cl_xmlscan(doc->text, doc->len, h.offset, sc);

	hover_diags(&h);
	if (sc->where == CL_XS_COMMENT) {
		hover_comment(&h, sc->text.start, sc->text.end);
	} else {
		if (an->ctx.model)
			hover_placeholder(&h, an->ctx.model);
		if (!h.specific && an->ctx.doc.root)
			hover_names_tree(&h, an->ctx.doc.root);
		else if (!h.specific)
			hover_names_scan(&h, sc);
	}
	free(sc);
	if (!h.md.len) {
		cl_strbuf_release(&h.md);
		return NULL;
	}
	o = json_object_new_object();
	contents = json_object_new_object();
	cl_lsp_add_string(contents, "kind", "markdown");
	cl_lsp_add_string(contents, "value", cl_strbuf_str(&h.md));
	json_object_object_add(o, "contents", contents);
	json_object_object_add(o, "range",
	                       cl_lsp_range_json(doc, h.start, h.end));
	cl_strbuf_release(&h.md);
	return o;
}
