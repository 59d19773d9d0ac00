/*
 * CL106: text that looks like a placeholder but is not one (`{{ key }}`,
 * `{{}}`, `{key}` in a URL) is sent as written.
 */
#include "placeholder.h"
#include "rule.h"
#include "vars.h"

/* Longest excerpt of a malformed placeholder quoted in a message. */
#define EXCERPT_MAX 60

static void
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
		cl_report(ctx, &cl_rule_CL106, span,
		          "`%.*s%s` in a URL is not a placeholder; did you "
		          "mean `{{%.*s}}`?",
		          (int)shown, s + m->start, ellipsis, keylen, key);
	else if (!keylen)
		cl_report(ctx, &cl_rule_CL106, span,
		          "empty placeholder `%.*s%s`: a placeholder names a "
		          "variable, as in `{{key}}`",
		          (int)shown, s + m->start, ellipsis);
	else if (!valid_key)
		cl_report(ctx, &cl_rule_CL106, span,
		          "malformed placeholder `%.*s%s`: a key has only "
		          "letters, digits, `_`, `-` and `.`, with no spaces",
		          (int)shown, s + m->start, ellipsis);
	else
		cl_report(ctx, &cl_rule_CL106, span,
		          "malformed placeholder `%.*s%s`: a placeholder is "
		          "written `{{key}}`, two braces each side and no "
		          "spaces; did you mean `{{%.*s}}`?",
		          (int)shown, s + m->start, ellipsis, keylen, key);
}

static void
check_malformed_placeholder(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i;

	for (i = 0; i < c->n_templates; i++) {
		const struct cl_template *tpl = &c->templates[i];
		const char *s = ctx->buf + tpl->span.start;
		size_t len = tpl->span.end - tpl->span.start, pos = 0;
		struct cl_placeholder_match m;

		while (cl_placeholder_next_malformed(s, len, &pos, &m))
			report_malformed(ctx, tpl, &m, 0);
		/* Braces are not URL characters, so "{id}" is never literal
		 * there; in a body it may be. */
		if (tpl->kind != CL_TPL_URL &&
		    tpl->kind != CL_TPL_ADDITIONAL_URL)
			continue;
		pos = 0;
		while (cl_placeholder_next_single(s, len, &pos, &m))
			report_malformed(ctx, tpl, &m, 1);
	}
}

const struct cl_rule cl_rule_CL106 = {
	.id = "CL106",
	.slug = "malformed-placeholder",
	.severity = CL_SEV_ERROR,
	.summary = "text that looks like a placeholder but is not one",
	.check = check_malformed_placeholder,
};
