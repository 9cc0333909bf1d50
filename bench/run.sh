#!/usr/bin/env bash
# Benchmarks pledgedb on synthetic announcements (bench/gen.cpp) and prints a Markdown table.
#   bench/run.sh [--quick] [--runs N] [--out FILE]
# --quick: 10k documents / ~10k commitments only (a few minutes); default: 10k, 100k, 1M.
# Timings are the median of --runs runs (default 5) of the real CLI (process start included).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0 runs=5 out=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --out) out=$2; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--runs N] [--out FILE]" >&2; exit 2 ;;
  esac
  shift
done

scripts/install-deps.sh >/dev/null
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPLEDGEDB_TESTS=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" --target pledgedb pledgedb-gen pledgedb-bench-extract >/dev/null
bin=$PWD/build-bench/pledgedb gen=$PWD/build-bench/bench/pledgedb-gen
work=${BENCH_WORK:-$PWD/build-bench/work}
mkdir -p "$work"

sizes=(10000 100000 1000000)
((quick)) && sizes=(10000)
asof=2026-06-30

ms() { # median wall milliseconds of a command over $runs runs
  local t=() s e
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    t+=($(((e - s) / 1000000)))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

report() {
echo "# pledgedb benchmarks"
echo
echo "- date: $(date -u +%Y-%m-%d), command: \`bench/run.sh $( ((quick)) && echo --quick) --runs $runs\`"
echo "- machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "- medians of $runs runs; latencies include process start-up"
echo

echo "## Extraction (single thread, extract() only, 10k generated documents)"
echo
echo '```'
"$gen" --count 10000 --seed 7 --out "$work/x10k" >/dev/null 2>&1
./build-bench/bench/pledgedb-bench-extract "$work/x10k" --repeat 3
echo '```'
echo

echo "## Ingest end to end (md files, extraction + storage, WAL file database, --jobs 2)"
echo
echo "| documents | seconds | docs/s | MB/s | µs/doc | peak RSS MB | DB bytes/doc |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  d=$work/md$n db=$work/md$n.db
  [[ -f $d/truth.ndjson ]] || "$gen" --count "$n" --seed 11 --out "$d" >/dev/null 2>&1
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" --db "$db" init -q
  mb=$(find "$d" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
  s=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" --db "$db" ingest "$d" --jobs 2 -q || true
  e=$(date +%s%N)
  secs=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", (b-a)/1e9}')
  rss=$(awk '{printf "%.0f", $1/1024}' "$work/rss")
  "$bin" --db "$db" db check -q >/dev/null 2>&1 || true
  size=$(stat -c %s "$db")
  echo "| $n | $secs | $(awk -v n="$n" -v s="$secs" 'BEGIN {printf "%.0f", n/s}') | $(awk -v m="$mb" -v s="$secs" 'BEGIN {printf "%.1f", m/s}') | $(awk -v n="$n" -v s="$secs" 'BEGIN {printf "%.0f", s*1e6/n}') | $rss | $(awk -v b="$size" -v n="$n" 'BEGIN {printf "%.0f", b/n}') |"
done
echo

echo "## Queries (database loaded from announcement JSON: pledgedb-gen --format ndjson)"
echo
echo "| commitments | load s | pledges --region MA-06 ms | report overdue ms | show ID ms | search ms |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  docs=$((n * 6 / 10)) d=$work/nd$n db=$work/nd$n.db
  [[ -f $d/announcements.ndjson ]] || "$gen" --count "$docs" --seed 13 --format ndjson --out "$d" >/dev/null 2>&1
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" --db "$db" init -q
  s=$(date +%s%N)
  "$bin" --db "$db" ingest "$d/announcements.ndjson" -q || true
  e=$(date +%s%N)
  load=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.1f", (b-a)/1e9}')
  count=$("$bin" --db "$db" db status --format csv 2>/dev/null | awk -F, '$1=="commitment" {print $2}')
  mid=$(( ${count:-2} / 2 ))
  p=$(ms "$bin" --db "$db" --as-of $asof pledges --region MA-06 --format csv)
  o=$(ms "$bin" --db "$db" --as-of $asof report overdue --format csv)
  sh=$(ms "$bin" --db "$db" --as-of $asof show "$mid" --format json)
  se=$(ms "$bin" --db "$db" search "Casablanca" --format csv)
  echo "| ${count:-?} | $load | $p | $o | $sh | $se |"
done
}

if [[ -n $out ]]; then report | tee "$out"; else report; fi
