/*
 * --add-suppressions (cl_add_suppressions in connlint.h): a
 * connlint-disable-next-line comment above the element of each finding,
 * so that a project can adopt connlint and fix its findings later.
 *
 * Which element: a disable-next-line comment covers the next element
 * after it, whole when it has no child elements, else its start tag
 * (src/engine/suppress.c). So a finding is covered by the innermost
 * element whose covered bytes hold its first byte, and the comment goes
 * right before that element's start tag, where nothing but blanks can
 * stand between them.
 */
#include <stdlib.h>
#include <string.h>

#include "addsupp.h"
#include "arena.h"
#include "connlint.h"
#include "result.h"
#include "util.h"
#include "xml.h"

/* A finding placed on an element. */
struct placed {
	size_t node;     /* index in document order */
	const char *id;  /* its rule */
	size_t position; /* its diagnostic's index, to keep their order */
};

static int
cmp_placed(const void *pa, const void *pb)
{
	const struct placed *a = pa, *b = pb;

	if (a->node != b->node)
		return a->node < b->node ? -1 : 1;
	return a->position < b->position ? -1 : a->position > b->position;
}

/* The end of the bytes a comment before N covers (see the top). */
static size_t
covered_end(const struct cl_node *n, const char *buf, size_t len)
{
	size_t end = n->tag_span.end;

	if (!n->children && end >= 2 && buf[end - 2] != '/') {
		end = n->inner_span.end;
		while (end < len && buf[end] != '>')
			end++;
		if (end < len)
			end++;
	}
	return end;
}

/* The index of the innermost element covering byte POS, or (size_t)-1. */
static size_t
element_at(const struct cl_node **v, size_t n, size_t pos, const char *buf,
           size_t len)
{
	size_t lo = 0, hi = n;
	const struct cl_node *e;

	/* the last element starting at or before POS */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid]->tag_span.start <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return (size_t)-1;
	for (e = v[lo - 1]; e; e = e->parent)
		if (pos < covered_end(e, buf, len))
			break;
	if (!e)
		return (size_t)-1;
	/* its index: an ancestor comes earlier in document order */
	while (v[lo - 1] != e)
		lo--;
	return lo - 1;
}

/* The line end the file uses around byte POS: that of the line before,
 * or of POS's own line, or "\n". */
static const char *
line_end_near(const char *buf, size_t len, size_t pos)
{
	size_t i;

	if (pos > 0 && buf[pos - 1] == '\n')
		return pos > 1 && buf[pos - 2] == '\r' ? "\r\n" : "\n";
	if (pos > 0 && buf[pos - 1] == '\r')
		return "\r";
	for (i = pos; i < len; i++) {
		if (buf[i] == '\n')
			return i > 0 && buf[i - 1] == '\r' ? "\r\n" : "\n";
		if (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))
			return "\r";
	}
	return "\n";
}

char *
cl_add_suppressions(const cl_result *result, const char *reason, size_t *len,
                    size_t *added)
{
	const char *buf = result->buf;
	size_t blen = result->len, i, j, n = cl_result_count(result);
	size_t nnodes = 0, nplaced = 0, pos = 0;
	struct cl_arena arena = CL_ARENA_INIT;
	struct cl_xml_doc doc;
	struct cl_xml_error err;
	const struct cl_node **nodes = NULL;
	struct placed *placed = NULL;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const struct cl_node *root;
	char *out = NULL;

	*len = 0;
	*added = 0;
	if (!n)
		return NULL;
	memset(&doc, 0, sizeof(doc));
	/* A file the engine could not read as XML (CL001: not UTF-8, not
	 * well-formed) has no element a comment could go above. */
	for (i = 0; i < n; i++)
		if (!strcmp(cl_rule_id(cl_diag_rule(cl_result_diag(result, i))),
		            "CL001"))
			goto cleanup;
	cl_xml_init();
	if (!(root = cl_xml_parse(&arena, buf, blen, &doc, &err)))
		goto cleanup;
	nodes = cl_xml_nodes_in_order(root, &nnodes);
	placed = cl_calloc(n, sizeof(*placed));
	for (i = 0; i < n; i++) {
		const cl_diag *d = cl_result_diag(result, i);
		size_t at = element_at(nodes, nnodes, d->span.start, buf, blen);

		if (at == (size_t)-1)
			continue;
		placed[nplaced].node = at;
		placed[nplaced].id = cl_rule_id(cl_diag_rule(d));
		placed[nplaced++].position = i;
	}
	if (!nplaced)
		goto cleanup;
	qsort(placed, nplaced, sizeof(*placed), cmp_placed);
	for (i = 0; i < nplaced; i = j) {
		const struct cl_node *e = nodes[placed[i].node];
		size_t at = e->tag_span.start, bol = at;

		/* the blanks before the element on its line */
		while (bol > 0 && (buf[bol - 1] == ' ' || buf[bol - 1] == '\t'))
			bol--;
		cl_strbuf_add(&sb, buf + pos, bol - pos);
		pos = bol;
		cl_strbuf_add(&sb, buf + bol, at - bol);
		cl_strbuf_adds(&sb, "<!-- connlint-disable-next-line ");
		for (j = i; j < nplaced && placed[j].node == placed[i].node;
		     j++) {
			size_t k;
			bool dup = false;

			for (k = i; k < j && !dup; k++)
				dup = !strcmp(placed[k].id, placed[j].id);
			if (dup)
				continue;
			if (j > i)
				cl_strbuf_adds(&sb, ", ");
			cl_strbuf_adds(&sb, placed[j].id);
		}
		cl_strbuf_addf(&sb, " %s -->", reason);
		/* On a line of its own when the element begins its line (a
		 * byte order mark before it counts as nothing). */
		if (bol == 0 || buf[bol - 1] == '\n' || buf[bol - 1] == '\r' ||
		    (bol == 3 && !memcmp(buf, "\xef\xbb\xbf", 3)))
			cl_strbuf_adds(&sb, line_end_near(buf, blen, bol));
		else
			pos = at; /* inline: the blanks were copied already */
		(*added)++;
	}
	cl_strbuf_add(&sb, buf + pos, blen - pos);
	*len = sb.len;
	out = cl_strbuf_detach(&sb);
cleanup:
	if (!out)
		cl_strbuf_release(&sb);
	free(nodes);
	free(placed);
	cl_arena_release(&arena);
	return out;
}

int
cl_suppression_insert(const cl_result *result, const cl_diag *d,
                      const char *reason, size_t *at, char **text)
{
	const char *buf = result->buf;
	size_t blen = result->len, nnodes = 0, idx, start, bol;
	struct cl_arena arena = CL_ARENA_INIT;
	struct cl_xml_doc doc;
	struct cl_xml_error err;
	const struct cl_node **nodes = NULL;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const struct cl_node *root;
	int ret = -1;

	memset(&doc, 0, sizeof(doc));
	if (!strcmp(cl_rule_id(cl_diag_rule(d)), "CL001"))
		return -1;
	cl_xml_init();
	if (!(root = cl_xml_parse(&arena, buf, blen, &doc, &err)))
		goto cleanup;
	nodes = cl_xml_nodes_in_order(root, &nnodes);
	idx = element_at(nodes, nnodes, d->span.start, buf, blen);
	if (idx == (size_t)-1)
		goto cleanup;
	start = nodes[idx]->tag_span.start;
	bol = start;
	while (bol > 0 && (buf[bol - 1] == ' ' || buf[bol - 1] == '\t'))
		bol--;
	if (bol == 0 || buf[bol - 1] == '\n' || buf[bol - 1] == '\r' ||
	    (bol == 3 && !memcmp(buf, "\xef\xbb\xbf", 3))) {
		/* its own line: indentation, comment, line break, and the
		 * element's own indentation stays where it is */
		cl_strbuf_add(&sb, buf + bol, start - bol);
		cl_strbuf_addf(&sb, "<!-- connlint-disable-next-line %s %s -->",
		               cl_rule_id(cl_diag_rule(d)), reason);
		cl_strbuf_adds(&sb, line_end_near(buf, blen, bol));
		*at = bol;
	} else {
		cl_strbuf_addf(&sb, "<!-- connlint-disable-next-line %s %s -->",
		               cl_rule_id(cl_diag_rule(d)), reason);
		*at = start;
	}
	*text = cl_strbuf_detach(&sb);
	ret = 0;
cleanup:
	cl_strbuf_release(&sb);
	free(nodes);
	cl_arena_release(&arena);
	return ret;
}

/* Whether the LEN bytes at S are UTF-8 (RFC 3629: shortest forms, no
 * surrogates, nothing past U+10FFFF). */
static bool
utf8_valid(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i], need, cp, k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, cp = c & 0x07;
		else
			return false;
		for (k = 1; k <= need; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((need == 2 &&
		     (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return false;
		i += need + 1;
	}
	return true;
}

int
cl_suppression_reason_check(const char *reason, const char **why)
{
	size_t i, len = strlen(reason), w;
	const char *msg = NULL;
	char *word;

	w = strspn(reason,
	           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	           "0123456789_-");
	word = cl_strndup(reason, w);
	if (!len || strspn(reason, " \t") == len)
		msg = "the reason is empty";
	else if (!utf8_valid((const unsigned char *)reason, len))
		msg = "the reason is not UTF-8";
	else if (strstr(reason, "--"))
		msg = "an XML comment cannot hold \"--\"";
	else if (reason[len - 1] == '-')
		msg = "an XML comment cannot end with \"-\"";
	else if (reason[0] == ',' || reason[0] == ' ' || reason[0] == '\t')
		msg = "the reason cannot start with a comma or a blank";
	else if (w && cl_rule_find(word))
		msg = "the reason cannot start with a rule's ID or slug (it "
		      "would be read as a rule)";
	for (i = 0; !msg && i < len; i++)
		if ((unsigned char)reason[i] < 0x20 || reason[i] == 0x7f)
			msg = "the reason cannot hold a control character";
	free(word);
	if (msg && why)
		*why = msg;
	return msg ? -1 : 0;
}
