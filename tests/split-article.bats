#!/usr/bin/env bats
# split-article: page boundaries, metadata, nothing lost, bad input.
load helpers

# page_model NAME KEY=VALUE...: $TMP/NAME.model, a page-start model learnt
# from one labelled page whose margins are the KEY=VALUE meta lines
# given ("threshold=100000 rule-veto=-100000": the model never starts a
# page by itself and never overrules the rules)
page_model() {
	local ex='{"lines": ["Trang một có tiêu đề dài ở đây", "Nội dung bài viết thứ nhất rất dài và kết thúc bằng dấu chấm ở cuối câu này.", "fb yt zl twLào Cai nhận giải thưởng lớn", "Nội dung bài viết thứ hai rất dài và kết thúc bằng dấu chấm ở cuối câu này."], "starts": [[0, 0], [2, 11]]}' i
	local name=$1 m meta=()

	shift
	for m; do meta+=(--meta "$m"); done
	for i in 1 2 3 4 5 6; do echo "$ex"; done > "$TMP/$name.jsonl"
	newsutils-train -t page-start -o "$TMP/$name.model" "${meta[@]}" \
	    "$TMP/$name.jsonl"
}

# eager_model: $TMP/eager.model, a page-start model that starts a page at
# every candidate it is shown, so that only the glue points split-article
# offers decide where lines are cut
eager_model() {
	page_model eager threshold=-1000 rule-veto=-1000
}

@test "split-article: the five samples glued as cat gives them make five records with the right titles" {
	seeds_cat > "$TMP/all.txt"
	run bash -c "split-article < '$TMP/all.txt' | jq -r .title"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5 ]
	for i in 0 1 2 3 4; do
		f=$(ls "$SEEDS"/*.txt | sed -n "$((i + 1))p")
		[ "${lines[$i]}" = "$(head -n 1 "$f")" ]
	done
}

@test "split-article: no input line is lost from the glued stream" {
	seeds_cat | split-article > "$TMP/out.jsonl"
	run tests_check_lines "$TMP/out.jsonl" "$SEEDS"/*.txt
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "split-article: pages with a final newline each make five records, nothing lost" {
	for f in "$SEEDS"/*.txt; do cat "$f"; echo; done > "$TMP/nl.txt"
	split-article "$TMP/nl.txt" > "$TMP/out.jsonl"
	[ "$(wc -l < "$TMP/out.jsonl")" -eq 5 ]
	run tests_check_lines "$TMP/out.jsonl" "$SEEDS"/*.txt
	[ "$status" -eq 0 ]
}

@test "split-article: CRLF line ends give the same records as LF" {
	seeds_cat | sed 's/$/\r/' > "$TMP/crlf.txt"
	seeds_cat > "$TMP/lf.txt"
	split-article < "$TMP/crlf.txt" > "$TMP/a"
	split-article < "$TMP/lf.txt" > "$TMP/b"
	diff -u "$TMP/b" "$TMP/a"
	[ "$(wc -l < "$TMP/a")" -eq 5 ]
}

@test "split-article: one file per argument gives one record per file, source and line set" {
	run bash -c "split-article '$SEEDS'/*.txt | jq -r '[.source, .line] | @tsv'"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5 ]
	[[ "${lines[0]}" == *000_9a0e284281c05605.txt$'\t'1 ]]
	split-article "$SEEDS"/*.txt | tests_check_lines /dev/stdin "$SEEDS"/*.txt
}

@test "split-article: metadata of every sample page matches the gold table field by field" {
	run "$NU_ROOT/tests/score-split-article" "$NU_ROOT/tests/gold/split-article-meta.jsonl" "$SEEDS"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"fields: 40/40 correct"* ]]
}

@test "split-article: English pages glued together split in two with their metadata" {
	en=$NU_ROOT/tests/fixtures/split-en
	printf '%s' "$(cat "$en/page1.txt")" > "$TMP/p1"
	cat "$TMP/p1" "$en/page2.txt" | split-article > "$TMP/out.jsonl"
	[ "$(wc -l < "$TMP/out.jsonl")" -eq 2 ]
	tests_check_lines "$TMP/out.jsonl" "$en"/page*.txt
	run "$NU_ROOT/tests/score-split-article" "$NU_ROOT/tests/gold/split-article-meta-en.jsonl" "$en"
	[ "$status" -eq 0 ]
}

@test "split-article: ids are stable and do not depend on how the input is read" {
	a=$(split-article "$SEEDS"/000_9a0e284281c05605.txt | jq -r .id)
	b=$(split-article < "$SEEDS"/000_9a0e284281c05605.txt | jq -r .id)
	[[ "$a" =~ ^[0-9a-f]{16}$ ]]
	[ "$a" != "$b" ]	# the source name is part of the id
	c=$(split-article "$SEEDS"/000_9a0e284281c05605.txt | jq -r .id)
	[ "$a" = "$c" ]
	d=$(split-article "$SEEDS"/*.txt | head -n 1 | jq -r .id)
	[ "$a" = "$d" ]
}

@test "split-article: records have keys in design order and absent keys omitted" {
	run bash -c "split-article '$SEEDS'/001_06e88dffc34e332d.txt | jq -c keys_unsorted"
	[ "$output" = '["id","source","line","title","date","time","dateline","author","agency","body","boilerplate"]' ]
	run bash -c "split-article '$SEEDS'/000_9a0e284281c05605.txt | jq 'has(\"author\")'"
	[ "$output" = false ]
}

@test "split-article: a doubled caption is kept once, the copy is a duplicate" {
	printf 'A title for the test page here\n\nChiều 3/4, the first long paragraph of the article goes on for a while so it looks like one.\n\npic.jpg\nThe caption.\nThe caption.\n' > "$TMP/p.txt"
	run bash -c "split-article '$TMP/p.txt' | jq -c '[.images, .boilerplate]'"
	[ "$output" = '[[{"file":"pic.jpg","caption":"The caption.","line":5}],[{"line":7,"role":"caption-duplicate","text":"The caption."}]]' ]
}

@test "split-article: form feeds separate pages without any heuristics" {
	printf 'First page\nsome text\n\fSecond page\nmore text\fThird page\n' > "$TMP/ff.txt"
	run bash -c "split-article '$TMP/ff.txt' | jq -r .title"
	[ "$status" -eq 0 ]
	[ "$output" = $'First page\nSecond page\nThird page' ]
}

@test "split-article: --separator starts a page at each matching line, kept as boilerplate" {
	printf '=== 1\nOne\nbody one\n=== 2\nTwo\nbody two\n' > "$TMP/s.txt"
	run bash -c "split-article --separator '^=== ' '$TMP/s.txt' | jq -c '[.title, .boilerplate[0].role]'"
	[ "$output" = $'["One","separator"]\n["Two","separator"]' ]
}

@test "split-article: invalid UTF-8 becomes U+FFFD, warned once with file and line, in warnings" {
	printf 'Title line\nbad \xff byte\nand \xfe again\n' > "$TMP/bad.txt"
	run --separate-stderr split-article "$TMP/bad.txt"
	[ "$status" -eq 0 ]
	[ "$stderr" = "split-article: $TMP/bad.txt:2: invalid UTF-8 replaced with U+FFFD (1 more in this input)" ]
	[ "$(jq -r .body <<<"$output")" = $'bad \uFFFD byte\nand \uFFFD again' ]
	[ "$(jq -c .warnings <<<"$output")" = '[{"line":2,"what":"invalid UTF-8 replaced with U+FFFD"},{"line":3,"what":"invalid UTF-8 replaced with U+FFFD"}]' ]
}

@test "split-article: --strict makes invalid UTF-8 an error, exit 1, output still written" {
	printf 'Title line\nbad \xff byte\n' > "$TMP/bad.txt"
	run --separate-stderr split-article --strict "$TMP/bad.txt"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"bad.txt:2: error: invalid UTF-8"* ]]
	[ -n "$output" ]
}

@test "split-article: NUL bytes are dropped and reported" {
	printf 'Title\nnul\0here\n' > "$TMP/nul.txt"
	run --separate-stderr split-article "$TMP/nul.txt"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"nul.txt:2: NUL bytes dropped (0 more in this input)" ]]
	[ "$(jq -r .body <<<"$output")" = "nulhere" ]
}

@test "split-article: a leading BOM is removed without a word" {
	printf '\xef\xbb\xbfTitle\nbody\n' > "$TMP/bom.txt"
	run --separate-stderr split-article "$TMP/bom.txt"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(jq -r .title <<<"$output")" = "Title" ]
}

@test "split-article: text is NFC-normalised in records" {
	printf 'Title\nLa\xcc\x80o Cai\n' > "$TMP/nfd.txt"
	run bash -c "split-article '$TMP/nfd.txt' | jq -r .body"
	[ "$output" = "Lào Cai" ]
}

@test "split-article: empty input gives no output and exit 0" {
	run bash -c "split-article < /dev/null"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	printf '\n\n  \n' > "$TMP/blank.txt"
	run split-article "$TMP/blank.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "split-article: a 100 MB line is handled in bounded memory" {
	skip_under_asan
	make_big_line "$TMP/big.txt" 100
	/usr/bin/time -f '%M' -o "$TMP/rss" split-article "$TMP/big.txt" > "$TMP/out"
	[ "$(jq -r '.title | length' "$TMP/out")" -eq 104857600 ]
	# peak RSS in kB: under three times the line
	[ "$(cat "$TMP/rss")" -lt 320000 ]
}

@test "split-article: a missing file is reported, the others still processed, exit 2" {
	run --separate-stderr split-article "$SEEDS"/000_9a0e284281c05605.txt "$TMP/nope.txt" "$SEEDS"/004_3f05e7a1d28947b0.txt
	[ "$status" -eq 2 ]
	[ "$stderr" = "split-article: $TMP/nope.txt: No such file or directory" ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "split-article: | head -1 ends quietly" {
	for i in $(seq 200); do seeds_cat; done > "$TMP/big.txt"
	run --separate-stderr bash -c "split-article '$TMP/big.txt' | head -n 1"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 1 ]
}

@test "split-article: output to a full disk is a write error, exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr bash -c "split-article '$SEEDS'/*.txt > /dev/full"
	[ "$status" -eq 2 ]
	[ "$stderr" = "split-article: write error: No space left on device" ]
}

@test "split-article: -o writes the file atomically and leaves no temp file" {
	run split-article -o "$TMP/out.jsonl" "$SEEDS"/000_9a0e284281c05605.txt
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ "$(wc -l < "$TMP/out.jsonl")" -eq 1 ]
	[ "$(ls "$TMP")" = "out.jsonl" ]
}

@test "split-article: -o gets the umask's mode, and a run with status 2 leaves FILE as it was" {
	(umask 022 && split-article -o "$TMP/out.jsonl" "$SEEDS"/000_9a0e284281c05605.txt)
	[ "$(stat -c %a "$TMP/out.jsonl")" = 644 ]
	cp "$TMP/out.jsonl" "$TMP/before"
	run split-article -o "$TMP/out.jsonl" "$TMP/missing" "$SEEDS"/001_*.txt
	[ "$status" -eq 2 ]
	[[ "$output" == *"out.jsonl: left as it was"* ]]
	cmp "$TMP/before" "$TMP/out.jsonl"
	[ "$(ls "$TMP")" = $'before\nout.jsonl' ]
}

@test "split-article: --help and --version exit 0; bad option exits 2 with a hint" {
	run split-article --help
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "Usage: split-article [OPTION]... [FILE]..." ]]
	run split-article --version
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "split-article (newsutils) "* ]]
	run --separate-stderr split-article --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"Try 'split-article --help' for more information." ]]
	run bash -c "split-article --help > /dev/full"
	[ "$status" -eq 2 ]
}

@test "split-article: every long option in --help is in the man page and back" {
	help=$(split-article --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	man=$(sed 's/\\-/-/g' "$NU_ROOT/man/split-article.1" | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ "$help" = "$man" ]
}

@test "split-article: output does not depend on the locale" {
	LC_ALL=C split-article "$SEEDS"/*.txt > "$TMP/c"
	LC_ALL=C.UTF-8 split-article "$SEEDS"/*.txt > "$TMP/u"
	cmp "$TMP/c" "$TMP/u"
}

@test "split-article: -o onto a FIFO writes into it instead of replacing it" {
	mkfifo "$TMP/fifo"
	cat "$TMP/fifo" > "$TMP/got" &
	split-article -o "$TMP/fifo" "$SEEDS"/000_9a0e284281c05605.txt
	wait
	[ -p "$TMP/fifo" ]
	[ "$(wc -l < "$TMP/got")" -eq 1 ]
}

@test "split-article: two pages with no tail split where a dated lead follows a title" {
	run bash -c "split-article < '$NU_ROOT/tests/fixtures/split-vi/two-pages-no-tail.txt' | jq -r .line"
	[ "$output" = $'1\n8' ]
}

@test "split-article: subheadings inside an article do not start pages" {
	run bash -c "split-article < '$NU_ROOT/tests/fixtures/split-vi/subheadings.txt' | wc -l"
	[ "$output" -eq 1 ]
}

@test "split-article: a share header ending in a multibyte letter (Chia sẻ) ends the page" {
	run bash -c "split-article < '$NU_ROOT/tests/fixtures/split-vi/share-header-tail.txt' | jq -r .line"
	[ "$output" = $'1\n5' ]
}

@test "split-article: a BOM inside a stream (cat of Windows files) starts a page and is dropped" {
	printf '\xEF\xBB\xBFFirst file title here\nBody one.\n\xEF\xBB\xBFSecond file title here\nBody two.' > "$TMP/a.txt"
	printf '\xEF\xBB\xBFThird file title here, glued\nBody three.\n' > "$TMP/b.txt"
	cat "$TMP/a.txt" "$TMP/b.txt" > "$TMP/all.txt"
	run bash -c "split-article < '$TMP/all.txt' | jq -r '[.line, .title] | @tsv'"
	[ "$status" -eq 0 ]
	[ "$output" = $'1\tFirst file title here\n3\tSecond file title here\n4\tThird file title here, glued' ]
	[ "$(split-article < "$TMP/all.txt" | grep -c $'\xEF\xBB\xBF')" -eq 0 ]
}

@test "split-article: one stray form feed starts a page but keeps the heuristics on" {
	p="$NU_ROOT/tests/fixtures/split-vi/share-header-tail.txt"
	{ printf 'Form feed page title here\nSome text.\n\f'; cat "$p"; } > "$TMP/ff1.txt"
	run bash -c "split-article < '$TMP/ff1.txt' | jq -r .line"
	[ "$output" = $'1\n3\n7' ]
}

@test "split-article: \"Source: URL\" gives the bare URL" {
	printf 'A title for the URL test page\nBody text of the page.\nSource: https://example.com/news/1\n' |
	    split-article > "$TMP/o"
	[ "$(jq -r .url "$TMP/o")" = https://example.com/news/1 ]
	[ "$(jq -r '.boilerplate[0].text' "$TMP/o")" = 'Source: https://example.com/news/1' ]
}

@test "split-article: millions of blank lines take neither time nor memory" {
	skip_under_asan
	{ echo 'A title before the blank lines'; head -c 20000000 /dev/zero | tr '\0' '\n'; echo 'Text after.'; } > "$TMP/blank.txt"
	/usr/bin/time -f '%M' -o "$TMP/rss" split-article "$TMP/blank.txt" > "$TMP/o"
	[ "$(jq -r .body "$TMP/o")" = 'Text after.' ]
	[ "$(tail -n 1 "$TMP/rss")" -lt 16000 ]
}

# one_page DATELINE-OR-BYLINE-LINE: a title, that line, a lead paragraph
one_page() {
	printf 'A title line for the dateline test page\n%s\nThe first paragraph of the article runs on for long enough that it looks like a real one.\n' "$1" |
	    split-article | jq -c '[.date, .time, .dateline, .author, .agency]'
}

@test "split-article: English datelines with a 12-hour time, a zone, the time first, a short month, a dotted time" {
	[ "$(one_page 'March 14, 2027 9:05 PM GMT+1')" = '["2027-03-14","21:05","March 14, 2027 9:05 PM GMT+1",null,null]' ]
	[ "$(one_page 'Updated 12:30 AM EST, June 2, 2027')" = '["2027-06-02","00:30","Updated 12:30 AM EST, June 2, 2027",null,null]' ]
	[ "$(one_page 'Wed 9 Jun 2027 17.45 BST')" = '["2027-06-09","17:45","Wed 9 Jun 2027 17.45 BST",null,null]' ]
	[ "$(one_page 'Chủ nhật, 6/12/2026 - 07:40')" = '["2026-12-06","07:40","Chủ nhật, 6/12/2026 - 07:40",null,null]' ]
	[ "$(one_page '3/5/2027 18:02 (GMT+7)')" = '["2027-05-03","18:02","3/5/2027 18:02 (GMT+7)",null,null]' ]
}

@test "split-article: machine datelines: an English weekday with D/M/Y, ISO with seconds or a zone, Y/M/D, a US date only where the day cannot be first" {
	[ "$(one_page 'Friday, 07/05/2027 16:40')" = '["2027-05-07","16:40","Friday, 07/05/2027 16:40",null,null]' ]
	[ "$(one_page 'Tue. 3/8/2027, 8:15 PM')" = '["2027-08-03","20:15","Tue. 3/8/2027, 8:15 PM",null,null]' ]
	[ "$(one_page '2027-02-09T23:04:51+07:00')" = '["2027-02-09","23:04","2027-02-09T23:04:51+07:00",null,null]' ]
	[ "$(one_page 'Last updated: 2027-10-01 06:30:12')" = '["2027-10-01","06:30","Last updated: 2027-10-01 06:30:12",null,null]' ]
	[ "$(one_page '2027/4/18 07:55 UTC')" = '["2027-04-18","07:55","2027/4/18 07:55 UTC",null,null]' ]
	[ "$(one_page 'Dec 30, 2027 11:02:09 PM')" = '["2027-12-30","23:02","Dec 30, 2027 11:02:09 PM",null,null]' ]
	[ "$(one_page '30 December 2027, 07:15 GMT')" = '["2027-12-30","07:15","30 December 2027, 07:15 GMT",null,null]' ]
	# month first only where the day cannot be first; 13/13 is no date
	[ "$(one_page '12/31/2027')" = '["2027-12-31",null,"12/31/2027",null,null]' ]
	[ "$(one_page '02/03/2027')" = '["2027-03-02",null,"02/03/2027",null,null]' ]
	[ "$(one_page '13/13/2027')" = '[null,null,null,null,null]' ]
}

@test "split-article: a line of fields between '|' gives the dateline field, the author, the site; the raw line is kept" {
	printf 'A title for the metadata fields page\nBy LIN MEI in Harbin | northnews.com.cn | Updated: 2027-01-08 14:20\nThe first paragraph of the article runs on for long enough that it looks like a real one.\n' |
	    split-article > "$TMP/o"
	[ "$(jq -c '[.date, .time, .dateline, .author, .agency]' "$TMP/o")" = '["2027-01-08","14:20","Updated: 2027-01-08 14:20","LIN MEI","northnews.com.cn"]' ]
	[ "$(jq -c '.boilerplate[0].role' "$TMP/o")" = '"byline"' ]
	[ "$(one_page 'Source: Tanjug|2027-06-11 09:03:44|Editor: Ana Petrov')" = '["2027-06-11","09:03","2027-06-11 09:03:44",null,"Tanjug"]' ]
	# a menu with a date in it is no dateline line; of two dates the first
	[ "$(one_page 'Home | World news today | 2027-06-11 | Sport and more')" = '[null,null,null,null,null]' ]
	[ "$(one_page 'Posted: 2027-06-11 | Updated: 2027-06-12 08:00')" = '["2027-06-11",null,"Posted: 2027-06-11",null,null]' ]
	[ "$(one_page 'By Ada Brook in Leeds')" = '[null,null,null,"Ada Brook",null]' ]
	# '·' and '•' separate fields too; a name alone is the author
	[ "$(one_page 'Đào Tâm · 02/02/2027 06:05 · Lượt xem: 3.018')" = '["2027-02-02","06:05","02/02/2027 06:05","Đào Tâm",null]' ]
	[ "$(one_page 'Khôi Nguyên • Chủ nhật, 14/02/2027 21:30')" = '["2027-02-14","21:30","Chủ nhật, 14/02/2027 21:30","Khôi Nguyên",null]' ]
	# a reading time is one of the fields
	[ "$(one_page 'By Rosa Vance • 4 min read • March 3, 2027')" = '["2027-03-03",null,"March 3, 2027","Rosa Vance",null]' ]
	[ "$(one_page 'By Rosa Vance • 4 hours read • March 3, 2027')" = '[null,null,null,null,null]' ]
	# a date among section labels is no dateline line
	[ "$(one_page '2027-02-14 21:30 | Kinh tế | Thị trường')" = '[null,null,null,null,null]' ]
}

@test "split-article: a line that is only a wire's name (agencies.txt) gives the agency" {
	[ "$(one_page 'Kyodo News')" = '[null,null,null,null,"Kyodo News"]' ]
	[ "$(one_page 'Prensa Latina')" = '[null,null,null,null,"Prensa Latina"]' ]
}

@test "split-article: a dash or a slash between a dateline's date and time" {
	[ "$(one_page 'April 30, 2027 — 18:20')" = '["2027-04-30","18:20","April 30, 2027 — 18:20",null,null]' ]
	[ "$(one_page 'Apr 30, 2027 / 06:20 PM')" = '["2027-04-30","18:20","Apr 30, 2027 / 06:20 PM",null,null]' ]
	[ "$(one_page '30/04/2027 – 18:20')" = '["2027-04-30","18:20","30/04/2027 – 18:20",null,null]' ]
}

@test "split-article: 'Posted on DATE by NAME' gives date and author, the raw line kept as byline" {
	bin=$(printf 'A title for the posted-on test page\nPosted on April 2, 2027 by Nora Quinn\nA first paragraph that is long enough to be taken for the lead of the article here.\n' | split-article)
	[ "$(jq -c '[.date, .dateline, .author]' <<<"$bin")" = '["2027-04-02","April 2, 2027","Nora Quinn"]' ]
	[ "$(jq -c '.boilerplate' <<<"$bin")" = '[{"line":2,"role":"byline","text":"Posted on April 2, 2027 by Nora Quinn"}]' ]
}

@test "split-article: a relative time stamp ('Updated 3 hours ago') is a dateline line, not a title nor the lead" {
	printf 'A title for the relative time page\nBy Ivo Stern\nJuly 1, 2027 8:00 AM GMT\nUpdated 3 hours ago\nBERLIN, July 1 (Reuters) - A first paragraph of the wire story that is long enough to be the lead.\n' |
	    split-article > "$TMP/o"
	[ "$(jq -c '[.agency, .boilerplate[1]]' "$TMP/o")" = '["Reuters",{"line":4,"role":"dateline","text":"Updated 3 hours ago"}]' ]
}

@test "split-article: a name alone as the article's last line is the author, with an agency after ' - ' or '/'" {
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-vi/baotinh-lastname.txt' | jq -c '[.author, .agency]'"
	[ "$output" = '["Lê Minh Khang","TTXVN"]' ]
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-vi/vtv-slash.txt' | jq -c '[.author, .agency]'"
	[ "$output" = '["Mai Anh","VTV.vn"]' ]
	# a pen name in capitals (no surname), before the tags
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-vi/dantri-lead.txt' | jq -c '[.author, .agency, .title]'"
	[ "$output" = '["HỒNG NHUNG","Dân trí","Hàng nghìn người dân đổ về phố đi bộ đón năm mới"]' ]
}

@test "split-article: a name before tags ('Từ khóa:', '# tag') is the author; two names joined by ' - ' are one author" {
	p='Một tiêu đề cho trang thử tên tác giả ở cuối bài\nĐoạn mở đầu của bài viết này đủ dài để được coi là một đoạn văn của bài báo thật.\n\n'
	run bash -c "printf '${p}%s\n\nTừ khóa: chè Shan tuyết, xuất khẩu\n' 'Lâm Nghĩa' | split-article | jq -c .author"
	[ "$output" = '"Lâm Nghĩa"' ]
	run bash -c "printf '${p}%s\n\n# Nông nghiệp\n# Hợp tác xã\n' 'KIỀU OANH' | split-article | jq -c .author"
	[ "$output" = '"KIỀU OANH"' ]
	run bash -c "printf '${p}%s\n\nTags: a, b\n' 'Diệu Linh - Quốc Bảo' | split-article | jq -c '[.author, .agency]'"
	[ "$output" = '["Diệu Linh - Quốc Bảo",null]' ]
	# above the lead too
	run bash -c "printf 'Một tiêu đề cho trang thử tên tác giả ở đầu bài\n%s\n\nĐoạn mở đầu của bài viết này đủ dài để được coi là một đoạn văn của bài báo thật.\n' 'Hà Vy - Minh Đức' | split-article | jq -c .author"
	[ "$output" = '"Hà Vy - Minh Đức"' ]
	# a name and an agency code still split
	run bash -c "printf '${p}%s\n\nTừ khóa: a\n' 'Diệu Linh - TTXVN' | split-article | jq -c '[.author, .agency]'"
	[ "$output" = '["Diệu Linh","TTXVN"]' ]
}

@test "split-article: a place or a route before the tags is no author" {
	p='Một tiêu đề cho trang thử địa danh ở cuối bài\nĐoạn mở đầu của bài viết này đủ dài để được coi là một đoạn văn của bài báo thật.\n\n'
	run bash -c "printf '${p}%s\n\n# Giao thông\n' 'Lạng Sơn - Cao Bằng' | split-article | jq -c .author"
	[ "$output" = null ]
	run bash -c "printf '${p}%s\n\nTừ khóa: du lịch\n' 'Sa Pa' | split-article | jq -c .author"
	[ "$output" = null ]
	# a hashtag of digits is no tag line: the name stays a body line
	run bash -c "printf '${p}%s\n#1 trong tuần\n' 'Lâm Nghĩa' | split-article | jq -c .author"
	[ "$output" = null ]
}

@test "split-article: a box of related titles inside an article, prose after it, ends neither the page nor its byline; a related list with a summary before a new page still ends it" {
	cat > "$TMP/box.txt" <<'PAGE'
Tỉnh mở rộng vùng trồng dược liệu dưới tán rừng tự nhiên
Thứ Ba, 09/03/2027 10:15

Sáng 9/3, Sở Nông nghiệp tỉnh cho biết diện tích trồng dược liệu dưới tán rừng đã đạt hơn 1.200 ha, tăng gần gấp đôi so với cùng kỳ năm trước.

Nhiều hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với các doanh nghiệp chế biến trong và ngoài tỉnh, giúp người dân yên tâm mở rộng sản xuất.

Tin liên quan
Nông dân vùng cao thu hoạch sâm đầu mùa
Hợp tác xã dược liệu ký hợp đồng xuất khẩu đầu tiên

Để phát triển bền vững, ngành nông nghiệp đề ra ba nhóm giải pháp chính trong giai đoạn tới:
1. Quy hoạch vùng trồng gắn với bảo vệ rừng;
2. Hỗ trợ giống và kỹ thuật cho người dân.

Hướng tới thị trường xuất khẩu

Tỉnh đặt mục tiêu đến năm 2030 có ít nhất năm sản phẩm dược liệu đạt chứng nhận hữu cơ để đưa sang các thị trường khó tính.

Các doanh nghiệp cho biết nhu cầu về dược liệu sạch đang tăng mạnh, nhất là ở các nước trong khu vực châu Á.

KHÁNH VY

# Dược liệu
# Nông nghiệp

Chia sẻ
PAGE
	run bash -c "split-article '$TMP/box.txt' | jq -c '[.line, .author]'"
	[ "$output" = '[1,"KHÁNH VY"]' ]
	cat > "$TMP/end.txt" <<'PAGE'
Huyện khánh thành cây cầu treo mới nối hai bản vùng cao
Thứ Hai, 08/03/2027 07:30

Sáng 8/3, huyện tổ chức lễ khánh thành cây cầu treo dài 80 mét bắc qua suối, nối liền hai bản với hơn 300 hộ dân đồng bào dân tộc thiểu số.

Cây cầu được xây dựng từ nguồn vốn xã hội hóa, giúp học sinh và người dân đi lại an toàn trong mùa mưa lũ sắp tới.

Tin liên quan
Nông dân vùng cao thu hoạch sâm đầu mùa
Hợp tác xã dược liệu ký hợp đồng xuất khẩu đầu tiên
Hợp tác xã dược liệu đã ký hợp đồng xuất khẩu lô hàng đầu tiên sang thị trường Nhật Bản với giá trị hơn hai tỷ đồng.
Thành phố mở thêm hai tuyến xe buýt nối các khu du lịch
Thứ Tư, 10/03/2027 08:00

Sáng 10/3, thành phố đưa vào khai thác hai tuyến xe buýt mới nối trung tâm với các khu du lịch ven hồ, phục vụ người dân và du khách.

Mỗi tuyến có 12 chuyến mỗi ngày, giá vé từ 7.000 đồng một lượt, học sinh và người cao tuổi được giảm một nửa giá vé.
PAGE
	run bash -c "split-article '$TMP/end.txt' | jq -c '[.line, .title]'"
	[ "${lines[1]}" = '[12,"Thành phố mở thêm hai tuyến xe buýt nối các khu du lịch"]' ]
	split-article "$TMP/box.txt" "$TMP/end.txt" | tests_check_lines /dev/stdin "$TMP/box.txt" "$TMP/end.txt"
}

@test "split-article: a short last line that is no name (a source, a section, a name mid-article) is no author" {
	p='A title for the negative byline page\nThe lead paragraph of this page is long enough to count as a paragraph of text.\n'
	run bash -c "printf '${p}%s\n' '(Theo Báo Mới)' | split-article | jq -c .author"
	[ "$output" = null ]
	run bash -c "printf '${p}%s\n' 'Kinh tế' | split-article | jq -c .author"
	[ "$output" = null ]
	run bash -c "printf '${p}%s\nAnother paragraph follows the name, so it is no byline at all here.\n' 'Trần Văn Bình' | split-article | jq -c .author"
	[ "$output" = null ]
}

@test "split-article: leads '(AP) —', '(Dân trí) -' give the agency; 'Name in Place' is a byline" {
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-en/ap.txt' | jq -c '[.date, .time, .author, .agency]'"
	[ "$output" = '["2027-05-04","14:20","Kate Morgan","AP"]' ]
	run bash -c "printf 'A title for the lead agency page\n(Dân trí) - Sáng 5/12, một đoạn dẫn đủ dài để được coi là đoạn mở đầu của bài viết này.\n' | split-article | jq -c '[.date, .dateline, .agency]'"
	[ "$output" = '["--12-05","Sáng 5/12","Dân trí"]' ]
}

@test "split-article: an e-mail address in a byline is no agency" {
	run bash -c "printf 'A title for the e-mail byline page\nA lead paragraph long enough to be taken for the first paragraph of the article.\nBy Ann Lee, alee@example.org\n' | split-article | jq -c '[.author, .agency]'"
	[ "$output" = '["Ann Lee",null]' ]
}

@test "split-article: a credit line between an image and its labelled caption, a section label above the title" {
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-en/news-credit.txt' > '$TMP/o'"
	[ "$(jq -c '[.title, .images[0].caption, .author, .agency, .date, .time]' "$TMP/o")" = '["River swimmers warned after heavy rain raises pollution levels","Image caption, Swimmers at the weir on Sunday morning before the warning was issued","Laura Finch","Coast Gazette","2027-08-14","07:30"]' ]
	[ "$(jq -c '[.line, (.boilerplate[] | select(.role == "navigation" or .role == "credit") | .text)]' "$TMP/o")" = '[1,"World","Image source, Getty Images"]' ]
	tests_check_lines "$TMP/o" "$NU_ROOT/tests/fixtures/split-en/news-credit.txt"
}

@test "split-article: pages glued after a date, a comment widget, '*' and a short month date split at the title (rules: --model none)" {
	# the page-anatomy rules on invented pages; the page-start model is
	# measured on real pages instead (tests/realdata/split, issue 12)
	en=$NU_ROOT/tests/fixtures/split-en vi=$NU_ROOT/tests/fixtures/split-vi
	# pages with a section label above the title keep their final newline
	files=("$vi/dantri-lead.txt" "$en/news-credit.txt" "$en/wire.txt" "$en/ap.txt" "$en/blog-comments.txt" "$vi/vtv-slash.txt" "$vi/baotinh-lastname.txt")
	{ cat "${files[0]}" "${files[1]}"; for f in "${files[@]:2}"; do printf '%s' "$(cat "$f")"; done; } > "$TMP/all.txt"
	split-article --model none "$TMP/all.txt" > "$TMP/o"
	run jq -r '"\(.line) \(.title)"' "$TMP/o"
	[ "$output" = "$(printf '%s\n' '1 Hàng nghìn người dân đổ về phố đi bộ đón năm mới' \
	    '13 River swimmers warned after heavy rain raises pollution levels' \
	    '29 Ferry operator orders four electric ships for island routes' \
	    '42 Wildfire smoke closes schools across three counties' \
	    '47 Why our town library now lends sewing machines and drills' \
	    '72 Tỉnh khuyến cáo người dân chủ động phòng chống rét cho gia súc' \
	    '77 Xã vùng cao khánh thành trường mầm non mới cho 120 cháu')" ]
	tests_check_lines "$TMP/o" "${files[@]}"
}

@test "split-article: commenters' names, a subheading and a related list after the share bar start no page" {
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-en/blog-comments.txt' | jq -c '[.title, .author]'"
	[ "$output" = '["Why our town library now lends sewing machines and drills","Helen Brooks"]' ]
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-vi/baotinh-lastname.txt' | wc -l"
	[ "$output" -eq 1 ]
	run bash -c "split-article '$NU_ROOT/tests/fixtures/split-en/wire.txt' | wc -l"
	[ "$output" -eq 1 ]
}

@test "split-article: menus and stacked labels above the title are navigation; a dateline after a standfirst and byline; a place after a byline's comma is no agency" {
	f=$NU_ROOT/tests/fixtures/split-en/menu-standfirst.txt
	split-article "$f" > "$TMP/o"
	[ "$(jq -c '[.line, .title, .date, .time, .dateline, .author, .agency]' "$TMP/o")" = '[1,"Harbor council approves new ferry dock after two years of debate","2027-03-03","18:45","Published on Mar 3, 2027 06:45 PM EST","Tom Keller","WXYZ"]' ]
	[ "$(jq -c '[.boilerplate[] | select(.role == "navigation") | .line]' "$TMP/o")" = '[1,2,3,4]' ]
	tests_check_lines "$TMP/o" "$f"
	f=$NU_ROOT/tests/fixtures/split-en/wire-release.txt
	split-article "$f" > "$TMP/o"
	[ "$(jq -c '[.title, .date, .time, .agency]' "$TMP/o")" = '["Copper prices climb as smelters in Chile cut output after strikes","2027-01-12","08:05","AFP"]' ]
	tests_check_lines "$TMP/o" "$f"
	run bash -c "printf 'A title for the byline with a city\nBy Ana Silva, Lisbon\nA lead paragraph long enough to be taken for the first paragraph of the article.\n' | split-article | jq -c '[.author, .agency]'"
	[ "$output" = '["Ana Silva",null]' ]
	run bash -c "printf 'A title for the byline with a paper\nBy Ana Silva, Harbour Daily News\nA lead paragraph long enough to be taken for the first paragraph of the article.\n' | split-article | jq -c '[.author, .agency]'"
	[ "$output" = '["Ana Silva","Harbour Daily News"]' ]
}

@test "split-article: a press release's wire code, a menu line, 'Tác giả:', a 24-hour time with a stray PM, a three-word label" {
	f=$NU_ROOT/tests/fixtures/split-en/press-release.txt
	run bash -c "split-article '$f' | jq -c '[.title, .date, .time, .dateline, .agency]'"
	[ "$output" = '["Lakeside Foods Opens Cold Storage Hub in Springfield, Adding 200 Jobs","2027-04-02","09:30","Apr 2, 2027, 09:30 ET","PRNewswire"]' ]
	f=$NU_ROOT/tests/fixtures/split-vi/menu-tacgia.txt
	split-article "$f" > "$TMP/o"
	[ "$(jq -c '[.title, .date, .time, .dateline, .author, .agency]' "$TMP/o")" = '["Thành phố mở thêm ba tuyến xe buýt điện nối các khu công nghiệp","2027-03-15","14:20","15-03-2027 - 14:20 PM","Lan Hương","Tinmoi.vn"]' ]
	tests_check_lines "$TMP/o" "$f"
	run bash -c "printf 'Giáo dục đại học\nTrường đại học mở ngành mới về trí tuệ nhân tạo cho năm học tới\nCập nhật: 03/04/2027 10:05\nTác giả: Minh Khoa\nNăm học tới, trường tuyển 120 sinh viên cho ngành trí tuệ nhân tạo, học phí bằng các ngành kỹ thuật khác.\n' | split-article | jq -c '[.title, .time, .author]'"
	[ "$output" = '["Trường đại học mở ngành mới về trí tuệ nhân tạo cho năm học tới","10:05","Minh Khoa"]' ]
	# a short real title with no navigation above it stays the title
	run bash -c "printf 'Bão số 3 đổ bộ\nCập nhật: 03/04/2027 10:05\nCơn bão đổ bộ vào các tỉnh ven biển lúc rạng sáng, gây mưa lớn trên diện rộng và làm đổ nhiều cây xanh.\n' | split-article | jq -r .title"
	[ "$output" = 'Bão số 3 đổ bộ' ]
	# nor when a title-shaped standfirst follows its dateline
	run bash -c "printf 'Bão số 3 đổ bộ\nCập nhật: 03/04/2027 10:05\nCơn bão đổ bộ vào các tỉnh ven biển lúc rạng sáng gây mưa lớn trên diện rộng\nCơn bão làm đổ nhiều cây xanh và cột điện ở các tỉnh ven biển, hàng nghìn hộ mất điện trong đêm.\n' | split-article | jq -r .title"
	[ "$output" = 'Bão số 3 đổ bộ' ]
}

@test "split-article: 'Read more:', a short line in capitals, a follow-us link and a player counter start no page" {
	f=$NU_ROOT/tests/fixtures/split-en/false-starts.txt
	split-article "$f" > "$TMP/o"
	[ "$(jq -r .line "$TMP/o")" = 1 ]
	tests_check_lines "$TMP/o" "$f"
	run bash -c "printf 'Tỉnh khai trương bến xe khách mới ở cửa ngõ phía nam\n02/03/2027 08:15\nBến xe rộng 5 ha, có 40 vị trí đón trả khách và khu chờ có mái che cho hành khách đi các tỉnh miền Trung.\nMỗi ngày bến xe đón khoảng 300 chuyến xe khách, gấp đôi bến xe cũ trong trung tâm thành phố, theo sở giao thông.\nTheo dõi Báo Tỉnh Nhà trên Google News\n02/03/2027 08:15\nCác tuyến xe buýt nội tỉnh được điều chỉnh lộ trình để đi qua bến xe mới từ đầu tháng tới, giá vé không thay đổi.\n' | split-article | wc -l"
	[ "$output" -eq 1 ]
}

@test "split-article: a body line equal to the dateline is its own line (check-lines counts both)" {
	f=$NU_ROOT/tests/fixtures/split-en/repeated-dateline.txt
	split-article "$f" > "$TMP/o"
	[ "$(jq -r .dateline "$TMP/o")" = "March 2, 2027" ]
	run tests_check_lines "$TMP/o" "$f"
	[ "$status" -eq 0 ]
}

# pages of our own, each saved without a final newline, glued as cat glues
# them: page 2 opens with a menu run glued to page 1's copyright line, page
# 3's title is glued to a footer menu, page 4 opens with a menu glued to a
# licence number in capitals, page 5 with a label glued to a related
# title, page 6 with a label glued to the share bar
glued_menu_pages() {
	local d=$TMP/pages
	mkdir -p "$d"
	printf '%s' 'Town council delays vote on new bus depot after residents object
Published: 10:20am, 3 Mar 2027
The council in Eastbrook postponed a vote on a planned bus depot on Tuesday after more than two hundred residents signed a petition against it.
Residents say the depot would bring diesel fumes and noise to a quiet street next to a primary school and a small park.
A council spokesperson said a revised plan would be presented in April, with a smaller site and electric buses only.
More on this story
Eastbrook school gets a new playground
2 Mar 2027
Copyright © 2027 Eastbrook Gazette Ltd. All rights reserved.' > "$d/1.txt"
	printf '%s' 'Business
Markets
Energy
Oil refiner posts record quarterly profit as diesel margins widen
Analysts expect the windfall to fuel a fresh round of share buybacks later this year, though some warn margins are narrowing
Staff Reporter
Published: 6:05pm, 4 Mar 2027
Northbay Refining reported its highest quarterly profit on record on Thursday, helped by strong demand for diesel in Europe and Asia.
The company said it would spend part of the windfall on upgrading its two coastal plants over the next three years.
Share
Facebook Twitter
Terms of Use | Privacy Policy | Accessibility | Contact Us' > "$d/2.txt"
	printf '%s' 'Harbour Tunnel Reopens After Six Weeks of Repairs to Its Ventilation Fans
New fans will halve the time needed to clear smoke in an emergency
News provided by
Harbour Tunnel Authority
Mar 5, 2027, 09:00 ET
Share this article
PORTVILLE, Mar. 5, 2027 -- The Harbour Tunnel reopened to traffic on Friday morning after six weeks of repairs to its ventilation fans, the authority said.
The work cost 14 million dollars and was finished two days ahead of schedule, the authority'"'"'s director told reporters.
Related stories
Portville bridge to close for repaving
Giấy phép hoạt động báo điện tử số 99/GP-BTTTT' > "$d/3.txt"
	printf '%s' 'Trang chủ | Tin tức | Xã hội | Thể thao
Tin tức > Xã hội
Thành phố mở thêm ba tuyến xe buýt điện nối các khu công nghiệp
Thứ Hai, 08/03/2027 | 07:30
Từ tháng 4, ba tuyến xe buýt điện mới sẽ nối trung tâm thành phố với các khu công nghiệp phía nam, phục vụ khoảng mười nghìn công nhân mỗi ngày.
Giá vé mỗi lượt là 7.000 đồng, công nhân có thẻ tháng được giảm một nửa theo chính sách hỗ trợ của thành phố.
Tin cùng chuyên mục
Học sinh vùng cao được tặng áo ấm' > "$d/4.txt"
	printf '%s' 'Thể thao
Đội bóng chuyền nữ tỉnh giành vé dự giải vô địch quốc gia
09/03/2027 20:10
Sau ba trận thắng liên tiếp ở vòng loại, đội bóng chuyền nữ của tỉnh đã chính thức giành quyền tham dự giải vô địch quốc gia năm nay.
Huấn luyện viên trưởng cho biết đội sẽ tập trung tập luyện tại nhà thi đấu tỉnh trong hai tháng tới.
fb yt zl tw' > "$d/5.txt"
	printf '%s' 'Kinh tế
Giá cà phê nhân xô tăng lên mức cao nhất trong ba tháng
10/03/2027 08:15
Sáng nay, giá cà phê nhân xô tại các tỉnh Tây Nguyên tăng thêm 1.500 đồng mỗi kg so với hôm qua, lên mức cao nhất trong ba tháng.
Các doanh nghiệp thu mua cho biết nguồn cung trong dân đang giảm vì nông dân giữ hàng chờ giá lên thêm.' > "$d/6.txt"
}

@test "split-article: a page opening with a menu or label glued after a copyright line, a footer menu, a licence number, a related title or a share bar starts on the glued line, titled by its real title (rules: --model none)" {
	# the page-anatomy rules on invented pages; the page-start model is
	# measured on real pages instead (tests/realdata/split, issue 12)
	glued_menu_pages
	cat "$TMP"/pages/*.txt > "$TMP/all.txt"
	split-article --model none "$TMP/all.txt" > "$TMP/o"
	run jq -r '"\(.line) \(.title)"' "$TMP/o"
	[ "$output" = "$(printf '%s\n' \
	    '1 Town council delays vote on new bus depot after residents object' \
	    '9 Oil refiner posts record quarterly profit as diesel margins widen' \
	    '20 Harbour Tunnel Reopens After Six Weeks of Repairs to Its Ventilation Fans' \
	    '30 Thành phố mở thêm ba tuyến xe buýt điện nối các khu công nghiệp' \
	    '37 Đội bóng chuyền nữ tỉnh giành vé dự giải vô địch quốc gia' \
	    '42 Giá cà phê nhân xô tăng lên mức cao nhất trong ba tháng')" ]
	# the glued menu lines are navigation of the new page
	[ "$(jq -c '[.boilerplate[]? | select(.role == "navigation") | .text]' "$TMP/o" | sed -n 2p)" = '["Business","Markets","Energy"]' ]
	[ "$(jq -c '[.boilerplate[]? | select(.role == "navigation") | .text]' "$TMP/o" | sed -n 4p)" = '["Trang chủ | Tin tức | Xã hội | Thể thao","Tin tức > Xã hội"]' ]
	[ "$(jq -r .date "$TMP/o" | paste -sd' ')" = '2027-03-03 2027-03-04 2027-03-05 2027-03-08 2027-03-09 2027-03-10' ]
	tests_check_lines "$TMP/o" "$TMP"/pages/*.txt
	# each page alone is one record with the same title
	for f in "$TMP"/pages/*.txt; do
		[ "$(split-article --model none "$f" | wc -l)" -eq 1 ]
	done
}

@test "split-article: navigation glued into a related list (titles with dates and summaries, either order) starts no page" {
	lead='Ferry fares to rise by five percent from May
Published: 9:00am, 6 Mar 2027
Fares on all ferry routes will rise by five percent from May, the operator said on Monday, citing higher fuel and wage costs.
Season ticket holders will see the increase only when their current tickets expire at the end of the year.'
	printf '%s\n%s\n' "$lead" 'More on this story.Business
Island routes get two new electric ferries
The two ferries will enter service in June and cut the crossing time to the island by ten minutes.
5 Mar 2027
Port authority approves night sailings on the northern route
Night sailings will start in the summer season, with two crossings after ten in the evening.
4 Mar 2027' > "$TMP/a.txt"
	printf '%s\n%s\n' "$lead" 'Read the latest.Business
Island routes get two new electric ferries
5 Mar 2027
The two ferries will enter service in June and cut the crossing time to the island by ten minutes.
Port authority approves night sailings on the northern route
4 Mar 2027
Night sailings will start in the summer season, with two crossings after ten in the evening.
Share
Facebook Twitter' > "$TMP/b.txt"
	for f in "$TMP/a.txt" "$TMP/b.txt"; do
		split-article "$f" > "$TMP/o"
		[ "$(wc -l < "$TMP/o")" -eq 1 ]
		tests_check_lines "$TMP/o" "$f"
	done
}

@test "split-article: a paragraph right after a print or e-mail tool bar under the lead resumes the article (a subheading later starts no page); the bar after the last paragraph still ends it" {
	printf '%s\n' 'Tỉnh hoàn thành nâng cấp quốc lộ nối hai huyện vùng cao' \
	    'Thứ Ba, 02-03-2027, 09:40' \
	    'Sáng 2/3, tỉnh tổ chức lễ khánh thành công trình nâng cấp quốc lộ dài 42 km nối hai huyện vùng cao, rút ngắn thời gian đi lại gần một giờ.' \
	    'In bài viết' 'Gửi email' \
	    'Công trình được khởi công từ đầu năm 2025 với tổng vốn đầu tư hơn 900 tỷ đồng, mặt đường được mở rộng từ 5,5 m lên 9 m.' \
	    'quoc-lo-moi.jpg' 'Đoạn quốc lộ mới qua xã vùng cao sau khi hoàn thành.' \
	    'Giảm tai nạn trên đèo' \
	    'Theo sở giao thông, các đoạn cua gấp trên đèo đã được nắn thẳng và lắp thêm hộ lan mềm, giúp xe tải nặng đi lại an toàn hơn.' \
	    'Người dân hai huyện cho biết thời gian chở nông sản xuống chợ trung tâm đã giảm từ hai giờ xuống còn hơn một giờ.' \
	    > "$TMP/a.txt"
	split-article "$TMP/a.txt" > "$TMP/o"
	[ "$(wc -l < "$TMP/o")" -eq 1 ]
	tests_check_lines "$TMP/o" "$TMP/a.txt"
	{ cat "$TMP/a.txt"; printf '%s\n' 'In bài viết' 'Gửi email' \
	    'Chợ phiên vùng cao đón hàng nghìn du khách dịp cuối tuần' \
	    'Chủ Nhật, 07-03-2027, 16:20' \
	    'Chợ phiên họp mỗi sáng Chủ Nhật, bày bán thổ cẩm, rau rừng và các món ăn truyền thống của đồng bào dân tộc trong vùng.' \
	    'Ban quản lý chợ cho biết số du khách đến chợ trong ba tháng đầu năm tăng gấp đôi so với cùng kỳ năm trước.'; } > "$TMP/b.txt"
	split-article "$TMP/b.txt" > "$TMP/o"
	[ "$(jq -c '[.line, .date]' "$TMP/o" | paste -sd' ')" = '[1,"2027-03-02"] [14,"2027-03-07"]' ]
	tests_check_lines "$TMP/o" "$TMP/b.txt"
}

@test "split-article: a page opening with a label glued to a related list's date, and one opening with a breadcrumb glued to a short page's copyright line, start on the glued line (rules: --model none)" {
	# the page-anatomy rules on invented pages; the page-start model is
	# measured on real pages instead (tests/realdata/split, issue 12)
	printf '%s' 'Tỉnh khởi công cầu mới qua sông Hồng
12:05, 02/03/2027
Sáng 2/3, tỉnh khởi công xây dựng cây cầu mới bắc qua sông Hồng, dài 1,2 km với tổng vốn đầu tư 1.500 tỷ đồng từ ngân sách.
Cây cầu dự kiến hoàn thành sau ba năm, giúp giảm tải cho cây cầu cũ đã xuống cấp sau hơn 30 năm sử dụng liên tục.
Tin cùng chuyên mục
Huyện vùng cao có thêm trường nội trú
01/03/2027' > "$TMP/1.txt"
	printf '%s' 'Thời sự
Hội nghị bàn giải pháp phát triển du lịch cộng đồng năm 2027
03/03/2027 10:00
Chiều 3/3, sở văn hóa tổ chức hội nghị bàn giải pháp phát triển du lịch cộng đồng tại các bản làng vùng cao trong năm 2027.
Các đại biểu đề xuất xây dựng thêm điểm dừng chân và đào tạo người dân làm hướng dẫn viên du lịch tại chỗ.
Copyright © 2027 Báo Tỉnh. All rights reserved.' > "$TMP/2.txt"
	printf '%s' 'Home > World
Flood waters recede in river towns after a week of heavy rain
Published: 8:10am, 4 Mar 2027
Residents of three river towns began cleaning their homes on Thursday as flood waters receded after a week of heavy rain across the region.
Officials said the river had fallen below the warning level overnight and that schools would reopen on Monday.' > "$TMP/3.txt"
	cat "$TMP"/[123].txt | split-article --model none > "$TMP/o"
	[ "$(jq -c '[.line, .title]' "$TMP/o" | paste -sd' ')" = '[1,"Tỉnh khởi công cầu mới qua sông Hồng"] [7,"Hội nghị bàn giải pháp phát triển du lịch cộng đồng năm 2027"] [12,"Flood waters recede in river towns after a week of heavy rain"]' ]
	[ "$(jq -c '[.boilerplate[]? | select(.role == "navigation") | .text]' "$TMP/o" | paste -sd' ')" = '[] ["Thời sự"] ["Home > World"]' ]
	tests_check_lines "$TMP/o" "$TMP"/[123].txt
}

@test "check-lines: a line in two pieces passes only where a record starts inside it (issue 12)" {
	printf 'Tin, ảnh: Phi AnhĐoàn công tác\nthân bài\n' > "$TMP/in.txt"
	printf '%s\n' '{"line":1,"title":"x","body":"Tin, ảnh: Phi Anh"}' \
	    '{"line":1,"title":"Đoàn công tác","body":"thân bài"}' > "$TMP/ok.jsonl"
	run tests_check_lines "$TMP/ok.jsonl" "$TMP/in.txt"
	[ "$status" -eq 1 ]		# "x" is extra
	printf '%s\n' '{"line":1,"body":"Tin, ảnh: Phi Anh"}' \
	    '{"line":1,"title":"Đoàn công tác","body":"thân bài"}' > "$TMP/ok.jsonl"
	run tests_check_lines "$TMP/ok.jsonl" "$TMP/in.txt"
	[ "$status" -eq 0 ]
	# the same pieces, but the second record says it starts on line 2:
	# the line was torn where no page starts
	printf '%s\n' '{"line":1,"body":"Tin, ảnh: Phi Anh"}' \
	    '{"line":2,"title":"Đoàn công tác","body":"thân bài"}' > "$TMP/torn.jsonl"
	run tests_check_lines "$TMP/torn.jsonl" "$TMP/in.txt"
	[ "$status" -eq 1 ]
	[[ "$output" == *"missing: Tin, ảnh: Phi AnhĐoàn công tác"* ]]
}

@test "split-article: --model names the page-start model; a missing or wrong file is a usage error; none keeps the rules" {
	run split-article --model "$TMP/nope.model" "$SEEDS/000_9a0e284281c05605.txt"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--model $TMP/nope.model: "* ]]
	run split-article --model none "$SEEDS/000_9a0e284281c05605.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	run newsutils-train --list
	[[ "$output" == *"page-start"*"page-start.model"* ]]
}

@test "split-article: a brand written in two capitals inside a glued page's last line is not torn (issue 12)" {
	{ cat "$SEEDS/002_7f9470d7252ef484.txt"; printf '\nTheo VnExpress, hãng VietJet và iPhone đã xác nhận thông tin này.'
	  cat "$SEEDS/003_71c212dbd1e2a1ea.txt"; } > "$TMP/brand.txt"
	split-article "$TMP/brand.txt" > "$TMP/o"
	[ "$(wc -l < "$TMP/o")" -eq 2 ]
	tests_check_lines "$TMP/o" "$TMP/brand.txt"
	grep -q 'Theo VnExpress, hãng VietJet và iPhone đã xác nhận thông tin này.Hội đàm' "$TMP/brand.txt"
}

# split_fixture FILE STARTS FILTER: split-article on a fixture of
# tests/fixtures/split-vi, its lines checked against the true page starts
# (STARTS: printf's format of "line<TAB>byte" rows), and jq -c FILTER of
# its records into $TMP/got
split_fixture() {
	local f=$NU_ROOT/tests/fixtures/split-vi/$1

	split-article "$f" > "$TMP/o"
	printf "$2" > "$TMP/starts"
	tests_check_lines "$TMP/o" --starts "$TMP/starts" "$f"
	jq -c "$3" "$TMP/o" > "$TMP/got"
}

@test "split-article: a writer's name glued to the next title starts the page at the glue point even where the title shares the last page's topic (issue 12)" {
	# the line-start candidate reads the glue point near its start
	# ("Duy KhôiThủ tướng ..."); main's model started no page here
	split_fixture name-glued-title.txt '7\t9\n' '[.title, .author, .agency, .date]'
	got=$(cat "$TMP/got")
	[ "$got" = '["Cây thông đổ chắn ngang đèo sau cơn mưa lớn","Duy Khôi",null,"2018-10-02"]
["Thủ tướng chỉ đạo khắc phục hậu quả mưa lũ ở miền Trung",null,"AFP","2018-10-03"]' ] || { echo "$got"; return 1; }
}

@test "split-article: a title right under a related list whose items stand apart by blank lines starts a page, though no dateline follows it (issue 12)" {
	# pages each ending with a newline: the related items above have
	# blank lines between them, the next page's lines have none; the
	# model of the day before took the title for one more related item
	split_fixture related-then-title.txt '1\t0\n20\t0\n' '[.line, .title, .date]'
	got=$(cat "$TMP/got")
	[ "$got" = '[1,"Mưa lớn kéo dài, nhiều tuyến đường ở trung tâm thành phố ngập sâu","2018-09-03"]
[20,"Nhóm trộm xe máy liên tỉnh sa lưới sau nhiều ngày bị theo dõi",null]' ] || { echo "$got"; return 1; }
}

@test "newsutils-train: a page-start model trained twice on the same labelled pages is byte-identical and splits them" {
	for f in "$SEEDS"/*.txt; do cat "$f"; echo; done > "$TMP/nl.txt"
	# one labelled record: the lines, and where each page starts
	starts=$(k=0; for f in "$SEEDS"/*.txt; do printf '[%d,0],' "$k"
	    k=$((k + $({ cat "$f"; echo; } | wc -l))); done)
	jq -Rsc --argjson s "[${starts%,}]" '{lines: (split("\n") | .[:-1]), starts: $s}' "$TMP/nl.txt" > "$TMP/lab.jsonl"
	newsutils-train -t page-start -e 3 -o "$TMP/a.model" "$TMP/lab.jsonl"
	newsutils-train -t page-start -e 3 -o "$TMP/b.model" "$TMP/lab.jsonl"
	cmp "$TMP/a.model" "$TMP/b.model"
	run split-article --model "$TMP/a.model" "$TMP/nl.txt"
	[ "$status" -eq 0 ]
	tests_check_lines <(split-article --model "$TMP/a.model" "$TMP/nl.txt") "$TMP/nl.txt"
}

@test "split-article: one date grammar reads day, month, year, time, weekday, day part and zone in any order (issue 12)" {
	f=$NU_ROOT/tests/fixtures/split-vi/dateline-forms.tsv
	grep -v '^#' "$f" | while IFS=$'\t' read -r dl date time; do
		printf '%s\n%s\n%s\n' 'Tỉnh khai trương bến xe khách mới ở cửa ngõ phía nam' "$dl" \
		    'Bến xe rộng 5 ha, có 40 vị trí đón trả khách và khu chờ có mái che cho hành khách đi các tỉnh.' |
		    split-article > "$TMP/o"
		got=$(jq -r '[.date, (.time // ""), .dateline] | join("|")' "$TMP/o")
		[ "$got" = "$date|$time|$dl" ] || { echo "$dl -> $got"; return 1; }
	done
	# numbers alone, a score, a reference's trailing date: no dateline
	for dl in '25/11' '5-3' '2022-03-23.' 'Hà Nội, 5/3/2024'; do
		printf '%s\n%s\n%s\n' 'Tỉnh khai trương bến xe khách mới ở cửa ngõ phía nam' "$dl" \
		    'Bến xe rộng 5 ha, có 40 vị trí đón trả khách và khu chờ có mái che cho hành khách đi các tỉnh.' |
		    split-article > "$TMP/o"
		[ "$(jq -r '.date // "none"' "$TMP/o")" = none ] || { echo "$dl"; return 1; }
	done
}

@test "split-article: a second date's label ends the first date; an agency code before a dateline is the agency, a place there is none; '17.40' alone is no date (issue 12)" {
	title='Tỉnh khai trương bến xe khách mới ở cửa ngõ phía nam'
	body='Bến xe rộng 5 ha, có 40 vị trí đón trả khách và khu chờ có mái che cho hành khách đi các tỉnh.'
	while IFS='|' read -r dl want; do
		printf '%s\n%s\n%s\n' "$title" "$dl" "$body" | split-article > "$TMP/o"
		got=$(jq -c '[.date, .time, .dateline, .agency]' "$TMP/o")
		[ "$got" = "$want" ] || { echo "$dl -> $got"; return 1; }
	done <<-END
	Tue 5 Mar 2024 09.30 GMT Last modified on Wed 6 Mar 2024 11.02 GMT|["2024-03-05","09:30","Tue 5 Mar 2024 09.30 GMT",null]
	Published: 5 Mar 2024 Updated: 6 Mar 2024|["2024-03-05",null,"Published: 5 Mar 2024",null]
	Nov. 6, 2024, 10:00 PM UTC / Updated Nov. 7, 2024, 8:10 AM UTC|["2024-11-06","22:00","Nov. 6, 2024, 10:00 PM UTC",null]
	27/04/2022 cập nhật 18:55|["2022-04-27","18:55","27/04/2022 cập nhật 18:55",null]
	TTXVN - 17:40 05/03/2018|["2018-03-05","17:40","17:40 05/03/2018","TTXVN"]
	(Dân trí) – 05/03/2018 17:40|["2018-03-05","17:40","05/03/2018 17:40","Dân trí"]
	TP.HCM - 17:40 05/03/2018|["2018-03-05","17:40","17:40 05/03/2018",null]
	(Hà Nội) - 05/03/2018|["2018-03-05",null,"05/03/2018",null]
	LONDON - 05/03/2018|["2018-03-05",null,"05/03/2018",null]
	17.40|[null,null,null,null]
	Hà Nội - 05/03/2018|[null,null,null,null]
	END
}

@test "split-article: a dateline line under the article with a signature under it; a name under the last image is the byline; the lead's date under a short line; the title printed again with its date further down (issue 12)" {
	title='Đoàn công tác tỉnh Lào Cai thăm và làm việc tại châu Văn Sơn'
	lead='đoàn công tác tỉnh Lào Cai đã tới thăm và gặp mặt xã giao lãnh đạo châu Văn Sơn, tỉnh Vân Nam (Trung Quốc).'
	# the lead's "Ngày 6/2" gives way to the dateline line with a year
	# when a signature, not only a name, is between it and the tail
	for by in 'L.H' 'Minh Hà (Tổng hợp)' 'TTXVN/Tin Tức' 'PV.'; do
		printf '%s\nNgày 6/2, %s\n14/04/2017\n%s\nChia sẻ\n' "$title" "$lead" "$by" | split-article > "$TMP/o"
		[ "$(jq -c '[.date, .dateline]' "$TMP/o")" = '["2017-04-14","14/04/2017"]' ] || { echo "$by"; jq -c . "$TMP/o"; return 1; }
	done
	# a name right under the last image file name, the tail after it:
	# the writer's, not the picture's caption; a caption that goes on
	# stays one
	printf '%s\nChiều 26/1, %s\nlc-2.jpg\nHữu Tuấn\nTin khác\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.images[0].caption // null)]' "$TMP/o")" = '["Hữu Tuấn",null]' ]
	printf '%s\nChiều 26/1, %s\nlc-2.jpg\nHữu Tuấn\nMột đoạn nữa của bài viết, đủ dài để là một đoạn văn của bài báo này.\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.images[0].caption // null)]' "$TMP/o")" = '[null,"Hữu Tuấn"]' ]
	# a kicker under the title, then the lead opening with its date
	printf '%s\nKỳ 2\nSáng 2/5, %s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline, .body]' "$TMP/o")" = "[\"--05-02\",\"Sáng 2/5\",\"Kỳ 2\\nSáng 2/5, $lead\"]" ]
	# ... but not a related item's summary under a block header
	printf '%s\nTin liên quan\nMột tiêu đề khác\nSáng 2/5, %s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline]' "$TMP/o")" = '[null,null]' ]
	# an English page's header printed again under the article: the
	# title, then its dateline within four lines
	printf '%s\n\n%s\n\n%s\n\nMenu\n\n%s\n\nFollow\n%s\n\nSign in\n' 'How a small team cut its build times in half' \
	    'We moved the slowest steps of our build to a shared cache and measured every change for a month.' \
	    'The results surprised us: the cache paid for itself within a week of use across the team.' \
	    'How a small team cut its build times in half' 'Mar 5, 2024 · 6 min read' | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline, ([.boilerplate[] | select(.role == "dateline") | .line])]' "$TMP/o")" = '["2024-03-05","Mar 5, 2024",[12]]' ]
	printf '%s\n\n%s\n\n%s\n\n%s\n\nby Jane Doe July 10, 2015\n' 'How a small team cut its build times in half' \
	    'We moved the slowest steps of our build to a shared cache and measured every change for a month.' \
	    'The results surprised us: the cache paid for itself within a week of use across the team.' \
	    'How a small team cut its build times in half' | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .author]' "$TMP/o")" = '["2015-07-10","Jane Doe"]' ]
	tests_check_lines "$TMP/o" <(printf '%s\n\n%s\n\n%s\n\n%s\n\nby Jane Doe July 10, 2015\n' 'How a small team cut its build times in half' \
	    'We moved the slowest steps of our build to a shared cache and measured every change for a month.' \
	    'The results surprised us: the cache paid for itself within a week of use across the team.' \
	    'How a small team cut its build times in half')
}

@test "split-article: a dateline under the last paragraph, a pen name, a labelled source link; a dateline above the title; 'Theo NAME' is the author (issue 12)" {
	f=$NU_ROOT/tests/fixtures/split-vi/tail-meta.txt
	split-article "$f" > "$TMP/o"
	[ "$(jq -c '[.title, .date, .dateline, .author, .url]' "$TMP/o")" = '["Xã đảo mở lớp học bơi miễn phí cho trẻ em trong dịp hè","--06-16","Chiều 16/6","Minh Khang","http://baotinh.example.vn/xa-dao-mo-lop-hoc-boi.html"]' ]
	# the lead opens with the same words: the dateline line is kept too
	[ "$(jq -c '[.boilerplate[] | select(.role == "dateline") | .line]' "$TMP/o")" = '[5]' ]
	tests_check_lines "$TMP/o" "$f"
	f=$NU_ROOT/tests/fixtures/split-vi/date-above-title.txt
	split-article "$f" > "$TMP/o"
	[ "$(jq -c '[.line, .title, .date, .time, .author]' "$TMP/o")" = '[1,"Chợ nổi họp lại sau ba tháng sửa chữa bến thuyền","2017-02-28","21:09","Hữu Huỳnh"]' ]
	tests_check_lines "$TMP/o" "$f"
}

@test "split-article: bylines a byte test must not rule out: a no-break space and a capital with a mark first, an en dash, (TH), capitals after blanks" {
	# nu_meta_byline rules out most lines by their bytes before PCRE2;
	# these forms pass only if that test leaves non-ASCII to PCRE2
	title='Đoàn công tác tỉnh Lào Cai thăm và làm việc tại châu Văn Sơn'
	lead='Chiều 26/1, đoàn công tác tỉnh Lào Cai đã tới thăm và gặp mặt xã giao lãnh đạo châu Văn Sơn, tỉnh Vân Nam (Trung Quốc).'
	while IFS='|' read -r by want; do
		printf '%s\n\n%s\n\n%s\n' "$title" "$lead" "$by" | split-article > "$TMP/o"
		got=$(jq -c '[.author, .agency]' "$TMP/o")
		[ "$got" = "$want" ] || { echo "$by -> $got"; return 1; }
	done <<-END
	$(printf '\302\240')ẢNH: Phi Anh|["Phi Anh",null]
	Lê Anh – Nguồn: laodong.vn|["Lê Anh","laodong.vn"]
	Hạ Huyền (TH)|["Hạ Huyền",null]
	  THEO TTXVN|[null,"TTXVN"]
	By Jane Doe, Reuters|["Jane Doe","Reuters"]
	END
}

@test "split-article: a page may start at a title opening with a single quote, at an acronym after a site's name and at a date right after a date with its year; not inside 'don't', a number or after a colon (issue 12)" {
	# every glue point starts a page (eager_model)
	eager_model
	printf '%s\n' 'Hà Nội họp bàn về hệ thống loa phường ở các quận' '' \
	    "Nguồn: vnexpress.net'Xã hội đen' Hải Phòng xây nhà trái phép" \
	    'Theo vnexpress.netTP HCM muốn có tuyến buýt mới' \
	    '12/01/201720/11/18 00:00' \
	    "He said he don't know the 1.200.000 figure from 2016" \
	    'Đại hội lần thứ III:Xây dựng Đảng bộ trong sạch, vững mạnh' > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r '.title, .dateline' "$TMP/out.jsonl"
	[[ "$output" == *"Xã hội đen' Hải Phòng xây nhà trái phép"* ]]
	[[ "$output" == *"TP HCM muốn có tuyến buýt mới"* ]]
	[[ "$output" == *"20/11/18 00:00"* ]]
	[[ "$output" != *$'\n\'t know'* ]]
	[[ "$output" != *$'\n200.000'* ]]
	[[ "$output" != *$'\n000 figure'* ]]
	[[ "$output" != *$'\nXây dựng Đảng bộ'* ]]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: a glued title opening with an acronym may start a page after a share bar, a byline or a date with its year, wherever in the line; not inside a word in capitals nor after a plain word (issue 12)" {
	# every glue point starts a page (eager_model); each form at a
	# line's start and after 40 bytes (the 16-byte scan and the bytewise
	# one); the share bar ends in a Vietnamese letter, whose last byte
	# is no ASCII lowercase letter
	eager_model
	pad='Một đoạn văn có đủ chữ để vượt qua mười sáu byte đầu: '
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    'Chia sẻCA TP.HCM tiếp tục đảm bảo an ninh sau Tết' \
	    'Theo Tuổi trẻUBND tỉnh họp bàn về mùa lũ' \
	    '26/09/2017HTC 11 ra mắt với cấu hình mạnh' \
	    "${pad}03/01/2018HVG giải trình lãi thành lỗ" \
	    'TIN LIÊN QUAN' 'THỨ BẢY, NGÀY 23/09/2017 - 23:10' \
	    'Ông nói với VnEXPRESS rằng mọi việc vẫn ổn' > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	for want in 'CA TP.HCM tiếp tục' 'UBND tỉnh họp bàn' 'HTC 11 ra mắt' \
	    'HVG giải trình'; do
		[[ "$output" == *$'\n'"$want"* ]] || { echo "no page at $want"; return 1; }
	done
	for torn in AN ẢY EXPRESS; do
		[[ "$output" != *$'\n'"$torn"* ]] || { echo "torn at $torn"; return 1; }
	done
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: a byline of a writer and a source (Tri Thu (t/h) Theo Đời sống Plus, Minh Trang theo Phonearena) ends a page: a title glued to it starts the next; a sentence with theo does not (issue 12)" {
	# every glue point starts a page (eager_model)
	eager_model
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    'Tri Thu (t/h) Theo Đời sống PlusCông an Hà Nam bắt 18 đối tượng' \
	    'Minh Trang theo PhonearenaSamsung ra mắt điện thoại mới' \
	    'Giá vàng hôm nay tăng theo USDMỹ mà không giảm' > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	[[ "$output" == *$'\nCông an Hà Nam bắt 18 đối tượng'* ]]
	[[ "$output" == *$'\nSamsung ra mắt điện thoại mới'* ]]
	[[ "$output" != *$'\nMỹ mà'* ]]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: signatures as sites print them under the article: marks after a name, an outlet after a slash or dash, a one-word pen name, initials (T.Lê, T.L, T.H), a writers' label (PV) or code (TTH), degrees before a name, names joined by a dash with or without blanks, a source alone in brackets, a label line above a name; a dateline line with a year over the lead's date (issue 12)" {
	# forms seen at the end of real articles (tests/realdata/split: the
	# vn sets' corpus); a name of one word or a place's name only where
	# a name alone is the article's last line
	title='Đoàn công tác tỉnh Lào Cai thăm và làm việc tại châu Văn Sơn'
	lead='Đoàn công tác tỉnh Lào Cai đã tới thăm và gặp mặt xã giao lãnh đạo châu Văn Sơn, tỉnh Vân Nam (Trung Quốc).'
	while IFS='|' read -r by want; do
		printf '%s\n\n%s\n\n%s\n\nTin liên quan\n' "$title" "$lead" "$by" | split-article > "$TMP/o"
		got=$(jq -c '[.author, .agency, ([.body // "" | split("\n")[] | select(. == "'"$by"'")] | length)]' "$TMP/o")
		[ "$got" = "$want" ] || { echo "$by -> $got"; return 1; }
	done <<-END
	Hoàng (TH)|["Hoàng",null,0]
	Tuệ Minh (lược dịch)|["Tuệ Minh",null,0]
	Văn Đức (TTXVN)|["Văn Đức","TTXVN",0]
	Trọng Phú/vov|["Trọng Phú","vov",0]
	Trần Huyền/VOV-Đông Bắc|["Trần Huyền","VOV-Đông Bắc",0]
	TTXVN/Văn Đức|["Văn Đức","TTXVN",0]
	Chu Huyền Theo Đời sống Plus|["Chu Huyền","Đời sống Plus",0]
	Thu Hằng - Trọng Hiếu - Nguồn: baomoi.com|["Thu Hằng - Trọng Hiếu","baomoi.com",0]
	An Nhiên (T/H) Theo Đời sống Plus|["An Nhiên","Đời sống Plus",0]
	Zing.vn (TH)|["Zing.vn",null,0]
	Webmaster Vnexpress.Net|["Webmaster Vnexpress.Net",null,0]
	Thái Bình|["Thái Bình",null,0]
	Nguyên Hồng -|["Nguyên Hồng",null,0]
	Theo Hoàng|["Hoàng",null,0]
	T.Lê|["T.Lê",null,0]
	H. Nam|["H. Nam",null,0]
	N.T.Hà|["N.T.Hà",null,0]
	L.TUYẾT|["L.TUYẾT",null,0]
	T.L|["T.L",null,0]
	M.Anh (Tổng hợp)|["M.Anh",null,0]
	V.H (t/hợp)|["V.H",null,0]
	PV.|["PV",null,0]
	Nhóm PHÓNG VIÊN|["Nhóm PHÓNG VIÊN",null,0]
	TTH|["TTH",null,0]
	Trung Hùng (Tổng hợp theo báo VOV, Tiền Phong)|["Trung Hùng","VOV, Tiền Phong",0]
	Nhật Quang (Tổng hợp từ Goal)|["Nhật Quang","Goal",0]
	VOV.VN|[null,"VOV.VN",0]
	BS.CKII. Lê Minh Tâm|["BS.CKII. Lê Minh Tâm",null,0]
	Nhà văn Lê Minh Tâm|["Nhà văn Lê Minh Tâm",null,0]
	HOÀNG LAN- MINH ĐỨC|["HOÀNG LAN- MINH ĐỨC",null,0]
	Ngọc Anh – Duy Hưng|["Ngọc Anh – Duy Hưng",null,0]
	CTV Hải Yến-Thu Trang/VOV-Tây Bắc|["CTV Hải Yến-Thu Trang","VOV-Tây Bắc",0]
	(Bongdaso)|[null,"Bongdaso",0]
	T.H|["T.H",null,0]
	(Video)|[null,null,1]
	(Updated)|[null,null,1]
	(Continued)|[null,null,1]
	Hà Nội-Hải Phòng|[null,null,1]
	(Ảnh: Reuters)|[null,null,1]
	(Còn nữa)|[null,null,1]
	Giống ngựa Appaloosa Sưu tầm|[null,null,1]
	Bảng xếp hạng V.League 2026/27|[null,null,1]
	END
	# a one-word name or a place above the lead is no byline; a label
	# line is one, and the name under it signs
	printf '%s\n\nHoàng\n\n%s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.body | split("\n") | length)]' "$TMP/o")" = '[null,2]' ]
	printf '%s\nNhóm PV\nHẠ HUYỀN\n%s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.body | split("\n") | length)]' "$TMP/o")" = '["HẠ HUYỀN",1]' ]
	# initials under the title sign; a photo credit's name gives way to
	# the writer's under it
	printf '%s\nT.Lê\n%s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.body | split("\n") | length)]' "$TMP/o")" = '["T.Lê",1]' ]
	# two whole names joined by an en dash sign under the title too; a
	# route between two places does not
	printf '%s\nNgọc Anh – Duy Hưng\n%s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.body | split("\n") | length)]' "$TMP/o")" = '["Ngọc Anh – Duy Hưng",1]' ]
	printf '%s\nKhoa - Tùng\n%s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.body | split("\n") | length)]' "$TMP/o")" = '["Khoa - Tùng",1]' ]
	printf '%s\n%s\nLào Cai – Hà Khẩu\n%s\n' "$title" "$lead" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, (.body | split("\n") | length)]' "$TMP/o")" = '[null,3]' ]
	printf '%s\n%s\nẢnh: Getty.\nThế Long\nChia sẻ bài viết\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -r .author "$TMP/o")" = 'Thế Long' ]
	# the lead's "Ngày 27/11" gives way to the dateline line with a year
	# under the article, after the name; a related item's date does not
	printf '%s\n%s\nKhánh Hương\n26/11/2018\nTin khác\nMột tiêu đề khác về chuyện giao thông hôm nay\n23/11/2018\n' \
	    "$title" "Ngày 27/11, $lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline, .author]' "$TMP/o")" = '["2018-11-26","26/11/2018","Khánh Hương"]' ]
	printf '%s\n%s\nTin khác\nMột tiêu đề khác về chuyện giao thông hôm nay\n23/11/2018\n' \
	    "$title" "Ngày 27/11, $lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline]' "$TMP/o")" = '["--11-27","Ngày 27/11"]' ]
}

@test "split-article: a teaser title that trails off under a section label; the lead's date after a standfirst; a dateline, source line or signature under an image is no caption (issue 12)" {
	title='Ai cũng tưởng biển số xe có điều gì lạ, bất ngờ khi biết sự thật lại là…'
	sapo='Một đoạn giới thiệu ngắn về bài viết, in đậm dưới tiêu đề của trang báo.'
	lead='hãy cùng điểm lại những hình ảnh được cộng đồng mạng chú ý và chia sẻ nhiều nhất trong tuần qua.'
	printf 'Đời sống\n%s\n\nĐêm 19/4, %s\n' "$title" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.title, .date, .dateline]' "$TMP/o")" = "[\"$title\",\"--04-19\",\"Đêm 19/4\"]" ]
	# an ellipsis makes no title of a line that is not shaped as one
	printf 'Đời sống\nvà rồi chuyện gì đã xảy ra…\n\nĐêm 19/4, %s\n' "$lead" | split-article > "$TMP/o"
	[ "$(jq -r '.title' "$TMP/o")" = 'Đời sống' ]
	# the standfirst, then the lead opening with the date
	printf 'Cựu nữ chủ tịch xã 45 tuổi đi thi THPT quốc gia\n%s\nChiều 24/6, %s\n' "$sapo" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline]' "$TMP/o")" = '["--06-24","Chiều 24/6"]' ]
	# ... and a dateline line under the article stands over it
	printf 'Cựu nữ chủ tịch xã 45 tuổi đi thi THPT quốc gia\n%s\nChiều 24/6, %s\nTối 26/6\nGửi bình luận\n' "$sapo" "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline]' "$TMP/o")" = '["--06-26","Tối 26/6"]' ]
	# the second paragraph's date is taken only after a standfirst
	printf 'Cựu nữ chủ tịch xã 45 tuổi đi thi THPT quốc gia\nPV\nChiều 24/6, %s\n' "$lead" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .dateline]' "$TMP/o")" = '["--06-24","Chiều 24/6"]' ]
	# a dateline under an image file name is the page's, not a caption
	printf 'Sắp khởi công 2 cầu vượt giải cứu Tân Sơn Nhất\n%s\nPhối cảnh cầu vượt.jpg\nngày 7 tháng 2 năm 2016 | 18:32\nTin liên quan\n' "$sapo" | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .time, (.images[0].caption // null)]' "$TMP/o")" = '["2016-02-07","18:32",null]' ]
	# ... and so is a source line or a signature; a photo credit is the
	# picture's caption
	for by in 'Theo soha.vn|[null,"soha.vn",null]' 'Hoàng (TH)|["Hoàng",null,null]' \
	    'Ảnh: Giang Huy|[null,null,"Ảnh: Giang Huy"]'; do
		printf 'Sắp khởi công 2 cầu vượt giải cứu Tân Sơn Nhất\n%s\nPhối cảnh cầu vượt.jpg\n%s\nTin liên quan\n' "$sapo" "${by%%|*}" | split-article > "$TMP/o"
		[ "$(jq -c '[.author, .agency, (.images[0].caption // null)]' "$TMP/o")" = "${by#*|}" ] || { jq -c . "$TMP/o"; return 1; }
	done
}

@test "split-article: no page starts after a short abbreviation, inside a version or inside a brand" {
	# a model that starts a page at every candidate it is shown: only
	# the glue points split-article offers decide where lines are cut,
	# and a page may start only where a page can end ('tw' of a share
	# bar), not after 'TP.' or 'Q.', inside '7.0.0', 'iPhone' or a list
	# item's 'PlayStation' (issue 12: lines torn inside a word)
	eager_model
	printf '%s\n' 'Hà Nội họp bàn về hệ thống loa phường ở các quận' '' \
	    'Ông Nguyễn Văn An - Chủ tịch UBND TP.Hà Nội yêu cầu các sở đánh giá loa phường.' \
	    'Người dân Q.Bình Thạnh cho biết loa phường phát vào sáng sớm' \
	    'Ứng dụng LINE 7.0.0 ra mắt với nhiều cập nhật quan trọng' \
	    'iPhone và iPad sẽ buộc phải lên đời để chạy ứng dụng 64-bit' \
	    '  •These are the 8 coolest PlayStation VR games' \
	    'fb yt zl twLào Cai nhận giải thưởng lớn' > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	[[ "$output" == *"Lào Cai nhận giải thưởng lớn"* ]]
	[[ "$output" != *$'\nHà Nội yêu cầu'* ]]
	[[ "$output" != *$'\nBình Thạnh'* ]]
	[[ "$output" != *$'\n0.0 ra mắt'* ]]
	[[ "$output" != *$'\nPhone và iPad'* ]]
	[[ "$output" != *$'\nStation VR'* ]]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: the writer's name right under an English title (no list knows it, in capitals, with an initial, double-barrelled), with a date, an agency or a reading time after it; no common words, no Vietnamese label (issue 12)" {
	lead='For more than a decade the Web has used XMLHttpRequest (XHR) to achieve asynchronous requests in JavaScript.'
	for by in 'Nikhil Marathe|["Nikhil Marathe",null,null]' \
	    'NATALIYA VASILYEVA|["NATALIYA VASILYEVA",null,null]' \
	    'John C. Welch|["John C. Welch",null,null]' \
	    'Gina Roberts-Grey|["Gina Roberts-Grey",null,null]' \
	    'Jane Doe and John Roe|["Jane Doe and John Roe",null,null]' \
	    'By GILLIAN MOHNEY March 11, 2015 3:46 PM|["GILLIAN MOHNEY",null,"2015-03-11"]' \
	    'By Jane Doe on January 5, 2024|["Jane Doe",null,"2024-01-05"]' \
	    'Nikhil Marathe, The Associated Press|["Nikhil Marathe","The Associated Press",null]' \
	    'Vincent Vallet · 8 min read|["Vincent Vallet",null,null]' \
	    'Bradley M. Kuhn (http://ebb.org/bkuhn/)|[null,null,null]' \
	    'Creator Name|[null,null,null]' 'Follow Author|[null,null,null]' \
	    'Breaking News|[null,null,null]' 'Chapter Text|[null,null,null]'; do
		printf 'This API is so Fetching!\n\n%s\n\n%s\n' "${by%%|*}" "$lead" | split-article > "$TMP/o"
		[ "$(jq -c '[.author, .agency, .date]' "$TMP/o")" = "${by#*|}" ] || { echo "${by%%|*}"; jq -c . "$TMP/o"; return 1; }
	done
	# a kicker between the name and the lead does not matter
	printf 'Just-released Minecraft exploit makes it easy to crash game servers\nDan Goodin\nBiz & IT —\nTwo-year-old bug exposes thousands of servers to crippling attack.\n%s\n' "$lead" | split-article > "$TMP/o"
	[ "$(jq -r .author "$TMP/o")" = 'Dan Goodin' ]
	# a Vietnamese label under a dateline is no person's name: the
	# label itself is the writer the page gives (the reporters' desk)
	printf 'Người đi xe đạp điện chém chết tài xế ôtô ở Trung Quốc thoát tội\n04.09.18 - 00:00\nNhóm PV\nCảnh sát Trung Quốc xác định việc người đi xe đạp điện chém chết một tài xế ôtô có hành động gây hấn trước là tự vệ.\n' | split-article > "$TMP/o"
	[ "$(jq -c '[.author, .date]' "$TMP/o")" = '["Nhóm PV","2018-09-04"]' ]
	# the name line is kept, as the byline
	[ "$(printf 'This API is so Fetching!\n\nNikhil Marathe\n\n%s\n' "$lead" | split-article | jq -r '.boilerplate[0].role')" = byline ]
}

@test "split-article: 'Thứ nhật' is read as a weekday before a date (issue 12)" {
	printf 'Chiếc lốp thứ hai của máy bay Vietjet được tìm thấy\nThứ nhật ngày 02/12/2018 00:00\nTheo đại diện Cục Hàng không, sáng 2/12, bánh máy bay thứ hai bị văng ra sau sự cố hạ cánh đã được tìm thấy.\n' | split-article > "$TMP/o"
	[ "$(jq -c '[.date, .time]' "$TMP/o")" = '["2018-12-02","00:00"]' ]
}

@test "split-article: a source line naming a site stands over the writer's own outlet; 'Nguồn: site' under the last image is no caption; a comment header in capitals is no name (issue 12)" {
	t='Thói quen Bill Gates đã từ bỏ để thành công'
	p='Để thành công với Microsoft, biểu tượng của giới công nghệ, tỷ phú đã phải từ bỏ nhiều thói quen xấu.'
	printf '%s\n%s\nHà Thu (theo CNBC)\nNguồn: vov.vn\n' "$t" "$p" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, .agency]' "$TMP/o")" = '["Hà Thu","vov.vn"]' ]
	printf '%s\n%s\nTheo An Bình – Ảnh: Tổng Hợp (Khám Phá)\nTheo kenh14.vn\n' "$t" "$p" | split-article > "$TMP/o"
	[ "$(jq -c '[.author, .agency]' "$TMP/o")" = '["An Bình","kenh14.vn"]' ]
	# an outlet that is no site does not stand over one before it
	printf '%s\n%s\nTheo dantri.com.vn\nNguồn: Internet\n' "$t" "$p" | split-article > "$TMP/o"
	[ "$(jq -r .agency "$TMP/o")" = 'dantri.com.vn' ]
	printf '%s\n%s\nanh-72130838.jpg\nNguồn: cafef.vn\nTin khác\n' "$t" "$p" | split-article > "$TMP/o"
	[ "$(jq -c '[.agency, (.images[0].caption // null)]' "$TMP/o")" = '["cafef.vn",null]' ]
	# a photo credit stays the picture's
	printf '%s\n%s\nanh-72130838.jpg\nẢnh: Giang Huy\nTin khác\n' "$t" "$p" | split-article > "$TMP/o"
	[ "$(jq -c '[.agency, .images[0].caption]' "$TMP/o")" = '[null,"Ảnh: Giang Huy"]' ]
	printf '%s\n%s\n(t/h)\nBÌNH LUẬN\nCó thể bạn quan tâm\n' "$t" "$p" | split-article > "$TMP/o"
	[ "$(jq -r .author "$TMP/o")" = null ]
	# a writer's name in capitals there still is one
	printf '%s\n%s\nTHU HẰNG\nCó thể bạn quan tâm\n' "$t" "$p" | split-article > "$TMP/o"
	[ "$(jq -r .author "$TMP/o")" = 'THU HẰNG' ]
}

@test "split-article: the title under a menu and a dateline; a short title with its writer's name under it; a paragraph wrapped at 100 columns is no title (issue 12)" {
	printf 'Đời sống\n18-1-2019\nTất cả lời gièm pha về iPhone mới đã biến mất\nMặc dù iPhone 7 ra mắt cách đây vài tháng, chỉ đến khi Apple công bố thống kê tài chính giai đoạn kỳ nghỉ cuối năm.\n' | split-article > "$TMP/o"
	[ "$(jq -c '[.title, .date, .boilerplate[0].role]' "$TMP/o")" = '["Tất cả lời gièm pha về iPhone mới đã biến mất","2019-01-18","navigation"]' ]
	printf 'Trang chủ\nThời sự\nXã hội\nĐăng lúc: 11/12/2017 15:55\nTử hình kẻ giết bảo vệ trạm bơm vì không được gửi xe\nNgày 6/12, TAND Cấp cao tại TP. HCM mở phiên toà xét xử phúc thẩm đối với bị cáo về tội giết người.\n' | split-article > "$TMP/o"
	[ "$(jq -c '[.title, .date, .time]' "$TMP/o")" = '["Tử hình kẻ giết bảo vệ trạm bơm vì không được gửi xe","2017-12-11","15:55"]' ]
	# a dateline line under the title stays the title's
	printf 'Vì sao " thiếu gia " điện gió miền Tây Tô Công Lý bị bắt? Báo chí đưa tin chi tiết\nngày 27 tháng 9 năm 2018 | 18:57\nÔng Tô Công Lý, Phó tổng giám đốc Công ty Công Lý bị bắt giam để điều tra về hành vi lừa đảo.\n' | split-article > "$TMP/o"
	[ "$(jq -c '[.title, .date]' "$TMP/o")" = '["Vì sao \" thiếu gia \" điện gió miền Tây Tô Công Lý bị bắt? Báo chí đưa tin chi tiết","2018-09-27"]' ]
	lorem='Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut'
	printf 'Some Other Title\n\nJane Doe\n\nTest document title\n\n%s\nlabore et dolore magna aliqua.\n' "$lorem" | split-article > "$TMP/o"
	[ "$(jq -c '[.title, .author]' "$TMP/o")" = '["Some Other Title","Jane Doe"]' ]
	printf 'Base URL test\n\nTest document title\n\n%s\nlabore et dolore magna aliqua.\n' "$lorem" | split-article > "$TMP/o"
	[ "$(jq -r .title "$TMP/o")" = 'Base URL test' ]
}

@test "split-article: no glue point inside a camel-case or code word, a URL, a path or site name (Guide/Download, TheAtlantic.com), a name with an apostrophe, an acronym's plural or a counter; a video's clock opens no page; a title opening with a number, with The after a capitalised word or with an acronym after a sentence may (issue 12)" {
	# every glue point starts a page (eager_model)
	eager_model
	lorem='Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur, excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.'
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    'console.log(reqHeaders.getAll("X-Custom-Header")); // ["ProcessThisImmediately"]' \
	    "Published by O'Reilly Media, with animated cat GIFs" \
	    'Photo: Mark Stout/iStock/Getty Images' \
	    '        ETag: "1382694045000"' \
	    '    11Comments. Click to view comments' \
	    'See https://www.facebook.com/AmbassadeFranceVietnam/posts/1991978204410928' \
	    'Xe dùng vật liệu vỏ nhôm nhẹ thay cho thép, trang bị động cơ EcoBoost V6 3.5 lít của Ford' \
	    'Video: Công nhân phấn khởi khi nhận tin thưởng Tết sớm' '00:00 / 01:45' \
	    'Like Share10 tính năng mới của điện thoại' \
	    '© 2019 The Atlantic Monthly GroupThe birth lottery and economic mobility' \
	    "${lorem}RTL Test" \
	    'BeginnersGuide/Download - Python Wiki' \
	    'Copyright (c) 2020 by TheAtlantic.com, all rights reserved' > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	for torn in Immediately ThisImmediately Reilly Stock Fs Tag Comments \
	    Vietnam/posts FranceVietnam Boost 00:00 Guide/Download Atlantic.com; do
		[[ "$output" != *$'\n'"$torn"* ]]
	done
	# the clock (line 12) opens no record
	! jq -e 'select(.line == 12)' "$TMP/out.jsonl" > /dev/null
	[[ "$output" == *$'\n10 tính năng mới của điện thoại'* ]]
	[[ "$output" == *$'\nThe birth lottery and economic mobility'* ]]
	[[ "$output" == *$'\nRTL Test'* ]]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: a glued title opening with an acronym after a sentence's stop starts a page wherever in the line it lies (issue 12; the 16-byte scan once saw it in a line's first 5 or last 17 bytes only)" {
	# every glue point starts a page (eager_model); the form in a
	# paragraph and at the end of a line of 900 bytes, the glue point
	# moved one byte further for each of 16 runs, so that it falls on
	# every byte of the scan's 16
	eager_model
	lorem='Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur, excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.'
	long="$lorem $lorem $lorem $lorem"
	{
		printf '%s\n' 'Trang một có tiêu đề dài ở đây' ''
		pad=
		for k in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
			while IFS='|' read -r g t; do
				printf '%s\n' "$lorem ${g//@/$pad}$t, part $k" \
				    "$long ${g//@/${pad}y}$t, part $k again"
			done <<-'EOF'
			Read more@.|NASA picks three sites for the next lunar landing
			The vote was close@.|NATO agencies warn of a hard winter in the north
			EOF
			pad=${pad}x
		done
		printf '%s\n' "$lorem"
	} > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	for t in 'NASA picks three sites' 'NATO agencies warn'; do
		n=$(jq -r .title "$TMP/out.jsonl" | grep -c "^$t" || true)
		[ "$n" -eq 32 ] || { echo "$t: $n of 32"; return 1; }
	done
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: a title under the signature that closed a page of prose starts a page when a dateline or paragraph follows it, unless the model is sure it does not; a signature under the title is the page's own (issue 12, VFND plain layout)" {
	# the model never starts a page by itself and never vetoes one: the
	# rules decide
	page_model shy threshold=100000 rule-veto=-100000
	{
		printf '%s\n' 'Người dân vùng lũ khẩn trương dọn dẹp nhà cửa sau khi nước rút' \
		    '05/12/16 08:30' \
		    'Sau nhiều ngày ngập sâu, nước lũ tại các xã ven sông đã bắt đầu rút, người dân tranh thủ trở về dọn dẹp nhà cửa.' \
		    'Chính quyền địa phương huy động thanh niên và bộ đội giúp các hộ gia đình khơi thông cống rãnh, phun thuốc khử trùng.' \
		    '(TH)' \
		    'Tưởng nhặt được cục vàng giữa ruộng, lão nông mang về nhà mới tá hỏa khi biết thứ bên trong thực ra là…' \
		    '04/12/16 19:46' \
		    'Trong lúc cày ruộng, một lão nông phát hiện vật thể lạ màu vàng óng nằm lẫn trong bùn đất và mang về nhà cất giữ.' \
		    'Sau khi được người thân kiểm tra, vật thể này hóa ra chỉ là một khối đồng cũ bị oxy hóa, không có giá trị gì.' \
		    'Theo vnexpress.net' \
		    'Đường đi bộ lát gỗ ven sông sắp hoàn thành' \
		    'Lo ngại mưa lũ, thành phố đẩy nhanh tiến độ tuyến đường đi bộ lát gỗ dài hơn một cây số dọc bờ sông.' \
		    'Công trình được kỳ vọng trở thành điểm đến mới của du khách khi hoàn thành vào cuối năm nay.'
	} > "$TMP/p.txt"
	run bash -c "split-article --model '$TMP/shy.model' '$TMP/p.txt' | jq -r .title"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = 'Tưởng nhặt được cục vàng giữa ruộng, lão nông mang về nhà mới tá hỏa khi biết thứ bên trong thực ra là…' ]
	[ "${lines[2]}" = 'Đường đi bộ lát gỗ ven sông sắp hoàn thành' ]
	[ "${#lines[@]}" -eq 3 ]
	printf '%s\n' 'Giá xăng giảm mạnh từ chiều nay' 'Minh Anh' \
	    'Những điều cần biết về đợt điều chỉnh' \
	    'Liên Bộ Công Thương - Tài chính vừa quyết định giảm giá xăng dầu, mức giảm cao nhất là 500 đồng một lít.' \
	    'Đây là lần giảm giá thứ hai liên tiếp trong tháng này theo diễn biến của giá dầu thế giới.' > "$TMP/q.txt"
	run bash -c "split-article --model '$TMP/shy.model' '$TMP/q.txt' | jq -r .title"
	[ "${#lines[@]}" -eq 1 ]
	# a model sure that no page starts there overrules the signature
	page_model sure threshold=100000 rule-veto=100000
	run bash -c "split-article --model '$TMP/sure.model' '$TMP/p.txt' | jq -r .title"
	[ "${#lines[@]}" -eq 1 ]
}

@test "split-article: a title glued to the signature that closed a page of prose (a name, a byline in capitals) starts a page at the glue point when a dateline follows, unless the model is sure it does not (issue 12, VFND plain layout glued)" {
	page_model shy threshold=100000 rule-veto=-100000
	printf '%s\n' 'Người dân vùng lũ khẩn trương dọn dẹp nhà cửa sau khi nước rút' \
	    '05/12/16 08:30' \
	    'Sau nhiều ngày ngập sâu, nước lũ tại các xã ven sông đã bắt đầu rút, người dân tranh thủ trở về dọn dẹp nhà cửa.' \
	    'Chính quyền địa phương huy động thanh niên và bộ đội giúp các hộ gia đình khơi thông cống rãnh, phun thuốc khử trùng.' \
	    'Minh AnhTP HCM khánh thành cầu vượt mới ở cửa ngõ phía đông' \
	    '06/12/16 10:00' \
	    'Chiều nay, thành phố đã khánh thành cầu vượt tại nút giao thông lớn nhất cửa ngõ phía đông sau hai năm thi công.' \
	    'Công trình giúp giảm ùn tắc cho hàng chục nghìn phương tiện qua lại mỗi ngày, nhất là vào giờ cao điểm.' \
	    'NGUYỄN HOÀNG“Cuộc chiến” chống hàng giả tại các chợ đầu mối' \
	    '07/12/16 09:20' \
	    'Lực lượng quản lý thị trường đã kiểm tra hàng loạt cửa hàng tại các chợ đầu mối và phát hiện nhiều sản phẩm không rõ nguồn gốc.' > "$TMP/p.txt"
	split-article --model "$TMP/shy.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	[ "${lines[1]}" = 'TP HCM khánh thành cầu vượt mới ở cửa ngõ phía đông' ]
	[ "${lines[2]}" = '“Cuộc chiến” chống hàng giả tại các chợ đầu mối' ]
	[ "${#lines[@]}" -eq 3 ]
	run jq -r '.author // empty' "$TMP/out.jsonl"
	[ "${lines[0]}" = 'Minh Anh' ]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
	# a model sure that no page starts there overrules the signature
	page_model sure threshold=100000 rule-veto=100000
	run bash -c "split-article --model '$TMP/sure.model' '$TMP/p.txt' | jq -r .title"
	[ "${#lines[@]}" -eq 1 ]
}

@test "split-article: no page opens with a line that ends with a word and a colon (a comment's header, a list's lead, a form's field); a site's decoration after a title (:: PIXNET ::) may (issue 12, rendered pages)" {
	# every line the model is asked about starts a page (eager_model)
	eager_model
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    'Nội dung bài viết thứ nhất rất dài và kết thúc bằng dấu chấm ở cuối câu này.' \
	    '15. Avatar Paige says:' \
	    'Nội dung bình luận rất dài của bạn đọc và kết thúc bằng dấu chấm ở cuối câu này.' \
	    'Reply' \
	    'Mùa lá đỏ trên núi cao :: PIXNET ::' '' \
	    'Nội dung bài viết thứ hai rất dài và kết thúc bằng dấu chấm ở cuối câu này.' > "$TMP/p.txt"
	run bash -c "split-article --model '$TMP/eager.model' '$TMP/p.txt' | jq -r '.title // empty'"
	[ "$status" -eq 0 ]
	[[ "$output" != *"says:"* ]]
	[[ "$output" == *"Mùa lá đỏ trên núi cao :: PIXNET ::"* ]]
}

@test "split-article: a long title ending with '?', '!' or an ellipsis is asked whether it starts a page; a paragraph of two sentences is not (issue 12, VFND newline misses)" {
	# every line asked starts a page (eager_model); 70 characters or
	# more and ending with a stop, these lines were paragraphs, never asked
	eager_model
	para='Người dân trong khu vực cho biết nước sông dâng rất nhanh trong đêm và nhiều hộ gia đình đã phải chuyển đồ đạc lên cao để tránh thiệt hại.'
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' "$para" \
	    'Nguồn: http://tinvn.info/trang-mot-co-tieu-de-dai-o-day.html' \
	    'Cứ tưởng nhặt được trứng khủng long giữa vườn, người đàn ông mang về nhà mới biết bên trong là…' \
	    "$para" 'Facebook Twitter Zalo' \
	    'Vì sao ngay cả khi mùa mưa đã qua, nước sông ở miền Trung vẫn chưa rút xuống mức an toàn?' \
	    "$para" \
	    'Người dân hỏi nước bao giờ rút? Chính quyền địa phương vẫn chưa thể trả lời câu hỏi đó lúc này?' \
	    "$para" '(TH)' \
	    'Sốc với những loại bùa ngải có thật, dấu hiệu khi bị dính và đây là cách phòng tránh !' \
	    "$para" > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	for t in 'Cứ tưởng nhặt được trứng khủng long giữa vườn, người đàn ông mang về nhà mới biết bên trong là…' \
	    'Vì sao ngay cả khi mùa mưa đã qua, nước sông ở miền Trung vẫn chưa rút xuống mức an toàn?' \
	    'Sốc với những loại bùa ngải có thật, dấu hiệu khi bị dính và đây là cách phòng tránh !'; do
		[[ "$output" == *$'\n'"$t"* ]]
	done
	[[ "$output" != *'Người dân hỏi'* ]]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: with the built-in model, a long title ending with an ellipsis after a share bar starts a page (issue 12, VFND newline misses)" {
	para='Người dân trong khu vực cho biết nước sông dâng rất nhanh trong đêm và nhiều hộ gia đình đã phải chuyển đồ đạc lên cao để tránh thiệt hại.'
	p2='Theo chính quyền địa phương, mực nước sẽ còn lên trong hai ngày tới, các lực lượng đã sẵn sàng ứng cứu người dân vùng trũng thấp ven sông.'
	t='Cứ tưởng nhặt được trứng khủng long giữa vườn, người đàn ông mang về nhà mới biết bên trong là…'
	# the layout of VFND's crawled pages: blank lines between, the
	# page's date and share bar at its end, the next title, its sapo
	printf '%s\n' 'Lũ lên nhanh ở miền Trung, nhiều nhà ngập sâu' '' "$para" \
	    '' "$p2" '' 'Tối 25/11' '' 'Facebook Twitter Zalo' "$t" '' \
	    "Ngày 4.12, $para" '' "$p2" > "$TMP/p.txt"
	split-article "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = "$t" ]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: no page starts inside a tag, an acronym's name, a byline's agency or a brand the page writes whole (issue 12, torn lines)" {
	# each the last line of a page (with its newline), the next page after it
	while IFS= read -r l; do
		{ cat "$SEEDS/002_7f9470d7252ef484.txt"
		  printf '\nỨng dụng mới chạy trên iPhone.\n%s\n' "$l"
		  cat "$SEEDS/003_71c212dbd1e2a1ea.txt"; } > "$TMP/t.txt"
		split-article "$TMP/t.txt" > "$TMP/o"
		[ "$(wc -l < "$TMP/o")" -eq 2 ]
		jq -r '.. | strings' "$TMP/o" | grep -qxF -- "$l"
		tests_check_lines "$TMP/o" "$TMP/t.txt"
	done <<'LINES'
#GameTechie
© 2024 NBCUniversal Media, LLC
Nguồn: MCVMedia L.H (T/h) Theo Đời sống Plus
Chi tiết tại www.facebook.com/VietnamAirlines hoặc tổng đài
inRead invented by Teads
TweetiPhone và iPad sẽ phải lên đời để chạy ứng dụng 64-bit
LINES
}

@test "split-article: no glue point right after a domain's dot: 'Theo Vnexpress.NetCụ bà ...' starts its page at 'Cụ', not inside the domain (issue 12, VFND glued)" {
	# a model that learnt a glue point after a dot (a sentence's stop)
	local ex='{"lines": ["Trang một có tiêu đề dài ở đây", "Nội dung bài viết thứ nhất rất dài và kết thúc bằng dấu chấm ở cuối câu này.", "Theo Thanhnien.Lào Cai nhận giải thưởng lớn", "Nội dung bài viết thứ hai rất dài và kết thúc bằng dấu chấm ở cuối câu này."], "starts": [[0, 0], [2, 15]]}' i

	for i in 1 2 3 4 5 6; do echo "$ex"; done > "$TMP/dot.jsonl"
	newsutils-train -t page-start -o "$TMP/dot.model" \
	    --meta threshold=-1000 --meta rule-veto=-1000 "$TMP/dot.jsonl"
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    'Nội dung bài viết thứ nhất rất dài và kết thúc bằng dấu chấm ở cuối câu này.' \
	    'Theo Vnexpress.NetCụ bà Nhật ăn cắp vặt để vào tù' \
	    'Nội dung bài viết thứ hai rất dài và kết thúc bằng dấu chấm ở cuối câu này.' \
	    'Nguồn: Thanhnien.VnHà Nội mưa lớn kéo dài' \
	    'Nội dung bài viết thứ ba rất dài và kết thúc bằng dấu chấm ở cuối câu này.' > "$TMP/p.txt"
	split-article --model "$TMP/dot.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	[ "${lines[1]}" = 'Cụ bà Nhật ăn cắp vặt để vào tù' ]
	[ "${lines[2]}" = 'Hà Nội mưa lớn kéo dài' ]
	# the sentence's stop before a title is still a glue point
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    'Nội dung bài viết thứ nhất rất dài và kết thúc bằng dấu chấm ở cuối câu này.Lào Cai nhận giải thưởng lớn' \
	    'Nội dung bài viết thứ hai rất dài và kết thúc bằng dấu chấm ở cuối câu này.' > "$TMP/q.txt"
	run bash -c "split-article --model '$TMP/dot.model' '$TMP/q.txt' | jq -r .title"
	[ "${lines[1]}" = 'Lào Cai nhận giải thưởng lớn' ]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "check-lines --starts: a line in two pieces passes only where a page of the gold starts (issue 12)" {
	printf 'Tin, ảnh: Phi AnhĐoàn công tác\nthân bài\n' > "$TMP/in.txt"
	printf '%s\n' '{"line":1,"body":"Tin, ảnh: Phi Anh"}' \
	    '{"line":1,"title":"Đoàn công tác","body":"thân bài"}' > "$TMP/r.jsonl"
	# the page starts after "Anh": byte 19 of line 1
	printf '1\t19\n' > "$TMP/gold"
	run "$NU_ROOT/tests/check-lines" --starts "$TMP/gold" "$TMP/in.txt" < "$TMP/r.jsonl"
	[ "$status" -eq 0 ]
	# the same records where the gold says the page starts elsewhere:
	# the program cut the line where no page starts
	printf '1\t17\n' > "$TMP/gold"
	run "$NU_ROOT/tests/check-lines" --starts "$TMP/gold" "$TMP/in.txt" < "$TMP/r.jsonl"
	[ "$status" -eq 1 ]
	[[ "$output" == *"missing: Tin, ảnh: Phi AnhĐoàn công tác"* ]]
	# two inputs and --starts: the line numbers would be ambiguous
	run "$NU_ROOT/tests/check-lines" --starts "$TMP/gold" "$TMP/in.txt" "$TMP/in.txt" < "$TMP/r.jsonl"
	[ "$status" -eq 2 ]
}

@test "check-lines: a line repeated word for word, one copy cut where a page starts, the other whole" {
	# line 3 is cut ("#" ends the first page, "Tag" opens the second),
	# line 5 is whole: the whole piece is line 5's, not line 3's
	printf 'Tin\nmột dòng\n#Tag\nthân bài\n#Tag\n' > "$TMP/in.txt"
	printf '%s\n' '{"line":1,"title":"Tin","body":"một dòng\n#"}' \
	    '{"line":3,"title":"Tag","body":"thân bài\n#Tag"}' > "$TMP/r.jsonl"
	"$NU_ROOT/tests/check-lines" "$TMP/in.txt" < "$TMP/r.jsonl"
	# and a cut where no record starts is still missing
	printf '%s\n' '{"line":1,"title":"Tin","body":"một dòng\n#"}' \
	    '{"line":2,"title":"Tag","body":"thân bài\n#Tag"}' > "$TMP/r.jsonl"
	run "$NU_ROOT/tests/check-lines" "$TMP/in.txt" < "$TMP/r.jsonl"
	[ "$status" -eq 1 ]
}

@test "split-article: a glued page whose title opens with an ASCII quote starts at the quote; a quote that closes the last page stays with it" {
	# the third sample's title in quotes, glued to the second's date:
	# "25/04/2022'Đoàn công tác' tỉnh Lào Cai ..."
	for f in "$SEEDS"/*.txt; do
		case $f in
		*/002_*) printf '%s' "$(sed "1s/^Đoàn công tác/'Đoàn công tác'/" "$f")" ;;
		*) printf '%s' "$(cat "$f")" ;;
		esac
	done > "$TMP/open.txt"
	grep -q "^25/04/2022'Đoàn công tác' tỉnh" "$TMP/open.txt"
	split-article "$TMP/open.txt" > "$TMP/open.jsonl"
	[ "$(jq -r 'select(.line == 133) | .title' "$TMP/open.jsonl")" = "'Đoàn công tác' tỉnh Lào Cai (Việt Nam) kết thúc tốt đẹp chuyến công tác tại tỉnh Vân Nam (Trung Quốc)" ]
	tests_check_lines "$TMP/open.jsonl" "$TMP/open.txt"
	# the second sample's last line ends with a quotation that closes:
	# "Theo 'Báo Lào Cai'Đoàn công tác ...", the title after the quote
	for f in "$SEEDS"/*.txt; do
		case $f in
		*/001_*) printf '%s' "$(sed "\$s/^25\/04\/2022\$/Theo 'Báo Lào Cai'/" "$f")" ;;
		*) printf '%s' "$(cat "$f")" ;;
		esac
	done > "$TMP/close.txt"
	grep -q "^Theo 'Báo Lào Cai'Đoàn công tác" "$TMP/close.txt"
	split-article "$TMP/close.txt" > "$TMP/close.jsonl"
	# the quote stays with the last page: no record opens at it or
	# inside the quoted name.  (Since the model reads the words a title
	# shares with the page before it, 2026-12-07, it no longer starts a
	# page in this line at all: the samples are five reports of one
	# visit, the title's words all in the page before; NEWS.md.)
	[ -z "$(jq -r 'select(.title != null) | .title | select(startswith("'"'"'") or startswith("Báo Lào Cai") or startswith("Lào Cai'"'"'"))' "$TMP/close.jsonl")" ]
	tests_check_lines "$TMP/close.jsonl" "$TMP/close.txt"
}

@test "split-article: the shipped page-start model is what tests/realdata/split/train gives (when the real sets are built)" {
	# the recipe averages 8 runs of the learner (--runs): a retrain on
	# the same data and features is byte for byte the committed model
	[ -f "$NU_ROOT/tests/realdata/split/out/et-dev.train.jsonl" ] ||
	    skip "real split sets not built (tests/realdata/split/run)"
	skip_under_asan
	run "$NU_ROOT/tests/realdata/split/train" --check
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"rebuilt byte for byte"* ]]
}

@test "newsutils-train: a page-start model learns from a line's words where a title opens a page and a heading of the same shape does not (issue 12)" {
	gen=$NU_ROOT/tests/fixtures/page-words/gen.awk
	awk -v seed=1 -v pages=80 -f "$gen" > "$TMP/train.txt"
	starts=$(awk -v seed=1 -v pages=80 -v starts=1 -f "$gen" | sed 's/.*/[&,0]/' | paste -sd,)
	jq -Rsc --argjson s "[$starts]" '{lines: (split("\n") | .[:-1]), starts: $s}' \
	    "$TMP/train.txt" > "$TMP/lab.jsonl"
	newsutils-train -t page-start -e 5 -o "$TMP/w.model" "$TMP/lab.jsonl"
	# other pages, other words: every title starts a record, no heading does
	awk -v seed=2 -v pages=30 -f "$gen" > "$TMP/test.txt"
	awk -v seed=2 -v pages=30 -v starts=1 -f "$gen" | while read -r n; do
		sed -n "$((n + 1))p" "$TMP/test.txt"; done > "$TMP/want"
	[ "$(wc -l < "$TMP/want")" -eq 30 ]
	split-article --model "$TMP/w.model" "$TMP/test.txt" | jq -r .title > "$TMP/got"
	diff "$TMP/want" "$TMP/got"
}

@test "split-article: a title glued to the last item of a menu (two to six words) may start a page; a one-word item, a note's number (^22), an apostrophe in capitals (TPG'S) may not (issue 12, rendered pages)" {
	# every glue point starts a page (eager_model)
	eager_model
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    '  • Privacy and Terms' \
	    '  • Ad Tech Advisory BoardReplace javascript links in the page' '' \
	    'Nội dung bài viết thứ hai rất dài và kết thúc bằng dấu chấm ở cuối câu này.' '' \
	    '^22Sometimes known as alert spam, as they are rarely read' \
	    "TPG'S BONUS VALUATION" "WHAT'S NEW" > "$TMP/p.txt"
	split-article --model "$TMP/eager.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run jq -r .title "$TMP/out.jsonl"
	[[ "$output" == *$'\nReplace javascript links in the page'* ]]
	[[ "$output" != *$'\nSometimes'* ]]
	[[ "$output" != *$'\n\'S '* ]]
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}

@test "split-article: a model's glue-word margin holds back a glue point between two letters (a torn word if no page starts there), not one after a stop or a share bar (issue 12, torn lines)" {
	for gw in 0 100000; do
		page_model gw$gw threshold=-1000 rule-veto=-1000 glue-word=$gw
	done
	printf '%s\n' 'Trang một có tiêu đề dài ở đây' '' \
	    'Nội dung bài viết thứ nhất rất dài và kết thúc bằng dấu chấm ở cuối câu này.' '' \
	    'Trong khi đó ở tỉnh bạnLào Cai nhận giải thưởng lớn' '' \
	    'Nội dung bài viết thứ hai rất dài và kết thúc bằng dấu chấm ở cuối câu này.' '' \
	    'Bản quyền thuộc về tòa soạn báo.Hà Giang đón khách du lịch' '' \
	    'Nội dung bài viết thứ ba rất dài và kết thúc bằng dấu chấm ở cuối câu này.' '' \
	    'fb yt zl twCao Bằng mở hội chợ mùa xuân' '' \
	    'Nội dung bài viết thứ tư rất dài và kết thúc bằng dấu chấm ở cuối câu này.' > "$TMP/p.txt"
	run bash -c "split-article --model '$TMP/gw0.model' '$TMP/p.txt' | jq -r .title"
	[[ "$output" == *$'\nLào Cai nhận giải thưởng lớn'* ]]
	[[ "$output" == *$'\nHà Giang đón khách du lịch'* ]]
	[[ "$output" == *$'\nCao Bằng mở hội chợ mùa xuân'* ]]
	run bash -c "split-article --model '$TMP/gw100000.model' '$TMP/p.txt' | jq -r .title"
	[[ "$output" != *$'\nLào Cai'* ]]
	[[ "$output" == *$'\nHà Giang đón khách du lịch'* ]]
	[[ "$output" == *$'\nCao Bằng mở hội chợ mùa xuân'* ]]
	split-article --model "$TMP/gw100000.model" "$TMP/p.txt" > "$TMP/out.jsonl"
	run tests_check_lines "$TMP/out.jsonl" "$TMP/p.txt"
	[ "$status" -eq 0 ]
}
