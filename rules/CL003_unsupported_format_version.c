/*
 * CL003 is emitted while reading the file, not by a check over the model:
 * by the model builder (src/engine/model.c).
 */
#include "rule.h"

const struct cl_rule cl_rule_CL003 = {
	.id = "CL003",
	.slug = "unsupported-format-version",
	.severity = CL_SEV_ERROR,
	.summary = "`format` missing or not a version this build understands",
	.emitted_by = "the model builder",
};
