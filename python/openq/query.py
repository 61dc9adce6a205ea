"""qSQL from Python: kx.q.qsql.select/exec/update/delete, Table.select... (SQL: sql.py).

Each call builds q's own query text (`select cols by b from t where w`) and runs it, so the
engine's qSQL (src/lang/query.c) gives the answer.  Column arguments are q expressions: a str,
a list of column names, or a dict of result name -> expression.

A clause that holds a `Column` (PyKX's query API: `kx.Column('x') > 2`, `.max()`, `&`) is
run through q's functional form instead (`?[t;c;b;a]`, `![t;c;b;a]`): each Column is a
parse tree, strings in the same call are turned into trees by q's `parse`.
"""
import copy
import warnings

try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from .exceptions import QError
from .k import K, wrap, SymbolAtom, CharVector, SymbolVector
from .toq import toq


def _query(kind, table, columns=None, where=None, by=None, inplace=False, q=None):
    """kind (select exec update delete) as q's functional form ?[t;c;b;a] or ![t;c;b;a],
    run by q (embedded) or on q's server (a connection): table a K table, anything toq
    makes one, or the name of a global (update and delete of a name read its value unless
    inplace, which stores the result there)."""
    from .k import Table, KeyedTable, SplayedTable
    if isinstance(table, SymbolAtom):
        table = table.py()
    named = isinstance(table, str)
    if not named:
        try:
            table = toq(table)
        except (TypeError, ValueError):
            table = None
        if not isinstance(table, (Table, KeyedTable)):
            raise TypeError("'table' object provided was not a K tabular object or an object "
                            "which could be converted to an appropriate representation")
        if inplace and isinstance(table, SplayedTable):
            raise QError("Application of 'inplace' updates not supported for "
                         "splayed/partitioned tables")
    if kind == "delete" and columns is not None and where is not None:
        raise TypeError("'where' and 'columns' clauses cannot be used together in a delete")
    c = _glist(_where_trees(where))
    if by is not None and kind != "delete":
        b = _columns_clause(kind, by)
    else:
        b = _e.eval("()" if kind == "exec" else "0b")
    if kind == "delete":
        a = toq([] if columns is None else _clause_trees(columns)[0], SymbolVector)._k
    elif columns is None:
        a = _e.eval("()")
    else:
        a = _columns_clause(kind, columns)
    fn = "!" if kind in ("update", "delete") else "?"
    get = "get " if named and not inplace and fn == "!" else ""
    src = "{[t;c;b;a] " + fn + "[" + get + "t;c;b;a]}"
    t = toq(table, SymbolAtom)._k if named else table._k
    if q is None:
        r = wrap(_e.apply(src, t, c, b, a))
    else:
        r = q._call(src, wrap(t), wrap(c), wrap(b), wrap(a))
    if inplace and not named:
        if not isinstance(r, K):
            raise QError("'inplace' not supported with asynchronous query")
        if type(r) is not type(table):
            raise QError("Returned data format does not match input type, cannot perform "
                         "inplace operation")
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


# PyKX's query API: Column and QueryPhrase, evaluated as parse trees

class _Parsed:
    """q text inside a tree, turned into its parse tree by q's `parse`."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


class _Node:
    """A call in a parse tree: q function text (a primitive or keyword) and its arguments."""

    __slots__ = ("op", "args")

    def __init__(self, op, args):
        self.op = op
        self.args = args


def _kref(x):
    return x._k if isinstance(x, K) else toq(x)._k


def _glist(items):
    """A general list of the K values items (never collapsed to a typed vector)."""
    if not items:
        return _e.eval("()")
    r = _e.apply("{enlist x}", items[0])
    for v in items[1:]:
        r = _e.apply("{x,enlist y}", r, v)
    return r


def _tree(x):
    """The KRef of a parse tree: a str names a column, a _Node is a call, else a constant."""
    if isinstance(x, Column):
        return _tree(x._data)
    if isinstance(x, ParseTree):  # a tree as it stands: a q list is not a constant here
        return x._tree._k if isinstance(x._tree, K) else _tree(x._tree)
    if isinstance(x, QueryPhrase):
        return _glist([_tree(v) for v in x._phrase]) if x._phrase else _e.eval("()")
    if isinstance(x, str):
        return toq(x, SymbolAtom)._k
    if isinstance(x, _Node):
        head = _tree(x.op) if isinstance(x.op, Variable) else _e.eval(x.op)
        return _glist([head] + [_tree(a) for a in x.args])
    if isinstance(x, Variable):
        return toq(x._name, SymbolAtom)._k
    if isinstance(x, _Parsed):
        return _parse(x.text)
    if isinstance(x, list):  # Column(data=[kx.q('neg'), 'b']): a tree of its items
        return _glist([_tree(v) for v in x])
    k = _kref(x)
    if _e.qtype(k) in (0, 11, -11) or 98 <= _e.qtype(k) <= 99:
        return _e.apply("{enlist x}", k)  # a constant q would otherwise evaluate
    return k


def _parse(text):
    return _e.apply("parse", toq(text, CharVector)._k)


def _clause_trees(x):
    """(names, trees) of a columns or by clause: Column, str, list of them, dict, QueryPhrase."""
    if isinstance(x, QueryPhrase):
        return list(x._names), [_tree(v) for v in x._phrase]
    if isinstance(x, Column):
        return [x._name], [_tree(x)]
    if isinstance(x, str):
        x = [v.strip() for v in x.split(",")] if "," not in x or ":" not in x else [x]
    if isinstance(x, dict):
        for k, v in x.items():
            if isinstance(v, str) and not v.strip():
                raise ValueError(f"q query specifying column for key {k!r} cannot be empty")
        # text is parsed, a Column is its tree, anything else the q value as it is (PyKX:
        # ['blue'] is ,`blue, which q reads as the constant `blue)
        return [str(k) for k in x], [_parse(v) if isinstance(v, str) else
                                     _tree(v) if isinstance(v, (Column, QueryPhrase, ParseTree,
                                                                Variable)) else _kref(v)
                                     for v in x.values()]
    if isinstance(x, K):
        x = x.py()
        if isinstance(x, str):
            x = [x]
    names, trees = [], []
    for v in x:
        if isinstance(v, (Column, QueryPhrase)):
            n, t = _clause_trees(v)
            names += n
            trees += t
        elif ":" in v:
            n, e = v.split(":", 1)
            names.append(n.strip())
            trees.append(_parse(e))
        else:
            names.append(v.strip())
            trees.append(_parse(v))
    return names, trees


def _where_trees(x):
    """The where clause's trees: q text parsed, Columns, a QueryPhrase's or q list's items, a
    boolean vector as itself (the rows it picks)."""
    if x is None:
        return []
    if isinstance(x, QueryPhrase):
        return [_tree(v) for v in x._phrase]
    if isinstance(x, Column):
        return [_tree(x)]
    if isinstance(x, ParseTree):  # PyKX's where=ParseTree(..): the list of constraints
        t = x._tree
        if isinstance(t, QueryPhrase):
            return _where_trees(t)
        if isinstance(t, list):
            return [_tree(v) for v in t]
        t = wrap(_tree(x))
        return [v._k for v in t] if t.t == 0 else [t._k]
    if isinstance(x, str):
        return [_parse(x)]
    if isinstance(x, K):
        if x.t == 10:
            return [_parse(x.py().decode())]
        return [x._k] if x.t != 0 else [v._k for v in x]
    out = []
    for v in x:  # within a list a ParseTree is one constraint
        out += [_tree(v)] if isinstance(v, ParseTree) else _where_trees(v)
    return out


def _dict_of(names, trees):
    return _e.apply("{x!y}", toq(names, SymbolVector)._k, _glist(trees))


def _one_tree(x):
    """The tree of a columns or by clause that names one thing and no result (exec's
    vector form: exec c from t, exec .. by c), else None."""
    if isinstance(x, Column) and not x._renamed:
        return _tree(x)
    if isinstance(x, Variable):
        return _tree(x)
    if isinstance(x, str) and "," not in x and ":" not in x:
        return _parse(x)
    return None


def _columns_clause(kind, x):
    one = _one_tree(x) if kind == "exec" else None
    return one if one is not None else _dict_of(*_clause_trees(x))


def _op(text, col_first=True):
    def f(self, *others, iterator=None):
        return self.call(text, *others, iterator=iterator,
                         col_arg_ind=0 if col_first else len(others))
    return f


def _prop(cast):
    return property(lambda self: self.call("{`" + cast + "$x}"))


class Column:
    """A column of a table in PyKX's query API: `kx.Column('x') > 2`, `.max()`, `.name('y')`.

    Column(column) names a column; Column(column, name) reads column into result name;
    `data=` gives the expression (a parse tree or a constant) outright.
    """

    def __init__(self, column=None, name=None, data=None, is_tree=False, value=None):
        if value is not None:
            warnings.warn("The kx.Column 'value' keyword is deprecated, please use 'data' "
                          "instead", DeprecationWarning)
            data = value
        self._renamed = name is not None or data is not None  # a result name of its own
        if name is None:
            name = column
        if name is None:
            raise TypeError("Column 'name' value cannot be None.")
        if not isinstance(name, (str, SymbolAtom)):
            raise TypeError("Column 'name' can only be of type Str and pykx.SymbolAtom")
        self._name = str(name)
        self._data = data if data is not None else (str(column) if column is not None
                                                     else self._name)
        self._is_tree = is_tree

    def __repr__(self):
        return f"pykx.Column(name='{self._name}', data={type(self._data)})"

    def call(self, op, *others, iterator=None, col_arg_ind=0, project_args=None):
        """A new Column: q function op (text, or a K function) applied to this and others."""
        args = [o._data if isinstance(o, Column) else o if isinstance(o, (K, Variable,
                                                                        ParseTree))
                else toq(o) for o in others]
        args.insert(col_arg_ind, self._data)
        if isinstance(op, bytes):
            op = op.decode()
        elif isinstance(op, CharVector):
            op = op.py().decode()
        elif isinstance(op, K):
            op = str(op)
        elif isinstance(op, Variable) and iterator is not None:
            op = op._name
        if iterator is not None:
            it = {"each": "'", "peach": "'", "over": "/", "scan": "\\", "prior": "':"}
            op = f"({op}){it.get(iterator, iterator)}"
        r = copy.copy(self)
        r._data = _Node(op, args)
        return r

    def name(self, name):
        if not isinstance(name, (str, SymbolAtom)):
            raise TypeError("Column 'name' can only be of type Str and pykx.SymbolAtom")
        r = copy.copy(self)
        r._name = str(name)
        r._renamed = True
        return r

    def __and__(self, other):
        if isinstance(other, (Column, QueryPhrase)):
            return QueryPhrase(self) & other
        raise TypeError(f"Supplied object type '{type(other)}' cannot `&` off a `pykx.Column`.")

    def __or__(self, other):
        return self.call("|", other)

    __ror__ = __or__

    def __invert__(self):
        return self.call("not")

    def __neg__(self):
        return self.call("neg")

    def __abs__(self):
        return self.call("abs")

    __add__ = _op("+")
    __radd__ = _op("+", False)
    __sub__ = _op("-")
    __rsub__ = _op("-", False)
    __mul__ = _op("*")
    __rmul__ = _op("*", False)
    __truediv__ = _op("%")
    __rtruediv__ = _op("%", False)
    __floordiv__ = _op("div")
    __rfloordiv__ = _op("div", False)
    __mod__ = _op("mod")
    __rmod__ = _op("mod", False)
    __pow__ = _op("xexp")
    __rpow__ = _op("xexp", False)
    __eq__ = _op("=")
    __ne__ = _op("<>")
    __lt__ = _op("<")
    __le__ = _op("<=")
    __gt__ = _op(">")
    __ge__ = _op(">=")
    __hash__ = object.__hash__

    def __pos__(self):
        return self

    def __floor__(self):
        return self.call("floor")

    def __ceil__(self):
        return self.call("ceiling")

    # q keywords with the column as their first (or only) argument
    for _w in ("abs acos asc asin atan avg avgs ceiling cor cos count cov cross deltas desc "
               "dev differ distinct div exp fby fills first floor null iasc idesc inter last "
               "like log lower ltrim max maxs med min mins mod neg prd prds prev rank ratios "
               "reciprocal reverse rtrim scov sdev signum sin sqrt string sum sums svar tan "
               "trim union upper var wavg within wsum value next").split():
        locals()[_w] = _op(_w)
    # ... and with the column as their right argument: n xbar x, y bin x
    for _w in "bin binr mavg mcount mdev mmax mmin msum rotate xbar xexp xlog xprev".split():
        locals()[_w] = _op(_w, False)
    del _w
    # PyKX's longer names
    _and = _op("and")
    _or = _op("or")
    _not = _op("not")
    isin = _op("in")
    add = _op("+")
    subtract = _op("-")
    multiply = _op("*")
    divide = _op("%")
    average = _op("avg")
    correlation = _op("cor")
    covariance = _op("cov")
    index_sort = _op("iasc")
    join = _op(",")
    len = _op("count")
    next_item = _op("next")
    previous_item = _op("prev")
    product = _op("prd")
    products = _op("prds")
    sort = _op("asc")
    variance = _op("var")
    cast = _op("$", False)
    drop = _op("_", False)
    fill = _op("^", False)
    modulus = _op("mod", False)
    take = _op("#", False)

    def within(self, lower, upper, iterator=None):
        return self.call("within", [lower, upper], iterator=iterator)

    @property
    def data(self):
        return self._data

    # temporal parts, as q's casts by name read them
    time = _prop("time")
    hour = _prop("hh")
    minute = _prop("minute")
    date = _prop("date")
    year = _prop("year")
    day = _prop("dd")
    month = _prop("mm")
    second = _prop("second")


class Variable:
    """A q variable named in a query (`kx.Variable('n')`), read when the query runs."""

    def __init__(self, name):
        self._name = str(name)

    def __repr__(self):
        return f"pykx.Variable(name='{self._name}')"


class ParseTree:
    """A q parse tree for the query API (`kx.ParseTree(kx.q.parse(b'x=`a'))`): a string is
    parsed; a Column, QueryPhrase or Variable gives its own tree."""

    def __init__(self, tree):
        if isinstance(tree, str):
            tree = wrap(_parse(tree))
        elif isinstance(tree, Column):
            tree = tree._data
        elif isinstance(tree, Variable):
            tree = tree._name
        self._tree = tree

    def __repr__(self):
        return f"pykx.ParseTree({self._tree!r})"

    def enlist(self):
        return ParseTree(wrap(_e.apply("enlist", _tree(self))))

    def first(self):
        return ParseTree(wrap(_e.apply("first", _tree(self))))


def _as_k(x):
    """toq of a Column, Variable, QueryPhrase or ParseTree: its parse tree (a Variable, its
    name), as PyKX converts them"""
    if isinstance(x, Variable):
        return toq(x._name, SymbolAtom)
    return wrap(_tree(x))


class QueryPhrase:
    """Several Columns as one clause (`c1 & c2`), or a dict of name -> Column."""

    def __init__(self, phrase, names=None, are_trees=False):
        if isinstance(phrase, QueryPhrase):
            self._phrase, self._names = list(phrase._phrase), list(phrase._names)
        elif isinstance(phrase, Column):
            self._phrase, self._names = [phrase._data], [phrase._name]
        elif isinstance(phrase, dict):
            self._phrase = [v._data if isinstance(v, Column) else v for v in phrase.values()]
            self._names = [str(k) for k in phrase]
        elif isinstance(phrase, str):
            self._phrase, self._names = [_Parsed(phrase)], [""]
        else:  # a q object among them is a parse tree as it stands
            phrase = list(phrase)
            self._phrase = [v._data if isinstance(v, Column) else ParseTree(v)
                            if isinstance(v, K) else v for v in phrase]
            self._names = list(names) if names is not None else \
                [v._name if isinstance(v, Column) else "" for v in phrase]
        self._are_trees = are_trees

    def __repr__(self):
        return f"pykx.QueryPhrase(names={self._names}, phrase={type(self._phrase)})"

    def append(self, other):
        q = QueryPhrase(other) if not isinstance(other, QueryPhrase) else other
        self._phrase += q._phrase
        self._names += q._names

    extend = append

    def to_dict(self):
        """names -> data, a call as the list [function, arguments...] (PyKX's form)"""
        def plain(v):
            if not isinstance(v, _Node):
                return v
            op = wrap(_e.eval(v.op)) if isinstance(v.op, str) else v.op
            return [op] + [plain(a) for a in v.args]
        return {n: plain(v) for n, v in zip(self._names, self._phrase)}

    def __and__(self, other):
        if not isinstance(other, (Column, QueryPhrase)):
            raise TypeError(f"Supplied object type '{type(other)}' cannot `&` off a "
                            "`pykx.QueryPhrase`.")
        r = QueryPhrase(self)
        r.append(other)
        return r


class TableAppend:
    """q.insert / q.upsert with PyKX's options: row a list of values (one row), a list of
    column lists (several rows) or a table; match_schema refuses a row whose types differ
    from the table's (PyKXException); test_insert answers the table's last five rows with
    the row appended and leaves the table as it was."""

    def __init__(self, q, method):
        self._q, self._method = q, method

    def __call__(self, table, row, match_schema=False, test_insert=False):
        from .exceptions import PyKXException
        q = self._q
        k_row = _typed_row(row)
        if match_schema:
            want = q._call("{x:$[-11h=type x;get x;x]; exec t from meta $[(99h=type x)&"
                           "not 98h=type key x;flip x;x]}", table).py()
            got = q._call("{$[98h=type x;exec t from meta x;.Q.ty each x]}", k_row).py()
            if want != got and want != got.swapcase():
                raise PyKXException(f"Schema mismatch: the row {row!r} has types "
                                    f"{got.decode()!r}, the table {want.decode()!r} (the "
                                    f"case of the letters may be inverted)")
        if test_insert:
            return q._call("{[m;t;r] `.openq.i.tab set ?[t;();0b;();-5]; m[`.openq.i.tab;r]; "
                           "r:get `.openq.i.tab; delete tab from `.openq.i; r}",
                           wrap(_e.eval(self._method)), table, k_row)
        return q._call(self._method, table, k_row)


def _typed_row(row):
    """row as q appends it: a table as it is, a list of values as a general list, a list of
    column lists as a list of vectors typed by their first items"""
    from .k import Table, Atom, _classes
    if isinstance(row, Table):
        return row
    if isinstance(row, K):
        row = row.py()
    if not isinstance(row, list):
        raise TypeError("Expected list like object to append to table")
    if row and isinstance(row[0], list):
        cols = []
        for v in row:
            a = toq(v[0]) if v else None
            cols.append(toq(v, _classes[-a.t]) if isinstance(a, Atom) and -a.t in _classes
                        else toq(v))
        return wrap(_glist([c._k for c in cols]))
    return wrap(_glist([toq(v)._k for v in row]))
