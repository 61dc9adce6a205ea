#!/usr/bin/env python3
"""Golden q transcripts: tests/q/*.q.

Format: a line starting with `q)` is an input; the lines after it, up to the next `q)`, are
the exact console output.  Lines starting with `/` before the first input are comments; one of
them may be `/ flags: ...`, the command-line options the file's process starts with.  An
expected output that is a single line starting with `'` matches an error's first line.
Each file runs in one fresh `openq` process with OPENQ_LEAKCHECK=1, so objects still alive
at exit fail the file, in a fresh temporary directory (files the transcript writes land there).  Usage: run.py BINARY [FILE...]; last line "q: N passed, N failed".
"""
import os
import shutil
import subprocess
import sys
import tempfile

MARK = "\x01step\x01"


def parse(path):
    cases, cur, flags = [], None, []
    with open(path, encoding="utf-8") as fh:
        for raw in fh.read().split("\n"):
            if cur is None and raw.startswith("/ flags:"):
                flags = raw[len("/ flags:"):].split()
            elif raw.startswith("q)"):
                cur = [raw[2:], []]
                cases.append(cur)
            elif cur is None:
                continue
            else:
                cur[1].append(raw.rstrip())
    for c in cases:
        while c[1] and c[1][-1] == "":
            c[1].pop()
    return cases, flags


def run_file(binary, path):
    cases, flags = parse(path)
    # each input is followed by a marker line so outputs can be split per case
    script = "".join(f"{inp}\n-1\"{MARK}\";\n" for inp, _ in cases)
    env = dict(os.environ, OPENQ_LEAKCHECK="1")
    work = tempfile.mkdtemp(prefix="openq-golden-")
    try:
        proc = subprocess.run([os.path.abspath(binary)] + flags, input=script, capture_output=True,
                              text=True, timeout=60, env=env, cwd=work)
    except subprocess.TimeoutExpired:
        return 0, len(cases), [f"{path}: timeout"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    outs = proc.stdout.split(MARK + "\n")
    passed, failed, notes = 0, 0, []
    for i, (inp, want) in enumerate(cases):
        got = outs[i].rstrip("\n").split("\n") if i < len(outs) and outs[i].strip("\n") else []
        got = [g.rstrip() for g in got]
        ok = got == want or (len(want) == 1 and want[0].startswith("'") and got[:1] == want)
        if ok:
            passed += 1
        else:
            failed += 1
            notes.append(f"{os.path.basename(path)}: q){inp}\n  want {want}\n  got  {got}")
    if proc.returncode != 0:
        failed += 1
        notes.append(f"{path}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return passed, failed, notes


def main():
    binary = sys.argv[1]
    files = sys.argv[2:] or sorted(
        os.path.join(os.path.dirname(__file__), f)
        for f in os.listdir(os.path.dirname(__file__)) if f.endswith(".q"))
    tp = tf = 0
    for f in files:
        p, fl, notes = run_file(binary, f)
        tp += p
        tf += fl
        for n in notes:
            print(n)
    print(f"q: {tp} passed, {tf} failed")
    return 1 if tf else 0


if __name__ == "__main__":
    sys.exit(main())
