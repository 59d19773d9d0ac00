#!/bin/sh
# Adds up the Check suites', the corpus runner's and the scripts' results kept by
# `make check` in DIR and prints one closing line: "N passed, N failed".
set -eu
dir=${1:-build/test-logs}
passed=0
failed=0
skipped=0
if [ -f "$dir/unit.txt" ]; then
	# "100%: Checks: 23, Failures: 0, Errors: 0"
	set -- $(sed -n 's/.*Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' "$dir/unit.txt" |
		awk '{ c += $1; f += $2 + $3 } END { print c - f, f }')
	passed=$((passed + $1))
	failed=$((failed + $2))
fi
for f in "$dir/corpus.txt" "$dir/scripts.txt"; do
	[ -f "$f" ] || continue
	# "corpus: 212 passed, 0 failed", "sarif: 0 passed, 0 failed, 1 skipped"
	set -- $(awk '{ p += $2; f += $4; s += $6 } END { print p + 0, f + 0, s + 0 }' "$f")
	passed=$((passed + $1))
	failed=$((failed + $2))
	skipped=$((skipped + $3))
done
echo "make check: unit suites and corpus, normal and sanitizer builds, fuzz smoke run, real clients"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped (a real client could not run here)"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
