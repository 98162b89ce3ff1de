/** SQL for the store's named settings (migration 0014: the covering letter of the request). */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { statement } from './statements.ts';

export function readSetting(db: Database.Database, name: string): unknown {
  const value = statement(db, 'SELECT value FROM store_settings WHERE name = ?').pluck().get(name) as string | undefined;
  return value === undefined ? undefined : JSON.parse(value);
}

export function writeSetting(db: WriteDb, row: { name: string; value: unknown; updatedAt: string; updatedBy: string }): void {
  statement(
    db,
    `INSERT INTO store_settings (name, value, updated_at, updated_by) VALUES (@name, @value, @updatedAt, @updatedBy)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ ...row, value: JSON.stringify(row.value) });
}
