/* The linter's settings (struct cl_linter), read by the pipeline. */
#ifndef CL_SETTINGS_H
#define CL_SETTINGS_H

#include <stdbool.h>

#include "connlint.h"

struct cl_registry;

/*
 * Settings come in two layers: the linter's own (the command line) over
 * the configuration file's. Each array has one entry per registry entry.
 */
struct cl_linter {
	/* The rules it knows: BASE (what it was made with), or its
	 * configuration's registry (BASE and the configuration's rulesets)
	 * when it has one. The arrays below have REG->count entries. */
	const struct cl_registry *base;
	const struct cl_registry *reg;
	unsigned char *selected; /* meaningful when selecting */
	bool selecting;          /* a select call has narrowed the set */
	unsigned char *ignored;
	signed char *level;             /* CL_LEVEL_UNSET or a level */
	const struct cl_config *config; /* borrowed; NULL for none */
	/* The two layers combined (recompute()), before per-path ignores. */
	unsigned char *enabled;
	unsigned char *severity; /* enum cl_severity */
};

/* A linter with every rule of REG enabled (cl_linter_new: the built-in
 * registry); it takes a reference of REG. Caller frees with
 * cl_linter_free. */
cl_linter *cl_linter_new_registry(const struct cl_registry *reg);

/* Where a rule's setting for a file was decided (--show-config). */
enum cl_origin {
	CL_ORIGIN_DEFAULT,      /* the rule's own default */
	CL_ORIGIN_CONFIG,       /* the configuration file */
	CL_ORIGIN_COMMAND_LINE, /* the linter's own settings */
};

struct cl_rule_origin {
	bool enabled;
	enum cl_severity severity; /* when enabled */
	/* Why it is off, or where its severity was set when it is on. */
	enum cl_origin origin;
	/* The setting that decided: "not in --select", "--ignore",
	 * "--severity", "not in <select>", "<ignore>", "<rule>", "<path>";
	 * NULL for a default. */
	const char *setting;
	const char *pattern; /* for "<path>": its pattern, owned by the
	                      * configuration */
};

/*
 * How LINTER (with its configuration) sets the rule at registry index I
 * for the file at PATH (its per-path ignores included), and why: the same
 * decisions as linting makes (docs/configuration.md, "Precedence").
 */
void cl_linter_rule_origin(const cl_linter *linter, size_t i, const char *path,
                           struct cl_rule_origin *o);

#endif /* CL_SETTINGS_H */
