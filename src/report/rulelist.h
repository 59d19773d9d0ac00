/* --list-rules: the catalogue as a table or as JSON. */
#ifndef CL_RULELIST_H
#define CL_RULELIST_H

#include <stdio.h>

/* Writes every rule (ID, slug, default severity, whether it has a fix,
 * summary) to OUT, one aligned line each. */
void cl_rules_print(FILE *out);
/* The same as a JSON document: {"tool": {...}, "rules": [...]}. */
void cl_rules_print_json(FILE *out);

#endif /* CL_RULELIST_H */
