/*
 * Rules for auth methods of every type: the default auth variables of the
 * type (CL201), methods that no endpoint enables (CL202), and Content-Type
 * sent anywhere but in headers (CL203).
 */
#include <string.h>

#include "authvars.h"
#include "nearmiss.h"
#include "rule.h"

/*
 * CL201. A `<use variable="client_id"/>` counts as the default variable:
 * the use makes connector variable client_id an auth variable of this
 * method (format spec, `use`), so users adding an instance are asked for
 * it and {{client_id}} resolves, which is all a default variable is for.
 * This is also how CL107 counts uses. A use naming no connector variable
 * still counts here; CL108 reports the use itself.
 *
 * An absent client_id or client_secret is reported here, as any other
 * default; CL301 and CL302 report it only when this rule is off, so that
 * one missing variable gives one diagnostic.
 */
static void check_default_auth_variables(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j, n;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const char *const *keys = cl_auth_default_keys(m->type, &n);
		struct cl_strbuf role = CL_STRBUF_INIT;

		cl_strbuf_addf(&role, "a default auth variable of type `%s`",
			       cl_auth_type_name(m->type));
		for (j = 0; j < n; j++) {
			if (cl_var_list_find(&m->variables, keys[j]))
				continue;
			cl_report_missing_auth_var(ctx, &cl_rule_CL201, m, keys[j],
						   cl_strbuf_str(&role));
		}
		cl_strbuf_release(&role);
	}
}

const struct cl_rule cl_rule_CL201 = {
	.id = "CL201",
	.slug = "missing-default-auth-variable",
	.severity = CL_SEV_ERROR,
	.summary = "a default auth variable of the method's type is absent",
	.check = check_default_auth_variables,
};

static int is_enabled(const struct cl_connector *c, const char *id)
{
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++)
		for (j = 0; j < c->endpoints[i].n_enables; j++)
			if (!strcmp(c->endpoints[i].enables[j].auth_method, id))
				return 1;
	return 0;
}

/*
 * An unresolved <enable> whose auth-method is a near miss of ID, or NULL:
 * the likely reason why the method looks unused.
 */
static const struct cl_enable *misspelt_enable(const struct cl_connector *c,
                                               const char *id,
                                               const struct cl_endpoint **owner)
{
	size_t i, j;

	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		for (j = 0; j < e->n_enables; j++) {
			const struct cl_enable *en = &e->enables[j];

			if (en->target || !*en->auth_method)
				continue;
			if (cl_nearmiss(en->auth_method, &id, 1)) {
				*owner = e;
				return en;
			}
		}
	}
	return NULL;
}

static void check_auth_method_enabled(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	/* With no endpoint at all CL005 says it once, not once per method. */
	if (!c || !c->n_endpoints)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_endpoint *owner = NULL;
		const struct cl_enable *en;
		struct cl_span span = cl_node_attr_span(m->node, "id");

		if (!*m->id || is_enabled(c, m->id))
			continue;
		en = misspelt_enable(c, m->id, &owner);
		if (en)
			cl_report(ctx, &cl_rule_CL202, span,
				  "auth method `%s` is not enabled by any "
				  "endpoint (endpoint `%s` enables `%s`: did "
				  "you mean `%s`?)",
				  m->id, owner->id, en->auth_method, m->id);
		else
			cl_report(ctx, &cl_rule_CL202, span,
				  "auth method `%s` is not enabled by any "
				  "endpoint: its instances can reach nothing",
				  m->id);
	}
}

const struct cl_rule cl_rule_CL202 = {
	.id = "CL202",
	.slug = "auth-method-not-enabled",
	.severity = CL_SEV_WARNING,
	.summary = "an auth method that no endpoint enables",
	.check = check_auth_method_enabled,
};

/* Content-Type is an HTTP header whatever its case; as a query or form
 * field the server never sees it as the body's type. */
static void check_params_for_content_type(struct cl_ctx *ctx,
                                          const struct cl_param_list *list,
                                          const char *where)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];

		if (cl_strcasecmp(p->key, "Content-Type"))
			continue;
		cl_report(ctx, &cl_rule_CL203, cl_node_attr_span(p->node, "key"),
			  "`%s` is an HTTP header but is sent as a %s; move "
			  "it to `headers`", p->key, where);
	}
}

static void check_content_type_outside_headers(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		check_params_for_content_type(ctx, &m->url_params, "URL param");
		check_params_for_content_type(ctx, &m->body.params, "body param");
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		check_params_for_content_type(ctx, &e->url_params, "URL param");
		check_params_for_content_type(ctx, &e->body.params, "body param");
	}
}

const struct cl_rule cl_rule_CL203 = {
	.id = "CL203",
	.slug = "content-type-outside-headers",
	.severity = CL_SEV_ERROR,
	.summary = "a Content-Type param in url-params or body",
	.check = check_content_type_outside_headers,
};
