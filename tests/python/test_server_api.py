"""PyKX's server API from openq: the seed's scripts, served to PyKX (unlicensed) and qPython."""
import os
import subprocess
import sys
import textwrap

import numpy
import pytest

os.environ.setdefault("PYKX_UNLICENSED", "true")
import pykx  # noqa: E402

if not hasattr(numpy, "string_"):  # qPython 2.0 predates NumPy 2
    numpy.string_ = numpy.bytes_
from qpython import qconnection  # noqa: E402

from conftest import ROOT, python_script  # noqa: E402

SERVER = [sys.executable, os.path.join(ROOT, "examples", "server.py"), "{port}"]
SERVER_ASYNC = [sys.executable, os.path.join(ROOT, "examples", "server_async.py"), "{port}"]


@pytest.mark.parametrize("script", [SERVER, SERVER_ASYNC])
def test_seed_server_with_pykx_client(spawn, script):
    port, proc = spawn(script)
    q = pykx.SyncQConnection("127.0.0.1", port, no_ctx=True)
    assert q("til 10").py() == list(range(10))
    q("a:til 10", wait=False)
    q("1+`", wait=False)
    assert q("a").py() == list(range(10))
    with pytest.raises(pykx.QError):
        q("1+`")
    assert q("{x+y}", 2, 3).py() == 5
    q.close()
    proc.kill()
    out = proc.stdout.read().decode()
    # str() of the query (a CharVector) is its text, as in PyKX
    assert "til 10\n" in out and "0 1 2 3 4 5 6 7 8 9" in out  # printed before replying


def test_seed_server_with_qpython_client(spawn):
    port, _ = spawn(SERVER)
    with qconnection.QConnection(host="127.0.0.1", port=port) as q:
        assert q.sendSync("1+1") == 2
        assert q.sendSync("{x*y}", 6, 7) == 42


def test_python_zpw_accepts_and_rejects(spawn):
    port, _ = spawn(SERVER, env={"OPENQ_EXAMPLE_PW": "1"})
    q = pykx.SyncQConnection("127.0.0.1", port, username="u", password="password", no_ctx=True)
    assert q("1+1").py() == 2
    with pytest.raises(Exception):
        pykx.SyncQConnection("127.0.0.1", port, username="u", password="nope", no_ctx=True)("1")


def serve(spawn, setup):
    """a Python process that runs `setup` (openq imported as kx), then serves as PyKX's
    server example does; its port"""
    body = "import sys\nimport openq as kx\n" + textwrap.dedent(setup) + textwrap.dedent("""
        with kx.RawQConnection(port=int(sys.argv[1]), as_server=True) as q:
            while True:
                q.poll_recv()
    """)
    port, _ = spawn(python_script(body) + ["{port}"])
    return port


def test_q_hooks_set_from_python(spawn):
    port = serve(spawn, """
        kx.q.z.pw = kx.q('{[user; password] $[password=`password; 1b; 0b]}')  # the seed's, verbatim
        kx.q.z.pg = kx.q('{[x] r: value x; (`pg; r)}')
        kx.q.z.ps = kx.q('{[x] value x}')
    """)
    q = pykx.SyncQConnection("127.0.0.1", port, username="u", password="password", no_ctx=True)
    assert q("1+1").py() == ["pg", 2]
    q("b:3", wait=False)
    assert q("b").py() == ["pg", 3]
    with pytest.raises(Exception):
        pykx.SyncQConnection("127.0.0.1", port, username="u", password="bad", no_ctx=True)("1")
    with pytest.raises(Exception):  # no password: .z.pw gets :: and says no
        pykx.SyncQConnection("127.0.0.1", port, username="u", no_ctx=True)("1")


def test_python_server_hands_q_pw_symbols_or_identity(spawn):
    port = serve(spawn, """
        kx.q('seen:()')
        kx.q.z.pw = kx.q('{[u;p] seen,::enlist(type u;type p;p); 1b}')
    """)
    pykx.SyncQConnection("127.0.0.1", port, username="u", password="pw", no_ctx=True)("1").py()
    q = pykx.SyncQConnection("127.0.0.1", port, username="v", no_ctx=True)
    seen = q("seen").py()
    assert seen[0] == [-11, -11, "pw"]     # PyKX's server: user and password as symbols
    assert seen[1][:2] == [-11, 101]       # no (or an empty) password: ::


def test_python_hook_receives_k_objects_and_raising_hook_is_an_error(spawn):
    port = serve(spawn, """
        def pg(query):
            if isinstance(query, kx.CharVector) and query.py() == b'boom':
                raise ValueError('no boom')
            return kx.toq(type(query).__name__)
        kx.q.z.pg = pg
    """)
    q = pykx.SyncQConnection("127.0.0.1", port, no_ctx=True)
    assert q("1+1").py() == "CharVector"
    assert q("{x}", 1).py() == "List"
    with pytest.raises(pykx.QError, match="no boom"):
        q("boom")
    assert q("1+1").py() == "CharVector"  # still serving


def test_q_error_inside_a_python_hook_travels_as_itself(spawn):
    port = serve(spawn, """
        def pg(query):
            if query.py() == b'raise':
                raise kx.QError('custom')
            return kx.q.value(query)       # 1+`a fails in q, inside Python
        kx.q.z.pg = pg
    """)
    q = pykx.SyncQConnection("127.0.0.1", port, no_ctx=True)
    for query, text in (("1+`a", "type"), ("raise", "custom")):
        with pytest.raises(pykx.QError) as e:
            q(query)
        assert str(e.value) == text, str(e.value)   # not QError('type')
    assert q("1+1").py() == 2


def test_embedded_q_api():
    import openq as kx
    assert kx.q("1+1").py() == 2
    assert repr(kx.q("20")) == "pykx.LongAtom(pykx.q('20'))"  # PyKX's form, code that parses it works
    assert kx.q("{x+y}", 1, 2).py() == 3
    assert kx.q.til(5).py() == [0, 1, 2, 3, 4]
    t = kx.q("([]a:1 2 3;b:`x`y`z)")
    assert isinstance(t, kx.Table)
    assert list(t.pd()["b"]) == ["x", "y", "z"]
    assert str(kx.q("1 2 3")) == "1 2 3"
    assert len(kx.q("til 4")) == 4 and kx.q("til 4")[2].py() == 2
    assert [x.py() for x in kx.q("`a`b")] == ["a", "b"]
    assert (kx.q("1 2 3") == kx.toq([1, 2, 3])).all()  # == is q's =, item by item, as in PyKX
    with pytest.raises(kx.QError, match="type"):
        kx.q("1+`a")


@pytest.mark.parametrize("dtype", ["bool", "uint8", "int16", "int32", "int64", "float32",
                                   "float64", "datetime64[ns]", "datetime64[D]",
                                   "timedelta64[ns]"])
def test_numpy_round_trips(dtype):
    import openq as kx
    a = numpy.array([0, 1, 2, 3], dtype="int64").astype(dtype)
    back = kx.toq(a).np()
    assert back.dtype == a.dtype
    assert (back == a).all()


def test_np_does_not_copy():
    import openq as kx
    v = kx.q("til 1000000")
    a = v.np()
    b = v.np()
    assert a.ctypes.data == b.ctypes.data  # both views of the q vector's memory


def test_no_leak_over_many_calls():
    import tracemalloc
    import openq as kx
    from openq import _e  # noqa: F401
    for _ in range(1000):
        kx.q("1+1").py()
    tracemalloc.start()
    live0 = kx._e.live_objects()
    snap0 = tracemalloc.take_snapshot()
    for i in range(100000):
        kx.q("{x+y}", i, 1).py()
        kx.toq([1.5, 2.5]).np()
    live1 = kx._e.live_objects()
    snap1 = tracemalloc.take_snapshot()
    grown = sum(s.size_diff for s in snap1.compare_to(snap0, "filename"))
    tracemalloc.stop()
    assert live1 - live0 < 10
    assert grown < 200_000
