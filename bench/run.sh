#!/usr/bin/env bash
# make bench: every benchmark, each reported as a ratio to a baseline measured in the same run.
# bench_table.py needs the venv with the openq package (make venv pyinstall), like bench_py.py.
# Pinned with taskset (this machine has 2 noisy cores): one core, then server/client on two.
set -eu
cd "$(dirname "$0")/.."
echo "== core: IPC codec and primitives (core 1)"
taskset -c 1 ./build/bench_core
echo "== server: round trips and async throughput"
taskset -c 1 ./build/bench_net build/openq
./build/bench_net build/openq two
echo "== TLS: round trips against plain ones (-E 1)"
.venv/bin/python bench/bench_tls.py
echo "== python: handler servers (openq vs aiokdb)"
.venv/bin/python bench/bench_py.py
echo "== tables: qSQL and aj vs pandas"
taskset -c 1 .venv/bin/python bench/bench_table.py
echo "== queries: issue #16's table vs DuckDB and Polars, one core then two (.venv-bench: make benchvenv)"
.venv-bench/bin/python bench/bench_query.py ${BENCH_QUERY_ARGS:-}          # pins itself to core 1
.venv-bench/bin/python bench/bench_query.py --threads 2 ${BENCH_QUERY_ARGS:-}  # cores 0 and 1
echo "== threads: primitives on one core (-s 0) and two (-s 1), peach over two processes"
bash bench/threads.sh
