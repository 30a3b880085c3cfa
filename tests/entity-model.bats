#!/usr/bin/env bats
# The learned entity tagger (issue 14): newsutils-train -t entity on span
# annotated text, extract-entities --model / --no-model and the built-in
# models.  Quality is measured on real annotated corpora
# (tests/realdata/score-ner); these are behaviour tests on a toy set
# (tests/fixtures/train/entity-train.jsonl: invented sentences).
load helpers

T=$NU_ROOT/tests/fixtures/train

# The eight surnames the toy English models below learn from.
NAMES="Okafor Tobin Ruiz Haldane Marsh Quint Ferro Abbott"

# train_unlabelled SENTENCE: $TMP/m learned from eight English sentences
# with no entity, SENTENCE with %s replaced by each of the names.
train_unlabelled() {
	local n
	for n in $NAMES; do
		printf '{"lang":"en","text":"%s","entities":[]}\n' "${1//%s/$n}"
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
}

# found TYPES: "line text" of each entity of TYPES that $TMP/m finds in
# $TMP/in.txt.
found() {
	extract-entities --text --lang en --model "$TMP/m" -t "$1" "$TMP/in.txt" |
	    jq -r '"\(.line) \(.text)"'
}

@test "entity-model: newsutils-train learns BIO people, places and organisations from spans" {
	run newsutils-train -t entity -o "$TMP/m" "$T/entity-train.jsonl"
	[ "$status" -eq 0 ]
	run newsutils-train -t entity --eval --model "$TMP/m" "$T/entity-train.jsonl"
	[ "$status" -eq 0 ]
	acc=$(awk -F'\t' '$1 == "accuracy" { print $2 }' <<< "$output")
	awk -v a="$acc" 'BEGIN { exit !(a > 0.95) }'
}

@test "entity-model: extract-entities --model tags with the trained model, offsets valid" {
	newsutils-train -t entity -o "$TMP/m" "$T/entity-train.jsonl"
	printf '%s\n' '{"id":"a","body":"Corvid Bank said Tobin Okafor will lead the talks in Ostrava ."}' > "$TMP/r.jsonl"
	run bash -c "extract-entities --model '$TMP/m' '$TMP/r.jsonl' |
	    jq -r '.body as \$b | .entities[] | [.type, .text, (\$b[.start:.end] == .text)] | @tsv'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'organisation\tCorvid Bank\ttrue\nperson\tTobin Okafor\ttrue\nplace\tOstrava\ttrue')" ]
}

@test "entity-model: the same data gives a byte-identical model" {
	newsutils-train -t entity -o "$TMP/a" "$T/entity-train.jsonl"
	newsutils-train -t entity -o "$TMP/b" < "$T/entity-train.jsonl"
	cmp "$TMP/a" "$TMP/b"
}

@test "entity-model: a record without entities or with bad offsets is reported with its line" {
	printf '%s\n' '{"text":"Mara Vell left."}' \
	    '{"text":"Mara Vell left.","entities":[{"start":"0","end":9,"type":"PER"}]}' \
	    '{"text":"Mara Vell left.","entities":[{"start":0,"end":9,"type":"PER"}]}' > "$TMP/bad.jsonl"
	run --separate-stderr newsutils-train -t entity -o "$TMP/m" "$TMP/bad.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"bad.jsonl:1: "*entities* ]]
	[[ "$stderr" == *"bad.jsonl:2: "* ]]
	[[ "$stderr" != *"bad.jsonl:3"* ]]
}

@test "entity-model: --model of another task and --model with --no-model are usage errors" {
	newsutils-train -t features --labels O,D,N -o "$TMP/f" "$T/tag-train.jsonl"
	run --separate-stderr extract-entities --model "$TMP/f" /dev/null
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--model $TMP/f: "* ]]
	run --separate-stderr extract-entities --model "$TMP/f" --no-model /dev/null
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"exclude each other"* ]]
}

@test "entity-model: the built-in model keeps positions with people and dates with their values" {
	printf '%s\n' 'Prime Minister Anthony Albanese met President Joe Biden in Canberra on May 2, 2024.' > "$TMP/t.txt"
	run bash -c "extract-entities --text '$TMP/t.txt' | jq -c '[.type, .text, .positions // .value]'"
	[ "$status" -eq 0 ]
	[[ "$output" == *'["person","Anthony Albanese",["Prime Minister"]]'* ]]
	[[ "$output" == *'["person","Joe Biden",["President"]]'* ]]
	[[ "$output" == *'["date","May 2, 2024","2024-05-02"]'* ]]
}

@test "entity-model: every offset valid with the built-in models on the fixture records" {
	run bash -c "for f in '$NU_ROOT'/tests/fixtures/seeds/*.txt '$NU_ROOT'/tests/fixtures/entities-en/*; do
	    jq -c -R -s '{title: (split(\"\n\")[0]), body: (split(\"\n\")[1:] | join(\"\n\"))}' \"\$f\"; done |
	    extract-entities | jq -r '. as \$r | .entities[] | (\$r[.field][.start:.end] == .text)' | sort | uniq -c"
	[ "$status" -eq 0 ]
	[[ "$output" != *false* ]]
	[[ "$output" == *true* ]]
}

@test "entity-model: -t person gives the same people as all types" {
	f=$NU_ROOT/tests/fixtures/entities-en
	a=$(cat "$f"/* | extract-entities --text | jq -c 'select(.type == "person")')
	b=$(cat "$f"/* | extract-entities --text -t person | jq -c 'select(.type == "person")')
	[ -n "$a" ]
	[ "$a" = "$b" ]
}

# taught WORD TYPE: a toy English model taught that WORD is part of the
# names of TYPE after it ("Yesterday WORD Okafor said no ."), in $TMP/m
taught() {
	local n
	for n in $NAMES; do
		printf '{"lang":"en","text":"Yesterday %s %s said no .","entities":[{"start":10,"end":%d,"type":"%s"}]}\n' \
		    "$1" "$n" $((11 + ${#1} + ${#n})) "$2"
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
}

@test "entity-model: a title the model takes into a person's span is left out (Mr Okafor -> Okafor)" {
	# a model taught that the title is part of the name, as tweet corpora do
	taught Mr PER
	run bash -c "printf 'Yesterday Mr Ferro said no .\n' | extract-entities --text --lang en --model '$TMP/m' -t person | jq -r .text"
	[ "$status" -eq 0 ]
	[ "$output" = "Ferro" ]
}

@test "entity-model: an acronym a text spells out in brackets is known at its later uses (English)" {
	# toy bodies named without an organisation word, their acronym in
	# brackets, then the acronym alone; and the same letters undefined
	mk() {
		local a=$1 b=$2 d=$3 ac t s1 e1
		ac="${a:0:1}${b:0:1}${d:0:1}"
		t="Members of the $a $b $d ($ac) met. Later $ac spoke."
		s1=15 e1=$((15 + ${#a} + ${#b} + ${#d} + 2))
		printf '{"lang":"en","text":"%s","entities":[{"start":%d,"end":%d,"type":"ORG"},{"start":%d,"end":%d,"type":"ORG"},{"start":%d,"end":%d,"type":"ORG"}]}\n' \
		    "$t" $s1 $e1 $((e1 + 2)) $((e1 + 5)) $((${#t} - 10)) $((${#t} - 7))
		printf '{"lang":"en","text":"Members of the %s met. Later %s%s%s spoke.","entities":[]}\n' \
		    "${a,,}" "${d:0:1}" "${b:0:1}" "${a:0:1}"
	}
	{ mk Kestrel Valley Marsh; mk Harbour Mining Pact; mk Pine Road Circle; mk Lark Hill Ring
	  mk Oakmere Freight Loop; mk Brant Sea Watch; mk Dunmore Grain Ledger; mk Fenwick Tin Cup; } > "$TMP/a.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/a.jsonl"
	printf '%s\n' 'Members of the Wexley Crane Orbit (WCO) met. Later WCO spoke.' \
	    'Members of the wexley met. Later WCO spoke.' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en --model '$TMP/m' -t organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.start) \(.text)\"'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 15 Wexley Crane Orbit' '1 35 WCO' '1 51 WCO')" ]
}

@test "entity-model: an article the model takes into an English organisation is left out (The Times -> Times)" {
	taught The ORG
	run bash -c "printf 'Yesterday The Ferro said no .\n' | extract-entities --text --lang en --model '$TMP/m' -t organisation | jq -r .text"
	[ "$status" -eq 0 ]
	[ "$output" = "Ferro" ]
}

@test "entity-model: an English surname alone is the person named in full before it in the text" {
	# a toy model that knows full names and leaves a capital alone out,
	# and a capital before "bin" (the toy model, which sees the shapes
	# around a token together, read "Quarrow bin" as a name otherwise)
	local f s
	for f in Anna Boris Carla Dmitri Elena Farid Greta Hugo; do
		for s in Okafor Tobin Ruiz Haldane; do
			printf '{"lang":"en","text":"Yesterday %s %s said no .","entities":[{"start":10,"end":%d,"type":"PER"}]}\n' \
			    "$f" "$s" $((11 + ${#f} + ${#s}))
			printf '{"lang":"en","text":"Later %s left .","entities":[]}\n' "$s"
			printf '{"lang":"en","text":"Later %s bin Said left .","entities":[]}\n' "$s"
		done
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
	# after the full name: the surname alone, not after "the" or before
	# "bin"; in a text of its own it stays out
	printf '%s\n' '{"id":1,"body":"Yesterday Ilse Quarrow said no . Later Quarrow left . Later the Quarrow left . Later Quarrow bin Said left ."}' \
	    '{"id":2,"body":"Later Quarrow left ."}' > "$TMP/in.jsonl"
	run bash -c "extract-entities --model '$TMP/m' -t person '$TMP/in.jsonl' | jq -c '[.id, [.entities[] | select(.text | test(\"Quarrow\")) | [.start, .text]]]'"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '[1,[[10,"Ilse Quarrow"],[39,"Quarrow"]]]' ]
	[ "${lines[1]}" = '[2,[]]' ]
}

@test "entity-model: an English organisation run on over an owner or a person before 'of' is cut (built-in model)" {
	printf '%s\n' "Blankenship ran for the Republican Party's US Senate nomination." \
	    "Phil Collins of the Prohibition Party spoke." \
	    "Jane Smith, CEO of Massey Energy, spoke." \
	    "He works for the Bank of America." > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en -t person,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"1 organisation Republican Party"$'\n'"1 organisation US Senate"* ]]
	[[ "$output" == *"2 person Phil Collins"$'\n'"2 organisation Prohibition Party"* ]]
	[[ "$output" == *"3 organisation Massey Energy"* ]]
	[[ "$output" == *"4 organisation Bank of America"* ]]
}

@test "entity-model: a publication after a verb of telling and a capital The is an organisation (English)" {
	# a toy model that leaves the words after "The" out
	train_unlabelled 'She told The %s about it .'
	printf '%s\n' 'She told The Wexley Post about it .' \
	    'She read The Wexley of Dolwyn .' 'The Wexley said no .' \
	    'She told The Wexley Crane Orbit Post about it .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	[ "$output" = "1 Wexley Post" ]
}

@test "entity-model: a capital The is a publication only where the words before say so (English)" {
	train_unlabelled 'She told The %s about it .'
	printf '%s\n' 'She watched The Wexley Post again .' 'It was part of The Wexley Post .' \
	    'It was according to The Wexley Post .' 'She is a reporter at The Wexley Post .' \
	    'She explained to The Wexley Post .' 'She went to The Wexley Post .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '3 Wexley Post' '4 Wexley Post' '5 Wexley Post')" ]
}

@test "entity-model: an English body before a lowercase 'party' takes it in, a place before a team's word is the club" {
	local n
	for n in $NAMES; do
		printf '{"lang":"en","text":"Yesterday the %s party said no .","entities":[{"start":14,"end":%d,"type":"ORG"}]}\n' \
		    "$n" $((14 + ${#n}))
		printf '{"lang":"en","text":"Later %s defenders left .","entities":[{"start":6,"end":%d,"type":"LOC"}]}\n' \
		    "$n" $((6 + ${#n}))
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
	printf '%s\n' 'Yesterday the Wexley party said no .' \
	    "Yesterday the Wexley party's leader said no ." \
	    'Later Wexley defenders left .' 'Later France defenders left .' > "$TMP/in.txt"
	run bash -c "extract-entities --text --lang en --model '$TMP/m' -t place,organisation '$TMP/in.txt' | jq -r '\"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 organisation Wexley party' '2 organisation Wexley' \
	    '3 organisation Wexley' '4 place France')" ]
}

@test "entity-model: a company named with a possessive keeps its 's, a place facing another in a league is a club (English)" {
	local n
	for n in $NAMES; do
		printf '{"lang":"en","text":"Later %s plans a sale .","entities":[{"start":6,"end":%d,"type":"PER"}]}\n' \
		    "$n" $((6 + ${#n}))
		printf '{"lang":"en","text":"Later %s faces Wexley in the League .","entities":[{"start":6,"end":%d,"type":"LOC"},{"start":%d,"end":%d,"type":"LOC"}]}\n' \
		    "$n" $((6 + ${#n})) $((13 + ${#n})) $((19 + ${#n}))
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
	printf '%s\n' "Later Sainsbury's plans a sale ." "Later Sainsbury’s plans a sale ." \
	    "Later Ronald McDonald's plans a sale ." \
	    'Later Crane faces Wexley in the League .' \
	    'Later Crane faces Wexley in the park .' 'Later France faces Wexley in the League .' > "$TMP/in.txt"
	# line 3 asks only that a person's possessive makes no company: what
	# the toy model makes of a two-word name it never saw is no matter
	# (since the English word kinds it reads "McDonald" as a place)
	run bash -c "extract-entities --text --lang en --model '$TMP/m' -t place,organisation '$TMP/in.txt' | jq -r 'select(.line != 3 or .type == \"organisation\") | \"\(.line) \(.type) \(.text)\"'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' "1 organisation Sainsbury's" '2 organisation Sainsbury’s' \
	    '4 organisation Crane' '4 organisation Wexley' '5 place Crane' '5 place Wexley' \
	    '6 place France' '6 organisation Wexley')" ]
}

@test "entity-model: an English dateline in capitals before a dash is a place" {
	taught Anna PER
	printf '%s\n' 'LONDON — The family met .' 'KHAN YOUNIS, GAZA — The talks ended .' \
	    'WEXLEY (Reuters) - The talks ended .' 'CRANE (KXAN) - The talks ended .' \
	    'BREAKING — The talks ended .' 'PS - The talks ended .' 'LONDON The family met .' > "$TMP/in.txt"
	run found place
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 LONDON' '2 KHAN YOUNIS' '2 GAZA' '3 WEXLEY' '4 CRANE')" ]
}

@test "entity-model: a byline in capitals before a dash is no English dateline" {
	# no list knows the name as a place, no agency in brackets follows
	taught Anna PER
	printf '%s\n' 'JOHN WEXLEY — The talks ended .' 'BY JOHN WEXLEY - The talks ended .' \
	    'BY WEXLEY CRANE - The talks ended .' 'WEXLEY CRANE — The talks ended .' \
	    'JOHN WEXLEY (AP) — The talks ended .' > "$TMP/in.txt"
	run found place
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
}

@test "entity-model: a nationality adjective the English model reads as a place is none" {
	local n
	for n in $NAMES; do
		printf '{"lang":"en","text":"Later %s officials left .","entities":[{"start":6,"end":%d,"type":"LOC"}]}\n' \
		    "$n" $((6 + ${#n}))
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
	printf '%s\n' 'Later Israeli officials left .' 'Later Korean officials left .' \
	    'Later Wexley officials left .' > "$TMP/in.txt"
	run found place
	[ "$status" -eq 0 ]
	[ "$output" = "3 Wexley" ]
	# the built-in model: a compass word before one
	run bash -c "printf 'The South Korean and Israeli officials met in South Korea .\\n' | extract-entities --text --lang en -t place | jq -r .text"
	[ "$output" = "South Korea" ]
}

@test "entity-model: an English body keeps a web domain glued to it and never ends on a preposition" {
	taught Later ORG
	printf '%s\n' 'Yesterday Later Wexley.com said no .' 'Yesterday Later Wexley.co.uk said no .' \
	    'Yesterday Later Wexley.com/news said no .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "1 Later Wexley.com" ]
	[ "${lines[1]}" = "2 Later Wexley.co.uk" ]
	[[ "${lines[2]}" != *".com"* ]]
	run bash -c "printf 'In The New England Journal of Medicine on Wednesday, scientists spoke.\n' | extract-entities --text --lang en -t organisation | jq -r .text"
	[ "$output" = "New England Journal of Medicine" ]
}

@test "entity-model: an English town before a comma and a state or country that ends the phrase is a place" {
	# a toy model that tags nothing
	train_unlabelled 'Later %s, Ruritania left .'
	printf '%s\n' 'He was arrested in Wexley, Alaska, and charged .' 'Wexley, Italy is an end point .' \
	    'Meanwhile, China spoke .' 'As of Tuesday, Ohio spoke .' 'He met Wexley, Texas Governor .' \
	    'He met Anna Wexley, Texas .' > "$TMP/in.txt"
	run found place
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 Wexley' '2 Wexley')" ]
}

@test "entity-model: an English town before a comma needs a preposition or the line's start, and a state or country after" {
	train_unlabelled 'Later %s, Ruritania left .'
	printf '%s\n' 'Yet to Wexley, London is cold .' 'Yet Wexley, Texas is cold .' \
	    'He lives in Crane, London and works .' 'He lives near Crane, Ontario, and works .' \
	    'It came from Wexley, Scotland .' > "$TMP/in.txt"
	run found place
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '4 Crane' '5 Wexley')" ]
}

@test "entity-model: English names in a list before a plural place word are places" {
	taught Anna PER
	printf '%s\n' 'It was seen in Wexley, Crane, and Orbit counties .' \
	    'It was seen in Republican districts .' 'It was seen in Wexley Crane Orbit Dale districts .' > "$TMP/in.txt"
	run found place
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 Wexley' '1 Crane' '1 Orbit')" ]
}

@test "entity-model: English names after a word for a kind of body are organisations" {
	taught Anna PER
	printf '%s\n' 'It fights the discounters Wexley and Crane .' \
	    'It sold it to the company Wexley Orbit, which said no .' \
	    'The rescue charity Sea-Eye said no .' 'The film company Anna Wexley said no .' \
	    'The company Tuesday said no .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 Wexley' '1 Crane' '2 Wexley Orbit' '3 Sea-Eye')" ]
}

@test "entity-model: a body the English lists know is an organisation where the model saw nothing" {
	taught Anna PER
	printf '%s\n' 'Yesterday the WHO said no .' "Yesterday the WHO's report came ." \
	    'Later a member of Parliament spoke .' 'Yesterday Who said no .' \
	    'Yesterday a Boeing 747 landed .' 'Yesterday Wexley Boeing said no .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 WHO' '2 WHO' '3 Parliament')" ]
}

@test "entity-model: a company named by the phrases of business news is an organisation (English)" {
	taught Anna PER
	printf '%s\n' 'Yesterday Wexley spokesman Tom Crane said no .' 'Shares of Wexley Orbit rose .' \
	    'It bought a stake in Crane .' 'Later Wexley-Orbit shares fell .' \
	    "Later Crane's chief executive spoke ." 'Government spokesman Tom Crane said no .' \
	    'A British spokesman said no .' 'Later Crane shares his view .' \
	    'A spokesman for Wexley said no .' 'A spokesman for Wexley Orbit said no .' \
	    'Secretary of State spokeswoman Ann Wexley said no .' \
	    'Later the Democratic chairman spoke .' 'The Wexley spokesman said no .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 Wexley' '2 Wexley Orbit' '3 Crane' '4 Wexley-Orbit' \
	    '5 Crane' '10 Wexley Orbit' '13 Wexley')" ]
}

@test "entity-model: a name in a line in capitals starts after the ordinary words the model ran it over (English)" {
	# a toy model taught to take "AT THE" into the body's name
	local n N
	for n in $NAMES; do
		N=${n^^}
		printf '{"lang":"en","text":"SHE WORKS AT THE %s BANK .","entities":[{"start":10,"end":%d,"type":"ORG"}]}\n' \
		    "$N" $((22 + ${#N}))
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
	printf '%s\n' 'SHE WORKS AT THE WEXLEY BANK .' 'HE SAW IT AT THE WEXLEY BANK .' \
	    'she works AT THE WEXLEY BANK .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	# the third line is not in capitals: the model's name stays
	[ "$output" = "$(printf '%s\n' '1 WEXLEY BANK' '2 WEXLEY BANK' '3 AT THE WEXLEY BANK')" ]
}


@test "entity-model: the English tagger sees a token's shape with both neighbours' (d Xx d, x Xx x)" {
	# a toy model: a name is an organisation between two numbers or
	# two lowercase words, none between one of each; the words around
	# vary, so only the shapes can tell, and only together (an XOR: no
	# sum of the neighbours' shapes alone gets all four right)
	local n i a b p q low=(red blue green old new tall small dark)
	local num=(12 34 56 78 90 23 45 67)
	i=0
	for n in $NAMES; do
		for a in 0 1 2 3; do
			b=$(((i + a) % 8)); q=$(((i + a + 3) % 8)); p=$(((i + a + 5) % 8))
			printf '{"lang":"en","text":"we saw %s %s %s today .","entities":[{"start":%d,"end":%d,"type":"ORG"}]}\n' \
			    "${num[b]}" "$n" "${num[p]}" $((8 + ${#num[b]})) $((8 + ${#num[b]} + ${#n}))
			printf '{"lang":"en","text":"we saw %s %s %s today .","entities":[{"start":%d,"end":%d,"type":"ORG"}]}\n' \
			    "${low[b]}" "$n" "${low[q]}" $((8 + ${#low[b]})) $((8 + ${#low[b]} + ${#n}))
			printf '{"lang":"en","text":"we saw %s %s %s today .","entities":[]}\n' \
			    "${num[b]}" "$n" "${low[q]}"
			printf '{"lang":"en","text":"we saw %s %s %s today .","entities":[]}\n' \
			    "${low[b]}" "$n" "${num[p]}"
		done
		i=$((i + 1))
	done > "$TMP/t.jsonl"
	newsutils-train -t entity -e 5 -o "$TMP/m" "$TMP/t.jsonl"
	printf '%s\n' 'we saw 81 Wexley 19 today .' 'we saw pink Wexley gray today .' \
	    'we saw 81 Wexley gray today .' 'we saw pink Wexley 19 today .' > "$TMP/in.txt"
	run found organisation
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' '1 Wexley' '2 Wexley')" ]
}

@test "entity-model: the built-in English model is the mean of four runs pruned at 1 (train-entity's English recipe)" {
	# news dev over 5 seeds: one run, prune 2: 0.8376; four runs,
	# prune 1: 0.8405 (NEWS.md, ennews2)
	grep -a -q -m1 '^meta runs 4$' "$NU_ROOT/common/models/entity-en.model"
	grep -q 'prune=\${PRUNE:-1}' "$NU_ROOT/tests/realdata/train-entity"
	grep -q 'runs=\${RUNS:-4}' "$NU_ROOT/tests/realdata/train-entity"
	# the Vietnamese model stays one run
	! grep -a -q -m1 '^meta runs ' "$NU_ROOT/common/models/entity-vi.model"
}

@test "entity-model: the shipped English model is what tests/realdata/train-entity gives (when the real sets are built)" {
	[ -s "$NU_ROOT/tests/realdata/out/ner-en/train.jsonl" ] &&
	    [ -s "$NU_ROOT/tests/realdata/ner-en-news/out/train.jsonl" ] ||
	    skip "real English entity sets not built"
	skip_under_asan
	run env CHECK=1 "$NU_ROOT/tests/realdata/train-entity" en
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"is what this data and code give"* ]]
}
