/*
 * What the OAuth 2 rules (CL3xx) share: walking a connector's OAuth 2
 * methods, the authorise URL of the authorisation code flow, the grant
 * types that fit each OAuth 2 type, and where a method gives a protocol
 * parameter its value (a variable default, a literal param, a placeholder
 * that names a defaulted variable). Facts: RFC 6749 and the format spec's
 * OAuth 2 notes.
 *
 * Nothing here allocates memory the caller must free: methods, variables
 * and values returned point into the model, grant type lists are static
 * storage, and spans are returned by value.
 */
#ifndef CL_LIB_OAUTH2_H
#define CL_LIB_OAUTH2_H

#include <stddef.h>

#include "rule.h"

/* TYPE of cl_oauth2_method: either OAuth 2 type. */
#define CL_OAUTH2_ANY CL_AUTH_UNKNOWN

/*
 * The first auth method of C at index *I or after that is of TYPE
 * (CL_AUTH_OAUTH2_CC, CL_AUTH_OAUTH2_AC, or CL_OAUTH2_ANY for either
 * OAuth 2 type); sets *I to its index. NULL when there is none.
 */
const struct cl_auth_method *
cl_oauth2_method(const struct cl_connector *c, size_t *i,
                 enum cl_auth_type type);

/* Runs the statement that follows for each auth method M of C of TYPE (as
 * for cl_oauth2_method), in order; I (a size_t) is M's index. */
#define cl_for_each_oauth2(m, c, i, type)                                  \
	for ((i) = 0; ((m) = cl_oauth2_method((c), &(i), (type))) != NULL; \
	     (i)++)

/* Additional URL 1 of an authorisation code method (the authorise
 * endpoint), or NULL (also for any other type of method). */
const struct cl_additional_url *
cl_oauth2_authorise_url(const struct cl_auth_method *m);

/*
 * The grant types that fit OAuth 2 type TYPE; the first is the usual one:
 * `client_credentials` and `password` for oauth2-client-credentials,
 * `authorization_code` for any other type. Sets *N.
 */
const char *const *cl_oauth2_grant_types(enum cl_auth_type type, size_t *n);

/* 1 when VALUE is one of cl_oauth2_grant_types(TYPE), byte for byte (OAuth
 * values are case-sensitive). */
int cl_oauth2_grant_fits(enum cl_auth_type type, const char *value);

/* 1 when space-separated `response_type` VALUE holds the word `token`: it
 * asks for the implicit grant (CL310), also as `id_token token`. */
int cl_oauth2_response_has_token(const char *value);

/* One place where an auth method gives a key a literal value. */
struct cl_auth_value {
	const char *value;
	struct cl_span span;
	const char *what; /* "default" or "param" */
};

/* Enough for any method a person writes; more places are not looked at. */
#define CL_AUTH_VALUES_MAX 16

/*
 * Every place in M where KEY is given a literal value: the default of auth
 * variable KEY (for a <use>, the connector variable's, at its default),
 * then params named KEY in url-params, headers and body (a value holding a
 * placeholder is skipped). Fills up to MAX entries of OUT and returns how
 * many.
 */
size_t cl_auth_values(const struct cl_auth_method *m, const char *key,
                      struct cl_auth_value *out, size_t max);

/*
 * When VALUE is exactly one placeholder {{k}} and k is an auth variable of
 * M with a non-empty default, that variable (the value sent is then its
 * default, a constant written in the file); else NULL.
 */
const struct cl_variable *
cl_auth_placeholder_var(const struct cl_auth_method *m, const char *value);

/* 1 when VALUE holds something CL106 reports as a malformed placeholder. */
int cl_has_malformed_placeholder(const char *value);

/* Where V's default is written (see cl_var_default_at); V's key when it
 * has no default attribute. */
struct cl_span cl_var_default_span(const struct cl_variable *v);

#endif /* CL_LIB_OAUTH2_H */
