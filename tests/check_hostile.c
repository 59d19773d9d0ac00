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
static const char *tpath(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

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
		struct rlimit as = { CL_HOSTILE_AS_LIMIT, CL_HOSTILE_AS_LIMIT };
		struct rlimit fs = { CL_HOSTILE_FSIZE_LIMIT, CL_HOSTILE_FSIZE_LIMIT };
		struct rlimit core = { 0, 0 };
		int in = open("/dev/null", O_RDONLY);

		if (in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
			_exit(126);
		if (!sanitized)
			setrlimit(RLIMIT_AS, &as);
		setrlimit(RLIMIT_FSIZE, &fs);
		setrlimit(RLIMIT_CORE, &core);
		alarm(sanitized ? CL_HOSTILE_SECONDS_SANITIZED : CL_HOSTILE_SECONDS);
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
	              sanitized ? CL_HOSTILE_SECONDS_SANITIZED : CL_HOSTILE_SECONDS);
	ck_assert_msg(r.signal == 0, "connlint %s killed by signal %d (%s); stderr:\n%.2000s",
	              what, r.signal, strsignal(r.signal), r.err);
	ck_assert_msg(r.status != 126 && r.status != 127, "cannot run %s", binary());
	/* Under RLIMIT_AS a failed allocation aborts (signal, above) or
	 * exits with a message; either way, this is the bound the brief
	 * sets for every input, sanitizer builds measured instead. */
	ck_assert_msg(sanitized ||
	              (size_t)r.maxrss_kib * 1024 < CL_HOSTILE_AS_LIMIT,
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

#define ASSERT_CONTAINS(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, \
	              "expected to find \"%s\" in:\n%.4000s", (needle), (hay))
#define ASSERT_LACKS(hay, needle) \
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
	ck_assert_msg(count_of(r->out, "[CL001]") == 1, "more than one CL001:\n%.4000s",
	              r->out);
	ck_assert_str_eq(r->err, "");
}

/* ---- the documents ---------------------------------------------------- */

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define CONNECTOR_OPEN \
	"<connector format=\"1\" name=\"Hostile\" version=\"1\" " \
	"system-type=\"CRM\" protocol=\"HTTP\">\n"
#define AUTH_METHODS \
	"<auth-methods>\n" \
	"  <auth-method id=\"key\" name=\"API key\" type=\"token\">\n" \
	"    <url>https://api.example.com/v1/me</url>\n" \
	"    <variables><variable key=\"token\" label=\"Token\" required=\"true\"" \
	" secret=\"true\"/></variables>\n" \
	"    <headers><param key=\"X-Api-Key\" value=\"{{token}}\"/></headers>\n" \
	"  </auth-method>\n" \
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
	fputs("  <endpoint id=\"ping\" name=\"Ping\" entity=\"Ping\" direction=\"send\""
	      " method=\"POST\" data-type=\"json\">\n    <url>", f);
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
	      "</connector>\n", f);
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
	      "<description>&lol9;&lol9;</description></connector>\n", f);
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
			fputs("<connector format=\"1\" name=\"N\"><description>", f);
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
	snprintf(doc, sizeof(doc), "<!ENTITY x \"%s\">\n<!ENTITY y SYSTEM \"%s\">\n",
	         SECRET, secret_url);
	write_text(dtd, doc);

	/* An external general entity, by file: and by http: (a closed port:
	 * nothing may be fetched, and nothing may wait for it). */
	snprintf(doc, sizeof(doc),
	         XML_DECL "<!DOCTYPE connector [ <!ENTITY xxe SYSTEM \"%s\"> ]>\n"
	         "<connector format=\"1\" name=\"N\"><description>&xxe;</description>"
	         "</connector>\n", secret_url);
	write_text(file_ent, doc);
	write_text(http_ent,
	           XML_DECL "<!DOCTYPE connector [ <!ENTITY xxe SYSTEM "
	           "\"http://127.0.0.1:9/secret\"> ]>\n"
	           "<connector format=\"1\" name=\"&xxe;\"/>\n");
	/* An external DTD declaring the entities: never loaded, so the
	 * reference is to an undeclared entity. */
	snprintf(doc, sizeof(doc),
	         XML_DECL "<!DOCTYPE connector SYSTEM \"%s\">\n"
	         "<connector format=\"1\" name=\"&x;\"><description>&y;</description>"
	         "</connector>\n", dtd_url);
	write_text(file_dtd, doc);
	write_text(http_dtd,
	           XML_DECL "<!DOCTYPE connector SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
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
	         "<connector format=\"1\" name=\"&x;\"/>\n", dtd_url);
	write_text(external, doc);

	r = RUN("--format", "gcc", internal);
	assert_one_cl001(&r, internal, "parameter entity `%decl;` is not expanded");
	ASSERT_CONTAINS(r.out, ":4:3:");
	run_free(&r);
	r = RUN("--format", "gcc", external);
	assert_one_cl001(&r, external, "parameter entity `%ext;` is not expanded");
	ASSERT_LACKS(r.out, SECRET);
	run_free(&r);
}
END_TEST

/* ---- size and shape --------------------------------------------------- */

START_TEST(million_elements)
{
	const char *path = tpath("million.xml");
	FILE *f = create(path);
	static const char head[] = XML_DECL CONNECTOR_OPEN AUTH_METHODS "<endpoints>\n";
	struct run r;
	unsigned i, n = 1000 * 1000 / 3, last_line;
	char expect[64];

	/* 333,333 endpoints of three elements each: a million elements,
	 * about 45 MB, under the 64 MiB limit. Every endpoint is clean but
	 * the last, whose diagnostic shows the whole file was read. */
	fputs(head, f);
	last_line = (unsigned)count_of(head, "\n"); /* then one line each */
	for (i = 0; i < n; i++) {
		fprintf(f, "<endpoint id=\"e%u\" name=\"Endpoint %u\" entity=\"E\" "
		        "direction=\"receive\" method=\"GET\"><url>https://api.example."
		        "com/v1/e%u</url><enable auth-method=\"%s\"/></endpoint>\n",
		        i, i, i, i + 1 == n ? "kex" : "key");
		last_line++;
	}
	fputs("</endpoints>\n</connector>\n", f);
	finish(f, path);
	r = RUN("--format", "gcc", path);
	ck_assert_msg(r.status == 1, "status %d; stderr:\n%.2000s", r.status, r.err);
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

	fputs(XML_DECL CONNECTOR_OPEN AUTH_METHODS "<endpoints>\n"
	      "<endpoint id=\"e\" name=\"E\" entity=\"E\" direction=\"receive\" method=\"GET\">"
	      "<url>https://api.example.com/v1/e</url>"
	      "<url-params><param key=\"q\" value=\"", f);
	huge_value(f);
	fputs("\"/></url-params><enable auth-method=\"key\"/></endpoint>\n"
	      "</endpoints>\n</connector>\n", f);
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
	         strlen(head) + 5 * filler + (size_t)(strstr(tail, "kex") - tail) + 1);
	ASSERT_CONTAINS(r.out, expect);
	run_free(&r);
}
END_TEST

/* ---- encodings -------------------------------------------------------- */

START_TEST(invalid_utf8)
{
	const char *path = tpath("latin1.xml");
	static const char doc[] = XML_DECL
		"<connector format=\"1\" name=\"Caf\xe9\"/>\n";
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
	static const char doc[] = XML_DECL
		"<connector format=\"1\" name=\"N\0\0\0\"/>\n";
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
		{ "unclosed-url.xml", url_unclosed, NULL, "[CL106]", 100 * 1000 },
		{ "undefined-body.xml", NULL, undefined, "[CL104]", 100 * 1000 },
		{ "undefined-url.xml", url_undefined, NULL, "[CL104]", 100 * 1000 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *path = tpath("%s", cases[i].name);
		struct run r;

		write_connector(path, cases[i].url, cases[i].content);
		r = RUN("--format", "gcc", path);
		ck_assert_msg(r.status == 0 || r.status == 1, "%s: status %d\n%.2000s",
		              path, r.status, r.err);
		ASSERT_LACKS(r.out, "[CL001]");
		if (cases[i].expect)
			ck_assert_msg(count_of(r.out, cases[i].expect) >= cases[i].count,
			              "%s: %zu of %s, expected %zu", path,
			              count_of(r.out, cases[i].expect), cases[i].expect,
			              cases[i].count);
		ck_assert_str_eq(r.err, "");
		run_free(&r);
		/* The text format quotes the (long) line for every one. */
		r = RUN("--quiet", path);
		ck_assert_msg(r.status == 0 || r.status == 1, "%s: status %d", path,
		              r.status);
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
		if (fd < 0 || write(fd, doc, sizeof(doc) - 1) != (ssize_t)(sizeof(doc) - 1))
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
	write_text(tpath("tree/real.xml"), XML_DECL "<connector format=\"1\" name=\"N\"/>\n");
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
	write_text(tpath("walk/a.xml"), XML_DECL "<connector format=\"1\" name=\"A\"/>\n");
	write_text(tpath("walk/sub/b.xml"), XML_DECL "<connector format=\"1\" name=\"B\"/>\n");
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
	ck_assert_msg(count_of(r.out, "\"CL004\"") == 2, "files linted:\n%s", r.out);
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
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(hostile_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
