/*
 * The element and attribute names of the connector format, interned: the
 * parser tags every element and attribute with its cl_name, so structural
 * checks and the model builder compare small integers, not strings.
 */
#ifndef CL_NAMES_H
#define CL_NAMES_H

/* X(id, "spelling"): one entry per distinct name (element or attribute). */
/* One name after another, as the table reads: */
/* clang-format off */
#define CL_NAME_LIST(X)                                                   \
	X(CONNECTOR, "connector") X(DESCRIPTION, "description")            \
	X(VARIABLES, "variables") X(VARIABLE, "variable") X(USE, "use")     \
	X(AUTH_METHODS, "auth-methods") X(AUTH_METHOD, "auth-method")       \
	X(URL, "url") X(ADDITIONAL_URL, "additional-url")                   \
	X(URL_PARAMS, "url-params") X(HEADERS, "headers") X(BODY, "body")    \
	X(PARAM, "param") X(CONTENT, "content") X(ENDPOINTS, "endpoints")   \
	X(ENDPOINT, "endpoint") X(PAGINATION, "pagination")                 \
	X(OPTION, "option") X(ENABLE, "enable")                             \
	X(FORMAT, "format") X(NAME, "name") X(VERSION, "version")           \
	X(VERSION_NAME, "version-name") X(SYSTEM_TYPE, "system-type")       \
	X(PROTOCOL, "protocol") X(WEBHOOK, "webhook") X(KEY, "key")         \
	X(LABEL, "label") X(ALIAS, "alias") X(DEFAULT, "default")           \
	X(REQUIRED, "required") X(CONFIGURABLE, "configurable")             \
	X(ADVANCED, "advanced") X(SECRET, "secret") X(LOCKED, "locked")     \
	X(VALUE, "value") X(AUTOMATIC, "automatic")                         \
	X(DATA_TYPE, "data-type") X(INDEX, "index") X(ID, "id")             \
	X(TYPE, "type") X(ENTITY, "entity") X(DIRECTION, "direction")       \
	X(METHOD, "method") X(MULTIPLE_RECORDS, "multiple-records")
/* clang-format on */

enum cl_name {
	CL_N_OTHER = 0, /* not a name of the format */
#define CL_NAME_ENUM(id, s) CL_N_##id,
	CL_NAME_LIST(CL_NAME_ENUM)
#undef CL_NAME_ENUM
	CL_N_COUNT
};

/* The spelling of NAME; "" for CL_N_OTHER. Static storage. */
const char *cl_name_str(enum cl_name name);

#endif /* CL_NAMES_H */
