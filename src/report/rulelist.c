/* --list-rules in text and JSON; see rulelist.h. */
#include "rulelist.h"
#include "ruleset.h"

#include <string.h>

#include "catalogue.h"
#include "connlint.h"
#include "escape.h"
#include "util.h"

/* S as a JSON string on OUT. */
static void
put_json(FILE *out, const char *s)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	cl_json_add_string(&sb, s);
	fputs(cl_strbuf_str(&sb), out);
	cl_strbuf_release(&sb);
}

/* RULE's fix as --list-rules shows it: `safe` when every fix is,
 * `unsafe` when some may not be (the page says when), NULL for none. */
static const char *
fix_word(const cl_rule *rule)
{
	switch (cl_rule_fix(rule)) {
	case CL_RULE_FIX_NONE:
		return NULL;
	case CL_RULE_FIX_SAFE:
		return "safe";
	case CL_RULE_FIX_UNSAFE:
	case CL_RULE_FIX_SOMETIMES_UNSAFE:
		return "unsafe";
	}
	return NULL;
}

void
cl_rules_print_json(const struct cl_registry *reg, FILE *out)
{
	size_t i, n = reg->count;

	fputs("{\n  \"tool\": {\"name\": \"connlint\", \"version\": ", out);
	put_json(out, cl_version());
	fputs("},\n  \"rules\": [", out);
	for (i = 0; i < n; i++) {
		const cl_rule *r = reg->rules[i];

		fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
		put_json(out, cl_rule_id(r));
		fputs(", \"name\": ", out);
		put_json(out, cl_rule_slug(r));
		/* "fix" keeps its type (a boolean, as before fixes had
		 * kinds), so that existing readers go on working;
		 * "fix_applicability" says which kind. */
		fprintf(out,
		        ", \"severity\": \"%s\", \"fix\": %s, "
		        "\"fix_applicability\": \"%s\", \"summary\": ",
		        cl_severity_name(cl_rule_severity(r)),
		        cl_rule_has_fix(r) ? "true" : "false",
		        fix_word(r) ? fix_word(r) : "none");
		put_json(out, cl_rule_summary(r));
		/* Custom rules say where they come from. */
		if (r->custom) {
			fputs(", \"ruleset\": ", out);
			put_json(out, cl_ruleset_name(r->custom));
			fputs(", \"file\": ", out);
			put_json(out, cl_ruleset_display(r->custom));
		}
		fputc('}', out);
	}
	fputs("\n  ]\n}\n", out);
}

void
cl_rules_print(const struct cl_registry *reg, FILE *out)
{
	size_t i, n = reg->count, id_w = 0, slug_w = 0;

	for (i = 0; i < n; i++) {
		const cl_rule *r = reg->rules[i];
		size_t a = strlen(cl_rule_id(r)), b = strlen(cl_rule_slug(r));

		id_w = a > id_w ? a : id_w;
		slug_w = b > slug_w ? b : slug_w;
	}
	for (i = 0; i < n; i++) {
		const cl_rule *r = reg->rules[i];

		fprintf(out, "%-*s  %-*s  %-7s  %-6s  %s\n", (int)id_w,
		        cl_rule_id(r), (int)slug_w, cl_rule_slug(r),
		        cl_severity_name(cl_rule_severity(r)),
		        fix_word(r) ? fix_word(r) : "-", cl_rule_summary(r));
	}
}
