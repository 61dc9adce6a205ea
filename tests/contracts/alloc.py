"""Every allocation goes through src/base/mem.c (docs/internals.md, "Allocation").

Prints each call of the C library's allocator (malloc calloc realloc free strdup ...) in src/
and app/ outside src/base, unless its file:function is on ALLOWED: those free memory that a
foreign library allocated.  Silent when the rule holds.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]

# file:function -> why it calls the C library's allocator
ALLOWED = {
    "app/console.c:on_line": "libedit's readline callback hands over a malloc'd line",
    "app/console.c:console_stream": "getline grows its buffer with libc's realloc",
}

CALL = re.compile(r"\b(malloc|calloc|realloc|reallocarray|free|strdup|strndup|aligned_alloc|"
                  r"posix_memalign|valloc|memalign)\s*\(")
IDENT_CALL = re.compile(r"([A-Za-z_]\w*)\s*\(")


def strip(text):
    """text with comments, string and character literals blanked (newlines kept)"""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(code):
    """for each offset of code, the name of the function whose body holds it ('' at file level)"""
    depth, start, current, body_start = 0, 0, "", 0
    spans = []  # (begin, end, name) of each top-level body
    for i, c in enumerate(code):
        if c == "{":
            if depth == 0:
                head = code[start:i]
                calls = IDENT_CALL.findall(head)
                current = calls[0] if calls else ""
                body_start = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                spans.append((body_start, i, current))
                start = i + 1
        elif c == ";" and depth == 0:
            start = i + 1
    return spans


def main():
    bad = []
    files = sorted(p for d in ("src", "app") for p in (ROOT / d).rglob("*.[ch]"))
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("src/base/"):
            continue
        code = strip(path.read_text(errors="replace"))
        spans = functions(code)
        for m in CALL.finditer(code):
            if re.search(r"(->|\.)\s*$", code[: m.start()]):
                continue  # a member called free, say
            fn = next((name for b, e, name in spans if b <= m.start() <= e), "")
            key = f"{rel}:{fn}"
            if key in ALLOWED:
                continue
            line = code.count("\n", 0, m.start()) + 1
            bad.append(f"{rel}:{line}: {m.group(1)}() in {fn or 'file scope'}: use mem_raw_* "
                       f"(src/base/mem.h), or add {key} to ALLOWED with the reason")
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
