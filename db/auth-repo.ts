/**
 * SQL for sign-in credentials (table user_credentials, migration 0003): one row per user
 * who has a password. Rows are updated, never deleted (trigger user_credentials_never_deleted).
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { statement } from './statements.ts';

export interface Credentials {
  userId: string;
  /** `scrypt$N$r$p$salt$key` (electron/services/users-passwords.ts). */
  passwordHash: string;
  /** Consecutive failed sign-ins since the last success or reset. */
  failedAttempts: number;
  /** ISO instant until which sign-in is refused, or null. */
  lockedUntil: string | null;
  changedAt: string;
}

interface CredentialsRow {
  user_id: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  changed_at: string;
}

const SQL = {
  one: 'SELECT * FROM user_credentials WHERE user_id = ?',
  all: 'SELECT * FROM user_credentials',
  upsert: `INSERT INTO user_credentials (user_id, password_hash, failed_attempts, locked_until, changed_at)
    VALUES (@userId, @passwordHash, @failedAttempts, @lockedUntil, @changedAt)
    ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = excluded.failed_attempts,
      locked_until = excluded.locked_until, changed_at = excluded.changed_at`,
  attempts: 'UPDATE user_credentials SET failed_attempts = @failedAttempts, locked_until = @lockedUntil WHERE user_id = @userId',
  supervisorsWithPassword: `SELECT count(*) FROM user_credentials c JOIN users u ON u.id = c.user_id WHERE u.role = 'supervisor'`,
} as const;

const credentialsOf = (row: CredentialsRow): Credentials => ({
  userId: row.user_id,
  passwordHash: row.password_hash,
  failedAttempts: row.failed_attempts,
  lockedUntil: row.locked_until,
  changedAt: row.changed_at,
});

export function findCredentials(db: Database.Database, userId: string): Credentials | undefined {
  const row = statement(db, SQL.one).get(userId) as CredentialsRow | undefined;
  return row === undefined ? undefined : credentialsOf(row);
}

export function allCredentials(db: Database.Database): Map<string, Credentials> {
  return new Map((statement(db, SQL.all).all() as CredentialsRow[]).map((row) => [row.user_id, credentialsOf(row)]));
}

/** Sets a password: a new hash with the failure count and any lockout cleared. */
export function saveCredentials(db: WriteDb, credentials: Credentials): void {
  statement(db, SQL.upsert).run(credentials);
}

export function recordAttempts(db: WriteDb, userId: string, failedAttempts: number, lockedUntil: string | null): void {
  statement(db, SQL.attempts).run({ userId, failedAttempts, lockedUntil });
}

/** Whether any supervisor can sign in; none means the store still needs its administrator. */
export function supervisorCanSignIn(db: Database.Database): boolean {
  return (statement(db, SQL.supervisorsWithPassword).pluck().get() as number) > 0;
}
