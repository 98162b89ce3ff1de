-- Schema 5 (issue 6): case-specific arrangements, re-assessment reports, and jurisdiction
-- profile versions.
--
-- * rule_sets.case_id: a rule-set bound to one case (an ad hoc arrangement for one
--   prisoner: Cap. 513 arrangements may be made "for a particular prisoner"); NULL for the
--   rest. It repeats the content's `caseId` so a case's arrangements are found by index.
-- * reassess_reports: one run of re-assessment after a rule-set version took effect, with
--   the cases it selected, in order. reassess_items: one row per case as it is processed,
--   the verdict before and after and the conditions whose status changed. Progress is the
--   count of items; both are append-only, so a report read later is the report as run.
-- * jurisdiction_profiles: versions of a sentencing jurisdiction's date rules (remission,
--   remand credit, appeal period), stored and versioned like rule-sets; never changed.

ALTER TABLE rule_sets ADD COLUMN case_id TEXT REFERENCES cases(id);
CREATE INDEX rule_sets_case ON rule_sets(case_id) WHERE case_id IS NOT NULL;

CREATE TABLE reassess_reports (
  id               TEXT PRIMARY KEY,
  rule_set_id      TEXT NOT NULL,
  rule_set_version TEXT NOT NULL,
  case_ids         TEXT NOT NULL CHECK (json_valid(case_ids) AND json_type(case_ids) = 'array'),
  total            INTEGER NOT NULL CHECK (total >= 0),
  reason           TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL REFERENCES users(id)
) STRICT;

CREATE INDEX reassess_reports_version ON reassess_reports(rule_set_id, rule_set_version);

CREATE TABLE reassess_items (
  report_id           TEXT NOT NULL REFERENCES reassess_reports(id),
  position            INTEGER NOT NULL CHECK (position >= 0),
  case_id             TEXT NOT NULL REFERENCES cases(id),
  outcome             TEXT NOT NULL CHECK (outcome IN ('changed', 'unchanged', 'skipped')),
  before_verdict      TEXT,
  after_verdict       TEXT,
  after_assessment_id TEXT REFERENCES assessments(id),
  -- [{ "id": condition id, "before": status or null, "after": status }]
  changed_conditions  TEXT NOT NULL CHECK (json_valid(changed_conditions) AND json_type(changed_conditions) = 'array'),
  skipped_reason      TEXT,
  PRIMARY KEY (report_id, position),
  CHECK ((outcome = 'skipped') = (skipped_reason IS NOT NULL)),
  CHECK (outcome = 'skipped' OR (after_verdict IS NOT NULL AND after_assessment_id IS NOT NULL))
) STRICT;

CREATE TRIGGER reassess_reports_no_update BEFORE UPDATE ON reassess_reports
BEGIN SELECT RAISE(ABORT, 'a re-assessment report is never changed'); END;
CREATE TRIGGER reassess_reports_no_delete BEFORE DELETE ON reassess_reports
BEGIN SELECT RAISE(ABORT, 'a re-assessment report is never deleted'); END;
CREATE TRIGGER reassess_items_no_update BEFORE UPDATE ON reassess_items
BEGIN SELECT RAISE(ABORT, 'a re-assessment report is never changed'); END;
CREATE TRIGGER reassess_items_no_delete BEFORE DELETE ON reassess_items
BEGIN SELECT RAISE(ABORT, 'a re-assessment report is never deleted'); END;

CREATE TABLE jurisdiction_profiles (
  code           TEXT NOT NULL CHECK (code = '*' OR code GLOB '[A-Z][A-Z]'),
  version        TEXT NOT NULL CHECK (length(trim(version)) > 0),
  effective_from TEXT NOT NULL,
  content        TEXT NOT NULL CHECK (json_valid(content)),
  hash           TEXT NOT NULL CHECK (length(hash) = 64),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (code, version)
) STRICT;

CREATE INDEX jurisdiction_profiles_in_force ON jurisdiction_profiles(code, effective_from);

CREATE TRIGGER jurisdiction_profiles_no_update BEFORE UPDATE ON jurisdiction_profiles
BEGIN SELECT RAISE(ABORT, 'a stored jurisdiction profile version is never changed'); END;
CREATE TRIGGER jurisdiction_profiles_no_delete BEFORE DELETE ON jurisdiction_profiles
BEGIN SELECT RAISE(ABORT, 'a stored jurisdiction profile version is never deleted'); END;
