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
