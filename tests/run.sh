#!/usr/bin/env bash
# Runs every test layer (tests/layers/NN-name.sh, in name order).  Each layer prints a closing
# line "name: N passed, N failed" and exits non-zero on failure.  This script prints each
# layer's output, then one total line "N passed, N failed", and fails if any layer failed.
set -u
cd "$(dirname "$0")/.."
mkdir -p build/test-logs
total_pass=0 total_fail=0 status=0
tree_before=$(git status --porcelain 2>/dev/null)
for layer in tests/layers/*.sh; do
    name=$(basename "$layer" .sh)
    echo "== $name"
    bash "$layer" 2>&1 | tee "build/test-logs/$name.log"
    rc=${PIPESTATUS[0]}
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "build/test-logs/$name.log" | tail -n 1)
    p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")
    f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    [ -n "$line" ] || { p=0; f=1; echo "$name: no summary line"; }
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "$name: exited $rc"; fi
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
    [ "$f" -eq 0 ] || status=1
done
# tests leave no trace: the work tree is as the run found it (build dirs and .venv are ignored)
tree_after=$(git status --porcelain 2>/dev/null)
echo "== tree"
if [ "$tree_before" == "$tree_after" ]; then
    echo "tree: 1 passed, 0 failed"
    total_pass=$((total_pass + 1))
else
    diff <(echo "$tree_before") <(echo "$tree_after")
    echo "tree: 0 passed, 1 failed (the run changed the work tree)"
    total_fail=$((total_fail + 1)); status=1
fi
echo "${total_pass} passed, ${total_fail} failed"
exit $status
