/*
 * Endpoint rules about the request an endpoint sends (CL403-CL413): which
 * auth methods it is offered to, its URL, its HTTP method against its
 * direction, its body against its headers, what it inherits from its auth
 * methods, and its pagination options.
 *
 * What an endpoint inherits (format spec, `auth-method`): the `headers`
 * and `body` params of every auth method it enables are sent on its
 * requests too, an own param with the same key overriding the inherited
 * one; `<headers automatic="false">` turns the inherited headers off (and
 * every other header the platform would add), not the inherited body.
 * An endpoint used by several methods inherits something for sure only
 * when every one of them sends it, so the rules below that reason about
 * inheritance (CL408, CL409) look at all the endpoint's resolved methods;
 * an `<enable>` naming no method (CL402) reaches no instance and is left
 * out.
 */
#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "rawspan.h"
#include "rule.h"

/* ---- shared helpers ---- */

static int is_content_type(const struct cl_param *p)
{
	return !cl_strcasecmp(p->key, "Content-Type");
}

/* 1 when the body of E carries something: params, or non-empty content. */
static int body_has_payload(const struct cl_body *b)
{
	return b->params.n || (b->content.node && *b->content.value);
}

/* 1 when E has at least one <enable> that names an existing method. */
static int has_resolved_enable(const struct cl_endpoint *e)
{
	size_t i;

	for (i = 0; i < e->n_enables; i++)
		if (e->enables[i].target)
			return 1;
	return 0;
}

/*
 * CL407's condition: E sends no body, so its own Content-Type header
 * describes nothing. A `send` endpoint carries the flow's payload even
 * with no <body>, so only an explicit format="none" counts for it. A body
 * of format "none" that has params or content is CL412's: its format is
 * the likely mistake, not the header.
 */
static int sends_no_body(const struct cl_endpoint *e)
{
	if (body_has_payload(&e->body))
		return 0;
	if (e->body.node && e->body.format_given)
		return e->body.format == CL_BODY_NONE ||
		       (e->direction == CL_DIR_RECEIVE &&
			e->body.format != CL_BODY_UNKNOWN);
	return e->direction == CL_DIR_RECEIVE;
}

/* 1 when CL407 reports E's own Content-Type headers (then the rules that
 * would also point at them stay quiet: removing them fixes all). */
static int cl407_reports(const struct cl_ctx *ctx, const struct cl_endpoint *e)
{
	return !ctx->model->webhook && sends_no_body(e) &&
	       cl_rule_enabled(ctx, &cl_rule_CL407);
}

/* ---- CL403 ---- */

/*
 * An endpoint that enables some but not all of several auth methods is
 * invisible to instances made with the others (platform: an endpoint is
 * offered only to instances whose method it enables). Often deliberate,
 * hence info. Not reported: endpoints enabling nothing that exists (CL401,
 * CL402 say so), a method an unresolved <enable> misspells (CL402 names
 * it), and a method that no endpoint enables (CL202 says so once).
 */
static int enables_method(const struct cl_endpoint *e,
                          const struct cl_auth_method *m)
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
static int first_with_id(const struct cl_connector *c, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (!strcmp(c->auth_methods[k].id, c->auth_methods[i].id))
			return 0;
	return 1;
}

/* 1 when some endpoint of C enables M (else CL202 reports M, once). */
static int enabled_somewhere(const struct cl_connector *c,
                             const struct cl_auth_method *m)
{
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++)
		for (j = 0; j < c->endpoints[i].n_enables; j++)
			if (c->endpoints[i].enables[j].target &&
			    !strcmp(c->endpoints[i].enables[j].target->id, m->id))
				return 1;
	return 0;
}

/* A method CL403 names as missing from E. */
static int missing_from(const struct cl_connector *c,
                        const struct cl_endpoint *e, size_t j)
{
	const struct cl_auth_method *m = &c->auth_methods[j];

	return *m->id && first_with_id(c, j) && !enables_method(e, m) &&
	       enabled_somewhere(c, m);
}

static void check_partially_enabled(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, nmethods = 0;

	for (j = 0; j < c->n_auth_methods; j++)
		nmethods += *c->auth_methods[j].id && first_with_id(c, j);
	if (nmethods < 2)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
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
			cl_strbuf_addf(&missing, "%s`%s`",
				       nmissing ? ", " : "", m->id);
			if (!first)
				first = m;
			nmissing++;
		}
		if (!nmissing) {
			cl_strbuf_release(&missing);
			continue;
		}
		if (nmissing == 1)
			d = cl_report(ctx, &cl_rule_CL403, e->node->name_span,
				      "endpoint `%s` does not enable auth method "
				      "%s: instances created with it cannot use "
				      "this endpoint; add `<enable auth-method="
				      "\"%s\"/>` if they should",
				      e->id, cl_strbuf_str(&missing), first->id);
		else
			d = cl_report(ctx, &cl_rule_CL403, e->node->name_span,
				      "endpoint `%s` does not enable auth methods "
				      "%s: instances created with them cannot "
				      "use this endpoint; add an `<enable>` for "
				      "each that should",
				      e->id, cl_strbuf_str(&missing));
		for (j = 0; d && j < c->n_auth_methods; j++) {
			const struct cl_auth_method *m = &c->auth_methods[j];

			if (missing_from(c, e, j))
				cl_report_related(ctx, d,
						  cl_node_attr_span(m->node, "id"),
						  "auth method `%s` is defined here",
						  m->id);
		}
		cl_strbuf_release(&missing);
	}
}

const struct cl_rule cl_rule_CL403 = {
	.id = "CL403",
	.slug = "endpoint-partially-enabled",
	.severity = CL_SEV_INFO,
	.summary = "the connector has several auth methods and the endpoint enables only some of them",
	.check = check_partially_enabled,
};

/* ---- CL404 ---- */

#define CL_MAX_ENDPOINT_URL 255

/*
 * The platform stores at most 255 characters of endpoint URL (format
 * spec, "Limits"). Counted on the trimmed, decoded URL as written,
 * placeholders included (they are what is stored), in characters.
 */
static void check_url_too_long(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		size_t len, chars;

		if (!e->url.node)
			continue;
		len = strlen(e->url.value);
		chars = cl_utf8_count(e->url.value, len);
		if (chars <= CL_MAX_ENDPOINT_URL)
			continue;
		cl_report(ctx, &cl_rule_CL404,
			  cl_elem_part_span(ctx, e->url.node, e->url.value, 0,
					    len),
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

/* ---- CL405 ---- */

static int method_in(const char *m, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(m, *list))
			return 1;
	return 0;
}

static void check_direction_method(struct cl_ctx *ctx, const struct cl_connector *c)
{
	static const char *const writes[] = { "POST", "PUT", "PATCH", "DELETE", NULL };
	static const char *const reads[] = { "GET", "HEAD", NULL };
	size_t i;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		struct cl_span at;
		struct cl_diag *d = NULL;

		if (!e->method)
			continue;
		at = cl_node_attr_span(e->node, "method");
		if (e->direction == CL_DIR_RECEIVE && method_in(e->method, writes))
			d = cl_report(ctx, &cl_rule_CL405, at,
				      "endpoint `%s` has direction `receive` "
				      "but method `%s`: receive endpoints pull "
				      "data, normally with GET; if it changes "
				      "data, make it `direction=\"send\"`%s",
				      e->id, e->method,
				      strcmp(e->method, "POST") ? ""
				      : " (a POST that only reads, such as a "
					"search or a GraphQL query, is fine)");
		else if (e->direction == CL_DIR_SEND && method_in(e->method, reads))
			d = cl_report(ctx, &cl_rule_CL405, at,
				      "endpoint `%s` has direction `send` but "
				      "method `%s`, which carries no payload: "
				      "use POST, PUT, PATCH or DELETE, or make "
				      "it `direction=\"receive\"`",
				      e->id, e->method);
		cl_report_related(ctx, d, cl_node_attr_span(e->node, "direction"),
				  "direction given here");
	}
}

const struct cl_rule cl_rule_CL405 = {
	.id = "CL405",
	.slug = "direction-method-mismatch",
	.severity = CL_SEV_INFO,
	.summary = "`receive` with POST/PUT/PATCH/DELETE, or `send` with GET/HEAD",
	.check = check_direction_method,
};

/* ---- CL406 ---- */

/*
 * A GET, HEAD or OPTIONS request has no defined body semantics (RFC 9110
 * §9.3.1, §9.3.2, §9.3.7): servers may reject it and proxies drop it. A
 * body with format="none" sends nothing; CL412 reports its params.
 */
static void check_bodiless_request(struct cl_ctx *ctx, const struct cl_connector *c)
{
	static const char *const bodiless[] = { "GET", "HEAD", "OPTIONS", NULL };
	size_t i;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_body *b = &e->body;
		struct cl_diag *d;

		if (!e->method || !method_in(e->method, bodiless) || !b->node ||
		    !body_has_payload(b) ||
		    (b->format_given && b->format == CL_BODY_NONE))
			continue;
		if (b->params.n)
			d = cl_report(ctx, &cl_rule_CL406, b->node->name_span,
				      "endpoint `%s` is a `%s` request but has "
				      "%zu body param%s: a %s request carries "
				      "no body; send %s as `url-params`, or "
				      "use POST", e->id, e->method, b->params.n,
				      b->params.n == 1 ? "" : "s", e->method,
				      b->params.n == 1 ? "it" : "them");
		else
			d = cl_report(ctx, &cl_rule_CL406, b->node->name_span,
				      "endpoint `%s` is a `%s` request but has "
				      "body content: a %s request carries no "
				      "body; remove it, or use POST",
				      e->id, e->method, e->method);
		cl_report_related(ctx, d, cl_node_attr_span(e->node, "method"),
				  "method given here");
	}
}

const struct cl_rule cl_rule_CL406 = {
	.id = "CL406",
	.slug = "body-on-bodiless-request",
	.severity = CL_SEV_WARNING,
	.summary = "body params or content on GET, HEAD or OPTIONS",
	.check = check_bodiless_request,
};

/* ---- CL407 ---- */

/*
 * The platform: "To send an empty body, no Content-Type header must be
 * set." Only the endpoint's own header: one inherited from an auth method
 * is that method's business (CL307 checks OAuth 2 methods' headers). Not
 * in a webhook connector, where the platform wants a Content-Type on every
 * endpoint (CL409).
 */
static void check_content_type_empty_body(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	if (!c || c->webhook)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		int explicit_none;

		if (!sends_no_body(e))
			continue;
		explicit_none = e->body.node && e->body.format_given &&
				e->body.format == CL_BODY_NONE;
		for (j = 0; j < e->headers.n; j++) {
			const struct cl_param *p = &e->headers.items[j];
			struct cl_diag *d;

			if (!is_content_type(p))
				continue;
			if (explicit_none) {
				d = cl_report(ctx, &cl_rule_CL407,
					      cl_node_attr_span(p->node, "key"),
					      "endpoint `%s` sends no body "
					      "(`format=\"none\"`) but sets "
					      "`%s`: an empty body must not "
					      "carry a Content-Type; remove "
					      "the header", e->id, p->key);
				cl_report_related(ctx, d,
						  cl_node_attr_span(e->body.node,
								    "format"),
						  "body format given here");
			} else {
				cl_report(ctx, &cl_rule_CL407,
					  cl_node_attr_span(p->node, "key"),
					  "receive endpoint `%s` sends no body "
					  "but sets `%s`: an empty body must "
					  "not carry a Content-Type; remove "
					  "the header", e->id, p->key);
			}
		}
	}
}

const struct cl_rule cl_rule_CL407 = {
	.id = "CL407",
	.slug = "content-type-with-empty-body",
	.severity = CL_SEV_WARNING,
	.summary = "an endpoint's own `Content-Type` header when it sends no body",
	.check = check_content_type_empty_body,
};

/* ---- CL408 ---- */

/* The param of LIST that P repeats (same key and value), or NULL.
 * Header names compare case-insensitively, body keys exactly. */
static const struct cl_param *same_param(const struct cl_param_list *list,
                                         const struct cl_param *p)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *q = &list->items[i];

		if (!q->required || !q->value)
			continue;
		if (p->place == CL_PLACE_HEADERS ? cl_strcasecmp(q->key, p->key)
						 : strcmp(q->key, p->key))
			continue;
		if (!strcmp(q->value, p->value))
			return q;
	}
	return NULL;
}

/* The list of M's params that an own param of E in PLACE is compared with. */
static const struct cl_param_list *inherited_list(const struct cl_auth_method *m,
                                                  enum cl_place place)
{
	return place == CL_PLACE_HEADERS ? &m->headers : &m->body.params;
}

/*
 * The number of methods E enables (resolved ones, each once) when every
 * one of them sends what P, an own param of E, sends; else 0.
 */
static size_t repeated_by_all(const struct cl_endpoint *e,
                              const struct cl_param *p)
{
	size_t i, k, n = 0;

	for (i = 0; i < e->n_enables; i++) {
		const struct cl_auth_method *m = e->enables[i].target;

		if (!m)
			continue;
		for (k = 0; k < i; k++)
			if (e->enables[k].target == m)
				break;
		if (k < i)
			continue;
		if (!same_param(inherited_list(m, p->place), p))
			return 0;
		n++;
	}
	return n;
}

static void check_repeated_params(struct cl_ctx *ctx,
                                  const struct cl_endpoint *e,
                                  const struct cl_param_list *list)
{
	size_t i, j, k, n;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		const char *what = p->place == CL_PLACE_HEADERS ? "header"
								: "body param";
		struct cl_diag *d;

		/* An optional param is the user's to fill in. */
		if (!p->required || !p->value)
			continue;
		/* CL407 already asks to remove it. */
		if (p->place == CL_PLACE_HEADERS && is_content_type(p) &&
		    cl407_reports(ctx, e))
			continue;
		if (!(n = repeated_by_all(e, p)))
			continue;
		for (j = 0; !e->enables[j].target; j++)
			;
		if (n == 1)
			d = cl_report(ctx, &cl_rule_CL408,
				      cl_node_attr_span(p->node, "key"),
				      "endpoint `%s` sets %s `%s` to the value "
				      "that auth method `%s` already sends on "
				      "its requests; remove it here", e->id,
				      what, p->key, e->enables[j].target->id);
		else
			d = cl_report(ctx, &cl_rule_CL408,
				      cl_node_attr_span(p->node, "key"),
				      "endpoint `%s` sets %s `%s` to the value "
				      "that each of its %zu auth methods "
				      "already sends on its requests; remove "
				      "it here", e->id, what, p->key, n);
		for (; d && j < e->n_enables; j++) {
			const struct cl_auth_method *m = e->enables[j].target;
			const struct cl_param *q;

			if (!m)
				continue;
			for (k = 0; k < j; k++)
				if (e->enables[k].target == m)
					break;
			if (k < j)
				continue;
			q = same_param(inherited_list(m, p->place), p);
			cl_report_related(ctx, d, cl_node_attr_span(q->node, "key"),
					  "auth method `%s` sends it here", m->id);
		}
	}
}

static void check_repeats_auth_param(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		/* With automatic headers off, nothing is inherited: an
		 * endpoint has to repeat the headers it needs. */
		if (e->automatic_headers)
			check_repeated_params(ctx, e, &e->headers);
		check_repeated_params(ctx, e, &e->body.params);
	}
}

const struct cl_rule cl_rule_CL408 = {
	.id = "CL408",
	.slug = "repeats-auth-param",
	.severity = CL_SEV_WARNING,
	.summary = "an endpoint header or body param with the same key and value as one an enabled auth method already sends automatically",
	.check = check_repeats_auth_param,
};

/* ---- CL409 ---- */

/* A header that is always sent with a value: Content-Type, required, with a
 * non-empty value. */
static const struct cl_param *sent_content_type(const struct cl_param_list *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct cl_param *p = &h->items[i];

		if (is_content_type(p) && p->required && p->value && *p->value)
			return p;
	}
	return NULL;
}

/*
 * Platform: "Webhook connectors must include a content-type header." The
 * endpoint's own, or one inherited from every method it enables (an
 * instance made with a method that sends none would send none). An
 * optional header (required="false") is not sent unless a user fills it
 * in, so it does not count.
 */
static void check_webhook_content_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	if (!c || !c->webhook)
		return;
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_param *inherited = NULL, *any = NULL;
		const struct cl_auth_method *from = NULL, *lacking = NULL;
		struct cl_span at;
		struct cl_diag *d;

		if (sent_content_type(&e->headers))
			continue;
		for (j = 0; j < e->n_enables; j++) {
			const struct cl_auth_method *m = e->enables[j].target;
			const struct cl_param *p;

			if (!m)
				continue;
			p = sent_content_type(&m->headers);
			if (p && !any) {
				any = p;
				from = m;
			}
			if (!p && !lacking)
				lacking = m;
		}
		if (any && !lacking)
			inherited = any;
		if (inherited && e->automatic_headers)
			continue;
		at = e->headers.node ? e->headers.node->name_span
				     : e->node->name_span;
		if (inherited) {
			/* Every method sends one, but automatic headers
			 * are off. */
			d = cl_report(ctx, &cl_rule_CL409, at,
				      "endpoint `%s` of a webhook connector "
				      "sends no `Content-Type` header: "
				      "`automatic=\"false\"` turns off the one "
				      "auth method `%s` sends; add a "
				      "`Content-Type` header here", e->id,
				      from->id);
			cl_report_related(ctx, d,
					  cl_node_attr_span(e->headers.node,
							    "automatic"),
					  "automatic headers turned off here");
			cl_report_related(ctx, d,
					  cl_node_attr_span(inherited->node, "key"),
					  "auth method `%s` sends it here",
					  from->id);
		} else if (any && e->automatic_headers) {
			d = cl_report(ctx, &cl_rule_CL409, at,
				      "endpoint `%s` of a webhook connector "
				      "has no `Content-Type` header when used "
				      "with auth method `%s`, which sends none "
				      "(auth method `%s` does); add a "
				      "`Content-Type` header to the endpoint",
				      e->id, lacking->id, from->id);
			cl_report_related(ctx, d,
					  cl_node_attr_span(lacking->node, "id"),
					  "auth method `%s` is defined here",
					  lacking->id);
		} else {
			cl_report(ctx, &cl_rule_CL409, at,
				  "endpoint `%s` of a webhook connector has "
				  "no `Content-Type` header, of its own or "
				  "from an auth method: webhook connectors "
				  "must send one; add e.g. `<param "
				  "key=\"Content-Type\" value=\"%s\"/>` to its "
				  "`headers`", e->id,
				  e->data_type == CL_DATA_XML ? "application/xml"
				  : e->data_type == CL_DATA_CSV ? "text/csv"
				  : e->data_type == CL_DATA_TXT ? "text/plain"
				  : "application/json");
		}
	}
}

const struct cl_rule cl_rule_CL409 = {
	.id = "CL409",
	.slug = "webhook-content-type-missing",
	.severity = CL_SEV_ERROR,
	.summary = "a webhook connector's endpoint without a `Content-Type` header (own or inherited)",
	.check = check_webhook_content_type,
};

/* ---- CL410 ---- */

/*
 * The data type a media type stands for: json for application/json and
 * every +json suffix (application/vnd.api+json), xml likewise, csv for
 * text/csv and application/csv, txt for text/plain; CL_DATA_UNKNOWN for
 * the rest (form data, octet streams, ...), which contradicts nothing.
 */
static enum cl_data_type media_data_type(const char *v)
{
	char mt[128];
	const char *slash, *sub;
	size_t n = 0, sublen;

	while (*v == ' ' || *v == '\t')
		v++;
	while (v[n] && v[n] != ';' && v[n] != ' ' && v[n] != '\t' &&
	       n + 1 < sizeof(mt)) {
		mt[n] = (v[n] >= 'A' && v[n] <= 'Z') ? (char)(v[n] - 'A' + 'a')
						     : v[n];
		n++;
	}
	mt[n] = '\0';
	slash = strchr(mt, '/');
	if (!slash)
		return CL_DATA_UNKNOWN;
	sub = slash + 1;
	sublen = strlen(sub);
	if (!strcmp(sub, "json") ||
	    (sublen > 5 && !strcmp(sub + sublen - 5, "+json")))
		return CL_DATA_JSON;
	if (!strcmp(sub, "xml") ||
	    (sublen > 4 && !strcmp(sub + sublen - 4, "+xml")))
		return CL_DATA_XML;
	if (!strcmp(sub, "csv"))
		return CL_DATA_CSV;
	if (!strcmp(mt, "text/plain"))
		return CL_DATA_TXT;
	return CL_DATA_UNKNOWN;
}

static const char *data_type_name(enum cl_data_type t)
{
	switch (t) {
	case CL_DATA_JSON: return "json";
	case CL_DATA_XML: return "xml";
	case CL_DATA_CSV: return "csv";
	case CL_DATA_TXT: return "txt";
	case CL_DATA_UNKNOWN: break;
	}
	return "unknown";
}

static const char *media_type_for(enum cl_data_type t)
{
	switch (t) {
	case CL_DATA_JSON: return "application/json";
	case CL_DATA_XML: return "application/xml";
	case CL_DATA_CSV: return "text/csv";
	case CL_DATA_TXT: return "text/plain";
	case CL_DATA_UNKNOWN: break;
	}
	return NULL;
}

/*
 * Does a header saying HEADER contradict data of type DATA? Plain text
 * (`txt`) is compatible with anything textual, and CSV may travel as
 * text/plain, so only json/xml/csv clash with each other, and text/plain
 * clashes with json and xml.
 */
static int contradicts(enum cl_data_type header, enum cl_data_type data)
{
	if (header == CL_DATA_UNKNOWN || data == CL_DATA_UNKNOWN ||
	    header == data || data == CL_DATA_TXT)
		return 0;
	if (header == CL_DATA_TXT)
		return data == CL_DATA_JSON || data == CL_DATA_XML;
	return 1;
}

/*
 * The Content-Type header describes the request body. The body's own
 * data-type says what that is when given; else the endpoint's data-type
 * (default json) does, except for a form body, whose Content-Type is a form
 * encoding whatever the endpoint's data-type (which then describes the
 * response).
 */
static void check_content_type_data_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		enum cl_data_type want;
		const struct cl_node *where;
		const char *what;

		/* CL407 already asks to remove the header. */
		if (cl407_reports(ctx, e))
			continue;
		if (e->body.node && e->body.data_type) {
			want = CL_DATA_UNKNOWN;
			for (j = CL_DATA_JSON; j < CL_DATA_UNKNOWN; j++)
				if (!strcmp(e->body.data_type,
					    data_type_name((enum cl_data_type)j)))
					want = (enum cl_data_type)j;
			where = e->body.node;
			what = "body data-type";
		} else if (e->body.node && e->body.format == CL_BODY_FORM) {
			continue;
		} else {
			want = e->data_type;
			where = cl_node_attr(e->node, "data-type") ? e->node : NULL;
			what = "data-type";
		}
		for (j = 0; j < e->headers.n; j++) {
			const struct cl_param *p = &e->headers.items[j];
			enum cl_data_type got;
			struct cl_diag *d;

			if (!is_content_type(p) || !p->value ||
			    strstr(p->value, "{{"))
				continue;
			got = media_data_type(p->value);
			if (!contradicts(got, want))
				continue;
			d = cl_report(ctx, &cl_rule_CL410,
				      cl_node_attr_span(p->node, "value"),
				      "`%s: %s` contradicts the %s `%s` of "
				      "endpoint `%s`%s: did you mean `%s`?",
				      p->key, p->value, what, data_type_name(want),
				      e->id, where ? "" : " (the default)",
				      media_type_for(want));
			if (where)
				cl_report_related(ctx, d,
						  cl_node_attr_span(where, "data-type"),
						  "%s given here", what);
		}
	}
}

const struct cl_rule cl_rule_CL410 = {
	.id = "CL410",
	.slug = "content-type-data-type-mismatch",
	.severity = CL_SEV_WARNING,
	.summary = "an endpoint's own `Content-Type` header that contradicts its `data-type` or body `data-type`",
	.check = check_content_type_data_type,
};

/* ---- CL411 ---- */

static void check_duplicate_enable(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, k;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 1; j < e->n_enables; j++) {
			const struct cl_enable *en = &e->enables[j];
			struct cl_diag *d;

			if (!*en->auth_method)
				continue;
			for (k = 0; k < j; k++)
				if (!strcmp(e->enables[k].auth_method,
					    en->auth_method))
					break;
			if (k == j)
				continue;
			d = cl_report(ctx, &cl_rule_CL411,
				      cl_node_attr_span(en->node, "auth-method"),
				      "endpoint `%s` enables auth method `%s` "
				      "twice; remove this `<enable>`",
				      e->id, en->auth_method);
			cl_report_related(ctx, d,
					  cl_node_attr_span(e->enables[k].node,
							    "auth-method"),
					  "first enabled here");
		}
	}
}

const struct cl_rule cl_rule_CL411 = {
	.id = "CL411",
	.slug = "duplicate-enable",
	.severity = CL_SEV_WARNING,
	.summary = "the same auth method enabled twice on one endpoint",
	.check = check_duplicate_enable,
};

/* ---- CL412 ---- */

/*
 * Only an explicit format: without one, the format follows the params
 * (form with params, else none). A `<content/>` left empty is harmless.
 * Auth methods' bodies too: the same attribute means the same there.
 */
static void check_body_format(struct cl_ctx *ctx, const struct cl_body *b,
                              const char *owner_kind, const char *owner)
{
	int content = b->content.node && *b->content.value;
	struct cl_span fmt;
	struct cl_diag *d;

	if (!b->node || !b->format_given)
		return;
	fmt = cl_node_attr_span(b->node, "format");
	if (b->format == CL_BODY_NONE && (b->params.n || content)) {
		d = cl_report(ctx, &cl_rule_CL412, fmt,
			      "the body of %s `%s` has `format=\"none\"`, so "
			      "its %s %s never sent: remove %s, or set the "
			      "format to `%s`", owner_kind, owner,
			      b->params.n ? "params" : "content",
			      b->params.n ? "are" : "is",
			      b->params.n ? "them" : "it",
			      b->params.n ? "form" : "raw");
		cl_report_related(ctx, d,
				  b->params.n ? b->params.items[0].node->name_span
					      : b->content.node->name_span,
				  "%s here", b->params.n ? "first param" : "content");
	} else if (b->format == CL_BODY_FORM && content) {
		d = cl_report(ctx, &cl_rule_CL412, fmt,
			      "the body of %s `%s` has `format=\"form\"`, which "
			      "sends key/value params, but has a `content` "
			      "child: use `format=\"raw\"` (with a `data-type`) "
			      "or `format=\"text\"` for content",
			      owner_kind, owner);
		cl_report_related(ctx, d, b->content.node->name_span,
				  "content here");
	}
}

static void check_body_format_mismatch(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++)
		check_body_format(ctx, &c->auth_methods[i].body, "auth method",
				  c->auth_methods[i].id);
	for (i = 0; i < c->n_endpoints; i++)
		check_body_format(ctx, &c->endpoints[i].body, "endpoint",
				  c->endpoints[i].id);
}

const struct cl_rule cl_rule_CL412 = {
	.id = "CL412",
	.slug = "body-format-mismatch",
	.severity = CL_SEV_WARNING,
	.summary = "body `format=\"none\"` with params or content, or `format=\"form\"` with a `content` child",
	.check = check_body_format_mismatch,
};

/* ---- CL413 ---- */

/*
 * Option keys, as the example connectors write them: `page-number` needs
 * `page_parameter` (the query param that carries the page number) and
 * `limit_parameter` (the one that carries the page size);
 * `next-page-token` needs `token_path` (where the next token is in the
 * response, dot notation). An option with an empty value counts as
 * missing. Other methods' options are not checked.
 */
struct needed_option {
	const char *method, *key, *what, *example;
};

static const struct needed_option needed_options[] = {
	{ "page-number", "page_parameter",
	  "the query parameter that carries the page number", "page" },
	{ "page-number", "limit_parameter",
	  "the query parameter that carries the page size", "limit" },
	{ "next-page-token", "token_path",
	  "where the next page's token is in the response (dot notation)",
	  "links.next" },
};

/* Option keys in use (the platform's option sets), never taken for a
 * misspelling of another. */
static int is_known_option(const char *key)
{
	static const char *const known[] = {
		"page_parameter", "limit_parameter", "limit", "limit_path",
		"token_parameter", "token_path", "offset_parameter",
		"data_path",
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(known); i++)
		if (!strcmp(key, known[i]))
			return 1;
	return 0;
}

/* `value=""` of option O, or its key when it has no value attribute. */
static struct cl_span empty_value_span(const struct cl_param *o)
{
	const struct cl_attr *a = cl_node_attr(o->node, "value");
	struct cl_span s;

	if (!a)
		return cl_node_attr_span(o->node, "key");
	s.start = a->name_span.start;
	s.end = a->value_span.end + 1; /* the closing quote */
	return s;
}

static void check_pagination_options(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, k;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];
		const struct cl_pagination *pg = &e->pagination;

		if (!pg->node || !pg->method)
			continue;
		for (j = 0; j < CL_ARRAY_SIZE(needed_options); j++) {
			const struct needed_option *n = &needed_options[j];
			const struct cl_param *o, *near = NULL;

			if (strcmp(pg->method, n->method))
				continue;
			o = cl_param_list_find(&pg->options, n->key);
			if (o && o->value && *o->value)
				continue;
			if (o) {
				cl_report(ctx, &cl_rule_CL413, empty_value_span(o),
					  "`%s` pagination option `%s` of "
					  "endpoint `%s` is empty: give %s, "
					  "e.g. `value=\"%s\"`", n->method,
					  n->key, e->id, n->what, n->example);
				continue;
			}
			for (k = 0; k < pg->options.n && !near; k++) {
				const struct cl_param *x = &pg->options.items[k];

				/* A near miss, or a clipped key
				 * (`page_param`). */
				if (!is_known_option(x->key) &&
				    (cl_nearmiss(x->key, &n->key, 1) ||
				     (strlen(x->key) >= 5 &&
				      !strncmp(x->key, n->key, strlen(x->key)))))
					near = x;
			}
			if (near)
				cl_report(ctx, &cl_rule_CL413,
					  cl_node_attr_span(near->node, "key"),
					  "`%s` pagination of endpoint `%s` has "
					  "an option `%s` but no `%s` (%s); did "
					  "you mean `%s`?", n->method, e->id,
					  near->key, n->key, n->what, n->key);
			else
				cl_report(ctx, &cl_rule_CL413, pg->node->name_span,
					  "`%s` pagination of endpoint `%s` has "
					  "no `%s` option (%s): add `<option "
					  "key=\"%s\" value=\"%s\"/>`",
					  n->method, e->id, n->key, n->what,
					  n->key, n->example);
		}
	}
}

const struct cl_rule cl_rule_CL413 = {
	.id = "CL413",
	.slug = "pagination-options-missing",
	.severity = CL_SEV_WARNING,
	.summary = "a pagination method without the options it needs (`page-number`: `page_parameter` and `limit_parameter`; `next-page-token`: `token_path`)",
	.check = check_pagination_options,
};
