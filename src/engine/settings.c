/*
 * The linter's settings: the command line's layer over the configuration
 * file's, combined once (recompute) whenever either changes.
 */
#include "settings.h"

#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "config.h"
#include "text.h"
#include "util.h"
#include "xml.h"
#include "registries.h"

/* ---- linter ---- */

/* Combines the linter's settings with its configuration's (see
 * docs/configuration.md, "Precedence"). */
static void
recompute(cl_linter *l)
{
	const struct cl_config *c = l->config;
	size_t i;

	for (i = 0; i < l->reg->count; i++) {
		bool on;
		int level = l->level[i];

		/* A --select replaces the file's selection and its ignores. */
		if (l->selecting)
			on = l->selected[i];
		else if (c)
			on =
			    (!c->selecting || c->selected[i]) && !c->ignored[i];
		else
			on = true;
		on = on && !l->ignored[i];
		if (level == CL_LEVEL_UNSET && c)
			level = c->level[i];
		if (level == CL_LEVEL_UNSET)
			level = (int)l->reg->rules[i]->severity;
		if (level == CL_LEVEL_OFF) {
			on = false;
			level = (int)l->reg->rules[i]->severity;
		}
		l->enabled[i] = on;
		l->severity[i] = (unsigned char)level;
	}
}

/* Sizes L's arrays for REG (a registry that BASE is a prefix of): new
 * entries start unset, existing ones keep their settings. */
static void
resize(cl_linter *l, const struct cl_registry *reg)
{
	size_t old = l->reg ? l->reg->count : 0, n = reg->count;

	if (l->reg && !cl_registry_is_prefix(l->base, reg))
		BUG("a configuration made for other rules");
	l->selected = cl_realloc(l->selected, n ? n : 1);
	l->ignored = cl_realloc(l->ignored, n ? n : 1);
	l->level = cl_realloc(l->level, n ? n : 1);
	l->enabled = cl_realloc(l->enabled, n ? n : 1);
	l->severity = cl_realloc(l->severity, n ? n : 1);
	if (n > old) {
		memset(l->selected + old, 0, n - old);
		memset(l->ignored + old, 0, n - old);
		memset(l->level + old, CL_LEVEL_UNSET, n - old);
	}
	l->reg = reg;
}

cl_linter *
cl_linter_new_registry(const struct cl_registry *reg)
{
	cl_linter *l = cl_calloc(1, sizeof(*l));

	l->base = cl_registry_ref(reg);
	resize(l, reg);
	recompute(l);
	cl_xml_init();
	/* The placeholder pattern is compiled on its first use: a lint of
	 * clean files may never need it (0.1 M instructions, 3% of one
	 * small file's run). */
	return l;
}

cl_linter *
cl_linter_new(void)
{
	return cl_linter_new_registry(cl_registry_builtin());
}

void
cl_linter_free(cl_linter *linter)
{
	if (!linter)
		return;
	free(linter->selected);
	free(linter->ignored);
	free(linter->level);
	free(linter->enabled);
	free(linter->severity);
	cl_registry_unref(linter->base);
	free(linter);
}

int
cl_linter_enabled(const cl_linter *linter, const cl_rule *rule)
{
	size_t i = cl_rule_index(rule);

	/* A rule of a registry bigger than the linter's is not its own. */
	return i < linter->reg->count && linter->reg->rules[i] == rule &&
	       linter->enabled[i];
}

void
cl_linter_set_config(cl_linter *linter, const cl_config *config)
{
	const struct cl_registry *reg =
	    config && config->reg ? config->reg : linter->base;

	if (linter->config == config)
		return;
	/* A configuration with rulesets brings rules of its own. */
	if (reg != linter->reg)
		resize(linter, reg);
	linter->config = config;
	recompute(linter);
}

/* Marks in SET every rule the items of SPEC name. Returns 0, or -1 with
 * *bad set to a copy of the first item that names no rule. */
static int
mark_spec(const cl_linter *l, const char *spec, unsigned char *set, char **bad)
{
	const char *p = spec, *item;
	size_t len;

	while ((item = cl_list_next(&p, &len))) {
		char *one = cl_strndup(item, len);

		if (!cl_registry_mark(l->reg, one, set)) {
			if (bad)
				*bad = one;
			else
				free(one);
			return -1;
		}
		free(one);
	}
	return 0;
}

int
cl_linter_select(cl_linter *linter, const char *spec, char **bad)
{
	size_t i, n = linter->reg->count;
	unsigned char *set = cl_calloc(n ? n : 1, 1);

	/* An empty selection would silently turn every rule off. */
	if (strspn(spec, ", \t") == strlen(spec)) {
		free(set);
		if (bad)
			*bad = cl_strdup(spec);
		return -1;
	}
	if (mark_spec(linter, spec, set, bad)) {
		free(set);
		return -1;
	}
	if (!linter->selecting)
		memset(linter->selected, 0, n);
	for (i = 0; i < n; i++)
		linter->selected[i] |= set[i];
	linter->selecting = true;
	free(set);
	recompute(linter);
	return 0;
}

int
cl_linter_ignore(cl_linter *linter, const char *spec, char **bad)
{
	size_t i, n = linter->reg->count;
	unsigned char *set = cl_calloc(n ? n : 1, 1);

	if (mark_spec(linter, spec, set, bad)) {
		free(set);
		return -1;
	}
	for (i = 0; i < n; i++)
		linter->ignored[i] |= set[i];
	free(set);
	recompute(linter);
	return 0;
}

int
cl_linter_severity(cl_linter *linter, const char *spec, char **error)
{
	size_t len, i, n = linter->reg->count;
	signed char *level = cl_malloc(n ? n : 1);
	unsigned char *set = cl_malloc(n ? n : 1);
	const char *p = spec, *item;
	char *msg = NULL;

	memcpy(level, linter->level, n);
	if (!cl_list_next(&p, &len))
		msg = cl_strdup("empty list; give RULE=LEVEL");
	for (p = spec; !msg && (item = cl_list_next(&p, &len));) {
		char *one = cl_strndup(item, len), *eq = strchr(one, '=');
		int lev;

		memset(set, 0, n);
		if (!eq) {
			msg = cl_xasprintf(
			    "'%s' has no level; write %s=LEVEL, "
			    "where LEVEL is error, warning, info or off",
			    one, one);
		} else {
			*eq = '\0';
			if ((lev = cl_level_parse(eq + 1)) < 0)
				msg = cl_xasprintf(
				    "unknown level '%s' for %s "
				    "(error, warning, info or off)",
				    eq + 1, one);
			else if (!*one ||
			         !cl_registry_mark(linter->reg, one, set))
				msg = cl_registry_unknown_message(
				    linter->reg, one, false, NULL, NULL);
			for (i = 0; !msg && i < n; i++)
				if (set[i])
					level[i] = (signed char)lev;
		}
		free(one);
	}
	if (!msg) {
		memcpy(linter->level, level, n);
		recompute(linter);
	}
	free(level);
	free(set);
	if (msg && error)
		*error = msg;
	else
		free(msg);
	return msg ? -1 : 0;
}

static void
decided(struct cl_rule_origin *o, enum cl_origin origin, const char *setting)
{
	o->origin = origin;
	o->setting = setting;
}

void
cl_linter_rule_origin(const cl_linter *l, size_t i, const char *path,
                      struct cl_rule_origin *o)
{
	const struct cl_config *c = l->config;
	int level = l->level[i];

	memset(o, 0, sizeof(*o));
	o->severity = (enum cl_severity)l->severity[i];
	o->enabled = l->enabled[i];
	/* Off: the reason recompute() weighs first. */
	if (!o->enabled) {
		if (l->selecting && !l->selected[i])
			decided(o, CL_ORIGIN_COMMAND_LINE, "not in --select");
		else if (l->ignored[i])
			decided(o, CL_ORIGIN_COMMAND_LINE, "--ignore");
		else if (level == CL_LEVEL_OFF)
			decided(o, CL_ORIGIN_COMMAND_LINE, "--severity");
		else if (!l->selecting && c && c->selecting && !c->selected[i])
			decided(o, CL_ORIGIN_CONFIG, "not in <select>");
		else if (!l->selecting && c && c->ignored[i])
			decided(o, CL_ORIGIN_CONFIG, "<ignore>");
		else
			decided(o, CL_ORIGIN_CONFIG, "<rule>");
		return;
	}
	/* Per-path ignores apply after everything else, the command line
	 * included. */
	if (c && path && (o->pattern = cl_config_path_ignorer(c, path, i))) {
		o->enabled = false;
		decided(o, CL_ORIGIN_CONFIG, "<path>");
	} else if (level != CL_LEVEL_UNSET) {
		decided(o, CL_ORIGIN_COMMAND_LINE, "--severity");
	} else if (c && c->level[i] != CL_LEVEL_UNSET) {
		decided(o, CL_ORIGIN_CONFIG, "<rule>");
	}
}
