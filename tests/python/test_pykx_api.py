"""openq's PyKX-compatible API: the class hierarchy, toq with ktype=, typed constructors,
operators, indexing, conversions with raw= and nulls, q['x'], contexts, qsql, the
pandas-like Table methods.  Each expectation is PyKX 3.1's documented behaviour."""
import datetime
import math
import uuid

import numpy as np
import pandas as pd
import pytest

import openq as kx


def test_class_hierarchy():
    assert isinstance(kx.q("1"), kx.LongAtom)
    assert isinstance(kx.q("1"), kx.IntegralNumericAtom)
    assert isinstance(kx.q("1"), kx.NumericAtom) and isinstance(kx.q("1"), kx.Atom)
    assert isinstance(kx.q("1f"), kx.NonIntegralNumericAtom)
    assert isinstance(kx.q("2020.01.01"), kx.TemporalFixedAtom)
    assert isinstance(kx.q("0D01:00"), kx.TemporalSpanAtom)
    assert isinstance(kx.q("12:00:00.000"), kx.TemporalAtom)
    assert isinstance(kx.q("1 2"), kx.IntegralNumericVector)
    assert isinstance(kx.q("1 2f"), kx.NumericVector) and isinstance(kx.q("1 2f"), kx.Vector)
    assert isinstance(kx.q("(1;`a)"), kx.List)
    assert isinstance(kx.q("`a`b!1 2"), kx.Dictionary)
    assert isinstance(kx.q("([]a:1 2)"), kx.Table)
    assert isinstance(kx.q("([k:1 2]a:3 4)"), kx.KeyedTable)
    assert isinstance(kx.q("{x}"), kx.Lambda) and isinstance(kx.q("{x}"), kx.Function)
    assert isinstance(kx.q("::"), kx.Identity)
    assert kx.TemporalAtom in kx.util.subclasses(kx.Atom)
    assert kx.LongVector.t == 7 and kx.SymbolAtom.t == -11


def test_toq_ktype():
    assert kx.toq(1, kx.ShortAtom).t == -5
    assert kx.toq([1, 2, 3], kx.FloatVector).py() == [1.0, 2.0, 3.0]
    assert kx.toq(1.5, ktype=kx.RealAtom).t == -8
    assert kx.toq("abc", kx.CharVector).py() == b"abc"
    assert kx.toq(b"a").t == -10 and kx.toq(b"ab").t == 10
    assert kx.toq(kx.toq(b"12"), kx.LongAtom).py() == 12  # text is parsed
    assert kx.toq(kx.q("1 2 3"), kx.BooleanVector).py() == [True, True, True]
    assert kx.toq(range(3)).py() == [0, 1, 2]
    assert kx.toq(7, -6).t == -6  # a type number
    for x in (2 ** 15, -2 ** 15 - 1):
        with pytest.raises(OverflowError):
            kx.ShortAtom(x)
    with pytest.raises(TypeError):
        kx.toq(1.5, kx.SymbolAtom)
    with pytest.raises(ValueError):
        kx.CharAtom("ab")
    with pytest.raises(TypeError):
        kx.K(pytest)  # a module converts to nothing


def test_typed_constructors_and_nulls():
    assert kx.DateAtom(2020, 1, 2) == kx.q("2020.01.02")
    assert kx.TimestampAtom(2020, 1, 2, 3, 4, 5, 6) == kx.q("2020.01.02D03:04:05.000000006")
    assert kx.TimespanAtom(1, 2, 3, 4, 5) == kx.q("1D02:03:04.000000005")
    with pytest.raises(TypeError):
        kx.DateAtom(2020, 1)
    assert isinstance(kx.TimestampAtom("now"), kx.TimestampAtom)
    assert kx.toq(datetime.date(2020, 1, 2)) == kx.q("2020.01.02")
    assert kx.toq(datetime.timedelta(seconds=1), kx.SecondAtom) == kx.q("00:00:01")
    assert kx.LongAtom.null.is_null and kx.GUIDAtom.null.is_null
    assert kx.ShortAtom.inf.is_pos_inf and (-kx.ShortAtom.inf).is_neg_inf
    with pytest.raises(NotImplementedError):
        kx.BooleanAtom.null
    assert kx.toq(None, kx.LongAtom).is_null
    assert kx.toq(pd.NaT).t == -12 and kx.toq(pd.NaT).is_null
    assert kx.q("0N").py() is pd.NA and kx.q("0W").py() == math.inf
    assert kx.q("0N").py(raw=True) == -2 ** 63


def test_conversions():
    assert kx.q("2020.01.02D03:04:05").py() == datetime.datetime(2020, 1, 2, 3, 4, 5)
    assert kx.q("0D01:00").py() == datetime.timedelta(hours=1)
    assert kx.q("2020.01.02").py(raw=True) == 7306
    assert kx.q("2020.01.02 2020.01.03").np(raw=True).tolist() == [7306, 7307]
    v = kx.q("1 0N 3").np()
    assert isinstance(v, np.ma.MaskedArray) and v.mask.tolist() == [False, True, False]
    assert kx.q("1 0N 3").pd().dtype == pd.Int64Dtype()
    assert kx.q("`a`b").py(raw=True) == [b"a", b"b"]
    assert kx.q('"a"').py(raw=True) == 97
    assert str(kx.q('"abc"')) == "abc" and bytes(kx.q("`abc")) == b"abc"
    assert repr(kx.q("1 2")) == "pykx.LongVector(pykx.q('1 2'))"
    g = uuid.uuid4()
    assert kx.toq(g).py() == g


@pytest.mark.parametrize("q,dtype", [
    ("2020.01.01D00:00 0Np", "datetime64[ns]"), ("0D01:00 0Nn", "timedelta64[ns]"),
    ("2020.01.01 0Nd", "datetime64[D]"), ("2020.01 0Nm", "datetime64[M]"),
    ("12:00 0Nu", "timedelta64[m]"), ("12:00:00 0Nv", "timedelta64[s]"),
    ("12:00:00.000 0Nt", "timedelta64[ms]")])
def test_temporal_nulls_are_nat(q, dtype):
    # q's nulls come out of .np() as NaT and the other item at its own time; .pd() keeps them
    v = kx.q(q)
    a = v.np()
    assert a.dtype == np.dtype(dtype)
    assert not np.isnat(a[0]) and np.isnat(a[1])
    assert v.pd().isna().tolist() == [False, True]
    assert kx.q(q.split()[0]).np() == a[0]  # the atom converts as the vector's item


def test_operators_are_q():
    a = kx.q("1 2 3")
    assert (a + 1).py() == [2, 3, 4]
    assert (a / 2).py() == [0.5, 1.0, 1.5]  # q's %
    assert (a // 2).py() == [0, 1, 1] and (a % 2).py() == [1, 0, 1]
    assert (a == 2).py() == [False, True, False]
    assert (a > 0).all() and not (a > 1).py()[0]
    assert (2 ** kx.q("3")).py() == 8
    assert abs(kx.q("-2")).py() == 2
    with pytest.raises(TypeError):
        bool(a)  # a collection's truth is ambiguous
    with pytest.raises(TypeError):
        hash(a)
    assert np.add(a, 1).py() == [2, 3, 4] and isinstance(np.add(a, 1), kx.LongVector)


def test_indexing():
    v = kx.q("10 20 30 40")
    assert v[1].py() == 20 and v[-1].py() == 40
    assert v[1:3].py() == [20, 30]
    with pytest.raises(IndexError):
        v[4]
    d = kx.q("`a`b`c!1 2 3")
    assert d["b"].py() == 2
    with pytest.raises(KeyError):
        d["z"]
    assert list(d.keys().py()) == ["a", "b", "c"]
    t = kx.q("([]a:1 2 3;b:`x`y`z)")
    assert t["a"].py() == [1, 2, 3]
    assert isinstance(t[1], kx.Table) and t[1].py() == {"a": [2], "b": ["y"]}
    assert t[0:2].py() == {"a": [1, 2], "b": ["x", "y"]}
    k = kx.q("([k:`a`b]v:1 2)")
    assert k["b"].py() == {"v": 2}
    assert kx.q.value(k["v"]).py() == {"v": [1, 2]}  # a column by name, keys kept (PyKX)


def test_vector_methods():
    v = kx.LongVector([3, 1, 2])
    v.append(4)
    v.extend([5, 6])
    assert v.py() == [3, 1, 2, 4, 5, 6]
    assert v.index(2) == 2 and v.sum().py() == 21 and v.max().py() == 6
    assert kx.q("1 0N 2").has_nulls and not kx.q("1 2").has_nulls
    assert kx.q("0W 1").has_infs


def test_functions():
    f = kx.q("{x*y+z}")
    assert f(z=1, x=12, y=2).py() == 36
    assert f.params == ("x", "y", "z")
    p = kx.q("{x+y*z}[;12]")
    assert p.params == ("x", "z") and p.args[0] is Ellipsis
    assert kx.q("{x+y}").over(kx.q("1 2 3")).py() == 6
    assert kx.Lambda("{x+1}")(1).py() == 2
    assert kx.q("{}")() == None  # noqa: E711  Identity equals None, as in PyKX


def test_embedded_q_names():
    kx.q["pykx_api_t"] = kx.q("([]a:1 2)")
    assert isinstance(kx.q["pykx_api_t"], kx.Table)
    del kx.q["pykx_api_t"]
    with pytest.raises(KeyError):
        del kx.q["pykx_api_t"]
    with pytest.raises(kx.PyKXException):
        kx.q["abs"] = 1  # a reserved word
    kx.q(".pykxapi.f:{x+1}")
    assert kx.q.pykxapi.f(1).py() == 2  # a namespace as a context
    assert kx.q.ctx.pykxapi.f(2).py() == 3
    with pytest.raises(AttributeError):
        kx.q.no_such_name
    assert repr(kx.q) == "pykx.q"
    assert kx.EmbeddedQ() is kx.q
    with pytest.raises(TypeError):
        kx.q("{[a;b;c;d;e;f;g;h] a}", *range(9))
    assert issubclass(kx.exceptions.LicenseException, kx.PyKXException)


def test_qsql():
    t = kx.q("([]a:1 2 3;b:`x`y`x)")
    assert kx.q.qsql.select(t, where="b=`x").py() == {"a": [1, 3], "b": ["x", "x"]}
    assert kx.q.qsql.select(t, columns={"s": "sum a"}, by="b").py() == \
        {("x",): {"s": 4}, ("y",): {"s": 2}}
    assert kx.q.qsql.exec(t, "a").py() == [1, 2, 3]
    assert kx.q.qsql.update(t, {"a": "a*10"}).py()["a"] == [10, 20, 30]
    assert kx.q.qsql.delete(t, "b").py() == {"a": [1, 2, 3]}


def test_table_api():
    t = kx.Table(data={"x": [1, 2, 3], "y": ["a", "b", "c"]})
    assert t.columns.py() == ["x", "y"] and t.shape == (3, 2)
    assert t.head(2).py() == {"x": [1, 2], "y": ["a", "b"]}
    assert t.iloc[1:].py() == {"x": [2, 3], "y": ["b", "c"]}
    assert t.drop(columns="y").py() == {"x": [1, 2, 3]}
    assert t.rename(columns={"x": "z"}).columns.py() == ["z", "y"]
    assert t.get("x").py() == [1, 2, 3] and t.get("nope", default=5) == 5
    assert t.sum()["x"].py() == 6
    assert t.dtypes["datatypes"].py() == [b"kx.LongAtom", b"kx.SymbolAtom"]
    assert isinstance(kx.toq(pd.DataFrame({"a": [1, 2]}, index=[5, 6])), kx.KeyedTable)
    assert t.pd().equals(pd.DataFrame({"x": [1, 2, 3], "y": ["a", "b", "c"]}))


def test_connection_names_and_raw_client(spawn, tmp_path):
    from pyfixtures import BINARY
    port, _ = spawn([BINARY, "-p", "{port}"])
    with kx.SyncQConnection(port=port) as conn:
        conn["v"] = kx.q("1 2 3")
        assert conn["v"].py() == [1, 2, 3] and conn.til(3).py() == [0, 1, 2]
        assert repr(conn) == f"pykx.QConnection(port={port})"
        with pytest.raises(AttributeError):
            conn.no_such_name
        with pytest.raises(ValueError):
            conn("{x}", lambda x: x)  # Python objects do not travel
        script = tmp_path / "s.q"
        script.write_text("f:{\n  x*2\n  }\nr:f 21\n")
        conn.file_execute(str(script))
        assert conn("r").py() == 42
    with kx.RawQConnection(port=port) as raw:
        calls = [raw(f"til {n}") for n in (2, 3)]
        assert not calls[0].done() and len(raw._send_stack) == 2
        raw.poll_send(0)
        raw.poll_recv(0)
        assert [c.result().py() for c in calls] == [[0, 1], [0, 1, 2]]
        with pytest.raises(kx.QError, match="type"):
            raw("1+`a").__await__().send(None)  # awaiting completes it: the q error
