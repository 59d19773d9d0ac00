/*
 * Placeholder scanning with PCRE2; what the patterns accept is described
 * in placeholder.h. Every pattern uses possessive quantifiers and bounded
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

static const char wellformed_src[] = "(?<!\\{)\\{\\{(" KEY "++)\\}\\}";

/* Branch reset: group 1 is the text inside, in every alternative. */
static const char malformed_src[] =
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

static const char single_src[] = "(?<![{$])\\{(?!\\{)(" KEY "++)\\}(?!\\})";

/* Far above what any linear scan of a 64 MiB input needs. */
#define MATCH_LIMIT 100000000u
#define DEPTH_LIMIT 1000u
#define HEAP_LIMIT_KIB 8192u

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
/* Written once under init_once, read-only afterwards (pcre2_match takes
 * them const, so sharing them between threads is safe). */
enum pattern {
	PAT_WELLFORMED,
	PAT_MALFORMED,
	PAT_SINGLE,
	PAT_COUNT
};
static pcre2_code *patterns[PAT_COUNT];
static pcre2_match_context *match_ctx;

/*
 * JIT-compiled copies, made once the patterns have been used JIT_AFTER
 * times: compiling them costs more than a small file's whole lint (one
 * file in a pre-commit hook, an editor's buffer), and pays off only over
 * many matches. Published with release, read with acquire; until then
 * the interpreter, which gives the same answers, matches.
 */
#define JIT_AFTER 512u
static _Atomic(pcre2_code *) jitted[PAT_COUNT];
static atomic_uint uses;
static pthread_once_t jit_once = PTHREAD_ONCE_INIT;

static void
jit_patterns(void)
{
	size_t i;

	for (i = 0; i < PAT_COUNT; i++) {
		pcre2_code *c = pcre2_code_copy(patterns[i]);

		if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0)
			atomic_store_explicit(&jitted[i], c,
			                      memory_order_release);
		else
			pcre2_code_free(c);
	}
}

/* The code to match PAT with: the JIT copy once there is one. */
static const pcre2_code *
pattern(enum pattern pat)
{
	pcre2_code *c =
	    atomic_load_explicit(&jitted[pat], memory_order_acquire);

	if (c)
		return c;
	if (atomic_fetch_add_explicit(&uses, 1, memory_order_relaxed) ==
	    JIT_AFTER)
		pthread_once(&jit_once, jit_patterns);
	return patterns[pat];
}

static pcre2_code *
compile(const char *src)
{
	pcre2_code *re;
	int err;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];

	re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0, &err,
	                   &erroff, NULL);
	if (!re) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		BUG("placeholder pattern does not compile at %zu: %s",
		    (size_t)erroff, (const char *)msg);
	}
	return re;
}

static void
init_patterns(void)
{
	patterns[PAT_WELLFORMED] = compile(wellformed_src);
	patterns[PAT_MALFORMED] = compile(malformed_src);
	patterns[PAT_SINGLE] = compile(single_src);
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

/* ---- prefilters ----
 *
 * A PCRE2 call costs about a thousand instructions even when nothing
 * matches, and nearly every malformed or single-brace scan finds nothing.
 * Each prefilter below is a
 * necessary condition for its pattern to match at or after POS: when it
 * fails, the pattern cannot match and the regex is skipped; when it holds,
 * PCRE2 still decides. So a prefilter may be loose, never too strict.
 */

/* Key characters: ASCII letters, digits, '_', '-' and '.'. */
static int
is_key(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
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

/* Single: a '{' not after '{' or '$', then KEY, then one '}' not followed
 * by another. */
static int
may_match_single(const char *s, size_t len, size_t pos)
{
	const char *b;
	size_t q;

	for (; (b = memchr(s + pos, '{', len - pos)); pos++) {
		pos = (size_t)(b - s);
		if (pos && (s[pos - 1] == '{' || s[pos - 1] == '$'))
			continue;
		for (q = pos + 1; q < len && is_key(s[q]); q++)
			;
		if (q > pos + 1 && q < len && s[q] == '}' &&
		    (q + 1 == len || s[q + 1] != '}'))
			return 1;
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
 * "[[", can start a match.
 *
 * The scan stops at the first such start, in windows that double while
 * they hold neither '{' nor '[': its cost is the distance to that start,
 * never the rest of the text. (Looking for "[[" through the whole rest
 * first made each of a million "{{ x}}" cost the whole text: 30 s,
 * issue 16.)
 */
static int
may_match_malformed(const char *s, size_t len, size_t pos)
{
	size_t w = 64; /* the window searched next, doubled when empty */

	while (pos < len) {
		size_t n = len - pos < w ? len - pos : w, at;
		const char *brace = memchr(s + pos, '{', n);
		/* A '[' only before that brace matters now. */
		const char *bracket =
		    memchr(s + pos, '[', brace ? (size_t)(brace - s) - pos : n);

		if (bracket) {
			at = (size_t)(bracket - s);
			if (at + 1 < len && s[at + 1] == '[')
				return 1;
			pos = at + 1;
		} else if (brace) {
			if (!(at = token_end(s, len, (size_t)(brace - s))))
				return 1;
			pos = at;
		} else {
			pos += n;
			w *= 2;
		}
	}
	return 0;
}

/*
 * Runs pattern PAT over S[0..LEN) from *POS. The match data lives for this
 * call only, so concurrent scans share nothing mutable.
 */
static int
scan(enum pattern pat, const char *s, size_t len, size_t *pos,
     struct cl_placeholder_match *m)
{
	pcre2_match_data *md;
	const PCRE2_SIZE *ov;
	int rc, found = 0;

	if (!s || *pos >= len)
		return 0;
	/* Most texts cannot match: skip the regex for them. */
	switch (pat) {
	case PAT_WELLFORMED:
		/* Only a '{' test: most texts with one hold a match, so a
		 * finer test would cost more than the calls it saves. */
		if (!memchr(s + *pos, '{', len - *pos))
			return 0;
		break;
	case PAT_MALFORMED:
		if (!may_match_malformed(s, len, *pos))
			return 0;
		break;
	case PAT_SINGLE:
		if (!may_match_single(s, len, *pos))
			return 0;
		break;
	case PAT_COUNT:
		BUG("no such placeholder pattern");
	}
	cl_placeholder_init();
	md = pcre2_match_data_create(2, NULL);
	if (!md) {
		fputs("connlint: out of memory\n", stderr);
		abort();
	}
	rc = pcre2_match(pattern(pat), (PCRE2_SPTR)s, len, *pos, 0, md,
	                 match_ctx);
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
	pcre2_match_data_free(md);
	return found;
}

int
cl_placeholder_next(const char *s, size_t len, size_t *pos,
                    struct cl_placeholder_match *m)
{
	return scan(PAT_WELLFORMED, s, len, pos, m);
}

int
cl_placeholder_next_malformed(const char *s, size_t len, size_t *pos,
                              struct cl_placeholder_match *m)
{
	return scan(PAT_MALFORMED, s, len, pos, m);
}

int
cl_placeholder_next_single(const char *s, size_t len, size_t *pos,
                           struct cl_placeholder_match *m)
{
	return scan(PAT_SINGLE, s, len, pos, m);
}
