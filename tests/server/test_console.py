"""The console as a user drives it, in a real terminal: tmux runs the binary, send-keys types,
capture-pane reads the screen.  HOME is a temporary directory, so the history file never
touches the real one.  Skipped only when tmux is missing (scripts/setup.sh installs it)."""
import os
import shutil
import subprocess
import time
import uuid

import pytest

from conftest import BINARY, free_port

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """one tmux server of our own (-L), one session running a shell"""

    def __init__(self, home):
        self.sock = "openq-test-" + uuid.uuid4().hex[:10]
        self.home = str(home)
        env = f"env -i PATH={os.environ.get('PATH', '/usr/bin:/bin')} TERM=xterm HOME={self.home}"
        self.tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "40",
                  f"{env} bash --norc --noprofile")
        self.keys("PS1='[sh]'; clear", "Enter")
        deadline = time.time() + 10
        while self.screen().strip() != "[sh]":  # one shell prompt on a clear screen
            assert time.time() < deadline, self.screen()
            time.sleep(0.05)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.sock, *args], capture_output=True, text=True,
                              timeout=10)

    def keys(self, *keys):
        self.tmux("send-keys", "-t", "t", *keys)

    def line(self, text):
        self.tmux("send-keys", "-t", "t", "-l", "--", text)
        self.keys("Enter")

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "t").stdout

    def wait_for(self, text, timeout=10, count=1, whole=False):
        """the screen (whole: with what scrolled off it) once text shows count times"""
        look = self.history if whole else self.screen
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = look()
            if s.count(text) >= count:
                return s
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not on the {'history' if whole else 'screen'}:\n{look()}")

    def history(self):
        """the screen with what scrolled off it (the pane's whole history)"""
        return self.tmux("capture-pane", "-p", "-t", "t", "-S", "-").stdout

    def wait_in_history(self, text, timeout=10, count=1):
        return self.wait_for(text, timeout, count, whole=True)

    def close(self):
        self.tmux("kill-server")


@pytest.fixture
def term(tmp_path):
    t = Terminal(tmp_path)
    yield t
    t.close()


def test_banner_and_prompt(term):
    term.line(BINARY)
    s = term.wait_for("q)")
    assert "openq " in s and "follows kdb+/q 4.1" in s
    term.line("1+")
    term.wait_for("+[1]")
    term.line("\\\\")
    term.wait_for("[sh]", count=2)


def test_quiet_has_no_banner_nor_prompt(term):
    term.line(f"{BINARY} -q")
    term.line("-1 \"ready\";")
    s = term.wait_for("ready", count=2)
    assert "openq " not in s.replace(BINARY, "") and "q)" not in s


def test_ctrl_c_stops_a_loop_and_is_ignored_at_the_prompt(term):
    term.line(BINARY)
    term.wait_for("q)")
    term.line("{while[1b;]}[]")
    time.sleep(0.5)
    term.keys("C-c")
    term.wait_for("'stop")
    term.keys("C-c")  # at the prompt: a new prompt, the process goes on
    term.keys("a", "b", "c")
    term.keys("C-c")  # the half-typed line is dropped
    term.line("40+2")
    s = term.wait_for("42")
    assert "abc40" not in s
    term.keys("C-d")
    term.wait_for("[sh]", count=2)
    term.line("stty -a | grep -o -- '-\\?icanon' ; echo done")  # Ctrl-D left the terminal clean
    s = term.wait_for("done", count=2)
    assert "\nicanon" in s and "-icanon" not in s


def test_ctrl_c_inside_python(term):
    if subprocess.run([BINARY, "-q"], input=b"\\l pykx.q\n.pykx.pyexec \"1\"\n", capture_output=True,
                      timeout=30).stdout.strip().startswith(b"'"):
        pytest.skip("built without Python")
    term.line(BINARY)
    term.wait_for("q)")
    term.line("\\l pykx.q")
    term.line('.pykx.pyexec "while True: pass"')
    time.sleep(1.5)
    term.keys("C-c")
    term.wait_for("'stop")
    term.line("1+1")
    term.wait_for("\n2")


def test_server_console_prompt_history_and_clients(term, tmp_path):
    import pykx as kx
    port = free_port()
    script = tmp_path / "x.q"
    script.write_text("a:42\n")
    term.line(f"{BINARY} -p {port} {script}")
    term.wait_for("q)")
    term.line("b:a+1")
    term.keys("c", ":")  # half-typed while a client is served
    deadline = time.time() + 10
    while True:
        try:
            with kx.SyncQConnection(port=port) as q:
                assert q("b").py() == 43
            break
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.1)
    term.line("b")  # the line begun before the client came is intact: c:b
    term.line("c")
    term.wait_for("\n43")
    term.line("{while[1b;]}[]")
    time.sleep(0.3)
    term.keys("C-c")
    term.wait_for("'stop")
    with kx.SyncQConnection(port=port) as q:  # Ctrl-C never ends the server
        assert q("a").py() == 42
    term.keys("C-d")
    term.wait_for("[sh]", count=2)
    hist = tmp_path / ".openq_history"
    assert hist.exists() and "b:a+1" in hist.read_text()
    # a new session finds the history: Up brings back the last line
    term.line(f"{BINARY} -p {free_port()}")
    term.wait_for("q)", count=2)
    term.keys("Up")
    term.wait_for("q){while[1b;]}[]", count=2)


def test_history_moved_or_off(term, tmp_path):
    moved = tmp_path / "elsewhere"
    term.line(f"OPENQ_HISTORY={moved} {BINARY}")
    term.wait_for("q)")
    term.line("x:1")
    term.line("\\\\")
    term.wait_for("[sh]", count=2)
    assert moved.exists() and "x:1" in moved.read_text()
    assert not (tmp_path / ".openq_history").exists()
    term.line(f"OPENQ_HISTORY= {BINARY}")
    term.wait_for("q)", count=2)
    term.line("y:2")
    term.line("\\\\")
    term.wait_for("[sh]", count=3)
    assert not (tmp_path / ".openq_history").exists()


def test_timer_without_p(term):
    term.line(BINARY)
    term.wait_for("q)")
    term.line('.z.ts:{-1 "tick"}')
    term.line("\\t 200")
    term.wait_for("tick", count=3)
    term.line("\\t 0")


def test_script_error_location_at_the_console(term, tmp_path):
    bad = tmp_path / "bad.q"
    bad.write_text("a:1\nb:a+`x\nc:3\n")
    term.line(BINARY)
    term.wait_for("q)")
    term.line(f"\\l {bad}")
    s = term.wait_for("^")
    assert "'type" in s and f"{bad}:2: b:a+`x" in s


def test_debug_prompt(term):
    term.line(BINARY)
    term.wait_for("q)")
    term.line("f:{[a] b:a*2; b+`x}")
    term.line("f 21")
    term.wait_for("q))")
    term.line("b")
    term.wait_for("\n42")
    term.line(".z.ex")
    term.wait_for("\n+")
    term.line("\\")
    term.line("@[f;1;{\"caught \",x}]")  # a trap's errors are its own
    s = term.wait_for('"caught type"')
    assert s.count("q))") == 3  # the prompt of b, .z.ex and \


F_G = ('f:{g[x;2#y]}', 'g:{a:x*2;a+y}')  # basics/debug.md's example


def test_debug_prompt_shows_the_frame_and_backtrace(term):
    term.line(BINARY)
    term.wait_for("q)")
    for d in F_G:
        term.line(d)
    term.line('f[3;"hello"]')
    s = term.wait_for("q))")
    assert "'type\n  [2]  g:{a:x*2;a+y}\n                 ^\nq))" in s
    term.line(".Q.bt[]")
    s = term.wait_in_history('  [0]  f[3;"hello"]')
    bt = s[s.index("q)).Q.bt[]"):]
    assert bt.startswith(
        "q)).Q.bt[]\n"
        ">>[2]  g:{a:x*2;a+y}\n                 ^\n"
        "  [1]  f:{g[x;2#y]}\n          ^\n"
        '  [0]  f[3;"hello"]\n       ^\nq))'), bt


def test_debug_prompt_moves_up_and_down_the_stack(term):
    term.line(BINARY)
    term.wait_for("q)")
    for d in F_G:
        term.line(d)
    term.line('f[3;"hello"]')
    term.wait_for("q))")
    term.line("`")
    term.wait_in_history("q))`\n  [1]  f:{g[x;2#y]}\n          ^\nq))")
    term.line("y")  # f's locals now: its y, not g's "he"
    term.wait_in_history('q))y\n"hello"\nq))')
    term.line(".Q.bt[]")
    term.wait_in_history('  [2]  g:{a:x*2;a+y}\n                 ^\n>>[1]  f:{g[x;2#y]}')
    term.line("`")
    term.wait_in_history('q))`\n  [0]  f[3;"hello"]\n       ^\nq))')
    term.line("`")  # the top: stays at [0]
    term.wait_in_history('q))`\n  [0]  f[3;"hello"]\n       ^\n', count=2)
    term.line(".")
    term.wait_in_history("q)).\n  [1]  f:{g[x;2#y]}\n          ^\nq))")
    term.line(".")
    term.wait_in_history("q)).\n  [2]  g:{a:x*2;a+y}\n                 ^\nq))")
    term.line("a")  # g's locals again
    term.wait_in_history("q))a\n6\nq))")
    term.line("&")
    term.wait_in_history("q))&\n'type\n  [2]  g:{a:x*2;a+y}\n                 ^\nq))")
    term.line("\\")
    term.line("`")  # outside the debugger ` is the null symbol again
    term.wait_in_history("q)`\n`\nq)")


def test_debug_prompt_signal_cuts_the_stack_back(term):
    term.line(BINARY)
    term.wait_for("q)")
    for d in F_G:
        term.line(d)
    term.line('f[3;"hello"]')
    term.wait_for("q))")
    term.line("'myerror")  # g unwinds with it; f suspends
    term.wait_in_history("q))'myerror\n'myerror\n  [1]  f:{g[x;2#y]}\n          ^\nq))")
    term.line("y")
    term.wait_in_history('q))y\n"hello"\nq))')
    term.line("\\")
    term.line("1+1")
    s = term.wait_in_history("q)1+1\n2\nq)")
    assert "q)))" not in s


def test_debug_prompt_signal_from_the_outermost_frame(term):
    term.line(BINARY)
    term.wait_for("q)")
    term.line("k:{1+`a}")
    term.line("k[]")
    term.wait_for("q))")
    term.line("'boom")  # no frame left to suspend: the error reaches the console
    s = term.wait_in_history("q))'boom\n'boom\n")
    term.line("1+1")
    s = term.wait_in_history("q)1+1\n2\nq)")


def test_debug_prompt_resume_gives_the_failed_operation_a_value(term):
    """basics/debug.md "Resume": :e at q)) resumes with e as the result of the failed
    operation; the function goes on (it does not return e)"""
    term.line(BINARY)
    term.wait_for("q)")
    term.line('{0N!"x+1 is ",string x+1;x}`asd')
    term.wait_for("q))")
    term.line(":17")
    term.wait_in_history('q)):17\n"x+1 is 17"\n`asd\nq)')
    for d in F_G:                      # an inner frame resumed: the outer one carries on
        term.line(d)
    term.line('f[3;"hello"]')          # g: a+y fails ("he" is no number), :100 is its result
    term.wait_for("q))")
    term.line("a")
    term.wait_in_history("q))a\n6\nq))")
    term.line(":a+100")
    term.wait_in_history("q)):a+100\n106\nq)")
    term.line("h:{r:1+`x; r*2}")        # : alone resumes with ::, then the next failure suspends
    term.line("h[]")
    term.wait_for("q))")
    term.line(":")
    term.wait_for("q))")
    term.line(":5")                    # r*2 gives 5: h returns it
    term.wait_in_history("q)):5\n5\nq)")
    term.line("h[]")
    term.wait_for("q))")
    term.line(":oops")                 # a resume value that fails: its error, still at q))
    term.wait_in_history("q)):oops\n'oops\n")
    term.line("\\")
    term.line("1+1")
    term.wait_in_history("q)1+1\n2\nq)")


def test_nested_debuggers(term):
    term.line(BINARY)
    term.wait_for("q)")
    for d in F_G:
        term.line(d)
    term.line('f[3;"hello"]')
    term.wait_for("q))")
    term.line("{x+y}[a;y]")  # an error at q)) opens a level inside it
    term.wait_in_history("q)){x+y}[a;y]\n'type\n  [3]  {x+y}\n         ^\nq)))")
    term.line("x")
    term.wait_in_history("q)))x\n6\nq)))")
    term.line("\\")  # leaves one level: g's locals again
    term.wait_in_history("q)))\\\nq))")  # typed only once the prompt is back: no echo ahead of it
    term.line("a")
    term.wait_in_history("q)))\\\nq))a\n6\nq))")
    term.line("\\")
    term.wait_in_history("q))a\n6\nq))\\\nq)")
    term.line("1+1")
    term.wait_in_history("q))\\\nq)1+1\n2\nq)")


def test_backtrace_outside_the_debugger(term):
    term.line(BINARY)
    term.wait_for("q)")
    term.line("f:{{.Q.bt[];x*2}x+1}")
    term.line("f 4")
    s = term.wait_in_history("\n10\nq)")
    assert ("  [2]  f@:{.Q.bt[];x*2}\n           ^\n  [1]  f:{{.Q.bt[];x*2}x+1}\n          ^\n"
            "  [0]  f 4\n       ^\n10") in s
    assert "q))" not in s


def test_bad_flags_exit_codes_and_messages():
    for args, said in ((["-p", "x"], "-p x"), (["-s", "two"], "-s two"), (["-T"], "-T")):
        r = subprocess.run([BINARY, *args], input=b"", capture_output=True, timeout=10)
        assert r.returncode == 1, args
        assert said in r.stderr.decode(), (args, r.stderr)


def test_piped_console_has_no_banner_and_shows_one_item_lists():
    r = subprocess.run([BINARY, "-s", "4"], input=b'\\s\nsystem "echo hi"\n.z.u\n', capture_output=True,
                       timeout=10)
    out = r.stdout.decode().splitlines()
    assert out[0] == "4i" and out[1] == '"hi"'  # ref/system.md shows system "pwd" as "/home/guest/q"
    import pwd
    assert out[2] == "`" + pwd.getpwuid(os.geteuid()).pw_name
