-- Schema 10: two-character words looked up as one token (issue 9: search p95 under 20 ms).
--
-- person_bigrams holds, for each person, every pair of adjacent characters of their names,
-- aliases and prison number (the fields of person_search, 0002), a pair a token of its own:
-- "陳大文" gives 陳大 大文. A two-character word — a two-character Chinese name, "Li", "Ng" —
-- is then one short list of persons instead of a phrase over two long ones in person_chars
-- (0006). unicode61 folds case and removes diacritics, as tsp_fold does (db/search-fold.ts);
-- pairs holding a space or ASCII punctuation are left out (a word of two letters or digits is
-- never one of them; db/case-search.ts looks any other up in person_chars).
--
-- A person whose fields hold a character whose pairs may not fold as tsp_fold folds the whole
-- text also gets the token `unfolded`, so that db/case-search.ts always takes and checks them:
-- a combining mark (U+0300-U+036F: tsp_fold joins "e" + U+0301 + "t" to "et", the pairs do
-- not), U+017F, U+01E0, U+01E1, U+1E9B, U+212B, and the CJK compatibility ideographs (which
-- tsp_fold's normalisation may change). For every other character, unicode61 and tsp_fold
-- agree on what folds to an ASCII letter or digit or a Han character (checked over every code
-- point), so a match of such a word needs no check of the person's row.
--
-- detail = none: only which persons hold a token (no positions), the smallest index; no copy
-- of the text (content = ''), rows deleted by rowid (contentless_delete). rowid = persons.id.

CREATE VIRTUAL TABLE person_bigrams USING fts5(
  bigrams, tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1, detail = none
);

-- What person_bigrams holds for each person (a view, so that the triggers share it): the pairs
-- of the fields as one text, a line feed between two fields; the aliases as stored (JSON text,
-- as tsp_fold reads them), its quotes and commas being punctuation. A text longer than
-- search_positions (1,000 characters) is `unfolded` too: its pairs past that are not indexed.
CREATE VIEW person_bigram_text (id, bigrams) AS
SELECT id, concat_ws(' ',
  (SELECT group_concat(substr(t, s.i, 2), ' ') FROM search_positions s
    WHERE s.i < length(t) AND substr(t, s.i, 2) NOT GLOB '*[' || char(10) || ' -/:-@[-`{-~]*'),
  CASE WHEN length(t) > 1000 OR t GLOB '*[' || char(768) || '-' || char(879) || char(383, 480, 481, 7835, 8491)
    || char(63744) || '-' || char(64255) || char(194560) || '-' || char(195103) || ']*' THEN 'unfolded' END)
FROM (SELECT id, concat_ws(char(10), family_name, given_names, native_name, aliases, prison_number) AS t FROM persons);

INSERT INTO person_bigrams (rowid, bigrams) SELECT id, bigrams FROM person_bigram_text;

CREATE TRIGGER persons_bigrams_insert AFTER INSERT ON persons
BEGIN
  INSERT INTO person_bigrams (rowid, bigrams) SELECT id, bigrams FROM person_bigram_text WHERE id = new.id;
END;

CREATE TRIGGER persons_bigrams_update
AFTER UPDATE OF family_name, given_names, native_name, aliases, prison_number ON persons
BEGIN
  DELETE FROM person_bigrams WHERE rowid = old.id;
  INSERT INTO person_bigrams (rowid, bigrams) SELECT id, bigrams FROM person_bigram_text WHERE id = new.id;
END;
