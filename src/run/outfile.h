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

#endif /* CL_OUTFILE_H */
