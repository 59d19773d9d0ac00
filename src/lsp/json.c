/* Small json-c helpers for the language server's messages. */
#include <string.h>

#include "lsp.h"

json_object *
cl_lsp_get(json_object *obj, const char *key, json_type type)
{
	json_object *v;

	if (!obj || !json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, type))
		return NULL;
	return v;
}

const char *
cl_lsp_get_string(json_object *obj, const char *key)
{
	json_object *v = cl_lsp_get(obj, key, json_type_string);

	return v ? json_object_get_string(v) : NULL;
}

void
cl_lsp_add_string(json_object *obj, const char *key, const char *s)
{
	json_object_object_add(obj, key, s ? json_object_new_string(s) : NULL);
}

void
cl_lsp_add_int(json_object *obj, const char *key, int64_t v)
{
	json_object_object_add(obj, key, json_object_new_int64(v));
}

json_object *
cl_lsp_text_edit(struct cl_lsp_doc *d, size_t start, size_t end,
                 const char *text)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "range", cl_lsp_range_json(d, start, end));
	cl_lsp_add_string(o, "newText", text);
	return o;
}

json_object *
cl_lsp_workspace_edit(struct cl_lsp_doc *d, json_object *edits)
{
	json_object *o = json_object_new_object(),
	            *changes = json_object_new_object();

	json_object_object_add(changes, d->uri, edits);
	json_object_object_add(o, "changes", changes);
	return o;
}
