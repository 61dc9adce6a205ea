"""A real browser against the real server: headless Chromium (Debian's chromium) opens the
query page and examples/html/ws.html, served by examples/ws.q, which makes a WebSocket round
trip to the q port.  The DOM Chromium dumps is checked for the answer, and so is a
screenshot: the page's status bar turns green only when the answer arrived."""
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

from conftest import ROOT, Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (scripts/apt-packages.txt)")


def chromium(url, *args):
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
                            "--no-first-run", f"--user-data-dir={profile}",
                            "--virtual-time-budget=10000", *args, url],
                           capture_output=True, timeout=120, cwd=profile)
    return r.stdout.decode(errors="replace")


def png_pixels(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG (what Chromium writes)"""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, w = 8, b"", 0
    while at < len(data):
        n, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + n]
        if kind == b"IHDR":
            w, h, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + n
    raw, rows, prev = zlib.decompress(idat), [], bytearray(w * bpp)
    stride = w * bpp
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
        prev = line
    return w, h, rows


@pytest.fixture
def page_server():
    srv = Server(script=f'\\l {ROOT}/examples/ws.q\n', cwd=ROOT)     # .h.HOME is relative
    yield srv
    srv.stop()


def test_query_page_in_a_browser(page_server):
    dom = chromium(f"http://127.0.0.1:{page_server.port}/?til%205", "--dump-dom")
    assert "<pre>0 1 2 3 4\n</pre>" in dom


def answered_dom(url):
    """the page's DOM once it has its answer.  Chromium's virtual time can run out while the
    socket is still open on a loaded machine: a page still "connecting"/"connected" (never
    one that failed) is loaded again, three times at most"""
    for _ in range(3):
        dom = chromium(url, "--dump-dom")
        if 'id="status">connect' not in dom:
            break
    return dom


def test_websocket_round_trip_from_a_page(page_server, tmp_path):
    url = f"http://127.0.0.1:{page_server.port}/ws.html#til%2010"
    dom = answered_dom(url)
    assert '<div id="status" class="ok">answered</div>' in dom
    assert '<div id="out">0 1 2 3 4 5 6 7 8 9\n</div>' in dom
    dom = answered_dom(f"http://127.0.0.1:{page_server.port}/ws.html#1%2B%60a")
    assert "<div id=\"out\">'type</div>" in dom                    # an error travels as 'msg
    shot = tmp_path / "ws.png"
    for _ in range(3):                                               # as answered_dom
        chromium(url, "--window-size=800,400", f"--screenshot={shot}")
        w, h, rows = png_pixels(shot)
        if rows[60][400] != (0x88, 0x88, 0x88):                      # grey: not answered yet
            break
    assert (w, h) == (800, 400)
    bar = [rows[y][x] for y in range(40, 110, 10) for x in range(200, 800, 50)]
    assert all(r < 40 and g > 150 and b < 40 for r, g, b in bar)   # green: answered
    text = [px for y in range(160, 200) for px in rows[y][:300]]
    assert sum(1 for px in text if max(px) < 100) > 50              # the answer's glyphs
    below = [px for y in range(260, 400) for px in rows[y][::20]]
    assert all(min(px) > 240 for px in below)                        # nothing else drawn
