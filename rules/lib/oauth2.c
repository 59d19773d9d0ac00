/* What the OAuth 2 rules share; see oauth2.h. */
#include "oauth2.h"

#include <stdlib.h>
#include <string.h>

#include "placeholder.h"
#include "vars.h"

const struct cl_auth_method *
cl_oauth2_method(const struct cl_connector *c, size_t *i,
                 enum cl_auth_type type)
{
	for (; *i < c->n_auth_methods; ++*i) {
		const struct cl_auth_method *m = &c->auth_methods[*i];

		if (type == CL_OAUTH2_ANY ? cl_auth_type_is_oauth2(m->type)
		                          : m->type == type)
			return m;
	}
	return NULL;
}

const struct cl_additional_url *
cl_oauth2_authorise_url(const struct cl_auth_method *m)
{
	size_t i;

	if (m->type != CL_AUTH_OAUTH2_AC)
		return NULL;
	for (i = 0; i < m->n_additional_urls; i++)
		if (m->additional_urls[i].index == 1)
			return &m->additional_urls[i];
	return NULL;
}

static const char *const cc_grants[] = { "client_credentials", "password" };
static const char *const ac_grants[] = { "authorization_code" };

const char *const *
cl_oauth2_grant_types(enum cl_auth_type type, size_t *n)
{
	if (type == CL_AUTH_OAUTH2_CC) {
		*n = CL_ARRAY_SIZE(cc_grants);
		return cc_grants;
	}
	*n = CL_ARRAY_SIZE(ac_grants);
	return ac_grants;
}

int
cl_oauth2_grant_fits(enum cl_auth_type type, const char *value)
{
	size_t n, i;
	const char *const *ok = cl_oauth2_grant_types(type, &n);

	for (i = 0; i < n; i++)
		if (!strcmp(value, ok[i]))
			return 1;
	return 0;
}

int
cl_oauth2_response_has_token(const char *value)
{
	const char *p = value;

	while (*p) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n == 5 && !strncmp(p, "token", 5))
			return 1;
		p += n;
	}
	return 0;
}

size_t
cl_auth_values(const struct cl_auth_method *m, const char *key,
               struct cl_auth_value *out, size_t max)
{
	const struct cl_param_list *lists[] = { &m->url_params, &m->headers,
		                                &m->body.params };
	const struct cl_variable *v = cl_var_list_find(&m->variables, key);
	size_t n = 0, l, i;

	if (v && max) {
		struct cl_span span = cl_var_key_span(v);
		const char *d = cl_var_default_at(v, &span);

		if (d && !strstr(d, "{{")) {
			out[n].value = d;
			out[n].span = span;
			out[n].what = "default";
			n++;
		}
	}
	for (l = 0; l < CL_ARRAY_SIZE(lists); l++) {
		for (i = 0; i < lists[l]->n && n < max; i++) {
			const struct cl_param *p = &lists[l]->items[i];

			if (strcmp(p->key, key) || !p->value ||
			    strstr(p->value, "{{"))
				continue;
			out[n].value = p->value;
			out[n].span = cl_node_attr_span(p->node, "value");
			out[n].what = "param";
			n++;
		}
	}
	return n;
}

const struct cl_variable *
cl_auth_placeholder_var(const struct cl_auth_method *m, const char *value)
{
	struct cl_placeholder_match pm;
	const struct cl_variable *v;
	size_t pos = 0, len = strlen(value);
	char *key;

	if (!cl_placeholder_next(value, len, &pos, &pm) || pm.start != 0 ||
	    pm.end != len)
		return NULL;
	key = cl_strndup(value + pm.key_start, pm.key_end - pm.key_start);
	v = cl_var_list_find(&m->variables, key);
	free(key);
	return v && cl_var_default(v) ? v : NULL;
}

int
cl_has_malformed_placeholder(const char *value)
{
	struct cl_placeholder_match pm;
	size_t pos = 0;

	return cl_placeholder_next_malformed(value, strlen(value), &pos, &pm);
}

struct cl_span
cl_var_default_span(const struct cl_variable *v)
{
	struct cl_span span = cl_var_key_span(v);

	cl_var_default_at(v, &span);
	return span;
}
