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
