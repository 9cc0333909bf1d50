#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 600), seeded from
# our own fixtures and examples. Findings (crash-*, timeout-*, oom-*) are left in
# build-fuzz/findings/<target>/ (or $FUZZ_FINDINGS/<target>/); each must become a regression
# test. Only findings of this run count for the exit status (older ones stay for reference).
# scripts/test.sh runs a short smoke pass (10 s a target); the real runs take 600 s a target:
#   nice -n 10 scripts/fuzz.sh 600 numbers dates &
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}; shift || true
scripts/install-deps.sh --with-fuzz
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLEDGEDB_FUZZ=ON \
  -DPLEDGEDB_TESTS=OFF -DPLEDGEDB_BENCH=OFF -DPLEDGEDB_INSTALL=OFF >/dev/null
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(numbers dates normalize front_matter html announcement_json extractor)
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
for t in "${targets[@]}"; do
  seeds=build-fuzz/seeds/$t findings=${FUZZ_FINDINGS:-build-fuzz/findings}/$t
  mkdir -p "$seeds" "$findings"
  case $t in
    announcement_json) find tests/fixtures examples -name '*.json' -size -64k -exec cp {} "$seeds/" \; 2>/dev/null || true ;;
    html) find tests/fixtures examples -name '*.htm*' -exec cp {} "$seeds/" \; 2>/dev/null || true ;;
    *) find tests/fixtures examples -name '*.md' -size -64k -exec cp {} "$seeds/" \; 2>/dev/null || true ;;
  esac
  echo "== fuzz_$t for ${secs}s"
  ASAN_OPTIONS=detect_leaks=1 ./build-fuzz/fuzz/fuzz_$t "$seeds" -max_total_time="$secs" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 2>&1 |
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Done)|crash-|timeout-" || true
  n=$(find "$findings" -type f -newer "$stamp" | wc -l)
  echo "fuzz_$t: $n new finding(s) in $findings"
  [[ $n -eq 0 ]] || status=1
done
exit ${status:-0}
