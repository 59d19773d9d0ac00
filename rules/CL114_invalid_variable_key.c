/*
 * CL114: a key with characters outside ASCII letters, digits, `_`, `-`
 * and `.` cannot be named by any placeholder.
 */
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "vars.h"

/* Describes the first character of KEY that a key may not hold. */
static void
describe_bad_char(struct cl_strbuf *sb, const char *key)
{
	const unsigned char *s = (const unsigned char *)key;
	size_t n = 1;

	while (cl_key_char(*s))
		s++;
	if (*s == ' ')
		cl_strbuf_adds(sb, "a space");
	else if (*s == '\t' || *s == '\n' || *s == '\r')
		cl_strbuf_adds(sb, "white space");
	else if (*s < 0x20 || *s == 0x7F)
		cl_strbuf_addf(sb, "a control character (0x%02X)", *s);
	else if (*s == '`')
		cl_strbuf_adds(sb, "a backtick");
	else {
		if (*s >= 0x80)
			while ((s[n] & 0xC0) == 0x80)
				n++;
		cl_strbuf_adds(sb, "`");
		cl_strbuf_add(sb, (const char *)s, n);
		cl_strbuf_adds(sb, "`");
	}
}

/*
 * KEY with every run of characters a key may not hold turned into one
 * `_`, and none at either end: `store url` → `store_url`, `{{token}}` →
 * `token`. NULL when KEY holds non-ASCII characters (no good guess) or
 * nothing is left. Caller frees.
 */
static char *
suggest_key(const char *key)
{
	char *out = cl_malloc(strlen(key) + 1), *o = out;
	const unsigned char *s;
	int pending = 0;

	for (s = (const unsigned char *)key; *s; s++) {
		if (*s >= 0x80) {
			free(out);
			return NULL;
		}
		if (!cl_key_char(*s)) {
			pending = o > out;
			continue;
		}
		if (pending)
			*o++ = '_';
		pending = 0;
		*o++ = (char)*s;
	}
	*o = '\0';
	if (!*out) {
		free(out);
		return NULL;
	}
	return out;
}

static void
check_keys_in(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		struct cl_strbuf sb = CL_STRBUF_INIT;
		char *fix;

		/* A use names a connector variable, reported where it is
		 * defined; a missing key is CL002's. Most keys are valid:
		 * that is asked before the attribute is looked up. */
		if (v->is_use || cl_key_valid(v->key) ||
		    !cl_node_attr(v->node, "key"))
			continue;
		if (!*v->key) {
			cl_report(ctx, &cl_rule_CL114, cl_var_key_span(v),
			          "variable key is empty: the key is the name "
			          "placeholders use, as in `{{store_url}}`");
			continue;
		}
		describe_bad_char(&sb, v->key);
		fix = suggest_key(v->key);
		cl_report(
		    ctx, &cl_rule_CL114, cl_var_key_span(v),
		    "variable key `%s` holds %s: a key has only ASCII "
		    "letters, digits, `_`, `-` and `.`, so no placeholder "
		    "can name it%s%s%s",
		    v->key, cl_strbuf_str(&sb), fix ? "; did you mean `" : "",
		    fix ? fix : "", fix ? "`?" : "");
		free(fix);
		cl_strbuf_release(&sb);
	}
}

static void
check_invalid_variable_key(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	check_keys_in(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_keys_in(ctx, &c->auth_methods[i].variables);
	/* Most endpoints have no variables: no call for them. */
	for (i = 0; i < c->n_endpoints; i++)
		if (c->endpoints[i].variables.n)
			check_keys_in(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL114 = {
	.id = "CL114",
	.slug = "invalid-variable-key",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a key with characters outside letters, digits, `_`, `-`, `.`",
	.check = check_invalid_variable_key,
};
