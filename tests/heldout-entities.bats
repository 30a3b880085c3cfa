#!/usr/bin/env bats
# Held-out evaluation of extract-entities: 80 invented news sentences in the
# style of annotated NER corpora (Vietnamese VLSP-style news, English
# CoNLL-2003-style wire copy) written without reading the rules, one per
# line, in tests/fixtures/heldout-ent/{dev,test}-{vi,en}.txt, with gold in
# tests/gold/heldout-ent-{dev,test}.jsonl (text mode: doc, line, type, text,
# code-point start/end, value for dates; doc dates 2025-03-14).  The gold
# follows man/extract-entities.1's guidelines; where they are silent it
# follows VLSP/CoNLL: nationality adjectives (Japanese, Ukrainian) are in no
# entity and in no position; events and leagues (AFF Cup, Chicago Marathon,
# Italian Open, V-League) are not annotated; a country standing for a
# national team is a place; place words other than the administrative units
# (sông, sân, cửa khẩu, đỉnh) are left out; money, percent and time are not
# annotated, so their rows show only what was found.
# The tests print the tables (exact and overlap P/R/F1 per type, micro over
# person, place, organisation, date); the floors are the micro F1 last
# measured (README, extract-entities section) minus about 0.03, rounded
# down, so that a regression shows, not a target.  Tune the rules on dev only; look at test only to
# report.
load helpers

HE=$NU_ROOT/tests/fixtures/heldout-ent
GOLD=$NU_ROOT/tests/gold

# score GOLD [DOC]: tests/score-entities on GOLD (only DOC's entities when
# given), pages from tests/fixtures/heldout-ent.
score() {
	if [ -n "${2:-}" ]; then
		jq -c --arg d "$2" 'select(.doc == $d)' "$1" > "$TMP/gold.jsonl"
	else
		cp "$1" "$TMP/gold.jsonl"
	fi
	NU_BIN=$NU_BIN "$NU_ROOT/tests/score-entities" -p "$HE" "$TMP/gold.jsonl"
}

# micro TABLE: the exact F1 of the micro row
micro() {
	awk -F'|' '/^\| micro/ {gsub(/ /, "", $7); print $7}' <<<"$1"
}

# ge A B: A >= B for decimals
ge() {
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'
}

# show TITLE TABLE: print the table as TAP comments (seen on every run)
show() {
	{ echo "# $1"; sed 's/^/# /' <<<"$2"; } >&3
}

@test "heldout-entities: gold offsets and texts agree with the fixture lines" {
	local s f
	for f in dev-vi dev-en test-vi test-en; do
		[ "$(wc -l < "$HE/$f.txt")" -eq 20 ]
	done
	for s in dev test; do
		[ "$(jq -c 'select(.type | not)' "$GOLD/heldout-ent-$s.jsonl" | wc -l)" -eq 2 ]
		run jq -r --rawfile vi "$HE/$s-vi.txt" --rawfile en "$HE/$s-en.txt" '
		    select(.type) | . as $e
		    | (if .doc | endswith("-vi.txt") then $vi else $en end
		       | split("\n")[$e.line - 1]) as $l
		    | select(($e.text == ($l | .[$e.start:$e.end])
		        and (($e.type == "date") == has("value"))) | not)
		    | "bad gold: \(tojson)"' "$GOLD/heldout-ent-$s.jsonl"
		[ "$status" -eq 0 ]
		[ -z "$output" ]
		[ "$(jq -c 'select(.type)' "$GOLD/heldout-ent-$s.jsonl" | wc -l)" -gt 150 ]
	done
}

@test "heldout-entities: dev set scores (floor: micro F1 0.88)" {
	run score "$GOLD/heldout-ent-dev.jsonl"
	[ "$status" -eq 0 ]
	show "dev (vi + en)" "$output"
	f1=$(micro "$output")
	echo "dev micro F1 $f1"
	ge "$f1" 0.88	# rules 0.93: see dev2
}

@test "heldout-entities: test set scores (floor: micro F1 0.82)" {
	run score "$GOLD/heldout-ent-test.jsonl"
	[ "$status" -eq 0 ]
	show "test (vi + en)" "$output"
	f1=$(micro "$output")
	echo "test micro F1 $f1"
	ge "$f1" 0.82
}

@test "heldout-entities: dev2 set scores (floor: micro F1 0.85)" {
	# dev2: 50 + 50 lines by an annotator who had not read the guidelines
	# (notes at the top of src/dev2.ann); where they disagree with the man
	# page (the unit after các before a province, generic bodies inside
	# positions) the tool follows the man page and loses a few points
	run score "$GOLD/heldout-ent-dev2.jsonl"
	[ "$status" -eq 0 ]
	show "dev2 (vi + en)" "$output"
	f1=$(micro "$output")
	echo "dev2 micro F1 $f1"
	# 0.91 with the rules alone, tuned on these sets; the learned tagger
	# (issue 14) scores lower here and far higher on real annotated news
	# (tests/realdata/score-ner: English dev 0.37 -> 0.54)
	ge "$f1" 0.85
}

@test "heldout-entities: test2 micro total (floor: micro F1 0.75)" {
	# held out: only its micro row is printed, never its misses
	run score "$GOLD/heldout-ent-test2.jsonl"
	[ "$status" -eq 0 ]
	grep '^| micro' <<<"$output" | sed 's/^/# test2 /' >&3
	f1=$(micro "$output")
	echo "test2 micro F1 $f1"
	ge "$f1" 0.75
}

@test "heldout-entities: per language micro F1 (floors: dev vi 0.87 en 0.87, test vi 0.82 en 0.81)" {
	local s l f1 floor
	for s in dev test; do
		for l in vi en; do
			case $s-$l in
			dev-vi) floor=0.87 ;;	# rules 0.93: see dev2
			dev-en) floor=0.87 ;;	# rules 0.92: see dev2
			# 0.843 -> 0.823 when the Vietnamese model learnt from
			# vietnews too (main's code or the tagger's features of
			# 2026-12-05 alike), while the real annotated test rose
			# 0.739 -> 0.781: these sentences are the team's own
			test-vi) floor=0.82 ;;
			test-en) floor=0.81 ;;
			esac
			run score "$GOLD/heldout-ent-$s.jsonl" "$s-$l.txt"
			[ "$status" -eq 0 ]
			f1=$(micro "$output")
			echo "# $s $l micro F1 $f1 (floor $floor)" >&3
			ge "$f1" "$floor" || { echo "$s $l: $f1 < $floor"; false; }
		done
	done
}

@test "heldout-entities: score-entities -p reads pages from DIR and names a missing one" {
	mkdir -p "$TMP/pages"
	printf 'Ông Lò Văn Páo đến Sơn La.\n' > "$TMP/pages/p.txt"
	printf '%s\n' '{"doc": "p.txt"}' \
	    '{"doc": "p.txt", "line": 1, "type": "person", "text": "Lò Văn Páo", "start": 4, "end": 14}' > "$TMP/g.jsonl"
	run "$NU_ROOT/tests/score-entities" -p "$TMP/pages" "$TMP/g.jsonl"
	[ "$status" -eq 0 ]
	[[ "$output" == *"| person | 1 | 1 | 1 | 1 | 1 |"* ]]
	printf '%s\n' '{"doc": "q.txt"}' > "$TMP/g2.jsonl"
	run "$NU_ROOT/tests/score-entities" -p "$TMP/pages" "$TMP/g2.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"q.txt: no such page"* ]]
	run "$NU_ROOT/tests/score-entities" -p "$TMP/nowhere" "$TMP/g.jsonl"
	[ "$status" -eq 2 ]
}
