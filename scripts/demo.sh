#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled examples: builds pledgedb, creates a
# database, ingests examples/announcements/ (Arabic, French and English articles, including
# follow-ups reporting progress), prints the overdue and per-region reports as of a fixed date
# and writes the self-contained HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
AS_OF=${AS_OF:-2027-06-30}
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" --target pledgedb
mkdir -p out
db=out/demo.db
rm -f "$db" "$db-wal" "$db-shm"
pledgedb() { ./build/pledgedb --db "$db" "$@"; }

pledgedb init
pledgedb ingest examples/announcements
echo
echo "== Overdue commitments as of $AS_OF"
pledgedb --as-of "$AS_OF" report overdue
echo
echo "== Pledges by region as of $AS_OF"
pledgedb --as-of "$AS_OF" report regions
pledgedb --as-of "$AS_OF" report html -o out/report.html
echo
echo "HTML report: $PWD/out/report.html   database: $PWD/$db"
