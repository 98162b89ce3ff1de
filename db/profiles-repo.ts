/**
 * SQL for stored jurisdiction profile versions (schema 5). The built-in profiles are code
 * (shared/treaties/jurisdictions.ts); a stored version is never changed (triggers).
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { statement } from './statements.ts';

export interface ProfileRow {
  code: string;
  version: string;
  effective_from: string;
  content: string;
  hash: string;
  created_at: string;
  created_by: string;
}

const SQL = {
  insert: `INSERT INTO jurisdiction_profiles (code, version, effective_from, content, hash, created_at, created_by)
    VALUES (@code, @version, @effective_from, @content, @hash, @created_at, @created_by)`,
  one: 'SELECT * FROM jurisdiction_profiles WHERE code = ? AND version = ?',
  all: 'SELECT * FROM jurisdiction_profiles ORDER BY code, effective_from DESC, created_at DESC',
  openCasesIn: 'SELECT id FROM cases WHERE sentencing_state = ? AND closed_at IS NULL ORDER BY created_at, id',
  openCasesNotIn: `SELECT id FROM cases WHERE closed_at IS NULL AND sentencing_state NOT IN (SELECT value FROM json_each(?))
    ORDER BY created_at, id`,
} as const;

export function insertProfileVersion(db: WriteDb, row: ProfileRow): void {
  statement(db, SQL.insert).run(row);
}

export function findProfileVersion(db: Database.Database, code: string, version: string): ProfileRow | undefined {
  return statement(db, SQL.one).get(code, version) as ProfileRow | undefined;
}

export function allStoredProfiles(db: Database.Database): ProfileRow[] {
  return statement(db, SQL.all).all() as ProfileRow[];
}

/** The open cases sentenced in `code`, oldest first. */
export function openCasesSentencedIn(db: Database.Database, code: string): string[] {
  return statement(db, SQL.openCasesIn).pluck().all(code) as string[];
}

/** The open cases sentenced anywhere but in `codes`, oldest first. */
export function openCasesSentencedOutside(db: Database.Database, codes: readonly string[]): string[] {
  return statement(db, SQL.openCasesNotIn).pluck().all(JSON.stringify(codes)) as string[];
}
