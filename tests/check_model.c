/*
 * The typed model: what the builder makes of a connector (uses resolved
 * against connector variables, body format defaults, enables resolved,
 * templates and placeholders with exact spans), and the engine's rule
 * selection through the public API.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "model.h"
#include "rule.h"
#include "xml.h"
#include "lib/check_main.h"

static const char doc[] =
    "<connector format=\"1\" name=\"Shop\">\n"
    "  <variables>\n"
    "    <variable key=\"store\" label=\"Store\" required=\"true\"/>\n"
    "  </variables>\n"
    "  <auth-methods>\n"
    "    <auth-method id=\"tok\" name=\"Token\" type=\"token\">\n"
    "      <url>https://{{store}}/auth</url>\n"
    "      <variables>\n"
    "        <variable key=\"token\" label=\"Token\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
    "        <use variable=\"store\" required=\"false\" configurable=\"true\"/>\n"
    "      </variables>\n"
    "      <headers><param key=\"X-Token\" value=\"{{token}}\"/></headers>\n"
    "    </auth-method>\n"
    "  </auth-methods>\n"
    "  <endpoints>\n"
    "    <endpoint id=\"orders\" name=\"Orders\" direction=\"send\" method=\"POST\" data-type=\"xml\">\n"
    "      <url>https://{{store}}/orders?x={{page}}</url>\n"
    "      <headers automatic=\"false\"><param key=\"Content-Type\" value=\"application/xml\"/></headers>\n"
    "      <body><param key=\"a\" value=\"1\" required=\"false\"/></body>\n"
    "      <variables><variable key=\"page\" default=\"1\"/></variables>\n"
    "      <pagination method=\"page-number\"><option key=\"page_parameter\" value=\"page\"/></pagination>\n"
    "      <enable auth-method=\"tok\"/>\n"
    "      <enable auth-method=\"nope\"/>\n"
    "    </endpoint>\n"
    "  </endpoints>\n"
    "</connector>\n";

static struct cl_ctx ctx;
static cl_linter *linter;

static void
setup(void)
{
	struct cl_xml_error err;
	struct cl_node *root;

	linter = cl_linter_new();
	memset(&ctx, 0, sizeof(ctx));
	ctx.linter = linter;
	ctx.name = "model.xml";
	ctx.buf = doc;
	ctx.len = sizeof(doc) - 1;
	root = cl_xml_parse(&ctx.arena, ctx.buf, ctx.len, &ctx.doc, &err);
	ck_assert_ptr_nonnull(root);
	ctx.model = cl_model_build(&ctx, root);
}

static void
teardown(void)
{
	cl_diag_sink_release(&ctx.sink);
	cl_arena_release(&ctx.arena);
	cl_linter_free(linter);
}

static const char *
text_at(struct cl_span s)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%.*s", (int)(s.end - s.start),
	         doc + s.start);
	return buf;
}

START_TEST(test_connector)
{
	const struct cl_connector *c = ctx.model;

	ck_assert_str_eq(c->format, "1");
	ck_assert_str_eq(c->name, "Shop");
	ck_assert_uint_eq(c->variables.n, 1);
	ck_assert_uint_eq(c->n_auth_methods, 1);
	ck_assert_uint_eq(c->n_endpoints, 1);
	ck_assert_uint_eq(ctx.sink.n, 0); /* structurally valid */
}
END_TEST

START_TEST(test_use_resolved)
{
	const struct cl_auth_method *m = cl_model_auth_method(ctx.model, "tok");
	const struct cl_variable *u;

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(m->type, CL_AUTH_TOKEN);
	ck_assert_str_eq(m->url.value, "https://{{store}}/auth");
	u = cl_var_list_find(&m->variables, "store");
	ck_assert_ptr_nonnull(u);
	ck_assert(u->is_use);
	ck_assert_ptr_eq(u->target, &ctx.model->variables.items[0]);
	/* The use overrides required and configurable, keeps the label. */
	ck_assert(!u->required);
	ck_assert(u->configurable);
	ck_assert_str_eq(u->label, "Store");
	ck_assert(cl_var_list_find(&m->variables, "token")->secret);
}
END_TEST

START_TEST(test_endpoint)
{
	const struct cl_endpoint *e = &ctx.model->endpoints[0];

	ck_assert_int_eq(e->direction, CL_DIR_SEND);
	ck_assert_str_eq(e->method, "POST");
	ck_assert_int_eq(e->data_type, CL_DATA_XML);
	ck_assert(!e->automatic_headers);
	ck_assert_ptr_nonnull(
	    cl_param_list_find_header(&e->headers, "content-type"));
	ck_assert_ptr_null(cl_param_list_find(&e->headers, "content-type"));
	/* A body with params and no format attribute is a form. */
	ck_assert_int_eq(e->body.format, CL_BODY_FORM);
	ck_assert(!e->body.format_given);
	ck_assert(!e->body.params.items[0].required);
	ck_assert_str_eq(e->pagination.method, "page-number");
	ck_assert_uint_eq(e->pagination.options.n, 1);
	ck_assert_uint_eq(e->n_enables, 2);
	ck_assert_ptr_eq(e->enables[0].target, &ctx.model->auth_methods[0]);
	ck_assert_ptr_null(e->enables[1].target);
}
END_TEST

START_TEST(test_placeholders)
{
	const struct cl_connector *c = ctx.model;
	const char *want[] = { "store", "token", "store", "page" };
	size_t i;

	ck_assert_uint_eq(c->n_placeholders, 4);
	for (i = 0; i < 4; i++) {
		const struct cl_placeholder *p = &c->placeholders[i];
		char *whole = cl_xasprintf("{{%s}}", want[i]);

		ck_assert_str_eq(p->key, want[i]);
		ck_assert_str_eq(text_at(p->span), whole);
		ck_assert_str_eq(text_at(p->key_span), want[i]);
		free(whole);
	}
	/* Owners: the first two belong to the auth method, the rest to the
	 * endpoint. */
	ck_assert_ptr_nonnull(c->placeholders[0].tpl->auth);
	ck_assert_int_eq(c->placeholders[1].tpl->kind, CL_TPL_PARAM_VALUE);
	ck_assert_ptr_nonnull(c->placeholders[3].tpl->endpoint);
	ck_assert_int_eq(c->placeholders[3].tpl->kind, CL_TPL_URL);
}
END_TEST

START_TEST(test_attribute_spans)
{
	const struct cl_endpoint *e = &ctx.model->endpoints[0];

	ck_assert_str_eq(text_at(cl_node_attr_span(e->node, "data-type")),
	                 "xml");
	ck_assert_str_eq(text_at(cl_node_attr(e->node, "data-type")->name_span),
	                 "data-type");
	ck_assert_str_eq(text_at(e->node->name_span), "endpoint");
	/* An absent attribute falls back to the element name. */
	ck_assert_str_eq(text_at(cl_node_attr_span(e->node, "entity")),
	                 "endpoint");
}
END_TEST

/* ---- engine: rule selection ---- */

static size_t
enabled_count(const cl_linter *l)
{
	size_t i, n = 0;

	for (i = 0; i < cl_rule_count(); i++)
		n += (size_t)cl_linter_enabled(l, cl_rule_at(i));
	return n;
}

START_TEST(test_select_ignore)
{
	cl_linter *l = cl_linter_new();
	char *bad = NULL;

	ck_assert_uint_eq(enabled_count(l), cl_rule_count());
	ck_assert_int_eq(cl_linter_select(l, "CL3", NULL), 0);
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL303")));
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL101")));
	/* Later selects add up; slugs and lower-case IDs work. */
	ck_assert_int_eq(
	    cl_linter_select(l, "unused-connector-variable, cl401", NULL), 0);
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL101")));
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL401")));
	/* Ignore wins. */
	ck_assert_int_eq(cl_linter_ignore(l, "CL30", NULL), 0);
	ck_assert(!cl_linter_enabled(l, cl_rule_find("CL303")));
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL310")));
	/* Unknown names and empty lists are errors that change nothing. */
	ck_assert_int_eq(cl_linter_select(l, "CL101,nonsense", &bad), -1);
	ck_assert_str_eq(bad, "nonsense");
	free(bad);
	bad = NULL;
	ck_assert_int_eq(cl_linter_select(l, " , ", &bad), -1);
	free(bad);
	ck_assert(cl_linter_enabled(l, cl_rule_find("CL401")));
	cl_linter_free(l);
}
END_TEST

START_TEST(test_catalogue_sorted_and_findable)
{
	size_t i;

	ck_assert_uint_ge(cl_rule_count(), 23);
	for (i = 0; i < cl_rule_count(); i++) {
		const cl_rule *r = cl_rule_at(i);

		ck_assert_ptr_eq(cl_rule_find(cl_rule_id(r)), r);
		ck_assert_ptr_eq(cl_rule_find(cl_rule_slug(r)), r);
		if (i)
			ck_assert_int_lt(strcmp(cl_rule_id(cl_rule_at(i - 1)),
			                        cl_rule_id(r)),
			                 0);
	}
	ck_assert_ptr_null(cl_rule_at(cl_rule_count()));
}
END_TEST

START_TEST(test_disabled_rule_reports_nothing)
{
	cl_linter *l = cl_linter_new();
	static const char dup[] =
	    "<connector format=\"1\" name=\"x\" protocol=\"HTTX\"/>\n";
	cl_result *r;

	r = cl_lint_memory(l, "a.xml", dup, strlen(dup));
	ck_assert_ptr_nonnull(cl_result_count(r) ? cl_result_diag(r, 0) : NULL);
	cl_result_free(r);
	ck_assert_int_eq(cl_linter_ignore(l, "CL002,CL004,CL005", NULL), 0);
	r = cl_lint_memory(l, "a.xml", dup, strlen(dup));
	ck_assert_uint_eq(cl_result_count(r), 0);
	cl_result_free(r);
	cl_linter_free(l);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("model");
	TCase *m = tcase_create("model"), *e = tcase_create("engine");

	tcase_add_checked_fixture(m, setup, teardown);
	tcase_add_test(m, test_connector);
	tcase_add_test(m, test_use_resolved);
	tcase_add_test(m, test_endpoint);
	tcase_add_test(m, test_placeholders);
	tcase_add_test(m, test_attribute_spans);
	tcase_add_test(e, test_select_ignore);
	tcase_add_test(e, test_catalogue_sorted_and_findable);
	tcase_add_test(e, test_disabled_rule_reports_nothing);
	suite_add_tcase(s, m);
	suite_add_tcase(s, e);

	return cl_check_run(s);
}
