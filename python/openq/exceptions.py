"""PyKX's exception classes.  QError is the engine's (a q error), the others are Python's."""
try:
    import _openq_builtin as _e
except ImportError:
    from . import _openq as _e

QError = _e.QError


class PyKXException(Exception):
    """The base of openq's own Python-side errors (as in PyKX)."""


class PyKXWarning(Warning):
    pass


class LicenseException(PyKXException):
    """Never raised by openq (nothing needs a licence); kept for code that catches it."""


class QuerySyntaxError(PyKXException):
    pass


class FutureCancelled(PyKXException):
    pass


class NoResults(PyKXException):
    pass


class UninitializedConnection(PyKXException):
    pass


class PyArrowUnavailable(PyKXException, ImportError):
    pass


class ColumnError(QError, KeyError):
    """A table column that is not there: a q error ('inaccessible column: b') that pandas-style
    code may also catch as KeyError."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""


class QNameError(PyKXException, AttributeError):
    """A name q does not define, read as an attribute (kx.q.nothing, conn.nothing)."""


__all__ = ["QError", "PyKXException", "PyKXWarning", "LicenseException", "QuerySyntaxError",
           "FutureCancelled", "NoResults", "UninitializedConnection", "PyArrowUnavailable",
           "QNameError"]
