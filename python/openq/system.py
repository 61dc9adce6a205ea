"""kx.q.system: q's system commands as Python attributes (q.system.console_size = [25, 80]).

Calling it, q.system("c"), runs a system command as q's `system` does."""


class System:
    def __init__(self, q):
        object.__setattr__(self, "_q", q)

    def __call__(self, command):
        return self._q._call("system", command.encode() if isinstance(command, str) else command)

    def _run(self, command):
        return self._q._call("system", command.encode())

    @property
    def console_size(self):
        return self._run("c")

    @console_size.setter
    def console_size(self, size):
        rows, cols = (int(v) for v in size)
        self._run(f"c {rows} {cols}")

    @property
    def display_size(self):
        return self._run("C")

    @display_size.setter
    def display_size(self, size):
        rows, cols = (int(v) for v in size)
        self._run(f"C {rows} {cols}")

    @property
    def precision(self):
        return self._run("P")

    @precision.setter
    def precision(self, value):
        self._run(f"P {int(value)}")

    def tables(self, namespace=None):
        return self._run("a" + (f" {namespace}" if namespace else ""))

    def variables(self, namespace=None):
        return self._run("v" + (f" {namespace}" if namespace else ""))

    def functions(self, namespace=None):
        return self._run("f" + (f" {namespace}" if namespace else ""))

    def cd(self, directory=None):
        return self._run("cd" + (f" {directory}" if directory else ""))

    def load(self, path):
        return self._run(f"l {path}")

    def __setattr__(self, name, value):
        if not hasattr(type(self), name):
            raise AttributeError(f"q.system has no setting {name!r}")
        object.__setattr__(self, name, value)
