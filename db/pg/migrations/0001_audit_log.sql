-- The office edition's schema on PostgreSQL (issue 22), built area by area beside the desk
-- store's SQLite migrations (db/migrations/). First area: the audit log, one hash-chained log
-- for every officer of an office, with the desk store's columns and guarantees (0001, 0013):
-- append-only, no gaps and no forks, keyed from the first entry (an office store starts at
-- the desk's schema 13 and later, so every entry is keyed under the office's audit key).
-- The entries are the desk store's, byte for byte: `before` and `after` are the exact JSON
-- text the hash covers (text, not jsonb, which would rewrite it).
CREATE TABLE audit_log (
  seq       integer PRIMARY KEY CHECK (seq > 0),
  at        text NOT NULL,
  user_id   text NOT NULL,
  action    text NOT NULL,
  entity    text NOT NULL,
  entity_id text NOT NULL,
  reason    text,
  prev_hash text NOT NULL CHECK (length(prev_hash) = 64),
  hash      text NOT NULL UNIQUE CHECK (length(hash) = 64),
  before    text CHECK (before IS NULL OR before::jsonb IS NOT NULL),
  after     text CHECK (after IS NULL OR after::jsonb IS NOT NULL),
  digest    text CHECK (digest IS NULL OR length(digest) = 64),
  keyed     integer NOT NULL CHECK (keyed = 1)
);

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The chain has no gaps and no forks: each entry follows the last one committed and names its
-- hash. Two writers that read the same last entry cannot both append after it: the second
-- fails here or on the primary key. Writers serialise on an advisory lock first
-- (db/pg/audit.ts), so neither fails.
CREATE FUNCTION audit_log_chained() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq integer;
  last_hash text;
BEGIN
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  IF NEW.seq IS DISTINCT FROM coalesce(last_seq, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM coalesce(last_hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'audit_log entry does not continue the chain';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chained();
