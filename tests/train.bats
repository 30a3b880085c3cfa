#!/usr/bin/env bats
# newsutils-train and the shared learner (common/nu_learn.c), on the
# "features" task: items carry their own feature names.  The fixtures are
# a toy tagging problem (tests/fixtures/train/): a word after "the" or "a"
# is N, those two are D, the rest O; only the word itself is a feature, so
# N can only be learned through the label-pair weights of the decoder.
load helpers

T=$NU_ROOT/tests/fixtures/train

train() {
	newsutils-train -t features --labels O,D,N "$@"
}

@test "train: learns a sequence rule from label pairs (dev accuracy over 0.95)" {
	run train -o "$TMP/m" "$T/tag-train.jsonl"
	[ "$status" -eq 0 ]
	run train --eval --model "$TMP/m" "$T/tag-dev.jsonl"
	[ "$status" -eq 0 ]
	acc=$(awk -F'\t' '$1 == "accuracy" { print $2 }' <<< "$output")
	awk -v a="$acc" 'BEGIN { exit !(a > 0.95) }'
	# N needs the previous label: without the decoder it is a guess
	n_f1=$(awk -F'\t' '$1 == "N" { print $4 }' <<< "$output")
	awk -v a="$n_f1" 'BEGIN { exit !(a > 0.9) }'
}

@test "train: the same data gives a byte-identical model" {
	train -o "$TMP/a" "$T/tag-train.jsonl"
	train -o "$TMP/b" < "$T/tag-train.jsonl"
	cmp "$TMP/a" "$TMP/b"
}

@test "train: another seed visits examples in another order" {
	train -o "$TMP/a" "$T/tag-train.jsonl"
	train --seed 7 -o "$TMP/b" "$T/tag-train.jsonl"
	! cmp -s "$TMP/a" "$TMP/b"
}

@test "train: --runs N trains from --seed and its next N-1 and averages; --runs 1 is the plain run" {
	train -o "$TMP/a" "$T/tag-train.jsonl"
	train --runs 1 -o "$TMP/b" "$T/tag-train.jsonl"
	cmp "$TMP/a" "$TMP/b"
	! grep -a -q '^meta runs' "$TMP/b"
	train --runs 3 -o "$TMP/c" "$T/tag-train.jsonl"
	train --runs 3 -o "$TMP/d" "$T/tag-train.jsonl"
	cmp "$TMP/c" "$TMP/d"
	grep -a -q '^meta runs 3$' "$TMP/c"
	! cmp -s "$TMP/a" "$TMP/c"
	# another first seed, other runs
	train --runs 3 --seed 2 -o "$TMP/e" "$T/tag-train.jsonl"
	! cmp -s "$TMP/c" "$TMP/e"
	# the averaged model still learns the rule
	run train --eval --model "$TMP/c" "$T/tag-dev.jsonl"
	acc=$(awk -F'\t' '$1 == "accuracy" { print $2 }' <<< "$output")
	awk -v a="$acc" 'BEGIN { exit !(a > 0.95) }'
	for bad in 0 101 x; do
		run train --runs "$bad" -o "$TMP/f" "$T/tag-train.jsonl"
		[ "$status" -eq 2 ]
		[ ! -e "$TMP/f" ]
	done
}

@test "train: the model file starts with its readable header and meta" {
	train --meta source=toy --meta licence=CC0 -o "$TMP/m" "$T/tag-train.jsonl"
	run head -n 12 "$TMP/m"
	[ "${lines[0]}" = "newsutils-model 1" ]
	[ "${lines[1]}" = "task features" ]
	[ "${lines[2]}" = "sequence 1" ]
	[ "${lines[3]}" = "labels 3" ]
	[ "${lines[4]}" = "O" ]
	[[ "$output" == *"meta source toy"* ]]
	[[ "$output" == *"meta licence CC0"* ]]
	[[ "$output" == *"meta epochs 10"* ]]
}

@test "train: --dev prints per-label scores on stderr" {
	run --separate-stderr train -o "$TMP/m" --dev "$T/tag-dev.jsonl" "$T/tag-train.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[[ "$stderr" == *"scores on"*"accuracy"* ]]
}

@test "train: a bad JSON line and a bad record are reported with file and line, the rest used" {
	{ head -n 5 "$T/tag-train.jsonl"; echo '{"items": [1'; echo '{"items": [{"f": ["w=x"], "label": "Q"}]}'; } > "$TMP/in"
	run --separate-stderr train -o "$TMP/m" "$TMP/in"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"newsutils-train: $TMP/in:6: bad JSON"* ]]
	[[ "$stderr" == *"$TMP/in:7: item 1: label \"Q\" is not one of --labels"* ]]
	[ -s "$TMP/m" ]
}

@test "train: no examples at all is exit 1 and writes no model" {
	run train -o "$TMP/m" /dev/null
	[ "$status" -eq 1 ]
	[[ "$output" == *"no labelled examples"* ]]
	[ ! -e "$TMP/m" ]
}

@test "train: usage errors exit 2 (no task, unknown task, no output, bad model)" {
	run newsutils-train -o "$TMP/m"
	[ "$status" -eq 2 ]
	run newsutils-train -t nosuch -o "$TMP/m"
	[ "$status" -eq 2 ]
	[[ "$output" == *"no task 'nosuch'"* ]]
	run train "$T/tag-train.jsonl"
	[ "$status" -eq 2 ]
	printf 'newsutils-model 1\ntask features\n' > "$TMP/bad"
	run train --eval --model "$TMP/bad" "$T/tag-dev.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--model $TMP/bad: truncated header"* ]]
	run train --eval --model "$TMP/none" "$T/tag-dev.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"No such file"* ]]
}

@test "train: a truncated model file is refused, whatever byte it ends at" {
	train -o "$TMP/m" "$T/tag-train.jsonl"
	size=$(stat -c %s "$TMP/m")
	for cut in 10 60 100 $((size - 1)); do
		head -c "$cut" "$TMP/m" > "$TMP/cut"
		run train --eval --model "$TMP/cut" "$T/tag-dev.jsonl"
		[ "$status" -eq 2 ]
	done
}

@test "train: a model of another task is refused by --eval" {
	train -o "$TMP/m" "$T/tag-train.jsonl"
	sed '2s/.*/task other/' "$TMP/m" > "$TMP/other"
	run train --eval --model "$TMP/other" "$T/tag-dev.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"a other model, not features"* ]]
}

@test "train: --help, --version, --list" {
	run newsutils-train --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"Usage: newsutils-train"* ]]
	run newsutils-train --version
	[ "$status" -eq 0 ]
	run newsutils-train --list
	[ "$status" -eq 0 ]
	[[ "$output" == *"features"* ]]
}

@test "train: -o writes the model with the umask's mode" {
	(umask 027 && train -o "$TMP/m" "$T/tag-train.jsonl")
	[ "$(stat -c %a "$TMP/m")" = 640 ]
}

# a model of task features, labels A,B, no label pairs, one feature ("w=a"
# or any: the hash is 12345) whose weight for A is $1 (4 bytes, octal)
model_with_weight() {
	printf 'newsutils-model 1\ntask features\nsequence 0\nlabels 2\nA\nB\nfeatures 1\nend\n'
	printf '\071\060\000\000\000\000\000\000'
	printf "$1"
	printf '\000\000\200\077'
}

@test "train: a model whose weights are NaN or infinite is refused" {
	echo '{"items": [{"f": ["w=a"], "label": "A"}]}' > "$TMP/one"
	model_with_weight '\000\000\000\100' > "$TMP/ok"
	run newsutils-train -t features --labels A,B --eval --model "$TMP/ok" "$TMP/one"
	[ "$status" -eq 0 ]
	for w in '\000\000\300\177' '\000\000\200\177' '\000\000\200\377'; do
		model_with_weight "$w" > "$TMP/bad"
		run newsutils-train -t features --labels A,B --eval --model "$TMP/bad" "$TMP/one"
		[ "$status" -eq 2 ]
		[[ "$output" == *"--model $TMP/bad: a weight is not a finite number"* ]]
	done
}

@test "train: --eval refuses a model whose labels are not the task's (order counts)" {
	train -o "$TMP/m" "$T/tag-train.jsonl"
	run newsutils-train -t features --labels N,D,O --eval --model "$TMP/m" "$T/tag-dev.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--model $TMP/m: its labels O,D,N are not the task's N,D,O"* ]]
	run newsutils-train -t features --labels O,D --eval --model "$TMP/m" "$T/tag-dev.jsonl"
	[ "$status" -eq 2 ]
}

@test "train: --prune, --labels and --meta that the model file could not hold are usage errors" {
	for p in abc nan inf -1 1x ''; do
		run train --prune "$p" -o "$TMP/m" "$T/tag-train.jsonl"
		[ "$status" -eq 2 ]
		[[ "$output" == *"--prune: '$p' is not a number"* ]]
	done
	train --prune 0.5 -o "$TMP/m" "$T/tag-train.jsonl"
	run newsutils-train -t features --labels $'O\nX,D,N' -o "$TMP/m2" "$T/tag-train.jsonl"
	[ "$status" -eq 2 ]
	run newsutils-train -t features --labels O,D,O -o "$TMP/m2" "$T/tag-train.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"'O' twice"* ]]
	for m in 'my key=v' '=v' $'k=v\nend' 'novalue'; do
		run train --meta "$m" -o "$TMP/m2" "$T/tag-train.jsonl"
		[ "$status" -eq 2 ]
	done
	[ ! -e "$TMP/m2" ]
	train --meta 'source=a b = c' -o "$TMP/m2" "$T/tag-train.jsonl"
	grep -a -q '^meta source a b = c$' "$TMP/m2"
}

@test "train: SOURCE_DATE_EPOCH sets the trained date, so another day gives the same bytes" {
	SOURCE_DATE_EPOCH=86400 train -o "$TMP/a" "$T/tag-train.jsonl"
	grep -a -q '^meta trained 1970-01-02$' "$TMP/a"
	SOURCE_DATE_EPOCH=86400 train -o "$TMP/b" "$T/tag-train.jsonl"
	cmp "$TMP/a" "$TMP/b"
	SOURCE_DATE_EPOCH=yesterday run train -o "$TMP/c" "$T/tag-train.jsonl"
	[ "$status" -eq 2 ]
	[ ! -e "$TMP/c" ]
}

@test "train: a model that cannot be written is exit 2 naming it, no temporary file left, none open" {
	skip_under_asan
	awk 'BEGIN { for (i = 0; i < 2000; i++) printf "{\"items\": [{\"f\": [\"w=%d\"], \"label\": \"%s\"}]}\n", i, i % 2 ? "A" : "B" }' > "$TMP/in"
	mkdir "$TMP/out"
	# a file size limit of 1 KiB: the write fails (EFBIG) part way
	run --separate-stderr bash -c "trap '' XFSZ; ulimit -f 1; exec newsutils-train -t features --labels A,B -o '$TMP/out/m' '$TMP/in'"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"newsutils-train: $TMP/out/m: File too large"* ]]
	[ -z "$(ls -A "$TMP/out")" ]
	command -v valgrind > /dev/null || skip "no valgrind to see open files"
	run --separate-stderr bash -c "trap '' XFSZ; ulimit -f 1; exec valgrind --track-fds=yes newsutils-train -t features --labels A,B -o '$TMP/out/m' '$TMP/in'"
	[ "$status" -eq 2 ]
	[[ "$stderr" != *"$TMP/out/m.tmp"* ]]
}

@test "train: a model whose feature hashes were chosen to collide is refused, not loaded in quadratic time" {
	# collide.model (made by make-collide): 120 features, all in one slot
	echo '{"items": [{"f": ["w=a"], "label": "A"}]}' > "$TMP/one"
	run newsutils-train -t features --labels A --eval --model "$T/collide.model" "$TMP/one"
	[ "$status" -eq 2 ]
	[[ "$output" == *"feature hashes that collide"* ]]
}

@test "train: a --model past 256 MiB, or endless like /dev/zero, is refused instead of read until memory runs out" {
	echo '{"items": [{"f": ["w=a"], "label": "A"}]}' > "$TMP/one"
	truncate -s 300M "$TMP/huge"
	run newsutils-train -t features --labels A --eval --model "$TMP/huge" "$TMP/one"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--model $TMP/huge: larger than 256 MiB"* ]]
	skip_under_asan
	run newsutils-train -t features --labels A --eval --model /dev/zero "$TMP/one"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--model /dev/zero: larger than 256 MiB"* ]]
}

@test "train: an unreadable input and so no examples is exit 2, not 1" {
	run train -o "$TMP/m" "$TMP/no-such-file"
	[ "$status" -eq 2 ]
	[[ "$output" == *"$TMP/no-such-file: No such file"* ]]
	[ ! -e "$TMP/m" ]
}

@test "train: lines of blanks between JSON Lines records are no records, not bad JSON" {
	{ head -n 3 "$T/tag-train.jsonl"; printf '   \n\t\n\n'; sed -n 4,6p "$T/tag-train.jsonl"; } > "$TMP/in"
	run --separate-stderr train -o "$TMP/m" "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
}

@test "train: a line without TAB in pages labelled by role is reported at its own line" {
	printf 'content\tone\nstray text\ntitle\ttwo\n' > "$TMP/roles.tsv"
	run --separate-stderr train -o "$TMP/m" "$TMP/roles.tsv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"newsutils-train: $TMP/roles.tsv:2: no TAB"* ]]
}

@test "train: a model of more than 1024 meta lines is refused (memory), and --meta stops at 1000" {
	echo '{"items": [{"f": ["w=a"], "label": "A"}]}' > "$TMP/one"
	meta_model() {
		printf 'newsutils-model 1\ntask features\nsequence 0\nlabels 1\nA\n'
		yes 'meta k v' | head -n "$1"
		printf 'features 0\nend\n'
	}
	meta_model 1024 > "$TMP/ok"
	run newsutils-train -t features --labels A --eval --model "$TMP/ok" "$TMP/one"
	[ "$status" -eq 0 ]
	meta_model 1025 > "$TMP/bad"
	run newsutils-train -t features --labels A --eval --model "$TMP/bad" "$TMP/one"
	[ "$status" -eq 2 ]
	[[ "$output" == *"more than 1024 meta lines"* ]]
	args=()
	for i in $(seq 1001); do args+=(--meta "k$i=v"); done
	run train "${args[@]}" -o "$TMP/m" "$T/tag-train.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--meta: more than 1000"* ]]
}

@test "train: a file of two passes is refused when the second is of another task or labels, or when more than four are chained" {
	train -o "$TMP/m" "$T/tag-train.jsonl"
	newsutils-train -t features --labels O,D,X -o "$TMP/x" "$T/tag-train.jsonl" 2>/dev/null || true
	sed '2s/.*/task other/' "$TMP/m" > "$TMP/other"
	for next in "$TMP/other" "$TMP/x"; do
		cat "$TMP/m" "$next" > "$TMP/two"
		run train --eval --model "$TMP/two" "$T/tag-dev.jsonl"
		[ "$status" -eq 2 ]
		[[ "$output" == *"the next pass's model is of another task or labels"* ]]
	done
	cat "$TMP/m" "$TMP/m" > "$TMP/two"
	run train --eval --model "$TMP/two" "$T/tag-dev.jsonl"
	[ "$status" -eq 0 ]
	cat "$TMP/m" "$TMP/m" "$TMP/m" "$TMP/m" "$TMP/m" > "$TMP/five"
	run train --eval --model "$TMP/five" "$T/tag-dev.jsonl"
	[ "$status" -eq 2 ]
	[[ "$output" == *"bytes after the weights"* ]]
	# a second pass cut short anywhere is refused like a first
	size=$(stat -c %s "$TMP/m")
	for cut in 5 60 $((size - 1)); do
		head -c $((size + cut)) "$TMP/two" > "$TMP/cut"
		run train --eval --model "$TMP/cut" "$T/tag-dev.jsonl"
		[ "$status" -eq 2 ]
	done
}
