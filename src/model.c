/*
 * The model builder: one pass over the element tree that checks structure
 * against the format's element table (CL002, CL003) and builds the typed
 * model (model.h). The table below is the C twin of schema/connector.rng;
 * tests/check_schema.c keeps the two in agreement.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "placeholder.h"
#include "rule.h"

/* ---- the element table ---- */

enum attr_kind { A_TEXT, A_BOOL, A_ENUM, A_INT, A_AUTH_ID };

struct attr_def {
	const char *name;
	bool required;
	enum attr_kind kind;
	const char *const *values; /* A_ENUM: NULL-terminated */
};

struct elem_def;
struct child_def {
	const char *name;
	const struct elem_def *def;
	bool once;     /* at most one */
	bool required; /* at least one */
};

struct elem_def {
	const char *name;
	const struct attr_def *attrs;   /* { NULL } terminated */
	const struct child_def *children; /* { NULL } terminated */
	bool text;                      /* character data allowed */
};

static const char *const bool_values[] = { "true", "false", NULL };
static const char *const protocol_values[] = {
	"HTTP", "SOAP", "FTP", "SFTP", "FTPS", "S3", "MySQL", "PGSQL", "SQLSRV", NULL
};
static const char *const auth_type_values[] = {
	"basic", "token", "oauth1", "oauth2-client-credentials",
	"oauth2-authorization-code", "oauth2-authorisation-code", "soap", NULL
};
static const char *const body_format_values[] = { "form", "raw", "text", "none", NULL };
static const char *const data_type_values[] = { "json", "xml", "csv", "txt", NULL };
static const char *const direction_values[] = { "receive", "send", NULL };
static const char *const method_values[] = {
	"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE", NULL
};
static const char *const pagination_values[] = {
	"none", "next-page-url", "next-page-token", "page-number", "limit-offset",
	"link-header", "custom-relative-uri", "graphql-cursor", "script", NULL
};

#define END_ATTRS { NULL, false, A_TEXT, NULL }
#define END_CHILDREN { NULL, NULL, false, false }

static const struct elem_def text_def = { "text", (const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, true };

static const struct attr_def variable_attrs[] = {
	{ "key", true, A_TEXT, NULL }, { "label", false, A_TEXT, NULL },
	{ "alias", false, A_TEXT, NULL }, { "default", false, A_TEXT, NULL },
	{ "required", false, A_BOOL, bool_values },
	{ "configurable", false, A_BOOL, bool_values },
	{ "advanced", false, A_BOOL, bool_values },
	{ "secret", false, A_BOOL, bool_values },
	{ "locked", false, A_BOOL, bool_values }, END_ATTRS
};
static const struct elem_def variable_def = { "variable", variable_attrs,
	(const struct child_def[]){ END_CHILDREN }, false };

static const struct attr_def use_attrs[] = {
	{ "variable", true, A_TEXT, NULL },
	{ "required", false, A_BOOL, bool_values },
	{ "configurable", false, A_BOOL, bool_values },
	{ "advanced", false, A_BOOL, bool_values },
	{ "label", false, A_TEXT, NULL }, END_ATTRS
};
static const struct elem_def use_def = { "use", use_attrs,
	(const struct child_def[]){ END_CHILDREN }, false };

static const struct elem_def variables_def = { "variables",
	(const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){ { "variable", &variable_def, false, false },
	                            END_CHILDREN }, false };
static const struct elem_def auth_variables_def = { "variables",
	(const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){ { "variable", &variable_def, false, false },
	                            { "use", &use_def, false, false },
	                            END_CHILDREN }, false };

static const struct attr_def param_attrs[] = {
	{ "key", true, A_TEXT, NULL }, { "value", false, A_TEXT, NULL },
	{ "required", false, A_BOOL, bool_values },
	{ "configurable", false, A_BOOL, bool_values },
	{ "locked", false, A_BOOL, bool_values },
	{ "label", false, A_TEXT, NULL }, { "alias", false, A_TEXT, NULL },
	END_ATTRS
};
static const struct elem_def param_def = { "param", param_attrs,
	(const struct child_def[]){ END_CHILDREN }, false };
static const struct child_def param_children[] = {
	{ "param", &param_def, false, false }, END_CHILDREN
};
static const struct elem_def params_def = { "url-params",
	(const struct attr_def[]){ END_ATTRS }, param_children, false };
static const struct elem_def endpoint_headers_def = { "headers",
	(const struct attr_def[]){ { "automatic", false, A_BOOL, bool_values }, END_ATTRS },
	param_children, false };

static const struct elem_def body_def = { "body",
	(const struct attr_def[]){ { "format", false, A_ENUM, body_format_values },
	                           { "data-type", false, A_ENUM, data_type_values },
	                           END_ATTRS },
	(const struct child_def[]){ { "param", &param_def, false, false },
	                            { "content", &text_def, true, false },
	                            END_CHILDREN }, false };

static const struct elem_def additional_url_def = { "additional-url",
	(const struct attr_def[]){ { "index", true, A_INT, NULL }, END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, true };

static const struct elem_def auth_method_def = { "auth-method",
	(const struct attr_def[]){ { "id", true, A_AUTH_ID, NULL },
	                           { "name", true, A_TEXT, NULL },
	                           { "type", true, A_ENUM, auth_type_values },
	                           END_ATTRS },
	(const struct child_def[]){ { "url", &text_def, true, false },
	                            { "additional-url", &additional_url_def, false, false },
	                            { "variables", &auth_variables_def, true, false },
	                            { "url-params", &params_def, true, false },
	                            { "headers", &params_def, true, false },
	                            { "body", &body_def, true, false },
	                            END_CHILDREN }, false };

static const struct elem_def auth_methods_def = { "auth-methods",
	(const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){ { "auth-method", &auth_method_def, false, false },
	                            END_CHILDREN }, false };

static const struct elem_def option_def = { "option",
	(const struct attr_def[]){ { "key", true, A_TEXT, NULL },
	                           { "value", false, A_TEXT, NULL }, END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, false };

static const struct elem_def pagination_def = { "pagination",
	(const struct attr_def[]){ { "method", true, A_ENUM, pagination_values }, END_ATTRS },
	(const struct child_def[]){ { "option", &option_def, false, false }, END_CHILDREN },
	false };

static const struct elem_def enable_def = { "enable",
	(const struct attr_def[]){ { "auth-method", true, A_TEXT, NULL }, END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, false };

static const struct elem_def endpoint_def = { "endpoint",
	(const struct attr_def[]){ { "id", true, A_TEXT, NULL },
	                           { "name", true, A_TEXT, NULL },
	                           { "entity", false, A_TEXT, NULL },
	                           { "direction", true, A_ENUM, direction_values },
	                           { "method", true, A_ENUM, method_values },
	                           { "data-type", false, A_ENUM, data_type_values },
	                           { "multiple-records", false, A_BOOL, bool_values },
	                           END_ATTRS },
	(const struct child_def[]){ { "url", &text_def, true, true },
	                            { "url-params", &params_def, true, false },
	                            { "headers", &endpoint_headers_def, true, false },
	                            { "body", &body_def, true, false },
	                            { "variables", &variables_def, true, false },
	                            { "pagination", &pagination_def, true, false },
	                            { "enable", &enable_def, false, false },
	                            END_CHILDREN }, false };

static const struct elem_def endpoints_def = { "endpoints",
	(const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){ { "endpoint", &endpoint_def, false, false },
	                            END_CHILDREN }, false };

/* `format` is checked by CL003, and a missing <auth-methods> or
 * <endpoints> is CL004/CL005, so the table does not require them. */
static const struct elem_def connector_def = { "connector",
	(const struct attr_def[]){ { "format", false, A_TEXT, NULL },
	                           { "name", true, A_TEXT, NULL },
	                           { "version", false, A_INT, NULL },
	                           { "version-name", false, A_TEXT, NULL },
	                           { "system-type", false, A_TEXT, NULL },
	                           { "protocol", false, A_ENUM, protocol_values },
	                           { "webhook", false, A_BOOL, bool_values },
	                           END_ATTRS },
	(const struct child_def[]){ { "description", &text_def, true, false },
	                            { "variables", &variables_def, true, false },
	                            { "auth-methods", &auth_methods_def, true, false },
	                            { "endpoints", &endpoints_def, true, false },
	                            END_CHILDREN }, false };

/* ---- structural validation ---- */

static size_t list_len(const char *const *v)
{
	size_t n = 0;

	while (v[n])
		n++;
	return n;
}

static void join_values(struct cl_strbuf *sb, const char *const *v)
{
	size_t i;

	for (i = 0; v[i]; i++) {
		if (i)
			cl_strbuf_adds(sb, v[i + 1] ? ", " : " or ");
		cl_strbuf_addf(sb, "`%s`", v[i]);
	}
}

static bool is_auth_id(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

static bool is_uint(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return i > 0 && i < 10;
}

static void check_attr_value(struct cl_ctx *ctx, const struct cl_node *n,
                             const struct cl_attr *a, const struct attr_def *d)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *near;

	switch (d->kind) {
	case A_TEXT:
		return;
	case A_INT:
		if (!is_uint(a->value))
			cl_report(ctx, &cl_rule_CL002, a->value_span,
			          "`%s` of `<%s>` must be a whole number, not `%s`",
			          a->name, n->name, a->value);
		return;
	case A_AUTH_ID:
		if (!is_auth_id(a->value))
			cl_report(ctx, &cl_rule_CL002, a->value_span,
			          "auth method id `%s` must start with a lower-case letter or digit and hold only lower-case letters, digits, `_` and `-`",
			          a->value);
		return;
	case A_BOOL:
	case A_ENUM:
		for (size_t i = 0; d->values[i]; i++)
			if (!strcmp(d->values[i], a->value))
				return;
		join_values(&sb, d->values);
		near = cl_nearmiss(a->value, d->values, list_len(d->values));
		cl_report(ctx, &cl_rule_CL002, a->value_span,
		          "`%s` is not a valid %s for `<%s>`: expected %s%s%s%s",
		          a->value, a->name, n->name, cl_strbuf_str(&sb),
		          near ? "; did you mean `" : "", near ? near : "",
		          near ? "`?" : "");
		cl_strbuf_release(&sb);
		return;
	}
}

static void check_attrs(struct cl_ctx *ctx, const struct cl_node *n,
                        const struct elem_def *def)
{
	const char *names[16];
	size_t nnames = 0, i;
	unsigned k;

	for (i = 0; def->attrs[i].name; i++)
		if (nnames < CL_ARRAY_SIZE(names))
			names[nnames++] = def->attrs[i].name;
	for (k = 0; k < n->nattrs; k++) {
		const struct cl_attr *a = &n->attrs[k];
		const struct attr_def *d = NULL;

		for (i = 0; def->attrs[i].name; i++)
			if (!strcmp(def->attrs[i].name, a->name))
				d = &def->attrs[i];
		if (d) {
			check_attr_value(ctx, n, a, d);
		} else {
			const char *near = cl_nearmiss(a->name, names, nnames);

			if (near)
				cl_report(ctx, &cl_rule_CL002, a->name_span,
				          "unknown attribute `%s` on `<%s>`; did you mean `%s`?",
				          a->name, n->name, near);
			else
				cl_report(ctx, &cl_rule_CL002, a->name_span,
				          "unknown attribute `%s` on `<%s>`",
				          a->name, n->name);
		}
	}
	for (i = 0; def->attrs[i].name; i++)
		if (def->attrs[i].required && !cl_node_attr(n, def->attrs[i].name))
			cl_report(ctx, &cl_rule_CL002, n->name_span,
			          "`<%s>` is missing the required attribute `%s`",
			          n->name, def->attrs[i].name);
}

/* Validates N (whose definition is DEF) and everything known below it. */
static void validate(struct cl_ctx *ctx, const struct cl_node *n,
                     const struct elem_def *def)
{
	const struct cl_node *c;
	const char *names[16];
	size_t nnames = 0, i;

	check_attrs(ctx, n, def);
	if (!def->text && n->text[0])
		cl_report(ctx, &cl_rule_CL002, n->name_span,
		          "text is not allowed directly inside `<%s>`", n->name);
	for (i = 0; def->children[i].name; i++)
		if (nnames < CL_ARRAY_SIZE(names))
			names[nnames++] = def->children[i].name;
	for (c = n->children; c; c = c->next) {
		const struct child_def *cd = NULL;

		for (i = 0; def->children[i].name; i++)
			if (!strcmp(def->children[i].name, c->name))
				cd = &def->children[i];
		if (!cd) {
			const char *near = cl_nearmiss(c->name, names, nnames);

			if (near)
				cl_report(ctx, &cl_rule_CL002, c->name_span,
				          "unknown element `<%s>` in `<%s>`; did you mean `<%s>`?",
				          c->name, n->name, near);
			else if (nnames)
				cl_report(ctx, &cl_rule_CL002, c->name_span,
				          "unknown element `<%s>` in `<%s>`",
				          c->name, n->name);
			else
				cl_report(ctx, &cl_rule_CL002, c->name_span,
				          "`<%s>` cannot contain elements, found `<%s>`",
				          n->name, c->name);
			continue;
		}
		if (cd->once) {
			const struct cl_node *first = cl_node_child(n, c->name);

			if (first != c) {
				struct cl_diag *d = cl_report(ctx, &cl_rule_CL002, c->name_span,
				          "`<%s>` may appear only once in `<%s>`",
				          c->name, n->name);

				cl_report_related(ctx, d, first->name_span,
				                  "first `<%s>` is here", c->name);
			}
		}
		validate(ctx, c, cd->def);
	}
	for (i = 0; def->children[i].name; i++)
		if (def->children[i].required && !cl_node_child(n, def->children[i].name))
			cl_report(ctx, &cl_rule_CL002, n->name_span,
			          "`<%s>` is missing the required element `<%s>`",
			          n->name, def->children[i].name);
}

static void check_format(struct cl_ctx *ctx, const struct cl_node *root)
{
	const struct cl_attr *f = cl_node_attr(root, "format");

	if (!f)
		cl_report(ctx, &cl_rule_CL003, root->name_span,
		          "`<connector>` has no `format` attribute; add `format=\"1\"`");
	else if (strcmp(f->value, "1"))
		cl_report(ctx, &cl_rule_CL003, f->value_span,
		          "format version `%s` is not supported; connlint %s understands format `1`",
		          f->value, CONNLINT_VERSION);
}

/* ---- model building ---- */

static bool attr_bool(const struct cl_node *n, const char *name, bool dflt)
{
	const char *v = cl_node_attr_value(n, name);

	if (!v)
		return dflt;
	if (!strcmp(v, "true"))
		return true;
	if (!strcmp(v, "false"))
		return false;
	return dflt; /* reported by CL002 */
}

static const char *attr_str(const struct cl_node *n, const char *name)
{
	const char *v = cl_node_attr_value(n, name);

	return v ? v : "";
}

static size_t count_children(const struct cl_node *n, const char *name)
{
	const struct cl_node *c;
	size_t k = 0;

	if (!n)
		return 0;
	for (c = n->children; c; c = c->next)
		k += !strcmp(c->name, name);
	return k;
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *trimmed(struct cl_arena *a, const char *s)
{
	size_t n;

	while (space(*s))
		s++;
	n = strlen(s);
	while (n && space(s[n - 1]))
		n--;
	return cl_arena_strndup(a, s, n);
}

static struct cl_text build_text(struct cl_ctx *ctx, const struct cl_node *n)
{
	struct cl_text t = { n, "" };

	if (n)
		t.value = trimmed(&ctx->arena, n->text);
	return t;
}

static void build_variable(const struct cl_node *n, enum cl_var_scope scope,
                           struct cl_variable *v)
{
	v->node = n;
	v->scope = scope;
	if (!strcmp(n->name, "use")) {
		v->is_use = true;
		v->key = attr_str(n, "variable");
		v->label = cl_node_attr_value(n, "label");
		return; /* flags resolved against the connector variable later */
	}
	v->key = attr_str(n, "key");
	v->label = cl_node_attr_value(n, "label");
	v->alias = cl_node_attr_value(n, "alias");
	v->default_value = cl_node_attr_value(n, "default");
	v->required = attr_bool(n, "required", false);
	v->configurable = attr_bool(n, "configurable", false);
	v->advanced = attr_bool(n, "advanced", false);
	v->secret = attr_bool(n, "secret", false);
	v->locked = attr_bool(n, "locked", false);
}

static void build_var_list(struct cl_ctx *ctx, const struct cl_node *n,
                           enum cl_var_scope scope, struct cl_var_list *out)
{
	const struct cl_node *c;

	out->node = n;
	if (!n)
		return;
	out->items = cl_arena_alloc(&ctx->arena, sizeof(*out->items) *
	                            (count_children(n, "variable") + count_children(n, "use")));
	for (c = n->children; c; c = c->next) {
		if (!strcmp(c->name, "variable") ||
		    (scope == CL_SCOPE_AUTH && !strcmp(c->name, "use")))
			build_variable(c, scope, &out->items[out->n++]);
	}
}

/* Fills OUT from the CHILD elements of N (param or option). */
static void build_params(struct cl_ctx *ctx, const struct cl_node *n,
                         const char *child, enum cl_place place,
                         struct cl_param_list *out)
{
	const struct cl_node *c;

	out->node = n;
	if (!n)
		return;
	out->items = cl_arena_alloc(&ctx->arena, sizeof(*out->items) *
	                            count_children(n, child));
	for (c = n->children; c; c = c->next) {
		struct cl_param *p;

		if (strcmp(c->name, child))
			continue;
		p = &out->items[out->n++];
		p->node = c;
		p->place = place;
		p->key = attr_str(c, "key");
		p->value = cl_node_attr_value(c, "value");
		p->required = attr_bool(c, "required", true);
		p->configurable = attr_bool(c, "configurable", false);
		p->locked = attr_bool(c, "locked", false);
		p->label = cl_node_attr_value(c, "label");
		p->alias = cl_node_attr_value(c, "alias");
	}
}

static enum cl_body_format parse_body_format(const char *v)
{
	static const struct { const char *name; enum cl_body_format f; } map[] = {
		{ "form", CL_BODY_FORM }, { "raw", CL_BODY_RAW },
		{ "text", CL_BODY_TEXT }, { "none", CL_BODY_NONE },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(map); i++)
		if (!strcmp(map[i].name, v))
			return map[i].f;
	return CL_BODY_UNKNOWN;
}

static void build_body(struct cl_ctx *ctx, const struct cl_node *n,
                       struct cl_body *b)
{
	const char *f;

	b->node = n;
	b->format = CL_BODY_NONE;
	if (!n)
		return;
	build_params(ctx, n, "param", CL_PLACE_BODY, &b->params);
	b->content = build_text(ctx, cl_node_child(n, "content"));
	b->data_type = cl_node_attr_value(n, "data-type");
	f = cl_node_attr_value(n, "format");
	if (f) {
		b->format_given = true;
		b->format = parse_body_format(f);
	} else {
		b->format = b->params.n ? CL_BODY_FORM : CL_BODY_NONE;
	}
}

static enum cl_auth_type parse_auth_type(const char *v)
{
	static const struct { const char *name; enum cl_auth_type t; } map[] = {
		{ "basic", CL_AUTH_BASIC },
		{ "token", CL_AUTH_TOKEN },
		{ "oauth1", CL_AUTH_OAUTH1 },
		{ "oauth2-client-credentials", CL_AUTH_OAUTH2_CC },
		{ "oauth2-authorization-code", CL_AUTH_OAUTH2_AC },
		{ "oauth2-authorisation-code", CL_AUTH_OAUTH2_AC },
		{ "soap", CL_AUTH_SOAP },
	};
	size_t i;

	if (!v)
		return CL_AUTH_UNKNOWN;
	for (i = 0; i < CL_ARRAY_SIZE(map); i++)
		if (!strcmp(map[i].name, v))
			return map[i].t;
	return CL_AUTH_UNKNOWN;
}

const char *cl_auth_type_name(enum cl_auth_type type)
{
	switch (type) {
	case CL_AUTH_BASIC: return "basic";
	case CL_AUTH_TOKEN: return "token";
	case CL_AUTH_OAUTH1: return "oauth1";
	case CL_AUTH_OAUTH2_CC: return "oauth2-client-credentials";
	case CL_AUTH_OAUTH2_AC: return "oauth2-authorization-code";
	case CL_AUTH_SOAP: return "soap";
	case CL_AUTH_UNKNOWN: return "unknown";
	}
	BUG("unknown auth type %d", (int)type);
}

int cl_auth_type_is_oauth2(enum cl_auth_type type)
{
	return type == CL_AUTH_OAUTH2_CC || type == CL_AUTH_OAUTH2_AC;
}

static void build_auth_method(struct cl_ctx *ctx, const struct cl_node *n,
                              struct cl_auth_method *m)
{
	const struct cl_node *c;

	m->node = n;
	m->id = attr_str(n, "id");
	m->name = attr_str(n, "name");
	m->type = parse_auth_type(cl_node_attr_value(n, "type"));
	m->url = build_text(ctx, cl_node_child(n, "url"));
	m->additional_urls = cl_arena_alloc(&ctx->arena, sizeof(*m->additional_urls) *
	                                    count_children(n, "additional-url"));
	for (c = n->children; c; c = c->next) {
		struct cl_additional_url *u;
		const char *idx;

		if (strcmp(c->name, "additional-url"))
			continue;
		u = &m->additional_urls[m->n_additional_urls++];
		u->node = c;
		idx = cl_node_attr_value(c, "index");
		u->index = idx && is_uint(idx) ? atoi(idx) : -1;
		u->value = trimmed(&ctx->arena, c->text);
	}
	build_var_list(ctx, cl_node_child(n, "variables"), CL_SCOPE_AUTH, &m->variables);
	build_params(ctx, cl_node_child(n, "url-params"), "param",
	             CL_PLACE_URL_PARAMS, &m->url_params);
	build_params(ctx, cl_node_child(n, "headers"), "param", CL_PLACE_HEADERS,
	             &m->headers);
	build_body(ctx, cl_node_child(n, "body"), &m->body);
}

static enum cl_direction parse_direction(const char *v)
{
	if (v && !strcmp(v, "receive"))
		return CL_DIR_RECEIVE;
	if (v && !strcmp(v, "send"))
		return CL_DIR_SEND;
	return CL_DIR_UNKNOWN;
}

static enum cl_data_type parse_data_type(const char *v)
{
	if (!v || !strcmp(v, "json"))
		return CL_DATA_JSON;
	if (!strcmp(v, "xml"))
		return CL_DATA_XML;
	if (!strcmp(v, "csv"))
		return CL_DATA_CSV;
	if (!strcmp(v, "txt"))
		return CL_DATA_TXT;
	return CL_DATA_UNKNOWN;
}

static void build_endpoint(struct cl_ctx *ctx, const struct cl_node *n,
                           struct cl_endpoint *e)
{
	const struct cl_node *c, *h, *p;

	e->node = n;
	e->id = attr_str(n, "id");
	e->name = attr_str(n, "name");
	e->entity = cl_node_attr_value(n, "entity");
	e->direction = parse_direction(cl_node_attr_value(n, "direction"));
	e->method = cl_node_attr_value(n, "method");
	e->data_type = parse_data_type(cl_node_attr_value(n, "data-type"));
	e->multiple_records = attr_bool(n, "multiple-records", false);
	e->url = build_text(ctx, cl_node_child(n, "url"));
	build_params(ctx, cl_node_child(n, "url-params"), "param",
	             CL_PLACE_URL_PARAMS, &e->url_params);
	h = cl_node_child(n, "headers");
	build_params(ctx, h, "param", CL_PLACE_HEADERS, &e->headers);
	e->automatic_headers = h ? attr_bool(h, "automatic", true) : true;
	build_body(ctx, cl_node_child(n, "body"), &e->body);
	build_var_list(ctx, cl_node_child(n, "variables"), CL_SCOPE_ENDPOINT,
	               &e->variables);
	p = cl_node_child(n, "pagination");
	e->pagination.node = p;
	if (p) {
		e->pagination.method = cl_node_attr_value(p, "method");
		build_params(ctx, p, "option", CL_PLACE_URL_PARAMS, &e->pagination.options);
	}
	e->enables = cl_arena_alloc(&ctx->arena, sizeof(*e->enables) *
	                            count_children(n, "enable"));
	for (c = n->children; c; c = c->next) {
		struct cl_enable *en;

		if (strcmp(c->name, "enable"))
			continue;
		en = &e->enables[e->n_enables++];
		en->node = c;
		en->auth_method = attr_str(c, "auth-method");
	}
}

/* A <use> takes its flags from the connector variable unless it overrides
 * them itself. */
static void resolve_uses(struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		struct cl_var_list *vl = &c->auth_methods[i].variables;

		for (j = 0; j < vl->n; j++) {
			struct cl_variable *u = &vl->items[j];
			const struct cl_variable *t;

			if (!u->is_use)
				continue;
			t = cl_var_list_find(&c->variables, u->key);
			u->target = t;
			if (!t)
				continue;
			u->required = attr_bool(u->node, "required", t->required);
			u->configurable = attr_bool(u->node, "configurable", t->configurable);
			u->advanced = attr_bool(u->node, "advanced", t->advanced);
			if (!u->label)
				u->label = t->label;
			u->alias = t->alias;
			u->default_value = t->default_value;
			u->secret = t->secret;
			u->locked = t->locked;
		}
	}
}

/* ---- templates and placeholders ---- */

struct tpl_builder {
	struct cl_template *items;
	size_t n, alloc;
};

static void add_template(struct tpl_builder *tb, enum cl_template_kind kind,
                         const struct cl_node *node, const struct cl_param *param,
                         const struct cl_auth_method *auth,
                         const struct cl_endpoint *endpoint, struct cl_span span)
{
	struct cl_template *t;

	CL_GROW(tb->items, tb->n + 1, tb->alloc);
	t = &tb->items[tb->n++];
	t->kind = kind;
	t->node = node;
	t->param = param;
	t->auth = auth;
	t->endpoint = endpoint;
	t->span = span;
}

static void add_param_templates(struct tpl_builder *tb,
                                const struct cl_param_list *pl,
                                const struct cl_auth_method *auth,
                                const struct cl_endpoint *endpoint)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		if (pl->items[i].value)
			add_template(tb, CL_TPL_PARAM_VALUE, pl->items[i].node,
			             &pl->items[i], auth, endpoint,
			             cl_node_attr_span(pl->items[i].node, "value"));
}

static void add_owner_templates(struct tpl_builder *tb, const struct cl_text *url,
                                const struct cl_param_list *url_params,
                                const struct cl_param_list *headers,
                                const struct cl_body *body,
                                const struct cl_auth_method *auth,
                                const struct cl_endpoint *endpoint)
{
	if (url->node)
		add_template(tb, CL_TPL_URL, url->node, NULL, auth, endpoint,
		             url->node->inner_span);
	if (auth) {
		size_t i;

		for (i = 0; i < auth->n_additional_urls; i++)
			add_template(tb, CL_TPL_ADDITIONAL_URL,
			             auth->additional_urls[i].node, NULL, auth, NULL,
			             auth->additional_urls[i].node->inner_span);
	}
	add_param_templates(tb, url_params, auth, endpoint);
	add_param_templates(tb, headers, auth, endpoint);
	add_param_templates(tb, &body->params, auth, endpoint);
	if (body->content.node)
		add_template(tb, CL_TPL_BODY_CONTENT, body->content.node, NULL, auth,
		             endpoint, body->content.node->inner_span);
}

static void build_placeholders(struct cl_ctx *ctx, struct cl_connector *c)
{
	struct tpl_builder tb = { NULL, 0, 0 };
	struct cl_placeholder *ph = NULL;
	size_t i, nph = 0, phalloc = 0;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		add_owner_templates(&tb, &m->url, &m->url_params, &m->headers,
		                    &m->body, m, NULL);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		add_owner_templates(&tb, &e->url, &e->url_params, &e->headers,
		                    &e->body, NULL, e);
	}
	c->templates = cl_arena_alloc(&ctx->arena, sizeof(*c->templates) * tb.n);
	if (tb.n)
		memcpy(c->templates, tb.items, sizeof(*c->templates) * tb.n);
	c->n_templates = tb.n;
	free(tb.items);

	for (i = 0; i < c->n_templates; i++) {
		const struct cl_template *t = &c->templates[i];
		const char *s = ctx->buf + t->span.start;
		size_t len = t->span.end - t->span.start, pos = 0;
		struct cl_placeholder_match m;

		while (cl_placeholder_next(s, len, &pos, &m)) {
			struct cl_placeholder *p;

			CL_GROW(ph, nph + 1, phalloc);
			p = &ph[nph++];
			p->tpl = t;
			p->key = cl_arena_strndup(&ctx->arena, s + m.key_start,
			                          m.key_end - m.key_start);
			p->span.start = t->span.start + (uint32_t)m.start;
			p->span.end = t->span.start + (uint32_t)m.end;
			p->key_span.start = t->span.start + (uint32_t)m.key_start;
			p->key_span.end = t->span.start + (uint32_t)m.key_end;
		}
	}
	c->placeholders = cl_arena_alloc(&ctx->arena, sizeof(*ph) * nph);
	if (nph)
		memcpy(c->placeholders, ph, sizeof(*ph) * nph);
	c->n_placeholders = nph;
	free(ph);
}

struct cl_connector *cl_model_build(struct cl_ctx *ctx, const struct cl_node *root)
{
	struct cl_connector *c = cl_arena_alloc(&ctx->arena, sizeof(*c));
	const struct cl_node *n;
	size_t i;

	if (strcmp(root->name, "connector"))
		BUG("cl_model_build called on <%s>", root->name);
	check_format(ctx, root);
	validate(ctx, root, &connector_def);

	c->node = root;
	c->format = cl_node_attr_value(root, "format");
	c->name = attr_str(root, "name");
	c->protocol = cl_node_attr_value(root, "protocol");
	c->webhook = attr_bool(root, "webhook", false);
	c->description = build_text(ctx, cl_node_child(root, "description"));
	build_var_list(ctx, cl_node_child(root, "variables"), CL_SCOPE_CONNECTOR,
	               &c->variables);

	/* Only the first <auth-methods> and <endpoints> count; a second one
	 * is a CL002 already. */
	c->auth_methods_node = n = cl_node_child(root, "auth-methods");
	c->auth_methods = cl_arena_alloc(&ctx->arena, sizeof(*c->auth_methods) *
	                                 count_children(n, "auth-method"));
	for (n = n ? n->children : NULL; n; n = n->next)
		if (!strcmp(n->name, "auth-method"))
			build_auth_method(ctx, n, &c->auth_methods[c->n_auth_methods++]);

	c->endpoints_node = n = cl_node_child(root, "endpoints");
	c->endpoints = cl_arena_alloc(&ctx->arena, sizeof(*c->endpoints) *
	                              count_children(n, "endpoint"));
	for (n = n ? n->children : NULL; n; n = n->next)
		if (!strcmp(n->name, "endpoint"))
			build_endpoint(ctx, n, &c->endpoints[c->n_endpoints++]);

	resolve_uses(c);
	for (i = 0; i < c->n_endpoints; i++) {
		struct cl_endpoint *e = &c->endpoints[i];

		for (size_t k = 0; k < e->n_enables; k++)
			e->enables[k].target = cl_model_auth_method(c, e->enables[k].auth_method);
	}
	build_placeholders(ctx, c);
	return c;
}

/* ---- lookups ---- */

const struct cl_auth_method *cl_model_auth_method(const struct cl_connector *c,
                                                  const char *id)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++)
		if (!strcmp(c->auth_methods[i].id, id))
			return &c->auth_methods[i];
	return NULL;
}

const struct cl_variable *cl_var_list_find(const struct cl_var_list *vars,
                                           const char *key)
{
	size_t i;

	for (i = 0; i < vars->n; i++)
		if (!strcmp(vars->items[i].key, key))
			return &vars->items[i];
	return NULL;
}

const struct cl_param *cl_param_list_find(const struct cl_param_list *params,
                                          const char *key)
{
	size_t i;

	for (i = 0; i < params->n; i++)
		if (!strcmp(params->items[i].key, key))
			return &params->items[i];
	return NULL;
}

const struct cl_param *cl_param_list_find_header(const struct cl_param_list *h,
                                                 const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (!cl_strcasecmp(h->items[i].key, name))
			return &h->items[i];
	return NULL;
}
