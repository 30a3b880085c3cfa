# Benchmark helpers, sourced by tests/bench/*.sh.
# Speeds are medians of several hyperfine runs with output fed through a
# pipe (GNU grep stops at the first match when its output is /dev/null);
# peak RSS comes from GNU time's %M.
BENCH_RUNS=${BENCH_RUNS:-3}

# size_mb FILE: size in MB (10^6 bytes)
size_mb() {
	awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'
}

# speed_row LABEL FILE COMMAND: "| LABEL | median s | MB/s |"
speed_row() {
	local label=$1 file=$2 cmd=$3 json
	json=$(mktemp)
	hyperfine --runs "$BENCH_RUNS" --warmup 1 --output=pipe --style none \
	    --export-json "$json" "$cmd" > /dev/null 2>&1 || {
		echo "| $label | failed | |"; rm -f "$json"; return; }
	jq -r --arg l "$label" --argjson b "$(stat -c %s "$file")" \
	    '.results[0].median as $m | "| \($l) | \($m * 1000 | round / 1000) | \($b / 1e6 / $m | round) |"' "$json"
	rm -f "$json"
}

# rss_kb COMMAND: peak resident set of COMMAND (output discarded) in kB
rss_kb() {
	local out
	out=$(mktemp)
	/usr/bin/time -f '%M' -o "$out" sh -c "$1" > /dev/null 2>&1
	tail -n 1 "$out"
	rm -f "$out"
}

# rss_mb COMMAND: the same in MB
rss_mb() {
	awk -v k="$(rss_kb "$1")" 'BEGIN { printf "%.1f", k / 1024 }'
}
