/*
 * Baselines: the findings a project accepts for now, by fingerprint, so
 * that a run reports only new ones. The file is plain text, one finding a
 * line, so that a review shows which findings were added or fixed; only
 * the fingerprint is read back, the rule and file beside it are for
 * people. The format is in docs/output-formats.md ("Baselines").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "fingerprint.h"
#include "output.h"
#include "result.h"

struct cl_baseline {
	char (*fps)[CL_FINGERPRINT_HEX + 1]; /* sorted, distinct */
	size_t n;
};

static int
cmp_fp(const void *a, const void *b)
{
	return memcmp(a, b, CL_FINGERPRINT_HEX);
}

static bool
is_fp(const char *s, size_t len)
{
	size_t i;

	if (len < CL_FINGERPRINT_HEX)
		return false;
	for (i = 0; i < CL_FINGERPRINT_HEX; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	/* Then the end of the line or the tab before the rule. */
	return len == CL_FINGERPRINT_HEX || s[CL_FINGERPRINT_HEX] == '\t';
}

cl_baseline *
cl_baseline_load(const char *path, char **error)
{
	FILE *f = fopen(path, "r");
	cl_baseline *b;
	char *line = NULL;
	size_t cap = 0, alloc = 0, lineno = 0, i, kept;
	ssize_t got;

	if (!f) {
		if (error)
			*error = cl_xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	b = cl_calloc(1, sizeof(*b));
	while ((got = getline(&line, &cap, f)) >= 0) {
		size_t len = (size_t)got;

		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len == 0 || line[0] == '#')
			continue;
		if (!is_fp(line, len)) {
			if (error)
				*error = cl_xasprintf("%s:%zu: not a baseline entry "
				                      "(32 lower-case hex digits, then a "
				                      "tab, the rule and the file); write "
				                      "baselines with --write-baseline",
				                      path, lineno);
			goto fail;
		}
		CL_GROW(b->fps, b->n + 1, alloc);
		memcpy(b->fps[b->n], line, CL_FINGERPRINT_HEX);
		b->fps[b->n][CL_FINGERPRINT_HEX] = '\0';
		b->n++;
	}
	if (ferror(f)) {
		if (error)
			*error = cl_xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	fclose(f);
	free(line);
	if (b->n)
		qsort(b->fps, b->n, sizeof(*b->fps), cmp_fp);
	/* The same file given twice records its findings twice. */
	for (i = kept = 0; i < b->n; i++)
		if (!kept || cmp_fp(b->fps[kept - 1], b->fps[i]))
			memmove(b->fps[kept++], b->fps[i], sizeof(*b->fps));
	b->n = kept;
	return b;
fail:
	fclose(f);
	free(line);
	cl_baseline_free(b);
	return NULL;
}

void
cl_baseline_free(cl_baseline *baseline)
{
	if (!baseline)
		return;
	free(baseline->fps);
	free(baseline);
}

size_t
cl_baseline_size(const cl_baseline *baseline)
{
	return baseline->n;
}

size_t
cl_baseline_apply(const cl_baseline *baseline, cl_result *result)
{
	char *const *fps = cl_result_fingerprints_cached(result);
	char **keep = result->fingerprints;
	struct cl_diag_sink *sink = &result->sink;
	size_t i, kept = 0;

	for (i = 0; i < sink->n; i++) {
		if (baseline->n && bsearch(fps[i], baseline->fps, baseline->n,
		                           sizeof(*baseline->fps), cmp_fp)) {
			cl_diag_clear(&sink->items[i]);
			free(keep[i]);
			continue;
		}
		/* Kept in order: outputs need them sorted by position. */
		sink->items[kept] = sink->items[i];
		keep[kept] = keep[i];
		kept++;
	}
	i = sink->n - kept;
	sink->n = kept;
	return i;
}

char *
cl_baseline_entries(const cl_result *result)
{
	char *const *fps = cl_result_fingerprints_cached(result);
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t n = cl_result_count(result), i;
	const char *p;

	for (i = 0; i < n; i++) {
		cl_strbuf_adds(&sb, fps[i]);
		cl_strbuf_addch(&sb, '\t');
		cl_strbuf_adds(&sb, cl_rule_id(cl_diag_rule(cl_result_diag(result, i))));
		cl_strbuf_addch(&sb, '\t');
		/* One entry stays one line whatever the file is called. */
		for (p = cl_result_file(result); *p; p++)
			cl_strbuf_addch(&sb, (unsigned char)*p < 0x20 ||
			                     *p == 0x7f ? ' ' : *p);
		cl_strbuf_addch(&sb, '\n');
	}
	if (!sb.buf)
		return cl_strdup("");
	return cl_strbuf_detach(&sb);
}
