# newsutils: see README.md.  `make` builds bin/, `make test` runs the suite.
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
CC	?= cc
CFLAGS	?= -O2 -g
WERROR	?= -Werror
PKGS	 = libpcre2-8 libutf8proc
# pkg-config runs when a recipe first needs its answer, not when this file is
# read: in `make deps demo` the libraries (and pkg-config itself) only exist
# once deps has run, and an answer taken at parse time left them off the
# link line (issue 16).  Each is computed once; a missing library stops the
# build with a message instead of a wall of undefined references.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(call pkgconf,--cflags))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(call pkgconf,--libs))$(PKG_LIBS)
pkgconf	   = $(if $(shell pkg-config --exists $(PKGS) 2>/dev/null && echo y),\
	     $(shell pkg-config $(1) $(PKGS)),\
	     $(error pkg-config finds no $(PKGS): run 'make deps' first (Debian 12)))
WARN	 = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 $(WERROR)
CPPFLAGS += -DPCRE2_CODE_UNIT_WIDTH=8 -D_POSIX_C_SOURCE=200809L -D_FILE_OFFSET_BITS=64 -Icommon
BUILD	?= build
BIN	?= bin

NAMES	 = $(patsubst cmd/%.c,%,$(wildcard cmd/*.c))
PROGS	 = $(addprefix $(BIN)/,$(NAMES))
MANS	 = $(wildcard man/*.1)
LIBSRC	 = $(wildcard common/*.c)
LIBOBJ	 = $(patsubst common/%.c,$(BUILD)/%.o,$(LIBSRC)) $(BUILD)/lexicons.o
HEADERS	 = $(wildcard common/*.h)
LEXICONS = $(wildcard common/lexicons/*.txt)
MODELS	 = $(wildcard common/models/*.model)

# Debian 12 packages: run time, build, tests, benchmarks.
DEB_BUILD = gcc make pkg-config libpcre2-dev libutf8proc-dev
DEB_TEST  = bats jq miller parallel sqlite3 postgresql mandoc time valgrind python3
DEB_BENCH = hyperfine
DEB_FUZZ  = clang libclang-rt-14-dev

.PHONY: all test bench check-asan install deps demo fuzz clean check-headers eval eval-boiler-vi train \
	train-entity
.PHONY: uninstall deb

all: $(PROGS)

# `make -j2 deps demo`: nothing compiles before deps has installed.
ifneq ($(filter deps,$(MAKECMDGOALS)),)
$(LIBOBJ) $(PROGS): | deps
endif

$(BUILD)/%.o: common/%.c $(HEADERS) | $(BUILD)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

$(BUILD)/lexicons.c: $(LEXICONS) scripts/embed-lexicons | $(BUILD)
	sh scripts/embed-lexicons common/lexicons > $@.tmp && mv $@.tmp $@

$(BUILD)/lexicons.o: $(BUILD)/lexicons.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/models.c: $(MODELS) scripts/embed-models | $(BUILD)
	sh scripts/embed-models common/models > $@.tmp && mv $@.tmp $@

$(BUILD)/models.o: $(BUILD)/models.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libnu.a: $(LIBOBJ)
	rm -f $@ && ar rcs $@ $(LIBOBJ)

# What start-up used to build from the models and lexicons, built here
# once by the library's own code (common/nu_prebuilt.h): the programs
# carry the tables, not the model files.
$(BUILD)/prebuild: scripts/prebuild.c $(BUILD)/libnu.a $(BUILD)/models.o \
	    $(HEADERS)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/models.o $(BUILD)/libnu.a $(PKG_LIBS) -lm

.PRECIOUS: $(BUILD)/prebuilt-%.c
$(BUILD)/prebuilt-%.c: $(BUILD)/prebuild
	$(BUILD)/prebuild $* > $@.tmp && mv $@.tmp $@

$(BUILD)/prebuilt-%.o: $(BUILD)/prebuilt-%.c common/nu_prebuilt.h
	$(CC) -Icommon $(CFLAGS) -c -o $@ $<

PREOBJ	 = $(BUILD)/prebuilt-models.o $(BUILD)/prebuilt-ent.o \
	   $(BUILD)/prebuilt-words.o
$(BUILD)/libprebuilt.a: $(PREOBJ)
	rm -f $@ && ar rcs $@ $(PREOBJ)

$(BIN)/%: cmd/%.c $(BUILD)/libnu.a $(BUILD)/libprebuilt.a $(HEADERS) | $(BIN)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libnu.a $(BUILD)/libprebuilt.a $(PKG_LIBS) -lm

$(BUILD) $(BIN):
	mkdir -p $@

test: all
	tests/run

bench: all
	tests/bench/run

# Quality on real data (fetched corpora, see tests/realdata/*/MANIFEST):
# the dev split; SPLIT=test to report.  strip-boilerplate's dev score is a
# 2-fold cross-validation over its sites (the shipped model learnt all of
# dev); its test split is scored with the shipped model, and the shipped
# model must rebuild byte for byte from the data and programs of today.
eval: all
	tests/realdata/split/run --split $(or $(SPLIT),dev)
	tests/realdata/split/score-text.py --split $(or $(SPLIT),dev)
	[ -s tests/realdata/out/ner-en/dev.jsonl ] || tests/realdata/build-ner-en
	tests/realdata/score-ner -c tests/realdata/out/ner-en/$(or $(SPLIT),dev).jsonl
	if [ -s tests/realdata/ner-vi/out/dev.jsonl ]; then \
	    tests/realdata/score-ner tests/realdata/ner-vi/out/$(or $(SPLIT),dev).jsonl; fi
	if [ -s tests/realdata/boiler/out/pages.jsonl ]; then \
	    if [ "$(SPLIT)" = test ]; then tests/realdata/boiler/score --split test; \
	    else tests/realdata/boiler/cv eval 1; fi; \
	    tests/realdata/boiler/train --check; fi

# Rebuild the shipped entity models from the fetched corpora.
train-entity: all
	tests/realdata/train-entity

# strip-boilerplate on the hand-labelled Vietnamese pages: a TEST set, report only
# (tests/realdata/boiler-vi/README.md; run its build first)
eval-boiler-vi: all
	cd tests/realdata/boiler-vi && ./join && ./score --pages

# Rebuild the shipped models from the fetched corpora (see
# common/models/SOURCES.md), then the programs that embed them.
train: all
	tests/realdata/split/train
	$(MAKE) all

# The whole suite on binaries built with AddressSanitizer and UBSan.
check-asan:
	$(MAKE) BUILD=build-asan BIN=build-asan/bin \
	    CFLAGS='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
	    LDFLAGS='-fsanitize=address,undefined' all
	NU_BIN=$(CURDIR)/build-asan/bin NU_ASAN=1 tests/run

# Every header compiles on its own.
check-headers:
	for h in $(HEADERS); do \
	    echo "#include \"$$(basename $$h)\"" | \
	    $(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) -x c -fsyntax-only - || exit 1; \
	done

fuzz:
	tests/fuzz/run $(SECONDS)

# The programs, their man pages and the bash completion (one file per
# program, as bash-completion looks them up): nothing else.  Lexicons and
# models are compiled in.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)/
	install -m 644 $(MANS) $(DESTDIR)$(MANDIR)/man1/
	for n in $(NAMES); do \
	    install -m 644 completions/newsutils.bash \
		$(DESTDIR)$(BASHCOMPDIR)/$$n || exit 1; done

uninstall:
	for n in $(NAMES); do \
	    rm -f $(DESTDIR)$(BINDIR)/$$n $(DESTDIR)$(BASHCOMPDIR)/$$n; done
	for m in $(notdir $(MANS)); do rm -f $(DESTDIR)$(MANDIR)/man1/$$m; done

# A Debian package of this tree (dpkg-deb only; scripts/make-deb says how).
deb: all
	rm -rf $(BUILD)/deb
	$(MAKE) install PREFIX=/usr DESTDIR=$(CURDIR)/$(BUILD)/deb
	scripts/make-deb $(BUILD)/deb

# Install the Debian packages that are missing (apt-get; sudo when not root).
# A package removed but not purged still has a status: only "installed" counts.
deps:
	@missing=; for p in $(DEB_BUILD) $(DEB_TEST) $(DEB_BENCH) $(DEB_FUZZ); do \
	    case $$(dpkg-query -W -f '$${Status}' $$p 2>/dev/null) in \
	    *" installed") ;; *) missing="$$missing $$p" ;; esac; done; \
	if [ -n "$$missing" ]; then \
	    sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    echo "installing:$$missing"; \
	    $$sudo apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	else echo "all Debian packages present"; fi

# The whole pipeline on examples/, shown as a table.
demo: all
	@scripts/demo

clean:
	rm -rf $(BUILD) $(BIN) build-asan newsutils_*.deb
