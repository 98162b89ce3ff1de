-- Schema 14: the transfer as it really runs (issue 19): who a case is assigned to, the
-- handover's plan, the correspondence with its chase dates, case notes, the packages received,
-- and the covering letter's settings. Every new table of a case is append-only (a correction
-- is a new row; the audit log keeps who and why) and part of the case's digest
-- (db/entity-digest.ts: only once it has rows, so the digests of earlier writes still verify).

-- The officer a case is assigned to ("My cases"); NULL: nobody.
ALTER TABLE cases ADD COLUMN assigned_to TEXT REFERENCES users(id);
CREATE INDEX cases_assigned ON cases(assigned_to, updated_at) WHERE assigned_to IS NOT NULL;

-- Each scheduling of the handover: the latest row is the plan in force. `checks` is the check of
-- the case on the planned date (shared/workflow/handover-check.ts) as it was when scheduled.
CREATE TABLE case_handover_plans (
  id          INTEGER PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  planned_on  TEXT NOT NULL,
  place       TEXT NOT NULL CHECK (length(trim(place)) > 0),
  escort      TEXT,
  contact     TEXT,
  checks      TEXT CHECK (checks IS NULL OR json_valid(checks)),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX case_handover_plans_case ON case_handover_plans(case_id, id);

-- Requests, reminders, replies, notices and consultations, each with its date; an outgoing
-- letter may carry the date to chase an answer by (the Due page), answered by a later reply
-- from the same correspondent.
CREATE TABLE case_correspondence (
  id            INTEGER PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES cases(id),
  kind          TEXT NOT NULL CHECK (kind IN ('request', 'reminder', 'reply', 'notice', 'consultation')),
  correspondent TEXT NOT NULL CHECK (correspondent IN ('other-state', 'person', 'authority')),
  outgoing      INTEGER NOT NULL CHECK (outgoing IN (0, 1)),
  date          TEXT NOT NULL,
  reference     TEXT,
  subject       TEXT,
  chase_on      TEXT,
  recorded_at   TEXT NOT NULL,
  recorded_by   TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX case_correspondence_case ON case_correspondence(case_id, id);
CREATE INDEX case_correspondence_chase ON case_correspondence(chase_on) WHERE chase_on IS NOT NULL;

CREATE TABLE case_notes (
  id         INTEGER PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases(id),
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX case_notes_case ON case_notes(case_id, id);

-- A transfer package received from the other State and imported as an incoming case: matched
-- again on the sending State and its reference, so a second import makes no duplicate.
CREATE TABLE case_packages (
  id                INTEGER PRIMARY KEY,
  case_id           TEXT NOT NULL REFERENCES cases(id),
  sending_state     TEXT NOT NULL CHECK (length(sending_state) = 2),
  sending_reference TEXT NOT NULL CHECK (length(trim(sending_reference)) > 0),
  manifest_sha256   TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
  imported_at       TEXT NOT NULL,
  imported_by       TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE UNIQUE INDEX case_packages_sender ON case_packages(sending_state, sending_reference);

CREATE TRIGGER case_handover_plans_no_update BEFORE UPDATE ON case_handover_plans BEGIN SELECT RAISE(ABORT, 'case_handover_plans are append-only'); END;
CREATE TRIGGER case_handover_plans_no_delete BEFORE DELETE ON case_handover_plans BEGIN SELECT RAISE(ABORT, 'case_handover_plans are append-only'); END;
CREATE TRIGGER case_correspondence_no_update BEFORE UPDATE ON case_correspondence BEGIN SELECT RAISE(ABORT, 'case_correspondence is append-only'); END;
CREATE TRIGGER case_correspondence_no_delete BEFORE DELETE ON case_correspondence BEGIN SELECT RAISE(ABORT, 'case_correspondence is append-only'); END;
CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes BEGIN SELECT RAISE(ABORT, 'case_notes are append-only'); END;
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes BEGIN SELECT RAISE(ABORT, 'case_notes are append-only'); END;
CREATE TRIGGER case_packages_no_update BEFORE UPDATE ON case_packages BEGIN SELECT RAISE(ABORT, 'case_packages are append-only'); END;
CREATE TRIGGER case_packages_no_delete BEFORE DELETE ON case_packages BEGIN SELECT RAISE(ABORT, 'case_packages are append-only'); END;

-- Settings of the store kept as JSON by name (the covering letter of the request: letterhead,
-- addressees, reference, signature block); changed in place, each change audited.
CREATE TABLE store_settings (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER store_settings_no_delete BEFORE DELETE ON store_settings BEGIN SELECT RAISE(ABORT, 'store_settings are never deleted'); END;
