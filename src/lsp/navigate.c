/*
 * Navigation: go to definition, find references, rename and the outline
 * (document symbols) of one connector definition.
 *
 * Two things can be named and renamed: a variable (connector, auth or
 * endpoint variable: its key=, the {{key}} placeholders that resolve to
 * it, and for a connector variable the <use variable=> of every method
 * that uses it) and an auth method (its id= and every <enable
 * auth-method=>). A placeholder is resolved as the placeholder rules
 * resolve it (scope.h: the most specific list first), so a connector
 * variable `x` and an endpoint variable `x` are two variables. A use
 * stands for the connector variable it names.
 *
 * Decisions:
 *  - definition on a declaration (key= or id= value) returns the
 *    declaration itself, as clangd does: clients then offer references;
 *  - a placeholder that finds only a key differing in case (CL105) goes
 *    to that variable, but is not one of its references (renaming it
 *    would change what it says, not what it means); a placeholder of an
 *    auth method naming a connector variable the method does not use
 *    (CL_RES_NOT_USED) is one, so that a rename keeps it as it was;
 *  - a default variable of an auth type (format spec, "Default auth
 *    variables by type"; auth.h) cannot be renamed: the platform fixes
 *    its key. Nor can a connector variable that a method uses under such
 *    a key;
 *  - an auth method id is renamed only to one the format allows
 *    (`[a-z0-9][a-z0-9_-]*`, format spec `auth-method`), which is
 *    stricter than the key rule, so that a rename never makes a CL002;
 *  - only text written as it reads is renamed: an attribute spelt with
 *    entity or character references is refused.
 *
 * Every function returns a new json-c value the caller owns (or NULL for
 * the JSON null); nothing else is allocated beyond the call.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "lsp.h"
#include "model.h"
#include "scope.h"
#include "util.h"
#include "vars.h"

/* LSP SymbolKind values (LSP 3.17, "SymbolKind"). */
enum {
	SYM_CLASS = 5,
	SYM_METHOD = 6,
	SYM_PROPERTY = 7,
	SYM_NAMESPACE = 3,
	SYM_VARIABLE = 13
};

/* What the cursor is on. */
struct target {
	int quality; /* 0: nothing; 1: at an end; 2: inside */
	/* Exactly one of these is set for a hit: the variable (a
	 * declaration, never a use) or the auth method. */
	const struct cl_variable *var;
	const struct cl_auth_method *auth;
	struct cl_span at;  /* the name under the cursor */
	const char *name;   /* its current (decoded) name */
	bool resolved_case; /* a placeholder found only ignoring case */
};

/* One place a name is written. */
struct occ {
	struct cl_span span;
	/* The decoded text the raw span must equal to be renamed; NULL for
	 * a placeholder, whose key is raw source by construction. */
	const char *expect;
};

struct occs {
	struct occ *items;
	size_t n, alloc;
};

static const struct cl_connector *
model_of(struct cl_lsp_doc *doc)
{
	return cl_lsp_doc_analysis(doc)->ctx.model;
}

/* A use stands for the connector variable it names (NULL: undefined). */
static const struct cl_variable *
canon(const struct cl_variable *v)
{
	return v && v->is_use ? v->target : v;
}

static bool
in_list(const struct cl_var_list *l, const struct cl_variable *v)
{
	return l->n && v >= l->items && v < l->items + l->n;
}

static const struct cl_auth_method *
owner_auth(const struct cl_connector *c, const struct cl_variable *v)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++)
		if (in_list(&c->auth_methods[i].variables, v))
			return &c->auth_methods[i];
	return NULL;
}

static const struct cl_endpoint *
owner_endpoint(const struct cl_connector *c, const struct cl_variable *v)
{
	size_t i;

	for (i = 0; i < c->n_endpoints; i++)
		if (in_list(&c->endpoints[i].variables, v))
			return &c->endpoints[i];
	return NULL;
}

static const struct cl_var_list *
owner_list(const struct cl_connector *c, const struct cl_variable *v)
{
	const struct cl_auth_method *m;
	const struct cl_endpoint *e;

	if (in_list(&c->variables, v))
		return &c->variables;
	if ((m = owner_auth(c, v)))
		return &m->variables;
	if ((e = owner_endpoint(c, v)))
		return &e->variables;
	BUG("variable outside the model");
}

static int
hit_quality(struct cl_span s, size_t off)
{
	if (off >= s.start && off < s.end)
		return 2;
	/* the cursor just after a name (`key|`) names it too */
	return off == s.end ? 1 : 0;
}

/* Keeps the candidate when it is a better hit than what T holds. */
static void
consider(struct target *t, size_t off, struct cl_span hit, struct cl_span at,
         const char *name, const struct cl_variable *var,
         const struct cl_auth_method *auth, bool resolved_case)
{
	int q = hit_quality(hit, off);

	if (q <= t->quality || (!var && !auth))
		return;
	t->quality = q;
	t->var = var;
	t->auth = auth;
	t->at = at;
	t->name = name;
	t->resolved_case = resolved_case;
}

static void
consider_vars(struct target *t, size_t off, const struct cl_var_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct cl_variable *v = &l->items[i];
		struct cl_span s = cl_var_key_span(v);

		/* without the attribute the span is the element's name */
		if (cl_node_attr(v->node, v->is_use ? "variable" : "key"))
			consider(t, off, s, s, v->key, canon(v), NULL, false);
	}
}

/* Whether placeholder P names variable *VAR exactly (a reference), or
 * only ignoring case (*CASE_ONLY). */
static bool
resolve(struct cl_nearmiss_cache *cache, const struct cl_connector *c,
        const struct cl_placeholder *p, const struct cl_variable **var,
        bool *case_only)
{
	enum cl_resolved r = cl_scope_resolve(cache, c, p->tpl, p->key, var);

	*var = canon(*var);
	*case_only = r == CL_RES_CASE;
	return *var && r != CL_RES_UNDEFINED;
}

static void
find_target(const struct cl_connector *c, size_t off, struct target *t)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i, j;

	memset(t, 0, sizeof(*t));
	consider_vars(t, off, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		struct cl_span s = cl_node_attr_span(m->node, "id");

		if (cl_node_attr(m->node, "id"))
			consider(t, off, s, s, m->id, NULL, m, false);
		consider_vars(t, off, &m->variables);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		consider_vars(t, off, &e->variables);
		for (j = 0; j < e->n_enables; j++) {
			const struct cl_enable *en = &e->enables[j];
			struct cl_span s =
			    cl_node_attr_span(en->node, "auth-method");

			if (cl_node_attr(en->node, "auth-method"))
				consider(t, off, s, s, en->auth_method, NULL,
				         en->target, false);
		}
	}
	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;
		bool case_only;

		if (hit_quality(p->span, off) > t->quality &&
		    resolve(&cache, c, p, &v, &case_only))
			consider(t, off, p->span, p->key_span, p->key, v, NULL,
			         case_only);
	}
	cl_nearmiss_cache_release(&cache);
}

static struct cl_span
decl_span(const struct target *t)
{
	return t->var ? cl_var_key_span(t->var)
	              : cl_node_attr_span(t->auth->node, "id");
}

json_object *
cl_lsp_definition(struct cl_lsp_doc *doc, size_t offset)
{
	const struct cl_connector *c = model_of(doc);
	struct target t;
	struct cl_span s;

	if (!c)
		return NULL;
	find_target(c, offset, &t);
	if (!t.quality)
		return NULL;
	s = decl_span(&t);
	return cl_lsp_location_json(doc, s.start, s.end);
}

static void
occs_add(struct occs *o, struct cl_span s, const char *expect)
{
	CL_GROW(o->items, o->n + 1, o->alloc);
	o->items[o->n].span = s;
	o->items[o->n].expect = expect;
	o->n++;
}

static int
occ_cmp(const void *a, const void *b)
{
	const struct occ *x = a, *y = b;

	if (x->span.start != y->span.start)
		return x->span.start < y->span.start ? -1 : 1;
	return (x->span.end > y->span.end) - (x->span.end < y->span.end);
}

/* Sorted by position, each place once. */
static void
occs_sort(struct occs *o)
{
	size_t i, n = 0;

	if (!o->n)
		return;
	qsort(o->items, o->n, sizeof(*o->items), occ_cmp);
	for (i = 1; i < o->n; i++)
		if (occ_cmp(&o->items[i], &o->items[n]))
			o->items[++n] = o->items[i];
	o->n = n + 1;
}

/* Every place T's name is written: the declaration when DECL, and every
 * reference. When REFS_OUT is not NULL, the placeholders that are
 * references are also recorded there (for the rename's checks; caller
 * frees the array with free()). */
static void
collect(const struct cl_connector *c, const struct target *t, bool decl,
        struct occs *o, const struct cl_placeholder ***refs_out,
        size_t *nrefs_out)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	const struct cl_placeholder **refs = NULL;
	size_t i, j, nrefs = 0, alloc = 0;

	if (decl)
		occs_add(o, decl_span(t), t->var ? t->var->key : t->auth->id);
	if (t->auth) {
		for (i = 0; i < c->n_endpoints; i++)
			for (j = 0; j < c->endpoints[i].n_enables; j++) {
				const struct cl_enable *en =
				    &c->endpoints[i].enables[j];

				if (en->target == t->auth)
					occs_add(o,
					         cl_node_attr_span(
					             en->node, "auth-method"),
					         en->auth_method);
			}
		goto out;
	}
	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_variable *v;
		bool case_only;

		if (!resolve(&cache, c, p, &v, &case_only) || case_only ||
		    v != t->var)
			continue;
		occs_add(o, p->key_span, NULL);
		if (refs_out) {
			CL_GROW(refs, nrefs + 1, alloc);
			refs[nrefs++] = p;
		}
	}
	if (t->var->scope == CL_SCOPE_CONNECTOR)
		for (i = 0; i < c->n_auth_methods; i++) {
			const struct cl_var_list *l =
			    &c->auth_methods[i].variables;

			for (j = 0; j < l->n; j++)
				if (l->items[j].is_use &&
				    l->items[j].target == t->var)
					occs_add(o,
					         cl_var_key_span(&l->items[j]),
					         l->items[j].key);
		}
out:
	cl_nearmiss_cache_release(&cache);
	occs_sort(o);
	if (refs_out) {
		*refs_out = refs;
		*nrefs_out = nrefs;
	}
}

json_object *
cl_lsp_references(struct cl_lsp_doc *doc, size_t offset, bool include_decl)
{
	const struct cl_connector *c = model_of(doc);
	struct occs o = { NULL, 0, 0 };
	struct target t;
	json_object *arr;
	size_t i;

	if (!c)
		return NULL;
	find_target(c, offset, &t);
	if (!t.quality)
		return NULL;
	collect(c, &t, include_decl, &o, NULL, NULL);
	arr = json_object_new_array();
	for (i = 0; i < o.n; i++)
		json_object_array_add(
		    arr, cl_lsp_location_json(doc, o.items[i].span.start,
		                              o.items[i].span.end));
	free(o.items);
	return arr;
}

/* Whether the source bytes of S read EXPECT (no entity references, no
 * white space the parser normalised). */
static bool
raw_is(const char *text, struct cl_span s, const char *expect)
{
	size_t n = s.end - s.start;

	return !expect ||
	       (strlen(expect) == n && !memcmp(text + s.start, expect, n));
}

/* The format's auth method id: [a-z0-9][a-z0-9_-]* (format spec). */
static bool
id_valid(const char *id)
{
	size_t i;

	if (!*id)
		return false;
	for (i = 0; id[i]; i++) {
		char ch = id[i];
		bool ok = (ch >= 'a' && ch <= 'z') ||
		          (ch >= '0' && ch <= '9') ||
		          (i > 0 && (ch == '_' || ch == '-'));

		if (!ok)
			return false;
	}
	return true;
}

/* Why T cannot be renamed at all, whatever the new name; NULL when it
 * can. The occurrences O must have been collected. */
static const char *
not_renamable(const struct cl_lsp_doc *doc, const struct cl_connector *c,
              const struct target *t, const struct occs *o)
{
	size_t i, j;

	if (t->resolved_case)
		return "this placeholder names its variable in another case; "
		       "fix its spelling before renaming";
	for (i = 0; i < o->n; i++)
		if (!raw_is(doc->text, o->items[i].span, o->items[i].expect))
			return "the name is written with entity or character "
			       "references (or is missing) in the source; write "
			       "it plainly before renaming";
	if (!t->var)
		return NULL;
	if (t->var->scope == CL_SCOPE_AUTH) {
		const struct cl_auth_method *m = owner_auth(c, t->var);

		if (m && cl_auth_is_default_key(m->type, t->var->key))
			return "this is a default variable of its auth "
			       "method's type: the platform fixes its key "
			       "(only its label can change)";
	}
	if (t->var->scope == CL_SCOPE_CONNECTOR)
		for (i = 0; i < c->n_auth_methods; i++) {
			const struct cl_auth_method *m = &c->auth_methods[i];

			for (j = 0; j < m->variables.n; j++)
				if (m->variables.items[j].is_use &&
				    m->variables.items[j].target == t->var &&
				    cl_auth_is_default_key(m->type,
				                           t->var->key))
					return "an auth method uses this "
					       "variable as one of its type's "
					       "default variables, whose key "
					       "the platform fixes";
		}
	return NULL;
}

static bool
list_has(const struct cl_var_list *l, const char *key,
         const struct cl_variable *except)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (&l->items[i] != except && !strcmp(l->items[i].key, key))
			return true;
	return false;
}

static bool
enables(const struct cl_endpoint *e, const struct cl_auth_method *m)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++)
		if (e->enables[i].target == m)
			return true;
	return false;
}

/* The key variable W would have once V is renamed to NAME. */
static const char *
key_after(const struct cl_variable *w, const struct cl_variable *v,
          const char *name)
{
	return canon(w) == v ? name : w->key;
}

static const struct cl_variable *
find_after(const struct cl_var_list *l, const char *key,
           const struct cl_variable *v, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(key_after(&l->items[i], v, name), key))
			return &l->items[i];
	return NULL;
}

/* What placeholder P would name exactly once V is renamed to NAME: the
 * resolution of scope.c, on the renamed keys. */
static const struct cl_variable *
resolve_after(const struct cl_connector *c, const struct cl_placeholder *p,
              const char *key, const struct cl_variable *v, const char *name)
{
	const struct cl_var_list *l;
	const struct cl_variable *w;
	size_t i;

	for (i = 0; (l = cl_scope_list(c, p->tpl, i)); i++)
		if ((w = find_after(l, key, v, name)))
			return canon(w);
	if (p->tpl->auth && (w = find_after(&c->variables, key, v, name)))
		return w;
	return NULL;
}

/* Whether another variable that can be seen together with V (by a
 * placeholder, or through a use) has the key NAME. */
static const char *
var_taken(const struct cl_connector *c, const struct cl_variable *v,
          const char *name)
{
	const struct cl_auth_method *m;
	const struct cl_endpoint *e;
	size_t i, j;

	if (list_has(owner_list(c, v), name, v))
		return "another variable of the same scope already has that "
		       "key";
	switch (v->scope) {
	case CL_SCOPE_CONNECTOR:
		/* a connector variable is seen from every endpoint and
		 * through any use of its key */
		for (i = 0; i < c->n_auth_methods; i++)
			if (list_has(&c->auth_methods[i].variables, name, NULL))
				return "an auth variable or use already has "
				       "that key: it would shadow or name the "
				       "renamed connector variable";
		for (i = 0; i < c->n_endpoints; i++)
			if (list_has(&c->endpoints[i].variables, name, NULL))
				return "an endpoint variable already has that "
				       "key: it would shadow the renamed "
				       "connector variable";
		break;
	case CL_SCOPE_AUTH:
		m = owner_auth(c, v);
		if (list_has(&c->variables, name, NULL))
			return "a connector variable already has that key: "
			       "it would shadow the renamed auth variable";
		for (i = 0; i < c->n_endpoints; i++) {
			e = &c->endpoints[i];
			if (!enables(e, m))
				continue;
			if (list_has(&e->variables, name, NULL))
				return "an endpoint that enables this method "
				       "has a variable with that key";
			for (j = 0; j < e->n_enables; j++)
				if (e->enables[j].target &&
				    e->enables[j].target != m &&
				    list_has(&e->enables[j].target->variables,
				             name, NULL))
					return "another auth method enabled "
					       "on the same endpoint has a "
					       "variable with that key";
		}
		break;
	case CL_SCOPE_ENDPOINT:
		e = owner_endpoint(c, v);
		if (list_has(&c->variables, name, NULL))
			return "a connector variable already has that key: "
			       "the renamed endpoint variable would shadow it";
		for (j = 0; e && j < e->n_enables; j++)
			if (e->enables[j].target &&
			    list_has(&e->enables[j].target->variables, name,
			             NULL))
				return "an auth method this endpoint enables "
				       "has a variable with that key";
		break;
	}
	return NULL;
}

/* How many auth methods enabled on E have a variable KEY. */
static size_t
enabled_with_key(const struct cl_endpoint *e, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < e->n_enables; i++)
		if (e->enables[i].target &&
		    list_has(&e->enables[i].target->variables, key, NULL))
			n++;
	return n;
}

/*
 * Whether every placeholder still names what it named: V's references V,
 * the others their own variable. REFS are V's references, in document
 * order. An endpoint placeholder that enables several methods having
 * V's key needs the key under each of them (format spec, "Placeholders
 * and scopes"), so renaming one would leave the others without it.
 */
static const char *
meaning_changes(const struct cl_connector *c, const struct cl_variable *v,
                const char *name, const struct cl_placeholder **refs,
                size_t nrefs)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	const struct cl_auth_method *m =
	    v->scope == CL_SCOPE_AUTH ? owner_auth(c, v) : NULL;
	const char *why = NULL;
	size_t i, k = 0;

	for (i = 0; i < c->n_placeholders && !why; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_endpoint *e = p->tpl->endpoint;
		const struct cl_variable *before;
		bool case_only, found, is_ref = k < nrefs && refs[k] == p;

		k += is_ref;
		found = resolve(&cache, c, p, &before, &case_only);
		if (m && e && found && !case_only && enables(e, m) &&
		    !strcmp(p->key, v->key) && before->scope == CL_SCOPE_AUTH &&
		    enabled_with_key(e, v->key) > 1)
			why =
			    "an endpoint placeholder needs this key under each "
			    "of the several auth methods the endpoint "
			    "enables; rename those variables together by hand";
		else if (is_ref) {
			if (resolve_after(c, p, name, v, name) != v)
				why =
				    "a placeholder of the variable would then "
				    "name another variable";
		} else if (found && case_only && before == v)
			why = "a placeholder names this variable in another "
			      "case; fix its spelling before renaming";
		else if (found && !case_only && !strcmp(p->key, name) &&
		         resolve_after(c, p, p->key, v, name) != before)
			why = "a placeholder that names another variable would "
			      "then name this one";
	}
	cl_nearmiss_cache_release(&cache);
	return why;
}

static const char *
auth_taken(const struct cl_connector *c, const struct cl_auth_method *m,
           const char *name)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++)
		if (&c->auth_methods[i] != m &&
		    !strcmp(c->auth_methods[i].id, name))
			return "another auth method already has that id";
	/* an enable naming a missing method would start naming this one */
	for (i = 0; i < c->n_endpoints; i++)
		for (size_t j = 0; j < c->endpoints[i].n_enables; j++)
			if (!c->endpoints[i].enables[j].target &&
			    !strcmp(c->endpoints[i].enables[j].auth_method,
			            name))
				return "an endpoint already enables an auth "
				       "method of that id";
	return NULL;
}

json_object *
cl_lsp_prepare_rename(struct cl_lsp_doc *doc, size_t offset)
{
	const struct cl_connector *c = model_of(doc);
	struct occs o = { NULL, 0, 0 };
	struct target t;
	json_object *r = NULL;

	if (!c)
		return NULL;
	find_target(c, offset, &t);
	if (!t.quality)
		return NULL;
	collect(c, &t, true, &o, NULL, NULL);
	if (!not_renamable(doc, c, &t, &o)) {
		r = json_object_new_object();
		json_object_object_add(
		    r, "range", cl_lsp_range_json(doc, t.at.start, t.at.end));
		cl_lsp_add_string(r, "placeholder",
		                  t.var ? t.var->key : t.auth->id);
	}
	free(o.items);
	return r;
}

json_object *
cl_lsp_rename(struct cl_lsp_doc *doc, size_t offset, const char *new_name,
              const char **error)
{
	const struct cl_connector *c = model_of(doc);
	const struct cl_placeholder **refs = NULL;
	struct occs o = { NULL, 0, 0 };
	const char *why, *old;
	struct target t;
	json_object *edits;
	size_t i, nrefs = 0;

	*error = NULL;
	if (!c) {
		*error = "the document is not a well-formed connector "
		         "definition";
		return NULL;
	}
	find_target(c, offset, &t);
	if (!t.quality) {
		*error = "there is no variable key or auth method id here to "
		         "rename";
		return NULL;
	}
	collect(c, &t, true, &o, &refs, &nrefs);
	old = t.var ? t.var->key : t.auth->id;
	if ((why = not_renamable(doc, c, &t, &o)))
		goto refuse;
	if (!new_name ||
	    (t.var ? !cl_key_valid(new_name) : !id_valid(new_name))) {
		why = t.var ? "a variable key is made of ASCII letters, "
		              "digits, `_`, `-` and `.`"
		            : "an auth method id is a lower-case letter or "
		              "digit, then lower-case letters, digits, `_` "
		              "and `-`";
		goto refuse;
	}
	edits = json_object_new_array();
	if (strcmp(new_name, old)) {
		why = t.var ? var_taken(c, t.var, new_name)
		            : auth_taken(c, t.auth, new_name);
		if (!why && t.var)
			why = meaning_changes(c, t.var, new_name, refs, nrefs);
		if (why) {
			json_object_put(edits);
			goto refuse;
		}
		for (i = 0; i < o.n; i++)
			json_object_array_add(
			    edits,
			    cl_lsp_text_edit(doc, o.items[i].span.start,
			                     o.items[i].span.end, new_name));
	}
	free(o.items);
	free(refs);
	return cl_lsp_workspace_edit(doc, edits);
refuse:
	free(o.items);
	free(refs);
	*error = why;
	return NULL;
}

/* ---- document symbols ---- */

static json_object *
symbol(struct cl_lsp_doc *doc, const char *name, const char *detail, int kind,
       struct cl_span range, struct cl_span sel)
{
	json_object *s = json_object_new_object();

	/* clients reject an empty name */
	cl_lsp_add_string(s, "name", name && *name ? name : "(unnamed)");
	if (detail && *detail)
		cl_lsp_add_string(s, "detail", detail);
	cl_lsp_add_int(s, "kind", kind);
	json_object_object_add(s, "range",
	                       cl_lsp_range_json(doc, range.start, range.end));
	json_object_object_add(s, "selectionRange",
	                       cl_lsp_range_json(doc, sel.start, sel.end));
	return s;
}

static json_object *
children(json_object *s)
{
	json_object *a = json_object_new_array();

	json_object_object_add(s, "children", a);
	return a;
}

static void
add_vars(struct cl_lsp_doc *doc, json_object *arr, const struct cl_var_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct cl_variable *v = &l->items[i];

		json_object_array_add(arr, symbol(doc, v->key,
		                                  v->is_use ? "use" : v->label,
		                                  SYM_VARIABLE, v->node->span,
		                                  cl_var_key_span(v)));
	}
}

/* A group ("Variables", ...) for container element NODE. */
static json_object *
group(struct cl_lsp_doc *doc, json_object *top, const char *name,
      const struct cl_node *node)
{
	json_object *s =
	    symbol(doc, name, NULL, SYM_NAMESPACE, node->span, node->name_span);

	json_object_array_add(top, s);
	return children(s);
}

static json_object *
endpoint_symbol(struct cl_lsp_doc *doc, const struct cl_endpoint *e)
{
	json_object *s, *kids;
	char *detail = NULL;
	size_t j;

	if (e->method && e->url.node && *e->url.value)
		detail = cl_xasprintf("%s %s", e->method, e->url.value);
	s = symbol(doc, e->id, detail ? detail : e->name, SYM_METHOD,
	           e->node->span, cl_node_attr_span(e->node, "id"));
	free(detail);
	kids = children(s);
	add_vars(doc, kids, &e->variables);
	for (j = 0; j < e->n_enables; j++)
		json_object_array_add(
		    kids, symbol(doc, e->enables[j].auth_method, "enable",
		                 SYM_PROPERTY, e->enables[j].node->span,
		                 cl_node_attr_span(e->enables[j].node,
		                                   "auth-method")));
	return s;
}

json_object *
cl_lsp_document_symbols(struct cl_lsp_doc *doc)
{
	const struct cl_connector *c = model_of(doc);
	json_object *top = json_object_new_array(), *kids;
	size_t i;

	if (!c)
		return top;
	if (c->variables.node) {
		kids = group(doc, top, "Variables", c->variables.node);
		add_vars(doc, kids, &c->variables);
	}
	if (c->auth_methods_node) {
		kids = group(doc, top, "Auth methods", c->auth_methods_node);
		for (i = 0; i < c->n_auth_methods; i++) {
			const struct cl_auth_method *m = &c->auth_methods[i];
			const char *type =
			    m->type == CL_AUTH_UNKNOWN
			        ? cl_node_attr_value(m->node, "type")
			        : cl_auth_type_name(m->type);
			json_object *s =
			    symbol(doc, m->id, type, SYM_CLASS, m->node->span,
			           cl_node_attr_span(m->node, "id"));

			json_object_array_add(kids, s);
			add_vars(doc, children(s), &m->variables);
		}
	}
	if (c->endpoints_node) {
		kids = group(doc, top, "Endpoints", c->endpoints_node);
		for (i = 0; i < c->n_endpoints; i++)
			json_object_array_add(
			    kids, endpoint_symbol(doc, &c->endpoints[i]));
	}
	return top;
}
