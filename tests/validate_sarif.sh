#!/bin/sh
# Validates connlint's SARIF output with Microsoft's SARIF Multitool: the
# SARIF 2.1.0 JSON schema, the SARIF rules (SARIF1xxx errors, SARIF2xxx
# warnings and notes) and GitHub code scanning's ingestion rules (GH1xxx,
# GH2xxx). Fails on any error or warning; prints the notes as counts.
#
#   tests/validate_sarif.sh            (from anywhere; uses build/connlint)
#   CONNLINT=build/sanitize/connlint tests/validate_sarif.sh
#
# The multitool comes from npm (@microsoft/sarif-multitool, pinned below)
# into build/node_modules on the first run: about 100 MB, a self-contained
# .NET program for Linux x86-64 only. Validation itself needs no network
# (tests/sarif-multitool.xml turns off the one rule that fetches URIs).
# Exit status: 0 valid, 1 not valid, 2 could not run, 77 not supported on
# this platform (skipped).
set -eu

MT_VERSION=5.7.0

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
CONNLINT=${CONNLINT:-build/connlint}
# Next to the program checked, so that two builds can be checked at once.
out=$(dirname "$CONNLINT")/sarif-check
mt=build/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# No ICU needed: the multitool's messages are English anyway.
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT DOTNET_CLI_TELEMETRY_OPTOUT

die() { echo "validate_sarif: $*" >&2; exit 2; }

if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
	echo "validate_sarif: SKIP: the npm package of the SARIF Multitool" \
	     "ships a Linux x86-64 binary only (this is $(uname -s)" \
	     "$(uname -m))" >&2
	exit 77
fi
[ -x "$CONNLINT" ] || die "$CONNLINT not built (run make first)"
command -v node >/dev/null 2>&1 || die "node not found (Node 18 or later)"

installed=$(node -p "try { require('./build/node_modules/@microsoft/sarif-multitool-linux/package.json').version } catch (e) { '' }")
if [ "$installed" != "$MT_VERSION" ] || [ ! -x "$mt" ]; then
	command -v npm >/dev/null 2>&1 || die "npm not found"
	echo "== installing @microsoft/sarif-multitool@$MT_VERSION into build/node_modules"
	start=$(date +%s)
	mkdir -p build
	npm install --prefix build --no-save --no-audit --no-fund \
	    --loglevel=error "@microsoft/sarif-multitool@$MT_VERSION" ||
	    die "npm install failed"
	[ -x "$mt" ] || die "no $mt after npm install (platform package missing?)"
	echo "   done in $(( $(date +%s) - start ))s"
fi

rm -rf "$out"
mkdir -p "$out/dir with space"

# connlint exits 1 (problems found) or 2 (a path could not be read) here;
# anything else (a crash) is a failure.
lint() {
	name=$1
	shift
	set +e
	"$CONNLINT" --format sarif "$@" >"$out/$name.sarif"
	rc=$?
	set -e
	[ "$rc" -le 2 ] || die "connlint crashed (status $rc) making $name.sarif"
}

# Findings with related locations (CL204, CL107, CL306), CL001 with an
# empty range, a masked secret (CL501), a name with a space and non-ASCII,
# standard input, and a path that cannot be read.
cp fixtures/rules/CL204/fires-duplicates.xml "$out/dir with space/Café ünïcode.xml"
lint problems \
	fixtures/rules/CL204/fires-duplicates.xml \
	fixtures/rules/CL107/fires-duplicates.xml \
	fixtures/rules/CL306/fires-swapped.xml \
	fixtures/bad/truncated.xml \
	fixtures/rules/CL501/fires-default.xml \
	"./$out/dir with space/Café ünïcode.xml" \
	"$out/does-not-exist.xml" \
	- <fixtures/rules/CL303/authorisation-code.xml 2>/dev/null
# No results at all: "results": [] must still be valid.
lint clean fixtures/examples/
# Everything: every rule that has a fixture.
lint all fixtures/ 2>/dev/null
# Paths with "." and ".." segments, run from a subdirectory: relative
# ones that climb out of it, and absolute ones (SARIF1002 forbids ".." in
# a file URI).
case $CONNLINT in
/*) abs_connlint=$CONNLINT ;;
*) abs_connlint=$top/$CONNLINT ;;
esac
set +e
(cd fixtures/rules && "$abs_connlint" --format sarif \
	../rules/CL204/fires-duplicates.xml \
	./CL006/../CL107/fires-duplicates.xml \
	../../fixtures/bad/truncated.xml \
	"$top/fixtures/rules/../rules/./CL306/fires-swapped.xml" \
	../no-such-dir/../gone.xml) >"$out/dotdot.sarif" 2>/dev/null
rc=$?
set -e
[ "$rc" -le 2 ] || die "connlint crashed (status $rc) making dotdot.sarif"
# Every kind of path that cannot be read or linted: not there, a dangling
# symbolic link, a path through a regular file, a directory holding a
# dangling link, and files under a configuration file that is not valid.
mkdir -p "$out/unreadable/d" "$out/unreadable/bad"
ln -sf nowhere.xml "$out/unreadable/dangling.xml"
ln -sf ../nowhere.xml "$out/unreadable/d/b.xml"
: >"$out/unreadable/file.xml"
echo '<connlint><bogus/></connlint>' >"$out/unreadable/bad/.connlint.xml"
cp fixtures/rules/CL204/fires-duplicates.xml "$out/unreadable/bad/1.xml"
cp fixtures/rules/CL204/fires-duplicates.xml "$out/unreadable/bad/2.xml"
lint unreadable \
	fixtures/rules/CL204/fires-duplicates.xml \
	"$out/unreadable/missing.xml" \
	"$out/unreadable/dangling.xml" \
	"$out/unreadable/file.xml/x.xml" \
	"$out/unreadable/d" \
	"$out/unreadable/bad" 2>/dev/null
grep -q '"executionSuccessful": false' "$out/unreadable.sarif" ||
	die "unreadable.sarif: executionSuccessful is not false"
# Automatic fixes: results with "fixes" (safe and unsafe ones, a
# replacement of bytes of the unmodified file), from files and standard
# input.
lint fixes \
	fixtures/rules/CL308/fires-case.xml \
	fixtures/rules/CL502/fires.xml \
	"./$out/dir with space/Café ünïcode.xml" \
	- <fixtures/rules/CL303/authorisation-code.xml 2>/dev/null
grep -q '"fixes": \[' "$out/fixes.sarif" ||
	die "fixes.sarif: no result has fixes"

status=0
for name in problems clean all dotdot unreadable fixes; do
	log="$out/$name.validation.sarif"
	start=$(date +%s)
	"$mt" validate --config tests/sarif-multitool.xml \
	    --rule-kind "Sarif;Ghas" --level "Error;Warning;Note" \
	    --output "$log" "$out/$name.sarif" >"$out/$name.validation.txt" 2>&1 ||
	    die "the multitool failed on $name.sarif; see $out/$name.validation.txt"
	# The multitool exits 0 even when it finds errors: read its log.
	node - "$log" "$out/$name.sarif" "$(( $(date +%s) - start ))" <<'EOF' || status=1
const fs = require('fs');
const [log, input, secs] = process.argv.slice(2);
const run = JSON.parse(fs.readFileSync(log, 'utf8')).runs[0];
const byLevel = { error: [], warning: [], note: [] };
const text = (r) => {
	const rule = (run.tool.driver.rules || []).find((d) => d.id === r.ruleId);
	const m = r.message || {};
	let t = m.text;
	if (!t && rule && rule.messageStrings && rule.messageStrings[m.id]) {
		t = rule.messageStrings[m.id].text;
		(m.arguments || []).forEach((a, i) => { t = t.split(`{${i}}`).join(a); });
	}
	return t || JSON.stringify(m);
};
for (const r of run.results || [])
	byLevel[r.level || 'warning'].push(r);
const notes = {};
for (const r of byLevel.note)
	notes[r.ruleId] = (notes[r.ruleId] || 0) + 1;
const config = [];
for (const inv of run.invocations || [])
	for (const n of inv.toolConfigurationNotifications || [])
		config.push(`${(n.descriptor || {}).id || ''} ${n.message.text}`);
console.log(`== ${input}: ${byLevel.error.length} errors, ` +
	`${byLevel.warning.length} warnings, ${byLevel.note.length} notes (${secs}s)`);
for (const lv of ['error', 'warning'])
	for (const r of byLevel[lv])
		console.log(`   ${lv} ${r.ruleId}: ${text(r)}`);
for (const id of Object.keys(notes).sort())
	console.log(`   note ${id} x${notes[id]}`);
for (const c of config)
	console.log(`   (tool configuration: ${c.trim()})`);
process.exit(byLevel.error.length + byLevel.warning.length ? 1 : 0);
EOF
done
if [ "$status" -ne 0 ]; then
	echo "validate_sarif: FAIL (the logs are in $out/)" >&2
else
	echo "validate_sarif: all valid"
fi
exit "$status"
