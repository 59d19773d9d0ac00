/* --list-rules: the catalogue as a table or as JSON. */
#ifndef CL_RULELIST_H
#define CL_RULELIST_H

#include <stdio.h>

struct cl_registry;

/* Writes every rule of REG (ID, slug, default severity, whether it has
 * a fix, summary) to OUT, one aligned line each. */
void cl_rules_print(const struct cl_registry *reg, FILE *out);
/* The same as a JSON document: {"tool": {...}, "rules": [...]}; a custom
 * rule also has "ruleset" (its name) and "file". */
void cl_rules_print_json(const struct cl_registry *reg, FILE *out);

#endif /* CL_RULELIST_H */
