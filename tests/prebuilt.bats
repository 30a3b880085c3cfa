#!/usr/bin/env bats
# The tables built at build time (common/nu_prebuilt.h, scripts/prebuild.c):
# a program decides with them exactly as with the model files and the
# lexicons loaded at start-up.  A --model FILE is parsed and indexed as
# any user's model, and a --lexicon-dir (here an empty one, which adds no
# entry) makes every lexicon table be built from the compiled-in text
# again; the output must not move by a byte.
load helpers

M=$NU_ROOT/common/models

# The sample pages and the English entity fixtures as records, the two
# languages interleaved (a stream that loads one language's tables, then
# both).
records() {
	for f in "$SEEDS"/*.txt "$NU_ROOT"/tests/fixtures/entities-en/*; do
		jq -c -R -s '{title: (split("\n")[0]), body: (split("\n")[1:] | join("\n"))}' "$f"
	done
}

@test "prebuilt: extract-entities tags as with the model files and the lexicons loaded at start-up" {
	records > "$TMP/r.jsonl"
	mkdir "$TMP/nolex"
	extract-entities "$TMP/r.jsonl" > "$TMP/built"
	[ "$(jq -s 'map(.entities | length) | add' "$TMP/built")" -gt 50 ]
	for lang in en vi; do
		extract-entities --model "$M/entity-$lang.model" \
		    --lexicon-dir "$TMP/nolex" "$TMP/r.jsonl" > "$TMP/$lang"
		cmp "$TMP/built" "$TMP/$lang"
	done
	# each language on its own (only its own tables loaded)
	for lang in en vi; do
		extract-entities --lang "$lang" "$TMP/r.jsonl" > "$TMP/a"
		extract-entities --lang "$lang" --model "$M/entity-$lang.model" \
		    --lexicon-dir "$TMP/nolex" "$TMP/r.jsonl" > "$TMP/b"
		cmp "$TMP/a" "$TMP/b"
	done
}

@test "prebuilt: split-article and strip-boilerplate decide as with their model files" {
	seeds_cat > "$TMP/all.txt"
	split-article "$TMP/all.txt" > "$TMP/a"
	split-article --model "$M/page-start.model" "$TMP/all.txt" > "$TMP/b"
	[ -s "$TMP/a" ]
	cmp "$TMP/a" "$TMP/b"
	for f in "$NU_ROOT"/tests/fixtures/boiler/*.txt; do
		strip-boilerplate --roles "$f"
	done > "$TMP/a"
	for f in "$NU_ROOT"/tests/fixtures/boiler/*.txt; do
		strip-boilerplate --roles --model "$M/line-role.model" "$f"
	done > "$TMP/b"
	[ -s "$TMP/a" ]
	cmp "$TMP/a" "$TMP/b"
	for f in "$NU_ROOT"/tests/fixtures/boiler/*.txt; do
		strip-boilerplate --roles --page-model "$f"
	done > "$TMP/a"
	for f in "$NU_ROOT"/tests/fixtures/boiler/*.txt; do
		strip-boilerplate --roles --page-model="$M/page-start.model" "$f"
	done > "$TMP/b"
	cmp "$TMP/a" "$TMP/b"
}
