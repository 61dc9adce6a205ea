"""PyArrow when installed (kx._pyarrow.pyarrow), else None."""
try:
    import pyarrow
except ImportError:
    pyarrow = None
