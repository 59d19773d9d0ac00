/* The redirect URIs CL309 allows; see redirect.h. */
#include "redirect.h"

#include <string.h>

#include "config.h"

/* The platform's callback URIs (format spec; the Patchworks documentation
 * of the authorisation code flow lists both). */
static const char *const default_redirect_uris[] = {
	"https://app.wearepatchworks.com/oauth/authenticate",
	"https://stage.app.wearepatchworks.com/oauth/authenticate",
};

const char *const *
cl_ctx_redirect_uris(const struct cl_ctx *ctx, size_t *n)
{
	/* Configured URIs replace the platform's two. */
	const char *const *uris = cl_ctx_redirect_uris_configured(ctx, n);

	if (uris)
		return uris;
	*n = CL_ARRAY_SIZE(default_redirect_uris);
	return default_redirect_uris;
}

int
cl_redirect_uri_allowed(const struct cl_ctx *ctx, const char *uri)
{
	size_t i, n;
	const char *const *uris = cl_ctx_redirect_uris(ctx, &n);

	for (i = 0; i < n; i++)
		if (!strcmp(uris[i], uri))
			return 1;
	return 0;
}
