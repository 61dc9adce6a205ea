"""Remote function execution: define a Python function here, run it in an openq (or q +
PyKX) server.  The wire messages are PyKX's, byte for byte, so a real PyKX client's
`pykx.remote.session` and this module are interchangeable against either server.

Remote execution is code execution: the server runs whatever source it is sent.  Protect
such a server with .z.pw (an unauthenticated client never reaches it) and do not expose it.
"""
import inspect

from .ipc import SyncQConnection
from .k import QError  # noqa: F401

# the q the client sends (PyKX 3.x remote.py)
_PYKX_LOADED = '`pykx in key `'
_LOAD_PYKX = '@[system"l ",;"pykx.q";{\'"Failed to load PyKX with error: ",x}]'
_LOAD_LIBRARY = '\n                {[alias;library]\n                  alias:string alias;\n                  library:string library;\n                  @[.pykx.pyexec;\n                    "import ",library," as ",alias;\n                    {\'"Failed to load library \'",x,\n                      "\' with alias \'",y,"\' with error: ",z}[library;alias]\n                    ]}\n                '
_CALL = '\n                                           {[code;func_name;args;lenargs]\n                                             .pykx.pyexec trim "\n" sv 1_"\n" vs code;\n                                             func:.pykx.get[func_name;<];\n                                             $[lenargs;func . args;func[]]\n                                             }\n                                           '


class session:
    """A connection to a server that runs Python functions."""

    def __init__(self, host="localhost", port=None, libraries=None, *, username="", password="",
                 timeout=0.0, large_messages=True, tls=False):
        if libraries is not None and not isinstance(libraries, dict):
            raise TypeError("libraries must be supplied as a dictionary or None")
        self._session = None
        self._libraries = []
        if port is not None:
            self.create(host, port, username=username, password=password, timeout=timeout,
                        large_messages=large_messages, tls=tls)
            if libraries:
                self.libraries(libraries)

    def create(self, host="localhost", port=None, *, username="", password="", timeout=0.0,
               large_messages=True, tls=False):
        if self._session is not None:
            raise Exception("Active session in progress")
        if tls:
            raise QError("nyi: tls")
        self._session = SyncQConnection(host, port, username=username, password=password,
                                        timeout=timeout, large_messages=large_messages)
        if not self._session(_PYKX_LOADED).py():
            print("PyKX not loaded on remote server, attempting to load PyKX")
            self._session(_LOAD_PYKX)
        self.valid = True

    def libraries(self, libs):
        if not isinstance(libs, dict):
            raise TypeError("libraries must be supplied as a dictionary")
        self._require()
        for alias, lib in libs.items():
            self._session(_LOAD_LIBRARY, alias, lib)
            self._libraries.append(lib)

    def add_library(self, *libs):
        """Import libraries on the server now: a missing one raises here, not at the first call."""
        if self._session is None:
            raise Exception("Unable to add packages in the absence of a session")
        self.libraries({lib: lib for lib in libs})

    def clear(self):
        self._session = None
        self._libraries = []

    def close(self):
        if self._session is not None:
            self._session.close()

    def _require(self):
        if self._session is None:
            raise Exception("User session must be generated using the 'create_session' function")


def _source(f):
    try:
        import dill
        return dill.source.getsource(f)
    except Exception:  # noqa: BLE001
        return inspect.getsource(f)


def function(remote_session, *args):
    """Decorator: calls of the function run on the session's server and return q values."""
    def decorator(f):
        def wrapper(*fargs):
            if not isinstance(remote_session, session):
                raise Exception("Supplied remote_session instance must be a kx.remote.session object")
            remote_session._require()
            src = _source(f)
            return remote_session._session(_CALL, bytes(src, "UTF-8"), f.__name__, list(fargs),
                                           len(fargs))
        wrapper.__name__ = f.__name__
        wrapper.__doc__ = f.__doc__
        return wrapper
    return decorator
