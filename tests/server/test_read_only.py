"""Read-only mode (-b) against the real server over real clients: every route that would
change a global, a .z hook, a setting, a file, the process or the OS is refused with
'noupdate, and the server's state afterwards is what it was (docs/compat.md, "Read-only
mode")."""
import os
import socket

import pytest

os.environ.setdefault("PYKX_UNLICENSED", "true")
import pykx as kx  # noqa: E402

SETUP = """\\l pykx.q
v:1;w:1 2 3;t:([]a:1 2 3);kt:([k:1 2]b:3 4);f:{x+1}
.z.pw:{[u;p]p~"secret"}
.z.pg:{value x}
.z.ps:{value x}
state:{(v;w;t;kt;f;.z.pw;.z.pg;.z.ps;`po`pc`ts`pi`ph`pp`ws inter key .z;system"d";system"t";system"P";system"z";system"c";key`.)}
"""

# (route, q text sent by the client); each must fail with 'noupdate
REFUSED = [
    ("amend .z.pw by name", ".[`.z.pw;();:;{[u;p]1b}]"),
    ("amend .z.pg by name", ".[`.z.pg;();:;{system x}]"),
    ("amend the .z namespace", "@[`.z;`pg;:;{x}]"),
    ("assign .z.pg", ".z.pg:{x}"),
    ("assign .z.ps", ".z.ps:{x}"),
    ("assign .z.po", ".z.po:{x}"),
    ("assign .z.pc", ".z.pc:{x}"),
    ("assign .z.ts", ".z.ts:{x}"),
    ("set .z.pw", "`.z.pw set {[u;p]1b}"),
    ("global assign of .z.pg in a lambda", "{.z.pg::{x}}[]"),
    ("value of an assignment", "value \".z.pw:{[u;p]1b}\""),
    ("eval parse of an assignment", "eval parse \".z.pg:{x}\""),
    ("delete a hook", "delete pw from `.z"),
    ("amend a global by name", ".[`v;();:;2]"),
    ("amend a column by name", "@[`t;`a;:;0 0 0]"),
    ("upsert by name", "`t upsert ([]a:enlist 4)"),
    ("insert by name", "`t insert ([]a:enlist 4)"),
    ("upsert a keyed table by name", "`kt upsert ([k:enlist 1]b:enlist 9)"),
    ("insert a new global", "`new insert ([]a:1 2)"),
    ("update by name", "update a:0 from `t"),
    ("delete rows by name", "delete from `t"),
    ("delete a global", "delete v from `."),
    ("set", "`v set 2"),
    ("assign", "v:2"),
    ("assign with an operator", "v+:1"),
    ("indexed assign", "w[0]:9"),
    ("append assign", "w,:4"),
    ("view", "v::v+1"),
    ("global assign in a lambda", "{v::2}[]"),
    ("indexed global assign in a lambda", "{w[1]::9}[]"),
    ("value of a string", "value \"v:2\""),
    ("eval of a parse tree", "eval(:;`v;2)"),
    ("enumeration extend", "`sym?`newsym"),
    ("a new namespace", "`.x.y set 1"),
    ("system of an OS command", "system \"touch x\""),
    ("value of a backslash OS command", "value \"\\\\touch x\""),
    ("a backslash OS command", "\\touch x"),
    ("OS command with redirect", "system \"echo hi > y\""),
    ("background process", "system \"sleep 30 &\""),
    ("cd", "system \"cd /\""),
    ("cd to a missing directory, which \\cd would make", "system \"cd newdir/inner\""),
    ("setenv", "`OPENQ_NO_SHELL setenv \"\""),
    ("exit", "exit 0"),
    ("quit", "value \"\\\\\\\\\""),
    ("set a file", "`:x set 1"),
    ("splay a table", "`:xd/ set t"),
    ("0: a file", "`:x 0: enlist \"a\""),
    ("1: a file", "`:x 1: 0x00"),
    ("hopen a file", "hopen `:x"),
    ("save", "save `t"),
    ("hdel", "hdel `:conftest_missing"),
    ("\\d", "system \"d .x\""),
    ("\\d by value", "value \"\\\\d .x\""),
    ("\\t timer", "system \"t 50\""),
    ("\\P", "system \"P 3\""),
    ("\\z", "system \"z 1\""),
    ("\\c", "system \"c 10 10\""),
    ("\\e", "system \"e 1\""),
    ("\\S", "system \"S 5\""),
    ("\\T", "system \"T 1\""),
    ("\\W", "system \"W 1\""),
    ("\\p", "system \"p 0\""),
    ("reval does not lift it", "reval \"v:2\""),
    (".pykx.pyexec", ".pykx.pyexec \"import os; os.system('touch x')\""),
    (".pykx.pyeval", ".pykx.pyeval \"1+1\""),
    (".pykx.eval", ".pykx.eval \"1+1\""),
    (".pykx.qeval", ".pykx.qeval \"1+1\""),
    (".pykx.import", ".pykx.import `os"),
    (".pykx.pyimport", ".pykx.pyimport `os"),
    (".pykx.set", ".pykx.set[`a;1]"),
    (".pykx.get", ".pykx.get `os"),
    (".pykx.setdefault", ".pykx.setdefault \"py\""),
    (".p.e", ".p.e \"import os\""),
]

# reads that must keep working: (q text, expected value as Python)
ALLOWED = [
    ("{a:1;a+x}[1]", 2),
    ("{[x]x+:1;x}[1]", 2),
    ("{l:w;l[0]:9;l}[]", [9, 2, 3]),
    ("exec a from update a:0 from t", [0, 0, 0]),
    ("exec a from select from t where a>1", [2, 3]),
    ("exec sum a from t", 6),
    ("@[w;0;:;9]", [9, 2, 3]),
    ("count t upsert ([]a:enlist 4)", 4),
    ("value \"1+1\"", 2),
    ("f 1", 2),
    ("system \"d\"", "."),
    ("system \"P\"", 7),
    ("system \"t\"", 0),
    ("reval \"1+1\"", 2),
]


def children(pid):
    kids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            kids += fh.read().split()
    return kids


@pytest.fixture
def ro(server, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    srv = server(SETUP, args=("-b",), cwd=str(work))
    srv.work = work
    return srv


def connect(srv):
    return kx.SyncQConnection("127.0.0.1", srv.port, password="secret", no_ctx=True)


def test_read_only_refuses_every_route_and_state_is_unchanged(ro):
    q = connect(ro)
    before = q("state[]").py()
    leaked = []
    for name, text in REFUSED:
        try:
            q(text)
            leaked.append(name)
        except kx.QError as e:
            if "noupdate" not in str(e):
                leaked.append(f"{name}: {e}")
    assert leaked == []
    assert ro.alive()
    assert q("state[]").py() == before
    assert q("(v;w)").py() == [1, [1, 2, 3]]
    assert sorted(os.listdir(ro.work)) == []
    assert children(ro.proc.pid) == []
    q.close()
    # authentication is still on: .z.pw refuses a wrong password
    with pytest.raises(Exception):
        kx.SyncQConnection("127.0.0.1", ro.port, password="wrong", no_ctx=True)("1")


def test_read_only_async_messages_are_refused_too(ro):
    q = connect(ro)
    for text in (".z.pw:{[u;p]1b}", "v:2", "system \"touch x\"", "`:x set 1", "system \"d .x\""):
        q(text, wait=False)
    assert q("(v;system\"d\";.z.pw)").py()[:2] == [1, "."]
    assert q("string .z.pw").py() == b'{[u;p]p~"secret"}'
    assert os.listdir(ro.work) == []
    q.close()


def test_read_only_reads_keep_working(ro):
    q = connect(ro)
    for text, want in ALLOWED:
        got = q(text).py()
        got = got.decode() if isinstance(got, bytes) else got
        assert got == want, text
    q.close()


def test_read_only_cannot_close_other_clients(ro):
    a, b = connect(ro), connect(ro)
    handles = a("key .z.W").py() if False else None  # noqa: F841 (.z.W is not needed)
    hb = b(".z.w").py()
    with pytest.raises(kx.QError, match="noupdate"):
        a(f"hclose {hb}")
    assert b("1+1").py() == 2
    a.close()
    b.close()


def test_query_served_inside_a_read_only_query_does_not_lift_it(server, tmp_path):
    """A message arriving on a handle the query waits on is served inside the query; when
    it ends, the outer query must still be read-only."""
    other = server(".z.pg:{neg[.z.w]\"1+1\";value x}\n")
    work = tmp_path / "w"
    work.mkdir()
    srv = server(SETUP, args=("-b",), cwd=str(work))
    q = connect(srv)
    with pytest.raises(kx.QError, match="noupdate"):
        q(f"h:hopen {other.port}; h\"1\"; hclose h; .z.pw:{{[u;p]1b}}")
    with pytest.raises(kx.QError, match="noupdate"):
        q(f"{{h:hopen {other.port}; h\"1\"; hclose h; system \"touch x\"}}[]")
    assert q("string .z.pw").py() == b'{[u;p]p~"secret"}'
    assert os.listdir(work) == []
    q.close()


def test_timer_and_port_unchanged_after_refusals(ro):
    q = connect(ro)
    for text in ("system \"t 10\"", ".z.ts:{`:tick set 1}", "system \"p 0\""):
        with pytest.raises(kx.QError, match="noupdate"):
            q(text)
    assert q("system \"t\"").py() == 0
    # the listener is still where it was
    socket.create_connection(("127.0.0.1", ro.port), timeout=2).close()
    assert os.listdir(ro.work) == []
    q.close()
