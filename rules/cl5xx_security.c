/*
 * Security rules (CL501-CL505): secrets written into the file, URLs that
 * travel in the clear or carry credentials, credential variables that are
 * not marked secret, and secrets in query strings.
 *
 * A linter's output ends up in CI logs, so CL501 (and CL503 for the
 * password of a URL) never prints a secret: messages show it masked with
 * cl_mask_secret (its first four characters, then "…"), and the secret's
 * span is registered with cl_report_secret so that the text format's
 * source line shows it masked too. Messages of the other rules never quote
 * a value that could be a secret.
 *
 * Placeholders ({{client_secret}}) are never secrets: only literal text
 * outside well-formed placeholders is looked at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authvars.h"
#include "placeholder.h"
#include "rawspan.h"
#include "rule.h"

/* The keys whose values are credentials (format spec, default auth
 * variables marked secret). */
static const char *const secret_keys[] = {
	"client_secret", "password", "token", "consumer_secret", "token_secret",
};

static int is_secret_key(const char *key)
{
	size_t i;

	for (i = 0; i < CL_ARRAY_SIZE(secret_keys); i++)
		if (!strcmp(key, secret_keys[i]))
			return 1;
	return 0;
}

/* 1 when S (LEN bytes) has a character other than white space. */
static int has_text(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 1;
	return 0;
}

/* 1 when V has literal text outside well-formed placeholders. */
static int has_literal_text(const char *v)
{
	struct cl_placeholder_match m;
	size_t pos = 0, last = 0, len = strlen(v);

	while (cl_placeholder_next(v, len, &pos, &m)) {
		if (has_text(v + last, m.start - last))
			return 1;
		last = m.end;
	}
	return has_text(v + last, len - last);
}

/* ---- CL501: what looks like a credential ---- */

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Base64, base64url, and the separators tokens carry ('.' in JWTs, '~' in
 * some vendor keys). */
static int is_token_char(char c)
{
	return is_alpha(c) || is_digit(c) || c == '_' || c == '-' ||
	       c == '+' || c == '/' || c == '=' || c == '.' || c == '~';
}

/* log2(X) for X > 0, to a few decimal places (no libm). */
static double log2_of(double x)
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
static double entropy(const char *s, size_t len)
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

/* A JSON Web Token: three base64url segments, the first (the header)
 * starting with "eyJ" (base64 of `{"`). */
static int is_jwt(const char *s, size_t len)
{
	size_t i, seg = 0, seglen[3] = { 0, 0, 0 };

	if (len < 3 || memcmp(s, "eyJ", 3))
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (++seg > 2)
				return 0;
		} else if (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '_' ||
			   s[i] == '-' || s[i] == '=') {
			seglen[seg]++;
		} else {
			return 0;
		}
	}
	return seg == 2 && seglen[0] >= 10 && seglen[1] >= 10;
}

/* A string constant and its length, counted at compile time (these
 * tables are consulted for every param value). */
struct lit {
	const char *s;
	size_t n;
};
#define LIT(s) { s, sizeof(s) - 1 }

/* Prefixes of well-known API credentials. */
static const struct lit key_prefixes[] = {
	LIT("sk_live_"), LIT("sk_test_"), LIT("rk_live_"), LIT("rk_test_"), /* Stripe */
	LIT("ghp_"), LIT("gho_"), LIT("ghu_"), LIT("ghs_"), LIT("github_pat_"), /* GitHub */
	LIT("glpat-"),                                    /* GitLab */
	LIT("xoxb-"), LIT("xoxp-"), LIT("xoxa-"),         /* Slack */
	LIT("shpat_"), LIT("shpss_"), LIT("shpca_"), LIT("shppa_"), /* Shopify */
	LIT("SG."),                                       /* SendGrid */
	LIT("AIza"),                                      /* Google API key */
};

/* A credential has 16 characters or more after its prefix. */
#define KEY_PREFIX_MIN_TAIL 16

static int has_key_prefix(const char *s, size_t len)
{
	size_t i;

	/* No prefix is shorter than "SG.": most parts are too short. */
	if (len < 3 + KEY_PREFIX_MIN_TAIL)
		return 0;
	for (i = 0; i < CL_ARRAY_SIZE(key_prefixes); i++) {
		size_t n = key_prefixes[i].n;

		if (len >= n + KEY_PREFIX_MIN_TAIL &&
		    !memcmp(s, key_prefixes[i].s, n))
			return 1;
	}
	return 0;
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/*
 * The mean length of the "words" of S: runs split where camelCase and
 * snake_case split them (`Get|Sales|Orders|2024|V|2`, `UTC|_|ASC`). Names
 * made of words average 3.5 characters or more; random base62 text
 * averages about 2, and stays under 3.5 in all but about one in 10,000
 * strings of 32 characters or more.
 */
static double mean_word_length(const char *s, size_t len)
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
		} else if (is_digit(s[i])) {
			for (; i < len && is_digit(s[i]); i++)
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
 * hexadecimal (UUIDs and other ids) lacks upper case and is not taken for
 * a secret without a hint from the key.
 */
static int looks_random(const char *s, size_t len, size_t min)
{
	size_t i, upper = 0, lower = 0, digit = 0;

	if (len < min)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			upper++;
		else if (s[i] >= 'a' && s[i] <= 'z')
			lower++;
		else if (is_digit(s[i]))
			digit++;
		else if (s[i] != '_' && s[i] != '-' && s[i] != '+' &&
			 s[i] != '=')
			return 0;
	}
	return upper >= 2 && lower >= 2 && digit >= 2 &&
	       entropy(s, len) >= 4.0 && mean_word_length(s, len) < 3.5;
}

/* A key that names a credential: its folded form (lower case, no
 * separators) ends with one of these. */
static int key_hints_secret(const char *key)
{
	static const struct lit ends[] = {
		LIT("secret"), LIT("password"), LIT("passwd"), LIT("apikey"),
		LIT("token"), LIT("secretkey"), LIT("privatekey"),
		LIT("subscriptionkey"), LIT("accesskey"),
	};
	char folded[128];
	size_t i, n = 0;

	for (i = 0; key[i] && n + 1 < sizeof(folded); i++) {
		char c = key[i];

		if (c == '_' || c == '-' || c == '.' || c == ' ')
			continue;
		folded[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	folded[n] = '\0';
	/* Every ending above ends in 't', 'd', 'y' or 'n': most keys end
	 * otherwise and need no comparison. */
	if (!n || !strchr("tdyn", folded[n - 1]))
		return 0;
	for (i = 0; i < CL_ARRAY_SIZE(ends); i++) {
		size_t k = ends[i].n;

		if (n >= k && !memcmp(folded + n - k, ends[i].s, k))
			return 1;
	}
	return 0;
}

/* A key-hinted value: a token of at least 16 characters with letters and
 * digits (an API key, a UUID used as a key). */
static int looks_like_key(const char *s, size_t len)
{
	size_t i, alpha = 0, digit = 0;

	if (len < 16)
		return 0;
	for (i = 0; i < len; i++) {
		alpha += is_alpha(s[i]);
		digit += is_digit(s[i]);
	}
	return alpha >= 2 && digit >= 2;
}

enum cred_kind { CRED_NONE, CRED_JWT, CRED_KEY, CRED_TOKEN };

static const char *cred_name(enum cred_kind k)
{
	switch (k) {
	case CRED_JWT: return "a JSON Web Token";
	case CRED_KEY: return "an API key";
	case CRED_TOKEN: return "what looks like a credential";
	case CRED_NONE: break;
	}
	return "";
}

/* 1 when RUN[I] is an '=' that separates a name from a value, not the
 * padding at the end of base64. */
static int is_separator_eq(const char *run, size_t i, size_t len)
{
	if (run[i] != '=')
		return 0;
	for (; i < len; i++)
		if (run[i] != '=')
			return 1;
	return 0;
}

/* Checks one `name=value` part of a literal run. */
static enum cred_kind check_part(const char *v, size_t i, size_t j, int hint,
                                 size_t *start, size_t *end)
{
	size_t k, sub;

	*start = i;
	*end = j;
	if (is_jwt(v + i, j - i))
		return CRED_JWT;
	if (has_key_prefix(v + i, j - i))
		return CRED_KEY;
	/* Paths and dotted names: each piece alone. */
	for (k = i; k < j; k = sub + 1) {
		for (sub = k; sub < j && v[sub] != '/' && v[sub] != '.' &&
			      v[sub] != '~';
		     sub++)
			;
		if (looks_random(v + k, sub - k, 32)) {
			*start = k;
			*end = sub;
			return CRED_TOKEN;
		}
	}
	if (hint && looks_like_key(v + i, j - i))
		return CRED_TOKEN;
	return CRED_NONE;
}

/*
 * Finds the first credential in the literal text of V from offset FROM
 * (outside placeholders) and sets *START and *END (offsets into V). HINT: the key
 * names a credential. A run of token characters is split at each `=` that
 * separates a name from a value; a run directly followed by a placeholder
 * is a label (`token={{token}}`), not a value.
 */
static enum cred_kind find_credential(const char *v, size_t from, int hint,
                                      size_t *start, size_t *end)
{
	struct cl_placeholder_match m;
	size_t pos = from, seg = from, len = strlen(v);
	int more = 1;

	while (more) {
		size_t seg_end, i;

		more = cl_placeholder_next(v, len, &pos, &m);
		seg_end = more ? m.start : len;
		for (i = seg; i < seg_end;) {
			size_t j = i, k, part;
			enum cred_kind kind;

			if (!is_token_char(v[i])) {
				i++;
				continue;
			}
			while (j < seg_end && is_token_char(v[j]))
				j++;
			for (part = k = i; k <= j; k++) {
				if (k < j && !is_separator_eq(v + i, k - i, j - i))
					continue;
				/* The last part of a run that runs into a
				 * placeholder is a label. */
				if (!(k == j && more && j == seg_end) &&
				    k > part &&
				    (kind = check_part(v, part, k, hint, start,
						       end)) != CRED_NONE)
					return kind;
				part = k + 1;
			}
			i = j;
		}
		if (more)
			seg = m.end;
	}
	return CRED_NONE;
}

/*
 * Reports SPAN, whose decoded text is S (LEN bytes), as a secret that
 * SUBJECT hard-codes; WHAT names the kind of secret. The message shows it
 * masked, and the span is masked in every rendering of the source.
 */
static void report_secret(struct cl_ctx *ctx, struct cl_span span,
                          const char *s, size_t len, const char *subject,
                          const char *what, const char *advice)
{
	char *masked = cl_mask_secret(s, len);

	cl_report(ctx, &cl_rule_CL501, span, "%s hard-codes %s `%s`: "
		  "anyone who can read this file can use it; %s",
		  subject, what, masked, advice);
	/* Masked even when CL501 is off or suppressed: another rule's
	 * snippet may show this line. */
	cl_report_secret(ctx, span);
	free(masked);
}

/* "auth variable", "endpoint variable", "connector variable". */
static const char *scope_word(enum cl_var_scope s)
{
	switch (s) {
	case CL_SCOPE_CONNECTOR: return "connector variable";
	case CL_SCOPE_AUTH: return "auth variable";
	case CL_SCOPE_ENDPOINT: return "endpoint variable";
	}
	return "variable";
}

/*
 * The default of a credential variable (marked secret, or keyed as one of
 * the secret defaults) is a secret whatever it looks like; the default of
 * any other variable is one when it looks like a credential.
 */
static void check_variable_defaults(struct cl_ctx *ctx,
                                    const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		const char *d = v->default_value;
		struct cl_strbuf subject = CL_STRBUF_INIT;
		size_t s = 0, e = 0;
		enum cred_kind k = CRED_NONE;
		int secret;

		if (v->is_use || !d || !has_literal_text(d))
			continue;
		/* Decide first: the subject is only needed for a report. */
		secret = v->secret || is_secret_key(v->key);
		if (!secret && (k = find_credential(d, 0,
						    key_hints_secret(v->key),
						    &s, &e)) == CRED_NONE)
			continue;
		cl_strbuf_addf(&subject, "the default of %s `%s`",
			       scope_word(v->scope), v->key);
		if (secret)
			report_secret(ctx, cl_node_attr_span(v->node, "default"),
				      d, strlen(d), cl_strbuf_str(&subject),
				      "a secret",
				      "remove the default and make the variable "
				      "`required=\"true\"`, so that each instance "
				      "gives its own");
		else
			report_secret(ctx,
				      cl_attr_part_span(ctx, v->node, "default",
							s, e),
				      d + s, e - s, cl_strbuf_str(&subject),
				      cred_name(k),
				      "remove the default and make the variable "
				      "`required=\"true\"` and `secret=\"true\"`");
		cl_strbuf_release(&subject);
	}
}

/* Where a param is, for messages: "header `X` of endpoint `e`". */
static void describe_param(struct cl_strbuf *sb, const struct cl_param *p,
                           const char *owner_kind, const char *owner)
{
	static const char *const place[] = {
		[CL_PLACE_URL_PARAMS] = "URL param",
		[CL_PLACE_HEADERS] = "header",
		[CL_PLACE_BODY] = "body param",
	};

	cl_strbuf_addf(sb, "%s `%s` of %s `%s`", place[p->place], p->key,
		       owner_kind, owner);
}

/*
 * An Authorization header: "SCHEME credentials", or bare credentials.
 * Any literal credential text is hard-coded (RFC 6749 §2.3.1: Basic
 * credentials are only Base64-encoded; RFC 6750 §5.3: bearer tokens must
 * be protected from disclosure), except a label directly followed by a
 * placeholder (`Token token={{token}}`). Credentials under 8 characters
 * are not taken for real ones.
 */
static int prefix_ci(const char *s, size_t n, const char *word)
{
	size_t i;

	if (n != strlen(word))
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/* The first run of token characters of at least 8 in V[FROM..], outside
 * placeholders and not a label; 0 when there is none. */
static int find_token68(const char *v, size_t from, size_t *start,
                        size_t *end)
{
	struct cl_placeholder_match m;
	size_t len = strlen(v), pos = from, cs = from, ce;

	for (;;) {
		int more = cl_placeholder_next(v, len, &pos, &m);
		size_t seg_end = more ? m.start : len;

		while (cs < seg_end) {
			if (!is_token_char(v[cs])) {
				cs++;
				continue;
			}
			for (ce = cs; ce < seg_end && is_token_char(v[ce]); ce++)
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

static void check_authorization(struct cl_ctx *ctx, const struct cl_param *p,
                                const char *owner_kind, const char *owner)
{
	const char *v = p->value;
	struct cl_strbuf subject = CL_STRBUF_INIT;
	size_t len = strlen(v), i = 0, scheme_end, cs, ce;
	const char *what, *advice;
	int basic = 0, bearer = 0, found;

	while (i < len && (v[i] == ' ' || v[i] == '\t'))
		i++;
	for (scheme_end = i; scheme_end < len && (is_alpha(v[scheme_end]) ||
		     is_digit(v[scheme_end]) || v[scheme_end] == '-');
	     scheme_end++)
		;
	if (scheme_end > i && scheme_end < len &&
	    (v[scheme_end] == ' ' || v[scheme_end] == '\t')) {
		basic = prefix_ci(v + i, scheme_end - i, "basic");
		bearer = prefix_ci(v + i, scheme_end - i, "bearer");
		cs = scheme_end;
		/* Basic and Bearer take one token68; other schemes a list
		 * of name=value pairs, of which only credential-like values
		 * count. */
		if (basic || bearer)
			found = find_token68(v, cs, &cs, &ce);
		else
			found = find_credential(v, cs, 1, &cs, &ce) != CRED_NONE;
	} else {
		found = find_token68(v, i, &cs, &ce); /* no scheme */
	}
	if (!found)
		return;
	describe_param(&subject, p, owner_kind, owner);
	if (basic) {
		what = "Basic credentials";
		advice = "use a `basic` auth method instead, whose `username` "
			 "and `password` variables the platform encodes "
			 "itself (Base64 is an encoding, not encryption)";
	} else if (bearer) {
		what = "a bearer token";
		advice = "take it from a `secret=\"true\"` variable "
			 "(`Bearer {{token}}`) or use an OAuth 2 auth method";
	} else {
		what = "credentials";
		advice = "take them from a `secret=\"true\"` variable";
	}
	report_secret(ctx, cl_attr_part_span(ctx, p->node, "value", cs, ce),
		      v + cs, ce - cs, cl_strbuf_str(&subject), what, advice);
	cl_strbuf_release(&subject);
}

static void check_params(struct cl_ctx *ctx, const struct cl_param_list *list,
                         const char *owner_kind, const char *owner)
{
	size_t i, s, e;

	for (i = 0; i < list->n; i++) {
		const struct cl_param *p = &list->items[i];
		struct cl_strbuf subject = CL_STRBUF_INIT;
		enum cred_kind k;

		if (!p->value || !has_literal_text(p->value))
			continue;
		if (p->place == CL_PLACE_HEADERS &&
		    !cl_strcasecmp(p->key, "Authorization")) {
			check_authorization(ctx, p, owner_kind, owner);
			continue;
		}
		k = find_credential(p->value, 0, key_hints_secret(p->key), &s,
				    &e);
		if (k == CRED_NONE)
			continue;
		describe_param(&subject, p, owner_kind, owner);
		report_secret(ctx, cl_attr_part_span(ctx, p->node, "value", s, e),
			      p->value + s, e - s, cl_strbuf_str(&subject),
			      cred_name(k),
			      "move it into a `secret=\"true\"` variable and "
			      "reference it here as a placeholder");
		cl_strbuf_release(&subject);
	}
}

static void check_hard_coded_secret(struct cl_ctx *ctx)
{
	const struct cl_connector *c = ctx->model;
	size_t i;

	if (!c)
		return;
	check_variable_defaults(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		check_variable_defaults(ctx, &m->variables);
		check_params(ctx, &m->url_params, "auth method", m->id);
		check_params(ctx, &m->headers, "auth method", m->id);
		check_params(ctx, &m->body.params, "auth method", m->id);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		check_variable_defaults(ctx, &e->variables);
		check_params(ctx, &e->url_params, "endpoint", e->id);
		check_params(ctx, &e->headers, "endpoint", e->id);
		check_params(ctx, &e->body.params, "endpoint", e->id);
	}
}

const struct cl_rule cl_rule_CL501 = {
	"CL501", "hard-coded-secret", CL_SEV_ERROR,
	"a secret given as literal text: a credential variable's default, an `Authorization` header value, a param value that looks like a credential",
	check_hard_coded_secret
};

/* ---- URLs ---- */

/*
 * The parts of URL U: *SCHEME_END is the offset of "://" (0 when U does
 * not start with a scheme and "://"), [*AUTH, *AUTH_END) the authority.
 */
static int url_parts(const char *u, size_t *scheme_end, size_t *auth,
                     size_t *auth_end)
{
	size_t i = 0;

	if (!is_alpha(u[0]))
		return 0;
	while (is_alpha(u[i]) || is_digit(u[i]) || u[i] == '+' ||
	       u[i] == '-' || u[i] == '.')
		i++;
	if (strncmp(u + i, "://", 3))
		return 0;
	*scheme_end = i;
	*auth = i + 3;
	for (i += 3; u[i] && u[i] != '/' && u[i] != '?' && u[i] != '#'; i++)
		;
	*auth_end = i;
	return 1;
}

/* ---- CL502 ---- */

/* 1 when the host of authority A (LEN bytes) is a loopback name or
 * address: localhost, *.localhost, 127.0.0.0/8, [::1]. */
static int is_loopback(const char *a, size_t len)
{
	const char *at = NULL;
	size_t i, hlen;
	char host[256];

	for (i = 0; i < len; i++)
		if (a[i] == '@')
			at = a + i;
	if (at) {
		len -= (size_t)(at + 1 - a);
		a = at + 1;
	}
	if (len && a[0] == '[') {
		for (hlen = 0; hlen < len && a[hlen] != ']'; hlen++)
			;
		if (hlen < len)
			hlen++;
	} else {
		for (hlen = 0; hlen < len && a[hlen] != ':'; hlen++)
			;
	}
	if (hlen >= sizeof(host))
		return 0;
	for (i = 0; i < hlen; i++)
		host[i] = (a[i] >= 'A' && a[i] <= 'Z') ? (char)(a[i] - 'A' + 'a')
						       : a[i];
	host[hlen] = '\0';
	if (!strcmp(host, "localhost") || !strcmp(host, "[::1]"))
		return 1;
	if (hlen > 10 && !strcmp(host + hlen - 10, ".localhost"))
		return 1;
	if (!strncmp(host, "127.", 4)) {
		for (i = 4; i < hlen; i++)
			if (!is_digit(host[i]) && host[i] != '.')
				return 0;
		return 1;
	}
	return 0;
}

/*
 * Reports URL (the trimmed value of element N) when it is plain http to
 * a host that is not a loopback one. Auth URLs carry client credentials
 * and tokens (RFC 6749 §3.1, §3.2, §10.9: TLS is required), so the rule's
 * severity (error by default) applies to them; an endpoint URL (which
 * carries the access token, RFC 6750 §5.3) is reported one level lower (a
 * warning by default): the diagnostic's severity is lowered after
 * cl_report returns it, the one rule that does so.
 */
static void check_url_scheme(struct cl_ctx *ctx, const struct cl_node *n,
                             const char *url, const char *what,
                             const char *owner_kind, const char *owner,
                             int endpoint)
{
	size_t se, a, ae;
	struct cl_diag *d;

	if (!n || !url_parts(url, &se, &a, &ae) || !prefix_ci(url, se, "http"))
		return;
	if (is_loopback(url + a, ae - a))
		return;
	d = cl_report(ctx, &cl_rule_CL502, cl_elem_part_span(ctx, n, url, 0, 4),
		      "the %s of %s `%s` uses `http`: %s travel unencrypted "
		      "and can be read or changed on the way; use `https`",
		      what, owner_kind, owner,
		      endpoint ? "the access token and the data"
			       : "credentials and tokens");
	/* One level below the rule's severity for this file (by default
	 * error, so a warning); a configured severity still counts. */
	if (d && endpoint && d->severity > CL_SEV_INFO)
		d->severity = (enum cl_severity)(d->severity - 1);
}

static void check_insecure_url(struct cl_ctx *ctx)
{
	const struct cl_connector *c = ctx->model;
	size_t i, j;

	if (!c)
		return;
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		check_url_scheme(ctx, m->url.node, m->url.value, "URL",
				 "auth method", m->id, 0);
		for (j = 0; j < m->n_additional_urls; j++) {
			const struct cl_additional_url *u = &m->additional_urls[j];
			char what[64];

			snprintf(what, sizeof(what), "additional URL %d", u->index);
			check_url_scheme(ctx, u->node, u->value,
					 u->index >= 0 ? what : "additional URL",
					 "auth method", m->id, 0);
		}
	}
	for (i = 0; i < c->n_endpoints; i++)
		check_url_scheme(ctx, c->endpoints[i].url.node,
				 c->endpoints[i].url.value, "URL", "endpoint",
				 c->endpoints[i].id, 1);
}

const struct cl_rule cl_rule_CL502 = {
	"CL502", "insecure-url", CL_SEV_ERROR,
	"an `http://` auth `url` or `additional-url` (loopback hosts excepted); a warning for endpoint URLs",
	check_insecure_url
};

/* ---- CL503 ---- */

/*
 * User information in a URL (RFC 3986 §3.2.1: "user:password@" is
 * deprecated; URLs are logged, kept in histories and shown). Reported
 * whether the credentials are literal or placeholders. A literal password
 * (or a literal user part with no password, which is then usually a token)
 * is also masked in every output.
 */
/* 1 when URL has user information ("user@" before its host): the cheap
 * test callers make before building a subject for check_userinfo. */
static int has_userinfo(const char *url)
{
	size_t se, a, ae, i;

	if (!url || !url_parts(url, &se, &a, &ae))
		return 0;
	for (i = ae; i > a; i--)
		if (url[i - 1] == '@')
			return i - 1 > a; /* "https://@host": nothing before */
	return 0;
}

static void check_userinfo(struct cl_ctx *ctx, const char *url,
                           const char *subject,
                           struct cl_span (*part)(const struct cl_ctx *,
                                                  const void *, const char *,
                                                  size_t, size_t),
                           const void *where)
{
	size_t se, a, ae, i, at = 0, colon = 0;
	int has_at = 0;
	struct cl_diag *d;

	if (!url || !url_parts(url, &se, &a, &ae))
		return;
	for (i = a; i < ae; i++) {
		if (url[i] == '@') {
			at = i;
			has_at = 1;
		}
	}
	if (!has_at || at == a) /* "https://@host": nothing before the @ */
		return;
	for (colon = a; colon < at && url[colon] != ':'; colon++)
		;
	d = cl_report(ctx, &cl_rule_CL503, part(ctx, where, url, a, at),
		      "%s carries credentials before `@`: URLs end up in "
		      "server and proxy logs and browser histories; send "
		      "them in a header (a `basic` auth method, or a header "
		      "param with a `secret=\"true\"` variable)", subject);
	(void)d; /* the password is masked whether or not CL503 is on */
	{
		/* What to mask: the password, or a lone user part. */
		size_t ms = colon < at ? colon + 1 : a, me = at;
		char *piece = cl_strndup(url + ms, me - ms);

		if (has_literal_text(piece) && me > ms)
			cl_report_secret(ctx, part(ctx, where, url, ms, me));
		free(piece);
	}
}

static struct cl_span elem_part(const struct cl_ctx *ctx, const void *n,
                                const char *value, size_t s, size_t e)
{
	return cl_elem_part_span(ctx, n, value, s, e);
}

static struct cl_span default_part(const struct cl_ctx *ctx, const void *n,
                                   const char *value, size_t s, size_t e)
{
	(void)value;
	return cl_attr_part_span(ctx, n, "default", s, e);
}

static void check_userinfo_defaults(struct cl_ctx *ctx,
                                    const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];
		struct cl_strbuf sb = CL_STRBUF_INIT;

		if (v->is_use || !has_userinfo(v->default_value))
			continue;
		cl_strbuf_addf(&sb, "the default URL of %s `%s`",
			       scope_word(v->scope), v->key);
		check_userinfo(ctx, v->default_value, cl_strbuf_str(&sb),
			       default_part, v->node);
		cl_strbuf_release(&sb);
	}
}

static void check_credentials_in_url(struct cl_ctx *ctx)
{
	const struct cl_connector *c = ctx->model;
	struct cl_strbuf sb = CL_STRBUF_INIT;
	size_t i, j;

	if (!c)
		return;
	check_userinfo_defaults(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++) {
		const struct cl_auth_method *m = &c->auth_methods[i];

		if (m->url.node && has_userinfo(m->url.value)) {
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "the URL of auth method `%s`", m->id);
			check_userinfo(ctx, m->url.value, cl_strbuf_str(&sb),
				       elem_part, m->url.node);
		}
		for (j = 0; j < m->n_additional_urls; j++) {
			const struct cl_additional_url *u = &m->additional_urls[j];

			if (!has_userinfo(u->value))
				continue;
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "an additional URL of auth method `%s`",
				       m->id);
			check_userinfo(ctx, u->value, cl_strbuf_str(&sb),
				       elem_part, u->node);
		}
		check_userinfo_defaults(ctx, &m->variables);
	}
	for (i = 0; i < c->n_endpoints; i++) {
		const struct cl_endpoint *e = &c->endpoints[i];

		if (e->url.node && has_userinfo(e->url.value)) {
			cl_strbuf_reset(&sb);
			cl_strbuf_addf(&sb, "the URL of endpoint `%s`", e->id);
			check_userinfo(ctx, e->url.value, cl_strbuf_str(&sb),
				       elem_part, e->url.node);
		}
		check_userinfo_defaults(ctx, &e->variables);
	}
	cl_strbuf_release(&sb);
}

const struct cl_rule cl_rule_CL503 = {
	"CL503", "credentials-in-url", CL_SEV_ERROR,
	"user information in a URL (`https://user:pass@host/…`)",
	check_credentials_in_url
};

/* ---- CL504 ---- */

/*
 * A credential variable not marked secret is shown on screen and may be
 * logged. Variables only: a `use` takes the flag of its connector
 * variable, which is reported itself.
 */
static void check_unmarked(struct cl_ctx *ctx, const struct cl_var_list *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		const struct cl_variable *v = &vars->items[i];

		if (v->is_use || v->secret || !is_secret_key(v->key))
			continue;
		cl_report(ctx, &cl_rule_CL504, cl_node_attr_span(v->node, "key"),
			  "%s `%s` holds a credential but is not marked "
			  "`secret=\"true\"`: the platform shows it on screen "
			  "and may log it; add `secret=\"true\"`",
			  scope_word(v->scope), v->key);
	}
}

static void check_secret_not_marked(struct cl_ctx *ctx)
{
	const struct cl_connector *c = ctx->model;
	size_t i;

	if (!c)
		return;
	check_unmarked(ctx, &c->variables);
	for (i = 0; i < c->n_auth_methods; i++)
		check_unmarked(ctx, &c->auth_methods[i].variables);
	for (i = 0; i < c->n_endpoints; i++)
		check_unmarked(ctx, &c->endpoints[i].variables);
}

const struct cl_rule cl_rule_CL504 = {
	"CL504", "secret-not-marked", CL_SEV_WARNING,
	"`client_secret`, `password`, `token`, `consumer_secret`, `token_secret` variables without `secret=\"true\"`",
	check_secret_not_marked
};

/* ---- CL505 ---- */

static int var_is_secret(const struct cl_variable *v)
{
	return v && (v->secret || is_secret_key(v->key));
}

/*
 * The secret variable that placeholder KEY of TPL stands for, or NULL: in
 * an auth method its own variable (a use has its connector variable's
 * flag); in an endpoint any variable of that key in its scope (its own,
 * the connector's, or an enabled method's) that is secret.
 */
static const struct cl_variable *secret_in_scope(const struct cl_connector *c,
                                                 const struct cl_template *tpl,
                                                 const char *key)
{
	const struct cl_endpoint *e = tpl->endpoint;
	const struct cl_variable *v;
	size_t i;

	if (tpl->auth) {
		v = cl_var_list_find(&tpl->auth->variables, key);
		return var_is_secret(v) ? v : NULL;
	}
	if (!e)
		return NULL;
	if (var_is_secret(v = cl_var_list_find(&e->variables, key)))
		return v;
	if (var_is_secret(v = cl_var_list_find(&c->variables, key)))
		return v;
	for (i = 0; i < e->n_enables; i++) {
		const struct cl_auth_method *m = e->enables[i].target;

		if (m && var_is_secret(v = cl_var_list_find(&m->variables, key)))
			return v;
	}
	return NULL;
}

/*
 * Secrets in query strings are logged by servers and proxies (RFC 6750
 * §2.3, §5.3; RFC 9700 §4.3.2). Not reported here: `client_secret` and
 * `client_id` as URL params of an OAuth 2 method (of the token request, or
 * of the authorise request): CL312 reports those.
 */
static void check_secret_in_query(struct cl_ctx *ctx)
{
	const struct cl_connector *c = ctx->model;
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n_placeholders; i++) {
		const struct cl_placeholder *ph = &c->placeholders[i];
		const struct cl_template *tpl = ph->tpl;
		const struct cl_param *p = tpl->param;
		const struct cl_variable *v;
		struct cl_diag *d;

		if (tpl->kind != CL_TPL_PARAM_VALUE || !p ||
		    p->place != CL_PLACE_URL_PARAMS)
			continue;
		if (tpl->auth && cl_auth_type_is_oauth2(tpl->auth->type) &&
		    (!strcmp(p->key, "client_secret") ||
		     !strcmp(p->key, "client_id")))
			continue;
		if (!(v = secret_in_scope(c, tpl, ph->key)))
			continue;
		d = cl_report(ctx, &cl_rule_CL505, ph->span,
			      "URL param `%s` of %s `%s` puts secret variable "
			      "`%s` in the query string, which servers and "
			      "proxies log: send it in a header if the API "
			      "allows", p->key,
			      tpl->auth ? "auth method" : "endpoint",
			      tpl->auth ? tpl->auth->id : tpl->endpoint->id,
			      ph->key);
		cl_report_related(ctx, d, cl_var_key_span(v),
				  "%s `%s` is defined here", scope_word(v->scope),
				  v->key);
	}
}

const struct cl_rule cl_rule_CL505 = {
	"CL505", "secret-in-query", CL_SEV_WARNING,
	"a param in `url-params` whose value is a secret variable's placeholder (query strings are logged by servers and proxies)",
	check_secret_in_query
};
