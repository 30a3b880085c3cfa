#!/usr/bin/env bash
# tests/bench/extract-entities.sh [RECORDS.jsonl]: extract-entities beside
# `jq -c .` on the same records in the same run (hyperfine, 3 runs, output
# through a pipe), peak RSS (/usr/bin/time -v) on that input and on a 10x
# larger one, and start-up time (medians) on empty input, on the input's
# first record and on one short record of each language (a first record
# of a language looks up its model and lists); prints a markdown table.
# Without an argument uses tests/bench/data/records-100m.jsonl, or builds
# ~100 MB of records with jq from the sample pages.
set -eu
cd "$(dirname "$0")/../.."
PATH=$PWD/bin:$PATH
in=${1:-tests/bench/data/records-100m.jsonl}
if [ ! -s "$in" ]; then
	in=tests/bench/data/ee-gen-100m.jsonl
	if [ ! -s "$in" ]; then
		mkdir -p tests/bench/data
		jq -c -R -s 'split("\n") as $l | {id: "0000000000000000",
		    source: input_filename, line: 1, title: $l[0],
		    body: ($l[1:] | join("\n"))}' tests/fixtures/seeds/*.txt > "$in.one"
		while [ "$(stat -c %s "$in" 2>/dev/null || echo 0)" -lt 100000000 ]; do
			for i in $(seq 1 200); do cat "$in.one"; done >> "$in"
		done
		rm -f "$in.one"
	fi
fi
size=$(stat -c %s "$in")
json=$(mktemp)
trap 'rm -f "$json" "$json.2" "$json.big" "$json.one" "$json.en" "$json.vi"' EXIT
hyperfine --runs 3 --warmup 1 --output=pipe --export-json "$json" \
    -n extract-entities "extract-entities $in" -n "jq -c ." "jq -c . $in" >&2
head -n 1 "$in" > "$json.one"
# one short record of each language: what a process per record pays
printf '%s\n' '{"id":"1","lang":"en","title":"x","body":"Barack Obama met officials in Paris."}' > "$json.en"
printf '%s\n' '{"id":"1","lang":"vi","title":"x","body":"Ông Nguyễn Văn An gặp lãnh đạo tỉnh Quảng Nam tại Hà Nội."}' > "$json.vi"
hyperfine --runs 20 --warmup 3 --output=pipe -N --export-json "$json.2" \
    -n start-up "extract-entities /dev/null" \
    -n "first record" "extract-entities $json.one" \
    -n "one English record" "extract-entities $json.en" \
    -n "one Vietnamese record" "extract-entities $json.vi" >&2
rss() { /usr/bin/time -v sh -c "$1 > /dev/null" 2>&1 | awk -F': ' '/Maximum resident/ {print $2}'; }
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$in"; done > "$json.big"
echo "input: $in ($((size / 1000000)) MB)"
echo
echo "| command | mean s | MB/s | peak RSS KB |"
echo "|---|---|---|---|"
for k in 0 1; do
	name=$(jq -r ".results[$k].command" "$json")
	mean=$(jq ".results[$k].mean" "$json")
	case $name in extract-entities) c="extract-entities $in" ;; *) c="jq -c . $in" ;; esac
	printf '| %s | %.2f | %.1f | %s |\n' "$name" "$mean" \
	    "$(echo "$size / $mean / 1000000" | bc -l)" "$(rss "$c")"
done
printf '| extract-entities, 10x the input | | | %s |\n' "$(rss "extract-entities $json.big")"
printf '| start-up (empty input), median | %.4f | | %s |\n' "$(jq '.results[0].median' "$json.2")" \
    "$(rss "extract-entities /dev/null")"
printf '| start-up and one record (the first of the input), median | %.4f | | %s |\n' \
    "$(jq '.results[1].median' "$json.2")" "$(rss "extract-entities $json.one")"
printf '| start-up and one short English record, median | %.4f | | %s |\n' \
    "$(jq '.results[2].median' "$json.2")" "$(rss "extract-entities $json.en")"
printf '| start-up and one short Vietnamese record, median | %.4f | | %s |\n' \
    "$(jq '.results[3].median' "$json.2")" "$(rss "extract-entities $json.vi")"
