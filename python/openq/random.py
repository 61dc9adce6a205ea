"""kx.random: q's random numbers (seed, random_arr, shuffle) from Python."""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e


def _q(src, *args):
    from .k import _q as q
    return q(src, *args)


def seed(value):
    """Set q's random seed (\\S)."""
    _e.eval(f"system\"S {int(value)}\"")


def random_arr(shape, data, seed=None):
    """An array of shape (an int or a list of ints) of random picks from data: `shape?data`."""
    if seed is not None:
        globals()["seed"](seed)
    if isinstance(shape, (list, tuple)):
        n = 1
        for d in shape:
            n *= d
        flat = _q("{x?y}", n, data)
        dims = " ".join(str(d) for d in shape)
        return _q("{(" + dims + ")#x}", flat) if len(shape) > 1 else flat
    return _q("{x?y}", shape, data)


def shuffle(x, seed=None):
    """x in a random order: `0N?x`."""
    if seed is not None:
        globals()["seed"](seed)
    return _q("{0N?x}", x)


def random(dimensions, data, seed=None):
    """PyKX's kx.random.random: as random_arr."""
    return random_arr(dimensions, data, seed=seed)
