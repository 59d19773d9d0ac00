/* What the security rules share; see security.h. */
#include "security.h"

#include <string.h>

#include "auth.h"
#include "secretscan.h"

int
cl_is_secret_key(const char *key)
{
	return cl_secret_key(key, strlen(key), 0);
}

int
cl_has_literal_text(const char *v)
{
	return cl_secret_has_literal(v, strlen(v));
}

const char *
cl_var_scope_word(enum cl_var_scope s)
{
	switch (s) {
	case CL_SCOPE_CONNECTOR:
		return "connector variable";
	case CL_SCOPE_AUTH:
		return "auth variable";
	case CL_SCOPE_ENDPOINT:
		return "endpoint variable";
	}
	return "variable";
}

int
cl_value_secrets(const char *v, size_t len, const char *key, const char *label,
                 struct cl_secret_hits *hits)
{
	cl_secret_scan_keyed(v, len, key, label, 0, hits);
	if (!hits->n)
		return 0;
	/* Asked only now: the placeholder scan costs more than the scan,
	 * which finds nothing in nearly every value. */
	if (!cl_secret_has_literal(v, len)) {
		cl_secret_hits_release(hits);
		return 0;
	}
	return 1;
}

/* A value that is placeholders only (`{{token}}`) hard-codes nothing;
 * that is asked last, of what would otherwise be a secret (see
 * cl_value_secrets). */
enum cl_param_secret
cl_param_secret(const struct cl_param *p, struct cl_secret_hits *hits)
{
	size_t cs, ce, len;

	if (!p->value)
		return CL_PARAM_NO_SECRET;
	len = strlen(p->value);
	/* The first letter first: most headers are no Authorization. */
	if (p->place == CL_PLACE_HEADERS && (p->key[0] | 0x20) == 'a' &&
	    !cl_strcasecmp(p->key, "Authorization"))
		return cl_secret_find_authorization(p->value, len, &cs, &ce) !=
		                   CL_SECRET_NONE &&
		               cl_secret_has_literal(p->value, len)
		           ? CL_PARAM_AUTHORIZATION
		           : CL_PARAM_NO_SECRET;
	if (cl_secret_key(p->key, strlen(p->key), 1))
		return cl_secret_has_literal(p->value, len)
		           ? CL_PARAM_NAMED
		           : CL_PARAM_NO_SECRET;
	return cl_value_secrets(p->value, len, p->key, p->label, hits)
	           ? CL_PARAM_FOUND
	           : CL_PARAM_NO_SECRET;
}

enum cl_auth_type
cl_endpoint_auth_type(const struct cl_endpoint *e)
{
	enum cl_auth_type t = CL_AUTH_UNKNOWN;
	size_t i;

	for (i = 0; i < e->n_enables; i++) {
		const struct cl_auth_method *m = e->enables[i].target;

		if (!m)
			continue;
		if (t != CL_AUTH_UNKNOWN && m->type != t)
			return CL_AUTH_UNKNOWN;
		t = m->type;
	}
	return t;
}

/* Said of every credential an oauth1 method would hold. */
#define OAUTH1_ADVICE                                                      \
	"remove the header: an `oauth1` method signs each request itself " \
	"with its `consumer_secret` and `token_secret` auth variables "    \
	"(marked `secret=\"true\"`, with no default)"

/* No placeholder is named here: which variable holds the obtained token
 * is not the format's to say (`{{access_token}}` undeclared is CL104). */
#define OAUTH2_ENDPOINT_ADVICE                                               \
	"remove it: the OAuth 2 auth method obtains an access token itself " \
	"at run time, each instance its own, and a hard-coded one expires "  \
	"and is shared by every instance"

/* 1 when M's token request body carries the client secret: a param keyed
 * or valued so, or content naming {{client_secret}}. */
static int
body_sends_secret(const struct cl_auth_method *m)
{
	size_t i;

	for (i = 0; i < m->body.params.n; i++) {
		const struct cl_param *p = &m->body.params.items[i];

		if (!strcmp(p->key, "client_secret") ||
		    (p->value && strstr(p->value, "{{client_secret}}")))
			return 1;
	}
	return m->body.content.value &&
	       strstr(m->body.content.value, "{{client_secret}}") != NULL;
}

/* Said of a `token` method's credential, wherever it is written. */
#define TOKEN_ADVICE                                                      \
	"put it in the `token` auth variable (marked `secret=\"true\"`, " \
	"with no default) and write `{{token}}` in its place"

const char *
cl_param_credential_advice(enum cl_auth_type type)
{
	return type == CL_AUTH_TOKEN ? TOKEN_ADVICE : NULL;
}

const char *
cl_authorization_advice(enum cl_auth_type type, const struct cl_auth_method *m,
                        enum cl_secret_kind kind)
{
	int oauth2 = cl_auth_type_is_oauth2(type), in_auth_method = m != NULL;

	if (type == CL_AUTH_OAUTH1)
		return OAUTH1_ADVICE;
	if (kind == CL_SECRET_BASIC) {
		/* A `basic` method would drop OAuth 2: the client's Basic
		 * authentication is built by the platform (connector
		 * format, `client_type`). */
		if (type == CL_AUTH_OAUTH2_AC && in_auth_method &&
		    cl_auth_is_public_client(m) && body_sends_secret(m))
			return "remove the header: the method already sends "
			       "its client credentials in the token request "
			       "body, as a public client";
		if (type == CL_AUTH_OAUTH2_AC && in_auth_method &&
		    cl_auth_is_public_client(m))
			return "remove the header: send `client_id` and "
			       "`client_secret` as `body` params "
			       "(`{{client_id}}`, `{{client_secret}}`), or make "
			       "`client_type` `confidential` so that the "
			       "platform builds the Basic authentication from "
			       "those auth variables itself";
		if (type == CL_AUTH_OAUTH2_AC && in_auth_method)
			return "remove the header: with `client_type` "
			       "`confidential` the platform builds the token "
			       "request's Basic authentication itself, from "
			       "the `client_id` and `client_secret` auth "
			       "variables (`client_secret` marked "
			       "`secret=\"true\"`, with no default)";
		/* A client credentials client is confidential (RFC 6749
		 * §4.4); `client_type` is no variable of that type. */
		if (oauth2 && in_auth_method)
			return "remove the header: the platform builds the token "
			       "request's Basic authentication itself, from "
			       "the `client_id` and `client_secret` auth "
			       "variables (`client_secret` marked "
			       "`secret=\"true\"`, with no default)";
		if (oauth2)
			return OAUTH2_ENDPOINT_ADVICE;
		if (type == CL_AUTH_TOKEN)
			return "keep the encoded credentials in the `token` "
			       "auth variable (marked `secret=\"true\"`, with "
			       "no default) and send `Basic {{token}}`";
		if (type == CL_AUTH_SOAP)
			return "take them from the method's `username` and "
			       "`password` auth variables (`password` marked "
			       "`secret=\"true\"`, with no default)";
		if (type == CL_AUTH_BASIC)
			return "remove the header: a `basic` auth method sends "
			       "`Authorization: Basic` itself, built from its "
			       "`username` and `password` auth variables "
			       "(`password` marked `secret=\"true\"`, with no "
			       "default)";
		return "use a `basic` auth method, which builds the header "
		       "from its `username` and `password` auth variables "
		       "(Base64 is an encoding, not encryption)";
	}
	if (kind == CL_SECRET_BEARER) {
		if (oauth2)
			return OAUTH2_ENDPOINT_ADVICE;
		if (type == CL_AUTH_TOKEN)
			return "send `Bearer {{token}}`: the `token` auth "
			       "variable (marked `secret=\"true\"`, with no "
			       "default) holds each instance's own";
		return "take it from a `secret=\"true\"` variable "
		       "(`Bearer {{token}}`) or use a `token` or OAuth 2 auth "
		       "method";
	}
	if (type == CL_AUTH_TOKEN)
		return TOKEN_ADVICE;
	return "take them from a `secret=\"true\"` variable";
}

const char *
cl_userinfo_advice(enum cl_auth_type type)
{
	if (type == CL_AUTH_OAUTH2_AC)
		return "give them as the `client_id` and `client_secret` auth "
		       "variables (`client_secret` marked `secret=\"true\"`), "
		       "from which the platform builds the token request's "
		       "Basic authentication when `client_type` is "
		       "`confidential`";
	if (type == CL_AUTH_OAUTH2_CC)
		return "give them as the `client_id` and `client_secret` auth "
		       "variables (`client_secret` marked `secret=\"true\"`), "
		       "from which the platform builds the token request's "
		       "Basic authentication";
	if (type == CL_AUTH_BASIC || type == CL_AUTH_SOAP)
		return "give them as the method's `username` and `password` "
		       "auth variables (`password` marked `secret=\"true\"`), "
		       "which it sends in a header";
	if (type == CL_AUTH_TOKEN)
		return "send them in a header param that references the "
		       "`token` auth variable (marked `secret=\"true\"`)";
	if (type == CL_AUTH_OAUTH1)
		return "give them as the `oauth1` method's `consumer_secret` "
		       "and `token_secret` auth variables (marked "
		       "`secret=\"true\"`)";
	return "send them in a header (a `basic` auth method, or a header "
	       "param with a `secret=\"true\"` variable)";
}
