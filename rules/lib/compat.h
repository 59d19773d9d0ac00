/*
 * What the compatibility rules (CL601-CL615, connlint diff) share: matching
 * the old version's items to the new version's (by id for auth methods and
 * endpoints, by key for variables and params), the "renamed to …?" guess
 * for an item that is gone, where a diagnostic about something gone points
 * (its nearest surviving parent in the new version), the canonical
 * comparison of two element trees, version numbers and URL hosts.
 *
 * Nothing here allocates memory the caller must free; pointers returned
 * point into the models.
 */
#ifndef CL_LIB_COMPAT_H
#define CL_LIB_COMPAT_H

#include <stdbool.h>
#include <stddef.h>

#include "diff.h"
#include "rule.h"

/* The first endpoint of C with id ID, or NULL. */
const struct cl_endpoint *
cl_compat_endpoint(const struct cl_connector *c, const char *id);

/* Whether A and B are the first auth method (endpoint) of their id in C:
 * a later one is CL006's, and lookups by id find only the first. */
bool cl_compat_first_method(const struct cl_connector *c,
                            const struct cl_auth_method *m);
bool cl_compat_first_endpoint(const struct cl_connector *c,
                              const struct cl_endpoint *e);

/* Whether V demands a value of someone who never gave one: required (its
 * effective flag) and without a default (cl_var_default). */
bool cl_compat_var_demands(const struct cl_variable *v);

/*
 * CL605 and CL608, for one owner (an auth method or an endpoint) found in
 * both versions: reports, as RULE, every variable of NOW that demands a
 * value (cl_compat_var_demands) and did not in WAS_VARS, the owner's list
 * in the old version (WAS_NODE: the old owner, where a variable that was
 * not there is pointed at). The words: OWNER ("auth method") and its ID,
 * VAR ("auth variable"), HOLDERS (who holds no value for it: "instances
 * created with `x`").
 */
void
cl_compat_report_demands(struct cl_ctx *ctx, const struct cl_diff *d,
                         const struct cl_rule *rule,
                         const struct cl_var_list *now,
                         const struct cl_var_list *was_vars,
                         const struct cl_node *was_node, const char *owner,
                         const char *id, const char *var, const char *holders);

/*
 * The "renamed to …?" guesses. For an item GONE of the old version that the
 * new version NEW lacks: an item of NEW whose id (key) the old version OLD
 * does not have, with a near-miss id (key) of GONE's (nearmiss.h), or, for
 * auth methods, the same `name` and `type`, for endpoints, the same `name`,
 * `direction` and `method`. NULL when there is none.
 */
const struct cl_auth_method *
cl_compat_renamed_method(const struct cl_connector *old,
                         const struct cl_connector *new,
                         const struct cl_auth_method *gone);
const struct cl_endpoint *
cl_compat_renamed_endpoint(const struct cl_connector *old,
                           const struct cl_connector *new,
                           const struct cl_endpoint *gone);
const struct cl_variable *cl_compat_renamed_var(const struct cl_var_list *old,
                                                const struct cl_var_list *new,
                                                const struct cl_variable *gone);

/* Where a diagnostic about something gone points: the name of element N
 * of the new version C, or C's root name when N is NULL. */
struct cl_span
cl_compat_parent_span(const struct cl_connector *c, const struct cl_node *n);

/* The ID attribute of item N, else its name: what a related location in
 * the old version points at. */
struct cl_span cl_compat_item_span(const struct cl_node *n, const char *attr);

/*
 * Whether trees A and B are the same once what does not change what a
 * connector means is set aside: attribute order, whitespace between
 * elements, comments and the order of sibling elements. Element names,
 * attribute names and decoded values, and each element's character data
 * (trimmed) must be equal.
 */
bool cl_compat_trees_equal(const struct cl_node *a, const struct cl_node *b);

/*
 * Compares two version strings as dotted numbers: "1.10" > "1.9", "2" ==
 * "2.0"; a part that is not all digits is compared as text. <0, 0 or >0.
 */
int cl_compat_version_cmp(const char *a, const char *b);

/*
 * The host of URL U: [*START, *END) in U, without user information and
 * port. U may have no scheme or start with a placeholder ("{{base}}/x",
 * "https://{{store}}.example.com"): the host is then the text up to the
 * first '/', '?' or '#' after "://" (or from the start), compared as text.
 * Returns false when U is NULL or the host is empty.
 */
bool cl_compat_url_host(const char *u, size_t *start, size_t *end);

/*
 * A context over the old version's bytes, for the span mapping functions
 * of span.h (which read only buf and len): set up in *OC, nothing to free.
 */
void cl_compat_old_ctx(const struct cl_diff *d, struct cl_ctx *oc);

/*
 * Reports for RULE that the WHAT ("auth method") of id ID, at OLD_NODE in
 * the old version, is gone from the new one: at AT (the new version's
 * list), with TO_NODE and TO_ID the likely rename in the new version
 * (NULL: none). Who breaks is said twice: USERS and USERS_END around the
 * id after a rename ("Instances created with", "stop working"), GONE for
 * a plain removal ("every instance created with it stops working").
 */
void cl_compat_report_removed(struct cl_ctx *ctx, const struct cl_diff *d,
                              const struct cl_rule *rule, struct cl_span at,
                              const char *what, const char *id,
                              const struct cl_node *old_node,
                              const struct cl_node *to_node, const char *to_id,
                              const char *users, const char *users_end,
                              const char *gone);

#endif /* CL_LIB_COMPAT_H */
