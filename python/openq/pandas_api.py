"""The pandas-like methods of Table and KeyedTable (PyKX's PandasAPI), computed by q.

A keyed table's methods act on its value columns and keep its keys.  Aggregations over
columns (axis=0) answer a dictionary column -> value; axis=1 answers one value per row.
"""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

import weakref

from .exceptions import QError

_REPLACE_SELF = {}  # id of a table object -> True while its replace_self is set


def _q(src, *args):
    from .k import _q as q
    return q(src, *args)


def _e_fn(src):
    """the q function src, to pass to another"""
    from .k import wrap
    return wrap(_e.eval(src))


def _names(x):
    if isinstance(x, str):
        return [x]
    from .k import K
    if isinstance(x, K):
        v = x.py()
        return [v] if isinstance(v, str) else list(v)
    return [str(v) for v in x]


_NUMERIC = "bxhijef"  # q type chars aggregations with numeric_only keep


def _amend(t, rows, col, value):
    """Table t with column col's items at rows set to value."""
    return _q("{[t;i;c;v] @[t;c;:;@[t c;i;:;v]]}", t, rows, col, value)


class _Indexer:
    """t.iloc[...] / t.loc[...]: rows by position (or key, for loc on a keyed table)."""

    def __init__(self, table, by_label):
        self._t = table
        self._label = by_label

    @staticmethod
    def _mask(key):
        """A one-column boolean table (t['c'] < 5 on a keyed table) as its boolean vector."""
        from .k import K
        if isinstance(key, K) and key.t in (98, 99) and \
                _q("{$[99h=type x;1=count cols value x;98h=type x;1=count cols x;0b]}", key).py():
            col = _q("{first value flip $[99h=type x;value x;x]}", key)
            if col.t == 1:
                return col
        if isinstance(key, tuple):
            return tuple(_Indexer._mask(k) for k in key)
        return key

    def __getitem__(self, key):
        from .k import K
        t = self._t
        cols = None
        key = self._mask(key)
        if self._label and not isinstance(key, tuple) and not isinstance(key, slice) and \
                not (isinstance(key, K) and key.t == 1):
            # loc by label, as PyKX: a keyed table looks the keys up (one key: its row as a
            # dictionary; a list: the rows' values); a table answers one-row tables
            if t._is_keyed():
                return t[key]
            if isinstance(key, list):
                return _q("{enlist each x y}", t, _q('{"j"$x}', key))
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
        key = self._mask(key)
        if not isinstance(key, tuple) or len(key) != 2 or not isinstance(key[1], str):
            raise ValueError("set cells with t.loc[rows, 'column'] = value")
        rows, col = key
        idx = self._rows(rows)
        t._replace(_amend(t._plain(), idx, col, value))


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
        self._t._replace(_amend(self._t._plain(), row, col, value))


# ---- merge (pandas' DataFrame.merge over q tables) ---------------------------------------
#
# pandas decides which rows pair up and in what order (its rules for how=/sort= are long
# and version-dependent, so it is asked directly, on the key columns and row numbers only);
# q gathers the columns by those row numbers, a missing side giving q's typed nulls.

def _key_frame(t, names, index, tag):
    """A pandas frame of t's join keys (or its index) and its row numbers as column tag."""
    import numpy as np
    import pandas as pd
    n = len(t)
    if index:
        if t._is_keyed():
            kt = _q("key", t)
            kn = kt.columns.py()
            idx = pd.MultiIndex.from_arrays([_pd_keys(kt[c]) for c in kn], names=kn) \
                if len(kn) > 1 else pd.Index(_pd_keys(kt[kn[0]]), name=kn[0])
        else:
            kn, idx = [], pd.RangeIndex(n)
        return pd.DataFrame({tag: np.arange(n)}, index=idx), kn
    flat = _q("0!", t) if t._is_keyed() else t
    f = pd.DataFrame({c: _pd_keys(flat[c]) for c in names})
    f[tag] = np.arange(n)
    return f, []


def _pd_keys(col):
    """A key column as pandas compares it: symbols as str, q nulls as None."""
    v = col.py()
    v = v if isinstance(v, list) else list(v)
    if col.t == 11:  # the null symbol is pandas' missing key (None sorts last, matches None)
        v = [None if x == "" else x for x in v]
    return v


def _listify(x):
    if x is None:
        return None
    return [x] if isinstance(x, str) else [str(v) for v in x]


class _Merge:
    """Mixed into PandasAPI: merge and merge_asof."""

    __slots__ = ()

    def merge(self, right, how="inner", on=None, left_on=None, right_on=None, left_index=False,
              right_index=False, sort=False, suffixes=("_x", "_y"), copy=True, validate=None,
              q_join=False):
        import numpy as np
        import pandas as pd
        from .k import K, wrap
        left = self
        if not isinstance(right, K):
            from .toq import toq
            right = toq(right)
        if q_join:
            return self._q_join(right, how)
        if how == "cross":
            if on is not None or left_on is not None or right_on is not None or \
                    left_index or right_index:
                raise ValueError("Can not pass on, right_on, left_on or set right_index=True "
                                 "or left_index=True")
        if how not in ("inner", "left", "right", "outer", "cross"):
            raise ValueError(f"how must be inner, left, right, outer or cross, not {how!r}")
        on, left_on, right_on = _listify(on), _listify(left_on), _listify(right_on)
        lcols = _q("{cols 0!x}", left).py()
        rcols = _q("{cols 0!x}", right).py()
        if how == "cross":
            lk = rk = []
        elif left_index or right_index:
            lk = left_on or []
            rk = right_on or []
        elif on is None and left_on is None:
            on = [c for c in lcols if c in rcols]
            if not on:
                raise ValueError("No common columns to perform merge on")
        if on is not None:
            lk, rk = on, on
        elif how != "cross" and not (left_index or right_index):
            lk, rk = left_on or [], right_on or []
            if len(lk) != len(rk):
                raise ValueError("len(right_on) must equal len(left_on)")
        for c in lk:
            if c not in lcols:
                raise KeyError(c)
        for c in rk:
            if c not in rcols:
                raise KeyError(c)
        lf, lkn = _key_frame(left, lk, left_index, "__l")
        rf, rkn = _key_frame(right, rk, right_index, "__r")
        if how == "cross":
            m = lf.merge(rf, how="cross")
        else:
            kw = dict(how=how, sort=sort, validate=validate)
            kw.update(left_index=True) if left_index else kw.update(left_on=lk)
            kw.update(right_index=True) if right_index else kw.update(right_on=rk)
            try:
                m = lf.merge(rf, **kw)
            except pd.errors.MergeError as err:
                raise ValueError(str(err)) from None
        li = m["__l"].to_numpy(dtype="float64")
        ri = m["__r"].to_numpy(dtype="float64")
        li = np.where(np.isnan(li), -1, li).astype("int64")
        ri = np.where(np.isnan(ri), -1, ri).astype("int64")
        lt = _q("{@[x;where x<0;:;0N]}", li)
        rt = _q("{@[x;where x<0;:;0N]}", ri)
        lflat = _q("0!", left) if left._is_keyed() else left
        rflat = _q("0!", right) if right._is_keyed() else right
        if how == "cross":  # keys take no part: the pairs are numbered afresh
            lflat, rflat = left._plain(), right._plain()
            lcols, rcols = lflat.columns.py(), rflat.columns.py()
        shared = [c for c in lk if c in rk and lk.index(c) == rk.index(c)] if on is not None \
            else []
        if left_index and right_index:
            shared = [c for c in lkn if c in rkn]
        # each output column: (name, source table, source name, coalesce with right?)
        lsx, rsx = suffixes if suffixes is not None else (None, None)
        lout = [c for c in lcols]
        rout = [c for c in rcols if c not in shared]
        overlap = set(lout) & set(rout)
        overlap -= set(shared)
        if overlap and (not lsx and not rsx):
            raise ValueError(f"columns overlap but no suffix specified: {sorted(overlap)}")
        names, cols = [], []
        for c in lout:
            v = _q("{x[y] z}", lflat, c, lt)
            if c in shared:
                v = _q("{[v;r;c;ri;li] @[v;w;:;r[c] ri w:where null li]}", v, rflat, c, rt, lt)
            names.append(c + lsx if c in overlap and lsx else c)
            cols.append(v)
        for c in rout:
            names.append(c + rsx if c in overlap and rsx else c)
            cols.append(_q("{x[y] z}", rflat, c, rt))
        res = _q("{flip x!y}", names, cols)
        keyed = None
        if left_index and right_index and (lkn or rkn):
            keyed = [c for c in (lkn or rkn) if c in names]
        elif how != "cross" and left._is_keyed() and not (left_index or right_index):
            keyed = [c for c in _q("{cols key x}", left).py() if c in names and c in shared]
        if keyed:
            res = _q("{y xkey x}", res, keyed)
        elif how == "cross" and (left._is_keyed() or right._is_keyed()):
            res = _q("{1!([]idx:til count x),'x}", res)  # pandas numbers the pairs
        res = wrap(res._k)
        if copy is False:
            object.__setattr__(self, "_k", res._k)
        return self._answer(res)

    def _q_join(self, right, how):
        if how == "inner":
            if not right._is_keyed():
                raise ValueError("Inner Join requires a keyed table for the right dataset.")
            return _q("ij", self, right)
        if how == "left":
            if not right._is_keyed():
                raise ValueError("Left Join requires a keyed table for the right dataset.")
            return _q("lj", self, right)
        if how == "right":
            if not self._is_keyed():
                raise ValueError("Right Join requires a keyed table for the left dataset.")
            keys = _q("{cols key x}", self)
            return _q("{z xkey y lj x}", self, right, keys)
        raise ValueError(f"q_join supports how='inner', 'left' or 'right', not {how!r}")


def _sym_atom():
    from .k import SymbolAtom
    return SymbolAtom


def _sym_vector():
    from .k import SymbolVector
    return SymbolVector


def _glist(items):
    """A general list of K objects (one q list per item, never joined into a vector)."""
    r = _q("{enlist x}", items[0])
    for v in items[1:]:
        r = _q("{x,enlist y}", r, v)
    return r


class PandasAPI(_Merge):
    """Mixed into Table and KeyedTable."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("PandasAPI is a mixin of Table and KeyedTable, not made by itself")

    def _is_keyed(self):
        return self.t == 99

    # q's table verbs that PyKX puts on Table

    def window_join(self, table, windows, cols, aggs):
        """wj[windows; cols; self; (table; (f; `c0; ...); ...)], each result named by its key
        in aggs ({'new': [f, 'c0', 'c1']}); f is a q function or a Python callable."""
        from .k import K
        from .toq import toq
        specs = [toq([f if isinstance(f, K) else toq(f)] + [toq(c, _sym_atom()) for c in cs])
                 for f, *cs in aggs.values()]
        return _q("{[w;c;t;q;a;n] r:wj[w;c;t;enlist[q],a]; (((neg count n)_cols r),n) xcol r}",
                  windows, toq(list(cols), _sym_vector()), self, table, _glist(specs),
                  toq(list(aggs), _sym_vector()))

    def xbar(self, values):
        """update n xbar c from self, for each c: n of values ({column: n})."""
        names = self._plain().columns.py()
        bad = [c for c in values if not isinstance(c, str) or c not in names]
        if bad:
            raise QError(f"Column(s) supplied not present in table: {bad}")
        from .toq import toq
        return _q("{[t;c;n] ![t;();0b;c!{(xbar;x;y)}'[n;c]]}", self,
                  toq(list(values), _sym_vector()), list(values.values()))

    def set_index(self, keys, append=False, verify_integrity=False):
        """Keyed by the columns keys (after its own keys, with append=True)."""
        if isinstance(keys, str):
            keys = [keys]
        keys = list(keys)
        if append and self._is_keyed():
            keys = _q("{cols key x}", self).py() + keys
        from .toq import toq
        return _q("{y xkey 0!x}", self, toq(keys, _sym_vector()))

    def _table_attr(self, attr, cols):
        """Attribute attr (`s, `u, `p, `g) on cols (the first column by default), in place."""
        if cols is None:
            cols = [self._plain().columns.py()[0] if not self._is_keyed() else
                    _q("{first cols key x}", self).py()]
        elif isinstance(cols, str):
            cols = [cols]
        from .toq import toq
        r = _q("{[t;c] k:$[99h=type t;count cols key t;0]; $[k;k!;::] @[0!t;c;" + attr + "#]}",
               self, toq(list(cols), _sym_vector()))
        object.__setattr__(self, "_k", r._k)
        return self

    def sorted(self, cols=None):
        return self._table_attr("`s", cols)

    def unique(self, cols=None):
        return self._table_attr("`u", cols)

    def parted(self, cols=None):
        return self._table_attr("`p", cols)

    def grouped(self, cols=None):
        return self._table_attr("`g", cols)

    def reorder_columns(self, cols, inplace=False):
        """The table with cols first, in that order (q's xcols)."""
        if isinstance(cols, str):
            cols = [cols]
        if not isinstance(cols, list):
            raise QError("Supplied column is not a string or list")
        names = self._plain().columns.py()
        for c in cols:
            if c not in names:
                raise QError(f'Supplied column "{c}" not in table columns')
        from .toq import toq
        r = _q("xcols", toq(cols, _sym_vector()), self)
        if inplace:
            object.__setattr__(self, "_k", r._k)
        return r

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
        """When True, the methods that answer a new table also make it this table's value."""
        return _REPLACE_SELF.get(id(self), False)

    @replace_self.setter
    def replace_self(self, on):
        if on and id(self) not in _REPLACE_SELF:
            weakref.finalize(self, _REPLACE_SELF.pop, id(self), None)
        _REPLACE_SELF[id(self)] = bool(on)

    def _answer(self, r):
        """r, a method's new table; with replace_self it becomes this object's value too."""
        if self.replace_self:
            object.__setattr__(self, "_k", r._k)
        return r

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
        return self._answer(_q("{y sublist x}", self, n))

    def tail(self, n=5):
        return self._answer(_q("{neg[y] sublist x}", self, n))

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
        if min_count:  # fewer than min_count values: NaN, as pandas
            return self._agg("{$[" + str(int(min_count)) + ">count x;0n;prd x]}", axis,
                             numeric_only)
        return self._agg("prd", axis, numeric_only)

    def min(self, axis=0, skipna=True, numeric_only=False):
        return self._agg("{$[11h=type x;first asc x;min x]}", axis, numeric_only)

    def max(self, axis=0, skipna=True, numeric_only=False):
        return self._agg("{$[11h=type x;last asc x;max x]}", axis, numeric_only)

    def _by_row(self, fn, axis, numeric_only):
        """fn over columns (axis 0), or over rows keyed by `$string row (axis 1); a row
        statistic over a column that is not a number is 'type (pandas' TypeError)."""
        if axis in (1, "columns") and not numeric_only and \
                _q('{any not (exec t from meta x) in "' + _NUMERIC + '"}', self._plain()):
            raise QError("type")
        r = self._agg(fn, axis, numeric_only)
        if axis in (1, "columns"):
            return _q("{(`$string til count x)!x}", r)
        return r

    def mean(self, axis=0, numeric_only=False):
        return self._by_row("avg", axis, numeric_only)

    def median(self, axis=0, numeric_only=False):
        return self._by_row("med", axis, numeric_only)

    # skipna: the statistics below are of a column's (or row's) values that are not null
    _SKIP = '{x:"f"$x where not null x;'

    def std(self, axis=0, skipna=True, numeric_only=False, ddof=1):
        # pandas: no degrees of freedom left (count <= ddof) is NaN, not infinity
        d = str(int(ddof))
        fn = self._SKIP + "$[count[x]>" + d + ";sqrt (sum d*d:x-avg x)%count[x]-" + d + ";0n]}"
        return self._by_row(fn, axis, numeric_only)

    def sem(self, axis=0, skipna=True, ddof=1, numeric_only=False):
        d = str(int(ddof))
        fn = self._SKIP + "$[count[x]>" + d + ";(sqrt (sum d*d:x-avg x)%count[x]-" + d + \
            ")%sqrt count x;0n]}"
        return self._by_row(fn, axis, numeric_only)

    def kurt(self, axis=0, skipna=True, numeric_only=False):
        """pandas' unbiased excess kurtosis (nanops.nankurt), its operations in its order
        (q's right-to-left parenthesised): fewer than four values NaN, no spread 0"""
        fn = (self._SKIP + "n:count x;d:x-(sum x)%n;d2:d*d;m2:sum d2;m4:sum d2*d2;"
              "adj:(3*(n-1)*n-1)%(n-2)*n-3;num:(((n*n+1)*n-1)*m4);den:((n-2)*n-3)*m2*m2;"
              "num:$[1e-14>abs num;0f;num];den:$[1e-14>abs den;0f;den];"
              "$[n<4;0n;den=0;0f;(num%den)-adj]}")
        return self._by_row(fn, axis, numeric_only)

    kurtosis = kurt

    def mode(self, axis=0, numeric_only=False, dropna=True):
        """each column's (axis 1: row's) most frequent values, ascending (nulls last, counted
        only without dropna), as a table padded with nulls; axis 1 names its columns 0 1 .."""
        t = self._plain()
        if numeric_only:
            t = _q('{(exec c from meta x where t in "' + _NUMERIC + '")#x}', t)
        one = ("{u:" + ("x where not null x" if dropna else "x") +
               ";$[0=count u;0#x;[g:count each group u;m:asc where g=max g;(m where not null m),"
               "m where null m]]}")
        pad = "{n:max count each x;{[n;v] n#v,(n-count v)#enlist first 0#v}[n] each x}"
        if axis in (1, "columns"):
            return _q("{[o;p;t] m:p o each value each t;flip (`$string til count m 0)!flip m}",
                      _e_fn(one), _e_fn(pad), t)
        return _q("{[o;p;t] flip (cols t)!p o each value flip t}", _e_fn(one), _e_fn(pad), t)

    def _idx(self, fn, axis, numeric_only):
        """idxmax/idxmin: per column the row of fn; per row (axis 1) the column's name."""
        if axis in (1, "columns"):
            t = self._plain()
            if numeric_only:
                t = _q('{(exec c from meta x where t in "' + _NUMERIC + '")#x}', t)
            return _q("{(til count x)!{[c;r] c r?" + fn + " r}[cols x] each \"f\"$value each x}",
                      t)
        return self._by_row("{x?" + fn + " x}", axis, numeric_only)

    def idxmax(self, axis=0, skipna=True, numeric_only=False):
        return self._idx("max", axis, numeric_only)

    def idxmin(self, axis=0, skipna=True, numeric_only=False):
        return self._idx("min", axis, numeric_only)

    # truth as pandas has it: a symbol is true when not empty, a number when not zero
    _TRUTH = "{$[type[x] in -2 -11h;not null x;0<>x]} each "

    def _bools(self, bool_only):
        t = self._plain()
        return _q('{(exec c from meta x where t="b")#x}', t) if bool_only else t

    def all(self, axis=0, bool_only=False, skipna=True):
        t = self._bools(bool_only)
        fn = "{all " + self._TRUTH + "x}"
        return _q("{" + fn + " each value each x}" if axis in (1, "columns") else
                  "{" + fn + " each flip x}", t)

    def any(self, axis=0, bool_only=False, skipna=True):
        t = self._bools(bool_only)
        fn = "{any " + self._TRUTH + "x}"
        return _q("{" + fn + " each value each x}" if axis in (1, "columns") else
                  "{" + fn + " each flip x}", t)

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

    def apply(self, func, *args, axis=0, raw=None, result_type=None, **kwargs):
        """func of each column (axis 0) or row (axis 1), with args (and kwargs, for a Python
        func) after it; a q function that answers a projection is applied to args.  Columns
        whose results flip make a table, else a dictionary column -> result; rows' lists of
        results make a table of the columns, other results one item per row."""
        for name, v in (("raw", raw), ("result_type", result_type)):
            if v is not None:
                raise NotImplementedError(f"pykx.{type(self).__name__}.apply() is only "
                                          f"available for use when the '{name}' parameter is "
                                          f"set to None")
        if not callable(func):
            raise RuntimeError(f"Provided value '{func}' is not callable")
        from .k import K
        from .toq import toq
        t = self._plain()
        data = _q("{value flip x}" if axis in (0, "index") else "{flip value flip x}", t)
        if isinstance(func, K):
            if kwargs:
                raise QError("ERROR: Passing key word arguments to q is not supported")
            res = _q("{[f;a;d] {[f;a;x] r:f x; $[(104h=type r) and count a; r . a; r]}[f;a] "
                     "each d}", func, _q("{1_(::),x}", [toq(a)._k for a in args]), data)
        else:
            res = _q("{{x} each 1_(::),x}", [toq(func(data[i], *args, **kwargs))._k
                                             for i in range(len(data))])
        if axis in (0, "index"):
            return _q("{k:cols[x]!y; @[flip;k;{[x;y]x}k]}", t, res)
        if res.t == 0:
            res = _q("{flip cols[x]!flip y}", t, res)
        return self._rekey(res) if res.t == 98 else res

    def sort_values(self, by=None, ascending=True):
        if by is None:
            by = self._plain().columns.py()
        return _q("{y xasc x}" if ascending else "{y xdesc x}", self, _names(by))

    def _append(self, method, row, match_schema, test_insert, inplace):
        """q's insert (through a global, as insert needs a name) or upsert of row."""
        from .embedded import q
        if method == "insert":
            q[".openq.i.itab"] = self
            try:
                r = q.insert(".openq.i.itab", row, match_schema, test_insert)
                if not test_insert:
                    r = q[".openq.i.itab"]
            finally:
                _q("{delete itab from `.openq.i}", None)
        else:
            r = q.upsert(self, row, match_schema, test_insert)
        if inplace:
            object.__setattr__(self, "_k", r._k)
        return r

    def insert(self, row, match_schema=False, test_insert=False, inplace=True):
        return self._append("insert", row, match_schema, test_insert, inplace)

    def upsert(self, row, match_schema=False, test_insert=False, inplace=True):
        return self._append("upsert", row, match_schema, test_insert, inplace)

    def sample(self, n=1, replace=False):
        return _q("{x neg[y]?count x}" if not replace else "{x y?count x}", self, n)



# ---- groupby: pandas' DataFrame.groupby over q's select by ---------------------------------

# the q form of each aggregation (nulls skipped as pandas skips NaN; a symbol column's sum
# is its text joined and its min/max by sort order, as pandas does with strings)
_GROUP_AGGS = {
    "mean": "avg", "median": "med", "prod": "prd",
    "sum": "{$[11h=type x;`$raze string x;sum x]}",
    "min": "{$[11h=type x;first asc x;min x]}", "max": "{$[11h=type x;last asc x;max x]}",
    "count": "{sum not null x}", "nunique": "{count distinct x where not null x}",
    "first": "first", "last": "last",
    "std": '{x:"f"$x where not null x;$[1<count x;sqrt (sum d*d:x-avg x)%count[x]-1;0n]}',
    "var": '{x:"f"$x where not null x;$[1<count x;(sum d*d:x-avg x)%count[x]-1;0n]}',
}


class GroupbyTable:
    """tab.groupby(...): aggregations per group as keyed tables (as_index) or tables, and
    head/tail of each group in the table's row order."""

    def __init__(self, tab, keys, as_index, sort, dropna, from_index, cols=None):
        self._tab, self._keys, self._as_index = tab, keys, as_index
        self._sort, self._dropna, self._from_index, self._cols = sort, dropna, from_index, cols

    @property
    def ndim(self):
        return 1 if isinstance(self._cols, str) else 2

    def __getitem__(self, cols):
        return GroupbyTable(self._tab, self._keys, self._as_index, self._sort, self._dropna,
                            self._from_index, cols)

    def _table(self):
        """the table's rows (keys and values as columns), rows with a null key left out
        unless dropna=False"""
        t = _q("0!", self._tab)
        if self._dropna:
            t = _q("{x where not any null x y}", t, self._keys)
        return t

    def _values(self):
        if self._cols is not None:
            return _names(self._cols)
        vals = self._tab._plain().columns.py()
        return [c for c in vals if c not in self._keys]

    def _agg(self, name):
        fn = _e_fn(_GROUP_AGGS[name])
        r = _q("{[t;g;v;f;s] r:?[t;();g!g;v!{(x;y)}[f] each v];"
               "$[s;r;{x!y x}[distinct ?[t;();0b;g!g];r]]}",
               self._table(), self._keys, self._values(), fn, self._sort)
        if self._as_index:
            return r
        r = _q("0!", r)
        return _q("{y _ x}", r, self._keys) if self._from_index else r

    def _rows(self, n, last):
        # the rows of each group (a null key's only without dropna), back in table order
        i = _q("{[t;g;n;l;d] i:asc raze $[l;neg[n] sublist/:;n sublist/:] value group "
               "?[t;();0b;g!g]; $[d;i where not any null t[g;i];i]}",
               _q("0!", self._tab), self._keys, n, last, self._dropna)
        r = self._tab._rows(i.py())
        if self._cols is not None:
            r = r._cols(self._cols) if hasattr(r, "_cols") else r
        return r

    def head(self, n=5):
        return self._rows(n, False)

    def tail(self, n=5):
        return self._rows(n, True)


def _agg_method(name):
    def method(self):
        return self._agg(name)
    method.__name__ = name
    method.__doc__ = f"{name} of each group's values (pandas' GroupBy.{name})"
    return method


for _n in _GROUP_AGGS:
    setattr(GroupbyTable, _n, _agg_method(_n))


def _groupby(self, by=None, axis=0, level=None, as_index=True, sort=True, group_keys=True,
             observed=False, dropna=True):
    if by is not None and level is not None:
        raise RuntimeError("groupby takes by or level, not both")
    if callable(by) and not isinstance(by, (str,)) and not hasattr(by, "py"):
        raise NotImplementedError("groupby by a function")
    if observed:
        raise NotImplementedError("groupby with observed=True")
    if not group_keys:
        raise NotImplementedError("groupby with group_keys=False")
    if axis not in (0, "index"):
        raise NotImplementedError("groupby along columns (axis=1)")
    keycols = _q("{cols key x}", self).py() if self._is_keyed() else []
    if level is not None:
        levels = [level] if isinstance(level, (int, str)) else list(level)
        keys = []
        for lv in levels:
            if isinstance(lv, str) and lv in keycols:
                keys.append(lv)
            elif isinstance(lv, int) and 0 <= lv < len(keycols):
                keys.append(keycols[lv])
            else:
                raise KeyError(f"level {lv} is not a key column of this table")
    else:
        if by is None:
            raise TypeError("groupby needs by or level")
        keys = _names(by)
        have = keycols + self._plain().columns.py()
        for k in keys:
            if k not in have:
                raise KeyError(k)
    from_index = all(k in keycols for k in keys)
    return GroupbyTable(self, keys, as_index, sort, dropna, from_index)


# ---- dtypes: astype and select_dtypes by PyKX wrapper classes ------------------------------

_COMPLEX_CAST = ("This method can only handle casting string complex columns to symbols.  "
                 "Other complex column data or casting to other data is not supported.")


def _wrapper_class(x):
    """A K class from a class, 'kx.LongVector' or 'LongVector'; QError when none matches."""
    from . import k
    if isinstance(x, type) and issubclass(x, k.K):
        return x
    if isinstance(x, str):
        name = x[3:] if x.startswith("kx.") else x
        c = getattr(k, name, None)
        if isinstance(c, type) and issubclass(c, k.K):
            return c
    raise QError("Value passed does not match PyKX wrapper type")


def _vector_class(c):
    """The vector class of an atom or vector class (SymbolAtom -> SymbolVector)."""
    from . import k
    if issubclass(c, k.Atom) and isinstance(c.t, int) and -20 < c.t < 0:
        return k._classes[-c.t]
    return c


def _astype(self, dtype, copy=True, errors="raise"):
    from . import k
    if copy is not True:
        raise NotImplementedError("Currently only the default value when copy is set to True "
                                  "is supported")
    t = self._plain()
    names = t.columns.py()
    if isinstance(dtype, dict):
        for c in dtype:
            if c not in names:
                raise ValueError("Column name passed in dictionary not present in df table")
        plan = {c: _vector_class(_wrapper_class(v)) for c, v in dtype.items()}
    else:
        cls = _vector_class(_wrapper_class(dtype))
        plan = {c: cls for c in names}
    cols = dict(zip(names, t.values()))
    out = {}
    for c in names:
        v = cols[c]
        if c not in plan or type(v) is plan[c]:
            out[c] = v
            continue
        want = plan[c]
        if v.t == 0 or v.t == 10 and want is not k.SymbolVector:
            # a list column: only strings (or chars) to symbols
            strings = v.t == 0 and all(isinstance(x, k.CharVector) for x in v)
            if want is k.SymbolVector and strings:
                out[c] = _q("`$", v)
                continue
            if errors == "ignore":
                out[c] = v
                continue
            raise ValueError(_COMPLEX_CAST)
        try:
            out[c] = _q("{x$y}", want.t, v) if want.t != 11 else _q("{`$string x}", v)
        except QError as err:
            if errors == "ignore":
                out[c] = v
                continue
            raise QError(f"Not supported: Error casting {type(v).__name__} to "
                         f"{want.__name__} with q error: {err}") from None
    return self._answer(self._rekey(_q("{flip x!y}", names, [out[c] for c in names])))


def _kind(col):
    """A column's class for select_dtypes: the atom class of a vector, List for a mixed one."""
    from . import k
    if col.t == 0:
        return k.List
    return k._classes.get(-col.t, type(col)) if 0 < col.t < 20 else type(col)


def _select_dtypes(self, include=None, exclude=None):
    from . import k
    if include is None and exclude is None:
        raise ValueError("Expecting either include or exclude param to be passed")

    def norm(x, verb):
        if x is None:
            return []
        out = []
        for v in (x if isinstance(x, (list, tuple)) else [x]):
            c = _wrapper_class(v)
            if c is k.CharVector:
                raise Exception("'CharVector' not supported. Use 'CharAtom' for columns of "
                                f"char atoms. 'kx.List' will {verb} any columns containing "
                                "mixed list data.")
            if issubclass(c, k.Vector) and c is not k.List and isinstance(c.t, int) and \
                    0 < c.t < 20:
                c = k._classes[-c.t]
            out.append(c)
        return out

    inc, exc = norm(include, "include"), norm(exclude, "exclude")
    if set(inc) & set(exc):
        raise ValueError("Include and Exclude lists have overlapping elements")
    t = self._plain()
    keep = [c for c, v in zip(t.columns.py(), t.values())
            if (not inc or _kind(v) in inc) and _kind(v) not in exc]
    if not keep:
        return _q("::")
    return self._rekey(_q("{flip y!x y}", t, keep))


def _drop_duplicates(self, subset=None, keep="first", inplace=False, ignore_index=False):
    if subset is not None or keep != "first" or inplace or ignore_index:
        raise NotImplementedError("drop_duplicates supports only its defaults")
    return self._answer(_q("distinct", self))


PandasAPI.astype = _astype
PandasAPI.select_dtypes = _select_dtypes
PandasAPI.drop_duplicates = _drop_duplicates


def _setitem(self, key, value):
    """t['c'] = v / t[['c', 'd']] = [v, w]: set or add columns (an atom fills the column; a
    list of str becomes symbols), in place."""
    from .k import K
    from .toq import toq
    names = [key] if isinstance(key, str) else _names(key)
    values = [value] if isinstance(key, str) else list(value)
    if len(names) != len(values):
        raise ValueError("one value per column")
    t = self._plain()
    n = len(t)
    for c, v in zip(names, values):
        if not isinstance(v, K):
            v = toq(v)
        if v.is_atom:
            v = _q("#", n, v)
        t = _q("{@[x;y;:;z]}", t, c, v)
    self._replace(t)


def merge_asof(left, right, on=None, left_on=None, right_on=None, by=None,
               suffixes=("_x", "_y"), tolerance=None, allow_exact_matches=True,
               direction="backward"):
    """pandas.merge_asof over q tables by q's aj: each left row with the last right row whose
    `on` is at or before its own (within the same `by` values)."""
    from .k import K, wrap
    from .toq import toq
    if direction != "backward" or tolerance is not None or not allow_exact_matches:
        raise NotImplementedError("merge_asof supports direction='backward' with exact "
                                  "matches and no tolerance")
    if not isinstance(right, K):
        right = toq(right)
    if not isinstance(left, K):
        left = toq(left)
    if on is None:
        if left_on is None or left_on != right_on:
            raise ValueError("merge_asof needs on= (or the same left_on and right_on)")
        on = left_on
    keys = (_listify(by) or []) + _listify(on)
    lt = _q("0!", left) if left.t == 99 else left
    rt = _q("0!", right) if right.t == 99 else right
    lcols, rcols = lt.columns.py(), rt.columns.py()
    overlap = [c for c in rcols if c in lcols and c not in keys]
    if overlap:
        lsx, rsx = suffixes
        lt = _q("{(cols[x]^y cols x) xcol x}", lt, {c: c + lsx for c in overlap})
        rt = _q("{(cols[x]^y cols x) xcol x}", rt, {c: c + rsx for c in overlap})
    res = _q("{aj[x;y;z]}", keys, lt, rt)
    if isinstance(left, PandasAPI) and left._is_keyed():
        res = _q("{y xkey x}", res, _q("{cols key x}", left))
    return wrap(res._k)


def _merge_asof_method(self, right, **kwargs):
    return self._answer(merge_asof(self, right, **kwargs))


def _skew(self, axis=0, skipna=True, numeric_only=False):
    # pandas' adjusted Fisher-Pearson coefficient over the non-null values
    fn = ("{x:\"f\"$x where not null x;n:count x;d:x-avg x;m2:(sum d*d)%n;"
          "m3:(sum d*d*d)%n;$[n<3;0n;((sqrt n*n-1)%n-2)*m3%m2 xexp 1.5]}")
    return self._agg(fn, axis, numeric_only)


PandasAPI.__setitem__ = _setitem
PandasAPI.merge_asof = _merge_asof_method
PandasAPI.skew = _skew
PandasAPI.groupby = _groupby
