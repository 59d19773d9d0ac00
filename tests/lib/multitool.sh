# shellcheck shell=sh
# Shared by tests/validate_sarif.sh and tests/sarif-custom.sh (sourced, not
# run): Microsoft's SARIF Multitool, pinned, installed from npm into
# build/node_modules on first use.
#
#   NAME=validate_sarif; . tests/lib/multitool.sh
#
# Sets TOP (the repository, which it cd's into), CONNLINT, MT (the
# program) and die(). Exits 77 (skipped) off Linux x86-64, 2 when the
# multitool cannot be had.

MT_VERSION=5.7.0

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 2
CONNLINT=${CONNLINT:-build/connlint}
MT=build/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# No ICU needed: the multitool's messages are English anyway.
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT DOTNET_CLI_TELEMETRY_OPTOUT

die() { echo "$NAME: $*" >&2; exit 2; }

if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
	echo "$NAME: SKIP: the npm package of the SARIF Multitool" \
	     "ships a Linux x86-64 binary only (this is $(uname -s)" \
	     "$(uname -m))" >&2
	exit 77
fi
[ -x "$CONNLINT" ] || die "$CONNLINT not built (run make first)"
command -v node >/dev/null 2>&1 || die "node not found (Node 18 or later)"

installed=$(node -p "try { require('./build/node_modules/@microsoft/sarif-multitool-linux/package.json').version } catch (e) { '' }")
if [ "$installed" != "$MT_VERSION" ] || [ ! -x "$MT" ]; then
	command -v npm >/dev/null 2>&1 || die "npm not found"
	echo "== installing @microsoft/sarif-multitool@$MT_VERSION into build/node_modules"
	start=$(date +%s)
	mkdir -p build
	npm install --prefix build --no-save --no-audit --no-fund \
	    --loglevel=error "@microsoft/sarif-multitool@$MT_VERSION" ||
	    die "npm install failed"
	[ -x "$MT" ] || die "no $MT after npm install (platform package missing?)"
	echo "   done in $(( $(date +%s) - start ))s"
fi
