/* What the security rules share; see security.h. */
#include "security.h"

#include <string.h>

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

const char *
cl_authorization_advice(enum cl_auth_type type, int in_auth_method,
                        enum cl_secret_kind kind)
{
	int oauth2 = cl_auth_type_is_oauth2(type);

	if (type == CL_AUTH_OAUTH1)
		return OAUTH1_ADVICE;
	if (kind == CL_SECRET_BASIC) {
		/* A `basic` method would drop OAuth 2: the client's Basic
		 * authentication is built by the platform (connector
		 * format, `client_type`). */
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
