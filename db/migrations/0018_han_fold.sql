-- Schema 18: Simplified and Traditional Chinese names find each other (issue 18): 陈大文 finds
-- 陳大文 and the reverse.
--
-- The three name indexes (person_search 0002, person_chars 0006, person_bigrams 0010) now hold
-- the names with each Chinese character folded by tsp_han (db/han-fold.ts: OpenCC's character
-- tables, every Traditional, Simplified, Hong Kong and Taiwan form of a character folded to one),
-- and db/case-search.ts folds the words it looks up the same way; tsp_fold, which checks the
-- candidates, folds them too. tsp_han turns one character into one character, so positions,
-- lengths, the 1,000 characters of search_positions and the `unfolded` token (0010) mean what
-- they meant. Like tsp_fold, tsp_han is registered on every connection (db/connection.ts):
-- writing a person's names needs it.
--
-- A FROM-less subquery (`(SELECT tsp_han(...) AS t) f`) is never flattened by SQLite: each text
-- is folded once, not once per character position.

DROP TRIGGER persons_search_insert;
DROP TRIGGER persons_search_update;
DROP TRIGGER persons_chars_insert;
DROP TRIGGER persons_chars_update;

-- What person_search and person_chars index for each person: the fields folded, the aliases as
-- their JSON array (folding leaves its quotes and escapes as they are).
CREATE VIEW person_han_text (id, family_name, given_names, native_name, aliases, prison_number) AS
SELECT id, tsp_han(family_name), tsp_han(given_names), tsp_han(native_name), tsp_han(aliases), tsp_han(prison_number)
FROM persons;

CREATE TRIGGER persons_search_insert AFTER INSERT ON persons
BEGIN
  INSERT INTO person_search(rowid, family_name, given_names, native_name, aliases, prison_number)
  SELECT f.id, f.family_name, f.given_names, f.native_name, (SELECT group_concat(value, ' ') FROM json_each(f.aliases)), f.prison_number
  FROM (SELECT * FROM person_han_text WHERE id = new.id LIMIT 1 OFFSET 0) f;
END;

CREATE TRIGGER persons_search_update
AFTER UPDATE OF family_name, given_names, native_name, aliases, prison_number ON persons
BEGIN
  DELETE FROM person_search WHERE rowid = old.id;
  INSERT INTO person_search(rowid, family_name, given_names, native_name, aliases, prison_number)
  SELECT f.id, f.family_name, f.given_names, f.native_name, (SELECT group_concat(value, ' ') FROM json_each(f.aliases)), f.prison_number
  FROM (SELECT * FROM person_han_text WHERE id = new.id LIMIT 1 OFFSET 0) f;
END;

-- person_chars' text of one field: its characters (up to the 1,000th), a space between.
CREATE TRIGGER persons_chars_insert AFTER INSERT ON persons
BEGIN
  INSERT INTO person_chars (rowid, family_name, given_names, native_name, aliases, prison_number)
  SELECT f.id,
    (SELECT group_concat(substr(f.family_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.family_name)),
    (SELECT group_concat(substr(f.given_names, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.given_names)),
    (SELECT group_concat(substr(f.native_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.native_name)),
    (SELECT group_concat(substr(a.value, s.i, 1), ' ' ORDER BY a.key, s.i) FROM json_each(f.aliases) a JOIN search_positions s ON s.i <= length(a.value)),
    (SELECT group_concat(substr(f.prison_number, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.prison_number))
  FROM (SELECT * FROM person_han_text WHERE id = new.id LIMIT 1 OFFSET 0) f;
END;

CREATE TRIGGER persons_chars_update
AFTER UPDATE OF family_name, given_names, native_name, aliases, prison_number ON persons
BEGIN
  DELETE FROM person_chars WHERE rowid = old.id;
  INSERT INTO person_chars (rowid, family_name, given_names, native_name, aliases, prison_number)
  SELECT f.id,
    (SELECT group_concat(substr(f.family_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.family_name)),
    (SELECT group_concat(substr(f.given_names, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.given_names)),
    (SELECT group_concat(substr(f.native_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.native_name)),
    (SELECT group_concat(substr(a.value, s.i, 1), ' ' ORDER BY a.key, s.i) FROM json_each(f.aliases) a JOIN search_positions s ON s.i <= length(a.value)),
    (SELECT group_concat(substr(f.prison_number, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.prison_number))
  FROM (SELECT * FROM person_han_text WHERE id = new.id LIMIT 1 OFFSET 0) f;
END;

-- person_bigrams (0010): the pairs of the folded text; whether it is `unfolded` is read on the
-- text as stored (folding neither adds nor removes any of those characters). The triggers of 0010
-- read this view by name and are kept.
DROP VIEW person_bigram_text;
CREATE VIEW person_bigram_text (id, bigrams) AS
SELECT id, concat_ws(' ',
  (SELECT group_concat(substr(f.t, s.i, 2), ' ') FROM (SELECT tsp_han(raw) AS t) f JOIN search_positions s
    ON s.i < length(f.t) AND substr(f.t, s.i, 2) NOT GLOB '*[' || char(10) || ' -/:-@[-`{-~]*'),
  CASE WHEN length(raw) > 1000 OR raw GLOB '*[' || char(768) || '-' || char(879) || char(383, 480, 481, 7835, 8491)
    || char(63744) || '-' || char(64255) || char(194560) || '-' || char(195103) || ']*' THEN 'unfolded' END)
FROM (SELECT id, concat_ws(char(10), family_name, given_names, native_name, aliases, prison_number) AS raw FROM persons);

-- The persons already stored whose names hold a character that folds: their rows again.
CREATE TEMP TABLE han_refold AS
SELECT id FROM persons
WHERE tsp_han(concat_ws(char(10), family_name, given_names, native_name, aliases, prison_number))
  IS NOT concat_ws(char(10), family_name, given_names, native_name, aliases, prison_number);

DELETE FROM person_search WHERE rowid IN (SELECT id FROM temp.han_refold);
INSERT INTO person_search(rowid, family_name, given_names, native_name, aliases, prison_number)
SELECT f.id, f.family_name, f.given_names, f.native_name, (SELECT group_concat(value, ' ') FROM json_each(f.aliases)), f.prison_number
FROM person_han_text f WHERE f.id IN (SELECT id FROM temp.han_refold);

DELETE FROM person_chars WHERE rowid IN (SELECT id FROM temp.han_refold);
INSERT INTO person_chars (rowid, family_name, given_names, native_name, aliases, prison_number)
SELECT f.id,
  (SELECT group_concat(substr(f.family_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.family_name)),
  (SELECT group_concat(substr(f.given_names, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.given_names)),
  (SELECT group_concat(substr(f.native_name, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.native_name)),
  (SELECT group_concat(substr(a.value, s.i, 1), ' ' ORDER BY a.key, s.i) FROM json_each(f.aliases) a JOIN search_positions s ON s.i <= length(a.value)),
  (SELECT group_concat(substr(f.prison_number, s.i, 1), ' ' ORDER BY s.i) FROM search_positions s WHERE s.i <= length(f.prison_number))
FROM (SELECT * FROM person_han_text WHERE id IN (SELECT id FROM temp.han_refold) LIMIT -1 OFFSET 0) f;

DELETE FROM person_bigrams WHERE rowid IN (SELECT id FROM temp.han_refold);
INSERT INTO person_bigrams (rowid, bigrams) SELECT id, bigrams FROM person_bigram_text WHERE id IN (SELECT id FROM temp.han_refold);

DROP TABLE temp.han_refold;
