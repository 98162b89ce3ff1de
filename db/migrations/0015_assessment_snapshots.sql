-- Schema 15 (issue 23): an assessment stores identical content once; re-assessment for
-- treaty map versions too.
--
-- * assessment_snapshots: content-addressed documents, each stored once under the sha256 of its
--   text (lower-case hex of its UTF-8 bytes) and shared by every assessment whose content is the
--   same: the case as assessed; the outcome (the result without the law's texts); the law's
--   texts (the instrument and treaty-map versions, each condition's source and confidence), the
--   same for every case assessed under one version of the law
--   (shared/eligibility/stored-result.ts). Never changed or deleted (triggers).
-- * assessments: rebuilt, the snapshot and result columns replaced by references to documents:
--   case_snapshot_id, result_id (the outcome; or, with texts_id NULL, the whole result as it
--   was written, as every assessment made before this schema), texts_id. An assessment reads
--   back byte for byte as it was frozen (db/assessments-repo.ts). Its rows, indexes and
--   guarantees (no update, no delete, the case's latest own assessment) are otherwise as before.
-- * reassess_reports.subject: also 'treaty-map' (rule_set_id then holds 'treaty-map').
--
-- Rebuilding a table that others reference, inside the migration's transaction, where PRAGMA
-- foreign_keys cannot be switched off: as 0003, defer_foreign_keys lets the old table go while
-- cases and reassess_items still name its rows, and re-inserting every row into the new table,
-- under the same name, resolves each reference again before the commit checks them. Dropping a
-- table fires no trigger of its own; its triggers are made again after the rows are back (so
-- assessments_track_latest does not move any case's latest assessment).
-- tsp_sha256(text) is registered by db/migrate.ts for this migration.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE assessment_snapshots (
  id      INTEGER PRIMARY KEY,
  hash    TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  content TEXT NOT NULL CHECK (json_valid(content))
) STRICT;

CREATE TRIGGER assessment_snapshots_no_update BEFORE UPDATE ON assessment_snapshots
BEGIN SELECT RAISE(ABORT, 'assessment snapshots are frozen'); END;
CREATE TRIGGER assessment_snapshots_no_delete BEFORE DELETE ON assessment_snapshots
BEGIN SELECT RAISE(ABORT, 'assessment snapshots are frozen'); END;

-- The existing snapshots and results, each text as it is (hashed once).
CREATE TEMP TABLE assessment_hashes_15 AS
  SELECT rowid AS row, tsp_sha256(case_snapshot) AS case_hash, tsp_sha256(result) AS result_hash FROM assessments;
INSERT INTO assessment_snapshots (hash, content)
  SELECT h.case_hash, a.case_snapshot FROM assessments a JOIN temp.assessment_hashes_15 h ON h.row = a.rowid WHERE true ORDER BY a.rowid
  ON CONFLICT (hash) DO NOTHING;
INSERT INTO assessment_snapshots (hash, content)
  SELECT h.result_hash, a.result FROM assessments a JOIN temp.assessment_hashes_15 h ON h.row = a.rowid WHERE true ORDER BY a.rowid
  ON CONFLICT (hash) DO NOTHING;

CREATE TEMP TABLE assessments_15 AS
  SELECT a.id, a.case_id, a.case_version, a.verdict, a.reference_date, a.on_date, a.rule_set_id, a.rule_set_version, a.rule_set_hash,
    a.rule_set_source, a.user_id, a.created_at, a.reason,
    (SELECT s.id FROM assessment_snapshots s WHERE s.hash = h.case_hash) AS case_snapshot_id,
    (SELECT s.id FROM assessment_snapshots s WHERE s.hash = h.result_hash) AS result_id
  FROM assessments a JOIN temp.assessment_hashes_15 h ON h.row = a.rowid ORDER BY a.rowid;

DROP TABLE assessments;

CREATE TABLE assessments (
  id               TEXT PRIMARY KEY,
  case_id          TEXT NOT NULL REFERENCES cases(id),
  case_version     INTEGER NOT NULL,
  verdict          TEXT NOT NULL CHECK (verdict IN ('eligible', 'ineligible', 'needs_information', 'eligible_by_exception')),
  reference_date   TEXT NOT NULL,
  on_date          TEXT,
  rule_set_id      TEXT NOT NULL,
  rule_set_version TEXT NOT NULL,
  rule_set_hash    TEXT NOT NULL CHECK (length(rule_set_hash) = 64),
  rule_set_source  TEXT NOT NULL CHECK (rule_set_source IN ('built-in', 'stored')),
  user_id          TEXT NOT NULL REFERENCES users(id),
  created_at       TEXT NOT NULL,
  reason           TEXT,
  case_snapshot_id INTEGER NOT NULL REFERENCES assessment_snapshots(id),
  result_id        INTEGER NOT NULL REFERENCES assessment_snapshots(id),
  texts_id         INTEGER REFERENCES assessment_snapshots(id)
) STRICT;

INSERT INTO assessments (id, case_id, case_version, verdict, reference_date, on_date, rule_set_id, rule_set_version, rule_set_hash,
    rule_set_source, user_id, created_at, reason, case_snapshot_id, result_id, texts_id)
  SELECT id, case_id, case_version, verdict, reference_date, on_date, rule_set_id, rule_set_version, rule_set_hash,
    rule_set_source, user_id, created_at, reason, case_snapshot_id, result_id, NULL
  FROM temp.assessments_15 ORDER BY rowid;

DROP TABLE temp.assessments_15;
DROP TABLE temp.assessment_hashes_15;

CREATE INDEX assessments_case ON assessments(case_id, created_at);
-- Covers what the case list shows of the latest assessment.
CREATE INDEX assessments_summary ON assessments(id, verdict, created_at);

CREATE TRIGGER assessments_no_update BEFORE UPDATE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are frozen snapshots'); END;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are frozen snapshots'); END;
-- As in 0012: an assessment under the case's own rule-set (or any, for a case that names none) becomes its latest.
CREATE TRIGGER assessments_track_latest AFTER INSERT ON assessments
WHEN (SELECT rule_set_id FROM cases WHERE id = new.case_id) IS NULL
  OR (SELECT rule_set_id FROM cases WHERE id = new.case_id) = new.rule_set_id
BEGIN UPDATE cases SET latest_assessment_id = new.id WHERE id = new.case_id; END;

-- Re-assessment reports for treaty map versions: the CHECK on subject changes, so the table is
-- rebuilt the same way (reassess_items references it), its columns in the same order.
CREATE TEMP TABLE reassess_reports_15 AS SELECT * FROM reassess_reports ORDER BY rowid;

DROP TABLE reassess_reports;

CREATE TABLE reassess_reports (
  id               TEXT PRIMARY KEY,
  rule_set_id      TEXT NOT NULL,
  rule_set_version TEXT NOT NULL,
  case_ids         TEXT NOT NULL CHECK (json_valid(case_ids) AND json_type(case_ids) = 'array'),
  total            INTEGER NOT NULL CHECK (total >= 0),
  reason           TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL REFERENCES users(id),
  subject          TEXT NOT NULL DEFAULT 'rule-set' CHECK (subject IN ('rule-set', 'profile', 'treaty-map'))
) STRICT;

INSERT INTO reassess_reports (id, rule_set_id, rule_set_version, case_ids, total, reason, created_at, created_by, subject)
  SELECT id, rule_set_id, rule_set_version, case_ids, total, reason, created_at, created_by, subject FROM temp.reassess_reports_15 ORDER BY rowid;

DROP TABLE temp.reassess_reports_15;

CREATE INDEX reassess_reports_version ON reassess_reports(subject, rule_set_id, rule_set_version);

CREATE TRIGGER reassess_reports_no_update BEFORE UPDATE ON reassess_reports
BEGIN SELECT RAISE(ABORT, 'a re-assessment report is never changed'); END;
CREATE TRIGGER reassess_reports_no_delete BEFORE DELETE ON reassess_reports
BEGIN SELECT RAISE(ABORT, 'a re-assessment report is never deleted'); END;
