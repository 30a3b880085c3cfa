#!/usr/bin/env bats
# How to train a line-role model for one's own site, end to end (README,
# man strip-boilerplate, MODEL): label pages as --roles prints them, correct
# the roles, train with newsutils-train, use it with --model.  The site's
# promo and "Read more" lines read like article prose, so the built-in
# model and the rules keep them; the site's model drops them.
load helpers

S=$NU_ROOT/tests/fixtures/site-model

# kept_by_model PAGE ROLES...: the non-blank lines strip-boilerplate keeps
# of PAGE with a line-role model learned from the ROLES files, in
# $TMP/kept and shown.
kept_by_model() {
	local page=$1
	shift
	newsutils-train -t line-role -o "$TMP/learned.model" "$@"
	strip-boilerplate --model "$TMP/learned.model" "$page" | grep -v '^$' > "$TMP/kept"
	cat "$TMP/kept"
}

@test "site model: the built-in model keeps the site's promo lines (why one trains)" {
	run strip-boilerplate "$S/new.txt"
	[ "$status" -eq 0 ]
	grep -q '^Subscribe today' <<< "$output"
	grep -q '^Read more from our newsroom' <<< "$output"
}

@test "site model: trained on two labelled pages, drops the promo and menus of a third and keeps its article" {
	run newsutils-train -t line-role -o "$TMP/site.model" "$S/p1.roles" "$S/p2.roles"
	[ "$status" -eq 0 ]
	head -n 2 "$TMP/site.model" | grep -q '^task line-role$'
	# the labelled pages themselves are learned
	run newsutils-train -t line-role --eval --model "$TMP/site.model" "$S/p1.roles" "$S/p2.roles"
	[ "$status" -eq 0 ]
	acc=$(awk -F'\t' '$1 == "accuracy" { print $2 }' <<< "$output")
	awk -v a="$acc" 'BEGIN { exit !(a >= 0.99) }'
	# the new page: its title and three paragraphs, nothing else
	strip-boilerplate --model "$TMP/site.model" "$S/new.txt" | grep -v '^$' > "$TMP/kept"
	[ "$(wc -l < "$TMP/kept")" -eq 4 ]
	[ "$(head -n 1 "$TMP/kept")" = "Lighthouse opens to visitors for the summer" ]
	! grep -q 'Subscribe\|Read more\|•\|©' "$TMP/kept"
	# --roles names what the model dropped with the rules' roles
	strip-boilerplate --model "$TMP/site.model" --roles "$S/new.txt" > "$TMP/roles"
	grep -q $'^title\tLighthouse opens' "$TMP/roles"
	! grep -q $'^content\tSubscribe' "$TMP/roles"
}

@test "site model: pages in one file separated by a form feed line train the same model" {
	{ cat "$S/p1.roles"; printf '\f\n'; cat "$S/p2.roles"; } > "$TMP/all.roles"
	newsutils-train -t line-role -o "$TMP/a.model" "$S/p1.roles" "$S/p2.roles"
	newsutils-train -t line-role -o "$TMP/b.model" "$TMP/all.roles"
	strip-boilerplate --model "$TMP/a.model" "$S/new.txt" > "$TMP/a"
	strip-boilerplate --model "$TMP/b.model" "$S/new.txt" > "$TMP/b"
	cmp "$TMP/a" "$TMP/b"
	[ -s "$TMP/a" ]
}

@test "site model: a line labelled '-' is not learnt (a corpus that labels only some lines)" {
	export SOURCE_DATE_EPOCH=0
	sed 's/^[a-z-]*\t/-\t/' "$S/p2.roles" > "$TMP/p2-none.roles"
	newsutils-train -t line-role -o "$TMP/a.model" "$S/p1.roles"
	newsutils-train -t line-role -o "$TMP/b.model" "$S/p1.roles" "$TMP/p2-none.roles"
	cmp "$TMP/a.model" "$TMP/b.model"
	# a page with no labelled line gives no example at all
	run newsutils-train -t line-role -o "$TMP/c.model" "$TMP/p2-none.roles"
	[ "$status" -eq 1 ]
	[ ! -e "$TMP/c.model" ]
}

@test "site model: --passes 2 writes both passes in one file; the second sees the first's labels and still keeps the article" {
	export SOURCE_DATE_EPOCH=0
	run newsutils-train -t line-role --passes 2 --folds 2 -o "$TMP/two.model" "$S/p1.roles" "$S/p2.roles"
	[ "$status" -eq 0 ]
	# the first pass is read as a one-pass model always was; the second
	# follows its weights, with its own header
	[ "$(grep -ao 'newsutils-model 1' "$TMP/two.model" | wc -l)" -eq 2 ]
	grep -aq '^meta pass 2$' "$TMP/two.model"
	grep -aq '^meta folds 2$' "$TMP/two.model"
	# the same inputs give the same bytes, wherever they lie (the folds
	# of pages read from files hash the file's name, not its path)
	newsutils-train -t line-role --passes 2 --folds 2 -o "$TMP/again.model" "$S/p1.roles" "$S/p2.roles"
	cmp "$TMP/two.model" "$TMP/again.model"
	mkdir -p "$TMP/elsewhere/a/much/longer/path"
	cp "$S/p1.roles" "$S/p2.roles" "$TMP/elsewhere/a/much/longer/path/"
	(cd "$TMP/elsewhere/a/much/longer/path" && newsutils-train -t line-role --passes 2 --folds 2 -o "$TMP/moved.model" p1.roles p2.roles)
	cmp "$TMP/two.model" "$TMP/moved.model"
	# the first pass alone is the one-pass model of the same data
	newsutils-train -t line-role -o "$TMP/one.model" "$S/p1.roles" "$S/p2.roles"
	size=$(stat -c %s "$TMP/one.model")
	cmp -n "$size" "$TMP/one.model" "$TMP/two.model"
	[ "$(stat -c %s "$TMP/two.model")" -gt "$size" ]
	strip-boilerplate --model "$TMP/two.model" "$S/new.txt" | grep -v '^$' > "$TMP/kept"
	[ "$(head -n 1 "$TMP/kept")" = "Lighthouse opens to visitors for the summer" ]
	! grep -q 'Subscribe\|Read more\|•\|©' "$TMP/kept"
	run newsutils-train -t line-role --eval --model "$TMP/two.model" "$S/p1.roles" "$S/p2.roles"
	[ "$status" -eq 0 ]
	acc=$(awk -F'\t' '$1 == "accuracy" { print $2 }' <<< "$output")
	awk -v a="$acc" 'BEGIN { exit !(a >= 0.99) }'
}

@test "site model: --passes 2 needs files (read once per fold), a task with a second pass, and records in two folds" {
	run newsutils-train -t line-role --passes 2 -o "$TMP/m" < "$S/p1.roles"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--passes: reads its inputs several times: give files"* ]]
	run newsutils-train -t line-role --passes 2 -o "$TMP/m" - < "$S/p1.roles"
	[ "$status" -eq 2 ]
	run newsutils-train -t entity --passes 2 -o "$TMP/m" "$S/p1.roles"
	[ "$status" -eq 2 ]
	[[ "$output" == *"task entity has one pass only"* ]]
	for p in 0 3 x; do
		run newsutils-train -t line-role --passes "$p" -o "$TMP/m" "$S/p1.roles"
		[ "$status" -eq 2 ]
	done
	run newsutils-train -t line-role --passes 2 --folds 1 -o "$TMP/m" "$S/p1.roles"
	[ "$status" -eq 2 ]
	# one page: one fold, no first pass that never saw it
	run newsutils-train -t line-role --passes 2 -o "$TMP/m" "$S/p1.roles"
	[ "$status" -eq 1 ]
	[[ "$output" == *"all records fell in one fold"* ]]
	[ ! -e "$TMP/m" ]
}

@test "site model: a paragraph about another story, shaped as the article's, is told apart by its words (the line-role model's cohesion)" {
	# six labelled pages whose articles hold two paragraphs of another
	# topic in the article's own template (tests/fixtures/cohesion/gen):
	# only the words shared with the article's lines tell them apart.
	# Without the cohesion feature the model keeps both on the new page.
	C=$NU_ROOT/tests/fixtures/cohesion
	kept_by_model "$C/new.txt" "$C"/p[1-6].roles
	# the title and the eight paragraphs about the glacier
	[ "$(head -n 1 "$TMP/kept")" = "Rope and glacier for the valley" ]
	[ "$(grep -c 'in the spring\.$' "$TMP/kept")" -eq 8 ]
	[ "$(wc -l < "$TMP/kept")" -eq 9 ]
	# and neither paragraph about the concert
	! grep -q 'guitar\|singer\|festival\|chorus' "$TMP/kept"
}

@test "site model: cohesion matches words in every script, split at any quote and lowercased (Cyrillic, Greek, Vietnamese capitals)" {
	# the same pages with the topics' words in Cyrillic, Greek and
	# Vietnamese, each paragraph spelling them in a case and quotes of
	# its own (ЛЕДНИК, «Ледник», „ĐÈO“, ΠΑΓΕΤΏΝΑ): words split at the
	# quotes and lowercased in every script match the article's; split
	# at ASCII only and folded in ASCII only, no two paragraphs share a
	# topic word and the concert paragraphs look like the article's.
	C=$NU_ROOT/tests/fixtures/cohesion
	kept_by_model "$C/unew.txt" "$C"/u[1-6].roles
	# the paragraphs but the 4th and the 8th, about two other stories
	grep 'in the spring\.$' "$C/unew.txt" | sed '4d; 8d' > "$TMP/want"
	grep 'in the spring\.$' "$TMP/kept" | diff "$TMP/want" -
}

@test "site model: a line's neighbours are read past a short line the page repeats (Advertisement between paragraphs)" {
	# each paragraph is followed at once by "Advertisement", printed ten
	# times, but two (a sponsor's text) by a line of the same shape of
	# their own (tests/fixtures/interrupt/gen): only the line past the
	# repeated one tells them apart.  Line by line, the model keeps a
	# sponsor's text.
	I=$NU_ROOT/tests/fixtures/interrupt
	kept_by_model "$I/new.txt" "$I"/p[1-6].roles
	[ "$(head -n 1 "$TMP/kept")" = "Glacier and guide for the valley" ]
	# the paragraphs but the 4th and the 8th, the sponsors'
	grep 'in the spring\.$' "$I/new.txt" | sed '4d; 8d' > "$TMP/want"
	grep 'in the spring\.$' "$TMP/kept" | diff "$TMP/want" -
}

@test "site model: a short run between two kept paragraphs is kept, a short line kept among dropped ones outside the article is dropped" {
	# invented pages (tests/fixtures/smooth/gen): a model learnt from
	# pages that label subheadings other drops them line by line; between
	# two paragraphs it keeps, a run of three lines or fewer is the article's
	M=$NU_ROOT/tests/fixtures/smooth
	kept_by_model "$M/new.txt" "$M"/a[1-4].roles
	[ "$(head -n 1 "$TMP/kept")" = "Glacier and valley for the climber" ]
	[ "$(grep -c 'in the spring\.$' "$TMP/kept")" -eq 8 ]
	grep -qx 'What changed' "$TMP/kept"
	grep -qx 'Early days' "$TMP/kept"
	grep -qx 'Next year' "$TMP/kept"
	[ "$(wc -l < "$TMP/kept")" -eq 12 ]
	# a model learnt from pages that label every short plain line content
	# keeps the footer's among its links; outside the article's paragraphs,
	# between two dropped lines, it goes (the subheadings stay)
	kept_by_model "$M/new.txt" "$M"/b[1-4].roles
	! grep -q 'Obituaries' "$TMP/kept"
	grep -qx 'Next year' "$TMP/kept"
	[ "$(wc -l < "$TMP/kept")" -eq 12 ]
	# --roles names the dropped line with a role of its own
	strip-boilerplate --model "$TMP/learned.model" --roles "$M/new.txt" > "$TMP/roles"
	grep -q $'^other\tObituaries$' "$TMP/roles"
}
