# A thin wrapper over CMake presets (CMakePresets.json). The README's two
# set-up commands are `make demo` and `make test`; both install what is
# missing first (Debian packages, as root).
JOBS ?= $(shell nproc)
DEMO_DB ?= build/demo-db
PORT ?= 8080

.PHONY: all deps build test asan fuzz demo sample bench format clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

test: build node_modules/.package-lock.json
	ctest --preset dev -j $(JOBS)

# playwright-core for the browser tests (tests/browser/), as package-lock.json pins it.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# The tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --preset asan -j $(JOBS)

# Each libFuzzer target of fuzz/ for FUZZ_SECONDS (clang, ASan + UBSan), or
# only FUZZ_TARGETS; fails naming the target and its crash file (fuzz/run.sh).
FUZZ_SECONDS ?= 15
FUZZ_TARGETS ?=
fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Only the command the demo runs is built, not every test (7 to 10 minutes
# on 2 cores); `make test` builds the rest. From a fresh clone with the
# packages installed, the page answers after ~125 s on 2 cores.
demo: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS) --target eavesearch
	build/eavesearch index data/sample --db $(DEMO_DB)
	build/eavesearch serve --db $(DEMO_DB) --port $(PORT)

# eavesearch against SQLite FTS5, Omega's scriptindex and rg on a generated
# archive (LINES=1000000 by default); writes bench/RESULTS.md. See bench/README.md.
bench: build
	@scripts/install-deps.sh --bench
	bench/run.sh

# Regenerates the committed sample archive (see data/README.md).
sample: build
	rm -rf data/sample
	build/data/generator/eavesearch-generate --out data/sample --seed 8 --meetings 250

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf build build-asan build-fuzz build-release
