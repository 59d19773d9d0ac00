/*
 * CL001–CL003 are emitted while reading the file, not by a check over the
 * model: CL001 by the input checks and the parser (src/lint.c, src/xml.c),
 * CL002 and CL003 by the model builder (src/model.c).
 */
#include "rule.h"

const struct cl_rule cl_rule_CL001 = {
	"CL001", "xml-not-well-formed", CL_SEV_ERROR,
	"input that is not well-formed XML, not UTF-8, or empty", NULL
};

const struct cl_rule cl_rule_CL002 = {
	"CL002", "schema-violation", CL_SEV_ERROR,
	"unknown element or attribute, missing required attribute, value outside its enumeration, wrong root element",
	NULL
};

const struct cl_rule cl_rule_CL003 = {
	"CL003", "unsupported-format-version", CL_SEV_ERROR,
	"`format` missing or not a version this build understands", NULL
};
