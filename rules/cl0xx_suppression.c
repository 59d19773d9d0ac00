/* CL009 and CL010 are reported by the suppression pass, src/suppress.c. */
#include "rule.h"

const struct cl_rule cl_rule_CL009 = {
	"CL009", "unused-suppression", CL_SEV_INFO,
	"a connlint-disable comment that suppresses nothing", NULL
};

const struct cl_rule cl_rule_CL010 = {
	"CL010", "unknown-rule-in-suppression", CL_SEV_WARNING,
	"a connlint-disable comment naming a rule that does not exist", NULL
};
