/*
 * Registries that hold custom rules (catalogue.h, struct cl_registry):
 * made from a smaller one and a ruleset, and reference-counted, because
 * results made by worker threads point at the rules they hold.
 */
#include "registries.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset.h"
#include "util.h"

struct cl_registry *
cl_registry_extend(const struct cl_registry *base, struct cl_ruleset *rs,
                   char **error)
{
	size_t n = cl_ruleset_rule_count(rs), i;
	const struct cl_rule **rules;
	struct cl_registry *reg;

	for (i = 0; i < n; i++) {
		const struct cl_rule *r = cl_ruleset_rule(rs, i);
		const struct cl_rule *old = cl_registry_find(base, r->id);

		if (!old)
			old = cl_registry_find(base, r->slug);
		if (old) {
			*error = cl_xasprintf(
			    "rule `%s` (`%s`) of %s clashes with `%s` (`%s`)%s%s",
			    r->id, r->slug, cl_ruleset_display(rs), old->id,
			    old->slug,
			    old->custom ? " of " : ", a built-in rule",
			    old->custom ? cl_ruleset_display(old->custom) : "");
			return NULL;
		}
	}
	rules = cl_malloc((base->count + n) * sizeof(*rules));
	memcpy(rules, base->rules, base->count * sizeof(*rules));
	for (i = 0; i < n; i++) {
		struct cl_rule *r = cl_ruleset_rule(rs, i);

		/* A ruleset sits at one position in every registry. */
		if (r->index && r->index != base->count + i)
			BUG("rule %s moved from %zu to %zu", r->id, r->index,
			    base->count + i);
		r->index = base->count + i;
		rules[base->count + i] = r;
	}
	reg = cl_calloc(1, sizeof(*reg));
	reg->rules = rules;
	reg->count = base->count + n;
	reg->sets = cl_malloc((base->nsets + 1) * sizeof(*reg->sets));
	for (i = 0; i < base->nsets; i++) {
		reg->sets[i] = base->sets[i];
		cl_ruleset_ref(reg->sets[i]);
	}
	cl_ruleset_ref(rs);
	reg->sets[base->nsets] = rs;
	reg->nsets = base->nsets + 1;
	atomic_init(&reg->refs, 1);
	return reg;
}

const struct cl_registry *
cl_registry_ref(const struct cl_registry *reg)
{
	struct cl_registry *r = (struct cl_registry *)reg;

	if (r && r->nsets)
		atomic_fetch_add(&r->refs, 1);
	return reg;
}

void
cl_registry_unref(const struct cl_registry *reg)
{
	struct cl_registry *r = (struct cl_registry *)reg;
	size_t i;

	if (!r || !r->nsets || atomic_fetch_sub(&r->refs, 1) != 1)
		return;
	for (i = 0; i < r->nsets; i++)
		cl_ruleset_unref(r->sets[i]);
	free(r->sets);
	free((void *)r->rules);
	free(r);
}
