"""The depth rule from Python: deep input answers 'stack in any thread, even on a small stack,
and deep values convert with an error, not a crash (docs/compat.md, Limits)."""
import threading

import pytest

import openq as kx


def in_thread(fn, stack_bytes):
    """fn() on a thread with a stack of stack_bytes: ("value", v) or ("error", exception)"""
    out = []

    def target():
        try:
            out.append(("value", fn()))
        except BaseException as e:  # noqa: B902 - report whatever it raised
            out.append(("error", e))

    old = threading.stack_size(stack_bytes)
    try:
        t = threading.Thread(target=target)
        t.start()
        t.join()
    finally:
        threading.stack_size(old)
    return out[0]


@pytest.mark.parametrize("stack", [256 << 10, 1 << 20, 8 << 20])
@pytest.mark.parametrize("src", [
    'count value (4000#"("),"1",4000#")"',
    'count value (4000#"{"),4000#"}"',
    'count value (1000000#"1+"),"1"',
    'count string {enlist x}/[1000000;1]',
    '1+{enlist x}/[1000000;1]',
])
def test_deep_input_is_stack_in_a_thread(src, stack):
    kind, v = in_thread(lambda: kx.q(src), stack)
    assert kind == "error" and isinstance(v, kx.QError) and "stack" in str(v)
    assert kx.q("1+1").py() == 2


def test_deep_values_convert_with_an_error():
    deep = kx.q("{enlist x}/[1000000;1]")
    kind, v = in_thread(lambda: deep.py(), 512 << 10)
    assert kind == "error"
    nested = 1
    for _ in range(1000000):
        nested = [nested]
    kind, v = in_thread(lambda: kx.toq(nested), 512 << 10)
    assert kind == "error"
    assert kx.q("1+1").py() == 2
