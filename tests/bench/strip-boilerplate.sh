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
echo "### strip-boilerplate ($(size_mb "$pages") MB of repeated sample pages, one core)"
echo
echo "| command | median s | MB/s |"
echo "|---|---:|---:|"
speed_row "cat" "$pages" "cat $pages"
speed_row "grep -c Lào" "$pages" "grep -c Lào $pages"
speed_row "$awk 'length(\$0)>80'" "$pages" "$awk 'length(\$0)>80' $pages"
speed_row "strip-boilerplate (text)" "$pages" "$bin/strip-boilerplate $pages"
speed_row "strip-boilerplate --roles" "$pages" "$bin/strip-boilerplate --roles $pages"
if [ -n "$recs" ] && [ -r "$recs" ]; then
	echo
	echo "Record mode ($(size_mb "$recs") MB of split-article records):"
	echo
	echo "| command | median s | MB/s |"
	echo "|---|---:|---:|"
	speed_row "cat" "$recs" "cat $recs"
	speed_row "strip-boilerplate (records)" "$recs" "$bin/strip-boilerplate --records $recs"
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
