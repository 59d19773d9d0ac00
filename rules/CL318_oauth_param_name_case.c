/*
 * CL318 oauth-param-name-case
 *
 * OAuth parameter names are case-sensitive (RFC 6749 §1.9): a param that
 * differs from a protocol name only by case or separators (`Grant_Type`,
 * `clientId`) is ignored by the server.
 *
 * Params in url-params and body, and the queries of the URLs. Headers
 * are left alone: HTTP compares header names without case, and an API
 * may want a header such as `Client-Id` on every request. Endpoint params
 * are the API's own.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "fixes.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"
#include "url.h"

/* OAuth 2 protocol parameter names (RFC 6749, RFC 7636, RFC 7523). */
static const char *const oauth_names[] = {
	"grant_type",
	"client_id",
	"client_secret",
	"redirect_uri",
	"response_type",
	"scope",
	"state",
	"code",
	"code_verifier",
	"code_challenge",
	"code_challenge_method",
	"refresh_token",
	"client_assertion",
	"client_assertion_type",
	"assertion",
};

/* Parameters of the password grant (RFC 6749 §4.3.2): protocol names only
 * when the method uses that grant; elsewhere they may be the API's own. */
static const char *const password_names[] = { "username", "password" };

static int
uses_password_grant(const struct cl_auth_method *m)
{
	const struct cl_variable *v =
	    cl_var_list_find(&m->variables, "grant_type");
	const char *d = v ? cl_var_default(v) : NULL;

	return m->type == CL_AUTH_OAUTH2_CC && d && !strcmp(d, "password");
}

/* The protocol name that KEY differs from only by case or separators, or
 * NULL. */
static const char *
misspelt_name(const struct cl_auth_method *m, const char *key)
{
	const char *s = key;
	char f;
	size_t i;

	/* A name KEY folds to starts with KEY's first byte that is no
	 * separator (those of cl_same_folded), case folded: the names are
	 * lower case, and most start otherwise, so no call for them. */
	while (cl_nearmiss_separator(*s))
		s++;
	f = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
	for (i = 0; i < CL_ARRAY_SIZE(oauth_names); i++)
		if (oauth_names[i][0] == f &&
		    cl_same_folded(key, oauth_names[i]))
			return oauth_names[i];
	if ((f == 'u' || f == 'p') && uses_password_grant(m))
		for (i = 0; i < CL_ARRAY_SIZE(password_names); i++)
			if (password_names[i][0] == f &&
			    cl_same_folded(key, password_names[i]))
				return password_names[i];
	return NULL;
}

static struct cl_diag *
report_name(struct cl_ctx *ctx, const struct cl_auth_method *m, const char *key,
            const char *name, struct cl_span at, const char *where)
{
	return cl_report(
	    ctx, &cl_rule_CL318, at,
	    "%s `%s` of auth method `%s` differs from the OAuth "
	    "parameter `%s` only by case or separators, so the server "
	    "ignores it: did you mean `%s`? OAuth parameter names are "
	    "case-sensitive",
	    where, key, m->id, name, name);
}

static void
name_params(struct cl_ctx *ctx, const struct cl_auth_method *m,
            const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		const char *name = misspelt_name(m, p->key);
		struct cl_diag *d;

		if (!name)
			continue;
		d = report_name(ctx, m, p->key, name,
		                cl_node_attr_span(p->node, "key"), "param");
		/* Renamed, unless the list has the name already: two params
		 * of one name would be a new question, not this fix. */
		if (!cl_param_list_find(list, name)) {
			cl_fix_new(ctx, d, CL_FIX_SAFE, "rename `%s` to `%s`",
			           p->key, name);
			cl_fix_set_attr(ctx, d, p->node, "key", name);
		}
	}
}

/* Whether the query of TEXT (the value of URL) has a param named NAME. */
static bool
query_has_key(const struct cl_ctx *ctx, const struct cl_node *url,
              const char *text, const char *name)
{
	struct cl_query q;
	struct cl_qparam qp;

	cl_query_init(&q, ctx, url, text);
	while (cl_query_next(&q, &qp))
		if (cl_query_is(CL_QKEY(&q, qp), name))
			return true;
	return false;
}

static void
name_query(struct cl_ctx *ctx, const struct cl_auth_method *m,
           const struct cl_node *url, const char *text, const char *where)
{
	struct cl_query q;
	struct cl_qparam qp;

	cl_query_init(&q, ctx, url, text);
	while (cl_query_next(&q, &qp)) {
		char *key = cl_query_dup(CL_QKEY(&q, qp));
		const char *name = misspelt_name(m, key);
		struct cl_span at = cl_query_span(CL_QKEY(&q, qp));
		struct cl_diag *d;

		if (name) {
			d = report_name(ctx, m, key, name, at, where);
			/* Byte for byte only where the key is written as it
			 * reads (no reference in it). */
			if (cl_fix_span_is(ctx, at, key) &&
			    !query_has_key(ctx, url, text, name)) {
				cl_fix_new(ctx, d, CL_FIX_SAFE,
				           "rename `%s` to `%s`", key, name);
				cl_fix_edit(ctx, d, at.start, at.end, name);
			}
		}
		free(key);
	}
}

static void
check_param_name_case(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_additional_url *az = cl_oauth2_authorise_url(m);

		name_params(ctx, m, &m->url_params);
		name_params(ctx, m, &m->body.params);
		name_query(ctx, m, m->url.node, m->url.value, "URL param");
		if (az)
			name_query(ctx, m, az->node, az->value,
			           "Additional URL 1 param");
	}
}

const struct cl_rule cl_rule_CL318 = {
	.id = "CL318",
	.slug = "oauth-param-name-case",
	.severity = CL_SEV_ERROR,
	.summary =
	    "an OAuth param whose key differs from the protocol name only by case "
	    "or separators (`Grant_Type`, `clientId`): OAuth names are "
	    "case-sensitive",
	.check = check_param_name_case,
	.fix = CL_RULE_FIX_SAFE,
};
