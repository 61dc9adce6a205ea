#!/usr/bin/env bash
# Golden q transcripts (tests/q/*.q) through the release and the ASan+UBSan binaries.
set -u
cd "$(dirname "$0")/../.."
pass=0 fail=0
for bin in build/openq build-asan/openq; do
    out=$(python3 tests/q/run.py "$bin" 2>&1); rc=$?
    echo "$out" | tail -n 40
    line=$(echo "$out" | tail -n 1)
    p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    [ $rc -eq 0 ] || [ "$f" -gt 0 ] || f=1
    pass=$((pass + p)); fail=$((fail + f))
done
# -w: a workspace limit turns a huge allocation into 'wsfull and the session goes on
out=$(printf 'b:til 100000000\ncount til 10\n' | build/openq -w 64 2>&1)
if grep -q "'wsfull" <<<"$out" && grep -qx "10" <<<"$out"; then pass=$((pass + 1)); else echo "-w: $out"; fail=$((fail + 1)); fi
echo "q: $pass passed, $fail failed"
[ $fail -eq 0 ]
