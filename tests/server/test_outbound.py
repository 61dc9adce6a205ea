"""Outbound TLS and HTTP from the real binary (src/net/tls.c's client side, src/net/fetch.c):
hopen `:tcps:// to openq's own -E 2 server with a self-signed certificate made by openssl in
the test (verified against KX_SSL_CA_CERT_FILE, refused without it, accepted with
KX_SSL_VERIFY_SERVER=NO, a stalled handshake bounded by hopen's timeout), .z.e on both ends,
-26!, .Q.hg/.Q.hp against openq's HTTP server and a Python http.server, one-shot requests
(`:host:port msg, `::[(spec;timeout);msg]) and the WebSocket client ((`$":ws://...") "GET
...") against openq and the `websockets` package's server.  The client is a
second openq running a script; every wait is bounded."""
import http.server
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time

import pytest

import conftest
from conftest import BINARY, Server

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl")


def port_in_range():
    """a free loopback port in 28000-28999 (the range these tests may use)"""
    for p in range(28000 + os.getpid() % 500, 29000):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                continue
            return p
    raise RuntimeError("no free port in 28000-28999")


@pytest.fixture(autouse=True)
def ports(monkeypatch):
    monkeypatch.setattr(conftest, "free_port", port_in_range)


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    d = tmp_path_factory.mktemp("tlsc")
    crt, key = d / "server.crt", d / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(crt)], check=True, capture_output=True, timeout=60)
    return {"KX_SSL_CERT_FILE": str(crt), "KX_SSL_KEY_FILE": str(key)}


def run_client(script, env=None, tail="\nexit 0\n"):
    """run q script in a second openq; its stdout"""
    fd, path = tempfile.mkstemp(suffix=".q")
    with os.fdopen(fd, "w") as fh:
        fh.write(script + tail)
    base = {k: v for k, v in os.environ.items() if "SSL" not in k}
    try:
        r = subprocess.run([BINARY, path, "-q"], stdin=subprocess.DEVNULL, capture_output=True,
                           env={**base, **(env or {})}, timeout=30)
    finally:
        os.unlink(path)
    return r.stdout.decode()


@pytest.fixture
def tls_server(cert):
    srv = Server(script='.z.ph:{.h.hy[`txt] "fixed body"}\n.z.pp:{.h.hy[`txt] "posted:",first x}\n',
                 args=["-E", "2"], env=cert)
    yield srv
    srv.stop()


def test_tcps_hopen_verified_against_the_ca(cert, tls_server):
    out = run_client(f"""h:hopen`:tcps://localhost:{tls_server.port}
-1 .Q.s1 h"til 3";
e:h".z.e"; -1 .Q.s1 (key e;e`PROTOCOL);
l:.z.e; -1 .Q.s1 l;
c:(-26!h)`CERT; -1 .Q.s1 c`SUBJECT`VERIFIED`VERIFYERROR;
-1 .Q.s1 count h"til 100000";
hclose h; -1 "closed";
""", env={"KX_SSL_CA_CERT_FILE": cert["KX_SSL_CERT_FILE"]})
    lines = out.splitlines()
    assert lines[0] == "0 1 2"
    assert lines[1].startswith("(`CIPHER`PROTOCOL;`TLSv1.")          # the server saw no client cert
    assert lines[2] == "()!()"                                      # the console is no TLS connection
    assert lines[3] == '("/CN=localhost";1b;0)'
    assert lines[4] == "100000"
    assert lines[5] == "closed"
    assert tls_server.alive()


def test_tcps_with_user_and_password(cert):
    srv = Server(script=".z.pw:{[u;p] (u=`bob) and p~\"pw\"}\n", args=["-E", "2"], env=cert)
    try:
        out = run_client(f"""h:hopen`:tcps://127.0.0.1:{srv.port}:bob:pw
-1 .Q.s1 h".z.u";
-1 @[hopen;`:tcps://127.0.0.1:{srv.port}:bob:bad;{{"err ",x}}];
""", env={"KX_SSL_CA_CERT_FILE": cert["KX_SSL_CERT_FILE"]})
        assert out.splitlines() == ["`bob", "err access"]
    finally:
        srv.stop()


def test_unverified_certificate_is_refused_unless_verify_server_no(cert, tls_server):
    script = f'-1 @[{{string hopen x}};`:tcps://localhost:{tls_server.port};{{"err ",x}}];'
    assert run_client(script).strip() == "err conn: self-signed certificate"
    assert run_client(script, env={"KX_SSL_VERIFY_SERVER": "NO"}).strip().isdigit()
    assert tls_server.alive()


def test_hostip_checks_the_name(cert, tls_server):
    env = {"KX_SSL_CA_CERT_FILE": cert["KX_SSL_CERT_FILE"], "KX_SSL_VERIFY_SERVER": "HOSTIP"}
    ok = run_client(f"-1 string hopen`:tcps://127.0.0.1:{tls_server.port};", env=env)
    assert ok.strip().isdigit()
    # the certificate names localhost and 127.0.0.1; 127.0.0.2 is the same server, not the name
    bad = run_client(f'-1 @[hopen;`:tcps://127.0.0.2:{tls_server.port};{{"err ",x}}];', env=env)
    assert bad.strip().startswith("err conn:")


def test_stalled_tls_handshake_bounded_by_hopen_timeout():
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", port_in_range()))
    lsock.listen(4)                            # accepts (by the kernel), never answers
    port = lsock.getsockname()[1]
    try:
        t0 = time.time()
        out = run_client(f'-1 @[hopen;(`:tcps://127.0.0.1:{port};500);{{"err ",x}}];',
                         env={"KX_SSL_VERIFY_SERVER": "NO"})
        assert out.strip() == "err conn: timeout"
        assert time.time() - t0 < 10
    finally:
        lsock.close()


def test_tls_settings():
    out = run_client('s:(-26!)[]; -1 .Q.s1 key s; -1 s`SSL_VERIFY_SERVER; -1 s`SSL_CA_CERT_FILE;',
                     env={"KX_SSL_CA_CERT_FILE": "/nowhere/ca.pem"})
    lines = out.splitlines()
    assert lines[0] == ("`SSLEAY_VERSION`SSL_CERT_FILE`SSL_CA_CERT_FILE`SSL_CA_CERT_PATH`SSL_KEY_FILE"
                        "`SSL_CIPHER_LIST`SSL_VERIFY_CLIENT`SSL_VERIFY_SERVER")
    assert lines[1:] == ["YES", "/nowhere/ca.pem"]


def test_hg_hp_against_openq_http_and_https(cert, tls_server):
    plain = Server(script='.z.ph:{.h.hy[`txt] "fixed body"}\n.z.pp:{.h.hy[`txt] "posted:",first x}\n')
    try:
        out = run_client(f"""-1 .Q.s1 .Q.hg`$":http://127.0.0.1:{plain.port}/any/path";
-1 .Q.s1 .Q.hg "http://localhost:{plain.port}/";
-1 .Q.s1 .Q.hp["http://127.0.0.1:{plain.port}/p";"text/plain";"abc"];
-1 .Q.s1 .Q.hp["http://127.0.0.1:{plain.port}/q";"text/plain"] "projected";
-1 .Q.s1 .Q.hg ":https://localhost:{tls_server.port}/x";
-1 .Q.s1 .Q.hp[`$":https://localhost:{tls_server.port}/x";.h.ty`json;"[1]"];
-1 @[.Q.hg;":http://127.0.0.1:1/";{{"err ",x}}];
-1 @[.Q.hg;"ftp://x/";{{"err ",x}}];
""", env={"KX_SSL_CA_CERT_FILE": cert["KX_SSL_CERT_FILE"]})
        assert out.splitlines() == ['"fixed body"', '"fixed body"', '"posted:p abc"', '"posted:q projected"',
                                    '"fixed body"',
                                    '"posted:x [1]"', "err conn", "err url"]
    finally:
        plain.stop()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        if self.path == "/chunked":
            self.protocol_version = "HTTP/1.1"
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            for part in (b"hello ", b"chunked ", b"world"):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
            return
        body = ("path=" + self.path + " auth=" + self.headers.get("Authorization", "-")).encode()
        self.send_response(404 if self.path == "/missing" else 200)
        self.end_headers()                      # no Content-Length: the body ends at the close
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        body = (self.headers["Content-Type"] + "|" + self.rfile.read(n).decode()).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_hg_hp_against_python_http_server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port_in_range()), Handler)
    th = threading.Thread(target=httpd.serve_forever, daemon=True)
    th.start()
    port = httpd.server_address[1]
    try:
        out = run_client(f"""-1 .Q.hg ":http://127.0.0.1:{port}/a/b?x=1";
-1 .Q.hg ":http://user:pass@127.0.0.1:{port}/auth";
-1 .Q.hg ":http://127.0.0.1:{port}/missing";
-1 .Q.hg ":http://127.0.0.1:{port}/chunked";
-1 .Q.hp[":http://127.0.0.1:{port}/post";"application/json";"{{\\"a\\":1}}"];
-1 string count .Q.hp[":http://127.0.0.1:{port}/post";"text/plain";100000#"x"];
""")
        assert out.splitlines() == [
            "path=/a/b?x=1 auth=-",
            "path=/auth auth=Basic dXNlcjpwYXNz",
            "path=/missing auth=-",
            "hello chunked world",
            'application/json|{"a":1}',
            "100011",
        ]
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---- one-shot requests (ref/hopen.md) and the WebSocket client (kb/websockets.md) ----------

def test_oneshot_requests():
    srv = Server(script='f:{x*y}\n.z.pg:{$[x~"drop";hclose .z.w;value x]}\n')
    try:
        p = srv.port
        out = run_client(f"""-1 .Q.s1 `::{p} "1+1";
-1 .Q.s1 `:127.0.0.1:{p} "til 3";
-1 .Q.s1 `::[(":127.0.0.1:{p}";2000);"f[6;7]"];
-1 .Q.s1 `::[(`::{p};2000);(`f;2;3)];
-1 @[{{`::{p} x}};"'oops";{{"err ",x}}];
-1 @[{{`::{p} x}};"drop";{{"err ",x}}];
-1 .Q.s1 `::{p} "count .z.W";
-1 .Q.s1 `::{p} "(.z.H~key .z.W;key[.z.W]~enlist .z.w;type value .z.W;attr .z.H)";
-1 .Q.s1 (.z.H;.z.W);
a:10 20 30; -1 .Q.s1 `a 1;
""")
        assert out.splitlines() == ["2", "0 1 2", "42", "6", "err oops", "err expected response",
                                    "1", "(1b;1b;7h;`s)", "(`s#`int$();(`int$())!`long$())", "20"]
        refused = port_in_range()
        out = run_client(f'-1 @[{{`::{refused} x}};"1";{{"err ",x}}];')
        assert out.strip() == "err hop"
    finally:
        srv.stop()


WS_CLIENT = """msgs:();
.z.ws:{{msgs,:enlist x}};
.z.wc:{{-1 "closed"}};
r:(`$":ws://{auth}127.0.0.1:{port}")"GET /{path} HTTP/1.1\\r\\nHost: 127.0.0.1:{port}\\r\\n\\r\\n";
-1 .Q.s1 type first r;
-1 (12#last r);
neg[first r] "hello";
neg[first r] 0x010203;
neg[first r] 70000#"y";
.z.ts:{{if[{want}<=count msgs; -1 .Q.s1 each msgs; hclose first r; exit 0]}};
\\t 20
"""


def test_websocket_client_to_openq():
    srv = Server(script='.z.ws:{neg[.z.w] $[10=type x;"echo ",$[10<count x;-10#x;x];"bytes ",string count x]}\n')
    try:
        out = run_client(WS_CLIENT.format(auth="", port=srv.port, path="", want=3), tail="\n")
        lines = out.splitlines()
        assert lines[:2] == ["-6h", "HTTP/1.1 101"]
        assert lines[2:5] == ['"echo hello"', '"bytes 3"', '"echo yyyyyyyyyy"']
        assert lines[5] == "closed"
    finally:
        srv.stop()


def test_websocket_upgrade_refused_gives_null_handle():
    srv = Server(script='.z.ph:{"HTTP/1.1 404 Not Found\\r\\nContent-Length: 0\\r\\n\\r\\n"}\n')
    try:
        # the server answers our upgrade as a plain GET (no .z.ws, no upgrade to it? it has one:
        # openq always upgrades), so ask for the upgrade from a server that is not WebSocket
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port_in_range()), Handler)
        th = threading.Thread(target=httpd.serve_forever, daemon=True)
        th.start()
        try:
            out = run_client(f"""r:(`$":ws://127.0.0.1:{httpd.server_address[1]}")"GET /a HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n";
-1 .Q.s1 first r;
-1 (12#last r);
-1 @[{{(`$":ws://127.0.0.1:{port_in_range()}") x}};"GET / HTTP/1.1\\r\\n\\r\\n";{{"err"}}];
-1 @[{{(`$":ws://127.0.0.1:{srv.port}") x}};`notastring;{{"err ",x}}];
""")
            assert out.splitlines() == ["0Ni", "HTTP/1.0 200", "err", "err type"]
        finally:
            httpd.shutdown()
            httpd.server_close()
    finally:
        srv.stop()


def test_websocket_client_to_python_websockets():
    """a real WebSocket server (the `websockets` package) checks our masking and framing; it
    greets first, so frames right behind the 101 must reach .z.ws"""
    sync_server = pytest.importorskip("websockets.sync.server")
    seen = {}

    def handler(ws):
        seen["auth"] = ws.request.headers.get("Authorization")
        seen["path"] = ws.request.path
        ws.send("welcome")
        for m in ws:
            ws.send(m if isinstance(m, str) else bytes(reversed(m)))

    server = sync_server.serve(handler, "127.0.0.1", port_in_range())
    th = threading.Thread(target=server.serve_forever, daemon=True)
    th.start()
    port = server.socket.getsockname()[1]
    try:
        out = run_client(WS_CLIENT.format(auth="u:pw@", port=port, path="feed", want=4), tail="\n")
        lines = out.splitlines()
        assert lines[:2] == ["-6h", "HTTP/1.1 101"]
        assert lines[2:5] == ['"welcome"', '"hello"', "0x030201"]
        assert lines[5] == '"' + 70000 * "y" + '"'
        assert seen == {"auth": "Basic dTpwdw==", "path": "/feed"}
    finally:
        server.shutdown()


def test_websocket_client_over_tls(cert):
    """wss:// through the TLS client, verified against the CA, to openq's -E 2 port"""
    srv = Server(script='.z.ws:{neg[.z.w] "tls echo ",x}\n', args=["-E", "2"], env=cert)
    try:
        out = run_client(WS_CLIENT.replace("ws://{auth}127.0.0.1", "wss://{auth}localhost")
                         .replace('neg[first r] 0x010203;\n', "").replace('neg[first r] 70000#"y";\n', "")
                         .format(auth="", port=srv.port, path="", want=1),
                         env={"KX_SSL_CA_CERT_FILE": cert["KX_SSL_CERT_FILE"]}, tail="\n")
        assert out.splitlines()[:3] == ["-6h", "HTTP/1.1 101", '"tls echo hello"']
        out = run_client(f'-1 @[{{(`$":wss://localhost:{srv.port}") x}};"GET / HTTP/1.1\\r\\n\\r\\n";{{"refused"}}];')
        assert out.strip() == "refused"                               # no CA: not verified
    finally:
        srv.stop()
