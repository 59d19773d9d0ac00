/*
 * Helpers shared by the auth rules (CL2xx, CL3xx): the table of default
 * auth variables per type, effective values of auth variables, and the one
 * way of reporting a missing auth variable so that a misspelt key
 * (clientId for client_id) is named rather than reported as absent.
 */
#ifndef CL_AUTHVARS_H
#define CL_AUTHVARS_H

#include <stddef.h>

#include "rule.h"

/* The keys of the default auth variables of TYPE (format spec, "Default
 * auth variables by type"); sets *N. Static storage; *N is 0 for
 * CL_AUTH_UNKNOWN. */
const char *const *cl_auth_default_keys(enum cl_auth_type type, size_t *n);

/* 1 when KEY is a default auth variable of TYPE. */
int cl_auth_is_default_key(enum cl_auth_type type, const char *key);

/*
 * The effective default of V: its own, else (for a <use>) the connector
 * variable's. NULL when there is none or it is empty.
 */
const char *cl_var_default(const struct cl_variable *v);

/*
 * Where V's default is written and what it says: V's own default
 * attribute, or for a <use> the connector variable's (a use has none of
 * its own). Returns the decoded default as written (possibly ""), or NULL
 * when there is no default attribute; then *SPAN is left alone. SPAN may be
 * NULL.
 */
const char *cl_var_default_at(const struct cl_variable *v, struct cl_span *span);

/* 1 when S is NULL, empty or only blanks (space, tab, CR, LF). */
int cl_blank(const char *s);

/* The span of V's key: the key attribute, or a use's variable attribute. */
struct cl_span cl_var_key_span(const struct cl_variable *v);

/* Where to report something missing from M's auth variables: the
 * <variables> element name, else the auth-method element name. */
struct cl_span cl_auth_vars_span(const struct cl_auth_method *m);

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
 * key of a locked variable cannot change; otherwise it goes to
 * cl_auth_vars_span(M). Returns the diagnostic, or NULL when RULE is off.
 */
struct cl_diag *cl_report_missing_auth_var(struct cl_ctx *ctx,
                                           const struct cl_rule *rule,
                                           const struct cl_auth_method *m,
                                           const char *key, const char *role);

/*
 * The redirect URIs an oauth2-authorization-code method may use (CL309):
 * the platform's production and staging callback URIs (format spec,
 * "Redirect URIs the platform accepts"). Sets *N. Static storage or
 * storage owned by the linter; valid while CTX is. Configuration may
 * replace the list; the rules only ever read it through this function.
 */
const char *const *cl_ctx_redirect_uris(const struct cl_ctx *ctx, size_t *n);

/* 1 when URI is one of cl_ctx_redirect_uris(CTX), byte for byte (redirect
 * URIs are compared by simple string equality, RFC 9700 §4.1.3). */
int cl_redirect_uri_allowed(const struct cl_ctx *ctx, const char *uri);

#endif /* CL_AUTHVARS_H */
