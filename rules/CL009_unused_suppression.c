/* CL009 is reported by the suppression pass, src/engine/suppress.c. */
#include "rule.h"

const struct cl_rule cl_rule_CL009 = {
	.id = "CL009",
	.slug = "unused-suppression",
	.severity = CL_SEV_INFO,
	.summary = "a connlint-disable comment that suppresses nothing",
	.emitted_by = "the suppression pass",
	.fix = CL_RULE_FIX_SAFE,
};
