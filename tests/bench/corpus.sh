#!/usr/bin/env bash
# Make the benchmark corpora in tests/bench/data/ (once; kept between runs):
#   pages-{10m,100m,1g}.txt   the sample pages repeated, glued as cat glues them
#   line-100m.txt             one 100 MB line of real news text (the
#                             examples/ pages' lines joined, repeated:
#                             a line of 'a's hid extract-entities' 26x)
#   records-{10m,100m,1g}.jsonl  split-article | strip-boilerplate of those
#   (strip-boilerplate is used when built, else plain split-article records)
#   rendered-100m.txt         real news pages (readability's and
#                             trafilatura's test pages) rendered by w3m,
#                             lynx and html2text, menus and footers kept,
#                             repeated: only when tests/realdata/boiler is built
set -eu
cd "$(dirname "$0")"
mkdir -p data
bin=${NU_BIN:-../../bin}
seeds=../fixtures/seeds
make_pages() {	# make_pages NAME BYTES
	[ -s "data/$1" ] && return
	local one
	one=$(mktemp)
	cat "$seeds"/*.txt > "$one"
	local n=$(($2 / $(stat -c %s "$one") + 1))
	for _ in $(seq "$n"); do cat "$one"; done > "data/$1.tmp"
	# cut at a line end: a cut inside a character would be invalid UTF-8
	head -c "$2" "data/$1.tmp" | sed '$d' > "data/$1"
	rm -f "data/$1.tmp" "$one"
}
make_pages pages-10m.txt 10000000
make_pages pages-100m.txt 100000000
make_pages pages-1g.txt 1000000000
if [ ! -s data/line-100m.txt ] || [ "$(head -c 1 data/line-100m.txt)" = a ]; then
	one=$(mktemp)
	cat ../../examples/*.txt | tr '\n\t\r\f' '    ' > "$one"
	n=$((100000000 / $(stat -c %s "$one") + 1))
	# cut at a space: a cut inside a character would be invalid UTF-8
	for _ in $(seq "$n"); do cat "$one"; done | head -c 100000000 |
	    sed 's/ [^ ]*$//' > data/line-100m.txt.tmp
	mv data/line-100m.txt.tmp data/line-100m.txt
	rm -f "$one" data/record-100m.jsonl
fi
for size in 10m 100m 1g; do
	f=data/records-$size.jsonl
	[ -s "$f" ] && continue
	if [ -x "$bin/strip-boilerplate" ]; then
		"$bin/split-article" "data/pages-$size.txt" | "$bin/strip-boilerplate" > "$f.tmp"
	else
		"$bin/split-article" "data/pages-$size.txt" > "$f.tmp"
	fi
	mv "$f.tmp" "$f"
done
# full pages as text browsers print them: the line-role model's hard case
rendered=../realdata/boiler/out/text
if [ ! -s data/rendered-100m.txt ] && [ -d "$rendered" ]; then
	one=$(mktemp)
	find "$rendered" -name '*.txt' -print0 | LC_ALL=C sort -z |
	    xargs -0 cat > "$one"
	n=$((100000000 / $(stat -c %s "$one") + 1))
	for _ in $(seq "$n"); do cat "$one"; done | head -c 100000000 |
	    sed '$d' > data/rendered-100m.txt.tmp
	mv data/rendered-100m.txt.tmp data/rendered-100m.txt
	rm -f "$one"
fi
