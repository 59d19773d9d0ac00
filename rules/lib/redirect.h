/*
 * The redirect URIs an oauth2-authorization-code method may use (CL309):
 * the platform's production and staging callback URIs (format spec,
 * "Redirect URIs the platform accepts"), unless configuration replaces
 * them. The rules only ever read the list through these functions.
 *
 * Returned lists are static storage or storage owned by the linter's
 * configuration, valid while the context is; the caller frees nothing.
 */
#ifndef CL_LIB_REDIRECT_H
#define CL_LIB_REDIRECT_H

#include <stddef.h>

#include "rule.h"

/* The redirect URIs allowed for CTX's file; sets *N. */
const char *const *cl_ctx_redirect_uris(const struct cl_ctx *ctx, size_t *n);

/* 1 when URI is one of cl_ctx_redirect_uris(CTX), byte for byte (redirect
 * URIs are compared by simple string equality, RFC 9700 §4.1.3). */
int cl_redirect_uri_allowed(const struct cl_ctx *ctx, const char *uri);

#endif /* CL_LIB_REDIRECT_H */
