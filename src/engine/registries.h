/* Registries with custom rules: making one, its references. */
#ifndef CL_REGISTRIES_H
#define CL_REGISTRIES_H

#include "catalogue.h"

struct cl_ruleset;

/*
 * A registry with BASE's rules then those of RS (a reference of RS is
 * taken). Returns it with one reference, or NULL with *ERROR (malloc'd,
 * caller frees: "rule `ID` (`slug`) of RS clashes with ...") when a rule
 * ID or slug of RS is in BASE already.
 */
struct cl_registry *cl_registry_extend(const struct cl_registry *base,
                                       struct cl_ruleset *rs, char **error);
/* Takes a reference of REG and returns it. */
const struct cl_registry *cl_registry_ref(const struct cl_registry *reg);
/* Drops a reference (NULL, the built-in registry: nothing). */
void cl_registry_unref(const struct cl_registry *reg);

#endif /* CL_REGISTRIES_H */
