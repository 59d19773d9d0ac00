/*
 * One line about each element and attribute of the format, for hover and
 * completion, in the words of the format spec (connector-format.md) so
 * that the editor and the spec never say two things. A name whose
 * meaning depends on where it stands (`type`, `format`, `method`, `key`,
 * `variables`) has one row per place; CL_N_OTHER matches any place.
 */
#include <stddef.h>

#include "xmlscan.h"

struct name_doc {
	enum cl_name where; /* elements: the parent; attributes: the element */
	enum cl_name name;
	const char *text;
};

#define ANY CL_N_OTHER

static const struct name_doc elem_docs[] = {
	{ ANY, CL_N_CONNECTOR,
	  "The whole definition: one connector of the platform, one third-party system." },
	{ ANY, CL_N_DESCRIPTION, "What the connector is for, as free text." },
	{ CL_N_CONNECTOR, CL_N_VARIABLES,
	  "Connector variables: values shared by auth methods and endpoints, asked of the user only through an auth method that uses them." },
	{ CL_N_AUTH_METHOD, CL_N_VARIABLES,
	  "Auth variables: what the user gives when adding an instance with this auth method, and `use` elements." },
	{ CL_N_ENDPOINT, CL_N_VARIABLES,
	  "Endpoint variables, shown on the connection shape." },
	{ ANY, CL_N_VARIABLES, "A list of variables." },
	{ ANY, CL_N_VARIABLE,
	  "A variable: a value that `{{key}}` placeholders are replaced with." },
	{ ANY, CL_N_USE,
	  "Makes a connector variable an auth variable of this method, so users adding an instance with it are asked for it." },
	{ ANY, CL_N_AUTH_METHODS,
	  "The auth methods: the ways to authenticate instances of the connector (at least one)." },
	{ ANY, CL_N_AUTH_METHOD,
	  "One way to authenticate instances of the connector." },
	{ CL_N_AUTH_METHOD, CL_N_URL,
	  "The authentication URL; for the OAuth 2 types, the token endpoint." },
	{ CL_N_ENDPOINT, CL_N_URL,
	  "The request URL (required, at most 255 characters after trimming)." },
	{ ANY, CL_N_URL, "A URL; may hold `{{key}}` placeholders." },
	{ ANY, CL_N_ADDITIONAL_URL,
	  "A further URL; for `oauth2-authorization-code`, `index=\"1\"` is the authorise endpoint and is required." },
	{ CL_N_AUTH_METHOD, CL_N_URL_PARAMS,
	  "URL params of the authentication request (for `oauth2-authorization-code`, the query of the authorise request)." },
	{ ANY, CL_N_URL_PARAMS, "Params sent in the URL query." },
	{ CL_N_AUTH_METHOD, CL_N_HEADERS,
	  "Headers of the authentication request, also sent on every endpoint request that enables this method." },
	{ CL_N_ENDPOINT, CL_N_HEADERS,
	  "Headers of the request; `automatic=\"false\"` turns off every header the platform would add itself." },
	{ ANY, CL_N_HEADERS, "Params sent as HTTP headers." },
	{ CL_N_AUTH_METHOD, CL_N_BODY,
	  "The body of the authentication request; its params are also sent on every endpoint request that enables this method." },
	{ ANY, CL_N_BODY,
	  "The request body: `form` params, or `raw`/`text` content." },
	{ ANY, CL_N_PARAM,
	  "A key/value pair sent in a URL query, a header or a body." },
	{ ANY, CL_N_CONTENT,
	  "The text of a `raw` or `text` body (JSON, XML, …); may hold placeholders." },
	{ ANY, CL_N_ENDPOINTS,
	  "The endpoints: the API requests that process flows can run (at least one)." },
	{ ANY, CL_N_ENDPOINT, "One API request that process flows can run." },
	{ ANY, CL_N_PAGINATION,
	  "How the endpoint's results are paged; options are `option key value` children." },
	{ ANY, CL_N_OPTION, "A pagination option: `key` and `value`." },
	{ ANY, CL_N_ENABLE,
	  "Offers this endpoint to instances created with the auth method `auth-method`." },
};

static const struct name_doc attr_docs[] = {
	/* connector */
	{ CL_N_CONNECTOR, CL_N_FORMAT,
	  "Format version (required); `1` for this format." },
	{ CL_N_CONNECTOR, CL_N_NAME,
	  "Display name (required), unique in a marketplace." },
	{ CL_N_CONNECTOR, CL_N_VERSION, "Integer version." },
	{ CL_N_CONNECTOR, CL_N_VERSION_NAME, "Version name, free text." },
	{ CL_N_CONNECTOR, CL_N_SYSTEM_TYPE,
	  "Free text category, e.g. `eCommerce`, `ERP`, `Warehouse`." },
	{ CL_N_CONNECTOR, CL_N_PROTOCOL,
	  "`HTTP` (default), `SOAP`, `FTP`, `SFTP`, `FTPS`, `S3`, `MySQL`, `PGSQL` or `SQLSRV`." },
	{ CL_N_CONNECTOR, CL_N_WEBHOOK,
	  "`true` for a webhook connector (its endpoints must send a `Content-Type` header)." },
	/* variable */
	{ CL_N_VARIABLE, CL_N_KEY,
	  "The name used in `{{key}}` placeholders (required); letters, digits, `_`, `-`, `.`; case-sensitive, unique in its scope." },
	{ CL_N_VARIABLE, CL_N_LABEL, "What the user sees (display name)." },
	{ CL_N_VARIABLE, CL_N_ALIAS,
	  "The third-party system's own name for this value." },
	{ CL_N_VARIABLE, CL_N_DEFAULT,
	  "Pre-filled value, at most 1024 characters." },
	{ CL_N_VARIABLE, CL_N_REQUIRED,
	  "The user must give a value (default `false`)." },
	{ CL_N_VARIABLE, CL_N_CONFIGURABLE,
	  "The user may give a value (default `false`)." },
	{ CL_N_VARIABLE, CL_N_ADVANCED,
	  "Shown to advanced users only (default `false`)." },
	{ CL_N_VARIABLE, CL_N_SECRET,
	  "The value is a credential: masked on screen, never logged (default `false`)." },
	{ CL_N_VARIABLE, CL_N_LOCKED,
	  "A default variable of the auth type: its key must not change (default `false`)." },
	/* use */
	{ CL_N_USE, CL_N_VARIABLE,
	  "The key of the connector variable this auth method uses (required)." },
	{ CL_N_USE, CL_N_REQUIRED,
	  "Overrides the connector variable's `required` for this method." },
	{ CL_N_USE, CL_N_CONFIGURABLE,
	  "Overrides the connector variable's `configurable` for this method." },
	{ CL_N_USE, CL_N_ADVANCED,
	  "Overrides the connector variable's `advanced` for this method." },
	{ CL_N_USE, CL_N_LABEL,
	  "Overrides the connector variable's `label` for this method." },
	/* auth-method */
	{ CL_N_AUTH_METHOD, CL_N_ID,
	  "Unique in the connector (required); `[a-z0-9][a-z0-9_-]*`; endpoints refer to it." },
	{ CL_N_AUTH_METHOD, CL_N_NAME, "Display name (required)." },
	{ CL_N_AUTH_METHOD, CL_N_TYPE,
	  "The authentication type (required): `basic`, `token`, `oauth1`, `oauth2-client-credentials`, `oauth2-authorization-code` or `soap`." },
	/* additional-url */
	{ CL_N_ADDITIONAL_URL, CL_N_INDEX,
	  "Which additional URL (a whole number); `1` is the authorise endpoint of `oauth2-authorization-code`." },
	/* param */
	{ CL_N_PARAM, CL_N_KEY,
	  "Field name as the third-party API spells it (required); case matters, except for header names." },
	{ CL_N_PARAM, CL_N_VALUE, "Static text, or placeholders, or both." },
	{ CL_N_PARAM, CL_N_REQUIRED,
	  "`true` (default): always sent with its value; `false`: optional, the user fills it in." },
	{ CL_N_PARAM, CL_N_CONFIGURABLE, "The user may change the value." },
	{ CL_N_PARAM, CL_N_LOCKED, "A default param of the auth type." },
	{ CL_N_PARAM, CL_N_LABEL, "What the user sees for an optional param." },
	{ CL_N_PARAM, CL_N_ALIAS, "The third-party system's own name." },
	/* headers */
	{ CL_N_HEADERS, CL_N_AUTOMATIC,
	  "`false` turns off every header the platform would add itself, the auth method's included (endpoint headers only)." },
	/* body */
	{ CL_N_BODY, CL_N_FORMAT,
	  "`form` (key/value params), `raw` (a `content` child, e.g. JSON or XML), `text` (a `content` child) or `none`; default `form` with params, else `none`." },
	{ CL_N_BODY, CL_N_DATA_TYPE,
	  "What a `raw` body's content is: `json`, `xml`, `csv` or `txt`." },
	/* endpoint */
	{ CL_N_ENDPOINT, CL_N_ID, "Unique in the connector (required)." },
	{ CL_N_ENDPOINT, CL_N_NAME,
	  "Shown to users (required); should be unique." },
	{ CL_N_ENDPOINT, CL_N_ENTITY, "Entity type, e.g. `Order`." },
	{ CL_N_ENDPOINT, CL_N_DIRECTION,
	  "`receive` (pull data, normally GET) or `send` (push data, normally POST/PUT/PATCH/DELETE); required." },
	{ CL_N_ENDPOINT, CL_N_METHOD,
	  "The HTTP method (required): `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`, `OPTIONS`, `CONNECT` or `TRACE`." },
	{ CL_N_ENDPOINT, CL_N_DATA_TYPE,
	  "`json` (default), `xml`, `csv` or `txt`." },
	{ CL_N_ENDPOINT, CL_N_MULTIPLE_RECORDS,
	  "Whether the endpoint handles multiple records (boolean)." },
	/* pagination, option, enable */
	{ CL_N_PAGINATION, CL_N_METHOD,
	  "The pagination method (required): `none`, `next-page-url`, `next-page-token`, `page-number`, `limit-offset`, `link-header`, `custom-relative-uri`, `graphql-cursor` or `script`." },
	{ CL_N_OPTION, CL_N_KEY, "The pagination option's name (required)." },
	{ CL_N_OPTION, CL_N_VALUE, "The pagination option's value." },
	{ CL_N_ENABLE, CL_N_AUTH_METHOD,
	  "The `id` of an auth method whose instances may use this endpoint (required)." },
};

static const char *
lookup(const struct name_doc *docs, size_t n, enum cl_name where,
       enum cl_name name)
{
	const char *any = NULL;
	size_t i;

	if (name == CL_N_OTHER)
		return NULL;
	for (i = 0; i < n; i++) {
		if (docs[i].name != name)
			continue;
		if (docs[i].where == where && where != ANY)
			return docs[i].text;
		if (docs[i].where == ANY && !any)
			any = docs[i].text;
	}
	return any;
}

const char *
cl_lsp_elem_doc(enum cl_name parent, enum cl_name elem)
{
	return lookup(elem_docs, sizeof(elem_docs) / sizeof(elem_docs[0]),
	              parent, elem);
}

const char *
cl_lsp_attr_doc(enum cl_name elem, enum cl_name attr)
{
	return lookup(attr_docs, sizeof(attr_docs) / sizeof(attr_docs[0]), elem,
	              attr);
}
