"""K objects: Python handles on q values, named and shaped as PyKX names them."""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

QError = _e.QError


class K:
    """A q value.  str() is q's console display; repr() the PyKX-style constructor form."""

    __slots__ = ("_k",)

    def __init__(self, x):
        self._k = x if isinstance(x, _e.KRef) else _e.toq(x)

    @property
    def t(self):
        return _e.qtype(self._k)

    def py(self):
        return _e.topy(self._k, 1)

    def np(self):
        return _e.topy(self._k, 2)

    def pd(self):
        import pandas as pd
        v = _e.topy(self._k, 0)
        if isinstance(v, (pd.DataFrame, pd.Series)):
            return v
        import numpy as np
        return pd.Series(v) if isinstance(v, np.ndarray) else v

    def __str__(self):
        return _e.show(self._k)

    def __repr__(self):
        return "openq.%s(openq.q('%s'))" % (type(self).__name__, _e.show(self._k, True))

    def __len__(self):
        return _e.count(self._k)

    def __getitem__(self, i):
        if isinstance(i, int):
            return wrap(_e.index(self._k, i))
        return wrap(_e.apply(self._k, i))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other):
        try:
            return _e.match(self, other)
        except Exception:  # noqa: BLE001
            return NotImplemented

    def __hash__(self):
        return hash(_e.show(self._k, True))

    def __call__(self, *args):
        return wrap(_e.apply(self._k, *args))

    def __bool__(self):
        v = self.py()
        return bool(v) if not isinstance(v, (list, dict)) else len(v) > 0

    def __int__(self):
        return int(self.py())

    def __float__(self):
        return float(self.py())

    def _arith(self, op, other, swap=False):
        a, b = (other, self) if swap else (self, other)
        return wrap(_e.apply(op, a, b))

    def __add__(self, o): return self._arith("+", o)
    def __radd__(self, o): return self._arith("+", o, True)
    def __sub__(self, o): return self._arith("-", o)
    def __rsub__(self, o): return self._arith("-", o, True)
    def __mul__(self, o): return self._arith("*", o)
    def __rmul__(self, o): return self._arith("*", o, True)
    def __truediv__(self, o): return self._arith("%", o)
    def __rtruediv__(self, o): return self._arith("%", o, True)


class Atom(K): __slots__ = ()
class Vector(K): __slots__ = ()
class List(Vector): __slots__ = ()
class Dictionary(K): __slots__ = ()
class Table(K): __slots__ = ()
class KeyedTable(Dictionary): __slots__ = ()
class Function(K): __slots__ = ()
class Lambda(Function): __slots__ = ()
class UnaryPrimitive(Function): __slots__ = ()
class Identity(UnaryPrimitive): __slots__ = ()
class Operator(Function): __slots__ = ()
class Projection(Function): __slots__ = ()
class Composition(Function): __slots__ = ()
class Foreign(K): __slots__ = ()


_NAMES = ["Boolean", "GUID", None, "Byte", "Short", "Int", "Long", "Real", "Float", "Char",
          "Symbol", "Timestamp", "Month", "Date", "Datetime", "Timespan", "Minute", "Second", "Time"]
_classes = {0: List, 98: Table, 99: Dictionary, 100: Lambda, 101: UnaryPrimitive,
            102: Operator, 104: Projection, 105: Composition, 112: Foreign}
for _i, _n in enumerate(_NAMES, 1):
    if _n:
        _a = type(_n + "Atom", (Atom,), {"__slots__": ()})
        _v = type(_n + "Vector", (Vector,), {"__slots__": ()})
        globals()[_a.__name__] = _a
        globals()[_v.__name__] = _v
        _classes[-_i] = _a
        _classes[_i] = _v


def wrap(ref):
    """The K subclass instance for a KRef (or a Python value, converted)."""
    if not isinstance(ref, _e.KRef):
        ref = _e.toq(ref)
    t = _e.qtype(ref)
    cls = _classes.get(t, Function if 100 <= t <= 111 else K)
    if t == 99 and _e.topy is not None and _e.show(ref).find("--|") >= 0:
        cls = KeyedTable
    if t == 101 and _e.show(ref, True) == "::":
        cls = Identity
    obj = object.__new__(cls)
    obj._k = ref
    return obj


def toq(x):
    """A Python, NumPy or pandas value as a q value."""
    return wrap(_e.toq(x))


_e.set_wrap(wrap)
