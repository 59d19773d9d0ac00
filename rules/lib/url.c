/* URL splitting and query parsing; see url.h. */
#include "ascii.h"
#include "url.h"

#include <string.h>

#include "span.h"

int
cl_url_split(const char *u, size_t *scheme_end, size_t *auth, size_t *auth_end)
{
	size_t i = 0;

	if (!cl_ascii_isalpha(u[0]))
		return 0;
	while (cl_ascii_isalpha(u[i]) || cl_ascii_isdigit(u[i]) ||
	       u[i] == '+' || u[i] == '-' || u[i] == '.')
		i++;
	if (strncmp(u + i, "://", 3))
		return 0;
	*scheme_end = i;
	*auth = i + 3;
	for (i += 3; u[i] && u[i] != '/' && u[i] != '?' && u[i] != '#'; i++)
		;
	*auth_end = i;
	return 1;
}

const char *
cl_url_path(const char *u)
{
	size_t se, a, ae;
	const char *p;

	/* A scheme's characters hold no ':', so its "://" is the first. */
	if (cl_url_split(u, &se, &a, &ae))
		return strchr(u + a, '/');
	p = strstr(u, "://");
	return p ? strchr(p + 3, '/') : strchr(u, '/');
}

void
cl_query_init(struct cl_query *q, const struct cl_ctx *ctx,
              const struct cl_node *node, const char *text)
{
	const char *mark = text ? strchr(text, '?') : NULL;

	q->ctx = ctx;
	q->node = node;
	q->text = text;
	q->pos = q->end = 0;
	if (!node || !mark)
		return;
	q->pos = (size_t)(mark - text) + 1;
	q->end = q->pos + strcspn(mark + 1, "#");
}

int
cl_query_next(struct cl_query *q, struct cl_qparam *out)
{
	while (q->pos < q->end) {
		size_t s = q->pos, e = s, eq = 0;

		while (e < q->end && q->text[e] != '&') {
			if (q->text[e] == '=' && !eq)
				eq = e;
			e++;
		}
		q->pos = e + 1;
		out->key_start = s;
		out->key_end = eq ? eq : e;
		out->value_start = eq ? eq + 1 : e;
		out->value_end = e;
		if (out->key_end > out->key_start)
			return 1;
	}
	return 0;
}

int
cl_query_is(const struct cl_query *q, size_t s, size_t e, const char *lit)
{
	return strlen(lit) == e - s && !memcmp(q->text + s, lit, e - s);
}

int
cl_query_has(const struct cl_query *q, size_t s, size_t e, const char *lit)
{
	size_t n = strlen(lit), i;

	for (i = s; i + n <= e; i++)
		if (!memcmp(q->text + i, lit, n))
			return 1;
	return 0;
}

char *
cl_query_dup(const struct cl_query *q, size_t s, size_t e)
{
	return cl_strndup(q->text + s, e - s);
}

struct cl_span
cl_query_span(const struct cl_query *q, size_t s, size_t e)
{
	return cl_elem_part_span(q->ctx, q->node, q->text, s, e);
}
