/*
 * CL110: an endpoint placeholder naming a connector variable or an auth
 * variable that one of the auth methods it enables does not provide:
 * instances added with that method send an empty value. Scopes are the
 * format spec's (scope.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "endpoints.h"
#include "nearmiss.h"
#include "rule.h"
#include "vars.h"

/* "`a`", "`a` and `b`", "`a`, `b` and `c`" into SB. */
static void
add_id_list(struct cl_strbuf *sb, const struct cl_auth_method *const *ms,
            size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			cl_strbuf_adds(sb, i + 1 < n ? ", " : " and ");
		cl_strbuf_addf(sb, "`%s`", ms[i]->id);
	}
}

/* The keys already checked for the current endpoint: a list, with a hash
 * table over it once it is long, since one endpoint may hold as many
 * placeholders as the file has room for (issue 16, B12). Zero-initialise;
 * key_set_release empties it. */
struct key_set {
	const char **keys;
	size_t n, alloc;
	size_t *slots; /* index + 1 into keys, 0: empty; NULL while short */
	size_t cap;    /* a power of two */
};

#define KEY_SET_SHORT 16

static size_t
key_set_slot(const struct key_set *ks, const char *key)
{
	uint64_t h = 14695981039346656037u;
	size_t k;
	const char *p;

	for (p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (k = (size_t)(h ^ (h >> 32)) & (ks->cap - 1);
	     ks->slots[k] && strcmp(ks->keys[ks->slots[k] - 1], key);
	     k = (k + 1) & (ks->cap - 1))
		;
	return k;
}

/* 1 when KEY is in KS; else adds it (KS keeps the pointer). */
static int
seen_key(struct key_set *ks, const char *key)
{
	size_t i;

	if (!ks->slots) {
		for (i = 0; i < ks->n; i++)
			if (!strcmp(ks->keys[i], key))
				return 1;
	} else if (ks->slots[key_set_slot(ks, key)]) {
		return 1;
	}
	CL_GROW(ks->keys, ks->n + 1, ks->alloc);
	ks->keys[ks->n++] = key;
	if (ks->n < KEY_SET_SHORT)
		return 0;
	if (2 * ks->n > ks->cap) {
		free(ks->slots);
		for (ks->cap = ks->cap ? ks->cap : 2 * KEY_SET_SHORT;
		     ks->cap < 2 * ks->n; ks->cap *= 2)
			;
		ks->slots = cl_calloc(ks->cap, sizeof(*ks->slots));
		for (i = 0; i + 1 < ks->n; i++)
			ks->slots[key_set_slot(ks, ks->keys[i])] = i + 1;
	}
	ks->slots[key_set_slot(ks, key)] = ks->n;
	return 0;
}

/* Empties KS for the next endpoint. The table goes (clearing it could
 * cost more than the next endpoint's keys), the list stays. */
static void
key_set_reset(struct key_set *ks)
{
	if (ks->slots) { /* rarely: no free call per endpoint */
		free(ks->slots);
		ks->slots = NULL;
		ks->cap = 0;
	}
	ks->n = 0;
}

static void
key_set_release(struct key_set *ks)
{
	free(ks->keys);
	free(ks->slots);
}

/*
 * 1 when CL109 (on) reports that auth method M reads connector variable
 * KEY without `use`-ing it: the same fix, already asked for.
 */
static int
cl109_reports(const struct cl_ctx *ctx, const struct cl_connector *c,
              const struct cl_auth_method *m, const char *key)
{
	size_t i;

	if (!cl_rule_enabled(ctx, &cl_rule_CL109))
		return 0;
	for (i = 0; i < c->n_placeholders; i++)
		if (c->placeholders[i].tpl->auth == m &&
		    !strcmp(c->placeholders[i].key, key))
			return 1;
	return 0;
}

/* 1 when CL108 (on) reports a `use` in M of a connector variable that does
 * not exist, and KEY is a near miss of it: the use meant KEY. */
static int
cl108_suggests(const struct cl_ctx *ctx, const struct cl_auth_method *m,
               const char *key)
{
	size_t i;

	if (!cl_rule_enabled(ctx, &cl_rule_CL108))
		return 0;
	for (i = 0; i < m->variables.n; i++) {
		const struct cl_variable *u = &m->variables.items[i];

		if (u->is_use && !u->target && *u->key &&
		    cl_nearmiss(u->key, &key, 1))
			return 1;
	}
	return 0;
}

/*
 * P, in endpoint E which enables the distinct methods EN[0..NEN), names a
 * connector variable or an auth variable of some of them: reports the
 * methods under which it has no value, and returns 1 when it did. A
 * connector variable with a default has that value everywhere; without
 * one it has a value only through a method that `use`s it.
 */
static int
check_placeholder_methods(struct cl_ctx *ctx, const struct cl_connector *c,
                          const struct cl_endpoint *e,
                          const struct cl_placeholder *p,
                          const struct cl_auth_method **en, size_t nen,
                          const struct cl_auth_method **scratch)
{
	/* The model resolved P in scope order (the endpoint's own variables,
	 * which the caller ruled out, then the connector's): a connector
	 * variable of its key is the one it found, if any. */
	const struct cl_variable *cv =
	    p->var && p->var->scope == CL_SCOPE_CONNECTOR ? p->var : NULL;
	const struct cl_auth_method **missing = scratch,
	                            **having = scratch + nen;
	size_t i, nmissing = 0, nhaving = 0;
	struct cl_strbuf sb = CL_STRBUF_INIT, one = CL_STRBUF_INIT;
	struct cl_diag *d;
	const char *k = p->key;

	if (cv && !cl_blank(cl_var_default(cv)))
		return 0;
	for (i = 0; i < nen; i++) {
		if (cl_var_list_find(&en[i]->variables, k))
			having[nhaving++] = en[i];
		else if (!(cv && (cl109_reports(ctx, c, en[i], k) ||
		                  cl108_suggests(ctx, en[i], k))))
			missing[nmissing++] = en[i];
	}
	/* Nothing in scope (CL104, CL105), or available everywhere. */
	if ((!cv && !nhaving) || !nmissing)
		return 0;

	/* "`tok`" for one method, "them" and "each" for several. */
	if (nmissing == 1)
		cl_strbuf_addf(&one, "`%s`", missing[0]->id);
	cl_strbuf_addf(&sb, "endpoint `%s` references ", e->id);
	if (cv) {
		cl_strbuf_addf(&sb, "connector variable `%s`", k);
	} else {
		cl_strbuf_addf(&sb, "`%s`, an auth variable of ", k);
		add_id_list(&sb, having, nhaving);
	}
	cl_strbuf_addf(&sb, ", but auth method%s ", nmissing > 1 ? "s" : "");
	add_id_list(&sb, missing, nmissing);
	cl_strbuf_adds(&sb, " (enabled here) ");
	if (cv)
		cl_strbuf_addf(&sb, "%s not `use` it",
		               nmissing > 1 ? "do" : "does");
	else
		cl_strbuf_addf(&sb, "%s no `%s`", nmissing > 1 ? "have" : "has",
		               k);
	cl_strbuf_addf(&sb, ": instances added with %s send an empty value; ",
	               nmissing > 1 ? "them" : cl_strbuf_str(&one));
	if (cv)
		cl_strbuf_addf(&sb, "add `<use variable=\"%s\"/>` to %s", k,
		               nmissing > 1 ? "each" : cl_strbuf_str(&one));
	else
		cl_strbuf_addf(&sb,
		               "define it there too, or make `%s` a "
		               "connector variable that every method enabled "
		               "here `use`s",
		               k);
	d = cl_report(ctx, &cl_rule_CL110, p->span, "%s", cl_strbuf_str(&sb));
	for (i = 0; i < nmissing; i++)
		cl_report_related(ctx, d,
		                  cl_node_attr_span(missing[i]->node, "id"),
		                  cv ? "auth method `%s` does not `use` `%s`"
		                     : "auth method `%s` has no `%s`",
		                  missing[i]->id, k);
	cl_strbuf_release(&one);
	cl_strbuf_release(&sb);
	return 1;
}

/* The distinct methods E enables into EN, in order; returns how many.
 * Unknown methods are CL402's; a second enable of one is CL411's. */
static size_t
distinct_enables(const struct cl_endpoint *e, const struct cl_auth_method **en)
{
	size_t j, k, nen = 0;

	for (j = 0; j < e->n_enables; j++) {
		const struct cl_auth_method *m = e->enables[j].target;

		for (k = 0; m && k < nen; k++)
			if (en[k] == m)
				m = NULL;
		if (m)
			en[nen++] = m;
	}
	return nen;
}

/*
 * One diagnostic per endpoint and key, at the first placeholder: the fix
 * is in the auth methods, once for the endpoint.
 *
 * Whether a connector variable's placeholder is reported depends only on
 * the variable and the methods enabled, not on the endpoint: endpoints in
 * a row that enable the same methods share a stamp, and QUIET[variable]
 * notes the stamp under which it was found to have a value everywhere,
 * so that the next such endpoints need not look again (most endpoints
 * read the same few connector variables).
 */
static void
check_unavailable_for_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method **en, **scratch;
	const struct cl_endpoint *cur = NULL;
	struct key_set keys = { NULL, 0, 0, NULL, 0 };
	size_t i, nen = 0, stamp = 0, *quiet;

	if (!c->n_placeholders)
		return;
	/* One block: QUIET (aligned by calloc), then EN and SCRATCH. */
	quiet = cl_calloc(1, (c->variables.n + 1) * sizeof(*quiet) +
	                         (3 * c->n_auth_methods + 3) * sizeof(*en));
	en = (const struct cl_auth_method **)(quiet + c->variables.n + 1);
	scratch = en + c->n_auth_methods + 1;
	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		const struct cl_endpoint *e = p->tpl->endpoint;
		const struct cl_variable *cv;

		if (!e)
			continue;
		if (e != cur) {
			if (!cur || !cl_same_enables(cur, e)) {
				stamp++;
				nen = distinct_enables(e, en);
			}
			cur = e;
			key_set_reset(&keys);
		}
		/* The endpoint's own variable wins (the model resolved P in
		 * scope order, own variables first); a key the platform fills
		 * in has a value under every method. */
		if (!nen || (p->var && p->var->scope == CL_SCOPE_ENDPOINT))
			continue;
		/* As check_placeholder_methods finds it (a quiet key is
		 * never reported, so need not be noted as seen either; the
		 * cheapest test, so asked first). */
		cv = p->var && p->var->scope == CL_SCOPE_CONNECTOR ? p->var
		                                                   : NULL;
		if ((cv && quiet[cv - c->variables.items] == stamp) ||
		    cl_ctx_platform_placeholder(ctx, p->key) ||
		    seen_key(&keys, p->key))
			continue;
		if (!check_placeholder_methods(ctx, c, e, p, en, nen,
		                               scratch) &&
		    cv)
			quiet[cv - c->variables.items] = stamp;
	}
	key_set_release(&keys);
	free(quiet); /* and EN and SCRATCH */
}

const struct cl_rule cl_rule_CL110 = {
	.id = "CL110",
	.slug = "variable-unavailable-for-method",
	.severity = CL_SEV_WARNING,
	.summary =
	    "an endpoint references a connector or auth variable that one of its enabled auth methods does not provide",
	.check = check_unavailable_for_method,
};
