/* Output files, written atomically or in place; see outfile.h. */
/* realpath(3) is XSI. */
#define _XOPEN_SOURCE 700
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

static mode_t file_mode; /* what open(2) would give a new file: umask applied */

/*
 * The temporary files that exist, for the signal handler to remove: set
 * and cleared on the main thread only, read by the handler.
 */
static char *volatile *temp_files;
static size_t ntemp_files;

static void
remove_temp_files(int sig)
{
	size_t i;

	for (i = 0; i < ntemp_files; i++)
		if (temp_files[i])
			unlink(temp_files[i]);
	/* SA_RESETHAND restored the default action: die of SIG as
	 * before, so the parent sees why. */
	raise(sig);
}

static void
catch_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGPIPE, SIGTERM };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = remove_temp_files;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

void
cl_outfile_prepare(size_t nslots)
{
	mode_t mask;

	/* umask(2) can only be read by setting it. */
	mask = umask(0);
	umask(mask);
	file_mode = 0666 & ~mask;
	temp_files = cl_calloc(nslots, sizeof(*temp_files));
	ntemp_files = nslots;
	catch_signals();
}

void
cl_outfile_forget(void)
{
	ntemp_files = 0;
	free((void *)temp_files);
	temp_files = NULL;
}

static void
temp_file_set(size_t slot, char *path)
{
	if (slot < ntemp_files)
		temp_files[slot] = path;
}

/*
 * PATH made absolute with every symbolic link of its directory resolved,
 * for a file that need not exist yet: realpath(3) of the directory, then
 * the last name. NULL when the directory cannot be resolved. Caller frees.
 */
static char *
canonical_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real, *p;

	if (!slash)
		dir = cl_strdup(".");
	else if (slash == path)
		dir = cl_strdup("/");
	else
		dir = cl_xasprintf("%.*s", (int)(slash - path), path);
	real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return NULL;
	p = cl_join_path(real, slash ? slash + 1 : path);
	free(real);
	return p;
}

/*
 * 1 when the regular file at PATH begins like a connector definition
 * (its first element is <connector>): an output option that names one is
 * a typo ("--write-baseline *.xml"), not a report to replace.
 */
static bool
looks_like_connector(const char *path)
{
	char buf[4096];
	ssize_t n;
	size_t i = 0, len;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return false;
	len = (size_t)n;
	buf[len] = '\0';
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		i = 3;
	for (;;) {
		const char *close;
		char *end;

		i += strspn(buf + i, " \t\r\n");
		if (strncmp(buf + i, "<?", 2) == 0)
			close = "?>";
		else if (strncmp(buf + i, "<!--", 4) == 0)
			close = "-->";
		else if (strncmp(buf + i, "<!", 2) == 0)
			close = ">";
		else
			break;
		if (!(end = strstr(buf + i, close)))
			return false;
		i = (size_t)(end - buf) + strlen(close);
	}
	return strncmp(buf + i, "<connector", 10) == 0 &&
	       strchr(" \t\r\n>/", buf[i + 10]) && buf[i + 10] != '\0';
}

/*
 * Finds out what OUT's path names: its identity when it exists, the file
 * a symbolic link leads to, whether it is written in place, whether it
 * holds a connector. Returns -1 after a message (a directory, a directory
 * that cannot be resolved).
 */
int
cl_outfile_resolve(struct cl_outfile *out, char **error)
{
	struct stat st;

	if (lstat(out->path, &st)) {
		if (errno != ENOENT) {
			*error =
			    cl_xasprintf("%s: %s", out->path, strerror(errno));
			return -1;
		}
		if (!(out->target = canonical_path(out->path))) {
			*error =
			    cl_xasprintf("%s: %s", out->path, strerror(errno));
			return -1;
		}
		return 0;
	}
	if (S_ISLNK(st.st_mode) && (!strncmp(out->path, "/dev/", 5) ||
	                            !strncmp(out->path, "/proc/", 6))) {
		/* /dev/stdout, /dev/fd/N: a descriptor the caller holds,
		 * which only writing in place reaches */
		out->target = cl_strdup(out->path);
		out->direct = true;
		return 0;
	}
	if (S_ISLNK(st.st_mode)) {
		/* Written through: the link stays, its target is replaced. */
		if (!(out->target = realpath(out->path, NULL))) {
			/* dangling: created through the link, in place */
			out->target = cl_strdup(out->path);
			out->direct = true;
			return 0;
		}
		if (stat(out->target, &st)) {
			*error =
			    cl_xasprintf("%s: %s", out->path, strerror(errno));
			return -1;
		}
	} else {
		out->target = canonical_path(out->path);
		if (!out->target)
			out->target = cl_strdup(out->path);
	}
	if (S_ISDIR(st.st_mode)) {
		*error = cl_xasprintf("%s: is a directory", out->path);
		return -1;
	}
	out->exists = true;
	out->dev = st.st_dev;
	out->ino = st.st_ino;
	out->direct = !S_ISREG(st.st_mode);
	out->connector = !out->direct && looks_like_connector(out->target);
	return 0;
}

/* 1 when A and B name one file: same device and inode, or (when neither
 * exists yet) the same canonical path. */
bool
cl_outfile_same(const struct cl_outfile *a, const struct cl_outfile *b)
{
	if (a->exists || b->exists)
		return a->exists && b->exists && a->dev == b->dev &&
		       a->ino == b->ino;
	return !strcmp(a->target, b->target);
}

/* Opens OUT for writing (its temporary file, or the target in place);
 * returns -1 after a message. SLOT is its place in temp_files. */
int
cl_outfile_open(struct cl_outfile *out, size_t slot, char **error)
{
	const char *slash;
	int dirlen, fd, saved;

	if (out->direct) {
		/* A FIFO, a device or a dangling link: opened as a shell's
		 * ">>" would open it (a FIFO waits for its reader). */
		fd = open(out->path,
		          O_WRONLY | O_CREAT | O_APPEND | O_NOCTTY | O_CLOEXEC,
		          0666);
		if (fd < 0 || !(out->f = fdopen(fd, "w"))) {
			saved = errno;
			if (fd >= 0)
				close(fd);
			*error =
			    cl_xasprintf("%s: %s", out->path, strerror(saved));
			return -1;
		}
		return 0;
	}
	slash = strrchr(out->target, '/');
	dirlen = slash ? (int)(slash - out->target + 1) : 0;
	/* Hidden, beside the target: rename() then never crosses file
	 * systems, and a directory walk does not lint a half-written
	 * file. */
	out->tmp = cl_xasprintf("%.*s.%s.connlint-XXXXXX", dirlen, out->target,
	                        out->target + dirlen);
	if ((fd = mkstemp(out->tmp)) < 0) {
		*error = cl_xasprintf("%s: %s", out->path, strerror(errno));
		free(out->tmp);
		out->tmp = NULL;
		return -1;
	}
	temp_file_set(slot, out->tmp);
	/* mkstemp makes it 0600; the result is an ordinary file. */
	if (fchmod(fd, file_mode) || !(out->f = fdopen(fd, "w"))) {
		saved = errno;
		close(fd);
		temp_file_set(slot, NULL);
		unlink(out->tmp);
		free(out->tmp);
		out->tmp = NULL;
		*error = cl_xasprintf("%s: %s", out->path, strerror(saved));
		return -1;
	}
	return 0;
}

/* Writes OUT's file out and renames it into place; returns -1 after a
 * message (then the target is left as it was). */
int
cl_outfile_commit(struct cl_outfile *out, size_t slot, char **error)
{
	int err = 0;

	errno = 0;
	if (out->err)
		err = out->err;
	else if (ferror(out->f))
		err = EIO;
	if (fflush(out->f) && !err)
		err = errno ? errno : EIO;
	/* Durable before it replaces the old file. */
	if (!err && !out->direct && fsync(fileno(out->f)))
		err = errno;
	if (fclose(out->f) && !err)
		err = errno ? errno : EIO;
	out->f = NULL;
	if (!err && out->tmp && rename(out->tmp, out->target))
		err = errno;
	temp_file_set(slot, NULL);
	if (err) {
		*error = cl_xasprintf("%s: error writing output: %s", out->path,
		                      strerror(err));
		if (out->tmp)
			unlink(out->tmp);
	}
	free(out->tmp);
	out->tmp = NULL;
	return err ? -1 : 0;
}

/* Notes why OUT's last write failed, if it did: stdio keeps only that it
 * failed, and errno says why just after (ENOSPC on a full disk). */
void
cl_outfile_check(struct cl_outfile *out)
{
	if (out && out->f && !out->err && ferror(out->f))
		out->err = errno ? errno : EIO;
}

/* Drops OUT's temporary file (the run did not get to the end). */
void
cl_outfile_abandon(struct cl_outfile *out, size_t slot)
{
	if (out->f)
		fclose(out->f);
	out->f = NULL;
	temp_file_set(slot, NULL);
	if (out->tmp)
		unlink(out->tmp);
	free(out->tmp);
	out->tmp = NULL;
	free(out->target);
	out->target = NULL;
}

/* Writes the LEN bytes at P to FD; -1 with errno on failure. */
static int
write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static bool
same_time(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

int
cl_outfile_replace(const char *path, const char *text, size_t len,
                   const struct stat *before, size_t slot, char **error)
{
	char *target = realpath(path, NULL), *tmp = NULL;
	const char *slash;
	struct stat st;
	int fd = -1, err = 0, dirlen;
	bool created = false;

	if (!target || stat(target, &st)) {
		*error =
		    cl_xasprintf("%s: %s; not fixed", path, strerror(errno));
		free(target);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*error =
		    cl_xasprintf("%s: not a regular file; not fixed", path);
		free(target);
		return -1;
	}
	if (st.st_dev != before->st_dev || st.st_ino != before->st_ino ||
	    st.st_size != before->st_size ||
	    !same_time(&st.st_mtim, &before->st_mtim)) {
		*error = cl_xasprintf("%s: changed while it was being fixed; "
		                      "not fixed",
		                      path);
		free(target);
		return -1;
	}
	slash = strrchr(target, '/');
	dirlen = slash ? (int)(slash - target + 1) : 0;
	tmp = cl_xasprintf("%.*s.%s.connlint-XXXXXX", dirlen, target,
	                   target + dirlen);
	if ((fd = mkstemp(tmp)) < 0) {
		err = errno;
		goto cleanup;
	}
	created = true;
	temp_file_set(slot, tmp);
	/* The owner only when we may (root); the mode always. */
	if (fchown(fd, st.st_uid, st.st_gid))
		errno = 0;
	if (fchmod(fd, st.st_mode & 07777) || write_all(fd, text, len) ||
	    fsync(fd)) {
		err = errno ? errno : EIO;
		goto cleanup;
	}
	if (close(fd)) {
		fd = -1;
		err = errno;
		goto cleanup;
	}
	fd = -1;
	if (rename(tmp, target))
		err = errno;
cleanup:
	if (fd >= 0)
		close(fd);
	if (err) {
		*error = cl_xasprintf("%s: error writing the fixed file: %s",
		                      path, strerror(err));
		if (created)
			unlink(tmp);
	}
	temp_file_set(slot, NULL);
	free(tmp);
	free(target);
	return err ? -1 : 0;
}
