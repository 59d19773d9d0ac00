/*
 * A document's parse and model for hover, completion and navigation: the
 * lint's own parser and model builder, with every rule off so that
 * nothing is reported (the diagnostics come from the lint, server.c).
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "input.h"
#include "lsp.h"
#include "model.h"

static void
analyse(struct cl_lsp_analysis *a, const char *text, size_t len)
{
	struct cl_ctx *ctx = &a->ctx;
	struct cl_xml_error err;
	struct cl_node *root;

	ctx->name = "";
	ctx->buf = text;
	ctx->len = len;
	/* all zero: every rule off, the builder's CL002s go nowhere */
	ctx->enabled = cl_arena_alloc(&ctx->arena, cl_rules_count);
	if (len > CL_MAX_INPUT_BYTES || !cl_input_check(ctx))
		return;
	root = cl_xml_parse(&ctx->arena, text, len, &ctx->doc, &err);
	if (root && !strcmp(root->name, "connector"))
		ctx->model = cl_model_build(ctx, root);
}

const struct cl_lsp_analysis *
cl_lsp_doc_analysis(struct cl_lsp_doc *d)
{
	if (!d->analysis) {
		d->analysis = cl_calloc(1, sizeof(*d->analysis));
		analyse(d->analysis, d->text, d->len);
	}
	return d->analysis;
}

void
cl_lsp_analysis_free(struct cl_lsp_analysis *a)
{
	if (!a)
		return;
	cl_diag_sink_release(&a->ctx.sink);
	cl_arena_release(&a->ctx.arena);
	free(a);
}
