/*
 * The sarif format: one SARIF 2.1.0 log with one run, for GitHub code
 * scanning and other SARIF viewers (docs/output-formats.md has the
 * layout). The rules array is the whole catalogue, so that ruleIndex is
 * the catalogue index and a viewer can describe rules that did not fire.
 *
 * Results are written as each file is added, so nothing is kept but a
 * count; the paths that could not be read come at the end, in the run's
 * invocation. Columns are code points, which the run says in columnKind
 * (SARIF's own default would be UTF-16 code units); end columns are
 * exclusive, as SARIF's are. File names become URIs relative to
 * %SRCROOT%, the directory connlint ran in, whose absolute path is left
 * out so that the log is the same on every machine and names no one's
 * home directory; "." and ".." segments are resolved first
 * (cl_file_uri), as for the fingerprints. A message links its related
 * locations (a related location in another file, connlint diff's old
 * version, gets that file's URI, made the same way), and the security rules carry GitHub's security metadata.
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "fingerprint.h"
#include "output.h"
#include "result.h"

#define SARIF_SCHEMA                                                  \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/" \
	"schemas/sarif-schema-2.1.0.json"
#define SARIF_SRCROOT "%SRCROOT%"
/* The partialFingerprints key: versioned, as SARIF recommends, so that a
 * new recipe is never compared with an old one. */
#define SARIF_FP_KEY "connlint/v1"

struct sarif_state {
	bool started; /* the head, up to "results": [, is written */
	size_t nresults;
	size_t nrules; /* in the head's rules array */
};

static const char *
sarif_level(enum cl_severity sev)
{
	/* SARIF has no "info": "note" is its lowest level that still
	 * reports a problem. */
	switch (sev) {
	case CL_SEV_ERROR:
		return "error";
	case CL_SEV_WARNING:
		return "warning";
	default:
		return "note";
	}
}

/*
 * The text of section "## HEADING" of a rule page, trimmed, or NULL when
 * the page has no such section or it is empty. With PARAGRAPH, only its
 * first paragraph, its lines joined with spaces (a description is one
 * line of prose); otherwise the whole section as written (a list stays a
 * list). Caller frees.
 */
static char *
sarif_doc_section(const char *doc, const char *heading, bool paragraph)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t hlen = strlen(heading), blank = 0;
	const char *p = doc;

	/* find "## HEADING" at the start of a line */
	for (;;) {
		if (!strncmp(p, "## ", 3) && !strncmp(p + 3, heading, hlen) &&
		    (p[3 + hlen] == '\n' || p[3 + hlen] == '\r'))
			break;
		if (!(p = strchr(p, '\n')))
			return NULL;
		p++;
	}
	p = strchr(p, '\n');
	while (p && *++p) {
		const char *eol = strchr(p, '\n'), *s = p, *e;

		if (!eol)
			eol = p + strlen(p);
		e = eol;
		while (e > s &&
		       (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (!strncmp(s, "## ", 3))
			break; /* the next section */
		if (s == e || strspn(s, " \t") == (size_t)(e - s)) {
			if (sb.len && paragraph)
				break;
			blank += sb.len > 0; /* keep inner blank lines */
		} else if (paragraph) {
			s += strspn(s, " \t");
			if (sb.len)
				cl_strbuf_addch(&sb, ' ');
			cl_strbuf_add(&sb, s, (size_t)(e - s));
		} else {
			for (; blank; blank--)
				cl_strbuf_addch(&sb, '\n');
			if (sb.len)
				cl_strbuf_addch(&sb, '\n');
			cl_strbuf_add(&sb, s, (size_t)(e - s));
		}
		p = *eol ? eol : NULL;
	}
	if (!sb.len) {
		cl_strbuf_release(&sb);
		return NULL;
	}
	return cl_strbuf_detach(&sb);
}

/* "text": ..., "markdown": ... of the rule's help, which GitHub code
 * scanning requires and shows beside each alert: what the rule flags,
 * how to fix it, and where the full page is. */
static void
sarif_help(struct cl_strbuf *sb, const cl_rule *rule, const char *flags,
           const char *url)
{
	const char *doc = cl_rule_doc(rule);
	char *fix = doc && !rule->custom
	                ? sarif_doc_section(doc, "How to fix", false)
	                : NULL;
	struct cl_strbuf text = CL_STRBUF_INIT, md = CL_STRBUF_INIT;

	cl_strbuf_adds(&text, flags);
	cl_strbuf_adds(&md, flags);
	/* A custom rule's <doc> is free Markdown, without our sections:
	 * code scanning shows it whole. */
	if (rule->custom && doc) {
		cl_strbuf_addf(&text, "\n\n%s", doc);
		cl_strbuf_addf(&md, "\n\n%s", doc);
	}
	if (fix) {
		cl_strbuf_addf(&text, "\n\nHow to fix:\n%s", fix);
		cl_strbuf_addf(&md, "\n\n**How to fix**\n\n%s", fix);
	}
	if (url) {
		cl_strbuf_addf(&text, "\n\nDocumentation: %s", url);
		cl_strbuf_addf(&md, "\n\n[%s %s](%s)", cl_rule_id(rule),
		               cl_rule_slug(rule), url);
	}
	cl_strbuf_adds(sb, "              \"help\": {\"text\": ");
	cl_json_add_string(sb, cl_strbuf_str(&text));
	cl_strbuf_adds(sb, ", \"markdown\": ");
	cl_json_add_string(sb, cl_strbuf_str(&md));
	cl_strbuf_adds(sb, "},\n");
	cl_strbuf_release(&text);
	cl_strbuf_release(&md);
	free(fix);
}

/*
 * ",\n  "properties": {...}" for a security rule: GitHub code scanning
 * ranks an alert by "security-severity" (a score as a string; over 9.0
 * is critical, 7.0 to 8.9 high, 4.0 to 6.9 medium) only when the tags hold
 * "security", and shows the CWE tags as "external/cwe/cwe-NNN", the form
 * CodeQL uses. Nothing for any other rule.
 */
static void
sarif_security(struct cl_strbuf *sb, const cl_rule *rule)
{
	const char *score = cl_rule_security_severity(rule);
	unsigned cwe;
	size_t i;

	if (!score)
		return;
	cl_strbuf_adds(sb, ",\n              \"properties\": "
	                   "{\"tags\": [\"security\"");
	for (i = 0; (cwe = cl_rule_cwe(rule, i)); i++)
		cl_strbuf_addf(sb, ", \"external/cwe/cwe-%03u\"", cwe);
	cl_strbuf_adds(sb, "], \"security-severity\": ");
	cl_json_add_string(sb, score);
	cl_strbuf_addch(sb, '}');
}

static void
sarif_rule(struct cl_strbuf *sb, const cl_rule *rule, bool last)
{
	const char *doc = cl_rule_doc(rule);
	char *full = doc ? sarif_doc_section(doc, "What it flags", true) : NULL;
	const char *flags = full ? full : cl_rule_summary(rule);
	char *url = cl_rule_doc_url(rule);

	cl_strbuf_adds(sb, "            {\n              \"id\": ");
	cl_json_add_string(sb, cl_rule_id(rule));
	cl_strbuf_adds(sb, ",\n              \"name\": ");
	cl_json_add_string(sb, cl_rule_slug(rule));
	cl_strbuf_adds(sb,
	               ",\n              \"shortDescription\": {\"text\": ");
	cl_json_add_string(sb, cl_rule_summary(rule));
	cl_strbuf_adds(sb,
	               "},\n              \"fullDescription\": {\"text\": ");
	cl_json_add_string(sb, flags);
	cl_strbuf_adds(sb, "},\n");
	sarif_help(sb, rule, flags, url);
	if (url) {
		cl_strbuf_adds(sb, "              \"helpUri\": ");
		cl_json_add_string(sb, url);
		cl_strbuf_adds(sb, ",\n");
	}
	cl_strbuf_addf(sb,
	               "              \"defaultConfiguration\": "
	               "{\"level\": \"%s\"}",
	               sarif_level(cl_rule_severity(rule)));
	sarif_security(sb, rule);
	cl_strbuf_addf(sb, "\n            }%s\n", last ? "" : ",");
	free(full);
	free(url);
}

static void
sarif_head(struct cl_output *out, struct sarif_state *st)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, n = cl_output_rule_slots(out);

	cl_strbuf_adds(&sb, "{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n"
	                    "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
	                    "      \"tool\": {\n        \"driver\": {\n"
	                    "          \"name\": \"connlint\",\n"
	                    "          \"version\": ");
	cl_json_add_string(&sb, cl_version());
	cl_strbuf_adds(&sb, ",\n          \"semanticVersion\": ");
	cl_json_add_string(&sb, cl_version());
	cl_strbuf_adds(&sb, ",\n          \"informationUri\": ");
	cl_json_add_string(&sb, CONNLINT_URL);
	cl_strbuf_adds(&sb, ",\n          \"rules\": [\n");
	for (i = 0; i < n; i++)
		sarif_rule(&sb, cl_output_rule_at(out, i), i + 1 == n);
	st->nrules = n;
	cl_strbuf_adds(
	    &sb, "          ]\n        }\n      },\n"
	         "      \"originalUriBaseIds\": {\n"
	         "        \"" SARIF_SRCROOT "\": {\"description\": {\"text\": "
	         "\"The directory connlint ran in: relative file names on its "
	         "command line are relative to it.\"}}\n      },\n"
	         "      \"columnKind\": \"unicodeCodePoints\",\n"
	         "      \"results\": [");
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
}

static struct sarif_state *
sarif_start(struct cl_output *out)
{
	struct sarif_state *st = out->state;

	if (!st) {
		st = cl_calloc(1, sizeof(*st));
		out->state = st;
	}
	if (!st->started) {
		sarif_head(out, st);
		st->started = true;
	}
	return st;
}

/* "artifactLocation": {...} for the file whose URI is URI. */
static void
sarif_artifact(struct cl_strbuf *sb, const char *uri, bool relative)
{
	cl_strbuf_adds(sb, "\"artifactLocation\": {\"uri\": ");
	cl_json_add_string(sb, uri);
	if (relative)
		cl_strbuf_adds(sb, ", \"uriBaseId\": \"" SARIF_SRCROOT "\"");
	cl_strbuf_addch(sb, '}');
}

static void
sarif_physical(struct cl_strbuf *sb, const char *uri, bool relative,
               unsigned line, unsigned col, unsigned end_line, unsigned end_col)
{
	cl_strbuf_adds(sb, "\"physicalLocation\": {");
	sarif_artifact(sb, uri, relative);
	cl_strbuf_addf(sb,
	               ", \"region\": {\"startLine\": %u, "
	               "\"startColumn\": %u, \"endLine\": %u, "
	               "\"endColumn\": %u}}",
	               line, col, end_line, end_col);
}

/* S as plain text of a SARIF message: each '[' before UNTIL, and with
 * BOTH each ']', escaped with a backslash (SARIF §3.11.6), so that
 * nothing in it reads as an embedded link or ends one. */
static void
sarif_add_unlinked(struct cl_strbuf *sb, const char *s, size_t until, bool both)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		if ((s[i] == '[' && i < until) || (s[i] == ']' && both))
			cl_strbuf_addch(sb, '\\');
		cl_strbuf_addch(sb, s[i]);
	}
}

/* Where in MSG no '[' can open an embedded link any more: after its
 * last "](" (0: none), or its end when LINKS follow it. */
static size_t
sarif_link_end(const char *msg, bool links)
{
	const char *p, *last = NULL;

	if (links)
		return strlen(msg);
	for (p = msg; (p = strstr(p, "](")); p++)
		last = p;
	return last ? (size_t)(last - msg) : 0;
}

/* MSG, a message with no links of its own, as a SARIF message's "text",
 * a JSON string. */
static void
sarif_text(struct cl_strbuf *sb, const char *msg)
{
	struct cl_strbuf text = CL_STRBUF_INIT;

	sarif_add_unlinked(&text, msg, sarif_link_end(msg, false), false);
	cl_json_add_string(sb, cl_strbuf_str(&text));
	cl_strbuf_release(&text);
}

/*
 * The "text" of D's message, a JSON string. GitHub code scanning shows a
 * related location only when the message links to it, so each one is
 * linked at the end as an embedded link to its id (SARIF §3.11.6), with
 * its own message as the link text: "MESSAGE (see [NOTE](1), [NOTE](2))".
 * Messages are masked already, so link texts are too. A '[' of the
 * message that could start a link is escaped: every one when links
 * follow, else those before a "](".
 */
static void
sarif_message(struct cl_strbuf *sb, const cl_diag *d)
{
	struct cl_strbuf text = CL_STRBUF_INIT;
	const char *msg = cl_diag_message(d);
	size_t j, nrel = cl_diag_related_count(d);

	if (!nrel) {
		sarif_text(sb, msg);
		return;
	}
	sarif_add_unlinked(&text, msg, sarif_link_end(msg, true), false);
	for (j = 0; j < nrel; j++) {
		unsigned line, col, end_line, end_col;
		const char *note =
		    cl_output_related(d, j, &line, &col, &end_line, &end_col);

		cl_strbuf_adds(&text, j ? ", [" : " (see [");
		sarif_add_unlinked(&text, note, strlen(note), true);
		cl_strbuf_addf(&text, "](%zu)", j + 1);
	}
	cl_strbuf_addch(&text, ')');
	cl_json_add_string(sb, cl_strbuf_str(&text));
	cl_strbuf_release(&text);
}

/*
 * ""fixes": [...]," of D, when it has a fix (SARIF §3.55): its title as
 * the description, and one artifact change of the file whose
 * replacements are the edits, each a deletedRegion of the file as read
 * (byteOffset and byteLength: exact whatever the encoding and the line
 * ends, and relative to the unmodified file as §3.57.3 asks) and the
 * insertedContent (none for a deletion). SARIF has no word for an unsafe
 * fix; the fix's properties say "applicability".
 */
static void
sarif_fixes(struct cl_strbuf *sb, const cl_diag *d, const char *uri,
            bool relative)
{
	size_t j, n = cl_diag_fix_edit_count(d);

	if (!cl_diag_has_fix(d) || !n)
		return;
	cl_strbuf_adds(sb,
	               "          \"fixes\": [\n            {\"description\": "
	               "{\"text\": ");
	sarif_text(sb, cl_diag_fix_title(d));
	cl_strbuf_adds(sb, "}, \"artifactChanges\": [{");
	sarif_artifact(sb, uri, relative);
	cl_strbuf_adds(sb, ", \"replacements\": [");
	for (j = 0; j < n; j++) {
		size_t start, end;
		const char *text = cl_diag_fix_edit(d, j, &start, &end);

		cl_strbuf_addf(sb,
		               "%s{\"deletedRegion\": {\"byteOffset\": %zu, "
		               "\"byteLength\": %zu}",
		               j ? ", " : "", start, end - start);
		if (*text) {
			cl_strbuf_adds(sb,
			               ", \"insertedContent\": {\"text\": ");
			cl_json_add_string(sb, text);
			cl_strbuf_addch(sb, '}');
		}
		cl_strbuf_addch(sb, '}');
	}
	cl_strbuf_addf(sb,
	               "]}], \"properties\": {\"applicability\": \"%s\"}}\n"
	               "          ],\n",
	               cl_diag_fix_applicability(d) == CL_FIX_SAFE ? "safe"
	                                                           : "unsafe");
}

static void
sarif_add(struct cl_output *out, const struct cl_result *result)
{
	struct sarif_state *st = sarif_start(out);
	struct cl_strbuf sb = CL_STRBUF_INIT, uri = CL_STRBUF_INIT;
	size_t i, j, n = cl_result_count(result);
	bool relative;
	char **fps;

	if (!n)
		return;
	relative = cl_file_uri(&uri, cl_result_file(result));
	fps = cl_result_fingerprints(result);
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		const cl_rule *rule = cl_diag_rule(d);
		size_t nrel = cl_diag_related_count(d);

		cl_strbuf_adds(&sb, st->nresults++ ? ",\n" : "\n");
		cl_strbuf_adds(&sb, "        {\n          \"ruleId\": ");
		size_t slot = cl_output_rule_slot(out, rule);

		cl_json_add_string(&sb, cl_rule_id(rule));
		/* A rule of a configuration's ruleset, met after the head,
		 * has no entry in the rules array to point at. */
		if (slot < st->nrules)
			cl_strbuf_addf(&sb, ",\n          \"ruleIndex\": %zu",
			               slot);
		cl_strbuf_addf(&sb,
		               ",\n          \"level\": \"%s\",\n"
		               "          \"message\": {\"text\": ",
		               sarif_level(cl_diag_severity(d)));
		sarif_message(&sb, d);
		cl_strbuf_adds(&sb, "},\n          \"locations\": [\n"
		                    "            {");
		sarif_physical(&sb, cl_strbuf_str(&uri), relative,
		               cl_diag_line(d), cl_diag_column(d),
		               cl_diag_end_line(d), cl_diag_end_column(d));
		cl_strbuf_adds(&sb, "}\n          ],\n");
		if (nrel) {
			cl_strbuf_adds(&sb,
			               "          \"relatedLocations\": [\n");
			for (j = 0; j < nrel; j++) {
				unsigned line, col, end_line, end_col;
				const char *msg = cl_output_related(
				    d, j, &line, &col, &end_line, &end_col);
				const char *other = cl_diag_related_file(d, j);

				cl_strbuf_addf(
				    &sb, "            {\"id\": %zu, ", j + 1);
				if (other) {
					/* another file (connlint diff: the
					 * old version), its URI made as the
					 * result's is */
					struct cl_strbuf ouri = CL_STRBUF_INIT;
					bool orel = cl_file_uri(&ouri, other);

					sarif_physical(
					    &sb, cl_strbuf_str(&ouri), orel,
					    line, col, end_line, end_col);
					cl_strbuf_release(&ouri);
				} else {
					sarif_physical(&sb, cl_strbuf_str(&uri),
					               relative, line, col,
					               end_line, end_col);
				}
				cl_strbuf_adds(&sb,
				               ", \"message\": {\"text\": ");
				sarif_text(&sb, msg);
				cl_strbuf_addf(&sb, "}}%s\n",
				               j + 1 < nrel ? "," : "");
			}
			cl_strbuf_adds(&sb, "          ],\n");
		}
		sarif_fixes(&sb, d, cl_strbuf_str(&uri), relative);
		cl_strbuf_adds(
		    &sb, "          \"partialFingerprints\": {\"" SARIF_FP_KEY
		         "\": ");
		cl_json_add_string(&sb, fps[i]);
		cl_strbuf_adds(&sb, "}\n        }");
		free(fps[i]);
	}
	free(fps);
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
	cl_strbuf_release(&uri);
}

static void
sarif_finish(struct cl_output *out)
{
	struct sarif_state *st = sarif_start(out);
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i;

	cl_strbuf_adds(&sb, st->nresults ? "\n      ],\n" : "],\n");
	/* A path that could not be read means the run did not check all
	 * it was asked to (exit status 2): not a successful execution. */
	cl_strbuf_addf(&sb,
	               "      \"invocations\": [\n        {\n"
	               "          \"executionSuccessful\": %s",
	               out->nerrors ? "false" : "true");
	if (out->nerrors) {
		cl_strbuf_adds(&sb, ",\n          "
		                    "\"toolExecutionNotifications\": [\n");
		for (i = 0; i < out->nerrors; i++) {
			const struct cl_output_error *e = &out->errors[i];
			struct cl_strbuf uri = CL_STRBUF_INIT;
			bool relative = cl_file_uri(&uri, e->path);

			cl_strbuf_adds(&sb,
			               "            {\"level\": \"error\", "
			               "\"message\": {\"text\": ");
			sarif_text(&sb, e->reason);
			cl_strbuf_adds(&sb, "}, \"locations\": "
			                    "[{\"physicalLocation\": {");
			sarif_artifact(&sb, cl_strbuf_str(&uri), relative);
			cl_strbuf_addf(&sb, "}}]}%s\n",
			               i + 1 < out->nerrors ? "," : "");
			cl_strbuf_release(&uri);
		}
		cl_strbuf_adds(&sb, "          ]");
	}
	cl_strbuf_adds(&sb, "\n        }\n      ]\n    }\n  ]\n}\n");
	fputs(cl_strbuf_str(&sb), out->out);
	cl_strbuf_release(&sb);
}

static void
sarif_release(struct cl_output *out)
{
	free(out->state);
	out->state = NULL;
}

const struct cl_output_ops cl_output_sarif_ops = {
	.add = sarif_add,
	.finish = sarif_finish,
	.release = sarif_release,
};
