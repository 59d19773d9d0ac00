/*
 * Fingerprints of diagnostics: what stays the same about a finding when
 * the file changes elsewhere. A finding is identified by its rule, its
 * file, the text of the lines it spans and its message, never by its line
 * number, so inserting lines above it does not change it; identical
 * findings in one file are told apart by their order. SARIF carries it in
 * partialFingerprints; a baseline can store it.
 *
 * The hash is SHA-256 (FIPS 180-4), written out here because connlint
 * links nothing that provides one; only its first 128 bits are printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "output.h"
#include "result.h"

/* Lines of a long span that take part: enough to tell findings apart,
 * few enough that editing the far end of a big element does not matter. */
#define FP_MAX_LINES 8
/* Bumped whenever the recipe changes, so old and new never match by
 * accident. */
#define FP_RECIPE "connlint-fingerprint/1"

/* ---- SHA-256 ----------------------------------------------------------- */

static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t
ror32(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static void
sha256_block(struct cl_sha256 *c, const unsigned char *p)
{
	uint32_t w[64], a, b, cc, d, e, f, g, h, t1, t2;
	unsigned i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (i = 16; i < 64; i++) {
		uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^
		              (w[i - 15] >> 3);
		uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^
		              (w[i - 2] >> 10);

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3];
	e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
	for (i = 0; i < 64; i++) {
		t1 = h + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) +
		     ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
		t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) +
		     ((a & b) ^ (a & cc) ^ (b & cc));
		h = g, g = f, f = e, e = d + t1;
		d = cc, cc = b, b = a, a = t1 + t2;
	}
	c->h[0] += a, c->h[1] += b, c->h[2] += cc, c->h[3] += d;
	c->h[4] += e, c->h[5] += f, c->h[6] += g, c->h[7] += h;
}

void
cl_sha256_init(struct cl_sha256 *c)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(c->h, iv, sizeof(iv));
	c->bytes = 0;
	c->fill = 0;
}

void
cl_sha256_update(struct cl_sha256 *c, const void *data, size_t len)
{
	const unsigned char *p = data;

	c->bytes += len;
	while (len) {
		size_t n = 64 - c->fill < len ? 64 - c->fill : len;

		memcpy(c->block + c->fill, p, n);
		c->fill += n, p += n, len -= n;
		if (c->fill == 64) {
			sha256_block(c, c->block);
			c->fill = 0;
		}
	}
}

void
cl_sha256_final(struct cl_sha256 *c, unsigned char digest[32])
{
	uint64_t bits = c->bytes * 8;
	unsigned i;

	c->block[c->fill++] = 0x80;
	if (c->fill > 56) {
		memset(c->block + c->fill, 0, 64 - c->fill);
		sha256_block(c, c->block);
		c->fill = 0;
	}
	memset(c->block + c->fill, 0, 56 - c->fill);
	for (i = 0; i < 8; i++)
		c->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_block(c, c->block);
	for (i = 0; i < 32; i++)
		digest[i] = (unsigned char)(c->h[i / 4] >> (24 - 8 * (i % 4)));
}

/* ---- What a fingerprint is made of -------------------------------------- */

struct fp_key {
	const char *rule_id;
	char *text;    /* the span's lines, normalised; malloc'd */
	char *message; /* line numbers taken out; malloc'd */
	size_t index;  /* in the result */
	size_t count;  /* earlier diagnostics with the same key */
};

/* Whitespace for normalising: space and every control character, so tabs,
 * \r and stray NULs never make two lines differ. */
static bool
fp_space(unsigned char c)
{
	return c <= 0x20 || c == 0x7f;
}

/*
 * The masked text of the source lines D spans (at most FP_MAX_LINES), each
 * with runs of whitespace made one space and trimmed, joined by '\n': so
 * re-indenting does not change a fingerprint. A range that ends at the
 * start of a line does not take that line in.
 */
static char *
fp_text(const cl_result *result, const cl_diag *d)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	unsigned line = cl_diag_line(d), last = cl_diag_end_line(d), l;

	if (last > line && cl_diag_end_column(d) <= 1)
		last--;
	if (last < line)
		last = line;
	if (last - line >= FP_MAX_LINES)
		last = line + FP_MAX_LINES - 1;
	for (l = line; l <= last; l++) {
		size_t len = 0, i;
		const char *s = cl_result_line(result, l, &len);
		bool space = false, any = false;

		if (l > line)
			cl_strbuf_addch(&sb, '\n');
		if (!s)
			continue; /* past the end: an empty line */
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];

			if (fp_space(c)) {
				space = any;
				continue;
			}
			if (space)
				cl_strbuf_addch(&sb, ' ');
			cl_strbuf_addch(&sb, (char)c);
			space = false;
			any = true;
		}
	}
	return cl_strbuf_detach(&sb);
}

/* The message with the number after every "line " made '#': two messages
 * quote positions ("`<url>` (line 5)"), which would move with the file. */
static char *
fp_message(const char *msg)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;
	const char *p = msg;

	while (*p) {
		if (!strncmp(p, "line ", 5) && p[5] >= '0' && p[5] <= '9') {
			cl_strbuf_adds(&sb, "line #");
			p += 5;
			while (*p >= '0' && *p <= '9')
				p++;
		} else {
			cl_strbuf_addch(&sb, *p++);
		}
	}
	return cl_strbuf_detach(&sb);
}

static void
fp_key_init(struct fp_key *k, const cl_result *result, size_t i)
{
	const cl_diag *d = cl_result_diag(result, i);

	k->rule_id = cl_rule_id(cl_diag_rule(d));
	k->text = fp_text(result, d);
	k->message = fp_message(cl_diag_message(d));
	k->index = i;
	k->count = 0;
}

static void
fp_key_release(struct fp_key *k)
{
	free(k->text);
	free(k->message);
}

/* Compares everything but the index: 0 when two keys are the same
 * finding as far as the fingerprint can tell. */
static int
fp_key_cmp(const struct fp_key *a, const struct fp_key *b)
{
	int c = strcmp(a->rule_id, b->rule_id);

	if (!c)
		c = strcmp(a->message, b->message);
	if (!c)
		c = strcmp(a->text, b->text);
	return c;
}

static char *
fp_hash(const struct fp_key *k, const char *uri)
{
	static const char hex[] = "0123456789abcdef";
	struct cl_sha256 c;
	unsigned char digest[32];
	char count[24], *out = cl_malloc(CL_FINGERPRINT_HEX + 1);
	size_t i;

	/* NUL-separated: none of the parts can hold a NUL (the text maps
	 * control characters to spaces). */
	snprintf(count, sizeof(count), "%zu", k->count);
	cl_sha256_init(&c);
	cl_sha256_update(&c, FP_RECIPE, sizeof(FP_RECIPE));
	cl_sha256_update(&c, k->rule_id, strlen(k->rule_id) + 1);
	cl_sha256_update(&c, uri, strlen(uri) + 1);
	cl_sha256_update(&c, k->text, strlen(k->text) + 1);
	cl_sha256_update(&c, k->message, strlen(k->message) + 1);
	cl_sha256_update(&c, count, strlen(count));
	cl_sha256_final(&c, digest);
	for (i = 0; i < CL_FINGERPRINT_HEX / 2; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 0xf];
	}
	out[CL_FINGERPRINT_HEX] = '\0';
	return out;
}

static char *
fp_uri(const cl_result *result)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	cl_path_to_uri(&sb, cl_result_file(result));
	return cl_strbuf_detach(&sb);
}

char *
cl_diag_fingerprint(const cl_result *result, const cl_diag *diag)
{
	struct fp_key k;
	size_t n = cl_result_count(result), idx, j;
	char *uri, *fp;

	for (idx = 0; idx < n; idx++)
		if (cl_result_diag(result, idx) == diag)
			break;
	if (idx == n)
		return NULL;
	/* Once computed (or kept through a baseline), they are final. */
	if (result->fingerprints)
		return cl_strdup(result->fingerprints[idx]);
	fp_key_init(&k, result, idx);
	/* Earlier diagnostics with the same key; the cheap comparisons
	 * first, so that most are never normalised. */
	for (j = 0; j < idx; j++) {
		const cl_diag *e = cl_result_diag(result, j);
		struct fp_key o;

		if (strcmp(cl_rule_id(cl_diag_rule(e)), k.rule_id))
			continue;
		fp_key_init(&o, result, j);
		if (!fp_key_cmp(&k, &o))
			k.count++;
		fp_key_release(&o);
	}
	uri = fp_uri(result);
	fp = fp_hash(&k, uri);
	free(uri);
	fp_key_release(&k);
	return fp;
}

static int
fp_sort_cmp(const void *a, const void *b)
{
	const struct fp_key *x = *(const struct fp_key *const *)a;
	const struct fp_key *y = *(const struct fp_key *const *)b;
	int c = fp_key_cmp(x, y);

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

static char **
compute_all(const cl_result *result)
{
	size_t n = cl_result_count(result), i;
	struct fp_key *keys = cl_calloc(n, sizeof(*keys));
	struct fp_key **order = cl_calloc(n, sizeof(*order));
	char **out = cl_calloc(n, sizeof(*out));
	char *uri = fp_uri(result);

	for (i = 0; i < n; i++) {
		fp_key_init(&keys[i], result, i);
		order[i] = &keys[i];
	}
	/* Equal keys end up side by side, in result order: each one's
	 * count is its place in its run. */
	qsort(order, n, sizeof(*order), fp_sort_cmp);
	for (i = 1; i < n; i++)
		if (!fp_key_cmp(order[i - 1], order[i]))
			order[i]->count = order[i - 1]->count + 1;
	for (i = 0; i < n; i++) {
		out[i] = fp_hash(&keys[i], uri);
		fp_key_release(&keys[i]);
	}
	free(uri);
	free(order);
	free(keys);
	return out;
}

char *const *
cl_result_fingerprints_cached(const cl_result *result)
{
	cl_result *r = (cl_result *)result; /* a cache, like the line index */

	if (!r->fingerprints)
		r->fingerprints = compute_all(result);
	return r->fingerprints;
}

char **
cl_result_fingerprints(const cl_result *result)
{
	char *const *fps = cl_result_fingerprints_cached(result);
	size_t n = cl_result_count(result), i;
	char **out = cl_calloc(n, sizeof(*out));

	for (i = 0; i < n; i++)
		out[i] = cl_strdup(fps[i]);
	return out;
}
