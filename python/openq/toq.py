"""toq: Python values as q values, with PyKX's ktype= rules.

Without ktype the engine's default conversion applies (pyconv.c), after the cases PyKX treats
specially here (one-byte bytes, paths, pandas NaT, ranges, strings_as_char).  With ktype a K
object is cast by q (`"j"$x`); a Python value is converted by the rules of its type, and a
value its type cannot become raises TypeError (OverflowError outside an integral range).
"""
import datetime as _dt
import types
import math
import pathlib
import uuid

try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from . import k as _k
from . import cast as _kcast
from .exceptions import QError

_NP_DTYPE = {1: "bool", 4: "uint8", 5: "int16", 6: "int32", 7: "int64", 8: "float32",
             9: "float64", 12: "datetime64[ns]", 13: "datetime64[M]", 14: "datetime64[D]",
             16: "timedelta64[ns]", 17: "timedelta64[m]", 18: "timedelta64[s]",
             19: "timedelta64[ms]"}


def _resolve(ktype):
    if ktype is None:
        return None
    if isinstance(ktype, bool):
        raise TypeError(f"ktype {ktype!r} unrecognized")
    if isinstance(ktype, int):
        cls = _k._classes.get(ktype)
        if cls is None:
            raise TypeError(f"Numeric ktype {ktype!r} does not exist")
        return cls
    if isinstance(ktype, dict):
        return ktype
    if isinstance(ktype, type) and issubclass(ktype, _k.K):
        return ktype
    raise TypeError(f"ktype {ktype!r} unrecognized")


def _conversion_error(x, ktype):
    return TypeError(f"Cannot convert {type(x).__name__} '{x!r}' to {ktype.__name__}")


def _cast(x, ktype):
    """A K object as ktype, cast by q."""
    if ktype is type(x) or ktype is _k.K or type(x) in (ktype,):
        return x
    if isinstance(x, ktype) and ktype not in (_k.Dictionary,):
        return x
    if isinstance(x, (_k.Table, _k.Dictionary)) and not isinstance(x, _k.KeyedTable):
        if ktype in (_k.Table, _k.Dictionary):
            try:
                return _k._q("flip", x)
            except QError:
                raise QError("'length all rows of a Dictionary must be of equal length to "
                             "flip") from None
        if ktype is _k.KeyedTable and isinstance(x, _k.Table):
            return _k._q("1!", x)
        raise TypeError("Can only convert directly between pykx.Table and pykx.Dictionary")
    if isinstance(x, _k.KeyedTable):
        if ktype is _k.Table:
            return _k._q("0!", x)
        if ktype is _k.Dictionary:
            return x
        raise TypeError("Can only convert directly between pykx.Table and pykx.Dictionary")
    if ktype is _k.List:
        return _k._q("{$[0h=type x;x;1_(::),x]}", x)
    t = getattr(ktype, "t", None)
    if not isinstance(t, int) or abs(t) not in _k._TYPES:
        raise TypeError(f"Unknown ktype {ktype!r} in conversion of {x!r}.")
    c = _k._TYPES[abs(t)][0]
    if isinstance(x, (_k.CharVector, _k.CharAtom)) and ktype is not _k.CharVector and \
            ktype is not _k.CharAtom:
        # text is parsed, as q's "J"$"12" does
        src = '{`$x}' if t == -11 else '{"' + c.upper() + '"$x}'
    elif t == -11:
        src = '{`$string x}'
    else:
        src = '{"' + c + '"$x}'
    try:
        r = _k._q(src, x)
    except QError:
        raise QError(f"'type cannot cast {type(x)} into {ktype}") from None
    if t < 0 and r.t != t or t > 0 and r.t != t:
        if t > 0 and r.t == -t:
            return _k._q("enlist", r)
        raise TypeError(f"Cannot convert {type(x).__name__} to {ktype.__name__}")
    return r


def _typed_null(ktype):
    t = -ktype.t
    if t == 2:
        return _k._q("0Ng")
    if t == 10:
        return _k._q('" "')
    if t == 11:
        return _k._q("`")
    if t == 1 or t == 4:
        raise _conversion_error(None, ktype)
    return _k._q("0N" + _k._TYPES[t][0])


def _from_int(x, ktype, cast):
    t = -ktype.t if isinstance(getattr(ktype, "t", None), int) else None
    if t in _k._RANGE:
        lo, hi = (0, 1) if t == 1 else _k._RANGE[t]
        if not lo <= x <= hi:
            raise OverflowError(f"{int(x)} is out of range for {ktype.__name__}")
        return _cast(_k.wrap(_e.toq(int(x))), ktype) if t != 7 else _k.wrap(_e.toq(int(x)))
    if t is not None and t in _k._TEMPORAL and ktype.t < 0:
        return _cast(_k.wrap(_e.toq(int(x))), ktype)
    if cast and t is not None and ktype.t < 0:
        return _cast(_k.wrap(_e.toq(int(x))), ktype)
    raise _conversion_error(x, ktype)


def _from_float(x, ktype, cast):
    if ktype is _k.FloatAtom:
        return _k.wrap(_e.toq(float(x)))
    if ktype is _k.RealAtom:
        return _cast(_k.wrap(_e.toq(float(x))), ktype)
    if cast and isinstance(getattr(ktype, "t", None), int) and ktype.t < 0:
        return _cast(_k.wrap(_e.toq(float(x))), ktype)
    if ktype.t in (-15,):
        return _cast(_k.wrap(_e.toq(float(x))), ktype)
    raise _conversion_error(x, ktype)


def _from_str(x, ktype, strings_as_char, cast=None):
    b = x.encode("utf-8")
    if ktype is _k.SymbolicFunction:
        return _k.SymbolicFunction(x)
    if ktype is None or issubclass(ktype, _k.SymbolAtom):
        return _k.wrap(_e.toq(b if strings_as_char else x))
    if ktype is _k.CharAtom:
        if len(b) != 1:
            raise ValueError(f"'pykx.CharAtom' can only be created from a single character, "
                             f"not {x!r}")
        return _k.wrap(_e.apply("first", b or b" "))
    if ktype is _k.CharVector:
        return _k.wrap(_e.toq(b))
    if cast and issubclass(ktype, _k.Atom) and isinstance(getattr(ktype, "t", None), int):
        return _cast(_k.wrap(_e.toq(b)), ktype)
    if ktype in (_k.Operator, _k.Iterator):  # kx.Operator('>'): q's own, by its text
        try:
            r = _k.wrap(_e.eval(x)) if 0 < len(x) <= 2 and \
                all(c in "~!@#$%^&*_-+=|:<>,.?/\\'" for c in x) else None
        except QError:
            r = None
        if isinstance(r, ktype):
            return r
    raise _conversion_error(x, ktype)


def _from_bytes(x, ktype):
    if ktype is None and len(x) == 1 or ktype is _k.CharAtom:
        if len(x) != 1:
            raise ValueError(f"'pykx.CharAtom' can only be created from a single character, "
                             f"not {x!r}")
        return _k.wrap(_e.apply("first", x))
    if ktype is None or ktype is _k.CharVector:
        return _k.wrap(_e.toq(x))
    if ktype is _k.SymbolAtom:
        return _k.wrap(_e.toq(x.decode("utf-8")))
    raise _conversion_error(x, ktype)


def _from_sequence(x, ktype, cast, handle_nulls, strings_as_char):
    import numpy as np
    if ktype is None or ktype is _k.List:
        items = [toq(v, cast=cast, handle_nulls=handle_nulls, strings_as_char=strings_as_char)
                 for v in x]
        if strings_as_char and any(isinstance(v, _k.CharVector) for v in items):
            return _k._q("{1_(::),x}", [v._k for v in items])
        r = _k.wrap(_e.toq([v._k for v in items]))
        if ktype is _k.List:
            return _k._q("{$[0h=type x;x;1_(::),x]}", r)
        return r
    if not issubclass(ktype, _k.Vector):
        if ktype is _k.Table and all(isinstance(v, dict) for v in x):
            return _k._q("{x}", [toq(v, _k.Dictionary) for v in x])
        raise _conversion_error(x, ktype)
    t = ktype.t
    if t == 11:
        return _cast(toq(list(x)), ktype) if x else _k._q("`$()")
    if t == 10:
        if all(isinstance(v, (str, bytes)) for v in x):
            return _k.wrap(_e.toq(b"".join(v.encode() if isinstance(v, str) else v for v in x)))
        raise _conversion_error(x, ktype)
    if t == 2:
        return _cast(toq([uuid.UUID(str(v)) if not isinstance(v, uuid.UUID) else v
                          for v in x]), ktype) if x else _k._q("`guid$()")
    dtype = _NP_DTYPE.get(t)
    if dtype is None:
        return _cast(toq(list(x)), ktype)
    try:
        if t in _k._RANGE and t != 1:
            lo, hi = _k._RANGE[t]
            for v in x:
                if isinstance(v, int) and not lo <= v <= hi:
                    raise OverflowError(f"{v} is out of range for {ktype.__name__}")
        if t in (6, 7, 5) and any(v is None for v in x):
            null = _k._RANGE[t][0]
            x = [null if v is None else v for v in x]
        if t == 12:  # aware datetimes as the atoms convert them
            x = [_naive(v) if isinstance(v, _dt.datetime) else v for v in x]
        arr = np.array(x, dtype=dtype)
    except (TypeError, ValueError) as ex:
        raise _conversion_error(x, ktype) from ex
    return _from_numpy(arr, ktype)


_UNSENDABLE = (types.FunctionType, types.BuiltinFunctionType, types.ModuleType)


def _no_foreigns(arr, r):
    """r, the q form of object array arr, unless an item of arr became a foreign: a Python
    object q has no form for (PyKX refuses those with TypeError; kx.Foreign(x) makes one)"""
    if arr.dtype.kind == "O" and r.t == 0 and _k._q("{any 112h=type each x}", r) and \
            any(not isinstance(v, _k.K) and _k.wrap(_e.toq(v)).t == 112 for v in arr.tolist()):
        raise TypeError("a numpy array holding Python objects with no q form")
    return r


def _from_numpy(arr, ktype):
    import numpy as np
    if arr.ndim != 1:
        if ktype is None or ktype is _k.List:
            return _k.wrap(_e.toq(arr))
        raise _conversion_error(arr, ktype)
    if ktype is None:
        if arr.dtype.kind == "U":
            return _k.wrap(_e.strsyms(arr.tolist())) if len(arr) else _k._q("`$()")
        if arr.dtype.kind == "S" and arr.dtype.itemsize > 1:
            return _k.wrap(_e.toq([bytes(v) for v in arr]))
        if arr.dtype == np.uint64:
            raise TypeError("q has no unsigned 64-bit integers")
        if arr.dtype.kind == "O" and len(arr):
            syms = _e.strsyms(arr)  # a str first: symbols (PyKX), one conversion per distinct
            if syms is not None:
                return _k.wrap(syms)
        if arr.dtype.kind == "O" and any(isinstance(v, _UNSENDABLE) for v in arr.tolist()):
            raise TypeError("a numpy array of functions or modules has no q form")
        if arr.dtype == np.complex128:  # GUIDVector.np(raw=True): 16 raw bytes an item
            import uuid
            raw = np.ascontiguousarray(arr).tobytes()
            return _k.wrap(_e.toq([uuid.UUID(bytes=raw[i:i + 16])
                                   for i in range(0, len(raw), 16)])) if len(arr) else \
                _k._q("`guid$()")
        if arr.dtype == np.float16:
            arr = arr.astype(np.float32)
        elif arr.dtype == np.uint16:
            arr = arr.astype(np.int32)
        elif arr.dtype == np.uint32:
            arr = arr.astype(np.int64)
        elif arr.dtype == np.uint64 or arr.dtype == np.int8:
            arr = arr.astype(np.int64 if arr.dtype == np.uint64 else np.int16)
        r = _k.wrap(_e.toq(arr))
        _no_foreigns(arr, r)
        if arr.dtype.kind == "O" and len(arr) == 0:
            return _k._q("()")
        return r
    if ktype is _k.List:
        return _k._q("{$[0h=type x;x;1_(::),x]}", _no_foreigns(arr, _k.wrap(_e.toq(arr))))
    if not issubclass(ktype, _k.Vector):
        raise _conversion_error(arr, ktype)
    t = ktype.t
    if t == 11:
        return _cast(_k.wrap(_e.toq([str(v) if not isinstance(v, bytes) else v.decode()
                                     for v in arr.tolist()])), ktype) if len(arr) else \
            _k._q("`$()")
    if t == 10 and arr.dtype.kind == "U" and arr.dtype.itemsize == 4:
        arr = np.char.encode(arr, "utf-8").astype("S1")
    if t == 10:
        if arr.dtype.kind not in "S" or arr.dtype.itemsize != 1:
            raise TypeError(f"Cannot convert a numpy array of dtype {arr.dtype} to CharVector")
        return _k.wrap(_e.toq(arr.tobytes()))
    if arr.dtype.kind in "iub" and t in _k._TEMPORAL:
        return _cast(_k.wrap(_e.toq(arr.astype(np.int64))), ktype)
    dtype = _NP_DTYPE.get(t)
    if dtype and dtype[0] in "biuf" and arr.dtype.kind in "biufUSO" and str(arr.dtype) != dtype:
        # PyKX converts a NumPy array only to the q type of its own dtype
        raise TypeError(f"Cannot convert a numpy array of dtype {arr.dtype} to "
                        f"{ktype.__name__}")
    if dtype and arr.dtype.kind in "Mm" and dtype[:4] == str(arr.dtype)[:4]:
        base = "datetime64[ns]" if arr.dtype.kind == "M" else "timedelta64[ns]"
        if t in (13, 14):
            base = "datetime64[D]"
        return _cast(_k.wrap(_e.toq(arr.astype(base))), ktype)
    if dtype and arr.dtype.kind in "iufb" and dtype[0] in "biuf":
        return _k.wrap(_e.toq(arr.astype(dtype)))
    r = _k.wrap(_e.toq(arr))
    return _cast(r, ktype)


def _naive(x):
    """A datetime without its zone: in UTC, or its local time under keep_local_times."""
    if x.tzinfo is None:
        return x
    from . import config
    return x.replace(tzinfo=None) if config.keep_local_times else \
        x.astimezone(_dt.timezone.utc).replace(tzinfo=None)


def _from_temporal(x, ktype):
    """datetime/date/time/timedelta and their numpy and pandas kinds."""
    import numpy as np
    if isinstance(x, (np.datetime64, _dt.datetime)) and ktype in (_k.TimeAtom, _k.SecondAtom,
                                                                 _k.MinuteAtom):
        raise TypeError(f"a date and time does not convert to {ktype.__name__}: use "
                        "toq.from_datetime_time for its time of day")
    if isinstance(x, _dt.datetime):
        x = _naive(x)
    if isinstance(x, _dt.datetime):
        r = _k.wrap(_e.toq(np.datetime64(x, "ns")))
    elif isinstance(x, _dt.date):
        r = _k.wrap(_e.toq(np.datetime64(x, "D")))
    elif isinstance(x, _dt.time):
        td = _dt.timedelta(hours=x.hour, minutes=x.minute, seconds=x.second,
                           microseconds=x.microsecond)
        r = _k.wrap(_e.toq(np.timedelta64(td, "ns")))
    elif isinstance(x, _dt.timedelta):
        r = _k.wrap(_e.toq(np.timedelta64(x, "ns")))
    elif isinstance(x, np.datetime64):
        unit = np.datetime_data(x.dtype)[0]
        if unit in ("D", "M", "ns"):
            r = _k.wrap(_e.toq(x))
        else:
            r = _k.wrap(_e.toq(x.astype("datetime64[ns]")))
    else:  # np.timedelta64
        unit = np.datetime_data(x.dtype)[0]
        if ktype is _k.TimespanAtom:  # PyKX's typed constructor keeps microseconds
            x = x.astype("timedelta64[us]")
        r = _k.wrap(_e.toq(x.astype("timedelta64[ns]")))
        if ktype is None:
            ktype = {"ms": _k.TimeAtom, "s": _k.SecondAtom, "m": _k.MinuteAtom}.get(unit)
    if ktype is None or ktype is type(r):
        return r
    if not isinstance(getattr(ktype, "t", None), int) or -ktype.t not in _k._TEMPORAL:
        raise _conversion_error(x, ktype)
    if ktype is _k.DatetimeAtom:
        raise NotImplementedError("datetime atoms are deprecated")
    return _cast(r, ktype)


def _precast(x, ktype):
    """x as the Python type values of ktype are made from (cast=True): an integral atom from
    an int, a float atom from a float, a date from a date, a timestamp, month or datetime
    from a datetime, a timespan, minute, second or time from a timedelta, a vector from a
    NumPy array of its dtype."""
    import numpy as np
    t = ktype.t
    if t in (-1, -4, -5, -6, -7):
        return x if type(x) is int else _kcast.cast_to_python_int(x)
    if t in (-8, -9):
        return x if type(x) is float else _kcast.cast_to_python_float(x)
    if t == -14:
        return x if type(x) is _dt.date else _kcast.cast_to_python_date(x)
    if t in (-12, -13, -15):
        if t == -12 and isinstance(x, np.datetime64):
            return x
        return x if isinstance(x, _dt.datetime) else _kcast.cast_to_python_datetime(x)
    if t in (-16, -17, -18, -19):
        return x if type(x) is _dt.timedelta else _kcast.cast_to_python_timedelta(x)
    if isinstance(x, np.ndarray) and t in _NP_DTYPE and x.dtype != np.dtype(_NP_DTYPE[t]):
        return _kcast.cast_numpy_ndarray_to_dtype(x, _NP_DTYPE[t])
    return x


def _positional(fn):
    """fn as q calls a Python function, its arguments by position: a *args parameter takes
    one list (spread), **kwargs one dictionary, a keyword-only parameter its value (as PyKX
    passes them); fn itself when it has none of those."""
    import inspect
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return fn
    P = inspect.Parameter
    if not any(p.kind in (P.VAR_POSITIONAL, P.VAR_KEYWORD, P.KEYWORD_ONLY) for p in params):
        return fn

    def call(*qargs):
        args, kwargs = [], {}
        for p, a in zip(params, qargs):
            if p.kind == P.VAR_POSITIONAL:
                args.extend(a if isinstance(a, (list, tuple)) or hasattr(a, "__len__")
                            and not isinstance(a, (str, bytes, dict)) else [a])
            elif p.kind == P.VAR_KEYWORD:
                kwargs.update({str(k): v for k, v in dict(a).items()} if a is not None else {})
            elif p.kind == P.KEYWORD_ONLY:
                kwargs[p.name] = a
            else:
                args.append(a)
        return fn(*args, **kwargs)
    call.__signature__ = inspect.Signature(
        [P(p.name, P.POSITIONAL_OR_KEYWORD, default=None) for p in params])
    call.__name__ = getattr(fn, "__name__", "call")
    return call


def toq(x, ktype=None, *, cast=None, handle_nulls=False, strings_as_char=False, **kwargs):
    """x as a q value: ktype (a K class or a type number) chooses the type."""
    ktype = _resolve(ktype)
    if isinstance(ktype, dict):
        t = toq(x)
        if not isinstance(t, (_k.Table, _k.KeyedTable)):
            raise TypeError("a dict ktype applies to a table's columns")
        names = _k._q("cols", t).py()
        for col, kt in ktype.items():
            if col not in names:
                raise ValueError("Column name passed in dictionary not present in df table")
            try:
                t = _k._q("{[t;c;f] @[t;c;f]}", t, col, _coltype(kt))
            except QError as ex:
                raise QError(f"Not supported: column {col!r} as {_resolve(kt).__name__} "
                             f"({ex})") from None
        return t
    if isinstance(x, _k.K):
        if ktype is None:
            return x
        return _cast(x, ktype)
    if isinstance(x, _e.KRef):
        return _cast(_k.wrap(x), ktype) if ktype else _k.wrap(x)
    from . import query as _query
    if isinstance(x, (_query.Column, _query.Variable, _query.QueryPhrase, _query.ParseTree)):
        r = _query._as_k(x)
        return _cast(r, ktype) if ktype else r
    if cast is not None and not isinstance(cast, bool):
        raise TypeError("Cast must be of type Boolean")
    import numpy as np
    if cast and isinstance(getattr(ktype, "t", None), int):
        x = _precast(x, ktype)
    if x is None:
        if ktype is None or ktype is _k.Identity:
            return _k.wrap(_e.toq(None))
        if issubclass(ktype, _k.Atom):
            return _typed_null(ktype)
        raise _conversion_error(x, ktype)
    if isinstance(x, (np.datetime64, np.timedelta64)):  # numpy's timedelta64 is an integer
        return _from_temporal(x, ktype)
    if isinstance(x, (bool, np.bool_)):
        if ktype is None or ktype is _k.BooleanAtom:
            return _k.wrap(_e.toq(bool(x)))
        return _from_int(int(x), ktype, cast)
    if isinstance(x, (int, np.integer)):
        if ktype is None:
            if isinstance(x, np.integer):
                # PyKX makes a long of the scalar kinds q lacks (int8, uint16, uint32)
                return _k.wrap(_e.toq(np.int64(x) if x.dtype in (np.int8, np.uint16, np.uint32)
                                      else x))
            if not -2**63 <= x < 2**63:
                raise OverflowError("Python int too large to convert to a q long")
            return _k.wrap(_e.toq(x))
        return _from_int(int(x), ktype, cast)
    if isinstance(x, (float, np.floating)):
        if ktype is None:
            return _k.wrap(_e.toq(np.float32(x) if isinstance(x, np.float16) else x))
        if math.isinf(x) and issubclass(ktype, _k.Atom) and -ktype.t in _k._RANGE and \
                ktype.t not in (-1, -4):
            return ktype.inf if x > 0 else ktype.inf_neg
        if math.isnan(x) and issubclass(ktype, _k.Atom) and -ktype.t in _k._RANGE and \
                handle_nulls:
            return _typed_null(ktype)
        return _from_float(x, ktype, cast)
    if isinstance(x, str):
        if ktype is not None and issubclass(ktype, _k.Vector) and ktype is not _k.CharVector:
            if ktype is _k.SymbolVector:
                return _k._q("enlist", x)
            raise _conversion_error(x, ktype)
        return _from_str(x, ktype, strings_as_char, cast)
    if isinstance(x, bytes):
        return _from_bytes(x, ktype)
    if isinstance(x, pathlib.PurePath):
        s = x.as_posix()
        return _k.wrap(_e.toq(s if s.startswith(":") else ":" + s))
    if isinstance(x, uuid.UUID):
        if ktype not in (None, _k.GUIDAtom):
            raise _conversion_error(x, ktype)
        return _k.wrap(_e.toq(x))
    import pandas as pd
    if x is pd.NA:
        return _k.wrap(_e.toq(None))
    if x is pd.NaT:
        if ktype is _k.DatetimeAtom:
            raise NotImplementedError("datetime atoms are deprecated")
        if ktype is None:
            ktype = _k.TimestampAtom
        if not issubclass(ktype, _k.TemporalAtom):
            raise _conversion_error(x, ktype)
        return _typed_null(ktype)
    if isinstance(x, pd.Timestamp) and x is not pd.NaT:
        x = x.tz_convert("UTC").tz_localize(None) if x.tzinfo is not None else x
        return _from_temporal(x.to_datetime64().astype("datetime64[ns]"), ktype)
    if isinstance(x, pd.Timedelta):
        return _from_temporal(x.to_timedelta64().astype("timedelta64[ns]"), ktype)
    if isinstance(x, (_dt.date, _dt.time, _dt.timedelta, np.datetime64, np.timedelta64)):
        return _from_temporal(x, ktype)
    if isinstance(x, range):
        if ktype is None:
            ktype = _k.LongVector
        if not issubclass(ktype, _k.IntegralNumericVector):
            raise _conversion_error(x, ktype)
        lo, hi = _k._RANGE[ktype.t] if ktype.t != 1 else (0, 1)
        if len(x) and (min(x[0], x[-1]) < lo or max(x[0], x[-1]) > hi):
            raise OverflowError(f"range out of bounds for {ktype.__name__}")
        return _from_numpy(np.arange(x.start, x.stop, x.step, dtype=_NP_DTYPE[ktype.t]), ktype)
    if isinstance(x, slice):
        if x.stop is None:
            raise ValueError("a slice without a stop has no q form")
        return toq(range(x.start or 0, x.stop, x.step or 1), ktype)
    if isinstance(x, np.ndarray):
        if strings_as_char and ktype is None and (x.dtype.kind == "U" or x.dtype.kind == "O"
                                                   and any(isinstance(v, str) for v in x.flat)):
            return _from_sequence(x.tolist(), None, cast, handle_nulls, True)
        if isinstance(x, np.ma.MaskedArray):
            if ktype is None:
                ktype = _k._classes.get(_k.wrap(_e.toq(x.data)).t)
            t = ktype.t
            fill = _k._RANGE.get(t, (np.nan,))[0] if t not in (8, 9) else np.nan
            return _from_numpy(x.filled(fill), ktype)
        return _from_numpy(x, ktype)
    if isinstance(x, pd.DataFrame):
        if ktype not in (None, _k.Table, _k.KeyedTable):
            raise _conversion_error(x, ktype)
        return _from_dataframe(x, ktype, strings_as_char)
    if isinstance(x, pd.Categorical):
        return _from_categorical(x, None) if ktype is None else toq(x.astype(str), ktype)
    if isinstance(x, pd.MultiIndex):  # a table of its levels, as PyKX's from_pandas_index
        if ktype not in (None, _k.Table):
            raise _conversion_error(x, ktype)
        names = [str(n) if n is not None else str(i) for i, n in enumerate(x.names)]
        levels = [toq(x.get_level_values(i)) for i in range(x.nlevels)]
        return _k._q("{flip x!y}", names, _k._q("{1_(::),x}", [c._k for c in levels]))
    if isinstance(x, (pd.Series, pd.Index)):
        if isinstance(x.dtype, pd.CategoricalDtype):
            if ktype is None:
                return _from_categorical(x.values, x.name if isinstance(x.name, str) else None)
            return toq(x.astype(str).to_numpy(), ktype)
        if str(x.dtype) in ("Int8", "Int16", "Int32", "Int64", "boolean", "Float32",
                            "Float64", "UInt8"):
            arr = x.to_numpy(dtype=str(x.dtype).lower().replace("boolean", "bool"),
                             na_value=_na_fill(str(x.dtype)))
            return toq(arr, ktype)
        return toq(x.to_numpy(), ktype, strings_as_char=strings_as_char)
    if isinstance(x, dict):
        if ktype is _k.Table:
            return _cast(toq(x, _k.Dictionary, strings_as_char=strings_as_char), _k.Table)
        if ktype not in (None, _k.Dictionary):
            raise _conversion_error(x, ktype)
        if not x:
            return _k._q("()!()")
        keys = list(x.keys())
        if all(isinstance(k, (str, _k.SymbolAtom)) for k in keys):
            kq = _k.wrap(_e.toq([str(k) for k in keys]))
        else:
            kq = toq(keys)
        vq = toq(list(x.values()), strings_as_char=strings_as_char)
        return _k._q("!", kq, vq)
    if isinstance(x, (list, tuple)):
        return _from_sequence(x, ktype, cast, handle_nulls, strings_as_char)
    if x is Ellipsis:
        if ktype is None:
            return _k._q("(::)")
        raise TypeError(f"Ellipsis (...) has no {ktype.__name__} form")
    if isinstance(x, type(pathlib)):
        raise TypeError(f"Cannot convert module {x.__name__!r} to a K object")
    if callable(x):
        import inspect
        try:
            n = len(inspect.signature(x).parameters)
        except (TypeError, ValueError):
            n = 0
        if n > 8:
            raise ValueError("q functions take at most 8 parameters")
        return _k.wrap(_e.toq(_positional(x)))
    if hasattr(x, "fileno"):  # a file (or anything with a descriptor): q's int handle to it
        fd = x.fileno() if callable(x.fileno) else x.fileno
        return toq(int(fd), ktype if ktype is not None else _k.IntAtom)
    if hasattr(x, "__iter__") and not isinstance(x, (set, frozenset)):
        return toq(list(x), ktype)
    if isinstance(x, (set, frozenset)):
        raise TypeError(f"Cannot convert {type(x).__name__} to a K object")
    raise TypeError(f"Cannot convert {type(x).__name__} '{x!r}' to a K object")


toq._resolve_k_type = _resolve


def _from_datetime_time(x, cast=None, **kwargs):
    """The time of day of a datetime (or numpy datetime64), as a timespan."""
    import numpy as np
    if isinstance(x, np.datetime64):
        ns = x.astype("datetime64[ns]").astype("int64") % (86400 * 10**9)
        return _k.wrap(_e.toq(np.timedelta64(int(ns), "ns")))
    if isinstance(x, _dt.datetime):
        x = x.time()
    return toq(x, _k.TimespanAtom)


toq.from_datetime_time = _from_datetime_time


ENUMS = []  # the domains categoricals were enumerated over, in order of first use (toq.ENUMS)
_ENUM_COUNT = {"n": 0}  # unnamed categoricals' domains: enum0, enum1, ...


def _from_categorical(cat, name):
    """A pandas Categorical as an enumeration over the q global `name` (its categories as
    symbols; a domain already there is extended by the values it lacks, as `name?syms`
    does); unnamed, over a new domain enum0, enum1..."""
    import numpy as np
    if name is None:
        name = f"enum{_ENUM_COUNT['n']}"
        _ENUM_COUNT["n"] += 1
    if not name.replace("_", "a").isalnum() or not name[0].isalpha():
        raise TypeError(f"{name!r} cannot name a q enumeration domain")
    if name not in ENUMS:
        ENUMS.append(name)
    cats = _k.wrap(_e.strsyms([str(c) for c in cat.categories]))
    syms = _k._q("{x y}", cats, _k.wrap(_e.toq(np.asarray(cat.codes, dtype=np.int64))))
    if _k._q("{x in key `.}", name).py():
        return _k._q("{x?y}", name, syms)
    return _k._q("{[d;c;s] d set c; d$s}", name, cats, syms)


def _na_fill(dtype):
    import numpy as np
    return {"Int8": -128, "Int16": -2**15, "Int32": -2**31, "Int64": -2**63, "boolean": False,
            "Float32": np.nan, "Float64": np.nan, "UInt8": 0}[dtype]


def _coltype(kt):
    t = abs(_resolve(kt).t)
    if t == 10:  # a column of strings: symbols as their text
        return _k.wrap(_e.eval('{$[11h=abs type x;string x;"c"$x]}'))
    c = _k._TYPES[t][0]
    return _k.wrap(_e.eval('{"' + c + '"$x}'))


def _from_dataframe(df, ktype, strings_as_char):
    import pandas as pd
    index = df.index
    keyed = ktype is _k.KeyedTable or not isinstance(index, pd.RangeIndex) or \
        index.start != 0 or index.step != 1 or index.name is not None
    cols = [str(c) for c in df.columns]
    data = [toq(df.iloc[:, i], strings_as_char=strings_as_char) for i in range(len(cols))]
    data = [d if not isinstance(d, _k.Atom) else _k._q("enlist", d) for d in data]
    t = _k._q("{flip x!y}", cols, _k._q("{1_(::),x}", [d._k for d in data]) if data else [])
    if not cols:
        t = _k.wrap(_e.eval("flip (`$())!()"))
    if not keyed:
        return t
    names = [str(n) if n is not None else ("index" if i == 0 else f"level_{i}")
             for i, n in enumerate(index.names)]
    if isinstance(index, pd.MultiIndex):
        kcols = [toq(index.get_level_values(i)) for i in range(index.nlevels)]
    else:
        kcols = [toq(index)]
    keys = _k._q("{flip x!y}", names, _k._q("{1_(::),x}", [c._k for c in kcols]))
    return _k._q("!", keys, t)


toq.ENUMS = ENUMS  # PyKX reads kx.toq.ENUMS
