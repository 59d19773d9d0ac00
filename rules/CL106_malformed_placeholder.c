/*
 * CL106: text that looks like a placeholder but is not one (`{{ key }}`,
 * `{{}}`, `{key}` in a URL) is sent as written.
 */
#include <stdlib.h>

#include "fixes.h"
#include "placeholder.h"
#include "rule.h"
#include "scope.h"
#include "vars.h"

/* Longest excerpt of a malformed placeholder quoted in a message. */
#define EXCERPT_MAX 60

static bool
blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Whether M, a malformed placeholder of S with a valid key, is one of the
 * slips the fix mends: `{key}}` and `{{key}` (a brace missing) or
 * `{{ key }}` (blanks inside two braces each side).
 */
static bool
mendable(const char *s, const struct cl_placeholder_match *m)
{
	size_t a = m->start, b = m->end, open = 0, close = 0;
	bool blanks = false;

	while (a < m->key_start && s[a] == '{')
		a++, open++;
	for (; a < m->key_start; a++)
		if (!blank(s[a]))
			return false;
	while (b > m->key_end && s[b - 1] == '}')
		b--, close++;
	blanks = m->key_start > m->start + open || b > m->key_end;
	for (; b > m->key_end; b--)
		if (!blank(s[b - 1]))
			return false;
	if (blanks)
		return open == 2 && close == 2;
	return (open == 1 && close == 2) || (open == 2 && close == 1);
}

/* Whether M's braces are only a slip where TPL is: `{key}}` in body
 * content may be a field and the end of two objects in a GraphQL query
 * (`{shop {id}}`), which the fix would break. */
static bool
mend_here(const char *s, const struct cl_template *tpl,
          const struct cl_placeholder_match *m)
{
	return tpl->kind != CL_TPL_BODY_CONTENT || s[m->start + 1] == '{';
}

/*
 * Gives D the fix writing M as `{{key}}` when it is a slip mendable()
 * mends and its key names a variable in scope exactly: then the text can
 * only have meant that placeholder.
 */
static void
fix_malformed(struct cl_ctx *ctx, struct cl_nearmiss_cache *cache,
              const struct cl_connector *c, const struct cl_template *tpl,
              const struct cl_placeholder_match *m, struct cl_diag *d)
{
	const char *s = ctx->buf + tpl->span.start;
	size_t keylen = m->key_end - m->key_start;
	const struct cl_variable *v;
	char *key;

	if (!d || !mendable(s, m) || !mend_here(s, tpl, m))
		return;
	key = cl_xasprintf("%.*s", (int)keylen, s + m->key_start);
	if (cl_key_valid(key) &&
	    cl_scope_resolve(cache, c, tpl, key, &v) == CL_RES_FOUND) {
		char *text = cl_xasprintf("{{%s}}", key);

		cl_fix_new(ctx, d, CL_FIX_SAFE, "replace `%.*s` with `%s`",
		           (int)(m->end - m->start), s + m->start, text);
		cl_fix_edit(ctx, d, tpl->span.start + (uint32_t)m->start,
		            tpl->span.start + (uint32_t)m->end, text);
		free(text);
	}
	free(key);
}

static struct cl_diag *
report_malformed(struct cl_ctx *ctx, const struct cl_template *tpl,
                 const struct cl_placeholder_match *m, int single)
{
	const char *s = ctx->buf + tpl->span.start;
	const char *key = s + m->key_start;
	int keylen = (int)(m->key_end - m->key_start > EXCERPT_MAX
	                       ? EXCERPT_MAX
	                       : m->key_end - m->key_start);
	size_t i, shown = m->end - m->start;
	int valid_key = keylen > 0;
	struct cl_span span;
	const char *ellipsis = "";

	span.start = tpl->span.start + (uint32_t)m->start;
	span.end = tpl->span.start + (uint32_t)m->end;
	if (shown > EXCERPT_MAX) {
		/* Cut on a character boundary, not inside a UTF-8 sequence. */
		shown = EXCERPT_MAX;
		while (shown &&
		       ((unsigned char)s[m->start + shown] & 0xC0) == 0x80)
			shown--;
		ellipsis = "…";
	}
	for (i = m->key_start; i < m->key_end; i++)
		if (!cl_key_char((unsigned char)s[i]))
			valid_key = 0;

	if (single)
		return cl_report(
		    ctx, &cl_rule_CL106, span,
		    "`%.*s%s` in a URL is not a placeholder; did you "
		    "mean `{{%.*s}}`?",
		    (int)shown, s + m->start, ellipsis, keylen, key);
	if (!keylen)
		return cl_report(
		    ctx, &cl_rule_CL106, span,
		    "empty placeholder `%.*s%s`: a placeholder names a "
		    "variable, as in `{{key}}`",
		    (int)shown, s + m->start, ellipsis);
	if (!valid_key)
		return cl_report(
		    ctx, &cl_rule_CL106, span,
		    "malformed placeholder `%.*s%s`: a key has only "
		    "letters, digits, `_`, `-` and `.`, with no spaces",
		    (int)shown, s + m->start, ellipsis);
	return cl_report(ctx, &cl_rule_CL106, span,
	                 "malformed placeholder `%.*s%s`: a placeholder is "
	                 "written `{{key}}`, two braces each side and no "
	                 "spaces; did you mean `{{%.*s}}`?",
	                 (int)shown, s + m->start, ellipsis, keylen, key);
}

static void
check_malformed_placeholder(struct cl_ctx *ctx, const struct cl_connector *c)
{
	struct cl_nearmiss_cache cache = CL_NEARMISS_CACHE_INIT;
	size_t i;

	for (i = 0; i < c->n_templates; i++) {
		const struct cl_template *tpl = &c->templates[i];
		const char *s = ctx->buf + tpl->span.start;
		size_t len = tpl->span.end - tpl->span.start, pos = 0;
		struct cl_placeholder_match m;

		while (cl_placeholder_next_malformed(s, len, &pos, &m)) {
			struct cl_diag *d = report_malformed(ctx, tpl, &m, 0);

			fix_malformed(ctx, &cache, c, tpl, &m, d);
		}
		/* Braces are not URL characters, so "{id}" is never literal
		 * there; in a body it may be. */
		if (tpl->kind != CL_TPL_URL &&
		    tpl->kind != CL_TPL_ADDITIONAL_URL)
			continue;
		pos = 0;
		while (cl_placeholder_next_single(s, len, &pos, &m))
			report_malformed(ctx, tpl, &m, 1);
	}
	cl_nearmiss_cache_release(&cache);
}

const struct cl_rule cl_rule_CL106 = {
	.id = "CL106",
	.slug = "malformed-placeholder",
	.severity = CL_SEV_ERROR,
	.summary = "text that looks like a placeholder but is not one",
	.check = check_malformed_placeholder,
	.fix = CL_RULE_FIX_SAFE,
};
