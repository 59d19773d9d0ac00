/*
 * Custom rules (../shared/spec/rulesets.md, docs/custom-rules.md): a
 * ruleset file is read with the safe parser, validated whole, and its
 * XPath expressions and regular expressions compiled once; what it
 * gives is a list of catalogue entries (struct cl_rule, .custom set)
 * that the registry (catalogue.h) appends to the built-in ones, and an
 * evaluator that the engine runs over a connector's tree.
 *
 * A loaded ruleset is read-only and shared by every worker thread; it
 * is reference-counted because results keep pointers to its rules.
 */
#ifndef CL_RULESET_H
#define CL_RULESET_H

#include <stdbool.h>
#include <stddef.h>

struct cl_ctx;
struct cl_rule;
struct cl_ruleset;

/* Bounds (docs/custom-rules.md, "Limits"). */
#define CL_RULESET_MAX_RULES 1000        /* rules in one ruleset */
#define CL_RULESET_MAX_BYTES (4u << 20)  /* size of a ruleset file */
#define CL_RULESET_XPATH_OP_LIMIT 100000 /* per evaluation */
/* XPath operations of one rule over one file, all evaluations together:
 * a cheap expression over every one of many nodes is bounded too. */
#define CL_RULESET_RULE_OP_LIMIT 10000000
#define CL_RULESET_MATCH_LIMIT 100000 /* PCRE2 match limit */
#define CL_RULESET_DEPTH_LIMIT 10000  /* PCRE2 depth limit */

/*
 * Reads, validates and compiles the ruleset file at PATH, shown in
 * messages as DISPLAY (PATH when NULL). Returns it with one reference
 * (cl_ruleset_unref), or NULL with *ERROR set to a malloc'd
 * "DISPLAY:LINE:COL: error: what is wrong" (or "DISPLAY: error: reason"
 * when it cannot be read), caller frees.
 */
struct cl_ruleset *
cl_ruleset_load(const char *path, const char *display, char **error);
/* The same from LEN bytes at BUF (copied), named DISPLAY; relative
 * <tests path> are resolved against DIR (NULL: the current directory). */
struct cl_ruleset *
cl_ruleset_load_memory(const char *display, const char *dir, const char *buf,
                       size_t len, char **error);
void cl_ruleset_ref(struct cl_ruleset *rs);
/* Drops a reference; the last one frees RS and its rules (NULL: no-op). */
void cl_ruleset_unref(struct cl_ruleset *rs);

/* <ruleset name> and prefix. Owned by RS. */
const char *cl_ruleset_name(const struct cl_ruleset *rs);
const char *cl_ruleset_prefix(const struct cl_ruleset *rs);
/* The display name it was loaded under. Owned by RS. */
const char *cl_ruleset_display(const struct cl_ruleset *rs);
/* The file it was read from, absolute with links resolved, or NULL
 * (read from memory). Owned by RS. */
const char *cl_ruleset_file(const struct cl_ruleset *rs);
/* The <tests path> folder, resolved against the ruleset file's folder,
 * or NULL when it has none. Owned by RS. */
const char *cl_ruleset_tests_dir(const struct cl_ruleset *rs);

/* Its rules, in file order: catalogue entries owned by RS. The registry
 * sets each one's .index when it takes RS (catalogue.h). */
size_t cl_ruleset_rule_count(const struct cl_ruleset *rs);
struct cl_rule *cl_ruleset_rule(struct cl_ruleset *rs, size_t i);

/*
 * Evaluates every rule of RS that is enabled in CTX (cl_rule_enabled)
 * over CTX's element tree (CTX->doc.root, never NULL here), reporting
 * through cl_report. The libxml2 document XPath needs is built from the
 * tree once per call, and only when a rule is enabled. An evaluation
 * over its operation limit, or a match over its limit, is reported as
 * an error diagnostic of that rule and the next rule is evaluated.
 */
void cl_ruleset_check(const struct cl_ruleset *rs, struct cl_ctx *ctx);

#endif /* CL_RULESET_H */
