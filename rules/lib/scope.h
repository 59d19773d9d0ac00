/*
 * Resolving a placeholder's key in its scope, for the placeholder rules
 * (CL101, CL104, CL105, CL109).
 *
 * Scopes, as the format spec defines them: a placeholder in an auth method
 * sees that method's auth variables, including the connector variables it
 * `use`s; a placeholder in an endpoint sees the endpoint's variables, the
 * connector variables and the auth variables of every method it enables.
 * A key is looked up exactly first (keys are case-sensitive), then
 * ignoring ASCII case, which is CL105 rather than CL104.
 *
 * Returned lists and variables point into the model; the caller frees
 * nothing but the CACHE it passes (cl_nearmiss_cache_release).
 */
#ifndef CL_LIB_SCOPE_H
#define CL_LIB_SCOPE_H

#include <stddef.h>

#include "nearmiss.h"
#include "rule.h"

enum cl_resolved {
	CL_RES_FOUND,    /* an exact key in scope */
	CL_RES_CASE,     /* only a key differing in case is in scope */
	CL_RES_NOT_USED, /* auth method: a connector variable it does not use */
	CL_RES_UNDEFINED
};

/*
 * The I-th variable list a placeholder of TPL can see, most specific
 * first: the method's own; or the endpoint's, the connector's, then those
 * of each method the endpoint enables (an empty list for an enabled
 * method that does not exist). NULL past the last. These are the lists of
 * cl_model_scope_list (model.h), through which the model resolves every
 * placeholder once.
 */
const struct cl_var_list *
cl_scope_list(const struct cl_connector *c, const struct cl_template *tpl,
              size_t i);

/*
 * Looks KEY up from TPL. *VAR is the variable found: the exact one, the
 * case-different one (CL_RES_CASE) or the connector variable an auth
 * method forgot to use (CL_RES_NOT_USED); NULL for CL_RES_UNDEFINED. CACHE
 * (the caller's) holds the indexes for lookups ignoring case.
 */
enum cl_resolved
cl_scope_resolve(struct cl_nearmiss_cache *cache, const struct cl_connector *c,
                 const struct cl_template *tpl, const char *key,
                 const struct cl_variable **var);

/* cl_scope_resolve for P, a placeholder of C's model: the same answer,
 * without looking again for the exact key the model found (P->var).
 * Inline: several rules ask it of every placeholder, and most have one. */
static inline enum cl_resolved
cl_scope_resolve_placeholder(struct cl_nearmiss_cache *cache,
                             const struct cl_connector *c,
                             const struct cl_placeholder *p,
                             const struct cl_variable **var)
{
	if (p->var) {
		*var = p->var;
		return CL_RES_FOUND;
	}
	return cl_scope_resolve(cache, c, p->tpl, p->key, var);
}

#endif /* CL_LIB_SCOPE_H */
