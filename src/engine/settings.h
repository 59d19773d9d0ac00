/* The linter's settings (struct cl_linter), read by the pipeline. */
#ifndef CL_SETTINGS_H
#define CL_SETTINGS_H

#include <stdbool.h>

#include "connlint.h"

/*
 * Settings come in two layers: the linter's own (the command line) over
 * the configuration file's. Each array has one entry per registry entry.
 */
struct cl_linter {
	unsigned char *selected; /* meaningful when selecting */
	bool selecting;          /* a select call has narrowed the set */
	unsigned char *ignored;
	signed char *level;             /* CL_LEVEL_UNSET or a level */
	const struct cl_config *config; /* borrowed; NULL for none */
	/* The two layers combined (recompute()), before per-path ignores. */
	unsigned char *enabled;
	unsigned char *severity; /* enum cl_severity */
};

#endif /* CL_SETTINGS_H */
