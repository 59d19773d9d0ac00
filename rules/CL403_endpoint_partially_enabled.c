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
#include <stdlib.h>
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

		/* M itself, or a method of its id (the first byte rules most
		 * out without a call). */
		if (en->target
		        ? en->target == m || (en->target->id[0] == m->id[0] &&
		                              !strcmp(en->target->id, m->id))
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

/* 1 when the J-th method of C may be named as missing from an endpoint:
 * the first of its id, which some endpoint enables. The same for every
 * endpoint, so worked out once (CAN_MISS). */
static int
may_be_missing(const struct cl_connector *c, size_t j)
{
	const struct cl_auth_method *m = &c->auth_methods[j];

	return *m->id && first_with_id(c, j) && enabled_somewhere(c, m);
}

/* A method CL403 names as missing from E; CAN_MISS: may_be_missing of
 * each method. */
static int
missing_from(const struct cl_connector *c, const struct cl_endpoint *e,
             size_t j, const unsigned char *can_miss)
{
	return can_miss[j] && !enables_method(e, &c->auth_methods[j]);
}

/* 1 when endpoints A and B enable the same methods, in the same order,
 * every <enable> resolved: the same methods are then missing from both. */
static int
same_resolved_enables(const struct cl_endpoint *a, const struct cl_endpoint *b)
{
	size_t j;

	for (j = 0; j < a->n_enables; j++)
		if (!a->enables[j].target)
			return 0;
	return cl_same_enables(a, b);
}

static void
check_partially_enabled(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e, *clean = NULL;
	unsigned char *can_miss;
	size_t i, j, nmethods = 0;

	for (j = 0; j < c->n_auth_methods; j++)
		nmethods += *c->auth_methods[j].id && first_with_id(c, j);
	if (nmethods < 2)
		return;
	can_miss = cl_malloc(c->n_auth_methods);
	for (j = 0; j < c->n_auth_methods; j++)
		can_miss[j] = (unsigned char)may_be_missing(c, j);
	cl_for_each_endpoint(e, c, i)
	{
		struct cl_strbuf missing = CL_STRBUF_INIT;
		const struct cl_auth_method *first = NULL;
		struct cl_diag *d;
		size_t nmissing = 0;

		if (!has_resolved_enable(e))
			continue;
		/* Most endpoints enable what the one before did: when that
		 * missed nothing, neither does this one. */
		if (clean && same_resolved_enables(clean, e))
			continue;
		for (j = 0; j < c->n_auth_methods; j++) {
			const struct cl_auth_method *m = &c->auth_methods[j];

			if (!missing_from(c, e, j, can_miss))
				continue;
			cl_strbuf_addf(&missing, "%s`%s`", nmissing ? ", " : "",
			               m->id);
			if (!first)
				first = m;
			nmissing++;
		}
		if (!nmissing) {
			clean = e;
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

			if (missing_from(c, e, j, can_miss))
				cl_report_related(
				    ctx, d, cl_node_attr_span(m->node, "id"),
				    "auth method `%s` is defined here", m->id);
		}
		cl_strbuf_release(&missing);
	}
	free(can_miss);
}

const struct cl_rule cl_rule_CL403 = {
	.id = "CL403",
	.slug = "endpoint-partially-enabled",
	.severity = CL_SEV_INFO,
	.summary =
	    "the connector has several auth methods and the endpoint enables only some of them",
	.check = check_partially_enabled,
};
