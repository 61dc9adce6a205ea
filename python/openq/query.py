"""qSQL from Python: kx.q.qsql.select/exec/update/delete, Table.select..., kx.q.sql.

Each call builds q's own query text (`select cols by b from t where w`) and runs it, so the
engine's qSQL (src/lang/query.c) gives the answer.  Column arguments are q expressions: a str,
a list of column names, or a dict of result name -> expression.
"""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from .exceptions import QError
from .k import K, wrap


def _phrase(x, sep=","):
    if x is None:
        return ""
    if isinstance(x, K):
        x = x.py()
    if isinstance(x, str):
        return x
    if isinstance(x, dict):
        return sep.join(f"{k}:{v}" for k, v in x.items())
    return sep.join(str(v) for v in x)


def _query(kind, table, columns=None, where=None, by=None, inplace=False, q=None):
    cols = _phrase(columns)
    w = _phrase(where)
    b = _phrase(by)
    if kind == "delete" and cols and w:
        raise TypeError("'where' and 'columns' clauses cannot be used together in a delete")
    text = kind
    if cols:
        text += " " + cols
    if b:
        text += " by " + b
    named = isinstance(table, str)
    if isinstance(table, K) and table.t == -11:
        table, named = table.py(), True
    src = ("`" + table if inplace else table) if named else "x"
    text += " from " + src
    if w:
        text += " where " + w
    if q is not None:  # a connection's qsql: the query runs there
        r = q._call(text) if named else q._call("{" + text + "}", table)
    elif named:
        r = wrap(_e.eval(text))
    else:
        r = wrap(_e.apply("{" + text + "}", table._k if isinstance(table, K) else table))
    if inplace and not named and isinstance(table, K):
        object.__setattr__(table, "_k", r._k)
    return r


def _functional(table, kind, columns, where, by, inplace=False):
    return _query(kind, table, columns, where, by, inplace)


class QSQL:
    """kx.q.qsql: select, exec, update, delete over a table (or a table's name); a
    connection's conn.qsql runs them on its server."""

    def __init__(self, q):
        from .embedded import EmbeddedQ
        self._q = None if isinstance(q, EmbeddedQ) else q

    def select(self, table, columns=None, where=None, by=None, inplace=False):
        return _query("select", table, columns, where, by, inplace, self._q)

    def exec(self, table, columns=None, where=None, by=None):
        return _query("exec", table, columns, where, by, q=self._q)

    def update(self, table, columns=None, where=None, by=None, modify=False, inplace=False):
        return _query("update", table, columns, where, by, inplace or modify, self._q)

    def delete(self, table, columns=None, where=None, modify=False, inplace=False):
        return _query("delete", table, columns, where, None, inplace or modify, self._q)


class SQL:
    """kx.q.sql('select * from t'): the SELECT forms openq's qSQL can answer."""

    def __init__(self, q):
        self._q = q

    def __call__(self, query, *args):
        raise QError("nyi: SQL queries (use kx.q.qsql)")
