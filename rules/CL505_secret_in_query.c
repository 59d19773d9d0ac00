/*
 * CL505 secret-in-query
 *
 * Secrets in query strings are logged by servers and proxies (RFC 6750
 * §2.3, §5.3; RFC 9700 §4.3.2). Not reported here: `client_secret` and
 * `client_id` as URL params of an OAuth 2 method (of the token request, or
 * of the authorise request): CL312 reports those.
 */
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "rule.h"
#include "security.h"

static int
var_is_secret(const struct cl_variable *v)
{
	return v && (v->secret || cl_is_secret_key(v->key));
}

/*
 * The secret variable that placeholder PH stands for, or NULL: in an auth
 * method its own variable (a use has its connector variable's flag); in
 * an endpoint any variable of that key in its scope (its own, the
 * connector's, or an enabled method's) that is secret. The model found
 * the first of them (PH->var, in the lists of cl_model_scope_list, which
 * are these): without it there is none, and only the lists after its own
 * are searched.
 */
static const struct cl_variable *
secret_in_scope(const struct cl_connector *c, const struct cl_placeholder *ph)
{
	const struct cl_template *tpl = ph->tpl;
	const struct cl_endpoint *e = tpl->endpoint;
	const struct cl_variable *v = ph->var;
	size_t i;

	if (!v || var_is_secret(v))
		return v;
	if (tpl->auth || !e)
		return NULL;
	/* Its scope says which list it is in: the endpoint's, the
	 * connector's, or an enabled method's. */
	if (v->scope == CL_SCOPE_ENDPOINT &&
	    var_is_secret(v = cl_var_list_find(&c->variables, ph->key)))
		return v;
	for (i = 0; i < e->n_enables; i++) {
		const struct cl_auth_method *m = e->enables[i].target;

		if (m &&
		    var_is_secret(v = cl_var_list_find(&m->variables, ph->key)))
			return v;
	}
	return NULL;
}

static void
check_secret_in_query(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *ph = &c->placeholders[i];
		const struct cl_template *tpl = ph->tpl;
		const struct cl_param *p = tpl->param;
		const struct cl_variable *v;
		struct cl_diag *d;

		if (tpl->kind != CL_TPL_PARAM_VALUE || !p ||
		    p->place != CL_PLACE_URL_PARAMS)
			continue;
		if (tpl->auth && cl_auth_type_is_oauth2(tpl->auth->type) &&
		    (!strcmp(p->key, "client_secret") ||
		     !strcmp(p->key, "client_id")))
			continue;
		if (!(v = secret_in_scope(c, ph)))
			continue;
		d = cl_report(ctx, &cl_rule_CL505, ph->span,
		              "URL param `%s` of %s `%s` puts secret variable "
		              "`%s` in the query string, which servers and "
		              "proxies log: send it in a header if the API "
		              "allows",
		              p->key, tpl->auth ? "auth method" : "endpoint",
		              tpl->auth ? tpl->auth->id : tpl->endpoint->id,
		              ph->key);
		cl_report_related(ctx, d, cl_var_key_span(v),
		                  "%s `%s` is defined here",
		                  cl_var_scope_word(v->scope), v->key);
	}
}

const struct cl_rule cl_rule_CL505 = {
	.id = "CL505",
	.slug = "secret-in-query",
	.severity = CL_SEV_WARNING,
	.summary =
	    "a param in `url-params` whose value is a secret variable's placeholder (query strings are logged by servers and proxies)",
	.check = check_secret_in_query,
	.security_severity = "6.5",
	.cwe = { 598 },
};
