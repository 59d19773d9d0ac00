/* Bump allocation in 64 KiB blocks (larger requests get their own). */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN 16

struct cl_arena_block {
	struct cl_arena_block *next;
	/* Aligned payload follows. */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void *
cl_arena_alloc(struct cl_arena *a, size_t n)
{
	struct cl_arena_block *b;
	void *p;

	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
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
			a->used = a->cap = 0;
		}
		return b->data;
	}
	if (!a->head || a->used + n > a->cap) {
		b = cl_malloc(sizeof(*b) + ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
		a->used = 0;
		a->cap = ARENA_BLOCK;
	}
	p = a->head->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

char *
cl_arena_strndup(struct cl_arena *a, const char *s, size_t n)
{
	char *p = cl_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
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
	a->used = a->cap = 0;
}
