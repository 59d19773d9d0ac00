/*
 * The rule catalogue: the registry's queries (find, index, mark,
 * suggest), severity names, documentation pages and the one "unknown
 * rule; did you mean" message.
 */
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "ruledoc.h"
#include "util.h"

const char *
cl_version(void)
{
	return CONNLINT_VERSION;
}

const char *
cl_severity_name(enum cl_severity sev)
{
	switch (sev) {
	case CL_SEV_ERROR:
		return "error";
	case CL_SEV_WARNING:
		return "warning";
	case CL_SEV_INFO:
		return "info";
	}
	BUG("unknown severity %d", (int)sev);
}

int
cl_severity_parse(const char *name, enum cl_severity *out)
{
	if (!strcmp(name, "error"))
		*out = CL_SEV_ERROR;
	else if (!strcmp(name, "warning"))
		*out = CL_SEV_WARNING;
	else if (!strcmp(name, "info"))
		*out = CL_SEV_INFO;
	else
		return -1;
	return 0;
}

/* ---- registries ---- */

const struct cl_registry *
cl_registry_builtin(void)
{
	return &cl_builtin_registry;
}

bool
cl_registry_is_prefix(const struct cl_registry *small,
                      const struct cl_registry *big)
{
	return small == big || (small->count <= big->count &&
	                        !memcmp(small->rules, big->rules,
	                                small->count * sizeof(*small->rules)));
}

const struct cl_rule *
cl_registry_find(const struct cl_registry *reg, const char *name)
{
	size_t i;

	for (i = 0; i < reg->count; i++)
		if (!cl_strcasecmp(reg->rules[i]->id, name) ||
		    !strcmp(reg->rules[i]->slug, name))
			return reg->rules[i];
	return NULL;
}

/* ---- catalogue ---- */

size_t
cl_rule_count(void)
{
	return cl_rules_count;
}

const cl_rule *
cl_rule_at(size_t i)
{
	return i < cl_rules_count ? cl_rules[i] : NULL;
}

const cl_rule *
cl_rule_find(const char *name)
{
	return cl_registry_find(cl_registry_builtin(), name);
}

const char *
cl_rule_id(const cl_rule *rule)
{
	return rule->id;
}
const char *
cl_rule_slug(const cl_rule *rule)
{
	return rule->slug;
}
const char *
cl_rule_summary(const cl_rule *rule)
{
	return rule->summary;
}
enum cl_severity
cl_rule_severity(const cl_rule *rule)
{
	return rule->severity;
}

const char *
cl_rule_doc(const cl_rule *rule)
{
	size_t i;

	if (rule->custom)
		return rule->doc;
	for (i = 0; cl_rule_docs[i].id; i++)
		if (!strcmp(cl_rule_docs[i].id, rule->id))
			return cl_rule_docs[i].text;
	return NULL;
}

int
cl_rule_has_fix(const cl_rule *rule)
{
	return rule->fix != CL_RULE_FIX_NONE;
}

enum cl_rule_fix
cl_rule_fix(const cl_rule *rule)
{
	return rule->fix;
}

const char *
cl_rule_security_severity(const struct cl_rule *rule)
{
	return rule->security_severity;
}

unsigned
cl_rule_cwe(const struct cl_rule *rule, size_t i)
{
	return i < CL_ARRAY_SIZE(rule->cwe) ? rule->cwe[i] : 0;
}

/*
 * cl_nearmiss's answer over every ID and slug of REG. Not cl_nearmiss
 * itself: it compares only the first CL_NEARMISS_MAX_COMPARED names of
 * about the same length, and every ID has the same length, so the later
 * rules (CL6xx, the custom ones) would never be suggested. A registry is
 * small and this runs only for a name that names nothing.
 */
const struct cl_rule *
cl_registry_suggest(const struct cl_registry *reg, const char *name)
{
	size_t i, k, len = strlen(name);
	unsigned best = (unsigned)-1,
	         limit = len / 3 > 1 ? (unsigned)(len / 3) : 1;
	const cl_rule *r = NULL;

	if (!*name)
		return NULL;
	for (i = 0; i < reg->count; i++)
		for (k = 0; k < 2; k++)
			if (cl_same_folded(k ? reg->rules[i]->slug
			                     : reg->rules[i]->id,
			                   name))
				return reg->rules[i];
	for (i = 0; i < reg->count; i++) {
		for (k = 0; k < 2; k++) {
			const char *c =
			    k ? reg->rules[i]->slug : reg->rules[i]->id;
			unsigned d;

			if (!strcmp(c, name))
				continue;
			d = cl_edit_distance(name, c);
			if (d <= limit && d < best) {
				best = d;
				r = reg->rules[i];
			}
		}
	}
	return r;
}

const cl_rule *
cl_rule_suggest(const char *name)
{
	return cl_registry_suggest(cl_registry_builtin(), name);
}

size_t
cl_rule_index(const struct cl_rule *rule)
{
	size_t i;

	if (rule->custom)
		return rule->index;
	for (i = 0; i < cl_rules_count; i++)
		if (cl_rules[i] == rule)
			return i;
	BUG("rule %s is not in the registry", rule->id);
}

/* Does ITEM (an ID, slug or ID prefix such as "CL3") name rule R? */
static bool
names_rule(const char *item, const struct cl_rule *r)
{
	size_t i, n = strlen(item);

	if (!strcmp(item, r->slug))
		return true;
	/* Not "C" for every CLnnn; a custom rule's prefix may be one
	 * letter, and then names its rules. */
	if (n < (r->custom && r->id[1] >= '0' && r->id[1] <= '9' ? 1u : 2u) ||
	    n > strlen(r->id))
		return false;
	/* The ID or a prefix of it, case-insensitively: "CL3", "cl303". */
	for (i = 0; i < n; i++) {
		char a = item[i];

		if (a >= 'a' && a <= 'z')
			a = (char)(a - 'a' + 'A');
		if (a != r->id[i])
			return false;
	}
	return true;
}

size_t
cl_rules_mark(const char *item, unsigned char *set)
{
	return cl_registry_mark(cl_registry_builtin(), item, set);
}

size_t
cl_registry_mark(const struct cl_registry *reg, const char *item,
                 unsigned char *set)
{
	size_t i, n = 0;

	for (i = 0; i < reg->count; i++) {
		if (names_rule(item, reg->rules[i])) {
			set[i] = 1;
			n++;
		}
	}
	return n;
}

char *
cl_rule_unknown_message(const char *name, bool code, const char *where,
                        const char *otherwise)
{
	return cl_registry_unknown_message(cl_registry_builtin(), name, code,
	                                   where, otherwise);
}

char *
cl_registry_unknown_message(const struct cl_registry *reg, const char *name,
                            bool code, const char *where, const char *otherwise)
{
	const cl_rule *near = cl_registry_suggest(reg, name);
	const char *q = code ? "`" : "'";

	if (!where)
		where = "";
	if (near)
		return code
		           ? cl_xasprintf(
		                 "unknown rule `%s`%s; did you mean `%s` (%s)?",
		                 name, where, near->id, near->slug)
		           : cl_xasprintf(
		                 "unknown rule '%s'%s; did you mean %s (%s)?",
		                 name, where, near->id, near->slug);
	return cl_xasprintf("unknown rule %s%s%s%s%s", q, name, q, where,
	                    otherwise ? otherwise : "");
}

char *
cl_rule_doc_url(const cl_rule *rule)
{
	/* A custom rule's page is its <doc>, shown by --explain. */
	if (rule->custom || !cl_rule_doc(rule))
		return NULL;
	return cl_xasprintf("%s/blob/main/docs/rules/%s.md", CONNLINT_URL,
	                    cl_rule_id(rule));
}
