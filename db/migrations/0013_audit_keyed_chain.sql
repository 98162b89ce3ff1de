-- Schema 13: the audit log becomes the evidence of the data (issue 24).
--
-- digest: sha256 of the canonical rows of the entity the entry names, as they were right
--   after the write it records (db/entity-digest.ts); NULL for entities without rows (store
--   events) and for entries written before this schema.
-- keyed: 0 for entries written before this schema (hash = sha256(prev_hash || canonical JSON)),
--   1 from the first entry after it on (hash = HMAC-SHA256 under the store's audit key,
--   db/audit-key.ts). The chain never goes back to unkeyed entries (the trigger below; verify
--   checks it too).
ALTER TABLE audit_log ADD COLUMN digest TEXT CHECK (digest IS NULL OR length(digest) = 64);
ALTER TABLE audit_log ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0 CHECK (keyed IN (0, 1));

CREATE TRIGGER audit_log_stays_keyed BEFORE INSERT ON audit_log
WHEN new.keyed = 0 AND EXISTS (SELECT 1 FROM audit_log WHERE keyed = 1)
BEGIN SELECT RAISE(ABORT, 'audit_log entries are keyed from schema 13 on'); END;

-- The seal: when a store that already has entries is brought to schema 13, one keyed entry
-- (action audit.seal, by the system) vouches for the digest of every entity as it is then;
-- the digests themselves are these rows, all named by that entry's seq, and the entry's
-- digest is the sha256 of them all (db/audit-seal.ts). Append-only.
CREATE TABLE audit_seal (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  digest    TEXT NOT NULL CHECK (length(digest) = 64),
  PRIMARY KEY (entity, entity_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;

-- Short-lived tokens a supervisor issues for `tsp` writes on a store with sign-in
-- (electron/services/cli-tokens.ts): the sha256 of the token, never the token; audited.
CREATE TABLE cli_tokens (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  issued_by  TEXT NOT NULL REFERENCES users(id),
  issued_at  TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER cli_tokens_no_update BEFORE UPDATE ON cli_tokens
BEGIN SELECT RAISE(ABORT, 'cli_tokens are never changed'); END;
CREATE TRIGGER cli_tokens_no_delete BEFORE DELETE ON cli_tokens
BEGIN SELECT RAISE(ABORT, 'cli_tokens are never deleted'); END;
