/*
 * The session's run machinery for another command of the session
 * (connlint diff, diffrun.c): the same checks, outputs, baselines,
 * ordered parallel queue and exit status as cl_session_run, with the
 * work of each item given by the caller. Nothing here is public.
 *
 * A run is: cl_session_begin, then items queued in the order they are to
 * be reported (jobs, notes, paths that could not be read), then
 * cl_session_end for the status.
 */
#ifndef CL_SESSION_INT_H
#define CL_SESSION_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "connlint.h"

/* What a job produced, filled in on a worker thread. */
struct cl_session_work {
	/* Reported in this order: PRIOR (e.g. the old version's result
	 * when it is not valid; NULL: none), then RESULT. Taken over by
	 * the session. RESULT NULL: nothing could be compared, for
	 * REASON. */
	cl_result *prior, *result;
	/* malloc'd, taken over: why RESULT is NULL ("cannot read: ..."),
	 * and the path it is about (NULL: the job's path). */
	char *reason, *failed;
};

/* Runs on a worker thread (or the caller's with -j 1): does JOB with
 * LINTER (the linter of the configuration that applies to the job's
 * path) and FLAGS (the session's CL_DIFF_* flags), and fills OUT. Reads
 * nothing of the session. */
typedef void cl_session_work_fn(void *job, const cl_linter *linter,
                                unsigned flags, struct cl_session_work *out);

/*
 * Starts a run of COMMAND ("diff": shown in the usage messages) that
 * reads INPUTS (the paths named on the command line, for the checks that
 * no output file is one of them): the usage checks of cl_session_run
 * (the fix modes are refused: they only make sense for a plain lint),
 * the configuration, the baseline, the outputs opened, the workers
 * started. Returns 0, or 2 after a message (then the run must not go
 * on).
 */
int cl_session_begin(cl_session *s, const char *command, char *const *inputs,
                     size_t ninputs);
/* Refuses the fix modes (--fix, --diff, --unsafe-fixes,
 * --add-suppressions) for COMMAND, which does not fix: -1 after a usage
 * message, else 0. cl_session_begin does it too; a command that has work
 * to do before it (running git) asks first. */
int cl_session_refuse_fix(cl_session *s, const char *command);
/* Ends the run: everything queued is reported, the outputs are finished
 * and committed. Returns the exit status, as cl_session_run. */
int cl_session_end(cl_session *s);

/*
 * Queues JOB (freed with JOB_FREE after it is reported) for the file
 * PATH: the configuration that applies to PATH chooses its linter and
 * fail-on; when that configuration is not valid, its message is given
 * once and JOB is freed unrun (PATH reported as not compared).
 */
void
cl_session_queue_job(cl_session *s, const char *path, cl_session_work_fn *fn,
                     void *job, void (*job_free)(void *job));
/* PATH could not be read for REASON: a message in its place, every
 * output told, trouble (exit 2). */
void cl_session_queue_unreadable(cl_session *s, const char *path,
                                 const char *reason);
/* A message in its place among the results (TROUBLE: it makes the exit
 * status 2). */
void cl_session_queue_note(cl_session *s, bool trouble, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* true (after a message in its place, and no output file is written) when
 * the file ST describes, found as PATH, is one of the output files. */
bool
cl_session_is_output(cl_session *s, const char *path, const struct stat *st);
/* The CL_DIFF_* flags given with cl_session_set_diff_lint. */
unsigned cl_session_diff_flags(const cl_session *s);
void cl_session_set_diff_flags(cl_session *s, unsigned flags);

#endif /* CL_SESSION_INT_H */
