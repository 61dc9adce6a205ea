#!/usr/bin/env bash
# PyKX's own tests against openq (README, "PyKX's own tests"): one file at a time.
#   scripts/pykx-tests.sh test_cast.py [pytest args]
# A work directory (PYKX_SHIM_DIR, default /tmp/openq-pykx-shim) gets PyKX's tests/ from the
# KxSystems/pykx mirror, a `pykx` package that is openq, `q` on PATH starting build/openq, and
# pytest-asyncio and psutil (the async and IPC tests) apart from .venv; scripts/pykx-shim/pkxplugin.py gives
# PyKX's conftest what newer pytest lacks.  Needs `make build pyinstall` first.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
mirror=${PYKX_MIRROR:-/work/.mirror/KxSystems+pykx/repo}
dir=${PYKX_SHIM_DIR:-/tmp/openq-pykx-shim}
file=$1; shift
if [ ! -d "$dir/run/tests" ]; then
    mkdir -p "$dir/run" "$dir/shim/pykx" "$dir/bin" "$dir/site" "$dir/qhome"
    git --git-dir="$mirror" ls-tree -r --name-only HEAD tests | while read -r f; do
        mkdir -p "$dir/run/$(dirname "$f")"
        git --git-dir="$mirror" show "HEAD:$f" > "$dir/run/$f" 2>/dev/null || rm -f "$dir/run/$f"
    done
    printf 'import sys\nimport openq\nsys.modules["pykx"] = openq\n' > "$dir/shim/pykx/__init__.py"
    "$root/.venv/bin/pip" install -q --no-deps --target "$dir/site" pytest-asyncio typing_extensions psutil
fi
cp "$root/scripts/pykx-shim/pkxplugin.py" "$dir/shim/"
printf '#!/bin/sh\nexec %s/build/openq "$@"\n' "$root" > "$dir/bin/q"
chmod +x "$dir/bin/q"
cd "$dir/run"
PATH="$dir/bin:$PATH" QHOME="$dir/qhome" PYTHONPATH="$dir/shim:$dir/site" \
    "$root/.venv/bin/python" -m pytest -p pkxplugin -p no:cacheprovider -q -o addopts= "tests/$file" "$@"
