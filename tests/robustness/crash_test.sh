#!/usr/bin/env bash
# Crash safety: SIGKILL an ingest at random moments (TRIALS times, default 20); after each kill
# the database must pass `db check` and hold only whole documents (every stored source has
# exactly the facts the complete reference run gives it); a final run must complete the set.
#   crash_test.sh BIN GEN WORK [DOCS] [TRIALS]
source "$(dirname "$0")/common.sh"
docs=${4:-2000} trials=${5:-20}
"$GEN" --count "$docs" --seed 5 --out "$WORK/docs" 2>/dev/null

ref=$WORK/ref.db
"$BIN" --db "$ref" init -q
s=$(date +%s%N)
"$BIN" --db "$ref" ingest "$WORK/docs" -q || fail "reference ingest failed"
e=$(date +%s%N)
span_ms=$(((e - s) / 1000000))
facts "$ref" >"$WORK/ref.facts"
expected=$(q "$ref" "SELECT count(*) FROM source")
[[ $expected -gt 0 ]] || fail "reference stored nothing"

db=$WORK/crash.db
"$BIN" --db "$db" init -q
RANDOM=42
for ((t = 1; t <= trials; t++)); do
  "$BIN" --db "$db" ingest "$WORK/docs" -q >/dev/null 2>&1 &
  pid=$!
  delay_ms=$((RANDOM % (span_ms > 20 ? span_ms : 20) + 1))
  sleep "$(awk -v m="$delay_ms" 'BEGIN {printf "%.3f", m/1000}')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  "$BIN" --db "$db" db check -q >/dev/null || fail "trial $t: db check failed after SIGKILL at ${delay_ms} ms"
  facts "$db" >"$WORK/crash.facts"
  extra=$(comm -23 "$WORK/crash.facts" "$WORK/ref.facts" | head -3)
  [[ -z $extra ]] || fail "trial $t: half-stored or unexpected source(s): $extra"
  echo "trial $t: killed at ${delay_ms} ms, $(wc -l <"$WORK/crash.facts") of $expected sources stored whole"
done
"$BIN" --db "$db" ingest "$WORK/docs" -q || fail "resuming ingest failed"
got=$(q "$db" "SELECT count(*) FROM source")
[[ $got -eq $expected ]] || fail "after resuming: $got sources, expected $expected"
facts "$db" | cmp -s - "$WORK/ref.facts" || fail "after resuming: facts differ from the reference"
echo "crash test: $trials kills, database intact, $got/$expected sources after resuming"
