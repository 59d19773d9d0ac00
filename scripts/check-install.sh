#!/bin/sh
# make check-install: installs into a staging DESTDIR and builds the usage
# example of include/connlint.h against it with pkg-config, linked with
# the shared library and, with --static, with the archive; then runs both.
# Prints "install: N passed, N failed" (counted by scripts/test-summary.sh).
# Usage: scripts/check-install.sh BUILD_DIR [LOG_FILE]
set -eu
build=$1
log=${2:-}
stage=$build/stage
prefix=/usr/local
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "install: ok: $1"; }
bad() { failed=$((failed + 1)); echo "install: FAILED: $1" >&2; }

rm -rf "$stage"
make --no-print-directory BUILD="$build" DESTDIR="$stage" PREFIX="$prefix" \
	install >/dev/null

# what make install promises
for f in bin/connlint include/connlint.h lib/libconnlint.a \
         lib/libconnlint.so lib/pkgconfig/connlint.pc share/man/man1/connlint.1; do
	if [ -e "$stage$prefix/$f" ]; then ok "$f installed"; else bad "$f missing"; fi
done
soname=$(objdump -p "$stage$prefix/lib/libconnlint.so" | awk '$1 == "SONAME" { print $2 }')
case $soname in
libconnlint.so.[0-9]*) ok "soname $soname" ;;
*) bad "soname '$soname'" ;;
esac
# -fvisibility=hidden with CL_EXPORT: the API is exported, internals not
exported=$(nm -D --defined-only "$stage$prefix/lib/libconnlint.so" | awk '{ print $3 }')
if echo "$exported" | grep -qx cl_lint_file; then ok "cl_lint_file exported"; else bad "cl_lint_file not exported"; fi
if echo "$exported" | grep -qx cl_report; then bad "internal cl_report exported"; else ok "internals hidden"; fi

# the header's example, exactly as written there
src=$build/example.c
sed -n '/^ \* -- example --$/,/^ \* -- end --$/p' include/connlint.h |
	sed '1d;$d' | sed 's/^ \*     //; s/^ \*$//' > "$src"
export PKG_CONFIG_PATH="$stage$prefix/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$stage"
${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$build/example" "$src" \
	$(pkg-config --cflags --libs connlint) && ok "example builds (shared)" || bad "example build (shared)"
${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$build/example-static" "$src" \
	$(pkg-config --cflags connlint) -Wl,-Bstatic $(pkg-config --libs-only-L connlint) -lconnlint \
	-Wl,-Bdynamic $(pkg-config --static --libs-only-l connlint | sed 's/-lconnlint//') \
	&& ok "example builds (static)" || bad "example build (static)"
for exe in example example-static; do
	rc=0
	out=$(LD_LIBRARY_PATH="$stage$prefix/lib" "$build/$exe" fixtures/rules/CL303/authorisation-code.xml) || rc=$?
	if [ "$rc" = 1 ] && echo "$out" | grep -q '^14:64: .*\[CL303\]$'; then ok "$exe finds CL303"; else bad "$exe: exit $rc: $out"; fi
	rc=0
	LD_LIBRARY_PATH="$stage$prefix/lib" "$build/$exe" fixtures/examples/xero.connector.xml >/dev/null || rc=$?
	if [ "$rc" = 0 ]; then ok "$exe: clean example is clean"; else bad "$exe: clean example: exit $rc"; fi
done
# the dynamic one really uses the shared library
if ldd "$build/example" | grep -q "libconnlint.so"; then ok "example links libconnlint.so"; else bad "example does not link libconnlint.so"; fi

line="install: $passed passed, $failed failed"
echo "$line"
[ -z "$log" ] || echo "$line" >> "$log"
[ "$failed" -eq 0 ]
