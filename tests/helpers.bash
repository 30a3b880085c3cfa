# Shared set-up for the bats suites: `load helpers` at the top of a suite.
# NU_BIN (set by tests/run) holds the binaries under test.
bats_require_minimum_version 1.5.0
NU_ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
NU_BIN=${NU_BIN:-$NU_ROOT/bin}
PATH=$NU_BIN:$PATH
SEEDS=$NU_ROOT/tests/fixtures/seeds
export LC_ALL=${LC_ALL:-C.UTF-8}

setup() {
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# skip a test that cannot run under AddressSanitizer (ulimit -v, timing)
skip_under_asan() {
	[ -z "${NU_ASAN:-}" ] || skip "not under AddressSanitizer"
}

# make_big_line FILE MB: a single line of MB megabytes of text, no newline
make_big_line() {
	head -c $(($2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$1"
}

# all five sample pages glued as `cat` gives them (no final newlines)
seeds_cat() {
	cat "$SEEDS"/*.txt
}

# tests_check_lines RECORDS INPUT...: every input line is in the records
tests_check_lines() {
	local rec=$1
	shift
	"$NU_ROOT/tests/check-lines" "$@" < "$rec"
}
