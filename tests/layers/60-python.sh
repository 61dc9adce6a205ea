#!/usr/bin/env bash
# The openq Python package (installed into .venv by make pyinstall): seeds, K objects, leaks.
set -u
cd "$(dirname "$0")/../.."
export PYKX_UNLICENSED=true
out=$(.venv/bin/python -m pytest -q -p no:cacheprovider tests/python 2>&1); rc=$?
echo "$out" | tail -n 30
p=$(echo "$out" | grep -oE '[0-9]+ passed' | tail -1 | grep -oE '[0-9]+'); f=$(echo "$out" | grep -oE '[0-9]+ (failed|error)' | awk '{s+=$1} END {print s+0}')
p=${p:-0}
[ $rc -eq 0 ] || [ "$f" -gt 0 ] || f=1
echo "python: $p passed, $f failed"
[ "$f" -eq 0 ]
