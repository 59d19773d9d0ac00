/*
 * CL001 is emitted while reading the file, not by a check over the model:
 * by the input checks and the parser (src/engine/input.c, src/parse/xml.c).
 */
#include "rule.h"

const struct cl_rule cl_rule_CL001 = {
	.id = "CL001",
	.slug = "xml-not-well-formed",
	.severity = CL_SEV_ERROR,
	.summary = "input that is not well-formed XML, not UTF-8, or empty",
	.emitted_by = "the XML parser",
};
