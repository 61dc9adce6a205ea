#!/usr/bin/env bash
# libFuzzer under ASan+UBSan.  The IPC decoder is fuzzed for FUZZ_SECONDS (default 60), seeded
# with the golden vectors.  The q console target (the text a client's query brings) replays its
# corpus: every golden transcript input and every input the fuzzer has broken us with before
# (tests/fuzz/eval-regressions); with FUZZ_EVAL=1 (make fuzz) it mutates for FUZZ_SECONDS too.
# Needs clang with libFuzzer (scripts/apt-packages.txt).
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
if ! command -v clang >/dev/null; then echo "fuzz: 0 passed, 1 failed (no clang)"; exit 1; fi
mkdir -p build-fuzz/corpus build-fuzz/corpus-eval
srcs=$(ls src/base/*.c src/obj/*.c src/ipc/*.c src/prim/*.c src/fmt/*.c src/lang/*.c)
for target in decode eval; do
    clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -DOPENQ_PLAIN_MALLOC \
        -D_GNU_SOURCE -Isrc -Iinclude tests/fuzz/fuzz_$target.c $srcs -lm -o build-fuzz/fuzz_$target \
        2> build-fuzz/build.log || { tail -20 build-fuzz/build.log; echo "fuzz: 0 passed, 1 failed (build)"; exit 1; }
done
python3 - <<'PY'
import glob, json, os
for f in glob.glob("../shared/vectors/*.jsonl"):          # decoder: every golden message
    for i, line in enumerate(open(f)):
        rec = json.loads(line)
        if "hex" in rec:
            with open(f"build-fuzz/corpus/{os.path.basename(f)}-{i}", "wb") as out:
                out.write(bytes.fromhex(rec["hex"]))
n = 0
for f in sorted(glob.glob("tests/q/*.q")):                # console: every golden input
    for line in open(f, encoding="utf-8"):
        if line.startswith("q)"):
            with open(f"build-fuzz/corpus-eval/q{n}", "w", encoding="utf-8") as out:
                out.write(line[2:].rstrip("\n"))
            n += 1
PY
cp tests/fuzz/eval-regressions/* build-fuzz/corpus-eval/
pass=0 fail=0
run() { # target corpus extra-options...
    local t=$1 c=$2; shift 2
    ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=0 ./build-fuzz/fuzz_$t \
        -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix=build-fuzz/ "$@" "$c" \
        > build-fuzz/fuzz-$t.log 2>&1
    local rc=$?
    echo "-- $t"
    grep -a -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY" build-fuzz/fuzz-$t.log | head -5
    if [ $rc -eq 0 ]; then pass=$((pass + 1)); else tail -30 build-fuzz/fuzz-$t.log; fail=$((fail + 1)); fi
}
run decode build-fuzz/corpus -max_total_time="$secs" -max_len=65536
if [ "${FUZZ_EVAL:-0}" = 1 ]; then
    run eval build-fuzz/corpus-eval -max_total_time="$secs" -max_len=512 -timeout=30
else
    run eval build-fuzz/corpus-eval -runs=0 -timeout=30
fi
echo "fuzz: $pass passed, $fail failed"
[ $fail -eq 0 ]
