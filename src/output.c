/*
 * The output front end: picks a format's ops, keeps the counts every
 * format may want (files, diagnostics per severity), and holds the byte
 * helpers the formats share.
 */
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "result.h"

int
cl_format_parse(const char *name, enum cl_format *out)
{
	static const struct {
		const char *name;
		enum cl_format format;
	} formats[] = {
		{ "text", CL_FORMAT_TEXT },
		{ "gcc", CL_FORMAT_GCC },
		{ "json", CL_FORMAT_JSON },
	};
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(formats); i++) {
		if (!strcmp(name, formats[i].name)) {
			*out = formats[i].format;
			return 0;
		}
	}
	return -1;
}

cl_output *
cl_output_new(enum cl_format format, FILE *out, unsigned flags)
{
	struct cl_output *o = cl_calloc(1, sizeof(*o));

	switch (format) {
	case CL_FORMAT_TEXT:
		o->ops = &cl_output_text_ops;
		break;
	case CL_FORMAT_GCC:
		o->ops = &cl_output_gcc_ops;
		break;
	case CL_FORMAT_JSON:
		o->ops = &cl_output_json_ops;
		break;
	default:
		BUG("unknown output format %d", (int)format);
	}
	o->out = out;
	o->flags = flags;
	return o;
}

void
cl_output_add(cl_output *output, const cl_result *result)
{
	int sev;

	output->files++;
	for (sev = CL_SEV_INFO; sev <= CL_SEV_ERROR; sev++)
		output->counts[sev] +=
		    cl_result_count_severity(result, (enum cl_severity)sev);
	output->ops->add(output, result);
}

void
cl_output_finish(cl_output *output)
{
	output->ops->finish(output);
	fflush(output->out);
}

void
cl_output_free(cl_output *output)
{
	if (!output)
		return;
	if (output->ops->release)
		output->ops->release(output);
	free(output);
}

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

void
cl_output_put_oneline(FILE *f, const char *s)
{
	const char *p;

	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20 || c == 0x7f) {
			putc(' ', f);
		} else if (c == 0xc2 && (unsigned char)p[1] >= 0x80 &&
		           (unsigned char)p[1] <= 0x9f) {
			/* U+0080..U+009F: C1 controls, which some terminals
			 * obey (U+009B is CSI). */
			putc(' ', f);
			p++;
		} else {
			putc(c, f);
		}
	}
}
