# openq -- `make run` starts a server on port 5000, `make test` runs every test layer.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all build asan tsan venv pyinstall benchvenv run test bench conformance fuzz clean

all: build

build:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

asan:
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DOPENQ_SANITIZE=address,undefined -DOPENQ_WITH_PYTHON=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

# the secondary threads under ThreadSanitizer (tests/threads/tsan.sh; not part of make test)
tsan:
	@cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOPENQ_SANITIZE=thread -DOPENQ_WITH_PYTHON=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build build-tsan -j $(JOBS) --target unit_tests openq_bin
	@bash tests/threads/tsan.sh

run: build
	./$(BUILD)/openq -p 5000

# The Python environment for the client tests: real PyKX, qPython, aiokdb (tests/requirements.txt)
venv: .venv/.stamp
.venv/.stamp: tests/requirements.txt
	@python3 -m venv .venv
	@.venv/bin/pip install -q -r tests/requirements.txt
	@touch $@

# The baselines of bench/bench_query.py (DuckDB, Polars; bench/requirements.txt), apart from
# .venv so that the tests never need them
benchvenv: .venv-bench/.stamp
.venv-bench/.stamp: bench/requirements.txt
	@python3 -m venv .venv-bench
	@.venv-bench/bin/pip install -q -r bench/requirements.txt
	@touch $@

# The openq package itself, built by scikit-build-core over the same CMake graph
pyinstall: venv
	@.venv/bin/pip install -q --no-build-isolation .

# Every layer script in tests/layers runs in order; tests/run.sh sums their closing lines.
test: build asan venv pyinstall
	@bash tests/run.sh

bench: build benchvenv
	@bash bench/run.sh

conformance: build
	@python3 tests/conformance/run.py $(if $(CORPUS),--corpus $(CORPUS),)

# Every fuzz target (decoder, connection, console) mutating for FUZZ_SECONDS each (make test
# replays the console corpus and runs the connection target briefly); an input that breaks
# us lands in build-fuzz/ and belongs in tests/fuzz/eval-regressions
fuzz:
	@FUZZ_EVAL=1 bash tests/layers/90-fuzz.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz build-py build-tsan
