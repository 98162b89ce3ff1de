-- Schema 17 (issue 16): "has an open route", the case list's filter for every prisoner who could
-- be informed of the possibility of transfer (ETS 112 Art. 4(1)), by index rather than by running
-- the route finder over the whole store for each list.
--
-- * case_route_screens: when an open case was last screened (electron/services/route-index.ts):
--   the case's version, the day screened for, and the law's key (the built-in library and every
--   stored rule-set, profile and treaty-map version, by hash). A screen whose version, day or law
--   differs from today's is stale, and the list does not read its routes until it is redone.
-- * case_routes: the routes the route finder found for the case on that day
--   (shared/eligibility/routes.ts), one row each, with whether it is open and its window.
--
-- Both are derived data, like person_keys and the search indexes: recomputed from the case and
-- the law, never edited, not part of a case's audited digest (db/entity-digest.ts).
CREATE TABLE case_route_screens (
  case_id      TEXT PRIMARY KEY REFERENCES cases(id),
  case_version INTEGER NOT NULL,
  day          TEXT NOT NULL,
  law_key      TEXT NOT NULL,
  open_routes  INTEGER NOT NULL CHECK (open_routes >= 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_routes (
  case_id             TEXT NOT NULL REFERENCES case_route_screens(case_id),
  position            INTEGER NOT NULL CHECK (position >= 0),
  rule_set_id         TEXT NOT NULL,
  administering_state TEXT NOT NULL,
  open                INTEGER NOT NULL CHECK (open IN (0, 1)),
  opens_on            TEXT,
  closes_on           TEXT,
  PRIMARY KEY (case_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX case_route_screens_open ON case_route_screens(day, law_key) WHERE open_routes > 0;
