-- Views for reading the database with sqlite3 or Datasette: the latest progress per commitment
-- and each commitment's status as of today (date('now'), UTC). They follow the rules of
-- pledgedb's status engine (docs/reports.md) with two simplifications: the pace is the straight
-- line from start to deadline (milestones are ignored) and the compiled target/deadline are used
-- (no re-reading of claims as of an earlier date). `pledgedb pledges` is the reference.

-- Finds commitments revised after a date (their deadline as of that date may differ).
CREATE INDEX commitment_claim_claimed ON commitment_claim (claimed_on);

-- The latest observation up to today for each commitment that has one (a stock: never summed).
CREATE VIEW v_commitment_latest AS
SELECT c.id AS commitment_id,
       p.id AS progress_id,
       p.as_of AS as_of,
       p.value AS value,
       p.unit AS unit,
       coalesce(s.url, p.source_url) AS source_url
FROM commitment AS c
JOIN progress AS p ON p.id = (SELECT q.id FROM progress AS q
                              WHERE q.commitment_id = c.id AND q.as_of <= date('now')
                              ORDER BY q.as_of DESC, q.id DESC LIMIT 1)
LEFT JOIN source AS s ON s.id = p.source_id;

-- Every commitment with its status as of today.
CREATE VIEW v_commitment_status AS
WITH base AS (
  SELECT c.id, c.agreement_id, pa.name AS party, c.metric, c.target, c.comparator, c.unit,
         coalesce(c.start, a.signed_on,
                  (SELECT min(s.published) FROM agreement_source AS x JOIN source AS s ON s.id = x.source_id
                   WHERE x.agreement_id = a.id)) AS start,
         c.deadline, c.manual_status, a.title, a.program, a.sector, a.region_code, r.name AS region,
         coalesce(a.country, r.country) AS country,
         l.value AS latest_value, l.as_of AS latest_as_of, l.source_url AS latest_source_url,
         (SELECT min(q.as_of) FROM progress AS q
          WHERE q.commitment_id = c.id AND q.as_of <= date('now') AND q.value >= c.target) AS met_on,
         date('now') AS as_of
  FROM commitment AS c
  JOIN agreement AS a ON a.id = c.agreement_id
  LEFT JOIN party AS pa ON pa.id = c.party_id
  LEFT JOIN region AS r ON r.code = a.region_code
  LEFT JOIN v_commitment_latest AS l ON l.commitment_id = c.id
),
paced AS (
  SELECT *,
         CASE WHEN target IS NULL OR start IS NULL OR deadline IS NULL THEN NULL
              WHEN as_of <= start THEN 0.0
              WHEN as_of >= deadline OR deadline <= start THEN target
              ELSE target * (julianday(as_of) - julianday(start)) / (julianday(deadline) - julianday(start))
         END AS expected
  FROM base
)
SELECT id AS commitment_id, agreement_id, party, metric, target, comparator, unit, start, deadline,
       latest_value, latest_as_of, latest_source_url,
       CASE WHEN target > 0 AND latest_value IS NOT NULL THEN round(100.0 * latest_value / target, 1) END AS percent,
       round(expected) AS expected,
       CASE WHEN manual_status IS NOT NULL THEN manual_status
            WHEN met_on IS NOT NULL THEN 'met'
            WHEN deadline IS NULL THEN 'open'
            WHEN deadline < as_of THEN CASE WHEN latest_as_of IS NULL THEN 'overdue_no_data' ELSE 'overdue' END
            WHEN latest_as_of IS NULL OR target IS NULL THEN 'no_data'
            WHEN expected IS NOT NULL AND latest_value < 0.9 * expected THEN 'behind'
            ELSE 'on_track'
       END AS status,
       met_on,
       CASE WHEN met_on IS NOT NULL AND deadline IS NOT NULL THEN met_on > deadline END AS met_late,
       CAST(julianday(deadline) - julianday(as_of) AS INTEGER) AS days_to_deadline,
       CASE WHEN target IS NOT NULL THEN max(0.0, target - coalesce(latest_value, 0.0)) END AS shortfall,
       region_code, region, country, title, program, sector, as_of
FROM paced;
