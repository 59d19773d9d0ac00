/* What the compatibility rules share; see compat.h. */
#include "compat.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "nearmiss.h"
#include "vars.h"

const struct cl_endpoint *
cl_compat_endpoint(const struct cl_connector *c, const char *id)
{
	return cl_model_endpoint(c, id);
}

bool
cl_compat_first_method(const struct cl_connector *c,
                       const struct cl_auth_method *m)
{
	return cl_model_auth_method(c, m->id) == m;
}

bool
cl_compat_first_endpoint(const struct cl_connector *c,
                         const struct cl_endpoint *e)
{
	return cl_compat_endpoint(c, e->id) == e;
}

bool
cl_compat_var_demands(const struct cl_variable *v)
{
	return v->required && !cl_var_default(v);
}

void
cl_compat_report_demands(struct cl_ctx *ctx, const struct cl_diff *d,
                         const struct cl_rule *rule,
                         const struct cl_var_list *now,
                         const struct cl_var_list *was_vars,
                         const struct cl_node *was_node, const char *owner,
                         const char *id, const char *var, const char *holders)
{
	size_t j;

	for (j = 0; j < now->n; j++) {
		const struct cl_variable *v = &now->items[j];
		const struct cl_variable *ov;
		struct cl_diag *diag;
		struct cl_span at = cl_var_key_span(v);

		if (!*v->key || !cl_var_is_first(now, v) ||
		    !cl_compat_var_demands(v))
			continue;
		ov = cl_var_list_find(was_vars, v->key);
		if (ov && cl_compat_var_demands(ov))
			continue;
		if (!ov) {
			diag = cl_report(
			    ctx, rule, at,
			    "%s `%s` gains %s `%s`, required and without a "
			    "default: %s hold no value for it; give it a "
			    "default or make it optional",
			    owner, id, var, v->key, holders);
			cl_diff_related(
			    ctx, diag, d,
			    cl_compat_parent_span(d->old, was_vars->node
			                                      ? was_vars->node
			                                      : was_node),
			    "%s `%s` in the old version has no `%s`", owner, id,
			    v->key);
			continue;
		}
		if (!ov->required && cl_node_attr(v->node, "required"))
			at = cl_node_attr_span(v->node, "required");
		diag = cl_report(
		    ctx, rule, at,
		    "%s `%s` of %s `%s` is now required without a "
		    "default (it %s): %s hold no value for it",
		    var, v->key, owner, id,
		    ov->required ? "had a default" : "was optional", holders);
		cl_diff_related(ctx, diag, d, cl_var_key_span(ov),
		                "%s in the old version",
		                ov->required ? "with a default" : "optional");
	}
}

const struct cl_auth_method *
cl_compat_renamed_method(const struct cl_connector *old,
                         const struct cl_connector *new,
                         const struct cl_auth_method *gone)
{
	const char **ids = cl_malloc((new->n_auth_methods + 1) * sizeof(*ids));
	const struct cl_auth_method **added =
	    cl_malloc((new->n_auth_methods + 1) * sizeof(*added));
	const struct cl_auth_method *found = NULL;
	const char *near;
	size_t i, n = 0;

	/* Only methods the old version lacks: one that was there already
	 * is not where the gone one went. */
	for (i = 0; i < new->n_auth_methods; i++) {
		const struct cl_auth_method *m = &new->auth_methods[i];

		if (*m->id && !cl_model_auth_method(old, m->id) &&
		    cl_compat_first_method(new, m)) {
			added[n] = m;
			ids[n++] = m->id;
		}
	}
	near = cl_nearmiss(gone->id, ids, n);
	for (i = 0; i < n && !found; i++)
		if (near ? ids[i] == near
		         : !strcmp(added[i]->name, gone->name) &&
		               added[i]->type == gone->type)
			found = added[i];
	free(ids);
	free(added);
	return found;
}

const struct cl_endpoint *
cl_compat_renamed_endpoint(const struct cl_connector *old,
                           const struct cl_connector *new,
                           const struct cl_endpoint *gone)
{
	const char **ids = cl_malloc((new->n_endpoints + 1) * sizeof(*ids));
	const struct cl_endpoint **added =
	    cl_malloc((new->n_endpoints + 1) * sizeof(*added));
	const struct cl_endpoint *found = NULL;
	const char *near;
	size_t i, n = 0;

	for (i = 0; i < new->n_endpoints; i++) {
		const struct cl_endpoint *e = &new->endpoints[i];

		if (*e->id && !cl_compat_endpoint(old, e->id) &&
		    cl_compat_first_endpoint(new, e)) {
			added[n] = e;
			ids[n++] = e->id;
		}
	}
	near = cl_nearmiss(gone->id, ids, n);
	for (i = 0; i < n && !found; i++) {
		const struct cl_endpoint *e = added[i];

		if (near ? ids[i] == near
		         : !strcmp(e->name, gone->name) &&
		               e->direction == gone->direction && e->method &&
		               gone->method &&
		               !cl_strcasecmp(e->method, gone->method))
			found = e;
	}
	free(ids);
	free(added);
	return found;
}

const struct cl_variable *
cl_compat_renamed_var(const struct cl_var_list *old,
                      const struct cl_var_list *new,
                      const struct cl_variable *gone)
{
	const char **keys = cl_malloc((new->n + 1) * sizeof(*keys));
	const struct cl_variable *found = NULL;
	const char *near;
	size_t i, n = 0;

	for (i = 0; i < new->n; i++) {
		const struct cl_variable *v = &new->items[i];

		if (*v->key && !cl_var_list_find(old, v->key) &&
		    cl_var_is_first(new, v))
			keys[n++] = v->key;
	}
	near = cl_nearmiss(gone->key, keys, n);
	if (near)
		found = cl_var_list_find(new, near);
	free(keys);
	return found;
}

struct cl_span
cl_compat_parent_span(const struct cl_connector *c, const struct cl_node *n)
{
	return n ? n->name_span : c->node->name_span;
}

struct cl_span
cl_compat_item_span(const struct cl_node *n, const char *attr)
{
	return cl_node_attr_span(n, attr);
}

/* ---- canonical trees ---- */
/*
 * Two trees are the same connector when they differ only in attribute
 * order, whitespace around text, comments and the order of sibling
 * elements. Compared without building any text: an order-insensitive
 * hash of each subtree pairs the children up, then the pairs are
 * compared exactly. (Building canonical strings with printf made the
 * comparison cost more than linting both versions.)
 */

static bool
blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* The text of N without the blanks around it. */
static const char *
trimmed(const struct cl_node *n, size_t *len)
{
	const char *t = n->text ? n->text : "";
	size_t tl;

	while (blank(*t))
		t++;
	for (tl = strlen(t); tl && blank(t[tl - 1]); tl--)
		;
	*len = tl;
	return t;
}

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Eight bytes a step: every name, value and text of both versions is
 * hashed, and a byte a step was most of comparing them. The hashes only
 * pair subtrees up (equal ones are then compared exactly), so any good
 * mixing will do. */
static uint64_t
hash_bytes(const char *s, size_t n, uint64_t seed)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ seed ^ ((uint64_t)n << 56), w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return mix(h);
}

/*
 * Each node's hash, worked out once: same_tree pairs up the children of
 * every level by their hashes, and hashing each subtree again at every
 * level above it cost the depth times the tree (a whole connector each
 * time two versions were compared). An open-addressing table keyed by
 * the node's address, filled by one post-order walk of each tree.
 */
struct memo {
	const struct cl_node **node;
	uint64_t *hash;
	size_t mask;
};

static size_t
memo_slot(const struct memo *m, const struct cl_node *n)
{
	size_t k =
	    (size_t)(((uintptr_t)n >> 4) * 0x9E3779B97F4A7C15ULL) & m->mask;

	while (m->node[k] && m->node[k] != n)
		k = (k + 1) & m->mask;
	return k;
}

static uint64_t
memo_get(const struct memo *m, const struct cl_node *n)
{
	size_t k = memo_slot(m, n);

	if (m->node[k] != n)
		BUG("subtree hash of <%s> not worked out", n->name);
	return m->hash[k];
}

static size_t
count_nodes(const struct cl_node *n)
{
	const struct cl_node *ch;
	size_t k = 1;

	for (ch = n->children; ch; ch = ch->next)
		k += count_nodes(ch);
	return k;
}

/* Sums are commutative: attribute and child order do not count. Records
 * the hash of N and of every node under it in M. */
static uint64_t
tree_hash(struct memo *m, const struct cl_node *n)
{
	const struct cl_node *ch;
	uint64_t h = hash_bytes(n->name, strlen(n->name), 1), sum = 0;
	size_t i, tl, k;
	const char *t = trimmed(n, &tl);

	for (i = 0; i < n->nattrs; i++) {
		const char *v = n->attrs[i].value ? n->attrs[i].value : "";

		sum += mix(
		    hash_bytes(n->attrs[i].name, strlen(n->attrs[i].name), 2) ^
		    hash_bytes(v, strlen(v), 3));
	}
	h = mix(h ^ sum);
	h = mix(h ^ hash_bytes(t, tl, 4));
	sum = 0;
	for (ch = n->children; ch; ch = ch->next)
		sum += mix(tree_hash(m, ch) + 5);
	h = mix(h ^ sum);
	k = memo_slot(m, n);
	m->node[k] = n;
	m->hash[k] = h;
	return h;
}

struct hashed {
	uint64_t h;
	const struct cl_node *n;
};

static int
cmp_hashed(const void *pa, const void *pb)
{
	const struct hashed *a = pa, *b = pb;

	return a->h < b->h ? -1 : a->h > b->h;
}

/* The children of N with their hashes (from M), sorted by hash; *COUNT
 * set. Malloc'd (NULL when there are none); caller frees. */
static struct hashed *
hashed_children(const struct memo *m, const struct cl_node *n, size_t *count)
{
	const struct cl_node *ch;
	struct hashed *v;
	size_t k = 0;

	for (ch = n->children; ch; ch = ch->next)
		k++;
	*count = k;
	if (!k)
		return NULL;
	v = cl_malloc(k * sizeof(*v));
	k = 0;
	for (ch = n->children; ch; ch = ch->next) {
		v[k].h = memo_get(m, ch);
		v[k++].n = ch;
	}
	qsort(v, k, sizeof(*v), cmp_hashed);
	return v;
}

static bool
same_tree(const struct memo *m, const struct cl_node *a,
          const struct cl_node *b)
{
	struct hashed *ca, *cb;
	size_t i, j, na, nb, la, lb;
	const char *ta, *tb;
	bool same = true;

	if (strcmp(a->name, b->name) || a->nattrs != b->nattrs)
		return false;
	ta = trimmed(a, &la);
	tb = trimmed(b, &lb);
	if (la != lb || memcmp(ta, tb, la))
		return false;
	for (i = 0; i < a->nattrs; i++) {
		const char *va = a->attrs[i].value ? a->attrs[i].value : "";
		bool found = false;

		for (j = 0; j < b->nattrs && !found; j++) {
			const char *vb =
			    b->attrs[j].value ? b->attrs[j].value : "";

			found = !strcmp(a->attrs[i].name, b->attrs[j].name) &&
			        !strcmp(va, vb);
		}
		if (!found)
			return false;
	}
	ca = hashed_children(m, a, &na);
	cb = hashed_children(m, b, &nb);
	if (na != nb)
		same = false;
	for (i = 0; same && i < na; i++)
		same = ca[i].h == cb[i].h && same_tree(m, ca[i].n, cb[i].n);
	free(ca);
	free(cb);
	return same;
}

bool
cl_compat_trees_equal(const struct cl_node *a, const struct cl_node *b)
{
	struct memo m;
	size_t n, size = 16;
	bool same;

	if (!a || !b)
		return a == b;
	n = count_nodes(a) + count_nodes(b);
	while (size < 2 * n)
		size *= 2;
	m.node = cl_calloc(size, sizeof(*m.node));
	m.hash = cl_malloc(size * sizeof(*m.hash));
	m.mask = size - 1;
	/* Different hashes of the roots: different trees, nothing to pair.
	 * The same: the exact comparison, with every hash known. */
	same = tree_hash(&m, a) == tree_hash(&m, b) && same_tree(&m, a, b);
	free(m.node);
	free(m.hash);
	return same;
}

/* ---- versions ---- */

static bool
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* Compares one part of a version each: numbers by value (of any length),
 * anything else as text. */
static int
part_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int r;

	if (all_digits(a, an) && all_digits(b, bn)) {
		while (an > 1 && *a == '0')
			a++, an--;
		while (bn > 1 && *b == '0')
			b++, bn--;
		if (an != bn)
			return an < bn ? -1 : 1;
		return memcmp(a, b, an);
	}
	r = memcmp(a, b, an < bn ? an : bn);
	if (r)
		return r;
	return an == bn ? 0 : an < bn ? -1 : 1;
}

int
cl_compat_version_cmp(const char *a, const char *b)
{
	/* A part one version lacks counts as 0: "2" is "2.0". */
	while (*a || *b) {
		size_t an = strcspn(a, "."), bn = strcspn(b, ".");
		int r = part_cmp(an || *a ? a : "0", an || *a ? an : 1,
		                 bn || *b ? b : "0", bn || *b ? bn : 1);

		if (r)
			return r;
		a += an + (a[an] == '.');
		b += bn + (b[bn] == '.');
	}
	return 0;
}

/* ---- URL hosts ---- */

bool
cl_compat_url_host(const char *u, size_t *start, size_t *end)
{
	const char *sep;
	size_t s = 0, e, i;

	if (!u)
		return false;
	sep = strstr(u, "://");
	if (sep)
		s = (size_t)(sep - u) + 3;
	e = s + strcspn(u + s, "/?#");
	/* user information: up to the last '@' of the authority */
	for (i = e; i > s; i--)
		if (u[i - 1] == '@') {
			s = i;
			break;
		}
	/* port: digits after the last ':' (not inside an IPv6 literal) */
	for (i = e; i > s && u[i - 1] >= '0' && u[i - 1] <= '9'; i--)
		;
	if (i > s && i < e && u[i - 1] == ':' && u[s] != '[')
		e = i - 1;
	else if (i > s && i == e && u[i - 1] == ':')
		e = i - 1;
	*start = s;
	*end = e;
	return e > s;
}

void
cl_compat_old_ctx(const struct cl_diff *d, struct cl_ctx *oc)
{
	memset(oc, 0, sizeof(*oc));
	oc->buf = d->old_buf;
	oc->len = d->old_len;
}

void
cl_compat_report_removed(struct cl_ctx *ctx, const struct cl_diff *d,
                         const struct cl_rule *rule, struct cl_span at,
                         const char *what, const char *id,
                         const struct cl_node *old_node,
                         const struct cl_node *to_node, const char *to_id,
                         const char *users, const char *users_end,
                         const char *gone)
{
	struct cl_diag *diag;

	if (to_node)
		diag =
		    cl_report(ctx, rule, at,
		              "%s `%s` was removed; renamed to `%s`? %s `%s` "
		              "%s either way: keep the old id",
		              what, id, to_id, users, id, users_end);
	else
		diag = cl_report(ctx, rule, at, "%s `%s` was removed: %s", what,
		                 id, gone);
	cl_diff_related(ctx, diag, d, cl_compat_item_span(old_node, "id"),
	                "%s `%s` removed from here", what, id);
	if (to_node)
		cl_report_related(ctx, diag, cl_node_attr_span(to_node, "id"),
		                  "renamed from `%s`?", id);
}
