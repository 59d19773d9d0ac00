/*
 * What the security rules (CL5xx) share on top of the secret detector in
 * src/parse/secretscan.h: whether a key names a credential, whether a
 * value has literal text (placeholders are never secrets), the words
 * that name a variable's scope in messages, and what to tell an author to do with a credential, by auth type.
 *
 * Nothing here allocates memory; strings returned are static storage.
 */
#ifndef CL_LIB_SECURITY_H
#define CL_LIB_SECURITY_H

#include "rule.h"
#include "secretscan.h"

/* 1 when KEY is one of the format's credential keys (client_secret,
 * password, ...) as variables spell them (exactly, no case folding). */
int cl_is_secret_key(const char *key);

/* 1 when V has literal text outside well-formed placeholders. */
int cl_has_literal_text(const char *v);

/* "connector variable", "auth variable", "endpoint variable". */
const char *cl_var_scope_word(enum cl_var_scope s);

/* The auth type whose rules hold for the requests of endpoint E: the type
 * of the methods it enables when they all have one, else
 * CL_AUTH_UNKNOWN. */
enum cl_auth_type cl_endpoint_auth_type(const struct cl_endpoint *e);

/*
 * What to do about credentials (KIND: Basic, Bearer or another scheme)
 * written into an Authorization header of a request under auth type TYPE
 * (CL_AUTH_UNKNOWN when no one type holds), in an auth method's own
 * params (IN_AUTH_METHOD) or an endpoint's: the place of that type that
 * holds them, so that the advice keeps the auth type (a `basic` method in
 * place of OAuth 2 would drop OAuth) and leads to no other finding.
 */
const char *cl_authorization_advice(enum cl_auth_type type, int in_auth_method,
                                    enum cl_secret_kind kind);

/* What to do about credentials before `@` in a URL under auth type TYPE
 * (CL503), as cl_authorization_advice. */
const char *cl_userinfo_advice(enum cl_auth_type type);

#endif /* CL_LIB_SECURITY_H */
