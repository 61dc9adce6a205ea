"""cast=True: a Python value made the Python type a ktype is converted from, before toq.

`kx.ShortAtom('99', cast=True)` is `int('99')` as a short; `kx.DateAtom(datetime, cast=True)`
the datetime's date; a NumPy array is first made the dtype of the vector type (text parsed as
numbers, integers checked against the q type's range).  What cannot be cast raises TypeError
(its message starts "Can not cast"), an integer out of range OverflowError.  toq calls these;
they are PyKX's kx.cast helpers.
"""
import datetime as _dt

import numpy as _np

# the range each integral dtype holds in q (its null and infinities included)
_INT_RANGE = {_np.dtype("int16"): (-2**15, 2**15 - 1), _np.dtype("int32"): (-2**31, 2**31 - 1),
              _np.dtype("int64"): (-2**63, 2**63 - 1)}


def _error(x, frm, to, ex=None):
    msg = f"Can not cast {frm} {x!r} to {to}"
    return TypeError(msg + (f": {ex!r}" if ex is not None else ""))


def cast_numpy_ndarray_to_dtype(x, dtype):
    """x as an array of dtype: text parsed as integers or floats, integers range-checked."""
    dtype = _np.dtype(dtype)
    frm = f"{type(x).__name__} of {x.dtype}"
    if x.dtype.kind in "US":
        if dtype.kind not in "iuf":
            raise _error(x, frm, dtype)
        try:
            x = x.astype("int64" if dtype.kind in "iu" else "float64")
        except (TypeError, ValueError) as ex:
            raise _error(x, frm, dtype, ex) from None
    if dtype in _INT_RANGE:
        lo, hi = _INT_RANGE[dtype]
        try:
            out = (x < lo).any() or (x > hi).any()
        except TypeError as ex:
            raise _error(x, frm, dtype, ex) from None
        if out:
            raise OverflowError(f"{dtype} values must lie in [{lo}, {hi}]")
    try:
        return x.astype(dtype)
    except (TypeError, ValueError, OverflowError) as ex:
        raise _error(x, frm, dtype, ex) from None


def cast_to_python_date(x):
    if type(x) is _dt.datetime:
        return x.date()
    if isinstance(x, _np.datetime64):
        return x.astype("datetime64[D]").astype(_dt.date)
    raise _error(x, type(x).__name__, "datetime.date")


def cast_to_python_time(x):
    if type(x) is _dt.datetime:
        return x.time()
    if isinstance(x, _np.datetime64):
        return x.astype("datetime64[us]").astype(_dt.datetime).time()
    raise _error(x, type(x).__name__, "datetime.time")


def cast_to_python_datetime(x):
    if type(x) is _dt.date:
        return _dt.datetime.combine(x, _dt.time.min)
    if isinstance(x, _np.datetime64):
        return x.astype("datetime64[us]").astype(_dt.datetime)
    raise _error(x, type(x).__name__, "datetime.datetime")


def cast_to_python_float(x):
    try:
        return float(x)
    except (TypeError, ValueError) as ex:
        raise _error(x, type(x).__name__, "float", ex) from None


def cast_to_python_int(x):
    try:
        return int(x)
    except (TypeError, ValueError) as ex:
        raise _error(x, type(x).__name__, "int", ex) from None


def cast_to_python_timedelta(x):
    if isinstance(x, _np.timedelta64):  # to microseconds, timedelta's unit
        return _dt.timedelta(microseconds=int(x.astype("timedelta64[us]").astype("int64")))
    raise _error(x, type(x).__name__, "datetime.timedelta")


__all__ = sorted(["cast_numpy_ndarray_to_dtype", "cast_to_python_date", "cast_to_python_time",
                  "cast_to_python_datetime", "cast_to_python_float", "cast_to_python_int",
                  "cast_to_python_timedelta"])


def __dir__():
    return __all__
