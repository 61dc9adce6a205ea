"""Queries: openq against DuckDB and Polars on one core, same data, results checked equal.

The queries of issue #16's table, each in its own q spelling and in DuckDB's SQL and Polars'
API, on the same generated columns (10M rows unless noted):

  by2     select cnt:count i, avg p, max p, sum s by sym, d from t
  vwap    select vwap:s wavg p by sym, 5 xbar time.minute from t
  where   select sum s from t where p > 50, sym in 5 syms
  dist    distinct v / count distinct v    (10M longs, 5M distinct)
  asc     asc 10M longs / asc 10M floats
  aj      aj[`sym`time;trades;quotes]      (1M trades, 10M quotes, 1000 syms)
  csv     ("SJFPS";enlist",")0: a file of 10M rows x 5 columns
  byg     select sum v by g from t         (100 / 10k / 1M groups)

numpy builds the columns once (seeded) and writes them as q vector files (the 16-byte fe 20
header, then the data), which openq reads with `get`; openq runs as the binary on a generated q
script and writes each result back the same way, so every result is compared with DuckDB's
and Polars' (sorted by key where the order is the engine's own; floats to 1e-9).  The asc rows
also time NumPy's np.sort (what pandas' sorts stand on; one thread always).  Each side runs
each query twice untimed, then --runs times, and reports the median; ratio = baseline /
openq (>1: openq faster).

--threads 1 (the default) pins the script and everything it starts to core 1, DuckDB
threads=1, POLARS_MAX_THREADS=1, openq -s 0; --threads 2 pins to cores 0 and 1, DuckDB
threads=2, POLARS_MAX_THREADS=2, openq -s 1 (one secondary thread besides the main one).
--rows takes a comma-separated list (1000000,10000000,50000000): each size is generated,
run and checked in turn, and the last table gives each engine's ms per million rows by size,
which stays flat when the time scales linearly.

Usage: bench_query.py [--rows N[,N..]] [--runs R] [--threads 1|2] [--only by2,vwap,...]
                      [--data DIR] [--openq BIN]
Needs .venv-bench (make benchvenv: bench/requirements.txt).
"""
import argparse
import json
import os
import subprocess
import sys
import time


def _threads_arg(argv):
    """--threads, read before polars is imported (it sizes its pool from the environment)"""
    for i, a in enumerate(argv):
        if a == "--threads" and i + 1 < len(argv):
            return int(argv[i + 1])
        if a.startswith("--threads="):
            return int(a.split("=", 1)[1])
    return 1


THREADS = _threads_arg(sys.argv)
if THREADS not in (1, 2):
    sys.exit("--threads: 1 or 2")
os.environ["POLARS_MAX_THREADS"] = str(THREADS)
os.sched_setaffinity(0, {1} if THREADS == 1 else {0, 1})  # children (openq) inherit it

import duckdb  # noqa: E402
import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

SEED = 20261202
NSYMS = 1000
DAY_NS = 86_400_000_000_000
EPOCH2000_NS = 946_684_800_000_000_000  # q's timestamps count from 2000.01.01
EPOCH2000_DAYS = 10957
D0 = 8766  # 2024.01.01 as a q date
TYPES = {"b": 1, "j": 7, "f": 9, "d": 14, "p": 12}
DTYPES = {1: np.uint8, 6: np.int32, 7: np.int64, 9: np.float64, 14: np.int32, 12: np.int64}
QUERIES = ["by2", "vwap", "where", "dist", "asc", "aj", "csv", "byg"]
SYMS = [f"s{i}" for i in range(NSYMS)]


# ---- q vector files -----------------------------------------------------------------------

def write_vec(path, arr, qtype):
    arr = np.ascontiguousarray(arr, dtype=DTYPES[qtype])
    head = bytes([0xFE, 0x20, qtype, 0, 0, 0, 0, 0]) + len(arr).to_bytes(8, "little")
    with open(path, "wb") as f:
        f.write(head)
        f.write(arr.tobytes())


def read_vec(path):
    with open(path, "rb") as f:
        b = f.read()
    if len(b) < 16 or b[0] != 0xFE or b[1] != 0x20:
        raise ValueError(f"{path}: not a q vector file")
    n = int.from_bytes(b[8:16], "little")
    return np.frombuffer(b, dtype=DTYPES[b[2]], count=n, offset=16)


# ---- data ---------------------------------------------------------------------------------

def gen(rows):
    """every column every query needs, as numpy arrays (q's epochs for dates and times)"""
    rng = np.random.default_rng(SEED)
    cols = {}
    cols["sym"] = rng.integers(0, NSYMS, rows, dtype=np.int64)
    cols["d"] = (D0 + rng.integers(0, 20, rows)).astype(np.int32)
    cols["p"] = np.round(rng.random(rows) * 100, 4)
    cols["s"] = rng.integers(1, 1000, rows, dtype=np.int64)
    tod = rng.integers(0, DAY_NS, rows, dtype=np.int64)
    cols["time"] = (cols["d"].astype(np.int64) * DAY_NS + tod)
    half = rows // 2
    u = rng.permutation(rows * 4)[:half].astype(np.int64) * 3 + 1
    cols["v"] = rng.permutation(np.concatenate([u, u]))  # `half` distinct values, twice each
    cols["rl"] = rng.integers(-(1 << 40), 1 << 40, rows, dtype=np.int64)
    f = rng.standard_normal(rows) * 1e3
    cols["rf"] = f
    for g in (100, 10_000, 1_000_000):
        cols[f"g{g}"] = rng.integers(0, g, rows, dtype=np.int64)
    cols["gv"] = rng.random(rows)
    # aj: trades rows/10, quotes rows; sorted by time (hence within sym)
    nt = rows // 10
    for side, n in (("q", rows), ("t", nt)):
        cols[side + "sym"] = rng.integers(0, NSYMS, n, dtype=np.int64)
        cols[side + "time"] = np.sort(rng.integers(0, DAY_NS, n, dtype=np.int64)) + D0 * DAY_NS
    cols["qbid"] = np.round(rng.random(rows) * 100, 2)
    cols["qask"] = cols["qbid"] + 0.01
    cols["tpx"] = np.round(rng.random(nt) * 100, 2)
    return cols


QTYPE = {"sym": 7, "d": 14, "p": 9, "s": 7, "time": 12, "v": 7, "rl": 7, "rf": 9, "gv": 9,
         "qsym": 7, "qtime": 12, "tsym": 7, "ttime": 12, "qbid": 9, "qask": 9, "tpx": 9}


def write_data(cols, ddir, rows):
    os.makedirs(ddir, exist_ok=True)
    for k, a in cols.items():
        write_vec(os.path.join(ddir, k), a, QTYPE.get(k, 7))
    csv = os.path.join(ddir, "t.csv")
    n = rows
    df = pl.DataFrame({
        "a": np.array(SYMS, dtype=object)[cols["sym"][:n]],
        "b": cols["s"][:n],
        "c": cols["p"][:n],
        "e": (cols["time"][:n] + EPOCH2000_NS).astype("datetime64[ns]"),
        "f": np.array(SYMS, dtype=object)[cols["qsym"][:n]],
    })
    df.write_csv(csv, include_header=True, datetime_format="%Y-%m-%dT%H:%M:%S%.9f")


# ---- openq --------------------------------------------------------------------------------

Q_SCRIPT = r"""
\d .
D:"{ddir}/";O:"{odir}/";R:{runs};WARM:{warm}
ld:{{get hsym `$D,string x}}
syms:`$"s",/:string til 1000
put:{{[nm;x] (hsym `$O,nm) set x}}
tm:{{[nm;f] ts:(); do[WARM; f[]]; do[R; t0:.z.p; res::f[]; ts,:`long$.z.p-t0]; -1 nm," ",.j.j ts; res}}
run:{{[q] -1 "#",q; 1b}}
"""

Q_PARTS = {
    "by2": r"""
t:([]sym:syms ld`sym;d:ld`d;p:ld`p;s:ld`s)
r:tm["by2";{{select cnt:count i, avg p, max p, sum s by sym, d from t}}]
put["by2_sym";syms?(key r)`sym];put["by2_d";(key r)`d];{{put["by2_",string x;(value r)x]}}each cols value r
delete t from `.
""",
    "vwap": r"""
t:([]sym:syms ld`sym;time:ld`time;p:ld`p;s:ld`s)
r:tm["vwap";{{select vwap:s wavg p by sym, 5 xbar time.minute from t}}]
put["vwap_sym";syms?(key r)`sym];put["vwap_minute";`int$(key r)`minute];put["vwap_vwap";(value r)`vwap]
delete t from `.
""",
    "where": r"""
t:([]sym:syms ld`sym;p:ld`p;s:ld`s)
five:`s1`s17`s230`s512`s999
r:tm["where";{{select sum s from t where p > 50, sym in five}}]
put["where_s";(value flip r)0]
delete t from `.
""",
    "dist": r"""
v:ld`v
r:tm["distinct";{{distinct v}}];put["distinct";r]
r:tm["countdistinct";{{count distinct v}}];put["countdistinct";enlist r]
delete v from `.
""",
    "asc": r"""
rl:ld`rl;rf:ld`rf
r:tm["asc_long";{{asc rl}}];put["asc_long";r]
r:tm["asc_float";{{asc rf}}];put["asc_float";r]
delete rl,rf from `.
""",
    "aj": r"""
trades:([]sym:syms ld`tsym;time:ld`ttime;px:ld`tpx)
quotes:([]sym:syms ld`qsym;time:ld`qtime;bid:ld`qbid;ask:ld`qask)
r:tm["aj";{{aj[`sym`time;trades;quotes]}}]
put["aj_bid";r`bid];put["aj_ask";r`ask]
delete trades,quotes from `.
""",
    "csv": r"""
r:tm["csv";{{("SJFPS";enlist",")0: hsym `$D,"t.csv"}}]
put["csv_b";r`b];put["csv_c";r`c];put["csv_e";r`e];put["csv_a";syms?r`a]
""",
    "byg": r"""
gv:ld`gv
{{[g] t::([]g:ld `$"g",string g;v:gv); r:tm["byg",string g;{{select sum v by g from t}}];
  put["byg",string[g],"_g";(key r)`g];put["byg",string[g],"_v";(value r)`v]}} each 100 10000 1000000
delete t from `.
""",
}


def run_openq(binary, ddir, odir, runs, only):
    os.makedirs(odir, exist_ok=True)
    script = Q_SCRIPT.format(ddir=ddir, odir=odir, runs=runs, warm=WARM)
    for q in only:
        script += Q_PARTS[q].format()
    script += "\n\\\\\n"
    path = os.path.join(odir, "bench.q")
    with open(path, "w") as f:
        f.write(script)
    out = subprocess.run([binary, path, "-q", "-s", str(THREADS - 1)], capture_output=True, text=True)
    times = {}
    for line in out.stdout.splitlines():
        parts = line.split(" ", 1)
        if len(parts) == 2 and parts[1].startswith("["):
            times[parts[0]] = [x / 1e6 for x in json.loads(parts[1])]
    if out.returncode or out.stderr.strip():
        print("openq:", out.stdout[-2000:], out.stderr[-2000:], file=sys.stderr)
    return times


# ---- baselines ----------------------------------------------------------------------------

WARM = 2  # untimed runs of each query first, on every engine: the machine's clock and the
          # memory just loaded settle over the first runs (openq's where took 25 ms, then 14)


def timed(fn, runs):
    ts, out = [], None
    for _ in range(WARM):
        fn()
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        ts.append((time.perf_counter() - t0) * 1e3)
    return ts, out


def median(ts):
    return float(np.median(ts)) if ts else float("nan")


def to_ts(a):  # q timestamps (ns from 2000) as datetime64[ns]
    return (a + EPOCH2000_NS).astype("datetime64[ns]")


def baselines(cols, ddir, runs, only):
    con = duckdb.connect()
    con.execute(f"SET threads={THREADS}")
    symcat = pl.Enum(SYMS)
    res = {}

    def both(name, dk, pk):
        res[name] = {"duckdb": timed(dk, runs), "polars": timed(pk, runs)}

    def sym_series(idx):
        return pl.Series(idx, dtype=pl.UInt32).cast(pl.Enum(SYMS)) if False else \
            pl.Series(np.array(SYMS, dtype=object)[idx]).cast(symcat)

    if "by2" in only or "vwap" in only or "where" in only:
        df = pl.DataFrame({"sym": sym_series(cols["sym"]), "d": cols["d"], "p": cols["p"],
                           "s": cols["s"], "time": to_ts(cols["time"])})
        dfs = df.with_columns(pl.col("sym").cast(pl.Utf8))
        con.register("tmp", dfs.to_arrow())
        con.sql("CREATE TABLE t AS SELECT * FROM tmp")
        con.unregister("tmp")
        if "by2" in only:
            both("by2",
                 lambda: con.sql("SELECT sym, d, count(*) cnt, avg(p) p, max(p) pmax, sum(s) s "
                                     "FROM t GROUP BY sym, d").to_arrow_table(),
                 lambda: df.group_by(["sym", "d"]).agg(pl.len().alias("cnt"), pl.col("p").mean(),
                                                       pl.col("p").max().alias("pmax"), pl.col("s").sum()))
        if "vwap" in only:
            mexpr = "(epoch_ns(time) // 60000000000 % 1440) // 5 * 5"
            both("vwap",
                 lambda: con.sql(f"SELECT sym, {mexpr} AS minute, sum(s*p)/sum(s) AS vwap "
                                     "FROM t GROUP BY sym, minute").to_arrow_table(),
                 lambda: df.group_by(["sym", ((pl.col("time").dt.hour().cast(pl.Int32) * 60 +
                                               pl.col("time").dt.minute()) // 5 * 5).alias("minute")])
                 .agg(((pl.col("s") * pl.col("p")).sum() / pl.col("s").sum()).alias("vwap")))
        if "where" in only:
            five = ["s1", "s17", "s230", "s512", "s999"]
            both("where",
                 lambda: con.sql("SELECT sum(s) FROM t WHERE p > 50 AND sym IN "
                                     "('s1','s17','s230','s512','s999')").fetchall(),
                 lambda: df.filter((pl.col("p") > 50) & pl.col("sym").is_in(five)).select(pl.col("s").sum()))
        con.sql("DROP TABLE t")
    if "dist" in only:
        con.register("tmp", pl.DataFrame({"v": cols["v"]}).to_arrow())
        con.sql("CREATE TABLE tv AS SELECT * FROM tmp")
        con.unregister("tmp")
        sv = pl.Series("v", cols["v"])
        res["distinct"] = {"duckdb": timed(lambda: con.sql("SELECT DISTINCT v FROM tv").to_arrow_table(), runs),
                           "polars": timed(lambda: sv.unique(), runs)}
        res["countdistinct"] = {"duckdb": timed(lambda: con.sql("SELECT count(DISTINCT v) FROM tv").fetchall(), runs),
                                "polars": timed(lambda: sv.n_unique(), runs)}
        con.sql("DROP TABLE tv")
    if "asc" in only:
        for nm, k in (("asc_long", "rl"), ("asc_float", "rf")):
            con.register("tmp", pl.DataFrame({"v": cols[k]}).to_arrow())
            con.sql(f"CREATE TABLE {nm} AS SELECT * FROM tmp")
            con.unregister("tmp")
            sv = pl.Series("v", cols[k])
            res[nm] = {"duckdb": timed(lambda: con.sql(f"SELECT v FROM {nm} ORDER BY v").to_arrow_table(), runs),
                       "polars": timed(lambda: sv.sort(), runs),
                       "numpy": timed(lambda: np.sort(cols[k]), runs)}
            con.sql(f"DROP TABLE {nm}")
    if "aj" in only:
        tr = pl.DataFrame({"rid": np.arange(len(cols["tsym"])), "sym": sym_series(cols["tsym"]),
                           "time": to_ts(cols["ttime"]), "px": cols["tpx"]})
        qu = pl.DataFrame({"sym": sym_series(cols["qsym"]), "time": to_ts(cols["qtime"]),
                           "bid": cols["qbid"], "ask": cols["qask"]})
        for nm, f in (("trades", tr), ("quotes", qu)):
            con.register("tmp", f.with_columns(pl.col("sym").cast(pl.Utf8)).to_arrow())
            con.sql(f"CREATE TABLE {nm} AS SELECT * FROM tmp")
            con.unregister("tmp")
        both("aj",
             lambda: con.sql("SELECT t.rid, t.sym, t.time, t.px, q.bid, q.ask FROM trades t "
                                 "ASOF LEFT JOIN quotes q ON t.sym = q.sym AND t.time >= q.time").to_arrow_table(),
             lambda: tr.join_asof(qu, on="time", by="sym", strategy="backward"))
        con.sql("DROP TABLE trades")
        con.sql("DROP TABLE quotes")
    if "csv" in only:
        path = os.path.join(ddir, "t.csv")
        schema = {"a": pl.Categorical, "b": pl.Int64, "c": pl.Float64, "e": pl.Datetime("ns"), "f": pl.Categorical}
        both("csv",
             lambda: con.sql(f"SELECT * FROM read_csv('{path}', header=true, columns="
                                 "{'a':'VARCHAR','b':'BIGINT','c':'DOUBLE','e':'TIMESTAMP_NS','f':'VARCHAR'})")
             .to_arrow_table(),
             lambda: pl.read_csv(path, has_header=True, schema=schema))
    if "byg" in only:
        for g in (100, 10_000, 1_000_000):
            f = pl.DataFrame({"g": cols[f"g{g}"], "v": cols["gv"]})
            con.register("tmp", f.to_arrow())
            con.sql("CREATE TABLE tg AS SELECT * FROM tmp")
            con.unregister("tmp")
            both(f"byg{g}",
                 lambda: con.sql("SELECT g, sum(v) v FROM tg GROUP BY g").to_arrow_table(),
                 lambda: f.group_by("g").agg(pl.col("v").sum()))
            con.sql("DROP TABLE tg")
    return res


# ---- checks -------------------------------------------------------------------------------

def close(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all((np.isnan(a) & np.isnan(b)) |
                                              (np.abs(a - b) <= 1e-9 * np.maximum(1, np.abs(b)))))


def check(name, odir, base):
    """openq's result file(s) against each baseline's result: a list of problems"""
    rd = lambda k: read_vec(os.path.join(odir, k))  # noqa: E731
    bad = []
    for eng, (_, out) in base.items():
        try:
            ok = check_one(name, rd, eng, out)
        except Exception as e:  # a missing file or a shape openq did not give
            ok = f"{type(e).__name__}: {e}"
        if ok is not True:
            bad.append(f"{name} vs {eng}: {ok}")
    return bad


def frame(out):
    return pl.from_arrow(out) if not isinstance(out, pl.DataFrame) else out


def check_one(name, rd, eng, out):
    if name == "by2":
        f = frame(out).with_columns(pl.col("sym").cast(pl.Utf8).str.slice(1).cast(pl.Int64).alias("symi"),
                                    pl.col("d").cast(pl.Int64)).sort([pl.col("sym").cast(pl.Utf8), "d"])
        if not (rd("by2_sym") == f["symi"].to_numpy()).all():
            return "keys differ (openq's by sorts the keys: sym then d)"
        if not (rd("by2_d") == f["d"].to_numpy()).all():
            return "d differs"
        for q, c in (("cnt", "cnt"), ("p", "p"), ("s", "s")):
            if not close(rd("by2_" + q), f[c].to_numpy()):
                return q + " differs"
        return True if close(rd("by2_p1"), f["pmax"].to_numpy()) else "max p differs"
    if name == "vwap":
        f = frame(out).with_columns(pl.col("sym").cast(pl.Utf8).str.slice(1).cast(pl.Int64).alias("symi"),
                                    pl.col("minute").cast(pl.Int64)).sort([pl.col("sym").cast(pl.Utf8), "minute"])
        if not (rd("vwap_sym") == f["symi"].to_numpy()).all() or not (rd("vwap_minute") == f["minute"].to_numpy()).all():
            return "keys differ"
        return True if close(rd("vwap_vwap"), f["vwap"].to_numpy()) else "vwap differs"
    if name == "where":
        v = out[0][0] if eng == "duckdb" else out.item()
        return True if rd("where_s")[0] == v else f"{rd('where_s')[0]} != {v}"
    if name == "distinct":
        a = frame(out)["v"].to_numpy() if eng == "duckdb" else out.to_numpy()
        q = rd("distinct")
        return True if np.array_equal(np.sort(q), np.sort(a)) else "sets differ"
    if name == "countdistinct":
        v = out[0][0] if eng == "duckdb" else out
        return True if rd("countdistinct")[0] == v else f"{rd('countdistinct')[0]} != {v}"
    if name in ("asc_long", "asc_float"):
        a = frame(out)["v"].to_numpy() if eng == "duckdb" else out if eng == "numpy" else out.to_numpy()
        return True if np.array_equal(rd(name), a) else "orders differ"
    if name == "aj":
        f = frame(out).sort("rid")
        ok = close(rd("aj_bid"), f["bid"].fill_null(np.nan).to_numpy()) and \
            close(rd("aj_ask"), f["ask"].fill_null(np.nan).to_numpy())
        return True if ok else "bid/ask differ"
    if name == "csv":
        f = frame(out)
        cols = list(f.columns)
        ok = np.array_equal(rd("csv_b"), f[cols[1]].to_numpy()) and close(rd("csv_c"), f[cols[2]].to_numpy())
        e = f[cols[3]].cast(pl.Int64).to_numpy() - EPOCH2000_NS
        ok = ok and np.array_equal(rd("csv_e"), e)
        a = f[cols[0]].cast(pl.Utf8).str.slice(1).cast(pl.Int64).to_numpy()
        return True if ok and np.array_equal(rd("csv_a"), a) else "columns differ"
    if name.startswith("byg"):
        f = frame(out).sort("g")
        ok = np.array_equal(rd(name + "_g"), f["g"].to_numpy()) and close(rd(name + "_v"), f["v"].to_numpy())
        return True if ok else "groups differ"
    return "no check"


# ---- main ---------------------------------------------------------------------------------

def run_size(args, rows, only):
    """one size: data, openq, the baselines, the checks; {query: {engine: median ms}}, problems"""
    ddir = os.path.abspath(args.data or f"build/bench-data/{rows}")
    odir = os.path.join(ddir, "out")
    t0 = time.perf_counter()
    cols = gen(rows)
    if not os.path.exists(os.path.join(ddir, "t.csv")):
        write_data(cols, ddir, rows)
    print(f"data: {rows} rows in {ddir} ({time.perf_counter() - t0:.1f} s); threads {THREADS}; "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    oq = run_openq(os.path.abspath(args.openq), ddir, odir, args.runs, only)
    base = {} if args.no_baselines else baselines(cols, ddir, args.runs, only)
    del cols
    problems, medians = [], {}
    print(f"{'query':<16}{'openq ms':>10}{'duckdb ms':>11}{'polars ms':>11}{'numpy ms':>10}"
          f"{'duckdb/openq':>14}{'polars/openq':>14}{'numpy/openq':>13}")
    for name, ts in oq.items():
        b = base.get(name, {})
        m = median(ts)
        dk, pk, nk = (median(b[e][0]) if e in b else float("nan") for e in ("duckdb", "polars", "numpy"))
        medians[name] = {"openq": m, "duckdb": dk, "polars": pk, "numpy": nk}
        print(f"{name:<16}{m:>10.1f}{dk:>11.1f}{pk:>11.1f}{nk:>10.1f}{dk / m:>14.2f}{pk / m:>14.2f}"
              f"{nk / m:>13.2f}", flush=True)
        if b:
            problems += check(name, odir, b)
    for n in base:
        if n not in oq:
            problems.append(f"{n}: openq gave no time")
    print(f"load {os.getloadavg()[0]:.1f}", flush=True)
    return medians, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="10000000", help="a size, or sizes separated by commas")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1, help="1 or 2 (read before the imports)")
    ap.add_argument("--only", default=",".join(QUERIES))
    ap.add_argument("--data", default=None)
    ap.add_argument("--openq", default="build/openq")
    ap.add_argument("--no-baselines", action="store_true", help="openq only (while developing)")
    args = ap.parse_args()
    only = [q for q in args.only.split(",") if q]
    sizes = [int(r) for r in args.rows.split(",") if r]
    if args.data and len(sizes) > 1:
        sys.exit("--data with one size only")
    problems, by_size = [], {}
    for rows in sizes:
        by_size[rows], bad = run_size(args, rows, only)
        problems += bad
    if len(sizes) > 1:
        print("ms per million rows, by size:")
        print(f"{'query':<16}{'engine':<8}" + "".join(f"{r:>12}" for r in sizes))
        for name in by_size[sizes[0]]:
            for eng in ("openq", "duckdb", "polars", "numpy"):
                row = [by_size[r].get(name, {}).get(eng, float("nan")) / (r / 1e6) for r in sizes]
                if not all(v != v for v in row):
                    print(f"{name:<16}{eng:<8}" + "".join(f"{v:>12.1f}" for v in row))
    for p in problems:
        print("MISMATCH", p)
    print("results:", "all equal" if not problems else f"{len(problems)} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
