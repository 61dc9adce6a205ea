"""Fixtures: start the real openq binary on an ephemeral loopback port."""
import os
import socket
import subprocess
import tempfile
import time

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("OPENQ_BIN", os.path.join(ROOT, "build", "openq"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, script=None, args=(), cwd=None, env=None, preexec_fn=None):
        self.port = free_port()
        self.script_file = None
        cmd = [BINARY]
        if script is not None:
            fd, self.script_file = tempfile.mkstemp(suffix=".q")
            with os.fdopen(fd, "w") as fh:
                fh.write(script)
            cmd.append(self.script_file)
        cmd += ["-p", str(self.port), *args]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd,
                                     env=None if env is None else {**os.environ, **env},
                                     preexec_fn=preexec_fn)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode())
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        self.proc.kill()
        self.proc.wait()
        if self.script_file:
            os.unlink(self.script_file)


@pytest.fixture
def server():
    started = []

    def start(script=None, args=(), cwd=None, env=None, preexec_fn=None):
        s = Server(script, args, cwd, env, preexec_fn)
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()
