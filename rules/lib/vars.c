/* Variables as the rules read them; see vars.h. */
#include "vars.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *
cl_var_default(const struct cl_variable *v)
{
	const char *d = v->default_value;

	if (!d && v->is_use && v->target)
		d = v->target->default_value;
	return d && *d ? d : NULL;
}

const char *
cl_var_default_at(const struct cl_variable *v, struct cl_span *span)
{
	const struct cl_node *at =
	    v->is_use ? (v->target ? v->target->node : NULL) : v->node;
	const char *value = at ? cl_node_attr_value(at, "default") : NULL;

	if (value && span)
		*span = cl_node_attr_span(at, "default");
	return value;
}

int
cl_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

struct cl_span
cl_var_key_span(const struct cl_variable *v)
{
	return cl_node_attr_span(v->node, v->is_use ? "variable" : "key");
}

int
cl_key_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
}

int
cl_key_valid(const char *key)
{
	if (!*key)
		return 0;
	for (; *key; key++)
		if (!cl_key_char((unsigned char)*key))
			return 0;
	return 1;
}

int
cl_var_is_first(const struct cl_var_list *vars, const struct cl_variable *v)
{
	return cl_var_list_find(vars, v->key) == v;
}

struct cl_nearmiss_index *
cl_var_key_index(struct cl_nearmiss_cache *cache,
                 const struct cl_var_list *vars)
{
	struct cl_nearmiss_index *x = cl_nearmiss_cache_get(cache, vars);
	const char **keys;
	size_t i;

	if (x)
		return x;
	keys = cl_calloc(vars->n ? vars->n : 1, sizeof(*keys));
	for (i = 0; i < vars->n; i++)
		keys[i] = *vars->items[i].key ? vars->items[i].key : NULL;
	x = cl_nearmiss_index_new(keys, vars->n);
	free(keys);
	cl_nearmiss_cache_put(cache, vars, x);
	return x;
}

const struct cl_variable *
cl_var_find_case(struct cl_nearmiss_cache *cache,
                 const struct cl_var_list *vars, const char *key)
{
	size_t i;

	if (!vars->n)
		return NULL;
	i = cl_nearmiss_index_find_case(cl_var_key_index(cache, vars), key);
	return i == SIZE_MAX ? NULL : &vars->items[i];
}

/* Slots of cl_all_different's table kept on the stack (a power of two),
 * and the probes after which it gives up. */
#define DIFFERENT_STACK 256
#define DIFFERENT_PROBES 32

int
cl_all_different(size_t n, size_t (*hash)(const void *arg, size_t i),
                 int (*same)(const void *arg, size_t i, size_t j),
                 const void *arg)
{
	struct slot {
		size_t hash;
		size_t item; /* index + 1; 0: empty */
	} stack_slots[DIFFERENT_STACK], *slots = stack_slots;
	size_t nslots, i, j, k, probes;
	int ok = 1;

	/* A few items: comparing each pair is cheaper than hashing. */
	if (n <= 4) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (same(arg, j, i))
					return 0;
		return 1;
	}
	if (n > SIZE_MAX / 4 / sizeof(*slots))
		return 0;
	for (nslots = 8; nslots < 2 * n; nslots *= 2)
		;
	if (nslots > DIFFERENT_STACK)
		slots = cl_calloc(nslots, sizeof(*slots));
	else
		memset(slots, 0, nslots * sizeof(*slots));
	for (i = 0; ok && i < n; i++) {
		size_t h = hash(arg, i);

		for (k = h & (nslots - 1), probes = 0; slots[k].item;
		     k = (k + 1) & (nslots - 1)) {
			if ((slots[k].hash == h &&
			     same(arg, slots[k].item - 1, i)) ||
			    ++probes == DIFFERENT_PROBES) {
				ok = 0;
				break;
			}
		}
		if (ok) {
			slots[k].hash = h;
			slots[k].item = i + 1;
		}
	}
	if (slots != stack_slots)
		free(slots);
	return ok;
}
