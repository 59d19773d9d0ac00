/*
 * The gitlab format: a GitLab Code Quality report (the `codequality`
 * report artifact of a CI job), a JSON array with one object per finding:
 *
 *     [
 *       {"description": "... [CL303 wrong-grant-type]", "check_name": "CL303", "fingerprint": "...", "severity": "major", "location": {"path": "shop.xml", "lines": {"begin": 12, "end": 12}}}
 *     ]
 *
 * GitLab keys the findings of a report by fingerprint (a second finding
 * with the same one replaces the first), so every fingerprint here is
 * unique in the run: the diagnostic's own (cl_diag_fingerprint, as SARIF
 * and baselines have it), which differs between findings of one file by
 * construction, and only when the same file is linted twice in one run
 * does a repeat get "-2", "-3"... appended. A path that could not be read
 * is a finding too (check_name "read-error", severity "blocker"), where
 * it was met among the files, so that a merge request does not look clean
 * when a file was not checked. Entries are written as each file is linted.
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "fingerprint.h"
#include "output.h"
#include "result.h"

/* The fingerprints written so far: an open-addressing hash set. */
struct fp_set {
	char **slots; /* malloc'd strings, NULL when free */
	size_t n, alloc;
};

struct gitlab_state {
	struct fp_set seen;
	size_t entries; /* objects written */
	size_t errors;  /* out->errors written */
};

static size_t
fp_slot(char **slots, size_t alloc, const char *s)
{
	size_t i = cl_str_hash(s) & (alloc - 1);

	while (slots[i] && strcmp(slots[i], s))
		i = (i + 1) & (alloc - 1);
	return i;
}

/* Adds FP to SET; false when it was there already. */
static bool
fp_set_insert(struct fp_set *set, const char *fp)
{
	size_t i;

	if (2 * (set->n + 1) > set->alloc) {
		size_t alloc = set->alloc ? 2 * set->alloc : 64;
		char **slots = cl_calloc(alloc, sizeof(*slots));

		for (i = 0; i < set->alloc; i++)
			if (set->slots[i])
				slots[fp_slot(slots, alloc, set->slots[i])] =
				    set->slots[i];
		free(set->slots);
		set->slots = slots;
		set->alloc = alloc;
	}
	i = fp_slot(set->slots, set->alloc, fp);
	if (set->slots[i])
		return false;
	set->slots[i] = cl_strdup(fp);
	set->n++;
	return true;
}

/* FP, or FP-2, FP-3... for its repeats: unique in the run. Malloc'd;
 * caller frees. */
static char *
gitlab_unique(struct gitlab_state *st, const char *fp)
{
	char *s = cl_strdup(fp);
	unsigned long k;

	for (k = 2; !fp_set_insert(&st->seen, s); k++) {
		free(s);
		s = cl_xasprintf("%s-%lu", fp, k);
	}
	return s;
}

static struct gitlab_state *
gitlab_state(struct cl_output *out)
{
	if (!out->state)
		out->state = cl_calloc(1, sizeof(struct gitlab_state));
	return out->state;
}

/*
 * GitLab's five levels from connlint's three: error is major, warning
 * minor, info info, except that an error of a security rule (one the
 * catalogue gives a security severity: a secret in the file, credentials
 * in a URL, plain HTTP) is critical, as it is worse than a broken
 * connector. blocker is left for a path that could not be checked at all.
 */
static const char *
gitlab_severity(const cl_diag *d)
{
	switch (cl_diag_severity(d)) {
	case CL_SEV_ERROR:
		return cl_rule_security_severity(cl_diag_rule(d)) ? "critical"
		                                                  : "major";
	case CL_SEV_WARNING:
		return "minor";
	case CL_SEV_INFO:
		return "info";
	}
	BUG("unknown severity %d", (int)cl_diag_severity(d));
}

/* PATH as GitLab matches it against the repository: relative names with
 * the leading "./" dropped (as in the fingerprint's URI). */
static void
gitlab_add_path(struct cl_strbuf *sb, const char *path)
{
	while (path[0] == '.' && path[1] == '/') {
		path += 2;
		while (*path == '/')
			path++;
	}
	cl_json_add_string(sb, path);
}

/* The start of one more object. */
static void
gitlab_begin(struct gitlab_state *st, struct cl_strbuf *sb)
{
	cl_strbuf_adds(sb, st->entries++ ? ",\n  " : "[\n  ");
}

static void
gitlab_location(struct cl_strbuf *sb, const char *path, unsigned begin,
                unsigned end)
{
	cl_strbuf_adds(sb, ", \"location\": {\"path\": ");
	gitlab_add_path(sb, path);
	cl_strbuf_addf(sb, ", \"lines\": {\"begin\": %u, \"end\": %u}}}", begin,
	               end);
}

/* An unreadable path: its fingerprint is made from the path alone (not
 * the reason, which is the system's wording), with a recipe of its own so
 * that it never equals a finding's. */
static void
gitlab_error(struct gitlab_state *st, struct cl_strbuf *sb,
             const struct cl_output_error *e)
{
	static const char recipe[] = "connlint-read-error/1";
	struct cl_strbuf uri = CL_STRBUF_INIT;
	struct cl_sha256 c;
	unsigned char digest[32];
	char hex[CL_FINGERPRINT_HEX + 1], *fp;
	size_t i;

	cl_path_to_uri(&uri, e->path);
	cl_sha256_init(&c);
	cl_sha256_update(&c, recipe, sizeof(recipe)); /* NUL included */
	cl_sha256_update(&c, uri.buf ? uri.buf : "", uri.len);
	cl_sha256_final(&c, digest);
	for (i = 0; i < CL_FINGERPRINT_HEX / 2; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	fp = gitlab_unique(st, hex);

	gitlab_begin(st, sb);
	cl_strbuf_adds(sb, "{\"description\": ");
	{
		char *msg = cl_xasprintf("connlint could not read this "
		                         "path: %s",
		                         e->reason);

		cl_json_add_string(sb, msg);
		free(msg);
	}
	cl_strbuf_adds(sb, ", \"check_name\": \"read-error\", "
	                   "\"fingerprint\": ");
	cl_json_add_string(sb, fp);
	cl_strbuf_adds(sb, ", \"severity\": \"blocker\"");
	gitlab_location(sb, e->path, 1, 1);
	free(fp);
	cl_strbuf_release(&uri);
}

/* The unreadable paths met before the first LINTED results. */
static void
gitlab_errors(struct cl_output *out, struct cl_strbuf *sb, size_t linted)
{
	struct gitlab_state *st = gitlab_state(out);

	for (; st->errors < out->nerrors &&
	       out->errors[st->errors].before <= linted;
	     st->errors++)
		gitlab_error(st, sb, &out->errors[st->errors]);
}

static void
gitlab_add(struct cl_output *out, const struct cl_result *result)
{
	struct gitlab_state *st = gitlab_state(out);
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *file = cl_result_file(result);
	size_t i, n = cl_result_count(result);
	char *const *fps;

	/* out->files counts this result already */
	gitlab_errors(out, &sb, out->files - 1);
	fps = n ? cl_result_fingerprints_cached(result) : NULL;
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const cl_rule *rule = cl_diag_rule(d);
		char *desc = cl_xasprintf("%s [%s %s]", cl_diag_message(d),
		                          cl_rule_id(rule), cl_rule_slug(rule));
		char *fp = gitlab_unique(st, fps[i]);

		gitlab_begin(st, &sb);
		cl_strbuf_adds(&sb, "{\"description\": ");
		cl_json_add_string(&sb, desc);
		cl_strbuf_adds(&sb, ", \"check_name\": ");
		cl_json_add_string(&sb, cl_rule_id(rule));
		cl_strbuf_adds(&sb, ", \"fingerprint\": ");
		cl_json_add_string(&sb, fp);
		cl_strbuf_addf(&sb, ", \"severity\": \"%s\"",
		               gitlab_severity(d));
		gitlab_location(&sb, file, cl_diag_line(d),
		                cl_diag_end_line(d));
		free(fp);
		free(desc);
	}
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
}

static void
gitlab_finish(struct cl_output *out)
{
	struct gitlab_state *st = gitlab_state(out);
	struct cl_strbuf sb = CL_STRBUF_INIT;

	gitlab_errors(out, &sb, out->files);
	fputs(cl_strbuf_str(&sb), out->out);
	fputs(st->entries ? "\n]\n" : "[]\n", out->out);
	cl_strbuf_release(&sb);
}

static void
gitlab_release(struct cl_output *out)
{
	struct gitlab_state *st = out->state;
	size_t i;

	if (!st)
		return;
	for (i = 0; i < st->seen.alloc; i++)
		free(st->seen.slots[i]);
	free(st->seen.slots);
	free(st);
	out->state = NULL;
}

const struct cl_output_ops cl_output_gitlab_ops = {
	.add = gitlab_add,
	.finish = gitlab_finish,
	.release = gitlab_release,
};
