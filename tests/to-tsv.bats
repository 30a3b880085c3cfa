#!/usr/bin/env bats
# to-tsv: JSON Lines to TSV/CSV (issue 6)
load helpers

# a generated nasty set: tabs, newlines, CR, backslashes, '|', quotes,
# Vietnamese, emoji, empty strings, nulls, nested objects, late keys
nasty() {
	jq -c -n '
	{id: "t1", title: "tab\there", body: "line1\nline2\r\nline3", path: "C:\\dir\\file", bar: "a|b"},
	{id: "t2", title: "\"quoted\" title, with comma", body: "Việt Nam 🇻🇳 emoji 😀 and \\N literal", tags: ["x|y", "back\\slash", "plain", null, 3, true]},
	{id: "t3", title: "", body: null, tags: [], obj: {a: 1, b: [1, 2, {c: "d\te"}], "k|": "v\\"}},
	{id: "t4", nested: [[1, 2], [3]], objs: [{x: 1}, {y: "z"}], n: -1.5e-07, t: false, z: 0},
	{id: "t5", title: "\\t not a tab", body: "\u0001\u001f ctrl and \u007f del", only5: "late key"},
	{title: "no id, CR only\r", ws: "  leading and trailing  ", num: 12345}'
}

@test "to-tsv: header from the first record, values escaped, numbers as written" {
	printf '%s\n' '{"id":"a","n":1.50,"b":true,"z":null,"s":"t\tn\nr\rb\\"}' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'id\tn\tb\tz\ts\na\t1.50\ttrue\t\tt\\tn\\nr\\rb\\\\')" ]
	[ -z "$stderr" ]
}

@test "to-tsv: -f paths: nested keys, [], [k=v], [N], absent as --null" {
	printf '%s\n' '{"id":"a","m":{"k":"v"},"images":[{"file":"1.jpg"},{"file":"2.jpg"}],"entities":[{"type":"person","text":"Ann"},{"type":"place","text":"Huế"},{"type":"person","text":"Bob"}]}' > "$TMP/in"
	run to-tsv -f 'id,m.k,images[].file,entities[type=person].text,images[1].file,nope' --null '\N' "$TMP/in"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(printf 'id\tm.k\timages[].file\tentities[type=person].text\timages[1].file\tnope')" ]
	[ "${lines[1]}" = "$(printf 'a\tv\t1.jpg|2.jpg\tAnn|Bob\t2.jpg\t\\N')" ]
}

@test "to-tsv: arrays of scalars joined with |, a | or backslash inside escaped; objects as compact JSON" {
	printf '%s\n' '{"t":["x|y","b\\s",1,null,true],"o":{"a": [1, {"b": "c d"}]},"e":[]}' > "$TMP/in"
	run to-tsv --no-header "$TMP/in"
	[ "$output" = "$(printf 'x\\\\|y|b\\\\\\\\s|1||true\t{"a":[1,{"b":"c d"}]}\t')" ]
}

@test "to-tsv: --explode gives one row per element with the other columns repeated" {
	printf '%s\n' '{"id":"a","entities":[{"type":"person","text":"Ann"},{"type":"place","text":"Huế"}]}' '{"id":"b","entities":[]}' '{"id":"c","entities":[{"type":"org","text":"UN"}]}' > "$TMP/in"
	run to-tsv --explode entities -f id,entities.type,entities[].text "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'id\tentities.type\tentities[].text\na\tperson\tAnn\na\tplace\tHuế\nc\torg\tUN')" ]
}

@test "to-tsv: a new key after the first record warns once; --all-keys adds it, on stdin too" {
	printf '%s\n' '{"a":1}' '{"a":2,"b":3}' '{"c":4}' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\n1\n2\n')" ]
	[ "$stderr" = "to-tsv: $TMP/in:2: new key 'b' not in the header (use -f or --all-keys)" ]
	run --separate-stderr bash -c "to-tsv --all-keys < '$TMP/in'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\tb\tc\n1\t\t\n2\t3\t\n\t\t4')" ]
	[ -z "$stderr" ]
}

@test "to-tsv: --csv is RFC 4180" {
	printf '%s\n' '{"a":"x,y","b":"say \"hi\"","c":"l1\nl2","d":"plain"}' > "$TMP/in"
	run to-tsv --csv "$TMP/in"
	[ "$output" = "$(printf 'a,b,c,d\r\n"x,y","say ""hi""","l1\nl2",plain\r')" ]
}

@test "to-tsv: duplicate keys: the last wins (as jq reads them), said once per input" {
	printf '%s\n' '{"a":1,"a":2}' '{"a":3,"a":4}' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\n2\n4')" ]
	[ "$stderr" = "to-tsv: $TMP/in:1: duplicate key 'a', the last one is used (1 more in this input)" ]
}

# Bad input: a message with file:line:column, the line skipped, exit 1,
# every good record still out.
bad_case() {
	{ printf '{"a":"good1"}\n'; printf '%s\n' "$1"; printf '{"a":"good2"}\n'; } > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf 'a\ngood1\ngood2')" ]
	[ "$stderr" = "to-tsv: $TMP/in:2:$2, line skipped" ]
}

@test "to-tsv: truncated JSON is reported and skipped" {
	bad_case '{"a":"x' '8: unexpected end of input'
}
@test "to-tsv: a line that is an array is reported and skipped" {
	bad_case '[1,2]' "1: not a JSON object (starts with '[')"
}
@test "to-tsv: a line that is a number is reported and skipped" {
	bad_case '  42' "3: not a JSON object (starts with '4')"
}
@test "to-tsv: invalid UTF-8 inside a string is repaired (U+FFFD) and reported, the row kept" {
	printf '%s\n' '{"a":"good1"}' $'{"a":"ok \xff"}' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\ngood1\nok \uFFFD')" ]
	[ "$stderr" = "to-tsv: $TMP/in:2: invalid UTF-8 replaced with U+FFFD (0 more in this input)" ]
}
@test "to-tsv: a lone surrogate escape is reported and skipped" {
	bad_case '{"a":"\ud800x"}' '7: lone surrogate escape \ud800'
}
@test "to-tsv: a raw control character in a string is reported and skipped" {
	bad_case $'{"a":"x\ty"}' '8: unescaped control character in string'
}
@test "to-tsv: nesting 100000 deep is reported and skipped" {
	bad_case "{\"a\":$(printf '%*s' 100000 '' | tr ' ' '[')" '10005: nesting deeper than 10000'
}
@test "to-tsv: a missing comma names what was expected" {
	bad_case '{"a":1 "b":2}' "8: expected ',' or '}'"
}

@test "to-tsv: blank lines, CRLF and a BOM are not errors" {
	printf '\xef\xbb\xbf{"a":"x"}\r\n\r\n   \n{"a":"y"}\r\n' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\nx\ny')" ]
	[ -z "$stderr" ]
}

@test "to-tsv: a 100 MB string is data" {
	skip_under_asan
	make_big_line "$TMP/big" 100
	{ printf '{"id":1,"s":"'; cat "$TMP/big"; printf '"}\n{"id":2,"s":"x"}\n'; } > "$TMP/in"
	run bash -c "to-tsv '$TMP/in' | cut -f1 | tr '\n' ,; to-tsv '$TMP/in' | awk -F'\t' 'NR==2 {print length(\$2)}'"
	[ "$status" -eq 0 ]
	[ "$output" = "id,1,2,104857600" ]
}

@test "to-tsv: big input into head -1 ends quietly" {
	for i in $(seq 1 2000); do printf '{"id":%d,"t":"%0500d"}\n' "$i" 0; done > "$TMP/one"
	for i in 1 2 3 4 5 6 7 8; do cat "$TMP/one" "$TMP/one" "$TMP/one"; done > "$TMP/in"
	run --separate-stderr bash -c "to-tsv '$TMP/in' | head -1"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'id\tt')" ]
	[ -z "$stderr" ]
	run --separate-stderr bash -c "trap '' PIPE; to-tsv '$TMP/in' | head -1"
	[ "$output" = "$(printf 'id\tt')" ]
	[ -z "$stderr" ]
}

@test "to-tsv: a missing file among good ones: the rest is processed, exit 2" {
	printf '{"a":1}\n' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in" "$TMP/missing" "$TMP/in"
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf 'a\n1\n1')" ]
	[ "$stderr" = "to-tsv: $TMP/missing: No such file or directory" ]
}

@test "to-tsv: empty input gives empty output" {
	run to-tsv < /dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "to-tsv: empty input with -f gives the header alone (a table with no rows)" {
	run bash -c "to-tsv -f id,title < /dev/null"
	[ "$status" -eq 0 ]
	[ "$output" = $'id\ttitle' ]
	run bash -c "to-tsv -f id,title --no-header < /dev/null | wc -c"
	[ "$output" -eq 0 ]
}

@test "to-tsv: --help, --version, usage errors, write errors" {
	run to-tsv --help
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "Usage: to-tsv "* ]]
	run to-tsv --version
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "to-tsv (newsutils) "* ]]
	run --separate-stderr to-tsv --bogus
	[ "$status" -eq 2 ]
	run --separate-stderr to-tsv -f 'a[x'
	[ "$status" -eq 2 ]
	[ "$stderr" = "$(printf "to-tsv: -f: 'a[x': expected [], [N] or [key=value]\nTry 'to-tsv --help' for more information.")" ]
	[ -c /dev/full ] || skip "no /dev/full"
	printf '{"a":1}\n' > "$TMP/in"
	run --separate-stderr bash -c "to-tsv '$TMP/in' > /dev/full"
	[ "$status" -eq 2 ]
	[ "$stderr" = "to-tsv: write error: No space left on device" ]
}

@test "to-tsv: every long option in --help is in the man page and back" {
	to-tsv --help | grep -o -- '--[a-z][a-z-]*' | sort -u > "$TMP/help"
	grep -o 'Fl \\-[a-z][a-z-]*' "$NU_ROOT/man/to-tsv.1" |
	    sed 's/^Fl \\-/--/' | sort -u > "$TMP/man"
	comm -3 "$TMP/help" "$TMP/man" > "$TMP/missing"
	[ ! -s "$TMP/missing" ] || { cat "$TMP/missing"; false; }
	run mandoc -Tlint -W warning "$NU_ROOT/man/to-tsv.1"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "to-tsv: output does not depend on the locale" {
	nasty > "$TMP/in"
	LC_ALL=C to-tsv --all-keys "$TMP/in" > "$TMP/c"
	LC_ALL=C.UTF-8 to-tsv --all-keys "$TMP/in" > "$TMP/u"
	cmp "$TMP/c" "$TMP/u"
}

@test "to-tsv: the nasty set loads into PostgreSQL with COPY FROM STDIN, every field as jq sees it" {
	nasty > "$TMP/in"
	run "$NU_ROOT/tests/consumers.sh" pg "$TMP/in"
	[ "$status" -ne 77 ] || skip "$output"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "to-tsv: the nasty set loads into SQLite with .import (--csv), every field as jq sees it" {
	nasty > "$TMP/in"
	run "$NU_ROOT/tests/consumers.sh" sqlite "$TMP/in"
	[ "$status" -ne 77 ] || skip "$output"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "to-tsv: the nasty set round-trips through mlr --itsv --ojson" {
	nasty > "$TMP/in"
	run "$NU_ROOT/tests/consumers.sh" mlr "$TMP/in"
	[ "$status" -ne 77 ] || skip "$output"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

# The sample pipeline's records: made by split-article when it is built.
sample_records() {
	command -v split-article >/dev/null || skip "split-article not built yet"
	seeds_cat | split-article > "$TMP/in" || true
	[ -s "$TMP/in" ] || skip "split-article gave no records"
	jq -c . "$TMP/in" > "$TMP/rec"   # the jq -c spelling consumers.sh compares with
}

@test "to-tsv: the sample pipeline's records load into PostgreSQL, SQLite and mlr unchanged" {
	sample_records
	for c in pg sqlite mlr; do
		run "$NU_ROOT/tests/consumers.sh" "$c" "$TMP/rec"
		[ "$status" -eq 77 ] && continue
		[ "$status" -eq 0 ] || { echo "$output"; false; }
	done
}

# issue 16: split-article leaves out the keys a page lacks; the first
# record's keys as columns dropped the later records' author and time
@test "to-tsv: newsutils records get every record key as a column, in the record order (issue 16)" {
	run --separate-stderr bash -c 'split-article "$1"/*.txt | to-tsv' _ "$NU_ROOT/examples"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = "$(printf 'id\tsource\tline\ttitle\tdate\ttime\tdateline\tauthor\tagency\turl\tbody\timages\trelated\tboilerplate\tentities\twarnings')" ]
	[ "${#lines[@]}" -eq 6 ]
	# every record's author and time, as jq reads them, in their columns
	paste <(printf '%s\n' "${lines[@]:1}" | cut -f 6,8) \
	    <(split-article "$NU_ROOT"/examples/*.txt | jq -r '[.time // "", .author // ""] | @tsv') |
	    awk -F '\t' '$1 != $3 || $2 != $4 { bad = 1 } END { exit bad }'
	printf '%s\n' "${lines[@]:1}" | cut -f 6,8 | grep -q '^18:55	Phi Anh$'
}

@test "to-tsv: a record's other keys follow the record keys as first seen; a later record's author is kept" {
	printf '%s\n' '{"id":"0123456789abcdef","source":"-","line":1,"title":"a","x":1}' \
	    '{"id":"fedcba9876543210","source":"-","line":9,"title":"b","author":"Jo","time":"08:00","x":2}' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = "$(printf 'id\tsource\tline\ttitle\tdate\ttime\tdateline\tauthor\tagency\turl\tbody\timages\trelated\tboilerplate\tentities\twarnings\tx')" ]
	[ "$(printf '%s\n' "${lines[2]}" | cut -f 1,6,8,17)" = "$(printf 'fedcba9876543210\t08:00\tJo\t2')" ]
}

@test "to-tsv: other JSON keeps the first record's keys in its order (a jq projection of records too)" {
	printf '%s\n' '{"b":1,"a":2}' '{"a":3,"c":4}' > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(printf 'b\ta')" ]
	[ "$stderr" = "to-tsv: $TMP/in:2: new key 'c' not in the header (use -f or --all-keys)" ]
	run --separate-stderr bash -c 'split-article "$1"/*.txt | jq -c "{id, title}" | to-tsv' _ "$NU_ROOT/examples"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(printf 'id\ttitle')" ]
	# "id" must be 16 hex digits, followed by source and line
	printf '%s\n' '{"id":"x","source":"-","line":1,"title":"t"}' > "$TMP/in"
	run to-tsv "$TMP/in"
	[ "${lines[0]}" = "$(printf 'id\tsource\tline\ttitle')" ]
}

@test "to-tsv: --all-keys on records puts the keys seen in the record order, others after" {
	printf '%s\n' '{"id":"0123456789abcdef","source":"-","line":1,"title":"a","z":0,"body":"x"}' \
	    '{"id":"fedcba9876543210","source":"-","line":9,"title":"b","author":"Jo","y":1}' > "$TMP/in"
	run --separate-stderr to-tsv --all-keys "$TMP/in"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(printf 'id\tsource\tline\ttitle\tauthor\tbody\tz\ty')" ]
	[ "${lines[2]}" = "$(printf 'fedcba9876543210\t-\t9\tb\tJo\t\t\t1')" ]
}
