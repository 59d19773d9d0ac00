/*
 * Output files (--output FORMAT=FILE, --write-baseline FILE): what a path
 * names, whether two name one file, and writing one atomically. A regular
 * file (or a symbolic link to one) is written under a temporary name
 * beside its target and renamed into place at the end, so that nobody
 * ever reads half of it and a link stays a link; anything else that
 * exists (a FIFO, a device, /dev/stdout) is written in place, as a shell
 * redirection would. Temporary files are removed when a signal ends the
 * run. Every function that fails returns -1 and sets *ERROR to a
 * malloc'd message (caller frees), without printing.
 */
#ifndef CL_OUTFILE_H
#define CL_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "connlint.h"

struct cl_outfile {
	enum cl_format format;
	const char *path;   /* as given (borrowed) */
	const char *option; /* "--output" or "--write-baseline", for messages */
	char *target;       /* what is written: PATH with links resolved */
	char *tmp;          /* the temporary file, or NULL */
	bool direct;        /* written in place: not a regular file */
	bool exists;        /* dev and ino identify the target */
	bool connector;     /* the target holds a connector definition */
	dev_t dev;
	ino_t ino;
	FILE *f;
	int err;           /* the first write error, or 0 */
	cl_output *output; /* NULL for the baseline file */
};

/* Reads the umask and installs the signal handlers that remove the
 * temporary files; NSLOTS temporary files at most. Call once, before any
 * thread exists. */
void cl_outfile_prepare(size_t nslots);
/* Forgets the temporary file slots (all closed or abandoned). */
void cl_outfile_forget(void);

/* Finds out what OUT's path names: its identity when it exists, the file
 * a symbolic link leads to, whether it is written in place, whether it
 * holds a connector. */
int cl_outfile_resolve(struct cl_outfile *out, char **error);
/* true when A and B name one file. */
bool cl_outfile_same(const struct cl_outfile *a, const struct cl_outfile *b);
/* Opens OUT for writing; SLOT is its temporary file slot. */
int cl_outfile_open(struct cl_outfile *out, size_t slot, char **error);
/* Writes OUT out and renames it into place (the target is left as it was
 * on failure). */
int cl_outfile_commit(struct cl_outfile *out, size_t slot, char **error);
/* Notes why OUT's last write failed, if it did (errno just after). */
void cl_outfile_check(struct cl_outfile *out);
/* Drops OUT's temporary file (the run did not get to the end). */
void cl_outfile_abandon(struct cl_outfile *out, size_t slot);

/*
 * --fix: replaces the contents of the regular file at PATH (a symbolic
 * link is followed: its target is written, the link stays) with the LEN
 * bytes at TEXT, atomically: a temporary file beside the target (SLOT is
 * its temporary file slot), the target's permission bits (and owner, when
 * allowed), fsync, rename. BEFORE is what stat(2) said of PATH before it
 * was read: when the file is no longer that one (device, inode, size or
 * modification time differ), it was changed meanwhile and is not
 * written. Returns -1 with *ERROR (malloc'd, caller frees) on failure;
 * the file is then left as it was.
 */
struct stat;
int cl_outfile_replace(const char *path, const char *text, size_t len,
                       const struct stat *before, size_t slot, char **error);

#endif /* CL_OUTFILE_H */
