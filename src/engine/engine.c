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
#include "input.h"
#include "model.h"
#include "result.h"
#include "settings.h"
#include "suppress.h"

static void
check_root(struct cl_ctx *ctx, const struct cl_node *root)
{
	cl_report(
	    ctx, &cl_rule_CL002, root->name_span,
	    "root element is `<%s>`; a connector file's root element is `<connector>`",
	    root->name);
}

static void
lint_ctx(struct cl_ctx *ctx)
{
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
			    (ctx->enabled[i] || cl_rules[i]->masks_secrets))
				cl_rules[i]->check(ctx, ctx->model);
	}
	/* Last: the comments may suppress anything reported above. */
	cl_suppress_apply(ctx);
}

/* The linter's settings for the file at PATH (NULL: not a file): its
 * per-path ignores, if the configuration has any for it, narrow them. */
static void
settle_settings(struct cl_ctx *ctx, const cl_linter *linter, const char *path)
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
static cl_result *
lint_buffer(const cl_linter *linter, const char *path, const char *name,
            char *buf, size_t len, bool too_big)
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

		cl_report(
		    &ctx, &cl_rule_CL001, s,
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

cl_result *
cl_lint_memory(const cl_linter *linter, const char *name, const char *buf,
               size_t len)
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
