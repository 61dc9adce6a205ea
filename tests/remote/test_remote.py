"""Remote function execution against `openq -p PORT examples/setup.q`, with openq.remote and
with a real PyKX 3.1 client (unlicensed): PyKX's remote walkthrough, end to end."""
import os

import pytest

os.environ.setdefault("PYKX_UNLICENSED", "true")
import pykx  # noqa: E402
import pykx.remote  # noqa: E402

import openq  # noqa: E402
import openq.remote  # noqa: E402

from conftest import BINARY, ROOT  # noqa: E402

SETUP = os.path.join(ROOT, "examples", "setup.q")


import sys  # noqa: E402

# the server runs in this virtual environment, as a user's would after `activate`
VENV = {"VIRTUAL_ENV": sys.prefix}


@pytest.fixture
def server(spawn):
    port, _ = spawn([BINARY, SETUP, "-p", "{port}"], env=VENV)
    return port


def openq_session(port):
    s = openq.remote.session()
    s.create(host="localhost", port=port, username="user", password="password")
    return s


def pykx_session(port, libraries=None):
    return pykx.remote.session("localhost", port, libraries=libraries, username="user",
                               password="password")


@pytest.mark.parametrize("make", [openq_session, pykx_session])
def test_walkthrough(server, make):
    mod = openq.remote if make is openq_session else pykx.remote
    s = make(server)

    @mod.function(s)
    def single_arg_function(x):
        return x + 10
    assert single_arg_function(10).py() == 20

    @mod.function(s)
    def multi_arg_function(x, y):
        return x + y
    assert multi_arg_function(10, 20).py() == 30

    @mod.function(s)
    def zero_arg_function():
        return 10
    assert zero_arg_function().py() == 10

    if make is openq_session:
        s.add_library("numpy", "pykx")
    else:
        s.libraries({"numpy": "numpy", "pykx": "pykx"})

    @mod.function(s)
    def dependent_function(x, y, z):
        return pykx.q.mavg(4, numpy.linspace(x, y, z))  # noqa: F821 (imported remotely)
    r = dependent_function(0, 10, 10).py()
    assert len(r) == 10 and abs(r[1] - 0.5555555555) < 1e-6 and abs(r[3] - 1.6666666666) < 1e-6

    @mod.function(s)
    def imports_inside(x, y, z):
        import pykx as kx
        import numpy as np
        return kx.q.mavg(4, np.linspace(x, y, z))
    assert imports_inside(0, 10, 10).py() == r

    @mod.function(s)
    def reads_tab():
        import pykx as kx
        return kx.q("count tab")
    assert reads_tab().py() == 1000

    @mod.function(s)
    def returns_frame():
        import pandas as pd
        return pd.DataFrame({"a": [1, 2], "b": [1.5, 2.5]})
    assert returns_frame().pd()["b"].tolist() == [1.5, 2.5]
    s.close()


@pytest.mark.parametrize("make", [openq_session, pykx_session])
def test_failures(server, make):
    mod = openq.remote if make is openq_session else pykx.remote
    s = make(server)
    QError = openq.QError if make is openq_session else pykx.QError

    @mod.function(s)
    def uses_missing_numpy(x):
        return numpy.array([x])  # noqa: F821 (deliberately undefined)
    with pytest.raises(QError, match="name 'numpy' is not defined"):
        uses_missing_numpy(1)

    @mod.function(s)
    def raises():
        raise ValueError("bad things")
    with pytest.raises(QError, match="bad things"):
        raises()

    with pytest.raises(QError, match="Failed to load library 'undefined' with alias 'un'"):
        s.libraries({"un": "undefined"})
    s.close()


def test_add_library_checks_at_once(server):
    s = openq_session(server)
    with pytest.raises(openq.QError, match="undefined_library_xyz"):
        s.add_library("undefined_library_xyz")


def test_wrong_password_never_reaches_python(server):
    with pytest.raises(Exception):
        pykx.remote.session("localhost", server, username="user", password="wrong")
    with pytest.raises(Exception):
        s = openq.remote.session()
        s.create(host="localhost", port=server, username="user", password="wrong")


def test_decorator_needs_a_session():
    @openq.remote.function(10)
    def f():
        return 1
    with pytest.raises(Exception, match="Supplied remote_session instance must be"):
        f()


def test_read_only_server_refuses_pyexec(spawn):
    port, _ = spawn([BINARY, SETUP, "-p", "{port}", "-b"], env=VENV)
    q = pykx.SyncQConnection("127.0.0.1", port, username="user", password="password", no_ctx=True)
    with pytest.raises(pykx.QError, match="noupdate"):
        q('.pykx.pyexec "x=1"')


def test_pykx_namespace_conversions(server):
    q = pykx.SyncQConnection("127.0.0.1", server, username="user", password="password", no_ctx=True)
    assert q("`pykx in key `").py() is True
    q('.pykx.pyexec "def kind(x): return type(x).__name__"')
    assert q(".pykx.get[`kind;<] 1 2 3").py() == "ndarray"  # the default: numpy
    assert q(".pykx.get[`kind;<] .pykx.topy 1 2 3").py() == "list"
    assert q(".pykx.get[`kind;<] .pykx.topd 1 2 3").py() == "Series"
    assert q(".pykx.get[`kind;<] ([]a:1 2)").py() == "DataFrame"
    assert q(".pykx.get[`kind;<] (1;`a)").py() == "list"
    q(".pykx.set[`v;til 3]")
    assert q('.pykx.qeval "int(v.sum())"').py() == 3
    with pytest.raises(pykx.QError, match="ZeroDivisionError"):
        q('.pykx.pyexec "1/0"')
    assert q("system\"l pykx.q\"; 1b").py() is True


def test_pykx_namespace_only_after_loading_pykx_q(spawn):
    """as on PyKX's q server: no .pykx until \\l pykx.q (or `q pykx.q`); a read-only (-b)
    server's client cannot define it"""
    port, _ = spawn([BINARY, "-p", "{port}"], env=VENV)
    q = pykx.SyncQConnection("127.0.0.1", port, no_ctx=True)
    assert q("`pykx in key `").py() is False
    with pytest.raises(pykx.QError):
        q('.pykx.pyexec "x=1"')
    q('system"l pykx.q"')
    assert q("`pykx in key `").py() is True
    q('.pykx.pyexec "x=41"')
    assert q('.pykx.qeval "x+1"').py() == 42
    port, _ = spawn([BINARY, "pykx.q", "-p", "{port}"], env=VENV)
    assert pykx.SyncQConnection("127.0.0.1", port, no_ctx=True)("`pykx in key `").py() is True
    port, _ = spawn([BINARY, "-p", "{port}", "-b"], env=VENV)
    q = pykx.SyncQConnection("127.0.0.1", port, no_ctx=True)
    try:
        q('system"l pykx.q"')
    except pykx.QError:
        pass
    assert q("`pykx in key `").py() is False
