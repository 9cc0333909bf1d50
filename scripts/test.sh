#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: a Release build, then (unless --quick)
# the same tests under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-browser
jobs=$(nproc 2>/dev/null || echo 2)

# doctest_discover_tests splits test names on ';' and ctest would then run nothing for them.
if grep -rnE 'TEST_CASE\("[^"]*;' tests/; then
  echo "error: test names must not contain ';' (ctest would silently skip them)" >&2
  exit 1
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPLEDGEDB_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
# The SSE2 fast paths have portable fallbacks (other processors): they must compile cleanly too.
for f in $(grep -rl --include='*.cpp' '__SSE2__' src); do  # headers: through the files that use them
  g++ -std=c++20 -fsyntax-only -U__SSE2__ -Wall -Wextra -Wpedantic -Werror -Iinclude -Isrc "$f"
done
ctest --test-dir build --output-on-failure -j "$jobs"

if [[ "${1:-}" != "--quick" ]]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPLEDGEDB_SANITIZE=ON -DPLEDGEDB_BENCH=ON >/dev/null
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" -E "consumer"

  # libFuzzer smoke pass (clang build of the modules, each target briefly on our seeds); the
  # long runs are `scripts/fuzz.sh 600 TARGET...`.
  scripts/fuzz.sh "${FUZZ_SMOKE_SECONDS:-10}"
fi
