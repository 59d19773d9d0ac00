/* What the auth rules know about auth types; see auth.h. */
#include "auth.h"

#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "vars.h"

static const char *const basic_keys[] = { "username", "password" };
static const char *const token_keys[] = { "token" };
static const char *const oauth1_keys[] = { "consumer_key", "consumer_secret",
	                                   "token_id", "token_secret",
	                                   "signature_method" };
static const char *const oauth2_cc_keys[] = {
	"scope", "grant_type", "client_id", "client_secret",
	"response_authentication_token_key"
};
static const char *const oauth2_ac_keys[] = {
	"client_id",
	"client_secret",
	"scope",
	"grant_type",
	"client_type",
	"redirect_uri",
	"response_authentication_token_key"
};
static const char *const soap_keys[] = { "username", "password",
	                                 "response_authentication_token_key" };

const char *const *
cl_auth_default_keys(enum cl_auth_type type, size_t *n)
{
	switch (type) {
	case CL_AUTH_BASIC:
		*n = CL_ARRAY_SIZE(basic_keys);
		return basic_keys;
	case CL_AUTH_TOKEN:
		*n = CL_ARRAY_SIZE(token_keys);
		return token_keys;
	case CL_AUTH_OAUTH1:
		*n = CL_ARRAY_SIZE(oauth1_keys);
		return oauth1_keys;
	case CL_AUTH_OAUTH2_CC:
		*n = CL_ARRAY_SIZE(oauth2_cc_keys);
		return oauth2_cc_keys;
	case CL_AUTH_OAUTH2_AC:
		*n = CL_ARRAY_SIZE(oauth2_ac_keys);
		return oauth2_ac_keys;
	case CL_AUTH_SOAP:
		*n = CL_ARRAY_SIZE(soap_keys);
		return soap_keys;
	case CL_AUTH_UNKNOWN:
		break;
	}
	*n = 0;
	return NULL;
}

int
cl_auth_is_default_key(enum cl_auth_type type, const char *key)
{
	size_t i, n;
	const char *const *keys = cl_auth_default_keys(type, &n);

	for (i = 0; i < n; i++)
		if (!strcmp(keys[i], key))
			return 1;
	return 0;
}

int
cl_auth_is_user_password(const char *key)
{
	return !strcmp(key, "username") || !strcmp(key, "password");
}

int
cl_auth_is_public_client(const struct cl_auth_method *m)
{
	const struct cl_variable *v;
	const char *d;

	if (m->type != CL_AUTH_OAUTH2_AC)
		return 0;
	v = cl_var_list_find(&m->variables, "client_type");
	d = v ? cl_var_default(v) : NULL;
	return d && !cl_strcasecmp(d, "public");
}

int
cl_auth_needs_client_secret(const struct cl_auth_method *m)
{
	return m->type == CL_AUTH_OAUTH2_CC ||
	       (m->type == CL_AUTH_OAUTH2_AC && !cl_auth_is_public_client(m));
}

/* Where to report something missing from M's auth variables: the
 * <variables> element name, else the auth-method element name. */
static struct cl_span
auth_vars_span(const struct cl_auth_method *m)
{
	return m->variables.node ? m->variables.node->name_span
	                         : m->node->name_span;
}

/*
 * A variable of M whose key is a near miss of KEY. Keys that are
 * themselves defaults of M's type are not candidates: client_secret is
 * never a misspelt client_id.
 */
static const struct cl_variable *
near_var(const struct cl_auth_method *m, const char *key)
{
	const char *stack_cands[32], **cands = stack_cands, *hit;
	const struct cl_variable *found = NULL;
	size_t i, n = 0;

	if (m->variables.n > CL_ARRAY_SIZE(stack_cands))
		cands = cl_malloc(m->variables.n * sizeof(*cands));
	for (i = 0; i < m->variables.n; i++) {
		const char *k = m->variables.items[i].key;

		if (*k && !cl_auth_is_default_key(m->type, k))
			cands[n++] = k;
	}
	hit = cl_nearmiss(key, cands, n);
	for (i = 0; hit && i < m->variables.n; i++) {
		if (m->variables.items[i].key == hit) {
			found = &m->variables.items[i];
			break;
		}
	}
	if (cands != stack_cands)
		free(cands);
	return found;
}

struct cl_diag *
cl_report_missing_auth_var(struct cl_ctx *ctx, const struct cl_rule *rule,
                           const struct cl_auth_method *m, const char *key,
                           const char *role)
{
	const struct cl_variable *v = near_var(m, key);

	if (!v)
		return cl_report(ctx, rule, auth_vars_span(m),
		                 "auth method `%s` has no `%s`, %s", m->id, key,
		                 role);
	if (cl_same_folded(v->key, key))
		return cl_report(ctx, rule, cl_var_key_span(v),
		                 "auth variable `%s` differs from `%s`, %s, "
		                 "only by case or separators: the key of a "
		                 "locked variable cannot change",
		                 v->key, key, role);
	return cl_report(ctx, rule, cl_var_key_span(v),
	                 "auth variable `%s`: did you mean `%s`, %s? The key "
	                 "of a locked variable cannot change",
	                 v->key, key, role);
}
