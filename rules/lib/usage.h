/*
 * Which variables something reads: the variable-usage analysis behind
 * CL102 (unused-auth-variable), CL103 (unused-endpoint-variable) and
 * CL111 (variable-never-set, which leaves to CL102 and CL103 what they
 * report).
 *
 * A variable counts as read when a placeholder resolves to it. To keep
 * one mistake one diagnostic, references that other rules already report
 * still count, as CL101 counts them: a placeholder differing only in case
 * (CL105), a placeholder in an endpoint that does not enable the method
 * defining the key (CL104 says so), and any reference from an endpoint to
 * a method that no endpoint enables (CL202: once enabled, the endpoints
 * that need its variables will read them). Pagination option values and
 * other variables' defaults are scanned too: a value written there is
 * meant to be read.
 *
 * Scopes are the format spec's (see scope.h): a placeholder in an auth
 * method sees that method's auth variables (its `use`s included); one in
 * an endpoint sees the endpoint's variables, the connector variables and
 * the auth variables of every method it enables.
 *
 * Memory: cl_usage_build allocates the flags and indexes inside the
 * struct cl_usage the caller provides; cl_usage_release frees them (not
 * the struct itself). Everything else points into the model.
 */
#ifndef CL_LIB_USAGE_H
#define CL_LIB_USAGE_H

#include <stddef.h>

#include "nearmiss.h"
#include "rule.h"

/* The analysis' result. The fields are usage.c's; read it through
 * cl_usage_auth_var_unused and cl_usage_endpoint_var_unused. */
struct cl_usage_hit;

struct cl_usage {
	struct cl_ctx *ctx;
	const struct cl_connector *c;
	unsigned char **auth;     /* [method][variable]: read */
	unsigned char **endpoint; /* [endpoint][variable]: read */
	unsigned char *enabled;   /* [method]: some endpoint enables it */
	int enabled_noted;        /* ENABLED is filled in (on first use) */
	unsigned char *flags;     /* where auth[] and endpoint[] point */
	/* The caller reads the auth flags (else only the endpoint ones, and
	 * work for the others is skipped). */
	int want_auth;
	/* The owner of the text being scanned, and the key of the variable
	 * whose default it is (a default naming itself reads nothing). */
	const struct cl_auth_method *cur_auth;
	const struct cl_endpoint *cur_endpoint;
	const char *self;
	struct cl_nearmiss_cache cache; /* indexes of the variable lists */
	/* Which methods have the key of each connector variable (usage.c),
	 * made on first use: a placeholder naming a connector variable
	 * then finds them without a lookup in every method. */
	struct cl_usage_hit *hits;
	size_t *cvar_hits; /* [connector variable]: first hit, index + 1 */
	size_t *cvar_done; /* [connector variable]: STAMP it was marked for */
	/* The methods the endpoint SEEN enables: those whose SEEN_BY is
	 * STAMP. Endpoints enabling the same methods share a stamp. */
	size_t *seen_by;
	const struct cl_endpoint *seen;
	size_t stamp;
};

/* Works out which variables of C (CTX's model) are read; WANT_AUTH: the
 * auth variables' flags are needed, not only the endpoint variables'. */
void cl_usage_build(struct cl_ctx *ctx, const struct cl_connector *c,
                    struct cl_usage *u, int want_auth);

/* Frees what cl_usage_build allocated in U. */
void cl_usage_release(struct cl_usage *u);

/* 1 when CL102 reports the J-th variable of the I-th auth method (U built
 * with WANT_AUTH). */
int cl_usage_auth_var_unused(const struct cl_usage *u, size_t i, size_t j);

/* 1 when CL103 reports the J-th variable of the I-th endpoint. */
int cl_usage_endpoint_var_unused(const struct cl_usage *u, size_t i, size_t j);

#endif /* CL_LIB_USAGE_H */
