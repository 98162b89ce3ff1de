/**
 * SQL for stored treaty map versions (schema 12). The built-in map is code
 * (shared/treaties/map/built-in); a stored version is never changed (triggers).
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { rowInForce } from './dated-rows.ts';
import { statement } from './statements.ts';

export interface TreatyMapRow {
  version: string;
  effective_from: string;
  content: string;
  hash: string;
  created_at: string;
  created_by: string;
}

const SQL = {
  insert: `INSERT INTO treaty_maps (version, effective_from, content, hash, created_at, created_by)
    VALUES (@version, @effective_from, @content, @hash, @created_at, @created_by)`,
  one: 'SELECT * FROM treaty_maps WHERE version = ?',
  all: 'SELECT version, effective_from, hash, created_at, created_by FROM treaty_maps ORDER BY effective_from DESC, created_at DESC',
  // Open cases naming a rule-set, oldest first: those a new version of the map governs (schema 15).
  openCases: 'SELECT id FROM cases WHERE rule_set_id IS NOT NULL AND closed_at IS NULL ORDER BY created_at, id',
} as const;

export function insertTreatyMapVersion(db: WriteDb, row: TreatyMapRow): void {
  statement(db, SQL.insert).run(row);
}

export function findTreatyMapVersion(db: Database.Database, version: string): TreatyMapRow | undefined {
  return statement(db, SQL.one).get(version) as TreatyMapRow | undefined;
}

/** The stored version in force on `isoDay` (shared/treaties/in-force.ts), if any. */
export function treatyMapInForce(db: Database.Database, isoDay: string): TreatyMapRow | undefined {
  const version = rowInForce(treatyMapVersions(db), isoDay);
  return version === undefined ? undefined : findTreatyMapVersion(db, version.version);
}

export type TreatyMapVersionRow = Omit<TreatyMapRow, 'content'>;

export function treatyMapVersions(db: Database.Database): TreatyMapVersionRow[] {
  return statement(db, SQL.all).all() as TreatyMapVersionRow[];
}

/** The open cases naming a rule-set, oldest first: every one of them is assessed with the map in force. */
export function openCasesUnderAnyRuleSet(db: Database.Database): string[] {
  return statement(db, SQL.openCases).pluck().all() as string[];
}
