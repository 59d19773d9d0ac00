/* The directory walk; see walk.h. */
/* realpath(3) is XSI. */
#define _XOPEN_SOURCE 700
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "text.h"
#include "util.h"

static bool
has_xml_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcmp(name + n - 4, ".xml");
}

/* A custom ruleset (docs/custom-rules.md) kept among the connectors. */
static bool
is_ruleset_name(const char *name)
{
	size_t n = strlen(name);

	return n > 10 && !strcmp(name + n - 10, ".rules.xml");
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when REAL (a resolved path) lies in the tree ROOT (resolved too). */
static bool
inside_tree(const char *real, const char *root)
{
	size_t n = strlen(root);

	if (n == 1 && root[0] == '/')
		return true;
	return !strncmp(real, root, n) && real[n] == '/';
}

/*
 * Calls back for every *.xml file under DIR, in byte order of the entry
 * names. ROOT is the walked
 * tree's top, resolved: a symbolic link to a file is followed only when
 * its target lies inside it (a link to /proc/self/environ or /etc/passwd
 * in a pull request must not be read and quoted into a CI log). Returns
 * the number of files linted (or that failed to read).
 */
size_t
cl_walk(const char *dir, const char *root, const struct cl_walk_ops *ops,
        void *data)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0, i, found = 0;

	if (!(d = opendir(dir))) {
		ops->error(data, dir, strerror(errno));
		return 0;
	}
	errno = 0;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		CL_GROW(names, n + 1, alloc);
		names[n++] = cl_strdup(e->d_name);
		errno = 0;
	}
	if (errno)
		ops->error(data, dir, strerror(errno));
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);

	for (i = 0; i < n; i++) {
		char *path = cl_join_path(dir, names[i]), *real;
		struct stat st;

		/* lstat: a symbolic link to a directory is not followed (no
		 * loops, no leaving the tree); one to a file only inside
		 * the tree. */
		if (lstat(path, &st)) {
			ops->error(data, path, strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			if (names[i][0] != '.')
				found += cl_walk(path, root, ops, data);
		} else if (!has_xml_suffix(names[i]) ||
		           cl_config_is_name(names[i]) ||
		           is_ruleset_name(names[i])) {
			/* not ours */
		} else if (S_ISREG(st.st_mode)) {
			ops->file(data, path, &st, NULL);
			found++;
		} else if (S_ISLNK(st.st_mode)) {
			if (!(real = realpath(path, NULL))) {
				ops->error(data, path, strerror(errno));
				found++;
			} else if (!inside_tree(real, root)) {
				ops->outside(data, path, root);
				free(real);
			} else if (stat(real, &st)) {
				ops->error(data, path, strerror(errno));
				free(real);
				found++;
			} else if (S_ISREG(st.st_mode)) {
				/* Read where it was checked to lead, not
				 * through a link that may change meanwhile. */
				ops->file(data, path, &st, real);
				found++;
			} else {
				free(real);
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return found;
}
