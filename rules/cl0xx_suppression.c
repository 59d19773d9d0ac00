/* CL009 and CL010 are reported by the suppression pass, src/suppress.c. */
#include "rule.h"

const struct cl_rule cl_rule_CL009 = {
	.id = "CL009",
	.slug = "unused-suppression",
	.severity = CL_SEV_INFO,
	.summary = "a connlint-disable comment that suppresses nothing",
};

const struct cl_rule cl_rule_CL010 = {
	.id = "CL010",
	.slug = "unknown-rule-in-suppression",
	.severity = CL_SEV_WARNING,
	.summary = "a connlint-disable comment naming a rule that does not exist",
};
