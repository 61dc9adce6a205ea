"""cast=True in toq and the typed constructors (PyKX's kx.cast): the value is first made the
Python type the ktype converts from, then converted by that type's rules."""
import datetime

import numpy as np
import pytest

import openq as kx


def test_integral_atoms_cast_through_int():
    assert kx.ShortAtom(99.99, cast=True).py() == 99  # int() truncates, q's "h"$ would round
    assert kx.IntAtom("99", cast=True).py() == 99
    assert kx.LongAtom(True, cast=True).py() == 1
    assert kx.toq(np.uint64(7), kx.ByteAtom, cast=True).py() == 7
    assert type(kx.IntAtom(np.float32(3.5), cast=True)) is kx.IntAtom
    with pytest.raises(OverflowError):
        kx.ShortAtom(np.int32(40000), cast=True)
    with pytest.raises(TypeError, match="^Can not cast"):
        kx.LongAtom("x1", cast=True)
    with pytest.raises(TypeError):
        kx.LongAtom("1", cast=False)  # without cast text is not a number


def test_float_atoms_cast_through_float():
    assert kx.FloatAtom("2.5", cast=True).py() == 2.5
    assert kx.RealAtom(np.int64(3), cast=True).py() == 3.0
    with pytest.raises(TypeError, match="^Can not cast"):
        kx.FloatAtom("two", cast=True)


def test_temporal_atoms_cast_through_date_datetime_timedelta():
    dt = datetime.datetime(2021, 3, 4, 5, 6, 7, 890123)
    assert kx.DateAtom(dt, cast=True).py() == datetime.date(2021, 3, 4)
    assert kx.DateAtom(np.datetime64(dt), cast=True).py() == datetime.date(2021, 3, 4)
    assert kx.MonthAtom(dt, cast=True).py() == datetime.date(2021, 3, 1)
    assert kx.TimestampAtom(dt.date(), cast=True).py() == datetime.datetime(2021, 3, 4)
    assert kx.TimestampAtom(np.datetime64(dt), cast=True).py() == dt
    td = datetime.timedelta(1, 70, 5)
    assert kx.TimespanAtom(np.timedelta64(td), cast=True).py() == td
    assert kx.SecondAtom(td, cast=True).py() == datetime.timedelta(seconds=86470)
    for ktype in (kx.DateAtom, kx.TimestampAtom, kx.TimespanAtom, kx.MonthAtom):
        with pytest.raises(TypeError, match="^Can not cast"):
            ktype("2021", cast=True)


def test_vectors_cast_numpy_arrays_to_their_dtype():
    assert kx.ShortVector(np.array([1, -2, 3]), cast=True).py() == [1, -2, 3]
    assert kx.IntVector(np.array(["4", "5"]), cast=True).py() == [4, 5]
    assert kx.LongVector(np.array([1.7, -2.2]), cast=True).py() == [1, -2]
    assert kx.RealVector(np.array(["0.5"]), cast=True).t == 8
    assert kx.FloatVector(np.array([1, 2], dtype="float32"), cast=True).py() == [1.0, 2.0]
    with pytest.raises(OverflowError):
        kx.ShortVector(np.array([70000]), cast=True)
    with pytest.raises(OverflowError):
        kx.LongVector(np.array([2**100]), cast=True)  # an object array of Python ints
    with pytest.raises(TypeError, match="^Can not cast"):
        kx.TimestampVector(np.array(["2020-01-01"]), cast=True)  # text only to numbers
    with pytest.raises(TypeError, match="^Can not cast"):
        kx.LongVector(np.array([object()]), cast=True)
    with pytest.raises(TypeError):
        kx.ShortVector(np.array([1, 2]), cast=False)  # without cast: only its own dtype


def test_cast_must_be_a_bool_and_the_module_lists_its_helpers():
    with pytest.raises(TypeError):
        kx.toq(1, kx.LongAtom, cast=1)
    assert dir(kx.cast) == sorted(dir(kx.cast))
    assert "cast_to_python_int" in dir(kx.cast)
    assert kx.cast.cast_to_python_time(datetime.datetime(2020, 1, 1, 2, 3)) == \
        datetime.time(2, 3)
