/*
 * CL001–CL003 are emitted while reading the file, not by a check over the
 * model: CL001 by the input checks and the parser (src/lint.c, src/xml.c),
 * CL002 and CL003 by the model builder (src/model.c).
 */
#include "rule.h"

const struct cl_rule cl_rule_CL001 = {
	.id = "CL001",
	.slug = "xml-not-well-formed",
	.severity = CL_SEV_ERROR,
	.summary = "input that is not well-formed XML, not UTF-8, or empty",
};

const struct cl_rule cl_rule_CL002 = {
	.id = "CL002",
	.slug = "schema-violation",
	.severity = CL_SEV_ERROR,
	.summary = "unknown element or attribute, missing required attribute, value outside its enumeration, wrong root element",
};

const struct cl_rule cl_rule_CL003 = {
	.id = "CL003",
	.slug = "unsupported-format-version",
	.severity = CL_SEV_ERROR,
	.summary = "`format` missing or not a version this build understands",
};
