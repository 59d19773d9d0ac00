/*
 * The regression corpus runner (mandoc-style): every *.xml under the given
 * directories is linted with all rules on, and its diagnostics, rendered
 * one per line, must equal the golden file beside it (X.xml → X.expected)
 * exactly. With UPDATE=1 in the environment, goldens are rewritten instead;
 * review them with `git diff` before committing.
 *
 * Golden line: LINE:COL-ENDLINE:ENDCOL SEVERITY RULE slug: message
 * followed by "  related LINE:COL-ENDLINE:ENDCOL: message" lines.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "connlint.h"
#include "util.h"

struct paths {
	char **v;
	size_t n, alloc;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *dir, struct paths *out)
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
			walk(p, out);
			free(p);
		} else if (n > 4 && !strcmp(e->d_name + n - 4, ".xml")) {
			CL_GROW(out->v, out->n + 1, out->alloc);
			out->v[out->n++] = p;
		} else {
			free(p);
		}
	}
	closedir(d);
}

static char *render(const cl_result *r)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, k;

	for (i = 0; i < cl_result_count(r); i++) {
		const cl_diag *d = cl_result_diag(r, i);
		const cl_rule *rule = cl_diag_rule(d);

		cl_strbuf_addf(&sb, "%u:%u-%u:%u %s %s %s: %s\n", cl_diag_line(d),
		               cl_diag_column(d), cl_diag_end_line(d),
		               cl_diag_end_column(d),
		               cl_severity_name(cl_diag_severity(d)), cl_rule_id(rule),
		               cl_rule_slug(rule), cl_diag_message(d));
		for (k = 0; k < cl_diag_related_count(d); k++) {
			unsigned l, c, el, ec;
			const char *m = cl_diag_related(d, k, &l, &c, &el, &ec);

			cl_strbuf_addf(&sb, "  related %u:%u-%u:%u: %s\n", l, c, el, ec, m);
		}
	}
	return cl_strbuf_detach(&sb);
}

static char *slurp(const char *path)
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

int main(int argc, char **argv)
{
	struct paths files = { NULL, 0, 0 };
	cl_linter *l = cl_linter_new();
	const char *update = getenv("UPDATE");
	size_t i, passed = 0, failed = 0;
	int a;

	for (a = 1; a < argc; a++)
		walk(argv[a], &files);
	if (argc < 2)
		walk("fixtures", &files);
	qsort(files.v, files.n, sizeof(*files.v), cmp_str);
	for (i = 0; i < files.n; i++) {
		const char *path = files.v[i];
		char *golden_path = cl_xasprintf("%.*s.expected",
		                                 (int)(strlen(path) - 4), path);
		const char *why = NULL;
		cl_result *r = cl_lint_file(l, path, NULL, &why);
		char *got = r ? render(r) : cl_xasprintf("unreadable: %s\n", why);
		char *want = slurp(golden_path);

		if (update && *update && *update != '0') {
			FILE *f = fopen(golden_path, "wb");

			if (!f || fputs(got, f) < 0 || fclose(f)) {
				fprintf(stderr, "corpus: cannot write %s\n", golden_path);
				return 2;
			}
			passed++;
		} else if (!want) {
			printf("FAIL %s: no golden file %s (run with UPDATE=1)\n", path,
			       golden_path);
			failed++;
		} else if (strcmp(want, got)) {
			printf("FAIL %s\n--- expected (%s)\n%s--- got\n%s", path,
			       golden_path, want, got);
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
	cl_linter_free(l);
	printf("corpus: %zu passed, %zu failed\n", passed, failed);
	return failed ? 1 : 0;
}
