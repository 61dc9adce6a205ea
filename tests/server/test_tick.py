"""A tickerplant and a subscriber shaped like kdb+tick (scripts in tests/server/tick, written
for these tests): the log made with .[L;();:;()] and appended through hopen, counted and
replayed by -11! in its forms, a torn log detected, subscriptions on neg handles forgotten in
.z.pc, the .z.ts timer, and end of day writing a date partition with .Q.hdpf."""
import os
import shutil
import socket
import subprocess
import time

import pykx as kx

from conftest import BINARY, free_port

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tick")


def start(args, cwd):
    proc = subprocess.Popen([BINARY, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    port = int(args[args.index("-p") + 1])
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
    raise AssertionError("no listener on %d" % port)


def until(f, seconds=5):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if f():
            return True
        time.sleep(0.05)
    return f()


def trade(syms, prices, sizes):
    return [kx.SymbolVector(syms), kx.FloatVector(prices), kx.LongVector(sizes)]


def test_tickerplant_log_subscriber_and_end_of_day(tmp_path):
    logdir, hdb = tmp_path / "logs", tmp_path / "hdb"
    logdir.mkdir()
    hdb.mkdir()
    for f in ("feedplant.q", "store.q"):
        shutil.copy(os.path.join(HERE, f), tmp_path / f)
    tp_port, st_port = free_port(), free_port()
    procs = [start(["feedplant.q", str(logdir), "-p", str(tp_port), "-t", "50"], tmp_path)]
    try:
        with kx.SyncQConnection(port=tp_port) as tp:
            # a fresh log: an empty list file with no messages
            assert tp("-11!(-2;.fp.L)").py() == 0
            tp(".fp.upd", kx.SymbolAtom("trade"), trade(["a", "b"], [1.5, 2.5], [10, 20]))
            tp(".fp.upd", kx.SymbolAtom("trade"), trade(["c"], [3.5], [30]))
            assert tp("(.fp.n;-11!(-2;.fp.L);count get .fp.L)").py() == [2, 2, 2]
            # the timer runs .z.ts
            assert until(lambda: tp(".fp.ticks").py() >= 3)

            # a subscriber replays the two logged messages, then gets the rest live
            procs.append(start(["store.q", ":%d" % tp_port, str(hdb), "-p", str(st_port)], tmp_path))
            assert until(lambda: tp("count .fp.subs").py() == 1)
            with kx.SyncQConnection(port=st_port) as st:
                assert st("(.st.replayed;count trade)").py() == [2, 3]
                tp(".fp.upd", kx.SymbolAtom("trade"), trade(["a"], [4.5], [40]))
                assert until(lambda: st("count trade").py() == 4)
                assert st("exec sum size from trade").py() == 100
                assert st("attr trade`sym").py() == "g"

                # -11!(n;L) replays the first n; a torn copy of the log is found out
                assert tp("upd:{[t;x] replayed+:1}; replayed:0; k:-11!(2;.fp.L); (k;replayed)").py() == [2, 2]
                torn = str(tmp_path / "torn")
                with open(tp(".fp.L").py()[1:], "rb") as fh:
                    data = fh.read()
                with open(torn, "wb") as fh:
                    fh.write(data[:-3])
                valid = tp('-11!(-2;`$":%s")' % torn).py()
                assert valid[0] == 2 and 0 < valid[1] < len(data) - 3
                assert tp('@[-11!;`$":%s";{x}]' % torn).py() == b"badtail"

                # end of day: the subscriber writes hdb/DATE/trade/ and empties its table
                day = tp("string .fp.day").py().decode()
                tp(".fp.roll[]")
                assert until(lambda: st(".st.days").py() == 1)
                assert st("count trade").py() == 0
                part = hdb / day / "trade"
                assert sorted(os.listdir(part)) == [".d", "price", "size", "sym", "time"]
                assert st('get `$":%s/.d"' % part).py() == ["sym", "time", "price", "size"]
                assert st('attr get `$":%s/sym"' % part).py() == "p"
                assert st('get `$":%s/sym"' % hdb).py() == ["a", "b", "c"]
                assert st('exec value sym from get `$":%s"' % part).py() == ["a", "a", "b", "c"]
                # the plant moved to the next day's log
                assert tp("(.fp.n;-11!(-2;.fp.L))").py() == [0, 0]

            # the subscriber going away is noticed in .z.pc
            procs[1].kill()
            procs[1].wait()
            assert until(lambda: tp("count .fp.subs").py() == 0)
    finally:
        for p in procs:
            p.kill()
            p.wait()


def test_three_processes_end_of_day_and_hdb(tmp_path):
    """plant, subscriber and an HDB started as `openq hdbdir -p PORT`: at end of day the
    subscriber writes the partition and tells the HDB to reload, and the HDB answers for it."""
    logdir, hdb = tmp_path / "logs", tmp_path / "hdb"
    logdir.mkdir()
    hdb.mkdir()
    for f in ("feedplant.q", "store.q"):
        shutil.copy(os.path.join(HERE, f), tmp_path / f)
    tp_port, st_port, hdb_port = free_port(), free_port(), free_port()
    procs = [start(["feedplant.q", str(logdir), "-p", str(tp_port)], tmp_path),
             start(["hdb", "-p", str(hdb_port)], tmp_path)]
    try:
        procs.append(start(["store.q", ":%d" % tp_port, "hdb", str(hdb_port), "-p", str(st_port)],
                           tmp_path))
        with kx.SyncQConnection(port=tp_port) as tp, kx.SyncQConnection(port=hdb_port) as h:
            # the HDB started on the empty directory and made it its own
            assert h("system\"cd\"").py().decode() == str(hdb)
            assert until(lambda: tp("count .fp.subs").py() == 1)
            fed = [(["a", "b", "a"], [1.0, 2.0, 3.0], [10, 20, 30]),
                   (["c", "a"], [4.0, 5.0], [40, 50]),
                   (["b"], [6.0], [60])]
            for syms, prices, sizes in fed:
                tp(".fp.upd", kx.SymbolAtom("trade"), trade(syms, prices, sizes))
            with kx.SyncQConnection(port=st_port) as st:
                assert until(lambda: st("count trade").py() == 6)
            day = tp(".fp.day")
            tp(".fp.roll[]")
            with kx.SyncQConnection(port=st_port) as st:
                assert until(lambda: st(".st.days").py() == 1)
            # the HDB reloaded: date is the day written, trade its partitioned table
            assert h("date").py() == [day.py()]
            assert h("count trade").py() == 6
            assert h(".Q.pf").py() == "date"
            size = {}
            count = {}
            for syms, _, sizes in fed:
                for s, z in zip(syms, sizes):
                    size[s] = size.get(s, 0) + z
                    count[s] = count.get(s, 0) + 1
            r = h("{select n:count i, size:sum size, hi:max price by sym from trade where date=x}", day)
            keys = r.keys().py()["sym"]
            got = r.values().py()
            assert dict(zip(keys, got["n"])) == count
            assert dict(zip(keys, got["size"])) == size
            assert dict(zip(keys, got["hi"])) == {"a": 5.0, "b": 6.0, "c": 4.0}
            assert h("{exec sym from trade where date=x}", day).py() == ["a", "a", "a", "b", "b", "c"]
            assert h("{count select from trade where date=x+1}", day).py() == 0
        # a fresh HDB process loads the same database from the command line
        fresh = free_port()
        procs.append(start(["hdb", "-p", str(fresh)], tmp_path))
        with kx.SyncQConnection(port=fresh) as h:
            assert h("{(count trade;exec sum size from trade where date=x)}", day).py() == [6, 210]
            assert h("select count i by date from trade").values().py() == {"x": [6]}
    finally:
        for p in procs:
            p.kill()
            p.wait()
