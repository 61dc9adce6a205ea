#!/usr/bin/env bash
# libFuzzer on the IPC decoder for FUZZ_SECONDS (default 60), seeded with the golden vectors,
# under ASan+UBSan.  Needs clang with libFuzzer (scripts/apt-packages.txt).
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
if ! command -v clang >/dev/null; then echo "fuzz: 0 passed, 1 failed (no clang)"; exit 1; fi
mkdir -p build-fuzz/corpus
srcs=$(ls src/base/*.c src/obj/*.c src/ipc/*.c src/prim/*.c src/fmt/*.c src/lang/*.c)
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -DOPENQ_PLAIN_MALLOC \
    -D_GNU_SOURCE -Isrc -Iinclude tests/fuzz/fuzz_decode.c $srcs -lm -o build-fuzz/fuzz_decode \
    2> build-fuzz/build.log || { tail -20 build-fuzz/build.log; echo "fuzz: 0 passed, 1 failed (build)"; exit 1; }
# seeds: every message in the golden vectors
python3 - <<'PY'
import glob, json, os
for f in glob.glob("../shared/vectors/*.jsonl"):
    for i, line in enumerate(open(f)):
        rec = json.loads(line)
        if "hex" in rec:
            with open(f"build-fuzz/corpus/{os.path.basename(f)}-{i}", "wb") as out:
                out.write(bytes.fromhex(rec["hex"]))
PY
./build-fuzz/fuzz_decode -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=1 build-fuzz/corpus > build-fuzz/fuzz.log 2>&1
rc=$?
grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY" build-fuzz/fuzz.log | head -5
if [ $rc -eq 0 ]; then echo "fuzz: 1 passed, 0 failed"; else tail -30 build-fuzz/fuzz.log; echo "fuzz: 0 passed, 1 failed"; fi
[ $rc -eq 0 ]
