/*
 * CL404 endpoint-url-too-long
 *
 * The platform stores at most 255 characters of endpoint URL (format
 * spec, "Limits"). Counted on the trimmed, decoded URL as written,
 * placeholders included (they are what is stored), in characters.
 */
#include <string.h>

#include "endpoints.h"
#include "rule.h"
#include "span.h"

#define CL_MAX_ENDPOINT_URL 255

static void
check_url_too_long(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i;

	cl_for_each_endpoint(e, c, i)
	{
		size_t len, chars;

		if (!e->url.node)
			continue;
		len = strlen(e->url.value);
		/* No more characters than bytes: most URLs need no count. */
		if (len <= CL_MAX_ENDPOINT_URL)
			continue;
		chars = cl_utf8_count(e->url.value, len);
		if (chars <= CL_MAX_ENDPOINT_URL)
			continue;
		cl_report(
		    ctx, &cl_rule_CL404,
		    cl_elem_part_span(ctx, e->url.node, e->url.value, 0, len),
		    "the URL of endpoint `%s` is %zu characters long; "
		    "the platform allows at most %d (%zu too many): "
		    "move query parameters into `url-params`",
		    e->id, chars, CL_MAX_ENDPOINT_URL,
		    chars - CL_MAX_ENDPOINT_URL);
	}
}

const struct cl_rule cl_rule_CL404 = {
	.id = "CL404",
	.slug = "endpoint-url-too-long",
	.severity = CL_SEV_ERROR,
	.summary = "an endpoint `url` over 255 characters",
	.check = check_url_too_long,
};
