#!/usr/bin/env bats
# Held-out evaluation: split-article and strip-boilerplate on twenty pages
# written in the layouts of real sites (tests/fixtures/heldout/{dev,test,test2},
# sources with line labels in tests/fixtures/heldout/src, all built by
# src/build) that the rules were not written against.  Gold: tests/gold/heldout-{dev,test,test2}.json (line
# labels) and tests/gold/heldout-meta.jsonl (split-article fields, "set"
# says which set a page is in).  The tests print the scores; the floors are
# the scores measured when the suite was written minus a margin, so that a
# regression shows, not a target.  Tune the rules on dev only; look at test
# only to report.
load helpers

HO=$NU_ROOT/tests/fixtures/heldout
GOLD=$NU_ROOT/tests/gold

# f1_total TABLE: the F1 column of the **total** row of score-boilerplate
f1_total() {
	awk -F'|' '/\*\*total\*\*/ {gsub(/ /, "", $8); print $8}' <<<"$1"
}

# ge A B: A >= B for decimals
ge() {
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'
}

# boundaries SET: split-article on the set's pages glued as `cat` glues
# them; prints "records R pages P starts S titles T": R records, P pages,
# S records starting on a page's first line, T of those with the gold title
boundaries() {
	local d=$HO/$1 starts= n=1 f
	for f in "$d"/*.txt; do
		starts+="$n,"
		n=$((n + $(wc -l < "$f")))
	done
	cat "$d"/*.txt | split-article > "$TMP/rec"
	jq -r --arg s "$1" 'select(.set == $s) | .title' "$GOLD/heldout-meta.jsonl" \
	    > "$TMP/titles"
	jq -rs --argjson st "[${starts%,}]" --rawfile t "$TMP/titles" '
	    ($t | rtrimstr("\n") | split("\n")) as $titles
	    | [.[] | .line as $l | ($st | index([$l])) as $i
	       | select($i != null) | {i: $i, ok: (.title == $titles[$i])}] as $hit
	    | "records \(length) pages \($st | length) starts \($hit | length) titles \([$hit[] | select(.ok)] | length)"' \
	    "$TMP/rec"
}

# fields SET: split-article fields right on the set's pages ("C/T")
fields() {
	jq -c --arg s "$1" 'select(.set == $s)' "$GOLD/heldout-meta.jsonl" > "$TMP/meta"
	"$NU_ROOT/tests/score-split-article" "$TMP/meta" "$HO/$1" 2> "$TMP/err" || true
	cat "$TMP/err"
}

# consistent SET...: the gold labels of the sets agree with their pages
consistent() {
	local set page f l
	for set in "$@"; do
		for page in $(jq -r 'keys[] | select(. != "_doc")' "$GOLD/heldout-$set.json"); do
			f=$HO/$set/$page
			[ -r "$f" ]
			# labelled lines are non-blank, inside the file, labelled once
			jq -r --arg p "$page" '.[$p] | (.content + .meta + (.alt | flatten))[]' \
			    "$GOLD/heldout-$set.json" | sort -n > "$TMP/lab"
			[ -z "$(uniq -d "$TMP/lab")" ]
			while read -r l; do
				[ -n "$(sed -n "${l}p" "$f" | tr -d ' \t')" ] || { echo "$page:$l blank"; false; }
			done < "$TMP/lab"
			grep -Fqx -- "$(jq -r --arg p "$page" '.[$p].title' "$GOLD/heldout-$set.json" \
			    | xargs -I{} sed -n '{}p' "$f")" \
			    <(jq -r --arg p "$page" 'select(.file == $p) | .title' "$GOLD/heldout-meta.jsonl")
		done
	done
}

@test "heldout: gold labels are consistent with the pages" {
	consistent dev test
	[ "$(jq -s '[.[] | select(.set == "dev" or .set == "test")] | length' \
	    "$GOLD/heldout-meta.jsonl")" -eq 12 ]
}

@test "heldout: strip-boilerplate line F1 on dev >= 0.95 (table printed, awk baseline too)" {
	run "$NU_ROOT/tests/score-boilerplate" "$GOLD/heldout-dev.json" "$HO/dev"
	echo "$output"
	[ "$status" -eq 0 ]
	f1=$(f1_total "$output")
	run "$NU_ROOT/tests/score-boilerplate" --awk "$GOLD/heldout-dev.json" "$HO/dev"
	echo "awk baseline: $(grep total <<<"$output")"
	echo "strip-boilerplate F1 $f1"
	ge "$f1" 0.95
}

@test "heldout: strip-boilerplate line F1 on test >= 0.86 (table printed, awk baseline too)" {
	run "$NU_ROOT/tests/score-boilerplate" "$GOLD/heldout-test.json" "$HO/test"
	echo "$output"
	[ "$status" -eq 0 ]
	f1=$(f1_total "$output")
	run "$NU_ROOT/tests/score-boilerplate" --awk "$GOLD/heldout-test.json" "$HO/test"
	echo "awk baseline: $(grep total <<<"$output")"
	echo "strip-boilerplate F1 $f1"
	ge "$f1" 0.86
}

@test "heldout: split-article page boundaries on dev glued by cat (printed)" {
	run boundaries dev
	echo "$output"
	[ "$status" -eq 0 ]
	read -r _ recs _ pages _ starts _ titles <<<"$output"
	[ "$pages" -eq 6 ]
	[ "$starts" -ge 5 ]
	[ "$titles" -ge 5 ]
	[ "$recs" -le 7 ]
}

@test "heldout: split-article page boundaries on test glued by cat (printed)" {
	run boundaries test
	echo "$output"
	[ "$status" -eq 0 ]
	read -r _ recs _ pages _ starts _ titles <<<"$output"
	[ "$pages" -eq 6 ]
	[ "$starts" -ge 2 ]
	[ "$titles" -ge 1 ]
	[ "$recs" -le 7 ]
}

@test "heldout: split-article metadata fields on dev >= 45/48 (table printed)" {
	run fields dev
	echo "$output"
	c=$(sed -n 's|^fields: \([0-9]*\)/48 correct$|\1|p' <<<"$output")
	[ -n "$c" ]
	[ "$c" -ge 45 ]
}

@test "heldout: split-article metadata fields on test >= 40/48 (table printed)" {
	run fields test
	echo "$output"
	c=$(sed -n 's|^fields: \([0-9]*\)/48 correct$|\1|p' <<<"$output")
	[ -n "$c" ]
	[ "$c" -ge 40 ]
}

# test2: eight more pages (tests/fixtures/heldout/test2, sources in
# src/test2, built by src/build) from kinds of sites the first twelve
# do not cover: a government portal, a business paper, a provincial TV
# site, a sports page, a wire story on a regional site, a US local TV
# station, a press release and an Indian news site.  Written without
# reading the rules.  At first sight: line F1 0.705 (awk 0.783), fields
# 30/64, 1 of 8 page starts (8 of 8 since).  The rules were then tuned on them, so test2
# is a dev set now; the floors are the tuned scores minus a margin, to
# catch regressions.

@test "heldout: test2 gold labels are consistent with the pages" {
	consistent test2
	[ "$(jq -s '[.[] | select(.set == "test2")] | length' "$GOLD/heldout-meta.jsonl")" -eq 8 ]
}

@test "heldout: strip-boilerplate line F1 on test2 >= 0.90 (table printed, awk baseline too)" {
	run "$NU_ROOT/tests/score-boilerplate" "$GOLD/heldout-test2.json" "$HO/test2"
	echo "$output"
	[ "$status" -eq 0 ]
	f1=$(f1_total "$output")
	run "$NU_ROOT/tests/score-boilerplate" --awk "$GOLD/heldout-test2.json" "$HO/test2"
	echo "awk baseline: $(grep total <<<"$output")"
	echo "strip-boilerplate F1 $f1"
	ge "$f1" 0.90
}

@test "heldout: split-article page boundaries on test2 glued by cat (printed)" {
	run boundaries test2
	echo "$output"
	[ "$status" -eq 0 ]
	read -r _ recs _ pages _ starts _ titles <<<"$output"
	[ "$pages" -eq 8 ]
	# the rules were tuned on test2 (8/8 with --model none); the
	# page-start model, measured on real pages (tests/realdata/split,
	# issue 12), finds 2 of these invented pages that open with long
	# menu runs
	[ "$starts" -ge 2 ]
	[ "$titles" -ge 2 ]
	[ "$recs" -le 10 ]
	run bash -c "cat '$HO/test2'/*.txt | split-article --model none | wc -l"
	[ "$output" -eq 8 ]
}

@test "heldout: split-article metadata fields on test2 >= 59/64 (table printed)" {
	run fields test2
	echo "$output"
	c=$(sed -n 's|^fields: \([0-9]*\)/64 correct$|\1|p' <<<"$output")
	[ -n "$c" ]
	# 63/64 with the rules tuned on it; 59 with the page-start model
	[ "$c" -ge 59 ]
}

# dev3 and test3: sixteen more pages (8 each, sites assigned at random),
# written in a later session by an engineer who did not read the rules,
# in the layout of the real samples' crawler (title first, image file
# names, doubled captions, related lists in several shapes) from sixteen
# other sites: Vietnamese provincial and national papers, English
# Vietnamese and Chinese sites, a wire story.  First sight, before any
# rule looked at them: strip-boilerplate line F1 dev3 0.878 (awk 0.75),
# test3 0.932 (awk 0.795); split-article fields dev3 48/64, test3 52/64;
# page starts dev3 3/8, test3 4/8.  dev3 is a dev set; test3 stays held
# out (look at its totals only; never tune on its pages).

@test "heldout: dev3 and test3 gold labels are consistent with the pages" {
	consistent dev3 test3
	[ "$(jq -s '[.[] | select(.set == "dev3" or .set == "test3")] | length' \
	    "$GOLD/heldout-meta.jsonl")" -eq 16 ]
}

@test "heldout: strip-boilerplate line F1 on dev3 >= 0.92 (table printed, awk baseline too)" {
	run "$NU_ROOT/tests/score-boilerplate" "$GOLD/heldout-dev3.json" "$HO/dev3"
	echo "$output"
	[ "$status" -eq 0 ]
	f1=$(f1_total "$output")
	run "$NU_ROOT/tests/score-boilerplate" --awk "$GOLD/heldout-dev3.json" "$HO/dev3"
	echo "awk baseline: $(grep total <<<"$output")"
	echo "strip-boilerplate F1 $f1"
	ge "$f1" 0.92
}

@test "heldout: strip-boilerplate line F1 on held-out test3 >= 0.90 (total printed only)" {
	run "$NU_ROOT/tests/score-boilerplate" "$GOLD/heldout-test3.json" "$HO/test3"
	[ "$status" -eq 0 ]
	echo "strip-boilerplate: $(grep total <<<"$output")"
	f1=$(f1_total "$output")
	run "$NU_ROOT/tests/score-boilerplate" --awk "$GOLD/heldout-test3.json" "$HO/test3"
	echo "awk baseline: $(grep total <<<"$output")"
	ge "$f1" 0.90
}

@test "heldout: split-article on dev3 and test3: fields and page boundaries (printed)" {
	for s in dev3 test3; do
		run fields $s
		echo "$s $(grep "^fields:" <<<"$output")"
		c=$(sed -n 's|^fields: \([0-9]*\)/64 correct$|\1|p' <<<"$output")
		[ -n "$c" ]
		# dev3 tuned on (64/64 since); test3 52/64 at first sight
		if [ $s = dev3 ]; then [ "$c" -ge 60 ]; else [ "$c" -ge 48 ]; fi
		run boundaries $s
		echo "$s $output"
		[ "$status" -eq 0 ]
		read -r _ recs _ pages _ starts _ titles <<<"$output"
		[ "$pages" -eq 8 ]
		# dev3 was tuned on (8/8 since, 7/8 from 2026-12-06); test3 4/8
		# at first sight.  6/8 since the page-start model reads a line's
		# words (2026-12-07): it starts two of dev3's pages at the title
		# under a breadcrumb or stacked section labels, one line below
		# where these crawler pages put it (the English rendered pages,
		# which it learnt from, put the menus above a title in the last
		# page); test3 7/8 as before (NEWS.md)
		if [ $s = dev3 ]; then [ "$starts" -ge 6 ]; else [ "$starts" -ge 4 ]; fi
		if [ $s = dev3 ]; then [ "$recs" -le 9 ]; else [ "$recs" -le 10 ]; fi
	done
}
