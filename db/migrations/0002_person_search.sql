-- Schema 2: full-text search over the names, aliases and prison number of persons
-- (docs/architecture.md "Storage"), in any script.
--
-- The trigram tokenizer matches any substring of three or more characters, case-folded,
-- so it needs no word boundaries: Chinese and Thai names are not written with spaces.
-- remove_diacritics lets "Jose" find "José". Queries shorter than three characters
-- cannot use a trigram index; db/case-search.ts falls back to a scan for those.
--
-- The index keeps its own copy of the text (not an external-content table) because the
-- aliases are indexed as plain words, not as the JSON array stored in persons.aliases.
-- rowid = persons.id. Persons are never deleted (trigger persons_never_deleted), so
-- insert and update are the only changes to follow.

CREATE VIRTUAL TABLE person_search USING fts5(
  family_name, given_names, native_name, aliases, prison_number,
  tokenize = 'trigram remove_diacritics 1'
);

INSERT INTO person_search(rowid, family_name, given_names, native_name, aliases, prison_number)
SELECT id, family_name, given_names, native_name,
       (SELECT group_concat(value, ' ') FROM json_each(persons.aliases)), prison_number
FROM persons;

CREATE TRIGGER persons_search_insert AFTER INSERT ON persons
BEGIN
  INSERT INTO person_search(rowid, family_name, given_names, native_name, aliases, prison_number)
  VALUES (new.id, new.family_name, new.given_names, new.native_name,
          (SELECT group_concat(value, ' ') FROM json_each(new.aliases)), new.prison_number);
END;

CREATE TRIGGER persons_search_update
AFTER UPDATE OF family_name, given_names, native_name, aliases, prison_number ON persons
BEGIN
  DELETE FROM person_search WHERE rowid = old.id;
  INSERT INTO person_search(rowid, family_name, given_names, native_name, aliases, prison_number)
  VALUES (new.id, new.family_name, new.given_names, new.native_name,
          (SELECT group_concat(value, ' ') FROM json_each(new.aliases)), new.prison_number);
END;
