/*
 * The secret detector: what CL501 calls a hard-coded secret, defined once
 * for the three places that need it.
 *
 *  - CL501 (rules/CL501_hard_coded_secret.c) reports the secrets of the model:
 *    variable defaults, params, URLs, body content.
 *  - The raw pass (cl_secret_scan_source, through
 *    cl_diag_sink_scan_secrets) finds the same secrets in the source
 *    bytes, whatever the parser and the model made of them, so that every
 *    output masks them: a file with a parse error, invalid UTF-8, another
 *    encoding, the wrong root or a misspelt element is never modelled, or
 *    not all of it.
 *  - Messages (cl_secret_mask_text, applied by cl_report to every message)
 *    have every secret-shaped stretch masked, so that a rule quoting a
 *    value (a redirect URI with a token in its query) cannot leak it.
 *
 * What a secret is (issue 9; secret scanners do the same: keywords plus
 * known formats, entropy only in context):
 *
 *  - any literal value in a credential-shaped place: the default of a
 *    `secret="true"` variable or of a credential key (client_secret,
 *    password, token, consumer_secret, token_secret), a param or field of
 *    such a key, the credentials of an Authorization header or of
 *    `Basic …`/`Bearer …` in text;
 *  - under a key or label that names a credential (cl_secret_key_hint:
 *    `api_key`, `X-Api-Key`, `access_token`, `signature`, …), a key-like
 *    value (16 characters or more with letters and digits);
 *  - anywhere, a token of a known format: a JWT whose header decodes to
 *    a JOSE header, a PEM private key, a vendor token with a documented
 *    prefix (the list is at prefixed_at in secretscan.c and in
 *    docs/rules/CL501.md).
 *
 * High entropy alone is not a finding: a Google Sheets id, an Airtable
 * base, a content hash or an ETag under an ordinary key is no credential,
 * and CL501 says nothing of it. Masking errs on the other side
 * (CL_SCAN_MASK): the raw pass and message masking also mask a long random
 * token without context, because a shown identifier costs a less useful
 * message while a shown secret is a leak that cannot be taken back.
 *
 * Placeholders ({{client_secret}}) are never secrets. Everything here is
 * linear in its input. The value scan reads well-formed placeholders
 * itself, by placeholder.h's grammar, and only next to the long runs it
 * reads; PCRE2 is called only through the placeholder scanner, for
 * Authorization values and to ask whether a found secret has literal text
 * (once per placeholder, not once per byte).
 */
#ifndef CL_SECRETSCAN_H
#define CL_SECRETSCAN_H

#include <stddef.h>

/* What a secret is, for CL501's message; also the order in which two
 * overlapping findings of one secret keep their kind (earlier wins). */
enum cl_secret_kind {
	CL_SECRET_NONE,
	CL_SECRET_JWT,         /* a JSON Web Token */
	CL_SECRET_PRIVATE_KEY, /* a PEM private key */
	CL_SECRET_KEY,     /* a key with a well-known prefix (sk_live_, ghp_) */
	CL_SECRET_BASIC,   /* the credentials of `Basic …` */
	CL_SECRET_BEARER,  /* the token of `Bearer …` */
	CL_SECRET_AUTH,    /* credentials of another Authorization scheme */
	CL_SECRET_NAMED,   /* any value of a field named as a credential */
	CL_SECRET_TOKEN,   /* a random token, or a key-like value with a hint */
	CL_SECRET_USERINFO /* the password of a URL (CL503 reports it) */
};

/* One secret in a text: offsets in the scanned text plus the base the
 * caller gave. NAME_START == NAME_END unless a field names it
 * (`access_token=…`, `"password": "…"`). */
struct cl_secret_hit {
	size_t start, end;
	size_t name_start, name_end;
	enum cl_secret_kind kind;
};

/* A growing list of hits; owns its array (cl_secret_hits_release). */
struct cl_secret_hits {
	struct cl_secret_hit *v;
	size_t n, alloc;
};
#define CL_SECRET_HITS_INIT \
	{                   \
		NULL, 0, 0  \
	}

void cl_secret_hits_release(struct cl_secret_hits *h);
/* Sorts H by position and joins overlapping hits into one (the union,
 * the kind that comes first in enum cl_secret_kind, the first name). */
void cl_secret_hits_merge(struct cl_secret_hits *h);

/* "a JSON Web Token", "an API key", ...: for "hard-codes %s". Static. */
const char *cl_secret_kind_name(enum cl_secret_kind kind);

/* 1 when KEY (LEN bytes) is one of the credential keys of the format
 * (client_secret, password, token, consumer_secret, token_secret); FOLD
 * compares ignoring ASCII case (for params and fields named by APIs). */
int cl_secret_key(const char *key, size_t len, int fold);
/* 1 when KEY (a key, a header name, a label) names a credential:
 * lower-cased, with what is not a letter or digit left out, it ends in
 * secret, password, passwd, pwd, passphrase, token (not a cursor:
 * pagetoken, nexttoken, ...), signature, credential(s), auth,
 * authorization, or a credential key (apikey, accesskey, secretkey,
 * privatekey, ...; not key alone, sortkey or primarykey). */
int cl_secret_key_hint(const char *key, size_t len);
/* 1 when V has text other than white space outside placeholders. */
int cl_secret_has_literal(const char *v, size_t len);

/* How a text is scanned. */
enum {
	/* The key or label names a credential: key-like values count. */
	CL_SCAN_HINT = 1,
	/* For masking only: long random tokens count without a hint. */
	CL_SCAN_MASK = 2
};

/*
 * The first credential-shaped stretch of V[FROM..LEN) outside
 * placeholders: a token of a known format, or (FLAGS has CL_SCAN_HINT or
 * CL_SCAN_MASK) a long random token, or (CL_SCAN_HINT) a key-like value.
 * Sets *START and *END (offsets in V). A run directly followed by a
 * placeholder is a label (`token={{token}}`), not a value.
 */
enum cl_secret_kind
cl_secret_find_value(const char *v, size_t len, size_t from, unsigned flags,
                     size_t *start, size_t *end);

/* The credentials of an Authorization header value V: the token68 of
 * Basic or Bearer, a credential-like value of another scheme, or a bare
 * value of 8 characters or more. CL_SECRET_NONE when there are none. */
enum cl_secret_kind cl_secret_find_authorization(const char *v, size_t len,
                                                 size_t *start, size_t *end);

/*
 * Adds to OUT (offsets plus BASE) every secret in the text S[0..LEN),
 * decoded or raw: what cl_secret_find_value finds (with FLAGS), PEM
 * private keys, the values of fields named as credentials in query
 * strings, form bodies, JSON and attributes (`access_token=…`,
 * `"password": "…"`, `password="…"`), the password of a URL, and the
 * token after `Basic ` or `Bearer ` in text.
 */
void cl_secret_scan_text(const char *s, size_t len, unsigned flags, size_t base,
                         struct cl_secret_hits *out);
/* cl_secret_scan_text with CL_SCAN_HINT when KEY, or LABEL (may be
 * NULL), names a credential (cl_secret_key_hint), else no flags: a
 * param's or variable's literal value. */
void cl_secret_scan_keyed(const char *s, size_t len, const char *key,
                          const char *label, size_t base,
                          struct cl_secret_hits *out);

/*
 * The raw pass: adds to OUT every secret in the source BUF[0..LEN), read
 * as bytes (NUL bytes, invalid UTF-8 and broken markup allowed): every
 * text, comment, CDATA section and tag as cl_secret_scan_text reads
 * them with CL_SCAN_MASK, and in each tag the `default` or `value` of a
 * credential `key` (or of a `secret="true"` element) whole, an
 * `Authorization` value's credentials, and values hinted by the `key` or
 * `label`, as CL501 judges them.
 */
void
cl_secret_scan_source(const char *buf, size_t len, struct cl_secret_hits *out);

/* S[0..LEN) with every secret cl_secret_scan_text finds (CL_SCAN_MASK)
 * masked as cl_mask_secret masks it (its first characters, then "…");
 * NULL when it has none. Caller frees. */
char *cl_secret_mask_text(const char *s, size_t len);

#endif /* CL_SECRETSCAN_H */
