-- Schema 4: transfer tracking (shared/workflow): what each timeline entry records beyond its
-- kind and date, each case's document checklist, and attachments stored by content hash.
--
-- case_events gains the transition it records (from-status, legal basis, reason code, the
-- documents it cites); older rows keep NULL there, which reads as "not recorded".
ALTER TABLE case_events ADD COLUMN from_status TEXT;
ALTER TABLE case_events ADD COLUMN legal_basis TEXT;
ALTER TABLE case_events ADD COLUMN reason_code TEXT;
ALTER TABLE case_events ADD COLUMN documents TEXT CHECK (documents IS NULL OR json_type(documents) = 'array');

-- The "what is due" query reads each open case's dated events by kind.
CREATE INDEX case_events_kind ON case_events(kind, case_id, date);

-- One row per case and document kind once someone has touched it; a kind without a row is
-- at its default ("required", or "not applicable" when the rule-set does not require it).
-- Updated in place (the audit log keeps every before/after), never deleted.
CREATE TABLE case_documents (
  case_id    TEXT NOT NULL REFERENCES cases(id),
  kind       TEXT NOT NULL CHECK (length(kind) > 0),
  status     TEXT NOT NULL CHECK (status IN ('required', 'requested', 'received', 'verified', 'sent', 'not_applicable')),
  note       TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (case_id, kind)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER case_documents_no_delete BEFORE DELETE ON case_documents
BEGIN SELECT RAISE(ABORT, 'case documents are never deleted'); END;

-- A file attached to a case's document; the bytes live in <data dir>/attachments/<aa>/<sha256>.
CREATE TABLE attachments (
  id         INTEGER PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases(id),
  kind       TEXT NOT NULL,
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  file_name  TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
  media_type TEXT NOT NULL,
  size       INTEGER NOT NULL CHECK (size >= 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
) STRICT;

CREATE INDEX attachments_case ON attachments(case_id, kind, id);

CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;

-- "What is due" across 100,000 cases without reading every assessment's JSON: the dates
-- the alerts need from each case's latest assessment (shared/workflow/alerts.ts), copied
-- out once when the assessment is stored (insertAssessment, which has them in hand: a
-- trigger re-parsing the result JSON doubled the cost of storing an assessment), indexed
-- (db/workflow-due.ts).
CREATE TABLE case_due_dates (
  case_id        TEXT PRIMARY KEY REFERENCES cases(id),
  rescreen_on    TEXT,
  release_date   TEXT,
  discharge_date TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX case_due_rescreen ON case_due_dates(rescreen_on) WHERE rescreen_on IS NOT NULL;
CREATE INDEX case_due_release ON case_due_dates(release_date) WHERE release_date IS NOT NULL;
CREATE INDEX case_due_discharge ON case_due_dates(discharge_date) WHERE discharge_date IS NOT NULL;

INSERT INTO case_due_dates (case_id, rescreen_on, release_date, discharge_date)
SELECT c.id, json_extract(a.result, '$.rescreenOn'), json_extract(a.result, '$.dates.releaseDate'),
       json_extract(a.result, '$.dates.expectedDischargeDate')
FROM cases c JOIN assessments a ON a.id = c.latest_assessment_id;

