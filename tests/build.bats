#!/usr/bin/env bats
# The build as a newcomer meets it: a bare machine, `make deps demo` (issue 16).
load helpers

# A pkg-config that fails until a goal named before the build has run, as on
# a bare machine where `make deps` installs pkg-config and the -dev packages:
# a Makefile that asks pkg-config when it is read gets nothing and links
# without -lpcre2-8 -lutf8proc.
@test "build: pkg-config is asked when compiling, not when the Makefile is read (make deps demo on a bare machine)" {
	[ -z "${NU_ASAN:-}" ] || skip "a build test: once, in make test"
	real=$(command -v pkg-config)
	mkdir "$TMP/shim"
	printf '#!/bin/sh\n[ -e %s/installed ] || exit 1\nexec %s "$@"\n' \
	    "$TMP" "$real" > "$TMP/shim/pkg-config"
	chmod +x "$TMP/shim/pkg-config"
	printf 'fake-deps:\n\ttouch %s/installed\n' "$TMP" > "$TMP/deps.mk"
	run env PATH="$TMP/shim:$PATH" make -C "$NU_ROOT" -f Makefile -f "$TMP/deps.mk" \
	    BUILD="$TMP/build" BIN="$TMP/bin" fake-deps all
	[ "$status" -eq 0 ] || { echo "$output" | tail -n 20; false; }
	for p in "$NU_ROOT"/cmd/*.c; do
		p=$(basename "$p" .c)
		"$TMP/bin/$p" --version | grep -q "^$p (newsutils) "
	done
}

@test "build: without the libraries the build stops with one message naming make deps" {
	[ -z "${NU_ASAN:-}" ] || skip "a build test: once, in make test"
	mkdir "$TMP/shim"
	printf '#!/bin/sh\nexit 1\n' > "$TMP/shim/pkg-config"
	chmod +x "$TMP/shim/pkg-config"
	run env PATH="$TMP/shim:$PATH" make -C "$NU_ROOT" BUILD="$TMP/build" BIN="$TMP/bin" all
	[ "$status" -ne 0 ]
	[[ "$output" == *"pkg-config finds no libpcre2-8 libutf8proc: run 'make deps' first"* ]]
	[ ! -e "$TMP/bin" ] || [ -z "$(ls "$TMP/bin")" ]
}

@test "build: LICENSE is ISC and every man page ends with a LICENSE section saying so" {
	head -n 1 "$NU_ROOT/LICENSE" | grep -qx 'ISC License'
	for m in "$NU_ROOT"/man/*.1; do
		run mandoc -Tascii "$m"
		[ "$status" -eq 0 ]
		sect=$(printf '%s\n' "$output" | sed 's/.\x08//g' | sed -n '/^LICENSE$/,/^[A-Z]/p')
		[[ "$sect" == *"ISC licence"* ]] || { echo "$m: no LICENSE section"; false; }
	done
}

@test "build: make install PREFIX= DESTDIR= puts programs, man pages and completions there, make uninstall removes them" {
	[ -z "${NU_ASAN:-}" ] || skip "a build test: once, in make test"
	d=$TMP/stage
	run make -C "$NU_ROOT" install PREFIX=/opt/nu DESTDIR="$d"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	want=$( (cd "$NU_ROOT" && for c in cmd/*.c; do p=$(basename "$c" .c)
		echo "opt/nu/bin/$p"; echo "opt/nu/share/bash-completion/completions/$p"; done
		for m in man/*.1; do echo "opt/nu/share/man/man1/${m#man/}"; done) | LC_ALL=C sort)
	got=$(cd "$d" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
	[ "$got" = "$want" ] || { diff <(echo "$want") <(echo "$got"); false; }
	for c in "$NU_ROOT"/cmd/*.c; do
		p=$(basename "$c" .c)
		[ -x "$d/opt/nu/bin/$p" ]
		"$d/opt/nu/bin/$p" --version | grep -q "^$p (newsutils) "
	done
	run make -C "$NU_ROOT" uninstall PREFIX=/opt/nu DESTDIR="$d"
	[ "$status" -eq 0 ]
	[ -z "$(cd "$d" && find . -type f)" ]
}

# complete WORDS...: what the completion offers for the last word
complete_words() {
	bash -c '. "$1/completions/newsutils.bash"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_newsutils "$1"; printf "%s\n" "${COMPREPLY[@]}"' _ "$NU_ROOT" "$@"
}

@test "build: bash completion offers each program's long options and the values of --lang, -t and -f" {
	[ "$(complete_words to-tsv --all)" = "--all-keys" ]
	[ "$(complete_words split-article --sep)" = "--separator=" ]
	[ "$(complete_words extract-entities --lang e)" = "en" ]
	[ "$(complete_words extract-entities --lang = v)" = "vi" ]
	[ "$(complete_words extract-entities -t person,pl)" = "person,place" ]
	[ "$(complete_words to-tsv -f id,aut)" = "id,author" ]
	cd "$TMP" && touch pages.txt
	[ "$(complete_words strip-boilerplate pag)" = "pages.txt" ]
}

# nu_utf8_category answers ASCII from a table (speed): it must be utf8proc's.
@test "build: the ASCII categories of nu_utf8_category are utf8proc's" {
	cat > "$TMP/cat.c" <<'C'
#include <stdio.h>
#include <utf8proc.h>
#include "nu_utf8.h"
int
main(void)
{
	long c;
	int bad = 0;

	for (c = 0; c < 128; c++)
		if (nu_utf8_category(c) !=
		    (int)utf8proc_category((utf8proc_int32_t)c)) {
			printf("U+%04lX: %d\n", c, nu_utf8_category(c));
			bad = 1;
		}
	return bad;
}
C
	run cc -std=c11 -D_POSIX_C_SOURCE=200809L -DPCRE2_CODE_UNIT_WIDTH=8 \
	    -I"$NU_ROOT/common" "$TMP/cat.c" "$NU_ROOT/common/nu_utf8.c" \
	    "$NU_ROOT/common/nu_buf.c" "$NU_ROOT/common/nu_cli.c" \
	    $(pkg-config --cflags --libs libutf8proc libpcre2-8) -o "$TMP/cat"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	run "$TMP/cat"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}
