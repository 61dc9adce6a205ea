"""A Python-handler openq server against aiokdb's asyncio server, same client, same run.

Both servers answer each sync query from a Python handler (openq: `openq.q.z.pg = f` under
RawQConnection.poll_recv; aiokdb: ServerContext.on_sync_request); the client is one raw
socket doing N round trips.  Also: .np() of a 10M vector is a view (no copy), and kx.toq(df)
and .pd() of a 1M-row frame with a str column against a NumPy copy of the same columns."""
import os
import socket
import struct
import subprocess
import sys
import textwrap
import time

N = 20000

OPENQ_SERVER = textwrap.dedent("""
    import sys
    import openq as kx
    kx.q.z.pg = lambda query: kx.toq(2)
    with kx.RawQConnection(port=int(sys.argv[1]), as_server=True) as q:
        while True:
            q.poll_recv()
""")

AIOKDB_SERVER = textwrap.dedent("""
    import asyncio, sys
    from aiokdb import kj
    from aiokdb.server import ServerContext, start_qserver
    class Ctx(ServerContext):
        async def on_sync_request(self, cmd, dotzw):
            return kj(2)
    async def main():
        server = await start_qserver(int(sys.argv[1]), Ctx())
        async with server:
            await server.serve_forever()
    asyncio.run(main())
""")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(script):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", script, str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            s = socket.create_connection(("127.0.0.1", port))
            break
        except OSError:
            time.sleep(0.05)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.sendall(b"\x03\x00")
    s.recv(1)
    body = b"\x0a\x00" + struct.pack("<I", 3) + b"1+1"
    msg = struct.pack("<BBBBI", 1, 1, 0, 0, 8 + len(body)) + body
    t0 = time.perf_counter()
    for _ in range(N):
        s.sendall(msg)
        hdr = s.recv(8)
        n = struct.unpack("<I", hdr[4:8])[0] - 8
        while n:
            n -= len(s.recv(n))
    dt = time.perf_counter() - t0
    s.close()
    proc.kill()
    proc.wait()
    return N / dt


def best_ms(f, runs=7):
    """the fastest of runs calls of f, in ms; each result is freed outside the timing"""
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        r = f()
        dt = time.perf_counter() - t0
        del r
        best = dt if best is None else min(best, dt)
    return best * 1e3


def frame_conversion():
    """kx.toq(df) and .pd() of 1M rows (a str column of 1000 distinct strings, a float, a
    long and a timestamp column) against copying the frame's columns as NumPy arrays
    (to_numpy().copy(): the object column's pointers and their references, the rest memcpy)."""
    import numpy as np
    import pandas as pd
    import openq as kx
    n = 1_000_000
    rng = np.random.default_rng(1)
    names = np.array([f"s{i}" for i in range(1000)], dtype=object)
    df = pd.DataFrame({"sym": names[rng.integers(0, 1000, n)], "price": rng.random(n),
                       "size": rng.integers(0, 1000, n),
                       "time": pd.date_range("2020-01-01", periods=n, freq="s")})
    copy = best_ms(lambda: [df[c].to_numpy().copy() for c in df.columns])
    toq = best_ms(lambda: kx.toq(df))
    t = kx.toq(df)
    back = best_ms(lambda: t.pd())
    assert t.pd().equals(df)
    print(f"toq(df) 1M rows: {toq:.1f} ms   numpy copy {copy:.1f} ms   ratio {copy / toq:.2f}")
    print(f".pd() 1M rows: {back:.1f} ms   numpy copy {copy:.1f} ms   ratio {copy / back:.2f}")


def main():
    ours = run(OPENQ_SERVER)
    theirs = run(AIOKDB_SERVER)
    print(f"python-handler server: openq {ours:,.0f} req/s   aiokdb {theirs:,.0f} req/s   ratio {ours / theirs:.2f}")
    import openq as kx
    v = kx.q("til 10000000")
    kx.q("til 3").np()  # numpy imported before timing
    t0 = time.perf_counter()
    a = v.np()
    dt = time.perf_counter() - t0
    print(f".np() of 10M longs: {dt * 1e6:.0f} us, shares memory: {a.ctypes.data == v.np().ctypes.data}")


if __name__ == "__main__":
    if sys.argv[1:] == ["frame"]:
        frame_conversion()
    else:
        main()
        frame_conversion()
