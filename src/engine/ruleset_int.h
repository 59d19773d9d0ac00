/*
 * What a loaded ruleset holds (ruleset.c builds it, ruleset_eval.c runs
 * it): compiled XPath expressions, compiled patterns and parsed message
 * templates, all read-only once loaded so that worker threads share them.
 */
#ifndef CL_RULESET_INT_H
#define CL_RULESET_INT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libxml/xpath.h>
#include <pcre2.h>

#include "catalogue.h"
#include "ruleset.h"

/* Expressions the evaluator answers itself, without libxml2: a relative
 * path of UPS parent steps, then child steps by name, then an optional
 * attribute (`@id`, `.`, `../@name`, `enable`, `endpoints/endpoint`,
 * `url/@host`): the common ones, whose answer is the one XPath gives. */
struct rs_xpath {
	char *src;
	xmlXPathCompExprPtr comp;
	bool fast; /* the shape above; the fields below describe it */
	/* Where the path starts: the context node, the document (`/a/b`),
	 * or every element of the document (`//a/b`: STEPS[0] is matched
	 * at any depth). */
	enum {
		RS_FROM_NODE,
		RS_FROM_ROOT,
		RS_FROM_ANY
	} from;
	unsigned ups;  /* leading `../` (or a lone `..`) */
	char **steps;  /* child element names, malloc'd copies */
	int *step_ids; /* their enum cl_name (names.h), 0 when not one */
	unsigned nsteps;
	/* Per step, a predicate `[@NAME = 'VALUE']` (malloc'd; NULL when
	 * the step has none), and its attribute's enum cl_name. */
	char **pred_attr, **pred_value;
	int *pred_ids;
	char *attr;  /* a final `@NAME` (malloc'd), or NULL */
	int attr_id; /* its enum cl_name */
	/* `PATH = 'VALUE'` or `PATH != 'VALUE'` (for test=), PATH a fast
	 * relative `@NAME` (FAST then stays false): '=' or '!', else 0. */
	char cmp;
	char *cmp_value;
};

/* Sets X's fast shape from its source (RS_FAST_NONE for any other). */
void cl_rs_xpath_shape(struct rs_xpath *x);

/* One piece of a message template: literal text, or an expression. */
struct rs_part {
	char *lit; /* NULL for an expression */
	struct rs_xpath expr;
};

enum rs_kind {
	RS_EXISTS,
	RS_ABSENT,
	RS_PATTERN,
	RS_NOT_PATTERN,
	RS_ENUM,
	RS_LENGTH, /* min-length and/or max-length */
	RS_COUNT,  /* count-min and/or count-max, with of */
	RS_UNIQUE,
	RS_TEST,
	RS_KIND_COUNT
};

struct rs_assert {
	enum rs_kind kind;
	struct rs_xpath expr; /* exists, absent, count (of), unique, test */
	char *re_src;         /* pattern, not-pattern */
	pcre2_code *re;
	bool jit; /* RE is JIT-compiled: pcre2_jit_match runs it */
	/* RE is `^` and literal text (re_src + 1, PREFIX_LEN bytes): a
	 * match is a prefix comparison, without PCRE2. */
	bool prefix;
	size_t prefix_len;
	char **words; /* enum */
	size_t nwords;
	bool has_min, has_max;
	unsigned long long min, max; /* length or count */
	/* The message template; no parts: the rule's summary. */
	struct rs_part *parts;
	size_t nparts;
};

struct rs_rule {
	struct cl_rule rule; /* what the catalogue sees */
	struct rs_xpath *givens;
	size_t ngivens;
	struct rs_assert *asserts;
	size_t nasserts;
};

struct cl_ruleset {
	atomic_uint refs;
	char *name, *prefix, *display, *tests_dir;
	char *real; /* the file, links resolved; NULL from memory */
	struct rs_rule *rules;
	size_t nrules;
};

/* libxml2's wording for XPath error CODE (an xmlXPathError). Static. */
const char *cl_rs_xpath_reason(int code);

#endif /* CL_RULESET_INT_H */
