#!/usr/bin/env bash
# C unit tests and the k.h demo, in the release build and under ASan+UBSan.
set -u
cd "$(dirname "$0")/../.."
pass=0 fail=0
for bin in build/unit_tests build/capi_demo build-asan/unit_tests build-asan/capi_demo; do
    out=$("$bin" 2>&1); rc=$?
    echo "$out" | tail -n 20
    line=$(echo "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    [ -n "$line" ] || { p=0; f=1; }
    [ $rc -eq 0 ] || [ "$f" -gt 0 ] || f=1
    pass=$((pass + p)); fail=$((fail + f))
done
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]
