/*
 * Configuration files (connlint.xml, .connlint.xml): what a file holds
 * once read, the accessors rules use (cl_ctx_*), and the small parsing
 * helpers the command-line settings share with it. The format is in
 * docs/configuration.md; cl_config_load and the finder are in connlint.h.
 */
#ifndef CL_CONFIG_H
#define CL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "connlint.h"
#include "text.h"

struct cl_ctx;
struct cl_registry;

/* A severity setting: one of enum cl_severity, or off, or not set. */
#define CL_LEVEL_UNSET (-1)
#define CL_LEVEL_OFF 3

/* "error", "warning", "info" or "off" as a level; -1 when unknown. */
int cl_level_parse(const char *name);

/* A <path pattern="…" ignore="…"/> entry. */
struct cl_config_path {
	char *pattern;          /* relative to the configuration's directory */
	bool basename_only;     /* no '/' in the pattern: match the file name */
	unsigned char *ignored; /* one flag per registry entry */
};

struct cl_config {
	char *path; /* as given or found */
	char *dir;  /* its directory, absolute, without "." or ".." parts */
	char *cwd;  /* the current directory when it was read: relative
	             * paths of linted files are relative to it */
	/* The rules it knows: those it was read with (the built-in ones,
	 * the session's rulesets) and its own <rules> (a reference). */
	const struct cl_registry *reg;
	/* One entry per entry of REG (cl_rule_index). */
	bool selecting; /* it has <select>: only those rules */
	unsigned char *selected;
	unsigned char *ignored;
	signed char *level; /* CL_LEVEL_UNSET or a level */
	bool has_fail_on;
	enum cl_severity fail_on;
	struct cl_config_path *paths;
	size_t npaths;
	/* The allowed redirect URIs; has_redirect_uris false: the platform's
	 * defaults apply. */
	bool has_redirect_uris;
	char **redirect_uris;
	size_t nredirect_uris;
	/* Placeholder keys the platform fills in itself, sorted. */
	char **platform_placeholders;
	size_t nplatform_placeholders;
};

/* cl_config_load, with the rules of BASE known besides its own. */
cl_config *
cl_config_load_registry(const char *path, const struct cl_registry *base,
                        char **error);
/* Configurations FINDER reads know the rules of BASE (before any is
 * read; a reference is taken). */
void cl_config_finder_set_registry(cl_config_finder *finder,
                                   const struct cl_registry *base);

/*
 * Marks in IGNORED (one flag per registry entry) the rules that CONFIG's
 * <path> entries ignore for the file at PATH. Returns true when it marked
 * any.
 */
bool cl_config_path_ignores(const struct cl_config *config, const char *path,
                            unsigned char *ignored);
/* The pattern (as stored: a trailing '/' gets a '*') of the first <path>
 * entry of CONFIG that ignores the rule at registry index RULE for the
 * file at PATH, or NULL. Owned by CONFIG. */
const char *cl_config_path_ignorer(const struct cl_config *config,
                                   const char *path, size_t rule);

/*
 * The redirect URIs the configuration that applies to CTX's file allows;
 * sets *N. NULL (and *N 0) when it sets none: then the platform's
 * defaults apply.
 */
const char *const *
cl_ctx_redirect_uris_configured(const struct cl_ctx *ctx, size_t *n);

/* true when the configuration that applies to CTX's file declares KEY a
 * placeholder that the platform fills in itself (compared exactly). */
bool cl_ctx_platform_placeholder(const struct cl_ctx *ctx, const char *key);

/* true when NAME (a file name, no directory) is one a configuration file
 * is looked for under: a directory walk skips it. */
bool cl_config_is_name(const char *name);

#endif /* CL_CONFIG_H */
