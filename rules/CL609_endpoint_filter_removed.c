/*
 * CL609 endpoint-filter-removed
 *
 * An optional endpoint param (`required="false"`) is a filter that flows
 * set on the connection shape, and an endpoint variable a setting they
 * fill in (format: `param`, `endpoint`). When one is gone from an
 * endpoint of both versions, the flows that set it lose the setting
 * silently: they run, with other results (rules.md CL6xx). Params are
 * matched by key in the same place (url-params, headers, body), header
 * names ignoring case as HTTP does.
 */
#include "compat.h"
#include "vars.h"

static const char *
place_name(enum cl_place p)
{
	return p == CL_PLACE_URL_PARAMS ? "url-params"
	       : p == CL_PLACE_HEADERS  ? "headers"
	                                : "body";
}

static void
params_gone(struct cl_ctx *ctx, const struct cl_diff *d,
            const struct cl_endpoint *e, const struct cl_param_list *was,
            const struct cl_param_list *now)
{
	size_t i;

	for (i = 0; i < was->n; i++) {
		const struct cl_param *p = &was->items[i];
		struct cl_diag *diag;
		bool kept = p->place == CL_PLACE_HEADERS
		                ? cl_param_list_find_header(now, p->key) != NULL
		                : cl_param_list_find(now, p->key) != NULL;

		if (p->required || !*p->key || kept)
			continue;
		diag =
		    cl_report(ctx, &cl_rule_CL609,
		              cl_compat_parent_span(
		                  ctx->model, now->node ? now->node : e->node),
		              "optional param `%s` (%s) was removed from "
		              "endpoint `%s`: flows that filter on it lose "
		              "the filter silently",
		              p->key, place_name(p->place), e->id);
		cl_diff_related(ctx, diag, d, cl_node_attr_span(p->node, "key"),
		                "`%s` removed from here", p->key);
	}
}

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i, j;

	if (d->removed)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_endpoint *was;

		if (!*e->id || !cl_compat_first_endpoint(c, e))
			continue;
		was = cl_compat_endpoint(old, e->id);
		if (!was)
			continue;
		params_gone(ctx, d, e, &was->url_params, &e->url_params);
		params_gone(ctx, d, e, &was->headers, &e->headers);
		params_gone(ctx, d, e, &was->body.params, &e->body.params);
		for (j = 0; j < was->variables.n; j++) {
			const struct cl_variable *ov = &was->variables.items[j];
			struct cl_diag *diag;

			if (!*ov->key ||
			    !cl_var_is_first(&was->variables, ov) ||
			    cl_var_list_find(&e->variables, ov->key))
				continue;
			diag = cl_report(
			    ctx, &cl_rule_CL609,
			    cl_compat_parent_span(c, e->variables.node
			                                 ? e->variables.node
			                                 : e->node),
			    "endpoint variable `%s` was removed from endpoint "
			    "`%s`: flows that set it lose the setting silently",
			    ov->key, e->id);
			cl_diff_related(ctx, diag, d, cl_var_key_span(ov),
			                "`%s` removed from here", ov->key);
		}
	}
}

const struct cl_rule cl_rule_CL609 = {
	.id = "CL609",
	.slug = "endpoint-filter-removed",
	.severity = CL_SEV_WARNING,
	.summary = "an optional endpoint param or an endpoint variable of the "
	           "old version is gone",
	.diff = diff_hook,
	.compat = true,
};
