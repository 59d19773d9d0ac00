/*
 * CL408 repeats-auth-param
 *
 * An endpoint header or body param with the same key and value as one that
 * every auth method the endpoint enables already sends: it says nothing
 * the request does not carry anyway.
 *
 * What an endpoint inherits (format spec, `auth-method`): the `headers`
 * and `body` params of every auth method it enables are sent on its
 * requests too, an own param with the same key overriding the inherited
 * one; `<headers automatic="false">` turns the inherited headers off (and
 * every other header the platform would add), not the inherited body.
 * An endpoint used by several methods inherits something for sure only
 * when every one of them sends it, so the rules that reason about
 * inheritance (CL408, CL409) look at all the endpoint's resolved methods;
 * an `<enable>` naming no method (CL402) reaches no instance and is left
 * out.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "endpoints.h"
#include "fixes.h"
#include "rule.h"

/* CH with ASCII case folded, as cl_strcasecmp folds it. */
static unsigned
fold(char ch)
{
	unsigned c = (unsigned char)ch;

	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The param of LIST that P repeats (same key and value), or NULL.
 * Header names compare case-insensitively, body keys exactly. */
static const struct cl_param *
same_param(const struct cl_param_list *list, const struct cl_param *p)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *q = &list->items[i];

		/* Most keys differ in the first byte: no call then. */
		if (!q->required || !q->value ||
		    fold(q->key[0]) != fold(p->key[0]))
			continue;
		/* A header is mostly spelt as the method spells it: the
		 * exact test first. */
		if (strcmp(q->key, p->key) && (p->place != CL_PLACE_HEADERS ||
		                               cl_strcasecmp(q->key, p->key)))
			continue;
		if (!strcmp(q->value, p->value))
			return q;
	}
	return NULL;
}

/* The list of M's params that an own param of E in PLACE is compared with. */
static const struct cl_param_list *
inherited_list(const struct cl_auth_method *m, enum cl_place place)
{
	return place == CL_PLACE_HEADERS ? &m->headers : &m->body.params;
}

/* The method that the enable at index *J of E or a later one resolves to,
 * skipping methods an earlier enable names (each method once); sets *J.
 * NULL when none is left. */
static const struct cl_auth_method *
next_method(const struct cl_endpoint *e, size_t *j)
{
	size_t k;

	for (; *j < e->n_enables; ++*j) {
		const struct cl_auth_method *m = e->enables[*j].target;

		if (!m)
			continue;
		for (k = 0; k < *j; k++)
			if (e->enables[k].target == m)
				break;
		if (k == *j)
			return m;
	}
	return NULL;
}

/*
 * The number of methods E enables (resolved ones, each once) when every
 * one of them sends what P, an own param of E, sends; else 0.
 */
static size_t
repeated_by_all(const struct cl_endpoint *e, const struct cl_param *p)
{
	const struct cl_auth_method *m;
	size_t i, n = 0;

	for (i = 0; (m = next_method(e, &i)); i++) {
		if (!same_param(inherited_list(m, p->place), p))
			return 0;
		n++;
	}
	return n;
}

/* A bit (of 64) for KEY from its first byte, case folded: keys
 * same_param takes for the same have the same bit. (Two bytes filter no
 * better: the keys that pass are mostly the same key.) */
static uint64_t
key_bit(const char *key)
{
	return (uint64_t)1 << (fold(key[0]) & 63);
}

/* The key_bits of the params of LIST that same_param can return: a param
 * whose bit is clear repeats none. */
static uint64_t
key_bits(const struct cl_param_list *list)
{
	uint64_t mask = 0;
	size_t i;

	for (i = 0; i < list->n; i++)
		if (list->items[i].required && list->items[i].value)
			mask |= key_bit(list->items[i].key);
	return mask;
}

/* key_bits of each auth method's headers and body params, made once per
 * connector: the keys of most endpoint params have a bit that none of the
 * first method they are compared with has. */
struct sends {
	uint64_t headers, body;
};

static void
check_repeated_params(struct cl_ctx *ctx, const struct cl_connector *c,
                      const struct cl_endpoint *e,
                      const struct cl_param_list *list, int *cl407_on,
                      uint64_t first)
{
	const struct cl_auth_method *m;
	size_t i, j, n;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		const char *what;
		struct cl_diag *d;
		bool removable;

		/* An optional param is the user's to fill in. */
		if (!p->required || !p->value)
			continue;
		/* The first method sends nothing P repeats. */
		if (!(first & key_bit(p->key)))
			continue;
		/* CL407 already asks to remove it. */
		if (p->place == CL_PLACE_HEADERS && cl_is_content_type(p) &&
		    cl_cl407_reports_cached(ctx, c, e, cl407_on))
			continue;
		if (!(n = repeated_by_all(e, p)))
			continue;
		what = p->place == CL_PLACE_HEADERS ? "header" : "body param";
		for (j = 0; !e->enables[j].target; j++)
			;
		if (n == 1)
			d = cl_report(ctx, &cl_rule_CL408,
			              cl_node_attr_span(p->node, "key"),
			              "endpoint `%s` sets %s `%s` to the value "
			              "that auth method `%s` already sends on "
			              "its requests; remove it here",
			              e->id, what, p->key,
			              e->enables[j].target->id);
		else
			d = cl_report(ctx, &cl_rule_CL408,
			              cl_node_attr_span(p->node, "key"),
			              "endpoint `%s` sets %s `%s` to the value "
			              "that each of its %zu auth methods "
			              "already sends on its requests; remove "
			              "it here",
			              e->id, what, p->key, n);
		removable = !p->configurable && !p->label && !p->alias;
		for (; d && (m = next_method(e, &j)); j++) {
			const struct cl_param *q;

			q = same_param(inherited_list(m, p->place), p);
			cl_report_related(
			    ctx, d, cl_node_attr_span(q->node, "key"),
			    "auth method `%s` sends it here", m->id);
			removable &= !q->configurable;
		}
		/*
		 * Removed, when nothing of it differs from what is inherited
		 * but its being written twice: not when either copy can be
		 * changed by the user (the endpoint's would then keep the
		 * value a user changed in the method, or offer a field of its
		 * own), nor when it has a label or alias of its own.
		 */
		if (removable) {
			cl_fix_new(ctx, d, CL_FIX_SAFE,
			           "remove the repeated %s `%s`", what, p->key);
			cl_fix_remove(ctx, d, p->node->span);
		}
	}
}

static void
check_repeats_auth_param(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	struct sends *sends;
	size_t i;
	int cl407_on = -1;

	/* Nothing inherited, nothing repeated. */
	if (!c->n_auth_methods || !c->n_endpoints)
		return;
	sends = cl_calloc(c->n_auth_methods, sizeof(*sends));
	for (i = 0; i < c->n_auth_methods; i++) {
		sends[i].headers = key_bits(&c->auth_methods[i].headers);
		sends[i].body = key_bits(&c->auth_methods[i].body.params);
	}
	cl_for_each_endpoint(e, c, i)
	{
		const struct cl_auth_method *m;
		const struct sends *first;
		size_t j = 0;

		/* No method: repeated_by_all finds nothing for any param;
		 * nothing the first sends: nothing repeats all. (The lists
		 * hold params of their own place, model.c.) */
		if (!(m = next_method(e, &j)))
			continue;
		first = &sends[m - c->auth_methods];
		/* With automatic headers off, nothing is inherited: an
		 * endpoint has to repeat the headers it needs. */
		if (e->automatic_headers && first->headers && e->headers.n)
			check_repeated_params(ctx, c, e, &e->headers, &cl407_on,
			                      first->headers);
		if (first->body && e->body.params.n)
			check_repeated_params(ctx, c, e, &e->body.params,
			                      &cl407_on, first->body);
	}
	free(sends);
}

const struct cl_rule cl_rule_CL408 = {
	.id = "CL408",
	.slug = "repeats-auth-param",
	.severity = CL_SEV_WARNING,
	.summary =
	    "an endpoint header or body param with the same key and value as one an enabled auth method already sends automatically",
	.check = check_repeats_auth_param,
	.fix = CL_RULE_FIX_SAFE,
};
