#!/usr/bin/env bash
# libFuzzer under ASan+UBSan.  The IPC decoder is fuzzed for FUZZ_SECONDS (default 60), seeded
# with the golden vectors.  The connection state machine (fuzz_conn.c: handshake, frame
# assembly, dispatch, replies; no sockets) is fuzzed for FUZZ_CONN_SECONDS (default 15; with
# FUZZ_EVAL=1 FUZZ_SECONDS), seeded with a valid handshake followed by each golden message.
# The q console target (the text a client's query brings) replays its corpus: every golden
# transcript input and every input the fuzzer has broken us with before
# (tests/fuzz/eval-regressions); with FUZZ_EVAL=1 (make fuzz) it mutates for FUZZ_SECONDS too.
# The parser target (fuzz_parse: nesting on a small stack budget, no evaluation) starts from
# the same corpus and mutates for FUZZ_PARSE_SECONDS (default 10), FUZZ_SECONDS under make fuzz.
# The HTTP request and WebSocket frame parsers and the HTTP client's reply reader (fuzz_http)
# mutate for FUZZ_HTTP_SECONDS (default 10; FUZZ_SECONDS under make fuzz), seeded with
# requests, upgrades, frames and replies (plain, chunked, cut short); the
# same requests seed fuzz_conn, so the HTTP and WebSocket paths of the state machine run too.
# Needs clang with libFuzzer (scripts/apt-packages.txt).
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
if ! command -v clang >/dev/null; then echo "fuzz: 0 passed, 1 failed (no clang)"; exit 1; fi
psecs=${FUZZ_PARSE_SECONDS:-10}
[ "${FUZZ_EVAL:-0}" = 1 ] && psecs=$secs
mkdir -p build-fuzz/corpus build-fuzz/corpus-eval build-fuzz/corpus-conn build-fuzz/corpus-parse build-fuzz/corpus-http
# the fuzz targets are in the CMake graph (OPENQ_FUZZ: clang, ASan+UBSan, the engine built
# once with coverage, libFuzzer linked into each target); rebuilt only where sources changed
: > build-fuzz/build.log
{ cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DOPENQ_FUZZ=ON &&
  cmake --build build-fuzz --target fuzzers -j "$(nproc)"; } >> build-fuzz/build.log 2>&1 \
    || { tail -20 build-fuzz/build.log; echo "fuzz: 0 passed, 1 failed (build)"; exit 1; }
python3 - <<'PY'
import glob, json, os
for f in glob.glob("../shared/vectors/*.jsonl"):          # decoder: every golden message
    for i, line in enumerate(open(f)):
        rec = json.loads(line)
        if "hex" in rec:
            with open(f"build-fuzz/corpus/{os.path.basename(f)}-{i}", "wb") as out:
                out.write(bytes.fromhex(rec["hex"]))
hello = b"user:password\x03\x00"                         # connection: handshake + message
for f in glob.glob("../shared/vectors/*.jsonl"):
    for i, line in enumerate(open(f)):
        rec = json.loads(line)
        if "hex" in rec:
            msg = bytes.fromhex(rec["hex"])
            for chunk in (0, 1, 7):
                with open(f"build-fuzz/corpus-conn/{os.path.basename(f)}-{i}-{chunk}", "wb") as out:
                    out.write(bytes([chunk]) + hello + msg + msg)
http = [b"GET /?1+1 HTTP/1.1\r\nHost: x\r\n\r\n",               # HTTP and WebSocket
        b"POST /p HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\n1+2",
        b"GET /t.csv?t HTTP/1.0\r\nAuthorization: Basic dTpw\r\n\r\nGET / HTTP/1.1\r\n\r\n"]
upgrade = (b"GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
frames = [b"\x81\x85\x01\x02\x03\x04" + bytes(c ^ k for c, k in zip(b"hello", b"\x01\x02\x03\x04\x01")),
          b"\x01\x81\0\0\0\0a\x89\x80\0\0\0\0\x80\x81\0\0\0\0b",
          b"\x82\xfe\x01\x00\0\0\0\0" + bytes(256), b"\x88\x82\0\0\0\0\x03\xe8",
          b"\x81\xff\x80\0\0\0\0\0\0\0"]
for i, req in enumerate(http + [upgrade + f for f in frames]):
    for chunk in (0, 1, 5):
        with open(f"build-fuzz/corpus-conn/http-{i}-{chunk}", "wb") as out:
            out.write(bytes([chunk]) + req)
for i, req in enumerate(http + [upgrade]):
    with open(f"build-fuzz/corpus-http/req-{i}", "wb") as out:
        out.write(b"\0" + req)
for i, f in enumerate(frames):
    with open(f"build-fuzz/corpus-http/frame-{i}", "wb") as out:
        out.write(b"\1" + f + f)
replies = [b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
           b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n",
           b"HTTP/1.0 404 Not Found\r\nContent-Length: 99\r\n\r\nshort",
           b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nx"]
for i, r in enumerate(replies):
    with open(f"build-fuzz/corpus-http/reply-{i}", "wb") as out:
        out.write(b"\2" + r)
n = 0
for f in sorted(glob.glob("tests/q/*.q")):                # console: every golden input
    for line in open(f, encoding="utf-8"):
        if line.startswith("q)"):
            with open(f"build-fuzz/corpus-eval/q{n}", "w", encoding="utf-8") as out:
                out.write(line[2:].rstrip("\n"))
            n += 1
PY
cp tests/fuzz/eval-regressions/* build-fuzz/corpus-eval/
cp build-fuzz/corpus-eval/* build-fuzz/corpus-parse/
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
if [ "${FUZZ_EVAL:-0}" = 1 ]; then conn_secs=$secs; else conn_secs=${FUZZ_CONN_SECONDS:-15}; fi
run conn build-fuzz/corpus-conn -max_total_time="$conn_secs" -max_len=65536 -timeout=30
if [ "${FUZZ_EVAL:-0}" = 1 ]; then
    run eval build-fuzz/corpus-eval -max_total_time="$secs" -max_len=512 -timeout=30
else
    run eval build-fuzz/corpus-eval -runs=0 -timeout=30
fi
hsecs=${FUZZ_HTTP_SECONDS:-10}
[ "${FUZZ_EVAL:-0}" = 1 ] && hsecs=$secs
run http build-fuzz/corpus-http -max_total_time="$hsecs" -max_len=65536 -timeout=30
run parse build-fuzz/corpus-parse -max_total_time="$psecs" -max_len=4096 -timeout=30 \
    -dict=tests/fuzz/parse.dict
echo "fuzz: $pass passed, $fail failed"
[ $fail -eq 0 ]
