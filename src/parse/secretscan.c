/*
 * The secret detector (see secretscan.h): CL501's heuristics, the raw
 * pass over the source bytes, and message masking.
 */
#include "ascii.h"
#include "secretscan.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "placeholder.h"
#include "util.h"

/* ---- characters ---- */

static int
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Character classes, one table lookup each (the raw pass reads every
 * byte of the file): C_TOKEN, base64, base64url and the separators tokens
 * carry ('.' in JWTs, '~' in some vendor keys); C_NAME, what field names
 * and variable keys are made of; and the characters that tell
 * cl_secret_scan_text which of its scans can find anything ('=', ':',
 * 'B' or 'b', '-'); C_DELIM, what ends an attribute name or an unquoted
 * value in a tag; C_KNOWN, the first characters of the known formats
 * (find_known); C_ALNUM, ASCII letters and digits (which do not start
 * a word), and C_NALNUM, every other byte; C_AT, '@' (a URL's user
 * part); C_QUOTE, '"' and ';' (a JSON field name's quote, "&quot;");
 * C_BLANK, ' ' and '\t'; C_DQ, C_SQ and C_LT, '"', '\'' and '<', what
 * ends a quoted value in a tag (scan_tag reads a value's classes and its
 * end in one look a byte). Bytes from 0x80 are in no class but C_NALNUM. */
enum {
	C_TOKEN = 1,
	C_NAME = 2,
	C_EQ = 4,
	C_COLON = 8,
	C_B = 16,
	C_DELIM = 32,
	C_DASH = 64,
	C_KNOWN = 128,
	C_ALNUM = 256,
	C_AT = 512,
	C_NALNUM = 1024,
	C_QUOTE = 2048,
	C_BLANK = 4096,
	C_DQ = 8192,
	C_SQ = 16384,
	C_LT = 32768
};

/* clang-format off */
static const uint16_t char_class[256] = {
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, /* 0x00 */
	1024, 5152, 1056, 1024, 1024, 1056, 1024, 1024, /* 0x08 */
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, /* 0x10 */
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, /* 0x18 */
	5152, 1024,11296, 1024, 1024, 1024, 1024,17440, /* 0x20 */
	1024, 1024, 1024, 1025, 1024, 1091, 1027, 1025, /* 0x28 */
	 259,  259,  259,  259,  259,  259,  259,  259, /* 0x30 */
	 259,  259, 1032, 3072,33824, 1061, 1056, 1024, /* 0x38 */
	1536,  387,  275,  259,  259,  259,  259,  259, /* 0x40 */
	 259,  259,  259,  259,  259,  259,  259,  259, /* 0x48 */
	 259,  259,  259,  387,  259,  259,  259,  259, /* 0x50 */
	 259,  259,  259, 1024, 1024, 1024, 1024, 1027, /* 0x58 */
	1024,  259,  275,  259,  259,  387,  259,  387, /* 0x60 */
	 259,  259,  259,  259,  259,  259,  259,  259, /* 0x68 */
	 259,  259,  387,  387,  259,  259,  259,  259, /* 0x70 */
	 387,  259,  259, 1024, 1024, 1024, 1025, 1024, /* 0x78 */
	/* 0x80 to 0xFF: C_NALNUM only */
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
};
/* clang-format on */

static int
is_token_char(char c)
{
	return char_class[(unsigned char)c] & C_TOKEN;
}

static int
is_name_char(char c)
{
	return char_class[(unsigned char)c] & C_NAME;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char
lower(char c)
{
	return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* 1 when S[0..N) is WORD (lower case) ignoring ASCII case. */
static int
equal_ci(const char *s, size_t n, const char *word)
{
	size_t i;

	if (n != strlen(word))
		return 0;
	for (i = 0; i < n; i++)
		if (lower(s[i]) != word[i])
			return 0;
	return 1;
}

/* ---- hits ---- */

static void
add_hit(struct cl_secret_hits *h, size_t start, size_t end, size_t name_start,
        size_t name_end, enum cl_secret_kind kind)
{
	struct cl_secret_hit *x;

	if (end <= start)
		return;
	CL_GROW(h->v, h->n + 1, h->alloc);
	x = &h->v[h->n++];
	x->start = start;
	x->end = end;
	x->name_start = name_start;
	x->name_end = name_end;
	x->kind = kind;
}

void
cl_secret_hits_release(struct cl_secret_hits *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->alloc = 0;
}

static int
cmp_hit(const void *a, const void *b)
{
	const struct cl_secret_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end < y->end) - (x->end > y->end); /* longest first */
}

void
cl_secret_hits_merge(struct cl_secret_hits *h)
{
	size_t i, n = 0;

	if (h->n < 2)
		return;
	qsort(h->v, h->n, sizeof(*h->v), cmp_hit);
	for (i = 1; i < h->n; i++) {
		struct cl_secret_hit *last = &h->v[n], *x = &h->v[i];

		if (x->start < last->end) {
			if (x->end > last->end)
				last->end = x->end;
			if (x->kind < last->kind)
				last->kind = x->kind;
			if (last->name_start == last->name_end) {
				last->name_start = x->name_start;
				last->name_end = x->name_end;
			}
		} else {
			h->v[++n] = *x;
		}
	}
	h->n = n + 1;
}

const char *
cl_secret_kind_name(enum cl_secret_kind kind)
{
	switch (kind) {
	case CL_SECRET_JWT:
		return "a JSON Web Token";
	case CL_SECRET_PRIVATE_KEY:
		return "a private key";
	case CL_SECRET_KEY:
		return "an API key";
	case CL_SECRET_BASIC:
		return "Basic credentials";
	case CL_SECRET_BEARER:
		return "a bearer token";
	case CL_SECRET_AUTH:
		return "credentials";
	case CL_SECRET_NAMED:
		return "a secret";
	case CL_SECRET_TOKEN:
		return "what looks like a credential";
	case CL_SECRET_USERINFO:
		return "a password";
	case CL_SECRET_NONE:
		break;
	}
	return "";
}

/* ---- keys ---- */

/* A string constant and its length, counted at compile time (these
 * tables are consulted for every field name and value). */
struct lit {
	const char *s;
	size_t n;
};
#define LIT(s)                   \
	{                        \
		s, sizeof(s) - 1 \
	}

int
cl_secret_key(const char *key, size_t len, int fold)
{
	/* The keys whose values are credentials (format spec, default auth
	 * variables marked secret). */
	static const struct lit keys[] = {
		LIT("client_secret"),   LIT("password"),     LIT("token"),
		LIT("consumer_secret"), LIT("token_secret"),
	};
	const struct lit *w;
	size_t k;

	/* Their lengths differ: the length picks the one to compare. */
	for (w = keys; w < keys + CL_ARRAY_SIZE(keys) && w->n != len; w++)
		;
	if (w == keys + CL_ARRAY_SIZE(keys))
		return 0;
	for (k = 0; k < len; k++)
		if ((fold ? lower(key[k]) : key[k]) != w->s[k])
			return 0;
	return 1;
}

/* The most letters and digits an ending of cl_secret_key_hint has
 * ("continuationtoken"). */
#define MAX_ENDING 17

/* 1 when R[0..M), a key's last letters and digits lower-cased and last
 * first, ends the key with W: the key, lower-cased and with every
 * character that is not a letter or a digit left out (`X-Api-Key`,
 * `apiKey`, `filter[api_key]`: `xapikey`, `apikey`, `filterapikey`),
 * ends with W. */
static int
ends_folded(const char *r, size_t m, const struct lit *w)
{
	size_t k;

	if (w->n > m)
		return 0;
	for (k = 0; k < w->n; k++)
		if (r[k] != w->s[w->n - 1 - k])
			return 0;
	return 1;
}

/* Grouped by their last letter, which picks the group: most keys (every
 * attribute name of a tag comes here) end in a letter that ends none of
 * them. */
static const struct lit hint_ends[] = {
	/* 'd' */
	LIT("password"),
	LIT("passwd"),
	LIT("pwd"),
	/* 'e' */
	LIT("passphrase"),
	LIT("signature"),
	/* 'h' */
	LIT("auth"),
	/* 'l' */
	LIT("credential"),
	/* 'n' */
	LIT("token"),
	LIT("authorization"),
	/* 's' */
	LIT("credentials"),
	/* 't' */
	LIT("secret"),
	/* 'y' */
	LIT("apikey"),
	LIT("accesskey"),
	LIT("secretkey"),
	LIT("privatekey"),
	LIT("subscriptionkey"),
	LIT("signingkey"),
	LIT("masterkey"),
	LIT("appkey"),
	LIT("applicationkey"),
	LIT("authkey"),
	LIT("encryptionkey"),
	LIT("sharedkey"),
};

/* Cursors, not credentials (they end in 'n'). */
static const struct lit hint_cursors[] = {
	LIT("pagetoken"), LIT("nexttoken"),   LIT("continuationtoken"),
	LIT("synctoken"), LIT("cursortoken"), LIT("resumetoken"),
};

/* The endings of one last letter, hint_ends[LO..HI), and the letters
 * that come before it in them (SECONDS, a bit a letter): most keys fail
 * on one of the two. */
struct hint_group {
	unsigned char lo, hi;
	uint32_t seconds;
};

#define LETTER(c) ((uint32_t)1 << ((c) - 'a'))
/* By last letter; worked out from hint_ends once, so that an ending
 * added there is in its group. */
static struct hint_group hint_groups[26];
static pthread_once_t hint_once = PTHREAD_ONCE_INIT;

static void
index_hints(void)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(hint_ends); i++) {
		const struct lit *e = &hint_ends[i];
		struct hint_group *g;

		if (e->n < 2 || e->n > MAX_ENDING ||
		    !is_lower(e->s[e->n - 1]) || !is_lower(e->s[e->n - 2]))
			BUG("hint ending `%s` is not two to %d letters", e->s,
			    MAX_ENDING);
		g = &hint_groups[e->s[e->n - 1] - 'a'];
		if (!g->seconds)
			g->lo = (unsigned char)i;
		else if (g->hi != i)
			BUG("hint endings not grouped by their last letter");
		g->hi = (unsigned char)(i + 1);
		g->seconds |= LETTER(e->s[e->n - 2]);
	}
	for (i = 0; i < CL_ARRAY_SIZE(hint_cursors); i++)
		if (hint_cursors[i].n > MAX_ENDING)
			BUG("hint cursor `%s` longer than %d",
			    hint_cursors[i].s, MAX_ENDING);
}

/* The group of KEY[0..*LEN) by its last two letters or digits, with
 * *LEN cut to its last letter or digit (what follows changes no
 * ending); NULL when the key ends in no ending: most keys, so this is
 * inline, and the rest of cl_secret_key_hint out of line. */
static inline const struct hint_group *
hint_group(const char *key, size_t *len)
{
	const struct hint_group *g;
	size_t n = *len, i;
	char c;

	while (n > 0 && !(char_class[(unsigned char)key[n - 1]] & C_ALNUM))
		n--;
	if (!n || !is_lower(c = lower(key[n - 1])))
		return NULL;
	if (pthread_once(&hint_once, index_hints))
		BUG("pthread_once failed");
	g = &hint_groups[c - 'a'];
	if (!g->seconds)
		return NULL;
	/* The letter or digit before the last. */
	for (i = n - 1;
	     i > 0 && !(char_class[(unsigned char)key[i - 1]] & C_ALNUM); i--)
		;
	if (!i || !is_lower(c = lower(key[i - 1])) || !(g->seconds & LETTER(c)))
		return NULL;
	*len = n;
	return g;
}
#undef LETTER

/*
 * What a secret scanner reads as "this names a credential" (issue 9): the
 * last word or words of the key, so that `api_key`, `X-Api-Key`,
 * `access_token`, `client_secret`, `X-Hub-Signature`, `X-Auth` and
 * `Proxy-Authorization` count, and `author`, `authority`, `tokenizer`,
 * `keyword`, `monkey`, `token_url`, `token_type`, `auth_url`, `sort_key`,
 * `primary_key`, `idempotency_key`, `client_id` and `spreadsheet_id` do
 * not. "key" counts only after a word that makes it a credential (`key`
 * alone is an S3 object key or a Jira issue key as often as an API key;
 * Google's `key=AIza…` is found by its format). Pagination cursors are
 * tokens by name only (`page_token`, AWS `NextToken`).
 */
int
cl_secret_key_hint(const char *key, size_t len)
{
	const struct hint_group *g = hint_group(key, &len);
	char r[MAX_ENDING];
	size_t i, m = 0;

	if (!g)
		return 0;
	/* Folded once, from the end, as far as the longest ending reads:
	 * then each ending costs a compare or two (`key` is shorter than
	 * every ending of its group). */
	for (i = len; i > 0 && m < sizeof(r); i--)
		if (char_class[(unsigned char)key[i - 1]] & C_ALNUM)
			r[m++] = lower(key[i - 1]);
	if (r[0] == 'n')
		for (i = 0; i < CL_ARRAY_SIZE(hint_cursors); i++)
			if (ends_folded(r, m, &hint_cursors[i]))
				return 0;
	for (i = g->lo; i < g->hi; i++)
		if (ends_folded(r, m, &hint_ends[i]))
			return 1;
	return 0;
}

/* 1 when S (LEN bytes) has a character other than white space. */
static int
has_text(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!is_space(s[i]))
			return 1;
	return 0;
}

int
cl_secret_has_literal(const char *v, size_t len)
{
	struct cl_placeholder_match m;
	size_t pos = 0, last = 0;

	while (cl_placeholder_next(v, len, &pos, &m)) {
		if (has_text(v + last, m.start - last))
			return 1;
		last = m.end;
	}
	return has_text(v + last, len - last);
}

/* ---- what looks like a credential ---- */

/* log2(X) for X > 0, to a few decimal places (no libm). */
static double
log2_of(double x)
{
	double r = 0, y, y2, t, s = 0;
	int k;

	while (x >= 2) {
		x /= 2;
		r += 1;
	}
	while (x < 1) {
		x *= 2;
		r -= 1;
	}
	/* ln x = 2 atanh((x - 1) / (x + 1)), the series converging fast for
	 * x in [1, 2). */
	y = (x - 1) / (x + 1);
	y2 = y * y;
	t = y;
	for (k = 1; k < 24; k += 2) {
		s += t / k;
		t *= y2;
	}
	return r + 2 * s / 0.69314718055994531;
}

/* Bits of Shannon entropy per character of S[0..LEN). */
static double
entropy(const char *s, size_t len)
{
	unsigned counts[256] = { 0 };
	double h = 0;
	size_t i;

	for (i = 0; i < len; i++)
		counts[(unsigned char)s[i]]++;
	for (i = 0; i < 256; i++) {
		double p;

		if (!counts[i])
			continue;
		p = (double)counts[i] / (double)len;
		h -= p * log2_of(p);
	}
	return h;
}

/* ---- known token formats ---- */

static int
is_alnum(char c)
{
	return cl_ascii_isalpha(c) || cl_ascii_isdigit(c);
}

/* The base64url alphabet (RFC 4648 §5). */
static int
is_b64url(char c)
{
	return is_alnum(c) || c == '-' || c == '_';
}

static int
b64url_value(char c)
{
	if (is_upper(c))
		return c - 'A';
	if (is_lower(c))
		return c - 'a' + 26;
	if (cl_ascii_isdigit(c))
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/*
 * 1 when the base64url text S[0..N) decodes to a JSON object with an
 * "alg" member: the JOSE header every JWS, and so every signed JWT, has
 * (RFC 7515 §4.1.1, RFC 7519 §5). Decoded on the fly, bytes fed to a
 * small matcher: one pass, no buffer, and it stops at the first "alg".
 */
static int
is_jose_header(const char *s, size_t n)
{
	static const char pat[] = "\"alg\"";
	unsigned acc = 0;
	int bits = 0, opened = 0;
	size_t i, m = 0; /* characters of pat matched; 5: then a ':' */

	for (i = 0; i < n; i++) {
		int v = b64url_value(s[i]);
		char c;

		if (v < 0)
			return 0;
		acc = ((acc << 6) | (unsigned)v) & 0xFFFFu;
		bits += 6;
		if (bits < 8)
			continue;
		bits -= 8;
		c = (char)((acc >> bits) & 0xFF);
		if (!opened) {
			if (c == '{')
				opened = 1;
			else if (!is_space(c))
				return 0;
			continue;
		}
		if (m == 5) {
			if (c == ':')
				return 1;
			if (is_space(c))
				continue;
			m = 0;
		}
		if (c == pat[m])
			m++;
		else
			m = c == '"';
	}
	return 0;
}

/* The length of the run of S[I..N) whose characters pass IS, at most
 * CAP: callers cap the scan at one past the longest length they accept,
 * so that a failed candidate costs O(CAP). */
static size_t
run_of(const char *s, size_t i, size_t n, int (*is)(char), size_t cap)
{
	size_t k = i;

	while (k < n && k - i < cap && is(s[k]))
		k++;
	return k - i;
}

static int
is_hex(char c)
{
	return cl_ascii_isdigit(c) || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static int
is_upper_or_digit(char c)
{
	return is_upper(c) || cl_ascii_isdigit(c);
}

static int
is_slack_char(char c)
{
	return is_alnum(c) || c == '-';
}

static int
is_github_pat_char(char c)
{
	return is_alnum(c) || c == '_';
}

#define UNCAPPED ((size_t)-1)

/*
 * A JWT at S[I..N): header '.' payload '.' signature, base64url parts,
 * the header a JOSE header (so no dotted name or host is taken for one),
 * the signature possibly empty (an unsecured JWT, RFC 7519 §6). Returns
 * its end, or I when there is none; *SKIP is where the next candidate may
 * start (past the header run, whatever it held).
 */
static size_t
jwt_at(const char *s, size_t i, size_t n, size_t *skip)
{
	size_t h = run_of(s, i, n, is_b64url, UNCAPPED), p, sig;

	*skip = i + (h ? h : 1);
	if (h < 10 || i + h >= n || s[i + h] != '.')
		return i;
	p = run_of(s, i + h + 1, n, is_b64url, UNCAPPED);
	if (p < 2 || i + h + 1 + p >= n || s[i + h + 1 + p] != '.')
		return i;
	if (!is_jose_header(s + i, h))
		return i;
	sig = run_of(s, i + h + p + 2, n, is_b64url, UNCAPPED);
	*skip = i + h + p + 2 + sig;
	return *skip;
}

static int
starts(const char *s, size_t i, size_t n, const char *pat, size_t len)
{
	return i + len <= n && !memcmp(s + i, pat, len);
}

/*
 * A vendor token with a documented prefix at S[I..N) (I at a word
 * start), as the vendors publish them; returns its end, or I. Lengths
 * and alphabets, so that a word that merely starts like one (`sk_test_mode`,
 * `AKIA` in prose) is not taken:
 *  - Stripe secret and restricted keys, live or test: `sk_live_`,
 *    `sk_test_`, `rk_live_`, `rk_test_` and 16 or more letters and
 *    digits (docs.stripe.com/keys; a test-mode key still reads and
 *    writes the account's test data, so it is a credential too).
 *    Publishable keys (`pk_`) are meant to be public.
 *  - GitHub: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and 36 or more
 *    letters and digits; fine-grained `github_pat_`, 22, `_`, 59 or
 *    more (github.blog, "Behind GitHub's new authentication token
 *    formats", 2021; tokens may grow).
 *  - GitLab personal access tokens: `glpat-` and 20 or more of
 *    [A-Za-z0-9_-] (docs.gitlab.com, personal access token prefix).
 *  - Slack: `xoxa-`, `xoxb-`, `xoxe-`, `xoxp-`, `xoxr-`, `xoxs-` and
 *    10 or more of [A-Za-z0-9-] (api.slack.com, token types).
 *  - AWS access key ids: `AKIA` (long-term) or `ASIA` (STS) and exactly
 *    16 of [A-Z0-9] (AWS IAM, unique identifier prefixes); AWS's own
 *    documentation example (`…EXAMPLE`) is a placeholder.
 *  - Google API keys: `AIza` and exactly 35 of [A-Za-z0-9_-]
 *    (cloud.google.com/docs/authentication/api-keys).
 *  - Shopify: `shpat_`, `shpca_`, `shppa_` (access tokens) and `shpss_`
 *    (shared secrets), then exactly 32 hexadecimal digits (shopify.dev
 *    changelog, April 2020).
 *  - SendGrid: `SG.`, 22, `.`, 43 of [A-Za-z0-9_-].
 */
static size_t
prefixed_at(const char *s, size_t i, size_t n)
{
	size_t t;

	switch (s[i]) {
	case 's':
	case 'r':
		if ((starts(s, i, n, "sk_", 3) || starts(s, i, n, "rk_", 3)) &&
		    (starts(s, i + 3, n, "live_", 5) ||
		     starts(s, i + 3, n, "test_", 5)) &&
		    (t = run_of(s, i + 8, n, is_alnum, UNCAPPED)) >= 16)
			return i + 8 + t;
		if (starts(s, i, n, "shp", 3) &&
		    (starts(s, i + 3, n, "at_", 3) ||
		     starts(s, i + 3, n, "ca_", 3) ||
		     starts(s, i + 3, n, "pa_", 3) ||
		     starts(s, i + 3, n, "ss_", 3)) &&
		    run_of(s, i + 6, n, is_hex, 32) == 32 &&
		    !(i + 38 < n && is_alnum(s[i + 38])))
			return i + 38;
		break;
	case 'g':
		if (i + 4 <= n && s[i + 1] == 'h' && s[i + 3] == '_' &&
		    strchr("pousr", s[i + 2]) && s[i + 2] &&
		    (t = run_of(s, i + 4, n, is_alnum, UNCAPPED)) >= 36)
			return i + 4 + t;
		if (starts(s, i, n, "github_pat_", 11) &&
		    run_of(s, i + 11, n, is_alnum, 22) == 22 && i + 33 < n &&
		    s[i + 33] == '_' &&
		    (t = run_of(s, i + 34, n, is_github_pat_char, UNCAPPED)) >=
		        59)
			return i + 34 + t;
		if (starts(s, i, n, "glpat-", 6) &&
		    (t = run_of(s, i + 6, n, is_b64url, UNCAPPED)) >= 20)
			return i + 6 + t;
		break;
	case 'x':
		if (starts(s, i, n, "xox", 3) && i + 4 < n &&
		    strchr("abeprs", s[i + 3]) && s[i + 3] && s[i + 4] == '-' &&
		    (t = run_of(s, i + 5, n, is_slack_char, UNCAPPED)) >= 10)
			return i + 5 + t;
		break;
	case 'A':
		if ((starts(s, i, n, "AKIA", 4) ||
		     starts(s, i, n, "ASIA", 4)) &&
		    run_of(s, i + 4, n, is_upper_or_digit, 17) == 16 &&
		    !(i + 20 < n && is_alnum(s[i + 20])) &&
		    memcmp(s + i + 13, "EXAMPLE", 7))
			return i + 20;
		if (starts(s, i, n, "AIza", 4) &&
		    run_of(s, i + 4, n, is_b64url, 36) == 35)
			return i + 39;
		break;
	case 'S':
		if (starts(s, i, n, "SG.", 3) &&
		    run_of(s, i + 3, n, is_b64url, 23) == 22 && i + 25 < n &&
		    s[i + 25] == '.' &&
		    run_of(s, i + 26, n, is_b64url, 44) == 43)
			return i + 69;
		break;
	}
	return i;
}

/* The token of a known format at S[I..N), where find_known found one of
 * their first letters: its kind and end, or CL_SECRET_NONE. Out of line,
 * so that find_known's loop stays a tight one. */
static CL_NOINLINE enum cl_secret_kind
known_at(const char *s, size_t i, size_t n, size_t *end)
{
	size_t e, skip;

	if (s[i] == 'e') {
		if (i > 0 && is_b64url(s[i - 1]))
			return CL_SECRET_NONE;
		e = jwt_at(s, i, n, &skip);
		*end = e;
		return e > i ? CL_SECRET_JWT : CL_SECRET_NONE;
	}
	if (i > 0 && is_alnum(s[i - 1]))
		return CL_SECRET_NONE;
	e = prefixed_at(s, i, n);
	*end = e;
	return e > i ? CL_SECRET_KEY : CL_SECRET_NONE;
}

/*
 * The first token of a known format in S[FROM..N): a JWT or a vendor
 * token, starting at a word boundary (a vendor token after a character
 * that is not a letter or digit, a JWT after one that is not base64url).
 * Sets *START and *END; CL_SECRET_NONE when there is none. Each candidate
 * costs at most its own run or a capped look, and the scan moves past
 * what it looked at: linear in N - FROM.
 */
static enum cl_secret_kind
find_known(const char *s, size_t from, size_t n, size_t *start, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	enum cl_secret_kind kind;
	size_t i = from;

	/* Only a byte that starts a word can start a token: FROM, then each
	 * byte after one that is not a letter or digit. Finding those reads
	 * every byte of a long run, in a tight loop. */
	while (i < n) {
		if ((char_class[u[i]] & C_KNOWN) &&
		    (i == 0 || !(char_class[u[i - 1]] & C_ALNUM)) &&
		    (kind = known_at(s, i, n, end)) != CL_SECRET_NONE) {
			*start = i;
			return kind;
		}
		while (n - i >= 4 &&
		       (char_class[u[i]] & char_class[u[i + 1]] &
		        char_class[u[i + 2]] & char_class[u[i + 3]] & C_ALNUM))
			i += 4;
		while (i < n && (char_class[u[i]] & C_ALNUM))
			i++;
		i++;
	}
	return CL_SECRET_NONE;
}

/*
 * The mean length of the "words" of S: runs split where camelCase and
 * snake_case split them (`Get|Sales|Orders|2024|V|2`, `UTC|_|ASC`). Names
 * made of words average 3.5 characters or more; random base62 text
 * averages about 2, and stays under 3.5 in all but about one in 10,000
 * strings of 32 characters or more.
 */
static double
mean_word_length(const char *s, size_t len)
{
	size_t i = 0, words = 0;

	while (i < len) {
		if (is_upper(s[i]) && i + 1 < len && is_lower(s[i + 1])) {
			for (i++; i < len && is_lower(s[i]); i++)
				;
		} else if (is_lower(s[i])) {
			for (; i < len && is_lower(s[i]); i++)
				;
		} else if (is_upper(s[i])) {
			/* An acronym, without the capital that starts the
			 * next word (`UTCDate`: `UTC|Date`). */
			size_t j = i;

			while (j < len && is_upper(s[j]))
				j++;
			if (j < len && is_lower(s[j]))
				j--;
			i = j;
		} else if (cl_ascii_isdigit(s[i])) {
			for (; i < len && cl_ascii_isdigit(s[i]); i++)
				;
		} else {
			i++;
		}
		words++;
	}
	return words ? (double)len / (double)words : 0;
}

/*
 * A long random token: at least MIN characters of base64(url) with
 * upper- and lower-case letters and digits, high entropy, and short
 * "words". Identifiers (`GetSalesOrdersByCustomerIdAndStatus2024V2`),
 * paths and version strings have longer words or lower entropy;
 * hexadecimal (UUIDs and other ids) lacks upper case. Such a token is a
 * secret only with a hint from the key (or, for masking, CL_SCAN_MASK):
 * Google Drive and Sheets ids, Airtable ids and base64 hashes look just
 * as random.
 */
static int
looks_random(const char *s, size_t len, size_t min)
{
	size_t i, upper = 0, low = 0, digit = 0;

	if (len < min)
		return 0;
	for (i = 0; i < len; i++) {
		if (is_upper(s[i]))
			upper++;
		else if (is_lower(s[i]))
			low++;
		else if (cl_ascii_isdigit(s[i]))
			digit++;
		else if (s[i] != '_' && s[i] != '-' && s[i] != '+' &&
		         s[i] != '=')
			return 0;
	}
	return upper >= 2 && low >= 2 && digit >= 2 && entropy(s, len) >= 4.0 &&
	       mean_word_length(s, len) < 3.5;
}

/*
 * A key-hinted value: a token of at least 16 characters with letters and
 * two digits or more (an API key, a hexadecimal key), or with upper- and
 * lower-case letters in short "words" (a random key without digits).
 * Words (`your-api-key-here`, `ReplaceWithYourApiKey`, `YOUR_API_KEY`)
 * are neither, nor is a host and path (`//login.example.com/oauth2/v2.0`,
 * with both '/' and '.'), which an `auth` or `token` key may name.
 */
static int
looks_like_key(const char *s, size_t len)
{
	size_t i, alpha = 0, digit = 0, upper = 0, low = 0, slash = 0, dot = 0;

	if (len < 16)
		return 0;
	for (i = 0; i < len; i++) {
		alpha += cl_ascii_isalpha(s[i]);
		digit += cl_ascii_isdigit(s[i]);
		upper += is_upper(s[i]);
		low += is_lower(s[i]);
		slash += s[i] == '/';
		dot += s[i] == '.';
	}
	if (slash && dot)
		return 0;
	if (alpha >= 2 && digit >= 2)
		return 1;
	return upper >= 2 && low >= 2 && mean_word_length(s, len) < 3.5;
}

/* The shortest credential cl_secret_find_value takes: a key-like value
 * with a hint (16); a JWT (10, '.', 2, '.'), the shortest known format
 * (the vendor tokens of prefixed_at are 15 or more, a random token 32).
 * So check_part finds nothing in a part shorter than MIN_UNHINTED. */
#define MIN_HINTED 16
#define MIN_UNHINTED 14
/* The shortest random token without a hint (looks_random). */
#define MIN_RANDOM 32

/* Where the value scan puts what it finds: the first only (OUT NULL:
 * START and END, then DONE), or every one into OUT, offsets plus BASE,
 * named by [NS, NE). */
struct value_sink {
	struct cl_secret_hits *out;
	size_t base, ns, ne;
	size_t start, end;
	int done;
	int no_eq; /* the text is known to have no '=' */
};

static void
emit(struct value_sink *vs, size_t s, size_t e, enum cl_secret_kind kind)
{
	if (!vs->out) {
		vs->start = s;
		vs->end = e;
		vs->done = 1;
		return;
	}
	add_hit(vs->out, vs->base + s, vs->base + e, vs->ns, vs->ne, kind);
}

/*
 * The credentials of one `name=value` part V[I..J) of a literal run:
 * every token of a known format in it, wherever it stands; else, with
 * CL_SCAN_HINT (the key names a credential) or CL_SCAN_MASK (masking
 * errs on the safe side), each random piece of a path or dotted name;
 * else, with CL_SCAN_HINT, the part when it is key-like. Returns the
 * first one's kind.
 */
static enum cl_secret_kind
check_part(const char *v, size_t i, size_t j, unsigned flags,
           struct value_sink *vs)
{
	enum cl_secret_kind first = CL_SECRET_NONE, kind;
	size_t k, sub, ks, ke;

	for (k = i; k < j && !vs->done &&
	            (kind = find_known(v, k, j, &ks, &ke)) != CL_SECRET_NONE;
	     k = ke) {
		emit(vs, ks, ke, kind);
		if (!first)
			first = kind;
	}
	if (first || !(flags & (CL_SCAN_HINT | CL_SCAN_MASK)))
		return first;
	/* No piece of a shorter part is long enough for looks_random. */
	for (k = i; j - i >= MIN_RANDOM && k < j && !vs->done; k = sub + 1) {
		for (sub = k;
		     sub < j && v[sub] != '/' && v[sub] != '.' && v[sub] != '~';
		     sub++)
			;
		if (looks_random(v + k, sub - k, MIN_RANDOM)) {
			emit(vs, k, sub, CL_SECRET_TOKEN);
			first = CL_SECRET_TOKEN;
		}
	}
	if (!first && (flags & CL_SCAN_HINT) && looks_like_key(v + i, j - i)) {
		emit(vs, i, j, CL_SECRET_TOKEN);
		first = CL_SECRET_TOKEN;
	}
	return first;
}

/*
 * The first run of MIN token characters or more in S[*AT..LEN), the run
 * taken whole (a run that starts before *AT counts from *AT): 1 and the
 * run in [*AT, *END), or 0. Most texts have none, so windows of MIN bytes
 * are tried, each read from its end back to what is known: a window that
 * fails at byte P leaves the next to start after P, and every byte is
 * read once at most (text without long runs mostly not at all): linear.
 */
static int
next_run(const char *s, size_t len, size_t min, size_t *at, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t a = *at, known = a, e, p;

	while (a <= len && len - a >= min) {
		/* S[a..known) are token characters; try S[a..a + MIN). */
		e = a + min;
		/* Four bytes a step while they are all token characters. */
		for (p = e;
		     p - known >= 4 &&
		     (char_class[u[p - 1]] & char_class[u[p - 2]] &
		      char_class[u[p - 3]] & char_class[u[p - 4]] & C_TOKEN);
		     p -= 4)
			;
		while (p > known && (char_class[u[p - 1]] & C_TOKEN))
			p--;
		if (p == known) {
			while (e < len && is_token_char(s[e]))
				e++;
			*at = a;
			*end = e;
			return 1;
		}
		a = p;
		known = e;
	}
	return 0;
}

/*
 * 1 when a well-formed placeholder starts at V[P], with its end in *END
 * (cl_placeholder_at). Asked of the few bytes around a long run only,
 * where a scan of every placeholder of the text cost more than all the
 * rest of the scan.
 */
static int
placeholder_at(const char *v, size_t len, size_t p, size_t *end)
{
	size_t e = cl_placeholder_at(v, len, p);

	if (!e)
		return 0;
	*end = e;
	return 1;
}

/*
 * The first run of V[*AT..LEN) that find_values reads: MIN_UNHINTED token
 * characters or more (shorter, no part of it holds anything check_part
 * finds) and not the key of a placeholder starting at or after FROM
 * (placeholders are never secrets). A placeholder's key is a whole run,
 * between "{{" and "}}". Sets *AT and *END as next_run.
 */
static int
next_value_run(const char *v, size_t len, size_t from, size_t *at, size_t *end)
{
	size_t pe;

	while (next_run(v, len, MIN_UNHINTED, at, end)) {
		if (!(*at >= from + 2 && placeholder_at(v, len, *at - 2, &pe) &&
		      pe == *end + 2))
			return 1;
		*at = *end;
	}
	return 0;
}

/*
 * A run of token characters is split at each `=` that separates a name
 * from a value (not the `=` padding that ends base64); a run directly
 * followed by a placeholder is a label (`token={{token}}`), not a value.
 * Reads the run [I, J) that next_value_run found in V[FROM..LEN), then
 * those after it; one pass, whatever it finds: linear in LEN.
 */
static enum cl_secret_kind
find_values_at(const char *v, size_t len, size_t from, size_t i, size_t j,
               unsigned flags, struct value_sink *vs)
{
	enum cl_secret_kind first = CL_SECRET_NONE, kind;

	do {
		size_t k, part, pad, pe;
		/* The last part of a run that runs into a placeholder is a
		 * label. */
		int label = placeholder_at(v, len, j, &pe);

		for (pad = j; pad > i && v[pad - 1] == '='; pad--)
			;
		/* Parts end at each '=' before the padding, and at the end
		 * of the run. */
		for (part = i;; part = k + 1) {
			const char *eq =
			    vs->no_eq ? NULL
			              : memchr(v + part, '=', pad - part);

			k = eq ? (size_t)(eq - v) : j;
			if (!(k == j && label) && k > part &&
			    (kind = check_part(v, part, k, flags, vs)) &&
			    !first)
				first = kind;
			if (k == j || vs->done)
				break;
		}
		/* Past the placeholder after a label: its key is no text. */
		i = label ? pe : j;
	} while (!vs->done && len - i >= MIN_UNHINTED &&
	         next_value_run(v, len, from, &i, &j));
	return first;
}

static enum cl_secret_kind
find_values(const char *v, size_t len, size_t from, unsigned flags,
            struct value_sink *vs)
{
	size_t i = from, j;

	if (!next_value_run(v, len, from, &i, &j))
		return CL_SECRET_NONE;
	return find_values_at(v, len, from, i, j, flags, vs);
}

enum cl_secret_kind
cl_secret_find_value(const char *v, size_t len, size_t from, unsigned flags,
                     size_t *start, size_t *end)
{
	struct value_sink vs = { NULL, 0, 0, 0, 0, 0, 0, 0 };
	enum cl_secret_kind kind = find_values(v, len, from, flags, &vs);

	*start = vs.start;
	*end = vs.end;
	return kind;
}

/* Adds every credential of V[0..LEN) to OUT, offsets plus BASE, named by
 * [NS, NE). */
static void
add_values(const char *v, size_t len, unsigned flags, size_t base, size_t ns,
           size_t ne, struct cl_secret_hits *out)
{
	struct value_sink vs = { NULL, 0, 0, 0, 0, 0, 0, 0 };

	vs.out = out;
	vs.base = base;
	vs.ns = ns;
	vs.ne = ne;
	find_values(v, len, 0, flags, &vs);
}

/* ---- Authorization values ---- */

/* The first run of token characters of at least 8 in V[FROM..LEN),
 * outside placeholders and not a label; 0 when there is none. */
static int
find_token68(const char *v, size_t len, size_t from, size_t *start, size_t *end)
{
	struct cl_placeholder_match m;
	size_t pos = from, cs = from, ce;

	for (;;) {
		int more = cl_placeholder_next(v, len, &pos, &m);
		size_t seg_end = more ? m.start : len;

		while (cs < seg_end) {
			if (!is_token_char(v[cs])) {
				cs++;
				continue;
			}
			for (ce = cs; ce < seg_end && is_token_char(v[ce]);
			     ce++)
				;
			if (!(more && ce == seg_end) && ce - cs >= 8) {
				*start = cs;
				*end = ce;
				return 1;
			}
			cs = ce;
		}
		if (!more)
			return 0;
		cs = m.end;
	}
}

/*
 * "SCHEME credentials", or bare credentials. Any literal credential text
 * is hard-coded (RFC 7617 §4: Basic credentials are only Base64-encoded;
 * RFC 6750 §5.3: bearer tokens must be protected from disclosure), except
 * a label directly followed by a placeholder (`Token token={{token}}`).
 * Credentials under 8 characters are not taken for real ones.
 */
enum cl_secret_kind
cl_secret_find_authorization(const char *v, size_t len, size_t *start,
                             size_t *end)
{
	size_t i = 0, scheme_end;

	while (i < len && (v[i] == ' ' || v[i] == '\t'))
		i++;
	for (scheme_end = i;
	     scheme_end < len &&
	     (cl_ascii_isalpha(v[scheme_end]) ||
	      cl_ascii_isdigit(v[scheme_end]) || v[scheme_end] == '-');
	     scheme_end++)
		;
	if (scheme_end > i && scheme_end < len &&
	    (v[scheme_end] == ' ' || v[scheme_end] == '\t')) {
		int basic = equal_ci(v + i, scheme_end - i, "basic");
		int bearer = equal_ci(v + i, scheme_end - i, "bearer");

		/* Basic and Bearer take one token68; other schemes a list
		 * of name=value pairs, of which only credential-like values
		 * count. */
		if (basic || bearer)
			return find_token68(v, len, scheme_end, start, end)
			           ? (basic ? CL_SECRET_BASIC
			                    : CL_SECRET_BEARER)
			           : CL_SECRET_NONE;
		return cl_secret_find_value(v, len, scheme_end, CL_SCAN_HINT,
		                            start, end) != CL_SECRET_NONE
		           ? CL_SECRET_AUTH
		           : CL_SECRET_NONE;
	}
	return find_token68(v, len, i, start, end) ? CL_SECRET_AUTH
	                                           : CL_SECRET_NONE;
}

/* ---- free text ---- */

/* Where an unquoted field value ends: query strings, form bodies, JSON
 * numbers, and the backquotes around values in messages. '=' too, so
 * that `a=b=c=…` is read in one pass. */
static int
ends_bare_value(char c)
{
	return is_space(c) || c == '&' || c == ';' || c == '"' || c == '\'' ||
	       c == '<' || c == '>' || c == ',' || c == '}' || c == ']' ||
	       c == ')' || c == '#' || c == '=' || c == '`' || c == '?';
}

/* The value of field NAME, S[VS..VE): whole when NAME is a credential
 * key, else what a key-hinted value check finds in it. */
static void
check_field(const char *s, size_t ns, size_t ne, size_t vs, size_t ve,
            unsigned flags, size_t base, struct cl_secret_hits *out)
{
	size_t nl = ne - ns;

	/* The credential keys are hints too. Most names end in no ending,
	 * which hint_group tells without a call. */
	if (ve <= vs || !hint_group(s + ns, &nl) ||
	    !cl_secret_key_hint(s + ns, ne - ns))
		return;
	if (cl_secret_key(s + ns, ne - ns, 1)) {
		if (cl_secret_has_literal(s + vs, ve - vs))
			add_hit(out, base + vs, base + ve, base + ns, base + ne,
			        CL_SECRET_NAMED);
		return;
	}
	add_values(s + vs, ve - vs, (flags & CL_SCAN_MASK) | CL_SCAN_HINT,
	           base + vs, base + ns, base + ne, out);
}

/* The length of the JSON quote that ends at S[I] (exclusive): 1 for
 * '"', 6 for "&quot;" (JSON in an attribute value, escaped), else 0. */
static size_t
quote_before(const char *s, size_t i)
{
	if (i >= 1 && s[i - 1] == '"')
		return 1;
	if (i >= 6 && !memcmp(s + i - 6, "&quot;", 6))
		return 6;
	return 0;
}

/*
 * Fields named as credentials: `name=value` (query strings, form bodies,
 * attributes, blanks allowed around '='; the value bare or quoted) and
 * `"name": value` (JSON, its quotes also written `&quot;`). A quoted
 * value ends at its quote or at the end of the line, so a '<' or '&'
 * inside CDATA stays part of it.
 */
static void
scan_fields(const char *s, size_t len, unsigned flags, unsigned seen,
            size_t base, struct cl_secret_hits *out)
{
	const char *end = s + len, *eq, *colon; /* the next '=' and ':' */
	size_t k;

	/* SEEN (the classes of S) tells when there is nothing to search. */
	if (!(seen & C_EQ) || !(eq = memchr(s, '=', len)))
		eq = end;
	if (!(seen & C_COLON) || !(colon = memchr(s, ':', len)))
		colon = end;
	for (k = 0; k < len; k++) {
		size_t ne, ns, vs, ve, q = 0;
		int json;

		/* Each memchr starts where the last one stopped: linear. */
		if (eq < s + k && !(eq = memchr(s + k, '=', len - k)))
			eq = end;
		if (colon < s + k && !(colon = memchr(s + k, ':', len - k)))
			colon = end;
		k = (size_t)((eq < colon ? eq : colon) - s);
		if (k >= len)
			return;
		ne = k;
		json = s[k] == ':';
		while (ne > 0 && (s[ne - 1] == ' ' || s[ne - 1] == '\t'))
			ne--;
		if (json && !(q = quote_before(s, ne)))
			continue;
		ne -= q;
		for (ns = ne; ns > 0 && is_name_char(s[ns - 1]); ns--)
			;
		if (ns == ne || (json && quote_before(s, ns) != q))
			continue;
		for (vs = k + 1; vs < len && is_space(s[vs]); vs++)
			;
		if (json && vs + 6 <= len && !memcmp(s + vs, "&quot;", 6)) {
			for (vs += 6, ve = vs; ve < len && s[ve] != '\n'; ve++)
				if (s[ve] == '&' && ve + 6 <= len &&
				    !memcmp(s + ve, "&quot;", 6))
					break;
		} else if (vs < len &&
		           (s[vs] == '"' || (!json && s[vs] == '\''))) {
			char qc = s[vs++];

			for (ve = vs; ve < len && s[ve] != qc && s[ve] != '\n';
			     ve++)
				if (s[ve] == '\\' && json && ve + 1 < len)
					ve++;
		} else {
			for (ve = vs; ve < len && !ends_bare_value(s[ve]); ve++)
				;
			/* An object, an array or a JSON literal is no
			 * credential. */
			if ((ve > vs && (s[vs] == '{' || s[vs] == '[')) ||
			    equal_ci(s + vs, ve - vs, "null") ||
			    equal_ci(s + vs, ve - vs, "true") ||
			    equal_ci(s + vs, ve - vs, "false"))
				continue;
		}
		check_field(s, ns, ne, vs, ve, flags, base, out);
	}
}

/* The password of every `scheme://user:password@host` in S, or a lone
 * user part (then usually a token), as CL503 masks it. */
static void
scan_userinfo(const char *s, size_t len, size_t base,
              struct cl_secret_hits *out)
{
	const char *p;
	size_t k = 0;

	while (k < len && (p = memchr(s + k, ':', len - k))) {
		size_t a, ae, at = 0, colon, i;
		int has_at = 0;

		k = (size_t)(p - s) + 1;
		if (k + 2 > len || s[k] != '/' || s[k + 1] != '/' || k < 2 ||
		    !cl_ascii_isalpha(s[k - 2]))
			continue;
		a = k + 2;
		for (ae = a;
		     ae < len && s[ae] != '/' && s[ae] != '?' && s[ae] != '#' &&
		     s[ae] != '"' && s[ae] != '\'' && s[ae] != '<' &&
		     s[ae] != '>' && s[ae] != '`' && !is_space(s[ae]);
		     ae++)
			if (s[ae] == '@') {
				at = ae;
				has_at = 1;
			}
		k = ae;
		if (!has_at || at == a)
			continue;
		for (colon = a; colon < at && s[colon] != ':'; colon++)
			;
		i = colon < at ? colon + 1 : a;
		if (at > i && cl_secret_has_literal(s + i, at - i))
			add_hit(out, base + i, base + at, 0, 0,
			        CL_SECRET_USERINFO);
	}
}

/* A token after `Basic ` or `Bearer ` in text: 8 characters or more with
 * a digit or a base64 sign, so that prose ("Bearer tokens", "Basic
 * credentials") is left alone; not a label before a placeholder. */
static void
scan_schemes(const char *s, size_t len, size_t base, struct cl_secret_hits *out)
{
	const char *end = s + len, *nb, *nB; /* the next 'b' and 'B' */
	size_t i;

	if (!(nb = memchr(s, 'b', len)))
		nb = end;
	if (!(nB = memchr(s, 'B', len)))
		nB = end;
	for (i = 0; i < len; i++) {
		size_t w, j, te, t;
		int basic, signs = 0;

		/* Each memchr starts where the last one stopped: linear. */
		if (nb < s + i && !(nb = memchr(s + i, 'b', len - i)))
			nb = end;
		if (nB < s + i && !(nB = memchr(s + i, 'B', len - i)))
			nB = end;
		i = (size_t)((nb < nB ? nb : nB) - s);
		if (i >= len)
			return;
		if (i && is_token_char(s[i - 1]))
			continue;
		for (w = i; w < len && cl_ascii_isalpha(s[w]); w++)
			;
		basic = equal_ci(s + i, w - i, "basic");
		if (!basic && !equal_ci(s + i, w - i, "bearer"))
			continue;
		for (j = w; j < len && (s[j] == ' ' || s[j] == '\t'); j++)
			;
		if (j == w)
			continue;
		for (te = j; te < len && is_token_char(s[te]); te++)
			signs += cl_ascii_isdigit(s[te]) || s[te] == '+' ||
			         s[te] == '/' || s[te] == '=';
		t = te;
		i = te - 1;
		if (t - j < 8 || !signs ||
		    (t + 1 < len && s[t] == '{' && s[t + 1] == '{'))
			continue;
		add_hit(out, base + j, base + t, 0, 0,
		        basic ? CL_SECRET_BASIC : CL_SECRET_BEARER);
	}
}

/* The offset of PAT (N bytes) in S[FROM..LEN), or LEN. */
static size_t
find_str(const char *s, size_t len, size_t from, const char *pat, size_t n)
{
	while (from + n <= len) {
		const char *c = memchr(s + from, pat[0], len - from - n + 1);

		if (!c)
			break;
		from = (size_t)(c - s);
		if (!memcmp(s + from, pat, n))
			return from;
		from++;
	}
	return len;
}

static int
starts_with(const char *s, size_t len, size_t at, const char *pat)
{
	size_t n = strlen(pat);

	return at + n <= len && !memcmp(s + at, pat, n);
}

/*
 * PEM private keys (RFC 7468 §10, §11; OpenSSH's and PGP's armour reads
 * the same): the body after `-----BEGIN … PRIVATE KEY-----`, up to
 * `-----END` or, when there is none, the end of the text. One search for
 * the END line per key, and none once a search failed: linear.
 */
static void
scan_pem(const char *s, size_t len, size_t base, struct cl_secret_hits *out)
{
	static const char begin[] = "-----BEGIN ", end_mark[] = "-----END";
	size_t k = 0;
	int no_end = 0;

	while ((k = find_str(s, len, k, begin, sizeof(begin) - 1)) < len) {
		size_t l = k + sizeof(begin) - 1, le, body, e;

		for (le = l; le < len && le - l < 64 &&
		             (is_upper(s[le]) || cl_ascii_isdigit(s[le]) ||
		              s[le] == ' ');
		     le++)
			;
		k = l;
		if (!starts_with(s, len, le, "-----") ||
		    find_str(s, le, l, "PRIVATE KEY", 11) >= le)
			continue;
		body = le + 5;
		e = no_end ? len
		           : find_str(s, len, body, end_mark,
		                      sizeof(end_mark) - 1);
		no_end = e >= len;
		add_hit(out, base + body, base + e, 0, 0,
		        CL_SECRET_PRIVATE_KEY);
		k = e;
	}
}

/* A hint never lets find_values run on a shorter run than no hint does:
 * so cl_secret_scan_keyed need not look the hint up below MIN_UNHINTED. */
_Static_assert(MIN_HINTED >= MIN_UNHINTED, "a hint lowers no threshold");

/* 1 when C1 may follow C0 at the start of a token of a known format: a
 * JWT's header starts with "{" encoded (so 'e', then one of [w-z0-9_-]),
 * the vendor prefixes as prefixed_at reads them. */
static int
may_start_known(unsigned char c0, unsigned char c1)
{
	switch (c0) {
	case 'e':
		return (c1 >= 'w' && c1 <= 'z') || cl_ascii_isdigit((char)c1) ||
		       c1 == '_' || c1 == '-';
	case 's':
		return c1 == 'k' || c1 == 'h';
	case 'r':
		return c1 == 'k';
	case 'g':
		return c1 == 'h' || c1 == 'i' || c1 == 'l';
	case 'x':
		return c1 == 'o';
	case 'A':
		return c1 == 'K' || c1 == 'S' || c1 == 'I';
	case 'S':
		return c1 == 'G';
	}
	return 0;
}

/* 1 when a token of a known format may start in U[I..I + N) of U[0..LEN):
 * a byte that starts a word as find_known reads them (at 0, or after a
 * byte that is not a letter or digit), and may_start_known of it and the
 * next. */
static int
known_starts(const unsigned char *u, size_t i, size_t n, size_t len)
{
	size_t j;

	for (j = i; j < i + n && j + 1 < len; j++)
		if ((char_class[u[j]] & C_KNOWN) &&
		    (j == 0 || !(char_class[u[j - 1]] & C_ALNUM)) &&
		    may_start_known(u[j], u[j + 1]))
			return 1;
	return 0;
}

/*
 * The classes of the characters of S[0..LEN), or'ed; *KNOWN is 0 when no
 * token of a known format can start in it (known_starts): without a hint
 * or masking, such tokens are all find_values can find, so most texts
 * are read once, not twice. One pass, four bytes a step (it reads every
 * byte of every value), looking closer only where a word starts with a
 * letter that starts one (C_KNOWN after C_NALNUM).
 */
static unsigned
classes_of(const char *s, size_t len, int *known)
{
	/* C_KNOWN in each of four 16-bit lanes. */
	const uint64_t known4 = (uint64_t)C_KNOWN * 0x0001000100010001u;
	const unsigned char *u = (const unsigned char *)s;
	/* The classes of four bytes, a lane each; the bytes before the text
	 * are taken for C_NALNUM: a text starts a word. */
	uint64_t all = 0, last = (uint64_t)C_NALNUM << 48;
	unsigned seen, prev;
	size_t i = 0;

	/* C_NALNUM of each byte, shifted onto C_KNOWN of the next (13 bits
	 * up into the next lane, from the last lane of the step before 51
	 * bits down). */
	_Static_assert(C_NALNUM >> 3 == C_KNOWN, "classes_of's shifts");
	*known = 0;
	for (; len - i >= 4; i += 4) {
		uint64_t w = char_class[u[i]] |
		             (uint64_t)char_class[u[i + 1]] << 16 |
		             (uint64_t)char_class[u[i + 2]] << 32 |
		             (uint64_t)char_class[u[i + 3]] << 48;

		all |= w;
		if ((w & (w << 13 | last >> 51) & known4) && !*known)
			*known = known_starts(u, i, 4, len);
		last = w;
	}
	seen = (unsigned)((all | all >> 16 | all >> 32 | all >> 48) & 0xFFFF);
	prev = (unsigned)(last >> 48);
	for (; i < len; i++) {
		unsigned c = char_class[u[i]];

		seen |= c;
		if ((c & prev >> 3 & C_KNOWN) && !*known)
			*known = known_starts(u, i, 1, len);
		prev = c;
	}
	return seen;
}

/* The hint of KEY or LABEL (may be NULL). */
static int
keyed_hint(const char *key, const char *label)
{
	return cl_secret_key_hint(key, strlen(key)) ||
	       (label && cl_secret_key_hint(label, strlen(label)));
}

/*
 * cl_secret_scan_text, with the hint of KEY or LABEL (keyed_hint) when
 * KEY is not NULL. A scan is skipped only where it can find nothing, so
 * the hits, and their order, are what running every scan would give.
 * The hint only matters to find_values, which reads runs of MIN_UNHINTED
 * or more outside placeholders only, and without a hint or masking finds
 * tokens of a known format only: most values have neither, and then
 * their runs are not looked for.
 */
static void
scan_shaped(const char *s, size_t len, unsigned flags, const char *key,
            const char *label, size_t base, struct cl_secret_hits *out)
{
	int known;
	unsigned seen = classes_of(s, len, &known);
	size_t at = 0, end, any = 0, any_end;
	/* find_values reads runs of token characters only. */
	int values = len >= MIN_UNHINTED && (seen & C_TOKEN);

	/* Masking without a hint: what check_part finds then is a token of
	 * a known format or a random piece of MIN_RANDOM or more. */
	if (values && !key &&
	    (flags & (CL_SCAN_HINT | CL_SCAN_MASK)) == CL_SCAN_MASK && !known &&
	    len < MIN_RANDOM)
		values = 0;
	if (values && !(flags & (CL_SCAN_HINT | CL_SCAN_MASK)) && !known) {
		/* Only a hint can make find_values find anything now. */
		values = key && len >= MIN_HINTED && keyed_hint(key, label);
		if (values) {
			flags |= CL_SCAN_HINT;
			key = NULL;
		}
	}
	if (values && next_value_run(s, len, 0, &at, &end)) {
		struct value_sink vs = { NULL, 0, 0, 0, 0, 0, 0, 0 };

		if (key && keyed_hint(key, label))
			flags |= CL_SCAN_HINT;
		vs.out = out;
		vs.base = base;
		vs.no_eq = !(seen & C_EQ);
		/* With a hint, find_values runs only when the text has a run
		 * of MIN_HINTED, placeholder or not. */
		if (!(flags & CL_SCAN_HINT) || end - at >= MIN_HINTED ||
		    next_run(s, len, MIN_HINTED, &any, &any_end))
			find_values_at(s, len, 0, at, end, flags, &vs);
	}
	/* What each scan needs: "-----BEGIN " for a PEM key; a field's '=',
	 * or the ':' after a quoted name (a URL's "https:" is none); ':' and
	 * '@' for a URL's password; "Basic " or "Bearer ". */
	if ((seen & (C_DASH | C_B | C_BLANK)) == (C_DASH | C_B | C_BLANK))
		scan_pem(s, len, base, out);
	if ((seen & C_EQ) ||
	    (seen & (C_COLON | C_QUOTE)) == (C_COLON | C_QUOTE))
		scan_fields(s, len, flags, seen, base, out);
	if ((seen & (C_COLON | C_AT)) == (C_COLON | C_AT))
		scan_userinfo(s, len, base, out);
	if ((seen & (C_B | C_BLANK)) == (C_B | C_BLANK))
		scan_schemes(s, len, base, out);
}

void
cl_secret_scan_text(const char *s, size_t len, unsigned flags, size_t base,
                    struct cl_secret_hits *out)
{
	scan_shaped(s, len, flags, NULL, NULL, base, out);
}

void
cl_secret_scan_keyed(const char *s, size_t len, const char *key,
                     const char *label, size_t base, struct cl_secret_hits *out)
{
	scan_shaped(s, len, 0, key, label, base, out);
}

/* ---- the raw pass ---- */

/* What the raw pass stops at in a tag, besides the C_DQ, C_SQ and C_LT of
 * char_class: R_SPACE, XML white space; R_END, what ends an element name
 * or an unquoted value (white space, '<', '>'); R_DELIM, what ends an
 * attribute name (C_DELIM: white space, '"', '\'', '<', '=', '>'). */
enum {
	R_SPACE = 1,
	R_END = 2,
	R_DELIM = 4
};

static const unsigned char raw_class[256] = {
	[' '] = R_SPACE | R_END | R_DELIM,
	['\t'] = R_SPACE | R_END | R_DELIM,
	['\n'] = R_SPACE | R_END | R_DELIM,
	['\r'] = R_SPACE | R_END | R_DELIM,
	['<'] = R_END | R_DELIM,
	['>'] = R_END | R_DELIM,
	['"'] = R_DELIM,
	['\''] = R_DELIM,
	['='] = R_DELIM,
};

/* The first byte of U[I..LEN) with a raw_class in MASK, or LEN. Four
 * bytes a bounds check: these loops read every byte of every tag. */
static inline size_t
raw_until(const unsigned char *u, size_t i, size_t len, unsigned mask)
{
	for (; len - i >= 4; i += 4) {
		if (raw_class[u[i]] & mask)
			return i;
		if (raw_class[u[i + 1]] & mask)
			return i + 1;
		if (raw_class[u[i + 2]] & mask)
			return i + 2;
		if (raw_class[u[i + 3]] & mask)
			return i + 3;
	}
	while (i < len && !(raw_class[u[i]] & mask))
		i++;
	return i;
}

/* Past the white space at U[I..LEN): raw_until's loop, the test turned
 * round (the indentation between tags is most of the bytes outside them). */
static inline size_t
skip_space(const unsigned char *u, size_t i, size_t len)
{
	for (; len - i >= 4; i += 4) {
		if (!(raw_class[u[i]] & R_SPACE))
			return i;
		if (!(raw_class[u[i + 1]] & R_SPACE))
			return i + 1;
		if (!(raw_class[u[i + 2]] & R_SPACE))
			return i + 2;
		if (!(raw_class[u[i + 3]] & R_SPACE))
			return i + 3;
	}
	while (i < len && (raw_class[u[i]] & R_SPACE))
		i++;
	return i;
}

/* The end of a quoted value at U[I..LEN): the first byte with a
 * char_class in STOP, or LEN; the classes of the bytes before it are
 * or'ed into *SEEN. */
static inline size_t
value_until(const unsigned char *u, size_t i, size_t len, unsigned stop,
            unsigned *seen)
{
	unsigned c, acc = 0;

	for (; len - i >= 4; i += 4) {
		if ((c = char_class[u[i]]) & stop)
			goto done;
		acc |= c;
		if ((c = char_class[u[i + 1]]) & stop) {
			i += 1;
			goto done;
		}
		acc |= c;
		if ((c = char_class[u[i + 2]]) & stop) {
			i += 2;
			goto done;
		}
		acc |= c;
		if ((c = char_class[u[i + 3]]) & stop) {
			i += 3;
			goto done;
		}
		acc |= c;
	}
	while (i < len && !((c = char_class[u[i]]) & stop)) {
		acc |= c;
		i++;
	}
done:
	*seen = acc;
	return i;
}

/* An attribute of a tag as the raw pass reads it: name and value spans. */
struct raw_attr {
	size_t ns, ne, vs, ve;
};

/* More attributes than this are scanned as text only. */
#define MAX_RAW_ATTRS 64

/* What scan_raw_attrs reads of one tag: the first `key`, `secret` and
 * `label` (NS == NE when there is none), and every `value` and
 * `default`. */
struct raw_tag {
	struct raw_attr key, sec, label;
	struct raw_attr vals[MAX_RAW_ATTRS];
	size_t nvals;
};

/*
 * What CL501 says of an element's `default` and `value`, on the raw
 * attributes of one tag: the whole value of a credential key (or of an
 * element marked `secret="true"`), the credentials of an Authorization
 * value, key-hinted credentials. Element names are not looked at: a param
 * in a misspelt `<headerz>` is masked as one in `<headers>`.
 */
static void
scan_raw_attrs(const char *b, const struct raw_tag *t,
               struct cl_secret_hits *out)
{
	const struct raw_attr *key = &t->key, *sec = &t->sec,
	                      *label = &t->label;
	const char *k = b + key->vs;
	size_t klen = key->ve - key->vs, i, s, e;
	int whole = cl_secret_key(k, klen, 1) ||
	            (sec->ne > sec->ns && sec->ve - sec->vs == 4 &&
	             !memcmp(b + sec->vs, "true", 4));
	int auth = equal_ci(k, klen, "authorization");
	int hint = cl_secret_key_hint(k, klen) ||
	           (label->ne > label->ns &&
	            cl_secret_key_hint(b + label->vs, label->ve - label->vs));

	for (i = 0; i < t->nvals; i++) {
		const struct raw_attr *a = &t->vals[i];
		const char *v = b + a->vs;
		size_t vl = a->ve - a->vs;
		int is_value = a->ne - a->ns == 5;
		enum cl_secret_kind kind;

		if (whole) {
			if (cl_secret_has_literal(v, vl))
				add_hit(out, a->vs, a->ve, 0, 0,
				        CL_SECRET_NAMED);
		} else if (auth && is_value) {
			if ((kind =
			         cl_secret_find_authorization(v, vl, &s, &e)))
				add_hit(out, a->vs + s, a->vs + e, 0, 0, kind);
		} else if (vl >= (hint ? MIN_HINTED : MIN_UNHINTED)) {
			add_values(v, vl,
			           CL_SCAN_MASK | (hint ? CL_SCAN_HINT : 0u),
			           a->vs, 0, 0, out);
		}
	}
}

/* Values shorter than this hold nothing cl_secret_scan_text finds: the
 * shortest is a named field, `token=x`. */
#define MIN_TEXT 7

/*
 * 1 when cl_secret_scan_text (CL_SCAN_MASK) may find something in a text
 * of LEN bytes whose characters have the classes SEEN, as scan_shaped
 * decides it: a run for find_values (a known format needs one of its
 * first letters, a random token MIN_RANDOM characters), else what the
 * other scans need. 0 only where the scan would find nothing.
 */
static int
mask_may_find(size_t len, unsigned seen)
{
	if (len >= MIN_UNHINTED && (seen & C_TOKEN) &&
	    (len >= MIN_RANDOM || (seen & C_KNOWN)))
		return 1;
	return (seen & C_EQ) ||
	       (seen & (C_COLON | C_QUOTE)) == (C_COLON | C_QUOTE) ||
	       (seen & (C_COLON | C_AT)) == (C_COLON | C_AT) ||
	       (seen & (C_B | C_BLANK)) == (C_B | C_BLANK);
}

/*
 * Files the attribute A of a tag for scan_raw_attrs. Returns 1 when its
 * name is one of those no credential has (`key`, `value`, `label`,
 * `default`: cl_secret_key_hint is 0 for each), so that its field needs
 * no check_field.
 */
static int
raw_name(const char *b, const struct raw_attr *a, struct raw_tag *t)
{
	const char *nm = b + a->ns;

	switch (a->ne - a->ns) {
	case 3:
		if (memcmp(nm, "key", 3))
			break;
		if (t->key.ne == t->key.ns)
			t->key = *a;
		return 1;
	case 5:
		if (!memcmp(nm, "value", 5)) {
			t->vals[t->nvals++] = *a;
			return 1;
		}
		if (memcmp(nm, "label", 5))
			break;
		if (t->label.ne == t->label.ns)
			t->label = *a;
		return 1;
	case 6:
		/* `secret` names a credential: its field is checked too. */
		if (!memcmp(nm, "secret", 6) && t->sec.ne == t->sec.ns)
			t->sec = *a;
		break;
	case 7:
		if (memcmp(nm, "default", 7))
			break;
		t->vals[t->nvals++] = *a;
		return 1;
	}
	return 0;
}

/*
 * One tag from the '<' at Q; returns where it ends (past its '>', or at
 * the next '<' or the end when it is broken). A well-formed tag has its
 * attribute values scanned as text and its attribute names taken as
 * field names (`password="…"` on a misspelt element); a broken one
 * (unclosed, an unquoted value, a name without a value) is scanned whole
 * as text as well, whatever its bytes hold. Each attribute is looked at
 * as it is read, its value's classes taken on the way: most values
 * (names, placeholders, numbers) are read once.
 */
static size_t
scan_tag(const char *b, size_t len, size_t q, struct cl_secret_hits *out)
{
	const unsigned char *u = (const unsigned char *)b;
	struct raw_tag t;
	size_t n = 0, i;
	int broken = 1;

	t.key.ns = t.key.ne = t.key.vs = t.key.ve = 0;
	t.sec = t.label = t.key;
	t.nvals = 0;
	i = raw_until(u, q + 1, len, R_END);
	for (;;) {
		struct raw_attr a;
		unsigned seen;
		size_t nl;

		i = skip_space(u, i, len);
		if (i >= len || b[i] == '<')
			break;
		if (b[i] == '>') {
			i++;
			broken &= 2; /* closed: broken only if marked */
			break;
		}
		a.ns = i;
		i = raw_until(u, i, len, R_DELIM);
		a.ne = i;
		if (a.ne == a.ns) { /* a stray '=' or quote */
			broken |= 2;
			i++;
			continue;
		}
		i = skip_space(u, i, len);
		if (i >= len || b[i] != '=') {
			/* The '/' of "/>" and the '?' of "?>" end a tag. */
			if (a.ne - a.ns != 1 ||
			    (b[a.ns] != '/' && b[a.ns] != '?'))
				broken |= 2;
			continue;
		}
		i = skip_space(u, i + 1, len);
		if (i < len && (b[i] == '"' || b[i] == '\'')) {
			/* No '<' in a value: one means the quote was never
			 * closed, and the value ends there. */
			unsigned stop = (b[i] == '"' ? C_DQ : C_SQ) | C_LT;

			a.vs = ++i;
			i = value_until(u, i, len, stop, &seen);
			a.ve = i;
			if (i < len && b[i] != '<')
				i++;
			else
				broken |= 2;
		} else {
			a.vs = i;
			i = raw_until(u, i, len, R_END);
			a.ve = i;
			seen = ~0u; /* not read: scanned */
			broken |= 2;
		}
		if (n == MAX_RAW_ATTRS) {
			broken |= 2;
			continue;
		}
		n++;
		if (a.ve - a.vs >= MIN_TEXT && mask_may_find(a.ve - a.vs, seen))
			cl_secret_scan_text(b + a.vs, a.ve - a.vs, CL_SCAN_MASK,
			                    a.vs, out);
		nl = a.ne - a.ns;
		/* Most names end in no ending of a credential's
		 * (hint_group), and check_field would find nothing. */
		if (!raw_name(b, &a, &t) && hint_group(b + a.ns, &nl))
			check_field(b, a.ns, a.ne, a.vs, a.ve, CL_SCAN_MASK, 0,
			            out);
	}
	if (broken)
		cl_secret_scan_text(b + q, i - q, CL_SCAN_MASK, q, out);
	/* Without a `value` or `default` it has nothing to look at. */
	if (t.nvals)
		scan_raw_attrs(b, &t, out);
	return i;
}

void
cl_secret_scan_source(const char *buf, size_t len, struct cl_secret_hits *out)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t p = 0;

	while (p < len) {
		const char *lt;
		/* White space alone, the indentation between tags, holds
		 * nothing. */
		size_t q = skip_space(u, p, len), end;

		if (q < len && buf[q] != '<') {
			lt = memchr(buf + q, '<', len - q);
			q = lt ? (size_t)(lt - buf) : len;
			cl_secret_scan_text(buf + p, q - p, CL_SCAN_MASK, p,
			                    out);
		}
		if (q >= len)
			break;
		/* Comments and CDATA sections start "<!"; most tags do not. */
		if (q + 1 < len && buf[q + 1] != '!') {
			p = scan_tag(buf, len, q, out);
		} else if (starts_with(buf, len, q, "<!--")) {
			end = find_str(buf, len, q + 4, "-->", 3);
			cl_secret_scan_text(buf + q + 4, end - (q + 4),
			                    CL_SCAN_MASK, q + 4, out);
			p = end + 3 < len ? end + 3 : len;
		} else if (starts_with(buf, len, q, "<![CDATA[")) {
			end = find_str(buf, len, q + 9, "]]>", 3);
			cl_secret_scan_text(buf + q + 9, end - (q + 9),
			                    CL_SCAN_MASK, q + 9, out);
			p = end + 3 < len ? end + 3 : len;
		} else {
			p = scan_tag(buf, len, q, out);
		}
	}
}

/* ---- messages ---- */

char *
cl_secret_mask_text(const char *s, size_t len)
{
	struct cl_secret_hits h = CL_SECRET_HITS_INIT;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, pos = 0;

	cl_secret_scan_text(s, len, CL_SCAN_MASK, 0, &h);
	if (!h.n)
		return NULL;
	cl_secret_hits_merge(&h);
	for (i = 0; i < h.n; i++) {
		const struct cl_secret_hit *x = &h.v[i];

		cl_strbuf_add(&sb, s + pos, x->start - pos);
		cl_strbuf_add(&sb, s + x->start,
		              cl_mask_keep(s + x->start, x->end - x->start));
		cl_strbuf_adds(&sb, "\xE2\x80\xA6");
		pos = x->end;
	}
	cl_strbuf_add(&sb, s + pos, len - pos);
	cl_secret_hits_release(&h);
	return cl_strbuf_detach(&sb);
}
