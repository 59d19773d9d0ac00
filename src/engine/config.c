/*
 * Configuration files: reading one (cl_config_load), finding the one that
 * applies to a file (cl_config_find, cached per directory), and what rules
 * read from it. The format is in docs/configuration.md.
 *
 * A configuration file is parsed with the connector parser (cl_xml_parse),
 * so it gets the same safety (no network, no DTD, no entity expansion) and
 * exact positions for every message. Nothing in it is ever ignored: an
 * unknown element or attribute, an unknown rule, a bad severity or a bad
 * pattern is an error naming the file, line, column and setting.
 */
/* realpath(3) is XSI. */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "nearmiss.h"
#include "ruleset.h"
#include "catalogue.h"
#include "ctx.h"
#include "util.h"
#include "xml.h"
#include "registries.h"

/* Configuration files are small; anything bigger is not one. */
#define CONFIG_MAX_BYTES ((size_t)1 << 20)

/* After an unknown rule with no near miss. */
#define RULE_NAMES_HINT                                \
	" (rules are named by ID, slug or ID prefix; " \
	"`connlint --list-rules` lists them)"

static const char *const config_names[] = { "connlint.xml", ".connlint.xml" };

bool
cl_config_is_name(const char *name)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(config_names); i++)
		if (!strcmp(name, config_names[i]))
			return true;
	return false;
}

int
cl_level_parse(const char *name)
{
	enum cl_severity sev;

	if (!strcmp(name, "off"))
		return CL_LEVEL_OFF;
	if (cl_severity_parse(name, &sev))
		return -1;
	return (int)sev;
}

/* ---- loading ---- */

struct loader {
	const char *path;
	const struct cl_registry *base; /* rules known before the file's own */
	const char *buf;
	size_t len;
	struct cl_config *cfg;
	char *error; /* the first error, malloc'd */
};

/* Records an error at SPAN, unless one is recorded already. */
CL_PRINTF(3, 4)
static void
fail(struct loader *L, struct cl_span at, const char *fmt, ...)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	unsigned line, col, bytecol;
	va_list ap;

	if (L->error)
		return;
	cl_offset_position(L->buf, L->len, at.start, &line, &col, &bytecol);
	cl_strbuf_addf(&sb, "%s:%u:%u: ", L->path, line, col);
	va_start(ap, fmt);
	cl_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	L->error = cl_strbuf_detach(&sb);
}

/*
 * The span of the item ITEM (LEN bytes) of attribute A's decoded value:
 * exact when the value has no entity or character reference (then the
 * decoded and raw texts are the same bytes), else the whole value.
 */
static struct cl_span
item_span(const struct cl_attr *a, const char *item, size_t len)
{
	struct cl_span s = a->value_span;
	size_t off = (size_t)(item - a->value);

	if (strlen(a->value) == (size_t)(s.end - s.start)) {
		s.start += (uint32_t)off;
		s.end = s.start + (uint32_t)len;
	}
	return s;
}

/* Marks in SET every rule the list in attribute A names. */
static void
parse_rule_list(struct loader *L, const struct cl_node *n,
                const struct cl_attr *a, unsigned char *set)
{
	const char *p = a->value, *item;
	size_t len;

	if (!cl_list_next(&p, &len)) {
		fail(L, a->value_span,
		     "`%s` of `<%s>` is empty; name rules by "
		     "ID, slug or ID prefix, separated by commas",
		     a->name, n->name);
		return;
	}
	for (p = a->value; (item = cl_list_next(&p, &len));) {
		char *one = cl_strndup(item, len);

		if (!cl_registry_mark(L->cfg->reg, one, set)) {
			char *where = cl_xasprintf(" in `%s` of `<%s>`",
			                           a->name, n->name);
			char *msg = cl_registry_unknown_message(
			    L->cfg->reg, one, true, where, RULE_NAMES_HINT);

			fail(L, item_span(a, item, len), "%s", msg);
			free(msg);
			free(where);
		}
		free(one);
	}
}

/* true when the ruleset file at PATH is one of REG's already. */
static bool
already_known(const struct cl_registry *reg, const char *path)
{
	char *real = realpath(path, NULL);
	bool known = false;
	size_t i;

	for (i = 0; real && !known && i < reg->nsets; i++)
		known = cl_ruleset_file(reg->sets[i]) &&
		        !strcmp(cl_ruleset_file(reg->sets[i]), real);
	free(real);
	return known;
}

/* <rules path>: a ruleset (ruleset.h), relative to the configuration's
 * directory; its rules join the configuration's registry. */
static void
on_rules(struct loader *L, const struct cl_node *n)
{
	const struct cl_attr *a = cl_node_attr(n, "path");
	struct cl_config *c = L->cfg;
	const char *slash = strrchr(L->path, '/');
	char *path, *display, *error = NULL;
	struct cl_ruleset *rs;
	struct cl_registry *reg;

	if (!*a->value) {
		fail(L, a->value_span,
		     "`path` of `<rules>` is empty; give a ruleset file "
		     "(`*.rules.xml`)");
		return;
	}
	path = a->value[0] == '/'
	           ? cl_strdup(a->value)
	           : cl_xasprintf("%s%s%s", c->dir,
	                          strcmp(c->dir, "/") ? "/" : "", a->value);
	/* Named as the configuration is: next to it. */
	display = a->value[0] == '/' || !slash
	              ? cl_strdup(a->value)
	              : cl_xasprintf("%.*s/%s", (int)(slash - L->path), L->path,
	                             a->value);
	if (already_known(c->reg, path)) {
		/* the same file as --rules or an earlier <rules> */
		rs = NULL;
	} else if (!(rs = cl_ruleset_load(path, display, &error))) {
		if (!L->error)
			L->error = error;
		else
			free(error);
	} else if (!(reg = cl_registry_extend(c->reg, rs, &error))) {
		fail(L, a->value_span, "%s", error);
		free(error);
	} else {
		cl_registry_unref(c->reg);
		c->reg = reg;
	}
	cl_ruleset_unref(rs);
	free(path);
	free(display);
}

static void
on_select(struct loader *L, const struct cl_node *n)
{
	parse_rule_list(L, n, cl_node_attr(n, "rules"), L->cfg->selected);
	L->cfg->selecting = true;
}

static void
on_ignore(struct loader *L, const struct cl_node *n)
{
	parse_rule_list(L, n, cl_node_attr(n, "rules"), L->cfg->ignored);
}

static void
on_rule(struct loader *L, const struct cl_node *n)
{
	const struct cl_attr *name = cl_node_attr(n, "name");
	const struct cl_attr *sev = cl_node_attr(n, "severity");
	size_t nrules = L->cfg->reg->count;
	unsigned char *set = cl_calloc(nrules, 1);
	int level = cl_level_parse(sev->value);
	size_t i;

	if (level < 0)
		fail(L, sev->value_span,
		     "unknown severity `%s` for rule `%s`; "
		     "use error, warning, info or off",
		     sev->value, name->value);
	if (!*name->value) {
		fail(L, name->value_span,
		     "`name` of `<rule>` is empty; give a "
		     "rule ID, slug or ID prefix");
	} else if (!cl_registry_mark(L->cfg->reg, name->value, set)) {
		char *msg = cl_registry_unknown_message(
		    L->cfg->reg, name->value, true, " in `name` of `<rule>`",
		    RULE_NAMES_HINT);

		fail(L, name->value_span, "%s", msg);
		free(msg);
	}
	/* Later settings win: documents read top to bottom. */
	for (i = 0; level >= 0 && i < nrules; i++)
		if (set[i])
			L->cfg->level[i] = (signed char)level;
	free(set);
}

/* Why PATTERN is not a usable pattern, or NULL. */
static const char *
bad_pattern(const char *pat)
{
	const char *p;

	if (!*pat)
		return "is empty";
	if (pat[0] == '/')
		return "is absolute; patterns are relative to the directory of "
		       "the configuration file";
	for (p = pat; *p; p++) {
		if (*p == '\\') {
			if (!*++p)
				return "ends with `\\`, which escapes nothing";
		} else if (*p == '[') {
			const char *q = p + 1;

			if (*q == '!' || *q == '^')
				q++;
			if (*q == ']')
				q++;
			while (*q && *q != ']')
				q++;
			if (!*q)
				return "has a `[` that no `]` closes";
			p = q;
		}
	}
	for (p = pat; *p; p += strcspn(p, "/"), p += *p == '/') {
		if (!strncmp(p, "..", 2) && (p[2] == '/' || !p[2]))
			return "goes up with `..`; patterns match files in the "
			       "directory of the configuration file and below";
	}
	return NULL;
}

static void
on_path(struct loader *L, const struct cl_node *n)
{
	const struct cl_attr *pat = cl_node_attr(n, "pattern");
	const struct cl_attr *ign = cl_node_attr(n, "ignore");
	struct cl_config *c = L->cfg;
	struct cl_config_path *cp;
	const char *why, *v = pat->value;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t alloc = c->npaths;

	while (v[0] == '.' && v[1] == '/')
		v += 2;
	if ((why = bad_pattern(v))) {
		fail(L, pat->value_span, "pattern `%s` %s", pat->value, why);
		return;
	}
	CL_GROW(c->paths, c->npaths + 1, alloc);
	cp = &c->paths[c->npaths++];
	memset(cp, 0, sizeof(*cp));
	cl_strbuf_adds(&sb, v);
	/* "legacy/" means everything below legacy/. */
	if (sb.buf[sb.len - 1] == '/')
		cl_strbuf_addch(&sb, '*');
	cp->pattern = cl_strbuf_detach(&sb);
	cp->basename_only = !strchr(cp->pattern, '/');
	cp->ignored = cl_calloc(c->reg->count, 1);
	parse_rule_list(L, n, ign, cp->ignored);
}

static void
on_redirect_uri(struct loader *L, const struct cl_node *n)
{
	const struct cl_attr *a = cl_node_attr(n, "value");
	struct cl_config *c = L->cfg;
	const char *p;
	size_t alloc = c->nredirect_uris;

	if (!*a->value) {
		fail(L, a->value_span, "`value` of `<redirect-uri>` is empty");
		return;
	}
	for (p = a->value; *p; p++) {
		if ((unsigned char)*p <= ' ') {
			fail(L, a->value_span,
			     "redirect URI `%s` contains white "
			     "space or a control character",
			     a->value);
			return;
		}
	}
	c->has_redirect_uris = true;
	CL_GROW(c->redirect_uris, c->nredirect_uris + 1, alloc);
	c->redirect_uris[c->nredirect_uris++] = cl_strdup(a->value);
}

static void
on_platform_placeholder(struct loader *L, const struct cl_node *n)
{
	const struct cl_attr *a = cl_node_attr(n, "key");
	struct cl_config *c = L->cfg;
	const char *p;
	size_t alloc = c->nplatform_placeholders;

	if (!*a->value) {
		fail(L, a->value_span,
		     "`key` of `<platform-placeholder>` is "
		     "empty");
		return;
	}
	for (p = a->value; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
		      *p == '.')) {
			fail(L, a->value_span,
			     "placeholder key `%s` has a "
			     "character other than letters, digits, `_`, `-` "
			     "and `.`; write the key without braces",
			     a->value);
			return;
		}
	}
	CL_GROW(c->platform_placeholders, c->nplatform_placeholders + 1, alloc);
	c->platform_placeholders[c->nplatform_placeholders++] =
	    cl_strdup(a->value);
}

/* An element of <connlint>: its attributes (each one required) and what
 * it sets. */
struct element {
	const char *name;
	const char *attrs[2]; /* every one required; NULL-padded */
	void (*apply)(struct loader *L, const struct cl_node *n);
};

static const struct element elements[] = {
	{ "select", { "rules", NULL }, on_select },
	{ "ignore", { "rules", NULL }, on_ignore },
	{ "rule", { "name", "severity" }, on_rule },
	{ "path", { "pattern", "ignore" }, on_path },
	{ "redirect-uri", { "value", NULL }, on_redirect_uri },
	{ "platform-placeholder", { "key", NULL }, on_platform_placeholder },
	{ "rules", { "path", NULL }, on_rules },
};

static const char *const root_attrs[] = { "version", "fail-on" };

static const struct element *
known_element(const char *name)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(elements); i++)
		if (!strcmp(name, elements[i].name))
			return &elements[i];
	return NULL;
}

/* "`a`, `b` and `c`" into SB. */
static void
add_names(struct cl_strbuf *sb, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cl_strbuf_addf(sb, "%s`%s`",
		               i == 0       ? ""
		               : i + 1 == n ? " and "
		                            : ", ",
		               names[i]);
}

/* Reports an attribute of N that is not in NAMES. */
static void
check_attrs(struct loader *L, const struct cl_node *n, const char *const *names,
            size_t count)
{
	unsigned i;
	size_t k;

	for (i = 0; i < n->nattrs; i++) {
		const struct cl_attr *a = &n->attrs[i];
		const char *near;
		struct cl_strbuf sb = CL_STRBUF_INIT;

		for (k = 0; k < count && strcmp(a->name, names[k]); k++)
			;
		if (k < count)
			continue;
		if ((near = cl_nearmiss(a->name, names, count)))
			cl_strbuf_addf(&sb, "did you mean `%s`?", near);
		else if (count) {
			cl_strbuf_adds(&sb, "it takes ");
			add_names(&sb, names, count);
		} else {
			cl_strbuf_adds(&sb, "it takes none");
		}
		fail(L, a->name_span, "unknown attribute `%s` on `<%s>`; %s",
		     a->name, n->name, cl_strbuf_str(&sb));
		cl_strbuf_release(&sb);
	}
}

/* Text other than white space inside N is a mistake. */
static void
check_no_text(struct loader *L, const struct cl_node *n)
{
	struct cl_span s = n->inner_span;

	if (!n->text || !*n->text)
		return;
	while (s.start < s.end && strchr(" \t\r\n", L->buf[s.start]))
		s.start++;
	fail(L, s, "text inside `<%s>`; settings are given in attributes",
	     n->name);
}

static void
apply_element(struct loader *L, const struct cl_node *n)
{
	const char *names[CL_ARRAY_SIZE(elements)];
	const struct element *e = NULL;
	size_t i, nattrs;

	for (i = 0; i < CL_ARRAY_SIZE(elements); i++)
		names[i] = elements[i].name;
	if (!(e = known_element(n->name))) {
		const char *near =
		    cl_nearmiss(n->name, names, CL_ARRAY_SIZE(names));
		struct cl_strbuf sb = CL_STRBUF_INIT;

		if (near) {
			cl_strbuf_addf(&sb, "did you mean `<%s>`?", near);
		} else {
			cl_strbuf_adds(&sb, "the settings are ");
			add_names(&sb, names, CL_ARRAY_SIZE(names));
		}
		fail(L, n->name_span,
		     "unknown element `<%s>` in `<connlint>`; %s", n->name,
		     cl_strbuf_str(&sb));
		cl_strbuf_release(&sb);
		return;
	}
	nattrs = e->attrs[1] ? 2 : 1;
	check_attrs(L, n, e->attrs, nattrs);
	for (i = 0; i < nattrs; i++)
		if (!cl_node_attr(n, e->attrs[i]))
			fail(L, n->name_span, "`<%s>` needs %s `%s` attribute",
			     n->name,
			     strchr("aeiou", e->attrs[i][0]) ? "an" : "a",
			     e->attrs[i]);
	if (n->children)
		fail(L, n->children->name_span,
		     "`<%s>` has no child elements%s%s%s", n->name,
		     known_element(n->children->name) ? "; `<" : "",
		     known_element(n->children->name) ? n->children->name : "",
		     known_element(n->children->name)
		         ? ">` belongs directly in `<connlint>`"
		         : "");
	check_no_text(L, n);
	if (!L->error)
		e->apply(L, n);
}

/* The per-rule settings, once the registry is complete. */
static void
alloc_rule_settings(struct cl_config *c)
{
	size_t n = c->reg->count;

	c->selected = cl_calloc(n, 1);
	c->ignored = cl_calloc(n, 1);
	c->level = cl_malloc(n);
	memset(c->level, CL_LEVEL_UNSET, n);
}

static void
apply_root(struct loader *L, const struct cl_node *root)
{
	const struct cl_attr *a;
	const struct cl_node *n;

	if (strcmp(root->name, "connlint")) {
		fail(L, root->name_span,
		     "the root element is `<%s>`; a connlint "
		     "configuration file's root element is `<connlint>`",
		     root->name);
		return;
	}
	check_attrs(L, root, root_attrs, CL_ARRAY_SIZE(root_attrs));
	if ((a = cl_node_attr(root, "version")) && strcmp(a->value, "1"))
		fail(L, a->value_span,
		     "configuration version `%s` is not one "
		     "this connlint reads; write version=\"1\"",
		     a->value);
	if ((a = cl_node_attr(root, "fail-on"))) {
		if (cl_severity_parse(a->value, &L->cfg->fail_on))
			fail(L, a->value_span,
			     "unknown severity `%s` for "
			     "`fail-on`; use error, warning or info",
			     a->value);
		L->cfg->has_fail_on = true;
	}
	check_no_text(L, root);
	/* Rulesets first: the other settings may name their rules. */
	for (n = root->children; n && !L->error; n = n->next)
		if (!strcmp(n->name, "rules"))
			apply_element(L, n);
	alloc_rule_settings(L->cfg);
	for (n = root->children; n && !L->error; n = n->next)
		if (strcmp(n->name, "rules"))
			apply_element(L, n);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the file at PATH (at most CONFIG_MAX_BYTES), or sets *error. */
static char *
read_config(const char *path, size_t *len, char **error)
{
	const char *why;
	char *buf = cl_read_file(path, CONFIG_MAX_BYTES, len, &why);

	if (buf)
		return buf;
	if (why == cl_read_too_large)
		*error = cl_xasprintf("%s: larger than %zu KiB; not a "
		                      "configuration file",
		                      path, CONFIG_MAX_BYTES >> 10);
	else
		*error = cl_xasprintf("%s: %s", path, why);
	return NULL;
}

/* Loads the file at PATH, naming it DISPLAY in messages. */
static cl_config *
load(const char *path, const char *display, const struct cl_registry *base,
     char **error)
{
	struct cl_arena arena = CL_ARENA_INIT;
	struct cl_xml_doc doc;
	struct cl_xml_error xerr;
	struct loader L;
	struct cl_config *c;
	char *buf, *abs, *slash;
	size_t len = 0;

	*error = NULL;
	if (!(buf = read_config(path, &len, error))) {
		char *msg = *error;

		/* Name the file as the caller knows it. */
		*error = cl_xasprintf("%s%s", display, msg + strlen(path));
		free(msg);
		return NULL;
	}
	c = cl_calloc(1, sizeof(*c));
	c->path = cl_strdup(display);
	c->cwd = cl_current_dir();
	abs = cl_path_absolute_from(c->cwd, path);
	slash = strrchr(abs, '/');
	c->dir = slash == abs ? cl_strdup("/")
	                      : cl_strndup(abs, (size_t)(slash - abs));
	free(abs);
	c->reg = cl_registry_ref(base);

	memset(&L, 0, sizeof(L));
	L.base = base;
	L.path = display;
	L.buf = buf;
	L.len = len;
	L.cfg = c;
	cl_xml_init();
	if (strspn(buf, " \t\r\n") == len) {
		struct cl_span at = { 0, 0 };

		fail(&L, at,
		     "the file is empty; a configuration file is a "
		     "`<connlint>` element");
	} else if (memchr(buf, '\0', len)) {
		struct cl_span at = {
			(uint32_t)((char *)memchr(buf, '\0', len) - buf), 0
		};

		fail(&L, at, "NUL byte: this is not a text file");
	} else if (!cl_xml_parse(&arena, buf, len, &doc, &xerr)) {
		struct cl_span at = { xerr.offset, xerr.offset };
		const char *what = xerr.message;

		/* The parser's wording for this one speaks of connectors. */
		if (!strncmp(what, "no XML element found", 20))
			what =
			    "no XML element found: a configuration file is a "
			    "`<connlint>` element";
		fail(&L, at, "not well-formed XML: %s", what);
	} else if (doc.has_doctype) {
		struct cl_span at = { 0, 0 };
		const char *d = strstr(buf, "<!DOCTYPE");

		if (d)
			at.start = (uint32_t)(d - buf);
		fail(&L, at,
		     "document type declaration: a configuration file "
		     "has none");
	} else {
		apply_root(&L, doc.root);
	}
	cl_arena_release(&arena);
	free(buf);
	if (L.error) {
		*error = L.error;
		cl_config_free(c);
		return NULL;
	}
	if (c->nplatform_placeholders > 1)
		qsort(c->platform_placeholders, c->nplatform_placeholders,
		      sizeof(char *), cmp_str);
	return c;
}

cl_config *
cl_config_load(const char *path, char **error)
{
	return cl_config_load_registry(path, cl_registry_builtin(), error);
}

cl_config *
cl_config_load_registry(const char *path, const struct cl_registry *base,
                        char **error)
{
	char *msg = NULL;
	cl_config *c = load(path, path, base, &msg);

	if (error)
		*error = msg;
	else
		free(msg);
	return c;
}

void
cl_config_free(cl_config *c)
{
	size_t i;

	if (!c)
		return;
	free(c->path);
	free(c->dir);
	free(c->cwd);
	free(c->selected);
	free(c->ignored);
	free(c->level);
	for (i = 0; i < c->npaths; i++) {
		free(c->paths[i].pattern);
		free(c->paths[i].ignored);
	}
	free(c->paths);
	for (i = 0; i < c->nredirect_uris; i++)
		free(c->redirect_uris[i]);
	free(c->redirect_uris);
	for (i = 0; i < c->nplatform_placeholders; i++)
		free(c->platform_placeholders[i]);
	free(c->platform_placeholders);
	cl_registry_unref(c->reg);
	free(c);
}

const char *
cl_config_path(const cl_config *c)
{
	return c->path;
}

int
cl_config_fail_on(const cl_config *c, enum cl_severity *out)
{
	if (!c->has_fail_on)
		return 0;
	*out = c->fail_on;
	return 1;
}

/* ---- what applies to one file ---- */

/* PATH made relative to C's directory (malloc'd into *ABS, caller
 * frees), and its file name in *BASE; NULL when PATH is not below it. */
static const char *
path_in_config_dir(const struct cl_config *c, const char *path, char **abs,
                   const char **base)
{
	const char *rel;
	size_t dl = strlen(c->dir);

	*abs = cl_path_absolute_from(c->cwd, path);
	if (dl == 1) {
		rel = *abs + 1; /* the configuration sits in "/" */
	} else if (!strncmp(*abs, c->dir, dl) && (*abs)[dl] == '/') {
		rel = *abs + dl + 1;
	} else {
		free(*abs); /* not below the configuration's directory */
		*abs = NULL;
		return NULL;
	}
	*base = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	return rel;
}

static bool
path_matches(const struct cl_config_path *p, const char *rel, const char *base)
{
	return !fnmatch(p->pattern, p->basename_only ? base : rel, 0);
}

bool
cl_config_path_ignores(const struct cl_config *c, const char *path,
                       unsigned char *ignored)
{
	char *abs;
	const char *rel, *base;
	size_t i, k;
	bool any = false;

	if (!c->npaths || !(rel = path_in_config_dir(c, path, &abs, &base)))
		return false;
	for (i = 0; i < c->npaths; i++) {
		const struct cl_config_path *p = &c->paths[i];

		if (!path_matches(p, rel, base))
			continue;
		for (k = 0; k < c->reg->count; k++) {
			if (p->ignored[k]) {
				ignored[k] = 1;
				any = true;
			}
		}
	}
	free(abs);
	return any;
}

const char *
cl_config_path_ignorer(const struct cl_config *c, const char *path, size_t rule)
{
	char *abs;
	const char *rel, *base, *pattern = NULL;
	size_t i;

	if (!c->npaths || !(rel = path_in_config_dir(c, path, &abs, &base)))
		return NULL;
	for (i = 0; i < c->npaths && !pattern; i++)
		if (c->paths[i].ignored[rule] &&
		    path_matches(&c->paths[i], rel, base))
			pattern = c->paths[i].pattern;
	free(abs);
	return pattern;
}

const char *const *
cl_ctx_redirect_uris_configured(const struct cl_ctx *ctx, size_t *n)
{
	const struct cl_config *c = ctx->config;

	if (!c || !c->has_redirect_uris) {
		*n = 0;
		return NULL;
	}
	*n = c->nredirect_uris;
	return (const char *const *)c->redirect_uris;
}

bool
cl_ctx_platform_placeholder(const struct cl_ctx *ctx, const char *key)
{
	const struct cl_config *c = ctx->config;

	return c && c->nplatform_placeholders &&
	       bsearch(&key, c->platform_placeholders,
	               c->nplatform_placeholders, sizeof(char *), cmp_str);
}

/* ---- finding the file that applies ---- */

/* A configuration file met while searching: read, or why not. */
struct found {
	cl_config *config;
	char *error;
	bool reported;
};

/* Directory (absolute) → what applies there (NULL: no file). */
struct slot {
	char *dir;
	struct found *found;
};

struct cl_config_finder {
	struct slot *slots; /* open addressing; cap is a power of two */
	size_t cap, n;
	struct found **all;
	size_t nall, all_alloc;
	char *cwd;                      /* to show found files relative to it */
	const struct cl_registry *base; /* the rules before each file's own */
};

static struct slot *
slot_for(cl_config_finder *f, const char *dir)
{
	size_t i = cl_str_hash(dir) & (f->cap - 1);

	while (f->slots[i].dir && strcmp(f->slots[i].dir, dir))
		i = (i + 1) & (f->cap - 1);
	return &f->slots[i];
}

/* Takes DIR. */
static void
remember(cl_config_finder *f, char *dir, struct found *found)
{
	struct slot *s;

	if (2 * (f->n + 1) > f->cap) {
		struct slot *old = f->slots;
		size_t i, oldcap = f->cap;

		f->cap = f->cap ? 2 * f->cap : 64;
		f->slots = cl_calloc(f->cap, sizeof(*f->slots));
		for (i = 0; i < oldcap; i++)
			if (old[i].dir)
				*slot_for(f, old[i].dir) = old[i];
		free(old);
	}
	s = slot_for(f, dir);
	if (s->dir)
		BUG("directory %s remembered twice", dir);
	s->dir = dir;
	s->found = found;
	f->n++;
}

static struct found *
keep(cl_config_finder *f, cl_config *config, char *error)
{
	struct found *found = cl_calloc(1, sizeof(*found));

	found->config = config;
	found->error = error;
	CL_GROW(f->all, f->nall + 1, f->all_alloc);
	f->all[f->nall++] = found;
	return found;
}

/* PATH shown relative to the current directory when it is below it. */
static const char *
shown(const cl_config_finder *f, const char *path)
{
	size_t n = strlen(f->cwd);

	if (n > 1 && !strncmp(path, f->cwd, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

/* The configuration file in DIR itself; false when there is none. */
static bool
look_in(cl_config_finder *f, const char *dir, struct found **out)
{
	char *paths[CL_ARRAY_SIZE(config_names)];
	size_t i, nfound = 0, which = 0;
	struct stat st;

	for (i = 0; i < CL_ARRAY_SIZE(config_names); i++) {
		paths[i] =
		    cl_xasprintf("%s%s%s", dir, strcmp(dir, "/") ? "/" : "",
		                 config_names[i]);
		if (!stat(paths[i], &st)) {
			nfound++;
			which = i;
		}
	}
	if (nfound > 1) {
		*out = keep(f, NULL,
		            cl_xasprintf("%s: two configuration files, "
		                         "`%s` and `%s`; keep one",
		                         shown(f, dir), config_names[0],
		                         config_names[1]));
	} else if (nfound == 1) {
		char *error = NULL;
		cl_config *c =
		    load(paths[which], shown(f, paths[which]), f->base, &error);

		*out = keep(f, c, error);
	}
	for (i = 0; i < CL_ARRAY_SIZE(config_names); i++)
		free(paths[i]);
	return nfound > 0;
}

/* What applies in DIR (absolute), which it takes. */
static struct found *
find_dir(cl_config_finder *f, char *dir)
{
	struct found *found = NULL;
	char *slash;

	if (f->cap) {
		struct slot *s = slot_for(f, dir);

		if (s->dir) {
			free(dir);
			return s->found;
		}
	}
	if (!look_in(f, dir, &found) && strcmp(dir, "/")) {
		slash = strrchr(dir, '/');
		found = find_dir(
		    f, slash == dir ? cl_strdup("/")
		                    : cl_strndup(dir, (size_t)(slash - dir)));
	}
	remember(f, dir, found);
	return found;
}

cl_config_finder *
cl_config_finder_new(void)
{
	cl_config_finder *f = cl_calloc(1, sizeof(*f));

	f->cwd = cl_current_dir();
	f->base = cl_registry_builtin();
	return f;
}

void
cl_config_finder_set_registry(cl_config_finder *f,
                              const struct cl_registry *base)
{
	if (f->nall)
		BUG("the finder has read configuration files already");
	cl_registry_unref(f->base);
	f->base = cl_registry_ref(base);
}

void
cl_config_finder_free(cl_config_finder *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->cap; i++)
		free(f->slots[i].dir);
	free(f->slots);
	for (i = 0; i < f->nall; i++) {
		cl_config_free(f->all[i]->config);
		free(f->all[i]->error);
		free(f->all[i]);
	}
	free(f->all);
	free(f->cwd);
	cl_registry_unref(f->base);
	free(f);
}

int
cl_config_find(cl_config_finder *f, const char *path, const cl_config **config,
               const char **error)
{
	char *abs = cl_path_absolute_from(f->cwd, path),
	     *slash = strrchr(abs, '/');
	struct found *found;

	*config = NULL;
	*error = NULL;
	/* The file's directory. */
	if (slash == abs)
		slash[1] = '\0';
	else
		*slash = '\0';
	found = find_dir(f, abs);
	if (!found)
		return 0;
	if (found->config) {
		*config = found->config;
		return 0;
	}
	if (!found->reported)
		*error = found->error;
	found->reported = true;
	return -1;
}
