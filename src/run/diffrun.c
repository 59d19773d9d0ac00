/*
 * connlint diff on the session (connlint.h: cl_session_diff,
 * cl_session_diff_base; the contract is docs/rules and the compatibility
 * spec): which old file goes with which new one, read from where, and a
 * job per pair that the session's run machinery (session_int.h) queues,
 * reports, baselines and counts exactly as it does a plain lint. The
 * worker reads both versions and compares them (cl_diff_memory).
 *
 * With --base the old versions come from git, run as a program (no
 * shell, no library: what git prints is the interface that stays), with
 * every path after "--" and literal pathspecs, so that no file name is
 * ever read as an option or a pattern.
 */
/* pipe2(2) and O_CLOEXEC: a pipe to one git must not leak into another
 * git that a worker thread spawns at the same moment (it would hold the
 * pipe open, and the first reader would never see the end). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "connlint.h"
#include "session_int.h"
#include "text.h"
#include "util.h"
#include "walk.h"

extern char **environ;

#define usage(s, ...) cl_session_message((s), CL_MESSAGE_USAGE, __VA_ARGS__)
#define say(s, ...) cl_session_message((s), CL_MESSAGE_ERROR, __VA_ARGS__)

/* ---- reading a version ------------------------------------------------- */

/* Where one version of a file is read from. */
enum side_kind {
	SIDE_NONE, /* there is no such version */
	SIDE_FILE, /* the file at path */
	SIDE_GIT   /* the blob whose object name is path, in git_top; path
	            * NULL: one larger than connlint reads */
};

struct side {
	enum side_kind kind;
	char *name; /* shown in diagnostics */
	char *path; /* see side_kind */
};

/* One pair to compare: a job of the session's queue. */
struct job {
	struct side old, new;
	const char *git_top; /* borrowed from the run, which outlives it */
};

static void
job_free(void *data)
{
	struct job *j = data;

	free(j->old.name);
	free(j->old.path);
	free(j->new.name);
	free(j->new.path);
	free(j);
}

/* Reads FD to its end, but at most CL_MAX_INPUT_BYTES + 1 bytes (more is
 * CL001 "too large" whatever it is, so the rest is not read). Returns 0
 * and the bytes (malloc'd, caller frees), or errno. *MORE: it stopped
 * before the end. */
static int
read_bounded(int fd, char **buf, size_t *len, bool *more)
{
	size_t n = 0, alloc = 0;
	char *b = NULL;

	*more = false;
	for (;;) {
		ssize_t got;

		CL_GROW(b, n + 65536 + 1, alloc);
		got = read(fd, b + n, alloc - n - 1);
		if (got < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			free(b);
			return e;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > CL_MAX_INPUT_BYTES) {
			*more = true;
			break;
		}
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

/* The bytes of a file too large to read: as many as the limit and one,
 * all zero, which calloc takes from the kernel untouched (the engine
 * reads none of them: it reports the size). Caller frees. */
static char *
too_large(size_t *len)
{
	*len = CL_MAX_INPUT_BYTES + 1;
	return cl_calloc(*len + 1, 1);
}

/* Reads the file at PATH; 0, or -1 and *REASON (malloc'd). */
static int
read_file(const char *path, char **buf, size_t *len, char **reason)
{
	struct stat st;
	bool more;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC), e;

	if (fd < 0) {
		*reason = cl_strdup(strerror(errno));
		return -1;
	}
	if (fstat(fd, &st)) {
		*reason = cl_strdup(strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*reason = cl_strdup("is a directory");
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > CL_MAX_INPUT_BYTES) {
		*buf = too_large(len);
		close(fd);
		return 0;
	}
	e = read_bounded(fd, buf, len, &more);
	close(fd);
	if (e) {
		*reason = cl_strdup(strerror(e));
		return -1;
	}
	return 0;
}

/* ---- running git ------------------------------------------------------- */

/* What a git command printed and how it ended. */
struct git_run {
	char *out; /* standard output (malloc'd), at most the limit + 1 */
	size_t len;
	bool truncated;  /* more was printed: not read */
	char err[512];   /* the start of standard error */
	int status;      /* exit status; -1: killed by a signal */
	int spawn_errno; /* git could not be started (ENOENT: no git) */
};

/* The environment for git: ours, and no optional locks, so that reading
 * a work tree never rewrites its index (git status does otherwise).
 * Caller frees the array, not the strings. */
static char **
git_environ(void)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ[n])
		n++;
	env = cl_calloc(n + 2, sizeof(*env));
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "GIT_OPTIONAL_LOCKS=", 19))
			env[k++] = environ[i];
	env[k++] = (char *)"GIT_OPTIONAL_LOCKS=0";
	env[k] = NULL;
	return env;
}

/* Appends what FD has to *BUF (at most LIMIT bytes kept in all); false at
 * its end (or an error). */
static bool
drain(int fd, char *buf, size_t *len, size_t limit)
{
	char chunk[4096];
	ssize_t got = read(fd, chunk, sizeof(chunk));

	if (got < 0 && errno == EINTR)
		return true;
	if (got <= 0)
		return false;
	if (*len < limit) {
		size_t take =
		    (size_t)got < limit - *len ? (size_t)got : limit - *len;

		memcpy(buf + *len, chunk, take);
		*len += take;
	}
	return true;
}

/*
 * Runs git with ARGS (NULL-terminated, after "git"), in directory TOP
 * (NULL: ours), reading its standard output (at most MAX + 1 bytes;
 * then it is closed, and git stops with SIGPIPE) and the start of its
 * standard error. Returns 0 when git exited 0 (R filled; free R->out),
 * else -1 with R saying why.
 */
static int
git(const char *top, const char *const *args, size_t max, struct git_run *r)
{
	const char *argv[48];
	size_t n = 0, errlen = 0, alloc = 65536;
	int out[2] = { -1, -1 }, err[2] = { -1, -1 }, ws = 0, rc;
	posix_spawn_file_actions_t fa;
	struct pollfd pfd[2];
	char **env;
	pid_t pid, waited;

	memset(r, 0, sizeof(*r));
	r->status = -1;
	argv[n++] = "git";
	argv[n++] = "--no-pager";
	/* a path is a path, never a pattern or magic */
	argv[n++] = "--literal-pathspecs";
	if (top) {
		argv[n++] = "-C";
		argv[n++] = top;
	}
	for (; *args; args++) {
		if (n + 1 >= CL_ARRAY_SIZE(argv))
			BUG("too many arguments for git");
		argv[n++] = *args;
	}
	argv[n] = NULL;
	if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
		r->spawn_errno = errno;
		if (out[0] >= 0) {
			close(out[0]);
			close(out[1]);
		}
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, err[1], 2);
	env = git_environ();
	rc = posix_spawnp(&pid, "git", &fa, NULL, (char *const *)argv, env);
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	close(out[1]);
	close(err[1]);
	if (rc) {
		r->spawn_errno = rc;
		close(out[0]);
		close(err[0]);
		return -1;
	}

	r->out = cl_malloc(alloc + 1);
	pfd[0].fd = out[0];
	pfd[1].fd = err[0];
	while (pfd[0].fd >= 0 || pfd[1].fd >= 0) {
		pfd[0].events = pfd[1].events = POLLIN;
		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[0].fd >= 0 && pfd[0].revents) {
			ssize_t got;

			if (alloc - r->len < 65536) {
				alloc *= 2;
				r->out = cl_realloc(r->out, alloc + 1);
			}
			got = read(pfd[0].fd, r->out + r->len, alloc - r->len);
			if (got < 0 && errno == EINTR)
				continue;
			if (got > 0)
				r->len += (size_t)got;
			if (got <= 0 || r->len > max) {
				r->truncated = got > 0;
				close(pfd[0].fd);
				pfd[0].fd = -1;
			}
		}
		if (pfd[1].fd >= 0 && pfd[1].revents &&
		    !drain(pfd[1].fd, r->err, &errlen, sizeof(r->err) - 1)) {
			close(pfd[1].fd);
			pfd[1].fd = -1;
		}
	}
	if (pfd[0].fd >= 0)
		close(pfd[0].fd);
	if (pfd[1].fd >= 0)
		close(pfd[1].fd);
	r->out[r->len] = '\0';
	r->err[errlen] = '\0';
	while ((waited = waitpid(pid, &ws, 0)) < 0 && errno == EINTR)
		;
	/* not waited for (a program that ignores SIGCHLD): not known to
	 * have succeeded */
	r->status = waited == pid && WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
	/* a file larger than the limit: git was cut off on purpose */
	if (r->status == 0 || r->truncated)
		return 0;
	free(r->out);
	r->out = NULL;
	return -1;
}

/* The first line of git's standard error, without "fatal: " (for a
 * message of ours), or "" (static or in R). */
static const char *
git_said(struct git_run *r)
{
	char *p = r->err, *nl;

	if (!strncmp(p, "fatal: ", 7))
		p += 7;
	else if (!strncmp(p, "error: ", 7))
		p += 7;
	if ((nl = strchr(p, '\n')))
		*nl = '\0';
	return p;
}

/* Why git failed, in plain words (malloc'd, caller frees). */
static char *
git_failure(const char *what, struct git_run *r)
{
	if (r->spawn_errno == ENOENT)
		return cl_xasprintf("%s: git is not installed (no git on PATH)",
		                    what);
	if (r->spawn_errno)
		return cl_xasprintf("%s: cannot run git: %s", what,
		                    strerror(r->spawn_errno));
	if (r->status < 0)
		return cl_xasprintf("%s: git was killed by a signal", what);
	if (*git_said(r))
		return cl_xasprintf("%s: %s", what, git_said(r));
	return cl_xasprintf("%s: git exited with status %d", what, r->status);
}

/* Reads the blob OID of the repository at TOP; 0, or -1 and *REASON. */
static int
read_blob(const char *top, const char *oid, char **buf, size_t *len,
          char **reason)
{
	/* cat-file, not show: the bytes as committed, never converted by a
	 * textconv filter of the repository's attributes */
	const char *args[] = { "cat-file", "blob", oid, NULL };
	struct git_run r;

	if (git(top, args, CL_MAX_INPUT_BYTES, &r)) {
		*reason = git_failure("cannot read it from git", &r);
		return -1;
	}
	if (r.truncated) {
		free(r.out);
		*buf = too_large(len);
		return 0;
	}
	*buf = r.out;
	*len = r.len;
	return 0;
}

/* ---- the work of one pair (a worker thread) ---------------------------- */

static int
read_side(const struct job *j, const struct side *side, char **buf, size_t *len,
          struct cl_session_work *out)
{
	int rc;

	if (side->kind == SIDE_GIT && !side->path) {
		*buf = too_large(len);
		return 0;
	}
	rc = side->kind == SIDE_GIT
	         ? read_blob(j->git_top, side->path, buf, len, &out->reason)
	         : read_file(side->path, buf, len, &out->reason);
	if (rc)
		out->failed = cl_strdup(side->name);
	return rc;
}

static void
work(void *data, const cl_linter *linter, unsigned flags,
     struct cl_session_work *out)
{
	struct job *j = data;
	char *obuf = NULL, *nbuf = NULL;
	size_t olen = 0, nlen = 0;
	cl_result *self = NULL;

	if (j->old.kind != SIDE_NONE &&
	    read_side(j, &j->old, &obuf, &olen, out))
		return;
	if (j->new.kind != SIDE_NONE &&
	    read_side(j, &j->new, &nbuf, &nlen, out)) {
		free(obuf);
		return;
	}
	if (j->new.kind == SIDE_NONE) {
		out->result = cl_diff_removed(linter, j->old.name, obuf, olen);
	} else if (j->old.kind != SIDE_NONE) {
		out->result =
		    cl_diff_memory(linter, j->old.name, obuf, olen, j->new.name,
		                   nbuf, nlen, flags, &out->prior);
	} else if (flags & CL_DIFF_LINT) {
		/* a new file is part of the new version: --lint lints it */
		out->result = cl_lint_memory(linter, j->new.name, nbuf, nlen);
	} else {
		/* Nothing to compare, but a new version that is not well
		 * formed or not valid is reported as such: compared with
		 * itself, it gives exactly that (and the copy of the same
		 * findings for the "old" side is dropped). */
		out->result =
		    cl_diff_memory(linter, j->new.name, nbuf, nlen, j->new.name,
		                   nbuf, nlen, flags, &self);
		cl_result_free(self);
	}
	free(obuf);
	free(nbuf);
}

/* Queues the pair: OLD_KIND at OLD_PATH shown as OLD_NAME (SIDE_NONE:
 * none), and the same for NEW; CONFIG_PATH is the new side's path (or
 * where it would be), for the configuration. Strings copied. */
static void
queue_pair(cl_session *s, const char *config_path, enum side_kind old_kind,
           const char *old_name, const char *old_path, enum side_kind new_kind,
           const char *new_name, const char *new_path, const char *git_top)
{
	struct job *j = cl_calloc(1, sizeof(*j));

	j->old.kind = old_kind;
	if (old_kind != SIDE_NONE) {
		j->old.name = cl_strdup(old_name);
		j->old.path = old_path ? cl_strdup(old_path) : NULL;
	}
	j->new.kind = new_kind;
	if (new_kind != SIDE_NONE) {
		j->new.name = cl_strdup(new_name);
		j->new.path = cl_strdup(new_path);
	}
	j->git_top = git_top;
	cl_session_queue_job(s, config_path, work, j, job_free);
}

/* ---- the files of a tree ----------------------------------------------- */

/* A file found by a walk (or in git's tree). */
struct found {
	char *path; /* as shown: the walk's, or "REV:path" */
	char *read; /* where to read it: a file, or a blob's object name
	             * (NULL: a blob too large to read) */
	char *rel;  /* below the walked directory (--base: below the top) */
	bool paired;
};

struct found_list {
	struct found *v;
	size_t n, alloc;
};

static void
found_add(struct found_list *l, const char *path, const char *read,
          const char *rel)
{
	struct found *f;

	CL_GROW(l->v, l->n + 1, l->alloc);
	f = &l->v[l->n++];
	f->path = cl_strdup(path);
	f->read = read ? cl_strdup(read) : NULL;
	f->rel = cl_strdup(rel);
	f->paired = false;
}

static void
found_release(struct found_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].read);
		free(l->v[i].rel);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/*
 * The walk's order: the entries of a directory in byte order, a
 * directory's files where its name sorts. That is byte order of the
 * paths with '/' below every other byte ("a/b.xml" before "a.xml").
 */
static int
walk_order(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; *p && *p == *q; p++, q++)
		;
	if (*p == *q)
		return 0;
	if (!*p || !*q)
		return *p ? 1 : -1;
	if (*p == '/' || *q == '/')
		return *p == '/' ? -1 : 1;
	return *p < *q ? -1 : 1;
}

static int
compare_found(const void *a, const void *b)
{
	return walk_order(((const struct found *)a)->rel,
	                  ((const struct found *)b)->rel);
}

/* A walk that collects its files into LIST, their rel below DIR. */
struct collect {
	cl_session *s;
	struct found_list *list;
	const char *dir;
	size_t skip; /* bytes of DIR and its '/' at the start of a path */
};

static void
collect_file(void *data, const char *path, const struct stat *st, char *real)
{
	struct collect *c = data;

	if (!cl_session_is_output(c->s, path, st))
		found_add(c->list, path, real ? real : path, path + c->skip);
	free(real);
}

static void
collect_error(void *data, const char *path, const char *reason)
{
	struct collect *c = data;

	cl_session_queue_unreadable(c->s, path, reason);
}

static void
collect_outside(void *data, const char *path, const char *root)
{
	struct collect *c = data;

	cl_session_queue_note(c->s, false,
	                      "%s: symbolic link to a file outside %s; not "
	                      "followed",
	                      path, root);
}

static const struct cl_walk_ops collect_ops = { collect_file, collect_error,
	                                        collect_outside };

/* Walks the directory DIR into LIST, in the walk's order; false after
 * its trouble was queued. */
static bool
walk_dir(cl_session *s, const char *dir, struct found_list *list)
{
	struct collect c;
	char *root = realpath(dir, NULL);
	size_t n = strlen(dir);

	if (!root) {
		cl_session_queue_unreadable(s, dir, strerror(errno));
		return false;
	}
	c.s = s;
	c.list = list;
	c.dir = dir;
	c.skip = n + (n && dir[n - 1] == '/' ? 0 : 1);
	cl_walk(dir, root, &collect_ops, &c);
	free(root);
	if (list->n)
		qsort(list->v, list->n, sizeof(*list->v), compare_found);
	return true;
}

/* ---- connlint diff OLD NEW --------------------------------------------- */

/* Two directories: the files paired by their path below each. */
static void
diff_dirs(cl_session *s, const char *old_dir, const char *new_dir)
{
	struct found_list o = { NULL, 0, 0 }, n = { NULL, 0, 0 };
	size_t i = 0, k = 0;
	bool old_ok = walk_dir(s, old_dir, &o);
	bool new_ok = walk_dir(s, new_dir, &n);

	if (old_ok && !o.n)
		cl_session_queue_note(s, false, "%s: no .xml files found",
		                      old_dir);
	if (new_ok && !n.n)
		cl_session_queue_note(s, false, "%s: no .xml files found",
		                      new_dir);
	while (i < o.n || k < n.n) {
		int c = i == o.n   ? 1
		        : k == n.n ? -1
		                   : walk_order(o.v[i].rel, n.v[k].rel);

		if (c == 0) {
			queue_pair(s, n.v[k].path, SIDE_FILE, o.v[i].path,
			           o.v[i].read, SIDE_FILE, n.v[k].path,
			           n.v[k].read, NULL);
			i++;
			k++;
		} else if (c < 0) {
			/* removed: the configuration of where it was */
			char *where = cl_join_path(new_dir, o.v[i].rel);

			queue_pair(s, where, SIDE_FILE, o.v[i].path,
			           o.v[i].read, SIDE_NONE, NULL, NULL, NULL);
			free(where);
			i++;
		} else {
			queue_pair(s, n.v[k].path, SIDE_NONE, NULL, NULL,
			           SIDE_FILE, n.v[k].path, n.v[k].read, NULL);
			k++;
		}
	}
	found_release(&o);
	found_release(&n);
}

int
cl_session_diff(cl_session *s, const char *old_path, const char *new_path)
{
	char *inputs[2];
	struct stat ost, nst;
	bool old_ok, new_ok;
	int status, old_errno, new_errno;

	if (!old_path || !new_path) {
		usage(s, "diff: give two files or two directories, OLD and "
		         "NEW");
		return 2;
	}
	if (!strcmp(old_path, "-") || !strcmp(new_path, "-")) {
		usage(s, "diff: standard input ('-') cannot be compared; name "
		         "two files or two directories");
		return 2;
	}
	old_ok = !stat(old_path, &ost);
	old_errno = errno;
	new_ok = !stat(new_path, &nst);
	new_errno = errno;
	if (old_ok && new_ok && S_ISDIR(ost.st_mode) != S_ISDIR(nst.st_mode)) {
		usage(s,
		      "diff: %s is a %s and %s a %s; compare two files or two "
		      "directories",
		      old_path, S_ISDIR(ost.st_mode) ? "directory" : "file",
		      new_path, S_ISDIR(nst.st_mode) ? "directory" : "file");
		return 2;
	}
	inputs[0] = (char *)old_path;
	inputs[1] = (char *)new_path;
	if ((status = cl_session_begin(s, "diff", inputs, 2)))
		return status;
	if (!old_ok || !new_ok) {
		if (!old_ok)
			cl_session_queue_unreadable(s, old_path,
			                            strerror(old_errno));
		if (!new_ok)
			cl_session_queue_unreadable(s, new_path,
			                            strerror(new_errno));
	} else if (S_ISDIR(nst.st_mode)) {
		diff_dirs(s, old_path, new_path);
	} else if (!cl_session_is_output(s, old_path, &ost) &&
	           !cl_session_is_output(s, new_path, &nst)) {
		queue_pair(s, new_path, SIDE_FILE, old_path, old_path,
		           SIDE_FILE, new_path, new_path, NULL);
	}
	return cl_session_end(s);
}

void
cl_session_set_diff_lint(cl_session *s, int on)
{
	unsigned f = cl_session_diff_flags(s);

	cl_session_set_diff_flags(s, on ? f | CL_DIFF_LINT : f & ~CL_DIFF_LINT);
}

/* ---- connlint diff --base REV ------------------------------------------ */

/* What --base knows about the repository. */
struct base {
	cl_session *s;
	const char *rev;    /* as given: for the old side's names */
	char *commit;       /* REV resolved, once: it cannot move meanwhile */
	char *top, *prefix; /* the work tree's top; our directory below it
	                     * ("" or "dir/sub/") */
	struct found_list old; /* REV's files under the paths */
	/* the renames git detected: renamed[i] is now rename_to[i] */
	char **renamed, **rename_to;
	size_t nrenames, renames_alloc, rename_to_alloc;
};

/*
 * P (relative to our directory, or absolute) relative to the top of the
 * work tree, "." and ".." taken lexically as git takes a pathspec ("" for
 * the top itself). NULL when it leads outside. Caller frees.
 */
static char *
top_relative(const struct base *b, const char *p)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char *path, *tok, *save = NULL;
	size_t n = strlen(b->top);

	if (p[0] == '/') {
		if (strncmp(p, b->top, n) || (p[n] && p[n] != '/'))
			return NULL;
		path = cl_strdup(p + n);
	} else {
		path = cl_xasprintf("%s%s", b->prefix, p);
	}
	for (tok = strtok_r(path, "/", &save); tok;
	     tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			char *slash;

			if (!sb.len) {
				free(path);
				cl_strbuf_release(&sb);
				return NULL;
			}
			slash = strrchr(sb.buf, '/');
			sb.len = slash ? (size_t)(slash - sb.buf) : 0;
			sb.buf[sb.len] = '\0';
			continue;
		}
		if (sb.len)
			cl_strbuf_addch(&sb, '/');
		cl_strbuf_adds(&sb, tok);
	}
	free(path);
	if (!sb.len) {
		cl_strbuf_release(&sb);
		return cl_strdup("");
	}
	return cl_strbuf_detach(&sb);
}

/* The path of REL (below the top) as the working directory sees it, for
 * the configuration of a file that is gone. Caller frees. */
static char *
from_here(const struct base *b, const char *rel)
{
	size_t n = strlen(b->prefix);

	if (!strncmp(rel, b->prefix, n))
		return cl_strdup(*(rel + n) ? rel + n : ".");
	return cl_join_path(b->top, rel);
}

/* 1 when REL is SPEC (below the top) or below it. */
static bool
under(const char *rel, const char *spec)
{
	size_t n = strlen(spec);

	return !n || (!strncmp(rel, spec, n) && (!rel[n] || rel[n] == '/'));
}

/* 1 when the file REL of the old tree is one a walk of SPEC would have
 * found: SPEC itself, or below it a *.xml file that is not a
 * configuration file, in no hidden directory. */
static bool
walk_would_find(const char *rel, const char *spec)
{
	size_t n = strlen(spec);
	const char *p = n ? rel + n + 1 : rel, *slash, *name;

	if (!strcmp(rel, spec))
		return true;
	for (; (slash = strchr(p, '/')); p = slash + 1)
		if (*p == '.')
			return false;
	name = p;
	n = strlen(name);
	return n > 4 && !strcmp(name + n - 4, ".xml") &&
	       !cl_config_is_name(name);
}

/* Runs git with ARGS at the top; 0 with R, or -1 after a message. */
static int
git_or_say(struct base *b, const char *what, const char *const *args,
           struct git_run *r)
{
	char *why;

	if (!git(b->top, args, SIZE_MAX / 2, r))
		return 0;
	why = git_failure(what, r);
	say(b->s, "diff --base: %s", why);
	free(why);
	return -1;
}

/* Where we are: the top of the work tree and our prefix below it, and
 * REV as a commit. -1 after a message. */
static int
locate(struct base *b)
{
	const char *where[] = { "rev-parse", "--show-toplevel", "--show-prefix",
		                NULL };
	struct git_run r;
	char *nl, *spec, *why;

	if (git(NULL, where, SIZE_MAX / 2, &r)) {
		if (r.spawn_errno || r.status < 0)
			why = git_failure("cannot run git", &r);
		else
			why = cl_xasprintf("not in a git work tree (git: %s)",
			                   git_said(&r));
		say(b->s, "diff --base: %s", why);
		free(why);
		return -1;
	}
	/* two lines: the top, then the prefix (maybe empty) */
	if (!(nl = strchr(r.out, '\n')) || nl == r.out) {
		say(b->s, "diff --base: git did not say where the work tree "
		          "is");
		free(r.out);
		return -1;
	}
	*nl = '\0';
	b->top = cl_strdup(r.out);
	b->prefix = cl_strdup(nl + 1);
	if ((nl = strchr(b->prefix, '\n')))
		*nl = '\0';
	free(r.out);

	spec = cl_xasprintf("%s^{commit}", b->rev);
	{
		const char *verify[] = { "rev-parse", "--verify", "--quiet",
			                 spec, NULL };

		if (git(b->top, verify, SIZE_MAX / 2, &r) || !r.len) {
			if (r.spawn_errno || r.status < 0) {
				why = git_failure("cannot run git", &r);
				say(b->s, "diff --base: %s", why);
				free(why);
			} else {
				say(b->s,
				    "diff --base: unknown revision '%s' (no "
				    "commit of that name in %s; fetch it "
				    "first?)",
				    b->rev, b->top);
			}
			free(r.out);
			free(spec);
			return -1;
		}
	}
	free(spec);
	if ((nl = strchr(r.out, '\n')))
		*nl = '\0';
	b->commit = r.out;
	return 0;
}

/* REV's files under the paths SPECS (below the top), as a walk of each
 * would find them, into b->old. -1 after a message. */
static int
list_old(struct base *b, char **specs, size_t nspecs)
{
	const char *args[40];
	struct git_run r;
	size_t n = 0, i;
	char *p, *end, *next;

	/* -r: every file, not the directories; the whole entry, to keep
	 * only files (no symbolic link, no submodule); -l: its size, so
	 * that a blob too large to lint is not read */
	args[n++] = "ls-tree";
	args[n++] = "-r";
	args[n++] = "-l";
	args[n++] = "-z";
	args[n++] = "--full-tree";
	args[n++] = b->commit;
	args[n++] = "--";
	args[n] = NULL;
	/* ls-tree takes at most so many paths here; more are done below
	 * with the whole tree filtered */
	if (nspecs + n + 1 < CL_ARRAY_SIZE(args)) {
		for (i = 0; i < nspecs; i++)
			if (!*specs[i])
				break;
		if (i == nspecs)
			for (i = 0; i < nspecs; i++)
				args[n++] = specs[i];
		args[n] = NULL;
	}
	if (git_or_say(b, "cannot list the files of the revision", args, &r))
		return -1;
	for (p = r.out, end = r.out + r.len; p < end; p = next) {
		/* MODE SP TYPE SP OBJECT SP+ SIZE TAB PATH NUL */
		char *tab = strchr(p, '\t'), *oid_end;
		const char *rel;
		unsigned long long size;

		next = p + strlen(p) + 1;

		if (!tab || (strncmp(p, "100644 blob ", 12) &&
		             strncmp(p, "100755 blob ", 12)))
			continue;
		*tab = '\0';
		rel = tab + 1;
		if (!(oid_end = strchr(p + 12, ' ')))
			continue;
		*oid_end = '\0';
		size = strtoull(oid_end + 1, NULL, 10);
		for (i = 0; i < nspecs; i++)
			if (under(rel, specs[i]) &&
			    walk_would_find(rel, specs[i]))
				break;
		if (i < nspecs) {
			char *shown = cl_xasprintf("%s:%s", b->rev, rel);

			found_add(&b->old, shown,
			          size > CL_MAX_INPUT_BYTES ? NULL : p + 12,
			          rel);
			free(shown);
		}
	}
	free(r.out);
	if (b->old.n)
		qsort(b->old.v, b->old.n, sizeof(*b->old.v), compare_found);
	return 0;
}

/* The renames git detects between REV and the work tree, under SPECS.
 * -1 after a message. */
static int
list_renames(struct base *b, char **specs, size_t nspecs)
{
	const char *args[40];
	struct git_run r;
	size_t n = 0, i;
	char *p, *end;

	args[n++] = "diff";
	args[n++] = "--no-color";
	args[n++] = "--no-ext-diff";
	args[n++] = "--name-status";
	args[n++] = "-M";
	args[n++] = "-z";
	args[n++] = b->commit;
	args[n++] = "--";
	for (i = 0; i < nspecs && n + 1 < CL_ARRAY_SIZE(args); i++)
		args[n++] = *specs[i] ? specs[i] : ".";
	/* too many paths for one command: renames anywhere (only those
	 * of files found are used) */
	if (i < nspecs)
		n = 8;
	args[n] = NULL;
	if (git_or_say(b, "cannot compare the work tree with the revision",
	               args, &r))
		return -1;
	/* STATUS NUL PATH NUL, or for a rename R<score> NUL OLD NUL NEW NUL */
	for (p = r.out, end = r.out + r.len; p < end;) {
		char *status = p, *from, *to;

		p += strlen(p) + 1;
		if (p >= end)
			break;
		from = p;
		p += strlen(p) + 1;
		if (*status != 'R' && *status != 'C')
			continue;
		if (p >= end)
			break;
		to = p;
		p += strlen(p) + 1;
		if (*status != 'R')
			continue;
		CL_GROW(b->renamed, b->nrenames + 1, b->renames_alloc);
		CL_GROW(b->rename_to, b->nrenames + 1, b->rename_to_alloc);
		b->renamed[b->nrenames] = cl_strdup(from);
		b->rename_to[b->nrenames++] = cl_strdup(to);
	}
	free(r.out);
	return 0;
}

/* The old file that is REL now (renamed, or the same path), or NULL. */
static struct found *
old_of(struct base *b, const char *rel)
{
	const char *was = rel;
	size_t lo = 0, hi = b->old.n;

	for (size_t i = 0; i < b->nrenames; i++)
		if (!strcmp(b->rename_to[i], rel))
			was = b->renamed[i];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = walk_order(was, b->old.v[mid].rel);

		if (!c)
			return &b->old.v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* One entry to report for a path: a file now (NEW) or one gone (OLD). */
struct entry {
	const char *key; /* walk order, below the top */
	struct found *now;
	struct found *old;
};

static int
compare_entries(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = walk_order(x->key, y->key);

	/* the same key twice: the file now first */
	return c ? c : (x->now == NULL) - (y->now == NULL);
}

/* The files under the path P (SPEC below the top) now, into NOW (their
 * rel below the top), each paired with its old version; false when
 * nothing is to be reported for P (its trouble queued). */
static bool
collect_now(struct base *b, const char *p, const char *spec,
            struct found_list *now, bool *dir)
{
	struct stat st;
	size_t i;

	*dir = false;
	if (stat(p, &st)) {
		int err = errno;

		/* gone since REV: what was there is removed */
		for (i = 0; i < b->old.n; i++)
			if (under(b->old.v[i].rel, spec))
				break;
		if (err != ENOENT || i == b->old.n) {
			cl_session_queue_unreadable(b->s, p, strerror(err));
			return false;
		}
	} else if (S_ISDIR(st.st_mode)) {
		*dir = true;
		if (!walk_dir(b->s, p, now))
			return false;
	} else if (!cl_session_is_output(b->s, p, &st)) {
		found_add(now, p, p, "");
	}
	for (i = 0; i < now->n; i++) {
		char *rel = top_relative(b, now->v[i].path);
		struct found *old;

		/* rel was the walk's path below P; below the top now */
		free(now->v[i].rel);
		now->v[i].rel = rel ? rel : cl_strdup(now->v[i].path);
		if ((old = old_of(b, now->v[i].rel)))
			old->paired = true;
	}
	return true;
}

/* Queues the files of the path P (SPEC below the top): NOW and those of
 * REV under SPEC that nothing pairs with (removed), in the walk's
 * order. */
static void
queue_path(struct base *b, const char *p, const char *spec,
           struct found_list *now, bool dir)
{
	struct entry *e = cl_calloc(now->n + b->old.n + 1, sizeof(*e));
	size_t n = 0, i;

	for (i = 0; i < now->n; i++) {
		e[n].key = now->v[i].rel;
		e[n].now = &now->v[i];
		e[n++].old = old_of(b, now->v[i].rel);
	}
	for (i = 0; i < b->old.n; i++) {
		if (b->old.v[i].paired || !under(b->old.v[i].rel, spec))
			continue;
		/* once, even when two paths hold it */
		b->old.v[i].paired = true;
		e[n].key = b->old.v[i].rel;
		e[n].now = NULL;
		e[n++].old = &b->old.v[i];
	}
	if (!n && dir)
		cl_session_queue_note(b->s, false, "%s: no .xml files found",
		                      p);
	qsort(e, n, sizeof(*e), compare_entries);
	for (i = 0; i < n; i++) {
		if (e[i].now && e[i].old) {
			queue_pair(b->s, e[i].now->path, SIDE_GIT,
			           e[i].old->path, e[i].old->read, SIDE_FILE,
			           e[i].now->path, e[i].now->read, b->top);
		} else if (e[i].now) {
			queue_pair(b->s, e[i].now->path, SIDE_NONE, NULL, NULL,
			           SIDE_FILE, e[i].now->path, e[i].now->read,
			           b->top);
		} else {
			char *where = from_here(b, e[i].old->rel);

			queue_pair(b->s, where, SIDE_GIT, e[i].old->path,
			           e[i].old->read, SIDE_NONE, NULL, NULL,
			           b->top);
			free(where);
		}
	}
	free(e);
}

static void
base_release(struct base *b)
{
	for (size_t i = 0; i < b->nrenames; i++) {
		free(b->renamed[i]);
		free(b->rename_to[i]);
	}
	free(b->renamed);
	free(b->rename_to);
	found_release(&b->old);
	free(b->commit);
	free(b->top);
	free(b->prefix);
}

int
cl_session_diff_base(cl_session *s, const char *rev, char *const *paths,
                     size_t npaths)
{
	static char *const here[] = { (char *)"." };
	struct base b;
	struct found_list *now = NULL;
	bool *dir = NULL, *ok = NULL;
	char **specs;
	size_t i;
	int status = 2;

	if (cl_session_refuse_fix(s, "diff"))
		return 2;
	if (!rev || !*rev || rev[0] == '-') {
		/* a revision starting with '-' would be an option to git */
		usage(s, "diff --base: '%s' is not a revision", rev ? rev : "");
		return 2;
	}
	if (!npaths) {
		paths = here;
		npaths = 1;
	}
	for (i = 0; i < npaths; i++) {
		if (!strcmp(paths[i], "-")) {
			usage(s, "diff --base: standard input ('-') has no old "
			         "version; name files or directories");
			return 2;
		}
	}
	memset(&b, 0, sizeof(b));
	b.s = s;
	b.rev = rev;
	specs = cl_calloc(npaths, sizeof(*specs));
	if (locate(&b))
		goto out;
	for (i = 0; i < npaths; i++) {
		if (!(specs[i] = top_relative(&b, paths[i]))) {
			say(s,
			    "diff --base: %s is outside the git work tree %s",
			    paths[i], b.top);
			goto out;
		}
	}
	if (list_old(&b, specs, npaths) || list_renames(&b, specs, npaths))
		goto out;
	if ((status = cl_session_begin(s, "diff", paths, npaths)))
		goto out;
	/* every path paired first: a file may have moved from one path
	 * to another, and is then not removed */
	now = cl_calloc(npaths, sizeof(*now));
	dir = cl_calloc(npaths, sizeof(*dir));
	ok = cl_calloc(npaths, sizeof(*ok));
	for (i = 0; i < npaths; i++)
		ok[i] = collect_now(&b, paths[i], specs[i], &now[i], &dir[i]);
	for (i = 0; i < npaths; i++)
		if (ok[i])
			queue_path(&b, paths[i], specs[i], &now[i], dir[i]);
	status = cl_session_end(s);
	for (i = 0; i < npaths; i++)
		found_release(&now[i]);
out:
	for (i = 0; i < npaths; i++)
		free(specs[i]);
	free(specs);
	free(now);
	free(dir);
	free(ok);
	base_release(&b);
	return status;
}
