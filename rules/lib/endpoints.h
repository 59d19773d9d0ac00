/*
 * What the endpoint rules (CL4xx) share: walking a connector's endpoints,
 * and the questions several of them ask of an endpoint's request: is a
 * param its Content-Type, does its body carry anything, does it send a
 * body at all, and does CL407 already report its own Content-Type header
 * (then the rules that would also point at that header stay quiet:
 * removing it fixes all).
 *
 * Nothing here allocates memory; pointers returned point into the model.
 */
#ifndef CL_LIB_ENDPOINTS_H
#define CL_LIB_ENDPOINTS_H

#include "rule.h"

/* Runs the statement that follows for each endpoint E of C, in order; I (a
 * size_t) is E's index. */
#define cl_for_each_endpoint(e, c, i) \
	for ((i) = 0;                 \
	     (i) < (c)->n_endpoints && ((e) = &(c)->endpoints[(i)], 1); (i)++)

/* 1 when METHOD is one of LIST (NULL-terminated), byte for byte. */
int cl_method_in(const char *method, const char *const *list);

/* 1 when KEY is `Content-Type` in any case. */
int cl_is_content_type_key(const char *key);

/* 1 when P is a Content-Type header (the key in any case). Inline: most
 * headers differ in the first byte already, and rules ask of each. */
static inline int
cl_is_content_type(const struct cl_param *p)
{
	return (p->key[0] == 'C' || p->key[0] == 'c') &&
	       cl_is_content_type_key(p->key);
}

/* 1 when body B carries something: params, or non-empty content. */
int cl_body_has_payload(const struct cl_body *b);

/*
 * CL407's condition: E sends no body, so its own Content-Type header
 * describes nothing. A `send` endpoint carries the flow's payload even
 * with no <body>, so only an explicit format="none" counts for it. A body
 * of format "none" that has params or content is CL412's: its format is
 * the likely mistake, not the header.
 */
int cl_endpoint_sends_no_body(const struct cl_endpoint *e);

/* 1 when CL407 reports the own Content-Type headers of E, an endpoint of
 * C (not in a webhook connector, where every endpoint needs one). */
int cl_cl407_reports(const struct cl_ctx *ctx, const struct cl_connector *c,
                     const struct cl_endpoint *e);

/* cl_cl407_reports for a rule asking of many endpoints: *ON, the
 * caller's, starts at -1 and keeps whether CL407 is on once looked up
 * (cl_rule_enabled searches the registry). */
int
cl_cl407_reports_cached(const struct cl_ctx *ctx, const struct cl_connector *c,
                        const struct cl_endpoint *e, int *on);

/* 1 when endpoints A and B enable the same methods (the targets of their
 * <enable>s, NULL for an unknown one) in the same order: what depends
 * only on the methods an endpoint enables is then the same for both. */
int cl_same_enables(const struct cl_endpoint *a, const struct cl_endpoint *b);

#endif /* CL_LIB_ENDPOINTS_H */
