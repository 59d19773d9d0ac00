/*
 * The regression corpus runner (mandoc-style): every *.xml under the given
 * directory is linted with all rules on, and its diagnostics, rendered
 * one per line, must equal the golden file beside it (X.xml → X.expected)
 * exactly. With UPDATE=1 in the environment, goldens are rewritten instead;
 * review them with `git diff` before committing.
 *
 *   corpus [DIR [FILTER]]
 *
 * DIR defaults to fixtures. With FILTER, only the files whose path
 * contains it are linted (or rewritten): `corpus fixtures CL303` runs the
 * cases of one rule.
 *
 * Whatever the filter, the run also fails on stray files anywhere under
 * DIR (as mandoc's regress-distcheck does): an X.expected with no X.xml
 * beside it, and an X.xml under a rules/, bad/, suppress/, schema/,
 * examples/ or real/ folder with no X.expected.
 *
 * Golden line: LINE:COL-ENDLINE:ENDCOL SEVERITY RULE slug: message
 * followed by "  related LINE:COL-ENDLINE:ENDCOL: message" lines.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "connlint.h"
#include "util.h"

struct paths {
	char **v;
	size_t n, alloc;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(const char *dir, struct paths *out, struct paths *goldens)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		fprintf(stderr, "corpus: cannot open %s\n", dir);
		exit(2);
	}
	while ((e = readdir(d))) {
		struct stat st;
		char *p;
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		p = cl_xasprintf("%s/%s", dir, e->d_name);
		if (stat(p, &st)) {
			free(p);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			walk(p, out, goldens);
			free(p);
		} else if (n > 10 &&
		           !strcmp(e->d_name + n - 10, ".rules.xml")) {
			/* a custom ruleset, as a directory walk skips it */
			free(p);
		} else if (n > 4 && !strcmp(e->d_name + n - 4, ".xml")) {
			CL_GROW(out->v, out->n + 1, out->alloc);
			out->v[out->n++] = p;
		} else if (n > 9 && !strcmp(e->d_name + n - 9, ".expected")) {
			CL_GROW(goldens->v, goldens->n + 1, goldens->alloc);
			goldens->v[goldens->n++] = p;
		} else {
			free(p);
		}
	}
	closedir(d);
}

static char *
render(const cl_result *r)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, k;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);
		const cl_rule *rule = cl_diag_rule(d);

		cl_strbuf_addf(&sb, "%u:%u-%u:%u %s %s %s: %s\n",
		               cl_diag_line(d), cl_diag_column(d),
		               cl_diag_end_line(d), cl_diag_end_column(d),
		               cl_severity_name(cl_diag_severity(d)),
		               cl_rule_id(rule), cl_rule_slug(rule),
		               cl_diag_message(d));
		for (k = 0; k < cl_diag_related_count(d); k++) {
			unsigned l, c, el, ec;
			const char *m = cl_diag_related(d, k, &l, &c, &el, &ec);

			cl_strbuf_addf(&sb, "  related %u:%u-%u:%u: %s\n", l, c,
			               el, ec, m);
		}
	}
	return cl_strbuf_detach(&sb);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		cl_strbuf_add(&sb, chunk, n);
	fclose(f);
	return cl_strbuf_detach(&sb);
}

/* The folders whose every .xml must have its golden file. */
static const char *const golden_dirs[] = { "rules",  "bad",      "suppress",
	                                   "schema", "examples", "real" };

/* Whether PATH has one of golden_dirs as a folder. */
static int
needs_golden(const char *path)
{
	size_t i, n;
	const char *p;

	for (i = 0; i < CL_ARRAY_SIZE(golden_dirs); i++) {
		n = strlen(golden_dirs[i]);
		for (p = path; (p = strstr(p, golden_dirs[i])); p += n)
			if ((p == path || p[-1] == '/') && p[n] == '/')
				return 1;
	}
	return 0;
}

/* PATH with its last OLD_LEN bytes replaced by NEW. Caller frees. */
static char *
swap_suffix(const char *path, size_t old_len, const char *new)
{
	return cl_xasprintf("%.*s%s", (int)(strlen(path) - old_len), path, new);
}

/*
 * Reports the stray files among XMLS and GOLDENS; returns how many. An
 * .xml whose path contains WRITING (non-NULL: UPDATE=1 with that filter)
 * is left out: the run writes its golden.
 */
static size_t
strays(const struct paths *xmls, const struct paths *goldens,
       const char *writing)
{
	size_t i, n = 0;

	for (i = 0; i < goldens->n; i++) {
		char *xml = swap_suffix(goldens->v[i], 9, ".xml");

		if (access(xml, F_OK)) {
			printf("FAIL %s: stray golden file, no %s\n",
			       goldens->v[i], xml);
			n++;
		}
		free(xml);
	}
	for (i = 0; i < xmls->n; i++) {
		char *golden = swap_suffix(xmls->v[i], 4, ".expected");

		if (needs_golden(xmls->v[i]) && access(golden, F_OK) &&
		    !(writing && strstr(xmls->v[i], writing))) {
			printf(
			    "FAIL %s: no golden file %s (run with UPDATE=1)\n",
			    xmls->v[i], golden);
			n++;
		}
		free(golden);
	}
	return n;
}

int
main(int argc, char **argv)
{
	struct paths files = { NULL, 0, 0 }, goldens = { NULL, 0, 0 };
	const char *dir = argc > 1 ? argv[1] : "fixtures";
	const char *filter = argc > 2 ? argv[2] : NULL;
	const char *update = getenv("UPDATE");
	int updating = update && *update && *update != '0';
	size_t i, passed = 0, failed = 0;
	cl_linter *l;

	if (argc > 3) {
		fprintf(stderr, "usage: corpus [DIR [FILTER]]\n");
		return 2;
	}
	walk(dir, &files, &goldens);
	qsort(files.v, files.n, sizeof(*files.v), cmp_str);
	qsort(goldens.v, goldens.n, sizeof(*goldens.v), cmp_str);
	/* With UPDATE=1 the run writes the missing goldens of what it lints. */
	failed =
	    strays(&files, &goldens, updating ? (filter ? filter : "") : NULL);
	l = cl_linter_new();
	for (i = 0; i < files.n; i++) {
		const char *path = files.v[i];
		char *golden_path, *got, *want;
		const char *why = NULL;
		cl_result *r;

		if (filter && !strstr(path, filter)) {
			free(files.v[i]);
			continue;
		}
		golden_path = swap_suffix(path, 4, ".expected");
		r = cl_lint_file(l, path, NULL, &why);
		got = r ? render(r) : cl_xasprintf("unreadable: %s\n", why);
		want = slurp(golden_path);
		if (updating) {
			FILE *f = fopen(golden_path, "wb");

			if (!f || fputs(got, f) < 0 || fclose(f)) {
				fprintf(stderr, "corpus: cannot write %s\n",
				        golden_path);
				return 2;
			}
			passed++;
		} else if (!want) {
			/* Under a golden_dir strays() has said it already. */
			if (!needs_golden(path)) {
				printf("FAIL %s: no golden file %s (run with "
				       "UPDATE=1)\n",
				       path, golden_path);
				failed++;
			}
		} else if (strcmp(want, got)) {
			printf("FAIL %s\n--- expected (%s)\n%s--- got\n%s",
			       path, golden_path, want, got);
			failed++;
		} else {
			passed++;
		}
		free(want);
		free(got);
		free(golden_path);
		cl_result_free(r);
		free(files.v[i]);
	}
	free(files.v);
	for (i = 0; i < goldens.n; i++)
		free(goldens.v[i]);
	free(goldens.v);
	cl_linter_free(l);
	printf("corpus: %zu passed, %zu failed\n", passed, failed);
	return failed ? 1 : 0;
}
