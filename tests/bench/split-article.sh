#!/usr/bin/env bash
# split-article beside cat, wc -l, grep -c and jq -R . on the same pages,
# in one hyperfine run (-N, back to back, so the load is the same for all):
# issue 12 asks >= 150 MB/s with the page-start model (the default) and
# >= 3x `jq -R .`; --model none (the rules alone) for reference.
set -eu
cd "$(dirname "$0")"
. ./lib.sh
bin=${NU_BIN:-$(cd ../.. && pwd)/bin}
big=${1:-data/pages-1g.txt}
runs=${BENCH_RUNS_SPLIT:-$BENCH_RUNS}
json=$(mktemp)
hyperfine -N --runs "$runs" --warmup 1 --output=pipe --style none \
    --export-json "$json" \
    -n "cat" "cat $big" \
    -n "wc -l" "wc -l $big" \
    -n "grep -c Lào" "grep -c Lào $big" \
    -n "jq -R ." "jq -R . $big" \
    -n "split-article" "$bin/split-article $big" \
    -n "split-article --model none" "$bin/split-article --model none $big" \
    > /dev/null 2>&1 || { echo "split-article.sh: hyperfine failed" >&2; exit 1; }
echo "### split-article ($(size_mb $big) MB of repeated sample pages, one core)"
echo
echo "hyperfine -N --output=pipe, $runs runs each (medians):"
echo
echo "| command | median s | MB/s |"
echo "|---|---:|---:|"
jq -r --argjson b "$(stat -c %s "$big")" '.results[] |
    "| \(.command) | \(.median * 1000 | round / 1000) | \($b / 1e6 / .median | round) |"' "$json"
jq -r '(.results[] | select(.command == "jq -R .") | .median) as $jq |
    (.results[] | select(.command == "split-article") | .median) as $sa |
    "\nsplit-article (page-start model) is \($jq / $sa * 100 | round / 100)x `jq -R .` in this run."' "$json"
rm -f "$json"
echo
echo "| peak RSS | 10 MB input | 100 MB input | $(size_mb $big) MB input | one 100 MB line |"
echo "|---|---:|---:|---:|---:|"
printf '| split-article (MB) | %s | %s | %s | %s |\n' \
    "$(rss_mb "$bin/split-article data/pages-10m.txt")" \
    "$(rss_mb "$bin/split-article data/pages-100m.txt")" \
    "$(rss_mb "$bin/split-article $big")" \
    "$(rss_mb "$bin/split-article data/line-100m.txt")"
echo
