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
