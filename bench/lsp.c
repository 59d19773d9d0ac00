/*
 * bench/lsp: the language server's latency and memory, as make bench
 * reports them (docs/benchmark.md).
 *
 *     lsp CONNLINT TYPICAL.xml
 *
 * Starts `CONNLINT lsp --no-config` with no debounce, opens TYPICAL.xml,
 * and times didChange → publishDiagnostics of that version (the server's
 * lint and the two pipe hops: an upper bound of the server's time) over
 * 200 edits; then the same for a 1 MB connector built here; then sends
 * 10,000 edits to the typical one and reads the server's resident memory
 * after 1,000 and after 10,000 of them.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int to_server, from_server;
static pid_t server;
static char *inbuf;
static size_t inlen, inalloc;

static void
die(const char *what)
{
	fprintf(stderr, "bench/lsp: %s\n", what);
	if (server)
		kill(server, SIGKILL);
	exit(1);
}

static void
send_raw(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(to_server, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			die("the server stopped reading");
		p += w;
		n -= (size_t)w;
	}
}

static void
send_msg(const char *body)
{
	char head[64];

	snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n",
	         strlen(body));
	send_raw(head, strlen(head));
	send_raw(body, strlen(body));
}

/* Reads what is there (waiting up to TIMEOUT_MS); 0 when nothing came. */
static int
fill(int timeout_ms)
{
	struct pollfd p = { 0, POLLIN, 0 };
	ssize_t r;

	p.fd = from_server;
	if (poll(&p, 1, timeout_ms) <= 0)
		return 0;
	if (inalloc < inlen + 65537) {
		inalloc = (inlen + 65537) * 2;
		if (!(inbuf = realloc(inbuf, inalloc)))
			die("out of memory");
	}
	r = read(from_server, inbuf + inlen, 65536);
	if (r <= 0)
		die("the server closed its output");
	inlen += (size_t)r;
	inbuf[inlen] = '\0';
	return 1;
}

/* The next message's body (malloc'd), or NULL after TIMEOUT_MS. */
static char *
next_msg(int timeout_ms)
{
	for (;;) {
		char *h = inlen ? strstr(inbuf, "\r\n\r\n") : NULL;

		if (h) {
			size_t head = (size_t)(h - inbuf) + 4;
			size_t n = strtoul(inbuf + 16, NULL, 10);

			if (inlen >= head + n) {
				char *body = malloc(n + 1);

				memcpy(body, inbuf + head, n);
				body[n] = '\0';
				memmove(inbuf, inbuf + head + n,
				        inlen - head - n);
				inlen -= head + n;
				inbuf[inlen] = '\0';
				return body;
			}
		}
		if (!fill(timeout_ms))
			return NULL;
	}
}

/* Waits for the diagnostics of VERSION. */
static void
wait_version(long version)
{
	char want[64];

	snprintf(want, sizeof(want), "\"version\":%ld,", version);
	for (;;) {
		char *m = next_msg(30000);

		if (!m)
			die("no diagnostics within 30 s");
		if (strstr(m, "publishDiagnostics") && strstr(m, want)) {
			free(m);
			return;
		}
		free(m);
	}
}

/* A request about URI and its answer: by then the server has caught up
 * with every edit sent before it. */
static void
sync_with(const char *uri, int id)
{
	char req[256], want[32];

	snprintf(req, sizeof(req),
	         "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":"
	         "\"textDocument/documentSymbol\",\"params\":{\"textDocument\":"
	         "{\"uri\":\"%s\"}}}",
	         id, uri);
	send_msg(req);
	snprintf(want, sizeof(want), "\"id\":%d,", id);
	for (;;) {
		char *m = next_msg(30000);

		if (!m)
			die("no answer within 30 s");
		if (strstr(m, want) && !strstr(m, "\"method\"")) {
			free(m);
			return;
		}
		free(m);
	}
}

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* TEXT as a JSON string (malloc'd). */
static char *
json_string(const char *text)
{
	size_t n = strlen(text), i, o = 0;
	char *s = malloc(n * 6 + 3);

	s[o++] = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '"' || c == '\\') {
			s[o++] = '\\';
			s[o++] = (char)c;
		} else if (c < 0x20) {
			o += (size_t)sprintf(s + o, "\\u%04x", c);
		} else {
			s[o++] = (char)c;
		}
	}
	s[o++] = '"';
	s[o] = '\0';
	return s;
}

static void
open_doc(const char *uri, const char *text)
{
	char *js = json_string(text);
	char *m = malloc(strlen(js) + 512);

	sprintf(m,
	        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
	        "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"languageId\":"
	        "\"xml\",\"version\":1,\"text\":%s}}}",
	        uri, js);
	send_msg(m);
	free(m);
	free(js);
	wait_version(1);
}

/* Version V of URI: at line 1, character 0, insert (odd V) or delete
 * (even V) a space, so that the text alternates between two states. */
static void
edit(const char *uri, long v)
{
	char m[512];

	snprintf(
	    m, sizeof(m),
	    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
	    "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":%ld},"
	    "\"contentChanges\":[{\"range\":{\"start\":{\"line\":1,"
	    "\"character\":0},\"end\":{\"line\":1,\"character\":%d}},"
	    "\"text\":\"%s\"}]}}",
	    uri, v, v % 2 ? 0 : 1, v % 2 ? " " : "");
	send_msg(m);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Times N edits of URI from version *V on; prints median and p95. */
static void
latency(const char *label, const char *uri, long *v, int n)
{
	double *t = malloc(sizeof(*t) * (size_t)n);
	int i;

	for (i = 0; i < n; i++) {
		double t0 = now_ms();

		edit(uri, ++*v);
		wait_version(*v);
		t[i] = now_ms() - t0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	printf("  %-40s median %7.2f ms   p95 %7.2f ms   (%d edits)\n", label,
	       t[n / 2], t[(n * 95) / 100], n);
	free(t);
}

static long
rss_kib(void)
{
	char path[64], line[256];
	FILE *f;
	long kib = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)server);
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmRSS:", 6))
			kib = strtol(line + 6, NULL, 10);
	fclose(f);
	return kib;
}

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET))
		die("cannot read the typical connector");
	buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		die("cannot read the typical connector");
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A connector of about 1 MB: one method, endpoints until the size. */
static char *
big_connector(void)
{
	size_t alloc = 1200000, len = 0;
	char *s = malloc(alloc);
	int i;

	len += (size_t)sprintf(
	    s + len,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<connector format=\"1\" name=\"Big\" system-type=\"Other\">\n"
	    "  <variables>\n"
	    "    <variable key=\"host\" label=\"Host\" required=\"true\"/>\n"
	    "  </variables>\n"
	    "  <auth-methods>\n"
	    "    <auth-method id=\"key\" name=\"API key\" type=\"token\">\n"
	    "      <url>https://{{host}}/api/me</url>\n"
	    "      <variables>\n"
	    "        <variable key=\"token\" label=\"API key\" required=\"true\" secret=\"true\" locked=\"true\"/>\n"
	    "        <use variable=\"host\"/>\n"
	    "      </variables>\n"
	    "      <headers>\n"
	    "        <param key=\"Authorization\" value=\"Bearer {{token}}\" locked=\"true\"/>\n"
	    "      </headers>\n"
	    "    </auth-method>\n"
	    "  </auth-methods>\n"
	    "  <endpoints>\n");
	for (i = 0; len < 1000000; i++)
		len += (size_t)sprintf(
		    s + len,
		    "    <endpoint id=\"list-%d\" name=\"List things %d\" entity=\"Thing%d\" direction=\"receive\"\n"
		    "              method=\"GET\" data-type=\"json\" multiple-records=\"true\">\n"
		    "      <url>https://{{host}}/api/things/%d?page={{page}}</url>\n"
		    "      <variables>\n"
		    "        <variable key=\"page\" label=\"Page\" default=\"1\"/>\n"
		    "      </variables>\n"
		    "      <enable auth-method=\"key\"/>\n"
		    "    </endpoint>\n",
		    i, i, i, i);
	len += (size_t)sprintf(s + len, "  </endpoints>\n</connector>\n");
	return s;
}

int
main(int argc, char **argv)
{
	int in[2], out[2];
	posix_spawn_file_actions_t fa;
	char *argvs[4], *typical, *big, *m;
	long v = 1, vb = 1, rss1 = -1, rss2;
	int i;

	if (argc != 3)
		die("usage: lsp CONNLINT TYPICAL.xml");
	signal(SIGPIPE, SIG_IGN);
	typical = read_file(argv[2]);
	big = big_connector();
	if (pipe(in) || pipe(out))
		die("pipe");
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_addclose(&fa, in[1]);
	posix_spawn_file_actions_addclose(&fa, out[0]);
	argvs[0] = argv[1];
	argvs[1] = "lsp";
	argvs[2] = "--no-config";
	argvs[3] = NULL;
	if (posix_spawn(&server, argv[1], &fa, NULL, argvs, environ))
		die("cannot start the server");
	close(in[0]);
	close(out[1]);
	to_server = in[1];
	from_server = out[0];
	send_msg("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
	         "\"params\":{\"capabilities\":{},\"initializationOptions\":"
	         "{\"debounceMs\":0}}}");
	if (!(m = next_msg(10000)))
		die("no answer to initialize");
	free(m);
	send_msg(
	    "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
	open_doc("file:///bench/typical.xml", typical);
	open_doc("file:///bench/big.xml", big);
	printf("lsp: didChange -> publishDiagnostics, connlint lsp --no-config,"
	       " no debounce\n");
	latency("typical connector", "file:///bench/typical.xml", &v, 200);
	{
		char label[64];

		snprintf(label, sizeof(label), "1 MB connector (%zu bytes)",
		         strlen(big));
		latency(label, "file:///bench/big.xml", &vb, 50);
	}
	/* memory: a stream of edits, drained as it goes */
	for (i = 1; i <= 10000; i++) {
		edit("file:///bench/typical.xml", ++v);
		while ((m = next_msg(0)))
			free(m);
		if (i == 1000) {
			sync_with("file:///bench/typical.xml", 10);
			rss1 = rss_kib();
		}
	}
	sync_with("file:///bench/typical.xml", 11);
	rss2 = rss_kib();
	printf("  server RSS: %ld KiB after 1,000 edits, %ld KiB after 10,000"
	       " (both documents open)\n",
	       rss1, rss2);
	send_msg("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
	send_msg("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	close(to_server);
	{
		int st;

		waitpid(server, &st, 0);
		if (!WIFEXITED(st) || WEXITSTATUS(st))
			die("the server did not exit 0");
	}
	free(typical);
	free(big);
	free(inbuf);
	return 0;
}
