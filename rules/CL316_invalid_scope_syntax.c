/*
 * CL316 invalid-scope-syntax
 *
 * A scope is scope tokens separated by single spaces, each of printable
 * ASCII other than `"` and `\` (RFC 6749 §3.3, App. A.4). Quotes,
 * backslashes, control and non-ASCII characters (a curly quote, a
 * no-break or invisible character pasted in) are reported, the first of
 * each value, once per connector variable default.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"
#include "span.h"

/* The element whose `default` attribute V's default comes from. */
static const struct cl_node *
default_node(const struct cl_variable *v)
{
	return v->is_use && v->target ? v->target->node : v->node;
}

/* Decodes the UTF-8 character at S (valid UTF-8: the input was checked);
 * sets *LEN to its byte length. */
static unsigned
utf8_at(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if ((u[0] & 0xE0) == 0xC0 && u[1]) {
		*len = 2;
		return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) {
		*len = 3;
		return (unsigned)(u[0] & 0x0F) << 12 |
		       (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	if ((u[0] & 0xF8) == 0xF0 && u[1] && u[2] && u[3]) {
		*len = 4;
		return (unsigned)(u[0] & 0x07) << 18 |
		       (unsigned)(u[1] & 0x3F) << 12 |
		       (unsigned)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
	}
	*len = 1;
	return u[0];
}

/* 1 when CP may appear in a scope: a scope-token character (%x21 /
 * %x23-5B / %x5D-7E, RFC 6749 App. A.4) or the space between tokens. */
static int
scope_char_ok(unsigned cp)
{
	return cp == ' ' ||
	       (cp >= 0x21 && cp <= 0x7E && cp != '"' && cp != '\\');
}

/* Names the bad character CP, written as the LEN bytes at S. */
static void
describe_char(struct cl_strbuf *sb, unsigned cp, const char *s, size_t len)
{
	switch (cp) {
	case '"':
		cl_strbuf_adds(sb, "a double quote");
		return;
	case '\\':
		cl_strbuf_adds(sb, "a backslash");
		return;
	case '\t':
		cl_strbuf_adds(sb, "a tab");
		return;
	case '\n':
	case '\r':
		cl_strbuf_adds(sb, "a line break");
		return;
	case 0xA0:
		cl_strbuf_adds(sb, "a no-break space (U+00A0)");
		return;
	case 0x2018:
	case 0x2019:
	case 0x201C:
	case 0x201D:
		cl_strbuf_addf(sb, "a curly quote `%.*s` (U+%04X)", (int)len, s,
		               cp);
		return;
	case 0x200B:
	case 0x200C:
	case 0x200D:
	case 0x2060:
	case 0xFEFF:
		cl_strbuf_addf(sb, "the invisible character U+%04X", cp);
		return;
	default:
		break;
	}
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		cl_strbuf_addf(sb, "the control character U+%04X", cp);
	else
		cl_strbuf_addf(sb, "the non-ASCII character `%.*s` (U+%04X)",
		               (int)len, s, cp);
}

/* Reports the first character of VALUE, attribute ATTR of NODE, that no
 * scope may hold. */
static void
check_scope_text(struct cl_ctx *ctx, const struct cl_auth_method *m,
                 const struct cl_node *node, const char *attr,
                 const char *value, const char *what)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, len;

	for (i = 0; value[i]; i += len) {
		unsigned cp = utf8_at(value + i, &len);

		if (scope_char_ok(cp))
			continue;
		describe_char(&sb, cp, value + i, len);
		cl_report(ctx, &cl_rule_CL316,
		          cl_attr_part_span(ctx, node, attr, i, i + len),
		          "%s of auth method `%s` contains %s: scope tokens "
		          "are printable ASCII other than `\"` and `\\`, "
		          "separated by single spaces",
		          what, m->id, cl_strbuf_str(&sb));
		break;
	}
	cl_strbuf_release(&sb);
}

/* 1 when NODE was already reported; else remembers it. A connector
 * variable's default is reported once, however many methods use it. */
static int
seen_node(const struct cl_node ***seen, size_t *n, size_t *alloc,
          const struct cl_node *node)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*seen)[i] == node)
			return 1;
	CL_GROW(*seen, *n + 1, *alloc);
	(*seen)[(*n)++] = node;
	return 0;
}

static void
scope_params(struct cl_ctx *ctx, const struct cl_auth_method *m,
             const struct cl_param_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];

		if (!strcmp(p->key, "scope") && p->value)
			check_scope_text(ctx, m, p->node, "value", p->value,
			                 "the `scope` param");
	}
}

static void
check_scope_syntax(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	const struct cl_node **seen = NULL;
	size_t i, n_seen = 0, alloc = 0;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_variable *v;
		const char *d;

		v = cl_var_list_find(&m->variables, "scope");
		d = v ? cl_var_default_at(v, NULL) : NULL;
		if (d && !seen_node(&seen, &n_seen, &alloc, default_node(v)))
			check_scope_text(ctx, m, default_node(v), "default", d,
			                 "the `scope` default");
		scope_params(ctx, m, &m->url_params);
		scope_params(ctx, m, &m->body.params);
	}
	free(seen);
}

const struct cl_rule cl_rule_CL316 = {
	.id = "CL316",
	.slug = "invalid-scope-syntax",
	.severity = CL_SEV_ERROR,
	.summary =
	    "a scope with quotes, backslashes, control or non-ASCII characters "
	    "(scope tokens are printable ASCII separated by single spaces, "
	    "RFC 6749 §3.3)",
	.check = check_scope_syntax,
};
