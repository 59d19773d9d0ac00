/*
 * CL410 content-type-data-type-mismatch
 *
 * The Content-Type header describes the request body. The body's own
 * data-type says what that is when given; else the endpoint's data-type
 * (default json) does, except for a form body, whose Content-Type is a form
 * encoding whatever the endpoint's data-type (which then describes the
 * response).
 */
#include <string.h>

#include "endpoints.h"
#include "rule.h"

/* 1 when the N bytes at S are LIT (lower case) ignoring ASCII case. */
static int
is_ci(const char *s, size_t n, const char *lit)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != lit[i] || !lit[i])
			return 0;
	}
	return !lit[n];
}

/*
 * The data type a media type stands for: json for application/json and
 * every +json suffix (application/vnd.api+json), xml likewise, csv for
 * text/csv and application/csv, txt for text/plain; CL_DATA_UNKNOWN for
 * the rest (form data, octet streams, ...), which contradicts nothing.
 */
static enum cl_data_type
media_data_type(const char *v)
{
	size_t n = 0, slash, sublen;
	const char *sub;

	/* The media type: up to a parameter or a blank, read as its first
	 * 127 bytes, case folded in the comparisons (no copy). */
	while (*v == ' ' || *v == '\t')
		v++;
	while (v[n] && v[n] != ';' && v[n] != ' ' && v[n] != '\t' && n < 127)
		n++;
	for (slash = 0; slash < n && v[slash] != '/'; slash++)
		;
	if (slash == n)
		return CL_DATA_UNKNOWN;
	sub = v + slash + 1;
	sublen = n - slash - 1;
	if (is_ci(sub, sublen, "json") ||
	    (sublen > 5 && is_ci(sub + sublen - 5, 5, "+json")))
		return CL_DATA_JSON;
	if (is_ci(sub, sublen, "xml") ||
	    (sublen > 4 && is_ci(sub + sublen - 4, 4, "+xml")))
		return CL_DATA_XML;
	if (is_ci(sub, sublen, "csv"))
		return CL_DATA_CSV;
	if (is_ci(v, n, "text/plain"))
		return CL_DATA_TXT;
	return CL_DATA_UNKNOWN;
}

static const char *
data_type_name(enum cl_data_type t)
{
	switch (t) {
	case CL_DATA_JSON:
		return "json";
	case CL_DATA_XML:
		return "xml";
	case CL_DATA_CSV:
		return "csv";
	case CL_DATA_TXT:
		return "txt";
	case CL_DATA_UNKNOWN:
		break;
	}
	return "unknown";
}

static const char *
media_type_for(enum cl_data_type t)
{
	switch (t) {
	case CL_DATA_JSON:
		return "application/json";
	case CL_DATA_XML:
		return "application/xml";
	case CL_DATA_CSV:
		return "text/csv";
	case CL_DATA_TXT:
		return "text/plain";
	case CL_DATA_UNKNOWN:
		break;
	}
	return NULL;
}

/*
 * Does a header saying HEADER contradict data of type DATA? Plain text
 * (`txt`) is compatible with anything textual, and CSV may travel as
 * text/plain, so only json/xml/csv clash with each other, and text/plain
 * clashes with json and xml.
 */
static int
contradicts(enum cl_data_type header, enum cl_data_type data)
{
	if (header == CL_DATA_UNKNOWN || data == CL_DATA_UNKNOWN ||
	    header == data || data == CL_DATA_TXT)
		return 0;
	if (header == CL_DATA_TXT)
		return data == CL_DATA_JSON || data == CL_DATA_XML;
	return 1;
}

/* What the headers of endpoint E are compared with (check_endpoint). */
struct want {
	enum cl_data_type type;
	const struct cl_node *where;
	const char *what;
	/* The endpoint's data-type attribute is looked up only for a
	 * report. */
	int where_unknown;
};

/* Fills in *W for endpoint E; 0 when its headers are not checked. */
static int
want_for(struct cl_ctx *ctx, const struct cl_connector *c,
         const struct cl_endpoint *e, int *cl407_on, struct want *w)
{
	size_t j;

	/* CL407 already asks to remove the header. */
	if (cl_cl407_reports_cached(ctx, c, e, cl407_on))
		return 0;
	w->where_unknown = 0;
	if (e->body.node && e->body.data_type) {
		w->type = CL_DATA_UNKNOWN;
		for (j = CL_DATA_JSON; j < CL_DATA_UNKNOWN; j++)
			if (!strcmp(e->body.data_type,
			            data_type_name((enum cl_data_type)j)))
				w->type = (enum cl_data_type)j;
		w->where = e->body.node;
		w->what = "body data-type";
	} else if (e->body.node && e->body.format == CL_BODY_FORM) {
		return 0;
	} else {
		w->type = e->data_type;
		w->where = NULL;
		w->where_unknown = 1;
		w->what = "data-type";
	}
	return 1;
}

/* The last Content-Type value read, and what it said: most endpoints of
 * a connector send the same one, then read by a strcmp. */
struct memo {
	const char *value;     /* NULL: none yet */
	enum cl_data_type got; /* CL_DATA_UNKNOWN also for a placeholder */
};

/* What the Content-Type value V says, CL_DATA_UNKNOWN when it holds a
 * placeholder (its value is not known here). */
static enum cl_data_type
value_data_type(struct memo *m, const char *v)
{
	if (m->value && m->value[0] == v[0] && !strcmp(m->value, v))
		return m->got;
	m->value = v;
	m->got = strstr(v, "{{") ? CL_DATA_UNKNOWN : media_data_type(v);
	return m->got;
}

/*
 * The Content-Type headers of E against what its body is. Most endpoints
 * have none with a media type of a data type: what the header is compared
 * with is worked out only for one that has.
 */
static void
check_endpoint(struct cl_ctx *ctx, const struct cl_connector *c,
               const struct cl_endpoint *e, int *cl407_on, struct memo *memo)
{
	struct want w = { CL_DATA_UNKNOWN, NULL, NULL, 0 };
	int known = 0; /* W filled in */
	size_t j;

	for (j = 0; j < e->headers.n; j++) {
		const struct cl_param *p = &e->headers.items[j];
		enum cl_data_type got;
		struct cl_diag *d;
		const struct cl_node *where;

		/* Unknown contradicts nothing. */
		if (!cl_is_content_type(p) || !p->value ||
		    (got = value_data_type(memo, p->value)) == CL_DATA_UNKNOWN)
			continue;
		if (!known && !want_for(ctx, c, e, cl407_on, &w))
			return;
		known = 1;
		if (!contradicts(got, w.type))
			continue;
		where = w.where;
		if (w.where_unknown)
			where =
			    cl_node_attr(e->node, "data-type") ? e->node : NULL;
		d = cl_report(
		    ctx, &cl_rule_CL410, cl_node_attr_span(p->node, "value"),
		    "`%s: %s` contradicts the %s `%s` of "
		    "endpoint `%s`%s: did you mean `%s`?",
		    p->key, p->value, w.what, data_type_name(w.type), e->id,
		    where ? "" : " (the default)", media_type_for(w.type));
		if (where)
			cl_report_related(ctx, d,
			                  cl_node_attr_span(where, "data-type"),
			                  "%s given here", w.what);
	}
}

static void
check_content_type_data_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i;
	int cl407_on = -1;
	struct memo memo = { NULL, CL_DATA_UNKNOWN };

	cl_for_each_endpoint(e, c, i)
	{
		check_endpoint(ctx, c, e, &cl407_on, &memo);
	}
}

const struct cl_rule cl_rule_CL410 = {
	.id = "CL410",
	.slug = "content-type-data-type-mismatch",
	.severity = CL_SEV_WARNING,
	.summary =
	    "an endpoint's own `Content-Type` header that contradicts its `data-type` or body `data-type`",
	.check = check_content_type_data_type,
};
