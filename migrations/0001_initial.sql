-- pledgedb initial schema: sources, regions, parties, agreements, commitments and their claims,
-- milestones, progress observations and evidence spans. Status is never stored: it is computed
-- as of a date. Dates are ISO 'YYYY-MM-DD' text checked to be real dates: the '+0 days' modifier
-- makes SQLite normalise 2023-02-30 to 2023-03-02, and IS (not =) keeps NULL from passing the check.

CREATE TABLE source (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  url         TEXT,
  outlet      TEXT,
  language    TEXT,
  title       TEXT,
  published   TEXT CHECK (published IS NULL OR (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(published, '+0 days') IS published)),
  path        TEXT,                      -- the file it was read from, as given
  format      TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'json', 'manual')),
  kind        TEXT CHECK (kind IS NULL OR kind IN ('announcement', 'progress', 'both', 'none')),
  text        TEXT NOT NULL,             -- the body; evidence offsets are UTF-8 byte offsets into it
  ingested_at TEXT NOT NULL
) STRICT;
CREATE INDEX source_published ON source (published);
CREATE INDEX source_url ON source (url);

-- Countries (ISO 3166-1 alpha-2) and subdivisions (ISO 3166-2) with their parent.
CREATE TABLE region (
  code    TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  type    TEXT NOT NULL,                 -- Country, Region, Province, Prefecture, ...
  parent  TEXT REFERENCES region (code),
  country TEXT NOT NULL                  -- ISO 3166-1 alpha-2
) STRICT, WITHOUT ROWID;
CREATE INDEX region_parent ON region (parent);
CREATE INDEX region_country ON region (country);

-- Spellings of a region or a city inside it; key is text::fold(alias).
CREATE TABLE region_alias (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES region (code) ON DELETE CASCADE,
  alias       TEXT NOT NULL,
  key         TEXT NOT NULL,
  lang        TEXT,
  kind        TEXT NOT NULL DEFAULT 'name' CHECK (kind IN ('name', 'city', 'former')),
  origin      TEXT NOT NULL CHECK (origin IN ('iso', 'curated', 'user')),
  UNIQUE (key, region_code)
) STRICT;
CREATE INDEX region_alias_region ON region_alias (region_code);

CREATE TABLE party (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('company', 'ministry', 'agency', 'government', 'region', 'person', 'other')),
  country    TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE party_alias (
  id       INTEGER PRIMARY KEY,
  party_id INTEGER NOT NULL REFERENCES party (id) ON DELETE CASCADE,
  alias    TEXT NOT NULL,
  key      TEXT NOT NULL,
  origin   TEXT NOT NULL CHECK (origin IN ('extracted', 'user', 'merged')),
  UNIQUE (key, party_id)
) STRICT;
CREATE INDEX party_alias_party ON party_alias (party_id);

CREATE TABLE agreement (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('mou', 'protocol', 'investment_agreement', 'convention', 'contract', 'announcement')),
  title       TEXT,
  signed_on   TEXT CHECK (signed_on IS NULL OR (signed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(signed_on, '+0 days') IS signed_on)),
  place       TEXT,
  country     TEXT,
  region_code TEXT REFERENCES region (code),
  city        TEXT,
  sector      TEXT,
  program     TEXT,
  confidence  REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX agreement_region ON agreement (region_code);
CREATE INDEX agreement_program ON agreement (program);
CREATE INDEX agreement_signed ON agreement (signed_on);

CREATE TABLE agreement_party (
  agreement_id   INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  party_id       INTEGER NOT NULL REFERENCES party (id),
  role           TEXT NOT NULL CHECK (role IN ('investor', 'signatory', 'government', 'agency', 'beneficiary', 'partner')),
  representative TEXT,
  title          TEXT,
  PRIMARY KEY (agreement_id, party_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_party_party ON agreement_party (party_id);

CREATE TABLE agreement_source (
  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  source_id    INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  PRIMARY KEY (agreement_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_source_source ON agreement_source (source_id);

-- A pledge. The value columns are compiled from commitment_claim by precedence
-- (manual > newest source > highest confidence); the claims keep the history.
CREATE TABLE commitment (
  id            INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  party_id      INTEGER REFERENCES party (id),
  metric        TEXT NOT NULL CHECK (metric IN ('jobs', 'investment', 'training', 'capacity', 'other')),
  target        REAL CHECK (target IS NULL OR (target >= 0 AND target < 1e15)),
  comparator    TEXT NOT NULL CHECK (comparator IN ('at_least', 'exactly', 'about', 'up_to')),
  unit          TEXT,
  qualifier     TEXT,
  start         TEXT CHECK (start IS NULL OR (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start, '+0 days') IS start)),
  deadline      TEXT CHECK (deadline IS NULL OR (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(deadline, '+0 days') IS deadline)),
  deadline_kind TEXT NOT NULL CHECK (deadline_kind IN ('none', 'absolute', 'horizon', 'relative')),
  deadline_text TEXT,
  manual_status TEXT CHECK (manual_status IS NULL OR manual_status IN ('cancelled', 'withdrawn', 'suspended')),
  confidence    REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX commitment_agreement ON commitment (agreement_id);
CREATE INDEX commitment_deadline ON commitment (deadline);
CREATE INDEX commitment_party ON commitment (party_id);
CREATE INDEX commitment_metric ON commitment (metric);

-- What one source (or one manual correction) says about a commitment.
CREATE TABLE commitment_claim (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  source_id     INTEGER REFERENCES source (id) ON DELETE CASCADE,
  origin        TEXT NOT NULL CHECK (origin IN ('extracted', 'imported', 'manual')),
  target        REAL CHECK (target IS NULL OR (target >= 0 AND target < 1e15)),
  comparator    TEXT CHECK (comparator IS NULL OR comparator IN ('at_least', 'exactly', 'about', 'up_to')),
  unit          TEXT,
  qualifier     TEXT,
  start         TEXT CHECK (start IS NULL OR (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start, '+0 days') IS start)),
  deadline      TEXT CHECK (deadline IS NULL OR (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(deadline, '+0 days') IS deadline)),
  deadline_kind TEXT CHECK (deadline_kind IS NULL OR deadline_kind IN ('none', 'absolute', 'horizon', 'relative')),
  deadline_text TEXT,
  manual_status TEXT CHECK (manual_status IS NULL OR manual_status IN ('cancelled', 'withdrawn', 'suspended')),
  note          TEXT,
  confidence    REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
  claimed_on    TEXT CHECK (claimed_on IS NULL OR (claimed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(claimed_on, '+0 days') IS claimed_on)),
  created_at    TEXT NOT NULL,
  CHECK ((origin = 'manual') = (source_id IS NULL))
) STRICT;
CREATE INDEX commitment_claim_commitment ON commitment_claim (commitment_id);
CREATE INDEX commitment_claim_source ON commitment_claim (source_id);

CREATE TABLE milestone (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  due           TEXT CHECK (due IS NULL OR (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(due, '+0 days') IS due)),
  target        REAL NOT NULL CHECK (target >= 0 AND target < 1e15),
  text          TEXT,
  source_id     INTEGER REFERENCES source (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX milestone_commitment ON milestone (commitment_id, due);

-- A dated observation of the achieved value (cumulative: the latest counts, never the sum).
CREATE TABLE progress (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  as_of         TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of, '+0 days') IS as_of),
  value         REAL NOT NULL CHECK (value >= 0 AND value < 1e15),
  unit          TEXT,
  source_id     INTEGER REFERENCES source (id) ON DELETE CASCADE,
  origin        TEXT NOT NULL CHECK (origin IN ('extracted', 'imported', 'manual')),
  note          TEXT,
  source_url    TEXT,                    -- for manual entries citing a document not ingested
  confidence    REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX progress_commitment ON progress (commitment_id, as_of);
CREATE INDEX progress_source ON progress (source_id);

-- A span of a source supporting exactly one fact.
CREATE TABLE evidence (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  start        INTEGER CHECK (start IS NULL OR start >= 0),
  end          INTEGER CHECK (end IS NULL OR end >= start),
  text         TEXT NOT NULL,
  agreement_id INTEGER REFERENCES agreement (id) ON DELETE CASCADE,
  claim_id     INTEGER REFERENCES commitment_claim (id) ON DELETE CASCADE,
  progress_id  INTEGER REFERENCES progress (id) ON DELETE CASCADE,
  milestone_id INTEGER REFERENCES milestone (id) ON DELETE CASCADE,
  CHECK ((agreement_id IS NOT NULL) + (claim_id IS NOT NULL) + (progress_id IS NOT NULL) + (milestone_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX evidence_source ON evidence (source_id);
CREATE INDEX evidence_agreement ON evidence (agreement_id);
CREATE INDEX evidence_claim ON evidence (claim_id);
CREATE INDEX evidence_progress ON evidence (progress_id);
CREATE INDEX evidence_milestone ON evidence (milestone_id);

-- Full-text search over source text (external content, kept in sync by triggers).
CREATE VIRTUAL TABLE source_fts USING fts5 (title, text, content = 'source', content_rowid = 'id',
                                            tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
  INSERT INTO source_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER source_fts_delete AFTER DELETE ON source BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER source_fts_update AFTER UPDATE ON source BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO source_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
