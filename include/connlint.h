/*
 * connlint: a static checker for API-connector definitions.
 *
 * This is the library's only public header. Every type is opaque; read it
 * through the accessors below. Ownership is stated on each function that
 * returns memory: "caller frees" means the matching _free function.
 *
 * Typical use (this example is compiled and run by make check, taken from
 * between the two marker lines; build it with
 * cc app.c $(pkg-config --cflags --libs connlint)):
 *
 * -- example --
 *     #include <stdio.h>
 *     #include <connlint.h>
 *
 *     int main(int argc, char **argv)
 *     {
 *         cl_linter *l = cl_linter_new();
 *         const char *why = NULL;
 *         cl_result *r;
 *         size_t i;
 *
 *         if (argc < 2 || !(r = cl_lint_file(l, argv[1], NULL, &why))) {
 *             fprintf(stderr, "cannot lint: %s\n", why ? why : "no file");
 *             cl_linter_free(l);
 *             return 2;
 *         }
 *         for (i = 0; i < cl_result_count(r); i++) {
 *             const cl_diag *d = cl_result_diag(r, i);
 *
 *             printf("%u:%u: %s [%s]\n", cl_diag_line(d), cl_diag_column(d),
 *                    cl_diag_message(d), cl_rule_id(cl_diag_rule(d)));
 *         }
 *         i = cl_result_count(r);
 *         cl_result_free(r);
 *         cl_linter_free(l);
 *         return i ? 1 : 0;
 *     }
 * -- end --
 *
 * Threads: a cl_linter, a cl_config and a cl_baseline may be shared by any
 * number of threads once set up (nothing changes them while they lint:
 * cl_lint_* and cl_baseline_apply take them const). A cl_result belongs to
 * one thread at a time: its accessors fill caches (the line index, the
 * masked source, the fingerprints). A cl_output and a cl_session are for
 * one thread; a session runs its own worker threads inside.
 *
 * Process-wide effect: the first cl_linter_new (or cl_config_load, or
 * session) replaces libxml2's external entity loader, for the whole
 * process, with one that refuses every URL and file, so that no XML input
 * ever makes libxml2 read anything. A program that uses libxml2 itself for
 * documents that need external entities must install its own loader
 * around those calls.
 */
#ifndef CONNLINT_H
#define CONNLINT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CONNLINT_VERSION "0.1.0"

/* What the shared library exports; everything else is hidden
 * (-fvisibility=hidden). */
#if defined(__GNUC__)
#define CL_EXPORT __attribute__((visibility("default")))
#else
#define CL_EXPORT
#endif

/* The project's home: SARIF's informationUri, and the base of every rule's
 * documentation URL (cl_rule_doc_url). The only place it is spelt out. */
#define CONNLINT_URL "https://github.com/connlint/connlint"

/* Largest input connlint reads; a larger file gets one CL001 diagnostic. */
#define CL_MAX_INPUT_BYTES ((size_t)64 * 1024 * 1024)

typedef struct cl_linter cl_linter; /* configuration, reusable across files */
typedef struct cl_result cl_result; /* the findings for one file */
typedef struct cl_diag cl_diag;     /* one finding */
typedef struct cl_rule cl_rule;     /* one catalogue entry */
typedef struct cl_output cl_output; /* one output format writing to a stream */

/* Ordered: a higher value is more severe. */
enum cl_severity {
	CL_SEV_INFO = 0,
	CL_SEV_WARNING = 1,
	CL_SEV_ERROR = 2
};

/* "error", "warning" or "info". Static storage. */
CL_EXPORT const char *cl_severity_name(enum cl_severity sev);
/* Parses "error", "warning" or "info"; returns 0 and sets *out, or -1. */
CL_EXPORT int cl_severity_parse(const char *name, enum cl_severity *out);

/* The library version, e.g. "0.1.0". Static storage. */
CL_EXPORT const char *cl_version(void);

/* ---- Rule catalogue -------------------------------------------------- */

/* Number of rules in the catalogue; rules are ordered by ID. */
CL_EXPORT size_t cl_rule_count(void);
/* The I-th rule (0-based), or NULL past the end. Static storage. */
CL_EXPORT const cl_rule *cl_rule_at(size_t i);
/* The rule with this ID ("CL303") or slug ("wrong-grant-type"), or NULL. */
CL_EXPORT const cl_rule *cl_rule_find(const char *id_or_slug);
CL_EXPORT const char *cl_rule_id(const cl_rule *rule);
CL_EXPORT const char *cl_rule_slug(const cl_rule *rule);
CL_EXPORT const char *cl_rule_summary(const cl_rule *rule);
enum cl_severity cl_rule_severity(const cl_rule *rule);
/* The rule's documentation page (Markdown), or NULL if it has none.
 * Static storage. */
CL_EXPORT const char *cl_rule_doc(const cl_rule *rule);
/* The web address of the rule's documentation page,
 * CONNLINT_URL "/blob/main/docs/rules/CL303.md", or NULL when the rule has
 * no page (cl_rule_doc is NULL). Malloc'd; caller frees with free(). */
CL_EXPORT char *cl_rule_doc_url(const cl_rule *rule);
/* 1 when an automatic fix exists for RULE's findings. */
CL_EXPORT int cl_rule_has_fix(const cl_rule *rule);
/* What the fixes of a rule's findings may be (cl_diag_fix_applicability
 * says it for each one). */
enum cl_rule_fix {
	CL_RULE_FIX_NONE,            /* no finding has a fix */
	CL_RULE_FIX_SAFE,            /* every fix is safe */
	CL_RULE_FIX_UNSAFE,          /* every fix is unsafe */
	CL_RULE_FIX_SOMETIMES_UNSAFE /* safe in some cases, unsafe in others */
};
CL_EXPORT enum cl_rule_fix cl_rule_fix(const cl_rule *rule);
/* The rule whose ID or slug is nearest to NAME (a misspelling: "CL1O1",
 * "unused-conector-variable"), or NULL when none is near. */
CL_EXPORT const cl_rule *cl_rule_suggest(const char *name);

/* ---- Linter ---------------------------------------------------------- */

/* A linter with every rule enabled. Caller frees with cl_linter_free. */
CL_EXPORT cl_linter *cl_linter_new(void);
CL_EXPORT void cl_linter_free(cl_linter *linter);

/*
 * Restricts or widens the set of rules. SPEC is a comma-separated list of
 * IDs ("CL303"), slugs ("wrong-grant-type") or ID prefixes ("CL3", "CL30").
 * The first cl_linter_select call disables every rule not selected; later
 * calls add to the selection. cl_linter_ignore disables what SPEC names and
 * always wins over select. Both return 0, or -1 when an item names no rule;
 * then *bad (if non-NULL) is set to a malloc'd copy of the item, caller frees.
 */
CL_EXPORT int cl_linter_select(cl_linter *linter, const char *spec, char **bad);
CL_EXPORT int cl_linter_ignore(cl_linter *linter, const char *spec, char **bad);
/*
 * Overrides severities. SPEC is a comma-separated list of RULE=LEVEL, where
 * RULE is as above and LEVEL is "error", "warning", "info" or "off" (the
 * rule does not run). A later setting for the same rule wins. Returns 0,
 * or -1 and changes nothing; then *error (if non-NULL) is set to a
 * malloc'd message in plain words, caller frees.
 */
CL_EXPORT int
cl_linter_severity(cl_linter *linter, const char *spec, char **error);
/* 1 when RULE is enabled in LINTER, with its configuration (below) but
 * before any per-path ignore. */
CL_EXPORT int cl_linter_enabled(const cl_linter *linter, const cl_rule *rule);

/* ---- Configuration files ---------------------------------------------- */
/*
 * A configuration file (connlint.xml or .connlint.xml; the format is in
 * docs/configuration.md) selects and ignores rules, overrides severities,
 * ignores rules for some paths, sets the --fail-on threshold, the allowed
 * redirect URIs and the placeholders the platform fills in itself. The
 * linter's own settings (cl_linter_select, _ignore, _severity: the command
 * line) win over the file's.
 */
typedef struct cl_config cl_config;
typedef struct cl_config_finder cl_config_finder;

/*
 * Reads the configuration file at PATH. Returns it (caller frees with
 * cl_config_free), or NULL when it cannot be read or is not valid; then
 * *error (if non-NULL) is a malloc'd message "PATH:LINE:COLUMN: what is
 * wrong" (or "PATH: reason"), caller frees.
 */
CL_EXPORT cl_config *cl_config_load(const char *path, char **error);
CL_EXPORT void cl_config_free(cl_config *config);
/* The path the configuration was read from. Owned by CONFIG. */
CL_EXPORT const char *cl_config_path(const cl_config *config);
/* 1 and sets *out when the file sets fail-on; 0 otherwise. */
CL_EXPORT int cl_config_fail_on(const cl_config *config, enum cl_severity *out);

/*
 * Finds the configuration file that applies to each linted file: the
 * nearest connlint.xml or .connlint.xml in the file's directory or above.
 * Each directory is looked at and each configuration read once, so that
 * linting many files stays cheap. Caller frees with cl_config_finder_free,
 * which frees every configuration it returned.
 */
CL_EXPORT cl_config_finder *cl_config_finder_new(void);
CL_EXPORT void cl_config_finder_free(cl_config_finder *finder);
/*
 * The configuration for the file at PATH (which need not exist: for
 * standard input, pass the name it is shown under). Returns 0 and sets
 * *config (NULL when no file applies; owned by FINDER), or -1 when the
 * configuration file that applies is not valid; then *error is set to its
 * message (owned by FINDER) the first time that file is met, and to NULL
 * afterwards, so that a caller reports it once.
 */
CL_EXPORT int cl_config_find(cl_config_finder *finder, const char *path,
                             const cl_config **config, const char **error);

/* Lints later files with CONFIG (borrowed; it must outlive its use), or
 * with no configuration file when NULL. */
CL_EXPORT void cl_linter_set_config(cl_linter *linter, const cl_config *config);

/*
 * Lints the file at PATH, shown in diagnostics as DISPLAY_NAME (PATH when
 * NULL). Returns a result the caller frees with cl_result_free, or NULL when
 * the file cannot be opened or read; then *reason (if non-NULL) points to a
 * static, plain-words reason. The file is never modified.
 */
CL_EXPORT cl_result *
cl_lint_file(const cl_linter *linter, const char *path,
             const char *display_name, const char **reason);

/* Like cl_lint_file, reading an open descriptor (e.g. 0 for stdin) to EOF.
 * FD is not closed. The configuration's per-path ignores are matched
 * against DISPLAY_NAME. */
CL_EXPORT cl_result *cl_lint_fd(const cl_linter *linter, int fd,
                                const char *display_name, const char **reason);

/* Lints LEN bytes at BUF, shown as NAME (which the configuration's
 * per-path ignores are matched against). BUF is copied. Never NULL. */
CL_EXPORT cl_result *cl_lint_memory(const cl_linter *linter, const char *name,
                                    const char *buf, size_t len);

/* ---- Comparing two versions (connlint diff) --------------------------- */
/*
 * The compatibility rules (CL601 to CL615, docs/rules/) compare an old and
 * a new version of a connector: what breaks the companies that already
 * use it. A plain lint never reports them.
 */
/* Keep the ordinary diagnostics of the new version too (--lint). */
#define CL_DIFF_LINT 0x1u
/*
 * Compares OLD_LEN bytes at OLD_BUF (the old version, shown as OLD_NAME)
 * with NEW_LEN bytes at NEW_BUF (the new version, NEW_NAME: what the
 * configuration's per-path ignores and suppression comments apply to).
 * Returns the new version's result (caller frees with cl_result_free):
 * its CL6xx diagnostics, those that say it is not well-formed or not
 * valid (CL001 to CL003), and with CL_DIFF_LINT every other diagnostic.
 * A diagnostic about something removed is at its nearest surviving
 * parent and has a related location in the old version
 * (cl_diag_related_file). When the old version is not well-formed or
 * not valid, nothing is compared and *OLD_RESULT is set to its result
 * (those diagnostics; caller frees), else to NULL. Both buffers are
 * copied.
 */
CL_EXPORT cl_result *
cl_diff_memory(const cl_linter *linter, const char *old_name,
               const char *old_buf, size_t old_len, const char *new_name,
               const char *new_buf, size_t new_len, unsigned flags,
               cl_result **old_result);
/* A connector file of the old set with no counterpart in the new one:
 * a result for OLD_NAME holding its CL613 diagnostic (none when CL613 is
 * off). Caller frees with cl_result_free. */
CL_EXPORT cl_result *
cl_diff_removed(const cl_linter *linter, const char *old_name,
                const char *old_buf, size_t old_len);

/* ---- Results --------------------------------------------------------- */

CL_EXPORT void cl_result_free(cl_result *result);
/* The display name given when linting. Owned by RESULT. */
CL_EXPORT const char *cl_result_file(const cl_result *result);
/* Diagnostics, sorted by position, then rule ID. */
CL_EXPORT size_t cl_result_count(const cl_result *result);
CL_EXPORT const cl_diag *cl_result_diag(const cl_result *result, size_t i);
/* Number of diagnostics of severity SEV, those past the cap included. */
CL_EXPORT size_t cl_result_count_severity(const cl_result *result,
                                          enum cl_severity sev);
/*
 * Number of diagnostics found but not kept: a file keeps at most
 * CL_MAX_DIAGS_PER_FILE (100,000), so that a hostile file cannot make
 * memory grow without end. They count in cl_result_count_severity (and so
 * for the exit status) but have no cl_diag.
 */
CL_EXPORT size_t cl_result_dropped(const cl_result *result);
#define CL_MAX_DIAGS_PER_FILE 100000
/*
 * The text of source line LINE (1-based) without its line break, with
 * every secret that a rule flagged masked. Sets *len. NULL past the end,
 * and for every line of a file that is not text that could be XML (a NUL
 * byte, or something other than '<' first): such a file may be another
 * file's content, and no output quotes it. Owned by RESULT.
 */
CL_EXPORT const char *
cl_result_line(const cl_result *result, unsigned line, size_t *len);

/* ---- Diagnostics ----------------------------------------------------- */
/*
 * Positions are 1-based. Columns count Unicode characters; the end column
 * is exclusive (one past the last character), as in LSP and SARIF.
 * cl_diag_byte_column is the 1-based byte offset in the line, as gcc and
 * clang print it and Vim's quickfix reads it.
 */
CL_EXPORT const cl_rule *cl_diag_rule(const cl_diag *diag);
enum cl_severity cl_diag_severity(const cl_diag *diag);
/* Owned by the result. Secrets are already masked. */
CL_EXPORT const char *cl_diag_message(const cl_diag *diag);
CL_EXPORT unsigned cl_diag_line(const cl_diag *diag);
CL_EXPORT unsigned cl_diag_column(const cl_diag *diag);
CL_EXPORT unsigned cl_diag_end_line(const cl_diag *diag);
CL_EXPORT unsigned cl_diag_end_column(const cl_diag *diag);
CL_EXPORT unsigned cl_diag_byte_column(const cl_diag *diag);

/* Related locations (e.g. the first of two duplicates): in the same file,
 * or in another one (connlint diff: the old version of the connector;
 * cl_diag_related_file). */
CL_EXPORT size_t cl_diag_related_count(const cl_diag *diag);
/* Fills the position of related location I; returns its message (owned by
 * the result), or NULL when I is out of range. */
CL_EXPORT const char *
cl_diag_related(const cl_diag *diag, size_t i, unsigned *line, unsigned *column,
                unsigned *end_line, unsigned *end_column);
/* The 1-based byte column of related location I (as cl_diag_byte_column),
 * or 0 when I is out of range. */
CL_EXPORT unsigned cl_diag_related_byte_column(const cl_diag *diag, size_t i);
/* The display name of the file related location I is in (owned by the
 * result), or NULL when it is in the diagnostic's own file or I is out of
 * range. Positions of a location in another file are in that file. */
CL_EXPORT const char *cl_diag_related_file(const cl_diag *diag, size_t i);

/*
 * A diagnostic may carry one automatic fix: a title, an applicability and
 * byte edits of the linted buffer. Bytes outside the edits stay as they
 * are, so applying a fix keeps the file's layout, quotes, references,
 * comments, line endings and byte order mark.
 */
/* Whether a fix may change more than the mistake it fixes. */
enum cl_fix_applicability {
	CL_FIX_SAFE,  /* changes only the mistake: apply without review */
	CL_FIX_UNSAFE /* a good guess that a person should look at */
};
CL_EXPORT int cl_diag_has_fix(const cl_diag *diag);
/* The fix's title ("replace `a` with `b`"), NULL when DIAG has no fix.
 * Owned by the result. Secrets are already masked. */
CL_EXPORT const char *cl_diag_fix_title(const cl_diag *diag);
/* CL_FIX_UNSAFE when DIAG has no fix. */
CL_EXPORT enum cl_fix_applicability
cl_diag_fix_applicability(const cl_diag *diag);
/* The fix's edits, sorted by start, never overlapping (0 without a fix). */
CL_EXPORT size_t cl_diag_fix_edit_count(const cl_diag *diag);
/*
 * Edit I replaces bytes [*START, *END) of the linted buffer (as read: a BOM
 * included) with the returned text ("" deletes); the text belongs to the
 * diagnostic. An insertion (*START == *END) sorts before an edit starting
 * at the same offset. NULL, and *START and *END untouched, when I is out
 * of range.
 */
CL_EXPORT const char *
cl_diag_fix_edit(const cl_diag *diag, size_t i, size_t *start, size_t *end);

/*
 * A fingerprint of DIAG (a diagnostic of RESULT) that stays the same when
 * the file changes elsewhere, for matching findings across runs (SARIF's
 * partialFingerprints, baselines): 32 lower-case hex digits of a SHA-256
 * over the rule ID, the file's URI, the masked, whitespace-normalised text
 * of the source lines the diagnostic spans, its message with line numbers
 * taken out, and how many earlier diagnostics of the file share all of
 * these. Line and column numbers are not part of it. Malloc'd; caller
 * frees with free(). NULL when DIAG is not one of RESULT's diagnostics.
 * docs/output-formats.md has the exact recipe.
 */
CL_EXPORT char *
cl_diag_fingerprint(const cl_result *result, const cl_diag *diag);

/* ---- Baselines ------------------------------------------------------- */
/*
 * A baseline records the findings a project accepts for now, by
 * fingerprint (cl_diag_fingerprint), so that only new findings are
 * reported. The file holds one finding a line, "FINGERPRINT<TAB>RULE<TAB>
 * FILE", after a first line CL_BASELINE_HEADER; lines starting with '#'
 * and empty lines are comments. Only the fingerprint is read back, the
 * rest is for people (docs/output-formats.md, "Baselines").
 */
typedef struct cl_baseline cl_baseline;

#define CL_BASELINE_HEADER "# connlint baseline 1: fingerprint, rule, file"

/*
 * Reads the baseline file at PATH. Returns it (caller frees with
 * cl_baseline_free), or NULL when it cannot be read or a line is not an
 * entry; then *error (if non-NULL) is a malloc'd message "PATH:LINE: what
 * is wrong" (or "PATH: reason"), caller frees.
 */
CL_EXPORT cl_baseline *cl_baseline_load(const char *path, char **error);
CL_EXPORT void cl_baseline_free(cl_baseline *baseline);
/* Number of distinct fingerprints in BASELINE. */
CL_EXPORT size_t cl_baseline_size(const cl_baseline *baseline);
/*
 * Removes from RESULT every diagnostic whose fingerprint BASELINE holds;
 * returns how many it removed. The diagnostics that stay keep the
 * fingerprints they had before (SARIF's partialFingerprints do not
 * change). Safe to call from several threads on different results.
 */
CL_EXPORT size_t cl_baseline_apply(const cl_baseline *baseline,
                                   cl_result *result);
/*
 * The baseline entries of RESULT's diagnostics, one line each (without
 * the header): a malloc'd string, "" when it has none; caller frees.
 */
CL_EXPORT char *cl_baseline_entries(const cl_result *result);

/* ---- Applying fixes -------------------------------------------------- */
/*
 * What --fix does to one file, for any program (docs/fixes.md). A fix is
 * applied only when it is safe, or when UNSAFE is non-zero also when it
 * is unsafe (cl_diag_fix_applicability).
 */

/*
 * One pass: applies to the buffer RESULT was linted from the fixes of its
 * diagnostics, taken by the position of their first edit; a fix with an
 * edit that overlaps an edit already taken (or starts where one does) is
 * left for the next pass. Returns the new text (malloc'd, NUL-terminated,
 * caller frees with free()) and sets *LEN to its length and *APPLIED to
 * the number of fixes taken; NULL (and *APPLIED 0) when no fix applies.
 */
CL_EXPORT char *
cl_fix_apply(const cl_result *result, int unsafe, size_t *len, size_t *applied);

/*
 * Every pass: applies cl_fix_apply to *RESULT, lints the new text again
 * with LINTER under the same name (cl_lint_memory), and repeats until no
 * fix applies or CL_FIX_MAX_PASSES passes. Returns 0 and sets *TEXT to the
 * fixed text (malloc'd, caller frees with free(); NULL when nothing
 * changed), *LEN, *FIXED (the fixes applied in all passes), and replaces
 * *RESULT with the result of the fixed text (the old one is freed).
 * Returns -1 when a pass would make a well-formed file not well-formed,
 * or add a CL001 or CL002 diagnostic: then nothing is kept (*TEXT NULL,
 * *FIXED 0, *RESULT as it was) and *WHY (if non-NULL) says why in plain
 * words (static).
 */
#define CL_FIX_MAX_PASSES 10
CL_EXPORT int
cl_fix_result(const cl_linter *linter, cl_result **result, int unsafe,
              char **text, size_t *len, size_t *fixed, const char **why);

/*
 * --add-suppressions: the buffer RESULT was linted from with a comment
 * <!-- connlint-disable-next-line RULES REASON --> above the element of
 * each diagnostic (one comment per element, listing its rules, indented
 * as the element's line; inline before the element when something else
 * precedes it on its line). A diagnostic that no such comment can cover
 * (not inside an element's start tag or a leaf element, or the file is
 * not well-formed) is left. Returns the new text (malloc'd, caller frees
 * with free()) and sets *LEN and *ADDED (the comments added), or NULL when
 * nothing is added. REASON must pass cl_suppression_reason_check.
 */
CL_EXPORT char *cl_add_suppressions(const cl_result *result, const char *reason,
                                    size_t *len, size_t *added);
/* 0 when REASON can stand in a suppression comment: not empty, UTF-8, no
 * control character, no "--", not ending with '-', not starting with a
 * comma or a rule's ID or slug (it would be read as a rule). Else -1 and
 * *WHY (static, plain words). */
CL_EXPORT int cl_suppression_reason_check(const char *reason, const char **why);

/* ---- Output formats -------------------------------------------------- */

/* New formats are added at the end, so that existing values keep theirs. */
enum cl_format {
	CL_FORMAT_TEXT,
	CL_FORMAT_GCC,
	CL_FORMAT_JSON,
	CL_FORMAT_SARIF,      /* SARIF 2.1.0, for code scanning */
	CL_FORMAT_CHECKSTYLE, /* checkstyle XML (Jenkins Warnings NG, reviewdog) */
	CL_FORMAT_JUNIT,      /* JUnit XML: one test case per finding */
	CL_FORMAT_GITHUB,     /* GitHub Actions workflow commands */
	CL_FORMAT_GITLAB,     /* GitLab Code Quality report (JSON) */
	CL_FORMAT_MARKDOWN    /* a summary for a pull request or job summary */
};

/* Parses "text", "gcc", "json", "sarif", "checkstyle", "junit",
 * "github", "gitlab" or "markdown"; returns 0 and sets *out, or -1. */
CL_EXPORT int cl_format_parse(const char *name, enum cl_format *out);
/* The number of formats, and the name of the I-th (0-based; NULL past
 * the end), in the order of enum cl_format. Static storage. */
CL_EXPORT size_t cl_format_count(void);
CL_EXPORT const char *cl_format_name(size_t i);

#define CL_OUTPUT_COLOR 0x1u /* ANSI colour (text format only) */
#define CL_OUTPUT_QUIET 0x2u /* no summary line (text format only) */
/* A baseline is in use: the text summary and the json summary say how
 * many findings it held back (cl_output_add_baselined). */
#define CL_OUTPUT_BASELINE 0x4u

/* Shows per-rule counts instead of each diagnostic, then the summary
 * (text format only; --statistics). */
#define CL_OUTPUT_STATISTICS 0x8u

/* --fix ran: the text summary ends with "N fixed, M remaining" and the
 * json summary has "fixed" and "remaining" (cl_output_add_fixed). */
#define CL_OUTPUT_FIX 0x10u

/*
 * The unit of the column numbers the line-oriented formats print (text,
 * gcc, checkstyle, github), related locations included. json, sarif and
 * junit always count characters, as their documents declare.
 */
enum cl_column_unit {
	CL_COLUMN_DEFAULT, /* the format's own: bytes for gcc, else chars */
	CL_COLUMN_BYTE,    /* 1-based byte offset in the line */
	CL_COLUMN_CHAR,    /* Unicode code points; a tab is one */
	CL_COLUMN_DISPLAY  /* terminal cells, as GCC's display unit: East
	                    * Asian wide and emoji 2, combining marks 0,
	                    * tabs to the next multiple of 8 */
};

/* Parses "byte", "char" or "display"; returns 0 and sets *out, or -1. */
CL_EXPORT int cl_column_unit_parse(const char *name, enum cl_column_unit *out);

/*
 * An output writing to OUT (not closed by connlint). Feed it every file's
 * result in order with cl_output_add, then call cl_output_finish once.
 * Caller frees with cl_output_free.
 */
CL_EXPORT cl_output *
cl_output_new(enum cl_format format, FILE *out, unsigned flags);
CL_EXPORT void cl_output_add(cl_output *output, const cl_result *result);
/*
 * Records that PATH could not be linted, for REASON (plain words), between
 * the results added before and after. Every machine-readable format
 * carries it (sarif a tool execution notification, junit a test case in
 * error, checkstyle an <error> on the file, json an "errors" entry, gitlab
 * a blocker, markdown a table); text, gcc and github leave it to the
 * caller's message on standard error.
 */
CL_EXPORT void
cl_output_add_error(cl_output *output, const char *path, const char *reason);
/* Records that N more findings were held back by a baseline. */
CL_EXPORT void cl_output_add_baselined(cl_output *output, size_t n);
/* Fixes were applied (CL_OUTPUT_FIX): N more of them. */
CL_EXPORT void cl_output_add_fixed(cl_output *output, size_t n);
CL_EXPORT void cl_output_finish(cl_output *output);
CL_EXPORT void cl_output_free(cl_output *output);
/* Columns in UNIT from now on (formats that keep theirs ignore it). */
CL_EXPORT void
cl_output_set_column_unit(cl_output *output, enum cl_column_unit unit);
/* The base web address that formats linking to the source join with a
 * file's path and "#L" and a line (URL copied; NULL: no links). */
CL_EXPORT void cl_output_set_link_base(cl_output *output, const char *url);

/*
 * S (a file name, a message) made safe to print on one line of a terminal
 * or a CI log, as every plain-text format prints such text: control
 * characters and bytes that are not UTF-8 as \xNN, C1 and bidirectional
 * controls as \uNNNN, and CI workflow commands defused ("##[" shown as
 * "#\x23[", a "::" at the start as "\x3a:"). For messages on standard
 * error. Malloc'd; caller frees with free().
 */
CL_EXPORT char *cl_safe_line(const char *s);

/* ==== Sessions ==========================================================
 *
 * A session is what the connlint command does, for a program that wants
 * the same: it lints a list of paths (directories walked), finds each
 * file's configuration (or uses one given, or none), keeps one linter per
 * configuration with the session's rule settings replayed on it, applies
 * and writes baselines, renders every result to standard output and to
 * output files in one pass, lints N files at a time with the output in
 * the order the files were found, and turns the findings into an exit
 * status. It never prints on its own: every message for standard error
 * ("connlint: …\n", made safe with cl_safe_line) goes to the message
 * callback. Messages name the command-line options they are about
 * ("--output: …"). A session is used from one thread (cl_session_run
 * starts and joins its own workers).
 *
 *     cl_session *s = cl_session_new();
 *     cl_session_select(s, "CL3");
 *     cl_session_set_format(s, CL_FORMAT_SARIF, 0);
 *     status = cl_session_run(s, paths, npaths);  (0, 1 or 2)
 *     cl_session_free(s);
 */
typedef struct cl_session cl_session;

enum cl_message_kind {
	CL_MESSAGE_ERROR,       /* something could not be done */
	CL_MESSAGE_NOTE,        /* information ("no .xml files found") */
	CL_MESSAGE_USAGE,       /* a setting given to the session is wrong */
	CL_MESSAGE_UNKNOWN_RULE /* a rule setting names no rule */
};

/* Receives one message: TEXT is "connlint: MESSAGE\n", made safe, owned
 * by the session (valid during the call only). */
typedef void
cl_message_fn(void *data, enum cl_message_kind kind, const char *text);

/* A session with every rule enabled, the text format on standard output,
 * fail-on error, configuration discovery, as many jobs as online
 * processors. Caller frees with cl_session_free. */
CL_EXPORT cl_session *cl_session_new(void);
CL_EXPORT void cl_session_free(cl_session *session);
/* Where messages go (FN NULL: written to stderr, the default). */
CL_EXPORT void
cl_session_set_messages(cl_session *session, cl_message_fn *fn, void *data);
/* Delivers a message of the caller's through the callback, formatted as
 * the session's own ("connlint: ", made safe, "\n"). */
CL_EXPORT void
cl_session_message(cl_session *session, enum cl_message_kind kind,
                   const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* --select, --ignore and --severity (syntax as cl_linter_select,
 * cl_linter_ignore, cl_linter_severity), replayed in order on the linter
 * of every configuration met. Return 0, or -1 after a message. */
CL_EXPORT int cl_session_select(cl_session *session, const char *spec);
CL_EXPORT int cl_session_ignore(cl_session *session, const char *spec);
CL_EXPORT int cl_session_severity(cl_session *session, const char *spec);
/* --fail-on: wins over every configuration's fail-on. */
CL_EXPORT void
cl_session_set_fail_on(cl_session *session, enum cl_severity sev);
/* --config PATH (copied; read when the run starts) and --no-config. */
CL_EXPORT void cl_session_set_config(cl_session *session, const char *path);
CL_EXPORT void cl_session_no_config(cl_session *session);
/* --baseline PATH and --write-baseline PATH (copied). */
CL_EXPORT void cl_session_set_baseline(cl_session *session, const char *path);
CL_EXPORT void cl_session_write_baseline(cl_session *session, const char *path);
/* The format on standard output, and its CL_OUTPUT_* flags (COLOR and
 * STATISTICS only there, and STATISTICS only with CL_FORMAT_TEXT:
 * cl_session_run refuses it with another format; QUIET for every
 * output). */
CL_EXPORT void cl_session_set_format(cl_session *session, enum cl_format format,
                                     unsigned flags);
/* --color WHEN: "auto" (the default: when standard output is a terminal,
 * TERM is not "dumb" and NO_COLOR is unset or empty), "always" or
 * "never", for the text format on standard output. Returns -1 after a
 * usage message for anything else. */
CL_EXPORT int cl_session_set_color(cl_session *session, const char *when);
/* --output FORMAT=FILE: PATH (copied) is replaced when the run ends (a
 * FIFO or device is written in place; never a file that is linted or a
 * connector). */
CL_EXPORT void cl_session_add_output(cl_session *session, enum cl_format format,
                                     const char *path);
/* -j: lint JOBS files at a time (0: the online processors). */
CL_EXPORT void cl_session_set_jobs(cl_session *session, long jobs);
/* The name shown for standard input ("-"), default "<stdin>" (copied). */
CL_EXPORT void cl_session_set_stdin_name(cl_session *session, const char *name);
/* --column-unit: the column unit of every output (cl_output_set_column_unit). */
CL_EXPORT void
cl_session_set_column_unit(cl_session *session, enum cl_column_unit unit);
/* --link-base URL (copied) for every output (cl_output_set_link_base). */
CL_EXPORT void cl_session_set_link_base(cl_session *session, const char *url);
/* --exit-zero: cl_session_run returns 0 instead of 1 when findings at or
 * above fail-on were reported (2 stays 2). */
CL_EXPORT void cl_session_set_exit_zero(cl_session *session, int on);
/*
 * --fix, --diff, --unsafe-fixes (docs/fixes.md). With CL_SESSION_FIX each
 * file is fixed in place (cl_fix_result; written atomically, a file
 * with nothing to fix is not touched; standard input's fixed text goes to
 * standard output and the report to standard error), and the outputs show
 * what remains. With CL_SESSION_DIFF nothing is written: standard output
 * gets a unified diff of what --fix would change, and the status is 1
 * when there is something to fix. CL_SESSION_UNSAFE_FIXES applies unsafe
 * fixes too (with FIX or DIFF).
 */
#define CL_SESSION_FIX 0x1u
#define CL_SESSION_DIFF 0x2u
#define CL_SESSION_UNSAFE_FIXES 0x4u
CL_EXPORT void cl_session_set_fix(cl_session *session, unsigned mode);
/* --add-suppressions REASON (copied): instead of fixing, add a
 * suppression comment for every finding (cl_add_suppressions), in place
 * or, with CL_SESSION_DIFF, as a diff. Returns -1 after a usage message
 * when REASON cannot stand in a comment. */
CL_EXPORT int
cl_session_add_suppressions(cl_session *session, const char *reason);
/*
 * --show-config PATH: writes to OUT which configuration file applies to
 * the file PATH (which need not exist) and the settings that result for
 * it: every rule's severity, or off, and where that was decided (the
 * rule's default, the configuration file, the command line), fail-on,
 * the redirect URIs and platform placeholders. Returns 0, or -1 after a
 * message when that configuration is not valid.
 */
CL_EXPORT int
cl_session_show_config(cl_session *session, const char *path, FILE *out);

/*
 * Lints every path in PATHS (a file, a directory walked for *.xml files,
 * or "-" for standard input) and writes every output. Returns the exit
 * status: 0 nothing at or above fail-on, 1 something, 2 trouble (a usage
 * error, a path, configuration or baseline that could not be read, a
 * write error). Once per session.
 */
CL_EXPORT int
cl_session_run(cl_session *session, char *const *paths, size_t npaths);

/*
 * connlint diff (docs/rules/CL6xx.md): compares an old and a new version
 * of connectors (cl_diff_memory) with everything of cl_session_run but
 * the fix modes, which it refuses (--fix, --diff, --unsafe-fixes,
 * --add-suppressions: a usage error, 2): the formats and output files,
 * the rule settings, fail-on, the configuration that applies to the NEW
 * path, baselines, -j with the output in order, the exit status. When the
 * old version is not valid, its result (named as the old file) is
 * reported before the new one's. Once per session, instead of
 * cl_session_run.
 *
 * cl_session_diff: OLD_PATH and NEW_PATH are two files, or two
 * directories walked as cl_session_run walks one, their files paired by
 * the path below each. A file only in the old directory is reported as
 * removed (cl_diff_removed: CL613, named as the old file); one only in
 * the new directory has nothing to compare: it is reported when it is
 * not well-formed or not valid, and with cl_session_set_diff_lint with
 * its ordinary diagnostics (it is part of the new version).
 */
CL_EXPORT int cl_session_diff(cl_session *session, const char *old_path,
                              const char *new_path);
/*
 * cl_session_diff_base: compares the connector files under PATHS (files
 * or directories of the git work tree the working directory is in,
 * walked as cl_session_run walks them; NPATHS 0: ".") with git revision
 * REV (a branch, tag or commit). Old versions are read from git, never
 * checked out; renames that git detects between REV and the work tree
 * are followed; a file under PATHS in REV that has no counterpart now is
 * removed (CL613). The old side is named "REV:PATH", PATH relative to the
 * top of the work tree. Runs the git program found on PATH (no shell).
 * Not a git work tree, an unknown revision, a path outside the work tree
 * or no git: a message and 2.
 *
 * Standard input ("-") has no old version: both refuse it (usage, 2).
 */
CL_EXPORT int cl_session_diff_base(cl_session *session, const char *rev,
                                   char *const *paths, size_t npaths);
/* --lint: the diff also reports the new version's ordinary diagnostics
 * (CL_DIFF_LINT). */
CL_EXPORT void cl_session_set_diff_lint(cl_session *session, int on);

/*
 * Lints LEN bytes at BUF as the file NAME (e.g. an editor's unsaved
 * buffer), with the configuration that applies to NAME and the session's
 * rule settings. Returns NULL after a message when that configuration is
 * not valid. Caller frees with cl_result_free; the result does not
 * depend on the session afterwards.
 */
CL_EXPORT cl_result *
cl_session_lint_buffer(cl_session *session, const char *name, const char *buf,
                       size_t len);

/* Forgets every configuration file read (and --config's), so that the
 * next lint reads them again: for a long-running client (the language
 * server) whose configuration files changed. */
CL_EXPORT void cl_session_reload_config(cl_session *session);

/*
 * connlint lsp: serves the Language Server Protocol (3.17, JSON-RPC with
 * Content-Length framing; docs/editors.md) on IN_FD and OUT_FD until the
 * client's exit notification or the end of the input, linting the open
 * documents' text with the session's rule settings and the configuration
 * that applies to each document's path. Returns the exit status: 0 after
 * shutdown and exit, or at the end of the input; 1 for an exit without
 * shutdown; 2 when OUT_FD cannot be written.
 */
CL_EXPORT int cl_session_serve_lsp(cl_session *session, int in_fd, int out_fd);

/*
 * --rules PATH: reads, validates and compiles the ruleset file at PATH
 * (docs/custom-rules.md) now, and adds its rules to every linter of the
 * session, before those of any configuration's <rules>. Call it before
 * the rule settings that name its rules. Returns 0, or -1 after a
 * message "PATH:LINE:COL: error: ..." (a ruleset that is not valid, or
 * a rule ID or slug that another ruleset of the session has already).
 */
CL_EXPORT int cl_session_add_rules(cl_session *session, const char *path);

/*
 * connlint test-rules PATH: runs the tests of the ruleset at PATH (its
 * <tests path> folder, docs/custom-rules.md): each connector file there
 * is linted with only the ruleset's rules and no configuration, and its
 * diagnostics compared with its connlint-expect comments. Writes every
 * failure (FILE:LINE:COL: ...) and the closing "N passed, N failed"
 * line to OUT. Returns 0 when every test passes and every rule is
 * tested, 1 when something failed, 2 when the ruleset or a test file
 * cannot be read (after a message).
 */
CL_EXPORT int
cl_session_test_rules(cl_session *session, const char *path, FILE *out);

/* --list-rules on OUT: a table, or with FORMAT CL_FORMAT_JSON a JSON
 * document. */
CL_EXPORT void
cl_session_list_rules(cl_session *session, FILE *out, enum cl_format format);
/* --explain NAME: the rule's page on OUT; -1 after a message when NAME
 * names no rule or the rule has no page. */
CL_EXPORT int
cl_session_explain(cl_session *session, const char *name, FILE *out);

#ifdef __cplusplus
}
#endif
#endif /* CONNLINT_H */
