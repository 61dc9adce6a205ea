"""KX's two PyKX walkthroughs (the seed pages "PyKX as q server" and "Remote Function
Execution"), their code run as the pages print it.

The blocks below are the pages' code, character for character; when the pages are at hand
(shared/seeds beside the repository, as on the developers' machines and CI) a test checks
that each block is still in its page.  The server page's blocks run in a Python process that
has done `import openq as kx` and then serves as PyKX's server.py does; the remote page's
session runs its doctests where `pykx` is openq (a one-line module on sys.path), against
`openq -p PORT` fed the page's q lines.  The edits: the page's port 5050 becomes a free
port, so that runs on a shared machine do not collide, and one slip in a printed result
(PAGE_SLIP)."""
import os
import subprocess
import sys
import textwrap

import pytest

os.environ.setdefault("PYKX_UNLICENSED", "true")
import pykx  # noqa: E402  (the real PyKX 3.1, unlicensed: the client)

from conftest import BINARY, ROOT, free_port, python_script, wait_port  # noqa: E402

SEEDS = os.path.join(os.path.dirname(ROOT), "shared", "seeds")

# ---- pykx-as-q-server.md -----------------------------------------------------------------
PW_PY = """\
def validate(user, password):
    if password == 'password':
        return True # Correct password allow the connection
    return False # Incorrect password deny the connection

kx.q.z.pw = validate
"""
PW_Q = """\
kx.q.z.pw = kx.q('{[user; password] $[password=`password; 1b; 0b]}')
"""
PG_PY = """\
def qval(query):
    res = kx.q.value(query)
    print(f'{query}\\n{res}\\n')
    return res

kx.q.z.pg = qval
"""
PG_Q = """\
kx.q.z.pg = kx.q('{[x] show x; show y: value x; y}')
"""
# "For async messages, manage kx.q.z.ps in the same fashion."; conn_gc_time as the page says
SERVE = """
import sys
with kx.RawQConnection(port=int(sys.argv[1]), as_server=True, conn_gc_time=10.0) as q:
    while True:
        q.poll_recv()
"""

# ---- remote-function-execution.md -----------------------------------------------------------
REMOTE_Q = [
    "N:1000",
    "tab:([]sym:N?`AAPL`MSFT`GOOG`FDP;price:100+N?100f;size:10+N?100)",
]
REMOTE_PW = ".z.pw:{[u;p]$[(u~`user)&p~`password;1b;0b]}"
REMOTE_SESSION = """\
>>> import os
>>> os.environ['PYKX_BETA_FEATURES'] = 'true'
>>> from pykx.remote import session
>>> remote_session = session()
>>> remote_session.create(host='localhost', port=5050, username='user', password='password')
"""
REMOTE_FUNCTIONS = [
    """\
>>> from pykx.remote import function
>>> @function(remote_session)
... def single_arg_function(x):
...     return x+10
>>> single_arg_function(10)
pykx.LongAtom(pykx.q('20'))
""", """\
>>> from pykx.remote import function
>>> @function(remote_session)
... def multi_arg_function(x, y):
...     return x+y
>>> multi_arg_function(10, 20)
pykx.LongAtom(pykx.q('30'))
""", """\
>>> remote_session.add_library('numpy', 'pykx')
>>> @function(remote_session)
... def dependent_function(x, y, z):
...     return pykx.q.mavg(4, numpy.linspace(x, y, z))
>>> dependent_function(0, 10, 10)
pykx.FloatVector(pykx.q('0 0.5555556 1.111111 2.222222 3...'))
""", """\
>>> @function(remote_session)
... def dependent_function(x, y, z):
...     import pykx as kx
...     import numpy as np
...     return kx.q.mavg(4, np.linspace(x, y, z))
>>> dependent_function(0, 10, 10)
        pykx.FloatVector(pykx.q('0 0.5555556 1.111111 2.222222 3...'))
""",
]


def page(name):
    path = os.path.join(SEEDS, name)
    if not os.path.exists(path):
        pytest.skip("the seed pages are not beside this checkout")
    with open(path, encoding="utf-8") as f:
        return " ".join(f.read().split())


def words(block):
    return " ".join(block.split())


def test_blocks_are_the_pages_own():
    server = page("pykx-as-q-server.md")
    for block in (PW_PY, PW_Q, PG_PY, PG_Q):
        assert words(block) in server, block
    remote = page("remote-function-execution.md")
    for block in REMOTE_Q + [REMOTE_PW, REMOTE_SESSION] + REMOTE_FUNCTIONS:
        assert words(block) in remote, block


def serve(spawn, *blocks):
    """a Python server process: import openq as kx, the page's blocks, then serve"""
    port, proc = spawn(python_script("import openq as kx\n" + "".join(blocks) + SERVE)
                       + ["{port}"], env={"PYTHONUNBUFFERED": "1"})
    return port, proc


def connect(port, **kw):
    return pykx.SyncQConnection("127.0.0.1", port, no_ctx=True, **kw)


def output(proc):
    proc.kill()
    return proc.stdout.read().decode()


def test_python_validation_and_python_handler(spawn):
    port, proc = serve(spawn, PW_PY, PG_PY, PG_PY.replace("z.pg", "z.ps"))
    q = connect(port, username="u", password="password")
    assert q("til 3").py() == [0, 1, 2]
    q("a:42", wait=False)
    assert q("a").py() == 42
    with pytest.raises(pykx.QError) as e:   # kx.q.value raised QError('type') inside qval
        q("1+`a")
    assert str(e.value) == "type"
    assert q("{x*y}", 6, 7).py() == 42
    q.close()
    for bad in ({"username": "u", "password": "nope"}, {"username": "u"}):
        with pytest.raises(Exception):
            connect(port, **bad)("1")
    out = output(proc)
    assert "til 3\n0 1 2\n" in out and "a:42\n" in out   # qval prints query and result


def test_q_validation_and_q_handler(spawn):
    port, proc = serve(spawn, PW_Q, PG_Q)
    q = connect(port, username="u", password="password")
    assert q("2+3").py() == 5
    with pytest.raises(pykx.QError) as e:
        q("1+`a")
    assert str(e.value) == "type"
    q.close()
    for bad in ({"username": "u", "password": "nope"}, {"username": "u"}):
        with pytest.raises(Exception):   # the password compared as a symbol; none: ::
            connect(port, **bad)("1")
    assert '"2+3"\n5\n' in output(proc)  # show x; show y


def remote_doctest(port, blocks):
    """run the page's doctests where pykx is openq; the failures doctest reports"""
    shim = os.path.join(os.path.dirname(python_script("")[1]), f"openq-seed-{port}")
    os.makedirs(shim, exist_ok=True)
    with open(os.path.join(shim, "pykx.py"), "w") as f:
        f.write("import sys, openq\nsys.modules['pykx'] = openq\n")
    text = "\n".join(b.replace("port=5050", f"port={port}") for b in blocks)
    body = textwrap.dedent(f"""
        import doctest, sys
        sys.path.insert(0, {shim!r})
        import pykx
        test = doctest.DocTestParser().get_doctest({text!r}, {{}}, "seed", None, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        sys.exit(runner.failures)
    """)
    r = subprocess.run(python_script(body), capture_output=True, text=True, timeout=120,
                       cwd=ROOT)
    return r.returncode, r.stdout + r.stderr


def q_server(spawn, lines):
    # the page's server: q pykx.q -p 5050
    port, _ = spawn([BINARY, "pykx.q", "-p", "{port}"], env={"VIRTUAL_ENV": sys.prefix})
    with pykx.SyncQConnection("127.0.0.1", port, no_ctx=True) as c:
        for line in lines:          # the page's q) lines, as typed at the server's prompt
            c(line)
    return port


# The page prints mavg's fourth item as 2.222222: a slip, 4 mavg 0 1.111111 2.222222
# 3.333333.. starts 0 0.5555556 1.111111 1.666667 (the mean of the first four), as in kdb+.
PAGE_SLIP = ("1.111111 2.222222 3...", "1.111111 1.666667 2.777778 3...")


def test_remote_walkthrough(spawn):
    port = q_server(spawn, REMOTE_Q)
    blocks = [REMOTE_SESSION] + [b.replace(*PAGE_SLIP) for b in REMOTE_FUNCTIONS]
    failures, out = remote_doctest(port, blocks)
    assert failures == 0, out


def test_remote_page_password_check_is_kdb_s(spawn):
    """The page's .z.pw compares the password with a symbol; a q server (kdb+ and openq)
    passes it as a string, so this check admits nobody, the page's own user included."""
    port = q_server(spawn, REMOTE_Q + [REMOTE_PW])
    failures, out = remote_doctest(port, [REMOTE_SESSION])
    assert failures == 1 and "access" in out, out
