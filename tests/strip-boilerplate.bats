#!/usr/bin/env bats
# strip-boilerplate: quality against the gold labels, text and record
# modes, options, bad input.
load helpers

@test "strip-boilerplate: line F1 on the five sample pages is at least 0.97 (table printed)" {
	run "$NU_ROOT/tests/score-boilerplate" --min 0.97 \
	    "$NU_ROOT/tests/gold/boilerplate.json" "$SEEDS"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"**total**"* ]]
}

@test "strip-boilerplate: line F1 on the English pages is at least 0.97 (table printed)" {
	run "$NU_ROOT/tests/score-boilerplate" --min 0.97 \
	    "$NU_ROOT/tests/gold/boilerplate-en.json" "$NU_ROOT/tests/fixtures/en"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "strip-boilerplate: the scorer fails a weak baseline (awk length>80)" {
	run "$NU_ROOT/tests/score-boilerplate" --awk --min 0.97 \
	    "$NU_ROOT/tests/gold/boilerplate.json" "$SEEDS"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"below 0.97"* ]]
}

@test "strip-boilerplate: kept lines are input lines, byte for byte and in order" {
	f=$SEEDS/002_7f9470d7252ef484.txt
	strip-boilerplate -n "$f" > "$TMP/n"
	cut -d: -f1 "$TMP/n" | while read -r k; do sed -n "${k}p" "$f"; done > "$TMP/want"
	strip-boilerplate "$f" > "$TMP/got"
	cmp "$TMP/want" "$TMP/got"
	cut -d: -f1 "$TMP/n" | sort -n -c
	grep -q '^Tin Liên Quan$' "$f"
	! grep -q '^Tin Liên Quan$' "$TMP/got"
	! grep -q '^lc 1.jpg$' "$TMP/got"
}

@test "strip-boilerplate: -v prints exactly the other lines" {
	f=$SEEDS/000_9a0e284281c05605.txt
	strip-boilerplate -n "$f" | cut -d: -f1 > "$TMP/a"
	strip-boilerplate -v -n "$f" | cut -d: -f1 > "$TMP/b"
	sort -n "$TMP/a" "$TMP/b" > "$TMP/all"
	seq "$(awk 'END {print NR}' "$f")" > "$TMP/want"
	diff -u "$TMP/want" "$TMP/all"
	grep -qx '89' "$TMP/b"
}

@test "strip-boilerplate: --roles explains every line with its role" {
	f=$SEEDS/001_06e88dffc34e332d.txt
	run strip-boilerplate --roles "$f"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq "$(awk 'END {print NR}' "$f")" ]
	[ "${lines[0]%%$'\t'*}" = title ]
	[[ "$output" == *$'comment-header\tÝ kiến bạn đọc'* ]]
	[[ "$output" == *$'related-date\t27/04/2022'* ]]
	[[ "$output" == *$'duplicate\tToàn cảnh hội nghị tại điểm cầu của tỉnh.'* ]]
	[[ "$output" == *$'byline\tTin, ảnh: Phi Anh'* ]]
}

@test "strip-boilerplate: --no-meta drops datelines, bylines and source URLs" {
	f=$SEEDS/002_7f9470d7252ef484.txt
	strip-boilerplate "$f" > "$TMP/a"
	strip-boilerplate --no-meta "$f" > "$TMP/b"
	grep -q '^https://baolaocai.vn' "$TMP/a"
	grep -q '^Theo Hữu Huỳnh' "$TMP/a"
	! grep -q '^https://' "$TMP/b"
	! grep -q '^Theo ' "$TMP/b"
}

@test "strip-boilerplate: the glued stream of all pages keeps every page's article" {
	seeds_cat > "$TMP/all.txt"
	strip-boilerplate "$TMP/all.txt" > "$TMP/out"
	for f in "$SEEDS"/*.txt; do
		strip-boilerplate "$f"
	done > "$TMP/each"
	# the same lines, except those where one page's last line ran into
	# the next page's title (printed whole, as read)
	n=$(diff "$TMP/each" "$TMP/out" | grep -c '^[<>]' || true)
	[ "$n" -le 8 ]
	for f in "$SEEDS"/*.txt; do
		grep -qF -- "$(head -n 1 "$f")" "$TMP/out"
		grep -qF -- "$(sed -n 3p "$f" | cut -c1-60)" "$TMP/out"
	done
	! grep -q '^Tin cùng chuyên mục$' "$TMP/out"
}

@test "strip-boilerplate: pages repeated 20 times give the same lines as each page alone" {
	for i in $(seq 20); do seeds_cat; done > "$TMP/big.txt"
	a=$(strip-boilerplate "$TMP/big.txt" | wc -l)
	b=$(seeds_cat | strip-boilerplate | wc -l)
	[ "$a" -eq $((20 * b)) ]
}

@test "strip-boilerplate: CRLF lines keep their CRLF and classify like LF" {
	sed 's/$/\r/' "$SEEDS/003_71c212dbd1e2a1ea.txt" > "$TMP/crlf.txt"
	strip-boilerplate "$TMP/crlf.txt" > "$TMP/a"
	strip-boilerplate "$SEEDS/003_71c212dbd1e2a1ea.txt" | sed 's/$/\r/' > "$TMP/b"
	cmp "$TMP/a" "$TMP/b"
	[ "$(grep -c $'\r$' "$TMP/a")" -eq "$(wc -l < "$TMP/a")" ]
}

@test "strip-boilerplate: a BOM stays on a kept first line and does not change roles" {
	{ printf '\xef\xbb\xbf'; cat "$SEEDS/004_3f05e7a1d28947b0.txt"; } > "$TMP/bom.txt"
	strip-boilerplate --roles "$TMP/bom.txt" | cut -f1 > "$TMP/a"
	strip-boilerplate --roles "$SEEDS/004_3f05e7a1d28947b0.txt" | cut -f1 > "$TMP/b"
	cmp "$TMP/a" "$TMP/b"
	head -c 3 < <(strip-boilerplate "$TMP/bom.txt") | od -An -tx1 | grep -q 'ef bb bf'
}

@test "strip-boilerplate: invalid UTF-8 is printed as read, reported once, exit 0" {
	{ head -n 4 "$SEEDS/003_71c212dbd1e2a1ea.txt"; printf 'Một đoạn văn có byte hỏng \xff\xfe ở giữa, đủ dài để được giữ lại như một đoạn văn của bài báo này, với nhiều chữ hơn nữa cho chắc chắn rằng nó dài.\n'; } > "$TMP/bad.txt"
	run --separate-stderr strip-boilerplate "$TMP/bad.txt"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"bad.txt:5: invalid UTF-8"* ]]
	strip-boilerplate "$TMP/bad.txt" 2>/dev/null | grep -c $'\xff\xfe' | grep -qx 1
}

@test "strip-boilerplate: NUL bytes are kept in text mode and reported" {
	printf 'Tiêu đề bài báo\n\nĐoạn văn\0 có NUL, đủ dài để được coi là một đoạn văn của bài báo này với nhiều chữ hơn nữa cho chắc chắn rằng nó dài và có dấu chấm.\n' > "$TMP/nul.txt"
	run --separate-stderr strip-boilerplate "$TMP/nul.txt"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"nul.txt:3: "*"NUL"* ]]
	[ "$(strip-boilerplate "$TMP/nul.txt" 2>/dev/null | tr -cd '\0' | wc -c)" -eq 1 ]
}

@test "strip-boilerplate: empty input gives empty output and exit 0" {
	run strip-boilerplate < /dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	printf '\n\n\n' > "$TMP/blank"
	run strip-boilerplate "$TMP/blank"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "strip-boilerplate: a 100 MB line is data, printed whole" {
	skip_under_asan
	make_big_line "$TMP/big" 100
	strip-boilerplate "$TMP/big" > "$TMP/out"
	[ "$(wc -c < "$TMP/out")" -eq $((100 * 1024 * 1024 + 1)) ]
}

@test "strip-boilerplate: records: body cleaned, related and boilerplate filled, nothing lost" {
	split-article "$SEEDS"/*.txt > "$TMP/rec"
	strip-boilerplate < "$TMP/rec" > "$TMP/out"
	[ "$(wc -l < "$TMP/out")" -eq 5 ]
	tests_check_lines "$TMP/out" "$SEEDS"/*.txt
	run jq -r 'select(.body | test("Tin cùng chuyên mục|fb yt zl tw|Ý kiến bạn đọc"))' "$TMP/out"
	[ -z "$output" ]
	[ "$(jq -s 'map(.related | length) | add' "$TMP/out")" -ge 30 ]
	jq -se 'map(select(.source | endswith("001_06e88dffc34e332d.txt")))[0] | .related[0] | .title and .summary and .date' "$TMP/out"
	jq -se 'map(select(.source | endswith("000_9a0e284281c05605.txt")))[0] | [.boilerplate[].role] | index("related-header") and index("share")' "$TMP/out"
}

@test "strip-boilerplate: records keep unknown keys in place and key order of the design card" {
	printf '{"id":"x","zz":[1,2.50],"body":"Lead paragraph.\\nRelated stories\\nSome title\\nShare this","images":[],"entities":[]}\n' > "$TMP/r"
	run strip-boilerplate "$TMP/r"
	[ "$status" -eq 0 ]
	[ "$output" = '{"id":"x","zz":[1,2.50],"body":"Lead paragraph.","images":[],"related":[{"title":"Some title"}],"boilerplate":[{"role":"related-header","text":"Related stories"},{"role":"share","text":"Share this"}],"entities":[]}' ]
}

@test "strip-boilerplate: bad JSON lines are reported with file:line, skipped, exit 1, others out" {
	printf '{"body":"a"}\n{"body": "trunc\n[1,2]\n{"body":"b"}\n' > "$TMP/r"
	run --separate-stderr strip-boilerplate --records "$TMP/r"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "$stderr" == *"$TMP/r:2: "*"record skipped"* ]]
	[[ "$stderr" == *"$TMP/r:3: not a JSON object"* ]]
}

@test "strip-boilerplate: --text forces text mode on JSON-looking input" {
	printf '{"body":"a"}\n' > "$TMP/r"
	run strip-boilerplate --text "$TMP/r"
	[ "$status" -eq 0 ]
	[ "$output" = '{"body":"a"}' ]
}

@test "strip-boilerplate: | head -1 ends quietly" {
	skip_under_asan
	for i in $(seq 200); do seeds_cat; done > "$TMP/big.txt"
	run --separate-stderr bash -c "strip-boilerplate '$TMP/big.txt' | head -n 1"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 1 ]
	run --separate-stderr bash -c "trap '' PIPE; strip-boilerplate '$TMP/big.txt' | head -n 1"
	[ -z "$stderr" ]
}

@test "strip-boilerplate: -o writes the file atomically" {
	strip-boilerplate -o "$TMP/out" "$SEEDS/000_9a0e284281c05605.txt"
	strip-boilerplate "$SEEDS/000_9a0e284281c05605.txt" | cmp - "$TMP/out"
}

@test "strip-boilerplate: a missing file is reported, the others processed, exit 2" {
	run --separate-stderr strip-boilerplate "$TMP/nope" "$SEEDS/000_9a0e284281c05605.txt"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"nope: No such file or directory"* ]]
	[ "${#lines[@]}" -gt 10 ]
}

@test "strip-boilerplate: usage errors exit 2 with a Try line" {
	run --separate-stderr strip-boilerplate --lang fr
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--lang"* ]]
	[[ "$stderr" == *"Try 'strip-boilerplate --help' for more information."* ]]
	run --separate-stderr strip-boilerplate --bogus
	[ "$status" -eq 2 ]
}

@test "strip-boilerplate: --help and --version exit 0; write errors give 2" {
	run strip-boilerplate --help
	[ "$status" -eq 0 ]
	[[ "$output" == Usage:* ]]
	run strip-boilerplate --version
	[ "$status" -eq 0 ]
	[[ "$output" == "strip-boilerplate (newsutils)"* ]]
	run bash -c "strip-boilerplate --help > /dev/full"
	[ "$status" -eq 2 ]
	run --separate-stderr bash -c "strip-boilerplate '$SEEDS/000_9a0e284281c05605.txt' > /dev/full"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"write error"* ]]
}

@test "strip-boilerplate: every long option of --help is in the man page and back" {
	strip-boilerplate --help | grep -o -- '--[a-z-]*' | sort -u > "$TMP/h"
	sed 's/\\-/-/g' "$NU_ROOT/man/strip-boilerplate.1" | grep -o -- '--[a-z-]*' | sort -u > "$TMP/m"
	diff -u "$TMP/h" "$TMP/m"
	mandoc -Tlint -W warning "$NU_ROOT/man/strip-boilerplate.1"
}

@test "strip-boilerplate: --lexicon-dir adds boilerplate phrases" {
	printf 'Tiêu đề\n\nMột đoạn văn dài của bài báo, đủ dài để được giữ lại như nội dung của bài, với nhiều chữ hơn nữa cho chắc chắn.\n\nXem tiếp các bài hay\n\nMột tiêu đề khác\n' > "$TMP/p.txt"
	run strip-boilerplate "$TMP/p.txt"
	[[ "$output" == *"Một tiêu đề khác"* ]]
	mkdir "$TMP/lex"
	printf 'related-header\txem tiếp các bài hay\n' > "$TMP/lex/boilerplate-vi.txt"
	run strip-boilerplate --lexicon-dir "$TMP/lex" "$TMP/p.txt"
	[[ "$output" != *"Một tiêu đề khác"* ]]
	[[ "$output" != *"Xem tiếp"* ]]
}

@test "strip-boilerplate: output does not depend on the locale" {
	LC_ALL=C strip-boilerplate --roles "$SEEDS/001_06e88dffc34e332d.txt" > "$TMP/a"
	LC_ALL=C.UTF-8 strip-boilerplate --roles "$SEEDS/001_06e88dffc34e332d.txt" > "$TMP/b"
	cmp "$TMP/a" "$TMP/b"
}
