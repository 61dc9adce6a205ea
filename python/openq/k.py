"""K objects: Python handles on q values, in PyKX's class hierarchy.

Every K object holds a KRef (`_k`).  Operators, indexing and casts apply q itself, so they
have q's semantics; conversions to Python (`py/np/pd/pa`) go through the engine (pyconv.c),
with PyKX's rules for `raw=` and nulls applied here.
"""
import datetime as _dt
import math
import warnings
from collections import abc
from numbers import Integral, Real

try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from .exceptions import QError, PyKXException
from .pandas_api import PandasAPI

# q type number -> (type char, PyKX class stem)
_TYPES = {1: ("b", "Boolean"), 2: ("g", "GUID"), 4: ("x", "Byte"), 5: ("h", "Short"),
          6: ("i", "Int"), 7: ("j", "Long"), 8: ("e", "Real"), 9: ("f", "Float"),
          10: ("c", "Char"), 11: ("s", "Symbol"), 12: ("p", "Timestamp"), 13: ("m", "Month"),
          14: ("d", "Date"), 15: ("z", "Datetime"), 16: ("n", "Timespan"), 17: ("u", "Minute"),
          18: ("v", "Second"), 19: ("t", "Time")}
# the range an integral type holds (its nulls and infinities included)
_RANGE = {1: (-2**63, 2**63 - 1), 4: (0, 255), 5: (-2**15, 2**15 - 1),
          6: (-2**31, 2**31 - 1), 7: (-2**63, 2**63 - 1)}
_TEMPORAL = set(range(12, 20))


class classproperty:
    """A read-only property of the class (PyKX's `LongAtom.null`)."""

    def __init__(self, fget):
        self.fget = fget

    def __get__(self, obj, cls):
        return self.fget(cls)


def _q(src, *args):
    """q text (a function) applied to args (converted by toq's rules), wrapped."""
    if not args:
        return wrap(_e.eval(src))
    return wrap(_e.apply(src, *[a._k if isinstance(a, K) else a if isinstance(a, _e.KRef)
                                else toq(a)._k for a in args]))


def _ref(x):
    """The KRef of a K object, or of a Python value converted by default rules."""
    if isinstance(x, K):
        return x._k
    return toq(x)._k


class K:
    """A q value.  K(x) converts x as toq does; a subclass converts to its own type."""

    __slots__ = ("_k", "__weakref__")

    def __new__(cls, x=None, *args, cast=None, **kwargs):
        if isinstance(x, _e.KRef):
            obj = object.__new__(cls)
            obj._k = x
            return obj
        return toq(x, ktype=None if cls is K else cls, cast=cast, **kwargs)

    def __init__(self, *args, **kwargs):
        pass

    def __reduce__(self):
        return (_unpickle, (bytes(_e.encode(self._k, 1)),))

    @property
    def t(self):
        return _e.qtype(self._k)

    @property
    def _addr(self):
        """The q value's address: handles on one value share it, a copy has its own."""
        return self._k.addr

    @property
    def is_atom(self):
        return True

    def cast(self, ktype):
        return ktype(self)

    def copy(self):
        """A copy of the value (its own object): changing one (v[i] = x) leaves the other."""
        return _q("{-9!-8!x}", self)

    # conversions: K's defaults are the object itself
    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return self

    def np(self, *, raw=False, has_nulls=None):
        return self.py(raw=raw)

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        return self.np(raw=raw)

    def pa(self, *, raw=False, has_nulls=None):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise PyArrowUnavailable("pyarrow is unavailable") from None
        return self.pd(raw=raw)

    def __str__(self):
        s = _e.show(self._k)
        if not s and _e.qtype(self._k) in (0, 99) and _e.count(self._k) == 0:
            return "()" if _e.qtype(self._k) == 0 else "()!()"  # as q writes them
        return s

    def __repr__(self):
        s = _e.show(self._k)
        if "\n" in s.rstrip("\n"):
            s = "\n" + s + "\n"
        return "pykx.%s(pykx.q('%s'))" % (type(self).__name__, s)

    # comparison and arithmetic: q's
    def _compare(self, other, op, failure=False):
        try:
            r = _q(op, self, other)
        except QError as ex:
            if str(ex).startswith(("length", "type")):
                return _q("{x}", failure)
            raise
        if hasattr(r, "__len__") and not isinstance(r, Atom) and len(r) == 0:
            if op == "=":
                return _q("~", self, other)
            if op == "{not x=y}":
                return _q("{not x~y}", self, other)
        return r

    def __lt__(self, o): return self._compare(o, "<")
    def __le__(self, o): return self._compare(o, "<=")
    def __gt__(self, o): return self._compare(o, ">")
    def __ge__(self, o): return self._compare(o, ">=")

    def __eq__(self, o):
        if isinstance(self, Function) and isinstance(o, Function):
            return _q("~", self, o)  # functions compare whole: = has no meaning for them
        try:
            return self._compare(o, "=")
        except TypeError:
            return _q("0b")

    def __ne__(self, o):
        try:
            return self._compare(o, "{not x=y}", failure=True)
        except TypeError:
            return _q("1b")

    def __hash__(self):
        return hash(_e.show(self._k, True))

    def __add__(self, o): return _q("+", self, o)
    def __radd__(self, o): return _q("+", o, self)
    def __sub__(self, o): return _q("-", self, o)
    def __rsub__(self, o): return _q("-", o, self)
    def __mul__(self, o): return _q("*", self, o)
    def __rmul__(self, o): return _q("*", o, self)
    def __truediv__(self, o): return _q("%", self, o)
    def __rtruediv__(self, o): return _q("%", o, self)
    def __floordiv__(self, o): return _q("div", self, o)
    def __rfloordiv__(self, o): return _q("div", o, self)
    def __mod__(self, o): return _q("mod", self, o)
    def __rmod__(self, o): return _q("mod", o, self)

    def __divmod__(self, o):
        return tuple(_q("{(x div y;x mod y)}", self, o))

    def __rdivmod__(self, o):
        return tuple(_q("{(x div y;x mod y)}", o, self))

    def __pow__(self, o, modulo=None):
        return _modpow(self, o, modulo)

    def __rpow__(self, o, modulo=None):
        return _modpow(o, self, modulo)

    def __neg__(self): return _q("neg", self)
    def __pos__(self): return self
    def __abs__(self): return _q("abs", self)

    def __bool__(self):
        if self.is_null:
            return False
        if self.is_inf:
            return True
        if isinstance(self, TemporalAtom):
            return bool(self.py(raw=True))
        x = self.py()
        if type(self) is type(x):
            raise TypeError(f"Unable to determine truth value of '{self!r}'")
        return bool(x)

    def any(self):
        return self.__bool__()

    def all(self):
        return self.__bool__()

    @property
    def is_null(self):
        return bool(_e.topy(_e.apply("{all null x}", self._k), 1))

    @property
    def is_inf(self):
        return False

    def __array__(self, dtype=None, copy=None):
        import numpy as np
        a = self.np()
        if not isinstance(a, np.ndarray):
            a = np.asarray(a)
        return a.astype(dtype) if dtype is not None else a

    def _to_vector(self):
        return self

    def __typed_array__(self):
        import numpy as np
        if isinstance(self, List):
            _rect_shape(self)
            return np.array(self.py())
        return self.np()

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """NumPy ufuncs on K objects: computed by NumPy, the result converted back."""
        import numpy as np
        args = [np.asarray(x.__typed_array__()) if isinstance(x, K) else x for x in inputs]
        kwargs = {k: np.asarray(v.__typed_array__()) if isinstance(v, Collection)
                  else v.py() if isinstance(v, K) and k != "dtype" else v
                  for k, v in kwargs.items()}
        out = kwargs.pop("out", None)
        dtype = kwargs.pop("dtype", None)
        if isinstance(dtype, type) and issubclass(dtype, K):
            kdtype, dtype = dtype, None
        else:
            kdtype = None
        if dtype is not None:
            kwargs["dtype"] = dtype
        if method == "at":
            a = np.array(args[0])
            getattr(ufunc, "at")(a, *args[1:], **kwargs)
            object.__setattr__(inputs[0], "_k", toq(a, type(inputs[0]))._k)
            return None
        res = getattr(ufunc, method)(*args, **kwargs)
        if out is not None:
            for o in out:
                if isinstance(o, List):
                    raise ValueError("K List type objects cannot be used with the out "
                                     "keyword argument.")
                if isinstance(o, K):
                    object.__setattr__(o, "_k", toq(np.asarray(res).astype(o.np().dtype),
                                                    type(o))._k)
                else:
                    o[...] = res
            return out[0] if len(out) == 1 else out
        if dtype is not None:
            return res
        return _from_result(res, kdtype)

    def __array_function__(self, func, types, args, kwargs):
        import numpy as np

        def conv(x):
            if isinstance(x, K):
                return x.__typed_array__()
            if isinstance(x, (list, tuple)):
                return type(x)(conv(v) for v in x)
            return x
        return func(*conv(args), **{k: conv(v) for k, v in kwargs.items()})


def _rect_shape(x):
    """The (shape, type) of a list NumPy can hold as one n-dimensional array, else QError."""
    if isinstance(x, List):
        subs = [_rect_shape(v) for v in x]
        if not subs:
            return (0,), 0
        if any(s != subs[0] for s in subs):
            kind = "type" if len({s[0] for s in subs}) == 1 else "shape"
            raise QError("invalid " + kind)
        return (len(x),) + subs[0][0], subs[0][1]
    if isinstance(x, Vector):
        return (len(x),), x.t
    return (), -x.t if isinstance(x, K) else None


def _from_result(res, ktype=None):
    import numpy as np
    if ktype is not None and isinstance(res, (np.ndarray, np.generic)):
        from .toq import _NP_DTYPE
        dt = _NP_DTYPE.get(abs(ktype.t))
        if dt:
            res = np.asarray(res).astype(dt)
            if not res.ndim:
                res = res[()]
    if isinstance(res, np.ndarray) and res.ndim > 1:
        shape = " ".join(str(d) for d in res.shape)
        return _q("{(" + shape + ")#x}", toq(res.flatten(), _vector_of(ktype)))
    if isinstance(res, np.ndarray):
        return toq(res, _vector_of(ktype))
    if isinstance(res, np.generic):
        return toq(res, ktype, cast=ktype is not None)
    return res


def _vector_of(ktype):
    if ktype is None:
        return None
    return _classes.get(abs(ktype.t)) if ktype.t < 0 else ktype


def _unpickle(b):
    return wrap(_e.decode(b))


def _modpow(a, b, m):
    """PyKX's integer power: q's xexp for floats; exact for integral arguments."""
    ta = a.t if isinstance(a, K) else None
    tb = b.t if isinstance(b, K) else None
    integral = (ta is None and isinstance(a, int) or ta is not None and abs(ta) in (4, 5, 6, 7)) and \
               (tb is None and isinstance(b, int) or tb is not None and abs(tb) in (4, 5, 6, 7))
    if not integral:
        if m is not None:
            raise TypeError("pow() 3rd argument not allowed unless all arguments are integers")
        r = _q("xexp", a, b)
        return r if m is None else _q("mod", r, m)
    import numpy as np
    x = np.asarray(a.np() if isinstance(a, K) else a, dtype=np.int64)
    y = np.asarray(b.np() if isinstance(b, K) else b, dtype=np.int64)
    if m is None:
        r = np.power(x, y)
    else:  # modular exponentiation, exact (x**y itself would overflow 64 bits)
        mm = np.asarray(m.np() if isinstance(m, K) else m, dtype=np.int64)
        r = np.vectorize(lambda a, b, c: pow(int(a), int(b), int(c)), otypes=[np.int64])(x, y, mm)
    return toq(r if r.ndim else r.item(), LongVector if r.ndim else LongAtom)


# ---- atoms ---------------------------------------------------------------------------------------

class Atom(K):
    __slots__ = ()

    @property
    def is_null(self):
        return bool(_e.topy(_e.apply("null", self._k), 1))

    @property
    def is_inf(self):
        return self.is_pos_inf or self.is_neg_inf

    @property
    def is_pos_inf(self):
        c = _TYPES.get(-self.t, ("",))[0]
        if c not in "hijefpmdznuvt" or not c:
            return False
        return bool(_e.topy(_e.apply("{x=0W" + c + "}", self._k), 1))

    @property
    def is_neg_inf(self):
        c = _TYPES.get(-self.t, ("",))[0]
        if c not in "hijefpmdznuvt" or not c:
            return False
        return bool(_e.topy(_e.apply("{x=-0W" + c + "}", self._k), 1))

    def __hash__(self):
        return hash(_e.show(self._k, True))

    def __invert__(self): return _q("not", self)

    def _no_bits(self, *args):
        return NotImplemented

    __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = __xor__ = __rxor__ = _no_bits

    def __and__(self, o): return _q("&", self, o)
    def __rand__(self, o): return _q("&", o, self)
    def __or__(self, o): return _q("|", self, o)
    def __ror__(self, o): return _q("|", o, self)

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return _e.topy(self._k, 1)

    def np(self, *, raw=False, has_nulls=None):
        return _e.topy(self._k, 2)

    def _to_vector(self):
        return _q("enlist", self)

    @classproperty
    def null(cls):
        t = -getattr(cls, "t", 0)
        if t in (1, 4) or t not in _TYPES:
            raise NotImplementedError(f"{cls.__name__}: retrieval of null values not "
                                      "supported for this type")
        return _q({2: "0Ng", 10: '" "', 11: "`"}.get(t, "0N" + _TYPES[t][0]))

    @classproperty
    def inf(cls):
        t = -getattr(cls, "t", 0)
        if t in (1, 2, 4, 10, 11) or t not in _TYPES:
            raise NotImplementedError(f"Retrieval of infinite values not supported for "
                                      f"{cls.__name__}")
        return _q("0W" + _TYPES[t][0])

    @classproperty
    def inf_neg(cls):
        t = -getattr(cls, "t", 0)
        if t in (1, 2, 4, 10, 11) or t not in _TYPES:
            raise NotImplementedError(f"Retrieval of infinite values not supported for "
                                      f"{cls.__name__}")
        return _q("-0W" + _TYPES[t][0])


class NumericAtom(Atom):
    __slots__ = ()

    def __int__(self):
        return int(self.py())

    def __float__(self):
        if self.is_null:
            return math.nan
        if self.is_inf:
            return math.inf if self.is_pos_inf else -math.inf
        return float(self.py())

    def __complex__(self):
        return complex(float(self))


class IntegralNumericAtom(NumericAtom):
    __slots__ = ()

    # Python's bitwise operators on integers (PyKX's): the atom as its int; a boolean, a
    # null or an infinity, or another operand than an integer, keeps q's meaning (& | min max)
    def _bitwise(op, name):
        def f(self, o):
            if self.t in (-1, -4) or isinstance(o, bool) or \
                    not isinstance(o, (int, IntegralNumericAtom)) or \
                    isinstance(o, IntegralNumericAtom) and o.t in (-1, -4):
                base = getattr(super(IntegralNumericAtom, self), name, None)
                return base(o) if base is not None else NotImplemented
            return op(int(self), int(o))
        f.__name__ = name
        return f

    import operator as _op
    __lshift__ = _bitwise(_op.lshift, "__lshift__")
    __rlshift__ = _bitwise(lambda a, b: b << a, "__rlshift__")
    __rshift__ = _bitwise(_op.rshift, "__rshift__")
    __rrshift__ = _bitwise(lambda a, b: b >> a, "__rrshift__")
    __and__ = _bitwise(_op.and_, "__and__")
    __rand__ = _bitwise(lambda a, b: b & a, "__rand__")
    __or__ = _bitwise(_op.or_, "__or__")
    __ror__ = _bitwise(lambda a, b: b | a, "__ror__")
    __xor__ = _bitwise(_op.xor, "__xor__")
    __rxor__ = _bitwise(lambda a, b: b ^ a, "__rxor__")
    del _bitwise, _op

    def __invert__(self):
        """Python's ~ of the integer (its bits inverted), of the same q type"""
        if self.t in (-1, -4) or self.is_null or self.is_inf:
            return _q("not", self)
        return toq(~int(self), type(self))

    def __int__(self):
        if self.is_null:
            raise PyKXException("Cannot convert null integral atom to Python int")
        if self.is_inf:
            raise PyKXException("Cannot convert infinite integral atom to Python int")
        return int(_e.topy(self._k, 1))

    def __index__(self):
        return int(self)

    def __round__(self, ndigits=None):
        return round(int(self), ndigits)

    def __trunc__(self): return self.py()
    def __floor__(self): return self.py()
    def __ceil__(self): return self.py()

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        v = _e.topy(self._k, 1)
        if self.t == -1:
            return int(v) if raw else v
        if raw:
            return v if v is not None else _RANGE[-self.t][0]
        if self.is_null:
            import pandas as pd
            return pd.NA
        if self.t != -4 and self.is_pos_inf:
            return math.inf
        if self.t != -4 and self.is_neg_inf:
            return -math.inf
        return v

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        if self.t == -1:
            return bool(_e.topy(self._k, 1))
        v = _e.topy(self._k, 2)
        if v is None:
            return np.dtype(_NPDT[-self.t]).type(_RANGE[-self.t][0])
        return v

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        if not raw and self.is_null:
            import pandas as pd
            return pd.NA
        return self.np(raw=raw)


class NonIntegralNumericAtom(NumericAtom):
    __slots__ = ()

    def __round__(self, ndigits=None): return round(self.py(), ndigits)
    def __trunc__(self): return math.trunc(self.py())
    def __floor__(self): return math.floor(self.py())
    def __ceil__(self): return math.ceil(self.py())

    @property
    def is_null(self):
        return math.isnan(self.py())

    @property
    def is_pos_inf(self):
        return self.py() == math.inf

    @property
    def is_neg_inf(self):
        return self.py() == -math.inf


class TemporalAtom(Atom):
    __slots__ = ()

    def py(self, *, raw=False, has_nulls=None, stdlib=True, tzinfo=None, tzshift=True):
        if raw:
            return _e.topy(_e.apply('{$[-15h=type x;"f"$x;"j"$x]}', self._k), 1)
        if self.is_null:
            import pandas as pd
            return pd.NaT
        v = self.np()
        if not stdlib:
            return v
        if self.t == -12:
            v = _ts_py(v)
            if tzinfo is None:
                return v
            if not tzshift:  # the stored time is local to tzinfo
                return v.replace(tzinfo=tzinfo)
            return v.replace(tzinfo=_dt.timezone.utc).astimezone(tzinfo)
        if isinstance(self, TemporalSpanAtom):
            return v.astype("timedelta64[us]").item()
        return v.astype("datetime64[D]").item()

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        if raw:
            return np.asarray(self.py(raw=True)).astype(_RAWDT[-self.t])[()]
        v = _e.topy(self._k, 2)
        if self.is_null:
            return np.timedelta64("NaT") if isinstance(self, TemporalSpanAtom) else \
                np.datetime64("NaT")
        return v

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        if raw:
            return self.np(raw=True)
        import pandas as pd
        if self.is_null:
            return pd.NaT
        v = self.np()
        return pd.Timedelta(v) if isinstance(self, TemporalSpanAtom) else pd.Timestamp(v)


def _ts_py(v):
    import numpy as np
    ns = int(v.astype(np.int64))
    base = _dt.datetime(1970, 1, 1)
    return base + _dt.timedelta(microseconds=ns // 1000)


class TemporalSpanAtom(TemporalAtom):
    __slots__ = ()


class TemporalFixedAtom(TemporalAtom):
    __slots__ = ()


def _temporal_new(word, fields, q_build):
    """__new__ for a temporal atom class: a magic word, numeric fields, or toq's rules."""
    def new(cls, x=None, *args, cast=None, **kwargs):
        if isinstance(x, _e.KRef):
            return K.__new__(cls, x)
        if isinstance(x, str) and word and x in word:
            return _q(word[x])
        if isinstance(x, int) and not isinstance(x, bool) and fields and args:
            if not all(isinstance(i, int) for i in args):
                raise TypeError(f"All values must be of type int when creating a "
                                f"{cls.__name__} using numeric values")
            if len(args) != fields - 1:
                raise TypeError(f"Too {'many' if len(args) >= fields else 'few'} values. "
                                f"Numeric {cls.__name__} creation requires {fields} values")
            return _q(q_build, x, *args)
        return toq(x, ktype=cls, cast=cast, **kwargs)
    return new


class SymbolAtom(Atom):
    __slots__ = ()

    def __str__(self):
        return _e.topy(self._k, 1)

    def __bytes__(self):
        return _e.topy(self._k, 1).encode()

    def __add__(self, o):
        return _q("{`$string[x],string y}", self, o)

    def __radd__(self, o):
        return _q("{`$string[x],string y}", o, self)

    def __int__(self):
        return int(str(self))

    def __float__(self):
        return float(str(self))

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        v = _e.topy(self._k, 1)
        return v.encode() if raw else v

    np = py


class CharAtom(Atom):
    __slots__ = ()

    def __bytes__(self):
        return _e.topy(self._k, 1)

    def __len__(self):
        return 1

    def __getitem__(self, key):
        if key not in (0, -1):
            raise IndexError("index out of range")
        return self

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        v = _e.topy(self._k, 1)
        return v[0] if raw else v

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        v = _e.topy(self._k, 1)
        return np.uint8(v[0]) if raw else np.bytes_(v)


class GUIDAtom(Atom):
    __slots__ = ()

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        v = _e.topy(self._k, 1)
        if raw:
            import numpy as np
            return np.frombuffer(v.bytes, dtype=np.complex128)[0]
        return v

    np = py


class Function(Atom):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        if kwargs:
            params = self.params
            if not params:
                raise TypeError(f"{type(self).__name__} takes no keyword arguments")
            full = list(args) + [_MISSING] * (len(params) - len(args))
            for k, v in kwargs.items():
                if k not in params:
                    raise TypeError(f"unexpected keyword argument {k!r}")
                i = params.index(k)
                if full[i] is not _MISSING:
                    raise TypeError(f"multiple values for argument {k!r}")
                full[i] = v
            if any(v is _MISSING for v in full):
                raise TypeError("missing arguments")
            args = tuple(full)
        if not args:
            args = (None,)
        if len(args) > 8:
            raise TypeError("Too many arguments: q functions take at most 8")
        return wrap(_e.apply(self._k, *[_elided_arg() if a is Ellipsis else _arg(a) for a in args]))

    def __bool__(self):
        return True

    @property
    def is_null(self):
        return False

    @property
    def is_inf(self):
        return False

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return self

    np = pd = py

    @property
    def params(self):
        return tuple(_e.topy(_e.apply("{$[100h=type x;(value x)1;`$()]}", self._k), 1))

    @property
    def args(self):
        return ()

    def _adverb(self, name):
        return _q("{x" + name + "}", self)

    @property
    def each(self):
        return self._adverb("'")

    @property
    def over(self):
        return self._adverb("/")

    @property
    def scan(self):
        return self._adverb("\\")

    @property
    def each_prior(self):
        return self._adverb("':")

    prior = each_prior

    @property
    def each_right(self):
        return self._adverb("/:")

    @property
    def each_left(self):
        return self._adverb("\\:")

    sv = each_right  # PyKX's names of /: and \: (q's sv and vs of iterators)
    vs = each_left


_MISSING = object()


def _elided_arg():
    """the elided argument of a projection (f[;2]): PyKX's `...` in a call (65 ff on the wire)"""
    return _e.decode(b"\x01\x00\x00\x00\x0a\x00\x00\x00\x65\xff")


def _elided(v):
    """An elided argument of a projection (shown as nothing)."""
    return isinstance(v, K) and v.t == 101 and _e.show(v._k) == ""


class SymbolicFunction(Function, SymbolAtom):
    """A function named by a symbol (`.vvv.f`, or what q.ns.f gives for a function): calling
    it applies whatever the name holds when called, in its execution context (embedded q
    unless with_execution_ctx(conn) names a connection), as PyKX's SymbolicFunction does."""

    __slots__ = ("_ctx",)

    def __new__(cls, x=None, *args, **kwargs):
        if isinstance(x, _e.KRef):
            obj = K.__new__(cls, x)
        elif not isinstance(x, str):
            raise TypeError("SymbolicFunction takes the function's name as a str")
        else:
            obj = object.__new__(cls)
            obj._k = _e.toq(x)
        obj._ctx = None
        return obj

    def with_execution_ctx(self, ctx):
        """the same name, called in ctx (a connection, or embedded q)"""
        from .embedded import EmbeddedQ
        r = object.__new__(SymbolicFunction)
        r._k = self._k
        r._ctx = None if ctx is None or isinstance(ctx, EmbeddedQ) else ctx
        return r

    @property
    def execution_ctx(self):
        from .embedded import q
        return q if getattr(self, "_ctx", None) is None else self._ctx

    @property
    def sym(self):
        return wrap(self._k)

    def _run(self, src, *args):
        ctx = getattr(self, "_ctx", None)
        return _q(src, *args) if ctx is None else ctx(src, *args)

    @property
    def func(self):
        return self._run("value", self.sym)

    @property
    def params(self):
        f = self.func
        return f.params if isinstance(f, Function) else ()

    def __call__(self, *args):
        return self._run("{[f;a] (value f) . a}", self.sym, list(args) if args else [None])

    def __eq__(self, o):
        return isinstance(o, SymbolicFunction) and str(self) == str(o) and \
            getattr(self, "_ctx", None) is getattr(o, "_ctx", None)

    def __ne__(self, o):
        return not self == o

    def __lt__(self, o):
        return False

    __gt__ = __lt__

    def __le__(self, o):
        return self == o

    __ge__ = __le__

    def __bool__(self):
        return True

    def __bytes__(self):
        return str(self).encode()

    __hash__ = None

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return self

    np = pd = py


class Lambda(Function):
    __slots__ = ()

    def __new__(cls, x=None, *args, **kwargs):
        if isinstance(x, str):
            r = _q(x)
            if not isinstance(r, Lambda):
                raise TypeError(f"{x!r} is not a lambda")
            return r
        return K.__new__(cls, x, *args, **kwargs)

    @property
    def string(self):
        return _q("string", self)

    @property
    def func(self):
        return self

    @property
    def value(self):
        return _q("value", self)


class UnaryPrimitive(Function): __slots__ = ()


UnaryPrimative = UnaryPrimitive  # the spelling PyKX also exports
class Identity(UnaryPrimitive):
    __slots__ = ()

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return None

    np = pd = py

    def __str__(self):
        return "::"

    def __repr__(self):
        return "pykx.Identity(pykx.q('::'))"

    def __bool__(self):
        return False

    def __eq__(self, other):
        if other is None or isinstance(other, Identity):
            return True
        return K.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other) if other is None or isinstance(other, Identity) else \
            K.__ne__(self, other)

    __hash__ = K.__hash__

    @property
    def is_null(self):
        return True
class ProjectionNull(Identity):
    """The elided argument of a projection (the missing one of f[;2], 65 ff on the wire):
    equal to itself and to Python's `...`, ordered against nothing, null, `...` in Python."""

    __slots__ = ()

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return Ellipsis

    np = pd = py

    def __repr__(self):
        return "pykx.ProjectionNull(pykx.q('::'))"

    def __eq__(self, other):
        return other is Ellipsis or isinstance(other, ProjectionNull)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return False

    __gt__ = __lt__

    def __le__(self, other):
        return isinstance(other, ProjectionNull)

    __ge__ = __le__

    __hash__ = K.__hash__


class Operator(Function): __slots__ = ()
class Iterator(Function): __slots__ = ()
class Projection(Function):
    __slots__ = ()

    def _parts(self):
        return list(_q("value", self))

    @property
    def func(self):
        return self._parts()[0]

    @property
    def args(self):
        return tuple(Ellipsis if _elided(v) else v for v in self._parts()[1:])

    @property
    def params(self):
        f = self.func
        if not isinstance(f, Function):
            return ()
        base = f.params
        given = self._parts()[1:]
        return tuple(p for i, p in enumerate(base) if i >= len(given) or _elided(given[i]))
class Composition(Function):
    """f g h @: its functions in order (args), the last applied first (func, params)."""

    __slots__ = ()

    def _parts(self):
        out = []
        for p in _q("value", self):
            if isinstance(p, Composition):
                out += p._parts()
            elif isinstance(p, Projection) and _is_apply_at(p):
                out.append(p.args[0])  # the composition's closing `g @` is g
            else:
                out.append(p)
        return out

    @property
    def args(self):
        return tuple(self._parts())

    @property
    def func(self):
        return self._parts()[-1]

    @property
    def params(self):
        last = self.func
        return last.params if isinstance(last, Function) else ()


def _is_apply_at(p):
    """p is `g @` (@ projected on its first argument alone)"""
    given = p._parts()[1:]
    return (isinstance(p.func, Operator) and str(p.func) == "@" and len(given) == 2
            and _elided(given[1]) and isinstance(given[0], Function))
class AppliedIterator(Function):
    """f' f/ f\\ f': f/: f\\: -- func is f, whose parameters these take"""

    __slots__ = ()

    @property
    def func(self):
        return _q("value", self)

    @property
    def params(self):
        f = self.func
        return f.params if isinstance(f, Function) else ()


class Each(AppliedIterator): __slots__ = ()
class Over(AppliedIterator): __slots__ = ()
class Scan(AppliedIterator): __slots__ = ()
class EachPrior(AppliedIterator): __slots__ = ()
class EachRight(AppliedIterator): __slots__ = ()
class EachLeft(AppliedIterator): __slots__ = ()


class Foreign(Atom):
    __slots__ = ()

    def __bool__(self):
        return True

    @property
    def params(self):
        """the wrapped Python callable's parameter names"""
        import inspect
        try:
            return tuple(inspect.signature(self.py()).parameters)
        except (TypeError, ValueError):
            return ()

    def __reduce__(self):
        raise TypeError("Unable to serialize pykx.Foreign objects")

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        v = _e.topy(self._k, 1)
        return self if isinstance(v, _e.KRef) else v

    def __call__(self, *args, **kwargs):
        if kwargs:  # by the wrapped Python function's parameter names
            import inspect
            names = list(inspect.signature(self.py()).parameters)
            full = list(args) + [None] * (len(names) - len(args))
            for k, v in kwargs.items():
                if k not in names:
                    raise TypeError(f"unexpected keyword argument {k!r}")
                full[names.index(k)] = v
            args = tuple(full)
        return wrap(_e.apply(self._k, *[_arg(a) for a in args]))


def _arg(a):
    return a._k if isinstance(a, K) else toq(a)._k


# ---- collections ---------------------------------------------------------------------------------

def _index(key, n):
    """A Python index (int, slice, sequence) as q indices into n items; IndexError if outside."""
    if isinstance(key, bool):
        key = int(key)
    if isinstance(key, (int, Integral)) and not isinstance(key, K) or \
            isinstance(key, IntegralNumericAtom) and key.t != -1:
        i = int(key)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("index out of range")
        return i
    if isinstance(key, slice):
        return LongVector(range(*key.indices(n)))
    if isinstance(key, list) and all(isinstance(v, int) for v in key):
        return LongVector(key)
    return key


class Collection(K):
    __slots__ = ()
    __hash__ = None

    def _unlicensed_getitem(self, i):
        return self[i]

    @property
    def is_atom(self):
        return False

    # truth of the items: not null for symbols and GUIDs, non-zero for the rest
    _TRUTH = "{$[type[x] in 2 11h;not null x;0<>x]}"

    def any(self):
        if self.t == 0 or self.t >= 98:
            return any(x.any() for x in (self._values if isinstance(self, Mapping) else self))
        return bool(_e.topy(_e.apply("{any " + self._TRUTH + " x}", self._k), 1))

    def all(self):
        if self.t == 0 or self.t >= 98:
            return all(x.all() for x in (self._values if isinstance(self, Mapping) else self))
        return bool(_e.topy(_e.apply("{all " + self._TRUTH + " x}", self._k), 1))

    def __bool__(self):
        raise TypeError("The truth value of a 'pykx.Collection' is ambiguous - "
                        "use the '.any()' or '.all()' method, or check the length")

    def __len__(self):
        return _e.count(self._k)

    def __contains__(self, other):
        it = iter(self)
        try:
            first = next(it)
        except StopIteration:
            return False
        if not isinstance(other, str) and not isinstance(first, abc.Collection) and \
                isinstance(other, abc.Collection) and not isinstance(other, (bytes, Atom)):
            return False
        return any(bool(x == other) or x is other for x in self)

    def __getitem__(self, key):
        idx = _index(key, len(self))
        if isinstance(idx, int):
            return wrap(_e.index(self._k, idx))
        return _q("@", self, idx)


class Vector(Collection, abc.Sequence):
    __slots__ = ()

    @property
    def ndim(self):
        return 1

    @property
    def shape(self):
        return (len(self),)

    @property
    def has_nulls(self):
        return bool(_e.topy(_e.apply("{any null x}", self._k), 1))

    @property
    def has_infs(self):
        c = _TYPES.get(self.t, ("",))[0]
        if not c or c not in "hijefpmdznuvt":
            return False
        return bool(_e.topy(_e.apply("{any raze -0W 0W" + c + "=\\:x}", self._k), 1))

    @property
    def is_null(self):
        return _q("null", self)

    @property
    def is_inf(self):
        c = _TYPES.get(self.t, ("",))[0]
        if not c or c not in "hijefpmdznuvt":
            return _q("{count[x]#0b}", self)
        return _q("{x in -0W 0W" + c + "}", self)

    def __iter__(self):
        for i in range(len(self)):
            yield wrap(_e.index(self._k, i))

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield wrap(_e.index(self._k, i))

    def __setitem__(self, key, val):
        idx = _index(key, len(self))
        try:
            new = _e.apply("{@[x;y;:;z]}", self._k, idx, _ref(val))
        except QError as err:
            raise QError(f"Failed to assign value of type: {type(val)} to list of type "
                         f"{type(self)}: {err}") from None
        object.__setattr__(self, "_k", new)

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return [x.py(raw=raw, stdlib=stdlib) for x in self]

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        if raw and self.t in _RAWDT:
            return np.frombuffer(self._k, dtype=_RAWDT[self.t]).copy() \
                if len(self) else np.array([], dtype=_RAWDT[self.t])
        return _e.topy(self._k, 2)

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        import pandas as pd
        return pd.Series(self.np(raw=raw), copy=False)

    def __array__(self, dtype=None, copy=None):
        a = self.np()
        return a.astype(dtype) if dtype is not None else a

    def _ufunc(self, name):
        return _q(name, self)

    def sum(self): return _q("sum", self)
    def prod(self): return _q("prd", self)
    def min(self): return _q("min", self)
    def max(self): return _q("max", self)
    def mean(self): return _q("avg", self)
    def median(self): return _q("med", self)
    def mode(self): return _q("{where max[c]=c:count each group x}", self)

    def _grow(self, src, data):
        """x,y in place; a typed vector keeps its type (PyKX refuses what would change it)."""
        new = _e.apply(src, self._k, _ref(data))
        if self.t != 0 and _e.qtype(new) != self.t:
            raise QError(f"Appending data of type: {type(toq(data))} to vector of type: "
                         f"{type(self)} not supported")
        object.__setattr__(self, "_k", new)

    def append(self, data):
        self._grow("{x,enlist y}", data)

    def extend(self, data):
        if not isinstance(data, (K, abc.Sequence)) or isinstance(data, (str, bytes)):
            data = [data]
        self._grow("{x,y}", data)

    def index(self, x, start=None, end=None):
        window = range(len(self))[slice(start, end)]
        for i in window:
            if bool(_q("~", self[i], x)) or bool(self[i] == x):
                return i
        raise ValueError(f"{x!r} is not in the selected slice of the list")

    def count(self, x):
        return sum(1 for v in self if bool(_q("~", v, x)))

    def apply(self, func, *args, **kwargs):
        if not callable(func):
            raise RuntimeError("Provided value 'func' is not callable")
        return func(self, *args, **kwargs)

    def replace(self, to_replace, replace_with):
        """A copy with each item matching to_replace (q's ~) made replace_with; the result
        is a vector when its items share a type, else a list."""
        return _q("{[x;y;z] w:where x~\\:y; $[count w;"
                  "raze enlist each @[1_(::),x;w;:;count[w]#enlist z];x]}",
                  self, to_replace, replace_with)

    def _attr(self, attr, message):
        try:
            r = _q("{" + attr + "#x}", self)
        except QError:
            raise QError(message) from None
        object.__setattr__(self, "_k", r._k)
        return self

    def sorted(self):
        return self._attr("`s", "Items are not in ascending order")

    def unique(self):
        return self._attr("`u", "Items are not unique")

    def parted(self):
        return self._attr("`p", "Items are not parted")

    def grouped(self):
        return self._attr("`g", "Items cannot be grouped")

    def reverse(self):
        return _q("reverse", self)

    def __and__(self, o): return _q("&", self, o)
    def __rand__(self, o): return _q("&", o, self)
    def __or__(self, o): return _q("|", self, o)
    def __ror__(self, o): return _q("|", o, self)
    def __invert__(self): return _q("not", self)

    __hash__ = None


class List(Vector):
    __slots__ = ()

    def __new__(cls, x=None, *args, **kwargs):
        if isinstance(x, (str, bytes)):
            raise TypeError("a List is made from a sequence, not a string")
        return K.__new__(cls, x, *args, **kwargs)

    @property
    def has_nulls(self):
        return any(x.is_null if x.is_atom else x.has_nulls for x in self)

    @property
    def has_infs(self):
        return any(x.is_inf if x.is_atom else x.has_infs for x in self)

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        if not stdlib:  # each item's richest form: tables as frames, the rest as NumPy
            return [(x.pd(raw=raw) if isinstance(x, Mapping) else x.np(raw=raw))
                    if isinstance(x, K) else x for x in self]
        return [x.py(raw=raw, stdlib=stdlib) if isinstance(x, K) else x for x in self]

    def np(self, *, raw=False, has_nulls=None, reshape=False):
        import numpy as np
        if reshape is not False:
            flat = _q("(raze/)", self).np()
            if reshape is True:
                return flat.reshape(_rectangle(self))
            return flat.reshape(reshape)
        a = np.empty(len(self), dtype=object)
        for i, x in enumerate(self):
            a[i] = x.py() if isinstance(x, CharVector) else x.np(raw=raw) if isinstance(x, K) \
                else x
        return a

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        import pandas as pd
        return pd.Series(self.np(raw=raw), dtype=object)


def _rectangle(x):
    """the shape of a list of lists that is a matrix: at each depth lists of one length,
    at the last vectors of one type and length (else TypeError)"""
    dims, level = [], [x]
    while True:
        types = {_e.qtype(v._k) if isinstance(v, K) else -1 for v in level}
        if len(types) != 1 or min(types) < 0 or len({len(v) for v in level}) != 1:
            raise TypeError('Data must be a singular type "rectangular" matrix')
        counts = {len(v) for v in level}
        t = types.pop()
        dims.append(counts.pop())
        if t != 0:
            return dims
        level = [v for lst in level for v in lst]
        if not level:
            return dims


class NumericVector(Vector): __slots__ = ()


class IntegralNumericVector(NumericVector):
    __slots__ = ()

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        a = _e.topy(self._k, 2)
        if raw or self.t == 1:
            return a
        if has_nulls is None:
            has_nulls = self.t != 4 and bool((a == _RANGE[self.t][0]).any())
        if has_nulls:
            return np.ma.masked_equal(a, _RANGE[self.t][0])
        return a

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        import pandas as pd
        a = self.np(raw=raw, has_nulls=has_nulls)
        import numpy as np
        if isinstance(a, np.ma.MaskedArray):
            return pd.Series(pd.arrays.IntegerArray(a.data, a.mask))
        return pd.Series(a, copy=False)


class NonIntegralNumericVector(NumericVector):
    __slots__ = ()

    def __round__(self, ndigits=None):
        import numpy as np
        return toq(np.round(self.np(), ndigits or 0), type(self))


class TemporalVector(Vector):
    __slots__ = ()

    def np(self, *, raw=False, has_nulls=None):
        """NumPy's datetime64/timedelta64, q's nulls as NaT (made so in the one conversion
        pass); raw=True: q's own numbers."""
        return Vector.np(self, raw=raw, has_nulls=has_nulls)

    def py(self, *, raw=False, has_nulls=None, stdlib=True, **tz):
        if raw:
            return self.np(raw=True).tolist()
        return [x.py(stdlib=stdlib, **tz) for x in self]


class TemporalFixedVector(TemporalVector): __slots__ = ()
class TemporalSpanVector(TemporalVector): __slots__ = ()


class CharVector(Vector):
    __slots__ = ()

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return _e.topy(self._k, 1)

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        return np.frombuffer(_e.topy(self._k, 1), dtype="|S1").copy()

    def __bytes__(self):
        return _e.topy(self._k, 1)

    def __str__(self):
        return _e.topy(self._k, 1).decode()


class SymbolVector(Vector):
    __slots__ = ()

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        v = _e.topy(self._k, 1)
        return [s.encode() for s in v] if raw else v

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        if not raw:
            return _e.symobjects(self._k)  # one str per distinct symbol
        return np.array([s.encode() for s in _e.topy(self._k, 1)], dtype=object)

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        import pandas as pd
        # dtype given: pandas need not scan a million str to infer what they are
        return pd.Series(self.np(raw=raw), dtype=object, copy=False)


class GUIDVector(Vector):
    __slots__ = ()

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        if raw:
            return np.frombuffer(b"".join(u.bytes for u in self.py()), dtype=np.complex128)
        return np.array(self.py(), dtype=object)


def _writeable(a):
    """a numpy array or Series whose data may be written (not a view of a q vector)"""
    arr = a.array if hasattr(a, "array") else a
    arr = getattr(arr, "_ndarray", arr)  # NumpyExtensionArray, DatetimeArray...
    return not isinstance(arr, __import__("numpy").ndarray) or arr.flags.writeable


class Mapping(Collection, abc.Mapping):
    __slots__ = ()

    @property
    def _keys(self):
        return _q("key", self)

    @property
    def _values(self):
        return _q("value", self)

    def keys(self):
        return _q("key", self)

    def values(self):
        return _q("value", self)

    def items(self):
        return list(zip(self.keys(), self.values()))

    def __iter__(self):
        return iter(self.keys())

    def __contains__(self, k):
        return k in self.keys()

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except (KeyError, QError):
            raise AttributeError(key) from None


class Dictionary(Mapping):
    __slots__ = ()

    @property
    def has_infs(self):
        return any(x.is_inf if x.is_atom else x.has_infs for x in self.values()
                   if isinstance(x, K))

    def __getitem__(self, key):
        if isinstance(key, K):  # a q index: q's behaviour
            return _q("@", self, key)
        keys = self.keys()
        want = list(key) if isinstance(key, (list, tuple)) else [key]
        missing = _e.topy(_e.apply("{not y in x}", keys._k, _ref(want if len(want) > 1
                                                                   else want[0])), 1)
        if missing is True or isinstance(missing, list) and any(missing):
            raise KeyError(key)
        return _q("@", self, key if not isinstance(key, tuple) else list(key))

    def __setitem__(self, key, val):
        object.__setattr__(self, "_k", _e.apply("{x,(enlist y)!enlist z}", self._k,
                                                _ref(key), _ref(val)))

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        k = self.keys()
        v = self.values()
        kp = k.py(raw=raw) if isinstance(k, K) else k
        if isinstance(v, Table):  # a dictionary of rows: each row's dictionary
            vals = [wrap(_e.apply("{x y}", v._k, _e.toq(i))).py(raw=raw, stdlib=stdlib)
                    for i in range(len(v))]
        else:
            vals = [x.py(raw=raw, stdlib=stdlib) if isinstance(x, K) else x for x in v]
        if isinstance(kp, dict):  # keyed by a table
            return dict(zip(range(len(vals)), vals))
        return dict(zip(kp if isinstance(kp, list) else list(kp), vals))

    def np(self, *, raw=False, has_nulls=None):
        return self.py(raw=raw)

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        return self.py(raw=raw)

    @property
    def has_nulls(self):
        return any(x.is_null if x.is_atom else x.has_nulls for x in self.values())


_PANDAS_MODE = {"default": 0, "py": 1, "np": 2}


def _is_rows(data):
    """Row-major data for Table(data): a list or array of rows (not a dict, frame or table)."""
    import numpy as np
    if isinstance(data, np.ndarray):
        return data.ndim == 2
    return isinstance(data, (list, Vector)) and len(data) > 0 and \
        isinstance(data[0], (list, tuple, Vector, np.ndarray))


class Table(PandasAPI, Mapping):
    __slots__ = ()

    def sql(self, query, *args):
        """the SQL query (kx.q.sql) with this table as $1"""
        from .sql import table_sql
        return table_sql(self, query, *args)

    @property
    def _keys(self):  # PyKX's: a table's keys are its column names, its values its columns
        return _q("cols", self)

    @property
    def _values(self):
        return _q("{value flip x}", self)

    @property
    def has_nulls(self):  # of a keyed table, its value columns'
        return any(c.has_nulls for c in _q("{value flip $[99h=type x;value x;x]}", self))

    @property
    def has_infs(self):
        return any(c.has_infs for c in _q("{value flip $[99h=type x;value x;x]}", self))

    @property
    def flip(self):
        return _q("flip", self)

    def __new__(cls, data=None, *args, columns=None, cast=None, **kwargs):
        if isinstance(data, _e.KRef):
            return K.__new__(cls, data)
        if columns is not None or _is_rows(data):
            import pandas as pd
            cols = list(columns or [])
            gen = ("x" + (str(i) if i else "") for i in range(len(data[0]) + len(cols) + 1))
            while data is not None and len(data) and len(cols) < len(data[0]):
                name = next(gen)
                if name not in cols:
                    cols.append(name)
            return toq(pd.DataFrame(list(data), columns=cols), Table)
        if data is None and "data" in kwargs:
            data = kwargs.pop("data")
        try:
            return toq(data, ktype=Table, cast=cast)
        except QError:
            if not isinstance(data, dict):
                raise
            return _q("flip", toq(data))  # q's flip extends atoms to the columns' length

    @property
    def columns(self):
        return _q("cols", self)

    def keys(self):
        return self.columns

    def values(self):
        return _q("{value flip x}", self)

    def items(self):
        return list(zip(self.columns, self.values()))

    @property
    def shape(self):
        return (len(self), len(self.columns))

    @property
    def ncols(self):
        return len(self.columns)

    @property
    def dtypes(self):
        names = []
        for col in self.values():
            t = col.t
            if t == 0:
                name = "CharVector" if len(col) and all(isinstance(v, CharVector) for v in col) \
                    else "List"
            else:
                name = _classes.get(-t, K).__name__ if abs(t) < 20 else type(col).__name__
            names.append(("kx." + name).encode())
        return _q("{([]columns:x;datatypes:y)}", self.columns, names)

    def __getitem__(self, key):
        if isinstance(key, SymbolVector):
            key = key.py()
        if isinstance(key, str) or isinstance(key, SymbolAtom):
            if str(key) not in self.columns.py():
                raise ColumnError(f"inaccessible column: {key}")
            return _q("{x y}", self, str(key))
        if isinstance(key, (list, tuple)) and key and all(isinstance(k, str) for k in key):
            missing = [k for k in key if k not in self.columns.py()]
            if missing:
                raise ColumnError(f"inaccessible columns: {missing}")
            return _q("{flip y!x y}", self, list(key))
        if isinstance(key, K) and key.t == 1:  # a boolean mask: the rows where it is true
            return _q("{x where y}", self, key)
        if isinstance(key, tuple) and len(key) == 2:
            rows, cols = key
            return self[rows][cols]
        if not isinstance(key, (int, slice, list, K)) and not hasattr(key, "__index__"):
            import numpy as np
            if not isinstance(key, np.ndarray):
                raise TypeError(f"Unsupported index type {type(key).__name__}")
        idx = _index(key, len(self))
        if isinstance(idx, int):
            return _q("{enlist x y}", self, idx)
        return _q("{x y}", self, idx)

    def __iter__(self):
        return iter(self.columns)  # a Mapping of column names, as pandas' DataFrame

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        cols = self.columns.py()
        vals = self.values()
        return {c: v.py(raw=raw, stdlib=stdlib) for c, v in zip(cols, vals)}

    def np(self, *, raw=False, has_nulls=None):
        import numpy as np
        cols = self.columns.py()
        vals = [v.np(raw=raw) for v in self.values()]
        dt = [(c, v.dtype) for c, v in zip(cols, vals)]
        out = np.empty(len(self), dtype=dt)
        for c, v in zip(cols, vals):
            out[c] = v
        return np.rec.array(out)

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        import numpy as np
        import pandas as pd
        cols = self.columns.py()
        vals = self.values()
        data, masked, chars = {}, {}, {}
        for c, v in zip(cols, vals):
            if isinstance(v, IntegralNumericVector):
                a = v.np(raw=raw)
                if isinstance(a, np.ma.MaskedArray):
                    a.fill_value = _RANGE[v.t][0]
                    masked[c] = a
                data[c] = a.data if isinstance(a, np.ma.MaskedArray) else a
            elif isinstance(v, CharVector):
                data[c] = None
                chars[c] = v.np(raw=raw)  # one byte a row, as PyKX's |S1 column
            else:
                data[c] = v.pd(raw=raw) if isinstance(v, Vector) else v.np()
        for c, a in data.items():  # views of q's memory are copied once, here; pandas copies none
            if isinstance(a, (np.ndarray, pd.Series)) and not _writeable(a):
                a = data[c] = a.copy()
            if isinstance(a, pd.Series) and isinstance(a.dtype, np.dtype) and a.dtype != object:
                data[c] = a.values  # the column's ndarray: no index to align (an object
                # column stays a Series, whose dtype spares pandas inferring it again)
        df = pd.DataFrame(data, columns=cols, copy=False)
        for c, a in chars.items():
            df[c] = a  # assigned, a bytes column keeps its |S1 dtype
        return _with_masked(df, masked) if masked else df

    def select(self, columns=None, where=None, by=None, inplace=False):
        from .query import _functional
        return _functional(self, "select", columns, where, by, inplace)

    def exec(self, columns=None, where=None, by=None):
        from .query import _functional
        return _functional(self, "exec", columns, where, by)

    def update(self, columns=None, where=None, by=None, inplace=False):
        from .query import _functional
        return _functional(self, "update", columns, where, by, inplace)

    def delete(self, columns=None, where=None, inplace=False):
        from .query import _functional
        return _functional(self, "delete", columns, where, None, inplace)

    def __setattr__(self, k, v):
        object.__setattr__(self, k, v)

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        if key in self.columns.py():
            return self[key]
        raise AttributeError(key)


def _with_masked(df, masked):
    """df with each column of masked (name -> MaskedArray) held as that masked array, as
    PyKX's Table.pd gives integer columns with nulls: int dtype, .values a MaskedArray, a
    null cell np.ma.masked.  pandas has no public way to build this, so its block manager
    is assembled from one block per masked column and df's own blocks for the rest."""
    import numpy as np
    try:
        from pandas.core.internals import BlockManager
        from pandas.core.internals.api import make_block
        from pandas._libs.internals import BlockPlacement
    except ImportError:  # another pandas: the plain columns
        return df
    cols = list(df.columns)
    pos = {c: i for i, c in enumerate(cols)}
    blocks = []
    for b in df._mgr.blocks:
        keep = [i for i in b.mgr_locs.as_array if cols[i] not in masked]
        if len(keep) == len(b.mgr_locs):
            blocks.append(b)
        else:
            for i in keep:
                v = df._mgr.iget_values(i)
                blocks.append(make_block(v.reshape(1, -1) if isinstance(v, np.ndarray) else v,
                                         placement=BlockPlacement([i]), ndim=2))
    for c, a in masked.items():
        blocks.append(make_block(a.reshape(1, -1), placement=BlockPlacement([pos[c]]), ndim=2))
    mgr = BlockManager(blocks, df._mgr.axes)
    return df._constructor_from_mgr(mgr, mgr.axes)


class SplayedTable(Table): __slots__ = ()
class PartitionedTable(SplayedTable): __slots__ = ()


class KeyedTable(PandasAPI, Dictionary):
    __slots__ = ()

    def __new__(cls, data=None, index=None, *args, columns=None, cast=None, **kwargs):
        if isinstance(data, _e.KRef):
            return K.__new__(cls, data)
        t = Table(data, columns=columns) if columns is not None or _is_rows(data) \
            else toq(data, Table)
        taken = set(t.columns.py())
        name = next(n for n in ["idx", "index"] + [f"idx{i}" for i in range(1, len(taken) + 2)]
                    if n not in taken)
        return _q("{[t;n;i] 1!(flip enlist[n]!enlist $[i~(::);til count t;i]),'t}", t,
                  toq(name, SymbolAtom), index)

    def __iter__(self):
        """The rows of the value columns: an atom each for one column, else a list."""
        cols = list(_q("{value flip value x}", self))
        for row in zip(*cols):
            yield row[0] if len(row) == 1 else list(row)

    @property
    def has_nulls(self):  # its value columns', as PyKX reads them
        return any(c.has_nulls for c in _q("{value flip value x}", self))

    @property
    def has_infs(self):
        return any(c.has_infs for c in _q("{value flip value x}", self))

    def any(self):
        return any(v.any() for v in _q("{value flip value x}", self))

    def all(self):
        return all(v.all() for v in _q("{value flip value x}", self))

    def __len__(self):
        return _e.count(self._k)

    def keys(self):
        return _q("key", self)

    def values(self):
        return _q("value", self)

    @property
    def columns(self):
        return _q("{cols value x}", self)

    @property
    def shape(self):
        return (len(self), len(self.columns))

    def __getitem__(self, key):
        """A column by name (str, or a list of names); else a row by its key (an atom for
        one key column, a tuple for several)."""
        if isinstance(key, SymbolAtom):
            key = str(key)
        elif isinstance(key, SymbolVector):
            key = key.py()
        names = self.columns.py()
        keyc = _q("{cols key x}", self).py()
        if isinstance(key, str) and (key in names or key in keyc) or \
                isinstance(key, list) and key and all(isinstance(k, str) for k in key) and \
                any(k in names or k in keyc for k in key):
            # value columns, keyed as this table is (pandas: a key column is not a column);
            # another str is a key, looked up below
            want = [key] if isinstance(key, str) else key
            missing = [k for k in want if k not in names]
            if missing:
                raise KeyError(missing[0] if isinstance(key, str) else missing)
            return _q("{(key x)!(y,())#value x}", self, key)
        if isinstance(key, slice):
            return self._rows(range(*key.indices(len(self))))
        if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], (slice, list)):
            rows, cols = key
            r = self[rows] if isinstance(rows, slice) else self
            allc = _q("{cols 0!x}", self).py()
            keyc = _q("{cols key x}", self).py()
            if isinstance(cols, list) and all(isinstance(c, str) for c in cols):
                miss = [c for c in cols if c not in allc]
                if miss:
                    raise KeyError(miss)
                return _q("{(key x)!(y,())#value x}", r, [c for c in cols if c not in keyc])
            return r._cols(cols)
        if isinstance(key, tuple):
            key = list(key)
        # q's indexing: a missing key gives the null row; a list of keys gives a table
        return _q("{k:key x;$[1=count cols k;(value x) k[first cols k]?y;"
                  "(value x) where (flip value flip k)~\\:y]}", self, key)

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        k = self.keys().py(raw=raw, stdlib=stdlib)
        v = self.values().py(raw=raw, stdlib=stdlib)
        kk = list(zip(*k.values()))
        vv = list(zip(*v.values()))
        return dict(zip(kk, [dict(zip(v.keys(), r)) for r in vv]))

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        keys = _q("{cols key x}", self).py()
        return _q("0!", self).pd(raw=raw).set_index(keys)

    np = Table.np

    def ungroup(self):
        return _q("ungroup", self)


# the concrete classes, one per q type
_NPDT = {1: "bool", 4: "uint8", 5: "int16", 6: "int32", 7: "int64", 8: "float32", 9: "float64"}
_RAWDT = {1: "bool", 4: "uint8", 5: "int16", 6: "int32", 7: "int64", 8: "float32",
          9: "float64", 12: "int64", 13: "int32", 14: "int32", 15: "float64", 16: "int64",
          17: "int32", 18: "int32", 19: "int32"}
_ATOM_BASE = {1: IntegralNumericAtom, 2: GUIDAtom, 4: IntegralNumericAtom,
              5: IntegralNumericAtom, 6: IntegralNumericAtom, 7: IntegralNumericAtom,
              8: NonIntegralNumericAtom, 9: NonIntegralNumericAtom, 10: CharAtom,
              11: SymbolAtom, 12: TemporalFixedAtom, 13: TemporalFixedAtom,
              14: TemporalFixedAtom, 15: TemporalFixedAtom, 16: TemporalSpanAtom,
              17: TemporalSpanAtom, 18: TemporalSpanAtom, 19: TemporalSpanAtom}
_VECTOR_BASE = {1: IntegralNumericVector, 2: GUIDVector, 4: IntegralNumericVector,
                5: IntegralNumericVector, 6: IntegralNumericVector, 7: IntegralNumericVector,
                8: NonIntegralNumericVector, 9: NonIntegralNumericVector, 10: CharVector,
                11: SymbolVector, 12: TemporalFixedVector, 13: TemporalFixedVector,
                14: TemporalFixedVector, 15: TemporalFixedVector, 16: TemporalSpanVector,
                17: TemporalSpanVector, 18: TemporalSpanVector, 19: TemporalSpanVector}
_classes = {0: List, 98: Table, 99: Dictionary, 100: Lambda, 101: UnaryPrimitive,
            102: Operator, 103: Iterator, 104: Projection, 105: Composition, 106: Each,
            107: Over, 108: Scan, 109: EachPrior, 110: EachRight, 111: EachLeft, 112: Foreign}
for _t, (_c, _n) in _TYPES.items():
    _ab, _vb = _ATOM_BASE[_t], _VECTOR_BASE[_t]
    extra = (Integral,) if _ab is IntegralNumericAtom else (Real,) if \
        _ab is NonIntegralNumericAtom else ()
    if _ab in (GUIDAtom, CharAtom, SymbolAtom):
        _a = _ab
        _a.t = -_t
    else:
        _a = type(_n + "Atom", (_ab,) + extra, {"__slots__": (), "t": -_t,
                                               "__module__": __name__})
    if _vb in (GUIDVector, CharVector, SymbolVector):
        _v = _vb
        _v.t = _t
    else:
        _v = type(_n + "Vector", (_vb,), {"__slots__": (), "t": _t, "__module__": __name__})
    globals()[_a.__name__] = _a
    globals()[_v.__name__] = _v
    _classes[-_t] = _a
    _classes[_t] = _v
TimestampAtom.__new__ = _temporal_new(
    {"now": ".z.P"}, 7, '{[Y;M;D;h;m;s;n]("D"$"." sv string (Y;M;D))+'
    'sum(0D01:00;0D00:01;0D00:00:01;0D00:00:00.000000001)*(h;m;s;n)}')
DateAtom.__new__ = _temporal_new({"today": ".z.D"}, 3, '{[y;m;d]"D"$"." sv string (y;m;d)}')
TimespanAtom.__new__ = _temporal_new(
    {"now": ".z.N"}, 5, '{[D;h;m;s;n]sum (1D;0D01:00;0D00:01;0D00:00:01;0D00:00:00.000000001)'
    '*(D;h;m;s;n)}')
TimeAtom.__new__ = _temporal_new({"now": ".z.T"}, 0, "")


def _datetime_raw_only(method):
    """q's datetime is deprecated: PyKX converts it only as raw floats (days from 2000.01.01)."""
    def f(self, *, raw=False, **kwargs):
        if not raw:
            raise TypeError("The q datetime type is deprecated, and can only be accessed with "
                            "the keyword argument `raw=True`")
        return method(self, raw=True, **kwargs)
    return f


for _c in (DatetimeAtom, DatetimeVector):  # noqa: F821 (made above)
    _c.py = _datetime_raw_only(_c.py)
    _c.np = _datetime_raw_only(_c.np)
    _c.pd = _datetime_raw_only(_c.pd)
List.t = 0
Table.t = 98
Dictionary.t = 99
KeyedTable.t = 99
Lambda.t = 100
UnaryPrimitive.t = 101
Identity.t = 101
Operator.t = 102
Projection.t = 104
Composition.t = 105
Foreign.t = 112
for _c in (Atom, Vector, Collection, Mapping, K, Function, NumericAtom, TemporalAtom):
    if "t" in _c.__dict__:
        pass


class EnumAtom(Atom):
    __slots__ = ()

    def value(self):
        return _q("value", self)

    def domain(self):
        return _q("key", self)

    def index(self):
        return _q("`long$", self)

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return self.value().py() if not raw else self.index().py()


class EnumVector(Vector):
    __slots__ = ()

    def values(self):
        return _q("value", self)

    def domain(self):
        return _q("key", self)

    def indices(self):
        return _q("`long$", self)

    def py(self, *, raw=False, has_nulls=None, stdlib=True):
        return self.values().py() if not raw else self.indices().py()

    def np(self, *, raw=False, has_nulls=None):
        return self.values().np() if not raw else self.indices().np()

    def pd(self, *, raw=False, has_nulls=None, as_arrow=False):
        import pandas as pd
        if raw:
            return pd.Series(self.indices().np())
        domain = _q("{value key x}", self)  # the categories: the domain's symbols, in order
        return pd.Series(pd.Categorical.from_codes(self.indices().np(), categories=domain.py()))


class Anymap(List): __slots__ = ()


def wrap(ref):
    """The K subclass instance for a KRef (or a Python value, converted)."""
    if not isinstance(ref, _e.KRef):
        ref = _e.toq(ref)
    t = _e.qtype(ref)
    if 20 <= t <= 76:
        cls = EnumVector
    elif -76 <= t <= -20:
        cls = EnumAtom
    elif t == 77:
        cls = Anymap
    else:
        cls = _classes.get(t, Function if 100 <= t <= 111 else K)
    if t == 99 and _e.topy(_e.apply("{98h=type key x}", ref), 1):
        cls = KeyedTable
    elif t == 101:
        shown = _e.show(ref, True)
        if shown == "::":
            cls = Identity
        elif shown == "":
            cls = ProjectionNull
    if t in (15, -15):
        warnings.warn("The q datetime type is deprecated", DeprecationWarning, stacklevel=2)
    obj = object.__new__(cls)
    obj._k = ref
    return obj


from .toq import toq  # noqa: E402

from .exceptions import PyArrowUnavailable, ColumnError  # noqa: E402

_e.set_wrap(wrap)
