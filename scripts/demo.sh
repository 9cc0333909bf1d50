#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" --target pledgedb
mkdir -p out
db=out/demo.db
rm -f "$db" "$db-wal" "$db-shm"
./build/pledgedb --db "$db" init
./build/pledgedb --db "$db" regions --country MA
