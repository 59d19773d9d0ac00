/* Resolving a placeholder's key in its scope; see scope.h. */
#include "scope.h"

#include "vars.h"

const struct cl_var_list *
cl_scope_list(const struct cl_connector *c, const struct cl_template *tpl,
              size_t i)
{
	return cl_model_scope_list(c, tpl, i);
}

enum cl_resolved
cl_scope_resolve(struct cl_nearmiss_cache *cache, const struct cl_connector *c,
                 const struct cl_template *tpl, const char *key,
                 const struct cl_variable **var)
{
	const struct cl_var_list *l;
	size_t i;

	*var = NULL;
	for (i = 0; (l = cl_scope_list(c, tpl, i)); i++)
		if ((*var = cl_var_list_find(l, key)))
			return CL_RES_FOUND;
	if (tpl->auth && (*var = cl_var_list_find(&c->variables, key)))
		return CL_RES_NOT_USED;
	for (i = 0; (l = cl_scope_list(c, tpl, i)); i++)
		if ((*var = cl_var_find_case(cache, l, key)))
			return CL_RES_CASE;
	return CL_RES_UNDEFINED;
}
