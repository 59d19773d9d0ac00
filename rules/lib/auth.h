/*
 * What the auth rules (CL1xx, CL2xx, CL3xx) know about auth types: the
 * table of default auth variables per type, public and confidential
 * OAuth 2 clients, and the one way of reporting a missing auth variable so
 * that a misspelt key (clientId for client_id) is named rather than
 * reported as absent.
 *
 * Who says what about a default auth variable (one diagnostic per
 * problem): a variable that is absent, or whose key is misspelt, is
 * CL201's (missing-default-auth-variable); CL206, CL209, CL301 and CL302
 * report an absent variable themselves (through
 * cl_report_missing_auth_var) only while CL201 is turned off.
 *
 * Nothing here allocates memory the caller must free: key tables are
 * static storage, diagnostics belong to the context's sink.
 */
#ifndef CL_LIB_AUTH_H
#define CL_LIB_AUTH_H

#include <stddef.h>

#include "rule.h"

/* The keys of the default auth variables of TYPE (format spec, "Default
 * auth variables by type"); sets *N. Static storage; *N is 0 for
 * CL_AUTH_UNKNOWN. */
const char *const *cl_auth_default_keys(enum cl_auth_type type, size_t *n);

/* 1 when KEY is a default auth variable of TYPE. */
int cl_auth_is_default_key(enum cl_auth_type type, const char *key);

/* 1 when KEY is `username` or `password`. */
int cl_auth_is_user_password(const char *key);

/*
 * 1 when M is an oauth2-authorization-code method for a public client: its
 * client_type default is "public" in any case (the platform treats every
 * value but "confidential" as public; a misspelt "confidential" is still
 * taken as confidential here, because that is what its author meant and
 * CL308 reports the spelling).
 */
int cl_auth_is_public_client(const struct cl_auth_method *m);

/* 1 when M needs a client_secret: client credentials, or a confidential
 * authorisation code client. */
int cl_auth_needs_client_secret(const struct cl_auth_method *m);

/*
 * Reports with RULE that auth method M has no auth variable KEY. ROLE is a
 * phrase naming what KEY is, e.g. "a default auth variable of type
 * `basic`". When one of M's other
 * variables is a near miss of KEY (same after folding case and separators,
 * or a small typo) the diagnostic goes to that variable's key and says the
 * key of a locked variable cannot change; otherwise it goes to the
 * <variables> element name, else the auth-method element name. Returns
 * the diagnostic, or NULL when RULE is off.
 */
struct cl_diag *
cl_report_missing_auth_var(struct cl_ctx *ctx, const struct cl_rule *rule,
                           const struct cl_auth_method *m, const char *key,
                           const char *role);

#endif /* CL_LIB_AUTH_H */
