/*
 * CL615 auth-url-host-changed
 *
 * The third-party app registration of an auth method lists the hosts it
 * talks to (redirect URIs, allowed hosts). When the `url` or an
 * `additional-url` of a method of both versions points at another host,
 * that registration may need updating (rules.md CL6xx): info. Hosts are
 * compared ignoring case, without user information and port; a
 * placeholder (`{{store}}.example.com`) is compared as text. Additional
 * URLs are matched by `index`.
 */
#include <string.h>

#include "compat.h"
#include "span.h"

static bool
same_host(const char *a, size_t as, size_t ae, const char *b, size_t bs,
          size_t be)
{
	size_t i;

	if (ae - as != be - bs)
		return false;
	for (i = 0; i < ae - as; i++) {
		unsigned char x = (unsigned char)a[as + i];
		unsigned char y = (unsigned char)b[bs + i];

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

static void
compare(struct cl_ctx *ctx, const struct cl_diff *d,
        const struct cl_auth_method *m, const char *what,
        const struct cl_node *was_node, const char *was,
        const struct cl_node *now_node, const char *now)
{
	struct cl_ctx oc;
	struct cl_diag *diag;
	size_t os, oe, ns, ne;

	if (!was_node || !now_node || !cl_compat_url_host(was, &os, &oe) ||
	    !cl_compat_url_host(now, &ns, &ne) ||
	    same_host(was, os, oe, now, ns, ne))
		return;
	diag = cl_report(
	    ctx, &cl_rule_CL615, cl_elem_part_span(ctx, now_node, now, ns, ne),
	    "the %s of auth method `%s` moved from host `%.*s` "
	    "to `%.*s`: the app registration at the third party "
	    "(redirect URIs, allowed hosts) may need updating",
	    what, m->id, (int)(oe - os), was + os, (int)(ne - ns), now + ns);
	cl_compat_old_ctx(d, &oc);
	cl_diff_related(ctx, diag, d,
	                cl_elem_part_span(&oc, was_node, was, os, oe),
	                "the old host");
}

static void
diff_hook(struct cl_ctx *ctx, const struct cl_diff *d)
{
	const struct cl_connector *old = d->old, *c = ctx->model;
	size_t i, j, k;

	if (d->removed)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];
		const struct cl_auth_method *was;

		if (!*m->id || !cl_compat_first_method(c, m))
			continue;
		was = cl_model_auth_method(old, m->id);
		if (!was)
			continue;
		compare(ctx, d, m, "URL", was->url.node, was->url.value,
		        m->url.node, m->url.value);
		for (j = 0; j < m->n_additional_urls; j++) {
			const struct cl_additional_url *u =
			    &m->additional_urls[j];

			if (u->index < 0)
				continue;
			for (k = 0; k < was->n_additional_urls; k++) {
				const struct cl_additional_url *o =
				    &was->additional_urls[k];

				if (o->index != u->index)
					continue;
				compare(ctx, d, m, "additional URL", o->node,
				        o->value, u->node, u->value);
				break;
			}
		}
	}
}

const struct cl_rule cl_rule_CL615 = {
	.id = "CL615",
	.slug = "auth-url-host-changed",
	.severity = CL_SEV_INFO,
	.summary = "an auth method's `url` or `additional-url` points at "
	           "another host",
	.diff = diff_hook,
	.compat = true,
};
