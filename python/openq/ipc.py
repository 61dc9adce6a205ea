"""Servers and clients over the kdb+ IPC protocol.

RawQConnection(as_server=True) serves q clients from this process with openq's C event loop
(the handshake, framing and .z hooks run in C; Python hooks set with `openq.q.z.pg = f` are
called with the query as a K object).  SyncQConnection / AsyncQConnection are clients.
"""
import asyncio
import os
import socket
import ssl
import struct
import sys
import time
import warnings

try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

from .embedded import QAccess, DEBUG_WRAPPER, debug_query, debug_result, debugging
from .exceptions import PyKXException, UninitializedConnection
from .k import Foreign, K, QError, SymbolicFunction, wrap


class RawQConnection:
    """PyKX's RawQConnection; with as_server=True a q server on `port`.

    poll_recv() handles whatever arrived (waiting briefly, without spinning);
    `await poll_recv_async()` serves from asyncio until cancelled.  conn_gc_time is kept for
    compatibility: closed connections are noticed by the loop (EOF) and freed at once.
    """

    def __init__(self, host="localhost", port=None, *, as_server=False, conn_gc_time=0.0,
                 username="", password="", timeout=0.0, **kwargs):
        self.as_server = as_server
        self.conn_gc_time = conn_gc_time
        self.closed = False
        self._send_stack = []  # (message bytes, QFuture or None) not yet sent
        self._call_stack = []  # QFutures whose replies have not arrived, oldest first
        if as_server:
            self.port = _e.listen(str(port if port is not None else 0))
            self._client = None
        else:
            kwargs.pop("event_loop", None)
            self._client = SyncQConnection(host, port, username=username, password=password,
                                           timeout=timeout, **kwargs)

    def __call__(self, query, *args, wait=True, debug=False, **kwargs):
        """Queue a message; poll_send() sends it, poll_recv() (or awaiting the future) reads
        its reply.  wait=False sends an async message: the future is done once sent."""
        if self.as_server:
            raise TypeError("a RawQConnection serving clients is not callable")
        c = self._client
        if c.closed:
            raise RuntimeError("Attempted to use a closed IPC connection")
        dbg = wait and debugging(debug, kwargs.get("skip_debug", False))
        msg = _e.encode(_debug_message(query, args) if dbg else _message(query, args),
                        1 if wait else 0, c._cap)
        fut = QFuture(self, dbg)
        self._send_stack.append((msg, fut if wait else None))
        if wait:
            self._call_stack.append(fut)
        else:
            fut._set(wrap(_e.eval("::")))
        return fut

    def poll_send(self, amount=1):
        """Send `amount` queued messages (0: all)."""
        n = len(self._send_stack) if amount == 0 else min(amount, len(self._send_stack))
        for _ in range(n):
            msg, _fut = self._send_stack.pop(0)
            self._client._sock.sendall(msg)

    def _recv_one(self, timeout):
        """One message if one arrives within timeout seconds: a reply completes the oldest
        future (and is returned); a message the server sent on its own is returned."""
        import select
        sock = self._client._sock
        ready, _, _ = select.select([sock], [], [], timeout)
        if not ready:
            return None
        data = self._client._recv()
        try:
            value, err = wrap(_e.decode(data)), None
        except QError as ex:
            value, err = None, ex
        if data[1] == 2 and self._call_stack:
            fut = self._call_stack.pop(0)
            if err is not None:
                fut._fail(err)
            else:
                fut._set(value)
        elif err is not None:
            raise err
        return value

    def poll_recv(self, amount=1, timeout=0.1):
        if self.as_server:
            _e.poll(int(timeout * 1000))
            return None
        n = len(self._call_stack) if amount == 0 else amount
        last = None
        for i in range(max(n, 1)):
            v = self._recv_one(timeout if i == 0 else 0.01)
            if v is None:
                break
            last = v
        return last

    def _complete(self, fut):
        self.poll_send(0)
        while not fut.done():
            self._recv_one(None)

    async def poll_recv_async(self):
        """Serve from the running asyncio loop: wake on the C loop's descriptor, handle."""
        loop = asyncio.get_running_loop()
        ready = asyncio.Event()
        fd = _e.fd()
        loop.add_reader(fd, ready.set)
        try:
            while not self.closed:
                await ready.wait()
                ready.clear()
                _e.poll(0)
        finally:
            loop.remove_reader(fd)

    def fileno(self):
        return self._client.fileno()

    def clean_open_connections(self):
        return None

    def close(self):
        if self.as_server and not self.closed:
            _e.unlisten()
        if self._client:
            self._client.close()
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()

    def __await__(self):
        async def ready():
            return self
        return ready().__await__()


class QFuture:
    """The reply to a queued RawQConnection call: done(), result(), or `await` it."""

    def __init__(self, conn, debug=False):
        self._conn = conn
        self._debug = debug  # the reply is the debug wrapper's (0b;value) or (1b;bt;error)
        self._done = False
        self._value = None
        self._error = None

    def _set(self, value):
        self._done, self._value = True, value

    def _fail(self, error):
        self._done, self._error = True, error

    def done(self):
        return self._done

    def result(self):
        if not self._done:
            from .exceptions import NoResults
            raise NoResults("the reply has not arrived")
        if self._error is not None:
            raise self._error
        return debug_result(self._value) if self._debug else self._value

    def __await__(self):
        self._conn._complete(self)  # sends what is queued, this message included
        return self.result()
        yield  # a generator: `await fut` completes at once


def _frame_length(header):
    return struct.unpack("<I", header[4:8])[0] | (header[3] << 32)


def _debug_message(query, args):
    """The message for conn(query, *args, debug=True): PyKX's .Q.trp wrapper applied to the
    query and its arguments (embedded.DEBUG_WRAPPER)."""
    _message(query, args)  # refuses what cannot travel
    return _message(DEBUG_WRAPPER, (debug_query(query, args),))


def _message(query, args):
    """The message for conn(query, *args): the query text alone, or (query; args...)."""
    for a in (query,) + tuple(args):
        if isinstance(a, Foreign) or callable(a) and not isinstance(a, K):
            raise ValueError(f"Python objects cannot be sent to a q process: {type(a)}")
    if isinstance(query, SymbolicFunction) and query._ctx is None:
        query = query.func  # a function of this process's q goes as its value
    if isinstance(query, str):
        query = query.encode()
    if not args:
        return query
    return [_e.toq(query)] + [a for a in args]


class SyncQConnection(QAccess):
    """A blocking client: conn('1+1'), conn('{x+y}', 1, 2), conn('a:1', wait=False)."""

    # The framing stays here rather than in the C client (src/net/client.c, q's hopen) until
    # that client can serve a Python caller: it holds the GIL while it waits for a reply, it
    # registers the socket with this process's server loop (so the server's async messages
    # would be evaluated here, where PyKX's client skips them), and it refuses a connection
    # to this process's own listener, which a Python server polled from a thread allows.

    def __init__(self, host="localhost", port=None, *, username="", password="", timeout=0.0,
                 unix=False, large_messages=True, no_ctx=True, tls=False,
                 reconnection_attempts=-1, reconnection_delay=0.5,
                 reconnection_function=None, connection_timeout=None, **kwargs):
        if port is None:
            raise TypeError("a port is required")
        self._connection_info = {"host": host, "port": port, "username": username,
                                 "password": password, "timeout": timeout,
                                 "connection_timeout": connection_timeout, "tls": tls,
                                 "unix": unix, "large_messages": large_messages,
                                 "reconnection_attempts": reconnection_attempts}
        if tls and unix:
            raise PyKXException("Using both tls and unix is not possible with a QConnection.")
        object.__setattr__(self, "_port", port)
        self._where = (host, port, username, password, timeout, unix, large_messages, tls)
        self._retries = reconnection_attempts
        self._delay = reconnection_delay
        self._next_delay = reconnection_function or (lambda d: d * 2)
        self.closed = True
        self._connect()

    def _connect(self):
        host, port, username, password, timeout, unix, large, tls = self._where
        if unix:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(b"\0/tmp/kx.%d" % port)
        else:
            sock = socket.create_connection((host, port), timeout=timeout or None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if tls:
                sock = _tls_context().wrap_socket(sock, server_hostname=host)
        cred = f"{username}:{password}" if password else username
        sock.sendall(cred.encode() + bytes([6 if large else 3, 0]))
        reply = sock.recv(1)
        if not reply:
            sock.close()
            raise QError("access: Failed to connect to server with invalid username/password")
        self._sock = sock
        self._cap = reply[0]
        self._stale = 0  # sync replies still owed for queries that timed out
        self.closed = False

    def _reconnect(self):
        """After a lost connection: reconnection_attempts tries, each after a delay that
        reconnection_function grows (doubling by default), reported on stderr as PyKX does."""
        for delay in _reconnections(self):
            try:
                self._connect()
                return _reconnected()
            except OSError:
                _retry_in(delay)
                time.sleep(delay)

    def _recv(self):
        header = self._recv_exact(8)
        return header + self._recv_exact(_frame_length(header) - 8)

    def _recv_exact(self, n):
        buf = bytearray()
        while len(buf) < n:
            chunk = self._sock.recv(min(n - len(buf), 1 << 20))
            if not chunk:
                raise RuntimeError("Attempted to use a closed IPC connection")
            buf += chunk
        return bytes(buf)

    def __call__(self, query, *args, wait=True, debug=False, **kwargs):
        if self.closed:
            if self._retries < 0:
                raise RuntimeError("Attempted to use a closed IPC connection")
            self._reconnect()
        if len(args) > 8:
            raise TypeError("Too many arguments: q functions take at most 8")
        dbg = wait and debugging(debug, kwargs.get("skip_debug", False))
        msg = _e.encode(_debug_message(query, args) if dbg else _message(query, args),
                        1 if wait else 0, self._cap)
        try:
            r = self._send(msg, wait)
        except (OSError, RuntimeError):
            if self._retries < 0:
                raise
            self._sock.close()
            self.closed = True
            self._reconnect()
            r = self._send(msg, wait)
        return debug_result(r) if dbg else r

    def _create_result(self, message):
        """The value of one whole reply message (its bytes, compressed or not)."""
        return wrap(_e.decode(bytes(message)))

    def _send(self, msg, wait):
        while self._stale:  # replies to queries that timed out: read and drop them first
            t = self._sock.gettimeout()
            self._sock.settimeout(None)
            try:
                if self._recv()[1] == 2:
                    self._stale -= 1
            finally:
                self._sock.settimeout(t)
        self._sock.sendall(msg)
        if not wait:
            return wrap(_e.eval("::"))
        while True:
            try:
                data = self._recv()
            except socket.timeout:
                self._stale += 1
                raise QError("timeout: no reply within the connection's timeout") from None
            if data[1] == 2:
                return wrap(_e.decode(data))

    def _call(self, query, *args):
        return self(query, *args)

    def __repr__(self):
        return f"pykx.QConnection(port={self._port!r})"

    def _keyword(self, name):
        def remote(*args):
            return self(name, *args)
        remote.__name__ = name
        return remote

    def fileno(self):
        return self._sock.fileno()

    def close(self):
        self._retries = -1  # closed by its user: no reconnection
        if not self.closed:
            self._sock.close()
            self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


QConnection = SyncQConnection


class _NoLock:
    """An async context manager that holds nothing (the caller has the lock already)."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


_NO_LOCK = _NoLock()


class _Blocking:
    """An AsyncQConnection's settings as a short blocking connection, for the one question
    file_execute asks before it sends (is .pykx there?)."""

    def __init__(self, conn):
        self._conn = conn

    def _call(self, query, *args):
        c = self._conn
        with SyncQConnection(c.host, c.port, username=c.username, password=c.password,
                             tls=c._tls, unix=c._unix) as q:
            return q(query, *args)


class SecureQConnection(SyncQConnection):
    """PyKX's SecureQConnection: a blocking client, the same calls as SyncQConnection."""


def _tls_context():
    """The client's TLS settings from q's variables: KX_SSL_CA_CERT_FILE (or _PATH) to trust,
    KX_SSL_VERIFY_SERVER=NO to skip the certificate check."""
    ctx = ssl.create_default_context(cafile=os.environ.get("KX_SSL_CA_CERT_FILE"),
                                     capath=os.environ.get("KX_SSL_CA_CERT_PATH"))
    if os.environ.get("KX_SSL_VERIFY_SERVER", "YES").upper() == "NO":
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def ssl_info():
    """The TLS settings a client here would use, as q's (-26!) dictionary keys name them."""
    from .k import _q
    info = {"SSLEAY_VERSION": ssl.OPENSSL_VERSION,
            "SSL_CA_CERT_FILE": os.environ.get("KX_SSL_CA_CERT_FILE", ""),
            "SSL_CA_CERT_PATH": os.environ.get("KX_SSL_CA_CERT_PATH", ""),
            "SSL_VERIFY_SERVER": os.environ.get("KX_SSL_VERIFY_SERVER", "YES")}
    return _q("{(`$key x)!value x}", {k: v.encode() for k, v in info.items()})


def _reconnections(conn):
    """the delays before each reconnection attempt of conn (a closed connection: none, an
    error), then ConnectionError"""
    if conn._retries < 0:
        raise RuntimeError("Attempted to use a closed IPC connection")
    print("WARNING: Connection lost attempting to reconnect.", file=sys.stderr)
    delay = conn._delay
    for _ in range(conn._retries):
        yield delay
        delay = conn._next_delay(delay)
    raise ConnectionError("Connection failed after reconnection attempts")


def _reconnected():
    print("Connection successfully reestablished.", file=sys.stderr)


def _retry_in(delay):
    print(f"Failed to reconnect, trying again in {delay} seconds.", file=sys.stderr)


class AsyncQConnection:
    """An asyncio client: `await conn('1+1')`; with reconnection_attempts, a lost connection
    is made again as SyncQConnection's is."""

    def __init__(self, host="localhost", port=None, *, username="", password="", tls=False,
                 unix=False, connection_timeout=None, reconnection_attempts=-1,
                 reconnection_delay=0.5, reconnection_function=None, **kwargs):
        if port is None:
            raise TypeError("a port is required")
        self._connection_info = {"host": host, "port": port, "username": username,
                                 "password": password, "timeout": kwargs.get("timeout", 0.0),
                                 "connection_timeout": connection_timeout, "tls": tls,
                                 "unix": unix}
        self.host, self.port = host, port
        self.username, self.password = username, password
        self._tls, self._unix = tls, unix
        self._reader = self._writer = None
        self._lock = None
        self._call_stack = []  # requests sent or queued, not yet answered
        self._retries = reconnection_attempts
        self._delay = reconnection_delay
        self._next_delay = reconnection_function or (lambda d: d * 2)

    async def _connect(self):
        if self._tls and self._unix:
            raise PyKXException("Using both tls and unix is not possible with a QConnection.")
        if self._unix:
            self._reader, self._writer = await asyncio.open_unix_connection(
                "\0/tmp/kx.%d" % self.port)
        else:
            self._reader, self._writer = await asyncio.open_connection(
                self.host, self.port, ssl=_tls_context() if self._tls else None)
        cred = f"{self.username}:{self.password}" if self.password else self.username
        self._writer.write(cred.encode() + bytes([6, 0]))
        await self._writer.drain()
        reply = await self._reader.read(1)
        if not reply:
            raise QError("access: Failed to connect to server with invalid username/password")
        self._cap = reply[0]
        if self._lock is None:
            self._lock = asyncio.Lock()
        return self

    async def _reconnect(self):
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        for delay in _reconnections(self):
            try:
                await self._connect()
                return _reconnected()
            except OSError:
                _retry_in(delay)
                await asyncio.sleep(delay)

    def _ready(self):
        if self._lock is None:  # never connected (a lost connection is made again on use)
            raise UninitializedConnection("The connection has not been initialised: await it "
                                          "or use it in `async with`")

    def __await__(self):
        return self._connect().__await__()

    async def __aenter__(self):
        return await self._connect()

    async def __aexit__(self, *exc):
        await self.close()

    def __repr__(self):
        return f"pykx.AsyncQConnection(port={self.port!r})"

    def fileno(self):
        self._ready()
        if self._writer is None:
            raise RuntimeError("Attempted to use a closed IPC connection")
        return self._writer.get_extra_info("socket").fileno()

    def __call__(self, query, *args, wait=True, reuse=True, debug=False, async_response=False,
                 **kwargs):
        """Sends the query; answers an awaitable for the reply (for wait=False, `::`).  With
        wait=False, reuse=False and async_response=True the awaitable gives a second one,
        for the next message the server sends back asynchronously (neg[.z.w] x)."""
        self._ready()
        if async_response and wait:
            warnings.warn("Cannot use async_response=True without wait=False.", UserWarning)
            async_response = False
        elif async_response and reuse:
            warnings.warn("Cannot use async_response=True without reuse=False.", UserWarning)
            async_response = False
        dbg = wait and debugging(debug, kwargs.get("skip_debug", False))
        msg = _e.encode(_debug_message(query, args) if dbg else _message(query, args),
                        1 if wait else 0, self._cap)
        task = asyncio.ensure_future(self._request(msg, wait, async_response, dbg))
        self._call_stack.append(task)
        task.add_done_callback(lambda t: t in self._call_stack and self._call_stack.remove(t))
        return task

    def _call(self, query, *args):
        return self(query, *args)

    @property
    def qsql(self):
        """select/exec/update/delete on the server, each answering an awaitable"""
        from .query import QSQL
        return QSQL(self)

    def __getitem__(self, key):  # at once, as PyKX's q['x'] answers, on a short connection
        try:
            return _Blocking(self)._call("get", str(key))
        except QError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        _Blocking(self)._call("set", str(key), value)

    def file_execute(self, file_path, *, return_all=False):
        """Sends a script's statements (see QAccess.file_execute); the replies' awaitables."""
        from .embedded import _file_calls
        self._ready()
        pending = [self(*c) for c in _file_calls(_Blocking(self), file_path)]
        return pending if return_all else (pending[-1] if pending else None)

    async def _request(self, msg, wait, async_response=False, debug=False):
        async with self._lock:
            try:
                return await self._exchange(msg, wait, async_response, debug)
            except (OSError, RuntimeError):
                if self._retries < 0:
                    raise
            await self._reconnect()
            return await self._exchange(msg, wait, async_response, debug)

    async def _exchange(self, msg, wait, async_response, debug):
        if self._writer is None:
            raise RuntimeError("Attempted to use a closed IPC connection")
        self._writer.write(msg)
        await self._writer.drain()
        if async_response:
            return asyncio.ensure_future(self._next_message(0))
        if not wait:
            return wrap(_e.eval("::"))
        r = await self._next_message(2)
        return debug_result(r) if debug else r

    async def _next_message(self, kind):
        """The next message of kind (0 async, 2 a reply) from the server; others skipped."""
        async with self._lock if kind == 0 else _NO_LOCK:
            while True:
                try:
                    header = await self._reader.readexactly(8)
                    body = await self._reader.readexactly(_frame_length(header) - 8)
                except asyncio.IncompleteReadError:
                    raise RuntimeError("Attempted to use a closed IPC connection") from None
                if header[1] == kind:
                    return wrap(_e.decode(header + body))

    async def close(self):
        if self._writer is None and self._lock is None:
            raise UninitializedConnection("The connection has not been initialised")
        self._retries = -1  # closed by its user: no reconnection
        for task in self._call_stack:
            task.cancel()
        self._call_stack.clear()
        if self._writer:
            self._writer.close()
            self._writer = None
