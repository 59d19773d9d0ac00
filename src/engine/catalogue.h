/*
 * The rule catalogue: struct cl_rule, the registry (rules/registry.c, one
 * table from rules/rules.def) and its queries. The engine reaches the
 * rules only through this table.
 */
#ifndef CL_CATALOGUE_H
#define CL_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "connlint.h"

struct cl_connector;
struct cl_ctx;
struct cl_config;
struct cl_diff;

struct cl_rule {
	const char *id;            /* "CL303": stable, never reused */
	const char *slug;          /* "wrong-grant-type" */
	enum cl_severity severity; /* default severity */
	const char *summary;       /* one line, no trailing period */
	/* Runs over the model C (never NULL: the engine calls it only on a
	 * modelled connector); NULL for diagnostics emitted by the parser
	 * or the model builder (CL001, CL002, CL003) or the suppression
	 * pass (CL009, CL010), which .emitted_by names. */
	void (*check)(struct cl_ctx *ctx, const struct cl_connector *c);
	const char *emitted_by; /* where a rule without .check reports */
	/* A compatibility rule (CL6xx, connlint diff): compares the old and
	 * the new version of a connector (diff.h), reporting on the new one.
	 * Such a rule has no .check and never runs in a plain lint. */
	void (*diff)(struct cl_ctx *ctx, const struct cl_diff *d);
	bool compat; /* a CL6xx rule: set with .diff */
	/* Runs even when the rule is off: its findings are dropped, but the
	 * secrets it finds are masked in every other rule's output. */
	bool masks_secrets;
	/* What fixes its findings carry (fix.h): a rule that gives a fix
	 * declares it here, and a fix of an applicability it did not declare
	 * is a BUG(). */
	enum cl_rule_fix fix;
	/* For GitHub code scanning (docs/output-formats.md, sarif): a
	 * security rule's score, "0.0" to "10.0" as text, and the CWE numbers
	 * of the weaknesses it finds (0: none). NULL and no CWE for a rule
	 * that is not about security. */
	const char *security_severity;
	unsigned cwe[2];
	/* A custom rule (ruleset.h): the ruleset that defines it (NULL for a
	 * built-in rule), its Markdown page (<doc>, or NULL) and its
	 * position in every registry that holds it (set by
	 * cl_registry_extend). */
	const struct cl_ruleset *custom;
	const char *doc;
	size_t index;
};

/* The built-in rules, ordered by ID (rules/registry.c). */
extern const struct cl_rule *const cl_rules[];
extern const size_t cl_rules_count;

/*
 * A registry: the rules a linter knows, the built-in ones first (in
 * cl_rules order), then the rules of custom rulesets (ruleset.h) in the
 * order they were loaded. Every per-rule array (enabled, severity, the
 * settings) is indexed by position in a registry; a registry made from
 * another one keeps its positions and adds after them, so an array for
 * the smaller one is a prefix of one for the larger. Immutable once
 * made; reference-counted (results of worker threads point at custom
 * rules), except the built-in one, which is static.
 */
struct cl_registry {
	const struct cl_rule *const *rules;
	size_t count;
	struct cl_ruleset **sets; /* each holds a reference */
	size_t nsets;
	_Atomic unsigned long refs; /* 0 for the built-in registry */
};

/* The built-in rules alone (rules/registry.c). Static storage. */
extern const struct cl_registry cl_builtin_registry;
const struct cl_registry *cl_registry_builtin(void);
/* true when SMALL's rules are the first rules of BIG. */
bool cl_registry_is_prefix(const struct cl_registry *small,
                           const struct cl_registry *big);
/* The rule of REG with this ID (any case) or slug, or NULL. */
const struct cl_rule *
cl_registry_find(const struct cl_registry *reg, const char *name);
/* The rule of REG nearest to NAME (a misspelling), or NULL. */
const struct cl_rule *
cl_registry_suggest(const struct cl_registry *reg, const char *name);
/* As cl_rules_mark, over REG (SET has REG->count flags). */
size_t cl_registry_mark(const struct cl_registry *reg, const char *item,
                        unsigned char *set);
/* As cl_rule_unknown_message, suggesting rules of REG. Caller frees. */
char *cl_registry_unknown_message(const struct cl_registry *reg,
                                  const char *name, bool code,
                                  const char *where, const char *otherwise);

/* RULE's security severity for GitHub code scanning ("9.8"), or NULL
 * when it is not a security rule. */
const char *cl_rule_security_severity(const struct cl_rule *rule);
/* The CWE number of RULE's I-th weakness; 0 past the last. */
unsigned cl_rule_cwe(const struct cl_rule *rule, size_t i);

/* The position of RULE in every registry that holds it. */
size_t cl_rule_index(const struct cl_rule *rule);
/* Sets SET[i] (one flag per built-in rule) for every rule ITEM names: an
 * ID ("CL303", any case), a slug or an ID prefix ("CL3"). Returns how many
 * rules ITEM names (0: none, an unknown name). */
size_t cl_rules_mark(const char *item, unsigned char *set);

/*
 * The message for NAME, which names no rule: "unknown rule 'NAME'WHERE;
 * did you mean ID (slug)?" for the nearest rule, else "unknown rule
 * 'NAME'WHERE" and OTHERWISE. CODE quotes the names with backticks, as
 * diagnostics do (`NAME`, `ID`). WHERE and OTHERWISE may be NULL.
 * Caller frees.
 */
char *cl_rule_unknown_message(const char *name, bool code, const char *where,
                              const char *otherwise);

/* Rules, one extern per catalogue entry (each defined in its own
 * rules/CLnnn_slug.c), from the one list in rules/rules.def. */
#define CL_RULE(id) extern const struct cl_rule cl_rule_##id;
#include "rules.def"
#undef CL_RULE

#endif /* CL_CATALOGUE_H */
