"""Integral atoms under Python's bitwise operators (ints, as PyKX's), q's empty list and
dictionary shown as q writes them, a dictionary of rows converted row by row."""
import openq as kx


def test_integral_atoms_bitwise_as_python_ints():
    a, b = kx.K(12), kx.K(19)
    assert a << 2 == 48 and 2 << a == 8192 and b >> 2 == 4 and 2 >> a == 0
    assert a | 7 == 15 and 7 | a == 15 and a ^ b == 31 and a & 4 == 4 and b & a == 0
    assert ~a == -13 and isinstance(~a, kx.LongAtom) and ~kx.q("12i") == kx.q("-13i")
    # booleans and vectors keep q's meaning (and, or: min, max)
    assert (kx.q("1b") & kx.q("0b")) == kx.q("0b")
    assert (a | kx.q("2 20")).py() == [12, 20]
    assert ~kx.q("1b") == kx.q("0b")


def test_empty_list_and_dictionary_text():
    assert str(kx.q("()")) == "()" and str(kx.q("()!()")) == "()!()"
    assert str(kx.q("enlist(::)")) == "::" and str(kx.q('""')) == ""


def test_dictionary_of_rows():
    d = kx.q('`a`b!([] error: ("";""); metadata: (()!();()!()); data: (1; 2))')
    assert d.py() == {"a": {"error": b"", "metadata": {}, "data": 1},
                      "b": {"error": b"", "metadata": {}, "data": 2}}


def test_float_power_has_no_modulus_and_reshape_needs_a_matrix():
    import pytest
    v = kx.q("1.2 3.4 5.6")
    assert abs(pow(v, 2).py()[0] - 1.44) < 1e-9
    for args in ((v, 2, 3), (v, 2, v), (2, v, 3)):
        with pytest.raises(TypeError):
            pow(*args)
    assert pow(kx.q("3 4"), 2, 5).py() == [4, 1]
    assert kx.q("((1 2;3 4);(5 6;7 8))").np(reshape=True).shape == (2, 2, 2)
    for bad in ("(1 2;2 3f)", "(1 2;2)", "(1 2;3 4 5)"):
        with pytest.raises(TypeError, match="rectangular"):
            kx.q(bad).np(reshape=True)
