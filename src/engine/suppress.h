/*
 * Inline suppression: XML comments that silence rules for one element, a
 * range or the whole file (docs/configuration.md, "Suppression comments"):
 *
 *     <!-- connlint-disable-next-line CL101, CL102 reason -->
 *     <!-- connlint-disable CL101 --> … <!-- connlint-enable CL101 -->
 *     <!-- connlint-disable-file unused-connector-variable -->
 */
#ifndef CL_SUPPRESS_H
#define CL_SUPPRESS_H

struct cl_ctx;

/*
 * Reads the suppression comments of CTX's document, removes from its sink
 * every diagnostic they suppress, and reports the comments that name an
 * unknown rule (CL010) or suppress nothing (CL009). Call once, after every
 * rule ran and before the sink is sorted.
 */
void cl_suppress_apply(struct cl_ctx *ctx);

#endif /* CL_SUPPRESS_H */
