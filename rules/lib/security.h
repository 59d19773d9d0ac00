/*
 * What the security rules (CL5xx) share on top of the secret detector in
 * src/parse/secretscan.h: whether a key names a credential, whether a
 * value has literal text (placeholders are never secrets), and the words
 * that name a variable's scope in messages.
 *
 * Nothing here allocates memory; strings returned are static storage.
 */
#ifndef CL_LIB_SECURITY_H
#define CL_LIB_SECURITY_H

#include "rule.h"

/* 1 when KEY is one of the format's credential keys (client_secret,
 * password, ...) as variables spell them (exactly, no case folding). */
int cl_is_secret_key(const char *key);

/* 1 when V has literal text outside well-formed placeholders. */
int cl_has_literal_text(const char *v);

/* "connector variable", "auth variable", "endpoint variable". */
const char *cl_var_scope_word(enum cl_var_scope s);

#endif /* CL_LIB_SECURITY_H */
