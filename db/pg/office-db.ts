/**
 * The office edition's store on PostgreSQL (issue 22; docs/architecture.md, "The office
 * edition on PostgreSQL"): its migrations and transactions. Built area by area; what exists so
 * far is the audit log (db/pg/audit.ts). Node only: the desk app never loads it.
 *
 * Migrations are the files of db/pg/migrations/ (NNNN_name.sql, numbered without gaps), each
 * applied in its own transaction (PostgreSQL's DDL is transactional), the version kept in
 * `tsp_schema`; a session-level advisory lock keeps two servers starting at once from applying
 * the same migration twice.
 */
import fs from 'node:fs';
import pg from 'pg';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;
/** The advisory lock key of migrations (any fixed 64-bit number; the audit chain has its own). */
const MIGRATION_LOCK = 7_305_001;

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export function loadPgMigrations(dir: URL = MIGRATIONS_DIR): PgMigration[] {
  const migrations = fs
    .readdirSync(dir)
    .flatMap((file) => {
      const match = FILE_NAME.exec(file);
      return match === null ? [] : [{ version: Number(match[1]), name: match[2] ?? file, sql: fs.readFileSync(new URL(file, dir), 'utf8') }];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`office migrations must be numbered 0001, 0002, ... without gaps: found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

/** The office store's schema version (0: an empty database). */
export async function pgSchemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ found: boolean }>("SELECT to_regclass('tsp_schema') IS NOT NULL AS found");
  if (exists.rows[0]?.found !== true) return 0;
  const result = await client.query<{ version: number }>('SELECT version FROM tsp_schema');
  return result.rows[0]?.version ?? 0;
}

/** Brings the database to the latest schema; returns the version it is at. */
export async function migratePg(client: pg.ClientBase, migrations: readonly PgMigration[] = loadPgMigrations()): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    let version = await pgSchemaVersion(client);
    const latest = migrations.length;
    if (version > latest) throw new Error(`the office store is at schema ${version}, newer than this server's (${latest}): use a newer TSP Desk server`);
    for (const migration of migrations.slice(version)) {
      await inTransaction(client, async () => {
        await client.query(migration.sql);
        if (version === 0) await client.query('CREATE TABLE tsp_schema (version integer NOT NULL)');
        await client.query(version === 0 ? 'INSERT INTO tsp_schema (version) VALUES ($1)' : 'UPDATE tsp_schema SET version = $1', [migration.version]);
      });
      version = migration.version;
    }
    return version;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** Runs `work` in one transaction on `client`: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
