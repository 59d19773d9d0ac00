/*
 * CL306 swapped-oauth-urls
 *
 * For oauth2-authorization-code, `url` is the token endpoint and Additional
 * URL 1 the authorise endpoint (format spec). Swapped: the token URL's path
 * says authorize/authorise (or authorization) and not token, while
 * Additional URL 1's path says token and not authorise. Both the same: one
 * of them is certainly wrong. Missing or empty URLs are CL205's and
 * CL305's.
 */
#include <string.h>

#include "oauth2.h"
#include "rule.h"
#include "url.h"

static int
blank_char(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* The span of N's text without surrounding blanks. */
static struct cl_span
text_span(const struct cl_ctx *ctx, const struct cl_node *n)
{
	struct cl_span s = n->inner_span;

	while (s.start < s.end && blank_char(ctx->buf[s.start]))
		s.start++;
	while (s.end > s.start && blank_char(ctx->buf[s.end - 1]))
		s.end--;
	return s;
}

/* 1 when the path of URL (after the host, before any query or fragment,
 * outside placeholders) contains WORD, ignoring case. */
static int
path_has(const char *url, const char *word)
{
	const char *p = cl_url_path(url);
	size_t wl = strlen(word), i;

	if (!p)
		return 0;
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (p[0] == '{' && p[1] == '{') {
			const char *e = strstr(p, "}}");

			if (!e)
				return 0;
			p = e + 1;
			continue;
		}
		for (i = 0; i < wl && p[i]; i++) {
			char a = p[i];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != word[i])
				break;
		}
		if (i == wl)
			return 1;
	}
	return 0;
}

static int
looks_authorise(const char *url)
{
	return path_has(url, "authoriz") || path_has(url, "authoris");
}

static int
looks_token(const char *url)
{
	return path_has(url, "token");
}

/* 1 when A and B are the same URL, or differ only by a trailing '/'. */
static int
same_url(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la && a[la - 1] == '/')
		la--;
	if (lb && b[lb - 1] == '/')
		lb--;
	return la == lb && !memcmp(a, b, la);
}

static void
check_swapped_urls(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_AC)
	{
		const struct cl_additional_url *one =
		    cl_oauth2_authorise_url(m);
		const char *tok, *auz;
		struct cl_diag *d;

		if (!*m->url.value)
			continue;
		if (!one || !*one->value)
			continue;
		tok = m->url.value;
		auz = one->value;
		if (same_url(tok, auz)) {
			d = cl_report(
			    ctx, &cl_rule_CL306, text_span(ctx, one->node),
			    "Additional URL 1 of auth method `%s` is "
			    "the same as its `url`: Additional URL 1 "
			    "must be the authorise endpoint users are "
			    "sent to, `url` the token endpoint",
			    m->id);
			cl_report_related(ctx, d, text_span(ctx, m->url.node),
			                  "the token `url` is here");
		} else if (looks_authorise(tok) && !looks_token(tok) &&
		           looks_token(auz) && !looks_authorise(auz)) {
			d = cl_report(
			    ctx, &cl_rule_CL306, text_span(ctx, m->url.node),
			    "the `url` of auth method `%s` looks like "
			    "an authorise endpoint and its Additional "
			    "URL 1 like a token endpoint: swap them; "
			    "`url` is the token endpoint, Additional "
			    "URL 1 the authorise endpoint",
			    m->id);
			cl_report_related(ctx, d, text_span(ctx, one->node),
			                  "Additional URL 1 is here");
		}
	}
}

const struct cl_rule cl_rule_CL306 = {
	.id = "CL306",
	.slug = "swapped-oauth-urls",
	.severity = CL_SEV_WARNING,
	.summary =
	    "authorisation code: the token `url` and Additional URL 1 given the "
	    "wrong way round, or the same",
	.check = check_swapped_urls,
};
