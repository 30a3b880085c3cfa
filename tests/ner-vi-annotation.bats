#!/usr/bin/env bats
# The Vietnamese NER annotation tools (tests/realdata/ner-vi): the inline
# [PER ...] format becomes standoff spans and span JSON Lines with the
# right code-point offsets; malformed marks and edited text are refused
# with file and line; agree gives exact-span F1. Sentences written here.
load helpers

NV=$NU_ROOT/tests/realdata/ner-vi

# a scratch NER_VI_DIR: two built sentences (one dev, one test) and a batch
mkdir_set() {
	export NER_VI_DIR=$TMP/set
	mkdir -p "$NER_VI_DIR/out" "$NER_VI_DIR/ann"
	printf 'A_1#0\tdev\tx.vn\tÔng Lê Văn Tư đến Đà Nẵng [sáng nay].\n' > "$NER_VI_DIR/out/sentences.tsv"
	printf 'A_2#3\ttest\ty.vn\tUBND tỉnh Lào Cai họp.\n' >> "$NER_VI_DIR/out/sentences.tsv"
}

@test "convert and join: offsets in code points, escaped brackets, one record per sentence" {
	mkdir_set
	printf 'A_1#0\tÔng [PER Lê Văn Tư] đến [LOC Đà Nẵng] \\[sáng nay\\].\nA_2#3\t[ORG UBND tỉnh Lào Cai] họp.\n' \
	    > "$NER_VI_DIR/ann/000.ann"
	run "$NV/convert"
	[ "$status" -eq 0 ]
	[ "$(jq -c .entities "$NER_VI_DIR/spans/000.jsonl" | head -1)" = '[[4,13,"PER"],[18,25,"LOC"]]' ]
	run "$NV/join"
	[ "$status" -eq 0 ]
	[ "$(jq -r '.text[.entities[0].start:.entities[0].end]' "$NER_VI_DIR/out/dev.jsonl")" = 'Lê Văn Tư' ]
	[ "$(jq -r '.entities[0].type' "$NER_VI_DIR/out/test.jsonl")" = ORG ]
	[ "$(wc -l < "$NER_VI_DIR/out/train.jsonl")" -eq 0 ]
}

@test "convert refuses a changed word, an unknown type and a nested mark, naming file and line" {
	mkdir_set
	printf 'A_1#0\tÔng [PER Lê Văn Tư] đến Đà Nẵng \\[chiều nay\\].\n' > "$NER_VI_DIR/ann/000.ann"
	run "$NV/convert"
	[ "$status" -ne 0 ]
	[[ "$output" == *"A_1#0: text differs"* ]]
	printf 'A_2#3\t[MISC UBND tỉnh Lào Cai] họp.\n' > "$NER_VI_DIR/ann/000.ann"
	run "$NV/convert"
	[ "$status" -ne 0 ]
	[[ "$output" == *"000.ann:1: col 1"* ]]
	printf 'A_2#3\t[ORG UBND [LOC tỉnh Lào Cai]] họp.\n' > "$NER_VI_DIR/ann/000.ann"
	run "$NV/convert"
	[ "$status" -ne 0 ]
	[[ "$output" == *"entity inside an entity"* ]]
}

@test "join refuses spans whose sentence text changed (sha1)" {
	mkdir_set
	printf 'A_2#3\t[ORG UBND tỉnh Lào Cai] họp.\n' > "$NER_VI_DIR/ann/000.ann"
	"$NV/convert"
	sed -i 's/họp/họp bàn/' "$NER_VI_DIR/out/sentences.tsv"
	run "$NV/join"
	[ "$status" -ne 0 ]
	[[ "$output" == *"A_2#3: text missing or changed"* ]]
}

@test "agree: exact-span F1 overall and per type" {
	mkdir_set
	printf 'A_1#0\tÔng [PER Lê Văn Tư] đến [LOC Đà Nẵng] \\[sáng nay\\].\nA_2#3\t[ORG UBND tỉnh Lào Cai] họp.\n' > "$TMP/a.ann"
	printf 'A_1#0\tÔng [PER Lê Văn Tư] đến [ORG Đà Nẵng] \\[sáng nay\\].\nA_2#3\tUBND [LOC tỉnh Lào Cai] họp.\n' > "$TMP/b.ann"
	run "$NV/agree" "$TMP/a.ann" "$TMP/b.ann"
	[ "$status" -eq 0 ]
	[[ "$output" == *"PER  1.000     1     1     1"* ]]
	[[ "$output" == *"all  0.333     3     3     1"* ]]
	[[ "$output" == *"span 0.667"* ]]
}

@test "render writes back the .ann that convert read (the committed spans are enough)" {
	mkdir_set
	printf 'A_1#0\tÔng [PER Lê Văn Tư] đến [LOC Đà Nẵng] \\[sáng nay\\].\nA_2#3\t[ORG UBND tỉnh Lào Cai] họp.\n' > "$TMP/a.ann"
	cp "$TMP/a.ann" "$NER_VI_DIR/ann/000.ann"
	"$NV/convert"
	rm "$NER_VI_DIR/ann/000.ann"
	run "$NV/render"
	[ "$status" -eq 0 ]
	cmp "$TMP/a.ann" "$NER_VI_DIR/ann/000.ann"
}

@test "convert -o: a second annotation goes to its own folder, never to spans/" {
	mkdir_set
	printf 'A_2#3\t[ORG UBND tỉnh Lào Cai] họp.\n' > "$NER_VI_DIR/ann/000.ann"
	printf 'A_2#3\tUBND [LOC tỉnh Lào Cai] họp.\n' > "$NER_VI_DIR/ann/000.second.ann"
	run "$NV/convert"
	[ "$status" -eq 0 ]
	[ ! -e "$NER_VI_DIR/spans/000.second.jsonl" ]
	run "$NV/convert" "$NER_VI_DIR/ann/000.second.ann"
	[ "$status" -ne 0 ]
	[[ "$output" == *"own folder"* ]]
	run "$NV/convert" -o spans-second "$NER_VI_DIR/ann/000.second.ann"
	[ "$status" -eq 0 ]
	[ "$(jq -c .entities "$NER_VI_DIR/spans-second/000.jsonl")" = '[[5,17,"LOC"]]' ]
	[ "$(jq -c .entities "$NER_VI_DIR/spans/000.jsonl")" = '[[0,17,"ORG"]]' ]
}

@test "the English news set runs the same tools on its own folder; join names its corpus en-news" {
	mkdir_set
	printf 'bbc-1#3\ttest\tbbc\tMr Obama met Angela Merkel in Berlin.\n' > "$NER_VI_DIR/out/sentences.tsv"
	printf 'bbc-1#3\tMr [PER Obama] met [PER Angela Merkel] in [LOC Berlin].\n' > "$NER_VI_DIR/ann/000.ann"
	run "$NU_ROOT/tests/realdata/ner-en-news/convert"
	[ "$status" -eq 0 ]
	run "$NU_ROOT/tests/realdata/ner-en-news/join"
	[ "$status" -eq 0 ]
	[ "$(jq -r '.corpus' "$NER_VI_DIR/out/test.jsonl")" = en-news ]
	[ "$(jq -r '.text[.entities[1].start:.entities[1].end]' "$NER_VI_DIR/out/test.jsonl")" = 'Angela Merkel' ]
	# the Vietnamese set still names its corpora by part
	printf 'A_1#0\tdev\tx.vn\tÔng Lê Văn Tư đến Đà Nẵng.\n' > "$NER_VI_DIR/out/sentences.tsv"
	printf 'A_1#0\tÔng [PER Lê Văn Tư] đến [LOC Đà Nẵng].\n' > "$NER_VI_DIR/ann/000.ann"
	"$NV/convert" 2>/dev/null
	"$NV/join" 2>/dev/null
	[ "$(jq -r '.corpus' "$NER_VI_DIR/out/dev.jsonl")" = vfnd-real ]
	# and part 2's sentences by their corpus
	printf 'vietnews/000123#4\ttest\tvietnews\tBà Hoa về Huế.\n' > "$NER_VI_DIR/out/sentences.tsv"
	printf 'vietnews/000123#4\tBà [PER Hoa] về [LOC Huế].\n' > "$NER_VI_DIR/ann/000.ann"
	"$NV/convert" 2>/dev/null
	"$NV/join" 2>/dev/null
	[ "$(jq -r '.corpus' "$NER_VI_DIR/out/test.jsonl")" = vietnews ]
}

# snapshot DIR PATH CONTENT [PATH CONTENT...]: a bare git dir DIR/repo whose HEAD holds the files
snapshot() {
	local d=$1 w=$1/work
	shift
	mkdir -p "$w"
	while [ $# -gt 1 ]; do
		mkdir -p "$w/$(dirname "$1")"
		printf '%s' "$2" > "$w/$1"
		shift 2
	done
	git -C "$w" init -q
	git -C "$w" add -A
	git -C "$w" -c user.name=t -c user.email=t@t commit -qm s
	git clone -q --bare "$w" "$d/repo"
}

# article_split ID N: the split the md5 of an article's ID gives (% N: 0 test, 1 dev, else train)
article_split() {
	local h
	h=$(printf '%s' "$1" | md5sum | cut -c1-32)
	case $(python3 -c "print(int('$h', 16) % $2)") in
	0) echo test ;; 1) echo dev ;; *) echo train ;;
	esac
}

# split_site SENTENCES PREFIX: the split/site pairs of the sentences whose id starts with PREFIX
split_site() {
	awk -F'\t' -v a="$2" 'index($1, a) == 1 { print $2 "/" $3 }' "$1" | sort -u
}

@test "English news build, parts 3 and 4: Wikinews report lines in batches of their own, split by article, markup and interviews left out" {
	snapshot "$TMP/rd" test/test-pages/bbc-1/expected.html \
	    '<p>Mr Obama met Angela Merkel in Berlin on Monday.</p>' \
	    test/test-pages/bbc-1/expected-metadata.json '{"lang": "en"}'
	snapshot "$TMP/tf" tests/evaldata.json '{}' tests/eval/x '' tests/cache/x ''
	long='The minister of finance met the central bank governor in the capital today.'
	report="Monday, May 4, 2020
The senate of Ruritania voted for the budget on Monday. $long

—A spokesman of the senate
Image: The senate building in the old town square.
██ On ballot in the northern provinces today.
Shares of Acme rose three percent in early trading on Tuesday."
	many=$(for i in $(seq 1 14); do printf 'Sentence number %s of a long article was written here.\n' "$i"; done
	    # beyond the cap (part 4): a repeat and a caption are left out there too
	    printf 'Sentence number 1 of a long article was written here.\n'
	    printf 'Image: The long article has a caption line after the cap.\n'
	    printf 'The last report line of the long article ends it here.\n')
	snapshot "$TMP/wn" data/wikinews_2019.csv "url,date,title,text
https://en.wikinews.org//wiki/Senate_votes,2020-05-04,Senate votes,\"$report\"
https://en.wikinews.org//wiki/Wikinews_interviews_X,2020-05-05,Interview,\"((WN)) What did the mayor of the city say then?\"
" data/wikinews_2020.csv "url,date,title,text
https://en.wikinews.org//wiki/Long_one,2020-06-01,Long,\"$many\"
"
	B=$NU_ROOT/tests/realdata/ner-en-news/build
	run "$B" "$TMP/rd/repo" "$TMP/tf/repo" "$TMP/plain"
	[ "$status" -eq 0 ]
	[ "$(ls "$TMP/plain/batches")" = 000.txt ]
	run "$B" --wikinews "$TMP/wn/repo" "$TMP/rd/repo" "$TMP/tf/repo" "$TMP/out"
	[ "$status" -eq 0 ]
	[[ $output == *"part 3 from 001, part 4 from 002"* ]]
	# parts 1 and 2 keep their bytes; part 3 starts a batch
	cmp "$TMP/plain/batches/000.txt" "$TMP/out/batches/000.txt"
	[ "$(grep '^wn:Senate_votes#' "$TMP/out/batches/001.txt" | cut -f2)" = "The senate of Ruritania voted for the budget on Monday.
$long
Shares of Acme rose three percent in early trading on Tuesday." ]
	! grep -q 'Monday, May\|spokesman\|Image:\|██\|mayor' "$TMP/out/batches/001.txt"
	# 12 sentences an article at most; ids wn:ARTICLE#LINE.N
	[ "$(grep -c '^wn:Long_one#' "$TMP/out/batches/001.txt")" -eq 12 ]
	[ "$(grep '^wn:Long_one#' "$TMP/out/batches/001.txt" | cut -f1 | tr '\n' ' ')" = "$(for i in $(seq 0 11); do printf 'wn:Long_one#%s.0 ' "$i"; done)" ]
	[ "$(wc -l < "$TMP/out/batches/001.txt")" -eq 15 ]
	# part 4: the rest of the articles' report sentences, beyond the cap, a batch of its own
	[ "$(cat "$TMP/out/batches/002.txt")" = "wn:Long_one#12.0	Sentence number 13 of a long article was written here.
wn:Long_one#13.0	Sentence number 14 of a long article was written here.
wn:Long_one#16.0	The last report line of the long article ends it here." ]
	[ "$(ls "$TMP/out/batches" | tr '\n' ' ')" = "000.txt 001.txt 002.txt " ]
	grep -q '^wn:Senate_votes#1\.1	' "$TMP/out/batches/001.txt"
	# the split is the article's (md5 of its id), the site column the source
	for a in Senate_votes Long_one; do
		[ "$(split_site "$TMP/out/sentences.tsv" "wn:$a#")" = "$(article_split "wn:$a" 4)/en.wikinews.org" ]
	done
	grep -q '^licence	CC BY 2.5' "$TMP/out/manifest.tsv"
	grep -q '^wikinews\.' "$TMP/out/manifest.tsv"
	grep -q '^wikinews\.part4\..*1 articles, 3 sentences$' "$TMP/out/manifest.tsv"
}

@test "English news build, part 5 (NTREX): each article's lines in order in batches of their own, split by outlet, a mismatched document list refused" {
	snapshot "$TMP/rd" test/test-pages/bbc-1/expected.html \
	    '<p>Mr Obama met Angela Merkel in Berlin on Monday.</p>' \
	    test/test-pages/bbc-1/expected-metadata.json '{"lang": "en"}'
	snapshot "$TMP/tf" tests/evaldata.json '{}' tests/eval/x '' tests/cache/x ''
	snapshot "$TMP/wn" data/wikinews_2019.csv "url,date,title,text
https://en.wikinews.org//wiki/Senate_votes,2020-05-04,Senate votes,\"The senate of Ruritania voted for the budget on Monday.\"
" data/wikinews_2020.csv "url,date,title,text
"
	text='Welsh AMs worried about looking like muppets
There is consternation among some members about the new title.
Short line.
Mr Obama met Angela Merkel in Berlin on Monday.
Reuters reported that shares of Acme rose three percent on Tuesday.
'
	snapshot "$TMP/nt" NTREX-128/newstest2019-src.eng.txt "$text" \
	    DOCUMENT_IDS.tsv "$(printf 'bbc.1\nbbc.1\nbbc.1\nbbc.1\nreuters.7\n')"
	B=$NU_ROOT/tests/realdata/ner-en-news/build
	run "$B" --wikinews "$TMP/wn/repo" "$TMP/rd/repo" "$TMP/tf/repo" "$TMP/plain"
	[ "$status" -eq 0 ]
	run "$B" --wikinews "$TMP/wn/repo" --ntrex "$TMP/nt/repo" "$TMP/rd/repo" "$TMP/tf/repo" "$TMP/out"
	[ "$status" -eq 0 ]
	[[ $output == *"part 5 from 002"* ]]
	# the earlier parts keep their bytes
	for b in 000 001; do cmp "$TMP/plain/batches/$b.txt" "$TMP/out/batches/$b.txt"; done
	# 5 words or more; a sentence met before (part 1 has Obama's) left out; ids OUTLET.N#LINE
	[ "$(grep '^ntrex:bbc\.1#' "$TMP/out/batches/002.txt" | cut -f1 | tr '\n' ' ')" = "ntrex:bbc.1#0 ntrex:bbc.1#1 " ]
	grep -q '^ntrex:reuters\.7#0	Reuters reported' "$TMP/out/batches/002.txt"
	[ "$(wc -l < "$TMP/out/batches/002.txt")" -eq 3 ]
	[ "$(split_site "$TMP/out/sentences.tsv" "ntrex:bbc.1#")" = "$(article_split bbc 4)/bbc" ]
	[ "$(split_site "$TMP/out/sentences.tsv" "ntrex:reuters.7#")" = "$(article_split reuters 4)/reuters" ]
	grep -q '^licence	CC BY-SA 4.0' "$TMP/out/manifest.tsv"
	# a document list one line short: refused, not silently misaligned
	snapshot "$TMP/bad" NTREX-128/newstest2019-src.eng.txt "$text" \
	    DOCUMENT_IDS.tsv "$(printf 'bbc.1\nbbc.1\nbbc.1\nbbc.1\n')"
	run "$B" --wikinews "$TMP/wn/repo" --ntrex "$TMP/bad/repo" "$TMP/rd/repo" "$TMP/tf/repo" "$TMP/out2"
	[ "$status" -ne 0 ]
	[[ $output == *"5 lines"*"4"* ]]
}

@test "English news manifest: parts 1-5 keep their batch checksums and counts, part 6 (L3S-GN1 sport, measure only) follows" {
	M=$NU_ROOT/tests/realdata/ner-en-news/manifest.tsv
	# batches 000-038 as annotated (spans/ hold their sha1s): a changed build must not move them
	[ "$(grep -E '^batch\.0([0-2][0-9]|3[0-8])\.txt' "$M" | sha1sum | cut -c1-40)" = 583a27755169446b5816c70ff0a04ef3128cab5f ]
	# part 4 (039-047) too, annotated: part 5 follows in batches of its own
	[ "$(grep -E '^batch\.0(39|4[0-7])\.txt' "$M" | sha1sum | cut -c1-40)" = 0b0bae33859f1f36a9d00c28748044bdceff2a1a ]
	# part 5 (048-055) too, annotated: part 6 follows in batches of its own
	[ "$(grep -E '^batch\.0(4[89]|5[0-5])\.txt' "$M" | sha1sum | cut -c1-40)" = 380a784de4a7043be078b27e8fe393bdbab3674c ]
	[ "$(grep -c '^batch\.' "$M")" -eq 60 ]
	grep -q '^wikinews\.train	135 articles, 1513 sentences$' "$M"
	grep -q '^wikinews\.dev	67 articles, 760 sentences$' "$M"
	grep -q '^wikinews\.test	71 articles, 792 sentences$' "$M"
	[ "$(grep -c '^wikinews\.part4\.' "$M")" -eq 3 ]
	grep -q '^sentences	14065$' "$M"
	# part 6 splits of their own (sports.*): research use only, never in train or dev
	grep -q '^l3s\.sports\.dev	43 pages, 170 sentences, 33 sites$' "$M"
	grep -q '^l3s\.sports\.test	38 pages, 149 sentences, 32 sites$' "$M"
	grep -q '^licence	research use only' "$M"
	grep -q '^ntrex\.train	78 articles, 1197 sentences, 10 outlets$' "$M"
	grep -q '^ntrex\.dev	20 articles, 305 sentences, 4 outlets$' "$M"
	grep -q '^ntrex\.test	25 articles, 449 sentences, 4 outlets$' "$M"
	grep -q '^licence	CC BY-SA 4.0' "$M"
}

# unc_file STEM N: a UNC article with a title of 3 words (too short: left out, id #0 counted),
# a sapo and N body sentences, every sentence its own (the stem in it)
unc_file() {
	printf '# doc_id = %s\n# url = https://dantri.com.vn/x/%s.htm\n# date = 20210401\n' "$1" "$1"
	printf 'Tin %s nhanh\n' "$1"
	printf 'Bài %s kể về đội bóng của thành phố trong mùa giải năm nay.\n' "$1"
	for i in $(seq 1 "$2"); do
		printf 'Câu thứ %s của bài %s nói về trận đấu hôm qua. ' "$i" "$1"
		[ $((i % 3)) -ne 0 ] || printf '\n'
	done
	printf '\n'
}

@test "Vietnamese build, parts 4 and 5 (UNC): batches of their own after the others', 40 articles a topic by md5, 12 sentences each, topics interleaved, split by article" {
	snapshot "$TMP/vf" Dataset/Real/Article_Contents/Real_1.json \
	    '{"title": "Ông Lê Văn Tư đến Đà Nẵng hôm nay", "text": "Bà Hoa về Huế thăm gia đình vào cuối tuần.", "source_domain": "vnexpress.net"}'
	local files=() n stem d=resources/CP_Vietnamese-UNC/datasets/CP_Vietnamese-UNC
	for n in $(seq -w 1 41); do
		files+=("$d/news_sport_0$n.txt" "$(unc_file "news_sport_0$n" 14)")
	done
	files+=("$d/news_world_001.txt" "$(unc_file news_world_001 2)"
	    "$d/news_world_002.txt" "$(printf '# doc_id = news_world_002\n# url = u\n# date = 20210401\nBà Hoa về Huế thăm gia đình vào cuối tuần.\nChỉ một câu khác của bài này thôi.\n')"
	    # outside the UNC folder: never read
	    "resources/other/news_world_900.txt" "$(unc_file news_world_900 2)")
	snapshot "$TMP/unc" "${files[@]}"
	B=$NU_ROOT/tests/realdata/ner-vi/build
	"$B" "$TMP/vf/repo" "$TMP/plain" 2>/dev/null
	run "$B" --unc "$TMP/unc/repo" "$TMP/vf/repo" "$TMP/out"
	[ "$status" -eq 0 ]
	[[ $output == *"part 4 (UNC, 484 sentences) from 001, part 5 (12 sentences) from 003"* ]]
	# the earlier part keeps its bytes; part 4 starts a batch: 40 x 12 + 3 + 1 = 484
	cmp "$TMP/plain/batches/000.txt" "$TMP/out/batches/000.txt"
	[ "$(ls "$TMP/out/batches" | tr '\n' ' ')" = "000.txt 001.txt 002.txt 003.txt " ]
	[ "$(cat "$TMP/out/batches/"00[12].txt | wc -l)" -eq 484 ]
	! grep -q news_world_900 "$TMP/out/sentences.tsv"
	# part 4: the 40 sport articles first by the md5 of the stem, 12 sentences each, ids
	# from #1; part 5 (batch 003): the 41st, where part 4 stopped
	md5order=$(for n in $(seq -w 1 41); do printf 'news_sport_0%s' "$n" | md5sum | sed "s/ .*/ news_sport_0$n/"; done | sort | cut -d' ' -f2)
	want=$(head -40 <<<"$md5order" | sort)
	[ "$(cat "$TMP/out/batches/"00[12].txt | grep -o '^unc:news_sport_[0-9]*' | sort -u | sed 's/^unc://')" = "$want" ]
	[ "$(grep -o '^unc:news_sport_[0-9]*' "$TMP/out/batches/003.txt" | sort -u)" = "unc:$(tail -1 <<<"$md5order")" ]
	for stem in $want; do
		[ "$(grep -c "^unc:$stem#" "$TMP/out/sentences.tsv")" -eq 12 ]
	done
	first=$(head -1 <<<"$want")
	[ "$(grep "^unc:$first#" "$TMP/out/sentences.tsv" | cut -f1 | head -3 | tr '\n' ' ')" = "unc:$first#1 unc:$first#2 unc:$first#3 " ]
	# a sentence an earlier part holds is not asked again
	[ "$(grep '^unc:news_world_002#' "$TMP/out/sentences.tsv" | cut -f1)" = 'unc:news_world_002#1' ]
	# topics interleaved: sport and world articles alternate while both last
	[ "$(cut -f1 "$TMP/out/batches/001.txt" | cut -d'#' -f1 | uniq | head -4 | sed 's/_[0-9]*$//' | tr '\n' ' ')" = "unc:news_sport unc:news_world unc:news_sport unc:news_world " ]
	# the split is the article's (md5 of unc:STEM % 5: 0 test, 1 dev), the site dantri's
	for stem in $want news_world_001 news_world_002; do
		[ "$(split_site "$TMP/out/sentences.tsv" "unc:$stem#")" = "$(article_split "unc:$stem" 5)/dantri.com.vn" ]
	done
	grep -q '^licence	GPL-3.0' "$TMP/out/manifest.tsv"
	[ "$(grep -c '^unc\.\(train\|dev\|test\)	' "$TMP/out/manifest.tsv")" -eq 3 ]
	# join names the corpus unc (score-ner -c: a table of its own)
	export NER_VI_DIR=$TMP/out-set
	mkdir -p "$NER_VI_DIR/ann"
	ln -s "$TMP/out" "$NER_VI_DIR/out"
	printf 'unc:news_world_002#1\tChỉ một câu khác của bài này thôi.\n' > "$NER_VI_DIR/ann/001.ann"
	"$NV/convert" 2>/dev/null
	"$NV/join" 2>/dev/null
	[ "$(cat "$TMP/out/"{train,dev,test}.jsonl | jq -r .corpus)" = unc ]
	# a file without its header lines: named with the line
	snapshot "$TMP/bad" "$d/news_world_001.txt" "$(printf '# doc_id = news_world_001\nTiêu đề bài báo không có dòng url.\n')"
	run "$B" --unc "$TMP/bad/repo" "$TMP/vf/repo" "$TMP/out2"
	[ "$status" -ne 0 ]
	[[ $output == *"$d/news_world_001.txt:2: expected a line '# url = ...'"* ]]
}

@test "Vietnamese manifest: batches 000-041 keep their checksums, parts 4 and 5 (UNC) follow from 042 and 061" {
	M=$NU_ROOT/tests/realdata/ner-vi/manifest.tsv
	# as annotated (spans/ hold their sentences' sha1s): a changed build must not move them
	[ "$(grep -E '^batch\.0([0-3][0-9]|4[01])\.txt' "$M" | sha1sum | cut -c1-40)" = 3b02ee0201720c307eb27895f54cc09ea70325d5 ]
	# part 4 (042-060) kept its bytes when part 5 came after it
	[ "$(grep -E '^batch\.0([0-5][0-9]|60)\.txt' "$M" | sha1sum | cut -c1-40)" = d80594076c8dc07ab28269793cab8710a8f06b28 ]
	grep -q '^commit	cbdb3c3ac065d49bd047dc55ad173181f9e846e3$' "$M"
	grep -q '^licence	GPL-3.0 (the repository' "$M"
	[ "$(grep -c '^batch\.' "$M")" -eq 80 ]
	grep -q '^unc\.train	453 articles, 5220 sentences$' "$M"
	grep -q '^unc\.dev	177 articles, 2013 sentences$' "$M"
	grep -q '^unc\.test	170 articles, 1988 sentences$' "$M"
	grep -q '^sentences	19379$' "$M"
}
