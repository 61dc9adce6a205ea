#!/usr/bin/env python3
"""Score openq on q documentation examples (../shared/conformance, README there).

Every block runs in a fresh `openq` session (OPENQ_STEPS framing), step by step; a step
passes when its console output equals the documented lines.  Reported: the plain headline
(blocks without random/system/needs_file), by tag and by top-level folder; beside it the
printing-steps, page-mode and runnable figures, and the random/system/needs_file sets apart.
Page mode scores the rest of a page in fresh sessions once the page's session is lost.
The last line is one JSON object over the headline set.

Usage: run.py [--corpus FILE] [--binary PATH] [--jobs N] [--failures FILE]
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "conformance", "q-docs-dev.jsonl")
END = "\x01END\x01"
SCRATCH = os.path.join(ROOT, "build", "conformance-scratch")  # files the examples write land here
EXCLUDED = ("random", "system", "needs_file")


def run_session(binary, inputs, timeout):
    """Feed inputs to one fresh session; returns a list of output-line lists (None if lost)."""
    data = "".join(f"{len(s.encode())}\n{s}" for s in inputs)
    env = dict(os.environ, OPENQ_STEPS="1", OPENQ_NO_SHELL="1")
    env.pop("OPENQ_LEAKCHECK", None)
    try:
        proc = subprocess.run([binary, "-c", "25", "80"], input=data.encode(), capture_output=True,
                              timeout=timeout, env=env, cwd=SCRATCH)
        out = proc.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
    chunks = out.split(END + "\n")
    results = []
    for i in range(len(inputs)):
        if i < len(chunks) - 1:
            text = chunks[i]
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            results.append([ln.rstrip() for ln in lines])
        else:
            results.append(None)
    return results


def score_block(binary, block, timeout=10):
    steps = block["steps"]
    got = run_session(binary, [s["in"] for s in steps], timeout)
    return [g is not None and g == s["out"] for s, g in zip(steps, got)], got


def score_page(binary, blocks, timeout=30):
    """Page mode: the page's blocks in one session; system blocks skipped.
    Returns each block's step results and the output each step gave."""
    inputs, owners = [], []
    for bi, b in enumerate(blocks):
        if "system" in b.get("tags", []):
            continue
        for si, s in enumerate(b["steps"]):
            if s["in"].strip() == "\\\\":
                continue
            inputs.append(s["in"])
            owners.append((bi, si))
    got = run_session(binary, inputs, timeout)
    res = {bi: [False] * len(b["steps"]) for bi, b in enumerate(blocks)}
    out = {bi: [None] * len(b["steps"]) for bi, b in enumerate(blocks)}
    lost = None  # the first block whose output the session did not deliver (it died or hung)
    for (bi, si), g in zip(owners, got):
        res[bi][si] = g is not None and g == blocks[bi]["steps"][si]["out"]
        out[bi][si] = g
        if g is None and lost is None:
            lost = bi
    if lost is not None:  # the page's remaining blocks in fresh sessions (README: page mode)
        for bi in range(lost + 1, len(blocks)):
            res[bi], out[bi] = score_block(binary, blocks[bi])
    return res, out


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "openq"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--failures", help="write failing runnable headline steps here (alone or in page mode; page_ok and table say which)")
    args = ap.parse_args()
    blocks = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    os.makedirs(SCRATCH, exist_ok=True)
    args.binary = os.path.abspath(args.binary)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        results = list(ex.map(lambda b: score_block(args.binary, b), blocks))
        pages = collections.OrderedDict()
        for i, b in enumerate(blocks):
            pages.setdefault(b["page"], []).append(i)
        page_results, page_got = {}, {}
        futs = {ex.submit(score_page, args.binary, [blocks[i] for i in idx]): idx
                for idx in pages.values()}
        for f in concurrent.futures.as_completed(futs):
            idx = futs[f]
            r, g = f.result()
            for local, gi in enumerate(idx):
                page_results[gi] = r[local]
                page_got[gi] = g[local]

    def stats(select, res=None, printing=False):
        steps = spass = nblocks = bpass = 0
        for i, b in enumerate(blocks):
            if not select(b):
                continue
            ok = (res or {}).get(i) if res is not None else results[i][0]
            if ok is None:
                continue
            nblocks += 1
            bpass += all(ok)
            for s, good in zip(b["steps"], ok):
                if printing and not s["out"]:
                    continue
                steps += 1
                spass += good
        return steps, spass, nblocks, bpass

    def headline(b):
        return not any(t in b.get("tags", []) for t in EXCLUDED)

    def line(name, st):
        s, sp, n, bp = st
        print(f"{name:34s} steps {sp:5d}/{s:<5d} {pct(sp, s):>6s}   blocks {bp:5d}/{n:<5d} {pct(bp, n):>6s}")

    print(f"conformance: {args.corpus}")
    h = stats(headline)
    line("headline", h)
    line("headline, printing steps", stats(headline, printing=True))
    line("headline, page mode", stats(headline, page_results))
    line("headline, runnable", stats(lambda b: headline(b) and not b.get("unrunnable")))
    line("runnable printing steps, page mode",
         stats(lambda b: headline(b) and not b.get("unrunnable"), page_results, printing=True))
    line("  of them not table/keyed_table",
         stats(lambda b: headline(b) and not b.get("unrunnable") and "table" not in b.get("tags", []),
               page_results, printing=True))
    line("  of them table or keyed_table",
         stats(lambda b: headline(b) and not b.get("unrunnable") and "table" in b.get("tags", []),
               page_results, printing=True))
    line("headline, self-contained", stats(lambda b: headline(b) and "context" not in b.get("tags", [])))
    line("headline, not table/keyed_table",
         stats(lambda b: headline(b) and "table" not in b.get("tags", [])))
    line("headline, table or keyed_table", stats(lambda b: headline(b) and "table" in b.get("tags", [])))
    for t in EXCLUDED:
        line(f"({t} blocks, not in headline)", stats(lambda b, t=t: t in b.get("tags", [])))

    by_tag, by_folder = {}, {}
    for i, b in enumerate(blocks):
        if not headline(b):
            continue
        ok = results[i][0]
        for t in b.get("tags", []):
            e = by_tag.setdefault(t, [0, 0])
            e[0] += sum(ok)
            e[1] += len(ok)
        folder = b["page"].split("/")[0]
        e = by_folder.setdefault(folder, [0, 0])
        e[0] += sum(ok)
        e[1] += len(ok)
    for name, d in (("tag", by_tag), ("folder", by_folder)):
        print(f"by {name}: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(d.items())))

    if args.failures:
        with open(args.failures, "w", encoding="utf-8") as fh:
            for i, b in enumerate(blocks):
                if not headline(b) or b.get("unrunnable"):
                    continue
                ok, got = results[i]
                page_ok, page_out = page_results.get(i) or ok, page_got.get(i) or got
                for s, good, pgood, g, pg in zip(b["steps"], ok, page_ok, got, page_out):
                    if not good or not pgood:
                        fh.write(json.dumps({"id": b["id"], "in": s["in"], "want": s["out"], "got": g,
                                             "page_ok": pgood, "page_got": pg,
                                             "table": "table" in b.get("tags", [])}) + "\n")

    s, sp, n, bp = h
    print(json.dumps({"steps": s, "steps_pass": sp, "blocks": n, "blocks_pass": bp,
                      "by_tag": by_tag, "by_folder": by_folder}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
