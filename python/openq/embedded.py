"""openq.q: the interpreter in this process, called as PyKX's EmbeddedQ is.

q('1+1'), q('{x+y}', 1, 2), q['x'] (get, set, del), q.til(5), q.z.pw = f, q.ctx.ns.f,
q.qsql.select(...), q.sql('select ...').
"""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

import sys

from .exceptions import PyKXException, QError, QNameError
from .k import K, wrap, Function, Foreign

# q's reserved words (the q reference's keyword list): not assignable from Python
RESERVED = frozenset("""
abs acos aj aj0 ajf ajf0 all and any asc asin asof atan attr avg avgs bin binr ceiling cols cor
cos count cov cross csv cut delete deltas desc dev differ distinct div do dsave each ej ema enlist
eval except exec exit exp fby fills first fkeys flip floor get getenv group gtime hclose hcount
hdel hopen hsym iasc idesc if ij ijf in insert inter inv key keys last like lj ljf load log lower
lsq ltime ltrim mavg max maxs mcount md5 mdev med meta min mins mmax mmin mmu mod msum neg next not
null or over parse peach pj plist prd prds prev prior rand rank ratios raze read0 read1 reciprocal
reval reverse rload rotate rsave rtrim save scan scov sdev select set setenv show signum sin sqrt
ssr string sublist sum sums sv svar system tables tan til trim type uj ujf ungroup union update
upper upsert value var view views vs wavg where while within wj wj1 wsum ww xasc xbar xcol xcols
xdesc xexp xgroup xkey xlog xprev xrank
""".split())
_NAMESPACES = ("z", "Q", "h", "o", "u", "j", "q", "pykx")
_MAX_ARGS = 8


def _name_check(name):
    if name in RESERVED or name.split(".")[-1] in RESERVED and name.startswith(".q."):
        raise PyKXException(f"Cannot assign to reserved word or overwrite q namespace: {name!r}")


class Ctx:
    """A q namespace (`q.z`, `q.Q`, `q.ctx.ns`): attributes read and assign its globals."""

    def __init__(self, name, owner=None):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_owner", owner)

    def _full(self, attr):
        return f"{self._name}.{attr}" if self._name else attr

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        full = self._full(attr)
        if not self._name and not full.startswith("."):
            full = "." + full
        q = self._owner or _local()
        kind = q._call("{$[99h<>type v:@[get;x;{`$\"'\"}];$[x~`$\"'\";0;1];"
                       "(::)~first v;2;1]}", full).py()
        if kind == 2:
            return Ctx(full, q)
        if kind == 0:
            raise QNameError(f"{full!r} is not defined in q")
        v = q._call("get", full)
        if isinstance(v, (Function, Foreign)) and not full.startswith((".z.", ".q.")):
            # a namespace's function is called by its name, where it lives (PyKX's rule)
            from .k import SymbolicFunction
            return SymbolicFunction(full).with_execution_ctx(q)
        return v

    def __setattr__(self, attr, value):
        full = self._full(attr)
        _name_check(attr if not self._name else full)
        if full == ".z.pw" and callable(value) and not isinstance(value, K):
            value = _password_adapter(value)
        if self._owner is None or isinstance(self._owner, EmbeddedQ):
            _e.set_global(full, value._k if isinstance(value, K) else value)
        else:
            self._owner._call("set", full, value)

    def __getitem__(self, attr):
        return self.__getattr__(attr)

    def __setitem__(self, attr, value):
        self.__setattr__(attr, value)

    def __delattr__(self, attr):
        (self._owner or _local())._call("{x set y _ get x}", self._name, attr)

    def __dir__(self):
        try:
            return sorted(str(k) for k in wrap(_e.apply("{key x}", "`" + self._name)).py() if k)
        except QError:
            return []

    def __repr__(self):
        return f"<openq context {self._name or '.'}>"


def _local():
    return EmbeddedQ()


def _password_adapter(fn):
    """.z.pw from Python: called with user and password as str (None when absent)."""
    def pw(user, password):
        u = str(user.py()) if isinstance(user, K) else str(user)
        p = password.py() if isinstance(password, K) else password
        if isinstance(p, bytes):
            p = p.decode()
        return bool(fn(u, p if p else None))
    return pw


def _arg(a):
    """An argument for q: K objects as they are, the rest by toq's rules."""
    if isinstance(a, K):
        return a._k
    from .toq import toq
    return toq(a)._k


# debug=True / PYKX_QDEBUG: the query runs under .Q.trp, which answers (0b;value) or
# (1b;backtrace text;error); the backtrace goes to stderr and the error is raised
DEBUG_WRAPPER = ('{[pykxquery] .Q.trp[{[x] (0b; value x)}; pykxquery;'
                 '{(1b;"backtrace:\\n",.Q.sbt y;x)}]}')


def debugging(debug, skip_debug=False):
    from . import config
    return not skip_debug and bool(debug or config.pykx_qdebug)


def debug_query(query, args):
    """What the wrapper is applied to: the query as text (or the function), with its args."""
    if isinstance(query, str):
        query = query.encode()
    if isinstance(query, bytes):
        from .k import CharVector
        query = CharVector(query)  # "=" too: a string, not a char
    return query if not args else [query] + list(args)


def _text(x):
    """A string's text; anything else as q shows it (a .Q.sbt that answers no string)."""
    v = x.py()
    return v.decode(errors="replace") if isinstance(v, bytes) else str(x)


def debug_result(r):
    """The value of a debugged query's answer (a K list), or its error raised."""
    flag = r[0].py()
    if flag is True:
        print(_text(r[1]), file=sys.stderr)
        raise QError(_text(r[2]))
    return r[1]


class QAccess:
    """What q and a connection share: q['x'] get/set/del, q.name, q.ctx, q.qsql, dir(q).

    A subclass calls q through _call(query, *args) and reads a keyword as _keyword(name)."""

    def _call(self, query, *args):
        raise NotImplementedError

    def _keyword(self, name):
        raise NotImplementedError

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name == "ctx":
            return Ctx("", self)
        if name in _NAMESPACES:
            return Ctx("." + name, self)
        if name == "qsql":
            from .query import QSQL
            return QSQL(self)
        if name in ("insert", "upsert"):
            from .query import TableAppend
            return TableAppend(self, name)
        if name == "sql":
            from .sql import SQL
            return SQL(self)
        if name == "system":
            from .system import System
            return System(self)
        if name in RESERVED or name in ("value", "eval", "parse", "get", "set", "string"):
            return self._keyword(name)
        kind = self._call("{$[x in key`.;1;x in key`;2;0]}", name).py()
        if kind == 1:
            return self._call("get", name)
        if kind == 2:
            return Ctx("." + name, self)
        raise QNameError(f"q has no attribute {name!r}")

    def __setattr__(self, name, value):
        if name.startswith("_") or name in type(self).__dict__ or name in ("closed",):
            object.__setattr__(self, name, value)
            return
        _name_check(name)
        self._call("set", name, value)

    def __getitem__(self, key):
        try:
            return self._call("get", str(key))
        except QError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        key = str(key)
        _name_check(key)
        if key.startswith(".q.") or key in ("views",):
            raise PyKXException(f"Cannot overwrite the q namespace: {key!r}")
        self._call("set", key, value)

    def __delitem__(self, key):
        key = str(key)
        if key.startswith("."):
            raise PyKXException("Cannot delete a name from a namespace other than the root")
        if not self._call("{x in key `.}", key).py():
            raise KeyError(key)
        self._call("{![`.;();0b;enlist x];}", key)

    def __dir__(self):
        names = set(RESERVED) | {"ctx", "qsql", "sql", "z", "Q", "h", "o", "j", "q",
                                 "reserved_words", "console", "query", "system", "read",
                                 "write", "value", "eval", "parse", "get", "set", "string"}
        return sorted(names | set(object.__dir__(self)))

    @property
    def reserved_words(self):
        return sorted(RESERVED)

    def console(self):
        """q's console on this q (PyKX's q.console()): each line of stdin evaluated, its value
        shown as q shows it, errors as 'msg; `\\\\` or the end of input leaves."""
        while True:
            try:
                line = input("q)")
            except EOFError:
                break
            if line.strip() == "\\\\":
                break
            if not line.strip():
                continue
            try:
                r = self._call(line)
            except QError as ex:
                print(f"'{ex}")
                continue
            if isinstance(r, K) and not (r.t == 101 and _e.show(r._k) == "::"):
                text = _e.show(r._k)
                print(text, end="" if text.endswith("\n") else "\n")

    def file_execute(self, file_path, *, return_all=False):
        """Run a script from this machine where this q runs: a .q (or .k) file statement by
        statement (q's script rules: a line that starts with blank continues the statement
        above; / lines are comments), a .py file through the .pykx namespace there."""
        results = [self._call(*c) for c in _file_calls(self, file_path)]
        return results if return_all else (results[-1] if results else None)


def _file_calls(conn, file_path):
    """The calls (query, *args) that run file_path on conn (see QAccess.file_execute)."""
    ext = str(file_path).rsplit(".", 1)[-1] if "." in str(file_path) else ""
    if ext not in ("q", "k", "py"):
        raise QError(f"Provided file type '{ext}' unsupported")
    with open(file_path) as f:
        text = f.read()
    if ext == "py":
        if not conn._call("{`pykx in key `}").py():
            raise QError("PyKX must be loaded on remote server")
        return [(".pykx.pyexec", text.encode())]
    statements = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("/"):
            continue
        if line[0] in " \t" and statements:
            statements[-1] += "\n" + line
        else:
            statements.append(line)
    prefix = "k)" if ext == "k" else ""
    return [("value", (prefix + s).encode()) for s in statements]


class EmbeddedQ(QAccess):
    """q('1+1'), q('{x+y}', 1, 2), q.til(5), q['x'], q.z.pw = f, q.value(query)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = object.__new__(cls)
        return cls._instance

    def __init__(self):
        pass

    def __call__(self, query, *args, wait=None, debug=False, skip_debug=False, **kwargs):
        if isinstance(query, K):
            query = query.py() if query.t in (10, -11) else query
        if isinstance(query, bytes):
            query = query.decode()
        if len(args) > _MAX_ARGS:
            raise TypeError(f"Too many arguments: q functions take at most {_MAX_ARGS}")
        if debugging(debug, skip_debug):
            x = debug_query(query, args)
            if args:
                from .k import List
                from .toq import toq
                x = toq(x, List)
            r = debug_result(wrap(_e.apply(DEBUG_WRAPPER, _arg(x))))
            return r if wait is not False else wrap(_e.eval("::"))
        if args:
            r = wrap(_e.apply(query, *[_arg(a) for a in args]))
        else:
            r = wrap(_e.eval(query))
        return r if wait is not False else wrap(_e.eval("::"))

    _call = __call__

    def _keyword(self, name):
        return wrap(_e.eval(name))

    def __repr__(self):
        return "pykx.q"


Q = EmbeddedQ
q = EmbeddedQ()


# q functions PyKX's q code calls (its pykx.q defines them); in q here
_e.set_global(".pykx.util.isf", lambda x: _e.qtype(x._k) == 112)  # a foreign, as PyKX's
_e.eval(".Q.ajf0:{[f;g;x;y;z] $[f;$[g;ajf;ajf0];$[g;aj;aj0]][x;y;z]}")  # aj aj0 ajf ajf0
_e.eval('.pykx.modpow:{[x;y;z] r:$[((abs type x)in 4 5 6 7h)&(abs type y)in 4 5 6 7h;'
        '"j"$x xexp y;x xexp y];$[z~(::);r;r mod z]}')
_e.eval('.pykx.util.loadfile:{[folder;file] cwd:system"cd";system"cd ",folder;'
        'r:@[system;"l ",file;{[c;e] system"cd ",c;\'e}cwd];system"cd ",cwd;r}')
