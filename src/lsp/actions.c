/*
 * Diagnostics as the protocol carries them, and the code actions built
 * from them: a quick fix per diagnostic with a fix (an unsafe one says so
 * in its title), "Disable RULE for this element" (the suppression comment
 * --add-suppressions would write), and source.fixAll.connlint (every
 * safe fix, one pass, as ruff's fix-all: never an unsafe one).
 */
#include <stdlib.h>
#include <string.h>

#include "addsupp.h"
#include "lsp.h"
#include "result.h"
#include "util.h"

/* What a suppression added from the editor says until its author
 * writes the reason (docs/configuration.md asks for one). */
#define DISABLE_REASON "TODO: say why"

static int
lsp_severity(enum cl_severity sev)
{
	switch (sev) {
	case CL_SEV_ERROR:
		return 1;
	case CL_SEV_WARNING:
		return 2;
	case CL_SEV_INFO:
		break;
	}
	return 3;
}

/* DiagnosticTag[]: Unnecessary (1) for the unused-* rules, so editors fade
 * the text; Deprecated (2) for the deprecated-* ones. NULL: none. */
static json_object *
tags_of(const cl_rule *rule)
{
	const char *slug = cl_rule_slug(rule);
	json_object *a;
	int tag;

	if (!strncmp(slug, "unused-", 7))
		tag = 1;
	else if (strstr(slug, "deprecated"))
		tag = 2;
	else
		return NULL;
	a = json_object_new_array();
	json_object_array_add(a, json_object_new_int(tag));
	return a;
}

/* TextEdit[] of D's fix. */
static json_object *
fix_edits(struct cl_lsp_doc *doc, const cl_diag *d)
{
	json_object *edits = json_object_new_array();
	size_t i, n = cl_diag_fix_edit_count(d);

	for (i = 0; i < n; i++) {
		size_t start, end;
		const char *text = cl_diag_fix_edit(d, i, &start, &end);

		json_object_array_add(edits,
		                      cl_lsp_text_edit(doc, start, end, text));
	}
	return edits;
}

json_object *
cl_lsp_diag_data(struct cl_lsp_doc *doc, const cl_diag *d)
{
	json_object *data = json_object_new_object(),
	            *fix = json_object_new_object(), *edits = fix_edits(doc, d);
	cl_lsp_add_string(fix, "title", cl_diag_fix_title(d));
	cl_lsp_add_string(
	    fix, "applicability",
	    cl_diag_fix_applicability(d) == CL_FIX_SAFE ? "safe" : "unsafe");
	json_object_object_add(fix, "edits", edits);
	cl_lsp_add_int(data, "version", doc->version);
	json_object_object_add(data, "fix", fix);
	return data;
}

static json_object *
diag_json(struct cl_lsp_doc *doc, const cl_diag *d)
{
	json_object *o = json_object_new_object(), *tags, *code;
	const cl_rule *rule = cl_diag_rule(d);
	char *url = cl_rule_doc_url(rule);
	size_t i, n = cl_diag_related_count(d);

	json_object_object_add(
	    o, "range", cl_lsp_range_json(doc, d->span.start, d->span.end));
	cl_lsp_add_int(o, "severity", lsp_severity(cl_diag_severity(d)));
	cl_lsp_add_string(o, "code", cl_rule_id(rule));
	if (url) {
		code = json_object_new_object();
		cl_lsp_add_string(code, "href", url);
		json_object_object_add(o, "codeDescription", code);
		free(url);
	}
	cl_lsp_add_string(o, "source", "connlint");
	cl_lsp_add_string(o, "message", cl_diag_message(d));
	if ((tags = tags_of(rule)))
		json_object_object_add(o, "tags", tags);
	if (n) {
		json_object *rel = json_object_new_array();

		for (i = 0; i < n; i++) {
			const struct cl_related_loc *r = &d->related[i];
			json_object *ri;

			/* another file's (connlint diff): not this document */
			if (r->file)
				continue;
			ri = json_object_new_object();

			json_object_object_add(
			    ri, "location",
			    cl_lsp_location_json(doc, r->span.start,
			                         r->span.end));
			cl_lsp_add_string(ri, "message", r->message);
			json_object_array_add(rel, ri);
		}
		json_object_object_add(o, "relatedInformation", rel);
	}
	if (cl_diag_has_fix(d))
		json_object_object_add(o, "data", cl_lsp_diag_data(doc, d));
	return o;
}

json_object *
cl_lsp_diagnostics(struct cl_lsp_doc *doc)
{
	json_object *a = json_object_new_array();
	size_t i, n = doc->result ? cl_result_count(doc->result) : 0;

	for (i = 0; i < n; i++)
		json_object_array_add(
		    a, diag_json(doc, cl_result_diag(doc->result, i)));
	return a;
}

/* 1 when a client asking for ONLY (NULL: everything) wants KIND: the
 * kinds are hierarchical, "source" takes "source.fixAll.connlint". */
static int
wanted(json_object *only, const char *kind)
{
	size_t i, n;

	if (!only)
		return 1;
	n = json_object_array_length(only);
	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(only, i);
		const char *k;
		size_t kl;

		if (!json_object_is_type(o, json_type_string))
			continue;
		k = json_object_get_string(o);
		kl = strlen(k);
		if (!strncmp(kind, k, kl) && (!kind[kl] || kind[kl] == '.'))
			return 1;
	}
	return 0;
}

static json_object *
action(const char *title, const char *kind, json_object *diag,
       json_object *edit, int preferred)
{
	json_object *a = json_object_new_object();

	cl_lsp_add_string(a, "title", title);
	cl_lsp_add_string(a, "kind", kind);
	if (diag) {
		json_object *ds = json_object_new_array();

		json_object_array_add(ds, diag);
		json_object_object_add(a, "diagnostics", ds);
	}
	if (preferred)
		json_object_object_add(a, "isPreferred",
		                       json_object_new_boolean(1));
	json_object_object_add(a, "edit", edit);
	return a;
}

static json_object *
fix_action(struct cl_lsp_doc *doc, const cl_diag *d)
{
	struct cl_strbuf title = CL_STRBUF_INIT;
	int safe = cl_diag_fix_applicability(d) == CL_FIX_SAFE;
	json_object *a;

	cl_strbuf_addf(&title, "%s: %s%s", cl_rule_id(cl_diag_rule(d)),
	               cl_diag_fix_title(d), safe ? "" : " (unsafe fix)");
	a = action(cl_strbuf_str(&title), "quickfix", diag_json(doc, d),
	           cl_lsp_workspace_edit(doc, fix_edits(doc, d)), safe);
	cl_strbuf_release(&title);
	return a;
}

/* The disable action of D, or NULL when no comment can cover it or the
 * same comment was offered already (SEEN: "RULE@offset" keys). */
static json_object *
disable_action(struct cl_lsp_doc *doc, const cl_diag *d, struct cl_strbuf *seen)
{
	struct cl_strbuf title = CL_STRBUF_INIT;
	char *text = NULL, key[64];
	json_object *edits, *a;
	size_t at;

	if (cl_suppression_insert(doc->result, d, DISABLE_REASON, &at, &text))
		return NULL;
	snprintf(key, sizeof(key), "|%s@%zu|", cl_rule_id(cl_diag_rule(d)), at);
	if (seen->buf && strstr(seen->buf, key)) {
		free(text);
		return NULL;
	}
	cl_strbuf_adds(seen, key);
	edits = json_object_new_array();
	json_object_array_add(edits, cl_lsp_text_edit(doc, at, at, text));
	free(text);
	cl_strbuf_addf(&title, "Disable %s for this element",
	               cl_rule_id(cl_diag_rule(d)));
	a = action(cl_strbuf_str(&title), "quickfix", diag_json(doc, d),
	           cl_lsp_workspace_edit(doc, edits), 0);
	cl_strbuf_release(&title);
	return a;
}

/* Every safe fix of the document as one edit: the stretch between the
 * common start and the common end of the old and the new text. */
static json_object *
fix_all_action(struct cl_lsp_doc *doc)
{
	size_t len = 0, applied = 0, pre = 0, suf = 0;
	char *fixed = cl_fix_apply(doc->result, 0, &len, &applied);
	json_object *edits;
	char *mid;

	if (!fixed)
		return NULL;
	while (pre < len && pre < doc->len && fixed[pre] == doc->text[pre])
		pre++;
	while (suf < len - pre && suf < doc->len - pre &&
	       fixed[len - 1 - suf] == doc->text[doc->len - 1 - suf])
		suf++;
	/* never split a UTF-8 sequence: the client counts characters */
	while (pre > 0 && ((unsigned char)doc->text[pre] & 0xc0) == 0x80)
		pre--;
	while (suf > 0 &&
	       ((unsigned char)doc->text[doc->len - suf] & 0xc0) == 0x80)
		suf--;
	mid = cl_malloc(len - pre - suf + 1);
	memcpy(mid, fixed + pre, len - pre - suf);
	mid[len - pre - suf] = '\0';
	edits = json_object_new_array();
	json_object_array_add(edits,
	                      cl_lsp_text_edit(doc, pre, doc->len - suf, mid));
	free(mid);
	free(fixed);
	return action("connlint: fix all safe fixes", "source.fixAll.connlint",
	              NULL, cl_lsp_workspace_edit(doc, edits), 0);
}

json_object *
cl_lsp_code_actions(struct cl_lsp_doc *doc, size_t start, size_t end,
                    json_object *only)
{
	json_object *a = json_object_new_array(), *x;
	struct cl_strbuf seen = CL_STRBUF_INIT;
	size_t i, n = doc->result ? cl_result_count(doc->result) : 0;

	for (i = 0; i < n && wanted(only, "quickfix"); i++) {
		const cl_diag *d = cl_result_diag(doc->result, i);

		/* touching counts: a cursor at either end of the range */
		if (d->span.start > end || d->span.end < start)
			continue;
		if (cl_diag_has_fix(d))
			json_object_array_add(a, fix_action(doc, d));
	}
	for (i = 0; i < n && wanted(only, "quickfix"); i++) {
		const cl_diag *d = cl_result_diag(doc->result, i);

		if (d->span.start > end || d->span.end < start)
			continue;
		if ((x = disable_action(doc, d, &seen)))
			json_object_array_add(a, x);
	}
	if (n && wanted(only, "source.fixAll.connlint") &&
	    (x = fix_all_action(doc)))
		json_object_array_add(a, x);
	cl_strbuf_release(&seen);
	return a;
}
