#!/usr/bin/env bash
# Contracts the build keeps (docs/internals.md, "Contracts"): each check in tests/contracts
# reads the sources or the built objects and prints what breaks a rule; a check passes when
# it prints nothing and exits 0.
set -u
cd "$(dirname "$0")/../.."
pass=0 fail=0
for check in tests/contracts/*; do
    [ -f "$check" ] || continue
    case "$check" in
        *.py) out=$(python3 "$check" 2>&1) ;;
        *.sh) out=$(bash "$check" 2>&1) ;;
        *) continue ;;
    esac
    rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then
        pass=$((pass + 1))
    else
        echo "$(basename "$check"):"; echo "$out" | head -n 60
        fail=$((fail + 1))
    fi
done
echo "contracts: $pass passed, $fail failed"
[ $fail -eq 0 ]
