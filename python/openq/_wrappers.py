"""kx._wrappers: the few low-level helpers PyKX's users reach for (reference counts, atom to
vector, deserializing q IPC bytes), over the engine's own calls."""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from .exceptions import QError
from .k import Atom, K, wrap


def k_r(x):
    """x's reference count as the k.h field r reads it (0: one owner), not counting x itself."""
    return int(_e.topy(_e.apply("-16!", x._k), 1)) - 1


def to_vec(x):
    """A one-item vector of atom x."""
    if not isinstance(x, Atom):
        raise QError("type: to_vec takes an atom")
    return x._to_vector()


def deserialize(data):
    """The K object of q IPC bytes (-9!); an error message raises its QError."""
    b = bytes(data)
    if len(b) > 9 and b[8] == 0x80 and b[1] in (0, 1, 2):  # a q error: type -128 and its text
        raise QError(b[9:].split(b"\0", 1)[0].decode(errors="replace"))
    try:
        return wrap(_e.decode(b))
    except QError:
        raise QError("Failed to deserialize supplied non PyKX IPC serialized format "
                     "object") from None


def serialize(x, mode=3):
    """q IPC bytes of x (-8!)."""
    return bytes(_e.encode((x if isinstance(x, K) else K(x))._k, 1))


__all__ = ["k_r", "to_vec", "deserialize", "serialize"]
