#!/usr/bin/env bats
# Bad input, issue 15 ("nothing lost, nothing silent"): each case a hostile
# test run found where data was lost, mangled or wrong with exit 0 and no
# message, or memory grew with the input.  One test per case, numbered as
# in the issue; the README's bad-input table lists
# what each program does.
load helpers

VI='Hà Nội là thủ đô của Việt Nam, nơi có nhiều di tích.'

# rss_kb COMMAND: peak resident set of sh -c COMMAND in kB
rss_kb() {
	/usr/bin/time -f '%M' -o "$TMP/rss" sh -c "$1" > /dev/null 2>&1 || true
	tail -n 1 "$TMP/rss"
}

@test "bad input 1: a boilerplate or related key of the wrong type loses no dropped line" {
	local v
	for v in null 3 '"s"' '{}'; do
		printf '{"id":"t","boilerplate":%s,"body":"%s\\nChia sẻ\\nTags: a, b"}\n' "$v" "$VI" > "$TMP/in"
		run strip-boilerplate "$TMP/in"
		[ "$status" -eq 1 ]
		[[ "$output" == *"strip-boilerplate: $TMP/in:1: \"boilerplate\" is not an array"* ]]
		# the record goes through untouched: every line still in it
		echo "$output" | grep -q -F '"boilerplate":'"$v"','
		echo "$output" | grep -q -F 'Chia sẻ\nTags: a, b"}'
	done
	printf '{"id":"t","related":5,"body":"%s\\nTin liên quan\\nÔng A đi Hà Nội hôm nay\\nÔng B về Huế"}\n' "$VI" > "$TMP/in"
	run strip-boilerplate "$TMP/in"
	[ "$status" -eq 1 ]
	[[ "$output" == *'"related" is not an array'* ]]
	echo "$output" | grep -q -F 'Ông B về Huế"}'
}

@test "bad input 2: one cut record at the start does not flip the mode; lines that disagree are reported" {
	printf '{"id":"a","body":"%s\\nChia sẻ"}\n' "$VI" > "$TMP/r"
	cat "$TMP/r" "$TMP/r" "$TMP/r" | tail -c +20 > "$TMP/cut"
	run --separate-stderr strip-boilerplate "$TMP/cut"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/cut:1:1: not a JSON object, record skipped" ]
	[ "$(echo "$output" | jq -r .boilerplate[0].text | sort -u)" = "Chia sẻ" ]
	[ "$(echo "$output" | wc -l)" -eq 2 ]
	run --separate-stderr extract-entities "$TMP/cut"
	[ "$status" -eq 1 ]
	[ "$(echo "$output" | jq -r .id | tr '\n' ' ')" = "a a " ]
	# text with a record-looking line in it stays text, and says so
	{ seeds_cat | head -n 20; cat "$TMP/r"; } > "$TMP/mixed"
	run --separate-stderr strip-boilerplate "$TMP/mixed"
	[ "$status" -eq 0 ]
	[ "$stderr" = "strip-boilerplate: $TMP/mixed:21: a JSON record read as text (0 more in this input; --records reads records)" ]
	run --separate-stderr extract-entities "$TMP/mixed"
	[ "$stderr" = "extract-entities: $TMP/mixed:21: a JSON record read as text (0 more in this input; --records reads records)" ]
	# the README's pipelines say what they read
	grep -q -- 'strip-boilerplate --records | extract-entities --records' "$NU_ROOT/README.md"
	! grep -v '^|' "$NU_ROOT/README.md" | grep -q -- 'strip-boilerplate | extract-entities'
}

@test "bad input: lines of TeX in braces (a text browser's dump of formulas) are text, not records" {
	# "{\displaystyle ...}" opens and closes with a brace but opens no
	# JSON object: read as records, every line was skipped as bad JSON
	{ printf 'Hermitian matrices\n'
	  for i in 1 2 3 4 5 6 7 8 9; do printf '   {\\displaystyle a_{%d}}\n' "$i"; done; } > "$TMP/tex"
	run --separate-stderr strip-boilerplate --roles "$TMP/tex"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$(echo "$output" | wc -l)" -eq 10 ]
	run --separate-stderr extract-entities "$TMP/tex"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	# a record that opens with spaces before its first name is still one
	printf '{ "id":"a","body":"x"}\n' > "$TMP/r"
	[ "$(strip-boilerplate "$TMP/r" | jq -r .id)" = a ]
}

@test "bad input 3: a BOM at the start of a later record (cat of files that begin with one) is removed without a word" {
	printf '{"id":"a","body":"x"}\n\357\273\277{"id":"b","body":"%s"}\n' "$VI" > "$TMP/in"
	run --separate-stderr strip-boilerplate "$TMP/in"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	[ "$(echo "$output" | jq -r .id | tr '\n' ' ')" = "a b " ]
	run --separate-stderr extract-entities "$TMP/in"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	[ "$(echo "$output" | jq -r '.id + ":" + ([.entities[].text] | join(","))' | tr '\n' ' ')" = "a: b:Hà Nội,Việt Nam " ]
	run --separate-stderr to-tsv -f id "$TMP/in"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	[ "$output" = "$(printf 'id\na\nb')" ]
}

@test "bad input 4: duplicate keys: every program uses the last one, as jq does, and says so once per input" {
	printf '{"id":"a","body":"Chia sẻ","body":"%s\\nChia sẻ"}\n{"body":"x","body":"y"}\n' "$VI" > "$TMP/in"
	run --separate-stderr strip-boilerplate "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$stderr" = "strip-boilerplate: $TMP/in:1: duplicate key 'body', the last one is used (1 more in this input)" ]
	# the last body cleaned; the earlier one passes through untouched
	[ "$(echo "$output" | head -n 1 | jq -r .body)" = "$VI" ]
	echo "$output" | head -n 1 | grep -q -F '"body":"Chia sẻ","body":'
	printf '{"id":"a","body":"x","body":"Ông Nguyễn Văn An đến Hà Nội."}\n' > "$TMP/in"
	run --separate-stderr extract-entities "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$stderr" = "extract-entities: $TMP/in:1: duplicate key 'body', the last one is used (0 more in this input)" ]
	# the documented check: jq reads the last body, offsets point into it
	[ "$(echo "$output" | jq -r '.body as $b | [.entities[] | $b[.start:.end] == .text] | all')" = true ]
	[ "$(echo "$output" | jq '.entities | length')" -ge 2 ]
	run --separate-stderr to-tsv -f body "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'body\nÔng Nguyễn Văn An đến Hà Nội.')" ]
	[ "$stderr" = "to-tsv: $TMP/in:1: duplicate key 'body', the last one is used (0 more in this input)" ]
}

@test "bad input 5: to-tsv reports lines of only NUL bytes (dropped, so the line is blank)" {
	{ printf '{"a":1}\n'; head -c 100000 /dev/zero; printf '\n{"a":2}\n'; } > "$TMP/in"
	run --separate-stderr to-tsv "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\n1\n2')" ]
	[ "$stderr" = "to-tsv: $TMP/in:2: NUL bytes dropped (99999 more in this input)" ]
}

@test "bad input 6: a missing, unreadable or malformed --lexicon-dir is a usage error (exit 2) before any output" {
	local p
	for p in split-article strip-boilerplate extract-entities; do
		run --separate-stderr $p --lexicon-dir "$TMP/none" <<< 'x'
		[ "$status" -eq 2 ] && [ -z "$output" ]
		[[ "$stderr" == "$p: --lexicon-dir: '$TMP/none': No such file or directory"* ]]
	done
	mkdir "$TMP/lex"
	printf 'share\tchia sẻ nhé\nsidebar\tfoo\n' > "$TMP/lex/boilerplate-vi.txt"
	run --separate-stderr strip-boilerplate --lexicon-dir "$TMP/lex" <<< 'x'
	[ "$status" -eq 2 ] && [ -z "$output" ]
	[ "$stderr" = "strip-boilerplate: $TMP/lex/boilerplate-vi.txt:2: unknown role: '$(printf 'sidebar\tfoo')'" ]
	printf 'share chia sẻ\n' > "$TMP/lex/boilerplate-vi.txt"
	run --separate-stderr split-article --lexicon-dir "$TMP/lex" <<< 'x'
	[ "$status" -eq 2 ] && [ -z "$output" ]
	[[ "$stderr" == *"boilerplate-vi.txt:1: not ROLE<TAB>TEXT: 'share chia sẻ'" ]]
	rm "$TMP/lex/boilerplate-vi.txt"
	printf 'Hà Tĩnh\n' > "$TMP/lex/province-vn.txt"
	run --separate-stderr extract-entities --lexicon-dir "$TMP/lex" <<< 'x'
	[ "$status" -eq 2 ] && [ -z "$output" ]
	[[ "$stderr" == "extract-entities: --lexicon-dir: $TMP/lex/province-vn.txt: no lexicon of that name"* ]]
	rm "$TMP/lex/province-vn.txt"
	printf 'Hà \377\n' > "$TMP/lex/provinces-vn.txt"
	run --separate-stderr extract-entities --lexicon-dir "$TMP/lex" <<< 'x'
	[ "$status" -eq 2 ] && [ "$stderr" = "extract-entities: $TMP/lex/provinces-vn.txt: not valid UTF-8" ]
}

@test "bad input 7: a repair (invalid UTF-8, NUL) goes into the record's warnings in every program" {
	printf '{"id":"a","body":"%s \377 x\\nChia sẻ","warnings":[{"line":9,"what":"earlier"}]}\n{"id":"b","title":"T\0"}\n' "$VI" > "$TMP/in"
	run --separate-stderr strip-boilerplate "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -c '[.id, .warnings]' | tr '\n' ' ')" = '["a",[{"line":9,"what":"earlier"},{"line":1,"what":"invalid UTF-8 replaced with U+FFFD"}]] ["b",[{"line":2,"what":"NUL bytes dropped"}]] ' ]
	[ "$(echo "$output" | head -n 1 | jq -r .body)" = "$VI � x" ]
	[[ "$stderr" == *"$TMP/in:1: invalid UTF-8 replaced with U+FFFD (0 more in this input)"* ]]
	run --separate-stderr extract-entities "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -c '[.id, .warnings]' | tr '\n' ' ')" = '["a",[{"line":9,"what":"earlier"},{"line":1,"what":"invalid UTF-8 replaced with U+FFFD"}]] ["b",[{"line":2,"what":"NUL bytes dropped"}]] ' ]
	# to-tsv writes no records: the row is kept, repaired, and reported
	run --separate-stderr to-tsv -f id,title "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'id\ttitle\na\t\nb\tT')" ]
	[[ "$stderr" == *"$TMP/in:1: invalid UTF-8 replaced with U+FFFD (0 more in this input)"* ]]
	[[ "$stderr" == *"$TMP/in:2: NUL bytes dropped (0 more in this input)"* ]]
	# split-article, as before
	printf 'Tiêu đề\n%s \377\n' "$VI" | split-article | jq -e '.warnings == [{"line":2,"what":"invalid UTF-8 replaced with U+FFFD"}]'
}

@test "bad input 8: decomposed (NFD) records are normalised on the way in (NFC out, same entities as NFC)" {
	local nfc='Ông Nguyễn Văn An, Bí thư Tỉnh ủy Lào Cai, đến Hà Nội.' nfd
	nfd=$(printf '%s' "$nfc" | perl -CSA -MUnicode::Normalize -ne 'print NFD($_)')
	[ "$nfd" != "$nfc" ]
	printf '{"body":"%s"}\n' "$nfc" | extract-entities > "$TMP/nfc"
	printf '{"body":"%s"}\n' "$nfd" | extract-entities > "$TMP/nfd"
	cmp "$TMP/nfc" "$TMP/nfd"
	grep -q '"type":"place","text":"Hà Nội"' "$TMP/nfd"
	[ "$(printf '{"body":"%s"}\n' "$nfd" | strip-boilerplate --records | jq -r .body)" = "$nfc" ]
	[ "$(printf '{"body":"%s"}\n' "$nfd" | to-tsv -f body | tail -n 1)" = "$nfc" ]
}

# real_line FILE MB: one line of MB megabytes of real news text (the
# examples/ pages' lines joined with spaces, repeated), no newline
real_line() {
	cat "$NU_ROOT"/examples/*.txt | tr '\n\t\r\f' '    ' > "$TMP/one"
	while [ "$(stat -c %s "$TMP/one")" -lt $(($2 * 1000000)) ]; do
		cat "$TMP/one" "$TMP/one" > "$TMP/two" && mv "$TMP/two" "$TMP/one"
	done
	head -c $(($2 * 1000000)) "$TMP/one" | sed 's/ [^ ]*$//' > "$1"
	rm -f "$TMP/one"
}

@test "bad input 9: extract-entities on a 20 MB body of real news text stays under 4x the record" {
	skip_under_asan
	real_line "$TMP/line" 20
	{ printf '{"id":"0","body":"'; sed 's/[\\"]/\\&/g' "$TMP/line"; printf '"}\n'; } > "$TMP/rec"
	local rss lim=$((4 * $(stat -c %s "$TMP/rec") / 1024))
	rss=$(rss_kb "extract-entities $TMP/rec")
	echo "records: $rss kB, limit $lim kB"
	[ "$rss" -lt "$lim" ]
	rss=$(rss_kb "extract-entities --text $TMP/line")
	echo "text: $rss kB, limit $lim kB"
	[ "$rss" -lt "$lim" ]
	# the entities of a body cut into pieces still point into the body
	extract-entities "$TMP/rec" | jq -r '.entities | length' | { read -r n; [ "$n" -gt 100000 ]; }
}

@test "bad input 10: 256 MiB of NUL bytes: flat memory in every program, reported, and /dev/zero does not grow" {
	skip_under_asan
	local p rss
	for p in split-article "strip-boilerplate --text" "strip-boilerplate --records" extract-entities to-tsv; do
		rss=$(rss_kb "head -c 268435456 /dev/zero | $p")
		echo "$p: $rss kB"
		[ "$rss" -lt 65536 ]
		head -c 1000 /dev/zero | $p 2>&1 >/dev/null | grep -q ': -:1: NUL bytes dropped (999 more in this input)'
	done
	run bash -c 'ulimit -v 400000; timeout 2 split-article /dev/zero'
	[ "$status" -eq 124 ]
}

@test "bad input 11: -o keeps FILE's mode and symlink, leaves no temp file on SIGTERM, names FILE in messages" {
	echo old > "$TMP/out.tsv"
	chmod 600 "$TMP/out.tsv"
	echo '{"a":1}' | to-tsv -o "$TMP/out.tsv"
	[ "$(stat -c %a "$TMP/out.tsv")" = 600 ]
	[ "$(cat "$TMP/out.tsv")" = "$(printf 'a\n1')" ]
	ln -s out.tsv "$TMP/link.tsv"
	echo '{"a":2}' | to-tsv -o "$TMP/link.tsv"
	[ -L "$TMP/link.tsv" ]
	[ "$(tail -n 1 "$TMP/out.tsv")" = 2 ]
	# a signal takes the temp file with it
	mkfifo "$TMP/fifo"
	split-article -o "$TMP/sig.jsonl" "$TMP/fifo" &
	local pid=$!
	exec 5> "$TMP/fifo"
	echo 'Tiêu đề' >&5
	sleep 0.3
	kill -TERM "$pid"
	exec 5>&-
	wait "$pid" || true
	[ -z "$(ls "$TMP" | grep 'sig.jsonl')" ]
	# messages name FILE, not FILE.tmpXXXXXX; -o '' is a usage error
	run --separate-stderr to-tsv -o "$TMP/no/such/out.tsv" <<< '{"a":1}'
	[ "$status" -eq 2 ]
	[ "$stderr" = "to-tsv: $TMP/no/such/out.tsv: No such file or directory" ]
	run --separate-stderr to-tsv -o '' <<< '{"a":1}'
	[ "$status" -eq 2 ]
	[[ "$stderr" == "to-tsv: -o: empty file name"* ]]
}

@test "bad input 12: a page past the cap (200000 lines) is cut, said on stderr and in the record's warnings; the man page gives the caps" {
	awk 'BEGIN { print "Tiêu đề"; for (i = 0; i < 200100; i++) print "Dòng " i " của trang." }' > "$TMP/big.txt"
	run --separate-stderr bash -c "split-article '$TMP/big.txt' | jq -c '[.line, .warnings]'"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '[1,null]' ]
	[ "${lines[1]}" = '[200001,[{"line":200001,"what":"page longer than 16 MiB or 200000 lines cut before this line"}]]' ]
	[[ "$stderr" == *"big.txt:200001: page longer than 16 MiB or 200000 lines, cut here"* ]]
	grep -q '16$' "$NU_ROOT/man/split-article.1"
	! grep -q '64$' "$NU_ROOT/man/split-article.1"
}

@test "bad input 13: --progress ends with the final counts" {
	local i
	for i in $(seq 2000); do echo '{"a":1}'; done > "$TMP/r"
	run --separate-stderr to-tsv --progress "$TMP/r"
	[[ "$stderr" == *"to-tsv: 0.0 MB, 2000 records,"* ]]
	run --separate-stderr split-article --progress "$NU_ROOT"/examples/*.txt
	[[ "$stderr" == *"split-article: 0.1 MB, 5 records,"* ]]
}

@test "bad input 14: one message format, --date checked, a separator matching empty lines refused, a trailing separator makes no empty record" {
	printf '{"a":1}\n{"a":\n' > "$TMP/r"
	run --separate-stderr strip-boilerplate --records "$TMP/r"
	[ "$stderr" = "strip-boilerplate: $TMP/r:2:6: unexpected end of input, record skipped" ]
	run --separate-stderr extract-entities --records "$TMP/r"
	[ "$stderr" = "extract-entities: $TMP/r:2:6: unexpected end of input, record skipped" ]
	run --separate-stderr to-tsv "$TMP/r"
	[ "$stderr" = "to-tsv: $TMP/r:2:6: unexpected end of input, line skipped" ]
	local d
	for d in 2024-13-45 2024-02-30 2023-02-29 2024-3-5 20240305; do
		run --separate-stderr extract-entities --date "$d" <<< 'x'
		[ "$status" -eq 2 ]
	done
	for d in 2024-02-29 2024-03 2024; do
		run extract-entities --date "$d" <<< 'x'
		[ "$status" -eq 0 ]
	done
	run --separate-stderr split-article -s '' <<< 'x'
	[ "$status" -eq 2 ] && [ -z "$output" ]
	[[ "$stderr" == "split-article: --separator: '' matches an empty line"* ]]
	run --separate-stderr split-article -s '^' <<< 'x'
	[ "$status" -eq 2 ]
	printf 'Một\nthân một\n=====\nHai\nthân hai\n=====\n' > "$TMP/s.txt"
	run bash -c "split-article -s '^=====\$' '$TMP/s.txt' | jq -c '[.title, [.boilerplate[]?.line]]'"
	[ "$output" = "$(printf '["Một",[]]\n["Hai",[3,6]]')" ]
}

@test "bad input 15: check-lines measures truly: a BOM mid-stream, a form feed inside a line, a line of only \\v" {
	printf 'Tiêu đề một\nThân bài một.\n' > "$TMP/a.txt"
	printf '\357\273\277Tiêu đề hai\nThân bài hai.\n' > "$TMP/b.txt"
	printf 'Tiêu đề ba\n\v\nThân bài\fTiêu đề bốn\nThân bốn.\n' > "$TMP/c.txt"
	split-article "$TMP/a.txt" "$TMP/b.txt" "$TMP/c.txt" > "$TMP/rec"
	tests_check_lines "$TMP/rec" "$TMP/a.txt" "$TMP/b.txt" "$TMP/c.txt"
	cat "$TMP/a.txt" "$TMP/b.txt" > "$TMP/ab.txt"
	split-article "$TMP/ab.txt" > "$TMP/rec"
	tests_check_lines "$TMP/rec" "$TMP/ab.txt"
	# and it still sees a lost line
	grep -v 'hai' "$TMP/rec" > "$TMP/lost" || true
	! tests_check_lines "$TMP/lost" "$TMP/ab.txt"
}
