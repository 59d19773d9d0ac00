/*
 * A bump allocator: everything built for one file (tree, model, strings) is
 * allocated here and released at once, so building is fast and leak-free.
 */
#ifndef CL_ARENA_H
#define CL_ARENA_H

#include <stddef.h>
#include <string.h>

#define CL_ARENA_ALIGN 16

struct cl_arena_block;
struct cl_arena {
	struct cl_arena_block *head;
	/* The current block's payload, and how much of it is handed out. */
	unsigned char *data;
	size_t used, cap;
};
#define CL_ARENA_INIT            \
	{                        \
		NULL, NULL, 0, 0 \
	}

/* The slow path of cl_arena_alloc_raw: a new block, or a big request's own
 * block. N is already rounded up to CL_ARENA_ALIGN. */
void *cl_arena_alloc_slow(struct cl_arena *a, size_t n);

/*
 * N bytes aligned for any type, owned by the arena, not zeroed: for callers
 * that write every byte themselves (strings, nodes whose every field is
 * set). Inline because the parser asks for a few hundred thousand of these
 * per 200 files, and the call and the zeroing cost more than the bump.
 */
static inline void *
cl_arena_alloc_raw(struct cl_arena *a, size_t n)
{
	void *p;

	n = (n + CL_ARENA_ALIGN - 1) & ~(size_t)(CL_ARENA_ALIGN - 1);
	if (!a->data || n > a->cap - a->used) /* no block yet, or full */
		return cl_arena_alloc_slow(a, n);
	p = a->data + a->used;
	a->used += n;
	return p;
}

/* Zeroed memory, aligned for any type, owned by the arena. */
static inline void *
cl_arena_alloc(struct cl_arena *a, size_t n)
{
	return memset(cl_arena_alloc_raw(a, n), 0, n);
}

/* Copies of strings, NUL-terminated, owned by the arena (inline: the
 * parser copies every attribute value). */
static inline char *
cl_arena_strndup(struct cl_arena *a, const char *s, size_t n)
{
	char *p = cl_arena_alloc_raw(a, n + 1); /* every byte written */

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
char *cl_arena_strdup(struct cl_arena *a, const char *s);
/* Frees every allocation; the arena can be reused afterwards. */
void cl_arena_release(struct cl_arena *a);

#endif /* CL_ARENA_H */
