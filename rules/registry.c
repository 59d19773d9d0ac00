/* The registry: every rule of rules/rules.def, in its order (by ID). */
#include "rule.h"

const struct cl_rule *const cl_rules[] = {
#define CL_RULE(id) &cl_rule_##id,
#include "rules.def"
#undef CL_RULE
};

const size_t cl_rules_count = CL_ARRAY_SIZE(cl_rules);

const struct cl_registry cl_builtin_registry = {
	.rules = cl_rules,
	.count = CL_ARRAY_SIZE(cl_rules),
};
