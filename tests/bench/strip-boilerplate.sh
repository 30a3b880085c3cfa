#!/usr/bin/env bash
# strip-boilerplate beside cat, grep -c and awk 'length($0)>80' (the
# baseline it must beat) on the same pages, then record mode; peak RSS.
# Usage: strip-boilerplate.sh PAGES [RECORDS]
set -eu
cd "$(dirname "$0")"
. ./lib.sh
bin=${NU_BIN:-$(cd ../.. && pwd)/bin}
pages=${1:-data/pages-1g.txt}
recs=${2:-}
[ -r "$pages" ] || { echo "strip-boilerplate.sh: $pages: no such corpus (run tests/bench/corpus.sh)" >&2; exit 2; }
awk=awk
command -v mawk > /dev/null && awk=mawk
# text mode: one hyperfine run for all, without a shell (-N), back to back,
# so that the baselines are measured under the same load
runs=${BENCH_RUNS_TEXT:-7}
json=$(mktemp)
hyperfine -N --runs "$runs" --warmup 1 --output=pipe --style none \
    --export-json "$json" \
    -n "cat" "cat $pages" \
    -n "grep -c Lào" "grep -c Lào $pages" \
    -n "$awk 'length(\$0)>80'" "$awk 'length(\$0)>80' $pages" \
    -n "strip-boilerplate (text)" "$bin/strip-boilerplate $pages" \
    -n "strip-boilerplate --roles" "$bin/strip-boilerplate --roles $pages" \
    > /dev/null 2>&1 || { echo "strip-boilerplate.sh: hyperfine failed" >&2; exit 1; }
echo "### strip-boilerplate ($(size_mb "$pages") MB of repeated sample pages, one core)"
echo
echo "hyperfine -N --output=pipe, $runs runs each (medians; user and system CPU are means):"
echo
echo "| command | median s | user s | system s | MB/s |"
echo "|---|---:|---:|---:|---:|"
jq -r --argjson b "$(stat -c %s "$pages")" '.results[] |
    "| \(.command) | \(.median * 1000 | round / 1000) | \(.user * 1000 | round / 1000) | \(.system * 1000 | round / 1000) | \($b / 1e6 / .median | round) |"' "$json"
jq -r --arg awk "$awk 'length(\$0)>80'" '(.results[] | select(.command == $awk) | .median) as $a |
    (.results[] | select(.command == "strip-boilerplate (text)") | .median) as $t |
    "\nstrip-boilerplate (text, line-role model loaded) runs at \($a / $t * 100 | round / 100)x the speed of \($awk) in this run (issue 13: at least 1x)."' "$json"
rm -f "$json"
if [ -n "$recs" ] && [ -r "$recs" ]; then
	echo
	echo "Record mode ($(size_mb "$recs") MB of split-article records):"
	echo
	echo "| command | median s | MB/s |"
	echo "|---|---:|---:|"
	speed_row "cat" "$recs" "cat $recs"
	speed_row "strip-boilerplate (records)" "$recs" "$bin/strip-boilerplate --records $recs"
fi
rendered=data/rendered-100m.txt
if [ -r "$rendered" ]; then
	json=$(mktemp)
	# full pages from text browsers: menus, footers and link lists make
	# most lines candidates for the model, unlike the crawler text above
	echo
	echo "Full pages rendered to text ($(size_mb "$rendered") MB, real news pages by w3m, lynx and html2text), same harness:"
	echo
	hyperfine -N --runs "$runs" --warmup 1 --output=pipe --style none \
	    --export-json "$json" \
	    -n "$awk 'length(\$0)>80'" "$awk 'length(\$0)>80' $rendered" \
	    -n "strip-boilerplate (text)" "$bin/strip-boilerplate $rendered" \
	    > /dev/null 2>&1 || { echo "strip-boilerplate.sh: hyperfine failed" >&2; exit 1; }
	echo "| command | median s | user s | system s | MB/s |"
	echo "|---|---:|---:|---:|---:|"
	jq -r --argjson b "$(stat -c %s "$rendered")" '.results[] |
	    "| \(.command) | \(.median * 1000 | round / 1000) | \(.user * 1000 | round / 1000) | \(.system * 1000 | round / 1000) | \($b / 1e6 / .median | round) |"' "$json"
	rm -f "$json"
fi
echo
echo "| peak RSS (MB) | 100 MB input | $(size_mb "$pages") MB input | one 100 MB line | records |"
echo "|---|---:|---:|---:|---:|"
small=data/pages-100m.txt
[ -r "$small" ] || small=$pages
line=data/line-100m.txt
printf '| strip-boilerplate | %s | %s | %s | %s |\n' \
    "$(rss_mb "$bin/strip-boilerplate $small")" \
    "$(rss_mb "$bin/strip-boilerplate $pages")" \
    "$([ -r "$line" ] && rss_mb "$bin/strip-boilerplate $line" || echo -)" \
    "$([ -n "$recs" ] && [ -r "$recs" ] && rss_mb "$bin/strip-boilerplate --records $recs" || echo -)"
echo
