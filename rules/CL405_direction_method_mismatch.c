/*
 * CL405 direction-method-mismatch
 *
 * A `receive` endpoint pulls data, normally with GET; a `send` endpoint
 * carries the flow's payload, which GET and HEAD cannot. Often a slip, not
 * always (a POST that only reads, such as a search or a GraphQL query, is
 * fine), hence info.
 */
#include <string.h>

#include "endpoints.h"
#include "rule.h"

static void
check_direction_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	static const char *const writes[] = { "POST", "PUT", "PATCH", "DELETE",
		                              NULL };
	static const char *const reads[] = { "GET", "HEAD", NULL };
	size_t i;

	cl_for_each_endpoint(e, c, i)
	{
		struct cl_diag *d;

		if (!e->method)
			continue;
		/* The spans are looked up only for a report. */
		if (e->direction == CL_DIR_RECEIVE &&
		    cl_method_in(e->method, writes))
			d = cl_report(
			    ctx, &cl_rule_CL405,
			    cl_node_attr_span(e->node, "method"),
			    "endpoint `%s` has direction `receive` "
			    "but method `%s`: receive endpoints pull "
			    "data, normally with GET; if it changes "
			    "data, make it `direction=\"send\"`%s",
			    e->id, e->method,
			    strcmp(e->method, "POST")
			        ? ""
			        : " (a POST that only reads, such as a "
			          "search or a GraphQL query, is fine)");
		else if (e->direction == CL_DIR_SEND &&
		         cl_method_in(e->method, reads))
			d = cl_report(ctx, &cl_rule_CL405,
			              cl_node_attr_span(e->node, "method"),
			              "endpoint `%s` has direction `send` but "
			              "method `%s`, which carries no payload: "
			              "use POST, PUT, PATCH or DELETE, or make "
			              "it `direction=\"receive\"`",
			              e->id, e->method);
		else
			continue;
		cl_report_related(ctx, d,
		                  cl_node_attr_span(e->node, "direction"),
		                  "direction given here");
	}
}

const struct cl_rule cl_rule_CL405 = {
	.id = "CL405",
	.slug = "direction-method-mismatch",
	.severity = CL_SEV_INFO,
	.summary =
	    "`receive` with POST/PUT/PATCH/DELETE, or `send` with GET/HEAD",
	.check = check_direction_method,
};
