/*
 * CL203: Content-Type sent anywhere but in headers.
 */
#include <stdlib.h>

#include "endpoints.h"
#include "fix.h"
#include "fixes.h"
#include "rule.h"

/* The documented order of the children of an auth method and of an
 * endpoint (connector format, "Elements"). */
static const char *const method_order[] = { "url",       "additional-url",
	                                    "variables", "url-params",
	                                    "headers",   "body" };
static const char *const endpoint_order[] = { "url",       "url-params",
	                                      "headers",   "body",
	                                      "variables", "pagination",
	                                      "enable" };

/* Where the params of one auth method or endpoint are, for the fix. */
struct owner {
	const struct cl_connector *c;
	const struct cl_node *node;
	const struct cl_param_list *url_params, *headers;
	const struct cl_body *body;
	const struct cl_endpoint *endpoint; /* NULL for an auth method */
	const char *const *order;
	size_t norder;
};

static size_t
count_content_types(const struct cl_param_list *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += cl_is_content_type(&l->items[i]);
	return n;
}

/* Whether an auth method the endpoint enables sends a Content-Type
 * header, which the endpoint inherits. */
static bool
inherits_content_type(const struct cl_endpoint *e)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++)
		if (e->enables[i].target &&
		    cl_param_list_find_header(&e->enables[i].target->headers,
		                              "Content-Type"))
			return true;
	return false;
}

/*
 * Whether moving P (of LIST) into O's headers is exact and changes only
 * that: P is the one Content-Type param outside O's headers, on one line,
 * no header is a Content-Type already, an endpoint inherits none from its
 * methods (then deleting it is the other remedy, CL408) and still sends
 * a body (else the header is CL407's), and the header can be placed as
 * the last child of `<headers>` or in a new `<headers>` in the documented
 * order.
 */
static bool
can_move(const struct cl_ctx *ctx, const struct owner *o,
         const struct cl_param_list *list, const struct cl_param *p)
{
	struct cl_span s = p->node->span;
	uint32_t i;

	if (count_content_types(o->url_params) +
	        count_content_types(&o->body->params) !=
	    1)
		return false;
	if (cl_param_list_find_header(o->headers, "Content-Type"))
		return false;
	for (i = s.start; i < s.end; i++)
		if (ctx->buf[i] == '\n' || ctx->buf[i] == '\r')
			return false;
	if (o->endpoint) {
		struct cl_endpoint after = *o->endpoint;

		if (inherits_content_type(o->endpoint))
			return false;
		if (list == &o->body->params)
			after.body.params.n--;
		if (!o->c->webhook && cl_endpoint_sends_no_body(&after))
			return false;
	}
	if (o->headers->node)
		return cl_fix_can_append(ctx, o->headers->node);
	return cl_fix_can_insert_child(ctx, o->node, o->order, o->norder,
	                               "headers");
}

/* The fix of D: P's element, as written, becomes a header of O. */
static void
fix_move(struct cl_ctx *ctx, struct cl_diag *d, const struct owner *o,
         const struct cl_param_list *list, const struct cl_param *p)
{
	struct cl_span s = p->node->span;
	char *element;

	if (!d || !can_move(ctx, o, list, p))
		return;
	element =
	    cl_xasprintf("%.*s", (int)(s.end - s.start), ctx->buf + s.start);
	cl_fix_new(ctx, d, CL_FIX_SAFE, "move `%s` to `headers`", p->key);
	cl_fix_remove(ctx, d, s);
	if (o->headers->node)
		cl_fix_append(ctx, d, o->headers->node, element);
	else
		cl_fix_insert_child(ctx, d, o->node, o->order, o->norder,
		                    "headers", element);
	free(element);
}

/* Content-Type is an HTTP header whatever its case; as a query or form
 * field the server never sees it as the body's type. */
static void
check_params_for_content_type(struct cl_ctx *ctx, const struct owner *o,
                              const struct cl_param_list *list,
                              const char *where)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		struct cl_diag *d;

		if (!cl_is_content_type(p))
			continue;
		d = cl_report(
		    ctx, &cl_rule_CL203, cl_node_attr_span(p->node, "key"),
		    "`%s` is an HTTP header but is sent as a %s; move "
		    "it to `headers`",
		    p->key, where);
		/* The server reads it at last, as what it was meant to be. */
		fix_move(ctx, d, o, list, p);
	}
}

static void
check_owner(struct cl_ctx *ctx, const struct owner *o)
{
	check_params_for_content_type(ctx, o, o->url_params, "URL param");
	check_params_for_content_type(ctx, o, &o->body->params, "body param");
}

static void
check_content_type_outside_headers(struct cl_ctx *ctx,
                                   const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		struct owner o = { c,
			           m->node,
			           &m->url_params,
			           &m->headers,
			           &m->body,
			           NULL,
			           method_order,
			           CL_ARRAY_SIZE(method_order) };

		check_owner(ctx, &o);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		struct owner o = { c,
			           e->node,
			           &e->url_params,
			           &e->headers,
			           &e->body,
			           e,
			           endpoint_order,
			           CL_ARRAY_SIZE(endpoint_order) };

		check_owner(ctx, &o);
	}
}

const struct cl_rule cl_rule_CL203 = {
	.id = "CL203",
	.slug = "content-type-outside-headers",
	.severity = CL_SEV_ERROR,
	.summary = "a Content-Type param in url-params or body",
	.check = check_content_type_outside_headers,
	.fix = CL_RULE_FIX_SAFE,
};
