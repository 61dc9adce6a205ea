#!/usr/bin/env bash
# `make tsan`: the secondary threads under ThreadSanitizer (build-tsan/, not part of make test:
# the instrumented build costs minutes).  The pool's unit test, then the parallel primitives
# with -s 2; any race report fails (halt_on_error).
set -u
cd "$(dirname "$0")/../.."
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
pass=0 fail=0
if build-tsan/unit_tests pool 2>&1 | tail -n 3 | grep -q " 0 failed"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
out=$(build-tsan/openq -s 2 tests/threads/race.q </dev/null 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$out" = "$(printf '111b\n0 1 4 9 16 25 36')" ]; then pass=$((pass + 1)); else echo "$out" | tail -n 30; fail=$((fail + 1)); fi
echo "tsan: $pass passed, $fail failed"
[ $fail -eq 0 ]
