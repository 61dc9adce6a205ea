"""Fixtures shared by tests/python and tests/remote: run Python server scripts (with the
installed openq) and the openq binary on ephemeral loopback ports."""
import os
import socket
import subprocess
import sys
import tempfile
import time

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.path.join(ROOT, "build", "openq")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc):
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read().decode() if proc.stdout else "exited")
            time.sleep(0.05)
    raise RuntimeError("server did not start")


@pytest.fixture
def spawn():
    procs = []

    def start(cmd, env=None):
        port = free_port()
        full = [c.replace("{port}", str(port)) for c in cmd]
        e = dict(os.environ, **(env or {}))
        p = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, env=e, cwd=ROOT)
        procs.append(p)
        wait_port(port, p)
        return port, p

    yield start
    for p in procs:
        p.kill()
        p.wait()


def python_script(body):
    fd, path = tempfile.mkstemp(suffix=".py")
    with os.fdopen(fd, "w") as fh:
        fh.write(body)
    return [sys.executable, path]
