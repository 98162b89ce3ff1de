-- Schema 3: the roles renamed (issue 8) and sign-in credentials.
--
-- Roles: officer (cases, assessments), legal (also dossiers, transfers, treaties),
-- supervisor (also approvals, users; was "admin"), viewer (reports, read-only; was "ministry").
--
-- The CHECK on users.role can only change by rebuilding the table. Migrations run inside a
-- transaction, where PRAGMA foreign_keys cannot be switched off, so the rebuild keeps the
-- foreign keys of case_events, assessments and rule_sets satisfied the other way:
-- defer_foreign_keys (reset at commit) lets the old table go while children still name its
-- rows, and re-inserting every row into the new table, under the same name, resolves each
-- of those references again before the commit checks them. Dropping a table does not fire
-- its triggers, so users_never_deleted does not stop the rebuild; it is re-created below.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE users_before_roles AS SELECT id, name, role, created_at FROM users;

DROP TABLE users;

CREATE TABLE users (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role       TEXT NOT NULL CHECK (role IN ('officer', 'legal', 'supervisor', 'viewer')),
  created_at TEXT NOT NULL
) STRICT;

INSERT INTO users (id, name, role, created_at)
SELECT id, name,
       CASE role WHEN 'admin' THEN 'supervisor' WHEN 'ministry' THEN 'viewer' ELSE role END,
       created_at
FROM users_before_roles;

DROP TABLE temp.users_before_roles;

CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'users are never deleted'); END;

-- One row per user who can sign in. password_hash holds the algorithm, its parameters, the
-- salt and the key (electron/services/passwords.ts), so parameters can be raised later
-- without invalidating stored hashes. failed_attempts counts consecutive failures;
-- locked_until (an ISO instant) is set when they reach the limit. Rows are updated when a
-- password changes or a sign-in fails or succeeds, and never deleted; every change is audited.
CREATE TABLE user_credentials (
  user_id         TEXT PRIMARY KEY REFERENCES users(id),
  password_hash   TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  failed_attempts INTEGER NOT NULL CHECK (failed_attempts >= 0),
  locked_until    TEXT,
  changed_at      TEXT NOT NULL
) STRICT;

CREATE TRIGGER user_credentials_never_deleted BEFORE DELETE ON user_credentials
BEGIN SELECT RAISE(ABORT, 'credentials are never deleted'); END;
