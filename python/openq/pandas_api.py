"""The pandas-like methods of Table and KeyedTable (PyKX's PandasAPI), computed by q.

A keyed table's methods act on its value columns and keep its keys.  Aggregations over
columns (axis=0) answer a dictionary column -> value; axis=1 answers one value per row.
"""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from .exceptions import QError


def _q(src, *args):
    from .k import _q as q
    return q(src, *args)


def _names(x):
    if isinstance(x, str):
        return [x]
    from .k import K
    if isinstance(x, K):
        v = x.py()
        return [v] if isinstance(v, str) else list(v)
    return [str(v) for v in x]


_NUMERIC = "bxhijef"  # q type chars aggregations with numeric_only keep


class _Indexer:
    """t.iloc[...] / t.loc[...]: rows by position (or key, for loc on a keyed table)."""

    def __init__(self, table, by_label):
        self._t = table
        self._label = by_label

    def __getitem__(self, key):
        t = self._t
        cols = None
        if isinstance(key, tuple):
            key, cols = key
        rows = self._rows(key)
        r = t._rows(rows)
        if cols is not None:
            r = r._cols(cols)
        return r

    def _rows(self, key):
        from .k import K, BooleanVector
        t = self._t
        n = len(t)
        if isinstance(key, BooleanVector) or isinstance(key, K) and key.t == 1:
            return _e.topy(_e.apply("where", key._k), 1)
        if isinstance(key, slice):
            return list(range(*key.indices(n)))
        if self._label and t._is_keyed():
            keys = key if isinstance(key, list) else [key]
            idx = _e.topy(_e.apply("{k:key x;$[1=count cols k;k[first cols k]?y;"
                                   "(flip value flip k)?y]}", t._k, _q("{x}", keys)._k), 1)
            return idx if isinstance(key, list) else idx[0]
        if isinstance(key, list):
            return [k + n if k < 0 else k for k in key]
        if isinstance(key, int):
            return key + n if key < 0 else key
        raise TypeError(f"unsupported index {key!r}")

    def __setitem__(self, key, value):
        t = self._t
        if isinstance(key, tuple):
            rows, col = key
            idx = self._rows(rows)
            new = _q("{[t;i;c;v] @[t;c;@[;i;:;v]]}", t._plain(), idx, col, value)
            t._replace(new)
        else:
            raise TypeError("set a cell with t.loc[row, column] = value")


class _At:
    """t.at[row, column]: one cell, read or set in place (a key column is read-only)."""

    def __init__(self, table):
        self._t = table

    def _key(self, key):
        if not isinstance(key, tuple) or len(key) != 2:
            raise ValueError("at takes [row, column]")
        row, col = key
        t = self._t
        if t._is_keyed() and col in _q("{cols key x}", t).py():
            raise QError(f"cannot reach the key column {col!r} through at")
        return row, col

    def __getitem__(self, key):
        row, col = self._key(key)
        return _q("{x[z] y}", self._t._plain(), row, col)

    def __setitem__(self, key, value):
        row, col = self._key(key)
        self._t._replace(_q("{[t;i;c;v] @[t;c;@[;i;:;v]]}", self._t._plain(), row, col, value))


class PandasAPI:
    """Mixed into Table and KeyedTable."""

    __slots__ = ()

    def _is_keyed(self):
        return self.t == 99

    def _plain(self):
        return _q("value", self) if self._is_keyed() else self

    def _rekey(self, values):
        if self._is_keyed():
            return _q("{(key x)!y}", self, values)
        return values

    def _replace(self, new):
        object.__setattr__(self, "_k", (self._rekey(new) if self._is_keyed() else new)._k)

    def _rows(self, rows):
        if isinstance(rows, int):
            return _q("{enlist x y}" if not self._is_keyed() else "{(enlist key[x] y)!enlist value[x] y}",
                      self, rows)
        return _q("{x y}" if not self._is_keyed() else "{(key[x] y)!value[x] y}", self,
                  _q('{"j"$x}', list(rows)))

    def _cols(self, cols):
        names = self._plain().columns.py()
        if isinstance(cols, slice):
            lo = names.index(cols.start) if isinstance(cols.start, str) else (cols.start or 0)
            hi = names.index(cols.stop) + 1 if isinstance(cols.stop, str) else cols.stop
            pick = names[lo:hi] if cols.step is None else names[lo:hi:cols.step]
        else:
            pick = _names(cols)
        return self._rekey(_q("{flip y!x y}", self._plain(), pick))

    @property
    def at(self):
        return _At(self)

    @property
    def replace_self(self):
        return False

    @property
    def iloc(self):
        return _Indexer(self, False)

    @property
    def loc(self):
        return _Indexer(self, True)

    @property
    def empty(self):
        return len(self) == 0

    @property
    def ndim(self):
        return 2

    @property
    def size(self):
        return len(self) * len(self._plain().columns)

    def head(self, n=5):
        return _q("{y sublist x}", self, n)

    def tail(self, n=5):
        return _q("{neg[y] sublist x}", self, n)

    def get(self, key, default=None):
        names = self._plain().columns.py() + (_q("{cols key x}", self).py() if self._is_keyed()
                                               else [])
        want = _names(key)
        if any(k not in names for k in want):
            if default is not None:
                return default
            raise QError(f"inaccessible column: {[k for k in want if k not in names][0]}")
        flat = _q("0!", self) if self._is_keyed() else self
        if isinstance(key, list):
            return _q("{flip y!x y}", flat, want)
        return _q("{x y}", flat, want[0])

    def pop(self, item):
        want = _names(item)
        popped = _q("{flip y!x y}", self._plain(), want)
        self._replace(_q("{(cols[x] except y)#x}", self._plain(), want))
        return popped

    def drop(self, item=None, axis=0, index=None, columns=None, level=None, errors="raise"):
        if columns is not None or axis == 1 and item is not None:
            want = _names(columns if columns is not None else item)
            have = self._plain().columns.py()
            if errors == "raise" and any(w not in have for w in want):
                raise ValueError(f"Column(s) {[w for w in want if w not in have]} not found")
            return self._rekey(_q("{(cols[x] except y)#x}", self._plain(), want))
        rows = index if index is not None else item
        rows = rows if isinstance(rows, list) else [rows]
        if self._is_keyed():
            return _q("{k:key x;x where not $[1=count cols k;k[first cols k];"
                      "flip value flip k] in y}", self, rows)
        return _q("{x (til count x) except y}", self, rows)

    def rename(self, labels=None, index=None, columns=None, axis=0, copy=None, inplace=False,
               level=None, errors="ignore", mapper=None):
        mapping = columns if columns is not None else labels if axis in (1, "columns") else \
            columns
        if mapping is None:
            return self
        r = self._rekey(_q("{(cols[x]^y cols x) xcol x}",
                           self._plain(), {str(k): str(v) for k, v in mapping.items()}))
        if inplace:
            object.__setattr__(self, "_k", r._k)
            return None
        return r

    @staticmethod
    def _label_axis(axis):
        if axis in (None, 1, "columns"):
            return
        if axis in (0, "index"):
            raise NotImplementedError("renaming the index labels is not supported")
        raise ValueError(f"No axis named {axis}")

    def add_prefix(self, prefix, axis=None):
        self._label_axis(axis)
        return self._rekey(_q('{(`$y,/:string cols x) xcol x}', self._plain(), prefix.encode()))

    def add_suffix(self, suffix, axis=None):
        self._label_axis(axis)
        return self._rekey(_q('{(`$(string cols x),\\:y) xcol x}', self._plain(),
                              suffix.encode()))

    def _agg(self, fn, axis=0, numeric_only=False, skipna=True):
        t = self._plain()
        if numeric_only:
            t = _q('{(exec c from meta x where t in "' + _NUMERIC + '")#x}', t)
        if axis in (1, "columns"):
            return _q("{" + fn + " each value each x}", t)
        return _q("{" + fn + " each flip x}", t)

    def sum(self, axis=0, skipna=True, numeric_only=False, min_count=0):
        if min_count and axis in (1, "columns"):
            t = self._plain()
            if numeric_only:
                t = _q('{(exec c from meta x where t in "' + _NUMERIC + '")#x}', t)
            return _q("{[t;n] {$[y>count x;0n;sum x]}[;n] each value each t}", t, min_count)
        return self._agg("{$[11h=type x;`$raze string x;sum x]}", axis, numeric_only)

    def prod(self, axis=0, skipna=True, numeric_only=False, min_count=0):
        return self._agg("prd", axis, numeric_only)

    def min(self, axis=0, skipna=True, numeric_only=False):
        return self._agg("{$[11h=type x;first asc x;min x]}", axis, numeric_only)

    def max(self, axis=0, skipna=True, numeric_only=False):
        return self._agg("{$[11h=type x;last asc x;max x]}", axis, numeric_only)

    def _by_row(self, fn, axis, numeric_only):
        """fn over columns (axis 0), or over rows keyed by `$string row (axis 1)."""
        r = self._agg(fn, axis, numeric_only)
        if axis in (1, "columns"):
            return _q("{(`$string til count x)!x}", r)
        return r

    def mean(self, axis=0, numeric_only=False):
        return self._by_row("avg", axis, numeric_only)

    def median(self, axis=0, numeric_only=False):
        return self._by_row("med", axis, numeric_only)

    def std(self, axis=0, skipna=True, numeric_only=False, ddof=1):
        fn = "{sqrt (sum d*d:x-avg x)%count[x]-" + str(int(ddof)) + "}"
        return self._by_row(fn, axis, numeric_only)

    def sem(self, axis=0, skipna=True, ddof=1, numeric_only=False):
        fn = "{(sqrt (sum d*d:x-avg x)%count[x]-" + str(int(ddof)) + ")%sqrt count x}"
        return self._by_row(fn, axis, numeric_only)

    def idxmax(self, axis=0, skipna=True, numeric_only=False):
        return self._by_row("{x?max x}", axis, numeric_only)

    def idxmin(self, axis=0, skipna=True, numeric_only=False):
        return self._by_row("{x?min x}", axis, numeric_only)

    def all(self, axis=0, bool_only=False, skipna=True):
        return self._agg("all", axis)

    def any(self, axis=0, bool_only=False, skipna=True):
        return self._agg("any", axis)

    def count(self, axis=0, numeric_only=False):
        return self._agg("{sum not null x}", axis, numeric_only)

    def abs(self, numeric_only=False):
        t = self._plain()
        if numeric_only:
            t = _q('{(exec c from meta x where t in "' + _NUMERIC + '")#x}', t)
        return self._rekey(_q("abs", t))

    def isna(self):
        return self._rekey(_q("null", self._plain()))

    isnull = isna

    def notna(self):
        return self._rekey(_q("not null@", self._plain()))

    notnull = notna

    def sort_values(self, by=None, ascending=True):
        if by is None:
            by = self._plain().columns.py()
        return _q("{y xasc x}" if ascending else "{y xdesc x}", self, _names(by))

    def sample(self, n=1, replace=False):
        return _q("{x neg[y]?count x}" if not replace else "{x y?count x}", self, n)
