/**
 * SQL for stored rule-set versions (custom or edited treaties). The built-in library is
 * code (shared/treaties/library.ts); a stored version is never changed (triggers).
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export interface RuleSetRow {
  id: string;
  version: string;
  effective_from: string;
  content: string;
  hash: string;
  created_at: string;
  created_by: string;
}

const SQL = {
  insert: `INSERT INTO rule_sets (id, version, effective_from, content, hash, created_at, created_by)
    VALUES (@id, @version, @effective_from, @content, @hash, @created_at, @created_by)`,
  one: 'SELECT * FROM rule_sets WHERE id = ? AND version = ?',
  // Latest effective date first: the first one in force on a reference date is the one to use.
  versionsOf: 'SELECT * FROM rule_sets WHERE id = ? ORDER BY effective_from DESC, created_at DESC',
  all: 'SELECT * FROM rule_sets ORDER BY id, effective_from DESC',
} as const;

export function insertRuleSetVersion(db: Database.Database, row: RuleSetRow): void {
  statement(db, SQL.insert).run(row);
}

export function findRuleSetVersion(db: Database.Database, id: string, version: string): RuleSetRow | undefined {
  return statement(db, SQL.one).get(id, version) as RuleSetRow | undefined;
}

export function ruleSetVersionsOf(db: Database.Database, id: string): RuleSetRow[] {
  return statement(db, SQL.versionsOf).all(id) as RuleSetRow[];
}

export function allStoredRuleSets(db: Database.Database): RuleSetRow[] {
  return statement(db, SQL.all).all() as RuleSetRow[];
}
