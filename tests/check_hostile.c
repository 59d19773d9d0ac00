/*
 * Hostile inputs, end to end: each one must end in bounded time and bounded
 * memory with a clear diagnostic, never a hang, a crash or a read outside
 * the files given. Runs the built binary ($CONNLINT, default
 * build/connlint) in a child with an alarm() and RLIMIT_AS of 1 GiB set
 * before exec (both survive exec), so a hang or a blow-up fails the test
 * with a clear message instead of stalling `make check`. The alarm is a
 * guard, not a speed target: it is far above what any case needs.
 *
 * Big inputs are generated at run time into a temporary directory.
 */
#define _GNU_SOURCE /* wait4 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/check_main.h"

#define MIB ((size_t)1024 * 1024)
/* What one run may use: far above need, far below harm. */
#define CL_HOSTILE_AS_LIMIT ((rlim_t)1024 * MIB)
#define CL_HOSTILE_FSIZE_LIMIT ((rlim_t)256 * MIB)
#define CL_HOSTILE_SECONDS 120u
/* Sanitizer builds run several times slower. */
#define CL_HOSTILE_SECONDS_SANITIZED 600u
/* Output read back for the assertions; more is counted, not kept. */
#define CL_HOSTILE_KEEP (64 * MIB)

#define CL_TEST_MAX_ARGS 16

struct run {
	int status;      /* exit status, or -1 when killed by a signal */
	int signal;      /* the signal that killed it, or 0 */
	char *out, *err; /* NUL-terminated, at most CL_HOSTILE_KEEP bytes */
	size_t out_len;  /* the whole length of standard output */
	long maxrss_kib; /* peak resident memory of the child */
	double seconds;
};

#define TMPDIR_TEMPLATE "/tmp/connlint-hostile-XXXXXX"
static char tmpdir[] = TMPDIR_TEMPLATE;
/* Tighter limits for the runs that follow, 0 for the defaults: the
 * linear-time tests (issue 16) set them, see run_seconds. */
static unsigned limit_seconds;
static rlim_t limit_as;

static const char *
binary(void)
{
	const char *p = getenv("CONNLINT");

	return p && *p ? p : "build/connlint";
}

/*
 * An AddressSanitizer build reserves terabytes of address space for its
 * shadow memory, so RLIMIT_AS would stop it before main(); its memory is
 * then only measured. Every instrumented binary calls __asan_* functions,
 * whose names are in it whether the runtime is linked in (clang) or
 * shared (gcc).
 */
static bool
binary_is_sanitized(void)
{
	static int known = -1;
	static const char mark[] = "__asan_";
	FILE *f;
	char buf[65536 + sizeof(mark)];
	size_t keep = 0, n;

	if (known >= 0)
		return known;
	known = 0;
	if (!(f = fopen(binary(), "rb")))
		return false;
	while ((n = fread(buf + keep, 1, sizeof(buf) - keep, f)) > 0) {
		n += keep;
		if (memmem(buf, n, mark, sizeof(mark) - 1)) {
			known = 1;
			break;
		}
		/* A mark split across two reads is found in the next one. */
		keep = sizeof(mark) - 1;
		memmove(buf, buf + n - keep, keep);
	}
	fclose(f);
	return known;
}

static void
setup(void)
{
	/* Fresh each time, also when Check does not fork (CK_FORK=no). */
	memcpy(tmpdir, TMPDIR_TEMPLATE, sizeof(tmpdir));
	limit_seconds = 0;
	limit_as = 0;
	ck_assert_msg(mkdtemp(tmpdir) != NULL, "mkdtemp: %s", strerror(errno));
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void
teardown(void)
{
	/* FTW_PHYS: never follow the symbolic links the tests planted. */
	nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A path inside the temporary directory; static storage, reused after
 * 32 calls (a test that needs one longer copies it). */
static const char *
tpath(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static const char *
tpath(const char *fmt, ...)
{
	static char bufs[32][4096];
	static unsigned next;
	char *p = bufs[next++ % 32];
	char name[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	snprintf(p, sizeof(bufs[0]), "%s/%s", tmpdir, name);
	return p;
}

static FILE *
create(const char *path)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
	return f;
}

static void
finish(FILE *f, const char *path)
{
	ck_assert_msg(!ferror(f) && fclose(f) == 0, "cannot write %s", path);
}

static void
write_file(const char *path, const char *text, size_t len)
{
	FILE *f = create(path);

	fwrite(text, 1, len, f);
	finish(f, path);
}

static void
write_text(const char *path, const char *text)
{
	write_file(path, text, strlen(text));
}

static void
put_repeat(FILE *f, const char *s, size_t times)
{
	size_t n = strlen(s);

	while (times--)
		fwrite(s, 1, n, f);
}

/* The bytes of an open file, NUL-terminated, at most CL_HOSTILE_KEEP. */
static char *
read_back(int fd, size_t *total)
{
	char *buf = malloc(CL_HOSTILE_KEEP + 1);
	size_t len = 0;
	char chunk[65536];
	ssize_t n;

	ck_assert_ptr_nonnull(buf);
	*total = 0;
	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		size_t take = (size_t)n;

		if (take > CL_HOSTILE_KEEP - len)
			take = CL_HOSTILE_KEEP - len;
		memcpy(buf + len, chunk, take);
		len += take;
		*total += (size_t)n;
	}
	buf[len] = '\0';
	return buf;
}

static int
temp_fd(void)
{
	char tmpl[4200];
	int fd;

	snprintf(tmpl, sizeof(tmpl), "%s/.out-XXXXXX", tmpdir);
	fd = mkstemp(tmpl);
	ck_assert_msg(fd >= 0, "mkstemp: %s", strerror(errno));
	unlink(tmpl);
	return fd;
}

/* Sanitizer builds get this many times limit_seconds. */
#define CL_LINEAR_SANITIZED_FACTOR 4u

static unsigned
run_seconds(bool sanitized)
{
	if (limit_seconds)
		return sanitized ? limit_seconds * CL_LINEAR_SANITIZED_FACTOR
		                 : limit_seconds;
	return sanitized ? CL_HOSTILE_SECONDS_SANITIZED : CL_HOSTILE_SECONDS;
}

static rlim_t
run_as_limit(void)
{
	return limit_as ? limit_as : CL_HOSTILE_AS_LIMIT;
}

/* Runs connlint with ARGS (NULL-terminated, without argv[0]) under the
 * limits; standard input is /dev/null. */
static struct run
run_args(const char *const *args)
{
	const char *argv[CL_TEST_MAX_ARGS + 2];
	struct run r = { -1, 0, NULL, NULL, 0, 0, 0.0 };
	struct timeval t0, t1;
	struct rusage ru;
	int out = temp_fd(), err = temp_fd(), ws;
	size_t n = 0, err_len;
	bool sanitized = binary_is_sanitized();
	const char *what; /* the last argument, for messages */
	pid_t pid;

	argv[n++] = binary();
	while (*args) {
		ck_assert(n <= CL_TEST_MAX_ARGS);
		argv[n++] = *args++;
	}
	argv[n] = NULL;
	what = argv[n - 1];
	gettimeofday(&t0, NULL);
	pid = fork();
	ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		struct rlimit as = { run_as_limit(), run_as_limit() };
		struct rlimit fs = { CL_HOSTILE_FSIZE_LIMIT,
			             CL_HOSTILE_FSIZE_LIMIT };
		struct rlimit core = { 0, 0 };
		int in = open("/dev/null", O_RDONLY);

		if (in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
		    dup2(err, 2) < 0)
			_exit(126);
		if (!sanitized)
			setrlimit(RLIMIT_AS, &as);
		setrlimit(RLIMIT_FSIZE, &fs);
		setrlimit(RLIMIT_CORE, &core);
		alarm(run_seconds(sanitized));
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	ck_assert_int_eq(wait4(pid, &ws, 0, &ru), pid);
	gettimeofday(&t1, NULL);
	r.seconds = (double)(t1.tv_sec - t0.tv_sec) +
	            (double)(t1.tv_usec - t0.tv_usec) / 1e6;
	r.maxrss_kib = ru.ru_maxrss;
	r.out = read_back(out, &r.out_len);
	r.err = read_back(err, &err_len);
	close(out);
	close(err);
	if (WIFEXITED(ws)) {
		r.status = WEXITSTATUS(ws);
	} else {
		r.signal = WIFSIGNALED(ws) ? WTERMSIG(ws) : -1;
	}
	ck_assert_msg(r.signal != SIGALRM,
	              "connlint %s did not finish within %u s (hang?)", what,
	              run_seconds(sanitized));
	ck_assert_msg(r.signal == 0,
	              "connlint %s killed by signal %d (%s); stderr:\n%.2000s",
	              what, r.signal, strsignal(r.signal), r.err);
	ck_assert_msg(r.status != 126 && r.status != 127, "cannot run %s",
	              binary());
	/* Under RLIMIT_AS a failed allocation aborts (signal, above) or
	 * exits with a message; either way, this is the bound the brief
	 * sets for every input, sanitizer builds measured instead. */
	ck_assert_msg(sanitized || (size_t)r.maxrss_kib * 1024 < run_as_limit(),
	              "connlint %s used %ld KiB", what, r.maxrss_kib);
	return r;
}

#define RUN(...) run_args((const char *const[]){ __VA_ARGS__, NULL })

static void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* Occurrences of NEEDLE in HAY. A plain loop, not strstr in one: under
 * AddressSanitizer each strstr call checks the whole rest of HAY first,
 * which makes counting 100,000 diagnostics quadratic. */
static size_t
count_of(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle), i;

	while (*hay) {
		for (i = 0; i < len && hay[i] == needle[i]; i++)
			;
		if (i == len) {
			n++;
			hay += len;
		} else {
			hay++;
		}
	}
	return n;
}

#define ASSERT_CONTAINS(hay, needle)                   \
	ck_assert_msg(strstr((hay), (needle)) != NULL, \
	              "expected to find \"%s\" in:\n%.4000s", (needle), (hay))
#define ASSERT_LACKS(hay, needle)                      \
	ck_assert_msg(strstr((hay), (needle)) == NULL, \
	              "did not expect \"%s\" in:\n%.4000s", (needle), (hay))

/* One gcc-format CL001 for PATH, whose message contains WHAT: the run
 * stopped at the first fatal problem and said which. */
static void
assert_one_cl001(const struct run *r, const char *path, const char *what)
{
	char head[4200];

	ck_assert_msg(r->status == 1, "status %d for %s; stderr:\n%.2000s",
	              r->status, path, r->err);
	snprintf(head, sizeof(head), "%s:", path);
	ASSERT_CONTAINS(r->out, head);
	ASSERT_CONTAINS(r->out, "[CL001]");
	ASSERT_CONTAINS(r->out, what);
	ck_assert_msg(count_of(r->out, "[CL001]") == 1,
	              "more than one CL001:\n%.4000s", r->out);
	ck_assert_str_eq(r->err, "");
}

/* ---- the documents ---------------------------------------------------- */

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define CONNECTOR_OPEN                                            \
	"<connector format=\"1\" name=\"Hostile\" version=\"1\" " \
	"system-type=\"CRM\" protocol=\"HTTP\">\n"
#define AUTH_METHODS                                                               \
	"<auth-methods>\n"                                                         \
	"  <auth-method id=\"key\" name=\"API key\" type=\"token\">\n"             \
	"    <url>https://api.example.com/v1/me</url>\n"                           \
	"    <variables><variable key=\"token\" label=\"Token\" required=\"true\"" \
	" secret=\"true\"/></variables>\n"                                         \
	"    <headers><param key=\"X-Api-Key\" value=\"{{token}}\"/></headers>\n"  \
	"  </auth-method>\n"                                                       \
	"</auth-methods>\n"
/* A marker that must never appear in any output: it is only in files that
 * a hostile document points at. */
#define SECRET "CL-HOSTILE-SECRET-7f3a"

/* A connector with one endpoint; URL and CONTENT (NULL: no body) are
 * written by the callbacks so they can be huge. */
static void
write_connector(const char *path, void (*url)(FILE *), void (*content)(FILE *))
{
	FILE *f = create(path);

	fputs(XML_DECL CONNECTOR_OPEN AUTH_METHODS "<endpoints>\n", f);
	fputs(
	    "  <endpoint id=\"ping\" name=\"Ping\" entity=\"Ping\" direction=\"send\""
	    " method=\"POST\" data-type=\"json\">\n    <url>",
	    f);
	if (url)
		url(f);
	else
		fputs("https://api.example.com/v1/ping", f);
	fputs("</url>\n", f);
	if (content) {
		fputs("    <body data-type=\"json\"><content>", f);
		content(f);
		fputs("</content></body>\n", f);
	}
	fputs("    <enable auth-method=\"key\"/>\n  </endpoint>\n</endpoints>\n"
	      "</connector>\n",
	      f);
	finish(f, path);
}

/* ---- entities --------------------------------------------------------- */

START_TEST(exponential_entity_bomb)
{
	const char *path = tpath("bomb.xml");
	FILE *f = create(path);
	struct run r;
	int i, k;

	/* "Billion laughs": 10 levels of 10 references each. */
	fputs(XML_DECL "<!DOCTYPE connector [\n  <!ENTITY lol0 \"lol\">\n", f);
	for (i = 1; i <= 9; i++) {
		fprintf(f, "  <!ENTITY lol%d \"", i);
		for (k = 0; k < 10; k++)
			fprintf(f, "&lol%d;", i - 1);
		fputs("\">\n", f);
	}
	fputs("]>\n<connector format=\"1\" name=\"&lol9;\">"
	      "<description>&lol9;&lol9;</description></connector>\n",
	      f);
	finish(f, path);
	r = RUN("--format", "gcc", path);
	assert_one_cl001(&r, path, "entity `&lol9;` is not expanded");
	run_free(&r);
}
END_TEST

START_TEST(quadratic_entity_blowup)
{
	const char *content = tpath("quadratic-content.xml");
	const char *attr = tpath("quadratic-attribute.xml");
	FILE *f;
	struct run r;
	int i;

	/* One entity of 100 KB referenced 10,000 times: 1 GB if expanded. */
	for (i = 0; i < 2; i++) {
		const char *path = i ? attr : content;

		f = create(path);
		fputs(XML_DECL "<!DOCTYPE connector [<!ENTITY a \"", f);
		put_repeat(f, "x", 100 * 1000);
		fputs("\">]>\n", f);
		if (i) {
			fputs("<connector format=\"1\" name=\"", f);
			put_repeat(f, "&a;", 10000);
			fputs("\"/>\n", f);
		} else {
			fputs(
			    "<connector format=\"1\" name=\"N\"><description>",
			    f);
			put_repeat(f, "&a;", 10000);
			fputs("</description></connector>\n", f);
		}
		finish(f, path);
	}
	r = RUN("--format", "gcc", content);
	assert_one_cl001(&r, content, "entity `&a;` is not expanded");
	ASSERT_CONTAINS(r.out, ":3:"); /* at the first reference, line 3 */
	run_free(&r);
	r = RUN("--format", "gcc", attr);
	assert_one_cl001(&r, attr, "entity `&a;` is not expanded");
	run_free(&r);
}
END_TEST

START_TEST(external_entities)
{
	char secret_url[4200], dtd_url[4200];
	const char *secret = tpath("secret.txt");
	const char *dtd = tpath("evil.dtd");
	const char *file_ent = tpath("xxe-file.xml");
	const char *http_ent = tpath("xxe-http.xml");
	const char *file_dtd = tpath("xxe-external-dtd.xml");
	const char *http_dtd = tpath("xxe-http-dtd.xml");
	char doc[16384];
	struct run r;

	write_text(secret, SECRET "\n");
	snprintf(secret_url, sizeof(secret_url), "file://%s", secret);
	snprintf(dtd_url, sizeof(dtd_url), "file://%s", dtd);
	snprintf(doc, sizeof(doc),
	         "<!ENTITY x \"%s\">\n<!ENTITY y SYSTEM \"%s\">\n", SECRET,
	         secret_url);
	write_text(dtd, doc);

	/* An external general entity, by file: and by http: (a closed port:
	 * nothing may be fetched, and nothing may wait for it). */
	snprintf(
	    doc, sizeof(doc),
	    XML_DECL
	    "<!DOCTYPE connector [ <!ENTITY xxe SYSTEM \"%s\"> ]>\n"
	    "<connector format=\"1\" name=\"N\"><description>&xxe;</description>"
	    "</connector>\n",
	    secret_url);
	write_text(file_ent, doc);
	write_text(http_ent,
	           XML_DECL "<!DOCTYPE connector [ <!ENTITY xxe SYSTEM "
	                    "\"http://127.0.0.1:9/secret\"> ]>\n"
	                    "<connector format=\"1\" name=\"&xxe;\"/>\n");
	/* An external DTD declaring the entities: never loaded, so the
	 * reference is to an undeclared entity. */
	snprintf(
	    doc, sizeof(doc),
	    XML_DECL
	    "<!DOCTYPE connector SYSTEM \"%s\">\n"
	    "<connector format=\"1\" name=\"&x;\"><description>&y;</description>"
	    "</connector>\n",
	    dtd_url);
	write_text(file_dtd, doc);
	write_text(
	    http_dtd, XML_DECL
	    "<!DOCTYPE connector SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
	    "<connector format=\"1\" name=\"&x;\"/>\n");

	r = RUN("--format", "gcc", file_ent);
	assert_one_cl001(&r, file_ent, "entity `&xxe;` is not expanded");
	run_free(&r);
	r = RUN("--format", "gcc", http_ent);
	assert_one_cl001(&r, http_ent, "entity `&xxe;` is not expanded");
	run_free(&r);
	r = RUN("--format", "gcc", file_dtd);
	assert_one_cl001(&r, file_dtd, "entity `&x;` is not expanded");
	ASSERT_LACKS(r.out, SECRET);
	run_free(&r);
	r = RUN("--format", "gcc", http_dtd);
	assert_one_cl001(&r, http_dtd, "entity `&x;` is not expanded");
	run_free(&r);
	/* The same files in the text and JSON formats, which print source
	 * lines and messages: the secret is in none of them. */
	r = RUN("--format", "json", file_ent, http_ent, file_dtd, http_dtd);
	ck_assert_int_eq(r.status, 1);
	ASSERT_LACKS(r.out, SECRET);
	run_free(&r);
	r = RUN(file_ent, http_ent, file_dtd, http_dtd);
	ck_assert_int_eq(r.status, 1);
	ASSERT_LACKS(r.out, SECRET);
	run_free(&r);
}
END_TEST

START_TEST(parameter_entities)
{
	char dtd_url[4200], doc[8192];
	const char *dtd = tpath("evil.dtd");
	const char *internal = tpath("pe-internal.xml");
	const char *external = tpath("pe-external.xml");
	struct run r;

	snprintf(doc, sizeof(doc), "<!ENTITY x \"%s\">\n", SECRET);
	write_text(dtd, doc);
	write_text(internal,
	           XML_DECL "<!DOCTYPE connector [\n"
	                    "  <!ENTITY % decl \"<!ENTITY x 'boom'>\">\n"
	                    "  %decl;\n"
	                    "]>\n"
	                    "<connector format=\"1\" name=\"&x;\"/>\n");
	snprintf(dtd_url, sizeof(dtd_url), "file://%s", dtd);
	snprintf(doc, sizeof(doc),
	         XML_DECL "<!DOCTYPE connector [\n"
	                  "  <!ENTITY %% ext SYSTEM \"%s\">\n"
	                  "  %%ext;\n"
	                  "]>\n"
	                  "<connector format=\"1\" name=\"&x;\"/>\n",
	         dtd_url);
	write_text(external, doc);

	r = RUN("--format", "gcc", internal);
	assert_one_cl001(&r, internal,
	                 "parameter entity `%decl;` is not expanded");
	ASSERT_CONTAINS(r.out, ":4:3:");
	run_free(&r);
	r = RUN("--format", "gcc", external);
	assert_one_cl001(&r, external,
	                 "parameter entity `%ext;` is not expanded");
	ASSERT_LACKS(r.out, SECRET);
	run_free(&r);
}
END_TEST

/* ---- size and shape --------------------------------------------------- */

START_TEST(million_elements)
{
	const char *path = tpath("million.xml");
	FILE *f = create(path);
	static const char head[] =
	    XML_DECL CONNECTOR_OPEN AUTH_METHODS "<endpoints>\n";
	struct run r;
	unsigned i, n = 1000 * 1000 / 3, last_line;
	char expect[64];

	/* 333,333 endpoints of three elements each: a million elements,
	 * about 45 MB, under the 64 MiB limit. Every endpoint is clean but
	 * the last, whose diagnostic shows the whole file was read. */
	fputs(head, f);
	last_line = (unsigned)count_of(head, "\n"); /* then one line each */
	for (i = 0; i < n; i++) {
		fprintf(
		    f,
		    "<endpoint id=\"e%u\" name=\"Endpoint %u\" entity=\"E\" "
		    "direction=\"receive\" method=\"GET\"><url>https://api.example."
		    "com/v1/e%u</url><enable auth-method=\"%s\"/></endpoint>\n",
		    i, i, i, i + 1 == n ? "kex" : "key");
		last_line++;
	}
	fputs("</endpoints>\n</connector>\n", f);
	finish(f, path);
	r = RUN("--format", "gcc", path);
	ck_assert_msg(r.status == 1, "status %d; stderr:\n%.2000s", r.status,
	              r.err);
	ASSERT_LACKS(r.out, "[CL001]");
	snprintf(expect, sizeof(expect), ":%u:", last_line);
	ASSERT_CONTAINS(r.out, expect);
	ASSERT_CONTAINS(r.out, "no auth method `kex`");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
}
END_TEST

START_TEST(deep_nesting)
{
	const char *path = tpath("deep.xml");
	FILE *f = create(path);
	struct run r;

	fputs(XML_DECL "<connector format=\"1\" name=\"N\">", f);
	put_repeat(f, "<a>", 100 * 1000);
	put_repeat(f, "</a>", 100 * 1000);
	fputs("</connector>\n", f);
	finish(f, path);
	r = RUN("--format", "gcc", path);
	assert_one_cl001(&r, path, "nested more than");
	run_free(&r);
}
END_TEST

static void
huge_value(FILE *f)
{
	put_repeat(f, "v", 10 * MIB);
}

START_TEST(ten_megabyte_attribute)
{
	const char *path = tpath("attribute.xml");
	FILE *f = create(path);
	struct run r;

	fputs(
	    XML_DECL CONNECTOR_OPEN AUTH_METHODS
	    "<endpoints>\n"
	    "<endpoint id=\"e\" name=\"E\" entity=\"E\" direction=\"receive\" method=\"GET\">"
	    "<url>https://api.example.com/v1/e</url>"
	    "<url-params><param key=\"q\" value=\"",
	    f);
	huge_value(f);
	fputs("\"/></url-params><enable auth-method=\"key\"/></endpoint>\n"
	      "</endpoints>\n</connector>\n",
	      f);
	finish(f, path);
	/* Past libxml2's 10,000,000-byte limit for one value (we never set
	 * XML_PARSE_HUGE): not well-formed, in plain words. */
	r = RUN("--format", "gcc", path);
	assert_one_cl001(&r, path, "attribute value longer than");
	run_free(&r);
	/* The text format quotes source lines: this one is 10 MB long. */
	r = RUN(path);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "[CL001 xml-not-well-formed]");
	run_free(&r);
}
END_TEST

START_TEST(one_megabyte_line)
{
	static const char head[] =
	    "<connector format=\"1\" name=\"Hostile\" version=\"1\" "
	    "system-type=\"CRM\" protocol=\"HTTP\"><description>";
	static const char tail[] =
	    "</description><auth-methods><auth-method id=\"key\" name=\"K\" "
	    "type=\"token\"><url>https://api.example.com/v1/me</url><variables>"
	    "<variable key=\"token\" label=\"T\" required=\"true\" secret=\"true\"/>"
	    "</variables><headers><param key=\"X-Api-Key\" value=\"{{token}}\"/>"
	    "</headers></auth-method></auth-methods><endpoints><endpoint id=\"e\" "
	    "name=\"E\" entity=\"E\" direction=\"receive\" method=\"GET\"><url>"
	    "https://api.example.com/v1/e</url><enable auth-method=\"kex\"/>"
	    "</endpoint></endpoints></connector>\n";
	const size_t filler = 210 * 1000;
	const char *path = tpath("line.xml");
	FILE *f = create(path);
	char expect[64];
	struct run r;

	/* A whole connector on one line of over 1 MB, with a problem at its
	 * far end for the text format to quote under a caret. */
	fputs(XML_DECL, f);
	fputs(head, f);
	put_repeat(f, "long ", filler);
	fputs(tail, f);
	finish(f, path);
	r = RUN(path);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "no auth method `kex`");
	ASSERT_CONTAINS(r.out, "[CL402 enable-unknown-auth-method]");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
	/* The CL402 points at the value `kex`, past the first megabyte. */
	r = RUN("--format", "gcc", path);
	ck_assert_int_eq(r.status, 1);
	snprintf(expect, sizeof(expect), "line.xml:2:%zu: error:",
	         strlen(head) + 5 * filler +
	             (size_t)(strstr(tail, "kex") - tail) + 1);
	ASSERT_CONTAINS(r.out, expect);
	run_free(&r);
}
END_TEST

/* ---- encodings -------------------------------------------------------- */

START_TEST(invalid_utf8)
{
	const char *path = tpath("latin1.xml");
	static const char doc[] =
	    XML_DECL "<connector format=\"1\" name=\"Caf\xe9\"/>\n";
	struct run r;

	write_file(path, doc, sizeof(doc) - 1);
	r = RUN("--format", "gcc", path);
	assert_one_cl001(&r, path, "invalid UTF-8 (byte 0xE9)");
	run_free(&r);
}
END_TEST

START_TEST(utf16_with_bom)
{
	const char *path = tpath("utf16.xml");
	const char *text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
	                   "<connector format=\"1\" name=\"N\"/>\n";
	FILE *f = create(path);
	struct run r;

	fputs("\xff\xfe", f);
	for (; *text; text++) {
		putc(*text, f);
		putc(0, f);
	}
	finish(f, path);
	r = RUN("--format", "gcc", path);
	assert_one_cl001(&r, path, "UTF-16");
	ASSERT_CONTAINS(r.out, ":1:1:");
	run_free(&r);
}
END_TEST

START_TEST(nul_bytes)
{
	const char *path = tpath("nul.xml");
	static const char doc[] =
	    XML_DECL "<connector format=\"1\" name=\"N\0\0\0\"/>\n";
	struct run r;

	write_file(path, doc, sizeof(doc) - 1);
	r = RUN("--format", "gcc", path);
	assert_one_cl001(&r, path, "NUL byte");
	ASSERT_CONTAINS(r.out, ":2:30:");
	run_free(&r);
}
END_TEST

/* ---- placeholders ----------------------------------------------------- */

static void
braces(FILE *f)
{
	put_repeat(f, "{", 200 * 1000);
}

static void
url_braces(FILE *f)
{
	fputs("https://api.example.com/", f);
	braces(f);
}

static void
unclosed(FILE *f)
{
	put_repeat(f, "{{x ", 100 * 1000);
}

static void
url_unclosed(FILE *f)
{
	fputs("https://api.example.com/", f);
	unclosed(f);
}

static void
undefined(FILE *f)
{
	put_repeat(f, "{{nope}}", 100 * 1000);
}

static void
url_undefined(FILE *f)
{
	fputs("https://api.example.com/", f);
	undefined(f);
}

/*
 * `{{{{…` (200,000 braces, which is also `{{` 100,000 times), `{{x `
 * 100,000 times (never closed) and `{{nope}}` 100,000 times (each one a
 * diagnostic), in a body content and in a URL. The placeholder patterns
 * are meant to be linear; this holds them to it, and the output of
 * 100,000 diagnostics on one long line to a bound.
 */
START_TEST(placeholder_floods)
{
	static const struct {
		const char *name;
		void (*url)(FILE *);
		void (*content)(FILE *);
		const char *expect; /* in the output, or NULL */
		size_t count;       /* of EXPECT at least */
	} cases[] = {
		{ "braces-body.xml", NULL, braces, NULL, 0 },
		{ "braces-url.xml", url_braces, NULL, NULL, 0 },
		{ "unclosed-body.xml", NULL, unclosed, "[CL106]", 100 * 1000 },
		{ "unclosed-url.xml", url_unclosed, NULL, "[CL106]",
		  100 * 1000 },
		{ "undefined-body.xml", NULL, undefined, "[CL104]",
		  100 * 1000 },
		{ "undefined-url.xml", url_undefined, NULL, "[CL104]",
		  100 * 1000 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *path = tpath("%s", cases[i].name);
		struct run r;

		write_connector(path, cases[i].url, cases[i].content);
		r = RUN("--format", "gcc", path);
		ck_assert_msg(r.status == 0 || r.status == 1,
		              "%s: status %d\n%.2000s", path, r.status, r.err);
		ASSERT_LACKS(r.out, "[CL001]");
		if (cases[i].expect)
			ck_assert_msg(count_of(r.out, cases[i].expect) >=
			                  cases[i].count,
			              "%s: %zu of %s, expected %zu", path,
			              count_of(r.out, cases[i].expect),
			              cases[i].expect, cases[i].count);
		/* nothing on standard error but the cap's notice (a file
		 * keeps at most CL_MAX_DIAGS_PER_FILE findings) */
		ck_assert_msg(!*r.err || (strstr(r.err, "not shown (at most "
		                                        "100000 a file)") &&
		                          !strchr(r.err, '\n')[1]),
		              "%s", r.err);
		ck_assert_uint_le(count_of(r.out, "\n"), 100 * 1000);
		run_free(&r);
		/* The text format quotes the (long) line for every one. */
		r = RUN("--quiet", path);
		ck_assert_msg(r.status == 0 || r.status == 1, "%s: status %d",
		              path, r.status);
		run_free(&r);
	}
}
END_TEST

/* ---- special files ---------------------------------------------------- */

START_TEST(fifo_path)
{
	const char *fifo = tpath("pipe.xml");
	static const char doc[] = XML_DECL CONNECTOR_OPEN AUTH_METHODS
	    "<endpoints><endpoint id=\"e\" name=\"E\" entity=\"E\" "
	    "direction=\"receive\" method=\"GET\"><url>https://api.example.com/e"
	    "</url><enable auth-method=\"kex\"/></endpoint></endpoints>\n"
	    "</connector>\n";
	struct run r;
	pid_t writer;
	int ws;

	ck_assert_msg(mkfifo(fifo, 0600) == 0, "mkfifo: %s", strerror(errno));
	writer = fork();
	ck_assert(writer >= 0);
	if (writer == 0) {
		int fd;

		alarm(CL_HOSTILE_SECONDS); /* if connlint never opens it */
		fd = open(fifo, O_WRONLY);
		if (fd < 0 || write(fd, doc, sizeof(doc) - 1) !=
		                  (ssize_t)(sizeof(doc) - 1))
			_exit(1);
		_exit(close(fd) ? 1 : 0);
	}
	r = RUN("--format", "gcc", fifo);
	kill(writer, SIGKILL); /* no-op when it is done */
	ck_assert_int_eq(waitpid(writer, &ws, 0), writer);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "pipe.xml:4:");
	ASSERT_CONTAINS(r.out, "no auth method `kex`");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
}
END_TEST

START_TEST(fifo_in_walked_directory)
{
	const char *dir = tpath("tree");
	struct run r;

	/* Nobody writes to this one: a walk that opened it would hang. */
	ck_assert(mkdir(dir, 0700) == 0);
	ck_assert(mkfifo(tpath("tree/pipe.xml"), 0600) == 0);
	write_text(tpath("tree/real.xml"),
	           XML_DECL "<connector format=\"1\" name=\"N\"/>\n");
	r = RUN("--format", "gcc", dir);
	ck_assert_msg(r.status == 1, "status %d\n%s", r.status, r.err);
	ASSERT_CONTAINS(r.out, "real.xml:");
	ASSERT_LACKS(r.out, "pipe.xml");
	run_free(&r);
}
END_TEST

START_TEST(dev_zero_path)
{
	struct run r;

	if (access("/dev/zero", R_OK))
		return; /* not Linux: nothing to test with */
	/* Endless NULs: reading must stop at the 64 MiB limit. */
	r = RUN("--format", "gcc", "/dev/zero");
	assert_one_cl001(&r, "/dev/zero", "larger than 64 MiB");
	run_free(&r);
}
END_TEST

/* ---- directories ------------------------------------------------------ */

START_TEST(symlink_loop_in_walk)
{
	const char *dir = tpath("walk");
	struct run r;

	ck_assert(mkdir(dir, 0700) == 0);
	ck_assert(mkdir(tpath("walk/sub"), 0700) == 0);
	write_text(tpath("walk/a.xml"),
	           XML_DECL "<connector format=\"1\" name=\"A\"/>\n");
	write_text(tpath("walk/sub/b.xml"),
	           XML_DECL "<connector format=\"1\" name=\"B\"/>\n");
	/* Loops through directories, relative and absolute, and a link to
	 * itself; none may be followed or make the walk go round. */
	ck_assert(symlink("..", tpath("walk/sub/up")) == 0);
	ck_assert(symlink(dir, tpath("walk/sub/top")) == 0);
	ck_assert(symlink(".", tpath("walk/sub/here.xml")) == 0);
	ck_assert(symlink("self", tpath("walk/sub/self")) == 0);
	r = RUN("--format", "json", dir);
	ck_assert_msg(r.status == 1, "status %d\n%s", r.status, r.err);
	/* Each file once: two files, one CL004 ("no auth method") each. */
	ASSERT_CONTAINS(r.out, "\"files_checked\": 2,");
	ck_assert_msg(count_of(r.out, "\"CL004\"") == 2, "files linted:\n%s",
	              r.out);
	ASSERT_CONTAINS(r.out, "walk/a.xml\"");
	ASSERT_CONTAINS(r.out, "walk/sub/b.xml\"");
	ASSERT_LACKS(r.out, "/up/");
	ASSERT_LACKS(r.out, "/top/");
	ASSERT_LACKS(r.out, "here.xml");
	ck_assert_str_eq(r.err, "");
	run_free(&r);

	/* A cycle of links named like a connector: reported as unreadable,
	 * and the walk goes on. */
	ck_assert(symlink("loop2.xml", tpath("walk/sub/loop1.xml")) == 0);
	ck_assert(symlink("loop1.xml", tpath("walk/sub/loop2.xml")) == 0);
	r = RUN("--format", "json", dir);
	ck_assert_msg(r.status == 2, "status %d\n%s", r.status, r.err);
	ck_assert_int_eq(count_of(r.out, "\"CL004\""), 2);
	ASSERT_CONTAINS(r.err, "loop1.xml: ");
	ASSERT_CONTAINS(r.err, "loop2.xml: ");
	ck_assert_int_eq(count_of(r.err, "\n"), 2);
	run_free(&r);
}
END_TEST

/* ---- hostile time and memory (issue 16) ------------------------------ */

/*
 * Shapes that took time (or memory) quadratic in their size. Each run
 * here has an alarm of CL_LINEAR_SECONDS of wall time (4 times that in a
 * sanitizer build) and RLIMIT_AS of CL_LINEAR_AS (a sanitizer build's
 * peak RSS is held to 4 times that instead), and each input is sized so
 * that the quadratic code needed far more than that, as the comments say
 * (measured on the project's 2-core machine), while the linear code
 * needs well under a second. docs/performance.md, "Hostile shapes", has
 * the figures; `make bench` measures the same shapes at two sizes.
 */
#define CL_LINEAR_SECONDS 8u
#define CL_LINEAR_AS ((rlim_t)512 * MIB)

static void
linear_limits(void)
{
	limit_seconds = CL_LINEAR_SECONDS;
	limit_as = CL_LINEAR_AS;
}

/* The bounds the run itself cannot enforce: time as measured, and a
 * sanitizer build's memory. */
static void
assert_linear(const struct run *r, const char *what)
{
	ck_assert_msg(r->seconds < (double)run_seconds(binary_is_sanitized()),
	              "%s took %.1f s", what, r->seconds);
	ck_assert_msg(!binary_is_sanitized() ||
	                  (size_t)r->maxrss_kib * 1024 < 4 * CL_LINEAR_AS,
	              "%s used %ld KiB", what, r->maxrss_kib);
}

static void
a_placeholders(FILE *f)
{
	put_repeat(f, "{{a}} ", 20 * 1000);
}

/*
 * B9: 20,000 CL104 on one line of 120 KB. Every fingerprint took in a
 * copy of the whole line, and those copies were sorted: 10,000 findings
 * took 6.7 s and 643 MB, 20,000 took 29 s and 2.4 GB (here: out of
 * memory). SARIF, writing a baseline and reading one all compute them.
 */
START_TEST(fingerprints_on_one_long_line)
{
	char baseline[4200];
	const char *path = tpath("one-line.xml");
	struct run r;

	snprintf(baseline, sizeof(baseline), "%s", tpath("one-line.baseline"));
	write_connector(path, NULL, a_placeholders);
	linear_limits();
	r = RUN("--format", "sarif", path);
	assert_linear(&r, "--format sarif");
	ck_assert_msg(r.status == 1, "status %d\n%.2000s", r.status, r.err);
	ck_assert_uint_ge(count_of(r.out, "\"connlint/v1\": \""), 20 * 1000);
	run_free(&r);
	r = RUN("--format", "gcc", "--write-baseline", baseline, path);
	assert_linear(&r, "--write-baseline");
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	r = RUN("--format", "gcc", "--baseline", baseline, path);
	assert_linear(&r, "--baseline");
	ck_assert_msg(r.status == 0, "status %d\n%.2000s", r.status, r.err);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, "findings held back by the baseline");
	run_free(&r);
}
END_TEST

/*
 * B10: attribute values holding a reference are handed over decoded, so
 * their spans are found in the raw start tag; each name was looked up
 * among all of the tag's: 200,000 such attributes in one tag took 84 s
 * (libxml2 itself, quadratic in the attributes of a tag, about 10 s).
 * Now a tag with more than 1,000 attributes is CL001 before libxml2 sees
 * it, and spans are found in one pass: 40 tags at the limit still get
 * every attribute's span right.
 */
START_TEST(attributes_with_references)
{
	const char *crowded = tpath("crowded.xml"), *many = tpath("many.xml");
	char line[32768], expect[64];
	FILE *f = create(crowded);
	struct run r;
	size_t len = 0;
	unsigned i, k;

	fputs(XML_DECL CONNECTOR_OPEN "<description", f);
	for (i = 0; i < 200 * 1000; i++)
		fprintf(f, " a%u=\"x&amp;y\"", i);
	fputs(">D</description></connector>\n", f);
	finish(f, crowded);
	linear_limits();
	r = RUN("--format", "gcc", crowded);
	assert_linear(&r, crowded);
	assert_one_cl001(&r, crowded,
	                 "element `<description>` has more than "
	                 "1,000 attributes, the parser's limit");
	ASSERT_CONTAINS(r.out, ":3:1:");
	run_free(&r);

	/* 3 + 997 attributes, the last unknown ones 997 CL002 each. */
	f = create(many);
	fputs(XML_DECL CONNECTOR_OPEN "<variables>\n", f);
	for (k = 0; k < 40; k++) {
		len = (size_t)snprintf(line, sizeof(line),
		                       "<variable key=\"k%u\" "
		                       "label=\"L\" required=\"true\"",
		                       k);
		for (i = 0; i < 997; i++)
			len += (size_t)snprintf(line + len, sizeof(line) - len,
			                        " x%u=\"&amp;%u\"", i, i);
		fprintf(f, "%s/>\n", line);
	}
	fputs("</variables>\n</connector>\n", f);
	finish(f, many);
	r = RUN("--format", "gcc", many);
	assert_linear(&r, many);
	ck_assert_int_eq(r.status, 1);
	ASSERT_LACKS(r.out, "[CL001]");
	ck_assert_uint_eq(count_of(r.out, "unknown attribute `x"), 40 * 997);
	/* The last one: line 4 + 39, at its name. */
	snprintf(expect, sizeof(expect),
	         ":43:%zu: error: unknown attribute `x996`",
	         (size_t)(strstr(line, " x996=") - line) + 2);
	ASSERT_CONTAINS(r.out, expect);
	run_free(&r);
}
END_TEST

static void
undefined_few(FILE *f)
{
	fputs("{{one}} {{two}} {{three}}", f);
}

static void
malformed_placeholders(FILE *f)
{
	put_repeat(f, "{{ x}}", 1000 * 1000);
}

/*
 * B11: a million malformed placeholders in one body. Each scan looked for
 * "[[" through the whole rest of the text first: 31 s.
 */
START_TEST(malformed_placeholder_flood)
{
	const char *path = tpath("malformed.xml");
	struct run r;

	write_connector(path, NULL, malformed_placeholders);
	linear_limits();
	r = RUN("--format", "gcc", path);
	assert_linear(&r, path);
	ck_assert_int_eq(r.status, 1);
	ASSERT_CONTAINS(r.out, "malformed placeholder `{{ x}}`");
	ASSERT_LACKS(r.out, "[CL001]");
	run_free(&r);
}
END_TEST

/*
 * B12: 20,000 connector variables and 20,000 undefined placeholders.
 * "Did you mean" compared each placeholder with every variable (and the
 * lookups ignoring case, the exact ones and CL110's set of keys scanned
 * them all): 10,000 of each took 23 s, 20,000 took 121 s. The last
 * placeholder is one typo from the second variable.
 */
START_TEST(near_misses_among_many_variables)
{
	const char *path = tpath("variables.xml");
	FILE *f = create(path);
	struct run r;
	unsigned i, n = 20 * 1000;

	fputs(XML_DECL CONNECTOR_OPEN "<variables>\n", f);
	for (i = 0; i < n; i++)
		fprintf(
		    f,
		    "<variable key=\"var_%u\" label=\"V\" required=\"true\"/>\n",
		    i);
	fputs(
	    "</variables>\n" AUTH_METHODS "<endpoints>\n"
	    "  <endpoint id=\"ping\" name=\"Ping\" entity=\"Ping\" direction=\"send\""
	    " method=\"POST\" data-type=\"json\">\n    <url>https://api.example.com/v1"
	    "</url>\n    <body data-type=\"json\"><content>\n",
	    f);
	for (i = 0; i + 1 < n; i++)
		fprintf(f, "{{nope_%u}}\n", i);
	fputs(
	    "{{var_1x}}\n</content></body>\n    <enable auth-method=\"key\"/>\n"
	    "  </endpoint>\n</endpoints>\n</connector>\n",
	    f);
	finish(f, path);
	linear_limits();
	r = RUN("--format", "gcc", path);
	assert_linear(&r, path);
	ck_assert_int_eq(r.status, 1);
	ck_assert_uint_eq(count_of(r.out, "[CL104]"), n);
	ASSERT_CONTAINS(
	    r.out, "undefined placeholder `{{var_1x}}`: no variable "
	           "`var_1x` is in scope for endpoint `ping`; did you mean "
	           "`var_1`?");
	run_free(&r);
}
END_TEST

/*
 * B13: 150,000 disable/enable pairs, every other one around a variable
 * whose CL101 it suppresses, the others suppressing nothing (CL009).
 * Each diagnostic was checked against every suppression, and each
 * disable looked for an open one through all of them: 50,000 pairs took
 * 2.9 s, 150,000 took 24 s. (Its 75,000 CL009 stay under the cap of
 * 100,000 findings a file.)
 */
START_TEST(suppression_pairs)
{
	const char *path = tpath("suppressions.xml");
	FILE *f = create(path);
	struct run r;
	unsigned i, n = 150 * 1000;

	fputs(XML_DECL CONNECTOR_OPEN "<variables>\n", f);
	for (i = 0; i < n; i++) {
		fputs("<!-- connlint-disable CL101 -->", f);
		if (i % 2 == 0)
			fprintf(
			    f,
			    "<variable key=\"v%u\" label=\"V\" required=\"true\"/>",
			    i);
		fputs("<!-- connlint-enable CL101 -->\n", f);
	}
	fputs("</variables>\n" AUTH_METHODS "</connector>\n", f);
	finish(f, path);
	linear_limits();
	r = RUN("--format", "gcc", path);
	assert_linear(&r, path);
	ck_assert_int_eq(r.status, 1);
	ASSERT_LACKS(r.out, "[CL101]");
	ck_assert_uint_eq(count_of(r.out, "[CL009]"), n / 2);
	run_free(&r);
}
END_TEST

/*
 * The text format drew each related location ("disabled here") by
 * counting its line from the start: 16,000 notes on one long line took
 * 27 s against 0.2 s in the gcc format. The byte column of a related
 * location is known, as a diagnostic's is.
 */
START_TEST(related_notes_on_one_long_line)
{
	const char *path = tpath("notes.xml");
	FILE *f = create(path);
	struct run r;
	unsigned i, n = 16 * 1000;

	fputs(XML_DECL CONNECTOR_OPEN "<variables>", f);
	for (i = 0; i < n; i++)
		fputs("<!-- connlint-disable CL101 --><!-- connlint-disable "
		      "CL101 --><!-- connlint-enable CL101 -->",
		      f);
	fputs("</variables>\n" AUTH_METHODS "</connector>\n", f);
	finish(f, path);
	linear_limits();
	r = RUN("--quiet", path);
	assert_linear(&r, path);
	ck_assert_int_eq(r.status, 1);
	ck_assert_uint_eq(count_of(r.out, ": note: disabled here"), n);
	run_free(&r);
}
END_TEST

/*
 * B14: --baseline read lines of any length, and a failed allocation read
 * as the end of the file: /dev/zero grew to gigabytes, or under a memory
 * limit gave an empty baseline without a word; a FIFO with no writer
 * hung. Now only a regular file of at most 64 MiB, with lines of at most
 * 1 MiB, is read, and anything else is exit status 2 with
 * "connlint: PATH: reason". A UTF-8 byte order mark is skipped.
 */
START_TEST(baseline_files)
{
	static const char entry[] =
	    "# connlint baseline 1: fingerprint, rule, file\n"
	    "0123456789abcdef0123456789abcdef\tCL104\t";
	char sparse[4200], longline[4200], fifo[4200], bom[4200], plain[4200];
	const char *doc = tpath("doc.xml");
	char expect[4400];
	struct run r;
	FILE *f;
	int fd;

	snprintf(sparse, sizeof(sparse), "%s", tpath("sparse.baseline"));
	snprintf(longline, sizeof(longline), "%s", tpath("long.baseline"));
	snprintf(fifo, sizeof(fifo), "%s", tpath("fifo.baseline"));
	snprintf(bom, sizeof(bom), "%s", tpath("bom.baseline"));
	snprintf(plain, sizeof(plain), "%s", tpath("plain.baseline"));
	write_connector(doc, NULL, undefined_few);
	linear_limits();

	if (!access("/dev/zero", R_OK)) {
		r = RUN("--format", "gcc", "--baseline", "/dev/zero", doc);
		assert_linear(&r, "/dev/zero");
		ck_assert_msg(r.status == 2, "status %d\n%.2000s", r.status,
		              r.err);
		ck_assert_str_eq(r.err,
		                 "connlint: /dev/zero: not a regular file\n");
		ck_assert_str_eq(r.out, "");
		run_free(&r);
	}

	/* A FIFO nobody writes to: refused at once, never waited on. */
	ck_assert_msg(mkfifo(fifo, 0600) == 0, "mkfifo: %s", strerror(errno));
	r = RUN("--format", "gcc", "--baseline", fifo, doc);
	ck_assert_int_eq(r.status, 2);
	snprintf(expect, sizeof(expect), "connlint: %s: not a regular file\n",
	         fifo);
	ck_assert_str_eq(r.err, expect);
	run_free(&r);
	r = RUN("--format", "gcc", "--baseline", tmpdir, doc);
	ck_assert_int_eq(r.status, 2);
	snprintf(expect, sizeof(expect), "connlint: %s: is a directory\n",
	         tmpdir);
	ck_assert_str_eq(r.err, expect);
	run_free(&r);

	/* A valid entry whose file name runs on for 200 MB (of NULs, a
	 * sparse file): past the size limit. */
	write_text(sparse, entry);
	fd = open(sparse, O_WRONLY);
	ck_assert(fd >= 0 && ftruncate(fd, (off_t)200 * MIB) == 0 &&
	          close(fd) == 0);
	r = RUN("--format", "gcc", "--baseline", sparse, doc);
	assert_linear(&r, sparse);
	ck_assert_int_eq(r.status, 2);
	snprintf(expect, sizeof(expect),
	         "connlint: %s: larger than 64 MiB; not "
	         "a baseline file\n",
	         sparse);
	ck_assert_str_eq(r.err, expect);
	run_free(&r);

	/* The same with a 2 MiB line: within the size limit, not the line's. */
	f = create(longline);
	fputs(entry, f);
	put_repeat(f, "x", 2 * MIB);
	fputs("\n", f);
	finish(f, longline);
	r = RUN("--format", "gcc", "--baseline", longline, doc);
	assert_linear(&r, longline);
	ck_assert_int_eq(r.status, 2);
	snprintf(expect, sizeof(expect),
	         "connlint: %s:2: line longer than 1 MiB; "
	         "not a baseline entry\n",
	         longline);
	ck_assert_str_eq(r.err, expect);
	run_free(&r);

	/* A baseline saved by an editor that adds a byte order mark. */
	r = RUN("--format", "gcc", "--write-baseline", plain, doc);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	{
		size_t n;
		char *text = read_back(fd = open(plain, O_RDONLY), &n);

		close(fd);
		f = create(bom);
		fputs("\xef\xbb\xbf", f);
		fwrite(text, 1, n, f);
		finish(f, bom);
		free(text);
	}
	r = RUN("--format", "gcc", "--baseline", bom, doc);
	ck_assert_msg(r.status == 0, "status %d\n%.2000s", r.status, r.err);
	ck_assert_str_eq(r.out, "");
	ASSERT_CONTAINS(r.err, "3 findings held back by the baseline");
	run_free(&r);
}
END_TEST

static Suite *
hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("hostile");

	/* Above the per-run alarm times the runs a test makes: a guard. */
	tcase_set_timeout(tc, 1800);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, exponential_entity_bomb);
	tcase_add_test(tc, quadratic_entity_blowup);
	tcase_add_test(tc, external_entities);
	tcase_add_test(tc, parameter_entities);
	tcase_add_test(tc, million_elements);
	tcase_add_test(tc, deep_nesting);
	tcase_add_test(tc, ten_megabyte_attribute);
	tcase_add_test(tc, one_megabyte_line);
	tcase_add_test(tc, invalid_utf8);
	tcase_add_test(tc, utf16_with_bom);
	tcase_add_test(tc, nul_bytes);
	tcase_add_test(tc, placeholder_floods);
	tcase_add_test(tc, fifo_path);
	tcase_add_test(tc, fifo_in_walked_directory);
	tcase_add_test(tc, dev_zero_path);
	tcase_add_test(tc, symlink_loop_in_walk);
	tcase_add_test(tc, fingerprints_on_one_long_line);
	tcase_add_test(tc, attributes_with_references);
	tcase_add_test(tc, malformed_placeholder_flood);
	tcase_add_test(tc, near_misses_among_many_variables);
	tcase_add_test(tc, suppression_pairs);
	tcase_add_test(tc, related_notes_on_one_long_line);
	tcase_add_test(tc, baseline_files);
	suite_add_tcase(s, tc);
	return s;
}

CL_CHECK_MAIN(hostile_suite)
