/*
 * CL314 empty-scope
 *
 * A required `scope` (RFC 6749 §3.3) with no default and no label saying
 * what to type leaves the user to guess the scopes the connector needs.
 */
#include <string.h>

#include "auth.h"
#include "redirect.h"
#include "vars.h"
#include "oauth2.h"
#include "rule.h"

/*
 * 1 when LABEL tells a user what to type for the scope: not absent, not
 * blank, and not merely the word "scope" (letters and digits compared
 * without case: "Scope", "Scope(s)", "OAuth 2 scopes").
 */
static int
label_helps(const char *label)
{
	static const char *const bare[] = { "",
		                            "scope",
		                            "scopes",
		                            "oauthscope",
		                            "oauthscopes",
		                            "oauth2scope",
		                            "oauth2scopes" };
	char folded[32];
	size_t i, n = 0;

	if (!label)
		return 0;
	for (i = 0; label[i]; i++) {
		char ch = label[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
			continue;
		if (n + 1 >= sizeof(folded))
			return 1;
		folded[n++] = ch;
	}
	folded[n] = '\0';
	for (i = 0; i < CL_ARRAY_SIZE(bare); i++)
		if (!strcmp(folded, bare[i]))
			return 0;
	return 1;
}

static void
check_empty_scope(struct cl_ctx *ctx, const struct cl_connector *c)
{
	const struct cl_auth_method *m;
	size_t i;

	cl_for_each_oauth2(m, c, i, CL_OAUTH2_ANY)
	{
		const struct cl_variable *v;

		v = cl_var_list_find(&m->variables, "scope");
		if (!v || !v->required || cl_var_default(v) ||
		    label_helps(v->label))
			continue;
		cl_report(ctx, &cl_rule_CL314, cl_var_key_span(v),
		          "`scope` of auth method `%s` is required but has no "
		          "default and no label saying what to type: give it "
		          "the scopes the connector needs as its default, or "
		          "a label that lists them",
		          m->id);
	}
}

const struct cl_rule cl_rule_CL314 = {
	.id = "CL314",
	.slug = "empty-scope",
	.severity = CL_SEV_INFO,
	.summary =
	    "a required `scope` variable with no default and no label telling "
	    "the user what to type",
	.check = check_empty_scope,
};
