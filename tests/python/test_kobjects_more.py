"""K objects as PyKX shows them: q's deprecated datetime (raw floats only, with a warning),
time zones of timestamps (tzinfo=, tzshift=, keep_local_times), Table(rows, columns=) naming
the rest x, x1..., and py(stdlib=False) giving each item's richest form."""
import datetime as dt
import warnings

import numpy as np
import pandas as pd
import pytest

import openq as kx


def test_datetime_is_raw_only_and_warns():
    with pytest.warns(DeprecationWarning):
        v = kx.q("2002.05.08T12:13:17.444856160 1761.01.20T15:06:00.175740928")
    assert isinstance(v, kx.DatetimeVector)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert np.isclose(v.np(raw=True)[0], 858.50922968)
        assert v.py(raw=True)[0] == pytest.approx(858.50922968)
        with pytest.raises(TypeError):
            v.py()
        with pytest.raises(TypeError):
            v[0].np()
        assert kx.q('"z"$()').np(raw=True).dtype == np.float64


def test_timestamp_time_zones():
    la = dt.timezone(dt.timedelta(hours=-7))
    t = dt.datetime(2022, 7, 20, 10, 0, 0, 0, la)
    try:
        kx.config._set_keep_local_times(False)
        assert kx.toq(t).py() == dt.datetime(2022, 7, 20, 17, 0)
        assert kx.toq(t).py(tzinfo=dt.timezone.utc) == t
        assert kx.TimestampVector([t, t]).py(tzinfo=la) == [t, t]
        kx.config._set_keep_local_times(True)
        assert kx.toq(t).py() == dt.datetime(2022, 7, 20, 10, 0)
        assert kx.toq(t).py(tzinfo=la, tzshift=False) == t
        assert kx.TimestampVector([t]).py(tzinfo=la, tzshift=False) == [t]
    finally:
        kx.config._set_keep_local_times(False)


def test_table_from_rows_names_the_rest():
    rows = [[0, 10], [1, 9]]
    assert kx.Table(rows).columns.py() == ["x", "x1"]
    assert kx.Table(rows, columns=["y"]).columns.py() == ["y", "x"]
    assert kx.Table(rows, columns=["x"]).columns.py() == ["x", "x1"]
    kt = kx.KeyedTable(rows, columns=["a", "b"])
    assert kt.keys().columns.py() == ["idx"] and kt.values()["b"].py() == [10, 9]


def test_py_stdlib_false_gives_richest_forms():
    x = kx.q("(([] a:til 3); til 4; {x*x}; ([k:1 2] v:3 4))")
    got = x.py(stdlib=False)
    assert isinstance(got[0], pd.DataFrame) and isinstance(got[1], np.ndarray)
    assert isinstance(got[2], kx.Lambda) and isinstance(got[3], pd.DataFrame)


def test_wrappers_helpers():
    kx.q("rcv:til 10")
    assert kx._wrappers.k_r(kx.q("rcv")) == 1  # the global and this handle
    assert kx._wrappers.to_vec(kx.LongAtom(3)).py() == [3]
    with pytest.raises(kx.QError):
        kx._wrappers.to_vec(kx.List([]))
    with pytest.raises(kx.QError, match="access"):
        kx._wrappers.deserialize(b"\x01\x02\x00\x00\x10\x00\x00\x00\x80access\x00")
    with pytest.raises(kx.QError, match="Failed to deserialize"):
        kx.deserialize(b"unsupported message format")
    assert kx.deserialize(kx.serialize(kx.q("1 2 3"))).py() == [1, 2, 3]


def test_table_verbs():
    t = kx.Table(data={"sym": "ibm", "time": kx.q("10:01:01 10:01:04 10:01:08"),
                       "price": [100, 101, 105]})
    assert t["sym"].py() == ["ibm"] * 3  # an atom extended to the columns' length
    quotes = kx.Table(data={"sym": "ibm", "time": kx.q("10:01:01+til 9"),
                            "ask": [101, 103, 103, 104, 104, 107, 108, 107, 108],
                            "bid": [98, 99, 102, 103, 103, 104, 106, 106, 107]})
    w = kx.q("{-2 1+\\:x}", t["time"])
    got = t.window_join(quotes, w, ["sym", "time"], {"hi": [kx.q("max"), "ask"],
                                                     "spread": [lambda b, a: max(a) - min(b),
                                                                "bid", "ask"]})
    assert got.columns.py() == ["sym", "time", "price", "hi", "spread"]
    assert got["hi"].py() == [103, 104, 108]
    assert got["spread"].py() == [5, 5, 4]
    assert t.xbar({"price": 10})["price"].py() == [100, 100, 100]
    with pytest.raises(kx.QError, match="Column"):
        t.xbar({"nope": 2})
    assert t.reorder_columns("price").columns.py() == ["price", "sym", "time"]
    with pytest.raises(kx.QError):
        t.reorder_columns(["nope"])


def test_nulls_infs_replace_and_iterator_names():
    assert kx.q("(`hmmm;0N;{x*y+z})").has_nulls
    assert kx.q("(1 2 0N;`a)").has_nulls  # a vector item with a null
    assert not kx.q("([]1 2 3;3?1f)").has_infs
    assert not kx.q("([x:1 0N 1] x1:1 2 3)").has_nulls  # the keys are not looked at
    assert kx.q("([x:1 0N 1] x1:1 0N 3)").has_nulls
    v = kx.q("1 2 3 4 4 3 2 1")
    assert v.replace(4, 10).py() == [1, 2, 3, 10, 10, 3, 2, 1]
    assert isinstance(v.replace(1, "a"), kx.List)
    assert isinstance(kx.q("1 1 1").replace(1, 2.3), kx.FloatVector)
    assert isinstance(kx.List(("a", 3, "c")).replace(3, "b"), kx.SymbolVector)
    assert kx.q(",").sv(kx.q('"ab"'), kx.q('"XY"')).py() == [b"abX", b"abY"]
    assert kx.q(",").vs(kx.q('"ab"'), kx.q('"XY"')).py() == [b"aXY", b"bXY"]
    assert kx.UnaryPrimative is kx.UnaryPrimitive


def test_keyed_table_index_name_set_index_and_attributes():
    kt = kx.KeyedTable([[0, 10], [1, 9]], columns=["idx"])
    assert kt.keys().columns.py() == ["index"]
    t = kx.q("([k:1 2] a:3 4; b:5 6)")
    assert kx.q("{cols key x}", t.set_index(["a"], append=True)).py() == ["k", "a"]
    assert kx.q("{cols key x}", t.set_index("a")).py() == ["a"]
    t = kx.q("([til 3] x1: 10 + til 3)")
    t.sorted()
    assert kx.q("{exec a from meta x}", t).py() == ["s", ""]
    t.unique("x1")
    assert kx.q("{exec a from meta x}", t).py() == ["s", "u"]


def test_table_pd_bytes_and_temporal_nulls():
    df = kx.q('([] a:til 3; b:"xyz"; p:(0Np;2000.01.01D;0Np))').pd()
    assert df.dtypes["b"] == np.dtype("S1")
    assert pd.isna(df["p"].iloc[0]) and not pd.isna(df["p"].iloc[1])
    assert np.isnat(kx.q("0Nt,00:00:01.000").np()[0])
    assert kx.q("0Nd,2000.01.01").np(raw=True)[0] == -2**31


def test_addr_copy_refcount_and_pickling():
    import pickle
    vec = kx.q("til 10")
    same, cp = vec, vec.copy()
    assert vec._addr == same._addr and vec._addr != cp._addr
    vec[3] = 20
    assert cp[3] == 3
    assert kx.q("100?1f")._k.r == 0  # one owner: this handle
    t = kx.q("([k:`a`b] x:1 2)")
    back = pickle.loads(pickle.dumps(t))
    assert back._addr != t._addr and kx.q("~", t, back)
    with pytest.raises(TypeError, match="Foreign"):
        pickle.dumps(kx.Foreign(10))


def test_np_view_writable_only_when_unshared():
    """.np() of a vector is a view of q's memory; as PyKX's it may be written when nothing
    else holds the vector (not a global, a lambda's constant, a file mapping, an attribute)"""
    import numpy as np
    c = kx.q("0 0 0")
    a = c.np()
    assert a.flags.writeable
    np.add(kx.q("1 2 3"), kx.q("4 5 6"), out=a)
    assert c.py() == [5, 7, 9]                    # written through to the q vector
    kx.q("g:1 2 3")
    shared = [kx.q("g"), kx.q("{1 2 3}")(), kx.q("`s#1 2 3")]
    for v in shared:
        arr = v.np()
        assert not arr.flags.writeable
        with pytest.raises(ValueError):
            arr[0] = 9
    assert kx.q("g").py() == [1, 2, 3] and kx.q("{1 2 3}")().py() == [1, 2, 3]
    t = kx.q("([]a:1 2 3)")
    df = t.pd()
    df.iloc[0, 0] = 99                            # a frame's columns are its own
    assert kx.q("{x`a}", t).py() == [1, 2, 3]


def test_pow_with_a_modulus_is_exact():
    assert pow(kx.LongAtom(12), kx.LongAtom(19), 7).py() == pow(12, 19, 7)   # 12**19 > 2**63
    assert pow(kx.q("12 13"), 19, 7).py() == [pow(12, 19, 7), pow(13, 19, 7)]
    assert (kx.LongAtom(2) ** 10).py() == 1024
