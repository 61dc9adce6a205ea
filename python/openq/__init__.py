"""openq: a kdb+/q-compatible engine and server, with PyKX's server API and no licence.

`import openq as kx` gives the names PyKX users know: `kx.q` (the embedded interpreter),
K object classes (`LongAtom`, `FloatVector`, `Table`, ...), `kx.toq`, `RawQConnection`
(a q server), `SyncQConnection` / `AsyncQConnection` (clients) and `openq.remote`.
"""
try:  # inside the openq binary: the server's own interpreter
    import _openq_builtin as _e
except ImportError:  # a Python process: the extension module
    from . import _openq as _e

from .k import (  # noqa: F401
    K, Atom, Vector, List, Dictionary, Table, KeyedTable, Function, Lambda, Foreign,
    BooleanAtom, GUIDAtom, ByteAtom, ShortAtom, IntAtom, LongAtom, RealAtom, FloatAtom, CharAtom,
    SymbolAtom, TimestampAtom, MonthAtom, DateAtom, DatetimeAtom, TimespanAtom, MinuteAtom,
    SecondAtom, TimeAtom, BooleanVector, GUIDVector, ByteVector, ShortVector, IntVector, LongVector,
    RealVector, FloatVector, CharVector, SymbolVector, TimestampVector, MonthVector, DateVector,
    DatetimeVector, TimespanVector, MinuteVector, SecondVector, TimeVector, Identity,
    Projection, Composition, Operator, UnaryPrimitive, QError, toq, wrap,
)
from .embedded import q, Q  # noqa: F401
from .ipc import RawQConnection, SyncQConnection, AsyncQConnection, QConnection  # noqa: F401
from . import remote  # noqa: F401

__version__ = _e.__version__  # CMakeLists.txt project(VERSION), through the engine
__all__ = ["q", "toq", "K", "QError", "RawQConnection", "SyncQConnection", "AsyncQConnection"]
