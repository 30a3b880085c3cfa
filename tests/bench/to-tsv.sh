#!/usr/bin/env bash
# tests/bench/to-tsv.sh [RECORDS.jsonl]: to-tsv against jq and mlr on the same
# columns, hyperfine (3 runs, output through a pipe) and peak RSS
# (/usr/bin/time -v); prints a markdown table.  Without an argument, or when
# the file is missing, builds ~1 GB of article-like records with jq from the
# sample pages (cached in tests/bench/data/).
set -eu
cd "$(dirname "$0")/../.."
PATH=$PWD/bin:$PATH
in=${1:-tests/bench/data/records-1g.jsonl}
if [ ! -s "$in" ]; then
	in=tests/bench/data/gen-1g.jsonl
	if [ ! -s "$in" ]; then
		mkdir -p tests/bench/data
		# one record per sample page: id, source, line, title, date, body
		jq -c -R -s --arg src x 'split("\n") as $l |
		    {id: "0000000000000000", source: $src, line: 1, title: $l[0],
		     date: "2022-04-27", body: ($l[1:] | join("\n"))}' \
		    tests/fixtures/seeds/*.txt > "$in.one"
		n=0
		while [ "$(stat -c %s "$in" 2>/dev/null || echo 0)" -lt 1000000000 ]; do
			for i in $(seq 1 200); do cat "$in.one"; done >> "$in"
			n=$((n + 1))
		done
		rm -f "$in.one"
	fi
fi
size=$(stat -c %s "$in")
f=id,title,date,body
tsv="to-tsv -f $f $in"
jqc="jq -r '[.id,.title,.date,.body] | @tsv' $in"
mlrc="mlr --ijsonl --otsv cut -o -f $f $in"
hyperfine --runs 3 --output=pipe --export-json /tmp/to-tsv-bench.$$.json \
    -n to-tsv "$tsv" -n jq "$jqc" -n mlr "$mlrc" >&2
rss() { /usr/bin/time -v sh -c "$1 > /dev/null" 2>&1 | awk -F': ' '/Maximum resident/ {print $2}'; }
echo "input: $in ($((size / 1000000)) MB)"
echo
echo "| command | mean s | MB/s | x slower than to-tsv | peak RSS KB |"
echo "|---|---|---|---|---|"
base=$(jq '.results[0].mean' /tmp/to-tsv-bench.$$.json)
for k in 0 1 2; do
	name=$(jq -r ".results[$k].command" /tmp/to-tsv-bench.$$.json)
	mean=$(jq ".results[$k].mean" /tmp/to-tsv-bench.$$.json)
	case $name in to-tsv) c=$tsv ;; jq) c=$jqc ;; mlr) c=$mlrc ;; esac
	printf '| %s | %.2f | %.0f | %.1f | %s |\n' "$name" "$mean" \
	    "$(echo "$size / $mean / 1000000" | bc -l)" \
	    "$(echo "$mean / $base" | bc -l)" "$(rss "$c")"
done
rm -f /tmp/to-tsv-bench.$$.json
