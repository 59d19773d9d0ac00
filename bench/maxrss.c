/*
 * bench/maxrss: runs a command and writes its peak resident set size, in
 * kilobytes, to a file; for systems without GNU time (`time -f %M -o`).
 *
 *     maxrss OUTFILE COMMAND [ARG...]
 *
 * Exits with the command's exit status (128 + signal when it was killed),
 * like GNU time does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	FILE *out;
	pid_t pid;
	int status;

	if (argc < 3) {
		fprintf(stderr, "usage: maxrss OUTFILE COMMAND [ARG...]\n");
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		perror("maxrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 || getrusage(RUSAGE_CHILDREN, &ru)) {
		perror("maxrss: wait");
		return 2;
	}
	out = fopen(argv[1], "w");
	/* ru_maxrss is in kilobytes on Linux; the only child waited for is
	 * the command, so this is its peak. */
	if (!out || fprintf(out, "%ld\n", ru.ru_maxrss) < 0 || fclose(out)) {
		perror(argv[1]);
		return 2;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
