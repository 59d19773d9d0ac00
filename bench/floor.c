/*
 * bench/floor: the floor for a libxml2 checker (issue 15): every file
 * read into memory and SAX2-parsed with no callback at all, one after
 * another, as connlint -j 1 reads and parses them. make bench times it
 * next to connlint and xmllint --noout.
 *
 *     floor FILE...
 *
 * Exits 1 when a file cannot be read or is not well-formed, so that the
 * floor is never the time of failing early.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

static int
parse_file(const char *path, char **buf, size_t *alloc)
{
	xmlSAXHandler sax;
	struct stat st;
	ssize_t n;
	size_t len = 0;
	int fd = open(path, O_RDONLY), rc;

	if (fd < 0 || fstat(fd, &st))
		return -1;
	if ((size_t)st.st_size + 1 > *alloc) {
		*alloc = (size_t)st.st_size + 1;
		if (!(*buf = realloc(*buf, *alloc)))
			return -1;
	}
	while ((n = read(fd, *buf + len, *alloc - len)) > 0)
		len += (size_t)n;
	close(fd);
	memset(&sax, 0, sizeof(sax));
	/* SAX2 with nothing to call: what parsing alone costs */
	sax.initialized = XML_SAX2_MAGIC;
	rc = xmlSAXUserParseMemory(&sax, NULL, *buf, (int)len);
	return rc ? -1 : 0;
}

int
main(int argc, char **argv)
{
	char *buf = NULL;
	size_t alloc = 0;
	int i, bad = 0;

	xmlInitParser();
	for (i = 1; i < argc; i++)
		if (parse_file(argv[i], &buf, &alloc)) {
			fprintf(stderr, "floor: %s: cannot read or parse\n",
			        argv[i]);
			bad = 1;
		}
	free(buf);
	xmlCleanupParser();
	return bad;
}
