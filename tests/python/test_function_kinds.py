"""PyKX's classes of q functions: the elided argument of a projection (ProjectionNull) and
the parts of compositions, projections and applied iterators (func, args, params)."""
import openq as kx


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
