/**
 * Helpers for tests of the store: real SQLite files in a temporary folder (not mocks),
 * and a census of every table to show that a refused write changed nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { openDatabase } from './connection.ts';

export interface TempStore {
  db: Database.Database;
  file: string;
  /** Closes and opens the file again, as a restart of the app would. */
  reopen(): Database.Database;
  dispose(): void;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-desk-'));
}

export function tempStore(): TempStore {
  const dir = tempDir();
  const file = path.join(dir, 'store.sqlite');
  const store: TempStore = {
    db: openDatabase(file),
    file,
    reopen() {
      store.db.close();
      store.db = openDatabase(file);
      return store.db;
    },
    dispose() {
      if (store.db.open) store.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return store;
}

/** Row count of every table (FTS shadow tables included), by name. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
}

/** A digest of the content of every table: equal digests, unchanged store. */
export function storeDigest(db: Database.Database): string {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all()));
  return hash.digest('hex');
}

/** The store as a service's write holds it (db/handles.ts), for tests that write rows through the repositories directly. */
export const asWriter = (db: Database.Database): WriteDb => db as WriteDb;
