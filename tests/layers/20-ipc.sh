#!/usr/bin/env bash
# IPC codec against ../shared/vectors and hostile input, release and ASan+UBSan builds.
set -u
cd "$(dirname "$0")/../.."
vec=${OPENQ_VECTORS:-../shared/vectors}
pass=0 fail=0
for bin in build/ipc_vectors build-asan/ipc_vectors; do
    out=$("$bin" "$vec" 2>&1); rc=$?
    echo "$out" | tail -n 15
    line=$(echo "$out" | tail -n 1)
    p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    [ $rc -eq 0 ] || [ "$f" -gt 0 ] || f=1
    pass=$((pass + p)); fail=$((fail + f))
done
echo "ipc: $pass passed, $fail failed"
[ $fail -eq 0 ]
