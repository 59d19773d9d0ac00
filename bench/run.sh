#!/bin/sh
# Benchmark: connlint against `xmllint --noout` (parsing only) over the same
# generated corpus. See docs/benchmark.md for what each figure means.
#
#   bench/run.sh BUILD/connlint        (make bench runs this)
#
# Environment: BENCH_FILES (default 5000), BENCH_SEED (1), BENCH_RUNS (5,
# the median is reported), BENCH_BATCH (1000 files per xmllint process),
# BENCH_RELAXNG (1: also time xmllint validating against
# schema/connector.rng; 0 skips it), BENCH_TIME (GNU time, default
# /usr/bin/time; bench/maxrss is built and used when it does not work),
# BENCH_FIX (1: also time --fix on a copy of the corpus with one fixable
# mistake planted per file, against a plain lint of the same files; 0
# skips it), BENCH_HOSTILE (1: then time the hostile shapes, see below; 0
# skips them; only: nothing else), BENCH_HOSTILE_RUNS (3, the median is
# reported), BENCH_LSP (1: also time the language server, bench/lsp.c;
# 0 skips it), BENCH_DIFF (1: also time connlint diff against a copy of
# the corpus with a change planted in every 100th file; 0 skips it),
# BENCH_RULES (1: also time the corpus with the 20-rule
# bench/bench.rules.xml; 0 skips it), BENCH_SHAPES (1: also time two more
# corpus shapes like the main corpus: BENCH_LARGE_FILES (5) large
# connectors of BENCH_LARGE_ENDPOINTS (3000) endpoints each, bench/gen -e,
# and BENCH_BROKEN_FILES (BENCH_FILES) files of which every tenth is
# broken in one of ten ways, bench/gen -b; 0 skips them), BENCH_SMALL (1:
# also time one small file, process start included: connlint and xmllint
# each run BENCH_SMALL_N (200) times on the first fixtures/examples/*.xml;
# 0 skips it).
# Everything it writes goes under BENCH_OUT (default build/bench/).
set -eu

CONNLINT=${1:-build/connlint}
FILES=${BENCH_FILES:-5000}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-5}
BATCH=${BENCH_BATCH:-1000}
RELAXNG=${BENCH_RELAXNG:-1}
FIX=${BENCH_FIX:-1}
SCHEMA=schema/connector.rng
OUT=${BENCH_OUT:-build/bench}
CORPUS=$OUT/corpus
CC=${CC:-cc}

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$CONNLINT" ] || die "no executable $CONNLINT (run make first)"
command -v xmllint >/dev/null 2>&1 ||
	die "xmllint not found (Debian: apt-get install libxml2-utils)"
date +%s%N | grep -q '^[0-9]*$' || die "date +%s%N is not supported here"
mkdir -p "$OUT"

# ---- tools ----
# Built every time: it takes a fraction of a second, and POSIX sh has no
# portable "newer than" test.
CFLAGS_BENCH="-std=c11 -O2 -Wall -Wextra -Werror"
# shellcheck disable=SC2086 # CC and CFLAGS_BENCH are word lists
$CC $CFLAGS_BENCH -D_POSIX_C_SOURCE=200809L -o "$OUT/gen" bench/gen.c
# The floor (issue 15): a SAX2 parse with no callbacks.
# shellcheck disable=SC2046,SC2086
$CC $CFLAGS_BENCH -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags libxml-2.0) \
	-o "$OUT/floor" bench/floor.c $(pkg-config --libs libxml-2.0)
# Peak RSS: GNU time when it is there (the `time` package is not always
# installed), else our own wait4/getrusage wrapper.
TIME=${BENCH_TIME:-/usr/bin/time}
if "$TIME" -f %M -o "$OUT/rss.probe" true >/dev/null 2>&1; then
	rss_tool="GNU time"
	rss() { out=$1; shift; "$TIME" -f %M -o "$out" "$@"; }
else
	# shellcheck disable=SC2086
	$CC $CFLAGS_BENCH -D_DEFAULT_SOURCE -o "$OUT/maxrss" bench/maxrss.c
	rss_tool="bench/maxrss"
	rss() { out=$1; shift; "$OUT/maxrss" "$out" "$@"; }
fi

now() { date +%s%N; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The corpus benchmark, against xmllint; BENCH_HOSTILE=only skips it.
corpus_bench() {
# ---- corpus (regenerated only when the generator or its inputs change) ----
stamp="files=$FILES seed=$SEED gen=$(cksum < bench/gen.c | cut -d' ' -f1)"
if [ ! -f "$CORPUS/.stamp" ] || [ "$(cat "$CORPUS/.stamp")" != "$stamp" ]; then
	rm -rf "$CORPUS"
	mkdir -p "$CORPUS"
	echo "bench: generating $FILES files (seed $SEED) in $CORPUS"
	"$OUT/gen" -n "$FILES" -s "$SEED" "$CORPUS" >/dev/null
	echo "$stamp" > "$CORPUS/.stamp"
fi

LIST=$OUT/files.txt
find "$CORPUS" -name '*.xml' -type f | LC_ALL=C sort > "$LIST"
nfiles=$(wc -l < "$LIST")
[ "$nfiles" -ge 4 ] || die "too few files in $CORPUS"
bytes=$(xargs cat < "$LIST" | wc -c)
# The first quarter of the files, as hard links (copies where links
# fail) in a directory of its own, for the peak-RSS comparison.
QDIR=$OUT/corpus-quarter
nquarter=$((nfiles / 4))
if [ ! -f "$QDIR/.stamp" ] || [ "$(cat "$QDIR/.stamp")" != "$stamp" ]; then
	rm -rf "$QDIR"
	mkdir -p "$QDIR"
	head -n "$nquarter" "$LIST" | xargs sh -c 'ln "$@" "'"$QDIR"'"/ 2>/dev/null || cp "$@" "'"$QDIR"'"/' sh
	echo "$stamp" > "$QDIR/.stamp"
fi

# The same files with one fixable mistake planted in each, for --fix
# (remade when the corpus is): every other file that has an OAuth 2
# authorisation-code method gets `client_type` default `Confidential`
# (CL308), every other file loses the `secret="true"` of its first secret
# variable (CL504); both fixes are safe, so plain --fix applies them.
# PDIR itself is never fixed: each timed --fix run gets a fresh copy,
# WDIR, made (and flushed to disk) outside the timing.
PDIR=$OUT/corpus-planted
WDIR=$OUT/corpus-fix
if [ "$FIX" != 0 ] && { [ ! -f "$PDIR/.stamp" ] || [ "$(cat "$PDIR/.stamp")" != "$stamp plant=1" ]; }; then
	rm -rf "$PDIR"
	mkdir -p "$PDIR"
	# One awk over all the files (in batches): a file is held whole,
	# then written with its mistake.
	# shellcheck disable=SC2016 # an awk program
	xargs awk -v dst="$PDIR" '
	function flush(    i, done, ac) {
		if (!nl)
			return
		k++
		ac = 0
		for (i = 1; i <= nl; i++)
			if (l[i] ~ /key="client_type" .*default="confidential"/)
				ac = i
		done = 0
		if (ac && k % 2 == 0) {
			sub(/default="confidential"/, "default=\"Confidential\"", l[ac])
			done = 1
		}
		for (i = 1; i <= nl && !done; i++)
			if (l[i] ~ /<variable key=.* secret="true"/)
				done = sub(/ secret="true"/, "", l[i])
		if (!done)
			planted_none++
		for (i = 1; i <= nl; i++)
			print l[i] > out
		close(out)
		nl = 0
	}
	FNR == 1 {
		flush()
		n = split(FILENAME, p, "/")
		out = dst "/" p[n]
	}
	{ l[++nl] = $0 }
	END {
		flush()
		if (planted_none) {
			printf "bench: no mistake planted in %d files\n", planted_none | "cat 1>&2"
			exit 1
		}
	}' < "$LIST" || die "planting mistakes in $PDIR failed"
	echo "$stamp plant=1" > "$PDIR/.stamp"
fi

# ---- the timed commands: the same files in, all output to /dev/null ----
run_xmllint() {
	# Batches keep argv under the kernel's limit. --noout prints nothing
	# for a well-formed file; both tools' output goes to /dev/null.
	xargs -n "$BATCH" xmllint --noout < "$LIST" >/dev/null 2>&1 ||
		die "xmllint failed on the corpus"
}
run_floor() {
	xargs -n "$BATCH" "$OUT/floor" < "$LIST" >/dev/null 2>&1 ||
		die "bench/floor failed on the corpus"
}
run_connlint_j2() {
	rc=0
	"$CONNLINT" -j 2 --no-config --format gcc "$CORPUS" >/dev/null 2>&1 || rc=$?
	[ "$rc" -le 1 ] || die "connlint -j 2 failed (exit $rc)"
}
run_relaxng() {
	# The same, plus RELAX NG validation: the part of connlint's work that
	# a schema can express (CL002, CL003).
	xargs -n "$BATCH" xmllint --noout --relaxng "$SCHEMA" < "$LIST" >/dev/null 2>&1 ||
		die "xmllint --relaxng failed on the corpus"
}
run_connlint() {
	rc=0
	# One thread, like xmllint: the comparison is per core (-j is
	# measured separately, see docs/performance.md).
	"$CONNLINT" -j 1 --no-config --format gcc "$@" >/dev/null 2>&1 || rc=$?
	# 1 means "found something", which the corpus does on purpose.
	[ "$rc" -le 1 ] || die "connlint failed (exit $rc)"
}

fix_copy() {
	rm -rf "$WDIR"
	cp -R "$PDIR" "$WDIR" || die "cannot copy $PDIR to $WDIR"
	# --fix flushes each file it writes (fsync): that is part of its
	# cost, the copy's own write-back is not.
	sync
}
run_fix() {
	rc=0
	"$CONNLINT" -j 1 --no-config --format gcc --fix "$WDIR" >/dev/null 2>"$OUT/fix.stderr" || rc=$?
	[ "$rc" -le 1 ] || die "connlint --fix failed (exit $rc): $(head -n 3 "$OUT/fix.stderr")"
}

# Warm the page cache and both binaries once, untimed.
xargs cat < "$LIST" >/dev/null
run_xmllint
run_floor
run_connlint "$CORPUS"
run_connlint_j2
[ "$RELAXNG" = 0 ] || run_relaxng
fixed=0 fixed_files=0 fix_left=0
if [ "$FIX" != 0 ]; then
	run_connlint "$PDIR"
	fix_copy
	run_fix
	# "connlint: N fixed in F files" (standard error, --format gcc)
	fixed=$(sed -n 's/^connlint: \([0-9]*\) fixed in \([0-9]*\) files*$/\1/p' "$OUT/fix.stderr")
	fixed_files=$(sed -n 's/^connlint: \([0-9]*\) fixed in \([0-9]*\) files*$/\2/p' "$OUT/fix.stderr")
	if [ -z "$fixed" ] || [ "$fixed_files" -lt "$nfiles" ]; then
		die "--fix did not fix every planted file: $(cat "$OUT/fix.stderr")"
	fi
	# What a second lint of the fixed copy still finds (the corpus's own
	# misspelt placeholders).
	fix_left=$("$CONNLINT" --no-config --format gcc "$WDIR" 2>/dev/null | grep -c ': \(error\|warning\|note\|info\): ' || true)
fi

# Interleaved runs, so drift (thermal, other load) hits all alike.
tx="" tc="" tr="" tp="" tf="" tfl="" tj=""
i=0
while [ "$i" -lt "$RUNS" ]; do
	t0=$(now); run_xmllint; t1=$(now)
	tx="$tx $((t1 - t0))"
	t0=$(now); run_connlint "$CORPUS"; t1=$(now)
	tc="$tc $((t1 - t0))"
	t0=$(now); run_floor; t1=$(now)
	tfl="$tfl $((t1 - t0))"
	t0=$(now); run_connlint_j2; t1=$(now)
	tj="$tj $((t1 - t0))"
	if [ "$RELAXNG" != 0 ]; then
		t0=$(now); run_relaxng; t1=$(now)
		tr="$tr $((t1 - t0))"
	fi
	if [ "$FIX" != 0 ]; then
		t0=$(now); run_connlint "$PDIR"; t1=$(now)
		tp="$tp $((t1 - t0))"
		fix_copy
		t0=$(now); run_fix; t1=$(now)
		tf="$tf $((t1 - t0))"
	fi
	i=$((i + 1))
done
mx=$(echo "$tx" | median)
mc=$(echo "$tc" | median)
mfl=$(echo "$tfl" | median)
mj=$(echo "$tj" | median)
mr=0 mp=0 mf=0
[ "$RELAXNG" = 0 ] || mr=$(echo "$tr" | median)
[ "$FIX" = 0 ] || { mp=$(echo "$tp" | median); mf=$(echo "$tf" | median); }

# How much the corpus makes connlint print (it should be nearly clean).
ndiag=$("$CONNLINT" --format gcc "$CORPUS" 2>/dev/null | grep -c ': \(error\|warning\|note\|info\): ' || true)
ndfiles=$("$CONNLINT" --format gcc "$CORPUS" 2>/dev/null | grep ': \(error\|warning\|note\|info\): ' | cut -d: -f1 | sort -u | wc -l)

# Peak RSS: a quarter of the files, then all of them, each as a directory
# argument, so only the file count differs.
rc=0; rss "$OUT/rss.quarter" "$CONNLINT" -j 1 --no-config --format gcc "$QDIR" >/dev/null 2>&1 || rc=$?
[ "$rc" -le 1 ] || die "connlint failed under $rss_tool (exit $rc)"
rc=0; rss "$OUT/rss.all" "$CONNLINT" -j 1 --no-config --format gcc "$CORPUS" >/dev/null 2>&1 || rc=$?
[ "$rc" -le 1 ] || die "connlint failed under $rss_tool (exit $rc)"
rss_q=$(tail -n 1 "$OUT/rss.quarter")
rss_a=$(tail -n 1 "$OUT/rss.all")

awk -v n="$nfiles" -v b="$bytes" -v mx="$mx" -v mc="$mc" -v mr="$mr" -v runs="$RUNS" \
    -v mfl="$mfl" -v mj="$mj" \
    -v batch="$BATCH" -v nd="$ndiag" -v ndf="$ndfiles" -v q="$nquarter" \
    -v rq="$rss_q" -v ra="$rss_a" -v tool="$rss_tool" \
    -v mp="$mp" -v mf="$mf" -v fixed="$fixed" -v fixed_files="$fixed_files" \
    -v fix_left="$fix_left" \
    -v ver="$("$CONNLINT" --version 2>/dev/null | head -n 1)" \
    -v xver="$(xmllint --version 2>&1 | head -n 1)" 'BEGIN {
	sx = mx / 1e9; sc = mc / 1e9
	printf "connlint benchmark\n"
	printf "  connlint:  %s\n", ver
	printf "  xmllint:   %s\n", xver
	printf "  corpus:    %d files, %.1f MB (%.1f KB per file on average)\n", n, b / 1e6, b / n / 1e3
	printf "  timing:    median wall time of %d runs each, output to /dev/null\n\n", runs
	printf "  %-34s %9s %11s %9s\n", "tool", "wall s", "files/s", "MB/s"
	printf "  %-34s %9.3f %11.0f %9.1f\n", "xmllint --noout (xargs -n " batch ")", sx, n / sx, b / 1e6 / sx
	printf "  %-34s %9.3f %11.0f %9.1f\n", "connlint -j 1 --format gcc DIR", sc, n / sc, b / 1e6 / sc
	sfl = mfl / 1e9; sj = mj / 1e9
	printf "  %-34s %9.3f %11.0f %9.1f\n", "connlint -j 2 --format gcc DIR", sj, n / sj, b / 1e6 / sj
	printf "  %-34s %9.3f %11.0f %9.1f\n", "floor: SAX2, no callbacks", sfl, n / sfl, b / 1e6 / sfl
	if (mr > 0) {
		sr = mr / 1e9
		printf "  %-34s %9.3f %11.0f %9.1f\n", "xmllint --noout --relaxng (schema)", sr, n / sr, b / 1e6 / sr
	}
	printf "\n  ratio connlint/xmllint --noout (wall time): %.2f\n", sc / sx
	printf "  ratio connlint/floor (wall time): %.2f (issue 15 target: 1.5)\n", sc / sfl
	printf "  speed-up of -j 2 over -j 1: %.2f (target: 1.8)\n", sc / sj
	if (mr > 0)
		printf "  ratio connlint/xmllint --relaxng (wall time): %.2f\n", sc / sr
	printf "  connlint diagnostics on the corpus: %d in %d of %d files\n", nd, ndf, n
	if (mf > 0) {
		sp = mp / 1e9; sf = mf / 1e9
		printf "\n  --fix, the same files with one fixable mistake planted in each (CL308 or CL504):\n"
		printf "  %-34s %9s %11s %9s\n", "command", "wall s", "files/s", "MB/s"
		printf "  %-34s %9.3f %11.0f %9.1f\n", "connlint -j 1 DIR (lint only)", sp, n / sp, b / 1e6 / sp
		printf "  %-34s %9.3f %11.0f %9.1f\n", "connlint -j 1 --fix DIR", sf, n / sf, b / 1e6 / sf
		printf "\n  ratio --fix/lint (wall time): %.2f\n", sf / sp
		printf "  --fix applied %d fixes in %d files; %d diagnostics remain\n", fixed, fixed_files, fix_left
	}
	printf "\n  connlint peak RSS (%s):\n", tool
	printf "    %5d files: %7d KB\n", q, rq
	printf "    %5d files: %7d KB\n", n, ra
}'
}
[ "${BENCH_HOSTILE:-1}" = only ] || corpus_bench

# ---- more corpus shapes (issue 15) ----
# So that no shape regresses: a few large connectors (bench/gen -e: 3000
# endpoints, about 2 MB a file) and a corpus where every tenth file is
# broken in one of ten ways, each wherever it fits, so that a broken file
# has tens of findings (bench/gen -b). Each is timed like the main corpus:
# xmllint --noout, connlint -j 1 and -j 2, the floor, interleaved, the
# median of BENCH_RUNS.
if [ "${BENCH_SHAPES:-1}" != 0 ] && [ "${BENCH_HOSTILE:-1}" != only ]; then
	LARGE_FILES=${BENCH_LARGE_FILES:-5}
	LARGE_EP=${BENCH_LARGE_ENDPOINTS:-3000}
	BROKEN_FILES=${BENCH_BROKEN_FILES:-$FILES}
	gen_sum=$(cksum < bench/gen.c | cut -d' ' -f1)
	# shape_corpus DIR ARGS...: bench/gen ARGS DIR, unless DIR is up to date
	shape_corpus() {
		sdir=$1
		shift
		sstamp="$* seed=$SEED gen=$gen_sum"
		if [ ! -f "$sdir/.stamp" ] || [ "$(cat "$sdir/.stamp")" != "$sstamp" ]; then
			rm -rf "$sdir"
			mkdir -p "$sdir"
			echo "bench: generating $sdir (bench/gen $*)"
			"$OUT/gen" "$@" -s "$SEED" "$sdir" >/dev/null || die "bench/gen $* failed"
			echo "$sstamp" > "$sdir/.stamp"
		fi
	}
	shape_connlint() {
		rc=0
		"$CONNLINT" -j "$1" --no-config --format gcc "$2" >/dev/null 2>&1 || rc=$?
		[ "$rc" -le 1 ] || die "connlint -j $1 failed on $2 (exit $rc)"
	}
	# shape_batch LIST CMD...: CMD over the files of LIST, BATCH at a time
	shape_batch() {
		slst=$1
		shift
		xargs -n "$BATCH" "$@" < "$slst" >/dev/null 2>&1 || die "$* failed on the files of $slst"
	}
	# shape_bench LABEL DIR: the main corpus's table for the files of DIR
	shape_bench() {
		slist=$2.files
		find "$2" -name '*.xml' -type f | LC_ALL=C sort > "$slist"
		sn=$(wc -l < "$slist")
		[ "$sn" -ge 1 ] || die "no files in $2"
		sbytes=$(xargs cat < "$slist" | wc -c)
		xargs cat < "$slist" >/dev/null
		shape_batch "$slist" xmllint --noout
		shape_batch "$slist" "$OUT/floor"
		shape_connlint 1 "$2"
		shape_connlint 2 "$2"
		tx="" tc="" tfl="" tj=""
		i=0
		while [ "$i" -lt "$RUNS" ]; do
			t0=$(now); shape_batch "$slist" xmllint --noout; t1=$(now)
			tx="$tx $((t1 - t0))"
			t0=$(now); shape_connlint 1 "$2"; t1=$(now)
			tc="$tc $((t1 - t0))"
			t0=$(now); shape_batch "$slist" "$OUT/floor"; t1=$(now)
			tfl="$tfl $((t1 - t0))"
			t0=$(now); shape_connlint 2 "$2"; t1=$(now)
			tj="$tj $((t1 - t0))"
			i=$((i + 1))
		done
		# The diagnostics, from one more (untimed) run: how many, in
		# how many files, and how many of each rule.
		rc=0
		"$CONNLINT" -j 1 --no-config --format gcc "$2" > "$2.out" 2>/dev/null || rc=$?
		[ "$rc" -le 1 ] || die "connlint failed on $2 (exit $rc)"
		grep ': \(error\|warning\|note\|info\): ' "$2.out" > "$2.diags" || true
		sd=$(wc -l < "$2.diags")
		sdf=$(cut -d: -f1 < "$2.diags" | sort -u | wc -l)
		srules=$(sed -n 's/.*\[\([A-Z0-9]*\)\]$/\1/p' "$2.diags" | sort | uniq -c |
			awk '{ printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1 }')
		awk -v label="$1" -v n="$sn" -v b="$sbytes" -v runs="$RUNS" -v batch="$BATCH" \
		    -v mx="$(echo "$tx" | median)" -v mc="$(echo "$tc" | median)" \
		    -v mfl="$(echo "$tfl" | median)" -v mj="$(echo "$tj" | median)" \
		    -v nd="$sd" -v ndf="$sdf" -v rules="$srules" 'BEGIN {
			sx = mx / 1e9; sc = mc / 1e9; sfl = mfl / 1e9; sj = mj / 1e9
			printf "\ncorpus shape: %s\n", label
			printf "  corpus:    %d files, %.1f MB (%.1f KB per file on average), median of %d runs\n\n", n, b / 1e6, b / n / 1e3, runs
			printf "  %-34s %9s %11s %9s\n", "tool", "wall s", "files/s", "MB/s"
			printf "  %-34s %9.3f %11.0f %9.1f\n", "xmllint --noout (xargs -n " batch ")", sx, n / sx, b / 1e6 / sx
			printf "  %-34s %9.3f %11.0f %9.1f\n", "connlint -j 1 --format gcc DIR", sc, n / sc, b / 1e6 / sc
			printf "  %-34s %9.3f %11.0f %9.1f\n", "connlint -j 2 --format gcc DIR", sj, n / sj, b / 1e6 / sj
			printf "  %-34s %9.3f %11.0f %9.1f\n", "floor: SAX2, no callbacks", sfl, n / sfl, b / 1e6 / sfl
			printf "\n  ratio connlint/xmllint --noout (wall time): %.2f\n", sc / sx
			printf "  ratio connlint/floor (wall time): %.2f (issue 15 target: 1.5)\n", sc / sfl
			printf "  speed-up of -j 2 over -j 1: %.2f\n", sc / sj
			printf "  connlint diagnostics: %d in %d of %d files%s\n", nd, ndf, n, (nd ? " (" rules ")" : "")
		}'
	}
	shape_corpus "$OUT/corpus-large" -n "$LARGE_FILES" -e "$LARGE_EP"
	shape_corpus "$OUT/corpus-broken" -n "$BROKEN_FILES" -b
	shape_bench "a few large connectors (bench/gen -e $LARGE_EP)" "$OUT/corpus-large"
	shape_bench "every tenth file broken, ten ways in turn (bench/gen -b)" "$OUT/corpus-broken"
fi

# ---- one small file, process start included (issue 15) ----
# What an editor hook or a pre-commit run of one file costs: the first
# connector of fixtures/examples/, linted BENCH_SMALL_N times in a loop by
# connlint and by xmllint --noout, each loop timed as a whole (median of
# BENCH_RUNS, interleaved); with the floor and /bin/true (process start
# alone) for scale.
if [ "${BENCH_SMALL:-1}" != 0 ] && [ "${BENCH_HOSTILE:-1}" != only ]; then
	SMALL_N=${BENCH_SMALL_N:-200}
	ONE=""
	for f in fixtures/examples/*.xml; do
		ONE=$f
		break
	done
	[ -f "$ONE" ] || die "no fixtures/examples/*.xml"
	TRUE_BIN=/bin/true
	[ -x "$TRUE_BIN" ] || TRUE_BIN=/usr/bin/true
	# small_loop CMD...: CMD "$ONE", SMALL_N times (exit 1, findings, is fine)
	small_loop() {
		k=0
		while [ "$k" -lt "$SMALL_N" ]; do
			rc=0
			"$@" "$ONE" >/dev/null 2>&1 || rc=$?
			[ "$rc" -le 1 ] || die "$1 failed on $ONE (exit $rc)"
			k=$((k + 1))
		done
	}
	cat "$ONE" >/dev/null
	small_loop "$CONNLINT" --no-config -j 1 --format gcc
	small_loop xmllint --noout
	tc="" tx="" tfl="" tt=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(now); small_loop "$CONNLINT" --no-config -j 1 --format gcc; t1=$(now)
		tc="$tc $((t1 - t0))"
		t0=$(now); small_loop xmllint --noout; t1=$(now)
		tx="$tx $((t1 - t0))"
		t0=$(now); small_loop "$OUT/floor"; t1=$(now)
		tfl="$tfl $((t1 - t0))"
		t0=$(now); small_loop "$TRUE_BIN"; t1=$(now)
		tt="$tt $((t1 - t0))"
		i=$((i + 1))
	done
	awk -v file="$ONE" -v kb="$(wc -c < "$ONE")" -v n="$SMALL_N" -v runs="$RUNS" -v tb="$TRUE_BIN" \
	    -v mc="$(echo "$tc" | median)" -v mx="$(echo "$tx" | median)" \
	    -v mfl="$(echo "$tfl" | median)" -v mt="$(echo "$tt" | median)" 'BEGIN {
		printf "\none small file, process start included: %s (%.1f KB), %d invocations a run, median of %d runs\n", file, kb / 1e3, n, runs
		printf "  %-46s %12s\n", "command", "ms per run"
		printf "  %-46s %12.3f\n", "connlint --no-config -j 1 --format gcc FILE", mc / n / 1e6
		printf "  %-46s %12.3f\n", "xmllint --noout FILE", mx / n / 1e6
		printf "  %-46s %12.3f\n", "floor: SAX2, no callbacks (bench/floor FILE)", mfl / n / 1e6
		printf "  %-46s %12.3f\n", tb " FILE (process start alone)", mt / n / 1e6
		printf "\n  ratio connlint/xmllint --noout (wall time): %.2f (issue 15 target: at most 1)\n", mc / mx
	}'
fi

# ---- connlint diff ----
# The corpus against two changed copies: every 100th file changed (its
# first endpoint renamed: CL603 and CL611), as a pull request changes a
# few connectors, and every file changed, the worst case (no file can be
# skipped as unchanged); each next to a plain lint of the same copy, -j 1.
if [ "${BENCH_DIFF:-1}" != 0 ] && [ "${BENCH_HOSTILE:-1}" != only ]; then
	# changed_copy DIR EVERY: the corpus with every EVERY-th file changed
	changed_copy() {
		if [ ! -f "$1/.stamp" ] || [ "$(cat "$1/.stamp")" != "$stamp change=$2" ]; then
			rm -rf "$1"
			cp -R "$CORPUS" "$1" || die "cannot copy $CORPUS to $1"
			i=0
			for f in "$1"/*.xml; do
				if [ $((i % $2)) -eq 0 ]; then
					sed -i '0,/<endpoint id="\([^"]*\)"/s//<endpoint id="\1-v2"/' "$f"
				fi
				i=$((i + 1))
			done
			echo "$stamp change=$2" > "$1/.stamp"
		fi
	}
	run_diff() {
		rc=0
		"$CONNLINT" diff -j 1 --no-config --format gcc "$CORPUS" "$1" >"$OUT/diff.out" 2>"$OUT/diff.stderr" || rc=$?
		[ "$rc" -le 1 ] || die "connlint diff failed (exit $rc): $(head -n 3 "$OUT/diff.stderr")"
	}
	# diff_bench LABEL DIR: prints the two medians, the ratio, the count
	diff_bench() {
		run_diff "$2"
		run_connlint "$2"
		tl="" td=""
		i=0
		while [ "$i" -lt "$RUNS" ]; do
			t0=$(now); run_connlint "$2"; t1=$(now)
			tl="$tl $((t1 - t0))"
			t0=$(now); run_diff "$2"; t1=$(now)
			td="$td $((t1 - t0))"
			i=$((i + 1))
		done
		run_diff "$2"
		awk -v label="$1" -v ml="$(echo "$tl" | median)" -v md="$(echo "$td" | median)" \
		    -v n6="$(grep -c '\[CL6[0-9][0-9]' "$OUT/diff.out" || true)" 'BEGIN {
			printf "  %-24s lint %7.3f s   diff %7.3f s   ratio %5.2f   CL6xx diagnostics %d\n", label, ml / 1e9, md / 1e9, md / ml, n6
		}'
	}
	changed_copy "$OUT/corpus-changed" 100
	changed_copy "$OUT/corpus-changed-all" 1
	echo
	echo "connlint diff -j 1 --format gcc OLD NEW against connlint -j 1 --format gcc NEW (target: ratio at most 2.5)"
	diff_bench "every 100th file changed" "$OUT/corpus-changed"
	diff_bench "every file changed" "$OUT/corpus-changed-all"
fi

# ---- custom rules (--rules) ----
# The corpus with the 20-rule bench/bench.rules.xml next to a plain lint,
# -j 1, interleaved; and -j 2 with the ruleset (the ruleset is compiled
# once and shared by the workers).
if [ "${BENCH_RULES:-1}" != 0 ] && [ "${BENCH_HOSTILE:-1}" != only ]; then
	run_rules() {
		rc=0
		"$CONNLINT" "$@" --no-config --format gcc --rules bench/bench.rules.xml "$CORPUS" >"$OUT/rules.out" 2>"$OUT/rules.stderr" || rc=$?
		[ "$rc" -le 1 ] || die "connlint --rules failed (exit $rc): $(head -n 3 "$OUT/rules.stderr")"
	}
	run_rules -j 1
	tl="" tr1="" tr2=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(now); run_connlint "$CORPUS"; t1=$(now)
		tl="$tl $((t1 - t0))"
		t0=$(now); run_rules -j 1; t1=$(now)
		tr1="$tr1 $((t1 - t0))"
		t0=$(now); run_rules -j 2; t1=$(now)
		tr2="$tr2 $((t1 - t0))"
		i=$((i + 1))
	done
	run_rules -j 1
	echo
	echo "connlint -j 1 --rules bench/bench.rules.xml (20 rules) against connlint -j 1, same corpus (target: ratio at most 1.5)"
	awk -v ml="$(echo "$tl" | median)" -v m1="$(echo "$tr1" | median)" -v m2="$(echo "$tr2" | median)" \
	    -v nb="$(grep -c '\[BENCH[0-9]*' "$OUT/rules.out" || true)" 'BEGIN {
		printf "  plain lint       %7.3f s\n", ml / 1e9
		printf "  with the ruleset %7.3f s   ratio %5.2f   BENCH diagnostics %d\n", m1 / 1e9, m1 / ml, nb
		printf "  with it, -j 2    %7.3f s   speed-up over -j 1 %5.2f\n", m2 / 1e9, m1 / m2
	}'
fi

# ---- the language server (connlint lsp) ----
# didChange -> publishDiagnostics for a typical connector and a 1 MB one,
# and the server's memory after 10,000 edits (bench/lsp.c).
if [ "${BENCH_LSP:-1}" != 0 ] && [ "${BENCH_HOSTILE:-1}" != only ]; then
	# shellcheck disable=SC2086
	$CC $CFLAGS_BENCH -D_POSIX_C_SOURCE=200809L -o "$OUT/lsp" bench/lsp.c
	echo
	"$OUT/lsp" "$CONNLINT" fixtures/examples/xero.connector.xml
	echo
fi

# ---- hostile shapes (issue 16) ----
# Inputs of one repeated construct that once made connlint quadratic, each
# at N and at 4N repeats (bench/gen -H): linear code takes about 4 times
# the time and memory at 4N, quadratic code 16 times. docs/performance.md
# ("Hostile shapes") has the figures before and after.
[ "${BENCH_HOSTILE:-1}" != 0 ] || exit 0
HRUNS=${BENCH_HOSTILE_RUNS:-3}
HDIR=$OUT/hostile
mkdir -p "$HDIR"
SMALL=fixtures/examples/shopify.connector.xml
[ -f "$SMALL" ] || SMALL=$(find fixtures/examples -name '*.xml' | LC_ALL=C sort | head -n 1)

# hostile_one LABEL SHAPE N ARGS...: generates SHAPE at N and runs ARGS, in which @FILE@ stands for the generated input and
# @N@ for N; prints "LABEL N NANOSECONDS KB". Exit statuses up to 2 are
# expected (findings, a refused baseline).
hostile_one() {
	label=$1 shape=$2 n=$3
	shift 3
	file=$HDIR/$shape-$n.in
	"$OUT/gen" -H "$shape" -n "$n" "$file" || die "gen -H $shape -n $n failed"
	for a in "$@"; do
		shift
		case $a in
		@FILE@) set -- "$@" "$file" ;;
		*@N@*) set -- "$@" "$(printf '%s' "$a" | sed "s/@N@/$n/")" ;;
		*) set -- "$@" "$a" ;;
		esac
	done
	times="" k=0
	while [ "$k" -lt "$HRUNS" ]; do
		rc=0
		t0=$(now)
		rss "$HDIR/rss" "$@" >/dev/null 2>&1 || rc=$?
		t1=$(now)
		[ "$rc" -le 2 ] || die "connlint failed on $label at $n (exit $rc)"
		times="$times $((t1 - t0))"
		k=$((k + 1))
	done
	echo "$label $n $(echo "$times" | median) $(tail -n 1 "$HDIR/rss")"
}

# The sizes N of the shapes, in the order below.
hostile_all() {
	hostile_one "fingerprints, --format sarif" fingerprints "$1" \
		"$CONNLINT" -j 1 --no-config --format sarif @FILE@
	hostile_one "fingerprints, --write-baseline" fingerprints "$1" \
		"$CONNLINT" -j 1 --no-config --format gcc --write-baseline "$HDIR/fp-@N@.baseline" @FILE@
	hostile_one "fingerprints, --baseline" fingerprints "$1" \
		"$CONNLINT" -j 1 --no-config --format gcc --baseline "$HDIR/fp-@N@.baseline" @FILE@
	hostile_one "attributes with references" attributes "$2" \
		"$CONNLINT" -j 1 --no-config --format gcc @FILE@
	hostile_one "attributes in one tag" crowded-tag "$3" \
		"$CONNLINT" -j 1 --no-config --format gcc @FILE@
	hostile_one "malformed placeholders" malformed "$4" \
		"$CONNLINT" -j 1 --no-config --format gcc @FILE@
	hostile_one "variables and near misses" variables "$5" \
		"$CONNLINT" -j 1 --no-config --format gcc @FILE@
	hostile_one "suppression pairs" suppressions "$6" \
		"$CONNLINT" -j 1 --no-config --format gcc @FILE@
	hostile_one "baseline of one long line" baseline-line "$7" \
		"$CONNLINT" -j 1 --no-config --format gcc --baseline @FILE@ "$SMALL"
}

echo
echo "hostile shapes: median of $HRUNS runs at N and at 4N, -j 1 ($rss_tool for peak RSS)"
{
	hostile_all 10000 100000 200000 250000 10000 50000 4194304
	hostile_all 40000 400000 800000 1000000 40000 200000 16777216
} > "$HDIR/results.txt"
awk '{
	n = NF; kb = $n; ns = $(n - 1); size = $(n - 2)
	label = $1; for (i = 2; i <= n - 3; i++) label = label " " $i
	if (!(label in first)) { order[++rows] = label; first[label] = size; t1[label] = ns; r1[label] = kb }
	else { second[label] = size; t2[label] = ns; r2[label] = kb }
} END {
	printf "  %-32s %9s %8s %9s %9s %8s %9s %7s %7s\n", "shape", "N", "wall s", "peak KB", "4N", "wall s", "peak KB", "time x", "RSS x"
	for (i = 1; i <= rows; i++) {
		l = order[i]
		printf "  %-32s %9d %8.3f %9d %9d %8.3f %9d %7.1f %7.1f\n", l, first[l], t1[l] / 1e9, r1[l], second[l], t2[l] / 1e9, r2[l], (t1[l] > 0 ? t2[l] / t1[l] : 0), (r1[l] > 0 ? r2[l] / r1[l] : 0)
	}
}' "$HDIR/results.txt"
