"""The command line read as q reads it: options that take values, the script, .z.x/.z.X/.z.f,
.Q.opt/.Q.def/.Q.x, and \\p from a script."""
import os
import socket
import subprocess
import tempfile
import time

import pykx as kx

from conftest import BINARY, free_port


def console(args, text, cwd=None):
    """run the binary with args, feeding text as the console; its stdout"""
    r = subprocess.run([BINARY, *args], input=text.encode(), capture_output=True, timeout=20, cwd=cwd)
    return r.stdout.decode()


def script(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def wait_port(port, proc):
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
    raise AssertionError("no listener")


def test_flag_without_value_does_not_eat_the_script(tmp_path):
    init = script(tmp_path, "init.q", "loaded:42\n")
    port = free_port()
    proc = subprocess.Popen([BINARY, "-p", str(port), "-b", init], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_port(port, proc)
        with kx.SyncQConnection(port=port) as q:
            assert q("loaded").py() == 42
            assert q(".z.x").py() == []
            assert q("string .z.f").py().decode() == init
    finally:
        proc.kill()
        proc.wait()


def test_z_x_keeps_what_q_does_not_consume(tmp_path):
    s = script(tmp_path, "s.q", "a:1\n")
    out = console([s, "-foo", "bar", "-P", "5", "baz"], "-1 .Q.s1 .z.x;\n-1 .Q.s1 .z.X;\n-1 string .z.f;\n\\P\n")
    lines = out.splitlines()
    assert lines[0] == '("-foo";"bar";"baz")'
    assert lines[1] == '("%s";"%s";"-foo";"bar";"-P";,"5";"baz")' % (BINARY, s)
    assert lines[2] == s
    assert lines[3] == "5i"


def test_bare_arguments_after_the_script_come_first(tmp_path):
    s = script(tmp_path, "tick.q", "")
    out = console([s, "sym", ".", "-c", "30", "100", "-x", "1"], "-1 .Q.s1 .z.x;\n\\c\n")
    assert out.splitlines() == ['("sym";,".";"-x";,"1")', "30 100"]


def test_no_script_before_unknown_option_values():
    out = console(["-abc", "123", "-xyz", "321"], "-1 .Q.s1 .z.x;\n.z.f\n.Q.opt .z.x\n")
    assert out.splitlines() == ['("-abc";"123";"-xyz";"321")', "`", 'abc| "123"', 'xyz| "321"']


def test_q_opt_def_x():
    out = console(["-abc", "123", "-xyz", "321"], ".Q.def[`abc`xyz`efg!(1;2.;`a)].Q.opt .z.x\n")
    assert out.splitlines() == ["abc| 123", "xyz| 321f", "efg| `a"]
    out = console(["-abc", "123", "-efg", "foo"], ".Q.def[`abc`xyz`efg!(1;2.;`a)].Q.opt .z.x\n")
    assert out.splitlines() == ["abc| 123", "xyz| 2f", "efg| `foo"]
    out = console([], '.Q.opt ("a";"b";"-n";"1";"2")\n.Q.x\n')
    assert out.splitlines() == ['n| "1" "2"', '"a"', '"b"']


def test_script_can_listen_with_backslash_p(tmp_path):
    port = free_port()
    s = script(tmp_path, "serve.q", 'if[not system"p";system"p %d"]\nx:7\n' % port)
    proc = subprocess.Popen([BINARY, s], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        wait_port(port, proc)
        with kx.SyncQConnection(port=port) as q:
            assert q("x").py() == 7
            assert q('system"p"').py() == port
    finally:
        proc.kill()
        proc.wait()


def test_version_and_help():
    r = subprocess.run([BINARY, "--version"], capture_output=True, timeout=10)
    assert r.returncode == 0
    version = r.stdout.decode().split()[1]
    cmake = open(os.path.join(os.path.dirname(BINARY), "..", "CMakeLists.txt")).read()
    assert f"project(openq VERSION {version} " in cmake  # the one source of the version
    assert console([], ".z.K\n").strip() == "4.1"
    for flag in ("-h", "--help"):
        r = subprocess.run([BINARY, flag], capture_output=True, timeout=10)
        assert r.returncode == 0 and r.stdout.decode().startswith("usage: openq")


def test_bad_option_values_are_refused_by_name():
    for args, said in ((["-w", "abc"], "-w abc"), (["-T", "1x"], "-T 1x"), (["-p", "abc"], "-p abc"),
                       (["-c", "25", "wide"], "-c wide")):
        r = subprocess.run([BINARY, *args], input=b"", capture_output=True, timeout=10)
        assert r.returncode != 0, args
        assert said in r.stderr.decode(), (args, r.stderr)


def test_port_in_use_names_the_port_and_the_os_reason():
    port = free_port()
    first = subprocess.Popen([BINARY, "-p", str(port)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_port(port, first)
        r = subprocess.run([BINARY, "-p", str(port)], input=b"", capture_output=True, timeout=10)
        assert r.returncode != 0
        err = r.stderr.decode()
        assert f"-p {port}" in err and "in use" in err, err
    finally:
        first.kill()
        first.wait()


def test_port_forms_of_basics_listening_port(tmp_path):
    # 0W: an ephemeral port the kernel picks; lo/hi: one of the range; rp,host:port; 0 stops
    text = "\\p 0W\n0<system\"p\"\n\\p 0\n\\p\n"
    assert console([], text).split() == ["1b", "0i"]
    lo = free_port()
    out = console([], f"\\p {lo}/{lo + 3}\n(system\"p\") within {lo} {lo + 3}\n\\p 0\n")
    assert out.split() == ["1b"], out
    port = free_port()
    assert console([], f"\\p rp,127.0.0.1:{port}\nsystem\"p\"\n").split() == [f"{port}i"]
    for bad in ("abc", "70000", "9/3", "localhost:"):
        assert console([], f"\\p {bad}\n").startswith("'port"), bad
    # the command line takes the same forms
    proc = subprocess.Popen([BINARY, "-p", "0W", "-q"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        out, _ = proc.communicate(b'0<system"p"\n\\\\\n', timeout=10)
        assert out.split() == [b"1b"], out
    finally:
        proc.kill()


def test_redirect_stdout_and_stderr_to_files(tmp_path):
    out = console([], '\\1 sub/out.txt\n1+1\n\\2 sub/err.txt\n-2 "to stderr";\n3+3\n', cwd=tmp_path)
    assert out == ""
    assert (tmp_path / "sub" / "out.txt").read_text().split() == ["2", "6"]
    assert "to stderr" in (tmp_path / "sub" / "err.txt").read_text()
    # read-only evaluation (reval, as a -b server's clients get) keeps the streams where they are
    out = console([], 'reval(system;"1 x.txt")\n1+1\n', cwd=tmp_path)
    assert out.split()[0] == "'noupdate" and out.split()[-1] == "2" and not (tmp_path / "x.txt").exists()
