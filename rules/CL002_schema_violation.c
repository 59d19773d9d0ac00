/*
 * CL002 is emitted while reading the file, not by a check over the model:
 * by the model builder (src/engine/model.c).
 */
#include "rule.h"

const struct cl_rule cl_rule_CL002 = {
	.id = "CL002",
	.slug = "schema-violation",
	.severity = CL_SEV_ERROR,
	.summary =
	    "unknown element or attribute, missing required attribute, value outside its enumeration, wrong root element",
	.emitted_by = "the model builder",
};
