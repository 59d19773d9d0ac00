/* CL010 is reported by the suppression pass, src/engine/suppress.c. */
#include "rule.h"

const struct cl_rule cl_rule_CL010 = {
	.id = "CL010",
	.slug = "unknown-rule-in-suppression",
	.severity = CL_SEV_WARNING,
	.summary =
	    "a connlint-disable comment naming a rule that does not exist",
	.emitted_by = "the suppression pass",
};
