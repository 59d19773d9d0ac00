#!/bin/sh
# `connlint lsp` in a real editor: Neovim's built-in LSP client (Debian 12's
# neovim 0.7.2), no plugin and no user configuration, drives the server
# through tests/nvim/lsp_test.lua on a copy of tests/nvim/connector.xml:
# diagnostics after didOpen and after an incremental didChange, compared
# with `connlint --format gcc`/`--format json --no-config` on the same text
# (lines, byte columns as Neovim stores them, ends, codes, messages); a
# quick fix, a "disable for this element" action and source.fixAll.connlint
# applied with vim.lsp.util.apply_workspace_edit and compared with what the
# CLI's fixes make; hover on a rule ID, definition of a placeholder,
# prepareRename and rename after an emoji, document symbols; shutdown and
# exit with status 0. Once with the
# protocol's default positions (UTF-16, which Neovim 0.7 uses), once with
# the client offering UTF-8.
#
# CONNLINT: the binary (default build/connlint). Exit status 0 passed, 1
# failed, 77 skipped (no nvim).
set -eu

cd "$(dirname "$0")/.."
CONNLINT=${CONNLINT:-build/connlint}
case $CONNLINT in
/*) ;;
*) CONNLINT=$(pwd)/$CONNLINT ;;
esac

if ! command -v nvim >/dev/null 2>&1; then
	echo "nvim-lsp: SKIP: nvim not found (apt-get install neovim)"
	exit 77
fi
if [ ! -x "$CONNLINT" ]; then
	echo "nvim-lsp: FAIL: $CONNLINT is not an executable" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

total=0
for enc in utf-16 utf-8; do
	# A directory name with a space and a non-ASCII letter: the URIs
	# Neovim sends are percent-encoded, and the server's edits must come
	# back for the same buffer.
	dir="$tmp/$enc/ça va"
	mkdir -p "$dir" "$tmp/$enc/xdg"
	cp tests/nvim/connector.xml "$dir/connector.xml"
	# The truth runs with --no-config: no configuration file may apply to
	# the copy, or the server (which looks for one) would see other rules.
	if ! "$CONNLINT" --show-config "$dir/connector.xml" | grep -q '^configuration: *none$'; then
		echo "nvim-lsp: FAIL: a configuration file applies to $dir:" >&2
		"$CONNLINT" --show-config "$dir/connector.xml" >&2
		exit 1
	fi
	status=0
	# XDG_*: Neovim's log (vim.lsp.get_log_path()) and state go to the
	# temporary directory, not the user's.
	XDG_CACHE_HOME=$tmp/$enc/xdg XDG_STATE_HOME=$tmp/$enc/xdg XDG_DATA_HOME=$tmp/$enc/xdg \
		CONNLINT=$CONNLINT NVIM_LSP_FILE=$dir/connector.xml NVIM_LSP_ENCODING=$enc \
		NVIM_LSP_RESULT=$tmp/$enc/result \
		timeout 120 nvim --headless --clean -u NONE -i NONE \
		-c 'luafile tests/nvim/lsp_test.lua' </dev/null || status=$?
	if [ "$status" -ne 0 ] || [ ! -s "$tmp/$enc/result" ]; then
		echo >&2 # after a message of nvim's, which ends without one
		[ "$status" -eq 124 ] && echo "nvim-lsp: FAIL: nvim timed out (120 s)" >&2
		echo "nvim-lsp: FAIL [$enc]: nvim exited with status $status; the end of its LSP log:" >&2
		log=$(find "$tmp/$enc/xdg" -name lsp.log 2>/dev/null | head -n 1)
		[ -n "$log" ] && tail -n 40 "$log" | cut -c 1-600 >&2
		trap - EXIT
		echo "nvim-lsp: the log, the buffer's copies and the CLI's inputs are kept in $tmp" >&2
		exit 1
	fi
	total=$((total + $(cat "$tmp/$enc/result")))
done

echo "nvim-lsp: $total checks passed"
