/*
 * textDocument/completion. The context comes from the tolerant scanner
 * (xmlscan.h), because while the author types the text is rarely
 * well-formed; what may go there comes from the validator's own element
 * table (cl_schema_*, model.h), so that the editor never offers what the
 * linter would then reject. Keys and auth method ids come from the model
 * when the text can be modelled, else from a scan of the raw tags.
 *
 * Every item that completes a partial word carries a textEdit over the
 * whole word (on the cursor's line, as the protocol requires), so that
 * clients filter and replace the same text whatever their idea of a word
 * is (`-` and `.` are part of names here).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "lsp.h"
#include "model.h"
#include "scope.h"
#include "security.h"
#include "util.h"
#include "xmlscan.h"

/* CompletionItemKind (LSP 3.17) */
enum {
	K_VARIABLE = 6,
	K_CLASS = 7,
	K_PROPERTY = 10,
	K_KEYWORD = 14,
	K_REFERENCE = 18,
	K_ENUM_MEMBER = 20
};

#define NPOS ((size_t)-1)

struct comp {
	struct cl_lsp_doc *doc;
	const char *t;
	size_t len, offset;
	const struct cl_xmlscan *sc;
	json_object *items;
	size_t rs, re; /* the word to replace; rs == re: insert */
	/* labels already offered, so that a key in two scopes comes once */
	char **seen;
	size_t nseen, seen_alloc;
};

static bool
seen(struct comp *c, const char *label)
{
	size_t i;

	for (i = 0; i < c->nseen; i++)
		if (!strcmp(c->seen[i], label))
			return true;
	CL_GROW(c->seen, c->nseen + 1, c->seen_alloc);
	c->seen[c->nseen++] = cl_strdup(label);
	return false;
}

/* The word [START, END) around the cursor, cut to the cursor's line. */
static void
set_word(struct comp *c, size_t start, size_t end)
{
	size_t ls = c->offset, le = c->offset;

	while (ls > 0 && c->t[ls - 1] != '\n' && c->t[ls - 1] != '\r')
		ls--;
	while (le < c->len && c->t[le] != '\n' && c->t[le] != '\r')
		le++;
	if (start < ls || start > c->offset)
		start = start > c->offset ? c->offset : ls;
	if (end > le || end < c->offset)
		end = end < c->offset ? c->offset : le;
	c->rs = start;
	c->re = end;
}

/* Adds an item; INSERT (NULL: the label) is what goes in. */
static void
add_item(struct comp *c, const char *label, int kind, const char *detail,
         const char *insert, const char *sort)
{
	json_object *it;

	if (seen(c, label))
		return;
	it = json_object_new_object();
	cl_lsp_add_string(it, "label", label);
	cl_lsp_add_int(it, "kind", kind);
	if (detail)
		cl_lsp_add_string(it, "detail", detail);
	if (sort)
		cl_lsp_add_string(it, "sortText", sort);
	if (c->rs != c->re) {
		json_object_object_add(
		    it, "textEdit",
		    cl_lsp_text_edit(c->doc, c->rs, c->re,
		                     insert ? insert : label));
	} else if (insert && strcmp(insert, label)) {
		cl_lsp_add_string(it, "insertText", insert);
	}
	json_object_array_add(c->items, it);
}

static bool
span_eq(const char *t, struct cl_xs_span s, const char *str)
{
	size_t n = strlen(str);

	return s.end - s.start == n && !memcmp(t + s.start, str, n);
}

/* The LEN bytes at S, malloc'd. */
static char *
dup_span(const char *t, struct cl_xs_span s)
{
	return cl_strndup(t + s.start, s.end - s.start);
}

/* ---- where in the element table ---- */

/* The definition of the innermost open element, from the root; NULL when
 * the path is not the format's (or nothing is open). */
static const struct cl_schema_elem *
open_def(const struct cl_xmlscan *sc)
{
	const struct cl_schema_elem *e;
	size_t k;

	if (!sc->depth || sc->depth > CL_XS_MAX_DEPTH ||
	    sc->open[0].id != CL_N_CONNECTOR)
		return NULL;
	e = cl_schema_root();
	for (k = 1; e && k < sc->depth; k++)
		e = cl_schema_child(e, sc->open[k].id);
	return e;
}

/* The definition of the tag the cursor is in. */
static const struct cl_schema_elem *
tag_def(const struct cl_xmlscan *sc)
{
	if (!sc->depth)
		return sc->tag.id == CL_N_CONNECTOR ? cl_schema_root() : NULL;
	return cl_schema_child(open_def(sc), sc->tag.id);
}

static enum cl_name
parent_id(const struct cl_xmlscan *sc)
{
	if (!sc->depth || sc->depth > CL_XS_MAX_DEPTH)
		return CL_N_OTHER;
	return sc->open[sc->depth - 1].id;
}

/* ---- elements ---- */

struct siblings {
	const struct cl_xmlscan *at; /* the cursor's scan */
	bool present[CL_N_COUNT];
};

/* Marks the elements already in the cursor's parent (but not the tag
 * being typed). */
static void
sibling_fn(const struct cl_xmlscan *sc, void *arg)
{
	struct siblings *s = arg;
	const struct cl_xmlscan *at = s->at;

	if (sc->depth != at->depth || sc->tag.tag_start == at->tag.tag_start)
		return;
	if (at->depth && (at->depth > CL_XS_MAX_DEPTH ||
	                  sc->open[at->depth - 1].tag_start !=
	                      at->open[at->depth - 1].tag_start))
		return;
	s->present[sc->tag.id] = true;
}

static void
complete_elements(struct comp *c)
{
	const struct cl_xmlscan *sc = c->sc;
	const struct cl_schema_elem *e = open_def(sc);
	struct siblings *s;
	enum cl_name n;
	bool once, required;
	size_t i;

	set_word(c, sc->word.start, sc->word.end);
	if (!sc->depth) {
		add_item(c, "connector", K_CLASS,
		         cl_lsp_elem_doc(CL_N_OTHER, CL_N_CONNECTOR), NULL,
		         NULL);
		return;
	}
	if (!e)
		return;
	s = cl_calloc(1, sizeof(*s));
	s->at = sc;
	cl_xmlscan_tags(c->t, c->len, sibling_fn, s);
	for (i = 0;
	     (n = cl_schema_child_at(e, i, &once, &required)) != CL_N_OTHER;
	     i++) {
		char sort[24];

		if (once && s->present[n])
			continue;
		/* the table's order is the format's order */
		snprintf(sort, sizeof(sort), "%c%02zu", required ? '0' : '1',
		         i);
		add_item(c, cl_name_str(n), K_CLASS,
		         cl_lsp_elem_doc(parent_id(sc), n), NULL, sort);
	}
	free(s);
}

static void
complete_end_tag(struct comp *c)
{
	const struct cl_xmlscan *sc = c->sc;
	char *name, *insert;

	if (!sc->depth || sc->depth > CL_XS_MAX_DEPTH)
		return;
	set_word(c, sc->word.start, sc->word.end);
	name = dup_span(c->t, sc->open[sc->depth - 1].name);
	insert = c->re < c->len && c->t[c->re] == '>'
	             ? cl_strdup(name)
	             : cl_xasprintf("%s>", name);
	add_item(c, name, K_CLASS, "closes the open element", insert, NULL);
	free(insert);
	free(name);
}

/* ---- attributes ---- */

static void
complete_attrs(struct comp *c)
{
	const struct cl_xmlscan *sc = c->sc;
	const struct cl_schema_elem *e = tag_def(sc);
	enum cl_name n;
	bool required;
	size_t i, k;

	if (!e)
		return;
	set_word(c, sc->word.start, sc->word.end);
	for (i = 0; (n = cl_schema_attr_at(e, i, &required)) != CL_N_OTHER;
	     i++) {
		const char *name = cl_name_str(n);
		const char *doc = cl_lsp_attr_doc(sc->tag.id, n);
		char *detail, sort[24];
		bool present = false;

		for (k = 0; k < sc->nattrs && !present; k++)
			present = span_eq(c->t, sc->attrs[k], name);
		if (present)
			continue;
		detail = cl_xasprintf("%s%s", required ? "(required) " : "",
		                      doc ? doc : "");
		snprintf(sort, sizeof(sort), "%c%02zu", required ? '0' : '1',
		         i);
		add_item(c, name, K_PROPERTY, detail, NULL, sort);
		free(detail);
	}
}

/* ---- what the raw tags say, when the text cannot be modelled ---- */

struct raw_var {
	struct cl_xs_span key, label;
	size_t owner; /* the <auth-method>/<endpoint>'s '<'; NPOS: connector */
};

struct raw_ref {
	size_t owner;         /* an endpoint's '<', or a method's own '<' */
	struct cl_xs_span id; /* the enabled or declared auth method id */
	struct cl_xs_span name;
};

struct raw {
	const char *t;
	size_t len;
	struct raw_var *vars;
	size_t nvars, avars;
	struct raw_ref *enables, *methods;
	size_t nenables, aenables, nmethods, amethods;
};

static void
raw_fn(const struct cl_xmlscan *sc, void *arg)
{
	struct raw *r = arg;
	size_t d = sc->depth, ts = sc->tag.tag_start;
	struct cl_xs_span v, none = { 0, 0 };

	if (d > CL_XS_MAX_DEPTH)
		return;
	if ((sc->tag.id == CL_N_VARIABLE || sc->tag.id == CL_N_USE) && d >= 2 &&
	    sc->open[d - 1].id == CL_N_VARIABLES &&
	    cl_xmlscan_attr(r->t, r->len, ts,
	                    sc->tag.id == CL_N_USE ? "variable" : "key", &v)) {
		enum cl_name p = sc->open[d - 2].id;
		struct raw_var *rv;

		if (p != CL_N_CONNECTOR && p != CL_N_AUTH_METHOD &&
		    p != CL_N_ENDPOINT)
			return;
		CL_GROW(r->vars, r->nvars + 1, r->avars);
		rv = &r->vars[r->nvars++];
		rv->key = v;
		rv->owner =
		    p == CL_N_CONNECTOR ? NPOS : sc->open[d - 2].tag_start;
		if (!cl_xmlscan_attr(r->t, r->len, ts, "label", &rv->label))
			rv->label = none;
	} else if (sc->tag.id == CL_N_ENABLE && d >= 1 &&
	           sc->open[d - 1].id == CL_N_ENDPOINT &&
	           cl_xmlscan_attr(r->t, r->len, ts, "auth-method", &v)) {
		CL_GROW(r->enables, r->nenables + 1, r->aenables);
		r->enables[r->nenables].owner = sc->open[d - 1].tag_start;
		r->enables[r->nenables].id = v;
		r->enables[r->nenables++].name = none;
	} else if (sc->tag.id == CL_N_AUTH_METHOD && d >= 1 &&
	           sc->open[d - 1].id == CL_N_AUTH_METHODS &&
	           cl_xmlscan_attr(r->t, r->len, ts, "id", &v)) {
		CL_GROW(r->methods, r->nmethods + 1, r->amethods);
		r->methods[r->nmethods].owner = ts;
		r->methods[r->nmethods].id = v;
		if (!cl_xmlscan_attr(r->t, r->len, ts, "name",
		                     &r->methods[r->nmethods].name))
			r->methods[r->nmethods].name = none;
		r->nmethods++;
	}
}

static void
raw_scan(struct raw *r, const char *t, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->t = t;
	r->len = len;
	cl_xmlscan_tags(t, len, raw_fn, r);
}

static void
raw_release(struct raw *r)
{
	free(r->vars);
	free(r->enables);
	free(r->methods);
}

static void
raw_add_vars(struct comp *c, const struct raw *r, size_t owner,
             const char *where, const char *suffix)
{
	size_t i;

	for (i = 0; i < r->nvars; i++) {
		const struct raw_var *v = &r->vars[i];
		char *key, *insert, *detail;

		if (v->owner != owner || v->key.start == v->key.end)
			continue;
		key = dup_span(c->t, v->key);
		insert = cl_xasprintf("%s%s", key, suffix);
		detail = v->label.end > v->label.start
		             ? dup_span(c->t, v->label)
		             : cl_strdup(where);
		add_item(c, key, K_VARIABLE, detail, insert, NULL);
		free(detail);
		free(insert);
		free(key);
	}
}

/* ---- placeholders ---- */

static bool
is_key_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
}

/* The start of the key after "{{" before the cursor, or NPOS; never
 * before FLOOR (the start of the value or text). */
static size_t
placeholder_start(const struct comp *c, size_t floor)
{
	size_t k = c->offset;

	while (k > floor && is_key_char(c->t[k - 1]))
		k--;
	if (k >= floor + 2 && c->t[k - 1] == '{' && c->t[k - 2] == '{')
		return k;
	return NPOS;
}

/* Whether the cursor is in a place the format scans for placeholders. */
static bool
template_place(const struct cl_xmlscan *sc, size_t *floor)
{
	enum cl_name in = parent_id(sc);

	if (sc->where == CL_XS_ATTR_VALUE) {
		*floor = sc->value.start;
		return sc->tag.id == CL_N_PARAM && sc->attr_id == CL_N_VALUE;
	}
	if (sc->where != CL_XS_CONTENT && sc->where != CL_XS_CDATA)
		return false;
	*floor = sc->where == CL_XS_CDATA ? sc->text.start : 0;
	return in == CL_N_URL || in == CL_N_ADDITIONAL_URL ||
	       in == CL_N_CONTENT;
}

/* The innermost open <auth-method> or <endpoint>: its index, or NPOS. */
static size_t
scope_owner(const struct cl_xmlscan *sc)
{
	size_t k;

	if (sc->depth > CL_XS_MAX_DEPTH)
		return NPOS;
	for (k = sc->depth; k-- > 0;)
		if (sc->open[k].id == CL_N_AUTH_METHOD ||
		    sc->open[k].id == CL_N_ENDPOINT)
			return k;
	return NPOS;
}

static void
model_keys(struct comp *c, const struct cl_connector *m, bool auth,
           const char *id, const char *suffix)
{
	struct cl_template tpl;
	const struct cl_var_list *l;
	size_t i, j;

	memset(&tpl, 0, sizeof(tpl));
	if (auth) {
		tpl.auth = cl_model_auth_method(m, id);
	} else {
		for (i = 0; i < m->n_endpoints && !tpl.endpoint; i++)
			if (!strcmp(m->endpoints[i].id, id))
				tpl.endpoint = &m->endpoints[i];
	}
	if (!tpl.auth && !tpl.endpoint)
		return;
	for (i = 0; (l = cl_scope_list(m, &tpl, i)); i++)
		for (j = 0; j < l->n; j++) {
			const struct cl_variable *v = &l->items[j];
			const char *label = v->label ? v->label
			                    : v->target && v->target->label
			                        ? v->target->label
			                        : cl_var_scope_word(v->scope);
			char *insert;

			if (!v->key[0])
				continue;
			insert = cl_xasprintf("%s%s", v->key, suffix);
			add_item(c, v->key, K_VARIABLE, label, insert, NULL);
			free(insert);
		}
}

static void
raw_keys(struct comp *c, bool auth, size_t owner, const char *suffix)
{
	struct raw r;
	size_t i, j;

	raw_scan(&r, c->t, c->len);
	raw_add_vars(c, &r, owner, auth ? "auth variable" : "endpoint variable",
	             suffix);
	if (!auth) {
		raw_add_vars(c, &r, NPOS, "connector variable", suffix);
		for (i = 0; i < r.nenables; i++) {
			const struct raw_ref *en = &r.enables[i];

			if (en->owner != owner)
				continue;
			for (j = 0; j < r.nmethods; j++) {
				struct cl_xs_span id = r.methods[j].id;

				if (id.end - id.start ==
				        en->id.end - en->id.start &&
				    !memcmp(c->t + id.start,
				            c->t + en->id.start,
				            id.end - id.start))
					raw_add_vars(c, &r, r.methods[j].owner,
					             "auth variable", suffix);
			}
		}
	}
	raw_release(&r);
}

static bool
complete_placeholder(struct comp *c)
{
	const struct cl_xmlscan *sc = c->sc;
	const struct cl_lsp_analysis *an;
	struct cl_xs_span idv;
	size_t floor, ks, ke, k;
	const char *suffix;
	char *id;
	bool auth;

	if (!template_place(sc, &floor) ||
	    (ks = placeholder_start(c, floor)) == NPOS)
		return false;
	for (ke = c->offset; ke < c->len && is_key_char(c->t[ke]); ke++)
		;
	set_word(c, ks, ke);
	suffix = c->len - ke >= 2 && c->t[ke] == '}' && c->t[ke + 1] == '}'
	             ? ""
	             : "}}";
	if ((k = scope_owner(sc)) == NPOS ||
	    !cl_xmlscan_attr(c->t, c->len, sc->open[k].tag_start, "id", &idv))
		return true;
	auth = sc->open[k].id == CL_N_AUTH_METHOD;
	an = cl_lsp_doc_analysis(c->doc);
	id = dup_span(c->t, idv);
	if (an->ctx.model)
		model_keys(c, an->ctx.model, auth, id, suffix);
	else
		raw_keys(c, auth, sc->open[k].tag_start, suffix);
	free(id);
	return true;
}

/* ---- attribute values ---- */

static void
complete_auth_ids(struct comp *c)
{
	const struct cl_lsp_analysis *an = cl_lsp_doc_analysis(c->doc);
	const struct cl_connector *m = an->ctx.model;
	size_t i;

	if (m) {
		for (i = 0; i < m->n_auth_methods; i++) {
			const struct cl_auth_method *a = &m->auth_methods[i];
			char *detail;

			if (!a->id[0])
				continue;
			detail = cl_xasprintf("%s (%s)", a->name,
			                      cl_auth_type_name(a->type));
			add_item(c, a->id, K_REFERENCE, detail, NULL, NULL);
			free(detail);
		}
		return;
	} else {
		struct raw r;

		raw_scan(&r, c->t, c->len);
		for (i = 0; i < r.nmethods; i++) {
			char *id = dup_span(c->t, r.methods[i].id);
			char *name = dup_span(c->t, r.methods[i].name);

			if (*id)
				add_item(c, id, K_REFERENCE,
				         *name ? name : "auth method", NULL,
				         NULL);
			free(name);
			free(id);
		}
		raw_release(&r);
	}
}

/* <use variable="…">: the connector variables. */
static void
complete_use(struct comp *c)
{
	const struct cl_lsp_analysis *an = cl_lsp_doc_analysis(c->doc);
	const struct cl_connector *m = an->ctx.model;
	size_t i;

	if (m) {
		for (i = 0; i < m->variables.n; i++) {
			const struct cl_variable *v = &m->variables.items[i];

			if (v->key[0])
				add_item(c, v->key, K_VARIABLE,
				         v->label ? v->label
				                  : "connector variable",
				         NULL, NULL);
		}
	} else {
		struct raw r;

		raw_scan(&r, c->t, c->len);
		raw_add_vars(c, &r, NPOS, "connector variable", "");
		raw_release(&r);
	}
}

static void
complete_value(struct comp *c)
{
	const struct cl_xmlscan *sc = c->sc;
	const struct cl_schema_elem *e = tag_def(sc);
	const char *const *v;
	char *detail;
	size_t i;

	if (!e || !cl_schema_has_attr(e, sc->attr_id, NULL))
		return;
	set_word(c, sc->value.start, sc->value.end);
	if (sc->tag.id == CL_N_ENABLE && sc->attr_id == CL_N_AUTH_METHOD) {
		complete_auth_ids(c);
		return;
	}
	if (sc->tag.id == CL_N_USE && sc->attr_id == CL_N_VARIABLE) {
		complete_use(c);
		return;
	}
	if (!(v = cl_schema_attr_values(e, sc->attr_id)))
		return;
	detail = cl_xasprintf("%s of <%s>", cl_name_str(sc->attr_id),
	                      cl_name_str(sc->tag.id));
	for (i = 0; v[i]; i++) {
		char sort[24];

		snprintf(sort, sizeof(sort), "%02zu", i);
		add_item(c, v[i], K_ENUM_MEMBER, detail, NULL, sort);
	}
	free(detail);
}

/* ---- suppression comments ---- */

static const char *const directives[] = {
	"connlint-disable-next-line",
	"connlint-disable",
	"connlint-enable",
	"connlint-disable-file",
};

static const char *const directive_details[] = {
	"suppress rules on the next element",
	"suppress rules until connlint-enable",
	"end a connlint-disable",
	"suppress rules in the whole file",
};

static bool
is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static bool
is_rule_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
}

static void
complete_rules(struct comp *c)
{
	const struct cl_registry *reg = cl_lsp_doc_registry(c->doc);
	size_t i;

	for (i = 0; i < reg->count; i++) {
		const cl_rule *r = reg->rules[i];
		char *d =
		    cl_xasprintf("%s: %s", cl_rule_slug(r), cl_rule_summary(r));

		add_item(c, cl_rule_id(r), K_KEYWORD, d, NULL, NULL);
		free(d);
		d = cl_xasprintf("%s: %s", cl_rule_id(r), cl_rule_summary(r));
		add_item(c, cl_rule_slug(r), K_KEYWORD, d, NULL, NULL);
		free(d);
	}
}

static void
complete_comment(struct comp *c)
{
	const char *t = c->t;
	size_t p = c->sc->text.start, w, k, start = 0, end, off = c->offset;
	bool known = false;

	while (p < off && is_blank(t[p]))
		p++;
	for (w = p; w < off && !is_blank(t[w]); w++)
		;
	if (w == off) {
		/* on the first word: a directive, if it can become one */
		size_t n = w - p;

		if (n > 9 ? memcmp(t + p, "connlint-", 9)
		          : memcmp(t + p, "connlint-", n))
			return;
		for (end = w; end < c->sc->text.end && !is_blank(t[end]); end++)
			;
		set_word(c, p, end);
		for (k = 0; k < CL_ARRAY_SIZE(directives); k++)
			add_item(c, directives[k], K_KEYWORD,
			         directive_details[k], NULL, NULL);
		return;
	}
	for (k = 0; k < CL_ARRAY_SIZE(directives); k++)
		known |= strlen(directives[k]) == w - p &&
		         !memcmp(t + p, directives[k], w - p);
	if (!known)
		return;
	/* the rule list: names and commas up to the cursor */
	for (p = w;;) {
		while (p < off && is_blank(t[p]))
			p++;
		for (start = p; p < off && is_rule_char(t[p]); p++)
			;
		if (p == off)
			break;
		while (p < off && is_blank(t[p]))
			p++;
		if (p < off && t[p] == ',') {
			p++;
			continue;
		}
		return; /* in the reason */
	}
	for (end = off; end < c->sc->text.end && is_rule_char(t[end]); end++)
		;
	set_word(c, start, end);
	complete_rules(c);
}

/* ---- the request ---- */

json_object *
cl_lsp_completion(struct cl_lsp_doc *doc, size_t offset)
{
	struct cl_xmlscan *sc = cl_calloc(1, sizeof(*sc));
	json_object *list = json_object_new_object();
	struct comp c;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.t = doc->text;
	c.len = doc->len;
	c.offset = offset > doc->len ? doc->len : offset;
	c.rs = c.re = c.offset;
	c.sc = sc;
	c.items = json_object_new_array();
	cl_xmlscan(c.t, c.len, c.offset, sc);
	if (!complete_placeholder(&c)) {
		switch (sc->where) {
		case CL_XS_TAG_NAME:
			complete_elements(&c);
			break;
		case CL_XS_END_TAG:
			complete_end_tag(&c);
			break;
		case CL_XS_ATTRS:
			complete_attrs(&c);
			break;
		case CL_XS_ATTR_VALUE:
			complete_value(&c);
			break;
		case CL_XS_COMMENT:
			complete_comment(&c);
			break;
		case CL_XS_CONTENT:
		case CL_XS_CDATA:
		case CL_XS_OTHER:
			break;
		}
	}
	for (i = 0; i < c.nseen; i++)
		free(c.seen[i]);
	free(c.seen);
	free(sc);
	json_object_object_add(list, "isIncomplete",
	                       json_object_new_boolean(0));
	json_object_object_add(list, "items", c.items);
	return list;
}
