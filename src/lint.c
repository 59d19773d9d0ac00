/*
 * The engine and the public API: read a file, check its encoding, parse
 * it, build the model, run the enabled rules, and hand back a result whose
 * diagnostics are sorted and positioned.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "connlint.h"
#include "nearmiss.h"
#include "placeholder.h"
#include "result.h"
#include "ruledoc.h"
#include "rule.h"
#include "suppress.h"

/*
 * Settings come in two layers: the linter's own (the command line) over
 * the configuration file's. Each array has one entry per registry entry.
 */
struct cl_linter {
	unsigned char *selected; /* meaningful when selecting */
	bool selecting;          /* a select call has narrowed the set */
	unsigned char *ignored;
	signed char *level;      /* CL_LEVEL_UNSET or a level */
	const struct cl_config *config; /* borrowed; NULL for none */
	/* The two layers combined (recompute()), before per-path ignores. */
	unsigned char *enabled;
	unsigned char *severity; /* enum cl_severity */
};

const char *cl_version(void)
{
	return CONNLINT_VERSION;
}

const char *cl_severity_name(enum cl_severity sev)
{
	switch (sev) {
	case CL_SEV_ERROR:
		return "error";
	case CL_SEV_WARNING:
		return "warning";
	case CL_SEV_INFO:
		return "info";
	}
	BUG("unknown severity %d", (int)sev);
}

int cl_severity_parse(const char *name, enum cl_severity *out)
{
	if (!strcmp(name, "error"))
		*out = CL_SEV_ERROR;
	else if (!strcmp(name, "warning"))
		*out = CL_SEV_WARNING;
	else if (!strcmp(name, "info"))
		*out = CL_SEV_INFO;
	else
		return -1;
	return 0;
}

/* ---- catalogue ---- */

size_t cl_rule_count(void)
{
	return cl_rules_count;
}

const cl_rule *cl_rule_at(size_t i)
{
	return i < cl_rules_count ? cl_rules[i] : NULL;
}

const cl_rule *cl_rule_find(const char *name)
{
	size_t i;

	for (i = 0; i < cl_rules_count; i++)
		if (!cl_strcasecmp(cl_rules[i]->id, name) ||
		    !strcmp(cl_rules[i]->slug, name))
			return cl_rules[i];
	return NULL;
}

const char *cl_rule_id(const cl_rule *rule) { return rule->id; }
const char *cl_rule_slug(const cl_rule *rule) { return rule->slug; }
const char *cl_rule_summary(const cl_rule *rule) { return rule->summary; }
enum cl_severity cl_rule_severity(const cl_rule *rule) { return rule->severity; }

const char *cl_rule_doc(const cl_rule *rule)
{
	size_t i;

	for (i = 0; cl_rule_docs[i].id; i++)
		if (!strcmp(cl_rule_docs[i].id, rule->id))
			return cl_rule_docs[i].text;
	return NULL;
}

int cl_rule_has_fix(const cl_rule *rule)
{
	return rule->has_fix;
}

const cl_rule *cl_rule_suggest(const char *name)
{
	const char **cands = cl_malloc(2 * cl_rules_count * sizeof(*cands));
	const char *near;
	const cl_rule *r = NULL;
	size_t i;

	for (i = 0; i < cl_rules_count; i++) {
		cands[2 * i] = cl_rules[i]->id;
		cands[2 * i + 1] = cl_rules[i]->slug;
	}
	near = cl_nearmiss(name, cands, 2 * cl_rules_count);
	for (i = 0; near && i < 2 * cl_rules_count; i++)
		if (cands[i] == near)
			r = cl_rules[i / 2];
	free(cands);
	return r;
}

size_t cl_rule_index(const struct cl_rule *rule)
{
	size_t i;

	for (i = 0; i < cl_rules_count; i++)
		if (cl_rules[i] == rule)
			return i;
	BUG("rule %s is not in the registry", rule->id);
}

/* ---- linter ---- */

/* Combines the linter's settings with its configuration's (see
 * docs/configuration.md, "Precedence"). */
static void recompute(cl_linter *l)
{
	const struct cl_config *c = l->config;
	size_t i;

	for (i = 0; i < cl_rules_count; i++) {
		bool on;
		int level = l->level[i];

		/* A --select replaces the file's selection and its ignores. */
		if (l->selecting)
			on = l->selected[i];
		else if (c)
			on = (!c->selecting || c->selected[i]) && !c->ignored[i];
		else
			on = true;
		on = on && !l->ignored[i];
		if (level == CL_LEVEL_UNSET && c)
			level = c->level[i];
		if (level == CL_LEVEL_UNSET)
			level = (int)cl_rules[i]->severity;
		if (level == CL_LEVEL_OFF) {
			on = false;
			level = (int)cl_rules[i]->severity;
		}
		l->enabled[i] = on;
		l->severity[i] = (unsigned char)level;
	}
}

cl_linter *cl_linter_new(void)
{
	cl_linter *l = cl_calloc(1, sizeof(*l));

	l->selected = cl_calloc(cl_rules_count, 1);
	l->ignored = cl_calloc(cl_rules_count, 1);
	l->level = cl_malloc(cl_rules_count);
	memset(l->level, CL_LEVEL_UNSET, cl_rules_count);
	l->enabled = cl_malloc(cl_rules_count);
	l->severity = cl_malloc(cl_rules_count);
	recompute(l);
	cl_xml_init();
	cl_placeholder_init();
	return l;
}

void cl_linter_free(cl_linter *linter)
{
	if (!linter)
		return;
	free(linter->selected);
	free(linter->ignored);
	free(linter->level);
	free(linter->enabled);
	free(linter->severity);
	free(linter);
}

int cl_linter_enabled(const cl_linter *linter, const cl_rule *rule)
{
	return linter->enabled[cl_rule_index(rule)];
}

void cl_linter_set_config(cl_linter *linter, const cl_config *config)
{
	if (linter->config == config)
		return;
	linter->config = config;
	recompute(linter);
}

/* Does ITEM (an ID, slug or ID prefix such as "CL3") name rule R? */
static bool names_rule(const char *item, const struct cl_rule *r)
{
	size_t i, n = strlen(item);

	if (!strcmp(item, r->slug))
		return true;
	if (n < 2 || n > strlen(r->id))
		return false;
	/* The ID or a prefix of it, case-insensitively: "CL3", "cl303". */
	for (i = 0; i < n; i++) {
		char a = item[i];

		if (a >= 'a' && a <= 'z')
			a = (char)(a - 'a' + 'A');
		if (a != r->id[i])
			return false;
	}
	return true;
}

size_t cl_rules_mark(const char *item, unsigned char *set)
{
	size_t i, n = 0;

	for (i = 0; i < cl_rules_count; i++) {
		if (names_rule(item, cl_rules[i])) {
			set[i] = 1;
			n++;
		}
	}
	return n;
}

/* Marks in SET every rule the items of SPEC name. Returns 0, or -1 with
 * *bad set to a copy of the first item that names no rule. */
static int mark_spec(const char *spec, unsigned char *set, char **bad)
{
	const char *p = spec, *item;
	size_t len;

	while ((item = cl_list_next(&p, &len))) {
		char *one = cl_strndup(item, len);

		if (!cl_rules_mark(one, set)) {
			if (bad)
				*bad = one;
			else
				free(one);
			return -1;
		}
		free(one);
	}
	return 0;
}

int cl_linter_select(cl_linter *linter, const char *spec, char **bad)
{
	unsigned char *set = cl_calloc(cl_rules_count, 1);
	size_t i;

	/* An empty selection would silently turn every rule off. */
	if (strspn(spec, ", \t") == strlen(spec)) {
		free(set);
		if (bad)
			*bad = cl_strdup(spec);
		return -1;
	}
	if (mark_spec(spec, set, bad)) {
		free(set);
		return -1;
	}
	if (!linter->selecting)
		memset(linter->selected, 0, cl_rules_count);
	for (i = 0; i < cl_rules_count; i++)
		linter->selected[i] |= set[i];
	linter->selecting = true;
	free(set);
	recompute(linter);
	return 0;
}

int cl_linter_ignore(cl_linter *linter, const char *spec, char **bad)
{
	unsigned char *set = cl_calloc(cl_rules_count, 1);
	size_t i;

	if (mark_spec(spec, set, bad)) {
		free(set);
		return -1;
	}
	for (i = 0; i < cl_rules_count; i++)
		linter->ignored[i] |= set[i];
	free(set);
	recompute(linter);
	return 0;
}

int cl_linter_severity(cl_linter *linter, const char *spec, char **error)
{
	signed char *level = cl_malloc(cl_rules_count);
	unsigned char *set = cl_malloc(cl_rules_count);
	const char *p = spec, *item;
	char *msg = NULL;
	size_t len, i;

	memcpy(level, linter->level, cl_rules_count);
	if (!cl_list_next(&p, &len))
		msg = cl_strdup("empty list; give RULE=LEVEL");
	for (p = spec; !msg && (item = cl_list_next(&p, &len));) {
		char *one = cl_strndup(item, len), *eq = strchr(one, '=');
		const cl_rule *near;
		int lev;

		memset(set, 0, cl_rules_count);
		if (!eq) {
			msg = cl_xasprintf("'%s' has no level; write %s=LEVEL, "
			                   "where LEVEL is error, warning, info or off",
			                   one, one);
		} else {
			*eq = '\0';
			if ((lev = cl_level_parse(eq + 1)) < 0)
				msg = cl_xasprintf("unknown level '%s' for %s "
				                   "(error, warning, info or off)",
				                   eq + 1, one);
			else if (!*one || !cl_rules_mark(one, set))
				msg = (near = cl_rule_suggest(one))
				    ? cl_xasprintf("unknown rule '%s'; did you mean %s (%s)?",
				                   one, near->id, near->slug)
				    : cl_xasprintf("unknown rule '%s'", one);
			for (i = 0; !msg && i < cl_rules_count; i++)
				if (set[i])
					level[i] = (signed char)lev;
		}
		free(one);
	}
	if (!msg) {
		memcpy(linter->level, level, cl_rules_count);
		recompute(linter);
	}
	free(level);
	free(set);
	if (msg && error)
		*error = msg;
	else
		free(msg);
	return msg ? -1 : 0;
}

/* ---- input checks ---- */

/* Offset of the first byte that is not valid UTF-8, or LEN. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t need;
		uint32_t cp, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3; cp = c & 0x07; min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= need)
			return i;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += need + 1;
	}
	return len;
}

static struct cl_span one_char_at(const struct cl_ctx *ctx, size_t off)
{
	struct cl_span s = { (uint32_t)off, (uint32_t)off };

	if (off < ctx->len) {
		s.end++;
		while (s.end < ctx->len &&
		       ((unsigned char)ctx->buf[s.end] & 0xC0) == 0x80)
			s.end++;
	}
	return s;
}

/*
 * The encoding named in the XML declaration, if any, must be UTF-8: we
 * parse every file as UTF-8 and report positions in it.
 */
static bool check_declared_encoding(struct cl_ctx *ctx, size_t start)
{
	const char *b = ctx->buf + start, *end, *p;
	size_t avail = ctx->len - start;
	struct cl_span v;
	char q;

	if (avail < 5 || memcmp(b, "<?xml", 5))
		return true;
	end = memchr(b, '>', avail < 512 ? avail : 512);
	if (!end)
		return true;
	for (p = b; p + 8 <= end && memcmp(p, "encoding", 8); p++)
		;
	if (p + 8 > end)
		return true;
	p += 8;
	/* Eq ::= S? '=' S? where S is any XML white space, line breaks
	 * included (XML 1.0 section 2.8). */
	while (p < end && (*p == ' ' || *p == '=' || *p == '\t' ||
	                   *p == '\n' || *p == '\r'))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return true;
	q = *p++;
	v.start = (uint32_t)(p - ctx->buf);
	while (p < end && *p != q)
		p++;
	v.end = (uint32_t)(p - ctx->buf);
	if ((v.end - v.start == 5 && !strncasecmp(ctx->buf + v.start, "UTF-8", 5)) ||
	    (v.end - v.start == 4 && !strncasecmp(ctx->buf + v.start, "UTF8", 4)))
		return true;
	cl_report(ctx, &cl_rule_CL001, v,
	          "the file declares encoding `%.*s`; connector files must be UTF-8 (declare `UTF-8` or no encoding)",
	          (int)(v.end - v.start), ctx->buf + v.start);
	return false;
}

/* Encoding and size checks before parsing; false when parsing is pointless. */
static bool check_input(struct cl_ctx *ctx)
{
	const unsigned char *u = (const unsigned char *)ctx->buf;
	size_t i, bad, start = 0;
	struct cl_span at0 = { 0, 0 };

	for (i = 0; i < ctx->len && strchr(" \t\r\n", ctx->buf[i]) && ctx->buf[i]; i++)
		;
	if (i == ctx->len) {
		cl_report(ctx, &cl_rule_CL001, at0, "the file is empty%s",
		          ctx->len ? " (only white space)" : "");
		return false;
	}
	if (ctx->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                      (u[0] == 0xFE && u[1] == 0xFF))) {
		cl_report(ctx, &cl_rule_CL001, one_char_at(ctx, 0),
		          "the file is UTF-16 (it starts with a UTF-16 byte order mark); connector files must be UTF-8");
		return false;
	}
	if (ctx->len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		start = 3;
	bad = utf8_invalid_at(u, ctx->len);
	if (bad < ctx->len) {
		struct cl_span s = { (uint32_t)bad, (uint32_t)bad + 1 };

		cl_report(ctx, &cl_rule_CL001, s,
		          "invalid UTF-8 (byte 0x%02X); connector files must be UTF-8 — was this file saved as Latin-1 or Windows-1252?",
		          u[bad]);
		return false;
	}
	if (memchr(ctx->buf, '\0', ctx->len)) {
		size_t nul = (size_t)((const char *)memchr(ctx->buf, '\0', ctx->len) - ctx->buf);

		cl_report(ctx, &cl_rule_CL001, one_char_at(ctx, nul),
		          "NUL byte in the file: this is not a text file");
		return false;
	}
	return check_declared_encoding(ctx, start);
}

static void check_root(struct cl_ctx *ctx, const struct cl_node *root)
{
	cl_report(ctx, &cl_rule_CL002, root->name_span,
	          "root element is `<%s>`; a connector file's root element is `<connector>`",
	          root->name);
}

static void lint_ctx(struct cl_ctx *ctx)
{
	struct cl_xml_error err;
	struct cl_node *root;
	size_t i;

	if (!check_input(ctx))
		return;
	root = cl_xml_parse(&ctx->arena, ctx->buf, ctx->len, &ctx->doc, &err);
	if (!root) {
		struct cl_span s = one_char_at(ctx, err.offset);

		if (err.end > err.offset && err.end <= ctx->len)
			s.end = err.end;
		cl_report(ctx, &cl_rule_CL001, s, "%s", err.message);
		return;
	}
	if (ctx->doc.has_doctype) {
		const char *d = strstr(ctx->buf, "<!DOCTYPE");
		struct cl_span s = { 0, 0 };

		if (d && (size_t)(d - ctx->buf) < root->tag_span.start) {
			s.start = (uint32_t)(d - ctx->buf) + 2;
			s.end = s.start + 7;
		}
		cl_report(ctx, &cl_rule_CL002, s,
		          "document type declaration: connector files have none, and connlint never loads or expands what one declares");
	}
	if (strcmp(root->name, "connector")) {
		check_root(ctx, root);
	} else {
		ctx->model = cl_model_build(ctx, root);
		/* A rule that masks secrets runs even when it is off: its
		 * findings are dropped, its secrets still masked. */
		for (i = 0; i < cl_rules_count; i++)
			if (cl_rules[i]->check &&
			    (ctx->enabled[i] || cl_rules[i]->masks_secrets))
				cl_rules[i]->check(ctx, ctx->model);
	}
	/* Last: the comments may suppress anything reported above. */
	cl_suppress_apply(ctx);
}

/* The linter's settings for the file at PATH (NULL: not a file): its
 * per-path ignores, if the configuration has any for it, narrow them. */
static void settle_settings(struct cl_ctx *ctx, const cl_linter *linter,
                            const char *path)
{
	unsigned char *ignored, *enabled;
	size_t i;

	ctx->enabled = linter->enabled;
	ctx->severity = linter->severity;
	ctx->config = linter->config;
	if (!path || !linter->config || !linter->config->npaths)
		return;
	ignored = cl_arena_alloc(&ctx->arena, cl_rules_count);
	if (!cl_config_path_ignores(linter->config, path, ignored))
		return;
	enabled = cl_arena_alloc(&ctx->arena, cl_rules_count);
	for (i = 0; i < cl_rules_count; i++)
		enabled[i] = linter->enabled[i] && !ignored[i];
	ctx->enabled = enabled;
}

/* Takes ownership of BUF (LEN bytes plus a NUL). PATH is the file's path
 * for the configuration's per-path ignores (NULL: none apply). */
static cl_result *lint_buffer(const cl_linter *linter, const char *path,
                              const char *name, char *buf, size_t len,
                              bool too_big)
{
	struct cl_ctx ctx;
	cl_result *r = cl_calloc(1, sizeof(*r));

	memset(&ctx, 0, sizeof(ctx));
	ctx.linter = linter;
	ctx.name = name;
	ctx.buf = buf;
	ctx.len = len;
	settle_settings(&ctx, linter, path);
	if (too_big) {
		struct cl_span s = { 0, 0 };

		cl_report(&ctx, &cl_rule_CL001, s,
		          "the file is larger than %zu MiB; connlint does not read it",
		          CL_MAX_INPUT_BYTES >> 20);
	} else {
		lint_ctx(&ctx);
	}
	cl_diag_sink_finish(&ctx.sink, buf, len);
	cl_arena_release(&ctx.arena);
	r->name = cl_strdup(name);
	r->buf = buf;
	r->len = len;
	r->sink = ctx.sink;
	return r;
}

cl_result *cl_lint_memory(const cl_linter *linter, const char *name,
                          const char *buf, size_t len)
{
	bool too_big = len > CL_MAX_INPUT_BYTES;
	char *copy;

	if (too_big)
		len = 0;
	copy = cl_malloc(len + 1);
	memcpy(copy, buf, len);
	copy[len] = '\0';
	return lint_buffer(linter, name, name, copy, len, too_big);
}

/* Reads FD to EOF, at most CL_MAX_INPUT_BYTES + 1 bytes. */
static int read_all(int fd, char **out, size_t *outlen, const char **reason)
{
	size_t len = 0, alloc = 0;
	char *buf = NULL;

	for (;;) {
		ssize_t n;

		CL_GROW(buf, len + 65536 + 1, alloc);
		n = read(fd, buf + len, alloc - len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*reason = strerror(errno);
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > CL_MAX_INPUT_BYTES)
			break;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

/* cl_lint_fd for the file at PATH. */
static cl_result *lint_fd(const cl_linter *linter, int fd, const char *path,
                          const char *name, const char **reason)
{
	const char *why = NULL;
	char *buf;
	size_t len;

	if (read_all(fd, &buf, &len, &why)) {
		if (reason)
			*reason = why;
		return NULL;
	}
	if (len > CL_MAX_INPUT_BYTES) {
		buf[0] = '\0';
		return lint_buffer(linter, path, name, buf, 0, true);
	}
	return lint_buffer(linter, path, name, buf, len, false);
}

cl_result *cl_lint_fd(const cl_linter *linter, int fd, const char *name,
                      const char **reason)
{
	return lint_fd(linter, fd, name, name, reason);
}

cl_result *cl_lint_file(const cl_linter *linter, const char *path,
                        const char *display_name, const char **reason)
{
	struct stat st;
	cl_result *r = NULL;
	int fd;

	if (!display_name)
		display_name = path;
	fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		if (reason)
			*reason = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st)) {
		if (reason)
			*reason = strerror(errno);
		goto cleanup;
	}
	if (S_ISDIR(st.st_mode)) {
		if (reason)
			*reason = "is a directory";
		goto cleanup;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > CL_MAX_INPUT_BYTES) {
		char *empty = cl_calloc(1, 1);

		r = lint_buffer(linter, path, display_name, empty, 0, true);
		goto cleanup;
	}
	r = lint_fd(linter, fd, path, display_name, reason);
cleanup:
	close(fd);
	return r;
}

/* ---- results ---- */

void cl_result_free(cl_result *r)
{
	if (!r)
		return;
	/* Before the sink, which knows how many there are. */
	if (r->fingerprints)
		for (size_t i = 0; i < r->sink.n; i++)
			free(r->fingerprints[i]);
	free(r->fingerprints);
	cl_diag_sink_release(&r->sink);
	free(r->name);
	free(r->buf);
	free(r->line_starts);
	free(r->shown);
	cl_strbuf_release(&r->line_buf);
	free(r);
}

const char *cl_result_file(const cl_result *r) { return r->name; }
size_t cl_result_count(const cl_result *r) { return r->sink.n; }

const cl_diag *cl_result_diag(const cl_result *r, size_t i)
{
	return i < r->sink.n ? &r->sink.items[i] : NULL;
}

size_t cl_result_count_severity(const cl_result *r, enum cl_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < r->sink.n; i++)
		n += r->sink.items[i].severity == sev;
	return n + r->sink.dropped[sev];
}

size_t cl_result_dropped(const cl_result *r)
{
	return r->sink.dropped[CL_SEV_INFO] + r->sink.dropped[CL_SEV_WARNING] +
	       r->sink.dropped[CL_SEV_ERROR];
}

static void build_line_index(cl_result *r)
{
	size_t i, alloc = 0;

	bool cr = cl_has_lone_cr(r->buf, r->len);

	CL_GROW(r->line_starts, 1, alloc);
	r->line_starts[r->nlines++] = 0;
	/* A lone '\r' ends a line too (XML 1.0 section 2.11), as in
	 * cl_offset_position. */
	for (i = 0; i < r->len; i++) {
		if (r->buf[i] == '\n' || (cr && r->buf[i] == '\r' &&
		                          (i + 1 >= r->len || r->buf[i + 1] != '\n'))) {
			CL_GROW(r->line_starts, r->nlines + 1, alloc);
			r->line_starts[r->nlines++] = (uint32_t)(i + 1);
		}
	}
}

/*
 * The source as outputs may show it: every secret span past its first
 * characters turned into '*', byte for byte, so that columns and byte
 * offsets still line up (line breaks inside a secret are kept).
 */
static void mask_source(cl_result *r)
{
	size_t k, i;

	/* The raw pass, unless the file's diagnostics had it run already:
	 * every secret is masked, whatever the parser and the model made of
	 * the file. */
	cl_diag_sink_scan_secrets(&r->sink, r->buf, r->len);
	r->shown = cl_malloc(r->len + 1);
	memcpy(r->shown, r->buf, r->len + 1);
	for (k = 0; k < r->sink.nsecrets; k++) {
		struct cl_span sp = r->sink.secrets[k];

		if (sp.end > r->len || sp.start >= sp.end)
			continue;
		for (i = sp.start + cl_mask_keep(r->buf + sp.start, sp.end - sp.start);
		     i < sp.end; i++)
			if (r->shown[i] != '\n' && r->shown[i] != '\r')
				r->shown[i] = '*';
	}
}

/*
 * 1 when R's bytes are not text that could be a connector: a NUL byte
 * (binary, /proc/self/environ, UTF-16), or something other than '<' first
 * after a byte order mark and white space (/etc/passwd). Such a file may
 * be another file's content reached by mistake or malice, so no output
 * quotes a line of it.
 */
static bool source_is_opaque(const cl_result *r)
{
	size_t i = 0;

	if (memchr(r->buf, '\0', r->len))
		return true;
	if (r->len >= 3 && !memcmp(r->buf, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < r->len && (r->buf[i] == ' ' || r->buf[i] == '\t' ||
	                      r->buf[i] == '\r' || r->buf[i] == '\n'))
		i++;
	return i < r->len && r->buf[i] != '<';
}

const char *cl_result_line(const cl_result *cr, unsigned line, size_t *len)
{
	cl_result *r = (cl_result *)cr; /* the index and line buffer are caches */
	size_t start, end;

	if (!r->line_starts)
		build_line_index(r);
	if (!r->shown) {
		mask_source(r);
		r->opaque = source_is_opaque(r);
	}
	if (line == 0 || line > r->nlines || r->opaque)
		return NULL;
	if (line != r->line_buf_line) {
		start = r->line_starts[line - 1];
		end = line < r->nlines ? r->line_starts[line] - 1 : r->len;
		if (end > start && r->buf[end - 1] == '\r')
			end--;
		cl_strbuf_reset(&r->line_buf);
		cl_strbuf_add(&r->line_buf, r->shown + start, end - start);
		r->line_buf_line = line;
	}
	*len = r->line_buf.len;
	return cl_strbuf_str(&r->line_buf);
}

/* ---- diagnostics ---- */

const cl_rule *cl_diag_rule(const cl_diag *d) { return d->rule; }
enum cl_severity cl_diag_severity(const cl_diag *d) { return d->severity; }
const char *cl_diag_message(const cl_diag *d) { return d->message; }
unsigned cl_diag_line(const cl_diag *d) { return d->pos.line; }
unsigned cl_diag_column(const cl_diag *d) { return d->pos.column; }
unsigned cl_diag_end_line(const cl_diag *d) { return d->pos.end_line; }
unsigned cl_diag_end_column(const cl_diag *d) { return d->pos.end_column; }
unsigned cl_diag_byte_column(const cl_diag *d) { return d->pos.byte_column; }
size_t cl_diag_related_count(const cl_diag *d) { return d->nrelated; }

const char *cl_diag_related(const cl_diag *d, size_t i, unsigned *line,
                            unsigned *column, unsigned *end_line,
                            unsigned *end_column)
{
	const struct cl_related_loc *r;

	if (i >= d->nrelated)
		return NULL;
	r = &d->related[i];
	*line = r->pos.line;
	*column = r->pos.column;
	*end_line = r->pos.end_line;
	*end_column = r->pos.end_column;
	return r->message;
}
