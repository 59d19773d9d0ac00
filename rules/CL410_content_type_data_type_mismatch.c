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

/*
 * The data type a media type stands for: json for application/json and
 * every +json suffix (application/vnd.api+json), xml likewise, csv for
 * text/csv and application/csv, txt for text/plain; CL_DATA_UNKNOWN for
 * the rest (form data, octet streams, ...), which contradicts nothing.
 */
static enum cl_data_type
media_data_type(const char *v)
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

static void
check_content_type_data_type(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_endpoint *e;
	size_t i, j;
	int cl407_on = -1;

	cl_for_each_endpoint(e, c, i)
	{
		enum cl_data_type want;
		const struct cl_node *where;
		const char *what;
		/* The endpoint's data-type attribute is looked up only for a
		 * report. */
		int where_unknown = 0;

		/* CL407 already asks to remove the header. */
		if (cl_cl407_reports_cached(ctx, c, e, &cl407_on))
			continue;
		if (e->body.node && e->body.data_type) {
			want = CL_DATA_UNKNOWN;
			for (j = CL_DATA_JSON; j < CL_DATA_UNKNOWN; j++)
				if (!strcmp(
				        e->body.data_type,
				        data_type_name((enum cl_data_type)j)))
					want = (enum cl_data_type)j;
			where = e->body.node;
			what = "body data-type";
		} else if (e->body.node && e->body.format == CL_BODY_FORM) {
			continue;
		} else {
			want = e->data_type;
			where = NULL;
			where_unknown = 1;
			what = "data-type";
		}
		for (j = 0; j < e->headers.n; j++) {
			const struct cl_param *p = &e->headers.items[j];
			enum cl_data_type got;
			struct cl_diag *d;

			if (!cl_is_content_type(p) || !p->value ||
			    strstr(p->value, "{{"))
				continue;
			got = media_data_type(p->value);
			if (!contradicts(got, want))
				continue;
			if (where_unknown)
				where = cl_node_attr(e->node, "data-type")
				            ? e->node
				            : NULL;
			d = cl_report(ctx, &cl_rule_CL410,
			              cl_node_attr_span(p->node, "value"),
			              "`%s: %s` contradicts the %s `%s` of "
			              "endpoint `%s`%s: did you mean `%s`?",
			              p->key, p->value, what,
			              data_type_name(want), e->id,
			              where ? "" : " (the default)",
			              media_type_for(want));
			if (where)
				cl_report_related(
				    ctx, d,
				    cl_node_attr_span(where, "data-type"),
				    "%s given here", what);
		}
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
