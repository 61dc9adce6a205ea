"""Tables: openq's qSQL group-by and aj against pandas, same data, same run.

  1. select sum v by g from t        vs  df.groupby('g')['v'].sum()
     (10M rows, g: long in 0..999, v: float)
  2. aj[`sym`time;trades;quotes]      vs  pd.merge_asof(trades, quotes, on='time', by='sym')
     (100k trades, 1M quotes, 100 symbols, timestamps sorted, quotes carry bid/ask)

Each ratio is pandas time / openq time (best of --runs; >1 means openq is faster).  Both sides
get identical arrays: a seeded numpy generator builds them once per process, and openq's side
runs in a child Python process (`import openq`, in-process q) that rebuilds the same arrays and
turns them into q tables with toq, so a slow openq run can be killed at --timeout seconds
without losing the pandas figures.  If the full-size aj does not finish in time, it is retried
at 1/10 and 1/100 of both sizes, and every attempt is reported.  Results are checked, not just
timed: group keys and sums (rtol 1e-9), and every row of aj's bid/ask against merge_asof's.

Usage: bench_table.py [--rows N] [--groups G] [--trades T] [--quotes Q] [--syms S] [--runs R]
                      [--timeout SEC]     (run.sh pins it with taskset -c 1)
"""
import argparse
import json
import subprocess
import sys
import time

import numpy as np

SEED = 20240101
DAY_NS = 86_400_000_000_000


def gen_groupby(rows, groups):
    rng = np.random.default_rng(SEED)
    return rng.integers(0, groups, rows, dtype=np.int64), rng.random(rows)


def gen_aj(trades, quotes, syms):
    rng = np.random.default_rng(SEED + 1)
    names = np.array([f"s{i}" for i in range(syms)], dtype=object)
    base = np.datetime64("2024-01-01T00:00:00", "ns")

    def side(n, ncols):
        time_ = np.sort(rng.integers(0, DAY_NS, n, dtype=np.int64))  # sorted on time, hence within sym
        sym = names[rng.integers(0, syms, n)]
        return [sym, base + time_.astype("timedelta64[ns]")] + [rng.random(n) * 100 for _ in range(ncols)]

    return side(trades, 1), side(quotes, 2)  # trades: sym time px; quotes: sym time bid ask


def best(fn, runs):
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


# ---- openq side (child process) -------------------------------------------------------------

def child(spec):
    import openq as kx
    runs = spec["runs"]

    def emit(**kw):
        print(json.dumps(kw), flush=True)

    if spec["case"] == "groupby":
        g, v = gen_groupby(spec["rows"], spec["groups"])
        kx.q("{t::([]g:x;v:y)}", g, v)
        del g, v
        for i in range(runs):
            t0 = time.perf_counter()
            kx.q("r:select sum v by g from t")
            emit(t=time.perf_counter() - t0)
            if i == 0:  # the check data after the first run, so a killed child is still checked
                emit(keys=kx.q("(key r)`g").np().tolist(), sums=kx.q("(value r)`v").np().tolist())
    else:
        (ts, tt, px), (qs, qt, bid, ask) = gen_aj(spec["trades"], spec["quotes"], spec["syms"])
        kx.q("{trades::([]sym:x 0;time:x 1;px:x 2)}", [ts, tt, px])
        kx.q("{quotes::([]sym:x 0;time:x 1;bid:x 2;ask:x 3)}", [qs, qt, bid, ask])
        assert kx.q("(11h;12h)~type each trades`sym`time").py()
        for i in range(runs):
            t0 = time.perf_counter()
            kx.q("a:aj[`sym`time;trades;quotes]")
            emit(t=time.perf_counter() - t0)
            if i == 0:
                emit(cols=[str(c) for c in kx.q("cols a").py()], bid=kx.q("a`bid").np().tolist(),
                     ask=kx.q("a`ask").np().tolist())


def run_child(spec, timeout):
    """(best seconds or None if no run finished, last JSON record, timed_out)"""
    proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps(spec)],
                            stdout=subprocess.PIPE, text=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        timed_out = True
    recs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    times = [r["t"] for r in recs if "t" in r]
    result = next((r for r in recs if "t" not in r), None)
    if not timed_out and proc.returncode != 0:
        sys.exit(f"openq child failed ({proc.returncode}) on {spec}")
    return (min(times) if times else None), result, timed_out


def ratio_line(label, pd_s, oq_s, timed_out, timeout, ok):
    if oq_s is None:
        return (f"{label}: openq >{timeout * 1e3:,.0f} ms (killed)   pandas {pd_s * 1e3:,.1f} ms   "
                f"ratio <{pd_s / timeout:.3g}")
    note = " (best of the runs done before the kill)" if timed_out else ""
    check = "agree" if ok else "DIFFER"
    return (f"{label}: openq {oq_s * 1e3:,.1f} ms{note}   pandas {pd_s * 1e3:,.1f} ms   "
            f"ratio {pd_s / oq_s:.3g}   results {check}")


# ---- pandas side and driver -----------------------------------------------------------------

def bench_groupby(a):
    import pandas as pd
    g, v = gen_groupby(a.rows, a.groups)
    df = pd.DataFrame({"g": g, "v": v})
    del g, v
    pd_s, ref = best(lambda: df.groupby("g")["v"].sum(), a.runs)
    spec = dict(case="groupby", rows=a.rows, groups=a.groups, runs=a.runs)
    oq_s, res, timed_out = run_child(spec, a.timeout)
    ok = res is not None and res["keys"] == ref.index.tolist() and \
        np.allclose(res["sums"], ref.to_numpy(), rtol=1e-9, atol=0)
    print(ratio_line(f"select sum v by g  ({a.rows:,} rows, {a.groups} groups)", pd_s, oq_s,
                     timed_out, a.timeout, ok), flush=True)
    return ok or oq_s is None


def bench_aj(a):
    import pandas as pd
    all_ok = True
    for scale in (1, 10, 100):
        nt, nq = a.trades // scale, a.quotes // scale
        (ts, tt, px), (qs, qt, bid, ask) = gen_aj(nt, nq, a.syms)
        trades = pd.DataFrame({"sym": ts, "time": tt, "px": px})
        quotes = pd.DataFrame({"sym": qs, "time": qt, "bid": bid, "ask": ask})
        pd_s, ref = best(lambda: pd.merge_asof(trades, quotes, on="time", by="sym"), a.runs)
        spec = dict(case="aj", trades=nt, quotes=nq, syms=a.syms, runs=a.runs)
        oq_s, res, timed_out = run_child(spec, a.timeout)
        ok = res is not None and res["cols"] == ["sym", "time", "px", "bid", "ask"] and \
            np.array_equal(np.array(res["bid"]), ref["bid"].to_numpy(), equal_nan=True) and \
            np.array_equal(np.array(res["ask"]), ref["ask"].to_numpy(), equal_nan=True)
        all_ok = all_ok and (ok or oq_s is None)
        print(ratio_line(f"aj `sym`time  ({nt:,} trades, {nq:,} quotes, {a.syms} syms)", pd_s, oq_s,
                         timed_out, a.timeout, ok), flush=True)
        if oq_s is not None:
            break
    return all_ok


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(json.loads(sys.argv[2]))
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--groups", type=int, default=1000)
    p.add_argument("--trades", type=int, default=100_000)
    p.add_argument("--quotes", type=int, default=1_000_000)
    p.add_argument("--syms", type=int, default=100)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per openq child (all runs)")
    p.add_argument("--only", choices=["groupby", "aj"])
    a = p.parse_args()
    ok = True
    if a.only != "aj":
        ok = bench_groupby(a) and ok
    if a.only != "groupby":
        ok = bench_aj(a) and ok
    if not ok:
        sys.exit("bench_table: openq and pandas results differ")


if __name__ == "__main__":
    main()
