#!/bin/sh
# connlint under valgrind memcheck, for tests that spawn the binary
# (make check-valgrind runs the language server's protocol tests through
# it): any memcheck error or definite leak makes the exit status 99.
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	--error-exitcode=99 "${CONNLINT_REAL:-build/connlint}" "$@"
