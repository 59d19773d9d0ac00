/*
 * The byte escapers every writer shares: UTF-8 decoding, plain text for a
 * terminal or a CI log, JSON strings, XML text and attributes, file URIs.
 */
#include <stdlib.h>
#include <string.h>

#include "connlint.h"
#include "escape.h"

size_t
cl_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2, c = u[0] & 0x1f, min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3, c = u[0] & 0x0f, min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return 0; /* continuation byte, 0xc0/0xc1, or 0xf5 and up */
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/*
 * 1 for the code points .NET's Char.IsWhiteSpace accepts: the GitHub
 * runner trims them from a line before it looks for "::", so a command
 * hides behind any of them as well as behind spaces.
 */
static bool
runner_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 ||
	       cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f ||
	       cp == 0x3000;
}

bool
cl_cp_is_bidi(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
	       cp == 0x061c || cp == 0x2028 || cp == 0x2029;
}

bool
cl_log_command_at(const char *s, size_t len, size_t i, bool line_start)
{
	size_t j;
	uint32_t cp;

	if (s[i] == '#')
		return i + 2 < len && s[i + 1] == '#' && s[i + 2] == '[';
	if (s[i] != ':' || !line_start || i + 1 >= len || s[i + 1] != ':')
		return false;
	/* Only blanks (as the runner trims them) before it on the line. */
	for (j = 0; j < i;) {
		size_t n = cl_utf8_decode(s + j, i - j, &cp);

		if (!n || !runner_space(cp))
			return false;
		j += n;
	}
	return true;
}

void
cl_plain_add(struct cl_strbuf *sb, const char *s, unsigned flags)
{
	size_t len = strlen(s), i = 0, line = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if ((c == '\n' || c == '\r') &&
		    (flags & CL_PLAIN_KEEP_BREAKS)) {
			cl_strbuf_addch(sb, (char)c);
			line = ++i;
			continue;
		}
		if ((c == '#' || c == ':') &&
		    cl_log_command_at(s + line, len - line, i - line,
		                      flags & CL_PLAIN_LINE_START)) {
			/* "##[" anywhere and "::" first on a line are workflow
			 * commands to a CI runner; the second '#' or the first
			 * ':' is shown as an escape so none of them reads so. */
			if (c == '#') {
				cl_strbuf_adds(sb, "#\\x23");
				i += 2;
			} else {
				cl_strbuf_adds(sb, "\\x3a");
				i++;
			}
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			cl_strbuf_addf(sb, "\\x%02x", c);
			i++;
		} else if (c < 0x80) {
			cl_strbuf_addch(sb, (char)c);
			i++;
		} else if ((n = cl_utf8_decode(s + i, len - i, &cp)) == 0) {
			cl_strbuf_addf(sb, "\\x%02x", c); /* not UTF-8 */
			i++;
		} else if (cp <= 0x9f || cl_cp_is_bidi(cp)) {
			/* C1 controls (U+009B is CSI to some terminals) and
			 * the bidirectional controls, which reorder what the
			 * reader sees */
			cl_strbuf_addf(sb, "\\u%04x", (unsigned)cp);
			i += n;
		} else {
			cl_strbuf_add(sb, s + i, n);
			i += n;
		}
	}
}

void
cl_output_put_oneline(FILE *f, const char *s, unsigned flags)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	cl_plain_add(&sb, s, flags & ~CL_PLAIN_KEEP_BREAKS);
	if (sb.len)
		fwrite(sb.buf, 1, sb.len, f);
	cl_strbuf_release(&sb);
}

char *
cl_safe_line(const char *s)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	cl_plain_add(&sb, s, CL_PLAIN_LINE_START);
	return sb.buf ? cl_strbuf_detach(&sb) : cl_strdup("");
}

void
cl_json_add_string(struct cl_strbuf *sb, const char *s)
{
	size_t len = strlen(s), i = 0;

	cl_strbuf_addch(sb, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c == '"' || c == '\\') {
			cl_strbuf_addch(sb, '\\');
			cl_strbuf_addch(sb, (char)c);
			i++;
		} else if (c == '#' && cl_log_command_at(s, len, i, false)) {
			/* "##[" is a workflow command wherever a CI log shows
			 * it; \u0023 reads back as the same '#' */
			cl_strbuf_adds(sb, "#\\u0023");
			i += 2;
		} else if (c < 0x20 || c == 0x7f) {
			cl_strbuf_addf(sb, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			cl_strbuf_addch(sb, (char)c);
			i++;
		} else if ((n = cl_utf8_decode(s + i, len - i, &cp)) > 0) {
			/* C1 and bidirectional controls escaped: the same
			 * string, but inert in a log or terminal */
			if (cp <= 0x9f || cl_cp_is_bidi(cp))
				cl_strbuf_addf(sb, "\\u%04x", (unsigned)cp);
			else
				cl_strbuf_add(sb, s + i, n);
			i += n;
		} else {
			cl_strbuf_adds(sb, "\\ufffd");
			i++;
		}
	}
	cl_strbuf_addch(sb, '"');
}

void
cl_xml_add_escaped(struct cl_strbuf *sb, const char *s, bool attr)
{
	static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
	size_t len = strlen(s), i = 0, line = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if ((c == '#' || c == ':') &&
		    cl_log_command_at(s + line, len - line, i - line, true)) {
			/* "##[" anywhere and "::" first on a line (the start
			 * of S counts: element text may begin a line) are
			 * workflow commands in a CI log; a character reference
			 * reads back as the same character. */
			cl_strbuf_adds(sb, c == '#' ? "#&#35;" : "&#58;");
			i += c == '#' ? 2 : 1;
			continue;
		}
		if (c == '\n')
			line = i + 1;
		if (c == '&') {
			cl_strbuf_adds(sb, "&amp;");
		} else if (c == '<') {
			cl_strbuf_adds(sb, "&lt;");
		} else if (c == '>') {
			/* not required, but "]]>" must not appear in text */
			cl_strbuf_adds(sb, "&gt;");
		} else if (c == '"' && attr) {
			cl_strbuf_adds(sb, "&quot;");
		} else if (c == '\r' || ((c == '\n' || c == '\t') && attr)) {
			/* a parser would turn them into spaces (attribute
			 * normalisation) or drop a \r (line-end handling) */
			cl_strbuf_addf(sb, "&#%u;", c);
		} else if (c == '\n' || c == '\t') {
			cl_strbuf_addch(sb, (char)c);
		} else if (c < 0x20) {
			cl_strbuf_adds(sb,
			               replacement); /* not an XML 1.0 Char */
		} else if (c == 0x7f) {
			cl_strbuf_adds(sb, "&#127;");
		} else if (c < 0x80) {
			cl_strbuf_addch(sb, (char)c);
		} else if ((n = cl_utf8_decode(s + i, len - i, &cp)) > 0) {
			if (cp == 0xfffe || cp == 0xffff)
				cl_strbuf_adds(sb, replacement);
			else if (cp <= 0x9f || cl_cp_is_bidi(cp))
				/* C1 and bidirectional controls: legal, but
				 * unseen or reordering what a reader sees */
				cl_strbuf_addf(sb, "&#%u;", (unsigned)cp);
			else
				cl_strbuf_add(sb, s + i, n);
			i += n;
			continue;
		} else {
			cl_strbuf_adds(sb, replacement);
		}
		i++;
	}
}

static bool
uri_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~';
}

bool
cl_path_to_uri(struct cl_strbuf *sb, const char *path)
{
	bool relative = path[0] != '/';
	const char *p = path;

	if (relative) {
		/* "./a.xml" and "a.xml" name one file: one URI for both */
		while (p[0] == '.' && p[1] == '/') {
			p += 2;
			while (*p == '/')
				p++;
		}
	} else {
		cl_strbuf_adds(sb, "file://");
	}
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (uri_unreserved(c) || c == '/')
			cl_strbuf_addch(sb, (char)c);
		else
			cl_strbuf_addf(sb, "%%%02X", c);
	}
	return relative;
}
