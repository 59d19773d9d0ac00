# connlint: plain Makefile, dependencies through pkg-config.
#
#   make              build build/connlint and build/libconnlint.a
#   make run          install missing deps, build, lint fixtures/examples/
#   make check        install missing deps, build, run every test, then the
#                     same tests again under AddressSanitizer + UBSan
#   make check SANITIZE=address,undefined   only the sanitizer pass
#   make check-sarif  validate SARIF output with Microsoft's SARIF Multitool
#   make check-pre-commit  the pre-commit hooks in a throw-away repository
#   make check-nvim   Neovim's built-in LSP client against connlint lsp
#   make fuzz         libFuzzer for FUZZ_SECONDS (make check runs fuzz-smoke)
#   make bench        benchmark against xmllint --noout (bench/run.sh)
#   make check-layers the include matrix of docs/hacking.md, no module cycle
#   make format       clang-format every source file (format-check: only look)
#   make check-install  install into a staging DESTDIR, build the header's
#                     example against it with pkg-config (in make check)
#   make install      PREFIX=/usr/local DESTDIR=: the program, the header,
#                     libconnlint.a, libconnlint.so (soname libconnlint.so.0),
#                     connlint.pc and the man page
#   make clean

CC      ?= cc
AR      ?= ar
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
MANDIR  ?= $(PREFIX)/share/man

PKGS       := libxml-2.0 libpcre2-8 json-c
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# The connlint program links PCRE2 and json-c statically when their
# archives are installed (Debian's libpcre2-dev and libjson-c-dev ship
# them): a run on one small file, as in a pre-commit hook or an editor, is
# mostly process start, and two shared objects fewer to map and relocate
# take it from above xmllint's time to below (issue 15,
# docs/performance.md). libxml2 stays shared, and so does everything in
# libconnlint.so. STATIC_DEPS=0 links them shared, as a distribution's
# package would, to take the libraries' updates without a rebuild.
DEPS_LIBDIR := $(shell pkg-config --variable=libdir libpcre2-8 2>/dev/null)
STATIC_DEPS ?= $(if $(and $(wildcard $(DEPS_LIBDIR)/libpcre2-8.a),$(wildcard $(DEPS_LIBDIR)/libjson-c.a)),1,0)
ifeq ($(STATIC_DEPS),1)
BIN_LIBS := $(shell pkg-config --libs libxml-2.0 2>/dev/null) -Wl,-Bstatic \
            $(shell pkg-config --libs libpcre2-8 json-c 2>/dev/null) -Wl,-Bdynamic
else
BIN_LIBS := $(PKG_LIBS)
endif
CHK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wpointer-arith -Wwrite-strings -Wformat=2 \
        -Wvla -Wundef -Wold-style-definition
OPT  ?= -O2 -g
# Every source folder is on the include path, so that a header is named
# by its file name alone wherever it lives; docs/hacking.md has the
# layers, and make check-layers holds them.
SRC_DIRS := src $(sort $(patsubst %/,%,$(dir $(wildcard src/*/*.[ch])))) \
            rules rules/lib
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iinclude $(addprefix -I,$(SRC_DIRS))
# -fPIC: the same objects make the archive and the shared library.
CFLAGS   += -std=c11 $(OPT) $(WARN) -fvisibility=hidden -fPIC -pthread
LDFLAGS  += -pthread

ifdef SANITIZE
BUILD   ?= build/sanitize
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
else
BUILD   ?= build
endif

CLI_SRC   := $(wildcard src/main.c src/cli/*.c)
LIB_SRC   := $(filter-out $(CLI_SRC),$(wildcard src/*.c src/*/*.c)) \
             $(wildcard rules/*.c rules/lib/*.c)
RULE_DOCS := $(sort $(wildcard docs/rules/CL*.md))
LIB_OBJ   := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/gen/rule_docs.o
MAIN_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(CLI_SRC))
TEST_SRC  := $(wildcard tests/check_*.c)
TEST_BIN  := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
CORPUS    := $(BUILD)/tests/corpus
HEADERS   := $(wildcard include/*.h src/*.h src/*/*.h rules/*.h rules/*.def \
             rules/lib/*.h tests/*.h tests/lib/*.h)

.PHONY: all run check check-tsan check-clients check-unit check-corpus check-sanitize check-sarif check-pre-commit check-nvim check-valgrind check-install check-layers format format-check bench install \
        uninstall clean deps deps-test

VERSION   := $(shell sed -n 's/^\#define CONNLINT_VERSION "\(.*\)"/\1/p' include/connlint.h)
SOVERSION := 0
SHLIB     := libconnlint.so.$(VERSION)
PKGLIBDIR ?= $(LIBDIR)/pkgconfig

all: $(BUILD)/connlint $(BUILD)/libconnlint.a $(BUILD)/$(SHLIB)

$(BUILD)/$(SHLIB): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libconnlint.so.$(SOVERSION) $(CFLAGS) \
	    $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/libconnlint.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/connlint: $(MAIN_OBJ) $(BUILD)/libconnlint.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(BIN_LIBS)

$(BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

# Rule pages compiled in, for --explain.
$(BUILD)/tools/embed_docs: tools/embed_docs.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/gen/rule_docs.c: $(BUILD)/tools/embed_docs $(RULE_DOCS)
	@mkdir -p $(@D)
	$(BUILD)/tools/embed_docs $@ $(RULE_DOCS)

$(BUILD)/obj/gen/rule_docs.o: $(BUILD)/gen/rule_docs.c src/engine/ruledoc.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(BUILD)/libconnlint.a $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(PKG_CFLAGS) $(CHK_CFLAGS) $(CFLAGS) $(LDFLAGS) \
	    -o $@ $< $(BUILD)/libconnlint.a $(PKG_LIBS) $(CHK_LIBS)

# The dependency check runs in a separate make invocation so that the
# pkg-config flags above are read again once the packages are installed.
deps:
	@scripts/ensure-deps.sh build
deps-test:
	@scripts/ensure-deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/connlint fixtures/examples/

# Every test program's and the corpus runner's closing line is kept in
# build/test-logs/, and one total is printed at the end.
TEST_LOGS := build/test-logs

check: deps-test
	@rm -rf $(TEST_LOGS)
	@$(MAKE) --no-print-directory check-layers format-check
	@$(MAKE) --no-print-directory check-unit check-corpus
ifndef SANITIZE
	@$(MAKE) --no-print-directory SANITIZE=address,undefined check-unit check-corpus
	@$(MAKE) --no-print-directory check-valgrind
	@$(MAKE) --no-print-directory check-tsan
	@$(MAKE) --no-print-directory check-install
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(MAKE) --no-print-directory check-clients
endif
	@scripts/test-summary.sh $(TEST_LOGS)

# ThreadSanitizer over what -j shares between threads: the ordered queue
# (whose caller's thread lints too), the session's linters and
# configuration, compiled rulesets and their registry. Each run counts as
# one check; any data race fails it (exit 66).
TSAN_RUNS := \
    "--no-config --format json --rules examples/rulesets/read-only.rules.xml --rules examples/rulesets/naming.rules.xml -j 3 fixtures examples" \
    "--no-config --format sarif -j 2 fixtures" \
    "diff --no-config --lint --rules examples/rulesets/documentation.rules.xml -j 2 examples/rulesets/naming-tests examples/rulesets/read-only-tests"
check-tsan:
	@$(MAKE) --no-print-directory SANITIZE=thread BUILD=build/tsan build/tsan/connlint
	@mkdir -p $(TEST_LOGS)
	@n=0; for a in $(TSAN_RUNS); do \
	    rc=0; TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
	        sh -c "build/tsan/connlint $$a" > /dev/null 2> build/tsan/stderr || rc=$$?; \
	    if [ $$rc -gt 1 ]; then cat build/tsan/stderr; \
	        echo "tsan: connlint $$a: exit $$rc"; \
	        echo "tsan: $$n passed, 1 failed" >> $(TEST_LOGS)/scripts.txt; exit 1; fi; \
	    n=$$((n + 1)); done; \
	echo "tsan: $$n passed, 0 failed (no data race in $$n -j runs)"; \
	echo "tsan: $$n passed, 0 failed" >> $(TEST_LOGS)/scripts.txt

# The real consumers, in make check: Microsoft's SARIF validator on every
# SARIF log tests/validate_sarif.sh makes, Debian's pre-commit on the
# hooks and the docs' snippet, and Debian's Neovim with its built-in LSP
# client against connlint lsp (tests/nvim-lsp.sh). Each counts as one check; a client that
# cannot run on this machine (exit 77: not Linux x86-64, pre-commit not
# installable without root) is reported as skipped, never as passed.
check-clients: all
	@mkdir -p $(TEST_LOGS)
	@for t in sarif sarif-custom pre-commit nvim-lsp; do \
	    rc=0; \
	    if [ $$t = sarif ]; then \
	        CONNLINT=$(BUILD)/connlint tests/validate_sarif.sh || rc=$$?; \
	    elif [ $$t = sarif-custom ]; then \
	        CONNLINT=$(BUILD)/connlint tests/sarif-custom.sh || rc=$$?; \
	    elif [ $$t = nvim-lsp ]; then \
	        CONNLINT=$(BUILD)/connlint tests/nvim-lsp.sh || rc=$$?; \
	    else tests/pre-commit.sh || rc=$$?; fi; \
	    case $$rc in \
	    0) echo "$$t: 1 passed, 0 failed" >> $(TEST_LOGS)/scripts.txt ;; \
	    77) echo "$$t: SKIPPED (see above)"; \
	        echo "$$t: 0 passed, 0 failed, 1 skipped" >> $(TEST_LOGS)/scripts.txt ;; \
	    *) echo "$$t: 0 passed, 1 failed" >> $(TEST_LOGS)/scripts.txt; exit 1 ;; \
	    esac; done

# valgrind memcheck over the whole fixture corpus, in every output format,
# one thread and two: any memcheck error or definite leak fails (exit 99;
# connlint's own exit 1 for findings is expected). No suppressions needed.
VALGRIND := valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
            --error-exitcode=99
# The format names, read from the one table in src/report/output.c.
FORMATS := $(shell sed -n 's/^[[:space:]]*{ "\([a-z]*\)", CL_FORMAT_.*/\1/p' \
             src/report/output.c)
check-valgrind: $(BUILD)/connlint $(BUILD)/tests/check_lsp
	@set -e; [ -n "$(FORMATS)" ]; for f in $(FORMATS); do \
	    for j in 1 2; do \
	        rc=0; $(VALGRIND) $(BUILD)/connlint --no-config -j $$j --format $$f \
	            fixtures > /dev/null || rc=$$?; \
	        if [ $$rc -ne 0 ] && [ $$rc -ne 1 ]; then \
	            echo "valgrind: --format $$f -j $$j: exit $$rc"; exit 1; fi; \
	    done; done; echo "valgrind: no memcheck errors, no definite leaks ($(words $(FORMATS)) formats, -j 1 and -j 2)"
	@mkdir -p $(TEST_LOGS); CONNLINT_REAL=$(BUILD)/connlint CONNLINT=tests/valgrind-connlint.sh \
	    CK_RUN_CASE=protocol CK_FORK=yes $(BUILD)/tests/check_lsp > $(TEST_LOGS)/valgrind-lsp.log 2>&1 || \
	    { cat $(TEST_LOGS)/valgrind-lsp.log; exit 1; }
	@echo "valgrind: connlint lsp through the protocol tests: $$(grep Checks: $(TEST_LOGS)/valgrind-lsp.log)"

check-unit: $(BUILD)/connlint $(TEST_BIN)
	@mkdir -p $(TEST_LOGS)
	@set -e; for t in $(TEST_BIN); do \
	    echo "== $$t"; \
	    CONNLINT=$(BUILD)/connlint CK_FORK=yes $$t > $(TEST_LOGS)/run.log 2>&1 || \
	        { cat $(TEST_LOGS)/run.log; exit 1; }; \
	    cat $(TEST_LOGS)/run.log; \
	    grep 'Checks:' $(TEST_LOGS)/run.log >> $(TEST_LOGS)/unit.txt; done

check-corpus: $(CORPUS) $(BUILD)/connlint
	@mkdir -p $(TEST_LOGS)
	$(CORPUS) fixtures | tee $(TEST_LOGS)/corpus.log
	@grep '^corpus:' $(TEST_LOGS)/corpus.log >> $(TEST_LOGS)/corpus.txt

# The include matrix of docs/hacking.md, and no module cycle.
check-layers:
	@mkdir -p $(TEST_LOGS)
	@scripts/check-layers.sh $(TEST_LOGS)/scripts.txt

# One code style (.clang-format): make format rewrites, format-check fails
# on any difference.
FORMAT_SRC = $(shell git ls-files '*.c' '*.h' 2>/dev/null || \
                 find include src rules tests tools bench -name '*.[ch]')
format:
	clang-format -i $(FORMAT_SRC)
format-check:
	@mkdir -p $(TEST_LOGS)
	@n=0; for f in $(FORMAT_SRC); do \
	    clang-format --dry-run -Werror "$$f" 2>/dev/null || { \
	        echo "format: $$f differs from .clang-format (make format)" >&2; \
	        n=$$((n + 1)); }; done; \
	echo "format: $$(( $(words $(FORMAT_SRC)) - n )) passed, $$n failed" | \
	    tee -a $(TEST_LOGS)/scripts.txt; [ $$n -eq 0 ]

check-install: all
	@mkdir -p $(TEST_LOGS)
	scripts/check-install.sh $(BUILD) $(TEST_LOGS)/scripts.txt

# SARIF output checked by Microsoft's SARIF Multitool from npm (~100 MB,
# Linux x86-64, network on first use); part of make check (check-clients).
check-sarif: all
	CONNLINT=$(BUILD)/connlint tests/validate_sarif.sh

# The hooks of .pre-commit-hooks.yaml run by the real pre-commit (installed
# with apt-get as root; skipped otherwise): about a minute; part of make
# check (check-clients).
check-pre-commit:
	tests/pre-commit.sh

# Neovim's built-in LSP client against connlint lsp (in make check).
check-nvim: all
	CONNLINT=$(BUILD)/connlint tests/nvim-lsp.sh

bench: deps-test
	@$(MAKE) --no-print-directory all
	bench/run.sh $(BUILD)/connlint

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	    $(DESTDIR)$(PKGLIBDIR)
	install -m 755 $(BUILD)/connlint $(DESTDIR)$(BINDIR)/connlint
	install -m 644 $(BUILD)/libconnlint.a $(DESTDIR)$(LIBDIR)/libconnlint.a
	install -m 755 $(BUILD)/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/libconnlint.so.$(SOVERSION)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/libconnlint.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCDIR@|$(INCDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@URL@|'"$$(sed -n 's/^\#define CONNLINT_URL "\(.*\)"/\1/p' include/connlint.h)"'|' \
	    connlint.pc.in > $(DESTDIR)$(PKGLIBDIR)/connlint.pc
	install -m 644 include/connlint.h $(DESTDIR)$(INCDIR)/connlint.h
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 docs/connlint.1 $(DESTDIR)$(MANDIR)/man1/connlint.1

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(SHLIB) $(DESTDIR)$(LIBDIR)/libconnlint.so \
	    $(DESTDIR)$(LIBDIR)/libconnlint.so.$(SOVERSION) \
	    $(DESTDIR)$(PKGLIBDIR)/connlint.pc
	rm -f $(DESTDIR)$(BINDIR)/connlint $(DESTDIR)$(LIBDIR)/libconnlint.a \
	    $(DESTDIR)$(INCDIR)/connlint.h $(DESTDIR)$(MANDIR)/man1/connlint.1

clean:
	rm -rf build

# libFuzzer targets: fuzz, fuzz-smoke (docs/fuzzing.md).
include tests/fuzz/fuzz.mk
