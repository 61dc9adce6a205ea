"""TLS round trips against plain ones, same server (-E 1, plain and TLS on one port), same
client (one Python socket, Python's ssl module for TLS), same run: N sync `1+1` queries each.
The certificate is a self-signed one made by openssl for the run."""
import os
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import time

N = 20000
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def round_trips(s):
    s.sendall(b"\x03\x00")
    assert s.recv(1) == b"\x03"
    body = b"\x0a\x00" + struct.pack("<I", 3) + b"1+1"
    msg = struct.pack("<BBBBI", 1, 1, 0, 0, 8 + len(body)) + body
    t0 = time.perf_counter()
    for _ in range(N):
        s.sendall(msg)
        got = 0
        while got < 17:                      # header and a long atom
            got += len(s.recv(17 - got))
    return (time.perf_counter() - t0) / N


def main():
    with tempfile.TemporaryDirectory() as d:
        crt, key = os.path.join(d, "s.crt"), os.path.join(d, "s.key")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=localhost", "-keyout", key, "-out", crt],
                       check=True, capture_output=True)
        port = free_port()
        env = dict(os.environ, KX_SSL_CERT_FILE=crt, KX_SSL_KEY_FILE=key)
        srv = subprocess.Popen([os.path.join(ROOT, "build", "openq"), "-p", str(port), "-E", "1"],
                               stdin=subprocess.DEVNULL, env=env)
        try:
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.05)
            plain = round_trips(socket.create_connection(("127.0.0.1", port)))
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            tls = round_trips(ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)),
                                              server_hostname="localhost"))
        finally:
            srv.kill()
            srv.wait()
    print(f"sync round trip 1+1: TLS {tls * 1e6:.1f} us   plain {plain * 1e6:.1f} us   "
          f"ratio {plain / tls:.2f}")


if __name__ == "__main__":
    sys.exit(main())
