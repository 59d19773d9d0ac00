/* Every rule, once, ordered by ID. A new rule is declared beside its check
 * in rules/ and added here and to the CL_RULE_DECL list in src/rule.h. */
#include "rule.h"

const struct cl_rule *const cl_rules[] = {
	&cl_rule_CL001, &cl_rule_CL002, &cl_rule_CL003, &cl_rule_CL004,
	&cl_rule_CL005, &cl_rule_CL006, &cl_rule_CL007, &cl_rule_CL008,
	&cl_rule_CL009, &cl_rule_CL010,
	&cl_rule_CL101, &cl_rule_CL102, &cl_rule_CL103, &cl_rule_CL104,
	&cl_rule_CL105, &cl_rule_CL106, &cl_rule_CL107, &cl_rule_CL108,
	&cl_rule_CL109, &cl_rule_CL110, &cl_rule_CL111, &cl_rule_CL112,
	&cl_rule_CL113, &cl_rule_CL114,
	&cl_rule_CL201, &cl_rule_CL202, &cl_rule_CL203, &cl_rule_CL204,
	&cl_rule_CL205, &cl_rule_CL206, &cl_rule_CL207, &cl_rule_CL208,
	&cl_rule_CL209,
	&cl_rule_CL301, &cl_rule_CL302, &cl_rule_CL303, &cl_rule_CL304,
	&cl_rule_CL305, &cl_rule_CL306, &cl_rule_CL307, &cl_rule_CL308,
	&cl_rule_CL309, &cl_rule_CL310, &cl_rule_CL311, &cl_rule_CL312,
	&cl_rule_CL313, &cl_rule_CL314, &cl_rule_CL315, &cl_rule_CL316,
	&cl_rule_CL317, &cl_rule_CL318,
	&cl_rule_CL401, &cl_rule_CL402, &cl_rule_CL403, &cl_rule_CL404,
	&cl_rule_CL405, &cl_rule_CL406, &cl_rule_CL407, &cl_rule_CL408,
	&cl_rule_CL409, &cl_rule_CL410, &cl_rule_CL411, &cl_rule_CL412,
	&cl_rule_CL413,
	&cl_rule_CL501, &cl_rule_CL502, &cl_rule_CL503, &cl_rule_CL504,
	&cl_rule_CL505,
};

const size_t cl_rules_count = CL_ARRAY_SIZE(cl_rules);
