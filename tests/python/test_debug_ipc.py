"""debug=True (and PYKX_QDEBUG) in openq's clients and embedded q: the query runs under PyKX's
.Q.trp wrapper, the answer is its value or the error raised with the backtrace on stderr; the
backtrace object's frames hold the failing lambda's source (ref/dotq.md#trp).  Keywords q.k
defines travel as q sends them and come back as themselves."""
import asyncio

import pytest

import openq as kx
from pyfixtures import BINARY


def test_embedded_debug(capsys):
    assert kx.q("til 3", debug=True).py() == [0, 1, 2]
    assert kx.q("=", kx.q('"z"'), b"z", debug=True).py()
    with pytest.raises(kx.QError, match="type"):
        kx.q("{til x}", b"asd", debug=True)
    err = capsys.readouterr().err
    assert "backtrace:" in err and "{til x}" in err and "(.Q.trp)" in err
    bt = kx.q(".Q.trp[{til x};\"asd\";{y}]")
    assert bt[1][1][-1].py() == b"{til x}"
    assert bt[0][1][0].py() == b"til"


def test_ipc_debug_and_keywords(spawn, capsys):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    with kx.SyncQConnection(port=port) as q:
        q(".Q.sbt:{.t.bt:y;x y}[.Q.sbt]")
        assert q("{[x] til x}", 4, debug=True).py() == [0, 1, 2, 3]
        with pytest.raises(kx.QError, match="type"):
            q("{[x; y] .[mavg; (x; til y)]}", 3, b"asd", debug=True)
        assert q(".t.bt").py()[1][1][-1] == b"{[x; y] .[mavg; (x; til y)]}"
        assert "backtrace:" in capsys.readouterr().err
        assert q("1+1", debug=True, skip_debug=True).py() == 2
        # keywords with no opcode: mins is &\ (scan), cut a k lambda in .q, til by name back
        for text, args, want in [("{mins}", ([3, 1, 2],), [3, 1, 1]),
                                 ("{cut}", (2, [1, 2, 3]), [[1, 2], [3]]),
                                 ("{md5}", (b"a",), list(bytes.fromhex("0cc175b9c0f1b6a831c399e269772661"))),
                                 ("{til}", (3,), [0, 1, 2])]:
            fn = q(text, None)
            assert q(fn, *args).py() == want
        assert sum(q("{z x+y}", 3, 5, q("til")).py()) == 28

    async def run():
        async with kx.AsyncQConnection(port=port) as a:
            assert (await a("til 2", debug=True)).py() == [0, 1]
            with pytest.raises(kx.QError, match="type"):
                await a("{til x}", b"a", debug=True)
    asyncio.run(run())


def test_console_and_qsql_on_a_connection(spawn, monkeypatch, capsys):
    import io
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    with kx.SyncQConnection(port=port) as q:
        monkeypatch.setattr("sys.stdin", io.StringIO("t:([k:1 2 3] m:10 20 30)\n1+`a\ncount t\n\\\\\nnot read\n"))
        q.console()
        out = capsys.readouterr().out
        assert "'type" in out and "3" in out
        assert q.qsql.select("t", where="m>10").py() == {(2,): {"m": 20}, (3,): {"m": 30}}
        assert q.qsql.exec("t", "m").py() == [10, 20, 30]
        q.qsql.update("t", {"m": "m*2"}, inplace=True)
        assert q("exec m from t").py() == [20, 40, 60]
        assert "t" not in kx.q("tables[]").py()  # ran there, not here
