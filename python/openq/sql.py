"""kx.q.sql: the SELECT forms PyKX's documentation shows, translated to q's qSQL and run by q.

    SELECT [DISTINCT] * | item [AS name], ...  FROM table | $n
    [WHERE cond] [GROUP BY col, ...] [ORDER BY name [ASC|DESC], ...] [LIMIT n]

An item is a column, a literal, $n, arithmetic (+ - * /), or count(*), count/sum/avg/min/max/
first/last of an expression; a condition combines comparisons (= <> != < > <= >=), IN (...),
LIKE '%_' patterns, BETWEEN .. AND .., IS [NOT] NULL with AND, OR, NOT.  'text' is a symbol
(q's strings of SQL), $1.. the query's arguments (a table too, in FROM).  The answer is a
table (GROUP BY's keys are columns of it, as SQL has them).
"""
import re

from .exceptions import QError

_TOKEN = re.compile(r"""\s*(?:(?P<num>\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|\d+(?:[eE][-+]?\d+)?)
                     |(?P<str>'(?:[^']|'')*')|(?P<param>\$\d+)|(?P<name>[A-Za-z_.][A-Za-z0-9_.]*)
                     |(?P<op><>|!=|<=|>=|[-+*/=<>(),]))""", re.X)

_AGGS = {"count": "count", "sum": "sum", "avg": "avg", "min": "min", "max": "max",
         "first": "first", "last": "last"}
_KEYWORDS = {"select", "distinct", "from", "where", "group", "by", "order", "asc", "desc",
             "limit", "and", "or", "not", "in", "like", "between", "is", "null", "as"}


def _tokens(text):
    out, i = [], 0
    text = text.rstrip().rstrip(";")
    while i < len(text):
        m = _TOKEN.match(text, i)
        if not m or m.end() == i:
            if text[i:].strip() == "":
                break
            raise QError(f"sql: cannot read {text[i:i + 20]!r}")
        i = m.end()
        kind = m.lastgroup
        val = m.group(kind)
        if kind == "name" and val.lower() in _KEYWORDS:
            kind, val = "kw", val.lower()
        out.append((kind, val))
    return out


class _Parser:
    """SQL tokens -> q text; parameters are the lambda's p1..pn"""

    def __init__(self, tokens, nargs):
        self.t, self.i, self.nargs = tokens, 0, nargs

    def peek(self, kind=None, val=None):
        if self.i >= len(self.t):
            return None
        k, v = self.t[self.i]
        if (kind is None or k == kind) and (val is None or v == val):
            return self.t[self.i]
        return None

    def take(self, kind=None, val=None):
        tok = self.peek(kind, val)
        if tok is None:
            got = self.t[self.i][1] if self.i < len(self.t) else "the end"
            raise QError(f"sql: expected {val or kind}, found {got!r}")
        self.i += 1
        return tok

    def accept(self, kind, val=None):
        if self.peek(kind, val):
            self.i += 1
            return True
        return False

    def param(self, text):
        n = int(text[1:])
        if not 1 <= n <= self.nargs:
            raise QError(f"sql: {text} has no argument")
        return f"p{n}"

    # ---- the query ----

    def query(self):
        self.take("kw", "select")
        distinct = self.accept("kw", "distinct")
        items = None if self.accept("op", "*") else self.items()
        self.take("kw", "from")
        if self.peek("param"):
            source = self.param(self.take("param")[1])
        else:
            source = self.take("name")[1]
        where = self.cond() if self.accept("kw", "where") else None
        groups = []
        if self.accept("kw", "group"):
            self.take("kw", "by")
            groups = [self.take("name")[1]]
            while self.accept("op", ","):
                groups.append(self.take("name")[1])
        orders = []
        if self.accept("kw", "order"):
            self.take("kw", "by")
            while True:
                name = self.take("name")[1]
                desc = self.accept("kw", "desc")
                if not desc:
                    self.accept("kw", "asc")
                orders.append((name, desc))
                if not self.accept("op", ","):
                    break
        limit = int(self.take("num")[1]) if self.accept("kw", "limit") else None
        if self.i != len(self.t):
            raise QError(f"sql: unexpected {self.t[self.i][1]!r}")
        if items is None and groups:
            raise QError("sql: SELECT * cannot have GROUP BY")
        body = "select "
        if items:
            body += ",".join(f"{n}:{e}" for n, e in items if not (groups and n in groups))
        if groups:
            body += " by " + ",".join(f"{g}:{g}" for g in groups)
        body += f" from {source}"
        if where:
            body += f" where {where}"
        r = f"0!{body}" if groups else body
        if items:
            names = [n for n, _ in items]
            if groups:  # the select list's order, keys included where it names them
                names = [n for n in names] + [g for g in groups if g not in names]
                r = "(`" + "`".join(names) + f")#{r}"
        if distinct:
            r = f"distinct {r}"
        for name, desc in reversed(orders):
            r = f"`{name} {'xdesc' if desc else 'xasc'} {r}"
        if limit is not None:
            r = f"{limit} sublist {r}"
        return r

    def items(self):
        out, seen = [], set()
        while True:
            start = self.i
            e = self.expr()
            if self.accept("kw", "as"):
                name = self.take("name")[1]
            else:
                name = self._default_name(start)
            while name in seen:
                name += "1"
            seen.add(name)
            out.append((name, e))
            if not self.accept("op", ","):
                return out

    def _default_name(self, start):
        tok = self.t[start]
        if tok[0] == "name" and start + 1 < len(self.t) and self.t[start + 1] == ("op", "("):
            inner = self.t[start + 2] if start + 2 < len(self.t) else None
            if inner and inner[0] == "name":
                return inner[1]
            return tok[1].lower()
        return tok[1] if tok[0] == "name" else f"x{start}"

    # ---- conditions and expressions (fully parenthesised: q reads right to left) ----

    def cond(self):
        left = self.conj()
        while self.accept("kw", "or"):
            left = f"({left})|({self.conj()})"
        return left

    def conj(self):
        left = self.neg()
        while self.accept("kw", "and"):
            left = f"({left})&({self.neg()})"
        return left

    def neg(self):
        if self.accept("kw", "not"):
            return f"not ({self.neg()})"
        return self.compare()

    def compare(self):
        left = self.expr()
        for op, q in (("=", "="), ("<>", "<>"), ("!=", "<>"), ("<=", "<="), (">=", ">="),
                      ("<", "<"), (">", ">")):
            if self.accept("op", op):
                return f"({left}){q}({self.expr()})"
        negate = self.accept("kw", "not")
        if self.accept("kw", "in"):
            if self.peek("param"):
                r = f"({left}) in {self.param(self.take('param')[1])}"
            else:
                self.take("op", "(")
                vals = [self.expr()]
                while self.accept("op", ","):
                    vals.append(self.expr())
                self.take("op", ")")
                r = f"({left}) in ({';'.join(vals)})" if len(vals) > 1 else \
                    f"({left}) in enlist {vals[0]}"
        elif self.accept("kw", "like"):
            pat = self.take("str")[1][1:-1].replace("''", "'")
            pat = pat.replace("\\", "\\\\").replace('"', '\\"').replace("*", "[*]")
            pat = pat.replace("?", "[?]").replace("%", "*").replace("_", "?")
            r = f'(string {left}) like "{pat}"'
        elif self.accept("kw", "between"):
            lo = self.expr()
            self.take("kw", "and")
            r = f"({left}) within ({lo};{self.expr()})"
        elif self.accept("kw", "is"):
            isnot = self.accept("kw", "not")
            self.take("kw", "null")
            return f"{'not ' if isnot else ''}null {left}"
        else:
            if negate:
                raise QError("sql: NOT where a condition is expected")
            return left
        return f"not {r}" if negate else r

    def expr(self):
        left = self.term()
        while self.peek("op", "+") or self.peek("op", "-"):
            op = self.take()[1]
            left = f"({left}){op}({self.term()})"
        return left

    def term(self):
        left = self.unary()
        while self.peek("op", "*") or self.peek("op", "/"):
            op = "%" if self.take()[1] == "/" else "*"
            left = f"({left}){op}({self.unary()})"
        return left

    def unary(self):
        if self.accept("op", "-"):
            return f"neg ({self.unary()})"
        return self.primary()

    def primary(self):
        kind, val = self.take()
        if kind == "num":
            return val if "." in val or "e" in val.lower() else val
        if kind == "str":
            text = val[1:-1].replace("''", "'")
            return '(`$"' + text.replace("\\", "\\\\").replace('"', '\\"') + '")'
        if kind == "param":
            return self.param(val)
        if kind == "op" and val == "(":
            e = self.cond()
            self.take("op", ")")
            return f"({e})"
        if kind == "kw" and val == "null":
            return "0N"
        if kind == "name":
            if self.accept("op", "("):
                fn = _AGGS.get(val.lower())
                if fn is None:
                    raise QError(f"sql: unknown function {val}")
                if fn == "count" and self.accept("op", "*"):
                    self.take("op", ")")
                    return "count i"
                arg = self.expr()
                self.take("op", ")")
                return f"(\"j\"$sum not null {arg})" if fn == "count" else f"({fn} {arg})"
            return val
        raise QError(f"sql: unexpected {val!r}")


def translate(query, nargs):
    """the q lambda (text) that answers SQL query over its nargs parameters"""
    if not isinstance(query, (str, bytes)):
        raise TypeError(f"Supplied query is not of type {str}")
    if isinstance(query, bytes):
        query = query.decode()
    if nargs > 8:
        raise QError("rank: at most 8 arguments")
    body = _Parser(_tokens(query), nargs).query()
    params = ";".join(f"p{i + 1}" for i in range(nargs))
    return "{[" + params + "] " + body + "}"


class SQL:
    """kx.q.sql(query, *args) and conn.sql(...): a SELECT answered by q (see the module)."""

    def __init__(self, q):
        self._q = q

    def __call__(self, query, *args):
        fn = translate(query, len(args))
        return self._q._call(fn, *args) if args else self._q._call(fn + "[]")

    def prepare(self, query, *args):
        """PyKX's prepared statement: the query and its argument types, run by execute"""
        translate(query, len(args))
        return (query, args)

    def execute(self, prepared, *args):
        return self(prepared[0], *args)


def table_sql(self, query, *args):
    """Table.sql(query, *args): the query with this table as $1"""
    if not isinstance(query, (str, bytes)):
        raise TypeError(f"Supplied query is not of type {str}")
    if "$1" not in (query if isinstance(query, str) else query.decode()):
        raise QError("Supplied query does not contain argument $1")
    from .embedded import q
    return q.sql(query, self, *args)
