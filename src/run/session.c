/*
 * The public cl_session (connlint.h): what the connlint command does,
 * for any program. It finds the files to lint (walk.h), lints them in
 * worker threads (queue.h), hands each file's result to every output in
 * the order the files were found, writes the output files (outfile.h)
 * and turns what was found into the exit status. Messages go to the
 * caller's callback only. connlint diff (diffrun.c) runs through the
 * same machinery, with work of its own for each item (session_int.h).
 */
/* realpath(3) is XSI. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue.h"
#include "config.h"
#include "connlint.h"
#include "outfile.h"
#include "output.h"
#include "udiff.h"
#include "queue.h"
#include "result.h"
#include "rulelist.h"
#include "ruleset.h"
#include "session_int.h"
#include "settings.h"
#include "util.h"
#include "walk.h"
#include "registries.h"

/* The most worker threads (-j). */
#define MAX_JOBS 1024

/* A rule setting, replayed on the linter of every configuration met
 * (each configuration gets its own linter, so that worker threads only
 * ever read one). */
enum rule_op_kind {
	OP_SELECT,
	OP_IGNORE,
	OP_SEVERITY
};

struct rule_op {
	enum rule_op_kind kind;
	char *spec;
};

struct linter_for {
	const cl_config *config; /* NULL: none */
	cl_linter *linter;
};

/* One unit of work, in the order the paths were found. */
enum item_kind {
	ITEM_FILE,  /* lint the file at path */
	ITEM_STDIN, /* lint standard input, shown as path */
	ITEM_NOTE,  /* only deliver message */
	ITEM_JOB,   /* another command's work (session_int.h) */
};

struct item {
	enum item_kind kind;
	char *path;
	char *real; /* the file to read (a link resolved), or NULL: path */
	const cl_linter *linter;
	const cl_config *config; /* for fail-on */
	char *message;           /* for standard error, or NULL */
	bool trouble;            /* the message is about a failure */
	/* ITEM_NOTE: why PATH was not linted, for the outputs; NULL:
	 * nothing to record. */
	char *unlinted;
	/* Filled in by process(). */
	cl_result *result;  /* NULL: the file could not be read */
	const char *reason; /* why, static */
	char *entries;      /* for --write-baseline */
	size_t baselined;
	/* --fix, --diff, --add-suppressions: the text as read (NULL
	 * otherwise), the new text (NULL: nothing changes) and how many
	 * fixes or comments made it. */
	char *orig, *text;
	size_t orig_len, text_len, nfixed;
	/* --diff: orig as outputs show it, secrets masked */
	char *orig_shown;
	const char *undone; /* why the fixes were undone (static), or NULL */
	struct stat st;     /* the file before it was read */
	bool have_st;
	/* ITEM_JOB: the work, and what it gave besides result: a result
	 * reported before it (with its baseline entries and count), and
	 * a reason and path of its own when it failed. */
	cl_session_work_fn *work;
	void *job;
	void (*job_free)(void *job);
	cl_result *prior;
	char *prior_entries;
	size_t prior_baselined;
	char *reason_owned, *failed;
};

struct cl_session {
	/* The rules every linter knows: the built-in ones and those of
	 * --rules (a reference); a configuration may add its own. */
	const struct cl_registry *reg;
	cl_message_fn *message;
	void *message_data;
	struct rule_op *ops;
	size_t nops, ops_alloc;
	struct linter_for *linters; /* linters[0]: checked the settings */
	size_t nlinters, linters_alloc;
	enum cl_severity fail_on;
	bool fail_on_given; /* --fail-on: wins over the configuration */
	char *config_path;  /* --config */
	bool no_config;
	bool config_ready;        /* config or finder set up */
	cl_config *config;        /* --config, loaded */
	cl_config_finder *finder; /* NULL: --config or --no-config */
	char *baseline_path;
	cl_baseline *baseline;
	char *stdin_name;
	long jobs;
	unsigned flags;          /* standard output's */
	const char *color;       /* --color: "auto", "always", "never" */
	struct cl_outfile *outs; /* outs[0] is standard output */
	size_t nouts, outs_alloc;
	struct cl_outfile baseline_out; /* path NULL: none */
	bool writing_baseline;          /* baseline_out is open */
	size_t baselined;
	size_t path_errors; /* found while walking; trouble comes later */
	bool clobber;       /* an output file is also an input: write none */
	struct cl_outfile **files; /* the output files, baseline included */
	size_t nfiles;
	struct cl_queue q;
	bool problems; /* something at or above fail_on */
	bool trouble;  /* a path or a configuration could not be read */
	enum cl_column_unit column_unit; /* --column-unit */
	char *link_base;                 /* --link-base, or NULL */
	bool exit_zero;                  /* --exit-zero */
	unsigned fix_mode;               /* CL_SESSION_FIX, ... */
	char *suppress_reason;           /* --add-suppressions, or NULL */
	size_t fixed;                    /* fixes (or comments) applied */
	size_t fix_files;                /* files they changed */
	bool fix_stdin;      /* --fix of "-": the report to stderr */
	unsigned diff_flags; /* CL_DIFF_* (connlint diff) */
};

/* ---- messages ---------------------------------------------------------- */

static void
to_stderr(void *data, enum cl_message_kind kind, const char *text)
{
	(void)data;
	(void)kind;
	fputs(text, stderr);
}

/* "connlint: ", the message FMT formats and a line break, made safe for
 * a terminal or a CI log: file names and values in it come from the
 * input. Caller frees. */
static char *
vsafe_message(const char *fmt, va_list ap)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	char *safe, *line;

	cl_strbuf_vaddf(&sb, fmt, ap);
	safe = cl_safe_line(cl_strbuf_str(&sb));
	line = cl_xasprintf("connlint: %s\n", safe);
	cl_strbuf_release(&sb);
	free(safe);
	return line;
}

static void
vsay(cl_session *s, enum cl_message_kind kind, const char *fmt, va_list ap)
{
	char *line = vsafe_message(fmt, ap);

	s->message(s->message_data, kind, line);
	free(line);
}

void
cl_session_message(cl_session *s, enum cl_message_kind kind, const char *fmt,
                   ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(s, kind, fmt, ap);
	va_end(ap);
}

#define say(s, ...) cl_session_message((s), CL_MESSAGE_ERROR, __VA_ARGS__)
#define usage(s, ...) cl_session_message((s), CL_MESSAGE_USAGE, __VA_ARGS__)

/* Delivers ERROR (malloc'd, taken over) as an error message. */
static void
say_error(cl_session *s, char *error)
{
	say(s, "%s", error);
	free(error);
}

/* ---- settings ---------------------------------------------------------- */

cl_session *
cl_session_new(void)
{
	cl_session *s = cl_calloc(1, sizeof(*s));

	s->message = to_stderr;
	s->fail_on = CL_SEV_ERROR;
	s->stdin_name = cl_strdup("<stdin>");
	s->color = "auto";
	CL_GROW(s->linters, 1, s->linters_alloc);
	s->linters[0].config = NULL;
	s->reg = cl_registry_builtin();
	s->linters[0].linter = cl_linter_new_registry(s->reg);
	s->nlinters = 1;
	CL_GROW(s->outs, 1, s->outs_alloc);
	memset(&s->outs[0], 0, sizeof(s->outs[0]));
	s->outs[0].format = CL_FORMAT_TEXT;
	s->nouts = 1;
	s->baseline_out.option = "--write-baseline";
	return s;
}

void
cl_session_set_messages(cl_session *s, cl_message_fn *fn, void *data)
{
	s->message = fn ? fn : to_stderr;
	s->message_data = data;
}

static void
add_op(cl_session *s, enum rule_op_kind kind, const char *spec)
{
	CL_GROW(s->ops, s->nops + 1, s->ops_alloc);
	s->ops[s->nops].kind = kind;
	s->ops[s->nops++].spec = cl_strdup(spec);
}

/* Says that OPT was given NAME, which names no rule. */
static void
unknown_rule(cl_session *s, const struct cl_registry *reg, const char *opt,
             const char *name)
{
	char *msg = cl_registry_unknown_message(reg, name, false, NULL, NULL);

	cl_session_message(s, CL_MESSAGE_UNKNOWN_RULE, "%s: %s", opt, msg);
	free(msg);
}

static int setup_config(cl_session *s);

/*
 * A rule setting names nothing the session knows: when --config names a
 * configuration that has not been read, reads it now (its rulesets may
 * hold the rule) and says whether that brought new rules to check the
 * setting against.
 */
static bool
config_rules_help(cl_session *s)
{
	if (!s->config_path || s->no_config || s->config_ready)
		return false;
	if (setup_config(s) || !s->config)
		return false;
	return s->config->reg != s->reg;
}

/* --select or --ignore; returns 0, or -1 after a message. */
static int
select_rules(cl_session *s, bool ignore, const char *spec)
{
	const char *opt = ignore ? "--ignore" : "--select";
	cl_linter *linter = s->linters[0].linter;
	char *bad = NULL;
	int rc;

	/* An empty --select would quietly turn every rule off. */
	if (spec[strspn(spec, ", ")] == '\0') {
		usage(s, "%s: empty list; name rules by ID, slug or ID prefix",
		      opt);
		return -1;
	}
	rc = ignore ? cl_linter_ignore(linter, spec, &bad)
	            : cl_linter_select(linter, spec, &bad);
	if (rc && config_rules_help(s)) {
		/* the name may be one of --config's rulesets' */
		free(bad);
		bad = NULL;
		linter = s->linters[0].linter;
		rc = ignore ? cl_linter_ignore(linter, spec, &bad)
		            : cl_linter_select(linter, spec, &bad);
	}
	if (rc == 0) {
		add_op(s, ignore ? OP_IGNORE : OP_SELECT, spec);
		return 0;
	}
	unknown_rule(s, s->linters[0].linter->reg, opt, bad ? bad : spec);
	free(bad);
	return -1;
}

int
cl_session_select(cl_session *s, const char *spec)
{
	return select_rules(s, false, spec);
}

int
cl_session_ignore(cl_session *s, const char *spec)
{
	return select_rules(s, true, spec);
}

int
cl_session_severity(cl_session *s, const char *spec)
{
	char *error = NULL;

	if (cl_linter_severity(s->linters[0].linter, spec, &error) &&
	    config_rules_help(s)) {
		free(error);
		error = NULL;
		(void)cl_linter_severity(s->linters[0].linter, spec, &error);
	}
	if (error) {
		usage(s, "--severity: %s", error);
		free(error);
		return -1;
	}
	add_op(s, OP_SEVERITY, spec);
	return 0;
}

void
cl_session_set_fail_on(cl_session *s, enum cl_severity sev)
{
	s->fail_on = sev;
	s->fail_on_given = true;
}

static void
set_string(char **field, const char *value)
{
	free(*field);
	*field = value ? cl_strdup(value) : NULL;
}

void
cl_session_set_config(cl_session *s, const char *path)
{
	set_string(&s->config_path, path);
}

void
cl_session_no_config(cl_session *s)
{
	s->no_config = true;
}

void
cl_session_set_baseline(cl_session *s, const char *path)
{
	set_string(&s->baseline_path, path);
}

void
cl_session_write_baseline(cl_session *s, const char *path)
{
	set_string((char **)&s->baseline_out.path, path);
}

void
cl_session_set_format(cl_session *s, enum cl_format format, unsigned flags)
{
	s->outs[0].format = format;
	s->flags = flags;
}

int
cl_session_set_color(cl_session *s, const char *when)
{
	static const char *const values[] = { "auto", "always", "never" };
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(values); i++) {
		if (!strcmp(when, values[i])) {
			s->color = values[i];
			return 0;
		}
	}
	usage(s, "--color: unknown value '%s' (auto, always or never)", when);
	return -1;
}

static bool
auto_color(void)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (no_color && *no_color)
		return false;
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(STDOUT_FILENO);
}

void
cl_session_add_output(cl_session *s, enum cl_format format, const char *path)
{
	struct cl_outfile *o;

	CL_GROW(s->outs, s->nouts + 1, s->outs_alloc);
	o = &s->outs[s->nouts++];
	memset(o, 0, sizeof(*o));
	o->format = format;
	o->path = cl_strdup(path);
	o->option = "--output";
}

void
cl_session_set_jobs(cl_session *s, long jobs)
{
	s->jobs = jobs;
}

void
cl_session_set_stdin_name(cl_session *s, const char *name)
{
	set_string(&s->stdin_name, name);
}

void
cl_session_set_column_unit(cl_session *s, enum cl_column_unit unit)
{
	s->column_unit = unit;
}

void
cl_session_set_link_base(cl_session *s, const char *url)
{
	set_string(&s->link_base, url);
}

void
cl_session_set_exit_zero(cl_session *s, int on)
{
	s->exit_zero = on != 0;
}

void
cl_session_set_fix(cl_session *s, unsigned mode)
{
	s->fix_mode = mode;
}

int
cl_session_add_suppressions(cl_session *s, const char *reason)
{
	const char *why = NULL;

	if (cl_suppression_reason_check(reason, &why)) {
		usage(s, "--add-suppressions: '%s': %s", reason, why);
		return -1;
	}
	set_string(&s->suppress_reason, reason);
	return 0;
}

/* ---- the linters: one per configuration -------------------------------- */

/* A linter of the session's rules with its rule settings replayed. */
static cl_linter *
new_linter(cl_session *s, const struct cl_registry *reg)
{
	cl_linter *l = cl_linter_new_registry(reg);
	size_t i;

	/* Each setting was accepted on the first linter already. */
	for (i = 0; i < s->nops; i++) {
		const struct rule_op *op = &s->ops[i];

		if (op->kind == OP_SELECT)
			cl_linter_select(l, op->spec, NULL);
		else if (op->kind == OP_IGNORE)
			cl_linter_ignore(l, op->spec, NULL);
		else
			cl_linter_severity(l, op->spec, NULL);
	}
	return l;
}

int
cl_session_add_rules(cl_session *s, const char *path)
{
	struct cl_ruleset *rs;
	struct cl_registry *reg;
	char *error = NULL;

	if (s->config_ready || s->nlinters > 1)
		BUG("--rules after the run started");
	if (!(rs = cl_ruleset_load(path, NULL, &error))) {
		say_error(s, error);
		return -1;
	}
	reg = cl_registry_extend(s->reg, rs, &error);
	cl_ruleset_unref(rs);
	if (!reg) {
		cl_session_message(s, CL_MESSAGE_ERROR, "%s: error: %s", path,
		                   error);
		free(error);
		return -1;
	}
	cl_registry_unref(s->reg);
	s->reg = reg;
	/* The first linter, which checks the rule settings, learns the
	 * new rules; the settings given so far still hold. */
	cl_linter_free(s->linters[0].linter);
	s->linters[0].linter = new_linter(s, s->reg);
	return 0;
}

/* The rules of the session and of --config's rulesets: what
 * --list-rules, --explain and the outputs describe. */
static const struct cl_registry *
described(cl_session *s)
{
	if (s->config_path && !s->no_config && !setup_config(s) && s->config)
		return s->config->reg;
	return s->reg;
}

static const cl_linter *
linter_for(cl_session *s, const cl_config *config)
{
	cl_linter *l;
	size_t i;

	for (i = 0; i < s->nlinters; i++)
		if (s->linters[i].config == config)
			return s->linters[i].linter;
	/* Made with the configuration's rules, so that the settings may
	 * name the rules of its rulesets too. */
	l = new_linter(s, config ? config->reg : s->reg);
	cl_linter_set_config(l, config);
	CL_GROW(s->linters, s->nlinters + 1, s->linters_alloc);
	s->linters[s->nlinters].config = config;
	s->linters[s->nlinters].linter = l;
	s->nlinters++;
	return l;
}

/* Reads --config, or starts the finder; once. Returns -1 after a
 * message. */
static int
setup_config(cl_session *s)
{
	char *error = NULL;

	if (s->config_ready)
		return 0;
	s->config_ready = true;
	if (s->config_path) {
		if (!(s->config = cl_config_load_registry(s->config_path,
		                                          s->reg, &error))) {
			say_error(s, error);
			return -1;
		}
		/* The first linter, which checks the rule settings, serves
		 * the files its configuration applies to: made again with
		 * its rules, the settings so far replayed. */
		cl_linter_free(s->linters[0].linter);
		s->linters[0].linter = new_linter(s, s->config->reg);
		cl_linter_set_config(s->linters[0].linter, s->config);
		s->linters[0].config = s->config;
	} else if (!s->no_config) {
		s->finder = cl_config_finder_new();
		cl_config_finder_set_registry(s->finder, s->reg);
	}
	return 0;
}

/* The linter for the file NAME and its configuration in *CONFIG; NULL
 * when that configuration is not valid (its message is in *ERROR, or
 * NULL when it was given before). */
static const cl_linter *
linter_for_path(cl_session *s, const char *name, const cl_config **config,
                const char **error)
{
	*config = s->config;
	*error = NULL;
	if (s->finder && cl_config_find(s->finder, name, config, error))
		return NULL;
	return linter_for(s, *config);
}

cl_result *
cl_session_lint_buffer(cl_session *s, const char *name, const char *buf,
                       size_t len)
{
	const cl_linter *linter;
	const cl_config *config;
	const char *error;

	if (setup_config(s))
		return NULL;
	if (!(linter = linter_for_path(s, name, &config, &error))) {
		if (error)
			say(s, "%s", error);
		return NULL;
	}
	return cl_lint_memory(linter, name, buf, len);
}

void
cl_session_reload_config(cl_session *s)
{
	size_t k;

	/* linters[0] checked the rule settings and stays; the others
	 * belong to configurations about to be freed. */
	for (k = 1; k < s->nlinters; k++)
		cl_linter_free(s->linters[k].linter);
	s->nlinters = 1;
	s->linters[0].config = NULL;
	cl_linter_set_config(s->linters[0].linter, NULL);
	cl_config_free(s->config);
	s->config = NULL;
	cl_config_finder_free(s->finder);
	s->finder = NULL;
	s->config_ready = false;
}

/* ---- --show-config ---------------------------------------------------- */

/* "KEY: VALUE" with VALUE (from a file or the command line) made safe. */
static void
show_line(FILE *out, const char *key, const char *value, const char *from)
{
	char *safe = cl_safe_line(value), *where = NULL;

	if (from)
		where = cl_safe_line(from);
	fprintf(out, "%-22s %s%s%s%s\n", key, safe, where ? " (" : "",
	        where ? where : "", where ? ")" : "");
	free(safe);
	free(where);
}

/* Which configuration applies and where the fail-on, redirect URIs and
 * placeholders come from. */
static void
show_settings(const cl_session *s, const struct cl_config *c, FILE *out)
{
	size_t i;

	if (c)
		show_line(out, "configuration:", c->path,
		          s->config ? "--config" : NULL);
	else
		show_line(out, "configuration:", "none",
		          s->no_config ? "--no-config" : NULL);
	if (s->fail_on_given)
		show_line(out, "fail-on:", cl_severity_name(s->fail_on),
		          "--fail-on");
	else if (c && c->has_fail_on)
		show_line(out, "fail-on:", cl_severity_name(c->fail_on),
		          c->path);
	else
		show_line(out, "fail-on:", "error", "default");
	if (!c || !c->has_redirect_uris)
		show_line(out, "redirect-uri:",
		          "the platform's production and staging callback URIs",
		          "default");
	for (i = 0; c && i < c->nredirect_uris; i++)
		show_line(out, "redirect-uri:", c->redirect_uris[i], c->path);
	if (!c || !c->nplatform_placeholders)
		show_line(out, "platform-placeholder:", "none", "default");
	for (i = 0; c && i < c->nplatform_placeholders; i++)
		show_line(out,
		          "platform-placeholder:", c->platform_placeholders[i],
		          c->path);
}

/* One rule's line: ID, slug, severity or off, and what decided it. */
static void
show_rule(const cl_linter *l, const struct cl_config *c, size_t i,
          const char *path, int slug_width, FILE *out)
{
	const cl_rule *r = l->reg->rules[i];
	struct cl_rule_origin o;
	char *where, *safe;

	cl_linter_rule_origin(l, i, path, &o);
	if (o.origin == CL_ORIGIN_DEFAULT)
		where = cl_strdup("default");
	else if (o.origin == CL_ORIGIN_COMMAND_LINE)
		where = cl_strdup(o.setting);
	else if (o.pattern)
		where = cl_xasprintf("%s <path pattern=\"%s\">", c->path,
		                     o.pattern);
	else
		where = cl_xasprintf("%s %s", c->path, o.setting);
	safe = cl_safe_line(where);
	fprintf(out, "  %s  %-*s  %-7s  %s\n", cl_rule_id(r), slug_width,
	        cl_rule_slug(r),
	        o.enabled ? cl_severity_name(o.severity) : "off", safe);
	free(safe);
	free(where);
}

int
cl_session_show_config(cl_session *s, const char *path, FILE *out)
{
	const cl_linter *linter;
	const cl_config *config;
	const char *error;
	size_t i, n;
	int width = 0;

	if (s->config_path && s->no_config) {
		usage(s, "--config and --no-config cannot be used together");
		return -1;
	}
	if (!strcmp(path, "-"))
		path = s->stdin_name;
	if (setup_config(s))
		return -1;
	if (!(linter = linter_for_path(s, path, &config, &error))) {
		if (error)
			say(s, "%s", error);
		return -1;
	}
	show_line(out, "file:", path, NULL);
	show_settings(s, config, out);
	n = linter->reg->count;
	for (i = 0; i < n; i++)
		if ((int)strlen(linter->reg->rules[i]->slug) > width)
			width = (int)strlen(linter->reg->rules[i]->slug);
	fputs("rules:\n", out);
	for (i = 0; i < n; i++)
		show_rule(linter, config, i, path, width, out);
	return 0;
}

/* ---- linting and printing, in order ------------------------------------ */

/* A copy of the LEN bytes at P, NUL-terminated. Caller frees. */
static char *
memdup0(const char *p, size_t len)
{
	char *q = cl_malloc(len + 1);

	memcpy(q, p, len);
	q[len] = '\0';
	return q;
}

/* --fix, --diff, --add-suppressions on IT's result (a worker thread):
 * the new text in it->text, and the result of it in it->result. */
static void
transform(const cl_session *s, struct item *it)
{
	const struct cl_result *r = it->result;

	/* for the diff, for standard input, and to report the file as it
	 * stays when the fixed text cannot be written */
	it->orig = memdup0(r->buf, r->len);
	it->orig_len = r->len;
	/* --diff shows the source: masked, as every output (a hunk that
	 * holds a secret then shows `sk_l****` and no longer applies as a
	 * patch; docs/fixes.md) */
	if (s->fix_mode & CL_SESSION_DIFF)
		it->orig_shown =
		    memdup0(cl_result_shown(r) ? cl_result_shown(r) : "",
		            cl_result_shown(r) ? r->len : 0);
	if (s->suppress_reason) {
		it->text = cl_add_suppressions(r, s->suppress_reason,
		                               &it->text_len, &it->nfixed);
		if (it->text) {
			cl_result_free(it->result);
			it->result = cl_lint_memory(it->linter, it->path,
			                            it->text, it->text_len);
		}
		return;
	}
	if (cl_fix_result(it->linter, &it->result,
	                  (s->fix_mode & CL_SESSION_UNSAFE_FIXES) != 0,
	                  &it->text, &it->text_len, &it->nfixed, &it->undone))
		it->nfixed = 0;
}

/* Lints IT; runs on a worker thread and reads nothing shared but the
 * linters, the configurations and the baseline, which nobody changes
 * while workers run. */
static void
process(void *data, void *item)
{
	const cl_session *s = data;
	struct item *it = item;
	bool fixing = s->fix_mode || s->suppress_reason;

	if (it->kind == ITEM_FILE) {
		const char *file = it->real ? it->real : it->path;

		/* what the file was, to see whether it changed before the
		 * fixed text replaces it */
		if (fixing)
			it->have_st = !stat(file, &it->st);
		it->result =
		    cl_lint_file(it->linter, file, it->path, &it->reason);
	} else if (it->kind == ITEM_STDIN) {
		it->result = cl_lint_fd(it->linter, 0, it->path, &it->reason);
	} else if (it->kind == ITEM_JOB) {
		struct cl_session_work out = { NULL, NULL, NULL, NULL };

		it->work(it->job, it->linter, s->diff_flags, &out);
		it->result = out.result;
		it->prior = out.prior;
		it->reason = it->reason_owned = out.reason;
		it->failed = out.failed;
		if (!it->result) {
			cl_result_free(it->prior);
			it->prior = NULL;
		}
		fixing = false; /* refused by cl_session_begin */
	}
	if (!it->result)
		return;
	if (fixing)
		transform(s, it);
	/* Before the baseline is applied: a new baseline records what is
	 * found today, whatever the old one held. */
	if (s->writing_baseline) {
		it->entries = cl_baseline_entries(it->result);
		if (it->prior)
			it->prior_entries = cl_baseline_entries(it->prior);
	}
	if (s->baseline) {
		it->baselined = cl_baseline_apply(s->baseline, it->result);
		if (it->prior)
			it->prior_baselined =
			    cl_baseline_apply(s->baseline, it->prior);
	}
}

/* The temporary file slot of a fixed file (after the output files'). */
static size_t
fix_slot(const cl_session *s)
{
	return s->nouts + 1;
}

/* --fix and --add-suppressions on the caller's thread: writes IT's new
 * text (standard input's text, new or not, to standard output). A file
 * that could not be written is trouble (exit 2): it is reported as it
 * stays, its fixes not counted. */
static void
emit_fixed(cl_session *s, struct item *it)
{
	char *error = NULL;

	if (it->undone)
		say(s, "%s: no fix applied: %s", it->path, it->undone);
	if (it->kind == ITEM_STDIN) {
		const char *t = it->text ? it->text : it->orig;
		size_t n = it->text ? it->text_len : it->orig_len;

		errno = 0;
		if (fwrite(t, 1, n, stdout) != n) {
			say(s, "%s: error writing the fixed text: %s", it->path,
			    strerror(errno ? errno : EIO));
			s->trouble = true;
		}
	} else if (it->text) {
		if (!it->have_st) {
			error = cl_xasprintf("%s: cannot tell what it was "
			                     "before; not fixed",
			                     it->path);
		} else {
			cl_outfile_replace(it->real ? it->real : it->path,
			                   it->text, it->text_len, &it->st,
			                   fix_slot(s), &error);
		}
		if (error) {
			say_error(s, error);
			s->trouble = true;
			it->nfixed = 0;
			cl_result_free(it->result);
			it->result = cl_lint_memory(it->linter, it->path,
			                            it->orig, it->orig_len);
			if (s->writing_baseline) {
				free(it->entries);
				it->entries = cl_baseline_entries(it->result);
			}
			if (s->baseline)
				it->baselined =
				    cl_baseline_apply(s->baseline, it->result);
			return;
		}
	}
	if (it->text && it->nfixed) {
		s->fixed += it->nfixed;
		s->fix_files++;
	}
}

/* --diff on the caller's thread: IT's diff on standard output. */
static void
emit_diff(cl_session *s, struct item *it)
{
	char *diff, *name;

	if (it->undone)
		say(s, "%s: no fix applied: %s", it->path, it->undone);
	if (it->text) {
		/* a name with a line break would end the header */
		name = cl_safe_line(it->path);
		/* it->result is the lint of it->text: its masked copy is the
		 * text as shown */
		const char *shown = cl_result_shown(it->result);

		diff = shown ? cl_udiff(name, it->orig_shown,
		                        strlen(it->orig_shown), shown,
		                        it->result->len)
		             : cl_strdup("");
		fputs(diff, stdout);
		free(diff);
		free(name);
		s->fixed += it->nfixed;
		s->fix_files++;
	}
	cl_result_free(it->result);
}

/* Renders R (a result of IT, taken over: freed), which the baseline
 * held BASELINED findings of and whose baseline ENTRIES are for
 * --write-baseline, to every output; on the caller's thread. */
static void
render(cl_session *s, const struct item *it, cl_result *r, size_t baselined,
       const char *entries)
{
	enum cl_severity fail_on = s->fail_on;
	size_t i, dropped;
	int sev;

	if (!s->fail_on_given && it->config)
		cl_config_fail_on(it->config, &fail_on);
	for (sev = fail_on; sev <= CL_SEV_ERROR; sev++)
		if (cl_result_count_severity(r, (enum cl_severity)sev))
			s->problems = true;
	for (i = 0; i < s->nouts; i++) {
		cl_output_add_baselined(s->outs[i].output, baselined);
		cl_output_add_fixed(s->outs[i].output, it->nfixed);
		errno = 0;
		cl_output_add(s->outs[i].output, r);
		if (i)
			cl_outfile_check(&s->outs[i]);
	}
	if ((dropped = cl_result_dropped(r)))
		cl_session_message(s, CL_MESSAGE_NOTE,
		                   "%s: %zu more "
		                   "finding%s not shown (at most %d a file)",
		                   cl_result_file(r), dropped,
		                   dropped == 1 ? "" : "s",
		                   CL_MAX_DIAGS_PER_FILE);
	if (s->writing_baseline && entries) {
		errno = 0;
		fputs(entries, s->baseline_out.f);
		cl_outfile_check(&s->baseline_out);
	}
	s->baselined += baselined;
	cl_result_free(r);
}

/* Renders IT to every output and frees it; on the caller's thread. */
static void
emit(void *data, void *item)
{
	cl_session *s = data;
	struct item *it = item;
	size_t i;

	if (it->message)
		s->message(s->message_data,
		           it->trouble ? CL_MESSAGE_ERROR : CL_MESSAGE_NOTE,
		           it->message);
	if (it->trouble)
		s->trouble = true;
	if (it->kind == ITEM_NOTE) {
		/* nothing was linted; the machine-readable formats say
		 * which path was not */
		for (i = 0; it->unlinted && i < s->nouts; i++)
			cl_output_add_error(s->outs[i].output, it->path,
			                    it->unlinted);
	} else if (!it->result) {
		const char *reason = it->reason ? it->reason : "cannot read";
		const char *path = it->failed ? it->failed : it->path;

		say(s, "%s: %s", path, reason);
		s->trouble = true;
		for (i = 0; i < s->nouts; i++)
			cl_output_add_error(s->outs[i].output, path, reason);
	} else if (s->fix_mode & CL_SESSION_DIFF) {
		emit_diff(s, it);
	} else {
		if (s->fix_mode || s->suppress_reason)
			emit_fixed(s, it);
		if (it->prior)
			render(s, it, it->prior, it->prior_baselined,
			       it->prior_entries);
		render(s, it, it->result, it->baselined, it->entries);
	}
	if (it->job_free)
		it->job_free(it->job);
	free(it->orig);
	free(it->orig_shown);
	free(it->text);
	free(it->path);
	free(it->real);
	free(it->message);
	free(it->unlinted);
	free(it->entries);
	free(it->prior_entries);
	free(it->reason_owned);
	free(it->failed);
	free(it);
}

/* A note item: trouble or not, with the message FMT and AP format for
 * standard error ("connlint: " and it, made safe; FMT NULL: none). */
static struct item *
note_item(bool trouble, const char *fmt, va_list ap)
{
	struct item *it = cl_calloc(1, sizeof(*it));

	if (fmt)
		it->message = vsafe_message(fmt, ap);
	it->kind = ITEM_NOTE;
	it->trouble = trouble;
	return it;
}

/* A message for standard error, in its place among the results; FMT
 * NULL: no message, only the trouble. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
note(cl_session *s, bool trouble, const char *fmt, ...)
{
	struct item *it;
	va_list ap;

	va_start(ap, fmt);
	it = note_item(trouble, fmt, ap);
	va_end(ap);
	cl_queue_submit(&s->q, it, false);
}

/* The failure to lint PATH for REASON, in its place among the results:
 * for standard error the message FMT formats (as note() does; FMT NULL:
 * none), and for every output PATH and REASON. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void
unlinted(cl_session *s, const char *path, const char *reason, const char *fmt,
         ...)
{
	struct item *it;
	va_list ap;

	va_start(ap, fmt);
	it = note_item(true, fmt, ap);
	va_end(ap);
	it->path = cl_strdup(path);
	it->unlinted = cl_strdup(reason);
	cl_queue_submit(&s->q, it, false);
}

static void
path_error(void *data, const char *path, const char *reason)
{
	cl_session *s = data;

	s->path_errors++;
	unlinted(s, path, reason, "%s: %s", path, reason);
}

static void
link_outside(void *data, const char *path, const char *root)
{
	note(data, false,
	     "%s: symbolic link to a file outside %s; not "
	     "followed",
	     path, root);
}

/*
 * true (after a message) when the file ST describes, shown as PATH, is
 * one of the output files: linting it and then replacing it with a report
 * would destroy the input. The run then writes no output file and exits 2.
 */
/* The output file that is the file ST describes (same device and
 * inode), or NULL. */
static const struct cl_outfile *
output_file_of(const cl_session *s, const struct stat *st)
{
	size_t k;

	for (k = 0; k < s->nfiles; k++)
		if (s->files[k]->exists && s->files[k]->dev == st->st_dev &&
		    s->files[k]->ino == st->st_ino)
			return s->files[k];
	return NULL;
}

static bool
is_output_file(cl_session *s, const char *path, const struct stat *st)
{
	const struct cl_outfile *o = output_file_of(s, st);

	if (!o)
		return false;
	note(s, true,
	     "%s: %s is also a file to lint (%s); no output file is "
	     "written",
	     o->option, o->path, path);
	s->clobber = true;
	return true;
}

/* The linter for the file PATH, or NULL when the configuration that
 * applies to it is not valid: then the outputs get PATH as not VERB
 * ("linted", "compared"), and standard error the configuration's
 * message, once. */
static const cl_linter *
linter_or_unlinted(cl_session *s, const char *path, const char *verb,
                   const cl_config **config)
{
	const cl_linter *linter;
	const char *error;
	char *reason;

	if ((linter = linter_for_path(s, path, config, &error)))
		return linter;
	if (error) {
		reason = cl_xasprintf("not %s: %s", verb, error);
		unlinted(s, path, reason, "%s", error);
	} else {
		reason = cl_xasprintf("not %s: the configuration file that "
		                      "applies to it is not valid",
		                      verb);
		unlinted(s, path, reason, NULL);
	}
	free(reason);
	return NULL;
}

/*
 * Queues the file at PATH (ITEM_FILE; read from REAL when not NULL, which
 * is taken over) or standard input shown as PATH (ITEM_STDIN), with the
 * linter for the configuration that applies to it. When that
 * configuration is not valid, its message is given once and the file is
 * not linted.
 */
static void
lint_item(cl_session *s, enum item_kind kind, const char *path, char *real)
{
	struct item *it;
	const cl_config *config;
	const cl_linter *linter;

	if (!(linter = linter_or_unlinted(s, path, "linted", &config))) {
		free(real);
		return;
	}
	it = cl_calloc(1, sizeof(*it));
	it->kind = kind;
	it->path = cl_strdup(path);
	it->real = real;
	it->config = config;
	it->linter = linter;
	cl_queue_submit(&s->q, it, true);
}

/* Queues the file at PATH that ST describes (stat(2), links followed),
 * unless it is an output file. */
static void
lint_file(void *data, const char *path, const struct stat *st, char *real)
{
	cl_session *s = data;

	if (is_output_file(s, path, st))
		free(real);
	else
		lint_item(s, ITEM_FILE, path, real);
}

static const struct cl_walk_ops walk_ops = { lint_file, path_error,
	                                     link_outside };

static void
lint_path(cl_session *s, const char *path)
{
	struct stat st;

	if (!strcmp(path, "-")) {
		lint_item(s, ITEM_STDIN, s->stdin_name, NULL);
	} else if (stat(path, &st)) {
		path_error(s, path, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		size_t before = s->path_errors;
		char *root = realpath(path, NULL);

		if (!root) {
			path_error(s, path, strerror(errno));
			return;
		}
		/* An empty directory is worth a word but is not an error;
		 * one whose entries failed has been reported already. */
		if (!cl_walk(path, root, &walk_ops, s) &&
		    s->path_errors == before)
			note(s, false, "%s: no .xml files found", path);
		free(root);
	} else {
		/* Named on the command line: followed wherever it leads. */
		lint_file(s, path, &st, NULL);
	}
}

/* ---- the run ----------------------------------------------------------- */

/* Checks the output files before anything is written: what they name,
 * that no two are one, that none is a file to lint or a connector.
 * Returns -1 after a message. */
static int
check_outputs(cl_session *s, char *const *paths, size_t npaths)
{
	char *error = NULL;
	size_t i, j, k;

	s->files = cl_calloc(s->nouts, sizeof(*s->files));
	for (k = 1; k < s->nouts; k++)
		s->files[s->nfiles++] = &s->outs[k];
	if (s->baseline_out.path)
		s->files[s->nfiles++] = &s->baseline_out;
	for (k = 0; k < s->nfiles; k++) {
		if (cl_outfile_resolve(s->files[k], &error)) {
			say_error(s, error);
			return -1;
		}
		for (j = 0; j < k; j++) {
			if (!cl_outfile_same(s->files[j], s->files[k]))
				continue;
			/* One file, two spellings: one report would be lost. */
			if (!strcmp(s->files[j]->path, s->files[k]->path))
				usage(s, "%s: %s given twice",
				      s->files[k]->option, s->files[k]->path);
			else
				usage(s, "%s: %s and %s %s are one file",
				      s->files[k]->option, s->files[k]->path,
				      s->files[j]->option, s->files[j]->path);
			return -1;
		}
	}
	/* An output that is a file named to lint would replace it. */
	for (i = 0; i < npaths; i++) {
		const struct cl_outfile *o;
		struct stat st;

		if (!strcmp(paths[i], "-") || stat(paths[i], &st) ||
		    S_ISDIR(st.st_mode) || !(o = output_file_of(s, &st)))
			continue;
		usage(s, "%s: %s is also a file to lint (%s)", o->option,
		      o->path, paths[i]);
		return -1;
	}
	/* "--write-baseline *.xml": the first connector is no report */
	for (k = 0; k < s->nfiles; k++) {
		if (s->files[k]->connector) {
			usage(s,
			      "%s: %s is a connector definition; not replacing "
			      "it with a report",
			      s->files[k]->option, s->files[k]->path);
			return -1;
		}
	}
	return 0;
}

/* The combinations of --fix, --diff, --unsafe-fixes and
 * --add-suppressions that make sense; -1 after a usage message. */
static int
check_fix_mode(cl_session *s, char *const *paths, size_t npaths)
{
	unsigned m = s->fix_mode;
	size_t i;

	if ((m & CL_SESSION_FIX) && (m & CL_SESSION_DIFF)) {
		usage(s, "--fix and --diff cannot be used together");
		return -1;
	}
	if ((m & CL_SESSION_UNSAFE_FIXES) &&
	    !(m & (CL_SESSION_FIX | CL_SESSION_DIFF))) {
		usage(s, "--unsafe-fixes: only with --fix or --diff");
		return -1;
	}
	if (s->suppress_reason &&
	    (m & (CL_SESSION_FIX | CL_SESSION_UNSAFE_FIXES))) {
		usage(s, "--add-suppressions cannot be used with --fix or "
		         "--unsafe-fixes");
		return -1;
	}
	if ((m & CL_SESSION_DIFF) && (s->nouts > 1 || s->baseline_out.path)) {
		usage(s, "--diff: prints only the diff; no --output or "
		         "--write-baseline");
		return -1;
	}
	/* Standard input fixed: its text is standard output, so the
	 * report goes to standard error. */
	for (i = 0; i < npaths && !(m & CL_SESSION_DIFF); i++)
		if ((m & CL_SESSION_FIX || s->suppress_reason) &&
		    !strcmp(paths[i], "-"))
			s->fix_stdin = true;
	if (s->fix_mode & CL_SESSION_FIX)
		s->flags |= CL_OUTPUT_FIX;
	return 0;
}

/* Creates every output before anything is linted, so that a directory
 * that does not exist is reported at once. Returns -1 after a message. */
static int
open_outputs(cl_session *s)
{
	char *error = NULL;
	size_t k;

	/* An interrupted run removes its temporary files (the output
	 * files', the baseline's, a fixed file's). */
	cl_outfile_prepare(s->nouts + 2);
	for (k = 1; k < s->nouts; k++) {
		if (cl_outfile_open(&s->outs[k], k, &error)) {
			say_error(s, error);
			return -1;
		}
	}
	if (s->baseline_out.path) {
		if (cl_outfile_open(&s->baseline_out, s->nouts, &error)) {
			say_error(s, error);
			return -1;
		}
		fputs(CL_BASELINE_HEADER "\n", s->baseline_out.f);
		s->writing_baseline = true;
	}
	s->outs[0].f = s->fix_stdin ? stderr : stdout;
	if (!strcmp(s->color, "always") ||
	    (!strcmp(s->color, "auto") && !s->fix_stdin && auto_color()))
		s->flags |= CL_OUTPUT_COLOR;
	for (k = 0; k < s->nouts; k++) {
		/* Colour and statistics are for standard output only: a
		 * report file gets every finding. */
		unsigned f =
		    k ? s->flags & ~(CL_OUTPUT_COLOR | CL_OUTPUT_STATISTICS)
		      : s->flags;

		s->outs[k].output =
		    cl_output_new(s->outs[k].format, s->outs[k].f, f);
		cl_output_set_column_unit(s->outs[k].output, s->column_unit);
		cl_output_set_registry(s->outs[k].output, described(s));
		cl_output_set_link_base(s->outs[k].output, s->link_base);
	}
	return 0;
}

/* What was fixed, on standard error, where the summary line does not say
 * it: --diff, a format other than text, --add-suppressions. */
static void
fix_notes(cl_session *s)
{
	const char *what =
	    s->suppress_reason
	        ? s->fixed == 1 ? "suppression comment" : "suppression comments"
	    : s->fixed == 1 ? "fix"
	                    : "fixes";
	const char *files = s->fix_files == 1 ? "file" : "files";

	if (s->flags & CL_OUTPUT_QUIET)
		return;
	if (s->fix_mode & CL_SESSION_DIFF)
		cl_session_message(s, CL_MESSAGE_NOTE,
		                   "%zu %s would be applied in %zu %s",
		                   s->fixed, what, s->fix_files, files);
	else if (s->suppress_reason)
		cl_session_message(s, CL_MESSAGE_NOTE, "%zu %s added in %zu %s",
		                   s->fixed, what, s->fix_files, files);
	else if ((s->fix_mode & CL_SESSION_FIX) &&
	         s->outs[0].format != CL_FORMAT_TEXT)
		cl_session_message(s, CL_MESSAGE_NOTE, "%zu fixed in %zu %s",
		                   s->fixed, s->fix_files, files);
}

static long
online_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : n;
}

/*
 * How many workers: -j, else the online processors; never more than the
 * files when every path is a file (a pre-commit hook lints one or two,
 * and starting threads for them costs more than linting them).
 */
static long
jobs_for(const cl_session *s, char *const *paths, size_t npaths)
{
	long jobs = s->jobs ? s->jobs : online_processors();
	struct stat st;
	size_t i;

	if ((size_t)jobs <= npaths)
		return jobs;
	for (i = 0; i < npaths; i++)
		if (strcmp(paths[i], "-") &&
		    (stat(paths[i], &st) || S_ISDIR(st.st_mode)))
			return jobs;
	return (long)npaths;
}

int
cl_session_refuse_fix(cl_session *s, const char *command)
{
	const char *opt = s->fix_mode & CL_SESSION_FIX    ? "--fix"
	                  : s->fix_mode & CL_SESSION_DIFF ? "--diff"
	                  : s->fix_mode & CL_SESSION_UNSAFE_FIXES
	                      ? "--unsafe-fixes"
	                  : s->suppress_reason ? "--add-suppressions"
	                                       : NULL;

	if (!opt)
		return 0;
	usage(s,
	      "%s: %s applies to a plain lint only (run connlint %s on "
	      "the files)",
	      command, opt, opt);
	return -1;
}

int
cl_session_begin(cl_session *s, const char *command, char *const *paths,
                 size_t npaths)
{
	char *error = NULL;

	if (s->config_path && s->no_config) {
		usage(s, "--config and --no-config cannot be used together");
		return 2;
	}
	if (!npaths) {
		usage(s, "no PATH given");
		return 2;
	}
	/* Counts are a view for people; programs get the findings. */
	if ((s->flags & CL_OUTPUT_STATISTICS) &&
	    s->outs[0].format != CL_FORMAT_TEXT) {
		usage(s, "--statistics: only with the text format; write "
		         "another format to a file with --output FORMAT=FILE");
		return 2;
	}
	if (command && cl_session_refuse_fix(s, command))
		return 2;
	if (check_fix_mode(s, paths, npaths) ||
	    check_outputs(s, paths, npaths) || setup_config(s))
		return 2;
	if (s->baseline_path) {
		if (!(s->baseline =
		          cl_baseline_load(s->baseline_path, &error))) {
			say_error(s, error);
			return 2;
		}
		s->flags |= CL_OUTPUT_BASELINE;
	}
	if (open_outputs(s))
		return 2;

	s->q.process = process;
	s->q.emit = emit;
	s->q.data = s;
	cl_queue_start(&s->q, jobs_for(s, paths, npaths));
	return 0;
}

int
cl_session_end(cl_session *s)
{
	char *error = NULL;
	size_t k;
	int status;

	cl_queue_finish(&s->q);
	for (k = 0; k < s->nouts && !(s->fix_mode & CL_SESSION_DIFF); k++) {
		errno = 0;
		cl_output_finish(s->outs[k].output);
		if (k)
			cl_outfile_check(&s->outs[k]);
	}
	fix_notes(s);
	/* The text format says it in its summary line; elsewhere standard
	 * output is for programs. */
	if (s->baseline && s->outs[0].format != CL_FORMAT_TEXT &&
	    !(s->flags & CL_OUTPUT_QUIET))
		cl_session_message(s, CL_MESSAGE_NOTE,
		                   "%zu finding%s held back "
		                   "by the baseline %s",
		                   s->baselined, s->baselined == 1 ? "" : "s",
		                   s->baseline_path);

	status = s->trouble ? 2 : s->problems && !s->exit_zero ? 1 : 0;
	/* --diff: whether there is something to fix */
	if (s->fix_mode & CL_SESSION_DIFF)
		status = s->trouble ? 2 : s->fix_files && !s->exit_zero ? 1 : 0;
	if (s->clobber) {
		/* said when it was found; every output is left as it was */
		status = 2;
	} else {
		for (k = 1; k < s->nouts; k++) {
			if (cl_outfile_commit(&s->outs[k], k, &error)) {
				say_error(s, error);
				status = 2;
			}
		}
		if (s->writing_baseline &&
		    cl_outfile_commit(&s->baseline_out, s->nouts, &error)) {
			say_error(s, error);
			status = 2;
		}
	}
	return status;
}

int
cl_session_run(cl_session *s, char *const *paths, size_t npaths)
{
	size_t i;
	int status;

	if ((status = cl_session_begin(s, NULL, paths, npaths)))
		return status;
	for (i = 0; i < npaths; i++)
		lint_path(s, paths[i]);
	return cl_session_end(s);
}

/* ---- for other commands (session_int.h) ------------------------------- */

/* The work of a job, with the session's linter for its path. */
void
cl_session_queue_job(cl_session *s, const char *path, cl_session_work_fn *fn,
                     void *job, void (*job_free)(void *job))
{
	struct item *it;
	const cl_config *config;
	const cl_linter *linter;

	if (!(linter = linter_or_unlinted(s, path, "compared", &config))) {
		job_free(job);
		return;
	}
	it = cl_calloc(1, sizeof(*it));
	it->kind = ITEM_JOB;
	it->path = cl_strdup(path);
	it->config = config;
	it->linter = linter;
	it->work = fn;
	it->job = job;
	it->job_free = job_free;
	cl_queue_submit(&s->q, it, true);
}

void
cl_session_queue_unreadable(cl_session *s, const char *path, const char *reason)
{
	path_error(s, path, reason);
}

void
cl_session_queue_note(cl_session *s, bool trouble, const char *fmt, ...)
{
	struct item *it;
	va_list ap;

	va_start(ap, fmt);
	it = note_item(trouble, fmt, ap);
	va_end(ap);
	cl_queue_submit(&s->q, it, false);
}

bool
cl_session_is_output(cl_session *s, const char *path, const struct stat *st)
{
	return is_output_file(s, path, st);
}

unsigned
cl_session_diff_flags(const cl_session *s)
{
	return s->diff_flags;
}

void
cl_session_set_diff_flags(cl_session *s, unsigned flags)
{
	s->diff_flags = flags;
}

void
cl_session_free(cl_session *s)
{
	size_t k;

	if (!s)
		return;
	for (k = 0; k < s->nouts; k++) {
		cl_output_free(s->outs[k].output);
		if (k) {
			cl_outfile_abandon(&s->outs[k], k);
			free((char *)s->outs[k].path);
		}
	}
	cl_outfile_abandon(&s->baseline_out, s->nouts);
	free((char *)s->baseline_out.path);
	cl_outfile_forget();
	free(s->files);
	free(s->outs);
	for (k = 0; k < s->nlinters; k++)
		cl_linter_free(s->linters[k].linter);
	free(s->linters);
	for (k = 0; k < s->nops; k++)
		free(s->ops[k].spec);
	free(s->ops);
	cl_config_free(s->config);
	cl_config_finder_free(s->finder);
	cl_baseline_free(s->baseline);
	free(s->config_path);
	free(s->baseline_path);
	free(s->stdin_name);
	free(s->link_base);
	free(s->suppress_reason);
	cl_registry_unref(s->reg);
	free(s);
}

/* ---- the catalogue ----------------------------------------------------- */

void
cl_session_list_rules(cl_session *s, FILE *out, enum cl_format format)
{
	if (format == CL_FORMAT_JSON)
		cl_rules_print_json(described(s), out);
	else
		cl_rules_print(described(s), out);
}

int
cl_session_explain(cl_session *s, const char *name, FILE *out)
{
	const struct cl_registry *reg = described(s);
	const cl_rule *r = cl_registry_find(reg, name);
	const char *page;

	if (!r) {
		unknown_rule(s, reg, "--explain", name);
		return -1;
	}
	if (!(page = cl_rule_doc(r))) {
		if (r->custom)
			say(s, "--explain: %s (%s) has no <doc> in %s",
			    cl_rule_id(r), cl_rule_slug(r),
			    cl_ruleset_display(r->custom));
		else
			say(s,
			    "--explain: %s (%s) has no documentation page in "
			    "this build",
			    cl_rule_id(r), cl_rule_slug(r));
		return -1;
	}
	fputs(page, out);
	/* A <doc> may end without one; the shell prompt should not. */
	if (*page && page[strlen(page) - 1] != '\n')
		fputc('\n', out);
	return 0;
}
