/*
 * CL403 endpoint-partially-enabled
 *
 * An endpoint that enables some but not all of several auth methods is
 * invisible to instances made with the others (platform: an endpoint is
 * offered only to instances whose method it enables). Often deliberate,
 * hence info. Not reported: endpoints enabling nothing that exists (CL401,
 * CL402 say so), a method an unresolved <enable> misspells (CL402 names
 * it), and a method that no endpoint enables (CL202 says so once).
 */
#include <string.h>

#include "endpoints.h"
#include "nearmiss.h"
#include "rule.h"

/* 1 when E has at least one <enable> that names an existing method. */
static int
has_resolved_enable(const struct cl_endpoint *e)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++)
		if (e->enables[i].target)
			return 1;
	return 0;
}

static int
enables_method(const struct cl_endpoint *e, const struct cl_auth_method *m)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++) {
		const struct cl_enable *en = &e->enables[i];

		if (en->target ? !strcmp(en->target->id, m->id)
		               : *en->auth_method &&
		                     cl_nearmiss(en->auth_method, &m->id, 1))
			return 1;
	}
	return 0;
}

/* 1 when the I-th method of C is the first with its id (CL006 reports
 * the others). */
static int
first_with_id(const struct cl_connector *c, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (!strcmp(c->auth_methods[k].id, c->auth_methods[i].id))
			return 0;
	return 1;
}

/* 1 when some endpoint of C enables M (else CL202 reports M, once). */
static int
enabled_somewhere(const struct cl_connector *c, const struct cl_auth_method *m)
{
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++)
		for (j = 0; j < c->endpoints[i].n_enables; j++)
			if (c->endpoints[i].enables[j].target &&
			    !strcmp(c->endpoints[i].enables[j].target->id,
			            m->id))
				return 1;
	return 0;
}

/* A method CL403 names as missing from E. */
static int
missing_from(const struct cl_connector *c, const struct cl_endpoint *e,
             size_t j)
{
	const struct cl_auth_method *m = &c->auth_methods[j];

	return *m->id && first_with_id(c, j) && !enables_method(e, m) &&
	       enabled_somewhere(c, m);
}

static void
check_partially_enabled(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i, j, nmethods = 0;

	for (j = 0; j < c->n_auth_methods; j++)
		nmethods += *c->auth_methods[j].id && first_with_id(c, j);
	if (nmethods < 2)
		return;
	cl_for_each_endpoint(e, c, i)
	{
		struct cl_strbuf missing = CL_STRBUF_INIT;
		const struct cl_auth_method *first = NULL;
		struct cl_diag *d;
		size_t nmissing = 0;

		if (!has_resolved_enable(e))
			continue;
		for (j = 0; j < c->n_auth_methods; j++) {
			const struct cl_auth_method *m = &c->auth_methods[j];

			if (!missing_from(c, e, j))
				continue;
			cl_strbuf_addf(&missing, "%s`%s`", nmissing ? ", " : "",
			               m->id);
			if (!first)
				first = m;
			nmissing++;
		}
		if (!nmissing) {
			cl_strbuf_release(&missing);
			continue;
		}
		if (nmissing == 1)
			d = cl_report(
			    ctx, &cl_rule_CL403, e->node->name_span,
			    "endpoint `%s` does not enable auth method "
			    "%s: instances created with it cannot use "
			    "this endpoint; add `<enable auth-method="
			    "\"%s\"/>` if they should",
			    e->id, cl_strbuf_str(&missing), first->id);
		else
			d = cl_report(
			    ctx, &cl_rule_CL403, e->node->name_span,
			    "endpoint `%s` does not enable auth methods "
			    "%s: instances created with them cannot "
			    "use this endpoint; add an `<enable>` for "
			    "each that should",
			    e->id, cl_strbuf_str(&missing));
		for (j = 0; d && j < c->n_auth_methods; j++) {
			const struct cl_auth_method *m = &c->auth_methods[j];

			if (missing_from(c, e, j))
				cl_report_related(
				    ctx, d, cl_node_attr_span(m->node, "id"),
				    "auth method `%s` is defined here", m->id);
		}
		cl_strbuf_release(&missing);
	}
}

const struct cl_rule cl_rule_CL403 = {
	.id = "CL403",
	.slug = "endpoint-partially-enabled",
	.severity = CL_SEV_INFO,
	.summary =
	    "the connector has several auth methods and the endpoint enables only some of them",
	.check = check_partially_enabled,
};
