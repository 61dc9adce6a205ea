"""PyKX's classes of q functions: the elided argument of a projection (ProjectionNull) and
the parts of compositions, projections and applied iterators (func, args, params)."""
import openq as kx
from pyfixtures import BINARY


def test_projection_null():
    p = kx.q("value[(;)]1")
    assert isinstance(p, kx.ProjectionNull)
    assert p == kx.q("value[(;)]2") and p == ...
    assert p != kx.q("::") and p != None and p != object()  # noqa: E711
    assert not p > 0 and not p < 0 and not p >= 1 and not p <= -1
    assert p >= p and p <= p and not p > p and not p < p
    assert repr(p) == "pykx.ProjectionNull(pykx.q('::'))"
    assert p.py() is Ellipsis and p.is_null and not p.is_inf
    assert isinstance(kx.q("::"), kx.Identity) and not isinstance(kx.q("::"), kx.ProjectionNull)
    assert kx.q("{x+y*z}[;12]").args == (..., 12)


def test_composition_parts():
    q = kx.q
    assert q("flip reverse @").args == (q("flip"), q("reverse"))
    assert q("flip reverse @").func == q("reverse")
    assert q("{x*x} neg {[argarg] argarg} @").params == ("argarg",)
    f = q("{[a;b] a+b}")
    assert f.scan.func == f and f.scan.params == ("a", "b") and f.scan.args == ()


def test_namespace_functions_are_symbolic():
    q = kx.q
    f = q.Q.dpft
    assert isinstance(f, kx.SymbolicFunction) and isinstance(f, kx.SymbolAtom) and f.t == -11
    assert str(f) == ".Q.dpft" and bytes(f) == b".Q.dpft" and f.sym == ".Q.dpft"
    assert f == f.with_execution_ctx(q) and f >= f and not f < f and f != ".Q.dpft"
    assert f.params == ("d", "p", "f", "t")
    assert q.pykx.modpow(10, 2, 19) == 5
    q(".vvv.g:{x+1}")
    g = kx.SymbolicFunction(".vvv.g")
    assert g(1) == 2
    q(".vvv.g:{x+2}")  # the name is read when called
    assert g(1) == 3 and q.vvv.g(1) == 3
    assert isinstance(q("{x}"), kx.Lambda)  # a value, not a name


def test_symbolic_function_on_a_connection(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    with kx.SyncQConnection(port=port) as conn:
        f = kx.SymbolicFunction(".vvv.h").with_execution_ctx(conn)
        assert f != kx.SymbolicFunction(".vvv.h")
        conn(".vvv.h:{x*10}")
        assert f(4) == 40


def test_foreign_helpers():
    isf = kx.q(".pykx.util.isf")
    assert isinstance(isf, kx.Foreign) and isf
    assert isinstance(kx.q.pykx.util.isf.func, kx.Foreign)
    assert kx.K(sorted).params == ("iterable", "key", "reverse")
    t = kx.q("([] time:1 3; x:`a`b)")
    u = kx.q("([] time:0 2; y:10 20)")
    assert kx.q(".Q.ajf0[0;1;`time;;]", t, u).py() == kx.q("aj[`time;;]", t, u).py()


def test_local_symbolic_function_goes_as_its_value(spawn):
    port, _ = spawn([BINARY, "-p", "{port}", "-q"])
    kx.q(".my.func:{x+1}")
    with kx.SyncQConnection(port=port) as conn:
        assert conn(kx.q.my.func, 1) == 2
