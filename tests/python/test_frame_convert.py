"""Bulk conversion of string columns and temporal vectors (kx.toq(df), .pd(), .np()): each
distinct str or symbol converted once, None as the empty symbol, anything else falling back to
item-by-item conversion; the frame .pd() makes owns its columns (writing one leaves q's
table as it was)."""
import sys

import numpy as np
import pandas as pd

import openq as kx


def test_str_column_to_symbols():
    names = np.array(["a", "bb", "ü", None, "a"], dtype=object)
    v = kx.toq(names)
    assert v.t == 11 and v.py() == ["a", "bb", "ü", "", "a"]
    assert kx.toq(names[::2]).py() == ["a", "ü", "a"]  # a strided view
    assert kx.toq(np.array(["x", "yz"])).py() == ["x", "yz"]  # numpy unicode
    # PyKX's rule (toq.pyx from_numpy_ndarray): a str first makes symbols, each other item
    # its str() and None the empty symbol; anything else first makes a general list
    mixed = kx.toq(np.array(["a", 1], dtype=object))
    assert mixed.t == 11 and mixed.py() == ["a", "1"]
    first = kx.toq(np.array([1, "a"], dtype=object))
    assert first.t == 0 and first.py() == [1, "a"]
    assert kx.toq(np.array([None, "a"], dtype=object)).t == 0
    df = pd.DataFrame({"s": pd.Series(["p", "q"] * 3, dtype=object), "x": range(6)})
    t = kx.toq(df)
    assert kx.q("{exec s from x}", t).py() == ["p", "q"] * 3


def test_symbol_map_many_distinct_repeats_and_odd_cells():
    """the per-call table of str objects -> symbols (and back): past its first size, with
    repeats of the same object and equal strs that are other objects, text that is not
    ASCII, the empty string and missing cells"""
    rng = np.random.default_rng(7)
    distinct = [f"k{i}" for i in range(50_000)] + ["", "é", "日本語", "Ω≈ç√", "😀 x", "a\tb"]
    picks = rng.integers(0, len(distinct), 300_000)
    cells = [distinct[i] for i in picks]
    cells[5] = "".join(["k", "1"])          # equal to distinct[1], another object
    cells[7] = None
    col = np.array(cells, dtype=object)
    want = ["" if c is None else c for c in cells]
    v = kx.toq(col)
    assert v.t == 11 and v.py() == want
    assert kx.q("{count distinct x}", v).py() == len(set(want))
    back = v.np()
    assert back.tolist() == want
    same = {}
    for x in back:                          # one str object per distinct symbol
        assert same.setdefault(x, id(x)) == id(x)
    df = pd.DataFrame({"s": ["x", np.nan, None, "", "x", "ü"], "n": range(6)})
    t = kx.toq(df)                          # NaN is str(nan), None the empty symbol (PyKX)
    assert kx.q("{exec s from x}", t).py() == ["x", "nan", "", "", "x", "ü"]
    assert t.pd()["s"].tolist() == ["x", "nan", "", "", "x", "ü"]
    assert kx.toq(pd.Series([np.nan, "a"])).t == 0          # not a str first: a list
    s = "only"
    before = sys.getrefcount(s)
    arr = kx.toq(np.array([s] * 1000, dtype=object)).np()
    assert sys.getrefcount(s) == before and len(set(map(id, arr))) == 1
    del arr
    with np.testing.assert_raises(kx.QError):   # text UTF-8 cannot carry: an error, no crash
        kx.toq(np.array(["a", "\ud800"], dtype=object))


def test_symbols_to_objects():
    t = kx.q("`cc`aa`bb`aa,1000?`xx`yy")
    a = t.np()
    assert a.dtype == object and a[:4].tolist() == ["cc", "aa", "bb", "aa"]
    assert a.tolist() == t.py()
    assert a[1] is a[3]  # one str per distinct symbol
    x = a[1]
    before = sys.getrefcount(x)
    b = t.np()
    assert b[1] is not x and sys.getrefcount(x) == before  # b's strs are its own
    del b
    assert sys.getrefcount(x) == before
    assert kx.q("0#`").np().tolist() == []


def test_frame_round_trip_owns_its_columns():
    df = pd.DataFrame({"sym": ["a", "b", "a"], "p": [1.5, 2.5, 3.5], "n": [1, 2, 3],
                       "t": pd.to_datetime(["2020-01-01 00:00", "2021-06-01 12:00", "1999-12-31 00:00"])})
    t = kx.toq(df)
    back = t.pd()
    assert back.equals(df)
    back.iloc[0, 1] = 99.0
    back.iloc[0, 2] = 99
    assert kx.q("{x[0;`p`n]}", t).py() == [1.5, 1]
    assert t.pd().equals(df)


def test_temporal_vectors_to_numpy():
    assert kx.q("2000.01.01 2020.01.01").np().tolist() == [
        np.datetime64("2000-01-01"), np.datetime64("2020-01-01")]
    assert kx.q("2000.01m 2020.05m").np().dtype == np.dtype("datetime64[M]")
    assert kx.q("0D00:00:01 0Nn").np()[1] != kx.q("0D00:00:01 0Nn").np()[0]
    assert kx.q("enlist 2000.01.01D00:00:00.000000001").np()[0] == np.datetime64("2000-01-01T00:00:00.000000001")
    assert kx.q("12:30 12:31").np().tolist()[1] == np.timedelta64(751, "m")


def test_toq_refusals_and_forms():
    import pytest
    with pytest.raises(TypeError):
        kx.toq(np.array([object(), None, 3], dtype=object))
    with pytest.raises(TypeError):
        kx.K(pd.Series([object(), pd.NA, 3]))
    with pytest.raises(TypeError):
        kx.K(np.ma.MaskedArray([object, object(), None], [1, 0, 1]))
    df = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
    t = kx.toq(df, ktype={"x": kx.FloatVector, "y": kx.CharVector})
    assert kx.q("{exec y from x}", t).py() == [b"a", b"b"]
    assert kx.q("{type exec x from x}", t).py() == 9

    class File:
        fileno = -1
    assert kx.K(File()).py() == -1 and kx.K(File()).t == -6
    f = kx.q("{[a;b;c] a + b * c}")
    assert f(..., ..., ...)(1, 2, 3).py() == 7 and f(1, ..., 3)(2).py() == 7


def test_python_functions_with_star_args(capsys):
    def kwonly(*, cats=None, bats=None):
        return [cats, bats]
    assert kx.K(kwonly)(bats="b", cats="c").py() == ["c", "b"]
    f = kx.K(lambda *args, **kwargs: print(*args, **{k: str(v) for k, v in kwargs.items()}))
    f("a b c".split(), kx.q('`sep`end!(`$"-";`$"!")'))
    assert capsys.readouterr().out == "a-b-c!"
    assert kx.K(lambda x, y: x + y)(1, 2).py() == 3


def test_categoricals_are_enumerations():
    e = kx.toq(pd.Series(["u", "v", "u"], dtype="category", name="catdom"))
    assert isinstance(e, kx.EnumVector) and kx.q("catdom").py() == ["u", "v"]
    assert kx.q("{key x}", e).py() == "catdom" and e.py() == ["u", "v", "u"]
    back = e.pd()
    assert isinstance(back.values, pd.Categorical) and back.tolist() == ["u", "v", "u"]
    e2 = kx.toq(pd.Series(["w", "u"], dtype="category", name="catdom"))  # extends the domain
    assert kx.q("catdom").py() == ["u", "v", "w"] and e2.py() == ["w", "u"]
    assert "catdom" in kx.toq.ENUMS
    t = kx.toq(pd.DataFrame({"catcol": pd.Series(["a", "b"], dtype="category"), "x": [1, 2]}))
    assert isinstance(t["catcol"], kx.EnumVector) and kx.q("catcol").py() == ["a", "b"]


def test_dict_ktype_and_ellipsis_refusals():
    import pytest
    df = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
    with pytest.raises(ValueError, match="not present"):
        kx.toq(df, ktype={"nope": kx.FloatVector})
    with pytest.raises(kx.QError, match="Not supported"):
        kx.toq(df, ktype={"x": kx.GUIDVector})
    with pytest.raises(TypeError):
        kx.IntAtom(...)
    assert kx.K(...).t == 101


def test_timedelta_units_as_pykx_types():
    # PyKX's _dtype_to_ktype: ns/us timespans, ms times, s seconds, m minutes; NaT the null
    for unit, cls in (("ns", kx.TimespanVector), ("us", kx.TimespanVector),
                      ("ms", kx.TimeVector), ("s", kx.SecondVector), ("m", kx.MinuteVector)):
        a = np.array([1, 2, "NaT"], dtype=f"m8[{unit}]")
        v = kx.toq(a)
        assert isinstance(v, cls), unit
        back = v.np()
        assert str(back[:2].astype("m8[ns]").astype(np.int64).tolist()) == \
            str(a[:2].astype("m8[ns]").astype(np.int64).tolist())
        assert kx.q("{null last x}", v).py()
    far = kx.toq(np.array([2**40], dtype="m8[ms]"))   # past the time type's range: null
    assert kx.q("{null first x}", far).py()


def test_multiindex_is_a_table_of_its_levels():
    idx = pd.MultiIndex.from_product([[0, 1], ["a", "b"]], names=["n", None])
    t = kx.toq(idx)
    assert isinstance(t, kx.Table) and t.py() == {"n": [0, 0, 1, 1], "1": ["a", "b", "a", "b"]}
