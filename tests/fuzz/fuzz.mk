# libFuzzer targets; included by the top-level Makefile. See docs/fuzzing.md.
#
#   make fuzz          fuzz for FUZZ_SECONDS (default 600), corpus kept in
#                      build/fuzz/corpus between runs, then the fix
#                      target for FUZZ_FIX_SECONDS (default 120)
#   make fuzz-smoke    from the seeds only: 25 s of the small target, 15 s
#                      of the language server target, 15 s of the fix
#                      target, 15 s of the ruleset target and 25 s of the
#                      large-input target (95 s in all, 90 s before the
#                      ruleset target: of its 15 s, 5 s are new and 5 s
#                      came out of each of the small and the large-input
#                      targets' 30); fails on any crash, leak,
#                      timeout, out-of-memory or failed check (run by
#                      `make check`)
#   make fuzz-big      the large-input target (fuzz_lint_big: one piece of
#                      the document repeated up to 256 KiB, fingerprints,
#                      baselines and SARIF on) for FUZZ_SECONDS
#   make fuzz-fix      the fix target (fuzz_fix: every fix, safe and
#                      unsafe, applied as --fix does; the result stays
#                      well-formed and a second --fix changes nothing)
#                      alone, for FUZZ_SECONDS
#   make fuzz-lsp      the language server target (fuzz_lsp: a client's
#                      session of JSON-RPC messages, raw header bytes and
#                      document texts, the output checked frame by frame)
#                      alone, for FUZZ_SECONDS
#   make fuzz-ruleset  the ruleset target (fuzz_ruleset: a custom-rules
#                      file, a NUL, a connector; the ruleset loaded,
#                      then the connector linted with its rules and the
#                      built-in ones) alone, for FUZZ_SECONDS
#
# The library is compiled here again, from its sources, with clang and the
# fuzzer and sanitizer instrumentation, into build/fuzz/: the main build's
# objects are neither instrumented for coverage nor necessarily clang's.
# Crashes land in build/fuzz/artifacts/; see docs/fuzzing.md for what to do
# with them.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_BIG_SMOKE_SECONDS ?= 25
# The smoke test's first 70 s, split between the small target, the
# language server target, the fix target and the ruleset target; `make
# fuzz` gives the fix target FUZZ_FIX_SECONDS after the small one's
# FUZZ_SECONDS.
FUZZ_SMOKE_SECONDS ?= 25
FUZZ_LSP_SMOKE_SECONDS ?= 15
FUZZ_FIX_SMOKE_SECONDS ?= 15
FUZZ_RULESET_SMOKE_SECONDS ?= 15
FUZZ_FIX_SECONDS ?= 120
# Under the main build's directory (build/fuzz by default), so that
# `make BUILD=DIR fuzz-smoke` keeps to DIR.
FUZZ_DIR     ?= $(BUILD)/fuzz
FUZZ_BIN     := $(FUZZ_DIR)/fuzz_lint
FUZZ_BIG_BIN := $(FUZZ_DIR)/fuzz_lint_big
FUZZ_FIX_BIN := $(FUZZ_DIR)/fuzz_fix
FUZZ_LSP_BIN := $(FUZZ_DIR)/fuzz_lsp
FUZZ_RULESET_BIN := $(FUZZ_DIR)/fuzz_ruleset
FUZZ_DICT    := tests/fuzz/xml.dict
# The LSP target's dictionary: the protocol's methods and members
# (lsp.dict) and the XML one, for the document texts; libFuzzer takes one
# -dict, so the two are joined under FUZZ_DIR.
FUZZ_LSP_DICT := $(FUZZ_DIR)/lsp-xml.dict
# Its seeds: hand-written sessions (format in tests/fuzz/fuzz_lsp.c).
FUZZ_LSP_SEEDS := tests/fuzz/lsp-seeds
# The ruleset target's dictionary: the format's elements, attributes and
# XPath tokens (ruleset.dict) and the XML one, for the connectors; joined
# under FUZZ_DIR as the LSP one.
FUZZ_RULESET_DICT := $(FUZZ_DIR)/ruleset-xml.dict
# Its seeds: hand-made rulesets, one per assertion kind and a few that do
# not load (committed), and, made at run time, every ruleset of
# examples/rulesets/ with each connector of its tests folder, and every
# one of fixtures/rulesets/ with each connector there; each is the
# ruleset, a NUL and the connector (format in tests/fuzz/fuzz_ruleset.c).
FUZZ_RULESET_SEEDS := tests/fuzz/ruleset-seeds
# Limits: a run that needs more than these has found a bug (an input of
# 64 KiB must never take 10 s or 2 GiB).
FUZZ_OPTS    ?= -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
                -dict=$(FUZZ_DICT) -print_final_stats=1
FUZZ_LSP_OPTS = $(subst -dict=$(FUZZ_DICT),-dict=$(FUZZ_LSP_DICT),$(FUZZ_OPTS))
FUZZ_RULESET_OPTS = $(subst -dict=$(FUZZ_DICT),-dict=$(FUZZ_RULESET_DICT),$(FUZZ_OPTS))
# -O1 keeps the sanitizers' stacks readable and the fuzzer fast enough.
FUZZ_CFLAGS  := -std=c11 -O1 -g -fno-omit-frame-pointer -pthread \
                -fno-sanitize-recover=all $(WARN)
FUZZ_CPPFLAGS := -D_POSIX_C_SOURCE=200809L -Iinclude $(addprefix -I,$(SRC_DIRS)) \
                 $(shell pkg-config --cflags libxml-2.0 libpcre2-8 json-c 2>/dev/null)
FUZZ_LIBS    := $(shell pkg-config --libs libxml-2.0 libpcre2-8 json-c 2>/dev/null)
# The library gets the coverage hooks without libFuzzer's main().
FUZZ_LIB_SAN := -fsanitize=fuzzer-no-link,address,undefined
FUZZ_EXE_SAN := -fsanitize=fuzzer,address,undefined

FUZZ_LIB_SRC := $(LIB_SRC)
FUZZ_DOCS    := $(sort $(wildcard docs/rules/CL*.md))
FUZZ_OBJ     := $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_LIB_SRC)) \
                $(FUZZ_DIR)/obj/gen/rule_docs.o
FUZZ_HDRS    := $(HEADERS)
# Seeds: every fixture, with the harness's 4-byte option header in front,
# so that each one is read as the whole document it is. 0x7f: text, gcc
# and JSON in every variant, the two-file run and the line reader, no rule
# selection. Not bit 7 (SARIF, checkstyle, JUnit, GitHub): SARIF writes the
# whole rule catalogue with its documentation into every run, which takes
# most of an execution; mutations turn the bit on soon enough.
FUZZ_SEED_HDR := '\000\000\000\177'
# The large-input target's header has four more bytes: the piece that
# starts half-way through the document, 16 bytes long, repeated to fill a
# quarter of 256 KiB (tests/fuzz/fuzz_lint.c); text output off, as SARIF
# in the small target's seeds. Mutations find the rest.
FUZZ_BIG_SEED_HDR := '\000\000\000\000\200\000\017\100'
# The fix target reads the whole input as the document: no header.
FUZZ_FIX_SEED_HDR := ''
# The second make reads the same makefile as this one (normally Makefile).
FUZZ_MAKE    = $(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST))

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-deps fuzz-run fuzz-smoke-run \
        fuzz-big fuzz-big-run fuzz-fix fuzz-fix-run fuzz-lsp fuzz-lsp-run \
        fuzz-ruleset fuzz-ruleset-run

$(FUZZ_DIR)/obj/%.o: %.c $(FUZZ_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_LIB_SAN) -c -o $@ $<

$(FUZZ_DIR)/tools/embed_docs: tools/embed_docs.c
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

$(FUZZ_DIR)/gen/rule_docs.c: $(FUZZ_DIR)/tools/embed_docs $(FUZZ_DOCS)
	@mkdir -p $(@D)
	$(FUZZ_DIR)/tools/embed_docs $@ $(FUZZ_DOCS)

$(FUZZ_DIR)/obj/gen/rule_docs.o: $(FUZZ_DIR)/gen/rule_docs.c src/engine/ruledoc.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_LIB_SAN) -c -o $@ $<

$(FUZZ_BIN): tests/fuzz/fuzz_lint.c $(FUZZ_OBJ) $(FUZZ_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_EXE_SAN) -o $@ \
	    tests/fuzz/fuzz_lint.c $(FUZZ_OBJ) $(FUZZ_LIBS)

$(FUZZ_BIG_BIN): tests/fuzz/fuzz_lint.c $(FUZZ_OBJ) $(FUZZ_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_EXE_SAN) -DCL_FUZZ_BIG \
	    -o $@ tests/fuzz/fuzz_lint.c $(FUZZ_OBJ) $(FUZZ_LIBS)

$(FUZZ_FIX_BIN): tests/fuzz/fuzz_fix.c $(FUZZ_OBJ) $(FUZZ_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_EXE_SAN) -o $@ \
	    tests/fuzz/fuzz_fix.c $(FUZZ_OBJ) $(FUZZ_LIBS)

$(FUZZ_LSP_BIN): tests/fuzz/fuzz_lsp.c $(FUZZ_OBJ) $(FUZZ_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_EXE_SAN) -o $@ \
	    tests/fuzz/fuzz_lsp.c $(FUZZ_OBJ) $(FUZZ_LIBS)

$(FUZZ_LSP_DICT): tests/fuzz/lsp.dict $(FUZZ_DICT)
	@mkdir -p $(@D)
	cat tests/fuzz/lsp.dict $(FUZZ_DICT) >$@

$(FUZZ_RULESET_BIN): tests/fuzz/fuzz_ruleset.c $(FUZZ_OBJ) $(FUZZ_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_EXE_SAN) -o $@ \
	    tests/fuzz/fuzz_ruleset.c $(FUZZ_OBJ) $(FUZZ_LIBS)

$(FUZZ_RULESET_DICT): tests/fuzz/ruleset.dict $(FUZZ_DICT)
	@mkdir -p $(@D)
	cat tests/fuzz/ruleset.dict $(FUZZ_DICT) >$@

# As with `deps`, the checks run before a second make reads pkg-config's
# answers, so that packages installed by them are seen.
fuzz-deps:
	@scripts/ensure-deps.sh build
	@scripts/ensure-fuzz-deps.sh

fuzz-build: $(FUZZ_BIN) $(FUZZ_BIG_BIN) $(FUZZ_FIX_BIN) $(FUZZ_LSP_BIN) \
            $(FUZZ_RULESET_BIN)

# $(1): the corpus directory, emptied of seeds and seeded again; $(2):
# the header in front of each (default FUZZ_SEED_HDR).
define fuzz_seed
	@mkdir -p $(1) $(FUZZ_DIR)/artifacts
	@find fixtures -name '*.xml' -type f | LC_ALL=C sort | while read -r f; do \
	    name=$$(printf '%s' "$$f" | tr '/' '_'); \
	    { printf $(or $(2),$(FUZZ_SEED_HDR)); cat "$$f"; } >"$(1)/seed-$$name"; \
	done
endef

# $(1): the LSP target's corpus directory, seeded again from
# FUZZ_LSP_SEEDS (sessions, not connector files: no fixture fits).
define fuzz_seed_lsp
	@mkdir -p $(1) $(FUZZ_DIR)/artifacts
	@for f in $(FUZZ_LSP_SEEDS)/*; do \
	    cp "$$f" "$(1)/seed-$$(basename "$$f")"; \
	done
endef

# $(1): the ruleset target's corpus directory, seeded again: the
# committed FUZZ_RULESET_SEEDS, then each ruleset of examples/rulesets/
# followed by a NUL and each connector of its tests folder
# (NAME.rules.xml: NAME-tests/), and each ruleset of fixtures/rulesets/
# followed by a NUL and each connector there.
define fuzz_seed_ruleset
	@mkdir -p $(1) $(FUZZ_DIR)/artifacts
	@for f in $(FUZZ_RULESET_SEEDS)/*; do \
	    cp "$$f" "$(1)/seed-$$(basename "$$f")"; \
	done
	@for r in examples/rulesets/*.rules.xml; do \
	    for c in "$${r%.rules.xml}"-tests/*.xml; do \
	        [ -f "$$c" ] || continue; \
	        name=$$(printf '%s+%s' "$$r" "$$c" | tr '/' '_'); \
	        { cat "$$r"; printf '\000'; cat "$$c"; } >"$(1)/seed-$$name"; \
	    done; \
	done
	@for r in fixtures/rulesets/*.rules.xml; do \
	    for c in fixtures/rulesets/*.xml; do \
	        case "$$c" in *.rules.xml) continue;; esac; \
	        name=$$(printf '%s+%s' "$$r" "$$c" | tr '/' '_'); \
	        { cat "$$r"; printf '\000'; cat "$$c"; } >"$(1)/seed-$$name"; \
	    done; \
	done
endef

fuzz:
	@$(FUZZ_MAKE) fuzz-deps
	@$(FUZZ_MAKE) fuzz-run

fuzz-run: $(FUZZ_BIN) $(FUZZ_FIX_BIN)
	$(call fuzz_seed,$(FUZZ_DIR)/corpus)
	$(FUZZ_BIN) $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/ $(FUZZ_DIR)/corpus
	@$(FUZZ_MAKE) fuzz-fix-run FUZZ_SECONDS=$(FUZZ_FIX_SECONDS)

# A fresh corpus each time: the smoke test's result must not depend on
# what earlier long runs left behind. libFuzzer exits non-zero on a crash,
# a leak, a timeout (-timeout) and an out-of-memory (-rss_limit_mb).
fuzz-smoke:
	@$(FUZZ_MAKE) fuzz-deps
	@$(FUZZ_MAKE) fuzz-smoke-run

fuzz-smoke-run: $(FUZZ_BIN) $(FUZZ_BIG_BIN) $(FUZZ_FIX_BIN) $(FUZZ_LSP_BIN) \
                $(FUZZ_LSP_DICT) $(FUZZ_RULESET_BIN) $(FUZZ_RULESET_DICT)
	@rm -rf $(FUZZ_DIR)/smoke-corpus $(FUZZ_DIR)/smoke-big-corpus \
	    $(FUZZ_DIR)/smoke-fix-corpus $(FUZZ_DIR)/smoke-lsp-corpus \
	    $(FUZZ_DIR)/smoke-ruleset-corpus
	$(call fuzz_seed,$(FUZZ_DIR)/smoke-corpus)
	$(FUZZ_BIN) $(FUZZ_OPTS) -max_total_time=$(FUZZ_SMOKE_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/ $(FUZZ_DIR)/smoke-corpus
	$(call fuzz_seed_lsp,$(FUZZ_DIR)/smoke-lsp-corpus)
	$(FUZZ_LSP_BIN) $(FUZZ_LSP_OPTS) -max_total_time=$(FUZZ_LSP_SMOKE_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/lsp- $(FUZZ_DIR)/smoke-lsp-corpus
	$(call fuzz_seed,$(FUZZ_DIR)/smoke-fix-corpus,$(FUZZ_FIX_SEED_HDR))
	$(FUZZ_FIX_BIN) $(FUZZ_OPTS) -max_total_time=$(FUZZ_FIX_SMOKE_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/fix- $(FUZZ_DIR)/smoke-fix-corpus
	$(call fuzz_seed_ruleset,$(FUZZ_DIR)/smoke-ruleset-corpus)
	$(FUZZ_RULESET_BIN) $(FUZZ_RULESET_OPTS) \
	    -max_total_time=$(FUZZ_RULESET_SMOKE_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/ruleset- \
	    $(FUZZ_DIR)/smoke-ruleset-corpus
	$(call fuzz_seed,$(FUZZ_DIR)/smoke-big-corpus,$(FUZZ_BIG_SEED_HDR))
	$(FUZZ_BIG_BIN) $(FUZZ_OPTS) -max_total_time=$(FUZZ_BIG_SMOKE_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/big- $(FUZZ_DIR)/smoke-big-corpus

# The large-input target alone, its corpus kept in build/fuzz/big-corpus.
fuzz-big:
	@$(FUZZ_MAKE) fuzz-deps
	@$(FUZZ_MAKE) fuzz-big-run

fuzz-big-run: $(FUZZ_BIG_BIN)
	$(call fuzz_seed,$(FUZZ_DIR)/big-corpus,$(FUZZ_BIG_SEED_HDR))
	$(FUZZ_BIG_BIN) $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/big- $(FUZZ_DIR)/big-corpus

# The fix target alone, its corpus kept in build/fuzz/fix-corpus.
fuzz-fix:
	@$(FUZZ_MAKE) fuzz-deps
	@$(FUZZ_MAKE) fuzz-fix-run

fuzz-fix-run: $(FUZZ_FIX_BIN)
	$(call fuzz_seed,$(FUZZ_DIR)/fix-corpus,$(FUZZ_FIX_SEED_HDR))
	$(FUZZ_FIX_BIN) $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/fix- $(FUZZ_DIR)/fix-corpus

# The language server target alone, its corpus kept in
# build/fuzz/lsp-corpus.
fuzz-lsp:
	@$(FUZZ_MAKE) fuzz-deps
	@$(FUZZ_MAKE) fuzz-lsp-run

fuzz-lsp-run: $(FUZZ_LSP_BIN) $(FUZZ_LSP_DICT)
	$(call fuzz_seed_lsp,$(FUZZ_DIR)/lsp-corpus)
	$(FUZZ_LSP_BIN) $(FUZZ_LSP_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/lsp- $(FUZZ_DIR)/lsp-corpus

# The ruleset target alone, its corpus kept in build/fuzz/ruleset-corpus.
fuzz-ruleset:
	@$(FUZZ_MAKE) fuzz-deps
	@$(FUZZ_MAKE) fuzz-ruleset-run

fuzz-ruleset-run: $(FUZZ_RULESET_BIN) $(FUZZ_RULESET_DICT)
	$(call fuzz_seed_ruleset,$(FUZZ_DIR)/ruleset-corpus)
	$(FUZZ_RULESET_BIN) $(FUZZ_RULESET_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/ruleset- $(FUZZ_DIR)/ruleset-corpus
