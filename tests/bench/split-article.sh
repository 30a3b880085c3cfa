#!/usr/bin/env bash
# split-article beside cat, wc -l, grep -c and jq -R . on the same pages.
set -eu
cd "$(dirname "$0")"
. ./lib.sh
bin=${NU_BIN:-$(cd ../.. && pwd)/bin}
big=data/pages-1g.txt
echo "### split-article ($(size_mb $big) MB of repeated sample pages, one core)"
echo
echo "| command | median s | MB/s |"
echo "|---|---:|---:|"
speed_row "cat" $big "cat $big"
speed_row "wc -l" $big "wc -l $big"
speed_row "grep -c Lào" $big "grep -c Lào $big"
speed_row "jq -R ." $big "jq -R . $big"
speed_row "split-article" $big "$bin/split-article $big"
echo
echo "| peak RSS | 10 MB input | 100 MB input | 1 GB input | one 100 MB line |"
echo "|---|---:|---:|---:|---:|"
printf '| split-article (MB) | %s | %s | %s | %s |\n' \
    "$(rss_mb "$bin/split-article data/pages-10m.txt")" \
    "$(rss_mb "$bin/split-article data/pages-100m.txt")" \
    "$(rss_mb "$bin/split-article $big")" \
    "$(rss_mb "$bin/split-article data/line-100m.txt")"
echo
