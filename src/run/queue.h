/*
 * The ordered parallel queue behind -j: items are processed on worker
 * threads and emitted on the caller's thread in the order they were
 * submitted, so that the output does not depend on the number of threads
 * and memory does not grow with the number of files.
 */
#ifndef CL_QUEUE_H
#define CL_QUEUE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

struct cl_queue_slot {
	void *item;
	bool done;
};

/*
 * Items between being submitted and being emitted, in a ring of cap
 * slots: head is the next to emit, claim the next for a worker, tail the
 * next free slot (counters that only grow; the slot is the counter modulo
 * cap). The ring bounds how many processed items wait in memory.
 */
struct cl_queue {
	/* Runs on a worker thread (or the caller's, without workers). */
	void (*process)(void *data, void *item);
	/* Runs on the caller's thread, in submission order; frees ITEM. */
	void (*emit)(void *data, void *item);
	void *data;
	struct cl_queue_slot *slots;
	size_t cap, head, claim, tail;
	bool closing;
	pthread_mutex_t mu;
	pthread_cond_t work; /* an item to claim, or closing */
	pthread_cond_t done; /* an item was processed */
	pthread_t *threads;
	size_t nthreads; /* 0: everything on the caller's thread */
	bool helping;    /* the caller's thread processes items too */
};

/* Starts up to JOBS - 1 worker threads (none with fewer than two JOBS):
 * the caller's thread, while it waits for the oldest item, processes
 * the next ones itself. Q's process, emit and data are set. */
void cl_queue_start(struct cl_queue *q, long jobs);
/* Queues ITEM (WORK: it needs processing; else it is emitted only), or
 * without workers processes and emits it now. */
void cl_queue_submit(struct cl_queue *q, void *item, bool work);
/* Emits everything still queued and stops the workers. */
void cl_queue_finish(struct cl_queue *q);

#endif /* CL_QUEUE_H */
