/*
 * The pipeline and the public cl_lint_* entry points: read a file, check
 * its encoding, parse it, build the model, run the enabled rules, apply
 * the suppression comments, and hand back a result whose diagnostics are
 * sorted and positioned.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue.h"
#include "config.h"
#include "connlint.h"
#include "ctx.h"
#include "diff.h"
#include "input.h"
#include "model.h"
#include "result.h"
#include "ruleset.h"
#include "settings.h"
#include "suppress.h"
#include "registries.h"

static void
check_root(struct cl_ctx *ctx, const struct cl_node *root)
{
	cl_report(
	    ctx, &cl_rule_CL002, root->name_span,
	    "root element is `<%s>`; a connector file's root element is `<connector>`",
	    root->name);
}

/* The rules that say a file is not well-formed or not valid. */
static bool
is_structural(const struct cl_rule *r)
{
	return r == &cl_rule_CL001 || r == &cl_rule_CL002 ||
	       r == &cl_rule_CL003;
}

/* 1 when a file is not well-formed or not valid (CL001, CL002, CL003):
 * connlint diff then does not compare it. */
static bool
structurally_broken(const struct cl_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->sink.n; i++)
		if (is_structural(ctx->sink.items[i].rule))
			return true;
	return false;
}

static void
run_diff_rules(struct cl_ctx *ctx)
{
	const struct cl_registry *reg = cl_ctx_registry(ctx);
	size_t i;

	for (i = 0; i < reg->count; i++)
		if (reg->rules[i]->diff && ctx->enabled[i])
			reg->rules[i]->diff(ctx, ctx->diff);
}

/* MASKING: run the rules that mask secrets even when they are off (the
 * old side of a diff is never shown, so it need not). */
static void
lint_ctx(struct cl_ctx *ctx, bool masking)
{
	const struct cl_registry *reg = cl_ctx_registry(ctx);
	struct cl_xml_error err;
	struct cl_node *root;
	size_t i;

	if (!cl_input_check(ctx))
		return;
	root = cl_xml_parse(&ctx->arena, ctx->buf, ctx->len, &ctx->doc, &err);
	if (!root) {
		struct cl_span s = cl_input_char_at(ctx, err.offset);

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
		cl_report(
		    ctx, &cl_rule_CL002, s,
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
			    (ctx->enabled[i] ||
			     (masking && cl_rules[i]->masks_secrets)))
				cl_rules[i]->check(ctx, ctx->model);
		/* Custom rules: each ruleset looks at what it has enabled. */
		for (i = 0; i < reg->nsets; i++)
			cl_ruleset_check(reg->sets[i], ctx);
		if (ctx->diff && ctx->diff->old && !structurally_broken(ctx))
			run_diff_rules(ctx);
	}
	/* Last: the comments may suppress anything reported above. */
	cl_suppress_apply(ctx);
}

/* The linter's settings for the file at PATH (NULL: not a file): its
 * per-path ignores, if the configuration has any for it, narrow them. */
static void
settle_settings(struct cl_ctx *ctx, const cl_linter *linter, const char *path)
{
	size_t i, n = linter->reg->count;
	unsigned char *ignored, *enabled;

	ctx->reg = linter->reg;
	ctx->enabled = linter->enabled;
	ctx->severity = linter->severity;
	ctx->config = linter->config;
	if (!path || !linter->config || !linter->config->npaths)
		return;
	ignored = cl_arena_alloc(&ctx->arena, n);
	if (!cl_config_path_ignores(linter->config, path, ignored))
		return;
	enabled = cl_arena_alloc(&ctx->arena, n);
	for (i = 0; i < n; i++)
		enabled[i] = linter->enabled[i] && !ignored[i];
	ctx->enabled = enabled;
}

/* The result of CTX, over BUF (taken: LEN bytes plus a NUL), shown as
 * NAME; CTX's arena is released, its sink handed over. */
static cl_result *
finish(struct cl_ctx *ctx, const char *name, char *buf, size_t len)
{
	cl_result *r = cl_calloc(1, sizeof(*r));

	cl_diag_sink_finish(&ctx->sink, buf, len);
	cl_arena_release(&ctx->arena);
	r->name = cl_strdup(name);
	r->buf = buf;
	r->len = len;
	r->sink = ctx->sink;
	/* Its diagnostics may point at custom rules. */
	r->reg = cl_registry_ref(cl_ctx_registry(ctx));
	return r;
}

static void
report_too_big(struct cl_ctx *ctx)
{
	struct cl_span s = { 0, 0 };

	cl_report(ctx, &cl_rule_CL001, s,
	          "the file is larger than %zu MiB; connlint does not read it",
	          CL_MAX_INPUT_BYTES >> 20);
}

/* Takes ownership of BUF (LEN bytes plus a NUL). PATH is the file's path
 * for the configuration's per-path ignores (NULL: none apply). */
static cl_result *
lint_buffer(const cl_linter *linter, const char *path, const char *name,
            char *buf, size_t len, bool too_big)
{
	struct cl_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.linter = linter;
	ctx.name = name;
	ctx.buf = buf;
	ctx.len = len;
	settle_settings(&ctx, linter, path);
	if (too_big)
		report_too_big(&ctx);
	else
		lint_ctx(&ctx, true);
	return finish(&ctx, name, buf, len);
}

/* A NUL-terminated copy of LEN bytes at BUF; an input over the limit is
 * not copied (*TOO_BIG set, *LEN 0). */
static char *
copy_input(const char *buf, size_t *len, bool *too_big)
{
	char *copy;

	*too_big = *len > CL_MAX_INPUT_BYTES;
	if (*too_big)
		*len = 0;
	copy = cl_malloc(*len + 1);
	memcpy(copy, buf, *len);
	copy[*len] = '\0';
	return copy;
}

/* Narrows CTX's rules for connlint diff: the structural ones (CL001 to
 * CL003) and, with COMPAT, the compatibility rules, each as the settings
 * say (the old side needs only the first, to know it can be compared). */
static void
narrow(struct cl_ctx *ctx, bool compat)
{
	const struct cl_registry *reg = cl_ctx_registry(ctx);
	unsigned char *enabled = cl_arena_alloc(&ctx->arena, reg->count);
	size_t i;

	for (i = 0; i < reg->count; i++) {
		const struct cl_rule *r = reg->rules[i];

		enabled[i] =
		    ctx->enabled[i] &&
		    (is_structural(r) || (compat && cl_rule_is_compat(r)));
	}
	ctx->enabled = enabled;
}

cl_result *
cl_diff_memory(const cl_linter *linter, const char *old_name,
               const char *old_buf, size_t old_len, const char *new_name,
               const char *new_buf, size_t new_len, unsigned flags,
               cl_result **old_result)
{
	struct cl_ctx octx, ctx;
	struct cl_diff d;
	bool old_big, new_big;
	char *obuf = copy_input(old_buf, &old_len, &old_big);
	char *nbuf = copy_input(new_buf, &new_len, &new_big);
	cl_result *r;

	*old_result = NULL;
	if (!old_big && !new_big && old_len == new_len &&
	    !memcmp(obuf, nbuf, new_len)) {
		/* the same bytes: nothing can differ, and the old side is
		 * valid exactly when the new one is (reported once, there) */
		free(obuf);
		memset(&ctx, 0, sizeof(ctx));
		ctx.linter = linter;
		ctx.name = new_name;
		ctx.buf = nbuf;
		ctx.len = new_len;
		settle_settings(&ctx, linter, new_name);
		if (!(flags & CL_DIFF_LINT))
			narrow(&ctx, true);
		lint_ctx(&ctx, true);
		return finish(&ctx, new_name, nbuf, new_len);
	}
	/* the old version: is it one that can be compared? */
	memset(&octx, 0, sizeof(octx));
	octx.linter = linter;
	octx.name = old_name;
	octx.buf = obuf;
	octx.len = old_len;
	settle_settings(&octx, linter, NULL);
	narrow(&octx, false);
	if (old_big)
		report_too_big(&octx);
	else
		lint_ctx(&octx, false);
	memset(&d, 0, sizeof(d));
	d.old_name = old_name;
	d.old_buf = obuf;
	d.old_len = old_len;
	if (!structurally_broken(&octx) && octx.model) {
		d.old = octx.model;
	} else if (octx.model) {
		size_t i;

		/* it will be shown after all: mask its secrets as a lint
		 * would */
		for (i = 0; i < cl_rules_count; i++)
			if (cl_rules[i]->check && cl_rules[i]->masks_secrets)
				cl_rules[i]->check(&octx, octx.model);
	}

	memset(&ctx, 0, sizeof(ctx));
	ctx.linter = linter;
	ctx.name = new_name;
	ctx.buf = nbuf;
	ctx.len = new_len;
	ctx.diff = &d;
	settle_settings(&ctx, linter, new_name);
	if (!(flags & CL_DIFF_LINT))
		narrow(&ctx, true);
	if (new_big)
		report_too_big(&ctx);
	else
		lint_ctx(&ctx, true);
	r = finish(&ctx, new_name, nbuf, new_len);
	if (!d.old) {
		/* reported as such, and not compared */
		*old_result = finish(&octx, old_name, obuf, old_len);
	} else {
		cl_diag_sink_release(&octx.sink);
		cl_arena_release(&octx.arena);
		free(obuf);
	}
	return r;
}

cl_result *
cl_diff_removed(const cl_linter *linter, const char *old_name,
                const char *old_buf, size_t old_len)
{
	struct cl_ctx ctx;
	struct cl_diff d;
	struct cl_xml_error err;
	struct cl_node *root;
	bool big;
	char *buf = copy_input(old_buf, &old_len, &big);

	memset(&ctx, 0, sizeof(ctx));
	memset(&d, 0, sizeof(d));
	ctx.linter = linter;
	ctx.name = old_name;
	ctx.buf = buf;
	ctx.len = old_len;
	settle_settings(&ctx, linter, NULL);
	narrow(&ctx, true);
	d.old_name = old_name;
	d.old_buf = buf;
	d.old_len = old_len;
	d.removed = true;
	ctx.diff = &d;
	/* quietly: the old file's own problems are not this report's */
	root =
	    big ? NULL : cl_xml_parse(&ctx.arena, buf, old_len, &ctx.doc, &err);
	if (root && !strcmp(root->name, "connector")) {
		const unsigned char *enabled = ctx.enabled;

		ctx.enabled = cl_arena_alloc(&ctx.arena, linter->reg->count);
		ctx.model = cl_model_build(&ctx, root);
		ctx.enabled = enabled;
		d.old = ctx.model;
	} else {
		d.old = NULL;
	}
	if (ctx.enabled[cl_rule_index(&cl_rule_CL613)])
		cl_rule_CL613.diff(&ctx, &d);
	return finish(&ctx, old_name, buf, old_len);
}

cl_result *
cl_lint_memory(const cl_linter *linter, const char *name, const char *buf,
               size_t len)
{
	bool too_big;
	char *copy = copy_input(buf, &len, &too_big);

	return lint_buffer(linter, name, name, copy, len, too_big);
}

/* Reads FD to EOF, at most CL_MAX_INPUT_BYTES + 1 bytes. */
static int
read_all(int fd, char **out, size_t *outlen, const char **reason)
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
static cl_result *
lint_fd(const cl_linter *linter, int fd, const char *path, const char *name,
        const char **reason)
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

cl_result *
cl_lint_fd(const cl_linter *linter, int fd, const char *name,
           const char **reason)
{
	return lint_fd(linter, fd, name, name, reason);
}

cl_result *
cl_lint_file(const cl_linter *linter, const char *path,
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
