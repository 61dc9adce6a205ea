"""openq's Python clients as PyKX's: SecureQConnection, tls=True against openq's own TLS
server (-E 2, a self-signed certificate made by openssl), _connection_info, the reply
decoder, reconnection, and AsyncQConnection's pending calls and uninitialised use."""
import asyncio
import os
import subprocess

import pytest

import openq as kx
from pyfixtures import BINARY


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    d = tmp_path_factory.mktemp("tlsc")
    crt, key = d / "server.crt", d / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(crt)],
                   check=True, capture_output=True, timeout=60)
    return {"KX_SSL_CERT_FILE": str(crt), "KX_SSL_KEY_FILE": str(key)}


def test_secure_connection_and_info(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    with kx.SecureQConnection(port=port, timeout=2.0, connection_timeout=1.0) as q:
        assert q("til 3").py() == [0, 1, 2]
        info = q._connection_info
        assert info["port"] == port and info["timeout"] == 2.0
        assert info["connection_timeout"] == 1.0
        msg = kx._openq.encode(kx.q("til 4")._k, 2, 3)
        assert q._create_result(bytearray(msg)).py() == [0, 1, 2, 3]
    with pytest.raises(kx.PyKXException):
        kx.QConnection(port=port, tls=True, unix=True)


def test_tls_client(spawn, cert, monkeypatch):
    port, _ = spawn([BINARY, "-p", "{port}", "-q", "-E", "2"], env=cert)
    monkeypatch.setenv("KX_SSL_VERIFY_SERVER", "NO")
    with kx.SyncQConnection(port=port, tls=True) as q:
        assert q("1+1").py() == 2
        assert q("{x*y}", 6, 7).py() == 42
    monkeypatch.setenv("KX_SSL_VERIFY_SERVER", "YES")
    monkeypatch.setenv("KX_SSL_CA_CERT_FILE", cert["KX_SSL_CERT_FILE"])
    with kx.SecureQConnection(host="localhost", port=port, tls=True) as q:
        assert q("til 2").py() == [0, 1]

    async def run():
        monkeypatch.setenv("KX_SSL_VERIFY_SERVER", "NO")
        async with kx.AsyncQConnection(port=port, tls=True) as q:
            return (await q("2+2")).py()
    assert asyncio.run(run()) == 4
    assert isinstance(kx.ssl_info(), kx.Dictionary)


def test_reconnect(spawn, capsys):
    port, proc = spawn([BINARY, "-p", "{port}", "-q"])
    conn = kx.QConnection(port=port, reconnection_attempts=2, reconnection_delay=0.1)
    assert conn("til 2").py() == [0, 1]
    proc.kill()
    proc.wait()
    with pytest.raises(BaseException):
        conn("til 5")
    err = capsys.readouterr().err
    assert "trying again in 0.1 seconds" in err and "trying again in 0.2 seconds" in err


def test_async_reconnect(spawn, capsys):
    """AsyncQConnection(reconnection_attempts=): a lost server is tried again with growing
    delays (reported on stderr as PyKX does), and once back the call goes through"""
    port, proc = spawn([BINARY, "-p", "{port}", "-q"])

    async def run():
        conn = await kx.AsyncQConnection(port=port, reconnection_attempts=2,
                                         reconnection_delay=0.1)
        assert (await conn("til 2")).py() == [0, 1]
        proc.kill()
        proc.wait()
        with pytest.raises(BaseException):
            await conn("til 5")
        err = capsys.readouterr().err
        assert "trying again in 0.1 seconds" in err and "trying again in 0.2 seconds" in err
        back = subprocess.Popen([BINARY, "-p", str(port), "-q"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL)
        try:
            conn._retries = 20
            assert (await conn("til 3")).py() == [0, 1, 2]
            assert "successfully reestablished" in capsys.readouterr().err
            await conn.close()
            back.kill()
            back.wait()
            with pytest.raises(BaseException):   # closed by its user: not made again
                await conn("1")
        finally:
            back.kill()
            back.wait()
    asyncio.run(run())


def test_async_pending_calls_and_uninitialised(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])

    async def run():
        async with kx.AsyncQConnection(port=port) as q:
            a, b = q("til 3"), q("til 2")
            assert len(q._call_stack) == 2
            assert (await a).py() == [0, 1, 2] and (await b).py() == [0, 1]
            assert isinstance(await q("x:1", wait=False), kx.Identity)
            q("til 9")
            await q.close()
            assert len(q._call_stack) == 0
        q = kx.AsyncQConnection(port=port)
        with pytest.raises(kx.UninitializedConnection):
            await q("til 1")
        with pytest.raises(kx.UninitializedConnection):
            q.fileno()
    asyncio.run(run())


def test_timestamp_plus_second_over_ipc(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    with kx.QConnection(port=port) as q:
        assert q("{t:.z.p;while[.z.p<t+00:00:00.05];til 3}[::]").py() == [0, 1, 2]


def test_file_execute_and_timeout(spawn, tmp_path):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    script = tmp_path / "s.q"
    script.write_text(".t.f:{[x;y]\n  z:1;\n  x+y+z\n  }\n/ a comment\n\n.t.f[1;2]\n")
    with kx.SyncQConnection(port=port, timeout=0.5) as q:
        assert q.file_execute(str(script)).py() == 4
        with pytest.raises(kx.QError, match="unsupported"):
            q.file_execute(str(tmp_path / "file.l"))
        with pytest.raises(kx.QError, match="timeout"):
            q("{t:.z.p;while[.z.p<t+00:00:01];x} 1")
        assert q("til 3").py() == [0, 1, 2]  # the late reply is read and dropped first


def test_async_response(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])

    async def run():
        async with kx.AsyncQConnection(port=port) as q:
            first = q("{neg[.z.w] 99}[]", wait=False, reuse=False, async_response=True)
            second = await first
            assert (await second).py() == 99
            with pytest.warns(UserWarning, match="without wait=False"):
                (await q("1+1", reuse=False, async_response=True))
    asyncio.run(run())


def test_sql_over_ipc(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    with kx.SyncQConnection(port=port) as q:
        q("t:([]s:`a`b`a;v:1 2 3)")
        got = q.sql("select s, sum(v) as v from t where v > $1 group by s", 1)
        assert got.py() == {"s": ["a", "b"], "v": [3, 2]}


def test_async_connection_qsql_and_items(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])

    async def run():
        async with kx.AsyncQConnection(port=port) as q:
            q["t"] = kx.q("([] a:1 2 3)")  # at once, as PyKX's q['x'] is
            sel = await q.qsql.select("t", where="a>1")
            await q.qsql.update("t", {"a": "a*10"}, inplace=True)
            with pytest.raises(kx.QError, match="asynchronous"):
                await q.qsql.update(q["t"], {"a": "a+1"}, inplace=True)
            return sel["a"].py(), q["t"]["a"].py()
    assert asyncio.run(run()) == ([2, 3], [10, 20, 30])
