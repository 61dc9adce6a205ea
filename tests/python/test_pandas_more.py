"""The pandas-like Table API beyond aggregations: merge (pandas' row pairing and order, q's
typed nulls for a missing side), q joins through merge(q_join=True), replace_self, and
Table.pd's integer columns with nulls as masked arrays (as PyKX gives them)."""
import numpy as np
import pandas as pd
import pytest

import openq as kx


def _frames():
    df1 = pd.DataFrame({"lkey": ["foo", "bar", "baz", "foo"], "value": [1, 2, 3, 5]})
    df2 = pd.DataFrame({"rkey": ["foo", "bar", "baz", "foo"], "value": [5, 6, 7, 8]})
    return df1, df2


@pytest.mark.parametrize("how", ["inner", "outer"])
def test_merge_on_different_names(how):
    df1, df2 = _frames()
    got = kx.toq(df1).merge(kx.toq(df2), left_on="lkey", right_on="rkey", how=how, sort=True)
    assert isinstance(got, kx.Table)
    assert got.columns.py() == ["lkey", "value_x", "rkey", "value_y"]
    assert df1.merge(df2, left_on="lkey", right_on="rkey", how=how, sort=True).equals(got.pd())


def test_merge_left_missing_gives_q_null():
    a = kx.toq(pd.DataFrame({"a": ["foo", "bar"], "b": [1, 2]}))
    b = kx.toq(pd.DataFrame({"a": ["foo", "baz"], "c": [3, 4]}))
    got = a.merge(b, on="a", how="left")
    assert got.columns.py() == ["a", "b", "c"]
    assert got["c"].py() == [3, None] or kx.q("{x~y}", got["c"], kx.q("3 0N")).py()
    right = a.merge(b, on="a", how="right")
    assert right["a"].py() == ["foo", "baz"]  # the key taken from the right where left lacks it
    df = got.pd()
    assert df["c"].dtype == np.int64 and type(df["c"].values) is np.ma.MaskedArray
    assert str(df.at[1, "c"]) == "--"


def test_merge_cross_and_errors():
    df1, df2 = _frames()
    t1, t2 = kx.toq(df1), kx.toq(df2)
    assert df1.merge(df2, how="cross").equals(t1.merge(t2, how="cross").pd())
    with pytest.raises(ValueError, match="Can not pass on"):
        t1.merge(t2, how="cross", on="lkey")
    with pytest.raises(ValueError):
        t1.merge(t2, left_on="lkey", right_on="rkey", validate="1:1")
    with pytest.raises(ValueError):
        t1.merge(t2, left_on="lkey", right_on="rkey", suffixes=(False, False))


def test_merge_keyed_on_index():
    df1, df2 = _frames()
    t1 = kx.q("{1!`idx xcols update idx:4 3 2 1 from x}", kx.toq(df1))
    t2 = kx.q("{1!`idx xcols update idx:til 4 from x}", kx.toq(df2))
    got = t1.merge(t2, left_index=True, right_index=True)
    assert isinstance(got, kx.KeyedTable)
    assert kx.q("0!", got)["idx"].py() == [3, 2, 1]  # left order, pandas' rule
    assert kx.q("{cols value x}", got).py() == ["lkey", "value_x", "rkey", "value_y"]


def test_merge_q_join():
    t1 = kx.q("([]k:`foo`bar`baz; v:1 2 3)")
    t3 = kx.q("([k:`foo`bar] w:7 8)")
    assert kx.q("~", t1.merge(t3, how="left", q_join=True), kx.q.lj(t1, t3)).py()
    assert kx.q("~", t1.merge(t3, how="inner", q_join=True), kx.q.ij(t1, t3)).py()
    with pytest.raises(ValueError, match="Inner Join requires a keyed table"):
        t1.merge(t1, q_join=True)


def test_replace_self():
    t = kx.q("([] x:til 5)")
    assert not t.replace_self
    t.tail(2)
    assert len(t) == 5
    t.replace_self = True
    t.tail(2)
    assert t["x"].py() == [3, 4] and t.replace_self


def test_table_pd_masked_ints():
    df = kx.q("([] h:1 0N 3h; j:1 2 3; s:`a`b`c; f:1 0n 2f)").pd()
    assert type(df["h"].values) is np.ma.MaskedArray and df["h"].dtype == np.int16
    assert df["h"].values.fill_value == -2**15
    assert type(df["j"].values) is np.ndarray and list(df["j"]) == [1, 2, 3]
    assert list(df.columns) == ["h", "j", "s", "f"] and np.isnan(df["f"][1])


def test_keyed_columns_and_rows():
    kt = kx.q("([k1:`a`b`a;k2:100+til 3] x:til 3; y:`multi`keyed`table)")
    assert kx.q.keys(kt["x"]).py() == ["k1", "k2"]  # a value column keeps the keys
    assert kt["a", 100].py() == {"x": [0], "y": ["multi"]}
    with pytest.raises(KeyError):
        kt["k1"]  # a key column is not a column, as in pandas
    t = kx.q("([] a:1 2 3)")
    with pytest.raises(kx.QError, match="inaccessible column: b"):
        t["b"]
    with pytest.raises(KeyError):
        t[["a", "b"]]


def test_set_columns_and_cells():
    t = kx.q("([] x:til 4; y:4#0)")
    t["z"] = 9
    t[["x", "w"]] = [kx.q("reverse til 4"), ["a", "b", "c", "d"]]
    assert t.py() == {"x": [3, 2, 1, 0], "y": [0] * 4, "z": [9] * 4, "w": ["a", "b", "c", "d"]}
    t.loc[t["x"] > 1, "y"] = 7
    assert t["y"].py() == [7, 7, 0, 0]
    with pytest.raises(ValueError):
        t.loc[t["x"] > 1] = 1


def test_astype_and_select_dtypes():
    t = kx.q('([] a:1 2 3i; b:1 2 3j; s:("ab";"cd";"ef"); l:(1 2;3 4;5 6))')
    assert t.astype({"a": kx.LongVector, "s": "kx.SymbolVector"}).py()["s"] == ["ab", "cd", "ef"]
    assert kx.q("{type each flip x}", t.astype({"a": kx.ShortVector})).py()["a"] == 5
    with pytest.raises(ValueError, match="string complex columns to symbols"):
        t.astype({"l": kx.SymbolVector})
    with pytest.raises(kx.QError, match="does not match PyKX wrapper type"):
        t.astype("nomatch")
    assert t.select_dtypes(include=[kx.IntAtom, "kx.LongVector"]).columns.py() == ["a", "b"]
    assert t.select_dtypes(exclude="kx.List").columns.py() == ["a", "b"]
    assert kx.q("~", t.select_dtypes(include=kx.FloatVector), kx.q("::")).py()


def test_aggregations_as_pandas():
    df = pd.DataFrame({"a": [1.5, -2.0, 3.25, 8.0], "b": [4, 1, 9, 2]})
    t = kx.toq(df)
    assert np.isnan(t.std(ddof=4)["a"].py())  # no degrees of freedom left: NaN
    assert round(t.skew()["a"].py(), 9) == round(df.skew()["a"], 9)
    assert t.idxmax(axis=1).py() == {0: "b", 1: "b", 2: "b", 3: "a"}
    assert t.prod(axis=1, min_count=3).py() == [None] * 4 or \
        all(np.isnan(v) for v in t.prod(axis=1, min_count=3).py())
    s = kx.q("([] s:`a``c; n:1 0 2)")
    assert s.all().py() == {"s": False, "n": False} and s.any().py() == {"s": True, "n": True}
    assert len(kx.q("([] a:1 1 2)").drop_duplicates()) == 2


def test_merge_asof_by_aj():
    left = pd.DataFrame({"a": [1, 5, 10], "v": ["a", "b", "c"]})
    right = pd.DataFrame({"a": [1, 2, 3, 6, 7], "v": [1, 2, 3, 6, 7]})
    got = kx.merge_asof(kx.toq(left), kx.toq(right), on="a")
    assert got.columns.py() == ["a", "v_x", "v_y"]
    assert (pd.merge_asof(left, right, on="a") == got.pd()).all().all()


def test_pandas_api_is_a_mixin():
    with pytest.raises(TypeError):
        kx.PandasAPI()


def test_toq_numpy_kinds_as_pykx():
    g = kx.q("2?0Ng")
    assert kx.q("~", kx.toq(g.np(raw=True)), g).py()  # raw GUIDs (complex128) back to GUIDs
    assert isinstance(kx.toq(np.int8(1)), kx.LongAtom)
    assert isinstance(kx.toq(np.uint16(1)), kx.LongAtom)
    assert isinstance(kx.toq(np.float16(1)), kx.RealAtom)
    assert isinstance(kx.toq(np.array([1, 2], np.float16)), kx.RealVector)
    with pytest.raises(TypeError):
        kx.toq(np.array([len, pytest], dtype=object))
    with pytest.raises(ValueError):
        kx.toq(slice(None))
    d = np.timedelta64(60312222971312, "ns")
    assert kx.toq(d).np() == d and kx.TimespanAtom(d).np() == np.timedelta64(60312222971000, "ns")
    with pytest.raises(TypeError):
        kx.TimeAtom(np.datetime64("2005-02-25T03:30"))
    assert kx.toq.from_datetime_time(np.datetime64("2005-02-25T03:30")).py() == \
        __import__("datetime").timedelta(seconds=12600)
    assert type(kx.K({})._keys) is kx.List


def test_symbolic_function():
    kx.q(".sfn.f:{x+1}")
    f = kx.SymbolicFunction(".sfn.f")
    assert isinstance(f, kx.SymbolAtom) and isinstance(f, kx.Function)
    assert isinstance(kx.toq(".sfn.f", kx.SymbolicFunction), kx.SymbolicFunction)
    assert f(1).py() == 2 and f == f.py() and str(f) == ".sfn.f"


# ---- statistics pandas defines (nanops): kurt, mode, std skipping NaN; groupby --------------

def _stat_frame():
    return pd.DataFrame({"a": [1, 2, 2, 4, 9], "b": [1.0, 2.0, 6.0, np.nan, 7.5],
                         "c": [7, 8, 9, 10, 10]})


def test_kurt_is_pandas_exactly():
    df = _stat_frame()
    got = kx.toq(df).kurt()
    for c in df.columns:
        assert got[c].py() == pytest.approx(df.kurt()[c], rel=1e-12)
    ints = pd.DataFrame({"a": [1, 2, 2, 4], "d": [7, 11, 14, 14]})
    for c in ints.columns:               # pandas' operations in its order: equal floats
        assert kx.toq(ints).kurt()[c].py() == ints.kurt()[c]
    rows = kx.toq(df).kurt(axis=1)
    for i, want in enumerate(df.kurt(axis=1)):
        assert np.isnan(want) and np.isnan(rows[str(i)].py())   # fewer than four values: NaN
    flat = kx.toq(pd.DataFrame({"x": [3, 3, 3, 3]})).kurt()
    assert flat["x"].py() == 0.0         # no spread: 0, as pandas


def test_std_skips_nulls_and_row_statistics_need_numbers():
    df = _stat_frame()
    t = kx.toq(df)
    for c in df.columns:
        assert t.std()[c].py() == pytest.approx(df.std()[c])
    words = kx.toq(pd.DataFrame({"n": [1, 2], "s": ["x", "y"]}))
    for stat in (words.median, words.mean, words.std):
        with pytest.raises(kx.QError, match="type"):
            stat(axis=1)
    assert words.median(axis=1, numeric_only=True)["0"].py() == 1.0


@pytest.mark.parametrize("kw", [{}, {"dropna": False}, {"numeric_only": True}])
def test_mode_as_pandas(kw):
    df = pd.DataFrame({"x": [0, 1, 1, 2, np.nan, np.nan], "y": [5, 5, 6, 6, 7, np.nan],
                       "z": ["a", "b", "b", "a", "c", "c"]})
    want = df.mode(**kw)
    got = kx.toq(df).mode(**kw).pd()
    assert list(got.columns) == list(want.columns) and len(got) == len(want)
    for c in want.columns:
        for g, w in zip(got[c], want[c]):
            assert (pd.isna(w) and (pd.isna(g) or g == "")) or g == w, (c, kw)
    rows = kx.toq(df[["x", "y"]]).mode(axis=1).pd()
    prow = df[["x", "y"]].mode(axis=1)
    assert rows.shape == prow.shape


def _animals():
    return pd.DataFrame({"Animal": ["Parrot", "Falcon", "Parrot", "Falcon", None],
                         "Speed": [24.0, 380.0, 26.0, 370.0, 5.0],
                         "Altitude": [275, 570, 300, 555, 1]})


@pytest.mark.parametrize("agg", ["mean", "sum", "max", "min", "count", "median", "std",
                                 "first", "last", "nunique"])
@pytest.mark.parametrize("kw", [{}, {"sort": False}, {"dropna": False}, {"as_index": False}])
def test_groupby_aggregations_as_pandas(agg, kw):
    df = _animals()
    want = getattr(df.groupby("Animal", **kw), agg)()
    if kw.get("dropna") is False:        # the null key sorts first in q (and PyKX), last in pandas
        want = pd.concat([want.iloc[-1:], want.iloc[:-1]])
    got = getattr(kx.toq(df).groupby("Animal", **kw), agg)().pd()
    if kw.get("as_index", True):
        keys = ["" if pd.isna(k) else k for k in want.index]   # None: q's empty symbol
        assert list(got.index) == keys
    else:
        assert got["Animal"].tolist() == want["Animal"].fillna("").tolist()
    for c in ["Speed", "Altitude"]:
        assert np.allclose(got[c].astype(float), want[c].astype(float), equal_nan=True), (agg, c)


def test_groupby_selection_rows_and_levels():
    df = _animals()
    t = kx.toq(df)
    g = t.groupby("Animal")
    assert g.ndim == 2 and g["Speed"].ndim == 1
    got = g["Speed"].max().pd()
    assert list(got.columns) == ["Speed"] and got["Speed"].tolist() == [380.0, 26.0]
    assert g.tail(1).pd()["Speed"].tolist() == df.groupby("Animal").tail(1)["Speed"].tolist()
    assert g.head(1).pd()["Speed"].tolist() == df.groupby("Animal").head(1)["Speed"].tolist()
    idx = pd.MultiIndex.from_arrays([["F", "F", "P", "P", "P"], ["C", "W", "C", "W", "W"]],
                                    names=("Animal", "Type"))
    mdf = pd.DataFrame({"Max": [390.0, 350.0, 30.0, 20.0, 25.0]}, index=idx)
    kt = kx.toq(mdf)
    for kw in ({"level": 1}, {"level": [0, 1]}, {"by": ["Animal"]}):
        want = mdf.groupby(**kw).mean()
        assert kt.groupby(**kw).mean().pd()["Max"].tolist() == want["Max"].tolist()
    plain = kt.groupby(level=1, as_index=False).mean().pd()   # a key level is not a column
    assert list(plain.columns) == ["Max"]
    with pytest.raises(KeyError):
        kt.groupby(level=[0, 4])
    with pytest.raises(KeyError):
        t.groupby("nope")
    with pytest.raises(RuntimeError):
        t.groupby(by="Animal", level=0)
    for bad in ({"by": len}, {"by": "Animal", "observed": True},
                {"by": "Animal", "group_keys": False}, {"by": "Animal", "axis": 1}):
        with pytest.raises(NotImplementedError):
            t.groupby(**bad)


def test_apply_over_columns():
    t = kx.q("([] a:til 4; b:4#1)")
    got = t.apply(kx.q("{x+1}"))  # results that flip make a table
    assert isinstance(got, kx.Table) and got.pd().equals(t.pd() + 1)
    got = t.apply(kx.q("sum"))  # atoms: a dictionary column -> result
    assert isinstance(got, kx.Dictionary) and got.py() == {"a": 6, "b": 4}
    got = t.apply(np.sum)  # a Python function gets each column as a K vector
    assert got.py() == {"a": 6, "b": 4}
    got = t.apply(lambda c, n=0: c * n, n=2)
    assert got.py() == {"a": [0, 2, 4, 6], "b": [2, 2, 2, 2]}


def test_apply_over_rows():
    t = kx.q("([] a:til 4; b:4#1)")
    got = t.apply(kx.q("sum"), axis=1)
    assert isinstance(got, kx.LongVector) and got.py() == [1, 2, 3, 4]
    got = t.apply(lambda r: r + 1, axis=1)  # each row's list of results: a table again
    assert isinstance(got, kx.Table) and got.pd().equals(t.pd().apply(lambda r: r + 1, axis=1))
    k = kx.q("([k:`x`y] a:1 2; b:3 4)")
    got = k.apply(kx.q("{x*10}"), axis=1)  # a keyed table keeps its keys
    assert isinstance(got, kx.KeyedTable) and got.py() == kx.q("([k:`x`y] a:10 20; b:30 40)").py()


def test_apply_q_function_with_arguments_and_refusals():
    t = kx.q("([] a:til 3)")
    assert t.apply(kx.q("{x+y}"), 10).py() == kx.q("([] a:10 11 12)").py()  # a projection, then args
    with pytest.raises(kx.QError):
        t.apply(kx.q("{x+y}"), y=1)  # q functions take no keywords
    with pytest.raises(RuntimeError, match="is not callable"):
        t.apply(1)
    for kw in ({"raw": True}, {"result_type": "expand"}):
        with pytest.raises(NotImplementedError, match="set to None"):
            t.apply(kx.q("{x}"), **kw)
