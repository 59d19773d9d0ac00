/* The rule documentation pages, embedded at build time from docs/rules/
 * by tools/embed_docs.c (see the Makefile). */
#ifndef CL_RULEDOC_H
#define CL_RULEDOC_H

#include <stddef.h>

struct cl_rule_doc {
	const char *id;   /* "CL303" */
	const char *text; /* the Markdown page */
};

/* Terminated by { NULL, NULL }. */
extern const struct cl_rule_doc cl_rule_docs[];

#endif /* CL_RULEDOC_H */
