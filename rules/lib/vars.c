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

/* The key characters, one flag a byte: a lookup per character rather
 * than six comparisons (cl_key_valid runs over every key, for several
 * rules). NUL is not one. */
static const unsigned char key_chars[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, /* 0x20 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 0x30 */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, /* 0x50 */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 0x70 */
};

int
cl_key_char(unsigned char ch)
{
	return key_chars[ch];
}

int
cl_key_valid(const char *key)
{
	const unsigned char *s = (const unsigned char *)key;

	if (!*s)
		return 0;
	while (key_chars[*s])
		s++;
	return !*s;
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

size_t
cl_words_hash(const char *s)
{
	const uint64_t k = UINT64_C(0xff51afd7ed558ccd);
	size_t n = strlen(s), i;
	uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ n, w;

	/* Whole words, then the last eight bytes (overlapping the words
	 * before: the same for the same string); a short string a byte at
	 * a time. Each word's bits are spread down again before the next,
	 * and all of them at the end (murmur3's finaliser), as the caller
	 * indexes by the low bits. */
	if (n >= 8) {
		for (i = 0; i + 8 <= n; i += 8) {
			memcpy(&w, s + i, 8);
			h = (h ^ w) * k;
			h ^= h >> 32;
		}
		memcpy(&w, s + n - 8, 8);
		h ^= w;
	} else {
		for (w = 0, i = 0; i < n; i++)
			w = w << 8 | (unsigned char)s[i];
		h ^= w;
	}
	h ^= h >> 33;
	h *= k;
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return (size_t)h;
}

struct strings {
	const char *base;
	size_t stride, offset;
};

static const char *
string_at(const struct strings *s, size_t i)
{
	const char *p;

	memcpy(&p, s->base + i * s->stride + s->offset, sizeof(p));
	return p;
}

static size_t
strings_hash(const void *arg, size_t i)
{
	return cl_words_hash(string_at(arg, i));
}

static int
strings_same(const void *arg, size_t i, size_t j)
{
	const char *a = string_at(arg, i), *b = string_at(arg, j);

	return *a && *a == *b && !strcmp(a, b);
}

int
cl_all_different_strings(const void *items, size_t n, size_t stride,
                         size_t offset)
{
	struct strings s = { items, stride, offset };

	return cl_all_different(n, strings_hash, strings_same, &s);
}
