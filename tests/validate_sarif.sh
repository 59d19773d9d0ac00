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

NAME=validate_sarif
# shellcheck source=tests/lib/multitool.sh
. "$(dirname "$0")/lib/multitool.sh"
# Next to the program checked, so that two builds can be checked at once.
out=$(dirname "$CONNLINT")/sarif-check

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
*) abs_connlint=$TOP/$CONNLINT ;;
esac
set +e
(cd fixtures/rules && "$abs_connlint" --format sarif \
	../rules/CL204/fires-duplicates.xml \
	./CL006/../CL107/fires-duplicates.xml \
	../../fixtures/bad/truncated.xml \
	"$TOP/fixtures/rules/../rules/./CL306/fires-swapped.xml" \
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
	"$MT" validate --config tests/sarif-multitool.xml \
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
