/*
 * Fingerprints of diagnostics (cl_diag_fingerprint in connlint.h), and the
 * SHA-256 they are built on. The recipe is in docs/output-formats.md.
 */
#ifndef CL_FINGERPRINT_H
#define CL_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "connlint.h"
#include "util.h"

/* Hex digits in a fingerprint (128 of SHA-256's 256 bits). */
#define CL_FINGERPRINT_HEX 32

struct cl_sha256 {
	uint32_t h[8];
	uint64_t bytes; /* hashed so far */
	unsigned char block[64];
	size_t fill;
};

void cl_sha256_init(struct cl_sha256 *c);
void cl_sha256_update(struct cl_sha256 *c, const void *data, size_t len);
void cl_sha256_final(struct cl_sha256 *c, unsigned char digest[32]);

/*
 * Appends the URI reference of the file named PATH as SARIF and the
 * fingerprints spell it, so that every spelling of one name gives one
 * URI: PATH with its "." and ".." segments resolved lexically ("x.xml",
 * "./x.xml" and "sub/../x.xml" are one file; a leading ".." that nothing
 * cancels stays), then cl_path_to_uri. Returns true when the URI is
 * relative (to %SRCROOT%, the directory connlint ran in).
 */
bool cl_file_uri(struct cl_strbuf *sb, const char *path);

/*
 * The fingerprints of every diagnostic of RESULT at once, in result order:
 * cl_result_count(RESULT) malloc'd strings, in a malloc'd array; the
 * caller frees each and the array. Equal to calling cl_diag_fingerprint
 * for each, but O(n log n) instead of O(n^2) when a file has thousands,
 * and linear in the text they span: each finding is hashed as it is
 * read, and findings of one rule on the same lines hash those lines once.
 */
char **cl_result_fingerprints(const cl_result *result);

/*
 * The same, owned by RESULT: computed on the first call and kept, so that
 * a baseline (cl_baseline_apply) can drop diagnostics without changing
 * the fingerprints of the others. Not to be called on one result from two
 * threads at once.
 */
char *const *cl_result_fingerprints_cached(const cl_result *result);

#endif /* CL_FINGERPRINT_H */
