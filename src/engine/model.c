/*
 * The model builder: one pass over the element tree that checks structure
 * against the format's element table (CL002, CL003) and builds the typed
 * model (model.h). The table below is the C twin of schema/connector.rng;
 * tests/check_schema.c keeps the two in agreement.
 */
#include "model.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "placeholder.h"
#include "catalogue.h"
#include "ctx.h"

/* ---- the element table ---- */

enum attr_kind {
	A_TEXT,
	A_BOOL,
	A_ENUM,
	A_INT,
	A_AUTH_ID
};

struct attr_def {
	enum cl_name id; /* CL_N_OTHER ends a list */
	bool required;
	enum attr_kind kind;
	const char *const *values; /* A_ENUM: NULL-terminated */
};

struct elem_def;
struct child_def {
	enum cl_name id; /* CL_N_OTHER ends a list */
	const struct elem_def *def;
	bool once;     /* at most one */
	bool required; /* at least one */
};

struct elem_def {
	enum cl_name id;
	const struct attr_def *attrs;     /* { NULL } terminated */
	const struct child_def *children; /* { NULL } terminated */
	bool text;                        /* character data allowed */
};

static const char *const bool_values[] = { "true", "false", NULL };
static const char *const protocol_values[] = { "HTTP",  "SOAP",  "FTP",
	                                       "SFTP",  "FTPS",  "S3",
	                                       "MySQL", "PGSQL", "SQLSRV",
	                                       NULL };
static const char *const auth_type_values[] = { "basic",
	                                        "token",
	                                        "oauth1",
	                                        "oauth2-client-credentials",
	                                        "oauth2-authorization-code",
	                                        "oauth2-authorisation-code",
	                                        "soap",
	                                        NULL };
static const char *const body_format_values[] = { "form", "raw", "text", "none",
	                                          NULL };
static const char *const data_type_values[] = { "json", "xml", "csv", "txt",
	                                        NULL };
static const char *const direction_values[] = { "receive", "send", NULL };
static const char *const method_values[] = { "GET",     "POST",    "PUT",
	                                     "PATCH",   "DELETE",  "HEAD",
	                                     "OPTIONS", "CONNECT", "TRACE",
	                                     NULL };
static const char *const pagination_values[] = { "none",
	                                         "next-page-url",
	                                         "next-page-token",
	                                         "page-number",
	                                         "limit-offset",
	                                         "link-header",
	                                         "custom-relative-uri",
	                                         "graphql-cursor",
	                                         "script",
	                                         NULL };

#define END_ATTRS                               \
	{                                       \
		CL_N_OTHER, false, A_TEXT, NULL \
	}
#define END_CHILDREN                           \
	{                                      \
		CL_N_OTHER, NULL, false, false \
	}

static const struct elem_def text_def = {
	CL_N_OTHER, (const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, true
};

static const struct attr_def variable_attrs[] = {
	{ CL_N_KEY, true, A_TEXT, NULL },
	{ CL_N_LABEL, false, A_TEXT, NULL },
	{ CL_N_ALIAS, false, A_TEXT, NULL },
	{ CL_N_DEFAULT, false, A_TEXT, NULL },
	{ CL_N_REQUIRED, false, A_BOOL, bool_values },
	{ CL_N_CONFIGURABLE, false, A_BOOL, bool_values },
	{ CL_N_ADVANCED, false, A_BOOL, bool_values },
	{ CL_N_SECRET, false, A_BOOL, bool_values },
	{ CL_N_LOCKED, false, A_BOOL, bool_values },
	END_ATTRS
};
static const struct elem_def variable_def = {
	CL_N_VARIABLE, variable_attrs,
	(const struct child_def[]){ END_CHILDREN }, false
};

static const struct attr_def use_attrs[] = {
	{ CL_N_VARIABLE, true, A_TEXT, NULL },
	{ CL_N_REQUIRED, false, A_BOOL, bool_values },
	{ CL_N_CONFIGURABLE, false, A_BOOL, bool_values },
	{ CL_N_ADVANCED, false, A_BOOL, bool_values },
	{ CL_N_LABEL, false, A_TEXT, NULL },
	END_ATTRS
};
static const struct elem_def use_def = {
	CL_N_USE, use_attrs, (const struct child_def[]){ END_CHILDREN }, false
};

static const struct elem_def variables_def = {
	CL_N_VARIABLES, (const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){
	    { CL_N_VARIABLE, &variable_def, false, false }, END_CHILDREN },
	false
};
static const struct elem_def auth_variables_def = {
	CL_N_VARIABLES, (const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){
	    { CL_N_VARIABLE, &variable_def, false, false },
	    { CL_N_USE, &use_def, false, false },
	    END_CHILDREN },
	false
};

static const struct attr_def param_attrs[] = {
	{ CL_N_KEY, true, A_TEXT, NULL },
	{ CL_N_VALUE, false, A_TEXT, NULL },
	{ CL_N_REQUIRED, false, A_BOOL, bool_values },
	{ CL_N_CONFIGURABLE, false, A_BOOL, bool_values },
	{ CL_N_LOCKED, false, A_BOOL, bool_values },
	{ CL_N_LABEL, false, A_TEXT, NULL },
	{ CL_N_ALIAS, false, A_TEXT, NULL },
	END_ATTRS
};
static const struct elem_def param_def = {
	CL_N_PARAM, param_attrs, (const struct child_def[]){ END_CHILDREN },
	false
};
static const struct child_def param_children[] = {
	{ CL_N_PARAM, &param_def, false, false }, END_CHILDREN
};
static const struct elem_def params_def = {
	CL_N_URL_PARAMS, (const struct attr_def[]){ END_ATTRS }, param_children,
	false
};
static const struct elem_def endpoint_headers_def = {
	CL_N_HEADERS,
	(const struct attr_def[]){
	    { CL_N_AUTOMATIC, false, A_BOOL, bool_values }, END_ATTRS },
	param_children, false
};

static const struct elem_def body_def = {
	CL_N_BODY,
	(const struct attr_def[]){
	    { CL_N_FORMAT, false, A_ENUM, body_format_values },
	    { CL_N_DATA_TYPE, false, A_ENUM, data_type_values },
	    END_ATTRS },
	(const struct child_def[]){ { CL_N_PARAM, &param_def, false, false },
	                            { CL_N_CONTENT, &text_def, true, false },
	                            END_CHILDREN },
	false
};

static const struct elem_def additional_url_def = {
	CL_N_ADDITIONAL_URL,
	(const struct attr_def[]){ { CL_N_INDEX, true, A_INT, NULL },
	                           END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, true
};

static const struct elem_def auth_method_def = {
	CL_N_AUTH_METHOD,
	(const struct attr_def[]){
	    { CL_N_ID, true, A_AUTH_ID, NULL },
	    { CL_N_NAME, true, A_TEXT, NULL },
	    { CL_N_TYPE, true, A_ENUM, auth_type_values },
	    END_ATTRS },
	(const struct child_def[]){
	    { CL_N_URL, &text_def, true, false },
	    { CL_N_ADDITIONAL_URL, &additional_url_def, false, false },
	    { CL_N_VARIABLES, &auth_variables_def, true, false },
	    { CL_N_URL_PARAMS, &params_def, true, false },
	    { CL_N_HEADERS, &params_def, true, false },
	    { CL_N_BODY, &body_def, true, false },
	    END_CHILDREN },
	false
};

static const struct elem_def auth_methods_def = {
	CL_N_AUTH_METHODS, (const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){
	    { CL_N_AUTH_METHOD, &auth_method_def, false, false },
	    END_CHILDREN },
	false
};

static const struct elem_def option_def = {
	CL_N_OPTION,
	(const struct attr_def[]){ { CL_N_KEY, true, A_TEXT, NULL },
	                           { CL_N_VALUE, false, A_TEXT, NULL },
	                           END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, false
};

static const struct elem_def pagination_def = {
	CL_N_PAGINATION,
	(const struct attr_def[]){
	    { CL_N_METHOD, true, A_ENUM, pagination_values }, END_ATTRS },
	(const struct child_def[]){ { CL_N_OPTION, &option_def, false, false },
	                            END_CHILDREN },
	false
};

static const struct elem_def enable_def = {
	CL_N_ENABLE,
	(const struct attr_def[]){ { CL_N_AUTH_METHOD, true, A_TEXT, NULL },
	                           END_ATTRS },
	(const struct child_def[]){ END_CHILDREN }, false
};

static const struct elem_def endpoint_def = {
	CL_N_ENDPOINT,
	(const struct attr_def[]){
	    { CL_N_ID, true, A_TEXT, NULL },
	    { CL_N_NAME, true, A_TEXT, NULL },
	    { CL_N_ENTITY, false, A_TEXT, NULL },
	    { CL_N_DIRECTION, true, A_ENUM, direction_values },
	    { CL_N_METHOD, true, A_ENUM, method_values },
	    { CL_N_DATA_TYPE, false, A_ENUM, data_type_values },
	    { CL_N_MULTIPLE_RECORDS, false, A_BOOL, bool_values },
	    END_ATTRS },
	(const struct child_def[]){
	    { CL_N_URL, &text_def, true, true },
	    { CL_N_URL_PARAMS, &params_def, true, false },
	    { CL_N_HEADERS, &endpoint_headers_def, true, false },
	    { CL_N_BODY, &body_def, true, false },
	    { CL_N_VARIABLES, &variables_def, true, false },
	    { CL_N_PAGINATION, &pagination_def, true, false },
	    { CL_N_ENABLE, &enable_def, false, false },
	    END_CHILDREN },
	false
};

static const struct elem_def endpoints_def = {
	CL_N_ENDPOINTS, (const struct attr_def[]){ END_ATTRS },
	(const struct child_def[]){
	    { CL_N_ENDPOINT, &endpoint_def, false, false }, END_CHILDREN },
	false
};

/* `format` is checked by CL003, and a missing <auth-methods> or
 * <endpoints> is CL004/CL005, so the table does not require them. */
static const struct elem_def connector_def = {
	CL_N_CONNECTOR,
	(const struct attr_def[]){
	    { CL_N_FORMAT, false, A_TEXT, NULL },
	    { CL_N_NAME, true, A_TEXT, NULL },
	    { CL_N_VERSION, false, A_INT, NULL },
	    { CL_N_VERSION_NAME, false, A_TEXT, NULL },
	    { CL_N_SYSTEM_TYPE, false, A_TEXT, NULL },
	    { CL_N_PROTOCOL, false, A_ENUM, protocol_values },
	    { CL_N_WEBHOOK, false, A_BOOL, bool_values },
	    END_ATTRS },
	(const struct child_def[]){
	    { CL_N_DESCRIPTION, &text_def, true, false },
	    { CL_N_VARIABLES, &variables_def, true, false },
	    { CL_N_AUTH_METHODS, &auth_methods_def, true, false },
	    { CL_N_ENDPOINTS, &endpoints_def, true, false },
	    END_CHILDREN },
	false
};

/* ---- structural validation ---- */

static size_t
list_len(const char *const *v)
{
	size_t n = 0;

	while (v[n])
		n++;
	return n;
}

static void
join_values(struct cl_strbuf *sb, const char *const *v)
{
	size_t i;

	for (i = 0; v[i]; i++) {
		if (i)
			cl_strbuf_adds(sb, v[i + 1] ? ", " : " or ");
		cl_strbuf_addf(sb, "`%s`", v[i]);
	}
}

static bool
is_auth_id(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      s[i] == '-'))
			return false;
	return true;
}

static bool
is_uint(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return i > 0 && i < 10;
}

CL_NOINLINE static void
check_attr_value(struct cl_ctx *ctx, const struct cl_node *n,
                 const struct cl_attr *a, const struct attr_def *d)
{
	/* The message's buffer is set up only for a wrong value (most are
	 * right): zeroing it up front cost every attribute. */
	struct cl_strbuf sb;
	const char *near;

	switch (d->kind) {
	case A_TEXT:
		return;
	case A_INT:
		if (!is_uint(a->value))
			cl_report(
			    ctx, &cl_rule_CL002, a->value_span,
			    "`%s` of `<%s>` must be a whole number, not `%s`",
			    a->name, n->name, a->value);
		return;
	case A_AUTH_ID:
		if (!is_auth_id(a->value))
			cl_report(
			    ctx, &cl_rule_CL002, a->value_span,
			    "auth method id `%s` must start with a lower-case letter or digit and hold only lower-case letters, digits, `_` and `-`",
			    a->value);
		return;
	case A_BOOL:
	case A_ENUM:
		for (size_t i = 0; d->values[i]; i++)
			if (cl_streq(d->values[i], a->value))
				return;
		sb = (struct cl_strbuf)CL_STRBUF_INIT;
		join_values(&sb, d->values);
		near = cl_nearmiss(a->value, d->values, list_len(d->values));
		cl_report(
		    ctx, &cl_rule_CL002, a->value_span,
		    "`%s` is not a valid %s for `<%s>`: expected %s%s%s%s",
		    a->value, a->name, n->name, cl_strbuf_str(&sb),
		    near ? "; did you mean `" : "", near ? near : "",
		    near ? "`?" : "");
		cl_strbuf_release(&sb);
		return;
	}
}

/* The spellings of a definition's names, for "did you mean". */
static size_t
attr_names(const struct elem_def *def, const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; def->attrs[i].id != CL_N_OTHER && n < max; i++)
		names[n++] = cl_name_str(def->attrs[i].id);
	return n;
}

static size_t
child_names(const struct elem_def *def, const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; def->children[i].id != CL_N_OTHER && n < max; i++)
		names[n++] = cl_name_str(def->children[i].id);
	return n;
}

CL_NOINLINE static void
unknown_attr(struct cl_ctx *ctx, const struct cl_node *n,
             const struct cl_attr *a, const struct elem_def *def)
{
	const char *names[16] = { NULL }; /* quiets -Wmaybe-uninitialized */
	size_t nnames = attr_names(def, names, CL_ARRAY_SIZE(names));
	const char *near = cl_nearmiss(a->name, names, nnames);

	if (near)
		cl_report(
		    ctx, &cl_rule_CL002, a->name_span,
		    "unknown attribute `%s` on `<%s>`; did you mean `%s`?",
		    a->name, n->name, near);
	else
		cl_report(ctx, &cl_rule_CL002, a->name_span,
		          "unknown attribute `%s` on `<%s>`", a->name, n->name);
}

/*
 * What validate asks of a definition, worked out once from the table: the
 * position of each allowed name (a lookup by the interned id instead of a
 * scan of the list for every attribute and child of every element) and
 * which positions are required (one mask test instead of a second scan).
 * Positions are those of the lists, so diagnostics come out in the same
 * order as a scan would give them.
 */
struct def_index {
	const struct elem_def *def;
	unsigned char attr[CL_N_COUNT];  /* position + 1; 0: not allowed */
	unsigned char child[CL_N_COUNT]; /* position + 1; 0: not allowed */
	uint64_t attr_required, child_required; /* bit = position */
	/* Positions whose value is checked (not free text), of those the
	 * booleans, and the children allowed only once. */
	uint64_t attr_checked, attr_bool, child_once;
	/* By name: the bit of its position (0: not allowed), the shift
	 * worked out once. */
	uint64_t attr_bit[CL_N_COUNT], child_bit[CL_N_COUNT];
	/* By name: the child's index (NULL: not allowed). */
	const struct def_index *child_x[CL_N_COUNT];
	bool text; /* the definition's: no pointer to follow per element */
	const struct def_index *child_index[64]; /* by child position */
};

/* The table has fewer definitions than this (BUG otherwise). */
static struct def_index def_indexes[32];
static size_t n_def_indexes;
static pthread_once_t def_index_once = PTHREAD_ONCE_INIT;

static const struct def_index *
index_def(const struct elem_def *def)
{
	struct def_index *x;
	size_t i;

	/* Definitions are shared (text_def, the variable lists): one index
	 * each. */
	for (i = 0; i < n_def_indexes; i++)
		if (def_indexes[i].def == def)
			return &def_indexes[i];
	if (n_def_indexes == CL_ARRAY_SIZE(def_indexes))
		BUG("more element definitions than def_indexes holds");
	x = &def_indexes[n_def_indexes++];
	x->def = def;
	for (i = 0; def->attrs[i].id != CL_N_OTHER; i++) {
		if (i >= 64)
			BUG("more than 64 attributes in a definition");
		/* The first entry of a name, as a scan finds it. */
		if (!x->attr[def->attrs[i].id]) {
			x->attr[def->attrs[i].id] = (unsigned char)(i + 1);
			x->attr_bit[def->attrs[i].id] = (uint64_t)1 << i;
		}
		if (def->attrs[i].required)
			x->attr_required |= (uint64_t)1 << i;
		if (def->attrs[i].kind != A_TEXT)
			x->attr_checked |= (uint64_t)1 << i;
		if (def->attrs[i].kind == A_BOOL)
			x->attr_bool |= (uint64_t)1 << i;
	}
	for (i = 0; def->children[i].id != CL_N_OTHER; i++) {
		if (i >= 64)
			BUG("more than 64 children in a definition");
		if (!x->child[def->children[i].id]) {
			x->child[def->children[i].id] = (unsigned char)(i + 1);
			x->child_bit[def->children[i].id] = (uint64_t)1 << i;
		}
		if (def->children[i].required)
			x->child_required |= (uint64_t)1 << i;
		if (def->children[i].once)
			x->child_once |= (uint64_t)1 << i;
	}
	x->text = def->text;
	for (i = 0; def->children[i].id != CL_N_OTHER; i++)
		x->child_index[i] = index_def(def->children[i].def);
	for (i = 0; i < CL_N_COUNT; i++)
		if (x->child[i])
			x->child_x[i] = x->child_index[x->child[i] - 1];
	return x;
}

static void
index_defs(void)
{
	index_def(&connector_def);
}

/* Whether V is "true" or "false" (byte tests: most checked values are
 * flags, and all but a few are right). */
static inline bool
is_bool_text(const char *v)
{
	if (v[0] == 't')
		return v[1] == 'r' && v[2] == 'u' && v[3] == 'e' && !v[4];
	return v[0] == 'f' && v[1] == 'a' && v[2] == 'l' && v[3] == 's' &&
	       v[4] == 'e' && !v[5];
}

/* The reports for required attributes N lacks (SEEN: the positions it
 * has). Out of line, with the other reports, so that the walk over every
 * element stays small. */
CL_NOINLINE static void
missing_attrs(struct cl_ctx *ctx, const struct cl_node *n,
              const struct elem_def *def, uint64_t seen)
{
	size_t i;

	for (i = 0; def->attrs[i].id != CL_N_OTHER; i++)
		if (def->attrs[i].required && !(seen & ((uint64_t)1 << i)))
			cl_report(
			    ctx, &cl_rule_CL002, n->name_span,
			    "`<%s>` is missing the required attribute `%s`",
			    n->name, cl_name_str(def->attrs[i].id));
}

/* Whether attribute value V is right for D (a checked kind). */
static bool
attr_value_ok(const struct attr_def *d, const char *v)
{
	const char *const *e;

	switch (d->kind) {
	case A_TEXT:
		return true;
	case A_INT:
		return is_uint(v);
	case A_AUTH_ID:
		return is_auth_id(v);
	case A_BOOL:
		return is_bool_text(v);
	case A_ENUM:
		for (e = d->values; *e; e++)
			if (cl_streq(*e, v))
				return true;
		return false;
	}
	return false;
}

/* The reports for N's attributes, in attribute order, then the missing
 * ones: only for an element check_attrs found a problem in. */
CL_NOINLINE static void
report_attrs(struct cl_ctx *ctx, const struct cl_node *n,
             const struct def_index *x)
{
	uint64_t seen = 0;
	unsigned k;

	for (k = 0; k < n->nattrs; k++) {
		const struct cl_attr *a = &n->attrs[k];
		unsigned pos = x->attr[a->id];

		if (pos) {
			seen |= (uint64_t)1 << (pos - 1);
			check_attr_value(ctx, n, a, &x->def->attrs[pos - 1]);
		} else {
			unknown_attr(ctx, n, a, x->def);
		}
	}
	if (x->attr_required & ~seen)
		missing_attrs(ctx, n, x->def, seen);
}

/* Checks N's attributes against X. The walk calls nothing (so it is cheap
 * for every element, most of them right); the reports are worked out
 * again by report_attrs when something is wrong. */
#ifdef __GNUC__
__attribute__((always_inline))
#endif
static inline void
check_attrs(struct cl_ctx *ctx, const struct cl_node *n,
            const struct def_index *x)
{
	/* No arithmetic on a NULL attrs (an element without attributes). */
	const struct cl_attr *a = n->attrs, *end = a ? a + n->nattrs : a;
	uint64_t seen = 0;
	bool ok = true;

	for (; a < end; a++) {
		/* CL_N_OTHER is never in a list: 0, unknown. */
		uint64_t bit = x->attr_bit[a->id];

		if (!bit) {
			ok = false;
			break;
		}
		seen |= bit;
		if (!(x->attr_checked & bit))
			continue;
		if (x->attr_bool & bit
		        ? !is_bool_text(a->value)
		        : !attr_value_ok(&x->def->attrs[x->attr[a->id] - 1],
		                         a->value)) {
			ok = false;
			break;
		}
	}
	if (!ok || (x->attr_required & ~seen))
		report_attrs(ctx, n, x);
}

CL_NOINLINE static void
unknown_child(struct cl_ctx *ctx, const struct cl_node *n,
              const struct cl_node *c, const struct elem_def *def)
{
	const char *names[16] = { NULL }; /* quiets -Wmaybe-uninitialized */
	size_t nnames = child_names(def, names, CL_ARRAY_SIZE(names));
	const char *near = cl_nearmiss(c->name, names, nnames);

	if (near)
		cl_report(
		    ctx, &cl_rule_CL002, c->name_span,
		    "unknown element `<%s>` in `<%s>`; did you mean `<%s>`?",
		    c->name, n->name, near);
	else if (nnames)
		cl_report(ctx, &cl_rule_CL002, c->name_span,
		          "unknown element `<%s>` in `<%s>`", c->name, n->name);
	else
		cl_report(ctx, &cl_rule_CL002, c->name_span,
		          "`<%s>` cannot contain elements, found `<%s>`",
		          n->name, c->name);
}

CL_NOINLINE static void
text_not_allowed(struct cl_ctx *ctx, const struct cl_node *n)
{
	cl_report(ctx, &cl_rule_CL002, n->name_span,
	          "text is not allowed directly inside `<%s>`", n->name);
}

CL_NOINLINE static void
second_child(struct cl_ctx *ctx, const struct cl_node *n,
             const struct cl_node *c)
{
	const struct cl_node *first = cl_node_child_id(n, c->id);
	struct cl_diag *d = cl_report(ctx, &cl_rule_CL002, c->name_span,
	                              "`<%s>` may appear only once in `<%s>`",
	                              c->name, n->name);

	cl_report_related(ctx, d, first->name_span, "first `<%s>` is here",
	                  c->name);
}

CL_NOINLINE static void
missing_children(struct cl_ctx *ctx, const struct cl_node *n,
                 const struct elem_def *def, uint64_t seen)
{
	size_t i;

	for (i = 0; def->children[i].id != CL_N_OTHER; i++)
		if (def->children[i].required && !(seen & ((uint64_t)1 << i)))
			cl_report(
			    ctx, &cl_rule_CL002, n->name_span,
			    "`<%s>` is missing the required element `<%s>`",
			    n->name, cl_name_str(def->children[i].id));
}

/* Validates N (whose definition is X's) and everything known below it. */
static void
validate(struct cl_ctx *ctx, const struct cl_node *n, const struct def_index *x)
{
	const struct cl_node *c;
	uint64_t seen = 0;

	check_attrs(ctx, n, x);
	if (!x->text && n->text[0])
		text_not_allowed(ctx, n);
	for (c = n->children; c; c = c->next) {
		const struct def_index *cx;
		/* CL_N_OTHER is never in a list: 0, unknown. */
		uint64_t bit = x->child_bit[c->id];

		if (!bit) {
			unknown_child(ctx, n, c, x->def);
			continue;
		}
		if (x->child_once & seen & bit)
			second_child(ctx, n, c);
		seen |= bit;
		cx = x->child_x[c->id];
		if (c->children) {
			validate(ctx, c, cx);
			continue;
		}
		/* A leaf (most elements are), checked here as validate would
		 * check it, without the call. */
		check_attrs(ctx, c, cx);
		if (!cx->text && c->text[0])
			text_not_allowed(ctx, c);
		if (cx->child_required)
			missing_children(ctx, c, cx->def, 0);
	}
	if (x->child_required & ~seen)
		missing_children(ctx, n, x->def, seen);
}

static void
check_format(struct cl_ctx *ctx, const struct cl_node *root)
{
	const struct cl_attr *f = cl_node_attr(root, "format");

	if (!f)
		cl_report(
		    ctx, &cl_rule_CL003, root->name_span,
		    "`<connector>` has no `format` attribute; add `format=\"1\"`");
	else if (strcmp(f->value, "1"))
		cl_report(
		    ctx, &cl_rule_CL003, f->value_span,
		    "format version `%s` is not supported; connlint %s understands format `1`",
		    f->value, CONNLINT_VERSION);
}

/* ---- model building ---- */

/* "true" or "false" as a flag, anything else as DFLT (reported by
 * CL002). Byte tests instead of two string comparisons: every flag of
 * every variable and param comes through here. */
static inline bool
bool_value(const char *v, bool dflt)
{
	if (v[0] == 't')
		return v[1] == 'r' && v[2] == 'u' && v[3] == 'e' && !v[4]
		           ? true
		           : dflt;
	if (v[0] == 'f')
		return v[1] == 'a' && v[2] == 'l' && v[3] == 's' &&
		               v[4] == 'e' && !v[5]
		           ? false
		           : dflt;
	return dflt;
}

static bool
attr_bool(const struct cl_node *n, enum cl_name name, bool dflt)
{
	const char *v = cl_node_attr_value_id(n, name);

	return v ? bool_value(v, dflt) : dflt;
}

static const char *
attr_str(const struct cl_node *n, enum cl_name name)
{
	const char *v = cl_node_attr_value_id(n, name);

	return v ? v : "";
}

static size_t
count_children(const struct cl_node *n, enum cl_name name)
{
	const struct cl_node *c;
	size_t k = 0;

	if (!n)
		return 0;
	for (c = n->children; c; c = c->next)
		k += c->id == name;
	return k;
}

static bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *
trimmed(struct cl_arena *a, const char *s)
{
	size_t n;

	while (space(*s))
		s++;
	n = strlen(s);
	while (n && space(s[n - 1]))
		n--;
	return cl_arena_strndup(a, s, n);
}

static struct cl_text
build_text(struct cl_ctx *ctx, const struct cl_node *n)
{
	struct cl_text t = { n, "" };

	if (n)
		t.value = trimmed(&ctx->arena, n->text);
	return t;
}

/*
 * The builders read an element's attributes in one pass, switching on the
 * interned id, instead of one lookup per field. The pass runs backwards so
 * that the first of two attributes of the same id is the one kept, as a
 * lookup would find it.
 */
static void
build_variable(const struct cl_node *n, enum cl_var_scope scope,
               struct cl_variable *v)
{
	unsigned k;

	/* Every field set here: V comes unzeroed from the arena. */
	*v = (struct cl_variable){ .node = n, .scope = scope, .key = "" };
	if (n->id == CL_N_USE) {
		v->is_use = true;
		for (k = n->nattrs; k-- > 0;) {
			const struct cl_attr *a = &n->attrs[k];

			if (a->id == CL_N_VARIABLE)
				v->key = a->value;
			else if (a->id == CL_N_LABEL)
				v->label = a->value;
		}
		return; /* flags resolved against the connector variable later */
	}
	for (k = n->nattrs; k-- > 0;) {
		const struct cl_attr *a = &n->attrs[k];

		switch (a->id) {
		case CL_N_KEY:
			v->key = a->value;
			break;
		case CL_N_LABEL:
			v->label = a->value;
			break;
		case CL_N_ALIAS:
			v->alias = a->value;
			break;
		case CL_N_DEFAULT:
			v->default_value = a->value;
			break;
		case CL_N_REQUIRED:
			v->required = bool_value(a->value, false);
			break;
		case CL_N_CONFIGURABLE:
			v->configurable = bool_value(a->value, false);
			break;
		case CL_N_ADVANCED:
			v->advanced = bool_value(a->value, false);
			break;
		case CL_N_SECRET:
			v->secret = bool_value(a->value, false);
			break;
		case CL_N_LOCKED:
			v->locked = bool_value(a->value, false);
			break;
		default:
			break;
		}
	}
}

/* Lists at least this long get a hash table: every placeholder is looked
 * up in several lists, and scanning one of 20,000 variables for each of
 * 20,000 placeholders took minutes (issue 16, B12). */
#define VAR_INDEX_MIN 32

static size_t
var_key_hash(const char *key)
{
	uint64_t h = 14695981039346656037u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211u;
	return (size_t)(h ^ (h >> 32));
}

/* Fills OUT's hash table when OUT is long: the first variable of each
 * key, the one cl_var_list_find returns. */
static void
index_var_list(struct cl_ctx *ctx, struct cl_var_list *out)
{
	size_t i, k;

	if (out->n < VAR_INDEX_MIN || out->n > UINT32_MAX / 2)
		return;
	for (out->nslots = 64; out->nslots < 2 * out->n; out->nslots *= 2)
		;
	out->slots =
	    cl_arena_alloc(&ctx->arena, out->nslots * sizeof(*out->slots));
	memset(out->slots, 0, out->nslots * sizeof(*out->slots));
	for (i = 0; i < out->n; i++) {
		const char *key = out->items[i].key;

		for (k = var_key_hash(key) & (out->nslots - 1); out->slots[k];
		     k = (k + 1) & (out->nslots - 1))
			if (cl_streq(out->items[out->slots[k] - 1].key, key))
				break;
		if (!out->slots[k])
			out->slots[k] = (uint32_t)(i + 1);
	}
}

/* Endpoints from which on an id is looked up by hash: below, a scan is
 * cheaper than making the table for every file, which a plain lint
 * never reads; above, connlint diff's pairing of the endpoints of two
 * versions by id would grow with the square of their number. */
#define ENDPOINT_INDEX_MIN 64

/* C's endpoint_slots when it has many endpoints: the first of each id. */
static void
index_endpoints(struct cl_ctx *ctx, struct cl_connector *c)
{
	size_t i, k, mask;

	if (c->n_endpoints < ENDPOINT_INDEX_MIN ||
	    c->n_endpoints > UINT32_MAX / 2)
		return;
	for (c->endpoint_nslots = 64; c->endpoint_nslots < 2 * c->n_endpoints;
	     c->endpoint_nslots *= 2)
		;
	mask = c->endpoint_nslots - 1;
	c->endpoint_slots = cl_arena_alloc(
	    &ctx->arena, c->endpoint_nslots * sizeof(*c->endpoint_slots));
	for (i = 0; i < c->n_endpoints; i++) {
		const char *id = c->endpoints[i].id;

		for (k = var_key_hash(id) & mask; c->endpoint_slots[k];
		     k = (k + 1) & mask)
			if (cl_streq(c->endpoints[c->endpoint_slots[k] - 1].id,
			             id))
				break;
		if (!c->endpoint_slots[k])
			c->endpoint_slots[k] = (uint32_t)(i + 1);
	}
}

static void
build_var_list(struct cl_ctx *ctx, const struct cl_node *n,
               enum cl_var_scope scope, struct cl_var_list *out)
{
	const struct cl_node *c;

	size_t k = 0;

	out->node = n;
	if (!n)
		return;
	for (c = n->children; c; c = c->next)
		k += c->id == CL_N_VARIABLE || c->id == CL_N_USE;
	/* Not zeroed: build_variable sets every field. */
	out->items = cl_arena_alloc_raw(&ctx->arena, sizeof(*out->items) * k);
	for (c = n->children; c; c = c->next) {
		if (c->id == CL_N_VARIABLE ||
		    (scope == CL_SCOPE_AUTH && c->id == CL_N_USE))
			build_variable(c, scope, &out->items[out->n++]);
	}
	index_var_list(ctx, out);
}

/* Fills OUT from the CHILD elements of N (param or option). */
static void
build_params(struct cl_ctx *ctx, const struct cl_node *n, enum cl_name child,
             enum cl_place place, struct cl_param_list *out)
{
	const struct cl_node *c;

	out->node = n;
	if (!n)
		return;
	/* Not zeroed: every field is set below. */
	out->items = cl_arena_alloc_raw(
	    &ctx->arena, sizeof(*out->items) * count_children(n, child));
	for (c = n->children; c; c = c->next) {
		struct cl_param *p;
		unsigned k;

		if (c->id != child)
			continue;
		p = &out->items[out->n++];
		*p = (struct cl_param){
			.node = c, .place = place, .key = "", .required = true
		};
		for (k = c->nattrs; k-- > 0;) {
			const struct cl_attr *a = &c->attrs[k];

			switch (a->id) {
			case CL_N_KEY:
				p->key = a->value;
				break;
			case CL_N_VALUE:
				p->value = a->value;
				break;
			case CL_N_REQUIRED:
				p->required = bool_value(a->value, true);
				break;
			case CL_N_CONFIGURABLE:
				p->configurable = bool_value(a->value, false);
				break;
			case CL_N_LOCKED:
				p->locked = bool_value(a->value, false);
				break;
			case CL_N_LABEL:
				p->label = a->value;
				break;
			case CL_N_ALIAS:
				p->alias = a->value;
				break;
			default:
				break;
			}
		}
	}
}

static enum cl_body_format
parse_body_format(const char *v)
{
	static const struct {
		const char *name;
		enum cl_body_format f;
	} map[] = {
		{ "form", CL_BODY_FORM },
		{ "raw", CL_BODY_RAW },
		{ "text", CL_BODY_TEXT },
		{ "none", CL_BODY_NONE },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(map); i++)
		if (cl_streq(map[i].name, v))
			return map[i].f;
	return CL_BODY_UNKNOWN;
}

static void
build_body(struct cl_ctx *ctx, const struct cl_node *n, struct cl_body *b)
{
	const char *f;

	b->node = n;
	b->format = CL_BODY_NONE;
	if (!n)
		return;
	build_params(ctx, n, CL_N_PARAM, CL_PLACE_BODY, &b->params);
	b->content = build_text(ctx, cl_node_child_id(n, CL_N_CONTENT));
	b->data_type = cl_node_attr_value_id(n, CL_N_DATA_TYPE);
	f = cl_node_attr_value_id(n, CL_N_FORMAT);
	if (f) {
		b->format_given = true;
		b->format = parse_body_format(f);
	} else {
		b->format = b->params.n ? CL_BODY_FORM : CL_BODY_NONE;
	}
}

static enum cl_auth_type
parse_auth_type(const char *v)
{
	static const struct {
		const char *name;
		enum cl_auth_type t;
	} map[] = {
		{ "basic", CL_AUTH_BASIC },
		{ "token", CL_AUTH_TOKEN },
		{ "oauth1", CL_AUTH_OAUTH1 },
		{ "oauth2-client-credentials", CL_AUTH_OAUTH2_CC },
		{ "oauth2-authorization-code", CL_AUTH_OAUTH2_AC },
		{ "oauth2-authorisation-code", CL_AUTH_OAUTH2_AC },
		{ "soap", CL_AUTH_SOAP },
	};
	size_t i;

	if (!v)
		return CL_AUTH_UNKNOWN;
	for (i = 0; i < CL_ARRAY_SIZE(map); i++)
		if (cl_streq(map[i].name, v))
			return map[i].t;
	return CL_AUTH_UNKNOWN;
}

const char *
cl_auth_type_name(enum cl_auth_type type)
{
	switch (type) {
	case CL_AUTH_BASIC:
		return "basic";
	case CL_AUTH_TOKEN:
		return "token";
	case CL_AUTH_OAUTH1:
		return "oauth1";
	case CL_AUTH_OAUTH2_CC:
		return "oauth2-client-credentials";
	case CL_AUTH_OAUTH2_AC:
		return "oauth2-authorization-code";
	case CL_AUTH_SOAP:
		return "soap";
	case CL_AUTH_UNKNOWN:
		return "unknown";
	}
	BUG("unknown auth type %d", (int)type);
}

int
cl_auth_type_is_oauth2(enum cl_auth_type type)
{
	return type == CL_AUTH_OAUTH2_CC || type == CL_AUTH_OAUTH2_AC;
}

static void
build_auth_method(struct cl_ctx *ctx, const struct cl_node *n,
                  struct cl_auth_method *m)
{
	const struct cl_node *c, *url = NULL, *vars = NULL, *params = NULL,
	                         *headers = NULL, *body = NULL;
	size_t n_urls = 0;
	unsigned k;

	memset(m, 0, sizeof(*m));
	m->node = n;
	m->id = m->name = "";
	m->type = CL_AUTH_UNKNOWN;
	for (k = n->nattrs; k-- > 0;) {
		const struct cl_attr *a = &n->attrs[k];

		if (a->id == CL_N_ID)
			m->id = a->value;
		else if (a->id == CL_N_NAME)
			m->name = a->value;
		else if (a->id == CL_N_TYPE)
			m->type = parse_auth_type(a->value);
	}
	/* The first child of each name, found in one walk of the list. */
	for (c = n->children; c; c = c->next) {
		switch (c->id) {
		case CL_N_URL:
			if (!url)
				url = c;
			break;
		case CL_N_ADDITIONAL_URL:
			n_urls++;
			break;
		case CL_N_VARIABLES:
			if (!vars)
				vars = c;
			break;
		case CL_N_URL_PARAMS:
			if (!params)
				params = c;
			break;
		case CL_N_HEADERS:
			if (!headers)
				headers = c;
			break;
		case CL_N_BODY:
			if (!body)
				body = c;
			break;
		default:
			break;
		}
	}
	m->url = build_text(ctx, url);
	/* Not zeroed: every field is set below. */
	m->additional_urls = cl_arena_alloc_raw(
	    &ctx->arena, sizeof(*m->additional_urls) * n_urls);
	for (c = n_urls ? n->children : NULL; c; c = c->next) {
		struct cl_additional_url *u;
		const char *idx;

		if (c->id != CL_N_ADDITIONAL_URL)
			continue;
		u = &m->additional_urls[m->n_additional_urls++];
		u->node = c;
		idx = cl_node_attr_value_id(c, CL_N_INDEX);
		u->index = idx && is_uint(idx) ? atoi(idx) : -1;
		u->value = trimmed(&ctx->arena, c->text);
	}
	build_var_list(ctx, vars, CL_SCOPE_AUTH, &m->variables);
	build_params(ctx, params, CL_N_PARAM, CL_PLACE_URL_PARAMS,
	             &m->url_params);
	build_params(ctx, headers, CL_N_PARAM, CL_PLACE_HEADERS, &m->headers);
	build_body(ctx, body, &m->body);
}

static enum cl_direction
parse_direction(const char *v)
{
	if (v && cl_streq(v, "receive"))
		return CL_DIR_RECEIVE;
	if (v && cl_streq(v, "send"))
		return CL_DIR_SEND;
	return CL_DIR_UNKNOWN;
}

static enum cl_data_type
parse_data_type(const char *v)
{
	if (!v || cl_streq(v, "json"))
		return CL_DATA_JSON;
	if (cl_streq(v, "xml"))
		return CL_DATA_XML;
	if (cl_streq(v, "csv"))
		return CL_DATA_CSV;
	if (cl_streq(v, "txt"))
		return CL_DATA_TXT;
	return CL_DATA_UNKNOWN;
}

static void
build_endpoint(struct cl_ctx *ctx, const struct cl_node *n,
               struct cl_endpoint *e)
{
	const struct cl_node *c, *url = NULL, *params = NULL, *h = NULL,
	                         *body = NULL, *vars = NULL, *p = NULL,
	                         *first_enable = NULL;
	const char *direction = NULL, *data_type = NULL;
	size_t n_enables = 0;
	unsigned k;

	memset(e, 0, sizeof(*e));
	e->node = n;
	e->id = e->name = "";
	for (k = n->nattrs; k-- > 0;) {
		const struct cl_attr *a = &n->attrs[k];

		switch (a->id) {
		case CL_N_ID:
			e->id = a->value;
			break;
		case CL_N_NAME:
			e->name = a->value;
			break;
		case CL_N_ENTITY:
			e->entity = a->value;
			break;
		case CL_N_DIRECTION:
			direction = a->value;
			break;
		case CL_N_METHOD:
			e->method = a->value;
			break;
		case CL_N_DATA_TYPE:
			data_type = a->value;
			break;
		case CL_N_MULTIPLE_RECORDS:
			e->multiple_records = bool_value(a->value, false);
			break;
		default:
			break;
		}
	}
	e->direction = parse_direction(direction);
	e->data_type = parse_data_type(data_type);
	/* The first child of each name, found in one walk of the list. */
	for (c = n->children; c; c = c->next) {
		switch (c->id) {
		case CL_N_URL:
			if (!url)
				url = c;
			break;
		case CL_N_URL_PARAMS:
			if (!params)
				params = c;
			break;
		case CL_N_HEADERS:
			if (!h)
				h = c;
			break;
		case CL_N_BODY:
			if (!body)
				body = c;
			break;
		case CL_N_VARIABLES:
			if (!vars)
				vars = c;
			break;
		case CL_N_PAGINATION:
			if (!p)
				p = c;
			break;
		case CL_N_ENABLE:
			if (!n_enables++)
				first_enable = c;
			break;
		default:
			break;
		}
	}
	e->url = build_text(ctx, url);
	build_params(ctx, params, CL_N_PARAM, CL_PLACE_URL_PARAMS,
	             &e->url_params);
	build_params(ctx, h, CL_N_PARAM, CL_PLACE_HEADERS, &e->headers);
	e->automatic_headers = h ? attr_bool(h, CL_N_AUTOMATIC, true) : true;
	build_body(ctx, body, &e->body);
	build_var_list(ctx, vars, CL_SCOPE_ENDPOINT, &e->variables);
	e->pagination.node = p;
	if (p) {
		e->pagination.method = cl_node_attr_value_id(p, CL_N_METHOD);
		build_params(ctx, p, CL_N_OPTION, CL_PLACE_URL_PARAMS,
		             &e->pagination.options);
	}
	/* Not zeroed: every field but the target, set after all methods are
	 * built, is set below. */
	e->enables =
	    cl_arena_alloc_raw(&ctx->arena, sizeof(*e->enables) * n_enables);
	for (c = first_enable; c; c = c->next) {
		struct cl_enable *en;

		if (c->id != CL_N_ENABLE)
			continue;
		en = &e->enables[e->n_enables++];
		en->node = c;
		en->auth_method = "";
		for (k = c->nattrs; k-- > 0;)
			if (c->attrs[k].id == CL_N_AUTH_METHOD)
				en->auth_method = c->attrs[k].value;
		en->target = NULL;
	}
}

/* A <use> takes its flags from the connector variable unless it overrides
 * them itself. */
static void
resolve_uses(struct cl_connector *c)
{
	size_t i, j;
	unsigned k;

	for (i = 0; i < c->n_auth_methods; i++) {
		struct cl_var_list *vl = &c->auth_methods[i].variables;

		for (j = 0; j < vl->n; j++) {
			struct cl_variable *u = &vl->items[j];
			const struct cl_variable *t;

			if (!u->is_use)
				continue;
			t = cl_var_list_find(&c->variables, u->key);
			u->target = t;
			if (!t)
				continue;
			u->required = t->required;
			u->configurable = t->configurable;
			u->advanced = t->advanced;
			/* Backwards: the first of an id is the one kept. */
			for (k = u->node->nattrs; k-- > 0;) {
				const struct cl_attr *a = &u->node->attrs[k];

				if (a->id == CL_N_REQUIRED)
					u->required =
					    bool_value(a->value, t->required);
				else if (a->id == CL_N_CONFIGURABLE)
					u->configurable = bool_value(
					    a->value, t->configurable);
				else if (a->id == CL_N_ADVANCED)
					u->advanced =
					    bool_value(a->value, t->advanced);
			}
			if (!u->label)
				u->label = t->label;
			u->alias = t->alias;
			u->default_value = t->default_value;
			u->secret = t->secret;
			u->locked = t->locked;
		}
	}
}

/* ---- templates and placeholders ---- */

/* At most how many templates an owner has (every param counted, with a
 * value or not): build_placeholders writes templates in place into an
 * array of this size, once. */
static size_t
max_owner_templates(const struct cl_text *url,
                    const struct cl_param_list *url_params,
                    const struct cl_param_list *headers,
                    const struct cl_body *body, size_t n_additional_urls)
{
	return (url->node != NULL) + n_additional_urls + url_params->n +
	       headers->n + body->params.n + (body->content.node != NULL);
}

static struct cl_template *
add_template(struct cl_template *t, enum cl_template_kind kind,
             const struct cl_node *node, const struct cl_param *param,
             const struct cl_auth_method *auth,
             const struct cl_endpoint *endpoint, struct cl_span span)
{
	t->kind = kind;
	t->node = node;
	t->param = param;
	t->auth = auth;
	t->endpoint = endpoint;
	t->span = span;
	return t + 1;
}

static struct cl_template *
add_param_templates(struct cl_template *t, const struct cl_param_list *pl,
                    const struct cl_auth_method *auth,
                    const struct cl_endpoint *endpoint)
{
	size_t i;

	for (i = 0; i < pl->n; i++) {
		const struct cl_param *p = &pl->items[i];
		const struct cl_attr *a;

		if (!p->value)
			continue;
		/* The attribute P's value came from: the first `value` (there
		 * is one, since P has a value). */
		for (a = p->node->attrs; a->id != CL_N_VALUE; a++)
			;
		t = add_template(t, CL_TPL_PARAM_VALUE, p->node, p, auth,
		                 endpoint, a->value_span);
	}
	return t;
}

static struct cl_template *
add_owner_templates(struct cl_template *t, const struct cl_text *url,
                    const struct cl_param_list *url_params,
                    const struct cl_param_list *headers,
                    const struct cl_body *body,
                    const struct cl_auth_method *auth,
                    const struct cl_endpoint *endpoint)
{
	if (url->node)
		t = add_template(t, CL_TPL_URL, url->node, NULL, auth, endpoint,
		                 url->node->inner_span);
	if (auth) {
		size_t i;

		for (i = 0; i < auth->n_additional_urls; i++)
			t = add_template(
			    t, CL_TPL_ADDITIONAL_URL,
			    auth->additional_urls[i].node, NULL, auth, NULL,
			    auth->additional_urls[i].node->inner_span);
	}
	t = add_param_templates(t, url_params, auth, endpoint);
	t = add_param_templates(t, headers, auth, endpoint);
	t = add_param_templates(t, &body->params, auth, endpoint);
	if (body->content.node)
		t = add_template(t, CL_TPL_BODY_CONTENT, body->content.node,
		                 NULL, auth, endpoint,
		                 body->content.node->inner_span);
	return t;
}

/* Stands in for the variables of an enabled method that does not exist. */
static const struct cl_var_list no_vars;

const struct cl_var_list *
cl_model_scope_list(const struct cl_connector *c, const struct cl_template *tpl,
                    size_t i)
{
	const struct cl_endpoint *e = tpl->endpoint;

	if (tpl->auth)
		return i == 0 ? &tpl->auth->variables : NULL;
	if (!e)
		BUG("template without an owner");
	if (i == 0)
		return &e->variables;
	if (i == 1)
		return &c->variables;
	if (i - 2 >= e->n_enables)
		return NULL;
	return e->enables[i - 2].target ? &e->enables[i - 2].target->variables
	                                : &no_vars;
}

static const struct cl_variable *
find_indexed(const struct cl_var_list *vars, const char *key);

/*
 * cl_var_list_find, in line for scope_find (a few lookups for each
 * placeholder). The first byte is tested before strcmp is called: most
 * keys differ there. (Calling strcmp in the loop, rather than tail-calling
 * a function of its own to scan on from the first candidate, measured
 * cheaper both here and for the rules' calls.)
 */
static inline const struct cl_variable *
var_list_find(const struct cl_var_list *vars, const char *key)
{
	const struct cl_variable *v, *end;

	if (vars->slots)
		return find_indexed(vars, key);
	if (!vars->n)
		return NULL; /* items may be NULL: no arithmetic on it */
	/* Most keys differ in their first byte: strcmp only for those that
	 * do not. */
	end = vars->items + vars->n;
	if (!key[0]) {
		for (v = vars->items; v < end; v++)
			if (!v->key[0])
				return v;
		return NULL;
	}
	for (v = vars->items; v < end; v++)
		if (v->key[0] == key[0] && !strcmp(v->key + 1, key + 1))
			return v;
	return NULL;
}

/* P's variable: the first of its key in the lists of its scope, in
 * cl_model_scope_list's order. */
static const struct cl_variable *
scope_find(const struct cl_connector *c, const struct cl_placeholder *p)
{
	const struct cl_var_list *l;
	const struct cl_variable *v;
	size_t i;

	for (i = 0; (l = cl_model_scope_list(c, p->tpl, i)); i++)
		if ((v = var_list_find(l, p->key)))
			return v;
	return NULL;
}

static void
build_placeholders(struct cl_ctx *ctx, struct cl_connector *c)
{
	struct cl_template *t;
	struct cl_placeholder *ph;
	size_t i, ntpl = 0, nph = 0, phalloc;

	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		ntpl +=
		    max_owner_templates(&m->url, &m->url_params, &m->headers,
		                        &m->body, m->n_additional_urls);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		ntpl += max_owner_templates(&e->url, &e->url_params,
		                            &e->headers, &e->body, 0);
	}
	/* Not zeroed: every field of every template is set. */
	t = c->templates =
	    cl_arena_alloc_raw(&ctx->arena, sizeof(*c->templates) * ntpl);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		t = add_owner_templates(t, &m->url, &m->url_params, &m->headers,
		                        &m->body, m, NULL);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		t = add_owner_templates(t, &e->url, &e->url_params, &e->headers,
		                        &e->body, NULL, e);
	}
	c->n_templates = (size_t)(t - c->templates);

	/* In the arena, sized for about one placeholder a template: one
	 * allocation for most files, and nothing to copy or free. */
	phalloc = c->n_templates + 8;
	ph = cl_arena_alloc_raw(&ctx->arena, sizeof(*ph) * phalloc);
	for (i = 0; i < c->n_templates; i++) {
		const struct cl_template *tp = &c->templates[i];
		const char *s = ctx->buf + tp->span.start;
		size_t len = tp->span.end - tp->span.start, pos = 0;
		struct cl_placeholder_match m;

		while (cl_placeholder_next(s, len, &pos, &m)) {
			struct cl_placeholder *p;

			if (nph == phalloc) {
				struct cl_placeholder *more =
				    cl_arena_alloc_raw(
				        &ctx->arena, sizeof(*ph) * 2 * phalloc);

				memcpy(more, ph, sizeof(*ph) * nph);
				ph = more;
				phalloc *= 2;
			}
			p = &ph[nph++];
			p->tpl = tp;
			p->key = cl_arena_strndup(&ctx->arena, s + m.key_start,
			                          m.key_end - m.key_start);
			p->span.start = tp->span.start + (uint32_t)m.start;
			p->span.end = tp->span.start + (uint32_t)m.end;
			p->key_span.start =
			    tp->span.start + (uint32_t)m.key_start;
			p->key_span.end = tp->span.start + (uint32_t)m.key_end;
		}
	}
	c->placeholders = ph;
	c->n_placeholders = nph;
	for (i = 0; i < nph; i++)
		c->placeholders[i].var = scope_find(c, &c->placeholders[i]);
}

struct cl_connector *
cl_model_build(struct cl_ctx *ctx, const struct cl_node *root)
{
	struct cl_connector *c = cl_arena_alloc(&ctx->arena, sizeof(*c));
	const struct cl_node *n;
	size_t i;

	if (root->id != CL_N_CONNECTOR)
		BUG("cl_model_build called on <%s>", root->name);
	check_format(ctx, root);
	if (pthread_once(&def_index_once, index_defs))
		BUG("pthread_once failed");
	/* The first index is connector_def's. */
	validate(ctx, root, &def_indexes[0]);

	c->node = root;
	c->format = cl_node_attr_value_id(root, CL_N_FORMAT);
	c->name = attr_str(root, CL_N_NAME);
	c->protocol = cl_node_attr_value_id(root, CL_N_PROTOCOL);
	c->webhook = attr_bool(root, CL_N_WEBHOOK, false);
	c->description =
	    build_text(ctx, cl_node_child_id(root, CL_N_DESCRIPTION));
	build_var_list(ctx, cl_node_child_id(root, CL_N_VARIABLES),
	               CL_SCOPE_CONNECTOR, &c->variables);

	/* Only the first <auth-methods> and <endpoints> count; a second one
	 * is a CL002 already. */
	c->auth_methods_node = n = cl_node_child_id(root, CL_N_AUTH_METHODS);
	/* Not zeroed here: each builder zeroes its element (one memset of
	 * the whole array was a string instruction run per byte). */
	c->auth_methods = cl_arena_alloc_raw(
	    &ctx->arena,
	    sizeof(*c->auth_methods) * count_children(n, CL_N_AUTH_METHOD));
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->id == CL_N_AUTH_METHOD)
			build_auth_method(
			    ctx, n, &c->auth_methods[c->n_auth_methods++]);

	c->endpoints_node = n = cl_node_child_id(root, CL_N_ENDPOINTS);
	c->endpoints = cl_arena_alloc_raw(&ctx->arena,
	                                  sizeof(*c->endpoints) *
	                                      count_children(n, CL_N_ENDPOINT));
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->id == CL_N_ENDPOINT)
			build_endpoint(ctx, n, &c->endpoints[c->n_endpoints++]);

	resolve_uses(c);
	for (i = 0; i < c->n_endpoints; i++) {
		struct cl_endpoint *e = &c->endpoints[i];

		for (size_t k = 0; k < e->n_enables; k++)
			e->enables[k].target =
			    cl_model_auth_method(c, e->enables[k].auth_method);
	}
	index_endpoints(ctx, c);
	build_placeholders(ctx, c);
	return c;
}

/* ---- lookups ---- */

const struct cl_auth_method *
cl_model_auth_method(const struct cl_connector *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->n_auth_methods; i++)
		if (cl_streq(c->auth_methods[i].id, id))
			return &c->auth_methods[i];
	return NULL;
}

const struct cl_endpoint *
cl_model_endpoint(const struct cl_connector *c, const char *id)
{
	size_t i, mask = c->endpoint_nslots - 1;

	if (!c->endpoint_slots) {
		for (i = 0; i < c->n_endpoints; i++)
			if (cl_streq(c->endpoints[i].id, id))
				return &c->endpoints[i];
		return NULL;
	}
	for (i = var_key_hash(id) & mask; c->endpoint_slots[i];
	     i = (i + 1) & mask)
		if (cl_streq(c->endpoints[c->endpoint_slots[i] - 1].id, id))
			return &c->endpoints[c->endpoint_slots[i] - 1];
	return NULL;
}

/* The hash table of a long list, out of line: most lists are short. */
CL_NOINLINE static const struct cl_variable *
find_indexed(const struct cl_var_list *vars, const char *key)
{
	size_t i;

	for (i = var_key_hash(key) & (vars->nslots - 1); vars->slots[i];
	     i = (i + 1) & (vars->nslots - 1))
		if (cl_streq(vars->items[vars->slots[i] - 1].key, key))
			return &vars->items[vars->slots[i] - 1];
	return NULL;
}

const struct cl_variable *
cl_var_list_find(const struct cl_var_list *vars, const char *key)
{
	return var_list_find(vars, key);
}

const struct cl_param *
cl_param_list_find(const struct cl_param_list *params, const char *key)
{
	size_t i;

	for (i = 0; i < params->n; i++)
		if (cl_streq(params->items[i].key, key))
			return &params->items[i];
	return NULL;
}

const struct cl_param *
cl_param_list_find_header(const struct cl_param_list *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (!cl_strcasecmp(h->items[i].key, name))
			return &h->items[i];
	return NULL;
}

/* ---- the element table, for editors (model.h) ---- */

/* The opaque type is the table's own definition: never dereferenced as
 * anything else. */
static const struct elem_def *
schema_def(const struct cl_schema_elem *e)
{
	return (const struct elem_def *)(const void *)e;
}

static const struct cl_schema_elem *
schema_elem(const struct elem_def *d)
{
	return (const struct cl_schema_elem *)(const void *)d;
}

static const struct attr_def *
schema_attr(const struct cl_schema_elem *e, enum cl_name name)
{
	const struct elem_def *d = schema_def(e);
	size_t i;

	if (!d || name == CL_N_OTHER)
		return NULL;
	for (i = 0; d->attrs[i].id != CL_N_OTHER; i++)
		if (d->attrs[i].id == name)
			return &d->attrs[i];
	return NULL;
}

const struct cl_schema_elem *
cl_schema_root(void)
{
	return schema_elem(&connector_def);
}

const struct cl_schema_elem *
cl_schema_child(const struct cl_schema_elem *e, enum cl_name name)
{
	const struct elem_def *d = schema_def(e);
	size_t i;

	if (!d || name == CL_N_OTHER)
		return NULL;
	for (i = 0; d->children[i].id != CL_N_OTHER; i++)
		if (d->children[i].id == name)
			return schema_elem(d->children[i].def);
	return NULL;
}

enum cl_name
cl_schema_child_at(const struct cl_schema_elem *e, size_t i, bool *once,
                   bool *required)
{
	const struct elem_def *d = schema_def(e);
	size_t k;

	if (!d)
		return CL_N_OTHER;
	for (k = 0; k < i && d->children[k].id != CL_N_OTHER; k++)
		;
	if (once)
		*once = d->children[k].once;
	if (required)
		*required = d->children[k].required;
	return d->children[k].id;
}

enum cl_name
cl_schema_attr_at(const struct cl_schema_elem *e, size_t i, bool *required)
{
	const struct elem_def *d = schema_def(e);
	size_t k;

	if (!d)
		return CL_N_OTHER;
	for (k = 0; k < i && d->attrs[k].id != CL_N_OTHER; k++)
		;
	if (required)
		*required = d->attrs[k].required;
	return d->attrs[k].id;
}

bool
cl_schema_has_attr(const struct cl_schema_elem *e, enum cl_name name,
                   enum cl_schema_attr_kind *kind)
{
	const struct attr_def *a = schema_attr(e, name);

	if (!a)
		return false;
	if (kind) {
		switch (a->kind) {
		case A_TEXT:
			*kind = CL_SCHEMA_TEXT;
			break;
		case A_BOOL:
			*kind = CL_SCHEMA_BOOL;
			break;
		case A_ENUM:
			*kind = CL_SCHEMA_ENUM;
			break;
		case A_INT:
			*kind = CL_SCHEMA_INT;
			break;
		case A_AUTH_ID:
			*kind = CL_SCHEMA_AUTH_ID;
			break;
		}
	}
	return true;
}

const char *const *
cl_schema_attr_values(const struct cl_schema_elem *e, enum cl_name name)
{
	const struct attr_def *a = schema_attr(e, name);

	return a ? a->values : NULL;
}

bool
cl_schema_text(const struct cl_schema_elem *e)
{
	const struct elem_def *d = schema_def(e);

	return d && d->text;
}
