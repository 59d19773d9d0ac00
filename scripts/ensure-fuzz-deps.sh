#!/bin/sh
# Makes sure the fuzzing toolchain is present: clang and its libFuzzer and
# sanitizer runtimes (Debian: libclang-rt-N-dev, which clang itself only
# recommends). As root it installs what is missing with apt-get; otherwise
# it prints the exact command and fails. The build dependencies proper
# (libxml2, PCRE2, pkg-config) are scripts/ensure-deps.sh's business.
# Usage: scripts/ensure-fuzz-deps.sh   (FUZZ_CC: the compiler, default clang)
set -eu
cc=${FUZZ_CC:-clang}
missing=""
need() { case " $missing " in *" $1 "*) ;; *) missing="$missing $1" ;; esac; }

# The runtime package is versioned like the compiler; Debian 12's clang is 14.
major=14
if command -v "$cc" >/dev/null 2>&1; then
	major=$("$cc" -dumpversion 2>/dev/null | cut -d. -f1)
	case $major in '' | *[!0-9]*) major=14 ;; esac
	# Linking a do-nothing fuzzer is the only reliable test for the
	# runtimes: their directory differs between clang builds.
	probe=$(mktemp -d)
	trap 'rm -rf "$probe"' EXIT
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
	    >"$probe/probe.c"
	"$cc" -fsanitize=fuzzer,address,undefined -o "$probe/probe" "$probe/probe.c" \
	    >/dev/null 2>&1 || need "libclang-rt-$major-dev"
else
	need clang
	need "libclang-rt-$major-dev"
fi

[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "connlint: installing missing fuzzing dependencies:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >&2
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >&2
else
	echo "connlint: missing fuzzing dependencies:$missing" >&2
	echo "connlint: install them with:" >&2
	echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
