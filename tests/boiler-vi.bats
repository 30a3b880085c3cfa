#!/usr/bin/env bats
# The hand-labelled Vietnamese pages of strip-boilerplate (tests/realdata/boiler-vi):
# the committed standoff labels are well formed; expand, join and score work and
# refuse what they must. The page text is not committed, so the scratch page here
# is written for the test.
load helpers

BV=$NU_ROOT/tests/realdata/boiler-vi
LONG=$(printf 'Nguoi dan o xa Tan Hiep da mang lua ra cho ban tu sang som de kip chuyen xe hang vao thanh pho.')
MENU=$(printf 'Trang chu | Thoi su | The gioi | Kinh doanh | Giai tri | The thao | Phap luat | Giao duc | Suc khoe')

# a scratch set: one page of five lines, labelled by ranges
scratch() {
	export BOILER_VI_DIR=$TMP/set
	mkdir -p "$BOILER_VI_DIR/out/w3m" "$BOILER_VI_DIR/out/compact"
	printf 'Trang chủ\n\n%s\n%s\nTác giả\n' "$LONG" "$MENU" > "$BOILER_VI_DIR/out/w3m/p.txt"
	printf '1 navigation\n2-3 content # a blank line inside a range stays blank\n4 navigation\n5 byline\n' \
	    > "$BOILER_VI_DIR/out/compact/p.txt"
}

@test "committed labels: fifteen pages, lines numbered from 1, known roles, sha1s, blank lines empty" {
	[ "$(ls "$BV"/labels/*.tsv | wc -l)" -eq 15 ]
	run awk -F'\t' '
	    FNR == 1 { n = 0 }
	    { n++ }
	    $1 != n || NF != 3 || length($3) != 40 || $3 ~ /[^0-9a-f]/ { print FILENAME ":" FNR ": malformed"; bad = 1 }
	    ($2 == "blank") != ($3 == "da39a3ee5e6b4b0d3255bfef95601890afd80709") { print FILENAME ":" FNR ": blank"; bad = 1 }
	    $2 !~ /^(title|content|caption|dateline|byline|source-url|navigation|related-(title|header|summary|date)|share|comment-header|comment|advert|footer|image|caption-duplicate|duplicate|other|blank)$/ { print FILENAME ":" FNR ": role " $2; bad = 1 }
	    END { exit bad }' "$BV"/labels/*.tsv
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# every page has one title and some article lines
	for f in "$BV"/labels/*.tsv; do
		[ "$(cut -f2 "$f" | grep -cx title)" -eq 1 ]
	done
}

@test "expand turns ranges into standoff labels and refuses an uncovered or doubly covered line" {
	scratch
	run "$BV/expand" p
	[ "$status" -eq 0 ]
	[ "$(cut -f2 "$BOILER_VI_DIR/labels/p.tsv" | paste -sd,)" = navigation,blank,content,navigation,byline ]
	[ "$(sed -n 1p "$BOILER_VI_DIR/labels/p.tsv" | cut -f3)" = "$(printf 'Trang chủ' | sha1sum | cut -d' ' -f1)" ]
	printf '1 navigation\n3 content\n5 byline\n' > "$BOILER_VI_DIR/out/compact/p.txt"
	run "$BV/expand" p
	[ "$status" -ne 0 ]
	[[ "$output" == *"line 4 has no label"* ]]
	printf '1-5 navigation\n3 content\n' > "$BOILER_VI_DIR/out/compact/p.txt"
	run "$BV/expand" p
	[ "$status" -ne 0 ]
	[[ "$output" == *"line 3 already navigation"* ]]
}

@test "join rebuilds ROLE<TAB>LINE pages and refuses a rendering whose line changed" {
	scratch
	"$BV/expand" p
	run "$BV/join"
	[ "$status" -eq 0 ]
	[ "$(sed -n 3p "$BOILER_VI_DIR/out/labelled/p.roles")" = "$(printf 'content\t%s' "$LONG")" ]
	[ "$(sed -n 2p "$BOILER_VI_DIR/out/labelled/p.roles")" = "$(printf 'blank\t')" ]
	sed -i '5s/Tác/Tac/' "$BOILER_VI_DIR/out/w3m/p.txt"
	run "$BV/join"
	[ "$status" -ne 0 ]
	[[ "$output" == *"labels/p.tsv:5"*"sha1 differs"* ]]
}

@test "score: line F1 of a program's kept lines and of awk length>80, blank lines left out" {
	scratch
	"$BV/expand" p
	# keeps exactly the article lines 3 and 5 (and the blank line 2, which counts neither way)
	printf '#!/bin/sh\nprintf "2:\\n3:x\\n5:y\\n"\n' > "$TMP/perfect"
	chmod +x "$TMP/perfect"
	run "$BV/score" --prog "$TMP/perfect"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$(printf 'strip-boilerplate\t1.000\t1.000\t1.000\t1.000')"* ]]
	# awk keeps the long content line and the long menu, misses the short byline
	[[ "$output" == *"$(printf 'awk length>80\t0.500\t0.500\t0.500')"* ]]
}
