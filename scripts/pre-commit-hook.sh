#!/bin/sh
# The `connlint` pre-commit hook (.pre-commit-hooks.yaml): builds connlint
# from the repository this script is in, once, into a cache folder, then
# runs it on the files pre-commit passes.
#
#   cache: $CONNLINT_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/connlint-pre-commit,
#          one build per hook repository path (pre-commit keeps one
#          checkout per rev, so a new rev gets a new build)
#   CONNLINT_REBUILD=1  run make again (for a hook repository whose sources
#                       change, e.g. with `pre-commit try-repo`)
#
# Build dependencies are installed the way the Makefile does it (make deps:
# with apt-get as root, otherwise the exact sudo command is printed and the
# hook fails).
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd -P)
cache_root=${CONNLINT_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/connlint-pre-commit}
key=$(printf '%s' "$repo" | cksum | cut -d ' ' -f 1)
build=$cache_root/$key
bin=$build/connlint

if [ ! -x "$bin" ] || [ "${CONNLINT_REBUILD:-}" = 1 ]; then
	mkdir -p "$build"
	# Two hooks or two terminals building at once would clash.
	if command -v flock >/dev/null 2>&1; then
		exec 9>"$build.lock"
		flock 9
	fi
	if [ ! -x "$bin" ] || [ "${CONNLINT_REBUILD:-}" = 1 ]; then
		echo "connlint: building connlint from $repo into $build (once)" >&2
		# make talks on standard output, which is for the findings.
		make -C "$repo" --no-print-directory deps >&2
		make -C "$repo" --no-print-directory BUILD="$build" "$bin" >&2
	fi
fi
exec "$bin" "$@"
