/*
 * CL502 insecure-url
 *
 * An auth or endpoint URL that is plain http to a host that is not a
 * loopback one (localhost, *.localhost, 127.0.0.0/8, [::1]). Auth URLs
 * carry client credentials and tokens (RFC 6749 §3.1, §3.2, §10.9: TLS is
 * required), so the rule's severity (error by default) applies to them; an
 * endpoint URL (which carries the access token, RFC 6750 §5.3) is reported
 * one level lower (a warning by default): the diagnostic's severity is
 * lowered after cl_report returns it, the one rule that does so.
 */
#include <stdio.h>
#include <string.h>

#include "fixes.h"
#include "rule.h"
#include "span.h"
#include "url.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 1 when S[0..N) is WORD (lower case) ignoring ASCII case. */
static int
prefix_ci(const char *s, size_t n, const char *word)
{
	size_t i;

	if (n != strlen(word))
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/* 1 when the host of authority A (LEN bytes) is a loopback name or
 * address: localhost, *.localhost, 127.0.0.0/8, [::1]. */
static int
is_loopback(const char *a, size_t len)
{
	const char *at = NULL;
	size_t i, hlen;
	char host[256];

	for (i = 0; i < len; i++)
		if (a[i] == '@')
			at = a + i;
	if (at) {
		len -= (size_t)(at + 1 - a);
		a = at + 1;
	}
	if (len && a[0] == '[') {
		for (hlen = 0; hlen < len && a[hlen] != ']'; hlen++)
			;
		if (hlen < len)
			hlen++;
	} else {
		for (hlen = 0; hlen < len && a[hlen] != ':'; hlen++)
			;
	}
	if (hlen >= sizeof(host))
		return 0;
	for (i = 0; i < hlen; i++)
		host[i] = (a[i] >= 'A' && a[i] <= 'Z')
		              ? (char)(a[i] - 'A' + 'a')
		              : a[i];
	host[hlen] = '\0';
	if (!strcmp(host, "localhost") || !strcmp(host, "[::1]"))
		return 1;
	if (hlen > 10 && !strcmp(host + hlen - 10, ".localhost"))
		return 1;
	if (!strncmp(host, "127.", 4)) {
		for (i = 4; i < hlen; i++)
			if (!is_digit(host[i]) && host[i] != '.')
				return 0;
		return 1;
	}
	return 0;
}

/* 0 when URL cannot have the scheme `http` (any case): the test made
 * before splitting it, which most URLs (`https`) fail at the fifth byte.
 * A NUL fails the byte tests, so nothing past it is read. */
static int
may_be_http(const char *url)
{
	return (url[0] | 0x20) == 'h' && (url[1] | 0x20) == 't' &&
	       (url[2] | 0x20) == 't' && (url[3] | 0x20) == 'p' &&
	       url[4] == ':';
}

/* Reports URL (the trimmed value of element N) when it is plain http to
 * a host that is not a loopback one; ENDPOINT: one level lower. */
static void
check_url_scheme(struct cl_ctx *ctx, const struct cl_node *n, const char *url,
                 const char *what, const char *owner_kind, const char *owner,
                 int endpoint)
{
	size_t se, a, ae;
	struct cl_span at;
	struct cl_diag *d;

	if (!n || !may_be_http(url) || !cl_url_split(url, &se, &a, &ae) ||
	    !prefix_ci(url, se, "http"))
		return;
	if (is_loopback(url + a, ae - a))
		return;
	at = cl_elem_part_span(ctx, n, url, 0, 4);
	d = cl_report(ctx, &cl_rule_CL502, at,
	              "the %s of %s `%s` uses `http`: %s travel unencrypted "
	              "and can be read or changed on the way; use `https`",
	              what, owner_kind, owner,
	              endpoint ? "the access token and the data"
	                       : "credentials and tokens");
	/* One level below the rule's severity for this file (by default
	 * error, so a warning); a configured severity still counts. */
	if (d && endpoint && d->severity > CL_SEV_INFO)
		d->severity = (enum cl_severity)(d->severity - 1);
	/* Unsafe: the host may not serve https, or not on the port the URL
	 * names. Only where the scheme is written as it reads. */
	if (at.end - at.start == 4 &&
	    prefix_ci(ctx->buf + at.start, 4, "http")) {
		cl_fix_new(ctx, d, CL_FIX_UNSAFE, "use `https`");
		cl_fix_edit(ctx, d, at.start, at.end, "https");
	}
}

static void
check_insecure_url(struct cl_ctx *ctx, const struct cl_connector *c)
{
	size_t i, j;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		check_url_scheme(ctx, m->url.node, m->url.value, "URL",
		                 "auth method", m->id, 0);
		for (j = 0; j < m->n_additional_urls; j++) {
			const struct cl_additional_url *u =
			    &m->additional_urls[j];
			char what[64];

			if (!u->node || !may_be_http(u->value))
				continue; /* check_url_scheme says nothing */
			snprintf(what, sizeof(what), "additional URL %d",
			         u->index);
			check_url_scheme(ctx, u->node, u->value,
			                 u->index >= 0 ? what
			                               : "additional URL",
			                 "auth method", m->id, 0);
		}
	}
	/* Most endpoint URLs are https: told apart without a call. */
	for (i = 0; i < c->n_endpoints; i++)
		if (c->endpoints[i].url.node &&
		    may_be_http(c->endpoints[i].url.value))
			check_url_scheme(ctx, c->endpoints[i].url.node,
			                 c->endpoints[i].url.value, "URL",
			                 "endpoint", c->endpoints[i].id, 1);
}

const struct cl_rule cl_rule_CL502 = {
	.id = "CL502",
	.slug = "insecure-url",
	.severity = CL_SEV_ERROR,
	.summary =
	    "an `http://` auth `url` or `additional-url` (loopback hosts excepted); a warning for endpoint URLs",
	.check = check_insecure_url,
	.fix = CL_RULE_FIX_UNSAFE,
	.security_severity = "7.5",
	.cwe = { 319 },
};
