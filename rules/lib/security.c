/* What the security rules share; see security.h. */
#include "security.h"

#include <string.h>

#include "secretscan.h"

int
cl_is_secret_key(const char *key)
{
	return cl_secret_key(key, strlen(key), 0);
}

int
cl_has_literal_text(const char *v)
{
	return cl_secret_has_literal(v, strlen(v));
}

const char *
cl_var_scope_word(enum cl_var_scope s)
{
	switch (s) {
	case CL_SCOPE_CONNECTOR:
		return "connector variable";
	case CL_SCOPE_AUTH:
		return "auth variable";
	case CL_SCOPE_ENDPOINT:
		return "endpoint variable";
	}
	return "variable";
}
