#!/usr/bin/env bash
# tests/consumers.sh CONSUMER FILE.jsonl: load to-tsv's output of FILE into a
# real consumer, read every field back, and diff it against jq's view of the
# input.  CONSUMER: pg (PostgreSQL COPY ... FROM STDIN, a throw-away server),
# sqlite (.import --csv of to-tsv --csv), mlr (mlr --itsv --ojson).
# Exit 0 same, 1 different (diff on stdout), 77 consumer not installed.
# FILE must hold JSON objects written by jq -c (so compact JSON and numbers
# are spelled as jq spells them).
set -eu
consumer=$1
in=$2
# This machine's /dev/null may be a plain root-only file (it happened in a
# container): PostgreSQL's tools, run as user postgres, then fail.  As root,
# rerun in a private mount namespace with a real null device bound over it.
if [ "$consumer" = pg ] && [ ! -c /dev/null ] && [ "$(id -u)" = 0 ] &&
    [ -z "${NU_NULLFIX:-}" ] && command -v unshare >/dev/null; then
	nul=$(mktemp -u /tmp/nu-null.XXXXXX)
	if mknod -m 666 "$nul" c 1 3 2>/dev/null; then
		NU_NULLFIX=1 exec unshare -m sh -c \
		    'mount --bind "$0" /dev/null && rm -f "$0" && exec "$@"' \
		    "$nul" "$0" "$@"
	fi
fi
work=$(mktemp -d)
pgdata=
cleanup() {
	if [ -n "$pgdata" ] && [ -f "$pgdata/postmaster.pid" ]; then
		as_pg "$PGBIN/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# Columns: every top-level key, in the order of to-tsv --all-keys's header
# (first seen; for newsutils records the record keys first), as a loader
# that reads the header gets them.  The set is checked against jq's.
to-tsv --all-keys "$in" | head -n 1 | tr '\t' '\n' > "$work/cols"
jq -r -n '[inputs | keys_unsorted[]] | unique | .[]' "$in" > "$work/keys"
if [ "$(LC_ALL=C sort "$work/cols")" != "$(LC_ALL=C sort "$work/keys")" ]; then
	echo "to-tsv --all-keys header is not the set of keys:"
	diff "$work/keys" "$work/cols" || true
	exit 1
fi

# jq's view of a cell: what a consumer must read back (see to-tsv(1)).
# $nullv: what null/absent becomes (null for PostgreSQL with \N, else "").
expected() {
	jq -c -n --rawfile cols "$work/cols" --argjson nullv "$1" '
	def esc: gsub("\\\\"; "\\\\") | gsub("\\|"; "\\|");
	def str: gsub("\u0000"; "");
	def cell: if . == null then $nullv
		elif type == "string" then str
		elif type == "array" and all(.[]; type != "array" and type != "object")
		then map(if . == null then "" elif type == "string" then str | esc
			else tojson end) | join("|")
		else tojson end;
	($cols | rtrimstr("\n") | split("\n")) as $c
	| inputs | . as $r
	| [$c[] | {key: ., value: ($r[.] | cell)}] | from_entries' "$in"
}

sqlq() { printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"; }

case $consumer in
pg)
	PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
	if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
		echo "PostgreSQL server binaries not installed (initdb, pg_ctl)"
		exit 77
	fi
	if [ "$(id -u)" = 0 ]; then
		chown postgres "$work"
		as_pg() { runuser -u postgres -- "$@"; }
	else
		as_pg() { "$@"; }
	fi
	pgdata=$work/data
	as_pg "$PGBIN/initdb" -D "$pgdata" -U postgres --auth=trust \
	    -E UTF8 --locale=C.UTF-8 >/dev/null
	as_pg "$PGBIN/pg_ctl" -D "$pgdata" -w -l "$work/log" \
	    -o "-k $work -c listen_addresses='' -F" start >/dev/null
	cols= create=
	while IFS= read -r c; do
		cols="$cols${cols:+,}$(sqlq "$c")"
		create="$create, $(sqlq "$c") text"
	done < "$work/cols"
	psql() { as_pg "$PGBIN/psql" -h "$work" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
	psql -c "create table t (rn serial$create)"
	to-tsv --all-keys --no-header --null '\N' "$in" |
	    psql -c "copy t ($cols) from stdin"
	psql -At -c "select row_to_json(x) from (select $cols from t order by rn) x" \
	    > "$work/got"
	expected null > "$work/want"
	;;
sqlite)
	command -v sqlite3 >/dev/null || { echo "sqlite3 not installed"; exit 77; }
	to-tsv --all-keys --csv "$in" > "$work/t.csv"
	sqlite3 "$work/db" ".import --csv $work/t.csv t" ".mode json" \
	    "select * from t order by rowid" | jq -c '.[]' > "$work/got"
	expected '""' > "$work/want"
	;;
mlr)
	command -v mlr >/dev/null || { echo "mlr not installed"; exit 77; }
	# mlr writes control characters raw inside JSON strings; escape them
	# so jq can read its output
	to-tsv --all-keys "$in" | mlr --itsv --ojson -S cat |
	    perl -pe 's/([\x00-\x08\x0b\x0c\x0e-\x1f\x7f])/sprintf("\\u%04x", ord($1))/ge' |
	    jq -c '.[]' > "$work/got"
	expected '""' > "$work/want"
	;;
*)
	echo "usage: $0 pg|sqlite|mlr FILE.jsonl" >&2
	exit 2
	;;
esac
jq -S -c . "$work/want" > "$work/want.s"
jq -S -c . "$work/got" > "$work/got.s"
n=$(wc -l < "$work/want.s")
if diff -u "$work/want.s" "$work/got.s"; then
	echo "$consumer: $n records, every field as jq sees it"
else
	exit 1
fi
