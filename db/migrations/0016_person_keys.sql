-- Schema 16: finding people (issue 18).
--
-- 1. person_keys: each person's prison number as it is compared (shared/domain/prison-number.ts:
--    letters and digits alone, NFKC, lower case), so that "csd16/98475" finds "CSD 16/98475" and
--    "61898084" finds "6189-8084", by index. db/cases-repo.ts writes it with the person, in the
--    same transaction; a person without a prison number has no row. It is derived data, like the
--    search indexes: not part of a case's audited digest (db/entity-digest.ts reads persons, whose
--    rows this migration leaves as they were). The key is computed in TypeScript, not SQL: this
--    migration adds a row with a NULL key for each person with a prison number, and the opening
--    of the store fills them (db/person-keys.ts, by the index below, so at no cost once done).
-- 2. persons_date_of_birth: a new case's duplicate check looks persons up by date of birth
--    (electron/services/duplicates.ts).

CREATE TABLE person_keys (
  person_id INTEGER PRIMARY KEY REFERENCES persons(id),
  prison_number_key TEXT
);
CREATE INDEX person_keys_prison_number ON person_keys(prison_number_key);

INSERT INTO person_keys (person_id, prison_number_key) SELECT id, NULL FROM persons WHERE prison_number IS NOT NULL;

CREATE INDEX persons_date_of_birth ON persons(date_of_birth);
