/*
 * The text format's statistics view (--statistics, CL_OUTPUT_STATISTICS):
 * instead of each diagnostic, one line per rule that was reported, most
 * frequent first (ties in rule ID order), as ruff's --statistics does,
 *
 *     12	CL101	unused-connector-variable
 *      3	CL402	enable-unknown-auth-method
 *
 * then the text format's summary line. It counts what the other views
 * would show: after rule selection, severities, suppressions and the
 * baseline. Findings past the per-file cap have no rule to count them
 * under; the summary has them.
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "output.h"
#include "result.h"

struct stats {
	size_t *counts; /* per rule slot (cl_output_rule_slot), zeroed */
	size_t ncounts;
};

struct row {
	size_t rule, count;
};

static void
stats_add(struct cl_output *out, const struct cl_result *result)
{
	struct stats *st = out->state;
	size_t i, n = cl_result_count(result);

	if (!st) {
		st = cl_calloc(1, sizeof(*st));
		out->state = st;
	}
	for (i = 0; i < n; i++) {
		size_t slot = cl_output_rule_slot(
		    out, cl_diag_rule(cl_result_diag(result, i)));

		if (slot >= st->ncounts) {
			size_t old = st->ncounts;

			CL_GROW(st->counts, slot + 1, st->ncounts);
			memset(st->counts + old, 0,
			       (st->ncounts - old) * sizeof(*st->counts));
		}
		st->counts[slot]++;
	}
}

static int
cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return (x->rule > y->rule) - (x->rule < y->rule);
}

static void
stats_finish(struct cl_output *out)
{
	struct stats *st = out->state;
	size_t i, n = 0, max = 0, nslots = st ? st->ncounts : 0;
	struct row *rows = cl_calloc(nslots + 1, sizeof(*rows));
	int width;

	for (i = 0; i < nslots; i++) {
		if (!st->counts[i])
			continue;
		rows[n].rule = i;
		rows[n++].count = st->counts[i];
		if (st->counts[i] > max)
			max = st->counts[i];
	}
	qsort(rows, n, sizeof(*rows), cmp_row);
	/* The counts right-aligned, so the IDs line up. */
	for (width = 1; max >= 10; max /= 10)
		width++;
	for (i = 0; i < n; i++)
		fprintf(out->out, "%*zu\t%s\t%s\n", width, rows[i].count,
		        cl_output_rule_at(out, rows[i].rule)->id,
		        cl_output_rule_at(out, rows[i].rule)->slug);
	free(rows);
	cl_output_text_summary(out);
}

static void
stats_release(struct cl_output *out)
{
	struct stats *st = out->state;

	if (st)
		free(st->counts);
	free(st);
	out->state = NULL;
}

const struct cl_output_ops cl_output_statistics_ops = {
	.add = stats_add,
	.finish = stats_finish,
	.release = stats_release,
};
