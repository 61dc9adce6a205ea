"""TLS on the q port (-E, src/net/tls.c) against the real binary, with Python's ssl module
and a self-signed certificate made by openssl in the test: IPC, HTTPS and WebSocket inside
TLS, plain and TLS on one port (-E 1), TLS only (-E 2), a TLS hello to a plain port (-E 0),
a stalled TLS handshake under the handshake deadline.  Every wait is bounded."""
import http.client
import shutil
import socket
import ssl
import struct
import subprocess
import time

import pytest

from conftest import Server
from test_http import frame, ipc_alive, read_frame, recv_all

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl")


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    d = tmp_path_factory.mktemp("tls")
    crt, key = d / "server.crt", d / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(crt)],
                   check=True, capture_output=True, timeout=60)
    return {"KX_SSL_CERT_FILE": str(crt), "KX_SSL_KEY_FILE": str(key)}


def client_ctx():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def tls_socket(port):
    raw = socket.create_connection(("127.0.0.1", port), timeout=5)
    return client_ctx().wrap_socket(raw, server_hostname="localhost")


def ipc_query(s, text, login=True):
    if login:
        s.sendall(b"\x03\x00")
        assert s.recv(1) == b"\x03"
    body = b"\x0a\x00" + struct.pack("<I", len(text)) + text.encode()
    s.sendall(struct.pack("<BBBBI", 1, 1, 0, 0, 8 + len(body)) + body)
    head = b""
    while len(head) < 8:
        head += s.recv(8 - len(head))
    n = struct.unpack("<I", head[4:])[0] - 8
    data = b""
    while len(data) < n:
        data += s.recv(n - len(data))
    return data


@pytest.fixture
def tls_server(cert, request):
    srv = Server(script=".z.ws:{neg[.z.w] x}\n", args=["-E", str(request.param)], env=cert)
    yield srv
    srv.stop()


@pytest.mark.parametrize("tls_server", [1], indirect=True)
def test_ipc_http_ws_in_tls_and_plain_alongside(tls_server):
    s = tls_socket(tls_server.port)
    assert s.version() in ("TLSv1.2", "TLSv1.3")
    reply = ipc_query(s, "til 3")
    assert reply == b"\x07\x00\x03\x00\x00\x00" + b"".join(struct.pack("<q", i) for i in range(3))
    big = ipc_query(s, "til 100000", login=False)          # a reply larger than one TLS record
    assert len(big) == 6 + 8 * 100000
    s.close()
    c = http.client.HTTPSConnection("127.0.0.1", tls_server.port, timeout=5, context=client_ctx())
    c.request("GET", "/?1+1")
    r = c.getresponse()
    assert r.status == 200 and b"<pre>2\n</pre>" in r.read()
    s = tls_socket(tls_server.port)
    s.sendall(b"GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
    head = b""
    while b"\r\n\r\n" not in head:
        head += s.recv(1)
    assert head.startswith(b"HTTP/1.1 101")
    s.sendall(frame(1, b"wss"))
    assert read_frame(s) == (1, b"wss")
    s.close()
    ipc_alive(tls_server.port)                 # plain IPC on the same port


@pytest.mark.parametrize("tls_server", [2], indirect=True)
def test_tls_only_refuses_plain(tls_server):
    s = socket.create_connection(("127.0.0.1", tls_server.port), timeout=5)
    s.sendall(b"\x03\x00")
    assert recv_all(s) == b""
    s.close()
    s = tls_socket(tls_server.port)
    assert ipc_query(s, "1+1")[0] == 0xF9
    s.close()


@pytest.mark.parametrize("tls_server", [0], indirect=True)
def test_tls_hello_to_plain_port_is_closed(tls_server):
    with pytest.raises((ssl.SSLError, OSError)):
        tls_socket(tls_server.port).recv(1)
    ipc_alive(tls_server.port)


def test_stalled_handshake_hits_the_deadline(cert):
    srv = Server(args=["-E", "1"], env={**cert, "OPENQ_HANDSHAKE_MS": "1500"})
    try:
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=8)
        s.sendall(b"\x16\x03\x01\x00")          # the start of a client hello, then nothing
        t0 = time.time()
        assert recv_all(s) == b""
        assert 1.0 < time.time() - t0 < 4.5    # the deadline (1.5 s) closed it
        s.close()
        s = tls_socket(srv.port)                # the loop was never stalled
        assert ipc_query(s, "2*3")[0] == 0xF9
        s.close()
    finally:
        srv.stop()


def test_missing_certificate_is_an_error(tmp_path):
    with pytest.raises(RuntimeError):
        Server(args=["-E", "1"], env={"KX_SSL_CERT_FILE": str(tmp_path / "none.crt"),
                                      "KX_SSL_KEY_FILE": str(tmp_path / "none.key")})
