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
# read-only mode (-b) answers deep nesting with 'stack and goes on (tests/q/depth.q has more)
out=$(printf '%s\n' 'count value (3723#"{"),3723#"}"' 'count value (3845#"("),"1",3845#")"' \
    'count value ((2*439440)#"1+"),"1"' 'count {enlist x}/[261718;1]' 'count string {enlist x}/[1000000;1]' \
    '1+1' | OPENQ_LEAKCHECK=1 build/openq -b 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(grep -c "^'stack" <<<"$out")" = 4 ] && [ "$(tail -n 1 <<<"$out")" = 2 ]; then
    pass=$((pass + 1)); else echo "-b depth (rc $rc): $out"; fail=$((fail + 1)); fi
echo "q: $pass passed, $fail failed"
[ $fail -eq 0 ]
