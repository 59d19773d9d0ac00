/*
 * The typed model of a connector definition (format version 1, see
 * docs/format.md). Built once per file from the element tree by
 * cl_model_build(), which also reports structural problems (CL002, CL003).
 * Rules read only this model. Everything is allocated in the file's arena;
 * every item keeps the element it came from, for positions.
 *
 * The builder is forgiving: unknown elements and attributes are reported
 * and skipped, missing attributes read as NULL (or "" for keys and ids), so
 * rules still see as much of the connector as can be understood.
 */
#ifndef CL_MODEL_H
#define CL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "xml.h"

struct cl_ctx;

/* ---- variables ---- */

enum cl_var_scope {
	CL_SCOPE_CONNECTOR,
	CL_SCOPE_AUTH,
	CL_SCOPE_ENDPOINT
};

struct cl_variable {
	const struct cl_node *node; /* <variable> or <use> */
	enum cl_var_scope scope;
	const char *key; /* never NULL: "" when the attribute is missing */
	const char *label, *alias, *default_value; /* NULL when absent */
	/* Effective flags: for a <use>, the use's own attribute where given,
	 * else the connector variable's. */
	bool required, configurable, advanced, secret, locked;
	bool is_use; /* <use variable="KEY"/> in an auth method */
	/* For a use: the connector variable it names, NULL when undefined. */
	const struct cl_variable *target;
};

struct cl_var_list {
	const struct cl_node *node; /* the <variables> element, NULL if absent */
	struct cl_variable *items;
	size_t n;
	/* For a long list, a hash table of the first variable of each key
	 * (index + 1; 0: empty), in the arena; NULL for a short one. */
	uint32_t *slots;
	size_t nslots; /* a power of two */
};

/* ---- params ---- */

enum cl_place {
	CL_PLACE_URL_PARAMS,
	CL_PLACE_HEADERS,
	CL_PLACE_BODY
};

struct cl_param {
	const struct cl_node *node;
	enum cl_place place;
	const char *key;   /* never NULL */
	const char *value; /* NULL when absent */
	bool required;     /* default true */
	bool configurable, locked;
	const char *label, *alias;
};

struct cl_param_list {
	const struct cl_node *node; /* <url-params>, <headers> or <body> */
	struct cl_param *items;
	size_t n;
};

/* ---- text elements ---- */

struct cl_text {
	const struct cl_node *node; /* NULL when the element is absent */
	const char *value;          /* decoded, trimmed; "" when empty */
};

enum cl_body_format {
	CL_BODY_FORM,
	CL_BODY_RAW,
	CL_BODY_TEXT,
	CL_BODY_NONE,
	CL_BODY_UNKNOWN
};

struct cl_body {
	const struct cl_node *node; /* NULL when there is no <body> */
	/* Effective: the attribute, else form with params, else none. */
	enum cl_body_format format;
	bool format_given;
	const char *data_type; /* the body's data-type attribute, or NULL */
	struct cl_param_list params;
	struct cl_text content;
};

/* ---- auth methods ---- */

enum cl_auth_type {
	CL_AUTH_BASIC,
	CL_AUTH_TOKEN,
	CL_AUTH_OAUTH1,
	CL_AUTH_OAUTH2_CC, /* oauth2-client-credentials */
	CL_AUTH_OAUTH2_AC, /* oauth2-authorization-code (or -authorisation-) */
	CL_AUTH_SOAP,
	CL_AUTH_UNKNOWN /* missing or not in the enumeration (CL002) */
};

struct cl_additional_url {
	const struct cl_node *node;
	int index; /* the index attribute; -1 when missing or not a number */
	const char *value; /* decoded, trimmed */
};

struct cl_auth_method {
	const struct cl_node *node;
	const char *id, *name; /* never NULL */
	enum cl_auth_type type;
	struct cl_text url;
	struct cl_additional_url *additional_urls;
	size_t n_additional_urls;
	struct cl_var_list variables; /* auth variables and uses, in order */
	struct cl_param_list url_params, headers;
	struct cl_body body;
};

/* ---- endpoints ---- */

enum cl_direction {
	CL_DIR_RECEIVE,
	CL_DIR_SEND,
	CL_DIR_UNKNOWN
};
enum cl_data_type {
	CL_DATA_JSON,
	CL_DATA_XML,
	CL_DATA_CSV,
	CL_DATA_TXT,
	CL_DATA_UNKNOWN
};

struct cl_enable {
	const struct cl_node *node;
	const char *auth_method;             /* never NULL */
	const struct cl_auth_method *target; /* NULL when no such method */
};

struct cl_pagination {
	const struct cl_node *node;   /* NULL when absent */
	const char *method;           /* NULL when absent */
	struct cl_param_list options; /* <option key value>, place unused */
};

struct cl_endpoint {
	const struct cl_node *node;
	const char *id, *name; /* never NULL */
	const char *entity;    /* NULL when absent */
	enum cl_direction direction;
	const char *method;          /* as written, NULL when absent */
	enum cl_data_type data_type; /* default json */
	bool multiple_records;
	struct cl_text url;
	struct cl_param_list url_params, headers;
	bool automatic_headers; /* <headers automatic="false"> turns it off */
	struct cl_body body;
	struct cl_var_list variables;
	struct cl_pagination pagination;
	struct cl_enable *enables;
	size_t n_enables;
};

/* ---- templates and placeholders ---- */

/* A place whose text may hold {{key}} placeholders. */
enum cl_template_kind {
	CL_TPL_URL,            /* <url> of an auth method or endpoint */
	CL_TPL_ADDITIONAL_URL, /* <additional-url> */
	CL_TPL_PARAM_VALUE,    /* value attribute of a <param> */
	CL_TPL_BODY_CONTENT    /* <content> of a <body> */
};

struct cl_template {
	enum cl_template_kind kind;
	const struct cl_node *node;   /* url, additional-url, param, content */
	const struct cl_param *param; /* for CL_TPL_PARAM_VALUE, else NULL */
	/* Exactly one owner is set. */
	const struct cl_auth_method *auth;
	const struct cl_endpoint *endpoint;
	/* The raw source text: placeholders are scanned here so that their
	 * spans are exact. */
	struct cl_span span;
};

struct cl_placeholder {
	const struct cl_template *tpl;
	const char *key;         /* the text between the braces */
	struct cl_span span;     /* "{{key}}" */
	struct cl_span key_span; /* "key" */
	/* The variable of exactly this key in the placeholder's scope (the
	 * first found through cl_model_scope_list), NULL when there is none:
	 * looked up once here, since several rules resolve every
	 * placeholder. */
	const struct cl_variable *var;
};

/* ---- connector ---- */

struct cl_connector {
	const struct cl_node *node;
	const char *format;   /* NULL when absent */
	const char *name;     /* never NULL */
	const char *protocol; /* NULL when absent (HTTP) */
	bool webhook;
	struct cl_text description;
	struct cl_var_list variables;
	const struct cl_node *auth_methods_node, *endpoints_node;
	struct cl_auth_method *auth_methods;
	size_t n_auth_methods;
	struct cl_endpoint *endpoints;
	size_t n_endpoints;
	/* For a long list of endpoints, a hash table of the first endpoint
	 * of each id (index + 1; 0 empty), which cl_model_endpoint reads;
	 * NULL for a short one. */
	uint32_t *endpoint_slots;
	size_t endpoint_nslots;
	struct cl_template *templates;
	size_t n_templates;
	/* Every well-formed {{key}} in every template, in document order. */
	struct cl_placeholder *placeholders;
	size_t n_placeholders;
};

/*
 * Builds the model from ROOT (which must be a <connector> element), in the
 * context's arena, reporting CL002 and CL003 to the context. Never NULL.
 */
struct cl_connector *
cl_model_build(struct cl_ctx *ctx, const struct cl_node *root);

/*
 * The I-th variable list a placeholder of TPL can see, most specific
 * first (the scopes of the format spec): the method's own; or the
 * endpoint's, the connector's, then those of each method the endpoint
 * enables (an empty list for an enabled method that does not exist).
 * NULL past the last.
 */
const struct cl_var_list *
cl_model_scope_list(const struct cl_connector *c, const struct cl_template *tpl,
                    size_t i);

/* Lookups; NULL when absent. */
const struct cl_auth_method *
cl_model_auth_method(const struct cl_connector *c, const char *id);
/* The first endpoint of C with id ID (connlint diff pairs every endpoint
 * of one version with the other's by id: by a hash table when there are
 * many, not a scan each). */
const struct cl_endpoint *
cl_model_endpoint(const struct cl_connector *c, const char *id);
const struct cl_variable *
cl_var_list_find(const struct cl_var_list *vars, const char *key);
const struct cl_param *
cl_param_list_find(const struct cl_param_list *params, const char *key);
/* Header lookup: names compared case-insensitively. */
const struct cl_param *
cl_param_list_find_header(const struct cl_param_list *h, const char *name);

/* "oauth2-client-credentials", ... Static storage. */
const char *cl_auth_type_name(enum cl_auth_type type);
/* 1 for both OAuth 2 types. */
int cl_auth_type_is_oauth2(enum cl_auth_type type);

/* ---- the element table, for editors (completion, hover) ----
 *
 * The same table the builder validates with, so that what an editor
 * offers is what the linter accepts. An element's definition depends on
 * its path from the root (<variables> takes <use> only in an auth method),
 * so definitions are reached from the root through cl_schema_child. All
 * pointers are static storage; nothing is freed.
 */
struct cl_schema_elem; /* one definition of the element table */

enum cl_schema_attr_kind {
	CL_SCHEMA_TEXT,
	CL_SCHEMA_BOOL,
	CL_SCHEMA_ENUM,
	CL_SCHEMA_INT,
	CL_SCHEMA_AUTH_ID /* an auth method id: [a-z0-9][a-z0-9_-]* */
};

/* The definition of the root, <connector>. */
const struct cl_schema_elem *cl_schema_root(void);
/* The definition of child NAME of an element defined by E, or NULL when
 * E allows no such child (CL_N_OTHER: NULL). */
const struct cl_schema_elem *
cl_schema_child(const struct cl_schema_elem *e, enum cl_name name);
/* The I-th child E allows (in the table's order), or CL_N_OTHER past the
 * last; *ONCE and *REQUIRED (either may be NULL) get its flags. */
enum cl_name cl_schema_child_at(const struct cl_schema_elem *e, size_t i,
                                bool *once, bool *required);
/* The I-th attribute of E, or CL_N_OTHER past the last; *REQUIRED (may be
 * NULL) gets whether it is required. */
enum cl_name
cl_schema_attr_at(const struct cl_schema_elem *e, size_t i, bool *required);
/* Whether E has attribute NAME; sets *KIND (may be NULL) when it has. */
bool cl_schema_has_attr(const struct cl_schema_elem *e, enum cl_name name,
                        enum cl_schema_attr_kind *kind);
/* The values attribute NAME of E may take (booleans and enumerations), a
 * NULL-terminated list, or NULL for free text or an unknown attribute. */
const char *const *
cl_schema_attr_values(const struct cl_schema_elem *e, enum cl_name name);
/* Whether character data is allowed directly inside E. */
bool cl_schema_text(const struct cl_schema_elem *e);

#endif /* CL_MODEL_H */
