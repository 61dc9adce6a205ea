"""peach over secondary processes (-s -N, .z.pd; basics/peach.md "Processes"): items go to the
worker processes at once, results come back in order, errors propagate and the handles stay
usable.  peach with -s N (threads) is in tests/q/threads.q."""
import subprocess
import time

from conftest import BINARY


def run_main(args, text):
    r = subprocess.run([BINARY, *args], input=text.encode(), capture_output=True, timeout=60)
    return r.stdout.decode().splitlines()


def test_peach_over_processes(server):
    workers = [server(args=[]) for _ in range(2)]
    ports = " ".join(str(w.port) for w in workers)
    out = run_main(["-s", "-2"], f"""
.z.pd:`u#hopen each {ports}
\\s
{{x*x}} peach 1 2 3 4 5
count distinct {{.z.i}} peach til 6
.z.i in {{.z.i}} peach til 6
.Q.s1 {{x+1}} peach `a`b!1 2
{{x+1}} peach enlist 5
@[{{$[x=2;'boom;x]}} peach;til 5;{{"err: ",x}}]
{{x*2}} peach til 10
t:.z.p;{{t:.z.p;while[.z.p<t+0D00:00:00.5];x}} peach til 2;(.z.p-t)<0D00:00:00.9
.z.pd:{{`u#hopen each {ports}}}
{{x,x}} peach 1 2
""")
    assert out == ["-2i", "1 4 9 16 25", "2", "0b", "\"`a`b!2 3\"", ",6", '"err: boom"',
                   "0 2 4 6 8 10 12 14 16 18", "1b", "1 1", "2 2"]


def test_peach_over_processes_needs_z_pd():
    out = run_main(["-s", "-2"], "@[{x} peach;1 2;{x}]\n{x} peach enlist 1\n")
    assert out == ['".z.pd"', ",1"]
