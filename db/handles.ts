/**
 * Read and write handles on the store. The repository functions that change audited rows (cases,
 * their events, assessments, documents, transfer records, rule-set, profile and treaty map
 * versions, settings, users, credentials, re-assessment reports, the audit log) take a WriteDb;
 * the rest take the plain connection. A WriteDb is made only by `inWrite`, inside an open
 * transaction, and only electron/services/write.ts makes one for the app (lint restricts the
 * import: eslint.config.js), so the compiler checks that services are the only writers and that
 * every write runs in a service's transaction with its audit entry.
 */
import type Database from 'better-sqlite3';

declare const writing: unique symbol;

export type WriteDb = Database.Database & { readonly [writing]: true };

/** The handle of the transaction the caller has opened on `db`; refused outside a transaction. */
export function inWrite(db: Database.Database): WriteDb {
  if (!db.inTransaction) throw new Error('a write handle is made inside a transaction only');
  return db as WriteDb;
}
