-- Schema 6: search that answers from indexes (issue 9: p95 under 20 ms over a million persons).
--
-- 1. person_chars: the same fields as person_search (0002), each character a token of its
--    own (unicode61 folds case and removes diacritics), so that a word of one or two
--    characters — a two-character Chinese name, "Li" — is a phrase query of its characters
--    instead of a scan of every person. It finds candidates only: db/case-search.ts still
--    checks each one with tsp_fold, so what matches is exactly what the scan matched.
--    Triggers cannot use WITH, so the characters are split with the table search_positions
--    (1..1000: no name or alias is that long; characters after the 1000th of one value are
--    not indexed).
-- 2. case_reference_search: the case references, trigram-indexed, so that a prison-number
--    or reference fragment no longer scans every case. Keyed by person id (stable across
--    VACUUM, unlike the rowid of cases); the rows hold the references of all the person's
--    cases, and db/case-search.ts checks the reference itself (LIKE) on each candidate.

CREATE TABLE search_positions (i INTEGER PRIMARY KEY);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO search_positions (i) SELECT i FROM n;

CREATE VIRTUAL TABLE person_chars USING fts5(
  family_name, given_names, native_name, aliases, prison_number,
  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
);

INSERT INTO person_chars (rowid, family_name, given_names, native_name, aliases, prison_number)
SELECT p.id,
  (SELECT group_concat(substr(p.family_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(p.family_name)),
  (SELECT group_concat(substr(p.given_names, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(p.given_names)),
  (SELECT group_concat(substr(p.native_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(p.native_name)),
  (SELECT group_concat(substr(a.value, s.i, 1), ' ' ORDER BY a.key, s.i) FROM json_each(p.aliases) a JOIN search_positions s ON s.i <= length(a.value)),
  (SELECT group_concat(substr(p.prison_number, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(p.prison_number))
FROM persons p;

CREATE TRIGGER persons_chars_insert AFTER INSERT ON persons
BEGIN
  INSERT INTO person_chars (rowid, family_name, given_names, native_name, aliases, prison_number) VALUES (new.id,
    (SELECT group_concat(substr(new.family_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.family_name)),
    (SELECT group_concat(substr(new.given_names, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.given_names)),
    (SELECT group_concat(substr(new.native_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.native_name)),
    (SELECT group_concat(substr(a.value, s.i, 1), ' ' ORDER BY a.key, s.i) FROM json_each(new.aliases) a JOIN search_positions s ON s.i <= length(a.value)),
    (SELECT group_concat(substr(new.prison_number, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.prison_number)));
END;

CREATE TRIGGER persons_chars_update
AFTER UPDATE OF family_name, given_names, native_name, aliases, prison_number ON persons
BEGIN
  DELETE FROM person_chars WHERE rowid = old.id;
  INSERT INTO person_chars (rowid, family_name, given_names, native_name, aliases, prison_number) VALUES (new.id,
    (SELECT group_concat(substr(new.family_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.family_name)),
    (SELECT group_concat(substr(new.given_names, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.given_names)),
    (SELECT group_concat(substr(new.native_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.native_name)),
    (SELECT group_concat(substr(a.value, s.i, 1), ' ' ORDER BY a.key, s.i) FROM json_each(new.aliases) a JOIN search_positions s ON s.i <= length(a.value)),
    (SELECT group_concat(substr(new.prison_number, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(new.prison_number)));
END;

CREATE VIRTUAL TABLE case_reference_search USING fts5(reference, tokenize = 'trigram', columnsize = 0);

INSERT INTO case_reference_search (rowid, reference)
SELECT person_id, group_concat(reference, char(10)) FROM cases WHERE reference IS NOT NULL GROUP BY person_id;

CREATE TRIGGER cases_reference_insert AFTER INSERT ON cases WHEN new.reference IS NOT NULL
BEGIN
  DELETE FROM case_reference_search WHERE rowid = new.person_id;
  INSERT INTO case_reference_search (rowid, reference)
  SELECT new.person_id, group_concat(reference, char(10)) FROM cases WHERE person_id = new.person_id AND reference IS NOT NULL;
END;

CREATE TRIGGER cases_reference_update AFTER UPDATE OF reference, person_id ON cases
BEGIN
  DELETE FROM case_reference_search WHERE rowid IN (old.person_id, new.person_id);
  INSERT INTO case_reference_search (rowid, reference)
  SELECT person_id, group_concat(reference, char(10)) FROM cases
  WHERE person_id IN (old.person_id, new.person_id) AND reference IS NOT NULL GROUP BY person_id;
END;

-- 3. The case list sorted by last update (its default): cases_person_order lets a search
--    count and sort a few thousand matching cases from the index alone, and
--    cases_updated_person lets it walk all cases newest first, checking only the index,
--    when a common name matches more than that.
CREATE INDEX cases_person_order ON cases(person_id, updated_at, id, closed_at);
CREATE INDEX cases_updated_person ON cases(updated_at, id, person_id, closed_at);
