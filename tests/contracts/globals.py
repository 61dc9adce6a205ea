#!/usr/bin/env python3
"""No mutable global outside the runtime record (src/base/runtime.h).

Reads the engine's object files as the current build made them (build/compile_commands.json:
every source under src/) with nm and prints every writable data symbol -- nm types b B d D, static
locals included, sections .bss .data .tbss .tdata but not .data.rel.ro, which is read-only
after relocation -- that is neither the runtime pointer nor on the short list below.  State
belongs in runtime.h's Runtime, reached through RT; a constant table is `static const`.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# (object file, symbol): the globals allowed, each with its reason
ALLOWED = {
    # the runtime itself: the one pointer RT reads, and the default instance it points to
    ("src/base/runtime.c.o", "oq_rt"),
    ("src/base/runtime.c.o", "default_runtime"),
    # the Ctrl-C request: written by the SIGINT handler, which may touch nothing but a
    # volatile sig_atomic_t object of static storage (C11 7.14.1.1); a signal is the process's
    ("src/base/intr.c.o", "intr_pending"),
    # the stack floor of the calling thread (thread-local): a property of the thread that runs
    # the engine, not of a runtime (Python may enter one runtime from several threads)
    ("src/base/stack.c.o", "stack_floor_cached"),
    ("src/base/stack.c.o", "real_floor"),
    # CPython's static type and module definitions: PyType_Ready and PyModuleDef_Init write
    # into them, so they cannot be const
    ("src/py/pyconv.c.o", "KRef_Type"),
    ("src/py/pyconv.c.o", "kref_buffer"),
    ("src/py/pyconv.c.o", "kref_getset"),  # tp_getset is not a pointer to const
    ("src/py/pymod.c.o", "methods"),
    ("src/py/pymod.c.o", "builtin_def"),
    ("src/py/pymod.c.o", "extension_def"),
    # their slot arrays: PyModuleDef.m_slots is not a pointer to const
    ("src/py/pymod.c.o", "builtin_slots"),
    ("src/py/pymod.c.o", "extension_slots"),
}

WRITABLE = re.compile(r"^\.(bss|data|tbss|tdata)(\.|$)")


def objects():
    import json
    db = os.path.join(ROOT, "build", "compile_commands.json")
    if not os.path.exists(db):
        return
    for entry in json.load(open(db)):
        src = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        m = re.search(r"-o\s+(\S+)", entry.get("command", ""))
        rel = os.path.relpath(src, ROOT)
        if m and rel.startswith("src" + os.sep):
            obj = os.path.normpath(os.path.join(entry["directory"], m.group(1)))
            if os.path.exists(obj):
                yield rel + ".o", obj


def main():
    found = list(objects())
    if not found:
        print("globals.py: no object files under build/ (run make build)")
        return 1
    bad = []
    for rel, path in found:
        out = subprocess.run(["nm", "-f", "sysv", path], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            cols = [c.strip() for c in line.split("|")]
            if len(cols) < 7 or cols[2] not in ("b", "B", "d", "D"):
                continue
            section = cols[6]
            if not WRITABLE.match(section) or section.startswith(".data.rel.ro"):
                continue
            name = re.sub(r"\.\d+$", "", cols[0])  # a static local: name.N
            if (rel, name) not in ALLOWED:
                bad.append(f"{rel}: {cols[0]} ({section}): mutable state belongs in src/base/runtime.h")
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
