#!/usr/bin/env bats
# The JSON reader (common/nu_json_read.c), through to-tsv: RFC 8259 cases.
load helpers

# accepts JSON CELL: the object {"v": JSON} gives the TSV cell CELL
accepts() {
	printf '{"v":%s}\n' "$1" > "$TMP/in"
	run --separate-stderr to-tsv --no-header "$TMP/in"
	[ "$status" -eq 0 ] || { echo "status $status: $stderr"; false; }
	[ "$output" = "$2" ] || { echo "got <$output> want <$2>"; false; }
}

# rejects LINE COL MSG
rejects() {
	printf '%s\n' "$1" > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 1 ] || { echo "status $status"; false; }
	[ "$stderr" = "to-tsv: $TMP/in:1:$2: $3, line skipped" ] || { echo "$stderr"; false; }
}

@test "json reader: escapes decode, surrogate pairs join, numbers stay as written" {
	accepts '"\u00e9\ud83d\ude00 \"q\" \/ \b"' "$(printf 'é😀 "q" / \b')"
	accepts '-0.50e+10' '-0.50e+10'
	accepts ' 0 ' '0'
	accepts '"\u0048\u0069"' 'Hi'
	accepts '[ ]' ''
	accepts '{ }' '{}'
	accepts '{"a" : [ 1 , { "b" : null } ] }' '{"a":[1,{"b":null}]}'
}

@test "json reader: bad numbers, literals and structure are rejected with a column" {
	rejects '{"v":01}' 7 "expected ',' or '}'"
	rejects '{"v":1.}' 8 'invalid number'
	rejects '{"v":1e}' 8 'invalid number'
	rejects '{"v":-}' 7 'invalid number'
	rejects '{"v":tru}' 6 "unexpected 't'"
	rejects '{"v":1,}' 8 "expected '\"' to start an object key"
	rejects '{"v" 1}' 6 "expected ':'"
	rejects '{"v":[1,]}' 9 "unexpected ']'"
	rejects '{"v":[1 2]}' 9 "expected ',' or ']'"
	rejects '{"v":1} x' 9 'unexpected data after the JSON value'
	rejects '{v:1}' 2 "expected '\"' to start an object key"
}

@test "json reader: bad strings are rejected" {
	rejects '{"v":"\x"}' 7 'invalid escape in string'
	rejects '{"v":"\u12g4"}' 7 'invalid \u escape in string'
	rejects '{"v":"\udc00"}' 7 'lone surrogate escape \udc00'
	rejects '{"v":"\ud800\u0041"}' 7 'lone surrogate escape \ud800'
	rejects $'{"v":"a\x01"}' 8 'unescaped control character in string'
}

@test "json reader: invalid UTF-8 is repaired before parsing (U+FFFD, reported once, exit 0)" {
	# the reader itself rejects it (fuzz_json); no program hands it any
	printf '%s\n' $'{"v":"\xc0\xaf"}' $'{"v":"\xed\xa0\x80"}' $'{"v":"\xf4\x90\x80\x80"}' > "$TMP/in"
	run --separate-stderr to-tsv --no-header "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '\uFFFD\uFFFD\n\uFFFD\uFFFD\uFFFD\n\uFFFD\uFFFD\uFFFD\uFFFD')" ]
	[ "$stderr" = "to-tsv: $TMP/in:1: invalid UTF-8 replaced with U+FFFD (8 more in this input)" ]
}

@test "json reader: nesting to 10000 is fine, deeper is an error" {
	n=9999
	printf '{"v":%s%s}\n' "$(printf '%*s' $n '' | tr ' ' '[')" "$(printf '%*s' $n '' | tr ' ' ']')" > "$TMP/in"
	run --separate-stderr to-tsv -f x "$TMP/in"
	[ "$status" -eq 0 ]
	n=10000
	printf '{"v":%s%s}\n' "$(printf '%*s' $n '' | tr ' ' '[')" "$(printf '%*s' $n '' | tr ' ' ']')" > "$TMP/in"
	run --separate-stderr to-tsv -f x "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "to-tsv: $TMP/in:1:10005: nesting deeper than 10000, line skipped" ]
}
