/*
 * Custom rules (rulesets, docs/custom-rules.md) taking part in everything
 * a built-in rule does, end to end with the real binary ($CONNLINT): the
 * rule list and --explain, --select/--ignore/--severity, configuration
 * files, suppression comments, baselines and fingerprints, every output
 * format, secret masking, positions, -j, the errors that stop a run before
 * it lints, the limits that stop one rule for one file, connlint diff and
 * the language server. The rulesets and connectors are in
 * fixtures/rulesets/ (connlint test-rules itself is tests/check_test_rules.c).
 */
#define _GNU_SOURCE /* posix_spawn_file_actions_addchdir_np */
#include <ctype.h>
#include <json-c/json.h>

#include "cli_run.h"
#include "connlint.h"
#include "lib/check_main.h"
#include "lib/lsp_client.h"
#include "util.h"

#define DIR_ "fixtures/rulesets/"
#define TST DIR_ "tst.rules.xml"
#define OTH DIR_ "other.rules.xml"
#define HOSTILE DIR_ "hostile.rules.xml"
#define SHOP DIR_ "shop.xml"
#define POSITIONS DIR_ "positions.xml"
#define SECRET DIR_ "secret.xml"
#define SUPPRESS DIR_ "suppress.xml"

/* The two findings of tst.rules.xml in shop.xml, --format gcc. */
#define SHOP_TST001                                       \
	SHOP                                              \
	    ":25:12: error: endpoint `list-stock` calls " \
	    "`https://{{host}}/api/stock`, outside api.acme.example [TST001]\n"
#define SHOP_TST002 \
	SHOP ":28:6: warning: endpoint `list-orders` has no entity [TST002]\n"

/* Secrets of secret.xml, which no output may show. */
static const char *const secrets[] = {
	"8d510385c09292709633f920f8c58b1d",
	"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
};

/* Occurrences of NEEDLE in HAY. */
static size_t
count_of(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);

	for (const char *p = hay; (p = strstr(p, needle)); p += k)
		n++;
	return n;
}

/* The first line of TEXT that starts with PREFIX, with every run of
 * spaces squeezed to one and none at its start (the column widths of tables are not the
 * point), or NULL. Caller frees. */
static char *
squeezed_line(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = text; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len >= n && !strncmp(p, prefix, n)) {
			char *out = malloc(len + 1), *q = out;

			for (size_t i = 0; i < len; i++)
				if (p[i] != ' ' || (q != out && q[-1] != ' '))
					*q++ = p[i];
			*q = '\0';
			return out;
		}
		p += len + (end != NULL);
	}
	return NULL;
}

#define ASSERT_LINE(text, prefix, want)                                \
	do {                                                           \
		char *line_ = squeezed_line((text), (prefix));         \
		ck_assert_msg(line_ != NULL, "no line \"%s\" in:\n%s", \
		              (prefix), (text));                       \
		ck_assert_str_eq(line_, (want));                       \
		free(line_);                                           \
	} while (0)

/* Offset of the line starting with PREFIX in TEXT (a line's start), or
 * -1. */
static long
line_offset(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = text; *p;) {
		if (!strncmp(p, prefix, n))
			return p - text;
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return -1;
}

static json_object *
parse_json(const char *text)
{
	json_object *j = json_tokener_parse(text);

	ck_assert_msg(j != NULL, "not JSON:\n%s", text);
	return j;
}

static const char *
jstr(json_object *o, const char *path)
{
	json_object *v = lsp_get(o, path);

	ck_assert_msg(v != NULL, "no %s in %s", path,
	              json_object_to_json_string(o));
	return json_object_get_string(v);
}

static int
jint(json_object *o, const char *path)
{
	json_object *v = lsp_get(o, path);

	ck_assert_msg(v != NULL, "no %s in %s", path,
	              json_object_to_json_string(o));
	return json_object_get_int(v);
}

/* ---- 1. the rule list, --explain ---- */

START_TEST(list_rules_text_after_builtins)
{
	struct run r =
	    RUN("--no-config", "--list-rules", "--rules", TST, "--rules", OTH);
	static const char *const order[] = { "CL615 ",  "TST001 ", "TST002 ",
		                             "TST003 ", "TST004 ", "OTH001 ",
		                             "OTH002 " };
	long last = -1;

	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	for (size_t i = 0; i < CL_ARRAY_SIZE(order); i++) {
		long at = line_offset(r.out, order[i]);

		ck_assert_msg(at > last,
		              "%s is not after the line before it:\n%s",
		              order[i], r.out);
		last = at;
	}
	/* the custom rules are the last lines */
	ck_assert_int_eq(count_lines(r.out + last), 1);
	ASSERT_LINE(r.out, "TST001 ",
	            "TST001 endpoint-host-not-allowed error - an endpoint URL "
	            "outside api.acme.example");
	ASSERT_LINE(r.out, "TST002 ",
	            "TST002 endpoint-entity-missing warning - an endpoint "
	            "without an entity");
	ASSERT_LINE(r.out, "OTH002 ",
	            "OTH002 auth-method-count info - a connector with more "
	            "than one auth method");
	run_free(&r);
}
END_TEST

START_TEST(list_rules_json_has_ruleset_and_file)
{
	struct run plain =
	    RUN("--no-config", "--list-rules", "--format", "json");
	struct run r = RUN("--no-config", "--list-rules", "--format", "json",
	                   "--rules", TST, "--rules", OTH);
	json_object *jp = parse_json(plain.out), *j = parse_json(r.out);
	json_object *rules = lsp_get(j, "rules");
	size_t builtin = json_object_array_length(lsp_get(jp, "rules"));
	static const char *const ids[] = { "TST001", "TST002", "TST003",
		                           "TST004", "OTH001", "OTH002" };

	ck_assert_int_eq(r.status, 0);
	ck_assert_uint_eq(json_object_array_length(rules), builtin + 6);
	for (size_t i = 0; i < builtin; i++) {
		json_object *o = json_object_array_get_idx(rules, i);

		ck_assert_str_eq(
		    jstr(o, "id"),
		    jstr(json_object_array_get_idx(lsp_get(jp, "rules"), i),
		         "id"));
		ck_assert_ptr_null(lsp_get(o, "ruleset"));
	}
	for (size_t i = 0; i < 6; i++) {
		json_object *o = json_object_array_get_idx(rules, builtin + i);

		ck_assert_str_eq(jstr(o, "id"), ids[i]);
		ck_assert_str_eq(jstr(o, "ruleset"),
		                 i < 4 ? "connlint-tests"
		                       : "connlint-tests-other");
		ck_assert_str_eq(jstr(o, "file"), i < 4 ? TST : OTH);
	}
	{
		json_object *o = json_object_array_get_idx(rules, builtin);

		ck_assert_str_eq(jstr(o, "name"), "endpoint-host-not-allowed");
		ck_assert_str_eq(jstr(o, "severity"), "error");
		ck_assert_str_eq(jstr(o, "summary"),
		                 "an endpoint URL outside api.acme.example");
	}
	json_object_put(jp);
	json_object_put(j);
	run_free(&plain);
	run_free(&r);
}
END_TEST

START_TEST(explain_custom_rule)
{
	static const char doc[] =
	    "Endpoints call only the documented API host, "
	    "`https://api.acme.example/`.\n"
	    "\n"
	    "Fix: call the documented host.\n";
	struct run a = RUN("--explain", "TST001", "--rules", TST);
	struct run b =
	    RUN("--rules", TST, "--explain", "endpoint-host-not-allowed");
	struct run c = RUN("--rules", TST, "--explain", "TST002");
	struct run d = RUN("--explain", "TST001");

	ck_assert_int_eq(a.status, 0);
	ck_assert_str_eq(a.out, doc);
	ck_assert_str_eq(a.err, "");
	ck_assert_int_eq(b.status, 0);
	ck_assert_str_eq(b.out, doc);
	/* no <doc>: exit 2 with a message, nothing on stdout */
	ck_assert_int_eq(c.status, 2);
	ck_assert_str_eq(c.out, "");
	ck_assert_str_eq(
	    c.err, "connlint: --explain: TST002 (endpoint-entity-missing) "
	           "has no <doc> in " TST "\n");
	/* without the ruleset, the rule does not exist */
	ck_assert_int_eq(d.status, 2);
	ASSERT_CONTAINS(d.err, "unknown rule 'TST001'");
	run_free(&a);
	run_free(&b);
	run_free(&c);
	run_free(&d);
}
END_TEST

/* ---- 2. --select, --ignore, --severity ---- */

START_TEST(select_ignore_severity_by_id_slug_prefix)
{
	static const struct {
		const char *opt, *arg, *out;
		int status;
	} cases[] = {
		{ "--select", "TST001", SHOP_TST001, 1 },
		{ "--select", "endpoint-entity-missing", SHOP_TST002, 0 },
		{ "--select", "TST", SHOP_TST001 SHOP_TST002, 1 },
		{ "--select", "tst00", SHOP_TST001 SHOP_TST002, 1 },
		{ "--select", "TST002,CL1", SHOP_TST002, 0 },
		{ "--ignore", "TST001", SHOP_TST002, 0 },
		{ "--ignore", "endpoint-host-not-allowed", SHOP_TST002, 0 },
		{ "--ignore", "TST00", "", 0 },
		{ "--severity", "TST002=error",
		  SHOP_TST001 SHOP
		  ":28:6: error: endpoint `list-orders` has no "
		  "entity [TST002]\n",
		  1 },
		{ "--severity", "endpoint-host-not-allowed=info",
		  SHOP ":25:12: info: endpoint `list-stock` calls "
		       "`https://{{host}}/api/stock`, outside api.acme.example "
		       "[TST001]\n" SHOP_TST002,
		  0 },
		{ "--severity", "TST=off", "", 0 },
		/* fail-on counts custom findings by their severity */
		{ "--fail-on", "warning", SHOP_TST001 SHOP_TST002, 1 },
		{ "--severity", "TST001=info",
		  SHOP ":25:12: info: endpoint "
		       "`list-stock` calls "
		       "`https://{{host}}/api/stock`, "
		       "outside api.acme.example "
		       "[TST001]\n" SHOP_TST002,
		  0 },
	};

	for (size_t i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		/* the option before --rules, then after it */
		struct run before =
		    RUN("--no-config", "--format", "gcc", cases[i].opt,
		        cases[i].arg, "--rules", TST, SHOP);
		struct run after =
		    RUN("--no-config", "--format", "gcc", "--rules", TST,
		        cases[i].opt, cases[i].arg, SHOP);

		ck_assert_msg(before.status == cases[i].status,
		              "%s %s before --rules: exit %d, stderr:\n%s",
		              cases[i].opt, cases[i].arg, before.status,
		              before.err);
		ck_assert_str_eq(before.out, cases[i].out);
		ck_assert_str_eq(before.err, "");
		ck_assert_msg(after.status == cases[i].status,
		              "%s %s after --rules: exit %d, stderr:\n%s",
		              cases[i].opt, cases[i].arg, after.status,
		              after.err);
		ck_assert_str_eq(after.out, cases[i].out);
		ck_assert_str_eq(after.err, "");
		run_free(&before);
		run_free(&after);
	}
}
END_TEST

/* A misspelt custom name: "unknown rule", and the nearest custom rule. */
START_TEST(unknown_custom_name_did_you_mean)
{
	static const struct {
		const char *opt, *arg, *err;
	} cases[] = {
		{ "--select", "TST0O1",
		  "connlint: --select: unknown rule 'TST0O1'; did you mean "
		  "TST001 (endpoint-host-not-allowed)?\n" },
		{ "--ignore", "endpoint-host-not-alowed",
		  "connlint: --ignore: unknown rule 'endpoint-host-not-alowed'; "
		  "did you mean TST001 (endpoint-host-not-allowed)?\n" },
		{ "--severity", "TST0O2=info",
		  "connlint: --severity: unknown rule 'TST0O2'; did you mean "
		  "TST002 (endpoint-entity-missing)?\n" },
	};

	for (size_t i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		struct run before = RUN("--no-config", cases[i].opt,
		                        cases[i].arg, "--rules", TST, SHOP);
		struct run after = RUN("--no-config", "--rules", TST,
		                       cases[i].opt, cases[i].arg, SHOP);

		ck_assert_int_eq(before.status, 2);
		ck_assert_int_eq(after.status, 2);
		ck_assert_str_eq(before.out, "");
		/* the first line; a hint line may follow */
		ck_assert_msg(
		    !strncmp(before.err, cases[i].err, strlen(cases[i].err)),
		    "%s %s before --rules: expected\n%sgot\n%s", cases[i].opt,
		    cases[i].arg, cases[i].err, before.err);
		ck_assert_msg(
		    !strncmp(after.err, cases[i].err, strlen(cases[i].err)),
		    "%s %s after --rules: expected\n%sgot\n%s", cases[i].opt,
		    cases[i].arg, cases[i].err, after.err);
		run_free(&before);
		run_free(&after);
	}
}
END_TEST

/* A one-letter prefix is a prefix like any other. */
START_TEST(one_letter_prefix_names_its_rules)
{
	static const struct {
		const char *opt, *arg, *out;
		int status;
	} cases[] = {
		{ "--select", "Q",
		  SHOP ":28:6: warning: an endpoint without an entity [Q002]\n",
		  0 },
		{ "--ignore", "Q", "", 0 },
		{ "--severity", "Q=error",
		  SHOP ":28:6: error: an endpoint without an entity [Q002]\n",
		  1 },
	};

	for (size_t i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		struct run r = RUN("--no-config", "--format", "gcc", "--rules",
		                   DIR_ "one-letter.rules.xml", cases[i].opt,
		                   cases[i].arg, SHOP);

		ck_assert_msg(r.status == cases[i].status,
		              "%s %s: exit %d, stderr:\n%s", cases[i].opt,
		              cases[i].arg, r.status, r.err);
		ck_assert_str_eq(r.err, "");
		ck_assert_str_eq(r.out, cases[i].out);
		run_free(&r);
	}
}
END_TEST

/* ---- 3. configuration ---- */

/* DIR/proj with connlint.xml (CONFIG), policies/NAME (a copy of
 * RULESET), a.xml and legacy/b.xml (copies of shop.xml). */
static void
make_project(const char *dir, const char *config, const char *ruleset,
             const char *name)
{
	char p[600];

	snprintf(p, sizeof(p), "%s/proj", dir);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/proj/policies", dir);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	copy_file(ruleset, p, name);
	snprintf(p, sizeof(p), "%s/proj/legacy", dir);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	copy_file(SHOP, p, "b.xml");
	snprintf(p, sizeof(p), "%s/proj", dir);
	copy_file(SHOP, p, "a.xml");
	write_file(p, "connlint.xml", config);
}

static const char project_config[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<connlint version=\"1\">\n"
    "  <select rules=\"TST, CL1\"/>\n"
    "  <ignore rules=\"endpoint-entity-missing\"/>\n"
    "  <rule name=\"TST001\" severity=\"warning\"/>\n"
    "  <rule name=\"header-value-not-placeholder\" severity=\"error\"/>\n"
    "  <path pattern=\"legacy/\" ignore=\"TST001\"/>\n"
    "  <rules path=\"policies/tst.rules.xml\"/>\n"
    "</connlint>\n";

START_TEST(configuration_names_its_rules)
{
	char *dir = make_temp_dir(), proj[600], want[2048], cfg[700];
	struct run r;

	make_project(dir, project_config, TST, "tst.rules.xml");
	snprintf(proj, sizeof(proj), "%s/proj", dir);
	snprintf(cfg, sizeof(cfg), "%s/proj/connlint.xml", dir);

	/* run from the repository: the ruleset's path is relative to the
	 * configuration's directory, not to the current one */
	r = RUN("--format", "gcc", proj);
	snprintf(want, sizeof(want),
	         "%s/a.xml:25:12: warning: endpoint `list-stock` calls "
	         "`https://{{host}}/api/stock`, outside api.acme.example "
	         "[TST001]\n",
	         proj);
	ck_assert_str_eq(r.err, "");
	ck_assert_str_eq(r.out, want);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);

	/* --show-config: every custom rule with its setting and its source */
	snprintf(want, sizeof(want), "%s/legacy/b.xml", proj);
	r = RUN("--show-config", want);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	snprintf(want, sizeof(want),
	         "TST001 endpoint-host-not-allowed off %s <path "
	         "pattern=\"legacy/*\">",
	         cfg);
	ASSERT_LINE(r.out, "  TST001 ", want);
	snprintf(want, sizeof(want),
	         "TST002 endpoint-entity-missing off %s <ignore>", cfg);
	ASSERT_LINE(r.out, "  TST002 ", want);
	ASSERT_LINE(r.out, "  TST003 ",
	            "TST003 endpoint-id-duplicate error default");
	snprintf(want, sizeof(want),
	         "TST004 header-value-not-placeholder error %s <rule>", cfg);
	ASSERT_LINE(r.out, "  TST004 ", want);
	run_free(&r);

	snprintf(want, sizeof(want), "%s/a.xml", proj);
	r = RUN("--show-config", want);
	ck_assert_int_eq(r.status, 0);
	snprintf(want, sizeof(want),
	         "TST001 endpoint-host-not-allowed warning %s <rule>", cfg);
	ASSERT_LINE(r.out, "  TST001 ", want);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* The command line may name the rules of --config's rulesets (read when
 * a setting needs them), not those of a configuration found per file;
 * the same file given by --rules and by <rules> is one ruleset. */
START_TEST(command_line_names_config_rules)
{
	char *dir = make_temp_dir(), proj[600], want[2048], cfg[700], rs[700];
	struct run r;

	make_project(dir, project_config, TST, "tst.rules.xml");
	snprintf(proj, sizeof(proj), "%s/proj", dir);
	snprintf(cfg, sizeof(cfg), "%s/proj/connlint.xml", dir);
	snprintf(rs, sizeof(rs), "%s/proj/policies/tst.rules.xml", dir);

	/* --config: TST001 is known, raised to error over the file's
	 * warning, wherever --severity stands */
	r = RUN("--severity", "TST001=error", "--config", cfg, "--format",
	        "gcc", proj);
	snprintf(want, sizeof(want),
	         "%s/a.xml:25:12: error: endpoint `list-stock` calls "
	         "`https://{{host}}/api/stock`, outside api.acme.example "
	         "[TST001]\n",
	         proj);
	ck_assert_str_eq(r.err, "");
	ck_assert_str_eq(r.out, want);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);

	/* --ignore of a --config rule */
	r = RUN("--config", cfg, "--ignore", "TST", "--format", "gcc", proj);
	ck_assert_str_eq(r.err, "");
	ck_assert_str_eq(r.out, "");
	ck_assert_int_eq(r.status, 0);
	run_free(&r);

	/* found per file: not known on the command line */
	r = RUN("--severity", "TST001=error", "--format", "gcc", proj);
	ck_assert_int_eq(r.status, 2);
	ASSERT_CONTAINS(r.err, "unknown rule 'TST001'");
	ck_assert_str_eq(r.out, "");
	run_free(&r);

	/* --rules and <rules> name one file: loaded once, no clash */
	r = RUN("--rules", rs, "--severity", "TST001=info", "--format", "gcc",
	        proj);
	snprintf(want, sizeof(want),
	         "%s/a.xml:25:12: info: endpoint `list-stock` calls "
	         "`https://{{host}}/api/stock`, outside api.acme.example "
	         "[TST001]\n",
	         proj);
	ck_assert_str_eq(r.err, "");
	ck_assert_str_eq(r.out, want);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(configuration_with_invalid_ruleset)
{
	char *dir = make_temp_dir(), proj[600], a[700], b[700], want[1024];
	struct run r;
	char *config = malloc(sizeof(project_config) + 16), *p;

	strcpy(config, project_config);
	p = strstr(config, "policies/tst.rules.xml");
	memcpy(p, "policies/bad.rules.xml", strlen("policies/bad.rules.xml"));
	make_project(dir, config, DIR_ "bad-regex.rules.xml", "bad.rules.xml");
	free(config);
	snprintf(proj, sizeof(proj), "%s/proj", dir);
	snprintf(a, sizeof(a), "%s/proj/a.xml", dir);
	snprintf(b, sizeof(b), "%s/proj/legacy/b.xml", dir);
	snprintf(want, sizeof(want),
	         "connlint: %s/policies/bad.rules.xml:8:28: error: bad regular "
	         "expression in `pattern`: missing closing parenthesis (at "
	         "character 10)\n",
	         proj);

	/* three files under the configuration: the message once */
	r = RUN("--format", "gcc", a, b, proj);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.err, want);
	ASSERT_LACKS(r.out, "TST");
	run_free(&r);

	r = RUN("--show-config", a);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.err, want);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* ---- 4. suppression comments ---- */

START_TEST(suppression_of_custom_rules)
{
	struct run r =
	    RUN("--no-config", "--format", "gcc", "--rules", TST, SUPPRESS);

	/* line 25's TST001 is suppressed by line 24 */
	ASSERT_LACKS(r.out, ":25:");
	ASSERT_LACKS(r.out, "[TST001]");
	/* line 26 names TST003, which the next element does not have */
	ASSERT_CONTAINS(r.out, SUPPRESS
	                ":26:39: info: `connlint-disable-next-line` for TST003 "
	                "(endpoint-id-duplicate) suppresses nothing: the next "
	                "element has no TST003 diagnostic; remove TST003 from "
	                "the comment [CL009]\n");
	ASSERT_CONTAINS(r.out,
	                SUPPRESS ":29:6: warning: endpoint "
	                         "`list-orders` has no entity [TST002]\n");
	/* connlint-expect is test-rules' comment: no CL010 for it here */
	ASSERT_LACKS(r.out, ":33:");
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
}
END_TEST

START_TEST(suppression_misspelt_custom_name)
{
	struct run r =
	    RUN("--no-config", "--format", "gcc", "--rules", TST, SUPPRESS);

	ASSERT_CONTAINS(r.out, SUPPRESS
	                ":31:39: warning: unknown rule `TST0O2` in "
	                "`connlint-disable-next-line`; did you mean `TST002` "
	                "(endpoint-entity-missing)? [CL010]\n");
	run_free(&r);
}
END_TEST

/* --add-suppressions names custom rules; the comments then hold. */
START_TEST(add_suppressions_for_custom_findings)
{
	char *dir = make_temp_dir(), path[600], *text;
	struct run a, r;

	copy_file(SHOP, dir, "s.xml");
	snprintf(path, sizeof(path), "%s/s.xml", dir);
	a = RUN("--no-config", "--rules", TST, "--add-suppressions",
	        "policy exception", path);
	ck_assert_int_eq(a.status, 0);
	text = read_all(path);
	ASSERT_CONTAINS(text, "      <!-- connlint-disable-next-line TST001 "
	                      "policy exception -->\n"
	                      "      <url>https://{{host}}/api/stock</url>\n");
	ASSERT_CONTAINS(text, "    <!-- connlint-disable-next-line TST002 "
	                      "policy exception -->\n"
	                      "    <endpoint id=\"list-orders\"");
	r = RUN("--no-config", "--rules", TST, "--format", "gcc", path);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "");
	free(text);
	run_free(&a);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* Standard input, named by --stdin-filename. */
START_TEST(stdin_gets_custom_findings)
{
	struct run r =
	    RUN_STDIN(SHOP, "--no-config", "--rules", TST, "--format", "gcc",
	              "--stdin-filename", "conn/x.xml", "-");

	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.out,
	                 "conn/x.xml:25:12: error: endpoint `list-stock` calls "
	                 "`https://{{host}}/api/stock`, outside "
	                 "api.acme.example [TST001]\n"
	                 "conn/x.xml:28:6: warning: endpoint `list-orders` has "
	                 "no entity [TST002]\n");
	run_free(&r);
}
END_TEST

/* ---- 5. baselines, fingerprints ---- */

/* The fingerprint of RULE's line in baseline TEXT (32 hex digits). */
static void
baseline_fingerprint(const char *text, const char *rule, char fp[33])
{
	char tail[64];
	const char *p;

	snprintf(tail, sizeof(tail), "\t%s\t" SHOP "\n", rule);
	p = strstr(text, tail);
	ck_assert_msg(p && p - text >= 32, "no %s line in:\n%s", rule, text);
	memcpy(fp, p - 32, 32);
	fp[32] = '\0';
	ck_assert_msg(p - text == 32 || p[-33] == '\n', "%s", text);
	for (int i = 0; i < 32; i++)
		ck_assert(isxdigit((unsigned char)fp[i]));
}

START_TEST(baseline_holds_back_custom_findings)
{
	char *dir = make_temp_dir(), b1[600], b2[600], fp1[33], fp2[33],
	     needle[128];
	struct run w1, w2, r, s, g;
	char *t1, *t2;

	snprintf(b1, sizeof(b1), "%s/one.baseline", dir);
	snprintf(b2, sizeof(b2), "%s/two.baseline", dir);
	w1 = RUN("--no-config", "--rules", TST, "--write-baseline", b1, SHOP);
	w2 = RUN("--no-config", "--rules", TST, "--write-baseline", b2, SHOP);
	t1 = read_all(b1);
	t2 = read_all(b2);
	/* stable across runs */
	ck_assert_str_eq(t1, t2);
	baseline_fingerprint(t1, "TST001", fp1);
	baseline_fingerprint(t1, "TST002", fp2);
	/* one per finding */
	ck_assert_str_ne(fp1, fp2);
	ck_assert_uint_eq(count_lines(t1), 3);

	r = RUN("--no-config", "--rules", TST, "--baseline", b1, SHOP);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "no problems in 1 file (2 baselined)\n");
	ck_assert_str_eq(r.err, "");

	/* the same fingerprints in SARIF and GitLab's report */
	s = RUN("--no-config", "--rules", TST, "--format", "sarif", SHOP);
	snprintf(needle, sizeof(needle), "\"connlint/v1\": \"%s\"", fp1);
	ASSERT_CONTAINS(s.out, needle);
	snprintf(needle, sizeof(needle), "\"connlint/v1\": \"%s\"", fp2);
	ASSERT_CONTAINS(s.out, needle);
	g = RUN("--no-config", "--rules", TST, "--format", "gitlab", SHOP);
	snprintf(needle, sizeof(needle),
	         "\"check_name\": \"TST001\", \"fingerprint\": \"%s\"", fp1);
	ASSERT_CONTAINS(g.out, needle);

	/* a baseline written without the ruleset holds no custom finding */
	run_free(&w2);
	w2 = RUN("--no-config", "--write-baseline", b2, SHOP);
	run_free(&r);
	r = RUN("--no-config", "--rules", TST, "--baseline", b2, "--format",
	        "gcc", SHOP);
	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.out, SHOP_TST001 SHOP_TST002);
	free(t1);
	free(t2);
	run_free(&w1);
	run_free(&w2);
	run_free(&r);
	run_free(&s);
	run_free(&g);
	remove_tree(dir);
}
END_TEST

/* ---- 6. output formats ---- */

START_TEST(every_format_shows_custom_finding)
{
	static const struct {
		const char *format, *fragment;
	} cases[] = {
		{ "text",
		  SHOP ":25:12: error: endpoint `list-stock` calls "
		       "`https://{{host}}/api/stock`, outside api.acme.example "
		       "[TST001 endpoint-host-not-allowed]\n" },
		{ "gcc", SHOP_TST001 },
		{ "json",
		  "{\"file\": \"" SHOP "\", \"line\": 25, \"column\": 12, "
		  "\"end_line\": 25, \"end_column\": 38, \"severity\": "
		  "\"error\", \"rule\": \"TST001\", \"name\": "
		  "\"endpoint-host-not-allowed\"" },
		{ "sarif", "\"ruleId\": \"TST001\"" },
		{ "checkstyle",
		  "<error line=\"25\" column=\"12\" severity=\"error\" "
		  "message=\"endpoint `list-stock` calls "
		  "`https://{{host}}/api/stock`, outside api.acme.example\" "
		  "source=\"connlint.TST001\"/>" },
		{ "junit", "<testcase classname=\"" SHOP
		           "\" name=\"TST001 " SHOP ":25:12\"" },
		{ "github", "::error file=" SHOP ",line=25,col=12,endLine=25,"
		            "endColumn=38,title=TST001 "
		            "endpoint-host-not-allowed::endpoint `list-stock` "
		            "calls `https://{{host}}/api/stock`, outside "
		            "api.acme.example\n" },
		{ "gitlab", "\"check_name\": \"TST001\"" },
		{ "markdown", "| TST001 endpoint-host-not-allowed | 1 |" },
	};
	size_t i, k;

	for (i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		struct run r = RUN("--no-config", "--rules", TST, "--format",
		                   cases[i].format, SHOP);

		ck_assert_msg(r.status == 1, "--format %s: exit %d",
		              cases[i].format, r.status);
		ck_assert_msg(contains(r.out, cases[i].fragment),
		              "--format %s: no \"%s\" in:\n%s", cases[i].format,
		              cases[i].fragment, r.out);
		ck_assert_msg(contains(r.out, "TST002"),
		              "--format %s: no TST002 in:\n%s", cases[i].format,
		              r.out);
		run_free(&r);
	}
	/* every format the binary knows is above */
	for (k = 0; k < cl_format_count(); k++) {
		for (i = 0; i < CL_ARRAY_SIZE(cases); i++)
			if (!strcmp(cases[i].format, cl_format_name(k)))
				break;
		ck_assert_msg(i < CL_ARRAY_SIZE(cases),
		              "format %s is not tested", cl_format_name(k));
	}
	{
		struct run r =
		    RUN("--no-config", "--rules", TST, "--statistics", SHOP);

		ck_assert_int_eq(r.status, 1);
		ASSERT_CONTAINS(r.out,
		                "1\tTST001\tendpoint-host-not-allowed\n");
		ASSERT_CONTAINS(r.out, "1\tTST002\tendpoint-entity-missing\n");
		run_free(&r);
	}
}
END_TEST

START_TEST(sarif_rules_and_rule_index)
{
	struct run r = RUN("--no-config", "--rules", TST, "--rules", OTH,
	                   "--format", "sarif", SHOP, POSITIONS);
	json_object *j = parse_json(r.out);
	json_object *run = lsp_get(j, "runs.0");
	json_object *rules = lsp_get(run, "tool.driver.rules");
	json_object *results = lsp_get(run, "results");
	size_t i, n = json_object_array_length(rules), seen = 0;
	long tst001 = -1, oth001 = -1;

	ck_assert_int_eq(r.status, 1);
	for (i = 0; i < n; i++) {
		const char *id =
		    jstr(json_object_array_get_idx(rules, i), "id");

		if (!strcmp(id, "TST001"))
			tst001 = (long)i;
		if (!strcmp(id, "OTH001"))
			oth001 = (long)i;
	}
	ck_assert_msg(tst001 >= 0, "TST001 not in tool.driver.rules");
	ck_assert_int_eq(oth001, tst001 + 4);
	{
		json_object *rule = json_object_array_get_idx(rules, tst001);

		ck_assert_str_eq(jstr(rule, "name"),
		                 "endpoint-host-not-allowed");
		ck_assert_str_eq(jstr(rule, "shortDescription.text"),
		                 "an endpoint URL outside api.acme.example");
		ck_assert_str_eq(jstr(rule, "defaultConfiguration.level"),
		                 "error");
	}
	/* every result's ruleIndex names its rule */
	for (i = 0; i < json_object_array_length(results); i++) {
		json_object *res = json_object_array_get_idx(results, i);
		int idx = jint(res, "ruleIndex");

		ck_assert_int_lt(idx, (int)n);
		ck_assert_str_eq(
		    jstr(json_object_array_get_idx(rules, (size_t)idx), "id"),
		    jstr(res, "ruleId"));
		if (!strcmp(jstr(res, "ruleId"), "TST001")) {
			ck_assert_int_eq(idx, tst001);
			seen++;
		}
	}
	ck_assert_uint_eq(seen, 2);
	json_object_put(j);
	run_free(&r);
}
END_TEST

/* ---- 7. secret masking ---- */

START_TEST(secrets_masked_in_custom_messages)
{
	static const char *const argsets[][2] = { { "--select", "TST004" },
		                                  { "--select", "TST,CL5" } };

	for (size_t a = 0; a < CL_ARRAY_SIZE(argsets); a++) {
		struct run t = RUN("--no-config", "--rules", TST, argsets[a][0],
		                   argsets[a][1], SECRET);
		struct run j = RUN("--no-config", "--rules", TST, argsets[a][0],
		                   argsets[a][1], "--format", "json", SECRET);

		ASSERT_CONTAINS(t.out,
		                SECRET ":24:39: info: header `X-Api-Key` "
		                       "is `8d51…`, not a placeholder "
		                       "[TST004 "
		                       "header-value-not-placeholder]\n");
		ASSERT_CONTAINS(t.out, SECRET
		                ":25:43: info: header `Authorization` is "
		                "`Bearer eyJh…`, not a placeholder [TST004 "
		                "header-value-not-placeholder]\n");
		/* what is not a secret is quoted as it is */
		ASSERT_CONTAINS(t.out, "header `Accept` is `application/json`, "
		                       "not a placeholder");
		ASSERT_CONTAINS(j.out,
		                "\"message\": \"header `X-Api-Key` is `8d51…`, "
		                "not a placeholder\"");
		ASSERT_CONTAINS(j.out,
		                "\"message\": \"header `Authorization` is "
		                "`Bearer eyJh…`, not a placeholder\"");
		for (size_t s = 0; s < CL_ARRAY_SIZE(secrets); s++) {
			ASSERT_LACKS(t.out, secrets[s]);
			ASSERT_LACKS(t.err, secrets[s]);
			ASSERT_LACKS(j.out, secrets[s]);
		}
		run_free(&t);
		run_free(&j);
	}
	/* nor in any other format */
	for (size_t k = 0; k < cl_format_count(); k++) {
		struct run r =
		    RUN("--no-config", "--rules", TST, "--select", "TST004",
		        "--format", cl_format_name(k), SECRET);

		ck_assert_msg(contains(r.out, "TST004"), "--format %s: %s",
		              cl_format_name(k), r.out);
		for (size_t s = 0; s < CL_ARRAY_SIZE(secrets); s++)
			ck_assert_msg(!contains(r.out, secrets[s]),
			              "--format %s shows %s:\n%s",
			              cl_format_name(k), secrets[s], r.out);
		run_free(&r);
	}
}
END_TEST

/* ---- 8. positions ---- */

static void
assert_range(json_object *d, int line, int col, int end_line, int end_col)
{
	ck_assert_int_eq(jint(d, "line"), line);
	ck_assert_int_eq(jint(d, "column"), col);
	ck_assert_int_eq(jint(d, "end_line"), end_line);
	ck_assert_int_eq(jint(d, "end_column"), end_col);
}

START_TEST(positions_of_custom_diagnostics)
{
	struct run r = RUN("--no-config", "--rules", TST, "--select", "TST",
	                   "--format", "json", POSITIONS);
	struct run s = RUN("--no-config", "--rules", TST, "--select", "TST004",
	                   "--format", "json", SECRET);
	json_object *j = parse_json(r.out), *js = parse_json(s.out);
	json_object *ds = lsp_get(j, "diagnostics"), *d;

	ck_assert_uint_eq(json_object_array_length(ds), 3);
	/* element text: the URL without the white space around it */
	d = json_object_array_get_idx(ds, 0);
	ck_assert_str_eq(jstr(d, "rule"), "TST001");
	assert_range(d, 21, 9, 21, 42);
	/* exists: the element's name in its start tag */
	d = json_object_array_get_idx(ds, 1);
	ck_assert_str_eq(jstr(d, "rule"), "TST002");
	assert_range(d, 24, 17, 24, 25);
	/* an attribute: its value, related to the first duplicate's */
	d = json_object_array_get_idx(ds, 2);
	ck_assert_str_eq(jstr(d, "rule"), "TST003");
	assert_range(d, 29, 11, 29, 21);
	ck_assert_uint_eq(json_object_array_length(lsp_get(d, "related")), 1);
	assert_range(lsp_get(d, "related.0"), 18, 19, 18, 29);
	ck_assert_str_eq(jstr(d, "related.0.message"),
	                 "first `list-stock` here");
	/* the first character inside the quotes */
	d = lsp_get(js, "diagnostics.0");
	ck_assert_str_eq(jstr(d, "rule"), "TST004");
	assert_range(d, 24, 39, 24, 71);
	json_object_put(j);
	json_object_put(js);
	run_free(&r);
	run_free(&s);
}
END_TEST

/* ---- 9. -j ---- */

START_TEST(jobs_give_identical_output)
{
	static const char *const examples[] = {
		"fixtures/examples/netsuite.connector.xml",
		"fixtures/examples/shopify.connector.xml",
		"fixtures/examples/shopware.connector.xml",
		"fixtures/examples/woocommerce.connector.xml",
		"fixtures/examples/xero.connector.xml",
		"fixtures/examples/zendesk.connector.xml",
		SHOP,
		POSITIONS,
		SECRET,
		SUPPRESS,
	};
	static const char *const formats[] = { "text", "sarif" };
	char *dir = make_temp_dir(), name[64];
	size_t n = 0;

	for (int k = 0; k < 5; k++)
		for (size_t i = 0; i < CL_ARRAY_SIZE(examples); i++) {
			snprintf(name, sizeof(name), "c%02zu-%zu.xml", n++, i);
			copy_file(examples[i], dir, name);
		}
	ck_assert_uint_eq(n, 50);
	for (size_t f = 0; f < CL_ARRAY_SIZE(formats); f++) {
		struct run one =
		    RUN("--no-config", "--rules", TST, "--rules", OTH, "-j",
		        "1", "--format", formats[f], dir);
		struct run two =
		    RUN("--no-config", "--rules", TST, "--rules", OTH, "-j",
		        "2", "--format", formats[f], dir);

		ck_assert_int_eq(one.status, 1);
		ck_assert_int_eq(two.status, 1);
		ASSERT_CONTAINS(one.out, "TST001");
		ASSERT_CONTAINS(one.out, "TST003");
		ASSERT_CONTAINS(one.out, "OTH001");
		ASSERT_CONTAINS(one.out, "OTH002");
		ck_assert_msg(!strcmp(one.out, two.out),
		              "--format %s: -j 2 differs from -j 1",
		              formats[f]);
		ck_assert_str_eq(one.err, two.err);
		run_free(&one);
		run_free(&two);
	}
	remove_tree(dir);
}
END_TEST

/* A directory walk skips the rulesets that stand among the connectors. */
START_TEST(walk_skips_rulesets)
{
	struct run r = RUN("--no-config", "--rules", TST, "--format", "gcc",
	                   "fixtures/rulesets");

	ASSERT_LACKS(r.out, ".rules.xml");
	ASSERT_CONTAINS(r.out, SHOP ":25:12:");
	run_free(&r);
}
END_TEST

/* ---- 10. errors before linting ---- */

START_TEST(invalid_ruleset_stops_before_linting)
{
	static const struct {
		const char *first, *second, *err;
	} cases[] = {
		{ DIR_ "bad-regex.rules.xml", NULL,
		  "connlint: " DIR_ "bad-regex.rules.xml:8:28: error: bad "
		  "regular expression in `pattern`: missing closing "
		  "parenthesis (at character 10)\n" },
		{ TST, DIR_ "bad-regex.rules.xml",
		  "connlint: " DIR_ "bad-regex.rules.xml:8:28: error: bad "
		  "regular expression in `pattern`: missing closing "
		  "parenthesis (at character 10)\n" },
		{ TST, DIR_ "clash.rules.xml",
		  "connlint: " DIR_ "clash.rules.xml: error: rule `TST002` "
		  "(`description-missing`) of " DIR_ "clash.rules.xml clashes "
		  "with `TST002` (`endpoint-entity-missing`) of " TST "\n" },
		{ TST, DIR_ "slug-clash.rules.xml",
		  "connlint: " DIR_ "slug-clash.rules.xml: error: rule "
		  "`SLUG001` (`endpoint-entity-missing`) of " DIR_
		  "slug-clash.rules.xml clashes with `TST002` "
		  "(`endpoint-entity-missing`) of " TST "\n" },
		{ DIR_ "cl-prefix.rules.xml", NULL,
		  "connlint: " DIR_ "cl-prefix.rules.xml:4:43: error: prefix "
		  "`CL` is reserved for connlint's built-in rules\n" },
	};

	for (size_t i = 0; i < CL_ARRAY_SIZE(cases); i++) {
		/* a path that does not exist would be reported if linting
		 * had started */
		struct run r =
		    cases[i].second
		        ? RUN("--no-config", "--rules", cases[i].first,
		              "--rules", cases[i].second, SHOP, "no-such.xml")
		        : RUN("--no-config", "--rules", cases[i].first, SHOP,
		              "no-such.xml");

		ck_assert_int_eq(r.status, 2);
		ck_assert_str_eq(r.out, "");
		ck_assert_str_eq(r.err, cases[i].err);
		run_free(&r);
	}
	/* the language server and --list-rules refuse it too */
	{
		struct run l = RUN("lsp", "--no-config", "--rules",
		                   DIR_ "bad-regex.rules.xml");
		struct run k =
		    RUN("--list-rules", "--rules", DIR_ "bad-regex.rules.xml");

		ck_assert_int_eq(l.status, 2);
		ck_assert_str_eq(l.out, "");
		ck_assert_str_eq(l.err, cases[0].err);
		ck_assert_int_eq(k.status, 2);
		ck_assert_str_eq(k.out, "");
		ck_assert_str_eq(k.err, cases[0].err);
		run_free(&l);
		run_free(&k);
	}
	/* alone, the clashing ruleset is valid */
	{
		struct run r =
		    RUN("--no-config", "--rules", DIR_ "clash.rules.xml",
		        "--format", "gcc", SHOP);

		ck_assert_int_eq(r.status, 0);
		ck_assert_str_eq(r.err, "");
		run_free(&r);
	}
}
END_TEST

/* ---- 11. hostile rulesets ---- */

/* DIR/big.xml: 300 endpoints without an entity, and a description of
 * forty a's and a b. */
static void
write_big_connector(const char *dir)
{
	size_t cap = 1 << 20, len = 0;
	char *buf = malloc(cap);

	len += (size_t)snprintf(
	    buf + len, cap - len,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"Acme Inventory\" version=\"1\" "
	    "system-type=\"Warehouse\">\n"
	    "  <description>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"
	    "</description>\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"acme-token\" name=\"API token\" "
	    "type=\"token\">\n"
	    "      <url>https://api.acme.example/login</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"token\" label=\"API token\" "
	    "required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "      </variables>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n");
	for (int i = 0; i < 300; i++)
		len += (size_t)snprintf(
		    buf + len, cap - len,
		    "    <endpoint id=\"list-%d\" name=\"List %d\" "
		    "direction=\"receive\" method=\"GET\">\n"
		    "      <url>https://api.acme.example/%d</url>\n"
		    "      <enable auth-method=\"acme-token\"/>\n"
		    "    </endpoint>\n",
		    i, i, i);
	snprintf(buf + len, cap - len, "  </endpoints>\n</connector>\n");
	write_file(dir, "big.xml", buf);
	free(buf);
}

START_TEST(hostile_xpath_and_regex_stop_one_rule)
{
	char *dir = make_temp_dir(), want[1024];
	struct run r;

	write_big_connector(dir);
	copy_file(SHOP, dir, "small.xml");
	r = RUN("--no-config", "--rules", HOSTILE, "--select", "HOST",
	        "--format", "gcc", dir);
	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(r.err, "");
	snprintf(want, sizeof(want),
	         "%s/big.xml:2:2: error: rule stopped: the XPath "
	         "`count(//*[count(//@*[count(//*[count(//@*) > 1]) > 1]) > "
	         "1]) > 1` exceeded its limit of 100000 operations [HOST001]\n",
	         dir);
	ASSERT_CONTAINS(r.out, want);
	snprintf(want, sizeof(want),
	         "%s/big.xml:2:2: error: rule stopped: the pattern `^(a+)+$` "
	         "exceeded its match limit [HOST002]\n",
	         dir);
	ASSERT_CONTAINS(r.out, want);
	/* one diagnostic per rule and file */
	ck_assert_uint_eq(count_of(r.out, "[HOST001]"), 2);
	ck_assert_uint_eq(count_of(r.out, "[HOST002]"), 2);
	/* the other rule of the ruleset, and the other file, go on */
	ck_assert_uint_eq(count_of(r.out, "has no entity [HOST003]"), 301);
	snprintf(want, sizeof(want),
	         "%s/small.xml:28:6: warning: endpoint `list-orders` has no "
	         "entity [HOST003]\n",
	         dir);
	ASSERT_CONTAINS(r.out, want);
	/* small.xml's description does not match ^(a+)+$, quickly */
	snprintf(want, sizeof(want),
	         "%s/small.xml:5:16: warning: a regex that backtracks "
	         "exponentially on a*b [HOST002]\n",
	         dir);
	ASSERT_CONTAINS(r.out, want);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* DIR/NAME: a ruleset of N rules. */
static void
write_many_rules(const char *dir, const char *name, long n)
{
	char path[600];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("<ruleset name=\"big\" prefix=\"BIG\">\n", f);
	for (long i = 1; i <= n; i++)
		fprintf(f,
		        "<rule id=\"BIG%06ld\" slug=\"r%ld\" severity=\"info\">"
		        "<summary>s</summary><given select=\"/connector\"/>"
		        "<assert exists=\".\"/></rule>\n",
		        i, i);
	fputs("</ruleset>\n", f);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(huge_rulesets_are_refused)
{
	char *dir = make_temp_dir(), path[600], want[1024];
	struct run r;

	/* 100,000 rules: more than 4 MiB */
	write_many_rules(dir, "100000.rules.xml", 100000);
	snprintf(path, sizeof(path), "%s/100000.rules.xml", dir);
	r = RUN("--no-config", "--rules", path, SHOP);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	snprintf(want, sizeof(want),
	         "connlint: %s: error: larger than 4 MiB; not a ruleset file\n",
	         path);
	ck_assert_str_eq(r.err, want);
	run_free(&r);

	/* 1001 rules, in less than 4 MiB */
	write_many_rules(dir, "1001.rules.xml", 1001);
	snprintf(path, sizeof(path), "%s/1001.rules.xml", dir);
	r = RUN("--no-config", "--rules", path, SHOP);
	ck_assert_int_eq(r.status, 2);
	ck_assert_str_eq(r.out, "");
	snprintf(want, sizeof(want),
	         "connlint: %s:1002:2: error: rule 1001: a ruleset holds at "
	         "most 1000 rules; split it into several rulesets\n",
	         path);
	ck_assert_str_eq(r.err, want);
	run_free(&r);

	/* 1000 are allowed */
	write_many_rules(dir, "1000.rules.xml", 1000);
	snprintf(path, sizeof(path), "%s/1000.rules.xml", dir);
	r = RUN("--no-config", "--rules", path, SHOP);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.err, "");
	run_free(&r);
	remove_tree(dir);
}
END_TEST

START_TEST(deeply_nested_ruleset_is_an_error)
{
	char *dir = make_temp_dir(), path[600];
	size_t n = 100000, len = 0;
	char *buf = malloc(n * 7 + n * 8 + 256);
	struct run r;

	len += (size_t)sprintf(buf, "<ruleset name=\"deep\" prefix=\"DEEP\">");
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(buf + len, "<rule>");
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(buf + len, "</rule>");
	sprintf(buf + len, "</ruleset>\n");
	write_file(dir, "deep.rules.xml", buf);
	free(buf);
	snprintf(path, sizeof(path), "%s/deep.rules.xml", dir);
	r = RUN("--no-config", "--rules", path, SHOP);
	ck_assert_int_eq(r.status, 2); /* not a crash (-1) */
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, path);
	ASSERT_CONTAINS(r.err, ": error: not well-formed XML: elements nested "
	                       "more than 256 levels deep\n");
	ck_assert_uint_eq(count_lines(r.err), 1);
	run_free(&r);
	remove_tree(dir);
}
END_TEST

/* ---- 12. connlint diff ---- */

START_TEST(diff_lint_reports_custom_findings)
{
	static const char old[] = "fixtures/cli/clean.connector.xml";
	struct run lint = RUN("diff", "--no-config", "--rules", TST, "--lint",
	                      "--format", "gcc", old, SHOP);
	struct run plain = RUN("diff", "--no-config", "--rules", TST,
	                       "--format", "gcc", old, SHOP);
	struct run bad = RUN("diff", "--no-config", "--rules",
	                     DIR_ "bad-regex.rules.xml", "--lint", old, SHOP);

	ck_assert_int_eq(lint.status, 1);
	ASSERT_CONTAINS(lint.out, SHOP_TST001);
	ASSERT_CONTAINS(lint.out, SHOP_TST002);
	/* only the new version is linted */
	ASSERT_LACKS(lint.out, old);
	ASSERT_CONTAINS(lint.out, "[CL611]");
	ck_assert_int_eq(plain.status, 0);
	ASSERT_LACKS(plain.out, "TST");
	ASSERT_CONTAINS(plain.out, "[CL611]");
	ck_assert_int_eq(bad.status, 2);
	ck_assert_str_eq(bad.out, "");
	ASSERT_CONTAINS(bad.err, DIR_ "bad-regex.rules.xml:8:28: error: ");
	run_free(&lint);
	run_free(&plain);
	run_free(&bad);
}
END_TEST

/* ---- 13. the language server ---- */

START_TEST(lsp_publishes_custom_diagnostics)
{
	static const char *const args[] = { "--no-config", "--rules", TST,
		                            NULL };
	static const char uri[] = "file:///tmp/connlint-custom-test/shop.xml";
	char *text = read_all(SHOP);
	struct lsp c;
	json_object *caps, *p, *td, *m, *ds;
	int found = 0;

	lsp_start_in(&c, NULL, args);
	caps = lsp_init(&c, NULL);
	json_object_put(caps);
	p = json_object_new_object();
	td = json_object_new_object();
	json_object_object_add(td, "uri", json_object_new_string(uri));
	json_object_object_add(td, "languageId", json_object_new_string("xml"));
	json_object_object_add(td, "version", json_object_new_int(1));
	json_object_object_add(td, "text", json_object_new_string(text));
	json_object_object_add(p, "textDocument", td);
	lsp_notify(&c, "textDocument/didOpen", p);
	for (;;) {
		m = lsp_wait(&c, "textDocument/publishDiagnostics", 10000);
		ck_assert_msg(m != NULL, "no diagnostics published");
		if (!strcmp(jstr(m, "params.uri"), uri))
			break;
		json_object_put(m);
	}
	ds = lsp_get(m, "params.diagnostics");
	ck_assert_uint_eq(json_object_array_length(ds), 2);
	for (size_t i = 0; i < 2; i++) {
		json_object *d = json_object_array_get_idx(ds, i);
		const char *code = jstr(d, "code");

		if (!strcmp(code, "TST001")) {
			ck_assert_int_eq(jint(d, "range.start.line"), 24);
			ck_assert_int_eq(jint(d, "range.start.character"), 11);
			ck_assert_int_eq(jint(d, "range.end.character"), 37);
			ck_assert_int_eq(jint(d, "severity"), 1);
			ck_assert_str_eq(
			    jstr(d, "message"),
			    "endpoint `list-stock` calls "
			    "`https://{{host}}/api/stock`, outside "
			    "api.acme.example");
			found |= 1;
		} else if (!strcmp(code, "TST002")) {
			ck_assert_int_eq(jint(d, "range.start.line"), 27);
			ck_assert_int_eq(jint(d, "range.start.character"), 5);
			ck_assert_int_eq(jint(d, "severity"), 2);
			found |= 2;
		}
	}
	ck_assert_int_eq(found, 3);
	json_object_put(m);
	free(text);
	lsp_stop(&c);
}
END_TEST

/* A document under a configuration with <rules path>: its custom rules,
 * with the configuration's settings. */
START_TEST(lsp_uses_configuration_rulesets)
{
	static const char *const args[] = { NULL };
	char *dir = make_temp_dir(), uri[700];
	char *text = read_all(SHOP);
	struct lsp c;
	json_object *caps, *p, *td, *m, *ds, *d;

	make_project(dir, project_config, TST, "tst.rules.xml");
	snprintf(uri, sizeof(uri), "file://%s/proj/a.xml", dir);
	lsp_start_in(&c, NULL, args);
	caps = lsp_init(&c, NULL);
	json_object_put(caps);
	p = json_object_new_object();
	td = json_object_new_object();
	json_object_object_add(td, "uri", json_object_new_string(uri));
	json_object_object_add(td, "languageId", json_object_new_string("xml"));
	json_object_object_add(td, "version", json_object_new_int(1));
	json_object_object_add(td, "text", json_object_new_string(text));
	json_object_object_add(p, "textDocument", td);
	lsp_notify(&c, "textDocument/didOpen", p);
	for (;;) {
		m = lsp_wait(&c, "textDocument/publishDiagnostics", 10000);
		ck_assert_msg(m != NULL, "no diagnostics published");
		if (!strcmp(jstr(m, "params.uri"), uri))
			break;
		json_object_put(m);
	}
	/* TST001 at the configuration's severity; TST002 ignored */
	ds = lsp_get(m, "params.diagnostics");
	ck_assert_msg(json_object_array_length(ds) == 1, "%s",
	              json_object_to_json_string(ds));
	d = json_object_array_get_idx(ds, 0);
	ck_assert_str_eq(jstr(d, "code"), "TST001");
	ck_assert_int_eq(jint(d, "severity"), 2);
	ck_assert_int_eq(jint(d, "range.start.line"), 24);
	json_object_put(m);
	free(text);
	lsp_stop(&c);
	remove_tree(dir);
}
END_TEST

static Suite *
rules_custom_suite(void)
{
	Suite *s = suite_create("rules_custom");
	TCase *tc = tcase_create("custom");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, list_rules_text_after_builtins);
	tcase_add_test(tc, list_rules_json_has_ruleset_and_file);
	tcase_add_test(tc, explain_custom_rule);
	tcase_add_test(tc, select_ignore_severity_by_id_slug_prefix);
	tcase_add_test(tc, unknown_custom_name_did_you_mean);
	tcase_add_test(tc, one_letter_prefix_names_its_rules);
	tcase_add_test(tc, configuration_names_its_rules);
	tcase_add_test(tc, command_line_names_config_rules);
	tcase_add_test(tc, configuration_with_invalid_ruleset);
	tcase_add_test(tc, suppression_of_custom_rules);
	tcase_add_test(tc, suppression_misspelt_custom_name);
	tcase_add_test(tc, add_suppressions_for_custom_findings);
	tcase_add_test(tc, stdin_gets_custom_findings);
	tcase_add_test(tc, baseline_holds_back_custom_findings);
	tcase_add_test(tc, every_format_shows_custom_finding);
	tcase_add_test(tc, sarif_rules_and_rule_index);
	tcase_add_test(tc, secrets_masked_in_custom_messages);
	tcase_add_test(tc, positions_of_custom_diagnostics);
	tcase_add_test(tc, jobs_give_identical_output);
	tcase_add_test(tc, walk_skips_rulesets);
	tcase_add_test(tc, invalid_ruleset_stops_before_linting);
	tcase_add_test(tc, hostile_xpath_and_regex_stop_one_rule);
	tcase_add_test(tc, huge_rulesets_are_refused);
	tcase_add_test(tc, deeply_nested_ruleset_is_an_error);
	tcase_add_test(tc, diff_lint_reports_custom_findings);
	tcase_add_test(tc, lsp_publishes_custom_diagnostics);
	tcase_add_test(tc, lsp_uses_configuration_rulesets);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(rules_custom_suite)
