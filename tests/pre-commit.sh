#!/bin/sh
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real
# pre-commit in a throw-away git repository set up from the snippet and the
# autoupdate command in docs/ci.md: a commit of a broken connector
# is refused with connlint's message, a clean one goes through; both the
# `connlint` hook (built from this tree by scripts/pre-commit-hook.sh) and
# `connlint-system` (the connlint on PATH).
#
# Exits 77 (skipped) when pre-commit or git is missing and cannot be
# installed (apt-get, as root only). Runs from the repository root:
#   tests/pre-commit.sh            (make check-pre-commit)
set -eu

here=$(pwd -P)
[ -f "$here/.pre-commit-hooks.yaml" ] || { echo "run from the repository root" >&2; exit 2; }

need=""
command -v pre-commit >/dev/null 2>&1 || need="$need pre-commit"
command -v git >/dev/null 2>&1 || need="$need git"
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "pre-commit.sh: installing$need" >&2
		export DEBIAN_FRONTEND=noninteractive
		# shellcheck disable=SC2086
		{ apt-get update -q && apt-get install -y -q --no-install-recommends $need; } >&2 ||
			{ echo "pre-commit.sh: SKIP: cannot install$need" >&2; exit 77; }
	else
		echo "pre-commit.sh: SKIP:$need missing (install as root to test)" >&2
		exit 77
	fi
fi

tmp=$(mktemp -d /tmp/connlint-pre-commit-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/pre-commit-home" CONNLINT_CACHE="$tmp/connlint-cache"
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home"
mkdir -p "$HOME"
git config --global user.name "connlint test"
git config --global user.email "test@connlint.invalid"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

fail() { echo "pre-commit.sh: FAIL: $*" >&2; exit 1; }

# The hook repository: this working tree as it is (uncommitted changes
# included), without build output, as one commit.
hooks="$tmp/hooks"
mkdir "$hooks"
tar -C "$here" --exclude=./build --exclude=./.git -cf - . | tar -C "$hooks" -xf -
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" commit -q -m "connlint under test"
rev=$(git -C "$hooks" rev-parse HEAD)

# The project that uses it.
proj="$tmp/project"
mkdir "$proj"
cd "$proj"
git init -q
# The configuration as docs/ci.md gives it (its first yaml block under
# "## pre-commit"), with this tree's copy as the repository, pinned the way
# it says: so the page cannot drift from what works.
url="https://github.com/connlint/connlint"
awk '/^## pre-commit/ { s = 1 } s && /^```yaml/ { b = 1; next }
     b && /^```/ { exit } b' "$here/docs/ci.md" >"$tmp/snippet.yaml"
grep -q "repo: $url\$" "$tmp/snippet.yaml" ||
	{ cat "$tmp/snippet.yaml" >&2; fail "docs/ci.md: no pre-commit snippet for $url"; }
grep -q "^pre-commit autoupdate --bleeding-edge --freeze\$" "$here/docs/ci.md" ||
	fail "docs/ci.md: the autoupdate command is not there as tested"
sed "s|repo: $url\$|repo: file://$hooks|" "$tmp/snippet.yaml" >.pre-commit-config.yaml
pre-commit autoupdate --bleeding-edge --freeze >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out" >&2; fail "pre-commit autoupdate, as docs/ci.md says, failed"; }
grep -q "rev: $rev" .pre-commit-config.yaml ||
	{ cat .pre-commit-config.yaml >&2; fail "autoupdate did not pin the hook to $rev"; }
git add .pre-commit-config.yaml
git commit -q -m "pre-commit configuration" --no-verify
pre-commit install >/dev/null

# A broken connector: the commit is refused, with connlint's message.
cp "$here/fixtures/cli/unknown-auth-method.connector.xml" shop.xml
git add shop.xml
if git commit -m "broken connector" >"$tmp/out" 2>&1; then
	cat "$tmp/out" >&2
	fail "a broken connector was committed"
fi
grep -q "shop.xml:26:28: error: no auth method \`acme-basik\`" "$tmp/out" ||
	{ cat "$tmp/out" >&2; fail "connlint's message is missing"; }
grep -q "\[CL402 enable-unknown-auth-method\]" "$tmp/out" ||
	{ cat "$tmp/out" >&2; fail "the rule is missing"; }
[ -x "$(find "$CONNLINT_CACHE" -name connlint -type f | head -n 1)" ] ||
	fail "no connlint in the cache folder"

# A clean one goes through, with the connlint built the first time.
git rm -q --cached shop.xml
rm shop.xml
cp "$here/fixtures/cli/clean.connector.xml" shop.xml
# A configuration file is not a connector: not passed to connlint.
printf '<connlint>\n  <ignore rules="CL403"/>\n</connlint>\n' > connlint.xml
git add shop.xml connlint.xml
git commit -q -m "clean connector" >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out" >&2; fail "a clean connector was refused"; }
if grep -q "building connlint" "$tmp/out"; then
	cat "$tmp/out" >&2
	fail "connlint was built again"
fi

# connlint-system: the connlint on PATH.
bin=$(find "$CONNLINT_CACHE" -name connlint -type f | head -n 1)
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/connlint"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: file://$hooks
    rev: $rev
    hooks:
      - id: connlint-system
YAML
cp "$here/fixtures/cli/unknown-auth-method.connector.xml" broken.xml
git add .pre-commit-config.yaml broken.xml
if PATH="$tmp/bin:$PATH" git commit -m "broken, system hook" >"$tmp/out" 2>&1; then
	cat "$tmp/out" >&2
	fail "connlint-system let a broken connector through"
fi
grep -q "broken.xml:26:28: error: " "$tmp/out" ||
	{ cat "$tmp/out" >&2; fail "connlint-system's message is missing"; }
git rm -q --cached broken.xml
rm broken.xml
git add .pre-commit-config.yaml
PATH="$tmp/bin:$PATH" git commit -q -m "system hook" >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out" >&2; fail "connlint-system refused a clean commit"; }

echo "pre-commit.sh: OK (connlint and connlint-system hooks)"
