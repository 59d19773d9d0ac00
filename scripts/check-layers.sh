#!/bin/sh
# make check-layers: holds the layering of docs/hacking.md over the
# #include lines of src/, rules/ and include/.
#   1. every module sits in a layer folder, and includes only headers of
#      its own layer or of the layers below it (the matrix below);
#   2. no module (a .c and its .h) includes, directly or through others,
#      a module that includes it back.
# Prints "layers: N passed, N failed" (counted by scripts/test-summary.sh).
# Usage: scripts/check-layers.sh [LOG_FILE]
set -eu
log=${1:-}
files=$(find include src rules -name '*.[ch]' | sort)
# layer of a file, from its folder; "-" for a file outside every layer
layer_of() {
	case $1 in
	include/*) echo api ;;
	src/base/*) echo base ;;
	src/parse/*) echo parse ;;
	src/engine/*) echo engine ;;
	rules/lib/*) echo ruleslib ;;
	rules/*) echo rules ;;
	src/report/*) echo report ;;
	src/run/*) echo run ;;
	src/lsp/*) echo lsp ;;
	src/cli/*) echo cli ;;
	*) echo - ;;
	esac
}
# The matrix: who may include whom (besides its own layer and the public
# header, which every layer may include).
may_include() {
	case "$1:$2" in
	*:api) return 0 ;;
	base:base) return 0 ;;
	parse:base | parse:parse) return 0 ;;
	engine:base | engine:parse | engine:engine) return 0 ;;
	ruleslib:base | ruleslib:parse | ruleslib:engine | ruleslib:ruleslib) return 0 ;;
	rules:base | rules:parse | rules:engine | rules:ruleslib | rules:rules) return 0 ;;
	report:base | report:parse | report:engine | report:report) return 0 ;;
	run:base | run:parse | run:engine | run:report | run:run) return 0 ;;
	lsp:base | lsp:parse | lsp:engine | lsp:ruleslib | lsp:report | lsp:run | lsp:lsp) return 0 ;;
	cli:cli) return 0 ;;
	esac
	return 1
}

edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
failed=0
passed=0
for f in $files; do
	l=$(layer_of "$f")
	if [ "$l" = - ]; then
		echo "layers: $f is in no layer folder" >&2
		failed=$((failed + 1))
		continue
	fi
	m=$(basename "$f" | sed 's/\.[ch]$//')
	for h in $(sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
		case $h in *.def) continue ;; esac
		target=$(echo "$files" | grep "/$h\$" | head -n 1)
		if [ -z "$target" ]; then
			continue # generated (build/gen) or a test header
		fi
		tl=$(layer_of "$target")
		if [ "$tl" != "$l" ] && ! may_include "$l" "$tl"; then
			echo "layers: $f ($l) includes $h ($tl)" >&2
			failed=$((failed + 1))
		else
			passed=$((passed + 1))
		fi
		tm=$(basename "$target" | sed 's/\.[ch]$//')
		[ "$tm" = "$m" ] || echo "$m $tm" >> "$edges"
	done
done
# Cycles in the module graph: a depth-first search that reports a back edge.
cycle=$(sort -u "$edges" | awk '
	{ n[$1]++; adj[$1, n[$1]] = $2; nodes[$1] = 1; nodes[$2] = 1 }
	function visit(v,    i, w) {
		state[v] = 1; path[++depth] = v
		for (i = 1; i <= n[v]; i++) {
			w = adj[v, i]
			if (state[w] == 1) { found = w; return 1 }
			if (!state[w] && visit(w)) return 1
		}
		state[v] = 2; depth--
		return 0
	}
	END {
		for (v in nodes) if (!state[v] && visit(v)) {
			s = ""; on = 0
			for (i = 1; i <= depth; i++) {
				if (path[i] == found) on = 1
				if (on) s = s path[i] " -> "
			}
			print s found
			exit
		}
	}')
if [ -n "$cycle" ]; then
	echo "layers: module cycle: $cycle" >&2
	failed=$((failed + 1))
else
	passed=$((passed + 1))
fi
line="layers: $passed passed, $failed failed"
echo "$line"
[ -z "$log" ] || echo "$line" >> "$log"
[ "$failed" -eq 0 ]
