#!/usr/bin/env bash
# Remote function execution: openq.remote and real PyKX against the openq binary.
set -u
cd "$(dirname "$0")/../.."
export PYKX_UNLICENSED=true
out=$(.venv/bin/python -m pytest -q -p no:cacheprovider tests/remote 2>&1); rc=$?
echo "$out" | tail -n 30
p=$(echo "$out" | grep -oE '[0-9]+ passed' | tail -1 | grep -oE '[0-9]+'); f=$(echo "$out" | grep -oE '[0-9]+ (failed|error)' | awk '{s+=$1} END {print s+0}')
p=${p:-0}
[ $rc -eq 0 ] || [ "$f" -gt 0 ] || f=1
echo "remote: $p passed, $f failed"
[ "$f" -eq 0 ]
