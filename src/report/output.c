/*
 * The output front end: one table of formats (name, enum, ops) behind
 * cl_format_parse, cl_format_name and cl_output_new, and the counts every
 * format may want (files, diagnostics per severity).
 */
#include <stdlib.h>
#include <string.h>

#include "output.h"

#include "catalogue.h"
#include "registries.h"

static const struct {
	const char *name;
	enum cl_format format;
	const struct cl_output_ops *ops;
} formats[] = {
	{ "text", CL_FORMAT_TEXT, &cl_output_text_ops },
	{ "gcc", CL_FORMAT_GCC, &cl_output_gcc_ops },
	{ "json", CL_FORMAT_JSON, &cl_output_json_ops },
	{ "sarif", CL_FORMAT_SARIF, &cl_output_sarif_ops },
	{ "checkstyle", CL_FORMAT_CHECKSTYLE, &cl_output_checkstyle_ops },
	{ "junit", CL_FORMAT_JUNIT, &cl_output_junit_ops },
	{ "github", CL_FORMAT_GITHUB, &cl_output_github_ops },
	{ "gitlab", CL_FORMAT_GITLAB, &cl_output_gitlab_ops },
	{ "markdown", CL_FORMAT_MARKDOWN, &cl_output_markdown_ops },
};

int
cl_format_parse(const char *name, enum cl_format *out)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(formats); i++) {
		if (!strcmp(name, formats[i].name)) {
			*out = formats[i].format;
			return 0;
		}
	}
	return -1;
}

size_t
cl_format_count(void)
{
	return CL_ARRAY_SIZE(formats);
}

const char *
cl_format_name(size_t i)
{
	return i < CL_ARRAY_SIZE(formats) ? formats[i].name : NULL;
}

cl_output *
cl_output_new(enum cl_format format, FILE *out, unsigned flags)
{
	struct cl_output *o = cl_calloc(1, sizeof(*o));
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(formats) && !o->ops; i++)
		if (formats[i].format == format)
			o->ops = formats[i].ops;
	if (!o->ops)
		BUG("unknown output format %d", (int)format);
	o->out = out;
	o->flags = flags;
	/* Statistics are the text format's other view (--statistics). */
	if (format == CL_FORMAT_TEXT && (flags & CL_OUTPUT_STATISTICS))
		o->ops = &cl_output_statistics_ops;
	cl_output_set_column_unit(o, CL_COLUMN_DEFAULT);
	return o;
}

void
cl_output_add(cl_output *output, const cl_result *result)
{
	int sev;

	output->files++;
	/* Counted columns belong to the previous file's buffer. */
	output->column_index.bol = NULL;
	for (sev = CL_SEV_INFO; sev <= CL_SEV_ERROR; sev++)
		output->counts[sev] +=
		    cl_result_count_severity(result, (enum cl_severity)sev);
	output->ops->add(output, result);
}

void
cl_output_add_error(cl_output *output, const char *path, const char *reason)
{
	struct cl_output_error *e;

	CL_GROW(output->errors, output->nerrors + 1, output->errors_alloc);
	e = &output->errors[output->nerrors++];
	e->path = cl_strdup(path);
	e->reason = cl_strdup(reason ? reason : "cannot read");
	e->before = output->files;
}

void
cl_output_add_baselined(cl_output *output, size_t n)
{
	output->baselined += n;
}

void
cl_output_add_fixed(cl_output *output, size_t n)
{
	output->fixed += n;
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
	size_t i;

	if (!output)
		return;
	if (output->ops->release)
		output->ops->release(output);
	for (i = 0; i < output->nerrors; i++) {
		free(output->errors[i].path);
		free(output->errors[i].reason);
	}
	free(output->errors);
	free(output->link_base);
	free(output->column_index.points);
	free(output->custom);
	cl_registry_unref(output->reg);
	free(output);
}

/* Appends a custom rule's slot. */
static size_t
add_custom(struct cl_output *out, const cl_rule *rule)
{
	CL_GROW(out->custom, out->ncustom + 1, out->custom_alloc);
	out->custom[out->ncustom++] = rule;
	return cl_rules_count + out->ncustom - 1;
}

void
cl_output_set_registry(struct cl_output *out, const struct cl_registry *reg)
{
	size_t i;

	if (out->files || out->ncustom)
		BUG("the registry of an output set after its first result");
	cl_registry_unref(out->reg);
	out->reg = cl_registry_ref(reg);
	for (i = cl_rules_count; i < reg->count; i++)
		add_custom(out, reg->rules[i]);
}

size_t
cl_output_rule_slot(struct cl_output *out, const cl_rule *rule)
{
	size_t i;

	if (!rule->custom)
		return cl_rule_index(rule);
	for (i = 0; i < out->ncustom; i++)
		if (out->custom[i] == rule)
			return cl_rules_count + i;
	return add_custom(out, rule);
}

size_t
cl_output_rule_slots(const struct cl_output *out)
{
	return cl_rules_count + out->ncustom;
}

const cl_rule *
cl_output_rule_at(const struct cl_output *out, size_t i)
{
	if (i < cl_rules_count)
		return cl_rules[i];
	if (i - cl_rules_count < out->ncustom)
		return out->custom[i - cl_rules_count];
	return NULL;
}

void
cl_output_set_link_base(cl_output *output, const char *url)
{
	free(output->link_base);
	output->link_base = url ? cl_strdup(url) : NULL;
}

const char *
cl_output_related(const cl_diag *d, size_t i, unsigned *line, unsigned *column,
                  unsigned *end_line, unsigned *end_column)
{
	const char *msg =
	    cl_diag_related(d, i, line, column, end_line, end_column);

	if (!msg)
		BUG("related location %zu missing", i);
	return msg;
}
