/*
 * CL309 redirect-uri-not-allowed
 *
 * The redirect URI of an authorisation code method: the `redirect_uri`
 * default and literal `redirect_uri` params. The authorisation server
 * redirects only to a registered URI, compared by simple string equality
 * (RFC 6749 §3.1.2.3, RFC 9700 §4.1.3), and the platform receives the code
 * only at its own callback URIs: any other value loses the code. Each
 * place with a wrong value is reported.
 *
 * Values are read where they are written (cl_auth_values): a variable's
 * default (for a <use>, the connector variable's default) and literal
 * params. A value with a placeholder is checked through the variable it
 * names, and a variable without a default is the user's to fill in (CL111
 * and the CL2xx rules cover values nobody is asked for).
 */
#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "nearmiss.h"
#include "oauth2.h"
#include "rule.h"

/* "`a` or `b`", "`a`, `b` or `c`", at most four, then "…". */
static void
list_uris(struct cl_strbuf *sb, const char *const *uris, size_t n)
{
	size_t i, shown = n > 4 ? 4 : n;

	for (i = 0; i < shown; i++) {
		if (i)
			cl_strbuf_adds(sb, i + 1 == n ? " or " : ", ");
		cl_strbuf_addf(sb, "`%s`", uris[i]);
	}
	if (shown < n)
		cl_strbuf_addf(sb, " and %zu more", n - shown);
}

static void
check_redirect_uri(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i, j, n, nuris;

	cl_for_each_oauth2(m, c, i, CL_AUTH_OAUTH2_AC)
	{
		const char *const *uris;
		struct cl_auth_value f[CL_AUTH_VALUES_MAX];

		uris = cl_ctx_redirect_uris(ctx, &nuris);
		n = cl_auth_values(m, "redirect_uri", f, CL_AUTH_VALUES_MAX);
		for (j = 0; j < n; j++) {
			struct cl_strbuf allowed = CL_STRBUF_INIT;
			const char *near;

			if (cl_blank(f[j].value) ||
			    cl_redirect_uri_allowed(ctx, f[j].value))
				continue;
			list_uris(&allowed, uris, nuris);
			near = cl_nearmiss(f[j].value, uris, nuris);
			if (near)
				cl_report(
				    ctx, &cl_rule_CL309, f[j].span,
				    "redirect URI `%s` of auth method `%s` "
				    "is not an allowed one: did you mean "
				    "`%s`? Redirect URIs must match "
				    "exactly",
				    f[j].value, m->id, near);
			else
				cl_report(
				    ctx, &cl_rule_CL309, f[j].span,
				    "redirect URI `%s` of auth method `%s` "
				    "is not an allowed one (%s): the "
				    "platform receives the authorisation "
				    "code only there",
				    f[j].value, m->id, cl_strbuf_str(&allowed));
			cl_strbuf_release(&allowed);
		}
	}
}

const struct cl_rule cl_rule_CL309 = {
	.id = "CL309",
	.slug = "redirect-uri-not-allowed",
	.severity = CL_SEV_WARNING,
	.summary =
	    "a `redirect_uri` that is not one of the configured redirect URIs "
	    "(default: the platform's production and staging ones)",
	.check = check_redirect_uri,
};
