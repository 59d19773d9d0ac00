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

/* Whether the literal value V (LEN bytes) of KEY, labelled LABEL (may be
 * NULL), holds secrets: what cl_secret_scan_keyed finds, into *HITS
 * (which the caller passes empty and releases); 0, *HITS left empty,
 * when it finds none or V has no literal text outside placeholders. */
int cl_value_secrets(const char *v, size_t len, const char *key,
                     const char *label, struct cl_secret_hits *hits);

/* How a param's literal value hard-codes a credential, as CL501 reports
 * it (cl_param_secret). */
enum cl_param_secret {
	CL_PARAM_NO_SECRET,
	CL_PARAM_AUTHORIZATION, /* credentials of an Authorization header */
	CL_PARAM_NAMED,         /* any literal under a credential key */
	CL_PARAM_FOUND          /* secrets the detector finds: in *HITS */
};

/*
 * Whether param P hard-codes a credential: the one decision CL501 reports
 * and CL207 defers to (a token method's header with the token written in
 * is one mistake, CL501's). With CL_PARAM_FOUND, *HITS (which the caller
 * passes empty and releases) holds the secrets; otherwise it is left
 * empty.
 */
enum cl_param_secret
cl_param_secret(const struct cl_param *p, struct cl_secret_hits *hits);

/* "connector variable", "auth variable", "endpoint variable". */
const char *cl_var_scope_word(enum cl_var_scope s);

/* The auth type whose rules hold for the requests of endpoint E: the type
 * of the methods it enables when they all have one, else
 * CL_AUTH_UNKNOWN. */
enum cl_auth_type cl_endpoint_auth_type(const struct cl_endpoint *e);

/*
 * What to do about credentials (KIND: Basic, Bearer or another scheme)
 * written into an Authorization header of a request under auth type TYPE
 * (CL_AUTH_UNKNOWN when no one type holds), in auth method M's own params
 * (M NULL: an endpoint's): the place of that type that holds them, so
 * that the advice keeps the auth type (a `basic` method in place of OAuth
 * 2 would drop OAuth) and leads to no other finding (a public client that
 * already sends its secret in the body is not told to become
 * confidential, which would be CL315).
 */
const char *
cl_authorization_advice(enum cl_auth_type type, const struct cl_auth_method *m,
                        enum cl_secret_kind kind);

/* What to do about a literal credential in a non-Authorization param of
 * a request under auth type TYPE: a `token` method's is the `token`
 * variable's; NULL when the generic advice applies. */
const char *cl_param_credential_advice(enum cl_auth_type type);

/* What to do about credentials before `@` in a URL under auth type TYPE
 * (CL503), as cl_authorization_advice. */
const char *cl_userinfo_advice(enum cl_auth_type type);

#endif /* CL_LIB_SECURITY_H */
