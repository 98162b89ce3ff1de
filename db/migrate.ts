/**
 * Schema migrations: numbered SQL files in db/migrations (NNNN_name.sql), each applied in
 * its own transaction that also sets PRAGMA user_version to its number, so a failed
 * migration leaves the file at the previous version (docs/architecture.md "Storage").
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { sha256Hex } from './canonical-json.ts';
import { registerSearchFunctions } from './search-fold.ts';

/** Where the SQL files live; the build copies this folder next to the compiled migrate.js. */
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .flatMap((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) return [];
      return [{ version: Number(match[1]), name: match[2] ?? file, sql: fs.readFileSync(new URL(file, dir), 'utf8') }];
    })
    .sort((a, b) => a.version - b.version);
  // A gap or a duplicate number would make user_version ambiguous.
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 0001, 0002, ... without gaps: found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** Stop at this version (tests build files at earlier versions); default: the latest. */
  to?: number;
  migrations?: readonly Migration[];
}

/** Brings the database up to date; returns the versions before and after. */
export function migrate(db: Database.Database, options: MigrateOptions = {}): { from: number; to: number } {
  const migrations = options.migrations ?? loadMigrations();
  const latest = migrations.length;
  const target = options.to ?? latest;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new Error(`the database is at schema version ${from}, newer than this app knows (${latest}); use a newer TSP Desk`);
  }
  if (target < from) throw new Error(`cannot migrate down from version ${from} to ${target}`);
  // What the migrations' SQL calls: 0015 addresses the stored assessments' documents by their sha256;
  // 0018 folds the names it indexes (tsp_han).
  if (target > from) {
    db.function('tsp_sha256', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? sha256Hex(text) : null));
    registerSearchFunctions(db);
  }
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}
