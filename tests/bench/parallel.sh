#!/usr/bin/env bash
# parallel.sh RECORDS.jsonl: speed of each program alone and under GNU
# parallel on every core of this machine.  The record programs get
# `parallel --pipe -k --block BLOCK` (BLOCK default 10M: several blocks per
# core even at 100 MB), and --pipe-part (parallel reads the file itself, at
# block offsets, instead of copying every byte through one perl process),
# which is what a file should use; split-article gets whole files, as in a real crawl
# (`parallel -k split-article ::: files`), made by cutting the pages into
# 5 MB files.  Output is checked equal to the serial run before timing.
set -eu
cd "$(dirname "$0")"
. ./lib.sh
bin=${NU_BIN:-$(cd ../.. && pwd)/bin}
rec=${1:-data/records-100m.jsonl}
block=${BLOCK:-10M}
cores=$(nproc)
pages=data/pages-$(basename "$rec" .jsonl | sed 's/^records-//').txt
cols='id,title,date,author,entities[type=person].text'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the record programs read what the program before them writes
"$bin/extract-entities" "$rec" > "$work/ent.jsonl"
split -n l/$(( $(stat -c %s "$pages") / 5000000 + 1 )) -d -a 4 "$pages" "$work/page-"

echo "### Scaling out with GNU parallel ($cores cores, $(parallel --version | head -n 1))"
echo
echo "| program | input | serial MB/s | parallel MB/s | speed-up | same output |"
echo "|---|---|---:|---:|---:|---|"

# row LABEL INPUT SERIAL PARALLEL
row() {
	local label=$1 in=$2 s=$3 p=$4 a b same
	a=$(speed_row x "$in" "$s" | awk -F'|' '{ print $4 + 0 }')
	b=$(speed_row x "$in" "$p" | awk -F'|' '{ print $4 + 0 }')
	sh -c "$s" > "$work/s.out"
	sh -c "$p" > "$work/p.out"
	cmp -s "$work/s.out" "$work/p.out" && same=yes || same=NO
	printf '| %s | %s MB | %s | %s | %s | %s |\n' "$label" "$(size_mb "$in")" "$a" "$b" \
	    "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2fx", (a > 0 ? b / a : 0) }')" "$same"
}

row "split-article (files)" "$pages" "cd $work && $bin/split-article page-*" \
    "cd $work && parallel -k $bin/split-article ::: page-*"
row "strip-boilerplate --records" "$rec" "$bin/strip-boilerplate $rec" \
    "parallel --pipe -k --block $block $bin/strip-boilerplate < $rec"
row "extract-entities" "$rec" "$bin/extract-entities $rec" \
    "parallel --pipe -k --block $block $bin/extract-entities < $rec"
row "extract-entities (--pipe-part)" "$rec" "$bin/extract-entities $rec" \
    "parallel --pipe-part -a $rec -k --block $block $bin/extract-entities"
row "to-tsv -f" "$work/ent.jsonl" "$bin/to-tsv --no-header -f '$cols' $work/ent.jsonl" \
    "parallel --pipe -k --block $block $bin/to-tsv --no-header -f \"'$cols'\" < $work/ent.jsonl"
row "whole record pipeline" "$rec" \
    "$bin/strip-boilerplate $rec | $bin/extract-entities | $bin/to-tsv --no-header -f '$cols'" \
    "parallel --pipe -k --block $block '$bin/strip-boilerplate | $bin/extract-entities | $bin/to-tsv --no-header -f \"$cols\"' < $rec"
row "whole record pipeline (--pipe-part)" "$rec" \
    "$bin/strip-boilerplate $rec | $bin/extract-entities | $bin/to-tsv --no-header -f '$cols'" \
    "parallel --pipe-part -a $rec -k --block $block '$bin/strip-boilerplate | $bin/extract-entities | $bin/to-tsv --no-header -f \"$cols\"'"
echo
