"""HTTP and WebSocket on the q port (src/net/http.c, src/net/ws.c) against the real binary:
Python's http.client and urllib for HTTP, a small WebSocket client written here (frames built
by hand, so that hostile ones can be sent too) and the `websockets` package when installed.
Every wait is bounded."""
import base64
import hashlib
import http.client
import os
import socket
import struct
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import Server

SAFE = "/?.:`;[]()!+,=*-\"'"


def get(port, path, headers=None, timeout=5):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    c.request("GET", urllib.parse.quote(path, safe=SAFE), headers=headers or {})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r, body


def recv_all(s, limit=1 << 20):
    data = b""
    while len(data) < limit:
        try:
            chunk = s.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not chunk:
            break
        data += chunk
    return data


def raw(port, data, timeout=5):
    """send bytes on a new connection, return what comes back until the server closes"""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(data)
    out = recv_all(s)
    s.close()
    return out


def ipc_alive(port):
    """a plain IPC handshake and `1+1` still work: the server survived"""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"\x03\x00")
    assert s.recv(1) == b"\x03"
    body = b"\x0a\x00" + struct.pack("<I", 3) + b"1+1"
    s.sendall(struct.pack("<BBBBI", 1, 1, 0, 0, 8 + len(body)) + body)
    reply = s.recv(64)
    s.close()
    assert reply[8] == 0xF9 and struct.unpack("<q", reply[9:17])[0] == 2


@pytest.fixture
def qsrv(request):
    srv = Server(script=getattr(request, "param", ""))
    yield srv
    srv.stop()


# ---- HTTP -----------------------------------------------------------------------------------

def test_query_page_evaluates(qsrv):
    r, body = get(qsrv.port, "/?1+1")
    assert r.status == 200 and r.getheader("Content-Type") == "text/html"
    assert b"<pre>2\n</pre>" in body
    r, body = get(qsrv.port, "/?til 5")
    assert b"0 1 2 3 4" in body
    r, body = get(qsrv.port, '/?"<b>"')       # markup in a result is escaped
    assert b"&lt;b>" in body and b"<b>" not in body


def test_query_page_errors_are_400(qsrv):
    r, body = get(qsrv.port, "/?1+`a")
    assert r.status == 400 and body == b"'type"


def test_result_formats_by_extension(qsrv):
    r, body = get(qsrv.port, "/t.csv?([]a:1 2;b:`x`y)")
    assert r.status == 200 and r.getheader("Content-Type") == "text/comma-separated-values"
    assert body == b"a,b\n1,x\n2,y"
    r, body = get(qsrv.port, "/t.txt?([]a:1 2)")
    assert r.getheader("Content-Type") == "text/plain" and body == b"a\n1\n2"
    r, body = get(qsrv.port, "/t.json?([]a:1 2)")
    assert r.getheader("Content-Type") == "application/json"
    assert body == b'{"a":1}\n{"a":2}'


@pytest.mark.parametrize("qsrv", ["v1:42;v2:`abc\n"], indirect=True)
def test_variable_list(qsrv):
    r, body = get(qsrv.port, "/")
    assert r.status == 200 and b'<a href="?v1">v1</a>' in body and b"v2" in body


def test_static_files_from_home(qsrv, tmp_path):
    (tmp_path / "index.html").write_text("<p>hello</p>")
    home = str(tmp_path).replace("\\", "/")
    r, body = get(qsrv.port, f'/?.h.HOME:"{home}";1')
    assert r.status == 200
    r, body = get(qsrv.port, "/index.html")
    assert r.status == 200 and r.getheader("Content-Type") == "text/html" and body == b"<p>hello</p>"
    r, body = get(qsrv.port, "/missing.html")
    assert r.status == 404
    r, body = get(qsrv.port, "/../etc/passwd")
    assert r.status == 404


@pytest.mark.parametrize("qsrv", ['.z.ph:{[x]"HTTP/1.1 200 OK\\r\\nContent-Length: ",'
                                    '(string count b),"\\r\\n\\r\\n",b:.j.j `text`host`h!(x 0;x[1]`Host;.z.w)}\n'
                                    '.z.pp:{[x]"HTTP/1.1 200 OK\\r\\nContent-Length: ",'
                                    '(string count b),"\\r\\n\\r\\n",b:x 0}\n'], indirect=True)
def test_hooks_and_keep_alive(qsrv):
    c = http.client.HTTPConnection("127.0.0.1", qsrv.port, timeout=5)
    handles = set()
    for i in range(3):
        c.request("GET", f"/path{i}?a=b")
        r = c.getresponse()
        body = r.read()
        assert r.status == 200
        assert f'"text":"path{i}?a=b"'.encode() in body and b'"host":"127.0.0.1' in body
        handles.add(body.split(b'"h":')[1])
    assert len(handles) == 1                      # one connection served all three
    c.request("POST", "/endpoint", body="1+2", headers={"Content-Type": "text/plain"})
    r = c.getresponse()
    assert r.status == 200 and r.read() == b"endpoint 1+2"
    c.close()


@pytest.mark.parametrize("qsrv", ['.z.ph:{[x]"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok"}\n'],
                         indirect=True)
def test_pipelined_requests(qsrv):
    req = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
    out = raw(qsrv.port, req * 3 + b"GET /b HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert out.count(b"HTTP/1.1 200 OK") == 4


@pytest.mark.parametrize("qsrv", ['.z.pw:{[u;p](u=`alice)&p~"secret"}\n'], indirect=True)
def test_basic_auth_with_zpw(qsrv):
    r, body = get(qsrv.port, "/?1+1")
    assert r.status == 401 and "Basic" in r.getheader("WWW-Authenticate")
    bad = base64.b64encode(b"alice:wrong").decode()
    r, _ = get(qsrv.port, "/?1+1", {"Authorization": "Basic " + bad})
    assert r.status == 401
    good = base64.b64encode(b"alice:secret").decode()
    r, body = get(qsrv.port, "/?.z.u", {"Authorization": "Basic " + good})
    assert r.status == 200 and b"`alice" in body
    r, _ = get(qsrv.port, "/?1", {"Authorization": "Basic !!notbase64"})
    assert r.status == 401


# .z.ac (ref/dotz.md): the hook decides from (text; headers), before Basic credentials
ZAC = ('.z.ac:{[x] h:x 1; $[`Cookie in key h; $["token=good"~h`Cookie; (1;"carol"); (0;"")];'
       ' `XCustom in key h; (2;"HTTP/1.1 403 Forbidden\\r\\nContent-Length: 3\\r\\n\\r\\nno\\n");'
       ' `XCode in key h; (value h`XCode;"");'
       ' `XText in key h; $[x[0]~"?.z.u"; (1;"dave"); (0;"")];'
       ' `XFail in key h; \'boom; (4;"")]}\n'
       '.z.pw:{[u;p](u=`alice)&p~"secret"}\n')


@pytest.mark.parametrize("qsrv", [ZAC], indirect=True)
def test_zac_decides(qsrv):
    r, body = get(qsrv.port, "/?.z.u", {"Cookie": "token=good"})          # (1;"user")
    assert r.status == 200 and b"`carol" in body
    r, _ = get(qsrv.port, "/?.z.u", {"Cookie": "token=bad"})              # (0;"")
    assert r.status == 401
    r, body = get(qsrv.port, "/?1", {"XCustom": "1"})                    # (2;"response")
    assert r.status == 403 and body == b"no\n"
    r, body = get(qsrv.port, "/?.z.u", {"XText": "1"})                   # the text as .z.ph's
    assert r.status == 200 and b"`dave" in body
    r, _ = get(qsrv.port, "/?1", {"XText": "1"})
    assert r.status == 401
    r, _ = get(qsrv.port, "/?1", {"XFail": "1"})                         # an error refuses
    assert r.status == 401
    for code in ("3", "5", "`a"):                                         # unknown verdicts refuse
        r, _ = get(qsrv.port, "/?1", {"XCode": code})
        assert r.status == 401
    r, _ = get(qsrv.port, "/?1")                                          # (4;"") falls back to Basic
    assert r.status == 401
    good = base64.b64encode(b"alice:secret").decode()
    r, body = get(qsrv.port, "/?.z.u", {"Authorization": "Basic " + good})
    assert r.status == 200 and b"`alice" in body


def test_query_page_pages_long_tables(qsrv):
    """the query page shows a table through .h.jx (ref/doth.md): \\C rows at a time, with
    home/up/down/end links; "?[n" shows the last query from row n"""
    r, body = get(qsrv.port, "/?([]a:til 100)")
    assert r.status == 200
    assert b'<a href="?[0">home</a> <a href="?[0">up</a> <a href="?[32">down</a> <a href="?[68">end</a> 100[0]' in body
    assert b"\n0 \n" in body or b"\n0\n" in body
    r, body = get(qsrv.port, "/?[40")
    assert r.status == 200 and b"100[40]" in body
    text = body.split(b"<pre>")[1]
    assert b"\n40\n" in text and b"\n39\n" not in text


def test_users_file(tmp_path):
    users = tmp_path / "users.txt"
    users.write_text("bob:pw\n")
    srv = Server(args=["-u", str(users)])
    try:
        r, _ = get(srv.port, "/?1+1")
        assert r.status == 401
        ok = base64.b64encode(b"bob:pw").decode()
        r, body = get(srv.port, "/?1+1", {"Authorization": "Basic " + ok})
        assert r.status == 200 and b"<pre>2" in body
    finally:
        srv.stop()


def test_read_only(tmp_path):
    srv = Server(script="v:1\n", args=["-b"])
    try:
        r, body = get(srv.port, "/?v:2")
        assert r.status == 400 and body == b"'noupdate"
        r, body = get(srv.port, "/?v")
        assert b"<pre>1\n" in body
    finally:
        srv.stop()


@pytest.mark.parametrize("request_bytes,status", [
    (b"GET \r\n\r\n", b"400"),
    (b"GET / HTTP/1.1\n\n", b"200"),  # bare LF line ends are accepted
    (b"GET / HTTP/2.0\r\n\r\n", b"400"),
    (b"GET noslash HTTP/1.1\r\n\r\n", b"400"),
    (b"GET / HTTP/1.1\r\nbad header\r\n\r\n", b"400"),
    (b"GET / HTTP/1.1\r\n folded: x\r\n\r\n", b"400"),
    (b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", b"400"),
    (b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", b"400"),
    (b"POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n", b"413"),
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", b"501"),
    (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n", b"414"),
    (b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 70 + b"\r\n", b"431"),
    (b"GET / HTTP/1.1\r\nX: " + b"y" * 17000 + b"\r\n\r\n", b"431"),
])
def test_malformed_requests(qsrv, request_bytes, status):
    out = raw(qsrv.port, request_bytes)
    assert out.startswith(b"HTTP/1.1 " + status), out[:80]
    ipc_alive(qsrv.port)


def test_slow_headers_hit_the_handshake_deadline():
    srv = Server(env={"OPENQ_HANDSHAKE_MS": "300"})
    try:
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=5)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")   # the head never ends
        t0 = time.time()
        assert recv_all(s) == b""
        assert time.time() - t0 < 4
        s.close()
        ipc_alive(srv.port)
    finally:
        srv.stop()


def test_urllib_client(qsrv):
    with urllib.request.urlopen(f"http://127.0.0.1:{qsrv.port}/t.csv?" +
                                urllib.parse.quote("([]x:1 2 3)"), timeout=5) as r:
        assert r.read() == b"x\n1\n2\n3"


# ---- WebSocket --------------------------------------------------------------------------------

def ws_key():
    return base64.b64encode(os.urandom(16)).decode()


def ws_connect(port, headers=""):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    key = ws_key()
    s.sendall(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{headers}\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(1)
        assert chunk, head
        head += chunk
    assert head.startswith(b"HTTP/1.1 101"), head
    want = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
    assert b"Sec-WebSocket-Accept: " + want in head
    return s


def frame(opcode, payload, fin=True, mask=True, length=None):
    n = len(payload) if length is None else length
    head = bytes([(0x80 if fin else 0) | opcode])
    m = 0x80 if mask else 0
    if n < 126:
        head += bytes([m | n])
    elif n < 65536:
        head += bytes([m | 126]) + struct.pack(">H", n)
    else:
        head += bytes([m | 127]) + struct.pack(">Q", n)
    if not mask:
        return head + payload
    key = os.urandom(4)
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def read_frame(s):
    def exact(n):
        data = b""
        while len(data) < n:
            chunk = s.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data
    b0, b1 = exact(2)
    assert b1 & 0x80 == 0                      # a server never masks
    n = b1 & 0x7F
    if n == 126:
        n = struct.unpack(">H", exact(2))[0]
    elif n == 127:
        n = struct.unpack(">Q", exact(8))[0]
    return b0 & 0x0F, exact(n)


ECHO = """opened:();closed:()
.z.wo:{opened,:x}
.z.wc:{closed,:x}
.z.ws:{neg[.z.w] $[10h=type x;"echo:",x;reverse x]}
"""


@pytest.mark.parametrize("qsrv", [ECHO], indirect=True)
def test_ws_echo_text_and_binary(qsrv):
    s = ws_connect(qsrv.port)
    s.sendall(frame(1, b"hello"))
    assert read_frame(s) == (1, b"echo:hello")
    s.sendall(frame(2, b"\x01\x02\x03"))
    assert read_frame(s) == (2, b"\x03\x02\x01")
    big = b"x" * 70000                          # 64-bit length both ways
    s.sendall(frame(1, big))
    assert read_frame(s) == (1, b"echo:" + big)
    mid = b"y" * 300                            # 16-bit length
    s.sendall(frame(1, mid))
    assert read_frame(s) == (1, b"echo:" + mid)
    s.close()


@pytest.mark.parametrize("qsrv", [ECHO], indirect=True)
def test_ws_fragments_ping_close(qsrv):
    s = ws_connect(qsrv.port)
    s.sendall(frame(1, b"ab", fin=False) + frame(9, b"p1") + frame(0, b"cd", fin=False) + frame(0, b"ef"))
    assert read_frame(s) == (10, b"p1")         # the ping is answered between fragments
    assert read_frame(s) == (1, b"echo:abcdef")
    s.sendall(frame(8, struct.pack(">H", 1000)))
    assert read_frame(s) == (8, struct.pack(">H", 1000))
    assert recv_all(s) == b""
    s.close()
    time.sleep(0.2)
    r, body = get(qsrv.port, "/?(count opened;count closed;opened~closed)")
    assert b"<pre>1\n1\n1b\n" in body, body


@pytest.mark.parametrize("qsrv", [ECHO], indirect=True)
@pytest.mark.parametrize("bad,code", [
    (frame(1, b"", length=1 << 63), 1002),        # 2^63: the length's top bit is set
    (frame(1, b"", length=(1 << 63) - 1), 1009),  # past the cap
    (frame(1, b"hi", mask=False), 1002),          # a client must mask
    (frame(0, b"x"), 1002),                       # a continuation with nothing to continue
    (frame(9, b"p", fin=False), 1002),            # a fragmented control frame
    (frame(9, b"p" * 126), 1002),                 # a long control frame
    (bytes([0xC1, 0x80]) + b"\0\0\0\0", 1002),    # a reserved bit
    (frame(3, b"x"), 1002),                       # a reserved opcode
    (frame(1, b"a", fin=False) + frame(1, b"b"), 1002),  # a new message inside a fragmented one
])
def test_ws_hostile_frames_close_cleanly(qsrv, bad, code):
    s = ws_connect(qsrv.port)
    s.sendall(bad)
    assert read_frame(s) == (8, struct.pack(">H", code))
    assert recv_all(s) == b""
    s.close()
    ipc_alive(qsrv.port)


@pytest.mark.parametrize("qsrv", [ECHO + '.z.pw:{[u;p]p~"pw"}\n'], indirect=True)
def test_ws_needs_credentials_when_zpw_is_set(qsrv):
    s = socket.create_connection(("127.0.0.1", qsrv.port), timeout=5)
    s.sendall(("GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {ws_key()}\r\n\r\n").encode())
    assert recv_all(s).startswith(b"HTTP/1.1 401")
    auth = base64.b64encode(b"u:pw").decode()
    s = ws_connect(qsrv.port, f"Authorization: Basic {auth}\r\n")
    s.sendall(frame(1, b"q"))
    assert read_frame(s) == (1, b"echo:q")
    s.close()


@pytest.mark.parametrize("qsrv", ['.z.ws:{neg[.z.w] .Q.s value x}\n'], indirect=True)
def test_ws_query_and_sync_is_nyi(qsrv):
    s = ws_connect(qsrv.port)
    s.sendall(frame(1, b"2+3"))
    assert read_frame(s) == (1, b"5\n")
    s.sendall(frame(1, b"@[{.z.w x};\"x\";{x}]"))  # a sync send on a WebSocket handle
    assert read_frame(s) == (1, b"\"nyi\"\n")
    s.close()


def test_websockets_package():
    websockets = pytest.importorskip("websockets.sync.client")
    srv2 = Server(script=ECHO)
    try:
        with websockets.connect(f"ws://127.0.0.1:{srv2.port}/", open_timeout=5) as ws:
            ws.send("hi")
            assert ws.recv(timeout=5) == "echo:hi"
            ws.send(b"\x01\x02")
            assert ws.recv(timeout=5) == b"\x02\x01"
    finally:
        srv2.stop()
