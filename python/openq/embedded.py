"""openq.q: the interpreter in this process, called as PyKX's EmbeddedQ is."""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from .k import K, wrap


class Ctx:
    """A q namespace (`q.z`, `q.Q`...): attributes read and assign its globals."""

    def __init__(self, name):
        object.__setattr__(self, "_name", name)

    def __getattr__(self, attr):
        full = f"{self._name}.{attr}"
        v = _e.get_global(full)
        if v is None:
            return wrap(_e.eval("::"))
        return wrap(v)

    def __setattr__(self, attr, value):
        full = f"{self._name}.{attr}"
        if full == ".z.pw" and callable(value) and not isinstance(value, K):
            value = _password_adapter(value)
        _e.set_global(full, value)

    def __delattr__(self, attr):
        _e.eval(f"{self._name}:(`{attr}) _ {self._name}")


def _password_adapter(fn):
    """.z.pw from Python: called with user and password as str (None when absent)."""
    def pw(user, password):
        u = str(user.py()) if isinstance(user, K) else str(user)
        p = password.py() if isinstance(password, K) else password
        if isinstance(p, bytes):
            p = p.decode()
        return bool(fn(u, p if p else None))
    return pw


class Q:
    """q('1+1'), q('{x+y}', 1, 2), q.til(5), q.z.pw = f, q.value(query)."""

    def __call__(self, query, *args):
        if isinstance(query, bytes):
            query = query.decode()
        if args:
            return wrap(_e.apply(query, *args))
        return wrap(_e.eval(query))

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in ("z", "Q", "h", "o", "u", "j", "pykx"):
            return Ctx("." + name)
        f = _e.eval(name) if name not in ("value",) else _e.eval("value")
        fn = wrap(f)
        return fn

    def __setattr__(self, name, value):
        _e.set_global(name, value)


q = Q()
