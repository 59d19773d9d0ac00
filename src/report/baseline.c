/*
 * Baselines: the findings a project accepts for now, by fingerprint, so
 * that a run reports only new ones. The file is plain text, one finding a
 * line, so that a review shows which findings were added or fixed; only
 * the fingerprint is read back, the rule and file beside it are for
 * people. The format is in docs/output-formats.md ("Baselines").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "connlint.h"
#include "fingerprint.h"
#include "escape.h"
#include "result.h"

/* A baseline is read from a regular file of at most the input limit
 * (about 800,000 entries), and no line may be longer than
 * BASELINE_MAX_LINE (a fingerprint, a rule ID and any file name fit many
 * times over): reading stops at once on anything else, instead of
 * growing a line buffer for as long as the file goes on (/dev/zero). */
#define BASELINE_MAX_BYTES CL_MAX_INPUT_BYTES
#define BASELINE_MAX_TEXT "64 MiB"          /* BASELINE_MAX_BYTES, in words */
#define BASELINE_MAX_LINE ((size_t)1 << 20) /* "1 MiB" in the message */
#define BASELINE_CHUNK 65536

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
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	/* Then the end of the line or the tab before the rule. */
	return len == CL_FINGERPRINT_HEX || s[CL_FINGERPRINT_HEX] == '\t';
}

/*
 * One line as it streams by: only its first bytes are kept (all that
 * is_fp looks at), its length is counted. Trailing '\r's do not count,
 * so CRLF files read like LF ones.
 */
struct bl_line {
	char head[CL_FINGERPRINT_HEX + 1];
	size_t len;  /* bytes so far */
	size_t text; /* of which up to the last byte that is not '\r' */
	size_t lineno;
};

/* Ends the current line: adds its fingerprint to B, or sets *ERROR. */
static bool
bl_line_end(struct bl_line *ln, cl_baseline *b, size_t *alloc, const char *path,
            char **error)
{
	size_t n = ln->text;

	ln->lineno++;
	ln->len = ln->text = 0;
	if (n == 0 || ln->head[0] == '#')
		return true;
	if (!is_fp(ln->head, n)) {
		if (error)
			*error =
			    cl_xasprintf("%s:%zu: not a baseline entry "
			                 "(32 lower-case hex digits, then a "
			                 "tab, the rule and the file); write "
			                 "baselines with --write-baseline",
			                 path, ln->lineno);
		return false;
	}
	CL_GROW(b->fps, b->n + 1, *alloc);
	memcpy(b->fps[b->n], ln->head, CL_FINGERPRINT_HEX);
	b->fps[b->n][CL_FINGERPRINT_HEX] = '\0';
	b->n++;
	return true;
}

/* Reads FD (PATH) into B; false with *ERROR set when it cannot. */
static bool
bl_read(int fd, const char *path, cl_baseline *b, char **error)
{
	static const char bom[] = "\xef\xbb\xbf";
	char *chunk = cl_malloc(BASELINE_CHUNK);
	struct bl_line ln = { { 0 }, 0, 0, 0 };
	size_t total = 0, alloc = 0, fill = 0, i = 0;
	bool ok = true, first = true;

	for (;;) {
		ssize_t got = read(fd, chunk + fill, BASELINE_CHUNK - fill);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			if (error)
				*error = cl_xasprintf("%s: %s", path,
				                      strerror(errno));
			ok = false;
			break;
		}
		fill += (size_t)got;
		/* A byte order mark is not part of the first line; wait
		 * for three bytes (or the end) to tell. */
		if (first) {
			if (got > 0 && fill < sizeof(bom) - 1 &&
			    !memcmp(chunk, bom, fill))
				continue;
			first = false;
			if (fill >= sizeof(bom) - 1 &&
			    !memcmp(chunk, bom, sizeof(bom) - 1))
				i = sizeof(bom) - 1;
		}
		total += fill;
		if (total > BASELINE_MAX_BYTES) {
			if (error)
				*error = cl_xasprintf(
				    "%s: larger than " BASELINE_MAX_TEXT
				    "; not a "
				    "baseline file",
				    path);
			ok = false;
			break;
		}
		for (; i < fill; i++) {
			char c = chunk[i];

			if (c == '\n') {
				if (!(ok = bl_line_end(&ln, b, &alloc, path,
				                       error)))
					break;
				continue;
			}
			if (ln.len < sizeof(ln.head))
				ln.head[ln.len] = c;
			if (++ln.len > BASELINE_MAX_LINE) {
				if (error)
					*error =
					    cl_xasprintf("%s:%zu: line longer "
					                 "than 1 MiB; not a "
					                 "baseline entry",
					                 path, ln.lineno + 1);
				ok = false;
				break;
			}
			if (c != '\r')
				ln.text = ln.len;
		}
		if (!ok || got == 0)
			break;
		fill = i = 0;
	}
	/* The last line need not end in a line break. */
	if (ok && ln.len)
		ok = bl_line_end(&ln, b, &alloc, path, error);
	free(chunk);
	return ok;
}

cl_baseline *
cl_baseline_load(const char *path, char **error)
{
	/* O_NONBLOCK: opening a FIFO nobody writes to returns at once, and
	 * fstat then refuses it, like any file that is not regular. */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	const char *why = NULL;
	struct stat st;
	cl_baseline *b;
	size_t i, kept;

	if (fd < 0) {
		if (error)
			*error = cl_xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st))
		why = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		why = "is a directory";
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if ((uintmax_t)st.st_size > BASELINE_MAX_BYTES)
		why = "larger than " BASELINE_MAX_TEXT "; not a baseline file";
	if (why) {
		if (error)
			*error = cl_xasprintf("%s: %s", path, why);
		close(fd);
		return NULL;
	}
	b = cl_calloc(1, sizeof(*b));
	if (!bl_read(fd, path, b, error)) {
		close(fd);
		cl_baseline_free(b);
		return NULL;
	}
	close(fd);
	if (b->n)
		qsort(b->fps, b->n, sizeof(*b->fps), cmp_fp);
	/* The same file given twice records its findings twice. */
	for (i = kept = 0; i < b->n; i++)
		if (!kept || cmp_fp(b->fps[kept - 1], b->fps[i]))
			memmove(b->fps[kept++], b->fps[i], sizeof(*b->fps));
	b->n = kept;
	return b;
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

	for (i = 0; i < n; i++) {
		cl_strbuf_adds(&sb, fps[i]);
		cl_strbuf_addch(&sb, '\t');
		cl_strbuf_adds(
		    &sb, cl_rule_id(cl_diag_rule(cl_result_diag(result, i))));
		cl_strbuf_addch(&sb, '\t');
		/* One entry stays one line whatever the file is called, and
		 * inert when the file is shown in a CI log. */
		cl_plain_add(&sb, cl_result_file(result), 0);
		cl_strbuf_addch(&sb, '\n');
	}
	if (!sb.buf)
		return cl_strdup("");
	return cl_strbuf_detach(&sb);
}
