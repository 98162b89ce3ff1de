-- Schema 11 (issues "treaty map", "instruments that replace others"): versions of the treaty
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
