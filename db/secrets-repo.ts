/** SQL for the store's own secrets (migration 0008): random keys kept inside the database, never changed. */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export type SecretName = 'attachments';

/** The 32-byte secret `name`; every store at schema 8 or later has each. */
export function storeSecret(db: Database.Database, name: SecretName): Buffer {
  const value = statement(db, 'SELECT value FROM store_secrets WHERE name = ?').pluck().get(name) as Buffer | undefined;
  if (value === undefined) throw new Error(`the store has no secret "${name}"`);
  return value;
}
