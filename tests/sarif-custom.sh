#!/bin/sh
# Validates connlint's SARIF output for custom rules (rulesets,
# docs/custom-rules.md) with Microsoft's SARIF Multitool, as
# tests/validate_sarif.sh does for the built-in rules: the SARIF 2.1.0
# schema, the SARIF rules and GitHub code scanning's ingestion rules. The
# logs hold custom rules in tool.driver.rules after the built-in ones, from
# two rulesets, custom results with related locations, a masked secret in
# a custom message, and the error results of rules stopped by their limits.
# Fails on any error or warning.
#
#   CONNLINT=build/connlint tests/sarif-custom.sh
#
# Uses the multitool that tests/validate_sarif.sh installs into
# build/node_modules (installing it the same way when it is missing).
# Exit status: 0 valid, 1 not valid, 2 could not run, 77 not supported on
# this platform (skipped).
set -eu

NAME=sarif-custom
# shellcheck source=tests/lib/multitool.sh
. "$(dirname "$0")/lib/multitool.sh"
out=$(dirname "$CONNLINT")/sarif-custom-check

rm -rf "$out"
mkdir -p "$out"

R=fixtures/rulesets
lint() {
	name=$1
	shift
	set +e
	"$CONNLINT" --no-config --format sarif "$@" >"$out/$name.sarif"
	rc=$?
	set -e
	[ "$rc" -le 2 ] || die "connlint crashed (status $rc) making $name.sarif"
	grep -q '"ruleId": "TST\|"ruleId": "HOST' "$out/$name.sarif" ||
		die "$name.sarif: no custom result"
}

# Two rulesets; a related location (TST003); built-in results beside them.
lint custom --rules $R/tst.rules.xml --rules $R/other.rules.xml \
	$R/shop.xml $R/positions.xml $R/suppress.xml fixtures/examples/
# A secret masked in a custom message (TST004) and found by CL501.
lint secret --rules $R/tst.rules.xml $R/secret.xml
# Rules stopped by their XPath operation and regex match limits.
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<connector format=\"1\" name=\"Acme\" version=\"1\" system-type=\"Warehouse\">"
	print "  <description>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab</description>"
	print "  <endpoints>"
	for (i = 0; i < 200; i++)
		printf "    <endpoint id=\"e%d\" name=\"E %d\" direction=\"receive\" method=\"GET\"><url>https://api.acme.example/%d</url></endpoint>\n", i, i, i
	print "  </endpoints>"
	print "</connector>"
}' >"$out/big.xml"
lint hostile --rules $R/hostile.rules.xml "$out/big.xml"
grep -q 'rule stopped' "$out/hostile.sarif" ||
	die "hostile.sarif: no rule was stopped"

status=0
for name in custom secret hostile; do
	log="$out/$name.validation.sarif"
	"$MT" validate --config tests/sarif-multitool.xml \
	    --rule-kind "Sarif;Ghas" --level "Error;Warning;Note" \
	    --output "$log" "$out/$name.sarif" >"$out/$name.validation.txt" 2>&1 ||
	    die "the multitool failed on $name.sarif; see $out/$name.validation.txt"
	node - "$log" "$out/$name.sarif" <<'EOF' || status=1
const fs = require('fs');
const [log, input] = process.argv.slice(2);
const run = JSON.parse(fs.readFileSync(log, 'utf8')).runs[0];
const byLevel = { error: [], warning: [], note: [] };
for (const r of run.results || [])
	byLevel[r.level || 'warning'].push(r);
const notes = {};
for (const r of byLevel.note)
	notes[r.ruleId] = (notes[r.ruleId] || 0) + 1;
console.log(`== ${input}: ${byLevel.error.length} errors, ` +
	`${byLevel.warning.length} warnings, ${byLevel.note.length} notes`);
for (const lv of ['error', 'warning'])
	for (const r of byLevel[lv])
		console.log(`   ${lv} ${r.ruleId}: ${(r.message || {}).text || JSON.stringify(r.message)}`);
for (const id of Object.keys(notes).sort())
	console.log(`   note ${id} x${notes[id]}`);
// The custom rules' results point at their rules.
const sarif = JSON.parse(fs.readFileSync(input, 'utf8')).runs[0];
let bad = 0;
for (const r of sarif.results)
	if (sarif.tool.driver.rules[r.ruleIndex].id !== r.ruleId) {
		console.log(`   ruleIndex ${r.ruleIndex} of a ${r.ruleId} result is ${sarif.tool.driver.rules[r.ruleIndex].id}`);
		bad++;
	}
process.exit(byLevel.error.length + byLevel.warning.length + bad ? 1 : 0);
EOF
done
if [ "$status" -ne 0 ]; then
	echo "sarif-custom: FAIL (the logs are in $out/)" >&2
else
	echo "sarif-custom: all valid"
fi
exit "$status"
