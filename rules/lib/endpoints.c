/* What the endpoint rules share; see endpoints.h. */
#include "endpoints.h"

#include <string.h>

int
cl_method_in(const char *method, const char *const *list)
{
	/* The first byte rules most out without a call. */
	for (; *list; list++)
		if (method[0] == (*list)[0] && !strcmp(method, *list))
			return 1;
	return 0;
}

int
cl_is_content_type_key(const char *key)
{
	/* Most Content-Type headers are spelt so. */
	return !strcmp(key, "Content-Type") ||
	       !cl_strcasecmp(key, "Content-Type");
}

int
cl_body_has_payload(const struct cl_body *b)
{
	return b->params.n || (b->content.node && *b->content.value);
}

int
cl_endpoint_sends_no_body(const struct cl_endpoint *e)
{
	if (cl_body_has_payload(&e->body))
		return 0;
	if (e->body.node && e->body.format_given)
		return e->body.format == CL_BODY_NONE ||
		       (e->direction == CL_DIR_RECEIVE &&
		        e->body.format != CL_BODY_UNKNOWN);
	return e->direction == CL_DIR_RECEIVE;
}

int
cl_cl407_reports(const struct cl_ctx *ctx, const struct cl_connector *c,
                 const struct cl_endpoint *e)
{
	return !c->webhook && cl_endpoint_sends_no_body(e) &&
	       cl_rule_enabled(ctx, &cl_rule_CL407);
}

int
cl_cl407_reports_cached(const struct cl_ctx *ctx, const struct cl_connector *c,
                        const struct cl_endpoint *e, int *on)
{
	if (c->webhook || !cl_endpoint_sends_no_body(e))
		return 0;
	if (*on < 0)
		*on = cl_rule_enabled(ctx, &cl_rule_CL407);
	return *on;
}

int
cl_same_enables(const struct cl_endpoint *a, const struct cl_endpoint *b)
{
	size_t j;

	if (a->n_enables != b->n_enables)
		return 0;
	for (j = 0; j < a->n_enables; j++)
		if (a->enables[j].target != b->enables[j].target)
			return 0;
	return 1;
}
