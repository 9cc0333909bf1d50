# Shared helpers for the robustness scripts: BIN (pledgedb), GEN (pledgedb-gen), WORK (scratch).
set -euo pipefail
BIN=${1:?pledgedb binary}
GEN=${2:?pledgedb-gen binary}
WORK=${3:?scratch folder}
rm -rf "$WORK"
mkdir -p "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { sqlite3 -batch -noheader "$@"; }
# Per source: its hash and how many claims, evidence spans, observations and agreement links it
# has. Every committed state of a database must show only lines of the complete reference.
facts() {
  q "$1" "SELECT s.sha256,
      (SELECT count(*) FROM commitment_claim c WHERE c.source_id = s.id),
      (SELECT count(*) FROM evidence e WHERE e.source_id = s.id),
      (SELECT count(*) FROM progress p WHERE p.source_id = s.id),
      (SELECT count(*) FROM agreement_source a WHERE a.source_id = s.id)
    FROM source s ORDER BY s.sha256"
}
