#!/usr/bin/env bash
# Secondary threads (issue #16): each primitive of bench/threads.q timed on one core with no
# secondary thread (taskset -c 0, -s 0) and on two cores with one (taskset -c 0,1, -s 1: the
# caller and one worker), in the same run; then peach over two worker processes against each.
# ratio = one-core time / two-core time (> 1: the second core helped).
set -eu
cd "$(dirname "$0")/.."
bin=${OPENQ_BIN:-build/openq}
one=$(taskset -c 0 "$bin" -s 0 bench/threads.q </dev/null)
two=$(taskset -c 0,1 "$bin" -s 1 bench/threads.q </dev/null)
printf '%-28s %10s %10s %7s\n' operation "1 core ms" "2 cores ms" ratio
paste <(echo "$one") <(echo "$two" | cut -f2) |
    awk -F'\t' '{printf "%-28s %10.2f %10.2f %7.2f\n", $1, $2, $3, ($3 > 0 ? $2 / $3 : 0)}'
# peach: two workers, each on its own core, against each on one core
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
p1=$(port); p2=$(port)
taskset -c 0 "$bin" -p "$p1" </dev/null >/dev/null & w1=$!
taskset -c 1 "$bin" -p "$p2" </dev/null >/dev/null & w2=$!
trap 'kill $w1 $w2 2>/dev/null' EXIT
sleep 0.5
seq=$(taskset -c 0 "$bin" -s 0 bench/peach.q </dev/null)
par=$(PEACH_PORTS="$p1 $p2" taskset -c 0 "$bin" -s -2 bench/peach.q </dev/null)
paste <(echo "$seq") <(echo "$par" | cut -f2) |
    awk -F'\t' '{printf "%-28s %10.2f %10.2f %7.2f\n", $1, $2, $3, ($3 > 0 ? $2 / $3 : 0)}'
