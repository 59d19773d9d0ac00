/*
 * The linter's settings: the command line's layer over the configuration
 * file's, combined once (recompute) whenever either changes.
 */
#include "settings.h"

#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "config.h"
#include "placeholder.h"
#include "text.h"
#include "util.h"
#include "xml.h"

/* ---- linter ---- */

/* Combines the linter's settings with its configuration's (see
 * docs/configuration.md, "Precedence"). */
static void
recompute(cl_linter *l)
{
	const struct cl_config *c = l->config;
	size_t i;

	for (i = 0; i < cl_rules_count; i++) {
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
			level = (int)cl_rules[i]->severity;
		if (level == CL_LEVEL_OFF) {
			on = false;
			level = (int)cl_rules[i]->severity;
		}
		l->enabled[i] = on;
		l->severity[i] = (unsigned char)level;
	}
}

cl_linter *
cl_linter_new(void)
{
	cl_linter *l = cl_calloc(1, sizeof(*l));

	l->selected = cl_calloc(cl_rules_count, 1);
	l->ignored = cl_calloc(cl_rules_count, 1);
	l->level = cl_malloc(cl_rules_count);
	memset(l->level, CL_LEVEL_UNSET, cl_rules_count);
	l->enabled = cl_malloc(cl_rules_count);
	l->severity = cl_malloc(cl_rules_count);
	recompute(l);
	cl_xml_init();
	cl_placeholder_init();
	return l;
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
	free(linter);
}

int
cl_linter_enabled(const cl_linter *linter, const cl_rule *rule)
{
	return linter->enabled[cl_rule_index(rule)];
}

void
cl_linter_set_config(cl_linter *linter, const cl_config *config)
{
	if (linter->config == config)
		return;
	linter->config = config;
	recompute(linter);
}

/* Marks in SET every rule the items of SPEC name. Returns 0, or -1 with
 * *bad set to a copy of the first item that names no rule. */
static int
mark_spec(const char *spec, unsigned char *set, char **bad)
{
	const char *p = spec, *item;
	size_t len;

	while ((item = cl_list_next(&p, &len))) {
		char *one = cl_strndup(item, len);

		if (!cl_rules_mark(one, set)) {
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
	unsigned char *set = cl_calloc(cl_rules_count, 1);
	size_t i;

	/* An empty selection would silently turn every rule off. */
	if (strspn(spec, ", \t") == strlen(spec)) {
		free(set);
		if (bad)
			*bad = cl_strdup(spec);
		return -1;
	}
	if (mark_spec(spec, set, bad)) {
		free(set);
		return -1;
	}
	if (!linter->selecting)
		memset(linter->selected, 0, cl_rules_count);
	for (i = 0; i < cl_rules_count; i++)
		linter->selected[i] |= set[i];
	linter->selecting = true;
	free(set);
	recompute(linter);
	return 0;
}

int
cl_linter_ignore(cl_linter *linter, const char *spec, char **bad)
{
	unsigned char *set = cl_calloc(cl_rules_count, 1);
	size_t i;

	if (mark_spec(spec, set, bad)) {
		free(set);
		return -1;
	}
	for (i = 0; i < cl_rules_count; i++)
		linter->ignored[i] |= set[i];
	free(set);
	recompute(linter);
	return 0;
}

int
cl_linter_severity(cl_linter *linter, const char *spec, char **error)
{
	signed char *level = cl_malloc(cl_rules_count);
	unsigned char *set = cl_malloc(cl_rules_count);
	const char *p = spec, *item;
	char *msg = NULL;
	size_t len, i;

	memcpy(level, linter->level, cl_rules_count);
	if (!cl_list_next(&p, &len))
		msg = cl_strdup("empty list; give RULE=LEVEL");
	for (p = spec; !msg && (item = cl_list_next(&p, &len));) {
		char *one = cl_strndup(item, len), *eq = strchr(one, '=');
		int lev;

		memset(set, 0, cl_rules_count);
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
			else if (!*one || !cl_rules_mark(one, set))
				msg = cl_rule_unknown_message(one, false, NULL,
				                              NULL);
			for (i = 0; !msg && i < cl_rules_count; i++)
				if (set[i])
					level[i] = (signed char)lev;
		}
		free(one);
	}
	if (!msg) {
		memcpy(linter->level, level, cl_rules_count);
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
