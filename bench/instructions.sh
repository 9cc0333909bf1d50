#!/usr/bin/env bash
# Instructions per byte of one extract() pass (callgrind): the stable measure of extraction
# cost on a shared machine, where wall-clock MB/s move ±3 from one run to the next.
#   bench/instructions.sh [BUILD_DIR] DIR...     (default BUILD_DIR: build)
# DIR: folders of articles (any txt/md/html/json; language detected when not stated), as for
# `pledgedb-bench-extract DIR --plain`. Start-up (gazetteer, lexicons) is left out: a run of
# --repeat 1 is subtracted from one of --repeat 11.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
if [[ $# -gt 0 && -x ${1}/bench/pledgedb-bench-extract ]]; then build=$1; shift; fi
[[ $# -gt 0 ]] || { echo "usage: bench/instructions.sh [BUILD_DIR] DIR..." >&2; exit 2; }
bin=$build/bench/pledgedb-bench-extract
[[ -x $bin ]] || { echo "no $bin: build first" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$@"; do
  for r in 1 11; do
    valgrind --tool=callgrind --collect-atstart=no "--toggle-collect=pledgedb::extract::extract(*" \
      --callgrind-out-file="$tmp/cg.$r" "$bin" "$dir" --plain --repeat $r >/dev/null 2>&1
  done
  total() { callgrind_annotate "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'; }
  mb=$("$bin" "$dir" --plain --repeat 1 | awk '$1 == "all" {print $3}')
  awk -v a="$(total "$tmp/cg.1")" -v b="$(total "$tmp/cg.11")" -v mb="$mb" -v d="$dir" \
    'BEGIN {printf "%s: %.1f instructions per byte (%.3f MB)\n", d, (b - a) / 10 / (mb * 1e6), mb}'
done
