/* The ordered parallel queue; see queue.h. */
#include "queue.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static void *
worker(void *arg)
{
	struct cl_queue *q = arg;

	pthread_mutex_lock(&q->mu);
	for (;;) {
		struct cl_queue_slot *it;

		/* Notes need no work. */
		while (q->claim < q->tail && q->slots[q->claim % q->cap].done)
			q->claim++;
		if (q->claim == q->tail) {
			if (q->closing)
				break;
			pthread_cond_wait(&q->work, &q->mu);
			continue;
		}
		it = &q->slots[q->claim++ % q->cap];
		pthread_mutex_unlock(&q->mu);
		q->process(q->data, it->item);
		pthread_mutex_lock(&q->mu);
		it->done = true;
		pthread_cond_signal(&q->done);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

void
cl_queue_start(struct cl_queue *q, long jobs)
{
	size_t i;

	if (jobs < 2)
		return;
	/* The caller's thread is one of the JOBS: it processes items
	 * itself whenever it would otherwise wait for one (emit_oldest). */
	q->helping = true;
	/* Enough waiting results that a slow file does not stall the
	 * others, few enough that memory stays small. */
	q->cap = 8 * (size_t)jobs;
	q->slots = cl_calloc(q->cap, sizeof(*q->slots));
	q->threads = cl_calloc((size_t)jobs, sizeof(*q->threads));
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	for (i = 0; i + 1 < (size_t)jobs; i++) {
		if (pthread_create(&q->threads[i], NULL, worker, q))
			break; /* fewer threads still work */
		q->nthreads++;
	}
	if (!q->nthreads) {
		free(q->slots);
		free(q->threads);
		q->slots = NULL;
		q->threads = NULL;
	}
}

/* Emits the oldest item once it is processed. */
static void
emit_oldest(struct cl_queue *q)
{
	struct cl_queue_slot *it = &q->slots[q->head % q->cap];

	pthread_mutex_lock(&q->mu);
	while (!it->done) {
		struct cl_queue_slot *mine;

		/* Notes need no work. */
		while (q->claim < q->tail && q->slots[q->claim % q->cap].done)
			q->claim++;
		if (!q->helping || q->claim == q->tail) {
			pthread_cond_wait(&q->done, &q->mu);
			continue;
		}
		/* Rather than sleep until a worker is done with the oldest,
		 * take the next item: fewer threads to wake, and the
		 * caller's core is not idle while the ring is full. */
		mine = &q->slots[q->claim++ % q->cap];
		pthread_mutex_unlock(&q->mu);
		q->process(q->data, mine->item);
		pthread_mutex_lock(&q->mu);
		mine->done = true;
	}
	/* A note is done without a worker, which may not have skipped it
	 * yet: once the slot is emptied, no worker must take it for
	 * a file to lint. */
	if (q->claim <= q->head)
		q->claim = q->head + 1;
	pthread_mutex_unlock(&q->mu);
	q->emit(q->data, it->item);
	memset(it, 0, sizeof(*it));
	q->head++;
}

void
cl_queue_submit(struct cl_queue *q, void *item, bool work)
{
	struct cl_queue_slot *it;

	if (!q->nthreads) {
		if (work)
			q->process(q->data, item);
		q->emit(q->data, item);
		return;
	}
	while (q->tail - q->head == q->cap)
		emit_oldest(q);
	pthread_mutex_lock(&q->mu);
	it = &q->slots[q->tail % q->cap];
	it->item = item;
	it->done = !work;
	q->tail++;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
}

void
cl_queue_finish(struct cl_queue *q)
{
	size_t i;

	if (!q->nthreads)
		return;
	while (q->head < q->tail)
		emit_oldest(q);
	pthread_mutex_lock(&q->mu);
	q->closing = true;
	pthread_cond_broadcast(&q->work);
	pthread_mutex_unlock(&q->mu);
	for (i = 0; i < q->nthreads; i++)
		pthread_join(q->threads[i], NULL);
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->done);
	free(q->slots);
	free(q->threads);
	memset(q, 0, sizeof(*q));
}
