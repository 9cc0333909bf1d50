-- Progress statements read before the pledge they report on is stored. Ingesting a pledge links
-- the waiting statements of its parties and metric (then deletes them here), so the progress a
-- database holds does not depend on the order its sources were ingested in (docs/ingest.md).
CREATE TABLE pending_progress (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  party_id   INTEGER REFERENCES party (id) ON DELETE SET NULL,  -- when the name resolved to a party
  party      TEXT NOT NULL,                                      -- the name as written
  party_key  TEXT NOT NULL,                                      -- text::fold(party), matched against party_alias.key
  metric     TEXT NOT NULL CHECK (metric IN ('jobs', 'investment', 'training', 'capacity', 'other')),
  as_of      TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of, '+0 days') IS as_of),
  value      REAL NOT NULL CHECK (value >= 0 AND value < 1e15),
  unit       TEXT,
  origin     TEXT NOT NULL CHECK (origin IN ('extracted', 'imported')),
  confidence REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
  region_code TEXT                                               -- the one region its source writes about (not a
                                                                 -- reference: a filter, as agreement.region_code)
) STRICT;
CREATE INDEX pending_progress_party ON pending_progress (party_id, metric);
CREATE INDEX pending_progress_key ON pending_progress (party_key, metric);
CREATE INDEX pending_progress_source ON pending_progress (source_id);

-- The words of a waiting statement (moved to `evidence` when it is linked).
CREATE TABLE pending_progress_evidence (
  id         INTEGER PRIMARY KEY,
  pending_id INTEGER NOT NULL REFERENCES pending_progress (id) ON DELETE CASCADE,
  start      INTEGER CHECK (start IS NULL OR start >= 0),
  end        INTEGER CHECK (end IS NULL OR end >= start),
  text       TEXT NOT NULL
) STRICT;
CREATE INDEX pending_progress_evidence_pending ON pending_progress_evidence (pending_id);
