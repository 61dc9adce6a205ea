#!/usr/bin/env bash
# Peak memory of partitioned selects (README's benchmark table): a date-partitioned HDB of
# P partitions x N rows (sym: 100 symbols, p#; v: long; p: float), written with .Q.dpft in a
# temporary directory; then, each in a fresh process, `\l` of it and one query, whose
# wall time and peak resident size (VmHWM) are reported against the table's size on disk and
# against the same query over one partition held in memory.  The data is deleted at the end.
# Usage: bench/hdb_memory.sh [BINARY] [PARTITIONS] [ROWS]   (defaults build/openq 20 5000000)
set -euo pipefail
BIN=$(realpath "${1:-build/openq}")
P=${2:-20}
N=${3:-5000000}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/openq-hdbmem-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
cd "$DIR"

hwm='hwm:{1e-3*"J"$x where (x:first l where (l:read0 `:/proc/self/status) like "VmHWM*") in .Q.n}'
"$BIN" >/dev/null <<Q
s:\`\$"s",/:string til 100
{[d] t::([]sym:$N?s;v:$N?1000;p:$N?100f); .Q.dpft[\`:db;d;\`sym;\`t]} each 2024.01.01+til $P;
Q
MB=$(du -sm db | cut -f1)
echo "table on disk: $MB MB ($P partitions x $N rows)"

run() { # label, q setup (after \l db), query
    "$BIN" <<Q | tail -1
$hwm
\l db
$2
b:hwm[]; s:.z.p; r:$3; ms:(.z.p-s)%1000000; -1 "$1: ",string[\`long\$ms]," ms, peak RSS ",string[\`long\$hwm[]]," MB (",string[\`long\$b]," MB before the query), ",string[count r]," groups";
Q
}
W="date within (first date;last date)"
run "sum v by sym, $P partitions" "" "select sum v by sym from t where $W"
run "count i, avg p by sym, $P partitions" "" "select count i, avg p by sym from t where $W"
run "sum v by sym, one partition in memory" "m:select from t where date=first date" "select sum v by sym from m"
run "count i, avg p by sym, one partition in memory" "m:select from t where date=first date" "select count i, avg p by sym from m"
