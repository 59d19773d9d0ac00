/* Text helpers: byte offsets to positions, comma lists, absolute paths,
 * secret masks; see text.h. */
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "util.h"

void
cl_offset_position(const char *buf, size_t len, uint32_t offset, unsigned *line,
                   unsigned *column, unsigned *byte_column)
{
	const char *p, *bol = buf, *end;
	bool cr = cl_has_lone_cr(buf, len);
	unsigned l = 1;

	if (offset > len)
		offset = (uint32_t)len;
	end = buf + offset;
	for (p = buf; p < end && (p = cl_next_line(p, end, buf + len, cr));) {
		l++;
		bol = p;
	}
	*line = l;
	*byte_column = (unsigned)(end - bol) + 1;
	*column = (unsigned)cl_utf8_count(bol, (size_t)(end - bol)) + 1;
}

/* A small table, not the full Unicode one: it only has to be right for
 * the text connector files contain. */
unsigned
cl_cp_width(uint32_t cp)
{
	static const uint32_t zero[][2] = {
		{ 0x0300, 0x036f },   { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
		{ 0x0610, 0x061a },   { 0x064b, 0x065f }, { 0x1ab0, 0x1aff },
		{ 0x1dc0, 0x1dff },   { 0x200b, 0x200d }, { 0x20d0, 0x20ff },
		{ 0xfe00, 0xfe0f },   { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
		{ 0xe0100, 0xe01ef },
	};
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115f },   { 0x2e80, 0x303e },
		{ 0x3041, 0x33ff },   { 0x3400, 0x4dbf },
		{ 0x4e00, 0x9fff },   { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 },   { 0xf900, 0xfaff },
		{ 0xfe30, 0xfe4f },   { 0xff00, 0xff60 },
		{ 0xffe0, 0xffe6 },   { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd },
		{ 0x30000, 0x3fffd },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(zero); i++)
		if (cp >= zero[i][0] && cp <= zero[i][1])
			return 0;
	for (i = 0; i < CL_ARRAY_SIZE(wide); i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}

size_t
cl_display_advance(const char *s, size_t len, size_t cells)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if (s[i] == '\t') {
			cells += CL_TAB_WIDTH - cells % CL_TAB_WIDTH;
			i++;
		} else if ((n = cl_utf8_decode(s + i, len - i, &cp)) > 0) {
			cells += cl_cp_width(cp);
			i += n;
		} else {
			cells++; /* a byte that is not UTF-8 */
			i++;
		}
	}
	return cells;
}

const char *
cl_list_next(const char **p, size_t *len)
{
	const char *s = *p, *e;

	while (*s == ',' || *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (!*s) {
		*p = s;
		return NULL;
	}
	for (e = s; *e && *e != ','; e++)
		;
	*p = e;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	                 e[-1] == '\r'))
		e--;
	*len = (size_t)(e - s);
	return s;
}

/* The current directory, malloc'd; "/" when it cannot be known. */
char *
cl_current_dir(void)
{
	size_t size = 256;

	for (;;) {
		char *buf = cl_malloc(size);

		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return cl_strdup("/");
		size *= 2;
	}
}

/* PATH made absolute against CWD (an absolute directory), normalised. */
char *
cl_path_absolute_from(const char *cwd, const char *path)
{
	struct cl_strbuf in = CL_STRBUF_INIT, out = CL_STRBUF_INIT;
	const char *p, *e;

	if (path[0] != '/') {
		cl_strbuf_adds(&in, cwd);
		cl_strbuf_addch(&in, '/');
	}
	cl_strbuf_adds(&in, path);
	for (p = cl_strbuf_str(&in); *p; p = e) {
		size_t n;

		while (*p == '/')
			p++;
		for (e = p; *e && *e != '/'; e++)
			;
		n = (size_t)(e - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (out.len && out.buf[out.len - 1] != '/')
				out.len--;
			if (out.len)
				out.len--; /* the '/' before the part */
			if (out.buf)
				out.buf[out.len] = '\0';
			continue;
		}
		cl_strbuf_addch(&out, '/');
		cl_strbuf_add(&out, p, n);
	}
	cl_strbuf_release(&in);
	if (!out.len)
		cl_strbuf_addch(&out, '/');
	return cl_strbuf_detach(&out);
}

char *
cl_path_absolute(const char *path)
{
	char *cwd = path[0] == '/' ? NULL : cl_current_dir();
	char *abs = cl_path_absolute_from(cwd ? cwd : "/", path);

	free(cwd);
	return abs;
}

size_t
cl_mask_keep(const char *s, size_t len)
{
	size_t chars = cl_utf8_count(s, len),
	       keep = chars >= 12 ? 4 : chars / 3;
	size_t i = 0;

	while (i < len && keep) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		keep--;
	}
	return i;
}

char *
cl_mask_secret(const char *s, size_t len)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	cl_strbuf_add(&sb, s, cl_mask_keep(s, len));
	cl_strbuf_adds(&sb, "\xE2\x80\xA6");
	return cl_strbuf_detach(&sb);
}

char *
cl_join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	const char *sep = n && dir[n - 1] == '/' ? "" : "/";

	return cl_xasprintf("%s%s%s", dir, sep, name);
}

const char cl_read_too_large[] = "too large";

char *
cl_read_file(const char *path, size_t max, size_t *len, const char **why)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	struct stat st;
	char chunk[8192];
	ssize_t n;
	/* O_NONBLOCK: a FIFO must not hang the run before fstat turns it
	 * down. */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

	*why = NULL;
	if (fd < 0 || fstat(fd, &st)) {
		*why = strerror(errno);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "is a directory"
		                           : "not a regular file";
		close(fd);
		return NULL;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*why = strerror(errno);
			break;
		}
		cl_strbuf_add(&sb, chunk, (size_t)n);
		if (sb.len > max) {
			*why = cl_read_too_large;
			break;
		}
	}
	close(fd);
	if (*why) {
		cl_strbuf_release(&sb);
		return NULL;
	}
	*len = sb.len;
	cl_strbuf_addch(&sb, '\0'); /* NUL-terminated, even when empty */
	return cl_strbuf_detach(&sb);
}
