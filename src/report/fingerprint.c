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
#include "escape.h"
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

/*
 * Parts 1 to 5 of the recipe are fed to SHA-256 as they are produced,
 * never built as strings: a finding's text can be a whole long line, and
 * thousands of findings on one line made copying and sorting those texts
 * quadratic (issue 16, B9). Findings of one rule over the same lines share
 * parts 1 to 4, so the hash state after part 4 is computed once per
 * (rule, first line, last line) and copied for each of them.
 */

/* Bytes gathered before each cl_sha256_update: fewer calls, same hash. */
#define FP_CHUNK 512

struct fp_feed {
	struct cl_sha256 *c;
	char buf[FP_CHUNK];
	size_t n;
};

static void
fp_put(struct fp_feed *f, char ch)
{
	f->buf[f->n++] = ch;
	if (f->n == FP_CHUNK) {
		cl_sha256_update(f->c, f->buf, f->n);
		f->n = 0;
	}
}

static void
fp_flush(struct fp_feed *f)
{
	cl_sha256_update(f->c, f->buf, f->n);
	f->n = 0;
}

/* Whitespace for normalising: space and every control character, so tabs,
 * \r and stray NULs never make two lines differ. */
static bool
fp_space(unsigned char c)
{
	return c <= 0x20 || c == 0x7f;
}

/* The source lines D spans (at most FP_MAX_LINES): *FIRST and *LAST. A
 * range that ends at the start of a line does not take that line in. */
static void
fp_lines(const cl_diag *d, unsigned *first, unsigned *last)
{
	unsigned line = cl_diag_line(d), l = cl_diag_end_line(d);

	if (l > line && cl_diag_end_column(d) <= 1)
		l--;
	if (l < line)
		l = line;
	if (l - line >= FP_MAX_LINES)
		l = line + FP_MAX_LINES - 1;
	*first = line;
	*last = l;
}

/*
 * Part 4 and its NUL into C: the masked text of lines FIRST to LAST, each
 * with runs of whitespace made one space and trimmed, joined by '\n', so
 * re-indenting does not change a fingerprint.
 */
static void
fp_feed_text(struct cl_sha256 *c, const cl_result *result, unsigned first,
             unsigned last)
{
	struct fp_feed f;
	unsigned l;

	f.c = c;
	f.n = 0;
	for (l = first; l <= last; l++) {
		size_t len = 0, i;
		const char *s = cl_result_line(result, l, &len);
		bool space = false, any = false;

		if (l > first)
			fp_put(&f, '\n');
		if (!s)
			continue; /* past the end: an empty line */
		for (i = 0; i < len; i++) {
			unsigned char ch = (unsigned char)s[i];

			if (fp_space(ch)) {
				space = any;
				continue;
			}
			if (space)
				fp_put(&f, ' ');
			fp_put(&f, (char)ch);
			space = false;
			any = true;
		}
	}
	fp_put(&f, '\0');
	fp_flush(&f);
}

/* Part 5 and its NUL into C: MSG with the number after every "line " made
 * '#': two messages quote positions ("`<url>` (line 5)"), which would move
 * with the file. */
static void
fp_feed_message(struct cl_sha256 *c, const char *msg)
{
	struct fp_feed f;
	const char *p = msg;

	f.c = c;
	f.n = 0;
	while (*p) {
		if (!strncmp(p, "line ", 5) && p[5] >= '0' && p[5] <= '9') {
			fp_put(&f, 'l'), fp_put(&f, 'i'), fp_put(&f, 'n');
			fp_put(&f, 'e'), fp_put(&f, ' '), fp_put(&f, '#');
			p += 5;
			while (*p >= '0' && *p <= '9')
				p++;
		} else {
			fp_put(&f, *p++);
		}
	}
	fp_put(&f, '\0');
	fp_flush(&f);
}

/*
 * The hash states after parts 1 to 4, one per (rule, first line, last
 * line), in an open-addressing table. Owned by whoever declared it;
 * fp_states_release frees it.
 */
struct fp_state {
	const cl_rule *rule;
	unsigned first, last;
	struct cl_sha256 c;
};

struct fp_states {
	const cl_result *result;
	const char *uri;
	struct fp_state *slots; /* rule NULL: empty */
	size_t cap, n;          /* cap: 0 or a power of two */
};

static size_t
fp_state_hash(const cl_rule *rule, unsigned first, unsigned last)
{
	uint64_t h = (uint64_t)(uintptr_t)rule * 0x9e3779b97f4a7c15u;

	h ^= ((uint64_t)first << 32 | last) * 0xbf58476d1ce4e5b9u;
	return (size_t)(h ^ (h >> 29));
}

static void
fp_states_grow(struct fp_states *t)
{
	struct fp_state *old = t->slots;
	size_t oldcap = t->cap, i;

	t->cap = t->cap ? 2 * t->cap : 16;
	t->slots = cl_calloc(t->cap, sizeof(*t->slots));
	for (i = 0; i < oldcap; i++) {
		size_t k;

		if (!old[i].rule)
			continue;
		k = fp_state_hash(old[i].rule, old[i].first, old[i].last);
		while (t->slots[k & (t->cap - 1)].rule)
			k++;
		t->slots[k & (t->cap - 1)] = old[i];
	}
	free(old);
}

/* The state after parts 1 to 4 for D, computed on first use. */
static const struct cl_sha256 *
fp_text_state(struct fp_states *t, const cl_diag *d)
{
	const cl_rule *rule = cl_diag_rule(d);
	const char *id = cl_rule_id(rule);
	unsigned first, last;
	struct fp_state *s;
	size_t k;

	fp_lines(d, &first, &last);
	if (2 * (t->n + 1) > t->cap)
		fp_states_grow(t);
	for (k = fp_state_hash(rule, first, last);; k++) {
		s = &t->slots[k & (t->cap - 1)];
		if (!s->rule)
			break;
		if (s->rule == rule && s->first == first && s->last == last)
			return &s->c;
	}
	s->rule = rule;
	s->first = first;
	s->last = last;
	t->n++;
	/* NUL-separated: none of the parts can hold a NUL (the text maps
	 * control characters to spaces). */
	cl_sha256_init(&s->c);
	cl_sha256_update(&s->c, FP_RECIPE, sizeof(FP_RECIPE));
	cl_sha256_update(&s->c, id, strlen(id) + 1);
	cl_sha256_update(&s->c, t->uri, strlen(t->uri) + 1);
	fp_feed_text(&s->c, t->result, first, last);
	return &s->c;
}

static void
fp_states_release(struct fp_states *t)
{
	free(t->slots);
}

/* What one diagnostic's fingerprint is made of, but for its counter:
 * the hash state after parts 1 to 5, and a SHA-256 of those parts, equal
 * for two diagnostics exactly when the parts are. */
struct fp_key {
	struct cl_sha256 c;
	unsigned char id[32];
	size_t index; /* in the result */
};

static void
fp_key_init(struct fp_key *k, struct fp_states *t, size_t i)
{
	const cl_diag *d = cl_result_diag(t->result, i);
	struct cl_sha256 c;

	k->c = *fp_text_state(t, d);
	fp_feed_message(&k->c, cl_diag_message(d));
	c = k->c;
	cl_sha256_final(&c, k->id);
	k->index = i;
}

/* The fingerprint of K, the COUNT-th (from 0) of its kind: malloc'd. */
static char *
fp_hash(const struct fp_key *k, size_t count)
{
	static const char hex[] = "0123456789abcdef";
	struct cl_sha256 c = k->c;
	unsigned char digest[32];
	char num[24], *out = cl_malloc(CL_FINGERPRINT_HEX + 1);
	size_t j;

	snprintf(num, sizeof(num), "%zu", count);
	cl_sha256_update(&c, num, strlen(num));
	cl_sha256_final(&c, digest);
	for (j = 0; j < CL_FINGERPRINT_HEX / 2; j++) {
		out[2 * j] = hex[digest[j] >> 4];
		out[2 * j + 1] = hex[digest[j] & 0xf];
	}
	out[CL_FINGERPRINT_HEX] = '\0';
	return out;
}

/*
 * PATH with its "." and ".." segments resolved and runs of '/' made one,
 * lexically, without asking the file system: "sub/../x.xml" is "x.xml"
 * and "/a/./../x.xml" is "/x.xml". A ".." with nothing before it to take
 * away stays in a relative name ("../x.xml": what it means depends on
 * the directory connlint ran in, which the URI is relative to) and is
 * dropped in an absolute one ("/.." is "/", as in POSIX and in RFC 3986
 * §5.2.4). A name that resolves to nothing is ".". Caller frees.
 */
static char *
fp_normalise(const char *path)
{
	size_t cap = strlen(path) + 2, len = 0, root = path[0] == '/';
	char *out = cl_malloc(cap);
	const char *p = path, *e;

	if (root)
		out[len++] = '/';
	for (; *p; p = e) {
		size_t n, last;

		while (*p == '/')
			p++;
		for (e = p; *e && *e != '/'; e++)
			;
		n = (size_t)(e - p);
		if (!n || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			/* the start of the last segment kept so far */
			for (last = len; last > root && out[last - 1] != '/';
			     last--)
				;
			if (len > root && !(len - last == 2 &&
			                    !memcmp(out + last, "..", 2))) {
				len = last > root ? last - 1 : last;
				continue;
			}
			if (root)
				continue; /* above "/" is "/" */
		}
		if (len > root)
			out[len++] = '/';
		memcpy(out + len, p, n);
		len += n;
	}
	if (!len)
		out[len++] = '.';
	out[len] = '\0';
	return out;
}

bool
cl_file_uri(struct cl_strbuf *sb, const char *path)
{
	char *norm = fp_normalise(path);
	bool relative = cl_path_to_uri(sb, norm);

	free(norm);
	return relative;
}

static char *
fp_uri(const cl_result *result)
{
	struct cl_strbuf sb = CL_STRBUF_INIT;

	cl_file_uri(&sb, cl_result_file(result));
	return cl_strbuf_detach(&sb);
}

char *
cl_diag_fingerprint(const cl_result *result, const cl_diag *diag)
{
	struct fp_states t = { result, NULL, NULL, 0, 0 };
	struct fp_key k, o;
	size_t n = cl_result_count(result), idx, j, count = 0;
	char *uri, *fp;

	for (idx = 0; idx < n; idx++)
		if (cl_result_diag(result, idx) == diag)
			break;
	if (idx == n)
		return NULL;
	/* Once computed (or kept through a baseline), they are final. */
	if (result->fingerprints)
		return cl_strdup(result->fingerprints[idx]);
	t.uri = uri = fp_uri(result);
	fp_key_init(&k, &t, idx);
	/* Earlier diagnostics with the same key; other rules' never are. */
	for (j = 0; j < idx; j++) {
		if (cl_diag_rule(cl_result_diag(result, j)) !=
		    cl_diag_rule(diag))
			continue;
		fp_key_init(&o, &t, j);
		if (!memcmp(k.id, o.id, sizeof(k.id)))
			count++;
	}
	fp = fp_hash(&k, count);
	fp_states_release(&t);
	free(uri);
	return fp;
}

static int
fp_sort_cmp(const void *a, const void *b)
{
	const struct fp_key *x = a, *y = b;
	int c = memcmp(x->id, y->id, sizeof(x->id));

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Every fingerprint of RESULT: an array of cl_result_count(RESULT)
 * malloc'd strings, malloc'd. Sorts fixed-size keys, never texts. */
static char **
compute_all(const cl_result *result)
{
	size_t n = cl_result_count(result), i, count = 0;
	struct fp_states t = { result, NULL, NULL, 0, 0 };
	struct fp_key *keys = cl_calloc(n ? n : 1, sizeof(*keys));
	char **out = cl_calloc(n ? n : 1, sizeof(*out));
	char *uri = fp_uri(result);

	t.uri = uri;
	for (i = 0; i < n; i++)
		fp_key_init(&keys[i], &t, i);
	/* Equal keys end up side by side, in result order: each one's
	 * counter is its place in its run. */
	qsort(keys, n, sizeof(*keys), fp_sort_cmp);
	for (i = 0; i < n; i++) {
		if (i && memcmp(keys[i - 1].id, keys[i].id, sizeof(keys[i].id)))
			count = 0;
		out[keys[i].index] = fp_hash(&keys[i], count++);
	}
	fp_states_release(&t);
	free(uri);
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
