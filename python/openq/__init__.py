"""openq: a kdb+/q-compatible engine and server, with PyKX's API and no licence.

`import openq as kx` gives the names PyKX users know: `kx.q` (the embedded interpreter),
the K object classes (`LongAtom`, `FloatVector`, `Table`, ...), `kx.toq`, `kx.exceptions`,
`RawQConnection` (a q server), `SyncQConnection` / `AsyncQConnection` (clients) and
`openq.remote`.
"""
try:  # inside the openq binary: the server's own interpreter
    import _openq_builtin as _e
except ImportError:  # a Python process: the extension module
    from . import _openq as _e

from . import exceptions  # noqa: F401
from .exceptions import *  # noqa: F401,F403
from . import k as wrappers  # noqa: F401
from .k import *  # noqa: F401,F403
from .k import K, wrap  # noqa: F401
from .toq import toq  # noqa: F401
from .embedded import q, Q, EmbeddedQ  # noqa: F401
from .ipc import RawQConnection, SyncQConnection, AsyncQConnection, QConnection, QFuture  # noqa: F401,E501
from .ipc import SecureQConnection, ssl_info  # noqa: F401
from . import remote  # noqa: F401
from . import util, config, _pyarrow, random, cast  # noqa: F401
from .util import PyKXReimport  # noqa: F401
from .pandas_api import PandasAPI, merge_asof  # noqa: F401
from .query import Column, ParseTree, QueryPhrase, Variable  # noqa: F401
from . import _wrappers  # noqa: F401
from ._wrappers import deserialize, serialize  # noqa: F401

embedded_q = q
licensed = True
k_allocator = False  # PyKX's NEP-49 allocator switch: openq's arrays are views of q memory
__version__ = _e.__version__  # CMakeLists.txt project(VERSION), through the engine
__all__ = ["q", "toq", "K", "QError", "RawQConnection", "SyncQConnection", "AsyncQConnection"]
