-- Schema 1: users, the case store (one row per fact of tsp-case/1), assessments,
-- stored rule-set versions, the case timeline and the hash-chained audit log.
--
-- Conventions:
-- * NULL is "unknown" (docs/case-format.md): a boolean is 0, 1 or NULL, never defaulted.
-- * JSON columns hold arrays written by the repositories; NULL (unknown) differs from '[]' (none).
-- * Nothing is hard-deleted (docs/architecture.md "Storage"): cases and persons are closed, never
--   removed; assessments, rule-set versions, the timeline and the audit log are append-only.
--   Child rows of a case (sentences, offences, consent, obligations) are replaced on update,
--   inside the transaction that writes the audit entry holding the before/after state.
-- * Workflow vocabularies that may grow (case status, close outcome) are checked by the
--   services, not by CHECK constraints, so adding a value needs no table rebuild.

CREATE TABLE users (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role       TEXT NOT NULL CHECK (role IN ('officer', 'legal', 'ministry', 'admin')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'users are never deleted'); END;

CREATE TABLE persons (
  id                    INTEGER PRIMARY KEY,
  family_name           TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
  given_names           TEXT,
  native_name           TEXT,
  aliases               TEXT CHECK (aliases IS NULL OR json_type(aliases) = 'array'),
  date_of_birth         TEXT CHECK (date_of_birth IS NULL OR date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  nationalities         TEXT CHECK (nationalities IS NULL OR json_type(nationalities) = 'array'),
  permanent_residence   TEXT CHECK (permanent_residence IS NULL OR json_type(permanent_residence) = 'array'),
  lives_in              TEXT CHECK (lives_in IS NULL OR length(lives_in) = 2),
  representative_needed INTEGER CHECK (representative_needed IN (0, 1)),
  prison_number         TEXT
) STRICT;

CREATE TRIGGER persons_never_deleted BEFORE DELETE ON persons
BEGIN SELECT RAISE(ABORT, 'persons are never deleted'); END;

CREATE TABLE cases (
  id                          TEXT PRIMARY KEY,
  reference                   TEXT,
  person_id                   INTEGER NOT NULL REFERENCES persons(id),
  sentencing_state            TEXT NOT NULL CHECK (length(sentencing_state) = 2),
  administering_state         TEXT NOT NULL CHECK (length(administering_state) = 2),
  direction                   TEXT CHECK (direction IN ('outgoing', 'incoming')),
  rule_set_id                 TEXT,
  status                      TEXT,
  version                     INTEGER NOT NULL CHECK (version >= 1),
  created_at                  TEXT NOT NULL,
  updated_at                  TEXT NOT NULL,
  closed_at                   TEXT,
  close_outcome               TEXT,
  close_reason                TEXT,
  judgment_date               TEXT,
  judgment_final              INTEGER CHECK (judgment_final IN (0, 1)),
  appeal_pending              INTEGER CHECK (appeal_pending IN (0, 1)),
  appeal_period_ends          TEXT,
  other_proceedings_pending   INTEGER CHECK (other_proceedings_pending IN (0, 1)),
  death_sentence              INTEGER CHECK (death_sentence IN (0, 1)),
  death_sentence_commuted     INTEGER CHECK (death_sentence_commuted IN (0, 1)),
  remand_days                 INTEGER CHECK (remand_days >= 0),
  -- 1 when the case lists its financial obligations (possibly none), NULL when unknown.
  financial_obligations_known INTEGER CHECK (financial_obligations_known = 1),
  expulsion_kind              TEXT CHECK (expulsion_kind IN ('in-sentence', 'administrative-consequential', 'administrative')),
  expulsion_date              TEXT,
  -- 1 when the person left the sentencing State (details may be unknown), NULL when unknown.
  left_sentencing_state       INTEGER CHECK (left_sentencing_state = 1),
  left_date                   TEXT,
  left_when                   TEXT CHECK (left_when IN ('after-final-judgment', 'during-proceedings')),
  left_to                     TEXT CHECK (left_to IS NULL OR length(left_to) = 2),
  event_application           TEXT,
  event_request               TEXT,
  event_request_received      TEXT,
  event_judgment_received     TEXT,
  event_states_agreed         TEXT,
  -- Paths of fields the case file left out (as opposed to writing null), so that a case
  -- reads back exactly as it was given; both mean "unknown".
  omitted_fields              TEXT CHECK (omitted_fields IS NULL OR json_type(omitted_fields) = 'array'),
  -- Kept by the trigger assessments_track_latest; never written by the repositories.
  latest_assessment_id        TEXT REFERENCES assessments(id),
  CHECK ((closed_at IS NULL) = (close_outcome IS NULL) AND (closed_at IS NULL) = (close_reason IS NULL)),
  CHECK (expulsion_kind IS NOT NULL OR expulsion_date IS NULL),
  CHECK (left_sentencing_state IS NOT NULL OR (left_date IS NULL AND left_when IS NULL AND left_to IS NULL))
) STRICT;

CREATE INDEX cases_person ON cases(person_id);
-- With the id, which breaks ties in the list's order, so a page is read straight off the index.
CREATE INDEX cases_updated ON cases(updated_at, id);
CREATE INDEX cases_created ON cases(created_at, id);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_rule_set ON cases(rule_set_id);
CREATE INDEX cases_states ON cases(sentencing_state, administering_state);

CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases
BEGIN SELECT RAISE(ABORT, 'cases are closed, never deleted'); END;

CREATE TABLE sentences (
  case_id        TEXT NOT NULL REFERENCES cases(id),
  sentence_key   TEXT NOT NULL CHECK (length(sentence_key) > 0),
  position       INTEGER NOT NULL,
  start          TEXT,
  term_kind      TEXT NOT NULL CHECK (term_kind IN ('fixed', 'life', 'indeterminate')),
  term_years     INTEGER CHECK (term_years >= 0),
  term_months    INTEGER CHECK (term_months >= 0),
  term_days      INTEGER CHECK (term_days >= 0),
  consecutive_to TEXT,
  PRIMARY KEY (case_id, sentence_key),
  UNIQUE (case_id, position),
  CHECK ((term_kind = 'fixed') = (term_years IS NOT NULL AND term_months IS NOT NULL AND term_days IS NOT NULL)),
  -- Deferred: a chain is written in file order, which may name a later sentence.
  FOREIGN KEY (case_id, consecutive_to) REFERENCES sentences(case_id, sentence_key) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;

CREATE TABLE offences (
  case_id            TEXT NOT NULL REFERENCES cases(id),
  offence_key        TEXT NOT NULL CHECK (length(offence_key) > 0),
  position           INTEGER NOT NULL,
  description        TEXT,
  categories         TEXT CHECK (categories IS NULL OR json_type(categories) = 'array'),
  max_penalty_months INTEGER CHECK (max_penalty_months >= 0),
  dual_criminality   TEXT CHECK (dual_criminality IN ('yes', 'no', 'unknown')),
  PRIMARY KEY (case_id, offence_key),
  UNIQUE (case_id, position)
) STRICT, WITHOUT ROWID;

-- Which offences a sentence was imposed for, in the order the case file lists them.
-- Keyed by case so a sentence can only name an offence of its own case.
CREATE TABLE sentence_offences (
  case_id      TEXT NOT NULL,
  sentence_key TEXT NOT NULL,
  position     INTEGER NOT NULL,
  offence_key  TEXT NOT NULL,
  PRIMARY KEY (case_id, sentence_key, position),
  FOREIGN KEY (case_id, sentence_key) REFERENCES sentences(case_id, sentence_key) ON DELETE CASCADE,
  FOREIGN KEY (case_id, offence_key) REFERENCES offences(case_id, offence_key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX sentence_offences_offence ON sentence_offences(case_id, offence_key);

-- One per case; no row means the consent is unknown.
CREATE TABLE consents (
  case_id          TEXT PRIMARY KEY REFERENCES cases(id),
  status           TEXT CHECK (status IN ('given', 'refused', 'withdrawn', 'not-asked')),
  given_by         TEXT CHECK (given_by IN ('person', 'representative')),
  date             TEXT,
  withdrawn_on     TEXT,
  verified         INTEGER CHECK (verified IN (0, 1)),
  opinion_recorded INTEGER CHECK (opinion_recorded IN (0, 1))
) STRICT;

CREATE TABLE financial_obligations (
  case_id            TEXT NOT NULL REFERENCES cases(id),
  position           INTEGER NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('fine', 'compensation', 'costs', 'confiscation')),
  amount             REAL CHECK (amount >= 0),
  currency           TEXT CHECK (currency IS NULL OR length(currency) = 3),
  paid               INTEGER CHECK (paid IN (0, 1)),
  incapacity_to_pay  INTEGER CHECK (incapacity_to_pay IN (0, 1)),
  PRIMARY KEY (case_id, position)
) STRICT, WITHOUT ROWID;

-- The case's timeline of the procedure (created, status changes, closure): append-only.
CREATE TABLE case_events (
  id         INTEGER PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases(id),
  kind       TEXT NOT NULL,
  date       TEXT NOT NULL,
  note       TEXT,
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX case_events_case ON case_events(case_id, id);

CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

-- Frozen snapshots (docs/architecture.md "Storage"): the case as assessed, the exact rule-set
-- version (with the hash of its content) and the result, so an old assessment stays
-- reproducible after the case or the treaty is edited.
-- The large JSON columns come last: a list reading the verdict of a row then does not
-- have to walk the overflow pages of the snapshot.
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
  case_snapshot    TEXT NOT NULL CHECK (json_valid(case_snapshot)),
  result           TEXT NOT NULL CHECK (json_valid(result))
) STRICT;

CREATE INDEX assessments_case ON assessments(case_id, created_at);
-- Covers what the case list shows of the latest assessment, without reading the snapshot rows.
CREATE INDEX assessments_summary ON assessments(id, verdict, created_at);

CREATE TRIGGER assessments_no_update BEFORE UPDATE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are frozen snapshots'); END;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are frozen snapshots'); END;
CREATE TRIGGER assessments_track_latest AFTER INSERT ON assessments
BEGIN UPDATE cases SET latest_assessment_id = new.id WHERE id = new.case_id; END;

-- Custom or edited rule-set versions; the built-in library lives in code
-- (shared/treaties/library.ts). A version, once stored, is never changed.
CREATE TABLE rule_sets (
  id             TEXT NOT NULL,
  version        TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  content        TEXT NOT NULL CHECK (json_valid(content)),
  hash           TEXT NOT NULL CHECK (length(hash) = 64),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (id, version)
) STRICT;

CREATE INDEX rule_sets_in_force ON rule_sets(id, effective_from);

CREATE TRIGGER rule_sets_no_update BEFORE UPDATE ON rule_sets
BEGIN SELECT RAISE(ABORT, 'a stored rule-set version is never changed'); END;
CREATE TRIGGER rule_sets_no_delete BEFORE DELETE ON rule_sets
BEGIN SELECT RAISE(ABORT, 'a stored rule-set version is never deleted'); END;

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical JSON of the entry)
-- (db/audit-repo.ts). No foreign key to users: the log stands on its own as evidence.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  reason    TEXT,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- The chain has no gaps and no forks: each entry follows the last one and names its hash.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN new.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
  OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), printf('%.64d', 0))
BEGIN SELECT RAISE(ABORT, 'audit_log entry does not continue the chain'); END;
