"""The q server with real clients: PyKX (unlicensed), qPython, aiokdb, raw sockets, C."""
import asyncio
import json
import os
import socket
import struct
import subprocess
import threading
import time

import pytest

os.environ.setdefault("PYKX_UNLICENSED", "true")
import numpy  # noqa: E402
import pykx as kx  # noqa: E402

# qPython 2.0 (unmaintained since 2019) still names numpy.string_, removed in NumPy 2
if not hasattr(numpy, "string_"):
    numpy.string_ = numpy.bytes_
from qpython import qconnection  # noqa: E402

import conftest  # noqa: E402
from conftest import ROOT  # noqa: E402

VECTORS = os.path.join(ROOT, "..", "shared", "vectors")


# ---- raw protocol helpers ------------------------------------------------------------------

def handshake(port, cred=b"", cap=3):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(cred + bytes([cap, 0]))
    return s, s.recv(1)


def frame(body, msgtype=1):
    return struct.pack("<BBBBI", 1, msgtype, 0, 0, 8 + len(body)) + body


def charvec(text):
    data = text.encode()
    return b"\x0a\x00" + struct.pack("<I", len(data)) + data


def recv_msg(s):
    hdr = b""
    while len(hdr) < 8:
        chunk = s.recv(8 - len(hdr))
        if not chunk:
            return None
        hdr += chunk
    n = struct.unpack("<I", hdr[4:])[0] | (hdr[3] << 32)
    data = bytearray()
    while len(data) < n - 8:
        chunk = s.recv(min(1 << 20, n - 8 - len(data)))
        if not chunk:
            return None
        data += chunk
    return hdr + bytes(data)


def sync_raw(s, text):
    s.sendall(frame(charvec(text)))
    return recv_msg(s)


# ---- PyKX ----------------------------------------------------------------------------------

def test_pykx_no_ctx_queries(server):
    srv = server()
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    assert q("1+1").py() == 2
    assert q("til 10").py() == list(range(10))
    assert q("{x+y}", 2, 3).py() == 5
    assert q("{x+til y}", 10, 3).py() == [10, 11, 12]
    assert q("`a`b!1 2").py() == {"a": 1, "b": 2}
    q.close()


def test_pykx_default_constructor_sends_context_probes(server):
    srv = server()
    q = kx.SyncQConnection("127.0.0.1", srv.port)
    assert q("til 3").py() == [0, 1, 2]
    df = q("([]a:1 2 3;b:`x`y`z)").pd()
    assert list(df["a"]) == [1, 2, 3] and list(df["b"]) == ["x", "y", "z"]
    q.close()


def test_pykx_errors_and_async(server):
    srv = server()
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    with pytest.raises(kx.QError, match="type"):
        q("1+`a")
    q("a:til 10", wait=False)
    q("1+`", wait=False)  # an async error produces nothing on the wire
    assert q("a").py() == list(range(10))
    with pytest.raises(kx.QError, match="undefinedthing"):
        q("undefinedthing")
    q.close()


def test_pykx_eight_arguments_and_guid(server):
    srv = server()
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    assert q("{[a;b;c;d;e;f;g;h] a+b+c+d+e+f+g+h}", 1, 2, 3, 4, 5, 6, 7, 8).py() == 36
    q.close()


# ---- authentication ------------------------------------------------------------------------

def test_zpw_in_q_accepts_and_rejects(server):
    srv = server('.z.pw:{[u;p] (u~`user)&p~"password"}\n')
    good = kx.SyncQConnection("127.0.0.1", srv.port, username="user", password="password", no_ctx=True)
    assert good("1+1").py() == 2
    good.close()
    for user, pw in [("user", "wrong"), ("other", "password"), ("", "")]:
        with pytest.raises(Exception):
            kx.SyncQConnection("127.0.0.1", srv.port, username=user, password=pw, no_ctx=True)("1")
    assert srv.alive()


def test_password_split_at_first_colon(server):
    srv = server('.z.pw:{[u;p] (u~`user)&p~"pa:ss"}\n')
    s, reply = handshake(srv.port, b"user:pa:ss")
    assert reply == b"\x03"
    s.close()
    s, reply = handshake(srv.port, b"user:pa")
    assert reply == b""
    s.close()


def test_password_file(server, tmp_path):
    users = tmp_path / "users"
    users.write_text("alice:secret\n")
    srv = server(args=("-u", str(users)))
    s, reply = handshake(srv.port, b"alice:secret")
    assert reply == b"\x03"
    s.close()
    s, reply = handshake(srv.port, b"alice:nope")
    assert reply == b""


def test_capability_is_min_of_client_and_6(server):
    srv = server()
    for cap, want in [(0, 0), (3, 3), (5, 5), (6, 6), (9, 6)]:
        s, reply = handshake(srv.port, b"u", cap)
        assert reply == bytes([want])
        s.close()


# ---- hooks -----------------------------------------------------------------------------------

def test_zpg_zps_zpo_zpc_hooks(server):
    script = (
        "opened:0\nclosed:0\nqlog:()\n"
        ".z.po:{opened+:1}\n.z.pc:{closed+:1}\n"
        '.z.pg:{[x] qlog,:enlist x; value x}\n'
        ".z.ps:{[x] qlog,:enlist x; value x}\n"
    )
    srv = server(script)
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    assert q("2+3").py() == 5
    q("b:7", wait=False)
    assert q("b").py() == 7
    assert q("opened").py() == 1
    assert q("count qlog").py() == 5  # 2+3, b:7, b, opened, and this query
    q.close()
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    time.sleep(0.1)
    assert q("closed").py() == 1
    assert q(".z.w").py() > 0
    q.close()


def test_hook_closing_its_own_handle_is_safe(server):
    srv = server(".z.pg:{[x] hclose .z.w; 1}\n")
    s, _ = handshake(srv.port)
    s.sendall(frame(charvec("1+1")))
    assert recv_msg(s) is None  # closed, no reply
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    with pytest.raises(Exception):
        q("1+1")
    assert srv.alive()


def test_read_only_mode_refuses_writes(server):
    srv = server("a:1\n", args=("-b",))
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    with pytest.raises(kx.QError, match="noupdate"):
        q("a:2")
    assert q("a").py() == 1
    q.close()


def test_query_timeout(server):
    srv = server(args=("-T", "1"))
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    with pytest.raises(kx.QError, match="stop"):
        q("{while[1b;x+:1]}[0]")
    assert q("1+1").py() == 2


# ---- other clients ----------------------------------------------------------------------------

def test_qpython_client(server):
    srv = server()
    with qconnection.QConnection(host="127.0.0.1", port=srv.port) as q:
        assert q.sendSync("1+1") == 2
        assert list(q.sendSync("til 4")) == [0, 1, 2, 3]
        assert q.sendSync("{x*y}", 6, 7) == 42
        q.sendAsync("z:99")
        assert q.sendSync("z") == 99


def test_aiokdb_client(server):
    aiokdb = pytest.importorskip("aiokdb")
    from aiokdb.client import open_qipc_connection
    srv = server()

    async def main():
        rd, wr = await open_qipc_connection(host="127.0.0.1", port=srv.port)
        r = await wr.sync_req(aiokdb.cv("1+2"))
        wr.close()
        return r

    r = asyncio.run(main())
    assert r.aJ() == 3


def test_c_client(server):
    srv = server()
    out = subprocess.run([os.path.join(ROOT, "build", "capi_client"), str(srv.port)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 failed" in out.stdout


# ---- sizes, compression, concurrency -----------------------------------------------------------

def test_100mb_message_each_way(server):
    srv = server()
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    n = 100 * 1024 * 1024 // 8
    big = q(f"{n}#1.5")
    assert len(big) == n
    total = q("{sum x}", kx.FloatVector(big.np()))
    assert total.py() == 1.5 * n
    q.close()


def test_compressed_message_from_client(server):
    srv = server()
    s, _ = handshake(srv.port)
    packed = recv_msg_value_bytes(s, "-18!2000#42")
    assert packed[2] == 1  # compressed by our compressor
    msg = bytearray(packed)
    msg[1] = 1  # make it a sync request
    s.sendall(bytes(msg))
    reply = recv_msg(s)
    assert reply[8] == 7  # a long vector came back
    assert struct.unpack("<I", reply[10:14])[0] == 2000
    assert struct.unpack("<q", reply[14:22])[0] == 42


def recv_msg_value_bytes(s, text):
    reply = sync_raw(s, text)
    assert reply[8] == 4  # byte vector
    n = struct.unpack("<I", reply[10:14])[0]
    return reply[14:14 + n]


def test_large_reply_from_its_vectors_is_byte_exact(server):
    """Large number vectors go out from their own memory (ipc_encode_parts): the reply's bytes
    are the ones -8! gives, also to a reader slow enough that the pieces wait in the queue;
    an amend while the reply waits does not change what is sent."""
    srv = server("x:(til 100000;`a`b;100000?1.0;\"abc\";(1 2;200000#0b);`s#til 70000;"
                 "([]a:100000?1.0;s:100000?`x`y`z;d:2020.01.01+til 100000;g:100000?0Ng;e:`sym$100000?sym:`p`q`r))\n"
                 "y:til 3000000\n")
    s, _ = handshake(srv.port, cap=3)
    for name in ("x", "y", "(y;x;y)"):
        want = recv_msg_value_bytes(s, f"-8!{name}")
        got = sync_raw(s, name)
        assert got[:1] == want[:1] and got[2:] == want[2:], name   # all but the message type
        assert got[1] == 2
    want = recv_msg_value_bytes(s, "-8!y")
    s.sendall(frame(charvec("y")))
    time.sleep(0.3)                      # the server's socket fills: the rest is queued
    s2, _ = handshake(srv.port)
    sync_raw(s2, "y[0]:42")              # y changes while its reply waits
    got = recv_msg(s)
    assert got[2:] == want[2:]
    assert sync_raw(s2, "y 0")[9:] == struct.pack("<q", 42)
    s.close()
    s2.close()


def test_500_concurrent_clients(server):
    srv = server()
    socks = []
    for _ in range(500):
        s, reply = handshake(srv.port)
        assert reply == b"\x03"
        socks.append(s)
    for i, s in enumerate(socks):
        s.sendall(frame(charvec(f"{i}+1")))
    for i, s in enumerate(socks):
        reply = recv_msg(s)
        assert struct.unpack("<q", reply[9:17])[0] == i + 1
    for s in socks:
        s.close()
    assert srv.alive()


def test_stalled_clients_do_not_delay_others(server):
    srv = server()
    half = socket.create_connection(("127.0.0.1", srv.port))
    half.sendall(b"user:pa")  # half a handshake, then nothing
    s, _ = handshake(srv.port)
    s.sendall(frame(charvec("1+1"))[:10])  # half a frame
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    t0 = time.time()
    for _ in range(20):
        assert q("1+1").py() == 2
    assert time.time() - t0 < 5
    half.close()
    s.close()


def test_client_disconnecting_mid_reply(server):
    srv = server()
    for _ in range(3):
        s, _ = handshake(srv.port)
        s.sendall(frame(charvec("til 20000000")))
        s.close()
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    assert q("1+1").py() == 2
    assert srv.alive()


def malformed_messages():
    msgs = []
    for line in open(os.path.join(VECTORS, "qpython.jsonl")):
        rec = json.loads(line)
        if rec.get("compressed"):
            continue
        raw = bytes.fromhex(rec["hex"])
        if len(raw) > 12:
            cut = raw[: len(raw) // 2 + 4]
            msgs.append(struct.pack("<BBBBI", 1, 1, 0, 0, len(cut)) + cut[8:])
            bad = bytearray(raw)
            bad[1] = 1
            bad[8] = 0x55  # an unknown type byte
            msgs.append(bytes(bad))
    return msgs[:60]


def test_malformed_frames_get_errors_and_server_keeps_serving(server):
    srv = server()
    for m in malformed_messages():
        s, _ = handshake(srv.port)
        s.sendall(m)
        reply = recv_msg(s)
        assert reply is None or reply[8] == 0x80 or reply[1] == 2
        s.close()
    s, _ = handshake(srv.port)
    s.sendall(b"\x01\x01\x00\x00\xff\xff\xff\xff" + b"x" * 100)  # a 4 GB claim
    s.close()
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    assert q("1+1").py() == 2
    assert srv.alive()


def test_unix_socket(server):
    srv = server()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(b"\0/tmp/kx.%d" % srv.port)
    s.sendall(b"\x03\x00")
    assert s.recv(1) == b"\x03"
    reply = sync_raw(s, "2+2")
    assert struct.unpack("<q", reply[9:17])[0] == 4


def test_q_client_hopen_to_another_server(server):
    a = server("x:42\n")
    b = server()
    q = kx.SyncQConnection("127.0.0.1", b.port, no_ctx=True)
    assert q(f'h:hopen `:127.0.0.1:{a.port}; r:h"x+1"; hclose h; r').py() == 43
    assert q(f'h:hopen {a.port}; neg[h]"y:5"; r:h"y"; hclose h; r').py() == 5


def test_q_client_async_blocking_h_empty(server):
    """basics/ipc.md "Async blocking": neg[h] sends, h[] blocks for the server's async reply;
    an async message that arrives before h[] waits is kept for it, a sync call after works"""
    a = server("proc:{neg[.z.w] sum x}\nlater:{neg[.z.w] (`late;x)}\n")
    b = server()
    q = kx.SyncQConnection("127.0.0.1", b.port, no_ctx=True)
    assert q(f'h:hopen {a.port}; neg[h](`proc;1 2 3); r:h[]; hclose h; r').py() == 6
    assert q(f'h:hopen {a.port}; neg[h](`later;7); r:h(::); s:h"1+1"; hclose h; (r;s)').py() == \
        [["late", 7], 2]
    assert q('@[{x[]};3;{x}]').py() == b"type"  # 3 is not a connection: 'type, as 3[]
    assert q(f'h:hopen {a.port}; neg[h]"exit 0"; r:@[{{x[]}};h;{{x}}]; r').py() == b"close"


def test_backslash_q_starts_another_process(server):
    """\\q args starts this binary with args in the background (KX's e/mserve.q does so)"""
    port = conftest.free_port()
    b = server()
    q = kx.SyncQConnection("127.0.0.1", b.port, no_ctx=True)
    q(f'system"q -p {port}"')
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            c = kx.SyncQConnection("127.0.0.1", port, no_ctx=True)
            break
        except Exception:
            time.sleep(0.1)
    else:
        pytest.fail("no process on the port")
    assert c("2+3").py() == 5
    try:
        c("exit 0", wait=False)
    except Exception:
        pass
    ro = server(args=["-b"])
    r = kx.SyncQConnection("127.0.0.1", ro.port, no_ctx=True)
    with pytest.raises(kx.QError, match="noupdate"):  # read-only: no new process
        r(f'system"q -p {port}"')


def test_background_server_keeps_serving_after_stdin_eof(server):
    srv = server()
    time.sleep(0.2)
    q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    assert q("1+1").py() == 2


def test_many_threads_of_clients(server):
    srv = server()
    errors = []

    def worker(k):
        try:
            q = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
            for i in range(50):
                assert q(f"{k}*{i}").py() == k * i
            q.close()
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_deferred_sync_reply(server):
    srv = server(
        "waiting:()\n"
        '.z.pg:{[x] $[x~"later"; [-30!(::); waiting,:.z.w; ::]; value x]}\n'
    )
    a, _ = handshake(srv.port)
    a.sendall(frame(charvec("later")))  # no reply yet
    time.sleep(0.2)
    b = kx.SyncQConnection("127.0.0.1", srv.port, no_ctx=True)
    assert b("count waiting").py() == 1
    b("-30!(first waiting;0b;42)")
    reply = recv_msg(a)
    assert reply[1] == 2 and struct.unpack("<q", reply[9:17])[0] == 42
    a.sendall(frame(charvec("later")))
    time.sleep(0.2)
    b("-30!(last waiting;1b;\"oops\")")
    reply = recv_msg(a)
    assert reply[8] == 0x80 and b"oops" in reply
