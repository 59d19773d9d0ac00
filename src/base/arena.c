/* Bump allocation in 64 KiB blocks (requests over 16 KiB that do not fit in
 * the current block get their own). The fast path, a bump in the current
 * block, is inline in arena.h. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_BLOCK (64 * 1024)

struct cl_arena_block {
	struct cl_arena_block *next;
	/* Aligned payload follows. */
	_Alignas(CL_ARENA_ALIGN) unsigned char data[];
};

void *
cl_arena_alloc_slow(struct cl_arena *a, size_t n)
{
	struct cl_arena_block *b;

	if (n > ARENA_BLOCK / 4) {
		/* Big request: its own block, behind the current one, so
		 * the current block keeps serving small requests. */
		b = cl_calloc(1, sizeof(*b) + n);
		if (a->head) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = NULL;
			a->head = b;
			a->data = NULL;
			a->used = a->cap = 0;
		}
		return b->data;
	}
	b = cl_malloc(sizeof(*b) + ARENA_BLOCK);
	b->next = a->head;
	a->head = b;
	a->data = b->data;
	a->used = n;
	a->cap = ARENA_BLOCK;
	return b->data;
}

char *
cl_arena_strdup(struct cl_arena *a, const char *s)
{
	return cl_arena_strndup(a, s, strlen(s));
}

void
cl_arena_release(struct cl_arena *a)
{
	struct cl_arena_block *b = a->head;

	while (b) {
		struct cl_arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->data = NULL;
	a->used = a->cap = 0;
}
