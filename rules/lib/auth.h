/*
 * What the auth rules (CL1xx, CL2xx, CL3xx) know about auth types: the
 * table of default auth variables per type, public and confidential
 * OAuth 2 clients, and the one way of reporting a missing auth variable so
 * that a misspelt key (clientId for client_id) is named rather than
 * reported as absent.
 *
 * Who says what about a default auth variable (one diagnostic per
 * problem): a variable that is absent, or whose key is misspelt, is
 * reported by the rule made for that variable where there is one
 * (cl_auth_missing_rule: CL301 client_id, CL302 client_secret, CL206 a
 * basic method's username and password, CL209
 * response_authentication_token_key), and by CL201
 * (missing-default-auth-variable) otherwise. Which rule that is depends
 * on the method alone, never on which rules are on: a finding keeps its ID,
 * and so its suppressions, baseline entries and severity overrides,
 * whatever else is selected, and turning CL302 off silences a missing
 * client_secret rather than handing it to CL201.
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
 * The rule that reports KEY, a default auth variable of M's type, absent
 * from M: CL301, CL302, CL206 or CL209 where the variable has a rule of its
 * own for M (CL302 only where M needs a secret), else CL201. Static.
 */
const struct cl_rule *
cl_auth_missing_rule(const struct cl_auth_method *m, const char *key);

/* 1 when KEY is a default auth variable of M's type that M lacks: the
 * rule cl_auth_missing_rule names reports it, so a placeholder {{KEY}}
 * of M is the same mistake, not a second one (CL104 stays quiet). */
int cl_auth_lacks_default(const struct cl_auth_method *m, const char *key);

/* Why a variable is taken to stand for an absent default (its key). */
enum cl_stand_in {
	CL_STAND_IN_FOLDED,  /* same key after folding case, separators */
	CL_STAND_IN_TYPO,    /* a small edit away (cl_nearmiss) */
	CL_STAND_IN_LABEL,   /* its label or alias has the key's words */
	CL_STAND_IN_API_NAME /* its key ends in a name APIs use (app_id) */
};

/*
 * The variable of M that stands for KEY, a default of M's type that M
 * lacks, in that order of evidence: a near miss of the key (`clientId`),
 * a label or alias with the key's words ("Cert ID (Client Secret)"), a
 * key ending in a name APIs give the value (`lwa_app_id` for client_id,
 * `api_secret` for a basic password). Keys that are defaults of the type
 * are never candidates. Sets *HOW (may be NULL); NULL when none. CL102
 * leaves such a variable unreported: renaming it is the fix.
 */
const struct cl_variable *
cl_auth_stand_in(const struct cl_auth_method *m, const char *key,
                 enum cl_stand_in *how);

/*
 * Reports with RULE that auth method M has no auth variable KEY. ROLE is a
 * phrase naming what KEY is, e.g. "a default auth variable of type
 * `basic`". When a variable stands for KEY (cl_auth_stand_in) the
 * diagnostic goes to that variable's key and says to rename it (the key
 * of a locked variable cannot change, its label can); otherwise it goes
 * to the <variables> element name, else the auth-method element name.
 * Returns the diagnostic, or NULL when RULE is off.
 */
struct cl_diag *
cl_report_missing_auth_var(struct cl_ctx *ctx, const struct cl_rule *rule,
                           const struct cl_auth_method *m, const char *key,
                           const char *role);

/*
 * The fix of D, a finding that M lacks KEY (a default auth variable of its
 * type) with no variable standing for it: the variable added, as the type
 * table gives it (format spec, "Default auth variables by type"), on a
 * line of its own after M's last `<variable>`, indented as it:
 * `<variable key="KEY" default="…" locked="true"/>` with the table's
 * default, else `required="true"` (the user gives it), with
 * `secret="true"` for a credential the table marks secret. Unsafe: the
 * API may want another default, and users are asked for a new value.
 * Nothing when D is NULL or has a fix, a variable stands for KEY, or M
 * has no `<variable>` that starts and ends its lines.
 */
void cl_auth_add_default_fix(struct cl_ctx *ctx, struct cl_diag *d,
                             const struct cl_auth_method *m, const char *key);

#endif /* CL_LIB_AUTH_H */
