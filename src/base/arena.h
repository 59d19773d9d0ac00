/*
 * A bump allocator: everything built for one file (tree, model, strings) is
 * allocated here and released at once, so building is fast and leak-free.
 */
#ifndef CL_ARENA_H
#define CL_ARENA_H

#include <stddef.h>

struct cl_arena_block;
struct cl_arena {
	struct cl_arena_block *head;
	size_t used, cap;
};
#define CL_ARENA_INIT      \
	{                  \
		NULL, 0, 0 \
	}

/* Zeroed memory, aligned for any type, owned by the arena. */
void *cl_arena_alloc(struct cl_arena *a, size_t n);
/* Copies of strings, NUL-terminated, owned by the arena. */
char *cl_arena_strndup(struct cl_arena *a, const char *s, size_t n);
char *cl_arena_strdup(struct cl_arena *a, const char *s);
/* Frees every allocation; the arena can be reused afterwards. */
void cl_arena_release(struct cl_arena *a);

#endif /* CL_ARENA_H */
