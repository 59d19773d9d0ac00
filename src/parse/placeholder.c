/*
 * Placeholder scanning: well-formed placeholders by hand, the others with
 * PCRE2; what each scan accepts is described in placeholder.h. Every pattern uses possessive quantifiers and bounded
 * lookarounds, so an attempt never backtracks into a repeat and a scan is
 * linear in the input. Match, depth and heap limits are set anyway; hitting
 * one ends the scan as if nothing more matched.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "placeholder.h"
#include "util.h"

#define KEY "[A-Za-z0-9_.-]"

/* Branch reset: group 1 is the text inside, in every alternative. */
const char cl_placeholder_malformed_src[] =
    "(?|"
    /* 1: {{{key}}} and friends */
    "(?<!\\{)\\{\\{\\{++[ \\t]*+(" KEY "*+)[ \\t]*+\\}++"
    /* 2: {{ key }}, {{}}, {{key}, {{bad key}} */
    "|(?<!\\{)\\{\\{(?!\\{)(?!" KEY "++\\}\\})"
    "([^{}\"\\r\\n]{0,100}+)\\}\\}?+"
    /* 3: {{key never closed */
    "|(?<!\\{)\\{\\{(?!\\{)[ \\t]*+(" KEY "++)(?!\\})"
    /* 4: {key}} */
    "|(?<![{$A-Za-z0-9_])\\{(?!\\{)(" KEY "++)\\}\\}"
    /* 5: ${key} */
    "|\\$\\{(?!\\{)[ \\t]*+(" KEY "++)[ \\t]*+\\}"
    /* 6: [[key]] */
    "|(?<!\\[)\\[\\[[ \\t]*+(?!(?:true|false|null)[ \\t]*+\\])"
    "([A-Za-z_]" KEY "*+)[ \\t]*+\\]\\]"
    ")";

/* Far above what any linear scan of a 64 MiB input needs. */
#define MATCH_LIMIT 100000000u
#define DEPTH_LIMIT 1000u
#define HEAP_LIMIT_KIB 8192u

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
/* Written once under init_once, read-only afterwards (pcre2_match takes
 * them const, so sharing them between threads is safe). */
static pcre2_code *malformed;
static pcre2_match_context *match_ctx;

/*
 * A JIT-compiled copy, made once the pattern has been used JIT_AFTER
 * times: compiling it costs more than a small file's whole lint (one
 * file in a pre-commit hook, an editor's buffer), and pays off only over
 * many matches. Published with release, read with acquire; until then
 * the interpreter, which gives the same answers, matches.
 */
#define JIT_AFTER 512u
static _Atomic(pcre2_code *) jitted;
static atomic_uint uses;
static pthread_once_t jit_once = PTHREAD_ONCE_INIT;

static void
jit_pattern(void)
{
	pcre2_code *c = pcre2_code_copy(malformed);

	if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0)
		atomic_store_explicit(&jitted, c, memory_order_release);
	else
		pcre2_code_free(c);
}

/* The code to match with: the JIT copy once there is one. */
static const pcre2_code *
pattern(void)
{
	pcre2_code *c = atomic_load_explicit(&jitted, memory_order_acquire);

	if (c)
		return c;
	if (atomic_fetch_add_explicit(&uses, 1, memory_order_relaxed) ==
	    JIT_AFTER)
		pthread_once(&jit_once, jit_pattern);
	return malformed;
}

/* Each thread's match data, kept between scans: PCRE2 caches its
 * backtracking frames in it, and making them afresh cost more than the
 * match. Freed when the thread ends. */
static pthread_key_t md_key;

static void
free_match_data(void *md)
{
	pcre2_match_data_free(md);
}

static pcre2_match_data *
thread_match_data(void)
{
	pcre2_match_data *md = pthread_getspecific(md_key);

	if (!md) {
		md = pcre2_match_data_create(2, NULL);
		if (!md || pthread_setspecific(md_key, md)) {
			fputs("connlint: out of memory\n", stderr);
			abort();
		}
	}
	return md;
}

static void
init_patterns(void)
{
	int err;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];

	malformed =
	    pcre2_compile((PCRE2_SPTR)cl_placeholder_malformed_src,
	                  PCRE2_ZERO_TERMINATED, 0, &err, &erroff, NULL);
	if (!malformed) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		BUG("placeholder pattern does not compile at %zu: %s",
		    (size_t)erroff, (const char *)msg);
	}
	if (pthread_key_create(&md_key, free_match_data))
		BUG("pthread_key_create failed");
	match_ctx = pcre2_match_context_create(NULL);
	if (!match_ctx)
		BUG("out of memory creating the PCRE2 match context");
	pcre2_set_match_limit(match_ctx, MATCH_LIMIT);
	pcre2_set_depth_limit(match_ctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(match_ctx, HEAP_LIMIT_KIB);
}

void
cl_placeholder_init(void)
{
	if (pthread_once(&init_once, init_patterns))
		BUG("pthread_once failed");
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* ---- scans ----
 *
 * A PCRE2 call costs hundreds to thousands of instructions even when
 * nothing matches, and these scans run on every URL, param value and
 * body. The well-formed and single-brace patterns are simple enough to
 * match by hand, exactly; the malformed one keeps PCRE2, behind a
 * prefilter that finds where a match can first start (a necessary
 * condition: it may be loose, never too strict).
 */

/* Key characters: ASCII letters, digits, '_', '-' and '.'; a table, as
 * every byte of every key is tested. */
#define K1(c) [c] = 1
#define K10(c)                                                        \
	K1(c), K1(c + 1), K1(c + 2), K1(c + 3), K1(c + 4), K1(c + 5), \
	    K1(c + 6), K1(c + 7), K1(c + 8), K1(c + 9)
static const unsigned char key_tab[256] = {
	K10('0'), K10('A'), K10('K'), K1('U'),  K1('V'), K1('W'), K1('X'),
	K1('Y'),  K1('Z'),  K10('a'), K10('k'), K1('u'), K1('v'), K1('w'),
	K1('x'),  K1('y'),  K1('z'),  K1('_'),  K1('-'), K1('.'),
};
#undef K10
#undef K1

static int
is_key(char c)
{
	return key_tab[(unsigned char)c];
}

/* The end of "{{KEY}}" (KEY one or more key characters) at S[P..), or 0
 * when there is none there. */
static size_t
token_end(const char *s, size_t len, size_t p)
{
	size_t q = p + 2;

	if (q > len || s[p] != '{' || s[p + 1] != '{')
		return 0;
	while (q < len && is_key(s[q]))
		q++;
	if (q == p + 2 || q + 2 > len || s[q] != '}' || s[q + 1] != '}')
		return 0;
	return q + 2;
}

/*
 * The single-brace pattern, "(?<![{$])\\{(?!\\{)(K++)\\}(?!\\})", by hand:
 * the first '{' at or after *POS not after '{' or '$', then KEY, then one
 * '}' not followed by another. As for the well-formed scan, each start
 * matches there or not at all, so the first that matches is PCRE2's.
 */
static int
next_single(const char *s, size_t len, size_t *pos,
            struct cl_placeholder_match *m)
{
	const char *b;
	size_t p, q;

	for (p = *pos; p < len && (b = memchr(s + p, '{', len - p)); p++) {
		p = (size_t)(b - s);
		if (p && (s[p - 1] == '{' || s[p - 1] == '$'))
			continue;
		for (q = p + 1; q < len && is_key(s[q]); q++)
			;
		if (q > p + 1 && q < len && s[q] == '}' &&
		    (q + 1 == len || s[q + 1] != '}')) {
			m->start = p;
			m->key_start = p + 1;
			m->key_end = q;
			m->end = *pos = q + 1;
			return 1;
		}
	}
	return 0;
}

/*
 * Malformed: every alternative starts at a '{' (or at the '$' of "${",
 * whose '{' comes next) or at "[[". A well-formed "{{KEY}}" starts none
 * of them: alternatives 1 to 4 need a '{', blank or non-key character
 * after the "{{" or a key not closed by "}}"; 5 needs "${" not followed
 * by '{'; and none can start inside it (a '{' after a '{', a key
 * character, a '}'). So only a '{' outside well-formed placeholders, or
 * "[[", can start a match; and of those '{', only one followed by '{' or
 * a key character (alternatives 1 to 4) or after a '$' (5).
 *
 * It returns the first such start at or after FROM, where PCRE2 then
 * starts (its lookbehinds still see what comes before), or SIZE_MAX when
 * there is none. The scan stops at that start, in windows that double while
 * they hold neither '{' nor '[': its cost is the distance to that start,
 * never the rest of the text. (Looking for "[[" through the whole rest
 * first made each of a million "{{ x}}" cost the whole text: 30 s,
 * issue 16.)
 */
static size_t
malformed_start(const char *s, size_t len, size_t from)
{
	size_t w = 64; /* the window searched next, doubled when empty */
	size_t pos = from;

	while (pos < len) {
		size_t n = len - pos < w ? len - pos : w, at;
		const char *brace = memchr(s + pos, '{', n);
		/* A '[' only before that brace matters now. */
		const char *bracket =
		    memchr(s + pos, '[', brace ? (size_t)(brace - s) - pos : n);

		if (bracket) {
			at = (size_t)(bracket - s);
			if (at + 1 < len && s[at + 1] == '[')
				return at;
			pos = at + 1;
		} else if (brace) {
			at = (size_t)(brace - s);
			if (at > from && s[at - 1] == '$')
				return at - 1; /* "${" starts at its '$' */
			if (at + 1 < len &&
			    (s[at + 1] == '{' || is_key(s[at + 1]))) {
				if (!(pos = token_end(s, len, at)))
					return at;
			} else {
				/* '{' then neither '{' nor a key, as in
				 * JSON's {"a": 1}: no alternative starts */
				pos = at + 1;
			}
		} else {
			pos += n;
			w *= 2;
		}
	}
	return SIZE_MAX;
}

size_t
cl_placeholder_at(const char *s, size_t len, size_t p)
{
	if (p > 0 && s[p - 1] == '{')
		return 0;
	return token_end(s, len, p);
}

/*
 * The well-formed pattern, "(?<!\\{)\\{\\{(K++)\\}\\}" with K a key
 * character, without PCRE2: the first '{' at or after *POS not after
 * a '{' (the lookbehind sees before *POS too, as PCRE2's does) that
 * starts "{{KEY}}". The key's repeat is possessive, so a start either
 * matches there or not at all, and trying the starts in order gives
 * PCRE2's leftmost match. It is the most frequent scan (every URL, param
 * value and body), and a PCRE2 call costs hundreds of instructions.
 */
static int
next_wellformed(const char *s, size_t len, size_t *pos,
                struct cl_placeholder_match *m)
{
	size_t p = *pos, end;
	const char *b;

	while (p + 1 < len && (b = memchr(s + p, '{', len - p - 1))) {
		p = (size_t)(b - s);
		if ((end = cl_placeholder_at(s, len, p))) {
			m->start = p;
			m->end = end;
			m->key_start = p + 2;
			m->key_end = end - 2;
			*pos = end;
			return 1;
		}
		p++;
	}
	return 0;
}

/*
 * Runs the malformed pattern over S[0..LEN) from *POS, with this thread's
 * match data: concurrent scans share nothing mutable.
 */
static int
scan_malformed(const char *s, size_t len, size_t *pos,
               struct cl_placeholder_match *m)
{
	pcre2_match_data *md;
	const PCRE2_SIZE *ov;
	int rc, found = 0;
	size_t start;

	if (!s || *pos >= len)
		return 0;
	/* Most texts cannot match: skip the regex for them, and start it
	 * where a match can start. */
	if ((start = malformed_start(s, len, *pos)) == SIZE_MAX)
		return 0;
	cl_placeholder_init();
	md = thread_match_data();
	rc =
	    pcre2_match(pattern(), (PCRE2_SPTR)s, len, start, 0, md, match_ctx);
	if (rc > 0) {
		ov = pcre2_get_ovector_pointer(md);
		if (ov[1] <= ov[0] || ov[0] < *pos)
			BUG("placeholder pattern matched nothing at %zu",
			    (size_t)ov[0]);
		m->start = ov[0];
		m->end = ov[1];
		if (rc > 1 && ov[2] != PCRE2_UNSET) {
			m->key_start = ov[2];
			m->key_end = ov[3];
		} else {
			m->key_start = m->key_end = ov[1];
		}
		/* The inside of "{{ key }}" is captured with its blanks. */
		while (m->key_start < m->key_end && is_blank(s[m->key_start]))
			m->key_start++;
		while (m->key_end > m->key_start && is_blank(s[m->key_end - 1]))
			m->key_end--;
		*pos = m->end;
		found = 1;
	}
	/* Otherwise no match, or a limit was hit: either way, stop. */
	return found;
}

int
cl_placeholder_next(const char *s, size_t len, size_t *pos,
                    struct cl_placeholder_match *m)
{
	if (!s || *pos >= len)
		return 0;
	return next_wellformed(s, len, pos, m);
}

int
cl_placeholder_next_malformed(const char *s, size_t len, size_t *pos,
                              struct cl_placeholder_match *m)
{
	return scan_malformed(s, len, pos, m);
}

int
cl_placeholder_next_single(const char *s, size_t len, size_t *pos,
                           struct cl_placeholder_match *m)
{
	if (!s || *pos >= len)
		return 0;
	return next_single(s, len, pos, m);
}
