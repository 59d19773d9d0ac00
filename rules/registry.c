/* Every rule, once, ordered by ID. A new rule is declared beside its check
 * in rules/ and added here and to the CL_RULE_DECL list in src/rule.h. */
#include "rule.h"

const struct cl_rule *const cl_rules[] = {
	&cl_rule_CL001, &cl_rule_CL002, &cl_rule_CL003, &cl_rule_CL004,
	&cl_rule_CL005, &cl_rule_CL006,
	&cl_rule_CL101, &cl_rule_CL104, &cl_rule_CL105, &cl_rule_CL106,
	&cl_rule_CL107, &cl_rule_CL108, &cl_rule_CL109,
	&cl_rule_CL201, &cl_rule_CL202, &cl_rule_CL203,
	&cl_rule_CL301, &cl_rule_CL302, &cl_rule_CL303, &cl_rule_CL305,
	&cl_rule_CL307,
	&cl_rule_CL401, &cl_rule_CL402,
};

const size_t cl_rules_count = CL_ARRAY_SIZE(cl_rules);
