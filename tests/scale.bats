#!/usr/bin/env bats
# Scaling out: every program gives byte-identical output however its input
# is cut.  GNU parallel --pipe on the record programs, parallel over files
# for split-article, and the Hadoop Streaming contract simulated locally
# (input cut at byte offsets, each split read as Hadoop's line reader reads
# it, through its own process, outputs concatenated).  The inputs are about
# 25 MB (the 100 MB and 1 GB figures are in make bench).
load helpers

COLS='id,source,line,title,date,author,images[].file,entities[type=person].text,entities[type=place].text'

setup_file() {
	local d=$BATS_FILE_TMPDIR one n i f
	one=$d/one.txt
	cat "$NU_ROOT"/tests/fixtures/seeds/*.txt "$NU_ROOT"/tests/fixtures/en/*.txt \
	    "$NU_ROOT"/tests/fixtures/entities-en/*.txt > "$one"
	n=$((24000000 / $(stat -c %s "$one") + 1))
	for i in $(seq "$n"); do cat "$one"; done > "$d/pages.txt"
	split-article "$d/pages.txt" | strip-boilerplate > "$d/records.jsonl"
	extract-entities "$d/records.jsonl" > "$d/entities.jsonl"
	# pages as a crawler leaves them: one page per file, 120 files
	mkdir -p "$d/pages"
	i=0
	while [ $i -lt 120 ]; do
		for f in "$NU_ROOT"/tests/fixtures/seeds/*.txt "$NU_ROOT"/tests/fixtures/en/*.txt; do
			cp "$f" "$d/pages/$(printf '%04d' $i)-$(basename "$f")"
			i=$((i + 1))
		done
	done
}

# hadoop_splits FILE K SEED: print "start end" byte ranges of K splits cut at
# random byte offsets (not at line ends), as Hadoop cuts a file into blocks
hadoop_splits() {
	awk -v size="$(stat -c %s "$1")" -v k="$2" -v seed="$3" 'BEGIN {
		srand(seed)
		for (i = 1; i < k; i++) print int(rand() * size)
	}' | sort -n | awk -v size="$(stat -c %s "$1")" '
		BEGIN { prev = 0 } { print prev, $1; prev = $1 }
		END { print prev, size }'
}

# hadoop_read FILE START END: the lines Hadoop's LineRecordReader gives the
# split [START, END): a split not at the file start skips its first
# (partial) line; a split reads on past END to finish its last line.  So a
# line belongs to the split whose range holds the byte before it starts.
hadoop_read() {
	LC_ALL=C awk -v s="$2" -v e="$3" 'BEGIN { o = 0 }
	{
		if ((s == 0 ? o >= 0 : o > s) && o <= e) print
		o += length($0) + 1
		if (o > e + 1) exit
	}' "$1"
}

# hadoop FILE K SEED MAPPER: each split through its own MAPPER process,
# outputs concatenated in split order (a map-only job's part files)
hadoop() {
	local file=$1 k=$2 seed=$3 mapper=$4 i=0 start end
	hadoop_splits "$file" "$k" "$seed" | while read -r start end; do
		hadoop_read "$file" "$start" "$end" | sh -c "$mapper" > "$TMP/part-$(printf '%05d' $i)"
		i=$((i + 1))
	done
	cat "$TMP"/part-*
	rm -f "$TMP"/part-*
}

@test "scale: the Hadoop split reader gives every line exactly once, whatever the cuts" {
	local f=$BATS_FILE_TMPDIR/records.jsonl
	hadoop "$f" 7 11 cat > "$TMP/back"
	cmp "$f" "$TMP/back"
	hadoop "$f" 2 3 cat | cmp - "$f"
}

@test "scale: parallel --pipe -k --block 1M strip-boilerplate equals strip-boilerplate on records" {
	local f=$BATS_FILE_TMPDIR/records.jsonl
	split-article "$BATS_FILE_TMPDIR/pages.txt" > "$TMP/raw.jsonl"
	strip-boilerplate "$TMP/raw.jsonl" > "$TMP/serial"
	parallel --pipe -k --block 1M strip-boilerplate < "$TMP/raw.jsonl" > "$TMP/par"
	[ "$(wc -l < "$TMP/par")" -gt 1000 ]
	cmp "$TMP/serial" "$TMP/par"
	cmp "$TMP/serial" "$f"
}

@test "scale: parallel --pipe -k --block 1M extract-entities equals extract-entities" {
	local f=$BATS_FILE_TMPDIR/records.jsonl
	parallel --pipe -k --block 1M extract-entities < "$f" > "$TMP/par"
	cmp "$BATS_FILE_TMPDIR/entities.jsonl" "$TMP/par"
}

@test "scale: parallel --pipe -k --block 1M to-tsv --no-header equals to-tsv, and with the header printed once" {
	local f=$BATS_FILE_TMPDIR/entities.jsonl
	to-tsv -f "$COLS" "$f" > "$TMP/serial"
	# the header row: to-tsv of the first record (it prints none for no input)
	{ head -n 1 "$f" | to-tsv -f "$COLS" | head -n 1
	  parallel --pipe -k --block 1M to-tsv --no-header -f "$COLS" < "$f"; } > "$TMP/par"
	[ "$(wc -l < "$TMP/serial")" -eq $(($(wc -l < "$f") + 1)) ]
	cmp "$TMP/serial" "$TMP/par"
}

@test "scale: parallel -k split-article ::: files equals split-article files, ids equal" {
	local d=$BATS_FILE_TMPDIR/pages
	(cd "$d" && split-article *.txt) > "$TMP/serial"
	(cd "$d" && parallel -k split-article ::: *.txt) > "$TMP/par"
	(cd "$d" && ls | parallel -k -n 25 split-article) > "$TMP/par25"
	[ "$(wc -l < "$TMP/serial")" -ge 120 ]
	cmp "$TMP/serial" "$TMP/par"
	cmp "$TMP/serial" "$TMP/par25"
	jq -r .id "$TMP/serial" > "$TMP/ids"
	# ids are unique: source and line are in the hash
	[ "$(sort -u "$TMP/ids" | wc -l)" -eq "$(wc -l < "$TMP/ids")" ]
}

@test "scale: split-article over whole files, N names per process (Hadoop NLineInputFormat) with xargs -P, equals serial" {
	local d=$BATS_FILE_TMPDIR/pages
	(cd "$d" && split-article *.txt) > "$TMP/serial"
	# as NLineInputFormat hands a Hadoop mapper N file names at a time
	(cd "$d" && ls | xargs -n 16 -P 2 sh -c 'split-article "$@" > "out.$1"' sh)
	(cd "$d" && for f in $(ls | grep -v '^out\.' | awk 'NR % 16 == 1'); do cat "out.$f"; done) > "$TMP/par"
	rm -f "$d"/out.*
	cmp "$TMP/serial" "$TMP/par"
}

@test "scale: Hadoop Streaming contract: strip-boilerplate | extract-entities | to-tsv over random byte splits equals serial" {
	local f=$BATS_FILE_TMPDIR/records.jsonl k seed
	split-article "$BATS_FILE_TMPDIR/pages.txt" > "$TMP/raw.jsonl"
	to-tsv --no-header -f "$COLS" "$BATS_FILE_TMPDIR/entities.jsonl" > "$TMP/serial"
	for k in 2 5; do
		for seed in 1 2; do
			hadoop "$TMP/raw.jsonl" $k $seed \
			    "strip-boilerplate | extract-entities | to-tsv --no-header -f '$COLS'" > "$TMP/job"
			cmp "$TMP/serial" "$TMP/job" || { echo "K=$k seed=$seed differs"; false; }
		done
	done
}

@test "scale: records cut by split -n l/K and by split -l at random sizes, each part its own process, equal serial" {
	local f=$BATS_FILE_TMPDIR/records.jsonl k sizes
	for k in 3 8; do
		rm -f "$TMP"/x*
		split -n l/$k "$f" "$TMP/x"
		for p in "$TMP"/x*; do extract-entities < "$p"; done > "$TMP/job"
		cmp "$BATS_FILE_TMPDIR/entities.jsonl" "$TMP/job"
	done
	rm -f "$TMP"/x*
	# random part sizes: a run of split -l with a different size each time
	awk -v seed=5 'BEGIN { srand(seed) } { print }' "$f" |
	    awk 'BEGIN { srand(5); left = 0; part = 0 }
		left == 0 { left = 1 + int(rand() * 900); part++ }
		{ print > sprintf("'"$TMP"'/y%05d", part); left-- }'
	[ "$(ls "$TMP"/y* | wc -l)" -gt 5 ]
	for p in "$TMP"/y*; do strip-boilerplate < "$p" | to-tsv --no-header -f "$COLS"; done > "$TMP/job"
	to-tsv --no-header -f "$COLS" "$f" > "$TMP/serial"
	cmp "$TMP/serial" "$TMP/job"
}

@test "scale: the same input twice gives the same bytes (no time, address or order dependence)" {
	local f=$BATS_FILE_TMPDIR/records.jsonl
	head -n 2000 "$f" > "$TMP/in"
	extract-entities "$TMP/in" | to-tsv -f "$COLS" > "$TMP/a"
	extract-entities "$TMP/in" | to-tsv -f "$COLS" > "$TMP/b"
	cmp "$TMP/a" "$TMP/b"
	split-article "$BATS_FILE_TMPDIR/pages.txt" | head -n 500 > "$TMP/c"
	split-article "$BATS_FILE_TMPDIR/pages.txt" | head -n 500 > "$TMP/d"
	cmp "$TMP/c" "$TMP/d"
}
