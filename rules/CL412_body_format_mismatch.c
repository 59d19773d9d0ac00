/*
 * CL412 body-format-mismatch
 *
 * A body of `format="none"` sends nothing, so its params or content are
 * never sent; a body of `format="form"` sends key/value params, not a
 * `content` child. Only an explicit format: without one, the format
 * follows the params (form with params, else none). A `<content/>` left
 * empty is harmless. Auth methods' bodies too: the same attribute means
 * the same there.
 */
#include "rule.h"

static void
check_body_format(struct cl_ctx *ctx, const struct cl_body *b,
                  const char *owner_kind, const char *owner)
{
	int content = b->content.node && *b->content.value;
	struct cl_diag *d;

	if (!b->node || !b->format_given)
		return;
	if (b->format == CL_BODY_NONE && (b->params.n || content)) {
		d = cl_report(
		    ctx, &cl_rule_CL412, cl_node_attr_span(b->node, "format"),
		    "the body of %s `%s` has `format=\"none\"`, so "
		    "its %s %s never sent: remove %s, or set the "
		    "format to `%s`",
		    owner_kind, owner, b->params.n ? "params" : "content",
		    b->params.n ? "are" : "is", b->params.n ? "them" : "it",
		    b->params.n ? "form" : "raw");
		cl_report_related(
		    ctx, d,
		    b->params.n ? b->params.items[0].node->name_span
		                : b->content.node->name_span,
		    "%s here", b->params.n ? "first param" : "content");
	} else if (b->format == CL_BODY_FORM && content) {
		d = cl_report(
		    ctx, &cl_rule_CL412, cl_node_attr_span(b->node, "format"),
		    "the body of %s `%s` has `format=\"form\"`, which "
		    "sends key/value params, but has a `content` "
		    "child: use `format=\"raw\"` (with a `data-type`) "
		    "or `format=\"text\"` for content",
		    owner_kind, owner);
		cl_report_related(ctx, d, b->content.node->name_span,
		                  "content here");
	}
}

static void
check_body_format_mismatch(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++)
		check_body_format(ctx, &c->auth_methods[i].body, "auth method",
		                  c->auth_methods[i].id);
	/* Most endpoints give no body format: no call for them. */
	for (i = 0; i < c->n_endpoints; i++)
		if (c->endpoints[i].body.node &&
		    c->endpoints[i].body.format_given)
			check_body_format(ctx, &c->endpoints[i].body,
			                  "endpoint", c->endpoints[i].id);
}

const struct cl_rule cl_rule_CL412 = {
	.id = "CL412",
	.slug = "body-format-mismatch",
	.severity = CL_SEV_WARNING,
	.summary =
	    "body `format=\"none\"` with params or content, or `format=\"form\"` with a `content` child",
	.check = check_body_format_mismatch,
};
