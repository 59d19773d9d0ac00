#!/bin/sh
# Makes sure the build dependencies are present. As root it installs what is
# missing with apt-get; otherwise it prints the exact command and fails.
# Usage: scripts/ensure-deps.sh [build|test|bench]
set -eu
what=${1:-build}
missing=""
need() { case " $missing " in *" $1 "*) ;; *) missing="$missing $1" ;; esac; }

command -v cc >/dev/null 2>&1 || { need gcc; need libc6-dev; }
command -v pkg-config >/dev/null 2>&1 || need pkg-config
has_mod() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }
has_mod libxml-2.0 || need libxml2-dev
has_mod libpcre2-8 || need libpcre2-dev
# connlint lsp: the JSON of the Language Server Protocol.
has_mod json-c || need libjson-c-dev
if [ "$what" = test ] || [ "$what" = bench ]; then
	has_mod check || need check
	command -v xmllint >/dev/null 2>&1 || need libxml2-utils
	command -v valgrind >/dev/null 2>&1 || need valgrind
	command -v clang-format >/dev/null 2>&1 || need clang-format
	# tests/check_gitlab_markdown.c: GitHub's Markdown renderer, and
	# Debian's python3 with jsonschema for the GitLab report schemas.
	command -v cmark-gfm >/dev/null 2>&1 || need cmark-gfm
	/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 ||
		need python3-jsonschema
	# tests/check_fix_cli.c: --diff's output applied with patch(1).
	command -v patch >/dev/null 2>&1 || need patch
	# tests/nvim-lsp.sh: Neovim's built-in LSP client against connlint lsp.
	command -v nvim >/dev/null 2>&1 || need neovim
fi

[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "connlint: installing missing build dependencies:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >&2
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >&2
else
	echo "connlint: missing build dependencies:$missing" >&2
	echo "connlint: install them with:" >&2
	echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
