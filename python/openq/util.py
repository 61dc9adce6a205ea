"""kx.util: helpers PyKX code reaches for."""


def subclasses(cls):
    """Every subclass of cls, recursively, as a set."""
    out = set()
    todo = [cls]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in out:
                out.add(sub)
                todo.append(sub)
    return out


class PyKXReimport:
    """`with kx.PyKXReimport():` around starting a subprocess that imports PyKX.  PyKX resets
    its environment variables there; openq sets none, so there is nothing to undo."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
