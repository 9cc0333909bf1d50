#!/usr/bin/env bash
# Benchmarks pledgedb on synthetic announcements (bench/gen.cpp) and prints a Markdown table.
#   bench/run.sh [--quick] [--runs N] [--out FILE] [--sizes "10000 100000"] [--skip-ingest] [--skip-queries]
# --quick: 10k documents / ~10k commitments only (a few minutes); default: 10k, 100k, 1M.
# Timings are the median of --runs runs (default 5) of the real CLI (process start included).
# BENCH_BUILD: build folder (default build-bench, configured Release without tests when new);
# BENCH_WORK: where the generated corpora and databases go (default $BENCH_BUILD/work).
# Query databases already loaded by an earlier run are reused when BENCH_REUSE_DB=1.
# BENCH_ARTICLES: a folder of real articles to time extraction on (default examples/announcements).
set -euo pipefail
cd "$(dirname "$0")/.."
args="$*" quick=0 runs=5 out="" sizes_arg="" do_ingest=1 do_queries=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --out) out=$2; shift ;;
    --sizes) sizes_arg=$2; shift ;;
    --skip-ingest) do_ingest=0 ;;
    --skip-queries) do_queries=0 ;;
    *) echo "usage: bench/run.sh [--quick] [--runs N] [--out FILE] [--sizes \"N ...\"] [--skip-ingest] [--skip-queries]" >&2; exit 2 ;;
  esac
  shift
done

build=${BENCH_BUILD:-build-bench}
[[ $build == /* ]] || build=$PWD/$build  # absolute from here on (BENCH_BUILD may be either)
if [[ ! -f $build/CMakeCache.txt ]]; then
  scripts/install-deps.sh >/dev/null
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DPLEDGEDB_TESTS=OFF >/dev/null
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release' "$build/CMakeCache.txt" || { echo "$build is not a Release build" >&2; exit 1; }
cmake --build "$build" -j "$(nproc)" --target pledgedb pledgedb-gen pledgedb-bench-extract >/dev/null
bin=$build/pledgedb gen=$build/bench/pledgedb-gen extract_bench=$build/bench/pledgedb-bench-extract
work=${BENCH_WORK:-$build/work}
mkdir -p "$work"

sizes=(10000 100000 1000000)
((quick)) && sizes=(10000)
[[ -n $sizes_arg ]] && read -r -a sizes <<<"$sizes_arg"
asof=2026-06-30
# pledgedb-gen's stories have one or two pledges and several articles each: loading its
# announcement JSON gives about 0.71 commitments per document.
docs_for() { echo $(($1 * 100 / 71)); }
fail() { echo "bench/run.sh: $*" >&2; exit 1; }

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
echo "- date: $(date -u +%Y-%m-%d), command: \`bench/run.sh $args\`"
echo "- machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "- medians of $runs runs; latencies include process start-up"
echo

if ((do_ingest)); then
echo "## Extraction (single thread, extract() only, 10k generated documents)"
echo
echo '```'
[[ -f $work/x10k/truth.ndjson ]] || "$gen" --count 10000 --seed 7 --out "$work/x10k" >/dev/null 2>&1
"$extract_bench" "$work/x10k" --repeat 3 || fail "pledgedb-bench-extract failed"
echo '```'
echo
# Hand-written articles are longer and denser than generated ones; BENCH_ARTICLES names another
# folder of articles to time the same way (txt, md, html or json).
articles=${BENCH_ARTICLES:-examples/announcements}
echo "Extraction of the articles in \`$articles\` (--plain: speed only, 200 passes):"
echo
echo '```'
"$extract_bench" "$articles" --plain --repeat 200 || fail "pledgedb-bench-extract --plain failed"
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
  "$bin" --db "$db" init -q || fail "init $db failed"
  mb=$(find "$d" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
  s=$(date +%s%N)
  # Exit 3 = some documents had no pledge or were skipped: still a complete run.
  # The numbered folders only: $d/truth.ndjson is the generator's answer key, not input.
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" --db "$db" ingest "$d"/[0-9]*/ --jobs 2 -q 2>"$work/ingest$n.err" ||
    [[ $? == 3 ]] || fail "ingest $d failed (see $work/ingest$n.err)"
  e=$(date +%s%N)
  secs=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", (b-a)/1e9}')
  rss=$(tail -1 "$work/rss" | awk '{printf "%.0f", $1/1024}')
  "$bin" --db "$db" db check -q >/dev/null 2>&1 || fail "db check $db failed"
  size=$(( $(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0) ))
  echo "| $n | $secs | $(awk -v n="$n" -v s="$secs" 'BEGIN {printf "%.0f", n/s}') | $(awk -v m="$mb" -v s="$secs" 'BEGIN {printf "%.1f", m/s}') | $(awk -v n="$n" -v s="$secs" 'BEGIN {printf "%.0f", s*1e6/n}') | $rss | $(awk -v b="$size" -v n="$n" 'BEGIN {printf "%.0f", b/n}') |"
done
echo
fi

((do_queries)) || return 0
echo "## Queries (database loaded from announcement JSON: pledgedb-gen --format ndjson, --as-of $asof)"
echo
echo "Milliseconds, process start included. \`table\` = the terminal view (first 100 rows);"
echo "\`all\` = \`--limit 0 --format csv\`, every row (the count is in the rows column)."
echo
echo "| commitments | load s | overdue table | overdue all | overdue rows | region table | region all | region rows | show ID | show commitment | search |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  d=$work/nd$n db=$work/nd$n.db load="-"
  [[ -f $d/announcements.ndjson ]] || "$gen" --count "$(docs_for "$n")" --seed 13 --format ndjson --out "$d" >/dev/null 2>&1
  if [[ ${BENCH_REUSE_DB:-0} != 1 || ! -f $db ]]; then
    rm -f "$db" "$db-wal" "$db-shm"
    "$bin" --db "$db" init -q || fail "init $db failed"
    s=$(date +%s%N)
    "$bin" --db "$db" ingest "$d/announcements.ndjson" --jobs 2 -q || [[ $? == 3 ]] || fail "ingest $d failed"
    e=$(date +%s%N)
    load=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.1f", (b-a)/1e9}')
  fi
  # db status --format csv: section,name,value,detail
  status=$("$bin" --db "$db" db status --format csv) || fail "db status $db failed"
  count=$(awk -F, '$1=="table" && $2=="commitment" {print $3}' <<<"$status")
  agreements=$(awk -F, '$1=="table" && $2=="agreement" {print $3}' <<<"$status")
  [[ -n $count && -n $agreements ]] || fail "no commitment/agreement count in db status"
  q=("$bin" --db "$db" --as-of $asof)
  orows=$("${q[@]}" report overdue --limit 0 --format csv --no-headers | wc -l)
  prows=$("${q[@]}" pledges --region MA-06 --limit 0 --format csv --no-headers | wc -l)
  ot=$(ms "${q[@]}" report overdue)
  oa=$(ms "${q[@]}" report overdue --limit 0 --format csv)
  pt=$(ms "${q[@]}" pledges --region MA-06)
  pa=$(ms "${q[@]}" pledges --region MA-06 --limit 0 --format csv)
  "${q[@]}" show $((agreements / 2)) --format json >/dev/null || fail "show $((agreements / 2)) failed"
  sh=$(ms "${q[@]}" show $((agreements / 2)) --format json)
  sc=$(ms "${q[@]}" show commitment $((count / 2)) --format json)
  se=$(ms "$bin" --db "$db" search Casablanca --format csv)
  echo "| $count | $load | $ot | $oa | $orows | $pt | $pa | $prows | $sh | $sc | $se |"
done
}

if [[ -n $out ]]; then report | tee "$out"; else report; fi
