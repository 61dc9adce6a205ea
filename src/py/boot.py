# boot.py -- Python run once the embedded interpreter is up (py_ensure): find the user's
# environment (the active virtual environment, or the one this binary was installed into),
# make `import openq` reach this very process, and let code written for PyKX under q import
# `pykx`. Embedded in the binary at build time (cmake/embed.cmake); OPENQ_SRC is set by the caller.
import os, sys, site, glob
def _openq_paths():
    venvs = []
    if os.environ.get('VIRTUAL_ENV'): venvs.append(os.environ['VIRTUAL_ENV'])
    exe = os.path.realpath('/proc/self/exe')
    venvs.append(os.path.dirname(os.path.dirname(exe)))
    for v in venvs:
        for sp in glob.glob(os.path.join(v, 'lib', 'python%d.%d' % sys.version_info[:2], 'site-packages')):
            if sp not in sys.path: site.addsitedir(sp)
    src = os.environ.get('OPENQ_PYTHON_DIR') or OPENQ_SRC
    if src and os.path.isdir(src) and src not in sys.path: sys.path.insert(0, src)
_openq_paths()
import openq as _openq_pkg
if os.environ.get('OPENQ_PYKX_FACADE', '1') != '0':
    sys.modules.setdefault('pykx', _openq_pkg)
del _openq_paths, _openq_pkg
