-- Schema 12 (issues "treaty map", "instruments that replace others"): versions of the treaty
-- map, and the planned transfer date of a case.
--
-- * treaty_maps: versions of the treaty map (tsp-treaty-map/1: which instrument binds which
--   States from when, with their declarations and replacements), stored and versioned like
--   rule-sets and jurisdiction profiles: never changed, hashed, in force from effective_from.
--   Without a stored version the built-in map (shared/treaties/map/built-in) is used.
-- * cases.event_transfer_planned: the planned transfer (handover) date of the case file
--   (events.transferPlanned); the treaty basis must hold then too.

CREATE TABLE treaty_maps (
  version        TEXT NOT NULL PRIMARY KEY CHECK (length(trim(version)) > 0),
  effective_from TEXT NOT NULL,
  content        TEXT NOT NULL CHECK (json_valid(content)),
  hash           TEXT NOT NULL CHECK (length(hash) = 64),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL REFERENCES users(id)
) STRICT;

CREATE INDEX treaty_maps_in_force ON treaty_maps(effective_from);

CREATE TRIGGER treaty_maps_no_update BEFORE UPDATE ON treaty_maps
BEGIN SELECT RAISE(ABORT, 'a stored treaty map version is never changed'); END;
CREATE TRIGGER treaty_maps_no_delete BEFORE DELETE ON treaty_maps
BEGIN SELECT RAISE(ABORT, 'a stored treaty map version is never deleted'); END;

ALTER TABLE cases ADD COLUMN event_transfer_planned TEXT;

-- An assessment under another instrument than the case's own is exploration ("where could this
-- person go?"): it is kept with the others, but it no longer becomes the case's verdict or its
-- due dates. The case's own is its rule-set's (or any, for a case that names none yet).
DROP TRIGGER assessments_track_latest;
CREATE TRIGGER assessments_track_latest AFTER INSERT ON assessments
WHEN (SELECT rule_set_id FROM cases WHERE id = new.case_id) IS NULL
  OR (SELECT rule_set_id FROM cases WHERE id = new.case_id) = new.rule_set_id
BEGIN UPDATE cases SET latest_assessment_id = new.id WHERE id = new.case_id; END;

-- Stores from before: a case whose latest assessment was under another rule-set takes its latest
-- own assessment (none: not assessed under its instrument), and its due dates follow.
CREATE TEMP TABLE foreign_latest AS
  SELECT c.id AS case_id FROM cases c JOIN assessments a ON a.id = c.latest_assessment_id
  WHERE c.rule_set_id IS NOT NULL AND a.rule_set_id <> c.rule_set_id;
UPDATE cases SET latest_assessment_id = (
    SELECT a.id FROM assessments a WHERE a.case_id = cases.id AND a.rule_set_id = cases.rule_set_id
    ORDER BY a.created_at DESC, a.rowid DESC LIMIT 1)
  WHERE id IN (SELECT case_id FROM foreign_latest);
DELETE FROM case_due_dates WHERE case_id IN (SELECT case_id FROM foreign_latest);
INSERT INTO case_due_dates (case_id, rescreen_on, release_date, discharge_date)
  SELECT c.id, json_extract(a.result, '$.rescreenOn'), json_extract(a.result, '$.dates.releaseDate'),
    json_extract(a.result, '$.dates.expectedDischargeDate')
  FROM cases c JOIN assessments a ON a.id = c.latest_assessment_id
  WHERE c.id IN (SELECT case_id FROM foreign_latest);
DROP TABLE foreign_latest;

-- The facts of "the law, read again": whether the person has become a domiciliary of the
-- sentencing State, the law the sentence was imposed under (national or a constituent State's),
-- the person's custody (conditional release) and a constituent State's consent. NULL: unknown
-- (custody NULL: none recorded).
ALTER TABLE cases ADD COLUMN domiciliary INTEGER CHECK (domiciliary IN (0, 1));
ALTER TABLE cases ADD COLUMN judgment_jurisdiction TEXT;
ALTER TABLE cases ADD COLUMN custody_status TEXT CHECK (custody_status IN ('in-custody', 'conditional-release', 'at-large'));
ALTER TABLE cases ADD COLUMN custody_since TEXT CHECK (custody_status IS NOT NULL OR custody_since IS NULL);
ALTER TABLE consents ADD COLUMN state_authority TEXT CHECK (state_authority IN ('given', 'refused', 'not-asked'));
