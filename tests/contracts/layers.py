#!/usr/bin/env python3
"""The layers of docs/internals.md hold: every include and every call goes to the same layer or
a lower one; nothing is a weak symbol; no .c file declares a function or variable it does not
define (declarations live in the header of the layer that defines them).

The layer order is read from the first code block under "## Layers" in docs/internals.md, top
layer first. Calls are read from the built objects (nm): an undefined symbol of an object must
be defined by an object of its own layer or a lower one. Prints each violation; silent on a pass.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("OPENQ_BUILD", os.path.join(ROOT, "build"))
problems = []


def layer_order():
    text = open(os.path.join(ROOT, "docs", "internals.md")).read()
    section = text.split("## Layers", 1)[1]
    block = section.split("```", 2)[1]
    dirs = [line.split()[0] for line in block.strip().splitlines() if line.strip()]
    dirs = [os.path.dirname(d) if d.endswith(".c") else d.rstrip("/") for d in dirs]
    order = {}
    for rank, d in enumerate(reversed(dirs)):  # the lowest layer is listed last
        order[d] = rank
    return order


ORDER = layer_order()
ORDER.setdefault("include", -1)  # include/k.h: the kdb+ C API types, under everything


def layer_of(path):
    rel = os.path.relpath(os.path.normpath(path), ROOT)
    best = None
    for d in ORDER:
        if rel == d or rel.startswith(d + "/"):
            if best is None or len(d) > len(best):
                best = d
    return best


def sources():
    for top in ["src", "app", "python/src", "include"]:
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    yield os.path.join(dirpath, f)


TOKENS = re.compile(r"""/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'""", re.S)


def strip_comments(text):
    """comments, strings and character constants in one left-to-right pass (a "//" inside a
    string is no comment; a brace inside a string or a constant is no brace)"""
    def blank(m):
        t = m.group(0)
        return "\n" * t.count("\n") if t[0] == "/" else t[0] * 2
    return TOKENS.sub(blank, text)


def check_sources():
    for path in sources():
        rel = os.path.relpath(path, ROOT)
        mine = layer_of(path)
        raw = open(path, errors="replace").read()
        if mine is None:
            problems.append(f"{rel}: in no layer of docs/internals.md")
            continue
        for m in re.finditer(r'^\s*#\s*include\s+"([^"]+)"', raw, re.M):
            target = os.path.join(os.path.dirname(path), m.group(1))
            if not os.path.exists(target):
                for base in ("src", "include"):  # -Isrc -Iinclude
                    if os.path.exists(os.path.join(ROOT, base, m.group(1))):
                        target = os.path.join(ROOT, base, m.group(1))
                        break
            theirs = layer_of(target)
            if theirs is None or ORDER[theirs] > ORDER[mine]:
                problems.append(f"{rel}: includes {m.group(1)} from {theirs or 'outside the layers'} (above {mine})")
        code = strip_comments(raw)
        if re.search(r"__attribute__\s*\(\(\s*weak|#\s*pragma\s+weak|\bOQ_WEAK\b", code):
            problems.append(f"{rel}: a weak symbol")
        if path.endswith(".c"):
            for decl in file_scope_declarations(code):
                problems.append(f"{rel}: declares {decl!r} (put it in the header of the layer that defines it)")


def file_scope_declarations(code):
    """extern declarations and prototypes (no body) at file scope of a .c file."""
    depth = 0
    statement = ""
    out = []
    for ch in code:
        if ch == "{":
            if depth == 0:
                statement = ""
            depth += 1
        elif ch == "}":
            depth -= 1
            statement = ""
        elif depth == 0:
            if ch == ";":
                s = " ".join(statement.split())
                statement = ""
                if not s or s.startswith(("#", "static ", "typedef ")) or "=" in s:
                    continue
                if s.startswith("extern ") or re.match(r"^[\w\s\*]+\b\w+\s*\([^()]*(\([^()]*\)[^()]*)*\)$", s):
                    out.append(s)
            elif ch == "\n" and statement.lstrip().startswith("#"):
                statement = ""
            else:
                statement += ch
    return out


def check_objects():
    """the objects of the engine as the current build made them (compile_commands.json)"""
    db = os.path.join(BUILD, "compile_commands.json")
    if not os.path.exists(db):
        problems.append(f"no {db}: build first (make build)")
        return
    import json
    objs = {}
    for entry in json.load(open(db)):
        src = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        m = re.search(r"-o\s+(\S+)", entry.get("command", ""))
        if not m:
            continue
        obj = os.path.normpath(os.path.join(entry["directory"], m.group(1)))
        if os.path.exists(obj) and "/tests/" not in src and "/bench/" not in src:
            objs[obj] = src
    defined, undefined, layer, home = {}, {}, {}, {}
    for o, src in objs.items():
        if src.startswith(ROOT + os.sep) and not src.startswith(BUILD):
            layer[o] = layer_of(src)
        else:  # embedded/lang_boot_q.c: the layer its name starts with
            name = os.path.basename(src)
            layer[o] = next((d for d in ORDER if d.startswith("src/") and name.startswith(d[4:] + "_")), None)
        out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
        home[o] = os.path.relpath(src, os.path.join(ROOT, "src"))[: -len(".c")]
        undefined[o] = []
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "U":
                undefined[o].append(parts[1])
            elif len(parts) == 3 and parts[1] in "TDBRCVW":
                defined[parts[2]] = o
    for o, syms in undefined.items():
        for s in syms:
            d = defined.get(s)
            if d and layer[d] is not None and layer[o] is not None and ORDER[layer[d]] > ORDER[layer[o]]:
                problems.append(f"{layer[o]}: {os.path.basename(o)[:-2]} calls {s} of {layer[d]} ({os.path.basename(d)[:-2]})")
    check_prims_def({s: home[o] for s, o in defined.items()})


def check_prims_def(where):
    """prims.def's files column names where each row's functions are defined"""
    row = re.compile(r'^PRIM\((\w+),\s*"(?:[^"\\]|\\.)*",\s*[^,]+,\s*[^,]+,\s*(\w+),\s*(\w+),\s*(\w+),\s*"([^"]*)"\)')
    for line in open(os.path.join(ROOT, "src", "prim", "prims.def")):
        if not line.startswith("PRIM("):
            continue
        m = row.match(line)
        if not m:
            problems.append(f"prims.def: a row without its files column: {line.strip()}")
            continue
        files = m.group(5).split()
        for fn, said in zip(m.group(2, 3, 4), files + ["?"] * 3):
            actual = "-" if fn.startswith("no_") else where.get(fn, "undefined")
            if actual != said:
                problems.append(f"prims.def {m.group(1)}: {fn} is in {actual}, the row says {said}")


check_sources()
check_objects()
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
