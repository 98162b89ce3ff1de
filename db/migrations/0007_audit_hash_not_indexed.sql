-- Schema 7: the audit log without an index on its hashes (issue 9: batch re-assessment).
--
-- audit_log.hash was UNIQUE, which kept a second B-tree of random 64-character keys: every
-- entry landed on a random page of it, so a batch of 1,000 entries dirtied up to 1,000 pages
-- (about 4 MB written to the WAL, then again to the file). Measured on a 20,000-case store:
-- 573 -> 403 µs per re-assessed case. Uniqueness of the hashes guarded nothing the chain does
-- not: each hash covers its seq and the previous hash, the trigger audit_log_chained refuses
-- an entry that does not continue the last one, and verification recomputes every link.
-- Nothing looks an entry up by its hash.
--
-- SQLite cannot drop a UNIQUE constraint, so the table is rebuilt (sqlite.org/lang_altertable,
-- "other kinds of table schema changes"): new table, every row copied as it is, old table
-- dropped (DROP TABLE fires no DELETE trigger), new one renamed, indexes and triggers made
-- again exactly as in 0001. Nothing references audit_log.

CREATE TABLE audit_log_7 (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  reason    TEXT,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL CHECK (length(hash) = 64),
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

INSERT INTO audit_log_7 (seq, at, user_id, action, entity, entity_id, reason, prev_hash, hash, before, after)
SELECT seq, at, user_id, action, entity, entity_id, reason, prev_hash, hash, before, after FROM audit_log ORDER BY seq;

DROP TABLE audit_log;
ALTER TABLE audit_log_7 RENAME TO audit_log;

CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN new.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
  OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), printf('%.64d', 0))
BEGIN SELECT RAISE(ABORT, 'audit_log entry does not continue the chain'); END;
