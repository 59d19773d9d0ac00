/*
 * Inline suppression (see suppress.h). A comment is a directive when its
 * text starts, after blanks, with "connlint-": then a kind, a comma-separated
 * list of rule IDs or slugs, and a free-form reason. Each rule named makes
 * one entry, with the range of source bytes it covers:
 *
 *   disable-next-line  the next element: the whole element when it has no
 *                      child elements (<variable …/>, <url>…</url>), else
 *                      its start tag, however many lines either spans;
 *   disable … enable   from the end of the disable comment to the start of
 *                      the enable comment naming the same rule (or to the
 *                      end of the file);
 *   disable-file       the whole file.
 *
 * A diagnostic is suppressed when an entry for its rule covers the byte
 * where it starts. Entries that suppress nothing are reported (CL009), but
 * only for rules that ran on this file: for a rule turned off by the
 * command line, the configuration or a per-path ignore, nobody can tell
 * whether the comment is still needed.
 */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "nearmiss.h"
#include "catalogue.h"
#include "ctx.h"
#include "diff.h"
#include "fix.h"

enum kind {
	K_NEXT_LINE,
	K_DISABLE,
	K_ENABLE,
	K_FILE
};

static const char *const kind_names[] = {
	"connlint-disable-next-line",
	"connlint-disable",
	"connlint-enable",
	"connlint-disable-file",
};

struct entry {
	const struct cl_rule *rule;
	enum kind kind;
	struct cl_span name;    /* the rule's name in the comment */
	struct cl_span range;   /* diagnostics starting here are suppressed */
	struct cl_span end;     /* disable: the enable's name, if closed */
	struct cl_span comment; /* the comment NAME stands in */
	struct cl_span end_comment; /* the comment END stands in */
	bool no_element;            /* disable-next-line, nothing after it */
	bool used;
};

struct sup {
	struct cl_ctx *ctx;
	struct entry *e;
	size_t n, alloc;
	/* Per rule (cl_rule_index): its last disable entry + 1, or 0, so
	 * that finding the open one does not scan every entry. */
	size_t *last_disable;
	/* Elements in document order, built for the first next-line. */
	const struct cl_node **nodes;
	size_t nnodes;
	bool have_nodes;
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static struct cl_span
span_of(size_t start, size_t end)
{
	struct cl_span s = { (uint32_t)start, (uint32_t)end };

	return s;
}

/* Every element, in document (start tag) order. */
static void
collect_nodes(struct sup *S)
{
	S->have_nodes = true;
	S->nodes = cl_xml_nodes_in_order(S->ctx->doc.root, &S->nnodes);
}

/* The bytes a disable-next-line comment ending at AFTER covers; sets
 * *found to false when no element follows it. */
static struct cl_span
next_element(struct sup *S, uint32_t after, bool *found)
{
	const struct cl_ctx *ctx = S->ctx;
	const struct cl_node *n;
	size_t lo = 0, hi, end;

	if (!S->have_nodes)
		collect_nodes(S);
	hi = S->nnodes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (S->nodes[mid]->tag_span.start < after)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < S->nnodes;
	if (!*found)
		return span_of(ctx->len, ctx->len);
	n = S->nodes[lo];
	end = n->tag_span.end;
	/* A leaf with an end tag: through the end tag's '>'. */
	if (!n->children && end >= 2 && ctx->buf[end - 2] != '/') {
		end = n->inner_span.end;
		while (end < ctx->len && ctx->buf[end] != '>')
			end++;
		if (end < ctx->len)
			end++;
	}
	return span_of(n->tag_span.start, end);
}

/* Past the blanks and the comma after NAME in COMMENT, or 0 when no
 * comma follows it. */
static size_t
comma_after(const struct cl_ctx *ctx, struct cl_span comment,
            struct cl_span name)
{
	size_t end = comment.end - 3, p = name.end;

	while (p < end && is_blank(ctx->buf[p]))
		p++;
	if (p >= end || ctx->buf[p] != ',')
		return 0;
	for (p++; p < end && is_blank(ctx->buf[p]); p++)
		;
	return p;
}

/* The offset of the comma before NAME in COMMENT, or 0 when none. */
static size_t
comma_before(const struct cl_ctx *ctx, struct cl_span comment,
             struct cl_span name)
{
	size_t q = name.start;

	while (q > comment.start && is_blank(ctx->buf[q - 1]))
		q--;
	return q > comment.start && ctx->buf[q - 1] == ',' ? q - 1 : 0;
}

/*
 * Adds to D's fix the removal of the rule name NAME from the comment
 * COMMENT: with the comma after it (and the blanks up to the next name),
 * else with the comma before it, else, when it is the comment's only
 * name, the whole comment with its line.
 */
static void
remove_name(struct cl_ctx *ctx, struct cl_diag *d, struct cl_span comment,
            struct cl_span name)
{
	size_t p;

	if ((p = comma_after(ctx, comment, name)))
		cl_fix_edit(ctx, d, name.start, (uint32_t)p, "");
	else if ((p = comma_before(ctx, comment, name)))
		cl_fix_edit(ctx, d, (uint32_t)p, name.end, "");
	else
		cl_fix_remove(ctx, d, comment);
}

/*
 * The fix of a CL009 diagnostic D about a name NAME in COMMENT (and, for a
 * disable that an enable closes, END in END_COMMENT, else NULL): the name
 * goes from the comment, or the comment goes when it names nothing else.
 * Safe: the name suppresses nothing, so nothing new is reported once it
 * is gone. Two unused names of one comment give fixes that overlap; the
 * applier takes one, and the next lint offers the other.
 */
static void
unused_fix(struct cl_ctx *ctx, struct cl_diag *d, struct cl_span comment,
           struct cl_span name, const struct cl_span *end_comment,
           const struct cl_span *end)
{
	char *word;

	if (!d)
		return;
	word = cl_strndup(ctx->buf + name.start, name.end - name.start);
	if (end)
		cl_fix_new(ctx, d, CL_FIX_SAFE,
		           "remove `%s` from the `connlint-disable` and its "
		           "`connlint-enable`",
		           word);
	else if (comma_after(ctx, comment, name) ||
	         comma_before(ctx, comment, name))
		cl_fix_new(ctx, d, CL_FIX_SAFE, "remove `%s` from the comment",
		           word);
	else
		cl_fix_new(ctx, d, CL_FIX_SAFE, "remove the comment");
	free(word);
	remove_name(ctx, d, comment, name);
	if (end)
		remove_name(ctx, d, *end_comment, *end);
}

static struct entry *
add_entry(struct sup *S, const struct cl_rule *rule, enum kind kind,
          struct cl_span name)
{
	struct entry *e;

	CL_GROW(S->e, S->n + 1, S->alloc);
	e = &S->e[S->n++];
	memset(e, 0, sizeof(*e));
	e->rule = rule;
	e->kind = kind;
	e->name = name;
	if (kind == K_DISABLE) {
		if (!S->last_disable)
			S->last_disable =
			    cl_calloc(cl_ctx_registry(S->ctx)->count,
			              sizeof(*S->last_disable));
		S->last_disable[cl_rule_index(rule)] = S->n;
	}
	return e;
}

/* The open disable entry for RULE, or NULL: only the last disable of a
 * rule can be open (a second one while it is is refused). */
static struct entry *
open_disable(struct sup *S, const struct cl_rule *rule)
{
	size_t i;

	if (!S->last_disable || !(i = S->last_disable[cl_rule_index(rule)]))
		return NULL;
	return S->e[i - 1].range.end == UINT32_MAX ? &S->e[i - 1] : NULL;
}

/* Reports NAME (at SPAN in a KIND comment), which names no rule. */
static void
unknown_rule(struct sup *S, enum kind kind, struct cl_span span)
{
	struct cl_ctx *ctx = S->ctx;
	char *name = cl_strndup(ctx->buf + span.start, span.end - span.start);
	const struct cl_registry *reg = cl_ctx_registry(ctx);
	unsigned char *set = cl_calloc(reg->count, 1);
	char *where = cl_xasprintf(" in `%s`", kind_names[kind]), *msg;

	if (!cl_registry_suggest(reg, name) && cl_registry_mark(reg, name, set))
		cl_report(
		    ctx, &cl_rule_CL010, span,
		    "`%s` in `%s` is an ID "
		    "prefix; a suppression comment names single rules, by "
		    "ID or slug",
		    name, kind_names[kind]);
	else {
		msg = cl_registry_unknown_message(
		    reg, name, true, where,
		    "; `connlint --list-rules` lists the rules");
		cl_report(ctx, &cl_rule_CL010, span, "%s", msg);
		free(msg);
	}
	free(where);
	free(set);
	free(name);
}

/* One rule NAME (at SPAN) of a KIND comment C. */
static void
add_name(struct sup *S, const struct cl_comment *c, enum kind kind,
         struct cl_span span)
{
	struct cl_ctx *ctx = S->ctx;
	char *name = cl_strndup(ctx->buf + span.start, span.end - span.start);
	const cl_rule *rule = cl_registry_find(cl_ctx_registry(ctx), name);
	struct entry *e, *open;
	bool found;

	free(name);
	if (!rule) {
		unknown_rule(S, kind, span);
		return;
	}
	switch (kind) {
	case K_NEXT_LINE:
		e = add_entry(S, rule, kind, span);
		e->comment = c->span;
		e->range = next_element(S, c->span.end, &found);
		e->no_element = !found;
		break;
	case K_DISABLE:
		if ((open = open_disable(S, rule))) {
			struct cl_diag *d = cl_report(
			    ctx, &cl_rule_CL009, span,
			    "%s (%s) is already disabled here by an earlier "
			    "`connlint-disable`; remove it from this comment",
			    rule->id, rule->slug);

			cl_report_related(ctx, d, open->name, "disabled here");
			unused_fix(ctx, d, c->span, span, NULL, NULL);
			break;
		}
		e = add_entry(S, rule, kind, span);
		e->comment = c->span;
		e->range = span_of(c->span.end, UINT32_MAX);
		break;
	case K_ENABLE:
		if (!(open = open_disable(S, rule))) {
			struct cl_diag *d = cl_report(
			    ctx, &cl_rule_CL009, span,
			    "`connlint-enable` "
			    "for %s (%s), which no earlier `connlint-disable` "
			    "disabled; remove it from this comment",
			    rule->id, rule->slug);

			unused_fix(ctx, d, c->span, span, NULL, NULL);
			break;
		}
		open->range.end = c->span.start;
		open->end = span;
		open->end_comment = c->span;
		break;
	case K_FILE:
		e = add_entry(S, rule, kind, span);
		e->comment = c->span;
		e->range = span_of(0, UINT32_MAX);
		break;
	}
}

/* Reads comment C; adds its entries when it is a directive. */
static void
read_comment(struct sup *S, const struct cl_comment *c)
{
	struct cl_ctx *ctx = S->ctx;
	const char *buf = ctx->buf;
	size_t p = c->span.start + 4, end = c->span.end - 3, kw, w, k, start;
	size_t comma = 0; /* the last comma of the rule list */
	enum kind kind = K_NEXT_LINE;
	bool known = false, first = true;

	while (p < end && is_blank(buf[p]))
		p++;
	if (end - p < 9 || memcmp(buf + p, "connlint-", 9))
		return;
	kw = p;
	for (w = p; w < end && !is_blank(buf[w]); w++)
		;
	for (k = 0; k < CL_ARRAY_SIZE(kind_names); k++) {
		if (strlen(kind_names[k]) == w - p &&
		    !memcmp(buf + p, kind_names[k], w - p)) {
			kind = (enum kind)k;
			known = true;
		}
	}
	/* The annotations of ruleset tests (connlint test-rules) are not
	 * suppressions; a plain lint of a test file leaves them alone. */
	if (!known &&
	    ((w - p == 15 && !memcmp(buf + p, "connlint-expect", 15)) ||
	     (w - p == 20 && !memcmp(buf + p, "connlint-expect-none", 20))))
		return;
	if (!known) {
		char *word = cl_strndup(buf + p, w - p);
		const char *near =
		    cl_nearmiss(word, kind_names, CL_ARRAY_SIZE(kind_names));

		/* Other linters' habit: a comment at the end of the line. */
		if (!strcmp(word, "connlint-disable-line"))
			cl_report(
			    ctx, &cl_rule_CL010, span_of(p, w),
			    "unknown "
			    "suppression comment `%s`; put a "
			    "`connlint-disable-next-line` comment before the "
			    "element instead",
			    word);
		else if (near)
			cl_report(
			    ctx, &cl_rule_CL010, span_of(p, w),
			    "unknown "
			    "suppression comment `%s`; did you mean `%s`?",
			    word, near);
		else
			cl_report(
			    ctx, &cl_rule_CL010, span_of(p, w),
			    "unknown "
			    "suppression comment `%s`; connlint reads "
			    "`connlint-disable-next-line`, `connlint-disable`, "
			    "`connlint-enable` and `connlint-disable-file`",
			    word);
		free(word);
		return;
	}
	/* The list: names separated by commas; what follows is the reason. */
	for (p = w;;) {
		while (p < end && is_blank(buf[p]))
			p++;
		for (start = p; p < end && is_name_char(buf[p]); p++)
			;
		if (p == start && first) {
			cl_report(ctx, &cl_rule_CL010, span_of(kw, w),
			          "`%s` names no rule; write the IDs or slugs "
			          "of the rules it is for after it, separated "
			          "by commas",
			          kind_names[kind]);
			return;
		}
		if (p == start) {
			/* "CL101,,CL102" or "CL101, -- why": without a word,
			 * the names after the gap would be read as the
			 * reason and suppress nothing. */
			cl_report(ctx, &cl_rule_CL010,
			          span_of(comma, comma + 1),
			          "empty item in the rule list of `%s`; write "
			          "one rule ID or slug between two commas, and "
			          "no comma before the reason",
			          kind_names[kind]);
			if (p < end && buf[p] == ',') {
				comma = p++;
				continue;
			}
			return;
		}
		first = false;
		add_name(S, c, kind, span_of(start, p));
		while (p < end && is_blank(buf[p]))
			p++;
		if (p < end && buf[p] == ',') {
			comma = p++;
			continue;
		}
		break;
	}
	/* "CL101 CL102": the second is read as the reason; say so. */
	for (start = p; p < end && is_name_char(buf[p]); p++)
		;
	if (p > start) {
		char *word = cl_strndup(buf + start, p - start);

		if (cl_registry_find(cl_ctx_registry(ctx), word))
			cl_report(
			    ctx, &cl_rule_CL010, span_of(start, p),
			    "`%s` "
			    "follows the rule list without a comma, so it is "
			    "read as the reason and suppresses nothing; "
			    "separate rule names with commas",
			    word);
		free(word);
	}
}

/* A rule and a position, to sort entries and diagnostics by. */
struct at {
	uintptr_t rule;
	uint32_t start, end;
	size_t i; /* the entry or diagnostic */
};

static int
cmp_at(const void *pa, const void *pb)
{
	const struct at *a = pa, *b = pb;

	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* The first of A[0..N) not before (RULE, START). */
static size_t
lower_bound(const struct at *a, size_t n, uintptr_t rule, uint32_t start)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a[mid].rule < rule ||
		    (a[mid].rule == rule && a[mid].start < start))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Drops the diagnostics from FROM on that an entry covers, and marks
 * every entry that covers one used. Entries and diagnostics are sorted
 * by rule and start, so that each diagnostic and each entry is one
 * binary search: looking at every entry for every diagnostic made 50,000
 * disable/enable pairs take seconds (issue 16, B13).
 */
static void
filter(struct sup *S, size_t from)
{
	struct cl_diag_sink *sink = &S->ctx->sink;
	size_t nd = sink->n - from, i, k, w = from;
	struct at *ents, *diags;
	uint32_t
	    *reach; /* per sorted entry: the furthest end so far in its rule */

	if (!S->n || !nd)
		return;
	ents = cl_calloc(S->n, sizeof(*ents));
	reach = cl_calloc(S->n, sizeof(*reach));
	diags = cl_calloc(nd, sizeof(*diags));
	for (k = 0; k < S->n; k++) {
		ents[k].rule = (uintptr_t)S->e[k].rule;
		ents[k].start = S->e[k].range.start;
		ents[k].end = S->e[k].range.end;
		ents[k].i = k;
	}
	qsort(ents, S->n, sizeof(*ents), cmp_at);
	for (k = 0; k < S->n; k++) {
		reach[k] = ents[k].end;
		if (k && ents[k - 1].rule == ents[k].rule &&
		    reach[k - 1] > reach[k])
			reach[k] = reach[k - 1];
	}
	for (i = 0; i < nd; i++) {
		diags[i].rule = (uintptr_t)sink->items[from + i].rule;
		diags[i].start = sink->items[from + i].span.start;
		diags[i].i = from + i;
	}
	qsort(diags, nd, sizeof(*diags), cmp_at);
	/* An entry is used when a diagnostic of its rule starts in it. */
	for (k = 0; k < S->n; k++) {
		size_t j = lower_bound(diags, nd, ents[k].rule, ents[k].start);

		if (j < nd && diags[j].rule == ents[k].rule &&
		    diags[j].start < ents[k].end)
			S->e[ents[k].i].used = true;
	}
	for (i = from; i < sink->n; i++) {
		struct cl_diag *d = &sink->items[i];
		uintptr_t r = (uintptr_t)d->rule;
		/* Past the entries of the rule starting at or before D (a
		 * span ends within the input, far below UINT32_MAX). */
		size_t j = lower_bound(ents, S->n, r, d->span.start + 1);

		if (j > 0 && ents[j - 1].rule == r &&
		    reach[j - 1] > d->span.start)
			cl_diag_clear(d);
		else
			sink->items[w++] = *d;
	}
	sink->n = w;
	free(diags);
	free(reach);
	free(ents);
}

static void
report_unused(struct sup *S, const struct entry *e)
{
	struct cl_ctx *ctx = S->ctx;
	const struct cl_rule *r = e->rule;
	struct cl_diag *d = NULL;

	switch (e->kind) {
	case K_NEXT_LINE:
		if (e->no_element)
			d = cl_report(
			    ctx, &cl_rule_CL009, e->name,
			    "`connlint-"
			    "disable-next-line` for %s (%s) suppresses nothing: "
			    "no element follows it",
			    r->id, r->slug);
		else
			d = cl_report(
			    ctx, &cl_rule_CL009, e->name,
			    "`connlint-"
			    "disable-next-line` for %s (%s) suppresses nothing: "
			    "the next element has no %s diagnostic; remove %s "
			    "from the comment",
			    r->id, r->slug, r->id, r->id);
		break;
	case K_DISABLE:
		d = cl_report(
		    ctx, &cl_rule_CL009, e->name,
		    "`connlint-disable` "
		    "for %s (%s) suppresses nothing: there is no %s "
		    "diagnostic between it and %s; remove %s from the "
		    "comment%s",
		    r->id, r->slug, r->id,
		    e->range.end == UINT32_MAX ? "the end of the file"
		                               : "its `connlint-enable`",
		    r->id,
		    e->range.end == UINT32_MAX
		        ? ""
		        : " and from the `connlint-enable`");
		if (e->range.end != UINT32_MAX)
			cl_report_related(ctx, d, e->end, "enabled again here");
		break;
	case K_FILE:
		d = cl_report(
		    ctx, &cl_rule_CL009, e->name,
		    "`connlint-disable-file` "
		    "for %s (%s) suppresses nothing: the file has no %s "
		    "diagnostic; remove %s from the comment",
		    r->id, r->slug, r->id, r->id);
		break;
	case K_ENABLE:
		return;
	}
	if (e->kind == K_DISABLE && e->range.end != UINT32_MAX)
		unused_fix(ctx, d, e->comment, e->name, &e->end_comment,
		           &e->end);
	else
		unused_fix(ctx, d, e->comment, e->name, NULL, NULL);
}

void
cl_suppress_apply(struct cl_ctx *ctx)
{
	struct sup S;
	size_t i, before;

	if (!ctx->doc.ncomments)
		return;
	memset(&S, 0, sizeof(S));
	S.ctx = ctx;
	for (i = 0; i < ctx->doc.ncomments; i++)
		read_comment(&S, &ctx->doc.comments[i]);
	if (!S.n)
		goto cleanup;
	filter(&S, 0);
	/* Unused entries, for rules that ran (no rule runs without a model).
	 * Suppressions of CL009 itself apply to these reports and are never
	 * reported. */
	before = ctx->sink.n;
	for (i = 0; ctx->model && i < S.n; i++)
		if (!S.e[i].used && S.e[i].rule != &cl_rule_CL009 &&
		    cl_rule_enabled(ctx, S.e[i].rule) &&
		    (ctx->diff || !cl_rule_is_compat(S.e[i].rule)))
			report_unused(&S, &S.e[i]);
	filter(&S, before);
cleanup:
	free(S.e);
	free(S.nodes);
	free(S.last_disable);
}
