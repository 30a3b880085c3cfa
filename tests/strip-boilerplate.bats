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

@test "strip-boilerplate: NUL bytes are dropped in text mode too (as read: bounded memory), and reported" {
	printf 'Tiêu đề bài báo\n\nĐoạn văn\0 có NUL, đủ dài để được coi là một đoạn văn của bài báo này với nhiều chữ hơn nữa cho chắc chắn rằng nó dài và có dấu chấm.\n' > "$TMP/nul.txt"
	run --separate-stderr strip-boilerplate "$TMP/nul.txt"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"nul.txt:3: "*"NUL"* ]]
	[ "$(strip-boilerplate "$TMP/nul.txt" 2>/dev/null | tr -cd '\0' | wc -c)" -eq 0 ]
	strip-boilerplate "$TMP/nul.txt" 2>/dev/null | grep -q 'Đoạn văn có NUL' 
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
	[[ "$stderr" == *"$TMP/r:2:"*"record skipped"* ]]
	[[ "$stderr" == *"$TMP/r:3:1: not a JSON object"* ]]
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

# page_vi FILE, page_en FILE: an invented article (title, three
# paragraphs) to which a test appends the lines it is about
page_vi() {
	cat > "$1" <<'PAGE'
Xã miền núi khai trương chợ phiên đầu tiên sau mùa lũ

Sáng 3/5, UBND xã Nà Lừu tổ chức khai trương chợ phiên mới xây ở trung tâm xã, với hơn 80 gian hàng nông sản, thổ cẩm và đồ gia dụng của bà con các thôn bản.

Chợ được xây trên nền khu đất cũ bị sạt lở năm ngoái, tổng kinh phí hơn 4 tỷ đồng từ nguồn ngân sách tỉnh và đóng góp của người dân trong xã.

Ông Lò Văn Khiêm, Chủ tịch UBND xã, cho biết chợ sẽ họp vào sáng thứ Bảy hằng tuần và miễn phí thuê gian hàng trong sáu tháng đầu cho các hộ nghèo.
PAGE
}

page_en() {
	cat > "$1" <<'PAGE'
Harbour town reopens its ferry pier after two-year repair

The ferry pier at Westhaven reopened on Saturday after a two-year repair that replaced its rotten timber deck and added a covered waiting area for passengers.

The work cost about 3 million pounds and was paid for jointly by the county and a coastal communities fund, the harbour board said in a statement on Friday.

"People here have waited a long time to get the boats back, and the shops on the front are already seeing the difference," said the harbour master, Ellen Voss.
PAGE
}

# has_role ROLE TEXT: the --roles output in $output has the line
has_role() {
	grep -Fqx -- "$1"$'\t'"$2" <<<"$output" || { echo "missing: $1	$2"; false; }
}

@test "strip-boilerplate: headers are trimmed by whole UTF-8 characters, counts cut" {
	page_vi "$TMP/p.txt"
	printf '%s\n' 'Chia sẻ' '» Tin liên quan ›' 'Một tiêu đề liên quan khác về chợ phiên' \
	    'Bình luận (3)' 'Ý kiến：' 'Xem thêm…' >> "$TMP/p.txt"
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role share 'Chia sẻ'
	has_role related-header '» Tin liên quan ›'
	has_role related-title 'Một tiêu đề liên quan khác về chợ phiên'
	has_role comment-header 'Bình luận (3)'
	has_role comment-header 'Ý kiến：'
	# a count alone or a word ending in a multibyte letter is no header
	printf '%s\n' 'Tiêu đề' '(12)' 'Chia sẻ kinh nghiệm trồng cây ăn quả trên đất dốc' > "$TMP/q.txt"
	run strip-boilerplate --roles "$TMP/q.txt"
	has_role content '(12)'
	has_role content 'Chia sẻ kinh nghiệm trồng cây ăn quả trên đất dốc'
}

@test "strip-boilerplate: tag lists, with a header or on one line, Vietnamese and English" {
	page_vi "$TMP/p.txt"
	printf '%s\n' 'Từ khóa:' 'chợ phiên' 'Nà Lừu' 'nông sản vùng cao' 'Tin cùng chuyên mục' \
	    'Một tiêu đề liên quan khác về chợ phiên' >> "$TMP/p.txt"
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role tags 'Từ khóa:'
	has_role tags 'chợ phiên'
	has_role tags 'nông sản vùng cao'
	has_role related-header 'Tin cùng chuyên mục'
	page_en "$TMP/e.txt"
	printf '%s\n' 'Filed under: Transport, Coast' 'Tags: ferries, harbours, Westhaven' \
	    'Chủ đề: giao thông, đường thủy' 'Topics' 'Ferries' 'Local government' >> "$TMP/e.txt"
	run strip-boilerplate --roles "$TMP/e.txt"
	echo "$output"
	has_role tags 'Filed under: Transport, Coast'
	has_role tags 'Tags: ferries, harbours, Westhaven'
	has_role tags 'Chủ đề: giao thông, đường thủy'
	has_role tags 'Local government'
	[ "$(strip-boilerplate "$TMP/e.txt" | wc -l)" -eq 7 ]
}

@test "strip-boilerplate: comment threads, with a count header or found from a Reply" {
	page_en "$TMP/e.txt"
	printf '%s\n' '' '5 comments' '' 'Tom B.' 'May 4, 2025 at 6:10 pm' \
	    'About time too. The old pier was a danger to everyone who used it and the new deck looks great.' \
	    'Reply' 'Leave a Reply' >> "$TMP/e.txt"
	run strip-boilerplate --roles "$TMP/e.txt"
	echo "$output"
	has_role comment-header '5 comments'
	has_role comment 'Tom B.'
	has_role comment 'May 4, 2025 at 6:10 pm'
	has_role comment 'Reply'
	has_role comment-header 'Leave a Reply'
	# no header: the action line shows the comment above it
	page_en "$TMP/f.txt"
	printf '%s\n' '' 'Ruth' 'May 5, 2025' 'Lovely news for the town, we will take the boat this summer.' \
	    'Reply' >> "$TMP/f.txt"
	run strip-boilerplate --roles "$TMP/f.txt"
	echo "$output"
	has_role comment 'Ruth'
	has_role comment 'Lovely news for the town, we will take the boat this summer.'
	page_vi "$TMP/p.txt"
	printf '%s\n' 'Bình luận (2)' 'Mai Anh' 'Chợ đẹp quá, cuối tuần này cả nhà mình sẽ lên chơi.' \
	    'Thích (4)' 'Trả lời' >> "$TMP/p.txt"
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role comment 'Mai Anh'
	has_role comment 'Thích (4)'
	has_role comment 'Trả lời'
	[ "$(strip-boilerplate "$TMP/p.txt" | wc -l)" -eq 7 ]
}

@test "strip-boilerplate: share lines, photo credits, reading time, standards and footers" {
	cat > "$TMP/e.txt" <<'PAGE'
Harbour town reopens its ferry pier after two-year repair
By Ann Kerr
Updated 3 hours ago
4 min read
Listen to this article
Share
pier-reopened.jpg
Image source, Getty Images
Passengers queue for the first boat from the new pier
The ferry pier at Westhaven reopened on Saturday after a two-year repair that replaced its rotten timber deck and added a covered waiting area for passengers.
Advertisement - Scroll to continue
Photo: Ann Kerr
The work cost about 3 million pounds and was paid for jointly by the county and a coastal communities fund, the harbour board said in a statement on Friday.
Our Standards: The Example Trust Principles.
Sign up for our morning briefing
© 2025 Example Media Ltd. All rights reserved.
PAGE
	run strip-boilerplate --roles "$TMP/e.txt"
	echo "$output"
	has_role other 'Updated 3 hours ago'
	has_role other '4 min read'
	has_role other 'Listen to this article'
	has_role share 'Share'
	has_role credit 'Image source, Getty Images'
	has_role caption 'Passengers queue for the first boat from the new pier'
	has_role advert 'Advertisement - Scroll to continue'
	has_role credit 'Photo: Ann Kerr'
	has_role other 'Our Standards: The Example Trust Principles.'
	has_role navigation 'Sign up for our morning briefing'
	has_role footer '© 2025 Example Media Ltd. All rights reserved.'
	cat > "$TMP/p.txt" <<'PAGE'
Xã miền núi khai trương chợ phiên đầu tiên sau mùa lũ
Cập nhật 2 giờ trước
6 phút đọc
Sáng 3/5, UBND xã Nà Lừu tổ chức khai trương chợ phiên mới xây ở trung tâm xã, với hơn 80 gian hàng nông sản, thổ cẩm và đồ gia dụng của bà con các thôn bản.
Đọc tiếp
(Ảnh minh họa)
Bà con mua bán trong ngày đầu chợ họp. Ảnh: Minh Khang
Ảnh: Minh Khang
Chợ được xây trên nền khu đất cũ bị sạt lở năm ngoái, tổng kinh phí hơn 4 tỷ đồng từ nguồn ngân sách tỉnh và đóng góp của người dân trong xã.
Đăng ký nhận bản tin
Bản quyền thuộc về Báo Ví Dụ
Giấy phép số 123/GP-BTTTT
PAGE
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role other 'Cập nhật 2 giờ trước'
	has_role other '6 phút đọc'
	has_role navigation 'Đọc tiếp'
	has_role credit '(Ảnh minh họa)'
	has_role content 'Bà con mua bán trong ngày đầu chợ họp. Ảnh: Minh Khang'
	has_role credit 'Ảnh: Minh Khang'
	has_role navigation 'Đăng ký nhận bản tin'
	has_role footer 'Bản quyền thuộc về Báo Ví Dụ'
	has_role footer 'Giấy phép số 123/GP-BTTTT'
}

@test "strip-boilerplate: breadcrumbs and 'Read more: <title>' lines" {
	page_en "$TMP/e.txt"
	{ echo 'Home > UK > Coast'; cat "$TMP/e.txt"; } > "$TMP/f.txt"
	sed -i '4a Read more: Ferry fares to rise in spring\nThe board said timetables would return to normal next month, with extra sailings at weekends through the summer season.' "$TMP/f.txt"
	printf '%s\n' 'Trang chủ / Thời sự' 'Thời sự › Giao thông' >> "$TMP/f.txt"
	run strip-boilerplate --roles "$TMP/f.txt"
	echo "$output"
	has_role navigation 'Home > UK > Coast'
	has_role related-title 'Read more: Ferry fares to rise in spring'
	has_role content 'The board said timetables would return to normal next month, with extra sailings at weekends through the summer season.'
	has_role navigation 'Trang chủ / Thời sự'
	has_role navigation 'Thời sự › Giao thông'
	# a '>' or '/' inside a sentence is not a separator
	printf '%s\n' 'Title' 'Prices rose > 5% in / around the capital' > "$TMP/g.txt"
	run strip-boilerplate --roles "$TMP/g.txt"
	has_role content 'Prices rose > 5% in / around the capital'
}

@test "strip-boilerplate: related titles without a header: title and date pairs, runs after the article" {
	page_vi "$TMP/p.txt"
	printf '%s\n' '' 'fb zl' '' 'Huyện vùng cao mở lớp dạy nghề dệt thổ cẩm' '02/05/2025' \
	    'Nông dân thu hoạch chè sớm nhờ thời tiết thuận' '01/05/2025' >> "$TMP/p.txt"
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role related-title 'Huyện vùng cao mở lớp dạy nghề dệt thổ cẩm'
	has_role related-date '01/05/2025'
	[ "$(strip-boilerplate "$TMP/p.txt" | grep -c .)" -eq 4 ]
	# in records they go to related, with their dates
	jq -Rsc '{title: "Xã miền núi", body: (split("\n") | .[2:] | map(select(. != "")) | join("\n"))}' \
	    "$TMP/p.txt" | strip-boilerplate > "$TMP/r.jsonl"
	[ "$(jq -r '.related[1].date' "$TMP/r.jsonl")" = 01/05/2025 ]
	[ "$(jq -r '.body | split("\n") | length' "$TMP/r.jsonl")" -eq 3 ]
	# no dates: three title-like lines after the last paragraph, the
	# page's furniture (a share bar) after them
	page_en "$TMP/e.txt"
	printf '%s\n' 'Anna Berg' 'New lifeboat station opens on the east coast' \
	    'Fishing fleet returns to port as storm eases' 'Council backs plan for a coastal cycle path' \
	    'Share this' >> "$TMP/e.txt"
	run strip-boilerplate --roles "$TMP/e.txt"
	echo "$output"
	has_role content 'Anna Berg'
	has_role related-title 'Fishing fleet returns to port as storm eases'
	# a list inside the article stays
	page_en "$TMP/f.txt"
	printf '%s\n' '- A covered waiting area for passengers' '- A new timber deck along the pier' \
	    '- Lighting and a ramp for wheelchairs' >> "$TMP/f.txt"
	run strip-boilerplate --roles "$TMP/f.txt"
	has_role content '- Lighting and a ramp for wheelchairs'
}

@test "strip-boilerplate: title-like lines after the last paragraph stay the article's at the page's end or above a block header (a photo story's captions)" {
	cap=('Người dân đội mưa xếp hàng chờ qua phà từ sáng sớm' \
	    'Nhiều gia đình mang theo cả trẻ nhỏ và đồ đạc lên phà' \
	    'Xe máy được xếp thành hàng dài trên bến chờ tới lượt' \
	    'Một nhân viên bến phà hướng dẫn người dân lên xuống an toàn')
	# the page ends with them
	page_vi "$TMP/p.txt"
	printf '%s\n' '' "${cap[@]}" >> "$TMP/p.txt"
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role content "${cap[0]}"
	has_role content "${cap[3]}"
	# a comment header and a headed related block after them
	page_vi "$TMP/q.txt"
	printf '%s\n' '' "${cap[@]}" 'Bình luận (0)' 'Tin liên quan' \
	    'Huyện vùng cao mở lớp dạy nghề dệt thổ cẩm' >> "$TMP/q.txt"
	run strip-boilerplate --roles "$TMP/q.txt"
	echo "$output"
	has_role content "${cap[2]}"
	has_role comment-header 'Bình luận (0)'
	has_role related-title 'Huyện vùng cao mở lớp dạy nghề dệt thổ cẩm'
	# a record's body (split-article took its byline out): the captions
	# stay in the body, only the related title goes to related
	jq -Rsc '{title: "Xã miền núi", body: (split("\n") | .[2:] | map(select(. != "")) | join("\n"))}' \
	    "$TMP/q.txt" | strip-boilerplate --records > "$TMP/r.jsonl"
	[ "$(jq -r '.body | split("\n") | length' "$TMP/r.jsonl")" -eq 7 ]
	[ "$(jq -r '.related | length' "$TMP/r.jsonl")" -eq 1 ]
	# a share bar after them: a list of links
	page_vi "$TMP/s.txt"
	printf '%s\n' '' "${cap[@]}" 'Chia sẻ' >> "$TMP/s.txt"
	run strip-boilerplate --roles "$TMP/s.txt"
	has_role related-title "${cap[1]}"
}

@test "strip-boilerplate: a share bar ends a page in a stream only when an article follows" {
	page_vi "$TMP/a.txt"
	page_en "$TMP/b.txt"
	{ cat "$TMP/a.txt"; printf '%s\n' 'fb zl' 'Tin liên quan' 'Một tiêu đề liên quan khác về chợ phiên'; cat "$TMP/b.txt"; } > "$TMP/s.txt"
	run strip-boilerplate --roles "$TMP/s.txt"
	echo "$output"
	has_role related-header 'Tin liên quan'
	has_role title 'Harbour town reopens its ferry pier after two-year repair'
	# a share bar inside an article: the next paragraph is kept
	page_en "$TMP/c.txt"
	printf '%s\n' 'Share this' 'The pier will open at seven every morning and close at ten at night, with a staffed ticket office during the summer.' >> "$TMP/c.txt"
	run strip-boilerplate --roles "$TMP/c.txt"
	has_role content 'The pier will open at seven every morning and close at ten at night, with a staffed ticket office during the summer.'
}

@test "strip-boilerplate: lexicon patterns: '*' is any text, '#' digits" {
	printf '%s\n' 'Tiêu đề bài' 'Lượt xem: 1234' 'Lượt xem: nhiều' 'Tải app ngay hôm nay' > "$TMP/p.txt"
	mkdir "$TMP/lex"
	printf 'other\tlượt xem: #\nadvert\ttải app *\n' > "$TMP/lex/boilerplate-vi.txt"
	run strip-boilerplate --roles --lexicon-dir "$TMP/lex" "$TMP/p.txt"
	echo "$output"
	has_role other 'Lượt xem: 1234'
	has_role content 'Lượt xem: nhiều'
	has_role advert 'Tải app ngay hôm nay'
}

@test "strip-boilerplate: a sentence opening with Copyright is text; copyright notices are footer" {
	printf '%s\n' 'Courts weigh the wave of lawsuits over training data' \
	    'WASHINGTON, March 5 (Reuters) - Judges in three states heard arguments this week over whether AI companies may train models on books and news without a licence.' \
	    'Copyright lawsuits against AI companies have multiplied this year as authors seek compensation' \
	    'The cases are expected to reach appeal courts next year, lawyers for both sides said on Thursday after the hearings ended.' \
	    'Copyright © 2026 Example News. All rights reserved.' \
	    'Copyright 2026 The Associated Press.' 'Copyright (c) Example Media' > "$TMP/p.txt"
	run bash -c "strip-boilerplate --roles '$TMP/p.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title content content content footer footer footer " ]
}

@test "strip-boilerplate: an article's own list after a colon, or followed by more text, is no related block" {
	B=$NU_ROOT/tests/fixtures/boiler
	run bash -c "strip-boilerplate --roles '$B/en-key-dates-list.txt' | cut -f1 | sort | uniq -c | tr -s ' '"
	[ "$output" = " 6 content"$'\n'" 1 title" ]
	run bash -c "strip-boilerplate --roles '$B/vi-priorities-list.txt' | cut -f1 | grep -c content"
	[ "$output" -eq 6 ]
}

@test "strip-boilerplate: a share bar followed by an image, its caption and a paragraph stays inside the article" {
	run bash -c "strip-boilerplate --roles '$NU_ROOT/tests/fixtures/boiler/vi-share-then-image.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title content content content share image caption content " ]
}

@test "strip-boilerplate: a comment-header phrase before any paragraph is a section label, not the comments" {
	run bash -c "strip-boilerplate --roles '$NU_ROOT/tests/fixtures/boiler/vi-opinion-label.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "navigation title content content " ]
}

@test "strip-boilerplate: Photo:/Ảnh: with a name or agency is a credit, with a sentence it is a caption" {
	run bash -c "strip-boilerplate --roles '$NU_ROOT/tests/fixtures/boiler/credits-and-captions.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title content credit content content credit credit credit content content " ]
}

@test "strip-boilerplate: promos and calls to action (see more, read time, news tip, view all photos) are dropped" {
	printf '%s\n' 'Harbour ferry fares to rise by ten cents from January' \
	    'Read Time: 4 min' \
	    'The ferry operator said on Monday that fuel and wage costs had risen for a third year and that the increase would be the first since 2022.' \
	    'VIEW ALL PHOTOS' \
	    'Passengers on the morning crossing said they would pay the extra fare but hoped the timetable would not be cut again next year.' \
	    'Have a news tip? Send it to our desk any time.' \
	    'Why you can trust Example Daily' \
	    'Get Latest Harbour News and Top Headlines from the city.' \
	    'See more' 'Loading ...' > "$TMP/p.txt"
	run bash -c "strip-boilerplate --roles '$TMP/p.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title other content other content other other other other other " ]
	printf '%s\n' 'Nhà máy nước mới cấp nước cho ba xã ven biển' \
	    'Lượt xem: 3.210' \
	    'Nhà máy có công suất 10.000 m3 mỗi ngày, đáp ứng nhu cầu sử dụng nước sạch của hơn 20.000 hộ dân ở ba xã ven biển từ cuối tháng này.' \
	    'Xem đầy đủ' 'Xem thêm >> Giá nước sinh hoạt tăng từ tháng sau' > "$TMP/v.txt"
	run bash -c "strip-boilerplate --roles '$TMP/v.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title other content other related-title " ]
}

@test "strip-boilerplate: a menu of short lines before the title is navigation; the title is the first title-like line after it" {
	B=$NU_ROOT/tests/fixtures/boiler
	run bash -c "strip-boilerplate --roles '$B/nav-en.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "navigation navigation navigation navigation title dateline blank content blank content " ]
	run bash -c "strip-boilerplate --roles '$B/nav-vi.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "navigation navigation title dateline blank content blank content " ]
	# a short title followed by a paragraph stays the title
	printf '%s\n' 'Giá vàng' 'Giá vàng miếng trong nước sáng nay đứng yên ở mức cao, trong khi vàng nhẫn giảm nhẹ theo giá thế giới sau phiên tăng mạnh cuối tuần trước.' > "$TMP/t.txt"
	run bash -c "strip-boilerplate --roles '$TMP/t.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title content " ]
}

@test "strip-boilerplate: title and date pairs are related links under any short header, to the last pair" {
	run bash -c "strip-boilerplate --roles '$NU_ROOT/tests/fixtures/boiler/rel-en.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title blank content blank content blank related-header related-title related-date related-title related-date " ]
}

@test "strip-boilerplate: widgets (tickers, standings, player clock), capitals, lone network names and '>>' links are dropped" {
	run bash -c "strip-boilerplate --roles '$NU_ROOT/tests/fixtures/boiler/widgets-vi.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title share share other blank content blank related-title blank content blank other other other other share " ]
	# numbers inside a sentence, a score line with words: kept
	printf '%s\n' 'Kết quả vòng loại' 'Đội tuyển thắng 3-1 trong trận đấu thứ 2 và đứng đầu bảng với 9 điểm sau 4 trận, hơn đội xếp thứ hai 2 điểm.' 'Ghi bàn: Văn Toàn 12, Tiến Linh 55' > "$TMP/n.txt"
	run bash -c "strip-boilerplate --roles '$TMP/n.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "title content content " ]
}

@test "strip-boilerplate: section labels above a headline are navigation when a name, a subtitle or a dateline follows it" {
	printf '%s\n' 'Thời sự' 'Giao thông - Đô thị' 'Tuyến buýt nhanh thứ hai chạy thử từ đầu tháng tới' 'Lan Phương' '08:15, 12/3/2026' '' \
	    'Sở Giao thông công bố lịch chạy thử tuyến buýt nhanh thứ hai, với 14 nhà chờ dọc trục đường vành đai và tần suất 10 phút một chuyến vào giờ cao điểm.' > "$TMP/a.txt"
	run bash -c "strip-boilerplate --roles '$TMP/a.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "navigation navigation title content dateline blank content " ]
	printf '%s\n' 'Business' 'Markets' 'Copper prices climb as mine strikes cut supply in Chile' \
	    'Analysts expect the squeeze to last into the new year as talks between unions and owners stall again' \
	    'Published: 9:40am, 2 Mar 2026' '' \
	    'Copper rose for a fifth day on Monday as strikes at two large mines in northern Chile cut output, traders said, with stocks in exchange warehouses at a two-year low.' > "$TMP/b.txt"
	run bash -c "strip-boilerplate --roles '$TMP/b.txt' | cut -f1 | tr '\n' ' '"
	[ "$output" = "navigation navigation title content dateline blank content " ]
}

@test "strip-boilerplate: counters and rules with no word, hashtags and camel-case share bars are dropped" {
	page_en "$TMP/p.txt"
	printf '%s\n' '' '2/5' '* * *' '#Ferries' '# Westhaven harbour' 'Share toLinkedIn' 'Share onWhatsApp' >> "$TMP/p.txt"
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role other '2/5'
	has_role other '* * *'
	has_role tags '#Ferries'
	has_role tags '# Westhaven harbour'
	has_role share 'Share toLinkedIn'
	has_role share 'Share onWhatsApp'
	# a hashtag inside a sentence, a line opening with a number: kept
	page_en "$TMP/q.txt"
	printf '%s\n' '' '#1 on the list of repairs was the pier deck, which the board said had rotted through in places.' >> "$TMP/q.txt"
	run strip-boilerplate --roles "$TMP/q.txt"
	has_role content '#1 on the list of repairs was the pier deck, which the board said had rotted through in places.'
}

@test "strip-boilerplate: link lists after the last paragraph under labels of any words are related when a tail follows; a name alone stays" {
	page_en "$TMP/p.txt"
	printf '%s\n' '' 'Around the region' 'Lifeboat crew rescues two kayakers off the point' 'New cycle path links the harbour to the station' \
	    'Editors choice' 'Fish market moves to a bigger hall next spring' 'Share' >> "$TMP/p.txt"
	run bash -c "strip-boilerplate --roles '$TMP/p.txt' | cut -f1 | tail -6 | tr '\n' ' '"
	[ "$output" = "related-header related-title related-title related-header related-title share " ]
	# the same lines ending the page with no tail after them: a box of the article's
	sed -i '$d' "$TMP/p.txt"
	run bash -c "strip-boilerplate --roles '$TMP/p.txt' | cut -f1 | tail -5 | tr '\n' ' '"
	[ "$output" = "content content content content content " ]
	# one label and one title is not enough evidence: kept
	page_vi "$TMP/q.txt"
	printf '%s\n' '' 'Minh Châu' >> "$TMP/q.txt"
	run strip-boilerplate --roles "$TMP/q.txt"
	has_role content 'Minh Châu'
}

@test "strip-boilerplate: the article goes on after a related box in its middle (a list, or paragraphs in a row)" {
	page_vi "$TMP/p.txt"
	printf '%s\n' '' 'Tin liên quan' 'Chợ phiên vùng cao hút khách dịp cuối tuần' 'Nông sản sạch lên kệ siêu thị thành phố' '' \
	    'Ban quản lý chợ đề ra ba việc cần làm ngay trong tháng đầu hoạt động của chợ phiên mới:' \
	    '- Sắp xếp lại khu bán gia súc, gia cầm tách khỏi khu hàng ăn;' '- Lắp đặt thêm hai điểm thu gom rác thải;' '' \
	    'Sau mùa lũ, nhiều hộ dân đã trở lại buôn bán ở chợ, mang theo rau rừng, măng khô và các sản phẩm thổ cẩm tự dệt để bán cho khách dưới xuôi.' >> "$TMP/p.txt"
	run bash -c "strip-boilerplate --roles '$TMP/p.txt' | cut -f1 | tail -9 | tr '\n' ' '"
	[ "$output" = "related-header related-title related-title blank content content content blank content " ]
	# titles and summaries in turn stay a related block
	page_vi "$TMP/q.txt"
	printf '%s\n' '' 'Tin liên quan' 'Chợ phiên vùng cao hút khách dịp cuối tuần' \
	    'Mỗi sáng Chủ nhật, chợ phiên ở trung tâm huyện đón hàng nghìn lượt khách, phần lớn là khách du lịch từ các tỉnh miền xuôi lên tham quan và mua sắm nông sản.' \
	    'Nông sản sạch lên kệ siêu thị thành phố' >> "$TMP/q.txt"
	run bash -c "strip-boilerplate --roles '$TMP/q.txt' | cut -f1 | tail -3 | tr '\n' ' '"
	[ "$output" = "related-title related-summary related-title " ]
}

@test "strip-boilerplate: after a copyright line the author's box is no article text; a short credit does not close it" {
	page_en "$TMP/p.txt"
	printf '%s\n' '' 'Copyright 2026 Westhaven Gazette. All rights reserved.' 'ELLEN PARR' \
	    'Ellen Parr reports on coastal towns and transport for the Gazette.' >> "$TMP/p.txt"
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	has_role footer 'Copyright 2026 Westhaven Gazette. All rights reserved.'
	has_role other 'Ellen Parr reports on coastal towns and transport for the Gazette.'
	page_en "$TMP/q.txt"
	printf '%s\n' '' 'pier.jpg' 'The new deck of the Westhaven pier, photographed on Saturday morning.' '© Harbour Board' '' \
	    'The harbour board said the next stage would be a new slipway for the lifeboat, to be built over the winter if the weather allows.' >> "$TMP/q.txt"
	run strip-boilerplate --roles "$TMP/q.txt"
	has_role content 'The harbour board said the next stage would be a new slipway for the lifeboat, to be built over the winter if the weather allows.'
}

# three paragraphs of an English article, for the cases below
paras_en() {
	printf '%s\n' 'The ministry said on Tuesday that rice exports rose 12 percent in the first ten months of the year, driven by demand from the Philippines and Indonesia, while prices held near record highs.' \
	    'Officials expect the trend to continue into next year as farmers in the delta switch to higher-value varieties and new trade agreements open markets in Europe and the Middle East.' \
	    'Analysts warned, however, that saltwater intrusion and falling river levels could threaten yields in several provinces unless irrigation works are completed on time this winter.' \
	    'Exporters said shipping costs had eased since the summer, with freight rates to Manila and Jakarta down by about a fifth, which helped traders win new contracts at the end of the season.'
}

@test "strip-boilerplate: article text the rules must not drop (reviewed cases: credits, hotlines, hashtag headlines, fact boxes, lone numbers)" {
	# a photo credit or a hotline between paragraphs does not close the article
	{ echo 'Phone scam warning issued by police in the capital'; echo 'May 12, 2025'; paras_en | head -2
	  echo '© Reuters/Nguyen Van Kham 2025'; paras_en | sed -n 3p; echo 'What residents should do now'; paras_en | sed -n 4p; } > "$TMP/a.txt"
	run bash -c "strip-boilerplate --roles '$TMP/a.txt' | cut -f1 | tail -3 | tr '\n' ' '"
	[ "$output" = "content content content " ]
	# a headline opening with a hashtag is the title
	{ echo '#MeToo five years on: what has changed in the film industry'; echo 'May 12, 2025'; paras_en | head -3; } > "$TMP/b.txt"
	run bash -c "strip-boilerplate --roles '$TMP/b.txt' | cut -f1 | head -3 | tr '\n' ' '"
	[ "$output" = "title dateline content " ]
	# a fact box or a verse ending the page is the article's
	{ echo 'New metro line opens after years of delays'; echo 'May 12, 2025'; paras_en | head -3
	  echo 'Key facts'; echo 'Length: nineteen kilometres, fourteen stations'; echo 'Cost: about 1.7 billion US dollars in total'; } > "$TMP/c.txt"
	run bash -c "strip-boilerplate --roles '$TMP/c.txt' | cut -f1 | tail -3 | tr '\n' ' '"
	[ "$output" = "content content content " ]
	{ echo 'Mùa hoa trên bản'; paras_en; printf '%s\n' 'Chiều về trên bản sương giăng' 'Tiếng khèn gọi bạn lên rừng hái hoa đầu mùa' \
	    'Suối reo bên dốc đá mòn' 'Người đi nhớ mãi những ngày mùa xuân trên bản'; } > "$TMP/d.txt"
	run bash -c "strip-boilerplate --roles '$TMP/d.txt' | cut -f1 | tail -4 | tr '\n' ' '"
	[ "$output" = "content content content content " ]
	# a question headline under a section label is the title
	{ echo 'Business'; echo 'Why are rice prices rising so fast this year?'; echo 'May 12, 2025'; paras_en; } > "$TMP/e.txt"
	run bash -c "strip-boilerplate --roles '$TMP/e.txt' | cut -f1 | head -3 | tr '\n' ' '"
	[ "$output" = "navigation title dateline " ]
	# a short title above its subtitle and a name, then the article: the title stays
	{ echo 'Rice exports surge'; echo 'Strong demand from the Philippines lifts prices to record highs'; echo 'Jane Smith'; paras_en; } > "$TMP/f.txt"
	run bash -c "strip-boilerplate --roles '$TMP/f.txt' | cut -f1 | head -1"
	[ "$output" = "title" ]
	# a lone year or a numbered marker is kept
	{ echo 'Timeline of the port'; paras_en | head -1; echo '2024'; paras_en | sed -n 2p; } > "$TMP/g.txt"
	run strip-boilerplate --roles "$TMP/g.txt"
	has_role content '2024'
}

@test "strip-boilerplate: a related box stays one with bulleted titles or thumbnails between summaries" {
	{ echo 'Rice exports surge in the delta provinces'; paras_en | head -3; echo 'Tin liên quan'
	  echo '- Hà Nội khởi công dự án đường vành đai với tổng vốn đầu tư hơn 85.000 tỷ đồng trong năm nay…'
	  echo '- TP.HCM đề xuất cơ chế đặc thù để đẩy nhanh tiến độ các dự án giao thông trọng điểm phía Nam…'
	  echo '- Quảng Ninh thu hút hơn 2 tỷ USD vốn đầu tư trực tiếp nước ngoài trong sáu tháng đầu năm nay…'; } > "$TMP/a.txt"
	run bash -c "strip-boilerplate --roles '$TMP/a.txt' | cut -f1 | tail -3 | tr '\n' ' '"
	[ "$output" = "related-title related-title related-title " ]
	{ echo 'Rice exports surge in the delta provinces'; paras_en | head -2; echo 'Related stories'; echo 'thumb-coffee.jpg'
	  paras_en | sed -n 3p; echo 'thumb-port.jpg'; paras_en | sed -n 4p; } > "$TMP/b.txt"
	run bash -c "strip-boilerplate --roles '$TMP/b.txt' | cut -f1 | tail -4 | tr '\n' ' '"
	[ "$output" = "image related-summary image related-summary " ]
}

@test "strip-boilerplate: of two lexicon entries that match a line, the first read wins (phrases and patterns alike)" {
	page_vi "$TMP/p.txt"
	printf '%s\n' '' 'Quầy vé mở lúc 7 giờ' 'Quầy hàng số 12' >> "$TMP/p.txt"
	mkdir "$TMP/lex"
	printf 'navigation\tquầy vé mở lúc # giờ\nadvert\tquầy vé mở lúc # giờ\nother\tquầy hàng số #\nfooter\tquầy hàng *\n' > "$TMP/lex/boilerplate-vi.txt"
	run strip-boilerplate --roles --lexicon-dir "$TMP/lex" "$TMP/p.txt"
	echo "$output"
	has_role navigation 'Quầy vé mở lúc 7 giờ'
	has_role other 'Quầy hàng số 12'
}

@test "strip-boilerplate: blank lines after a page's closing share bar stay blank in a long stream" {
	# a thousand pages ending "share bar, blank line": past the first
	# window, the blank lines once took the role an earlier window left
	# at their place ("other", "related-header")
	awk 'BEGIN {
		split("đoàn công tác tỉnh thăm làm việc địa phương khu vực " \
		    "biên giới trao đổi hợp tác kinh tế văn hóa du lịch giữa " \
		    "hai bên nhân dân phát triển xã hội lãnh đạo hội nghị", w, " ")
		r = 1
		for (p = 0; p < 1000; p++) {
			printf "Tin số %d về hợp tác giữa hai địa phương\n", p
			for (q = 0; q < 3; q++) {
				s = "Ngày"
				for (i = 0; i < 45; i++) {
					r = (r * 1103515245 + 12345) % 2147483648
					s = s " " w[int(r / 65536) % 27 + 1]
				}
				print s "."
			}
			print "fb yt zl tw"
			print ""
		}
	}' > "$TMP/share.txt"
	run "$NU_BIN/strip-boilerplate" --roles "$TMP/share.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 6000 ]
	bad=$(printf '%s\n' "$output" | awk -F'\t' '$2 == "" && $1 != "blank"' | wc -l)
	echo "blank lines with another role: $bad"
	[ "$bad" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep -c '^share')" -eq 1000 ]
}

@test "strip-boilerplate --records: a word with a NUL in it (a record's \\u0000) is no stop word" {
	# the stop-word table pads its keys with zero bytes: "the\0" must not
	# pass for "the" (it did for one commit: 39 of these paragraphs went).
	# The same page with a word that is no stop word ("thx") keeps as
	# many paragraphs, and with a real "the" a different number (so that
	# the test can fail whatever the model keeps).
	for w in 'the\u0000' thx the; do
		W=$w python3 -c 'import json, os
w = json.loads(chr(34) + os.environ["W"] + chr(34))
L = ["Home | News | Sport | Weather"]
for i in range(40):
    L += [" ".join("Zorblax%d %s Quenti" % (j, w) for j in range(6)) + ".", "Share", "Menu item %d" % i]
print(json.dumps({"title": "T", "body": "\n".join(L)}))' > "$TMP/nul-$w.jsonl"
	done
	count() {
		strip-boilerplate --records "$TMP/nul-$1.jsonl" | jq -r .body | grep -c '^Zorblax0'
	}
	nul=$(count 'the\u0000')
	thx=$(count thx)
	the=$(count the)
	echo "kept: the-NUL $nul, thx $thx, the $the"
	[ "$nul" -eq "$thx" ]
	[ "$thx" -ne "$the" ]
}

@test "strip-boilerplate --page-model: pages start where split-article's records do (the samples with newlines and glued as cat gives them)" {
	for f in "$SEEDS"/*.txt; do printf '%s\n' "$(cat "$f")"; done > "$TMP/nl.txt"
	for f in "$SEEDS"/*.txt; do printf '%s' "$(cat "$f")"; done > "$TMP/glued.txt"
	for t in nl glued; do
		split-article "$TMP/$t.txt" | jq -r .line > "$TMP/want"
		[ "$(wc -l < "$TMP/want")" -eq 5 ]
		strip-boilerplate --page-model --roles -n "$TMP/$t.txt" |
		    awk -F'\t' '$1 ~ /:title$/ { sub(/:.*/, "", $1); print $1 }' > "$TMP/got"
		diff "$TMP/want" "$TMP/got"
	done
	# with newlines, the same lines as each page alone
	for f in "$SEEDS"/*.txt; do strip-boilerplate --page-model "$f"; done > "$TMP/alone"
	strip-boilerplate --page-model "$TMP/nl.txt" | cmp - "$TMP/alone"
	# a model that is not a page-start model is refused before any output
	run --separate-stderr strip-boilerplate --page-model="$TMP/nl.txt" "$TMP/nl.txt"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
}

@test "strip-boilerplate: decomposed (NFD) text keeps the lines its NFC form keeps, printed as read (rules, line model and --page-model)" {
	for f in "$SEEDS"/*.txt; do printf '%s' "$(cat "$f")"; done > "$TMP/nfc.txt"
	python3 -c 'import sys, unicodedata
sys.stdout.write(unicodedata.normalize("NFD", sys.stdin.read()))' < "$TMP/nfc.txt" > "$TMP/nfd.txt"
	! cmp -s "$TMP/nfc.txt" "$TMP/nfd.txt"
	for opt in --no-model --model="$NU_ROOT/common/models/line-role.model" --page-model; do
		strip-boilerplate "$opt" -n "$TMP/nfc.txt" | cut -d: -f1 > "$TMP/want"
		strip-boilerplate "$opt" -n "$TMP/nfd.txt" | cut -d: -f1 > "$TMP/got"
		[ "$(wc -l < "$TMP/want")" -gt 100 ]
		diff -u "$TMP/want" "$TMP/got"
	done
	# the bytes as read: NFD in, NFD out
	strip-boilerplate "$TMP/nfd.txt" > "$TMP/out"
	strip-boilerplate -n "$TMP/nfd.txt" | cut -d: -f1 |
	    while read -r k; do sed -n "${k}p" "$TMP/nfd.txt"; done | cmp - "$TMP/out"
}

@test "strip-boilerplate --page-model=FILE: a file that is no page-start model is a usage error naming --page-model" {
	run --separate-stderr strip-boilerplate --page-model="$NU_ROOT/common/models/line-role.model" /dev/null
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "strip-boilerplate: --page-model $NU_ROOT/common/models/line-role.model: a line-role model, not page-start
Try 'strip-boilerplate --help' for more information." ]
	run --separate-stderr strip-boilerplate --page-model="$TMP/none" /dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "strip-boilerplate: --page-model $TMP/none: No such file or directory" ]
}

@test "strip-boilerplate --page-model: a full window's flush starts no page at the lines the model has not judged yet" {
	# a page-start model that starts no page and vetoes every rule's
	# start: the stream is one page, whatever the window
	sed 's/^meta threshold .*/meta threshold 1e30/; s/^meta rule-veto .*/meta rule-veto 1e30/' \
	    "$NU_ROOT/common/models/page-start.model" > "$TMP/veto.model"
	for i in $(seq 12); do
		for f in "$SEEDS"/*.txt; do printf '%s\n' "$(cat "$f")"; done
	done > "$TMP/many"
	[ "$(wc -l < "$TMP/many")" -gt 4200 ]
	# blank lines first move a sample's title among the last lines of
	# the first full window (4096 lines), which the model has not judged
	# when it is flushed; the rules see a page start there.  --no-model:
	# the rules' roles, whose titles are page starts (the line-role
	# model may call a line of this one long page a title)
	for n in 12 15 18 21 23; do
		{ yes '' | head -n "$n"; cat "$TMP/many"; } > "$TMP/in"
		at=$((4083 + n - 12))
		sed -n "${at}p" "$TMP/in" | grep -q '^Đoàn công tác'
		strip-boilerplate --page-model --roles "$TMP/in" | sed -n "${at}p" | grep -q '^title'
		strip-boilerplate --page-model="$TMP/veto.model" --no-model --roles -n "$TMP/in" |
		    awk -F'\t' '$1 ~ /:title$/ && $1 + 0 > 3900 && $1 + 0 <= 4096' > "$TMP/starts"
		[ ! -s "$TMP/starts" ] || { echo "blank $n: $(cat "$TMP/starts")"; false; }
	done
}

@test "strip-boilerplate --page-model with records is an error naming the option, not silently ignored" {
	split-article "$SEEDS/000_9a0e284281c05605.txt" > "$TMP/rec.jsonl"
	run --separate-stderr strip-boilerplate --page-model --records "$TMP/rec.jsonl"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "strip-boilerplate: --page-model finds pages in text; --records input has one page a record"* ]]
	# records found by looking: that input is skipped and said, the
	# text input after it is read as without the records
	f=$SEEDS/001_06e88dffc34e332d.txt
	run --separate-stderr strip-boilerplate --page-model "$TMP/rec.jsonl" "$f"
	[ "$status" -eq 2 ]
	[ "$stderr" = "strip-boilerplate: $TMP/rec.jsonl: --page-model finds pages in text, and this input is JSON Lines records, one page each (--text reads it as text); skipped" ]
	[ "$output" = "$(strip-boilerplate --page-model "$f")" ]
	# --text reads the records as text, as asked
	run --separate-stderr strip-boilerplate --page-model --text "$TMP/rec.jsonl"
	[ "$status" -eq 0 ]
}

@test "strip-boilerplate: a run of blank lines costs each line once, with and without --page-model (time is linear in the run)" {
	command -v /usr/bin/time > /dev/null || skip "no /usr/bin/time"
	# one million lines either way: text lines 2000 blank lines apart
	# (the page window holds 4096 lines), and text lines 4 apart
	awk 'BEGIN { for (k = 0; k < 500; k++) { printf "Dòng chữ số %d của trang, viết cho đủ dài để là một câu văn.\n", k; for (j = 0; j < 2000; j++) print "" } }' > "$TMP/runs"
	awk 'BEGIN { for (k = 0; k < 200000; k++) { printf "Dòng chữ số %d của trang, viết cho đủ dài để là một câu văn, và còn dài thêm nữa để mỗi dòng chữ tốn thời gian đọc hơn một dòng trống rất nhiều lần.\n\n\n\n\n", k } }' > "$TMP/dense"
	for opt in --no-model --page-model; do
		/usr/bin/time -f %U -o "$TMP/t.runs" strip-boilerplate "$opt" "$TMP/runs" > /dev/null
		/usr/bin/time -f %U -o "$TMP/t.dense" strip-boilerplate "$opt" "$TMP/dense" > /dev/null
		echo "$opt: blank runs $(cat "$TMP/t.runs") s, dense text $(cat "$TMP/t.dense") s"
		# blank lines cost less than text (each counted again for every
		# line that came after it in the window: 3 to 15 times more)
		awk -v r="$(cat "$TMP/t.runs")" -v d="$(cat "$TMP/t.dense")" 'BEGIN { exit !(r < d) }'
	done
}

# vi-narrow-40.txt: a page written for this test (crawler text: title,
# date, six paragraphs, byline, a "TIN LIÊN QUAN" block of two titles
# printed twice with their summaries, tags, a comment count), every line
# wrapped at 40 code points as a narrow column prints it.  No line is a
# prose line by length, so the line-role model used to take the page for
# a rendered one and kept the related block; its wrapped paragraphs now
# count as prose and the rules, which know the block, decide.
@test "strip-boilerplate: crawler text wrapped at 40 columns keeps the article and drops its related block, alone and as one of several files" {
	f=$NU_ROOT/tests/fixtures/boiler/vi-narrow-40.txt
	run bash -c "strip-boilerplate -n '$f' | cut -d: -f1 | tr '\n' ' '"
	[ "$output" = "$(seq 1 30 | tr '\n' ' ')" ]
	# each FILE is its own page, so two of them keep both articles whole
	cp "$f" "$TMP/a.txt"
	cp "$f" "$TMP/b.txt"
	run bash -c "strip-boilerplate '$TMP/a.txt' '$TMP/b.txt' | grep -c -e 'TIN LIÊN QUAN' -e '^Xe buýt điện đầu tiên'"
	[ "$output" = 0 ]
	[ "$(strip-boilerplate "$TMP/a.txt" "$TMP/b.txt" | grep -c .)" = 60 ]
	# the rules alone said so already
	run bash -c "strip-boilerplate --no-model -n '$f' | cut -d: -f1 | tr '\n' ' '"
	[ "$output" = "$(seq 1 30 | tr '\n' ' ')" ]
}
