load helpers

# issue 5: extract-entities

@test "extract-entities: --help and --version exit 0" {
	run extract-entities --help
	[ "$status" -eq 0 ]
	[[ "$output" == Usage:* ]]
	run extract-entities --version
	[ "$status" -eq 0 ]
	[[ "$output" == "extract-entities (newsutils)"* ]]
}

@test "extract-entities: --help to /dev/full exits 2" {
	run bash -c 'extract-entities --help > /dev/full'
	[ "$status" -eq 2 ]
}

@test "extract-entities: unknown type is a usage error naming it" {
	run --separate-stderr extract-entities --types person,plaice /dev/null
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown type 'plaice'"* ]]
	[[ "$stderr" == *"Try 'extract-entities --help' for more information."* ]]
}

@test "extract-entities: bad --lang is a usage error" {
	run extract-entities --lang fr /dev/null
	[ "$status" -eq 2 ]
}

@test "extract-entities: empty input gives empty output" {
	run extract-entities < /dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "extract-entities: position-then-name and name-then-positions give people with positions" {
	printf '%s\n' 'đoàn do đồng chí Đặng Xuân Phong, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy làm trưởng đoàn' \
	    'Bí thư Tỉnh ủy Đặng Xuân Phong phát biểu.' > "$TMP/t.txt"
	run bash -c "extract-entities --text '$TMP/t.txt' | jq -c 'select(.type == \"person\") | [.line, .text, .positions]'"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '[1,"Đặng Xuân Phong",["Ủy viên Ban Chấp hành Trung ương Đảng","Bí thư Tỉnh ủy"]]' ]
	[ "${lines[1]}" = '[2,"Đặng Xuân Phong",["Bí thư Tỉnh ủy"]]' ]
}

@test "extract-entities: dates are normalised (year from --date, ranges, quarters)" {
	printf '%s\n' 'Chiều 26/1, họp.' 'Từ ngày 11/6 đến 15/6/2024, đoàn đi.' 'trong quý IV/2024 và năm 2025' \
	    'ngày 27/04/2022 lúc 8h30' > "$TMP/d.txt"
	run bash -c "extract-entities --text --date 2022-04-27 '$TMP/d.txt' | jq -r 'select(.type == \"date\" or .type == \"time\") | .text + \"=\" + .value'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'Chiều 26/1=2022-01-26' 'Từ ngày 11/6 đến 15/6/2024=2024-06-11/2024-06-15' 'quý IV/2024=2024-Q4' 'năm 2025=2025' 'ngày 27/04/2022=2022-04-27' '8h30=08:30')" ]
}

@test "extract-entities: a date without a year and no reference date is --MM-DD" {
	run bash -c "echo 'Chiều 26/1, họp.' | extract-entities | jq -r .value"
	[ "$output" = "--01-26" ]
}

@test "extract-entities: money and percentages follow the text's number conventions" {
	printf '%s\n' 'Dự án 1.500 tỷ đồng, tăng 75,1% so với 2 triệu USD.' 'The deal is worth $1.2 billion.' > "$TMP/m.txt"
	run bash -c "extract-entities --text '$TMP/m.txt' | jq -c 'select(.type == \"money\" or .type == \"percent\") | .value'"
	[ "${lines[0]}" = '{"amount":1500000000000,"currency":"VND"}' ]
	[ "${lines[1]}" = '75.1' ]
	[ "${lines[2]}" = '{"amount":2000000,"currency":"USD"}' ]
	[ "${lines[3]}" = '{"amount":1200000000,"currency":"USD"}' ]
}

@test "extract-entities: URLs, e-mail addresses and phone numbers" {
	run bash -c "echo 'Xem https://baolaocai.vn/a.html, gửi toasoan@baolaocai.vn, gọi 0214 3840 123.' | extract-entities | jq -r '.type + \" \" + .text'"
	[ "${lines[0]}" = "url https://baolaocai.vn/a.html" ]
	[ "${lines[1]}" = "email toasoan@baolaocai.vn" ]
	[ "${lines[2]}" = "phone 0214 3840 123" ]
}

@test "extract-entities: --types keeps only the types asked for" {
	run bash -c "echo 'Chiều 26/1, ông Trần Văn An đến tỉnh Lào Cai.' | extract-entities --types place | jq -r .type | sort -u"
	[ "$output" = "place" ]
}

@test "extract-entities: English people, organisations, places" {
	run bash -c "echo 'Prime Minister Pham Minh Chinh met officials of the Ministry of Transport in Hanoi.' | extract-entities --lang en | jq -r '.type + \" \" + .text'"
	[ "${lines[0]}" = "position Prime Minister" ]
	[ "${lines[1]}" = "person Pham Minh Chinh" ]
	[ "${lines[2]}" = "organisation Ministry of Transport" ]
	[ "${lines[3]}" = "place Hanoi" ]
}

@test "extract-entities: records keep every other key in place and get entities" {
	printf '%s\n' '{"id":"a","n":1.50,"title":"Lào Cai","x":{"y":[1,2]},"body":"ông Trần Văn An đến tỉnh Lào Cai","entities":[1]}' > "$TMP/r.jsonl"
	run extract-entities "$TMP/r.jsonl"
	[ "$status" -eq 0 ]
	[[ "$output" == '{"id":"a","n":1.50,"title":"Lào Cai","x":{"y":[1,2]},"body":"ông Trần Văn An đến tỉnh Lào Cai","entities":[{"type":"place","text":"Lào Cai","field":"title"'* ]]
	run bash -c "extract-entities '$TMP/r.jsonl' | jq -c '[.entities[] | .type]'"
	[ "$output" = '["place","person","place"]' ]
}

@test "extract-entities: the record's date gives the year" {
	run bash -c "echo '{\"date\":\"2022-04-27\",\"body\":\"Chiều 27.4, họp.\"}' | extract-entities | jq -r '.entities[0].value'"
	[ "$output" = "2022-04-27" ]
}

@test "extract-entities: a bad JSON line is reported with file, line and column, skipped, exit 1" {
	printf '%s\n' '{"body":"tỉnh Lào Cai"}' '{"body": nope}' '[1]' '{"body":"xã Bảo Hà"}' > "$TMP/b.jsonl"
	run --separate-stderr extract-entities --records "$TMP/b.jsonl"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "$stderr" == *"extract-entities: $TMP/b.jsonl:2:"*"record skipped"* ]]
	[[ "$stderr" == *"$TMP/b.jsonl:3: not a JSON object, record skipped"* ]]
}

@test "extract-entities: --keep-bad passes bad lines through" {
	printf '%s\n' '{"body": nope}' > "$TMP/b.jsonl"
	run --separate-stderr extract-entities --keep-bad --records "$TMP/b.jsonl"
	[ "$status" -eq 1 ]
	[ "$output" = '{"body": nope}' ]
}

@test "extract-entities: a missing file among good ones: rest processed, exit 2" {
	run --separate-stderr extract-entities "$TMP/nope.txt" "$SEEDS/000_9a0e284281c05605.txt"
	[ "$status" -eq 2 ]
	[ -n "$output" ]
	[[ "$stderr" == *"nope.txt: No such file or directory"* ]]
}

@test "extract-entities: output to /dev/full is a write error, exit 2" {
	run --separate-stderr bash -c "extract-entities '$SEEDS'/*.txt > /dev/full"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"write error"* ]]
}

@test "extract-entities: closed pipe ends quietly" {
	run --separate-stderr bash -c "for i in \$(seq 200); do cat '$SEEDS'/*.txt; done | extract-entities | head -n1"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
}

@test "extract-entities: CRLF, BOM, NUL and invalid UTF-8 in text mode" {
	printf '\xef\xbb\xbftỉnh Lào Cai\r\nx\x00y \xff tỉnh Hà Giang\n' > "$TMP/bad.txt"
	run --separate-stderr extract-entities --no-model "$TMP/bad.txt"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -r .text | paste -sd,)" = "tỉnh Lào Cai,tỉnh Hà Giang" ]
	[[ "$stderr" == *"invalid UTF-8"* ]]
}

@test "extract-entities: entities never cross a line break" {
	printf 'ông Trần\nVăn An ở tỉnh\nLào Cai\n' > "$TMP/nl.txt"
	run bash -c "extract-entities '$TMP/nl.txt' | jq -r .text"
	[[ "$output" != *$'\n'*$'\n'*$'\n'* ]]
	run bash -c "extract-entities '$TMP/nl.txt' | jq -e 'select(.text | test(\"\\n\"))'"
	[ "$status" -ne 0 ]
}

@test "extract-entities: every offset of the sample pages is valid (text == field[start:end])" {
	run bash -c "split-article '$SEEDS'/*.txt | extract-entities | jq -e -s '[.[] | . as \$r | .entities[] | select(.field == \"title\" or .field == \"body\") | select(\$r[.field][.start:.end] != .text)] | length == 0'"
	[ "$status" -eq 0 ]
	run bash -c "split-article '$SEEDS'/*.txt | extract-entities | jq -s '[.[].entities[]] | length'"
	[ "$output" -gt 100 ]
}

@test "extract-entities: text mode offsets are valid for every line of the samples" {
	for f in "$SEEDS"/*.txt; do
		extract-entities --text "$f" > "$TMP/e.jsonl"
		[ -s "$TMP/e.jsonl" ]
		run jq -n -e --rawfile t "$f" --slurpfile e "$TMP/e.jsonl" \
		    '($t | split("\n")) as $l | [$e[] | select($l[.line - 1][.start:.end] != .text)] | length == 0'
		[ "$status" -eq 0 ]
	done
}

@test "extract-entities: a 20 MB line is handled" {
	skip_under_asan
	make_big_line "$TMP/big.txt" 20
	run bash -c "extract-entities '$TMP/big.txt' | wc -l"
	[ "$status" -eq 0 ]
}

@test "extract-entities: memory stays flat over many records" {
	skip_under_asan
	run bash -c "ulimit -v 200000; for i in \$(seq 300); do cat '$SEEDS'/*.txt; done | extract-entities | tail -n1 | jq -e .line"
	[ "$status" -eq 0 ]
}

@test "extract-entities: output does not depend on the locale" {
	a=$(LC_ALL=C extract-entities "$SEEDS"/*.txt | md5sum)
	b=$(LC_ALL=C.UTF-8 extract-entities "$SEEDS"/*.txt | md5sum)
	[ "$a" = "$b" ]
}

@test "extract-entities: -o writes the file atomically" {
	run extract-entities -o "$TMP/out.jsonl" "$SEEDS/000_9a0e284281c05605.txt"
	[ "$status" -eq 0 ]
	[ -s "$TMP/out.jsonl" ]
}

@test "extract-entities: every long option in --help is in the man page and back" {
	h=$(extract-entities --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	m=$(sed -n '/^\.SH OPTIONS/,/^\.SH ANNOTATION/p' "$NU_ROOT/man/extract-entities.1" |
	    sed 's/\\//g' | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ "$h" = "$m" ]
}

@test "extract-entities: sample quality: F1 >= 0.90 for people, places, positions, dates, 0.75 organisations; dates all right" {
	run "$NU_ROOT/tests/score-entities"
	echo "$output"
	[ "$status" -eq 0 ]
	for t in person place position date organisation; do
		f=$(echo "$output" | awk -F'|' -v t=" $t " '$2 == t { gsub(/ /, "", $7); print $7 }')
		# organisations: 0.90 with the rules alone, written for these
		# pages; the learned model (issue 14) follows the annotated real
		# set's bounds (0.78 here, overlap 0.95; real dev 0.47 -> 0.64)
		floor=0.90
		[ "$t" = organisation ] && floor=0.75
		awk -v f="$f" -v m="$floor" 'BEGIN { exit !(f >= m) }'
	done
	n=$(echo "$output" | sed -n 's/^dates normalised right: \([0-9]*\) of \([0-9]*\)$/\1 \2/p')
	[ "${n% *}" = "${n#* }" ]
}

# ents FILE [OPTS]: "type=text" per entity found in FILE's lines (text
# mode), by the rules alone: these invented sentences test the rules, which
# the learned model reads as features (its quality is measured on real
# annotated text: tests/realdata/score-ner)
ents() {
	extract-entities --no-model --text "${@:2}" "$1" | jq -r '.type + "=" + .text'
}

@test "extract-entities: date ranges in one month or across months, Vietnamese and English" {
	printf '%s\n' 'Hội chợ mở cửa từ ngày 4 đến 9/11 tại Cần Thơ.' 'Lễ hội diễn ra 12-14/8/2023.' \
	    'Giá lúa tăng từ tháng 5 đến tháng 7/2024.' 'The fair runs Sept. 9-12 in Ohio.' \
	    'Strikes are planned from 7 to 10 October 2026.' 'Sales fell between February and May 2023.' \
	    'Leeds won 4-1 on April 2.' > "$TMP/r.txt"
	run bash -c "extract-entities --text --date 2023-06-01 '$TMP/r.txt' | jq -r 'select(.type == \"date\") | .text + \"=\" + .value'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'từ ngày 4 đến 9/11=2023-11-04/2023-11-09' '12-14/8/2023=2023-08-12/2023-08-14' \
	    'từ tháng 5 đến tháng 7/2024=2024-05/2024-07' 'Sept. 9-12=2023-09-09/2023-09-12' \
	    'from 7 to 10 October 2026=2026-10-07/2026-10-10' 'between February and May 2023=2023-02/2023-05' \
	    'April 2=2023-04-02')" ]
}

@test "extract-entities: English company suffixes in a row, clubs, possessives, county" {
	printf '%s\n' 'Shares of Kestrel Logistics Co Ltd rose after Brightwater Holdings Inc. bid.' \
	    'Stockport United drew with Kestrel Rovers.' "Peru's central bank met Chile's." \
	    'Officials of Texas County said the fire was out.' > "$TMP/o.txt"
	run ents "$TMP/o.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"organisation=Kestrel Logistics Co Ltd"* ]]
	[[ "$output" == *"organisation=Brightwater Holdings Inc."* ]]
	[[ "$output" == *"organisation=Stockport United"* ]]
	[[ "$output" == *"organisation=Kestrel Rovers"* ]]
	[[ "$output" == *"place=Peru"$'\n'"place=Chile"* ]]
	[[ "$output" != *"Peru's"* ]]
	[[ "$output" != *"Shares"* ]]
	[[ "$output" == *"place=Texas County"* ]]
}

@test "extract-entities: a lowercase position before a full name marks a person" {
	printf '%s\n' 'The talks were led by former foreign minister Ilse Varga of Hungary.' > "$TMP/p.txt"
	run ents "$TMP/p.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"person=Ilse Varga"* ]]
	[[ "$output" != *"position="* ]]
}

@test "extract-entities: Vietnamese organisations with lowercase words and và inside" {
	printf '%s\n' 'Theo Bộ Kế hoạch và Đầu tư, vốn tăng.' \
	    'Sở Khoa học và Công nghệ tỉnh Yên Bái vừa công bố.' \
	    'Chi cục Quản lý thị trường cho biết đã xử lý.' \
	    'Sở Nội vụ và Bộ Tư pháp cùng làm việc.' 'Ban Chấp hành TƯ họp.' > "$TMP/v.txt"
	run ents "$TMP/v.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"organisation=Bộ Kế hoạch và Đầu tư"$'\n'* ]]
	[[ "$output" == *"organisation=Sở Khoa học và Công nghệ tỉnh Yên Bái"* ]]
	[[ "$output" == *"organisation=Chi cục Quản lý thị trường"* ]]
	[[ "$output" == *"organisation=Sở Nội vụ"$'\n'"organisation=Bộ Tư pháp"$'\n'* ]]
	[[ "$output" == *"organisation=Ban Chấp hành TƯ" ]]
}

@test "extract-entities: an organisation inside a position ends where the position ends" {
	printf '%s\n' 'Giám đốc Sở Xây dựng Trịnh Văn Lộc cho biết.' 'Phó Chủ tịch UBND huyện Cao Văn Tài phát biểu.' > "$TMP/g.txt"
	run ents "$TMP/g.txt"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'position=Giám đốc Sở Xây dựng' 'organisation=Sở Xây dựng' 'person=Trịnh Văn Lộc' \
	    'position=Phó Chủ tịch UBND huyện' 'person=Cao Văn Tài')" ]
}

@test "extract-entities: a position holder with a foreign name, tại inside a position" {
	printf '%s\n' 'Thủ tướng Canada Mark Carney gọi điện cho Chủ tịch Triều Tiên Kim Jong Un.' \
	    'Tổng Lãnh sự Pháp tại Thành phố Hồ Chí Minh Emilie Martin dự lễ.' > "$TMP/f.txt"
	run ents "$TMP/f.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"position=Thủ tướng Canada"$'\n'"place=Canada"$'\n'"person=Mark Carney"* ]]
	[[ "$output" == *"position=Chủ tịch Triều Tiên"$'\n'"place=Triều Tiên"$'\n'"person=Kim Jong Un"* ]]
	[[ "$output" == *"position=Tổng Lãnh sự Pháp tại Thành phố Hồ Chí Minh"$'\n'* ]]
	[[ "$output" == *"person=Emilie Martin"* ]]
}

@test "extract-entities: an alias in brackets after an organisation, a club named after its town" {
	printf '%s\n' 'Tổng công ty Đường sắt Việt Nam (VNR) cho biết.' 'the Asian Infrastructure Investment Bank (AIIB) lent' \
	    'Đà Nẵng FC thắng 2-0.' > "$TMP/a.txt"
	run ents "$TMP/a.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"organisation=Tổng công ty Đường sắt Việt Nam"$'\n'"organisation=VNR"* ]]
	[[ "$output" == *"organisation=Asian Infrastructure Investment Bank"$'\n'"organisation=AIIB"* ]]
	[[ "$output" == *"organisation=Đà Nẵng FC"* ]]
}

@test "extract-entities: English initials, a sentence-initial ordinary word, a generic body inside a position" {
	printf '%s\n' 'Novelist P. D. Quarrel signed copies.' 'A note from H.W. Brandis and Paul T. Oduya came.' \
	    'Overnight Nairobi said nothing. Critics in Hanoi agreed.' \
	    'Bí thư Tỉnh ủy Lò Văn Khánh dự họp.' > "$TMP/i.txt"
	run ents "$TMP/i.txt" --lang auto
	[ "$status" -eq 0 ]
	[[ "$output" == *"person=P. D. Quarrel"$'\n'* ]]
	[[ "$output" == *"person=H.W. Brandis"$'\n'"person=Paul T. Oduya"$'\n'* ]]
	[[ "$output" == *"place=Nairobi"$'\n'"place=Hanoi"$'\n'* ]]
	[[ "$output" != *"Novelist"* && "$output" != *"Overnight"* ]]
	[[ "$output" == *"position=Bí thư Tỉnh ủy"$'\n'"person=Lò Văn Khánh" ]]
}

@test "extract-entities: quarters in English, suffix word + of + name, regions after a plural unit, names after a place word" {
	printf '%s\n' 'Profit rose in the third quarter of 2024 and in Q2 2025 at the National Bank of Rwanda.' > "$TMP/q.txt"
	run bash -c "extract-entities --text '$TMP/q.txt' | jq -r '.type + \"=\" + .text + \"=\" + (.value // \"\")'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"date=third quarter of 2024=2024-Q3"$'\n'"date=Q2 2025=2025-Q2"$'\n'* ]]
	[[ "$output" == *"organisation=National Bank of Rwanda="* ]]
	printf '%s\n' 'Mưa lớn ở các tỉnh Tây Bắc làm sạt lở đường.' 'Các tỉnh Lào Cai, Yên Bái có mưa.' \
	    'Đội nhà thắng trên sân Thống Nhất.' 'Hội nghị diễn ra tại Tokyo.' > "$TMP/w.txt"
	run ents "$TMP/w.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"place=Tây Bắc"$'\n'"place=tỉnh Lào Cai"$'\n'* ]]
	[[ "$output" == *"place=Thống Nhất"$'\n'"place=Tokyo" ]]
}

@test "extract-entities: economic zones and industrial parks are places" {
	printf '%s\n' 'Đoàn thăm Khu kinh tế Vân Phong và khu công nghiệp Tiên Sơn.' > "$TMP/k.txt"
	run ents "$TMP/k.txt"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'place=Khu kinh tế Vân Phong' 'place=khu công nghiệp Tiên Sơn')" ]
}

@test "extract-entities: a percent range is no date range, a house number range is no date" {
	printf '%s\n' 'Lãi suất huy động tăng 6-7.5% mỗi năm.' 'Rates rose 6-7.5% last year.' \
	    'Nhà 12-14/5 đường Lê Lợi bị cháy' 'Căn hộ số 9/2 được bán.' \
	    'Hội chợ diễn ra 3-5/7 và 26-27.5.2025.' > "$TMP/pr.txt"
	run bash -c "extract-entities -t percent,date --text '$TMP/pr.txt' | jq -r '[.line, .type, .text] | @tsv'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\t%s\t%s\n' 1 percent 7.5% 2 percent 7.5% \
	    5 date 3-5/7 5 date 26-27.5.2025)" ]
}

@test "extract-entities: a company after a position is no person; its holder follows it" {
	printf '%s\n' 'Tổng Giám đốc Vietjet Air cho biết sẽ mở đường bay.' \
	    'Giám đốc điều hành Meta Platforms đã tới thăm Hà Nội.' \
	    'Chủ tịch Tập đoàn Samsung Electronics Lee Jae-yong phát biểu.' \
	    'Phó Chủ tịch Tập đoàn Quasar Mira Tanaka dự lễ.' \
	    'Giám đốc Công ty Hoa Sen Đỗ Minh Tâm cho biết.' > "$TMP/co.txt"
	run ents "$TMP/co.txt"
	[ "$status" -eq 0 ]
	[[ "$output" != *"person=Vietjet"* && "$output" != *"person=Meta"* ]]
	[[ "$output" != *"person=Samsung"* && "$output" != *"person=Quasar"* ]]
	[[ "$output" == *"position=Tổng Giám đốc Vietjet Air"$'\n'* ]]
	[[ "$output" == *"organisation=Tập đoàn Samsung Electronics"$'\n'"person=Lee Jae-yong"$'\n'* ]]
	[[ "$output" == *"organisation=Tập đoàn Quasar"$'\n'"person=Mira Tanaka"$'\n'* ]]
	[[ "$output" == *"person=Đỗ Minh Tâm" ]]
}

@test "extract-entities: và joins two fields of one body only, never two organisations" {
	printf '%s\n' 'Công ty Cổ phần Sữa Việt Nam và Masan đã ký thỏa thuận.' \
	    'Công ty Vinamilk và Nestlé Việt Nam cùng tham gia.' \
	    'Đây là dự án liên Bộ Công Thương và Tài chính.' 'Bộ trưởng Bộ Tài chính phát biểu.' \
	    'Sở Kế hoạch và Đầu tư tỉnh Bình Định họp.' > "$TMP/va.txt"
	run ents "$TMP/va.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == "organisation=Công ty Cổ phần Sữa Việt Nam"$'\n'* ]]
	[[ "$output" == *$'\n'"organisation=Công ty Vinamilk"$'\n'* ]]
	[[ "$output" == *$'\n'"organisation=Bộ Công Thương"$'\n'* ]]
	[[ "$output" == *"position=Bộ trưởng Bộ Tài chính"$'\n'"organisation=Bộ Tài chính"$'\n'* ]]
	[[ "$output" == *"organisation=Sở Kế hoạch và Đầu tư tỉnh Bình Định" ]]
	[[ "$output" != *" và Masan"* && "$output" != *" và Nestlé"* && "$output" != *" và Tài"* ]]
}

@test "extract-entities: dotted letters of a known place or body are no initials" {
	printf '%s\n' 'He met U.S. Ambassador Marc Knapper.' \
	    'U.S. Treasury Secretary Scott Bessent met officials.' \
	    'J.P. Morgan analysts expect growth.' 'The U.N. Security Council met Dr. A.B. Corvell.' > "$TMP/us.txt"
	run ents "$TMP/us.txt" --lang en
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' place=U.S. position=Ambassador 'person=Marc Knapper' \
	    place=U.S. 'position=Treasury Secretary' 'person=Scott Bessent' 'organisation=J.P. Morgan' \
	    'organisation=U.N. Security Council' 'person=A.B. Corvell')" ]
}

@test "extract-entities: a lowercase position before an organisation or a title gives no person" {
	printf '%s\n' 'The spokesman Human Rights Watch cited was later released.' \
	    "The company's chairman Board Member Tom Lee resigned." \
	    'Talks were led by former foreign minister Ilse Varga of Hungary.' > "$TMP/lp.txt"
	run ents "$TMP/lp.txt" --lang en
	[ "$status" -eq 0 ]
	[[ "$output" != *"person=Human"* && "$output" != *"person=Board"* ]]
	[[ "$output" == *"person=Ilse Varga"* ]]
}

@test "extract-entities: entities stay short on hostile lines (tại once, và twice, three initials, 16 tokens)" {
	{ printf 'Tổng thống Mỹ'; for k in $(seq 2000); do printf ' tại Hà Nội'; done; echo
	  printf 'Bộ Nông nghiệp và Phát triển nông thôn'; for k in $(seq 2000); do printf ' và Phát triển'; done; echo
	  for k in $(seq 2000); do printf 'J.K. '; done; echo Rowling
	  for k in $(seq 2000); do printf 'Công ty '; done; echo
	  for k in $(seq 2000); do printf 'Bộ Xây '; done; echo; } > "$TMP/long.txt"
	run bash -c "extract-entities --no-model --text '$TMP/long.txt' | jq -r '[.line, .type, .text] | @tsv' | sort -u"
	[ "$status" -eq 0 ]
	[[ "$output" == *$'1\tposition\tTổng thống Mỹ tại Hà Nội'$'\n'* ]]
	[[ "$output" == *$'2\torganisation\tBộ Nông nghiệp và Phát triển nông thôn'$'\n'* ]]
	[[ "$output" == *$'3\tperson\tJ.K. J.K. J.K. Rowling'$'\n'* ]]
	n=$(extract-entities --no-model --text "$TMP/long.txt" | jq -r '.text | length' | sort -n | tail -1)
	[ "$n" -le 100 ]
	# the model's names too (at most 16 tokens)
	n=$(extract-entities --text "$TMP/long.txt" | jq -r '.text | length' | sort -n | tail -1)
	[ "$n" -le 100 ]
}

@test "extract-entities: English bare months after a preposition, year ranges and 'from' ranges" {
	printf '%s\n' 'Sales fell sharply in November, the trade body said.' \
	    'She chaired the fund from 1999 to 2004 and will visit Peru from May 3 to 9.' \
	    'May we ask?' > "$TMP/bm.txt"
	run bash -c "extract-entities --text --lang en --date 2024-06-01 '$TMP/bm.txt' | jq -r 'select(.type == \"date\") | .text + \"=\" + .value'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' November=2024-11 'from 1999 to 2004=1999/2004' 'from May 3 to 9=2024-05-03/2024-05-09')" ]
}

@test "extract-entities: English compound titles, possessive organisation names, unknown two-word names" {
	printf '%s\n' 'Deputy Regional Manager Tomas Brody met the Farmer'"'"'s Bank of Ruritania.' \
	    'Results of the Premier League season came as Olufemi Adeyinka scored twice.' \
	    'Former President Ilse Varga spoke.' > "$TMP/ct.txt"
	run ents "$TMP/ct.txt" --lang en
	[ "$status" -eq 0 ]
	[[ "$output" == *"position=Deputy Regional Manager"$'\n'"person=Tomas Brody"* ]]
	[[ "$output" == *"organisation=Farmer's Bank of Ruritania"* ]]
	[[ "$output" == *"person=Olufemi Adeyinka"* && "$output" != *"position=Premier"* ]]
	[[ "$output" == *"position=President"$'\n'"person=Ilse Varga"* ]]
}

@test "extract-entities: English places from a following state, a place noun, a compass word or 'province'" {
	printf '%s\n' 'DENVER, Colorado, May 2 - Officials closed Harbour Street near the Caspian Sea.' \
	    'Aid reached North Africa and Thai Nguyen province.' > "$TMP/pl.txt"
	run ents "$TMP/pl.txt" --lang en
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' place=DENVER place=Colorado 'date=May 2' 'place=Harbour Street' \
	    'place=Caspian Sea' 'place=North Africa' 'place=Thai Nguyen')" ]
}

@test "extract-entities: a Vietnamese range across months without a year" {
	printf '%s\n' 'Lễ hội kéo dài từ ngày 28/4 đến 2/5 tại Huế.' 'Tỷ số 3/5 - 1/6 không phải ngày.' > "$TMP/vr.txt"
	run bash -c "extract-entities --text --date 2024-01-01 '$TMP/vr.txt' | jq -r 'select(.type == \"date\") | .text + \"=\" + .value'"
	[ "$status" -eq 0 ]
	[[ "$output" == "từ ngày 28/4 đến 2/5=2024-04-28/2024-05-02"* ]]
}

@test "extract-entities: Vietnamese list items after a plural unit, a region after các keeps no unit, a given name alone" {
	printf '%s\n' 'Mưa lớn kéo dài ở các tỉnh Nam Trung Bộ, còn các huyện Mường Tè, Nậm Nhùn và Sìn Hồ có lũ quét.' \
	    'Ông Đào Minh Quý cho biết, sau đó Quý đã tới hiện trường.' > "$TMP/vl.txt"
	run ents "$TMP/vl.txt"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'place=Nam Trung Bộ' 'place=huyện Mường Tè' 'place=Nậm Nhùn' \
	    'place=Sìn Hồ' 'person=Đào Minh Quý' 'person=Quý')" ]
}

@test "extract-entities: lowercase field words inside a Vietnamese organisation name" {
	printf '%s\n' 'Theo Trung tâm Kiểm định chất lượng công trình xây dựng tỉnh Yên Bái, cầu đã đạt yêu cầu.' > "$TMP/vo.txt"
	run ents "$TMP/vo.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"organisation=Trung tâm Kiểm định chất lượng công trình xây dựng tỉnh Yên Bái"* ]]
}

@test "extract-entities: brand names with a company word or -bank, countries spelt in English, a named body in a position" {
	printf '%s\n' 'Agribank và Bamboo Airways cùng tham dự hội chợ ở Malaysia.' \
	    'Ông Hà Văn Sỹ, Phó Chủ tịch Quốc hội, phát biểu.' 'Bí thư Tỉnh ủy Hoàng Văn Nam dự họp.' \
	    'Agribank and Sacombank cut rates.' > "$TMP/br.txt"
	run ents "$TMP/br.txt"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' organisation=Agribank 'organisation=Bamboo Airways' place=Malaysia \
	    'person=Hà Văn Sỹ' 'position=Phó Chủ tịch Quốc hội' 'organisation=Quốc hội' \
	    'position=Bí thư Tỉnh ủy' 'person=Hoàng Văn Nam' \
	    organisation=Agribank organisation=Sacombank)" ]
}

@test "extract-entities: English organisations with 'and' before a company word, a title word starting a name, a month before a full stop" {
	printf '%s\n' 'The Ruritania Fisheries and Forestry Authority said the General Accounting Office would report in June.' \
	    'Talks between France and Germany Inc ended.' > "$TMP/oa.txt"
	run ents "$TMP/oa.txt" --lang en
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'organisation=Ruritania Fisheries and Forestry Authority' \
	    'organisation=General Accounting Office' date=June place=France 'organisation=Germany Inc')" ]
}

@test "extract-entities: events are no organisations" {
	printf '%s\n' 'Hội thảo khoa học quốc tế Huế diễn ra hôm qua, Hội Nông dân tỉnh Nghệ An tham dự.' > "$TMP/ev.txt"
	run ents "$TMP/ev.txt"
	[ "$status" -eq 0 ]
	[[ "$output" != *"organisation=Hội thảo"* ]]
	[[ "$output" == *"organisation=Hội Nông dân tỉnh Nghệ An"* ]]
}

@test "extract-entities: Vietnamese match results: clubs around thắng/hòa with the score, a country stays a place" {
	printf '%s\n' 'Tối qua, Công An Hà Nội thắng Đông Á Thanh Hóa 2-0 tại sân Hàng Đẫy.' \
	    'Việt Nam hòa Indonesia 1-1.' 'Anh Nam thắng lớn trong năm nay.' > "$TMP/vr2.txt"
	run ents "$TMP/vr2.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"organisation=Công An Hà Nội"$'\n'"organisation=Đông Á Thanh Hóa"* ]]
	[[ "$output" == *"place=Việt Nam"$'\n'"place=Indonesia"* ]]
	[[ "$output" != *"organisation=Anh Nam"* ]]
}

@test "extract-entities: dates, times, money and percentages in capitals and with the bytes a window test looks for (issue 14: speed)" {
	# the pattern rules are asked only of windows holding their bytes
	# ("á" or "Á" for tháng, ':' for a time, '€' for euros): capitals
	# and other forms must still pass that test
	printf '%s\n' 'GIÁ VÀNG TĂNG MẠNH TỪ THÁNG 5/2024, NGÀY 5 THÁNG 6 NĂM 2024 VÀ QUÝ IV 2024.' \
	    'CUỘC HỌP LÚC 9 GIỜ 30 PHÚT, giai đoạn 2020–2025, khách trả €5, £3 và ¥100, tăng 50 PHẦN TRĂM.' \
	    'Lịch thi đấu 5-7/3, lúc 17h30 và 20:15.' > "$TMP/in"
	run extract-entities --text -t date,time,money,percent "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -c '[.text, .value]' | paste -sd' ')" = '["THÁNG 5/2024","2024-05"] ["NGÀY 5 THÁNG 6 NĂM 2024","2024-06-05"] ["QUÝ IV 2024","2024-Q4"] ["9 GIỜ 30 PHÚT","09:30"] ["2020–2025","2020/2025"] ["€5",{"amount":5,"currency":"EUR"}] ["£3",{"amount":3,"currency":"GBP"}] ["¥100",{"amount":100,"currency":"JPY"}] ["50 PHẦN TRĂM",50] ["5-7/3","--03-05/--03-07"] ["17h30","17:30"] ["20:15","20:15"]' ]
}

@test "extract-entities: a person named again by the last word of the name, later in the same record only" {
	printf '%s\n' '{"id":"a","body":"Ông Trần Bình, 47 tuổi, ngụ huyện Châu Thành.\nSau đó Bình bỏ đi.\nGia đình của Bình đã trình báo.\nBình là người tốt."}' \
	    '{"id":"b","body":"Bình là người tốt."}' > "$TMP/again.jsonl"
	run sh -c "extract-entities --records -t person < '$TMP/again.jsonl' | jq -c '[.entities[] | [.text, .start]]'"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '[["Trần Bình",4],["Bình",53],["Bình",78],["Bình",97]]' ]
	[ "${lines[1]}" = '[]' ]
}

@test "extract-entities: numbered wards and districts are places with their word (phường 12, quận 1), not the bare number" {
	printf '%s\n' 'Bà Lan ngụ phường 12, quận 1, TP.HCM và làm việc ở quận 7.' \
	    'Cửa hàng ở quận 3 đã đóng cửa.' > "$TMP/numbered.txt"
	run extract-entities -t place "$TMP/numbered.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *'"text":"phường 12"'* && "$output" == *'"text":"quận 1"'* ]]
	[[ "$output" == *'"text":"quận 7"'* && "$output" == *'"text":"quận 3"'* ]]
	[[ "$output" != *'"text":"1"'* ]]
}

@test "extract-entities: an English name ending in initials or Inc/Jr keeps its glued stop (U.S., Apple Inc.); a Vietnamese one does not" {
	printf '%s\n' 'Officials said the key U.S. ally was plunged into chaos.' \
	    'Shares of Apple Inc. rose on Monday in New York.' > "$TMP/dot-en.txt"
	run sh -c "extract-entities --lang en -t place,organisation '$TMP/dot-en.txt' | jq -r .text"
	[ "$status" -eq 0 ]
	[[ "$output" == *$'U.S.\n'* && "$output" != *$'U.S\n'* ]]
	[[ "$output" == *'Apple Inc.'* ]]
	printf '%s\n' 'Ông Nam đã đến TP.HCM.' > "$TMP/dot-vi.txt"
	run sh -c "extract-entities --lang vi -t place '$TMP/dot-vi.txt' | jq -r .text"
	[ "$status" -eq 0 ]
	[ "$output" = 'TP.HCM' ]
}

@test "extract-entities: a lowercase head before a body's field is inside the Vietnamese organisation (sở Y tế tỉnh X, bộ Công an), not in trụ sở, cán bộ, các sở, quân đội Mỹ (GUIDELINE v2)" {
	printf '%s\n' 'Theo bộ Công an, cục CSGT và sở Y tế tỉnh Vĩnh Long đã vào cuộc.' \
	    'Tại trụ sở UBND phường, một cán bộ Công an cho biết các sở GTVT địa phương và quân đội Mỹ đã được báo.' > "$TMP/lowkind.txt"
	for m in --no-model ''; do
		run sh -c "extract-entities --lang vi -t organisation $m '$TMP/lowkind.txt' | jq -r .text"
		[ "$status" -eq 0 ]
		[[ "$output" == *$'bộ Công an\n'* && "$output" == *$'cục CSGT\n'* ]]
		[[ "$output" == *'sở Y tế tỉnh Vĩnh Long'* ]]
		[[ "$output" != *'trụ sở'* && "$output" != *'cán bộ'* && "$output" != *'sở GTVT'* ]]
	done
	# the rules leave a place alone after a lowercase body outside (the
	# model decides on its own there)
	run sh -c "extract-entities --lang vi -t organisation --no-model '$TMP/lowkind.txt' | jq -r .text"
	[[ "$output" != *'đội Mỹ'* ]]
}

@test "extract-entities: a Vietnamese organisation is not stretched over the next name the tagger found, nor over a term of office" {
	printf '%s\n' 'Sở Tư pháp phát hiện VPCC Sao Bắc Đẩu có dấu hiệu hoạt động trái phép.' \
	    'Ông Lê Hùng Dũng được bầu làm Chủ tịch VFF khóa 8.' > "$TMP/stretch.txt"
	run sh -c "extract-entities --lang vi -t organisation '$TMP/stretch.txt' | jq -r .text"
	[ "$status" -eq 0 ]
	[[ "$output" == *'VPCC Sao Bắc Đẩu'* && "$output" != *'phát hiện'* ]]
	[[ "$output" == *'VFF'* && "$output" != *'khóa'* ]]
}

@test "extract-entities: a Vietnamese news outlet of agencies.txt is an organisation as the list writes it (TTO -, theo Dân trí, báo Người Đưa Tin), not a sentence about youth nor part of a longer name" {
	printf '%s\n' 'TTO - Sáng nay, chị Hoa chia sẻ với Dân trí và báo Người Đưa Tin.' \
	    'Tuổi trẻ là tài sản lớn. Đội Thanh Niên Xung Phong đã đến.' > "$TMP/outlet.txt"
	run ents "$TMP/outlet.txt" --lang vi -t organisation
	[ "$status" -eq 0 ]
	[[ "$output" == *$'organisation=TTO\n'* ]]
	[[ "$output" == *$'organisation=Dân trí\n'* ]]
	[[ "$output" == *'organisation=Người Đưa Tin'* ]]
	[[ "$output" != *'=Tuổi trẻ'* && "$output" != *'=Thanh Niên'$'\n'* ]]
}

@test "extract-entities: a Vietnamese team named by its country or town with its team word is one organisation (đội tuyển Việt Nam, tuyển Malaysia, U23 Việt Nam), not quân đội Mỹ" {
	printf '%s\n' 'Đội tuyển Việt Nam thắng tuyển Malaysia 2-0, còn đội bóng Philippines thua.' \
	    'Quân đội Mỹ đến. U23 Việt Nam gặp đội Thái Lan.' > "$TMP/team.txt"
	run ents "$TMP/team.txt" --lang vi -t organisation,place
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'organisation=Đội tuyển Việt Nam' 'organisation=tuyển Malaysia' \
	    'organisation=đội bóng Philippines' 'place=Mỹ' 'organisation=U23 Việt Nam' 'organisation=đội Thái Lan')" ]
}

@test "extract-entities: a Vietnamese name ending in an initial keeps the initial's dot (anh H. đang, bà Trần Thị H., chị T..), not the one ending the sentence (cháu B.)" {
	printf '%s\n' 'Khi anh H. đang làm, ông Đ., 40 tuổi, đến.' 'Bà Trần Thị H. kể lại với chị T.. Rồi gặp cháu B.' > "$TMP/initial.txt"
	run sh -c "extract-entities --lang vi -t person '$TMP/initial.txt' | jq -r .text"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 'H.' 'Đ.' 'Trần Thị H.' 'T.' 'B')" ]
}

@test "extract-entities: the built-in English model reads a capital by the shapes on both sides (issue 14, enorg3)" {
	# call letters between commas in a list of broadcasters, and a
	# surname between lowercase words and before a verb: the old model
	# (each neighbour's shape apart) missed the first and made the
	# second an organisation
	printf '%s\n' 'Figures were not available for other networks, including KTVB, WBAL and the Fox Business Network.' \
	    'Viewers could also watch on stations such as KOMO, WGN and NBC.' \
	    'The statue of Cromwell stands outside Parliament.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.text)\"'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"1 KTVB"* ]]
	[[ "$output" == *"1 WBAL"* ]]
	[[ "$output" == *"2 KOMO"* ]]
	[[ "$output" == *"3 Parliament"* ]]
	[[ "$output" != *"Cromwell"* ]]
}

@test "extract-entities: a team named by its town or nickname on a sports line is an organisation, a country or a venue's town a place (issue 14, ensports)" {
	# the built-in model learnt from text with hardly any sport and
	# reads these towns as places, the nicknames as nothing; the steps
	# after it: a nickname after "the" on a line about sport, a town
	# with its nickname, the sides of a result with its score, a
	# British plural verb, a player's role after the town, a town and
	# nickname the model read as one place
	printf '%s\n' 'Goals from two substitutes gave the Canucks a 3-2 win in Edmonton on Tuesday night.' \
	    'Marco Rossi scored twice as the Winnipeg Jets beat the Dallas Stars 5-1.' \
	    'Portland outscored Denver 31-18 in the third quarter.' \
	    'Sheffield have rejected a second bid for their captain, the club said on Friday.' \
	    'Toronto guard Kyle Lowry missed the game with a sore back.' \
	    'India beat Australia by 30 runs in Perth, and the Philippines won two golds at the games.' \
	    'Officials in Paris have reopened the museum after the match.' \
	    'Jiri Novotny scored as the Blue Jackets doubled up the struggling Edmonton Oilers, 4-2, at Nationwide Arena.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 organisation Canucks' '1 place Edmonton' \
	    '2 organisation Winnipeg Jets' '2 organisation Dallas Stars' \
	    '3 organisation Portland' '3 organisation Denver' '4 organisation Sheffield' \
	    '5 organisation Toronto' '6 place India' '6 place Australia' '6 place Perth' \
	    '6 place Philippines' '7 place Paris' '8 organisation Blue Jackets' \
	    '8 organisation Edmonton Oilers' '8 place Nationwide Arena')" ]
}

@test "extract-entities: a headline in capitals is read in running text's case (truecase-en.txt), the output keeping the text's own letters (issue 14, ensports2)" {
	printf '%s\n' 'SOCCER - GHANA HOLD BRAZIL AS ROSARIO STRIKER SCORES LATE' \
	    'Soccer - Ghana hold Brazil as Rosario striker scores late' \
	    'NEW YORK JETS SIGN FORMER DALLAS COWBOYS QUARTERBACK' \
	    'New York Jets sign former Dallas Cowboys quarterback' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t person,place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.start) \(.end) \(.text)\"'"
	[ "$status" -eq 0 ]
	# each headline as its running-text line reads, its own capitals kept
	[ "$(printf '%s\n' "$output" | awk '$1 == 1 { print $2, $3, $4 }')" = \
	    "$(printf '%s\n' "$output" | awk '$1 == 2 { print $2, $3, $4 }')" ]
	[ "$(printf '%s\n' "$output" | awk '$1 == 3 { print $2, $3, $4 }')" = \
	    "$(printf '%s\n' "$output" | awk '$1 == 4 { print $2, $3, $4 }')" ]
	printf '%s\n' "$output" | grep -qx '1 organisation 30 37 ROSARIO'
	printf '%s\n' "$output" | grep -qx '3 organisation 0 13 NEW YORK JETS'
	printf '%s\n' "$output" | grep -qx '3 organisation 26 40 DALLAS COWBOYS'
}

@test "extract-entities: a team's nickname from teams-en.txt on a line about sport is an organisation, taking in the town before it; not off a sports line, not a country before it (issue 14, ensports2)" {
	printf '%s\n' 'Penguins edge Sabres in shootout' \
	    'The Sabres goalie made 40 saves as Buffalo lost to the Calgary Flames 3-2.' \
	    'The penguins and the Sabres of the zoo were fed at noon.' \
	    'Stars shone over Dallas as the season ended.' \
	    'United States Citizens can vote in the game of politics.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.text)\"'"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx '1 Penguins'
	printf '%s\n' "$output" | grep -qx '1 Sabres'
	printf '%s\n' "$output" | grep -qx '2 Sabres'
	printf '%s\n' "$output" | grep -qx '2 Calgary Flames'
	! printf '%s\n' "$output" | grep -q '^3 Sabres'
	! printf '%s\n' "$output" | grep -q 'Citizens'
}

@test "extract-entities: a nation of the UK before a team's word stays a place, its national side, as a country does (England coach; issue 14, ensports2)" {
	printf '%s\n' 'Rooney had 20 minutes to impress the new England coach in the match.' \
	    'The Scotland manager named his squad for the game.' \
	    'The Brighton coach watched the match.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx '1 place England'
	printf '%s\n' "$output" | grep -qx '2 place Scotland'
	printf '%s\n' "$output" | grep -qx '3 organisation Brighton'
}

@test "extract-entities: a cup, a game or a league's division the tagger read as a name is an event, no name (GUIDELINE sections 5 and 10; issue 14, ensports2)" {
	printf '%s\n' 'Roddick beat Blake 6-4 at the Hopman Cup on Tuesday.' \
	    'Chelsea play Arsenal in the FA Cup final.' \
	    'The Sharks moved top of the Pacific Division with the win.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t person,place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 person Roddick' '1 person Blake' \
	    '2 organisation Chelsea' '2 organisation Arsenal' '3 organisation Sharks')" ]
}

@test "extract-entities: a league club named by its town (club-towns-en.txt) on a line about sport is the club, not where a game is, nor a dateline's or a council's town (issue 14, ensports2)" {
	printf '%s\n' 'Derby have won only one game this season.' \
	    'Portsmouth made the best possible start to the season.' \
	    'Blackburn boss Mark Hughes praised his striker.' \
	    'The striker scored twice in the 3-1 win at Portsmouth.' \
	    'PORTSMOUTH, England -- Redknapp named his team for the match.' \
	    'Portsmouth council approved the new library on Monday.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t person,place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx '1 organisation Derby'
	printf '%s\n' "$output" | grep -qx '2 organisation Portsmouth'
	printf '%s\n' "$output" | grep -qx '3 organisation Blackburn'
	printf '%s\n' "$output" | grep -qx '4 place Portsmouth'
	printf '%s\n' "$output" | grep -qx '5 place PORTSMOUTH'
	printf '%s\n' "$output" | grep -qx '6 place Portsmouth'
}

@test "extract-entities: a Vietnamese body named in sentence case keeps its field's second syllable (Thanh tra Chính phủ, not Thanh tra Chính; issue 14)" {
	printf '%s\n' 'Thanh tra Chính phủ kết luận nhiều sai phạm tại dự án.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang vi -t person,place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	[ "$output" = '1 organisation Thanh tra Chính phủ' ]
}

@test "extract-entities: a district or ward's number after the unit's initial is in the name (VPCC Q.12, Q. 12; issue 14)" {
	printf '%s\n' 'Công an Q.9 đã mời VPCC Q.12 lên làm việc.' \
	    'Người dân Q. 12 phản ánh với phường.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang vi -t person,place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx '1 organisation Công an Q.9'
	printf '%s\n' "$output" | grep -qx '1 organisation VPCC Q.12'
	printf '%s\n' "$output" | grep -qx '2 place Q. 12'
}

@test "extract-entities: a Vietnamese name ending in initials keeps its stop before a comma or a bracket (K.D., Nguyễn Đức Đ. (26 tuổi); issue 14)" {
	printf '%s\n' 'Ông K.D., 47 tuổi, ngụ tại quận 3.' \
	    'Thiếu uý Nguyễn Đức Đ. (26 tuổi) đã tử vong.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang vi -t person '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx '1 person K.D.'
	printf '%s\n' "$output" | grep -qx '2 person Nguyễn Đức Đ.'
}

@test "extract-entities: an amount past 64-bit integers is a number in exponent form, converted without undefined behaviour (make check-asan; fuzz finding entity-number-overflow)" {
	printf '%s\n' '{"id":"1","lang":"en","title":"x","body":"They paid $88888888888888888888888888888888888888888888888888888888 billion for it."}' > "$TMP/in.jsonl"
	run bash -c "extract-entities '$TMP/in.jsonl' | jq -c '.entities[0].value'"
	[ "$status" -eq 0 ]
	[ "$output" = '{"amount":8.888888889e+64,"currency":"USD"}' ]
}
