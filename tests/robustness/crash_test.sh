#!/usr/bin/env bash
# Crash safety: SIGKILL an ingest at random moments (TRIALS times, default 20); after each kill
# the database must pass `db check` and hold only whole documents (every stored source has
# exactly the facts the complete reference run gives it); a final run must complete the set.
#   crash_test.sh BIN GEN WORK [DOCS] [TRIALS]
source "$(dirname "$0")/common.sh"
docs=${4:-2000} trials=${5:-20}
"$GEN" --count "$docs" --seed 5 --out "$WORK/docs" 2>/dev/null
# The generator writes its ground truth (annotations without text) beside the documents.
mv "$WORK/docs/truth.ndjson" "$WORK/" 2>/dev/null || true

ref=$WORK/ref.db
"$BIN" --db "$ref" init -q
s=$(date +%s%N)
"$BIN" --db "$ref" ingest "$WORK/docs" -q || fail "reference ingest failed"
e=$(date +%s%N)
span_ms=$(((e - s) / 1000000))
facts "$ref" >"$WORK/ref.facts"
expected=$(q "$ref" "SELECT count(*) FROM source")
[[ $expected -gt 0 ]] || fail "reference stored nothing"

# Each trial kills a fresh ingest (an empty database) at a random moment of the reference run's
# span, so every kill lands mid-batch; every fifth killed database is then resumed to the end.
# (Re-running one database would only interrupt the first trial: later runs find it complete.)
"$BIN" --db "$WORK/empty.db" init -q
RANDOM=42
partial=0
for ((t = 1; t <= trials; t++)); do
  db=$WORK/crash$t.db
  cp "$WORK/empty.db" "$db"
  "$BIN" --db "$db" ingest "$WORK/docs" -q >/dev/null 2>&1 &
  pid=$!
  delay_ms=$((RANDOM % (span_ms > 20 ? span_ms : 20) + 1))
  sleep "$(awk -v m="$delay_ms" 'BEGIN {printf "%.3f", m/1000}')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  "$BIN" --db "$db" db check -q >/dev/null || fail "trial $t: db check failed after SIGKILL at ${delay_ms} ms"
  # The full-text index is written by the group commit (store::WriteGroup): it must hold every
  # stored source and nothing else.
  q "$db" "INSERT INTO source_fts (source_fts) VALUES ('integrity-check')" || fail "trial $t: full-text index damaged"
  [[ $(q "$db" "SELECT (SELECT count(*) FROM source_fts_docsize) = (SELECT count(*) FROM source)") == 1 ]] ||
    fail "trial $t: full-text index and sources disagree"
  facts "$db" >"$WORK/crash.facts"
  extra=$(comm -23 "$WORK/crash.facts" "$WORK/ref.facts" | head -3)
  [[ -z $extra ]] || fail "trial $t: half-stored or unexpected source(s): $extra"
  stored=$(wc -l <"$WORK/crash.facts")
  ((stored < expected)) && partial=$((partial + 1))
  echo "trial $t: killed at ${delay_ms} ms, $stored of $expected sources stored whole"
  if ((t % 5 == 0)); then
    "$BIN" --db "$db" ingest "$WORK/docs" -q >/dev/null 2>&1 || fail "trial $t: resuming ingest failed"
    got=$(q "$db" "SELECT count(*) FROM source")
    [[ $got -eq $expected ]] || fail "trial $t: after resuming: $got sources, expected $expected"
    facts "$db" | cmp -s - "$WORK/ref.facts" || fail "trial $t: after resuming: facts differ from the reference"
    echo "trial $t: resumed, $got/$expected sources, facts equal to the reference"
  fi
  rm -f "$db" "$db-wal" "$db-shm"
done
# Kills that all came after the end would prove nothing.
((partial * 2 >= trials)) || fail "only $partial of $trials kills interrupted the batch (machine too slow or fast?)"
echo "crash test: $trials kills ($partial mid-batch), databases intact, resumed ones complete"
