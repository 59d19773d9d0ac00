/*
 * The directory walk: every *.xml file under a directory, in byte order
 * of the entry names (so that the output does not depend on the file
 * system), calling back for each. Hidden directories, symbolic links to
 * directories, configuration files and symbolic links to files outside
 * the walked tree are skipped.
 */
#ifndef CL_WALK_H
#define CL_WALK_H

#include <stddef.h>
#include <sys/stat.h>

struct cl_walk_ops {
	/* A file to lint at PATH, which ST describes (links followed); REAL
	 * (malloc'd, taken over; NULL: PATH) is where to read it from. */
	void (*file)(void *data, const char *path, const struct stat *st,
	             char *real);
	/* PATH could not be read. */
	void (*error)(void *data, const char *path, const char *reason);
	/* PATH is a symbolic link to a file outside ROOT: not followed. */
	void (*outside)(void *data, const char *path, const char *root);
};

/*
 * Walks DIR; ROOT is the walked tree's top, resolved (realpath(3)).
 * Returns the number of files found (linted or failed to read).
 */
size_t cl_walk(const char *dir, const char *root, const struct cl_walk_ops *ops,
               void *data);

#endif /* CL_WALK_H */
