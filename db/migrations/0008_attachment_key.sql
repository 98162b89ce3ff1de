-- Schema 8: a key for the files attached to cases.
--
-- Attached documents (judgments, medical and social reports, consent declarations) live as
-- files beside the database (electron/services/documents.ts), outside its encryption. From
-- this version each new file is sealed with AES-256-GCM under this key, which lives inside
-- the database: in an encrypted store it is as protected as the cases themselves (a stolen
-- attachments folder reads as noise); in a plain store it protects no more than the store.
-- SQLite's randomblob draws on the operating system's randomness (os_unix.c xRandomness).
-- Files attached before this version stay as they were and are read as before.

CREATE TABLE store_secrets (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL CHECK (length(value) = 32)
) STRICT;

INSERT INTO store_secrets (name, value) VALUES ('attachments', randomblob(32));

CREATE TRIGGER store_secrets_no_update BEFORE UPDATE ON store_secrets
BEGIN SELECT RAISE(ABORT, 'store secrets are never changed'); END;
CREATE TRIGGER store_secrets_no_delete BEFORE DELETE ON store_secrets
BEGIN SELECT RAISE(ABORT, 'store secrets are never deleted'); END;
