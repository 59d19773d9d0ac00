# connlint: plain Makefile, dependencies through pkg-config.
#
#   make              build build/connlint and build/libconnlint.a
#   make run          install missing deps, build, lint fixtures/examples/
#   make check        install missing deps, build, run every test, then the
#                     same tests again under AddressSanitizer + UBSan
#   make check SANITIZE=address,undefined   only the sanitizer pass
#   make bench        benchmark against xmllint --noout (bench/run.sh)
#   make install      PREFIX=/usr/local DESTDIR=
#   make clean

CC      ?= cc
AR      ?= ar
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
MANDIR  ?= $(PREFIX)/share/man

PKGS       := libxml-2.0 libpcre2-8
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wpointer-arith -Wwrite-strings -Wformat=2 \
        -Wvla -Wundef -Wold-style-definition
OPT  ?= -O2 -g
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc
CFLAGS   += -std=c11 $(OPT) $(WARN) -fvisibility=hidden

ifdef SANITIZE
BUILD   ?= build/sanitize
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
else
BUILD   ?= build
endif

LIB_SRC   := $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard rules/*.c)
RULE_DOCS := $(sort $(wildcard docs/rules/CL*.md))
LIB_OBJ   := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/gen/rule_docs.o
MAIN_OBJ  := $(BUILD)/obj/src/main.o
TEST_SRC  := $(wildcard tests/check_*.c)
TEST_BIN  := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
CORPUS    := $(BUILD)/tests/corpus
HEADERS   := $(wildcard include/*.h src/*.h rules/*.h tests/*.h)

.PHONY: all run check check-unit check-corpus check-sanitize bench install \
        uninstall clean deps deps-test

all: $(BUILD)/connlint $(BUILD)/libconnlint.a

$(BUILD)/libconnlint.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/connlint: $(MAIN_OBJ) $(BUILD)/libconnlint.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

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

$(BUILD)/obj/gen/rule_docs.o: $(BUILD)/gen/rule_docs.c src/ruledoc.h
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

check: deps-test
	@$(MAKE) --no-print-directory check-unit check-corpus
ifndef SANITIZE
	@$(MAKE) --no-print-directory SANITIZE=address,undefined check-unit check-corpus
endif

check-unit: $(BUILD)/connlint $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do \
	    echo "== $$t"; CONNLINT=$(BUILD)/connlint CK_FORK=yes $$t; done

check-corpus: $(CORPUS) $(BUILD)/connlint
	$(CORPUS) fixtures

bench: deps-test
	@$(MAKE) --no-print-directory all
	bench/run.sh $(BUILD)/connlint

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR)
	install -m 755 $(BUILD)/connlint $(DESTDIR)$(BINDIR)/connlint
	install -m 644 $(BUILD)/libconnlint.a $(DESTDIR)$(LIBDIR)/libconnlint.a
	install -m 644 include/connlint.h $(DESTDIR)$(INCDIR)/connlint.h

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/connlint $(DESTDIR)$(LIBDIR)/libconnlint.a \
	    $(DESTDIR)$(INCDIR)/connlint.h

clean:
	rm -rf build
