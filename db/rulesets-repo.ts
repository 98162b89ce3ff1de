/**
 * SQL for stored rule-set versions (custom or edited treaties). The built-in library is
 * code (shared/treaties/library.ts); a stored version is never changed (triggers).
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { statement } from './statements.ts';

export interface RuleSetRow {
  id: string;
  version: string;
  effective_from: string;
  content: string;
  hash: string;
  created_at: string;
  created_by: string;
  /** The one case an ad hoc arrangement is bound to (schema 5); null for the rest. */
  case_id: string | null;
}

const SQL = {
  insert: `INSERT INTO rule_sets (id, version, effective_from, content, hash, created_at, created_by, case_id)
    VALUES (@id, @version, @effective_from, @content, @hash, @created_at, @created_by, @case_id)`,
  one: 'SELECT * FROM rule_sets WHERE id = ? AND version = ?',
  // Latest effective date first: the first one in force on a reference date is the one to use.
  versionsOf: 'SELECT * FROM rule_sets WHERE id = ? ORDER BY effective_from DESC, created_at DESC',
  all: 'SELECT * FROM rule_sets ORDER BY id, effective_from DESC, created_at DESC',
  // Assessments that used each version of a rule-set (built-in or stored), by version.
  usage: 'SELECT rule_set_version AS version, count(*) AS n FROM assessments WHERE rule_set_id = ? GROUP BY rule_set_version',
  // Open cases naming a rule-set, oldest first: those a new version of it governs.
  openCases: 'SELECT id FROM cases WHERE rule_set_id = ? AND closed_at IS NULL ORDER BY created_at, id',
} as const;

export function insertRuleSetVersion(db: WriteDb, row: RuleSetRow): void {
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

/** How many assessments used each version of rule-set `id`. */
export function assessmentsPerVersion(db: Database.Database, id: string): Map<string, number> {
  const rows = statement(db, SQL.usage).all(id) as { version: string; n: number }[];
  return new Map(rows.map((r) => [r.version, r.n]));
}

/** The open cases that name rule-set `id`, oldest first. */
export function openCasesUnder(db: Database.Database, id: string): string[] {
  return statement(db, SQL.openCases).pluck().all(id) as string[];
}
