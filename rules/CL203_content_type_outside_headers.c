/*
 * CL203: Content-Type sent anywhere but in headers.
 */
#include "rule.h"

/* Content-Type is an HTTP header whatever its case; as a query or form
 * field the server never sees it as the body's type. */
static void
check_params_for_content_type(struct cl_ctx *ctx,
                              const struct cl_param_list *list,
                              const char *where)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];

		if (cl_strcasecmp(p->key, "Content-Type"))
			continue;
		cl_report(ctx, &cl_rule_CL203,
		          cl_node_attr_span(p->node, "key"),
		          "`%s` is an HTTP header but is sent as a %s; move "
		          "it to `headers`",
		          p->key, where);
	}
}

static void
check_content_type_outside_headers(struct cl_ctx *ctx,
                                   const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		check_params_for_content_type(ctx, &m->url_params, "URL param");
		check_params_for_content_type(ctx, &m->body.params,
		                              "body param");
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		check_params_for_content_type(ctx, &e->url_params, "URL param");
		check_params_for_content_type(ctx, &e->body.params,
		                              "body param");
	}
}

const struct cl_rule cl_rule_CL203 = {
	.id = "CL203",
	.slug = "content-type-outside-headers",
	.severity = CL_SEV_ERROR,
	.summary = "a Content-Type param in url-params or body",
	.check = check_content_type_outside_headers,
};
