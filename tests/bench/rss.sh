#!/usr/bin/env bash
# rss.sh: peak resident memory of every program at 10 MB, 100 MB and 1 GB
# of input, on one 100 MB line of real news text (text) or one record with
# it as its body, and on 1 GiB of NUL bytes.  Bounded memory means the
# first three columns are flat and the NUL column too; the long line costs
# at most 4x its size (issue 15).
set -eu
cd "$(dirname "$0")"
. ./lib.sh
bin=${NU_BIN:-$(cd ../.. && pwd)/bin}
# one record whose body is the 100 MB line
if [ ! -s data/record-100m.jsonl ]; then
	{ printf '{"id":"0000000000000000","title":"A long one","body":"'
	  sed 's/[\\"]/\\&/g' data/line-100m.txt; printf '"}\n'; } > data/record-100m.jsonl.tmp
	mv data/record-100m.jsonl.tmp data/record-100m.jsonl
fi
ent=$(mktemp)
trap 'rm -f "$ent"' EXIT
"$bin/extract-entities" data/records-10m.jsonl > "$ent"

echo "### Peak RSS (MB, GNU time %M)"
echo
echo "| program | 10 MB | 100 MB | 1 GB | one 100 MB line of news text | 1 GiB of NUL |"
echo "|---|---:|---:|---:|---:|---:|"
# rss_row LABEL COMMAND-PREFIX INPUT-PATTERN LONG: INPUT-PATTERN has SIZE
rss_row() {
	local label=$1 cmd=$2 pat=$3 long=$4 s cells=
	for s in 10m 100m 1g; do
		cells="$cells | $(rss_mb "$cmd ${pat//SIZE/$s}")"
	done
	printf '| %s%s | %s | %s |\n' "$label" "$cells" "$(rss_mb "$cmd $long")" \
	    "$(rss_mb "head -c 1073741824 /dev/zero | $cmd")"
}
rss_row split-article "$bin/split-article" data/pages-SIZE.txt data/line-100m.txt
rss_row "strip-boilerplate (text)" "$bin/strip-boilerplate --text" data/pages-SIZE.txt data/line-100m.txt
rss_row "strip-boilerplate (records)" "$bin/strip-boilerplate --records" data/records-SIZE.jsonl data/record-100m.jsonl
rss_row "extract-entities (records)" "$bin/extract-entities --records" data/records-SIZE.jsonl data/record-100m.jsonl
rss_row "extract-entities (text)" "$bin/extract-entities --text" data/pages-SIZE.txt data/line-100m.txt
rss_row "to-tsv" "$bin/to-tsv" data/records-SIZE.jsonl data/record-100m.jsonl
echo
