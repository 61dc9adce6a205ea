"""Type codes are compared by name (docs/internals.md, "Type names").

Prints each comparison of a type (x->t, v.t, or a variable named t, tx, ty, to, rt, kt, t1, t2,
type) with a numeric literal other than 0 in src/ and app/, outside src/obj/obj.h where the
names are defined: 98 is XT, 20 is KENUM, -11 is -KS (include/k.h and obj.h).  0, the general
list, is the one code compared as a number.  Silent when the rule holds.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from alloc import strip  # noqa: E402  (comments and strings blanked, lines kept)

TYPE = r"(?:->\s*t\b|\.t\b|\b(?:t|tx|ty|to|rt|kt|t1|t2|type)\b)"
OP = r"(?:==|!=|<=|>=|<|>)"
NUM = r"\(?\s*-?\s*\d+\b"
RIGHT = re.compile(TYPE + r"\s*" + OP + r"\s*(" + NUM + ")")
LEFT = re.compile(r"(?<![\w.>)\]])(" + NUM + r")\s*" + OP + r"\s*[\w\[\]().>-]*?" + TYPE + r"(?!\s*\()")


def literal(text):
    return int(re.sub(r"[\s()]", "", text))


def is_type_code(v):
    """a number q uses as a type code (0 excepted, see above)"""
    v = abs(v)
    return 1 <= v <= 77 or 98 <= v <= 112 or v in (127, 128)


def main():
    bad = []
    files = sorted(p for d in ("src", "app") for p in (ROOT / d).rglob("*.[ch]"))
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        if rel == "src/obj/obj.h":
            continue
        code = strip(path.read_text(errors="replace"))
        for no, line in enumerate(code.split("\n"), 1):
            for m in list(RIGHT.finditer(line)) + list(LEFT.finditer(line)):
                if is_type_code(literal(m.group(1))):
                    bad.append(f"{rel}:{no}: {line.strip()}: compare the type with its name "
                               "(include/k.h, src/obj/obj.h)")
                    break
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
